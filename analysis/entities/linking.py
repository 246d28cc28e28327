"""Linking one-word person mentions (a surname, a first name) to one person's full name: the one
their article used before them first, then the corpus on evidence (step 3 of
`analysis.entities`; docs/entities.md, "within the article first" and "across articles second").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from datetime import date

from wordfreq import zipf_frequency

from ..text.lexicon import gender_of_given_name
from ..text.names import NameBlocks, transliteration_key
from .cues import _has_org_word, _is_acronym
from .mentions import COMMON_WORD_ZIPF, Mention, _majority_label
from .merging import (
    NAME_SIMILARITY,
    _Clusters,
    _glued,
    _used_as_person,
    alike_surnames,
    find_nationality_words,
)
from .vocabulary import is_given_name, name_suffixes, patronymic_particles, platforms

#: A short form used without a full name in its article joins the person its other articles
#: resolve it to when at least this many articles do so, and this share of them agree.
DOMINANT_ARTICLES = 3
DOMINANT_SHARE = 0.9
#: A short form used without a full name in its article joins the only person of the corpus
#: with that name when an article naming that person in full is at most this many days apart.
NEARBY_DAYS = 7
#: A surname alone after a relative's full name ("Ivanka X" then "X said") is the person the
#: corpus resolves it to (`DOMINANT_*`) when that person is named in full in this many times as
#: many articles as the relative.
PROMINENCE = 10
#: A word in capitals this long or longer may be a surname ("HOLT:"); shorter ones are acronyms.
CAPITALS_SURNAME = 4
#: The honorific a person given the other one never is (`title_of`'s names): "Mrs. X" is not
#: the one the corpus calls "Mr. X".
OTHER_HONORIFIC = {"mr": "ms", "ms": "mr"}
#: The gender an honorific gives (`title_of`'s names): "Mrs. X" is no man named "John X".
HONORIFIC_GENDER = {"mr": "m", "ms": "f"}


def _reads_as_full_name(group: list[Mention]) -> bool:
    """Returns whether a person's full name opens, as most often written, with a given name,
    not a handle, an acronym or a common word ("@Handle X", "POTUS X", "Team X"): a listed given
    name, or a word rare in English (`COMMON_WORD_ZIPF`)."""
    firsts = Counter(m.text.split()[0] for m in group if m.text.split())
    if not firsts:
        return False
    first = firsts.most_common(1)[0][0]
    if first.startswith("@") or (len(first) > 1 and first.isupper()):
        return False
    return is_given_name(first) or zipf_frequency(first, "en") < COMMON_WORD_ZIPF


def _person_use(key: str, groups: dict[str, list[Mention]], known: dict[str, bool]) -> bool:
    """`_used_as_person` of the group of `key`, computed once per key (in `known`)."""
    if key not in known:
        known[key] = _used_as_person(groups[key])
    return known[key]


def _link_single_names(
    mentions: list[Mention],
    groups: dict[str, list[Mention]],
    people: list[str],
    clusters: _Clusters,
    org_heads: set[str],
    *,
    published: Mapping[str, date | None] | None = None,
) -> dict[int, str]:
    """Links one-word person mentions to one full name: the one their article used before them
    first, then the corpus, on evidence.

    In its own article a word joins the one compatible full name used before it (not a word
    that is that person's first name or surname with letters added or taken off at the end,
    when the model does not mostly label it PERSON and no article uses it as a person's: "the
    Bellatol" after "Ann Bellato"; a word mostly
    labelled a place or a nationality only as that name's surname, in an article that never
    places it ("in X") or, where it does, as the subject of a speech verb ("Both Y and X
    told"); a word in capitals, "HOLT:", only as the surname of that name, 4 letters
    or more, which the person's full names write as a name), unless the article
    gives it a title ("Sen. X") that this person never has and exactly one other person of that
    surname has: then that one; or, untitled, unless the corpus resolves the word to another person
    (`DOMINANT_*`) named in full in `PROMINENCE` times as many articles (a relative's full name,
    then the surname alone for the person the story is about). A word that starts an organisation's
    name and is mostly labelled ORG ("House" after "X House") joins on a title or the corpus's
    reading only. With several there, or none, the corpus decides, in this order: the one candidate
    given a title the article gives the word (`title_of`); the one its other articles resolve it to
    (by the one full name before it, or by a title only that candidate has),
    when `DOMINANT_ARTICLES` of them do and `DOMINANT_SHARE` of those agree ("Obama" in an article
    that never names a first name) and, in an article naming none of the candidates in full, no
    other candidate is named in full or so resolved in as many articles; with no full name in
    the article, the only candidate of the corpus, when an article naming it in full was
    published within `NEARBY_DAYS` days (the same story) and the word's own article has no
    longer name holding it that is someone else's (a name the model did not take for a person's
    counts: "Ann Smith" labelled ORG). Otherwise the word
    stays its own, unresolved. A word that starts an organisation's name is left to a title or the
    corpus's reading, and only when more articles use it as a person's (a title, a speech verb) than
    name such an organisation.

    In the corpus, a word that is also an organisation name's first word ("Fox" of "Fox News")
    joins a person only where its own article uses it as a person's (a title, a speech verb) or
    the model mostly labels it PERSON.

    Args:
        mentions: Every mention of the corpus.
        groups: Mentions by folded name.
        people: The multi-word names that joined a person (`_merge_people`).
        clusters: The merges so far (not changed here).
        org_heads: First words of organisations' names.
        published: Each article's publication day; without one, the date is no obstacle.

    Returns:
        The person (cluster root) of each linked mention, by its position in `mentions`.
    """
    links: dict[int, str] = {}
    first_named: dict[tuple[str, str], int] = {}  # (article, person) → first full name's start
    times_named: Counter[tuple[str, str]] = Counter()  # (article, person) → full names there
    titles_of: dict[str, set[str]] = defaultdict(set)  # person → titles its full names are given
    for key in people:
        for m in groups[key]:
            at = (m.article_id, clusters.find(key))
            first_named[at] = min(first_named.get(at, m.start), m.start)
            times_named[at] += 1
            if m.title:
                titles_of[clusters.find(key)].add(m.title)
    named_in: dict[str, set[str]] = defaultdict(set)  # person → articles naming it in full
    for article_id, root in first_named:
        named_in[root].add(article_id)
    titles_in: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, word) → titles
    for m in mentions:
        if m.title:
            titles_in[m.article_id, m.key].add(m.title)
    compatible, opened_by = _full_name_roots(people, groups, clusters)
    surnames_of: dict[str, set[str]] = defaultdict(set)
    for key in people:
        surnames_of[clusters.find(key)].add(key.split()[-1])
    genders: dict[str, set[str]] = defaultdict(set)  # person → genders of its given names
    for key in people:
        given = gender_of_given_name(key.split()[0])
        if given is not None:
            genders[clusters.find(key)].add(given)

    def fits(m: Mention, root: str) -> bool:
        """Whether a person's given names leave its gender open to the mention's honorific."""
        wanted = HONORIFIC_GENDER.get(m.title or "")
        return wanted is None or genders[root] <= {wanted}

    majority: dict[str, str | None] = {}  # by key: a key's group is the same for all its mentions
    as_person: dict[str, bool] = {}  # by key, `_used_as_person` of its group
    cued = {(m.article_id, m.key) for m in mentions if m.cues["PERSON"] > 0}
    # (article, word) used as a place there ("in X", "the X region"): no surname in that article
    placed = {(m.article_id, m.key) for m in mentions if m.cues["GPE"] > 0}
    cued_in: dict[str, set[str]] = defaultdict(set)  # word → articles using it as a person's
    for article_id, key in cued:
        cued_in[key].add(article_id)
    nationalities = find_nationality_words(groups)
    heading: dict[str, set[str]] = defaultdict(set)  # word → articles naming an org it starts
    for key, group in groups.items():
        if len(key.split()) >= 2 and key.split()[0] in org_heads and _has_org_word(key):
            heading[key.split()[0]] |= {m.article_id for m in group}
    # (mention, candidates, whether only a title or the corpus's reading may decide)
    pending: list[tuple[int, Mention, list[str], bool]] = []
    in_article: set[int] = set()  # pending mentions with several full names before them there
    short_titles: dict[str, set[str]] = defaultdict(set)  # person → titles of its surname alone
    own: list[tuple[int, Mention, str]] = []  # untitled links to the one name of the article
    resolved: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for i, m in enumerate(mentions):
        if len(m.key.split()) != 1 or _has_org_word(m.key):
            continue
        if m.key in platforms():
            continue  # a platform's name is an organisation's, never a person's surname
        if m.key not in majority:
            majority[m.key] = _majority_label(groups[m.key])
        roots = compatible(m.key)
        here = sorted(r for r in roots if first_named.get((m.article_id, r), m.start) < m.start)
        kept = [r for r in here if fits(m, r)]
        if kept and len(kept) < len(here):
            # "Mrs. X" after "John X" and "Jane X": hers (after "John X" alone, left as it
            # was: a given name the list gives one gender is sometimes borne by the other)
            here, roots = kept, {r for r in roots if fits(m, r)}
        if not any((m.article_id, r) in first_named for r in roots):
            # someone's surname elsewhere, but its article names no one of that surname: the
            # one person there whose full name opens with it ("Tae" after "Tae Sun Ho")
            opened = sorted(r for r in opened_by(m.key) if (m.article_id, r) in first_named)
            if (
                len(opened) == 1
                and first_named[m.article_id, opened[0]] < m.start
                # named in full in more articles than anyone of that surname ("Roe" stays
                # the senator Ann Roe's, whatever "Roe <Word> <Word>" an article names)
                and all(len(named_in[opened[0]]) > len(named_in[r]) for r in roots)
            ):
                here, roots = opened, set(opened)
        if _is_acronym(m.text):
            # a surname in capitals (a transcript's "HOLT:", a headline in capitals) after the
            # full name, which writes it as a name ("Ann Holt"): that person's; any other word
            # in capitals is an acronym, no one's ("Ann Holt EPA" is no person's name)
            if (
                len(m.text) >= CAPITALS_SURNAME
                and len(here) == 1
                and m.key in surnames_of[here[0]]
                and majority[m.key] not in ("GPE", "LOC", "NORP")
                and _written_as_name(m.key, here[0], groups, clusters)
                and clusters.can_merge(m.key, here[0])
            ):
                links[i] = here[0]
            continue
        if m.key in nationalities and not any(m.key in surnames_of[r] for r in roots):
            continue  # a nationality word is no one's given name ("Freedonian" of a "name")
        if (
            majority[m.key] in ("GPE", "LOC", "NORP")
            and not _person_use(m.key, groups, as_person)
            and not (
                len(here) == 1
                and m.key in surnames_of[here[0]]
                # an article that also places the word: only where a speech verb says so
                # ("Rep. Ann X … Both Y and X told reporters" beside "aid to X")
                and ((m.article_id, m.key) not in placed or m.speaks)
            )
        ):
            continue  # place and nationality words are not surnames, unless the article says so
        short_form = m.key in org_heads and (m.article_id, m.key) not in cued
        if len(here) == 1 and short_form and majority[m.key] == "ORG":
            pending.append((i, m, here, True))  # "House" after "X House": only on evidence
            continue
        if (
            len(here) == 1
            and majority[m.key] != "PERSON"
            and not cued_in[m.key]
            and _extends(transliteration_key(m.key), _spellings(here[0], clusters))
        ):
            continue  # another word built on the surname: "the Bellatol" is not "Ann Bellato"
        if len(here) == 1 and clusters.can_merge(m.key, here[0]):
            titled = [r for r in sorted(roots) if m.title in titles_of[r]]
            if m.title and m.title not in titles_of[here[0]] and len(titled) == 1:
                here = titled  # "Sen. X" after a relative's full name: the senator
            elif not m.title:
                own.append((i, m, here[0]))
            links[i] = here[0]
            resolved[m.key][here[0]].add(m.article_id)
            if m.title:
                short_titles[here[0]].add(m.title)  # "Mrs. X" after her only full name there
            continue
        if here:
            pending.append((i, m, here, True))  # ambiguous in its own article
            in_article.add(i)
            continue
        if short_form and majority[m.key] != "PERSON":
            if len(cued_in[m.key]) > len(heading[m.key]) and roots:
                pending.append((i, m, sorted(roots), True))  # a title or the corpus decides
            continue  # an organisation's short form as much as a surname
        if roots:
            pending.append((i, m, sorted(roots), False))
    for i, m, root in own:
        articles = resolved[m.key]
        usual = max(sorted(articles), key=lambda r: len(articles[r]))
        total = len({a for found in articles.values() for a in found})
        if (
            usual != root
            and total >= DOMINANT_ARTICLES
            and len(articles[usual]) >= DOMINANT_SHARE * total
            and len(named_in[usual]) >= PROMINENCE * len(named_in[root])
            and (
                m.article_id in named_in[usual]
                # a title only the namesake bears ("Mr. X", "President X") given the word there
                or (titles_of[usual] - titles_of[root]) & titles_in[m.article_id, m.key]
                or not _reads_as_full_name(groups[root])
            )
            and clusters.can_merge(m.key, usual)
        ):
            # "X" after a relative's full name: the one the corpus means, when the article names
            # that one too (in full, or "Mr. X"), or its own "full name" is none ("@Handle X",
            # "Team X"); else the surname is the article's own person's ("Ann Y" … "Y said")
            links[i] = usual
    days = {a: d.toordinal() for a, d in (published or {}).items() if d is not None}
    # Words of the longer names each article uses ("Ann Smith", also one not taken for a
    # person's): a surname alone there may be that name's, whoever else the corpus names.
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, word) → names
    for key, group in groups.items():
        if len(key.split()) >= 2 and not _glued(group):  # page furniture names no one
            for m in group:
                for word in key.split():
                    longer[m.article_id, word].add(key)
    for _, m, candidates, _ in pending:
        titled = [r for r in candidates if titles_of[r] & titles_in[m.article_id, m.key]]
        if len(titled) == 1:  # "President X" in an article: its title resolves the word there
            resolved[m.key][titled[0]].add(m.article_id)
    for i, m, candidates, guarded in pending:
        titled = [r for r in candidates if titles_of[r] & titles_in[m.article_id, m.key]]
        other = OTHER_HONORIFIC.get(m.title or "")
        fit = [r for r in candidates if other not in titles_of[r] | short_titles[r]]
        if (
            other is not None
            and len(titled) != 1
            and len(fit) == 1
            and m.title in titles_of[fit[0]] | short_titles[fit[0]]
        ):
            titled = fit  # "Mrs. X" where the other one is "Mr. X" in the corpus: hers
        articles = resolved.get(m.key, {})
        total = len({a for found in articles.values() for a in found})
        best = max(sorted(articles), key=lambda r: len(articles[r]), default=None)
        inside = [
            r
            for r in candidates
            if any(
                f" {name} " in f" {other} "
                for name in clusters.members[r]
                if len(name.split()) >= 2
                for other in longer[m.article_id, m.key]
                if other != name
            )
        ]
        if len(titled) == 1:
            choice: str | None = titled[0]
        elif len(inside) == 1:
            choice = inside[0]  # its article holds that full name inside a longer one
        elif (
            best in candidates
            and total >= DOMINANT_ARTICLES
            and len(articles[best]) >= DOMINANT_SHARE * total
            and (
                _named_most(best, candidates, m.article_id, times_named)
                if i in in_article
                else _known_in_most_articles(best, candidates, named_in, articles)
            )
        ):
            choice = best
        elif len(candidates) == 1 and not guarded:
            choice = candidates[0]
            day = days.get(m.article_id)
            spelled = _spellings(choice, clusters)
            dated = [days[a] for a in named_in[choice] if a in days]
            if (
                transliteration_key(m.key) not in spelled
                and majority[m.key] != "PERSON"
                and not cued_in[m.key]
            ):
                choice = None  # spelled otherwise, never a person's: "Bellatol" is not "Bellato"
            elif day is not None and dated and min(abs(d - day) for d in dated) > NEARBY_DAYS:
                choice = None  # a namesake in another story, as likely as the same person
            elif any(clusters.find(k) != choice for k in longer[m.article_id, m.key]):
                choice = None  # its article names someone else with that word
        else:
            choice = None
        if choice is not None and clusters.can_merge(m.key, choice):
            links[i] = choice
    return links


def _spellings(root: str, clusters: _Clusters) -> set[str]:
    """Returns the transliteration keys of the first and last words of a person's full names."""
    return {
        transliteration_key(w)
        for name in clusters.members[root]
        if len(name.split()) >= 2
        for w in (name.split()[0], name.split()[-1])
    }


def _extends(key: str, spellings: set[str]) -> bool:
    """Whether a word's key is one of a person's spellings with letters added or taken off at
    the end ("capitol" of "capito"), not a spelling of its own ("stefanopolous")."""
    return key not in spellings and any(
        key.startswith(s) or s.startswith(key) for s in spellings if s
    )


def _named_most(
    person: str, candidates: list[str], article_id: str, times_named: Counter[tuple[str, str]]
) -> bool:
    """Returns whether an article names `person` in full at least as often as each other
    candidate: the corpus's reading of a surname two people of the article share holds only
    then (an article naming a brother in full more often than the famous one means him)."""
    mine = times_named[article_id, person]
    return all(mine >= times_named[article_id, r] for r in candidates if r != person)


def _known_in_most_articles(
    person: str,
    candidates: list[str],
    named_in: Mapping[str, set[str]],
    resolved: Mapping[str, set[str]],
) -> bool:
    """Returns whether `person` is known in more articles than each other candidate — named in
    full there, or the word resolved to them there (`resolved`: by a full name before it or a
    title only they have): the corpus's reading of a surname alone in an article naming none of
    them holds only then (a wife's op-ed read in several articles as hers does not make "the X
    administration" of an article naming no one hers, when her husband is named in full in as
    many articles)."""

    def known(r: str) -> int:
        return len(named_in.get(r, set()) | resolved.get(r, set()))

    return all(known(person) > known(r) for r in candidates if r != person)


def _written_as_name(
    word: str, root: str, groups: Mapping[str, list[Mention]], clusters: _Clusters
) -> bool:
    """Returns whether a person's full names write the surname `word` (folded) as a name, not
    in capitals, at least once ("Ann Holt", not only "Ann HOLT" or "Ann Holt EPA")."""
    return any(
        not m.tokens[-1].isupper()
        for name in clusters.members[root]
        if len(name.split()) >= 2 and name.split()[-1] == word
        for m in groups.get(name, [])
        if m.tokens
    )


#: A capitalised word of letters, a hyphen or apostrophe inside ("Sun-ho", "O'Hara").
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]*)*")


