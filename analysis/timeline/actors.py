"""Who did a dated act: the actor of the verb a date attaches to (`find_actor`), found as a
quote's speaker is — the subject's entity; a pronoun's antecedent, a subject outside any
quotation, with the gender the article gives a person (`text.genders`); a nominal subject ("the
council", "officials") kept as written without an entity; never a pronoun, a handle, a dateline's
place or a cut-off fragment: missing rather than wrong. Rules and figures in docs/timeline.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import yaml

from ..text.datelines import find_datelines
from ..text.genders import PERSON_PRONOUNS, gender_before, gender_of_name
from ..text.lexicon import ROLE_NOUNS
from ..text.look_back import PERSON_NEAR, PERSON_WINDOW, find_look_back
from ..text.parse import doc_text
from .attachment import MAX_CLIMB

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LISTS = yaml.safe_load((Path(__file__).parent / "data" / "actors.yml").read_text())
#: Nouns for an organisation: as a subject ("the council") they stand for the one organisation
#: named before whose name holds them, else they are kept as written (data/actors.yml).
ORG_NOUNS = frozenset(_LISTS["org_nouns"])
#: Organisation nouns that, with no such name, stand for the organisation the article is about.
GENERIC_ORG_NOUNS = frozenset(_LISTS["generic_org_nouns"])
#: How many sentences back an it/they looks for its antecedent (a he/she: `PERSON_WINDOW`).
PRONOUN_WINDOW = 3
#: Nouns for a document: as a subject they stand for whoever issued it.
DOC_NOUNS = frozenset(_LISTS["doc_nouns"])
_SELF = frozenset("i we me us my our".split())
_ORG_PRONOUNS = frozenset("it they".split())
#: A social-media handle or a link: never an actor.
_HANDLE = re.compile(r"@\w|://|\bwww\.", re.IGNORECASE)
#: A relative clause's subject stands for the noun the clause describes.
RELATIVE_PRONOUNS = frozenset("who that which".split())
#: Words an actor as written ends at: a relative clause, a participle, an apposition.
_CLAUSES = frozenset("relcl acl appos advcl punct cc conj".split())
#: At most this many words of a subject are shown as written; a longer one is cut back to the
#: words before its head and the head ("officials" of "officials of … and …").
MAX_WORDS = 8
#: Nouns for people acting as a group; with role, organisation and document nouns, the only
#: subjects without an entity that are kept as actors (as written).
AGENT_NOUNS = frozenset(_LISTS["agent_nouns"])
#: Words that count part of a group: "two of the candidates" (and any number).
QUANTITY_WORDS = frozenset(_LISTS["quantity_words"])
#: spaCy entity types of a subject that can act.
AGENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class ActorContext:
    """One article's parse, quotes and mentions (rows of `events.rows_of`, mentions by start),
    and the gender of its people (read once, on first use)."""

    def __init__(
        self, *, doc: Doc, quotes: list[Any], mentions: list[Any], names: dict[str, str]
    ) -> None:
        self.doc = doc
        self.quotes = quotes
        self.quoted = [(int(q.start), int(q.end)) for q in self.quotes if q.kind != "indirect"]
        self.mentions = mentions
        self.names = names
        self.datelines = find_datelines(doc_text(doc))
        self._genders: dict[str, str] | None = None

    def in_quote(self, start: int, end: int) -> bool:
        """Says whether start:end lies inside a quotation (not an indirect quote)."""
        return any(s <= start and end <= e for s, e in self.quoted)

    def gender(self, entity_id: str) -> str | None:
        """Returns "m" or "f" for a person of the article whose gender it shows, else None."""
        if self._genders is None:
            self._genders = _read_genders(self)
        return self._genders.get(entity_id)


def find_actor(verb: Token, ctx: ActorContext, quotes: list[Any]) -> tuple[str | None, str | None]:
    """Returns (actor, entity_id) of a verb (`_subject_actor`), or (None, None) when the name
    found is a handle or a link (`@name`): no one a journalist would print."""
    actor, entity_id = _subject_actor(verb, ctx, quotes)
    if actor is not None and _HANDLE.search(actor):
        return None, None
    return actor, entity_id


def _subject_actor(
    verb: Token, ctx: ActorContext, quotes: list[Any]
) -> tuple[str | None, str | None]:
    """Returns (actor, entity_id) of a verb: its subject's entity, climbing to governing verbs
    when it has none (participles, infinitives, subordinate clauses); a passive verb without an
    agent ("was confirmed in January") has no actor: the governing verb's subject did not do it."""
    for _ in range(MAX_CLIMB):
        subject = next(
            (c for c in verb.children if c.dep_ in ("nsubj", "csubj")),
            next((c for c in verb.children if c.dep_ == "nsubjpass" and _is_doc(c)), None),
        )
        if subject is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if subject is None and any(c.dep_ == "nsubjpass" for c in verb.children):
                return None, None  # "where the first case was confirmed in January": no actor
        if subject is not None:
            if _in_dateline(subject, ctx):
                return None, None  # "WASHINGTON —": a dateline's place never acts
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return _relative_antecedent(subject, verb.head, ctx, quotes)
            return _resolve(subject, ctx, quotes)
        if (done_by := _infinitive_subject(verb)) is not None:
            # "looked for a buyer to take over the yard in 2027": the buyer, not who looked
            return _resolve(done_by, ctx, quotes)
        if verb.dep_ == "xcomp" and (
            told := next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        ):
            # "the board ordered X to leave the office last month": X, not the board; only a
            # person or a role ("used a radio to call for help": the one who used it)
            person = label_at(told, ctx) == "PERSON" or told.lemma_.lower() in ROLE_NOUNS
            found = _resolve(told, ctx, quotes) if person else (None, None)
            if found[0] is not None:
                return found
        if (
            verb.dep_ in ("acl", "relcl")
            and verb.tag_ == "VB"
            and any(c.lower_ == "to" for c in verb.children)
            and verb.head.pos_ in ("NOUN", "PROPN")
        ):
            # "X, the favourite to succeed the mayor this year": the noun's (or the name it
            # stands beside), not the subject of the sentence's verb
            noun = verb.head.head if verb.head.dep_ == "appos" else verb.head
            return _resolve(noun, ctx, quotes)
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            break
        verb = head
    named = [q for q in quotes if isinstance(q.speaker, str)]
    if named and len({q.speaker for q in named}) == 1:
        return named[0].speaker, str(named[0].speaker_entity_id)
    return None, None


