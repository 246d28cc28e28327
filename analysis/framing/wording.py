"""Word choice in shared statements: where two outlets carry the same statement (the `statements`
table), the words one uses in place of the other's ("resigned" / "quit").

For every two articles of a statement, their sentences are aligned word by word (difflib, on
lowercase words, curly and straight apostrophes alike). A choice is a short substitution: a
replaced run of at most `MAX_CHOICE_WORDS` words on both sides, between sentences at least
`MIN_ALIKE` alike, held in place by words both sentences share — at least one on each side, or
`MIN_ANCHOR_WORDS` on the one side when it is at the sentence's start or end — with a word on
each side that has a letter and is not a stop word ("of" / "for", "the president" / "he" and
"65" / "60" are not word choices). A replaced run with nothing shared around it is where two
sentences go different ways, not a word choice.
Additions and omissions are not choices (the statement view of notebook 04 shows them). Pairs
within one statement only: nothing is compared across the whole corpus.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from .tokens import NO_QUOTE, check_part, map_all_quote_owners

#: Longest run of words, on either side, that counts as one word choice.
MAX_CHOICE_WORDS = 3
#: Least difflib ratio (matching words / all words) two sentences need for their differences to be
#: read as word choices rather than a rewrite.
MIN_ALIKE = 0.6
#: Shared words a choice at a sentence's start or end needs on its other side.
MIN_ANCHOR_WORDS = 3
WORD = re.compile(r"\w+(?:['’]\w+)*")
COLUMNS = [
    "statement_id",
    "outlet_a",
    "article_a",
    "sentence_a",
    "start_a",
    "end_a",
    "text_a",
    "outlet_b",
    "article_b",
    "sentence_b",
    "start_b",
    "end_b",
    "text_b",
]
#: The columns of `summarize_word_choices`.
SUMMARY_COLUMNS = ["outlet_a", "text_a", "outlet_b", "text_b", "n", "statements"]


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def align_choices(a: str, b: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Aligns two wordings of one statement and returns where they choose different words.

    Args:
        a: One sentence.
        b: The other.

    Returns:
        ((start_a, end_a), (start_b, end_b)) per choice, offsets into `a` and `b`; empty when the
        sentences are less than `MIN_ALIKE` alike.
    """
    words_a, words_b = list(WORD.finditer(a)), list(WORD.finditer(b))
    keys_a, keys_b = [_key(m.group()) for m in words_a], [_key(m.group()) for m in words_b]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, False)
    if matcher.ratio() < MIN_ALIKE:
        return []
    out = []
    opcodes = matcher.get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "replace" or i2 - i1 > MAX_CHOICE_WORDS or j2 - j1 > MAX_CHOICE_WORDS:
            continue
        before = _shared_words(opcodes, n - 1)
        after = _shared_words(opcodes, n + 1)
        anchored = (before and after) or max(before, after) >= MIN_ANCHOR_WORDS
        if anchored and _has_word(keys_a[i1:i2]) and _has_word(keys_b[j1:j2]):
            out.append(
                (
                    (words_a[i1].start(), words_a[i2 - 1].end()),
                    (words_b[j1].start(), words_b[j2 - 1].end()),
                )
            )
    return out


def _has_word(keys: list[str]) -> bool:
    """Returns True when a run holds a word with a letter that is not a stop word."""
    return any(k not in STOP_WORDS and any(c.isalpha() for c in k) for k in keys)


def _shared_words(opcodes: Sequence[tuple[str, int, int, int, int]], n: int) -> int:
    """Returns how many words the n-th difflib opcode shares (0 when it is not an equal run)."""
    if not 0 <= n < len(opcodes) or opcodes[n][0] != "equal":
        return 0
    return opcodes[n][2] - opcodes[n][1]


