"""A person's gender as an article shows it, for tying he/she to a name: a gender word right
before the name ("Mr.", "the spokeswoman": `male_words`/`female_words` of `data/lexicon.yml`) or
a common given name of one gender (`data/given_name_genders.csv`). Shared by the timeline's
actors; the speaker rules (quotes/context.py) read the same lists and could use it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import FEMALE_WORDS, MALE_WORDS, gender_of_given_name

#: Pronouns of one gender: "he" → "m".
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
GENDER_WORDS = {**dict.fromkeys(MALE_WORDS, "m"), **dict.fromkeys(FEMALE_WORDS, "f")}
#: A gender word ending the text before a name ("… Mr. ", "the spokeswoman ").
GENDER_BEFORE = re.compile(rf"\b({'|'.join(sorted(GENDER_WORDS))})\.?\s*$", re.IGNORECASE)


def gender_before(text: str) -> str | None:
    """Returns "m" or "f" when the text right before a name ends on a gender word ("Mr. ",
    "his sister "), else None."""
    found = GENDER_BEFORE.search(text[-25:])
    return GENDER_WORDS[found[1].lower()] if found else None


def gender_of_name(name: str, *, titles: Iterable[str] = ()) -> str | None:
    """Returns the gender of a full name's given name ("Margaret Hale" → "f"): its first
    capitalised word after gender words and `titles`, when the name has at least two words; None
    for a bare surname or a given name of both genders or not listed."""
    skip = set(GENDER_WORDS) | {t.lower() for t in titles}
    parts = [w for w in name.split() if w[:1].isupper()]
    while parts and parts[0].lower().rstrip(".") in skip:
        parts = parts[1:]
    return gender_of_given_name(parts[0]) if len(parts) >= 2 else None
