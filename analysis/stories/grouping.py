"""Which articles report the same story: blocking and grouping (docs/stories.md).

1–2. **Features and background** (`features`): each article's content words and entities,
   weighted, with the words found in most articles (background) weighing nothing.
3. **Blocking.** Two articles are compared only when they share a feature found in at most
   `BLOCK_POSTINGS` articles and were published at most `WINDOW_DAYS` apart (an undated article
   is never too far): the cost grows with the articles and their candidate pairs, not with n².
4. **Grouping.** Candidate pairs whose cosine reaches `PAIR_THRESHOLD` are joined strongest
   first, each join only while the mean cosine between every article of one group and every
   article of the other stays at least `GROUP_GUARD` (computed from the groups' summed vectors,
   so a join costs one dot product): a story can run longer than the window through its days,
   but two stories that share one article's worth of words are not chained. Two groups of two
   articles or more need `JOIN_SUPPORT` such pairs across them, not one; and whatever the order
   of the joins, a group is then cut at a pair that alone holds two of its cores together
   (`cores.cut_bridges`).
5. **Shared passages.** An article still alone that carries `PASSAGE_SHARED` or more passages
   (`PASSAGE_WORDS` consecutive words) of an article of another outlet within the window joins
   that article's story when its mean cosine with it reaches `PASSAGE_GUARD`: a piece quoting a
   story's statement is part of it. Passages found in more than `PASSAGE_POSTINGS` articles are
   boilerplate; passages never join two groups.
6. **Syndicated copy.** A passage found in more articles than that, of at least
   `SYNDICATED_OUTLETS` outlets, before the last paragraph (where a wire's copyright line sits)
   in at least half of them, whose articles are about one thing (mean cosine on all their
   features at least `SYNDICATED_COHERENCE`), is copy many outlets carried (a wire story, a
   statement printed in full): two articles of different outlets within the window that share
   `SYNDICATED_SHARED` such passages are one story, and their groups are joined whatever the
   guard (a story dominating its corpus loses its common words to step 2, and its reprints
   would otherwise fall apart).
6b. **Developments.** Then each group is split into the developments its headlines announce,
   where the articles' whole texts agree (`developments`): two votes of one week on one
   budget, a hearing and the resignation of the next day.
7. **Headline profiles.** Each group's headline profile is the sum of its articles' title
   words and lead entities (damped counts × smoothed IDF, L2-normalised, *no* background cut:
   the names a dominating story puts in every headline count). Two groups of at least
   `PROFILE_MIN_ARTICLES` articles whose profiles have a cosine of at least
   `PROFILE_THRESHOLD`, and whose date ranges lie at most `WINDOW_DAYS` apart, are joined,
   most alike first (each join re-checked on the joined profiles, in passes until none
   joins): the pieces of a story too large for step 2 to see its common words, which still
   head every article with the same names.
8. **Gaps of days** (`gaps`). A group whose articles fall into two runs of days at least
   `gaps.GAP_DAYS` apart, none published between, each run of two articles or more, is cut
   there when the mean cosine across the two runs is below `PAIR_THRESHOLD`: two developments
   of one topic chained by one article that writes about both.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from .cores import cut_bridges
from .developments import split_developments
from .features import (
    ArticleText,
    count_features,
    count_headline_features,
    vectorize_all_features,
    vectorize_features,
    weigh_title_words,
)
from .gaps import split_date_gaps

#: Blocking: a feature found in more articles than this proposes no pairs.
BLOCK_POSTINGS = 50
#: Blocking: articles published more than this many days apart are not compared directly.
WINDOW_DAYS = 3
#: A passage: this many consecutive words of a body.
PASSAGE_WORDS = 8
#: Two articles of different outlets that share at least this many passages (a sentence or a
#: quote carried word for word) report one story, whatever their cosine...
PASSAGE_SHARED = 3
#: ... when those passages are found in at most this many articles (longer-lived text is
#: boilerplate: a wire service's copyright line, a newsletter pitch).
PASSAGE_POSTINGS = 5
#: The mean cosine an article needs to join a group through shared passages.
PASSAGE_GUARD = 0.05
#: Syndicated copy (step 6): a passage found in more than `PASSAGE_POSTINGS` articles, of at least
#: this many outlets, ...
SYNDICATED_OUTLETS = 3
#: ... whose articles are about one thing: their mean cosine on every feature (IDF-weighted, no
#: background cut) reaches this (a line carried by unrelated articles — a wire's copyright line —
#: stays boilerplate; articles of different stories average 0.04–0.05 on the labelled ABP
#: periods, the generated bench corpus's articles 0.10).
SYNDICATED_COHERENCE = 0.08
#: Two articles of different outlets within the window that share this many syndicated passages
#: (about 17 consecutive words or more) report one story: their groups are joined.
SYNDICATED_SHARED = 10
#: Step 7: the cosine two groups' headline profiles (title words and lead entities) need to be
#: joined (chosen on three hand-labelled ABP periods, docs/stories.md).
PROFILE_THRESHOLD = 0.4
#: Step 7 joins only groups of at least this many articles (a lone article whose headline names
#: a story's people — often an analysis piece — is not joined by its headline alone).
PROFILE_MIN_ARTICLES = 2
#: Cosine a candidate pair needs to be joined (chosen on hand-labelled ABP, docs/stories.md).
PAIR_THRESHOLD = 0.15
#: Mean cosine between two groups that a join needs (chosen on three hand-labelled ABP periods,
#: docs/stories.md).
GROUP_GUARD = 0.11
#: Two groups of two articles or more are joined only when at least this many pairs of their
#: articles, one of each group, reach `PAIR_THRESHOLD`: one pair alone is a bridge between two
#: stories as often as a sign of one (docs/stories.md, "Joins that one pair carries").
JOIN_SUPPORT = 2

_PASSAGE_WORD = re.compile(r"\w+")


def find_candidate_pairs(
    vectors: sparse.csr_matrix, df: np.ndarray, days: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Returns the article pairs (i < j) that share a blocking feature within the window."""
    blocking = (df >= 2) & (df <= BLOCK_POSTINGS)
    marks = vectors.copy()
    marks.data = np.ones_like(marks.data)
    marks = (marks @ sparse.diags(blocking.astype(float))).tocsr()
    marks.eliminate_zeros()
    shared = sparse.triu(marks @ marks.T, k=1).tocoo()
    i, j = shared.row.astype(np.int64), shared.col.astype(np.int64)
    keep = ~(np.abs(days[i] - days[j]) > WINDOW_DAYS)  # NaN (undated) is never too far
    return i[keep], j[keep]


