"""Owners and issuers of quotations (`analysis.quotes.issuers`) and quoted names that are no
one's words (`analysis.quotes.marks.follows_name_opener`), on invented articles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import analysis
from analysis.quotes.marks import follows_name_opener, names_a_work
from tests.test_quotes import build_one as build_with_warnings


def build_one(tmp_path: Path, cache_dir: Path, text: str) -> analysis.Tables:
    """Returns the tables of a one-article corpus of this text (`tests.test_quotes.build_one`
    without its quote warnings)."""
    return build_with_warnings(tmp_path, cache_dir, text)[0]


def quote_starting(tables: analysis.Tables, starts: str) -> pd.Series:
    """Returns the one quote row whose text starts with `starts` (fails if not exactly one)."""
    quotes = tables.quotes
    q = quotes[quotes.text.str.startswith(starts)]
    assert len(q) == 1, f"no single quote starting {starts!r}: {quotes.text.tolist()}"
    return q.iloc[0]


def speaker_of(tables: analysis.Tables, starts: str) -> object:
    q = tables.quotes[tables.quotes.text.str.startswith(starts)]
    assert len(q) == 1, f"no single quote starting {starts!r}: {tables.quotes.text.tolist()}"
    return q.iloc[0].speaker


def test_a_passive_speech_verb_speaks_for_its_agent(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko opened the new depot in Brody on Monday.\n\n"
        "The volunteers, who were described by Horbenko as a “small band of tireless helpers"
        " who never asked for thanks,” cleaned the depot for a week.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # Not the volunteers (the passive subject): the mayor described them.
    assert speaker_of(tables, "small band of tireless helpers") == "Ivan Horbenko"


def test_a_passive_question_does_not_answer(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The driver, Petro Savchenko, 71, gave evidence on Wednesday. Asked by Ivan Horbenko"
        " how he had felt, he said:\n\n"
        "“Sick. I drove that bus for thirty years and nobody told me.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The question is Horbenko's; the answer is the driver's.
    assert speaker_of(tables, "Sick. I drove that bus") == "Petro Savchenko"


def test_the_owner_of_a_refrain_before_a_colon(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Olena Marchuk toured the northern villages for a month before the vote.\n\n"
        "Marchuk’s refrain at every stop in the valley: “We will rebuild every school that"
        " the flood took from us.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "We will rebuild every school") == "Olena Marchuk"


def test_a_quotation_said_to_be_someones_expression(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Petro Savchenko has run the ferry between the islands for thirty years.\n\n"
        "“The sea decides the timetable, not the ministry” is Savchenko’s favourite"
        " expression.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "The sea decides the timetable") == "Petro Savchenko"


def test_quoted_names_after_so_called_or_titled_are_no_quotes(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Ivan Horbenko said the so-called “war on the valley drivers” had to end in May.\n\n"
        "Horbenko also said a report titled “how the valley lost its trains in a year” was"
        " unfair to the drivers.\n\n"
        "“We will keep the line open,” Horbenko said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    quoted = set(tables.quotes[tables.quotes.kind != "indirect"].text)
    assert quoted == {"We will keep the line open,"}


def test_titles_next_to_a_work_noun_or_after_on_are_no_quotes(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Olena Marchuk left the ministry in May.\n\n"
        "In her memoir “Quiet Waters,” Marchuk described the loss as “crushing.”\n\n"
        "In the “Sixty Seconds” interview that aired Sunday, Marchuk admitted she was tired.\n\n"
        "“We will keep the line open,” Ivan Horbenko said on the network’s “Morning Line.”\n\n"
        "“Be Ready,” Horbenko said on “Morning Line.” “The Valley Will Hold.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    quoted = set(tables.quotes[tables.quotes.kind != "indirect"].text)
    assert quoted == {
        "crushing.",
        "We will keep the line open,",
        "Be Ready,",
        "The Valley Will Hold.",
    }
    assert speaker_of(tables, "crushing") == "Olena Marchuk"


def test_a_title_set_aside_is_no_speaker_to_go_on_with(tmp_path: Path, cache_dir: Path) -> None:
    # The second "Morning Line" repeats words quoted in the first paragraph; set aside as a
    # title, it must not hand the next paragraph's quotation to the first speaker.
    text = (
        "“We will keep the line open,” Olena Marchuk, the mayor, told “Morning Line.”\n\n"
        "“The bridge will reopen in June,” Ivan Horbenko, her deputy, also said on “Morning "
        "Line.”\n\n"
        "“And I think the council and the mayor will make a great team on this.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert "Morning Line." not in set(tables.quotes.text)
    assert speaker_of(tables, "The bridge will reopen") == "Ivan Horbenko"
    assert speaker_of(tables, "And I think the council") == "Ivan Horbenko"


def test_a_name_given_in_the_passive_is_no_quote(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Ivan Horbenko runs the ferry campaign in Brody.\n\n"
        "Horbenko also has a new ad, called “Fair Fares for All,” which attacks the council.\n\n"
        "He backs a fund known simply as “The Harbour Trust.” It pays for repairs.\n\n"
        "Horbenko called the plan “A Disaster for Brody,” and left.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    quoted = set(tables.quotes[tables.quotes.kind != "indirect"].text)
    # "called" with a subject is Horbenko's own words
    assert quoted == {"A Disaster for Brody,"}


def test_a_work_title_needs_capitalised_words_next_to_the_noun() -> None:
    text = "the show “must go on,” she said on “Be ready,” and the “Last Word” episode"
    assert not names_a_work(text, text.index("must"), text.index(",” she"))
    assert not names_a_work(text, text.index("Be ready"), text.index(",” and"))
    assert names_a_work(text, text.index("Last"), text.index("” episode"))
    text = "Roe said on “Dawn & Dusk.” Then"
    assert names_a_work(text, text.index("Dawn"), text.index("” Then"))


def test_name_openers_are_read_right_before_the_mark() -> None:
    text = "the so-called “Night Train” and a plan “so-called” by nobody"
    assert follows_name_opener(text, text.index("Night"))
    assert not follows_name_opener(text, text.index("so-called”"))
    text = "a new editorial titled, “Why the Plan Will Fail.”"
    assert follows_name_opener(text, text.index("Why"))


def test_confided_and_inverted_offered_are_cues(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Ivan Horbenko and Olena Marchuk met the drivers in Brody on Monday.\n\n"
        "(“Hardest week of my life,” Marchuk confided to a reporter afterward.)\n\n"
        "“It will be a long night for all of us,” offered Horbenko, among the members who"
        " backed the plan.\n\n"
        "Spokesman Petro Savchenko said the mayor wants to answer the plan that the drivers"
        " are offering with “a budget that keeps every route open.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "Hardest week of my life") == "Olena Marchuk"
    assert speaker_of(tables, "It will be a long night for all of us") == "Ivan Horbenko"
    # With a subject, "offer" does not speak: the spokesman quotes the words.
    assert speaker_of(tables, "a budget that keeps every route open") == "Petro Savchenko"


def test_a_transcript_line_in_capitals_names_its_speaker(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Olena Marchuk and Ivan Horbenko, the two candidates for mayor of Brody, met on"
        " Tuesday. Here is what they said.\n\n"
        "INDEPENDENT OLENA MARCHUK, on the bridge: “The bridge will be open by the spring, and"
        " the tolls will go.”\n\n"
        "THE RECORD: The council has not set aside money for the bridge this year.\n\n"
        "REPORTER: “And the tolls on the old road?”\n\n"
        "HOST: “Bridges of the North” by the Valley Choir, here on our evening programme.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    quote = tables.quotes[tables.quotes.text.str.startswith("The bridge will be open")]
    assert quote.speaker.tolist() == ["Olena Marchuk"]
    assert quote.speaker_mention.tolist() == ["INDEPENDENT OLENA MARCHUK"]
    # A lead naming no one gives no speaker, and does not let the candidate's words go on.
    assert tables.quotes[tables.quotes.text.str.startswith("And the tolls")].speaker.isna().all()
    # A title the host reads out, with more words after it, is no transcript line.
    assert tables.quotes[tables.quotes.text.str.startswith("Bridges")].speaker.isna().all()
