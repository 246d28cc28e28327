"""A short form the article itself uses as a person (issue 21, `i21e4`): a surname the model
labels a place, used alone after the full name its article gave as a person's, is that person's;
an article that places the word ("in X") keeps it a place. Hand-made mentions of invented
sentences, so the tests do not depend on the model's guesses."""

from __future__ import annotations

from collections import Counter, defaultdict

from analysis.entities.cues import _has_org_word
from analysis.entities.linking import _link_single_names
from analysis.entities.mentions import Mention
from analysis.entities.merging import (
    _Clusters,
    _merge_people,
    find_conflicting_names,
    find_place_words,
    merge_suffixed_short_forms,
)
from analysis.entities.organisations import _link_org_short_forms


def mention(
    article: str, start: int, text: str, label: str | None, *, placed: bool = False
) -> Mention:
    m = Mention(article, 0, start, start + len(text), text, tuple(text.split()), label)
    if placed:
        m.cues = Counter({"GPE": 2})  # "in X"
    return m


def resolve(mentions: list[Mention]) -> tuple[list[str], dict[int, str], _Clusters]:
    """Runs the people and linking stages as `resolve_entities` does; returns the people's
    full names, the one-word mentions linked (by position) and the clusters."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    clusters = _Clusters(groups, find_conflicting_names(groups))
    places = find_place_words(groups)
    org_heads = {k.split()[0] for k in groups if len(k.split()) >= 2 and _has_org_word(k)}
    people = _merge_people(groups, clusters, places, org_heads)
    merge_suffixed_short_forms(groups, clusters, people)
    links = _link_single_names(mentions, groups, people, clusters, org_heads)
    return people, links, clusters


#: "Corbin" is mostly a place in this corpus: "flooding in Corbin" in three articles.
TOWN = [mention(f"t{i}", 30, "Corbin", "GPE", placed=True) for i in range(3)]


def test_a_surname_labelled_a_place_joins_the_full_name_its_article_gave() -> None:
    # a1: "Ann Corbin, a nurse, ... Corbin said the ward was full." — the model: Ann Corbin
    # PERSON, Corbin alone GPE
    found = [mention("a1", 0, "Ann Corbin", "PERSON"), mention("a1", 60, "Corbin", "GPE")]
    people, links, clusters = resolve(TOWN + found)
    assert "ann corbin" in people
    assert clusters.find(links[len(TOWN) + 1]) == clusters.find("ann corbin")
    # the town's own mentions stay apart
    assert not set(range(len(TOWN))) & set(links)


def test_an_article_that_places_the_word_keeps_it_a_place() -> None:
    # a2: "Ann Corbin ... she grew up in Corbin. ... Corbin is a small town": the article uses
    # the word as a place, so none of its bare mentions is taken for her
    found = [
        mention("a2", 0, "Ann Corbin", "PERSON"),
        mention("a2", 50, "Corbin", "GPE", placed=True),
        mention("a2", 90, "Corbin", "GPE"),
    ]
    _, links, _ = resolve(TOWN + found)
    assert not links


def test_a_full_name_with_a_place_word_surname_is_one_person_with_its_middle_initial() -> None:
    # "James Corbin" and "James O. Corbin", both labelled PERSON, in two articles
    found = [
        mention("a3", 0, "James Corbin", "PERSON"),
        mention("a4", 0, "James O. Corbin", "PERSON"),
    ]
    people, _, clusters = resolve(TOWN + found)
    assert {"james corbin", "james o corbin"} <= set(people)
    assert clusters.find("james corbin") == clusters.find("james o corbin")


def test_a_place_name_the_model_does_not_call_a_person_stays_no_persons_name() -> None:
    # "Ann Corbin" labelled GPE twice and PERSON once (a district named after someone): with
    # a place word as its surname, the model's majority must say PERSON
    found = [
        mention("a5", 0, "Ann Corbin", "GPE"),
        mention("a6", 0, "Ann Corbin", "GPE"),
        mention("a7", 0, "Ann Corbin", "PERSON"),
        mention("a7", 40, "Corbin", "GPE"),
    ]
    people, links, _ = resolve(TOWN + found)
    assert "ann corbin" not in people
    assert not links


def test_a_name_opening_with_an_initial_or_no_given_name_takes_no_place_word() -> None:
    # "N. Corbin" (an abbreviated "North") and "Miss Harbor Corbin" trimmed to "Harbor Corbin",
    # both labelled PERSON, then "Corbin" alone: still the town
    found = [
        mention("a8", 0, "N. Corbin", "PERSON"),
        mention("a8", 40, "Corbin", "GPE"),
        mention("a9", 0, "Harbor Corbin", "PERSON"),
        mention("a9", 40, "Corbin", "GPE"),
    ]
    people, links, _ = resolve(TOWN + found)
    assert not {"n corbin", "harbor corbin"} & set(people)
    assert not links


def test_a_namesake_of_a_university_stays_a_person_and_speaks() -> None:
    # u1: "a study by Jo Roe of Ann Corbin University finds ..." (the model: ORG);
    # a10: "... was a main topic of Ann Corbin's farewell address. "Permanent alliances should be
    # avoided," said Corbin, because ..." — she is a person in her own article: "Corbin" there
    # is hers (the speech verb's subject), and the university keeps its own name
    university = mention("u1", 40, "Ann Corbin University", "ORG")
    found = [mention("a10", 70, "Ann Corbin", "PERSON"), mention("a10", 150, "Corbin", "GPE")]
    found[1].speaks = True
    found[1].cues = Counter({"PERSON": 1})
    mentions = TOWN + [university, *found]
    people, links, clusters = resolve(mentions)
    assert "ann corbin" in people
    assert clusters.find(links[len(TOWN) + 2]) == clusters.find("ann corbin")
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    _link_org_short_forms(
        mentions, groups, clusters, find_place_words(groups), links, {"ann", "corbin"}, people
    )
    assert clusters.find("ann corbin") != clusters.find("ann corbin university")


def link_orgs(mentions: list[Mention]) -> _Clusters:
    """Runs the people, linking and organisation short-form stages as `resolve_entities`
    does; returns the clusters."""
    people, links, clusters = resolve(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    words = {w for k in people for w in (k.split()[0], k.split()[-1])}
    _link_org_short_forms(
        mentions, groups, clusters, find_place_words(groups), links, words, people
    )
    return clusters


def test_a_given_name_and_surname_labelled_a_person_is_not_another_articles_university() -> None:
    # u1: "a study by Jo Roe of Ann Corbin University"; a11: "the example of Ann Corbin, and
    # ..." (the model: PERSON), an article that never names the university
    found = [
        mention("u1", 40, "Ann Corbin University", "ORG"),
        mention("a11", 20, "Ann Corbin", "PERSON"),
    ]
    clusters = link_orgs(TOWN + found)
    assert clusters.find("ann corbin") != clusters.find("ann corbin university")


def test_a_schools_short_form_the_model_calls_a_person_still_joins_it() -> None:
    # u2: "she studied at Harbor Law School"; a12: "a graduate of Harbor Law" (the model:
    # PERSON, but "Harbor" is no given name): the school's short form
    found = [
        mention("u2", 40, "Harbor Law School", "ORG"),
        mention("a12", 20, "Harbor Law", "PERSON"),
    ]
    clusters = link_orgs(found)
    assert clusters.find("harbor law") == clusters.find("harbor law school")


def test_a_surname_in_capitals_after_the_full_name_is_that_persons() -> None:
    # a transcript: "STEVE: ... I'm Ivo Brandt ... BRANDT: Welcome to the programme." and a
    # headline in capitals later: "BRANDT SIGNS OFF"
    found = [
        mention("b1", 0, "Ivo Brandt", "PERSON"),
        mention("b1", 40, "BRANDT", "ORG"),
        mention("b1", 90, "BRANDT", "ORG"),
    ]
    _, links, clusters = resolve(found)
    assert {i: clusters.find(r) for i, r in links.items()} == {1: "ivo brandt", 2: "ivo brandt"}


def test_an_acronym_after_a_name_ending_with_it_stays_an_acronym() -> None:
    # "Kim Jong Un" then "UN resolutions"; page furniture "Ann Holt EPA" then "EPA rule":
    # short words in capitals, or a name that only ever writes the word in capitals
    found = [
        mention("b2", 0, "Kim Jong Un", "PERSON"),
        mention("b2", 40, "UN", "ORG"),
        mention("b3", 0, "Ann Holt EPA", "PERSON"),
        mention("b3", 30, "EPA", "ORG"),
        mention("b4", 0, "Ann HOLTZER", "PERSON"),
        mention("b4", 30, "HOLTZER", "ORG"),
    ]
    _, links, _ = resolve(found)
    assert not links


def titled(article: str, start: int, text: str, title: str) -> Mention:
    m = mention(article, start, text, "PERSON")
    m.title = title
    return m


def test_articles_a_title_resolves_count_in_the_corpus_reading() -> None:
    # "Governor Walter Quist" once (g0); "Governor Quist" alone in nine more articles (g1-g9);
    # his wife "Anna Quist … Quist said" in one (w); "Quist met the board" in one more with no
    # title and no full name (x). The ten governor's articles against her one are the corpus's
    # reading: x's "Quist" is his (before, only the one article naming him in full counted: one
    # against one, no reading)
    found = [titled("g0", 0, "Walter Quist", "governor"), mention("g0", 40, "Quist", "PERSON")]
    found += [titled(f"g{k}", 0, "Quist", "governor") for k in range(1, 10)]
    found += [mention("w", 0, "Anna Quist", "PERSON"), mention("w", 40, "Quist", "PERSON")]
    found += [mention("x", 0, "Quist", "PERSON")]
    _, links, clusters = resolve(found)
    assert clusters.find(links[len(found) - 1]) == clusters.find("walter quist")
    assert clusters.find(links[len(found) - 2]) == clusters.find("anna quist")
