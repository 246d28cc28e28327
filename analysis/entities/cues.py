"""The word lists of the entity rules: the spaCy labels kept, person titles, organisation
vocabulary, ministry portfolios and place words.
"""

from __future__ import annotations

KEEP_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
PLACE_LABELS = frozenset({"GPE", "LOC"})

TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "general",
        "secretary-general",
        "adviser",
        "advisor",
        "chief",
        "head",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "speaker",
        "director",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "founder",
        "official",
        "commissioner",
        "ambassador",
        "governor",
        "mayor",
        "senator",
        "sen",
        "rep",
        "representative",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "lord",
        "lady",
        "gen",
        "col",
        "capt",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "interior",
        "justice",
        "finance",
        "presidential",
        "councillor",
        "councilor",
        "judge",
    ]
)
ORG_WORDS = frozenset(
    [
        "international",
        "ministry",
        "office",
        "agency",
        "council",
        "committee",
        "court",
        "union",
        "party",
        "army",
        "forces",
        "group",
        "bank",
        "university",
        "institute",
        "association",
        "foundation",
        "watch",
        "corporation",
        "company",
        "inc",
        "ltd",
        "llc",
        "news",
        "times",
        "post",
        "service",
        "department",
        "government",
        "organization",
        "organisation",
        "commission",
        "federation",
        "alliance",
        "network",
        "press",
        "media",
        "theater",
        "theatre",
        "museum",
        "school",
        "hospital",
        "church",
        "police",
        "parliament",
        "senate",
        "congress",
        "assembly",
    ]
)
PORTFOLIOS = frozenset(
    ["defense", "defence", "foreign", "interior", "finance", "justice", "health"]
)
PLACE_PREPOSITIONS = frozenset(
    ["in", "near", "across", "throughout", "outside", "inside", "around", "within"]
)
PLACE_NOUNS = frozenset(
    [
        "region",
        "regions",
        "city",
        "cities",
        "town",
        "towns",
        "village",
        "villages",
        "province",
        "oblast",
        "district",
        "capital",
        "country",
        "area",
    ]
)


def _has_org_word(key: str) -> bool:
    return any(w in ORG_WORDS for w in key.split())


def _is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha()
