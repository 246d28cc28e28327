"""Words that look like dates but are none: titles, dates naming something, a weekday or month
starting a name, named days ("Super Tuesday"), days or months that recur ("each July"), the year
of a copyright notice and a month that is a noun of a name ("the March for Safer Streets").

`dates.find_dates` skips every match these say is no date (docs/timeline.md, "Not dates").
Words: `data/named_days.yml`, `data/recurring.yml`, `data/names.yml`.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..text.lexicon import ROLE_NOUNS
from .placing import MONTHS, PARTS_OF_DAY, WEEKDAYS

_DATA = Path(__file__).parent / "data"
#: Capitalised words that make a weekday after them a named day ("Super Tuesday").
DAY_QUALIFIERS: tuple[str, ...] = tuple(
    yaml.safe_load((_DATA / "named_days.yml").read_text())["qualifiers"]
)
_NAMED_DAY = re.compile(r"\b(?:" + "|".join(map(re.escape, DAY_QUALIFIERS)) + r")\s+$")


#: Words before a weekday or month that make it recur (data/recurring.yml: "each July").
RECURRING_WORDS: tuple[str, ...] = tuple(
    yaml.safe_load((_DATA / "recurring.yml").read_text())["recurring_words"]
)
_RECURRING_BEFORE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, RECURRING_WORDS)) + r")\s+$", re.I
)


_NAMES = yaml.safe_load((_DATA / "names.yml").read_text())
#: Marks of a copyright notice, before the year it gives ("Copyright © 2019", "(c) 2018").
COPYRIGHT_MARKS: tuple[str, ...] = tuple(_NAMES["copyright_marks"])
_NOTICE_BEFORE = re.compile(
    r"(?:"
    + "|".join(re.escape(w) if not w.isalpha() else rf"\b{w}" for w in COPYRIGHT_MARKS)
    + r")\s*(?:(?:1[89]|20)\d\d\s*[-–]\s*)?$",
    re.I,
)
#: A prefix joined to a year that makes it an era's bound, no date ("pre-2016 rules",
#: "the post-2008 recovery").
_ERA_BEFORE = re.compile(r"\b(?:pre|post)-$", re.I)
#: Months that are also nouns of a named thing ("the March for Safer Streets").
MONTH_NOUNS = frozenset(_NAMES["month_nouns"])
_NAME_AFTER = re.compile(
    r"\s+(?:" + "|".join(_NAMES["name_prepositions"]) + r")\s+(?:the\s+)?([A-Z][a-z]+)"
)


#: A capitalised word just before a capitalised one-word date, inside a sentence: the name it
#: ends ("told Coast Daily Today").
_RELATIVE_DAYS = frozenset({"today", "tonight", "tomorrow", "yesterday"})
_NAME_BEFORE = re.compile(r"(?<![.!?:;\"“‘'(—–-])\s*\b[A-Z][\w.&’']*$")
#: Capitalised words right after an opening quotation mark, before a relative day that closes
#: the quotation: a quoted title ('on "Harbour Tonight"'), not a quoted sentence.
_QUOTED_NAME_BEFORE = re.compile(r"[\"“‘][A-Z][\w.&’']*(?:\s+[A-Z][\w.&’']*)*$")
_CLOSING_QUOTES = frozenset({'"', "”", "’"})
#: Capitalised words after a date that opens a quotation, up to the quotation's end: a quoted
#: title or name ('the “Tuesday Club”', 'a "Saturday Night Revue" sketch'), not a quoted
#: sentence ('"Friday was long," he said').
_QUOTED_TITLE_AFTER = re.compile(r"(?:\s+[A-Z][\w.&'-]*)+\s*(?:\"|”|’(?!s\b))")

#: A part of the day written with a capital after a weekday, then another capitalised word: a
#: title or a name ("Saturday Night Revue", "Monday Morning Forum"), not "Saturday night".
_TITLED_PART_AFTER = re.compile(
    r"\s+(?:" + "|".join(p.capitalize() for p in PARTS_OF_DAY) + r")\s+[A-Z][a-z]"
)

#: Words after weekdays in the plural that make them a timetable (data/recurring.yml).
SCHEDULE_WORDS: tuple[str, ...] = tuple(
    yaml.safe_load((_DATA / "recurring.yml").read_text())["schedule_words"]
)
_DAYS = "|".join(WEEKDAYS)
_SCHEDULE = re.compile(
    r"\s+(?:"
    + "|".join(map(re.escape, SCHEDULE_WORDS))
    + r")\s+(?:\d|(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b)",
    re.I,
)
#: A plural right after a weekday: "s" or a part of the day ("Tuesday nights").
_PLURAL = re.compile(r"(?:s\b|\s+(?:" + "|".join(PARTS_OF_DAY) + r")s\b)", re.I)
_JOINED_PLURAL = re.compile(
    rf"\s+(?:and|or)\s+(?:{_DAYS})" + r"(?:s\b|\s+(?:" + "|".join(PARTS_OF_DAY) + r")s\b)", re.I
)
_JOINED_BEFORE = re.compile(rf"\b(?:{_DAYS})\s+(?:and|or)\s+$", re.I)


def is_name(text: str, start: int, end: int) -> bool:
    """Says whether date words are part of a name: a title written in capitals inside a sentence
    or between quotation marks ("on This Week In Review", "“This Month” said"), date words
    opening a quoted title of capitalised words ('the “Tuesday Club”'), a capitalised
    relative day after a capitalised word ("told Coast Daily Today", "This is Harbour Radio
    Today"), or a date naming something ("the March 3 Committee")."""
    words = text[start:end].split()
    before = text[:start].rstrip()
    inside = bool(before) and before[-1] not in ".!?:\"“‘'("
    capitals = all(w[0].isupper() for w in words if w[0].isalpha())
    relative = words[0].lower() in ("this", "last", "next", "earlier", "later")
    quoted = before[-1:] in ('"', "“", "‘", "`")  # after an opening quotation mark
    if len(words) > 1 and (inside or quoted) and capitals and relative:
        return True
    if quoted and capitals and _QUOTED_TITLE_AFTER.match(text[end:]):
        return True  # 'the “Tuesday Club”': a quoted title that starts with a date word
    one_day = len(words) == 1 and words[0].lower() in _RELATIVE_DAYS and words[0][0].isupper()
    if one_day and inside and _NAME_BEFORE.search(before):
        return True  # "told Coast Daily Today": a relative day ending a name
    if one_day and _QUOTED_NAME_BEFORE.search(before) and text[end : end + 1] in _CLOSING_QUOTES:
        return True  # 'on "Harbour Tonight"': the last word of a quoted title
    after = re.match(r"\s+([A-Z][a-z]+)", text[end:])
    return (
        any(c.isdigit() for c in text[start:end])  # not "on the Sunday President X spoke"
        and re.search(r"\b[Tt]he$", before) is not None
        and after is not None
        and after.group(1).lower() not in MONTHS | WEEKDAYS | PARTS_OF_DAY
    )


#: An ordinal before a weekday of a month ("the second Tuesday in November", "the last Friday of
#: June"): a rule for a day, which the weekday alone does not date.
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|last)\s+$", re.I)
_OF_MONTH_AFTER = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+month\s+of\s+)?(?:" + "|".join(MONTHS) + r")\b", re.I
)
#: A time stamp of the page before a date ("Updated July 3 at 8:15 a.m."): when the page was
#: changed, no date of the news.
_STAMP_BEFORE = re.compile(
    r"(?:^|[.!?\n])\s*(?:last\s+)?(?:updated|posted|published)(?:\s+on)?:?\s*$", re.I
)


