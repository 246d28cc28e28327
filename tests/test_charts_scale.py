"""Charts at scale: utterances counted once, outlet-level overlap, top-N rows (issue 15)."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.selection import Selection
from analysis.notebook import charts
from analysis.notebook.charts.overlap import compute_outlet_overlap
from analysis.quotes import count_utterances


def test_select_utterances_reuses_whole_utterances_and_recounts_split_ones(tables) -> None:
    q = tables.quotes
    everyone = count_utterances(q)
    by_outlet = Selection.of(outlets=["The Washington Post"]).select_rows(q, tables.articles)
    fast = charts.select_utterances(by_outlet, utterances=everyone)
    pd.testing.assert_frame_equal(fast, count_utterances(by_outlet))
    # washpost: “This is called war propaganda, …,” Callamard wrote …, adding that the criticism
    # wouldn’t “dent our impartiality” — one utterance of four rows. A search for "dent our
    # impartiality" keeps the indirect quote and one partial without their direct parent: each
    # then counts as an utterance of its own (10 and 3 words).
    split = Selection.of(search="dent our impartiality").select_rows(q, tables.articles)
    counted = charts.select_utterances(split, utterances=everyone)
    pd.testing.assert_frame_equal(counted, count_utterances(split))
    for selection in [
        Selection.of(search="the"),
        Selection.of(choices={"kind": ["partial", "indirect"]}),
        Selection.of(outlets=["The Washington Post"], search="said"),
    ]:
        rows = selection.select_rows(q, tables.articles)
        pd.testing.assert_frame_equal(
            charts.select_utterances(rows, utterances=everyone), count_utterances(rows)
        )
    washpost = counted[counted.article_id == "washpost"]
    assert list(washpost.kind) == ["indirect", "partial"]
    assert list(washpost.n_rows) == [1, 1] and list(washpost.n_words) == [10, 3]


def test_voice_share_is_the_same_with_precounted_utterances(tables) -> None:
    everyone = count_utterances(tables.quotes)
    selection = Selection.of(outlets=["The Washington Post", "unattributed wire-style report"])
    slow = charts.plot_voice_share(tables.articles, tables.quotes, selection=selection)
    fast = charts.plot_voice_share(
        tables.articles, tables.quotes, selection=selection, utterances=everyone
    )
    assert [(t.name, list(t.x)) for t in fast.data] == [(t.name, list(t.x)) for t in slow.data]


def test_voice_share_folds_the_rest_into_other(tables) -> None:
    fig = charts.plot_voice_share(tables.articles, tables.quotes, selection=Selection.of(top=2))
    names = [t.name for t in fig.data]
    assert len(names) == 3 and names[2].startswith("other (") and names[2].endswith(" more)")
    # The shares of the top 2 and the rest still add up to 100 % per outlet.
    for i in range(len(fig.data[0].x)):
        assert abs(sum(t.x[i] for t in fig.data) - 100) <= 0.5
    assert "top 2 of" in fig.layout.title.subtitle.text.replace("<br>", " ")


def test_outlet_overlap_by_hand() -> None:
    # Outlet X has articles a1 (2 sentences) and a2 (1); outlet Y has b1 (2). Links: a1#0–b1#0
    # and a1#1–a2#0. X: 1 of its 3 sentences has a counterpart in Y, 2 of 3 in another X
    # article; Y: 1 of 2 in X, none in Y.
    shown = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "outlet": ["X", "X", "Y"]})
    sentences = pd.DataFrame(
        {"article_id": ["a1", "a1", "a2", "b1", "b1"], "sentence_id": [0, 1, 0, 0, 1]}
    )
    links = pd.DataFrame(
        {
            "article_a": ["a1", "a1"],
            "sentence_a": [0, 1],
            "article_b": ["b1", "a2"],
            "sentence_b": [0, 0],
        }
    )
    matrix = compute_outlet_overlap(links, sentences, shown)
    assert list(matrix.index) == ["X", "Y"] and list(matrix.columns) == ["X", "Y"]
    assert matrix.loc["X", "Y"] == 1 / 3 and matrix.loc["X", "X"] == 2 / 3
    assert matrix.loc["Y", "X"] == 1 / 2 and matrix.loc["Y", "Y"] == 0
    assert matrix.attrs["links"] == 2


def test_timeline_hover_lines_match_textwrap() -> None:
    import textwrap

    from analysis.notebook.charts.timeline import _first_lines

    text = (
        "Ukraine's foreign minister said the report created a false balance between the "
        "oppressor and the victim, and the organisation's head in Kyiv resigned over it "
        "the following day, saying she had tried to stop it being published as it was, "
        "while the group's secretary general defended the findings in several interviews "
        "and a long statement posted online."
    )
    assert _first_lines(text) == textwrap.wrap(text, 80)[:4]
    assert len(_first_lines(text)) == 4
    assert _first_lines("") == [] and _first_lines("one  two") == ["one two"]
