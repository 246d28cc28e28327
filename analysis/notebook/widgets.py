"""Notebook widgets: filter controls that refresh charts in place and export buttons. The views
of tables that follow the same filters are in `viewers` (and importable from here)."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..corpus.selection import Selection
from .export import ExportError, save_all
from .panel import FilterPanel
from .viewers import QuotesInContext, ReadingView, TableView, VariantView

Listener = Callable[[Selection], None]
#: Where export buttons write: a folder beside the notebooks, so JupyterLab's file browser shows it.
DEFAULT_EXPORT_DIR = "exports"


def refresh_figure(widget: go.FigureWidget, fig: go.Figure) -> None:
    """Updates a displayed `FigureWidget` in place to show `fig`, in one batched message.

    Traces are updated one by one when the new figure has the same number and types of traces
    (the chart builders guarantee that), each with only the properties that changed (a filter
    change often leaves most traces as they were, and Plotly checks every property it is
    given); otherwise they are replaced.

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
                shown = old._props or {}
                props = {
                    key: value
                    for key, value in (new._props or {}).items()
                    if key not in ("type", "uid") and not is_same(shown.get(key), value)
                }
                if props:
                    old.update(props, overwrite=True)
        else:
            widget.data = ()
            widget.add_traces(list(fig.data))
        layout = fig.layout.to_plotly_json()
        if layout.get("template") == widget.layout.template.to_plotly_json():
            del layout["template"]  # unchanged, and the costliest part to re-validate
        for gone in set(widget.layout._props or {}) - set(layout) - {"template"}:
            widget.layout[gone] = None  # e.g. the "nothing matches" note of an empty selection
        widget.update_layout(layout, overwrite=True)


def is_same(shown: Any, new: Any) -> bool:
    """Returns whether two figure property values are equal (arrays compared element-wise, so
    an array and a list never are; a NaN or NaT counts as a change)."""
    if isinstance(shown, np.ndarray) or isinstance(new, np.ndarray):
        return (
            isinstance(shown, np.ndarray)
            and isinstance(new, np.ndarray)
            and shown.dtype == new.dtype
            and shown.shape == new.shape
            and bool((shown == new).all())
        )
    if isinstance(shown, dict) and isinstance(new, dict):
        return shown.keys() == new.keys() and all(is_same(shown[k], new[k]) for k in shown)
    if isinstance(shown, (list, tuple)) and isinstance(new, (list, tuple)):
        if type(shown) is not type(new) or len(shown) != len(new):
            return False
        try:
            return bool(shown == new)
        except ValueError:  # arrays inside: compared one by one
            return all(is_same(a, b) for a, b in zip(shown, new, strict=True))
    return type(shown) is type(new) and bool(shown == new)


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
        export_dir: str | Path = DEFAULT_EXPORT_DIR,
        key: Callable[[Selection], pd.DataFrame] | None = None,
    ) -> None:
        """Builds the chart for the panel's current selection and follows its changes.

        Args:
            build: Makes the figure for a selection (a chart builder with its tables bound).
            name: The chart's export name (a safe file name is made from it).
            panel: The filters to follow; None draws the whole corpus once.
            export_dir: Where the export button writes.
            key: Gives the chart's key table for a selection (e.g. statement id → full text);
                exports write it beside the chart as `<name>-key.csv`.
        """
        self.name = name
        self._build = build
        self._export_dir = Path(export_dir)
        self._key = key
        self.figure = go.FigureWidget(build(panel.selection if panel else Selection()))
        self.figure._config = {**self.figure._config, "responsive": True}
        self.figure.observe(self._rendered, names="_js2py_traceDeltas")
        self.button = w.Button(
            description="Export PNG · SVG · HTML",
            icon="download",
            tooltip=f"Write this chart as it is shown to {self._export_dir}/",
            layout=w.Layout(width="auto", min_width="16em"),
        )
        self.button.on_click(lambda _button: self.export())
        self.status = w.HTML()
        self.widget = w.VBox([self.figure, w.HBox([self.button, self.status])])
        self.widget.add_class("coverage-lens-chart")
        self._selection = panel.selection if panel else Selection()
        self._laid_out = False
        if panel is not None:
            panel.on_change(self.refresh)

    def _rendered(self, change: Any) -> None:
        # The first drawing happens before the chart is in the page: its width and the place of
        # the title and source line are measured wrong. Once the browser reports that first
        # drawing, lay the chart out again at the width of its cell.
        if self._laid_out or not change["new"]:
            return
        self._laid_out = True
        self.figure._send_relayout_msg({"autosize": True})

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        # A static copy for viewers without widgets (the HTML report loads plotly.js once).
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = go.Figure(self.figure).to_html(
            full_html=False, include_plotlyjs=False, default_width="100%"
        )
        return bundle

    def refresh(self, selection: Selection) -> None:
        """Redraws the chart for a selection, in place."""
        self._selection = selection
        refresh_figure(self.figure, self._build(selection))

    def write_key(self, paths: Sequence[Path]) -> list[Path]:
        """Writes the chart's key table beside its exported files (when it has one).

        Args:
            paths: The files of one export of this chart.

        Returns:
            The key file written, or nothing.
        """
        if self._key is None or not paths:
            return []
        target = paths[0].with_name(paths[0].stem + "-key.csv")
        self._key(self._selection).to_csv(target, index=False)
        return [target]

    def export(self) -> list[Path]:
        """Writes the chart as it is shown to PNG, SVG and HTML (numbered, never overwriting),
        with its key table.

        Returns:
            The files written (HTML only when Chromium is missing; the status line says why).
        """
        try:
            paths = save_all(
                {self.name: self.figure}, out_dir=self._export_dir, on_conflict="number"
            )
        except ExportError as exc:
            self.status.value = (
                f"<span style='color:#a33'>{html.escape(str(exc))}</span> "
                f"Wrote {file_links(exc.written) or 'nothing'}."
            )
            return exc.written
        paths += self.write_key(paths)
        self.status.value = "Wrote " + file_links(paths)
        return paths


