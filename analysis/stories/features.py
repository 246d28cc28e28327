"""The articles' features for the story grouping (`grouping`, docs/stories.md).

1. **Features.** Each article is a bag of its content words (English stop words out) and of the
   canonical entities it mentions (`mentions.entity_id`); the title's words count
   `LEAD_WEIGHT` times, the entities mentioned in the lead (the first `LEAD_CHARS` characters)
   `LEAD_WEIGHT` times, and every entity `ENTITY_WEIGHT` times a word. Counts are damped
   (1 + log), weighted by smoothed inverse document frequency and L2-normalised.
2. **Background.** A feature found in more than `BACKGROUND_SHARE` of the articles, and in more
   than `BACKGROUND_MIN` of them, is background (the beat's "Trump", "said", "president") and
   weighs nothing. The floor keeps a corpus of one story (every article sharing its names) in
   one piece.

Also the title words (for `developments.split_developments`) and each article's headline
profile (title words and lead entities, `grouping` step 7).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

#: Title words and lead entities count this many times a body word.
LEAD_WEIGHT = 3.0
#: The lead: the first this many characters of the body.
LEAD_CHARS = 600
#: An entity mention counts this many times a word.
ENTITY_WEIGHT = 2.0
#: A feature in more than this share of the articles (and more than `BACKGROUND_MIN`) is background.
BACKGROUND_SHARE = 0.2
#: ... but only when it is also in more than this many articles (a one-story corpus stays whole).
BACKGROUND_MIN = 30
#: A feature found in at least this many articles, all of one outlet, is that outlet's furniture
#: (a recurring teaser, a newsletter line); 0: no such rule.
OUTLET_FURNITURE = 3

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{3}")


@dataclass(frozen=True)
class ArticleText:
    """What the grouping reads of one article."""

    article_id: str
    outlet: str
    title: str
    body: str
    published: pd.Timestamp | None


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def count_features(
    articles: Sequence[ArticleText], entities: Mapping[str, Sequence[tuple[int, str]]]
) -> list[dict[str, float]]:
    """Returns each article's weighted feature counts (step 1 of the module docstring).

    Args:
        articles: The articles.
        entities: article_id → (start offset, entity_id) of each mention.

    Returns:
        Per article, feature → weighted count; words are `w:<lowercase word>`, entities
        `e:<entity_id>`.
    """
    stop = _stop_words()
    out = []
    for article in articles:
        counts: dict[str, float] = {}
        for text, weight in ((article.title, LEAD_WEIGHT), (article.body, 1.0)):
            for word in _WORD.findall(text or ""):
                word = word.lower().replace("’", "'").removesuffix("'s")
                if len(word) > 2 and word not in stop:
                    counts["w:" + word] = counts.get("w:" + word, 0.0) + weight
        for start, entity in entities.get(article.article_id, ()):
            weight = ENTITY_WEIGHT * (LEAD_WEIGHT if start < LEAD_CHARS else 1.0)
            counts["e:" + entity] = counts.get("e:" + entity, 0.0) + weight
        out.append(counts)
    return out


def _damp_counts(counts: Sequence[Mapping[str, float]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Returns the articles × features matrix of damped counts (1 + log) and the feature columns."""
    vocabulary: dict[str, int] = {}
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for mine in counts:
        for feature, value in mine.items():
            indices.append(vocabulary.setdefault(feature, len(vocabulary)))
            data.append(1.0 + math.log(value) if value >= 1 else value)
        indptr.append(len(indices))
    shape = (len(counts), len(vocabulary))
    return sparse.csr_matrix((data, indices, indptr), shape=shape, dtype=float), vocabulary


def vectorize_all_features(counts: Sequence[Mapping[str, float]]) -> sparse.csr_matrix:
    """Returns the articles' vectors on every feature: damped counts × smoothed IDF, L2-normalised,
    with no background cut (what articles share, common words included)."""
    from sklearn.preprocessing import normalize

    matrix, _ = _damp_counts(counts)
    if not matrix.shape[1]:  # no article has a word or an entity
        return matrix
    n = len(counts)
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + n) / (1 + df)) + 1.0
    return normalize(matrix @ sparse.diags(idf)).tocsr()


def vectorize_features(
    counts: Sequence[Mapping[str, float]], outlets: Sequence[str]
) -> tuple[sparse.csr_matrix, list[str], np.ndarray]:
    """Returns the articles' vectors (steps 1–2), the feature names and their document counts."""
    from sklearn.preprocessing import normalize

    matrix, vocabulary = _damp_counts(counts)
    n = len(counts)
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + n) / (1 + df)) + 1.0
    background = (df > BACKGROUND_SHARE * n) & (df > BACKGROUND_MIN)
    if OUTLET_FURNITURE and len(set(outlets)) > 1:
        outlet = pd.factorize(pd.Series(list(outlets)))[0]
        rows = np.repeat(np.arange(n), np.diff(matrix.indptr))
        pairs = pd.DataFrame({"f": matrix.indices, "o": outlet[rows]}).drop_duplicates()
        n_outlets = np.bincount(pairs.f.to_numpy(), minlength=matrix.shape[1])
        background |= (n_outlets == 1) & (df >= OUTLET_FURNITURE)
    if not vocabulary:  # no article has a word or an entity (e.g. bodies of digits only)
        return matrix, [], df
    weighted = matrix @ sparse.diags(np.where(background, 0.0, idf))
    return normalize(weighted).tocsr(), list(vocabulary), df


def list_title_words(articles: Sequence[ArticleText]) -> list[list[str]]:
    """Returns each article's title content words, lowercased, in order (stop words, words of
    two letters or fewer and a possessive `'s` out)."""
    stop = _stop_words()
    out = []
    for article in articles:
        words = []
        for word in _WORD.findall(article.title or ""):
            word = word.lower().replace("’", "'").removesuffix("'s")
            if len(word) > 2 and word not in stop:
                words.append(word)
        out.append(words)
    return out


def weigh_title_words(articles: Sequence[ArticleText]) -> sparse.csr_matrix:
    """Returns the articles × title words matrix for `developments.split_developments`: 1 when
    the title carries the word, times the word's smoothed IDF among the titles."""
    matrix, _ = _damp_counts([dict.fromkeys(words, 1.0) for words in list_title_words(articles)])
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + len(articles)) / (1 + df)) + 1.0
    return (matrix @ sparse.diags(idf)).tocsr()


def count_headline_features(
    articles: Sequence[ArticleText], entities: Mapping[str, Sequence[tuple[int, str]]]
) -> list[dict[str, float]]:
    """Returns each article's headline profile counts (step 7): its title's content words
    (`w:<word>`) and the entities mentioned in its lead (`e:<entity_id>`), once a mention."""
    out = []
    for article, words in zip(articles, list_title_words(articles), strict=True):
        counts: dict[str, float] = {}
        for word in words:
            counts["w:" + word] = counts.get("w:" + word, 0.0) + 1.0
        for start, entity in entities.get(article.article_id, ()):
            if start < LEAD_CHARS:
                counts["e:" + entity] = counts.get("e:" + entity, 0.0) + 1.0
        out.append(counts)
    return out
