"""Issue 25's review items on the seed corpus, in a real JupyterLab (Debian's Chromium).

Each test runs one notebook through `tests/review_screenshots.py` (the script that takes the
review's screenshots, docs/review.md) and fails on any of its checks: 00's table of notebooks
and a first click that sorts; 01's cleaning colours, legend and empty chart; 02's speaker colour
unfiltered and filtered to her, one colour per name across neighbouring charts, "the only
speaker", horizontal verb labels; 04's diff against a selected outlet, named; 05's views
following the actor and resolution filters, no "NaT". Screenshots go to
test-artifacts/browser/review/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import run_jupyterlab
from tests.conftest import ROOT

pytest.importorskip("playwright")
from tests import review_screenshots as review  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "browser"
STEPS = {
    "00": review.review_seed_00,
    "01": review.review_seed_01,
    "02": review.review_seed_02,
    "04": review.review_seed_04,
    "05": review.review_seed_05,
}


@pytest.fixture(scope="module")
def review_lab(tmp_path_factory: pytest.TempPathFactory, tables, cache_dir: Path):
    work = tmp_path_factory.mktemp("review") / "work"
    review.lay_out_corpora(work, multi=None)
    (ARTIFACTS / "review").mkdir(parents=True, exist_ok=True)
    env = {"ANALYSIS_CACHE_DIR": str(cache_dir)}
    with run_jupyterlab(work, env=env, log=ARTIFACTS / "jupyterlab-review.log") as server:
        yield server


@pytest.mark.needs_chromium
@pytest.mark.parametrize("notebook", sorted(STEPS))
def test_review_items_hold_on_the_seeds(review_lab, browser, notebook: str) -> None:
    checks = review.Review(ARTIFACTS / "review")
    page = browser.new_page(viewport={"width": 1400, "height": 2600})
    try:
        STEPS[notebook](page, review_lab, checks)
    finally:
        page.close()
        review.close_kernels(review_lab)
    failed = [line for line in checks.lines if line.startswith("FAIL")]
    assert checks.lines and not failed, "\n".join(failed)
