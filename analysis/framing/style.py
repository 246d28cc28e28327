"""House style apart from word choice: which tokens of an article are the outlet naming itself,
honorifics, titles before names, abbreviations or lines repeated across its articles, and which
are names of entities (counted as one choice of whom to mention, not as words).

Distinctive terms are meant to show what an outlet chose to write. An outlet's own name ("told
<outlet>", "<outlet>'s"), its page furniture (a line repeated in many of its articles: newsletter
boxes, image credits), its style guide ("Mr.", "Sen.", "Calif.", "U.S.") and how it spells a
person's name set outlets apart without saying anything about the story; `classify_tokens`
labels them, the terms leave them out and `tabulate_house_style` lists them. The general words
(honorifics, titles, abbreviations, words of outlet names that are not a name on their own) are
in `data/house_style.yml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
import pandas as pd
import yaml

from ..text.furniture import find_repeated_texts

#: The word lists of house style shipped with the package.
STYLE_FILE = Path(__file__).resolve().parent / "data" / "house_style.yml"
#: A sentence written the same way in at least this many articles of one outlet is furniture.
REPEATED_MIN_ARTICLES = 3
#: Words of a sentence's opening compared for repeated openings ("Enlarge this image …").
OPENING_WORDS = 4
#: A sentence opening found in `REPEATED_MIN_ARTICLES` articles of an outlet is furniture too
#: when it is in at least this share of the outlet's articles ("Enlarge this image toggle …")…
OPENING_MIN_SHARE = 0.25
#: … or opens at least this many sentences in each article that has it (a photo gallery's
#: "Hide caption 3 of 28 …", a live blog's "Update at 9:54 p.m. …").
OPENING_MIN_PER_ARTICLE = 3

#: A run of this many words found only in one outlet's articles…
PHRASE_WORDS = 3
#: … and in at least this share of them (and in `REPEATED_MIN_ARTICLES`) is furniture inside a
#: sentence ("Replay More Videos … MUST WATCH" between a video's title and the text).
PHRASE_MIN_SHARE = 0.5

#: The roles `classify_tokens` gives, and what the house style table calls them.
WORD, ENTITY = "word", "entity"
OWN_NAME, HONORIFIC, ABBREVIATION, REPEATED = (
    "own name",
    "honorific or title",
    "abbreviation",
    "repeated line",
)
STYLE_ROLES = (OWN_NAME, HONORIFIC, ABBREVIATION, REPEATED)
#: The columns of `tabulate_house_style`.
HOUSE_STYLE_COLUMNS = ["outlet", "kind", "form", "n", "articles"]
_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\b\d+\b")


@dataclass(frozen=True)
class StyleWords:
    """The general vocabulary of `data/house_style.yml` (lowercase, without full stops)."""

    honorifics: frozenset[str]
    titles: frozenset[str]
    bare_abbreviations: frozenset[str]
    generic_outlet_words: frozenset[str]


@cache
def read_style_words(path: Path = STYLE_FILE) -> StyleWords:
    """Returns the word lists of a house style file (the shipped one by default)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower().strip(".") for w in data.get(key) or [])

    return StyleWords(
        words("honorifics"),
        words("titles_before_names"),
        words("bare_abbreviations"),
        words("generic_outlet_words"),
    )


@dataclass(frozen=True)
class OwnName:
    """How one outlet may name itself.

    Attributes:
        words: The lowercase words of its manifest name.
        key: The word a run of those words must hold to be the name (the last word of the name
            that is not generic: "fox" of "Fox Online News", "times" of "New York Times").
        joined: Spellings without spaces ("nytimes", "huffingtonpost"): the name's words joined,
            and the web domains of its articles.
    """

    words: frozenset[str]
    key: str
    joined: frozenset[str]


