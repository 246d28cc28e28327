"""Placing an undated statement: the day of its occasion when the article states it, and no day
when the words that attribute it tell it as said before.

A quote whose sentence dates nothing of its speaker was placed at the article's publication
day (resolution `publication`). Read by hand on real news, that day was wrong more often than
right: a speech of "Tuesday night" reported on Wednesday, an old quote given as background.
Here such a statement takes the day the article states for the same speaker's statement or
appearance earlier in the article (resolution `occasion`), or is left undated when its cue is a
perfect or carries an adverb of an earlier or repeated time (resolution `background`). The
rules, with examples, are in docs/timeline.md ("An undated statement").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import yaml

from ..text.lexicon import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = yaml.safe_load((Path(__file__).parent / "data" / "occasions.yml").read_text())
#: Acts at which a person speaks: the speech verbs and `occasion_verbs` (data/occasions.yml).
OCCASION_ACTS = SPEECH_VERBS | frozenset(_WORDS["occasion_verbs"])
#: Acts of writing (data/occasions.yml): their day dates only a statement written too, or the
#: next sentence.
WRITTEN_ACTS = frozenset(_WORDS["written_acts"])
#: Words that name a quote's channel (the `quotes` table's `channel`, lowercase) in a sentence;
#: a channel not listed is named by itself.
CHANNEL_WORDS: dict[str, list[str]] = _WORDS["channel_words"]
#: Nouns of an occasion of speaking ("a 1990 interview", "Tuesday's speech").
OCCASION_NOUNS = frozenset(_WORDS["occasion_nouns"])
#: Verbs that say an act did not take place ("refused to appear on Thursday").
REFUSAL_VERBS = frozenset(_WORDS["refusal_verbs"])
#: Adverbs of the cue verb that tell a statement as made before ("once said", "later bragged").
BACKGROUND_ADVERBS = frozenset(_WORDS["background_adverbs"])
#: Auxiliaries of a perfect ("had said", "has long argued").
PERFECT_AUXILIARIES = frozenset({"had", "has", "have", "'d", "'ve", "’d", "’ve"})
#: Precisions of a single day: only such a day is carried to a statement after the next sentence.
DAY_PRECISIONS = frozenset({"day", "part_of_day"})
#: Resolutions of a date phrase written in the article.
STATED_RESOLUTIONS = frozenset({"explicit", "relative"})


def find_cue(doc: Doc, quote: Any, *, start: int, end: int) -> Token | None:
    """Returns the verb that attributes a quote: the first word of its sentence (body offsets
    start:end) outside the quotation whose lemma is the quote's cue; None without a one-word cue
    or when none is found."""
    cue = quote.cue if isinstance(quote.cue, str) else None
    if not cue or " " in cue:
        return None
    sentence = doc.char_span(start, end, alignment_mode="expand")
    if sentence is None:
        return None
    for token in sentence:
        inside = quote.start <= token.idx < quote.end
        if not inside and token.lemma_.lower() == cue and token.pos_ in ("VERB", "AUX"):
            return token
    return None


def is_spoken_act(verb: Token) -> bool:
    """Says whether a verb tells an act at which its subject speaks (`OCCASION_ACTS`) that took
    place and is not told as done before another: not negated ("did not appear"), refused or
    failed ("declined to testify"), nor a past perfect ("had written")."""
    if verb.lemma_.lower() not in OCCASION_ACTS or any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.lower_ in ("had", "'d", "’d") for c in verb.children if c.dep_ == "aux"):
        return False  # "it said it had written to the government on July 29": an earlier act
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSAL_VERBS)


def is_background(cue: Token | None) -> bool:
    """Says whether the cue verb tells its statement as made before, on no stated day: a perfect
    ("had said", "has long said") or an adverb of an earlier or repeated time ("once said",
    "later bragged", "previously told", but not "earlier in the day"); False without a cue."""
    if cue is None:
        return False
    words = {c.lower_ for c in cue.children if c.dep_ in ("aux", "auxpass")}
    if words & PERFECT_AUXILIARIES:  # the tagger may read "has said" as a past tense
        return True
    # an adverb with words of its own places the statement ("earlier in the day", "later that
    # night"): no background
    return any(
        c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS and not _is_placed(c)
        for c in cue.children
    )


def _is_placed(adverb: Token) -> bool:
    """Says whether words of their own place an adverb in time: its children or the preposition
    or determiner right after it ("earlier in the day", "later that night")."""
    after = adverb.doc[adverb.i + 1] if adverb.i + 1 < len(adverb.doc) else None
    return bool(list(adverb.children)) or (after is not None and after.tag_ in ("IN", "DT"))


def place_statements(rows: list[dict[str, Any]], *, published: date | None) -> list[dict[str, Any]]:
    """Gives the undated statements of one article (resolution `publication`) the day of their
    occasion when the article states it.

    The occasion of a speaker is the last event before the statement, outside quotation marks,
    whose actor is the same entity (else the same words), whose verb tells an act at which one
    speaks that took place (the row's key `spoken`, from `is_spoken_act`; the key is dropped)
    and whose date, stated in its sentence, is not after publication. It dates the statement
    when it is a single day, or when it lies in the sentence just before and quotes the speaker
    (the continuation of a dated quote: "…,” X told a magazine in May 2015. “…"); the day of a
    written act (`WRITTEN_ACTS`) reaches farther only a written statement, and a quote that
    names its channel (an interview, a statement, a tweet: the row's key `channel`, dropped)
    takes only an occasion whose sentence names it too. A carried statement may itself date the
    statement of the next sentence. A date of an occasion noun in the statement's own sentence
    ("an excerpt of a 1990 interview") dates its statements too.

    Args:
        rows: The article's event rows, in sentence order.
        published: The article's publication day.

    Returns:
        New rows, each with `occasion_sentence_id`: for a carried statement the sentence whose
        date phrase gives its day, with that phrase's date, precision, part of the day and
        direction, and resolution `occasion`; missing for the others, which are as they were.
    """
    out = [{**row, "occasion_sentence_id": None} for row in rows]
    spoken = [bool(row.pop("spoken", False)) for row in out]
    channels = [row.pop("channel", None) for row in out]
    last: dict[str, dict[str, Any]] = {}
    for row, act, channel in zip(out, spoken, channels, strict=True):
        key = _speaker_key(row)
        if act and _is_stated(row, published) and key is not None:
            last[key] = {**row, "occasion_sentence_id": row["sentence_id"]}
            continue
        if row["resolution"] != "publication" or key is None:
            continue
        source = _noun_occasion(out, row, published)
        if source is None:
            source = last.get(key)
            if source is None or not _reaches(source, row):
                continue
        if not _names(source, channel):
            continue
        # the next statement of the run may continue this one
        last[key] = {**source, "sentence_id": row["sentence_id"]}
        row.update(
            date=source["date"],
            date_end=source["date_end"],
            precision=source["precision"],
            part_of_day=source["part_of_day"],
            direction=source["direction"],
            occasion_sentence_id=source["occasion_sentence_id"],
            resolution="occasion",
        )
    return out


def _speaker_key(row: dict[str, Any]) -> str | None:
    """Returns who acts in an event row: its entity, else its words in lowercase; None."""
    entity, actor = row["actor_entity_id"], row["actor"]
    if isinstance(entity, str):
        return entity
    return actor.lower() if isinstance(actor, str) else None


def _is_stated(row: dict[str, Any], published: date | None) -> bool:
    """Says whether a row has a date phrase of its sentence, outside quotation marks, that does
    not lie after publication."""
    if row["resolution"] not in STATED_RESOLUTIONS or row["in_quote"] or pd.isna(row["date"]):
        return False
    return published is None or row["date"] <= pd.Timestamp(published)


def _noun_occasion(
    rows: list[dict[str, Any]], statement: dict[str, Any], published: date | None
) -> dict[str, Any] | None:
    """Returns the row of the statement's sentence that dates an occasion noun with no actor
    ("a 1990 interview"), if any."""
    return next(
        (
            {**r, "occasion_sentence_id": r["sentence_id"]}
            for r in rows
            if r["sentence_id"] == statement["sentence_id"]
            and r["actor"] is None
            and r["action"] in OCCASION_NOUNS
            and _is_stated(r, published)
        ),
        None,
    )


def _names(source: dict[str, Any], channel: str | None) -> bool:
    """Says whether an occasion's sentence names the channel of a statement's quote ("In the
    same interview, X told …" takes no day from "X said at a press conference in April");
    True without a channel."""
    if not isinstance(channel, str):
        return True
    words = CHANNEL_WORDS.get(channel.lower(), [channel.lower()])
    text = str(source["text"]).lower()
    return any(word in text for word in words)


def _reaches(source: dict[str, Any], statement: dict[str, Any]) -> bool:
    """Says whether an occasion may date a statement: a month or a year only in the sentence
    before (or the statement of the same run there) and when it quotes the speaker; a single
    day in the sentence before, or farther — a written one (a tweet, a letter) then only a
    statement written too ("X tweeted on Wednesday morning" does not date a later "X said",
    likely of a speech)."""
    if source["precision"] not in DAY_PRECISIONS:
        # a month or a year dates only the quote that continues a dated quote of the speaker
        # ("…,” X told a magazine in May 2015. “…"), not what follows "X spoke with Y in 2016"
        near = statement["sentence_id"] - source["sentence_id"] <= 1
        return near and not pd.isna(source["quote_id"])
    if statement["sentence_id"] - source["sentence_id"] <= 1:
        return True
    return source["action"] not in WRITTEN_ACTS or statement["action"] in WRITTEN_ACTS
