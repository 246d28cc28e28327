"""Notebook widgets: filter controls that refresh charts and tables in place, export buttons,
escaped sortable tables and the article reading view."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd
import plotly.graph_objects as go
from itables.widget import ITable

from .export import ExportError, save_all
from .filters import Selection
from .views import (
    render_quotes_in_context,
    render_reading_view,
    render_record,
    shorten_columns,
)

Listener = Callable[[Selection], None]
#: Rows in the static copy of a table (what a viewer without widgets sees).
STATIC_ROWS = 50


class FilterPanel:
    """Reusable filter controls: outlets, a date range, a text search and choice lists.

    Attributes:
        widget: The controls, ready to display.
        outlets: One checkbox per outlet.
        date_from: First publication day shown.
        date_to: Last publication day shown.
        search: Text that kept rows must contain (applied on Enter or leaving the box).
        choices: One multi-select per choice column (e.g. speaker, entity label).
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        *,
        outlets: Iterable[str] | None = None,
        choices: Mapping[str, Sequence[str]] | None = None,
        search: bool = True,
        dates: bool = True,
        minimum: tuple[str, int] | None = None,
    ) -> None:
        """Builds the controls for a corpus.

        Args:
            articles: The whole `articles` table (it gives the outlets and the date range).
            outlets: Outlets ticked at first; None ticks all.
            choices: Column name → values offered (all selected at first), e.g.
                {"speaker": [...]} or {"label": ["PERSON", "ORG"]}.
            search: Show the text search box.
            dates: Show the date range.
            minimum: (description, largest value) of a "minimum count" slider, e.g.
                ("min. mentions", 20); None shows none.
        """
        first = None if outlets is None else set(outlets)
        self.outlets = {
            o: w.Checkbox(
                value=first is None or o in first,
                description=o,
                indent=False,
                layout=w.Layout(width="auto", margin="0 1.2em 0 0"),
            )
            for o in sorted(articles.outlet.unique(), key=str.casefold)
        }
        dated = articles.published.dropna()
        self._span = (dated.min().date(), dated.max().date()) if len(dated) else (None, None)
        self.date_from = w.DatePicker(description="from", value=self._span[0])
        self.date_to = w.DatePicker(description="to", value=self._span[1])
        self.search = w.Text(
            description="search",
            placeholder="text contains… (Enter)",
            continuous_update=False,
        )
        self.choices = {
            column: w.SelectMultiple(
                options=list(values),
                value=list(values),
                description=column,
                rows=min(6, max(2, len(values))),
            )
            for column, values in (choices or {}).items()
        }
        self.minimum = w.IntSlider(
            value=1,
            min=1,
            max=max(2, minimum[1]) if minimum else 2,
            description=minimum[0] if minimum else "minimum",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        rows: list[w.Widget] = [
            w.HBox(
                [w.HTML("<b>outlets</b>&nbsp;"), *self.outlets.values()],
                layout=w.Layout(flex_flow="row wrap"),
            )
        ]
        if dates and self._span[0] is not None:
            rows.append(w.HBox([self.date_from, self.date_to]))
        if search:
            rows.append(self.search)
        if self.choices:
            rows.append(w.HBox(list(self.choices.values())))
        if minimum:
            rows.append(self.minimum)
        self.widget = w.VBox(rows, layout=w.Layout(border="1px solid #ddd", padding="6px"))
        self.widget.add_class("coverage-lens-filters")
        self._listeners: list[Listener] = []
        for control in [
            *self.outlets.values(),
            self.date_from,
            self.date_to,
            self.search,
            self.minimum,
        ]:
            control.observe(self._changed, names="value")
        for control in self.choices.values():
            control.observe(self._changed, names="value")

    @property
    def selection(self) -> Selection:
        """Returns the current selection (date bounds only when narrowed from the corpus's)."""
        ticked = [o for o, box in self.outlets.items() if box.value]
        date_from = self.date_from.value if self.date_from.value != self._span[0] else None
        date_to = self.date_to.value if self.date_to.value != self._span[1] else None
        return Selection.of(
            outlets=None if len(ticked) == len(self.outlets) else ticked,
            date_from=date_from,
            date_to=date_to,
            search=self.search.value,
            choices={
                c: box.value for c, box in self.choices.items() if len(box.value) < len(box.options)
            },
            minimum=self.minimum.value,
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def on_change(self, listener: Listener) -> None:
        """Calls `listener(selection)` whenever a control changes."""
        self._listeners.append(listener)

    def _changed(self, _change: Any) -> None:
        selection = self.selection
        for listener in self._listeners:
            listener(selection)


def refresh_figure(widget: go.FigureWidget, fig: go.Figure) -> None:
    """Updates a displayed `FigureWidget` in place to show `fig`, in one batched message.

    Traces are updated one by one when the new figure has the same number and types of traces
    (the chart builders guarantee that); otherwise they are replaced.

    Args:
        widget: The displayed widget; changed in place.
        fig: The new figure.
    """
    same = len(widget.data) == len(fig.data) and all(
        a.type == b.type for a, b in zip(widget.data, fig.data, strict=True)
    )
    with widget.batch_update():
        if same:
            for old, new in zip(widget.data, fig.data, strict=True):
                props = new.to_plotly_json()
                props.pop("type", None)
                props.pop("uid", None)
                old.update(props, overwrite=True)
        else:
            widget.data = ()
            widget.add_traces(list(fig.data))
        layout = fig.layout.to_plotly_json()
        if layout.get("template") == widget.layout.template.to_plotly_json():
            del layout["template"]  # unchanged, and the costliest part to re-validate
        widget.update_layout(layout, overwrite=True)


class LiveChart:
    """A chart that follows a `FilterPanel`, with an export button.

    Attributes:
        name: The chart's export name.
        figure: The displayed `FigureWidget`.
        widget: The figure with its export button and status line, ready to display.
    """

    def __init__(
        self,
        build: Callable[[Selection], go.Figure],
        *,
        name: str,
        panel: FilterPanel | None = None,
        export_dir: str | Path = "exports",
    ) -> None:
        """Builds the chart for the panel's current selection and follows its changes.

        Args:
            build: Makes the figure for a selection (a chart builder with its tables bound).
            name: The chart's export name (a safe file name is made from it).
            panel: The filters to follow; None draws the whole corpus once.
            export_dir: Where the export button writes.
        """
        self.name = name
        self._build = build
        self._export_dir = Path(export_dir)
        self.figure = go.FigureWidget(build(panel.selection if panel else Selection()))
        self.button = w.Button(description="Export PNG · SVG · HTML", icon="download")
        self.button.on_click(lambda _button: self.export())
        self.status = w.HTML()
        self.widget = w.VBox([self.figure, w.HBox([self.button, self.status])])
        if panel is not None:
            panel.on_change(self.refresh)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def refresh(self, selection: Selection) -> None:
        """Redraws the chart for a selection, in place."""
        refresh_figure(self.figure, self._build(selection))

    def export(self) -> list[Path]:
        """Writes the chart as it is shown to PNG, SVG and HTML (numbered, never overwriting).

        Returns:
            The files written (HTML only when Chromium is missing; the status line says why).
        """
        try:
            paths = save_all(
                {self.name: self.figure}, out_dir=self._export_dir, on_conflict="number"
            )
        except ExportError as exc:
            wrote = ", ".join(html.escape(str(p)) for p in exc.written) or "nothing"
            self.status.value = (
                f"<span style='color:#a33'>{html.escape(str(exc))}</span> Wrote {wrote}."
            )
            return exc.written
        self.status.value = "Wrote " + ", ".join(html.escape(str(p)) for p in paths)
        return paths


def export_charts(charts: Iterable[LiveChart], *, out_dir: str | Path = "exports") -> w.Widget:
    """Exports several live charts with one browser (what `make report` asks the notebooks for).

    Args:
        charts: The charts.
        out_dir: The folder; files of the same names are replaced.

    Returns:
        A display of the exported PNGs with their file names (it shows in the HTML report too).
    """
    paths = save_all({c.name: c.figure for c in charts}, out_dir=out_dir, on_conflict="overwrite")
    return ExportedCharts(paths)


class ExportedCharts:
    """The files of an export, shown as their PNG images (static, so reports show them)."""

    def __init__(self, paths: Sequence[Path]) -> None:
        """Keeps the exported paths."""
        self.paths = list(paths)

    def _repr_html_(self) -> str:
        items = []
        for path in self.paths:
            if path.suffix == ".png":
                data = base64.b64encode(path.read_bytes()).decode("ascii")
                items.append(
                    f"<figure><img src='data:image/png;base64,{data}' style='max-width:100%'>"
                    f"<figcaption>{html.escape(str(path))}</figcaption></figure>"
                )
        names = ", ".join(html.escape(p.name) for p in self.paths)
        return f"<p>Exported: {names}</p>" + "".join(items)


class TableView:
    """A sortable, searchable table (DataTables via itables, cells escaped) whose long texts are
    shortened, with the full selected row shown below it.

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
    ) -> None:
        """Shows a table, optionally following a `FilterPanel`.

        Args:
            rows: The rows to show (not modified), or a function giving them for a selection.
            panel: The filters to follow (with a function for `rows`).
            max_chars: Longest text shown whole in a cell.
            caption: A line above the table.
        """
        self._rows = rows if callable(rows) else (lambda _selection: rows)
        self._max_chars = max_chars
        self._frame = self._rows(panel.selection if panel else Selection()).reset_index(drop=True)
        self.table = ITable(
            shorten_columns(self._frame, max_chars=max_chars),
            caption=caption,
            select=True,
            showIndex=False,
            classes="display compact",
            allow_html=False,
        )
        self.detail = w.HTML("<i>Select a row to read it in full.</i>")
        self.table.observe(self._selected, names="selected_rows")
        self.widget = w.VBox([self.table, self.detail])
        if panel is not None:
            panel.on_change(self.refresh)

    def refresh(self, selection: Selection) -> None:
        """Shows the rows of another selection, in place."""
        self._frame = self._rows(selection).reset_index(drop=True)
        self.table.update(shorten_columns(self._frame, max_chars=self._max_chars), selected_rows=[])
        self.detail.value = "<i>Select a row to read it in full.</i>"

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        # A static, escaped copy for viewers without widgets (e.g. the HTML report).
        bundle = self.widget._repr_mimebundle_(**kwargs)
        shown = shorten_columns(self._frame.head(STATIC_ROWS), max_chars=self._max_chars)
        note = f"<p>{len(self._frame)} rows; first {len(shown)} shown.</p>"
        bundle["text/html"] = shown.to_html(index=False, escape=True) + note
        return bundle

    def _selected(self, change: Any) -> None:
        rows = change["new"]
        self.detail.value = "".join(render_record(self._frame.iloc[i]) for i in rows[:3])


class ReadingView:
    """A dropdown of articles and the chosen article's raw text with removed spans struck out.

    Attributes:
        widget: The dropdown and the text, ready to display.
    """

    def __init__(
        self, articles: pd.DataFrame, removed: pd.DataFrame, *, article_id: str | None = None
    ) -> None:
        """Shows one article.

        Args:
            articles: The `articles` table.
            removed: The `removed` table.
            article_id: The article shown first (default: the first).
        """
        self._articles, self._removed = articles, removed
        options = [(f"{r.outlet} · {r.article_id}", r.article_id) for r in articles.itertuples()]
        self.picker = w.Dropdown(
            options=options, value=article_id or options[0][1], description="article"
        )
        self.text = w.HTML(render_reading_view(articles, removed, self.picker.value))
        self.picker.observe(self._picked, names="value")
        self.widget = w.VBox([self.picker, self.text])

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.text.value
        return bundle

    def _picked(self, change: Any) -> None:
        self.text.value = render_reading_view(self._articles, self._removed, change["new"])


class QuotesInContext:
    """Quotes highlighted in their sentences, following a `FilterPanel` (escaped HTML).

    Attributes:
        widget: The HTML view, ready to display.
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
            limit: The most quotes shown.
        """
        self._rows, self._sentences, self._articles = rows, sentences, articles
        self._limit = limit
        self.widget = w.HTML()
        self.refresh(panel.selection if panel else Selection())
        if panel is not None:
            panel.on_change(self.refresh)

    def refresh(self, selection: Selection) -> None:
        """Shows the quotes of another selection."""
        self.widget.value = render_quotes_in_context(
            self._rows(selection), self._sentences, self._articles, limit=self._limit
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.widget.value
        return bundle


class VariantView:
    """A statement picker and the chosen statement as each outlet worded it (word-level diff).

    Attributes:
        widget: The picker and the view, ready to display.
    """

    def __init__(self, tables: Any, *, statement_id: int | None = None) -> None:
        """Shows one statement of the built tables (default: the most widely carried)."""
        from .overlap import render_variants

        self._tables, self._render = tables, render_variants
        st = tables.statements
        options = [
            (f"{sid} · {int((st.statement_id == sid).sum())} articles · {label[:70]}", int(sid))
            for sid, label in zip(
                st.drop_duplicates("statement_id").statement_id,
                st.drop_duplicates("statement_id").label,
                strict=True,
            )
        ]
        first = statement_id if statement_id is not None else (options[0][1] if options else None)
        self.picker = w.Dropdown(
            options=options, value=first, description="statement", layout=w.Layout(width="95%")
        )
        self.view = w.HTML(self._html(first))
        self.picker.observe(
            lambda change: setattr(self.view, "value", self._html(change["new"])), names="value"
        )
        self.widget = w.VBox([self.picker, self.view])
        self.widget.add_class("coverage-lens-variants")

    def _html(self, statement_id: int | None) -> str:
        if statement_id is None:
            return "<p><i>No statement is carried by more than one article.</i></p>"
        t = self._tables
        return str(self._render(statement_id, t.statements, t.sentences, t.articles))

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.view.value
        return bundle
