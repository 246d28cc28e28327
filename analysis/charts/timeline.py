"""Charts of notebook 05: the reaction timeline and how statements propagated."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..filters import Selection
from ..timeline import propagate_statements, select_events
from ..timeline.dates import PART_OF_DAY_HOURS
from ..timeline.events import rows_of
from .style import (
    COLUMN_LABEL_WIDTH,
    _caption,
    _snippet,
    escape,
    make_figure,
    outlet_colors,
    wrap_labels,
)

#: Marker per resolution kind: a stated date, one resolved from the publication date, and an
#: undated statement placed at the publication date.
RESOLUTION_SYMBOLS = {"explicit": "circle", "relative": "diamond", "publication": "circle-open"}
#: Hours between the markers of different outlets on one day, so they do not hide each other.
OUTLET_OFFSET_HOURS = 1.5
UNKNOWN_ACTOR = "(unknown)"


def plot_timeline(
    articles: pd.DataFrame,
    events: pd.DataFrame,
    happenings: pd.DataFrame,
    *,
    selection: Selection | None = None,
) -> go.Figure:
    """Who did or said what when, as each outlet states it.

    Args:
        articles: The `articles` table.
        events: The `events` table.
        happenings: The `happenings` table (for the conflicts).
        selection: Outlets, event date range, text search, choices (actor, resolution).

    Returns:
        One marker trace per outlet and resolution kind of the whole corpus (x: the date, at the
        stated part of the day, a span at its middle; y: the actor; colour: outlet; symbol:
        explicit/relative/publication), one line trace per outlet for spans, and one trace of
        lines joining the days outlets state for a conflicting happening, with its label.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = select_events(events, articles, selection)
    rows = rows[rows.date.notna()]
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    rows = rows.assign(
        outlet=rows.article_id.map(outlet_of),
        who=rows.actor.fillna(UNKNOWN_ACTOR).astype("str"),
    )
    colors = outlet_colors(articles)
    offsets = {o: i * OUTLET_OFFSET_HOURS for i, o in enumerate(colors)}
    traces: list[dict[str, Any]] = []
    for outlet, color in colors.items():
        mine = rows[rows.outlet == outlet]
        for resolution, symbol in RESOLUTION_SYMBOLS.items():
            part = mine[mine.resolution == resolution]
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": escape(f"{outlet} · {resolution}"),
                    "legendgroup": escape(outlet),
                    "x": [_x(e, offsets[outlet]) for e in rows_of(part)],
                    "y": [escape(w) for w in part.who],
                    "marker": {"color": color, "symbol": symbol, "size": 11},
                    "hovertext": [_hover(e) for e in rows_of(part)],
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
    traces.append(_conflicts(happenings, rows))
    n_actors = rows.who.nunique()
    return make_figure(
        traces,
        title="Reaction timeline: who did or said what when, as each outlet dates it",
        caption=_caption(
            articles,
            shown,
            f"{len(rows)} events. ● a stated date, ◆ resolved from the publication date "
            "(weekday, last week…), ○ an undated statement at the publication date; a bar is a "
            "span, a dashed line joins days outlets disagree on.",
        ),
        layout={
            "xaxis": {"type": "date", "title": {"text": "date (part of day where stated)"}},
            "yaxis": {"type": "category", "title": {"text": ""}, "automargin": True},
            "height": max(480, 220 + 34 * n_actors),
            # Below the plot, so the dates keep the width of the notebook.
            "legend": {"font": {"size": 11}, "orientation": "h", "y": -0.25, "x": 0},
        },
    )


def _x(e: Any, offset_hours: float) -> pd.Timestamp:
    day, end, part = e.date, e.date_end, e.part_of_day
    if pd.notna(end):
        return day + (end - day) / 2 + pd.Timedelta(hours=12)
    hours = PART_OF_DAY_HOURS.get(part, 12) if pd.notna(part) else 12
    return day + pd.Timedelta(hours=hours + offset_hours)


def _hover(e: Any) -> str:
    when = e.date.strftime("%a %d %b %Y")
    if pd.notna(e.date_end):
        when += " – " + e.date_end.strftime("%a %d %b %Y")
    phrase = f"“{escape(e.date_text)}”" if pd.notna(e.date_text) else "not dated: published"
    quoted = " (inside a quotation)" if e.in_quote else ""
    sentence = "<br>".join(escape(line) for line in textwrap.wrap(str(e.text), 80)[:4])
    return (
        f"<b>{escape(e.who)}</b> · {escape(e.action)} · {escape(e.outlet)}<br>"
        f"{when} — {phrase}{quoted}, {escape(e.resolution)}<br>{sentence}"
    )


