"""A place or a day the parser made a speech verb's subject gives way to the person named right
before the verb (issue 21, session i21s): a dateline (`CITY (Wire) – X has taken …, saying`).
Invented article, each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, quote_starting


def test_a_dateline_place_is_no_speaker(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Hale takes a swipe at the harbour plan.\n\n"
        "Chicago (AFP) – Labour leader Margaret Hale has taken a swipe at her rival Peter"
        " Reyes’s plan for the harbour, saying that “empty promises” do more harm than good.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The parser gives "taken" two subjects, the dateline's city first: before, the city
    # spoke.
    assert quote_starting(tables, "empty promises").speaker == "Margaret Hale"
