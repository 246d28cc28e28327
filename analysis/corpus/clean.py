"""Cleaning: from a raw article to its title, body paragraphs and a record of what was removed.

The raw text is split into lines. Generic rules (below) and the article's rules from
`corpus/cleaning.yml` label lines (or the tail of the last line) as not part of the article, and
cut pop-up cards pasted inside a line out of it; the headline line becomes the title; the
remaining lines become paragraphs. Every removed span is recorded with its reason, so each
non-whitespace character of the raw text is in the title, in `removed` or in a paragraph (and
not in a span removed inside it).

Whitespace normalisation inside a paragraph (the only change made to kept text): every run of
whitespace — spaces, tabs, no-break and other Unicode spaces, and the line breaks of a hard-wrapped
paragraph — becomes one space; zero-width spaces (U+200B, U+2060, U+FEFF) are dropped; the paragraph
is stripped. Paragraphs are joined with one blank line ("\\n\\n") in `articles.body`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from .manifest import CorpusError

PARAGRAPH_SEPARATOR = "\n\n"
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
_WHITESPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Lines that start the reader-comment section of a blog or news page.
_COMMENT_MARKER = re.compile(
    r"^(?:leave a (?:reply|comment)|\d+ (?:comments?|responses?|replies)\b|comments?(?: \(\d+\))?$"
    r"|liked by \d+ (?:people|person)|you are commenting using|fill in your details below"
    r"|post a comment|add a comment|join the (?:discussion|conversation)|reader comments)",
    re.IGNORECASE,
)
# Short user-interface labels: widgets, share bars, navigation.
_WIDGET_LABEL = re.compile(
    r"^(?:translate|share(?: this(?: article| story| page)?)?|tweet|print|e-?mail|advertisement"
    r"|skip to (?:main )?content|menu|close|sign (?:up|in)|log ?in|subscribe|read more|related"
    r"(?: articles| stories| content)?|back to top|continue reading|show more|load more)"
    r"\s*[»›>→:|]*$",
    re.IGNORECASE,
)
_WIDGET_MAX_CHARS = 40
# A copyright notice: "Copyright © 2024 The Gazette, LLC.", "© 2024 Example Syndicate",
# "(Copyright 2024 Example Press. All rights reserved.)" — the mark then a year or "by".
_COPYRIGHT = re.compile(
    r"^\(?(?:copyright\s*(?:©|\(c\))?|©\s*(?:copyright)?|\(c\))\s*(?:\d{4}\b|by\b)", re.IGNORECASE
)
# A newsletter sign-up box: "Sign up for the Harbour Digest newsletter", "Sign up for the
# morning briefing".
_SIGN_UP = re.compile(
    r"^sign up (?:for|to)\b.{0,80}?\b(?:newsletters?|briefing|e-?mails?|dispatches)\b",
    re.IGNORECASE,
)
_COPYRIGHT_MAX_CHARS = 160  # a longer line holds more than the notice
_SIGN_UP_MAX_CHARS = 250
# A photo caption: a short paragraph ending with a photo credit such as "(Vincent Yu/AP)".
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:(?:photos?|image|credit|pictured)\s*(?:by|:)?\s*)?[^()\n/]{2,60}/[^()\n]{1,60}\)"
    r"|\((?:photos?|image|credit)\b[^()\n]*\)"
    r"|\b(?:getty images|ap photo[^()\n]*|shutterstock))\s*$",
    re.IGNORECASE,
)
_CAPTION_MAX_CHARS = 300
# A reporting credit closing the article, as its own line or as the last sentence.
_CREDIT_LINE = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing) by\b[^\n]*$", re.IGNORECASE
)
_CREDIT_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?”\"’)]\s))[^.!?\n]{0,200}?\bcontributed (?:reporting|to (?:this|the) "
    r"report(?:ing)?)\b[^.!?\n]{0,60}[.!?]?$",
    re.IGNORECASE | re.MULTILINE,
)
# A byline near the top: "By Jane Doe", "By Jane Doe and John Roe | Reuters".
_BYLINE = re.compile(
    r"^(?:by|written by|words by)\s+(?P<name>[A-Z\u00c0-\u024f][^|•\n]{1,80}?)"
    r"\s*(?:[|•]\s*[^\n]*|\s[-–—]\s[^\n]*)?$",
    re.IGNORECASE,
)
# A linked name's pop-up card pasted into the sentence by a page scrape: after the name as the
# article writes it, the person's full name with its last word glued to the first of a few
# headlines, ending with "MORE" ("… Senator Ann Roe Ann Marie RoeSenate passes the bill Roe
# answers critics MORE (D-Ore.) said"); a card without headlines glues "MORE" to the full name
# ("Ann Roe Ann Marie RoeMORE said": it ends there, not at a later card's MORE); a few cards
# leave a space after the full name but repeat the given name ("Ann Roe Ann Marie Roe Senate
# passes …"). The cut starts at the space before the card, so "Roe’s" stays one word.
_CARD_END = r"[^\n]{0,900}?\sMORE(?!\w)"
_CARD_NAME_WORD = r"[A-Z(\"“][\w.'’()\"”-]*\s+"
_SURNAME = r"(?P<sur>[A-Z][a-z][\w'’.-]*[a-z])"
_POPUP_CARD = re.compile(
    rf"\b{_SURNAME}(?P<card>\s+(?:{_CARD_NAME_WORD}){{0,5}}(?P=sur)"
    rf"(?:MORE(?!\w)|(?=[A-Z0-9'\"‘“$]){_CARD_END}))"
    rf"|\b(?P<given>[A-Z][\w'’.-]+)\s+(?P<sur2>[A-Z][a-z][\w'’.-]*[a-z])"
    rf"(?P<card2>\s+(?P=given)\s+(?:{_CARD_NAME_WORD}){{0,3}}(?P=sur2)\s{_CARD_END})"
)
_POPUP_REASON = "pop-up card of a linked name (full name, headlines, MORE)"
_BYLINE_MAX_CHARS = 120
_BYLINE_SEARCH_LINES = 8
_OUTSIDE_ARTICLE = "outside the article text (page navigation, boxes, footer)"
_HEADLINE_MAX_CHARS = 150
_HEADLINE_SEARCH_LINES = 5


@dataclass(frozen=True)
class Span:
    """A removed span of the raw text."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """A kept paragraph: its text and where it came from in the raw text (`text` is
    `raw[raw_start:raw_end]` without the spans removed inside it, whitespace-normalised)."""

    raw_start: int
    raw_end: int
    text: str


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one article.

    Attributes:
        title: The headline found in the file, or the known title, or None.
        title_span: Raw offsets of the headline line, when the file holds one.
        paragraphs: The kept paragraphs in order.
        removed: The removed spans in raw order.
        author: The name in the byline line, when the file has one near the top.
    """

    title: str | None
    title_span: tuple[int, int] | None
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Span, ...]
    author: str | None = None

    @property
    def body(self) -> str:
        """Returns the article body: the paragraphs joined by one blank line."""
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)


