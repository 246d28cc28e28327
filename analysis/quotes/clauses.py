"""Clause tests of the speaker rules: which speech verb is the cue, which subject spoke.

Each function reads one parsed word and its neighbours in the dependency tree; the word lists
come from `data/cues.yml` and `analysis/text/data/`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS
from .cues import (
    BARE_SPEECH_VERBS,
    CONTRAST_SUBORDINATORS,
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    QUESTION_VERBS,
    SUBORDINATORS,
    UNSAID_HEADS,
)
from .marks import CLOSE_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Token


def follows_without(verb: Token) -> bool:
    """Returns whether a verb hangs on "without": nothing was said ("it goes without saying
    that …", "left without commenting")."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


def reporting_verb_above(verb: Token) -> Token | None:
    """Returns the speech verb of the reporter's sentence when a subjectless "…, saying" or
    "and arguing" participle hangs on a verb of the clause that speech verb reports ("X said Y
    must pick a date, saying …": the parser ties "saying" to "pick"; X says it; a closing
    quotation mark may stand between the comma and the participle), or a finite "and called"
    or "but insisted" does on a clause whose subject is a thing or a place that does not speak
    ("X said the plan would fail, and called it …", "X noted that the park marks Y and called
    on …", "X said his attacks have given him momentum and said …"); else None."""
    if verb.tag_ not in ("VBG", "VBD", "VBZ") or verb.dep_ not in ("advcl", "conj") or verb.i == 0:
        return None
    before = _word_before(verb)
    while before is not None and before.dep_ == "advmod" and before.head == verb:
        before = _word_before(before)  # "and also insisted"
    if before is None or before.lower_ not in (",", "and", "but"):
        return None
    if verb.head.lemma_.lower() in SPEECH_VERBS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head = verb.head
    if verb.tag_ != "VBG" and not any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (is_thing(c) or _is_plural_thing(c) or c.ent_type_ in ("LOC", "FAC"))
        for c in head.children
    ):
        return None  # "X said Y would resign and warned …" may be Y's; "the plan … and called"
    while head.dep_ in ("xcomp", "conj") and head.head != head:
        head = head.head
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS:
        return head.head
    return None


def verb_above_noun_clause(verb: Token) -> Token | None:
    """Returns the verb governing a noun when a subjectless "…, saying" participle hangs on
    the clause that noun reports ("Y rejected X's claim that no one could do better, saying
    …": the parser ties "saying" to "do"; Y says it, not the claim's subject); else None."""
    if not _is_trailing_participle(verb):
        return None
    clause = verb.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    noun = clause.head
    if clause.dep_ != "acl" or noun.pos_ != "NOUN" or noun.head == noun:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    return noun.head if noun.head.pos_ in ("VERB", "AUX") else None


def verb_above_subordinate(verb: Token) -> Token | None:
    """Returns the verb of the clause a subordinate clause depends on when a subjectless "…,
    saying" participle hangs on that subordinate clause's verb ("X weighed in hours before the
    vote began, saying …", "X seemed miffed that the agency had not acted, saying …", "X
    cited the report that led to the war, saying …": the parser ties "saying" to "began",
    "acted", "led"; the sentence's own subject says it): a clause opened by a subordinating
    word other than one of contrast ("while Y suggested …, saying" is Y's), a "that" clause of
    a word other than a speech verb, or a relative clause. None otherwise, and when that
    verb's subject is a lowercase thing ("The apology came after X expressed anger, saying
    …": X says it)."""
    if not _is_trailing_participle(verb):
        return None
    clause, above = verb.head, None
    while True:
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks & CONTRAST_SUBORDINATORS:
            return None  # "while Y suggested …, saying …": Y's participle
        if clause.dep_ == "relcl" or (clause.dep_ == "advcl" and marks & SUBORDINATORS):
            pass
        elif clause.dep_ == "ccomp" and "that" in marks:
            if clause.head.lemma_.lower() in SPEECH_VERBS:
                return None  # "X said that Y …, saying": `reporting_verb_above`
        else:
            break
        head = clause.head
        while head.pos_ not in ("VERB", "AUX") and head.head != head:
            head = head.head  # the noun a relative clause describes, an adjective, a preposition
        if head.pos_ not in ("VERB", "AUX") or head == clause:
            return None
        clause = above = head
    if above is not None and any(
        # a lowercase word: the model tags some surnames as common nouns
        c.dep_ in ("nsubj", "nsubjpass") and is_thing(c) and c.is_lower
        for c in above.children
    ):
        return None  # "The apology came after X expressed anger, saying …": X says it
    return above


