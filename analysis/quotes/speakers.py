"""Speakers: who said a quote, and how the text says so (see the package docstring)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS, gender_of_given_name
from .clauses import (
    bound_by_pronoun,
    is_speech_verb,
    is_subordinate,
    reporting_verb_above,
)
from .cues import (
    DOCUMENT_NOUNS,
    GENDER_BEFORE,
    GENDER_WORDS,
    GENERIC_ORG_NOUNS,
    NAME_TITLES,
    ORG_NOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    PRONOUN_NEAR,
    PRONOUN_WINDOW,
    REMARK_NOUNS,
    ROUNDUP_LEAD,
    SPEAKER_LABELS,
    find_channel,
)
from .marks import Quoted
from .named import Mention, MentionIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class Attribution:
    """Who said something, and how the text says so.

    `how` is the `attribution` column: cue, pronoun, according_to, colon, governing_verb,
    roundup, follow_on, repeated or none.
    """

    entity_id: str | None = None
    mention: str | None = None
    cue: str | None = None
    channel: str | None = None
    label: str | None = None
    how: str = "none"
    at: int = -1  # body offset where it was given


@dataclass
class QuoteFinder:
    """Finds the speakers of one article's quotes (see the package docstring)."""

    article_id: str
    doc: Doc
    paragraphs: list[tuple[int, int]]
    mentions: MentionIndex  # this article's mentions, datelines and bylines left out
    labels: Mapping[str, str]  # entity_id → label
    text: str = ""  # the body (spaCy rebuilds `doc.text` on every access)
    names: Mapping[str, str] = field(default_factory=dict)  # entity_id → canonical name
    genders: dict[str, str] = field(default_factory=dict)
    name_genders: dict[str, str] = field(default_factory=dict)  # read from given names
    quoted: Quoted = field(default_factory=Quoted)  # every quoted span
    bylines: list[tuple[int, int]] = field(default_factory=list)  # datelines and bylines
    # Per token (by index), read once: spaCy builds a Token and looks its strings up per access.
    lowers: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)  # lowercased
    offsets: list[int] = field(default_factory=list)  # `Token.idx`
    _channels: dict[tuple[int, int], str | None] = field(default_factory=dict)  # by sentence

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        for t in self.doc:
            self.lowers.append(t.lower_)
            self.lemmas.append(t.lemma_.lower())
            self.offsets.append(t.idx)
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            found = GENDER_BEFORE.search(self.text[max(0, m.start - 25) : m.start].lower())
            if found:
                self.genders.setdefault(m.entity_id, GENDER_WORDS[found[1]])
        self.name_genders = self._given_name_genders()
        for entity_id, gender in self.name_genders.items():
            self.genders.setdefault(entity_id, gender)
        for sent in self.doc.sents:
            people = set(self._people_in(sent.start_char, sent.end_char))
            if len(people) != 1:
                continue
            words = self.lowers[sent.start : sent.end]
            said = {PERSON_PRONOUNS[w] for w in words if w in PERSON_PRONOUNS}
            said |= {"m" for w in words if w == "his"}
            if len(said) == 1:
                self.genders.setdefault(people.pop(), said.pop())

    def _given_name_genders(self) -> dict[str, str]:
        """Returns the gender of each person whose given name, in this article's mentions
        ("Margaret Hale") or else in the entity's name, is a common name of one gender; a person
        whose names give both genders (a merge of two people) is left out."""
        found: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.label == "PERSON":
                gender = _given_name_gender(m.text)
                if gender is not None:
                    found.setdefault(m.entity_id, set()).add(gender)
        for entity_id in {m.entity_id for m in self.mentions if m.label == "PERSON"}:
            if entity_id not in found and entity_id in self.names:
                gender = _given_name_gender(self.names[entity_id])
                if gender is not None:
                    found[entity_id] = {gender}
        return {e: g.pop() for e, g in found.items() if len(g) == 1}

    def sentence_of(self, offset: int) -> Span:
        """Returns the sentence holding a body offset."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        assert span is not None, f"offset {offset} is outside the body"
        return span.sent

    def text_of(self, span: Span) -> str:
        """Returns a span's text (`Span.text`, without joining its tokens again)."""
        return self.text[span.start_char : span.end_char]

    def outside_quotes(self, offset: int) -> bool:
        """Returns whether a body offset is outside every quote."""
        return not self.quoted.covers(offset)

    def mention_at(self, offset: int) -> str | None:
        """Returns the entity named at a body offset, if any."""
        return self._mention_in(offset, offset + 1)

    def in_byline(self, offset: int) -> bool:
        """Returns whether a body offset is in a dateline or a byline."""
        return bool(self.bylines) and any(s <= offset < e for s, e in self.bylines)

    def paragraph_span(self, offset: int) -> tuple[int, int]:
        """Returns the (start, end) of the paragraph holding a body offset."""
        return next(((s, e) for s, e in self.paragraphs if s <= offset < e), (0, len(self.text)))

    def attribute(
        self,
        sentences: list[Span],
        history: list[Attribution],
        *,
        previous_sentence: Span | None,
        next_sentence: Span | None,
        current: tuple[int, int] | None = None,
        within: tuple[int, int] | None = None,
    ) -> tuple[Attribution, Token | None]:
        """Finds who said the quoted words of some sentences.

        Args:
            sentences: The sentences holding the quote, last first.
            history: The attributions given so far, in body order.
            previous_sentence: The sentence before the quote (read when it ends with a colon).
            next_sentence: The sentence after (read when it is a dash line).
            current: The quote being attributed.
            within: Only words in this span count (the quote's paragraphs).

        Returns:
            The attribution (its `how` says which rule found it) and the word that cues it.
        """
        for sent in sentences:
            found = self._attribution_in(sent, history, current, within)
            if found[1] is not None:
                return found
        if next_sentence is not None and self.text_of(next_sentence)[:1] in "–—-":
            found = self._attribution_in(next_sentence, history)
            if found[1] is not None:
                found[0].how = "roundup" if found[0].how == "cue" else found[0].how
                return found
            named = self._roundup_name(next_sentence)
            if named is not None:
                return named, next_sentence[0]
            if next_sentence.text[1:2] == " " and next_sentence.text.rstrip()[-1:] not in ".!?":
                # "— a reader in Eastfield": a roundup line naming no one.
                line = next_sentence.text.strip(" –—-\n")
                return Attribution(mention=line, how="roundup"), next_sentence[0]
        if previous_sentence is not None and self.text_of(previous_sentence).rstrip()[-1:] in ":,":
            found = self._attribution_in(previous_sentence, history)
            if found[1] is None:
                found = self._document_intro(previous_sentence, history)
            if found[1] is not None:
                if found[0].how == "cue":
                    found[0].how = "colon"
                return found
        opener = self._named_before_colon(current[0]) if current is not None else None
        if opener is not None:
            word = self.doc[bisect_left(self.offsets, opener.start)]
            return Attribution(opener.entity_id, opener.text, how="colon"), word
        return Attribution(), None

    def _named_before_colon(self, quote_start: int) -> Mention | None:
        """ "… pollster X: “…”": the person named right before the colon that opens the
        quotation, outside any quotation, not as the object of a preposition."""
        before = [
            m
            for m in self.mentions.within(max(0, quote_start - 200), quote_start)
            if m.label == "PERSON" and not self.quoted.covers(m.start)
        ]
        if not before or not _COLON_OPENS.fullmatch(self.text[before[-1].end : quote_start]):
            return None
        head = self.doc[bisect_left(self.offsets, before[-1].end) - 1]
        while head.dep_ in ("compound", "flat") and head.head != head:
            head = head.head
        # "… her interview with X: “…”" asks X, it is not X's answer.
        return None if head.dep_ in ("pobj", "poss") else before[-1]

    def _document_intro(
        self, sent: Span, history: list[Attribution]
    ) -> tuple[Attribution, Token | None]:
        """ "X released the following statement:" before a quotation: the subject of a verb
        whose object is a document noun, in a sentence ending with a colon."""
        if not self.text_of(sent).rstrip().endswith(":"):
            return Attribution(), None
        for t in sent:
            if t.dep_ == "dobj" and t.lemma_.lower() in DOCUMENT_NOUNS and t.head.pos_ == "VERB":
                subject = self.subject_of(t.head)
                if subject is not None and not self.quoted.covers(subject.idx):
                    who = self.resolve(subject, history)
                    who.cue, who.channel = t.head.lemma_.lower(), self.channel_of(sent)
                    return who, t.head
        return Attribution(), None

    def _roundup_name(self, line: Span) -> Attribution | None:
        """ "— Name, Outlet" after a quote: the person or organisation named first on the dash
        line, with at most abbreviated titles ("Prof.", "Dr.") before it."""
        hits = self.mentions.within(line.start_char, line.end_char)
        first = next((m for m in hits if m.label in ("PERSON", "ORG")), None)
        if first is None:
            return None
        if not ROUNDUP_LEAD.fullmatch(self.text[line.start_char : first.start]):
            return None
        return Attribution(first.entity_id, first.text, how="roundup")

    def _attribution_in(
        self,
        sent: Span,
        history: list[Attribution],
        current: tuple[int, int] | None = None,
        within: tuple[int, int] | None = None,
    ) -> tuple[Attribution, Token | None]:
        def outside(token: Token) -> bool:
            inside_span = within is None or within[0] <= token.idx < within[1]
            return inside_span and not self.quoted.covers(token.idx)

        indices = range(sent.start, sent.end)
        inside = []  # the sentence's first word inside the current quote
        if current:
            first = bisect_left(self.offsets, current[0], sent.start, sent.end)
            if first < sent.end and self.offsets[first] < current[1]:
                inside = [self.doc[first]]
        for t in inside:
            # X's "…" remark
            for noun in t.ancestors:
                if noun.lemma_.lower() in REMARK_NOUNS and outside(noun):
                    owner = [c for c in noun.children if c.dep_ == "poss"]
                    if owner and outside(owner[0]):
                        who = self.resolve(owner[0], history)
                        who.cue, who.how = noun.lemma_.lower(), "governing_verb"
                        return who, noun
                    break
        verbs = [self.doc[i] for i in indices if self.lemmas[i] in SPEECH_VERBS]
        verbs = [v for v in verbs if is_speech_verb(v) and outside(v)]
        if not verbs:
            return self._according_to(sent, history, outside)
        governing = [a for t in inside[:1] for a in t.ancestors if a in verbs]
        if inside:
            # "After X criticized Y, Z hit back, “…”": a speech verb of a subordinate clause
            # that does not govern the quote is not its cue.
            verbs = [v for v in verbs if v in governing or not is_subordinate(v)]
            if not verbs:
                return self._according_to(sent, history, outside)
        anchor = current[1] if current else sent.start_char
        depth = {v: i for i, v in reversed(list(enumerate(governing)))}
        verbs.sort(key=lambda v: (depth.get(v, 99), v.idx < anchor, abs(v.idx - anchor)))
        for verb in verbs:
            subject = self.subject_of(verb, keep=outside)
            if subject is not None and outside(subject):
                who = self.resolve(subject, history)
                who.cue = verb.lemma_.lower()
                who.channel = self.channel_of(sent)
                if who.how == "cue" and verb in depth and current and not self._opens(current):
                    who.how = "governing_verb"
                return who, verb
        for verb in verbs:
            named = self._next_to(verb, sent)
            if named is not None:
                channel = self.channel_of(sent)
                who = Attribution(
                    named.entity_id, named.text, verb.lemma_.lower(), channel, how="cue"
                )
                return who, verb
        return self._according_to(sent, history, outside)

    def _next_to(self, verb: Token, sent: Span) -> Mention | None:
        """The person or organisation a speech verb without a subject stands next to, in a
        sentence whose words outside the quotation start with it: "Stated X:" (right after the
        verb) or "“…,” X, founder of Y, tells Z" (right before it, an apposition between)."""
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        start = sent.start_char
        verb_end = verb.idx + len(verb)
        people = [
            m
            for m in self.mentions.within(start, sent.end_char)
            if m.label in ("PERSON", "ORG") and not self.quoted.covers(m.start)
        ]
        for m in people:
            if not _UNWORDED.fullmatch(self._unquoted(start, min(m.start, verb.idx))):
                continue  # words outside the quotation before it: not the sentence's opening
            if m.start > verb.idx and not self.text[verb_end : m.start].strip():
                return m  # "Stated X:"
            between = self.text[m.end : verb.idx]
            if m.end <= verb.idx and (not between.strip() or _APPOSITION.fullmatch(between)):
                return m  # "“…,” X tells", "“…,” X, founder of Y, tells"
        return None

    def _unquoted(self, start: int, end: int) -> str:
        """The text between two offsets with quoted spans blanked out."""
        chars = list(self.text[start:end])
        for q0, q1 in self.quoted.overlapping(start, end):
            for i in range(max(q0, start), min(q1, end)):
                chars[i - start] = " "
        return "".join(chars)

    def _according_to(
        self, sent: Span, history: list[Attribution], outside: Callable[[Token], bool]
    ) -> tuple[Attribution, Token | None]:
        """ "according to X" outside the quote: the speech verb's own subject, when the
        sentence has one, wins over it ("X said …, according to a video")."""
        for i in range(sent.start, sent.end):
            if self.lowers[i] == "according" and i + 1 < len(self.doc):
                token, to = self.doc[i], self.doc[i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if to.lower_ == "to" and objects and outside(token):
                    who = self.resolve(objects[0], history)
                    who.cue, who.channel = "according to", self.channel_of(sent)
                    who.how = "according_to"
                    return who, token
        return Attribution(), None

    def _opens(self, span: tuple[int, int]) -> bool:
        before = self.text[self.paragraph_span(span[0])[0] : span[0]].rstrip(' “"«„')
        return not before or before[-1] in ".!?:…"

    @staticmethod
    def subject_of(verb: Token, *, keep: Callable[[Token], bool] | None = None) -> Token | None:
        """Returns a verb's subject, climbing from "…, adding:" or "writing that" to its head.

        With `keep`, only subjects it accepts count: a word inside the quotation that the parser
        also made a subject of the speech verb is passed over for the one outside it."""
        seen = 0
        reporter = reporting_verb_above(verb)
        if reporter is not None:
            verb = reporter  # "X said Y must pick a date, saying …": X's participle
        while verb is not None and seen < 4:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if keep is not None and len(subjects) > 1:
                subjects = [c for c in subjects if keep(c)] or subjects
            if subjects:
                return subjects[0]
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
                verb = verb.head.head  # "X won applause upon saying …" → the verb "upon" hangs on
                seen += 1
                continue
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
        """Resolves the words naming a speaker (see docs/quotes.md).

        Returns:
            The attribution: `mention` keeps the words as written; `entity_id` is set only when
            the words are that entity (a name, an alias), a pronoun with one compatible
            antecedent before it, or a description the article ties to one entity.
        """
        if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl":
            token = token.head.head
        own = self._own_mention(token)
        appositions = [] if own is not None else token.children
        for apposition in (c for c in appositions if c.dep_ == "appos"):
            end = apposition.idx + len(apposition)
            named = self._mention_in(apposition.left_edge.idx, end)
            if named is not None and self.labels.get(named) in ("PERSON", "ORG"):
                return Attribution(named, self.text[token.idx : end], how="cue")
        words = self._speaker_words(token)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        label = self.text[start:end]
        if own is not None:
            if any(self.in_byline(t.idx) for t in words):
                label = own.text  # the words run back into a dateline
            return Attribution(own.entity_id, label, how="cue")
        for acl in (c for c in token.rights if c.dep_ == "acl" and c.tag_ == "VBN"):
            # "audio obtained by X"
            label = self.text[start : acl.right_edge.idx + len(acl.right_edge)]
        mention = self._mention_in(start, end, head=token)
        if (
            mention is not None
            and self.labels.get(mention) == "GPE"
            and not any(
                m.entity_id == mention for m in self.mentions.overlapping(token.idx, token.idx + 1)
            )
        ):
            mention = None  # "Ohio Gov." : a place before a title is not who spoke
        if mention is not None and self.labels.get(mention) in SPEAKER_LABELS:
            return Attribution(mention, label, how="cue")
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower in PERSON_PRONOUNS:
            found = self._person_antecedent(token, lower) or self._same_speaker(token, history)
            return Attribution(found, label, how="pronoun")
        if lower in ORG_PRONOUNS:
            return Attribution(self._org_antecedent(token, history), label, how="pronoun")
        if token.tag_ in ("NNS", "NNPS") or token.pos_ == "PROPN":
            return Attribution(None, label, how="cue")  # "officials": no one in particular
        if lemma in DOCUMENT_NOUNS:
            return Attribution(self._issuer(token, words), label, how="cue")
        definite = words[0].lower_ == "the" and len(words) == 2
        if lemma in ORG_NOUNS and words[0].lower_ == "the":
            named = self._named_by(words[1:], token.idx)
            if named is not None:
                return Attribution(named, label, how="cue")
        if lemma in ORG_NOUNS and definite:
            found = self._last_org(token, history)
            spoke = any(h.entity_id and self.labels.get(h.entity_id) == "ORG" for h in history)
            if found is None and not spoke:  # no organisation spoke yet: the one tied to it
                found = self._tied(token, words)
                if found is not None and self.labels.get(found) != "ORG":
                    found = None  # "the company" is not a person
                if found is None and lemma in GENERIC_ORG_NOUNS:
                    found = self.main_org()
            return Attribution(found, label, how="cue")
        last = history[-1] if history else None
        # "“…,” the guard said." right after the organisation's own words.
        if (
            definite
            and lemma not in ROLE_NOUNS
            and last is not None
            and last.entity_id
            and self.labels.get(last.entity_id) == "ORG"
            and self._quiet_since(last, token.idx)
        ):
            return Attribution(last.entity_id, label, how="cue")
        determiners = [words[0], *(c for c in token.lefts if c.dep_ in ("det", "nummod", "poss"))]
        if any(
            t.lower_ in ("a", "an", "another", "one", "his", "her", "its", "their")
            for t in determiners
        ):
            # "a friend", "one strategist": someone not named; "his friend": someone else than him
            return Attribution(None, label, how="cue")
        return Attribution(self._tied(token, words), label, how="cue")

    def _own_mention(self, token: Token) -> Mention | None:
        """The speaker-type name the subject word itself is part of ("Baer, a former X
        administration official": Baer, not the X the apposition names), if any."""
        hits = [
            m
            for m in self.mentions.overlapping(token.idx, token.idx + len(token))
            if m.label in SPEAKER_LABELS
        ]
        return hits[-1] if hits else None

    def _speaker_words(self, token: Token) -> list[Token]:
        keep = {"compound", "flat", "amod", "nmod", "det", "poss", "case"}
        left = [c for c in token.lefts if c.dep_ in keep]
        words = sorted({token, *[t for c in left for t in c.subtree]}, key=lambda t: t.i)
        # Stop at punctuation (appositions, relative clauses).
        i = words.index(token)
        first = i
        while (
            first > 0
            and not (words[first - 1].is_punct and words[first - 1].dep_ != "case")
            and words[first - 1].i == words[first].i - 1
        ):
            first -= 1
        return words[first : i + 1]

    def _mention_in(self, start: int, end: int, *, head: Token | None = None) -> str | None:
        hits = self.mentions.overlapping(start, end)
        if head is not None and head.pos_ != "PROPN":
            # "the inspectors' report": a name inside a description is not the speaker unless
            # it is the description's owner ("Amnesty's report" is handled by `_issuer`).
            hits = [m for m in hits if m.start <= head.idx < m.end]
        if not hits:
            return None
        people = [m for m in hits if m.label in ("PERSON", "ORG")]
        return (people or hits)[-1].entity_id

    def _people_in(self, start: int, end: int) -> list[str]:
        return [m.entity_id for m in self.mentions.within(start, end) if m.label == "PERSON"]

    def _person_antecedent(self, pronoun: Token, lower: str, depth: int = 0) -> str | None:
        """The nearest person named as a subject before the pronoun whose known gender does not
        contradict it: the pronoun's sentence up to it, then up to `PRONOUN_WINDOW` sentences
        back. A sentence whose subject is a pronoun of the same gender hands over to that
        pronoun's antecedent. Two different people in the nearest sentence → missing. Gender
        comes from titles, common given names ("Margaret" is a woman's) and he/she read in a
        sentence naming only that person."""
        gender = PERSON_PRONOUNS[lower]
        sent = pronoun.sent
        unnamed_subject = False
        spans = [(sent.start_char, pronoun.idx)]
        prev = sent
        for _ in range(PRONOUN_WINDOW):
            if prev.start == 0:
                break
            prev = self.doc[prev.start - 1].sent
            spans.append((prev.start_char, prev.end_char))
        for n, (start, end) in enumerate(spans):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            tokens = list(span) if span is not None else []
            if n > PRONOUN_NEAR and unnamed_subject:
                return None  # far back, past someone the entity rules did not name
            unnamed_subject = unnamed_subject or any(
                t.dep_ in ("nsubj", "nsubjpass")
                and (t.pos_ == "PROPN" or t.lemma_.lower() in ROLE_NOUNS)
                and not self.quoted.covers(t.idx)
                for t in tokens
            )
            people = [
                p
                for p, head in self._subject_people(start, end)
                if self.genders.get(p, gender) == gender
                and not bound_by_pronoun(head, tokens, gender)
            ]
            distinct = list(dict.fromkeys(people))
            if len(distinct) == 1:
                return distinct[0]
            if len(distinct) > 1:
                return None
            nearer = [
                p
                for p in self.mentions.within(start, end)
                if p.label == "PERSON" and not self.quoted.covers(p.start)
            ]
            if start < sent.start_char and nearer:
                return None  # someone nearer was named, not as a subject: cannot tell
            described = [
                t
                for t in tokens
                if t.dep_ == "nsubj"
                and t.tag_ == "NN"
                and t.i < pronoun.i
                and t.head.lemma_.lower() in SPEECH_VERBS
                and t.lemma_.lower() not in DOCUMENT_NOUNS | ORG_NOUNS
                and not self.quoted.covers(t.idx)
            ]
            if described:  # "“…,” the nurse said. “…,” she added.": the nurse, if known (a
                # report or an organisation that warned is no one's antecedent)
                found = self._tied(described[-1], [described[-1]])
                return found if found and self.labels.get(found) == "PERSON" else None
            same = [
                t
                for t in tokens
                if t.dep_ in ("nsubj", "nsubjpass")
                and PERSON_PRONOUNS.get(t.lower_) == gender
                and t.i < pronoun.i
            ]
            if same and depth < PRONOUN_WINDOW:
                return self._person_antecedent(same[0], same[0].lower_, depth + 1)
        return None

    def _same_speaker(self, pronoun: Token, history: list[Attribution]) -> str | None:
        """A pronoun of the wrong gender (translated copy: "“…,” X said. “…,” he added.") still
        means the person who spoke in the same or the sentence before, when nobody else was named
        since."""
        last = history[-1] if history else None
        if last is None or last.entity_id is None:
            return None
        if self.name_genders.get(last.entity_id) not in (None, PERSON_PRONOUNS[pronoun.lower_]):
            return None  # the given name says the other gender: not a translation's slip
        sent = pronoun.sent
        start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        if self.labels.get(last.entity_id) == "PERSON" and last.at >= start:
            return last.entity_id if self._quiet_since(last, pronoun.idx) else None
        return None

    def _subject_people(self, start: int, end: int) -> list[tuple[str, Token]]:
        """People named between two offsets, outside quotations, as the subject of a clause (or
        in apposition to it): "Judge X wrote", "The lead author, Dr. X, said"."""
        found = []
        for m in self.mentions.within(start, end):
            if m.label != "PERSON" or self.quoted.covers(m.start):
                continue  # a name inside a quotation is never the antecedent
            span = self.doc.char_span(m.end - 1, m.end, alignment_mode="expand")
            if span is None:
                continue
            head = span[0]
            while head.head != head and (
                head.dep_ in ("compound", "flat", "appos", "amod", "nmod")
                or head.dep_ in ("pobj", "prep")
                and head.head.pos_ in ("NOUN", "PROPN", "ADP")
            ):
                head = head.head
            if head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "ROOT" and head.pos_ == "NOUN":
                found.append((m.entity_id, head))
        return found

    def _org_antecedent(self, pronoun: Token, history: list[Attribution]) -> str | None:
        """ "it"/"they": the organisation named last in the pronoun's or the previous sentence
        (not one a statement went out on: "said on Twitter it …"), else the organisation that
        spoke last; never a person, never one named later."""
        sent = pronoun.sent
        start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        here = [
            m
            for m in self.mentions.within(start, pronoun.idx)
            if m.label == "ORG"
            and not _CHANNEL_BEFORE.search(self.text[max(0, m.start - 8) : m.start])
            and not self.quoted.covers(m.start)
        ]
        if here:
            # "cases at the Supreme Court. They …", "Committee Chairman X … They …": a place
            # or a name's modifier is not what the pronoun stands for.
            last = here[-1]
            head = self.doc[bisect_left(self.offsets, last.end) - 1]
            while head.dep_ == "flat" and head.head != head:
                head = head.head
            return None if head.dep_ in ("pobj", "compound") else last.entity_id
        return self._last_org(pronoun, history)

    def _last_org(self, token: Token, history: list[Attribution]) -> str | None:
        """The organisation that spoke last, when no other organisation was named since."""
        for h in reversed(history):
            if h.how == "according_to":
                continue  # a source cited ("according to the X Ledger") did not speak
            if h.entity_id and self.labels.get(h.entity_id) == "ORG":
                # Anyone else named since (a company the model took for a person, too) → unsure.
                others = set(self.named_between(h.at, token.idx))
                return h.entity_id if others <= {h.entity_id} else None
        return None

    def _named_by(self, words: list[Token], before: int) -> str | None:
        """The one organisation named earlier in the article whose name holds these words
        ("the ministry" after "the Ministry of Defense of Ukraine", "the transit authority" after
        "the Northern Counties Transit Authority")."""
        wanted = " ".join(t.lower_ for t in words)
        pattern = re.compile(rf"\b{re.escape(wanted)}\b")
        found = {
            m.entity_id
            for m in self.mentions.ending_by(before)
            if m.label == "ORG" and pattern.search(m.text.lower())
        }
        return found.pop() if len(found) == 1 else None

    def _quiet_since(self, last: Attribution, offset: int) -> bool:
        return set(self.named_between(last.at, offset)) <= {last.entity_id}

    def named_between(
        self, start: int, end: int, labels: tuple[str, ...] = ("PERSON", "ORG")
    ) -> list[str]:
        """Returns the entities of these labels named between two offsets, outside quotes."""
        return [
            m.entity_id
            for m in self.mentions.within(start, end)
            if m.label in labels and not self.quoted.covers(m.start)
        ]

    def main_org(self) -> str | None:
        """The organisation the article is about: at least 3 mentions and 60 % of the
        organisation mentions; None when there is no such one."""
        counts = Counter(m.entity_id for m in self.mentions if m.label == "ORG")
        if not counts:
            return None
        entity_id, top = counts.most_common(1)[0]
        return entity_id if top >= 3 and top >= 0.6 * counts.total() else None

    def _issuer(self, token: Token, words: list[Token]) -> str | None:
        """Who issued a document: its owner ("Amnesty's report", "a report by Amnesty"), else
        the one the article says issued the same kind of document ("X published a report")."""
        for t in words:
            if t.dep_ == "poss" or (t.dep_ == "compound" and t.pos_ == "PROPN"):
                named = self._mention_in(t.idx, t.idx + len(t))
                return named if named and self.labels.get(named) in ("PERSON", "ORG") else None
        if any(t.dep_ in ("poss", "amod", "compound") for t in words if t is not token):
            return None  # "the inspectors' report", "a joint statement": not a named issuer
        for by in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
            for obj in (c for c in by.children if c.dep_ == "pobj"):
                named = self._mention_in(obj.idx, obj.idx + len(obj))
                if named and self.labels.get(named) in ("PERSON", "ORG"):
                    return named
        lemma = token.lemma_.lower()
        issuers = []
        for t in (self.doc[i] for i in range(token.i + 1) if self.lemmas[i] == lemma):
            if t.dep_ not in ("dobj", "nsubjpass"):
                continue
            verb = t.head
            who = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
            for w in who:
                w = next((c for c in w.children if c.dep_ == "pobj"), w) if w.dep_ == "agent" else w
                named = self._mention_in(w.idx, w.idx + len(w))
                if named and self.labels.get(named) in ("PERSON", "ORG"):
                    issuers.append(named)
                elif w.lemma_.lower() in GENERIC_ORG_NOUNS and self.main_org():
                    issuers.append(str(self.main_org()))
            poss = [c for c in t.children if c.dep_ == "poss"]
            for w in poss:
                named = self._mention_in(w.idx, w.idx + len(w))
                if named and self.labels.get(named) in ("PERSON", "ORG"):
                    issuers.append(named)
        return issuers[-1] if len(set(issuers)) == 1 else None

    def _tied(self, token: Token, words: list[Token]) -> str | None:
        """A description the article ties to one named entity before this point: "the mayor"
        after "the mayor, Ivan Horbenko," or "Mayor Ivan Horbenko"."""
        lemma = token.lemma_.lower()
        tied = []
        for t in (self.doc[i] for i in range(token.i) if self.lemmas[i] == lemma):
            if t.pos_ != "NOUN":
                continue
            partners = [c for c in t.children if c.dep_ == "appos"]
            if t.dep_ in ("appos", "compound"):
                partners.append(t.head)
            for p in partners:
                named = self._mention_in(p.idx, p.idx + len(p))
                if named and self.labels.get(named) in ("PERSON", "ORG"):
                    tied.append(named)
        return tied[0] if len(set(tied)) == 1 else None

    def channel_of(self, sent: Span) -> str | None:
        """Returns the channel the sentence names outside the quotes (Facebook, statement, …)."""
        start, end = sent.start_char, sent.end_char
        if (start, end) not in self._channels:
            chars = list(self.text[start:end])
            for q0, q1 in self.quoted.overlapping(start, end):
                for i in range(max(q0, start), min(q1, end)):
                    chars[i - start] = " "
            self._channels[start, end] = find_channel("".join(chars))
        return self._channels[start, end]


#: Between a name and the quotation it introduces: a colon, an opening mark, spaces.
_COLON_OPENS = re.compile(r"\s*:\s*[“\"«„]?")
#: Text with no word: quote marks, punctuation and spaces only.
_UNWORDED = re.compile(r"[\W_]*")
#: An apposition set off by commas between a name and its verb: ", founder of the X Center, ".
_APPOSITION = re.compile(r",[^,;:.!?“”\"]{1,80},\s*")
#: "on Twitter", "via Facebook": a platform a statement went out on is not who spoke.
_CHANNEL_BEFORE = re.compile(r"\b(?:on|via|in)\s+$", re.IGNORECASE)


def _given_name_gender(name: str) -> str | None:
    """The gender of a full name's given name ("Margaret Hale" → "f"): its first word after
    titles, when the name has at least two words; None for a bare surname or an unlisted name."""
    parts = [w for w in name.split() if w[:1].isupper()]
    while parts and parts[0].lower().rstrip(".") in _TITLES:
        parts = parts[1:]
    return gender_of_given_name(parts[0]) if len(parts) >= 2 else None


#: Titles before a given name ("Sen. Margaret Hale"), lowercase without the dot.
_TITLES = frozenset(GENDER_WORDS) | ROLE_NOUNS | NAME_TITLES
