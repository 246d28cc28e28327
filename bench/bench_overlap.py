"""Overlap speed: `score_sentences` + `find_links` + `group_statements` alone, on a built corpus.

Targets (issue 15, scale): ≤ 1 s on the 200-article generated corpus and ≤ 6 s on the 1,000-article
one (`bench/make_corpus.py`), peak memory of the stage well under 1 GB. The sentences and quotes
come from one build, saved to Parquet (`--save`), so repeated runs time overlap only. CPU seconds
are printed next to wall clock, since the machine is shared. Exits 1 when the target is missed.

Usage:
    python bench/bench_overlap.py --corpus /tmp/bc/n200 --tables /tmp/n200 --save
    python bench/bench_overlap.py --tables /tmp/n200 --target 1.0
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    """Parses the command line, times the overlap stage and prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", help="corpus to build first (with --save)")
    parser.add_argument("--tables", required=True, help="prefix of the saved Parquet files")
    parser.add_argument("--save", action="store_true", help="build --corpus and save its tables")
    parser.add_argument("--target", type=float, default=None, help="seconds (CPU) to stay under")
    args = parser.parse_args()

    import pandas as pd

    if args.save:
        import analysis

        tables = analysis.build(args.corpus)
        tables.sentences.to_parquet(f"{args.tables}_sentences.parquet")
        tables.quotes.to_parquet(f"{args.tables}_quotes.parquet")
    sentences = pd.read_parquet(f"{args.tables}_sentences.parquet")
    quotes = pd.read_parquet(f"{args.tables}_quotes.parquet")

    import rapidfuzz  # noqa: F401  (imports are not the stage's time)
    import sklearn.feature_extraction.text  # noqa: F401

    from analysis.overlap import find_links, group_statements, score_sentences
    from analysis.pipeline import _frame

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    wall, cpu = time.perf_counter(), time.process_time()
    similarity = score_sentences(sentences, quotes)
    links = _frame("links", find_links(sentences, quotes, similarity=similarity))
    statements = group_statements(links, sentences, similarity=similarity)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(
        f"{len(sentences)} sentences, {len(links)} links, {len(statements)} statement rows: "
        f"overlap {cpu:.2f} s CPU ({wall:.2f} s wall); peak RSS {before:.0f} → {peak:.0f} MB"
    )
    if args.target is not None and cpu > args.target:
        print(f"target {args.target} s: NOT met")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
