"""Chart style: palettes, the Plotly template, escaping and the frame every chart shares."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

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
