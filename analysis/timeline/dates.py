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
from pathlib import Path

import yaml

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
# Words before a bare month or year that make it a date ("in May", "since 2014", "mid-November");
# they are not part of the phrase. Without one, a bare month or year needs the parser's DATE tag.
_LEAD = r"(?P<lead>(?:(?:in|since|during|until|by|from|of|early|late|mid|last|next|this)\s+|mid-))"
_DAY_NAME = r"(?:(?P<day_name>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_UNIT = r"(?P<unit>day|week|month|year)"

#: Each pattern, in priority order (an earlier match wins over an overlapping later one).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "month_day",
        re.compile(
            rf"\b{_BEFORE}{_DAY_NAME}{_MONTH}\s+{_DAY}(?!\w){_YEAR_AFTER}(?:\s+{_PART})?(?!\w)"
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b{_BEFORE}{_DAY_NAME}{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w){_YEAR_AFTER}"
            rf"(?:\s+{_PART})?(?!\w)"
        ),
    ),
    (
        "month_year",
        re.compile(rf"\b(?:(?P<pre>early|late|mid)[- ]?)?{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:(?P<qyear>(?:1[89]|20)\d\d)\s+)?(?P<ordinal>[Ff]irst|[Ss]econd|[Tt]hird|"
            rf"[Ff]ourth)[- ]quarter(?!\w)(?:\s+of\s+{_YEAR}\b)?"
        ),
    ),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<year_rel>last|this|next)\s+year\b")),
    ("month", re.compile(rf"\b{_LEAD}?{_MONTH}(?!\w)(?!\s+\d)")),
    (
        "weekday",
        re.compile(rf"\b{_BEFORE}(?P<rel>last\s+|this\s+|next\s+)?{_WEEKDAY}(?:\s+{_PART})?\b"),
    ),
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
    ("weekend", re.compile(r"\b[Tt]he\s+weekend\b")),
    (
        "anchored",
        re.compile(
            rf"\b(?:{_COUNT}\s+{_UNIT}s?\s+(?P<rel>earlier|later|before(?=\s*[,.;]))|"
            rf"the\s+(?P<rel2>following|previous|prior)\s+{_UNIT.replace('unit', 'unit2')}|"
            rf"(?P<rel3>that|the\s+same)\s+{_UNIT.replace('unit', 'unit3')})(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    ("ago", re.compile(rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b{_LEAD}?{_YEAR}(?!\w)(?!,\d)")),
]


#: How far (days, about ten months) from publication a tense cue may send a date written without
#: its year; farther, the nearest occurrence is taken (news gives the year of a date about a year
#: away: "the deadline was moved to Dec. 2" in a late-November article is this December).
REACH_DAYS = 304

#: Kinds that depend on the publication date (the others give at least the month in words).
RELATIVE_KINDS = frozenset({"weekday", "relative_day", "relative_span", "ago", "weekend"})
#: Kinds resolved against the article's previous explicit date ("a year earlier", "that year").
ANCHORED_KINDS = frozenset({"anchored"})
#: Kinds a bare phrase of needs the parser's DATE tag ("2010", "June" without a lead word).
TAGGED_KINDS = frozenset({"month", "year"})
#: Kinds that can be an anchor for a later "a year earlier", "that year", … .
ANCHOR_KINDS = frozenset({"month_day", "month_year", "month", "quarter", "year"})
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

_DIRECTIONS = yaml.safe_load((Path(__file__).parent / "data" / "directions.yml").read_text())
#: Words just before a date that make it a coming day ("payable March 3"), lowercase.
FORWARD_WORDS: tuple[str, ...] = tuple(_DIRECTIONS["forward_words"])
#: Auxiliaries and modals of a future verb, and verbs that plan what they govern (events.py).
FUTURE_AUXILIARIES = frozenset(_DIRECTIONS["future_auxiliaries"])
FUTURE_GOVERNORS = frozenset(_DIRECTIONS["future_governors"])
_FORWARD_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FORWARD_WORDS) + r")\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in a text, resolved against a publication date.

    Attributes:
        start: Start offset in the text searched.
        end: End offset (exclusive).
        text: The words as written, `text[start:end]`.
        kind: Which pattern matched (month_day, month_year, month, weekday, relative_day,
            relative_span, weekend, anchored, ago, year).
        date: The day, or the first day of a span; None when it cannot be resolved.
        date_end: The last day of a span; None for a single day.
        precision: day, part_of_day, week, month, quarter or year.
        part_of_day: morning, evening, late, … when stated.
        resolution: `explicit` (the words give the day and month) or `relative` (it depends on
            the publication date, or for `anchored` on the previous explicit date).
        direction: Which rule placed it in time: `stated` (the words fix it: a year, yesterday,
            last week, …), `forward` (a future or scheduling cue: the first such day on or
            after publication), `backward` (past tense: the last on or before), `nearest` (no
            cue: the nearest occurrence) or `anchored` (from the previous explicit date).
        note: What looks wrong in the words (a weekday that does not fall on the date beside it).
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
    direction: str = "stated"
    note: str | None = None


