"""Charts of notebook 03: distinctive terms, frames per outlet, tone by outlet and by speaker.

Filters read from a `Selection`: outlets and dates, the "part" choice (`reporter` words and/or
`quote`s), the "frame" choice, and `minimum` (least count a term or frame needs to be shown).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...corpus.selection import Selection
from ...framing.frames import PRIOR_SCALE, rate_frames
from ...framing.term_counts import TermCounts, count_terms
from ...framing.terms import rank_outlet_terms, score_log_odds
from ...framing.tokens import part_of
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

#: Terms shown per outlet in the distinctive-terms chart.
TOP_TERMS = 10
#: |z| from which a difference is usually called notable (two-sided 5 %).
Z_NOTABLE = 1.96
#: Characters per line of an outlet's name beside its terms.
OUTLET_LABEL_WIDTH = 18
#: Characters per line of a speaker's name (most names stay on one line).
SPEAKER_LABEL_WIDTH = 24
PART_LABEL = {"all": "all words", "reporter": "the reporter's own words", "quotes": "quotes"}


def _shown_outlets(articles: pd.DataFrame, selection: Selection) -> list[str]:
    shown = set(selection.select_articles(articles).outlet)
    return [o for o in outlet_colors(articles) if o in shown]


def describe_not_applied(selection: Selection, filters: Sequence[str]) -> str:
    """Names the filters of a selection that a view does not follow, when they are set.

    Args:
        selection: The selection shown.
        filters: The filters the view does not follow: choice columns (e.g. "frame") and
            "minimum".

    Returns:
        E.g. " Not applied here: frame." (with its leading space, to end a caption), or "" when
        none of them is set.
    """
    chosen = dict(selection.choices)
    unused = [f for f in filters if f in chosen or (f == "minimum" and selection.minimum > 1)]
    return f" Not applied here: {', '.join(unused)}." if unused else ""


def plot_distinctive_terms(
    tables: Any,
    *,
    selection: Selection | None = None,
    counts: Mapping[str, TermCounts] | None = None,
    top: int = TOP_TERMS,
) -> go.Figure:
    """Bars of each outlet's most distinctive terms, by z, grouped by outlet.

    Each selected outlet is compared with the other selected outlets (with the rest of the corpus
    when it is the only one), by `framing.terms.distinctive_terms`. One row per term, the outlets
    one under the other (a term can appear under several outlets), so no label covers another
    however many terms tie.

    Args:
        tables: The built `Tables`.
        selection: Outlets and dates (which articles count), the "part" choice and `minimum`
            (least uses by the outlet).
        counts: `count_terms` per part ("all", "reporter", "quotes"), computed once.
        top: Terms per outlet (highest z first, z > 0 only).

    Returns:
        One horizontal bar trace per outlet of the corpus (empty when not selected): x the term's
        z, y (outlet, term) on a two-level axis, bar text the outlet's uses; customdata the uses
        by the outlet and by the others, the log-odds delta, an example sentence and the term
        (for the hover).
    """
    selection = selection or Selection()
    articles = tables.articles
    part = part_of(selection)
    counted = counts[part] if counts and part in counts else count_terms(tables, part=part)
    shown = selection.select_articles(articles)
    outlets = _shown_outlets(articles, selection)
    ranked = rank_outlet_terms(
        tables,
        outlets,
        part=part,
        counts=counted,
        top=top,
        minimum=selection.minimum,
        article_ids=shown.article_id,
    )
    traces = []
    for index, (outlet, color) in enumerate(outlet_colors(articles).items()):
        rows = ranked[ranked.outlet == outlet]
        group = wrap_labels([escape(outlet)], width=OUTLET_LABEL_WIDTH)["ticktext"][0]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": escape(outlet),
                "x": [round(float(z), 2) for z in rows.z],
                "y": [[group] * len(rows), [_term_label(t, index) for t in rows.term]],
                "marker": {"color": color},
                "text": [plural(int(n), "use") for n in rows.n_target],
                "textposition": "outside",
                "cliponaxis": False,
                "customdata": [
                    [int(n), int(r), round(float(d), 2), _snippet(e, 160), escape(t)]
                    for n, r, d, e, t in zip(
                        rows.n_target, rows.n_rest, rows.delta, rows.example, rows.term, strict=True
                    )
                ],
                "hovertemplate": "<b>%{customdata[4]}</b> · "
                + escape(outlet)
                + "<br>%{customdata[0]} uses here, %{customdata[1]} in the others"
                + "<br>log-odds %{customdata[2]}, z %{x}<br>e.g. %{customdata[3]}<extra></extra>",
            }
        )
    vs = "the other selected outlets" if len(outlets) > 1 else "the rest of the corpus"
    highest = max([Z_NOTABLE, *ranked.z.astype(float)])
    return make_figure(
        traces,
        title=f"Words that set each outlet apart ({PART_LABEL[part]})",
        caption=_caption(
            articles,
            shown,
            f"Each outlet against {vs}: log-odds ratio with an informative Dirichlet prior "
            f"(Monroe et al. 2008), z-scored; lemmas, two-word phrases and names (one per "
            "entity), stop words and house style (own name, honorifics, abbreviations, "
            f"repeated lines) out; top {top} per "
            f"outlet used at least {plural(selection.minimum, 'time')}. Bar text: the outlet's "
            f"uses. Dashed line: z = {Z_NOTABLE}." + describe_not_applied(selection, ["frame"]),
            selection,
        ),
        layout={
            "xaxis": {
                "title": {"text": "z (higher: more typical of the outlet)"},
                "range": [0, highest * 1.25],
            },
            "yaxis": {"autorange": "reversed", "tickfont": {"size": 12}},
            "bargap": 0.25,
            "showlegend": False,  # the outlet names the groups
            "shapes": [
                {
                    "type": "line",
                    "yref": "paper",
                    "y0": 0,
                    "y1": 1,
                    "x0": Z_NOTABLE,
                    "x1": Z_NOTABLE,
                    "line": {"dash": "dash", "color": "#999999", "width": 1},
                    "layer": "below",
                }
            ],
            "height": content_height(len(ranked), row=22, frame=200),
        },
        empty=ranked.empty,
    )


#: Appended (index of the outlet) times to a term's label: invisible, but it makes the label
#: unique to its outlet. Plotly orders a two-level axis by where each label was first seen in
#: any trace, so a term shared by two outlets would otherwise sit at the first outlet's rank
#: under the second one too, out of z order.
LABEL_SEPARATOR = "\u200b"


def _term_label(term: str, index: int) -> str:
    """Returns the escaped term with `index` zero-width spaces, unique to its outlet's group."""
    return escape(term) + LABEL_SEPARATOR * index


