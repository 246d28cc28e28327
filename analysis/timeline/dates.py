"""Date phrases: finding them in a text and resolving them against the publication date.

The finder is a set of regular expressions over the text (month names, weekdays, relative words);
what they do not match is not a date (numbers such as `1,500 jobs`, `May` as a verb, ages,
durations such as `seven years`). A bare year counts only when spaCy tags it as a DATE. The rules,
with examples, are in docs/timeline.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
#: Parts of the day, as written → the value of `part_of_day`.
PARTS_OF_DAY = {
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
    "midday": "midday",
    "noon": "midday",
    "late": "late",
    "early": "early",
}
#: The hour each part of the day is drawn at on a timeline.
PART_OF_DAY_HOURS = {
    "early": 6,
    "morning": 9,
    "midday": 12,
    "afternoon": 15,
    "evening": 19,
    "late": 21,
    "night": 22,
}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"a": 1, "an": 1}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
# "late on August 5", "early Friday", "on the evening of 4 August" (the qualifier before the date)
_BEFORE = (
    r"(?:(?P<pre>late|early)(?:\s+on)?\s+|(?:on\s+)?the\s+(?P<pre_part>morning|afternoon|"
    r"evening|night)\s+of\s+)?"
)
_YEAR_AFTER = rf"(?:,?\s+{_YEAR})?"
_COUNT = r"(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"
# Words before a bare month or year that make it a date ("in May", "since 2014"); they are not part
# of the phrase.
_LEAD = r"(?P<lead>(?:in|since|during|until|by|from|of|early|late|mid|last|this)\s+)"

#: Each pattern, in priority order (an earlier match wins over an overlapping later one).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "month_day",
        re.compile(rf"\b{_BEFORE}{_MONTH}\s+{_DAY}(?!\w){_YEAR_AFTER}(?:\s+{_PART})?(?!\w)"),
    ),
    (
        "month_day",
        re.compile(
            rf"\b{_BEFORE}{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w){_YEAR_AFTER}(?:\s+{_PART})?(?!\w)"
        ),
    ),
    (
        "month_year",
        re.compile(rf"\b(?:(?P<pre>early|late|mid)[- ]?)?{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ),
    ("month", re.compile(rf"\b{_LEAD}{_MONTH}(?!\w)(?!\s+\d)")),
    ("weekday", re.compile(rf"\b{_BEFORE}(?P<rel>last\s+|this\s+)?{_WEEKDAY}(?:\s+{_PART})?\b")),
    (
        "relative_day",
        re.compile(
            r"\b(?P<word>yesterday|today|tonight|tomorrow|last\s+night|"
            r"this\s+(?:morning|afternoon|evening))"
            rf"(?:\s+{_PART})?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative_span",
        re.compile(
            r"(?<!\bthe\s)\b(?P<which>earlier\s+this|later\s+this|this|last|next)\s+"
            r"(?P<unit>weekend|week|month|year)"
            r"(?!\w|\s+(?:of|and|or)\b)",
            re.IGNORECASE,
        ),
    ),
    ("ago", re.compile(rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b{_LEAD}{_YEAR}(?!\w)(?!,\d)")),
]


#: Kinds that depend on the publication date (the others give at least the month in words).
RELATIVE_KINDS = frozenset({"weekday", "relative_day", "relative_span", "ago"})


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in a text, resolved against a publication date.

    Attributes:
        start: Start offset in the text searched.
        end: End offset (exclusive).
        text: The words as written, `text[start:end]`.
        kind: Which pattern matched (month_day, month_year, month, weekday, relative_day,
            relative_span, ago, year).
        date: The day, or the first day of a span; None when it cannot be resolved.
        date_end: The last day of a span; None for a single day.
        precision: day, part_of_day, week, month or year.
        part_of_day: morning, evening, late, … when stated.
        resolution: `explicit` (the words give the day and month) or `relative` (it depends on
            the publication date: weekdays, yesterday, last week, …).
    """

    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None
    date_end: dt.date | None
    precision: str
    part_of_day: str | None
    resolution: str


def find_dates(
    text: str,
    *,
    published: dt.date | None,
    is_year: Callable[[int, int], bool] | None = None,
    offset: int = 0,
) -> list[DatePhrase]:
    """Finds the date phrases of a text and resolves each against the publication date.

    Args:
        text: The text (a sentence or a whole body).
        published: The article's publication date; None leaves every date that needs it
            (everything but a phrase with its year) missing.
        is_year: Says whether the 4-digit number at (start, end) of `text` is a year (e.g. spaCy
            tagged it DATE); None accepts every bare year after `in`, `since`, … .
        offset: Added to every start/end (the text's offset in the article body).

    Returns:
        The phrases, in text order, never overlapping.
    """
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start = m.end("lead") if m.groupdict().get("lead") else m.start()
            if any(start < e and s < m.end() for s, e in taken):
                continue
            if kind == "year" and is_year is not None and not is_year(start, m.end()):
                continue
            resolved = _resolve(kind, m, published)
            if resolved is None:
                continue
            taken.append((start, m.end()))
            day, day_end, precision, part = resolved
            found.append(
                DatePhrase(
                    start=start + offset,
                    end=m.end() + offset,
                    text=text[start : m.end()],
                    kind=kind,
                    date=day,
                    date_end=day_end,
                    precision=precision,
                    part_of_day=part,
                    resolution="relative" if kind in RELATIVE_KINDS else "explicit",
                )
            )
    return sorted(found, key=lambda p: p.start)