class Passage(NamedTuple):
    """A passage found in two articles or more."""

    #: The rows of the articles that carry it, ascending.
    rows: list[int]
    #: In how many of them it lies within the last paragraph (where the furniture that several
    #: outlets carry sits: a wire's copyright or credit line).
    at_end: int


def find_passages(articles: Sequence[ArticleText]) -> list[Passage]:
    """Returns each distinct passage (`PASSAGE_WORDS` consecutive words, lowercased) found in two
    articles or more: the articles that carry it and in how many it sits in the last paragraph."""
    postings: dict[int, list[int]] = {}
    ends: dict[int, int] = {}
    for k, article in enumerate(articles):
        paragraphs = [_PASSAGE_WORD.findall(p) for p in article.body.split("\n\n")]
        paragraphs = [words for words in paragraphs if words]
        tokens = [w.lower() for words in paragraphs for w in words]
        last = len(tokens) - (len(paragraphs[-1]) if paragraphs else 0)  # its first token
        seen: dict[int, bool] = {}  # passage -> found only in the last paragraph
        for p in range(len(tokens) - PASSAGE_WORDS + 1):
            shingle = zlib.crc32(" ".join(tokens[p : p + PASSAGE_WORDS]).encode("utf-8"))
            seen[shingle] = seen.get(shingle, True) and p >= last
        for shingle, at_end in seen.items():
            postings.setdefault(shingle, []).append(k)
            ends[shingle] = ends.get(shingle, 0) + at_end
    return [Passage(rows, ends[h]) for h, rows in postings.items() if len(rows) > 1]


def find_passage_pairs(
    articles: Sequence[ArticleText], days: np.ndarray, passages: Sequence[Passage]
) -> dict[tuple[int, int], int]:
    """Returns the article pairs (i < j) of different outlets, within the window, that share at
    least `PASSAGE_SHARED` rare passages (`passages`: `find_passages`), with how many they
    share."""
    shared: dict[tuple[int, int], int] = {}
    for rows, _ in passages:
        if len(rows) > PASSAGE_POSTINGS:
            continue
        for x, a in enumerate(rows):
            for b in rows[x + 1 :]:
                if (
                    articles[a].outlet != articles[b].outlet
                    and not abs(days[a] - days[b]) > WINDOW_DAYS
                ):
                    shared[(a, b)] = shared.get((a, b), 0) + 1
    return {pair: n for pair, n in shared.items() if n >= PASSAGE_SHARED}


