"""`build`: from a corpus folder to every table, and writing the tables to disk."""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..corpus.folder import read_corpus_title
from ..corpus.manifest import UNKNOWN, Article, CorpusError, CorpusWarning, read_corpus
from ..corpus.problems import problems_unshown, tabulate_problems
from ..entities import CURATED_FILE, read_curated, resolve_entities
from ..framing.frames import load_frames
from ..overlap.links import find_links, score_sentences
from ..overlap.statements import group_statements
from ..quotes import QuoteWarning
from ..stories import find_stories
from ..text.parse import CachedDocs, default_cache_dir, find_model, parse_texts
from ..timeline import group_happenings, tabulate_date_problems
from . import conformance, schema
from .snapshot import read_snapshot, snapshot_key, write_snapshot
from .stages import (
    ArticleInput,
    clean_articles,
    run_article_stages,
    tabulate_in_context,
)
from .tables import Tables

if TYPE_CHECKING:
    from dask.distributed import Client

_log = logging.getLogger(__name__)
#: The stages that run on the whole corpus at once, in order (named on the progress bar).
CORPUS_STAGES = ("entities", "stories", "similarity", "links", "statements", "happenings")
#: Corpora with more articles than this get progress bars (when asked for).
PROGRESS_MIN_ARTICLES = 5


