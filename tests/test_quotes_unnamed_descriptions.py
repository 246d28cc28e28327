"""A description with an indefinite, possessive or demonstrative determiner before a he/she
is someone the article did not name (issue 21, session i21a), even when the article tied the
noun to a person elsewhere. Invented articles, each expectation checked by hand and quoted
from the article text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.test_quotes_issuers import build_one, speaker_of


def test_one_unnamed_firefighter_before_a_pronoun_is_no_one_named(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Tom Okafor, a firefighter in Brody, led the parade on Monday.\n\n"
        "The march ended early. However, one former firefighter, who told a local radio"
        " station he had marched for years, said he was disappointed.\n\n"
        "“Nobody came to the square this time,” he said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "one former firefighter … said": not Okafor, the firefighter the article named (before:
    # Okafor, through "a firefighter" tied to him)
    assert pd.isna(speaker_of(tables, "Nobody came to the square"))


def test_that_aide_points_back_at_an_unnamed_one(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Ruth Adler, a senior aide at the ministry, announced the plan on Monday.\n\n"
        "“It will take years,” said a junior aide who worked on an earlier plan.\n\n"
        "That aide wrote that the budget was small. “We will need more money,” she said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "That aide" is the junior aide, whom the article does not name (before: Adler)
    assert pd.isna(speaker_of(tables, "We will need more money"))
