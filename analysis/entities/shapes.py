"""Name shapes: what a recognised name's own words and its neighbours say about it — page
furniture, a holiday's or a date's words, a storm, a modifier of a common noun, a town before
its region, a title before it — and the context cues of a mention read from them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..text.lexicon import PERSON_VERBS, ROLE_NOUNS, SPEECH_VERBS
from ..text.parse import doc_text
from .cues import PLACE_NOUNS, PLACE_PREPOSITIONS, TITLES, _has_org_word
from .vocabulary import (
    calendar_words,
    holidays,
    honorifics,
    month_context,
    occupation_words,
    owner_person_nouns,
    page_furniture_fillers,
    page_furniture_words,
    person_name_adjectives,
    person_nouns,
    storm_words,
    title_of,
    weekdays,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_FURNITURE_WORD = re.compile(r"[\w-]+")


def _page_furniture(text: str) -> bool:
    """Whether a name is made only of a web page's furniture words (`page_furniture_words`:
    "Slideshow", "Email Sign" of a cut "Email Sign Up" line, "Replay More Videos")."""
    words = _FURNITURE_WORD.findall(text.lower())
    return bool(words) and _furniture_tail(words) == 0


def _furniture_tail(words: list[str]) -> int:
    """Returns where the run of furniture words ending a name starts (its length when there is
    none): furniture words and the fillers between them, with at least one furniture word
    ("X Replay More Videos": a video player's caption run into a name; not "Thomas More")."""
    start, furniture = len(words), False
    joinable = page_furniture_words() | page_furniture_fillers()
    while start > 0 and words[start - 1] in joinable:
        start -= 1
        furniture = furniture or words[start] in page_furniture_words()
    return start if furniture else len(words)


def _furniture_head(words: list[str]) -> int:
    """Returns where a name starts after the run of furniture words opening it (0 when there is
    none): furniture words and the fillers between them, ending with a furniture word
    ("Advertisement Advertisement X": a page's advertisement slots run into a name)."""
    joinable = page_furniture_words() | page_furniture_fillers()
    end = 0
    for i, word in enumerate(words):
        if word not in joinable:
            break
        if word in page_furniture_words():
            end = i + 1
    return end


def _ends_holiday(span: Span) -> bool:
    """Whether a mention is the end of a holiday's name whose first words the model left out
    ("Day" of "Election Day", "Luther King Day" of "Martin Luther King Day"): the one to three
    words before it and the mention make a name of `holidays`."""
    doc, text = span.doc, doc_text(span.doc)
    for k in range(1, 4):
        if span.start - k < 0:
            break
        # the text of doc[span.start - k : span.end], cut from the body (not joined from tokens)
        if text[doc[span.start - k].idx : span.end_char].lower() in holidays():
            return True
    return False


def _starts_holiday(span: Span) -> bool:
    """Whether a mention is the start of a holiday's name whose last words the model left out,
    or the trimming of a weekday took off ("Super" of "Super Tuesday", "Election" of "Election
    Day"): the mention and the one to three words after it make a name of `holidays`."""
    doc, text = span.doc, doc_text(span.doc)
    for k in range(1, 4):
        if span.end + k > len(doc):
            break
        last = doc[span.end + k - 1]  # the text of doc[span.start : span.end + k], cut
        if text[span.start_char : last.idx + len(last.text)].lower() in holidays():
            return True
    return False


def _is_date_word(doc: Doc, i: int) -> bool:
    """A weekday, or a month name used as a date: after "in", "last", "since", … or before a
    number ("May 5")."""
    word = doc[i].lower_.rstrip(".")
    if word in weekdays():
        return True
    if word not in calendar_words():
        return False
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return before in month_context() or (after is not None and after.like_num)


def _word_before(span: Span) -> Token | None:
    """Returns the word right before a span, skipping an abbreviation's detached full stop."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text == "." and span.start > 1:
        before = doc[span.start - 2]
    return before


def _title_before(span: Span) -> str | None:
    """Returns the title or honorific right before a name (`title_of`: "senator" for "Sen. X"),
    or None."""
    before = _word_before(span)
    if before is None or before.lower_.rstrip(".") not in TITLES | honorifics():
        return None
    return title_of(before.text)


def _cues(span: Span) -> Counter[str]:
    cues: Counter[str] = Counter()
    root = span.root
    before = _word_before(span)
    titled = before is not None and before.lower_.rstrip(".") in TITLES | honorifics()
    if titled:
        cues["PERSON"] += 2
    appositions = [root.head] if root.dep_ == "appos" else []
    appositions += [c for c in root.children if c.dep_ == "appos"]
    if any(t.lemma_.lower() in ROLE_NOUNS and t.tag_ == "NN" for t in appositions):
        # "X, the senator," (not a plural, "the judges in X": no one's name)
        cues["PERSON"] += 2
    if _person_evidence_around(span):
        cues["PERSON"] += 2
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in (
        SPEECH_VERBS | PERSON_VERBS
    ):
        cues["PERSON"] += 1
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in PLACE_PREPOSITIONS:
        cues["GPE"] += 2
    if first.head.lemma_.lower() in PLACE_NOUNS and first.dep_ in ("pobj", "nmod", "compound"):
        cues["GPE"] += 2
    if first.dep_ == "pobj" and first.head.head.lemma_.lower() in PLACE_NOUNS:
        cues["GPE"] += 2
    if _names_a_storm(span):
        cues["EVENT"] += STORM_CUE
    return cues


def speaks(span: Span) -> bool:
    """Returns whether a name is the subject of a speech verb, alone or joined to others ("X
    said", "Both Y and X told reporters")."""
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ in ("nsubj", "nsubjpass") and first.head.lemma_.lower() in SPEECH_VERBS


def _person_evidence_around(span: Span) -> bool:
    """Whether the words around a name say a person's, whatever the model's label: an
    occupation noun right before it in lowercase ("film star X", "actress X":
    `occupation_words`; not "four-star X", nor an organisation's name), a possessive owning
    what only a person has ("X's wife", "X's manager": `owner_person_nouns`), or "X, whose
    real name is …" (`person_name_adjectives`)."""
    doc = span.doc
    before = _word_before(span)
    if (
        before is not None
        and before.is_lower
        and before.lower_ in occupation_words()
        and not (before.i > 0 and doc[before.i - 1].text == "-")  # "four-star X"
        and not _has_org_word(span.text.lower())  # "a star Harbour Army officer"
    ):
        return True
    root = span.root
    if (
        root.dep_ == "poss"
        and root.head.i >= span.end
        and {root.head.lemma_.lower(), root.head.lower_} & owner_person_nouns()
    ):
        return True
    after = [t.lower_ for t in doc[span.end : span.end + 4]]
    return (
        len(after) == 4
        and after[:2] == [",", "whose"]
        and after[2] in person_name_adjectives()
        and after[3] == "name"
    )


def _modifies_common_noun(span: Span) -> bool:
    """Whether a name only modifies a common noun that an article opens ("the X drills",
    "a Harbor-led X manoeuvre"): a person is named by the name alone ("X said", "Mr. X"), a
    thing so named is the noun's kind; but for nouns a person's name modifies (`person_nouns`:
    "the X family", "the X government")."""
    root = span.root
    head = root.head
    article = next(
        (c for c in head.children if c.dep_ == "det" and c.lower_ in ("the", "a", "an")), None
    )
    return (
        root.dep_ == "compound"
        and root.i < head.i
        and head.pos_ == "NOUN"
        and not {head.lemma_.lower(), head.lower_} & person_nouns()
        and article is not None
        # not "the sheikh X …": a lowercase title noun between the article and the name
        and not any(
            t.pos_ in ("NOUN", "PROPN") and t.is_lower for t in span.doc[article.i + 1 : root.i]
        )
    )


#: Weight of a storm word before or opening a name ("Hurricane X"): a storm, whatever the
#: model's label for its given name alone (two of a person's title).
STORM_CUE = 2


def _names_a_storm(span: Span) -> bool:
    """Whether a name is a storm's: opened by a storm word ("Tropical Storm X", `storm_words`),
    or right after one ("superstorm X", "super storm X", "a hurricane named X")."""
    opening = [t.lower_ for t in span[:-1]]
    if opening and (
        opening[0] in storm_words() - {"storm"} or (len(opening) >= 2 and opening[1] == "storm")
    ):
        return True  # "Hurricane X", "Tropical Storm X"; not "Storm Lake", a town
    before = _word_before(span)
    if before is not None and before.lower_ == "named" and before.i > 0:
        before = span.doc[before.i - 1]
    return before is not None and before.lower_ in storm_words()


def _before_its_region(span: Span) -> bool:
    """Whether a name is followed by a comma and a place closing the clause ("… from X,
    Utah." "X, Utah, said"): a town and its state or country."""
    doc = span.doc
    at = span.end
    if at + 1 >= len(doc) or doc[at].text != ",":
        return False
    if doc[at + 1].ent_iob_ != "B" or doc[at + 1].ent_type_ != "GPE":
        return False
    end = at + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end >= len(doc) or doc[end].is_punct
