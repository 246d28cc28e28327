"""A quotation marked with two apostrophes goes on after a programme title set aside in the
attribution's sentence (issue 21, session i21s): the model may tag an apostrophe of a `''`
mark as a verb, which made the quotation look like a sentence of its own. Invented article,
each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, quote_starting


def test_a_quotation_goes_on_after_a_title(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Peter Reyes, the harbour master, spoke on Sunday.\n\n"
        "''It is nonsense,'' Mr. Reyes said by telephone on WXB's ''Harbour Today.'' ''She"
        " changes her story every week, and everybody knows that.''\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert quote_starting(tables, "It is nonsense").speaker == "Peter Reyes"
    # before: no speaker (the same paragraph with curly marks already gave Reyes)
    assert quote_starting(tables, "She changes her story").speaker == "Peter Reyes"
