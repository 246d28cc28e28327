"""Chart style: palettes, the Plotly template, escaping and the frame every chart shares."""

from __future__ import annotations

import functools
import hashlib
import html
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

if TYPE_CHECKING:
    from ...corpus.selection import Selection

#: Colours reserved for outlets: Okabe–Ito (colour-blind safe; without black, which reads as
#: text, and yellow, which vanishes on white), then Paul Tol's "muted" set.
OUTLET_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
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
#: Colours for everything that is not an outlet (speakers, groups, reasons): none can be taken
#: for an outlet's — each is at least 24 CIELAB units from every `OUTLET_PALETTE` colour and 25
#: from the others, 20 from grey ("other"); picked greedily from Plotly's qualitative sets.
CATEGORY_PALETTE = (
    "#3283FE",
    "#F89C74",
    "#66A61E",
    "#FF97FF",
    "#B82E2E",
    "#B3E2CD",
    "#A777F1",
    "#68855C",
    "#8CD17D",
    "#A65628",
    "#B497E7",
    "#8C564B",
)
#: The colour of "unknown" / "other" categories.
OTHER_COLOR = "#BAB0AC"
#: The colour of quotes whose speaker the article does not state: a darker grey than "other"
#: (the two stand side by side in the speaker-group chart), ≥ 24 CIELAB units from every colour
#: of both palettes and from `OTHER_COLOR`.
NOT_STATED_COLOR = "#6E6E6E"
TEMPLATE_NAME = "coverage_lens"
FONT = "Inter, 'Helvetica Neue', Helvetica, Arial, sans-serif"
#: The one date format of charts, hovers and tables (ISO: unambiguous and sortable).
DATE_FORMAT = "%Y-%m-%d"

#: The frame of every chart: title and source caption at the top left of the figure (placed
#: relative to the figure, so labels of any length never push them off), legend on the right,
#: axes that grow their margins to fit their tick labels. Nothing sits below the x axis but its
#: labels and title, so long or rotated labels cannot collide with anything. No width: the chart
#: takes the width of its notebook cell.
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
        colorway=list(CATEGORY_PALETTE),
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
        autosize=True,
        height=520,
    )
)

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


#: Anchors a legend or colour bar at the bottom left of the whole figure (below the plot).
BOTTOM_LEFT = {
    "xref": "container",
    "x": 0.01,
    "xanchor": "left",
    "yref": "container",
    "y": 0,
    "yanchor": "bottom",
}


def escape(text: object) -> str:
    """Returns `text` as a string that Plotly shows literally (HTML-escaped)."""
    return html.escape(str(text), quote=False)


def plural(n: int, word: str, words: str | None = None) -> str:
    """Returns "1 outlet", "2 outlets" (or the given plural)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


@functools.lru_cache(maxsize=1024)
def _lab(colour: str) -> tuple[float, float, float]:
    """Returns the CIELAB coordinates of a `#RRGGBB` colour (D65)."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _distance(a: str, b: str) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b), strict=True)) ** 0.5)


def _name_rank(name: str, colour: str) -> bytes:
    return hashlib.blake2b(f"{name.casefold()}|{colour}".encode(), digest_size=8).digest()


def outlet_colors(articles: pd.DataFrame) -> dict[str, str]:
    """Gives every outlet of the corpus its colour, the same in every chart and for ever.

    An outlet's colour is the manifest's `colour` (a `#RRGGBB` value) when it has one. Otherwise
    outlets, in manifest order, each take the free colour of `OUTLET_PALETTE` that is most unlike
    the colours already taken (CIELAB distance), ties broken by a hash of the outlet's name. An
    outlet's colour thus depends only on the outlets before it: adding an outlet at the end of
    the manifest never recolours another one (pin a colour with the `colour` column).

    Args:
        articles: The whole `articles` table (not a filtered one), in manifest order.

    Returns:
        A colour per outlet, in alphabetical outlet order. Past 15 outlets colours repeat.
    """
    given = articles["colour"] if "colour" in articles.columns else pd.Series(index=articles.index)
    pinned = tuple(
        (str(o), c.upper() if isinstance(c, str) and _HEX.match(c) else None)
        for o, c in zip(articles.outlet, given, strict=True)
    )
    return dict(_pick_colors(pinned))


