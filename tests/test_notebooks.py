"""Notebooks: committed clean, parameterised, runnable headless; `make report` writes them out."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from analysis.__main__ import main
from analysis.notebook.report import inject_parameters, list_notebooks, write_report
from tests.conftest import CORPUS, ROOT

NOTEBOOKS = list_notebooks(ROOT / "notebooks")
PARAMETERS = ("CORPUS_DIR", "OUTLETS", "EXPORT_DIR", "EXPORT_CHARTS")


def test_the_platform_notebooks_exist() -> None:
    assert [p.name for p in NOTEBOOKS][:2] == ["00_start_here.ipynb", "01_corpus_and_sources.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs; clear them"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"
    assert "widgets" not in notebook.metadata, f"{path.name}: saved widget state"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_opens_its_tables_with_open_tables(path: Path) -> None:
    # Issue 25: a build error is one line in every notebook (02 included), so every notebook
    # opens the corpus through `open_tables` and none calls `build` itself.
    notebook = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    assert "tables = open_tables(CORPUS_DIR)" in code
    assert not re.search(r"\bbuild\(", code), f"{path.name} builds the tables itself"


def test_the_start_notebook_lists_every_notebook() -> None:
    # Issue 25: 00's table of notebooks left out 03 and 05.
    start = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    text = "\n".join(c.source for c in start.cells if c.cell_type == "markdown")
    listed = re.findall(r"^\| `(\d\d_\w+)` \|", text, flags=re.MULTILINE)
    assert listed == [p.stem for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_is_the_tagged_parameters_cell(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    first = next(c for c in notebook.cells if c.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", [])
    for name in PARAMETERS:
        assert f"{name} = " in first.source


def test_inject_parameters_goes_right_after_the_parameters_cell() -> None:
    notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
    injected = inject_parameters(notebook, {"EXPORT_CHARTS": True, "OUTLETS": ["a'b"]})
    index = next(
        i for i, c in enumerate(injected.cells) if "parameters" in c.metadata.get("tags", [])
    )
    assert injected.cells[index + 1].source.splitlines()[1:] == [
        "EXPORT_CHARTS = True",
        'OUTLETS = ["a\'b"]',
    ]
    assert len(notebook.cells) == len(injected.cells) - 1  # the original is untouched


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, tables, cache_dir: Path):
    out = tmp_path_factory.mktemp("exports")
    mp = pytest.MonkeyPatch()
    mp.setenv("ANALYSIS_CACHE_DIR", str(cache_dir))
    try:
        yield out, write_report(ROOT / "notebooks", corpus_dir=CORPUS, out_dir=out)
    finally:
        mp.undo()


@pytest.mark.needs_chromium  # the report exports PNG
def test_every_notebook_executes_headless(report) -> None:
    _, result = report
    assert result.failed == {}


@pytest.mark.needs_chromium  # the report exports PNG
def test_report_writes_each_notebook_as_html_and_every_chart(report) -> None:
    out, result = report
    for path in NOTEBOOKS:
        page = (out / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "application/vnd.jupyter.widget-state+json" not in page
    corpus_page = (out / "notebooks" / "01_corpus_and_sources.html").read_text(encoding="utf-8")
    # The removed-spans table and the reading view are in the static report, escaped.
    assert "The Washington PostDemocracy Dies in Darkness" in corpus_page
    assert "Translate »" in corpus_page
    charts = {
        "publication-timeline",
        "article-lengths",
        "removed-text",
        "sentence-lengths",
        "paragraph-structure",
        "entity-coverage",
        "voice-share-speakers",
        "voice-share-groups",
        "voice-share-words",
        "attribution-verbs",
        "overlap-matrix",
        "statement-grid",
        "reaction-timeline",
        "statement-propagation",
        "distinctive-terms",
        "frames-by-outlet",
        "tone-by-outlet",
        "tone-by-speaker",
    }
    for chart in charts:
        for suffix in ("png", "svg", "html"):
            assert (out / f"{chart}.{suffix}").is_file(), f"{chart}.{suffix}"
            assert out / f"{chart}.{suffix}" in result.written
    assert "data:image/png;base64," in corpus_page  # the exported charts, shown in the report


@pytest.mark.needs_chromium  # the report exports PNG
def test_report_fails_when_a_cell_errors(
    tmp_path: Path, cache_dir: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(cache_dir))
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    broken = nbformat.read(NOTEBOOKS[0], as_version=4)
    broken.cells.append(nbformat.v4.new_code_cell("raise ValueError('broken on purpose')"))
    nbformat.write(broken, notebooks / "00_broken.ipynb")
    shutil.copytree(CORPUS, tmp_path / "corpus")
    code = main(
        [
            "report",
            "--corpus",
            str(tmp_path / "corpus"),
            "--notebooks",
            str(notebooks),
            "--out",
            str(tmp_path / "exports"),
        ]
    )
    assert code == 1
    err = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().err)  # the traceback's colours
    assert "FAILED 00_broken.ipynb" in err
    assert "ValueError: broken on purpose" in err
