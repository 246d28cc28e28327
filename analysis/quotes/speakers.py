"""Speakers: who said a quote, and how the text says so (see the package docstring)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS
from .clauses import (
    follows_without,
    goes_on_speaking,
    is_parenthetical,
    is_speech_verb,
    is_subordinate,
    puts_a_question,
    puts_it_as,
    reporting_verb_above,
    subject_hung_on_relative,
    title_split_from_name,
    verb_above_noun_clause,
    verb_above_subordinate,
)
from .context import Attribution
from .cues import (
    AFTER_QUOTE_VERBS,
    ANSWER_BACK_VERBS,
    AS_IT_VERBS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    FRONTED_INVERTED_VERBS,
    GENDER_WORDS,
    GOING_ON_VERBS,
    GOVERNING_ONLY_VERBS,
    INVERTED_VERBS,
    NAME_TITLES,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PREPOSITION_VERBS,
    QUOTE_VERBS,
    REMARK_NOUNS,
    ROUNDUP_DASHES,
)
from .introductions import (
    find_document_intro,
    find_named_before_colon,
    find_presented_before_colon,
    find_roundup_name,
    find_signature,
    find_subject_before_colon,
)
from .issuers import (
    find_owner_of_words,
    find_passive_agent,
    governs_directly,
    is_inverted_cue,
    reads_document,
    speaks_after_quotation,
)
from .marks import CLOSE_MARKS, OPEN_MARKS
from .named import Mention
from .naming import SpeakerNames

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Dependencies of a word that is some verb's or preposition's object, not a subject.
_OBJECTS = frozenset({"dobj", "pobj", "iobj", "dative", "attr", "oprd", "poss", "agent"})
#: Tags of a finite verb (past, present).
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: Between a person's name and the verb it is the subject of: a bracketed tag, a comma.
_BEFORE_VERB = re.compile(r"\s*(?:\([^()]{1,12}\))?\s*,?\s*")

__all__ = ["Attribution", "QuoteFinder"]


class QuoteFinder(SpeakerNames):
    """Finds the speakers of one article's quotes (see the package docstring)."""

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
        # "“…” ― Name" after a quotation that opens its sentence (not "the “X” — Y, Z and W")
        signed = (
            find_signature(self, current[1])
            if current is not None and self._opens(current)
            else None
        )
        if signed is not None:
            return signed[0], self.doc[bisect_left(self.offsets, signed[1])]
        if next_sentence is not None and self.text_of(next_sentence)[:1] in ROUNDUP_DASHES:
            found = self._attribution_in(next_sentence, history)
            if found[1] is not None:
                found[0].how = "roundup" if found[0].how == "cue" else found[0].how
                return found
            named = find_roundup_name(self, next_sentence)
            if named is not None:
                return named, next_sentence[0]
            if next_sentence.text[1:2] == " " and next_sentence.text.rstrip()[-1:] not in ".!?":
                # "— a reader in Eastfield": a roundup line naming no one.
                line = next_sentence.text.strip(f" {ROUNDUP_DASHES}\n")
                return Attribution(mention=line, how="roundup"), next_sentence[0]
        if previous_sentence is not None and self.text_of(previous_sentence).rstrip()[-1:] in ":,":
            found = self._attribution_in(previous_sentence, history)
            if found[1] is None:
                found = find_document_intro(self, previous_sentence, history)
            if found[1] is not None:
                if found[0].how == "cue":
                    found[0].how = "colon"
                return found
        if previous_sentence is not None and self._whole_paragraph(current, within):
            # "X issued a statement apologizing to Y." then a paragraph of the quotation only
            found = find_document_intro(self, previous_sentence, history, issued=True)
            if found[1] is not None:
                found[0].how = "colon"
                return found
        opener = find_named_before_colon(self, current[0]) if current is not None else None
        if opener is not None:
            word = self.doc[bisect_left(self.offsets, opener.start)]
            return Attribution(opener.entity_id, opener.text, how="colon"), word
        if current is not None:
            found = find_subject_before_colon(self, current, history)
            if found[1] is None:
                found = find_presented_before_colon(self, current[0])
            return found
        return Attribution(), None

    def _whole_paragraph(
        self, current: tuple[int, int] | None, within: tuple[int, int] | None
    ) -> bool:
        """Returns whether the quotation is its paragraph's only words (marks and spaces aside)."""
        if current is None or within is None:
            return False
        before = self.text[within[0] : current[0]]
        after = self.text[current[1] : within[1]]
        return _UNWORDED.fullmatch(before) is not None and _UNWORDED.fullmatch(after) is not None

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
            # X's "…" remark; not "Y denounced X's remarks as “…”" (a preposition between:
            # the words describe the remark, they are not it), nor words a speech verb between
            # governs
            for noun in t.ancestors:
                if noun.pos_ == "ADP":
                    break
                if (
                    self._cues(noun.i)
                    and is_speech_verb(noun)
                    and outside(noun)
                    and not (noun.dep_ == "acl" and noun.head.lemma_.lower() in REMARK_NOUNS)
                ):
                    # "Y rejected X's claim that …, saying he “…”": said, not X's claim; but
                    # "X's remarks arguing that “…”" are still X's remarks
                    break
                if noun.lemma_.lower() in REMARK_NOUNS and outside(noun):
                    owner = [c for c in noun.children if c.dep_ == "poss"]
                    if owner and outside(owner[0]):
                        who = self.resolve(owner[0], history)
                        who.cue, who.how = noun.lemma_.lower(), "governing_verb"
                        return who, noun
                    break
        verbs = [self.doc[i] for i in indices if self._cues(i)]
        verbs = [v for v in verbs if is_speech_verb(v) and outside(v)]
        if not verbs:
            return self._according_to(sent, history, outside)
        governing = [a for t in inside[:1] for a in t.ancestors if a in verbs]
        verbs = [  # "X dismissed it as “…”": only for the quotation it governs directly
            v
            for v in verbs
            if v.lemma_.lower() not in GOVERNING_ONLY_VERBS | PREPOSITION_VERBS
            or (
                inside
                and governs_directly(
                    self,
                    inside[0],
                    v,
                    through_preposition=v.lemma_.lower() in PREPOSITION_VERBS,
                )
            )
        ]
        if inside:
            # "After X criticized Y, Z hit back, “…”": a speech verb of a subordinate clause
            # that does not govern the quote is not its cue.
            verbs = [v for v in verbs if v in governing or not is_subordinate(v)]
            if not verbs:
                return self._according_to(sent, history, outside)
        anchor = current[1] if current else sent.start_char
        depth = {v: i for i, v in reversed(list(enumerate(governing)))}
        verbs.sort(key=lambda v: (depth.get(v, 99), v.idx < anchor, abs(v.idx - anchor)))
        aside = [v for v in verbs if is_parenthetical(v) and v not in depth]
        if inside and len(aside) == 1 and inside[0] in aside[0].head.subtree:
            # "Under any of them, X says, the US could work to “persuade …”": the clause the
            # parenthetical interrupts is what X says, unless a person in it speaks the words
            # ("Trump, he said, then added: “…”" is Trump's)
            inner = [self.subject_of(v, keep=outside) for v in verbs if v in depth]
            if not any(t is not None and self._names_a_person(t) for t in inner):
                verbs = [aside[0], *(v for v in verbs if v is not aside[0])]
        for verb in verbs:
            inverted = self._inverted_after_clause(verb, sent)
            if inverted is not None:  # "Since the plan failed, added X, “…”"
                channel = self.channel_of(sent)
                who = Attribution(
                    inverted.entity_id, inverted.text, verb.lemma_.lower(), channel, how="cue"
                )
                return who, verb
            # "described by X as “…”": the agent of a passive speech verb governing the quote
            agent = find_passive_agent(verb, keep=outside) if verb in depth else None
            if agent is None and verb in depth and current and self._is_question(verb, current):
                # "X was asked whether the plan was “…”": the question's words, not X's
                asked = self.subject_of(verb, keep=outside)
                who = Attribution(None, None, verb.lemma_.lower(), self.channel_of(sent))
                who.how = "cue"
                if asked is not None and outside(asked):
                    who.asked = self.resolve(asked, history).entity_id
                return who, verb
            subject = agent or self.subject_of(verb, keep=outside)
            possessor = find_owner_of_words(self, subject) if subject is not None else None
            if possessor is not None:
                # "His assumption, stated on live TV, was that “…”", "X's dictum was, “…”":
                # the possessor of the words the subject names
                subject = possessor
            if subject is not None and outside(subject):
                who = self.resolve(subject, history)
                person = self._person_before_verb(subject) if agent is None else None
                if person is not None:
                    # "LONDON (Wire) - X said", "Saturday at Y, Sen. X (D-Z) said", "Speaking
                    # in Y, Z, X went after W, calling him “…”": a place or a day the parser
                    # made the subject; the person named right before the verb spoke
                    who = Attribution(person.entity_id, person.text, how="cue")
                who.cue = verb.lemma_.lower()
                who.channel = self.channel_of(sent)
                if who.how == "cue" and verb in depth and current and not self._opens(current):
                    who.how = "governing_verb"
                return who, verb
        for verb in verbs:
            named = self._next_to(verb, sent, quoting=current is not None)
            if named is not None:
                channel = self.channel_of(sent)
                who = Attribution(
                    named.entity_id, named.text, verb.lemma_.lower(), channel, how="cue"
                )
                return who, verb
        return self._according_to(sent, history, outside)

    def _names_a_person(self, token: Token) -> bool:
        """Returns whether a word is a he/she or part of a person's name."""
        if token.lower_ in PERSON_PRONOUNS:
            return True
        named = self.mention_at(token.idx)
        return named is not None and self.labels.get(named) == "PERSON"

    def _person_before_verb(self, subject: Token) -> Mention | None:
        """The person named right before the verb of a subject that is a place or a day (a
        dateline's or a fronted phrase's word the parser took for the subject), only an
        auxiliary, a comma or a bracketed party tag ("(D-Z)") between the name and the verb;
        else None."""
        if subject.ent_type_ not in ("GPE", "LOC", "DATE"):
            return None
        own = self._own_mention(subject)
        if own is not None and own.label not in ("GPE", "LOC"):
            return None
        verb = subject.head
        left = min([verb.idx, *(c.idx for c in verb.lefts if c.dep_ in ("aux", "auxpass"))])
        people = [
            m
            for m in self.mentions.within(subject.idx + len(subject), left)
            if self.is_person(m) and not self.quoted.covers(m.start)
        ]
        if not people or not _BEFORE_VERB.fullmatch(self.text[people[-1].end : left]):
            return None
        name = self.doc[bisect_left(self.offsets, people[-1].end) - 1]
        if name.head != verb and (
            name.dep_ in _OBJECTS or name.head.pos_ in ("VERB", "AUX", "ADP")
        ):
            return None  # "Y embracing X announced “…”": X is what Y embraced, not who spoke
        return people[-1]

    def _cues(self, i: int) -> bool:
        """Whether word `i` is a verb that cues a quote's speaker: a speech verb, a verb of the
        quote rules' own list ("barked"), or an answering verb with "back" ("shot back"); not
        one after "without" (nothing was said)."""
        lemma = self.lemmas[i]
        if follows_without(self.doc[i]):
            return False  # "it goes without saying that …"
        if lemma in SPEECH_VERBS or lemma in QUOTE_VERBS:
            return True
        if lemma in INVERTED_VERBS:
            return is_inverted_cue(self.doc[i])  # "“…,” offered X"
        if lemma in AFTER_QUOTE_VERBS:
            return speaks_after_quotation(self.doc[i], self.text)  # "“…?” X pressed"
        if lemma in GOING_ON_VERBS:
            return goes_on_speaking(self.doc[i])  # "“…,” she went on"
        if lemma in DOCUMENT_VERBS:
            return reads_document(self.doc[i])  # "the statement reads"
        if lemma in AS_IT_VERBS:
            return puts_it_as(self.doc[i])  # "as X puts it, “…”"
        if lemma in GOVERNING_ONLY_VERBS or lemma in PREPOSITION_VERBS:
            return True  # only for the quotation it governs (`_attribution_in`)
        return lemma in ANSWER_BACK_VERBS and any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in self.doc[i].children
        )

    def _next_to(self, verb: Token, sent: Span, *, quoting: bool = False) -> Mention | None:
        """The person or organisation a speech verb without a subject stands next to, in a
        sentence whose words outside the quotation start with it: "Stated X:" (right after the
        verb, titles allowed between: "Added Mr. X:") or "“…,” X, founder of Y, tells Z" (right
        before it, an apposition between). A quoted word the parser made the verb's subject
        does not count as one ("“…, our ferry trips,” X, Y's chair, said"). When `quoting` (the
        sentence carries the quotation being attributed), also a person the parser hung as an
        apposition right before a subjectless main verb (`_left_as_apposition`)."""
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and not self.quoted.covers(c.idx)
            for c in verb.children
        ):
            return None  # a quoted word the parser made its subject does not count
        start = sent.start_char
        verb_end = verb.idx + len(verb)
        people = [
            m
            for m in self.mentions.within(start, sent.end_char)
            if m.label in ("PERSON", "ORG") and not self.quoted.covers(m.start)
        ]
        for m in people:
            between = self.text[m.end : verb.idx]
            right_before = m.end <= verb.idx and (
                not between.strip() or _APPOSITION.fullmatch(between)
            )
            before = self._unquoted(start, min(m.start, verb.idx))
            if not _UNWORDED.fullmatch(before):
                if quoting and right_before and self._left_as_apposition(verb, m):
                    return m  # "Monday in Y, at an event for his wife, Z, former mayor X said"
                if quoting and right_before and not between.strip() and _titles_name(before):
                    return m  # "“…,” Eastfield police Chief X said": a title before the name
                continue  # words outside the quotation before it: not the sentence's opening
            if m.start > verb.idx and _only_titles(self.text[verb_end : m.start]):
                return m  # "Stated X:", "Added Mr. X:", "Said Sen. X,"
            if right_before:
                return m  # "“…,” X tells", "“…,” X, founder of Y, tells"
        return None

    def _left_as_apposition(self, verb: Token, mention: Mention) -> bool:
        """Returns whether a person named right before a sentence's subjectless main verb is
        the subject the parser hung elsewhere: the verb is the finite root, and the name is an
        apposition or conjunct of a noun, not an object of a verb or a preposition ("At Y, where
        …, X, the club's president, suggested that …", the name hung on "Y")."""
        if mention.label != "PERSON" or verb.dep_ != "ROOT" or verb.tag_ not in _FINITE:
            return False
        name = self.doc[bisect_left(self.offsets, mention.end) - 1]
        return name.dep_ in ("appos", "conj") and name.head.pos_ in ("PROPN", "NOUN")

    def _inverted_after_clause(self, verb: Token, sent: Span) -> Mention | None:
        """ "Since the plan failed, added X, “…”": the person or organisation named right after
        a finite verb of `fronted_inverted_verbs` that has no subject of its own, follows a
        fronted clause and its comma, and is followed by a comma or the sentence's end."""
        if verb.lemma_.lower() not in FRONTED_INVERTED_VERBS:
            return None
        finite = verb.tag_ in ("VBD", "VBZ") or (verb.tag_ == "VBN" and verb.dep_ == "ROOT")
        if not finite or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children
        ):
            return None
        if not self._unquoted(sent.start_char, verb.idx).rstrip().endswith(","):
            return None
        verb_end = verb.idx + len(verb)
        for m in self.mentions.within(verb_end, sent.end_char):
            if m.label not in ("PERSON", "ORG") or self.quoted.covers(m.start):
                continue
            after = self.text[m.end : m.end + 1]
            if not self.text[verb_end : m.start].strip() and after in (",", ".", ""):
                return m
            return None
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

    def _is_question(self, verb: Token, quote: tuple[int, int]) -> bool:
        """Whether a quotation that a passive `ask` governs is the question put ("X was asked
        whether it was “…”", "X was asked, “…?”"): a quotation inside the reporter's sentence,
        or one ending with a question mark; not the answer the sentence opens after a colon
        ("X was asked if he was sure: “Yes, …”")."""
        if not puts_a_question(verb):
            return False
        words = self.text[quote[0] : quote[1]].rstrip(" ’'" + CLOSE_MARKS)
        return words[-1:] == "?" or not self._opens(quote)

    def _opens(self, span: tuple[int, int]) -> bool:
        before = self.text[self.paragraph_span(span[0])[0] : span[0]].rstrip(" " + OPEN_MARKS)
        return not before or before[-1] in ".!?:…"

    @staticmethod
    def subject_of(verb: Token, *, keep: Callable[[Token], bool] | None = None) -> Token | None:
        """Returns a verb's subject, climbing from "…, adding:" or "writing that" to its head.

        With `keep`, only subjects it accepts count: a word inside the quotation that the parser
        also made a subject of the speech verb is passed over for the one outside it."""
        seen = 0
        reporter = (
            reporting_verb_above(verb)
            or verb_above_noun_clause(verb)
            or verb_above_subordinate(verb)
        )
        if reporter is not None and (keep is None or keep(reporter)):
            # "X said Y must pick a date, saying …": X's participle (a reporting verb inside
            # the quotation reports nothing of the reporter's)
            verb = reporter
        while verb is not None and seen < 4:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if keep is not None and len(subjects) > 1:
                subjects = [c for c in subjects if keep(c)] or subjects
            if (
                len(subjects) > 1
                and subjects[-1].i + 1 == verb.i
                and _holds_quotation(verb.doc[subjects[0].i + 1 : subjects[-1].i])
            ):
                # "His verdict: “…,” he said": the parser gave the verb the words before the
                # quotation as a second subject; the one after it, next to the verb, speaks
                subjects = subjects[-1:]
            if len(subjects) > 1 and title_split_from_name(subjects):
                # "Retired neurosurgeon Dr. X was asked …", "Y co-founder X told": the parser
                # split the title from the name after it into subjects; the name is the subject
                subjects = subjects[-1:]
            if subjects:
                inner = [c for c in subjects[0].children if c.dep_ == "nsubj"]
                if subjects[0].tag_ == "VBG" and len(inner) == 1 and inner[0].i < subjects[0].i:
                    return inner[0]  # "X himself, preparing for Y, said": the subject "preparing"
                return subjects[0]
            hung = subject_hung_on_relative(verb)
            if hung is not None:
                return hung
            if verb.dep_ == "conj" and verb.head.pos_ == "NOUN" and verb.head.dep_ == "dobj":
                verb = verb.head.head  # "X put on a drawl and joked": the parser joined
                seen += 1  # "joked" to the object; it goes on with the verb owning it
                continue
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
                verb = verb.head.head  # "X won applause upon saying …" → the verb "upon" hangs on
                seen += 1
                continue
            if (
                verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl")
                and verb.head != verb
            ):
                head = verb.head
                if verb.dep_ in ("relcl", "acl") and head.dep_ == "attr":
                    verb = head.head  # "X became the first senator to say …": X, the subject
                    seen += 1
                    continue
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


