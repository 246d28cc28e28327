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
     name in its article, else the single one in the corpus; with none or several it stays its own
     unresolved entity;
   - other one-word names alike after folding (Kharkiv/Charkiv, Mykolaiv/Mykolayiv, Kyiv/Kiev);
   - an organisation's short form (its first word kept, e.g. "Amnesty") joins the one organisation
     name that contains it; never when the longer name adds a place — a national section
     ("Amnesty International Ukraine") stays apart from its parent;
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
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import yaml
from unidecode import unidecode

from .corpus import CorpusError
from .lexicon import PERSON_VERBS, ROLE_NOUNS, SPEECH_VERBS
from .names import NameBlocks, fold, name_similarity, transliteration_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

CURATED_FILE = "entities.yml"
KEEP_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Similarity (0–1, on transliteration keys) for first names, surnames and one-word names.
NAME_SIMILARITY = 0.88
#: Lower bound for `suggest_merges`.
SUGGEST_SIMILARITY = 0.7

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
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass
class Mention:
    """One mention of a name in an article body."""

    article_id: str
    article_index: int
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    label: str | None  # spaCy's label; None for mentions found by the name search
    cues: Counter[str] = field(default_factory=Counter)
    fallback: str | None = None  # a found mention: the label its form came with
    key: str = ""  # the folded name: ASCII, lowercase, words only

    def __post_init__(self) -> None:
        self.key = self.key or fold(self.text)


# --- 1. mentions -------------------------------------------------------------------------------


def extract_mentions(article_id: str, article_index: int, doc: Doc) -> list[Mention]:
    """Finds the name mentions spaCy recognised in one body, trimmed and with context cues.

    Args:
        article_id: The article.
        article_index: Its position in the manifest (a tie-breaker for canonical names).
        doc: The parsed body.

    Returns:
        The mentions in body order.
    """
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        span = _trim(ent)
        if span is None:
            continue
        text, end = span.text, span.end_char
        possessive = _POSSESSIVE.search(text)
        if possessive and len(text) > 3:
            text, end = text[: possessive.start()], end - len(possessive.group())
        if not text or (len(span) == 1 and text.lower() in PORTFOLIOS):
            continue
        mention = Mention(
            article_id, article_index, span.start_char, end, text, tuple(text.split()), ent.label_
        )
        mention.cues = _cues(span)
        mentions.append(mention)
    return mentions


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or (
            ent.label_ == "PERSON"
            and doc[start].lower_ in TITLES
            and end - start > 1
            and doc[start + 1].is_title
        )
        or (
            ent.label_ not in ("NORP", "GPE", "LANGUAGE", "EVENT", "LAW", "WORK_OF_ART")
            and doc[start].pos_ not in ("PROPN", "NOUN")
            and not doc[start].like_num
        )
    ):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _cues(span: Span) -> Counter[str]:
    cues: Counter[str] = Counter()
    doc, root = span.doc, span.root
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in TITLES:
        cues["PERSON"] += 2
    appositions = [root.head] if root.dep_ == "appos" else []
    appositions += [c for c in root.children if c.dep_ == "appos"]
    if any(t.lemma_.lower() in ROLE_NOUNS for t in appositions):
        cues["PERSON"] += 2
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in (
        SPEECH_VERBS | PERSON_VERBS
    ):
        cues["PERSON"] += 1
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in PLACE_PREPOSITIONS:
        cues["GPE"] += 2
    if first.head.lemma_.lower() in PLACE_NOUNS and first.dep_ in ("pobj", "nmod", "compound"):
        cues["GPE"] += 2
    if first.dep_ == "pobj" and first.head.head.lemma_.lower() in PLACE_NOUNS:
        cues["GPE"] += 2
    return cues


# --- 2–3. grouping and merging ---------------------------------------------------------------


