"""Quotations written with two-character marks (session q2ap): two apostrophes (`''…''`) or
two grave accents opening and two apostrophes closing (``` ``…'' ```) are quote marks, read as
curly ones without changing the body (offsets and text stay the body's). Invented articles,
each expectation checked by hand and quoted from the article text."""

from __future__ import annotations

from pathlib import Path

from analysis.quotes.marks import marks_view
from tests.test_quotes_issuers import build_one, quote_starting


def test_two_apostrophes_and_grave_accents_mark_quotes(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko opened the new depot in Brody on Monday.\n\n"
        "''The depot will carry every bus in the valley by spring,'' Horbenko said.\n\n"
        "Tom Okafor, a driver, was less sure. ``We have heard that promise before,'' Okafor"
        " said.\n\n"
        "Horbenko called the old depot ''a ruin'' and said the drivers' rock''n''roll band"
        " would play at the opening.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    body = tables.articles.body.iloc[0]  # type: ignore[attr-defined]
    assert "''The depot will carry" in body  # the body keeps its marks
    first = quote_starting(tables, "The depot will carry")
    assert first.text == "The depot will carry every bus in the valley by spring,"
    assert body[first.start : first.end] == first.text
    assert first.kind == "direct" and first.speaker == "Ivan Horbenko" and first.cue == "say"
    second = quote_starting(tables, "We have heard")
    assert second.text == "We have heard that promise before,"
    assert second.kind == "direct" and second.speaker == "Tom Okafor"
    ruin = quote_starting(tables, "a ruin")
    assert ruin.kind == "partial" and ruin.speaker == "Ivan Horbenko"
    # an apostrophe stays one, and two inside a word are no mark (only the indirect quote
    # "the drivers' rock''n''roll band would play at the opening" holds them)
    marked = tables.quotes[tables.quotes.kind != "indirect"]  # type: ignore[attr-defined]
    assert not marked.text.str.contains("roll").any()


def test_the_marks_view_keeps_offsets() -> None:
    text = "He said, ``No,'' and then: ''We said 'no,''' she said. rock''n''roll"
    view = marks_view(text)
    assert len(view) == len(text)
    assert view == "He said,  “No,”  and then:  “We said 'no,'”  she said. rock''n''roll"


def test_a_title_after_author_of_is_no_quote(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Mayor Ivan Horbenko opened the new depot in Brody on Monday.\n\n"
        "In his autobiography, ''A Long Road Home,'' published in 2015, Horbenko described"
        " how he drove buses as a student.\n\n"
        "Tom Okafor, author of ``Night Buses of Brody,'' a history of the line, said the depot"
        " was late. ''It is ten years late,'' Okafor said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    quotes = tables.quotes  # type: ignore[attr-defined]
    marked = quotes[quotes.kind != "indirect"]
    # the titles "A Long Road Home," and "Night Buses of Brody," are no one's words (before:
    # Horbenko's and Okafor's)
    assert not marked.text.str.startswith(("A Long Road Home", "Night Buses")).any()
    assert quote_starting(tables, "It is ten years late").speaker == "Tom Okafor"
