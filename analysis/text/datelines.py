"""Datelines and bylines: the place and agency an article opens with ("ODESA, Ukraine (Reuters) —",
"WASHINGTON —") and the author line ("By Jane Roe"). Their names are never a speaker or an actor.
"""

from __future__ import annotations

import re

#: A dateline ("ODESA, Ukraine (Reuters) —", "WASHINGTON —": a dash after a space, so "U.S.-"
#: is none) or a byline ("By Jane Roe") at a paragraph start.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .,'’-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?"
    r"(?:\s*\([^)]{1,40}\)\s*[—–-]+|\s+[—–-]+(?=\s))"
    r"|By\s+[A-Z][^\n]{0,60}$)",
    re.MULTILINE,
)


def find_datelines(text: str) -> list[tuple[int, int]]:
    """Returns the (start, end) body offsets of datelines and bylines: never a speaker or an
    actor."""
    return [(m.start(), m.end()) for m in DATELINE.finditer(text)]
