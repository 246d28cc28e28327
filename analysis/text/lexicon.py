"""Word lists shared by the entity, quote and timeline rules, read from the package's data files
(`data/lexicon.yml`: speech verbs, person verbs, role nouns; `data/given_name_genders.csv`:
common given names of one gender), and the word tokeniser used when comparing texts. None names
a person, outlet or phrase of an article."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


def words(text: str) -> list[str]:
    """Returns the lowercase word tokens of a text (runs of letters, digits and _)."""
    return re.findall(r"\w+", text.lower())


def _read_lists() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load((DATA / "lexicon.yml").read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in values) for key, values in raw.items()}


_LISTS = _read_lists()
#: Attribution verbs: a quote's `cue` is one of these (or "according to"); being the subject of
#: one is also a cue that a name is a person's or an organisation's.
SPEECH_VERBS = _LISTS["speech_verbs"]
#: Verbs only people do; their subject is a person.
PERSON_VERBS = _LISTS["person_verbs"]
#: Nouns for a person's role: "X, the head of …", "the minister said".
ROLE_NOUNS = _LISTS["role_nouns"]
#: Words right before a name that say a man ("Mr.", "spokesman") or a woman ("Ms.", "sister").
MALE_WORDS = _LISTS["male_words"]
FEMALE_WORDS = _LISTS["female_words"]


@cache
def _given_name_genders() -> dict[str, str]:
    lines = (DATA / "given_name_genders.csv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if line.strip() and not line.startswith("#"))
    return {row["name"].strip().lower(): row["gender"].strip() for row in rows}


def gender_of_given_name(name: str) -> str | None:
    """Returns "m" or "f" for a common given name of one gender ("Margaret" → "f"), else None
    (a name given to both, or not listed)."""
    return _given_name_genders().get(name.strip(".").lower())
