"""A pronoun's look-back: the sentences searched, nearest first, for the one a pronoun stands
for (`find_look_back`: its own sentence, then whole sentences before it), and how far back a
he/she looks (`PERSON_WINDOW`, `PERSON_NEAR`). Shared by the speaker rules
(`quotes.antecedents`) and the timeline's actors (`timeline.actors`), each reading the
sentences with its own rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: How many sentences back a he/she looks for its antecedent.
PERSON_WINDOW = 6
#: Past this many sentences back, only when no sentence nearer has a name or a role noun as its
#: subject (someone the entity rules may have missed: "Terranova owes …", "the governor …").
PERSON_NEAR = 3


def find_look_back(pronoun: Token, *, sentences: int) -> list[Span]:
    """Returns the sentences a pronoun looks back through for its antecedent, nearest first: its
    own sentence (to be read only up to the pronoun), then up to `sentences` sentences before
    it (fewer at the article's start)."""
    sent = pronoun.sent
    found = [sent]
    prev = sent
    for _ in range(sentences):
        if prev.start == 0:
            break
        prev = pronoun.doc[prev.start - 1].sent
        found.append(prev)
    return found
