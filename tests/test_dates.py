"""The date resolver: each rule of docs/timeline.md, on invented sentences (dates checked by hand
against a calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.timeline import find_dates

# 7 August 2022 is a Sunday; 3 January 2023 a Tuesday.
SUNDAY = date(2022, 8, 7)
TUESDAY = date(2023, 1, 3)


def one(text: str, published: date | None = SUNDAY, **options):
    found = find_dates(text, published=published, **options)
    assert len(found) == 1, found
    return found[0]


def past(start: int, end: int) -> str:
    return "past"


def future(start: int, end: int) -> str:
    return "future"


def test_month_and_day_without_a_year_follow_the_tense() -> None:
    p = one("The letter was sent on July 29.", tense=past)
    assert (p.text, p.date, p.precision, p.resolution, p.direction) == (
        "July 29",
        date(2022, 7, 29),
        "day",
        "explicit",
        "backward",
    )
    # No tense cue: the nearest occurrence (12 September 2022 is 36 days ahead; 2021's is 330
    # days back).
    p = one("the vote on September 12")
    assert (p.date, p.direction) == (date(2022, 9, 12), "nearest")
    # A past tense reaches back about ten months, not further: news writes the year of a date a
    # year away ("was moved to Dec. 2" in a late-November article is this December).
    assert one("the deadline was moved to Dec. 2", date(2021, 11, 26), tense=past).date == date(
        2021, 12, 2
    )
    assert one("the plant opened on Dec. 3", date(2023, 10, 2), tense=past).date == date(
        2022, 12, 3
    )
    # The future: the first such day on or after publication (3 March 2023, not 2022's).
    p = one("the board will meet on March 3", tense=future)
    assert (p.date, p.direction) == (date(2023, 3, 3), "forward")
    assert one("the board met on March 3", tense=past).date == date(2022, 3, 3)


def test_scheduling_words_resolve_forward() -> None:
    # "payable Jan. 3" in a September article: the coming January, even beside a past verb
    # (which alone would take the January before: 261 days back, within reach).
    september = date(2024, 9, 20)
    p = one("The club announced a bonus payable Jan. 3.", september, tense=past)
    assert (p.date, p.direction) == (date(2025, 1, 3), "forward")
    assert one("The club paid a bonus on Jan. 3.", september, tense=past).date == date(2024, 1, 3)
    # "starting Jan. 5" in a 10 December article: the coming January.
    assert one("fees rise starting Jan. 5", date(2023, 12, 10)).date == date(2024, 1, 5)
    assert one("the rule is effective Feb. 1", date(2024, 1, 20)).date == date(2024, 2, 1)


def test_year_wrap_at_new_year() -> None:
    p = one("She resigned late on December 30.", TUESDAY, tense=past)
    assert (p.date, p.text) == (date(2022, 12, 30), "late on December 30")
    assert one("talks resumed on January 2", TUESDAY).date == date(2023, 1, 2)
    assert one("a stated year wins: 4 August 2021").date == date(2021, 8, 4)


def test_weekday_follows_the_tense() -> None:
    # SUNDAY is Sunday 7 August 2022.
    assert one("Callers phoned on Friday.", tense=past).date == date(2022, 8, 5)
    p = one("The minister will speak on Friday.", tense=future)
    assert (p.date, p.direction) == (date(2022, 8, 12), "forward")
    # The publication's own weekday is the publication day, either way.
    p = one("Sunday", tense=past)
    assert (p.date, p.resolution) == (date(2022, 8, 7), "relative")
    assert one("Sunday", tense=future).date == date(2022, 8, 7)
    # No cue: the nearest (TUESDAY is Tuesday 3 January 2023).
    assert one("on Monday", TUESDAY).date == date(2023, 1, 2)
    assert one("on Friday", TUESDAY).date == date(2023, 1, 6)  # 3 days ahead, 4 back
    assert one("on Friday", TUESDAY, tense=past).date == date(2022, 12, 30)
    # "last" and "next" are stated.
    p = one("last Friday", date(2022, 8, 5))
    assert (p.date, p.direction) == (date(2022, 7, 29), "stated")
    assert one("next Friday", date(2022, 8, 5)).date == date(2022, 8, 12)


def test_a_weekday_beside_a_date_takes_the_date() -> None:
    # 16 October 2020 was a Friday.
    p = one("on the night of Friday, Oct. 16", date(2020, 11, 20))
    assert (p.text, p.date, p.part_of_day, p.note) == (
        "on the night of Friday, Oct. 16",
        date(2020, 10, 16),
        "night",
        None,
    )
    # Without a year, the weekday picks the year it falls in (25 April 2020 was a Saturday).
    assert one("on Saturday, April 25", date(2020, 11, 20)).date == date(2020, 4, 25)
    # They disagree (24 October 2020 was a Saturday): the date is kept, with a note.
    p = one("on Friday, Oct. 24, 2020", date(2020, 11, 20))
    assert p.date == date(2020, 10, 24)
    assert (
        p.note == "Friday is written beside 24 October 2020, which is a Saturday; the date is kept"
    )


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
        ("in September", date(2022, 9, 1), date(2022, 9, 30), "month"),  # nearest
        ("last September", date(2021, 9, 1), date(2021, 9, 30), "month"),
        ("in June last year", date(2021, 6, 1), date(2021, 6, 30), "month"),
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
    assert find_dates(text, published=SUNDAY, is_date=lambda s, e: False) == []
    assert len(find_dates(text, published=SUNDAY)) == 1


def test_bare_years_and_months_count_when_the_parser_tags_a_date() -> None:
    text = "Sales fell in 2010 and rose 5% in June."
    tagged = [(p.text, p.date, p.date_end) for p in find_dates(text, published=SUNDAY)]
    assert tagged == [
        ("2010", date(2010, 1, 1), date(2010, 12, 31)),
        ("June", date(2022, 6, 1), date(2022, 6, 30)),
    ]
    text = "The 2010 budget was cut; June was dry."
    assert find_dates(text, published=SUNDAY) == []  # no lead word, no parser
    found = find_dates(text, published=SUNDAY, is_date=lambda s, e: True)
    assert [p.text for p in found] == ["2010", "June"]
    assert one("until mid-November", SUNDAY).text == "November"


def test_the_weekend_follows_the_tense() -> None:
    # Wednesday 10 August 2022: the weekend before is 6-7 August, the next 13-14 August.
    wednesday = date(2022, 8, 10)
    p = one("Protesters gathered over the weekend.", wednesday, tense=past)
    assert (p.text, p.date, p.date_end, p.precision) == (
        "the weekend",
        date(2022, 8, 6),
        date(2022, 8, 7),
        "week",
    )
    assert one("They will march over the weekend.", wednesday, tense=future).date == date(
        2022, 8, 13
    )
    # "This weekend" in a Monday article (8 August 2022) is the one just past, unless the verb
    # looks ahead.
    monday = date(2022, 8, 8)
    p = one("This weekend, protesters marched.", monday)
    assert (p.date, p.date_end, p.direction) == (date(2022, 8, 6), date(2022, 8, 7), "nearest")
    assert one("They will march this weekend.", monday, tense=future).date == date(2022, 8, 13)


def test_anchored_phrases_take_the_previous_explicit_date() -> None:
    text = "Profit rose in 2019, after a loss a year earlier; the following year it fell."
    found = find_dates(text, published=SUNDAY)
    assert [(p.text, p.date, p.direction) for p in found] == [
        ("2019", date(2019, 1, 1), "stated"),
        ("a year earlier", date(2018, 1, 1), "anchored"),
        ("the following year", date(2020, 1, 1), "anchored"),
    ]
    # The anchor may come from the sentence before (`previous`) ...
    (p,) = find_dates(
        "That year, it fell.", published=SUNDAY, previous=(date(2015, 3, 4), None, "day")
    )
    assert (p.date, p.date_end, p.precision) == (date(2015, 1, 1), date(2015, 12, 31), "year")
    (p,) = find_dates("the same day", published=SUNDAY, previous=(date(2015, 3, 4), None, "day"))
    assert p.date == date(2015, 3, 4)
    # ... else the date stays missing, never guessed; and never finer than the anchor.
    assert one("Two years later, it closed.").date is None
    (p,) = find_dates(
        "a day earlier", published=SUNDAY, previous=(date(2015, 1, 1), date(2015, 12, 31), "year")
    )
    assert p.date is None


def test_quarters_and_the_year_before_them() -> None:
    # An article of 26 October 2023: the third quarter is the one just ended (nearest), also
    # when results are "expected"; "a year earlier" / "a year ago" after a quarter
    # is that quarter a year before.
    october = date(2023, 10, 26)
    text = "The bakery expects third-quarter profit to beat the $2 million of a year ago."
    found = find_dates(text, published=october, tense=future)
    assert [(p.text, p.date, p.date_end, p.precision, p.direction) for p in found] == [
        ("third-quarter", date(2023, 7, 1), date(2023, 9, 30), "quarter", "nearest"),
        ("a year ago", date(2022, 7, 1), date(2022, 9, 30), "quarter", "anchored"),
    ]
    p = one("sales in the first quarter of 2021", october)
    assert (p.date, p.date_end, p.direction) == (date(2021, 1, 1), date(2021, 3, 31), "stated")
    # Without a quarter before it, "a year ago" is a year before publication.
    assert one("Sales fell a year ago.", october).date == date(2022, 1, 1)
    # A fiscal quarter follows a calendar the words do not give: missing.
    assert one("in the fiscal first quarter", october).date is None
    quarter, end = find_dates("for its second quarter ended Aug. 31", published=october)
    assert (quarter.date, end.date) == (None, date(2023, 8, 31))
    # A quarter ending in the last month of the calendar quarter of its number is that quarter.
    quarter, end = find_dates("for its third quarter ended Sept. 30", published=october)
    assert (quarter.date, quarter.date_end, end.date) == (
        date(2023, 7, 1),
        date(2023, 9, 30),
        date(2023, 9, 30),
    )
    quarter, _ = find_dates("in the first quarter ending March 29", published=date(2023, 5, 10))
    assert (quarter.date, quarter.date_end) == (date(2023, 1, 1), date(2023, 3, 31))
    assert one("the fourth quarter ended", october).date is None


def test_a_quarter_with_its_year_in_words() -> None:
    # An article of 26 October 2023. "this year's third quarter" is one phrase: the third quarter
    # of 2023; "next year's first quarter" of 2024; "last year's fourth quarter" of 2022.
    october = date(2023, 10, 26)
    p = one("The mill earned $3 million in this year's third quarter.", october)
    assert (p.text, p.date, p.date_end, p.direction) == (
        "this year's third quarter",
        date(2023, 7, 1),
        date(2023, 9, 30),
        "stated",
    )
    p = one("The merger may close in next year's first quarter.", october)
    assert (p.date, p.date_end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert one("last year's fourth quarter", october).date == date(2022, 10, 1)
    assert one("its 2021's second quarter", october).date == date(2021, 4, 1)
    # "the year-ago third quarter", "the year-earlier second quarter": the quarter the words name,
    # a year before (the nearest third quarter is 2023's).
    p = one("The mill earned $2 million in the year-ago third quarter.", october)
    assert (p.text, p.date, p.date_end) == (
        "year-ago third quarter",
        date(2022, 7, 1),
        date(2022, 9, 30),
    )
    assert one("the year-earlier second quarter", october).date == date(2022, 4, 1)


def test_last_month_name_is_not_the_month_just_ended() -> None:
    # An article of 1 March 1998: "last February" is February 1997 (the month just ended is "last
    # month"); "last January" is January 1998; "last December" December 1997.
    march = date(1998, 3, 1)
    p = one("The old bridge collapsed last February.", march, tense=past)
    assert (p.date, p.date_end, p.direction) == (date(1997, 2, 1), date(1997, 2, 28), "backward")
    assert one("Prices rose last January.", march, tense=past).date == date(1998, 1, 1)
    assert one("Prices rose last December.", march, tense=past).date == date(1997, 12, 1)
    # In an article of 20 March, the same: the month just ended is not "last February".
    assert one("last February", date(1998, 3, 20)).date == date(1997, 2, 1)
    # In January, "last December" is the December just ended: December of last year.
    assert one("last December", date(1998, 1, 5)).date == date(1997, 12, 1)
    assert one("last November", date(1998, 1, 5)).date == date(1997, 11, 1)


def test_a_weekday_counted_from_another_day_stays_missing() -> None:
    # "the previous Friday", "the following Monday": from a day of the story the words do not
    # give (in a Monday article about a Friday, "the previous Friday" may be ten days back).
    for text in (
        "The index ended lower than the previous Friday.",
        "The talks resumed the following Monday.",
        "It had ended the preceding Sunday.",
    ):
        p = one(text, tense=past)
        assert (p.date, p.direction, p.resolution) == (None, "anchored", "relative"), text
    assert one("the previous Friday").text == "the previous Friday"


@pytest.mark.parametrize(
    "text",
    [
        "He said on This Week In Review that he would run.",  # a programme's title
        "“Next Week” is a podcast.",  # a title between quotation marks
        'He told "This Week With Anna," a show.',
        "The bank must wait 30 days before closing the sale.",  # a duration
        "The March 3 Committee reported.",  # a date naming something
        "the July 4 Parade",
        "This is Harbour Radio Today.",  # a relative day ending a name
        "A minister told Coast Daily TODAY that the port would reopen.",
        'She answered in an interview on "Harbour Tonight" later.',  # a quoted title's last word
    ],
)
def test_titles_and_names_are_not_dates(text: str) -> None:
    assert find_dates(text, published=SUNDAY) == []


def test_earlier_before_a_weekday_looks_back_unless_the_verb_is_future() -> None:
    # Sunday 7 August 2022: without a tense cue, Wednesday would be the nearest (the coming
    # 10 August); "earlier on" puts it in the past (3 August).
    text = "The rebels withdrew after shelling the town earlier on Wednesday."
    p = one(text)
    assert (p.text, p.date, p.direction) == ("Wednesday", date(2022, 8, 3), "backward")
    assert one("Earlier Wednesday, the council voted.").date == date(2022, 8, 3)
    future = one("The vote will be held earlier on Wednesday.", tense=lambda s, e: "future")
    assert (future.date, future.direction) == (date(2022, 8, 10), "forward")


def test_two_joined_weekdays_are_one_run_of_days() -> None:
    # Saturday 15 July 2017, no tense cue: the nearest Tuesday is ahead (the 18th, 3 days) and
    # the nearest Wednesday back (the 12th, 3 days, a tie going back); "on Tuesday or
    # Wednesday" is the Wednesday after that Tuesday (the 19th).
    july = date(2017, 7, 15)
    found = find_dates("The panel may open hearings on Tuesday or Wednesday.", published=july)
    assert [(p.text, p.date) for p in found] == [
        ("Tuesday", date(2017, 7, 18)),
        ("Wednesday", date(2017, 7, 19)),
    ]
    alone = one("Leaders met on Wednesday.", published=july)
    assert alone.date == date(2017, 7, 12)
    # two days on one side of publication keep the order written: in a Friday article, "Friday
    # and Thursday" are that day and the day before, not a Thursday after the Friday
    friday = date(2017, 7, 14)
    found = find_dates("The lawyer spoke Friday and Thursday.", published=friday)
    assert [p.date for p in found] == [friday, date(2017, 7, 13)]


def test_a_month_placed_from_the_previous_date() -> None:
    # In a 2015 article, months told from a date the article gave before are of that date's
    # year, not the nearest to publication: "that November" after March 1981 is November 1981,
    # "the following June" after October 1986 is June 1987, "June that year" after March 2010
    # is June 2010; without a date before, such a month is missing.
    text = (
        "A government formed in March 1981 fell, and a vote was held again "
        "that November. A pact ended in October 1986, and the cabinet fell the following "
        "June. The council met in March 2010 and again in June that year."
    )
    found = find_dates(text, published=date(2015, 5, 6), is_date=lambda s, e: True)
    rows = [(p.text, p.date, p.direction) for p in found if p.kind == "anchored_month"]
    assert rows == [
        ("that November", date(1981, 11, 1), "anchored"),
        ("the following June", date(1987, 6, 1), "anchored"),
        ("June that year", date(2010, 6, 1), "anchored"),
    ]
    alone = one("The cabinet fell the following May.", is_date=lambda s, e: True)
    assert (alone.text, alone.date, alone.direction) == ("the following May", None, "anchored")
    # "that" as a conjunction is no determiner: "said that May sales rose" is the month itself
    said = one("The minister said that May sales rose.", is_date=lambda s, e: True)
    assert (said.text, said.kind) == ("May", "month")


def test_direction_says_nearest_when_the_past_lay_beyond_the_reach_of_the_tense() -> None:
    # Thursday 7 May 2015: a past verb looks back at most about ten months; 23 June 2014 is
    # farther, so the nearest 23 June is taken (23 June 2015) and the direction says so, not
    # "backward" beside a date after publication.
    may = date(2015, 5, 7)
    text = "The depot was closed after a flood on June 23."
    p = one(text, published=may, tense=past)
    assert (p.date, p.direction) == (date(2015, 6, 23), "nearest")
    assert one("The depot was closed on April 23.", published=may, tense=past).direction == (
        "backward"
    )


def test_since_before_a_month_looks_back_even_through_a_determiner() -> None:
    # Friday 21 July 2017: without a cue, November would be the nearest (the coming one,
    # November 2017); "since its November defeat" can only be the November before.
    july = date(2017, 7, 21)
    text = "The club has rebuilt its squad since its November relegation."
    p = one(text, published=july, is_date=lambda s, e: True)
    assert (p.text, p.date, p.direction) == ("November", date(2016, 11, 1), "backward")
    assert one(
        "Prices have risen since the March budget.", published=july, is_date=lambda s, e: True
    ).date == date(2017, 3, 1)


def test_a_capitalised_relative_day_is_a_date_at_the_start_or_after_a_dash() -> None:
    assert one("Today the council met.").text == "Today"
    assert one("HARBOURTON — Today the council met.").text == "Today"
    assert one("The Harbour Council Tuesday said it agreed.", tense=past).text == "Tuesday"


def test_a_weekday_before_a_name_is_a_date() -> None:
    assert one("It happened on the Friday President Ruiz arrived.", tense=past).text == "Friday"


@pytest.mark.parametrize(
    "text",
    [
        "She sang with the Sunday Chorale last year.",  # a weekday that starts a name
        "The court heard the June Orchard case again.",  # a month that starts a name
        "It was printed in the Tuesday Ledger.",
        "The band's Saturday Sessions tour sold out.",  # after a possessive
        "Texas votes on Super Tuesday this year.",  # a named day
        "Shops opened early for Black Friday.",
    ],
)
def test_a_date_word_that_starts_a_capitalised_name_is_not_a_date(text: str) -> None:
    tagged = {"is_date": lambda start, end: True}  # even where the parser tags a date
    found = [p.text for p in find_dates(text, published=SUNDAY, **tagged)]
    assert not any(
        w in " ".join(found) for w in ("Sunday", "June", "Tuesday", "Saturday", "Friday")
    )


@pytest.mark.parametrize(
    "text",
    [
        "The night ferry sails each Saturday.",  # a weekday that recurs
        "A fair is held every June in the square.",  # a month that recurs
        "The market opens on Sunday mornings.",
    ],
)
def test_a_weekday_or_month_that_recurs_is_not_a_date(text: str) -> None:
    tagged = {"is_date": lambda start, end: True}  # even where the parser tags a date
    assert find_dates(text, published=SUNDAY, **tagged) == []


def test_a_year_after_pre_or_post_is_an_eras_bound_not_a_date() -> None:
    # "the pre-2016 rules": no event of 2016, even where the parser tags the year a DATE; a
    # year standing alone stays one (session 16, a fresh ABP sample read by hand)
    tagged = {"is_date": lambda start, end: True}
    text = "The board kept its pre-2016 rules. The post-2008 recovery was slow. It met in 2016."
    assert [p.text for p in find_dates(text, published=SUNDAY, **tagged)] == ["2016"]


def test_a_weekday_beside_another_is_a_date_unless_they_recur() -> None:
    # "on Monday and Tuesday nights from May 30" is a timetable; "on Monday and Tuesday nights"
    # and "on Monday and Tuesday night" are two days; "on Tuesday nights" recurs.
    tagged = {"is_date": lambda start, end: True}
    text = (
        "Ferries sail on Monday and Tuesday nights from May 30. Crowds marched on Monday and "
        "Tuesday nights. The show airs on Tuesday nights. They met on Monday and Tuesday night."
    )
    found = find_dates(text, published=SUNDAY, **tagged)
    assert [p.text for p in found] == ["May 30", "Monday", "Tuesday", "Monday", "Tuesday night"]
    assert found[1].start > text.index("Crowds") and found[3].start > text.index("They")


def test_a_date_word_before_a_capitalised_word_without_the_is_a_date() -> None:
    assert one("On Sunday Chorale members sang.", tense=past).text == "Sunday"
    assert one("The Sunday edition sold out.", tense=past).text == "Sunday"  # no name after
    assert one("It rained on the Monday Ruiz left.", tense=past).text == "Monday"
    assert one("The Friday President Ruiz arrived was cold.", tense=past).text == "Friday"


def test_offsets_point_into_the_searched_text() -> None:
    text = "Filler. Then on Friday evening it closed."
    (p,) = find_dates(text, published=SUNDAY, offset=100)
    assert text[p.start - 100 : p.end - 100] == p.text == "Friday evening"


def test_dates_written_in_words() -> None:
    # Broadcast transcripts write dates in words. An article of Friday 27 February 1998.
    friday = date(1998, 2, 27)
    p = one("The parade is this coming Sunday, March eighth.", friday)
    assert (p.text, p.date, p.precision, p.note) == (
        "Sunday, March eighth",
        date(1998, 3, 8),
        "day",
        None,
    )
    p = one("on March twenty-first, nineteen ninety-eight", friday)
    assert (p.date, p.direction) == (date(1998, 3, 21), "stated")
    p = one("The strike began in January nineteen ninety-seven.", friday)
    assert (p.text, p.date, p.date_end) == (
        "January nineteen ninety-seven",
        date(1997, 1, 1),
        date(1997, 1, 31),
    )
    tagged = {"is_date": lambda start, end: True}
    for text, year in (
        ("in nineteen seventy-nine", 1979),
        ("since two thousand and four", 2004),
        ("in nineteen oh five", 1905),
        ("by twenty ten", 2010),
    ):
        p = one(text, friday, **tagged)
        assert (p.date, p.date_end, p.precision) == (date(year, 1, 1), date(year, 12, 31), "year")
    # A bare year in words needs the parser's DATE tag, as a bare year in digits.
    assert find_dates("Nineteen ninety-six was dry.", published=friday) == []
    # Counts and ordinals that are no dates.
    for text in (
        "They have kept the secret for more than two thousand years.",
        "The April first quarter was weak.",  # "April", and the first quarter; not 1 April
        "twenty one people",
    ):
        assert all(
            p.precision != "day" and p.precision != "year"
            for p in find_dates(text, published=friday, **tagged)
        ), text


def test_a_year_ago_after_the_quarter_an_article_reports_on() -> None:
    # An article of 26 October 2023 reporting the third quarter (ended by publication). In a
    # later sentence with a past verb, "a year ago" is the third quarter of 2022: results of a
    # quarter are compared with the year-ago quarter.
    october = date(2023, 10, 26)
    q3 = (date(2023, 7, 1), date(2023, 9, 30), "quarter")
    p = one("Net rose to $5 million from $4 million a year ago.", october, tense=past, quarter=q3)
    assert (p.date, p.date_end, p.precision, p.direction) == (
        date(2022, 7, 1),
        date(2022, 9, 30),
        "quarter",
        "anchored",
    )
    # A state now against then ("the chain runs 40 stores, up from 31 a year ago"; no past verb),
    # "last year" without a quarter in its sentence, and an article without a reported quarter:
    # the year before publication.
    assert one(
        "The chain runs 40 stores, up from 31 a year ago.", october, quarter=q3
    ).date == date(2022, 1, 1)
    p = one("Net rose from $4 million last year.", october, tense=past, quarter=q3)
    assert (p.date, p.precision) == (date(2022, 1, 1), "year")
    # "last year" names the calendar year, also beside a quarter of its sentence.
    found = find_dates("Third-quarter sales fell from $21 million last year.", published=october)
    assert [(p.text, p.precision) for p in found] == [
        ("Third-quarter", "quarter"),
        ("last year", "year"),
    ]
    assert one("Net rose from $4 million a year ago.", october, tense=past).precision == "year"
    # Results are compared in figures: without one, the year ("a year earlier": missing).
    p = one("Costs rose compared with a year ago.", october, tense=past, quarter=q3)
    assert (p.date, p.precision) == (date(2022, 1, 1), "year")
    assert one("Costs rose against a year earlier.", october, tense=past, quarter=q3).date is None
    # "a year earlier" without a date before it: from the quarter reported on, as "a year ago";
    # without a reported quarter it stays missing.
    p = one(
        "Net rose to $5 million from $4 million a year earlier.", october, tense=past, quarter=q3
    )
    assert (p.date, p.date_end, p.precision) == (date(2022, 7, 1), date(2022, 9, 30), "quarter")
    assert one("Net rose from $4 million a year earlier.", october, tense=past).date is None


def test_the_results_period_of_another_year() -> None:
    # An article of 26 October 2023 reporting the third quarter: "last year's quarter", "the
    # same period last year" and "the 2022 quarter" are the third quarter of 2022.
    october = date(2023, 10, 26)
    q3 = (date(2023, 7, 1), date(2023, 9, 30), "quarter")
    for text in (
        "Ticket revenue in last year's quarter was $8 million.",
        "Rent income was $5 million in the same period last year.",
        "It earned $1 million in the 2022 quarter.",
    ):
        p = one(text, october, quarter=q3, is_date=lambda start, end: True)
        assert (p.date, p.date_end, p.precision) == (
            date(2022, 7, 1),
            date(2022, 9, 30),
            "quarter",
        ), text
    # In a sentence about another period, the year.
    p = one(
        "In the first nine months, net was $9 million, against $7 million in the 2022 period.",
        october,
        quarter=q3,
        is_date=lambda start, end: True,
    )
    assert (p.date, p.precision) == (date(2022, 1, 1), "year")
    # Without a quarter reported on, the year.
    assert one("Ticket revenue in last year's quarter rose.", october).precision == "year"
    # A day without its year ending the year-ago period is in the year before: the nearest 31
    # October is 2023's, so 31 October 2022.
    p = one("The bakery lost $2 million in the year-ago period ending Oct. 31.", october)
    assert (p.text, p.date) == ("Oct. 31", date(2022, 10, 31))
    assert one("The quarter ended Oct. 31.", october).date == date(2023, 10, 31)


def test_a_limit_set_by_a_plan_seen_from_the_past_lies_ahead() -> None:
    # An article of Tuesday 3 January 2023. A future seen from a day gone by ("would", "was to",
    # "threatened to") takes the nearest weekend ("would meet at the weekend": 31 December, two
    # days back against four ahead), but a limit it sets lies ahead: "vowed to hold the talks
    # open through the weekend" is the coming one (7 January).
    def future_in_past(start: int, end: int) -> str:
        return "future_in_past"

    p = one("The chair said the panel would meet at the weekend.", TUESDAY, tense=future_in_past)
    assert (p.date, p.direction) == (date(2022, 12, 31), "nearest")
    p = one(
        "The mediator vowed to hold the talks open through the weekend.",
        TUESDAY,
        tense=future_in_past,
    )
    assert (p.date, p.direction) == (date(2023, 1, 7), "forward")


def test_a_limit_set_by_a_present_perfect_lies_ahead() -> None:
    # An article of 30 October 1989: "has extended the parking permits through January" is January
    # 1990
    # (a present perfect sets up something still running); "ran through January" and a present
    # perfect without "until/through/to" look back (January 1989).
    october = date(1989, 10, 30)

    def perfect(start: int, end: int) -> str:
        return "perfect"

    tagged = {"is_date": lambda start, end: True}  # "through" is no lead word: spaCy's DATE tag
    p = one(
        "The city has extended the parking permits through January.",
        october,
        tense=perfect,
        **tagged,
    )
    assert (p.date, p.direction) == (date(1990, 1, 1), "forward")
    assert one(
        "The club has extended the sign-up period until Nov. 9.", october, tense=perfect
    ).date == (date(1989, 11, 9))
    assert one("The permits ran through January.", october, tense=past, **tagged).date == date(
        1989, 1, 1
    )
    p = one("Sales have risen since January.", october, tense=perfect)
    assert (p.date, p.direction) == (date(1989, 1, 1), "backward")


def test_a_possessive_weekday_names_a_thing_its_verb_does_not_date() -> None:
    monday, tuesday = date(2025, 8, 4), date(2025, 8, 5)
    # No verb cue: what the day's thing is has been (Thursday 31 July, not the coming 7 August,
    # though it is one day nearer).
    p = one("shares priced 5% above Thursday's close", monday)
    assert (p.text, p.date, p.direction) == ("Thursday", date(2025, 7, 31), "backward")
    # A past verb: the same.
    assert one("He attended Thursday's rally.", monday, tense=past).date == date(2025, 7, 31)
    # A future verb speaks of the verb, not of the match: the nearest Sunday (3 August, two days
    # back), not the coming one.
    p = one("Sunday's match could settle the argument.", tuesday, tense=future)
    assert (p.date, p.direction) == (date(2025, 8, 3), "nearest")
    # A word of what lies ahead: the coming Thursday.
    p = one("Polls tightened ahead of Thursday's debate.", monday, tense=past)
    assert (p.date, p.direction) == (date(2025, 8, 7), "forward")
    p = one("in the run-up to Thursday's debate", monday)
    assert (p.date, p.direction) == (date(2025, 8, 7), "forward")
    # Not a possessive: the tense rules as before.
    assert one("They will meet Thursday.", monday, tense=future).date == date(2025, 8, 7)


def test_a_bound_before_ago_is_no_date() -> None:
    # "more than a month ago" is any time before a month back: found, its date missing.
    for text in ("The dam opened more than a month ago.", "It began over two weeks ago."):
        p = one(text, tense=past)
        assert p.kind == "ago" and p.date is None and p.date_end is None, text
    assert one("They met a month ago.", tense=past).date == date(2022, 7, 1)
    assert one("They met nearly a month ago.", tense=past).date == date(2022, 7, 1)  # near it


def test_a_possessive_weekday_much_nearer_ahead_is_the_coming_one() -> None:
    # A Sunday article: "Monday's vote" is tomorrow (1 day ahead, 6 back) — the nearest, not the
    # Monday before; "heading into Monday's vote" looks ahead.
    sunday = date(2025, 8, 3)
    p = one("The race is close before Monday's vote.", sunday)
    assert (p.date, p.direction) == (date(2025, 8, 4), "nearest")
    p = one("The field is large heading into Monday's vote.", sunday)
    assert (p.date, p.direction) == (date(2025, 8, 4), "forward")
    # A past verb: it took place (the Monday before).
    p = one("Crowds cheered Monday's vote.", sunday, tense=past)
    assert (p.date, p.direction) == (date(2025, 7, 28), "backward")


def test_a_date_outside_the_days_the_tables_hold_is_left_missing_with_a_note() -> None:
    # "500 years ago" in 2022 is 1522: pandas' days start in 1677, so the build would fail on
    # it. The phrase stays, its date missing, and the note says why (a row of `problems`).
    p = one("The chapel was built 500 years ago.", tense=past)
    assert (p.text, p.date, p.date_end, p.precision) == ("500 years ago", None, None, "year")
    assert p.note == (
        "the date falls in 1522, outside the days the tables can hold (1678–2261); it is left"
        " missing"
    )
    # 300 years ago is 1722: a day the tables hold.
    p = one("The chapel was built 300 years ago.", tense=past)
    assert (p.date, p.date_end, p.note) == (date(1722, 1, 1), date(1722, 12, 31), None)


def test_a_copyright_year_and_a_month_starting_a_name_are_not_dates() -> None:
    # The parser's DATE tag is given (`is_date`): the words alone must say it is no date.
    yes = {"is_date": lambda s, e: True}
    for text in (
        "Copyright © 2022 The Harbour Herald. All rights reserved.",
        "(c) 2021 Coast Media Agency",
        "© 2005-2022 Ridge Press",
        "(Satellite image © 2022 Orbit Imaging)",
        "Allies such as March for Safer Streets will attend.",
        "She spoke during the March on the Capitol.",
        "The March of Pennies raised funds.",
    ):
        assert find_dates(text, published=SUNDAY, **yes) == [], text
    # A year with no copyright mark before it, a month after a lead word ("in", "since") or
    # before a date word stays a date.
    found = find_dates("The plant opened in 2022, its copyright says.", published=SUNDAY, **yes)
    assert [p.text for p in found] == ["2022"]
    assert one("It grew in March for the first time.", **yes).date == date(2022, 3, 1)
    assert one("since March on Capitol Hill", **yes).date == date(2022, 3, 1)
    found = find_dates("March on Friday was wet.", published=SUNDAY, **yes)
    assert [p.text for p in found] == ["March", "Friday"]


def test_next_or_last_before_a_year_less_date_takes_that_side_however_far() -> None:
    # "next Oct. 1" in a 15 November 2014 article is 1 October 2015 (320 days ahead, beyond a
    # tense cue's reach of about ten months; the nearest 1 October was 45 days back).
    p = one("The law takes effect next Oct. 1, officials said.", date(2014, 11, 15))
    assert (p.text, p.date, p.direction) == ("next Oct. 1", date(2015, 10, 1), "forward")
    p = one("The fees rise next 1 October.", date(2014, 11, 15))
    assert (p.text, p.date, p.direction) == ("next 1 October", date(2015, 10, 1), "forward")
    # "last" looks back: "last Dec. 20" in a 15 November 2014 article is 20 December 2013.
    p = one("The council has met monthly since last Dec. 20.", date(2014, 11, 15))
    assert (p.text, p.date, p.direction) == ("last Dec. 20", date(2013, 12, 20), "backward")


@pytest.mark.parametrize(
    "text",
    [
        "Members of the “Tuesday Club” met in the hall.",
        'Ruiz once wrote sketches for the "Saturday Night Revue" team.',
        "The ‘Sunday Chorale’ sang in the square.",
    ],
)
def test_a_date_word_opening_a_quoted_title_is_not_a_date(text: str) -> None:
    # Capitalised words from an opening quotation mark to its closing one are a title or a
    # name; before, its weekday was dated (the coming Tuesday, 9 August).
    assert find_dates(text, published=SUNDAY) == []


def test_a_quoted_sentence_or_a_lone_quoted_weekday_stays_a_date() -> None:
    assert one('"Friday was long," Ruiz said.', tense=past).text == "Friday"
    assert one("Ruiz said “Thursday” and left.", tense=past).text == "Thursday"


@pytest.mark.parametrize(
    "text",
    ["The band played on Saturday Night Revue twice.", "She writes for Monday Morning Forum now."],
)
def test_a_weekday_before_a_part_of_the_day_in_capitals_and_a_name_is_a_title(text: str) -> None:
    # A part of the day written with a capital, then another capitalised word: a programme's
    # title. Before, its weekday was dated (the coming Saturday, the day after publication).
    assert find_dates(text, published=SUNDAY, is_date=lambda s, e: True) == []


def test_a_weekday_and_its_part_of_the_day_stay_a_date() -> None:
    assert one("The council voted on Saturday night.", tense=past).text == "Saturday night"


def test_a_past_act_in_a_month_lies_back_in_the_publications_year() -> None:
    # 10 December 2019. A past verb's cue reaches about ten months; farther, the nearest month
    # was taken: "detained … in January" became the coming January (2020). The time of a past
    # act ("in", "on", "during", "since" before it) lies anywhere back in the publication's
    # year; a target or limit ("moved … to January") and a planned thing ("scheduled a review
    # on Jan. 3") keep the nearest.
    december = date(2019, 12, 10)
    tagged = lambda s, e: True  # noqa: E731 (the parser tags each a date)
    arrested = one(
        "Police detained the treasurer in January.", published=december, tense=past, is_date=tagged
    )
    assert (arrested.date, arrested.direction) == (date(2019, 1, 1), "backward")
    held = one("The board met on Jan. 5 and voted.", published=december, tense=past, is_date=tagged)
    assert held.date == date(2019, 1, 5)
    moved = one(
        "The council moved the vote to January.", published=december, tense=past, is_date=tagged
    )
    assert moved.date == date(2020, 1, 1)
    planned = one(
        "The judge scheduled a review on Jan. 3.", published=december, tense=past, is_date=tagged
    )
    assert planned.date == date(2020, 1, 3)


def test_a_bare_month_takes_the_year_of_the_month_that_ends_its_range() -> None:
    # 19 December 2019. Before, "March" and "November" were placed from publication (2020,
    # 2019) though the range's end gives the year.
    december = date(2019, 12, 19)
    found = find_dates(
        "From March to October 2015, the council rebuilt the pier.",
        published=december,
        is_date=lambda s, e: True,
    )
    assert [(p.text, p.date, p.direction) for p in found] == [
        ("March", date(2015, 3, 1), "stated"),
        ("October 2015", date(2015, 10, 1), "stated"),
    ]
    found = find_dates(
        "The works will run between November and February 2021.",
        published=december,
        is_date=lambda s, e: True,
    )
    assert found[0].text == "November" and found[0].date == date(2020, 11, 1)
    memos = find_dates(
        "The April-to-September 2014 surveys were lost.",
        published=december,
        is_date=lambda s, e: True,
    )
    assert memos[0].text == "April" and memos[0].date == date(2014, 4, 1)
