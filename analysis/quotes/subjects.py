"""People named as the subject of a clause, for finding who a he/she stands for
(`antecedents`): how each is named (`SUBJECT`, `OWNER`, `ASIDE`), and the one subject of a
sentence's main verb when everyone else is inside a clause it governs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS
from .cues import GENDER_BEFORE, GENDER_WORDS
from .epithets import is_indefinite

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import ArticleContext
    from .named import Mention


def find_subject_people(ctx: ArticleContext, start: int, end: int) -> list[tuple[str, Token, str]]:
    """People named between two offsets, outside quotations, as the subject of a clause (or
    in apposition to it, or owning it): "Judge X wrote", "The lead author, Dr. X, said", "X's
    plan would fail"; each with the subject word and how it is named: `SUBJECT`, `OWNER`
    ("X's plan"), or `ASIDE` when it counts less than a subject named beside it — it only
    modifies a subject that is a thing and does not speak ("the X administration was
    ending"), or it is the subject of what a noun says ("Y rejected the charge that X was
    too cautious")."""
    found = []
    for m in ctx.mentions.within(start, end):
        if ctx.quoted.covers(m.start):
            continue  # a name inside a quotation is never the antecedent
        if m.entity_id in ctx.person_like:
            m = m._replace(label="PERSON")  # "X, a history teacher,", labelled a place
        if m.label != "PERSON":
            person = _find_surname_person(ctx, m)
            if person is None:
                continue
            m = m._replace(entity_id=person, label="PERSON")
        span = ctx.doc.char_span(m.end - 1, m.end, alignment_mode="expand")
        if not span:
            continue
        head = span[0]
        if head.dep_ == "appos" and is_indefinite(head):
            continue  # "the senator, a devout Catholic,": a description, not a name
        owned = head.head
        if (
            head.dep_ == "poss"
            and owned.dep_ == "nsubj"
            and owned.pos_ == "NOUN"
            and owned.lemma_.lower() not in ROLE_NOUNS
            and not any(c.dep_ == "appos" for c in owned.children)
        ):
            # "X's claim would be …, if he …": the owner of an active clause's subject
            # that is a thing, not a person ("X's captain, Y," is Y)
            found.append((m.entity_id, owned, OWNER))
            continue
        if (
            head.dep_ == "compound"
            and head.head.pos_ == "NOUN"
            and head.head.dep_ == "appos"
            and head.head.head.pos_ == "PROPN"
        ):
            continue  # "X, a Y donor, caused …": Y only describes the subject X
        if (
            head.dep_ == "compound"
            and head.head.pos_ == "NOUN"
            and head.head.dep_ == "compound"
            and head.head.head.pos_ == "PROPN"
            and any(
                n.entity_id != m.entity_id and ctx.is_person(n)
                for n in ctx.mentions.overlapping(head.head.head.idx, head.head.head.idx + 1)
            )
        ):
            continue  # "Y spokesman X picked up …": Y only describes the subject X
        if _set_off_after_fronted_place(ctx, head):
            # "Touring Eastfield, X, at the pier, blamed Y": the parser hung the main
            # clause's subject on the place that ends the fronted participle's phrase
            found.append((m.entity_id, head, SUBJECT))
            continue
        modifier = (
            head.dep_ == "compound"
            and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() not in ROLE_NOUNS
        )
        through = False  # climbed through a preposition
        apposed = False  # the name in apposition to the preposition's object
        while head.head != head and (
            head.dep_ in ("compound", "flat", "appos", "amod", "nmod")
            or head.dep_ in ("pobj", "prep")
            and head.head.pos_ in ("NOUN", "PROPN", "ADP")
            or _set_off_as_conjunct(head)
            # "contender and former captain X responded": two titles of one person
            or head.dep_ == "conj"
            and ctx.titled_conjunct(head.head) == head
        ):
            apposed = apposed or head.dep_ == "appos" and not through
            through = through or head.dep_ == "pobj"
            head = head.head
        if through and any(
            n.entity_id != m.entity_id and ctx.is_person(n)
            for n in ctx.mentions.overlapping(head.idx, head.idx + len(head))
        ):
            continue  # "X, a former aide to Y, doubted …": Y describes the subject X
        if (
            through
            and not apposed
            and head.pos_ == "NOUN"
            and head.lemma_.lower() not in ROLE_NOUNS
        ):
            # "a neighbour of X ran …": the subject is the neighbour, not X, and perhaps the
            # he/she ("" stands for that unnamed person: with another candidate, no one);
            # a role noun may be followed by its holder's name ("the head of Y Jane Roe"),
            # so may another noun, set off by dashes ("the rival of Y — Jane Roe — has …")
            if head.dep_ in ("nsubj", "nsubjpass"):
                found.append(("", head, SUBJECT))
            continue
        if head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "ROOT" and head.pos_ == "NOUN":
            verb = head.head
            speaks = verb.lemma_.lower() in SPEECH_VERBS
            told = (  # "Y dismissed criticism that X lacked …": what the noun says of X
                verb.dep_ in ("acl", "ccomp")
                and verb.head.pos_ == "NOUN"
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
            )
            aside = modifier and head.pos_ == "NOUN" and not speaks or told
            found.append((m.entity_id, head, ASIDE if aside else SUBJECT))
    return found


def _set_off_after_fronted_place(ctx: ArticleContext, name: Token) -> bool:
    """Returns whether a name the parser made the apposition of a place is the main clause's
    subject: the place is the object of a preposition of a fronted participle (`Speaking in
    Eastfield, X, …`) or ends a prepositional phrase opening the sentence (`In the court in
    Eastfield, Ohio, X, …, said`), a comma before the name, and the main verb has no subject
    of its own (a person is no place's apposition)."""
    place = name.head
    if name.dep_ != "appos" or place.dep_ != "pobj" or name.i < place.i:
        return False
    if not any(
        m.label in ("GPE", "LOC", "FAC")
        for m in ctx.mentions.overlapping(place.idx, place.idx + len(place))
    ):
        return False
    participle = place.head.head
    verb = participle.head
    fronted = (
        place.head.dep_ == "prep"
        and participle.dep_ == "advcl"
        and participle.tag_ == "VBG"
        and participle.i == participle.sent.start
    )
    if not fronted:
        # "From the harbour office in Eastfield, Md., X, holding the permits, announced …": a
        # prepositional phrase opening the sentence, through the phrases inside it
        opener = place.head
        while opener.dep_ == "prep" and opener.head.dep_ == "pobj":
            opener = opener.head.head
        verb = opener.head
        fronted = opener.dep_ == "prep" and opener.i == opener.sent.start and verb.dep_ == "ROOT"
    return (
        fronted
        and verb.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and ctx.doc[name.left_edge.i - 1].text == ","
    )


def _find_surname_person(ctx: ArticleContext, mention: Mention) -> str | None:
    """Returns the person a one-word name the entity rules labelled otherwise stands for: the
    one person named earlier in the article in full (at least two words) whose last word it
    is ("GOP candidate Jane Roe strode onstage. … Roe opened by …" with "Roe" taken for an
    organisation). None when it is no single capitalised word, or when earlier full names
    of two people, or of anything but a person, end with it."""
    word = mention.text
    if " " in word or not word[:1].isupper():
        return None
    owners = {
        m.entity_id if m.label == "PERSON" else ""
        for m in ctx.mentions.ending_by(mention.start)
        if " " in m.text and m.text.rsplit(" ", 1)[1] == word
    }
    if len(owners) != 1:
        return None
    person = owners.pop()
    return person if person and not _titled_both_ways(ctx, person) else None


def find_main_subject(
    ctx: ArticleContext, people: list[tuple[str, Token, str]], pronoun: Token
) -> str | None:
    """Returns the one person named as the subject of a sentence's main verb (its root) when
    every other person of `people` (`find_subject_people`'s) is named inside a clause that
    verb governs: a clause it reports or an adverbial clause, however deep ("When Y pointed
    out that Z …, X seized on the remark", "X said Y had erred"). Not a clause joined to it
    ("X dismissed …; his brother Y died …" is two main clauses), nor a name in a clause that
    describes a noun ("X, whom Y had hired, …"), nor when the pronoun itself sits in a clause
    naming another ("X noted that Y wrote it after he …": the nearer Y), nor a person whose
    titles say both genders (two people the entity rules joined: "Mr. X" and "Ms. X"). Else
    None."""
    mains = [
        (p, head)
        for p, head, how in people
        if p and how == SUBJECT and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT"
    ]
    if len({p for p, _ in mains}) != 1:
        return None
    found, subject = mains[0]
    verb = subject.head
    for p, head, _ in people:
        if p == found:
            continue
        clause = head
        while clause.head != verb and clause.head != clause:
            clause = clause.head
        if clause.head != verb or clause.dep_ not in _GOVERNED_CLAUSES or clause.i == head.i:
            return None
        if pronoun in clause.subtree:
            return None
    return None if _titled_both_ways(ctx, found) else found


def _titled_both_ways(ctx: ArticleContext, entity_id: str) -> bool:
    """Returns whether the article gives a person's mentions titles of both genders ("Mr. X"
    and "Ms. X" joined into one entity): two people, so neither is a safe antecedent."""
    said = set()
    for m in ctx.mentions:
        if m.entity_id == entity_id:
            found = GENDER_BEFORE.search(ctx.text[max(0, m.start - 25) : m.start].lower())
            if found:
                said.add(GENDER_WORDS[found[1]])
    return len(said) > 1


#: The clauses of a main verb a name may sit in and still give way to that verb's subject.
_GOVERNED_CLAUSES = frozenset({"ccomp", "advcl", "xcomp"})


#: How `find_subject_people` found a person: the subject (or its apposition), the owner of a
#: subject that is a thing, or a name aside (modifying a thing, inside what a noun says).
SUBJECT, OWNER, ASIDE = "subject", "owner", "aside"


def _set_off_as_conjunct(name: Token) -> bool:
    """Returns whether the parser joined a name as a conjunct, with no "and" or "or", to the
    role noun it is set off after by commas: "the opposition leader, Representative Jane Roe,
    said" is one person, the parser's `conj` an apposition."""
    noun = name.head
    return (
        name.dep_ == "conj"
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() in ROLE_NOUNS
        and not any(c.dep_ in ("cc", "conj") and c.i != name.i for c in noun.children)
        and not any(c.dep_ == "cc" for c in name.children)
    )
