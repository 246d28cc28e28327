"""An organisation's short form (issue 21): a listed country's or international body's name
(`data/aliases.csv`) is a name in its own right, never the short form of a longer organisation
that opens with it. Hand-made mentions of invented sentences, so the tests do not depend on the
model's guesses."""

from __future__ import annotations

from collections import defaultdict

from analysis.entities.mentions import Mention
from analysis.entities.merging import _Clusters, find_conflicting_names
from analysis.entities.organisations import _link_org_short_forms, merge_aliases


def mention(article: str, start: int, text: str) -> Mention:
    return Mention(article, 0, start, start + len(text), text, tuple(text.split()), "ORG")


def link(mentions: list[Mention]) -> _Clusters:
    """Runs the organisation short-form and alias stages as `resolve_entities` does."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    clusters = _Clusters(groups, find_conflicting_names(groups))
    _link_org_short_forms(mentions, groups, clusters, set(), {}, set())
    merge_aliases(groups, clusters)
    return clusters


def test_a_listed_bodys_abbreviation_is_not_a_council_of_it() -> None:
    # "The U.N. Harbour Council met ... The U.N. said ..." in one article, "the United Nations"
    # in two others: the United Nations is one entity, the council another.
    council = "U.N. Harbour Council"
    mentions = [mention("a", 0, council), mention("a", 60, "U.N.")]
    mentions += [mention(f"b{i}", 10, "United Nations") for i in range(2)]
    clusters = link(mentions)
    un, body = mentions[1].key, mentions[2].key
    assert clusters.find(un) == clusters.find(body)  # "U.N." = "United Nations" (aliases.csv)
    assert clusters.find(un) != clusters.find(mentions[0].key)


def test_an_organisations_first_word_still_joins_its_full_name() -> None:
    # "The Harbour Foundation said ... Harbour said ..." is no listed name: "Harbour" of
    # "Harbour Foundation" in the article that named the foundation first joins it.
    mentions = [mention("a", 0, "Harbour Foundation"), mention("a", 40, "Harbour")]
    clusters = link(mentions)
    assert clusters.find(mentions[1].key) == clusters.find(mentions[0].key)
