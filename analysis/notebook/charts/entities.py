"""Charts of notebook 06: which entities each outlet mentions."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from ...corpus.selection import Selection
from .style import (
    COLUMN_LABEL_WIDTH,
    _caption,
    content_height,
    escape,
    make_figure,
    outlet_colors,
    plural,
    wrap_labels,
)

#: What spaCy's entity labels mean, for captions.
ENTITY_TYPES = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "countries, cities and regions",
    "NORP": "nationalities, religious and political groups",
    "LOC": "other places",
    "FAC": "buildings and facilities",
    "PRODUCT": "products and services",
    "EVENT": "named events",
    "LAW": "laws and documents",
    "WORK_OF_ART": "titles of works",
    "LANGUAGE": "languages",
}
#: Most entities a coverage heatmap shows (the most mentioned first).
HEATMAP_MAX_ROWS = 40


def select_mentions(
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    selection: Selection | None = None,
) -> pd.DataFrame:
    """Keeps the mentions of the selected articles and labels whose entity matches the search.

    A search matches an entity by its name or any alias, so every mention of a merged entity is
    kept: a search for one spelling finds the mentions written in another ("Kalamar" for
    "Callamard").

    Args:
        mentions: The `mentions` table.
        entities: The `entities` table.
        articles: The `articles` table.
        selection: Outlets, dates, labels (choice "label") and search.

    Returns:
        The selected mention rows (a new DataFrame).
    """
    selection = selection or Selection()
    rows = replace(selection, search="").select_rows(mentions, articles)
    if not selection.search:
        return rows
    needle = selection.search.casefold()
    matching = {
        e
        for e, name, aliases in zip(
            entities.entity_id, entities.name, entities.aliases, strict=True
        )
        if any(needle in str(form).casefold() for form in [name, *aliases])
    }
    keep = rows.entity_id.isin(matching) | rows.text.str.contains(
        selection.search, case=False, regex=False
    )
    return rows.loc[keep].copy()


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
        selection: Outlets, dates, entity labels (choice "label"), text search on the entity's
            spellings (`select_mentions`), `minimum` mentions over the selected outlets and
            `top` (rows drawn; `HEATMAP_MAX_ROWS` when None).

    Returns:
        One heatmap trace: x the selected outlets, y the entities (most mentioned at the top, at
        most `top`), z the number of mentions; hover lists the entity's aliases.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = select_mentions(mentions, entities, articles, selection=selection).merge(
        articles[["article_id", "outlet"]], on="article_id"
    )
    counts = rows.groupby(["entity_id", "outlet"]).size().unstack(fill_value=0)
    present = set(shown.outlet.tolist())
    outlets = [o for o in outlet_colors(articles) if o in present]
    counts = counts.reindex(columns=outlets, fill_value=0)
    totals = counts.sum(axis=1)
    counts = counts[totals >= selection.minimum]
    order = counts.sum(axis=1).sort_values(ascending=False, kind="stable")
    rows_shown = selection.top or HEATMAP_MAX_ROWS
    counts = counts.loc[order.index[:rows_shown]]
    # Look up only the entities drawn (a large corpus has tens of thousands).
    drawn = entities[entities.entity_id.isin(counts.index)]
    name_of = dict(zip(drawn.entity_id, drawn.name, strict=True))
    label_of = dict(zip(drawn.entity_id, drawn.label, strict=True))
    aliases_of = dict(zip(drawn.entity_id, drawn.aliases, strict=True))
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
    more = f" The {rows_shown} most mentioned shown." if len(order) > rows_shown else ""
    return make_figure(
        [trace],
        title="Who and what each outlet mentions",
        caption=_caption(
            articles,
            shown,
            f"{plural(len(order), 'entity', 'entities')} with at least "
            f"{plural(selection.minimum, 'mention')}.{more} Types: "
            + ", ".join(
                f"{label} {ENTITY_TYPES.get(label, 'other names')}"
                for label in sorted({label_of[e] for e in counts.index})
            )
            + ".",
            selection,
        ),
        layout={
            "yaxis": {"autorange": "reversed", "dtick": 1},
            "xaxis": wrap_labels(
                [escape(o) for o in counts.columns], width=COLUMN_LABEL_WIDTH, size=12
            ),
            "height": content_height(len(counts), row=24, frame=240),
        },
        empty=counts.empty,
    )
