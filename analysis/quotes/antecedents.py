"""Who a he/she stands for, for finding speakers: the person named as a subject before it
(`find_person_antecedent`), the same or the last speaker when nobody else came into view, and
the people a pronoun cannot stand for because its own quotation speaks of them
(`find_reported_names`). The rules are the antecedent rules of the package docstring; they read
an `ArticleContext`."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS
from ..text.look_back import PERSON_NEAR, PERSON_WINDOW, find_look_back
from .clauses import bound_by_pronoun, reports_subject, set_off_after
from .cues import (
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    SPEAKER_VIEW,
)
from .descriptions import is_named_since
from .epithets import find_previous_subject, is_bare_person_description
from .subjects import ASIDE, SUBJECT, find_main_subject, find_subject_people

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import ArticleContext, Attribution
    from .named import Mention


def find_reported_names(ctx: ArticleContext, pronoun: Token) -> set[str]:
    """The people named before a he/she in its sentence, outside quotations, as the subject
    of a clause whose verb is quoted and which the pronoun's speech verb reports ("X “will be
    good for us,” he said": words about X in the third person, so someone else's;
    `reports_subject`), or set off right after the name ("X, he said, stood for …":
    `set_off_after`). Not a clause in the reporter's words with the pronoun after it ("X
    moved to the city in 2009, she said" is often X's own account)."""
    sent = pronoun.sent
    found = set()
    for m in ctx.mentions.within(sent.start_char, pronoun.idx):
        if not ctx.is_person(m) or ctx.quoted.covers(m.start):
            continue
        span = ctx.doc.char_span(m.end - 1, m.end, alignment_mode="expand")
        if not span:
            continue
        head = span[0]
        while head.dep_ in ("compound", "flat") and head.head != head:
            head = head.head
        if set_off_after(pronoun, head) or (
            ctx.quoted.covers(head.head.idx) and reports_subject(pronoun, head)
        ):
            found.add(m.entity_id)
    return found