@dataclass
class Curated:
    """What `corpus/entities.yml` says: entries (name, label, aliases) and pairs never merged."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    not_same: list[tuple[str, str]] = field(default_factory=list)


def read_curated(path: str | Path) -> Curated:
    """Reads `entities.yml`.

    Args:
        path: The file; a missing file means nothing curated.

    Returns:
        The curated entries and `not_same` pairs.

    Raises:
        CorpusError: The file is not valid, or an entry lacks a name, label or reason.
    """
    path = Path(path)
    if not path.is_file():
        return Curated()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot be read as UTF-8 YAML ({exc}).") from exc
    curated = Curated()
    for entry in data.get("entities") or []:
        if not isinstance(entry, dict) or not all(
            entry.get(k) for k in ("name", "label", "reason")
        ):
            raise CorpusError(f"{path}: entity {entry!r} needs a name, a label and a reason.")
        curated.entries.append(entry)
    for pair in data.get("not_same") or []:
        names = pair.get("names") if isinstance(pair, dict) else None
        if not names or len(names) != 2 or not pair.get("reason"):
            raise CorpusError(f"{path}: not_same entry {pair!r} needs two names and a reason.")
        curated.not_same.append((fold(names[0]), fold(names[1])))
    return curated


class _Clusters:
    """Union–find over name groups (folded keys) that refuses merges across `not_same` pairs."""

    def __init__(self, keys: Iterable[str], not_same: list[tuple[str, str]]) -> None:
        self.parent = {k: k for k in keys}
        self.members = {k: {k} for k in self.parent}
        self.not_same = not_same

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def can_merge(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ma, mb = self.members[ra], self.members[rb]
        return not any((x in ma and y in mb) or (y in ma and x in mb) for x, y in self.not_same)

    def merge(self, a: str, b: str) -> bool:
        if not self.can_merge(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] |= self.members.pop(rb)
        return True


def _has_org_word(key: str) -> bool:
    return any(w in ORG_WORDS for w in key.split())


def _is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha()


def _person_evidence(group: list[Mention]) -> bool:
    return any(m.cues["PERSON"] for m in group) or any(
        m.label == "PERSON" and len(m.tokens) >= 2 for m in group
    )


def _looks_like_person(key: str, group: list[Mention], not_names: set[str]) -> bool:
    words = key.split()
    return (
        len(words) >= 2
        and not _has_org_word(key)
        and not set(words) & not_names
        and _person_evidence(group)
    )


def _same_first_name(a: str, b: str) -> bool:
    """First names match when their keys are equal, or alike and with the same last letter
    (Oleksandr and Oleksandra are two names, Yekaterina and Ekaterina one)."""
    ka, kb = transliteration_key(a), transliteration_key(b)
    return ka == kb or (name_similarity(a, b) >= NAME_SIMILARITY and ka[-1:] == kb[-1:])


def _same_person(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    return name_similarity(ta[-1], tb[-1]) >= NAME_SIMILARITY and _same_first_name(ta[0], tb[0])


def _merge_people(
    groups: dict[str, list[Mention]], clusters: _Clusters, not_names: set[str]
) -> list[str]:
    """Merges full names of one person; returns every multi-word name that joined a person.

    A name with a place word or an organisation's first word in it ("Amnesty Ukraine") is not
    taken for a personal name, whatever its label."""
    evident = sorted(k for k, g in groups.items() if _looks_like_person(k, g, not_names))
    names = sorted(k for k in groups if len(k.split()) >= 2 and not _has_org_word(k))
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_surname[name.split()[-1]].append(name)
    surnames = NameBlocks(by_surname)
    people = set(evident)
    for a in evident:
        alike = sorted(
            b for s in surnames.similar(a.split()[-1], NAME_SIMILARITY) for b in by_surname[s]
        )
        for b in alike:
            if a != b and _same_person(a, b) and clusters.merge(a, b):
                people.add(b)
    return sorted(people)


def _link_single_names(
    mentions: list[Mention],
    groups: dict[str, list[Mention]],
    people: list[str],
    clusters: _Clusters,
) -> dict[int, str]:
    """Links one-word person mentions to one full name: in the article first, then the corpus."""
    links: dict[int, str] = {}
    in_article: dict[str, set[str]] = defaultdict(set)
    for key in people:
        for m in groups[key]:
            in_article[m.article_id].add(clusters.find(key))
    compatible = _full_name_roots(people, groups, clusters)
    for i, m in enumerate(mentions):
        if len(m.key.split()) != 1 or _has_org_word(m.key) or _is_acronym(m.text):
            continue
        if _majority_label(groups[m.key]) in ("GPE", "LOC", "NORP"):
            continue  # place and nationality words are not surnames
        roots = compatible(m.key)
        for pool in (roots & in_article[m.article_id], roots):
            hits = sorted(pool)
            if len(hits) == 1 and clusters.can_merge(m.key, hits[0]):
                links[i] = hits[0]
                break
            if len(hits) > 1:
                break  # ambiguous: stays unresolved
    return links


def _full_name_roots(
    people: list[str], groups: Mapping[str, list[Mention]], clusters: _Clusters
) -> Callable[[str], set[str]]:
    """Returns a function giving, for a one-word name, the people (cluster roots) one of whose
    full names has a surname alike it or the same first name. Results are kept per word."""
    surnames: dict[str, set[str]] = defaultdict(set)
    firsts: dict[str, set[str]] = defaultdict(set)
    for root in {clusters.find(k) for k in people}:
        for name in clusters.members[root]:
            if name in groups and len(name.split()) >= 2:
                surnames[name.split()[-1]].add(root)
                firsts[transliteration_key(name.split()[0])].add(root)
    blocks = NameBlocks(surnames)
    found: dict[str, set[str]] = {}

    def compatible(word: str) -> set[str]:
        if word not in found:
            roots = set(firsts.get(transliteration_key(word), set()))
            for surname in blocks.similar(word, NAME_SIMILARITY):
                roots |= surnames[surname]
            found[word] = roots
        return found[word]

    return compatible


def _merge_single_names(
    groups: dict[str, list[Mention]], clusters: _Clusters, linked: set[str]
) -> None:
    """Merges one-word names spelled alike after transliteration folding. A nationality (NORP) is
    never merged with another kind of name, nor a word with its own extension ("Russia" and
    "Russian" differ by a suffix, not by transliteration)."""
    singles = sorted(k for k in groups if len(k.split()) == 1 and k not in linked)
    norp = {k for k in singles if _majority_label(groups[k]) == "NORP"}
    blocks = NameBlocks(singles)
    for a in singles:
        for b in blocks.similar(a, NAME_SIMILARITY):
            if b <= a:
                continue
            ka, kb = transliteration_key(a), transliteration_key(b)
            if (a in norp) != (b in norp) or (
                ka != kb and (ka.startswith(kb) or kb.startswith(ka))
            ):
                continue
            if ka == kb or (name_similarity(a, b) >= NAME_SIMILARITY and ka[0] == kb[0]):
                clusters.merge(a, b)


def _majority_label(group: list[Mention]) -> str | None:
    labels = Counter(m.label for m in group if m.label)
    return labels.most_common(1)[0][0] if labels else None


def _merge_org_short_forms(
    groups: dict[str, list[Mention]], clusters: _Clusters, places: set[str], linked: set[str]
) -> None:
    orgs = [k for k in groups if len(k.split()) >= 2 and _has_org_word(k)]
    by_head: dict[str, list[str]] = defaultdict(list)
    for org in orgs:
        by_head[org.split()[0]].append(org)
    org_set = set(orgs)
    for key in groups:
        if _majority_label(groups[key]) in ("NORP", "GPE", "LOC"):
            continue  # a nationality or place word is not an organisation's short form
        if key in linked or _has_org_word(key) and key in org_set:
            continue
        words = key.split()
        if not words:  # a mention made of punctuation only
            continue
        supersets = [
            o
            for o in (by_head.get(words[0], []) if words else [])
            if o != key
            and o.split()[0] == words[0]
            and set(words) < set(o.split())
            and not (set(o.split()) - set(words)) & places
        ]
        if supersets:
            fewest = min(len(o.split()) for o in supersets)
            best = [o for o in supersets if len(o.split()) == fewest]
            if len(best) == 1:
                clusters.merge(best[0], key)


def merge_org_variants(
    groups: dict[str, list[Mention]], clusters: _Clusters, places: set[str]
) -> None:
    """Merges the national variants of one organisation's name: `Ministry of Defense of
    Ukraine` = `Ukrainian Defense Ministry` (same words once the country and "of" are set aside,
    the nationality matching the country by its stem), and a name without a country
    (`Ministry of Defense`) joins them when the articles that use it name one country's variant
    only.

    Args:
        groups: Mentions by folded name.
        clusters: The merges so far (changed in place; `not_same` pairs are respected).
        places: One-word place names (folded).
    """
    by_core: dict[frozenset[str], dict[str | None, list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    orgs = [
        k
        for k in groups
        if _has_org_word(k) and _majority_label(groups[k]) not in ("GPE", "LOC", "NORP")
    ]
    # Countries: places, and "X of <Word>" when another name starts with its nationality.
    firsts = {k.split()[0] for k in orgs}
    countries = set(places) | {
        k.split()[-1]
        for k in orgs
        if len(k.split()) >= 3
        and k.split()[-2] == "of"
        and any(f != k.split()[-1] and _same_stem(f, k.split()[-1]) for f in firsts)
    }
    for key in orgs:
        country, core = _split_country(key, countries)
        if core:
            by_core[core][country].append(key)
    for variants in by_core.values():
        for country, keys in variants.items():
            if country is not None:
                for other in keys[1:]:
                    clusters.merge(keys[0], other)
        for key in variants.get(None, []):
            articles = {m.article_id for m in groups[key]}
            named = [
                c
                for c, keys in variants.items()
                if c is not None and any(m.article_id in articles for k in keys for m in groups[k])
            ]
            if len(named) == 1:
                clusters.merge(variants[named[0]][0], key)


def _split_country(key: str, places: set[str]) -> tuple[str | None, frozenset[str]]:
    """Returns (country, other words) of an organisation name: "x of <country>" or
    "<nationality> x"; the country is None when the name has none."""
    words = key.split()
    country = None
    if len(words) >= 3 and words[-2] == "of" and words[-1] in places:
        country, words = words[-1], words[:-2]
    elif len(words) >= 2:
        stems = [p for p in places if p != words[0] and _same_stem(words[0], p)]
        if len(stems) == 1:
            country, words = stems[0], words[1:]
    return country, frozenset(w for w in words if w not in ("of", "the", "for", "and"))


def _same_stem(nationality: str, country: str) -> bool:
    """Ukrainian/Ukraine, Moldovan/Moldova, Russian/Russia: a long shared beginning."""
    shared = len(os.path.commonprefix([nationality, country]))
    return shared >= 4 and shared >= len(country) - 2


def _apply_curated(groups: dict[str, list[Mention]], clusters: _Clusters, curated: Curated):
    decided: dict[str, dict[str, Any]] = {}
    for entry in curated.entries:
        names = {fold(entry["name"]), *(fold(a) for a in entry.get("aliases") or [])}
        present = [k for k in names if k in groups]
        for other in present[1:]:
            clusters.merge(present[0], other)
        if present:
            decided[clusters.find(present[0])] = entry
    return {clusters.find(k): v for k, v in decided.items()}


# --- 4. alias search ---------------------------------------------------------------------------


def _search_forms(mentions: list[Mention]) -> dict[str, str]:
    """Returns the name forms to look for where spaCy saw nothing, each with the label it came
    with: every capitalised name seen (also without diacritics) and the surname of every
    personal name."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        for form in {m.text, unidecode(m.text)}:
            labels[form][m.label or ""] += 1
        person = m.label == "PERSON" or m.cues["PERSON"] > 0
        if person and len(m.tokens) >= 2 and not _has_org_word(m.key):
            labels[m.tokens[-1]]["PERSON"] += 1
    return {
        form: counts.most_common(1)[0][0]
        for form, counts in labels.items()
        if len(form) >= 3 and form[:1].isupper()
    }


def _find_missed(
    docs: Mapping[str, Doc], order: Mapping[str, int], mentions: list[Mention]
) -> list[Mention]:
    """Finds occurrences of known name forms that spaCy did not mark (exact, word-bounded)."""
    forms = _search_forms(mentions)
    if not forms:
        return []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.article_id].append((m.start, m.end))
    # Forms by their first word, longest first: a form can only start where a word starts, and
    # that word is its first word, so each word of the text is looked up once (linear time).
    by_first: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        first = _WORD.match(form)
        by_first[first.group() if first else ""].append(form)
    found = []
    for article_id, doc in docs.items():
        for start, end, form in _occurrences(doc.text, by_first):
            span = doc.char_span(start, end)
            if span is None or any(start < te and ts < end for ts, te in taken[article_id]):
                continue
            m = Mention(article_id, order[article_id], start, end, form, tuple(form.split()), None)
            m.cues, m.fallback = _cues(span), forms[form] or None
            found.append(m)
    return found


_WORD = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w-])\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _occurrences(text: str, by_first: Mapping[str, list[str]]) -> Iterable[tuple[int, int, str]]:
    """Yields (start, end, form) of each non-overlapping, word-bounded occurrence of a form, from
    left to right, the longest form where several start at one place."""
    resume = 0
    for word in _WORD_START.finditer(text):
        start = word.start()
        if start < resume:
            continue
        for form in by_first.get(word.group(), ()):
            end = start + len(form)
            if text.startswith(form, start) and not _WORD_OR_HYPHEN.match(text, end):
                yield start, end, form
                resume = end
                break


# --- 5–6. labels and names ---------------------------------------------------------------------


def _decide_label(group: list[Mention], keys: set[str], curated: dict[str, Any] | None) -> str:
    if curated:
        return str(curated["label"])
    if any(len(k.split()) >= 2 and _has_org_word(k) for k in keys):
        return "ORG"
    person_evidence = _person_evidence(group)
    votes: dict[str, float] = defaultdict(float)
    for m in group:
        if m.label == "ORG" and not (_has_org_word(m.key) or _is_acronym(m.text)):
            votes["ORG"] += 0.5
        elif m.label == "PERSON" and not person_evidence:
            votes["PERSON"] += 0.5
        elif m.label:
            votes[m.label] += 1
        for label, weight in m.cues.items():
            votes[label] += weight
    if not votes:
        fallbacks = Counter(m.fallback for m in group if m.fallback)
        return fallbacks.most_common(1)[0][0] if fallbacks else "MISC"
    best = max(votes.values())
    winners = sorted(label for label, v in votes.items() if v == best)
    return (
        next((w for w in winners if w != "PERSON"), winners[0]) if len(winners) > 1 else winners[0]
    )


def _canonical_name(group: list[Mention], label: str) -> str:
    forms: Counter[str] = Counter(m.text for m in group)
    articles: dict[str, set[str]] = defaultdict(set)
    first_seen: dict[str, int] = {}
    for m in group:
        articles[m.text].add(m.article_id)
        first_seen[m.text] = min(first_seen.get(m.text, 10**9), m.article_index)
    longest = max(len(f.split()) for f in forms)
    full = [f for f in forms if len(f.split()) == longest]

    def rank(form: str) -> tuple[int, int, int, int, str]:
        score = forms[form]
        if label == "PERSON":
            words = form.split()
            score = sum(w.split()[0] == words[0] for w in forms.elements() if w.split())
            score += sum(w.split()[-1] == words[-1] for w in forms.elements() if w.split())
        has_marks = int(form != unidecode(form))
        return (-score, -len(articles[form]), first_seen[form], -has_marks, form)

    return sorted(full, key=rank)[0]


def slug(name: str) -> str:
    """Returns the entity id made from a canonical name: lowercase ASCII words joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", unidecode(name).lower())) or "entity"


# --- the tables --------------------------------------------------------------------------------


@dataclass
class Resolution:
    """What canonicalisation found: `mentions` and `entities` rows, and merges not applied."""

    mentions: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    suggestions: list[dict[str, Any]]


def resolve_entities(
    docs: Mapping[str, Doc],
    sentences: pd.DataFrame,
    *,
    curated: Curated | None = None,
) -> Resolution:
    """Finds the mentions of every article and resolves them to canonical entities.

    Args:
        docs: The parsed body of each article, in manifest order.
        sentences: The `sentences` table (to give each mention its sentence).
        curated: What `corpus/entities.yml` says.

    Returns:
        Rows for the `mentions` and `entities` tables, and merge suggestions.
    """
    curated = curated or Curated()
    order = {aid: i for i, aid in enumerate(docs)}
    mentions = [m for aid, doc in docs.items() for m in extract_mentions(aid, order[aid], doc)]
    mentions += _find_missed(docs, order, mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    _fold_plurals(groups)
    clusters = _Clusters(groups, curated.not_same)
    # Place words: one-word names mostly labelled as places (a mislabelled person's full name,
    # like "Agnes Kalamar" LOC, must not make "Agnes" a place).
    places = {k for k, g in groups.items() if " " not in k and _majority_label(g) in PLACE_LABELS}
    org_heads = {k.split()[0] for k in groups if len(k.split()) >= 2 and _has_org_word(k)}
    people = _merge_people(groups, clusters, places | org_heads)
    links = _link_single_names(mentions, groups, people, clusters)
    linked_keys = {mentions[i].key for i in links}
    _merge_single_names(groups, clusters, linked_keys)
    _merge_org_short_forms(groups, clusters, places, linked_keys)
    merge_org_variants(groups, clusters, places)
    decided = _apply_curated(groups, clusters, curated)

    def root_of(i: int, m: Mention) -> str:
        return clusters.find(links[i]) if i in links else clusters.find(m.key)

    assignment = [root_of(i, m) for i, m in enumerate(mentions)]
    members: dict[str, list[Mention]] = defaultdict(list)
    for root, m in zip(assignment, mentions, strict=True):
        members[root].append(m)
    ids: dict[str, str] = {}
    entity_rows: list[dict[str, Any]] = []
    labels: dict[str, str] = {}
    for root, group in members.items():
        keys = {m.key for m in group}
        label = _decide_label(group, keys, decided.get(root))
        name = str(decided[root]["name"]) if root in decided else _canonical_name(group, label)
        entity_id = slug(name)
        if entity_id in ids.values():
            entity_id = f"{entity_id}-{label.lower()}"
        ids[root], labels[root] = entity_id, label
        entity_rows.append(
            {
                "entity_id": entity_id,
                "name": name,
                "label": label,
                "aliases": sorted({m.text for m in group}),
                "n_mentions": len(group),
                "n_articles": len({m.article_id for m in group}),
            }
        )
    entity_rows.sort(key=lambda r: (-r["n_mentions"], r["name"]))
    mention_rows = _mention_rows(mentions, assignment, ids, labels, sentences)
    suggestions = _suggestions(groups, clusters, people, ids, labels, links, mentions)
    return Resolution(mention_rows, entity_rows, suggestions)


def _fold_plurals(groups: dict[str, list[Mention]]) -> None:
    """Joins a plural nationality ("Ukrainians") to its singular ("Ukrainian") when both occur."""
    for key in list(groups):
        singular = key[:-1]
        if key.endswith("s") and singular in groups and all(m.label == "NORP" for m in groups[key]):
            for m in groups.pop(key):
                m.key = singular
                groups[singular].append(m)


def _mention_rows(
    mentions: list[Mention],
    assignment: list[str],
    ids: Mapping[str, str],
    labels: Mapping[str, str],
    sentences: pd.DataFrame,
) -> list[dict[str, Any]]:
    starts = {
        aid: (g.start.to_numpy(), g.sentence_id.tolist())
        for aid, g in sentences.sort_values(["article_id", "start"]).groupby("article_id")
    }
    rows = []
    for m, root in sorted(
        zip(mentions, assignment, strict=True), key=lambda x: (x[0].article_index, x[0].start)
    ):
        sent_starts, sent_ids = starts[m.article_id]
        position = int(sent_starts.searchsorted(m.start, side="right")) - 1
        rows.append(
            {
                "article_id": m.article_id,
                "sentence_id": int(sent_ids[max(position, 0)]),
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": labels[root],
                "entity_id": ids[root],
            }
        )
    return rows


def _suggestions(
    groups: dict[str, list[Mention]],
    clusters: _Clusters,
    people: list[str],
    ids: Mapping[str, str],
    labels: Mapping[str, str],
    links: Mapping[int, str],
    mentions: list[Mention],
) -> list[dict[str, Any]]:
    out = []
    for a, b in _suggestion_candidates(groups, clusters, people, ids):
        if labels[a] != labels[b] and {labels[a], labels[b]} != {"PERSON", "ORG"}:
            continue  # e.g. a country and an organisation named after it
        best, reason = 0.0, ""
        for ka in clusters.members[a]:
            for kb in clusters.members[b]:
                wa, wb = ka.split(), kb.split()
                if len(wa) >= 2 and len(wb) >= 2 and ka in people and kb in people:
                    last = name_similarity(wa[-1], wb[-1])
                    first = name_similarity(wa[0], wb[0])
                    score = min(last, first)
                    why = f"similar names '{ka}' / '{kb}' (surname {last:.2f}, first {first:.2f})"
                else:
                    score = name_similarity(ka, kb)
                    why = f"similar spellings '{ka}' / '{kb}'"
                    small, big = sorted((ka, kb), key=len)
                    if set(small.split()) < set(big.split()):
                        score, why = max(score, 0.75), f"'{small}' is part of '{big}'"
                if score > best:
                    best, reason = score, why
        if best >= SUGGEST_SIMILARITY:
            out.append(
                {
                    "entity_a": ids[a],
                    "entity_b": ids[b],
                    "score": round(best, 3),
                    "reason": reason,
                }
            )
    unresolved = Counter(
        m.key for i, m in enumerate(mentions) if i not in links and len(m.key.split()) == 1
    )
    surnames: dict[str, set[str]] = defaultdict(set)
    for p in {clusters.find(x) for x in people}:
        for n in clusters.members[p]:
            if len(n.split()) >= 2:
                surnames[n.split()[-1]].add(p)
    blocks = NameBlocks(surnames)
    for key in unresolved:
        root = clusters.find(key) if key in clusters.parent else None
        if root is None or root not in ids:
            continue
        candidates = {
            p for s in blocks.similar(key, NAME_SIMILARITY) for p in surnames[s] if p != root
        }
        for p in sorted(candidates):
            out.append(
                {
                    "entity_a": ids[root],
                    "entity_b": ids[p],
                    "score": 0.5,
                    "reason": f"'{key}' matches {len(candidates)} full names; linked to none",
                }
            )
    unique: dict[frozenset[str], dict[str, Any]] = {}
    for row in out:
        pair = frozenset((str(row["entity_a"]), str(row["entity_b"])))
        if pair not in unique or row["score"] > unique[pair]["score"]:
            unique[pair] = row
    return sorted(unique.values(), key=lambda r: (-r["score"], r["entity_a"], r["entity_b"]))


def _suggestion_candidates(
    groups: Mapping[str, list[Mention]],
    clusters: _Clusters,
    people: list[str],
    ids: Mapping[str, str],
) -> list[tuple[str, str]]:
    """Returns the pairs of entities (cluster roots) worth scoring for a merge suggestion: those
    with a name whose words are all in a name of the other, with names alike as a whole, or
    with people's surnames alike (each compared only within its `NameBlocks`)."""
    keys = [k for k in groups if clusters.find(k) in ids]
    postings: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for word in key.split():
            postings[word].add(key)
    pairs: set[tuple[str, str]] = set()

    def add(a: str, others: Iterable[str]) -> None:
        ra = clusters.find(a)
        for b in others:
            rb = clusters.find(b)
            if ra != rb:
                pairs.add((min(ra, rb), max(ra, rb)))

    whole = NameBlocks(keys)
    for key in keys:
        words = sorted(set(key.split()), key=lambda w: len(postings[w]))
        if words:
            add(key, set.intersection(*(postings[w] for w in words)))
        add(key, whole.similar(key, SUGGEST_SIMILARITY))
    full = [k for k in people if len(k.split()) >= 2]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in full:
        by_surname[key.split()[-1]].append(key)
    surnames = NameBlocks(by_surname)
    for key in full:
        add(
            key,
            (
                b
                for s in surnames.similar(key.split()[-1], SUGGEST_SIMILARITY)
                for b in by_surname[s]
            ),
        )
    return sorted(pairs)


#: How many merge suggestions `suggest_merges` returns by default (the strongest).
SUGGESTIONS_SHOWN = 50


def suggest_merges(tables: Any, *, top: int | None = SUGGESTIONS_SHOWN) -> pd.DataFrame:
    """Lists the likeliest merges of entities that the rules did not apply, for a user to confirm.

    Confirm one by adding an entry to `corpus/entities.yml` (name, label, aliases, reason); reject
    one for good with a `not_same` pair. A large corpus has thousands of weak suggestions; they are
    ranked by score, then by how often the two entities are mentioned (a frequent pair matters
    more), and only the `top` ones are returned.

    Args:
        tables: The built tables (`analysis.build`).
        top: How many to return; None for all (the whole `merge_suggestions` table).

    Returns:
        One row per suggestion, strongest first: both entities' ids and names, the score, the
        reason (the evidence) and both entities' mention counts.
    """
    entities = tables.entities.set_index("entity_id")
    out = tables.merge_suggestions.copy()
    out.insert(1, "name_a", out.entity_a.map(entities.name))
    out.insert(3, "name_b", out.entity_b.map(entities.name))
    out["mentions_a"] = out.entity_a.map(entities.n_mentions)
    out["mentions_b"] = out.entity_b.map(entities.n_mentions)
    weight = out.mentions_a.fillna(0) + out.mentions_b.fillna(0)
    order = sorted(range(len(out)), key=lambda i: (-out.score.iloc[i], -weight.iloc[i], i))
    out = out.iloc[order].reset_index(drop=True)
    return out if top is None else out.head(top)
