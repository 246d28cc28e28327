"""Merge suggestions: entity pairs alike enough to be one, which the rules did not merge, for a
user to confirm in `corpus/entities.yml` (the `merge_suggestions` table and `suggest_merges`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..text.names import NameBlocks, name_similarity
from .mentions import Mention
from .merging import NAME_SIMILARITY, _Clusters

#: Lower bound for `suggest_merges`.
SUGGEST_SIMILARITY = 0.7


def _suggestions(
    groups: dict[str, list[Mention]],
    clusters: _Clusters,
    people: list[str],
    ids: Mapping[str, str],
    labels: Mapping[str, str],
    links: Mapping[int, str],
    mentions: list[Mention],
) -> list[dict[str, Any]]:
    out = []
    is_person = set(people)
    for a, b in _suggestion_candidates(groups, clusters, people, ids):
        if labels[a] != labels[b] and {labels[a], labels[b]} != {"PERSON", "ORG"}:
            continue  # e.g. a country and an organisation named after it
        best, reason = 0.0, ""
        for ka in sorted(clusters.members[a]):  # sorted: ties go the same way every run
            for kb in sorted(clusters.members[b]):
                wa, wb = ka.split(), kb.split()
                if len(wa) >= 2 and len(wb) >= 2 and ka in is_person and kb in is_person:
                    last = name_similarity(wa[-1], wb[-1])
                    first = name_similarity(wa[0], wb[0])
                    score = min(last, first)
                    why = f"similar names '{ka}' / '{kb}' (surname {last:.2f}, first {first:.2f})"
                else:
                    score = name_similarity(ka, kb)
                    why = f"similar spellings '{ka}' / '{kb}'"
                    small, big = sorted((ka, kb), key=len)
                    if set(small.split()) < set(big.split()):
                        score, why = max(score, 0.75), f"'{small}' is part of '{big}'"
                if score > best:
                    best, reason = score, why
        if best >= SUGGEST_SIMILARITY:
            out.append(
                {
                    "entity_a": ids[a],
                    "entity_b": ids[b],
                    "score": round(best, 3),
                    "reason": reason,
                }
            )
    unresolved = Counter(
        m.key for i, m in enumerate(mentions) if i not in links and len(m.key.split()) == 1
    )
    surnames: dict[str, set[str]] = defaultdict(set)
    for p in {clusters.find(x) for x in people}:
        for n in clusters.members[p]:
            if len(n.split()) >= 2:
                surnames[n.split()[-1]].add(p)
    blocks = NameBlocks(surnames)
    for key in unresolved:
        root = clusters.find(key) if key in clusters.parent else None
        if root is None or root not in ids:
            continue
        candidates = {
            p for s in blocks.similar(key, NAME_SIMILARITY) for p in surnames[s] if p != root
        }
        for p in sorted(candidates):
            out.append(
                {
                    "entity_a": ids[root],
                    "entity_b": ids[p],
                    "score": 0.5,
                    "reason": f"'{key}' matches {len(candidates)} full names; linked to none",
                }
            )
    unique: dict[frozenset[str], dict[str, Any]] = {}
    for row in out:
        pair = frozenset((str(row["entity_a"]), str(row["entity_b"])))
        if pair not in unique or row["score"] > unique[pair]["score"]:
            unique[pair] = row
    return sorted(unique.values(), key=lambda r: (-r["score"], r["entity_a"], r["entity_b"]))


def _suggestion_candidates(
    groups: Mapping[str, list[Mention]],
    clusters: _Clusters,
    people: list[str],
    ids: Mapping[str, str],
) -> list[tuple[str, str]]:
    """Returns the pairs of entities (cluster roots) worth scoring for a merge suggestion: those
    with a name whose words are all in a name of the other, with names alike as a whole, or
    with people's surnames alike (each compared only within its `NameBlocks`)."""
    keys = [k for k in groups if clusters.find(k) in ids]
    postings: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for word in key.split():
            postings[word].add(key)
    pairs: set[tuple[str, str]] = set()

    def add(a: str, others: Iterable[str]) -> None:
        ra = clusters.find(a)
        for b in others:
            rb = clusters.find(b)
            if ra != rb:
                pairs.add((min(ra, rb), max(ra, rb)))

    for key in keys:
        words = sorted(set(key.split()), key=lambda w: len(postings[w]))
        if words:
            add(key, set.intersection(*(postings[w] for w in words)))
    for a, b in NameBlocks(keys).similar_pairs(SUGGEST_SIMILARITY):
        add(a, [b])
    full = [k for k in people if len(k.split()) >= 2]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in full:
        by_surname[key.split()[-1]].append(key)
    surnames = NameBlocks(by_surname)
    for key in full:
        add(
            key,
            (
                b
                for s in surnames.similar(key.split()[-1], SUGGEST_SIMILARITY)
                for b in by_surname[s]
            ),
        )
    return sorted(pairs)


#: How many merge suggestions `suggest_merges` returns by default (the strongest).
SUGGESTIONS_SHOWN = 50


def suggest_merges(tables: Any, *, top: int | None = SUGGESTIONS_SHOWN) -> pd.DataFrame:
    """Lists the likeliest merges of entities that the rules did not apply, for a user to confirm.

    Confirm one by adding an entry to `corpus/entities.yml` (name, label, aliases, reason); reject
    one for good with a `not_same` pair. A large corpus has thousands of weak suggestions; they are
    ranked by score, then by how often the two entities are mentioned (a frequent pair matters
    more), and only the `top` ones are returned.

    Args:
        tables: The built tables (`analysis.build`).
        top: How many to return; None for all (the whole `merge_suggestions` table).

    Returns:
        One row per suggestion, strongest first: both entities' ids and names, the score, the
        reason (the evidence) and both entities' mention counts.
    """
    entities = tables.entities.set_index("entity_id")
    out = tables.merge_suggestions.copy()
    out.insert(1, "name_a", out.entity_a.map(entities.name))
    out.insert(3, "name_b", out.entity_b.map(entities.name))
    out["mentions_a"] = out.entity_a.map(entities.n_mentions)
    out["mentions_b"] = out.entity_b.map(entities.n_mentions)
    weight = out.mentions_a.fillna(0) + out.mentions_b.fillna(0)
    order = sorted(range(len(out)), key=lambda i: (-out.score.iloc[i], -weight.iloc[i], i))
    out = out.iloc[order].reset_index(drop=True)
    return out if top is None else out.head(top)
