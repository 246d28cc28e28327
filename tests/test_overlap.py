"""Coverage overlap: hand-checked links between the seed articles, statements, and the views."""

from __future__ import annotations

import pandas as pd

from analysis import charts, overlap, views
from analysis.filters import Selection


def sentence_id(tables, article_id: str, starts: str) -> int:
    s = tables.sentences
    hits = s[(s.article_id == article_id) & s.text.str.startswith(starts)]
    assert len(hits) == 1, (article_id, starts)
    return int(hits.sentence_id.iloc[0])


def link(tables, a: tuple[str, str], b: tuple[str, str]) -> pd.Series | None:
    sa, sb = sentence_id(tables, *a), sentence_id(tables, *b)
    lk = tables.links
    rows = lk[
        (
            (lk.article_a == a[0])
            & (lk.sentence_a == sa)
            & (lk.article_b == b[0])
            & (lk.sentence_b == sb)
        )
        | (
            (lk.article_a == b[0])
            & (lk.sentence_a == sb)
            & (lk.article_b == a[0])
            & (lk.sentence_b == sa)
        )
    ]
    return rows.iloc[0] if len(rows) else None


def test_wire_copy_of_a_quote_is_verbatim(tables) -> None:
    # washpost: “Being in a defensive position does not exempt the Ukrainian military from
    # respecting international humanitarian law,” Agnès Callamard, … said in a statement …
    # wire: "Being in a defensive position … humanitarian law." (a follow-on paragraph)
    found = link(
        tables, ("washpost", "“Being in a defensive position"), ("wire", '"Being in a defensive')
    )
    assert found is not None
    assert found.kind == "verbatim" and found.shared_run == 16
    assert pd.notna(found.quote_a) and pd.notna(found.quote_b)  # quote-aware: both are quotes


def test_translation_variants_link_as_paraphrase(tables) -> None:
    # wire: "If you don't live in a country invaded by occupiers who are tearing it to pieces, …"
    # cnn-repost: “Unless you live in a country occupied by invaders tearing it apart, …”
    found = link(tables, ("wire", "\"If you don't live"), ("cnn-repost", "“Unless you live"))
    assert found is not None and found.kind in ("paraphrase", "near_verbatim")
    # wire: "Striving to protect civilians, this research instead became a tool of Russian
    # propaganda." / ua-outlet: "Seeking to protect civilians, this research instead became a
    # tool of Russian propaganda."
    found = link(tables, ("wire", "Striving to protect"), ("ua-outlet", "Seeking to protect"))
    assert found is not None and found.kind == "verbatim"


def test_sentences_sharing_only_topic_words_do_not_link(tables) -> None:
    # Both speak of Ukrainian officials, civilians and Russian forces, but say different things:
    # washpost: "Regional and federal Ukrainian officials have throughout the war pushed for
    # civilians to evacuate …" / cnn-repost: "Experts not associated with Amnesty have found that
    # the pattern of violent actions by Russian forces in Ukraine meets the definition of crimes
    # against humanity."
    assert link(tables, ("washpost", "Regional and federal"), ("cnn-repost", "Experts not")) is None
    # wire: "Ukraine's government pushed back hard against the report, …" has no counterpart.
    alone = overlap.find_only_here(tables.links, tables.sentences)
    assert sentence_id(tables, "wire", "Ukraine's government pushed back") in set(
        alone[alone.article_id == "wire"].sentence_id
    )


def test_statements_have_one_sentence_per_article(tables) -> None:
    st = tables.statements
    assert not st.duplicated(["statement_id", "article_id"]).any()
    assert (st.groupby("statement_id").size() >= 2).all()
    # The "tool of Russian propaganda" line of Pokalchuk's post is carried by all five articles.
    everyone = overlap.find_shared_by_all(st, list(tables.articles.article_id))
    labels = set(st[st.statement_id.isin(everyone)].label)
    assert any("tool of Russian propaganda" in label for label in labels)


def test_overlap_matrix_and_charts(tables) -> None:
    matrix = overlap.compute_overlap(tables.links, tables.sentences, tables.articles)
    assert (matrix.to_numpy().diagonal() == 1).all()
    assert ((matrix >= 0) & (matrix <= 1)).all().all()
    fig = charts.plot_overlap_matrix(
        tables.articles,
        tables.sentences,
        tables.links,
        selection=Selection.of(outlets=["The Washington Post", "unattributed wire-style report"]),
    )
    (heat,) = fig.data
    assert list(heat.x) == [
        "The Washington Post · washpost",
        "unattributed wire-style report · wire",
    ]
    grid = charts.plot_statement_grid(tables.articles, tables.statements, tables.links)
    assert len(grid.data[0].y) == tables.statements.statement_id.nunique()


def test_variant_view_is_escaped_and_marks_differences(tables) -> None:
    st = tables.statements
    sid = int(st.statement_id.iloc[0])
    page = overlap.render_variants(sid, st, tables.sentences, tables.articles)
    assert "<ins" in page or "<del" in page
    evil = tables.sentences.assign(
        text=tables.sentences.text.str.replace("the", "<b>x</b>", regex=False)
    )
    page = overlap.render_variants(sid, st.assign(label="<i>label</i>"), evil, tables.articles)
    assert "<b>x</b>" not in page and "<i>label</i>" not in page


def test_only_here_and_shared_views(tables) -> None:
    alone = views.summarize_only_here(tables.links, tables.sentences, tables.articles)
    assert list(alone.columns) == ["outlet", "article_id", "sentence_id", "text"]
    shared = views.summarize_shared_by_all(tables.statements, ["washpost", "wire"])
    assert (shared.articles >= 2).all()
