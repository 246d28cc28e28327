"""Screenshots of issue 25's review items in a real JupyterLab (Debian's Chromium, Playwright).

Run by hand (never in the test suite; it takes several minutes on a loaded machine):

    python -m tests.review_screenshots /tmp/review/shots [--multi /tmp/review/abp] \
        [--cache /tmp/review/cache] [--only seed-02 new ...]

It lays out, in a work folder beside OUT (`OUT/../review-work`), four corpora each with a copy of
the notebooks: `seed` (the shipped corpus), `new` (started with `python -m analysis new` and
filled with `add` on two saved web pages and a .txt file), `broken` (the seed corpus with a
manifest row naming a missing file) and, with `--multi`, a corpus of several stories and outlets
(e.g. written by `eval_real/abp.py`). Then it starts JupyterLab on that folder, runs one notebook
at a time, drives the filters and writes one PNG per review item into OUT, plus `checks.txt`:
each screenshot's name, what was checked on the page and whether it held. docs/review.md lists
the items and their screenshots.
"""

from __future__ import annotations

import argparse
import base64
import csv
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.notebook.export import find_chromium
from tests.browser import CHART_PNG, CHROMIUM_FLAGS, Lab, run_jupyterlab

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
NEW_TITLE = "Harbour and bridge test corpus"
#: "NaT" as a word (a missing date pandas would print), not inside "international".
NAT = re.compile(r"\bNaT\b")
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

#: JavaScript: for every Plotly chart, its title, source line, legend entries (as drawn) and
#: each trace's name and colour.
CHARTS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
    const layout = gd.layout || {};
    const title = layout.title || {};
    return {
        title: typeof title === 'string' ? title : (title.text || ''),
        source: (title.subtitle || {}).text || '',
        legend: Array.from(gd.querySelectorAll('.legendtext')).map(t => t.textContent),
        ticks: Array.from(gd.querySelectorAll('.xtick text')).map(t => [t.textContent,
            t.getAttribute('transform') || '']),
        annotations: (layout.annotations || []).map(a => a.text || ''),
        traces: (gd.data || []).map(t => ({name: t.name || '',
            color: String((t.marker || {}).color || (t.line || {}).color || ''),
            points: (t.x || []).length, legend: t.showlegend !== false})),
    };
})"""


#: JavaScript: whether every Plotly chart on the page has its layout (title) drawn.
DRAWN = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .every(gd => gd.layout && gd.layout.title && gd.querySelector('.gtitle'))"""


@dataclass
class Review:
    """The screenshots taken and the checks made on them."""

    out: Path
    lines: list[str] = field(default_factory=list)
    failures: int = 0

    def check(self, shot: str, what: str, ok: bool, detail: str = "") -> None:
        """Records one check of a screenshot (printed, and written to checks.txt at the end)."""
        line = f"{'PASS' if ok else 'FAIL'}  {shot}: {what}" + (f" — {detail}" if detail else "")
        self.failures += not ok
        self.lines.append(line)
        print(line, flush=True)


def _cli(*args: str, cwd: Path = ROOT) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd
    )
    if done.returncode != 0:
        raise RuntimeError(f"analysis {' '.join(args)} failed:\n{done.stderr}")


