"""A surname alone before a speech verb that the model did not take for a name (issue 21,
session 16): "X said", where X is also a word or a place's name, is the one person named in
full before it whose surname is X. Invented article, each expectation checked by hand and
quoted from the article text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, quote_starting


def test_a_surname_the_model_left_untagged_is_the_person_named_before(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Storm floods the coast.\n\n"
        "Luis Beach, 31, rushed home from a hospital in the city where his wife gave birth on"
        " Thursday night.\n\n"
        "\"When my wife got up this morning, she said, 'Go home and check on the house,'\""
        " Beach said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # before: "Beach" had no mention, so no speaker
    assert quote_starting(tables, "When my wife").speaker == "Luis Beach"
