"""Text evidence of paraphrase links and a classifier learned from judged pairs (off CI; issue 22).

A `paraphrase` link joins two sentences that share words but no long run of them; on real
articles most of them say different things about the same people (docs/overlap.md). This module
measures, for each link, what `find_links` already has for its two sentences
(`measure_evidence`, no parse needed): the link's score and longest shared run, the content words
both carry (count, Jaccard, share of the shorter sentence's), weighted by how rare they are in
general English (wordfreq) and within the story's own sentences, the capitalised words (names)
and numbers both carry, numbers only one carries, how much of either sentence is quoted, the
sentences' lengths and positions in their articles.

`score_paraphrase.py` adds the parse evidence of its own rules and learns a classifier on the
judged pairs (`fit_model`, `predict_held_out`, `choose_threshold`): a threshold is only ever
chosen on predictions for corpora the model was not fitted on (leave one corpus out).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

#: The evidence columns `measure_evidence` returns, in this order.
FEATURES = (
    "score",
    "shared_run",
    "shared_words",
    "jaccard",
    "cover",
    "rarity_general",
    "rarity_story",
    "shared_names",
    "shared_numbers",
    "other_numbers",
    "quoted_max",
    "length_min",
    "length_ratio",
    "position_min",
    "position_max",
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d")


class Sentence(NamedTuple):
    """What `measure_evidence` reads from one sentence."""

    words: frozenset[str]  # content words (stems), names left out
    names: frozenset[str]  # capitalised words not first in the sentence, lowercased
    numbers: frozenset[str]  # numbers, years left out
    length: int  # words
    quoted: float  # share of its characters inside a direct or partial quote
    position: float  # 0 for an article's first sentence, 1 for its last


@functools.cache
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def stem(word: str) -> str:
    """Returns a crude stem of a lowercase word: a plural, `-ed` or `-ing` ending dropped."""
    word = word.replace("’", "'").removesuffix("'s").strip("'-")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for ending, keep in (("ing", 4), ("ed", 4), ("es", 4), ("s", 3)):
        if word.endswith(ending) and len(word) - len(ending) >= keep and not word.endswith("ss"):
            return word[: -len(ending)]
    return word


def read_sentence(text: str, *, quoted: float = 0.0, position: float = 0.0) -> Sentence:
    """Returns the words, names and numbers of one sentence (see `Sentence`)."""
    stops = _stop_words()
    words: set[str] = set()
    names: set[str] = set()
    numbers: set[str] = set()
    tokens = _TOKEN.findall(text)
    for k, token in enumerate(tokens):
        if token[0].isdigit():
            value = token.replace(",", "").rstrip(".")
            if not (len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2100):
                numbers.add(value)
            continue
        lower = token.lower()
        if k > 0 and token[0].isupper():
            names.add(stem(lower))
        elif len(lower) >= 3 and lower not in stops:
            words.add(stem(lower))
    return Sentence(
        frozenset(words - names),
        frozenset(names),
        frozenset(numbers),
        len(tokens),
        quoted,
        position,
    )


@functools.cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _quoted_shares(sentences: pd.DataFrame, quotes: pd.DataFrame) -> np.ndarray:
    """Returns, per sentence row, the share of its characters inside a direct or partial quote."""
    spans: dict[str, list[tuple[int, int]]] = {}
    direct = quotes[quotes.kind != "indirect"] if len(quotes) else quotes
    for article, start, end in zip(
        direct.article_id.tolist(), direct.start.tolist(), direct.end.tolist(), strict=True
    ):
        spans.setdefault(str(article), []).append((int(start), int(end)))
    out = np.zeros(len(sentences))
    for k, (article, start, end) in enumerate(
        zip(
            sentences.article_id.tolist(),
            sentences.start.tolist(),
            sentences.end.tolist(),
            strict=True,
        )
    ):
        inside = sum(
            max(0, min(end, q1) - max(start, q0)) for q0, q1 in spans.get(str(article), [])
        )
        out[k] = min(1.0, inside / max(int(end) - int(start), 1))
    return out


def read_sentences(sentences: pd.DataFrame, quotes: pd.DataFrame) -> list[Sentence]:
    """Returns `read_sentence` of every row of the `sentences` table, in its row order."""
    quoted = _quoted_shares(sentences, quotes)
    count = sentences.groupby("article_id").sentence_id.transform("max").to_numpy()
    order = sentences.sentence_id.to_numpy()
    return [
        read_sentence(str(text), quoted=float(q), position=float(o / n) if n else 0.0)
        for text, q, o, n in zip(sentences.text.tolist(), quoted, order, count, strict=True)
    ]


def measure_evidence(
    links: pd.DataFrame,
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    stories: Mapping[str, int] | None = None,
    read: list[Sentence] | None = None,
) -> pd.DataFrame:
    """Measures the evidence of each link (module docstring).

    Args:
        links: Rows of the `links` table (any kinds).
        sentences: The `sentences` table the links point into.
        quotes: The `quotes` table.
        stories: Each article's story; the rarity within a story counts the sentences of the
            link's story (None: all sentences are one story).
        read: `read_sentences(sentences, quotes)` when already computed.

    Returns:
        One row per link, in its order, with the columns `FEATURES` (floats).
    """
    sentences = sentences.reset_index(drop=True)
    if read is None:
        read = read_sentences(sentences, quotes)
    row_of = {
        (str(a), int(s)): k
        for k, (a, s) in enumerate(
            zip(sentences.article_id.tolist(), sentences.sentence_id.tolist(), strict=True)
        )
    }
    story_of = [stories.get(str(a), -1) if stories else 0 for a in sentences.article_id.tolist()]
    frequency: dict[Any, Counter[str]] = {}
    size: Counter[Any] = Counter(story_of)
    for sentence, story in zip(read, story_of, strict=True):
        frequency.setdefault(story, Counter()).update(sentence.words)
    rows = []
    for a, sa, b, sb, score, run in zip(
        links.article_a.tolist(),
        links.sentence_a.tolist(),
        links.article_b.tolist(),
        links.sentence_b.tolist(),
        links.score.tolist(),
        links.shared_run.tolist(),
        strict=True,
    ):
        ka, kb = row_of[(str(a), int(sa))], row_of[(str(b), int(sb))]
        x, y = read[ka], read[kb]
        story = story_of[ka]
        shared = x.words & y.words
        union = x.words | y.words
        rows.append(
            {
                "score": float(score),
                "shared_run": float(run),
                "shared_words": float(len(shared)),
                "jaccard": len(shared) / len(union) if union else 0.0,
                "cover": len(shared) / max(min(len(x.words), len(y.words)), 1),
                "rarity_general": sum(max(0.0, 7.0 - _zipf(w)) for w in shared),
                "rarity_story": sum(math.log(size[story] / frequency[story][w]) for w in shared),
                "shared_names": float(len(x.names & y.names)),
                "shared_numbers": float(len(x.numbers & y.numbers)),
                "other_numbers": float(bool(x.numbers - y.numbers and y.numbers - x.numbers)),
                "quoted_max": max(x.quoted, y.quoted),
                "length_min": float(min(x.length, y.length)),
                "length_ratio": min(x.length, y.length) / max(x.length, y.length, 1),
                "position_min": min(x.position, y.position),
                "position_max": max(x.position, y.position),
            }
        )
    return pd.DataFrame(rows, columns=list(FEATURES), dtype=float)


#: A classifier: ("lr", inverse regularisation) or ("tree", depth).
Learner = tuple[str, float]


def fit_model(x: pd.DataFrame, y: np.ndarray, *, learner: Learner) -> Any:
    """Returns a fitted classifier: a logistic regression on standardised columns (`lr`) or a
    decision tree of the given depth with leaves of 8 pairs or more (`tree`)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    kind, value = learner
    if kind == "lr":
        model = make_pipeline(StandardScaler(), LogisticRegression(C=value, max_iter=1000))
    else:
        model = DecisionTreeClassifier(max_depth=int(value), min_samples_leaf=8, random_state=0)
    return model.fit(x, y)


