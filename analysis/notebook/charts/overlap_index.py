"""`OverlapIndex`: the links, sentences and statements as integer arrays over the articles, made
once so that a filter of notebook 04 only selects from them (at 1,000 articles the links are
586,861 rows of article ids: looking them up again on every filter change took most of a
second)."""

from __future__ import annotations

import numpy as np
import pandas as pd

#: A sentence as one integer: its article's position times this, plus its sentence id.
SENTENCE_BASE = 1_000_000


class OverlapIndex:
    """Integer codes of the `links`, `sentences` and `statements` tables over an articles table.

    Attributes:
        n_articles: How many articles the index knows; a position `n_articles` stands for an
            article it does not know (never selected).
        link_a, link_b: Each link's two articles, as positions.
        sentence_a, sentence_b: Each link's two sentences, as positions in the linked sentences.
        linked_article: The article position of each linked sentence.
        sentence_article: The article position of each row of the `sentences` table.
        rank: Each link's kind as its position in `kinds` (-1 when not there).
        statement_article: The article position of each row of the `statements` table.
        statement_code: Each statements row's `statement_id`, numbered from 0.
        statement_sentence: Each statements row's sentence as a linked sentence (-1 when no link
            touches it).
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        sentences: pd.DataFrame | None,
        links: pd.DataFrame,
        statements: pd.DataFrame | None = None,
        *,
        kinds: tuple[str, ...] = (),
    ) -> None:
        """Codes the tables (none is modified).

        Args:
            articles: The articles the positions refer to (e.g. the whole `articles` table).
            sentences: The `sentences` table; None codes none (no sentence counts).
            links: The `links` table (its `kind` column is read when `kinds` is given).
            statements: The `statements` table; None codes none.
            kinds: The link kinds in rank order (e.g. least to most alike).
        """
        self._ids = pd.Index(articles.article_id.astype("object"))
        self.n_articles = len(self._ids)
        self.link_a = self.locate(links.article_a)
        self.link_b = self.locate(links.article_b)
        keys = np.concatenate(
            [
                self.link_a * SENTENCE_BASE + links.sentence_a.to_numpy(dtype="int64"),
                self.link_b * SENTENCE_BASE + links.sentence_b.to_numpy(dtype="int64"),
            ]
        )
        self._linked, inverse = np.unique(keys, return_inverse=True)
        self.sentence_a, self.sentence_b = inverse[: len(links)], inverse[len(links) :]
        self.linked_article = self._linked // SENTENCE_BASE
        self.sentence_article = (
            np.array([], dtype="int64") if sentences is None else self.locate(sentences.article_id)
        )
        self.rank = np.full(len(links), -1, dtype="int64")
        if kinds:
            rank = {kind: i for i, kind in enumerate(kinds)}
            self.rank = links.kind.astype("str").map(rank).fillna(-1).to_numpy(dtype="int64")
        if statements is None:
            statements = pd.DataFrame({"statement_id": [], "article_id": [], "sentence_id": []})
        self.statement_article = self.locate(statements.article_id)
        self.statement_code = pd.factorize(statements.statement_id)[0].astype("int64")
        self.statement_sentence = self.find_linked(
            self.statement_article, statements.sentence_id.to_numpy(dtype="int64")
        )

    def locate(self, article_ids: pd.Series) -> np.ndarray:
        """Returns the position of each article id (`n_articles` for an id the index lacks)."""
        found = self._ids.get_indexer(article_ids.astype("object"))
        return np.where(found < 0, self.n_articles, found).astype("int64")

    def find_linked(self, articles: np.ndarray, sentences: np.ndarray) -> np.ndarray:
        """Returns each (article position, sentence id) as a linked sentence, -1 when no link
        touches it."""
        keys = articles * SENTENCE_BASE + sentences
        at = np.searchsorted(self._linked, keys).clip(max=max(len(self._linked) - 1, 0))
        if not len(self._linked):
            return np.full(len(keys), -1, dtype="int64")
        return np.where(self._linked[at] == keys, at, -1).astype("int64")

    def choose(self, shown: pd.DataFrame) -> np.ndarray:
        """Returns a mask over article positions (plus the unknown one, never chosen): True for
        the articles of `shown`."""
        chosen = np.zeros(self.n_articles + 1, dtype="bool")
        chosen[self.locate(shown.article_id)] = True
        chosen[self.n_articles] = False
        return chosen

    def select_links(self, chosen: np.ndarray) -> np.ndarray:
        """Returns a mask over the links: True when both articles are chosen."""
        return chosen[self.link_a] & chosen[self.link_b]

    def select_statements(self, chosen: np.ndarray) -> np.ndarray:
        """Returns a mask over the statements rows: the rows of chosen articles whose statement
        two or more such rows carry."""
        mine = chosen[self.statement_article]
        counts = np.bincount(
            self.statement_code[mine], minlength=int(self.statement_code.max(initial=-1)) + 1
        )
        return mine & (counts[self.statement_code] >= 2)