def recurs(kind: str, m: re.Match[str], text: str, start: int) -> bool:
    """Says whether a weekday or month recurs rather than dates one day or month: after "each"
    or "every" (`RECURRING_WORDS`: "sails each Saturday", "every June"), or a weekday in the
    plural ("on Tuesday nights"; "on Mondays" is never matched). Two weekdays before a plural
    ("on Friday and Saturday nights") are two days, unless a timetable word follows
    and a date (`SCHEDULE_WORDS`: "leave on Friday and Saturday nights from May 1"). A weekday
    after an ordinal and before "in"/"of" a month ("the second Tuesday in November", "the last
    Friday of June") is a rule for a day, not the weekday's own day."""
    if kind not in ("weekday", "month"):
        return False
    if _RECURRING_BEFORE.search(text[:start]):
        return True
    if kind == "weekday" and _OF_MONTH_AFTER.match(text[m.end() :]):
        rel = " ".join((m.groupdict().get("rel") or "").lower().split())
        if rel == "last" or _ORDINAL_BEFORE.search(text[:start]):
            return True  # "the second Tuesday in November", "the last Friday of June"
    if kind != "weekday":
        return False
    after = text[m.end() :]
    if own := _PLURAL.match(after):
        return not _JOINED_BEFORE.search(text[:start]) or bool(_SCHEDULE.match(after[own.end() :]))
    joined = _JOINED_PLURAL.match(after)
    return joined is not None and bool(_SCHEDULE.match(after[joined.end() :]))


