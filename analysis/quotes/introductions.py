"""Introductions: a quote's speaker named by the line that introduces or follows it, not by a
speech verb governing the quote — a colon after a name or a clause (`… pollster X: “…”`,
`In an interview, X went further: “…”`, `Here's X on the fares: “…”`), a document introduced
with a colon (`X released the following statement:`), a roundup's dash line (`— Name, Outlet`).

Functions taking the article's `QuoteFinder` (`speakers`), which calls them when no speech verb
gives the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..text.months import MONTH_WORDS
from .context import Attribution
from .cues import DOCUMENT_NOUNS, ISSUING_VERBS, ROUNDUP_LEAD, SPEAKER_LABELS
from .marks import CLOSE_MARKS, OPEN_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .named import Mention
    from .speakers import QuoteFinder

#: Between a name and the quotation it introduces: a colon, an opening mark, spaces.
_COLON_OPENS = re.compile(rf"\s*:\s*[{OPEN_MARKS}]?")
#: A list line's date between a name and the quotation it opens: ", Aug. 1: “", ", May 3 \"".
_DATED_OPENS = re.compile(rf",\s*{MONTH_WORDS}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*:?\s*[{OPEN_MARKS}]")
#: A colon, then spaces and an opening mark, right before a quotation's words.
_COLON_BEFORE = re.compile(rf":\s*[{OPEN_MARKS}]?")
#: The opening words of a clause presenting who speaks next: "Here's", "Here is", "And there
#: was this from", then an optional "the" ("Here's X on the fares:").
_PRESENTS = re.compile(
    r"\s*(?:(?:and|but|so),?\s+)?(?:here(?:'s|’s|\s+is)|there\s+(?:was|is)\s+this\s+from)"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: A dash (two hyphens, an en or em dash) between a clause and the quotation it opens.
_DASH_OPENS = re.compile(rf"\s(?:--|—|–)\s*[{OPEN_MARKS}]")
#: Words opening a free relative clause ("for what happened"), not anyone who spoke.
_FREE_RELATIVES = frozenset({"what", "whatever"})


def find_presented_before_colon(
    finder: QuoteFinder, quote_start: int
) -> tuple[Attribution, Token | None]:
    """ "Here's X on the fares: “…”", "There is this from X: “…”": the person or
    organisation a presenting clause names right after its opening words, before the colon
    that opens the quotation (in its paragraph or the one before); no one else named
    between. Not "Here's a look at X:" (the name is not what is presented)."""
    lead = _COLON_BEFORE.search(finder.text, max(0, quote_start - 8), quote_start)
    if lead is None or lead.end() != quote_start:
        return Attribution(), None
    colon = lead.start()
    sent = finder.doc[bisect_left(finder.offsets, colon) - 1].sent
    opener = _PRESENTS.match(finder.text, sent.start_char, colon)
    if opener is None:
        return Attribution(), None
    named = [
        m
        for m in finder.mentions.within(sent.start_char, colon)
        if m.label in SPEAKER_LABELS and not finder.quoted.covers(m.start)
    ]
    if not named or named[0].start != opener.end() or len({m.entity_id for m in named}) > 1:
        return Attribution(), None
    first = named[0]
    if first.label == "GPE" or finder.names_someone_else(first.entity_id, first.text):
        return Attribution(), None
    word = finder.doc[bisect_left(finder.offsets, first.start)]
    return Attribution(first.entity_id, first.text, how="colon"), word


def find_subject_before_colon(
    finder: QuoteFinder, quote: tuple[int, int], history: list[Attribution]
) -> tuple[Attribution, Token | None]:
    """ "In a later interview, X went further: “…”": the person named as the subject of
    the clause that ends with the colon opening the quotation — a name, or a he/she resolved
    as any speaker's ("She then turned to the crowd: “…”"), not a description, outside any
    quotation; not for a question ("X faced the question: “…?”" is put to X)."""
    quote_start = quote[0]
    if finder.text[quote[0] : quote[1]].rstrip(" ’'" + CLOSE_MARKS)[-1:] == "?":
        return Attribution(), None
    colon = finder.text.rfind(":", max(0, quote_start - 5), quote_start)
    if colon < 0 or not _COLON_OPENS.fullmatch(finder.text[colon:quote_start]):
        dash = _DASH_OPENS.search(finder.text, max(0, quote_start - 6), quote_start)
        if dash is None or dash.end() != quote_start:
            return Attribution(), None
        colon = dash.start()  # "X embraced the method -- “…”", as a colon
    verb = finder.doc[bisect_left(finder.offsets, colon) - 1]
    while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    subject = finder.subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is not None and subject.lower_ in _FREE_RELATIVES and verb.dep_ == "pcomp":
        # "X took the blame for what followed: “…”": the clause's subject, not the relative's
        verb = verb.head.head
        subject = finder.subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or finder.quoted.covers(subject.idx):
        return Attribution(), None
    if subject.lower_ in ("he", "she"):
        who = finder.resolve(subject, history)
        if who.entity_id is None:
            return Attribution(), None
        who.cue, who.how = verb.lemma_.lower(), "colon"
        return who, verb
    if subject.pos_ != "PROPN":
        return Attribution(), None
    own = finder._own_mention(subject)
    if own is None or own.label != "PERSON" or finder.names_someone_else(own.entity_id, own.text):
        return Attribution(), None
    return Attribution(own.entity_id, own.text, verb.lemma_.lower(), how="colon"), verb


def find_named_before_colon(finder: QuoteFinder, quote_start: int) -> Mention | None:
    """ "… pollster X: “…”": the person named right before the colon that opens the
    quotation (or before the date of a list line: "X, Aug. 1: “…”"), outside any
    quotation, not as the object of a preposition."""
    before = [
        m
        for m in finder.mentions.within(max(0, quote_start - 200), quote_start)
        if m.label == "PERSON" and not finder.quoted.covers(m.start)
    ]
    if not before:
        return None
    between = finder.text[before[-1].end : quote_start]
    if not _COLON_OPENS.fullmatch(between) and not _DATED_OPENS.fullmatch(between):
        return None  # "… pollster X: “…”", a list line "X, Aug. 1: “…”"
    head = finder.doc[bisect_left(finder.offsets, before[-1].end) - 1]
    while head.dep_ in ("compound", "flat") and head.head != head:
        head = head.head
    # "… her interview with X: “…”" asks X, it is not X's answer.
    return None if head.dep_ in ("pobj", "poss") else before[-1]


def find_document_intro(
    finder: QuoteFinder, sent: Span, history: list[Attribution], *, issued: bool = False
) -> tuple[Attribution, Token | None]:
    """ "X released the following statement:" before a quotation: the subject of a verb
    whose object is a document noun, in a sentence ending with a colon; with `issued`, a
    sentence ending otherwise whose verb issues the document ("X issued a statement apologizing
    to Y." right before a paragraph that is only the quotation: `ISSUING_VERBS`)."""
    if not issued and not finder.text_of(sent).rstrip().endswith(":"):
        return Attribution(), None
    for t in sent:
        if issued and t.head.lemma_.lower() not in ISSUING_VERBS:
            continue
        if t.dep_ == "dobj" and t.lemma_.lower() in DOCUMENT_NOUNS and t.head.pos_ == "VERB":
            subject = finder.subject_of(t.head)
            if subject is not None and not finder.quoted.covers(subject.idx):
                who = finder.resolve(subject, history)
                who.cue, who.channel = t.head.lemma_.lower(), finder.channel_of(sent)
                return who, t.head
    return Attribution(), None


#: A quotation's closing marks, then a dash opening its signature: an en or em dash or a
#: quotation dash, or a hyphen right before a capital or a handle (`"…" -Name`, `"…" -@x`,
#: not `"word"-based`).
_SIGNED = re.compile(rf"[{CLOSE_MARKS}]+[ \t]*([–—―](?=[ \t]*\S)|-(?=[A-Z@]))[ \t]*")
#: A signature the model found no name in, shaped as one: two to five capitalised words
#: (initials too), a full stop at most after them.
_NAME_SHAPED = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]*\.?")