def plot_frame_rates(
    tables: Any,
    *,
    selection: Selection | None = None,
    words: Mapping[str, pd.Series] | None = None,
    lexicon: str | None = None,
) -> go.Figure:
    """Heatmap of how often each outlet uses each frame, per 1,000 words.

    Args:
        tables: The built `Tables`.
        selection: Outlets and dates (which articles count), the "part" choice (reporter words,
            quotes or both), the "frame" choice and `minimum` (least matches over the selected
            outlets for a frame to be shown).
        words: `framing.frames.count_words` per part, computed once.
        lexicon: Where the frames come from, for the source line
            (`framing.frames.FrameLexicon.describe`); None: "the frames table".

    Returns:
        One heatmap trace: x the selected outlets, y the frames, z matches per 1,000 words;
        hover gives the count, the words and the z of the outlet against the other selected
        outlets (the statistic of `framing.frames.compare_frame_rates`).
    """
    selection = selection or Selection()
    articles = tables.articles
    part = part_of(selection)
    shown = selection.select_articles(articles)
    rates = rate_frames(
        tables,
        part=part,
        words=words[part] if words and part in words else None,
        article_ids=shown.article_id,
    )
    allowed = dict(selection.choices).get("frame")
    if allowed is not None:
        rates = rates[rates.frame.isin(allowed)]
    totals = rates.groupby("frame", sort=False).n.sum()
    frames = [f for f in totals.index if totals[f] >= selection.minimum]
    present = set(rates.outlet.tolist())
    outlets = [o for o in outlet_colors(articles) if o in present]
    # (frame, outlet) -> (n, words, per_1000): one pass over the rates, not a lookup per cell.
    grid = {
        (f, o): (n, w, p)
        for f, o, n, w, p in zip(
            rates.frame, rates.outlet, rates.n, rates.words, rates.per_1000, strict=True
        )
    }
    z_of = _frame_z(rates, outlets)
    z_values, text, custom = [], [], []
    for frame in frames:
        cells = [grid[(frame, o)] for o in outlets]
        z_values.append([None if pd.isna(p) else round(float(p), 1) for _n, _w, p in cells])
        text.append([str(int(n)) for n, _w, _p in cells])
        custom.append(
            [
                [int(n), int(w), z_of.get((frame, o), "")]
                for (n, w, _p), o in zip(cells, outlets, strict=True)
            ]
        )
    columns = [escape(o) for o in outlets]
    trace = {
        "type": "heatmap",
        "x": columns,
        "y": [escape(f) for f in frames],
        "z": z_values,
        "text": text,
        "customdata": custom,
        "texttemplate": "%{z}",
        "colorscale": "Blues",
        "colorbar": {"title": {"text": "per 1,000 words"}},
        "hovertemplate": "%{y} in %{x}: %{z} per 1,000 words<br>%{customdata[0]} matches in "
        "%{customdata[1]} words<br>z against the other outlets: %{customdata[2]}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    return make_figure(
        [trace],
        title=f"How often each outlet uses each frame ({PART_LABEL[part]}, per 1,000 words)",
        caption=_caption(
            articles,
            shown,
            f"{lexicon or 'Frames: the frames table'}; matched on lemmas, not inside names or "
            "excluded phrases. Hover: count, words and z of the "
            f"outlet against the other selected outlets (|z| ≥ {Z_NOTABLE}: notable). Frames with "
            f"at least {plural(selection.minimum, 'match', 'matches')}.",
            selection,
        ),
        layout={
            "yaxis": {"autorange": "reversed", "dtick": 1},
            # Outlet names wrapped and unrotated, so neighbouring columns' labels never touch.
            "xaxis": wrap_labels(columns, width=COLUMN_LABEL_WIDTH, size=12),
            "height": content_height(len(frames), row=40, frame=260, least=420),
        },
        empty=not frames or not outlets,
    )


