"""A follow-up article published days after its story, joined to it (docs/stories.md, step 9).

Steps 3–4 compare two articles only when they were published at most `grouping.WINDOW_DAYS`
apart, so an article that reports a story's next turn four or five days later (or a piece
written the day before a story that its next days' articles then report) stays a story of its
own, however close its words are. An article still alone after step 8 joins a found group of
two articles or more with an article published at most `LATE_DAYS` days from it when its mean
cosine with the group's articles reaches both the pair threshold (it is as close to the group,
on average, as two articles step 4 joins) and the group's own cohesion (the mean cosine between
two of the group's articles: it is as close to them as they are to each other, the test step
6b uses to keep two developments together). An article of another development of the same
topic shares the people but not the event, and falls below the group's cohesion.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

#: A lone article is compared with the groups whose articles lie at most this many days away.
LATE_DAYS = 7


def join_follow_ups(
    groups: Sequence[int],
    vectors: sparse.csr_matrix,
    pairs: tuple[np.ndarray, np.ndarray],
    days: Sequence[float],
    *,
    fixed: Sequence[bool],
    threshold: float,
) -> list[int]:
    """Joins each article still alone to the group it follows up (module docstring).

    Args:
        groups: Each article's group (any integers).
        vectors: The articles' L2-normalised vectors (`features.vectorize_features`).
        pairs: Candidate pairs (rows i, j) sharing a blocking feature within `LATE_DAYS` days.
        days: Each article's publication day (NaN when undated: an undated article is never
            joined by this step).
        fixed: Per article, whether its group is the user's (never joined).
        threshold: The least mean cosine with the group (the grouping's pair threshold).

    Returns:
        Each article's group: a joined article takes its group's number.
    """
    members: dict[int, list[int]] = {}
    for row, group in enumerate(groups):
        members.setdefault(group, []).append(row)
    near: dict[int, set[int]] = {}  # lone article -> groups of 2+ it shares a blocking feature with
    for x, y in zip(pairs[0].tolist(), pairs[1].tolist(), strict=True):
        for lone, other in ((x, y), (y, x)):
            if len(members[groups[lone]]) == 1 and len(members[groups[other]]) > 1:
                near.setdefault(lone, set()).add(groups[other])
    summed: dict[int, np.ndarray] = {}
    cohesion: dict[int, float] = {}
    out = list(groups)
    for lone, candidates in sorted(near.items()):
        if fixed[lone] or np.isnan(days[lone]):
            continue
        best, best_mean = None, 0.0
        for group in sorted(candidates):
            rows = members[group]
            if fixed[rows[0]]:
                continue
            if group not in summed:
                summed[group] = np.asarray(vectors[rows].sum(axis=0)).ravel()
                norms = float(vectors[rows].multiply(vectors[rows]).sum())
                n = len(rows)
                cohesion[group] = (float(summed[group] @ summed[group]) - norms) / (n * (n - 1))
            mine = vectors[lone].toarray().ravel()
            mean = float(mine @ summed[group]) / len(rows)
            if mean > best_mean:
                best, best_mean = group, mean
        if best is not None and best_mean >= threshold and best_mean >= cohesion[best]:
            out[lone] = best
    return out
