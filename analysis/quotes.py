"""Quotes: every direct, partial and indirect quote, with who said it.

1. **Quote marks** are read paragraph by paragraph: curly marks open (“ « „) or close (” »);
   a straight mark (") opens after a space or a paragraph start and closes after a word. A quote
   still open at a paragraph's end continues when the next paragraph reopens with a mark (the
   multi-paragraph convention), or — for a long statement closed once at its end — when the next
   paragraphs hold no mark until one closes. Otherwise it ends at the paragraph's end and a warning
   is recorded: a quote never runs into an unrelated paragraph. Single quotes are left alone
   (apostrophes, nested quotes).
2. **Kind**: `direct` when the quote opens a sentence (at a paragraph start, after a sentence end
   or a colon) or continues one; `partial` when it sits inside the reporter's own sentence.
3. **Speaker**, first that applies: a partial quote repeating words quoted earlier in the article
   belongs to whoever said them first; an attribution verb (`cue`, see `SPEECH_VERBS`) outside the
   quote in its sentences, or in a dash line right after it ("– Pokalchuk wrote."), or in the
   sentence before when that ends with a colon; "according to X"; otherwise a quotation with no
   verb of its own continues the previous speaker. The verb's subject is resolved: a name →
   its entity; he/she → the previous person speaker (machine-translated copies get the pronoun
   wrong, so gender is not used); it/they or "the organization", "the watchdog", … → the previous
   organisation speaker; "the report", "the study" → the organisation mentioned most in the
   article; "the head of …" → the nearest person named in the next paragraphs; any other
   description → the previous speaker.
4. **Indirect quotes**: a speech verb with a reported clause (`X said (that) …`, `X argued that …`),
   `X accused Y of …`, `according to X, …` — when the reported clause has words outside quote
   marks besides "that".
5. A short partial quote with no speaker (a scare quote or a title) is not a quote of anyone and
   is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import yaml

from .corpus import CorpusError
from .lexicon import ROLE_NOUNS, SPEECH_VERBS, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
#: Verbs whose reported clause makes an indirect quote.
REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "write",
        "tweet",
        "post",
        "add",
        "argue",
        "claim",
        "stress",
        "explain",
        "announce",
        "insist",
        "deny",
        "warn",
        "note",
        "state",
        "reiterate",
        "continue",
        "allege",
        "assert",
        "declare",
        "emphasize",
        "emphasise",
        "admit",
        "acknowledge",
        "suggest",
        "conclude",
        "confirm",
        "report",
    ]
)
#: Entity types that can be a speaker ("Ukraine said" is a government speaking).
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})
PERSON_PRONOUNS = frozenset(["he", "she", "him", "her"])
ORG_PRONOUNS = frozenset(["it", "they", "them"])
ORG_NOUNS = frozenset(
    [
        "organization",
        "organisation",
        "watchdog",
        "group",
        "body",
        "agency",
        "ngo",
        "charity",
        "movement",
        "office",
    ]
)
DOCUMENT_NOUNS = frozenset(
    ["report", "study", "research", "statement", "release", "paper", "document"]
)
CHANNELS = (
    ("Facebook", re.compile(r"\bFacebook\b")),
    ("Twitter", re.compile(r"\b(?:Twitter|tweet(?:s|ed)?)\b", re.IGNORECASE)),
    ("Telegram", re.compile(r"\bTelegram\b")),
    ("press release", re.compile(r"\bpress release\b", re.IGNORECASE)),
    ("interview", re.compile(r"\binterview\b", re.IGNORECASE)),
    ("statement", re.compile(r"\bstatement\b", re.IGNORECASE)),
    ("letter", re.compile(r"\bletter\b", re.IGNORECASE)),
)
#: A partial quote of at most this many words with no speaker is a scare quote or a title.
SCARE_QUOTE_MAX_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?…][”\"’)]*\s*$")


class QuoteWarning(UserWarning):
    """Quote marks that do not balance; extraction recovered at a paragraph boundary."""


@dataclass
class Segment:
    """The quoted words of one quote in one paragraph (`start`/`end`: body offsets, no marks)."""

    start: int
    end: int
    paragraph_id: int
    chain: int  # segments of one multi-paragraph quote share a chain
    opens_sentence: bool


@dataclass
class Attribution:
    """Who said something, and how the text says so."""

    entity_id: str | None = None
    mention: str | None = None
    cue: str | None = None
    channel: str | None = None
    label: str | None = None


@dataclass
class QuoteFinder:
    """Finds the quotes of one article (see the module docstring)."""

    article_id: str
    doc: Doc
    paragraphs: list[tuple[int, int]]
    mentions: pd.DataFrame  # this article's mentions
    labels: dict[str, str]  # entity_id → label
    warnings: list[str] = field(default_factory=list)
    text: str = ""  # the body (spaCy rebuilds `doc.text` on every access)

    def __post_init__(self) -> None:
        self.text = self.doc.text

    # --- 1. quote marks ---------------------------------------------------------------------

    def find_segments(self) -> list[Segment]:
        """Returns the quoted runs of the body, one per paragraph they touch."""
        marks = [self._marks(start, end) for start, end in self.paragraphs]
        segments: list[Segment] = []
        chain, reopen, long_until = -1, False, -1
        for p, (p_start, p_end) in enumerate(self.paragraphs):
            pending = list(marks[p])
            open_at: int | None = None
            opens = False
            if p <= long_until:  # inside a long statement closed once at its end
                if p < long_until or not pending:
                    self._add(segments, p_start, p_end, p, chain, True)
                    continue
                self._add(segments, p_start, pending.pop(0)[0], p, chain, True)
            elif reopen:  # the paragraph reopens the quote of the one before
                open_at, opens = pending.pop(0)[0] + 1, True
            reopen = False
            for position, role in pending:
                if role == "open":
                    if open_at is not None:
                        self.warnings.append(
                            f"{self.article_id}: a quote opens at {position} inside another"
                        )
                        self._add(segments, open_at, position, p, chain, opens)
                    chain += 1
                    open_at, opens = position + 1, self._opens_sentence(position, p_start)
                elif open_at is not None:
                    self._add(segments, open_at, position, p, chain, opens)
                    open_at = None
                else:
                    self.warnings.append(
                        f"{self.article_id}: a closing quote mark at {position} closes nothing"
                    )
            if open_at is not None:
                self._add(segments, open_at, p_end, p, chain, opens)
                follow = self._continuation(p, marks)
                if follow == "reopen":
                    reopen = True
                elif isinstance(follow, list) and follow:
                    long_until = follow[-1]
                else:
                    self.warnings.append(
                        f"{self.article_id}: the quote opened in paragraph {p} is not closed; "
                        "it ends with the paragraph"
                    )
        return segments

    def _marks(self, start: int, end: int) -> list[tuple[int, str]]:
        text = self.text
        marks = []
        for i in range(start, end):
            ch = text[i]
            if ch in OPENING:
                marks.append((i, "open"))
            elif ch in CLOSING:
                marks.append((i, "close"))
            elif ch == STRAIGHT:
                before = text[i - 1] if i > start else " "
                after = text[i + 1] if i + 1 < end else " "
                opens = (before.isspace() or before in "([—–-") and not after.isspace()
                marks.append((i, "open" if opens else "close"))
        return marks

    def _continuation(self, p: int, marks: list[list[tuple[int, str]]]) -> str | list[int]:
        if (
            p + 1 < len(marks)
            and marks[p + 1]
            and marks[p + 1][0]
            == (
                self.paragraphs[p + 1][0],
                "open",
            )
        ):
            return "reopen"
        for q in range(p + 1, len(marks)):
            if marks[q]:
                return list(range(p + 1, q + 1)) if marks[q][0][1] == "close" else []
        return []

    def _opens_sentence(self, position: int, paragraph_start: int) -> bool:
        before = self.text[paragraph_start:position].rstrip()
        return not before or before.endswith(":") or bool(_SENTENCE_END.search(before))

    def _add(
        self, segments: list[Segment], start: int, end: int, p: int, chain: int, opens: bool
    ) -> None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            segments.append(Segment(start, end, p, chain, opens))

    # --- 3. speakers --------------------------------------------------------------------------

    def sentence_of(self, offset: int) -> Span:
        """Returns the sentence holding a body offset."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        assert span is not None, f"offset {offset} is outside the body"
        return span.sent

    def attribute(
        self,
        sentences: list[Span],
        quoted: list[tuple[int, int]],
        history: list[Attribution],
        *,
        previous_sentence: Span | None,
        next_sentence: Span | None,
        current: tuple[int, int] | None = None,
    ) -> tuple[Attribution, Token | None]:
        """Finds who said the quoted words of some sentences; returns it and the verb used."""
        for sent in sentences:
            found = self._attribution_in(sent, quoted, history, current)
            if found[0].entity_id or found[1] is not None:
                return found
        if next_sentence is not None and next_sentence.text[:1] in "–—-":
            found = self._attribution_in(next_sentence, quoted, history)
            if found[1] is not None:
                return found
        if previous_sentence is not None and previous_sentence.text.rstrip().endswith(":"):
            found = self._attribution_in(previous_sentence, quoted, history)
            if found[1] is not None:
                return found
        return Attribution(), None

    def _attribution_in(
        self,
        sent: Span,
        quoted: list[tuple[int, int]],
        history: list[Attribution],
        current: tuple[int, int] | None = None,
    ) -> tuple[Attribution, Token | None]:
        def outside(token: Token) -> bool:
            return not any(s <= token.idx < e for s, e in quoted)

        for token in sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc):
                to = self.doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if to.lower_ == "to" and objects and outside(token):
                    who = self.resolve(objects[0], history)
                    who.cue, who.channel = "according to", self.channel_of(sent, quoted)
                    return who, token
        verbs = [t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"]
        verbs = [v for v in verbs if outside(v)]
        if not verbs:
            return Attribution(), None
        inside = [t for t in sent if current and current[0] <= t.idx < current[1]]
        governing = [a for t in inside[:1] for a in t.ancestors if a in verbs]
        anchor = current[1] if current else sent.start_char
        depth = {v: i for i, v in reversed(list(enumerate(governing)))}
        verbs.sort(key=lambda v: (depth.get(v, 99), v.idx < anchor, abs(v.idx - anchor)))
        for verb in verbs:
            subject = self.subject_of(verb)
            if subject is not None and outside(subject):
                who = self.resolve(subject, history)
                who.cue = verb.lemma_.lower()
                who.channel = self.channel_of(sent, quoted)
                return who, verb
        return Attribution(), None

    @staticmethod
    def subject_of(verb: Token) -> Token | None:
        """Returns a verb's subject, climbing from "…, adding:" or "writing that" to its head."""
        seen = 0
        while verb is not None and seen < 4:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
            if (
                verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl")
                and verb.head != verb
            ):
                head = verb.head
                if verb.dep_ in ("relcl", "acl") and (
                    head.pos_ in ("PROPN", "PRON")
                    or head.lemma_.lower() in ROLE_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS
                ):
                    return head
                if verb.dep_ in ("relcl", "acl"):
                    verb = head.head  # "in a post announcing …" → the verb governing "post"
                    seen += 1
                    continue
                verb = verb.head
                seen += 1
            else:
                return None
        return None

    def resolve(self, token: Token, history: list[Attribution]) -> Attribution:
        """Resolves the word naming a speaker to an entity (see the module docstring)."""
        if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl":
            token = token.head.head
        for apposition in (c for c in token.children if c.dep_ == "appos"):
            end = apposition.idx + len(apposition)
            named = self._mention_in(apposition.left_edge.idx, end)
            if named is not None and self.labels.get(named) in ("PERSON", "ORG"):
                return Attribution(named, self.text[token.idx : end], label=self.labels.get(named))
        words = self._speaker_words(token)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        mention = self._mention_in(start, end)
        label = f"{self.text[start:end]}"
        if mention is not None and self.labels.get(mention) in SPEAKER_LABELS:
            return Attribution(mention, label, label=self.labels.get(mention))
        if token.tag_ in ("NNS", "NNPS"):
            return Attribution(None, label)  # "officials", "experts": no one in particular
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            near = self._antecedent(token, "PERSON")
            return Attribution(near or self._previous(history, "PERSON"), label)
        if lower in ORG_PRONOUNS:
            near = self._antecedent(token, "ORG")
            return Attribution(near or self._previous(history, "ORG"), label)
        lemma = token.lemma_.lower()
        if lemma in DOCUMENT_NOUNS:
            return Attribution(self._main_org(), label)
        if lemma in ORG_NOUNS:
            return Attribution(self._previous(history, "ORG") or self._main_org(), label)
        if lemma in ROLE_NOUNS:
            nearest = self._nearest_person(token.idx)
            if nearest:
                return Attribution(nearest, label)
        previous = next((h.entity_id for h in reversed(history) if h.entity_id), None)
        return Attribution(previous, label)

    def _speaker_words(self, token: Token) -> list[Token]:
        keep = {"compound", "flat", "amod", "nmod", "det"}
        left = [c for c in token.lefts if c.dep_ in keep]
        words = sorted({token, *[t for c in left for t in c.subtree]}, key=lambda t: t.i)
        # Stop at punctuation (appositions, relative clauses).
        i = words.index(token)
        first = i
        while (
            first > 0 and not words[first - 1].is_punct and words[first - 1].i == words[first].i - 1
        ):
            first -= 1
        return words[first : i + 1]

    def _mention_in(self, start: int, end: int) -> str | None:
        m = self.mentions
        hits = m[(m.start < end) & (m.end > start)]
        if hits.empty:
            return None
        people = hits[hits.entity_id.map(self.labels).isin(["PERSON", "ORG"])]
        chosen = people if not people.empty else hits
        return str(chosen.entity_id.iloc[-1])

    def _antecedent(self, pronoun: Token, label: str) -> str | None:
        """The last entity of a label named before the pronoun in its sentence, else in the
        sentence before."""
        sent = pronoun.sent
        before = sent.start_char
        previous = self.doc[sent.start - 1].sent if sent.start > 0 else None
        m = self.mentions[self.mentions.entity_id.map(self.labels) == label]
        here = m[(m.start >= before) & (m.end <= pronoun.idx)]
        if here.empty and previous is not None:
            here = m[(m.start >= previous.start_char) & (m.end <= previous.end_char)]
        return str(here.entity_id.iloc[-1]) if not here.empty else None

    def _previous(self, history: list[Attribution], label: str) -> str | None:
        for h in reversed(history):
            if h.entity_id and self.labels.get(h.entity_id) == label:
                return h.entity_id
        fallback = self.mentions[self.mentions.entity_id.map(self.labels) == label]
        return str(fallback.entity_id.iloc[-1]) if not fallback.empty else None

    def _main_org(self) -> str | None:
        orgs = self.mentions[self.mentions.entity_id.map(self.labels) == "ORG"]
        return str(orgs.entity_id.value_counts().index[0]) if not orgs.empty else None

    def _nearest_person(self, offset: int) -> str | None:
        people = self.mentions[self.mentions.entity_id.map(self.labels) == "PERSON"]
        if people.empty:
            return None
        distance = (people.start - offset).abs()
        return str(people.entity_id.iloc[int(distance.to_numpy().argmin())])

    def channel_of(self, sent: Span, quoted: list[tuple[int, int]]) -> str | None:
        """Returns the channel the sentence names outside the quote (Facebook, statement, …)."""
        start, end = sent.start_char, sent.end_char
        chars = list(self.text[start:end])
        for q0, q1 in quoted:
            for i in range(max(q0, start), min(q1, end)):
                chars[i - start] = " "
        text = "".join(chars)
        for name, pattern in CHANNELS:
            if pattern.search(text):
                return name
        return None


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
    segments = finder.find_segments()
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
    return rows, finder.warnings


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


ACTORS_FILE = "actors.yml"
OTHER_GROUP = "other"
UNKNOWN_SPEAKER = "unknown"


def read_actors(path: str | Path) -> dict[str, str]:
    """Reads the speaker groups of `corpus/actors.yml`.

    Args:
        path: The file (group name → list of canonical speaker names); missing means no groups.

    Returns:
        The group of each listed speaker.

    Raises:
        CorpusError: The file is not a mapping of group names to lists, or a speaker is in two
            groups.
    """
    path = Path(path)
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise CorpusError(f"{path}: expected group names, each with a list of speaker names.")
    groups: dict[str, str] = {}
    for group, speakers in data.items():
        for speaker in speakers:
            if speaker in groups:
                raise CorpusError(
                    f"{path}: {speaker!r} is in both {groups[speaker]!r} and {group!r}; keep one."
                )
            groups[str(speaker)] = str(group)
    return groups


def group_speakers(quotes: pd.DataFrame, actors: dict[str, str]) -> pd.Series:
    """Returns each quote's speaker group ("other" when unlisted, "unknown" without speaker)."""
    return quotes.speaker.map(
        lambda s: UNKNOWN_SPEAKER if not isinstance(s, str) else actors.get(s, OTHER_GROUP)
    ).astype("str")
