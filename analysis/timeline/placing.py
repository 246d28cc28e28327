"""Placing a date phrase in time: the calendar arithmetic behind `dates.find_dates` — which
occurrence of a date without its year, weekday or weekend a direction picks, relative spans
("last week", "two months ago"), quarters, and dates anchored to an earlier one ("a year
earlier"). The rules, with examples, are in docs/timeline.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from datetime import timedelta

from .words import day_from_words, year_from_words

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
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"a": 1, "an": 1}

QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

#: How far (days, about ten months) from publication a tense cue may send a date written without
#: its year; farther, the nearest occurrence is taken (news gives the year of a date about a year
#: away: "the deadline was moved to Dec. 2" in a late-November article is this December).
REACH_DAYS = 304

#: The previous explicit date of the article: first day, last day (None for a day), precision.
Anchor = tuple[dt.date, dt.date | None, str]
#: A phrase placed in time: first day, last day (None for a day), precision, part of the day.
Resolved = tuple[dt.date | None, dt.date | None, str, str | None]


def resolve_match(
    kind: str,
    m: re.Match[str],
    published: dt.date | None,
    direction: str,
    *,
    this_year: bool = False,
) -> Resolved | None:
    """Returns (date, date_end, precision, part_of_day), or None when the match is not a date.

    `this_year`: a `backward` month or month and day may lie anywhere in the publication's
    year, beyond the cue's reach (the time of a past act: "detained the treasurer in January" in a
    December article is this January)."""
    groups = groups_of(m)
    if groups.get("year") == "" or groups.get("day") == "":
        return None  # words that name no year or day
    part = _part_of_day(groups)
    if kind == "month_day":
        return _month_day(groups, published, part, direction, this_year=this_year)
    if kind == "quarter":
        number = QUARTERS[groups["ordinal"].lower()]
        year = groups.get("year") or groups.get("qyear")
        if year:
            return quarter_span(dt.date(int(year), 3 * number, 1)) + ("quarter", None)
        if published is None:
            return None, None, "quarter", None
        if "qrel" in groups:  # "this year's third quarter", "next year's first quarter"
            shift = {"last": -1, "next": 1}.get(groups["qrel"].lower(), 0)
            return quarter_span(dt.date(published.year + shift, 3 * number, 1)) + ("quarter", None)
        spans = [quarter_span(dt.date(published.year + k, 3 * number, 1)) for k in (-1, 0, 1)]
        first, _ = _pick(spans, published, direction)
        back = -1 if "year_ago" in groups else 0  # "the year-ago third quarter"
        return quarter_span(first, years=back) + ("quarter", None)
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
        if lead == "last":  # not the month just ended ("last month" says that) unless it is of
            # last year: in an article of 1 March, "last February" is the February of the year
            # before; in one of 5 January, "last December" the December just ended
            before = _unit_span("month", published, -1)[0]
            cutoff = before if before.year == published.year else published.replace(day=1)
            spans = [s for s in spans if s[1] < cutoff]
        own_year = published.year if this_year else None
        return _pick(spans, published, direction, reach=reach, year=own_year) + ("month", None)
    if kind == "year":
        return _year_span(int(groups["year"])) + ("year", None)
    precision = "part_of_day" if part else "day"
    if published is None:
        return None, None, _span_precision(kind, groups, precision), part
    if kind == "weekday":
        return _weekday(groups, published, direction) + (precision, part)
    if kind == "weekend" or kind == "relative_span" and is_this_weekend(groups):
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


def groups_of(m: re.Match[str]) -> dict[str, str]:
    """Returns the groups a pattern matched (none empty), a year or day written in words given
    as digits under `year` / `day` ("nineteen ninety-six" → "1996"; "" when the words name
    none)."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "year_words" in groups:
        groups["year"] = str(year_from_words(groups["year_words"]) or "")
    if "day_words" in groups:
        groups["day"] = str(day_from_words(groups["day_words"]) or "")
    return groups


