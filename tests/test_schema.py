"""Every table matches its one declared schema, and docs/tables.md is generated from it."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.pipeline import conformance, schema
from tests.conftest import ROOT


def test_every_built_table_matches_its_declared_schema(tables) -> None:
    names = [name for name, _ in tables.items()]
    assert names == list(schema.TABLES)
    for name, frame in tables.items():
        conformance.check(name, frame)
        assert len(frame) > 0 or name == "problems", name  # the seeds build without problems


def test_check_rejects_a_wrong_dtype_and_a_missing_column(tables) -> None:
    bad = tables.sentences.astype({"start": "float64"})
    with pytest.raises(conformance.SchemaError, match="column 'start' has dtype float64"):
        conformance.check("sentences", bad)
    with pytest.raises(conformance.SchemaError, match=r"missing columns \['text'\]"):
        conformance.conform("sentences", tables.sentences.drop(columns="text"))


def test_conform_does_not_mutate_its_input(tables) -> None:
    frame = tables.sentences[["text", "end", "start", "paragraph_id", "sentence_id", "article_id"]]
    before = frame.copy()
    out = conformance.conform("sentences", frame)
    pd.testing.assert_frame_equal(frame, before)
    assert list(out.columns) == schema.TABLES["sentences"].column_names


def test_docs_tables_md_is_up_to_date() -> None:
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert text == schema.render_markdown(), "docs/tables.md is stale: run `make docs`"
    for name, table in schema.TABLES.items():
        assert f"## `{name}`" in text
        for column in table.columns:
            assert f"| `{column.name}` | `{column.dtype}` |" in text
