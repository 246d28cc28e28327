"""General vocabulary of the entity rules, read from the package's data files: month, weekday and
holiday names, social platforms, honorifics (`data/vocabulary.yml`) and common given-name variants
(`data/given_names.csv`). None names a person, outlet or phrase of an article.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


@cache
def _vocabulary() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load((DATA / "vocabulary.yml").read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in words) for key, words in raw.items()}


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


def platforms() -> frozenset[str]:
    """Returns the social platforms' names, folded (lowercase words): always organisations."""
    return _vocabulary()["platforms"]


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