def file_links(paths: Iterable[Path]) -> str:
    """Returns escaped HTML links to files, relative to the notebook's folder when inside it (so
    JupyterLab opens them on click)."""
    links = []
    for path in paths:
        try:
            shown = Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            shown = Path(path).resolve().as_uri()
        links.append(
            f"<a href='{html.escape(shown, quote=True)}' target='_blank' "
            f"style='text-decoration:underline'>{html.escape(Path(path).name)}</a>"
        )
    return ", ".join(links)


def export_charts(
    charts: Iterable[LiveChart], *, out_dir: str | Path = DEFAULT_EXPORT_DIR
) -> ExportedCharts:
    """Exports several live charts with one browser (what `make report` asks the notebooks for).

    Args:
        charts: The charts.
        out_dir: The folder (for `make report`, its own folder, so that files the export buttons
            wrote are never replaced); files of the same names there are replaced.

    Returns:
        A display of the exported PNGs with their file names (it shows in the HTML report too).
    """
    charts = list(charts)
    paths = save_all({c.name: c.figure for c in charts}, out_dir=out_dir, on_conflict="overwrite")
    per_chart = len(paths) // max(len(charts), 1)
    for i, chart in enumerate(charts):
        paths += chart.write_key(paths[i * per_chart : (i + 1) * per_chart])
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
                    f"<figcaption>{html.escape(path.name)}</figcaption></figure>"
                )
        # Names, not links: the report is read away from the machine that wrote it; the PNGs are
        # embedded above their names.
        names = ", ".join(html.escape(p.name) for p in self.paths)
        return f"<p>Exported: {names}</p>" + "".join(items)


__all__ = [
    "DEFAULT_EXPORT_DIR",
    "ExportedCharts",
    "FilterPanel",
    "LiveChart",
    "QuotesInContext",
    "ReadingView",
    "TableView",
    "VariantView",
    "export_charts",
    "file_links",
    "is_same",
    "refresh_figure",
]
