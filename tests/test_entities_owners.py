"""Name forms the model gets wrong (issue 21, entities second pass): an owner before a person's
name inside one span. Hand-made spaCy docs of invented sentences, so the tests do not depend on
the model's guesses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from analysis.entities.filters import common_words, set_aside_group_words
from analysis.entities.mentions import Mention, _lowercase_word, _search_forms, _trim
from analysis.entities.merging import _headline_words
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


def test_a_plural_owners_lone_apostrophe_is_a_possessive() -> None:
    # "Harbor News’ Laura Holt said …": the tagger calls the lone apostrophe a closing mark
    words = ["Harbor", "News", "’", "Laura", "Holt"]
    span = _trim(span_of(words, ["NNP", "NNP", "''", "NNP", "NNP"], "ORG"))
    assert span is not None and span.text == "Laura Holt"
    # not after an owner that is no plural: "Harbor Review ’ Laura Holt" stays one span
    words = ["Harbor", "Review", "’", "Laura", "Holt"]
    span = _trim(span_of(words, ["NNP", "NNP", "''", "NNP", "NNP"], "ORG"))
    assert span is not None and span.text == "Harbor Review ’ Laura Holt"


def test_an_owner_is_kept_when_no_persons_name_follows() -> None:
    # "Brindle's Harbor Foods": no given name after the possessive
    words = ["Brindle", "'s", "Harbor", "Foods"]
    span = _trim(span_of(words, ["NNP", "POS", "NNP", "NNPS"], "ORG"))
    assert span is not None and span.text == "Brindle's Harbor Foods"
    # "Harbor Review's Dana Holt" labelled PERSON: the model's label says a person follows
    words = ["Harbor", "Review", "’s", "Dana", "Holt"]
    span = _trim(span_of(words, ["NNP", "NNP", "POS", "NNP", "NNP"], "PERSON"))
    assert span is not None and span.text == "Dana Holt"
    span = _trim(span_of(words, ["NNP", "NNP", "POS", "NNP", "NNP"], "ORG"))
    assert span is not None and span.text == "Harbor Review’s Dana Holt"
    # "Holt's Laura": one word after it is no full name
    span = _trim(span_of(["Holt", "'s", "Laura"], ["NNP", "POS", "NNP"], "ORG"))
    assert span is not None and span.text == "Holt's Laura"


def test_given_names_come_from_the_data_files() -> None:
    assert is_given_name("Laura") and is_given_name("bill")  # genders list; variants list
    assert not is_given_name("Harbor")


def mention(text: str, start: int, label: str) -> Mention:
    return Mention("a", 0, start, start + len(text), text, tuple(text.split()), label)


def test_a_group_word_before_a_persons_name_is_set_aside() -> None:
    # "Harborite Laura Holt said …" where "Harborite" alone is labelled NORP elsewhere
    # ("the Harborite vote"); "Harbor Laura" stays (no NORP word), and so does "Harborite
    # Holt" (no given name after the group word).
    mentions = [
        mention("Harborite", 0, "NORP"),
        mention("Harborite Laura Holt", 30, "PERSON"),
        mention("Harborite Holt Foods", 80, "ORG"),
    ]
    kept = set_aside_group_words(mentions)
    assert [(m.text, m.start, m.key) for m in kept] == [
        ("Harborite", 0, "harborite"),
        ("Laura Holt", 40, "laura holt"),
        ("Harborite Holt Foods", 80, "harborite holt foods"),
    ]
    assert mentions[1].text == "Harborite Laura Holt"  # the caller's mention is not changed


def test_a_headlines_words_around_a_surname_are_no_full_name() -> None:
    # A headline "Ignore Holt" and "Holt Plan Fails" beside "Laura Holt"; "Hope Marlow" (a
    # common word, but Marlow is nobody else's surname) stays a name.
    # "Rose Holt said …" is a person's name (a speech verb's subject).
    names = ["hope marlow", "holt plan fails", "ignore holt", "laura holt", "rose holt"]
    groups = {k: [mention(k.title(), 0, "PERSON")] for k in names}
    groups["rose holt"][0].cues["PERSON"] += 1
    common = frozenset({"ignore", "plan", "fails", "hope", "rose"})
    assert _headline_words(names, common, groups) == {"ignore holt", "holt plan fails"}


def test_common_words_are_those_written_lowercase_more_often() -> None:
    texts = ["We ignore it. They ignore the plan. Ignore Holt, says one.", "Ask Holt. holt"]
    assert common_words(texts, {"ignore", "holt"}) == {"ignore"}


def test_a_function_word_is_searched_as_a_surname_only_after_a_given_name() -> None:
    # "Ann May said …" makes "May" a surname to look for; page furniture "Tap Here" does not
    # make "Here" one.
    forms = _search_forms([mention("Ann May", 0, "PERSON"), mention("Tap Here", 20, "PERSON")])
    assert "May" in forms and forms["May"] == "PERSON"
    assert "Here" not in forms and "Tap Here" in forms


def test_a_lowercase_word_is_no_name() -> None:
    # the model sometimes labels a common word ("the party", "a meme") as an organisation
    assert _lowercase_word("party") and _lowercase_word("meme")
    # a name as written has a capital; a handle or hashtag is kept; words of a lowercase
    # multi-word form ("supreme court") are left to the entity rules
    assert not _lowercase_word("Party")
    assert not _lowercase_word("@harborgazette") and not _lowercase_word("#harbor")
    assert not _lowercase_word("supreme court")


def test_a_conjunction_ends_no_name() -> None:
    # "… the Harbor Department and the police": the model's span took the list's "and"
    span = _trim(span_of(["Harbor", "Department", "and"], ["NNP", "NNP", "CC"], "ORG"))
    assert span is not None and span.text == "Harbor Department"
