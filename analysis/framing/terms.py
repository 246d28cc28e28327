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
from typing import Any

import numpy as np
import pandas as pd

from .term_counts import TERM_COLUMNS, TermCounts, TermIndex, find_terms, get_index, reuse_counts

#: Default weight of the corpus prior (see the module docstring).
PRIOR_SCALE = 0.1


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
    counts = reuse_counts(tables, counts, part)
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
    counts = reuse_counts(tables, counts, part)
    columns = ["outlet", "article_id", "sentence_id", "n", "text", "spans"]
    where = np.flatnonzero(counts.terms == term)
    if not len(where):
        return pd.DataFrame(columns=columns)
    index = get_index(tables, counts)
    rows = _units_of_term(index, int(where[0]))
    units = counts.units.iloc[rows]
    if outlets is not None:
        units = units[units.outlet.isin(set(outlets))]
    if article_ids is not None:
        units = units[units.article_id.isin(set(article_ids))]
    positions = counts.units.index.get_indexer(units.index)
    offsets = index.token_offsets
    rows_of = [index.token_rows[offsets[p] : offsets[p + 1]] for p in positions]
    wanted = np.concatenate(rows_of) if rows_of else np.array([], dtype=np.int64)
    # The tokens of the chosen sentences only, read once; each sentence's are a slice of them.
    columns_of = [counts.tokens[c].take(wanted).tolist() for c in TERM_COLUMNS]
    ends = np.cumsum([len(r) for r in rows_of]).tolist()
    records = []
    for position, unit, end, size in zip(
        positions, units.itertuples(), ends, map(len, rows_of), strict=True
    ):
        start = int(index.unit_start[position])
        spans = [
            (s - start, e - start)
            for t, s, e in find_terms(*(column[end - size : end] for column in columns_of))
            if t == term
        ]
        records.append(
            (
                unit.outlet,
                unit.article_id,
                unit.sentence_id,
                len(spans),
                index.unit_text[position],
                spans,
            )
        )
    return pd.DataFrame(records, columns=columns)


def _units_of_term(index: TermIndex, column: int) -> np.ndarray:
    """Returns the units (rows of the counts) using the term of a column, in corpus order."""
    by_term = index.by_term
    return by_term.indices[by_term.indptr[column] : by_term.indptr[column + 1]]


def _select_units(
    index: TermIndex,
    *,
    outlets: Iterable[str] | None,
    article_ids: Iterable[str] | None,
) -> np.ndarray:
    """Returns a mask over the units: those of the given outlets and articles (None: all)."""
    chosen = np.ones(len(index.article_ids), dtype=bool)
    if outlets is not None:
        chosen &= np.isin(index.outlets, list(set(outlets)))
    if article_ids is not None:
        chosen &= np.isin(index.article_ids, list(set(map(str, article_ids))))
    return chosen[index.unit_article]


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
    index = get_index(tables, counts)
    allowed = _select_units(index, outlets=outlets, article_ids=article_ids)
    return _first_sentences(counts, index, terms, allowed)


def _first_sentences(
    counts: TermCounts, index: TermIndex, terms: Sequence[str], allowed: np.ndarray
) -> dict[str, str]:
    """`pick_examples` with the allowed units already marked."""
    column = _columns(counts)
    out = {}
    for term in terms:
        rows = _units_of_term(index, column[term]) if term in column else np.array([], dtype=int)
        rows = rows[allowed[rows]]
        out[term] = str(index.unit_text[rows[0]]) if len(rows) else ""
    return out


