"""A surname after an honorific ("Mr. X said") that is also a common word: the full stop of
"Mr." ends no sentence, so X is no capitalised common word opening one (session i21k2).
Invented articles, each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

from analysis.entities.filters import _after_honorific
from tests.test_quotes_issuers import build_one


def test_a_full_stop_after_an_abbreviated_honorific_opens_no_sentence() -> None:
    text = "Ask Mr. Lantern. Lantern oil sold. The First Lady. Lantern"
    assert _after_honorific(text, text.index("Lantern"))
    assert not _after_honorific(text, text.index("Lantern oil"))
    assert not _after_honorific(text, text.rindex("Lantern"))  # "Lady." may end a sentence


def test_mr_before_a_common_word_surname_names_the_speaker(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Harold T. Lantern, who runs the ferry company in Kestrel Bay, lit a lantern on the"
        " pier on Monday.\n\n"
        "Every lantern on the pier had gone dark in the storm, and a lantern shop in town"
        " sold out.\n\n"
        "\u201cThe ferry will run again by Friday,\u201d Mr. Lantern said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    quotes = tables.quotes  # type: ignore[attr-defined]
    q = quotes[quotes.text.str.startswith("The ferry will run")]
    assert len(q) == 1
    assert q.iloc[0].text == "The ferry will run again by Friday,"
    assert q.iloc[0].speaker == "Harold T. Lantern"
