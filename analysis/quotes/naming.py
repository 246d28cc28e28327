"""Who the words naming a speaker are: a name, a title and surname, a pronoun's antecedent,
a description the article ties to one entity, a document's issuer (see docs/quotes.md).

`SpeakerNames.resolve` turns the subject a speech rule found into an `Attribution`; the rules
that find that subject are `speakers.QuoteFinder`'s.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, gender_of_given_name
from .antecedents import (
    find_person_antecedent,
    find_reported_names,
    find_same_speaker,
    find_speaker_in_view,
)
from .context import ArticleContext, Attribution
from .cues import (
    DOCUMENT_NOUNS,
    GENDER_WORDS,
    GENERIC_ORG_NOUNS,
    HONORIFICS,
    NAME_TITLES,
    ORG_NOUNS,
    ORG_PRONOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SPEAKER_LABELS,
)
from .epithets import (
    find_epithet_of_last_speaker,
    find_previous_subject,
    is_bare_role_speaker,
    is_indefinite,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class SpeakerNames(ArticleContext):
    """Resolves the words naming a speaker to the entity they are (see the module docstring)."""

    def _named_in_full(self, token: Token) -> str | None:
        """The one person named earlier in full whose name ends with the words of a mention
        the entity rules gave no speaker's label ("Jane Roe Poe" … "Roe Poe said", with "Roe
        Poe" taken for a work of art): None when the mention has a speaker's label, or when
        earlier full names of two people, or of anything but a person, end with it."""
        hits = self.mentions.overlapping(token.idx, token.idx + len(token))
        if len(hits) != 1 or hits[0].label in SPEAKER_LABELS:
            return None
        words = hits[0].text
        owners = {
            m.entity_id if self.labels.get(m.entity_id) == "PERSON" else ""
            for m in self.mentions.ending_by(hits[0].start)
            if m.text.endswith(f" {words}") and not self.quoted.covers(m.start)
        }
        return owners.pop() or None if len(owners) == 1 else None

    def _titled_surname(self, title: Token, token: Token) -> str | None:
        """The one person named in full before "Mr. X" (an honorific or a name title, then one
        word that is no mention) whose full name ends with X, leaving out a full name whose
        given name is of the other gender than the honorific's ("Mrs. X" after "John X"):
        None when no such person, or several, were named."""
        word = title.lower_.rstrip(".")
        if word not in HONORIFICS and word not in NAME_TITLES or word == "former":
            return None
        return self._named_with_surname(token, GENDER_WORDS.get(word))

    def _named_with_surname(self, token: Token, gender: str | None) -> str | None:
        """The one person named in full before `token` whose full name ends with its word,
        leaving out a full name whose given name is of the other gender than `gender` ("Mrs.
        X" is not "John X"): None when no such person, or several, were named."""
        owners = set()
        for m in self.mentions.ending_by(token.idx):
            parts = m.text.split()
            if (
                len(parts) < 2
                or parts[-1] != token.text
                or self.labels.get(m.entity_id) != "PERSON"
                or self.quoted.covers(m.start)
            ):
                continue
            given = gender_of_given_name(parts[0])
            if gender is not None and given is not None and given != gender:
                continue  # "Mrs. X" is not "John X"
            owners.add(m.entity_id)
        return owners.pop() if len(owners) == 1 else None

    def _pronoun_issuer(self, document: Token, history: list[Attribution]) -> str | None:
        """The person a he/she stands for who issued a document: its owner ("her statement
        explaining …") or the subject of the verb it is the object of ("she released a
        statement saying …"); else None."""
        for owner in (c for c in document.children if c.dep_ == "poss"):
            if owner.lower_ in ("his", "her") and not self.quoted.covers(owner.idx):
                lower = "he" if owner.lower_ == "his" else "she"
                return find_person_antecedent(self, owner, lower)
        if document.dep_ == "dobj":
            for subject in (c for c in document.head.children if c.dep_ == "nsubj"):
                if subject.lower_ in ("he", "she") and not self.quoted.covers(subject.idx):
                    return self.resolve(subject, history).entity_id
        return None

    def resolve(self, token: Token, history: list[Attribution]) -> Attribution:
        """Resolves the words naming a speaker (see docs/quotes.md).

        Returns:
            The attribution: `mention` keeps the words as written; `entity_id` is set only when
            the words are that entity (a name, an alias), a pronoun with one compatible
            antecedent before it, or a description the article ties to one entity.
        """
        if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl":
            several = _relative_of_several(token)
            if several is not None:
                # "his rivals X and Y, who say": two speakers, not one of them
                return Attribution(None, several.text, how="cue")
            token = token.head.head
        own = self._own_mention(token)
        if own is None and token.lower_.rstrip(".") in NAME_TITLES:
            # "former Y Gov. and Z Chairman X said": the parser joins a title and the name
            # it goes with as two subjects; one person
            joint = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            if len(joint) == 1 and self._own_mention(joint[0]) is not None:
                return self.resolve(joint[0], history)
        if own is None:
            titled = self.titled_conjunct(token)
            if titled is not None:
                # "board member and treasurer X said": two titles of one person
                return self.resolve(titled, history)
        for apposition, labels in [] if own is not None else _appositions_of(token):
            if is_indefinite(apposition):
                continue  # "the senator, a devout Catholic,": a description, not a name
            end = apposition.idx + len(apposition)
            named = self._mention_in(apposition.left_edge.idx, end)
            if named is not None and self.labels.get(named) in labels:
                return Attribution(named, self.text[token.idx : end], how="cue")
        words = self._speaker_words(token)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        label = self.text[start:end]
        joint = _names_joined_to(token)
        if joint and token.dep_ in ("nsubj", "nsubjpass"):
            # "X and Y said": two speakers, not one of them
            other = joint[-1]
            return Attribution(None, self.text[start : other.idx + len(other)], how="cue")
        if own is not None:
            if any(self.in_byline(t.idx) for t in words):
                label = own.text  # the words run back into a dateline
            if self.names_someone_else(own.entity_id, own.text):
                return Attribution(None, label, how="cue")
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
            if self.names_someone_else(mention, label):
                return Attribution(None, label, how="cue")
            return Attribution(mention, label, how="cue")
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower in PERSON_PRONOUNS:
            found = (
                find_person_antecedent(self, token, lower)
                or find_same_speaker(self, token, history)
                or find_speaker_in_view(self, token, history)
            )
            if found in find_reported_names(self, token):
                found = None  # "X, he said, stood for …": someone else than X
            return Attribution(found, label, how="pronoun")
        if lower in ORG_PRONOUNS:
            return Attribution(self._org_antecedent(token, history), label, how="pronoun")
        if token.pos_ == "PROPN" and mention is not None:
            # "X Y said" with "X Y" labelled a work or a product, after "Jane X Y" was named
            person = self._named_in_full(token)
            if person is not None:
                return Attribution(person, label, how="cue")
        if token.pos_ == "PROPN" and mention is None and len(words) == 2:
            # "Mr. X said" where the model found no name in "X": the one person named in full
            # before it whose surname is X (of the honorific's gender)
            person = self._titled_surname(words[0], token)
            if person is not None:
                return Attribution(person, label, how="cue")
        capitalised = token.pos_ == "PROPN" or token.tag_ == "NN" and token.text[:1].isupper()
        if capitalised and mention is None and len(words) == 1:
            # "X said" where the model found no name in "X" (a surname that is also a word or
            # a place's name, or one it took for a common noun: "D’X replied"): the one person
            # named in full before it whose surname is X
            person = self._named_with_surname(token, None)
            if person is not None:
                return Attribution(person, label, how="cue")
        capitalised_role = words[0].lower_ == "the" and lower in ROLE_NOUNS  # "the President"
        if token.tag_ in ("NNS", "NNPS") or token.pos_ == "PROPN" and not capitalised_role:
            if token.tag_ == "NNP" and token.ent_type_ == "NORP":
                # "X told reporters … “…,” the North Carolina Republican said."
                bare = is_bare_role_speaker(token, words, places=True)
                found = find_previous_subject(self, token) if bare else None
                return Attribution(found, label, how="cue")
            return Attribution(None, label, how="cue")  # "officials": no one in particular
        if lemma in DOCUMENT_NOUNS:
            issuer = self._issuer(token, words)
            if issuer is None:
                issuer = self._pronoun_issuer(token, history)
            return Attribution(issuer, label, how="cue")
        definite = words[0].lower_ == "the" and len(words) == 2
        if lemma in ORG_NOUNS and words[0].lower_ == "the":
            named = self._named_by(words[1:], token.idx)
            if named is not None:
                return Attribution(named, label, how="cue")
        if lemma in ORG_NOUNS and definite:
            found = self._last_org(token, history)
            spoke = any(h.entity_id and self.labels.get(h.entity_id) == "ORG" for h in history)
            if found is None and not spoke:  # no organisation spoke yet: the one tied to it
                found = self.find_tied(token, words)
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
            and self.is_quiet_since(last, token.idx)
        ):
            return Attribution(last.entity_id, label, how="cue")
        named_before = self._named_before_description(words)
        if named_before is not None:
            # "X, the chairwoman of Y, recalled", "said X, the group's strategist, who added"
            return Attribution(named_before, label, how="cue")
        determiners = [words[0], *(c for c in token.lefts if c.dep_ in ("det", "nummod", "poss"))]
        if any(
            t.lower_ in ("a", "an", "another", "one", "his", "her", "its", "their", "that", "this")
            for t in determiners
        ):
            # "a friend", "one strategist": someone not named; "his friend": someone else than
            # him; "that aide": the one the article spoke of last, not whom it tied the
            # noun to
            return Attribution(None, label, how="cue")
        tied = self.find_tied(token, words)
        if tied is None:
            tied = find_epithet_of_last_speaker(self, token, words, history)
        if tied is None and is_bare_role_speaker(token, words, places=True):
            tied = find_previous_subject(self, token)
        return Attribution(tied, label, how="cue")

    def _named_before_description(self, words: list[Token]) -> str | None:
        """The person whose name stands right before a definite description, a comma between
        ("X, the chairwoman of Y,"): the description is that person's apposition."""
        if words[0].lower_ != "the":
            return None
        start = words[0].idx
        before = [
            m
            for m in self.mentions.within(max(0, start - 80), start)
            if m.label == "PERSON" and not self.quoted.covers(m.start)
        ]
        if not before or not _APPOSITION_OPENS.fullmatch(self.text[before[-1].end : start]):
            return None
        return before[-1].entity_id


