"""Acts that happen once to a thing: a downed aircraft, an attacked base, a sunk ship.

The words are in `data/once_acts.yml` (`things`, `thing_acts`): general vocabulary only. An
event whose verb is such an act and whose thing is one of the listed nouns gets the kind of
thing in `events.patient_thing`; so does a date that modifies the noun of such an act
("Friday's strike on the air base", `noun_acts`). `happenings.py` makes every dated telling of
one kind of act to one kind of thing in a story one happening, whoever acts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

_DATA = yaml.safe_load((Path(__file__).parent / "data" / "once_acts.yml").read_text())
#: Noun lemma → the kind of thing it names (`aircraft`, `base`, …).
THING_NOUNS: dict[str, str] = {
    noun: kind for kind, nouns in _DATA["things"].items() for noun in nouns
}
#: Nouns that name a thing only beside a place or one of these words (`needs_place`).
NEEDS_PLACE: dict[str, frozenset[str]] = {
    kind: frozenset(words) for kind, words in _DATA["needs_place"].items()
}
#: spaCy entity types of a place that makes a noun of `NEEDS_PLACE` a thing ("bases in Syria").
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: How a verb reaches its thing → the dependencies that hold it.
_ROLES = {"subject": ("nsubj",), "object": ("dobj", "nsubjpass")}
#: Prepositions that aim an act at a thing ("fired rockets at the air base").
AT_PREPOSITIONS = frozenset({"at", "on", "against", "toward", "towards"})
#: Relative words standing for the noun a relative clause describes ("the jet that crashed").
_RELATIVES = frozenset({"that", "which"})


def _read_acts() -> dict[tuple[str, str | None], tuple[str, tuple[str, ...]]]:
    """Returns (lemma, particle) → (kind of act, how it reaches its thing), from the data file;
    raises ValueError when a lemma is listed under two kinds of act."""
    acts: dict[tuple[str, str | None], tuple[str, tuple[str, ...]]] = {}
    for kind, ways in _DATA["thing_acts"].items():
        for way, verbs in ways.items():
            for words in verbs:
                lemma, _, particle = str(words).partition(" ")
                key = (lemma, particle or None)
                earlier = acts.get(key, (kind, ()))
                if earlier[0] != kind:
                    raise ValueError(f"once_acts.yml: {words!r} is listed under two kinds of act")
                acts[key] = (kind, (*earlier[1], way))
    return acts


#: (verb lemma, particle or None) → (kind of act, ways it reaches its thing).
THING_ACTS = _read_acts()
#: Noun lemma of such an act → kind of act ("strike" → `attack`).
NOUN_ACTS: dict[str, str] = {
    noun: kind for kind, nouns in _DATA["noun_acts"].items() for noun in nouns
}
#: Verb or noun lemma → kind of act (`down`, `attack`): what `happenings.py` groups by.
ACT_KINDS: dict[str, str] = {
    **NOUN_ACTS,
    **{lemma: kind for (lemma, _), (kind, _) in THING_ACTS.items()},
}
#: Prepositions whose object is what a noun of `NOUN_ACTS` is done to ("the strike on the base").
NOUN_PREPOSITIONS = frozenset({"on", "against", "at", "of"})


def find_thing(verb: Token) -> str | None:
    """Returns the kind of thing (`aircraft`, `base`, …) an act that happens once is done to,
    from the verb's dependents: None when the verb is no such act (`THING_ACTS`, with its
    particle: "shot down", not "shot") or its thing is none of the listed nouns."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    found = THING_ACTS.get((lemma, particle)) or (
        THING_ACTS.get((lemma, None)) if particle is None else None
    )
    if found is None:
        return None
    _, ways = found
    deps = {dep for way in ways for dep in _ROLES.get(way, ())}
    nouns = [c for c in verb.children if c.dep_ in deps]
    if "at" in ways:
        nouns += [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in AT_PREPOSITIONS
            for p in c.children
            if p.dep_ == "pobj"
        ]
    for noun in nouns:
        if noun.lower_ in _RELATIVES and verb.dep_ == "relcl":
            noun = verb.head  # "the jet that crashed": the jet
        if kind := kind_of(noun):
            return kind
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and "object" in ways:
        return kind_of(verb.head)  # "the ship sunk on Monday"
    return None


def find_noun_objects(noun: Token) -> list[Token]:
    """Returns the objects of "on", "against", "at", "of" after a noun of an act that happens
    once (`NOUN_ACTS`: "Friday's strike on the air base" → base), else []."""
    if noun.lemma_.lower() not in NOUN_ACTS:
        return []
    return [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in NOUN_PREPOSITIONS
        for p in c.children
        if p.dep_ == "pobj"
    ]


def kind_of(noun: Token) -> str | None:
    """Returns the kind of thing a noun names (`THING_NOUNS`), also in the plural the
    lemmatiser misreads ("bases" as "basis"), else None."""
    word = noun.lower_
    for form in (noun.lemma_.lower(), word, word[:-1] if word.endswith("s") else word):
        if kind := THING_NOUNS.get(form):
            return kind if form not in NEEDS_PLACE or _is_placed(noun, form) else None
    return None


def _is_placed(noun: Token, form: str) -> bool:
    """Says whether a noun that is also a figure of speech ("base", read as `form`) names a
    thing: a word of `NEEDS_PLACE` or a place before it ("air base", "U.S. bases"), a place
    after "in", "near", "outside" ("bases in Syria"), or the noun inside a place's name."""
    if noun.ent_type_ in PLACE_TYPES:
        return True
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and (
            child.lower_ in NEEDS_PLACE[form] or child.ent_type_ in PLACE_TYPES
        ):
            return True
        placed = child.dep_ == "prep" and child.lower_ in ("in", "near", "outside", "inside")
        if placed and any(g.ent_type_ in PLACE_TYPES for g in child.children if g.dep_ == "pobj"):
            return True
    return False