def _is_trailing_participle(verb: Token) -> bool:
    """Returns whether a verb is a subjectless participle after a comma ("…, saying")."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0:
        return False
    before = _word_before(verb)
    if before is None or before.lower_ != ",":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _word_before(verb: Token) -> Token | None:
    """Returns the word before a verb, passing over a closing quotation mark ("“reasonable,”
    saying": the comma); None at the start of the text."""
    i = verb.i - 1
    while i >= 0 and all(ch in CLOSE_MARKS + "'" for ch in verb.doc[i].text):
        i -= 1
    return verb.doc[i] if i >= 0 else None


def subject_hung_on_relative(verb: Token) -> Token | None:
    """Returns the subject the parser hung on a relative clause before the verb ("X, who has no
    backing, said …": X made the subject of "has", "said" left without one): the first of two
    subjects of a clause left of the verb, the second being "who" or "which"; else None."""
    for clause in verb.lefts:
        if clause.dep_ not in ("ccomp", "advcl", "relcl", "parataxis"):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) >= 2 and subjects[1].lower_ in ("who", "which"):
            return subjects[0]
    return None


def is_subordinate(verb: Token) -> bool:
    """Returns whether a verb heads a clause opened by a subordinating word ("after X
    criticized Y", "when X asked"), i.e. not the sentence's own statement."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children
    )


def is_thing(subject: Token) -> bool:
    """Returns whether a subject is a singular common noun that is neither a role, an
    organisation nor a document noun ("the plan", not "the mayor", "the firm" or "the report");
    it may still be a person ("a cousin"): only used where a person would not change the
    answer."""
    return (
        subject.tag_ == "NN"
        and subject.lemma_.lower() not in ROLE_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS
    )


def _is_plural_thing(subject: Token) -> bool:
    """Returns whether a subject is a plural common noun, no entity's, that is neither a role,
    a person, an organisation nor a document noun ("his recent attacks"; not "the senators",
    "the critics' lawyers"); it may still be people ("voters"): only used where they would
    not change the answer."""
    return (
        subject.tag_ == "NNS"
        and not subject.ent_type_
        and subject.lemma_.lower() not in ROLE_NOUNS | PERSON_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS
    )


def bound_by_pronoun(head: Token, tokens: list[Token], gender: str) -> bool:
    """Returns whether a same-gender pronoun, subject of a clause, comes before a named
    subject that sits inside that clause ("she closed the shop because her mother, X, fell
    ill") or in the words a parenthetical pronoun reports ("…, he noted, so X may win", "X, he
    said, stood for …": `set_off_after`): the name is someone else than that pronoun, so not
    what a later he/she stands for."""
    return any(
        t.i < head.i
        and t.dep_ in ("nsubj", "nsubjpass")
        and PERSON_PRONOUNS.get(t.lower_) == gender
        and (head in t.head.subtree or t.head.dep_ == "parataxis")
        or PERSON_PRONOUNS.get(t.lower_) == gender
        and set_off_after(t, head)
        for t in tokens
    )


def reports_subject(pronoun: Token, subject: Token) -> bool:
    """Returns whether a he/she, subject of a speech verb, reports the clause a name is the
    subject of: the speech verb set off after that clause ("X “will be good for us,” he said")
    or the clause the speech verb's complement ("X “will be good for us,” he said" parsed with
    "said" as the head). Not across a colon or a dash ("X hit back: “…,” he wrote": the
    name is the reporter's clause, not what the pronoun reports)."""
    verb, clause = pronoun.head, subject.head
    if pronoun.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS or clause == verb:
        return False
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.i > pronoun.i:
        return False
    if any(t.text in (":", ";", "—", "–", "--") for t in pronoun.doc[subject.i : pronoun.i]):
        return False
    if verb.head == clause and verb.dep_ in ("parataxis", "ccomp"):
        before = pronoun.doc[pronoun.i - 1] if pronoun.i > 0 else None
        # set off by a comma or a closing mark ("X hopes he said …" is X's own "he")
        return before is not None and before.text in (",", "”", '"', "’", "''")
    step = clause
    while step.head != step:
        if step.head == verb:
            return step.dep_ == "ccomp"
        step = step.head
    return False


def set_off_after(pronoun: Token, subject: Token) -> bool:
    """Returns whether a he/she and its speech verb are set off by commas right after a named
    subject, before that subject's verb ("X, he said, stood for …", "X, she noted, has long
    been …"): the pronoun reports what X did, so is someone else than X (a speaker reporting
    himself would write "he said he …")."""
    doc, verb = pronoun.doc, pronoun.head
    if pronoun.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    if subject.dep_ not in ("nsubj", "nsubjpass") or pronoun.i < 2:
        return False
    if doc[pronoun.i - 1].text != "," or doc[pronoun.i - 2] != subject:
        return False
    after = [t for t in doc[verb.i + 1 : verb.i + 3] if t.text == ","]
    if verb.i != pronoun.i + 1 or not after:
        return False
    return subject.head.i > after[0].i


def goes_on_speaking(verb: Token) -> bool:
    """Returns whether a verb of `going_on_verbs` speaks here: "on" after it and no complement
    or object but what it goes on about ("“…,” she went on", "as X went on about “…”"; not "went
    on to win", "went on a tour")."""
    return any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children) and not any(
        c.dep_ in ("xcomp", "dobj", "prep", "pobj") and c.lower_ != "about" for c in verb.children
    )


