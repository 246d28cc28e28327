"""The notebooks in a real JupyterLab, driven by Playwright in Debian's Chromium.

For each notebook: open it, Run All Cells (once: the `notebook` fixture's page is shared by every
test of that notebook), then check that no cell shows an error, that Plotly charts and the filter
widgets rendered, that the charts are laid out cleanly, and that unticking an outlet changes a
chart's data; and that colours and statement ids stay stable when an article is added (issue 12).
Screenshots go to test-artifacts/browser/.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.notebook.report import list_notebooks
from tests.browser import (
    CHART_PNG,
    LAYOUT_PROBLEMS,
    run_jupyterlab,
)
from tests.conftest import CORPUS, ROOT
from tests.review_screenshots import close_kernels
from tests.unrelated_article import NEW_OUTLET, grow

pytest.importorskip("playwright")
from playwright.sync_api import Page  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "browser"
NOTEBOOKS = [p.name for p in list_notebooks(ROOT / "notebooks")]
CHART_DATA = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(gd => JSON.stringify((gd.data || []).map(t => [t.x, t.y])))"""

# Stable colours and ids (issue 12): the lab also serves two copies of the seeds grown by one
# invented article from a new outlet, "Test Daily", about something else entirely (a harbour
# town's library budget): added as the manifest's last row, and as its first. A test reads what
# a notebook drew on the seeds and on one copy: an outlet keeps its colour when an outlet is
# added, and a statement keeps its id when an unrelated article is added.
SEED_OUTLETS = {
    "The Washington Post",
    "unattributed wire-style report",
    "CNN (republished copy)",
    "blog repost",
    "Ukrainian news site (English edition)",
}

#: JavaScript: (trace name, marker colour) of every named trace of every Plotly chart on the page.
TRACE_COLOURS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .flatMap(gd => (gd.data || []).filter(t => t.name && t.marker && t.marker.color)
        .map(t => [t.name, t.marker.color]))"""

#: JavaScript: the row labels ("<id> · <start of the sentence>…") of the statement grid.
GRID_LABELS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .flatMap(gd => (gd.data || []).filter(t => t.type === 'heatmap').flatMap(t => t.y || []))
    .filter(y => /^\\d{6} · /.test(String(y)))"""


def on_grown_corpus(notebooks: Path, name: str, corpus: str) -> str:
    """Writes a copy of a notebook that reads another corpus folder; returns its name."""
    source = (notebooks / name).read_text(encoding="utf-8")
    assert 'CORPUS_DIR = \\"../corpus\\"' in source  # the parameters cell, JSON-escaped
    grown = source.replace('CORPUS_DIR = \\"../corpus\\"', f'CORPUS_DIR = \\"../{corpus}\\"')
    copy = f"{Path(name).stem}-{corpus}.ipynb"
    (notebooks / copy).write_text(grown, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory, tables, cache_dir: Path):
    # A copy of the notebooks and corpus: JupyterLab may autosave what it runs.
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(CORPUS, work / "corpus-appended")
    grow(work / "corpus-appended", first=False)
    shutil.copytree(CORPUS, work / "corpus-prepended")
    grow(work / "corpus-prepended", first=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = {"ANALYSIS_CACHE_DIR": str(cache_dir)}  # parsed by the `tables` fixture already
    with run_jupyterlab(work / "notebooks", env=env, log=ARTIFACTS / "jupyterlab.log") as server:
        yield server


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


def run_notebook(page: Page, lab, name: str) -> None:
    """Opens a notebook in JupyterLab and runs every cell, until the kernel is done."""
    page.goto(lab.notebook_url(name))
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60_000)
    page.wait_for_selector(
        ".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-KernelStatus", timeout=60_000
    )
    page.wait_for_timeout(1500)
    run_all_cells(page)
    wait_until_executed(page)


def open_and_run(page: Page, lab, name: str) -> None:
    """Opens a notebook in JupyterLab, runs every cell and waits for its charts."""
    run_notebook(page, lab, name)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_timeout(2500)  # the charts' second layout (at the cell's width) is async


