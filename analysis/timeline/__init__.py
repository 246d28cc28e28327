"""Reaction timeline: date phrases resolved against publication dates (`dates`, `placing`;
the side of publication a date lies on, `directions`; words that look like dates but are none,
`not_dates`), what a date attaches to in the parse and that verb's tense (`attachment`), the
`events` table (`events`; acts done once to a thing, `once_things`; the day of an undated
statement's occasion, or none for background, `occasions`), and happenings across
outlets with conflicts and propagation (`happenings`)."""

from .dates import DatePhrase, find_dates
from .events import tabulate_date_problems, tabulate_events
from .happenings import (
    group_happenings,
    propagate_statements,
    read_dates,
    select_events,
    story_of,
    summarize_happenings,
    tabulate_report_delays,
)

__all__ = [
    "DatePhrase",
    "find_dates",
    "group_happenings",
    "propagate_statements",
    "read_dates",
    "select_events",
    "story_of",
    "summarize_happenings",
    "tabulate_date_problems",
    "tabulate_events",
    "tabulate_report_delays",
]
