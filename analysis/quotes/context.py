"""What one article says about its people and organisations, for finding speakers: its
mentions, quotations, genders, and who a pronoun or a description stands for (the antecedent
rules of the package docstring). `speakers.QuoteFinder` builds on it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS, gender_of_given_name
from ..text.parse import doc_text
from .cues import (
    GENDER_BEFORE,
    GENDER_WORDS,
    GENERIC_ORG_NOUNS,
    ISSUING_VERBS,
    NAME_TITLES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SPEAKER_LABELS,
    TITLE_ABBREVIATIONS,
    find_channel,
)
from .descriptions import find_title_holders, is_named_since
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
    asked: str | None = None  # a question's words: whom it was put to, who may answer next


@dataclass
class ArticleContext:
    """One article's mentions, quotations and genders, and the lookups that tie a pronoun or a
    description to someone named (see the package docstring)."""

    article_id: str
    doc: Doc
    paragraphs: list[tuple[int, int]]
    mentions: MentionIndex  # this article's mentions, datelines and bylines left out
    labels: Mapping[str, str]  # entity_id → label
    text: str = ""  # the body (spaCy rebuilds `doc.text` on every access)
    names: Mapping[str, str] = field(default_factory=dict)  # entity_id → canonical name
    genders: dict[str, str] = field(default_factory=dict)
    name_genders: dict[str, str] = field(default_factory=dict)  # read from given names
    known_genders: dict[str, str] = field(default_factory=dict)  # titles and given names
    # entities labelled otherwise that the article sets beside a person noun, an honorific or
    # "who" ("X, a history teacher,"): people for the he/she search
    person_like: set[str] = field(default_factory=set)
    quoted: Quoted = field(default_factory=Quoted)  # every quoted span
    bylines: list[tuple[int, int]] = field(default_factory=list)  # datelines and bylines
    # Per token (by index), read once: spaCy builds a Token and looks its strings up per access.
    lowers: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)  # lowercased
    offsets: list[int] = field(default_factory=list)  # `Token.idx`
    _channels: dict[tuple[int, int], str | None] = field(default_factory=dict)  # by sentence

    def __post_init__(self) -> None:
        self.text = self.text or doc_text(self.doc)
        if len(self.doc):  # one array of the tokens' attributes, not a Token per token
            from spacy.attrs import IDX, LEMMA, LOWER

            strings = self.doc.vocab.strings
            for lower, lemma, idx in self.doc.to_array([LOWER, LEMMA, IDX]).tolist():
                self.lowers.append(strings[lower])
                self.lemmas.append(strings[lemma].lower())
                self.offsets.append(idx)
        self.person_like = self._find_person_like()
        for m in self.mentions:
            if not self.is_person(m):
                continue
            found = GENDER_BEFORE.search(self.text[max(0, m.start - 25) : m.start].lower())
            if found:
                self.genders.setdefault(m.entity_id, GENDER_WORDS[found[1]])
        self.name_genders = self._given_name_genders()
        for entity_id, gender in self.name_genders.items():
            self.genders.setdefault(entity_id, gender)
        self.known_genders = dict(self.genders)  # from titles and given names only
        for sent in self.doc.sents:
            named = [
                m
                for m in self.mentions.within(sent.start_char, sent.end_char)
                if m.label == "PERSON"
            ]
            if len({m.entity_id for m in named}) != 1:
                continue
            # only a he/she after the name: one before it stands for someone named earlier
            # ("She was an early backer of X" says nothing of X)
            after = bisect_left(self.offsets, named[0].end, sent.start, sent.end)
            said = _genders_said(self.doc[after : sent.end])
            if len(said) == 1:
                self.genders.setdefault(named[0].entity_id, said.pop())
        for sent in self.doc.sents:  # people the entity rules labelled otherwise, alone
            if self._people_in(sent.start_char, sent.end_char):
                continue
            alike = {
                m.entity_id
                for m in self.mentions.within(sent.start_char, sent.end_char)
                if m.entity_id in self.person_like
            }
            said = _genders_said(self.doc[sent.start : sent.end])
            if len(alike) == 1 and len(said) == 1:
                self.genders.setdefault(alike.pop(), said.pop())

    def is_person(self, mention: Mention) -> bool:
        """Returns whether a mention names a person: labelled so, or an entity the article
        shows to be one (`person_like`)."""
        return mention.label == "PERSON" or mention.entity_id in self.person_like

    def _find_person_like(self) -> set[str]:
        """Returns the entities labelled a place, an organisation, a product or a work that
        the article shows to be people, outside quotations: an honorific right before a mention
        ("Ms. X"), a person noun set beside it by a comma as an apposition — an indefinite one
        after it ("X, a history teacher,") or one right before it ("his wife, X,"):
        `person_nouns` of `cues.yml` and the role nouns only a person is — or a subject
        opening a relative clause with "who" ("X, who has coached the crews since 2009, told
        …"; not "a senator from Y, who …"). Only a plain name of one to three capitalised
        words."""
        found = set()
        for m in self.mentions:
            if (
                m.label not in _MISLABELLED
                or self.quoted.covers(m.start)
                or not _PLAIN_NAME.fullmatch(m.text)
            ):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if _HONORIFIC_BEFORE.search(self.text[max(0, m.start - 8) : m.start]) or (
                self._beside_person_noun(span) or self._opens_who_clause(span)
            ):
                found.add(m.entity_id)
        return found

    def _beside_person_noun(self, name: Span) -> bool:
        """Returns whether a person noun is the apposition of a name, set off by a comma right
        after it and indefinite ("X, a history teacher,"; not "Y, the candidate boasted"),
        or right before it and its comma ("his wife, X,")."""
        head, after = name.root, name.end
        for noun in head.children:
            if (
                noun.dep_ == "appos"
                and noun.tag_ == "NN"
                and noun.lemma_.lower() in _PERSON_WORDS
                and after + 1 < len(self.doc)
                and self.lowers[after] == ","
                and noun.left_edge.i == after + 1
                and self.lowers[after + 1] in ("a", "an")
            ):
                return True
        noun = head.head
        return (
            head.dep_ == "appos"
            and name.start >= 2
            and noun.i == name.start - 2
            and self.lowers[name.start - 1] == ","
            and noun.tag_ == "NN"
            and noun.lemma_.lower() in _PERSON_WORDS
        )

    def _opens_who_clause(self, name: Span) -> bool:
        """Returns whether a name is a clause's subject set off before a relative clause opened
        by "who" ("X, who has coached the crews since 2009, told …", also past an age: "X, 41,
        who …")."""
        head, at = name.root, name.end
        if at + 3 < len(self.doc) and self.doc[at + 1].like_num and self.lowers[at + 2] == ",":
            at += 2  # an age between: "X, 41, who owns the bakery, said"
        return (
            head.tag_ == "NNP"
            and head.dep_ in ("nsubj", "nsubjpass")
            and at + 1 < len(self.doc)
            and self.lowers[at] == ","
            and self.lowers[at + 1] == "who"
            and any(c.dep_ == "relcl" and c.left_edge.i == at + 1 for c in head.children)
        )

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

    def _own_mention(self, token: Token) -> Mention | None:
        """The speaker-type name the subject word itself is part of ("Baer, a former X
        administration official": Baer, not the X the apposition names), if any; for a rank
        the entity rules took for a name ("Army Capt" of "Army Capt. X", "Air Force 1st" of
        "Air Force 1st Lt. X"), the person named right after it."""
        hits = [
            m
            for m in self.mentions.overlapping(token.idx, token.idx + len(token))
            if m.label in SPEAKER_LABELS
        ]
        if not hits:
            return None
        own = hits[-1]
        if not self._ends_with_rank(self.names.get(own.entity_id, "")):
            return own
        after = self.mentions.within(own.end, min(len(self.text), own.end + 60))
        people = [m for m in after if m.label == "PERSON"]
        if people and _RANK_GAP.fullmatch(self.text[own.end : people[0].start]):
            gap = self.text[own.end : people[0].start].replace(".", " ").split()
            if all(self._ends_with_rank(word) for word in gap):
                return people[0]  # "said Army Capt. X": X, whose rank the name ran into
        return own

    def titled_conjunct(self, token: Token) -> Token | None:
        """The name joined by "and" to a bare singular common noun (or a capitalised role
        noun: "former Y Governor and Z treasurer X"), with a title of its own before it: "board
        member and treasurer X", "ferry captain and former Gov. X" — one person with two
        titles, not two people (not "her husband and X", "the mayor and X": a determiner or
        owner before the first noun makes it someone of its own)."""
        titled_proper = token.tag_ == "NNP" and token.lower_ in ROLE_NOUNS  # "Governor"
        if not titled_proper and (token.pos_ != "NOUN" or token.tag_ != "NN"):
            return None
        if any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
            return None
        joined = [c for c in token.children if c.dep_ == "conj"]
        links = [c.lower_ for c in token.children if c.dep_ == "cc"]
        if len(joined) != 1 or links != ["and"] or joined[0].pos_ != "PROPN":
            return None
        name = joined[0]
        titled = any(
            c.dep_ == "compound"
            and (c.pos_ == "NOUN" or c.lower_.rstrip(".") in NAME_TITLES)
            and c.i < name.i
            for c in name.children
        )
        own = self._own_mention(name)
        if not titled or own is None or self.labels.get(own.entity_id) != "PERSON":
            return None
        return name

    @staticmethod
    def _ends_with_rank(name: str) -> bool:
        """Returns whether a name ends with an abbreviated rank or an ordinal ("Army Capt",
        "Air Force 1st", "Lt")."""
        last = name.split()[-1].lower().rstrip(".") if name.split() else ""
        return bool(last in NAME_TITLES and len(last) <= _ABBREVIATED or _ORDINAL.fullmatch(last))

    def names_someone_else(self, entity_id: str, words: str) -> bool:
        """Returns whether words the entity rules linked to an entity cannot be that entity's
        name as a speaker: the entity's name ends with a title or an ordinal, a fragment of
        "Marine Sgt. X" or "Coast Guard 2nd Lt. X"; or the words are a person's full name (a
        common given name first) and the entity an organisation whose longer name holds them
        ("Jane Roe said" is not the "Jane Roe Foundation")."""
        name = self.names.get(entity_id, "")
        last = name.split()[-1].lower().rstrip(".") if name.split() else ""
        if self._ends_with_rank(name):
            return True  # an abbreviated rank ("Sgt"), not a surname such as "Justice"
        if last.endswith("ed") and {last[:-1], last[:-2]} & SPEECH_VERBS:
            return True  # a name run into a headline's verb ("Jane Roe Explained")
        parts = words.split()
        return (
            self.labels.get(entity_id) == "ORG"
            and len(parts) >= 2
            and gender_of_given_name(parts[0]) is not None
            and name.startswith(words)
            and len(name) > len(words)
        )

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
            # "cases at the Supreme Court. They …", "Committee Chairman X … They …", "X's
            # attorneys … they": a place or a name's modifier is not what the pronoun stands for.
            last = here[-1]
            modifier = self._head_of(last).dep_ in ("pobj", "compound", "nmod", "poss")
            if modifier or (pronoun.lower_ == "they" and self._plural_people_lead(start, pronoun)):
                return None  # "House of Y members", "Y lawyers argued X has …": the members
            return last.entity_id
        return self._last_org(pronoun, history)

    def _plural_people_lead(self, start: int, pronoun: Token) -> bool:
        """Whether a main clause between an offset and the pronoun has a plural common noun
        outside any name as its subject ("Y lawyers argued that X …"): "they" are those."""
        for t in self.doc.char_span(start, pronoun.idx, alignment_mode="expand") or []:
            if (
                t.dep_ == "nsubj"
                and t.head.dep_ == "ROOT"
                and t.tag_ == "NNS"
                and not self.quoted.covers(t.idx)
                and not self.mentions.overlapping(t.idx, t.idx + len(t))
            ):
                return True
        return False

    def _head_of(self, mention: Mention) -> Token:
        """Returns a mention's syntactic head: its word whose head lies outside it ("Council"
        in "the Business Council of Y", not "Y"), else its last word."""
        first = bisect_left(self.offsets, mention.start)
        last = bisect_left(self.offsets, mention.end) - 1
        for t in self.doc[first : last + 1]:
            if not mention.start <= t.head.idx < mention.end or t.head == t:
                return t
        return self.doc[last]

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

    def is_quiet_since(self, last: Attribution, offset: int) -> bool:
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
        modifiers = [t for t in words if t is not token and t.dep_ in ("poss", "amod", "compound")]
        if (
            modifiers
            and all(t.dep_ == "compound" and t.pos_ == "NOUN" for t in modifiers)
            and token.head.lemma_.lower() in ISSUING_VERBS
        ):
            # "X released a sales video that said …": the document is the object of a verb
            # of issuing; a common noun before it names no one else ("mentioned a campaign video"
            # says nothing of who made it)
            return self._issued_in([token])
        if modifiers:
            return None  # "the inspectors' report", "a joint statement": not a named issuer
        for by in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
            for obj in (c for c in by.children if c.dep_ == "pobj"):
                named = self._mention_in(obj.idx, obj.idx + len(obj))
                if named and self.labels.get(named) in ("PERSON", "ORG"):
                    return named
        lemma = token.lemma_.lower()
        return self._issued_in([self.doc[i] for i in range(token.i + 1) if self.lemmas[i] == lemma])

    def _issued_in(self, documents: list[Token]) -> str | None:
        """The one person or organisation named as issuing these documents ("X published a
        report"), if one."""
        issuers = []
        for t in documents:
            if t.dep_ not in ("dobj", "nsubjpass"):
                continue
            verb = t.head
            who = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
            for w in who:
                w = next((c for c in w.children if c.dep_ == "pobj"), w) if w.dep_ == "agent" else w
                if any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in w.children):
                    return None  # "X and Y released a letter": two issuers, not one of them
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

    def find_tied(self, token: Token, words: list[Token]) -> str | None:
        """A description the article ties to one named entity before this point: "the mayor"
        after "the mayor, Ivan Horbenko," or "Mayor Ivan Horbenko"."""
        lemma = token.lemma_.lower()
        # "Sen. X" ties "the senator" and "the Westria senator", not "the Team-A captain": a
        # modifier other than a place or a people names another holder of the title
        modified = any(
            c.dep_ in ("compound", "amod", "poss", "nmod") and c.ent_type_ not in ("GPE", "NORP")
            for c in token.children
        )
        short = frozenset() if modified else TITLE_ABBREVIATIONS.get(lemma, frozenset())
        # "the education campaigner" is not "X, an Indian campaigner": a noun narrowing the
        # description must be in the apposition too ("X, an education campaigner,"); of an
        # organisation's noun only a name does ("the Y Firm"; "the extremist group" is a kind)
        narrowing = {
            c.lower_
            for c in token.children
            if c.dep_ in ("compound", "nmod")
            and c.ent_type_ not in ("GPE", "NORP")
            and (lemma not in ORG_NOUNS or c.pos_ == "PROPN")
        }
        tied = []
        for i in range(token.i):  # a Token only for the words that may tie (read once)
            if short and self.lowers[i].rstrip(".") in short and self.doc[i].pos_ == "PROPN":
                t = self.doc[i]
                if t.dep_ == "compound":  # "Sen. X" ties "the senator"
                    named = self._mention_in(t.head.idx, t.head.idx + len(t.head))
                    if named and self.labels.get(named) == "PERSON":
                        tied.append(named)
                continue
            if self.lemmas[i] != lemma:
                continue
            t = self.doc[i]
            if t.pos_ != "NOUN":
                continue
            if narrowing and narrowing - {w.lower_ for w in t.subtree if w.i < t.i}:
                continue
            partners = [c for c in t.children if c.dep_ == "appos"]
            if t.dep_ in ("appos", "compound"):
                partners.append(t.head)
            # a role noun is a person's ("the Senate, an adviser to …" misparsed as an
            # apposition is no adviser named)
            kinds = ("PERSON",) if lemma in ROLE_NOUNS else ("PERSON", "ORG")
            for p in partners:
                named = self._mention_in(p.idx, p.idx + len(p))
                if named and self.labels.get(named) in kinds:
                    tied.append(named)
        if not modified:
            titled = find_title_holders(self, token)  # "President X"
        elif all(
            c.dep_ == "compound" and c.i < token.i
            for c in token.children
            if c.dep_ in ("compound", "amod", "poss", "nmod")
        ):
            # "the attorney general" after "Attorney General X": a title of several words
            words_before = tuple(
                self.lowers[i] for i in range(token.left_edge.i, token.i) if self.lowers[i] != "the"
            )
            titled = find_title_holders(self, token, modifiers=words_before)
        else:
            titled = []
        holders = set(tied + titled)
        if len(holders) != 1:
            return None
        found = holders.pop()
        return None if titled and is_named_since(self, found, token) else found

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


#: Labels the entity rules may give a person's name (a rare surname taken for a place).
_MISLABELLED = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
#: A plain name: one to three capitalised words (not "X — Y Z" from a run-together line).
_PLAIN_NAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")
#: An honorific right before a name ("Ms. ", "Mr "), in the body's own case.
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Sir)\.?\s+$")
#: Nouns only a person is (role nouns an organisation may also be, such as "leader", "head" or
#: "expert", left out): set beside a name, they make it a person's.
_PERSON_WORDS = PERSON_NOUNS | (
    ROLE_NOUNS
    - {"leader", "head", "chief", "general", "speaker", "expert", "professional", "official"}
)
#: "on Twitter", "via Facebook": a platform a statement went out on is not who spoke.
_CHANNEL_BEFORE = re.compile(r"\b(?:on|via|in)\s+$", re.IGNORECASE)


