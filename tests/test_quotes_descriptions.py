"""Description speakers tied to one name by a title written before it
(`analysis.quotes.descriptions`), a document's words read out (`the statement reads`) and verbs
that cue only the quotation they govern, on invented articles."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, speaker_of


def test_a_capitalised_title_ties_its_description(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "President Maria Delgado opened the new bridge over the Westria river on Friday.\n\n"
        "The bridge was “the best thing this town has built in fifty years,” the president"
        " said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "the best thing this town has built") == "Maria Delgado"


def test_two_holders_of_a_title_tie_the_description_to_no_one(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "President Maria Delgado met President Tomas Ferrer at the border on Friday.\n\n"
        "The talks were “long but useful,” the president said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    q = tables.quotes[tables.quotes.text.str.startswith("long but useful")]
    assert q.speaker.isna().all()
    assert q.speaker_mention.tolist() == ["the president"]


def test_a_statement_that_reads_is_its_issuers(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko cancelled every ferry crossing on Monday.\n\n"
        "“We will not sail until the storm has passed,” Horbenko’s statement reads.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "We will not sail") == "Ivan Horbenko"


def test_a_verb_that_only_governs_speaks_for_its_fragment(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko met the farmers of the valley on Tuesday.\n\n"
        "Horbenko apologized for “a season of broken promises” and left before noon.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "a season of broken promises") == "Ivan Horbenko"


def test_a_title_does_not_tie_past_another_subject(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "President Maria Delgado retired from politics in 2010.\n\n"
        "Years later, Tomas Ferrer and the council got off to a good start, with the president"
        " declaring that the new port would be “open to every ship by the spring.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # Ferrer is named as a subject after Delgado: "the president" may be his title now.
    q = tables.quotes[tables.quotes.text.str.startswith("open to every ship")]
    assert q.speaker.isna().all()


def test_a_passive_governing_only_verb_does_not_speak(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko met the bakers of Brody on Monday.\n\n"
        "Horbenko acknowledged that the new levy could be termed “a tax on every loaf of"
        " bread in the town.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The levy said nothing: the words are the mayor's, who acknowledged it.
    assert speaker_of(tables, "a tax on every loaf") == "Ivan Horbenko"


def test_a_governing_only_verb_of_a_subordinate_clause_does_not_speak(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Petro Savchenko opened the meeting of the council on Monday.\n\n"
        "After he blasted the plan as “a budget written for the rich by the rich,” Ivan"
        " Horbenko left the hall.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "he" may be the Horbenko who follows: not Savchenko, named before.
    assert speaker_of(tables, "a budget written for the rich") != "Petro Savchenko"


def test_a_governing_only_verb_does_not_speak_a_clause_it_governs(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Mayor Ivan Horbenko met the bakers of Brody on Monday.\n\n"
        "Horbenko blasted “scaremongering” from the ministry that “it's either this levy or"
        " a closed bakery” and left.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The claim is the ministry's, quoted by the mayor: not his words.
    assert speaker_of(tables, "it's either this levy") != "Ivan Horbenko"
    assert speaker_of(tables, "scaremongering") == "Ivan Horbenko"


def test_a_governing_only_verb_after_a_quotation_speaks(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko reached the hall an hour after the start.\n\n"
        "“I am so sorry, the ferry from the islands was late,” he apologized.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert speaker_of(tables, "I am so sorry") == "Ivan Horbenko"