def find_syndicated_pairs(
    articles: Sequence[ArticleText],
    days: np.ndarray,
    passages: Sequence[Passage],
    counts: Sequence[Mapping[str, float]],
) -> list[tuple[int, int]]:
    """Returns the article pairs (i < j) that carry the same syndicated copy (step 6 of the
    module docstring).

    Args:
        articles: The articles.
        days: Each article's publication day (NaN when undated).
        passages: The passages found in two articles or more (`find_passages`).
        counts: Each article's weighted feature counts (`count_features`).

    Returns:
        The pairs of different outlets, within the window, sharing at least `SYNDICATED_SHARED`
        passages carried by more than `PASSAGE_POSTINGS` articles of at least
        `SYNDICATED_OUTLETS` outlets, before the last paragraph in at least half of them, whose
        mean cosine reaches `SYNDICATED_COHERENCE`.
    """
    wide = [
        rows
        for rows, at_end in passages
        if len(rows) > PASSAGE_POSTINGS
        and 2 * at_end <= len(rows)
        and len({articles[r].outlet for r in rows}) >= SYNDICATED_OUTLETS
    ]
    if not wide:
        return []
    cols = np.repeat(np.arange(len(wide)), [len(rows) for rows in wide])
    carriers = sparse.csr_matrix(
        (np.ones(len(cols)), (np.concatenate([np.asarray(r) for r in wide]), cols)),
        shape=(len(articles), len(wide)),
    ).T.tocsr()
    summed = carriers @ vectorize_all_features(counts)  # per passage, its articles' vectors summed
    m = np.asarray(carriers.sum(axis=1)).ravel()
    squared = np.asarray(summed.multiply(summed).sum(axis=1)).ravel()
    coherence = (squared - m) / (m * (m - 1))  # mean cosine between two different carriers
    kept = carriers[np.flatnonzero(coherence >= SYNDICATED_COHERENCE)]
    shared = sparse.triu(kept.T @ kept, k=1).tocoo()
    return [
        (a, b)
        for a, b, count in zip(
            shared.row.tolist(), shared.col.tolist(), shared.data.tolist(), strict=True
        )
        if count >= SYNDICATED_SHARED
        and articles[a].outlet != articles[b].outlet
        and not abs(days[a] - days[b]) > WINDOW_DAYS
    ]


