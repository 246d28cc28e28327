"""Speakers: who said a quote, and how the text says so (see the package docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from ..lexicon import ROLE_NOUNS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