def _given_name_gender(name: str) -> str | None:
    """The gender of a full name's given name ("Margaret Hale" → "f"): its first word after
    titles, when the name has at least two words; None for a bare surname or an unlisted name."""
    parts = [w for w in name.split() if w[:1].isupper()]
    while parts and parts[0].lower().rstrip(".") in _TITLES:
        parts = parts[1:]
    return gender_of_given_name(parts[0]) if len(parts) >= 2 else None


#: The longest title written abbreviated ("capt", "sgt"): a longer title word ending a name
#: ("Judge", "Justice") may be a surname or an organisation's word.
_ABBREVIATED = 4
#: An ordinal ("1st", "22nd"), as in a rank ("1st Lt.").
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Between a rank the entity rules took for a name and the name after it: the rank's dot and
#: spaces, at most two more rank words ("Air Force 1st" + " Lt. " + the name).
_RANK_GAP = re.compile(r"\.?\s+(?:\w{1,4}\.?\s+){0,2}")
#: Titles before a given name ("Sen. Margaret Hale"), lowercase without the dot.
_TITLES = frozenset(GENDER_WORDS) | ROLE_NOUNS | NAME_TITLES


#: Where a him/her is an object: a verb's or a preposition's, which the clause's subject it
#: follows cannot be ("X told the crowd, not naming him": someone else).
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})


def _genders_said(tokens: Span) -> set[str]:
    """Returns the gender that the he/she/his/her of some words say: one, or none when they
    disagree. A him or her that is an object (of a verb or a preposition) may stand for
    someone else than the one person named ("X told the crowd, not naming him"): it can
    contradict the others but says no gender alone."""
    said: set[str] = set()
    objects: set[str] = set()
    for token in tokens:
        lower = token.lower_
        if lower == "his":
            said.add("m")
        elif lower in ("him", "her") and token.dep_ in _OBJECT_DEPS:
            objects.add(PERSON_PRONOUNS[lower])
        elif lower in PERSON_PRONOUNS:
            said.add(PERSON_PRONOUNS[lower])
    return said if len(said) == 1 and objects <= said else set()
