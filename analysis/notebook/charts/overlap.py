"""Charts of notebook 04: what the articles share."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...corpus.selection import Selection
from ...overlap.links import compute_overlap
from .overlap_index import OverlapIndex
from .style import (
    BOTTOM_LEFT,
    COLUMN_LABEL_WIDTH,
    _caption,
    _labels,
    _snippet,
    content_height,
    escape,
    make_figure,
    plural,
    wrap_labels,
)
from .top import describe_top, rank_top

#: Most selected articles the overlap charts draw as columns; beyond, a column is an outlet.
MAX_ARTICLE_COLUMNS = 20
#: Statements the statement grid shows when the selection does not say (`Selection.top`): the
#: most widely carried.
STATEMENT_ROWS = 40

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


def select_statements(statements: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Returns the rows of statements that at least two of the given articles carry (a copy),
    keeping only those articles' rows."""
    mine = statements[statements.article_id.isin(article_ids)]
    counts = mine.groupby("statement_id").article_id.transform("size")
    return mine.loc[counts >= 2].copy()


#: What the overlap matrix says when one article is selected (its only cell would be itself).
ONE_ARTICLE = "One article is selected: there is no other to compare it with."


def plot_overlap_matrix(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    links: pd.DataFrame,
    *,
    selection: Selection | None = None,
    index: OverlapIndex | None = None,
) -> go.Figure:
    """Heatmap of how much each article shares with each other one.

    Args:
        articles: The `articles` table.
        sentences: The `sentences` table.
        links: The `links` table.
        selection: Which articles to show.
        index: `index_overlap(articles, sentences, links, …)`, made once for many selections (a
            notebook's filters); None makes one for this call.

    Returns:
        One heatmap trace: rows and columns the selected articles; a cell is the share (%) of the
        row article's sentences linked to a sentence of the column article. With more than
        `MAX_ARTICLE_COLUMNS` selected articles, rows and columns are their outlets
        (`compute_outlet_overlap`).
    """
    selection = selection or Selection()
    index = index or index_overlap(articles, sentences, links)
    shown = selection.select_articles(articles)
    by_outlet = len(shown) > MAX_ARTICLE_COLUMNS
    if not by_outlet:
        links = links[index.select_links(index.choose(shown))]
    if by_outlet:  # it keeps the links between the shown articles itself
        matrix = compute_outlet_overlap(links, sentences, shown, index=index) * 100
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
        [trace] if len(shown) > 1 else [],
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
        empty=ONE_ARTICLE if len(shown) == 1 else shown.empty,
    )


def index_overlap(
    articles: pd.DataFrame,
    sentences: pd.DataFrame | None,
    links: pd.DataFrame,
    statements: pd.DataFrame | None = None,
) -> OverlapIndex:
    """Returns the integer codes the overlap charts select from (made once per notebook: a
    filter change then only selects), link kinds ranked as `KIND_COLORS`."""
    return OverlapIndex(articles, sentences, links, statements, kinds=tuple(KIND_COLORS))


def compute_outlet_overlap(
    links: pd.DataFrame,
    sentences: pd.DataFrame,
    shown: pd.DataFrame,
    *,
    index: OverlapIndex | None = None,
) -> pd.DataFrame:
    """Returns the outlet × outlet overlap of the selected articles: the share of the row outlet's
    sentences linked to a sentence of another article of the column outlet.

    Args:
        links: The links (those between two shown articles count).
        sentences: The `sentences` table.
        shown: The selected articles (their outlets are the rows and columns, in corpus colour
            order).
        index: The codes of these links and sentences (`index_overlap`, over any articles
            table holding the shown ones); None makes them for this call.

    Returns:
        A DataFrame of shares in [0, 1], index and columns the outlets; `attrs["links"]` is the
        number of links between shown articles.
    """
    index = index or OverlapIndex(shown, sentences, links)
    outlets = sorted(shown.outlet.unique(), key=str.casefold)
    n = len(outlets)
    # Each article position's outlet, as a number (-1: not shown).
    code = np.full(index.n_articles + 1, -1, dtype="int64")
    number = {o: i for i, o in enumerate(outlets)}
    code[index.locate(shown.article_id)] = [number[o] for o in shown.outlet]
    code[index.n_articles] = -1
    own = code[index.sentence_article]
    counts = np.bincount(own[own >= 0], minlength=n)
    row, col = code[index.link_a], code[index.link_b]
    ok = (row >= 0) & (col >= 0)
    # Whether each linked sentence has a counterpart in each outlet (each sentence once per
    # outlet), then summed per outlet of the sentence.
    linked = np.zeros((len(index.linked_article), n), dtype="bool")
    linked[index.sentence_a[ok], col[ok]] = True
    linked[index.sentence_b[ok], row[ok]] = True
    sentence, outlet = np.nonzero(linked)
    of = code[index.linked_article[sentence]]
    shared = np.bincount(of * n + outlet, minlength=n * n).reshape(n, n).astype("float64")
    share = pd.DataFrame(shared / np.clip(counts, 1, None)[:, None], index=outlets, columns=outlets)
    share.attrs["links"] = int(ok.sum())
    return share


