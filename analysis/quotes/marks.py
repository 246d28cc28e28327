"""Quote marks: the quoted runs of an article's body, paragraph by paragraph.

Curly marks open (“ « „) or close (” »); a straight mark (") opens after a space or a paragraph
start and closes after a word. A quote still open at a paragraph's end continues when the next
paragraph reopens with a mark (the multi-paragraph convention), or — for a long statement closed
once at its end — when the next paragraphs hold no mark until one closes. Otherwise it ends at the
paragraph's end and a warning is recorded: a quote never runs into an unrelated paragraph. Single
quotes are left alone (apostrophes, nested quotes). Two-character marks (two apostrophes, or two
grave accents opening) are read as curly ones through `marks_view`, a body copy of the same length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate

from .cues import MAKER_NOUNS, NAME_OPENERS, PROGRAMME_OPENERS, WORK_NOUNS

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
#: Every mark that may open a quote, and every one that may close one (curly and straight): the
#: characters of a regex class (`rf"[{OPEN_MARKS}]"`) or of a `strip`.
OPEN_MARKS = OPENING + STRAIGHT
CLOSE_MARKS = CLOSING + STRAIGHT
_MARK = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
#: (Its closing marks are ” " ’ and ), not »: a class unlike `CLOSE_MARKS`, left as it was.)
_SENTENCE_END = re.compile(r"[.!?…][”\"’)]*\s*$")
#: What an opening mark typed for a closing one is glued to, besides a letter or digit: the
#: quotation's last punctuation ("…?“ he asked").
_GLUED = frozenset(".,?!;…—")


#: The word right before a quote's opening mark (a comma may stand between: `titled, “…”`), and
#: the mark.
_WORD_BEFORE = re.compile(rf"([\w-]+),?\s*[{OPEN_MARKS}]?\s*$")


def follows_name_opener(text: str, start: int) -> bool:
    """Returns whether the quoted words starting at `start` are a name rather than anyone's
    words: right after "so-called", "titled", "entitled" or "nicknamed" (`NAME_OPENERS` in
    `data/cues.yml`; "the so-called “Night Train”", "a book titled “…”")."""
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return found is not None and found[1].lower() in NAME_OPENERS


#: A partial quote of at most this many words, each capitalised but small function words
#: (`TITLE_SMALL`), is a title or a name: left out.
TITLE_MAX_WORDS = 6
TITLE_SMALL = frozenset("a an the of for and or in on at to with by from".split())
#: The words and end punctuation of quoted words.
_TITLE_TOKENS = re.compile(r"[\w'’&-]+|[.!?,;:]")
#: The word right before an opening mark, a comma between them ("his book, “…”").
_BEFORE_MARK = re.compile(rf"([\w'’.-]+)(\s*,)?\s*[{OPEN_MARKS}]\s*$")
#: A programme opener, at most "the" and three words, and a possessive ending right before an
#: opening mark ("on the network's “", "told Channel 5’s “").
_OPENER_POSSESSIVE = re.compile(
    rf"\b(?:{'|'.join(sorted(PROGRAMME_OPENERS))})\s+(?:the\s+)?(?:[\w.&-]+\s+){{0,2}}"
    rf"[\w.&-]+(?:['’]s|s['’])\s*[{OPEN_MARKS}]\s*$",
    re.IGNORECASE,
)
#: A maker noun and "of" right before an opening mark ("author of “").
_MAKER_OF = re.compile(
    rf"\b(?:{'|'.join(sorted(MAKER_NOUNS))})\s+of\s*[{OPEN_MARKS}]\s*$", re.IGNORECASE
)
#: The word right after a closing mark ("the “…” interview").
_AFTER_MARK = re.compile(rf"\s*[{CLOSE_MARKS}]\s*([\w-]+)")


def title_words(quoted: str, *, least: int = 2) -> bool:
    """Returns whether quoted words read as a title: `least` to `TITLE_MAX_WORDS` words, the
    first capitalised (or a number) and every other one capitalised but small function words
    (`TITLE_SMALL`, or "&"), no sentence punctuation but one `.`, `,` or `:` ending them (American
    style puts it inside the closing mark: `on “Morning Line.”`)."""
    found = _TITLE_TOKENS.findall(quoted.strip())
    if found and found[-1] in ".,:":
        found = found[:-1]
    if not least <= len(found) <= TITLE_MAX_WORDS or any(w in ".!?,;:" for w in found):
        return False
    first, *rest = found
    return (first[:1].isupper() or first[:1].isdigit()) and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL or w == "&" for w in rest
    )


def names_a_work(text: str, start: int, end: int) -> bool:
    """Returns whether the quoted words `text[start:end]` are the title of a work, not anyone's
    words: capitalised words (`title_words`) right after a work noun (`WORK_NOUNS` in
    `data/cues.yml`: "her memoir “Quiet Waters,”", "the program, “Morning Line.”"), or after
    a maker noun and "of" (`MAKER_NOUNS`: "X, author of “Quiet Waters,”"), or right
    before one, with no end punctuation ("the “Sixty Seconds” interview"), or — at least two
    words — right after a programme opener ("said on “Morning Line.”", `PROGRAMME_OPENERS`)
    or an outlet's possessive after one ("on the network's “Morning Line.”")."""
    quoted = text[start:end]
    before = text[max(0, start - 60) : start]
    word = _BEFORE_MARK.search(before)
    after = _AFTER_MARK.match(text, end)
    if title_words(quoted, least=1):
        if word is not None and word[1].lower() in WORK_NOUNS:
            return True
        if _MAKER_OF.search(before):  # "X, author of “Quiet Waters,”"
            return True
        if after is not None and after[1].lower() in WORK_NOUNS and quoted.rstrip()[-1:].isalnum():
            return True
    if not title_words(quoted) or word is None or word[2]:
        return False
    if word[1].lower() in PROGRAMME_OPENERS:
        return True
    return _OPENER_POSSESSIVE.search(before) is not None