def lay_out_corpora(work: Path, *, multi: Path | None) -> list[str]:
    """Writes the corpora and a copy of the notebooks beside each into `work`.

    Returns:
        The names of the corpus folders written ("seed", "new", "broken", "multi").
    """
    if work.exists():
        shutil.rmtree(work)
    names = ["seed", "new", "broken"] + (["multi"] if multi else [])
    for name in names:
        shutil.copytree(ROOT / "notebooks", work / name / "notebooks")
    shutil.copytree(ROOT / "corpus", work / "seed" / "corpus")
    corpus = work / "new" / "corpus"
    corpus.mkdir()
    _cli("new", str(corpus), "--title", NEW_TITLE)
    _cli("add", str(FIXTURES / "html_page_ferry.html"), "--corpus", str(corpus))
    page = FIXTURES / "html_page.html"  # names no site: the outlet is given
    _cli("add", str(page), "--corpus", str(corpus), "--outlet", "Riverside Gazette")
    text = ROOT / "corpus" / "articles" / "wire.txt"
    _cli("add", str(text), "--corpus", str(corpus), "--outlet", "Wire", "--published", "2022-08-06")
    broken = work / "broken" / "corpus"
    shutil.copytree(ROOT / "corpus", broken)
    with (broken / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.append(rows[0] | {"article_id": "gone", "file": "articles/gone.txt"})
    with (broken / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    if multi:
        shutil.copytree(multi, work / "multi" / "corpus")
    return names


def run_notebook(page, lab: Lab, path: str, *, timeout: float = 300) -> None:
    """Opens a notebook, runs all its cells and waits until every cell ran (or one failed)."""
    page.goto(lab.notebook_url(path))
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90_000)
    page.wait_for_selector(
        ".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-KernelStatus", timeout=90_000
    )
    page.wait_for_timeout(1500)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        prompts = [
            p.strip() for p in page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        ]
        done = bool(prompts) and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts)
        failed = page.locator(".jp-OutputArea-output").filter(has_text="could not be built")
        if done or (prompts and "[*]:" not in prompts and failed.count()):
            break
        page.wait_for_timeout(500)
    page.wait_for_timeout(2500)  # the charts' second layout (at the cell's width) is async
    page.wait_for_function(DRAWN, timeout=60_000)


def open_notebook(page, lab: Lab, path: str, *, shared: bool) -> None:
    """Runs a notebook on the page; on a shared page (the browser tests' page of that notebook,
    which ran it already) waits only until its charts are drawn."""
    if shared:
        page.wait_for_function(DRAWN, timeout=60_000)
    else:
        run_notebook(page, lab, path)


#: JavaScript: the values of a <select>'s chosen options (to put a filter back as it was).
CHOSEN = "e => Array.from(e.options).filter(o => o.selected).map(o => o.value)"


def close_kernels(lab: Lab) -> None:
    """Shuts down every kernel the server runs (one notebook at a time on a shared machine)."""
    import json
    import urllib.request

    url = f"{lab.url}/api/sessions?token={lab.token}"
    with urllib.request.urlopen(url, timeout=30) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(
            f"{lab.url}/api/sessions/{session['id']}?token={lab.token}", method="DELETE"
        )
        urllib.request.urlopen(request, timeout=30).close()


def errors_on(page) -> list[str]:
    """Returns the error outputs and tracebacks shown on the page."""
    found = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
    found += page.locator(".jp-OutputArea-output").filter(has_text="Traceback").all_inner_texts()
    return found


def cell_with(page, selector: str, nth: int = 0):
    """Returns the nth notebook cell holding an element that matches `selector`."""
    return page.locator(".jp-Cell").filter(has=page.locator(selector)).nth(nth)


def shoot(page, target, out: Path, name: str) -> str:
    """Screenshots an element (scrolled into view) to OUT/name; returns the name."""
    target.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    target.screenshot(path=str(out / name))
    return name


def shoot_chart(page, index: int, out: Path, name: str) -> str:
    """Screenshots the cell of the index-th chart; a chart taller than the window is written as
    drawn on the page instead (its SVG layers rasterised), without the cell around it."""
    cell = cell_with(page, ".js-plotly-plot", index)
    box = cell.bounding_box()
    window = page.viewport_size or {"height": 1000}
    if box is None or box["height"] < window["height"] - 200:
        return shoot(page, cell, out, name)
    png = page.evaluate(CHART_PNG, index).split(",", 1)[1]
    (out / name).write_bytes(base64.b64decode(png))
    return name


def charts(page) -> list[dict]:
    """Returns what every chart on the page draws (see CHARTS), source lines unwrapped."""
    found = page.evaluate(CHARTS)
    for chart in found:
        chart["source"] = " ".join(chart["source"].replace("<br>", " ").split())
    return found


