"""Problems the build noticed: collected into the `problems` table, summed up in one line.

Missing metadata, an article not in English and unbalanced quote marks do not stop a build, but
they may leave a table incomplete. They are still issued as warnings (`CorpusWarning`,
`QuoteWarning`), hidden unless a warnings filter asks for them, so that a build prints one line
instead of one per problem.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd

from .manifest import Article


@contextmanager
def problems_unshown(category: type[Warning]) -> Iterator[None]:
    """Hides warnings of a category unless a filter asks for them (they go to `problems`).

    Args:
        category: The warning class.

    Yields:
        Nothing; the filters are restored on exit.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=category, append=True)
        yield


def tabulate_problems(
    articles: list[Article], quote_warnings: list[str], *, paragraphs: pd.DataFrame
) -> list[dict[str, Any]]:
    """Collects what the build noticed into rows of the `problems` table.

    Args:
        articles: The corpus's articles (their `notices`: missing metadata, language).
        quote_warnings: The quote finder's warnings, each "<article_id>: <message>" naming a
            body offset ("at 120") or a paragraph ("paragraph 3").
        paragraphs: The `paragraphs` table (a paragraph's offset is its start).

    Returns:
        One row per problem: corpus notices first, then quote warnings, in article order.
    """
    rows: list[dict[str, Any]] = [
        {"article_id": a.article_id, "stage": "corpus", "offset": None, "message": notice}
        for a in articles
        for notice in a.notices
    ]
    for warning in quote_warnings:
        article_id, _, message = warning.partition(": ")
        offset = None
        if at := re.search(r"\bat (\d+)\b", message):
            offset = int(at.group(1))
        elif para := re.search(r"\bparagraph (\d+)\b", message):
            match = paragraphs.start[
                (paragraphs.article_id == article_id)
                & (paragraphs.paragraph_id == int(para.group(1)))
            ]
            offset = int(match.iloc[0]) if len(match) else None
        rows.append(
            {"article_id": article_id, "stage": "quotes", "offset": offset, "message": message}
        )
    return rows


def summarize_problems(problems: pd.DataFrame) -> str:
    """Returns one line counting the problems by stage, e.g. "problems: 3 (quotes 2, corpus 1)".

    Args:
        problems: The `problems` table.
    """
    if problems.empty:
        return "problems: none"
    by_stage = ", ".join(f"{s} {n}" for s, n in problems.stage.value_counts().items())
    return f"problems: {len(problems)} ({by_stage}); see the problems table (notebook 01)"
