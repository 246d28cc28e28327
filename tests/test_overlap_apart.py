"""A paraphrase link between articles published days apart needs a shared number or rare word
(`analysis.overlap.apart`; invented articles)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.overlap import links as overlap
from analysis.overlap.apart import (
    count_days_apart,
    count_story_articles,
    read_terms,
    share_evidence,
)
from tests.test_overlap import _sentences

QUOTES = pd.DataFrame(
    columns=["article_id", "quote_id", "start", "end", "kind", "speaker", "speaker_entity_id"]
)
#: Four more articles of the story carry its topic words, so that they are no rare evidence.
OTHERS = {
    f"other{k}": [
        "The harbour council and the ferry budget were on the agenda again.",
        f"Residents of island number {k} queued for the morning boat.",
    ]
    for k in range(4)
}


SENTENCES = _sentences(
    {
        "a": [
            "The harbour council met to discuss the ferry budget.",
            "Inspectors found 14 cracks in the old ferry pier.",
        ],
        "b": [
            "The harbour council's ferry budget vote was delayed.",
            "The 14 cracks closed the ferry pier for the season.",
        ],
        "c": ["Members of the harbour council discussed the ferry budget."],
        **OTHERS,
    }
)
PUBLISHED = {
    "a": pd.Timestamp("2024-03-01 09:00"),
    "b": pd.Timestamp("2024-03-04 18:00"),  # 3 days after a
    "c": pd.Timestamp("2024-03-02 07:00"),  # the next day
    **dict.fromkeys(OTHERS, pd.Timestamp("2024-03-01")),
}


def _pairs(found: list[dict]) -> list[tuple[str, int, str, int, str]]:
    return sorted(
        (r["article_a"], r["sentence_a"], r["article_b"], r["sentence_b"], r["kind"])
        for r in found
        if {r["article_a"], r["article_b"]} <= {"a", "b", "c"}
    )


def test_a_paraphrase_days_apart_without_evidence_does_not_link() -> None:
    # "met to discuss the ferry budget" (day 0) / "the ferry budget vote was delayed" (day 3):
    # two developments sharing only the story's words. "14 cracks" on both sides is one fact,
    # told again days later; the next day's "discussed the ferry budget" is the same meeting.
    before = _pairs(overlap.find_links(SENTENCES, QUOTES))
    before = [
        ("a", 0, "b", 0, "paraphrase"),
        ("a", 0, "c", 0, "near_verbatim"),
        ("a", 1, "b", 1, "paraphrase"),
        ("b", 0, "c", 0, "paraphrase"),
    ]
    assert _pairs(overlap.find_links(SENTENCES, QUOTES)) == before
    after = _pairs(overlap.find_links(SENTENCES, QUOTES, published=PUBLISHED))
    assert after == [
        ("a", 0, "c", 0, "near_verbatim"),  # one day apart, and not a paraphrase
        ("a", 1, "b", 1, "paraphrase"),  # three days apart, but "14" is shared
        ("b", 0, "c", 0, "paraphrase"),  # two days apart
    ]  # ("a", 0, "b", 0) dropped: three days apart, nothing but the story's words shared


def test_without_publication_days_nothing_is_apart() -> None:
    published = {**PUBLISHED, "b": None}
    assert _pairs(overlap.find_links(SENTENCES, QUOTES, published=published)) == _pairs(
        overlap.find_links(SENTENCES, QUOTES)
    )


def test_evidence_is_a_number_other_than_a_year_or_a_rare_word() -> None:
    articles = Counter({"council": 9, "budget": 9, "lighthouse": 2})
    first = read_terms("In 2023 the council's budget rose.")
    assert first == {"2023", "council", "budget", "rose"}
    assert not share_evidence(
        first, read_terms("The council cut the budget in 2023."), articles=articles
    )
    assert share_evidence(
        read_terms("The council sold the lighthouse."),
        read_terms("The lighthouse went to a trust."),
        articles=articles,
    )
    assert share_evidence(
        read_terms("It cost $1,200,000."),
        read_terms("A bill of 1,200,000 dollars."),
        articles=articles,
    )
    assert count_days_apart(pd.Timestamp("2024-03-01 23:00"), pd.Timestamp("2024-03-04 01:00")) == 3
    assert count_days_apart(pd.Timestamp("2024-03-01"), None) is None


def test_a_running_story_of_many_articles_keeps_its_paraphrases_days_apart() -> None:
    # A found story of more than 20 articles is reported day after day: its articles retell one
    # another's facts, and its words are in many articles, so no evidence is asked there.
    others = {
        f"more{k}": [
            "The harbour council and the ferry budget were on the agenda again.",
            f"Residents of island number {k} queued for the morning boat.",
        ]
        for k in range(18)
    }
    sentences = _sentences(
        {
            "a": [
                "The harbour council met to discuss the ferry budget.",
                "Inspectors found 14 cracks in the old ferry pier.",
            ],
            "b": ["The harbour council's ferry budget vote was delayed."],
            "c": ["Volunteers repainted the lighthouse."],
            **others,
        }
    )
    published = {"a": pd.Timestamp("2024-03-01"), "b": pd.Timestamp("2024-03-04")}
    one_story = dict.fromkeys(sentences.article_id.unique(), 0)  # 21 articles
    found = overlap.find_links(sentences, QUOTES, stories=one_story, published=published)
    assert ("a", 0, "b", 0, "paraphrase") in _pairs(found)
    # the same two articles in a story of 7: three days apart, nothing shared but the story's words
    small = {**one_story, **{f"more{k}": 1 for k in range(4, 18)}}
    assert ("a", 0, "b", 0, "paraphrase") in _pairs(
        overlap.find_links(sentences, QUOTES, stories=small)
    )  # without publication days
    found = overlap.find_links(sentences, QUOTES, stories=small, published=published)
    assert ("a", 0, "b", 0, "paraphrase") not in _pairs(found)
    assert count_story_articles(["a", "more5", "z"], stories=small) == {"a": 1, "more5": 1, "z": 1}
    assert count_story_articles(["a", "b"], stories=None) == {"a": 2, "b": 2}