#: The previous explicit date of the article: first day, last day (None for a day), precision.
Anchor = tuple[dt.date, dt.date | None, str]


def find_dates(
    text: str,
    *,
    published: dt.date | None,
    is_date: Callable[[int, int], bool] | None = None,
    tense: Callable[[int, int], str | None] | None = None,
    previous: Anchor | None = None,
    offset: int = 0,
) -> list[DatePhrase]:
    """Finds the date phrases of a text and resolves each against the publication date.

    Args:
        text: The text (a sentence or a whole body).
        published: The article's publication date; None leaves every date that needs it
            (everything but a phrase with its year) missing.
        is_date: Says whether the words at (start, end) of `text` are a date (e.g. spaCy tagged
            them DATE); a bare year or month without a lead word ("in", "since", …) needs it.
            None accepts every year or month after a lead word and no bare one.
        tense: Says whether the verb of the words at (start, end) is `future` (will, is to,
            plans to, a modal) or `past`; None (or a None answer) is no cue.
        previous: The article's last explicit date before `text`, for "a year earlier",
            "the following year", "that year" (missing without one).
        offset: Added to every start/end (the text's offset in the article body).

    Returns:
        The phrases, in text order, never overlapping.
    """
    taken: list[tuple[int, int]] = []
    matches = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start = m.end("lead") if m.groupdict().get("lead") else m.start()
            if any(start < e and s < m.end() for s, e in taken):
                continue
            if (
                kind in TAGGED_KINDS
                and "year_rel" not in m.groupdict()
                and not _tagged(m, start, is_date)
            ):
                continue
            if _is_name(text, start, m.end()):
                continue
            taken.append((start, m.end()))
            matches.append((start, kind, m))
    found = []
    local: Anchor | None = None  # the last explicit date of this text
    for start, kind, m in sorted(matches, key=lambda x: x[0]):
        resolved: Resolved | None
        if kind in ANCHORED_KINDS:
            resolved, direction = _anchored(m, previous), "anchored"
        elif _year_back(kind, m) and local is not None and local[2] == "quarter":
            # "… rose in the third quarter from a year ago": the quarter a year before.
            resolved, direction = (
                _quarter_span(local[0], years=-1) + ("quarter", None),
                "anchored",
            )
        elif kind == "quarter" and _is_fiscal(text, start, m.end()):
            resolved, direction = (None, None, "quarter", None), "stated"  # its own calendar
        else:
            direction = _direction(kind, m, text, start, tense)
            resolved = _resolve(kind, m, published, direction)
        if resolved is None:
            continue
        day, day_end, precision, part = resolved
        phrase = DatePhrase(
            start=start + offset,
            end=m.end() + offset,
            text=text[start : m.end()],
            kind=kind,
            date=day,
            date_end=day_end,
            precision=precision,
            part_of_day=part,
            resolution="relative" if kind in RELATIVE_KINDS | ANCHORED_KINDS else "explicit",
            direction=direction,
            note=_weekday_note(m, day),
        )
        found.append(phrase)
        if kind in ANCHOR_KINDS and day is not None:
            previous = local = (day, day_end, precision)
    return found


def _tagged(m: re.Match[str], start: int, is_date: Callable[[int, int], bool] | None) -> bool:
    """Says whether a bare month or year is a date: after a lead word unless the parser says it
    is not; without one only when the parser tags it a date."""
    if m.groupdict().get("lead"):
        return is_date is None or is_date(start, m.end())
    return is_date is not None and is_date(start, m.end())


def _is_name(text: str, start: int, end: int) -> bool:
    """Says whether date words are part of a name: a title written in capitals inside a sentence
    or between quotation marks ("on This Week In Review", "“This Month” said"), or a date naming
    something ("the March 3 Committee")."""
    words = text[start:end].split()
    before = text[:start].rstrip()
    inside = bool(before) and before[-1] not in ".!?:\"“‘'("
    capitals = all(w[0].isupper() for w in words if w[0].isalpha())
    relative = words[0].lower() in ("this", "last", "next", "earlier", "later")
    quoted = before[-1:] in ('"', "“", "‘", "`")  # after an opening quotation mark
    if len(words) > 1 and (inside or quoted) and capitals and relative:
        return True
    after = re.match(r"\s+([A-Z][a-z]+)", text[end:])
    return (
        re.search(r"\b[Tt]he$", before) is not None
        and after is not None
        and after.group(1).lower() not in MONTHS | WEEKDAYS | PARTS_OF_DAY
    )


