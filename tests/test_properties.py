"""Property-based tests of the text pipeline (hypothesis): whatever the text, the build either
builds consistent tables or rejects the file with a `CorpusError`; it never crashes.

Kept small (a few dozen examples, no deadline): the machine is shared and each example is a build.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import analysis
from analysis.corpus.clean import clean_text, normalize_whitespace
from analysis.corpus.manifest import CorpusError
from tests.invariants import check_built, one_article

WORDS = (
    "the minister said on Monday that Kyiv and Amnesty would not resign report officials "
    "army civilians council mayor she he they told reporters added statement"
).split()
MARKS = ["", "", "", ".", ",", "“", "”", '"', "'", "‘", "’", "«", "»", "!", "?", ":", " —"]
SPACES = [" ", " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\xa0", "\u200b"]


def english_text(min_words: int) -> st.SearchStrategy[str]:
    """Returns English-like text of at least `min_words` words: words with quote marks and
    punctuation glued on, every kind of space and line break between them."""
    parts = st.tuples(
        st.sampled_from(MARKS), st.sampled_from(WORDS), st.sampled_from(MARKS),
        st.sampled_from(SPACES),
    )  # fmt: skip
    return st.lists(parts, min_size=min_words, max_size=min_words + 120).map(
        lambda items: "".join(
            a + (w.capitalize() if i % 7 == 0 else w) + b + s
            for i, (a, w, b, s) in enumerate(items)
        )
    )


english = english_text(1)
# Any Unicode at all: controls, surrogates excluded (they cannot be written as UTF-8), emoji, bidi.
anything = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
mixed = st.one_of(english, anything, st.tuples(english, anything, english).map("".join))

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(text=mixed)
def test_build_never_crashes_and_its_tables_are_consistent(text: str, cache_dir: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = one_article(Path(folder), text)
        try:
            tables = analysis.build(root, cache_dir=cache_dir)
        except CorpusError as exc:
            # Rejected: the message names the file (or says the rules left nothing).
            assert "x.txt" in str(exc)
            event("rejected")
            return
    event("built")
    check_built(tables)  # offsets, quotes, mentions inside their article; raw accounted for
    (article,) = tables.articles.itertuples()
    assert article.raw == text.removeprefix("\ufeff")
    quotes = tables.quotes
    assert ((quotes.start >= 0) & (quotes.end <= len(article.body))).all()


@settings(max_examples=50, deadline=None, database=None)
@given(text=mixed, title=st.one_of(st.none(), english))
def test_cleaning_accounts_for_every_raw_character(text: str, title: str | None) -> None:
    try:
        cleaned = clean_text(text, known_title=title)
    except CorpusError as exc:
        assert "has no body" in str(exc)
        return
    owner = [""] * len(text)
    spans = [(p.raw_start, p.raw_end) for p in cleaned.paragraphs]
    spans += [(r.start, r.end) for r in cleaned.removed]
    if cleaned.title_span:
        spans.append(cleaned.title_span)
    for start, end in spans:
        for i in range(start, end):
            assert not owner[i], f"offset {i} is claimed twice"
            owner[i] = "x"
    left = "".join(ch for ch, who in zip(text, owner, strict=True) if not who)
    assert normalize_whitespace(left) == ""
    for paragraph in cleaned.paragraphs:
        assert normalize_whitespace(text[paragraph.raw_start : paragraph.raw_end]) == (
            paragraph.text
        )
        assert paragraph.text and paragraph.text == paragraph.text.strip()
    body = cleaned.body
    assert "\r" not in body


PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>{paragraphs}
</article><aside><h2>Most read</h2><ul><li><a href="/x">{teaser}</a></li></ul></aside>
<footer>© Example Daily</footer></body></html>"""


# Found by this test: spaCy tags "'" as an entity, a key of no words crashed entity merging.
FOUND = [
    "The reporters? the: the ?the» the the« «She!  —the! the: ?the the «the»  —the“ «Monday‘ "
    ".council' ?the» the? the! officials! report Report? the »the told — :statement the — they "
    "The» she» ?reporters :the? !resign they« the The ?army« :council added :the «the  —he They "
    "— the reporters !the the — :he! «she! The  —the ",
    "The told the council ?the» mayor !council The army report !the — report !council? they "
    "Mayor ?council» ?the council the resign — army «Report ",
    "?He  —the ?the  —the: the they officials! The» »the the the »added the! !the Officials «the "
    "report: civilians »he« report»  —the.\u200bCouncil “mayor?\u200b.the' ",
    "Resign !the the officials: they! report — »army The! he the the she  —reporters !added: "
    ":The — »the ",
]


@SETTINGS
@example(paragraphs=FOUND, title="The the the the the", teaser="The the the the")
@given(
    paragraphs=st.lists(english_text(15), min_size=3, max_size=6),
    title=english,
    teaser=st.one_of(english, anything),
)
def test_web_pages_account_for_every_character(
    paragraphs: list[str], title: str, teaser: str, cache_dir: Path
) -> None:
    page = PAGE.format(
        title=html.escape(title),
        paragraphs="".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
        teaser=html.escape(teaser),
    )
    with tempfile.TemporaryDirectory() as folder:
        root = one_article(Path(folder), page, suffix="html")
        try:
            tables = analysis.build(root, cache_dir=cache_dir)
        except CorpusError as exc:
            assert "x.html" in str(exc)
            event("rejected")
            return
    event("built")
    check_built(tables)
