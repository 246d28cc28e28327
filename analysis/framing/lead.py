"""Headline and lead: what each outlet chose to put first — its title and first sentence, with the
entities and frames each carries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .frames import Frame, FrameMatcher

COLUMNS = [
    "outlet",
    "article_id",
    "title",
    "lead",
    "title_entities",
    "lead_entities",
    "title_frames",
    "lead_frames",
]


def index_aliases(entities: pd.DataFrame) -> dict[str, list[tuple[int, str, str]]]:
    """Returns the entities' (rank, alias, name) by the alias's first word, the rank ordering all
    aliases longest first (a title is then checked only against the aliases whose first word it
    contains, in that order)."""
    aliases = [
        (str(a), str(n))
        for n, forms in zip(entities.name, entities.aliases, strict=True)
        for a in forms
    ]
    index: dict[str, list[tuple[int, str, str]]] = {}
    for rank, (alias, name) in enumerate(sorted(aliases, key=lambda p: -len(p[0]))):
        first = _WORD.search(alias)
        index.setdefault(first.group() if first else "", []).append((rank, alias, name))
    return index


_WORD = re.compile(r"\w+")


def _title_entities(title: str, index: dict[str, list[tuple[int, str, str]]]) -> list[str]:
    words = {"", *_WORD.findall(title)}
    found: list[tuple[int, int, str]] = []
    for _rank, alias, name in sorted(e for word in words for e in index.get(word, [])):
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", title):
            if not any(s < m.end() and m.start() < e for s, e, _n in found):
                found.append((m.start(), m.end(), name))
    return list(dict.fromkeys(n for _s, _e, n in sorted(found)))


def compare_leads(
    tables: Any, frames: Sequence[Frame], *, cache_dir: Path | None = None
) -> pd.DataFrame:
    """Puts each article's headline and first sentence side by side with what they carry.

    Args:
        tables: The built `Tables`.
        frames: The frames (`frames.read_frames`), to find them in the titles too.
        cache_dir: The parse cache folder (titles are parsed once, like bodies).

    Returns:
        One row per article, in manifest order: outlet, article_id, title ("" when unknown),
        lead (the first sentence of the body), title_entities and lead_entities (entity names,
        " · "-joined), title_frames and lead_frames ("frame: words" per match, " · "-joined).
    """
    from ..text.parse import parse_texts

    articles = tables.articles
    titles = [t if isinstance(t, str) else "" for t in articles.title]
    title_docs = parse_texts(titles, cache_dir=cache_dir) if frames else []
    vocab = title_docs[0].vocab if title_docs else None
    matcher = FrameMatcher(frames, vocab=vocab, cache_dir=cache_dir) if frames else None
    first = tables.sentences.sort_values("sentence_id").drop_duplicates("article_id")
    lead = dict(zip(first.article_id, first.text, strict=True))
    name = dict(zip(tables.entities.entity_id, tables.entities.name, strict=True))
    mentions = tables.mentions.merge(first[["article_id", "sentence_id"]])
    matches = tables.frames.merge(first[["article_id", "sentence_id"]])
    index = index_aliases(tables.entities)
    lead_mentions = dict(iter(mentions.sort_values("start", kind="stable").groupby("article_id")))
    lead_frames = dict(iter(matches.groupby("article_id", sort=False)))
    rows = []
    for i, (aid, outlet) in enumerate(zip(articles.article_id, articles.outlet, strict=True)):
        in_lead = lead_mentions.get(aid, mentions.iloc[:0])
        frames_lead = lead_frames.get(aid, matches.iloc[:0])
        frames_title = matcher.find(title_docs[i]) if matcher and titles[i] else []
        rows.append(
            (
                outlet,
                aid,
                titles[i],
                lead.get(aid, ""),
                " · ".join(_title_entities(titles[i], index)),
                " · ".join(dict.fromkeys(name[e] for e in in_lead.entity_id)),
                " · ".join(f"{f}: {span.text}" for f, _t, span in frames_title),
                " · ".join(
                    f"{f}: {m}" for f, m in zip(frames_lead.frame, frames_lead.matched, strict=True)
                ),
            )
        )
    return pd.DataFrame(rows, columns=COLUMNS)