def _relative_antecedent(
    pronoun: Token, noun: Token, ctx: ActorContext, quotes: list[Any]
) -> tuple[str | None, str | None]:
    """Returns the actor a relative clause's subject stands for: "who" the noun it describes
    ("X, who chaired the board in 1998": X; "X, the mayor who resigned …": X); "that" and
    "which" only a body or people named at the noun ("the water board that approved …"), not a
    thing or a document ("the memo that circulated on Monday": missing)."""
    if pronoun.lower_ == "who":
        if noun.dep_ == "appos" and label_at(noun, ctx) != "PERSON":
            noun = noun.head
        return _resolve(noun, ctx, quotes)
    if label_at(noun, ctx) in ("PERSON", "ORG", "GPE", "NORP"):
        return _resolve(noun, ctx, quotes)
    if noun.lemma_.lower() in AGENT_NOUNS | ROLE_NOUNS | ORG_NOUNS:
        if noun.dep_ == "appos" and label_at(noun.head, ctx) in ("PERSON", "ORG"):
            noun = noun.head  # "X, a trade body that lobbied hard in 2017": X
        return _resolve(noun, ctx, quotes)
    return None, None


def _infinitive_subject(verb: Token) -> Token | None:
    """Returns the noun of "for X to <verb>" right before an infinitive (its own subject), else
    None."""
    to = next((c for c in verb.children if c.lower_ == "to" and c.i < verb.i), None)
    if to is None or to.i == 0:
        return None
    before = verb.doc[to.i - 1]
    noun = before if before.dep_ == "pobj" else None
    if noun is not None and noun.head.lower_ == "for" and noun.pos_ in ("NOUN", "PROPN", "PRON"):
        return noun
    return None


def _is_doc(token: Token) -> bool:
    return token.lemma_.lower() in DOC_NOUNS


