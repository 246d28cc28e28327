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
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

import analysis
from analysis import timeline
from analysis.corpus.selection import Selection
from analysis.notebook import charts, timeline_views, views, widgets
from analysis.notebook.charts import overlap as overlap_charts
from analysis.notebook.charts import timeline as timeline_charts
from analysis.notebook.charts.overlap import (
    BOTTOM_LEFT,
    KIND_COLORS,
    KIND_LABELS,
    MAX_ARTICLE_COLUMNS,
    STATEMENT_ROWS,
    _column_labels,
    _labels,
    _snippet,
    compute_overlap,
    select_statements,
    wrap_labels,
)
from analysis.notebook.charts.quotes import (
    OTHER_COLOR,
    SPEAKER_NOT_STATED,
    select_utterances,
    speaker_colors,
)
from analysis.notebook.charts.style import distinct_colors
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
from analysis.notebook.views import format_dates, truncate
from analysis.timeline import summarize_happenings

ROOT = Path(__file__).resolve().parent.parent
#: The old overlap code codes article ids through Categoricals that pandas 4 will refuse.
pytestmark = pytest.mark.filterwarnings("ignore:Constructing a Categorical:Warning")

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
    outside_only = False
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
            plural(len(rows), "event")
            # The caption wording of the library's (no "of no actors" when nothing is drawn).
            + (f" of {describe_top(len(kept), len(everyone), 'actors')}" if len(everyone) else "")
            + ". ● a stated date, ◆ resolved from the publication date "
            "(weekday, last week…), □ a statement on the day of its occasion (stated earlier in "
            "the article), ○ an undated statement at the publication date; a bar is a "
            "span, a dashed line joins days outlets disagree on."
            + "".join(f" {note[0].upper()}{note[1:]}." for note in notes),
            selection,
        ),
        layout={
            # Since issue 25's review: a day axis for points within two days.
            "xaxis": {
                "type": "date",
                "title": {"text": "date (part of day where stated)"},
                **timeline_charts._day_axis(
                    pd.to_datetime(drawn._x).to_numpy(), drawn.date_end.dropna().to_numpy()
                ),
            },
            "yaxis": {"type": "category", "title": {"text": ""}},
            "height": content_height(rows.who.nunique(), row=34, least=480),
        },
        empty=(timeline_charts.OUTSIDE_PERIOD if outside_only else True) if rows.empty else False,
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


