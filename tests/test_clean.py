"""Clean bodies: each seed body starts and ends where the article does, and nothing is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.corpus.clean import clean_text, normalize_whitespace
from analysis.corpus.manifest import CorpusError, read_corpus
from tests.conftest import CORPUS
from tests.invariants import HEADER, check_built, write_corpus

# (article_id, first words of the body, last words of the body) — read off the raw files by hand.
EXPECTED_EDGES = [
    (
        "washpost",
        "The head of Amnesty International in Ukraine said she was quitting her job",
        "is participating in this disinformation and propaganda campaign.”",
    ),
    (
        "wire",
        "The head of Amnesty International's Ukraine office has resigned, accusing",
        "\"This is called war propaganda, disinformation, misinformation. This won't dent our "
        "impartiality and won't change the facts,\" she said.",
    ),
    (
        "cnn-repost",
        "The report prompted the resignation of Amnesty Ukraine’s head, Oksana Pokalchuk,",
        "cannot fail to understand that by doing so they are helping terrorists.”",
    ),
    (
        "blog",
        "Amnesty International’s head of human rights in Ukraine, Oksana Pokalchuk, resigned on "
        "Friday",
        "“the human rights organization is trying to justify Russian terror,” Zelensky said.",
    ),
    (
        "ua-outlet",
        "Oksana Pokalchuk explained that they disagreed with the leadership of Amnesty "
        "International on values.",
        "And that criticism “will not weaken the impartiality” of the organisation.",
    ),
]

# Text that is in a raw file but not part of the article.
NOT_ARTICLE = {
    "washpost": [
        "Democracy Dies in Darkness",  # masthead
        "Vincent Yu/AP",  # photo caption
        "office in Hong Kong in 2021",
        "What are war crimes, and is Russia committing them in Ukraine?",  # related-link teaser
        "What you need to know",  # sidebar box about other events
        "partial mobilization",
        "Subscribe to our channel",
    ],
    "cnn-repost": ["contributed reporting", "Mohammed Tawfeeq"],
    "blog": [
        "sensationalistic piece of garbage",  # reader comment 1
        "Callamard is a Marxist",  # reader comment 2
        "Liked by 3 people",
        "Leave a Reply",
        "You are commenting using",
        "Akismet",
    ],
    "ua-outlet": ["Translate"],
}


@pytest.mark.parametrize(("article_id", "first", "last"), EXPECTED_EDGES)
def test_body_starts_and_ends_where_the_article_does(
    bodies: dict[str, str], article_id: str, first: str, last: str
) -> None:
    assert bodies[article_id].startswith(first)
    assert bodies[article_id].endswith(last)


@pytest.mark.parametrize(("article_id", "fragments"), NOT_ARTICLE.items())
def test_body_holds_no_page_furniture(
    bodies: dict[str, str], article_id: str, fragments: list[str]
) -> None:
    for fragment in fragments:
        assert fragment not in bodies[article_id]


def test_blog_comment_quoting_the_article_is_removed_but_the_article_sentence_stays(
    bodies: dict[str, str],
) -> None:
    # The first reader comment quotes a body paragraph verbatim; the paragraph must stay once.
    sentence = "According to Pokalchuk, the Ukrainian branch of Amnesty had called for the position"
    assert bodies["blog"].count(sentence) == 1


def test_titles(tables) -> None:
    titles = dict(zip(tables.articles.article_id, tables.articles.title, strict=True))
    assert titles["washpost"] == (
        "Amnesty International’s Ukraine chief resigns after report criticizes Kyiv"
    )
    assert titles["blog"].startswith("Amnesty Ukraine chief resigns after Amnesty report")
    # The wire and CNN copies start with body text, not a headline.
    assert titles["wire"] != titles["wire"]  # NaN: no title
    assert titles["cnn-repost"] != titles["cnn-repost"]
    for article_id, body in zip(tables.articles.article_id, tables.articles.body, strict=True):
        title = titles[article_id]
        if isinstance(title, str):
            assert not body.startswith(title)


def test_removed_reasons_on_the_washington_post(tables) -> None:
    removed = tables.removed[tables.removed.article_id == "washpost"]
    by_reason = dict(zip(removed.reason, removed.text, strict=True))
    assert by_reason["before the headline (masthead or navigation)"] == (
        "The Washington PostDemocracy Dies in Darkness"
    )
    assert by_reason["photo caption (ends with a photo credit)"] == (
        "Amnesty International's office in Hong Kong in 2021. (Vincent Yu/AP)"
    )
    box = by_reason["corpus rule: sidebar box about later events, not part of the article"]
    assert box.startswith("War in Ukraine: What you need to know")
    assert box.endswith("Subscribe to our channel for updates and exclusive video.")


def test_whitespace_variants_are_normalised(bodies: dict[str, str]) -> None:
    # The blog has no-break spaces: "Pokalchuk,\xa0 resigned" and "International\xa0wrote".
    assert "Oksana Pokalchuk, resigned on Friday" in bodies["blog"]
    assert "Instead, Amnesty International wrote on Thursday" in bodies["blog"]
    for body in bodies.values():
        assert "\xa0" not in body
        assert "\r" not in body
        assert "  " not in body


def test_paragraphs_kept_from_blank_line_and_single_newline_files(tables) -> None:
    counts = dict(zip(tables.articles.article_id, tables.articles.n_paragraphs, strict=True))
    # wire: 18 single-newline lines; washpost: 17 blank-line separated article paragraphs.
    assert counts["wire"] == 18
    assert counts["washpost"] == 17
    assert counts["cnn-repost"] == 3


@pytest.mark.parametrize("article", read_corpus(CORPUS), ids=lambda a: a.article_id)
def test_every_raw_character_is_accounted_for(article) -> None:
    cleaned = clean_text(article.raw, known_title=article.title, rules=article.rules)
    raw = article.raw
    spans = [(p.raw_start, p.raw_end, "body") for p in cleaned.paragraphs]
    spans += [(r.start, r.end, "removed") for r in cleaned.removed]
    if cleaned.title_span:
        spans.append((*cleaned.title_span, "title"))
        assert normalize_whitespace(raw[slice(*cleaned.title_span)]) == normalize_whitespace(
            cleaned.title or ""
        )
    owner = [""] * len(raw)
    for start, end, kind in spans:
        for i in range(start, end):
            assert not owner[i], f"offset {i} is in both {owner[i]} and {kind}"
            owner[i] = kind
    unaccounted = "".join(ch for ch, who in zip(raw, owner, strict=True) if not who)
    assert unaccounted.strip() == "", f"unaccounted text: {unaccounted.strip()[:80]!r}"
    for paragraph in cleaned.paragraphs:
        assert normalize_whitespace(raw[paragraph.raw_start : paragraph.raw_end]) == paragraph.text


def test_tables_tie_paragraphs_to_body_and_raw(tables) -> None:
    articles = tables.articles.set_index("article_id")
    for row in tables.paragraphs.itertuples():
        body, raw = articles.at[row.article_id, "body"], articles.at[row.article_id, "raw"]
        assert body[row.start : row.end] == row.text
        assert normalize_whitespace(raw[row.raw_start : row.raw_end]) == row.text
    for row in tables.removed.itertuples():
        assert articles.at[row.article_id, "raw"][row.start : row.end] == row.text


def test_hard_wrapped_paragraphs_are_joined() -> None:
    raw = (
        "A headline about the story\n\n"
        "The first paragraph is wrapped at a short width\nso it spans two lines.\n\n"
        "The second paragraph\nis wrapped too.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "A headline about the story"
    assert [p.text for p in cleaned.paragraphs] == [
        "The first paragraph is wrapped at a short width so it spans two lines.",
        "The second paragraph is wrapped too.",
    ]


def test_generic_rules_on_unseen_text() -> None:
    raw = (
        "Minister resigns over report\r\n\r\n"
        "Share this article\r\n"
        "The minister resigned on Monday.\r\n"
        "Protesters outside the ministry on Monday. (Jane Doe/Reuters)\r\n"
        "She said the report was \u201cunfair.\u201d\u200b\r\n"
        "Reporting by Jane Doe; Editing by John Roe\r\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.body == "The minister resigned on Monday.\n\nShe said the report was “unfair.”"
    assert [r.reason for r in cleaned.removed] == [
        "widget or navigation label",
        "photo caption (ends with a photo credit)",
        "reporting credit",
    ]


def test_corpus_rule_must_match_exactly_one_line() -> None:
    with pytest.raises(CorpusError, match=r"matches 0 lines.*quote the whole line"):
        clean_text("One line.\nTwo lines.", rules=[{"drop": "Three", "reason": "x"}], source="f")
    with pytest.raises(CorpusError, match="exactly one of"):
        clean_text("One line.", rules=[{"drop": "One line."}], source="f")


def test_cleaning_everything_away_is_an_error() -> None:
    with pytest.raises(CorpusError, match=re.escape("f.txt: cleaning removed every line")):
        clean_text("Body.", rules=[{"drop": "Body.", "reason": "x"}], source="f.txt")


# A saved web page (written for these tests): navigation, byline, photo caption, a "Most read"
# box, a footer, a script; the date and author only in its JSON-LD metadata.
HTML_PAGE = (Path(__file__).parent / "fixtures" / "html_page.html").read_text(encoding="utf-8")


def build_page(tmp_path: Path, cache_dir: Path, *, published: str) -> analysis.Tables:
    manifest = HEADER + f"g1,articles/g1.html,Riverside Gazette,newspaper,,,{published},en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/g1.html": HTML_PAGE})
    tables = analysis.build(root, cache_dir=cache_dir)
    check_built(tables)  # every raw character: title, body or removed
    return tables


def test_html_page_every_character_accounted_for(tmp_path: Path, cache_dir: Path) -> None:
    tables = build_page(tmp_path, cache_dir, published="")
    removed = list(tables.removed[["reason", "text"]].itertuples(index=False, name=None))
    outside = "outside the article text (page navigation, boxes, footer)"
    assert removed == [
        (outside, "Home\nLocal\nSport"),
        ("byline", "By Maria Lindqvist"),
        (
            "photo caption (ends with a photo credit)",
            "The old crossing at dawn. (Jon Berg/Riverside Gazette)",
        ),
        (
            outside,
            "Most read\nStorm closes schools across the region\nLocal team wins the cup after "
            "penalties",
        ),
        ("copyright notice", "© 2021 Riverside Gazette. All rights reserved."),
        (outside, "Privacy policy"),
    ]
    (article,) = tables.articles.itertuples()
    assert article.title == "Council approves new bridge over the river"
    assert article.author == "Maria Lindqvist"
    assert article.body.startswith("The city council voted on Tuesday to build a new bridge")
    assert article.body.endswith("which put the cost at 40 million crowns.")
    assert article.n_paragraphs == 3
    assert 'alert("not text")' not in article.raw  # scripts are not page text


def test_html_date_from_page_metadata_when_the_manifest_has_none(
    tmp_path: Path, cache_dir: Path
) -> None:
    tables = build_page(tmp_path, cache_dir, published="")
    assert tables.articles.published[0] == pd.Timestamp("2021-03-14")  # JSON-LD datePublished


def test_manifest_date_wins_over_page_metadata(tmp_path: Path, cache_dir: Path) -> None:
    tables = build_page(tmp_path, cache_dir, published="2021-03-15")
    assert tables.articles.published[0] == pd.Timestamp("2021-03-15")


def test_byline_of_a_text_article_becomes_its_author() -> None:
    raw = (
        "Council approves new bridge over the river\n"
        "By Maria Lindqvist and Jon Berg | Riverside Gazette\n\n"
        "The city council voted on Tuesday to build a new bridge.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.author == "Maria Lindqvist and Jon Berg"
    assert cleaned.title == "Council approves new bridge over the river"
    assert [(r.reason, raw[r.start : r.end]) for r in cleaned.removed] == [
        ("byline", "By Maria Lindqvist and Jon Berg | Riverside Gazette")
    ]
    assert cleaned.body == "The city council voted on Tuesday to build a new bridge."


def test_a_sentence_starting_with_by_is_no_byline() -> None:
    raw = "By Tuesday, the council had voted.\n\nBy the river, a new bridge will stand.\n"
    cleaned = clean_text(raw)
    assert cleaned.author is None and cleaned.removed == ()


def test_seed_articles_have_no_byline(tables) -> None:
    assert tables.articles.author.isna().all()


# Invented: a page scrape that pasted each linked name's pop-up card (full name glued to a few
# headlines, then "MORE") into the sentence, once with a space after the full name.
POPUP_RAW = (
    "Council vote delayed\n\n"
    "Mayor Ann Roe Ann Marie RoeCouncil delays the budget vote Roe answers critics on parking "
    "MORE and Councillor Ben Tay Ben Arthur Tay Harbour plan wins backing MORE (Ind.) said "
    "on Monday that the vote would wait.\n"
    "Roe’s office said the delay was short. Viewers wanted MORE from the show, said Dan McCoy.\n"
)


def test_popup_cards_pasted_into_a_sentence_are_removed() -> None:
    cleaned = clean_text(POPUP_RAW)
    assert cleaned.body == (
        "Mayor Ann Roe and Councillor Ben Tay (Ind.) said on Monday that the vote would wait.\n\n"
        "Roe’s office said the delay was short. Viewers wanted MORE from the show, said Dan McCoy."
    )
    reason = "pop-up card of a linked name (full name, headlines, MORE)"
    cards = [POPUP_RAW[r.start : r.end] for r in cleaned.removed if r.reason == reason]
    assert cards == [
        " Ann Marie RoeCouncil delays the budget vote Roe answers critics on parking MORE",
        " Ben Arthur Tay Harbour plan wins backing MORE",
    ]
    first = cleaned.paragraphs[0]
    kept = POPUP_RAW[first.raw_start : first.raw_end]
    for card in cards:
        kept = kept.replace(card, "")
    assert normalize_whitespace(kept) == first.text


def test_popup_cards_leave_every_character_accounted_for(tmp_path: Path, cache_dir: Path) -> None:
    manifest = HEADER + "p1,articles/p1.txt,Riverside Gazette,newspaper,,,2024-03-04,en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/p1.txt": POPUP_RAW})
    tables = analysis.build(root, cache_dir=cache_dir)
    check_built(tables)
    assert "Ann Marie" not in tables.articles.body.iloc[0]


def test_copyright_notice_and_newsletter_box_are_removed() -> None:
    raw = (
        "Harbour plan approved\n\n"
        "The council approved the harbour plan on Monday.\n"
        "Sign up for the Harbour Digest newsletter\n"
        "Copyright law was not part of the debate, the mayor said.\n"
        "Copyright © 2024 The Riverside Gazette, LLC. All rights reserved.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.body == (
        "The council approved the harbour plan on Monday.\n\n"
        "Copyright law was not part of the debate, the mayor said."
    )
    assert [(r.reason, raw[r.start : r.end]) for r in cleaned.removed] == [
        ("newsletter sign-up", "Sign up for the Harbour Digest newsletter"),
        (
            "copyright notice",
            "Copyright © 2024 The Riverside Gazette, LLC. All rights reserved.",
        ),
    ]


def test_a_popup_card_without_headlines_ends_at_its_own_more() -> None:
    # Invented: the card glues "MORE" to the full name; the cut must not run on to the next
    # card's "MORE" and take the article's words between them.
    raw = (
        "Budget talks resume\n\n"
        "Chief of staff Cal Dunn Calvin Lee DunnMORE called the mayor on Friday, and Mayor Ann "
        "Roe Ann Marie RoeCouncil delays the budget vote MORE agreed to meet.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.body == (
        "Chief of staff Cal Dunn called the mayor on Friday, and Mayor Ann Roe agreed to meet."
    )
