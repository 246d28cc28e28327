"""Term counts: the terms of every sentence of one part of the text (the reporter's words,
the quotes, or both), counted per sentence, and the index a filter selects from. `terms`
scores and ranks them.

Terms are lowercase lemmas without stop words and punctuation — unigrams, and bigrams of two such
lemmas next to each other in the text (no stop word, punctuation or quote boundary between).
Counting is sparse (scikit-learn's `CountVectorizer` over the terms of each sentence): nothing is
compared pair by pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .style import ENTITY, WORD, classify_tokens
from .tokens import check_part, select_part, tabulate_tokens


@dataclass(frozen=True)
class TermCounts:
    """Term counts per sentence of one part of the text.

    Attributes:
        part: "all", "reporter" or "quotes".
        units: One row per sentence with words of that part: article_id, sentence_id, outlet.
        matrix: Counts, units × terms (a scipy sparse matrix).
        terms: The term of each column.
        tokens: The tokens of that part (`tokens.tabulate_tokens` rows), to find where terms occur.
        index: What a filter only selects from (`index_terms`), computed with the counts; None
            when the counts were made without it (it is then computed on first use).
    """

    part: str
    units: pd.DataFrame
    matrix: Any
    terms: np.ndarray
    tokens: pd.DataFrame
    index: TermIndex | None = field(default=None, repr=False, compare=False)

    def totals(self, mask: np.ndarray) -> np.ndarray:
        """Returns the count of every term over the units where `mask` is True."""
        return np.asarray(self.matrix[mask].sum(axis=0)).ravel()


@dataclass(frozen=True)
class TermIndex:
    """What a filter (outlets, dates) only selects from, computed once per `TermCounts`: the
    counts per article, the corpus's counts, each term's sentences and each sentence's tokens.

    Attributes:
        article_ids: The articles with counted sentences, in corpus order.
        outlets: The outlet of each of those articles.
        unit_article: The position in `article_ids` of each unit's article.
        by_article: Counts, articles × terms (scipy CSR): the units of each article summed.
        corpus: The count of every term over all units (the prior's shape).
        by_term: `TermCounts.matrix` as CSC, its row indices sorted: a term's units in corpus order.
        unit_text: The sentence text of each unit.
        unit_start: The sentence's start offset (into `articles.body`) of each unit.
        token_rows: Positions in `TermCounts.tokens` of every unit's tokens, unit after unit.
        token_offsets: Unit i's tokens are `token_rows[token_offsets[i]:token_offsets[i + 1]]`.
    """

    article_ids: np.ndarray
    outlets: np.ndarray
    unit_article: np.ndarray
    by_article: Any
    corpus: np.ndarray
    by_term: Any
    unit_text: np.ndarray
    unit_start: np.ndarray
    token_rows: np.ndarray
    token_offsets: np.ndarray


def index_terms(
    units: pd.DataFrame,
    matrix: Any,
    sentences: pd.DataFrame,
    token_rows: Sequence[Any],
) -> TermIndex:
    """Precomputes what selections of a `TermCounts` only select from.

    Args:
        units: `TermCounts.units` (article_id, sentence_id, outlet per row of `matrix`).
        matrix: `TermCounts.matrix`.
        sentences: The `sentences` table.
        token_rows: The positions in `TermCounts.tokens` of each unit's tokens (a list or array
            of ints per unit).

    Returns:
        The index (`TermIndex`).
    """
    from scipy import sparse

    article_codes, uniques = pd.factorize(units.article_id, sort=False)
    article_ids = np.asarray(uniques, dtype=object)
    first = pd.Series(np.arange(len(units))).groupby(article_codes).first().to_numpy(dtype=int)
    outlets = np.asarray(units.outlet.to_numpy(dtype=object)[first], dtype=object)
    n_units = len(units)
    summing = sparse.csr_matrix(
        (np.ones(n_units, dtype=np.int64), (article_codes, np.arange(n_units))),
        shape=(len(article_ids), n_units),
    )
    csr = sparse.csr_matrix(matrix)
    by_article = (summing @ csr).tocsr()
    by_article.sort_indices()
    corpus = np.asarray(csr.sum(axis=0)).ravel()
    by_term = csr.tocsc()
    by_term.sort_indices()
    located = dict(
        zip(
            zip(sentences.article_id.astype(str), sentences.sentence_id.astype(int), strict=True),
            zip(sentences.text.astype(str), sentences.start.astype(int), strict=True),
            strict=True,
        )
    )
    found = [
        located[(a, int(i))]
        for a, i in zip(units.article_id.tolist(), units.sentence_id.tolist(), strict=True)
    ]
    unit_text = np.array([t for t, _s in found], dtype=object)
    unit_start = np.array([s for _t, s in found], dtype=np.int64)
    sizes = np.array([len(r) for r in token_rows], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    flat = np.concatenate(
        [np.asarray(r, dtype=np.int64) for r in token_rows] or [np.array([], dtype=np.int64)]
    )
    return TermIndex(
        article_ids=article_ids,
        outlets=outlets,
        unit_article=np.asarray(article_codes, dtype=np.int64),
        by_article=by_article,
        corpus=corpus,
        by_term=by_term,
        unit_text=unit_text,
        unit_start=unit_start,
        token_rows=flat,
        token_offsets=offsets,
    )


def get_index(tables: Any, counts: TermCounts) -> TermIndex:
    """Returns the counts' index, computing it (once per `TermCounts`) when they were made
    without one."""
    if counts.index is not None:
        return counts.index
    cached = counts.__dict__.get("_index")
    if cached is None:
        keys = ["article_id", "sentence_id"]
        groups = counts.tokens.reset_index(drop=True).groupby(keys, sort=False).indices
        rows = [
            groups[(a, int(i))]
            for a, i in zip(counts.units.article_id, counts.units.sentence_id, strict=True)
        ]
        cached = index_terms(counts.units, counts.matrix, tables.sentences, rows)
        object.__setattr__(counts, "_index", cached)  # frozen: set once, never changed
    return cached


def list_terms(tokens: pd.DataFrame) -> list[tuple[str, int, int]]:
    """Returns the terms of a run of tokens, with where each occurs.

    Args:
        tokens: `style.classify_tokens` rows of one sentence, in text order.

    Returns:
        (term, start, end) for every content lemma of the writer's words, every entity mention
        (as the entity's name: "Mr. Obama" and "Barack Obama" are one term), then every two-word
        phrase (two content lemmas next to each other in one run, the first joined to the second:
        `tokens.joins_next`); house style (`style.STYLE_ROLES`) is left out. Offsets point into
        `articles.body`.
    """
    return find_terms(*(tokens[c].tolist() for c in TERM_COLUMNS))


#: The token columns `find_terms` reads, in its argument order.
TERM_COLUMNS = ("lemma", "content", "start", "end", "run", "joins", "role", "mention", "entity")


def find_terms(
    lemma: list[str],
    content: list[bool],
    start: list[int],
    end: list[int],
    run: list[int],
    joins: list[bool],
    role: list[str],
    mention: list[int],
    entity: list[str],
) -> list[tuple[str, int, int]]:
    """`list_terms` on plain columns of one sentence's tokens."""
    word = [content[i] and role[i] == WORD for i in range(len(lemma))]
    out = [(lemma[i], start[i], end[i]) for i in range(len(lemma)) if word[i]]
    i = 0
    while i < len(lemma):
        if role[i] != ENTITY:
            i += 1
            continue
        j = i
        while j + 1 < len(lemma) and role[j + 1] == ENTITY and mention[j + 1] == mention[i]:
            j += 1
        out.append((entity[i], start[i], end[j]))
        i = j + 1
    out += [
        (f"{lemma[i]} {lemma[i + 1]}", start[i], end[i + 1])
        for i in range(len(lemma) - 1)
        if word[i] and word[i + 1] and run[i] == run[i + 1] and joins[i]
    ]
    return out


def count_terms(tables: Any, *, part: str = "all") -> TermCounts:
    """Counts the terms of every sentence of the corpus.

    Args:
        tables: The built `Tables`.
        part: "all" words, the "reporter"'s own (outside quotes) or "quotes" only.

    Returns:
        The counts (sparse), with the sentences and tokens they come from (`tokens` labelled by
        `style.classify_tokens`: its house style rows are what `style.tabulate_house_style`
        lists) and their `index_terms` (what a filter only selects from).
    """
    from sklearn.feature_extraction.text import CountVectorizer

    tokens = select_part(tabulate_tokens(tables.docs, tables.sentences, tables.quotes), part)
    tokens = classify_tokens(tables, tokens)
    keys = ["article_id", "sentence_id"]
    columns = [tokens[c].tolist() for c in TERM_COLUMNS]
    rows_of: dict[tuple[str, int], list[int]] = {}  # a sentence's token rows, first seen first
    ids = zip(tokens.article_id.tolist(), tokens.sentence_id.tolist(), strict=True)
    for i, key in enumerate(ids):
        rows_of.setdefault(key, []).append(i)
    units = pd.DataFrame([(str(a), int(s)) for a, s in rows_of], columns=keys)
    outlet = dict(zip(tables.articles.article_id, tables.articles.outlet, strict=True))
    units["outlet"] = units.article_id.map(outlet)
    docs = [
        [t for t, _s, _e in find_terms(*([column[i] for i in rows] for column in columns))]
        for rows in rows_of.values()
    ]
    vectorizer = CountVectorizer(analyzer=lambda terms: terms, lowercase=False)
    if any(docs):
        matrix = vectorizer.fit_transform(docs).tocsr()
        terms = vectorizer.get_feature_names_out()
    else:
        matrix, terms = np.zeros((len(docs), 0), dtype=np.int64), np.array([], dtype=str)
    index = index_terms(units, matrix, tables.sentences, list(rows_of.values()))
    return TermCounts(check_part(part), units, matrix, np.asarray(terms), tokens, index)


def reuse_counts(tables: Any, counts: TermCounts | None, part: str) -> TermCounts:
    return counts if counts is not None and counts.part == part else count_terms(tables, part=part)