def find_profile_pairs(
    profiles: sparse.csr_matrix, members: Mapping[int, Sequence[int]], days: np.ndarray
) -> list[tuple[float, int, int]]:
    """Returns step 7's candidates: the pairs of groups of at least `PROFILE_MIN_ARTICLES`
    articles whose headline profiles reach `PROFILE_THRESHOLD`.

    Groups are compared by blocks of time (a group in every block its days, and the window
    after them, touch; an undated group in every block), so the cost grows with the groups of
    each block, not with the square of all groups: every pair within the window shares a block
    (the join checks the window itself).

    Args:
        profiles: Each article's headline profile (`count_headline_features`, vectorised).
        members: Each group's root → the rows of its articles.
        days: Each article's publication day (NaN when undated).

    Returns:
        (cosine, root a, root b) with a < b, most alike first.
    """
    from sklearn.preprocessing import normalize

    roots = sorted(r for r, rows in members.items() if len(rows) >= PROFILE_MIN_ARTICLES)
    if len(roots) < 2 or not profiles.shape[1]:
        return []
    rows = np.concatenate([np.asarray(members[r]) for r in roots])
    cols = np.repeat(np.arange(len(roots)), [len(members[r]) for r in roots])
    indicator = sparse.csr_matrix(
        (np.ones(len(rows)), (cols, rows)), shape=(len(roots), profiles.shape[0])
    )
    summed = normalize(indicator @ profiles).tocsr()
    width = 2 * (WINDOW_DAYS + 1)  # days of a block
    blocks: dict[int, list[int]] = {}
    undated: list[int] = []
    for x, r in enumerate(roots):
        mine = days[np.asarray(members[r])]
        mine = mine[~np.isnan(mine)]
        if not len(mine):
            undated.append(x)
            continue
        first, last = int(mine.min() // width), int((mine.max() + WINDOW_DAYS) // width)
        for block in range(first, last + 1):
            blocks.setdefault(block, []).append(x)
    found: dict[tuple[int, int], float] = {}
    for together in list(blocks.values()) or [[]]:
        chosen = np.asarray(sorted(together + undated), dtype=np.int64)
        alike = sparse.triu(summed[chosen] @ summed[chosen].T, k=1).tocoo()
        keep = alike.data >= PROFILE_THRESHOLD
        for x, y, c in zip(
            chosen[alike.row[keep]].tolist(),
            chosen[alike.col[keep]].tolist(),
            alike.data[keep].tolist(),
            strict=True,
        ):
            found[(roots[x], roots[y])] = float(c)
    return sorted(((c, a, b) for (a, b), c in found.items()), key=lambda t: (-t[0], t[1], t[2]))


def group_articles(
    articles: Sequence[ArticleText],
    entities: Mapping[str, Sequence[tuple[int, str]]],
    *,
    given: Sequence[str | None] | None = None,
) -> tuple[list[int], sparse.csr_matrix, list[str]]:
    """Groups articles into stories (the module docstring).

    Args:
        articles: The articles.
        entities: article_id → (start offset, entity_id) of each of its mentions.
        given: Per article, the story the user gave it (the manifest's `story` column), else
            None: articles given one story form one group, never joined with any other.

    Returns:
        A group number per article (0-based, numbered by each group's first article), the
        articles' vectors and the feature names (for labels).
    """
    n = len(articles)
    if n == 0:
        return [], sparse.csr_matrix((0, 0)), []
    counts = count_features(articles, entities)
    vectors, names, df = vectorize_features(counts, [a.outlet for a in articles])
    stamps = pd.to_datetime(pd.Series([a.published for a in articles]), errors="coerce")
    days = (stamps - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype=float, na_value=np.nan)
    everyone_given = given is not None and all(story is not None for story in given)
    if everyone_given:  # the user's grouping wins: no pair to find
        i = j = np.zeros(0, dtype=np.int64)
        carried_by: list[Passage] = []
    else:
        i, j = find_candidate_pairs(vectors, df, days)
        carried_by = find_passages(articles)
    passages = find_passage_pairs(articles, days, carried_by)
    if passages:
        extra = np.array(list(passages), dtype=np.int64).reshape(-1, 2)
        i, j = np.concatenate([i, extra[:, 0]]), np.concatenate([j, extra[:, 1]])
        unique = np.unique(np.stack([i, j], axis=1), axis=0)
        i, j = unique[:, 0], unique[:, 1]
    score = np.asarray(vectors[i].multiply(vectors[j]).sum(axis=1)).ravel()
    carried = np.array(
        [(a, b) in passages for a, b in zip(i.tolist(), j.tolist(), strict=True)], dtype=bool
    )
    strong = (score >= PAIR_THRESHOLD) | carried
    i, j, score, carried = i[strong], j[strong], score[strong], carried[strong]
    parent = list(range(n))
    size = [1] * n
    total: dict[int, sparse.csr_matrix] = {}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def summed(x: int) -> sparse.csr_matrix:
        return total[x] if x in total else vectors[x]

    neighbours: dict[int, list[int]] = {}  # article -> the articles of its pairs >= threshold
    for x, y, c in zip(i.tolist(), j.tolist(), score.tolist(), strict=True):
        if c >= PAIR_THRESHOLD:
            neighbours.setdefault(x, []).append(y)
            neighbours.setdefault(y, []).append(x)
    members: dict[int, list[int]] = {}  # a group's root -> its articles (groups of 2+)

    def count_support(a: int, b: int) -> int:
        """Returns how many pairs >= threshold join an article of group a to one of group b."""
        return sum(root(y) == b for x in members.get(a, [a]) for y in neighbours.get(x, ()))

    fixed = [False] * n
    first_of: dict[str, int] = {}
    for k, story in enumerate(given or [None] * n):
        if story is None:
            continue
        fixed[k] = True
        if story in first_of:
            a = first_of[story]
            parent[k] = a
            size[a] += 1
            total[a] = summed(a) + vectors[k]
        else:
            first_of[story] = k
    for k in np.lexsort((j, i, -score)).tolist():
        a, b = root(int(i[k])), root(int(j[k]))
        if a == b or fixed[a] or fixed[b]:
            continue
        mean = float(summed(a).multiply(summed(b)).sum()) / (size[a] * size[b])
        # an article carrying another outlet's passages joins its story; groups only on the guard
        lone = carried[k] and min(size[a], size[b]) == 1
        if score[k] < PAIR_THRESHOLD and not lone:
            continue  # shared passages only bring a lone article to a story
        if mean < (PASSAGE_GUARD if lone else GROUP_GUARD):
            continue
        if size[a] < size[b] or (size[a] == size[b] and a > b):
            a, b = b, a
        if size[b] > 1 and count_support(b, a) < JOIN_SUPPORT:
            continue  # two groups that one pair of articles bridges
        parent[b] = a
        size[a] += size[b]
        members.setdefault(a, [a]).extend(members.pop(b, [b]))
        total[a] = summed(a) + summed(b)
        total.pop(b, None)
    if not everyone_given:  # step 4's groups cut where one pair alone holds two cores together
        groups = [root(k) for k in range(n)]
        free = [(x, y) for x, y in zip(i.tolist(), j.tolist(), strict=True) if not fixed[groups[x]]]
        parent[:] = cut_bridges(groups, free)
        if parent != groups:
            rows: dict[int, list[int]] = {}
            for k, r in enumerate(parent):
                rows.setdefault(r, []).append(k)
            for r, mine in rows.items():
                size[r] = len(mine)
                total.pop(r, None)
                if len(mine) > 1:
                    total[r] = sparse.csr_matrix(vectors[mine].sum(axis=0))
    syndicated = [] if everyone_given else find_syndicated_pairs(articles, days, carried_by, counts)
    for x, y in syndicated:
        a, b = root(x), root(y)
        if a == b or fixed[a] or fixed[b]:
            continue
        if size[a] < size[b] or (size[a] == size[b] and a > b):
            a, b = b, a
        parent[b] = a
        size[a] += size[b]
        total[a] = summed(a) + summed(b)
        total.pop(b, None)
    if not everyone_given:
        groups = [root(k) for k in range(n)]
        split = split_developments(
            groups,
            weigh_title_words(articles),
            vectors,
            fixed=[fixed[r] for r in groups],
            shared=list(passages),
            copied=syndicated,
        )
        first: dict[int, int] = {}
        parent[:] = [first.setdefault(group, k) for k, group in enumerate(split)]
        cut = {g for g, s in zip(groups, split, strict=True) if s != g}  # groups split apart
        _join_profiles(
            vectorize_all_features(count_headline_features(articles, entities)),
            days,
            parent=parent,
            fixed=[fixed[root(k)] for k in range(n)],
            origin=[g if g in cut else -1 for g in groups],
        )
        # step 8: two runs of days of one group, further apart than a pair the grouping joins
        groups = [root(k) for k in range(n)]
        split = split_date_gaps(
            groups,
            vectors,
            days.tolist(),
            fixed=[fixed[r] for r in groups],
            threshold=PAIR_THRESHOLD,
        )
        first.clear()
        parent[:] = [first.setdefault(group, k) for k, group in enumerate(split)]
    roots = [root(k) for k in range(n)]
    number: dict[int, int] = {}
    return [number.setdefault(r, len(number)) for r in roots], vectors, names


def _join_profiles(
    profiles: sparse.csr_matrix,
    days: np.ndarray,
    *,
    parent: list[int],
    fixed: Sequence[bool],
    origin: Sequence[int] | None = None,
) -> None:
    """Joins groups whose headline profiles match within the window (step 7).

    Args:
        profiles: Each article's headline profile (`count_headline_features`, vectorised).
        days: Each article's publication day (NaN when undated).
        parent: The groups as a union-find forest (article → parent article), joined in place.
        fixed: Per article, whether its group is the user's (never joined).
        origin: Per article, the group it was split from into developments
            (`developments.split_developments`), else -1: two groups holding developments split
            from one group are never joined again by their headlines.
    """

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joined = True
    while joined:  # a joined group can come to match another: passes until none joins
        joined = False
        members: dict[int, list[int]] = {}
        for k in range(len(parent)):
            members.setdefault(root(k), []).append(k)
        movable = {r: rows for r, rows in members.items() if not fixed[r]}
        origins = {
            r: {origin[k] for k in rows} - {-1} if origin else set() for r, rows in movable.items()
        }
        summed = {r: sparse.csr_matrix(profiles[rows].sum(axis=0)) for r, rows in movable.items()}
        dated = {r: days[rows][~np.isnan(days[rows])] for r, rows in movable.items()}
        span = {r: (d.min(), d.max()) if len(d) else (np.nan, np.nan) for r, d in dated.items()}
        for _, x, y in find_profile_pairs(profiles, movable, days):
            a, b = root(x), root(y)
            if a == b:
                continue
            if span[a][0] - span[b][1] > WINDOW_DAYS or span[b][0] - span[a][1] > WINDOW_DAYS:
                continue  # NaN (an undated group) is never too far
            norm = math.sqrt(
                summed[a].multiply(summed[a]).sum() * summed[b].multiply(summed[b]).sum()
            )
            if not norm or summed[a].multiply(summed[b]).sum() / norm < PROFILE_THRESHOLD:
                continue
            if origins[a] & origins[b]:
                continue  # developments of one group, told apart by their headlines
            parent[b] = a
            origins[a] |= origins.pop(b)
            summed[a] = summed[a] + summed.pop(b)
            low, high = span.pop(b)
            span[a] = (np.fmin(span[a][0], low), np.fmax(span[a][1], high))  # NaN: the other
            joined = True
