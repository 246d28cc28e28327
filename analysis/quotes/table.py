"""The `quotes` table: quotes found in each article, with their speakers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..lexicon import words
from .marks import MarkReader, Segment
from .speakers import REPORTING_VERBS, Attribution, QuoteFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: A partial quote of at most this many words with no speaker is a scare quote or a title.
SCARE_QUOTE_MAX_WORDS = 4


def find_quotes(
    article_id: str,
    doc: Doc,
    *,
    paragraphs: list[tuple[int, int]],
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Finds every quote of one article.

    Args:
        article_id: The article.
        doc: Its parsed body.
        paragraphs: (start, end) body offsets of each paragraph.
        sentences: Its rows of the `sentences` table.
        mentions: Its rows of the `mentions` table.
        entities: The `entities` table.

    Returns:
        Rows of the `quotes` table (without `quote_id`) in body order, and warnings.
    """
    labels = dict(zip(entities.entity_id, entities.label, strict=True))
    names = dict(zip(entities.entity_id, entities.name, strict=True))
    finder = QuoteFinder(article_id, doc, paragraphs, mentions.reset_index(drop=True), labels)
    body = finder.text
    reader = MarkReader(article_id, body, paragraphs)
    segments = reader.find_segments()
    quoted = [(s.start, s.end) for s in segments]
    sentence_starts = sentences.start.tolist()
    sentence_ids = sentences.sentence_id.tolist()

    def sentence_id_of(offset: int) -> int:
        index = max(0, sum(1 for s in sentence_starts if s <= offset) - 1)
        return int(sentence_ids[index])

    events: list[tuple[int, str, Any]] = [(s.start, "quote", s) for s in segments]
    events += [(int(sent.start_char), "sentence", sent) for sent in doc.sents]
    events.sort(key=lambda e: (e[0], e[1] == "quote"))
    history: list[Attribution] = []
    rows: list[dict[str, Any]] = []
    chains: dict[int, Attribution] = {}
    sents = list(doc.sents)

    def row(start: int, end: int, kind: str, who: Attribution, paragraph_id: int) -> dict[str, Any]:
        return {
            "article_id": article_id,
            "paragraph_id": paragraph_id,
            "sentence_id": sentence_id_of(start),
            "start": start,
            "end": end,
            "text": body[start:end],
            "kind": kind,
            "speaker": names.get(who.entity_id) if who.entity_id else None,
            "speaker_entity_id": who.entity_id,
            "speaker_mention": who.mention,
            "cue": who.cue,
            "channel": who.channel,
        }

    by_chain: dict[int, list[Segment]] = {}
    for s in segments:
        by_chain.setdefault(s.chain, []).append(s)
    earlier_quotes: list[tuple[str, Attribution]] = []
    for _, what, item in events:
        if what == "sentence":
            found = _indirect(finder, item, quoted, history)
            for start, end, who in found:
                history.append(who)
                rows.append(row(start, end, "indirect", who, _paragraph_of(paragraphs, start)))
            if found:
                continue
            if not any(item.start_char <= s < item.end_char for s, _ in quoted):
                # "X criticized the report." makes X the speaker of a quotation that follows.
                who, verb = finder.attribute(
                    [item], quoted, history, previous_sentence=None, next_sentence=None
                )
                if verb is not None and who.entity_id:
                    history.append(who)
            continue
        segment: Segment = item
        if segment.chain not in chains:
            chain = by_chain[segment.chain]
            first, last = chain[0], chain[-1]
            span_sents = sorted(
                {finder.sentence_of(first.start), finder.sentence_of(last.end - 1)},
                key=lambda s: s.start,
            )
            position = {s.start: i for i, s in enumerate(sents)}
            first_i, last_i = position[span_sents[0].start], position[span_sents[-1].start]
            previous = sents[first_i - 1] if first_i > 0 else None
            following = sents[last_i + 1] if last_i + 1 < len(sents) else None
            text = " ".join(body[s.start : s.end] for s in chain)
            earlier = _earlier_speaker(text, earlier_quotes) if not first.opens_sentence else None
            if earlier is not None:
                who = earlier
            else:
                who, _verb = finder.attribute(
                    list(reversed(span_sents)),
                    quoted,
                    history,
                    previous_sentence=previous,
                    next_sentence=following,
                    current=(first.start, first.end),
                )
            if who.entity_id is None and not who.cue:
                # A quotation with no verb of its own continues the previous speaker.
                prior = next((h for h in reversed(history) if h.entity_id), None)
                if (
                    prior is not None
                    and (first.opens_sentence or not _has_verb(finder, span_sents, quoted))
                    or prior is not None
                    and previous is not None
                ):
                    who = Attribution(prior.entity_id, None, None, None)
            chains[segment.chain] = who
            if who.entity_id:
                history.append(who)
            earlier_quotes.append((text, who))
        who = chains[segment.chain]
        kind = "direct" if segment.opens_sentence else "partial"
        n_words = len(words(body[segment.start : segment.end]))
        if kind == "partial" and who.entity_id is None and n_words <= SCARE_QUOTE_MAX_WORDS:
            continue  # a scare quote or a title, not anyone's statement
        rows.append(row(segment.start, segment.end, kind, who, segment.paragraph_id))
    rows.sort(key=lambda r: (r["start"], r["kind"] == "indirect"))
    return rows, reader.warnings


