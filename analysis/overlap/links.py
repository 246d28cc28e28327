"""Coverage overlap: which sentences of different articles say the same thing.

Method (docs/overlap.md):

1. **Comparison text.** A sentence is compared by what it states: when quoted words make up at
   least `QUOTE_SHARE` of it, only the quoted words (so a quote matches across outlets whatever
   attribution surrounds it), else the whole sentence. A quote of at least `QUOTE_VIEW_WORDS`
   words inside a longer sentence is also compared on its own.
2. **Similarity** is the mean of two cosine similarities of TF-IDF vectors fitted on the corpus:
   word 1–2-grams (English stop words out, sublinear tf) and character 3–5-grams within words
   (spelling and translation variants); of a sentence's texts (step 1), the best-matching pair
   counts. Fitting on the corpus keeps the story's topic words ("Amnesty", "Ukrainian",
   "report") cheap, so sharing only them is not enough.
3. **Speakers.** Two sentences that are mostly reported speech (a quote of any kind makes up at
   least `QUOTE_SHARE` of each) by different speakers are different statements, unless their words
   are (near) verbatim the same: then the outlets only attributed one quote differently.
4. **Links**: for each pair of articles, two sentences link when each is the other's best match
   and their similarity reaches `LINK_THRESHOLD` (calibrated on the hand-made fixture). An
   outlet's furniture never links: a sentence whose text at least `FURNITURE_ARTICLES` articles
   carry, all of one outlet (a copyright line, a newsletter or reprint prompt), is not a
   statement of the story. A fragment (`FRAGMENT_WORDS`) links only to a text of its very words,
   and a sentence without a letter (a list number) never links. A paraphrase link between two
   sentences that name different days of the week ("voted on Monday" / "vetoed it on Thursday")
   is dropped: two acts, not one statement (`days`). So is a paraphrase link between articles
   published days apart whose sentences share no number and no rare word (`apart`).
5. **Kind** of the whole sentences (`analysis.link_kinds`), from the longest shared run of words:
   `verbatim` when it covers at least 80 % of the shorter sentence, `near_verbatim` when the word
   sequences are 60 % alike (longest common subsequence) or the run covers half of the shorter
   one, else `shared_quote` when only a quote inside them is (near) verbatim the same (two
   differently worded sentences citing one quote), else `paraphrase` (e.g. another translation).
6. **Statements** (`statements`): links joined into statements, at most one sentence of an
   article in each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ..text.lexicon import words
from .apart import find_unsupported
from .candidates import Similarity, find_candidates, vectorize, vectorize_groups
from .days import differ_in_days, name_days
from .furniture import find_credits, find_furniture, find_navigation, whole_statements
from .link_kinds import Wording, classify_link_numbers

#: Quoted words must make up this share of a sentence for the quote alone to be compared.
QUOTE_SHARE = 0.4
#: A quote of at least this many words is also compared on its own (shorter ones are catchphrases
#: such as "mobs and trolls" that many sentences repeat).
QUOTE_VIEW_WORDS = 5
#: Similarity a mutual best match needs to become a link (calibrated: docs/overlap.md).
LINK_THRESHOLD = 0.19


class _Quoted(NamedTuple):
    """The part of one quote that lies in one sentence."""

    text: str
    kind: str
    speaker: str | None  # entity id, else name
    quote_id: int


def _quotes_in_sentences(sentences: pd.DataFrame, quotes: pd.DataFrame) -> list[list[_Quoted]]:
    """Returns, per sentence row, the quotes (in `quotes` order) that cover part of it."""
    spans: dict[str, list[tuple[int, int, str, str | None, int]]] = {}
    for article_id, start, end, kind, speaker, entity, quote_id in zip(
        quotes.article_id.tolist(),
        quotes.start.tolist(),
        quotes.end.tolist(),
        quotes.kind.tolist(),
        quotes.speaker.tolist(),
        quotes.speaker_entity_id.tolist(),
        quotes.quote_id.tolist(),
        strict=True,
    ):
        who = entity if isinstance(entity, str) else speaker if isinstance(speaker, str) else None
        spans.setdefault(str(article_id), []).append(
            (int(start), int(end), str(kind), who, int(quote_id))
        )
    out = []
    for article_id, s_start, s_end, text in zip(
        sentences.article_id.tolist(),
        sentences.start.tolist(),
        sentences.end.tolist(),
        sentences.text.tolist(),
        strict=True,
    ):
        text = str(text)
        out.append(
            [
                _Quoted(
                    text[max(q0 - s_start, 0) : min(q1 - s_start, len(text))], kind, who, quote_id
                )
                for q0, q1, kind, who, quote_id in spans.get(str(article_id), [])
                if q0 < s_end and q1 > s_start
            ]
        )
    return out


def _dominates(parts: list[str], text: str) -> bool:
    return bool(parts) and len(words(" ".join(parts))) >= QUOTE_SHARE * len(words(text))


class _Compared(NamedTuple):
    """What the sentences are compared by, from one pass over their quotes."""

    views: list[list[str]]  # per sentence: its comparison text, then quotes compared on their own
    speakers: list[frozenset[str]]  # per sentence: who speaks, when speech makes up most of it
    quote_of: dict[int, int]  # sentence row -> its first direct or partial quote


def _compare(sentences: pd.DataFrame, quotes: pd.DataFrame) -> _Compared:
    """Returns steps 1 and 3 of the module docstring for every sentence row."""
    views, speakers, quote_of = [], [], {}
    for i, (text, inside) in enumerate(
        zip(map(str, sentences.text.tolist()), _quotes_in_sentences(sentences, quotes), strict=True)
    ):
        quoted = [q.text for q in inside if q.kind != "indirect"]
        first = " ".join(quoted) if _dominates(quoted, text) else text
        views.append(
            [first] + [q for q in quoted if q != first and len(words(q)) >= QUOTE_VIEW_WORDS]
        )
        spoken = [q.text for q in inside if q.speaker is not None]
        speakers.append(
            frozenset(q.speaker for q in inside if q.speaker is not None)
            if _dominates(spoken, text)
            else frozenset()
        )
        direct = [q.quote_id for q in inside if q.kind != "indirect"]
        if direct:
            quote_of[i] = direct[0]
    return _Compared(views, speakers, quote_of)


def find_speakers(sentences: pd.DataFrame, quotes: pd.DataFrame) -> list[frozenset[str]]:
    """Returns, per sentence, who speaks in it when reported speech makes up most of it.

    Returns:
        A set of speakers (entity ids, else names) per sentence row: those of its quotes (direct,
        partial or indirect) when they make up at least `QUOTE_SHARE` of the sentence, else empty.
    """
    return _compare(sentences.reset_index(drop=True), quotes).speakers


def score_sentences(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    threshold: float = LINK_THRESHOLD,
    published: Mapping[str, Any] | None = None,
    window_days: int | None = None,
    stories: Mapping[str, int] | None = None,
) -> Similarity:
    """Scores every pair of sentences for saying the same thing (steps 1–3 of the module docstring).

    Args:
        sentences: The `sentences` table.
        quotes: The `quotes` table.
        threshold: Pairs scoring below it are not checked by the speaker rule (they cannot link).
        published: Each article's publication day (the `articles` table's `published`), for
            `window_days`.
        window_days: When given, sentences of articles published more than this many days apart
            are not compared (they score 0 unless asked for one by one). Articles without a date
            are compared with every article.
        stories: Each article's story (`articles.story_id`): sentences of different stories are
            never compared (they score 0), and the TF-IDF weights are fitted on each story's
            sentences, so that a story's topic words are cheap within it. None: one story.

    Returns:
        The sentence × sentence similarity in the row order of `sentences` (indexed like a
        matrix, stored only for pairs that may link: `analysis.similarity`), 0 where the speaker
        rule says two sentences are different statements.
    """
    sentences = sentences.reset_index(drop=True)
    article = sentences.article_id.to_numpy()
    days = None
    if window_days is not None and published is not None:
        stamps = pd.to_datetime(pd.Series([published.get(a) for a in article]), errors="coerce")
        days = (stamps - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype=float, na_value=np.nan)
    story = _story_numbers(article, stories)
    return _score(
        _compare(sentences, quotes), article, threshold, days=days, window=window_days, story=story
    )


def _story_numbers(article: np.ndarray, stories: Mapping[str, int] | None) -> np.ndarray | None:
    """Returns each sentence's story number (an article missing from `stories` is a story of its
    own), or None when every sentence is of one story."""
    if not stories:
        return None
    keys = [("story", stories[a]) if a in stories else ("article", a) for a in article.tolist()]
    numbers = pd.factorize(pd.Series(keys, dtype=object))[0].astype(np.int64)
    return numbers if len(numbers) and numbers.max() > 0 else None


def _vectorize_by_story(
    flat: list[str],
    owner: np.ndarray,
    first_views: list[str],
    story: np.ndarray,
    article: np.ndarray,
) -> Any:
    """Returns the comparison texts' vectors, each story's fitted on its own sentences and in
    columns of its own (so that texts of different stories score 0); the texts of a story of one
    article, which has nothing to link to, are left empty."""
    several = pd.Series(article).groupby(story).nunique().to_numpy() > 1
    group = np.where(several[story], story, -1)
    return vectorize_groups(
        flat, group[owner].tolist(), fit_on=first_views, fit_groups=group.tolist()
    )


def _score(
    compared: _Compared,
    article: np.ndarray,
    threshold: float,
    *,
    days: np.ndarray | None = None,
    window: int | None = None,
    story: np.ndarray | None = None,
) -> Similarity:
    views, speakers = compared.views, compared.speakers
    flat = [text for mine in views for text in mine]
    owner = np.repeat(np.arange(len(views)), [len(mine) for mine in views]).astype(int)
    wording = Wording()
    views_of = [[wording.of(v) for v in mine] for mine in views]  # text numbers
    forms: dict[tuple[int, ...], int] = {}  # a sentence's wording: its views' numbers
    form = np.array([forms.setdefault(tuple(v), len(forms)) for v in views_of], dtype=np.int64)
    spoken = np.array([bool(who) for who in speakers], dtype=bool)
    names = {who: k for k, who in enumerate(sorted({w for mine in speakers for w in mine}))}
    only = np.array(  # the one speaker's number; -1 for none or several
        [names[next(iter(mine))] if len(mine) == 1 else -1 for mine in speakers], dtype=np.int64
    )

    def speaker_rule(i: np.ndarray, j: np.ndarray, values: np.ndarray) -> np.ndarray:
        check = (values >= threshold) & (article[i] != article[j]) & spoken[i] & spoken[j]
        # one speaker each (most sentences): differ by number; several: by set
        check &= (only[i] != only[j]) | (only[i] < 0)
        check = np.flatnonzero(check)
        check = np.array(
            [
                k
                for k, a, b in zip(
                    check.tolist(), i[check].tolist(), j[check].tolist(), strict=True
                )
                if not speakers[a] & speakers[b]
            ],
            dtype=np.int64,
        )
        if not len(check):
            return values
        # sentences worded alike pair alike: each distinct pair of wordings classified once
        keys = form[i[check]] * (int(form.max()) + 1) + form[j[check]]
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        pairs = zip(i[check][first].tolist(), j[check][first].tolist(), strict=True)
        kinds = wording.classify_view_numbers([(views_of[a], views_of[b]) for a, b in pairs])
        differ = np.array([kind == "paraphrase" for kind, _ in kinds], dtype=bool)
        out = values.copy()
        out[check[differ[inverse]]] = 0.0
        return out

    if not flat:
        sim = Similarity(vectorize([""], fit_on=[""])[:0], owner, adjust=speaker_rule)
    else:
        first_views = [mine[0] for mine in views]
        if story is None:
            vectors = vectorize(flat, fit_on=first_views)
        else:
            vectors = _vectorize_by_story(flat, owner, first_views, story, article)
        sim = Similarity(vectors, owner, adjust=speaker_rule)

        def different_articles(i: np.ndarray, j: np.ndarray) -> np.ndarray:
            keep = np.asarray(article[owner[i]] != article[owner[j]])
            if story is not None:
                keep &= story[owner[i]] == story[owner[j]]
            if days is not None and window is not None:
                apart = np.abs(days[owner[i]] - days[owner[j]])
                keep &= ~(apart > window)  # a missing date (NaN) is never too far
            return keep

        sim.store(*find_candidates(vectors, flat, threshold=threshold, allowed=different_articles))
        sim.finish()
    sim.context = (compared, wording, views_of, form)
    return sim


def find_links(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    similarity: Similarity | None = None,
    threshold: float = LINK_THRESHOLD,
    stories: Mapping[str, int] | None = None,
    outlets: Mapping[str, str] | None = None,
    published: Mapping[str, pd.Timestamp | None] | None = None,
) -> list[dict[str, Any]]:
    """Links sentences of different articles of one story that say the same thing.

    For each pair of articles of one story, two sentences link when each is the other's best match
    in the other article (ties go to the earlier sentence) and their similarity reaches
    `threshold`. An outlet's furniture (`find_furniture`) and a page's navigation
    (`find_navigation`: "More: …", "Click here …") and a reporter's sign-off
    (`find_credits`: "— Jane Roe") never link.

    Args:
        sentences: The `sentences` table.
        quotes: The `quotes` table (quote-aware comparison, `quote_a`/`quote_b`).
        similarity: `score_sentences(sentences, quotes)` when already computed.
        threshold: The similarity a mutual best match needs.
        stories: Each article's story (`articles.story_id`); None: one story. Give the same as to
            `score_sentences`.
        outlets: Each article's outlet (`articles.outlet`), to find its furniture; None: no
            sentence is furniture.
        published: Each article's publication time (`articles.published`): a paraphrase link
            between articles published days apart, in a story of few articles, needs shared
            evidence (`apart`); None: no article is apart.

    Returns:
        Rows of the `links` table, strongest first.
    """
    sentences = sentences.reset_index(drop=True)
    if len(sentences) < 2:
        return []
    article = sentences.article_id.to_numpy()
    if similarity is None or not _fits(similarity, len(sentences)):
        story = _story_numbers(article, stories)
        fresh = _score(_compare(sentences, quotes), article, threshold, story=story)
        similarity = fresh if similarity is None else similarity
        context = fresh.context
    else:
        context = similarity.context
    sim = similarity
    compared, wording, views_of, form = context
    quote_of = compared.quote_of
    sentence_ids = sentences.sentence_id.astype(int).tolist()
    texts = list(map(str, sentences.text.tolist()))
    art = pd.factorize(article)[0]  # articles numbered in order of appearance
    i, j, s = sim.arrays()
    keep = (s >= threshold) & (art[i] != art[j])
    story = _story_numbers(article, stories)
    if story is not None:
        keep &= story[i] == story[j]
    if outlets is not None:
        furniture = find_furniture(sentences, outlets)
        keep &= ~furniture[i] & ~furniture[j]
    navigation = find_navigation(texts) | find_credits(texts)
    keep &= ~navigation[i] & ~navigation[j]
    i, j, s = i[keep], j[keep], s[keep]
    keep = whole_statements(i, j, [[wording.words[v] for v in mine] for mine in views_of])
    i, j, s = i[keep], j[keep], s[keep]
    # Each sentence's best match in each other article: the highest score, ties to the earlier
    # sentence; a link is a pair where each is the other's.
    x, y, score = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([s, s])
    group = x * (int(art.max()) + 1) + art[y]
    order = np.lexsort((y, -score, group))
    best = np.zeros(len(x), dtype=bool)
    first = np.ones(len(order), dtype=bool)
    first[1:] = group[order][1:] != group[order][:-1]
    best[order[first]] = True
    mutual = np.flatnonzero(best[: len(i)] & best[len(i) :])
    i, j, s = i[mutual], j[mutual], s[mutual]
    swap = art[i] > art[j]
    sa, sb = np.where(swap, j, i), np.where(swap, i, j)
    rounded = np.array([round(value, 4) for value in s.tolist()])
    order = np.lexsort((sa, art[sb], art[sa], -rounded))
    sa_array, sb_array = sa[order], sb[order]
    sa, sb, rounded = sa_array.tolist(), sb_array.tolist(), rounded[order].tolist()
    text_of = np.array([wording.of(t) for t in texts], dtype=np.int64)
    # a link's kind depends on the two sentences' texts and views: each distinct pair once
    whole = pd.factorize(pd.Series(list(zip(text_of.tolist(), form.tolist(), strict=True))))[0]
    keys = whole[sa_array] * (int(whole.max()) + 1) + whole[sb_array]
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    numbers = text_of.tolist()
    found = classify_link_numbers(
        wording,
        [
            (numbers[a], numbers[b], views_of[a], views_of[b])
            for a, b in zip(sa_array[first].tolist(), sb_array[first].tolist(), strict=True)
        ],
    )
    quote = np.array([quote_of.get(k, 0) for k in range(len(sentences))], dtype=np.int64)
    quoting = np.array([k in quote_of for k in range(len(sentences))], dtype=bool)
    qa, qb = quote[sa_array], quote[sb_array]
    both = quoting[sa_array] & quoting[sb_array]  # quote ids only when both sentences quote
    columns = {
        "article_a": article[sa_array].tolist(),
        "sentence_a": np.asarray(sentence_ids)[sa_array].tolist(),
        "article_b": article[sb_array].tolist(),
        "sentence_b": np.asarray(sentence_ids)[sb_array].tolist(),
        "quote_a": [q if ok else None for q, ok in zip(qa.tolist(), both.tolist(), strict=True)],
        "quote_b": [q if ok else None for q, ok in zip(qb.tolist(), both.tolist(), strict=True)],
        "score": rounded,
        "kind": [found[k][0] for k in inverse.tolist()],
        "shared_run": [found[k][1] for k in inverse.tolist()],
    }
    # A paraphrase of two sentences that name different days of the week tells two acts
    # (`days`): dropped, not replaced by a next-best match.
    day_names = {k: name_days(texts[k]) for k in {*sa, *sb}}
    dated_apart = [
        kind == "paraphrase" and differ_in_days(day_names[a], day_names[b])
        for kind, a, b in zip(columns["kind"], sa, sb, strict=True)
    ]
    # A paraphrase between articles published days apart needs a shared number or rare word
    # (`apart`): dropped, not replaced by a next-best match.
    if published is not None:
        paraphrases = [
            k
            for k, kind in enumerate(columns["kind"])
            if kind == "paraphrase" and not dated_apart[k]
        ]
        unsupported = find_unsupported(
            [
                (str(article[sa[k]]), texts[sa[k]], str(article[sb[k]]), texts[sb[k]])
                for k in paraphrases
            ],
            sentences=sentences,
            published=published,
            stories=stories,
        )
        for k, drop in zip(paraphrases, unsupported, strict=True):
            dated_apart[k] = dated_apart[k] or drop
    names = list(columns)
    return [
        dict(zip(names, row, strict=True))
        for row, drop in zip(zip(*columns.values(), strict=True), dated_apart, strict=True)
        if not drop
    ]


def _fits(similarity: Similarity, n: int) -> bool:
    """Says whether a similarity comes from `score_sentences` on n sentences (its comparison
    texts can be reused)."""
    return isinstance(similarity.context, tuple) and len(similarity.context[0].views) == n


def link_keys(links: pd.DataFrame) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """Returns each link's two sentences as (article_id, sentence_id) keys, in row order."""
    return [
        ((str(a), int(sa)), (str(b), int(sb)))
        for a, sa, b, sb in zip(
            links.article_a.tolist(),
            links.sentence_a.tolist(),
            links.article_b.tolist(),
            links.sentence_b.tolist(),
            strict=True,
        )
    ]


