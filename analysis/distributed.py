"""The Dask engine: per-article stages on a dask.distributed cluster, and partitioned output.

`build(..., engine="dask")` sends the articles, a partition at a time, to the cluster's workers;
each worker cleans, parses (through the parse cache, so a shared cache folder helps) and runs the
per-article stages of `analysis.stages`, and sends back the parsed documents as spaCy `DocBin`
bytes with the rows. The corpus-level stages then run on the gathered tables in this process.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import Article
from .parse import docs_from_bytes, docs_to_bytes, find_model, parse_texts
from .stages import ARTICLE_STAGES, ArticleInput, clean_articles, run_article_stages

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .pipeline import Tables

#: Articles per task sent to a worker.
ARTICLES_PER_TASK = 25
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
    cleaned = clean_articles(articles)
    docs = parse_texts([c.body for c in cleaned], cache_dir=Path(cache_dir))
    items = [ArticleInput(*x) for x in zip(articles, cleaned, docs, strict=True)]
    rows = run_article_stages(items, model=find_model(), cache_dir=Path(cache_dir))
    return docs_to_bytes(docs), rows


def run_article_stages_on_dask(
    articles: Sequence[Article], *, cache_dir: Path, scheduler: str | None = None
) -> tuple[list[Doc], dict[str, list[dict[str, Any]]]]:
    """Runs `process_articles` on a dask.distributed cluster, `ARTICLES_PER_TASK` at a time.

    Args:
        articles: The articles, in manifest order.
        cache_dir: The cache folder (give workers on other machines a shared one).
        scheduler: The scheduler's address (e.g. "tcp://10.0.0.5:8786"); None starts a
            `LocalCluster` on this machine for the duration of the call.

    Returns:
        The parsed bodies and the per-article rows, in manifest order.
    """
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster() if scheduler is None else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        chunks = [
            list(articles[i : i + ARTICLES_PER_TASK])
            for i in range(0, len(articles), ARTICLES_PER_TASK)
        ]
        futures = client.map(process_articles, chunks, [str(cache_dir)] * len(chunks), pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    lang = find_model().lang
    docs: list[Doc] = []
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], **{n: [] for n in ARTICLE_STAGES}}
    for data, part in results:
        docs += docs_from_bytes(data, lang=lang)
        for name, mine in part.items():
            rows[name] += mine
    return docs, rows


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


__all__ = ["process_articles", "run_article_stages_on_dask", "write_partitioned"]
