"""Shared fixtures: the seed corpus built once per test session, into a private parse cache.

Tests that need Chromium (PNG/SVG export, the real-browser tests) carry the `needs_chromium`
marker or call `skip_without_chromium()`; without a browser they skip with one reason, counted
in a line of pytest's summary (under CI they fail instead: `.ci/run` installs the browser).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import analysis
from analysis.notebook.export import find_chromium

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CHROMIUM_MISSING = (
    "Chromium is not installed (PNG/SVG export and the browser tests need it): run `make setup` "
    "as root, or `sudo apt-get install -y chromium`"
)


def skip_without_chromium() -> str:
    """Returns the Chrome/Chromium binary; skips the test without one (fails under CI).

    Honours `PATH` and `BROWSER_PATH`, as export does (hide the browser with either to try the
    path of a machine without it).
    """
    found = find_chromium()
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is missing in CI: .ci/run must install it (apt-get install chromium)")
    pytest.skip(CHROMIUM_MISSING)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (every browser test shares one browser; each test
    opens its own pages)."""
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS

    executable = skip_without_chromium()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_chromium: needs Chromium; skipped with one reason when it is missing"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("needs_chromium"):
        skip_without_chromium()


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = [
        r
        for r in terminalreporter.stats.get("skipped", [])
        if isinstance(r.longrepr, tuple) and CHROMIUM_MISSING in str(r.longrepr[2])
    ]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} tests skipped: {CHROMIUM_MISSING}.")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("parse-cache")


@pytest.fixture(scope="session")
def tables(cache_dir: Path) -> analysis.Tables:
    return analysis.build(CORPUS, cache_dir=cache_dir)


@pytest.fixture(scope="session")
def bodies(tables: analysis.Tables) -> dict[str, str]:
    return dict(zip(tables.articles.article_id, tables.articles.body, strict=True))


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> analysis.Tables:
    """A 40-article corpus of bench/make_corpus.py (8 outlets or more, a month of dates), built
    once for the session: test_framing_equality.py and test_notebook_equality.py only read it."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    folder = tmp_path_factory.mktemp("generated") / "corpus"
    make_corpus(40, folder)
    return analysis.build(folder, cache_dir=tmp_path_factory.mktemp("generated-cache"))


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path):
    """One JupyterLab for the session's browser tests (tests/browser.py's `run_jupyterlab`), on
    an empty folder: each browser test module lays out its own notebooks and corpus in a folder
    of it and drives the server from there (`Lab.folder`), closing its kernels when done. Its
    kernels read the session's parse cache. Its log: test-artifacts/browser/jupyterlab.log."""
    from tests.browser import run_jupyterlab

    skip_without_chromium()
    work = tmp_path_factory.mktemp("jupyterlab")
    (work / "root").mkdir()
    artifacts = ROOT / "test-artifacts" / "browser"
    artifacts.mkdir(parents=True, exist_ok=True)
    env = {"ANALYSIS_CACHE_DIR": str(cache_dir)}
    with run_jupyterlab(work / "root", env=env, log=artifacts / "jupyterlab.log") as server:
        yield server
