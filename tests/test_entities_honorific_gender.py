"""A woman's honorific on a surname ("Mrs. X") is no man named in full with it ("John X"), and a
man's ("Mr. X") no woman (session i21k2). Invented articles, each expectation checked by hand
and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.test_quotes_issuers import build_one


def _speaker(tables: object, starts: str) -> str:
    quotes = tables.quotes  # type: ignore[attr-defined]
    q = quotes[quotes.text.str.startswith(starts)]
    assert len(q) == 1, f"no single quote starting {starts!r}: {quotes.text.tolist()}"
    return str(q.iloc[0].speaker) if pd.notna(q.iloc[0].speaker) else ""


def test_mrs_is_not_the_husband_named_in_full(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Former Governor Walter Brannock and Edith Brannock toured the flooded farms near"
        " Lisburn on Tuesday.\n\n"
        "\u201cThe river has never been this high,\u201d Mr. Brannock said.\n\n"
        "\u201cWe will rebuild every barn,\u201d Mrs. Brannock said.\n\n"
        "Gov. Brannock spoke of the levees.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert _speaker(tables, "The river has never") == "Walter Brannock"
    assert _speaker(tables, "We will rebuild") == "Edith Brannock"
