"""Statements a reader can cite: ids derived from content, link kinds that describe the whole
sentences, and the grid and its key following the selection."""

from __future__ import annotations

import shutil
from pathlib import Path

import analysis
from analysis.corpus.selection import Selection
from analysis.notebook import charts, views
from tests.conftest import CORPUS
from tests.unrelated_article import grow

WAPO, WIRE = "The Washington Post", "unattributed wire-style report"


def members(statements) -> dict[frozenset, int]:
    return {
        frozenset(zip(g.article_id, g.sentence_id, strict=True)): int(sid)
        for sid, g in statements.groupby("statement_id")
    }


def test_statement_ids_survive_adding_an_unrelated_article(tables, tmp_path: Path, cache_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    grow(corpus, first=False, outlet="Harbour Gazette")  # the manifest's last row
    grown = analysis.build(corpus, cache_dir=cache_dir)
    assert "harbour" not in set(grown.statements.article_id)
    before, after = members(tables.statements), members(grown.statements)
    same = [group for group in before if group in after]
    assert len(same) >= 0.9 * len(before)  # the refitted similarity may move a borderline link
    assert [before[g] for g in same] == [after[g] for g in same]
    # The statement a reporter might cite: "Callamard tweeted Friday in response to the
    # criticism, calling out “Ukrainian and Russian social media mobs and trolls” …"
    cited = tables.statements[tables.statements.label.str.startswith("Callamard tweeted Friday")]
    ids = set(grown.statements.statement_id)
    assert int(cited.statement_id.iloc[0]) in ids


def test_statement_ids_are_six_digits_and_unique(tables) -> None:
    ids = tables.statements.drop_duplicates("statement_id").statement_id
    assert ids.between(100_000, 999_999).all() and ids.is_unique


def test_a_shared_quote_in_differently_worded_sentences_is_not_verbatim(tables) -> None:
    # washpost: "Callamard tweeted Friday in response to the criticism, calling out “Ukrainian and
    # Russian social media mobs and trolls” for attacking Amnesty’s investigations."
    # wire: "Callamard tweeted later on August 4, saying that Ukrainian and Russian "social media
    # mobs and trolls" were attacking Amnesty International."
    s = tables.sentences
    wapo = s[(s.article_id == "washpost") & s.text.str.startswith("Callamard tweeted Friday")]
    wire = s[(s.article_id == "wire") & s.text.str.startswith("Callamard tweeted later")]
    lk = tables.links
    found = lk[
        (lk.article_a == "washpost")
        & (lk.sentence_a == int(wapo.sentence_id.iloc[0]))
        & (lk.article_b == "wire")
        & (lk.sentence_b == int(wire.sentence_id.iloc[0]))
    ]
    assert found.kind.tolist() == ["shared_quote"]
    grid = charts.plot_statement_grid(tables.articles, tables.statements, tables.links)
    (heat,) = grid.data
    row = [i for i, y in enumerate(heat.y) if "Callamard tweeted Friday" in y][0]
    wapo_col = list(heat.x).index("The Washington Post · washpost")
    assert heat.customdata[row][wapo_col] == "shared quote only"


def test_grid_keeps_only_statements_two_selected_articles_carry(tables) -> None:
    both = Selection.of(outlets=[WAPO, WIRE])
    grid = charts.plot_statement_grid(
        tables.articles, tables.statements, tables.links, selection=both
    )
    (heat,) = grid.data
    st = tables.statements
    carried = st[st.article_id.isin(["washpost", "wire"])].groupby("statement_id").size()
    assert len(heat.y) == int((carried == 2).sum()) > 0
    assert all(0 not in row for row in heat.z)  # each row: both articles carry it
    # 10 links join a washpost sentence and a wire sentence (counted by hand from the table).
    caption = grid.layout.title.subtitle.text.replace("<br>", " ")
    assert "(10 links)" in caption and "outlets: The Washington Post," in caption
    single = charts.plot_statement_grid(
        tables.articles, tables.statements, tables.links, selection=Selection.of(outlets=[WAPO])
    )
    assert single.data[0].y is None or len(single.data[0].y) == 0
    assert single.layout.annotations[0].text == charts.NOTHING_MATCHES
    assert "(0 links)" in single.layout.title.subtitle.text.replace("<br>", " ")


def test_statement_key_gives_each_id_its_full_text(tables) -> None:
    key = views.summarize_statements(tables.statements, tables.articles)
    first = tables.statements.drop_duplicates("statement_id")
    assert key.statement_id.tolist() == first.statement_id.tolist()
    row = key[key.label.str.startswith("Callamard tweeted Friday")].iloc[0]
    assert row.label.endswith("for attacking Amnesty’s investigations.")
    assert row.outlets == (
        "The Washington Post, Ukrainian news site (English edition), unattributed wire-style report"
    )
