"""Selections over the tables."""

from __future__ import annotations

from analysis.corpus.selection import Selection


def test_default_selects_everything(tables) -> None:
    assert len(Selection().select_articles(tables.articles)) == 5
    assert len(Selection().select_rows(tables.sentences, tables.articles)) == len(tables.sentences)


def test_date_bounds(tables) -> None:
    # Published 7 Aug 2022: the Post and the CNN copy; the others 6 Aug.
    chosen = Selection.of(date_from="2022-08-07").select_articles(tables.articles)
    assert sorted(chosen.article_id) == ["cnn-repost", "washpost"]
    chosen = Selection.of(date_to="2022-08-06").select_articles(tables.articles)
    assert sorted(chosen.article_id) == ["blog", "ua-outlet", "wire"]


def test_choices_apply_to_tables_that_have_the_column(tables) -> None:
    selection = Selection.of(choices={"outlet_kind": ["blog", "wire"]})
    assert sorted(selection.select_articles(tables.articles).article_id) == ["blog", "wire"]
    rows = selection.select_rows(tables.removed, tables.articles, text_column=None)
    assert set(rows.article_id) == {"blog"}  # the wire copy had nothing removed


def test_search_on_rows_or_on_bodies(tables) -> None:
    selection = Selection.of(search="Translate")
    assert selection.select_rows(tables.removed, tables.articles).article_id.tolist() == [
        "ua-outlet"
    ]
    # "Translate »" was removed, so no article body contains the word.
    assert selection.select_rows(tables.removed, tables.articles, text_column=None).empty


def test_describe_says_every_filter() -> None:
    assert Selection().describe() == ""
    selection = Selection.of(
        outlets=["b", "A", "c", "d", "e"],
        date_to="2022-08-07",
        search="trolls",
        choices={"kind": ["direct"]},
        minimum=20,
    )
    assert selection.describe() == (
        'outlets: A, b, c, d and 1 more; published … to 2022-08-07; search "trolls"; '
        "kind: direct; at least 20"
    )
