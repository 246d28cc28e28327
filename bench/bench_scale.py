"""Scale benchmark (issue 15): generated corpora of N articles, each figure against its target.

Every measurement runs in a fresh Python process (so its peak memory is its own) on corpora from
`bench/make_corpus.py`, with an empty cache unless said otherwise. Figures:

- bare `nlp.pipe` over the cleaned bodies, and a cold `build` (throughput ratio ≥ 0.8) at N_SMALL
  and N_LARGE;
- cold build of N_LARGE / N_LARGE ÷ 2 (≤ 2.2);
- peak RSS of the cold N_LARGE build (≤ 1.5 GB);
- one changed article in the N_LARGE corpus, rebuilt (≤ 10 % of its cold build);
- parsing N_SMALL articles with n_process=2 against n_process=1 (≥ 1.5 × faster);
- the seeds: cold build ≤ 4 s, warm rebuild in-process ≤ 0.3 s.

Writes bench/results.json and bench/results.md and prints the table. `--small/--large` shrink the
corpora while developing. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402

#: Measured in a child process: prints one JSON object on its last line.
CHILD = r"""
import json, os, resource, sys, time
mode, corpus, cache = sys.argv[1], sys.argv[2], sys.argv[3]
extra = json.loads(sys.argv[4])
started = time.perf_counter()
out = {}
if mode == "pipe":
    from analysis.corpus.manifest import read_corpus
    from analysis.pipeline.stages import clean_articles
    from analysis.text.parse import find_model, load_model
    bodies = [c.body for c in clean_articles(read_corpus(corpus))]
    nlp = load_model(find_model().name)
    begun = time.perf_counter()
    n = extra.get("n_process", 1)
    for _ in nlp.pipe(bodies, n_process=n, batch_size=max(1, min(64, len(bodies) // (4 * n)))):
        pass
    out["parse_s"] = time.perf_counter() - begun
    out["words"] = sum(len(b.split()) for b in bodies)
else:
    import logging
    import analysis

    class Stages(logging.Handler):
        def emit(self, record):
            stage, seconds = record.args
            out.setdefault("stages", {})[stage] = round(seconds, 2)

    logging.getLogger("analysis.pipeline.run").addHandler(Stages())
    logging.getLogger("analysis.pipeline.run").setLevel(logging.INFO)
    begun = time.perf_counter()  # imports are paid once per process, not per article
    analysis.build(corpus, cache_dir=cache, n_process=extra.get("n_process", 1))
    out["build_s"] = time.perf_counter() - begun
    if extra.get("again"):
        again = time.perf_counter()
        analysis.build(corpus, cache_dir=cache)
        out["again_s"] = time.perf_counter() - again
out["total_s"] = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
out["rss_mb"] = usage.ru_maxrss / 1024
out["cpu_s"] = usage.ru_utime + usage.ru_stime  # this process only (not spaCy's workers)
print(json.dumps(out))
"""


def run_child(mode: str, corpus: Path, cache: Path, **extra: object) -> dict[str, float]:
    """Runs one measurement in a fresh process; returns its figures."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(corpus), str(cache), json.dumps(extra)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def change_one_article(corpus: Path) -> None:
    """Appends a sentence to the first article of a generated corpus."""
    first = corpus / "articles" / "a00000.txt"
    first.write_text(first.read_text("utf-8") + "\nThe council met again on Monday.\n", "utf-8")


def measure(small: int, large: int, work: Path) -> list[dict[str, object]]:
    """Runs every measurement; returns the result rows (figure, value, target, met)."""
    rows: list[dict[str, object]] = []

    def add(figure: str, value: float, target: str, met: bool, unit: str = "") -> None:
        rows.append(
            {"figure": figure, "value": round(value, 3), "unit": unit, "target": target, "met": met}
        )
        print(
            f"{figure:<58} {value:9.2f} {unit:<3} target {target:<8} {'met' if met else 'MISSED'}"
        )

    builds: dict[int, dict[str, float]] = {}
    for n in sorted({small, large // 2, large}):
        corpus = work / f"c{n}"
        make_corpus(n, corpus)
        cold = run_child("build", corpus, work / f"cache{n}")
        builds[n] = cold
        print(
            f"  N={n}: cold build {cold['build_s']:.1f} s (process CPU {cold['cpu_s']:.1f} s); "
            f"peak {cold['rss_mb']:.0f} MB; stages (s): {cold.get('stages')}"
        )
        if n in (small, large):
            pipe = run_child("pipe", corpus, work / f"unused{n}")
            print(
                f"  N={n}: {pipe['words']:.0f} words; nlp.pipe {pipe['parse_s']:.1f} s "
                f"(process CPU {pipe['cpu_s']:.1f} s)"
            )
            ratio = pipe["parse_s"] / cold["build_s"]
            add(f"throughput vs bare nlp.pipe, cold, N={n}", ratio, ">= 0.8", ratio >= 0.8, "x")
    growth = builds[large]["build_s"] / builds[large // 2]["build_s"]
    add(f"cold build N={large} / N={large // 2}", growth, "<= 2.2", growth <= 2.2, "x")
    rss = builds[large]["rss_mb"]
    add(f"peak RSS, cold build N={large}", rss, "<= 1536", rss <= 1536, "MB")
    change_one_article(work / f"c{large}")
    changed = run_child("build", work / f"c{large}", work / f"cache{large}")
    print(f"  one changed article: {changed['build_s']:.1f} s; stages (s): {changed.get('stages')}")
    share = changed["build_s"] / builds[large]["build_s"]
    add(f"one changed article, N={large}, share of cold", share, "<= 0.10", share <= 0.10, "x")
    one = run_child("pipe", work / f"c{small}", work / "unused", n_process=1)
    two = run_child("pipe", work / f"c{small}", work / "unused", n_process=2)
    speedup = one["parse_s"] / two["parse_s"]
    add(f"parse speed-up n_process=2 vs 1, N={small}", speedup, ">= 1.5", speedup >= 1.5, "x")
    seeds = work / "seeds"
    shutil.copytree(ROOT / "corpus", seeds)
    seed = run_child("build", seeds, work / "cache-seeds", again=True)
    add(
        "seeds: cold build (process, imports, model load)",
        seed["total_s"] - seed["again_s"],
        "<= 4",
        seed["total_s"] - seed["again_s"] <= 4,
        "s",
    )
    add("seeds: warm rebuild in-process", seed["again_s"], "<= 0.3", seed["again_s"] <= 0.3, "s")
    return rows


def write_results(rows: list[dict[str, object]], *, small: int, large: int) -> None:
    """Writes bench/results.json and bench/results.md."""
    meta = {
        "small": small,
        "large": large,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    (ROOT / "bench" / "results.json").write_text(
        json.dumps({"meta": meta, "results": rows}, indent=2) + "\n", encoding="utf-8"
    )
    lines = ["| figure | value | target | met |", "|---|---:|---|---|"]
    for r in rows:
        met = "yes" if r["met"] else "NO"
        lines.append(f"| {r['figure']} | {r['value']} {r['unit']} | {r['target']} | {met} |")
    header = (
        f"Measured {meta['date']} on {meta['cpus']} CPUs, load average at the end "
        f"{', '.join(f'{x:.1f}' for x in meta['load_average'])}.\n\n"
    )
    footer = "\nWhy a target is missed, and by how much: docs/scale.md, section Benchmarks.\n"
    (ROOT / "bench" / "results.md").write_text(
        header + "\n".join(lines) + "\n" + footer, encoding="utf-8"
    )
    print("\n".join(lines))


def main() -> int:
    """Runs the benchmark; returns 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=200, help="N of the small corpus")
    parser.add_argument("--large", type=int, default=1000, help="N of the large corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure(args.small, args.large, Path(tmp))
    write_results(rows, small=args.small, large=args.large)
    return 0 if all(r["met"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