def wait_for_change(page, read: Callable[[], object], before: object, timeout: float = 30) -> None:
    """Waits until `read()` differs from `before` (a redraw after a filter change)."""
    deadline = time.monotonic() + timeout
    while read() == before and time.monotonic() < deadline:
        page.wait_for_timeout(300)
    page.wait_for_timeout(1200)


def select_in(page, description: str, labels: list[str]) -> None:
    """Chooses options (by label) in the filter panel's multiple-choice box named `description`."""
    box = page.locator(".coverage-lens-filters .widget-select-multiple").filter(
        has_text=description
    )
    box.locator("select").select_option(label=labels)


def tick_only(page, outlets: list[str]) -> None:
    """Leaves only the given outlets ticked in the filter panel."""
    boxes = page.locator(".coverage-lens-filters .widget-checkbox")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        name = box.inner_text().strip()
        checkbox = box.locator("input[type=checkbox]")
        if checkbox.is_checked() != (name in outlets):
            before = charts(page)
            checkbox.click()
            wait_for_change(page, lambda: charts(page), before, timeout=15)


def entries(page, i: int) -> int:
    """Returns how many rows the i-th table holds (its "… of N entries" line, else rows shown)."""
    cell = cell_with(page, ".coverage-lens-table", i)
    info = cell.locator(".dt-info")
    if info.count():
        found = re.search(r"of ([\d,]+) entries", info.first.inner_text())
        if found:
            return int(found.group(1).replace(",", ""))
        if "0 to 0" in info.first.inner_text() or "No entries" in info.first.inner_text():
            return 0
    return cell.locator(".coverage-lens-table tbody tr").count()


def table_text(table) -> str:
    """Returns the shown rows of a table as text."""
    return table.locator("tbody").inner_text()


# --- the review items, notebook by notebook -------------------------------------------------


def review_new_corpus(page, lab: Lab, review: Review, name: str) -> None:
    """A corpus started with `new` and `add`: the notebook runs and its sources name the corpus."""
    stem = Path(name).stem[:2]
    run_notebook(page, lab, f"new/notebooks/{name}")
    found = charts(page)
    target = cell_with(page, ".js-plotly-plot") if found else page.locator(".jp-Notebook")
    shot = shoot(page, target, review.out, f"new-corpus-{stem}.png")
    review.check(shot, "no error output", not errors_on(page), "; ".join(errors_on(page))[:300])
    sources = [c["source"] for c in found]
    ok = bool(sources) and all(
        re.match(rf"Source: {NEW_TITLE}, (\d+ of )?3 articles", s) for s in sources
    )
    review.check(
        shot,
        "every source line names the corpus and its 3 articles",
        ok,
        sources[0] if sources else "no chart",
    )


def review_build_error(page, lab: Lab, review: Review, name: str) -> None:
    """A manifest row naming a missing file: the notebook shows a one-line message, no traceback."""
    stem = Path(name).stem[:2]
    run_notebook(page, lab, f"broken/notebooks/{name}", timeout=120)
    output = page.locator(".jp-OutputArea-output").filter(has_text="could not be built").first
    shown = output.inner_text().strip() if output.count() else ""
    shot = shoot(
        page, cell_with(page, ".jp-OutputArea-output"), review.out, f"build-error-{stem}.png"
    )
    review.check(
        shot,
        "one-line build error naming the file, no traceback",
        bool(shown)
        and len(shown.splitlines()) == 1
        and "gone" in shown
        and "Traceback" not in shown,
        shown[:200],
    )


