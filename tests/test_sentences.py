"""Sentences: offsets into the body, order, and no sentence across paragraphs."""

from __future__ import annotations

from analysis.corpus.clean import PARAGRAPH_SEPARATOR


def test_sentence_offsets_point_into_the_body(tables) -> None:
    bodies = tables.articles.set_index("article_id").body
    for row in tables.sentences.itertuples():
        assert bodies[row.article_id][row.start : row.end] == row.text
        assert row.text == row.text.strip() and row.text


def test_sentences_are_ordered_and_never_cross_paragraphs(tables) -> None:
    paragraphs = tables.paragraphs.set_index(["article_id", "paragraph_id"])
    for article_id, group in tables.sentences.groupby("article_id", sort=False):
        assert list(group.sentence_id) == list(range(len(group)))
        assert (group.start.diff().dropna() > 0).all()
        for row in group.itertuples():
            p_start, p_end = paragraphs.loc[(article_id, row.paragraph_id), ["start", "end"]]
            assert p_start <= row.start < row.end <= p_end
            assert PARAGRAPH_SEPARATOR not in row.text


def test_counts_match_the_tables(tables) -> None:
    for row in tables.articles.itertuples():
        assert row.n_sentences == (tables.sentences.article_id == row.article_id).sum()
        assert row.n_paragraphs == (tables.paragraphs.article_id == row.article_id).sum()
        assert row.n_paragraphs == row.body.count(PARAGRAPH_SEPARATOR) + 1


def test_known_sentences(tables) -> None:
    s = tables.sentences
    wire = s[s.article_id == "wire"].text.tolist()
    # A paragraph that is one quoted sentence is one sentence of its own.
    assert (
        '"And there are no words in any language that can convey this to someone who has not '
        'experienced this pain."'
    ) in wire
    washpost = s[s.article_id == "washpost"].text.tolist()
    # Two sentences of one paragraph: the attribution stays with its quote.
    assert (
        "“As a result of this, although unwillingly, the organization created material that "
        "sounded like support of Russian narratives,” she said."
    ) in washpost
    assert (
        "“Seeking to protect civilians, this study instead has become a tool of Russian "
        "propaganda.”"
    ) in washpost


def test_word_counts_are_plausible(tables) -> None:
    # Whitespace-split counts of the bodies, less the punctuation-only pieces (checked by hand
    # to be within a few percent of the tokenizer's count: clitics like "n't" add tokens).
    for row in tables.articles.itertuples():
        rough = len(row.body.split())
        assert 0.9 * rough <= row.n_words <= 1.15 * rough, row.article_id
