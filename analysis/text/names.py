"""Name keys and name comparison: folding, transliteration keys, similarity, and blocks.

Shared by the entity rules (`analysis.entities`); see docs/entities.md for the keys and
docs/scale.md for the blocks and what they can miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel
from unidecode import unidecode

#: One letter elided before an apostrophe inside a surname ("O'Hara", "D’Costa"): one word.
_ELIDED = re.compile(r"\b([a-z])'(?=[a-z]{2})")


def fold(text: str) -> str:
    """Returns the name folded to lowercase ASCII words (diacritics, case, punctuation gone; a
    letter elided before an apostrophe stays with its word: "O’Hara" is "ohara", one word)."""
    return " ".join(re.findall(r"[a-z0-9]+", _ELIDED.sub(r"\1", unidecode(text).lower())))


@cache
def transliteration_key(word: str) -> str:
    """Folds one name word so that common transliteration variants of Ukrainian and Russian names
    coincide: kh/ch/h, y/i/j, ie/e endings, doubled letters, c/k.

    Args:
        word: A name word, e.g. "Zelenskyy".

    Returns:
        Its key, e.g. "zelenski".
    """
    key = fold(word).replace(" ", "")
    for old, new in (("kh", "h"), ("ch", "h"), ("zh", "z"), ("ck", "k"), ("c", "k"), ("ph", "f")):
        key = key.replace(old, new)
    key = key.replace("y", "i").replace("j", "i").replace("ie", "i").replace("w", "v")
    return re.sub(r"(.)\1+", r"\1", key)


def name_similarity(a: str, b: str) -> float:
    """Returns how alike two name words are (0–1) after transliteration folding."""
    return float(Indel.normalized_similarity(transliteration_key(a), transliteration_key(b)))


#: Names compared at once by `NameBlocks.similar_pairs` (bounds memory to rows × block size).
PAIR_ROWS = 512


class NameBlocks:
    """Finds the names alike a given one without comparing it with every name (docs/scale.md).

    Names are compared by their transliteration keys, only within blocks: the keys with the same
    first letter, and those with the same last letter. Two keys that differ at both ends are never
    compared (with `NAME_SIMILARITY` they would need four edits, so words of 17 letters or more).
    """

    def __init__(self, names: Iterable[str]) -> None:
        """Indexes the names (duplicates once) by the two blocks of their keys."""
        self.keys: dict[str, str] = {n: transliteration_key(n) for n in dict.fromkeys(names)}
        self.blocks: dict[str, tuple[list[str], list[str]]] = {}
        for name, key in self.keys.items():
            for block in {f"^{key[:1]}", f"{key[-1:]}$"}:
                names_, keys = self.blocks.setdefault(block, ([], []))
                names_.append(name)
                keys.append(key)
        self.found: dict[tuple[str, float], list[str]] = {}

    def similar(self, name: str, cutoff: float) -> list[str]:
        """Returns the indexed names whose keys are at least `cutoff` alike `name`'s, sorted."""
        if (name, cutoff) in self.found:
            return self.found[name, cutoff]
        key = transliteration_key(name)
        found: set[str] = set()
        for block in {f"^{key[:1]}", f"{key[-1:]}$"}:
            names, keys = self.blocks.get(block, ([], []))
            for _, _, i in process.extract(
                key, keys, scorer=Indel.normalized_similarity, score_cutoff=cutoff, limit=None
            ):
                found.add(names[i])
        self.found[name, cutoff] = sorted(found)
        return self.found[name, cutoff]

    def similar_pairs(self, cutoff: float) -> set[tuple[str, str]]:
        """Returns every pair of indexed names (a < b) in a block together whose keys are at
        least `cutoff` alike: `similar` for every name at once, compared a block of rows at a
        time in rapidfuzz (`process.cdist`, on every core)."""
        pairs: set[tuple[str, str]] = set()
        for names, keys in self.blocks.values():
            for start in range(0, len(keys), PAIR_ROWS):
                scores = process.cdist(
                    keys[start : start + PAIR_ROWS],
                    keys,
                    scorer=Indel.normalized_similarity,
                    score_cutoff=cutoff,
                    dtype=np.float64,
                    workers=-1,
                )
                rows, cols = np.nonzero(scores >= cutoff)
                for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
                    a, b = names[start + row], names[col]
                    if a < b:
                        pairs.add((a, b))
        return pairs


__all__ = ["NameBlocks", "fold", "name_similarity", "transliteration_key"]
