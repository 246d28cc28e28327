"""General vocabulary of the entity rules, read from the package's data files: month, weekday and
holiday names, social platforms, honorifics (`data/vocabulary.yml`) and common given-name variants
(`data/given_names.csv`). None names a person, outlet or phrase of an article.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from ..text.lexicon import gender_of_given_name
from ..text.names import fold

DATA = Path(__file__).resolve().parent / "data"


@cache
def _raw_vocabulary() -> dict[str, object]:
    raw = yaml.safe_load((DATA / "vocabulary.yml").read_text(encoding="utf-8"))
    return dict(raw)


@cache
def _vocabulary() -> dict[str, frozenset[str]]:
    return {
        key: frozenset(str(w).lower() for w in words)
        for key, words in _raw_vocabulary().items()
        if isinstance(words, list)
    }


@cache
def _title_forms() -> dict[str, str]:
    forms = _raw_vocabulary()["title_forms"]
    assert isinstance(forms, dict)
    return {str(form).lower(): str(title) for title, found in forms.items() for form in found}


def title_of(word: str) -> str:
    """Returns the title a title word or honorific names, lowercase ("Sen." and "Senator" are
    both "senator", "Mrs." and "Ms." both "ms"); a word not listed names itself."""
    word = word.lower().rstrip(".")
    return _title_forms().get(word, word)


def calendar_words() -> frozenset[str]:
    """Returns the month and weekday names (and month abbreviations), lowercase."""
    return _vocabulary()["months"] | _vocabulary()["weekdays"]


def holidays() -> frozenset[str]:
    """Returns the names of holidays and observances, lowercase: dates, not entities."""
    return _vocabulary()["holidays"]


def weekdays() -> frozenset[str]:
    """Returns the weekday names, lowercase."""
    return _vocabulary()["weekdays"]


def month_context() -> frozenset[str]:
    """Returns the words before a month name that make it a date ("in", "last", …), lowercase."""
    return _vocabulary()["month_context"]


def name_suffixes() -> frozenset[str]:
    """Returns the generational suffixes ("jr", "iii"), lowercase without a full stop."""
    return _vocabulary()["name_suffixes"]


def surname_particles() -> frozenset[str]:
    """Returns the particles that begin a surname ("de", "van"), lowercase."""
    return _vocabulary()["surname_particles"]


def patronymic_particles() -> frozenset[str]:
    """Returns the words inside a name that say "son of" or "daughter of" ("bin"), lowercase."""
    return _vocabulary()["patronymic_particles"]


def inner_titles() -> frozenset[str]:
    """Returns the titles and ranks that are never a surname ("mayor", "sgt"), lowercase."""
    return _vocabulary()["inner_titles"]


def of_titles() -> frozenset[str]:
    """Returns the titles and offices a place follows with "of" ("duke", "bishop"), lowercase."""
    return _vocabulary()["of_titles"]


def platforms() -> frozenset[str]:
    """Returns the social platforms' names, folded (lowercase words): always organisations."""
    return _vocabulary()["platforms"]


def deities() -> frozenset[str]:
    """Returns the names of God and religious figures, folded (lowercase words): always
    PERSON."""
    return _vocabulary()["deities"]


def page_furniture_words() -> frozenset[str]:
    """Returns the words of a web page's furniture ("slideshow", "email", "sign"), lowercase: a
    name made only of these is no name."""
    return _vocabulary()["page_furniture"]


def page_furniture_fillers() -> frozenset[str]:
    """Returns the words that join furniture words into one caption ("more", "up"), lowercase."""
    return _vocabulary()["page_furniture_fillers"]


def page_furniture_name_endings() -> frozenset[str]:
    """Returns the furniture words that also end an institution's name ("gallery")."""
    return _vocabulary()["page_furniture_name_endings"]


def storm_words() -> frozenset[str]:
    """Returns the words before a storm's given name ("hurricane", "storm"), lowercase."""
    return _vocabulary()["storm_words"]


def person_nouns() -> frozenset[str]:
    """Returns the nouns a person's name modifies after an article ("family", "regime"),
    lowercase lemmas."""
    return _vocabulary()["person_nouns"]


def owner_person_nouns() -> frozenset[str]:
    """Returns the nouns only a person has after a name's possessive ("wife", "manager"),
    lowercase lemmas."""
    return _vocabulary()["owner_person_nouns"]


def person_name_adjectives() -> frozenset[str]:
    """Returns the words before "name" that only a person's other name takes ("real",
    "legal", "stage"), lowercase."""
    return _vocabulary()["person_name_adjectives"]


def occupation_words() -> frozenset[str]:
    """Returns the lowercase occupation nouns that make the name after them a person's
    ("actress", "star"), lowercase."""
    return _vocabulary()["occupation_words"]


def honorifics() -> frozenset[str]:
    """Returns the honorifics and personal titles set aside before a name, lowercase."""
    return _vocabulary()["honorifics"]


@cache
def _variant_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for line in (DATA / "given_names.csv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms = [w.strip().lower() for w in line.split(",") if w.strip()]
        for form in forms:
            groups.setdefault(form, set()).update(forms)
    return {form: frozenset(others) for form, others in groups.items()}


def same_given_name(a: str, b: str) -> bool:
    """Returns whether two given names (any case) are variants of one name in the curated list
    (Bill/William, Mike/Michael); a name is not its own variant here."""
    a, b = a.lower(), b.lower()
    return a != b and b in _variant_groups().get(a, frozenset())


def is_given_name(word: str) -> bool:
    """Returns whether a word (any case) is a common given name: one of one gender
    (`analysis/text/data/given_name_genders.csv`) or a form in `data/given_names.csv`."""
    return gender_of_given_name(word) is not None or word.lower() in _variant_groups()


@cache
def alias_groups() -> dict[str, int]:
    """Returns, by folded form ("u s", "united states"), the number of the line of
    `data/aliases.csv` that lists it: forms with one number name one country or body."""
    groups: dict[str, int] = {}
    lines = (DATA / "aliases.csv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        for form in line.split(","):
            if fold(form):
                groups[fold(form)] = number
    return groups
