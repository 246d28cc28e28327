"""Kinds of links: how alike the words of two linked texts are (step 5 of `analysis.overlap`).

`classify` compares the word sequences of two texts: `verbatim` when their longest shared run of
words covers at least `VERBATIM_RUN` of the shorter one, `near_verbatim` when the sequences are
`NEAR_VERBATIM_RATIO` alike (2 × their longest common subsequence / the words of both) or the run
covers half of the shorter one, else `paraphrase`.

`Wording` classifies many pairs at once, fast: each distinct text is split into words once, each
distinct pair is classified once, the runs of all pairs are found side by side with numpy
(`longest_runs`: the length difflib's `find_longest_match` finds), and the longest common
subsequence comes from rapidfuzz (C++).
"""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import LCSseq

from ..text.lexicon import words

VERBATIM_RUN = 0.8
NEAR_VERBATIM_RATIO = 0.6


class Wording:
    """Word sequences of texts, split once per distinct text, and `classify` for many pairs at
    once (each distinct pair of texts classified once)."""

    def __init__(self) -> None:
        self.texts: dict[str, int] = {}
        self.words: list[list[str]] = []
        self.ids: list[np.ndarray] = []
        self.vocabulary: dict[str, int] = {}
        self.known: dict[tuple[int, int], tuple[str, int]] = {}

    def of(self, text: str) -> int:
        """Returns the number of a text, splitting it into words the first time."""
        number = self.texts.get(text)
        if number is None:
            number = self.texts[text] = len(self.words)
            mine = words(text)
            self.words.append(mine)
            self.ids.append(
                np.array([self.vocabulary.setdefault(w, len(self.vocabulary)) for w in mine], int)
            )
        return number

    def classify(self, pairs: list[tuple[str, str]]) -> list[tuple[str, int]]:
        """Returns `classify(a, b)` for each pair of texts."""
        return self.classify_numbers([(self.of(a), self.of(b)) for a, b in pairs])

    def classify_numbers(self, keys: list[tuple[int, int]]) -> list[tuple[str, int]]:
        """Returns `classify` for each pair of texts given by their numbers (`of`)."""
        known = self.known
        todo = [key for key in dict.fromkeys(keys) if key not in known]
        if todo:
            same = [a for a, b in todo if a == b]
            for a in same:
                known[(a, a)] = _kind(self.words[a], self.words[a], len(self.words[a]))
            todo = [(a, b) for a, b in todo if a != b]
            runs = longest_runs([self.ids[a] for a, _ in todo], [self.ids[b] for _, b in todo])
            for (a, b), run in zip(todo, runs.tolist(), strict=True):
                known[(a, b)] = _kind(self.words[a], self.words[b], run)
        return [known[key] for key in keys]

    def classify_view_numbers(
        self, pairs: list[tuple[list[int], list[int]]]
    ) -> list[tuple[str, int]]:
        """Returns, for each pair of lists of text numbers (views of two sentences), `classify`
        of the two views that are most alike and their longest shared run."""
        found = iter(self.classify_numbers([(x, y) for a, b in pairs for x in a for y in b]))
        out = []
        for a, b in pairs:
            mine = [next(found) for _ in range(len(a) * len(b))]
            out.append(max(mine, key=lambda kind: (_RANK[kind[0]], kind[1])))
        return out


_RANK = {"verbatim": 2, "near_verbatim": 1, "paraphrase": 0}