def describe_own_name(outlet: str, urls: list[str], *, style: StyleWords) -> OwnName:
    """Returns how an outlet may name itself, from its manifest name and its articles' URLs."""
    words = _WORD.findall(outlet.lower())
    core = [w for w in words if w not in style.generic_outlet_words] or words
    joined = {"".join(core)}
    for url in urls:
        host = urlparse(url if "//" in url else f"//{url}").netloc.lower()
        parts = [p for p in host.split(".")[:-1] if p not in style.generic_outlet_words]
        joined |= {p for p in parts if len(p) > 2}
    return OwnName(frozenset(words), core[-1] if core else "", frozenset(joined))


def find_repeated_sentences(sentences: pd.DataFrame, outlet_of: dict[str, str]) -> set[tuple]:
    """Finds the sentences that are an outlet's furniture rather than its writing.

    A sentence is furniture when the same words (lowercase, every number alike) make a sentence
    in at least `REPEATED_MIN_ARTICLES` articles of its outlet, or when its first `OPENING_WORDS`
    words open sentences in that many articles and either in at least `OPENING_MIN_SHARE` of the
    outlet's articles or at least `OPENING_MIN_PER_ARTICLE` times in each of them, on average.

    Args:
        sentences: The `sentences` table.
        outlet_of: The outlet of each article.

    Returns:
        The (article_id, sentence_id) of every such sentence.
    """
    if sentences.empty:
        return set()
    words = [
        _NUMBER.sub("#", " ".join(_WORD.findall(str(t).lower()))).split() for t in sentences.text
    ]
    frame = pd.DataFrame(
        {
            "article_id": sentences.article_id.astype(str).to_numpy(),
            "sentence_id": sentences.sentence_id.to_numpy(),
            "whole": [" ".join(w) for w in words],
            "opening": [" ".join(w[:OPENING_WORDS]) for w in words],
        }
    )
    frame["outlet"] = frame.article_id.map(outlet_of)
    n_articles = frame.groupby("outlet").article_id.nunique()
    units = zip(frame.article_id, frame.outlet, frame.whole, strict=True)
    repeated = find_repeated_texts(
        ((a, o, w) for a, o, w in units if not pd.isna(o)),
        min_articles=REPEATED_MIN_ARTICLES,
        one_outlet=False,  # an outlet's repeated sentence, whoever else carries it
    )
    whole = np.array([(o, w) in repeated for o, w in zip(frame.outlet, frame.whole, strict=True)])
    by_opening = frame.groupby(["outlet", "opening"]).article_id
    opening, uses = by_opening.transform("nunique"), by_opening.transform("size")
    share = opening / frame.outlet.map(n_articles)
    frequent = (share >= OPENING_MIN_SHARE) | (uses >= OPENING_MIN_PER_ARTICLE * opening)
    furniture = (frame.whole != "") & (whole | ((opening >= REPEATED_MIN_ARTICLES) & frequent))
    chosen = frame[furniture]
    return set(zip(chosen.article_id, chosen.sentence_id.astype(int), strict=True))


