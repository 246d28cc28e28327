"""The `stories` table and each article's `story_id` (docs/stories.md)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from .features import ArticleText
from .grouping import group_articles

#: A story's label names this many of its entities, then this many of its words.
LABEL_ENTITIES = 3
LABEL_TERMS = 2
_TITLE_WORD = re.compile(r"[\w'’-]+")
#: The first story's id (stories are numbered 1, 2, …).
FIRST_STORY_ID = 1


def find_stories(
    articles: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    given: Mapping[str, str] | None = None,
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Groups the articles into stories and describes each.

    Args:
        articles: The `articles` table (article_id, outlet, title, body, published).
        mentions: The `mentions` table (article_id, start, entity_id).
        entities: The `entities` table (entity_id, name), for the labels.
        given: article_id → story name from the manifest's optional `story` column (the user's
            grouping wins); articles missing from it are grouped from their text.

    Returns:
        article_id → story_id, and the rows of the `stories` table. Stories are numbered from
        `FIRST_STORY_ID` by their first publication day (undated last), then manifest order.
    """
    given = dict(given or {})
    ids = [str(a) for a in articles.article_id.tolist()]
    published = pd.to_datetime(articles.published, errors="coerce").tolist()
    outlets = articles.outlet.astype(str).tolist()
    texts = [
        ArticleText(a, o, str(t) if isinstance(t, str) else "", str(b), None if pd.isna(p) else p)
        for a, o, t, b, p in zip(
            ids, outlets, articles.title.tolist(), articles.body.tolist(), published, strict=True
        )
    ]
    where: dict[str, list[tuple[int, str]]] = {}
    for a, start, entity in zip(
        mentions.article_id.tolist(),
        mentions.start.tolist(),
        mentions.entity_id.tolist(),
        strict=True,
    ):
        if isinstance(entity, str):
            where.setdefault(str(a), []).append((int(start), entity))
    groups, vectors, features = group_articles(texts, where, given=[given.get(a) for a in ids])
    members: dict[int, list[int]] = {}
    for row, group in enumerate(groups):
        members.setdefault(group, []).append(row)
    stamps = pd.Series(published, dtype="datetime64[ns]")

    def first_day(rows: list[int]) -> tuple[bool, pd.Timestamp, int]:
        days = stamps.iloc[rows].dropna()
        return (days.empty, days.min() if len(days) else pd.Timestamp.max, rows[0])

    ordered = sorted(members.values(), key=first_day)
    names = dict(zip(entities.entity_id.tolist(), entities.name.tolist(), strict=True))
    # each story's summed vector, one sparse product for all stories
    member = np.concatenate([np.full(len(rows), k) for k, rows in enumerate(ordered)])
    article_rows = np.concatenate([np.asarray(rows) for rows in ordered])
    indicator = sparse.csr_matrix(
        (np.ones(len(member)), (member, article_rows)), shape=(len(ordered), len(ids))
    )
    summed = (indicator @ vectors).tocsr() if len(features) else None
    story_of: dict[str, int] = {}
    out = []
    for number, rows in enumerate(ordered, start=FIRST_STORY_ID):
        for r in rows:
            story_of[ids[r]] = number
        top_entities, top_terms = _name_story(
            summed[number - FIRST_STORY_ID] if summed is not None else None,
            features,
            names,
            [texts[r].title for r in rows],
        )
        user = given.get(ids[rows[0]])
        label = user if user is not None else _label(top_entities, top_terms, texts[rows[0]])
        days = stamps.iloc[rows].dropna()
        out.append(
            {
                "story_id": number,
                "label": label,
                "source": "manifest" if user is not None else "found",
                "n_articles": len(rows),
                "n_outlets": len({outlets[r] for r in rows}),
                "first_published": days.min() if len(days) else pd.NaT,
                "last_published": days.max() if len(days) else pd.NaT,
                "entities": top_entities,
                "terms": top_terms,
                "articles": [ids[r] for r in rows],
            }
        )
    return story_of, out


def _name_story(
    summed: Any, features: Sequence[str], names: Mapping[str, str], titles: Sequence[str]
) -> tuple[list[str], list[str]]:
    """Returns a story's main entities (names) and words.

    Entities rank by their summed weight over the story's articles (`summed`, one sparse row);
    words first by how many of its titles carry them, then by weight (so the label says what
    the headlines say, not the reporting verbs every article repeats).
    """
    if summed is None or not summed.nnz:
        return [], []
    columns, weight = summed.indices, summed.data
    in_titles = Counter(  # word → titles holding it
        word for t in titles for word in {w.lower() for w in _TITLE_WORD.findall(t)}
    )
    order = np.lexsort((columns, -np.round(weight, 9)))
    found_entities: list[str] = []
    words: list[tuple[int, int, str]] = []
    for rank, k in enumerate(order.tolist()):
        if weight[k] <= 0:
            break
        feature = features[columns[k]]
        if feature.startswith("e:") and len(found_entities) < LABEL_ENTITIES:
            name = names.get(feature[2:])
            if name and name not in found_entities:
                found_entities.append(name)
        elif feature.startswith("w:"):
            word = feature[2:]
            words.append((-in_titles[word], rank, word))
    taken = {part for name in found_entities for part in name.lower().split()}
    found_terms = [word for _, _, word in sorted(words) if word not in taken][:LABEL_TERMS]
    return found_entities, found_terms


def _label(entities: list[str], terms: list[str], first: ArticleText) -> str:
    """Returns a story's readable label: its main entities, then its main words
    ("Erdogan, Kurds, Syria · offensive, withdrawal"); the first article's title when neither."""
    parts = [", ".join(entities), ", ".join(terms)]
    label = " · ".join(p for p in parts if p)
    return label or first.title or first.article_id
