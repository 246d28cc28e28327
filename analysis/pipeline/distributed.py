"""The Dask engine: per-article stages on a dask.distributed cluster, and partitioned output.

`build(..., engine="dask")` sends the articles, a partition at a time, to the cluster's workers;
each worker cleans, parses (through the parse cache, so a shared cache folder helps) and runs the
per-article stages of `analysis.stages`, and sends back the parsed documents as spaCy `DocBin`
bytes with the rows. Entities are resolved on the gathered tables in this process; then the
workers find each article's quotes, events and frame terms (`find_in_context`: they read the
parses from the cache again, so give workers on other machines a shared cache folder), and the
remaining corpus-level stages run here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..corpus.manifest import Article
from ..framing.frames import Frame
from ..text.parse import docs_from_bytes, docs_to_bytes, find_model, parse_texts
from .stages import (
    ARTICLE_STAGES,
    ArticleInput,
    clean_articles,
    run_article_stages,
    tabulate_in_context,
)

if TYPE_CHECKING:
    from dask.distributed import Client
    from spacy.tokens import Doc

    from .tables import Tables

#: Articles per task sent to a worker.
ARTICLES_PER_TASK = 25
#: The tables sent to a worker in parts, by article, for `find_in_context`.
BY_ARTICLE = ("paragraphs", "sentences", "mentions")
#: Articles per Parquet part in `write_partitioned`.
ARTICLES_PER_PART = 500


def process_articles(
    articles: Sequence[Article], cache_dir: str
) -> tuple[bytes, dict[str, list[dict[str, Any]]]]:
    """Cleans, parses and runs the per-article stages on some articles (a worker's task).

    Args:
        articles: The articles.
        cache_dir: The cache folder, as seen by the worker.

    Returns:
        The parsed bodies as `DocBin` bytes, and the rows of `analysis.stages.run_article_stages`.
    """
    cleaned = clean_articles(articles, cache_dir=Path(cache_dir))
    docs = parse_texts([c.body for c in cleaned], cache_dir=Path(cache_dir))
    items = [ArticleInput(*x) for x in zip(articles, cleaned, docs, strict=True)]
    rows = run_article_stages(items, model=find_model(), cache_dir=Path(cache_dir))
    return docs_to_bytes(docs), rows


@contextmanager
def open_client(scheduler: str | None = None) -> Iterator[Client]:
    """Connects to a dask.distributed cluster for the duration of a build.

    Args:
        scheduler: The scheduler's address (e.g. "tcp://10.0.0.5:8786"); None starts a
            `LocalCluster` on this machine, closed again on exit.

    Yields:
        The client.
    """
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster() if scheduler is None else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _chunks(articles: Sequence[Article]) -> list[list[Article]]:
    return [
        list(articles[i : i + ARTICLES_PER_TASK])
        for i in range(0, len(articles), ARTICLES_PER_TASK)
    ]


def run_article_stages_on_dask(
    articles: Sequence[Article], *, cache_dir: Path, client: Client
) -> tuple[list[Doc], dict[str, list[dict[str, Any]]]]:
    """Runs `process_articles` on a dask.distributed cluster, `ARTICLES_PER_TASK` at a time.

    Args:
        articles: The articles, in manifest order.
        cache_dir: The cache folder (give workers on other machines a shared one).
        client: The cluster's client (`open_client`).

    Returns:
        The parsed bodies and the per-article rows, in manifest order.
    """
    chunks = _chunks(articles)
    futures = client.map(process_articles, chunks, [str(cache_dir)] * len(chunks), pure=False)
    lang = find_model().lang
    docs: list[Doc] = []
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], **{n: [] for n in ARTICLE_STAGES}}
    for data, part in client.gather(futures):
        docs += docs_from_bytes(data, lang=lang)
        for name, mine in part.items():
            rows[name] += mine
    return docs, rows


def find_in_context(
    articles: Sequence[Article],
    tables: dict[str, pd.DataFrame],
    frames: Sequence[Frame],
    cache_dir: str,
) -> dict[str, list[Any]]:
    """Finds the quotes, events and frame terms of some articles (a worker's task).

    Args:
        articles: The articles.
        tables: Their `paragraphs`, `sentences` and `mentions`, and the `entities` they mention.
        frames: The frames.
        cache_dir: The cache folder, as seen by the worker (the parses are read from it).

    Returns:
        What `analysis.stages.tabulate_in_context` returns for these articles.
    """
    cleaned = clean_articles(articles, cache_dir=Path(cache_dir))
    docs = parse_texts([c.body for c in cleaned], cache_dir=Path(cache_dir))
    items = [ArticleInput(*x) for x in zip(articles, cleaned, docs, strict=True)]
    return tabulate_in_context(
        items, tables=tables, frames=frames, model=find_model(), cache_dir=Path(cache_dir)
    )


def run_in_context_on_dask(
    articles: Sequence[Article],
    *,
    tables: dict[str, pd.DataFrame],
    frames: Sequence[Frame],
    cache_dir: Path,
    client: Client,
) -> dict[str, list[Any]]:
    """Runs `find_in_context` on a dask.distributed cluster, `ARTICLES_PER_TASK` at a time.

    Args:
        articles: The articles, in manifest order.
        tables: The `paragraphs`, `sentences`, `mentions` and `entities` tables.
        frames: The frames.
        cache_dir: The cache folder (give workers on other machines a shared one).
        client: The cluster's client (`open_client`).

    Returns:
        What `analysis.stages.tabulate_in_context` returns, in manifest order.
    """
    chunks = _chunks(articles)
    parts = []
    for chunk in chunks:
        ids = {a.article_id for a in chunk}
        part = {n: tables[n][tables[n].article_id.isin(ids)] for n in BY_ARTICLE}
        named = set(part["mentions"].entity_id.dropna())
        part["entities"] = tables["entities"][tables["entities"].entity_id.isin(named)]
        parts.append(part)
    n = len(chunks)
    futures = client.map(
        find_in_context, chunks, parts, [list(frames)] * n, [str(cache_dir)] * n, pure=False
    )
    out: dict[str, list[Any]] = {"quotes": [], "warnings": [], "events": [], "frames": []}
    for found in client.gather(futures):
        for name, rows in found.items():
            out[name] += rows
    return out


def write_partitioned(
    tables: Tables, out_dir: str | Path, *, articles_per_part: int = ARTICLES_PER_PART
) -> list[Path]:
    """Writes every table as partitioned Parquet: `<out_dir>/<table>/part-00000.parquet`, ….

    Tables with an `article_id` column are split by article, `articles_per_part` articles per
    part (in manifest order); the others are one part. Read one back with
    `pandas.read_parquet("<out_dir>/<table>")`.

    Returns:
        The paths written.
    """
    out = Path(out_dir)
    ids = tables.articles.article_id.tolist()
    part_of = {a: i // articles_per_part for i, a in enumerate(ids)}
    written = []
    for name, frame in tables.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*.parquet"):
            old.unlink()
        if "article_id" in frame.columns and len(frame):
            groups: Any = frame.groupby(frame.article_id.map(part_of), sort=True)
        else:
            groups = [(0, frame)]
        for part, chunk in groups:
            path = folder / f"part-{int(part):05d}.parquet"
            tmp = path.with_suffix(".tmp")
            chunk.to_parquet(tmp, index=False)
            tmp.replace(path)
            written.append(path)
    return written


__all__ = [
    "find_in_context",
    "open_client",
    "process_articles",
    "run_article_stages_on_dask",
    "run_in_context_on_dask",
    "write_partitioned",
]
