"""Word lists and patterns that cue a speaker: reporting verbs, organisation and document nouns,
gender words and remark nouns (read from `data/cues.yml`), channels and roundup lines. None names
a person, outlet or phrase of an article."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


def _read_cues() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load((DATA / "cues.yml").read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in values) for key, values in raw.items()}


_CUES = _read_cues()
#: Verbs whose reported clause makes an indirect quote.
REPORTING_VERBS = _CUES["reporting_verbs"]
#: Speech verbs that speak only without a verb complement ("continued", not "continued to be").
BARE_SPEECH_VERBS = _CUES["bare_speech_verbs"]
#: Verbs that cue a quote's speaker as a speech verb does (quote rules only).
QUOTE_VERBS = _CUES["quote_verbs"]
#: Verbs that answer with "back" after them ("shot back", "fired back").
ANSWER_BACK_VERBS = _CUES["answer_back_verbs"]
QUESTION_VERBS = _CUES["question_verbs"]
#: Verbs that go on speaking with "on" after them and no complement ("“…,” she went on").
GOING_ON_VERBS = _CUES["going_on_verbs"]
#: Words opening a subordinate clause whose speech verb is not the sentence's cue.
SUBORDINATORS = _CUES["subordinators"]
#: Subordinators whose clause is a statement of its own ("while Y suggested …, saying").
CONTRAST_SUBORDINATORS = _CUES["contrast_subordinators"]
#: Entity types that can be a speaker ("Ukraine said" is a government speaking).
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
ORG_PRONOUNS = frozenset(["it", "they", "them"])
#: Nouns for an organisation; "the watchdog" is the organisation the article last quoted.
ORG_NOUNS = _CUES["org_nouns"]
#: Org nouns that stand for the organisation an article is about when none spoke before
#: ("the human rights organization issued a report"); "the company" may be another one.
GENERIC_ORG_NOUNS = _CUES["generic_org_nouns"]
#: Nouns for a document: its words belong to whoever the article says issued it.
DOCUMENT_NOUNS = _CUES["document_nouns"]
#: Verbs that issue a document ("X released a sales video that said “…”").
ISSUING_VERBS = frozenset(_CUES["issuing_verbs"])
#: Words that say a person's gender (titles, gendered roles).
GENDER_WORDS = {
    **dict.fromkeys(sorted(_CUES["male_words"]), "m"),
    **dict.fromkeys(sorted(_CUES["female_words"]), "f"),
}
#: A gender word right before a name ("Ms. ", "spokesman "), in lowercase text.
GENDER_BEFORE = re.compile(rf"\b({'|'.join(GENDER_WORDS)})\.?\s*$")
#: Titles before a given name ("Sen. Margaret Hale"), besides gender words and role nouns.
NAME_TITLES = _CUES["name_titles"]
#: Honorifics before a surname ("Mr. X", "Mrs. X"); their gender is in `GENDER_WORDS`.
HONORIFICS = frozenset(_CUES["honorifics"])
#: Verbs of intent whose infinitive complement is not said: "X wanted to admit …".
UNSAID_HEADS = frozenset(_CUES["unsaid_heads"])
#: Nouns for a person besides role nouns and gender words ("X, a history teacher,").
PERSON_NOUNS = _CUES["person_nouns"]
#: Nouns that a quoted fragment can hang on with a possessor: X's "…" remark.
REMARK_NOUNS = _CUES["remark_nouns"]
#: Nouns for a person's own words whose possessor owns the quotation they introduce or name.
OWNER_NOUNS = _CUES["owner_nouns"]
#: Verbs that cue a quote's speaker only inverted: "“…,” offered X".
INVERTED_VERBS = _CUES["inverted_verbs"]
UNNAMED_ROLES = frozenset(_CUES["unnamed_roles"])
AFTER_QUOTE_VERBS = frozenset(_CUES["after_quote_verbs"])
#: Speech verbs that speak inverted after a fronted clause: "Since it failed, added X, “…”".
FRONTED_INVERTED_VERBS = _CUES["fronted_inverted_verbs"]
#: Verbs that cue a quote's speaker only as "as X puts it".
AS_IT_VERBS = _CUES["as_it_verbs"]
#: Verbs that cue a quote's speaker only with a document noun as subject: "the statement reads".
DOCUMENT_VERBS = _CUES["document_verbs"]
#: Verbs that cue only a quotation they govern: "X dismissed it as “…”".
GOVERNING_ONLY_VERBS = _CUES["governing_only_verbs"]
#: Verbs that cue only a quotation they govern through a preposition: "X referred to Y as “…”".
PREPOSITION_VERBS = _CUES["preposition_verbs"]
#: Words right before a partial quote that make it a name ("so-called", "titled").
NAME_OPENERS = _CUES["name_openers"]
#: Nouns for a work whose title capitalised quoted words next to them are ("her memoir “…”").
WORK_NOUNS = frozenset(_CUES["work_nouns"])
#: Nouns for one who made a work, before "of" and its title ("X, author of “…”").
MAKER_NOUNS = frozenset(_CUES["maker_nouns"])
#: Words right before a programme's quoted title ("said on “…”", "told the network's “…”").
PROGRAMME_OPENERS = frozenset(_CUES["programme_openers"])
#: Words opening a sentence that goes on with the previous quotation ("Instead, “…”").
CONTINUING_WORDS = _CUES["continuing_words"]
#: The abbreviated titles of each role noun ("senator" → {"sen"}).
TITLE_ABBREVIATIONS: dict[str, frozenset[str]] = {}
for _pair in sorted(_CUES["abbreviated_titles"]):
    _short, _noun = _pair.split()
    TITLE_ABBREVIATIONS[_noun] = TITLE_ABBREVIATIONS.get(_noun, frozenset()) | {_short}
#: How many sentences before a he/she's own the last speaker may have spoken for the pronoun to
#: stand for that speaker when nobody else came into view (`antecedents.find_speaker_in_view`).
SPEAKER_VIEW = 2
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


#: The dashes that open a roundup's line ("— Name" after a quote): en and em dash, the
#: horizontal bar of quotation dashes (U+2015), a hyphen.
ROUNDUP_DASHES = "–—―-"
#: What may stand before the name on a roundup line: the dash, abbreviated titles.
ROUNDUP_LEAD = re.compile(rf"[\s{ROUNDUP_DASHES}]*(?:[A-Z][a-z]{{0,4}}\.\s*)*")
