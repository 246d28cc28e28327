"""Paraphrase links between articles published days apart: they need evidence of one fact.

Within a found story that spans days, two articles published three or more days apart often
report different developments of one topic (a bill's whip count and its passage, two hearings of
one inquiry), and a paraphrase link between them joins two sentences that share the topic's
people and words but state different things (invented: "The council met to discuss the
budget." / "The council's budget vote was delayed again."). Reports of one development are
published within a day or two of each other; a later article that retells a fact of it carries
what is particular to that fact: a number, or a word few articles of the corpus carry.

So a paraphrase link between two articles published `APART_DAYS` or more calendar days apart,
in a found story of at most `MAX_STORY_ARTICLES` articles, is kept only when its two sentences
share a number (a year aside) or a word that at most `RARE_ARTICLES` articles of the corpus
carry (invented: "Inspectors found 14 cracks in the span." / "The 14 cracks closed the
bridge."). A (near-)verbatim or shared-quote link always
stays: the same words are one text, whenever they were printed. An article without a
publication day is never apart. A story of more articles is a running story reported day after
day (a war, a crisis, a report and its reactions): its articles retell one another's facts days
later, and every word of it is carried by many articles, so the evidence cannot be asked there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

#: Articles published this many calendar days apart or more need evidence for a paraphrase link.
APART_DAYS = 3
#: A word carried by at most this many articles of the corpus is evidence of one fact.
RARE_ARTICLES = 3
#: The rule holds in stories of at most this many articles (not in a running story of many).
MAX_STORY_ARTICLES = 20

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_YEAR = re.compile(r"(1[89]|20)\d\d")
_POSSESSIVE = re.compile(r"['’]s?$|['’]s(?=-)")


def read_terms(text: str) -> frozenset[str]:
    """Returns a sentence's terms: its words lower-cased, without a possessive 's (English stop
    words out), and its numbers (commas out)."""
    terms = set()
    for token in _TOKEN.findall(text):
        term = _POSSESSIVE.sub("", token.lower().replace(",", ""))
        if term and term not in ENGLISH_STOP_WORDS:
            terms.add(term)
    return frozenset(terms)


def count_articles(terms_by_article: Mapping[str, Iterable[frozenset[str]]]) -> Counter[str]:
    """Returns how many articles carry each term, from each article's sentences' terms."""
    counts: Counter[str] = Counter()
    for sentence_terms in terms_by_article.values():
        counts.update(frozenset().union(*sentence_terms))
    return counts


def share_evidence(
    first: frozenset[str], second: frozenset[str], *, articles: Counter[str]
) -> bool:
    """Says whether two sentences' terms (`read_terms`) share a number other than a year, or a
    word that at most `RARE_ARTICLES` articles carry (`articles`: `count_articles`)."""
    for term in first & second:
        if term[0].isdigit():
            if not _YEAR.fullmatch(term):
                return True
        elif articles[term] <= RARE_ARTICLES:
            return True
    return False


def count_days_apart(first: pd.Timestamp | None, second: pd.Timestamp | None) -> int | None:
    """Returns the calendar days between two publication times, or None when one is unknown."""
    if first is None or second is None or pd.isna(first) or pd.isna(second):
        return None
    return abs((pd.Timestamp(first).normalize() - pd.Timestamp(second).normalize()).days)


def count_story_articles(
    articles: Iterable[str], *, stories: Mapping[str, int] | None
) -> dict[str, int]:
    """Returns, for each article, how many articles its story holds (all of them when
    `stories` is None; 1 for an article missing from `stories`)."""
    ids = [str(a) for a in articles]
    if stories is None:
        return dict.fromkeys(ids, len(set(ids)))
    counts = Counter(stories[a] for a in set(ids) if a in stories)
    return {a: counts[stories[a]] if a in stories else 1 for a in ids}


def find_unsupported(
    pairs: Sequence[tuple[str, str, str, str]],
    *,
    sentences: pd.DataFrame,
    published: Mapping[str, pd.Timestamp | None],
    stories: Mapping[str, int] | None = None,
) -> list[bool]:
    """Says, for each paraphrase link, whether it joins articles published `APART_DAYS` or more
    apart, in a story of at most `MAX_STORY_ARTICLES` articles, without shared evidence
    (`share_evidence`): such a link is to be dropped.

    Args:
        pairs: Each link's (article_a, text_a, article_b, text_b), both of one story.
        sentences: The `sentences` table of the whole corpus (for the words' article counts).
        published: Each article's publication time (`articles.published`); missing: never apart.
        stories: Each article's story (`articles.story_id`; an article missing from it is a
            story of its own); None: the corpus is one story.

    Returns:
        One flag per pair, True for a link without evidence across the days.
    """
    size = count_story_articles(sentences.article_id.unique().tolist(), stories=stories)
    apart = [
        size[a] <= MAX_STORY_ARTICLES
        and (count_days_apart(published.get(a), published.get(b)) or 0) >= APART_DAYS
        for a, _, b, _ in pairs
    ]
    if not any(apart):
        return [False] * len(pairs)
    terms_of: dict[str, frozenset[str]] = {}  # each distinct text read once
    by_article: dict[str, list[frozenset[str]]] = {}
    for article, text in zip(sentences.article_id.tolist(), sentences.text.tolist(), strict=True):
        terms = terms_of.get(text)
        if terms is None:
            terms = terms_of[text] = read_terms(str(text))
        by_article.setdefault(str(article), []).append(terms)
    articles = count_articles(by_article)
    return [
        far
        and not share_evidence(
            terms_of.get(ta) or read_terms(ta),
            terms_of.get(tb) or read_terms(tb),
            articles=articles,
        )
        for far, (_, ta, _, tb) in zip(apart, pairs, strict=True)
    ]