def is_signed(text: str, end: int) -> bool:
    """Returns whether a dash follows the closing mark of the quotation whose words end at
    `end`, on its line: a signature (`“…” ― Name`), whether or not a name can be read in it;
    not an aside between two parts of a quotation (`“…” – at a rally – “…”`)."""
    return _signature(text, end) is not None


def _signature(text: str, end: int) -> tuple[int, int, int] | None:
    """Returns (the dash's offset, where the words after it start, the line's end) of the
    signature after a quotation whose words end at `end`, or None: a dash after its closing
    mark, and no other quotation opened on the rest of its line before a sentence ends
    (`“…” – X to a magazine, 2004. “…”` is signed)."""
    dash = _SIGNED.match(text, end)
    if dash is None:
        return None
    line_end = text.find("\n", dash.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = text[dash.end() : line_end]
    opened = min((rest.index(m) for m in OPEN_MARKS if m in rest), default=None)
    if opened is not None and not any(c in rest[:opened] for c in ".!?"):
        return None  # an aside: "“…” – at a rally – “…”"
    return dash.start(1), dash.end(), line_end


def find_signature(finder: QuoteFinder, end: int) -> tuple[Attribution, int] | None:
    """`“…” ― Name` on the quotation's own line: the person or organisation named first after
    the dash (at most abbreviated titles before it), as on a roundup's dash line; a line the
    model found no name in gives its words as the mention when they are shaped as a name.

    Args:
        finder: The article's speaker finder.
        end: Where the quotation's words end (its closing mark follows).

    Returns:
        The attribution (`how` "roundup") and the dash's offset, or None when no dash and name
        follow the quotation.
    """
    signature = _signature(finder.text, end)
    if signature is None:
        return None
    at, words, line_end = signature
    hits = finder.mentions.within(words, line_end)
    first = next((m for m in hits if m.label in ("PERSON", "ORG")), None)
    if first is not None and ROUNDUP_LEAD.fullmatch(finder.text[words : first.start]):
        return Attribution(first.entity_id, first.text, how="roundup"), at
    line = finder.text[words:line_end].strip()
    if first is None and _NAME_SHAPED.fullmatch(line):
        return Attribution(mention=line.rstrip("."), how="roundup"), at
    return None


def find_roundup_name(finder: QuoteFinder, line: Span) -> Attribution | None:
    """ "— Name, Outlet" after a quote: the person or organisation named first on the dash
    line, with at most abbreviated titles ("Prof.", "Dr.") before it."""
    hits = finder.mentions.within(line.start_char, line.end_char)
    first = next((m for m in hits if m.label in ("PERSON", "ORG")), None)
    if first is None:
        return None
    if not ROUNDUP_LEAD.fullmatch(finder.text[line.start_char : first.start]):
        return None
    return Attribution(first.entity_id, first.text, how="roundup")
