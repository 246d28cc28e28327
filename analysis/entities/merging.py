"""Merging name groups into entities (step 3 of `analysis.entities`): people's full names and
one-word names, never across a `not_same` pair (one-word person mentions are linked in
`linking`; organisations' short forms and national variants are merged in `organisations`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from ..text.names import NameBlocks, name_similarity, transliteration_key
from .cues import PLACE_LABELS, _has_org_word
from .mentions import Mention, _glued, _majority_label, _person_evidence
from .vocabulary import (
    is_given_name,
    name_suffixes,
    same_given_name,
    surname_particles,
)

#: Similarity (0–1, on transliteration keys) for first names, surnames and one-word names.
NAME_SIMILARITY = 0.88
#: A one-word name opening people's names this many times as often as it stands alone is a
#: first name, not a place word, whatever the model's label for it alone.
FIRST_NAME_SHARE = 3
#: Two spellings of one full name in different articles are one person's when the articles
#: are at most this many days apart (the same story).
SPELLING_DAYS = 7
#: Two surnames whose keys have this many letters or fewer are one only when their keys are equal.
SHORT_SURNAME = 4


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


def find_conflicting_names(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Returns the pairs of names (folded keys) of one surname whose first words are one given
    name (the same word, or variants of one name: "don", "donald") that are two people:
    - their middle names or initials disagree: "george w bush" and "george h w bush" (initials
      "w" and "h w": neither begins the other), while "john f kerry" and "john forbes kerry",
      or "george h bush" and "george h w bush", may be one;
    - their generational suffixes disagree: "ann roe sr" and "ann roe jr", "ann roe jr" and
      "ann roe iii", and "ann roe sr" and "ann roe" (a news text writes "Sr." to tell the father
      from the son it names without a suffix); "ann roe jr" and "ann roe" may be one, unless
      the corpus writes the suffix after the surname or the given name alone ("Roe Jr.", "Ann
      Jr.": a writer adds it to a short form only to tell the son from the father,
      `_suffixed_short_forms`), then "ann roe jr" is not "ann roe" nor "ann b roe"."""
    keys = list(keys)
    short = _suffixed_short_forms(keys)
    by_surname: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]]
    by_surname = defaultdict(list)
    for key in keys:
        words = name_words(key)
        if len(words) >= 2:
            suffix = tuple(key.split()[len(words) :])
            by_surname[words[-1]].append((key, tuple(words), suffix))
    pairs = []
    for names in by_surname.values():
        for i, (a, wa, sa) in enumerate(names):
            for b, wb, sb in names[i + 1 :]:
                if wa[0] != wb[0] and not same_given_name(wa[0], wb[0]):
                    continue
                x, y = [w[0] for w in wa[1:-1]], [w[0] for w in wb[1:-1]]
                middles = len(wa) >= 3 and len(wb) >= 3 and x[: len(y)] != y and y[: len(x)] != x
                suffixes = sa != sb and (
                    (sa and sb) or "sr" in sa + sb or bool(short[a] | short[b])
                )
                if middles or suffixes:
                    pairs.append((a, b))
    return pairs


def _suffixed_short_forms(keys: Iterable[str]) -> dict[str, set[str]]:
    """Returns, for each full name ending with a generational suffix ("ann b roe jr"), the short
    forms of the corpus that carry that suffix after its surname or its given name alone ("roe
    jr", "ann jr"; a variant of the given name too: "annie jr"), by folded key (empty for the
    others)."""
    keys = set(keys)
    suffixes = name_suffixes()
    shorts = [k.split() for k in keys if len(k.split()) == 2 and k.split()[1] in suffixes]
    found: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = name_words(key)
        suffix = key.split()[len(words) :]
        if len(words) < 2 or len(suffix) != 1:
            continue
        for word, end in shorts:
            if end == suffix[0] and (
                word == words[-1] or word == words[0] or same_given_name(word, words[0])
            ):
                found[key].add(f"{word} {end}")
    return found


def merge_suffixed_short_forms(
    groups: Mapping[str, list[Mention]], clusters: _Clusters, people: Iterable[str]
) -> None:
    """Merges a short form carrying a generational suffix ("Roe Jr.", "Ann Jr.") into the one
    person whose full name ends with that suffix and has that surname or given name ("Ann B.
    Roe Jr."); with two such people, or none, it stays its own."""
    by_short: dict[str, set[str]] = defaultdict(set)
    for key, shorts in _suffixed_short_forms(k for k in people if k in groups).items():
        for short in shorts:
            by_short[short].add(clusters.find(key))
    for short, roots in sorted(by_short.items()):
        if len(roots) == 1:
            clusters.merge(next(iter(roots)), short)


#: An owner's possessive inside a name ("X's Ann Smith" left whole): no person's full name.
_OWNER = re.compile(r"\w['’]s\s")


