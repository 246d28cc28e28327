"""Quote extraction alone, on a generated corpus whose parse is cached (issue 15).

Builds the corpus once (filling a private parse cache), then times `analysis.quotes.tabulate_quotes`
on the built tables, with no quote cache: every article's quotes are found again. Target: under
1 s of CPU for 200 articles on the 2-core machine (it took 6.7 s before the mentions, quoted spans
and token attributes were looked up per article instead of with pandas per lookup). Wall-clock
time is printed too; on a shared machine it can be twice the CPU time. Exits 1 when the target is
missed.

Usage: `python bench/bench_quotes.py [--n 200 | --corpus FOLDER]`
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402

import analysis  # noqa: E402
from analysis.quotes import tabulate_quotes  # noqa: E402

TARGET_CPU_S = 1.0  # for 200 articles
TARGET_ARTICLES = 200
REPEATS = 3


def time_quotes(tables: analysis.Tables) -> tuple[float, float, int]:
    """Finds the quotes of every article of built tables, `REPEATS` times.

    Returns:
        The best CPU seconds, the best wall-clock seconds, and the number of quotes found.
    """
    best_cpu = best_wall = float("inf")
    found: list[dict[str, object]] = []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        found, _warnings = tabulate_quotes(
            tables.docs,
            paragraphs=tables.paragraphs,
            sentences=tables.sentences,
            mentions=tables.mentions,
            entities=tables.entities,
        )
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall, len(found)


def main() -> int:
    """Runs the benchmark and prints its figures; returns 1 when the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=TARGET_ARTICLES, help="articles to generate")
    parser.add_argument("--corpus", help="an existing corpus folder instead of a generated one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as work:
        corpus = Path(args.corpus) if args.corpus else Path(work) / "corpus"
        if not args.corpus:
            make_corpus(args.n, corpus)
        tables = analysis.build(corpus, cache_dir=Path(work) / "cache")
        cpu, wall, n_quotes = time_quotes(tables)
    n_articles = len(tables.articles)
    target = TARGET_CPU_S * n_articles / TARGET_ARTICLES
    met = cpu < target
    print(
        f"quotes of {n_articles} articles ({n_quotes} rows): {cpu:.2f} s CPU, {wall:.2f} s wall "
        f"(best of {REPEATS}); target under {target:.2f} s CPU: {'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