def _paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> int:
    return next(i for i, (s, e) in enumerate(paragraphs) if s <= offset <= e)


def _has_verb(finder: QuoteFinder, sents: Iterable[Span], quoted: list[tuple[int, int]]) -> bool:
    return any(
        t.pos_ in ("VERB", "AUX") and not any(s <= t.idx < e for s, e in quoted)
        for sent in sents
        for t in sent
    )


def _earlier_speaker(text: str, earlier: list[tuple[str, Attribution]]) -> Attribution | None:
    said = " ".join(words(text))
    if not said:
        return None
    for previous, who in reversed(earlier):
        if who.entity_id and said in " ".join(words(previous)):
            return Attribution(who.entity_id, None, None, None)
    return None


def _indirect(
    finder: QuoteFinder, sent: Span, quoted: list[tuple[int, int]], history: list[Attribution]
) -> list[tuple[int, int, Attribution]]:
    """Returns the indirect quotes of a sentence: (start, end, attribution) per reporting verb."""

    def outside(token: Token) -> bool:
        return not any(s <= token.idx < e for s, e in quoted)

    found: list[tuple[int, int, Attribution]] = []
    for token in sent:
        if not outside(token):
            continue
        lemma = token.lemma_.lower()
        clause: list[Token] = []
        if lemma in REPORTING_VERBS and token.pos_ == "VERB":
            clause = [c for c in token.children if c.dep_ in ("ccomp",)]
        elif lemma == "accuse":
            clause = [c for c in token.children if c.dep_ in ("dobj", "prep")]
        elif token.lower_ == "according" and token.i + 1 < len(finder.doc):
            to = finder.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                main = [t for t in sent if t.dep_ == "ROOT"]
                if main:
                    words = [t for t in main[0].subtree if t.i > objects[0].i and not t.is_punct]
                    if _unquoted_words(words, quoted):
                        who = finder.resolve(objects[0], history)
                        who.cue, who.channel = "according to", finder.channel_of(sent, quoted)
                        found.append((words[0].idx, words[-1].idx + len(words[-1]), who))
            continue
        if not clause:
            continue
        words = sorted({t for c in clause for t in c.subtree}, key=lambda t: t.i)
        words = [t for t in words if not (t.is_punct and t.text not in '”"')]
        if not words or not _unquoted_words(words, quoted):
            continue
        subject = finder.subject_of(token)
        if subject is None:
            continue
        who = finder.resolve(subject, history)
        who.cue = lemma
        who.channel = finder.channel_of(sent, quoted)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if finder.text[start:end].lower().startswith("that "):
            start += 5
        found.append((start, end, who))
    return found


def _unquoted_words(words: list[Token], quoted: list[tuple[int, int]]) -> bool:
    free = [
        t
        for t in words
        if t.is_alpha and t.lower_ != "that" and not any(s <= t.idx < e for s, e in quoted)
    ]
    return bool(free)


def tabulate_quotes(
    docs: dict[str, Doc],
    *,
    paragraphs: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Finds the quotes of every article.

    Args:
        docs: Parsed bodies by article id.
        paragraphs: The `paragraphs` table.
        sentences: The `sentences` table.
        mentions: The `mentions` table.
        entities: The `entities` table.

    Returns:
        Rows of the `quotes` table and the warnings about unbalanced quote marks.
    """
    rows: list[dict[str, Any]] = []
    warnings: list[str] = []
    for article_id, doc in docs.items():
        spans = [
            (int(s), int(e))
            for s, e in paragraphs.loc[
                paragraphs.article_id == article_id, ["start", "end"]
            ].itertuples(index=False)
        ]
        found, warned = find_quotes(
            article_id,
            doc,
            paragraphs=spans,
            sentences=sentences[sentences.article_id == article_id],
            mentions=mentions[mentions.article_id == article_id],
            entities=entities,
        )
        for i, r in enumerate(found):
            r["quote_id"] = i
        rows += found
        warnings += warned
    return rows, warnings