def compute_overlap(
    links: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """Returns the article × article overlap: the share of the row article's sentences linked to a
    sentence of the column article (1.0 on the diagonal). One pass over the links."""
    ids = [str(a) for a in articles.article_id]
    position = {a: i for i, a in enumerate(ids)}
    counts = sentences.groupby("article_id").size()
    columns = ["row", "sentence", "col"]
    sides = pd.concat(
        [
            links[["article_a", "sentence_a", "article_b"]].set_axis(columns, axis=1),
            links[["article_b", "sentence_b", "article_a"]].set_axis(columns, axis=1),
        ]
    )
    shared = sides.drop_duplicates().groupby(["row", "col"]).size()
    matrix = np.zeros((len(ids), len(ids)))
    for (a, b), n in zip(shared.index.tolist(), shared.tolist(), strict=True):
        if a in position and b in position and a != b:
            matrix[position[a], position[b]] = n / counts.get(a, 1)
    np.fill_diagonal(matrix, 1.0)
    return pd.DataFrame(matrix, index=ids, columns=ids)


def find_only_here(links: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Returns the sentences with no counterpart in any other article (a copy of their rows)."""
    linked = set(zip(links.article_a, links.sentence_a, strict=True)) | set(
        zip(links.article_b, links.sentence_b, strict=True)
    )
    keep = [
        (a, s) not in linked
        for a, s in zip(sentences.article_id, sentences.sentence_id, strict=True)
    ]
    return sentences.loc[keep].copy()
