"""A he/she after a definite description as the subject of any verb, and the words a speaker
goes on with after quoting another person's claim (issue 21, session i21t). Invented
articles, each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.test_quotes_issuers import build_one, speaker_of


def test_a_she_after_a_description_subject_of_any_verb(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The campaign moved to Ohio on Monday.\n\n"
        "Sen. Jane Roe spoke in Columbus before a crowd of supporters. Her adviser, Tom Poe,"
        " told reporters, “We are ready for the fall.”\n\n"
        "The senator seized on the jobs report on Monday. “This is the moment we have waited"
        " for,” she told the crowd.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "The senator seized on …": the one person named with "Sen.", the subject nearest the
    # "she" (before: no speaker, "seized" being no speech verb).
    assert speaker_of(tables, "This is the moment") == "Jane Roe"


def test_a_description_is_not_tied_past_another_named_subject(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "The station marked its anniversary on Friday.\n\n"
        "The evening show is hosted by journalist Maria Lopez, who joined in 2004.\n\n"
        "After a rival host was fired, anchor Ana Reyes wrote a letter to her daughter. The"
        " young journalist voiced her worry about the years ahead. “I want her to be ready for"
        " what she will hear,” she wrote.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "The young journalist" may be Reyes, named as a subject since Lopez was tied to
    # "journalist": not Lopez.
    assert speaker_of(tables, "I want her to be ready") != "Maria Lopez"


def test_saying_after_another_persons_claim_is_the_subjects(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "The debate was held in Eastfield on Tuesday.\n\n"
        "Tom Okafor bristled at claims that his speech was short on detail. He also rejected"
        " former Governor Peter Reyes's claim that “no governor” could have fixed the budget,"
        " saying he “could have done a far better job.”\n\n"
        "“But the point is that the county was promised lower taxes.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "saying he “…”": Okafor says it, not the owner of the claim; and the paragraph after
    # goes on with Okafor's words (before: both Peter Reyes).
    assert speaker_of(tables, "no governor") == "Peter Reyes"
    assert speaker_of(tables, "could have done a far better job") == "Tom Okafor"
    assert speaker_of(tables, "But the point is") == "Tom Okafor"


def test_a_one_word_label_is_not_repeated_words(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The race tightened in Ohio on Tuesday.\n\n"
        "Tom Okafor spoke at a rally. He said: “I want change we can trust, and change that"
        " lasts.”\n\n"
        "Both men later argued over who owns the mantle of the “change” candidate.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "the “change” candidate": a label on a noun, not Okafor repeating his word (before:
    # Tom Okafor, as repeated words).
    assert pd.isna(speaker_of(tables, "change"))


def test_words_of_remarks_arguing_are_the_remarks_owners(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Hundreds marched through the harbour district on Saturday.\n\n"
        "About 200 protesters gathered outside Mayor Ivan Horbenko's office. The Daily Courier"
        " reports that many were also angered by Horbenko's recent remarks arguing that “open"
        " elections” in the city would hand power to the poorest districts.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "remarks arguing that “…”": the speech verb is the remarks' own; the words are
    # Horbenko's, not the newspaper's that reports the anger.
    assert speaker_of(tables, "open elections") == "Ivan Horbenko"
