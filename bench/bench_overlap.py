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

    from analysis.overlap.links import find_links, score_sentences
    from analysis.overlap.statements import group_statements
    from analysis.pipeline.run import _frame

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    wall, start = time.perf_counter(), time.process_time()
    similarity = score_sentences(sentences, quotes)
    scored = time.process_time()
    rows = find_links(sentences, quotes, similarity=similarity)
    linked = time.process_time()
    links = _frame("links", rows)  # the pipeline's DataFrame, timed apart
    framed = time.process_time()
    statements = group_statements(links, sentences, similarity=similarity)
    done = time.process_time()
    wall = time.perf_counter() - wall
    cpu = (scored - start) + (linked - scored) + (done - framed)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(
        f"{len(sentences)} sentences, {len(links)} links, {len(statements)} statement rows: "
        f"overlap {cpu:.2f} s CPU (score_sentences {scored - start:.2f}, find_links "
        f"{linked - scored:.2f}, group_statements {done - framed:.2f}; links DataFrame "
        f"{framed - linked:.2f} more; {wall:.2f} s wall in all); "
        f"peak RSS {before:.0f} → {peak:.0f} MB"
    )
    if args.target is not None and cpu > args.target:
        print(f"target {args.target} s: NOT met")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