def starts_name(kind: str, m: re.Match[str], text: str, start: int) -> bool:
    """Says whether a weekday is a named day ("Super Tuesday": a qualifier of named_days.yml
    before it), a bare weekday opens a title with a part of the day in capitals ("a Saturday
    Night Revue sketch"), or a bare weekday or month begins a capitalised name that goes on
    after it: after "the" or a possessive and before a capitalised word that is no date word
    and no role ("the Sunday Chorale", "the June Orchard case", "their Friday Forum"). Not a
    name: "on the Monday X left" (a day), "the Friday President X arrived" (a role starts a
    person's name).
    """
    if kind == "weekday" and _NAMED_DAY.search(text[:start]):
        return True  # "on Super Tuesday", "Black Friday sales": a day of its own
    if kind not in ("weekday", "month") or m.end() - start != len(
        m.group("weekday" if kind == "weekday" else "month")
    ):
        return False  # "last Friday", "Friday evening", "in June" are dates
    if kind == "weekday" and _TITLED_PART_AFTER.match(text[m.end() :]):
        return True  # "a Saturday Night Revue sketch": a part of the day in capitals, a title
    before = text[:start]
    if not re.search(r"(?:\b[Tt]he|['’]s|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur))\s+$", before):
        return False
    if kind == "weekday" and re.search(r"\b[Oo]n\s+the\s+$", before):
        return False  # "on the Monday X left": a day
    after = re.match(r"\s+([A-Z][a-z]+)\b", text[m.end() :])
    return (
        after is not None
        and after.group(1).lower() not in MONTHS.keys() | WEEKDAYS.keys() | PARTS_OF_DAY.keys()
        and after.group(1).lower() not in ROLE_NOUNS
    )


def names_other_thing(kind: str, m: re.Match[str], text: str, start: int) -> bool:
    """Says whether a year is a copyright notice's ("Copyright © 2019 X", "(c) 2018 X", "©
    2005-2019 X": `COPYRIGHT_MARKS` before it) or an era's bound ("pre-2016 rules", "the
    post-2008 recovery": `_ERA_BEFORE`), or a bare month that is also a noun starts a
    name (`MONTH_NOUNS` without a lead word, before of/for/on/against and a capitalised word
    that is no date word: "allies such as March for Safer Streets", "the March on the Capitol";
    not "in March for the first time", "since March on Capitol Hill"); or a month and day (or
    a month) is a page's time stamp, alone after "Updated", "Posted" or "Published" at the
    start of its sentence ("Updated July 3 at 8:15 a.m.")."""
    if kind in ("month_day", "month") and _STAMP_BEFORE.search(text[:start]):
        return True  # "Updated July 3 at 8:15 a.m.", "Posted March 9": the page's stamp
    if kind == "year":
        before = text[:start]
        return _NOTICE_BEFORE.search(before) is not None or _ERA_BEFORE.search(before) is not None
    if kind != "month" or m.groupdict().get("lead") or m.group("month").lower() not in MONTH_NOUNS:
        return False
    after = _NAME_AFTER.match(text[m.end() :])
    return after is not None and after.group(1).lower() not in MONTHS | WEEKDAYS | PARTS_OF_DAY
