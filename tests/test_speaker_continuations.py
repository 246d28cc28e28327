"""Speaker rules of the fifth speaker pass (issue 21): quotations that no speech verb marks but
that a careful reader gives to someone — a quotation going on right after another's
attribution, a quotation opened by a colon after a named subject. Invented articles, each
expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.speaker_articles import build_quotes, said
from tests.test_speaker_cues import parsed, speakers_of

ARTICLES = {
    # A quotation right after the previous one's attribution, in its paragraph, followed by
    # the reporter's own words.
    "adjoining": (
        "Jane Roe spoke in Eastfield on Monday.\n\n"
        "“The key group is young voters,” said Jane Roe, chair of the Eastfield Democratic "
        "Party. “Tom Okafor has to win them back” - by raising his profile and then showing "
        "results.\n\n"
        "The vote is next week.\n"
    ),
    # The same quotation as its own paragraph: the reporter's words after it make it no
    # continuation.
    "own_paragraph": (
        "Jane Roe spoke in Eastfield on Monday.\n\n"
        "“The key group is young voters,” said Jane Roe, chair of the Eastfield Democratic "
        "Party.\n\n"
        "“Tom Okafor has to win them back” - by raising his profile and then showing "
        "results.\n\n"
        "The vote is next week.\n"
    ),
    # A colon after a clause whose subject is a name opens the quotation; not a question put
    # to that person, not a description or a pronoun.
    "colon": (
        "Tom Okafor spoke in Eastfield on Monday about the bridge.\n\n"
        "On the radio that evening, Okafor pushed harder: “The bridge is a disgrace and the "
        "council knows it.”\n\n"
        "Okafor then faced the hardest question of the night: “Who will pay for the bridge?”\n"
    ),
    # A paragraph between two quotations whose subject is the speaker: the others it names are
    # what she spoke of; a paragraph whose subject is someone else stops the continuation.
    "about": (
        "Ruth Adler runs the county party.\n\n"
        "“Okafor can carry the county,” Adler notes.\n\n"
        "Adler has high hopes for Okafor in November and has backed Tom Okafor since the "
        "spring.\n\n"
        "“He can win the county and the state.”\n"
    ),
    "someone_else": (
        "Ruth Adler runs the county party.\n\n"
        "“Okafor can carry the county,” Adler notes.\n\n"
        "Tom Okafor has high hopes for himself in November.\n\n"
        "“He can win the county and the state.”\n"
    ),
    # A title abbreviation ties the bare role noun, not one another word narrows to someone
    # else ("the B-Team captain" is not "Capt. X", the spokeswoman).
    "other_captain": (
        "By phone, Capt. Ann Roe, a spokeswoman for the fleet, defended the patrol.\n\n"
        "“The boat could not see the lights,” Capt. Roe said.\n\n"
        "The B-Team captain said afterwards: “Our radio had gone quiet for an hour.”\n"
    ),
    # A he/she after a sentence whose main subject is a government named after a man, with
    # the one who spoke set off by commas: never the man the government is named after.
    "named_government": (
        "Tom Okafor met the ministers of the region last week.\n\n"
        "After the vote, Okafor hinted on Tuesday, the Peter Reyes government plans to press "
        "on. “Words are cheap and deeds count,” he told a radio station.\n"
    ),
    # A definite description right after a name and a comma is that person's apposition.
    "apposition": (
        "Firms have spent millions on the races.\n\n"
        "“Money spent early decides the race,” said Ruth Adler, the guild's senior strategist, "
        "who added that the group plans to focus on “local issues like roads.”\n"
    ),
    # A name inside the apposition of a subject (through a preposition) describes the subject.
    "adviser": (
        "The council voted on the bridge on Monday.\n\n"
        "Tomas Reyes, a former aide to Mayor Peter Osei, doubted the plan as well.\n\n"
        "“Nobody has shown me what it will cost,” he said.\n"
    ),
    # An abbreviated title ties its role noun: "Sen. X" is "the senator".
    "senator": (
        "Sen. Tomas Reyes was the first to react on Tuesday.\n\n"
        "“The test shows the plan has failed,” the Ohio senator and party leader wrote in a "
        "post.\n\n"
        "“We need a new plan,” he said.\n"
    ),
    # A sentence of a connective and a quotation right after an attribution goes on with it;
    # not in a paragraph of its own.
    "instead": (
        "Tom Okafor spoke at the rally on Monday.\n\n"
        "“We will not raise taxes,” Okafor said. Instead, “we will cut waste in every "
        "department.”\n"
    ),
    "now": (
        "Taxes are rising in the county.\n\n"
        "“We were not very happy when it was first announced,” said Tom Okafor, head of policy"
        " at the council. Now, “there is a sizable constituency saying this is fine.”\n"
    ),
    "instead_apart": (
        "Tom Okafor spoke at the rally on Monday.\n\n"
        "“We will not raise taxes,” Okafor said.\n\n"
        "Instead, “we will cut waste in every department” was the line of the day.\n"
    ),
    # A title the parser joins to the name it goes with as a second subject.
    "two_titles": (
        "The party met in Eastfield on Monday.\n\n"
        "“Turnout decides it,” said former Westria Gov. and Eastfield Party Chairman Tom "
        "Okafor.\n"
    ),
}


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("speaker_continuations")
    return build_quotes(root, ARTICLES, cache_dir=cache_dir, published="2024-03-04")


def test_a_quotation_right_after_an_attribution_goes_on_with_its_speaker(quotes) -> None:
    # '“…,” said Jane Roe, chair of … Party. “Tom Okafor has to win them back” - by raising
    # his profile …': Roe's words, though the reporter's words follow them.
    assert said(quotes, "adjoining", "Tom Okafor has") == ("Jane Roe", None, "follow_on")


def test_a_quotation_paragraph_with_the_reporters_words_is_not_continued(quotes) -> None:
    # In its own paragraph, the quotation has a verb of the reporter's: nothing says whose.
    assert said(quotes, "own_paragraph", "Tom Okafor has") == (None, None, "none")


def test_a_colon_after_a_named_subject_opens_that_persons_words(quotes) -> None:
    # 'On the radio that evening, Okafor pushed harder: “The bridge is …”'
    assert said(quotes, "colon", "The bridge is") == ("Tom Okafor", "Okafor", "colon")


def test_a_question_after_a_colon_is_not_the_subjects(quotes) -> None:
    # 'Okafor then faced the hardest question of the night: “Who will pay for the bridge?”'
    assert said(quotes, "colon", "Who will pay") == (None, None, "none")


def test_a_paragraph_about_the_speaker_does_not_stop_her_quotation(quotes) -> None:
    # '“…,” Adler notes. | Adler has high hopes for Okafor … | “He can win the county and the
    # state.”': Adler's, though Okafor is named in between.
    assert said(quotes, "about", "He can win") == ("Ruth Adler", None, "follow_on")


def test_a_paragraph_with_another_subject_stops_the_quotation(quotes) -> None:
    # 'Tom Okafor has high hopes for himself in November.' between: nothing says whose.
    assert said(quotes, "someone_else", "He can win") == (None, None, "none")


def test_an_abbreviated_title_does_not_tie_a_description_another_word_narrows(quotes) -> None:
    # 'Capt. Ann Roe, a spokeswoman for the fleet, … | The B-Team captain said afterwards:
    # “Our radio …”': another captain, not Roe (the pattern seen on real news).
    assert said(quotes, "other_captain", "Our radio")[0] is None
    assert said(quotes, "other_captain", "The boat could")[0] == "Ann Roe"


def test_a_pronoun_is_not_the_man_a_government_is_named_after(quotes) -> None:
    # 'After the vote, Okafor hinted on Tuesday, the Peter Reyes government plans to press
    # on. “Words are cheap and deeds count,” he told a radio station.': Okafor spoke; Reyes
    # only names the government (the pattern seen on real news, given to the other man).
    assert said(quotes, "named_government", "Words are cheap")[0] in (None, "Tom Okafor")


def test_a_description_in_apposition_to_a_name_is_that_person(quotes) -> None:
    # 'said Ruth Adler, the guild's senior strategist, who added that … “local issues like
    # roads.”': the parser gives "added" the description; the name before it is who.
    assert said(quotes, "apposition", "local issues") == (
        "Ruth Adler",
        "the guild's senior strategist",
        "governing_verb",
    )


def test_a_name_inside_the_subjects_apposition_is_not_a_second_candidate(quotes) -> None:
    # 'Tomas Reyes, a former aide to Mayor Peter Osei, doubted the plan as well. | “…,” he
    # said.': Osei only describes Reyes; "he" is Reyes.
    assert said(quotes, "adviser", "Nobody has") == ("Tomas Reyes", "he", "pronoun")


def test_an_abbreviated_title_ties_its_role_noun(quotes) -> None:
    # 'Sen. Tomas Reyes was the first to react … | “…,” the Ohio senator and party leader
    # wrote …':
    # the one senator named; the "he" after is his too.
    assert said(quotes, "senator", "The test shows") == (
        "Tomas Reyes",
        "the Ohio senator",
        "cue",
    )
    assert said(quotes, "senator", "We need") == ("Tomas Reyes", "he", "pronoun")


def test_a_connective_and_a_quotation_go_on_with_the_attribution_before(quotes) -> None:
    # '“…,” Okafor said. Instead, “we will cut waste in every department.”'
    assert said(quotes, "instead", "we will cut") == ("Tom Okafor", None, "follow_on")


def test_now_still_so_are_connectives_too(quotes) -> None:
    # '“…,” said Tom Okafor, head of policy at the council. Now, “there is a sizable …”'
    # (before: no speaker, "now" not a connective word).
    assert said(quotes, "now", "there is a sizable") == ("Tom Okafor", None, "follow_on")


def test_a_connective_in_a_paragraph_of_its_own_does_not_go_on(quotes) -> None:
    # 'Instead, “we will cut waste in every department” was the line of the day.': whose
    # line, the text does not say.
    assert said(quotes, "instead_apart", "we will cut") == (None, None, "none")


def test_a_title_joined_to_a_name_is_one_speaker(quotes) -> None:
    # '“…,” said former Westria Gov. and Eastfield Party Chairman Tom Okafor.': one man with
    # two titles, not two speakers.
    assert said(quotes, "two_titles", "Turnout decides") == (
        "Tom Okafor",
        "Eastfield Party Chairman Tom Okafor",
        "cue",
    )


def test_a_speech_verb_joined_to_an_object_speaks_for_the_verbs_subject() -> None:
    # 'Dana Whitfield then put on a comic drawl and joked, “We will laugh.”' parsed as real news
    # was: "joked" a conjunct of the object "drawl"; who joked is who put it on.
    doc = parsed(
        [
            ("Dana", "PROPN", "NNP", "compound", 1, "Dana"),
            ("Whitfield", "PROPN", "NNP", "nsubj", 3, "Whitfield"),
            ("then", "ADV", "RB", "advmod", 3, "then"),
            ("put", "VERB", "VBD", "ROOT", 3, "put"),
            ("on", "ADP", "RP", "prt", 3, "on"),
            ("a", "DET", "DT", "det", 7, "a"),
            ("comic", "ADJ", "JJ", "amod", 7, "comic"),
            ("drawl", "NOUN", "NN", "dobj", 3, "drawl"),
            ("and", "CCONJ", "CC", "cc", 7, "and"),
            ("joked", "VERB", "VBD", "conj", 7, "joke"),
            (",", "PUNCT", ",", "punct", 9, ","),
            ("“", "PUNCT", "``", "punct", 9, "“"),
            ("We", "PRON", "PRP", "nsubj", 14, "we"),
            ("will", "AUX", "MD", "aux", 14, "will"),
            ("laugh", "VERB", "VB", "ccomp", 9, "laugh"),
            (".", "PUNCT", ".", "punct", 14, "."),
            ("”", "PUNCT", "''", "punct", 9, "”"),
        ]
    )
    assert doc.text == "Dana Whitfield then put on a comic drawl and joked, “We will laugh.”"
    names = {"Dana Whitfield": ("dana-whitfield", "PERSON")}
    assert speakers_of(doc, names) == [("Dana Whitfield", "governing_verb")]
