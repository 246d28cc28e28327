"""Chart builders: pure functions from tables (and a `Selection`) to Plotly figures, in one style.

Every builder draws one trace per outlet (or per category) of the *whole* corpus, in a fixed order,
and leaves the traces of unselected outlets empty: the colours never move when a filter changes,
and a `FigureWidget` can be refreshed in place. Text taken from articles (titles, outlet names,
sentences) is HTML-escaped before it reaches a label or hover, since Plotly renders HTML tags.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .filters import Selection
from .overlap import compute_overlap, link_keys

#: Okabe–Ito colours (colour-blind safe), then Paul Tol's "muted" set for corpora of more outlets.
OUTLET_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#000000",
    "#F0E442",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
#: Colours for non-outlet categories (reasons, kinds): greys and muted tones, distinct from outlets.
CATEGORY_PALETTE = ("#4D4D4D", "#8C8C8C", "#BDBDBD", "#A6761D", "#1B9E77", "#7570B3", "#E7298A")
TEMPLATE_NAME = "coverage_lens"
FONT = "Inter, 'Helvetica Neue', Helvetica, Arial, sans-serif"

#: The frame of every chart: title and source caption at the top left of the figure (placed
#: relative to the figure, so labels of any length never push them off), legend on the right,
#: axes that grow their margins to fit their tick labels. Nothing sits below the x axis but its
#: labels and title, so long or rotated labels cannot collide with anything.
pio.templates[TEMPLATE_NAME] = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT, "size": 14, "color": "#222222"},
        title={
            "font": {"size": 19},
            "x": 0.01,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 14},
            "subtitle": {"font": {"size": 13, "color": "#555555"}},
        },
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=list(OUTLET_PALETTE),
        xaxis={
            "gridcolor": "#E6E6E6",
            "linecolor": "#999999",
            "ticks": "outside",
            "zeroline": False,
            "automargin": True,
        },
        yaxis={
            "gridcolor": "#E6E6E6",
            "linecolor": "#999999",
            "ticks": "outside",
            "zeroline": False,
            "automargin": True,
        },
        legend={
            "orientation": "v",
            "x": 1.02,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
            "title": {"text": ""},
        },
        margin={"l": 80, "r": 30, "t": 100, "b": 60},
        hoverlabel={"font": {"family": FONT, "size": 13}},
        height=520,
    )
)


def escape(text: object) -> str:
    """Returns `text` as a string that Plotly shows literally (HTML-escaped)."""
    return html.escape(str(text), quote=False)


def outlet_colors(articles: pd.DataFrame) -> dict[str, str]:
    """Gives every outlet of the corpus its colour, the same in every chart.

    Args:
        articles: The whole `articles` table (not a filtered one).

    Returns:
        A colour per outlet, in alphabetical outlet order; the palette repeats past 17 outlets.
    """
    outlets = sorted(articles.outlet.unique(), key=str.casefold)
    return {o: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, o in enumerate(outlets)}


#: One day in milliseconds (Plotly's unit for date-axis tick spacing).
DAY_MS = 86_400_000
#: Characters per line of the source caption and of wrapped category labels (and of the column
#: labels of heatmaps, which are narrower).
CAPTION_WIDTH = 110
LABEL_WIDTH = 16
COLUMN_LABEL_WIDTH = 11


def make_figure(
    traces: list[dict[str, Any]],
    *,
    title: str,
    caption: str,
    layout: dict[str, Any] | None = None,
) -> go.Figure:
    """Builds a figure in the project style: template, a title that says what is shown and the
    source caption under it, at the top left of the figure. (One construction: much faster than
    adding traces one by one, which matters when filters redraw charts.)

    Args:
        traces: Plotly trace dicts (with "type").
        title: What the chart shows (escaped here).
        caption: The source/caption line (escaped and wrapped here).
        layout: More layout properties; its `margin` entries are merged with the frame's.

    Returns:
        The figure.
    """
    lines = textwrap.wrap(caption, CAPTION_WIDTH) or [""]
    full_layout: dict[str, Any] = {
        "template": TEMPLATE_NAME,
        "title": {
            "text": escape(title),
            "subtitle": {"text": "<br>".join(escape(line) for line in lines)},
        },
        **(layout or {}),
    }
    full_layout["margin"] = {"t": 64 + 17 * len(lines), **(layout or {}).get("margin", {})}
    return go.Figure(data=traces, layout=full_layout)


def wrap_labels(
    labels: Sequence[str], *, width: int = LABEL_WIDTH, size: int = 14
) -> dict[str, Any]:
    """Returns axis properties that show (already escaped) category labels wrapped onto lines of
    about `width` characters in `size` px, unrotated; the categories themselves stay as they are."""
    return {
        "tickfont": {"size": size},
        "tickmode": "array",
        "tickvals": list(labels),
        "ticktext": [
            "<br>".join(
                escape(line)
                for line in textwrap.wrap(html.unescape(label), width, break_long_words=False)
            )
            for label in labels
        ],
        "tickangle": 0,
    }


def _caption(articles: pd.DataFrame, shown: pd.DataFrame, what: str) -> str:
    return (
        f"Source: Coverage Lens corpus, {len(shown)} of {len(articles)} articles "
        f"({shown.outlet.nunique()} outlets). {what}"
    )


def _word_counts(texts: pd.Series) -> list[int]:
    return [len(str(t).split()) for t in texts]


def _snippet(text: object, max_chars: int = 140) -> str:
    text = str(text)
    return escape(text if len(text) <= max_chars else text[: max_chars - 1] + "…")


def _labels(rows: pd.DataFrame) -> list[str]:
    return [escape(f"{o} · {a}") for o, a in zip(rows.outlet, rows.article_id, strict=True)]


def plot_article_lengths(
    articles: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Bar chart of each article's length in words, coloured by outlet.

    Args:
        articles: The `articles` table.
        selection: Which articles to show; all by default.

    Returns:
        One horizontal bar trace per outlet of the corpus; x is `n_words`, y the article label.
    """
    shown = (selection or Selection()).select_articles(articles)
    traces = []
    for outlet, color in outlet_colors(articles).items():
        rows = shown[shown.outlet == outlet]
        titles = [escape(t) if isinstance(t, str) else "(no title)" for t in rows.title]
        traces.append(
            {
                "type": "bar",
                "name": escape(outlet),
                "x": rows.n_words.tolist(),
                "y": _labels(rows),
                "orientation": "h",
                "marker": {"color": color},
                "customdata": list(zip(titles, rows.n_sentences, rows.n_paragraphs, strict=True)),
                "hovertemplate": "%{y}<br>%{customdata[0]}<br>%{x} words, %{customdata[1]} "
                "sentences, %{customdata[2]} paragraphs<extra></extra>",
            }
        )
    return make_figure(
        traces,
        title="Article length in words",
        caption=_caption(articles, shown, "Words: word tokens of the cleaned body."),
        layout={
            "xaxis": {"title": {"text": "words in the cleaned body"}},
            "yaxis": {"autorange": "reversed"},
            "showlegend": False,  # the bar labels name the outlets
        },
    )