@dataclass
class _Line:
    start: int  # offset of the first non-whitespace character
    end: int  # offset after the last non-whitespace character
    raw: str  # the whole line, indentation included
    label: str | None = None  # None: body; "title"; otherwise the removal reason
    cut: int | None = None  # offset where the kept text ends (a removed credit follows)
    inner: list[tuple[int, int]] = field(default_factory=list)  # removed spans inside the line

    @property
    def blank(self) -> bool:
        return self.start == self.end

    @property
    def text(self) -> str:
        return normalize_whitespace(self.raw)

    @property
    def indented(self) -> bool:
        return self.raw[:1].isspace() or bool(re.match(r"\s*\d+\.\s", self.raw))


@dataclass
class _Rules:
    drops: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: str = "auto"


def normalize_whitespace(text: str) -> str:
    """Applies the documented whitespace normalisation to one paragraph.

    Args:
        text: Raw text of a paragraph (it may hold line breaks when hard-wrapped).

    Returns:
        The text with each whitespace run as one space, zero-width spaces dropped, stripped.
    """
    return _WHITESPACE.sub(" ", text.translate(_ZERO_WIDTH)).strip()


def clean_text(
    raw: str,
    *,
    known_title: str | None = None,
    rules: Sequence[dict[str, Any]] = (),
    source: str = "<text>",
    kept_lines: Collection[str] | None = None,
) -> Cleaned:
    """Splits a raw article into title, paragraphs and removed spans.

    Args:
        raw: The raw article text.
        known_title: The title from the manifest or HTML metadata, if any; the line holding it is
            taken as the headline and the lines before it as masthead.
        rules: The article's rules from `cleaning.yml`.
        source: What to name in error messages (file or article id).
        kept_lines: For a web page, the whitespace-normalised lines its article text is made
            of (trafilatura's); every other line (except the headline) is removed as outside the
            article. None keeps every line for the rules below.

    Returns:
        The cleaned article.

    Raises:
        CorpusError: A rule is malformed or does not match exactly one line, or nothing is left.
    """
    lines = _split_lines(raw)
    parsed = _parse_rules(rules, source)
    _apply_corpus_rules(lines, parsed.drops, source)
    author = _label_byline(lines, window=None if kept_lines is not None else _BYLINE_SEARCH_LINES)
    if kept_lines is not None:
        _label_outside_article(lines, kept_lines, known_title)
    _label_comment_section(lines)
    for line in lines:
        if line.label is None and not line.blank:
            line.label = _generic_reason(line.text)
    title, title_span = _label_headline(lines, known_title)
    _cut_credit_sentence(raw, lines)
    _cut_popup_cards(raw, lines)
    paragraphs = _paragraphs(raw, lines, parsed.paragraphs)
    if not paragraphs:
        raise CorpusError(
            f"{source}: cleaning removed every line, so the article has no body; "
            "check its rules in cleaning.yml."
        )
    return Cleaned(
        title, title_span, tuple(paragraphs), tuple(_removed_spans(raw, lines)), author=author
    )


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    pos = 0
    for match in [*_LINE_BREAK.finditer(raw), None]:
        end = match.start() if match else len(raw)
        text = raw[pos:end]
        if text.translate(_ZERO_WIDTH).strip():
            lead = len(text) - len(text.lstrip())
            start, stop = pos + lead, pos + len(text.rstrip())
        else:
            start = stop = pos
        lines.append(_Line(start, stop, text))
        if match:
            pos = match.end()
    return lines