def build(
    corpus_dir: str | Path = "corpus",
    *,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    n_process: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Tables:
    """Reads, cleans and parses a corpus into tables.

    Per-article stages (cleaning, parsing, `analysis.stages.ARTICLE_STAGES`) reuse cached results
    of unchanged articles. Entities are resolved over the whole corpus; then quotes, events and
    frame terms are found per article, reusing cached results of articles whose entities resolve
    as before (`analysis.stages.tabulate_in_context`); the remaining corpus-level stages (links,
    statements, happenings) run on the gathered tables. When no file of the corpus, no line of
    this package and not the model has changed since an earlier build with the same cache, its
    tables are read back instead (`analysis.snapshot`), and the documents are read from the parse
    cache when first used.

    Args:
        corpus_dir: The corpus folder (holding `articles.csv`).
        cache_dir: Where parsed documents and per-article rows are cached; `$ANALYSIS_CACHE_DIR`
            or `~/.cache/coverage-lens` when None.
        progress: Show progress bars on the stages that take long, for more than a few articles.
        n_process: Processes parsing runs in (local engine); the tables do not depend on it.
        engine: "local", or "dask" to run the per-article stages on a dask.distributed cluster.
        scheduler: The dask scheduler's address; None starts a `LocalCluster` (engine "dask").

    Returns:
        The tables, each conformed to its declared schema.

    Raises:
        CorpusError: The corpus is wrong somewhere; nothing is returned half-built.
        ValueError: `engine` is neither "local" nor "dask".
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    key = snapshot_key(corpus_dir, find_model())
    kept = read_snapshot(cache, key)
    if kept is not None:
        bodies = dict(zip(kept["articles"].article_id, kept["articles"].body, strict=True))
        return Tables(**kept, docs=CachedDocs(bodies, cache_dir=cache))
    with problems_unshown(CorpusWarning):  # collected in `problems` instead
        articles = read_corpus(corpus_dir)
    bar = _progress_bar if progress and len(articles) > PROGRESS_MIN_ARTICLES else None
    if engine == "dask":
        from .distributed import open_client

        with open_client(scheduler) as client:
            tables = _build_tables(Path(corpus_dir), articles, cache=cache, bar=bar, client=client)
    else:
        tables = _build_tables(
            Path(corpus_dir), articles, cache=cache, bar=bar, n_process=n_process
        )
    write_snapshot(cache, key, dict(tables.items()))
    return tables


def _build_tables(
    corpus_dir: Path,
    articles: list[Article],
    *,
    cache: Path,
    bar: Callable[[str], Callable[[Iterable[Any]], Iterable[Any]]] | None,
    n_process: int = 1,
    client: Client | None = None,
) -> Tables:
    """Runs every stage of `build` on the articles read (on a Dask cluster when `client`)."""
    step = _Stages(bar=bar is not None)
    step("cleaning")
    cleaned = clean_articles(articles, cache_dir=cache)
    step("parsing")
    if client is not None:
        from .distributed import run_article_stages_on_dask, run_in_context_on_dask

        docs_list, rows = run_article_stages_on_dask(articles, cache_dir=cache, client=client)
    else:
        docs_list = parse_texts(
            [c.body for c in cleaned],
            cache_dir=cache,
            progress=bar("parsing") if bar else None,
            n_process=n_process,
        )
    items = [ArticleInput(*x) for x in zip(articles, cleaned, docs_list, strict=True)]
    step("articles")
    if client is None:
        rows = run_article_stages(
            items, model=find_model(), cache_dir=cache, progress=bar("articles") if bar else None
        )
    docs = {a.article_id: doc for a, doc in zip(articles, docs_list, strict=True)}
    sentences = _frame("sentences", rows["sentences"])
    step("entities")
    resolution = resolve_entities(
        docs,
        sentences,
        curated=read_curated(corpus_dir / CURATED_FILE),
        published={a.article_id: a.published for a in articles},
        outlets={a.article_id: a.outlet for a in articles if a.outlet != UNKNOWN},
    )
    paragraph_table = _frame("paragraphs", rows["paragraphs"])
    mentions = _frame("mentions", resolution.mentions)
    entities = _frame("entities", resolution.entities)
    step("stories")
    story_of, story_rows = find_stories(
        pd.DataFrame(rows["articles"]),
        mentions,
        entities,
        given={a.article_id: a.story for a in articles if a.story is not None},
    )
    step("quotes, events, frames")
    context: dict[str, Any] = {
        "tables": {
            "paragraphs": paragraph_table,
            "sentences": sentences,
            "mentions": mentions,
            "entities": entities,
        },
        "frames": list(load_frames(corpus_dir).frames),
        "cache_dir": cache,
    }
    if client is not None:
        found = run_in_context_on_dask(articles, client=client, **context)
    else:
        found = tabulate_in_context(
            items,
            model=find_model(),
            progress=bar("quotes, events, frames") if bar else None,
            **context,
        )
    quote_warnings = found["warnings"]
    with problems_unshown(QuoteWarning):
        for message in quote_warnings:
            warnings.warn(message, QuoteWarning, stacklevel=2)
    quotes = _frame("quotes", found["quotes"])
    step("similarity")
    similarity = score_sentences(sentences, quotes, stories=story_of)
    step("links")
    outlet_of = {a.article_id: a.outlet for a in articles}
    links = _frame(
        "links",
        find_links(
            sentences,
            quotes,
            similarity=similarity,
            stories=story_of,
            outlets=outlet_of,
            published={a.article_id: a.published for a in articles},
        ),
    )
    step("statements")
    statements = _frame("statements", group_statements(links, sentences, similarity=similarity))
    step("happenings")
    events = _frame("events", found["events"])
    title = read_corpus_title(corpus_dir)
    article_table = _frame(
        "articles",
        [
            {**row, "corpus": title, "story_id": story_of[row["article_id"]]}
            for row in rows["articles"]
        ],
    )
    happenings = _frame("happenings", group_happenings(events, links=links, articles=article_table))
    step("tables")
    tables = Tables(
        articles=article_table,
        stories=_frame("stories", story_rows),
        paragraphs=paragraph_table,
        sentences=sentences,
        removed=_frame("removed", rows["removed"]),
        mentions=mentions,
        entities=entities,
        merge_suggestions=_frame("merge_suggestions", resolution.suggestions),
        quotes=quotes,
        links=links,
        statements=statements,
        events=events,
        happenings=happenings,
        frames=_frame("frames", found["frames"]),
        problems=_frame(
            "problems",
            tabulate_problems(articles, quote_warnings, paragraphs=paragraph_table)
            + tabulate_date_problems(events, sentences),
        ),
        docs=docs,
    )
    step("")
    return tables


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = schema.TABLES[name].column_names
    return conformance.conform(name, pd.DataFrame(rows, columns=columns))


class _Stages:
    """Marks the start of each stage of a build: logs how long the previous one took (logger
    `analysis.pipeline`, level INFO: `python -m analysis build --verbose` shows them) and, when
    asked, moves a progress bar over the corpus-level stages (`CORPUS_STAGES`)."""

    def __init__(self, *, bar: bool) -> None:
        self.bar: Any = None
        if bar:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=len(CORPUS_STAGES), desc="corpus-level stages", unit="stage")
        self.current, self.started = "", time.perf_counter()

    def __call__(self, stage: str) -> None:
        """Starts `stage` ("" when the build is done)."""
        now = time.perf_counter()
        if self.current:
            _log.info("stage %s: %.2f s", self.current, now - self.started)
        if self.bar is not None and self.current in CORPUS_STAGES:
            self.bar.update()
        if self.bar is not None and stage in CORPUS_STAGES:
            self.bar.set_postfix_str(stage)
        if self.bar is not None and not stage:
            self.bar.close()
        self.current, self.started = stage, now


def _progress_bar(stage: str) -> Callable[[Iterable[Any]], Iterable[Any]]:
    from tqdm.auto import tqdm

    return lambda items: tqdm(items, desc=stage, unit="article")


__all__ = ["CorpusError", "Tables", "build"]
