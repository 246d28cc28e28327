"""A corpus that cannot be built, in a real JupyterLab (issue 25's review item: "a build error is
one line in notebook 00 but a 26-line `CorpusError` traceback in 02").

A copy of the seed corpus whose manifest gains a row naming a file that is not there; every
notebook, run in Debian's Chromium, shows one line saying the corpus could not be built and
naming the missing file, and no traceback. Screenshots go to
test-artifacts/browser/build-error-*.png.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from analysis.notebook.report import list_notebooks
from tests.conftest import CORPUS, ROOT

pytest.importorskip("playwright")
from tests.review_screenshots import close_kernels  # noqa: E402
from tests.test_browser import run_all_cells  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "browser"
NOTEBOOKS = [p.name for p in list_notebooks(ROOT / "notebooks")]
MISSING = "articles/no-such-article.txt"


@pytest.fixture(scope="module")
def broken_lab(jupyterlab):
    work = jupyterlab.root / "broken-corpus"  # a folder of the session's JupyterLab
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    shutil.copytree(CORPUS, work / "corpus")
    manifest = work / "corpus" / "articles.csv"
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.append(rows[0] | {"article_id": "no-such-article", "file": MISSING})
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = jupyterlab.folder("broken-corpus/notebooks")
    try:
        yield server
    finally:
        close_kernels(server)  # the module's kernels, as stopping its own server did


@pytest.mark.needs_chromium
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_build_error_is_one_line_in_every_notebook(broken_lab, browser, name: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(broken_lab.notebook_url(name))
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60_000)
        page.wait_for_selector(
            ".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-KernelStatus",
            timeout=60_000,
        )
        page.wait_for_timeout(1500)
        run_all_cells(page)
        message = page.locator(".jp-OutputArea-output").filter(has_text="could not be built")
        message.first.wait_for(timeout=180_000)
        page.wait_for_timeout(1000)
        message.first.screenshot(path=str(ARTIFACTS / f"build-error-{Path(name).stem}.png"))
        lines = message.first.inner_text().strip().splitlines()
        assert len(lines) == 1, f"{name}: {lines}"
        assert lines[0].startswith("The corpus could not be built.")
        assert "no-such-article.txt" in lines[0]
        shown = " ".join(page.locator(".jp-OutputArea-output").all_inner_texts())
        assert "Traceback" not in shown and "NameError" not in shown, shown[:500]
    finally:
        page.close()