def _who_clause_owner(ctx: ArticleContext, pronoun: Token) -> str | None:
    """Returns the person a he/she's relative clause is about: the pronoun is a subject inside
    a relative clause opened by "who", right after a person's name and its comma, with no
    other person named between ("… came from bus driver X, who laughed as she described the
    queue …": X); else None."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    while (
        clause.dep_ != "relcl"
        and clause.head != clause
        and clause.dep_
        in (
            "advcl",
            "ccomp",
            "xcomp",
            "conj",
        )
    ):
        clause = clause.head
    if clause.dep_ != "relcl" or clause.i > pronoun.i:
        return None
    who = clause.left_edge
    if who.lower_ != "who" or who.i < 2 or ctx.lowers[who.i - 1] != ",":
        return None
    name = ctx.doc[who.i - 2]
    if clause.head != name:
        return None
    people = [
        m
        for m in ctx.mentions.overlapping(name.idx, name.idx + len(name))
        if ctx.is_person(m) and not ctx.quoted.covers(m.start)
    ]
    between = [m for m in ctx.mentions.within(who.idx, pronoun.idx) if ctx.is_person(m)]
    return people[-1].entity_id if len(people) == 1 and not between else None


def _named_in_own_participle(ctx: ArticleContext, pronoun: Token) -> set[str]:
    """The people named inside a participle's clause that opens the pronoun's sentence, has
    no subject of its own and hangs on the pronoun's verb: the pronoun is that clause's
    understood subject, so they are others ("Asked whether X would run, he said …", "Asked
    whether X could beat Y, she laughed and said …": neither is X)."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    found = set()
    for clause in verb.children:
        if (
            clause.dep_ == "advcl"
            and clause.tag_ in ("VBN", "VBG")
            and clause.left_edge.i == pronoun.sent.start
            and clause.i < pronoun.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        ):
            end = clause.right_edge.idx + len(clause.right_edge)
            found |= {
                m.entity_id
                for m in ctx.mentions.within(clause.left_edge.idx, end)
                if ctx.is_person(m)
            }
    return found


def find_person_antecedent(
    ctx: ArticleContext,
    pronoun: Token,
    lower: str,
    *,
    depth: int = 0,
    excluded: frozenset[str] = frozenset(),
) -> str | None:
    """The nearest person named as a subject before the pronoun whose known gender does not
    contradict it: the pronoun's sentence up to it, then up to `PERSON_WINDOW` sentences
    back. A sentence whose subject is a pronoun of the same gender hands over to that
    pronoun's antecedent. Two different people in the nearest sentence → missing, unless
    all but one are only aside (`find_subject_people`); so is a person named nearer, not as a
    subject, unless that is the one person in view (`_find_only_one_in_view`). Gender
    comes from titles, common given names ("Margaret" is a woman's) and he/she read in a
    sentence naming only that person."""
    gender = PERSON_PRONOUNS[lower]
    sent = pronoun.sent
    excluded = excluded | find_reported_names(ctx, pronoun) | _named_in_own_participle(ctx, pronoun)
    unnamed_subject = False
    back = find_look_back(pronoun, sentences=PERSON_WINDOW)
    spans = [(sent.start_char, pronoun.idx), *((s.start_char, s.end_char) for s in back[1:])]
    owner = _who_clause_owner(ctx, pronoun)
    if owner is not None and ctx.genders.get(owner, gender) == gender and owner not in excluded:
        return owner  # "…, bus driver X, who laughed as she described …": X
    for n, (start, end) in enumerate(spans):
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        if n > PERSON_NEAR and unnamed_subject:
            return None  # far back, past someone the entity rules did not name
        named_subject = any(
            t.dep_ in ("nsubj", "nsubjpass")
            and (t.pos_ == "PROPN" or t.lemma_.lower() in ROLE_NOUNS)
            and not ctx.quoted.covers(t.idx)
            for t in tokens
        )
        subject_nearer = unnamed_subject  # a name or role noun as a subject nearer
        unnamed_subject = unnamed_subject or named_subject
        people = [
            (p, head, how)
            for p, head, how in find_subject_people(ctx, start, end)
            if ctx.genders.get(p, gender) == gender
            and not bound_by_pronoun(head, tokens, gender)
            and p not in excluded
        ]
        candidates = [(p, how) for p, _, how in people]
        distinct = list(dict.fromkeys(p for p, _ in candidates))
        leading = _leading_pronoun(ctx, tokens, pronoun, gender)
        if (
            leading is not None
            and depth < PERSON_WINDOW
            and not any(_leads(head) for _, head, _ in people)
        ):
            # "He dismissed claims that X had erred.", "Y will be the nominee by then, he
            # noted.": the sentence is the he/she's; names inside what it says or does are
            # not whom a later he/she stands for
            return find_person_antecedent(
                ctx, leading, leading.lower_, depth=depth + 1, excluded=excluded
            )
        if len(distinct) == 1:
            return distinct[0] or None  # "": an unnamed subject
        if len(distinct) > 1:
            # "With the X administration ending, Y is trying …", "Y rejected the charge
            # that X was …": a name only modifying a thing, or inside what a noun says,
            # gives way to the one person named as a subject (not to an owner)
            named = list(dict.fromkeys(p for p, how in candidates if how == SUBJECT))
            aside = all(how == ASIDE for p, how in candidates if p not in named)
            if len(named) == 1 and aside:
                return named[0] or None
            # "When Y pointed out …, X seized on it.", "X said Y had erred.": the subject of
            # the main clause, when everyone else is inside one of its clauses and no name
            # or role noun the entity rules missed was a subject nearer
            return None if subject_nearer else find_main_subject(ctx, people, pronoun)
        same = [
            t
            for t in tokens
            if t.dep_ in ("nsubj", "nsubjpass")
            and PERSON_PRONOUNS.get(t.lower_) == gender
            and t.i < pronoun.i
        ]
        handed = [t for t in same if not ctx.quoted.covers(t.idx)]
        if handed and not named_subject and depth < PERSON_WINDOW:
            # "“…,” she said about X. “…,” she said.": the nearer "she" is a subject, X
            # is not; the pronoun stands for what that "she" stands for.
            return find_person_antecedent(
                ctx, handed[-1], handed[-1].lower_, depth=depth + 1, excluded=excluded
            )
        nearer = [
            p
            for p in ctx.mentions.within(start, end)
            if ctx.is_person(p)
            and not ctx.quoted.covers(p.start)
            and ctx.known_genders.get(p.entity_id, gender) == gender
            and p.entity_id not in excluded
        ]
        if start < sent.start_char and nearer:
            # someone nearer was named, not as a subject: that person only when no one
            # else is in view ("… a defining year for X. “…,” she said."), else cannot tell
            return _find_only_one_in_view(ctx, pronoun, nearer, n, spans[-1][0], gender)
        described = [
            t
            for t in tokens
            if t.dep_ == "nsubj"
            and t.tag_ == "NN"
            and t.i < pronoun.i
            and t.head.lemma_.lower() in SPEECH_VERBS
            and t.lemma_.lower() not in DOCUMENT_NOUNS | ORG_NOUNS
            and not ctx.quoted.covers(t.idx)
        ]
        if described:  # "“…,” the nurse said. “…,” she added.": the nurse, if known (a
            # report or an organisation that warned is no one's antecedent)
            if _unnamed(described[-1]):
                return None  # "one firefighter said", "that aide wrote": no one named
            found = ctx.find_tied(described[-1], [described[-1]])
            if found is None and is_bare_person_description(described[-1]):
                # "X took the stage. Reacting to critics, the retired surgeon said …"
                found = find_previous_subject(ctx, described[-1])
                if found is not None and ctx.genders.get(found, gender) != gender:
                    found = None
            return found if found and ctx.labels.get(found) == "PERSON" else None
        definite = _definite_subject(ctx, tokens, pronoun)
        if definite is not None:
            # "Sen. X … The senator seized on the report. “…,” she said.": the senator, when
            # the article ties the description to one person of the pronoun's gender and
            # nobody else was named as a subject since that person ("Y, journalist X, … Z
            # wrote a letter. The journalist …" is not X)
            found = ctx.find_tied(definite, [definite])
            if (
                found
                and ctx.labels.get(found) == "PERSON"
                and ctx.genders.get(found, gender) == gender
                and found not in excluded
                and not is_named_since(ctx, found, definite)
            ):
                return found
        if same and depth < PERSON_WINDOW:
            return find_person_antecedent(
                ctx, same[0], same[0].lower_, depth=depth + 1, excluded=excluded
            )
    return None


def _leads(subject: Token) -> bool:
    """Returns whether a subject leads its sentence: the subject of its main verb, or of a
    speech verb (a parenthetical "he noted" the parser hung elsewhere)."""
    verb = subject.head
    return verb.dep_ == "ROOT" or verb.lemma_.lower() in SPEECH_VERBS


def _leading_pronoun(
    ctx: ArticleContext, tokens: list[Token], pronoun: Token, gender: str
) -> Token | None:
    """Returns the last he/she of the pronoun's gender, outside quotations and before it, that
    leads its sentence among these tokens (`_leads`), else None."""
    found = [
        t
        for t in tokens
        if t.dep_ in ("nsubj", "nsubjpass")
        and PERSON_PRONOUNS.get(t.lower_) == gender
        and t.i < pronoun.i
        and not ctx.quoted.covers(t.idx)
        and _leads(t)
    ]
    return found[-1] if found else None


def _find_only_one_in_view(
    ctx: ArticleContext, pronoun: Token, nearer: list[Mention], back: int, first: int, gender: str
) -> str | None:
    """Returns the person named nearer than any subject, not as a subject, `back`
    sentences before the he/she's own, when that can only be whom it stands for: at most
    `SPEAKER_VIEW` sentences back, the only person named outside quotations in the
    pronoun's whole look-back (from offset `first`), whose title or given name says the
    pronoun's gender (not a place the entity rules took for a person), no
    he/she subject before that name (someone already spoken of), and no subject between
    that name's sentence and the pronoun that could be another person (a name, a role
    noun, a plural, a noun with a determiner or a pronoun's possessive, a pronoun of the
    other gender): "Few felt it more than Senator X. He has said …" is X; else None."""
    if back > SPEAKER_VIEW:
        return None
    who = {m.entity_id for m in nearer}
    if len(who) != 1:
        return None
    found = who.pop()
    if ctx.known_genders.get(found) != gender:
        return None  # a title or a given name says so ("a defeat at Y Town": no one)
    named = ctx.mentions.within(first, pronoun.idx)
    if any(
        ctx.is_person(m)
        and m.entity_id != found
        and not ctx.quoted.covers(m.start)
        and ctx.known_genders.get(m.entity_id, gender) == gender
        for m in named
    ):
        return None  # someone else who could be meant (a title or a given name of the other
        # gender says one cannot: "at a X rally, Jane Roe said …" for a she)
    at = min(m.start for m in nearer)
    view = ctx.doc[bisect_left(ctx.offsets, at)].sent.start
    for t in ctx.doc[bisect_left(ctx.offsets, first) : pronoun.i]:
        if t.dep_ not in ("nsubj", "nsubjpass") or ctx.quoted.covers(t.idx):
            continue
        if t.i < view:
            if PERSON_PRONOUNS.get(t.lower_) == gender:
                return None  # a he/she spoken of before the name: perhaps someone else
            continue
        if PERSON_PRONOUNS.get(t.lower_) not in (None, gender):
            return None
        named_here = ctx.mention_at(t.idx)
        if (
            t.pos_ == "PROPN"
            and named_here != found
            and (named_here is None or ctx.known_genders.get(named_here, gender) == gender)
        ):
            return None
        if t.pos_ == "NOUN" and (
            t.lemma_.lower() in ROLE_NOUNS
            or t.tag_ == "NNS"
            or any(c.dep_ == "det" or c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
        ):
            return None
    return found


def find_same_speaker(
    ctx: ArticleContext, pronoun: Token, history: list[Attribution]
) -> str | None:
    """A pronoun of the wrong gender (translated copy: "“…,” X said. “…,” he added.") still
    means the person who spoke in the same or the sentence before, when nobody else was named
    since."""
    last = history[-1] if history else None
    if last is None or last.entity_id is None:
        return None
    if ctx.name_genders.get(last.entity_id) not in (None, PERSON_PRONOUNS[pronoun.lower_]):
        return None  # the given name says the other gender: not a translation's slip
    sent = pronoun.sent
    start = ctx.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    if ctx.labels.get(last.entity_id) == "PERSON" and last.at >= start:
        return last.entity_id if ctx.is_quiet_since(last, pronoun.idx) else None
    return None


def find_speaker_in_view(
    ctx: ArticleContext, pronoun: Token, history: list[Attribution]
) -> str | None:
    """Returns the person who spoke last when a he/she the antecedent rules leave open can
    only be that person: the attribution is at most `SPEAKER_VIEW` sentences before the
    pronoun's, nothing known says the other gender, nobody else was named since, and no
    sentence between has another subject that could be a person ("“…,” X said. “…” A
    proud day for X. “…,” he said."); else None."""
    last = history[-1] if history else None
    if last is None or last.entity_id is None or ctx.labels.get(last.entity_id) != "PERSON":
        return None
    gender = PERSON_PRONOUNS[pronoun.lower_]
    if ctx.genders.get(last.entity_id, gender) != gender:
        return None
    first = pronoun.sent
    for _ in range(SPEAKER_VIEW):
        if first.start > 0:
            first = ctx.doc[first.start - 1].sent
    if last.at < first.start_char or not ctx.is_quiet_since(last, pronoun.idx):
        return None
    start = bisect_left(ctx.offsets, last.at)
    for t in ctx.doc[start : pronoun.i]:
        if t.dep_ not in ("nsubj", "nsubjpass") or ctx.quoted.covers(t.idx):
            continue
        if PERSON_PRONOUNS.get(t.lower_) not in (None, gender):
            return None  # someone of the other gender
        if t.pos_ == "PROPN" and ctx.mention_at(t.idx) != last.entity_id:
            return None
        if t.pos_ == "NOUN" and (
            t.lemma_.lower() in ROLE_NOUNS
            or t.tag_ == "NNS"
            or any(c.dep_ == "det" or c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
        ):
            return None  # "the neighbour", "his brother", "officials": perhaps a person
    return last.entity_id


def _definite_subject(ctx: ArticleContext, tokens: list[Token], pronoun: Token) -> Token | None:
    """Returns a definite description ("the senator", "the former governor": "the", then at
    most adjectives, and a singular common noun that is no document or organisation noun)
    that is the subject of a clause (or the parser's root noun with the verb hung on it: "The
    senator seized …" parsed as a noun and a clause), outside quotations, before the pronoun,
    and the nearest subject there: no subject after it that could be another person (a name,
    a he/she, a role noun, a plural, a noun with a determiner or a possessive). Else None."""
    subjects = [
        t
        for t in tokens
        if (t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "ROOT" and t.pos_ == "NOUN")
        and t.i < pronoun.i
        and not ctx.quoted.covers(t.idx)
    ]
    for n, t in enumerate(subjects):
        if t.tag_ != "NN" or t.lemma_.lower() in DOCUMENT_NOUNS | ORG_NOUNS:
            continue
        lefts = list(t.lefts)
        if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
            continue
        if any(c.dep_ not in ("amod", "det") or c.pos_ not in ("ADJ", "DET") for c in lefts):
            continue  # "the Team-A captain", "the party's leader": not a bare description
        later = subjects[n + 1 :]
        if any(
            s.pos_ == "PROPN"
            or s.lower_ in PERSON_PRONOUNS
            or s.lemma_.lower() in ROLE_NOUNS
            or s.tag_ == "NNS"
            or s.pos_ == "NOUN"
            and any(c.dep_ in ("det", "poss") for c in s.children)
            for s in later
        ):
            return None
        return t
    return None


def _unnamed(description: Token) -> bool:
    """Returns whether a description is someone the article did not name, whatever it tied
    the noun to: an indefinite ("a nurse", "one firefighter"), possessed ("his aide") or
    demonstrative one ("that aide", pointing back at its own earlier mention)."""
    return any(
        c.dep_ in ("det", "nummod", "poss") and c.lower_ in _UNNAMED_DETERMINERS
        for c in description.lefts
    )


#: Determiners of a description that names no one the article tied it to.
_UNNAMED_DETERMINERS = frozenset(
    {"a", "an", "another", "one", "his", "her", "its", "their", "that", "this"}
)
