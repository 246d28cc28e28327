"""Questions put to someone (issue 21, session i21a): a quotation that a passive `ask`
governs is the question, not the words of the one asked; the answer keeps that person.
Invented articles, each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.test_quotes_issuers import build_one, quote_starting


def test_the_words_of_a_question_are_not_the_answer(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko opened the new depot in Brody on Monday.\n\n"
        "Horbenko was asked whether the deal was “a gift to the contractors.” He said it was"
        " not.\n\n"
        "Asked whether the depot was “a waste of money,” Tom Okafor said it would pay for"
        " itself.\n\n"
        "When asked if the depot would close, Horbenko replied, “Not while I am mayor.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # "was asked whether the deal was “a gift …”": the question's words, not Horbenko's
    # (before: Horbenko, through the passive "asked"); nor Okafor's, asked the same way.
    question = quote_starting(tables, "a gift to the contractors")
    assert pd.isna(question.speaker) and question.cue == "ask"
    assert pd.isna(quote_starting(tables, "a waste of money").speaker)
    # the answer keeps the one asked
    assert quote_starting(tables, "Not while I am mayor").speaker == "Ivan Horbenko"


def test_the_one_asked_answers_after_the_question(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko opened the new depot in Brody on Monday.\n\n"
        "Tom Okafor, a driver, was there. He was asked, “Is the depot safe for the buses?” His"
        " reply was short. “It is safe.”\n\n"
        "Horbenko was asked whether he was sure: “Yes, I am sure of it, and so are the"
        " engineers.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The question ends with a question mark: no one's here (before: Okafor's).
    assert pd.isna(quote_starting(tables, "Is the depot safe").speaker)
    # "His reply was short. “It is safe.”": the one asked answers.
    assert quote_starting(tables, "It is safe.").speaker == "Tom Okafor"
    # after a colon, a quotation that is no question is the answer
    assert quote_starting(tables, "Yes, I am sure of it").speaker == "Ivan Horbenko"
