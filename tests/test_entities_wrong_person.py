"""People named by the wrong entity (issue 21, `i21e`): a surname followed by "of <place>" in
one PERSON span, a business named after its owner, and a surname shared by two people an
article names in full. Hand-made spaCy docs and mentions of invented sentences, so the tests do
not depend on the model's guesses."""

from __future__ import annotations

from collections import Counter, defaultdict

import spacy
from spacy.tokens import Doc, Span

from analysis.entities.cues import _has_org_word
from analysis.entities.linking import _link_single_names
from analysis.entities.mentions import Mention, _trim
from analysis.entities.merging import _Clusters, _merge_people, find_place_words


def person_span(words: list[str]) -> Span:
    spaces = [nxt not in (".", ",") for nxt in words[1:]] + [False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=["PROPN"] * len(words))
    return Span(doc, 0, len(words), label="PERSON")


def mention(
    article: str,
    start: int,
    text: str,
    label: str | None = "PERSON",
    *,
    cue: int = 0,
    title: str | None = None,
) -> Mention:
    m = Mention(article, 0, start, start + len(text), text, tuple(text.split()), label)
    m.cues = Counter({"PERSON": cue}) if cue else Counter()
    m.title = title
    return m


def resolve(
    mentions: list[Mention], common: frozenset[str] = frozenset()
) -> tuple[list[str], dict[int, str], _Clusters]:
    """Runs the people and linking stages as `resolve_entities` does."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    clusters = _Clusters(groups, [])
    places = find_place_words(groups)
    org_heads = {k.split()[0] for k in groups if len(k.split()) >= 2 and _has_org_word(k)}
    people = _merge_people(groups, clusters, places, org_heads, common=common)
    links = _link_single_names(mentions, groups, people, clusters, org_heads)
    return people, links, clusters


def test_a_surname_of_a_place_is_the_person_from_there() -> None:
    # '"...," says Jones of Dayton, Ohio.': the model made "Jones of Dayton" one PERSON span
    span = _trim(person_span(["Jones", "of", "Dayton"]))
    assert span is not None and span.text == "Jones"
    # a title before "of" keeps the span whole: "Duke of Harborshire", "Secretary of State"
    span = _trim(person_span(["Duke", "of", "Harborshire"]))
    assert span is not None and span.text == "Duke of Harborshire"
