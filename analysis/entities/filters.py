"""Mention filters: the mentions `analysis.entities` drops or trims before grouping names
(steps 1 and 4) — capitalised common words taken for names (`drop_common_words`,
`drop_common_word_people`, by `common_words`), names in a line of one outlet's page furniture
(`drop_page_furniture`, the lines counted once by `find_page_furniture`), and a leading group
word or a repeated given name set aside from a person's name (`set_aside_group_words`,
`set_aside_repeated_given_names`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..text.furniture import find_repeated_texts
from ..text.names import fold
from ..text.parse import doc_text
from .mentions import _WORD_START, Mention
from .vocabulary import honorifics, is_given_name, same_given_name

if TYPE_CHECKING:
    from spacy.tokens import Doc


def drop_common_words(
    docs: Mapping[str, Doc], mentions: list[Mention], *, cases: WordCases | None = None
) -> list[Mention]:
    """Returns the mentions without the capitalised common words the model took for names: a
    one-word mention opening a sentence ("People with knowledge …", "Here is …") whose word the
    corpus writes in lowercase more often than capitalised inside sentences. A name keeps its
    capital inside sentences ("… said Trump"), so it stays. `cases`: the documents' word
    cases (`count_word_cases`), counted here when None.
    """
    texts = {aid: doc_text(doc) for aid, doc in docs.items()}
    opening = {
        m.text
        for m in mentions
        if len(m.tokens) == 1
        and m.text[:1].isupper()
        and _opens_sentence(texts[m.article_id], m.start)
        and not _after_honorific(texts[m.article_id], m.start)
    }
    if not opening:
        return mentions
    lowered = common_words(
        cases if cases is not None else texts.values(), {w.lower() for w in opening}
    )
    common = {w for w in opening if w.lower() in lowered}
    return [
        m
        for m in mentions
        if not (
            m.text in common
            and _opens_sentence(texts[m.article_id], m.start)
            and not _after_honorific(texts[m.article_id], m.start)
        )
    ]


def drop_common_word_people(
    docs: Mapping[str, Doc], mentions: list[Mention], *, cases: WordCases | None = None
) -> list[Mention]:
    """Returns the mentions without the "people" made only of common words that page clutter
    puts in capitals ("Inbox Join" in a sign-up line, "Photos" in a credit line): names
    labelled PERSON (or found by search) in two articles or more (a page's clutter repeats; a
    watchdog group's name of two common words, mislabelled once, stays), every word of which
    the corpus writes in lowercase more often than capitalised inside sentences
    (`common_words`), never used as a person's (no title, role or speech verb), with no common
    given name, and no word that ends a person's full name (opening with a given name or used
    as a person's) elsewhere ("Price" after "Ann Price" stays). `cases`: the documents' word
    cases (`count_word_cases`), counted here when None."""
    surnames = {
        m.tokens[-1].lower()
        for m in mentions
        if len(m.tokens) >= 2 and (m.cues["PERSON"] > 0 or is_given_name(m.tokens[0]))
    }
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    candidates = {
        key
        for key, group in by_key.items()
        if any(m.label == "PERSON" for m in group)
        and len({m.article_id for m in group}) >= 2  # page clutter repeats
        and all(m.label in ("PERSON", None) for m in group)
        and not any(m.cues["PERSON"] > 0 or m.title for m in group)
        and not any(is_given_name(w) or w.lower() in surnames for w in group[0].tokens)
    }
    if not candidates:
        return mentions
    words = {w.lower() for key in candidates for w in by_key[key][0].tokens}
    lowered = common_words(
        cases if cases is not None else (doc_text(doc) for doc in docs.values()), words
    )
    junk = {k for k in candidates if all(w.lower() in lowered for w in by_key[k][0].tokens)}
    return [m for m in mentions if m.key not in junk]


@dataclass(frozen=True)
class WordCases:
    """How texts write their words (`count_word_cases`): each word written in lowercase, with
    its count (`lower`), and each word written otherwise inside a sentence (not opening it),
    lowercased, with its count (`inside`)."""

    lower: Counter[str]
    inside: Counter[str]


def count_word_cases(texts: Iterable[str]) -> WordCases:
    """Returns how the texts write their words, counted once for every `common_words` asked of
    the same texts (each question was a pass over the corpus's words)."""
    lower: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for text in texts:
        for found in _WORD_START.finditer(text):
            word = found.group()
            if word.islower():
                lower[word] += 1
            elif not _opens_sentence(text, found.start()):
                inside[word.lower()] += 1
    return WordCases(lower, inside)


def common_words(texts: Iterable[str] | WordCases, words: set[str]) -> set[str]:
    """Returns those of `words` (lowercase) that the texts write in lowercase more often than
    capitalised inside sentences: common words, not names ("standard", "plan"). `texts`: the
    texts, or their `count_word_cases`."""
    cases = texts if isinstance(texts, WordCases) else count_word_cases(texts)
    # a word counts as lowercase where its lowercase form is asked about (as it always was)
    return {w for w in words if (cases.lower[w] if w.lower() in words else 0) > cases.inside[w]}


#: A line repeated word for word in this many articles or more, all of one outlet, is that
#: outlet's page furniture ("Sign up for the Harbor Digest. Read our Terms of Use."); a wire
#: story's copies run by several outlets are not.
BOILERPLATE_ARTICLES = 10


@dataclass(frozen=True)
class PageFurniture:
    """The lines of each article's body (`spans`: start, end and stripped text of each) and
    the texts of those that are page furniture (`furniture`), counted once for the corpus."""

    spans: dict[str, list[tuple[int, int, str]]]
    furniture: set[str]


def find_page_furniture(docs: Mapping[str, Doc], *, outlets: Mapping[str, str]) -> PageFurniture:
    """Returns each article's lines and those repeated word for word in `BOILERPLATE_ARTICLES`
    articles or more, all of one outlet (`outlets`: each article's; unknown, an article is its
    own outlet): a newsletter box or a site's footer (`drop_page_furniture` drops their names)."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    units: list[tuple[str, str, str]] = []
    for article_id, doc in docs.items():
        lines, at = [], 0
        for line in doc_text(doc).split("\n"):
            lines.append((at, at + len(line), line.strip()))
            at += len(line) + 1
        spans[article_id] = lines
        outlet = outlets.get(article_id) or article_id
        units += [(article_id, outlet, text) for _, _, text in lines if text]
    repeated = find_repeated_texts(units, min_articles=BOILERPLATE_ARTICLES)
    return PageFurniture(spans, {text for _, text in repeated})


def drop_page_furniture(mentions: list[Mention], furniture: PageFurniture) -> list[Mention]:
    """Returns the mentions without those in a line (a paragraph of the body) of page furniture
    (`find_page_furniture`): a newsletter box or a site's footer, whose names ("Harbor Digest",
    "Terms of Use") are no one's and nothing's the articles report. The line stays in the body;
    only its names are not mentions."""
    if not furniture.furniture:
        return mentions
    kept = []
    for m in mentions:
        line = next(
            (t for s, e, t in furniture.spans.get(m.article_id, []) if s <= m.start < e), ""
        )
        if line not in furniture.furniture:
            kept.append(m)
    return kept


def set_aside_group_words(mentions: list[Mention]) -> list[Mention]:
    """Returns the mentions with a leading group word set aside before a person's name
    ("Republican Ann Smith" → "Ann Smith"): a first word that, alone, is mostly labelled NORP,
    followed by a common given name and at least one more word."""
    alone: dict[str, Counter[str]] = {}
    for m in mentions:
        if len(m.tokens) == 1 and m.label:
            alone.setdefault(m.key, Counter())[m.label] += 1
    groups = {k for k, labels in alone.items() if labels.most_common(1)[0][0] == "NORP"}
    kept = []
    for m in mentions:
        words = m.text.split()
        if len(words) >= 3 and fold(words[0]) in groups and is_given_name(words[1]):
            at = m.text.index(words[1], len(words[0]))
            m = replace(m, start=m.start + at, text=m.text[at:], tokens=tuple(words[1:]), key="")
        kept.append(m)
    return kept


def set_aside_repeated_given_names(mentions: list[Mention]) -> list[Mention]:
    """Returns the mentions with a trailing given name set aside when it repeats the first one
    or is a variant of it ("Ann Holt Ann", "Bill Holt William": page tags run a person's name
    into its full first name): three words or more, the last a common given name."""
    kept = []
    for m in mentions:
        words = m.text.split()
        first, last = (words[0], words[-1]) if words else ("", "")
        if (
            len(words) >= 3
            and is_given_name(last)
            and (first.lower() == last.lower() or same_given_name(first, last))
        ):
            text = m.text[: m.text.rindex(last)].rstrip()
            m = replace(m, end=m.start + len(text), text=text, tokens=tuple(text.split()), key="")
        kept.append(m)
    return kept


#: Honorifics written as whole words ("Lady.", "Vice."): a full stop after one may end a
#: sentence; after the other, abbreviated ones ("Mr.", "Sen.") it never does.
_WORD_HONORIFICS = frozenset({"sir", "dame", "lord", "lady", "vice"})


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a body offset opens a sentence or a paragraph (after quote marks and spaces)."""
    before = text[max(0, start - 12) : start].rstrip(" \t“\"‘'(")
    return not before or before[-1] in ".!?:\n"


def _after_honorific(text: str, start: int) -> bool:
    """Whether a body offset follows an abbreviated honorific's full stop and a space ("Mr. X",
    "Sen. X"): no sentence's end, whatever the full stop looks like."""
    found = re.search(r"(?<![\w.])([A-Z][a-z]{0,3})\. $", text[max(0, start - 6) : start])
    if found is None:
        return False
    lower = found.group(1).lower()
    return lower in honorifics() and lower not in _WORD_HONORIFICS
