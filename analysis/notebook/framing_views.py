"""Drill-downs of notebook 03: the sentences behind a frame or a term, their words highlighted
(escaped HTML: article text is untrusted), and a picker widget that follows the filters."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from ..corpus.selection import Selection
from ..framing.frames import count_speaker_frames, select_matches
from ..framing.style import HouseStyleIndex
from ..framing.term_counts import TermCounts
from ..framing.terms import find_term_sentences, rank_outlet_terms
from ..framing.tokens import part_of
from ..framing.wording import WordChoiceIndex
from .charts.framing import describe_not_applied
from .charts.style import describe_corpus, plural
from .viewers import TableView
from .views import markup


def _block(heading: str, text: str, spans: list[tuple[int, int, str]]) -> str:
    return (
        "<div style='margin:.5em 0;padding:.3em .6em;border-left:3px solid #0072B2'>"
        f"<div style='font-size:85%;color:#555'>{html.escape(heading)}</div>"
        f"<div>{markup(text, spans)}</div></div>"
    )


def render_frame_sentences(
    matches: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, limit: int = 30
) -> str:
    """Renders the sentences holding frame matches, the matched words highlighted.

    Args:
        matches: `frames` rows to show (e.g. one frame, selected outlets).
        sentences: The `sentences` table.
        articles: The `articles` table.
        limit: The most sentences shown.

    Returns:
        Escaped HTML, one block per sentence in corpus order: outlet, article, sentence, the
        frames matched (with the speaker when quoted), then the sentence with its matches in
        `<mark>`.
    """
    if matches.empty:
        return "<p><i>No sentence matches.</i></p>"
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    # Sentences numbered in order of first match; only the first `limit` are grouped and read.
    keys = ["article_id", "sentence_id"]
    number = matches.groupby(keys, sort=False).ngroup().to_numpy()
    n_groups = int(number.max()) + 1 if (number >= 0).any() else 0
    shown = matches[(number >= 0) & (number < limit)]
    needed = sentences[sentences.article_id.isin(set(shown.article_id))]
    located = {
        (a, int(i)): (int(s), str(t))
        for a, i, s, t in zip(
            needed.article_id,
            needed.sentence_id,
            needed.start,
            needed.text,
            strict=True,
        )
    }
    blocks = []
    for (aid, sid), rows in shown.groupby(keys, sort=False):
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
        frames = ", ".join(dict.fromkeys(rows.frame))
        heading = f"{outlet[aid]} · {aid} · sentence {sid} · {frames}{said}"
        blocks.append(_block(heading, text, spans))
    more = f"<p>{n_groups - limit} more sentences not shown.</p>" if n_groups > limit else ""
    return "".join(blocks) + more


def render_term_sentences(found: pd.DataFrame, *, limit: int = 30) -> str:
    """Renders `terms.find_term_sentences` rows, each occurrence of the term highlighted.

    Returns:
        Escaped HTML, one block per sentence (outlet, article, sentence, occurrences).
    """
    if found.empty:
        return "<p><i>No sentence uses this term in the selection.</i></p>"
    blocks = [
        _block(
            f"{r['outlet']} · {r['article_id']} · sentence {r['sentence_id']} · {r['n']}×",
            str(r["text"]),
            [(int(s), int(e), "mark") for s, e in r["spans"]],
        )
        for r in found.head(limit).to_dict("records")
    ]
    more = f"<p>{len(found) - limit} more sentences not shown.</p>" if len(found) > limit else ""
    return "".join(blocks) + more


def _outlets(tables: Any, selection: Selection) -> list[str]:
    shown = set(selection.select_articles(tables.articles).outlet)
    return sorted(shown, key=str.casefold)


def list_term_choices(
    tables: Any,
    selection: Selection,
    *,
    counts: Mapping[str, TermCounts] | None = None,
    top: int = 10,
) -> list[str]:
    """Returns the terms the distinctive-terms chart shows for a selection, highest z first."""
    part = part_of(selection)
    ranked = rank_outlet_terms(
        tables,
        _outlets(tables, selection),
        part=part,
        counts=(counts or {}).get(part),
        top=top,
        minimum=selection.minimum,
        article_ids=selection.select_articles(tables.articles).article_id,
    )
    return list(dict.fromkeys(ranked.sort_values("z", ascending=False, kind="stable").term))


def render_term_drilldown(
    tables: Any,
    term: str,
    selection: Selection,
    *,
    counts: Mapping[str, TermCounts] | None = None,
) -> str:
    """Renders the selected outlets' sentences using a term (in the selected part of the text).

    Returns:
        Escaped HTML (`render_term_sentences`).
    """
    part = part_of(selection)
    found = find_term_sentences(
        tables,
        term,
        part=part,
        counts=(counts or {}).get(part),
        article_ids=selection.select_articles(tables.articles).article_id,
    )
    return render_term_sentences(found)


def list_frame_choices(tables: Any, selection: Selection) -> list[str]:
    """Returns the frames matched in the selection (the "frame" choice and part applied) at
    least its minimum number of times, as the frames chart keeps them, in order of first
    match."""
    rows = selection.select_rows(tables.frames, tables.articles, text_column="matched")
    found = select_matches(rows, part_of(selection)).frame
    counts = found.value_counts()
    return [f for f in dict.fromkeys(found) if counts[f] >= selection.minimum]


def render_frame_drilldown(tables: Any, frame: str, selection: Selection) -> str:
    """Renders the selected outlets' sentences matching a frame, matched words highlighted.

    Returns:
        Escaped HTML (`render_frame_sentences`).
    """
    rows = selection.select_rows(tables.frames, tables.articles, text_column="matched")
    rows = select_matches(rows[rows.frame == frame], part_of(selection))
    return render_frame_sentences(rows, tables.sentences, tables.articles)


class Drilldown:
    """A picker (frame, term, …) and the HTML it renders for the filters' selection.

    Attributes:
        widget: The picker and the view, ready to display.
    """

    def __init__(
        self,
        options: Sequence[str] | Callable[[Selection], Sequence[str]],
        render: Callable[[str, Selection], str],
        *,
        panel: Any = None,
        description: str = "show",
        articles: pd.DataFrame | None = None,
        not_applied: Sequence[str] = (),
    ) -> None:
        """Shows `render(choice, selection)` for the picked option.

        Args:
            options: The choices, or a function giving them for a selection (e.g. the top terms).
            render: Makes the (escaped) HTML for a choice and a selection.
            panel: The `widgets.FilterPanel` to follow; None: the whole corpus.
            description: The picker's label.
            articles: The whole `articles` table: the view then opens with a source line saying
                which selection it shows (`describe_table_source`); None: no source line.
            not_applied: The panel's filters the view does not follow (named when set).
        """
        self._articles, self._not_applied = articles, tuple(not_applied)
        self._options = options if callable(options) else (lambda _selection: options)
        self._render = render
        self._selection = panel.selection if panel is not None else Selection()
        choices = list(self._options(self._selection))
        self.picker = w.Dropdown(
            options=choices,
            value=choices[0] if choices else None,
            description=description,
            layout=w.Layout(width="60%"),
        )
        self.view = w.HTML()
        self._quiet = False  # True while `refresh` replaces the options and the pick
        self.picker.observe(lambda _change: None if self._quiet else self._show(), names="value")
        self.widget = w.VBox([self.picker, self.view])
        self.widget.add_class("coverage-lens-drilldown")
        self._show()
        if panel is not None:
            panel.on_change(self.refresh)

    def refresh(self, selection: Selection) -> None:
        """Follows a new selection: new options (keeping the pick when still offered), new view."""
        self._selection = selection
        choices = list(self._options(selection))
        keep = self.picker.value if self.picker.value in choices else None
        # Options, then the pick, one after the other: inside `hold_trait_notifications` the new
        # pick was validated against the old options (a TraitError when the choices changed).
        self._quiet = True
        try:
            self.picker.options = choices
            self.picker.value = keep if keep is not None else (choices[0] if choices else None)
        finally:
            self._quiet = False
        self._show()

    def _show(self) -> None:
        choice = self.picker.value
        source = (
            ""
            if self._articles is None
            else describe_table_source(
                self._articles, self._selection, not_applied=self._not_applied
            )
        )
        self.view.value = source + (
            "<p><i>Nothing to show for this selection.</i></p>"
            if choice is None
            else self._render(str(choice), self._selection)
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.view.value
        return bundle


def _article_ids(tables: Any, selection: Selection) -> pd.Series | None:
    """Returns the selected articles' ids, or None when the selection keeps every article."""
    chosen = selection.select_articles(tables.articles)
    return None if len(chosen) == len(tables.articles) else chosen.article_id


