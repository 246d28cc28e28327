"""Speaker rules of session 18 on roles: more role nouns (senator, nominee, judge, sheriff, …), a
role description right after the sentence naming its holder as the subject, the subject of
"X became the first senator to say", an accusation in the passive (the accused is no
speaker), "X, director of Y, and a Republican who …" (one speaker, described twice), "the
North Carolina Republican said" and "the retired surgeon acknowledged" after X is named, and
an apposition with "a" ("the senator, a devout Catholic,") names no one.
Invented articles, each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.speaker_articles import build_quotes, find_in_parsed, said

ARTICLES = {
    # "the Republican nominee" right after the nominee's own quotation.
    "nominee": (
        "Tom Ruiz won the party's nomination in June.\n\n"
        "“I finished it,” Ruiz said on Friday. “We all want to get back to work.”\n\n"
        "At 9 a.m., the Republican nominee said he was heading to the hotel “for a major"
        " statement.”\n"
    ),
    # "the senator" right after a sentence whose subject is the one senator named so.
    "senator": (
        "Senator Tom Ruiz and Senator Ann Byrne spoke in Dover on Monday.\n\n"
        "Ruiz stopped by his campaign office later. Walking in to cheers, the senator said his"
        " campaign was “closing really strong.”\n"
    ),
    # "X became the first senator to say …": X said it.
    "first": (
        "The tax bill reached the Senate floor on Monday.\n\n"
        "Sen. Tom Ruiz became the first Republican senator to say he could not support the"
        " bill.\n"
    ),
    # The accused is no speaker; an accuser named with "by" is.
    "accused": (
        "The hearing opened in Dover on Monday.\n\n"
        "Tom Ruiz has been accused of taking bribes from a builder.\n\n"
        "Ruiz was also accused by Ann Byrne of hiding the payments.\n"
    ),
    # "and a Republican who …": a second description of the one speaker, not a second speaker.
    "conjunct": (
        "The tax plans were released on Monday.\n\n"
        "The plans are “profoundly irresponsible,” said Tom Ruiz, senior director of policy at"
        " the Budget Center, and a Republican who headed the Senate Budget Committee staff."
        " “It leaves people like me speechless.”\n"
    ),
    # "the North Carolina Republican" right after the sentence naming that person as subject;
    # not "the Republican familiar with the matter" (someone unnamed).
    "party": (
        "Labrador spoke first.\n\n"
        "House caucus chairman Tom Ruiz told reporters Friday that after the meeting, he feels"
        " confident.\n\n"
        "“I am very confident based on my conversations,” the North Carolina Republican said.\n\n"
        "Ruiz later met the governor.\n\n"
        "“He is worried about the vote,” the Republican familiar with the talks said.\n"
    ),
    # "the retired surgeon" right after the sentence naming that person as subject, then "he".
    "surgeon": (
        "The debate was held in Dover on Tuesday.\n\n"
        "Republican front-runner Tom Ruiz took the opportunity to address the scrutiny of his"
        " past. Reacting to criticism, the retired surgeon acknowledged that he expected his bid"
        " to open his past up to investigation.\n\n"
        "“I have no problem with being vetted,” he said.\n"
    ),
}


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("roles")
    return build_quotes(root, ARTICLES, cache_dir=cache_dir, published="2024-03-04")


def test_a_nominee_right_after_speaking_is_that_speaker(quotes: pd.DataFrame) -> None:
    # '“I finished it,” Ruiz said … the Republican nominee said he was heading to the hotel'
    # (before: no speaker, "nominee" no role noun).
    assert said(quotes, "nominee", "for a major statement") == (
        "Tom Ruiz",
        "the Republican nominee",
        "governing_verb",
    )


def test_a_role_after_the_sentence_naming_its_holder_is_that_holder(quotes) -> None:
    # 'Ruiz stopped by his campaign office later. Walking in to cheers, the senator said'
    # (before: no speaker; two senators, and Ruiz had not spoken).
    assert said(quotes, "senator", "closing really strong") == (
        "Tom Ruiz",
        "the senator",
        "governing_verb",
    )


def test_the_first_to_say_is_the_one_who_said(quotes: pd.DataFrame) -> None:
    # 'Sen. Tom Ruiz became the first Republican senator to say he could not support the
    # bill.' (before: the description "the first Republican senator", no one).
    rows = quotes[(quotes.article_id == "first") & (quotes.kind == "indirect")]
    assert rows.speaker.tolist() == ["Tom Ruiz"]
    assert rows.text.str.startswith("he could not support").all()


def test_the_accused_is_no_speaker(quotes: pd.DataFrame) -> None:
    rows = quotes[(quotes.article_id == "accused") & (quotes.kind == "indirect")]
    # 'Ruiz has been accused of taking bribes': no one's words (before: Tom Ruiz's);
    # 'accused by Ann Byrne of hiding the payments': Byrne's.
    assert rows[["speaker", "text"]].values.tolist() == [["Ann Byrne", "of hiding the payments"]]


def test_a_conjunct_with_an_article_describes_the_speaker(quotes: pd.DataFrame) -> None:
    # 'said Tom Ruiz, senior director of policy at the Budget Center, and a Republican who …'
    # (before: no speaker, as if "X and Y said").
    assert said(quotes, "conjunct", "profoundly irresponsible")[0] == "Tom Ruiz"
    assert said(quotes, "conjunct", "It leaves people")[0] == "Tom Ruiz"


def test_a_party_member_after_the_named_subject_is_that_person(quotes) -> None:
    # 'Tom Ruiz told reporters … “…,” the North Carolina Republican said.' (before: no
    # speaker, a place before the party word)
    assert said(quotes, "party", "I am very confident")[0] == "Tom Ruiz"
    # 'the Republican familiar with the talks': someone unnamed, not Ruiz.
    assert said(quotes, "party", "He is worried")[0] is None


def test_a_he_after_a_description_of_the_named_subject_is_that_person(quotes) -> None:
    # 'Tom Ruiz took the opportunity … the retired surgeon acknowledged that he …' then
    # '“…,” he said.' (before: no speaker, the description tied to no one).
    assert said(quotes, "surgeon", "I have no problem") == ("Tom Ruiz", "he", "pronoun")


def test_an_apposition_with_an_article_is_no_name() -> None:
    text = (
        "Senator Tom Ruiz spoke on the floor on Monday. “I am concerned about this body,” he"
        " said.\n"
        "The conservative senator, a devout Catholic, said he wished that the governor “would"
        " choose his words more carefully.” On the other hand, he added, “I find it"
        " refreshing.”\n"
    )
    # "Catholic" labelled a person, as the entity rules may: "a devout Catholic" describes
    # the senator, it names no one (before: every quote given to "Catholic").
    names = {"Tom Ruiz": ("tom-ruiz", "PERSON"), "Catholic": ("catholic", "PERSON")}
    rows = find_in_parsed(text, names)
    assert {r["speaker_entity_id"] for r in rows} == {"tom-ruiz"}
