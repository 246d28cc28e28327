"""What a date phrase attaches to in the parse: the verb it dates (or the noun it modifies) and
that verb's tense, which sets the direction a date without its year is read in (directions.py). The
rules, with examples, are in docs/timeline.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .dates import DatePhrase
from .directions import (
    BACKWARD_WORDS,
    COMPARISON_PREPOSITIONS,
    FUTURE_AUXILIARIES,
    FUTURE_GOVERNORS,
    TIME_CONJUNCTIONS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Dependencies of a gerund used as a noun, the subject or object of its verb ("whose drowning on
#: Monday has led to new rules"): it takes that verb's tense. Not a clausal subject (`csubj`):
#: on ABP text those were a gerund clause the parser misplaced and a coming deadline told with
#: a past verb (invented: "meeting Friday's target was never likely").
_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: Prepositions whose gerund ("after meeting them on Friday") lies just before or after the act
#: of the verb the preposition hangs from: it takes that verb's tense.
SEQUENCE_PREPOSITIONS = frozenset({"after", "before"})
#: How far (in verbs) the search for a subject or a tense climbs the parse.
MAX_CLIMB = 4
#: Prepositions before a dated noun that make it the occasion of the verb (data/noun_dates.yml).
OCCASION_PREPOSITIONS = frozenset(
    yaml.safe_load((Path(__file__).parent / "data" / "noun_dates.yml").read_text())[
        "occasion_prepositions"
    ]
)


def find_dated_noun(doc: Doc, phrase: DatePhrase) -> Token | None:
    """Returns the noun a date phrase modifies ("next Monday's primary", "the 1998 treaty", "the
    March 3 verdict"), unless the noun is the occasion of the verb ("spoke at Thursday's
    hearing", "wrote in a Monday memo": after an `OCCASION_PREPOSITIONS` word); else None."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return None
    root, noun = span.root, span.root.head
    if (
        root.dep_ not in ("poss", "compound", "nmod", "amod", "nummod")
        or noun.pos_ not in ("NOUN", "PROPN")
        or span.start <= noun.i < span.end
    ):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in OCCASION_PREPOSITIONS:
        return None
    return noun


def find_verb(doc: Doc, phrase: DatePhrase, sentence: Any) -> Token:
    """Returns the verb a date phrase attaches to (the sentence's root when there is none)."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    return doc[0] if span is None else find_verb_of_span(doc, span, sentence)


def find_verb_of_span(doc: Doc, span: Span, sentence: Any) -> Token:
    """Returns the verb the words of a span attach to (the sentence's root when there is none)."""
    token = span.root
    while not _is_verb(token) and token.head.i != token.i:
        token = token.head
    if not _is_verb(token):
        whole = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        token = whole.root if whole is not None else token
    if _before_its_clause(span, token):
        token = token.head  # "said on Tuesday it would not …": the date of "said"
    return token


def _before_its_clause(span: Span, verb: Token) -> bool:
    """Says whether the words of a span, put in a reported clause by the parser, stand between
    the verb that reports it and the clause's subject ("said on Tuesday it would release …"):
    they date the reporting verb."""
    head = verb.head
    opening = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "mark")]
    return (
        verb.dep_ == "ccomp"
        and _is_verb(head)
        and head.i < span.start
        and bool(opening)
        and all(c.i >= span.end for c in opening)
    )


def _is_verb(token: Token) -> bool:
    """Says whether a token is a verb, also a past form the tagger took for an adjective that
    heads a clause (an "-ed" verb the tagger missed, with its own preposition: "… on Thursday";
    not "a scheduled vote",
    "was pleased")."""
    return token.pos_ in ("VERB", "AUX") or _is_past_adjective(token)


def _is_past_adjective(token: Token) -> bool:
    """Says whether an adjective ending in -ed stands where a verb would, with a subject or a
    prepositional phrase of its own and no noun or copula it describes."""
    return (
        token.pos_ == "ADJ"
        and token.lower_.endswith("ed")
        and token.dep_ in ("ROOT", "advmod", "conj", "ccomp", "advcl")
        and any(c.dep_ in ("prep", "nsubj") for c in token.children)
    )


def _time_clause_cue(verb: Token) -> str | None:
    """Returns the tense of the future or planned verb whose time clause ("when", "once", "as
    soon as", "until", "after", "before") a past verb heads — the backshifted tense of a
    reported future ("were likely to add to their holdings as soon as the market reopened
    Monday": the coming Monday) — else None."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if verb.head.lower_ == "soon":
        marks.discard("as")
        marks.add("as soon as")
    if verb.dep_ != "advcl" or not marks & TIME_CONJUNCTIONS:
        return None
    head = verb.head
    for _ in range(MAX_CLIMB):
        if _is_verb(head) or head.head.i == head.i:
            break
        head = head.head
    tense = find_tense(head) if head.i != verb.i else None
    return tense if tense in ("future", "future_in_past") else None


def _reported_by_past(verb: Token) -> bool:
    """Says whether a verb is the clause of a past verb that reports it ("aides said the mayor
    would …"): its "would" is a future seen from that past day, which may lie either side of
    publication."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i != verb.i
        and (head.tag_ == "VBD" or any(c.tag_ == "VBD" for c in head.children if c.dep_ == "aux"))
    )


