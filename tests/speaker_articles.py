"""Shared helpers of the speaker tests: a corpus built from invented articles, and the speaker
of one of its quotes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

import analysis

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
