"""Days of the week a sentence names: two sentences that name different days tell different acts.

A paraphrase link joins two sentences that share words but not a run of them. Within a story
told over a week, sentences on different days share the story's people and words: "The council
approved the budget on Monday" / "The council sent the budget back on Thursday". When each of
the two sentences names a day of the week and they name none in common, they report what
happened on different days — two acts, not one statement told twice — and their paraphrase link
is dropped (`find_links`). A link whose words are (near) verbatim the same, or that shares a
quote, stays: the same words dated differently are one text that an outlet corrected or
reprinted, not a guess from shared words.

A day counts only as a date: a weekday in the plural ("on Mondays") is a habit, and a weekday
inside a capitalised name ("Super Tuesday", "Black Friday", a newspaper's "Sunday Times") is a
name — a weekday right after a capitalised word other than a date's cue ("On", "Late", "Last",
…) or right before a capitalised word is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A day of the week, capitalised, as a whole word (the plural "Mondays" is not one).
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
#: Capitalised words that may stand right before a day as a date's cue (at a sentence's or a
#: clause's start): the day is still a date after them.
DAY_CUES = frozenset(
    {
        "On",
        "By",
        "Since",
        "Until",
        "Till",
        "Through",
        "Before",
        "After",
        "From",
        "Last",
        "Next",
        "This",
        "Late",
        "Early",
        "And",
        "Or",
        "But",
        "Then",
    }
)
_WORD_BEFORE = re.compile(r"([A-Z][\w.'’-]*)\s+$")
_WORD_AFTER = re.compile(r"^\s+[A-Z]")


def name_days(text: str) -> frozenset[str]:
    """Returns the days of the week a sentence names as dates ("on Tuesday", "late Sunday",
    "Friday's vote"); none for a habit ("on Mondays") or a name ("Super Tuesday")."""
    days = set()
    for match in WEEKDAY.finditer(text):
        before = _WORD_BEFORE.search(text[: match.start()])
        if before and before.group(1) not in DAY_CUES:
            continue  # "Super Tuesday", "Fox News Sunday"
        if _WORD_AFTER.match(text[match.end() :]):
            continue  # "Sunday Times"
        days.add(match.group(1))
    return frozenset(days)


def differ_in_days(first: Iterable[str], second: Iterable[str]) -> bool:
    """Says whether two sentences' days (`name_days`) are both named and share none."""
    a, b = frozenset(first), frozenset(second)
    return bool(a) and bool(b) and not a & b
