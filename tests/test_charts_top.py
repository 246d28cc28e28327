"""The top-N helper of the ranked charts: the N largest kept, the rest summed as one entry."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.selection import Selection
from analysis.notebook.charts.top import describe_top, fold_rest, other_label, rank_top, sum_top


def test_sum_top_keeps_the_largest_and_sums_the_rest_by_hand() -> None:
    totals = pd.Series({"Ada": 3, "Ben": 10, "Cy": 1, "Dee": 7, "Eve": 2})
    out = sum_top(totals, n=2)
    # Ben 10 and Dee 7 kept; Ada 3 + Eve 2 + Cy 1 = 6 in "other (3 more)".
    assert list(out.index) == ["Ben", "Dee", "other (3 more)"]
    assert list(out) == [10, 7, 6]
    assert out.sum() == totals.sum()  # nothing dropped, only folded
    assert list(totals.index) == ["Ada", "Ben", "Cy", "Dee", "Eve"]  # caller's series untouched


def test_sum_top_without_a_rest_adds_no_other_entry() -> None:
    totals = pd.Series({"said": 4, "told": 4, "added": 1})
    out = sum_top(totals, n=3)
    # Ties keep the series' order: said before told.
    assert list(out.index) == ["said", "told", "added"]
    assert "other" not in " ".join(out.index)


def test_rank_top_breaks_ties_in_the_series_order() -> None:
    totals = pd.Series({"x": 2, "y": 5, "z": 2, "w": 2})
    assert rank_top(totals, n=3) == ["y", "x", "z"]
    assert rank_top(totals, n=0) == []


def test_fold_rest_names_how_many_distinct_values_it_folds() -> None:
    values = pd.Series(["Ben", "Ada", "Cy", "Ada", "Ben", "Eve"], index=[5, 6, 7, 8, 9, 10])
    out = fold_rest(values, keep=["Ben"])
    # Ada, Cy and Eve are three distinct speakers folded (Ada twice).
    assert list(out) == [
        "Ben",
        "other (3 more)",
        "other (3 more)",
        "other (3 more)",
        "Ben",
        "other (3 more)",
    ]
    assert list(out.index) == [5, 6, 7, 8, 9, 10]
    assert other_label(1) == "other (1 more)"


def test_describe_top_for_the_source_line() -> None:
    assert describe_top(12, 340, "speakers") == (
        "top 12 of 340 speakers (the rest summed as other)"
    )
    assert describe_top(7, 7, "speakers") == "all 7 speakers"
    assert describe_top(40, 900, "statements", summed=False) == "top 40 of 900 statements"


def test_selection_carries_top_and_does_not_describe_it() -> None:
    selection = Selection.of(top=5)
    assert selection.top == 5
    assert selection.describe() == ""
    assert Selection().top is None


def test_describe_top_says_the_only_one_not_all_1() -> None:
    from analysis.notebook.charts.top import describe_top

    assert describe_top(1, 1, "speakers") == "the only speaker"
    assert describe_top(7, 7, "speakers") == "all 7 speakers"
    assert describe_top(0, 0, "statements", summed=False) == "no statements"  # not "all 0 …"
    assert describe_top(12, 340, "speakers") == "top 12 of 340 speakers (the rest summed as other)"
