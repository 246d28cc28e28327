"""The notebooks in a real JupyterLab, driven by Playwright in Debian's Chromium.

For each notebook: open it, Run All Cells (once: the `notebook` fixture's page is shared by every
test of that notebook), then check that no cell shows an error, that Plotly charts and the filter
widgets rendered, that the charts are laid out cleanly, and that unticking an outlet changes a
chart's data; that colours and statement ids stay stable when an article is added (issue 12);
and issue 25's review items (tests/review_screenshots.py's seed steps) and one-click sorting, on
the same shared pages. Screenshots go to test-artifacts/browser/.
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
from tests import review_screenshots as review
from tests.browser import CHART_PNG, LAYOUT_PROBLEMS
from tests.conftest import CORPUS, ROOT
from tests.review_screenshots import CHOSEN, close_kernels
from tests.unrelated_article import NEW_OUTLET, grow

pytest.importorskip("playwright")
from playwright.sync_api import Locator, Page  # noqa: E402

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
def lab(jupyterlab, tables):
    # A copy of the notebooks and corpus, in a folder of the session's JupyterLab (its kernels
    # read the cache the `tables` fixture parsed): JupyterLab may autosave what it runs.
    work = jupyterlab.root / "seeds"
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(CORPUS, work / "corpus-appended")
    grow(work / "corpus-appended", first=False)
    shutil.copytree(CORPUS, work / "corpus-prepended")
    grow(work / "corpus-prepended", first=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = jupyterlab.folder("seeds/notebooks")
    try:
        yield server
    finally:
        close_kernels(server)


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
    show what they showed before), the stability tests' reads of the seeds (00, 04), the review
    items (00, 01, 02, 04, 05) and the sorting test (02), which put back their filters and sorts
    and check that the views came back; last `test_notebook_runs_and_filters_redraw_charts`,
    which leaves an outlet unticked and other choices made.
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


#: Issue 25's review items on the seeds (tests/review_screenshots.py, docs/review.md), per notebook.
REVIEW_STEPS = {
    "00_start_here.ipynb": review.review_seed_00,
    "01_corpus_and_sources.ipynb": review.review_seed_01,
    "02_quotes_and_voices.ipynb": review.review_seed_02,
    "04_coverage_overlap.ipynb": review.review_seed_04,
    "05_reaction_timeline.ipynb": review.review_seed_05,
}


@pytest.mark.needs_chromium
@pytest.mark.parametrize("notebook", sorted(REVIEW_STEPS), indirect=True)
def test_review_items_hold_on_the_seeds(notebook: tuple[str, Page], lab) -> None:
    """Issue 25's review items, on the shared page of each notebook: the seed steps of the
    script that takes the review's screenshots, failing on any of its checks: 00's table of
    notebooks and a first click that sorts; 01's cleaning colours, legend and empty chart; 02's
    speaker colour unfiltered and filtered to her, one colour per name across neighbouring
    charts, "the only speaker", horizontal verb labels; 04's diff against a selected outlet,
    named; 05's views following the actor and resolution filters, no "NaT". Screenshots go to
    test-artifacts/browser/review/.

    On the shared page each step puts back what it changed (filters, baseline, sort: its
    `shared` checks say whether the views came back) and this test waits until the charts draw
    what they drew before, for the next tests on the page."""
    name, page = notebook
    page.set_viewport_size({"width": 1400, "height": 2600})  # the script's window
    shown = page.evaluate(CHART_DATA)
    (ARTIFACTS / "review").mkdir(parents=True, exist_ok=True)
    checks = review.Review(ARTIFACTS / "review")
    if name.startswith("01_"):
        review.review_seed_01(page, lab, checks, shared=lab.root.parent / "corpus")
    else:
        REVIEW_STEPS[name](page, lab, checks, shared=True)
    failed = [line for line in checks.lines if line.startswith("FAIL")]
    assert checks.lines and not failed, "\n".join(failed)
    wait_for_chart_data(page, shown, f"{name}: the review's changes put back")


#: JavaScript: marks the heading cells of every table, to tell a redrawn table from the old one.
MARK_HEADINGS = """() => document.querySelectorAll('.coverage-lens-table thead th')
    .forEach(th => { th.dataset.clMark = 'old'; })"""
#: JavaScript: whether the first table's headings are new elements (the table was redrawn).
REDRAWN = """() => { const th = document.querySelector('.coverage-lens-table thead th');
    return th !== null && th.dataset.clMark === undefined; }"""


def column_texts(table: Locator, column: int) -> list[str]:
    """Returns the texts of one column (1-based) of a table's shown rows, case-folded."""
    cells = table.locator(f"tbody tr td:nth-child({column})")
    return [t.strip().casefold() for t in cells.all_inner_texts()]


