"""Distinctive terms: which words one outlet (or group of outlets) uses more than another.

The measure is the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn
(2008, "Fightin' Words", Political Analysis 16(4)), z-scored. For a term w, with y_w its count in
the target, n the target's total count of terms, and the same for the rest (y'_w, n'):

    delta_w = log((y_w + a_w) / (n + a0 - y_w - a_w)) - log((y'_w + a_w) / (n' + a0 - y'_w - a_w))
    var_w   ≈ 1 / (y_w + a_w) + 1 / (y'_w + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior a_w is the term's count in the whole corpus (every outlet, the same part of the text)
times `prior_scale`, and a0 is the sum of a_w. The default scale, 0.1, makes the prior weigh a
tenth of the corpus: enough to damp terms used once or twice anywhere (with no prior, a word used
twice by one outlet and never by others looks as distinctive as one used fifty times), little
enough that a clear difference in a small corpus still reaches |z| ≥ 1.96 (on the seed corpus,
scale 1 left no term above 3 and no frame above 0.8; 0.01 let one-off words rank). With a
background frequency list, a_w is instead `prior_scale` × (corpus size) × the term's share of
the list (counts plus one, over the corpus's terms). |z| ≥ 1.96 is the usual threshold of a
notable difference.

Terms are lowercase lemmas without stop words and punctuation — unigrams, and bigrams of two such
lemmas next to each other in the text (no stop word, punctuation or quote boundary between) —
counted in the reporter's own words, in the quotes, or both. Counting is sparse (scikit-learn's
`CountVectorizer` over the terms of each sentence): nothing is compared pair by pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .style import ENTITY, WORD, classify_tokens
from .tokens import check_part, select_part, tabulate_tokens

#: Default weight of the corpus prior (see the module docstring).
PRIOR_SCALE = 0.1


@dataclass(frozen=True)
class TermCounts:
    """Term counts per sentence of one part of the text.

    Attributes:
        part: "all", "reporter" or "quotes".
        units: One row per sentence with words of that part: article_id, sentence_id, outlet.
        matrix: Counts, units × terms (a scipy sparse matrix).
        terms: The term of each column.
        tokens: The tokens of that part (`tokens.tabulate_tokens` rows), to find where terms occur.
    """

    part: str
    units: pd.DataFrame
    matrix: Any
    terms: np.ndarray
    tokens: pd.DataFrame

    def totals(self, mask: np.ndarray) -> np.ndarray:
        """Returns the count of every term over the units where `mask` is True."""
        return np.asarray(self.matrix[mask].sum(axis=0)).ravel()


def list_terms(tokens: pd.DataFrame) -> list[tuple[str, int, int]]:
    """Returns the terms of a run of tokens, with where each occurs.

    Args:
        tokens: `style.classify_tokens` rows of one sentence, in text order.

    Returns:
        (term, start, end) for every content lemma of the writer's words, every entity mention
        (as the entity's name: "Mr. Obama" and "Barack Obama" are one term), then every two-word
        phrase (two content lemmas next to each other in one run, the first joined to the second:
        `tokens.joins_next`); house style (`style.STYLE_ROLES`) is left out. Offsets point into
        `articles.body`.
    """
    return _terms_of(*(tokens[c].tolist() for c in TERM_COLUMNS))


#: The token columns `_terms_of` reads, in its argument order.
TERM_COLUMNS = ("lemma", "content", "start", "end", "run", "joins", "role", "mention", "entity")


def _terms_of(
    lemma: list[str],
    content: list[bool],
    start: list[int],
    end: list[int],
    run: list[int],
    joins: list[bool],
    role: list[str],
    mention: list[int],
    entity: list[str],
) -> list[tuple[str, int, int]]:
    """`list_terms` on plain columns of one sentence's tokens."""
    word = [content[i] and role[i] == WORD for i in range(len(lemma))]
    out = [(lemma[i], start[i], end[i]) for i in range(len(lemma)) if word[i]]
    i = 0
    while i < len(lemma):
        if role[i] != ENTITY:
            i += 1
            continue
        j = i
        while j + 1 < len(lemma) and role[j + 1] == ENTITY and mention[j + 1] == mention[i]:
            j += 1
        out.append((entity[i], start[i], end[j]))
        i = j + 1
    out += [
        (f"{lemma[i]} {lemma[i + 1]}", start[i], end[i + 1])
        for i in range(len(lemma) - 1)
        if word[i] and word[i + 1] and run[i] == run[i + 1] and joins[i]
    ]
    return out


def count_terms(tables: Any, *, part: str = "all") -> TermCounts:
    """Counts the terms of every sentence of the corpus.

    Args:
        tables: The built `Tables`.
        part: "all" words, the "reporter"'s own (outside quotes) or "quotes" only.

    Returns:
        The counts (sparse), with the sentences and tokens they come from (`tokens` labelled by
        `style.classify_tokens`: its house style rows are what `style.tabulate_house_style`
        lists).
    """
    from sklearn.feature_extraction.text import CountVectorizer

    tokens = select_part(tabulate_tokens(tables.docs, tables.sentences, tables.quotes), part)
    tokens = classify_tokens(tables, tokens)
    keys = ["article_id", "sentence_id"]
    columns = [tokens[c].tolist() for c in TERM_COLUMNS]
    rows_of: dict[tuple[str, int], list[int]] = {}  # a sentence's token rows, first seen first
    ids = zip(tokens.article_id.tolist(), tokens.sentence_id.tolist(), strict=True)
    for i, key in enumerate(ids):
        rows_of.setdefault(key, []).append(i)
    units = pd.DataFrame([(str(a), int(s)) for a, s in rows_of], columns=keys)
    outlet = dict(zip(tables.articles.article_id, tables.articles.outlet, strict=True))
    units["outlet"] = units.article_id.map(outlet)
    docs = [
        [t for t, _s, _e in _terms_of(*([column[i] for i in rows] for column in columns))]
        for rows in rows_of.values()
    ]
    vectorizer = CountVectorizer(analyzer=lambda terms: terms, lowercase=False)
    if any(docs):
        matrix = vectorizer.fit_transform(docs).tocsr()
        terms = vectorizer.get_feature_names_out()
    else:
        matrix, terms = np.zeros((len(docs), 0), dtype=np.int64), np.array([], dtype=str)
    return TermCounts(check_part(part), units, matrix, np.asarray(terms), tokens)


def _reuse(tables: Any, counts: TermCounts | None, part: str) -> TermCounts:
    return counts if counts is not None and counts.part == part else count_terms(tables, part=part)


def score_log_odds(
    target: np.ndarray,
    rest: np.ndarray,
    prior: np.ndarray,
    *,
    n_target: float | None = None,
    n_rest: float | None = None,
    prior_total: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Computes the log-odds ratio with an informative Dirichlet prior, and its z-score.

    Args:
        target: Count of each term in the target.
        rest: Count of each term in what it is compared against.
        prior: The prior pseudo-count a_w of each term (all > 0).
        n_target: The target's total; the sum of `target` when None.
        n_rest: The rest's total; the sum of `rest` when None.
        prior_total: a0; the sum of `prior` when None.

    Returns:
        (delta, z) per term, as in the module docstring (positive: more typical of the target).
    """
    target, rest, prior = (np.asarray(a, dtype=float) for a in (target, rest, prior))
    n_t = float(target.sum()) if n_target is None else n_target
    n_r = float(rest.sum()) if n_rest is None else n_rest
    a0 = float(prior.sum()) if prior_total is None else prior_total
    delta = np.log((target + prior) / (n_t + a0 - target - prior)) - np.log(
        (rest + prior) / (n_r + a0 - rest - prior)
    )
    z = delta / np.sqrt(1 / (target + prior) + 1 / (rest + prior))
    return delta, z


def _outlets(value: str | Iterable[str]) -> set[str]:
    return {value} if isinstance(value, str) else set(value)


def distinctive_terms(
    tables: Any,
    target: str | Sequence[str],
    *,
    against: str | Sequence[str] | None = None,
    part: str = "all",
    prior_scale: float = PRIOR_SCALE,
    background: Mapping[str, int] | str | None = None,
    min_count: int = 1,
    counts: TermCounts | None = None,
    article_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Ranks the terms that set an outlet (or group of outlets) apart from others.

    Args:
        tables: The built `Tables`.
        target: An outlet, or several pooled as one group.
        against: The outlet(s) compared with; None: every other outlet of the corpus.
        part: Count "all" words, the "reporter"'s own or "quotes" only.
        prior_scale: Weight of the prior (module docstring); larger damps rare terms more.
        background: Counts of terms in a reference corpus, used as the prior's shape instead of
            the corpus's own counts; "english" for general English word frequencies
            (`count_english_background`). None: the corpus's own counts.
        min_count: Keep terms used at least this often by target and rest together.
        counts: `count_terms(tables, part=part)` already computed (it is reused, not changed).
        article_ids: Count only these articles for target and rest (e.g. a date range); the
            prior still comes from the whole corpus. None: all.

    Returns:
        One row per term: term, n_target, n_rest (its counts), delta and z (module docstring),
        sorted by z descending (ties by term). Terms typical of the rest have negative z.

    Raises:
        ValueError: An outlet is not in the corpus, or target and against overlap or are empty.
    """
    counts = _reuse(tables, counts, part)
    known = set(tables.articles.outlet)
    mine = _outlets(target)
    others = known - mine if against is None else _outlets(against)
    if not mine or not others or mine & others or (mine | others) - known:
        raise ValueError(
            f"target {sorted(mine)} and against {sorted(others)} must be non-empty, disjoint "
            f"sets of the corpus's outlets {sorted(known)}"
        )
    counted = np.ones(len(counts.units), dtype=bool)
    if article_ids is not None:
        counted = counts.units.article_id.isin(set(article_ids)).to_numpy()
    y_t = counts.totals(counts.units.outlet.isin(mine).to_numpy() & counted)
    y_r = counts.totals(counts.units.outlet.isin(others).to_numpy() & counted)
    corpus = counts.totals(np.ones(len(counts.units), dtype=bool))
    if isinstance(background, str):
        background = count_english_background(counts.terms, language=background)
    if background is None:
        prior = prior_scale * corpus
    else:
        shape = np.array([background.get(t, 0) + 1 for t in counts.terms], dtype=float)
        prior = prior_scale * corpus.sum() * shape / shape.sum()
    keep = (y_t + y_r >= min_count) & (y_t + y_r > 0)
    delta, z = score_log_odds(y_t, y_r, prior, n_target=y_t.sum(), n_rest=y_r.sum())
    out = pd.DataFrame(
        {
            "term": counts.terms,
            "n_target": y_t.astype("int64"),
            "n_rest": y_r.astype("int64"),
            "delta": delta,
            "z": z,
        }
    )[keep]
    return out.sort_values(["z", "term"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


#: Languages `count_english_background` accepts by name (wordfreq's code for each).
BACKGROUNDS = {"english": "en"}
#: wordfreq frequencies (a share of all words) are turned into counts per this many words.
BACKGROUND_WORDS = 1_000_000_000


def count_english_background(terms: Iterable[str], *, language: str = "english") -> dict[str, int]:
    """Returns how often each term occurs in general English, as a background for the prior.

    The frequencies are wordfreq's (Speer 2022; its lists ship in the package, nothing is
    downloaded): a share of all words in a mix of web, news, books, subtitles and social media,
    turned into counts per `BACKGROUND_WORDS` words. A two-word term or a name gets wordfreq's
    estimate for the phrase. Terms are lemmas, so an inflected word is looked up as its lemma.

    Args:
        terms: The terms (`TermCounts.terms`).
        language: A key of `BACKGROUNDS`.

    Returns:
        Term → count (0 for a term wordfreq does not know).

    Raises:
        ValueError: The language is not one of `BACKGROUNDS`.
    """
    from wordfreq import word_frequency

    if language not in BACKGROUNDS:
        raise ValueError(f"background must be one of {sorted(BACKGROUNDS)}, not {language!r}")
    code = BACKGROUNDS[language]
    return {str(t): int(round(word_frequency(str(t), code) * BACKGROUND_WORDS)) for t in terms}


def find_term_sentences(
    tables: Any,
    term: str,
    *,
    outlets: Iterable[str] | None = None,
    part: str = "all",
    counts: TermCounts | None = None,
    article_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Finds the sentences behind a term's counts.

    Args:
        tables: The built `Tables`.
        term: A term of `distinctive_terms` (a lemma or two, space-separated).
        outlets: Keep these outlets' sentences; None keeps all.
        part: The part of the text the term was counted in.
        counts: `count_terms(tables, part=part)` already computed.
        article_ids: Keep these articles' sentences; None keeps all.

    Returns:
        One row per sentence using the term: outlet, article_id, sentence_id, n (occurrences),
        text (the sentence) and spans (list of (start, end) of each occurrence, offsets into the
        sentence text), in corpus order.
    """
    counts = _reuse(tables, counts, part)
    columns = ["outlet", "article_id", "sentence_id", "n", "text", "spans"]
    where = np.flatnonzero(counts.terms == term)
    if not len(where):
        return pd.DataFrame(columns=columns)
    rows = counts.matrix[:, where[0]].nonzero()[0]
    units = counts.units.iloc[rows]
    if outlets is not None:
        units = units[units.outlet.isin(set(outlets))]
    if article_ids is not None:
        units = units[units.article_id.isin(set(article_ids))]
    sentences = tables.sentences.set_index(["article_id", "sentence_id"])
    wanted = set(zip(units.article_id, units.sentence_id, strict=True))
    keys = list(zip(counts.tokens.article_id, counts.tokens.sentence_id, strict=True))
    tokens = counts.tokens[[k in wanted for k in keys]]
    by_unit = dict(iter(tokens.groupby(["article_id", "sentence_id"], sort=False)))
    records = []
    for unit in units.itertuples():
        sentence = sentences.loc[(unit.article_id, unit.sentence_id)]
        mine = by_unit[(unit.article_id, unit.sentence_id)]
        spans = [
            (s - int(sentence.start), e - int(sentence.start))
            for t, s, e in list_terms(mine)
            if t == term
        ]
        records.append(
            (unit.outlet, unit.article_id, unit.sentence_id, len(spans), sentence.text, spans)
        )
    return pd.DataFrame(records, columns=columns)


def pick_examples(
    tables: Any,
    counts: TermCounts,
    terms: Sequence[str],
    *,
    outlets: Iterable[str] | None = None,
    article_ids: Iterable[str] | None = None,
) -> dict[str, str]:
    """Returns, for each term, the first sentence (in corpus order) that uses it.

    Args:
        tables: The built `Tables`.
        counts: `count_terms` of the part the terms were counted in.
        terms: The terms.
        outlets: Only these outlets' sentences; None: any.
        article_ids: Only these articles' sentences; None: any.

    Returns:
        Term → sentence text ("" when no selected sentence uses it).
    """
    column = {t: i for i, t in enumerate(counts.terms)}
    allowed = np.ones(len(counts.units), dtype=bool)
    if outlets is not None:
        allowed = counts.units.outlet.isin(set(outlets)).to_numpy()
    if article_ids is not None:
        allowed = allowed & counts.units.article_id.isin(set(article_ids)).to_numpy()
    text = dict(
        zip(
            zip(tables.sentences.article_id, tables.sentences.sentence_id, strict=True),
            tables.sentences.text,
            strict=True,
        )
    )
    out = {}
    for term in terms:
        rows = counts.matrix[:, column[term]].nonzero()[0] if term in column else []
        rows = [r for r in sorted(rows) if allowed[r]]
        unit = counts.units.iloc[rows[0]] if rows else None
        out[term] = "" if unit is None else str(text[(unit.article_id, unit.sentence_id)])
    return out


def rank_outlet_terms(
    tables: Any,
    outlets: Sequence[str],
    *,
    part: str = "all",
    counts: TermCounts | None = None,
    top: int = 10,
    minimum: int = 1,
    article_ids: Iterable[str] | None = None,
    background: Mapping[str, int] | str | None = None,
) -> pd.DataFrame:
    """Ranks each outlet's most distinctive terms against the other given outlets.

    Args:
        tables: The built `Tables`.
        outlets: The outlets compared (one alone is compared with the rest of the corpus).
        part: "all", "reporter" or "quotes".
        counts: `count_terms(tables, part=part)` already computed.
        top: Terms kept per outlet (those with z > 0, highest first).
        minimum: Least uses by the outlet for a term to be kept.
        article_ids: Count only these articles (see `distinctive_terms`); None: all.
        background: The prior's shape (see `distinctive_terms`); None: the corpus's counts.

    Returns:
        One row per outlet and term: outlet, term, n_target, n_rest, delta, z and example (the
        first sentence of the outlet using it), outlets in the given order.
    """
    counts = _reuse(tables, counts, part)
    if isinstance(background, str):
        background = count_english_background(counts.terms, language=background)
    frames = []
    for outlet in outlets:
        others = [o for o in outlets if o != outlet] or None
        ranked = distinctive_terms(
            tables,
            outlet,
            against=others,
            part=part,
            counts=counts,
            article_ids=article_ids,
            background=background,
        )
        kept = ranked[(ranked.z > 0) & (ranked.n_target >= minimum)].head(top)
        examples = pick_examples(
            tables, counts, list(kept.term), outlets=[outlet], article_ids=article_ids
        )
        frames.append(kept.assign(outlet=outlet, example=kept.term.map(examples)))
    columns = ["outlet", "term", "n_target", "n_rest", "delta", "z", "example"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]