@functools.lru_cache(maxsize=64)
def _pick_colors(outlets: tuple[tuple[str, str | None], ...]) -> tuple[tuple[str, str], ...]:
    """Returns `outlet_colors` for (outlet, manifest colour or None) in manifest order (cached:
    every chart of every redraw asks)."""
    chosen: dict[str, str] = {}
    for outlet, colour in outlets:
        if outlet not in chosen and colour is not None:
            chosen[outlet] = colour
    for outlet in dict.fromkeys(o for o, _ in outlets):
        if outlet in chosen:
            continue
        taken = set(chosen.values())
        free = [c for c in OUTLET_PALETTE if c not in taken] or list(OUTLET_PALETTE)
        chosen[outlet] = max(
            free,
            key=lambda c: (
                round(min((_distance(c, t) for t in taken), default=0.0) / 5),
                _name_rank(outlet, c),
            ),
        )
    return tuple((o, chosen[o]) for o in sorted(chosen, key=str.casefold))


def category_colors(names: Iterable[str]) -> dict[str, str]:
    """Gives categories (speakers, groups, reasons, …) colours that are never outlet colours.

    Args:
        names: The categories in a fixed order (e.g. most frequent first in the whole corpus).

    Returns:
        A colour per category, from `CATEGORY_PALETTE` in order; "unknown" and "other" are grey.
    """
    out, i = {}, 0
    for name in dict.fromkeys(names):
        if str(name).casefold() in ("unknown", "other", "others"):
            out[name] = OTHER_COLOR
        else:
            out[name] = CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)]
            i += 1
    return out


def distinct_colors(colors: Mapping[str, str], *, keep_order: Sequence[str] = ()) -> dict[str, str]:
    """Gives the names of one chart different colours while keeping each name's own where it can.

    `category_colors` cycles through its palette, so in a corpus of many speakers two names can
    have one colour; drawn side by side, one would be read as the other. Of the names sharing a
    colour, the first in `keep_order` (the corpus-wide order the colours were given in, so the
    most quoted speakers of the corpus always keep theirs) keeps it; the others take the palette
    colours no name of the chart has. The greys ("other", "speaker not stated") may repeat; past
    the palette's size, colours repeat.

    Args:
        colors: Each name drawn and its corpus-wide colour, in the chart's order.
        keep_order: Names in the order they keep their colour; names not in it come after, in
            the chart's order.

    Returns:
        A colour per name, in the chart's order.
    """
    greys = (OTHER_COLOR, NOT_STATED_COLOR)
    rank = {name: i for i, name in enumerate(keep_order)}
    kept: dict[str, str] = {}
    for name in sorted(colors, key=lambda n: rank.get(n, len(rank))):
        if colors[name] in greys or colors[name] not in kept.values():
            kept[name] = colors[name]
    free = [c for c in CATEGORY_PALETTE if c not in kept.values()]
    return {n: kept[n] if n in kept else (free.pop(0) if free else c) for n, c in colors.items()}


#: One day in milliseconds (Plotly's unit for date-axis tick spacing).
DAY_MS = 86_400_000
#: Characters per line of the source caption and of wrapped category labels (and of the column
#: labels of heatmaps, which are narrower).
CAPTION_WIDTH = 110
LABEL_WIDTH = 16
COLUMN_LABEL_WIDTH = 11
#: Pixel heights of the frame: a row of a bar chart or heatmap, and a line of the caption.
ROW_HEIGHT = 30
CAPTION_LINE = 17
#: A legend moves below the chart when it has more entries than this or a longer name.
LEGEND_ENTRIES = 12
LEGEND_NAME = 22
LEGEND_ROW = 24
#: What an empty selection says instead of bare axes.
NOTHING_MATCHES = "Nothing matches the current filters."


def content_height(rows: int, *, row: int = ROW_HEIGHT, frame: int = 220, least: int = 380) -> int:
    """Returns a chart height in px that gives each of `rows` categories `row` px."""
    return max(least, frame + row * rows)


def _has_data(trace: dict[str, Any]) -> bool:
    """Returns whether a trace draws anything: points, or a bar of non-zero length."""
    if trace.get("type") == "bar":
        values = trace.get("x") if trace.get("orientation") == "h" else trace.get("y")
        return values is None or any(v is not None and v == v and v != 0 for v in values)
    data = trace.get("x") if trace.get("x") is not None else trace.get("y")
    return data is None or len(data) > 0


def _legend_entries(traces: list[dict[str, Any]]) -> list[str]:
    """Returns the legend names of the traces that have data, and hides the others' entries (an
    unselected outlet is no legend entry, nor a category whose bars are all zero in the
    selection; a trace that says `showlegend: False` stays hidden)."""
    seen: dict[str, None] = {}
    for t in traces:
        if t.get("type") in ("heatmap",):
            continue
        t["showlegend"] = t.get("showlegend") is not False and _has_data(t)
        if t["showlegend"]:
            seen.setdefault(str(t.get("name") or ""), None)
    return [s for s in seen if s]