def _looks_like_person(
    key: str, group: list[Mention], places: set[str], org_heads: set[str]
) -> bool:
    """A full name with person evidence, no organisation word, no place word (but a surname
    that is one when the model labels the full name PERSON most of the time and its first word
    is a common given name that starts no organisation's name: "Ann Holt" where "Holt" alone is
    mostly a place's label, not "N. Holt" nor "Amnesty Ukraine"), not glued to another word
    (`_glued`), no owner's possessive inside ("X's Ann Smith"), and not starting with an
    organisation's first word ("Amnesty Ukraine") unless the model labels the full name PERSON
    most of the time (a first name that starts a university's name); a surname that starts an
    organisation's name ("X Foundation") does not stop it."""
    words = key.split()
    return (
        len(words) >= 2
        and not _glued(group)
        and not any(_OWNER.search(m.text) for m in group)
        and not _has_org_word(key)
        and not set(words[:-1]) & places
        and (
            words[-1] not in places
            or (_majority_label(group) == "PERSON" and is_given_name(words[0]))
        )
        and (words[0] not in org_heads or _majority_label(group) == "PERSON")
        and _person_evidence(group)
    )


def _used_as_person(group: list[Mention]) -> bool:
    """Whether a name is used as a person's rather than a place's, whatever the model's label:
    given a person's title ("Sen. X") more often than placed ("in X"), or used as a person's (a
    title, a role, a speech verb's subject) at least twice and more than twice as often as
    placed (a country is the subject of speech verbs too, but is placed far more often)."""
    placed = sum(m.cues["GPE"] > 0 for m in group)
    titled = sum(m.title is not None for m in group)
    person = sum(m.cues["PERSON"] > 0 for m in group)
    return (titled > 0 and titled > placed) or (person >= 2 and person > 2 * placed)


def find_place_words(groups: Mapping[str, list[Mention]]) -> set[str]:
    """Returns the place words: one-word names (folded) mostly labelled as places (a
    mislabelled person's full name, like "Agnes Kalamar" LOC, does not make "Agnes" one), not
    used as a person's (`_used_as_person`: "Sen. X" more often than "in X"), and not a first
    name: a word opening people's names more than `FIRST_NAME_SHARE` times as often as it
    stands alone ("Ann" labelled a place a few times beside many mentions of "Ann X" people).
    People's names are those mostly labelled PERSON, and those opened by a common given name
    that the corpus uses as a person's (a title, a role or a speech verb on one of its
    mentions: "Ann Holt" labelled an organisation by the model, "CEO Ann Holt" once)."""
    first_of_people: Counter[str] = Counter()
    for key, group in groups.items():
        if " " in key and (
            _majority_label(group) == "PERSON"
            or (is_given_name(key.split()[0]) and any(m.cues["PERSON"] > 0 for m in group))
        ):
            first_of_people[key.split()[0]] += len(group)
    return {
        key
        for key, group in groups.items()
        if " " not in key
        and _majority_label(group) in PLACE_LABELS
        and not _used_as_person(group)
        and first_of_people[key] <= FIRST_NAME_SHARE * len(group)
    }


def find_nationality_words(groups: Mapping[str, list[Mention]]) -> set[str]:
    """Returns the nationality words: one-word names (folded) the model mostly labels NORP
    ("Freedonian": nationalities, religious and political groups) that are not a common given
    name ("Christian"). Alone, such a word is no one's given name: it joins a person only as a
    surname of that person's full names (not "Freedonian" to a "Freedonian Vale")."""
    return {
        key
        for key, group in groups.items()
        if " " not in key and _majority_label(group) == "NORP" and not is_given_name(key)
    }


def _reversed(key: str, groups: Mapping[str, list[Mention]]) -> bool:
    """Whether a two-word name is another name backwards ("Smith John" beside the more
    frequent "John Smith": page furniture), so no person's full name."""
    words = key.split()
    other = f"{words[-1]} {words[0]}"
    return len(words) == 2 and other in groups and len(groups[other]) > len(groups[key])


def _headline_words(
    names: list[str], common: frozenset[str], groups: Mapping[str, list[Mention]]
) -> set[str]:
    """Returns the names that are a headline's words around another person's surname ("Ignore
    Smith", "Smith Plan", "Smith Hid Past …"): a common word of the corpus (`common`: written in
    lowercase more often than capitalised inside sentences, never a given name) beside the
    surname of a name without one ("Ann Smith"), and never used as a person's (a title, a role,
    a speech verb: "Rose Smith said" keeps a first name that is also a common word)."""
    clean = [k for k in names if not set(k.split()) & common]
    surnames = {k.split()[-1] for k in clean}
    return {
        k
        for k in names
        if set(k.split()) & common
        and set(k.split()) & surnames
        and not any(m.cues["PERSON"] > 0 for m in groups[k])
    }


