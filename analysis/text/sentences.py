"""Paragraph and sentence tables of the cleaned article bodies."""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..corpus.clean import PARAGRAPH_SEPARATOR, Cleaned
from .parse import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc


def locate_paragraphs(cleaned: Cleaned) -> list[tuple[int, int]]:
    """Finds each paragraph in the body.

    Args:
        cleaned: A cleaned article.

    Returns:
        The (start, end) body offsets of each paragraph, in order.
    """
    spans, pos = [], 0
    for paragraph in cleaned.paragraphs:
        spans.append((pos, pos + len(paragraph.text)))
        pos += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
    return spans


def tabulate_paragraphs(article_id: str, cleaned: Cleaned) -> list[dict[str, Any]]:
    """Lists the paragraphs of one article as `paragraphs` rows.

    Args:
        article_id: The article.
        cleaned: The cleaned article.

    Returns:
        One row (a dict of the `paragraphs` columns) per paragraph.
    """
    return [
        {
            "article_id": article_id,
            "paragraph_id": i,
            "start": start,
            "end": end,
            "raw_start": paragraph.raw_start,
            "raw_end": paragraph.raw_end,
            "text": paragraph.text,
        }
        for i, ((start, end), paragraph) in enumerate(
            zip(locate_paragraphs(cleaned), cleaned.paragraphs, strict=True)
        )
    ]


def tabulate_sentences(
    article_id: str, doc: Doc, paragraphs: list[tuple[int, int]]
) -> list[dict[str, Any]]:
    """Lists the sentences of one parsed body as `sentences` rows.

    spaCy's sentences are cut at paragraph boundaries (the pipeline already starts a sentence at
    each paragraph; this makes it a guarantee) and stripped of surrounding whitespace. A piece with
    no letter or digit (spaCy sometimes splits off a closing quote mark) joins the sentence before
    it in the same paragraph.

    Args:
        article_id: The article.
        doc: The parsed body.
        paragraphs: The (start, end) body offsets of each paragraph.

    Returns:
        One row (a dict of the `sentences` columns) per sentence, in body order.
    """
    body = doc_text(doc)
    rows: list[dict[str, Any]] = []
    ends = [p_end for _p_start, p_end in paragraphs]
    # in body order and apart, as located (checked: otherwise every paragraph is looked at)
    ordered = all(s <= e for s, e in paragraphs) and all(
        a[1] <= b[0] for a, b in pairwise(paragraphs)
    )
    for sent in doc.sents:
        # the paragraphs a sentence can overlap: from the first ending after its start (all of
        # them when the paragraphs are not in order)
        first = bisect_right(ends, sent.start_char) if ordered else 0
        for paragraph_id, (p_start, p_end) in enumerate(paragraphs[first:], start=first):
            if ordered and p_start >= sent.end_char:
                break  # this one and every later one start after the sentence
            start, end = max(sent.start_char, p_start), min(sent.end_char, p_end)
            if start >= end:
                continue
            text = body[start:end]
            start += len(text) - len(text.lstrip())
            end -= len(text) - len(text.rstrip())
            if start >= end:
                continue
            previous = rows[-1] if rows else None
            if (
                previous is not None
                and previous["paragraph_id"] == paragraph_id
                and not any(ch.isalnum() for ch in body[start:end])
            ):
                previous["end"] = end
                previous["text"] = body[previous["start"] : end]
            else:
                rows.append(
                    {
                        "article_id": article_id,
                        "sentence_id": len(rows),
                        "paragraph_id": paragraph_id,
                        "start": start,
                        "end": end,
                        "text": body[start:end],
                    }
                )
    return rows