def review_seed_00(page, lab: Lab, review: Review, *, shared: bool = False) -> None:
    """00: its table of notebooks lists all seven; one click on a heading sorts the table.

    On a shared page (`shared`: it ran the notebook already) the table is unsorted again at the
    end (see `sort_once`)."""
    open_notebook(page, lab, "seed/notebooks/00_start_here.ipynb", shared=shared)
    table = page.locator(".jp-MarkdownCell table").first
    shot = shoot(
        page,
        page.locator(".jp-MarkdownCell").filter(has=page.locator("table")).first,
        review.out,
        "00-notebook-table.png",
    )
    listed = table.locator("tbody tr td:first-child").all_inner_texts()
    wanted = [Path(n).stem for n in NOTEBOOKS]
    review.check(shot, f"lists all {len(wanted)} notebooks", listed == wanted, ", ".join(listed))
    sort_once(page, review, "00-first-click.png", put_back=shared)


def sort_once(page, review: Review, shot_name: str, *, put_back: bool = False) -> None:
    """Clicks the heading of the first table's first unsorted column once; checks it sorted.

    With `put_back`, clicks it again until the table is sorted by nothing (ascending,
    descending, none) and checks that its rows are back in their first order."""
    page.wait_for_selector(".coverage-lens-table tbody tr td", timeout=60_000)
    table = page.locator(".coverage-lens-table").first
    first_order = table.locator("tbody").inner_text()
    count = table.locator("thead th").count()
    for column in range(1, count + 1):
        texts = [
            t.strip().casefold()
            for t in table.locator(f"tbody tr td:nth-child({column})").all_inner_texts()
        ]
        if texts and texts != sorted(texts):
            break
    else:
        review.check(shot_name, "a column to sort", False, "every column already sorted")
        return
    heading = table.locator("thead th").nth(column - 1)
    heading.scroll_into_view_if_needed()
    heading.click()
    page.wait_for_timeout(800)
    texts = [
        t.strip().casefold()
        for t in table.locator(f"tbody tr td:nth-child({column})").all_inner_texts()
    ]
    shot = shoot(page, cell_with(page, ".coverage-lens-table"), review.out, shot_name)
    review.check(
        shot,
        f"one click on heading {heading.inner_text().strip()!r} sorts ascending",
        heading.get_attribute("aria-sort") == "ascending" and texts == sorted(texts),
    )
    if put_back:
        unsort(page, heading)
        review.check(
            shot,
            "two more clicks put the rows back in their first order",
            heading.get_attribute("aria-sort") is None
            and table.locator("tbody").inner_text() == first_order,
        )


def unsort(page, heading) -> None:
    """Clicks a sorted column's heading until the table is sorted by nothing (at most twice:
    ascending, descending, none)."""
    for _ in range(2):
        if heading.get_attribute("aria-sort") is None:
            return
        heading.click()
        page.wait_for_timeout(800)


def review_seed_01(
    page, lab: Lab, review: Review, corpus: str = "seed", *, shared: Path | None = None
) -> None:
    """01: the cleaning chart's colours beside an outlet chart; an empty cleaning chart says so.

    `shared`: the corpus folder of a shared page (it ran the notebook already); every outlet is
    ticked again at the end."""
    path = f"{corpus}/notebooks/01_corpus_and_sources.ipynb"
    open_notebook(page, lab, path, shared=shared is not None)
    found = charts(page)
    cleaning = next(
        i
        for i, c in enumerate(found)
        if "removed" in c["title"].casefold() or "clean" in c["title"].casefold()
    )
    lengths = next(i for i, c in enumerate(found) if "length" in c["title"].casefold())
    outlet_colours = {t["color"] for t in found[lengths]["traces"]} - {""}
    reason_colours = {t["color"] for t in found[cleaning]["traces"]} - {""}
    shot = shoot_chart(
        page,
        cleaning,
        review.out,
        f"{corpus}-01-cleaning-colours.png",
    )
    shoot_chart(
        page,
        lengths,
        review.out,
        f"{corpus}-01-lengths-outlet-colours.png",
    )
    closest = min((distance(a, b), a, b) for a in reason_colours for b in outlet_colours)
    review.check(
        shot,
        "every cleaning colour is ≥ 20 CIELAB units from every outlet colour",
        closest[0] >= 20,
        "closest pair {1} (reason) and {2} (outlet): {0:.1f}".format(*closest),
    )
    legend = found[cleaning]["legend"]
    drawn = {t["name"] for t in found[cleaning]["traces"] if t["points"] and t["legend"]}
    review.check(
        shot, "legend lists only reasons drawn", set(legend) <= drawn | {""}, ", ".join(legend)
    )
    # Leave ticked only an outlet whose articles lost nothing to cleaning.
    outlets = [
        b.strip() for b in page.locator(".coverage-lens-filters .widget-checkbox").all_inner_texts()
    ]
    clean = _outlets_without_removed(shared or lab.root / corpus / "corpus", outlets)
    if not clean:
        review.check(
            f"{corpus}-01-cleaning-empty.png", "an outlet with nothing removed", False, "none"
        )
        return
    tick_only(page, [clean[0]])
    found = charts(page)
    cell = cell_with(page, ".js-plotly-plot", cleaning)
    shot = shoot(page, cell, review.out, f"{corpus}-01-cleaning-empty.png")
    words = cell.inner_text()
    review.check(
        shot,
        f"filtered to {clean[0]}: the cleaning chart says nothing was removed",
        "removed nothing" in words,
        found[cleaning]["title"],
    )
    nat = page.locator(".coverage-lens-table").filter(has_text=NAT).count()
    review.check(shot, "no table cell shows NaT", nat == 0)
    if shared:
        tick_only(page, outlets)