def _same_first_name(a: str, b: str) -> bool:
    """First names match when their keys are equal, or alike and with the same last letter
    (Oleksandr and Oleksandra are two names, Yekaterina and Ekaterina one)."""
    ka, kb = transliteration_key(a), transliteration_key(b)
    return (
        ka == kb
        or (name_similarity(a, b) >= NAME_SIMILARITY and ka[-1:] == kb[-1:])
        or same_given_name(a, b)
    )


def name_words(key: str) -> list[str]:
    """Returns the words of a folded full name without a generational suffix at its end
    ("joseph r biden jr" → joseph, r, biden), so that the last word is the surname."""
    words = key.split()
    while len(words) > 2 and words[-1] in name_suffixes():
        words = words[:-1]
    return words


def _same_person(a: str, b: str) -> bool:
    ta, tb = name_words(a), name_words(b)
    return alike_surnames(ta[-1], tb[-1]) and _same_first_name(ta[0], tb[0])


def alike_surnames(a: str, b: str) -> bool:
    """Returns whether two surnames are spellings of one: keys at least `NAME_SIMILARITY` alike,
    and equal when one has `SHORT_SURNAME` letters or fewer (a letter more in a short name makes
    another name: "Gray" and "Grady"), but for a final "s" (a plural or possessive left on it)."""
    ka, kb = transliteration_key(a), transliteration_key(b)
    if ka == kb or ka + "s" == kb or kb + "s" == ka:
        return True
    return min(len(ka), len(kb)) > SHORT_SURNAME and name_similarity(a, b) >= NAME_SIMILARITY


def _merge_people(
    groups: dict[str, list[Mention]],
    clusters: _Clusters,
    places: set[str],
    org_heads: set[str],
    *,
    common: frozenset[str] = frozenset(),
    published: Mapping[str, date | None] | None = None,
) -> list[str]:
    """Merges full names of one person; returns every multi-word name that joined a person.

    Two surnames spelled alike but not the same ("Ann Holt" and "Ann Hollt") are one person's
    only when an article uses both spellings or two articles using them are at most
    `SPELLING_DAYS` apart (`published`: each article's day; none known is no obstacle).

    A name with a place word in it, or starting with an organisation's first word ("Amnesty
    Ukraine"), is not taken for a personal name, whatever its label; nor a headline's words
    around another person's surname (`_headline_words`, with `common` the corpus's common
    words). A person's full name written backwards ("Smith John", `_reversed`) joins that
    person, but is not among the names returned. Names merge in order of how often they are
    written, most first: of two names that cannot be one person (`find_conflicting_names`), the
    better written one joins the others."""
    evident = sorted(
        k
        for k, g in groups.items()
        if _looks_like_person(k, g, places, org_heads) and not _reversed(k, groups)
    )
    headline = _headline_words(evident, common, groups)  # once: it reads every name
    evident = [k for k in evident if k not in headline]
    names = sorted(
        k
        for k, g in groups.items()
        if len(k.split()) >= 2 and not _has_org_word(k) and not _glued(g)
    )
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_surname[name_words(name)[-1]].append(name)
    surnames = NameBlocks(by_surname)
    days = {a: d.toordinal() for a, d in (published or {}).items() if d is not None}
    people = set(evident)
    _merge_particle_surnames(groups, clusters, evident, people)

    # The most written names merge first, so that of two names a `not_same` pair keeps apart,
    # the one a rare form ("Ann F. Roe" once, against "Ann J. Roe" in many articles) would have
    # taken into "Ann Roe" first by the order of the alphabet is the one left apart.
    def most_written(k: str) -> tuple[int, str]:
        return -len(groups[k]), k

    for a in sorted(evident, key=most_written):
        similar = surnames.similar(name_words(a)[-1], NAME_SIMILARITY)
        alike = sorted((b for s in similar for b in by_surname[s]), key=most_written)
        for b in alike:
            if (
                a != b
                and _same_person(a, b)
                and _spellings_meet(groups[a], groups[b], days)
                and _first_names_meet(groups[a], groups[b])
                and clusters.merge(a, b)
            ):
                people.add(b)
    for key in sorted(groups):
        words = key.split()
        if len(words) == 2 and _reversed(key, groups) and f"{words[1]} {words[0]}" in people:
            # the page furniture's backwards form is that person's (not a full name: "John"
            # alone never joins "Smith John" as a surname)
            clusters.merge(f"{words[1]} {words[0]}", key)
    return sorted(people)


