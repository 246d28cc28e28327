"""`Tables`: every table of a built corpus, and writing them to a folder."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import schema
from .output import write_folder

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Tables:
    """Every table of a built corpus, as pandas DataFrames (see docs/tables.md).

    Attributes:
        articles: One row per article.
        stories: One row per story (articles reporting the same news).
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
        frames: One row per match of a frame's term (general lexicon and `corpus/frames.yml`).
        problems: One row per problem the build noticed (missing metadata, language, quotes).
        docs: The parsed spaCy `Doc` of each body, by article_id (not a table).
    """

    articles: pd.DataFrame
    stories: pd.DataFrame
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
    frames: pd.DataFrame
    problems: pd.DataFrame
    docs: Mapping[str, Doc] = field(repr=False, compare=False)

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
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
            for name, frame in self.items():
                names.append(f"{name}.parquet")
                frame.to_parquet(folder / names[-1], index=False)
                if csv:
                    names.append(f"{name}.csv")
                    frame.to_csv(folder / names[-1], index=False)
            return names

        return write_folder(out_dir, write_tables)
