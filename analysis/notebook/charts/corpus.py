"""Charts of notebooks 00 and 01: the articles, their lengths, cleaning and structure."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ...corpus.selection import Selection
from .style import (
    COUNT_AXIS,
    DATE_FORMAT,
    DAY_MS,
    _caption,
    _labels,
    _snippet,
    _word_counts,
    category_colors,
    content_height,
    escape,
    make_figure,
    outlet_colors,
    plural,
    wrap_labels,
)
from .top import rank_top

#: Characters per line of an article label on a vertical axis.
ARTICLE_LABEL_WIDTH = 30
#: Most articles a per-article bar chart draws when the selection does not say (`Selection.top`):
#: a larger selection shows the articles that rank first (the longest, the most cleaned).
ARTICLE_ROWS = 40
#: Corpora with more articles draw one paragraph-structure line trace per outlet, not per article.
ARTICLE_TRACES = 40
#: Most sentences the sentence-length boxes draw as points (with their text in the hover); with
#: more, only the outliers are points and the hover gives the words.
SENTENCE_POINTS = 3000


def _rank_articles(shown: pd.DataFrame, by: pd.Series, selection: Selection) -> pd.DataFrame:
    """Returns the rows of `shown` a per-article chart draws: all of them, or when there are
    more than `selection.top` (else `ARTICLE_ROWS`), those with the largest `by` (same index),
    in the selection's order."""
    n = selection.top or ARTICLE_ROWS
    if len(shown) <= n:
        return shown
    return shown.loc[sorted(rank_top(by, n=n), key=list(shown.index).index)]


def _by_outlet(rows: pd.DataFrame, columns: list[str]) -> dict[str, pd.DataFrame]:
    """Returns the rows of each outlet (only the named columns, so a corpus of long bodies is
    not copied 40 times); outlets without rows are missing."""
    return {str(o): part for o, part in rows[["outlet", *columns]].groupby("outlet", sort=False)}


def _ranked_note(drawn: int, shown: int, what: str) -> str:
    return f" The {drawn} {what} of {shown} shown." if drawn < shown else ""


def plot_article_lengths(
    articles: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Bar chart of each article's length in words, coloured by outlet.

    Args:
        articles: The `articles` table.
        selection: Which articles to show; all by default (at most `selection.top`, else
            `ARTICLE_ROWS`, are drawn: the longest).

    Returns:
        One horizontal bar trace per outlet of the corpus; x is `n_words`, y the article label.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    drawn = _rank_articles(shown, shown.n_words, selection)
    traces = []
    parts = _by_outlet(drawn, ["article_id", "title", "n_words", "n_sentences", "n_paragraphs"])
    for outlet, color in outlet_colors(articles).items():
        rows = parts.get(outlet, drawn.head(0))
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
        caption=_caption(
            articles,
            shown,
            "Words: word tokens of the cleaned body."
            + _ranked_note(len(drawn), len(shown), "longest articles"),
            selection,
        ),
        layout={
            "xaxis": {"title": {"text": "words in the cleaned body"}, **COUNT_AXIS},
            "yaxis": {
                "autorange": "reversed",
                **wrap_labels(_labels(drawn), width=ARTICLE_LABEL_WIDTH, size=13),
            },
            "showlegend": False,  # the bar labels name the outlets
            "height": content_height(len(drawn), row=44),
        },
        empty=shown.empty,
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
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    dated = shown[shown.published.notna()]
    traces = []
    parts = _by_outlet(dated, ["article_id", "published", "n_words"])
    for outlet, color in outlet_colors(articles).items():
        rows = parts.get(outlet, dated.head(0))
        traces.append(
            {
                "type": "scatter",
                "name": escape(outlet),
                "x": rows.published.tolist(),
                "y": rows.n_words.tolist(),
                "mode": "markers",
                "marker": {"color": color, "size": 14, "line": {"width": 1, "color": "white"}},
                "text": _labels(rows),
                "hovertemplate": "%{text}<br>published %{x|" + DATE_FORMAT + "}<br>%{y} words"
                "<extra></extra>",
            }
        )
    undated = len(shown) - len(dated)
    note = f" Not shown: {plural(undated, 'undated article')}." if undated else ""
    xaxis: dict[str, Any] = {"title": {"text": "publication date"}, "tickformat": DATE_FORMAT}
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
        caption=_caption(articles, shown, "Dates from the manifest." + note, selection),
        layout={"xaxis": xaxis, "yaxis": {"title": {"text": "words"}, **COUNT_AXIS}},
        empty=dated.empty,
    )


