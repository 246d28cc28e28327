"""Stable colours and ids, seen in a real JupyterLab in Chromium (issue 12).

One JupyterLab serves the seed corpus and two copies grown by one invented article from a new
outlet, "Test Daily", about something else entirely (a harbour town's library budget): added as the
manifest's last row, and as its first. Each test runs its notebook on the seeds and on one copy
and compares what the page drew: an outlet keeps its colour when an outlet is added, and a
statement keeps its id when an unrelated article is added.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.browser import run_jupyterlab
from tests.conftest import CORPUS, ROOT
from tests.test_browser import ARTIFACTS, open_and_run

pytest.importorskip("playwright")
from playwright.sync_api import Page  # noqa: E402

SEED_OUTLETS = {
    "The Washington Post",
    "unattributed wire-style report",
    "CNN (republished copy)",
    "blog repost",
    "Ukrainian news site (English edition)",
}
NEW_OUTLET = "Test Daily"

#: A development article about something else entirely (written for this test, not a seed).
UNRELATED = """Harbour town approves budget for new library

The council of a small harbour town approved on Tuesday a budget of 2.4 million for a new public
library, after two years of debate about the old building's leaking roof.

"We have waited long enough for a place where children can read in the dry," the mayor said at
the meeting, which ran late into the evening.

Construction is expected to start next spring and to last eighteen months. The old library will
stay open until the new one is finished, the council said.
"""

#: JavaScript: (trace name, marker colour) of every named trace of every Plotly chart on the page.
TRACE_COLOURS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .flatMap(gd => (gd.data || []).filter(t => t.name && t.marker && t.marker.color)
        .map(t => [t.name, t.marker.color]))"""

#: JavaScript: the row labels ("<id> · <start of the sentence>…") of the statement grid.
GRID_LABELS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .flatMap(gd => (gd.data || []).filter(t => t.type === 'heatmap').flatMap(t => t.y || []))
    .filter(y => /^\\d{6} · /.test(String(y)))"""


def grow(corpus: Path, *, first: bool) -> None:
    """Adds the invented Test Daily article to a copy of the corpus, as the manifest's first row
    (every sentence of the seeds moves down the tables) or its last."""
    (corpus / "articles" / "harbour.txt").write_text(UNRELATED, encoding="utf-8")
    manifest = corpus / "articles.csv"
    header, *rows = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    added = f"harbour,articles/harbour.txt,{NEW_OUTLET},newspaper,,,2022-08-09,en,\n"
    rows = [added, *rows] if first else [*rows, added]
    manifest.write_text("".join([header, *rows]), encoding="utf-8")


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
    # Copies: JupyterLab may autosave what it runs, and the raw corpus is never touched.
    work = tmp_path_factory.mktemp("lab-stability")
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(CORPUS, work / "corpus-appended")
    grow(work / "corpus-appended", first=False)
    shutil.copytree(CORPUS, work / "corpus-prepended")
    grow(work / "corpus-prepended", first=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = {"ANALYSIS_CACHE_DIR": str(cache_dir)}  # the seeds are parsed by `tables` already
    log = ARTIFACTS / "jupyterlab-stability.log"
    with run_jupyterlab(work / "notebooks", env=env, log=log) as server:
        yield server


def run_and_read(browser, lab, name: str, script: str, ready: str) -> list:  # noqa: F811
    """Runs a notebook in a new page; returns what `script` reads once `ready` holds."""
    page: Page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_and_run(page, lab, name)
        errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
        assert errors == [], f"{name}: error output {errors}"
        page.wait_for_function(ready, timeout=120_000)  # a widget's data can come late under load
        return page.evaluate(script)
    finally:  # what the page showed, also when a wait timed out
        page.screenshot(path=str(ARTIFACTS / f"stability-{Path(name).stem}.png"), full_page=True)
        page.close()


@pytest.mark.needs_chromium
def test_outlet_colours_survive_adding_an_outlet(lab, browser) -> None:  # noqa: F811
    name = "00_start_here.ipynb"
    ready = f"() => ({TRACE_COLOURS})().length >= 5"
    before = dict(map(tuple, run_and_read(browser, lab, name, TRACE_COLOURS, ready)))
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
def test_statement_id_survives_adding_an_unrelated_article(lab, browser) -> None:  # noqa: F811
    # The statement a reporter might cite, from the Post: "Callamard tweeted Friday in response
    # to the criticism, calling out “Ukrainian and Russian social media mobs and trolls” for
    # attacking Amnesty’s investigations." Its grid label is "<id> · Callamard tweeted Friday…".
    name = "04_coverage_overlap.ipynb"
    ready = f"() => ({GRID_LABELS})().length > 0"
    before = run_and_read(browser, lab, name, GRID_LABELS, ready)
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