def _first_names_meet(a: list[Mention], b: list[Mention]) -> bool:
    """Returns whether two full names of one surname may share a person though their first
    names are only alike (not one key, not variants of one name in `given_names.csv`): only
    when one of them is written in a single article — a misspelling or a one-off
    transliteration ("Volodimir" once beside "Volodymyr"); two alike first names each written
    in several articles are two people's (a mother and her daughter: "Ivana" and "Ivanka")."""
    fa, fb = (name_words(g[0].key)[0] for g in (a, b))
    if transliteration_key(fa) == transliteration_key(fb) or same_given_name(fa, fb):
        return True
    return min(len({m.article_id for m in g}) for g in (a, b)) == 1


def _spellings_meet(a: list[Mention], b: list[Mention], days: Mapping[str, int]) -> bool:
    """Returns whether two full names of one first name are spellings of one person's: their
    surnames have one key (a final "s" aside), or an article uses both, or two articles using
    them are at most `SPELLING_DAYS` apart (articles without a day are no obstacle)."""
    ka, kb = (transliteration_key(g[0].key.split()[-1]) for g in (a, b))
    if ka == kb or ka + "s" == kb or kb + "s" == ka:
        return True
    in_a, in_b = {m.article_id for m in a}, {m.article_id for m in b}
    if in_a & in_b:
        return True
    dated_a, dated_b = [days[x] for x in in_a if x in days], [days[x] for x in in_b if x in days]
    if not dated_a or not dated_b:
        return True
    return min(abs(x - y) for x in dated_a for y in dated_b) <= SPELLING_DAYS


def _merge_particle_surnames(
    groups: Mapping[str, list[Mention]], clusters: _Clusters, evident: list[str], people: set[str]
) -> None:
    """Merges a surname with a particle used alone ("de X", "Van Y") into the one full name
    ending with it ("Z de X"), and takes it out of the people's full names (its first word is
    no first name). Changes `clusters` and `people` in place."""
    endings: dict[str, set[str]] = defaultdict(set)
    for name in evident:
        words = name.split()
        for i in range(1, len(words) - 1):
            if words[i] in surname_particles():
                endings[" ".join(words[i:])].add(name)
    for key in sorted(groups):
        words = key.split()
        if len(words) < 2 or words[0] not in surname_particles():
            continue
        roots = {clusters.find(n) for n in endings.get(key, set())}
        if len(roots) == 1 and clusters.merge(next(iter(roots)), key):
            people.discard(key)


def _merge_single_names(
    groups: dict[str, list[Mention]],
    clusters: _Clusters,
    linked: set[str],
    *,
    person_words: set[str] | None = None,
) -> None:
    """Merges one-word names spelled alike after transliteration folding. A nationality (NORP) is
    never merged with another kind of name, nor a word with its own extension ("Russia" and
    "Russian" differ by a suffix, not by transliteration), nor a person's first name or surname
    (`person_words`) with a word spelled differently that is nobody's ("Stafford" is not
    "Stanford"), nor an acronym (`_acronym`) with anything but its own letters."""
    singles = sorted(k for k in groups if len(k.split()) == 1 and k not in linked)
    norp = {k for k in singles if _majority_label(groups[k]) == "NORP"}
    blocks = NameBlocks(singles)
    for a in singles:
        for b in blocks.similar(a, NAME_SIMILARITY):
            if b <= a:
                continue
            ka, kb = transliteration_key(a), transliteration_key(b)
            la, lb = _majority_label(groups[a]), _majority_label(groups[b])
            if (a in norp) != (b in norp) or (
                ka != kb and (ka.startswith(kb) or kb.startswith(ka))
            ):
                continue
            if ka != kb and la and lb and la != lb:
                continue  # a place and a company spelled alike are two names
            if ka != kb and person_words and (a in person_words) != (b in person_words):
                continue
            if a != b and (_acronym(groups[a]) or _acronym(groups[b])):
                continue  # "HC" is not "HK", nor "QRSS" "QRS": an acronym's letters are its own
            if ka == kb or (name_similarity(a, b) >= NAME_SIMILARITY and ka[0] == kb[0]):
                clusters.merge(a, b)


#: Letters an acronym has at most (a longer word in capitals may be a name in a headline).
ACRONYM_LETTERS = 5


def _acronym(group: list[Mention]) -> bool:
    """Whether a one-word name is an acronym: every mention written in capitals, with at most
    `ACRONYM_LETTERS` letters ("HK", "QRSS"); folding letters (c→k, doubled letters to one) makes
    another acronym of it, never the same one."""
    return all(
        m.text.isupper() and sum(c.isalpha() for c in m.text) <= ACRONYM_LETTERS for m in group
    )


def _fold_plurals(groups: dict[str, list[Mention]]) -> None:
    """Joins a plural nationality ("Ukrainians") to its singular ("Ukrainian") when both occur."""
    for key in list(groups):
        singular = key[:-1]
        if key.endswith("s") and singular in groups and all(m.label == "NORP" for m in groups[key]):
            for m in groups.pop(key):
                m.key = singular
                groups[singular].append(m)