def _in_dateline(token: Token, ctx: ActorContext) -> bool:
    return any(s <= token.idx < e for s, e in ctx.datelines)


def _resolve(subject: Token, ctx: ActorContext, quotes: list[Any]) -> tuple[str | None, str | None]:
    """Returns (actor, entity_id) for a subject token, found as a quote's speaker is: a name is
    its entity; a pronoun its nearest compatible antecedent that is a subject outside any
    quotation; a nominal subject ("the company") the one organisation named before whose name
    holds its words, else it is kept as written with no entity — never another entity from
    nearby."""
    found = mention_at(subject, ctx)
    if found and _one_of_a_group(subject, ctx) and any(c.dep_ == "det" for c in subject.children):
        return _words(subject, ctx), None  # "the first-term Democrat": one person, unnamed
    if found:
        return found
    word = subject.text.lower()
    pronoun = word in PERSON_PRONOUNS or word in _ORG_PRONOUNS
    for q in quotes:
        mention = q.speaker_mention
        if pronoun and q.cue != subject.head.lemma_.lower():
            continue  # "he" names the speaker only as the subject of the speech verb
        if pd.notna(q.speaker) and pd.notna(mention) and str(mention).split()[-1].lower() == word:
            return str(q.speaker), str(q.speaker_entity_id)
    for child in subject.children:
        if child.dep_ == "appos" and _one_of_a_group(child, ctx):
            # "the first-term Democrat" (parsed as an apposition): one person the words do not
            # name, as written; "the senator, a Republican," is the senator
            if child.i == subject.i + 1:
                return ctx.doc[subject.left_edge.i : child.i + 1].text, None
            return _words(subject, ctx), None
        if child.dep_ == "appos" and (found := mention_at(child, ctx)):
            return found
    lemma = subject.lemma_.lower()
    if word in _SELF:
        inside = [q for q in quotes if q.start <= subject.idx < q.end]
        if inside and pd.notna(inside[0].speaker):
            return str(inside[0].speaker), str(inside[0].speaker_entity_id)
    elif word in PERSON_PRONOUNS:
        return _person_antecedent(subject, ctx) or (None, None)  # never a bare pronoun
    elif word in _ORG_PRONOUNS:
        return _antecedent(subject, ctx) or (None, None)
    elif lemma in DOC_NOUNS:
        return _owner(subject, ctx) or _issuer(subject, ctx) or (_words(subject, ctx), None)
    elif lemma in ORG_NOUNS:
        return _owner(subject, ctx) or _named_by(subject, ctx) or (_words(subject, ctx), None)
    if lemma in ROLE_NOUNS and subject.tag_ not in ("NNS", "NNPS"):  # not "lawmakers, incl. X"
        for token in (t for t in subject.subtree if _names_the_role(t, subject)):
            if (found := mention_at(token, ctx)) and label_at(token, ctx) == "PERSON":
                return found
    if subject.is_upper and subject.is_stop and not list(subject.children):
        return None, None  # "… ALSO announced on Friday": a link label of the page, no name
    if lemma in AGENT_NOUNS or lemma in ROLE_NOUNS or subject.ent_type_ in AGENT_TYPES:
        return _words(subject, ctx), None
    if (group := _group_of(subject)) is not None and (
        group.lemma_.lower() in AGENT_NOUNS | ROLE_NOUNS or group.ent_type_ in AGENT_TYPES
    ):
        return _words(subject, ctx), None  # "two of the five candidates", as written
    return None, None  # a thing ("taxes would not rise this year"): nobody acts


def _names_the_role(token: Token, subject: Token) -> bool:
    """Says whether a word of a role noun's phrase may be its holder's name: the noun itself,
    its compound, or a word in apposition ("X's head in Y, Jane Roe,"), not inside a clause
    of the phrase ("an attorney who founded X") nor an object with no apposition ("a
    spokesperson for X": someone else)."""
    deps = []
    while token != subject and token.head != token:
        deps.append(token.dep_)
        token = token.head
    if any(d in ("relcl", "acl") for d in deps):
        return False
    return "appos" in deps or all(d in ("compound", "flat") for d in deps)