#: What the cleaning chart says when the articles shown lost nothing to cleaning.
NOTHING_REMOVED = (
    "Cleaning removed nothing from the articles shown: every character is title or body."
)


def plot_removed_text(
    articles: pd.DataFrame, removed: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Stacked bars of how many raw characters cleaning removed from each article, by reason.

    Args:
        articles: The `articles` table.
        removed: The `removed` table.
        selection: Which articles to show; all by default (at most `selection.top`, else
            `ARTICLE_ROWS`, are drawn: those with the most removed; when there are more, none
            that lost nothing, and the source line counts them).

    Returns:
        One bar trace per removal reason of the corpus; x is characters removed, y the article.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    chars = (removed.end - removed.start).groupby([removed.reason, removed.article_id]).sum()
    per_article = chars.groupby(level="article_id").sum()
    amount = shown.article_id.map(per_article).fillna(0).set_axis(shown.index)
    # More articles than rows: the rows go to articles that lost something (an empty row says
    # nothing the note does not), counted in the note.
    many = len(shown) > (selection.top or ARTICLE_ROWS)
    candidates = shown[amount > 0] if many else shown
    drawn = _rank_articles(candidates, amount[candidates.index], selection)
    note = _ranked_note(len(drawn), len(candidates), "articles with the most removed")
    if len(candidates) < len(shown):
        lost_nothing = len(shown) - len(candidates)
        note += f" Not drawn: {plural(lost_nothing, 'article')} cleaning removed nothing from."
    shown_ids = shown.article_id
    shown = drawn
    labels = _labels(shown)
    # Colours from every reason of the corpus (stable under filters); drawn: the reasons of the
    # articles shown, so the legend lists no reason absent from them.
    colors = category_colors(sorted(removed.reason.unique()))
    present = set(removed.reason[removed.article_id.isin(shown.article_id)])
    traces = []
    for reason, color in colors.items():
        if reason not in present:
            continue
        per_article = chars[reason]
        traces.append(
            {
                "type": "bar",
                "name": escape(reason),
                "x": [int(per_article.get(a, 0)) for a in shown.article_id],
                "y": labels,
                "orientation": "h",
                "marker": {"color": color},
                "hovertemplate": "%{y}<br>%{x} characters: " + escape(reason) + "<extra></extra>",
            }
        )
    return make_figure(
        traces,
        title="What cleaning removed from each raw file",
        caption=_caption(
            articles,
            articles[articles.article_id.isin(shown_ids)],
            "See the removed table for every span and its text." + note,
            selection,
        ),
        layout={
            "barmode": "stack",
            "xaxis": {"title": {"text": "characters of the raw file removed"}, **COUNT_AXIS},
            "yaxis": {
                "autorange": "reversed",
                **wrap_labels(labels, width=ARTICLE_LABEL_WIDTH, size=13),
            },
            "height": content_height(len(shown), row=44) + 30 * ((len(present) + 1) // 2),
        },
        empty=True if shown_ids.empty else (NOTHING_REMOVED if not present else False),
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
        One box trace per outlet of the corpus; y is the words per sentence. Every sentence is a
        point, with its text in the hover, up to `SENTENCE_POINTS` sentences; beyond, only the
        outliers are.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    rows = selection.select_rows(sentences, articles)
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    outlets = rows.article_id.map(outlet_of)
    every = len(rows) <= SENTENCE_POINTS
    parts = dict(list(rows.text.groupby(outlets, sort=False)))
    traces = []
    for outlet, color in outlet_colors(articles).items():
        texts = parts.get(outlet, rows.text.head(0))
        points: dict[str, Any] = (
            {
                "boxpoints": "all",
                "jitter": 0.4,
                "pointpos": 0,
                "text": [_snippet(t) for t in texts],
                "hovertemplate": "%{y} words: %{text}<extra></extra>",
            }
            if every
            else {"boxpoints": "outliers"}
        )
        traces.append(
            {
                "type": "box",
                "name": escape(outlet),
                "y": _word_counts(texts),
                "marker": {"color": color},
                **points,
            }
        )
    return make_figure(
        traces,
        title="Sentence length per outlet",
        caption=_caption(
            articles,
            shown,
            f"{len(rows)} sentences; words split on whitespace."
            + ("" if every else f" Points: the outliers (more than {SENTENCE_POINTS} sentences)."),
            selection,
        ),
        layout={
            "yaxis": {"title": {"text": "words per sentence"}, **COUNT_AXIS},
            "xaxis": wrap_labels([escape(o) for o in outlet_colors(articles)]),
            "showlegend": False,
        },
        empty=rows.empty,
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
        One line trace per article of the corpus (legend grouped by outlet), or, in a corpus of
        more than `ARTICLE_TRACES` articles, one per outlet (its articles' lines separated by
        gaps, the article named in the hover); x is the paragraph's position (1 = first), y its
        length in words. Unselected articles' lines are empty.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    visible = set(shown.article_id)
    colors = outlet_colors(articles)
    rows = paragraphs[paragraphs.article_id.isin(visible)]
    label_of = dict(zip(articles.article_id, _labels(articles), strict=True))
    outlet_of = dict(zip(articles.article_id, articles.outlet, strict=True))
    if len(articles) <= ARTICLE_TRACES:
        keys, names = list(articles.article_id), _labels(articles)
        key_of = {a: a for a in articles.article_id}
    else:
        keys, names = list(colors), [escape(o) for o in colors]
        key_of, outlet_of = outlet_of, {o: o for o in colors}
    # One pass over the paragraphs (in table order: article by article): x, y and hover text per
    # trace, with a gap (None) where one article's line ends and the next one's starts.
    lines: dict[str, tuple[list[Any], list[Any], list[str]]] = {k: ([], [], []) for k in keys}
    last: dict[str, str] = {}
    for article_id, position, words, text in zip(
        rows.article_id.tolist(),
        (rows.paragraph_id + 1).tolist(),
        _word_counts(rows.text),
        rows.text.tolist(),
        strict=True,
    ):
        key = key_of[article_id]
        x, y, hover = lines[key]
        if last.get(key, article_id) != article_id:
            x += [None]
            y += [None]
            hover += [""]
        last[key] = article_id
        x += [position]
        y += [words]
        hover += [f"{label_of[article_id]}<br>{_snippet(text)}"]
    traces = []
    for key, name in zip(keys, names, strict=True):
        x, y, text = lines[key]
        traces.append(
            {
                "type": "scatter",
                "name": name,
                "x": x,
                "y": y,
                "mode": "lines+markers",
                "line": {"color": colors[outlet_of[key]], "width": 2},
                "legendgroup": escape(outlet_of[key]),
                "text": text,
                "hovertemplate": "paragraph %{x}: %{y} words<br>%{text}"
                "<extra>%{fullData.name}</extra>",
            }
        )
    return make_figure(
        traces,
        title="Paragraph structure: length of each paragraph through the article",
        caption=_caption(articles, shown, "One line per article.", selection),
        layout={
            "xaxis": {"title": {"text": "paragraph (1 = first)"}, **COUNT_AXIS},
            "yaxis": {"title": {"text": "words in the paragraph"}, **COUNT_AXIS},
            "height": 560,
        },
        empty=shown.empty,
    )


#: Most stories the story overview draws when the selection does not say (`Selection.top`): the
#: stories with the most selected articles.
STORY_ROWS = 30
#: Characters per line of a story label on the vertical axis.
STORY_LABEL_WIDTH = 40


def plot_story_coverage(
    articles: pd.DataFrame, stories: pd.DataFrame, *, selection: Selection | None = None
) -> go.Figure:
    """Dot chart of who covered which story when: a row per story, a dot per outlet and day.

    Args:
        articles: The `articles` table (with `story_id`).
        stories: The `stories` table.
        selection: Which articles to show; all by default (at most `selection.top`, else
            `STORY_ROWS`, stories are drawn: those with the most selected articles).

    Returns:
        One marker trace per outlet of the corpus: x is the publication day (each outlet at its
        own hour of it, side by side), y the story; a dot's area grows with the outlet's articles
        on the story that day (its words in the hover).
        Undated articles are left out and counted in the caption.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    counts = shown.groupby("story_id").size()
    top = rank_top(counts, n=selection.top or STORY_ROWS) if len(counts) else []
    label = dict(zip(stories.story_id, stories.label, strict=True))
    first = dict(zip(stories.story_id, stories.first_published, strict=True))

    def when(story: int) -> tuple[bool, pd.Timestamp, int]:
        day = first.get(story)
        return (pd.isna(day), pd.Timestamp.max if pd.isna(day) else day, story)

    order = sorted(top, key=when)
    names = [escape(f"{k} · {label.get(k, '')}") for k in order]
    name_of = dict(zip(order, names, strict=True))
    drawn = shown[shown.story_id.isin(order) & shown.published.notna()]
    days = drawn.assign(
        title=drawn.title.map(lambda t: escape(t) if isinstance(t, str) else "(no title)")
    ).groupby(["outlet", "story_id", "published"], sort=True)
    cells = days.agg(
        n=("article_id", "size"), words=("n_words", "sum"), titles=("title", "<br>".join)
    ).reset_index()
    traces = []
    colors = outlet_colors(articles)
    for rank, (outlet, color) in enumerate(colors.items()):
        rows = cells[cells.outlet == outlet]
        # each outlet at its own hour of the day, so outlets of one story and day sit side by
        # side instead of on top of each other (the hover still gives the day)
        hour = pd.Timedelta(hours=2 + 20 * rank / max(len(colors) - 1, 1))
        traces.append(
            {
                "type": "scatter",
                "name": escape(outlet),
                "x": (rows.published + hour).tolist(),
                "y": [name_of[k] for k in rows.story_id],
                "mode": "markers",
                "marker": {
                    "color": color,
                    "size": [9 + 6 * (n - 1) ** 0.5 for n in rows.n],
                    "line": {"width": 1, "color": "white"},
                    "opacity": 0.85,
                },
                "customdata": list(zip(rows.n, rows.words, rows.titles, strict=True)),
                "hovertemplate": escape(outlet) + " · %{x|" + DATE_FORMAT + "}<br>%{y}<br>"
                "%{customdata[0]} article(s), %{customdata[1]} words<br>%{customdata[2]}"
                "<extra></extra>",
            }
        )
    undated = int(shown[shown.story_id.isin(order)].published.isna().sum())
    note = f" Not shown: {plural(undated, 'undated article')}." if undated else ""
    more = len(counts) - len(order)
    ranked = (
        f" The {len(order)} stories with the most articles of {len(counts)} shown."
        if more > 0
        else ""
    )
    return make_figure(
        traces,
        title="Who covered which story, when",
        caption=_caption(
            articles,
            shown,
            "A row per story (`stories`), a dot per outlet and day; larger dots: more articles."
            + ranked
            + note,
            selection,
        ),
        layout={
            "xaxis": {"title": {"text": "publication date"}, "tickformat": DATE_FORMAT},
            "yaxis": {
                "autorange": "reversed",
                "type": "category",
                "categoryorder": "array",
                "categoryarray": names,
                **wrap_labels(names, width=STORY_LABEL_WIDTH, size=12),
            },
            "height": content_height(len(order), row=36),
        },
        empty=drawn.empty,
    )
