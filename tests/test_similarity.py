"""Similarity and link kinds, fast paths against their slow definitions: scikit-learn's
`TfidfVectorizer`, difflib's `SequenceMatcher`, and blocking's documented reach."""

from __future__ import annotations

import difflib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from analysis.overlap import candidates as similarity
from analysis.overlap import link_kinds
from analysis.text.lexicon import words

TEXTS = [
    "The mayor said the new bridge over the river will open in the spring.",
    "The new bridge over the river will open in spring, the mayor said.",
    "“The bridge will open,” the mayor said.",
    "The bridge will open",  # a quote view: not among the texts fitted on
    "It is what it is.",  # only stop words
    "Łódź   and\tKraków\u00a0signed, naïvely — 3-5 times!",
    "The mayor said the new bridge over the river will open in the spring.",  # a duplicate
]


def reference_vectors(texts: list[str], fit_on: list[str]) -> sparse.csr_matrix:
    """What `vectorize` computed before it was made fast: two fitted TfidfVectorizers."""
    word = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    parts = [v.fit(fit_on).transform(texts) for v in (word, char)]
    return (sparse.hstack(parts, format="csr") / np.sqrt(2)).tocsr()


def test_vectors_are_scikit_learns_tfidf() -> None:
    fit_on = [t for k, t in enumerate(TEXTS) if k != 3]
    fast = similarity.vectorize(TEXTS, fit_on=fit_on)
    slow = reference_vectors(TEXTS, fit_on)
    assert fast.shape == slow.shape
    assert abs(fast - slow).max() < 1e-12
    # the two copies of the first text are one vector, and its similarity to itself is 1
    assert (fast[0] != fast[6]).nnz == 0
    assert (fast[0] @ fast[0].T).toarray()[0, 0] == pytest.approx(1.0)


def common_subsequence(a: list[str], b: list[str]) -> int:
    """The textbook dynamic programme for the longest common subsequence."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for x in range(len(a)):
        for y in range(len(b)):
            same = table[x][y] + 1 if a[x] == b[y] else 0
            table[x + 1][y + 1] = max(same, table[x][y + 1], table[x + 1][y])
    return table[len(a)][len(b)]


def reference_kind(a: str, b: str) -> tuple[str, int]:
    """`classify` by its definition (docs/overlap.md, step 5), slowly: the run from difflib."""
    wa, wb = words(a), words(b)
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    run = matcher.find_longest_match(0, len(wa), 0, len(wb)).size
    shorter = max(min(len(wa), len(wb)), 1)
    ratio = 2 * common_subsequence(wa, wb) / (len(wa) + len(wb)) if wa or wb else 1.0
    if run >= 0.8 * shorter:
        return "verbatim", run
    if ratio >= 0.6 or run >= 0.5 * shorter:
        return "near_verbatim", run
    return "paraphrase", run


def test_link_kinds_by_hand() -> None:
    a = "The new bridge over the river will open in the spring, the mayor said."
    # the shorter text's 11 words are one run of the longer: verbatim
    assert link_kinds.classify(a, "The new bridge over the river will open in the spring.") == (
        "verbatim",
        11,
    )
    # reordered clauses: the run "the new bridge over the river will open" is 8 of the
    # shorter text's 11 words, at least half but under 80 %
    assert link_kinds.classify(a, "The mayor said the new bridge over the river will open.") == (
        "near_verbatim",
        8,
    )
    assert link_kinds.classify(a, "Farmers protested against the tariff on Tuesday.") == (
        "paraphrase",
        1,
    )
    assert link_kinds.classify("", "") == reference_kind("", "")


VOCABULARY = st.sampled_from("the a bridge river mayor said open spring new will over".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(VOCABULARY, max_size=30), st.lists(VOCABULARY, max_size=30))))
def test_batched_kinds_equal_their_definition(pairs: list[tuple[list[str], list[str]]]) -> None:
    texts = [(" ".join(a), " ".join(b)) for a, b in pairs]
    assert link_kinds.Wording().classify(texts) == [reference_kind(a, b) for a, b in texts]


def test_longest_runs_of_many_pairs() -> None:
    rng = np.random.default_rng(0)
    a = [rng.integers(0, 4, rng.integers(0, 60)) for _ in range(3000)]
    b = [rng.integers(0, 4, rng.integers(0, 60)) for _ in range(3000)]
    runs = link_kinds.longest_runs(a, b)
    for x, y, run in zip(
        a[:300] + a[-300:], b[:300] + b[-300:], [*runs[:300], *runs[-300:]], strict=True
    ):
        matcher = difflib.SequenceMatcher(None, x.tolist(), y.tolist(), autojunk=False)
        assert run == matcher.find_longest_match(0, len(x), 0, len(y)).size


def test_blocking_pairs_identical_texts_however_common(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(similarity, "BLOCK_POSTINGS", 2)
    texts = ["The bridge over the river will open in spring."] * 4 + [
        "The river bridge will open.",
        "Farmers protested against the tariff.",
    ]
    i, j = similarity.block_pairs(texts)
    pairs = set(zip(i.tolist(), j.tolist(), strict=True))
    # the four copies pair up although each of their terms is in more than 2 texts
    assert {(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)} <= pairs
    # what blocking misses (docs/scale.md): "The river bridge will open." shares only words
    # found in more than BLOCK_POSTINGS texts with the copies, so it is never scored with them
    assert not any(4 in pair for pair in pairs)
    vectors = similarity.vectorize(texts, fit_on=texts)
    assert (vectors[0] @ vectors[4].T).toarray()[0, 0] > 0.4  # it would link


def test_blocking_pairs_a_shared_rare_bigram_or_two_rare_words() -> None:
    texts = [
        "Farmers protested against the tariff outside the ministry on Tuesday.",
        "Outside the ministry, farmers protested on Tuesday against the tariff.",
        "A quiet library reopened after two years of repairs.",
        "The library said repairs cost more than expected.",
        "Tuesday was quiet.",
    ]
    i, j = similarity.block_pairs(texts)
    # (0, 1) share bigrams; (2, 3) two words ("library", "repairs"); "Tuesday was quiet."
    # shares only one word with anything
    assert sorted(zip(i.tolist(), j.tolist(), strict=True)) == [(0, 1), (2, 3)]


def test_lookups_after_storing_match_the_product() -> None:
    texts = TEXTS[:3] + TEXTS[5:]
    vectors = similarity.vectorize(texts, fit_on=texts)
    owner = np.array([0, 0, 1, 2, 3])  # sentence 0 has two views (rows 0 and 1)
    sim = similarity.Similarity(vectors, owner)
    sim.store(*similarity.find_candidates(vectors, texts, threshold=0.3))
    dense = (vectors @ vectors.T).toarray()
    assert sim[0, 1] == pytest.approx(max(dense[0, 2], dense[1, 2]))
    assert sim[3, 2] == pytest.approx(dense[4, 3])
    block = sim[np.ix_([0, 1], [2, 3])]
    expected = [[max(dense[0, 3], dense[1, 3]), dense[0, 4]], [dense[2, 3], dense[2, 4]]]
    np.testing.assert_allclose(block, expected)