def plot_publication_timeline(
    articles: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Dot chart of when each article was published and how long it is, coloured by outlet.

    Args:
        articles: The `articles` table.
        selection: Which articles to show; all by default.

    Returns:
        One marker trace per outlet: x is `published`, y is `n_words`. Undated articles are left
        out and counted in the caption.
    """
    shown = (selection or Selection()).select_articles(articles)
    dated = shown[shown.published.notna()]
    traces = []
    for outlet, color in outlet_colors(articles).items():
        rows = dated[dated.outlet == outlet]
        traces.append(
            {
                "type": "scatter",
                "name": escape(outlet),
                "x": rows.published.tolist(),
                "y": rows.n_words.tolist(),
                "mode": "markers",
                "marker": {"color": color, "size": 14, "line": {"width": 1, "color": "white"}},
                "text": _labels(rows),
                "hovertemplate": "%{text}<br>published %{x|%d %b %Y}<br>%{y} words<extra></extra>",
            }
        )
    undated = len(shown) - len(dated)
    note = f" {undated} undated article(s) not shown." if undated else ""
    xaxis: dict[str, Any] = {"title": {"text": "publication date"}, "tickformat": "%d %b %Y"}
    if len(dated):
        # Dates are calendar days: ticks on whole days only (Plotly would repeat one day's label
        # at 3-hour ticks), at most about ten of them, and half a day of room at either end.
        first, last = dated.published.min(), dated.published.max()
        days = max(1, -(-(last - first).days // 10))
        half = pd.Timedelta(hours=12)
        xaxis |= {
            "dtick": days * DAY_MS,
            "tick0": first,
            "range": [first - half, last + half],
        }
    return make_figure(
        traces,
        title="When each article was published, and its length",
        caption=_caption(articles, shown, "Dates from the manifest." + note),
        layout={"xaxis": xaxis, "yaxis": {"title": {"text": "words"}}},
    )


def plot_removed_text(
    articles: pd.DataFrame, removed: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Stacked bars of how many raw characters cleaning removed from each article, by reason.

    Args:
        articles: The `articles` table.
        removed: The `removed` table.
        selection: Which articles to show; all by default.

    Returns:
        One bar trace per removal reason of the corpus; x is characters removed, y the article.
    """
    shown = (selection or Selection()).select_articles(articles)
    labels = _labels(shown)
    chars = (removed.end - removed.start).groupby([removed.reason, removed.article_id]).sum()
    traces = []
    for i, reason in enumerate(sorted(removed.reason.unique())):
        per_article = chars[reason]
        traces.append(
            {
                "type": "bar",
                "name": escape(reason),
                "x": [int(per_article.get(a, 0)) for a in shown.article_id],
                "y": labels,
                "orientation": "h",
                "marker": {"color": CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)]},
                "hovertemplate": "%{y}<br>%{x} characters: " + escape(reason) + "<extra></extra>",
            }
        )
    return make_figure(
        traces,
        title="What cleaning removed from each raw file",
        caption=_caption(articles, shown, "See the removed table for every span and its text."),
        layout={
            "barmode": "stack",
            "xaxis": {"title": {"text": "characters of the raw file removed"}},
            "yaxis": {"autorange": "reversed"},
        },
    )


