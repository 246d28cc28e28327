"""`build`: from a corpus folder to every table, and writing the tables to disk."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import schema
from .clean import Cleaned, clean_text
from .corpus import CorpusError, CorpusWarning, read_corpus
from .entities import CURATED_FILE, read_curated, resolve_entities
from .framing.frames import FRAMES_FILE, read_frames, tabulate_frames
from .output import write_folder
from .overlap import find_links, group_statements, score_sentences
from .parse import parse_texts
from .problems import problems_unshown, tabulate_problems
from .quotes import QuoteWarning, tabulate_quotes
from .sentences import locate_paragraphs, tabulate_paragraphs, tabulate_sentences
from .timeline import group_happenings, tabulate_events

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Corpora with more articles than this get a progress bar while parsing (when asked for).
PROGRESS_MIN_ARTICLES = 5


@dataclass(frozen=True)
class Tables:
    """Every table of a built corpus, as pandas DataFrames (see docs/tables.md).

    Attributes:
        articles: One row per article.
        paragraphs: One row per body paragraph.
        sentences: One row per sentence.
        removed: One row per span of raw text that is not article body or title.
        mentions: One row per named-entity mention.
        entities: One row per canonical entity.
        merge_suggestions: Likely entity merges the rules did not apply.
        quotes: One row per direct, partial or indirect quote.
        links: One row per pair of sentences of different articles that say the same thing.
        statements: One row per sentence of a statement carried by several articles.
        events: One row per dated event, or undated statement placed at its publication date.
        happenings: One row per happening: events of several articles grouped.
        frame_matches: One row per match of a frame's term (`corpus/frames.yml`); named so
            because `frames()` lists the tables.
        problems: One row per problem the build noticed (missing metadata, language, quotes).
        docs: The parsed spaCy `Doc` of each body, by article_id (not a table).
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    merge_suggestions: pd.DataFrame
    quotes: pd.DataFrame
    links: pd.DataFrame
    statements: pd.DataFrame
    events: pd.DataFrame
    happenings: pd.DataFrame
    frame_matches: pd.DataFrame
    problems: pd.DataFrame
    docs: dict[str, Doc] = field(repr=False, compare=False)

    def frames(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """Yields (name, DataFrame) for every table, in `schema.TABLES` order."""
        for name in schema.TABLES:
            yield name, getattr(self, name)

    def write(self, out_dir: str | Path, *, csv: bool = False) -> list[Path]:
        """Writes every table to `<out_dir>/<table>.parquet` (and `.csv` when asked), atomically.

        The tables are written to a temporary folder next to `out_dir`, which then replaces
        `out_dir` in one rename: a write that fails or is killed midway leaves the previous
        tables as they were, and two builds writing at once leave one complete set (the last).

        Args:
            out_dir: The output folder; created when missing. It may hold only table files
                (`.parquet`, `.csv`), since it is replaced as a whole.
            csv: Also write CSV files.

        Returns:
            The paths written.

        Raises:
            FileExistsError: `out_dir` holds other files, which replacing it would delete.
        """

        def write_tables(folder: Path) -> list[str]:
            names = []
            for name, frame in self.frames():
                names.append(f"{name}.parquet")
                frame.to_parquet(folder / names[-1], index=False)
                if csv:
                    names.append(f"{name}.csv")
                    frame.to_csv(folder / names[-1], index=False)
            return names

        return write_folder(out_dir, write_tables)


def build(
    corpus_dir: str | Path = "corpus",
    *,
    cache_dir: str | Path | None = None,
    progress: bool = False,
) -> Tables:
    """Reads, cleans and parses a corpus into tables.

    Args:
        corpus_dir: The corpus folder (holding `articles.csv`).
        cache_dir: Where parsed documents are cached; `$ANALYSIS_CACHE_DIR` or
            `~/.cache/coverage-lens` when None.
        progress: Show a progress bar while parsing, when more than a few articles need it.

    Returns:
        The tables, each conformed to its declared schema.

    Raises:
        CorpusError: The corpus is wrong somewhere; nothing is returned half-built.
    """
    with problems_unshown(CorpusWarning):  # collected in `problems` instead
        articles = read_corpus(corpus_dir)
    cleaned = {
        a.article_id: clean_text(
            a.raw, known_title=a.title, rules=a.rules, source=a.file, kept_lines=a.kept_lines
        )
        for a in articles
    }
    docs_list = parse_texts(
        [c.body for c in cleaned.values()],
        cache_dir=Path(cache_dir) if cache_dir else None,
        progress=_progress_bar(len(articles)) if progress else None,
    )
    docs = dict(zip(cleaned, docs_list, strict=True))

    article_rows, paragraph_rows, sentence_rows, removed_rows = [], [], [], []
    for article in articles:
        aid, clean, doc = article.article_id, cleaned[article.article_id], docs[article.article_id]
        paragraphs = tabulate_paragraphs(aid, clean)
        sentence_list = tabulate_sentences(aid, doc, locate_paragraphs(clean))
        paragraph_rows += paragraphs
        sentence_rows += sentence_list
        removed_rows += _removed_rows(aid, article.raw, clean)
        article_rows.append(
            {
                "article_id": aid,
                "outlet": article.outlet,
                "outlet_kind": article.outlet_kind,
                "title": clean.title,
                "author": clean.author or article.author,
                "published": article.published,
                "language": article.language,
                "url": article.url,
                "file": article.file,
                "notes": article.notes,
                "raw": article.raw,
                "body": clean.body,
                "n_paragraphs": len(paragraphs),
                "n_sentences": len(sentence_list),
                "n_words": sum(1 for t in doc if not (t.is_punct or t.is_space)),
                "colour": article.colour,
            }
        )
    sentences = _frame("sentences", sentence_rows)
    resolution = resolve_entities(
        docs, sentences, curated=read_curated(Path(corpus_dir) / CURATED_FILE)
    )
    paragraph_table = _frame("paragraphs", paragraph_rows)
    mentions = _frame("mentions", resolution.mentions)
    entities = _frame("entities", resolution.entities)
    quote_rows, quote_warnings = tabulate_quotes(
        docs, paragraphs=paragraph_table, sentences=sentences, mentions=mentions, entities=entities
    )
    with problems_unshown(QuoteWarning):
        for message in quote_warnings:
            warnings.warn(message, QuoteWarning, stacklevel=2)
    quotes = _frame("quotes", quote_rows)
    similarity = score_sentences(sentences, quotes)
    links = _frame("links", find_links(sentences, quotes, similarity=similarity))
    article_table = _frame("articles", article_rows)
    events = _frame(
        "events",
        tabulate_events(
            docs,
            articles=article_table,
            sentences=sentences,
            quotes=quotes,
            mentions=mentions,
            entities=entities,
        ),
    )
    return Tables(
        articles=article_table,
        paragraphs=paragraph_table,
        sentences=sentences,
        removed=_frame("removed", removed_rows),
        mentions=mentions,
        entities=entities,
        merge_suggestions=_frame("merge_suggestions", resolution.suggestions),
        quotes=quotes,
        links=links,
        statements=_frame("statements", group_statements(links, sentences, similarity=similarity)),
        events=events,
        happenings=_frame("happenings", group_happenings(events, links=links)),
        frame_matches=_frame(
            "frame_matches",
            tabulate_frames(
                docs,
                sentences,
                quotes,
                read_frames(Path(corpus_dir) / FRAMES_FILE),
                cache_dir=Path(cache_dir) if cache_dir else None,
            ),
        ),
        problems=_frame(
            "problems", tabulate_problems(articles, quote_warnings, paragraphs=paragraph_table)
        ),
        docs=docs,
    )


def _removed_rows(article_id: str, raw: str, cleaned: Cleaned) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "start": span.start,
            "end": span.end,
            "reason": span.reason,
            "text": raw[span.start : span.end],
        }
        for span in cleaned.removed
    ]


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = schema.TABLES[name].column_names
    return schema.conform(name, pd.DataFrame(rows, columns=columns))


def _progress_bar(n_articles: int) -> Callable[[Iterable[str]], Iterable[str]] | None:
    if n_articles <= PROGRESS_MIN_ARTICLES:
        return None
    from tqdm.auto import tqdm

    return lambda items: tqdm(items, desc="parsing", unit="article")


__all__ = ["CorpusError", "Tables", "build"]