def _columns(counts: TermCounts) -> dict[str, int]:
    """Returns the column of every term (computed once per `TermCounts`)."""
    cached = counts.__dict__.get("_columns")
    if cached is None:
        cached = {str(t): i for i, t in enumerate(counts.terms)}
        object.__setattr__(counts, "_columns", cached)  # frozen: set once, never changed
    return cached


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

    The same ranking as `distinctive_terms` of each outlet (against the others, or the rest of
    the corpus when it is alone) cut to its top terms, computed from the counts per article
    (`TermIndex`): a selection sums rows, and only the terms an outlet uses at least `minimum`
    times are scored.

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

    Raises:
        ValueError: An outlet is not in the corpus.
    """
    from scipy import sparse

    counts = reuse_counts(tables, counts, part)
    index = get_index(tables, counts)
    columns = ["outlet", "term", "n_target", "n_rest", "delta", "z", "example"]
    if not outlets:
        return pd.DataFrame(columns=columns)
    known = set(tables.articles.outlet)
    if isinstance(background, str):
        background = count_english_background(counts.terms, language=background)
    if background is None:
        prior = PRIOR_SCALE * index.corpus
    else:
        shape = np.array([background.get(t, 0) + 1 for t in counts.terms], dtype=float)
        prior = PRIOR_SCALE * index.corpus.sum() * shape / shape.sum()
    prior = np.asarray(prior, dtype=float)
    a0 = float(prior.sum())
    counted = np.ones(len(index.article_ids), dtype=bool)
    if article_ids is not None:
        counted = np.isin(index.article_ids, list(set(map(str, article_ids))))
    unit_counted = counted[index.unit_article]
    order = list(dict.fromkeys(outlets))
    rows_of = {o: i for i, o in enumerate(order)}
    # One row per outlet: its counted articles' counts summed (an article is one outlet's).
    owner = np.array([rows_of.get(o, -1) for o in index.outlets], dtype=np.int64)
    picked = counted & (owner >= 0)
    summing = sparse.csr_matrix(
        (np.ones(int(picked.sum()), dtype=np.int64), (owner[picked], np.flatnonzero(picked))),
        shape=(len(order), len(index.article_ids)),
    )
    mine_counts = (summing @ index.by_article).tocsr()
    mine_counts.sort_indices()
    everyone = _sum_rows(index.by_article, counted & np.isin(index.outlets, order))
    alone = _sum_rows(index.by_article, counted) if len(set(outlets)) == 1 else None
    unit_owner = owner[index.unit_article]
    picked_rows: list[
        tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, str]]
    ] = []
    for outlet in outlets:
        others = [o for o in outlets if o != outlet] or None
        rest_of = known - {outlet} if others is None else set(others)
        if outlet not in known or not rest_of or outlet in rest_of or rest_of - known:
            raise ValueError(
                f"target {[outlet]} and against {sorted(rest_of)} must be non-empty, disjoint "
                f"sets of the corpus's outlets {sorted(known)}"
            )
        # The rest is every counted article of the compared outlets but this one's.
        total = everyone if others is not None else alone
        assert total is not None
        row = rows_of[outlet]
        lo, hi = mine_counts.indptr[row], mine_counts.indptr[row + 1]
        used, uses = mine_counts.indices[lo:hi], mine_counts.data[lo:hi]
        n_t = int(uses.sum())
        n_r = int(total.sum()) - n_t
        if minimum >= 1:
            candidates = used[uses >= minimum]
            y_t = uses[uses >= minimum]
        else:
            candidates = np.flatnonzero(total > 0)
            y_t = np.zeros(len(candidates), dtype=np.int64)
            y_t[np.isin(candidates, used)] = uses[np.isin(used, candidates)]
        y_r = total[candidates] - y_t
        delta, z = score_log_odds(
            y_t, y_r, prior[candidates], n_target=n_t, n_rest=n_r, prior_total=a0
        )
        positive = z > 0
        candidates, y_t, y_r, delta, z = (a[positive] for a in (candidates, y_t, y_r, delta, z))
        best = np.lexsort((candidates, -z))[:top]
        chosen = candidates[best]
        allowed = unit_counted & (unit_owner == row)
        found = _first_sentences(counts, index, [str(t) for t in counts.terms[chosen]], allowed)
        picked_rows.append((outlet, chosen, y_t[best], y_r[best], delta[best], z[best], found))
    text = _term_dtype(counts)
    return pd.DataFrame(
        {
            "outlet": pd.Series([o for o, c, *_ in picked_rows for _ in range(len(c))], dtype=text),
            "term": pd.Series(
                np.concatenate([counts.terms[c] for _, c, *_ in picked_rows]), dtype=text
            ),
            "n_target": np.concatenate([r[2] for r in picked_rows]).astype("int64"),
            "n_rest": np.concatenate([r[3] for r in picked_rows]).astype("int64"),
            "delta": np.concatenate([r[4] for r in picked_rows]).astype("float64"),
            "z": np.concatenate([r[5] for r in picked_rows]).astype("float64"),
            "example": pd.Series(
                [e for *_, found in picked_rows for e in found.values()], dtype=text
            ),
        },
        columns=columns,
    )


def _term_dtype(counts: TermCounts) -> Any:
    """Returns the dtype pandas gives a column of text (as `distinctive_terms` has its terms)."""
    return pd.Series(counts.terms[:1] if len(counts.terms) else ["-"]).dtype


def _sum_rows(matrix: Any, mask: np.ndarray) -> np.ndarray:
    """Returns the column sums of a sparse matrix's rows where `mask` is True (int64)."""
    return np.asarray(matrix[mask].sum(axis=0), dtype=np.int64).ravel()