def _frame_z(rates: pd.DataFrame, outlets: list[str]) -> dict[tuple[str, str], float]:
    """Returns the z of each (frame, outlet) against the other outlets of `rates`."""
    if len(outlets) < 2:
        return {}
    counts = rates.pivot(index="frame", columns="outlet", values="n").reindex(columns=outlets)
    words = rates.drop_duplicates("outlet").set_index("outlet").words.reindex(outlets)
    total, all_words = counts.sum(axis=1).to_numpy(float), float(words.sum())
    prior = PRIOR_SCALE * total + 1e-9
    out = {}
    for outlet in outlets:
        mine = counts[outlet].to_numpy(float)
        _delta, z = score_log_odds(
            mine,
            total - mine,
            prior,
            n_target=float(words[outlet]),
            n_rest=all_words - float(words[outlet]),
            prior_total=PRIOR_SCALE * all_words,
        )
        out.update({(f, outlet): round(float(v), 2) for f, v in zip(counts.index, z, strict=True)})
    return out


#: The hover snippets of the last tone tables drawn (the table kept, so its id stays its own).
_SNIPPETS: dict[int, tuple[pd.DataFrame, pd.Series]] = {}


def _tone_snippets(tone: pd.DataFrame) -> pd.Series:
    """Returns the hover snippet of every scored text (index: the tone table's), computed once
    per tone table: a filter only selects from them."""
    cached = _SNIPPETS.get(id(tone))
    if cached is None or cached[0] is not tone:
        if len(_SNIPPETS) >= 4:
            _SNIPPETS.clear()
        snippets = pd.Series([_snippet(t, 160) for t in tone.text], index=tone.index, dtype=object)
        cached = _SNIPPETS[id(tone)] = (tone, snippets)
    return cached[1]