def check_layout(page: Page, name: str, size: str) -> list[str]:
    """Screenshots every chart and returns what is wrong with its layout, in words."""
    found = []
    stem = Path(name).stem
    for chart in page.evaluate(LAYOUT_PROBLEMS):
        i, title = chart["index"], chart["title"]
        png = page.evaluate(CHART_PNG, i).split(",", 1)[1]
        (ARTIFACTS / "layout" / f"{stem}-{size}-chart{i}.png").write_bytes(base64.b64decode(png))
        where = f"{name} at {size}, chart {i} ({title!r})"
        if chart["overlaps"]:
            found.append(f"{where}: overlapping texts {chart['overlaps'][:5]}")
        if chart["clipped"]:
            found.append(f"{where}: texts cut off at the edge {chart['clipped'][:5]}")
        if chart["width"] < 0.9 * chart["cellWidth"]:
            found.append(
                f"{where}: {chart['width']:.0f} px wide in a {chart['cellWidth']:.0f} px cell"
            )
    return found


#: JavaScript: the values of a <select>'s chosen options (to put a filter back as it was).
CHOSEN = "e => Array.from(e.options).filter(o => o.selected).map(o => o.value)"


def wait_for_chart_data(page: Page, shown: list[str], what: str, timeout: float = 60) -> None:
    """Waits until the charts draw `shown` again (a filter was put back); fails if they do not."""
    deadline = time.monotonic() + timeout
    while page.evaluate(CHART_DATA) != shown and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert page.evaluate(CHART_DATA) == shown, f"{what}: the charts did not come back"


def wait_for_chart_change(page: Page, before: list[str], timeout: float = 20) -> list[str]:
    """Waits until the charts draw something else than `before` (a filter changed).

    Returns:
        What the charts draw then; `before` itself when nothing changed within `timeout`
        seconds (the caller asserts, after its screenshot).
    """
    deadline = time.monotonic() + timeout
    after = before
    while after == before and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        after = page.evaluate(CHART_DATA)
    return after


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=NOTEBOOKS)
def notebook(request: pytest.FixtureRequest, browser, lab) -> Iterator[tuple[str, Page]]:
    """One notebook opened in the module's JupyterLab and run once, at 1280 × 800: its page is
    shared by every test of that notebook (running a notebook is most of a test's time).

    pytest groups the tests by this module-scoped parameter, so one notebook's page and kernel
    live at a time, and within a notebook it keeps the tests in this file's order, which matters:
    first the layout test (it checks the first render, and ticks again the box it unticks), then
    the notebook's own filter tests (02, 05; each puts its filters back and waits until the charts
    show what they showed before) and the stability tests' reads of the seeds (00, 04), last
    `test_notebook_runs_and_filters_redraw_charts`, which leaves an outlet unticked and other
    choices made.
    """
    name = request.param
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        open_and_run(page, lab, name)
        yield name, page
    finally:
        page.close()
        close_kernels(lab)


def test_every_chart_is_laid_out_cleanly(notebook: tuple[str, Page]) -> None:
    # Every chart of every notebook, live in JupyterLab: on first render at 1280 × 800, after the
    # window grows to 1400 × 1000, and after a filter change, no two rendered SVG text boxes
    # (title, source line, tick labels, axis titles, legend, colour bar, cell labels) overlap,
    # none is cut off at the chart's edge, and the chart takes the width of its cell.
    name, page = notebook
    # The first test on the shared page: the charts as first drawn, at the page's first size.
    assert page.viewport_size == {"width": 1280, "height": 800}, "not the first render"
    (ARTIFACTS / "layout").mkdir(parents=True, exist_ok=True)
    problems = check_layout(page, name, "1280x800")
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.wait_for_timeout(2000)
    problems += check_layout(page, name, "1400x1000")
    boxes = page.locator(".coverage-lens-filters input[type=checkbox]")
    if boxes.count() > 1:
        shown = page.evaluate(CHART_DATA)
        boxes.nth(1).click()
        page.wait_for_timeout(3000)
        problems += check_layout(page, name, "1400x1000-filtered")
        boxes.nth(1).click()  # tick it again: the next tests on this page start unfiltered
        wait_for_chart_data(page, shown, f"{name}: ticking the second outlet again")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("notebook", ["02_quotes_and_voices.ipynb"], indirect=True)
