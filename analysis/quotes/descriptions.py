"""Descriptions as speakers: a title written before a name ties a description to that person.

A description (`the president`, `the spokeswoman`) is shown as written; it gets an entity only
when the article ties it to exactly one name explicitly (`ArticleContext.find_tied`): an apposition
(`X, the spokeswoman,`), a title in lowercase before a name (`spokeswoman X`), an abbreviated
title (`Sen. X`) or, here, the role noun written as a capitalised title before a name
(`President X` ties `the president`). Every person named with the title counts: two of them
(`President X`, `Vice President Y`) tie the description to no one. A title tie also needs
nobody else named as a subject between the person's last mention and the description
(`President X …. Later, Y and Z met, with the president saying …` is not tied to X).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import ArticleContext


def find_title_holders(
    context: ArticleContext, description: Token, *, modifiers: tuple[str, ...] = ()
) -> list[str]:
    """Returns the people the article names before a description with its role noun written as
    a capitalised title right before their name (`President X` for `the president`; with
    `modifiers`, the description's words before the noun, the title's words too: `Attorney
    General X` for `the attorney general`), once per such mention; an empty list when the noun
    is no role noun."""
    noun = description.lemma_.lower()
    if noun not in ROLE_NOUNS:
        return []
    holders = []
    for i in range(description.i):
        t = context.doc[i]
        if context.lowers[i] != noun or t.pos_ != "PROPN" or t.dep_ != "compound":
            continue
        if modifiers and tuple(context.lowers[i - len(modifiers) : i]) != modifiers:
            continue
        named = context.mention_at(t.head.idx)
        if named is not None and context.labels.get(named) == "PERSON":
            holders.append(named)
    return holders


def is_named_since(context: ArticleContext, entity_id: str, description: Token) -> bool:
    """Returns whether another person is named as a subject (outside any quotation) between the
    last mention of `entity_id` and the description: then the description may be that other
    person's (`he and Y got off to a good start, with the president declaring …`)."""
    before = list(context.mentions.within(0, description.idx))
    last = max((m.end for m in before if m.entity_id == entity_id), default=None)
    if last is None:
        return True
    for m in before:
        if m.start < last or m.label != "PERSON" or m.entity_id == entity_id:
            continue
        if context.quoted.covers(m.start):
            continue
        head = context.doc[bisect_right(context.offsets, m.end - 1) - 1]
        while head.dep_ in ("compound", "flat") and head.head != head:
            head = head.head
        subject = head.dep_ in ("nsubj", "nsubjpass") or (
            head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass")
        )
        if subject:
            return True
    return False
