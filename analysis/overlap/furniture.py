"""What never links: an outlet's furniture and fragments (docs/overlap.md, step 4).

An outlet's furniture (a copyright line, a newsletter or reprint prompt that at least
`FURNITURE_ARTICLES` articles of one outlet carry) is not a statement of the story, and a
fragment (every comparison text under `FRAGMENT_WORDS` words) links only to a text of its very
words; a sentence without a letter never links. A page's navigation (`find_navigation`: a teaser
for another page after "More:", "Related:" or "Read more", a "Click here…" or "Sign up…"
prompt) is not a statement either, whichever outlet or how many articles carry it, nor is a
reporter's sign-off (`find_credits`: "— Jane Roe" closing an entry of a live page).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..text.furniture import find_repeated_texts

#: A sentence text carried by this many articles or more, all of one outlet, is its furniture.
FURNITURE_ARTICLES = 3
#: A sentence whose every comparison text has fewer words than this is a fragment (a subheading,
#: a name on its own, "he said."): it links only to a text of the same words, never because a
#: longer sentence contains its few words.
FRAGMENT_WORDS = 4
#: A sentence opening with one of these is the page's navigation: a teaser for another page
#: ("More: Senate passes the bill", "(RELATED: …)", "Read more about the vote.") or a call to
#: action ("Click here to order a print of this page.", "Sign up for our newsletter"); never a quote
#: ("“Watch: they will fold,” she said.").
NAVIGATION = re.compile(
    r"^[\s(•*–—-]*(?:(?:more|related|read more|see also|watch)\s*:"
    r"|read more\b|click here\b|sign up\b|subscribe to\b)",
    re.IGNORECASE,
)
#: A sentence that is only a dash and a name of up to four capitalised words: a reporter's
#: sign-off closing an entry of a live page ("— Jane Roe", "-- J. Roe"), not a statement.
CREDIT = re.compile(r"^\s*[-–—]+\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")


def whole_statements(i: np.ndarray, j: np.ndarray, views: list[list[list[str]]]) -> np.ndarray:
    """Says, for each candidate pair of sentences (numbers i, j; `views`: each sentence's
    comparison texts as words), whether it may link: a sentence without a letter never links,
    and a fragment (every text under `FRAGMENT_WORDS` words) only to a sentence with a text of
    the same words.

    Returns:
        One boolean per pair.
    """
    lettered = np.array([any(c.isalpha() for v in mine for w in v for c in w) for mine in views])
    fragment = np.array([all(len(v) < FRAGMENT_WORDS for v in mine) for mine in views], dtype=bool)
    keep = lettered[i] & lettered[j]
    for k in np.flatnonzero(keep & (fragment[i] | fragment[j])).tolist():
        a, b = int(i[k]), int(j[k])
        keep[k] = bool({tuple(v) for v in views[a]} & {tuple(v) for v in views[b]})
    return keep


def find_furniture(sentences: pd.DataFrame, outlets: Mapping[str, str]) -> np.ndarray:
    """Finds each outlet's furniture among the sentences.

    A sentence is furniture when its text (case and spacing aside) is carried by at least
    `FURNITURE_ARTICLES` articles and they all come from one outlet: "Click here for reprint
    permission." closing every article of one site. A text many outlets carry (a wire sentence,
    a statement printed in full) is not furniture.

    Args:
        sentences: The `sentences` table (article_id, text).
        outlets: article_id → outlet; an article missing from it is an outlet of its own.

    Returns:
        One boolean per row of `sentences`, in their order: True for furniture.
    """
    article = [str(a) for a in sentences.article_id.tolist()]
    key = [" ".join(str(t).split()).casefold() for t in sentences.text.tolist()]
    outlet = [outlets.get(a, a) for a in article]
    repeated = find_repeated_texts(
        zip(article, outlet, key, strict=True), min_articles=FURNITURE_ARTICLES
    )
    furniture = {text for _, text in repeated}
    return np.array([k in furniture for k in key], dtype=bool)


def find_navigation(texts: Sequence[str]) -> np.ndarray:
    """Finds the page's navigation among sentences (`NAVIGATION`): a teaser headline of another
    page or a call to action, which states nothing of the article it sits in.

    Args:
        texts: The sentences' texts.

    Returns:
        One boolean per text: True for navigation.
    """
    return np.array([bool(NAVIGATION.match(str(t))) for t in texts], dtype=bool)


def find_credits(texts: Sequence[str]) -> np.ndarray:
    """Finds reporters' sign-offs among sentences (`CREDIT`): a dash and a name alone.

    Args:
        texts: The sentences' texts.

    Returns:
        One boolean per text: True for a sign-off.
    """
    return np.array([bool(CREDIT.match(str(t))) for t in texts], dtype=bool)
