"""Owners and issuers: who a quotation belongs to when no speech verb's own subject says so.

- a passive speech verb with an agent, governing the quotation, speaks for the agent, not for
  its passive subject (`the volunteers, described by X as “…”` are X's words; not `Asked by X
  how it felt, Y said: “…”`, Y's answer);
- a transcript line, a paragraph that is a lead in capitals and a quotation (`SENATOR JANE
  ROE, on taxes: “…”`, then at most a dash line's source), gives the quotation to the one
  person the lead ends with, or to no one (`REPORTER: “…”`: no follow-on either);
- a verb that speaks only inverted (`inverted_verbs`: `“…,” offered X`) cues a quote only so;
- a verb that speaks only through a document (`document_verbs`: `the statement reads: “…”`)
  cues a quote only with a document noun as subject, whose issuer is the speaker;
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

from .clauses import is_subordinate
from .context import Attribution
from .cues import DOCUMENT_NOUNS, OWNER_NOUNS
from .marks import CLOSE_MARKS, OPEN_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .named import Mention
    from .speakers import QuoteFinder

#: A transcript line's lead: words in capitals (a party or title, then the name), an optional
#: lowercase topic after a comma, a colon, an opening mark: `SENATOR JANE ROE, on taxes: “…”`.
_TRANSCRIPT_LEAD = re.compile(
    rf"([A-Z][A-Z .'’-]+)(?:,[^:{OPEN_MARKS}\n]{{0,80}})?:\s*[{OPEN_MARKS}]?\s*"
)


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


def speaks_after_quotation(verb: Token, text: str) -> bool:
    """Returns whether a verb of `after_quote_verbs` (`data/cues.yml`) cues a quote here: its
    clause starts right after a closing mark (a comma or spaces between), with its subject
    right before it — a name (capitalised: the tagger takes some for nouns) or a he/she —
    (`“…?” X pressed`) or, with no subject, a name right after it (`“…!” beamed X`); not `X
    pressed the button` nor `“…” started trending`."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if subjects:
        subject = subjects[0]
        if subject.right_edge.i + 1 != verb.i or not (
            subject.pos_ == "PROPN" or subject.is_title or subject.lower_ in ("he", "she")
        ):
            return False
        first = subject.left_edge
    else:
        following = verb.nbor() if verb.i + 1 < len(verb.doc) else None
        if following is None or following.pos_ != "PROPN":
            return False
        first = verb
    return _AFTER_CLOSING.search(text, max(0, first.idx - 4), first.idx) is not None


#: A closing mark, then a comma or spaces only (no line break: the same paragraph), up to the
#: point searched to.
_AFTER_CLOSING = re.compile(rf"[{CLOSE_MARKS}][ ,]*$")


def reads_document(verb: Token) -> bool:
    """Returns whether a verb of `document_verbs` (`data/cues.yml`) cues a quote here: its
    subject is a document noun (`the statement reads: “…”`, `X's letter read`), not a person
    or a pronoun (`It read “<a name>”`)."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)


def governs_directly(
    finder: QuoteFinder, first: Token, verb: Token, *, through_preposition: bool = False
) -> bool:
    """Returns whether `verb` is the first verb above the quotation whose first word is `first`,
    outside it (`X dismissed it as “…”`), in the active voice and outside a subordinate clause;
    not a verb above another verb that governs it (the parser sometimes hangs a whole reported
    clause on a later verb), nor a clause it governs (`X blasted the claim that “…”`, which the
    parser may hang on the verb: the words are the claimant's), nor `it could be termed “…”`
    (its subject did not say it) or `After he blasted “…”, X …` (the pronoun may stand for the
    X that follows), nor a reduced passive (`the post referred to as “…”`). With
    `through_preposition`, only through a preposition of the verb (`X referred to Y as “…”`)."""
    if is_subordinate(verb) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return False  # a reduced passive: "the post referred to as “…”" is no one's word
    below = first
    for head in first.ancestors:
        if finder.outside_quotes(head.idx) and head.pos_ in ("VERB", "AUX"):
            # not a clause with "that": "X blasted the claim that “…”" is the claimant's
            reported = below.dep_ == "ccomp" and any(c.dep_ == "mark" for c in below.children)
            if through_preposition and below.dep_ != "prep":
                return False  # "X referred to Y as “…”", not a title hung on "listed"
            return head == verb and not reported
        below = head
    return False


def find_transcript_lead(finder: QuoteFinder, start: int) -> str | None:
    """Returns the words in capitals of a transcript line's lead that opens the paragraph of the
    quotation starting at `start` (`SENATOR JANE ROE, on taxes: “…”` → `SENATOR JANE ROE`),
    when the quotation is all the line says: nothing follows its closing mark in the paragraph
    but a dash line's source (`— tweet Monday`); else None (`HOST: “<a song>” by <a band>`)."""
    paragraph_start, paragraph_end = finder.paragraph_span(start)
    lead = _TRANSCRIPT_LEAD.fullmatch(finder.text, paragraph_start, start)
    if lead is None:
        return None
    closing = next((e for s, e in finder.quoted.overlapping(start, start + 1)), None)
    after = (
        finder.text[closing:paragraph_end].lstrip(" ’" + CLOSE_MARKS)
        if closing is not None
        else "?"
    )
    if after.strip() and after.lstrip()[:1] not in "—–-":
        return None
    return " ".join(lead[1].split())


def find_transcript_speaker(finder: QuoteFinder, lead: str) -> Mention | None:
    """Returns the one person a transcript lead in capitals ends with (`SENATOR JANE ROE`, `ROE`
    → Jane Roe): the article's person mentions whose last word, in capitals, is the lead's last
    word (the model seldom finds a name in capitals itself), when they are one entity; else
    None."""
    surname = lead.split()[-1]
    people = [
        m
        for m in finder.mentions.within(0, len(finder.text))
        if m.label == "PERSON" and m.text.split()[-1].upper() == surname
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
                owner = find_owner_of_words(finder, noun)
                if owner is not None:
                    return owner
        break
    # X's refrain at every stop: “…”
    lead = finder.text[sentences[0].start_char if sentences else start : start]
    if not lead.rstrip(" \n" + OPEN_MARKS).endswith(":"):
        return None
    before = [
        t
        for sent in sentences
        for t in sent
        if t.idx < start and finder.outside_quotes(t.idx) and t.dep_ in ("nsubj", "ROOT")
    ]
    for noun in reversed(before):
        owner = find_owner_of_words(finder, noun)
        if owner is not None:
            return owner
    return None


def find_owner_of_words(finder: QuoteFinder, noun: Token) -> Token | None:
    """Returns the possessor of a noun for someone's own words (`owner_nouns` in
    `data/cues.yml`: `X's refrain`, `his assessment`), outside any quotation; else None."""
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
    """Returns the attribution of a quotation that is a transcript line (`find_transcript_lead`:
    to the person its lead ends with, else to no one), else to the owner of the words it is
    said to be (`find_owner`), resolved like a speaker; None when the text names neither."""
    lead = find_transcript_lead(finder, start)
    if lead is not None:
        # "REPORTER: “…”" names no one: no speaker, and no follow-on from the line before.
        named = find_transcript_speaker(finder, lead)
        return Attribution(named.entity_id if named else None, lead, how="colon")
    owner = find_owner(finder, sentences, start)
    if owner is None:
        return None
    who = finder.resolve(owner, history)
    who.how = "governing_verb"  # like `X's “…” remark`: the words are named by a noun
    return who
