"""Notebooks 04 and 05 precompute what a filter only selects from (issue 25: a filter change at
1,000 articles took 0.6 s in 04 and 0.8 s in 05); what they show must not change.

The functions below `# Before` are verbatim copies of the replaced code (the timeline computing
every event's position and hover per call, Plotly given lists; a figure refresh re-sending every
property of every trace). Each test runs old and new on the same selections — every outlet, all
but one, two, one alone, a date range, a search, actor and resolution choices, a top N, nothing —
on the seed corpus and on a 40-article generated corpus (more than `MAX_ARTICLE_COLUMNS`
articles: the outlet columns), and asserts the figures and tables are identical.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

import analysis
from analysis.corpus.selection import Selection
from analysis.notebook import widgets
from analysis.notebook.charts import timeline as timeline_charts
from analysis.notebook.charts.timeline import (
    DEFAULT_TOP,
    OUTLET_OFFSET_HOURS,
    PERIOD_MARGIN_DAYS,
    RESOLUTION_SYMBOLS,
    UNKNOWN_ACTOR,
    _caption,
    _conflicts,
    _hover,
    _story_period,
    _x,
    content_height,
    describe_top,
    escape,
    fold_rest,
    make_figure,
    outlet_colors,
    plural,
    rank_top,
    rows_of,
    select_events,
)

ROOT = Path(__file__).resolve().parent.parent

# Before ---------------------------------------------------------------------------------------


def old_plot_timeline(
    articles: pd.DataFrame,
    events: pd.DataFrame,
    happenings: pd.DataFrame,
    *,
    selection: Selection | None = None,
    margin_days: int | None = PERIOD_MARGIN_DAYS,
    with_actorless: bool = False,
) -> go.Figure:
    """Who did or said what when, as each outlet states it.

    Args:
        articles: The `articles` table.
        events: The `events` table.
        happenings: The `happenings` table (for the conflicts).
        selection: Outlets, event date range, text search, choices (actor, resolution), and
            `top`: actors drawn on their own rows, those with the most events (`DEFAULT_TOP`
            when None); the others' events share one "other (k more)" row.
        margin_days: The story's period drawn: from this many days before the first selected
            article's publication to as many after the last; events outside it stay in the
            table and the source line says how many and when. None draws every date.
        with_actorless: Also draw the events whose actor is missing (on an "(unknown)" row);
            the source line counts them when they are left out.

    Returns:
        One marker trace per outlet and resolution kind of the whole corpus (x: the date, at the
        stated part of the day, a span at its middle; y: the actor; colour: outlet; symbol:
        explicit/relative/publication), one line trace per outlet for spans, and one trace of
        lines joining the days outlets state for a conflicting happening, with its label. The
        legend has one entry per shown outlet (the symbols are explained in the source line), below
        the chart when the outlet names are long.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = select_events(events, articles, selection)
    rows = rows[rows.date.notna()]
    notes = []
    if not with_actorless:
        unknown = rows.actor.isna()
        if unknown.any():
            notes.append(f"{plural(int(unknown.sum()), 'event')} without an actor not drawn")
        rows = rows[~unknown]
    period = _story_period(shown, margin_days)
    if period is not None:
        last = rows.date_end.fillna(rows.date)
        outside = rows[(last < period[0]) | (rows.date > period[1])]
        if not outside.empty:
            notes.append(
                f"{plural(len(outside), 'event')} outside the story's period "
                f"({period[0]:%d %b %Y} – {period[1]:%d %b %Y}) not drawn, dated "
                f"{outside.date.min():%d %b %Y} to {last[outside.index].max():%d %b %Y}"
            )
            rows = rows.drop(index=outside.index)
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    rows = rows.assign(
        outlet=rows.article_id.map(outlet_of),
        who=rows.actor.fillna(UNKNOWN_ACTOR).astype("str"),
    )
    colors = outlet_colors(articles)
    offsets = {o: i * OUTLET_OFFSET_HOURS for i, o in enumerate(colors)}
    # Each event's position and hover, once (the hover names the actor, also when folded).
    columns = ["date", "date_end", "part_of_day", "date_text", "in_quote", "text", "who"]
    events_once = rows_of(rows[[*columns, "action", "outlet", "resolution"]])
    rows = rows.assign(
        _x=[_x(e, offsets[e.outlet]) for e in events_once],
        _hover=[_hover(e) for e in events_once],
    )
    everyone = rows.who.value_counts()
    kept = rank_top(everyone, n=selection.top or DEFAULT_TOP)
    rows = rows.assign(who=fold_rest(rows.who, keep=kept))
    drawn = rows[["outlet", "resolution", "who", "date", "date_end", "_x", "_hover"]]
    by_outlet = {str(o): part for o, part in drawn.groupby("outlet", sort=False)}
    traces: list[dict[str, Any]] = []
    for outlet, color in colors.items():
        mine = by_outlet.get(outlet, rows.head(0))
        # One legend entry per outlet (its first trace with points); the entry toggles the group.
        entry = next((r for r in RESOLUTION_SYMBOLS if (mine.resolution == r).any()), None)
        for resolution, symbol in RESOLUTION_SYMBOLS.items():
            part = mine[mine.resolution == resolution]
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": escape(outlet),
                    "legendgroup": escape(outlet),
                    "showlegend": resolution == entry,
                    "x": part._x.tolist(),
                    "y": [escape(w) for w in part.who.tolist()],
                    "marker": {"color": color, "symbol": symbol, "size": 11},
                    "hovertext": part._hover.tolist(),
                    "hoverinfo": "text",
                }
            )
        spans = mine[mine.date_end.notna()]
        xs: list[object] = []
        ys: list[object] = []
        for e in rows_of(spans):
            xs += [e.date, e.date_end + pd.Timedelta(hours=23), None]
            ys += [escape(e.who)] * 2 + [None]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": escape(f"{outlet} · span"),
                "legendgroup": escape(outlet),
                "showlegend": False,
                "x": xs,
                "y": ys,
                "line": {"color": color, "width": 3},
                "opacity": 0.5,
                "hoverinfo": "skip",
            }
        )
    traces.append(_conflicts(happenings, rows, actors=set(kept)))
    return make_figure(
        traces,
        title="Reaction timeline: who did or said what when, as each outlet dates it",
        caption=_caption(
            articles,
            shown,
            f"{plural(len(rows), 'event')} of "
            + describe_top(len(kept), len(everyone), "actors")
            + ". ● a stated date, ◆ resolved from the publication date "
            "(weekday, last week…), ○ an undated statement at the publication date; a bar is a "
            "span, a dashed line joins days outlets disagree on."
            + "".join(f" {note[0].upper()}{note[1:]}." for note in notes),
            selection,
        ),
        layout={
            "xaxis": {"type": "date", "title": {"text": "date (part of day where stated)"}},
            "yaxis": {"type": "category", "title": {"text": ""}},
            "height": content_height(rows.who.nunique(), row=34, least=480),
        },
        empty=rows.empty,
    )


