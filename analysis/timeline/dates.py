"""Date phrases: finding them in a text and resolving them against the publication date.

The finder is a set of regular expressions over the text (month names, weekdays, relative words);
what they do not match is not a date (numbers such as `1,500 jobs`, `May` as a verb, ages,
durations such as `seven years`). A bare year counts only when spaCy tags it as a DATE. The rules,
with examples, are in docs/timeline.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..text.months import MONTH_WORDS
from .directions import _direction, _on_its_side
from .not_dates import is_name, names_other_thing, recurs, starts_name
from .placing import (
    MONTHS,
    QUARTERS,
    WEEKDAYS,
    Anchor,
    Resolved,
    groups_of,
    quarter_span,
    resolve_anchored,
    resolve_anchored_month,
    resolve_match,
    resolve_month,
)
from .words import DAY_WORDS, YEAR_WORDS, YEAR_WORDS_END

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
_MONTH = rf"(?P<month>{MONTH_WORDS})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "March eighth" (not "April first quarter", "May first-half")
_DAY_IN_WORDS = rf"{DAY_WORDS}(?![\w-]|\s+(?:quarter|half)\b)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
# "late on August 5", "early Friday", "on the evening of 4 August" (the qualifier before the date)
_BEFORE = (
    r"(?:(?P<pre>late|early)(?:\s+on)?\s+|(?:on\s+)?the\s+(?P<pre_part>morning|afternoon|"
    r"evening|night)\s+of\s+)?"
)
_YEAR_AFTER = rf"(?:,?\s+(?:{_YEAR}|{YEAR_WORDS}{YEAR_WORDS_END}))?"
_COUNT = r"(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"
# Words before a bare month or year that make it a date ("in May", "since 2014", "mid-November");
# they are not part of the phrase. Without one, a bare month or year needs the parser's DATE tag.
_LEAD = r"(?P<lead>(?:(?:in|since|during|until|by|from|of|early|late|mid|last|next|this)\s+|mid-))"
#: Words after which "that" before a month is a determiner ("again that November"), not the
#: conjunction of "said that May sales rose".
_THAT_BEFORE = "|".join(
    ["in", "by", "during", "until", "till", "again", "later", "then", "on", "since", "before"]
    + ["after", "from", "of", "for"]
)
#: "last"/"next" before a year-less date ("next Oct. 1"): the one before or after publication,
#: however far (up to a year).
_DATE_REL = r"(?:(?P<date_rel>[Ll]ast|[Nn]ext)\s+)?"
_DAY_NAME = r"(?:(?P<day_name>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_UNIT = r"(?P<unit>day|week|month|year)"

#: Each pattern, in priority order (an earlier match wins over an overlapping later one).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "month_day",
        re.compile(
            rf"\b{_BEFORE}{_DATE_REL}{_DAY_NAME}{_MONTH}\s+(?:{_DAY}(?!\w)|{_DAY_IN_WORDS}){_YEAR_AFTER}"
            rf"(?:\s+{_PART})?(?!\w)"
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b{_BEFORE}{_DATE_REL}{_DAY_NAME}{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w){_YEAR_AFTER}"
            rf"(?:\s+{_PART})?(?!\w)"
        ),
    ),
    (
        "month_year",
        re.compile(
            rf"\b(?:(?P<pre>early|late|mid)[- ]?)?{_MONTH}\s+(?:of\s+)?"
            rf"(?:{_YEAR}\b|{YEAR_WORDS}{YEAR_WORDS_END})"
        ),
    ),
    # "October, 2013", "in June, 2016" (digits only: not "in May, two thousand people")
    (
        "month_year",
        re.compile(rf"\b(?:(?P<pre>early|late|mid)[- ]?)?{_MONTH},\s+{_YEAR}\b(?!,\d)"),
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:(?P<qyear>(?:1[89]|20)\d\d)(?:'s)?\s+|(?P<qrel>[Tt]his|[Ll]ast|[Nn]ext)\s+"
            rf"year's\s+|(?P<year_ago>year-ago|year-earlier|prior-year|year-before)\s+)?"
            rf"(?P<ordinal>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)[- ]quarter(?!\w)"
            rf"(?:\s+of\s+{_YEAR}\b)?"
        ),
    ),
    # "June last year", "April of last year", "March of this year"
    ("month", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year_rel>last|this|next)\s+year\b")),
    # a month placed from the article's previous date: "in June that year", "the following
    # May", "a vote was held again that November" (after a word that makes "that" a
    # determiner, not "said that May …")
    ("anchored_month", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?that\s+year\b")),
    (
        "anchored_month",
        re.compile(
            rf"\b(?:[Tt]he\s+(?P<order>following|previous|preceding|same)\s+|"
            rf"(?P<lead>(?:{_THAT_BEFORE})\s+)that\s+(?:same\s+)?){_MONTH}(?!\w)(?!\s+\d)"
        ),
    ),
    ("month", re.compile(rf"\b{_LEAD}?{_MONTH}(?!\w)(?!\s+\d)")),
    (
        "weekday",
        re.compile(
            rf"\b{_BEFORE}(?P<rel>last\s+|this\s+|next\s+|the\s+(?:previous|preceding|following|"
            rf"next)\s+)?{_WEEKDAY}(?:\s+{_PART})?\b"
        ),
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
    ("year", re.compile(rf"\b{_LEAD}?(?:{_YEAR}(?!\w)(?!,\d)|{YEAR_WORDS}{YEAR_WORDS_END})")),
]


#: Kinds that depend on the publication date (the others give at least the month in words).
RELATIVE_KINDS = frozenset({"weekday", "relative_day", "relative_span", "ago", "weekend"})
#: Kinds resolved against the article's previous explicit date ("a year earlier", "that year").
ANCHORED_KINDS = frozenset({"anchored", "anchored_month"})
#: Kinds a bare phrase of needs the parser's DATE tag ("2010", "June" without a lead word).
TAGGED_KINDS = frozenset({"month", "year"})
#: Kinds that can be an anchor for a later "a year earlier", "that year", … .
ANCHOR_KINDS = frozenset({"month_day", "month_year", "month", "anchored_month", "quarter", "year"})

#: The first and last day the tables hold (pandas' nanosecond dates run from September 1677 to
#: April 2262): a date outside ("500 years ago") is left missing, with a note.
FIRST_DAY = dt.date(1678, 1, 1)
LAST_DAY = dt.date(2261, 12, 31)


#: Words before "N units ago" that make it a bound, not a date ("more than a month ago" is any
#: time before then): found, its date missing. "nearly", "almost", "about" stay dates (near it).
_BOUND_BEFORE = re.compile(
    r"\b(?:(?:more|less|fewer)\s+than|over|under|at\s+least|up\s+to)\s+$", re.I
)


#: A period other than a quarter named in a sentence ("the first nine months", "the first half",
#: "the fiscal year"): "a year earlier" there is not the year-ago quarter.
_OTHER_PERIOD = re.compile(
    r"\b(?:months|half|year to date|year-to-date|full year|fiscal year|the year(?!-))\b", re.I
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


def find_dates(
    text: str,
    *,
    published: dt.date | None,
    is_date: Callable[[int, int], bool] | None = None,
    tense: Callable[[int, int], str | None] | None = None,
    previous: Anchor | None = None,
    quarter: Anchor | None = None,
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
        quarter: The quarter the article reports on: its last quarter before `text` that had
            ended by publication (not a fiscal one). After it, "a year ago" is that quarter a
            year before (results of a quarter are compared with the year-ago quarter).
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
            if is_name(text, start, m.end()) or starts_name(kind, m, text, start):
                continue
            if recurs(kind, m, text, start) or names_other_thing(kind, m, text, start):
                continue
            taken.append((start, m.end()))
            matches.append((start, kind, m))
    found = []
    local: Anchor | None = None  # the last explicit date of this text
    reported = quarter
    for start, kind, m in sorted(matches, key=lambda x: x[0]):
        resolved: Resolved | None
        if kind == "anchored_month":
            resolved, direction = resolve_anchored_month(m, previous), "anchored"
        elif kind in ANCHORED_KINDS:
            resolved, direction = resolve_anchored(m, previous), "anchored"
            if resolved[0] is None and _year_back(kind, m):
                # "a year earlier" without a date before it: from the quarter reported on
                back = _back_from("ago", None, reported, _cue(tense, start, m.end()), text)
                if back is not None:
                    resolved = quarter_span(back[0], years=-1) + ("quarter", None)
        elif _year_back(kind, m) and (
            back := _back_from(kind, local, reported, _cue(tense, start, m.end()), text)
        ):
            # "… rose in the third quarter from a year ago": the quarter a year before.
            resolved, direction = (
                quarter_span(back[0], years=-1) + ("quarter", None),
                "anchored",
            )
        elif (results := local if local and local[2] == "quarter" else reported) and (
            year := _results_year(kind, m, text, start, results[0])
        ):
            # "last year's quarter", "the same period last year", "the 2022 quarter": the
            # quarter reported on, in that year
            resolved, direction = (
                quarter_span(dt.date(year, results[0].month, 1)) + ("quarter", None),
                "anchored",
            )
        elif kind == "quarter" and _is_fiscal(text, start, m):
            resolved, direction = (None, None, "quarter", None), "stated"  # its own calendar
        else:
            direction = _direction(kind, m, text, start, tense, published)
            this_year = (
                direction == "backward"
                and _cue(tense, start, m.end()) == "past"
                and _ACT_TIME_BEFORE.search(text[:start]) is not None
                and _PLANNED_BEFORE.search(text[:start]) is None
            )
            resolved = resolve_match(kind, m, published, direction, this_year=this_year)
            if resolved and resolved[0] and _ends_year_ago_period(kind, m, text, start):
                resolved = (_year_before(resolved[0]),) + resolved[1:]
            if kind == "month" and published and (end := _range_end(m, text)):
                # "from March to October 2015": the month takes the year of the range's end
                resolved, direction = end, "stated"
            if resolved and kind == "ago" and _BOUND_BEFORE.search(text[:start]):
                resolved = (None, None) + resolved[2:]  # "more than a month ago": a bound
        if resolved is None:
            continue
        day, day_end, precision, part = resolved
        if direction in ("backward", "forward") and not _on_its_side(
            direction, resolved, published
        ):
            direction = "nearest"  # the cue's side lay beyond its reach (placing.REACH_DAYS)
        note = _weekday_note(m, day)
        if day is not None and not FIRST_DAY <= day <= (day_end or day) <= LAST_DAY:
            note = _out_of_range_note(day)  # "500 years ago": a day the table cannot hold
            day = day_end = None
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
            note=note,
        )
        found.append(phrase)
        if kind in ANCHOR_KINDS and day is not None:
            previous = local = (day, day_end, precision)
            if is_reported_quarter(phrase, published):
                reported = local
    return _order_weekday_pairs(found, text, offset, published)


#: Words before a month (or a month and day) that give the time of the act itself ("arrested
#: him in January", "was held on Jan. 5", "since early March"), not a limit or a target it sets
#: ("moved the vote to January", "postponed until Jan. 5"): with a simple past verb (not a
#: present perfect, no word of a plan before it) it may lie anywhere back in the publication's
#: year.
_ACT_TIME_BEFORE = re.compile(
    r"\b(?:in|on|during|since|early|late|mid)(?:[\s-]+(?:early|late|mid))?[\s-]*$", re.I
)


#: Words of a plan before a date: the date may be the planned thing's ("scheduled a hearing
#: on Jan. 3", "a trial – expected in January"), not the past act's.
_PLANNED_BEFORE = re.compile(
    r"\b(?:plan|expect|intend|schedul|slat|propos|promis|vow|pledg|prepar|due)\w*", re.I
)


#: A month and year right after a bare month, joined by "to", "through", "and" or a dash: the
#: end of a range or list whose year the first month shares ("from March to October 2015",
#: "the April-to-September 2014 surveys", "between November and February 2021": the November
#: before).
_RANGE_END = re.compile(
    rf"(?:\s*[-–]\s*|\s*-?\s*(?:to|through|thru|until|till|and)\s*-?\s*)"
    rf"(?P<month>{MONTH_WORDS})\.?\s+(?:of\s+)?{_YEAR}\b"
)


def _range_end(m: re.Match[str], text: str) -> Resolved | None:
    """Returns a bare month placed in the year of the month and year that ends its range or
    list, the year before when it comes later in the calendar than that month; else None."""
    groups = groups_of(m)
    end = _RANGE_END.match(text, m.end())
    if end is None or groups.keys() & {"year", "year_rel"}:
        return None
    month = MONTHS[groups["month"].lower().rstrip(".")]
    last = MONTHS[end.group("month").lower().rstrip(".")]
    year = int(end.group("year")) - (1 if month > last else 0)
    return resolve_month(year, month)


#: What joins two weekdays of one run of days ("on Tuesday or Wednesday", "Monday and Tuesday").
_WEEKDAY_JOIN = re.compile(r"\s*(?:,\s*)?(?:or|and|to|through|-|–)(?:\s+on)?\s*", re.IGNORECASE)


def _order_weekday_pairs(
    found: list[DatePhrase], text: str, offset: int, published: dt.date | None
) -> list[DatePhrase]:
    """Returns the phrases with the second of two joined weekdays placed after the first when,
    each placed on its own, the first lies ahead of publication and the second before it ("may
    open hearings on Tuesday or Wednesday" in a Saturday article: the nearest Tuesday is ahead,
    the nearest Wednesday back; it is the Wednesday after that Tuesday). Two days on one side
    keep their order as written ("spoke Friday and Thursday" in a Friday article)."""
    out = list(found)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        between = text[first.end - offset : second.start - offset]
        if (
            first.kind == second.kind == "weekday"
            and published is not None
            and first.date is not None
            and second.date is not None
            and first.date > published >= second.date
            and first.direction == second.direction
            and first.direction in ("nearest", "forward", "backward")
            and _WEEKDAY_JOIN.fullmatch(between)
        ):
            gap = (second.date.weekday() - first.date.weekday()) % 7
            if gap:
                out[i] = replace(second, date=first.date + dt.timedelta(days=gap))
    return out


def _tagged(m: re.Match[str], start: int, is_date: Callable[[int, int], bool] | None) -> bool:
    """Says whether a bare month or year is a date: after a lead word unless the parser says it
    is not; without one only when the parser tags it a date."""
    if m.groupdict().get("lead"):
        return is_date is None or is_date(start, m.end())
    return is_date is not None and is_date(start, m.end())


def _out_of_range_note(day: dt.date) -> str:
    """Returns the note of a date outside the days the tables hold (`FIRST_DAY` … `LAST_DAY`)."""
    return (
        f"the date falls in {day.year}, outside the days the tables can hold"
        f" ({FIRST_DAY.year}–{LAST_DAY.year}); it is left missing"
    )


def _weekday_note(m: re.Match[str], day: dt.date | None) -> str | None:
    """Returns a note when a weekday written beside a date does not fall on it."""
    name = m.groupdict().get("day_name")
    if not name or day is None or day.weekday() == WEEKDAYS[name.lower()]:
        return None
    return f"{name} is written beside {day.day} {day:%B %Y}, which is a {day:%A}; the date is kept"


def _is_fiscal(text: str, start: int, m: re.Match[str]) -> bool:
    """Says whether a quarter is of a fiscal year ("the fiscal first quarter", "its fourth
    quarter ended June 30"), whose calendar the words do not give. A quarter that ends in the
    last month of the calendar quarter of its number is that calendar quarter ("the third
    quarter ended Sept. 30", "the second quarter ending June 29")."""
    before = text[max(0, start - 12) : start].lower()
    if "fiscal" in before:
        return True
    ended = re.match(rf"\s+end(?:ed|ing)\b(?:\s+{_MONTH})?", text[m.end() :])
    if ended is None:
        return False
    month = ended.group("month")
    return month is None or MONTHS[month.lower().rstrip(".")] != 3 * QUARTERS[m["ordinal"].lower()]


def is_reported_quarter(phrase: DatePhrase, published: dt.date | None) -> bool:
    """Says whether a phrase is a quarter that results can be reported for: a calendar quarter
    ended by publication, named as itself (not "a year ago" read as a quarter)."""
    return (
        phrase.precision == "quarter"
        and phrase.kind == "quarter"
        and phrase.date_end is not None
        and published is not None
        and phrase.date_end < published
    )


def _back_from(
    kind: str, local: Anchor | None, reported: Anchor | None, cue: str | None, text: str
) -> Anchor | None:
    """Returns the quarter a "year back" phrase counts from: a quarter of the same sentence;
    for "a year ago" with a past verb also the quarter the article reports on ("net rose from
    $2 million a year ago"; not "the chain runs 40 stores, up from 31 a year ago": a state
    then; not when the sentence names another period: "in the first nine months, … a year
    earlier", nor in a sentence without a figure: "costs rose compared with a year ago").
    "last year" names the calendar year, also beside a quarter ("third-quarter sales fell from
    $21 million last year")."""
    if local is not None and local[2] == "quarter" and kind == "ago":
        return local
    if kind != "ago" or cue not in ("past", "perfect") or _OTHER_PERIOD.search(text):
        return None
    if not re.search(r"\d", text):  # results are compared in figures
        return None
    return reported


def _cue(tense: Callable[[int, int], str | None] | None, start: int, end: int) -> str | None:
    """Returns the tense of the verb of the words at start:end (None without a parse)."""
    return tense(start, end) if tense else None


def _results_year(
    kind: str, m: re.Match[str], text: str, start: int, quarter: dt.date
) -> int | None:
    """Returns the year of a phrase that names the results period of another year ("last
    year's quarter", "the same period last year", "the 2022 quarter"; the quarter is
    that of `quarter`, the one reported on), else None — also when the sentence names another
    period ("in the first nine months, … the 2022 period")."""
    if _OTHER_PERIOD.search(text):
        return None
    before, after = text[:start], text[m.end() :]
    same_period = re.match(r"'s\s+(?:quarter|period)\b", after) or re.search(
        r"\b(?:corresponding|comparable|same|year-ago|year-earlier)\s+(?:period|quarter)\s+$",
        before,
    )
    if kind == "relative_span" and _year_back(kind, m) and same_period:
        return quarter.year - 1
    if (
        kind == "year"
        and not m.groupdict().get("lead")
        and re.search(r"\b[Tt]he\s+$", before)
        and re.match(r"\s+(?:quarter|period)\b", after)
    ):
        year = groups_of(m).get("year")
        return int(year) if year else None
    return None


def _ends_year_ago_period(kind: str, m: re.Match[str], text: str, start: int) -> bool:
    """Says whether a day without its year ends a period of the year before ("in the year-ago
    period ending Oct. 31", "the year-earlier quarter ended May 2")."""
    before = text[:start]
    return (
        kind == "month_day"
        and "year" not in groups_of(m)
        and re.search(r"\bend(?:ed|ing)\s+$", before) is not None
        and re.search(r"\byear-(?:ago|earlier)\b", before) is not None
    )


def _year_before(day: dt.date) -> dt.date:
    """Returns the same day a year before (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _year_back(kind: str, m: re.Match[str]) -> bool:
    """Says whether a phrase means "one year before" ("a year ago", "last year", "a year
    earlier")."""
    groups = {k: v.lower() for k, v in m.groupdict().items() if v}
    if kind == "ago" or kind == "anchored" and groups.get("rel") in ("earlier", "before"):
        return groups.get("unit") == "year" and groups.get("count") in ("a", "one", "1")
    return kind == "relative_span" and groups["which"] == "last" and groups["unit"] == "year"
