"""The canonical name of a person is the fullest COMMON form (issue 21): a fuller form one
article alone writes (a middle initial, a one-off form with a suffix that may be a parent's)
does not name a person other articles name by a shorter full name. Hand-made mentions of
invented sentences."""

from __future__ import annotations

from analysis.entities.canonical import _canonical_name
from analysis.entities.mentions import Mention


def mentions(article: str, *texts: str) -> list[Mention]:
    return [
        Mention(article, 0, 10 * i, 10 * i + len(t), t, tuple(t.split()), "PERSON")
        for i, t in enumerate(texts)
    ]


def test_a_fuller_form_of_one_article_does_not_name_the_person() -> None:
    # "Senator Ann Roe said …" in two articles; one writes "Ann B. Roe Jr." once (her father)
    group = [
        *mentions("a", "Ann Roe", "Roe", "Roe"),
        *mentions("b", "Ann B. Roe Jr.", "Ann Roe", "Roe"),
        *mentions("c", "Roe"),
    ]
    assert _canonical_name(group, "PERSON") == "Ann Roe"


def test_the_fullest_form_names_the_person_when_two_articles_write_it() -> None:
    group = [*mentions("a", "Ann B. Roe", "Roe"), *mentions("b", "Ann B. Roe", "Ann Roe")]
    assert _canonical_name(group, "PERSON") == "Ann B. Roe"


def test_within_one_article_the_fullest_form_names_the_person() -> None:
    assert _canonical_name(mentions("a", "Ann B. Roe", "Ann Roe", "Roe"), "PERSON") == "Ann B. Roe"