def plot_tone(
    tables: Any,
    tone: pd.DataFrame,
    *,
    by: str = "outlet",
    selection: Selection | None = None,
) -> go.Figure:
    """Box plots of VADER tone: by outlet (reporter's words and quotes apart) or by speaker.

    Args:
        tables: The built `Tables`.
        tone: `framing.tone.score_tone(tables)`.
        by: "outlet" (x: reporter's words / quotes) or "speaker" (quotes only, y: speaker).
        selection: Outlets, dates, search on the scored text, the "part" choice and, by speaker,
            `minimum` quotes per speaker and `top` (speakers drawn on their own, the most quoted;
            `DEFAULT_TOP` when None; the others' quotes pooled as "other (k more)").

    Returns:
        One box trace per outlet of the corpus (empty when not selected), every scored text a
        point (hover: the text).
    """
    selection = selection or Selection()
    articles = tables.articles
    rows = selection.select_rows(tone, articles)
    ranked: list[Any] = []
    drawn = ""
    if by == "speaker":
        rows = rows[(rows.part == "quote") & rows.speaker.notna()]
        per_speaker = rows.speaker.value_counts()
        keep = per_speaker[per_speaker >= selection.minimum]
        rows = rows[rows.speaker.isin(keep.index)]
        ranked = rank_top(keep, n=selection.top or DEFAULT_TOP)
        rows = rows.assign(speaker=fold_rest(rows.speaker.astype("str"), keep=ranked))
        drawn = describe_top(len(ranked), len(keep), "speakers") + ". "
    traces = []
    # Point data as numpy arrays: plotly checks them at once, not point by point (a box of
    # every quote and sentence of 1,000 articles is tens of thousands of points).
    # The points of every outlet at once, then each outlet's by position (no frame per outlet).
    positions = rows.groupby("outlet", sort=False).indices if len(rows) else {}
    if by == "speaker":
        names = {s: escape(s) for s in rows.speaker.unique()}
        all_labels = np.array([names[s] for s in rows.speaker], dtype=str)
    else:
        all_labels = np.where(rows.part.to_numpy() == "reporter", "reporter's words", "quotes")
    all_values = rows.compound.to_numpy(dtype=float)
    snippets = _tone_snippets(tone) if tone.index.is_unique else None
    all_texts = (
        snippets.reindex(rows.index)
        if snippets is not None
        else pd.Series([_snippet(t, 160) for t in rows.text], dtype=object)
    ).to_numpy(dtype=str)
    nothing = np.array([], dtype=np.int64)
    for outlet, color in outlet_colors(articles).items():
        mine = positions.get(outlet, nothing)
        labels, values, texts = all_labels[mine], all_values[mine], all_texts[mine]
        axis = (
            {"y": labels, "x": values, "orientation": "h"}
            if by == "speaker"
            else {
                "x": labels,
                "y": values,
            }
        )
        traces.append(
            {
                "type": "box",
                "name": escape(outlet),
                **axis,
                "marker": {"color": color, "size": 5},
                "line": {"color": color},
                "boxpoints": "all",
                "jitter": 0.4,
                "pointpos": 0,
                "text": texts,
                "hovertemplate": escape(outlet) + ": %{text}<extra></extra>",
            }
        )
    value_axis = {
        "title": {"text": "VADER compound (−1 negative … +1 positive)"},
        "range": [-1.05, 1.05],
    }
    speakers = sorted(set(rows.speaker.dropna()), key=str.casefold) if by == "speaker" else []
    speakers = [s for s in speakers if s in ranked] + [s for s in speakers if s not in ranked]
    layout: dict[str, Any] = {"boxmode": "group"}
    if by == "speaker":
        layout |= {
            "xaxis": value_axis,
            "yaxis": {
                "categoryorder": "array",
                "categoryarray": [escape(s) for s in speakers][::-1],
                **wrap_labels([escape(s) for s in speakers], width=SPEAKER_LABEL_WIDTH),
            },
            "height": content_height(len(speakers), row=60, frame=160, least=420),
        }
    else:
        layout |= {"yaxis": value_axis, "xaxis": {"title": {"text": ""}}}
    what = (
        "speaker (their quotes)" if by == "speaker" else "outlet: the reporter's words and quotes"
    )
    return make_figure(
        traces,
        title=f"Tone by {what}",
        caption=_caption(
            articles,
            selection.select_articles(articles),
            drawn
            + f"{plural(len(rows), 'text')} scored with VADER. Tone is not stance: reports of "
            "violence score negative whoever writes them; see the limits in the notebook."
            + describe_not_applied(
                selection, ["frame"] if by == "speaker" else ["frame", "minimum"]
            ),
            selection,
        ),
        layout=layout,
        empty=rows.empty,
    )
