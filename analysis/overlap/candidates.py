"""Sentence similarity without a sentence × sentence matrix: vectors, candidate pairs, lookups.

The similarity of two texts is the mean of two TF-IDF cosines (word 1–2-grams and character
3–5-grams, docs/overlap.md). Each text becomes one sparse vector, the two TF-IDF vectors side by
side each scaled by 1/√2, so that the dot product of two vectors is that mean. Only candidate
pairs are scored up front (`find_candidates`):

- up to `EXACT_LIMIT` texts, every pair, a block of rows at a time (exact);
- beyond it, **blocking** on rare terms: pairs of identical texts, and pairs that share a word
  bigram, or `BLOCK_WORDS` content words, found in at most `BLOCK_POSTINGS` texts (a sparse
  product of those terms' postings, at most `BLOCK_POSTINGS` pairs per posting), so the cost
  grows with the number of texts and of similar pairs, not with n².

What blocking can miss is in docs/scale.md. Any other pair is computed when asked for
(`Similarity.__getitem__`), so the statement guard and labels see exact values.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from scipy import sparse

#: Up to this many texts every pair is scored; beyond it, candidates come from blocking.
EXACT_LIMIT = 1000
#: Rows per block when scoring every pair (bounds memory to EXACT_BLOCK × n floats).
EXACT_BLOCK = 512
#: Blocking: a term found in more texts than this proposes no pairs (a term found in k texts
#: would propose k² / 2 of them).
BLOCK_POSTINGS = 250
#: Blocking: two texts are a candidate pair when they share a rare word bigram, or this many
#: rare content words.
BLOCK_WORDS = 2


def vectorize(texts: Sequence[str], *, fit_on: Sequence[str]) -> sparse.csr_matrix:
    """Returns one row per text whose dot products are the texts' similarities.

    The same vectors as scikit-learn's `TfidfVectorizer` fitted on `fit_on` (the tests compare
    them), computed faster: each distinct text is analysed once, and the character n-grams of a
    text are the sum of those of its words (`char_wb` n-grams never cross a space), so each
    distinct word is analysed once.

    Args:
        texts: The texts to vectorise.
        fit_on: The texts the TF-IDF weights are fitted on (the sentences' comparison texts).

    Returns:
        A CSR matrix: word 1–2-gram and character 3–5-gram TF-IDF, each L2-normalised and scaled
        by 1/√2, side by side.
    """
    unique = list(dict.fromkeys([*fit_on, *texts]))
    index = {text: k for k, text in enumerate(unique)}
    fitted = np.bincount([index[t] for t in fit_on], minlength=len(unique)).astype(float)
    parts = []
    for counts in (_word_counts(unique), _char_counts(unique)):
        if counts is not None and (part := _tfidf(counts, fitted)) is not None:
            parts.append(part)
    if not parts:
        return sparse.csr_matrix((len(texts), 1))
    both = sparse.hstack(parts, format="csr")
    return (both / np.sqrt(2)).tocsr()[[index[t] for t in texts]]


def vectorize_groups(
    texts: Sequence[str],
    groups: Sequence[int],
    *,
    fit_on: Sequence[str],
    fit_groups: Sequence[int],
) -> sparse.csr_matrix:
    """Returns one row per text, each group's vectors fitted on its own texts (a story's
    sentences) and in columns of its own, so that texts of different groups score 0.

    The dot products within a group are those of `vectorize(group's texts, fit_on=group's
    fit_on)` (the tests compare them), but every distinct text is analysed once for all groups.

    Args:
        texts: The texts to vectorise.
        groups: Each text's group; a negative group gets an empty row (nothing to compare).
        fit_on: The texts the TF-IDF weights are fitted on.
        fit_groups: Each of those texts' group.

    Returns:
        A CSR matrix with a row per text (word and character TF-IDF as in `vectorize`).
    """
    fitted_keys = list(zip(fit_groups, fit_on, strict=True))
    text_keys = list(zip(groups, texts, strict=True))
    keys = list(dict.fromkeys([*fitted_keys, *text_keys]))
    key_index = {key: k for k, key in enumerate(keys)}
    distinct = list(dict.fromkeys(text for _, text in keys))
    text_index = {text: k for k, text in enumerate(distinct)}
    key_group = np.array([group for group, _ in keys], dtype=np.int64)
    key_text = np.array([text_index[text] for _, text in keys], dtype=np.int64)
    fitted = np.bincount([key_index[key] for key in fitted_keys], minlength=len(keys)).astype(float)
    counts = [c for c in (_word_counts(distinct), _char_counts(distinct)) if c is not None]
    order = np.argsort(key_group, kind="stable")
    numbers, first = np.unique(key_group[order], return_index=True)
    bounds = [*first.tolist(), len(keys)]
    blocks = []
    for k, number in enumerate(numbers.tolist()):
        rows = order[bounds[k] : bounds[k + 1]]
        parts = []
        if number >= 0:
            for c in counts:
                if (part := _tfidf(c[key_text[rows]], fitted[rows])) is not None:
                    parts.append(part)
        if parts:
            blocks.append((sparse.hstack(parts, format="csr") / np.sqrt(2)).tocsr())
        else:
            blocks.append(sparse.csr_matrix((len(rows), 1)))
    if not blocks:
        return sparse.csr_matrix((len(texts), 1))
    stacked = sparse.block_diag(blocks, format="csr")
    position = np.empty(len(keys), dtype=np.int64)
    position[order] = np.arange(len(keys))
    return stacked[position[[key_index[key] for key in text_keys]]]


def _tfidf(counts: sparse.csr_matrix, fitted: np.ndarray) -> sparse.csr_matrix | None:
    """Returns what scikit-learn's `TfidfTransformer(sublinear_tf=True)` makes of `counts` (one
    row per distinct text) when fitted on the texts `fitted` times each, in the vocabulary of
    those texts; None when that is empty. The same operations in the same order, without
    repeating the rows of texts fitted on more than once."""
    from sklearn.preprocessing import normalize

    counts.sort_indices()
    row = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    df: np.ndarray = np.bincount(counts.indices, weights=fitted[row], minlength=counts.shape[1])
    seen = df > 0
    if not seen.any():
        return None
    df = df + 1.0  # smoothing, as scikit-learn does
    idf: np.ndarray = np.full(len(df), fitted.sum() + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    keep = seen[counts.indices]
    data, columns = counts.data[keep].astype(np.float64), counts.indices[keep]
    np.log(data, out=data)
    data += 1.0
    data *= idf[columns]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row[keep], minlength=counts.shape[0]))])
    shape = (counts.shape[0], int(seen.sum()))
    matrix = sparse.csr_matrix((data, (np.cumsum(seen) - 1)[columns], indptr), shape=shape)
    return normalize(matrix, norm="l2", copy=False)


def _word_counts(texts: list[str]) -> sparse.csr_matrix | None:
    order = sorted(range(len(texts)), key=texts.__getitem__)
    counts, _ = _word_terms(tuple(texts[k] for k in order))
    if counts is None:
        return None
    return counts[np.argsort(order)]


@functools.lru_cache(maxsize=1)
def _word_terms(texts: tuple[str, ...]) -> tuple[sparse.csr_matrix | None, np.ndarray]:
    """Returns the word 1–2-gram counts of sorted distinct texts, and which terms are bigrams.

    Kept for the last texts: `vectorize` and blocking ask for the same ones in one build.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    try:
        vectorizer = CountVectorizer(ngram_range=(1, 2), stop_words="english")
        counts = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # empty vocabulary: the texts are only stop words or no letters
        return None, np.zeros(0, dtype=bool)
    return counts, np.array([" " in term for term in vectorizer.get_feature_names_out()])


