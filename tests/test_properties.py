"""Property-based tests of the text pipeline (hypothesis): whatever the text, the build either
builds consistent tables or rejects the file with a `CorpusError`; it never crashes.

Kept small (a few dozen examples, no deadline): the machine is shared and each example is a build.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.clean import clean_text, normalize_whitespace
from analysis.corpus import CorpusError
from tests.invariants import check_built, one_article

WORDS = (
    "the minister said on Monday that Kyiv and Amnesty would not resign report officials "
    "army civilians council mayor she he they told reporters added statement"
).split()
MARKS = ["", "", "", ".", ",", "“", "”", '"', "'", "‘", "’", "«", "»", "!", "?", ":", " —"]
SPACES = [" ", " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\xa0", "\u200b"]

# English-like text: words, quote marks and punctuation glued on, every kind of line break.
english = st.lists(
    st.tuples(st.sampled_from(MARKS), st.sampled_from(WORDS), st.sampled_from(MARKS),
              st.sampled_from(SPACES)),
    min_size=1,
    max_size=120,
).map(lambda parts: "".join(a + w.capitalize() * (i % 7 == 0) + w * (i % 7 != 0) + b + s
                             for i, (a, w, b, s) in enumerate(parts)))  # fmt: skip
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
            return
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
