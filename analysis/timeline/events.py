"""The `events` table: who did or said what, and when, as each article states it.

An event is a date phrase of a sentence — every one, with the actor of the verb it attaches to
(the subject, or the speaker of a quote from the `quotes` table) when one is found — or a quote
whose statement no date phrase dates, placed at the article's publication date. See
docs/timeline.md.
"""

from __future__ import annotations

from collections import Counter, namedtuple
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import yaml

from ..text.datelines import find_datelines
from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS
from .attachment import MAX_CLIMB, find_dated_noun, find_tense, find_verb, find_verb_of_span
from .dates import ANCHOR_KINDS, Anchor, find_dates, is_reported_quarter
from .once_things import find_noun_objects, find_thing, kind_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Actions that all count as making a statement public (one happening can be told with any).
STATEMENT_ACTIONS = SPEECH_VERBS | frozenset("publish issue release contact post".split())
#: Nouns for an organisation: as a subject ("the council") they stand for the one organisation
#: named before whose name holds them, else they are kept as written.
ORG_NOUNS = frozenset(
    "organisation organization group watchdog office agency ministry company government "
    "charity institute body branch council committee department authority board".split()
)
#: Organisation nouns that, with no such name, stand for the organisation the article is about.
GENERIC_ORG_NOUNS = frozenset(
    "organisation organization group watchdog agency body charity".split()
)
#: How many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 3
#: Nouns for a document: as a subject they stand for whoever issued it.
DOC_NOUNS = frozenset("report statement study research release letter document post".split())
_SELF = frozenset("i we me us my our".split())
_PERSON_PRONOUNS = frozenset("he she him her".split())
_ORG_PRONOUNS = frozenset("it they".split())
#: Nouns for people acting as a group; with role, organisation and document nouns, the only
#: subjects without an entity that are kept as actors (as written).
AGENT_NOUNS = frozenset(
    "official people resident protester critic lawmaker voter worker employee staff member "
    "police troop soldier force army authority leader campaigner union opposition user "
    "investigator prosecutor judge court parliament".split()
)
_ONCE = yaml.safe_load((Path(__file__).parent / "data" / "once_acts.yml").read_text())
#: Acts that happen once to the person they are done to (data/once_acts.yml): lemma → the
#: dependencies that hold that person.
ONCE_ACTS: dict[str, tuple[str, ...]] = {
    **{lemma: ("dobj", "nsubjpass") for lemma in _ONCE["transitive"]},
    **{lemma: ("nsubj",) for lemma in _ONCE["intransitive"]},
}
#: spaCy entity types of a subject that can act.
AGENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def rows_of(frame: pd.DataFrame) -> list[Any]:
    """Returns the rows of a table as named tuples (typed loosely, for attribute access); much
    faster than `itertuples` in pandas 3."""
    row = namedtuple("row", ["Index", *map(str, frame.columns)], rename=True)  # type: ignore[misc]
    columns = [frame.index.tolist(), *(frame[c].tolist() for c in frame.columns)]
    return [row(*values) for values in zip(*columns, strict=True)]


def tabulate_events(
    docs: dict[str, Doc],
    *,
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
) -> list[dict[str, Any]]:
    """Finds the events of every article.

    Args:
        docs: The parsed body of each article, by article_id.
        articles: The `articles` table (publication dates).
        sentences: The `sentences` table.
        quotes: The `quotes` table (speakers, and which text is quoted).
        mentions: The `mentions` table.
        entities: The `entities` table.

    Returns:
        Rows of the `events` table, by article and sentence order.
    """
    names = dict(zip(entities.entity_id, entities.name, strict=True))
    quotes_of = _by_article(rows_of(quotes))
    mentions_of = _by_article(rows_of(mentions.sort_values("start")))
    sentences_of = _by_article(rows_of(sentences))
    rows: list[dict[str, Any]] = []
    for article in rows_of(articles):
        aid = article.article_id
        published = None if pd.isna(article.published) else article.published.date()
        context = _Context(
            doc=docs[aid],
            quotes=quotes_of.get(aid, []),
            mentions=mentions_of.get(aid, []),
            names=names,
        )
        before = len(rows)
        for sentence in sentences_of.get(aid, []):
            rows += _sentence_events(sentence, published, context)
        for i, row in enumerate(rows[before:]):
            row["event_id"] = i
    return rows


