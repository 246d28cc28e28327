"""Dates written in words: a day of the month as an ordinal ("March eighth") and a year
("nineteen ninety-six", "two thousand and four", "twenty ten"), as in broadcast transcripts.

`DAY_WORDS` and `YEAR_WORDS` are regular-expression fragments (case-insensitive) for the
patterns of `dates.py`; `day_from_words` and `year_from_words` read what they matched. The
words are data: `data/number_words.yml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

_WORDS = yaml.safe_load((Path(__file__).parent / "data" / "number_words.yml").read_text())
UNITS: dict[str, int] = _WORDS["units"]
TENS: dict[str, int] = _WORDS["tens"]
ORDINALS: dict[str, int] = _WORDS["ordinals"]
CENTURIES: dict[str, int] = _WORDS["centuries"]


def _alternation(words: Iterable[str]) -> str:
    """Returns a regex alternation of words, longest first (so "nineteen" wins over "nine")."""
    return "|".join(sorted(words, key=len, reverse=True))


_DIGIT = _alternation(w for w, n in UNITS.items() if n < 10)
_TEEN = _alternation(w for w, n in UNITS.items() if n >= 10)
_TENS = _alternation(TENS)
# 10 to 99 in words: "ninety-six", "ninety six", "sixteen".
_TEN_TO_99 = rf"(?:(?:{_TENS})(?:[- ](?:{_DIGIT}))?|{_TEEN})"
#: A year in words: "nineteen ninety-six", "nineteen hundred", "nineteen oh five", "two
#: thousand and four", "two thousand", "twenty ten" (after "twenty" a number from 10: "twenty
#: one" is a count).
YEAR_WORDS = (
    r"(?i:(?P<year_words>(?:eighteen|nineteen)\s+(?:hundred|oh[- ](?:"
    + _DIGIT
    + r")|"
    + _TEN_TO_99
    + r")|twenty\s+"
    + _TEN_TO_99
    + r"|two\s+thousand(?:\s+(?:and\s+)?(?:"
    + _TEN_TO_99
    + r"|"
    + _DIGIT
    + r"))?))"
)
#: What may not follow a year in words: more letters, or a unit of a count ("more than two
#: thousand years").
YEAR_WORDS_END = r"(?![\w-]|\s+(?:years?|months?|weeks?|days?|hours?|people|times)\b)"
#: A day of the month as an ordinal: "eighth", "twenty-first", "thirtieth".
DAY_WORDS = (
    r"(?i:(?P<day_words>(?:(?:twenty|thirty)[- ](?:"
    + _alternation(w for w, n in ORDINALS.items() if n < 10)
    + r")|"
    + _alternation(ORDINALS)
    + r")))"
)


def _number(words: list[str]) -> int | None:
    """Returns the value of 1 to 99 in words ("ninety", "six", "ninety six"), or None."""
    if len(words) == 1:
        return UNITS.get(words[0], TENS.get(words[0]))
    if len(words) == 2 and words[0] in TENS and UNITS.get(words[1], 10) < 10:
        return TENS[words[0]] + UNITS[words[1]]
    return None


def year_from_words(text: str) -> int | None:
    """Returns the year a `YEAR_WORDS` match names ("nineteen ninety-six" → 1996), or None."""
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        value = _number(rest) if rest else 0
        return None if value is None else 2000 + value
    century, rest = CENTURIES.get(words[0]), words[1:]
    if century is None or not rest:
        return None
    if rest == ["hundred"]:
        return century
    if rest[0] == "oh":
        rest = rest[1:]
    value = _number(rest)
    return None if value is None else century + value


def day_from_words(text: str) -> int | None:
    """Returns the day a `DAY_WORDS` match names ("twenty-first" → 21), or None."""
    words = re.split(r"[\s-]+", text.lower())
    if len(words) == 1:
        return ORDINALS.get(words[0])
    if len(words) == 2 and words[0] in TENS and ORDINALS.get(words[1], 10) < 10:
        return TENS[words[0]] + ORDINALS[words[1]]
    return None
