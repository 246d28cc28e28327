"""Command line: `python -m analysis build|docs|report` (see `--help`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import schema
from .corpus import CorpusError
from .parse import ModelNotFoundError
from .pipeline import build

DOCS_PATH = Path(__file__).resolve().parent.parent / "docs" / "tables.md"
GOLD_PATH = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "quotes_gold.yml"
STATEMENTS_PATH = GOLD_PATH.with_name("statements_gold.yml")
#: Target of the coverage-overlap issue: pairwise precision and recall of linked sentences.
OVERLAP_TARGET = 0.9
#: Targets of the quotes issue: direct+partial F1 and speaker accuracy, indirect recall.
TARGETS = {"f1": 0.95, "speaker_accuracy": 0.95, "indirect_recall": 0.8}


def main(argv: list[str] | None = None) -> int:
    """Runs the command line.

    Args:
        argv: The arguments (default: `sys.argv[1:]`).

    Returns:
        The process exit code.
    """
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build every table and write it as Parquet")
    b.add_argument("--corpus", default="corpus", help="corpus folder (default: corpus)")
    b.add_argument("--out", default="build", help="output folder (default: build)")
    b.add_argument("--csv", action="store_true", help="also write CSV files")
    b.add_argument("--cache", default=None, help="parse cache folder")
    b.add_argument("--jobs", type=int, default=1, help="processes to parse with (default: 1)")
    b.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="where per-article stages run"
    )
    b.add_argument("--scheduler", default=None, help="dask scheduler address (--engine dask)")
    d = commands.add_parser("docs", help="write docs/tables.md from the declared schemas")
    d.add_argument("--out", default=str(DOCS_PATH), help="where to write it")
    r = commands.add_parser("report", help="execute the notebooks and export their charts")
    r.add_argument("--corpus", default="corpus", help="corpus folder (default: corpus)")
    r.add_argument("--notebooks", default="notebooks", help="notebooks folder")
    r.add_argument("--out", default="exports", help="exports folder (default: exports)")
    e = commands.add_parser("eval", help="score quote extraction against the hand annotation")
    e.add_argument("--corpus", default="corpus", help="corpus folder (default: corpus)")
    e.add_argument("--gold", default=str(GOLD_PATH), help="the annotation YAML")
    e.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    args = parser.parse_args(argv)

    try:
        if args.command == "docs":
            Path(args.out).write_text(schema.render_markdown(), encoding="utf-8")
            print(f"wrote {args.out}")
            return 0
        if args.command == "eval":
            return _eval(args.corpus, args.gold, textacy=not args.no_textacy)
        if args.command == "report":
            return _report(args.notebooks, corpus=args.corpus, out=args.out)
        return _build(
            args.corpus,
            args.out,
            csv=args.csv,
            cache=args.cache,
            jobs=args.jobs,
            engine=args.engine,
            scheduler=args.scheduler,
        )
    except (CorpusError, ModelNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _build(
    corpus: str,
    out: str,
    *,
    csv: bool,
    cache: str | None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> int:
    started = time.perf_counter()
    tables = build(
        corpus, cache_dir=cache, progress=True, n_process=jobs, engine=engine, scheduler=scheduler
    )
    if engine == "dask":
        from .distributed import write_partitioned

        write_partitioned(tables, out)
    else:
        tables.write(out, csv=csv)
    seconds = time.perf_counter() - started
    for name, frame in tables.frames():
        print(f"{name:>12}: {len(frame):>6} rows")
    written = f"{out}/<table>/part-*.parquet" if engine == "dask" else f"{out}/*.parquet"
    print(f"wrote {written}{' and *.csv' if csv and engine != 'dask' else ''} in {seconds:.2f} s")
    return 0


def _report(notebooks: str, *, corpus: str, out: str) -> int:
    from .report import list_notebooks, write_report

    print(f"executing {len(list_notebooks(notebooks))} notebooks from {notebooks}/ …")
    report = write_report(notebooks, corpus_dir=corpus, out_dir=out)
    for path in report.written:
        print(f"wrote {path}")
    for name, error in report.failed.items():
        print(f"FAILED {name}:\n{error}", file=sys.stderr)
    return 1 if report.failed else 0


def _eval(corpus: str, gold_path: str, *, textacy: bool) -> int:
    from .evaluation import (
        link_pairs,
        load_gold,
        load_statement_pairs,
        score_pairs,
        score_quotes,
        statement_pairs,
        textacy_quotes,
    )

    tables = build(corpus)
    gold, gold_indirect = load_gold(gold_path, tables)
    ours = score_quotes(tables.quotes, gold, gold_indirect)
    for line in ours.lines("coverage-lens"):
        print(line)
    for miss in ours.misses:
        print(f"  {miss}")
    if textacy:
        try:
            baseline = score_quotes(textacy_quotes(tables), gold)
        except ImportError:
            print("textacy: not installed (it is a dev dependency: make setup)")
        else:
            print(baseline.lines("textacy direct_quotations")[0])
    met = (
        ours.f1 >= TARGETS["f1"]
        and ours.speaker_accuracy >= TARGETS["speaker_accuracy"]
        and (ours.indirect_recall or 0) >= TARGETS["indirect_recall"]
    )
    print(f"quote targets {TARGETS}: {'met' if met else 'NOT met'}")
    gold_pairs = load_statement_pairs(STATEMENTS_PATH, tables.sentences)
    p_links, r_links = score_pairs(link_pairs(tables.links), gold_pairs)
    p_stmt, r_stmt = score_pairs(statement_pairs(tables.statements), gold_pairs)
    print(
        f"overlap links: pairwise precision {p_links:.3f}, recall {r_links:.3f} "
        f"({len(tables.links)} links, {len(gold_pairs)} gold pairs)"
    )
    print(f"overlap statements: pairwise precision {p_stmt:.3f}, recall {r_stmt:.3f}")
    overlap_met = min(p_links, r_links) >= OVERLAP_TARGET
    print(
        f"overlap target (precision and recall >= {OVERLAP_TARGET}): "
        f"{'met' if overlap_met else 'NOT met'}"
    )
    return 0 if met and overlap_met else 1


if __name__ == "__main__":
    sys.exit(main())