def tabulate_date_problems(events: pd.DataFrame, sentences: pd.DataFrame) -> list[dict[str, Any]]:
    """Returns rows of the `problems` table for the events whose date words look wrong (their
    `date_note`), at the date phrase's offset in the body."""
    noted = events[events.date_note.notna()]
    starts = sentences.set_index(["article_id", "sentence_id"]).start
    rows = []
    for e in rows_of(noted):
        start = int(starts[(e.article_id, e.sentence_id)])
        at = str(e.text).find(str(e.date_text))
        rows.append(
            {
                "article_id": e.article_id,
                "stage": "events",
                "offset": start + max(at, 0),
                "message": f"at {start + max(at, 0)}: {e.date_note}",
            }
        )
    return rows


def _by_article(rows: list[Any]) -> dict[str, list[Any]]:
    """Groups rows (`rows_of`) by their article_id, keeping their order."""
    out: dict[str, list[Any]] = {}
    for row in rows:
        out.setdefault(row.article_id, []).append(row)
    return out


class _Context:
    """One article's parse, quotes and mentions (rows of `rows_of`, mentions by start)."""

    def __init__(
        self, *, doc: Doc, quotes: list[Any], mentions: list[Any], names: dict[str, str]
    ) -> None:
        self.doc = doc
        self.quotes = quotes
        self.quoted = [(int(q.start), int(q.end)) for q in self.quotes if q.kind != "indirect"]
        self.mentions = mentions
        self.names = names
        self.datelines = find_datelines(doc.text)
        #: The last explicit date of the sentence before (for "a year earlier", "that year").
        self.previous: Anchor | None = None
        #: The last quarter the article reports on so far (for "a year ago").
        self.quarter: Anchor | None = None

    def in_quote(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quoted)

    def is_date(self, start: int, end: int) -> bool:
        """Says whether spaCy tags every word at start:end of the body a date."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and all(t.ent_type_ == "DATE" for t in span)

    def tense(self, start: int, end: int, sentence: Any) -> str | None:
        """Returns the tense of the verb the date at start:end attaches to (`find_tense`)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else find_tense(find_verb_of_span(self.doc, span, sentence))

    def sentence_quotes(self, start: int, end: int) -> list[Any]:
        return [q for q in self.quotes if q.start < end and q.end > start]


def _sentence_events(sentence: Any, published: date | None, ctx: _Context) -> list[dict[str, Any]]:
    """Returns the events of a sentence: one per date phrase (actor missing when nobody is found),
    and one per speaker of its quotes at the publication date, unless a date phrase outside the
    quotes dates a statement verb of the sentence or an act of that speaker."""
    quotes = ctx.sentence_quotes(sentence.start, sentence.end)
    phrases = find_dates(
        sentence.text,
        published=published,
        is_date=lambda s, e: ctx.is_date(s + sentence.start, e + sentence.start),
        tense=lambda s, e: ctx.tense(s + sentence.start, e + sentence.start, sentence),
        previous=ctx.previous,
        quarter=ctx.quarter,
        offset=sentence.start,
    )
    ctx.quarter = ctx.quarter or next(
        (
            (p.date, p.date_end, p.precision)
            for p in phrases
            if p.date is not None and is_reported_quarter(p, published)
        ),
        None,
    )
    rows = []
    # An anchor serves this sentence and the next one only.
    ctx.previous = next(
        (
            (p.date, p.date_end, p.precision)
            for p in reversed(phrases)
            if p.kind in ANCHOR_KINDS and p.date is not None
        ),
        None,
    )
    for phrase in phrases:
        in_quote = ctx.in_quote(phrase.start, phrase.end)
        anchor = find_verb(ctx.doc, phrase, sentence)
        actor, entity_id = _actor(anchor, ctx, quotes)
        patient, thing = _patient(anchor, ctx), find_thing(anchor)
        action = anchor.lemma_.lower()
        if (noun := find_dated_noun(ctx.doc, phrase)) is not None:
            # "pointing to the 1998 treaty": the treaty's year, no act of the sentence's subject
            actor, entity_id, action = None, None, noun.lemma_.lower()
            patient, thing = _noun_patient(noun, ctx)
        day, day_end = phrase.date, phrase.date_end
        if in_quote and phrase.resolution == "relative":
            day = day_end = None  # the speaker's "today" is not the article's
        rows.append(
            _row(
                sentence,
                quote_id=_quote_of(quotes, entity_id),
                actor=actor,
                actor_entity_id=entity_id,
                patient_entity_id=patient,
                patient_thing=thing,
                action=action,
                date=day,
                date_end=day_end,
                date_text=phrase.text,
                precision=phrase.precision,
                part_of_day=phrase.part_of_day,
                resolution=phrase.resolution,
                direction=phrase.direction,
                date_note=phrase.note,
                in_quote=in_quote,
            )
        )
    dated = [r for r in rows if not r["in_quote"]]
    if any(r["action"] in STATEMENT_ACTIONS for r in dated):
        return rows  # the statement itself is dated ("X said Friday")
    actors = {r["actor"] for r in dated}  # "X resigned on May 2, saying …": said then
    speakers: set[object] = set()
    for q in quotes:
        if q.start < sentence.start or q.speaker in speakers or q.speaker in actors:
            continue  # a quote belongs to the sentence where it starts
        speakers.add(q.speaker)
        rows.append(
            _row(
                sentence,
                quote_id=int(q.quote_id),
                actor=None if pd.isna(q.speaker) else q.speaker,
                actor_entity_id=None if pd.isna(q.speaker_entity_id) else q.speaker_entity_id,
                patient_entity_id=None,
                patient_thing=None,
                action="say" if pd.isna(q.cue) else str(q.cue),
                date=published,
                date_end=None,
                date_text=None,
                precision="day",
                part_of_day=None,
                resolution="publication",
                direction=None,
                date_note=None,
                in_quote=False,
            )
        )
    return rows