def _parse_rules(rules: Sequence[dict[str, Any]], source: str) -> _Rules:
    parsed = _Rules()
    kinds = ("drop", "drop_from", "drop_until")
    for rule in rules:
        if "paragraphs" in rule:
            if rule["paragraphs"] not in ("lines", "blocks", "auto") or len(rule) != 1:
                raise CorpusError(
                    f"cleaning.yml, {source}: 'paragraphs' takes lines, blocks or auto, alone."
                )
            parsed.paragraphs = rule["paragraphs"]
            continue
        given = [k for k in kinds if k in rule]
        if len(given) != 1 or not rule.get("reason") or set(rule) - {*kinds, "reason"}:
            raise CorpusError(
                f"cleaning.yml, {source}: rule {rule!r} must have exactly one of {kinds} "
                "and a 'reason'."
            )
        parsed.drops.append(rule)
    return parsed


def _apply_corpus_rules(lines: list[_Line], drops: list[dict[str, Any]], source: str) -> None:
    for rule in drops:
        kind = next(k for k in ("drop", "drop_from", "drop_until") if k in rule)
        wanted = normalize_whitespace(str(rule[kind]))
        hits = [i for i, line in enumerate(lines) if not line.blank and line.text == wanted]
        if len(hits) != 1:
            raise CorpusError(
                f"cleaning.yml, {source}: rule {kind}: {wanted!r} matches {len(hits)} lines of "
                "the raw file, not exactly one; quote the whole line as it stands in the file."
            )
        i = hits[0]
        targets = {"drop": [i], "drop_from": range(i, len(lines)), "drop_until": range(i)}[kind]
        for j in targets:
            lines[j].label = f"corpus rule: {rule['reason']}"


