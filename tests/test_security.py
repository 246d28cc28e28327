"""Articles are untrusted: a hostile article's markup never runs, in JupyterLab or exported HTML.

The corpus is the seeds plus one hostile article (listed first, so the reading view opens on it):
`<script>`, `<img src=x onerror=…>`, a `javascript:` link, and a title and an outlet made of
markup; it also carries a seed sentence (with markup inserted), dated sentences and a frame word,
so it shows in the statement, timeline and framing views. Every notebook runs live in JupyterLab
(its outputs are trusted and would run scripts); where a view needs a pick (03's frame drilldown,
04's variant view) the test picks the hostile article's choice, and it hovers 04's statement grid
and 05's timeline. There and in the exported report and chart pages, the test asserts that no
dialog opened, no element of the article was injected, and the markup shows literally as text.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from analysis.notebook.report import write_report
from tests.conftest import CORPUS, ROOT

pytest.importorskip("playwright")
from playwright.sync_api import Browser, Page  # noqa: E402

from tests.review_screenshots import close_kernels  # noqa: E402
from tests.test_browser import open_and_run  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "security"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

TITLE = "<h1 onmouseover=\"alert('pwned-title')\">Breaking</h1> Minister <b>quits</b>"
OUTLET = "<b onmouseover=alert('pwned-outlet')>Gazette</b>"
SCRIPT = "<script>alert('pwned-script')</script>"
IMG = "<img src=x onerror=\"alert('pwned-img')\">"
LINK = "<a href=\"javascript:alert('pwned-link')\">the report</a>"
# Markup inside a sentence a seed article also carries (notebook 04's statement views).
VARIANT = "<i onmouseover=\"alert('pwned-variant')\">on Facebook</i>"
HOSTILE = f"""{TITLE}

The minister resigned {SCRIPT} on Monday after the report, officials said.

“{IMG} We will not stay silent,” the minister said in a statement on Tuesday.

Read {LINK} before Friday, the council told reporters, calling it propaganda.

Pokalchuk said that the head office had no reaction to the Ukrainian office’s opposition to \
the report {VARIANT}.

The harbour at dawn. <svg onload=alert('pwned-svg')> (Jon Berg/AP)
"""
# What must show literally somewhere on the page.
LITERAL = [SCRIPT, IMG, LINK]
# Elements or handlers the hostile text would create if it were not escaped.
INJECTED = """() => {
    const found = document.querySelectorAll(
        'img[src="x"], [onerror], [onmouseover], [onload], a[href^="javascript:"]');
    const scripts = Array.from(document.scripts)
        .filter(s => s.textContent.trim().startsWith("alert('pwned"));
    return [...Array.from(found).map(e => e.outerHTML.slice(0, 120)),
            ...scripts.map(s => s.outerHTML.slice(0, 120))];
}"""


CHART_TEXT = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(e => e.textContent).join(' ')"""


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("hostile")
    shutil.copytree(CORPUS, work / "corpus")
    manifest = work / "corpus" / "articles.csv"
    header, *rows = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow(
        ["hostile", "articles/hostile.txt", OUTLET, "blog", TITLE, "", "2022-08-08", "en", ""]
    )
    manifest.write_text(header + line.getvalue() + "".join(rows), encoding="utf-8")
    (work / "corpus" / "articles" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return work / "corpus"


def open_page(browser: Browser) -> tuple[Page, list[str]]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return page, dialogs


def assert_inert(page: Page, dialogs: list[str], name: str) -> str:
    """Asserts nothing ran and nothing was injected; returns the page's visible text."""
    page.mouse.move(300, 300)
    page.wait_for_timeout(500)
    assert dialogs == [], f"{name}: a dialog opened: {dialogs}"
    assert page.evaluate(INJECTED) == [], f"{name}: injected elements"
    return page.evaluate("() => document.body.innerText")


@pytest.fixture(scope="module")
def hostile_lab(jupyterlab, hostile_corpus: Path):
    """The session's JupyterLab, from a folder of copies of the notebooks and the hostile corpus
    (each test shuts its notebook's kernel down: one kernel at a time)."""
    work = jupyterlab.root / "hostile"
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    shutil.copytree(hostile_corpus, work / "corpus")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    lab = jupyterlab.folder("hostile/notebooks")
    try:
        yield lab
    finally:
        close_kernels(lab)


@pytest.mark.needs_chromium
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_hostile_article_is_inert_in_jupyterlab(browser: Browser, hostile_lab, name: str) -> None:
    page, dialogs = open_page(browser)
    try:
        open_and_run(page, hostile_lab, name)
        hovers = pick_hostile_views(page, name)
        page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}.png"), full_page=True)
        errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
        assert errors.all_inner_texts() == []
        text = assert_inert(page, dialogs, name)
    finally:
        page.close()
        close_kernels(hostile_lab)
    assert OUTLET in text  # the outlet filter's label
    if name.startswith("00"):  # the article summary
        assert TITLE in text
    elif name.startswith("01"):  # the reading view opens on the hostile article
        for literal in [*LITERAL, TITLE]:
            assert literal in text, literal
    elif name.startswith("02"):  # the quote explorer
        assert "We will not stay silent," in text
    elif name.startswith("03"):  # the frame drilldown, on the hostile article's frame word
        assert LINK in text
    elif name.startswith("04"):  # the variant view, on the statement the hostile article shares
        assert VARIANT in text
        assert any(OUTLET in hover for hover in hovers), hovers  # the hostile outlet's column
    elif name.startswith("05"):  # the events table, and the timeline's hover on its events
        assert SCRIPT in text and IMG in text
        assert any(SCRIPT in hover for hover in hovers), hovers[:5]
    else:  # the entity table lists the hostile article's person
        assert "Pokalchuk" in text


