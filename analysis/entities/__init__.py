"""Entities: name mentions in the articles, and one canonical entity per real-world name.

Steps (each documented in docs/entities.md):

1. **Mentions** come from spaCy's named entities (people, organisations, places, nationalities, …),
   trimmed of a leading "the", a possessive "'s", titles ("President", "Foreign Minister") and
   stray non-name words. Each mention records context cues: a person title or role apposition
   before or around it, being the subject of a speech verb, a place preposition or place noun.
2. **Name groups**: mentions with the same folded name (ASCII, case-insensitive) form a group.
3. **Merging**, never across a `not_same` pair of `corpus/entities.yml`:
   - full personal names (two or more tokens) whose first names and surnames are each alike after
     transliteration folding (Volodymyr/Volodimir, Zelensky/Zelenskiy/Zelenskyy, Callamard/Kalamar);
   - a one-word mention naming a person (surname, or first name) joins the single compatible full
     name its article used before it (unless a title, "Sen. X", or a far more prominent person
     the corpus resolves it to says otherwise), else on evidence from the corpus: a title only
     one candidate has, the one its other articles resolve it to, or the single one in the
     corpus when named in full within a week and its article names no one else with that word;
     with none or several it stays its own unresolved entity;
   - abbreviations and other names of countries and international bodies (`data/aliases.csv`:
     U.S. = US = United States);
   - other one-word names alike after folding (Kharkiv/Charkiv, Mykolaiv/Mykolayiv, Kyiv/Kiev);
   - an organisation's short form (its first word kept, e.g. "Amnesty") joins the one organisation
     name that contains it where its article used that name before it (across articles only when
     the name is used as often); never when the longer name adds a place — a national section
     ("Amnesty International Ukraine") stays apart from its parent — and never a person's surname
     or first name ("X Foundation" does not take "X");
   - national variants of an organisation's name (`Ministry of Defense of Ukraine` = `Ukrainian
     Defense Ministry`, and `Ministry of Defense` in an article that names only that country's);
   - curated entries of `corpus/entities.yml`.
4. **Mentions spaCy missed**: every alias of an entity is searched for in the bodies (exact, and
   without diacritics), so "Agnes Callamard" is found where the model saw nothing.
5. **Label** by votes over all of an entity's mentions: spaCy's labels, plus the context cues.
   spaCy's small model calls many unfamiliar personal names ORG, so an ORG vote counts half unless
   the name has organisation vocabulary or is an acronym, and a PERSON vote counts half for a
   one-word name no person cue supports. Organisation vocabulary makes an entity ORG.
6. **Canonical name**: the most-mentioned full form (built from the most frequent first name and
   surname spellings for people); ties go to the form in more articles, then the earlier article.

The stages, one module each:

- `cues` — the word lists (spaCy labels kept, person titles, organisation vocabulary, place words).
- `vocabulary` — general vocabulary read from `data/` (months, weekdays, holidays, platforms,
  honorifics and title forms, generational suffixes, given-name variants, country aliases).
- `mentions` — step 1, the mentions spaCy found, and step 4, the known name forms it missed.
- `filters` — mentions dropped or trimmed in steps 1 and 4: capitalised common words taken for
  names, names in one outlet's page furniture, a group word or a repeated given name set aside.
- `merging` — steps 2–3, name groups merged into entities (people, one-word names, organisations'
  short forms and national variants).
- `linking` — step 3, one-word person mentions linked to a person's full name, in their article
  first, then in the corpus on evidence (a title, the corpus's reading, a close date).
- `curated` — `corpus/entities.yml`, read and applied on top of the rules.
- `canonical` — steps 5–6, each entity's label, canonical name and id.
- `suggestions` — merges the rules did not apply, for a user to confirm (`suggest_merges`).
- `resolve` — `resolve_entities`, the stages in order, giving the rows of the tables.
"""

from ..text.names import NameBlocks, fold, name_similarity, transliteration_key
from .canonical import slug
from .cues import (
    KEEP_LABELS,
    ORG_WORDS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PORTFOLIOS,
    TITLES,
)
from .curated import CURATED_FILE, Curated, read_curated
from .mentions import Mention, extract_mentions
from .merging import NAME_SIMILARITY
from .organisations import _split_country as _split_country
from .organisations import merge_org_variants
from .resolve import Resolution, resolve_entities
from .suggestions import SUGGEST_SIMILARITY, SUGGESTIONS_SHOWN, suggest_merges

__all__ = [
    "CURATED_FILE",
    "KEEP_LABELS",
    "NAME_SIMILARITY",
    "ORG_WORDS",
    "PLACE_LABELS",
    "PLACE_NOUNS",
    "PLACE_PREPOSITIONS",
    "PORTFOLIOS",
    "SUGGESTIONS_SHOWN",
    "SUGGEST_SIMILARITY",
    "TITLES",
    "Curated",
    "Mention",
    "NameBlocks",
    "Resolution",
    "extract_mentions",
    "fold",
    "merge_org_variants",
    "name_similarity",
    "read_curated",
    "resolve_entities",
    "slug",
    "suggest_merges",
    "transliteration_key",
]