#: Two-character marks: two grave accents (TeX style, always opening) and two apostrophes (or
#: three: a single mark typed beside a double one, closing or opening a nested quote with it).
_DOUBLE_MARK = re.compile(r"``|'''?")


def marks_view(text: str) -> str:
    """Returns the text with its two-character quote marks read as curly ones, of the same length
    (offsets unchanged): two grave accents become a space and “; two apostrophes become a space
    and “ when they open (after a space, a paragraph start or one of `([—–-`, and before a
    non-space: the straight-quote rule), else ” and a space, so the mark stays next to the quoted
    words. A single apostrophe stays one, and two between letters or digits are no mark."""
    if "``" not in text and "''" not in text:
        return text
    chars = list(text)
    for found in _DOUBLE_MARK.finditer(text):
        i, j = found.start(), found.end()
        before = text[i - 1] if i > 0 else " "
        after = text[j] if j < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue
        if found[0] == "``" or ((before.isspace() or before in "([—–-") and not after.isspace()):
            chars[i : i + 2] = [" ", "“"]  # a third apostrophe, after it, opens a nested quote
        else:
            chars[j - 2 : j] = ["”", " "]  # a third apostrophe, before it, closes a nested one
    return "".join(chars)


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


class Quoted:
    """Every quoted span (start, end) of a body, sorted, for asking whether an offset is quoted
    without scanning them all."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        """Keeps the spans sorted by start."""
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))  # furthest end so far

    def covers(self, offset: int) -> bool:
        """Returns whether a body offset is inside a quoted span."""
        i = bisect_right(self._starts, offset)
        return i > 0 and self._reach[i - 1] > offset

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Returns the quoted spans overlapping [start, end)."""
        return [(s, e) for s, e in self.spans[: bisect_left(self._starts, end)] if e > start]

    def starts_within(self, start: int, end: int) -> bool:
        """Returns whether a quoted span starts in [start, end)."""
        i = bisect_left(self._starts, start)
        return i < len(self._starts) and self._starts[i] < end


@dataclass
class MarkReader:
    """Reads the quote marks of one article body."""

    article_id: str
    text: str
    paragraphs: list[tuple[int, int]]
    warnings: list[str] = field(default_factory=list)

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
        for found in _MARK.finditer(text, start, end):
            i, ch = found.start(), found[0]
            if ch in OPENING:
                before = text[i - 1] if i > start else " "
                after = text[i + 1] if i + 1 < end else " "
                # "…, sure?“ she asked.": an opening mark typed for a closing one, glued
                # to the words before it and followed by a space
                mistyped = ch == "“" and (before.isalnum() or before in _GLUED) and after.isspace()
                marks.append((i, "close" if mistyped else "open"))
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