def test_quotes_notebook_attribution_filter(notebook: tuple[str, Page]) -> None:
    """Notebook 02: choosing one attribution kind redraws the voice-share charts."""
    _, page = notebook
    page.set_viewport_size({"width": 1400, "height": 1000})
    box = page.locator(".coverage-lens-filters .widget-select-multiple").filter(
        has_text="attribution"
    )
    select = box.locator("select")
    options = select.locator("option").all_inner_texts()
    assert "pronoun" in options and "according_to" in options
    page.wait_for_timeout(1000)
    before = page.evaluate(CHART_DATA)
    chosen = select.evaluate(CHOSEN)
    select.select_option(label="pronoun")
    after = wait_for_chart_change(page, before)
    page.screenshot(path=str(ARTIFACTS / "02-attribution-pronoun.png"), full_page=True)
    assert after != before, "choosing an attribution kind did not redraw the charts"
    select.select_option(value=chosen)  # as it was, for the next test on this page
    wait_for_chart_data(page, before, "02: the attribution filter put back")


@pytest.mark.parametrize("notebook", ["05_reaction_timeline.ipynb"], indirect=True)
def test_every_view_of_the_timeline_follows_the_actor_and_resolution_filters(
    notebook: tuple[str, Page],
) -> None:
    """Notebook 05: with one actor and "explicit" chosen, the timeline, the happenings, the report
    delays and the events all show only that actor's explicitly dated act (the wire's "Callamard
    tweeted later on August 4"): 1 point, 1 happening, its 3 reports, 1 event."""
    _, page = notebook
    page.set_viewport_size({"width": 1400, "height": 1000})
    tables = page.locator(".coverage-lens-table")
    assert tables.count() == 3  # happenings, report delays, events

    def rows() -> list[int]:
        return [t.locator("tbody tr").count() for t in tables.all()]

    before = rows()
    shown = page.evaluate(CHART_DATA)
    filters = page.locator(".coverage-lens-filters .widget-select-multiple")
    actor = filters.filter(has_text="actor").locator("select")
    resolution = filters.filter(has_text="resolution").locator("select")
    chosen = actor.evaluate(CHOSEN), resolution.evaluate(CHOSEN)
    actor.select_option(label="Agnès Callamard")
    page.wait_for_timeout(1500)
    resolution.select_option(label="explicit")
    deadline = time.monotonic() + 30
    while rows() != [1, 3, 1] and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    page.screenshot(path=str(ARTIFACTS / "05-callamard-explicit.png"), full_page=True)
    assert rows() == [1, 3, 1], f"rows before {before}, after {rows()}"
    happening = tables.nth(0).locator("tbody tr").first.inner_text()
    assert "Agnès Callamard" in happening and "tweet" in happening
    reports = tables.nth(1).locator("tbody").inner_text()
    assert all(o in reports for o in ("The Washington Post", "unattributed wire-style report"))
    assert "Callamard tweeted later on August 4" in tables.nth(2).locator("tbody").inner_text()
    points = json.loads(page.evaluate(CHART_DATA)[0])  # the timeline: [x, y] per trace
    actors = [y for _, ys in points for y in (ys or [])]
    assert actors and set(actors) == {"Agnès Callamard"}
    # Both filters as they were, for the next test on this page.
    resolution.select_option(value=chosen[1])
    page.wait_for_timeout(1500)
    actor.select_option(value=chosen[0])
    wait_for_chart_data(page, shown, "05: the actor and resolution filters put back")
    assert rows() == before