def distance(a: str, b: str) -> float:
    """Returns the CIE76 distance (CIELAB units) between two "#RRGGBB" colours."""
    import math

    from analysis.notebook.charts.style import _lab

    return math.dist(_lab(a), _lab(b))


def _outlets_without_removed(corpus: Path, outlets: list[str]) -> list[str]:
    """Returns the outlets whose articles cleaning removed nothing from (built from the cache)."""
    import analysis

    tables = analysis.build(corpus)
    cut = set(tables.removed.article_id)
    per_outlet = tables.articles.groupby("outlet").article_id.apply(lambda ids: cut.isdisjoint(ids))
    return [o for o in outlets if per_outlet.get(o, False)]


def review_seed_02(
    page, lab: Lab, review: Review, corpus: str = "seed", *, shared: bool = False
) -> None:
    """02: a speaker's colour unfiltered and filtered to her; one colour per speaker across the
    neighbouring charts; "the only speaker"; horizontal verb labels; one click sorts.

    On a shared page (`shared`: it ran the notebook already) the table is unsorted and the
    speaker filter put back as it was at the end."""
    path = f"{corpus}/notebooks/02_quotes_and_voices.ipynb"
    open_notebook(page, lab, path, shared=shared)
    found = charts(page)
    speakers = found[0]
    shoot_chart(page, 0, review.out, f"{corpus}-02-speakers-all.png")
    shot = shoot_chart(page, 1, review.out, f"{corpus}-02-groups-all.png")
    colour = {t["name"]: t["color"] for t in speakers["traces"] if t["name"]}
    groups = {t["name"]: t["color"] for t in found[1]["traces"] if t["name"]}
    shared = sorted(set(colour) & set(groups) - {"other"})
    same = [n for n in shared if colour[n] == groups[n]]
    review.check(
        shot,
        "a name in both neighbouring charts has one colour",
        same == shared,
        f"{len(same)} of {len(shared)} shared names: {', '.join(shared[:6])}",
    )
    for chart in (0, 1):
        legend = found[chart]["legend"]
        drawn = {t["name"] for t in found[chart]["traces"] if t["points"] and t["legend"]}
        review.check(
            f"{corpus}-02-{'speakers' if chart == 0 else 'groups'}-all.png",
            "legend lists only names drawn",
            set(legend) <= drawn,
            ", ".join(legend[:12]),
        )
    verbs = next(i for i, c in enumerate(found) if "verb" in c["title"].casefold())
    shot = shoot_chart(page, verbs, review.out, f"{corpus}-02-verbs.png")
    angles = [t for _, t in found[verbs]["ticks"] if "rotate" in t]
    review.check(shot, "attribution-verb labels are horizontal", not angles, "; ".join(angles[:3]))
    sort_once(page, review, f"{corpus}-02-first-click.png", put_back=shared)
    # Filter to one named speaker: her colour stays, the source says "the only speaker".
    named = [n for n in colour if n not in ("other", "speaker not stated")]
    if not named:
        return
    speaker = named[min(2, len(named) - 1)]  # not the first: the first colour proves nothing
    before = charts(page)
    chosen = speaker_filter(page).evaluate(CHOSEN)
    select_in(page, "speaker", [speaker])
    wait_for_change(page, lambda: charts(page), before)
    after = charts(page)[0]
    shot = shoot_chart(page, 0, review.out, f"{corpus}-02-speaker-filtered.png")
    kept = {t["name"]: t["color"] for t in after["traces"] if t["points"]}
    review.check(
        shot,
        f"{speaker} keeps her colour {colour[speaker]} when filtered to her",
        kept.get(speaker) == colour[speaker],
        f"filtered: {kept}",
    )
    review.check(
        shot,
        'the source line does not say "all 1 speakers"',
        "all 1 " not in after["source"] and "the only speaker" in after["source"],
        after["source"],
    )
    review.check(
        shot,
        "legend lists only the speaker selected",
        set(after["legend"]) <= {speaker},
        ", ".join(after["legend"]),
    )
    if shared:
        filtered = charts(page)
        speaker_filter(page).select_option(value=chosen)
        wait_for_change(page, lambda: charts(page), filtered)


