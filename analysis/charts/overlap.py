"""Charts of notebook 04: what the articles share."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..filters import Selection
from ..overlap import compute_overlap, link_keys
from .style import (
    COLUMN_LABEL_WIDTH,
    _caption,
    _labels,
    _snippet,
    content_height,
    make_figure,
    plural,
    wrap_labels,
)

#: Link kinds from least to most alike, with their colours: a purple ramp (no outlet colour),
#: darker for closer wording, so it also reads in black and white.
KIND_COLORS = {
    "not carried": "#F2F2F2",
    "paraphrase": "#DADAEB",
    "shared_quote": "#9E9AC8",
    "near_verbatim": "#6A51A3",
    "verbatim": "#3F007D",
}
KIND_LABELS = {
    "not carried": "not carried",
    "paraphrase": "paraphrase",
    "shared_quote": "shared quote only",
    "near_verbatim": "near-verbatim",
    "verbatim": "verbatim",
}


def select_links(links: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Returns the links whose two sentences are both in the given articles (a copy)."""
    keep = links.article_a.isin(article_ids) & links.article_b.isin(article_ids)
    return links.loc[keep].copy()


def select_statements(statements: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Returns the rows of statements that at least two of the given articles carry (a copy),
    keeping only those articles' rows."""
    mine = statements[statements.article_id.isin(article_ids)]
    counts = mine.groupby("statement_id").article_id.transform("size")
    return mine.loc[counts >= 2].copy()


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
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    links = select_links(links, list(shown.article_id))
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
        "colorbar": {"title": {"text": "% shared", "side": "right"}, "ticksuffix": "%"},
        "hovertemplate": "%{z:.0f}% of %{y}'s sentences have a counterpart in %{x}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    return make_figure(
        [trace],
        title="Coverage overlap: share of each article's sentences found in another",
        caption=_caption(
            articles, shown, f"{plural(len(links), 'link')} between their sentences.", selection
        ),
        layout={
            "yaxis": {"autorange": "reversed", **wrap_labels(labels, width=30, size=12)},
            "xaxis": _column_labels(labels),
            "height": content_height(len(shown), row=70, frame=260),
        },
        empty=len(shown) < 2,
    )


def _column_labels(labels: list[str]) -> dict:
    """Returns x-axis properties for article columns: the outlet wrapped, small, unrotated."""
    return wrap_labels(labels, width=COLUMN_LABEL_WIDTH + 4, size=11)


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
        One heatmap trace: rows the statements at least two selected articles carry (their id and
        label, shortened; the most widely carried first), columns the selected articles; 4 =
        verbatim, 3 = near-verbatim, 2 = shared quote only, 1 = paraphrase (the closest link of
        that article's sentence to another selected article's within the statement), 0 = not
        carried.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    ids = list(shown.article_id)
    links = select_links(links, ids)
    statements = select_statements(statements, ids)
    rank = {kind: i for i, kind in enumerate(KIND_COLORS)}
    best: dict[tuple[str, int], int] = {}
    for pair, kind in zip(link_keys(links), links.kind.tolist(), strict=True):
        for key in pair:
            best[key] = max(best.get(key, 0), rank[str(kind)])
    groups = list(dict.fromkeys(statements.statement_id.tolist()))
    z, names = [], []
    for sid in groups:
        rows = statements[statements.statement_id == sid]
        carried = dict(zip(rows.article_id.tolist(), rows.sentence_id.tolist(), strict=True))
        z.append([best.get((a, int(carried[a])), 1) if a in carried else 0 for a in ids])
        names.append(f"{sid} · {_snippet(rows.label.iloc[0], 40)}")
    n = len(KIND_COLORS)
    scale = []
    for i, color in enumerate(KIND_COLORS.values()):
        scale += [[i / n, color], [(i + 1) / n, color]]
    trace = {
        "type": "heatmap",
        "x": _labels(shown),
        "y": names,
        "z": z,
        "zmin": -0.5,
        "zmax": n - 0.5,
        "colorscale": scale,
        "colorbar": {  # a key below the grid, so the columns keep the width
            "tickvals": list(range(n)),
            "ticktext": list(KIND_LABELS.values()),
            "orientation": "h",
            "xref": "container",
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "len": 560,
            "lenmode": "pixels",
            "thickness": 14,
        },
        "customdata": [[KIND_LABELS[list(KIND_COLORS)[v]] for v in row] for row in z],
        "hovertemplate": "%{y}<br>%{x}: %{customdata}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    return make_figure(
        [trace],
        title="Which outlet carried which statement, and how close the wording is",
        caption=_caption(
            articles,
            shown,
            f"{plural(len(groups), 'statement')} carried by 2 or more of them "
            f"({plural(len(links), 'link')}). Kind: how alike the whole sentences are; the "
            "statement ids are stable (see the key table).",
            selection,
        ),
        layout={
            "yaxis": {"autorange": "reversed", "dtick": 1, "tickfont": {"size": 12}},
            "xaxis": {**_column_labels(_labels(shown))},
            "height": content_height(len(groups), row=24, frame=340),
        },
        empty=not groups,
    )