def find_repeated_phrases(articles: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Finds furniture inside sentences: runs of `PHRASE_WORDS` words (lowercase) that only one
    outlet's articles have, in at least `REPEATED_MIN_ARTICLES` and `PHRASE_MIN_SHARE` of them.

    Args:
        articles: The `articles` table (article_id, outlet, body).

    Returns:
        Article id → (start, end) offsets into its body of every occurrence of such a run.
    """
    words = {
        str(a): [(m.group(), m.start(), m.end()) for m in _WORD.finditer(str(b).lower())]
        for a, b in zip(articles.article_id, articles.body, strict=True)
    }
    outlet_of = dict(zip(articles.article_id.astype(str), articles.outlet, strict=True))
    n_articles = articles.outlet.value_counts()
    units = []
    for aid, found in words.items():
        keys = [w for w, _s, _e in found]
        for i in range(len(keys) - PHRASE_WORDS + 1):
            units.append((aid, outlet_of[aid], tuple(keys[i : i + PHRASE_WORDS])))
    repeated = find_repeated_texts(units, min_articles=REPEATED_MIN_ARTICLES)
    furniture = {
        phrase
        for (outlet, phrase), n in repeated.items()
        if n >= PHRASE_MIN_SHARE * n_articles[outlet]
    }
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, found in words.items():
        keys = [w for w, _s, _e in found]
        for i in range(len(keys) - PHRASE_WORDS + 1):
            if tuple(keys[i : i + PHRASE_WORDS]) in furniture:
                spans.setdefault(aid, []).append((found[i][1], found[i + PHRASE_WORDS - 1][2]))
    return spans


def classify_tokens(tables: Any, tokens: pd.DataFrame) -> pd.DataFrame:
    """Labels each token as a word, part of an entity's name, or house style.

    Args:
        tables: The built `Tables` (articles, sentences, mentions, entities).
        tokens: `tokens.tabulate_tokens` rows (any selection of them).

    Returns:
        A copy of `tokens` with `outlet`, `text` (as written), `role` — "word", "entity", "own
        name", "honorific or title", "abbreviation" or "repeated line" (the first that applies,
        from the last) — `mention` (a number per entity mention, -1 otherwise) and `entity` (the
        entity's name, "" otherwise).
    """
    style = read_style_words()
    articles = tables.articles
    outlet_of = dict(zip(articles.article_id.astype(str), articles.outlet, strict=True))
    body_of = dict(zip(articles.article_id.astype(str), articles.body, strict=True))
    urls: dict[str, list[str]] = {}
    for outlet, url in zip(articles.outlet, articles.url.fillna(""), strict=True):
        urls.setdefault(outlet, []).append(str(url))
    own = {o: describe_own_name(o, u, style=style) for o, u in urls.items()}
    repeated = find_repeated_sentences(tables.sentences, outlet_of)
    phrases = find_repeated_phrases(articles)
    names = dict(zip(tables.entities.entity_id, tables.entities.name, strict=True))
    labels = dict(zip(tables.entities.entity_id, tables.entities.label, strict=True))
    mentions = dict(iter(tables.mentions.groupby("article_id", sort=False)))
    out = tokens.copy()
    n = len(out)
    role = np.full(n, WORD, dtype=object)
    mention = np.full(n, -1, dtype=np.int64)
    entity = np.full(n, "", dtype=object)
    text = np.empty(n, dtype=object)
    outlet = np.empty(n, dtype=object)
    positions = np.arange(n)
    next_id = 0
    for aid, rows in out.groupby("article_id", sort=False).indices.items():
        aid = str(aid)
        body = body_of[aid]
        where = positions[rows]
        starts, ends = out.start.to_numpy()[where], out.end.to_numpy()[where]
        texts = [body[s:e] for s, e in zip(starts, ends, strict=True)]
        text[where] = texts
        outlet[where] = outlet_of[aid]
        person = np.zeros(len(where), dtype=bool)
        found = mentions.get(aid)
        if found is not None and len(found):
            for m_start, m_end, eid, m_text in zip(
                found.start, found.end, found.entity_id, found.text, strict=True
            ):
                inside = (starts >= m_start) & (ends <= m_end)
                if not inside.any():
                    continue
                idx = where[inside]
                mention[idx] = next_id
                next_id += 1
                entity[idx] = names.get(eid, str(m_text)) if isinstance(eid, str) else str(m_text)
                role[idx] = ABBREVIATION if _is_abbreviation(str(m_text).lower()) else ENTITY
                person |= inside & (labels.get(eid) == "PERSON")
        for p_start, p_end in phrases.get(aid, []):
            role[where[(starts >= p_start) & (ends <= p_end)]] = REPEATED
        lowered = [t.lower().replace("’", "'") for t in texts]
        _mark_titles(role, where, lowered, texts, person, style)
        _mark_own_name(role, where, lowered, texts, own[outlet_of[aid]])
    sentence_keys = zip(out.article_id.astype(str), out.sentence_id.astype(int), strict=True)
    role[[key in repeated for key in sentence_keys]] = REPEATED
    return out.assign(outlet=outlet, text=text, role=role, mention=mention, entity=entity)


def _mark_titles(
    role: np.ndarray,
    where: np.ndarray,
    lowered: list[str],
    texts: list[str],
    person: np.ndarray,
    style: StyleWords,
) -> None:
    """Marks honorifics, titles right before a person's name, and abbreviations (in place)."""
    for i, word in enumerate(lowered):
        if role[where[i]] != WORD:
            continue
        bare = word.strip(".")
        if bare in style.honorifics:
            role[where[i]] = HONORIFIC
            continue
        if bare in style.titles and texts[i][:1].isupper():
            j = i
            while j + 1 < len(lowered) and not person[j + 1] and _is_title(j + 1, lowered, texts):
                j += 1
            if j + 1 < len(lowered) and person[j + 1]:
                for k in range(i, j + 1):
                    role[where[k]] = HONORIFIC
                continue
        if _is_abbreviation(word) or bare in style.bare_abbreviations:
            role[where[i]] = ABBREVIATION


def _is_abbreviation(word: str) -> bool:
    """Returns True for a word written with a full stop after a letter ("u.s.", "calif.")."""
    return re.search(r"[a-z]\.", word) is not None


def _is_title(i: int, lowered: list[str], texts: list[str]) -> bool:
    style = read_style_words()
    bare = lowered[i].strip(".")
    return texts[i][:1].isupper() and (bare in style.titles or bare in style.honorifics)


def _mark_own_name(
    role: np.ndarray, where: np.ndarray, lowered: list[str], texts: list[str], own: OwnName
) -> None:
    """Marks the outlet's own name: a run of capitalised words of its name holding its key word,
    or one to three capitalised words that spell one of its joined names (in place)."""
    words = [re.sub(r"'s$", "", w) for w in lowered]
    capital = [t[:1].isupper() for t in texts]
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and capital[j] and words[j] in own.words:
            j += 1
        if j > i and own.key in words[i:j]:
            role[where[i:j]] = OWN_NAME
            i = j
            continue
        for k in (3, 2, 1):
            spelled = "".join(words[i : i + k]).replace(".", "")
            if i + k <= len(words) and all(capital[i : i + k]) and spelled in own.joined:
                role[where[i : i + k]] = OWN_NAME
                i += k - 1
                break
        i += 1


def _list_style_uses(tokens: pd.DataFrame) -> pd.DataFrame:
    """Returns one row per use of house style in `classify_tokens` rows — a word, or a repeated
    line (its tokens of one sentence joined) —: outlet, role, form (lowercase), article_id."""
    kept = ["outlet", "role", "form", "article_id"]
    chosen = tokens[tokens.role.isin(STYLE_ROLES)]
    if chosen.empty:
        return pd.DataFrame(columns=kept)
    is_line = (chosen.role == REPEATED).to_numpy()
    words = chosen[~is_line].assign(form=chosen.text[~is_line].str.lower())
    lines = (
        chosen[is_line]
        .groupby(["outlet", "article_id", "sentence_id"], sort=False)
        .agg(text=("text", " ".join))
        .reset_index()
    )
    lines = lines.assign(form=lines.text.str.lower(), role=REPEATED)
    return pd.concat([words[kept], lines[kept]], ignore_index=True)


def tabulate_house_style(tokens: pd.DataFrame, *, outlets: list[str] | None = None) -> pd.DataFrame:
    """Lists what the distinctive terms leave out as house style, per outlet.

    Args:
        tokens: `classify_tokens` rows (e.g. `TermCounts.tokens`).
        outlets: Keep these outlets; None: all.

    Returns:
        One row per outlet, kind (a role of `STYLE_ROLES`) and form — the word as written in
        lowercase, or the repeated sentence's words — : outlet, kind, form, n (occurrences),
        articles (how many articles); by outlet, kind, then n descending.
    """
    columns = HOUSE_STYLE_COLUMNS
    chosen = tokens if outlets is None else tokens[tokens.outlet.isin(set(outlets))]
    both = _list_style_uses(chosen)
    if both.empty:
        return pd.DataFrame(columns=columns)
    out = (
        both.groupby(["outlet", "role", "form"])
        .agg(n=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
        .rename(columns={"role": "kind"})
    )
    order = {k: i for i, k in enumerate(STYLE_ROLES)}
    out = out.assign(_k=out.kind.map(order)).sort_values(
        ["outlet", "_k", "n", "form"], ascending=[True, True, False, True], kind="stable"
    )
    return out[columns].reset_index(drop=True)


@dataclass(frozen=True)
class HouseStyleIndex:
    """What a filter only selects from in the house style table, computed once: every row of
    `tabulate_house_style` over all articles, and how often each article uses each row's form.

    Attributes:
        rows: `tabulate_house_style` of every article, in its order (outlet, kind, form, n,
            articles).
        article_ids: Every article using house style, sorted.
        row: For each (row, article) using that form: the row's position in `rows`…
        article: … the article's position in `article_ids`…
        uses: … and how many times the article uses it.
    """

    rows: pd.DataFrame
    article_ids: pd.Index
    row: np.ndarray
    article: np.ndarray
    uses: np.ndarray

    def select(self, *, article_ids: Iterable[str] | None = None, minimum: int = 1) -> pd.DataFrame:
        """Tabulates the house style of some articles, as `tabulate_house_style` does.

        Args:
            article_ids: Count these articles only; None: all.
            minimum: Keep the rows used at least this many times (in those articles).

        Returns:
            `tabulate_house_style` of those articles' tokens (outlet, kind, form, n, articles;
            by outlet, kind, then n descending), its rows with `n` below `minimum` left out.
        """
        keep = np.ones(len(self.row), dtype=bool)
        if article_ids is not None:
            keep = self.article_ids.isin(set(article_ids))[self.article]
        size = len(self.rows)
        n = np.bincount(self.row[keep], weights=self.uses[keep], minlength=size).astype(np.int64)
        articles = np.bincount(self.row[keep], minlength=size).astype(np.int64)
        shown = np.flatnonzero(n >= max(1, minimum))
        if not len(shown):
            return pd.DataFrame(columns=HOUSE_STYLE_COLUMNS)
        out = self.rows.iloc[shown].assign(n=n[shown], articles=articles[shown])
        order = {k: i for i, k in enumerate(STYLE_ROLES)}
        out = out.assign(_k=out.kind.map(order)).sort_values(
            ["outlet", "_k", "n", "form"], ascending=[True, True, False, True], kind="stable"
        )
        return out[HOUSE_STYLE_COLUMNS].reset_index(drop=True)


def index_house_style(tokens: pd.DataFrame) -> HouseStyleIndex:
    """Computes what a filter only selects from in the house style table (`HouseStyleIndex`).

    Args:
        tokens: `classify_tokens` rows (e.g. `TermCounts.tokens`; not changed).

    Returns:
        The index.
    """
    uses = _list_style_uses(tokens)
    rows = tabulate_house_style(tokens)
    if uses.empty:
        empty = np.zeros(0, dtype=np.int64)
        return HouseStyleIndex(rows, pd.Index([], dtype=object), empty, empty, empty)
    keys = pd.MultiIndex.from_frame(rows[["outlet", "kind", "form"]])
    per_article = (
        uses.groupby(["outlet", "role", "form", "article_id"], sort=False).size().reset_index()
    )
    article_ids = pd.Index(sorted(set(per_article.article_id)), dtype=object)
    found = pd.MultiIndex.from_frame(per_article[["outlet", "role", "form"]])
    return HouseStyleIndex(
        rows=rows,
        article_ids=article_ids,
        row=keys.get_indexer(found).astype(np.int64),
        article=article_ids.get_indexer(per_article.article_id).astype(np.int64),
        uses=per_article[0].to_numpy(dtype=np.int64),
    )