#: The words between a quotation and the name right after it that are the name's title: at most
#: four words ("Eastfield police", "Senate Majority"), then a title ("Chief", "Sen.").
_TITLE_PHRASE = re.compile(r"[\W_]*(?:[\w'’-]+\s+){0,4}([A-Za-z]+)\.?\s*")


def _holds_quotation(words: Span) -> bool:
    """Returns whether words hold an opening quotation mark and, after it, a closing one."""
    marks = [t.text for t in words if t.text in OPEN_MARKS or t.text in CLOSE_MARKS]
    opened = next((i for i, m in enumerate(marks) if m in OPEN_MARKS), None)
    return opened is not None and any(m in CLOSE_MARKS for m in marks[opened + 1 :])


def _titles_name(text: str) -> bool:
    """Returns whether the words outside the quotation before a name are a title phrase ending
    in a role noun or a name's title (`_TITLE_PHRASE`), nothing else: "Eastfield police Chief"."""
    phrase = _TITLE_PHRASE.fullmatch(text)
    return phrase is not None and phrase.group(1).lower() in ROLE_NOUNS | NAME_TITLES


def _only_titles(text: str) -> bool:
    """Returns whether the words between a subjectless speech verb and the name after it are
    none, or only capitalised title words ending with a title or honorific ("Mr.", "Sen.",
    "Former Gov."): "Added Mr. X:" is X's, as "Added X:" is."""
    found = text.split()
    if not found:
        return True
    last = found[-1].lower().rstrip(".")
    titled = last in NAME_TITLES or last in GENDER_WORDS
    return titled and all(_TITLE_WORD.fullmatch(w) for w in found)


#: A capitalised word, perhaps abbreviated ("Gov.", "Former").
_TITLE_WORD = re.compile(r"[A-Z][a-z]*\.?")
#: Text with no word: quote marks, punctuation and spaces only.
_UNWORDED = re.compile(r"[\W_]*")
#: An apposition set off by commas between a name and its verb: ", founder of the X Center, ".
#: (Its marks are “ ” and ", not « » „: a class unlike `OPEN_MARKS`, left as it was.)
_APPOSITION = re.compile(r",[^,;:.!?“”\"]{1,120},\s*")
