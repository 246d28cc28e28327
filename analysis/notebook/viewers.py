"""Notebook views of the tables that follow the filters: sortable tables, the article reading
view, quotes in context and the statement variants (all text escaped)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import pandas as pd
from itables import JavascriptFunction
from itables.widget import ITable

from ..corpus.selection import Selection
from .charts.style import NOTHING_MATCHES
from .views import (
    render_quotes_in_context,
    render_reading_view,
    render_record,
    shorten_columns,
    truncate,
)

if TYPE_CHECKING:
    from .charts.overlap_index import OverlapIndex
    from .panel import FilterPanel

#: Table controls: search box and page length above, row count and pages below.
TABLE_LAYOUT = {
    "topStart": "search",
    "topEnd": "pageLength",
    "bottomStart": "info",
    "bottomEnd": "paging",
}
#: DataTables state (sort, search, page length) kept in the page's memory, keyed by the table's
#: element: the itables widget builds a new DataTable in the same element on every redraw (a
#: filter change, a page turn), which would otherwise forget the reader's sort, and a click on a
#: heading while the redraw is under way was lost. A redraw starts at the first rows (`start`
#: 0); the state does not expire (`stateDuration` 0). Nothing is written to storage, so no other
#: table or later session inherits it.
SAVE_STATE = JavascriptFunction(
    "function (settings, data) {"
    " (window.coverageLensTableState = window.coverageLensTableState || new WeakMap())"
    ".set(settings.nTable, data); }"
)
LOAD_STATE = JavascriptFunction(
    "function (settings) {"
    " const kept = window.coverageLensTableState;"
    " const state = kept && kept.get(settings.nTable);"
    " return state ? Object.assign({}, state, {start: 0}) : null; }"
)


@contextmanager
def _silence_undocumented_options() -> Iterator[None]:
    """Hides itables' warning that the state callbacks are not in its option types (they are
    DataTables options, passed through as written); yields nothing."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="These arguments are not documented", category=SyntaxWarning
        )
        yield


#: How every table behaves: a search box and paging however small the table (itables hides them
#: on tables of one page), full width from the first drawing, columns that sort on a click on
#: the heading text (else only the small arrows sort), rows that can be selected, and the
#: reader's sort, search and page length kept when the table is redrawn.
TABLE_OPTIONS: dict[str, Any] = {
    "layout": TABLE_LAYOUT,
    "style": "width:100%;margin:0;table-layout:auto",
    "autoWidth": False,
    "ordering": True,
    "order": [],
    "select": True,
    "text_in_header_can_be_selected": False,
    # Every row of a page is sent: itables would otherwise drop rows of any page above 64 KB
    # (its `maxBytes`; a 1,000-row page of eight columns lost 593 rows). The page size keeps
    # what is sent small instead (`PAGE_CELLS`).
    "maxBytes": 0,
    "stateSave": True,
    "stateDuration": 0,
    "stateSaveCallback": SAVE_STATE,
    "stateLoadCallback": LOAD_STATE,
}

#: Rows in the static copy of a table (what a viewer without widgets sees).
STATIC_ROWS = 50
#: Rows a table sends to the browser at once; longer tables turn pages of this many rows with
#: buttons (DataTables then sorts and searches within the page; the filters apply to all rows).
PAGE_ROWS = 1000
#: Most cells a page holds: a wide table turns pages of fewer rows (at least `MIN_PAGE_ROWS`), so
#: that formatting a page for the browser stays quick (about 5 µs a cell).
PAGE_CELLS = 12_000
MIN_PAGE_ROWS = 100