def _generic_reason(text: str) -> str | None:
    """Returns why a line is not article text by the generic line rules, or None."""
    if len(text) <= _WIDGET_MAX_CHARS and _WIDGET_LABEL.match(text):
        return "widget or navigation label"
    if len(text) <= _CAPTION_MAX_CHARS and _CAPTION_CREDIT.search(text):
        return "photo caption (ends with a photo credit)"
    if _CREDIT_LINE.match(text):
        return "reporting credit"
    if len(text) <= _COPYRIGHT_MAX_CHARS and _COPYRIGHT.match(text):
        return "copyright notice"
    if len(text) <= _SIGN_UP_MAX_CHARS and _SIGN_UP.match(text):
        return "newsletter sign-up"
    return None


def _label_byline(lines: list[_Line], *, window: int | None) -> str | None:
    candidates = [line for line in lines if line.label is None and not line.blank]
    for line in candidates[:window]:
        text = line.text
        if len(text) > _BYLINE_MAX_CHARS or re.search(r"[.!?”\"]$", text):
            continue
        if match := _BYLINE.match(text):
            name = match["name"].strip(" ,;:")
            if name[:1].isupper() and len(name.split()) >= 2:
                line.label = "byline"
                return name
    return None


def _label_outside_article(
    lines: list[_Line], kept_lines: Collection[str], known_title: str | None
) -> None:
    kept = {normalize_whitespace(k) for k in kept_lines}
    kept_text = "\n".join(kept)
    title = _fold(known_title) if known_title else None
    for line in lines:
        if line.label is not None or line.blank:
            continue
        text = line.text
        if text in kept or (title is not None and _fold(text) == title):
            continue
        # trafilatura may join or split a page's blocks: a long line inside its text is kept.
        if len(text) >= _WIDGET_MAX_CHARS and text in kept_text:
            continue
        line.label = _generic_reason(text) or _OUTSIDE_ARTICLE


def _label_comment_section(lines: list[_Line]) -> None:
    marker = next(
        (
            i
            for i, line in enumerate(lines)
            if line.label is None and not line.blank and _COMMENT_MARKER.match(line.text)
        ),
        None,
    )
    if marker is None:
        return
    start = marker
    for j in range(marker - 1, -1, -1):
        if lines[j].blank:
            continue
        if lines[j].label is not None or not lines[j].indented:
            break
        start = j
    for line in lines[start:]:
        if line.label is None:
            line.label = "reader comments and comment form"


def _fold(text: str) -> str:
    return normalize_whitespace(text).translate(str.maketrans("’‘“”", "''\"\"")).casefold()


def _looks_like_headline(text: str) -> bool:
    return (
        len(text) <= _HEADLINE_MAX_CHARS
        and len(text.split()) >= 2
        and not re.search(r"[.,;:”\"’']$", text)
        and not re.match(r"[“\"‘']", text)
    )