def _one_of_a_group(token: Token, ctx: ActorContext) -> bool:
    """Says whether a word names one member of a nationality, party or faith ("Republican",
    not "Republicans"): with an article, one person the words do not name."""
    return label_at(token, ctx) == "NORP" and token.tag_ not in ("NNS", "NNPS")


def _group_of(subject: Token) -> Token | None:
    """Returns the group a quantity subject counts part of ("two of the candidates": the
    candidates), else None."""
    if subject.pos_ != "NUM" and subject.lower_ not in QUANTITY_WORDS:
        return None
    for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
        return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _owner(noun: Token, ctx: ActorContext) -> tuple[str, str] | None:
    """Returns the entity a noun names as its owner or author: "X's report", "the X report",
    "a report by X"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and (found := mention_at(child, ctx)):
            return found
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (found := mention_at(pobj, ctx)):
                    return found
    return None


def _issuer(noun: Token, ctx: ActorContext) -> tuple[str, str] | None:
    """Returns who issued a document the article names before: the one entity that is the
    subject of a verb taking the same kind of document as its object ("X published a report")
    or its owner ("X's report"), in this sentence or before; else, the organisation the article
    is about (`_main_org`). None when the article names several issuers."""
    lemma = noun.lemma_.lower()
    issuers = set()
    for t in (ctx.doc[i] for i in range(noun.i + 1) if ctx.doc[i].lemma_.lower() == lemma):
        if t.i != noun.i and (found := _owner(t, ctx)):
            issuers.add(found)
        if t.dep_ in ("dobj", "nsubjpass"):
            for who in (c for c in t.head.children if c.dep_ in ("nsubj", "agent")):
                if who.dep_ == "agent":
                    who = next((c for c in who.children if c.dep_ == "pobj"), who)
                if found := mention_at(who, ctx):
                    issuers.add(found)
    if len(issuers) == 1:
        return issuers.pop()
    return _main_org(ctx) if not issuers else None


def _main_org(ctx: ActorContext) -> tuple[str, str] | None:
    """Returns the organisation the article is about: at least 3 mentions and 60 % of its
    organisation mentions; None when there is no such one."""
    counts = Counter(m.entity_id for m in ctx.mentions if m.label == "ORG")
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    if n >= 3 and n >= 0.6 * counts.total():
        return ctx.names.get(top, top), str(top)
    return None


def _named_by(noun: Token, ctx: ActorContext) -> tuple[str, str] | None:
    """Returns the organisation a nominal subject stands for: the one organisation named before
    it whose name holds the noun ("the council" after "Northvale City Council"); for a generic
    noun ("the organisation") with no such name, the organisation the article is about (at least
    3 mentions and 60 % of its organisation mentions). None otherwise ("the company" after a
    ministry)."""
    lemma = noun.lemma_.lower()
    before = [m for m in ctx.mentions if m.end <= noun.idx and m.label == "ORG"]
    holding = {m.entity_id for m in before if lemma in str(m.text).lower().split()}
    if len(holding) == 1:
        chosen = holding.pop()
        return ctx.names.get(chosen, chosen), str(chosen)
    if holding or lemma not in GENERIC_ORG_NOUNS:
        return None
    return _main_org(ctx)


def mention_at(token: Token, ctx: ActorContext) -> tuple[str, str] | None:
    for m in ctx.mentions:
        if m.start <= token.idx < m.end:
            return ctx.names.get(m.entity_id, m.text), str(m.entity_id)
    return None


def label_at(token: Token, ctx: ActorContext) -> str | None:
    return next((m.label for m in ctx.mentions if m.start <= token.idx < m.end), None)


def _window(pronoun: Token, ctx: ActorContext, size: int) -> list[tuple[int, int]]:
    """Returns (start, end) token spans to search for a pronoun's antecedent, nearest first: its
    sentence up to it, then up to `size` sentences back."""
    back = find_look_back(pronoun, sentences=size)
    return [(back[0].start, pronoun.i), *((s.start, s.end) for s in back[1:])]


def _outside_quotes(ctx: ActorContext, start: int, end: int) -> list[Token]:
    return [
        ctx.doc[i]
        for i in range(start, end)
        if not ctx.in_quote(ctx.doc[i].idx, ctx.doc[i].idx + 1)
    ]


def _person_antecedent(
    pronoun: Token, ctx: ActorContext, depth: int = 0
) -> tuple[str, str | None] | None:
    """Returns the person a he/she stands for: the nearest person named as a subject outside any
    quotation whose gender (`ActorContext.gender`) does not contradict it — the pronoun's sentence
    before it, then up to `PERSON_WINDOW` sentences back (past `PERSON_NEAR` only when no nearer
    sentence has a name or role noun as its subject). A sentence whose subject is the same
    pronoun, and names no one as a subject, hands over to that pronoun's antecedent. None when
    the nearest sentence names two such people, or someone of that gender is named nearer, not
    as a subject: missing rather than wrong."""
    gender = PERSON_PRONOUNS[pronoun.lower_]
    if (ahead := _named_after(pronoun, ctx)) and ctx.gender(ahead[1]) in (None, gender):
        return ahead  # "As he left on Monday, X said …": X
    sent_start = pronoun.sent.start
    unnamed_subject = False
    for n, (start, end) in enumerate(_window(pronoun, ctx, PERSON_WINDOW)):
        if n > PERSON_NEAR and unnamed_subject:
            return None  # far back, past a subject the entity rules did not name
        tokens = _outside_quotes(ctx, start, end)
        subjects = [
            t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and not _in_dateline(t, ctx)
        ]
        named_as = [  # "The first to go was X.": X, as if the subject
            t
            for t in tokens
            if t.dep_ == "attr" and t.head.lemma_ == "be" and label_at(t, ctx) == "PERSON"
        ]
        people = {
            found
            for t in subjects + named_as
            if (found := _subject_person(t, ctx)) and ctx.gender(found[1]) in (None, gender)
        }
        if len(people) == 1:
            return people.pop()
        if people:
            return None  # two people: cannot tell
        described = [t for t in subjects if t.lemma_.lower() in ROLE_NOUNS and t.tag_ == "NN"]
        if described:
            # "the mayor told reporters she …": the one person titled so before, else nobody
            tied = _titled(described[-1], ctx)
            return tied if tied and ctx.gender(tied[1]) in (None, gender) else None
        unnamed_subject = unnamed_subject or any(
            t.pos_ == "PROPN" or t.lemma_.lower() in ROLE_NOUNS for t in subjects
        )
        same = [t for t in subjects if PERSON_PRONOUNS.get(t.lower_) == gender and t.i < pronoun.i]
        if same and depth < PERSON_WINDOW:
            # "X resigned. He said …. He left on Friday.": the nearer "he" is the same person
            return _person_antecedent(same[-1], ctx, depth + 1)
        named = [
            t
            for t in tokens
            if label_at(t, ctx) == "PERSON"
            and ctx.gender((mention_at(t, ctx) or ("", ""))[1]) in (None, gender)
        ]
        if named and start < sent_start:
            return None  # someone nearer named, not as a subject: "he" may be them
    return None


def _named_after(pronoun: Token, ctx: ActorContext) -> tuple[str, str] | None:
    """Returns the person named as the main clause's subject after a he/she that opens a
    subordinate clause before it ("As he left on Monday, X said …"), else None."""
    clause = pronoun.head
    main = clause.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "advcl" or main.i <= clause.i:
        return None
    subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i > pronoun.i), None)
    return _subject_person(subject, ctx) if subject is not None else None


def _titled(noun: Token, ctx: ActorContext) -> tuple[str, str] | None:
    """Returns the one person the article names before with this role noun as a title ("the
    mayor" after "Mayor X"), else None."""
    text = doc_text(ctx.doc)
    title = re.compile(rf"\b{re.escape(noun.lemma_.lower())}\.?\s*$", re.IGNORECASE)
    found = {
        (ctx.names.get(m.entity_id, m.text), str(m.entity_id))
        for m in ctx.mentions
        if m.label == "PERSON"
        and m.end <= noun.idx
        and title.search(text[max(0, m.start - 30) : m.start])
    }
    return found.pop() if len(found) == 1 else None


def _subject_person(token: Token, ctx: ActorContext) -> tuple[str, str] | None:
    """Returns the person a subject token names, itself or in apposition ("the mayor, X,"), else
    None."""
    if (found := mention_at(token, ctx)) and label_at(token, ctx) == "PERSON":
        return found
    for child in token.children:
        if child.dep_ == "appos" and (found := mention_at(child, ctx)):
            return found if label_at(child, ctx) == "PERSON" else None
        if (
            child.dep_ == "poss"
            and token.pos_ == "NOUN"
            and token.lemma_.lower() not in ROLE_NOUNS
            and (found := mention_at(child, ctx))
            and label_at(child, ctx) == "PERSON"
        ):
            return found  # "X's budget passed a week after he …": the owner of a thing
    return None


def _antecedent(pronoun: Token, ctx: ActorContext) -> tuple[str | None, str | None] | None:
    """Returns what "it"/"they" stands for: the nearest subject outside any quotation that is an
    organisation or an organisation noun (then as `_resolve` reads it), in the pronoun's sentence
    before it, then up to `PRONOUN_WINDOW` sentences back; None when an organisation or a
    country is named nearer, not as a subject ("Britain's vote to leave the union it had
    joined": not the body named most often), or none is found."""
    for start, end in _window(pronoun, ctx, PRONOUN_WINDOW):
        tokens = _outside_quotes(ctx, start, end)
        subjects = [
            t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and not _in_dateline(t, ctx)
        ]
        for t in reversed(subjects):
            if label_at(t, ctx) == "ORG":
                return mention_at(t, ctx)
            if t.lemma_.lower() in ORG_NOUNS:
                return _owner(t, ctx) or _named_by(t, ctx) or (_words(t, ctx), None)
        if any(label_at(t, ctx) in ("ORG", "GPE") for t in tokens):
            return None  # a body or country named nearer, not as a subject: "it" may be it
    return None


def _read_genders(ctx: ActorContext) -> dict[str, str]:
    """Returns the gender of each person of the article that it shows: a gender word right
    before a mention ("Mr. X"), a common given name of one gender in a mention or the entity's
    name, else he/she (his/her) in a sentence that names only that person. A person shown both
    ways (a merge of two people) is left out."""
    text = doc_text(ctx.doc)
    found: dict[str, set[str]] = {}
    people = [m for m in ctx.mentions if m.label == "PERSON"]
    for m in people:
        for gender in (
            gender_before(text[max(0, m.start - 25) : m.start]),
            gender_of_name(str(m.text), titles=ROLE_NOUNS),
            gender_of_name(ctx.names.get(m.entity_id, ""), titles=ROLE_NOUNS),
        ):
            if gender is not None:
                found.setdefault(m.entity_id, set()).add(gender)
    genders = {e: g.pop() for e, g in found.items() if len(g) == 1}
    for sent in ctx.doc.sents:
        named = {m.entity_id for m in people if sent.start_char <= m.start < sent.end_char}
        said = {PERSON_PRONOUNS[t.lower_] for t in sent if t.lower_ in PERSON_PRONOUNS}
        if len(named) == 1 and len(said) == 1 and not found.get(next(iter(named))):
            genders.setdefault(named.pop(), said.pop())
    return genders


def _words(subject: Token, ctx: ActorContext) -> str | None:
    """Returns a subject's words as written (a body slice): its own phrase without a relative
    clause, participle, apposition, year or trailing punctuation; cut to the words up to its head
    when longer than `MAX_WORDS`; None for a handle or an address (`@name`, a link)."""
    kept = [subject]
    for child in subject.children:
        if child.dep_ not in _CLAUSES and not any(
            t.ent_type_ == "DATE" and t.like_num for t in child.subtree
        ):
            kept += list(child.subtree)  # not "candidates for mayor in 2026": a year is no name
    tokens = sorted({t.i: t for t in kept}.values(), key=lambda t: t.i)
    if len(tokens) > MAX_WORDS:
        tokens = [t for t in tokens if t.i <= subject.i][-MAX_WORDS:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "case") and tokens[-1] != subject:
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    words = doc_text(ctx.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    return None if _HANDLE.search(words) else words
