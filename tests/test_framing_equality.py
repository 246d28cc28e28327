"""Notebook 03's precomputed callbacks give what the code they replaced gave (issue 25: a filter
change at 1,000 articles took 6.4 s).

The functions below `# Before` are verbatim copies of the replaced code (terms ranked, examples
and sentences found by scanning every sentence per outlet and per call; frame sentences grouped
in full). Each test runs old and new on the same selections — every outlet, a few outlets, one
outlet alone, a date range, each part of the text, several minimums — on the seed corpus and on
a small generated corpus, and asserts the tables are equal to the last bit and the charts and
drill-downs identical.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.corpus.selection import Selection
from analysis.framing import frames, style, term_counts, terms, tone, wording
from analysis.framing.tokens import PARTS
from analysis.notebook import framing_views as views
from analysis.notebook.charts import framing as charts
from analysis.notebook.charts.framing import (
    COLUMN_LABEL_WIDTH,
    DEFAULT_TOP,
    PART_LABEL,
    SPEAKER_LABEL_WIDTH,
    Z_NOTABLE,
    _caption,
    _frame_z,
    _snippet,
    content_height,
    describe_top,
    escape,
    fold_rest,
    make_figure,
    outlet_colors,
    part_of,
    plural,
    rank_top,
    rate_frames,
    wrap_labels,
)
from analysis.notebook.views import markup

ROOT = Path(__file__).resolve().parent.parent

# Before ---------------------------------------------------------------------------------------


def old_find_term_sentences(
    tables: Any,
    term: str,
    *,
    outlets: Iterable[str] | None = None,
    part: str = "all",
    counts: term_counts.TermCounts | None = None,
    article_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    counts = term_counts.reuse_counts(tables, counts, part)
    columns = ["outlet", "article_id", "sentence_id", "n", "text", "spans"]
    where = np.flatnonzero(counts.terms == term)
    if not len(where):
        return pd.DataFrame(columns=columns)
    rows = counts.matrix[:, where[0]].nonzero()[0]
    units = counts.units.iloc[rows]
    if outlets is not None:
        units = units[units.outlet.isin(set(outlets))]
    if article_ids is not None:
        units = units[units.article_id.isin(set(article_ids))]
    sentences = tables.sentences.set_index(["article_id", "sentence_id"])
    wanted = set(zip(units.article_id, units.sentence_id, strict=True))
    keys = list(zip(counts.tokens.article_id, counts.tokens.sentence_id, strict=True))
    tokens = counts.tokens[[k in wanted for k in keys]]
    by_unit = dict(iter(tokens.groupby(["article_id", "sentence_id"], sort=False)))
    records = []
    for unit in units.itertuples():
        sentence = sentences.loc[(unit.article_id, unit.sentence_id)]
        mine = by_unit[(unit.article_id, unit.sentence_id)]
        spans = [
            (s - int(sentence.start), e - int(sentence.start))
            for t, s, e in term_counts.list_terms(mine)
            if t == term
        ]
        records.append(
            (unit.outlet, unit.article_id, unit.sentence_id, len(spans), sentence.text, spans)
        )
    return pd.DataFrame(records, columns=columns)


def old_pick_examples(
    tables: Any,
    counts: term_counts.TermCounts,
    terms_: Sequence[str],
    *,
    outlets: Iterable[str] | None = None,
    article_ids: Iterable[str] | None = None,
) -> dict[str, str]:
    column = {t: i for i, t in enumerate(counts.terms)}
    allowed = np.ones(len(counts.units), dtype=bool)
    if outlets is not None:
        allowed = counts.units.outlet.isin(set(outlets)).to_numpy()
    if article_ids is not None:
        allowed = allowed & counts.units.article_id.isin(set(article_ids)).to_numpy()
    text = dict(
        zip(
            zip(tables.sentences.article_id, tables.sentences.sentence_id, strict=True),
            tables.sentences.text,
            strict=True,
        )
    )
    out = {}
    for term in terms_:
        rows = counts.matrix[:, column[term]].nonzero()[0] if term in column else []
        rows = [r for r in sorted(rows) if allowed[r]]
        unit = counts.units.iloc[rows[0]] if rows else None
        out[term] = "" if unit is None else str(text[(unit.article_id, unit.sentence_id)])
    return out


def old_rank_outlet_terms(
    tables: Any,
    outlets: Sequence[str],
    *,
    part: str = "all",
    counts: term_counts.TermCounts | None = None,
    top: int = 10,
    minimum: int = 1,
    article_ids: Iterable[str] | None = None,
    background: Any = None,
) -> pd.DataFrame:
    counts = term_counts.reuse_counts(tables, counts, part)
    if isinstance(background, str):
        background = terms.count_english_background(counts.terms, language=background)
    frames_ = []
    for outlet in outlets:
        others = [o for o in outlets if o != outlet] or None
        ranked = terms.distinctive_terms(
            tables,
            outlet,
            against=others,
            part=part,
            counts=counts,
            article_ids=article_ids,
            background=background,
        )
        kept = ranked[(ranked.z > 0) & (ranked.n_target >= minimum)].head(top)
        examples = old_pick_examples(
            tables, counts, list(kept.term), outlets=[outlet], article_ids=article_ids
        )
        frames_.append(kept.assign(outlet=outlet, example=kept.term.map(examples)))
    columns = ["outlet", "term", "n_target", "n_rest", "delta", "z", "example"]
    if not frames_:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames_, ignore_index=True)[columns]


def _block(heading: str, text: str, spans: list[tuple[int, int, str]]) -> str:
    return (
        "<div style='margin:.5em 0;padding:.3em .6em;border-left:3px solid #0072B2'>"
        f"<div style='font-size:85%;color:#555'>{html.escape(heading)}</div>"
        f"<div>{markup(text, spans)}</div></div>"
    )


def old_render_frame_sentences(
    matches: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, limit: int = 30
) -> str:
    if matches.empty:
        return "<p><i>No sentence matches.</i></p>"
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    located = {
        (a, int(i)): (int(s), str(t))
        for a, i, s, t in zip(
            sentences.article_id,
            sentences.sentence_id,
            sentences.start,
            sentences.text,
            strict=True,
        )
    }
    blocks = []
    groups = list(matches.groupby(["article_id", "sentence_id"], sort=False))
    for (aid, sid), rows in groups[:limit]:
        start, text = located[(str(aid), int(str(sid)))]
        spans = [
            (int(s) - start, int(e) - start, "mark")
            for s, e in zip(rows.start, rows.end, strict=True)
        ]
        who = sorted({s for s in rows.speaker.dropna()})
        said = (
            f" · quoted: {', '.join(who)}"
            if who
            else (" · in a quote" if rows.in_quote.any() else " · reporter's words")
        )
        frames_ = ", ".join(dict.fromkeys(rows.frame))
        heading = f"{outlet[aid]} · {aid} · sentence {sid} · {frames_}{said}"
        blocks.append(_block(heading, text, spans))
    more = f"<p>{len(groups) - limit} more sentences not shown.</p>" if len(groups) > limit else ""
    return "".join(blocks) + more


def old_plot_tone(
    tables: Any,
    tone: pd.DataFrame,
    *,
    by: str = "outlet",
    selection: Selection | None = None,
) -> Any:
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
    for outlet, color in outlet_colors(articles).items():
        mine = rows[rows.outlet == outlet]
        labels = (
            [escape(s) for s in mine.speaker]
            if by == "speaker"
            else ["reporter's words" if p == "reporter" else "quotes" for p in mine.part]
        )
        values = [float(v) for v in mine.compound]
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
                "text": [_snippet(t, 160) for t in mine.text],
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
            "violence score negative whoever writes them; see the limits in the notebook.",
            selection,
        ),
        layout=layout,
        empty=rows.empty,
    )


def old_plot_frame_rates(
    tables: Any,
    *,
    selection: Selection | None = None,
    words: Mapping[str, pd.Series] | None = None,
    lexicon: str | None = None,
) -> Any:
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
    grid = rates.set_index(["frame", "outlet"])
    z_of = _frame_z(rates, outlets)
    z_values, text, custom = [], [], []
    for frame in frames:
        cells = [grid.loc[(frame, o)] for o in outlets]
        z_values.append(
            [None if pd.isna(c.per_1000) else round(float(c.per_1000), 1) for c in cells]
        )
        text.append([str(int(c.n)) for c in cells])
        custom.append(
            [
                [int(c.n), int(c.words), z_of.get((frame, o), "")]
                for c, o in zip(cells, outlets, strict=True)
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


# After ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["seeds", "generated"])
def corpus(request: pytest.FixtureRequest, tables: analysis.Tables) -> dict[str, Any]:
    chosen = tables if request.param == "seeds" else request.getfixturevalue("generated")
    return {"tables": chosen, "counts": {p: term_counts.count_terms(chosen, part=p) for p in PARTS}}


def selections(tables: analysis.Tables) -> list[Selection]:
    """Every outlet; all but one; two; one alone; the earlier half of the dates; each part;
    minimums 1, 2 and 3 (and nothing selected)."""
    outlets = sorted(set(tables.articles.outlet), key=str.casefold)
    dates = tables.articles.published.dropna().sort_values()
    middle = dates.iloc[len(dates) // 2]
    return [
        Selection(),
        Selection.of(outlets=outlets[1:], minimum=2),
        Selection.of(outlets=outlets[:2], choices={"part": ["reporter"]}),
        Selection.of(outlets=outlets[-1:], choices={"part": ["quote"]}),
        Selection.of(date_to=middle, minimum=3),
        Selection.of(outlets=outlets[2:], date_from=dates.iloc[0], choices={"part": ["quote"]}),
        Selection.of(outlets=[]),
    ]


def test_terms_ranked_from_counts_per_article_equal_the_scan(corpus) -> None:
    tables, counts = corpus["tables"], corpus["counts"]
    outlets = sorted(set(tables.articles.outlet))
    some = list(tables.articles.article_id[::2])
    for part in PARTS:
        for chosen, article_ids, minimum in [
            (outlets, None, 1),
            (outlets[::-1], some, 2),
            (outlets[:1], None, 1),
            (outlets[1:3], some, 0),
            (outlets, None, 0),
            ([], None, 1),
        ]:
            args = {"part": part, "counts": counts[part], "minimum": minimum}
            old = old_rank_outlet_terms(tables, chosen, article_ids=article_ids, **args)
            new = terms.rank_outlet_terms(tables, chosen, article_ids=article_ids, **args)
            pd.testing.assert_frame_equal(new, old, check_exact=True)
            for term in [*old.term.head(3), "no such term"]:
                for only in (None, chosen[:1]):
                    pd.testing.assert_frame_equal(
                        terms.find_term_sentences(
                            tables,
                            term,
                            part=part,
                            counts=counts[part],
                            outlets=only,
                            article_ids=article_ids,
                        ),
                        old_find_term_sentences(
                            tables,
                            term,
                            part=part,
                            counts=counts[part],
                            outlets=only,
                            article_ids=article_ids,
                        ),
                        check_exact=True,
                    )
            assert terms.pick_examples(
                tables, counts[part], list(old.term), article_ids=article_ids
            ) == old_pick_examples(tables, counts[part], list(old.term), article_ids=article_ids)
    # Counts made without their index (computed on first use) rank the same.
    bare = term_counts.TermCounts(
        *(getattr(counts["all"], f) for f in ("part", "units", "matrix", "terms", "tokens"))
    )
    pd.testing.assert_frame_equal(
        terms.rank_outlet_terms(tables, outlets, counts=bare),
        old_rank_outlet_terms(tables, outlets, counts=counts["all"]),
        check_exact=True,
    )
    # A background frequency list as the prior's shape (a dict, and general English).
    background = {str(t): i % 7 for i, t in enumerate(counts["all"].terms)}
    for shape in (background, "english"):
        pd.testing.assert_frame_equal(
            terms.rank_outlet_terms(tables, outlets, counts=counts["all"], background=shape),
            old_rank_outlet_terms(tables, outlets, counts=counts["all"], background=shape),
            check_exact=True,
        )
    for wrong in (["no such outlet"], [outlets[0], "no such outlet"]):
        with pytest.raises(ValueError):
            terms.rank_outlet_terms(tables, wrong, counts=counts["all"])


def test_term_chart_and_drilldown_equal_the_scan(corpus, monkeypatch) -> None:
    tables, counts = corpus["tables"], corpus["counts"]
    for selection in selections(tables):
        new_fig = charts.plot_distinctive_terms(tables, selection=selection, counts=counts)
        new_choices = views.list_term_choices(tables, selection, counts=counts)
        new_views = [
            views.render_term_drilldown(tables, t, selection, counts=counts)
            for t in new_choices[:3]
        ]
        with monkeypatch.context() as m:
            m.setattr(charts, "rank_outlet_terms", old_rank_outlet_terms)
            m.setattr(views, "rank_outlet_terms", old_rank_outlet_terms)
            m.setattr(views, "find_term_sentences", old_find_term_sentences)
            old_fig = charts.plot_distinctive_terms(tables, selection=selection, counts=counts)
            old_choices = views.list_term_choices(tables, selection, counts=counts)
            old_views = [
                views.render_term_drilldown(tables, t, selection, counts=counts)
                for t in old_choices[:3]
            ]
        assert new_fig.to_plotly_json() == old_fig.to_plotly_json()
        assert new_choices == old_choices
        assert new_views == old_views


def test_frame_drilldown_equals_grouping_every_sentence(corpus) -> None:
    tables = corpus["tables"]
    for selection in selections(tables):
        for frame in views.list_frame_choices(tables, selection):
            rows = selection.select_rows(tables.frames, tables.articles, text_column="matched")
            rows = frames.select_matches(rows[rows.frame == frame], "all")
            for limit in (1, 3, 30):
                assert views.render_frame_sentences(
                    rows, tables.sentences, tables.articles, limit=limit
                ) == old_render_frame_sentences(
                    rows, tables.sentences, tables.articles, limit=limit
                )


def old_part_of_wording(quotes: pd.DataFrame, start: int, end: int) -> str:
    """The part of the text of one wording, character by character: "quotes" when every
    character is inside a quote, "reporter" when none is, else "across"."""
    spans = list(zip(quotes.start, quotes.end, strict=True))
    inside = [any(s <= i < e for s, e in spans) for i in range(start, end)]
    return "quotes" if all(inside) else ("across" if any(inside) else "reporter")


def old_select_word_choices(
    tables: Any, choices: pd.DataFrame, selection: Selection
) -> pd.DataFrame:
    """The word choices of a selection, made from the selected choices each time."""
    ids = set(selection.select_articles(tables.articles).article_id)
    kept = choices[choices.article_a.isin(ids) & choices.article_b.isin(ids)]
    part = part_of(selection)
    if part != "all":
        by_article = dict(iter(tables.quotes.groupby("article_id")))
        empty = tables.quotes.iloc[:0]
        both = [
            old_part_of_wording(by_article.get(a, empty), int(sa), int(ea)) == part
            and old_part_of_wording(by_article.get(b, empty), int(sb), int(eb)) == part
            for a, sa, ea, b, sb, eb in zip(
                kept.article_a,
                kept.start_a,
                kept.end_a,
                kept.article_b,
                kept.start_b,
                kept.end_b,
                strict=True,
            )
        ]
        kept = kept[both]
    summary = wording.summarize_word_choices(kept)
    return summary[summary.n >= selection.minimum].reset_index(drop=True)


def old_select_house_style(tables: Any, counts: Any, selection: Selection) -> pd.DataFrame:
    """The house style table of a selection, tabulated from the selected tokens each time."""
    ids = set(selection.select_articles(tables.articles).article_id)
    tokens = counts[part_of(selection)].tokens
    table = style.tabulate_house_style(tokens[tokens.article_id.isin(ids)])
    return table[table.n >= selection.minimum].reset_index(drop=True)


def test_tables_made_once_and_selected_equal_tables_made_per_filter(corpus) -> None:
    tables, counts = corpus["tables"], corpus["counts"]
    choices = wording.find_word_choices(tables)
    unchanged = choices.copy()
    index = wording.index_word_choices(tables, choices)
    house = {p: style.index_house_style(counts[p].tokens) for p in PARTS}
    dates = tables.articles.published.dropna().sort_values()
    more = [
        Selection.of(minimum=2, choices={"part": ["reporter"]}),
        Selection.of(date_from=dates.iloc[len(dates) // 3], choices={"part": ["quote"]}),
        Selection.of(story=int(tables.articles.story_id.iloc[0])),
        Selection.of(story=-1),
        Selection.of(minimum=1000),
    ]
    shown = {"choices": 0, "house": 0}
    for selection in [*selections(tables), *more]:
        new = views.select_word_choices(tables, index, selection)
        old = old_select_word_choices(tables, choices, selection)
        shown["choices"] += len(old)
        if old.empty:
            assert new.empty and list(new.columns) == wording.SUMMARY_COLUMNS
        else:
            pd.testing.assert_frame_equal(new, old, check_exact=True)
        new = views.select_house_style(tables, house, selection)
        old = old_select_house_style(tables, counts, selection)
        shown["house"] += len(old)
        if old.empty:
            assert new.empty and list(new.columns) == style.HOUSE_STYLE_COLUMNS
        else:
            pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert shown["choices"] > 0 and shown["house"] > 0  # the selections show rows
    pd.testing.assert_frame_equal(choices, unchanged)  # indexing never changes the choices


def _as_lists(value: Any) -> Any:
    """A figure's JSON with numpy arrays, and the typed arrays plotly encodes them as
    ({"dtype", "bdata"}, base64), as lists: plotly.js draws both alike."""
    if isinstance(value, dict) and set(value) <= {"dtype", "bdata", "shape"} and "bdata" in value:
        decoded = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return decoded.tolist()
    if isinstance(value, dict):
        return {k: _as_lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_lists(v) for v in value]
    if isinstance(value, np.ndarray):
        return [_as_lists(v) for v in value.tolist()]
    return value


def test_tone_charts_draw_the_same_points(corpus) -> None:
    tables = corpus["tables"]
    scored = tone.score_tone(tables)
    for selection in selections(tables):
        for by in ("outlet", "speaker"):
            new = charts.plot_tone(tables, scored, by=by, selection=selection)
            old = old_plot_tone(tables, scored, by=by, selection=selection)
            # The caption now names the filters the chart does not follow (here the minimum,
            # by outlet); the rest of the figure is the old one's.
            note = charts.describe_not_applied(
                selection, ["frame"] if by == "speaker" else ["frame", "minimum"]
            )
            new_caption = new.layout.title.subtitle.text.replace("<br>", " ")
            assert new_caption == old.layout.title.subtitle.text.replace("<br>", " ") + note
            new.layout.title.subtitle.text = old.layout.title.subtitle.text
            new.layout.margin, new.layout.title.y = old.layout.margin, old.layout.title.y
            assert _as_lists(new.to_plotly_json()) == _as_lists(old.to_plotly_json())


def test_frame_chart_draws_the_same_cells(corpus) -> None:
    tables = corpus["tables"]
    words = {p: frames.count_words(tables, part=p) for p in PARTS}
    for selection in selections(tables):
        new = charts.plot_frame_rates(tables, selection=selection, words=words, lexicon="x")
        old = old_plot_frame_rates(tables, selection=selection, words=words, lexicon="x")
        assert new.to_plotly_json() == old.to_plotly_json()
