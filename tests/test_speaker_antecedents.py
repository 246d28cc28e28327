"""Speaker rules of the third issue-21 speaker session (pronouns handed over, quotes going on
after their attribution, cues without a speech verb): invented articles, each expectation
checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.speaker_articles import build_quotes, said

ARTICLES = {
    # A nearer sentence names someone as an object, but its subject is a same-gender pronoun.
    "shelves": (
        "Nora Lindqvist runs the food bank on Mill Street. On Monday she met Mayor Tomas Reyes "
        "to discuss the rent.\n\n"
        "“We need more shelves before the winter,” she said.\n"
    ),
    # The model splits the sentence after `,’”`: the words after the closing mark attribute it.
    "bridge": (
        "Tomas Reyes toured the site on Monday. The bridge “was never going to open on time, not "
        "with a plan as simple as, ‘Just build it,’” Reyes said in a phone interview.\n"
    ),
    # The parser hangs the speaker on the relative clause and leaves "said" without a subject.
    "banks": (
        "Lena Brandt, meanwhile, who has no such backing, said that fact speaks volumes about "
        "which of the two candidates is “ready to fight the big banks.”\n"
    ),
    # Someone named nearer, not as a subject, whose title says the other gender.
    "clinic": (
        "Nora Lindqvist opened the new clinic on Monday. The clinic was built by Mr. Tomas "
        "Reyes.\n\n“We waited ten years for this,” she said.\n"
    ),
    # The same, nothing saying the gender of the one named nearer: he may be who "she" is not,
    # but the article does not say so — no speaker.
    "school": (
        "Nora Lindqvist opened the new school on Monday. The school was built by Tomas "
        "Reyes.\n\n“We waited ten years for this,” she said.\n"
    ),
    # Verbs of the quote rules' own list, and an answering verb with "back".
    "hall": (
        "The two candidates met at the town hall on Friday.\n\n"
        "“Sit down and wait your turn,” Mayor Pavel Novak barked at a heckler.\n\n"
        "“You never answered the question,” Lena Brandt shot back with a laugh.\n"
    ),
    # The owner of a clause's subject, the subject a thing: a later "he" may be him.
    "buses": (
        "Tomas Reyes’s budget would cut bus routes if he wins the vote.\n\n"
        "The council meets on Monday.\n\n“Nobody wants fewer buses,” he said.\n"
    ),
}


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("speaker_antecedents")
    return build_quotes(root, ARTICLES, cache_dir=cache_dir, published="2024-03-04")


def test_a_pronoun_subject_nearer_than_an_object_name_hands_over(quotes) -> None:
    # 'Nora Lindqvist runs …. On Monday she met Mayor Tomas Reyes …. “We need …,” she said.':
    # Tomas Reyes is named nearer, but as an object; the nearer "she" is Nora Lindqvist.
    assert said(quotes, "shelves", "We need") == ("Nora Lindqvist", "she", "pronoun")


def test_words_after_a_comma_and_closing_mark_attribute_it(quotes) -> None:
    # 'The bridge “was never going to open …, ‘Just build it,’” Reyes said in a phone interview.'
    assert said(quotes, "bridge", "was never") == ("Tomas Reyes", "Reyes", "cue")


def test_a_subject_hung_on_a_relative_clause_is_the_speakers(quotes) -> None:
    # 'Lena Brandt, meanwhile, who has no such backing, said that fact … is “ready to fight …”'
    assert said(quotes, "banks", "ready to fight") == (
        "Lena Brandt",
        "Lena Brandt",
        "governing_verb",
    )
    rows = quotes[(quotes.article_id == "banks") & (quotes.kind == "indirect")]
    # The reported clause, not the relative clause: 'fact speaks volumes … big banks'.
    assert rows.text.tolist() == [
        "fact speaks volumes about which of the two candidates is “ready to fight the big banks"
    ]


def test_a_nearer_name_of_the_other_known_gender_does_not_block(quotes) -> None:
    # 'Nora Lindqvist opened …. The clinic was built by Mr. Tomas Reyes. “We waited …,” she said.'
    assert said(quotes, "clinic", "We waited") == ("Nora Lindqvist", "she", "pronoun")
    # '… built by Tomas Reyes. “We waited …,” she said.': his gender is not stated.
    assert said(quotes, "school", "We waited") == (None, "she", "pronoun")


def test_quote_verbs_and_verbs_answering_back_cue_the_speaker(quotes) -> None:
    # '“Sit down …,” Mayor Pavel Novak barked at a heckler.'
    assert said(quotes, "hall", "Sit down") == ("Pavel Novak", "Mayor Pavel Novak", "cue")
    # '“You never answered the question,” Lena Brandt shot back with a laugh.'
    assert said(quotes, "hall", "You never") == ("Lena Brandt", "Lena Brandt", "cue")


def test_the_owner_of_a_subject_is_a_pronoun_antecedent(quotes) -> None:
    # 'Tomas Reyes’s budget would cut bus routes if he wins …. “Nobody wants fewer buses,” he
    # said.'
    assert said(quotes, "buses", "Nobody wants") == ("Tomas Reyes", "he", "pronoun")


def test_the_quote_rules_verb_lists_are_read_from_cues_yml() -> None:
    import yaml

    from analysis.quotes.cues import ANSWER_BACK_VERBS, DATA, QUOTE_VERBS
    from analysis.text.lexicon import SPEECH_VERBS

    raw = yaml.safe_load((DATA / "cues.yml").read_text(encoding="utf-8"))
    assert set(raw["quote_verbs"]) == QUOTE_VERBS and "bark" in QUOTE_VERBS
    assert set(raw["answer_back_verbs"]) == ANSWER_BACK_VERBS and "shoot" in ANSWER_BACK_VERBS
    # The quote rules' own verbs are not shared speech verbs (entity and timeline rules).
    assert not QUOTE_VERBS & SPEECH_VERBS
