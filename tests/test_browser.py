"""The notebooks in a real JupyterLab, driven by Playwright in Debian's Chromium.

For each notebook: open it, Run All Cells, then check that no cell shows an error, that Plotly
charts and the filter widgets rendered, and that unticking an outlet changes a chart's data.
Screenshots go to test-artifacts/browser/.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from analysis.report import list_notebooks
from tests.browser import CHROMIUM_FLAGS, chromium_or_skip, run_jupyterlab
from tests.conftest import CORPUS, ROOT

pytest.importorskip("playwright")
from playwright.sync_api import Page, sync_playwright  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "browser"
NOTEBOOKS = [p.name for p in list_notebooks(ROOT / "notebooks")]
CHART_DATA = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(gd => JSON.stringify((gd.data || []).map(t => [t.x, t.y])))"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory, tables, cache_dir: Path):
    # A copy of the notebooks and corpus: JupyterLab may autosave what it runs.
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    shutil.copytree(CORPUS, work / "corpus")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = {"ANALYSIS_CACHE_DIR": str(cache_dir)}  # parsed by the `tables` fixture already
    with run_jupyterlab(work / "notebooks", env=env, log=ARTIFACTS / "jupyterlab.log") as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    executable = chromium_or_skip()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def run_all_cells(page: Page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


def wait_until_executed(page: Page, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if prompts and all(re.fullmatch(r"\[\d+\]:", p.strip()) for p in prompts):
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"cells did not finish: prompts {prompts}")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_filters_redraw_charts(lab, browser, name: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(lab.notebook_url(name))
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60_000)
        page.wait_for_selector(
            ".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-KernelStatus", timeout=60_000
        )
        page.wait_for_timeout(1500)
        run_all_cells(page)
        wait_until_executed(page)
        errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
        assert errors == [], f"{name}: error output {errors}"
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        page.wait_for_selector(".coverage-lens-filters input[type=checkbox]", timeout=30_000)
        page.wait_for_timeout(1000)
        # Under load a chart's data can reach the page well after its frame: wait for points.
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('.js-plotly-plot')).slice(0, 1)"
            ".some(gd => (gd.data || []).some(t => t.x && t.x.length))",
            timeout=60_000,
        )
        before = page.evaluate(CHART_DATA)
        assert before, f"{name}: no Plotly chart rendered"
        page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-before.png"), full_page=True)

        page.locator(".coverage-lens-filters input[type=checkbox]").first.click()
        deadline = time.monotonic() + 20
        after = before
        while after == before and time.monotonic() < deadline:
            page.wait_for_timeout(250)
            after = page.evaluate(CHART_DATA)
        page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-after.png"), full_page=True)
        page.locator(".js-plotly-plot").first.screenshot(
            path=str(ARTIFACTS / f"{Path(name).stem}-chart-after.png")
        )
        assert after != before, f"{name}: unticking an outlet did not change any chart's data"
        # The first chart lost the unticked outlet's points and kept the others.
        first_before, first_after = json.loads(before[0]), json.loads(after[0])
        assert sum(len(x or []) for x, _ in first_after) < sum(
            len(x or []) for x, _ in first_before
        )
        assert sum(len(x or []) for x, _ in first_after) > 0
        pickers = page.locator(".coverage-lens-variants select")
        if pickers.count():  # the statement picker of the overlap notebook
            view = page.locator(".coverage-lens-variants .widget-html-content").first
            shown = view.inner_text()
            options = pickers.first.locator("option").all_inner_texts()
            pickers.first.select_option(label=options[-1])
            page.wait_for_function(
                "([el, old]) => el.innerText !== old", arg=[view.element_handle(), shown]
            )
            assert view.inner_text() != shown and "Statement" in view.inner_text()
            view.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-variants.png"))
        drilldowns = page.locator(".coverage-lens-drilldown select")
        if drilldowns.count():  # the term and frame pickers of the framing notebook
            view = page.locator(".coverage-lens-drilldown .widget-html-content").first
            shown = view.inner_text()
            options = drilldowns.first.locator("option").all_inner_texts()
            assert len(options) > 1, f"{name}: the term picker offers {options}"
            drilldowns.first.select_option(label=options[-1])
            page.wait_for_function(
                "([el, old]) => el.innerText !== old", arg=[view.element_handle(), shown]
            )
            assert "sentence" in view.inner_text()
            view.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-drilldown.png"))
    finally:
        page.close()
