"""Mentions: the names spaCy recognised (trimmed, with context cues) and the known name forms it
missed, found by searching the bodies (steps 1 and 4 of `analysis.entities`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode
from wordfreq import zipf_frequency

from ..text.names import fold
from ..text.parse import doc_text
from .cues import KEEP_LABELS, PORTFOLIOS, TITLES, _has_org_word
from .shapes import (
    _before_its_region,
    _cues,
    _ends_holiday,
    _furniture_head,
    _furniture_tail,
    _is_date_word,
    _modifies_common_noun,
    _page_furniture,
    _starts_holiday,
    _title_before,
    speaks,
)
from .vocabulary import (
    holidays,
    honorifics,
    inner_titles,
    is_given_name,
    name_suffixes,
    of_titles,
    page_furniture_name_endings,
    platforms,
    surname_particles,
    title_of,
    weekdays,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass
class Mention:
    """One mention of a name in an article body."""

    article_id: str
    article_index: int
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    label: str | None  # spaCy's label; None for mentions found by the name search
    cues: Counter[str] = field(default_factory=Counter)
    fallback: str | None = None  # a found mention: the label its form came with
    key: str = ""  # the folded name: ASCII, lowercase, words only
    title: str | None = None  # the title or honorific right before it ("senator" for "Sen. X")
    linked: bool = False  # a one-word name linked to a person's full name: its label not voted
    regional: bool = False  # followed by a comma and a place closing the clause ("X, Utah.")
    modifier: bool = False  # a modifier of a common noun after an article ("the X exercise")
    speaks: bool = False  # the subject of a speech verb, alone or joined ("Y and X told")

    def __post_init__(self) -> None:
        self.key = self.key or fold(self.text)


def extract_mentions(article_id: str, article_index: int, doc: Doc) -> list[Mention]:
    """Finds the name mentions spaCy recognised in one body, trimmed and with context cues.

    Args:
        article_id: The article.
        article_index: Its position in the manifest (a tie-breaker for canonical names).
        doc: The parsed body.

    Returns:
        The mentions in body order.
    """
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        span = _trim(ent)
        if span is None:
            continue
        tail = _furniture_tail([t.lower_ for t in span])
        if 0 < tail < len(span) and span[-1].lower_ in page_furniture_name_endings():
            tail = len(span)  # "X Portrait Gallery": an institution's name
        if tail < len(span):
            if not any(t.is_alpha for t in span[:tail]):
                continue  # "Replay More Videos", "' Slideshow": a web page's furniture only
            span = span[:tail]  # "X Replay More Videos": the name before a video's caption
        head = _furniture_head([t.lower_ for t in span])
        if 0 < head < len(span) and any(t.is_alpha for t in span[head:]):
            span = span[head:]  # "Advertisement X": the name after the page's furniture
        label = ent.label_
        if span.start > ent.start and span.doc[span.start - 1].tag_ == "POS":
            label = "PERSON"  # "Y Party's Ann Smith": the label was the owner's
        text, end = span.text, span.end_char
        possessive = _POSSESSIVE.search(text)
        if possessive and len(text) > 3:
            text, end = text[: possessive.start()], end - len(possessive.group())
            name = text.rstrip()  # "X ’s", the mark set off by a space
            text, end = name, end - (len(text) - len(name))
        alone = len(span) == 1 or (possessive is not None and len(span) == 2)  # "Jr.’s"
        if not text or (alone and _not_a_name(span[0], ent.label_)):
            continue
        if (
            text.lower() in holidays()
            or _function_word(text)
            or _lowercase_word(text)
            or _ends_holiday(span)
            or _starts_holiday(span)
        ):
            continue  # a date (the timeline reads it), or a function word ("MORE’s")
        if _page_furniture(text):
            continue  # "Slideshow", "Email Sign": a web page's buttons and boxes
        mention = Mention(
            article_id, article_index, span.start_char, end, text, tuple(text.split()), label
        )
        mention.cues, mention.title = _cues(span), _title_before(span)
        mention.speaks = speaks(span)
        mention.modifier = _modifies_common_noun(span)
        mention.regional = _before_its_region(span)
        mentions.append(mention)
    mentions += _titled_names_missed(article_id, article_index, doc)
    return sorted(mentions, key=lambda m: m.start)


def _titled_names_missed(article_id: str, article_index: int, doc: Doc) -> list[Mention]:
    """Returns the people's names the model missed right after a title ("… said Harbor Union
    Secretary-Treasurer Nora Hollis"): two capitalised proper nouns outside every span of the
    model, the first a common given name (three letters or more), after a title or honorific
    and before no other capitalised word. They are found mentions (no label of the
    model; a person's by default) with the title's person cue, so the name search then finds
    the surname alone."""
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    titles = TITLES | honorifics() | inner_titles()
    found = []
    for t in doc[:-2]:
        if t.lower_.rstrip(".") not in titles:
            continue  # most words: no title, nothing to look at after them
        first, last = doc[t.i + 1], doc[t.i + 2]
        after = doc[t.i + 3] if t.i + 3 < len(doc) else None
        if (
            first.i in covered
            or last.i in covered
            or not all(w.is_title and w.pos_ == "PROPN" and w.is_alpha for w in (first, last))
            or len(first.text) < 3
            or not is_given_name(first.text)
            or (after is not None and after.text[:1].isupper())  # "Ann Day O’Hara": cut
        ):
            continue
        span = doc[first.i : last.i + 1]
        m = Mention(
            article_id,
            article_index,
            span.start_char,
            span.end_char,
            span.text,
            tuple(span.text.split()),
            None,
        )
        m.cues, m.fallback, m.title = _cues(span), "PERSON", title_of(t.text)
        m.cues["PERSON"] = max(m.cues["PERSON"], 2)  # the title before it, as for "Sen. X"
        m.regional, m.modifier = _before_its_region(span), _modifies_common_noun(span)
        found.append(m)
    return found


def join_split_names(texts: Mapping[str, str], mentions: list[Mention]) -> list[Mention]:
    """Returns the mentions with each person's full name the model cut in two made one mention
    again (in the place of its first part; the others keep their order): two mentions one
    space apart whose joined text, and the second's alone, are forms the model labels PERSON
    most of the time in the corpus ("Natalia" taken for a place, "Roe" here too, where "Natalia
    Roe" and "Roe" are mostly a person's mentions elsewhere). A given name the model does not
    know is often cut off this way; two names side by side that the corpus never writes as one
    ("In Georgia Ann Roe"), or whose second is mostly something else ("Ohio Democrats"), stay
    two.

    Args:
        texts: Each article's body.
        mentions: The mentions of every article (spaCy's and the name search's).
    """
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.label is not None:
            labels[m.text][m.label] += 1
    people = {text for text, n in labels.items() if n["PERSON"] * 2 > sum(n.values())}
    if not people:
        return mentions
    ordered = sorted(
        range(len(mentions)), key=lambda i: (mentions[i].article_id, mentions[i].start)
    )
    whole: dict[int, Mention] = {}  # the first part's position → the joined mention
    parts: set[int] = set()  # positions of second parts, joined into the one before
    for i, j in pairwise(ordered):
        a, b = whole.get(i, mentions[i]), mentions[j]
        if (
            i not in parts
            and a.article_id == b.article_id
            and texts[a.article_id][a.end : b.start] == " "
            and f"{a.text} {b.text}" in people
            and b.text in people
        ):
            whole[i] = replace(
                a,
                end=b.end,
                text=f"{a.text} {b.text}",
                tokens=a.tokens + b.tokens,
                label="PERSON",
                cues=a.cues + b.cues,
                fallback=None,
                key="",
                regional=b.regional,
            )
            parts.add(j)
    return [whole.get(i, m) for i, m in enumerate(mentions) if i not in parts]


def _trim(ent: Span) -> Span | None:
    """Returns the name part of an entity span, or None when nothing of a name is left: without
    leading quotation marks and dashes, a leading article, a title or honorific before a
    capitalised name ("President X", "Mr. X" whatever the label), stray non-name words, weekday
    names at either edge ("X Saturday"), a conjunction at its end ("X and"), and anything from a
    line break on, and an owner before a possessive when a person's name follows
    (`_after_owner`); a lone month name used as a date ("in May") is no name."""
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start, end):
        if "\n" in doc[i].text:
            end = i
            break
    start = _after_owner(doc, start, end, label=ent.label_)
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or (
            ent.label_ == "PERSON"
            and doc[start].lower_ in TITLES
            and end - start > 1
            and doc[start + 1].is_title
        )
        or _is_honorific(doc, start, end)
        or (
            ent.label_ not in ("NORP", "GPE", "LANGUAGE", "EVENT", "LAW", "WORK_OF_ART")
            and doc[start].pos_ not in ("PROPN", "NOUN")
            and not doc[start].like_num
        )
        or (doc[start].lower_ in weekdays() and end - start > 1)
        or _only_marks(doc[start].text)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or (doc[end - 1].lower_ in weekdays() and end - start > 1)
        or doc[end - 1].lower_ in ("and", "or", "&")
        and end - start > 1
    ):
        end -= 1  # "the State Department and": a list's conjunction ends no name
    if start < end and ent.label_ == "PERSON":
        after = _after_inner_title(doc, start, end)
        if after is None:
            return None  # "<Place> Mayor": the name follows the span
        start = after
        end = _before_of_place(doc, start, end)
        if _title_word_before_full_name(doc, start, end):
            start += 1  # "Miss Galaxy Ann Holt": the rest of a title
    if start >= end:
        return None
    if end - start == 1 and _is_date_word(doc, start):
        return None
    return doc[start:end]


#: A word this frequent in English (wordfreq's Zipf scale: 4 is once per 100,000 words) is a
#: common word, not a rare given name ("galaxy" 4.3, "universe" 4.6; "anwar" 3.2).
COMMON_WORD_ZIPF = 4.0


#: Quotation marks, straight and curly, and the grave accent of a ``…'' quotation.
_QUOTE_MARKS = frozenset("\"'“”‘’`")


def _only_marks(word: str) -> bool:
    """Returns whether a word is quotation marks and dashes only ('"', "“", "'\"", "”―" of a
    signature glued to its quotation): never a name's first word, whatever the tagger made of
    it."""
    return bool(word) and all(c in _QUOTE_MARKS or c in "–—―-" for c in word)


def _title_word_before_full_name(doc: Doc, start: int, end: int) -> bool:
    """Returns whether the first word of a name right after an honorific or title (inside the
    span or just before it) is the title's own last word before a full name: a word that is no
    given name but a common English word (wordfreq's Zipf frequency at least
    `COMMON_WORD_ZIPF`), then a given name and a surname ("Miss Galaxy Ann Holt", a pageant's
    title → "Ann Holt"); never an initial ("Dr. J. Ann Holt"), a rare word ("Dr. Anwar Omar
    Gargash": a name), "Mr. Kim Jong Un" (a given name first) nor "Mr. Ban Ki Moon" (no given
    name second)."""
    return (
        end - start >= 3
        and start > 0
        and doc[start - 1].lower_.rstrip(".") in honorifics()
        and doc[start].is_alpha
        and zipf_frequency(doc[start].lower_, "en") >= COMMON_WORD_ZIPF
        and not is_given_name(doc[start].text)
        and doc[start].text not in surname_particles()
        and is_given_name(doc[start + 1].text)
        and doc[start + 1].is_title
        and doc[start + 2].is_title
    )


def _after_inner_title(doc: Doc, start: int, end: int) -> int | None:
    """Returns where a person's name starts after a title inside a span (`inner_titles`, never
    a surname: "Harbor Party Chair Ann Holt" → "Ann Holt"), `start` when there is none, or None
    when the span ends with one ("Harbor Mayor", "Coastal Sgt." before the name: no name)."""
    for i in range(end - 1, start, -1):
        if doc[i].lower_.rstrip(".") not in inner_titles():
            continue
        after = i + 1 if i + 1 < end and doc[i + 1].text != "." else i + 2
        return after if after < end and doc[after].is_title else None
    return start


def _before_of_place(doc: Doc, start: int, end: int) -> int:
    """Returns where a person's name ends before "of" and a place inside a span the model
    labels PERSON ("Holt of Dayton" in `says Holt of Dayton, Ohio`: the person from that
    place), else `end`. The words before "of" are capitalised name words, none a title
    ("Secretary of State", "Duke of X" are kept whole); the words after it are capitalised."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ != "of":
            continue
        before, after = doc[start:i], doc[i + 1 : end]
        if all(
            t.is_title
            and t.lower_.rstrip(".") not in TITLES | honorifics() | inner_titles() | of_titles()
            for t in before
        ) and all(t.is_title or t.is_punct for t in after):
            return i
        return end
    return end


def _after_owner(doc: Doc, start: int, end: int, *, label: str) -> int:
    """Returns where a person's name starts after an owner and its possessive inside one span
    ("Y Party's Ann Smith", "Z Network's Bob Jones": capitalised words only, at least two,
    the first a common given name or the span labelled PERSON), else `start`. A lone
    apostrophe after a plural owner ("Harbor News’ Bob Jones") is a possessive too, though the
    tagger calls it a closing quotation mark."""
    for i in range(end - 3, start - 1, -1):
        plural_owner = doc[i].text in ("’", "'") and doc[i - 1].lower_.endswith("s")
        if (doc[i].tag_ == "POS" or plural_owner) and i > start:
            rest = doc[i + 1 : end]
            if (label == "PERSON" or is_given_name(rest[0].text)) and all(
                t.is_title or _INITIAL.fullmatch(t.text) for t in rest
            ):
                return i + 1
            return start
    return start


_INITIAL = re.compile(r"[A-Z]\.")


def _not_a_name(token: Token, label: str) -> bool:
    """A lone word that names no one: a ministry portfolio ("Defense"), a generational suffix
    ("Jr.", "III") or an initial ("J.") alone, a title or honorific alone ("Mayor"), or a
    function word the model took for a name ("MORE", "Here"; a short acronym like "WHO" or
    "US" is a name)."""
    lower = token.lower_.rstrip(".")
    if lower in PORTFOLIOS or lower in name_suffixes() or _INITIAL.fullmatch(token.text):
        return True  # a portfolio, "Jr." or "III" alone, an initial alone ("J.")
    if label == "PERSON" and lower in TITLES | honorifics():
        return True
    return token.is_stop and not (token.is_upper and len(token) <= 3)


def _is_honorific(doc: Doc, start: int, end: int) -> bool:
    """An honorific or title (with its full stop) before a capitalised name that is not an
    organisation's: "Mr. X", "Sen. X", "President X", "Mayor de X"."""
    word = doc[start].lower_.rstrip(".")
    if word not in honorifics() or end - start < 2:
        return False
    following = doc[start + 1] if doc[start + 1].text != "." else None
    if following is None:
        return end - start > 2 and doc[start + 2].is_title
    rest = " ".join(t.lower_ for t in doc[start + 1 : end])
    if following.lower_ in surname_particles() and end - start > 2 and doc[start + 2].is_title:
        return not _has_org_word(rest)  # "Mayor de X"
    return following.is_title and following.pos_ == "PROPN" and not _has_org_word(rest)


#: A word glued to the next one, as page furniture runs names together ("SmithJones"): three
#: lowercase letters, then a capital ("McDonald", "DeSantis", "MacArthur" have fewer).
_GLUED = re.compile(r"[a-z]{3}[A-Z]")


def _glued(group: list[Mention]) -> bool:
    """Whether a name's mentions run two words together ("Ann SmithJones"): not a name."""
    return any(_GLUED.search(m.text) for m in group)


def _person_evidence(group: list[Mention]) -> bool:
    return any(m.cues["PERSON"] for m in group) or any(
        m.label == "PERSON" and len(m.tokens) >= 2 for m in group
    )


#: Weight of a common given name opening a name the model did not take for a person's: as much
#: as a title before it, so it outvotes one place or organisation label.
GIVEN_NAME_CUE = 2


def mark_given_name_people(
    groups: Mapping[str, list[Mention]], *, common: frozenset[str], places: set[str]
) -> set[str]:
    """Gives a person cue (`GIVEN_NAME_CUE`) to every mention of a name built as a person's,
    so that neither the model's other label ("Ann Holt" as a place) nor a misparsed place
    preposition outvotes it, and returns the names (folded keys) so marked.

    Such a name has two or three words, the first a common given name (`is_given_name`, three
    letters or more: a two-letter one such as "Al" also opens foreign words), every mention
    written capitalised; no word is an organisation word, a place word (`places`) or a
    platform, and no word runs into the next one (page furniture: "Ann HoltThe", `_glued`).
    Unless the model labels it PERSON most of the time, no word is a common word of the corpus
    either (`common`: "Ann Holt City", "Ann Holt Show") and no mention of it is placed ("in X",
    or "X, Utah." closing a clause: a town and its state).
    """
    marked = set()
    for key, group in groups.items():
        words = key.split()
        person_said = _majority_label(group) == "PERSON"
        if (
            len(words) not in (2, 3)
            or len(words[0]) < 3
            or not is_given_name(words[0])
            or len(words[-1]) < 2
            or _has_org_word(key)
            or set(words) & (places | platforms())
            or _glued(group)
            or any(not w[:1].isupper() for m in group for w in m.tokens)
            or not person_said
            and (set(words) & common or any(m.cues["GPE"] > 0 or m.regional for m in group))
        ):
            continue
        for m in group:
            m.cues["PERSON"] += GIVEN_NAME_CUE
        marked.add(key)
    return marked


def _majority_label(group: list[Mention]) -> str | None:
    labels = Counter(m.label for m in group if m.label)
    return labels.most_common(1)[0][0] if labels else None


# --- 4. alias search: the known name forms spaCy missed ----------------------------------------


def _search_forms(mentions: list[Mention]) -> dict[str, str]:
    """Returns the name forms to look for where spaCy saw nothing, each with the label it came
    with: every capitalised name seen (also without diacritics) and the surname of every
    personal name (also one that is a function word when a common given name comes before it:
    "Ann May", not page furniture's "Tap Here"; a month used as a date is left out where it
    is found)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    surnames: set[str] = set()
    for m in mentions:
        for form in {m.text, unidecode(m.text)}:
            labels[form][m.label or ""] += 1
        person = m.label == "PERSON" or m.cues["PERSON"] > 0
        if person and len(m.tokens) >= 2 and not _has_org_word(m.key):
            labels[m.tokens[-1]]["PERSON"] += 1
            if is_given_name(m.tokens[0]):
                surnames.add(m.tokens[-1])
    return {
        form: counts.most_common(1)[0][0]
        for form, counts in labels.items()
        if len(form) >= 3
        and form[:1].isupper()
        and form.lower().rstrip(".") not in name_suffixes()
        and (not _function_word(form) or (form in surnames and not form.isupper()))
        and form.lower().rstrip(".") not in TITLES | honorifics()
        and not _page_furniture(form)
    }


def _lowercase_word(form: str) -> bool:
    """A one-word form with no capital letter or digit, no handle or hashtag ("party", "state",
    "meme"): a common word the model took for a name, never a name as written."""
    return " " not in form and not re.search(r"[A-Z0-9@#]", form)


def _function_word(form: str) -> bool:
    """A one-word form that is a function word ("More", "Here") unless a short acronym ("WHO",
    "US"): never searched for, the model's occasional name among its many uses is a mistake."""
    return (
        " " not in form and form.lower() in STOP_WORDS and not (form.isupper() and len(form) <= 3)
    )


def _find_missed(
    docs: Mapping[str, Doc], order: Mapping[str, int], mentions: list[Mention]
) -> list[Mention]:
    """Finds occurrences of known name forms that spaCy did not mark (exact, word-bounded)."""
    forms = _search_forms(mentions)
    if not forms:
        return []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.article_id].append((m.start, m.end))
    # Forms by their first word, longest first: a form can only start where a word starts, and
    # that word is its first word, so each word of the text is looked up once (linear time).
    by_first: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        first = _WORD.match(form)
        by_first[first.group() if first else ""].append(form)
    found = []
    for article_id, doc in docs.items():
        for start, end, form in _occurrences(doc_text(doc), by_first):
            span = doc.char_span(start, end)
            if span is None or any(start < te and ts < end for ts, te in taken[article_id]):
                continue
            if (
                (len(span) == 1 and _is_date_word(doc, span.start))
                or _ends_holiday(span)
                or _starts_holiday(span)
            ):
                continue  # "May" the month is not the surname May, nor "Day" a name
            m = Mention(article_id, order[article_id], start, end, form, tuple(form.split()), None)
            m.cues, m.fallback = _cues(span), forms[form] or None
            m.title, m.regional = _title_before(span), _before_its_region(span)
            m.modifier = _modifies_common_noun(span)
            found.append(m)
    return found


_WORD = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w-])\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _occurrences(text: str, by_first: Mapping[str, list[str]]) -> Iterable[tuple[int, int, str]]:
    """Yields (start, end, form) of each non-overlapping, word-bounded occurrence of a form, from
    left to right, the longest form where several start at one place."""
    resume = 0
    for word in _WORD_START.finditer(text):
        start = word.start()
        if start < resume:
            continue
        for form in by_first.get(word.group(), ()):
            end = start + len(form)
            if text.startswith(form, start) and not _WORD_OR_HYPHEN.match(text, end):
                yield start, end, form
                resume = end
                break
