"""Speech cues read by the speaker rules of the i21c session (`analysis.quotes.clauses`,
`data/cues.yml`), on invented articles."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, speaker_of


def test_as_someone_puts_it_cues_the_quotation(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Olena Marchuk, a teacher, spoke at the opening of the depot in Brody.\n\n"
        "As Marchuk put it, “We have waited long enough for this.”\n\n"
        "Ivan Horbenko put it on the table and said nothing. The plan was “a gift to the"
        " contractors” for months, the council found.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "We have waited long enough") == "Olena Marchuk"
    # "put it on the table" says nothing: the later words are no one's.
    assert not isinstance(speaker_of(tables, "a gift to the contractors"), str)


def test_a_verb_that_refers_or_lists_as_speaks_for_its_fragment(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Olena Marchuk, the head of the teachers' union, has long opposed the plan.\n\n"
        "Marchuk referred to the new buses as “a gift to the contractors” in May.\n\n"
        "Ivan Horbenko listed himself as the “founder and only member of the ferry club” on"
        " the form.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "a gift to the contractors") == "Olena Marchuk"
    assert speaker_of(tables, "founder and only member") == "Ivan Horbenko"


def test_an_opening_mark_alone_does_not_hide_the_colon_before_it(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Olena Marchuk has covered the valley races for twenty years.\n\n"
        "As Marchuk writes in her weekly column, the race between Petro Savchenko and Ivan"
        " Horbenko came down to two promises:\n\n"
        '"Savchenko offered cheaper fares and more buses. His rival tied him to the council."'
        ' "Horbenko, for his part, spoke only of the depot."\n\n'
        "-- In the north, the count went on all night.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The model makes the opening mark a sentence of its own; the colon before it still opens
    # the columnist's words.
    assert speaker_of(tables, "Savchenko offered cheaper fares") == "Olena Marchuk"


def test_a_reduced_passive_names_no_speaker(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Petro Savchenko, long dubbed “the iron warden of the whole valley” in the local press,"
        " retired on Monday.\n\n"
        "Olena Marchuk holds the post referred to in the valley as “first warden of the"
        " northern villages” since May.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # A nickname others gave him is not his own words; a post's name is no one's.
    assert not isinstance(speaker_of(tables, "the iron warden"), str)
    assert not isinstance(speaker_of(tables, "first warden of the"), str)


def test_a_presenting_clause_names_who_speaks(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The Brody Transit Authority counted the cost of the flood for a month.\n\n"
        "Here's the Brody Transit Authority on the repairs:\n\n"
        '"The repairs will cost more than the council says, and the depot will stay shut'
        ' until May."\n\n'
        "There is this from Olena Marchuk: “The buses will run again, but not before the"
        " spring.”\n\n"
        "Here's a look at Ivan Horbenko's record: “He never missed a vote in ten years.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "The repairs will cost more") == "Brody Transit Authority"
    assert speaker_of(tables, "The buses will run again") == "Olena Marchuk"
    # What is presented is a look at his record, not his words.
    assert not isinstance(speaker_of(tables, "He never missed a vote"), str)


def test_a_speech_verb_inverted_after_a_fronted_clause(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Ivan Horbenko runs the valley conservancy.\n\n"
        "Because the council wants new roads in the hills this year, added Horbenko, “it should"
        " fund the dunes and the wetlands as well.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # Not the council of the fronted clause: the name right after "added" spoke.
    assert speaker_of(tables, "it should fund the dunes") == "Ivan Horbenko"


def test_a_list_line_gives_the_name_before_its_date(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The campaign trail gave the fact-checkers plenty of work this summer.\n\n"
        'Quotes of the week: Olena Marchuk, Aug. 1 "The depot will reopen before the first'
        ' snow." Ivan Horbenko, July 18: "Nobody rode the ferry last winter, nobody."\n'
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "The depot will reopen") == "Olena Marchuk"
    assert speaker_of(tables, "Nobody rode the ferry") == "Ivan Horbenko"