def read_when_ready(page: Page, name: str, script: str, ready: str) -> list:
    """Returns what `script` reads on a notebook's page once `ready` holds (no cell errors)."""
    try:
        errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
        assert errors == [], f"{name}: error output {errors}"
        page.wait_for_function(ready, timeout=120_000)  # a widget's data can come late under load
        return page.evaluate(script)
    finally:  # what the page showed, also when a wait timed out
        page.screenshot(path=str(ARTIFACTS / f"stability-{Path(name).stem}.png"), full_page=True)


def run_and_read(browser, lab, name: str, script: str, ready: str) -> list:
    """Runs a notebook in a new page; returns what `script` reads once `ready` holds."""
    page: Page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_and_run(page, lab, name)
        return read_when_ready(page, name, script, ready)
    finally:
        page.close()  # its kernel is shut down with the shared page's (`notebook`)


@pytest.mark.needs_chromium
@pytest.mark.parametrize("notebook", ["00_start_here.ipynb"], indirect=True)
def test_outlet_colours_survive_adding_an_outlet(notebook: tuple[str, Page], lab, browser) -> None:
    name, page = notebook  # the seeds, on the shared page (its filters as first drawn)
    page.set_viewport_size({"width": 1400, "height": 1000})
    ready = f"() => ({TRACE_COLOURS})().length >= 5"
    before = dict(map(tuple, read_when_ready(page, name, TRACE_COLOURS, ready)))
    grown = on_grown_corpus(lab.root, name, "corpus-appended")
    ready = f"() => ({TRACE_COLOURS})().some(([n]) => n === {json.dumps(NEW_OUTLET)})"
    pairs = {tuple(p) for p in run_and_read(browser, lab, grown, TRACE_COLOURS, ready)}
    after = dict(pairs)
    assert len(after) == len(pairs), f"an outlet drawn in two colours: {pairs}"
    assert set(before) == SEED_OUTLETS
    assert set(after) == SEED_OUTLETS | {NEW_OUTLET}
    assert {o: after[o] for o in SEED_OUTLETS} == before  # every seed outlet kept its colour
    assert after[NEW_OUTLET] not in before.values()
    assert len(set(before.values())) == 5


@pytest.mark.needs_chromium
@pytest.mark.parametrize("notebook", ["04_coverage_overlap.ipynb"], indirect=True)
def test_statement_id_survives_adding_an_unrelated_article(
    notebook: tuple[str, Page], lab, browser
) -> None:
    # The statement a reporter might cite, from the Post: "Callamard tweeted Friday in response
    # to the criticism, calling out “Ukrainian and Russian social media mobs and trolls” for
    # attacking Amnesty’s investigations." Its grid label is "<id> · Callamard tweeted Friday…".
    name, page = notebook  # the seeds, on the shared page (its filters as first drawn)
    page.set_viewport_size({"width": 1400, "height": 1000})
    ready = f"() => ({GRID_LABELS})().length > 0"
    before = read_when_ready(page, name, GRID_LABELS, ready)
    cited = [label for label in before if label[9:].startswith("Callamard tweeted Friday")]
    assert len(cited) == 1, f"the grid shows {before}"
    # The new article comes first: an id derived from a sentence's position would move.
    grown = on_grown_corpus(lab.root, name, "corpus-prepended")
    after = run_and_read(browser, lab, grown, GRID_LABELS, ready)
    assert cited[0] in after  # the same id, shown for the same sentence
    kept = set(before) & set(after)
    assert len(kept) >= 0.9 * len(before)  # the refitted similarity may move a borderline link
    ids_after = {label[:6]: label for label in after}
    moved = [b for b in before if b[:6] in ids_after and ids_after[b[:6]] != b]
    assert moved == [], f"an id now names another sentence: {moved}"