def first_unsorted_column(table: Locator) -> int:
    """Returns the first column (1-based) whose shown rows are not already in ascending order."""
    count = table.locator("thead th").count()
    for column in range(1, count + 1):
        texts = column_texts(table, column)
        if texts != sorted(texts):
            return column
    raise AssertionError("every column is already sorted: the click could not be checked")


def click_once_and_check(page: Page, table: Locator, shot: str) -> int:
    """Clicks the heading of an unsorted column once; checks that its rows are then ascending.

    Returns:
        The column (1-based) clicked.
    """
    column = first_unsorted_column(table)
    heading = table.locator("thead th").nth(column - 1)
    assert heading.get_attribute("aria-sort") is None
    heading.click()
    page.wait_for_timeout(700)
    page.screenshot(path=str(ARTIFACTS / shot))
    texts = column_texts(table, column)
    assert heading.get_attribute("aria-sort") == "ascending", f"column {column} not sorted"
    assert texts == sorted(texts)
    return column


def heading_of(table: Locator, column: int) -> Locator:
    """Returns the heading cell of one column (1-based) of a table."""
    return table.locator("thead th").nth(column - 1)


def redraw_by_filter(page: Page) -> None:
    """Toggles the first outlet box of the filters and waits until the first table is redrawn."""
    page.evaluate(MARK_HEADINGS)
    page.locator(".coverage-lens-filters input[type=checkbox]").first.click()
    page.wait_for_function(REDRAWN, timeout=30_000)
    page.wait_for_timeout(700)


@pytest.mark.needs_chromium
@pytest.mark.parametrize("notebook", ["02_quotes_and_voices.ipynb"], indirect=True)
def test_one_click_on_a_heading_sorts_and_a_redraw_keeps_the_sort(
    notebook: tuple[str, Page],
) -> None:
    """One click on a table heading sorts the table (issue 25's review item: "the first click on
    a table heading is lost"), on notebook 02's table as first drawn and on the table redrawn by
    a filter change; the redraw (a new DataTable in the same element) keeps the reader's sort. (A
    click made while a filter change redraws the table was lost in 2 runs of 3 before the table
    kept its state, and is still lost now and then, about 1 run in 5: not asserted here, so the
    test does not flicker.) Screenshots go to test-artifacts/browser/."""
    _, page = notebook
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.wait_for_selector(".coverage-lens-table thead th", timeout=60_000)
    page.wait_for_timeout(1000)
    errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
    assert errors == [], f"error output {errors}"  # e.g. a warning about the table options
    table = page.locator(".coverage-lens-table").first
    first_order, shown = table.locator("tbody").inner_text(), page.evaluate(CHART_DATA)
    sorted_by = click_once_and_check(page, table, "sorting-first-click.png")

    # Untick an outlet: the table is redrawn (new heading cells) and keeps the sort.
    redraw_by_filter(page)
    page.screenshot(path=str(ARTIFACTS / "sorting-kept-after-filter.png"))
    kept = heading_of(table, sorted_by).get_attribute("aria-sort")
    assert kept == "ascending", f"the filter change's redraw lost the sort on {sorted_by}"
    texts = column_texts(table, sorted_by)
    assert texts == sorted(texts)
    # One click on another column of the redrawn table sorts by it.
    again = click_once_and_check(page, table, "sorting-after-filter.png")

    # As it was, for the next test on this page: the outlet ticked again (another redraw), the
    # table sorted by nothing (two more clicks: descending, none), the rows in their first order.
    redraw_by_filter(page)
    review.unsort(page, heading_of(table, again))
    wait_for_chart_data(page, shown, "02: the outlet ticked again")
    assert heading_of(table, again).get_attribute("aria-sort") is None
    assert table.locator("tbody").inner_text() == first_order


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
        # Traces per outlet: explicit, relative, occasion, publication markers, then spans;
        # last the conflict line. Only the publication markers keep points.
        assert sum(len(x or []) for x, _ in timeline_after) > 0
        kept = [i % 5 for i, (x, _) in enumerate(timeline_after[:-1]) if x]
        assert set(kept) == {3} and not timeline_after[-1][0]
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