def find_word_choices(tables: Any) -> pd.DataFrame:
    """Lists the word choices of every two outlets carrying the same statement.

    Args:
        tables: The built `Tables` (statements, sentences, articles).

    Returns:
        One row per choice: statement_id; for each side (a, b — outlet a first alphabetically)
        outlet, article, sentence (its sentence_id), start and end (offsets into that article's
        `body`) and text (`body[start:end]`).
    """
    s = tables.sentences
    where = {
        (a, i): (str(text), int(start))
        for a, i, text, start in zip(
            s.article_id.tolist(),
            s.sentence_id.tolist(),
            s.text.tolist(),
            s.start.tolist(),
            strict=True,
        )
    }
    outlet = dict(zip(tables.articles.article_id, tables.articles.outlet, strict=True))
    aligned: dict[tuple[str, str], list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    rows = []
    for statement_id, group in tables.statements.groupby("statement_id", sort=True):
        members = sorted(
            zip(group.article_id, group.sentence_id, strict=True),
            key=lambda m: (outlet[m[0]].casefold(), m[0]),
        )
        for (art_a, sen_a), (art_b, sen_b) in combinations(members, 2):
            if outlet[art_a] == outlet[art_b]:
                continue
            (text_a, start_a), (text_b, start_b) = where[art_a, sen_a], where[art_b, sen_b]
            if (text_a, text_b) not in aligned:  # syndicated copy repeats the same pair
                aligned[text_a, text_b] = align_choices(text_a, text_b)
            for (s_a, e_a), (s_b, e_b) in aligned[text_a, text_b]:
                rows.append(
                    (
                        int(statement_id),
                        outlet[art_a],
                        art_a,
                        int(sen_a),
                        start_a + s_a,
                        start_a + e_a,
                        text_a[s_a:e_a],
                        outlet[art_b],
                        art_b,
                        int(sen_b),
                        start_b + s_b,
                        start_b + e_b,
                        text_b[s_b:e_b],
                    )
                )
    return pd.DataFrame(rows, columns=COLUMNS)


def summarize_word_choices(
    choices: pd.DataFrame, *, outlets: Iterable[str] | None = None
) -> pd.DataFrame:
    """Aggregates word choices per outlet pair.

    Args:
        choices: `find_word_choices` rows (or a selection of them).
        outlets: Keep the pairs of these outlets only; None keeps all.

    Returns:
        One row per outlet pair and pair of wordings (compared in lowercase): outlet_a, text_a,
        outlet_b, text_b (as first written), n (how many times) and statements (their ids, to
        trace each choice back), most frequent first.
    """
    columns = SUMMARY_COLUMNS
    if outlets is not None:
        keep = set(outlets)
        choices = choices[choices.outlet_a.isin(keep) & choices.outlet_b.isin(keep)]
    if choices.empty:
        return pd.DataFrame(columns=columns)
    keyed = choices.assign(key_a=choices.text_a.map(_key), key_b=choices.text_b.map(_key))
    out = (
        keyed.groupby(["outlet_a", "key_a", "outlet_b", "key_b"], sort=False)
        .agg(
            text_a=("text_a", "first"),
            text_b=("text_b", "first"),
            n=("statement_id", "size"),
            statements=("statement_id", lambda s: sorted(set(map(int, s)))),
        )
        .reset_index()
    )
    out = out.sort_values(["n", "outlet_a", "outlet_b"], ascending=[False, True, True])
    return out[columns].reset_index(drop=True)


#: Which part of the text a wording is in (`WordChoiceIndex.part_a`, `part_b`): the reporter's own
#: words, inside a quote, or across a quote's boundary (counted under "all" only).
REPORTER, QUOTED, ACROSS = 0, 1, 2


@dataclass(frozen=True)
class WordChoiceIndex:
    """What a filter only selects from in the word choices, computed once: each choice's two
    articles, the part of the text of each wording, its pair of wordings and its statement.

    Attributes:
        article_ids: Every article with a choice, sorted.
        article_a: The position in `article_ids` of each choice's article a.
        article_b: The same for article b.
        part_a: `REPORTER`, `QUOTED` or `ACROSS` for each choice's wording a.
        part_b: The same for wording b.
        pair: The number of each choice's outlet pair and pair of wordings (compared in
            lowercase), numbered in order of first appearance.
        by_pair: The choices' positions sorted by pair (then position).
        pairs: One row per pair number: outlet_a, outlet_b, and outlets (a number that sorts
            as (outlet_a, outlet_b) sort).
        combo: The number of each choice's (pair, statement), numbered in sorted order.
        combo_pair: The pair of each (pair, statement) number.
        combo_statement: The statement_id of each (pair, statement) number.
        statements: Each pair's statement ids (a list per pair, in an object array; shared with
            the tables `select` returns, which must not change them).
        statement_counts: How many statements each pair has.
        text_a: The choices' text_a (as written).
        text_b: The choices' text_b.
    """

    article_ids: pd.Index
    article_a: np.ndarray
    article_b: np.ndarray
    part_a: np.ndarray
    part_b: np.ndarray
    pair: np.ndarray
    by_pair: np.ndarray
    pairs: pd.DataFrame
    combo: np.ndarray
    combo_pair: np.ndarray
    combo_statement: np.ndarray
    statements: np.ndarray
    statement_counts: np.ndarray
    text_a: Any
    text_b: Any

    def select(
        self,
        *,
        article_ids: Iterable[str] | None = None,
        part: str = "all",
        minimum: int = 1,
    ) -> pd.DataFrame:
        """Summarises the choices of some articles, as `summarize_word_choices` does.

        Args:
            article_ids: Keep the choices whose two articles are both among these; None: all.
            part: "all"; "reporter": both wordings in the reporter's own words; "quotes": both
                inside quotes (a wording across a quote's boundary is kept under "all" only).
            minimum: Keep the rows made at least this many times.

        Returns:
            `summarize_word_choices` of the kept choices (outlet_a, text_a, outlet_b, text_b, n,
            statements), its rows with `n` below `minimum` left out.
        """
        keep = np.ones(len(self.pair), dtype=bool)
        if article_ids is not None:
            chosen = self.article_ids.isin(set(article_ids))
            keep &= chosen[self.article_a] & chosen[self.article_b]
        if check_part(part) != "all":
            wanted = REPORTER if part == "reporter" else QUOTED
            keep &= (self.part_a == wanted) & (self.part_b == wanted)
        n = np.bincount(self.pair[keep], minlength=len(self.pairs))
        # Each pair's first kept choice: the first of its run in `by_pair` order.
        kept = self.by_pair[keep[self.by_pair]]
        pair = self.pair[kept]
        starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else pair
        groups, first = pair[starts], kept[starts]
        often = n[groups] >= max(1, minimum)
        groups, first = groups[often], first[often]
        if not len(groups):
            return pd.DataFrame(columns=SUMMARY_COLUMNS)
        # Most frequent first, then by outlets; ties in order of first appearance.
        outlets = self.pairs.outlets.to_numpy()
        order = np.lexsort((first, outlets[groups], -n[groups]))
        groups, first = groups[order], first[order]
        # Each pair's statements: its (pair, statement) numbers of the kept choices, sorted.
        present = np.zeros(len(self.combo_pair), dtype=bool)
        present[self.combo[keep]] = True
        combos = np.flatnonzero(present)  # sorted by pair, then statement
        ids = self.combo_statement[combos].tolist()
        per_pair = np.bincount(self.combo_pair[combos], minlength=len(self.pairs))
        offsets = np.concatenate([[0], np.cumsum(per_pair)])
        begin, end = offsets[groups], offsets[groups + 1]
        # A pair that kept all its statements shows the index's list (most pairs, most of the
        # time); the others get a new one. With the garbage collector on, making 100,000 small
        # lists beside the notebook's millions of objects cost about 0.8 s in collections.
        statements = self.statements[groups]
        partial = np.flatnonzero(per_pair[groups] != self.statement_counts[groups]).tolist()
        collecting = gc.isenabled()
        gc.disable()
        try:
            for i in partial:
                statements[i] = ids[begin[i] : end[i]]
        finally:
            if collecting:
                gc.enable()
        return pd.DataFrame(
            {
                "outlet_a": self.pairs.outlet_a.array.take(groups),
                "text_a": self.text_a.take(first),
                "outlet_b": self.pairs.outlet_b.array.take(groups),
                "text_b": self.text_b.take(first),
                "n": n[groups],
                "statements": statements,
            }
        )


def index_word_choices(tables: Any, choices: pd.DataFrame) -> WordChoiceIndex:
    """Computes what a filter only selects from in the word choices (`WordChoiceIndex`).

    Args:
        tables: The built `Tables` (articles, quotes).
        choices: `find_word_choices` rows (not changed).

    Returns:
        The index.
    """
    article_ids = pd.Index(sorted(set(choices.article_a) | set(choices.article_b)), dtype=object)
    bodies = dict(zip(tables.articles.article_id, tables.articles.body, strict=True))
    quotes = tables.quotes[tables.quotes.article_id.isin(set(article_ids))]
    owners = map_all_quote_owners({a: bodies[a] for a in article_ids}, quotes)
    # Quoted characters before each offset, all articles end to end: a wording's quoted
    # characters are two lookups.
    lengths = np.array([len(owners[a]) + 1 for a in article_ids], dtype=np.int64)
    offset = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    quoted = np.concatenate(
        [np.concatenate([[0], np.cumsum(owners[a] != NO_QUOTE)]) for a in article_ids]
        or [np.zeros(0, dtype=np.int64)]
    )
    article_a = article_ids.get_indexer(choices.article_a).astype(np.int64)
    article_b = article_ids.get_indexer(choices.article_b).astype(np.int64)

    def parts(article: np.ndarray, side: str) -> np.ndarray:
        start = choices[f"start_{side}"].to_numpy(dtype=np.int64) + offset[article]
        end = choices[f"end_{side}"].to_numpy(dtype=np.int64) + offset[article]
        inside = quoted[end] - quoted[start]
        out = np.where(inside > 0, ACROSS, REPORTER)
        return np.where(inside == end - start, QUOTED, out).astype(np.int8)

    keys = pd.DataFrame(
        {
            "outlet_a": choices.outlet_a,
            "key_a": choices.text_a.map(_key),
            "outlet_b": choices.outlet_b,
            "key_b": choices.text_b.map(_key),
        }
    )
    # Numbered in order of first appearance, as `summarize_word_choices` groups them.
    pair = keys.groupby(list(keys.columns), sort=False).ngroup().to_numpy(dtype=np.int64)
    first = np.unique(pair, return_index=True)[1]
    pairs = keys.iloc[first][["outlet_a", "outlet_b"]].reset_index(drop=True)
    names = sorted(set(pairs.outlet_a) | set(pairs.outlet_b))
    rank = {o: i for i, o in enumerate(names)}
    pairs = pairs.assign(
        outlets=pairs.outlet_a.map(rank).astype(np.int64) * len(names)
        + pairs.outlet_b.map(rank).astype(np.int64)
    )
    statement = choices.statement_id.to_numpy(dtype=np.int64)
    both, combo = np.unique(np.stack([pair, statement], axis=1), axis=0, return_inverse=True)
    both = both.reshape(-1, 2)
    statement_counts = np.bincount(both[:, 0], minlength=len(pairs))
    ends = np.cumsum(statement_counts).tolist()
    ids = both[:, 1].tolist()
    statements = np.empty(len(pairs), dtype=object)
    for i, (begin, end) in enumerate(zip([0, *ends][:-1], ends, strict=True)):
        statements[i] = ids[begin:end]
    return WordChoiceIndex(
        article_ids=article_ids,
        article_a=article_a,
        article_b=article_b,
        part_a=parts(article_a, "a"),
        part_b=parts(article_b, "b"),
        pair=pair,
        by_pair=np.argsort(pair, kind="stable"),
        pairs=pairs,
        combo=np.asarray(combo, dtype=np.int64).ravel(),
        combo_pair=both[:, 0].copy(),
        combo_statement=both[:, 1].copy(),
        statements=statements,
        statement_counts=statement_counts,
        text_a=choices.text_a.array,
        text_b=choices.text_b.array,
    )