def _direction(
    kind: str,
    m: re.Match[str],
    text: str,
    start: int,
    tense: Callable[[int, int], str | None] | None,
) -> str:
    """Returns how a phrase is placed in time: `stated` when the words fix it, else `forward`
    (a scheduling word before it, else a future verb), `backward` (a past verb) or `nearest`."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    lead = groups.get("lead", "").strip().lower()
    if kind in ("month_day", "quarter") and ("year" in groups or "qyear" in groups):
        return "stated"
    if kind in ("month_year", "year"):
        return "stated"
    if kind == "quarter":
        return "nearest"  # results of the quarter just ended are "expected", "to be reported"
    if kind == "relative_span" and _this_weekend(groups):
        pass  # "this weekend": the one before or after, as "the weekend"
    elif kind in ("relative_day", "relative_span", "ago"):
        return "stated"
    if groups.get("rel", "").strip().lower() in ("last", "next"):
        return "stated"
    if kind == "month" and lead in ("last", "next"):
        return "backward" if lead == "last" else "forward"
    if kind == "month" and (lead == "this" or "year_rel" in groups):
        return "stated"
    cue = tense(start, m.end()) if tense else None
    if cue != "pluperfect" and _FORWARD_BEFORE.search(text[:start]):
        return "forward"
    return {"future": "forward", "past": "backward", "pluperfect": "backward"}.get(
        cue or "", "nearest"
    )


def _weekday_note(m: re.Match[str], day: dt.date | None) -> str | None:
    """Returns a note when a weekday written beside a date does not fall on it."""
    name = m.groupdict().get("day_name")
    if not name or day is None or day.weekday() == WEEKDAYS[name.lower()]:
        return None
    return f"{name} is written beside {day.day} {day:%B %Y}, which is a {day:%A}; the date is kept"


Resolved = tuple[dt.date | None, dt.date | None, str, str | None]


def _resolve(
    kind: str, m: re.Match[str], published: dt.date | None, direction: str
) -> Resolved | None:
    """Returns (date, date_end, precision, part_of_day), or None when the match is not a date."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    part = _part_of_day(groups)
    if kind == "month_day":
        return _month_day(groups, published, part, direction)
    if kind == "quarter":
        number = QUARTERS[groups["ordinal"].lower()]
        year = groups.get("year") or groups.get("qyear")
        if year:
            return _quarter_span(dt.date(int(year), 3 * number, 1)) + ("quarter", None)
        if published is None:
            return None, None, "quarter", None
        spans = [_quarter_span(dt.date(published.year + k, 3 * number, 1)) for k in (-1, 0, 1)]
        return _pick(spans, published, direction) + ("quarter", None)
    if kind in ("month_year", "month"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        if "year" in groups:
            return _month_span(int(groups["year"]), month) + ("month", None)
        if published is None:
            return None, None, "month", None
        lead = groups.get("lead", "").strip().lower()
        if "year_rel" in groups:  # "June last year"
            shift = {"last": -1, "next": 1}.get(groups["year_rel"], 0)
            return _month_span(published.year + shift, month) + ("month", None)
        if lead == "this":
            return _month_span(published.year, month) + ("month", None)
        reach = 366 if lead in ("last", "next") else REACH_DAYS  # "last May": always back
        spans = _month_spans(month, published)
        if lead == "last":
            spans = [s for s in spans if s[1] < published]
        return _pick(spans, published, direction, reach=reach) + ("month", None)
    if kind == "year":
        return _year_span(int(groups["year"])) + ("year", None)
    precision = "part_of_day" if part else "day"
    if published is None:
        return None, None, _span_precision(kind, groups, precision), part
    if kind == "weekday":
        return _weekday(groups, published, direction) + (precision, part)
    if kind == "weekend" or kind == "relative_span" and _this_weekend(groups):
        saturdays = [published + timedelta(days=5 - published.weekday() + 7 * k) for k in (-1, 0)]
        spans = [(s, s + timedelta(days=1)) for s in saturdays]
        return _pick(spans, published, direction) + ("week", None)
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


def _this_weekend(groups: dict[str, str]) -> bool:
    """Says whether a relative span is "this weekend" (in a Monday article, the one just past)."""
    return groups["which"].lower() == "this" and groups["unit"].lower() == "weekend"


def _pick(
    spans: list[tuple[dt.date, dt.date]],
    published: dt.date,
    direction: str,
    *,
    reach: int = REACH_DAYS,
) -> tuple[dt.date, dt.date]:
    """Returns the span (first, last day) the direction picks among candidates in time order:
    the last one starting on or before publication (`backward`), the first one ending on or after
    it (`forward`) — within `reach` days of publication — else (or when there is none) the one
    nearest to it (a span holding it is at
    distance 0; a tie goes backward)."""
    before = [s for s in spans if s[0] <= published and (published - s[1]).days <= reach]
    after = [s for s in spans if s[1] >= published and (s[0] - published).days <= reach]
    if direction == "backward" and before:
        return before[-1]
    if direction == "forward" and after:
        return after[0]

    def distance(span: tuple[dt.date, dt.date]) -> int:
        return max((span[0] - published).days, (published - span[1]).days, 0)

    return min(spans, key=distance)


def _month_spans(month: int, published: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Returns the month in the year before, of and after publication."""
    return [_month_span(published.year + k, month) for k in (-1, 0, 1)]


def _weekday(groups: dict[str, str], published: dt.date, direction: str) -> tuple[dt.date, None]:
    """Returns the day of a weekday: `last` the one before publication (a week back when it is
    the publication's weekday), `next` the one after, else by direction."""
    target = WEEKDAYS[groups["weekday"].lower()]
    back = published - timedelta(days=(published.weekday() - target) % 7)
    ahead = published + timedelta(days=(target - published.weekday()) % 7)
    rel = groups.get("rel", "").strip().lower()
    if rel == "last":
        return (back - timedelta(days=7) if back == published else back), None
    if rel == "next":
        return (ahead + timedelta(days=7) if ahead == published else ahead), None
    day = _pick([(back, back), (ahead, ahead)], published, direction)[0]
    return day, None


def _is_fiscal(text: str, start: int, end: int) -> bool:
    """Says whether a quarter is of a fiscal year ("the fiscal first quarter", "its fourth
    quarter ended June 30"), whose calendar the words do not give."""
    before = text[max(0, start - 12) : start].lower()
    return "fiscal" in before or re.match(r"\s+end(?:ed|ing)\b", text[end:]) is not None


def _year_back(kind: str, m: re.Match[str]) -> bool:
    """Says whether a phrase means "one year before" ("a year ago", "last year")."""
    groups = {k: v.lower() for k, v in m.groupdict().items() if v}
    if kind == "ago":
        return groups["unit"] == "year" and groups["count"] in ("a", "one", "1")
    return kind == "relative_span" and groups["which"] == "last" and groups["unit"] == "year"


def _quarter_span(day: dt.date, *, years: int = 0) -> tuple[dt.date, dt.date]:
    """Returns the first and last day of the quarter holding `day`, moved by `years`."""
    last_month = 3 * ((day.month - 1) // 3 + 1)
    year = day.year + years
    return dt.date(year, last_month - 2, 1), _month_span(year, last_month)[1]


def _anchored(m: re.Match[str], previous: Anchor | None) -> Resolved:
    """Returns "a year earlier", "the following month", "that year", … from the previous explicit
    date: the same unit moved; missing without one, or when the unit is finer than it."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    unit = groups.get("unit") or groups.get("unit2") or groups["unit3"]
    rel = (groups.get("rel") or groups.get("rel2") or groups.get("rel3", "")).lower()
    count_text = groups.get("count", "one").lower()
    count = NUMBER_WORDS[count_text] if count_text in NUMBER_WORDS else int(count_text)
    shift = {"earlier": -1, "before": -1, "previous": -1, "prior": -1}.get(rel, 1) * count
    if rel == "that" or rel.endswith("same"):
        shift = 0
    precision = "week" if unit == "week" else unit
    fine = {"day": 0, "part_of_day": 0, "week": 1, "month": 2, "quarter": 2.5, "year": 3}
    if previous is None or fine[previous[2]] > fine[precision] or unit == "week":
        return None, None, precision, None
    first = previous[0]
    if previous[2] == "quarter" and unit == "year":  # "a year earlier" after "the third quarter"
        return _quarter_span(first, years=shift) + ("quarter", None)
    if unit == "day":
        return first + timedelta(days=shift), None, "day", None
    if unit == "month":
        index = first.year * 12 + first.month - 1 + shift
        return _month_span(index // 12, index % 12 + 1) + ("month", None)
    return _year_span(first.year + shift) + ("year", None)


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
    groups: dict[str, str], published: dt.date | None, part: str | None, direction: str
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
    if published is None:
        return None, None, precision, part
    days = []
    for year in range(published.year - 4, published.year + 2):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:  # 29 February of a common year
            continue
    if "day_name" in groups:  # the years whose date falls on the weekday written beside it
        weekday = WEEKDAYS[groups["day_name"].lower()]
        fitting = [d for d in days if d.weekday() == weekday and abs(d.year - published.year) <= 1]
        days = fitting or days
    first = _pick([(d, d) for d in days], published, direction)[0]
    return first, None, precision, part


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