def predict_held_out(
    x: pd.DataFrame, y: np.ndarray, groups: np.ndarray, *, learner: Learner
) -> np.ndarray:
    """Returns each row's probability of being the same statement from a model fitted on the
    rows of the other groups (corpora) only."""
    out = np.zeros(len(x))
    for group in dict.fromkeys(groups.tolist()):
        held = groups == group
        model = fit_model(x[~held], y[~held], learner=learner)
        out[held] = model.predict_proba(x[held])[:, 1]
    return out


def choose_threshold(
    p: np.ndarray, y: np.ndarray, *, target: float | None, least: int
) -> float | None:
    """Returns a probability threshold chosen on held-out predictions.

    With a `target`, the lowest threshold at which at least `least` rows are kept and their
    precision reaches it (None when none does); without, the threshold keeping at least `least`
    rows at the highest precision (the lowest such threshold on a tie).
    """
    best: tuple[float, float] | None = None
    for t in sorted(set(p.tolist())):
        kept = p >= t
        if kept.sum() < least:
            break
        precision = float(y[kept].mean())
        if target is not None and precision >= target:
            return float(t)
        if target is None and (best is None or precision > best[0]):
            best = (precision, float(t))
    return None if target is not None or best is None else best[1]


#: The parse evidence `score_paraphrase.parse_evidence` returns, in its order.
PARSE = (
    "props_any",
    "props_one",
    "props_both",
    "props_one_m0",
    "props_any_m1",
    "props_both_m1",
    "unit_numbers",
    "quoted_words",
    "lemma_shared",
    "lemma_jaccard",
    "specific_half",
    "entities_shared",
    "entities_jaccard",
    "days_apart",
)
#: the classifiers compared: features and learner. A, B and D were fixed before any was fitted;
#: C, a small set, after the held-out ranking of A and B on the five judged sets (never on the
#: fresh one).
LEARNED: dict[str, tuple[tuple[str, ...], Learner]] = {
    "A text evidence, logistic regression": (FEATURES, ("lr", 0.1)),
    "B text and parse evidence, logistic regression": (FEATURES + PARSE, ("lr", 0.1)),
    "C six features, logistic regression": (
        ("score", "jaccard", "lemma_jaccard", "props_both_m1", "props_one_m0", "shared_names"),
        ("lr", 0.1),
    ),
    "D text and parse evidence, tree of depth 2": (FEATURES + PARSE, ("tree", 2)),
}
#: a threshold must keep at least this many held-out pairs
LEAST_KEPT = 20


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def _line(label: str, y: np.ndarray, kept: np.ndarray) -> str:
    right = int(y[kept].sum())
    precision = f"{right / kept.sum():.2f}" if kept.any() else "–"
    return (
        f"  {label:9s} pairs {len(y):3d}  true {int(y.sum()):3d}  kept {int(kept.sum()):3d}"
        f"  right {right:3d}  precision {precision:>4s}  true kept {right} of {int(y.sum())}"
    )


