"""A quotation ending with a nested quotation's `?` or `!` (`…?’”`) is read as one ending with
`?` or `!` (issue 21, session i21s): the words right after its closing mark say who spoke.
Invented article, each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, quote_starting


def test_words_after_a_nested_question_name_the_speaker(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The ferry to Brody stopped running in March, and the town council met on Monday.\n\n"
        "Councillor Ivan Horbenko spoke first.\n\n"
        "“Everyone in the harbour asked me the same thing: ‘Where is our boat?’” Horbenko"
        " said.\n\n"
        "Nadia Okafor, who runs the harbour cafe, agreed.\n\n"
        "“The drivers kept shouting, ‘Bring it back!’” Okafor said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The model ends the sentence at "?’”" / "!’”": before, no speaker for either quotation.
    assert quote_starting(tables, "Everyone in the harbour").speaker == "Ivan Horbenko"
    assert quote_starting(tables, "The drivers kept shouting").speaker == "Nadia Okafor"
