"""Sentence similarity without a sentence × sentence matrix: vectors, candidate pairs, lookups.

The similarity of two texts is the mean of two TF-IDF cosines (word 1–2-grams and character
3–5-grams, docs/overlap.md). Each text becomes one sparse vector, the two TF-IDF vectors side by
side each scaled by 1/√2, so that the dot product of two vectors is that mean. Only candidate
pairs are scored up front (`find_candidates`):

- up to `EXACT_LIMIT` texts, every pair, a block of rows at a time (exact);
- beyond it, pairs that MinHash LSH (datasketch) finds sharing at least `LSH_THRESHOLD` of their
  content words (Jaccard), so the cost grows with the number of similar pairs, not with n².

What blocking can miss is in docs/scale.md. Any other pair is computed when asked for
(`Similarity.__getitem__`), so the statement guard and labels see exact values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from scipy import sparse

from .lexicon import words

#: Up to this many texts every pair is scored; beyond it, candidates come from MinHash LSH.
EXACT_LIMIT = 4000
#: Rows per block when scoring every pair (bounds memory to EXACT_BLOCK × n floats).
EXACT_BLOCK = 512
#: Jaccard similarity of content-word sets at which LSH proposes a pair.
LSH_THRESHOLD = 0.15
LSH_PERMUTATIONS = 64


def vectorize(texts: Sequence[str], *, fit_on: Sequence[str]) -> sparse.csr_matrix:
    """Returns one row per text whose dot products are the texts' similarities.

    Args:
        texts: The texts to vectorise.
        fit_on: The texts the TF-IDF weights are fitted on (the sentences' comparison texts).

    Returns:
        A CSR matrix: word 1–2-gram and character 3–5-gram TF-IDF, each L2-normalised and scaled
        by 1/√2, side by side.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    parts = []
    for vectorizer in (word, char):
        try:
            vectorizer.fit(fit_on)
        except ValueError:  # empty vocabulary: the texts are only stop words or no letters
            continue
        parts.append(vectorizer.transform(texts))
    if not parts:
        return sparse.csr_matrix((len(texts), 1))
    both = sparse.hstack(parts, format="csr")
    return (both / np.sqrt(2)).tocsr()


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
    else:
        i, j = _lsh_pairs(texts)
    if allowed is not None and len(i):
        keep = allowed(i, j)
        i, j = i[keep], j[keep]
    scores = score_pairs(vectors, i, j)
    keep = scores >= threshold
    return i[keep], j[keep], scores[keep]


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


def _lsh_pairs(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash, MinHashLSH
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    tokens = [
        sorted({w.encode("utf-8") for w in words(text) if w not in ENGLISH_STOP_WORDS})
        for text in texts
    ]
    hashes = MinHash.bulk(tokens, num_perm=LSH_PERMUTATIONS, seed=1)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=LSH_PERMUTATIONS)
    with lsh.insertion_session() as session:
        for k, (mine, minhash) in enumerate(zip(tokens, hashes, strict=True)):
            if mine:
                session.insert(k, minhash, check_duplication=False)
    pairs = {
        (min(k, o), max(k, o))
        for k, (mine, minhash) in enumerate(zip(tokens, hashes, strict=True))
        if mine
        for o in lsh.query(minhash)
        if o != k
    }
    array = np.array(sorted(pairs), dtype=int).reshape(-1, 2)
    return array[:, 0], array[:, 1]


class Similarity:
    """Sentence × sentence similarity, stored only for candidate pairs, computed for the others.

    Index it like a matrix: `sim[i, j]` for one pair, `sim[np.ix_(rows, cols)]` for a block
    (returned as a small dense array). Each sentence may have several texts (views); a pair's
    similarity is the highest of any view of one to any of the other.
    """

    def __init__(
        self,
        vectors: sparse.csr_matrix,
        owner: np.ndarray,
        *,
        adjust: Callable[[int, int, float], float] | None = None,
    ) -> None:
        """Holds the view vectors; `owner[v]` is the sentence of view row v; `adjust` may change
        a computed similarity (e.g. to 0 when the speaker rule says two sentences differ)."""
        self.vectors = vectors
        self.owner = owner
        self.n = int(owner.max()) + 1 if len(owner) else 0
        self.views: list[list[int]] = [[] for _ in range(self.n)]
        for row, sentence in enumerate(owner.tolist()):
            self.views[sentence].append(row)
        self.adjust = adjust
        self.known: dict[tuple[int, int], float] = {}

    @property
    def shape(self) -> tuple[int, int]:
        """Returns (n, n) for n sentences."""
        return self.n, self.n

    def store(self, i: np.ndarray, j: np.ndarray, scores: np.ndarray) -> None:
        """Records view-pair scores as sentence-pair similarities (the best per pair)."""
        owners = zip(self.owner[i].tolist(), self.owner[j].tolist(), scores.tolist(), strict=True)
        for a, b, s in owners:
            if a == b:
                continue
            key = (min(a, b), max(a, b))
            if s > self.known.get(key, -1.0):
                self.known[key] = s

    def finish(self) -> None:
        """Applies `adjust` to every stored pair."""
        if self.adjust is not None:
            self.known = {k: self.adjust(k[0], k[1], v) for k, v in self.known.items()}

    def pairs(self) -> list[tuple[int, int, float]]:
        """Returns the stored pairs (i < j) and their similarity, in (i, j) order."""
        return [(a, b, s) for (a, b), s in sorted(self.known.items())]

    def compute(self, keys: list[tuple[int, int]]) -> None:
        """Computes and records the similarity of sentence pairs (i <= j) not yet known."""
        todo = [k for k in dict.fromkeys(keys) if k not in self.known]
        if not todo:
            return
        va, vb, owner = [], [], []
        for n, (i, j) in enumerate(todo):
            for a in self.views[i]:
                for b in self.views[j]:
                    va.append(a)
                    vb.append(b)
                    owner.append(n)
        scores = score_pairs(self.vectors, np.array(va), np.array(vb))
        best = np.full(len(todo), -1.0)
        np.maximum.at(best, np.array(owner), scores)
        for (i, j), value in zip(todo, best.tolist(), strict=True):
            if self.adjust is not None and i != j:
                value = self.adjust(i, j, value)
            self.known[(i, j)] = value

    def pair(self, i: int, j: int) -> float:
        """Returns the similarity of sentences i and j."""
        key = (min(i, j), max(i, j))
        self.compute([key])
        return self.known[key]

    def __getitem__(self, index: Any) -> Any:
        rows, cols = index
        if isinstance(rows, int | np.integer) and isinstance(cols, int | np.integer):
            return self.pair(int(rows), int(cols))
        rows, cols = np.broadcast_arrays(np.asarray(rows), np.asarray(cols))
        keys = [
            (min(a, b), max(a, b))
            for a, b in zip(rows.ravel().tolist(), cols.ravel().tolist(), strict=True)
        ]
        self.compute(keys)
        return np.array([self.known[k] for k in keys], dtype=float).reshape(rows.shape)