def _names_joined_to(token: Token) -> list[Token]:
    """Returns the names joined to a word as conjuncts ("X and Y": Y), leaving out an
    indefinite one ("X, director of Y, and a Republican who …": a description of X); none
    when "&" joins them ("Johnson & Johnson": one name)."""
    if any(c.dep_ == "cc" and c.text == "&" for c in token.children):
        return []
    return [
        c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN" and not is_indefinite(c)
    ]


def _relative_of_several(who: Token) -> Span | None:
    """Returns the names a relative pronoun stands for when they are several, from the first
    to the last ("his rivals X and Y, who say", whichever of the two the parser hung the
    clause on); None when the verb is not plural ("X and Y, who says"; "X and Y, who
    warned": the last name's as often as both), or the coordination's first name has a
    relative clause of its own ("X, who has called it …, and Y, who …")."""
    verb = who.head
    finite = [t for t in (verb, *verb.lefts) if t is verb or t.dep_ in ("aux", "auxpass")]
    if not any(t.tag_ == "VBP" or t.lower_ == "were" for t in finite):
        return None
    noun = verb.head
    names = [c for c in _names_joined_to(noun) if c.i < who.i]
    if names:
        first, last = noun, names[-1]
    elif (
        noun.dep_ == "conj"
        and noun.head.pos_ == "PROPN"
        and not is_indefinite(noun)
        and not any(c.dep_ == "relcl" for c in noun.head.children)
    ):
        first, last = noun.head, noun
    else:
        return None
    return who.doc[first.left_edge.i : last.i + 1]


def _appositions_of(token: Token) -> list[tuple[Token, tuple[str, ...]]]:
    """Returns the appositions that may name a speaker noun, each with the labels its name may
    have: the noun's own (a person or an organisation), then, for a singular role or person
    noun, a person's name the model hung on the object of its preposition ("the director of
    Y, X, said", "said a spokesman for Mr. Y, X"; not "leaders, from X to Y")."""
    found: list[tuple[Token, tuple[str, ...]]] = [
        (c, ("PERSON", "ORG")) for c in token.children if c.dep_ == "appos"
    ]
    if token.tag_ == "NN" and token.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS:
        objects = (
            o
            for p in token.rights
            if p.dep_ == "prep" and p.lower_ in _ROLE_PREPOSITIONS
            for o in p.children
            if o.dep_ == "pobj"
        )
        found += [(c, ("PERSON",)) for o in objects for c in o.rights if c.dep_ == "appos"]
    return found


#: Prepositions tying a role to whom it serves ("spokesman for Y", "director of Y", "aide to Y").
_ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "to"})
#: Between a name and the definite description in apposition to it: a comma.
_APPOSITION_OPENS = re.compile(r",\s*")