def old_select_links(links: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Returns the links whose two sentences are both in the given articles (a copy)."""
    keep = links.article_a.isin(article_ids) & links.article_b.isin(article_ids)
    return links.loc[keep].copy()


def old_plot_overlap_matrix(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    links: pd.DataFrame,
    *,
    selection: Selection | None = None,
) -> go.Figure:
    """Heatmap of how much each article shares with each other one.

    Args:
        articles: The `articles` table.
        sentences: The `sentences` table.
        links: The `links` table.
        selection: Which articles to show.

    Returns:
        One heatmap trace: rows and columns the selected articles; a cell is the share (%) of the
        row article's sentences linked to a sentence of the column article. With more than
        `MAX_ARTICLE_COLUMNS` selected articles, rows and columns are their outlets
        (`old_compute_outlet_overlap`).
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    by_outlet = len(shown) > MAX_ARTICLE_COLUMNS
    if not by_outlet:
        links = old_select_links(links, list(shown.article_id))
    if by_outlet:  # it keeps the links between the shown articles itself
        matrix = old_compute_outlet_overlap(links, sentences, shown) * 100
        n_links = int(matrix.attrs["links"])
        labels = [escape(o) for o in matrix.index]
        unit = "outlet"
    else:
        matrix = compute_overlap(links, sentences, shown) * 100
        n_links = len(links)
        labels = _labels(shown)
        unit = "article"
    trace = {
        "type": "heatmap",
        "x": labels,
        "y": labels,
        "z": matrix.round(0).to_numpy().tolist(),
        "colorscale": "Blues",
        "zmin": 0,
        "zmax": 100,
        "texttemplate": "%{z:.0f}%",
        "colorbar": {"title": {"text": "% shared", "side": "right"}, "ticksuffix": "%"},
        "hovertemplate": "%{z:.0f}% of %{y}'s sentences have a counterpart in %{x}"
        + (" (another article)" if by_outlet else "")
        + "<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    per_outlet = (
        f" One row and column per outlet ({len(shown)} articles are more than "
        f"{MAX_ARTICLE_COLUMNS}); the diagonal counts links between an outlet's own articles."
        if by_outlet
        else ""
    )
    return make_figure(
        [trace] if len(shown) > 1 else [],  # since issue 25's review: no lone cell
        title=f"Coverage overlap: share of each {unit}'s sentences found in another",
        caption=_caption(
            articles,
            shown,
            f"{plural(n_links, 'link')} between their sentences." + per_outlet,
            selection,
        ),
        layout={
            "yaxis": {"autorange": "reversed", **wrap_labels(labels, width=30, size=12)},
            "xaxis": _column_labels(labels),
            "height": content_height(len(labels), row=40 if by_outlet else 70, frame=260),
        },
        empty=overlap_charts.ONE_ARTICLE if len(shown) == 1 else shown.empty,
    )


def old_compute_outlet_overlap(
    links: pd.DataFrame, sentences: pd.DataFrame, shown: pd.DataFrame
) -> pd.DataFrame:
    """Returns the outlet × outlet overlap of the selected articles: the share of the row outlet's
    sentences linked to a sentence of another article of the column outlet.

    Args:
        links: The links (those between two shown articles count).
        sentences: The `sentences` table.
        shown: The selected articles (their outlets are the rows and columns, in corpus colour
            order).

    Returns:
        A DataFrame of shares in [0, 1], index and columns the outlets; `attrs["links"]` is the
        number of links between shown articles.
    """
    outlets = sorted(shown.outlet.unique(), key=str.casefold)
    ids = list(shown.article_id)
    n = len(outlets)
    # Integer codes throughout (a large corpus has hundreds of thousands of links): an article's
    # position in `ids`, its outlet's in `outlets`, a sentence as article × 10⁶ + sentence id.
    outlet_code = np.array([outlets.index(o) for o in shown.outlet], dtype="int64")
    own = pd.Categorical(sentences.article_id, categories=ids).codes.astype("int64")
    counts = np.bincount(outlet_code[own[own >= 0]], minlength=n)
    keys = []
    codes = {
        side: pd.Categorical(links[f"article_{side}"], categories=ids).codes.astype("int64")
        for side in ("a", "b")
    }
    for row, col in (("a", "b"), ("b", "a")):
        r, c = codes[row], codes[col]
        ok = (r >= 0) & (c >= 0)
        sentence = r[ok] * 1_000_000 + links[f"sentence_{row}"].to_numpy(dtype="int64")[ok]
        keys.append(sentence * n + outlet_code[c[ok]])
    linked = np.unique(np.concatenate(keys))  # each sentence once per outlet it is linked to
    shared = np.zeros((n, n))
    np.add.at(shared, (outlet_code[linked // n // 1_000_000], linked % n), 1)
    share = pd.DataFrame(shared / np.clip(counts, 1, None)[:, None], index=outlets, columns=outlets)
    share.attrs["links"] = int(((codes["a"] >= 0) & (codes["b"] >= 0)).sum())
    return share


def old_sentence_keys(articles: pd.Series, sentences: pd.Series, ids: list[str]) -> np.ndarray:
    """Returns one integer per (article, sentence): the article's position in `ids` (-1 when not
    there) times a million plus the sentence id."""
    codes = pd.Categorical(articles, categories=ids).codes.astype("int64")
    return np.where(codes >= 0, codes * 1_000_000 + sentences.to_numpy(dtype="int64"), -1)


def old_plot_statement_grid(
    articles: pd.DataFrame,
    statements: pd.DataFrame,
    links: pd.DataFrame,
    *,
    selection: Selection | None = None,
) -> go.Figure:
    """Grid of which outlet carried which statement, coloured by how close its wording is.

    Args:
        articles: The `articles` table.
        statements: The `statements` table.
        links: The `links` table.
        selection: Which articles to show, and `top`: how many statements (`STATEMENT_ROWS`
            when None).

    Returns:
        One heatmap trace: rows the statements at least two selected articles carry (their id and
        label, shortened; the most widely carried first, at most `top`), columns the selected
        articles (with more than `MAX_ARTICLE_COLUMNS`, their outlets); 4 = verbatim, 3 =
        near-verbatim, 2 = shared quote only, 1 = paraphrase (the closest link of that article's
        sentence to another selected article's within the statement; for an outlet, the closest
        of its articles'), 0 = not carried.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    ids = list(shown.article_id)
    links = old_select_links(links, ids)
    statements = select_statements(statements, ids)
    grouped = statements.groupby("statement_id", sort=False)
    widest = grouped.size()
    groups = rank_top(widest, n=selection.top or STATEMENT_ROWS)
    # The closest link of each drawn statement's sentences (sentences as integer keys).
    drawn = statements[statements.statement_id.isin(groups)]
    member_keys = old_sentence_keys(drawn.article_id, drawn.sentence_id, ids)
    rank = {kind: i for i, kind in enumerate(KIND_COLORS)}
    ranks = links.kind.astype("str").map(rank).to_numpy(dtype="int64")
    sides = []
    for side in ("a", "b"):
        keys = old_sentence_keys(links[f"article_{side}"], links[f"sentence_{side}"], ids)
        mine = np.isin(keys, member_keys)
        sides.append(pd.Series(ranks[mine], index=keys[mine]))
    closest = pd.concat(sides).groupby(level=0).max()
    best = dict(zip(closest.index.tolist(), closest.tolist(), strict=True))
    by_outlet = len(shown) > MAX_ARTICLE_COLUMNS
    if by_outlet:
        outlet_of = dict(zip(shown.article_id, shown.outlet, strict=True))
        columns = sorted(shown.outlet.unique(), key=str.casefold)
        x = [escape(o) for o in columns]
    else:
        outlet_of = {a: a for a in ids}
        columns, x = ids, _labels(shown)
    z, names = [], []
    for sid in groups:
        rows = grouped.get_group(sid)
        cell: dict[str, int] = {}
        keys = old_sentence_keys(rows.article_id, rows.sentence_id, ids).tolist()
        for a, key in zip(rows.article_id.tolist(), keys, strict=True):
            column = outlet_of[a]
            cell[column] = max(cell.get(column, 0), best.get(key, 1))
        z.append([cell.get(c, 0) for c in columns])
        names.append(f"{sid} · {_snippet(rows.label.iloc[0], 40)}")
    n = len(KIND_COLORS)
    scale = []
    for i, color in enumerate(KIND_COLORS.values()):
        scale += [[i / n, color], [(i + 1) / n, color]]
    trace = {
        "type": "heatmap",
        "x": x,
        "y": names,
        "z": z,
        "zmin": -0.5,
        "zmax": n - 0.5,
        "colorscale": scale,
        "colorbar": {  # a key below the grid, so the columns keep the width
            "tickvals": list(range(n)),
            "ticktext": list(KIND_LABELS.values()),
            "orientation": "h",
            **BOTTOM_LEFT,
            "len": 560,
            "lenmode": "pixels",
            "thickness": 14,
        },
        "customdata": [[KIND_LABELS[list(KIND_COLORS)[v]] for v in row] for row in z],
        "hovertemplate": "%{y}<br>%{x}: %{customdata}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    per_outlet = (
        f" One column per outlet ({len(shown)} articles are more than {MAX_ARTICLE_COLUMNS}): "
        "the closest wording among its articles."
        if by_outlet
        else ""
    )
    return make_figure(
        [trace],
        title="Which outlet carried which statement, and how close the wording is",
        caption=_caption(
            articles,
            shown,
            describe_top(len(groups), len(widest), "statements", summed=False)
            + f" carried by 2 or more of them ({plural(len(links), 'link')}). Kind: how alike "
            "the whole sentences are; the statement ids are stable (see the key table)."
            + per_outlet,
            selection,
        ),
        layout={
            "yaxis": {"autorange": "reversed", "dtick": 1, "tickfont": {"size": 12}},
            "xaxis": {**_column_labels(x)},
            "height": content_height(len(groups), row=24, frame=340),
        },
        empty=not groups,
    )


def old_select_happenings(
    happenings: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, selection: Selection
) -> pd.DataFrame:
    """Returns the happenings at least one of whose events the selection keeps (a new frame)."""
    kept = select_events(events, articles, selection)
    keys = set(kept.article_id.astype("str") + ":" + kept.event_id.astype("str"))
    return happenings[happenings.events.map(lambda members: any(e in keys for e in members))]


def old_summarize_selected_happenings(
    happenings: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, selection: Selection
) -> pd.DataFrame:
    """Returns `timeline.summarize_happenings` of the happenings the selection keeps, with a
    column per selected outlet (the filters on events are applied through the events)."""
    chosen = old_select_happenings(happenings, events, articles, selection)
    return summarize_happenings(chosen, articles, replace(selection, search="", choices=()))


def old_select_report_delays(
    delays: pd.DataFrame,
    happenings: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    selection: Selection,
) -> pd.DataFrame:
    """Returns the rows of `timeline.tabulate_report_delays` whose happening the selection keeps
    and whose article it selects (a new frame)."""
    chosen = old_select_happenings(happenings, events, articles, selection)
    shown = set(selection.select_articles(articles).article_id)
    keep = delays.happening_id.isin(chosen.happening_id) & delays.article_id.isin(shown)
    return delays[keep].reset_index(drop=True)


def old_shorten_columns(frame: pd.DataFrame, *, max_chars: int = 120) -> pd.DataFrame:
    """Shortens every text column of a table for display (the values stay plain text), and
    writes dates as `YYYY-MM-DD` (with the time when any has one), a missing date as "".

    Args:
        frame: Any table; it is not modified.
        max_chars: The longest text kept whole.

    Returns:
        A copy whose text cells are at most `max_chars` characters.
    """
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = format_dates(out[column])
        elif pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(lambda v: truncate(v, max_chars=max_chars))
    return out


def old_plot_voice_share(
    articles: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    groups: pd.Series | None = None,
    measure: str = "quotes",
    selection: Selection | None = None,
    utterances: pd.DataFrame | None = None,
    colors: Mapping[str, str] | None = None,
) -> go.Figure:
    """Stacked bars of who gets to speak in each outlet: the share of utterances (or of quoted
    words) by speaker, or by speaker group. An utterance is counted once: a partial quote inside
    an indirect one, or a reported clause going on after a direct quote, is part of its parent
    (`quotes.parent_quote_id`); a quotation over several paragraphs is one quote. Quotes without
    a speaker show as "speaker not stated".

    Args:
        articles: The `articles` table.
        quotes: The `quotes` table.
        groups: A speaker group per quote (same index as `quotes`, e.g. from
            `quotes.group_speakers`); None shows speakers.
        measure: "quotes" (each utterance counts 1) or "words" (the words of the utterance, its
            rows' spans joined).
        selection: Outlets, dates, search on the quote text, choices (kind, speaker), and `top`
            (speakers or groups drawn on their own; `DEFAULT_TOP` when None).
        utterances: `quotes.count_utterances(quotes)`, computed once, so a filter change does
            not count the utterances again (`select_utterances`).
        colors: The colour of each speaker and group (`speaker_colors`), computed once for the
            corpus so that a name keeps its colour in every chart and under every filter; None
            computes it from `quotes` and `groups`.

    Returns:
        One bar trace per speaker (or group) among the `top` most quoted in the selection, most
        quoted first, then one "other (k more)" trace summing the rest; x is the percentage of
        the outlet's quotes (or words), y the outlet.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    who = groups if groups is not None else quotes.speaker
    all_quotes = quotes.assign(who=who.fillna(SPEAKER_NOT_STATED).astype("str"))
    rows = select_utterances(selection.select_rows(all_quotes, articles), utterances=utterances)
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    weight = rows.n_words if measure == "words" else 1
    rows = rows.assign(outlet=rows.article_id.map(outlet_of), weight=weight)
    # Shares are of all the outlet's quotes: a speaker filter shows that speaker's share, not 100 %.
    everyone = replace(selection, choices=tuple(c for c in selection.choices if c[0] != "speaker"))
    base = select_utterances(everyone.select_rows(all_quotes, articles), utterances=utterances)
    base_weight = base.n_words if measure == "words" else 1
    totals = (
        base.assign(outlet=base.article_id.map(outlet_of), weight=base_weight)
        .groupby("outlet")
        .weight.sum()
    )
    ranked = rank_top(rows.groupby("who").weight.sum(), n=selection.top or DEFAULT_TOP)
    everyone_who = rows.who.nunique()
    rows = rows.assign(who=fold_rest(rows.who, keep=ranked))
    share = rows.groupby(["who", "outlet"]).weight.sum()
    present = set(shown.outlet.tolist())
    outlets = [o for o in outlet_colors(articles) if o in present]
    # Each name's corpus-wide colour (the same under every filter); the folded rest is grey.
    palette = colors if colors is not None else speaker_colors(quotes, groups)
    # Since issue 25's review: distinct colours in a chart and a height from the outlets.
    colors = distinct_colors(
        {w: palette.get(w, OTHER_COLOR) for w in ranked}, keep_order=list(palette)
    )
    colors |= {w: OTHER_COLOR for w in dict.fromkeys(rows.who) if w not in colors}
    traces = []
    for name, color in colors.items():
        values = [
            round(100 * float(share.get((name, o), 0)) / float(totals.get(o, 1) or 1), 1)
            for o in outlets
        ]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": escape(name),
                "x": values,
                "y": [escape(o) for o in outlets],
                "marker": {"color": color},
                "hovertemplate": "%{y}: " + escape(name) + " %{x}%<extra></extra>",
            }
        )
    unit = "quoted words" if measure == "words" else "utterances"
    title = f"Who gets to speak: share of {unit} by {'group' if groups is not None else 'speaker'}"
    return make_figure(
        traces,
        title=title,
        caption=_caption(
            articles,
            shown,
            f"{len(rows)} utterances (direct, partial and indirect quotes; a partial quote inside "
            "an indirect one counts once); "
            + describe_top(len(ranked), everyone_who, "speakers" if groups is None else "groups")
            + ".",
            selection,
        ),
        layout={
            "barmode": "stack",
            "xaxis": {"title": {"text": f"% of the outlet's {unit}"}, "range": [0, 100]},
            "yaxis": {"autorange": "reversed"},
            "height": content_height(len(outlets), row=30, least=520),
            "legend": {"traceorder": "normal"},
        },
    )


def old_summarize_statements(
    statements: pd.DataFrame, articles: pd.DataFrame, selection: Selection | None = None
) -> pd.DataFrame:
    """Returns the key of the statement grid: each statement's id, who carries it, its full text.

    Args:
        statements: The `statements` table.
        articles: The `articles` table.
        selection: Which articles count (the statements two or more of them carry are listed).

    Returns:
        One row per statement, most widely carried first: statement_id, articles (how many
        selected articles carry it), outlets (their names) and label (the full sentence).
    """
    ids = list((selection or Selection()).select_articles(articles).article_id)
    rows = select_statements(statements, ids)
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    grouped = rows.groupby("statement_id", sort=False)
    return pd.DataFrame(
        {
            "statement_id": list(grouped.groups),
            "articles": grouped.size().to_numpy(),
            "outlets": [
                ", ".join(sorted({outlet[a] for a in g.article_id}, key=str.casefold))
                for _, g in grouped
            ],
            "label": grouped.label.first().to_numpy(),
        }
    )


# After ----------------------------------------------------------------------------------------


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


def test_overlap_charts_coded_once_and_selected_draw_the_same(corpus) -> None:
    tables = corpus
    index = overlap_charts.index_overlap(
        tables.articles, tables.sentences, tables.links, tables.statements
    )
    a, s, links, st = tables.articles, tables.sentences, tables.links, tables.statements
    for selection in selections(tables):
        for new, old in [
            (
                overlap_charts.plot_overlap_matrix(a, s, links, selection=selection, index=index),
                old_plot_overlap_matrix(a, s, links, selection=selection),
            ),
            (
                overlap_charts.plot_overlap_matrix(a, s, links, selection=selection),
                old_plot_overlap_matrix(a, s, links, selection=selection),
            ),
            (
                overlap_charts.plot_statement_grid(a, st, links, selection=selection, index=index),
                old_plot_statement_grid(a, st, links, selection=selection),
            ),
            (
                overlap_charts.plot_statement_grid(a, st, links, selection=selection),
                old_plot_statement_grid(a, st, links, selection=selection),
            ),
        ]:
            assert as_json(new) == as_json(old)
        shown = selection.select_articles(a)
        pd.testing.assert_frame_equal(
            overlap_charts.compute_outlet_overlap(links, s, shown, index=index),
            old_compute_outlet_overlap(links, s, shown),
        )
        for key in (
            views.summarize_statements(st, a, selection, index=index),
            views.summarize_statements(st, a, selection),
        ):
            pd.testing.assert_frame_equal(key, old_summarize_statements(st, a, selection))


def test_variant_view_reads_only_the_statement_s_sentences(corpus) -> None:
    from analysis.overlap.statements import render_variants

    tables = corpus
    index = overlap_charts.index_overlap(
        tables.articles, tables.sentences, tables.links, tables.statements
    )
    shown_once = 0
    for selection in selections(tables):
        for view in (widgets.VariantView(tables, index=index), widgets.VariantView(tables)):
            view.refresh(selection)
            ids = list(selection.select_articles(tables.articles).article_id)
            rows = select_statements(tables.statements, ids)
            if view.picker.value is None:
                assert rows.empty
                continue
            old = render_variants(
                view.picker.value,
                rows,
                tables.sentences,
                tables.articles,
                baseline=view.baseline.value,
            )
            assert view.view.value == old
            shown_once += 1
    assert shown_once >= 8  # most selections show a statement


def test_happening_tables_grouped_once_and_selected_equal_the_scan(corpus) -> None:
    tables = corpus
    h, e, a = tables.happenings, tables.events, tables.articles
    grouped = timeline_views.HappeningIndex(h, e)
    delays = timeline.tabulate_report_delays(h, a)
    rows = 0
    for selection in selections(tables):
        new = timeline_views.summarize_selected_happenings(h, e, a, selection, index=grouped)
        old = old_summarize_selected_happenings(h, e, a, selection)
        # The old table took its date unit from the values (seconds or nanoseconds): the same
        # dates, and the same text in the notebook's table.
        pd.testing.assert_frame_equal(new, old, check_dtype=False)
        assert list(new.dtypes.astype(str)) == [
            "datetime64[ns]" if t.startswith("datetime64") else t for t in old.dtypes.astype(str)
        ]
        pd.testing.assert_frame_equal(views.shorten_columns(new), old_shorten_columns(old))
        rows += len(new)
        pd.testing.assert_frame_equal(
            timeline_views.select_report_delays(delays, h, e, a, selection, index=grouped),
            old_select_report_delays(delays, h, e, a, selection),
        )
        pd.testing.assert_frame_equal(
            timeline_views.select_happenings(h, e, a, selection),
            old_select_happenings(h, e, a, selection),
        )
    assert rows > 0


def test_shorten_columns_shortens_each_distinct_text_as_every_cell() -> None:
    long = "word " * 40
    frame = pd.DataFrame(
        {
            "text": pd.Series(["x", None, long, "  two   spaces ", "x", "tab\there"], dtype="str"),
            "na": pd.Series(["x", pd.NA, long, "y", "x", "z"], dtype="string"),
            "mixed": pd.Series([1, "x", None, 2.5, True, ["l"]], dtype="object"),
            "day": pd.to_datetime(["2022-08-04", None, "2022-08-05", None, None, "2022-01-01"]),
            "n": [1, 2, 3, 4, 5, 6],
        }
    ).set_axis([5, 3, 1, 0, 2, 9])  # an index not in order
    for most in (120, 10):
        pd.testing.assert_frame_equal(
            views.shorten_columns(frame, max_chars=most), old_shorten_columns(frame, max_chars=most)
        )
    shown = views.shorten_columns(frame.reset_index(drop=True), max_chars=10)
    assert shown.text.tolist() == ["x", "", "word word…", "two spaces", "x", "tab here"]


def test_voice_share_selecting_every_speaker_once_draws_the_same(corpus) -> None:
    from analysis import quotes

    tables = corpus
    q = quotes.label_speakers(tables.quotes)
    groups = quotes.group_speakers(q, quotes.read_actors(ROOT / "corpus" / "actors.yml"))
    utterances = quotes.count_utterances(q)
    colors = charts.speaker_colors(q, groups)
    speakers = sorted(q.speaker.unique())
    extra = [
        Selection.of(choices={"speaker": speakers[:3]}),
        Selection.of(choices={"speaker": speakers[:2], "kind": ["direct"]}, search="said", top=2),
    ]
    for selection in [*selections(tables), *extra]:
        for options in ({}, {"groups": groups}, {"groups": groups, "measure": "words"}):
            new = charts.plot_voice_share(
                tables.articles,
                q,
                selection=selection,
                utterances=utterances,
                colors=colors,
                **options,
            )
            old = old_plot_voice_share(
                tables.articles,
                q,
                selection=selection,
                utterances=utterances,
                colors=colors,
                **options,
            )
            assert as_json(new) == as_json(old)
