"""Role descriptions as speakers and antecedents: "the senator said" right after a speaker or a
sentence naming that person.

A bare description ("the", at most adjectives or a people's name, then a role noun:
`is_bare_role_speaker`; or a person noun: `is_bare_person_description`) is anaphoric: it
stands for someone the article named just before. `find_epithet_of_last_speaker` gives it to
the last speaker, `find_previous_subject` to the previous sentence's subject, each with the
guards its docstring lists (a title holder, the gender words, nobody named between).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..text.lexicon import ROLE_NOUNS, SPEECH_VERBS
from .cues import GENDER_WORDS, PERSON_NOUNS, UNNAMED_ROLES
from .descriptions import find_title_holders

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import ArticleContext, Attribution


def find_epithet_of_last_speaker(
    context: ArticleContext, token: Token, words: list[Token], history: list[Attribution]
) -> str | None:
    """ "“…,” X said. … “…,” the senator said.": a definite description of a role (a role
    noun, or a party's member: "the Republican nominee") as the subject of a speech verb,
    right after the last speaker's attribution, is that speaker — a person, at most two
    sentences back, not the subject of a clause another speech verb reports ("X said the
    mayor told him"), no one named since outside quotations, no gender word against them, no
    other holder of the title named before ("Prime Minister X"); not a description a place,
    a name or an ordinal narrows ("the Ohio senator", "the governor of Y", "the 44th
    president": someone the article may not have named); else None."""
    lemma = token.lemma_.lower()
    if not is_bare_role_speaker(token, words):
        return None
    last = history[-1] if history else None
    if last is None or last.entity_id is None or context.labels.get(last.entity_id) != "PERSON":
        return None
    gender = GENDER_WORDS.get(lemma)
    if gender is not None and context.genders.get(last.entity_id, gender) != gender:
        return None
    holders = find_title_holders(context, token)
    if holders and last.entity_id not in holders:
        return None
    first = token.sent
    for _ in range(2):
        if first.start > 0:
            first = context.doc[first.start - 1].sent
    if last.at < first.start_char or not context.is_quiet_since(last, token.idx):
        return None
    if any(
        verb.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        for verb in token.head.ancestors
    ):
        return None  # "X said the mayor told him: “…”": someone X speaks of
    return last.entity_id


def find_previous_subject(context: ArticleContext, description: Token) -> str | None:
    """ "Sen. X stopped by the office. Walking in, the senator said …", "X told reporters
    … “…,” the North Carolina Republican said.": the person named as the main subject of
    the sentence right before a description's — when no other person is named between (a name
    that only modifies a common noun does not count: "the X administration", nor one named in
    what that subject's own speech verb reports: "X said Y should …"), no
    gender word is against them and, for a role noun, the article named that person with
    the title before ("Senator X"); else None. The caller checks that the description is
    a bare one ("the", no word narrowing it to someone else)."""
    sent = description.sent
    if sent.start == 0:
        return None
    previous = context.doc[sent.start - 1].sent
    subjects = [
        c for c in previous.root.children if c.dep_ == "nsubj" and not context.quoted.covers(c.idx)
    ]
    own = context._own_mention(subjects[0]) if len(subjects) == 1 else None
    if own is None or own.label != "PERSON":
        return None
    lemma = description.lemma_.lower()
    if lemma in ROLE_NOUNS and own.entity_id not in find_title_holders(context, description):
        return None  # "the governor" after a senator: someone else
    gender = GENDER_WORDS.get(lemma)
    if gender is not None and context.genders.get(own.entity_id, gender) != gender:
        return None
    start = own.end
    if previous.root.lemma_.lower() in SPEECH_VERBS and subjects[0].head == previous.root:
        # "X said Y should have tapped someone. “…,” the Republican said.": whom X speaks of
        # after the speech verb is not someone else in view
        start = max(start, previous.end_char)
    between = _people_named(context, start, description.idx)
    return own.entity_id if between <= {own.entity_id} else None


def _people_named(context: ArticleContext, start: int, end: int) -> set[str]:
    """Returns the people named between two offsets outside quotations, leaving out a name
    that only modifies a common noun ("slammed the X administration": no one else in view)."""
    found = set()
    for m in context.mentions.within(start, end):
        if m.label != "PERSON" or context.quoted.covers(m.start):
            continue
        last = context.doc[bisect_left(context.offsets, m.end) - 1]
        if last.dep_ == "compound" and last.head.pos_ == "NOUN":
            continue
        found.add(m.entity_id)
    return found


def is_bare_role_speaker(token: Token, words: list[Token], *, places: bool = False) -> bool:
    """Returns whether a speech verb's subject is a definite description of a role (a role
    noun, or a party's member: "the Republican nominee") that nothing narrows: not a noun most
    often written of someone unnamed ("the official"), no place, name, prepositional phrase
    or ordinal ("the Ohio senator", "the governor of Y", "the 44th president": someone the
    article may not have named). With `places`, a place's name before the noun is allowed
    ("the North Carolina Republican" right after that person is named)."""
    lemma = token.lemma_.lower()
    if (
        words[0].lower_ != "the"
        or lemma in UNNAMED_ROLES  # "the official said": most often someone not named
        or not (lemma in ROLE_NOUNS or token.ent_type_ == "NORP")
        or token.dep_ != "nsubj"
        or token.head.lemma_.lower() not in SPEECH_VERBS
        or token.text.isupper()  # an organisation's initials ("the XYZ"), no party word
    ):
        return False
    return not any(
        c.i > token.i
        and c.dep_ in ("amod", "acl")  # "the Republican familiar with …"; not "…, who …,"
        or c.dep_ == "prep"
        or (
            c.dep_ in ("compound", "nmod", "poss")
            and c.ent_type_ not in (("NORP", "GPE") if places else ("NORP",))
        )
        or c.ent_type_ == "ORDINAL"
        or _ORDINAL_WORD.fullmatch(c.text)
        for c in token.children
    )


#: An ordinal before a title ("the 44th president", "the first governor") names a holder of it.
_ORDINAL_WORD = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|last", re.I)


def is_bare_person_description(description: Token) -> bool:
    """Returns whether a noun is a bare description of a person: a role or person noun (not
    one most often written of someone unnamed, "the official") after "the" and at most
    adjectives or a people's name ("the retired surgeon", "the Republican candidate")."""
    lemma = description.lemma_.lower()
    if lemma not in ROLE_NOUNS | PERSON_NOUNS or lemma in UNNAMED_ROLES:
        return False
    lefts = list(description.lefts)
    if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return False
    return all(
        c.dep_ in ("det", "amod") or c.dep_ == "compound" and c.ent_type_ == "NORP" for c in lefts
    ) and not any(c.dep_ in ("prep", "acl", "amod") for c in description.rights)


def is_indefinite(noun: Token) -> bool:
    """Returns whether a noun has "a"/"an" as its determiner: a description ("the senator, a
    devout Catholic,", "X and a Republican who …"), never a name."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
