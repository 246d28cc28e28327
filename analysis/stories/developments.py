"""Developments of one topic within a found story: where its headlines tell two (docs/stories.md).

Two developments of one topic in the same week (a chamber's vote and the other chamber's two
days later, an official's hearing and her resignation the next day) share their people and
their words: every pair of articles across them can reach the grouping's pair threshold, so
steps 4–7 (`grouping`) join them. Their headlines still differ in what they announce. Within a
group of at least `MIN_ARTICLES` articles, the *topic* is what more than `TOPIC_SHARE` of its
headlines say (the people and the subject every article names); the rest is each headline's
own event. Two articles whose headlines share some of that rest (cosine of its smoothed-IDF
weights at least `PAIR_THRESHOLD`) announce the same development.

A group is split into its developments (connected parts of two articles or more) only when the
articles' whole texts agree: the mean cosine between two developments must stay below the mean
cosine within each of them (`grouping` vectors); otherwise the two are one development after
all (two outlets' headlines for one event worded differently). An article whose headline
shares nothing specific with the others goes with the development its text is closest to,
unless its mean cosine with that development is below `LONE_SHARE` of the development's own:
then it reports something of its own (a piece on another development of the week), unless it
carries passages of another article of the group (`grouping`, step 5: it quotes the story,
whatever its own words). Two articles that carry the same syndicated copy (step 6) are one
development whatever their headlines (a wire story under each outlet's own title).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

#: Groups of fewer articles are never split (two developments need two articles each).
MIN_ARTICLES = 4
#: A headline feature found in more than this share of a group's articles is its topic.
TOPIC_SHARE = 0.5
#: Two headlines announce one development when the cosine of what they share beyond the topic
#: reaches this.
PAIR_THRESHOLD = 0.1
#: An article whose headline shares nothing beyond the topic stays with its closest development
#: when its mean cosine with it reaches this share of the development's own mean cosine.
LONE_SHARE = 0.5


def split_developments(
    groups: Sequence[int],
    headlines: sparse.csr_matrix,
    vectors: sparse.csr_matrix,
    *,
    fixed: Sequence[bool],
    shared: Collection[tuple[int, int]] = (),
    copied: Collection[tuple[int, int]] = (),
) -> list[int]:
    """Splits each group into the developments its headlines announce (the module docstring).

    Args:
        groups: Each article's group (any integers).
        headlines: Articles × headline features, each 1 when the article's title carries it,
            weighted by the feature's smoothed IDF over all articles (not normalised).
        vectors: The articles' L2-normalised vectors (`grouping.vectorize_features`).
        fixed: Per article, whether its group is the user's (never split).
        shared: Pairs of articles (rows) that carry the same passages (`grouping`, step 5):
            neither is ever left alone.
        copied: Pairs of articles (rows) that carry the same syndicated copy (`grouping`, step
            6): one development, whatever their headlines.

    Returns:
        Each article's group after the splits: unsplit groups keep their number, new parts get
        numbers above every existing one.
    """
    out = list(groups)
    if not headlines.shape[1]:  # no title has a word
        return out
    members: dict[int, list[int]] = {}
    for row, group in enumerate(groups):
        members.setdefault(group, []).append(row)
    following = max(groups, default=-1) + 1
    together: dict[int, list[tuple[int, int]]] = {}
    reprinted: dict[int, list[tuple[int, int]]] = {}
    for pairs, where in ((shared, together), (copied, reprinted)):
        for a, b in pairs:
            if groups[a] == groups[b]:
                where.setdefault(groups[a], []).append((a, b))
    for group, rows in members.items():
        if len(rows) < MIN_ARTICLES or fixed[rows[0]]:
            continue
        parts = _find_parts(
            rows, headlines, vectors, together.get(group, []), reprinted.get(group, [])
        )
        for part in parts[1:]:
            for r in part:
                out[r] = following
            following += 1
    return out


def _find_parts(
    rows: list[int],
    headlines: sparse.csr_matrix,
    vectors: sparse.csr_matrix,
    shared: Sequence[tuple[int, int]],
    copied: Sequence[tuple[int, int]],
) -> list[list[int]]:
    """Returns one group's developments (rows), the one holding its first article first; one
    part when it is one development. An article of `shared` (its pairs of rows carrying the
    same passages) is never left alone; the two articles of a pair of `copied` (the same
    syndicated copy) are always in one development."""
    from sklearn.preprocessing import normalize

    m = len(rows)
    mine = headlines[rows].tocsc()
    present = mine.copy()
    present.data = np.ones_like(present.data)
    carriers = np.asarray(present.sum(axis=0)).ravel()
    own = (carriers >= 2) & (carriers <= TOPIC_SHARE * m)  # shared, but not the topic
    specific = normalize((mine @ sparse.diags(own.astype(float))).tocsr())
    alike = (specific @ specific.T).toarray()
    np.fill_diagonal(alike, 0.0)
    edges = alike >= PAIR_THRESHOLD
    position = {r: x for x, r in enumerate(rows)}
    for a, b in copied:
        edges[position[a], position[b]] = edges[position[b], position[a]] = True
    _, part = connected_components(sparse.csr_matrix(edges), directed=False)
    anchored = {position[r] for pair in shared for r in pair}
    cosine = (vectors[rows] @ vectors[rows].T).toarray()
    developments = [
        np.flatnonzero(part == p).tolist() for p in np.unique(part) if (part == p).sum() >= 2
    ]
    if not developments:
        return [rows]
    developments = _merge_alike(developments, cosine)
    chosen = {x for d in developments for x in d}
    alone: list[list[int]] = []
    joining: list[tuple[int, int]] = []  # (article, development), judged before any joins
    for x in range(m):
        if x in chosen:
            continue
        best = max(range(len(developments)), key=lambda d: _mean(cosine, [x], developments[d]))
        mine = developments[best]
        if x not in anchored and _mean(cosine, [x], mine) < LONE_SHARE * _mean(cosine, mine, mine):
            alone.append([x])
        else:
            joining.append((x, best))
    for x, d in joining:
        developments[d].append(x)
    parts = sorted((sorted(d) for d in [*developments, *alone]), key=lambda d: d[0])
    return [[rows[x] for x in d] for d in parts]


def _merge_alike(developments: list[list[int]], cosine: np.ndarray) -> list[list[int]]:
    """Returns the developments after joining every two whose texts are as alike across as
    within the less cohesive of them (their headlines differ, their articles do not)."""
    developments = [list(d) for d in developments]
    joined = True
    while joined and len(developments) > 1:
        joined = False
        for a in range(len(developments)):
            for b in range(a + 1, len(developments)):
                x, y = developments[a], developments[b]
                if _mean(cosine, x, y) >= min(_mean(cosine, x, x), _mean(cosine, y, y)):
                    developments[a] = x + developments.pop(b)
                    joined = True
                    break
            if joined:
                break
    return developments


def _mean(cosine: np.ndarray, xs: Sequence[int], ys: Sequence[int]) -> float:
    """Returns the mean cosine between the articles of `xs` and those of `ys` (positions in
    `cosine`), leaving out an article's cosine with itself."""
    block = cosine[np.ix_(list(xs), list(ys))]
    same = np.equal.outer(np.asarray(xs), np.asarray(ys))
    count = block.size - int(same.sum())
    return float(block[~same].sum()) / count if count else 0.0
