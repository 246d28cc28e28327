"""Verbs that speak only right after a quotation (`after_quote_verbs` in data/cues.yml; issue
21, session 17): "“…?” X pressed", "“…!” beamed X"; elsewhere they say nothing ("X pressed the
button"). Invented articles, each expectation checked by hand and quoted from the text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.speaker_articles import build_quotes, said

ARTICLES = {
    "pressed": (
        "Dana Reyes interviewed the governor on Monday.\n\n"
        "“Would the wall be negotiable?” Reyes pressed. “Maybe for some people?”\n\n"
        "“I would say this,” Governor Tom Okafor answered.\n"
    ),
    "beamed": (
        "The crowd cheered for an hour.\n\n"
        "“This is fantastic!” beamed Tom Okafor of Eastfield, who came with his wife.\n"
    ),
    "button": (
        "“The bridge will open in May,” the mayor said on Monday.\n\n"
        "Dana Reyes pressed the button, and the crowd cheered. The hearing started an hour "
        "later.\n"
    ),
}


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> pd.DataFrame:
    root = tmp_path_factory.mktemp("after_quote_verbs")
    return build_quotes(root, ARTICLES, cache_dir=cache_dir, published="2024-03-04")


def test_a_subject_and_verb_right_after_the_closing_mark_speak(quotes) -> None:
    assert said(quotes, "pressed", "Would the wall") == ("Dana Reyes", "Reyes", "cue")
    assert said(quotes, "pressed", "Maybe for some") == ("Dana Reyes", None, "follow_on")


def test_the_verb_then_a_name_right_after_the_closing_mark_speak(quotes) -> None:
    assert said(quotes, "beamed", "This is fantastic") == ("Tom Okafor", "Tom Okafor", "cue")


def test_elsewhere_the_verbs_say_nothing(quotes) -> None:
    # "Dana Reyes pressed the button" in the next paragraph is no attribution of the quote
    assert said(quotes, "button", "The bridge will") == (None, "the mayor", "cue")
