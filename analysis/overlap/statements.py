"""Statements: linked sentences of different articles grouped into one statement, its id, and
the views of statements (docs/overlap.md, step 6).

6. **Statements**: links are joined strongest first into groups, never two sentences of one article
   in a group, and only while the mean similarity of every sentence of one group to every sentence
   of the other stays at least `STATEMENT_GUARD` (the guard against chaining unrelated sentences
   through a sentence that shares a little with each); the label of a group is its most central
   sentence. A statement's id is derived from its content (`statement_key`), so adding an
   unrelated article never renumbers the statements a reader may have cited.

`find_shared_by_all` names the statements every given article carries; `render_variants` shows
one statement as each article worded it.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import re
from typing import Any

import numpy as np
import pandas as pd

from ..text.lexicon import words
from .candidates import Similarity

#: Mean similarity two groups of linked sentences need to be joined into one statement.
STATEMENT_GUARD = 0.18


def statement_key(members: list[tuple[str, str]]) -> int:
    """Derives a statement's id from its content, so that it stays the same when articles that do
    not carry the statement are added or removed.

    Args:
        members: (article_id, sentence text) of each sentence of the statement.

    Returns:
        A six-digit number from a hash of the member sentence that comes first by article id (its
        article id and its words, lowercased).
    """
    article_id, text = min(members)
    content = article_id + "\n" + " ".join(w.lower() for w in words(text))
    digest = hashlib.blake2b(content.encode("utf-8"), digest_size=8).digest()
    return 100_000 + int.from_bytes(digest, "big") % 900_000


def group_statements(
    links: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    similarity: Similarity,
    guard: float = STATEMENT_GUARD,
) -> list[dict[str, Any]]:
    """Groups linked sentences into statements, at most one sentence per article in each.

    Args:
        links: The `links` table.
        sentences: The `sentences` table.
        similarity: `score_sentences(sentences, quotes)` (row order of `sentences`).
        guard: The mean similarity between two groups that a link may join.

    Returns:
        Rows of the `statements` table: statement_id, article_id, sentence_id, label.
    """
    keys = [
        (str(a), int(s))
        for a, s in zip(sentences.article_id.tolist(), sentences.sentence_id.tolist(), strict=True)
    ]
    article = pd.factorize(sentences.article_id.astype(str))[0].tolist()
    group_of = [-1] * len(keys)  # row -> group
    members: dict[int, list[int]] = {}  # group -> rows
    articles: dict[int, set[int]] = {}  # group -> its articles (never two sentences of one)
    refused: set[tuple[int, int, int, int]] = set()
    next_id = 0
    ordered = links.sort_values("score", ascending=False)
    articles_index = pd.Index(sentences.article_id.astype(str).unique())
    sentence_ids = sentences.sentence_id.astype(np.int64).to_numpy()
    width = int(sentence_ids.max()) + 1 if len(sentence_ids) else 1
    code = articles_index.get_indexer(sentences.article_id.astype(str)) * width + sentence_ids
    position = pd.Index(code)
    ends = []
    for a, s in (("article_a", "sentence_a"), ("article_b", "sentence_b")):
        known = articles_index.get_indexer(ordered[a].astype(str))
        number = ordered[s].astype(np.int64).to_numpy()
        found = position.get_indexer(known * width + number)
        ends.append(np.where((known >= 0) & (number >= 0) & (number < width), found, -1))
    if len(ordered) and min(ends[0].min(), ends[1].min()) < 0:
        raise ValueError("a link names a sentence that is not in the sentences table")
    for ra, rb in zip(ends[0].tolist(), ends[1].tolist(), strict=True):
        ga, gb = group_of[ra], group_of[rb]
        if ga >= 0 and ga == gb:
            continue
        left = members[ga] if ga >= 0 else [ra]
        right = members[gb] if gb >= 0 else [rb]
        if not (articles[ga] if ga >= 0 else {article[ra]}).isdisjoint(
            articles[gb] if gb >= 0 else {article[rb]}
        ):
            continue  # would put two sentences of one article in one statement
        if ga >= 0 or gb >= 0:
            # many links join the same two groups: a refusal stands until one of them grows
            # (a group only grows: its id and size name its members; a sentence alone is -1 - row)
            tried = (ga if ga >= 0 else -1 - ra, len(left), gb if gb >= 0 else -1 - rb, len(right))
            if tried in refused:
                continue
            block = similarity.lookup(np.repeat(left, len(right)), np.tile(right, len(left)))
            if block.mean() < guard:
                refused.add(tried)
                continue  # the groups share too little beyond this one link
        gid = ga if ga >= 0 else gb
        if gid < 0:
            gid, next_id = next_id, next_id + 1
        for old in (ga, gb):
            if old >= 0 and old != gid:
                members.pop(old)
                articles.pop(old)
        members[gid] = left + right
        articles[gid] = {article[r] for r in members[gid]}
        for r in members[gid]:
            group_of[r] = gid
    texts = list(map(str, sentences.text.tolist()))
    groups = sorted((sorted(g) for g in members.values()), key=lambda g: (-len(g), g[0]))
    rows = []
    used: set[int] = set()
    for group in groups:
        sid = statement_key([(keys[r][0], texts[r]) for r in group])
        while sid in used:  # a hash collision (about one in 10,000 pairs): the next free number
            sid = 100_000 + (sid - 99_999) % 900_000
        used.add(sid)
        first, second = np.triu_indices(len(group), 1)
        values = similarity.lookup(np.array(group)[first], np.array(group)[second])
        total = np.bincount(first, values, len(group)) + np.bincount(second, values, len(group))
        # the first (in table order) of the most central; sums equal but for rounding are equal
        label = texts[group[int(np.argmax(np.round(total, 9)))]]
        for r in group:
            rows.append(
                {
                    "statement_id": sid,
                    "article_id": keys[r][0],
                    "sentence_id": keys[r][1],
                    "label": label,
                }
            )
    return rows


def find_shared_by_all(statements: pd.DataFrame, article_ids: list[str]) -> list[int]:
    """Returns the statements carried by every one of the given articles."""
    wanted = set(article_ids)
    carried: dict[int, set[str]] = {}
    for sid, article_id in zip(
        statements.statement_id.tolist(), statements.article_id.tolist(), strict=True
    ):
        carried.setdefault(int(sid), set()).add(str(article_id))
    return [sid for sid, arts in carried.items() if wanted <= arts]


def _diff_keys(tokens: list[str]) -> list[str]:
    return [re.sub(r"\W", "", t.lower()) for t in tokens]


def render_variants(
    statement_id: int,
    statements: pd.DataFrame,
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    baseline: str | None = None,
) -> str:
    """Renders one statement as each article worded it, with a word-level diff against one of them.

    Args:
        statement_id: The statement.
        statements: The `statements` rows to show (e.g. those of the selected articles).
        sentences: The `sentences` table.
        articles: The `articles` table.
        baseline: The article whose wording the others are compared with; default (or when it
            does not carry the statement): the first row's article.

    Returns:
        Escaped HTML: a line naming the baseline, then a row per article; words the baseline
        lacks in green (<ins>), baseline words this wording lacks struck through in red (<del>).
    """
    rows = statements[statements.statement_id == statement_id]
    if rows.empty:
        return "<p><i>No such statement.</i></p>"
    text = {(r.article_id, r.sentence_id): str(r.text) for r in sentences.itertuples()}
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    carried = [str(a) for a in rows.article_id]
    base_id = baseline if baseline is not None and baseline in carried else carried[0]
    base_row = rows[rows.article_id == base_id].iloc[0]
    base = re.findall(r"\S+", text[(base_row.article_id, base_row.sentence_id)])
    out = [
        f"<p><b>Statement {statement_id}</b> ({len(rows)} articles). Compared with "
        f"<b>{html.escape(outlet[base_id])}</b> ({html.escape(base_id)}): words it lacks in "
        "<ins style='color:#086'>green</ins>, its words a wording lacks "
        "<del style='color:#a33'>struck through</del>.</p><table>"
    ]
    for r in rows.itertuples():
        mine = re.findall(r"\S+", text[(r.article_id, r.sentence_id)])
        parts = []
        matcher = difflib.SequenceMatcher(None, _diff_keys(base), _diff_keys(mine))
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op in ("replace", "delete"):
                parts.append(f"<del style='color:#a33'>{html.escape(' '.join(base[i1:i2]))}</del>")
            if op in ("replace", "insert"):
                parts.append(f"<ins style='color:#086'>{html.escape(' '.join(mine[j1:j2]))}</ins>")
            if op == "equal":
                parts.append(html.escape(" ".join(mine[j1:j2])))
        name = html.escape(outlet[r.article_id]) + (
            " <i>(baseline)</i>" if r.article_id == base_id else ""
        )
        out.append(
            f"<tr><td style='vertical-align:top;padding-right:1em;white-space:nowrap'>"
            f"{name}</td><td>{' '.join(parts)}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)