def plot_sentence_lengths(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Box plot of sentence length in words, per outlet.

    Args:
        articles: The `articles` table.
        sentences: The `sentences` table.
        selection: Which articles (and, with a search, which sentences) to show.

    Returns:
        One box trace per outlet of the corpus; y is the words per sentence.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = selection.select_rows(sentences, articles)
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    outlets = rows.article_id.map(outlet_of)
    traces = []
    for outlet, color in outlet_colors(articles).items():
        texts = rows.text[outlets == outlet]
        traces.append(
            {
                "type": "box",
                "name": escape(outlet),
                "y": _word_counts(texts),
                "marker": {"color": color},
                "boxpoints": "all",
                "jitter": 0.4,
                "pointpos": 0,
                "text": [_snippet(t) for t in texts],
                "hovertemplate": "%{y} words: %{text}<extra></extra>",
            }
        )
    return make_figure(
        traces,
        title="Sentence length per outlet",
        caption=_caption(articles, shown, f"{len(rows)} sentences; words split on whitespace."),
        layout={
            "yaxis": {"title": {"text": "words per sentence"}},
            "xaxis": wrap_labels([escape(o) for o in outlet_colors(articles)]),
            "showlegend": False,
        },
    )


def plot_paragraph_structure(
    articles: pd.DataFrame, paragraphs: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Line chart of paragraph length through each article, coloured by outlet.

    Args:
        articles: The `articles` table.
        paragraphs: The `paragraphs` table.
        selection: Which articles to show; all by default.

    Returns:
        One line trace per article of the corpus (legend grouped by outlet); x is the paragraph's
        position (1 = first), y its length in words. Unselected articles' traces are empty.
    """
    shown = (selection or Selection()).select_articles(articles)
    visible = set(shown.article_id)
    colors = outlet_colors(articles)
    by_article = dict(list(paragraphs.groupby("article_id", sort=False)))
    traces = []
    for outlet, article_id, label in zip(
        articles.outlet, articles.article_id, _labels(articles), strict=True
    ):
        mine = by_article.get(article_id, paragraphs.head(0))
        if article_id not in visible:
            mine = mine.head(0)
        traces.append(
            {
                "type": "scatter",
                "name": label,
                "x": (mine.paragraph_id + 1).tolist(),
                "y": _word_counts(mine.text),
                "mode": "lines+markers",
                "line": {"color": colors[outlet], "width": 2},
                "legendgroup": escape(outlet),
                "text": [_snippet(t) for t in mine.text],
                "hovertemplate": "paragraph %{x}: %{y} words<br>%{text}"
                "<extra>%{fullData.name}</extra>",
            }
        )
    return make_figure(
        traces,
        title="Paragraph structure: length of each paragraph through the article",
        caption=_caption(articles, shown, "One line per article."),
        layout={
            "xaxis": {"title": {"text": "paragraph (1 = first)"}},
            "yaxis": {"title": {"text": "words in the paragraph"}},
        },
    )


#: Most entities a coverage heatmap shows (the most mentioned first).
HEATMAP_MAX_ROWS = 40


def plot_entity_coverage(
    articles: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    selection: Selection | None = None,
) -> go.Figure:
    """Heatmap of who and what each outlet mentions: entities × outlets, by number of mentions.

    Args:
        articles: The `articles` table.
        mentions: The `mentions` table.
        entities: The `entities` table.
        selection: Outlets, dates, entity labels (choice "label"), text search on the mention
            and `minimum` mentions over the selected outlets.

    Returns:
        One heatmap trace: x the selected outlets, y the entities (most mentioned at the top, at
        most `HEATMAP_MAX_ROWS`), z the number of mentions; hover lists the entity's aliases.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = selection.select_rows(mentions, articles).merge(
        articles[["article_id", "outlet"]], on="article_id"
    )
    counts = rows.groupby(["entity_id", "outlet"]).size().unstack(fill_value=0)
    outlets = [o for o in outlet_colors(articles) if o in set(shown.outlet)]
    counts = counts.reindex(columns=outlets, fill_value=0)
    totals = counts.sum(axis=1)
    counts = counts[totals >= selection.minimum]
    order = counts.sum(axis=1).sort_values(ascending=False, kind="stable")
    counts = counts.loc[order.index[:HEATMAP_MAX_ROWS]]
    name_of = dict(zip(entities.entity_id, entities.name, strict=True))
    label_of = dict(zip(entities.entity_id, entities.label, strict=True))
    aliases_of = dict(zip(entities.entity_id, entities.aliases, strict=True))
    names = [escape(f"{name_of[e]} ({label_of[e]})") for e in counts.index]
    aliases = [escape(", ".join(map(str, aliases_of[e]))) for e in counts.index]
    trace = {
        "type": "heatmap",
        "x": [escape(o) for o in counts.columns],
        "y": names,
        "z": counts.to_numpy().tolist(),
        "customdata": [[a] * len(counts.columns) for a in aliases],
        "colorscale": "Blues",
        "colorbar": {"title": {"text": "mentions"}},
        "hovertemplate": "%{y} in %{x}: %{z} mentions<br>written as: %{customdata}<extra></extra>",
        "texttemplate": "%{z}",
        "xgap": 2,
        "ygap": 2,
    }
    more = f" Top {HEATMAP_MAX_ROWS} shown." if len(order) > HEATMAP_MAX_ROWS else ""
    return make_figure(
        [trace],
        title="Who and what each outlet mentions",
        caption=_caption(
            articles,
            shown,
            f"{len(order)} entities with at least {selection.minimum} mention(s).{more}",
        ),
        layout={
            "yaxis": {"autorange": "reversed", "dtick": 1},
            "xaxis": wrap_labels(
                [escape(o) for o in counts.columns], width=COLUMN_LABEL_WIDTH, size=12
            ),
            "height": max(420, 200 + 24 * len(counts)),
        },
    )


def plot_voice_share(
    articles: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    groups: pd.Series | None = None,
    measure: str = "quotes",
    selection: Selection | None = None,
) -> go.Figure:
    """Stacked bars of who gets to speak in each outlet: the share of quotes (or of quoted words)
    by speaker, or by speaker group.

    Args:
        articles: The `articles` table.
        quotes: The `quotes` table.
        groups: A speaker group per quote (same index as `quotes`, e.g. from
            `quotes.group_speakers`); None shows speakers.
        measure: "quotes" (each quote counts 1) or "words" (quoted words).
        selection: Outlets, dates, search on the quote text, choices (kind, speaker).

    Returns:
        One bar trace per speaker (or group) of the whole corpus, most quoted first; x is the
        percentage of the outlet's quotes (or words), y the outlet.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    who = (groups if groups is not None else quotes.speaker).fillna("unknown").astype("str")
    all_quotes = quotes.assign(who=who)
    rows = selection.select_rows(all_quotes, articles)
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    weight = rows.text.map(lambda t: len(str(t).split())) if measure == "words" else 1
    rows = rows.assign(outlet=rows.article_id.map(outlet_of), weight=weight)
    totals = rows.groupby("outlet").weight.sum()
    share = rows.groupby(["who", "outlet"]).weight.sum()
    outlets = [o for o in outlet_colors(articles) if o in set(shown.outlet)]
    order = all_quotes.who.value_counts().index
    traces = []
    for i, name in enumerate(order):
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
                "marker": {"color": (OUTLET_PALETTE + CATEGORY_PALETTE)[::-1][i % 24]},
                "hovertemplate": "%{y}: " + escape(name) + " %{x}%<extra></extra>",
            }
        )
    unit = "quoted words" if measure == "words" else "quotes"
    title = f"Who gets to speak: share of {unit} by {'group' if groups is not None else 'speaker'}"
    return make_figure(
        traces,
        title=title,
        caption=_caption(articles, shown, f"{len(rows)} quotes (direct, partial and indirect)."),
        layout={
            "barmode": "stack",
            "xaxis": {"title": {"text": f"% of the outlet's {unit}"}, "range": [0, 100]},
            "yaxis": {"autorange": "reversed"},
            "legend": {"traceorder": "normal"},
        },
    )


def plot_attribution_verbs(
    articles: pd.DataFrame, quotes: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Grouped bars of the attribution verbs each outlet uses (said vs. claimed, accused, …).

    Args:
        articles: The `articles` table.
        quotes: The `quotes` table.
        selection: Outlets, dates, search, choices (kind, speaker).

    Returns:
        One bar trace per outlet of the corpus; x is the verb (the corpus's verbs, most used
        first), y the share (%) of that outlet's attributed quotes using it.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = selection.select_rows(quotes, articles)
    rows = rows[rows.cue.notna()]
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    verbs = list(quotes.cue.dropna().value_counts().index)
    traces = []
    for outlet, color in outlet_colors(articles).items():
        mine = rows[rows.article_id.map(outlet_of) == outlet]
        counts = mine.cue.value_counts()
        total = max(int(counts.sum()), 1)
        traces.append(
            {
                "type": "bar",
                "name": escape(outlet),
                "x": [escape(v) for v in verbs] if len(mine) else [],
                "y": [round(100 * int(counts.get(v, 0)) / total, 1) for v in verbs]
                if len(mine)
                else [],
                "customdata": [int(counts.get(v, 0)) for v in verbs] if len(mine) else [],
                "marker": {"color": color},
                "hovertemplate": escape(outlet)
                + ": %{x} in %{y}% of attributions (%{customdata})<extra></extra>",
            }
        )
    return make_figure(
        traces,
        title="How each outlet attributes quotes: the verbs it uses",
        caption=_caption(
            articles, shown, f"{len(rows)} attributed quotes; the verb is the lemma (said → say)."
        ),
        layout={
            "barmode": "group",
            "xaxis": {"title": {"text": "attribution verb"}, "tickangle": -45},
            "yaxis": {"title": {"text": "% of the outlet's attributed quotes"}},
        },
    )


def plot_overlap_matrix(
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
        row article's sentences linked to a sentence of the column article.
    """
    shown = (selection or Selection()).select_articles(articles)
    matrix = compute_overlap(links, sentences, shown) * 100
    labels = _labels(shown)
    trace = {
        "type": "heatmap",
        "x": labels,
        "y": labels,
        "z": matrix.round(0).to_numpy().tolist(),
        "colorscale": "Blues",
        "zmin": 0,
        "zmax": 100,
        "texttemplate": "%{z:.0f}%",
        "colorbar": {"title": {"text": "% shared"}},
        "hovertemplate": "%{z:.0f}% of %{y}'s sentences have a counterpart in %{x}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    return make_figure(
        [trace],
        title="Coverage overlap: share of each article's sentences found in another",
        caption=_caption(articles, shown, f"{len(links)} links between sentences."),
        layout={
            "yaxis": {"autorange": "reversed"},
            "xaxis": wrap_labels(labels, width=COLUMN_LABEL_WIDTH, size=12),
            "height": 560,
        },
    )


def plot_statement_grid(
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
        selection: Which articles to show.

    Returns:
        One heatmap trace: rows the statements (their label, shortened), columns the selected
        articles; 3 = verbatim, 2 = near-verbatim, 1 = paraphrase (the closest link of that
        article's sentence within the statement), 0 = not carried.
    """
    shown = (selection or Selection()).select_articles(articles)
    rank = {"verbatim": 3, "near_verbatim": 2, "paraphrase": 1}
    best: dict[tuple[str, int], int] = {}
    for pair, kind in zip(link_keys(links), links.kind.tolist(), strict=True):
        for key in pair:
            best[key] = max(best.get(key, 0), rank[str(kind)])
    ids = list(shown.article_id)
    groups = sorted(set(statements.statement_id.tolist()))
    z, names = [], []
    for sid in groups:
        rows = statements[statements.statement_id == sid]
        carried = dict(zip(rows.article_id.tolist(), rows.sentence_id.tolist(), strict=True))
        z.append([best.get((a, int(carried[a])), 1) if a in carried else 0 for a in ids])
        names.append(f"{sid}: {_snippet(rows.label.iloc[0], 48)}")
    trace = {
        "type": "heatmap",
        "x": _labels(shown),
        "y": names,
        "z": z,
        "zmin": 0,
        "zmax": 3,
        "colorscale": [
            [0.0, "#F2F2F2"],
            [0.25, "#F2F2F2"],
            [0.25, "#CC79A7"],
            [0.5, "#CC79A7"],
            [0.5, "#56B4E9"],
            [0.75, "#56B4E9"],
            [0.75, "#0072B2"],
            [1.0, "#0072B2"],
        ],
        "colorbar": {
            "tickvals": [0.375, 1.125, 1.875, 2.625],
            "ticktext": ["not carried", "paraphrase", "near-verbatim", "verbatim"],
        },
        "hovertemplate": "%{y}<br>%{x}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    return make_figure(
        [trace],
        title="Which outlet carried which statement, and how close the wording is",
        caption=_caption(articles, shown, f"{len(groups)} statements carried by 2+ articles."),
        layout={
            "yaxis": {"autorange": "reversed", "dtick": 1},
            "xaxis": wrap_labels(_labels(shown), width=COLUMN_LABEL_WIDTH, size=12),
            "height": max(460, 240 + 22 * len(groups)),
        },
    )
