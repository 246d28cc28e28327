"""Speaker rules of the eighth issue-21 speaker session: a he/she that can only be the person
who spoke last, a colon after a clause ending in a free relative, a statement two people
issued, a name after a preposition inside a subject, a dash opening a quotation, and "went on"
and "fumed" as cues. Invented articles; each expectation checked by hand and quoted from the
text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.speaker_articles import build_quotes, said

OPENING = (
    "Daniel Berg chaired the harbour board for ten years.\n\n"
    "“We kept the boats running,” Berg said. “Nobody thought we could.”\n\n"
)

ARTICLES = {
    # Two sentences after his words, only he is named, and not as a subject.
    "pier": OPENING
    + "Work on the new pier took two years. It was a proud day for Berg.\n\n"
    + "“I owe it to the crew,” he said.\n",
    # Someone else is named in between.
    "partners": OPENING
    + "Work on the new pier took two years. It was a proud day for Berg and Tomas "
    "Reyes.\n\n“I owe it to the crew,” he said.\n",
    # A "she" cannot be him.
    "crew": OPENING
    + "Work on the new pier took two years. It was a proud day for Berg.\n\n"
    + "“I owe it to the crew,” she said.\n",
    # A description in between may be the one who speaks.
    "captain": OPENING
    + "Work on the new pier took two years. The captain watched it open with Berg.\n\n"
    + "“I owe it to the crew,” he said.\n",
    # A colon after a clause that ends with a free relative ("for what happened").
    "apology": "The ferry left two hours late on Sunday.\n\nDaniel Berg took the blame for "
    "what followed: “I should have called the families first.”\n",
    # Two people issue one statement.
    "joint": "The two mayors met on Friday.\n\nDaniel Berg and Tomas Reyes released a letter "
    "calling the deal “a fair price for both towns.”\n",
    # The subject is a neighbour of the man named, not the man.
    "neighbour": "Daniel Berg chaired the harbour board for ten years.\n\nWork on the new pier "
    "took two years. A neighbour of Berg ran the talks.\n\n“I owe it to the crew,” he said.\n",
    # Two subjects: the man named, and others around another man.
    "others": "Daniel Berg will not use the word strike, but others around Mayor Tomas Reyes "
    "are not shy about it.\n\n“We start in March,” he said.\n",
    # A dash opens a quotation as a colon does; not a question.
    "fares": "The ferry board met on Monday.\n\nDaniel Berg also defended the new fares -- "
    "“Nobody rides for free anywhere else.”\n",
    "tickets": "The ferry board met on Monday.\n\nDaniel Berg also defended the new fares — "
    "“Who rides for free anywhere else?”\n",
    # "went on" and "fumed" cue a quotation after another person's.
    "went": "The ferry board met on Monday.\n\n“Fares must rise,” said Tomas Reyes.\n\n“We all "
    "pay already,” Daniel Berg went on.\n\n“Nobody asked us,” Lena Brandt fumed.\n",
}


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("speaker_view")
    return build_quotes(root, ARTICLES, cache_dir=cache_dir, published="2024-06-03")


def test_a_pronoun_is_the_last_speaker_when_nobody_else_came_into_view(quotes) -> None:
    # '“We kept the boats running,” Berg said. … Work on the new pier took two years. It was a
    # personal triumph for Berg. “I owe it to the crew,” he said.'
    assert said(quotes, "pier", "I owe it") == ("Daniel Berg", "he", "pronoun")


def test_the_last_speaker_is_not_taken_past_someone_else(quotes) -> None:
    # '… a proud day for Berg and Tomas Reyes. “I owe it to the crew,” he said.'
    assert said(quotes, "partners", "I owe it") == (None, "he", "pronoun")
    # '… a proud day for Berg. “I owe it to the crew,” she said.': Daniel is a man's name.
    assert said(quotes, "crew", "I owe it") == (None, "she", "pronoun")
    # '… The captain watched it open with Berg. “I owe it to the crew,” he said.'
    assert said(quotes, "captain", "I owe it") == (None, "he", "pronoun")


def test_a_colon_after_a_free_relative_opens_the_clause_subjects_words(quotes) -> None:
    # 'Daniel Berg took the blame for what followed: “I should have called the families
    # first.”': "what" is the relative's subject; the clause's is Daniel Berg.
    assert said(quotes, "apology", "I should have") == ("Daniel Berg", "Daniel Berg", "colon")


def test_a_statement_two_people_issued_is_neither_ones_alone(quotes) -> None:
    # 'Daniel Berg and Tomas Reyes released a letter calling the deal “a fair price for both
    # towns.”': two issuers, so no one speaker.
    assert said(quotes, "joint", "a fair price") == (None, "a letter", "governing_verb")


def test_a_name_after_a_preposition_in_a_subject_is_not_an_antecedent(quotes) -> None:
    # '… A neighbour of Berg ran the talks. “I owe it to the crew,” he said.': the neighbour,
    # whom the article does not name, may be who speaks; Berg is not the subject.
    assert said(quotes, "neighbour", "I owe it") == (None, "he", "pronoun")


def test_an_unnamed_subject_beside_a_named_one_leaves_the_pronoun_open(quotes) -> None:
    # '… Daniel Berg will not use the word strike, but others around Mayor Tomas Reyes are not
    # shy about it. “We start in March,” he said.': Reyes is not a subject, but the others are,
    # and one of them may be the "he"; so no one (it was Berg while the name was only dropped)
    assert said(quotes, "others", "We start") == (None, "he", "pronoun")


def test_a_dash_after_a_named_subjects_clause_opens_the_quotation(quotes) -> None:
    # 'Daniel Berg also defended the new fares -- “Nobody rides for free anywhere else.”'
    assert said(quotes, "fares", "Nobody rides") == ("Daniel Berg", "Daniel Berg", "colon")
    # '… the new fares — “Who rides for free anywhere else?”': a question may be put to him.
    assert said(quotes, "tickets", "Who rides") == (None, None, "none")


def test_going_on_and_fuming_cue_the_speaker(quotes) -> None:
    # '“Fares must rise,” said Tomas Reyes. “We all pay already,” Daniel Berg went on.'
    assert said(quotes, "went", "We all pay") == ("Daniel Berg", "Daniel Berg", "cue")
    # '“Nobody asked us,” Lena Brandt fumed.'
    assert said(quotes, "went", "Nobody asked") == ("Lena Brandt", "Lena Brandt", "cue")
