"""Charts of notebook 02: who speaks in each outlet and how they are cited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from ...corpus.selection import Selection
from ...quotes.groups import SPEAKER_NOT_STATED, count_utterances
from .style import (
    NOT_STATED_COLOR,
    OTHER_COLOR,
    _caption,
    category_colors,
    content_height,
    distinct_colors,
    escape,
    make_figure,
    outlet_colors,
    wrap_labels,
)
from .top import DEFAULT_TOP, describe_top, fold_rest, rank_top


def _utterance_keys(quotes: pd.DataFrame) -> pd.Series:
    """Returns each row's utterance: "article#quote" of its parent quote, else of itself."""
    own = quotes.parent_quote_id.fillna(quotes.quote_id).astype("int64").astype("str")
    return quotes.article_id.astype("str") + "#" + own


def select_utterances(rows: pd.DataFrame, *, utterances: pd.DataFrame | None) -> pd.DataFrame:
    """Returns `quotes.count_utterances(rows)`, quickly when the rows keep whole utterances.

    A filter on articles (outlets, dates) keeps every row of an utterance or none: its
    utterances are those of the whole table, computed once. A filter on rows (search, kind,
    speaker) can keep a partial quote without its parent; the utterances it split are counted
    afresh, the others reused.

    Args:
        rows: Rows of the `quotes` table (any selection of them); not modified.
        utterances: `count_utterances` of the whole table the rows come from (or of any rows
            including them); None counts afresh.

    Returns:
        One row per utterance, as `count_utterances` gives it (columns of `rows`, with n_rows
        and n_words).
    """
    if utterances is None or rows.empty:
        return count_utterances(rows)
    keys = _utterance_keys(rows)
    counted = keys.value_counts()
    whole = pd.Series(utterances.n_rows.to_numpy(), index=_utterance_keys(utterances).to_numpy())
    known = whole[~whole.index.duplicated(keep=False)].reindex(counted.index)
    # An utterance a filter split (some of its rows left out) is counted afresh; a whole one
    # keeps its first row (the one `count_utterances` keeps) and its counts.
    split = keys.isin(counted.index[known.isna().to_numpy() | (known != counted).to_numpy()])
    whole_rows = rows.loc[~split & rows.index.isin(utterances.index)]
    fresh = count_utterances(rows.loc[split]) if split.any() else None
    out = whole_rows.assign(
        n_rows=utterances.n_rows.loc[whole_rows.index],
        n_words=utterances.n_words.loc[whole_rows.index],
    )
    if fresh is not None:
        out = pd.concat([out, fresh])
    return out.loc[rows.index[rows.index.isin(out.index)]]


def speaker_colors(quotes: pd.DataFrame, groups: pd.Series | None = None) -> dict[str, str]:
    """Gives every speaker and speaker group of the corpus one colour, for every chart.

    Groups come first (most quoted first), then speakers (most quoted first; a speaker named
    like a group shares its colour), so the few groups and the most quoted speakers each have a
    colour of their own. The order depends on the whole corpus only, never on a filter.

    Args:
        quotes: The whole `quotes` table (not a selection).
        groups: A speaker group per quote (`quotes.group_speakers`), or None.

    Returns:
        A colour per name (`category_colors`); "speaker not stated" is dark grey, "other" (and
        names past the palette) light grey.
    """
    speakers = quotes.speaker.fillna(SPEAKER_NOT_STATED).astype("str")
    names = [] if groups is None else _by_frequency(groups.fillna(SPEAKER_NOT_STATED).astype("str"))
    colors = category_colors(names + _by_frequency(speakers))
    return colors | {SPEAKER_NOT_STATED: NOT_STATED_COLOR}


def _by_frequency(values: pd.Series) -> list[str]:
    counts = values.value_counts()
    return sorted(counts.index, key=lambda v: (-int(counts[v]), v))


