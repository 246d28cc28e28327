"""Name forms the model gets wrong (issue 21, entities second pass): an owner before a person's
name inside one span. Hand-made spaCy docs of invented sentences, so the tests do not depend on
the model's guesses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from analysis.entities.mentions import _trim
from analysis.entities.vocabulary import is_given_name


def span_of(words: list[str], tags: list[str], label: str) -> Span:
    pos = ["PART" if tag == "POS" else "PROPN" for tag in tags]
    spaces = [nxt != "POS" for nxt in tags[1:]] + [False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=tags, pos=pos)
    return Span(doc, 0, len(words), label=label)


def test_an_owner_before_a_persons_name_is_set_aside() -> None:
    # "Harbor Party's Laura Holt said …": the model made one ORG span of it.
    words = ["Harbor", "Party", "’s", "Laura", "Holt"]
    span = _trim(span_of(words, ["NNP", "NNP", "POS", "NNP", "NNP"], "ORG"))
    assert span is not None and span.text == "Laura Holt"
    # "Harbor Network's J. Holt": an initial is a name word too
    words = ["Harbor", "Network", "'s", "Peter", "J.", "Holt"]
    span = _trim(span_of(words, ["NNP", "NNP", "POS", "NNP", "NNP", "NNP"], "ORG"))
    assert span is not None and span.text == "Peter J. Holt"


def test_an_owner_is_kept_when_no_persons_name_follows() -> None:
    # "Brindle's Harbor Foods": no given name after the possessive
    words = ["Brindle", "'s", "Harbor", "Foods"]
    span = _trim(span_of(words, ["NNP", "POS", "NNP", "NNPS"], "ORG"))
    assert span is not None and span.text == "Brindle's Harbor Foods"
    # "Holt's Laura": one word after it is no full name
    span = _trim(span_of(["Holt", "'s", "Laura"], ["NNP", "POS", "NNP"], "ORG"))
    assert span is not None and span.text == "Holt's Laura"


def test_given_names_come_from_the_data_files() -> None:
    assert is_given_name("Laura") and is_given_name("bill")  # genders list; variants list
    assert not is_given_name("Harbor")