def _full_name_roots(
    people: list[str], groups: Mapping[str, list[Mention]], clusters: _Clusters
) -> tuple[Callable[[str], set[str]], Callable[[str], set[str]]]:
    """Returns a function giving, for a one-word name, the people (cluster roots) one of whose
    full names has a surname alike it and starting alike (same first letter of the
    transliteration key: "Vitter" is no spelling of "Twitter"), else those with the same first
    name (results kept per word); and one giving the people one of whose full names opens with
    the word, whatever its surnames, when that name has three words or more, written once at
    least as capitalised words of letters (a hyphen inside: "Tae Sun-ho"; no initial, no
    photo credit), not run into another name (a surname run into a building's name), and
    labelled PERSON by the model most of the time."""
    surnames: dict[str, set[str]] = defaultdict(set)
    firsts: dict[str, set[str]] = defaultdict(set)
    for root in {clusters.find(k) for k in people}:
        for name in clusters.members[root]:
            if name in groups and len(name.split()) >= 2:
                words = name.split()
                if len(words) < 3 or words[-2] not in patronymic_particles():
                    surnames[words[-1]].add(root)  # not the father's name of "X bin Y"
                if len(words) > 2 or words[1] not in name_suffixes() or is_given_name(words[0]):
                    # but "Roe Jr." opens with a surname ("Ann Jr." with a first name)
                    firsts[transliteration_key(words[0])].add(root)
    blocks = NameBlocks(surnames)
    found: dict[str, set[str]] = {}

    def compatible(word: str) -> set[str]:
        if word not in found:
            roots: set[str] = set()
            initial = transliteration_key(word)[:1]
            for surname in blocks.similar(word, NAME_SIMILARITY):
                if transliteration_key(surname)[:1] == initial and alike_surnames(word, surname):
                    roots |= surnames[surname]
            # A word that is someone's surname is used as one: not as another's first name.
            found[word] = roots or set(firsts.get(transliteration_key(word), set()))
        return found[word]

    opening: dict[str, set[str]] = defaultdict(set)
    for root in {clusters.find(k) for k in people}:
        for name in clusters.members[root]:
            words = name.split()
            group = groups.get(name, [])
            if (
                len(words) >= 3
                and group
                and any(all(_NAME_WORD.fullmatch(w) for w in m.tokens) for m in group)
                and _majority_label(group) == "PERSON"
                # not a name run into a place's or body's (a surname run into a building's name)
                and _majority_label(groups.get(" ".join(words[1:]), [])) in (None, "PERSON")
            ):
                opening[transliteration_key(words[0])].add(root)

    def opened_by(word: str) -> set[str]:
        return opening.get(transliteration_key(word), set())

    return compatible, opened_by
