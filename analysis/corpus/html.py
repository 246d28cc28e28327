"""A saved web page as text: what a reader sees, one line per block, nothing of it lost.

The raw text of an HTML article (`articles.raw`) is the page's visible text: the text of the
`<body>`, with one line per block element (paragraph, heading, list item, table cell, `<br>`), the
whitespace inside a line collapsed to single spaces and empty lines left out. Markup, scripts,
styles, comments and the `<head>` are not text a reader sees and are not part of it. Cleaning then
accounts for every character of this text: title, body, or a removed span with its reason.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

#: Elements whose content is not visible text.
_HIDDEN = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
)
#: Elements that start and end a line.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "td", "th", "tr", "ul", "option", "select", "button", "label",
    }
)  # fmt: skip


@dataclass(frozen=True)
class PageText:
    """The visible text of a page.

    Attributes:
        text: The lines joined by newlines.
        link_list_lines: The lines that sit in a list item holding a link (teasers of other pages).
    """

    text: str
    link_list_lines: frozenset[str]

    def share_in_link_lists(self, lines: Collection[str]) -> float:
        """Returns the share of the given lines' characters that sit in lists of links.

        Args:
            lines: Whitespace-normalised lines, e.g. the ones trafilatura kept as article text.

        Returns:
            A number from 0 to 1 (0 when no lines are given).
        """
        total = sum(len(line) for line in lines)
        teasers = sum(len(line) for line in lines if line in self.link_list_lines)
        return teasers / total if total else 0.0


def render_page_text(html: str) -> PageText:
    """Renders the visible text of a page, one line per block.

    Args:
        html: The page's HTML source.

    Returns:
        The page text and which of its lines sit in lists of links.
    """
    import lxml.html

    root = lxml.html.document_fromstring(html or "<html></html>")
    body = root.find("body")
    lines: list[str] = []
    teasers: set[str] = set()
    current: list[str] = []
    in_link_list = [False]

    def flush() -> None:
        line = " ".join("".join(current).split())
        current.clear()
        if line:
            lines.append(line)
            if in_link_list[0]:
                teasers.add(line)

    def walk(element: lxml.html.HtmlElement, link_list: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag and tag.lower() not in _HIDDEN:
            tag = tag.lower()
            if tag == "li" and element.find(".//a") is not None:
                link_list = True
            block = tag in _BLOCKS or tag == "br"
            if block:
                flush()
            in_link_list[0] = link_list
            current.append(element.text or "")
            for child in element:
                walk(child, link_list)
                in_link_list[0] = link_list
            if block:
                flush()
        if element.tail:
            current.append(element.tail)

    if body is not None:
        walk(body, False)
        flush()
    return PageText("\n".join(lines), frozenset(teasers))
