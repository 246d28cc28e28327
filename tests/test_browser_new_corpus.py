"""A corpus nobody prepared, in a real JupyterLab: start from an empty folder, run `new` and `add`
on two saved web pages and a .txt file, then open all seven notebooks on that corpus in
Chromium: no cell errors, and every chart's source line names the corpus.
Screenshots go to test-artifacts/browser/new-corpus-*.png."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.notebook.report import list_notebooks
from tests.conftest import ROOT

pytest.importorskip("playwright")
from tests.review_screenshots import close_kernels  # noqa: E402
from tests.test_browser import run_notebook  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "browser"
FIXTURES = ROOT / "tests" / "fixtures"
NOTEBOOKS = [p.name for p in list_notebooks(ROOT / "notebooks")]
TITLE = "Harbour and bridge test corpus"
#: JavaScript: the source line (subtitle) of every Plotly chart on the page.
SOURCE_LINES = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(gd => (((gd.layout || {}).title || {}).subtitle || {}).text || '')"""


def _cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def new_corpus_lab(jupyterlab):
    work = jupyterlab.root / "new-corpus"  # a folder of the session's JupyterLab
    work.mkdir()
    corpus = work / "corpus"  # where the notebooks' CORPUS_DIR points, empty at first
    corpus.mkdir()
    _cli("new", str(corpus), "--title", TITLE)
    _cli("add", str(FIXTURES / "html_page_ferry.html"), "--corpus", str(corpus))
    bridge = FIXTURES / "html_page.html"  # its page names no site: the outlet is given
    _cli("add", str(bridge), "--corpus", str(corpus), "--outlet", "Riverside Gazette")
    text = ROOT / "corpus" / "articles" / "wire.txt"
    _cli("add", str(text), "--corpus", str(corpus), "--outlet", "Wire", "--published", "2022-08-06")
    with (corpus / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["article_id"], r["outlet"]) for r in rows] == [
        ("html_page_ferry", "Harbour Post"),
        ("html_page", "Riverside Gazette"),
        ("wire", "Wire"),
    ]
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = jupyterlab.folder("new-corpus/notebooks")
    try:
        yield server
    finally:
        close_kernels(server)  # the module's kernels, as stopping its own server did


@pytest.mark.needs_chromium
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_opens_a_new_corpus_and_names_it(new_corpus_lab, browser, name) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        run_notebook(page, new_corpus_lab, name)
        page.wait_for_timeout(2500)
        page.screenshot(path=str(ARTIFACTS / f"new-corpus-{Path(name).stem}.png"), full_page=True)
        errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
        assert errors == [], f"{name}: error output {errors}"
        tracebacks = page.locator(".jp-OutputArea-output").filter(has_text="Traceback")
        assert tracebacks.count() == 0, f"{name}: {tracebacks.first.inner_text()}"
        sources = page.evaluate(SOURCE_LINES)
        if name.startswith("00"):
            assert sources, "notebook 00 draws the corpus at a glance"
        assert all(s.startswith(f"Source: {TITLE}, ") for s in sources), sources
    finally:
        page.close()
