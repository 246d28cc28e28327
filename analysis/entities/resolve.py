"""Resolution: from the parsed bodies to the `mentions`, `entities` and `merge_suggestions` rows,
the stages of `analysis.entities` run in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..text.parse import doc_text
from .canonical import _canonical_name, _decide_label, slug
from .cues import _has_org_word
from .curated import Curated, _apply_curated, outlet_entries
from .filters import (
    common_words,
    count_word_cases,
    drop_common_word_people,
    drop_common_words,
    drop_page_furniture,
    find_page_furniture,
    set_aside_group_words,
    set_aside_repeated_given_names,
)
from .linking import _link_single_names
from .mentions import (
    Mention,
    _find_missed,
    _majority_label,
    extract_mentions,
    join_split_names,
    mark_given_name_people,
)
from .merging import (
    _Clusters,
    _fold_plurals,
    _merge_people,
    _merge_single_names,
    find_conflicting_names,
    find_place_words,
    merge_suffixed_short_forms,
)
from .organisations import _link_org_short_forms, merge_aliases, merge_org_variants
from .suggestions import _suggestions
from .vocabulary import is_given_name

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Resolution:
    """What canonicalisation found: `mentions` and `entities` rows, and merges not applied."""

    mentions: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    suggestions: list[dict[str, Any]]


def resolve_entities(
    docs: Mapping[str, Doc],
    sentences: pd.DataFrame,
    *,
    curated: Curated | None = None,
    published: Mapping[str, date | None] | None = None,
    outlets: Mapping[str, str] | None = None,
) -> Resolution:
    """Finds the mentions of every article and resolves them to canonical entities.

    Args:
        docs: The parsed body of each article, in manifest order.
        sentences: The `sentences` table (to give each mention its sentence).
        curated: What `corpus/entities.yml` says.
        published: Each article's publication day (a surname used alone joins a namesake's full
            name from another article only when the two are close in time).
        outlets: Each article's outlet (a line repeated in many articles of one outlet is its
            page furniture); unknown, every article is its own outlet.

    Returns:
        Rows for the `mentions` and `entities` tables, and merge suggestions.
    """
    curated = curated or Curated()
    order = {aid: i for i, aid in enumerate(docs)}
    mentions = [m for aid, doc in docs.items() for m in extract_mentions(aid, order[aid], doc)]
    outlets = outlets or {}
    furniture = find_page_furniture(docs, outlets=outlets)  # the lines counted once
    mentions = drop_page_furniture(mentions, furniture)  # before the search: never a name form
    texts = {aid: doc_text(doc) for aid, doc in docs.items()}
    cases = count_word_cases(texts.values())  # counted once for every common-word question
    mentions = set_aside_group_words(drop_common_words(docs, mentions, cases=cases))
    found = drop_page_furniture(_find_missed(docs, order, mentions), furniture)
    mentions = drop_common_words(docs, join_split_names(texts, mentions + found), cases=cases)
    mentions = drop_common_word_people(docs, mentions, cases=cases)
    # after the search, so that the given name set aside is not found again as a name
    mentions = set_aside_repeated_given_names(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    _fold_plurals(groups)
    clusters = _Clusters(
        groups,
        [*curated.not_same, *find_conflicting_names(groups)],
    )
    places = find_place_words(groups)
    org_heads = {k.split()[0] for k in groups if len(k.split()) >= 2 and _has_org_word(k)}
    name_words = {
        w
        for k in groups
        if len(k.split()) >= 2
        for w in k.split()
        if len(w) >= 3 and not is_given_name(w)  # an initial is no common word
    }
    common = frozenset(common_words(cases, name_words))
    mark_given_name_people(groups, common=common, places=places)
    people = _merge_people(groups, clusters, places, org_heads, common=common, published=published)
    merge_suffixed_short_forms(groups, clusters, people)  # "Roe Jr." → "Ann Roe Jr."
    links = _link_single_names(mentions, groups, people, clusters, org_heads, published=published)
    linked_keys = {mentions[i].key for i in links}
    person_words = {w for k in people for w in (k.split()[0], k.split()[-1])}
    _merge_single_names(groups, clusters, linked_keys, person_words=person_words)
    merge_aliases(groups, clusters)
    person_links = dict(links)
    for i in person_links:
        mentions[i].linked = True
    links.update(
        _link_org_short_forms(
            mentions, groups, clusters, places, person_links, person_words, people
        )
    )
    merge_org_variants(groups, clusters, places)
    # the corpus's outlets are organisations; the user's own entries come after and win
    labelled_people = {k for k, group in groups.items() if _majority_label(group) == "PERSON"}
    outlet_curated = Curated(
        entries=[*outlet_entries(outlets.values(), people=labelled_people), *curated.entries]
    )
    decided = _apply_curated(groups, clusters, outlet_curated)

    def root_of(i: int, m: Mention) -> str:
        return clusters.find(links[i]) if i in links else clusters.find(m.key)

    assignment = [root_of(i, m) for i, m in enumerate(mentions)]
    members: dict[str, list[Mention]] = defaultdict(list)
    for root, m in zip(assignment, mentions, strict=True):
        members[root].append(m)
    ids: dict[str, str] = {}
    taken: set[str] = set()  # the ids given so far
    entity_rows: list[dict[str, Any]] = []
    labels: dict[str, str] = {}
    # organisations and places of two words or more named twice or more, by their label
    # ("white house": ORG)
    majorities = {
        k: _majority_label(group)
        for k, group in groups.items()
        if len(k.split()) >= 2 and len(group) >= 2
    }
    institutions = {
        k: str(label) for k, label in majorities.items() if label in ("ORG", "GPE", "LOC", "FAC")
    }
    for root, group in members.items():
        keys = {m.key for m in group}
        label = _decide_label(group, keys, decided.get(root), institutions=institutions)
        name = str(decided[root]["name"]) if root in decided else _canonical_name(group, label)
        entity_id = slug(name)
        if entity_id in taken:
            entity_id = f"{entity_id}-{label.lower()}"
        ids[root], labels[root] = entity_id, label
        taken.add(entity_id)
        entity_rows.append(
            {
                "entity_id": entity_id,
                "name": name,
                "label": label,
                "aliases": sorted({m.text for m in group}),
                "n_mentions": len(group),
                "n_articles": len({m.article_id for m in group}),
            }
        )
    entity_rows.sort(key=lambda r: (-r["n_mentions"], r["name"]))
    mention_rows = _mention_rows(mentions, assignment, ids, labels, sentences)
    suggestions = _suggestions(groups, clusters, people, ids, labels, person_links, mentions)
    return Resolution(mention_rows, entity_rows, suggestions)


def _mention_rows(
    mentions: list[Mention],
    assignment: list[str],
    ids: Mapping[str, str],
    labels: Mapping[str, str],
    sentences: pd.DataFrame,
) -> list[dict[str, Any]]:
    starts = {
        aid: (g.start.to_numpy(), g.sentence_id.tolist())
        for aid, g in sentences.sort_values(["article_id", "start"]).groupby("article_id")
    }
    rows = []
    for m, root in sorted(
        zip(mentions, assignment, strict=True), key=lambda x: (x[0].article_index, x[0].start)
    ):
        sent_starts, sent_ids = starts[m.article_id]
        position = int(sent_starts.searchsorted(m.start, side="right")) - 1
        rows.append(
            {
                "article_id": m.article_id,
                "sentence_id": int(sent_ids[max(position, 0)]),
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": labels[root],
                "entity_id": ids[root],
            }
        )
    return rows
