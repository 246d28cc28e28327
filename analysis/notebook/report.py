"""Running the notebooks headless (nbclient) and writing them, with their charts, as a report."""

from __future__ import annotations

import copy
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = (
    "<p><em>Interactive widget: open this notebook in JupyterLab (<code>make lab</code>) to use "
    "it.</em></p>"
)


def list_notebooks(folder: str | Path) -> list[Path]:
    """Returns the numbered notebooks of a folder (`NN_name.ipynb`), in order."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def inject_parameters(
    notebook: nbformat.NotebookNode, parameters: Mapping[str, Any]
) -> nbformat.NotebookNode:
    """Sets parameters the way papermill does: a new cell right after the `parameters` cell.

    Args:
        notebook: The notebook; not modified.
        parameters: Name → value (values are written with `repr`).

    Returns:
        A copy of the notebook with the injected cell.

    Raises:
        ValueError: The notebook has no cell tagged `parameters`.
    """
    out = copy.deepcopy(notebook)
    index = next(
        (i for i, c in enumerate(out.cells) if "parameters" in c.metadata.get("tags", [])), None
    )
    if index is None:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    source = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["injected-parameters"]
    out.cells.insert(index + 1, cell)
    return out


def execute_notebook(
    path: str | Path, *, parameters: Mapping[str, Any] | None = None, timeout: int = 600
) -> nbformat.NotebookNode:
    """Executes a notebook top to bottom on a fresh kernel, in the notebook's folder.

    Args:
        path: The notebook file (not modified).
        parameters: Values injected after the `parameters` cell.
        timeout: Seconds any one cell may take.

    Returns:
        The executed notebook.

    Raises:
        CellExecutionError: A cell raised; the message holds the traceback.
    """
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    if parameters:
        notebook = inject_parameters(notebook, parameters)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    client.execute()
    return notebook


def strip_widgets(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Prepares an executed notebook for static HTML: widget state and views are replaced.

    Outputs with a static copy (tables, the reading view) keep it; widget-only outputs become a
    short note.

    Args:
        notebook: The executed notebook; not modified.

    Returns:
        A copy without widget state.
    """
    out = copy.deepcopy(notebook)
    out.metadata.pop("widgets", None)
    for cell in out.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
                if "text/html" not in data:
                    data.clear()
                    data["text/html"] = WIDGET_NOTE
    return out


def embed_plotly(page: str) -> str:
    """Puts plotly.js into an HTML page, once, so the charts the notebook shows are drawn in the
    report without a network or any file beside it.

    Args:
        page: A notebook as HTML.

    Returns:
        The page with plotly.js in its head (unchanged when it shows no chart).
    """
    if "Plotly.newPlot" not in page or "</head>" not in page:
        return page
    from plotly.offline import get_plotlyjs

    script = f"<script type='text/javascript'>{get_plotlyjs()}</script>"
    return page.replace("</head>", script + "</head>", 1)


@dataclass
class Report:
    """What `write_report` did: files written and notebooks that failed."""

    written: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def write_report(
    notebooks_dir: str | Path, *, corpus_dir: str | Path, out_dir: str | Path
) -> Report:
    """Executes every numbered notebook and writes it as HTML, exporting its charts.

    Args:
        notebooks_dir: The notebooks folder.
        corpus_dir: The corpus the notebooks read.
        out_dir: The exports folder: charts go here, executed notebooks to `<out_dir>/notebooks`.

    Returns:
        The files written and, per failed notebook, its error.
    """
    from nbconvert import HTMLExporter

    out = Path(out_dir).resolve()
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    parameters = {
        "CORPUS_DIR": str(Path(corpus_dir).resolve()),
        "EXPORT_DIR": str(out),
        "EXPORT_CHARTS": True,
    }
    report = Report()
    exporter = HTMLExporter()
    started = time.time()
    for path in list_notebooks(notebooks_dir):
        try:
            executed = execute_notebook(path, parameters=parameters)
        except CellExecutionError as exc:
            report.failed[path.name] = str(exc)
            continue
        body, _ = exporter.from_notebook_node(strip_widgets(executed))
        body = embed_plotly(body)
        target = out / "notebooks" / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        report.written.append(target)
    report.written += sorted(
        p for p in out.iterdir() if p.is_file() and p.stat().st_mtime >= started
    )
    return report