def _char_counts(texts: list[str]) -> sparse.csr_matrix | None:
    from sklearn.feature_extraction.text import CountVectorizer

    vocabulary: dict[str, int] = {}
    ids: list[int] = []
    lengths = []
    for text in texts:
        tokens = text.lower().split()  # what the `char_wb` analyser splits a text into
        lengths.append(len(tokens))
        ids.extend(vocabulary.setdefault(token, len(vocabulary)) for token in tokens)
    if not vocabulary:
        return None
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    text_words = sparse.csr_matrix(
        (np.ones(len(ids), np.int64), np.array(ids, dtype=np.int64), indptr),
        shape=(len(texts), len(vocabulary)),
    )
    grams = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform(list(vocabulary))
    return (text_words @ grams).tocsr()


def find_candidates(
    vectors: sparse.csr_matrix,
    texts: Sequence[str],
    *,
    threshold: float,
    allowed: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores the pairs of texts that may reach `threshold` (see the module docstring).

    Args:
        vectors: `vectorize(texts)`.
        texts: The texts.
        threshold: Pairs scoring below it are left out.
        allowed: Given arrays of row pairs (i < j), says which may be compared at all (e.g.
            texts of different articles within a date window).

    Returns:
        Arrays i, j (i < j) and their scores, for pairs reaching `threshold`.
    """
    n = vectors.shape[0]
    if n <= EXACT_LIMIT:
        found = [_exact_block(vectors, start, threshold) for start in range(0, n, EXACT_BLOCK)]
        i = np.concatenate([f[0] for f in found]) if found else np.zeros(0, int)
        j = np.concatenate([f[1] for f in found]) if found else np.zeros(0, int)
        if allowed is not None and len(i):
            keep = allowed(i, j)
            i, j = i[keep], j[keep]
        scores = score_pairs(vectors, i, j)
    else:
        # Identical texts have identical vectors: each pair of distinct texts is scored once.
        distinct, rows = _distinct(texts)
        first = np.full(len(distinct), n)
        np.minimum.at(first, rows, np.arange(n))
        p, q = _block_distinct(distinct, rows)
        scores = score_pairs(vectors, first[p], first[q])
        keep = scores >= threshold
        i, j, at = _expand(rows, p[keep], q[keep])
        scores = scores[keep][at]
        if allowed is not None and len(i):
            keep = allowed(i, j)
            i, j, scores = i[keep], j[keep], scores[keep]
    keep = scores >= threshold
    return i[keep], j[keep], scores[keep]


def block_pairs(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Returns the candidate pairs of texts that blocking proposes (module docstring).

    Returns:
        Arrays i, j (i < j).
    """
    distinct, rows = _distinct(texts)
    i, j, _ = _expand(rows, *_block_distinct(distinct, rows))
    return i, j


def _distinct(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Returns the distinct texts and, per text, the number of its distinct text."""
    index: dict[str, int] = {}
    rows = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.int64)
    return list(index), rows


def _block_distinct(distinct: list[str], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Returns pairs p <= q of distinct texts that blocking proposes (p == q: a text found more
    than once); a term's postings count every text, copies included."""
    copies = np.bincount(rows, minlength=len(distinct))
    pairs = [np.flatnonzero(copies > 1) * (len(distinct) + 1)]  # identical texts, however common
    order = sorted(range(len(distinct)), key=distinct.__getitem__)
    counts, bigram = _word_terms(tuple(distinct[k] for k in order))
    if counts is not None:
        terms = (counts[np.argsort(order)] > 0).astype(np.int64).tocsc()
        rare = np.asarray(terms.T @ copies).ravel() <= BLOCK_POSTINGS
        for columns, at_least in ((rare & bigram, 1), (rare & ~bigram, BLOCK_WORDS)):
            some = terms[:, np.flatnonzero(columns)].tocsr()
            for start in range(0, some.shape[0], EXACT_BLOCK * 4):  # bounds the product's memory
                product = (some[start : start + EXACT_BLOCK * 4] @ some.T).tocoo()
                row = product.row.astype(np.int64) + start
                keep = (product.data >= at_least) & (row < product.col)
                pairs.append(row[keep] * len(distinct) + product.col[keep])
    keys = np.unique(np.concatenate(pairs))
    return keys // len(distinct), keys % len(distinct)


def _expand(
    rows: np.ndarray, p: np.ndarray, q: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Returns the pairs of texts (i < j) whose distinct texts are a pair (p[k], q[k]), and k."""
    order = np.argsort(rows, kind="stable")  # texts, distinct text by distinct text
    count = np.bincount(rows, minlength=int(rows.max()) + 1 if len(rows) else 0)
    start = np.cumsum(count) - count
    sizes = count[p] * count[q]
    at = np.repeat(np.arange(len(p)), sizes)
    k = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    a = order[start[p][at] + k // count[q][at]]
    b = order[start[q][at] + k % count[q][at]]
    keep = a < b if len(a) else np.zeros(0, dtype=bool)
    keep |= (p[at] != q[at]) & (a > b)
    a, b, at = a[keep], b[keep], at[keep]
    return np.minimum(a, b), np.maximum(a, b), at


def score_pairs(vectors: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Returns the similarity of each pair of rows (i[k], j[k])."""
    if len(i) == 0:
        return np.zeros(0)
    out = np.empty(len(i))
    step = 5_000  # bounds the memory of the row copies (~300 values per row)
    for start in range(0, len(i), step):
        a, b = vectors[i[start : start + step]], vectors[j[start : start + step]]
        out[start : start + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _exact_block(
    vectors: sparse.csr_matrix, start: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    block = (vectors[start : start + EXACT_BLOCK] @ vectors.T).tocoo()
    rows, cols = block.row + start, block.col
    keep = (block.data >= threshold * 0.999) & (rows < cols)
    return rows[keep].astype(int), cols[keep].astype(int)


class Similarity:
    """Sentence × sentence similarity, stored only for candidate pairs, computed for the others.

    Index it like a matrix: `sim[i, j]` for one pair, `sim[np.ix_(rows, cols)]` for a block
    (returned as a small dense array). Each sentence may have several texts (views); a pair's
    similarity is the highest of any view of one to any of the other. Stored pairs are kept in
    sorted arrays (looked up with `np.searchsorted`), pairs computed when asked for in a dict.
    """

    def __init__(
        self,
        vectors: sparse.csr_matrix,
        owner: np.ndarray,
        *,
        adjust: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] | None = None,
    ) -> None:
        """Holds the view vectors; `owner[v]` is the sentence of view row v; `adjust` may change
        computed similarities, given arrays of sentence pairs (i, j) and their values (e.g. to 0
        where the speaker rule says two sentences differ)."""
        self.vectors = vectors
        self.owner = np.asarray(owner, dtype=np.int64)
        self.n = int(self.owner.max()) + 1 if len(self.owner) else 0
        self.order = np.argsort(self.owner, kind="stable")  # view rows, sentence by sentence
        self.count = np.bincount(self.owner, minlength=self.n)
        self.start = np.cumsum(self.count) - self.count
        self.adjust = adjust
        self.keys = np.zeros(0, dtype=np.int64)  # i * n + j (i < j), sorted
        self.values = np.zeros(0)
        self.extra: dict[int, float] = {}
        #: What the caller may keep with the scores (overlap keeps its comparison texts).
        self.context: Any = None

    @property
    def shape(self) -> tuple[int, int]:
        """Returns (n, n) for n sentences."""
        return self.n, self.n

    def store(self, i: np.ndarray, j: np.ndarray, scores: np.ndarray) -> None:
        """Records view-pair scores as sentence-pair similarities (the best per pair)."""
        a, b = self.owner[np.asarray(i, dtype=np.int64)], self.owner[np.asarray(j, dtype=np.int64)]
        keep = a != b
        keys = np.minimum(a, b)[keep] * self.n + np.maximum(a, b)[keep]
        keys = np.concatenate([self.keys, keys])
        values = np.concatenate([self.values, np.asarray(scores, dtype=float)[keep]])
        order = np.lexsort((-values, keys))
        keys, values = keys[order], values[order]
        first = np.ones(len(keys), dtype=bool)
        first[1:] = keys[1:] != keys[:-1]
        self.keys, self.values = keys[first], values[first]

    def finish(self) -> None:
        """Applies `adjust` to every stored pair."""
        if self.adjust is not None and len(self.keys):
            self.values = self.adjust(self.keys // self.n, self.keys % self.n, self.values)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Returns the stored pairs as arrays i, j (i < j) and their similarity, in (i, j) order."""
        return self.keys // self.n, self.keys % self.n, self.values

    def pairs(self) -> list[tuple[int, int, float]]:
        """Returns the stored pairs (i < j) and their similarity, in (i, j) order."""
        i, j, values = self.arrays()
        return list(zip(i.tolist(), j.tolist(), values.tolist(), strict=True))

    def lookup(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Returns the similarity of each sentence pair (i[k], j[k]), computing the unknown."""
        i, j = np.asarray(i, dtype=np.int64).ravel(), np.asarray(j, dtype=np.int64).ravel()
        keys = np.minimum(i, j) * self.n + np.maximum(i, j)
        out = np.empty(len(keys))
        at = np.minimum(np.searchsorted(self.keys, keys), max(len(self.keys) - 1, 0))
        stored = self.keys[at] == keys if len(self.keys) else np.zeros(len(keys), dtype=bool)
        out[stored] = self.values[at[stored]]
        missing = np.flatnonzero(~stored)
        if len(missing):
            wanted = keys[missing].tolist()
            self._compute([k for k in dict.fromkeys(wanted) if k not in self.extra])
            out[missing] = [self.extra[k] for k in wanted]
        return out

    def _compute(self, keys: list[int]) -> None:
        if not keys:
            return
        array = np.array(keys, dtype=np.int64)
        i, j = array // self.n, array % self.n
        ci, cj = self.count[i], self.count[j]
        sizes = ci * cj  # every view of one against every view of the other
        pair = np.repeat(np.arange(len(array)), sizes)
        k = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        va = self.order[self.start[i][pair] + k // cj[pair]]
        vb = self.order[self.start[j][pair] + k % cj[pair]]
        best = np.full(len(array), -1.0)
        np.maximum.at(best, pair, score_pairs(self.vectors, va, vb))
        other = i != j
        if self.adjust is not None and other.any():
            best[other] = self.adjust(i[other], j[other], best[other])
        self.extra.update(zip(keys, best.tolist(), strict=True))

    def pair(self, i: int, j: int) -> float:
        """Returns the similarity of sentences i and j."""
        return float(self.lookup(np.array([i]), np.array([j]))[0])

    def __getitem__(self, index: Any) -> Any:
        rows, cols = index
        if isinstance(rows, int | np.integer) and isinstance(cols, int | np.integer):
            return self.pair(int(rows), int(cols))
        rows, cols = np.broadcast_arrays(np.asarray(rows), np.asarray(cols))
        return self.lookup(rows, cols).reshape(rows.shape)
