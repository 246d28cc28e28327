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
    make_figure,
    wrap_labels,
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