def old_refresh_figure(widget: go.FigureWidget, fig: go.Figure) -> None:
    """Updates a displayed `FigureWidget` in place to show `fig`, in one batched message.

    Traces are updated one by one when the new figure has the same number and types of traces
    (the chart builders guarantee that); otherwise they are replaced.

    Args:
        widget: The displayed widget; changed in place.
        fig: The new figure.
    """
    same = len(widget.data) == len(fig.data) and all(
        a.type == b.type for a, b in zip(widget.data, fig.data, strict=True)
    )
    with widget.batch_update():
        if same:
            for old, new in zip(widget.data, fig.data, strict=True):
                props = new.to_plotly_json()
                props.pop("type", None)
                props.pop("uid", None)
                old.update(props, overwrite=True)
        else:
            widget.data = ()
            widget.add_traces(list(fig.data))
        layout = fig.layout.to_plotly_json()
        if layout.get("template") == widget.layout.template.to_plotly_json():
            del layout["template"]  # unchanged, and the costliest part to re-validate
        for gone in set(widget.layout._props or {}) - set(layout) - {"template"}:
            widget.layout[gone] = None  # e.g. the "nothing matches" note of an empty selection
        widget.update_layout(layout, overwrite=True)


# After ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> analysis.Tables:
    """A 40-article corpus of bench/make_corpus.py (8 outlets or more, a month of dates)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    folder = tmp_path_factory.mktemp("generated") / "corpus"
    make_corpus(40, folder)
    return analysis.build(folder, cache_dir=tmp_path_factory.mktemp("generated-cache"))


@pytest.fixture(scope="module", params=["seeds", "generated"])
def corpus(request: pytest.FixtureRequest, tables: analysis.Tables) -> analysis.Tables:
    return tables if request.param == "seeds" else request.getfixturevalue("generated")


def selections(tables: analysis.Tables) -> list[Selection]:
    """Every outlet; all but one; two; one alone; the later half of the dates; a search; actor
    and resolution choices; a top 2; nothing selected."""
    outlets = sorted(set(tables.articles.outlet), key=str.casefold)
    dates = tables.articles.published.dropna().sort_values()
    actors = sorted(tables.events.actor.dropna().unique())
    return [
        Selection(),
        Selection.of(outlets=outlets[1:]),
        Selection.of(outlets=outlets[:2], top=2),
        Selection.of(outlets=outlets[-1:]),
        Selection.of(date_from=dates.iloc[len(dates) // 2]),
        Selection.of(search="said"),
        Selection.of(choices={"resolution": ["explicit"], "actor": actors[:3]}),
        Selection.of(choices={"resolution": ["publication", "relative"]}, top=1),
        Selection.of(outlets=[]),
    ]


def as_json(fig: go.Figure) -> Any:
    """Returns the figure as Plotly.js reads it (arrays and lists alike), without trace uids."""
    out = json.loads(fig.to_json())
    for trace in out["data"]:
        trace.pop("uid", None)
    return out


def test_timeline_made_once_and_selected_draws_the_same(corpus) -> None:
    tables = corpus
    drawn = timeline_charts.prepare_timeline(tables.articles, tables.events)
    for selection in selections(tables):
        new = timeline_charts.plot_timeline(
            tables.articles, tables.events, tables.happenings, selection=selection, prepared=drawn
        )
        old = old_plot_timeline(
            tables.articles, tables.events, tables.happenings, selection=selection
        )
        assert as_json(new) == as_json(old)
        assert new.data[0].x is not None  # drawn, not left to Plotly's defaults
    alone = timeline_charts.plot_timeline(tables.articles, tables.events, tables.happenings)
    assert as_json(alone) == as_json(
        old_plot_timeline(tables.articles, tables.events, tables.happenings)
    )


def test_refresh_sending_what_changed_shows_what_resending_everything_shows(corpus) -> None:
    tables = corpus
    drawn = timeline_charts.prepare_timeline(tables.articles, tables.events)

    def draw(selection: Selection) -> go.Figure:
        return timeline_charts.plot_timeline(
            tables.articles, tables.events, tables.happenings, selection=selection, prepared=drawn
        )

    new, old = go.FigureWidget(draw(Selection())), go.FigureWidget(draw(Selection()))
    for selection in [*selections(tables), Selection()]:
        figure = draw(selection)
        widgets.refresh_figure(new, figure)
        old_refresh_figure(old, figure)
        assert as_json(go.Figure(new)) == as_json(go.Figure(old)) == as_json(figure)


def test_is_same_tells_arrays_lists_and_missing_values_apart() -> None:
    import numpy as np

    assert widgets.is_same(np.array(["a", "b"], dtype=object), np.array(["a", "b"], dtype=object))
    assert not widgets.is_same(np.array(["a"], dtype=object), ["a"])
    assert not widgets.is_same(np.array([1.0, np.nan]), np.array([1.0, np.nan]))
    assert widgets.is_same({"color": "#000", "size": 11}, {"color": "#000", "size": 11})
    assert not widgets.is_same({"color": "#000"}, {"color": "#000", "size": 11})
    assert widgets.is_same([[1, 2], [3]], [[1, 2], [3]])
    assert not widgets.is_same([np.array([1, 2])], [np.array([1, 3])])
    assert not widgets.is_same(1, 1.0)
    assert not widgets.is_same(None, [])
