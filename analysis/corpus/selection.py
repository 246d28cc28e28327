"""What the user selected: a story, outlets, a date range and a text search, applied to any
table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class Selection:
    """A filter over the tables; the default selects everything.

    Attributes:
        outlets: Outlets to keep; None keeps all.
        date_from: Keep articles published on or after this day; None: no lower bound.
        date_to: Keep articles published on or before this day; None: no upper bound. When either
            bound is set, articles without a date are left out.
        search: Keep rows whose text contains this, ignoring case; empty keeps all.
        choices: (column, allowed values) pairs, e.g. ("speaker", {...}) or ("label", {...});
            each applies to any table that has that column.
        minimum: A count threshold for charts that rank things (e.g. entities mentioned at
            least this often); 1 keeps all.
        top: How many categories a ranked chart shows on their own, the rest summed as "other"
            (`charts.top`); None leaves it to the chart.
        story: Keep the articles of this story (`articles.story_id`); None keeps every story.
        story_label: The story's label (`stories.label`), named by `describe`.
    """

    outlets: frozenset[str] | None = None
    date_from: pd.Timestamp | None = None
    date_to: pd.Timestamp | None = None
    search: str = ""
    choices: tuple[tuple[str, frozenset[str]], ...] = ()
    minimum: int = 1
    top: int | None = None
    story: int | None = None
    story_label: str = ""

    @classmethod
    def of(
        cls,
        *,
        outlets: Iterable[str] | None = None,
        date_from: pd.Timestamp | date | str | None = None,
        date_to: pd.Timestamp | date | str | None = None,
        search: str = "",
        choices: Mapping[str, Iterable[str]] | None = None,
        minimum: int = 1,
        top: int | None = None,
        story: int | None = None,
        story_label: str = "",
    ) -> Selection:
        """Builds a selection from loose values (any iterables, date-like bounds).

        Returns:
            The selection.
        """
        return cls(
            outlets=None if outlets is None else frozenset(outlets),
            date_from=None if date_from is None else pd.Timestamp(date_from).normalize(),
            date_to=None if date_to is None else pd.Timestamp(date_to).normalize(),
            search=search.strip(),
            choices=tuple((c, frozenset(v)) for c, v in sorted((choices or {}).items())),
            minimum=minimum,
            top=top,
            story=None if story is None else int(story),
            story_label=story_label,
        )

    def describe(self, *, listed: int = 4) -> str:
        """Says in words every filter this selection applies (for a chart's source line).

        Args:
            listed: Most values of one filter named; the rest are counted.

        Returns:
            E.g. 'story 3: Amnesty International, Ukraine · report; outlets: CNN, The Washington
            Post; 2022-08-05 to 2022-08-07; search "Callamard"; speaker: Agnès Callamard; at
            least 20', or "" when nothing is filtered.
        """

        def names(values: Iterable[str]) -> str:
            ordered = sorted(map(str, values), key=str.casefold)
            more = len(ordered) - listed
            return ", ".join(ordered[:listed]) + (f" and {more} more" if more > 0 else "")

        parts = []
        if self.story is not None:
            parts.append(
                f"story {self.story}" + (f": {self.story_label}" if self.story_label else "")
            )
        if self.outlets is not None:
            parts.append(f"outlets: {names(self.outlets) or 'none'}")
        if self.date_from is not None or self.date_to is not None:
            start = self.date_from.strftime("%Y-%m-%d") if self.date_from is not None else "…"
            end = self.date_to.strftime("%Y-%m-%d") if self.date_to is not None else "…"
            parts.append(f"published {start} to {end}")
        if self.search:
            parts.append(f'search "{self.search}"')
        for column, allowed in self.choices:
            parts.append(f"{column}: {names(allowed) or 'none'}")
        if self.minimum > 1:
            parts.append(f"at least {self.minimum}")
        return "; ".join(parts)

    def select_articles(self, articles: pd.DataFrame) -> pd.DataFrame:
        """Applies the story, outlet and date filters (and the search, to `body`) to `articles`.

        Args:
            articles: The `articles` table.

        Returns:
            The selected rows (a new DataFrame).
        """
        keep = pd.Series(True, index=articles.index)
        if self.story is not None and "story_id" in articles.columns:
            keep &= articles.story_id == self.story
        if self.outlets is not None:
            keep &= articles.outlet.isin(self.outlets)
        if self.date_from is not None:
            keep &= articles.published >= self.date_from
        if self.date_to is not None:
            keep &= articles.published <= self.date_to
        if self.search:
            keep &= articles.body.str.contains(self.search, case=False, regex=False)
        keep &= self._choices_mask(articles)
        return articles.loc[keep].copy()

    def _choices_mask(self, frame: pd.DataFrame) -> pd.Series:
        keep = pd.Series(True, index=frame.index)
        for column, allowed in self.choices:
            if column in frame.columns:
                keep &= frame[column].isin(allowed)
        return keep

    def select_rows(
        self, frame: pd.DataFrame, articles: pd.DataFrame, *, text_column: str | None = "text"
    ) -> pd.DataFrame:
        """Keeps the rows of a per-article table whose article is selected and whose text matches.

        Args:
            frame: A table with an `article_id` column.
            articles: The `articles` table.
            text_column: The column the search applies to; None applies it to the article body.

        Returns:
            The selected rows (a new DataFrame).
        """
        by_article = replace(self, search="" if text_column else self.search)
        keep = frame.article_id.isin(by_article.select_articles(articles).article_id)
        if self.search and text_column:
            keep &= frame[text_column].str.contains(self.search, case=False, regex=False)
        keep &= self._choices_mask(frame)
        return frame.loc[keep].copy()