def _row(sentence: Any, **values: Any) -> dict[str, Any]:
    day, day_end = values.pop("date"), values.pop("date_end")
    return {
        "article_id": sentence.article_id,
        "event_id": 0,
        "sentence_id": sentence.sentence_id,
        **values,
        "date": pd.Timestamp(day) if day else pd.NaT,
        "date_end": pd.Timestamp(day_end) if day_end else pd.NaT,
        "text": sentence.text,
    }


def _actor(verb: Token, ctx: _Context, quotes: list[Any]) -> tuple[str | None, str | None]:
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
            return _resolve(subject, ctx, quotes)
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


def _is_doc(token: Token) -> bool:
    return token.lemma_.lower() in DOC_NOUNS


def _in_dateline(token: Token, ctx: _Context) -> bool:
    return any(s <= token.idx < e for s, e in ctx.datelines)


def _resolve(subject: Token, ctx: _Context, quotes: list[Any]) -> tuple[str | None, str | None]:
    """Returns (actor, entity_id) for a subject token, found as a quote's speaker is: a name is
    its entity; a pronoun its nearest compatible antecedent that is a subject outside any
    quotation; a nominal subject ("the company") the one organisation named before whose name
    holds its words, else it is kept as written with no entity — never another entity from
    nearby."""
    found = _mention_at(subject, ctx)
    if found:
        return found
    word = subject.text.lower()
    for q in quotes:
        mention = q.speaker_mention
        if pd.notna(q.speaker) and pd.notna(mention) and str(mention).split()[-1].lower() == word:
            return str(q.speaker), str(q.speaker_entity_id)
    for child in subject.children:
        if child.dep_ == "appos" and (found := _mention_at(child, ctx)):
            return found
    lemma = subject.lemma_.lower()
    if word in _SELF:
        inside = [q for q in quotes if q.start <= subject.idx < q.end]
        if inside and pd.notna(inside[0].speaker):
            return str(inside[0].speaker), str(inside[0].speaker_entity_id)
    elif word in _PERSON_PRONOUNS:
        return _antecedent(subject, "PERSON", ctx) or (subject.text, None)
    elif word in _ORG_PRONOUNS:
        return _antecedent(subject, "ORG", ctx) or (subject.text, None)
    elif lemma in DOC_NOUNS:
        return _owner(subject, ctx) or _issuer(subject, ctx) or (_words(subject), None)
    elif lemma in ORG_NOUNS:
        return _owner(subject, ctx) or _named_by(subject, ctx) or (_words(subject), None)
    if lemma in ROLE_NOUNS:
        for token in subject.subtree:
            if (found := _mention_at(token, ctx)) and _label_at(token, ctx) == "PERSON":
                return found
    if lemma in AGENT_NOUNS or lemma in ROLE_NOUNS or subject.ent_type_ in AGENT_TYPES:
        return _words(subject), None
    return None, None  # a thing ("taxes would not rise this year"): nobody acts


