"""The evidence measured on paraphrase links and the threshold choice of the learned classifier
(`eval_real/paraphrase_features.py`, issue 22), on invented sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval_real"))

from paraphrase_features import (  # noqa: E402
    FEATURES,
    choose_threshold,
    measure_evidence,
    read_sentence,
    stem,
)


def test_stem_drops_plural_and_verb_endings() -> None:
    # crude: "-es" only after 4 letters or more, so "buses" keeps its "e"
    assert [stem(w) for w in ("buses", "churches", "approved", "closing", "policies", "press")] == [
        "buse",
        "church",
        "approv",
        "clos",
        "policy",
        "press",
    ]


def test_read_sentence_splits_words_names_and_numbers() -> None:
    found = read_sentence(
        "In 2021 the council of Brackton approved 12 new buses, Mayor Ilse Varn said."
    )
    # "In" opens the sentence: not a name; capitalised words after it are names
    assert found.names == {"brackton", "mayor", "ilse", "varn"}
    # stop words ("the", "of") out; the year is no number
    assert found.words == {"council", "approv", "new", "buse", "said"}
    assert found.numbers == {"12"}
    assert found.length == 14


def _tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    texts = {
        ("a1", 0): "The council of Brackton approved 12 new buses on Monday.",
        ("a1", 1): "Riders waited in the rain.",
        ("a2", 0): "The council of Brackton voted for 12 electric buses, the mayor said.",
        ("a2", 1): "The depot will open in 2026.",
        ("a3", 0): "The council approved 40 buses.",
    }
    rows, start = [], {"a1": 0, "a2": 0, "a3": 0}
    for (article, sentence), text in texts.items():
        rows.append(
            {
                "article_id": article,
                "sentence_id": sentence,
                "paragraph_id": 0,
                "start": start[article],
                "end": start[article] + len(text),
                "text": text,
            }
        )
        start[article] += len(text) + 1
    sentences = pd.DataFrame(rows)
    quotes = pd.DataFrame({"article_id": ["a2"], "start": [0], "end": [20], "kind": ["partial"]})
    return sentences, quotes


def test_measure_evidence_counts_what_both_sentences_carry() -> None:
    sentences, quotes = _tables()
    links = pd.DataFrame(
        {
            "article_a": ["a1", "a1"],
            "sentence_a": [0, 0],
            "article_b": ["a2", "a3"],
            "sentence_b": [0, 0],
            "score": [0.31, 0.42],
            "shared_run": [2, 3],
        }
    )
    before = links.copy()
    found = measure_evidence(links, sentences, quotes)
    pd.testing.assert_frame_equal(links, before)  # the caller's frame is not changed
    assert list(found.columns) == list(FEATURES)
    first, second = found.iloc[0], found.iloc[1]
    # a1 s0 {council, approv, new, buse} / a2 s0 {council, vot, electric, buse, mayor, said}
    assert first.shared_words == 2
    assert first.jaccard == pytest.approx(2 / 8)
    assert first.cover == pytest.approx(2 / 4)
    assert first.shared_names == 1  # Brackton (Monday only in a1)
    assert first.shared_numbers == 1 and first.other_numbers == 0  # 12 and 12
    assert second.shared_numbers == 0 and second.other_numbers == 1  # 12 and 40
    # "The council of Brack" (20 of the 68 characters) is inside a quote
    assert first.quoted_max == pytest.approx(20 / 68)
    assert first.position_min == 0 and first.length_min == 10
    # "council" is in 3 of the story's 5 sentences, "buse" in 3: log(5/3) each
    assert first.rarity_story == pytest.approx(2 * np.log(5 / 3))


def test_choose_threshold_only_keeps_enough_pairs() -> None:
    p = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    y = np.array([True, True, False, True, False, False])
    # 0.9 reached only by the top two: too few when three must be kept
    assert choose_threshold(p, y, target=0.9, least=3) is None
    assert choose_threshold(p, y, target=0.9, least=2) == 0.8
    # best precision with 3+ kept: 0.6 keeps four, three right (0.75) — better than 0.7 (2 of 3)
    assert choose_threshold(p, y, target=None, least=3) == 0.6