def make_figure(
    traces: list[dict[str, Any]],
    *,
    title: str,
    caption: str,
    layout: dict[str, Any] | None = None,
    empty: bool | str = False,
) -> go.Figure:
    """Builds a figure in the project style: template, a title that says what is shown and the
    source caption under it, at the top left of the figure. (One construction: much faster than
    adding traces one by one, which matters when filters redraw charts.)

    A legend of many entries or long names goes below the chart, in rows, so the plot keeps the
    width. The figure has no width: it follows its notebook cell (exports use 900 px).

    Args:
        traces: Plotly trace dicts (with "type").
        title: What the chart shows (escaped here).
        caption: The source/caption line (escaped and wrapped here).
        layout: More layout properties; its `margin` entries are merged with the frame's.
        empty: Nothing to draw: the axes are hidden and the chart says so — `NOTHING_MATCHES`
            when True, or the message given (e.g. why there is nothing).

    Returns:
        The figure.
    """
    lines = textwrap.wrap(caption, CAPTION_WIDTH, break_on_hyphens=False) or [""]
    extra = dict(layout or {})
    full_layout: dict[str, Any] = {
        "template": TEMPLATE_NAME,
        "autosize": True,  # the width of the notebook cell
        "title": {
            "text": escape(title),
            "subtitle": {"text": "<br>".join(escape(line) for line in lines)},
        },
    }
    entries = _legend_entries(traces)
    if extra.get("showlegend", True) and entries:
        full_layout["showlegend"] = True  # also with a single outlet selected
        if len(entries) > LEGEND_ENTRIES or max(map(len, entries)) > LEGEND_NAME:
            # Below the chart, in rows; the chart grows by about the legend's height so the
            # plot keeps its own (the legend pushes the bottom margin by its real height).
            rows = -(-len(entries) // 2)
            full_layout["height"] = int(extra.get("height", 520)) + LEGEND_ROW * rows
            full_layout["legend"] = {"orientation": "h", **BOTTOM_LEFT, "valign": "top"}
    below = full_layout.get("legend", {})
    full_layout |= {k: v for k, v in extra.items() if k != "height" or "height" not in full_layout}
    full_layout["legend"] = {**below, **extra.get("legend", {})}
    # Explicit defaults, so that redrawing in place after an empty selection restores them.
    full_layout.setdefault("height", 520)
    full_layout.setdefault("annotations", [])
    full_layout["margin"] = {"t": 64 + CAPTION_LINE * len(lines), **extra.get("margin", {})}
    if empty:
        hidden = {"visible": False}
        full_layout |= {
            "xaxis": hidden,
            "yaxis": hidden,
            "showlegend": False,
            "height": 300,
            "annotations": [
                {
                    "text": escape(empty) if isinstance(empty, str) else NOTHING_MATCHES,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                    "showarrow": False,
                    "font": {"size": 16, "color": "#555555"},
                }
            ],
        }
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
                for line in textwrap.wrap(
                    html.unescape(label), width, break_long_words=False, break_on_hyphens=False
                )
            )
            for label in labels
        ],
        "tickangle": 0,
    }


#: Axis properties of a count axis: from zero, whole numbers only (one article gives no "620.5").
COUNT_AXIS: dict[str, Any] = {"rangemode": "tozero", "tickformat": ",d"}


def describe_corpus(articles: pd.DataFrame) -> str:
    """Returns how a source line names the corpus: its title (`articles.corpus`), as text (the
    source line is escaped as a whole)."""
    titles = list(articles["corpus"].dropna().unique()) if "corpus" in articles else []
    return str(titles[0]) if titles else "the corpus"


def _caption(
    articles: pd.DataFrame, shown: pd.DataFrame, what: str, selection: Selection | None = None
) -> str:
    filters = selection.describe() if selection is not None else ""
    return (
        f"Source: {describe_corpus(articles)}, {len(shown)} of "
        f"{plural(len(articles), 'article')} "
        f"({plural(shown.outlet.nunique(), 'outlet')}). "
        + (f"Filters: {filters}. " if filters else "")
        + what
    )


def _word_counts(texts: pd.Series) -> list[int]:
    return [len(str(t).split()) for t in texts]


def _snippet(text: object, max_chars: int = 140) -> str:
    text = str(text)
    return escape(text if len(text) <= max_chars else text[: max_chars - 1] + "…")


def _labels(rows: pd.DataFrame) -> list[str]:
    return [escape(f"{o} · {a}") for o, a in zip(rows.outlet, rows.article_id, strict=True)]