def is_this_weekend(groups: dict[str, str]) -> bool:
    """Says whether a relative span is "this weekend" (in a Monday article, the one just past)."""
    return groups["which"].lower() == "this" and groups["unit"].lower() == "weekend"


def _pick(
    spans: list[tuple[dt.date, dt.date]],
    published: dt.date,
    direction: str,
    *,
    reach: int = REACH_DAYS,
    year: int | None = None,
) -> tuple[dt.date, dt.date]:
    """Returns the span (first, last day) the direction picks among candidates in time order:
    the last one starting on or before publication (`backward`), the first one ending on or after
    it (`forward`) — within `reach` days of publication, or looking back in `year` — else (or
    when there is none) the one nearest to it (a span holding it is at distance 0; a tie goes
    backward)."""
    before = [
        s
        for s in spans
        if s[0] <= published and ((published - s[1]).days <= reach or s[0].year == year)
    ]
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


def _weekday(
    groups: dict[str, str], published: dt.date, direction: str
) -> tuple[dt.date | None, None]:
    """Returns the day of a weekday: `last` the one before publication (a week back when it is
    the publication's weekday), `next` the one after, else by direction."""
    target = WEEKDAYS[groups["weekday"].lower()]
    back = published - timedelta(days=(published.weekday() - target) % 7)
    ahead = published + timedelta(days=(target - published.weekday()) % 7)
    rel = " ".join(groups.get("rel", "").lower().split())
    if rel.startswith("the "):  # "the previous Friday": counted from a day not given
        return None, None
    if rel == "last":
        return (back - timedelta(days=7) if back == published else back), None
    if rel == "next":
        return (ahead + timedelta(days=7) if ahead == published else ahead), None
    day = _pick([(back, back), (ahead, ahead)], published, direction)[0]
    return day, None


def quarter_span(day: dt.date, *, years: int = 0) -> tuple[dt.date, dt.date]:
    """Returns the first and last day of the quarter holding `day`, moved by `years`."""
    last_month = 3 * ((day.month - 1) // 3 + 1)
    year = day.year + years
    return dt.date(year, last_month - 2, 1), _month_span(year, last_month)[1]


def resolve_anchored(m: re.Match[str], previous: Anchor | None) -> Resolved:
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
        return quarter_span(first, years=shift) + ("quarter", None)
    if unit == "day":
        return first + timedelta(days=shift), None, "day", None
    if unit == "month":
        index = first.year * 12 + first.month - 1 + shift
        return _month_span(index // 12, index % 12 + 1) + ("month", None)
    return _year_span(first.year + shift) + ("year", None)


def resolve_anchored_month(m: re.Match[str], previous: Anchor | None) -> Resolved:
    """Returns a month placed from the previous explicit date: "May that year" and "that
    (same) May" in its year, "the following May" the first May after it, "the previous May"
    the last May before it; missing without one."""
    if previous is None:
        return None, None, "month", None
    month = MONTHS[m.group("month").lower().rstrip(".")]
    first, last = previous[0], previous[1] or previous[0]
    order = (m.groupdict().get("order") or "").lower()
    year = first.year
    if order == "following":
        year = last.year if month > last.month else last.year + 1
    elif order in ("previous", "preceding"):
        year = first.year if month < first.month else first.year - 1
    return _month_span(year, month) + ("month", None)


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
    groups: dict[str, str],
    published: dt.date | None,
    part: str | None,
    direction: str,
    *,
    this_year: bool = False,
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
    # "next Oct. 1" is the coming one however far; without "last"/"next" a cue reaches ~10 months
    reach = 366 if "date_rel" in groups else REACH_DAYS
    own_year = published.year if this_year else None
    first = _pick([(d, d) for d in days], published, direction, reach=reach, year=own_year)[0]
    return first, None, precision, part


def resolve_month(year: int, month: int) -> Resolved:
    """Returns a month of a year as a resolved phrase (its first and last day, `month`)."""
    return _month_span(year, month) + ("month", None)


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
