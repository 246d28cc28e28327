"""Page furniture: text repeated in many articles of one outlet (a newsletter box, a footer, a
copyright or reprint line) is that outlet's page, not its writing. `find_repeated_texts` counts
the articles of each outlet that carry each text; each caller keeps its own unit (a line, a
sentence, a run of words), normalisation and threshold: the entities' page furniture
(`entities.filters`), the sentences that never link (`overlap.furniture`) and house style
(`framing.style`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def find_repeated_texts(
    units: Iterable[tuple[str, str, K]], *, min_articles: int, one_outlet: bool = True
) -> dict[tuple[str, K], int]:
    """Finds the texts carried by at least `min_articles` articles of one outlet.

    Args:
        units: (article_id, outlet, text) of every unit of text (the text as the caller
            normalised it; a unit repeated within one article counts once).
        min_articles: Least articles of the outlet that carry a text.
        one_outlet: True: only texts no article of another outlet carries (a wire story's
            sentences run by several outlets are no one's furniture); False: any text that many
            articles of the outlet carry, whoever else carries it.

    Returns:
        (outlet, text) → the number of the outlet's articles that carry it, for every such text.
    """
    carried: dict[K, dict[str, set[str]]] = {}
    for article_id, outlet, text in units:
        carried.setdefault(text, {}).setdefault(outlet, set()).add(article_id)
    found: dict[tuple[str, K], int] = {}
    for text, by_outlet in carried.items():
        if one_outlet and len(by_outlet) != 1:
            continue
        for outlet, articles in by_outlet.items():
            if len(articles) >= min_articles:
                found[(outlet, text)] = len(articles)
    return found
