"""Word lists and patterns that cue a speaker: reporting verbs, organisation and document nouns,
gender words, channels, datelines and bylines. None names a person, outlet or phrase of an
article."""

from __future__ import annotations

import re

#: Verbs whose reported clause makes an indirect quote.
REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "write",
        "tweet",
        "post",
        "add",
        "argue",
        "claim",
        "stress",
        "explain",
        "announce",
        "insist",
        "deny",
        "warn",
        "note",
        "state",
        "reiterate",
        "continue",
        "allege",
        "assert",
        "declare",
        "emphasize",
        "emphasise",
        "admit",
        "acknowledge",
        "suggest",
        "conclude",
        "confirm",
        "report",
    ]
)
#: Entity types that can be a speaker ("Ukraine said" is a government speaking).
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
ORG_PRONOUNS = frozenset(["it", "they", "them"])
#: Nouns for an organisation; "the watchdog" is the organisation the article last quoted.
ORG_NOUNS = frozenset(
    """
    organization organisation watchdog group body agency ngo charity movement office company
    firm ministry department government council commission authority union party
    """.split()
)
#: Org nouns that stand for the organisation an article is about when none spoke before
#: ("the human rights organization issued a report"); "the company" may be another one.
GENERIC_ORG_NOUNS = frozenset(
    "organization organisation watchdog group body agency ngo charity movement".split()
)
#: Nouns for a document: its words belong to whoever the article says issued it.
DOCUMENT_NOUNS = frozenset(
    """
    report study research statement release paper document email letter memo audio video
    recording filing complaint lawsuit
    """.split()
)
#: Words that say a person's gender (titles, gendered roles).
GENDER_WORDS = {
    **dict.fromkeys("mr sir mister king prince father son brother spokesman chairman".split(), "m"),
    **dict.fromkeys(
        "mrs ms miss madam lady queen princess mother daughter sister spokeswoman "
        "chairwoman congresswoman businesswoman".split(),
        "f",
    ),
}
#: A gender word right before a name ("Ms. ", "spokesman "), in lowercase text.
GENDER_BEFORE = re.compile(rf"\b({'|'.join(GENDER_WORDS)})\.?\s*$")
#: Nouns that a quoted fragment can hang on with a possessor: X's "…" remark.
REMARK_NOUNS = frozenset(
    "remark remarks comment comments word words claim phrase description warning".split()
)
#: How many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 3
CHANNELS = (
    ("Facebook", re.compile(r"\bFacebook\b")),
    ("Twitter", re.compile(r"\b(?:Twitter|tweet(?:s|ed)?)\b", re.IGNORECASE)),
    ("Telegram", re.compile(r"\bTelegram\b")),
    ("press release", re.compile(r"\bpress release\b", re.IGNORECASE)),
    ("interview", re.compile(r"\binterview\b", re.IGNORECASE)),
    ("statement", re.compile(r"\bstatement\b", re.IGNORECASE)),
    ("letter", re.compile(r"\bletter\b", re.IGNORECASE)),
)
#: Words (lowercase) of which a text names one whenever a channel pattern matches it.
_CHANNEL_WORDS = (
    "facebook",
    "twitter",
    "tweet",
    "telegram",
    "press release",
    "interview",
    "statement",
    "letter",
)
#: Letters that case-insensitive patterns match as i and s but `str.lower` keeps apart.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def find_channel(text: str) -> str | None:
    """Returns the first channel of `CHANNELS` that a text names, if any.

    The patterns run only when the text holds one of their words: most sentences name none.
    """
    folded = text.translate(_FOLD).lower()
    if not any(word in folded for word in _CHANNEL_WORDS):
        return None
    return next((name for name, pattern in CHANNELS if pattern.search(text)), None)


#: What may stand before the name on a roundup line: the dash, abbreviated titles.
ROUNDUP_LEAD = re.compile(r"[\s–—-]*(?:[A-Z][a-z]{0,4}\.\s*)*")
