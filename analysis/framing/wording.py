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
import re
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

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
    columns = ["outlet_a", "text_a", "outlet_b", "text_b", "n", "statements"]
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


def select_outlet_pairs(summary: pd.DataFrame, *, outlets: Iterable[str]) -> pd.DataFrame:
    """Keeps the rows of a word-choice summary whose two outlets are both given.

    Every row of `summarize_word_choices` belongs to one outlet pair, so summarising once and
    selecting pairs per filter gives what summarising the selected outlets' choices gives.

    Args:
        summary: `summarize_word_choices` of every choice (not changed).
        outlets: The outlets kept.

    Returns:
        The rows of `summary` whose outlet_a and outlet_b are both in `outlets`, in its order,
        with a fresh index (`summarize_word_choices(choices, outlets=outlets)`).
    """
    keep = set(outlets)
    chosen = summary[summary.outlet_a.isin(keep) & summary.outlet_b.isin(keep)]
    if chosen.empty:
        return pd.DataFrame(columns=list(summary.columns))
    return chosen.reset_index(drop=True)