def select_house_style(
    tables: Any, index: Mapping[str, HouseStyleIndex], selection: Selection
) -> pd.DataFrame:
    """Returns the house style table of a selection: its articles (story, outlets, dates), its
    part of the text and its minimum count (`HouseStyleIndex.select`)."""
    return index[part_of(selection)].select(
        article_ids=_article_ids(tables, selection), minimum=selection.minimum
    )


def select_word_choices(tables: Any, index: WordChoiceIndex, selection: Selection) -> pd.DataFrame:
    """Returns the word-choice summary of a selection: choices whose two articles are selected,
    whose two wordings are in the selected part of the text, made at least the minimum number of
    times (`WordChoiceIndex.select`)."""
    return index.select(
        article_ids=_article_ids(tables, selection),
        part=part_of(selection),
        minimum=selection.minimum,
    )


def select_speaker_frames(tables: Any, selection: Selection) -> pd.DataFrame:
    """Returns `frames.count_speaker_frames` of the selected frame matches (articles, frames,
    part of the text: none under "reporter" alone), the rows with at least the minimum matches."""
    rows = selection.select_rows(tables.frames, tables.articles, text_column="matched")
    counted = count_speaker_frames(select_matches(rows, part_of(selection)))
    return counted[counted.n >= selection.minimum].reset_index(drop=True)