def speaker_filter(page):
    """Returns the <select> of the filter panel's speaker box."""
    box = page.locator(".coverage-lens-filters .widget-select-multiple").filter(has_text="speaker")
    return box.locator("select")


def review_seed_04(
    page, lab: Lab, review: Review, corpus: str = "seed", *, shared: bool = False
) -> None:
    """04: the word-level diff compares against a selected outlet and says which.

    On a shared page (`shared`: it ran the notebook already) the outlet is ticked again and the
    first baseline chosen again at the end; checks that the view is back as it was."""
    path = f"{corpus}/notebooks/04_coverage_overlap.ipynb"
    open_notebook(page, lab, path, shared=shared)
    variants = page.locator(".coverage-lens-variants")
    baseline = variants.locator("select").nth(1)
    first = baseline.locator("option:checked").inner_text()
    unticked = outlet_of(first)
    box = page.locator(".coverage-lens-filters .widget-checkbox").filter(has_text=unticked).first
    before = variants.inner_text()
    box.locator("input[type=checkbox]").click()
    wait_for_change(page, variants.inner_text, before)
    now = baseline.locator("option:checked").inner_text()
    offered = baseline.locator("option").all_inner_texts()
    view = variants.locator(".widget-html-content").first.inner_text()
    shot = shoot(page, variants, review.out, f"{corpus}-04-diff-baseline.png")
    review.check(
        shot,
        f"after unticking {unticked}, the baseline is a selected outlet",
        outlet_of(now) != unticked and unticked not in map(outlet_of, offered),
        f"compare with: {now}",
    )
    review.check(
        shot,
        "the view names the baseline",
        f"compared with {flat(outlet_of(now))} (" in flat(view),
        view.splitlines()[0][:200] if view else "",
    )
    if shared:
        changed = variants.inner_text()
        box.locator("input[type=checkbox]").click()
        wait_for_change(page, variants.inner_text, changed)
        if baseline.locator("option:checked").inner_text() != first:
            changed = variants.inner_text()
            baseline.select_option(label=first)
            wait_for_change(page, variants.inner_text, changed)
        review.check(
            shot,
            f"ticking {unticked} again and choosing {first!r} puts the view back",
            variants.inner_text() == before,
        )


def flat(text: str) -> str:
    """Returns text case-folded with its runs of white space (non-breaking too) as one space."""
    return " ".join(text.split()).casefold()