def _conflicts(happenings: pd.DataFrame, rows: pd.DataFrame) -> dict[str, Any]:
    """Returns the trace joining the days that the shown events of a conflicting happening state
    (drawn only while at least two different days are shown)."""
    stated = rows[rows.resolution.isin(["explicit", "relative"])]
    day_of = {
        f"{a}:{e}": (a, d)
        for a, e, d in zip(stated.article_id, stated.event_id, stated.date, strict=True)
    }
    xs: list[object] = []
    ys: list[object] = []
    texts: list[str] = []
    for h in rows_of(happenings[happenings.conflict]):
        told = dict(day_of[key] for key in h.events if key in day_of)
        days = sorted(set(told.values()))
        if len(days) < 2 or not isinstance(h.actor, str):
            continue
        label = "conflict: " + " vs ".join(f"{a} {d:%d %b}" for a, d in told.items())
        xs += [days[0] + pd.Timedelta(hours=12), days[-1] + pd.Timedelta(hours=12), None]
        ys += [escape(h.actor)] * 2 + [None]
        texts += [escape(label), "", ""]
    return {
        "type": "scatter",
        "mode": "lines+text",
        "name": "date conflict",
        "x": xs,
        "y": ys,
        "text": texts,
        "textposition": "top left",
        "cliponaxis": False,
        "textfont": {"color": "#b22222", "size": 11},
        "line": {"color": "#b22222", "width": 2, "dash": "dash"},
        "hoverinfo": "skip",
    }


def plot_propagation(
    articles: pd.DataFrame,
    statements: pd.DataFrame,
    *,
    selection: Selection | None = None,
) -> go.Figure:
    """Which outlet carried each shared statement first, and how many days the others took.

    Args:
        articles: The `articles` table.
        statements: The `statements` table.
        selection: Which articles to show (and a search on the statement's label).

    Returns:
        One heatmap trace: rows the statements carried by at least two selected articles, columns
        the selected articles; a cell is the delay in days after the first carrier ("first" for
        the first), empty when the article does not carry the statement.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    spread = propagate_statements(statements, articles)
    spread = spread[spread.article_id.isin(shown.article_id)]
    if selection.search:
        spread = spread[spread.label.str.contains(selection.search, case=False, regex=False)]
    carried = spread.groupby("statement_id").article_id.transform("nunique")
    spread = spread[carried >= 2]
    columns = [f"{o} · {a}" for o, a in zip(shown.outlet, shown.article_id, strict=True)]
    keys = list(shown.article_id)
    statement_ids = list(dict.fromkeys(spread.statement_id))
    by_cell = {(r.statement_id, r.article_id): r for r in rows_of(spread)}
    labels = {r.statement_id: r.label for r in rows_of(spread)}
    z, text = [], []
    for sid in statement_ids:
        cells = [by_cell.get((sid, a)) for a in keys]
        z.append([None if c is None or pd.isna(c.delay_days) else int(c.delay_days) for c in cells])
        text.append(
            ["" if c is None else ("first" if c.first else f"+{c.delay_days} d") for c in cells]
        )
    y = [f"{sid}: {_snippet(labels[sid], 60)}" for sid in statement_ids]
    trace = {
        "type": "heatmap",
        "x": [escape(c) for c in columns],
        "y": y,
        "z": z,
        "text": text,
        "texttemplate": "%{text}",
        "colorscale": "Oranges",
        "zmin": 0,
        "colorbar": {"title": {"text": "days after first"}},
        "hovertemplate": "%{y}<br>%{x}: %{text}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    return make_figure(
        [trace],
        title="Propagation: who carried each shared statement first, and how many days later",
        caption=_caption(
            articles,
            shown,
            f"{len(statement_ids)} statements carried by at least two selected articles; by "
            "publication date (a day is the finest the corpus gives).",
        ),
        layout={
            "xaxis": {**wrap_labels([escape(c) for c in columns], width=COLUMN_LABEL_WIDTH)},
            "yaxis": {"autorange": "reversed", "automargin": True},
            "height": max(420, 140 + 28 * len(statement_ids)),
        },
    )
