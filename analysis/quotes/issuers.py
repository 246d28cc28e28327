"""Owners and issuers: who a quotation belongs to when no speech verb's own subject says so.

- a passive speech verb with an agent, governing the quotation, speaks for the agent, not for
  its passive subject (`the volunteers, described by X as “…”` are X's words; not `Asked by X
  how it felt, Y said: “…”`, Y's answer);
- a paragraph that opens with a transcript line's lead in capitals naming one person
  (`SENATOR JANE ROE, on taxes: “…”`) gives the quotation to that person;
- a verb that speaks only inverted (`inverted_verbs`: `“…,” offered X`) cues a quote only so;
- a possessed noun for someone's own words (`owner_nouns` in `data/cues.yml`) that introduces a
  quotation with a colon (`X's refrain at every stop: “…”`) or that a quotation is said to be
  (`“…” is her favourite expression`) gives the quotation to its possessor.

The possessor is resolved like any speaker (`QuoteFinder.resolve`): a pronoun only when the
article ties it to one person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from .context import Attribution
from .cues import OWNER_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .named import Mention
    from .speakers import QuoteFinder

#: A transcript line's lead: words in capitals (a party or title, then the name), an optional
#: lowercase topic after a comma, a colon, an opening mark: `SENATOR JANE ROE, on taxes: “…”`.
_TRANSCRIPT_LEAD = re.compile(r"([A-Z][A-Z .'’-]+)(?:,[^:“\"«„\n]{0,80})?:\s*[“\"«„]?\s*")


def find_passive_agent(verb: Token, *, keep: Callable[[Token], bool]) -> Token | None:
    """Returns the agent of a passive speech verb (`described by X as “…”`: X), when `keep`
    accepts it (outside the quotation), else None."""
    for by in (c for c in verb.children if c.dep_ == "agent"):
        for named in (c for c in by.children if c.dep_ == "pobj"):
            if keep(named):
                return named
    return None


def is_inverted_cue(verb: Token) -> bool:
    """Returns whether a verb of `inverted_verbs` (`data/cues.yml`) cues a quote here: it has no
    subject and a proper noun right after it (`“…,” offered X`), not `the plan Y is offering`."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    following = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return following is not None and following.pos_ == "PROPN"


def find_transcript_speaker(finder: QuoteFinder, start: int) -> Mention | None:
    """Returns the one person named in the lead of a transcript line in capitals that opens the
    quotation's paragraph (`SENATOR JANE ROE: “…”`, `JANE ROE, on taxes: “…”`): a person
    mention inside the lead, or one of the article's person mentions that the lead writes in
    capitals (the model seldom finds a name in capitals); else None."""
    paragraph = finder.paragraph_span(start)[0]
    lead = _TRANSCRIPT_LEAD.fullmatch(finder.text, paragraph, start)
    if lead is None:
        return None
    capitals = f" {' '.join(lead[1].split())} "
    people = [
        m
        for m in finder.mentions.within(0, len(finder.text))
        if m.label == "PERSON"
        and (m.start >= paragraph and m.end <= lead.end(1) or f" {m.text.upper()} " in capitals)
    ]
    return people[0] if len({m.entity_id for m in people}) == 1 else None


def find_owner(
    finder: QuoteFinder,
    sentences: list[Span],
    start: int,
) -> Token | None:
    """Returns the possessor of a noun for someone's own words that introduces the quotation
    starting at `start` with a colon, or that the quotation is said to be; else None.

    Args:
        finder: The article's speaker rules.
        sentences: The sentences holding the quotation, and the one before when it ends with a
            colon, in body order.
        start: Where the quotation's words start (a body offset).
    """
    first = bisect_left(finder.offsets, start)
    if first >= len(finder.doc):
        return None
    # “…” is his favourite expression: the quotation is the subject of "be".
    for head in finder.doc[first].ancestors:
        if not finder.outside_quotes(head.idx):
            continue
        if head.lemma_.lower() == "be":
            for noun in (c for c in head.children if c.dep_ == "attr"):
                owner = _owner_of(finder, noun)
                if owner is not None:
                    return owner
        break
    # X's refrain at every stop: “…”
    lead = finder.text[sentences[0].start_char if sentences else start : start]
    if not lead.rstrip(' “"«„\n').endswith(":"):
        return None
    before = [
        t
        for sent in sentences
        for t in sent
        if t.idx < start and finder.outside_quotes(t.idx) and t.dep_ in ("nsubj", "ROOT")
    ]
    for noun in reversed(before):
        owner = _owner_of(finder, noun)
        if owner is not None:
            return owner
    return None


def _owner_of(finder: QuoteFinder, noun: Token) -> Token | None:
    """The possessor of a noun for someone's words (`X's refrain`), outside any quotation."""
    if noun.lemma_.lower() not in OWNER_NOUNS and noun.lower_ not in OWNER_NOUNS:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and finder.outside_quotes(c.idx)]
    return owners[0] if owners else None


def attribute_to_owner(
    finder: QuoteFinder,
    sentences: list[Span],
    start: int,
    history: list[Attribution],
) -> Attribution | None:
    """Returns the attribution of a quotation to the person a transcript line opens with
    (`find_transcript_speaker`), else to the owner of the words it is said to be (`find_owner`),
    resolved like a speaker; None when the text names neither."""
    named = find_transcript_speaker(finder, start)
    if named is not None:
        lead = _TRANSCRIPT_LEAD.fullmatch(finder.text, finder.paragraph_span(start)[0], start)
        words = lead[1].strip() if lead is not None else named.text  # as written
        return Attribution(named.entity_id, words, how="colon")
    owner = find_owner(finder, sentences, start)
    if owner is None:
        return None
    who = finder.resolve(owner, history)
    who.how = "governing_verb"  # like `X's “…” remark`: the words are named by a noun
    return who
