"""Word lists shared by the entity and quote rules (lowercase lemmas), and the word tokeniser
used when comparing texts."""

from __future__ import annotations

import re


def words(text: str) -> list[str]:
    """Returns the lowercase word tokens of a text (runs of letters, digits and _)."""
    return re.findall(r"\w+", text.lower())


#: Attribution verbs: a quote's `cue` is one of these (or "according to"); being the subject of
#: one is also a cue that a name is a person's or an organisation's.
SPEECH_VERBS = frozenset(
    """
    accuse acknowledge add admit allege announce answer argue ask assert bellow boast brand
    call caution claim comment complain concede conclude confirm contend continue counter
    criticise criticize declare denounce deny describe echo emphasise emphasize exclaim
    explain inform insist joke lament maintain mention muse note object observe pledge point
    post praise predict quip recall recount reiterate remark reply report respond retort say
    shout state stress suggest summarise summarize tell testify tweet urge vow warn write
    """.split()
)
#: Verbs only people do; their subject is a person.
PERSON_VERBS = frozenset("resign quit".split())
#: Nouns for a person's role: "X, the head of …", "the minister said".
ROLE_NOUNS = frozenset(
    """
    activist adviser advisor ambassador analyst chairman chairwoman chief commander
    correspondent director editor expert founder general governor head journalist lawyer leader
    mayor minister official president professional reporter researcher secretary speaker
    spokesman spokesperson spokeswoman
    """.split()
)