def select_left_out(tables: Any, left_out: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """Returns the frame matches left out (`frames.tabulate_left_out`) of a selection: its
    articles, its frames, its part of the text, the search applied to the matched words."""
    rows = selection.select_rows(left_out, tables.articles, text_column="matched")
    return select_matches(rows, part_of(selection))


def describe_table_source(
    articles: pd.DataFrame,
    selection: Selection,
    rows: int | None = None,
    *,
    not_applied: Sequence[str] = (),
) -> str:
    """Says which selection a table or a drill-down shows, as a chart's source line does.

    Args:
        articles: The whole `articles` table.
        selection: The selection shown.
        rows: How many rows the table has; None names no rows.
        not_applied: The filters of the panel the view does not follow (e.g. "frame"), named
            when they are set (`charts.framing.describe_not_applied`).

    Returns:
        Escaped HTML: the corpus, the selected articles and outlets of all, every active filter
        (`Selection.describe`), the filters set that the view does not follow, and the rows.
    """
    shown = selection.select_articles(articles)
    filters = selection.describe()
    text = (
        f"Source: {describe_corpus(articles)}, {len(shown)} of {plural(len(articles), 'article')} "
        f"({plural(shown.outlet.nunique(), 'outlet')})."
        + (f" Filters: {filters}." if filters else "")
        + describe_not_applied(selection, not_applied)
        + (f" {plural(rows, 'row')}." if rows is not None else "")
    )
    style = "font-size:85%;color:#555"
    return f"<div class='coverage-lens-source' style='{style}'>{html.escape(text)}</div>"


class SourcedTable:
    """A `TableView` following a panel, with a source line above it that says which selection it
    shows (corpus, selected articles, active filters, row count).

    Attributes:
        widget: The source line and the table, ready to display.
        source: The source line (HTML).
        table: The `TableView`.
    """

    def __init__(
        self,
        rows: Callable[[Selection], pd.DataFrame],
        *,
        articles: pd.DataFrame,
        panel: Any = None,
        not_applied: Sequence[str] = (),
        max_chars: int = 120,
    ) -> None:
        """Shows `rows(selection)` for the panel's selection, and again on every change.

        Args:
            rows: The rows of a selection (a function; its result is not modified).
            articles: The whole `articles` table (for the source line).
            panel: The `widgets.FilterPanel` to follow; None: the whole corpus.
            not_applied: The panel's filters this table does not follow (named when set).
            max_chars: Longest text shown whole in a cell.
        """
        self._rows, self._articles, self._not_applied = rows, articles, tuple(not_applied)
        selection = panel.selection if panel is not None else Selection()
        self._frame = rows(selection)
        self.source = w.HTML()
        self.table = TableView(lambda _selection: self._frame, max_chars=max_chars)
        self._describe(selection)
        self.widget = w.VBox([self.source, self.table.widget])
        if panel is not None:
            panel.on_change(self.refresh)

    def _describe(self, selection: Selection) -> None:
        self.source.value = describe_table_source(
            self._articles, selection, len(self._frame), not_applied=self._not_applied
        )

    def refresh(self, selection: Selection) -> None:
        """Shows the rows of another selection and says which, in place."""
        self._frame = self._rows(selection)
        self._describe(selection)
        self.table.refresh(selection)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        table = self.table._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.source.value + table["text/html"]
        return bundle