def longest_runs(a: list[np.ndarray], b: list[np.ndarray]) -> np.ndarray:
    """Returns, for each pair of sequences (a[k], b[k]) of word numbers, the length of the longest
    run they share (what difflib's `find_longest_match` finds), for many pairs at once.

    Dynamic programming over the pairs side by side: `run[p, y]` is the length of the shared run
    ending at word x of one sequence and word y of the other, one word x at a time.
    """
    out = np.zeros(len(a), dtype=np.int64)
    if not len(a):
        return out
    la, lb = np.array([len(x) for x in a]), np.array([len(y) for y in b])
    swap = la > lb  # the shorter sequence is walked word by word
    short = [y if s else x for x, y, s in zip(a, b, swap.tolist(), strict=True)]
    long = [x if s else y for x, y, s in zip(a, b, swap.tolist(), strict=True)]
    ls, ll = np.minimum(la, lb), np.maximum(la, lb)
    todo = np.flatnonzero(ls > 0)
    todo = todo[np.argsort(ll[todo], kind="stable")]
    step = 2048
    for start in range(0, len(todo), step):
        chunk = todo[start : start + step]
        rows, width = len(chunk), int(ll[chunk].max())
        first = _padded([short[k] for k in chunk.tolist()], int(ls[chunk].max()), -1)
        second = _padded([long[k] for k in chunk.tolist()], width, -2)
        run = np.zeros((rows, width + 1), dtype=np.int32)
        best = np.zeros((rows, width + 1), dtype=np.int32)
        for x in range(first.shape[1]):
            nxt = np.zeros_like(run)
            np.add(run[:, :-1], 1, out=nxt[:, 1:])
            nxt[:, 1:] *= first[:, x, None] == second
            np.maximum(best, nxt, out=best)
            run = nxt
        out[chunk] = best.max(axis=1)
    return out


def _padded(sequences: list[np.ndarray], width: int, pad: int) -> np.ndarray:
    lengths = np.array([len(x) for x in sequences])
    out = np.full((len(sequences), width), pad, dtype=np.int64)
    rows = np.repeat(np.arange(len(sequences)), lengths)
    cols = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    out[rows, cols] = np.concatenate(sequences)
    return out


def _kind(wa: list[str], wb: list[str], run: int) -> tuple[str, int]:
    """Returns `classify`'s answer given the word lists and their longest shared run."""
    shorter = max(min(len(wa), len(wb)), 1)
    if run >= VERBATIM_RUN * shorter:
        return "verbatim", run
    if run >= 0.5 * shorter:
        return "near_verbatim", run
    # How alike the word sequences are: 2 × (words in common, in order) / (words of both), with
    # the longest common subsequence (rapidfuzz, C++) — difflib's ratio counts the words of its
    # matching blocks instead, a common subsequence found greedily, so it can be lower; on the
    # seed corpus and a generated 200-article one the two never disagreed on this bar
    # (docs/overlap.md).
    common = LCSseq.similarity(wa, wb)
    ratio = 2.0 * common / (len(wa) + len(wb)) if wa or wb else 1.0
    return ("near_verbatim" if ratio >= NEAR_VERBATIM_RATIO else "paraphrase"), run


def classify(a: str, b: str) -> tuple[str, int]:
    """Returns the kind of a link and the length (in words) of the longest shared run.

    `verbatim` when the run covers at least `VERBATIM_RUN` of the shorter text's words,
    `near_verbatim` when the word sequences are `NEAR_VERBATIM_RATIO` alike (module docstring)
    or the run covers half of the shorter text, else `paraphrase`.
    """
    return Wording().classify([(a, b)])[0]


def classify_link_numbers(
    wording: Wording, links: list[tuple[int, int, list[int], list[int]]]
) -> list[tuple[str, int]]:
    """Returns the kind of each link between two whole sentences, and its longest shared run, for
    many links given by text numbers (`Wording.of`): each link is (sentence a, sentence b, the
    views of a, the views of b), a view being what a sentence is compared by (its text or its
    quoted words, then its long quotes).

    A link's kind is `classify` of the whole sentences (of their quoted words where these make
    up most of each), except that two sentences that are not (near) verbatim alike but share a
    (near) verbatim quote are `shared_quote`; the run is the longest of the sentences' or of
    their best-matching views.
    """
    out = wording.classify_numbers([(a, b) for a, b, _, _ in links])
    rest = [k for k, (kind, _) in enumerate(out) if kind == "paraphrase"]
    mains = wording.classify_numbers([(links[k][2][0], links[k][3][0]) for k in rest])
    last = []
    for k, main in zip(rest, mains, strict=True):
        if main[0] != "paraphrase":  # the quoted words where they make up most of each
            out[k] = main
        else:
            last.append(k)
    best = wording.classify_view_numbers([(links[k][2], links[k][3]) for k in last])
    for k, (kind, run) in zip(last, best, strict=True):
        out[k] = ("shared_quote" if kind != "paraphrase" else "paraphrase"), max(out[k][1], run)
    return out
