"""Charts of notebook 05: the reaction timeline and how statements propagated."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...corpus.selection import Selection
from ...timeline import propagate_statements, select_events
from ...timeline.dates import PART_OF_DAY_HOURS
from ...timeline.events import rows_of
from .style import (
    COLUMN_LABEL_WIDTH,
    _caption,
    _snippet,
    content_height,
    escape,
    make_figure,
    outlet_colors,
    plural,
    wrap_labels,
)
from .top import DEFAULT_TOP, describe_top, fold_rest, rank_top

#: Statements the propagation chart shows when the selection does not say (`Selection.top`).
STATEMENT_ROWS = 40
#: Most selected articles drawn as columns; beyond, a column is an outlet (its earliest carrier).
MAX_ARTICLE_COLUMNS = 20

#: Marker per resolution kind: a stated date, one resolved from the publication date, an undated
#: statement on the day of its occasion, and one placed at the publication date (a `background`
#: statement has no date and is not drawn).
RESOLUTION_SYMBOLS = {
    "explicit": "circle",
    "relative": "diamond",
    "occasion": "square-open",
    "publication": "circle-open",
}
#: Hours between the markers of different outlets on one day, so they do not hide each other.
OUTLET_OFFSET_HOURS = 1.5
UNKNOWN_ACTOR = "(unknown)"
#: Days before the first and after the last publication that the timeline draws by default (the
#: story's period); events outside stay in the table.
PERIOD_MARGIN_DAYS = 60


def prepare_timeline(articles: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Computes once what the timeline draws of each event, whatever the filters (a filter then
    only selects rows of it).

    Args:
        articles: The `articles` table (outlets and their order of colours).
        events: The `events` table.

    Returns:
        A frame on the events' index: outlet, who (the actor, or "(unknown)"), label (`who`
        escaped for Plotly), x (where the marker stands: the date at the stated part of the day
        and the outlet's offset, a span at its middle; datetime64[s], NaT when undated) and hover
        (the escaped hover text, "" when undated).
    """
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    offsets = {o: i * OUTLET_OFFSET_HOURS for i, o in enumerate(outlet_colors(articles))}
    out = pd.DataFrame(
        {
            "outlet": events.article_id.map(outlet_of),
            "who": events.actor.fillna(UNKNOWN_ACTOR).astype("str"),
        },
        index=events.index,
    )
    out["label"] = [escape(w) for w in out.who.tolist()]
    x = np.full(len(events), np.datetime64("NaT"), dtype="datetime64[s]")
    hover = np.full(len(events), "", dtype="object")
    dated = events.date.notna().to_numpy()
    if dated.any():
        columns = ["date", "date_end", "part_of_day", "date_text", "in_quote", "text", "action"]
        rows = events.loc[dated, [*columns, "resolution"]].assign(
            who=out.who[dated], outlet=out.outlet[dated]
        )
        once = rows_of(rows)
        at = [_x(e, offsets.get(e.outlet, 0.0)) for e in once]
        x[dated] = pd.to_datetime(at).to_numpy(dtype="datetime64[s]")
        hover[dated] = [_hover(e) for e in once]
    out["x"], out["hover"] = x, hover
    return out


#: What the timeline says when every event selected lies outside the story's period.
OUTSIDE_PERIOD = (
    "The events selected lie outside the story's period (the source line says when): none is drawn."
)