@pytest.mark.needs_chromium  # skip before starting JupyterLab
def test_notebook_runs_and_filters_redraw_charts(notebook: tuple[str, Page]) -> None:
    # Last on the shared page: it leaves an outlet unticked (see `notebook`). The notebook ran
    # in the fixture (Run All Cells, every cell finished, a chart drawn).
    name, page = notebook
    page.set_viewport_size({"width": 1400, "height": 1000})
    errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
    assert errors == [], f"{name}: error output {errors}"
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_selector(".coverage-lens-filters input[type=checkbox]", timeout=30_000)
    page.wait_for_timeout(1000)
    # Under load a chart's data can reach the page well after its frame: wait for points.
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot')).slice(0, 1)"
        ".some(gd => (gd.data || []).some(t => t.x && t.x.length))",
        timeout=180_000,
    )
    before = page.evaluate(CHART_DATA)
    assert before, f"{name}: no Plotly chart rendered"
    page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-before.png"), full_page=True)

    page.locator(".coverage-lens-filters input[type=checkbox]").first.click()
    after = wait_for_chart_change(page, before)
    page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-after.png"), full_page=True)
    page.locator(".js-plotly-plot").first.screenshot(
        path=str(ARTIFACTS / f"{Path(name).stem}-chart-after.png")
    )
    assert after != before, f"{name}: unticking an outlet did not change any chart's data"
    # The first chart lost the unticked outlet's points and kept the others.
    first_before, first_after = json.loads(before[0]), json.loads(after[0])
    assert sum(len(x or []) for x, _ in first_after) < sum(len(x or []) for x, _ in first_before)
    assert sum(len(x or []) for x, _ in first_after) > 0
    tables = page.locator(".coverage-lens-table")
    if tables.count():  # every table has a search box and sorts on a click on a heading
        first = tables.first
        assert first.locator("input[type=search]").count() == 1
        heading = first.locator("thead th").nth(1)
        column = first.locator("tbody tr td:nth-child(2)")
        heading.click()
        page.wait_for_timeout(500)
        if heading.get_attribute("aria-sort") is None:
            # Known limitation (itables 2.9 widget in JupyterLab 4): the first click on a
            # table's heading is lost; the second sorts.
            heading.click()
            page.wait_for_timeout(500)
        assert heading.get_attribute("aria-sort") == "ascending"
        rising = [t.casefold() for t in column.all_inner_texts()]
        assert rising == sorted(rising)
        heading.click()
        page.wait_for_timeout(500)
        falling = [t.casefold() for t in column.all_inner_texts()]
        assert falling == sorted(falling, reverse=True) and falling[0] >= rising[-1]
    unticked = page.locator(".coverage-lens-filters .widget-checkbox").first.inner_text()
    unticked = unticked.strip()
    assert unticked
    readers = page.locator(".coverage-lens-reading select")
    if readers.count():  # the reading view offers only the selected articles
        page.wait_for_timeout(500)
        offered = readers.first.locator("option").all_inner_texts()
        assert offered and not [o for o in offered if o.startswith(unticked + " · ")]
    if name.startswith("05_"):  # the timeline: keep only the undated statements
        kinds = page.locator(".coverage-lens-filters select").first
        before = page.evaluate(CHART_DATA)
        kinds.select_option(label=["publication"])
        after = wait_for_chart_change(page, before)
        page.screenshot(path=str(ARTIFACTS / "05-publication-only.png"), full_page=True)
        timeline_after = json.loads(after[0])
        # Traces per outlet: explicit, relative, publication markers, then spans; last the
        # conflict line. Only the publication markers keep points.
        assert sum(len(x or []) for x, _ in timeline_after) > 0
        kept = [i % 4 for i, (x, _) in enumerate(timeline_after[:-1]) if x]
        assert set(kept) == {2} and not timeline_after[-1][0]
    pickers = page.locator(".coverage-lens-variants select")
    if pickers.count():  # the statement picker and its view leave the unticked outlet out
        page.wait_for_timeout(500)
        view = page.locator(".coverage-lens-variants .widget-html-content").first
        assert unticked not in view.inner_text()
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
