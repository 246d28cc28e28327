"""Descriptions as speakers: which written forms of a title tie a description to one name.

A description (`the president`, `the spokeswoman`) is shown as written; it gets an entity only
when the article ties it to exactly one name explicitly (`ArticleContext._tied`): an apposition
(`X, the spokeswoman,`), a title written before a name in lowercase (`spokeswoman X`), or the
title written before a name as a capitalised or abbreviated word (`President X`, `Sen. X`),
the forms `title_forms` returns. Every such tie of the article counts: two people named with
the title (`President X`, `Vice President Y`) tie the description to no one.
"""

from __future__ import annotations

from ..text.lexicon import ROLE_NOUNS
from .cues import TITLE_ABBREVIATIONS


def title_forms(noun: str) -> frozenset[str]:
    """Returns the lowercase words that, written as a title right before a person's name, tie
    a description with the role noun `noun` (a lemma) to that person: its abbreviations
    (`sen` for `senator`, from `abbreviated_titles` in `data/cues.yml`) and, for a role noun,
    the noun itself (`President X` ties `the president`); an empty set for other nouns."""
    forms = TITLE_ABBREVIATIONS.get(noun, frozenset())
    return forms | {noun} if noun in ROLE_NOUNS else forms