def outlet_of(option: str) -> str:
    """Returns the outlet of a baseline option ("outlet · article id")."""
    return re.split(r"\s+·\s+", option.strip())[0]


def review_seed_05(
    page, lab: Lab, review: Review, corpus: str = "seed", *, shared: bool = False
) -> None:
    """05: every view follows the actor and resolution filters; no NaT; legends of the selection.

    On a shared page (`shared`: it ran the notebook already) both filters are put back as they
    were at the end; checks that the tables are back to their first rows."""
    path = f"{corpus}/notebooks/05_reaction_timeline.ipynb"
    open_notebook(page, lab, path, shared=shared)
    tables = page.locator(".coverage-lens-table")

    def rows() -> list[int]:
        return [entries(page, i) for i in range(tables.count())]

    events_text = table_text(tables.nth(2))
    shot = shoot(
        page,
        cell_with(page, ".coverage-lens-table", 2),
        review.out,
        f"{corpus}-05-events-dates.png",
    )
    review.check(
        shot, "no NaT in the events table", not NAT.search(events_text + table_text(tables.nth(0)))
    )
    all_rows = rows()
    before = rows()
    filters = page.locator(".coverage-lens-filters .widget-select-multiple")
    resolution = filters.filter(has_text="resolution").locator("select")
    actor_filter = filters.filter(has_text="actor").locator("select")
    chosen = resolution.evaluate(CHOSEN), actor_filter.evaluate(CHOSEN)
    select_in(page, "resolution", ["explicit"])
    wait_for_change(page, rows, before)
    explicit = rows()
    shot = shoot(
        page,
        cell_with(page, ".coverage-lens-table", 0),
        review.out,
        f"{corpus}-05-happenings-explicit.png",
    )
    review.check(
        shot,
        "the happenings table follows the resolution filter",
        explicit[0] < all_rows[0],
        f"happenings {all_rows[0]} -> {explicit[0]}",
    )
    actors = page.locator(".coverage-lens-filters .widget-select-multiple").filter(has_text="actor")
    options = actors.locator("option").all_inner_texts()
    # An actor with an explicitly dated event in the selection: the first the events table shows.
    events = tables.nth(2)
    headings = [h.strip() for h in events.locator("thead th").all_inner_texts()]
    column = headings.index("actor") + 1
    named = [
        a.strip() for a in events.locator(f"tbody tr td:nth-child({column})").all_inner_texts()
    ]
    actor = next((a for a in named if a in options), options[0])
    before = rows()
    select_in(page, "actor", [actor])
    wait_for_change(page, rows, before)
    now = rows()
    shot = shoot(
        page,
        cell_with(page, ".coverage-lens-table", 1),
        review.out,
        f"{corpus}-05-delays-actor-explicit.png",
    )
    shoot(
        page,
        cell_with(page, ".coverage-lens-table", 0),
        review.out,
        f"{corpus}-05-happenings-actor-explicit.png",
    )
    shoot_chart(
        page,
        0,
        review.out,
        f"{corpus}-05-timeline-actor-explicit.png",
    )
    review.check(
        shot,
        f"{actor} + explicit: report delays follow",
        now[1] < all_rows[1],
        f"rows (happenings, delays, events) {all_rows} -> {now}",
    )
    delays = table_text(tables.nth(1))
    review.check(shot, "no NaT in the report delays", not NAT.search(delays))
    timeline = charts(page)[0]
    drawn = {t["name"] for t in timeline["traces"] if t["points"] and t["legend"]}
    review.check(
        f"{corpus}-05-timeline-actor-explicit.png",
        "timeline legend lists only what is drawn",
        set(timeline["legend"]) <= drawn,
        ", ".join(timeline["legend"]),
    )
    if shared:
        resolution.select_option(value=chosen[0])
        page.wait_for_timeout(1500)
        actor_filter.select_option(value=chosen[1])
        deadline = time.monotonic() + 30
        while rows() != all_rows and time.monotonic() < deadline:
            page.wait_for_timeout(300)
        review.check(
            shot,
            "both filters put back: every table shows its first rows",
            rows() == all_rows,
            f"rows {all_rows} -> {rows()}",
        )


