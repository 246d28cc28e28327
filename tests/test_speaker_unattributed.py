"""Quotes the rules left without a speaker although a reader is sure who speaks (issue 21,
session i21m): invented articles, each expectation checked by hand and quoted from the text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.speaker_articles import build_quotes, said

ARTICLES = {
    # A speech verb with no subject, a title or honorific between it and the name after it.
    "added": (
        "The harbour board met on Monday to vote on the new ferry fares.\n\n"
        "“Nobody will pay more than last winter,” said Lena Brandt, who chairs the board.\n\n"
        "Added Mr. Tomas Reyes of the Harbour Trust: “The fares were never the real problem.”\n\n"
        "Added Westria Gov. Ines Duarte, who sat in on the vote: “We will watch the numbers.”\n"
    ),
    # A name that only modifies the noun of the subject's apposition ("X, a Y donor,")
    # describes X: it is no second candidate for her "her" or his "he".
    "remark": (
        "Tomas Reyes lost the race for mayor in the spring.\n\n"
        "Retired judge Margaret Hale, a Reyes donor, caused an uproar in March with her comment "
        "that “the harbour belongs to the people who fish in it.”\n"
    ),
    "debts": (
        "Tomas Reyes lost the race for mayor in the spring.\n\n"
        "Peter Osei, a Reyes donor, said the campaign had run out of money.\n\n"
        "The bills will be paid, he said on Tuesday outside the Reyes office, because he said "
        "that the campaign “will sell its two vans by June.”\n"
    ),
    # The parser made the name after the quotation a conjunct of a quoted word, and that word
    # the speech verb's subject: the name next to the verb speaks.
    "growth": (
        "Governor Peter Osei spoke about the ferry on Friday.\n\n"
        "“Our harbour report is out -- 3.1 percent growth in ferry trips,” Osei, Westria's "
        "governor, said Saturday morning at a fair in Eastfield.\n"
    ),
    # Two titles joined by "and" before one name are one person; a noun with an owner is not
    # a title ("Her husband and X": two people).
    "titles": (
        "The ferry vote drew a crowd on Monday.\n\n"
        "“Nobody on this island can live without the boat,” said harbour board member and "
        "treasurer Ines Duarte.\n\n"
        "Her husband and Tomas Reyes said “the island will fight the plan.”\n\n"
        "Ferry captain and former Gov. Peter Osei told reporters the vote was a “mistake by "
        "people who never sail.”\n"
    ),
    # The surname the entity rules took for a work of art, after the full name of one person.
    "novelist": (
        "The prize-winning novelist Marco Ruiz Alba signed the open letter on Sunday.\n\n"
        '"Closing the border to writers betrays this island," Ruiz Alba said.\n'
    ),
    # "vent" is a speech verb of the quote rules (`quote_verbs`).
    "vented": (
        "Margaret Hale ran the shipyard for ten years.\n\n"
        "After the board meeting, she vented to a reporter that the sale was “a slow disaster "
        "for the town.”\n"
    ),
    # The first title a capitalised role noun ("Governor"), the second before the name.
    "governor": (
        "The ferry vote drew a crowd on Monday.\n\n"
        "“The ferry must run every day of the year,” said former Westria Governor and ferry "
        "company treasurer Peter Osei, who owns two boats.\n"
    ),
}


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("speaker_unattributed")
    return build_quotes(root, ARTICLES, cache_dir=cache_dir, published="2024-03-04")


def test_a_subjectless_verb_takes_the_name_after_an_honorific(quotes) -> None:
    # 'Added Mr. Tomas Reyes of the Harbour Trust: “The fares were never the real problem.”'
    speaker, _, how = said(quotes, "added", "The fares were")
    assert (speaker, how) == ("Tomas Reyes", "cue")


def test_a_subjectless_verb_takes_the_name_after_a_place_and_a_title(quotes) -> None:
    # 'Added Westria Gov. Ines Duarte, who sat in on the vote: “We will watch the numbers.”'
    speaker, _, how = said(quotes, "added", "We will watch")
    assert (speaker, how) == ("Ines Duarte", "cue")


def test_a_name_modifying_the_apposition_is_not_a_second_person(quotes) -> None:
    # 'Retired judge Margaret Hale, a Reyes donor, caused an uproar in March with her comment
    # that “the harbour belongs to the people who fish in it.”'
    speaker, _, how = said(quotes, "remark", "the harbour belongs")
    assert (speaker, how) == ("Margaret Hale", "governing_verb")


def test_a_he_after_a_subject_described_by_another_name(quotes) -> None:
    # 'Peter Osei, a Reyes donor, said the campaign had run out of money.' then 'The bills will
    # be paid, he said on Tuesday outside the Reyes office, because he said that the campaign
    # “will sell its two vans by June.”'
    speaker, _, how = said(quotes, "debts", "will sell its two vans")
    assert (speaker, how) == ("Peter Osei", "pronoun")


def test_a_quoted_word_taken_for_the_subject_leaves_the_name_next_to_the_verb(quotes) -> None:
    # '“Our harbour report is out -- 3.1 percent growth in ferry trips,” Osei, Westria's
    # governor, said Saturday morning at a fair in Eastfield.'
    speaker, _, how = said(quotes, "growth", "Our harbour report")
    assert (speaker, how) == ("Peter Osei", "cue")


def test_two_titles_joined_before_one_name_are_one_person(quotes) -> None:
    # '“Nobody on this island can live without the boat,” said harbour board member and
    # treasurer Ines Duarte.'
    assert said(quotes, "titles", "Nobody on this island")[0] == "Ines Duarte"
    # 'Ferry captain and former Gov. Peter Osei told reporters the vote was a “mistake by
    # people who never sail.”'
    speaker, _, how = said(quotes, "titles", "mistake by people")
    assert (speaker, how) == ("Peter Osei", "governing_verb")


def test_a_capitalised_role_noun_and_a_title_before_one_name_are_one_person(quotes) -> None:
    # '“The ferry must run every day of the year,” said former Westria Governor and ferry
    # company treasurer Peter Osei, who owns two boats.'
    assert said(quotes, "governor", "The ferry must run")[0] == "Peter Osei"


def test_an_owned_noun_joined_to_a_name_is_another_person(quotes) -> None:
    # 'Her husband and Tomas Reyes said “the island will fight the plan.”': two speakers.
    assert said(quotes, "titles", "the island will fight")[0] is None


def test_a_surname_labelled_otherwise_is_the_person_named_in_full(quotes) -> None:
    # 'The prize-winning novelist Marco Ruiz Alba signed the open letter on Sunday.' then
    # '"Closing the border to writers betrays this island," Ruiz Alba said.'
    speaker, _, how = said(quotes, "novelist", "Closing the border")
    assert (speaker, how) == ("Marco Ruiz Alba", "cue")


def test_vent_is_a_speech_verb(quotes) -> None:
    # 'After the board meeting, she vented to a reporter that the sale was “a slow disaster for
    # the town.”'
    speaker, _, how = said(quotes, "vented", "a slow disaster")
    assert (speaker, how) == ("Margaret Hale", "pronoun")


def test_a_participle_taken_for_the_subject_gives_way_to_its_own_subject() -> None:
    # 'Osei himself, preparing for his hearing, said so' as the parser sometimes reads such a
    # sentence: "preparing" the subject of "said", "Osei" the subject of "preparing".
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from analysis.quotes.speakers import QuoteFinder

    words = ["Osei", "himself", ",", "preparing", "for", "his", "hearing", ",", "said", "so"]
    heads = [3, 0, 0, 8, 3, 6, 4, 3, 8, 8]
    deps = ["nsubj", "appos", "punct", "nsubj", "prep", "poss", "pobj", "punct", "ROOT"]
    deps += ["advmod"]
    tags = ["NNP", "PRP", ",", "VBG", "IN", "PRP$", "NN", ",", "VBD", "RB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)
    subject = QuoteFinder.subject_of(doc[8])
    assert subject is not None and subject.text == "Osei"
