"""Organisations' names (part of step 3 of `analysis.entities`): a short form linked to the
organisation name it opens ("Amnesty"), the national variants of one organisation's name
merged (`Ministry of Defense of Ukraine` = `Ukrainian Defense Ministry`), and the listed forms
of one country or international body (`data/aliases.csv`), never across a `not_same` pair.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .cues import _has_org_word
from .mentions import Mention, _majority_label
from .merging import _Clusters
from .vocabulary import alias_groups, is_given_name

#: Words of a body named after a person whose name alone is still the person's ("the Ann Roe
#: Foundation"; unlike a school or university, which its namesake's name alone may mean).
FOUNDATION_WORDS = frozenset({"foundation"})

#: Letters a nationality and its country's name share at least (Ukrainian/Ukraine).
STEM = 4


def merge_aliases(groups: Mapping[str, list[Mention]], clusters: _Clusters) -> None:
    """Merges the names listed as one country's or international body's forms in
    `data/aliases.csv` ("U.S." = "US" = "United States"); a name the model mostly labels PERSON
    is left alone.

    Args:
        groups: Mentions by folded name.
        clusters: The merges so far (changed in place; `not_same` pairs are respected).
    """
    by_line: dict[int, list[str]] = defaultdict(list)
    for key in sorted(groups):
        line = alias_groups().get(key)
        if line is not None and _majority_label(groups[key]) != "PERSON":
            by_line[line].append(key)
    for keys in by_line.values():
        for other in keys[1:]:
            clusters.merge(keys[0], other)


def _link_org_short_forms(
    mentions: list[Mention],
    groups: dict[str, list[Mention]],
    clusters: _Clusters,
    places: set[str],
    linked: Mapping[int, str],
    person_words: set[str],
    people: Iterable[str] = (),
) -> dict[int, str]:
    """Links an organisation's short form (its first words: "Amnesty") to the one organisation
    name that contains it with the fewest words and adds no place, where the mention's article
    used that name before it. A short form that is a person's name in the corpus (a surname or
    first name of a full name) or in its article (a title, a speech verb) is never linked, nor
    a person's full name (`people`) that the model labels PERSON most of the time, never placed
    ("in X") nor a common noun's modifier ("the X shooting"), of a foundation's name
    (`FOUNDATION_WORDS`): "Ann Roe" is not the "Ann Roe Foundation" that bears it, but a
    university's or school's namesake alone may be the university.
    Across articles the two are merged outright only when the name is used in at least as many
    articles as the short form is used without it (a name in its own right, like a building's,
    is used on its own far more often than the longer name that starts with it), and never a
    person's full name whose surname alone an article links to that person (`linked`: "said X"
    after "Ann X") or that opens with a listed given name and is mostly labelled PERSON ("Ann
    Roe" in an article that never names the "Ann Roe University" another one names).

    Returns:
        The organisation (folded key) of each linked mention, by position in `mentions`.
    """
    orgs = [k for k in groups if len(k.split()) >= 2 and _has_org_word(k)]
    by_head: dict[str, list[str]] = defaultdict(list)
    for org in orgs:
        by_head[org.split()[0]].append(org)
    org_set = set(orgs)
    people_set = set(people)

    def person_not_body(key: str, org: str) -> bool:
        # "Ann Roe" of the "Ann Roe Foundation" (a foundation bears a person's name; a school's
        # or university's is used alone for it), a person's name the model mostly labels so,
        # never placed ("in X") nor a common noun's modifier ("the X shooting")
        return (
            key in people_set
            and bool(set(org.split()) & FOUNDATION_WORDS)
            and _majority_label(groups[key]) == "PERSON"
            and not any(m.cues["GPE"] > 0 or m.regional or m.modifier for m in groups[key])
        )

    targets: dict[str, str] = {}
    for key in groups:
        if _majority_label(groups[key]) in ("NORP", "GPE", "LOC"):
            continue  # a nationality or place word is not an organisation's short form
        if _has_org_word(key) and key in org_set or key in person_words:
            continue  # a person's first name or surname neither
        if key in alias_groups():
            continue  # a listed country's or body's name is its own ("U.N." of "U.N. Council")
        words = key.split()
        if not words:  # a mention made of punctuation only
            continue
        supersets = [
            o
            for o in by_head.get(words[0], [])
            if o != key
            and o.split()[0] == words[0]
            and set(words) < set(o.split())
            and not (set(o.split()) - set(words)) & places
        ]
        if supersets:
            fewest = min(len(o.split()) for o in supersets)
            best = [o for o in supersets if len(o.split()) == fewest]
            if len(best) == 1 and not person_not_body(key, best[0]):
                targets[key] = best[0]
    first_use: dict[tuple[str, str], int] = {}
    for org in set(targets.values()):
        for m in groups[org]:
            at = first_use.get((m.article_id, org))
            first_use[m.article_id, org] = m.start if at is None else min(at, m.start)
    # A title or a role apposition (a speech verb's subject may be an organisation).
    cued = {(m.article_id, m.key) for m in mentions if m.cues["PERSON"] >= 2}
    links: dict[int, str] = {}
    for i, m in enumerate(mentions):
        target = targets.get(m.key)
        if target is None or i in linked or (m.article_id, m.key) in cued:
            continue
        org = target
        at = first_use.get((m.article_id, org))
        if at is not None and at < m.start and clusters.can_merge(org, m.key):
            links[i] = org
    spoken_of = {clusters.find(root) for root in linked.values()}  # people named by a surname
    for key, org in sorted(targets.items()):
        uses = {m.article_id for m in groups[key]}
        full = {a for a, o in first_use if o == org}
        if (
            len(full) >= len(uses - full)
            and not any((a, key) in cued for a in uses)
            # a person's full name is no organisation's short form across articles where
            # an article gives its surname alone as that person's ("said X" after "Ann X") or
            # it reads as one: a listed given name first, mostly labelled PERSON
            and not (
                key in people_set
                and (
                    clusters.find(key) in spoken_of
                    or (is_given_name(key.split()[0]) and _majority_label(groups[key]) == "PERSON")
                )
            )
        ):
            clusters.merge(org, key)
    return links


def merge_org_variants(
    groups: dict[str, list[Mention]], clusters: _Clusters, places: set[str]
) -> None:
    """Merges the national variants of one organisation's name: `Ministry of Defense of
    Ukraine` = `Ukrainian Defense Ministry` (same words once the country and "of" are set aside,
    the nationality matching the country by its stem), and a name without a country
    (`Ministry of Defense`) joins them when the articles that use it name one country's variant
    only (every article using it names that one).

    Args:
        groups: Mentions by folded name.
        clusters: The merges so far (changed in place; `not_same` pairs are respected).
        places: One-word place names (folded).
    """
    by_core: dict[frozenset[str], dict[str | None, list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    orgs = [
        k
        for k in groups
        if _has_org_word(k) and _majority_label(groups[k]) not in ("GPE", "LOC", "NORP")
    ]
    # Countries: places, and "X of <Word>" when another name starts with its nationality.
    firsts = _by_stem({k.split()[0] for k in orgs})
    countries = set(places) | {
        k.split()[-1]
        for k in orgs
        if len(k.split()) >= 3
        and k.split()[-2] == "of"
        and any(
            f != k.split()[-1] and _same_stem(f, k.split()[-1])
            for f in firsts.get(k.split()[-1][:STEM], [])
        )
    }
    by_stem = _by_stem(countries)
    for key in orgs:
        country, core = _split_country(key, by_stem)
        if core:
            by_core[core][country].append(key)
    for variants in by_core.values():
        for country, keys in variants.items():
            if country is not None:
                for other in keys[1:]:
                    clusters.merge(keys[0], other)
        for key in variants.get(None, []):
            articles = {m.article_id for m in groups[key]}
            named = {
                c: {m.article_id for k in keys for m in groups[k]} & articles
                for c, keys in variants.items()
                if c is not None
            }
            named = {c: found for c, found in named.items() if found}
            if len(named) == 1 and next(iter(named.values())) == articles:
                clusters.merge(variants[next(iter(named))][0], key)


def _by_stem(words: Iterable[str]) -> dict[str, list[str]]:
    """Indexes words by their first `STEM` letters (two words of one stem share them)."""
    out: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        out[word[:STEM]].append(word)
    return out


def _split_country(key: str, places: Mapping[str, list[str]]) -> tuple[str | None, frozenset[str]]:
    """Returns (country, other words) of an organisation name: "x of <country>" or
    "<nationality> x"; the country is None when the name has none. `places` are the country
    names by stem (`_by_stem`)."""
    words = key.split()
    country = None
    if len(words) >= 3 and words[-2] == "of" and words[-1] in places.get(words[-1][:STEM], []):
        country, words = words[-1], words[:-2]
    elif len(words) >= 2:
        stems = [
            p for p in places.get(words[0][:STEM], []) if p != words[0] and _same_stem(words[0], p)
        ]
        if len(stems) == 1:
            country, words = stems[0], words[1:]
    return country, frozenset(w for w in words if w not in ("of", "the", "for", "and"))


def _same_stem(nationality: str, country: str) -> bool:
    """Ukrainian/Ukraine, Moldovan/Moldova, Russian/Russia: a long shared beginning."""
    shared = len(os.path.commonprefix([nationality, country]))
    return shared >= STEM and shared >= len(country) - 2