def plot_timeline(
    articles: pd.DataFrame,
    events: pd.DataFrame,
    happenings: pd.DataFrame,
    *,
    selection: Selection | None = None,
    margin_days: int | None = PERIOD_MARGIN_DAYS,
    with_actorless: bool = False,
    prepared: pd.DataFrame | None = None,
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
        prepared: `prepare_timeline(articles, events)`, made once for many selections (a
            notebook's filters); None makes it for this call.

    Returns:
        One marker trace per outlet and resolution kind of the whole corpus (x: the date, at the
        stated part of the day, a span at its middle; y: the actor; colour: outlet; symbol:
        explicit/relative/publication), one line trace per outlet for spans, and one trace of
        lines joining the days outlets state for a conflicting happening, with its label. The
        legend has one entry per shown outlet (the symbols are explained in the source line), below
        the chart when the outlet names are long.
    """
    selection = selection or Selection()
    if prepared is None:
        prepared = prepare_timeline(articles, events)
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
    outside_only = False  # every event selected lies outside the story's period
    if period is not None:
        last = rows.date_end.fillna(rows.date)
        outside = rows[(last < period[0]) | (rows.date > period[1])]
        if not outside.empty:
            notes.append(
                f"{plural(len(outside), 'event')} outside the story's period "
                f"({period[0]:%d %b %Y} – {period[1]:%d %b %Y}) not drawn, dated "
                f"{outside.date.min():%d %b %Y} to {last[outside.index].max():%d %b %Y}"
            )
            outside_only = len(outside) == len(rows)
            rows = rows.drop(index=outside.index)
    drawn = prepared.loc[rows.index]
    everyone = drawn.who.value_counts()
    kept = rank_top(everyone, n=selection.top or DEFAULT_TOP)
    folded = fold_rest(drawn.who, keep=kept)
    own_row = (folded == drawn.who).to_numpy()
    rest = "" if own_row.all() else escape(folded[~own_row].iloc[0])
    # Plain arrays sliced per trace (a DataFrame per trace costs more than the points); Plotly
    # copies and checks an array whole, not point by point.
    x = drawn.x.to_numpy()
    y = np.where(own_row, drawn.label.to_numpy(dtype="object"), rest)
    hover = drawn.hover.to_numpy(dtype="object")
    keys = pd.DataFrame({"outlet": drawn.outlet.to_numpy(), "kind": rows.resolution.to_numpy()})
    parts = keys.groupby(["outlet", "kind"], sort=False).indices
    spanned = np.flatnonzero(rows.date_end.notna().to_numpy())
    spans = keys.iloc[spanned].groupby("outlet", sort=False).indices
    days, ends = rows.date.to_numpy(), rows.date_end.to_numpy()
    colors = outlet_colors(articles)
    none = np.array([], dtype="int64")
    traces: list[dict[str, Any]] = []
    for outlet, color in colors.items():
        # One legend entry per outlet (its first trace with points); the entry toggles the group.
        entry = next((r for r in RESOLUTION_SYMBOLS if (outlet, r) in parts), None)
        for resolution, symbol in RESOLUTION_SYMBOLS.items():
            part = parts.get((outlet, resolution), none)
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": escape(outlet),
                    "legendgroup": escape(outlet),
                    "showlegend": resolution == entry,
                    "x": x[part],
                    "y": y[part],
                    "marker": {"color": color, "symbol": symbol, "size": 11},
                    "hovertext": hover[part],
                    "hoverinfo": "text",
                }
            )
        xs: list[object] = []
        ys: list[object] = []
        for i in spanned[spans.get(outlet, none)]:
            xs += [pd.Timestamp(days[i]), pd.Timestamp(ends[i]) + pd.Timedelta(hours=23), None]
            ys += [y[i]] * 2 + [None]
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
            plural(len(drawn), "event")
            # "0 events", not "0 events of no actors", when no event has an actor.
            + (f" of {describe_top(len(kept), len(everyone), 'actors')}" if len(everyone) else "")
            + ". ● a stated date, ◆ resolved from the publication date "
            "(weekday, last week…), □ a statement on the day of its occasion (stated earlier in "
            "the article), ○ an undated statement at the publication date; a bar is a "
            "span, a dashed line joins days outlets disagree on."
            + "".join(f" {note[0].upper()}{note[1:]}." for note in notes),
            selection,
        ),
        layout={
            "xaxis": {
                "type": "date",
                "title": {"text": "date (part of day where stated)"},
                **_day_axis(x, ends[spanned]),
            },
            "yaxis": {"type": "category", "title": {"text": ""}},
            "height": content_height(folded.nunique(), row=34, least=480),
        },
        empty=(OUTSIDE_PERIOD if outside_only else True) if drawn.empty else False,
    )


def _day_axis(x: np.ndarray, ends: np.ndarray) -> dict[str, Any]:
    """Returns the date axis's range when the points drawn lie within two days: from the day
    before the first to the day after the last (else Plotly zooms a single day's points to
    fractions of a second); an empty dict (autorange) otherwise."""
    days = np.concatenate([x.astype("datetime64[s]"), ends.astype("datetime64[s]")])
    days = days[~np.isnat(days)]
    if days.size == 0:
        return {}
    first, last = days.min().astype("datetime64[D]"), days.max().astype("datetime64[D]")
    if last - first >= np.timedelta64(2, "D"):
        return {}
    one = np.timedelta64(1, "D")
    return {"range": [str(first - one), str(last + 2 * one)], "dtick": 86_400_000}


def _story_period(
    shown: pd.DataFrame, margin_days: int | None
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Returns the first and last day of the story's period: the selected articles' publication
    dates widened by `margin_days` each side; None without a margin or a publication date."""
    published = shown.published.dropna()
    if margin_days is None or published.empty:
        return None
    margin = pd.Timedelta(days=margin_days)
    return published.min() - margin, published.max() + margin


def _x(e: Any, offset_hours: float) -> pd.Timestamp:
    day, end, part = e.date, e.date_end, e.part_of_day
    if pd.notna(end):
        return day + (end - day) / 2 + pd.Timedelta(hours=12)
    hours = PART_OF_DAY_HOURS.get(part, 12) if pd.notna(part) else 12
    return day + pd.Timedelta(hours=hours + offset_hours)


def _first_lines(text: str, *, width: int = 80, most: int = 4) -> list[str]:
    """Returns the first `most` lines of `text` wrapped at spaces to `width` characters (a word
    longer than a line is a line of its own); as `textwrap.wrap(text, width)[:most]` for
    ordinary sentences, and fast enough for every event of a large corpus."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            if len(lines) == most:
                return lines
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def _hover(e: Any) -> str:
    when = e.date.strftime("%a %d %b %Y")
    if pd.notna(e.date_end):
        when += " – " + e.date_end.strftime("%a %d %b %Y")
    phrase = (
        f"“{escape(e.date_text)}”"
        if pd.notna(e.date_text)
        else "not dated: the day of its occasion, stated earlier"
        if e.resolution == "occasion"
        else "not dated: published"
    )
    quoted = " (inside a quotation)" if e.in_quote else ""
    sentence = "<br>".join(escape(line) for line in _first_lines(str(e.text)))
    return (
        f"<b>{escape(e.who)}</b> · {escape(e.action)} · {escape(e.outlet)}<br>"
        f"{when} — {phrase}{quoted}, {escape(e.resolution)}<br>{sentence}"
    )


def _conflicts(happenings: pd.DataFrame, rows: pd.DataFrame, *, actors: set[str]) -> dict[str, Any]:
    """Returns the trace joining the days that the shown events of a conflicting happening state
    (drawn only while at least two different days are shown, and for the `actors` drawn on a row
    of their own). Its label runs from the line towards the middle of the shown dates, so it
    stays inside the plot."""
    stated = rows[rows.resolution.isin(["explicit", "relative"])]
    day_of = {
        f"{a}:{e}": (a, d)
        for a, e, d in zip(stated.article_id, stated.event_id, stated.date, strict=True)
    }
    xs: list[object] = []
    ys: list[object] = []
    texts: list[str] = []
    positions: list[str] = []
    ends = rows.date_end.fillna(rows.date)
    middle = rows.date.min() + (ends.max() - rows.date.min()) / 2 if len(rows) else None
    for h in rows_of(happenings[happenings.conflict]):
        told = dict(day_of[key] for key in h.events if key in day_of)
        days = sorted(set(told.values()))
        if len(days) < 2 or not isinstance(h.actor, str) or h.actor not in actors:
            continue
        label = "conflict: " + " vs ".join(f"{a} {d:%d %b}" for a, d in told.items())
        xs += [days[0] + pd.Timedelta(hours=12), days[-1] + pd.Timedelta(hours=12), None]
        ys += [escape(h.actor)] * 2 + [None]
        if days[0] < middle:  # the label starts at the line's first day and runs right
            texts += [escape(label), "", ""]
            positions += ["top right"] * 3
        else:  # it ends at the line's last day
            texts += ["", escape(label), ""]
            positions += ["top left"] * 3
    return {
        "type": "scatter",
        "mode": "lines+text",
        "name": "date conflict",
        "x": xs,
        "y": ys,
        "text": texts,
        "textposition": positions,
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
    spread: pd.DataFrame | None = None,
) -> go.Figure:
    """Which outlet carried each shared statement first, and how many days the others took.

    Args:
        articles: The `articles` table.
        statements: The `statements` table.
        selection: Which articles to show (and a search on the statement's label), and `top`:
            how many statements (`STATEMENT_ROWS` when None), the most widely carried.
        spread: `timeline.propagate_statements(statements, articles)`, made once for many
            selections (a notebook's filters); None makes it for this call.

    Returns:
        One heatmap trace: rows the statements carried by at least two selected articles (their id
        and label, shortened), columns the selected articles (with more than
        `MAX_ARTICLE_COLUMNS`, their outlets: the outlet's earliest carrier); a cell is the delay
        in days after the first carrier ("first" for the first, "undated" without a publication
        date), empty when the article does not carry the statement.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    if spread is None:
        spread = propagate_statements(statements, articles)
    spread = spread[spread.article_id.isin(shown.article_id)]
    if selection.search:
        spread = spread[spread.label.str.contains(selection.search, case=False, regex=False)]
    carried = spread.groupby("statement_id").article_id.transform("nunique")
    spread = spread[carried >= 2]
    widest = spread.groupby("statement_id", sort=False).article_id.nunique()
    statement_ids = rank_top(widest, n=selection.top or STATEMENT_ROWS)
    spread = spread[spread.statement_id.isin(statement_ids)]
    by_outlet = len(shown) > MAX_ARTICLE_COLUMNS
    if by_outlet:
        keys = sorted(shown.outlet.unique(), key=str.casefold)
        columns = keys
        # The outlet's earliest carrier stands for it (undated carriers last).
        spread = spread.assign(article_id=spread.outlet).sort_values(
            ["delay_days", "first"], ascending=[True, False], na_position="last", kind="stable"
        )
        spread = spread.drop_duplicates(["statement_id", "article_id"])
    else:
        columns = [f"{o} · {a}" for o, a in zip(shown.outlet, shown.article_id, strict=True)]
        keys = list(shown.article_id)
    by_cell = {(r.statement_id, r.article_id): r for r in rows_of(spread)}
    labels = {r.statement_id: r.label for r in rows_of(spread)}
    z, text = [], []
    for sid in statement_ids:
        cells = [by_cell.get((sid, a)) for a in keys]
        z.append([None if c is None or pd.isna(c.delay_days) else int(c.delay_days) for c in cells])
        text.append([_delay_text(c) for c in cells])
    y = [f"{sid} · {_snippet(labels[sid], 40)}" for sid in statement_ids]
    x = [escape(c) for c in columns]
    longest = max((d for row in z for d in row if d is not None), default=0)
    trace = {
        "type": "heatmap",
        "x": x,
        "y": y,
        "z": z,
        "text": text,
        "texttemplate": "%{text}",
        "textfont": {"size": 11},
        "colorscale": "Oranges",
        "zmin": 0,
        "zmax": max(1, longest),
        "colorbar": {  # whole days; the title along the bar, clear of its ticks
            "title": {"text": "days after first", "side": "right"},
            "tickformat": ",d",
            "dtick": max(1, -(-longest // 5)),
        },
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
            describe_top(len(statement_ids), len(widest), "statements", summed=False)
            + " carried by at least two selected articles, the most widely carried first; by "
            "publication date (a day is the finest the corpus gives)."
            + (
                f" One column per outlet ({len(shown)} articles are more than "
                f"{MAX_ARTICLE_COLUMNS}): its earliest carrier."
                if by_outlet
                else ""
            ),
            selection,
        ),
        layout={
            # Article columns: the outlet wrapped, small, unrotated (as the statement grid's).
            "xaxis": wrap_labels(x, width=COLUMN_LABEL_WIDTH + 4, size=11),
            "yaxis": {"autorange": "reversed", "dtick": 1, "tickfont": {"size": 12}},
            "height": content_height(len(statement_ids), row=24, frame=340),
        },
        empty=not statement_ids,
    )


def _delay_text(cell: Any) -> str:
    """Returns a propagation cell's text: empty (not carried), "first", "+N d" or "undated"."""
    if cell is None:
        return ""
    if cell.first:
        return "first"
    return "undated" if pd.isna(cell.delay_days) else f"+{cell.delay_days} d"