def _owner(noun: Token, ctx: _Context) -> tuple[str, str] | None:
    """Returns the entity a noun names as its owner or author: "X's report", "the X report",
    "a report by X"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and (found := _mention_at(child, ctx)):
            return found
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (found := _mention_at(pobj, ctx)):
                    return found
    return None


def _issuer(noun: Token, ctx: _Context) -> tuple[str, str] | None:
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
                if found := _mention_at(who, ctx):
                    issuers.add(found)
    if len(issuers) == 1:
        return issuers.pop()
    return _main_org(ctx) if not issuers else None


def _main_org(ctx: _Context) -> tuple[str, str] | None:
    """Returns the organisation the article is about: at least 3 mentions and 60 % of its
    organisation mentions; None when there is no such one."""
    counts = Counter(m.entity_id for m in ctx.mentions if m.label == "ORG")
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    if n >= 3 and n >= 0.6 * counts.total():
        return ctx.names.get(top, top), str(top)
    return None


def _named_by(noun: Token, ctx: _Context) -> tuple[str, str] | None:
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


def _patient(verb: Token, ctx: _Context) -> str | None:
    """Returns the entity of the person an act that happens once is done to (`ONCE_ACTS`: the
    object of "killed", the subject of "was killed" or "died"), else None."""
    deps = ONCE_ACTS.get(verb.lemma_.lower())
    if deps is None:
        return None
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        for token in child.subtree:
            if (found := _mention_at(token, ctx)) and _label_at(token, ctx) == "PERSON":
                return found[1]
    return None


def _noun_patient(noun: Token, ctx: _Context) -> tuple[str | None, str | None]:
    """Returns (person entity, kind of thing) a dated noun of an act that happens once is done
    to ("Friday's strike on the air base", "the Jan. 5 strike against X"), else (None, None)."""
    for target in find_noun_objects(noun):
        if kind := kind_of(target):
            return None, kind
        for token in target.subtree:
            if (found := _mention_at(token, ctx)) and _label_at(token, ctx) == "PERSON":
                return found[1], None
    return None, None


def _mention_at(token: Token, ctx: _Context) -> tuple[str, str] | None:
    for m in ctx.mentions:
        if m.start <= token.idx < m.end:
            return ctx.names.get(m.entity_id, m.text), str(m.entity_id)
    return None


def _label_at(token: Token, ctx: _Context) -> str | None:
    return next((m.label for m in ctx.mentions if m.start <= token.idx < m.end), None)


def _antecedent(pronoun: Token, label: str, ctx: _Context) -> tuple[str, str | None] | None:
    """Returns the nearest antecedent of a pronoun: a subject outside any quotation, in the
    pronoun's sentence before it, then up to `PRONOUN_WINDOW` sentences back — never a name
    inside a quotation, never an object. For a person: the one person named as a subject in the
    nearest sentence that names one (two → None; someone nearer named, not as a subject → None).
    For "it"/"they": the nearest subject that is an organisation or an organisation noun (then as
    `_resolve` reads it); None when an organisation or a country is named nearer, not as a
    subject ("Britain's vote to leave the union it had joined": not the body named most often)."""
    sent = pronoun.sent
    spans = [(sent.start, pronoun.i)]
    prev = sent
    for _ in range(PRONOUN_WINDOW):
        if prev.start == 0:
            break
        prev = ctx.doc[prev.start - 1].sent
        spans.append((prev.start, prev.end))
    for start, end in spans:
        tokens = [
            ctx.doc[i]
            for i in range(start, end)
            if not ctx.in_quote(ctx.doc[i].idx, ctx.doc[i].idx + 1)
        ]
        subjects = [
            t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and not _in_dateline(t, ctx)
        ]
        if label == "PERSON":
            people = {
                found
                for t in subjects
                if (found := _mention_at(t, ctx)) and _label_at(t, ctx) == "PERSON"
            }
            if len(people) == 1:
                return people.pop()
            named = [t for t in tokens if _label_at(t, ctx) == "PERSON"]
            if people or (named and start < sent.start):
                return None  # two people, or someone nearer named not as a subject
            continue
        for t in reversed(subjects):
            if _label_at(t, ctx) == "ORG":
                return _mention_at(t, ctx)
            if t.lemma_.lower() in ORG_NOUNS:
                return _owner(t, ctx) or _named_by(t, ctx) or (_words(t), None)
        if any(_label_at(t, ctx) in ("ORG", "GPE") for t in tokens):
            return None  # a body or country named nearer, not as a subject: "it" may be it
    return None


def _words(subject: Token) -> str:
    tokens = list(subject.subtree)
    return " ".join(t.text for t in tokens[:8])


def _quote_of(quotes: list[Any], entity_id: str | None) -> int | None:
    """Returns the first quote of the sentence by this entity, if any."""
    mine = (
        q
        for q in quotes
        if isinstance(q.speaker_entity_id, str) and q.speaker_entity_id == entity_id
    )
    return next((int(q.quote_id) for q in mine), None)