def pick_hostile_views(page: Page, name: str) -> list[str]:
    """Picks the views' choices that show the hostile article; returns the charts' hover texts."""
    if name.startswith("03"):
        picker = page.locator(".coverage-lens-drilldown select").nth(1)
        picker.select_option(label="propaganda and disinformation")
    elif name.startswith("04"):
        picker = page.locator(".coverage-lens-variants select").first
        labels = picker.evaluate("e => Array.from(e.options).map(o => o.textContent)")
        # ipywidgets shows an option's spaces as no-break spaces
        shared = [
            x for x in labels if "Pokalchuk said that the head office" in x.replace("\xa0", " ")
        ]
        assert len(shared) == 1, labels
        (label,) = shared
        picker.select_option(label=label)
    page.wait_for_timeout(1000)
    hovers: list[str] = []
    if name.startswith("05"):  # hover every event of the reaction timeline
        points = page.locator(".js-plotly-plot").first.locator(".point")
        for i in range(min(points.count(), 80)):
            points.nth(i).hover(force=True)
            hovers.append(read_hover(page))
    elif name.startswith("04"):  # sweep the statement grid's first row, across every outlet
        grid = page.locator(".js-plotly-plot").nth(1).locator(".nsewdrag").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        assert box is not None
        for step in range(24):
            page.mouse.move(box["x"] + box["width"] * (step + 0.5) / 24, box["y"] + 8)
            hovers.append(read_hover(page))
    return hovers


def read_hover(page: Page) -> str:
    """Returns the text of the chart hover label now shown."""
    page.wait_for_timeout(60)
    return " ".join(page.locator(".hoverlayer").all_text_contents())


@pytest.mark.needs_chromium  # the report exports PNG
def test_hostile_article_is_inert_in_exported_html(
    hostile_corpus: Path, browser: Browser, cache_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(cache_dir))
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus_and_sources.ipynb", notebooks)
    out = tmp_path / "exports"
    report = write_report(notebooks, corpus_dir=hostile_corpus, out_dir=out)
    assert report.failed == {}
    pages = sorted(out.glob("*.html")) + sorted((out / "notebooks").glob("*.html"))
    assert (out / "article-lengths.html") in pages
    texts, charts = {}, []
    for path in pages:
        page, dialogs = open_page(browser)
        try:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            page.wait_for_timeout(1000)
            texts[path.name] = assert_inert(page, dialogs, path.name)
            charts.append(page.evaluate(CHART_TEXT))
        finally:
            page.close()
    report_text = texts["01_corpus_and_sources.html"]
    for literal in [*LITERAL, TITLE]:
        assert literal in report_text, literal
    shown = [text[text.find("Gazette") - 60 : text.find("Gazette") + 10] for text in charts]
    assert any(OUTLET in text for text in charts), shown  # an axis label, as text
    lengths = (out / "article-lengths.html").read_text(encoding="utf-8")
    assert "&lt;b onmouseover=alert('pwned-outlet')&gt;Gazette&lt;" in lengths  # escaped


# --- the other doors: export names, caches, JupyterLab --------------------------------------


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/tmp/evil", "tmp-evil"),
        ("..\\..\\win.ini", "win-ini"),
        ("<img src=x onerror=alert(1)>", "img-src-x-onerror-alert-1"),
    ],
)
def test_export_names_cannot_leave_the_export_folder(tmp_path: Path, name: str, stem: str) -> None:
    import plotly.graph_objects as go

    from analysis.notebook import export

    (path,) = export.save(go.Figure(), name, formats=("html",), out_dir=tmp_path / "exports")
    assert path == tmp_path / "exports" / f"{stem}.html"


def test_caches_are_never_unpickled() -> None:
    # The parse cache is spaCy's DocBin (msgpack) behind a checksum; no module may load pickles.
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for word in ("import pickle", "from pickle", "read_pickle", "joblib", "dill", "marshal"):
            assert word not in source, f"{path.name}: {word}"
    assert "DocBin().from_bytes" in (ROOT / "analysis" / "text" / "parse.py").read_text(
        encoding="utf-8"
    )


def test_make_lab_binds_to_localhost_with_a_token() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (lab,) = [b for b in makefile.split("\n\n") if b.startswith("lab:")]
    assert "--ServerApp.ip=127.0.0.1" in lab
    assert "token=" not in lab and "password" not in lab  # Jupyter's generated token stays on