def score_learned(evidence: dict[str, pd.DataFrame], *, fresh_set: str) -> None:
    """Prints, for each classifier of `LEARNED`: each judged set held out (fitted on the others,
    its threshold chosen on their own held-out predictions), then the fresh set `fresh_set`
    (fitted on every other set, the threshold chosen on their held-out predictions).

    `evidence`: per judged set, one row per pair with `same` and the columns of `FEATURES` and
    `PARSE`.
    """
    known = pd.concat([e.assign(set=name) for name, e in evidence.items() if name != fresh_set])
    known = known.reset_index(drop=True)
    fresh = evidence.get(fresh_set)
    print("== the paraphrase links as built (* the fresh set)")
    for name, found in evidence.items():
        y = found.same.to_numpy()
        print(_line(name + ("*" if name == fresh_set else ""), y, np.ones(len(y), dtype=bool)))
    y = known.same.to_numpy()
    print("== area under the ROC curve of each feature alone (the five judged sets)")
    for column in FEATURES + PARSE:
        print(f"  {column:18s} {_auc(y, known[column].to_numpy(dtype=float)):.3f}")
    for name, (features, learner) in LEARNED.items():
        print(f"== learned: {name}")
        columns = list(features)
        for held in dict.fromkeys(known.set.tolist()):
            train = known[known.set != held].reset_index(drop=True)
            test = known[known.set == held]
            inner = predict_held_out(
                train[columns], train.same.to_numpy(), train.set.to_numpy(), learner=learner
            )
            threshold = choose_threshold(
                inner, train.same.to_numpy(), target=None, least=LEAST_KEPT
            )
            model = fit_model(train[columns], train.same.to_numpy(), learner=learner)
            p = model.predict_proba(test[columns])[:, 1]
            y = test.same.to_numpy()
            print(_line(held, y, p >= (threshold if threshold is not None else np.inf)))
        outer = predict_held_out(
            known[columns], known.same.to_numpy(), known.set.to_numpy(), learner=learner
        )
        y = known.same.to_numpy()
        t90 = choose_threshold(outer, y, target=0.9, least=10)
        best = choose_threshold(outer, y, target=None, least=LEAST_KEPT)
        print(f"  area under the ROC curve of the held-out predictions: {_auc(y, outer):.3f}")
        if best is None:
            print(f"  held-out predictions: no threshold keeps {LEAST_KEPT} pairs")
            continue
        kept = outer >= best
        print(
            f"  held-out predictions of the {known.set.nunique()} sets: threshold for 0.9 with"
            f" 10+ kept: {t90}; best with {LEAST_KEPT}+ kept: {best:.3f}"
            f" ({int(kept.sum())} kept, {y[kept].mean():.2f})"
        )
        if fresh is None:
            continue
        model = fit_model(known[columns], y, learner=learner)
        p = model.predict_proba(fresh[columns])[:, 1]
        print(_line(f"{fresh_set}*", fresh.same.to_numpy(), p >= best))