def review_multi(page, lab: Lab, review: Review) -> None:
    """A corpus of several stories and outlets: 01, 02 and 05 as on the seeds."""
    review_seed_01(page, lab, review, corpus="multi")
    review_seed_02(page, lab, review, corpus="multi")
    review_seed_05(page, lab, review, corpus="multi")


def main() -> None:
    """Lays out the corpora, starts JupyterLab, takes every screenshot; exits 1 if one failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs (outside the repository)")
    parser.add_argument("--multi", type=Path, help="a corpus folder of several stories")
    parser.add_argument("--cache", type=Path, help="the parse cache (ANALYSIS_CACHE_DIR)")
    parser.add_argument(
        "--only",
        nargs="*",
        help="steps to run: seed-00 seed-01 seed-02 seed-04 "
        "seed-05 new build-error multi (or multi-01, multi-02, multi-05; default: all)",
    )
    args = parser.parse_args()
    out = args.out.resolve()
    if out.is_relative_to(ROOT):
        parser.error("write the screenshots outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    work = out.parent / "review-work"
    lay_out_corpora(work, multi=args.multi)
    env = {"ANALYSIS_CACHE_DIR": str(args.cache)} if args.cache else {}
    if args.cache:
        import os

        os.environ["ANALYSIS_CACHE_DIR"] = str(args.cache)
    review = Review(out)
    steps: dict[str, Callable] = {
        "seed-00": lambda p, lab: review_seed_00(p, lab, review),
        "seed-01": lambda p, lab: review_seed_01(p, lab, review),
        "seed-02": lambda p, lab: review_seed_02(p, lab, review),
        "seed-04": lambda p, lab: review_seed_04(p, lab, review),
        "seed-05": lambda p, lab: review_seed_05(p, lab, review),
        "new": lambda p, lab: each_notebook(p, lab, review_new_corpus),
        "build-error": lambda p, lab: each_notebook(p, lab, review_build_error),
        "multi": lambda p, lab: review_multi(p, lab, review) if args.multi else None,
        "multi-01": lambda p, lab: review_seed_01(p, lab, review, corpus="multi"),
        "multi-02": lambda p, lab: review_seed_02(p, lab, review, corpus="multi"),
        "multi-05": lambda p, lab: review_seed_05(p, lab, review, corpus="multi"),
    }

    def each_notebook(page, lab: Lab, step: Callable) -> None:
        for name in NOTEBOOKS:
            step(page, lab, review, name)
            close_kernels(lab)

    chosen = args.only or [s for s in steps if not s.startswith("multi-")]
    from playwright.sync_api import sync_playwright

    log = out.parent / "review-jupyterlab.log"
    with run_jupyterlab(work, env=env, log=log) as lab, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        for step in chosen:
            page = browser.new_page(viewport={"width": 1400, "height": 2600})
            try:
                steps[step](page, lab)
            except Exception as exc:  # noqa: BLE001 — one step's failure is reported, not fatal
                review.check(step, "the step ran", False, f"{type(exc).__name__}: {exc}"[:400])
                page.screenshot(path=str(out / f"{step}-failed.png"))
            finally:
                page.close()
                close_kernels(lab)
        browser.close()
    # Lines of screenshots not taken again this run stay (a run of some steps updates the file).
    taken = {line.split()[1] for line in review.lines}
    checks = out / "checks.txt"
    kept = checks.read_text(encoding="utf-8").splitlines() if checks.exists() else []
    kept = [line for line in kept if line.split()[1:2] and line.split()[1] not in taken]
    checks.write_text("\n".join(kept + review.lines) + "\n", encoding="utf-8")
    print(f"{len(review.lines)} checks, {review.failures} failed; screenshots in {out}")
    sys.exit(1 if review.failures else 0)


if __name__ == "__main__":
    main()
