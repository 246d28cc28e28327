"""The date resolver: each rule of docs/timeline.md, on invented sentences (dates checked by hand
against a calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.timeline import find_dates

# 7 August 2022 is a Sunday; 3 January 2023 a Tuesday.
SUNDAY = date(2022, 8, 7)
TUESDAY = date(2023, 1, 3)


def one(text: str, published: date | None = SUNDAY):
    found = find_dates(text, published=published)
    assert len(found) == 1, found
    return found[0]


def test_month_and_day_take_the_year_closest_before_publication() -> None:
    p = one("The letter was sent on July 29.")
    assert (p.text, p.date, p.precision, p.resolution) == (
        "July 29",
        date(2022, 7, 29),
        "day",
        "explicit",
    )
    assert one("a report on 4 August").date == date(2022, 8, 4)
    # After the publication day in this year, so last year's.
    assert one("the vote on September 12").date == date(2021, 9, 12)


def test_year_wrap_at_new_year() -> None:
    p = one("She resigned late on December 30.", TUESDAY)
    assert (p.date, p.text) == (date(2022, 12, 30), "late on December 30")
    assert one("talks resumed on January 2", TUESDAY).date == date(2023, 1, 2)
    assert one("a stated year wins: 4 August 2021").date == date(2021, 8, 4)


def test_weekday_is_the_latest_such_day_on_or_before_publication() -> None:
    assert one("Callers phoned on Friday.").date == date(2022, 8, 5)
    assert one("On Thursday, the minister spoke.").date == date(2022, 8, 4)
    # The same weekday as the publication day is that day.
    p = one("a statement issued Sunday")
    assert (p.date, p.resolution) == (date(2022, 8, 7), "relative")
    assert one("on Monday", TUESDAY).date == date(2023, 1, 2)
    assert one("on Friday", TUESDAY).date == date(2022, 12, 30)


def test_part_of_day() -> None:
    p = one("in remarks Saturday evening, he said")
    assert (p.date, p.precision, p.part_of_day, p.text) == (
        date(2022, 8, 6),
        "part_of_day",
        "evening",
        "Saturday evening",
    )
    p = one("announcing it late on August 5.")
    assert (p.date, p.part_of_day, p.text) == (date(2022, 8, 5), "late", "late on August 5")
    assert one("on the morning of 2 August").part_of_day == "morning"
    p = one("Yesterday evening the board met.")
    assert (p.date, p.part_of_day) == (date(2022, 8, 6), "evening")
    # "later on August 4" is later than something else, not a part of the day.
    p = one("She tweeted later on August 4, saying")
    assert (p.text, p.part_of_day, p.precision) == ("August 4", None, "day")


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("a report earlier this week accused", date(2022, 8, 1), date(2022, 8, 6), "week"),
        ("the report issued last week", date(2022, 7, 25), date(2022, 8, 6), "week"),
        ("prices rose last month", date(2022, 7, 1), date(2022, 7, 31), "month"),
        # "this …" is the whole unit (the sentence may look back or ahead), "earlier this …" ends
        # the day before publication, "later this …" starts the day after.
        ("this year", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("this week", date(2022, 8, 1), date(2022, 8, 7), "week"),
        ("later this month", date(2022, 8, 8), date(2022, 8, 31), "month"),
        ("next week", date(2022, 8, 8), date(2022, 8, 14), "week"),
        ("last weekend", date(2022, 7, 30), date(2022, 7, 31), "week"),
        ("this weekend", date(2022, 8, 6), date(2022, 8, 7), "week"),
        ("two months ago", date(2022, 6, 1), date(2022, 6, 30), "month"),
        ("last year", date(2021, 1, 1), date(2021, 12, 31), "year"),
        ("in May", date(2022, 5, 1), date(2022, 5, 31), "month"),
        ("in September", date(2021, 9, 1), date(2021, 9, 30), "month"),
        ("since 2014", date(2014, 1, 1), date(2014, 12, 31), "year"),
        ("three weeks ago", date(2022, 7, 11), date(2022, 7, 17), "week"),
    ],
)
def test_spans(text: str, first: date, last: date, precision: str) -> None:
    p = one(text)
    assert (p.date, p.date_end, p.precision) == (first, last, precision)


def test_relative_days() -> None:
    assert one("Yesterday, the court ruled.").date == date(2022, 8, 6)
    p = one("The talks end today.")
    assert (p.date, p.date_end, p.precision) == (date(2022, 8, 7), None, "day")
    assert one("two days ago").date == date(2022, 8, 5)
    assert one("The vote is tomorrow.").date == date(2022, 8, 8)
    assert one("on Aug. 4").date == date(2022, 8, 4)
    assert one("on the 4th of August").date == date(2022, 8, 4)


def test_without_a_publication_date_the_phrase_is_kept_and_the_date_missing() -> None:
    text = "He spoke on Friday, after the vote on August 4 and in 2019."
    found = find_dates(text, published=None)
    assert [(p.text, p.date) for p in found] == [
        ("Friday", None),
        ("August 4", None),
        ("2019", date(2019, 1, 1)),  # a stated year needs no publication date
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The company will cut 1,500 jobs.",
        "Water returned in 2,000 homes.",
        "She has led the office for seven years.",
        "5 months of it under the new owners",
        "Over the past few days, we talked.",
        "over the past six months",
        "Prices rose over the last year and the last week.",
        "The 45-year-old was 52 years old in the photo.",
        "May I ask why?",
        "Repairs may take a while; the May Street office is closed.",
        "It happened at the 4th attempt, in 3 rounds.",
        "February 30",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, published=SUNDAY) == []


def test_a_bare_year_needs_the_year_test() -> None:
    text = "They rebuilt in 2000 homes."
    assert find_dates(text, published=SUNDAY, is_year=lambda s, e: False) == []
    assert len(find_dates(text, published=SUNDAY)) == 1


def test_offsets_point_into_the_searched_text() -> None:
    text = "Filler. Then on Friday evening it closed."
    (p,) = find_dates(text, published=SUNDAY, offset=100)
    assert text[p.start - 100 : p.end - 100] == p.text == "Friday evening"