Resolved = tuple[dt.date | None, dt.date | None, str, str | None]


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """Returns (date, date_end, precision, part_of_day), or None when the match is not a date."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    part = _part_of_day(groups)
    if kind == "month_day":
        return _month_day(groups, published, part)
    if kind in ("month_year", "month"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        year = int(groups["year"]) if "year" in groups else _latest_year(month, 1, published)
        if year is None:
            return None, None, "month", None
        return _month_span(year, month) + ("month", None)
    if kind == "year":
        return _year_span(int(groups["year"])) + ("year", None)
    precision = "part_of_day" if part else "day"
    if published is None:
        return None, None, _span_precision(kind, groups, precision), part
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        if back == 0 and groups.get("rel", "").strip().lower() == "last":
            back = 7
        return published - timedelta(days=back), None, precision, part
    if kind == "relative_day":
        word = " ".join(groups["word"].lower().split())
        back = {"yesterday": 1, "last night": 1, "tomorrow": -1}.get(word, 0)
        part = (
            part
            or {"tonight": "night", "last night": "night"}.get(word)
            or (PARTS_OF_DAY.get(word.split()[-1]) if word.startswith("this ") else None)
        )
        return published - timedelta(days=back), None, "part_of_day" if part else "day", part
    if kind == "relative_span":
        return _relative_span(groups, published)
    return _ago(groups, published)


def _part_of_day(groups: dict[str, str]) -> str | None:
    for key in ("part", "pre_part", "pre"):
        if key in groups and groups[key].lower() in PARTS_OF_DAY:
            return PARTS_OF_DAY[groups[key].lower()]
    return None


def _span_precision(kind: str, groups: dict[str, str], day_precision: str) -> str:
    if kind in ("relative_span", "ago"):
        return groups["unit"].lower()
    return day_precision


def _month_day(
    groups: dict[str, str], published: dt.date | None, part: str | None
) -> Resolved | None:
    month, day = MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
    if not 1 <= day <= 31:
        return None
    precision = "part_of_day" if part else "day"
    if "year" in groups:
        try:
            return dt.date(int(groups["year"]), month, day), None, precision, part
        except ValueError:
            return None
    if day > max(calendar.monthrange(y, month)[1] for y in (2023, 2024)):
        return None  # "February 30" and the like
    year = _latest_year(month, day, published)
    if year is None:
        return None, None, precision, part
    return dt.date(year, month, day), None, precision, part


def _latest_year(month: int, day: int, published: dt.date | None) -> int | None:
    """Returns the year putting month/day closest on or before the publication date."""
    if published is None:
        return None
    year = published.year
    while True:
        try:
            if dt.date(year, month, day) <= published:
                return year
        except ValueError:  # 29 February of a common year
            pass
        year -= 1


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _relative_span(groups: dict[str, str], published: dt.date) -> Resolved:
    """Returns the span of `this/earlier this/later this/last/next week|weekend|month|year`."""
    which, unit = " ".join(groups["which"].lower().split()), groups["unit"].lower()
    if unit == "weekend":
        saturday = published + timedelta(days=5 - published.weekday())  # of the publication week
        if which == "last":
            saturday -= timedelta(days=7)
        elif which == "next":
            saturday += timedelta(days=7)
        return saturday, saturday + timedelta(days=1), "week", None
    if which == "last" and unit == "week":
        # From the Monday of the previous week to the day before publication: both readings of
        # "last week" (the previous calendar week, and the past seven days).
        monday = published - timedelta(days=published.weekday())
        return monday - timedelta(days=7), published - timedelta(days=1), "week", None
    shift = {"last": -1, "next": 1}.get(which, 0)
    first, last = _unit_span(unit, published, shift)
    if which == "earlier this":
        last = max(first, published - timedelta(days=1))
    elif which == "later this":
        first = min(last, published + timedelta(days=1))
    return first, last, unit, None


def _unit_span(unit: str, day: dt.date, shift: int) -> tuple[dt.date, dt.date]:
    """Returns the first and last day of the week, month or year holding `day`, moved by `shift`
    units."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        index = day.year * 12 + day.month - 1 + shift
        return _month_span(index // 12, index % 12 + 1)
    return _year_span(day.year + shift)


def _ago(groups: dict[str, str], published: dt.date) -> Resolved:
    """Returns `N days ago` as a day, `N weeks/months/years ago` as that whole week/month/year."""
    count_text, unit = groups["count"].lower(), groups["unit"].lower()
    count = NUMBER_WORDS[count_text] if count_text in NUMBER_WORDS else int(count_text)
    if unit == "day":
        return published - timedelta(days=count), None, "day", None
    return _unit_span(unit, published, -count) + (unit, None)
