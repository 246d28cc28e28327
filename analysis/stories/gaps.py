"""Two developments of one topic days apart, chained into one found story (docs/stories.md,
step 8).

A story runs over days through its articles, each close to the ones of the day before; two
developments of one topic a few days apart (a court's ruling on one law, and its ruling on
another law three days later) can be chained into one group by a single article of the first
that writes about the second, each join passing the grouping's guard (`grouping`, step 4), while
the two developments' articles, taken together, are further apart than any pair the grouping
joins. A found group whose articles fall into two runs of days with at least `GAP_DAYS` days
between them and none published in the gap is cut there when each run holds at least
`MIN_SIDE` articles and the mean cosine between the articles of the two runs is below the
grouping's pair threshold: the two runs are then no closer, on average, than two articles the
grouping would never join by themselves. A run of a single article is never cut off by this
(a follow-up piece days later; step 6b judges lone articles by their headlines).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

#: Days between the last article of one run and the first of the next (none in between).
GAP_DAYS = 3
#: Each run needs this many articles to be cut off.
MIN_SIDE = 2


def split_date_gaps(
    groups: Sequence[int],
    vectors: sparse.csr_matrix,
    days: Sequence[float],
    *,
    fixed: Sequence[bool],
    threshold: float,
) -> list[int]:
    """Cuts each group at its widest gap of days where the two runs are not alike (module
    docstring).

    Args:
        groups: Each article's group (any integers).
        vectors: The articles' L2-normalised vectors (`features.vectorize_features`).
        days: Each article's publication day (NaN when undated: a group with an undated article
            is never cut).
        fixed: Per article, whether its group is the user's (never cut).
        threshold: The mean cosine across the two runs below which they are cut (the
            grouping's pair threshold).

    Returns:
        Each article's group: uncut groups keep their number, the later run of a cut group gets
        a number above every existing one.
    """
    out = list(groups)
    members: dict[int, list[int]] = {}
    for row, group in enumerate(groups):
        members.setdefault(group, []).append(row)
    following = max(groups, default=-1) + 1
    for rows in members.values():
        if len(rows) < 2 * MIN_SIDE or fixed[rows[0]]:
            continue
        mine = np.asarray([days[r] for r in rows], dtype=float)
        if np.isnan(mine).any():
            continue
        distinct = np.unique(mine)
        if len(distinct) < 2:
            continue
        widths = np.diff(distinct)
        widest = int(np.argmax(widths))
        if widths[widest] < GAP_DAYS:
            continue
        early = [r for r, d in zip(rows, mine.tolist(), strict=True) if d <= distinct[widest]]
        late = [r for r, d in zip(rows, mine.tolist(), strict=True) if d > distinct[widest]]
        if min(len(early), len(late)) < MIN_SIDE:
            continue
        across = float(_summed(vectors, early) @ _summed(vectors, late)) / (len(early) * len(late))
        if across < threshold:
            for r in late:
                out[r] = following
            following += 1
    return out


def _summed(vectors: sparse.csr_matrix, rows: Sequence[int]) -> np.ndarray:
    """Returns the sum of the rows of `vectors`, as a dense vector."""
    return np.asarray(vectors[list(rows)].sum(axis=0)).ravel()
