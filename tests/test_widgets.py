"""Widgets, checked from Python: filters refresh charts and tables in place; views escape text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.notebook import charts, export, views, widgets
from tests.browser import chromium_or_skip

WAPO = "The Washington Post"


def make_chart(tables, panel, tmp_path: Path) -> widgets.LiveChart:
    return widgets.LiveChart(
        lambda s: charts.plot_sentence_lengths(tables.articles, tables.sentences, selection=s),
        name="sentence lengths",
        panel=panel,
        export_dir=tmp_path,
    )


def test_filter_panel_selection(tables) -> None:
    panel = widgets.FilterPanel(tables.articles, choices={"outlet_kind": ["blog", "wire"]})
    assert panel.selection.outlets is None and panel.selection.choices == ()
    panel.outlets[WAPO].value = False
    assert WAPO not in panel.selection.outlets and len(panel.selection.outlets) == 4
    panel.date_from.value = pd.Timestamp("2022-08-07").date()
    assert panel.selection.date_from == pd.Timestamp("2022-08-07")
    panel.choices["outlet_kind"].value = ("blog",)
    assert panel.selection.choices == (("outlet_kind", frozenset({"blog"})),)


def test_filter_panel_starts_with_the_given_outlets(tables) -> None:
    panel = widgets.FilterPanel(tables.articles, outlets=[WAPO])
    assert panel.selection.outlets == frozenset({WAPO})


def test_live_chart_is_updated_in_place(tables, tmp_path: Path) -> None:
    panel = widgets.FilterPanel(tables.articles)
    chart = make_chart(tables, panel, tmp_path)
    figure, traces = chart.figure, list(chart.figure.data)
    wapo = next(t for t in figure.data if t.name == WAPO)
    assert len(wapo.y) == (tables.sentences.article_id == "washpost").sum()
    panel.outlets[WAPO].value = False
    assert chart.figure is figure and list(figure.data) == traces  # same objects, new values
    assert len(wapo.y) == 0
    assert sum(len(t.y) for t in figure.data) == (tables.sentences.article_id != "washpost").sum()
    panel.search.value = "Kuleba"
    assert sum(len(t.y) for t in figure.data) == 2  # the wire and CNN sentences naming Kuleba


def test_refresh_replaces_traces_when_the_structure_changes(tables) -> None:
    widget = widgets.go.FigureWidget(charts.plot_article_lengths(tables.articles))
    widgets.refresh_figure(
        widget, charts.plot_paragraph_structure(tables.articles, tables.paragraphs)
    )
    assert len(widget.data) == 5 and widget.data[0].type == "scatter"
    assert widget.layout.title.text.startswith("Paragraph structure")


def test_table_view_follows_the_panel(tables) -> None:
    panel = widgets.FilterPanel(tables.articles)
    view = widgets.TableView(
        lambda s: views.summarize_articles(s.select_articles(tables.articles)), panel=panel
    )
    assert len(view.table.df) == 5
    panel.outlets[WAPO].value = False
    assert len(view.table.df) == 4 and WAPO not in set(view.table.df.outlet)
    view._selected({"new": [0]})  # the first row left is the wire copy
    assert "unattributed wire-style report" in view.detail.value


def test_table_static_copy_is_escaped_and_shortened() -> None:
    frame = pd.DataFrame({"text": ["<script>alert(1)</script> " + "word " * 60]})
    bundle = widgets.TableView(frame, max_chars=40)._repr_mimebundle_()
    assert "<script>" not in bundle["text/html"] and "&lt;script&gt;" in bundle["text/html"]
    assert "…" in bundle["text/html"]


def test_reading_view_strikes_removed_spans_and_escapes(tables) -> None:
    page = views.render_reading_view(tables.articles, tables.removed, "washpost")
    assert "The Washington PostDemocracy Dies in Darkness</del>" in page
    assert "[removed: before the headline (masthead or navigation)]" in page
    assert "The head of Amnesty International in Ukraine said she was quitting" in page
    evil = tables.articles.head(1).assign(raw="<img src=x onerror=alert(1)> text", title="<b>t</b>")
    page = views.render_reading_view(evil, tables.removed.head(0), "washpost")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>t</b>" not in page


def test_reading_view_widget_switches_article(tables) -> None:
    view = widgets.ReadingView(tables.articles, tables.removed)
    view.picker.value = "blog"
    assert "[removed: reader comments and comment form]" in view.text.value


def test_export_button_writes_numbered_files(tables, tmp_path: Path) -> None:
    chromium_or_skip()
    chart = make_chart(tables, None, tmp_path)
    first = chart.export()
    second = chart.export()
    assert [p.name for p in first] == [
        "sentence-lengths.png",
        "sentence-lengths.svg",
        "sentence-lengths.html",
    ]
    assert [p.name for p in second][0] == "sentence-lengths-2.png"
    assert "sentence-lengths-2.png" in chart.status.value


def test_export_button_without_chromium_writes_html_and_says_why(
    tables, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(export, "find_chromium", lambda: None)
    chart = make_chart(tables, None, tmp_path)
    paths = chart.export()
    assert [p.name for p in paths] == ["sentence-lengths.html"]
    assert "apt-get install -y chromium" in chart.status.value


def test_minimum_slider_redraws_the_heatmap(tables) -> None:
    panel = widgets.FilterPanel(
        tables.articles, choices={"label": ["PERSON", "GPE"]}, minimum=("min. mentions", 20)
    )
    chart = widgets.LiveChart(
        lambda s: charts.plot_entity_coverage(
            tables.articles, tables.mentions, tables.entities, selection=s
        ),
        name="coverage",
        panel=panel,
    )
    rows = len(chart.figure.data[0].y)
    panel.minimum.value = 5
    assert panel.selection.minimum == 5
    assert 0 < len(chart.figure.data[0].y) < rows


def test_reading_view_follows_the_filters(tables) -> None:
    panel = widgets.FilterPanel(tables.articles)
    view = widgets.ReadingView(tables.articles, tables.removed, panel=panel)
    assert len(view.picker.options) == 5
    view.picker.value = "cnn-repost"
    panel.outlets["CNN (republished copy)"].value = False
    assert [v for _, v in view.picker.options] == ["washpost", "wire", "blog", "ua-outlet"]
    assert view.picker.value == "washpost" and "The Washington Post · " in view.text.value
    for box in panel.outlets.values():
        box.value = False
    assert view.picker.value is None and "Nothing matches" in view.text.value


def test_statement_picker_and_wording_follow_the_filters(tables) -> None:
    panel = widgets.FilterPanel(tables.articles)
    view = widgets.VariantView(tables, panel=panel)
    every = len(view.picker.options)
    for outlet, box in panel.outlets.items():
        box.value = outlet in (WAPO, "unattributed wire-style report")
    offered = [v for _, v in view.picker.options]
    st = tables.statements
    both = st[st.article_id.isin(["washpost", "wire"])].groupby("statement_id").size()
    assert sorted(offered) == sorted(both[both == 2].index) and len(offered) < every
    assert "CNN" not in view.view.value and "blog repost" not in view.view.value
    assert view.picker.options[0][0].startswith(f"{offered[0]} · 2 articles · ")


def test_quotes_in_context_pages_through_every_quote(tables) -> None:
    view = widgets.QuotesInContext(
        lambda s: s.select_rows(tables.quotes, tables.articles),
        sentences=tables.sentences,
        articles=tables.articles,
        limit=40,
    )
    n = len(tables.quotes)
    assert view.where.value == f"&nbsp;quotes 1–40 of {n}&nbsp;" and view.previous.disabled
    view.turn(1)
    view.turn(1)
    view.turn(1)  # past the end stays on the last page
    assert view.where.value == f"&nbsp;quotes 81–{n} of {n}&nbsp;" and view.next.disabled
    assert "more not shown" not in view.view.value


def test_row_detail_leaves_missing_values_out() -> None:
    html = views.render_record(pd.Series({"speaker": "A", "channel": float("nan"), "cue": None}))
    assert "speaker" in html and "channel" not in html and "nan" not in html and "cue" not in html


def test_grid_export_writes_its_key(tables, tmp_path: Path) -> None:
    chart = widgets.LiveChart(
        lambda s: charts.plot_statement_grid(
            tables.articles, tables.statements, tables.links, selection=s
        ),
        name="statement grid",
        export_dir=tmp_path,
        key=lambda s: views.summarize_statements(tables.statements, tables.articles, s),
    )
    paths = chart.write_key([tmp_path / "statement-grid.png"])
    assert [p.name for p in paths] == ["statement-grid-key.csv"]
    key = pd.read_csv(paths[0])
    assert list(key.columns) == ["statement_id", "articles", "outlets", "label"]
    assert len(key) == tables.statements.statement_id.nunique()


def test_a_build_error_in_a_notebook_is_one_short_message(tmp_path: Path) -> None:
    from analysis import notebook

    (tmp_path / "articles.csv").write_text("article_id,file\na1,articles/missing.txt\n")
    try:
        notebook.open_tables(tmp_path)
    except notebook.BuildFailed as exc:
        (line,) = exc._render_traceback_()
        assert "The corpus could not be built." in line and "missing.txt" in line
    else:
        raise AssertionError("no error")


def test_a_chart_recovers_from_an_empty_selection(tables) -> None:
    panel = widgets.FilterPanel(tables.articles)
    chart = widgets.LiveChart(
        lambda s: charts.plot_publication_timeline(tables.articles, selection=s),
        name="timeline",
        panel=panel,
    )
    for box in panel.outlets.values():
        box.value = False
    assert [a.text for a in chart.figure.layout.annotations] == [charts.NOTHING_MATCHES]
    panel.outlets[WAPO].value = True
    assert list(chart.figure.layout.annotations) == []
    assert chart.figure.layout.height == 520 and chart.figure.layout.xaxis.visible is not False


def test_tables_keep_search_box_and_sorting_after_a_filter_change(tables) -> None:
    panel = widgets.FilterPanel(tables.articles)
    view = widgets.TableView(
        lambda s: views.summarize_articles(s.select_articles(tables.articles)), panel=panel
    )
    panel.outlets[WAPO].value = False  # itables would hide the controls of a one-page table
    args = view.table._dt_args
    assert args["layout"]["topStart"] == "search" and args["select"] is True
    assert "text_in_header_can_be_selected" not in args  # a click on the heading text sorts


def test_wording_diff_compares_with_a_selected_outlet_and_says_which(tables) -> None:
    panel = widgets.FilterPanel(tables.articles)
    view = widgets.VariantView(tables, panel=panel)
    for outlet, box in panel.outlets.items():
        box.value = outlet in (WAPO, "unattributed wire-style report")
    assert [v for _, v in view.baseline.options] == ["washpost", "wire"]
    assert view.baseline.value == "washpost"
    assert "Compared with <b>The Washington Post</b> (washpost)" in view.view.value
    view.baseline.value = "wire"
    assert "Compared with <b>unattributed wire-style report</b> (wire)" in view.view.value
    assert "unattributed wire-style report <i>(baseline)</i>" in view.view.value
    # An unticked outlet is never the baseline.
    panel.outlets["unattributed wire-style report"].value = False
    panel.outlets["blog repost"].value = True
    assert "wire" not in [v for _, v in view.baseline.options]
    # The picker's label is shown whole ("compare with", not cut to "compare …").
    assert view.baseline.style.description_width == "initial"


def test_table_view_keeps_its_state_across_redraws_without_warning() -> None:
    import warnings

    frame = pd.DataFrame({"name": ["Bea", "Al", "Cy"], "count": [2, 3, 1]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # itables' warning on undocumented options would raise
        view = widgets.TableView(frame, page_rows=2)
        view.turn(1)  # a redraw through itables' update()
    args = view.table._dt_args
    assert args["stateSave"] is True and args["stateDuration"] == 0
    assert ["stateSaveCallback"] in args["keys_to_be_evaluated"]
    assert "{start: 0}" in args["stateLoadCallback"]
    assert args["order"] == [] and args["layout"]["topStart"] == "search"


def test_date_cells_never_show_nat() -> None:
    # Issue 25's review item "date cells show NaT": a missing date is an empty cell, a date
    # without a time of day is YYYY-MM-DD, and a column with a time shows it on every date.
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-08-04", None]),
            "when": pd.to_datetime(["2022-08-04 18:00", "2022-08-05 00:00"]),
        }
    )
    shown = views.shorten_columns(frame)
    assert shown.date.tolist() == ["2022-08-04", ""]
    assert shown.when.tolist() == ["2022-08-04 18:00", "2022-08-05 00:00"]
    assert frame.date.isna().tolist() == [False, True]  # the caller's frame is not changed