def _is_past_governor(head: Token) -> bool:
    """Says whether the verb that plans another is in the simple past: "was" of "was to
    resume", "was expected" of "was expected to vote", "planned" of "planned to reopen". An
    adjective is not read so ("were likely to add … as soon as the market reopened Monday"
    stays the coming Monday, as TimeBank annotates it)."""
    if head.pos_ not in ("VERB", "AUX"):
        return False
    return head.tag_ == "VBD" or any(
        c.tag_ == "VBD" for c in head.children if c.dep_ in ("aux", "auxpass")
    )


def find_tense(verb: Token) -> str | None:
    """Returns `future` for a verb in the future or planned (will, a modal, "is to", "plans to",
    "is expected to"), `future_in_past` for "would" in a clause a past verb reports ("said
    the mayor would speak on Tuesday"), `pluperfect` for "had …", `perfect` for "has …", `past`
    for another past form (a past tense, a modal with "have", a participle "the plan unveiled
    Friday"), None for the present or no verb.

    Verbs of a clause without their own tense (an infinitive, a participle) take the tense of the
    verb that governs them.
    """
    for _ in range(MAX_CLIMB):
        # "should’ve": the tagger may take a curly "’ve" for a noun
        aux = [
            c for c in verb.children if c.dep_ in ("aux", "auxpass") or c.lower_ in ("’ve", "'ve")
        ]
        words = {c.lower_.replace("’", "'") for c in aux}
        if words & {"have", "has", "'ve", "had", "'d"} and words & FUTURE_AUXILIARIES:
            return "past"  # "would have voted"
        if "had" in words:
            return "pluperfect"  # "the permit had been due to lapse Friday"
        if words & FUTURE_AUXILIARIES:
            if words & FUTURE_AUXILIARIES == {"could"} and any(
                c.dep_ == "neg" for c in verb.children
            ):
                return "past"  # "could not be reached for comment Thursday": what was not possible
            if words & {"would", "'d"} and _reported_by_past(verb):
                return "future_in_past"  # "said the mayor would not appear on Tuesday night"
            return "future"
        if verb.tag_ in ("VBD", "VBN") and not aux and (cue := _time_clause_cue(verb)):
            return cue
        if any(c.tag_ == "VBD" for c in aux) or verb.tag_ == "VBD" or _is_past_adjective(verb):
            return "past"
        if words & {"have", "has", "'ve"} and verb.tag_ == "VBN":
            return "perfect"  # "has extended": past, but what it set may lie ahead
        if verb.tag_ == "VBN" and not aux and verb.dep_ in ("acl", "relcl", "amod"):
            return "past"  # "the plan unveiled Friday", "a peak reached on May 2"
        introduced = any(
            c.dep_ == "mark" or c.dep_ == "advmod" and c.i < verb.i for c in verb.children
        )
        if verb.tag_ == "VBN" and not aux and verb.dep_ == "advcl" and not introduced:
            return "past"  # "the new terms, disclosed Friday, would …"; not "once approved …"
        head = verb.head
        if head.i == verb.i:
            return None
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.lower_ in BACKWARD_WORDS:
            return "past"  # "has travelled widely since joining the board in March"
        if (
            verb.tag_ == "VBG"
            and not aux
            and verb.dep_ == "pcomp"
            and head.lower_ in SEQUENCE_PREPOSITIONS
            and head.head.i != head.i
        ):
            # "left early after hearing the verdict on Wednesday": the verb "after" hangs from
            # dates the gerund's time too (the Wednesday before; "will decide after meeting
            # them on Friday" is the coming one)
            verb = head.head
            continue
        if "to" in words and (verb.tag_ == "VB" or verb.tag_ == "VBN" and "be" in words):
            # "plans to reopen", "is expected to be held Aug. 30"
            if head.lemma_.lower() in FUTURE_GOVERNORS:
                # an adjective's "had" hangs from its copula ("had been due to lapse Friday")
                held = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
                if any(c.lower_ == "had" for c in (*head.children, *held.children)):
                    return "pluperfect"  # "had been scheduled to reopen Friday"
                if _is_past_governor(head):
                    # "it was to resume on Thursday night", "was expected to vote Tuesday": a
                    # future seen from a day gone by, which may lie before publication
                    return "future_in_past"
                return "future"  # "plans to reopen", "is to meet", "agreed to sell"
            verb = head
            continue
        if verb.tag_ in ("VBN", "VBG") and verb.dep_ in ("acl", "advcl", "xcomp", "relcl"):
            verb = head
            continue
        if verb.tag_ == "VBG" and not aux and verb.dep_ in _NOUN_SLOTS:
            # a gerund as a noun takes its verb's tense: "whose drowning on Monday has led to
            # new rules" (the Monday before), "will discuss the closing on Friday" (the coming)
            verb = head
            continue
        if verb.dep_ == "prep" and verb.lower_ in COMPARISON_PREPOSITIONS:
            # "rose to $9 million, compared with $7 million a year ago": a past verb carries
            # over (not "following Friday's vote, he will …", "… including one on Friday")
            tense = find_tense(head)
            return tense if tense in ("past", "perfect", "pluperfect") else None
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp":  # "had been due to lapse": the copula
            verb = head
            continue
        return None
    return None