def puts_it_as(verb: Token) -> bool:
    """Returns whether a verb of `as_it_verbs` speaks here: "it" as its object and "as" opening
    its clause ("as X puts it, “…”"; not "X put it on the table", "as X put the plan")."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


def is_speech_verb(token: Token) -> bool:
    """Returns whether a speech-verb word speaks here: a verb, or a present-tense one the model
    took for a plural noun ("X notes.") heading its sentence with a subject; not one that speaks
    only without a verb complement when it has one ("X will continue to act as")."""
    if token.lemma_.lower() in BARE_SPEECH_VERBS and any(c.dep_ == "xcomp" for c in token.children):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in UNSAID_HEADS:
        return False  # "X wanted to admit …", "X declined to comment": nothing said
    if token.pos_ == "VERB":
        return True
    return token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)


def puts_a_question(verb: Token) -> bool:
    """Returns whether a verb of `question_verbs` is passive, its subject the one asked: "X was
    asked whether …", a reduced "Asked if …, X said" or "when asked …" (a participle with no
    subject nor auxiliary of its own, or a past tense so heading a clause hung on another
    verb); not "X asked", "X has asked"."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return False
    deps = {c.dep_ for c in verb.children}
    if "auxpass" in deps or "nsubjpass" in deps:
        return True
    if deps & {"nsubj", "aux", "csubj", "expl", "dobj"}:
        return False  # "“…?” asked the mayor", "asked X": an inverted or active verb
    following = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.pos_ in ("PROPN", "DET", "NOUN", "PRON"):
        return False
    # a reduced passive opening a clause, which the model may tag as a past tense
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ in ("advcl", "acl"))


def is_parenthetical(verb: Token) -> bool:
    """Returns whether a speech verb is a parenthetical set off by commas inside its sentence's
    main clause (", X says,"): the parser's parataxis of the root, with a subject of its own
    that is a name or a he/she, and a comma on each side."""
    if verb.dep_ != "parataxis" or verb.head.dep_ != "ROOT":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return False
    who = subjects[0]
    if who.pos_ != "PROPN" and who.lower_ not in PERSON_PRONOUNS:
        return False
    doc = verb.doc
    first, last = min(who.left_edge.i, verb.i), verb.i
    return (
        first > 0
        and last + 1 < len(doc)
        and doc[first - 1].text == ","
        and doc[last + 1].text == ","
    )


def title_split_from_name(subjects: list[Token]) -> bool:
    """Returns whether a verb's subjects are the lowercase nouns of a title (no determiner)
    and, last, the name it stands before, with no verb nor any comma, colon or semicolon from
    the first to the name ("Y co-founder X told", "harassment specialist and Z professor X
    told"; not "April 25: Trump tells X", nor "the report prepared for the president, the
    Congress …")."""
    name = subjects[-1]
    if name.pos_ != "PROPN":
        return False
    for t in subjects[:-1]:
        if not t.is_punct and not (t.pos_ == "NOUN" and t.is_lower):
            return False
        if any(c.dep_ == "det" for c in t.children):
            return False  # "An amendment X added …": a thing, no title
    return not any(
        t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":")
        for t in name.doc[subjects[0].i : name.i]
    )