class TableView:
    """A sortable, searchable table (DataTables via itables, cells escaped) whose long texts are
    shortened, with the full selected row shown below it; a table longer than `page_rows` is
    shown a page of rows at a time.

    Attributes:
        widget: The table and the full-row panel, ready to display.
    """

    def __init__(
        self,
        rows: pd.DataFrame | Callable[[Selection], pd.DataFrame],
        *,
        panel: FilterPanel | None = None,
        max_chars: int = 120,
        caption: str = "",
        page_rows: int = PAGE_ROWS,
    ) -> None:
        """Shows a table, optionally following a `FilterPanel`.

        Args:
            rows: The rows to show (not modified), or a function giving them for a selection.
            panel: The filters to follow (with a function for `rows`).
            max_chars: Longest text shown whole in a cell.
            caption: A line above the table.
            page_rows: Most rows sent to the browser at once (previous/next buttons turn pages);
                fewer when the table has many columns (`PAGE_CELLS`).
        """
        self._rows = rows if callable(rows) else (lambda _selection: rows)
        self._max_chars = max_chars
        self._page_rows, self._page = page_rows, 0
        self._frame = self._rows(panel.selection if panel else Selection()).reset_index(drop=True)
        self.previous = w.Button(description="previous rows", icon="arrow-left")
        self.next = w.Button(description="next rows", icon="arrow-right")
        self.where = w.HTML()
        self.previous.on_click(lambda _b: self.turn(-1))
        self.next.on_click(lambda _b: self.turn(1))
        self.pager = w.HBox([self.previous, self.where, self.next])
        with _silence_undocumented_options():
            self.table = ITable(
                shorten_columns(self._page_frame(), max_chars=max_chars),
                caption=caption,
                showIndex=False,
                classes="display compact cell-border",
                allow_html=False,
                **TABLE_OPTIONS,
            )
        self.detail = w.HTML("<i>Select a row to read it in full.</i>")
        self.table.observe(self._selected, names="selected_rows")
        self.widget = w.VBox([self.pager, self.table, self.detail])
        self.widget.add_class("coverage-lens-table")
        self._show_pager()
        if panel is not None:
            panel.on_change(self.refresh)

    def _page_frame(self) -> pd.DataFrame:
        first = self._page * self._rows_per_page()
        return self._frame.iloc[first : first + self._rows_per_page()]

    def _rows_per_page(self) -> int:
        """Returns how many rows a page of the current table holds."""
        fit = max(MIN_PAGE_ROWS, PAGE_CELLS // max(1, len(self._frame.columns)))
        return min(self._page_rows, fit)

    def _show_pager(self) -> None:
        n, first = len(self._frame), self._page * self._rows_per_page()
        last = min(first + self._rows_per_page(), n)
        self.pager.layout.display = None if n > self._rows_per_page() else "none"
        self.where.value = f"&nbsp;rows {first + 1:,}–{last:,} of {n:,}&nbsp;"
        self.previous.disabled = first == 0
        self.next.disabled = last >= n

    def _draw(self) -> None:
        with _silence_undocumented_options():
            self.table.update(
                shorten_columns(self._page_frame(), max_chars=self._max_chars),
                selected_rows=[],
                **TABLE_OPTIONS,  # update() would fall back to itables' defaults otherwise
            )
        self.detail.value = "<i>Select a row to read it in full.</i>"
        self._show_pager()

    def refresh(self, selection: Selection) -> None:
        """Shows the first page of the rows of another selection, in place."""
        self._frame, self._page = self._rows(selection).reset_index(drop=True), 0
        self._draw()

    def turn(self, step: int) -> None:
        """Shows the next (1) or previous (-1) page of rows."""
        pages = max(1, -(-len(self._frame) // self._rows_per_page()))
        self._page = min(max(self._page + step, 0), pages - 1)
        self._draw()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        # A static, escaped copy for viewers without widgets (e.g. the HTML report).
        bundle = self.widget._repr_mimebundle_(**kwargs)
        shown = shorten_columns(self._frame.head(STATIC_ROWS), max_chars=self._max_chars)
        note = f"<p>{len(self._frame)} rows; first {len(shown)} shown.</p>"
        bundle["text/html"] = shown.to_html(index=False, escape=True) + note
        return bundle

    def _selected(self, change: Any) -> None:
        rows, first = change["new"], self._page * self._rows_per_page()
        self.detail.value = "".join(render_record(self._frame.iloc[first + i]) for i in rows[:3])


class ReadingView:
    """A dropdown of the selected articles and the chosen article's raw text with removed spans
    struck out, following a `FilterPanel`.

    Attributes:
        widget: The dropdown and the text, ready to display.
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        removed: pd.DataFrame,
        *,
        article_id: str | None = None,
        panel: FilterPanel | None = None,
    ) -> None:
        """Shows one article.

        Args:
            articles: The `articles` table.
            removed: The `removed` table.
            article_id: The article shown first (default: the first selected).
            panel: The filters to follow: only the selected articles are offered.
        """
        self._articles, self._removed = articles, removed
        self.picker = w.Dropdown(description="article", layout=w.Layout(width="auto"))
        self.text = w.HTML()
        self.picker.observe(self._picked, names="value")
        self.widget = w.VBox([self.picker, self.text])
        self.widget.add_class("coverage-lens-reading")
        self.refresh(panel.selection if panel else Selection(), article_id=article_id)
        if panel is not None:
            panel.on_change(self.refresh)

    def refresh(self, selection: Selection, *, article_id: str | None = None) -> None:
        """Offers the articles of another selection (keeping the shown one when still selected)."""
        shown = selection.select_articles(self._articles)
        options = [(f"{r.outlet} · {r.article_id}", r.article_id) for r in shown.itertuples()]
        keep = article_id or self.picker.value
        ids = [value for _, value in options]
        self.picker.options = options
        self.picker.value = keep if keep in ids else (ids[0] if ids else None)
        self._show(self.picker.value)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.text.value
        return bundle

    def _show(self, article_id: str | None) -> None:
        self.text.value = (
            render_reading_view(self._articles, self._removed, article_id)
            if article_id is not None
            else f"<p><i>{NOTHING_MATCHES}</i></p>"
        )

    def _picked(self, change: Any) -> None:
        self._show(change["new"])


class QuotesInContext:
    """Quotes highlighted in their sentences, a page at a time, following a `FilterPanel`
    (escaped HTML).

    Attributes:
        widget: The page buttons and the HTML view, ready to display.
    """

    def __init__(
        self,
        rows: Callable[[Selection], pd.DataFrame],
        *,
        sentences: pd.DataFrame,
        articles: pd.DataFrame,
        panel: FilterPanel | None = None,
        limit: int = 40,
    ) -> None:
        """Shows the quotes of the panel's selection.

        Args:
            rows: Gives the quotes to show for a selection.
            sentences: The `sentences` table.
            articles: The `articles` table.
            panel: The filters to follow.
            limit: Quotes per page.
        """
        self._rows, self._sentences, self._articles = rows, sentences, articles
        self._limit, self._page = limit, 0
        self._quotes = rows(Selection()).head(0)
        self.view = w.HTML()
        self.previous = w.Button(description="previous", icon="arrow-left")
        self.next = w.Button(description="next", icon="arrow-right")
        self.where = w.HTML()
        self.previous.on_click(lambda _b: self.turn(-1))
        self.next.on_click(lambda _b: self.turn(1))
        self.widget = w.VBox([w.HBox([self.previous, self.where, self.next]), self.view])
        self.widget.add_class("coverage-lens-quotes")
        self.refresh(panel.selection if panel else Selection())
        if panel is not None:
            panel.on_change(self.refresh)

    def refresh(self, selection: Selection) -> None:
        """Shows the first page of the quotes of another selection."""
        self._quotes, self._page = self._rows(selection), 0
        self._draw()

    def turn(self, step: int) -> None:
        """Shows the next (1) or previous (-1) page."""
        pages = max(1, -(-len(self._quotes) // self._limit))
        self._page = min(max(self._page + step, 0), pages - 1)
        self._draw()

    def _draw(self) -> None:
        n, first = len(self._quotes), self._page * self._limit
        last = min(first + self._limit, n)
        page = self._quotes.iloc[first:last]
        self.view.value = render_quotes_in_context(
            page, self._sentences, self._articles, limit=self._limit
        )
        self.where.value = (
            f"&nbsp;quotes {first + 1}–{last} of {n}&nbsp;" if n else "&nbsp;no quotes&nbsp;"
        )
        self.previous.disabled = first == 0
        self.next.disabled = last >= n

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.where.value + self.view.value
        return bundle


class VariantView:
    """A statement picker and the chosen statement as each selected outlet worded it (word-level
    diff), following a `FilterPanel`: only statements two selected articles carry are offered.

    Attributes:
        widget: The picker and the view, ready to display.
    """

    def __init__(
        self,
        tables: Any,
        *,
        statement_id: int | None = None,
        panel: FilterPanel | None = None,
        index: OverlapIndex | None = None,
    ) -> None:
        """Shows one statement of the built tables (default: the most widely carried).

        Args:
            tables: The built tables.
            statement_id: The statement shown first.
            panel: The filters to follow.
            index: `charts.index_overlap` of the tables (with their statements), made once for
                the notebook; None makes one of the statements.
        """
        from ..overlap.statements import render_variants
        from .charts.overlap import index_overlap

        self._tables, self._render = tables, render_variants
        self._index = index or index_overlap(
            tables.articles, None, tables.links.head(0), tables.statements
        )
        # Each sentence's row, so that a statement's wordings are read without the whole table.
        sentences = tables.sentences
        self._sentence_row = {
            key: i
            for i, key in enumerate(
                zip(sentences.article_id.tolist(), sentences.sentence_id.tolist(), strict=True)
            )
        }
        self._statements = tables.statements.head(0)
        # Labels at their own width: the default cut "compare with" to "compare …".
        label = {"description_width": "initial"}
        self.picker = w.Dropdown(description="statement", layout=w.Layout(width="95%"), style=label)
        self.baseline = w.Dropdown(
            description="compare with", layout=w.Layout(width="60%"), style=label
        )
        self.view = w.HTML()
        self.picker.observe(lambda change: self._show(change["new"]), names="value")
        self._quiet = False  # set while the baseline choices are replaced
        self.baseline.observe(self._baseline_changed, names="value")
        self.widget = w.VBox([self.picker, self.baseline, self.view])
        self.widget.add_class("coverage-lens-variants")
        self.refresh(panel.selection if panel else Selection(), statement_id=statement_id)
        if panel is not None:
            panel.on_change(self.refresh)

    def refresh(self, selection: Selection, *, statement_id: int | None = None) -> None:
        """Offers the statements of another selection (keeping the shown one when still there)."""
        shown = selection.select_articles(self._tables.articles)
        st = self._tables.statements[self._index.select_statements(self._index.choose(shown))]
        self._statements = st
        first = st.drop_duplicates("statement_id")
        counts = st.groupby("statement_id").size()
        options = [
            (f"{sid} · {int(counts[sid])} articles · {truncate(label, max_chars=70)}", int(sid))
            for sid, label in zip(first.statement_id, first.label, strict=True)
        ]
        keep = statement_id if statement_id is not None else self.picker.value
        values = [v for _, v in options]
        self.picker.options = options
        self.picker.value = keep if keep in values else (values[0] if values else None)
        self._show(self.picker.value)

    def _show(self, statement_id: int | None) -> None:
        """Offers the selected articles carrying the statement as baselines, then draws it."""
        rows = self._statements[self._statements.statement_id == statement_id]
        articles = self._tables.articles
        outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
        options = [(f"{outlet[a]} · {a}", a) for a in dict.fromkeys(rows.article_id)]
        keep, values = self.baseline.value, [v for _, v in options]
        self._quiet = True
        try:
            self.baseline.options = options
            self.baseline.value = keep if keep in values else (values[0] if values else None)
        finally:
            self._quiet = False
        self._draw()

    def _baseline_changed(self, _change: Any) -> None:
        if not self._quiet:
            self._draw()

    def _draw(self) -> None:
        statement_id = self.picker.value
        if statement_id is None:
            self.view.value = (
                "<p><i>No statement is carried by two or more of the selected articles.</i></p>"
            )
            return
        t = self._tables
        rows = self._statements[self._statements.statement_id == statement_id]
        read = [
            self._sentence_row[key]
            for key in zip(rows.article_id.tolist(), rows.sentence_id.tolist(), strict=True)
        ]
        self.view.value = str(
            self._render(
                statement_id,
                rows,
                t.sentences.iloc[read],
                t.articles,
                baseline=self.baseline.value,
            )
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.view.value
        return bundle