def _label_headline(
    lines: list[_Line], known_title: str | None
) -> tuple[str | None, tuple[int, int] | None]:
    candidates = [i for i, line in enumerate(lines) if line.label is None and not line.blank]
    if known_title:
        for i in candidates[:_HEADLINE_SEARCH_LINES]:
            if _fold(lines[i].text) == _fold(known_title):
                lines[i].label = "title"
                for line in lines[:i]:
                    if line.label is None and not line.blank:
                        line.label = "before the headline (masthead or navigation)"
                return known_title, (lines[i].start, lines[i].end)
    if len(candidates) >= 2 and _looks_like_headline(lines[candidates[0]].text):
        first = lines[candidates[0]]
        if known_title:
            first.label = "headline line (the manifest gives the title)"
            return known_title, None
        first.label = "title"
        return first.text, (first.start, first.end)
    return known_title, None


def _cut_credit_sentence(raw: str, lines: list[_Line]) -> None:
    body = [line for line in lines if line.label is None and not line.blank]
    if not body:
        return
    last = body[-1]
    match = _CREDIT_SENTENCE.search(raw, last.start, last.end)
    if not match:
        return
    if not raw[last.start : match.start()].strip():
        last.label = "reporting credit"
    else:
        last.cut = len(raw[: match.start()].rstrip())


def _cut_popup_cards(raw: str, lines: list[_Line]) -> None:
    """Records, in each body line, the pop-up cards pasted into it (`_POPUP_CARD`)."""
    for line in lines:
        if line.label is not None or line.blank:
            continue
        end = line.cut or line.end
        if "MORE" not in raw[line.start : end]:
            continue  # every card ends with it: the pattern need not search the line
        for match in _POPUP_CARD.finditer(raw, line.start, end):
            group = "card" if match["card"] is not None else "card2"
            line.inner.append((match.start(group), match.end(group)))


def _kept_text(raw: str, start: int, end: int, inner: Sequence[tuple[int, int]]) -> str:
    """Returns `raw[start:end]` without the removed spans inside it, whitespace-normalised."""
    pieces, pos = [], start
    for cut_start, cut_end in inner:
        pieces.append(raw[pos:cut_start])
        pos = cut_end
    pieces.append(raw[pos:end])
    return normalize_whitespace("".join(pieces))


def _paragraphs(raw: str, lines: list[_Line], mode: str) -> list[Paragraph]:
    if mode == "auto":
        mode = "blocks" if _hard_wrapped(lines) else "lines"
    paragraphs: list[Paragraph] = []
    block: list[_Line] = []

    def flush() -> None:
        if block:
            start, end = block[0].start, block[-1].cut or block[-1].end
            inner = [span for line in block for span in line.inner]
            paragraphs.append(Paragraph(start, end, _kept_text(raw, start, end, inner)))
            block.clear()

    for line in lines:
        if line.label is not None or line.blank:
            flush()
            continue
        block.append(line)
        if mode == "lines" or line.cut is not None:
            flush()
    flush()
    return paragraphs


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Returns True when the file wraps paragraphs over several short lines (blocks mode)."""
    kept = [line for line in lines if line.label is None and not line.blank]
    has_blank = any(line.blank for line in lines)
    consecutive = any(
        a.label is None and b.label is None and not a.blank and not b.blank
        for a, b in zip(lines, lines[1:], strict=False)
    )
    return bool(kept) and has_blank and consecutive and max(len(x.text) for x in kept) <= 100


def _removed_spans(raw: str, lines: list[_Line]) -> list[Span]:
    spans: list[Span] = []
    kept_since_last = True
    for line in lines:
        if line.blank:
            continue
        if line.label in (None, "title"):
            kept_since_last = True
            spans.extend(Span(start, end, _POPUP_REASON) for start, end in line.inner)
            if line.cut is not None:
                tail = (
                    line.cut
                    + len(raw[line.cut : line.end])
                    - len(raw[line.cut : line.end].lstrip())
                )
                spans.append(Span(tail, line.end, "reporting credit"))
            continue
        reason = str(line.label)
        if spans and not kept_since_last and spans[-1].reason == reason:
            spans[-1] = Span(spans[-1].start, line.end, reason)
        else:
            spans.append(Span(line.start, line.end, reason))
        kept_since_last = False
    return spans
