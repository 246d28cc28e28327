"""Directions: which side of publication a date phrase without its own year lies on, read from
the words just before it (a scheduling word, "earlier", "ahead of", "until") and the tense of
its verb, and whether a date a tense cue placed lies on that cue's side. The word lists are read
from `data/directions.yml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import yaml

from .placing import WEEKDAYS, Resolved, groups_of, is_this_weekend

_DIRECTIONS = yaml.safe_load((Path(__file__).parent / "data" / "directions.yml").read_text())
#: Words just before a date that make it a coming day ("payable March 3"), lowercase.
FORWARD_WORDS: tuple[str, ...] = tuple(_DIRECTIONS["forward_words"])
#: Auxiliaries and modals of a future verb, and verbs that plan what they govern (events.py).
FUTURE_AUXILIARIES = frozenset(_DIRECTIONS["future_auxiliaries"])
FUTURE_GOVERNORS = frozenset(_DIRECTIONS["future_governors"])
#: Words that open a time clause ("when the market reopened Monday"): under a future verb its past
#: tense is a reported future (events.py).
TIME_CONJUNCTIONS = frozenset(_DIRECTIONS["time_conjunctions"])
#: Participles spaCy makes prepositions that pass on the tense of their verb (events.py).
COMPARISON_PREPOSITIONS = frozenset(_DIRECTIONS["comparison_prepositions"])
#: Words just before a date that put it in the past without a future verb ("earlier on Friday").
BACKWARD_WORDS: tuple[str, ...] = tuple(_DIRECTIONS["backward_words"])
_BACKWARD_BEFORE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, BACKWARD_WORDS)) + r")"
    r"(?:\s+(?:on|the|its|his|her|their|our|this|that))?\s*$",
    re.IGNORECASE,
)
_FORWARD_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FORWARD_WORDS) + r")\s*$",
    re.IGNORECASE,
)
#: The same words with a preposition between them and the date ("the report is due in June",
#: "rules effective on Monday"): forward unless the verb is past ("the fee was due in June").
_FORWARD_THROUGH = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FORWARD_WORDS if " " not in w)
    + r")\s+(?:in|on|by)\s+$",
    re.IGNORECASE,
)


#: Words before a possessive weekday that put its day ahead ("ahead of Tuesday's debate").
AHEAD_WORDS: tuple[str, ...] = tuple(_DIRECTIONS["ahead_words"])
_AHEAD_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in AHEAD_WORDS) + r")\s*$",
    re.IGNORECASE,
)


_FUTURE_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(FUTURE_AUXILIARIES) if w.isalpha()) + r")\b"
)


#: Words just before a date that make it the limit of something still running after a present
#: perfect ("has extended the sign-up period until Nov. 9", "has postponed the vote to March").
UNTIL_WORDS: tuple[str, ...] = tuple(_DIRECTIONS["until_words"])
_UNTIL_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, UNTIL_WORDS)) + r")\s*$", re.I)


#: "until" before a date, maybe with a time of day or "on" between ("have until noon Friday to
#: file"): under a verb with no tense cue (a present, no verb) the limit of what still runs.
_UNTIL_NOW_BEFORE = re.compile(
    r"\b(?:until|till)\s+(?:(?:midnight|noon|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)\s+)?"
    r"(?:on\s+)?$",
    re.I,
)


def _on_its_side(direction: str, resolved: Resolved, published: dt.date | None) -> bool:
    """Says whether a date a tense cue placed lies on the cue's side of publication: not after
    it for `backward`, not before it for `forward` (the last day of a span)."""
    day, day_end = resolved[0], resolved[1]
    if day is None or published is None:
        return True
    return day <= published if direction == "backward" else (day_end or day) >= published


def _direction(
    kind: str,
    m: re.Match[str],
    text: str,
    start: int,
    tense: Callable[[int, int], str | None] | None,
    published: dt.date | None = None,
) -> str:
    """Returns how a phrase is placed in time: `stated` when the words fix it, else `forward`
    (a scheduling word before it, else a future verb), `backward` (a past verb) or `nearest`."""
    groups = groups_of(m)
    lead = groups.get("lead", "").strip().lower()
    if kind in ("month_day", "quarter") and groups.keys() & {"year", "qyear", "qrel"}:
        return "stated"
    if kind == "month_day" and "date_rel" in groups:  # "next Oct. 1", "last March 3"
        return "forward" if groups["date_rel"].lower() == "next" else "backward"
    if kind in ("month_year", "year"):
        return "stated"
    if kind == "quarter":
        return "nearest"  # results of the quarter just ended are "expected", "to be reported"
    if kind == "relative_span" and is_this_weekend(groups):
        pass  # "this weekend": the one before or after, as "the weekend"
    elif kind in ("relative_day", "relative_span", "ago"):
        return "stated"
    rel = " ".join(groups.get("rel", "").lower().split())
    if rel in ("last", "next"):
        return "stated"
    if rel.startswith("the "):
        return "anchored"  # "the previous Friday": before a day the words do not give
    if kind == "month" and lead in ("last", "next"):
        return "backward" if lead == "last" else "forward"
    if kind == "month" and (lead == "this" or "year_rel" in groups):
        return "stated"
    cue = tense(start, m.end()) if tense else None
    if cue != "pluperfect" and _FORWARD_BEFORE.search(text[:start]):
        return "forward"
    if cue not in ("past", "perfect", "pluperfect") and _FORWARD_THROUGH.search(text[:start]):
        return "forward"  # "the report is due in June"
    if kind == "weekday" and not rel and re.match(r"['’]s\b", text[m.end() :]):
        return _possessive_direction(cue, text, start, _days_back(m, published))
    if cue not in ("future", "future_in_past") and _BACKWARD_BEFORE.search(text[:start]):
        return "backward"  # "after firing missiles earlier on Wednesday"
    if cue == "perfect" and _UNTIL_BEFORE.search(text[:start]):
        return "forward"  # "has extended the permits through January": the limit lies ahead
    if cue is None and _UNTIL_NOW_BEFORE.search(text[:start]):
        return "forward"  # "the council has until noon Friday to decide": a limit ahead
    if (
        cue == "future_in_past"
        and kind in ("weekday", "weekend", "relative_span")
        and not _UNTIL_BEFORE.search(text[:start])
    ):
        # "said the mayor would speak on Tuesday": after the day it was said, which may lie a few
        # days before publication; a month or a date beyond that week stays forward, and so
        # does a limit the plan sets ("vowed to hold the talks open through the weekend")
        return "nearest"
    return {
        "future": "forward",
        "future_in_past": "forward",
        "past": "backward",
        "pluperfect": "backward",
        "perfect": "backward",
    }.get(cue or "", "nearest")


def _possessive_direction(cue: str | None, text: str, start: int, back: int | None) -> str:
    """Returns the direction of a possessive weekday ("Thursday's close", "Sunday's match"): it
    names a thing, which the verb's tense does not date ("Sunday's match could settle the
    argument"). After a word of what lies ahead ("ahead of Tuesday's debate") it is
    `forward`; with a future verb, or a future auxiliary anywhere in the sentence ("Following
    Friday's vote, the board will choose"), the nearest; with a past verb `backward`; with no
    verb `backward` when the day before publication is at most one day farther than the coming
    one (what the day's thing is, it has become: "Thursday's close" in a Monday article, 4 days
    back and 3 ahead), the nearest otherwise ("Monday's vote" in a Sunday article is
    tomorrow's). `back`: days back to that
    weekday (0 on the day itself), None without a publication date."""
    if _AHEAD_BEFORE.search(text[:start]):
        return "forward"
    if cue in ("future", "future_in_past") or _FUTURE_WORD.search(text):
        return "nearest"
    if cue in ("past", "perfect", "pluperfect") or back is None or back <= (7 - back) + 1:
        return "backward"  # "attended Sunday's game": it took place
    return "nearest"


def _days_back(m: re.Match[str], published: dt.date | None) -> int | None:
    """Returns how many days back from publication the weekday of a match last fell (0 on the
    day itself), None without a publication date."""
    if published is None:
        return None
    return (published.weekday() - WEEKDAYS[m.group("weekday").lower()]) % 7
