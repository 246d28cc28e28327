"""Top N categories with the rest summed: what keeps a chart readable when its categories (speakers,
verbs, statements, entities) run into the hundreds on a large corpus.

A chart ranks its categories by a total over the whole selection, keeps the first N (the
`Selection.top` slider, else the chart's default) and puts every other one into a single
"other (k more)" entry, so that no count is dropped from the chart, only folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

#: Categories a ranked chart shows when the selection does not say (`Selection.top`).
DEFAULT_TOP = 20


def other_label(k: int) -> str:
    """Returns the label of the entry that sums `k` categories left out, e.g. "other (3 more)"."""
    return f"other ({k} more)"


def rank_top(totals: pd.Series, *, n: int) -> list[Any]:
    """Returns the keys of the `n` largest totals, largest first (ties keep the series' order).

    Args:
        totals: A total per category (index: the categories).
        n: How many to keep (at least 0).

    Returns:
        At most `n` category keys.
    """
    order = totals.sort_values(ascending=False, kind="stable")
    return list(order.index[: max(n, 0)])


def sum_top(totals: pd.Series, *, n: int) -> pd.Series:
    """Keeps the `n` largest totals and sums the others into one "other (k more)" entry.

    Args:
        totals: A total per category (index: the categories, as strings); not modified.
        n: How many categories to keep.

    Returns:
        A new series: the kept categories, largest first, then (when any was left out) the
        `other_label(k)` entry holding the sum of the k others.
    """
    kept = rank_top(totals, n=n)
    out = totals.loc[kept].copy()
    rest = totals.drop(index=kept)
    if len(rest):
        out.loc[other_label(len(rest))] = rest.sum()
    return out


def fold_rest(values: pd.Series, *, keep: Sequence[Any]) -> pd.Series:
    """Replaces every value not in `keep` by the "other (k more)" label, k the number of distinct
    values replaced (so rows can then be grouped by the result).

    Args:
        values: One category per row; not modified.
        keep: The categories kept as they are.

    Returns:
        A new series of the same index: the value, or the "other" label.
    """
    kept = values.isin(keep)
    k = values[~kept].nunique()
    return values.where(kept, other_label(int(k)))


def describe_top(shown: int, total: int, noun: str, *, summed: bool = True) -> str:
    """Says how many categories a chart shows, for its source line.

    Args:
        shown: Categories drawn on their own.
        total: Categories there are.
        noun: Their name in the plural, e.g. "speakers".
        summed: Whether the chart sums the rest into an "other" entry (else it leaves them out).

    Returns:
        E.g. "top 12 of 340 speakers (the rest summed as other)", "top 40 of 900 statements"
        (not summed), "all 7 speakers", "the only speaker" (`noun` ending in "s" is made
        singular for one) or "no speakers" (never "all 0 …").
    """
    if shown >= total:
        if total == 0:
            return f"no {noun}"
        if total == 1:
            return f"the only {noun[:-1] if noun.endswith('s') else noun}"
        return f"all {total} {noun}"
    return f"top {shown} of {total} {noun}" + (" (the rest summed as other)" if summed else "")