def plot_voice_share(
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
    # Shares are of all the outlet's quotes: a speaker filter shows that speaker's share, not 100 %.
    # The rows of every speaker are selected once (the search reads every quote), then the
    # speaker filter keeps its own.
    spoken = [c for c in selection.choices if c[0] == "speaker"]
    everyone = replace(selection, choices=tuple(c for c in selection.choices if c[0] != "speaker"))
    every_speaker = everyone.select_rows(all_quotes, articles)
    base = select_utterances(every_speaker, utterances=utterances)
    rows = base  # without a speaker filter, the utterances counted are the base's
    if spoken:
        kept = every_speaker
        for _column, allowed in spoken:
            kept = kept[kept.speaker.isin(allowed)]
        rows = select_utterances(kept, utterances=utterances)
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    weight = rows.n_words if measure == "words" else 1
    rows = rows.assign(outlet=rows.article_id.map(outlet_of), weight=weight)
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
    # No two names of the chart in one colour (the palette cycles in a corpus of many).
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
            "legend": {"traceorder": "normal"},
            # A row per outlet tall enough for its label (Plotly skips labels when crowded).
            "height": content_height(len(outlets), row=30, least=520),
        },
    )


def plot_attribution_verbs(
    articles: pd.DataFrame, quotes: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Grouped bars of the attribution verbs each outlet uses (said vs. claimed, accused, …).

    Args:
        articles: The `articles` table.
        quotes: The `quotes` table.
        selection: Outlets, dates, search, choices (kind, speaker), and `top` (verbs drawn on
            their own; `DEFAULT_TOP` when None).

    Returns:
        One bar trace per outlet of the corpus; x is the verb (the `top` most used in the
        selection, most used first, then "other (k more)" summing the rest), y the share (%) of
        that outlet's attributed quotes using it.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = selection.select_rows(quotes, articles)
    rows = rows[rows.cue.notna()]
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    everyone_verb = rows.cue.value_counts()
    kept = rank_top(everyone_verb, n=selection.top or DEFAULT_TOP)
    rows = rows.assign(cue=fold_rest(rows.cue.astype("str"), keep=kept))
    verbs = kept + [v for v in dict.fromkeys(rows.cue.tolist()) if v not in set(kept)]
    outlet_rows = rows.article_id.map(outlet_of)
    traces = []
    drawn_outlets = 0
    for outlet, color in outlet_colors(articles).items():
        mine = rows[outlet_rows == outlet]
        counts = mine.cue.value_counts()
        total = max(int(counts.sum()), 1)
        drawn_outlets += bool(len(mine))
        traces.append(
            {
                "type": "bar",
                "orientation": "h",  # verbs on the y axis: labels read across, however many
                "name": escape(outlet),
                "y": [escape(v) for v in verbs] if len(mine) else [],
                "x": [round(100 * int(counts.get(v, 0)) / total, 1) for v in verbs]
                if len(mine)
                else [],
                "customdata": [int(counts.get(v, 0)) for v in verbs] if len(mine) else [],
                "marker": {"color": color},
                "hovertemplate": escape(outlet)
                + ": %{y} in %{x}% of attributions (%{customdata})<extra></extra>",
            }
        )
    return make_figure(
        traces,
        title="How each outlet attributes quotes: the verbs it uses",
        caption=_caption(
            articles,
            shown,
            f"{len(rows)} attributed quotes; the verb is the lemma (said → say); "
            + describe_top(len(kept), len(everyone_verb), "verbs")
            + ".",
            selection,
        ),
        layout={
            "barmode": "group",
            "yaxis": {
                "title": {"text": "attribution verb"},
                "autorange": "reversed",  # the most used verb on top
                **wrap_labels([escape(v) for v in verbs], width=24, size=12),
            },
            "xaxis": {"title": {"text": "% of the outlet's attributed quotes"}},
            "height": content_height(len(verbs), row=12 + 10 * max(drawn_outlets, 1)),
        },
    )