def _column_labels(labels: list[str]) -> dict:
    """Returns x-axis properties for article columns: the outlet wrapped, small, unrotated."""
    return wrap_labels(labels, width=COLUMN_LABEL_WIDTH + 4, size=11)


def plot_statement_grid(
    articles: pd.DataFrame,
    statements: pd.DataFrame,
    links: pd.DataFrame,
    *,
    selection: Selection | None = None,
    index: OverlapIndex | None = None,
) -> go.Figure:
    """Grid of which outlet carried which statement, coloured by how close its wording is.

    Args:
        articles: The `articles` table.
        statements: The `statements` table.
        links: The `links` table.
        selection: Which articles to show, and `top`: how many statements (`STATEMENT_ROWS`
            when None).
        index: `index_overlap(articles, sentences, links, statements)`, made once for many
            selections (a notebook's filters); None makes one for this call.

    Returns:
        One heatmap trace: rows the statements at least two selected articles carry (their id and
        label, shortened; the most widely carried first, at most `top`), columns the selected
        articles (with more than `MAX_ARTICLE_COLUMNS`, their outlets); 4 = verbatim, 3 =
        near-verbatim, 2 = shared quote only, 1 = paraphrase (the closest link of that article's
        sentence to another selected article's within the statement; for an outlet, the closest
        of its articles'), 0 = not carried.
    """
    selection = selection or Selection()
    index = index or index_overlap(articles, None, links, statements)
    shown = selection.select_articles(articles)
    chosen = index.choose(shown)
    kept_links = index.select_links(chosen)
    n_links = int(kept_links.sum())
    kept = index.select_statements(chosen)
    statements = statements[kept].assign(_linked=index.statement_sentence[kept])
    grouped = statements.groupby("statement_id", sort=False)
    widest = grouped.size()
    groups = rank_top(widest, n=selection.top or STATEMENT_ROWS)
    # The closest link of each linked sentence among the selected articles' links (-1: none).
    closest = np.full(len(index.linked_article) + 1, -1, dtype="int64")
    for side in (index.sentence_a, index.sentence_b):
        np.maximum.at(closest, side[kept_links], index.rank[kept_links])
    by_outlet = len(shown) > MAX_ARTICLE_COLUMNS
    if by_outlet:
        outlet_of = dict(zip(shown.article_id, shown.outlet, strict=True))
        columns = sorted(shown.outlet.unique(), key=str.casefold)
        x = [escape(o) for o in columns]
    else:
        ids = list(shown.article_id)
        outlet_of = {a: a for a in ids}
        columns, x = ids, _labels(shown)
    z, names = [], []
    for sid in groups:
        rows = grouped.get_group(sid)
        cell: dict[str, int] = {}
        # A sentence no selected link touches counts as a paraphrase (1), as any member.
        best = closest[rows._linked.to_numpy()]
        for a, rank in zip(rows.article_id.tolist(), best.tolist(), strict=True):
            column = outlet_of[a]
            cell[column] = max(cell.get(column, 0), rank if rank >= 0 else 1)
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
            + f" carried by 2 or more of them ({plural(n_links, 'link')}). Kind: how alike "
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
