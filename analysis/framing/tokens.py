"""Whose words: which characters of a body are quoted (and by whom), and the word tokens of every
sentence with their lemma and whether they are the reporter's or a quote's.

Every framing measure counts either the reporter's own text, the quotes, or both; this module
decides which is which, from the `quotes` table's offsets (a quote inside another quote — a partial
quote within a reported clause — wins over the outer one).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from ..text.parse import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The text parts a measure can count.
PARTS = ("all", "reporter", "quotes")
NO_QUOTE = -1


def part_of(selection: Any) -> str:
    """Returns the part of the text a `Selection` asks for, from its "part" choice.

    The notebooks' filter offers "reporter" and "quote"; both (or no choice): "all"; only
    "reporter": "reporter"; only "quote": "quotes".
    """
    allowed = dict(selection.choices).get("part")
    if allowed is None or {"reporter", "quote"} <= set(allowed) or not allowed:
        return "all"
    return "reporter" if "reporter" in allowed else "quotes"


def check_part(part: str) -> str:
    """Returns `part` when it is one of `PARTS`, else raises ValueError naming the choices."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    return part


def map_quote_owners(body_length: int, quotes: pd.DataFrame) -> np.ndarray:
    """Marks which quote covers each character of one body.

    Args:
        body_length: Length of the article body.
        quotes: The `quotes` rows of that article.

    Returns:
        An int array of `body_length`: the `quote_id` covering each character (the shortest quote
        when several do), or `NO_QUOTE`.
    """
    owner = np.full(body_length, NO_QUOTE, dtype=np.int64)
    spans = zip(quotes.start.tolist(), quotes.end.tolist(), quotes.quote_id.tolist(), strict=True)
    for start, end, quote_id in sorted(spans, key=lambda s: s[0] - s[1]):  # longest first
        owner[int(start) : int(end)] = int(quote_id)
    return owner


def map_all_quote_owners(bodies: Mapping[str, str], quotes: pd.DataFrame) -> dict[str, np.ndarray]:
    """Returns `map_quote_owners` for every article, by article_id."""
    by_article = dict(iter(quotes.groupby("article_id", sort=False)))
    empty = quotes.iloc[:0]
    return {
        aid: map_quote_owners(len(body), by_article.get(aid, empty)) for aid, body in bodies.items()
    }


def is_content(lemma: str) -> bool:
    """Returns True for a lemma that counts as a term: it has a letter, begins and ends with a
    letter or digit (not a quote mark or dash a tokenizer left on it: "“the", "it-"), has two
    characters or more and is not a stop word."""
    return (
        len(lemma) > 1
        and lemma[0].isalnum()
        and lemma[-1].isalnum()
        and any(c.isalpha() for c in lemma)
        and lemma not in STOP_WORDS
    )


def tabulate_tokens(
    docs: Mapping[str, Doc], sentences: pd.DataFrame, quotes: pd.DataFrame
) -> pd.DataFrame:
    """Lists the word tokens of every sentence.

    Args:
        docs: The parsed body of each article (`Tables.docs`).
        sentences: The `sentences` table.
        quotes: The `quotes` table.

    Returns:
        One row per token that is not punctuation or space, in text order: article_id,
        sentence_id, start, end (offsets into `articles.body`), lemma (lowercase), content (True
        when the lemma counts as a term: `is_content`), quote_id (the quote covering it,
        `NO_QUOTE` for the reporter's words), run (a number that changes at every punctuation
        mark and quote boundary), joins (True when the token and the next one form a phrase:
        one modifies the other as a compound, adjective or particle — "attorney general",
        "northern valley" — so that the two are a candidate two-word term).
    """
    bodies = {aid: doc_text(doc) for aid, doc in docs.items()}
    owners = map_all_quote_owners(bodies, quotes)
    names = (
        "article_id",
        "sentence_id",
        "start",
        "end",
        "lemma",
        "content",
        "quote_id",
        "run",
        "joins",
    )
    columns: dict[str, list] = {k: [] for k in names}
    run = 0
    for aid, group in sentences.groupby("article_id", sort=False):
        doc, owner = docs[str(aid)], owners[str(aid)]
        for sentence_id, start, end in zip(group.sentence_id, group.start, group.end, strict=True):
            run += 1
            quote_before = NO_QUOTE
            for token in doc.char_span(int(start), int(end), alignment_mode="expand") or []:
                if token.is_punct or token.is_space:
                    run += 1
                    continue
                lemma = token.lemma_.lower()
                quote_id = int(owner[token.idx])
                if quote_id != quote_before:
                    run += 1
                    quote_before = quote_id
                columns["article_id"].append(str(aid))
                columns["sentence_id"].append(int(sentence_id))
                columns["start"].append(token.idx)
                columns["end"].append(token.idx + len(token.text))
                columns["lemma"].append(lemma)
                columns["content"].append(is_content(lemma))
                columns["quote_id"].append(quote_id)
                columns["run"].append(run)
                columns["joins"].append(joins_next(token))
    return pd.DataFrame(columns).astype(
        {k: "int64" for k in ("sentence_id", "start", "end", "quote_id", "run")}
    )


#: Dependency relations that make two neighbouring words one phrase.
PHRASE_RELATIONS = frozenset({"compound", "amod", "flat", "nmod", "prt"})


def joins_next(token: Any) -> bool:
    """Returns True when a token and the next one are a phrase: the first modifies the second
    (compound, adjective, flat name, noun modifier) or the second is the first's particle."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    if token.head.i == after.i and token.dep_ in PHRASE_RELATIONS:
        return True
    return after.head.i == token.i and after.dep_ in PHRASE_RELATIONS


def select_part(tokens: pd.DataFrame, part: str) -> pd.DataFrame:
    """Returns the tokens of one part: "all", "reporter" (outside quotes) or "quotes"."""
    if check_part(part) == "reporter":
        return tokens[tokens.quote_id == NO_QUOTE]
    if part == "quotes":
        return tokens[tokens.quote_id != NO_QUOTE]
    return tokens
