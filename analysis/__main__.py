"""Command line: `python -m analysis build|docs|report` (see `--help`)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Any

from .corpus.folder import add_articles, create_corpus, read_corpus_title
from .corpus.manifest import CorpusError
from .corpus.problems import summarize_problems
from .pipeline import Tables, build, schema
from .text.parse import ModelNotFoundError

DOCS_PATH = Path(__file__).resolve().parent.parent / "docs" / "tables.md"
GOLD_PATH = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "quotes_gold.yml"
STATEMENTS_PATH = GOLD_PATH.with_name("statements_gold.yml")
EVENTS_PATH = GOLD_PATH.with_name("events_gold.yml")
#: Targets of the timeline issue: recall and precision of outlet-stated dates.
EVENT_TARGETS = {"recall": 0.95, "precision": 0.9}
#: Target of the coverage-overlap issue: pairwise precision and recall of linked sentences.
OVERLAP_TARGET = 0.9
#: Targets of the quotes issue: direct+partial F1 and speaker accuracy, indirect recall.
TARGETS = {"f1": 0.95, "speaker_accuracy": 0.95, "indirect_recall": 0.8}
#: The development set of the speakers issue (articles written for it, with their gold).
DEV_CORPUS = GOLD_PATH.parent / "dev"
#: Targets of the speakers issue, on the seeds and on the development set.
DEV_TARGETS = {"f1": 0.95, "speaker_precision": 0.97}


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
    b.add_argument("--verbose", action="store_true", help="print how long each stage took")
    n = commands.add_parser("new", help="start a corpus folder (manifest, README, title)")
    n.add_argument("folder", help="the folder to create (new or empty)")
    n.add_argument("--title", default=None, help="the corpus title (default: the folder's name)")
    a = commands.add_parser("add", help="copy article files into a corpus and write their rows")
    a.add_argument("files", nargs="+", help=".txt or saved .html files")
    a.add_argument("--corpus", default="corpus", help="corpus folder (default: corpus)")
    a.add_argument("--outlet", default=None, help="the outlet (default: a page's site name)")
    a.add_argument("--outlet-kind", default=None, help="newspaper, wire, broadcaster, blog, …")
    a.add_argument("--published", default=None, help="YYYY-MM-DD (default: a page's date)")
    a.add_argument("--language", default="en", help="ISO 639-1 code (default: en)")
    a.add_argument("--url", default=None, help="the address (one file only)")
    a.add_argument("--id", default=None, help="the article id (one file only)")
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
        if args.command == "new":
            return _new(args.folder, title=args.title)
        if args.command == "add":
            return _add(args)
        if args.command == "docs":
            Path(args.out).write_text(schema.render_markdown(), encoding="utf-8")
            print(f"wrote {args.out}")
            return 0
        if args.command == "eval":
            return _eval(args.corpus, args.gold, textacy=not args.no_textacy)
        if args.command == "report":
            return _report(args.notebooks, corpus=args.corpus, out=args.out)
        if args.verbose:
            logging.basicConfig(level=logging.INFO, format="%(message)s")
        return _build(
            args.corpus,
            args.out,
            csv=args.csv,
            cache=args.cache,
            jobs=args.jobs,
            engine=args.engine,
            scheduler=args.scheduler,
        )
    except (CorpusError, ModelNotFoundError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _new(folder: str, *, title: str | None) -> int:
    written = create_corpus(folder, title=title)
    print(f"created the corpus {read_corpus_title(folder)!r} in {folder}:")
    for path in written:
        print(f"  {path}")
    print(f"next: python -m analysis add FILE... --corpus {folder}")
    return 0


def _add(args: argparse.Namespace) -> int:
    added = add_articles(
        args.files,
        corpus_dir=args.corpus,
        outlet=args.outlet,
        outlet_kind=args.outlet_kind,
        published=args.published,
        language=args.language,
        url=args.url,
        article_id=args.id,
    )
    for a in added:
        origin = ", ".join(f"{c} from the {w}" for c, w in sorted(a.sources.items()))
        print(f"added {a.article_id}: {a.file} · {a.outlet} · {a.published} ({origin})")
    print(f"{len(added)} added to {args.corpus}/articles.csv; rerun `make build` or the notebooks.")
    return 0


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
        from .pipeline.distributed import write_partitioned

        write_partitioned(tables, out)
    else:
        tables.write(out, csv=csv)
    seconds = time.perf_counter() - started
    for name, frame in tables.items():
        print(f"{name:>12}: {len(frame):>6} rows")
    written = f"{out}/<table>/part-*.parquet" if engine == "dask" else f"{out}/*.parquet"
    print(f"wrote {written}{' and *.csv' if csv and engine != 'dask' else ''} in {seconds:.2f} s")
    print(summarize_problems(tables.problems))
    return 0


def _report(notebooks: str, *, corpus: str, out: str) -> int:
    from .notebook.report import list_notebooks, write_report

    print(f"executing {len(list_notebooks(notebooks))} notebooks from {notebooks}/ …")
    report = write_report(notebooks, corpus_dir=corpus, out_dir=out)
    for path in report.written:
        print(f"wrote {path}")
    for name, error in report.failed.items():
        print(f"FAILED {name}:\n{error}", file=sys.stderr)
    return 1 if report.failed else 0


def _eval(corpus: str, gold_path: str, *, textacy: bool) -> int:
    from .pipeline.evaluation import (
        link_pairs,
        load_gold,
        load_statement_pairs,
        score_pairs,
        score_quotes,
        speaker_aliases,
        statement_pairs,
        textacy_quotes,
    )

    tables = build(corpus)
    gold, gold_indirect = load_gold(gold_path, tables)
    ours = score_quotes(tables.quotes, gold, gold_indirect, aliases=speaker_aliases(tables))
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
    met = met and _eval_speakers(ours, "seeds", textacy=None)
    if (DEV_CORPUS / "quotes_gold.yml").is_file():
        dev_tables = build(DEV_CORPUS)
        dev_gold, dev_indirect = load_gold(DEV_CORPUS / "quotes_gold.yml", dev_tables)
        dev = score_quotes(
            dev_tables.quotes, dev_gold, dev_indirect, aliases=speaker_aliases(dev_tables)
        )
        for line in dev.lines("development set"):
            print(line)
        for miss in dev.misses:
            print(f"  {miss}")
        baseline_dev = None
        if textacy:
            try:
                baseline_dev = score_quotes(
                    textacy_quotes(dev_tables), dev_gold, aliases=speaker_aliases(dev_tables)
                )
            except ImportError:
                baseline_dev = None
        met = _eval_speakers(dev, "development set", textacy=baseline_dev) and met
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
    events_met = _eval_events(tables)
    return 0 if met and overlap_met and events_met else 1


def _eval_events(tables: Tables) -> bool:
    from .pipeline.evaluation import load_event_gold, score_events

    gold, conflicts = load_event_gold(EVENTS_PATH, tables.sentences)
    scores = score_events(tables.events, tables.happenings, gold, conflicts)
    for line in scores.lines():
        print(line)
    for miss in scores.misses:
        print(f"  {miss}")
    met = (
        scores.recall >= EVENT_TARGETS["recall"]
        and scores.precision >= EVENT_TARGETS["precision"]
        and all(scores.conflicts.values())
    )
    print(f"event targets {EVENT_TARGETS}, every conflict flagged: {'met' if met else 'NOT met'}")
    return met


def _eval_speakers(scores: Any, name: str, *, textacy: Any) -> bool:
    if textacy is not None:
        print(textacy.lines(f"textacy direct_quotations on the {name}")[0])
    met = (
        scores.f1 >= DEV_TARGETS["f1"]
        and scores.speaker_precision >= DEV_TARGETS["speaker_precision"]
    )
    print(f"speaker targets on the {name} {DEV_TARGETS}: {'met' if met else 'NOT met'}")
    return met


if __name__ == "__main__":
    sys.exit(main())
