"""The `events` table: who did or said what, and when, as each article states it.

An event is a date phrase of a sentence — every one, with the actor of the verb it attaches to
(the subject, or the speaker of a quote from the `quotes` table) when one is found — or a quote
whose statement no date phrase dates: placed on the day of its occasion when the article states
it, left undated when told as background, else at the article's publication date
(`occasions`). See docs/timeline.md.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import yaml

from ..text.lexicon import SPEECH_VERBS
from .actors import ActorContext, find_actor, label_at, mention_at
from .attachment import find_dated_noun, find_tense, find_verb, find_verb_of_span
from .dates import ANCHOR_KINDS, Anchor, find_dates, is_reported_quarter
from .occasions import find_cue, is_background, is_spoken_act, place_statements
from .once_things import find_noun_objects, find_thing, kind_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Actions that all count as making a statement public (one happening can be told with any).
STATEMENT_ACTIONS = SPEECH_VERBS | frozenset("publish issue release contact post".split())
_ONCE = yaml.safe_load((Path(__file__).parent / "data" / "once_acts.yml").read_text())
#: Relative pronouns that stand for the person a relative clause describes ("X, who died").
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that"})
#: Acts that happen once to the person they are done to (data/once_acts.yml): lemma → the
#: dependencies that hold that person.
ONCE_ACTS: dict[str, tuple[str, ...]] = {
    **{lemma: ("dobj", "nsubjpass") for lemma in _ONCE["transitive"]},
    **{lemma: ("nsubj",) for lemma in _ONCE["intransitive"]},
}


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
        rows[before:] = place_statements(rows[before:], published=published)
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


class _Context(ActorContext):
    """One article's parse, quotes and mentions, and the dates read so far."""

    def __init__(
        self, *, doc: Doc, quotes: list[Any], mentions: list[Any], names: dict[str, str]
    ) -> None:
        super().__init__(doc=doc, quotes=quotes, mentions=mentions, names=names)
        #: The last explicit date of the sentence before (for "a year earlier", "that year").
        self.previous: Anchor | None = None
        #: The last quarter the article reports on so far (for "a year ago").
        self.quarter: Anchor | None = None

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
        actor, entity_id = find_actor(anchor, ctx, quotes)
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
                spoken=noun is None and is_spoken_act(anchor),
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
        # "X had said …", "X once said …": said before, on no day the article states
        background = is_background(find_cue(ctx.doc, q, start=sentence.start, end=sentence.end))
        rows.append(
            _row(
                sentence,
                quote_id=int(q.quote_id),
                actor=None if pd.isna(q.speaker) else q.speaker,
                actor_entity_id=None if pd.isna(q.speaker_entity_id) else q.speaker_entity_id,
                patient_entity_id=None,
                patient_thing=None,
                action="say" if pd.isna(q.cue) else str(q.cue),
                date=None if background else published,
                date_end=None,
                date_text=None,
                precision=None if background else "day",
                part_of_day=None,
                resolution="background" if background else "publication",
                direction=None,
                date_note=None,
                in_quote=False,
                channel=None if pd.isna(q.channel) else str(q.channel),
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


def _patient(verb: Token, ctx: _Context) -> str | None:
    """Returns the entity of the person an act that happens once is done to (`ONCE_ACTS`: the
    object of "killed", the subject of "was killed" or "died"), else None."""
    deps = ONCE_ACTS.get(verb.lemma_.lower())
    if deps is None:
        return None
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return _person_of(verb.head, ctx)  # "X, a teacher who died on Monday"
        for token in child.subtree:
            if (found := mention_at(token, ctx)) and label_at(token, ctx) == "PERSON":
                return found[1]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and "nsubjpass" in deps:
        return _person_of(verb.head, ctx)  # "X, the teacher killed on Monday"
    return None


def _person_of(noun: Token, ctx: _Context) -> str | None:
    """Returns the person entity a noun names: its own mention, or that of the name it stands
    in apposition to ("Omar Reyes, a teacher"); else None."""
    for token in (noun, noun.head) if noun.dep_ == "appos" else (noun,):
        if (found := mention_at(token, ctx)) and label_at(token, ctx) == "PERSON":
            return found[1]
    return None


def _noun_patient(noun: Token, ctx: _Context) -> tuple[str | None, str | None]:
    """Returns (person entity, kind of thing) a dated noun of an act that happens once is done
    to ("Friday's strike on the air base", "the Jan. 5 strike against X"), else (None, None)."""
    for target in find_noun_objects(noun):
        if kind := kind_of(target):
            return None, kind
        for token in target.subtree:
            if (found := mention_at(token, ctx)) and label_at(token, ctx) == "PERSON":
                return found[1], None
    return None, None


def _quote_of(quotes: list[Any], entity_id: str | None) -> int | None:
    """Returns the first quote of the sentence by this entity, if any."""
    mine = (
        q
        for q in quotes
        if isinstance(q.speaker_entity_id, str) and q.speaker_entity_id == entity_id
    )
    return next((int(q.quote_id) for q in mine), None)
