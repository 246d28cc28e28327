"""The corpus's own outlets are organisations: an outlet's name in an article is never a
person's (invented articles; the parser labels the invented outlet name PERSON in them)."""

from __future__ import annotations

from pathlib import Path

import analysis
from analysis.entities.curated import outlet_entries
from tests.invariants import HEADER, write_corpus

ARTICLE = (
    "Council vote delayed\n\n"
    "Wexford reports that congressional Republicans are worried about the harbour plan.\n\n"
    "In December, Wexford's Ann Dale noted that the vote was close.\n"
)


def test_an_outlet_name_is_an_organisation(tmp_path: Path, cache_dir: Path) -> None:
    manifest = HEADER + (
        "w1,articles/w1.txt,Wexford (Web News),website,,,2024-03-04,en,\n"
        "w2,articles/w2.txt,Harbour Gazette,newspaper,,,2024-03-05,en,\n"
    )
    other = "Harbour plan\n\nThe council met on Monday and Wexford reports that it agreed.\n"
    root = write_corpus(tmp_path, manifest, {"articles/w1.txt": ARTICLE, "articles/w2.txt": other})
    tables = analysis.build(root, cache_dir=cache_dir)
    entities = tables.entities.set_index("name")
    assert entities.loc["Wexford", "label"] == "ORG"  # the model says PERSON in w1
    assert entities.loc["Ann Dale", "label"] == "PERSON"


def test_outlet_entries_skip_columns_named_like_people() -> None:
    entries = outlet_entries(
        ["Wexford (Web News)", "The Harbour Ledger", "Gazette - News", "Ann Dale", "Rook Vane"],
        people={"rook vane"},
    )
    assert [(e["name"], e["aliases"]) for e in entries] == [
        ("Gazette", ["The Gazette"]),
        ("The Harbour Ledger", []),  # not "Harbour Ledger" alone
        ("Wexford", ["The Wexford"]),
    ]
