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
        vectors: The articles' L2-normalised vectors (`features.vectorize_features`).
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
    alike = (specific @ specific.T).tocoo()
    keep = alike.data >= PAIR_THRESHOLD
    position = {r: x for x, r in enumerate(rows)}
    pairs = [(position[a], position[b]) for a, b in copied]
    first = np.concatenate([alike.row[keep], np.asarray([a for a, _ in pairs], dtype=np.int64)])
    second = np.concatenate([alike.col[keep], np.asarray([b for _, b in pairs], dtype=np.int64)])
    edges = sparse.csr_matrix((np.ones(len(first)), (first, second)), shape=(m, m))
    _, part = connected_components(edges, directed=False)
    sizes = np.bincount(part)
    developments = [np.flatnonzero(part == p).tolist() for p in np.flatnonzero(sizes >= 2)]
    if not developments:
        return [rows]
    texts = vectors[rows].tocsr()
    developments = _merge_alike(developments, texts)
    anchored = {position[r] for pair in shared for r in pair}
    chosen = {x for d in developments for x in d}
    lone = [x for x in range(m) if x not in chosen]
    alone: list[list[int]] = []
    if lone:
        summed = np.vstack([_sum_rows(texts, d) for d in developments])
        closeness = (texts[lone] @ summed.T) / np.asarray([len(d) for d in developments])
        own_mean = [_cohesion(texts, d) for d in developments]
        best = np.asarray(closeness).argmax(axis=1)  # judged before any joins
        for x, d, row in zip(lone, best.tolist(), np.asarray(closeness), strict=True):
            if x not in anchored and row[d] < LONE_SHARE * own_mean[d]:
                alone.append([x])
            else:
                developments[d].append(x)
    parts = sorted((sorted(d) for d in [*developments, *alone]), key=lambda d: d[0])
    return [[rows[x] for x in d] for d in parts]


def _merge_alike(developments: list[list[int]], texts: sparse.csr_matrix) -> list[list[int]]:
    """Returns the developments after joining every two whose texts are as alike across as
    within the less cohesive of them (their headlines differ, their articles do not)."""
    developments = [list(d) for d in developments]
    joined = True
    while joined and len(developments) > 1:
        joined = False
        for a in range(len(developments)):
            for b in range(a + 1, len(developments)):
                x, y = developments[a], developments[b]
                across = float(_sum_rows(texts, x) @ _sum_rows(texts, y)) / (len(x) * len(y))
                if across >= min(_cohesion(texts, x), _cohesion(texts, y)):
                    developments[a] = x + developments.pop(b)
                    joined = True
                    break
            if joined:
                break
    return developments


def _sum_rows(texts: sparse.csr_matrix, xs: Sequence[int]) -> np.ndarray:
    """Returns the sum of the rows `xs` of `texts`, as a dense vector."""
    return np.asarray(texts[list(xs)].sum(axis=0)).ravel()


def _cohesion(texts: sparse.csr_matrix, xs: Sequence[int]) -> float:
    """Returns the mean cosine between two different articles of `xs` (rows of `texts`,
    L2-normalised or empty), from their summed vector: no matrix of every pair."""
    if len(xs) < 2:
        return 0.0
    summed = _sum_rows(texts, xs)
    chosen = texts[list(xs)]
    selves = float(chosen.multiply(chosen).sum())  # each article's cosine with itself
    return (float(summed @ summed) - selves) / (len(xs) * (len(xs) - 1))
