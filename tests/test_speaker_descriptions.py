"""Descriptions as speakers (issue 21, session 17): a title of several words ties like one word
("the attorney general" after "Attorney General X"), and a bare role description right after
someone spoke is that speaker, unless a place or a name narrows it or someone else holds the
title. Invented articles, each expectation checked by hand and quoted from the text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.speaker_articles import build_quotes, find_in_parsed, said

ARTICLES = {
    "attorney": (
        "Attorney General Dana Reyes spoke to the committee on Monday.\n\n"
        "Senator Tom Okafor asked whether she had met the envoy.\n\n"
        "Reyes replied, simply: “No.”\n\n"
        "During a press conference on Thursday, the attorney general insisted she had no "
        "intention to deceive.\n\n"
        "“My reply was honest and correct,” the attorney general said.\n"
    ),
    "epithet": (
        "The bridge will take two more years, officials in Eastland said on Monday.\n\n"
        "“We will build it,” David Marsh said at the rally.\n\n"
        "“It will take two years,” the governor said.\n"
    ),
    "modifier": (
        "Amira Kassem will share the Peace Prize with Ravi Anand, an Indian campaigner against "
        "the exploitation of children. Speaking in Leeds hours after the award was announced, "
        "Kassem said she was in chemistry class when her teacher told her she had won. "
        '"I decided not to leave school," the education campaigner said.\n'
    ),
    "spoken_of": (
        "Some Republicans criticised the choice. House Foreign Affairs Committee Chairman Tom "
        "Okafor said Lena Marsh should have tapped someone with medical experience. "
        "\"I have to ask why the governor didn't pick an individual with a public health "
        'background," the California Republican said.\n'
    ),
    "same_modifier": (
        "Amira Kassem will share the Peace Prize with Ravi Anand, an education campaigner from "
        "Delhi. The prize was announced on Friday in Oslo. "
        '"I decided not to leave school," the education campaigner said.\n'
    ),
    "narrowed": (
        "The bridge will take two more years, officials in Eastland said on Monday.\n\n"
        "“We will build it,” David Marsh said at the rally.\n\n"
        "“It will take two years,” the governor of Westland said.\n"
    ),
    "holder": (
        "Prime Minister Walter Okafor arrived on Monday.\n\n"
        "“We will build it,” David Marsh said at the rally.\n\n"
        "“It will take two years,” the prime minister said.\n"
    ),
    # A role capitalised as a title ("the President") is a description like "the president".
    "capital": (
        "President David Marsh spoke in Eastfield on Monday.\n\n"
        "“We will build the bridge,” Marsh said.\n\n"
        "“It will take two years,” the President added.\n"
    ),
    # "the official" is most often someone the article does not name (`unnamed_roles`)
    "official": (
        "The bridge will take two more years, officials in Eastland said on Monday.\n\n"
        "“We will build it,” David Marsh said at the rally.\n\n"
        "“It will take two years,” the official said.\n"
    ),
    # an ordinal narrows the title to one holder, perhaps not the last speaker
    "ordinal": (
        "The bridge will take two more years, officials in Eastland said on Monday.\n\n"
        "“We will build it,” David Marsh said at the rally, while the 44th president suggested "
        "he was rooting for the plan, saying, “If you succeed, the town succeeds.”\n"
    ),
}


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("speaker_descriptions")
    return build_quotes(root, ARTICLES, cache_dir=cache_dir, published="2024-03-04")


def test_a_title_of_several_words_ties_its_description(quotes) -> None:
    assert said(quotes, "attorney", "My reply was") == (
        "Dana Reyes",
        "the attorney general",
        "cue",
    )


def test_a_role_description_right_after_someone_spoke_is_them(quotes) -> None:
    assert said(quotes, "epithet", "It will take") == ("David Marsh", "the governor", "cue")


def test_a_capitalised_role_is_a_description_too(quotes) -> None:
    assert said(quotes, "capital", "It will take") == ("David Marsh", "the President", "cue")


def test_a_narrowed_description_or_another_holder_of_the_title_is_not_them(quotes) -> None:
    assert said(quotes, "narrowed", "It will take")[0] is None
    assert said(quotes, "official", "It will take")[0] is None
    assert said(quotes, "ordinal", "If you succeed")[0] is None
    assert said(quotes, "holder", "It will take")[0] != "David Marsh"


def test_a_role_noun_misparsed_as_an_organisations_apposition_ties_to_no_one() -> None:
    # "… cannot pass the Assembly, an adviser to one of the members present said": the parser
    # makes "an adviser" the assembly's apposition; "the adviser" later is no organisation
    text = (
        "At a meeting with members on Monday, officials agreed the plan cannot pass the "
        "Assembly, an adviser to one of the members present said.\n\n"
        'After the meeting, the members "fully expect" some changes to the plan, the adviser '
        "said.\n"
    )
    rows = find_in_parsed(text, {"Assembly": ("assembly", "ORG")})
    partial = [r for r in rows if r["kind"] == "partial"]
    assert [(r["text"], r["speaker"]) for r in partial] == [("fully expect", None)]


def test_a_word_narrowing_the_description_must_narrow_the_apposition_too(quotes) -> None:
    # "the education campaigner" is not "Ravi Anand, an Indian campaigner against …" (session
    # 22: the article's own apposition named another campaigner); "an education campaigner" is
    assert said(quotes, "modifier", "I decided not")[0] is None
    assert said(quotes, "same_modifier", "I decided not") == (
        "Ravi Anand",
        "the education campaigner",
        "cue",
    )


def test_whom_the_previous_speaker_speaks_of_is_no_one_else_in_view(quotes) -> None:
    # "X said Y should have tapped someone. “…,” the California Republican said.": Y is named
    # only in what X reports, so the description is X (session 22)
    assert said(quotes, "spoken_of", "I have to ask") == (
        "Tom Okafor",
        "the California Republican",
        "cue",
    )
