"""A he/she whose antecedent is named as a subject with two titles joined by "and" before the
name (issue 21, session i21q): "council hopeful and former ferry captain X" is one person,
the subject the he/she of the same sentence stands for (the parser makes the first title the
subject and the name its conjunct). Invented articles, each expectation checked by hand and
quoted from the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_quotes_issuers import build_one, speaker_of

ARTICLES = {
    "hopeful": (
        "The harbour board met in Eastfield on Monday.\n\n"
        "Green council hopeful and former ferry captain Peter Reyes replied on Friday to reports"
        " that he padded his record at sea, from saying he had steered the night ferry alone to"
        " describing a storm he never sailed in.\n",
        "he had steered the night ferry alone to describing",
    ),
    "contender": (
        "The harbour board met in Eastfield on Monday.\n\n"
        "Labour council contender and former ferry captain Peter Reyes replied on Friday to"
        " charges that he inflated his years at sea, from insisting he had steered the night"
        " ferry alone to telling of a storm he never sailed through.\n",
        "he had steered the night ferry alone to telling",
    ),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_a_he_after_two_titles_joined_before_one_name(
    tmp_path: Path, cache_dir: Path, name: str
) -> None:
    text, starts = ARTICLES[name]
    tables = build_one(tmp_path, cache_dir, text)
    # Before: "he" found no named subject ("hopeful" / "contender" is the parser's subject,
    # the name its conjunct), so the reported words had no speaker.
    assert speaker_of(tables, starts) == "Peter Reyes"
