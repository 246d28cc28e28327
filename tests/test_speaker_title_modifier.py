"""A person named only to describe the subject's title (`Y spokesman X`, `Y consultant X`) is
no second candidate for a later he/she (issue 21, session i21s). Invented articles, each
expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, quote_starting


def test_a_name_before_a_title_is_no_candidate(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Peter Reyes won the harbour vote in March.\n\n"
        "Reyes spokesman Tom Okafor picked up a similar thread at the time. “People began to"
        " see that the ferry matters to them,” he said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # before: no speaker (two men in the sentence, both taken for subjects)
    assert quote_starting(tables, "People began to see").speaker == "Tom Okafor"
