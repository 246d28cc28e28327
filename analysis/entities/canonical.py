"""Labels, canonical names and ids of entities (steps 5 and 6 of `analysis.entities`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from unidecode import unidecode

from ..text.names import fold
from .cues import _has_org_word, _is_acronym
from .mentions import Mention, _person_evidence
from .vocabulary import alias_groups, deities, platforms


def _decide_label(
    group: list[Mention],
    keys: set[str],
    curated: dict[str, Any] | None,
    *,
    institutions: Mapping[str, str] | None = None,
) -> str:
    """Returns an entity's label: curated, else ORG for organisation vocabulary or a platform,
    else the vote of its mentions' model labels (a surname linked to a person's full name does
    not vote: the model often takes one alone for a place or a group, nor does the model's
    PERSON for a one-word name that only ever modifies a common noun: "the X exercise") and
    context cues. A PERSON vote with no person cue (a title, a role, a speech verb) gives way to
    the label of the organisation or place of the corpus (`institutions`: folded names of two
    words or more, by their label) that ends every one of the entity's mentions ("X White House"
    is the White House of a time, whatever the model made of it)."""
    if curated:
        return str(curated["label"])
    if keys & deities():
        return "PERSON"
    if any(len(k.split()) >= 2 and _has_org_word(k) for k in keys) or keys & platforms():
        return "ORG"
    label = _vote(group, keys)
    if label == "PERSON" and institutions and not any(m.cues["PERSON"] for m in group):
        ending = {_ending_institution(m.text, institutions) for m in group}
        only = ending.pop() if len(ending) == 1 else None
        if only is not None:
            return institutions[only]
    return label


def _vote(group: list[Mention], keys: set[str]) -> str:
    """Returns the label its mentions' model labels and context cues vote for
    (`_decide_label`)."""
    person_evidence = _person_evidence(group)
    # a one-word name only ever modifying a common noun ("the X exercise"): no one's name
    modifier = all(len(k.split()) == 1 for k in keys) and all(m.modifier for m in group)
    aliased = any(k in alias_groups() for k in keys)  # a country's listed form ("PRC", "UAE")
    votes: dict[str, float] = defaultdict(float)
    for m in group:
        if m.linked:
            pass  # a surname joined to a person: the model's label for it alone is no evidence
        elif m.label == "PERSON" and modifier:
            pass  # "the X drills": the model's PERSON is no evidence
        elif m.label == "GPE" and len(m.text) >= 3 and _is_acronym(m.text) and not aliased:
            votes["ORG"] += 1  # "NRA" taken for a place (a country's acronym is an alias: "PRC")
        elif m.label == "ORG" and not (_has_org_word(m.key) or _is_acronym(m.text)):
            votes["ORG"] += 0.5
        elif m.label == "PERSON" and not person_evidence:
            votes["PERSON"] += 0.5
        elif m.label:
            votes[m.label] += 1
        for label, weight in m.cues.items():
            votes[label] += weight
    if not votes:
        fallbacks = Counter(
            m.fallback for m in group if m.fallback and not (modifier and m.fallback == "PERSON")
        )
        return fallbacks.most_common(1)[0][0] if fallbacks else "MISC"
    best = max(votes.values())
    winners = sorted(label for label, v in votes.items() if v == best)
    return (
        next((w for w in winners if w != "PERSON"), winners[0]) if len(winners) > 1 else winners[0]
    )


def _ending_institution(text: str, institutions: Mapping[str, str]) -> str | None:
    """Returns the organisation's or place's name (folded, two words or more of two letters or
    more, set off by a space) that ends a longer name as written, or None: "White House" of
    "X White House", not "Ab Cd" of "Ef Ab-Cd" nor "C. K." of "Ab C. K."."""
    words = text.split()
    for i in range(1, len(words) - 1):
        tail = fold(" ".join(words[i:]))
        if tail in institutions and all(len(w) >= 2 for w in tail.split()):
            return tail
    return None


def _canonical_name(group: list[Mention], label: str) -> str:
    forms: Counter[str] = Counter(m.text for m in group)
    articles: dict[str, set[str]] = defaultdict(set)
    first_seen: dict[str, int] = {}
    for m in group:
        articles[m.text].add(m.article_id)
        first_seen[m.text] = min(first_seen.get(m.text, 10**9), m.article_index)
    # A form repeating a word ("X Y Y", glued page furniture) is never the canonical name.
    clean = [f for f in forms if not _repeats_a_name_word(f)] or list(forms)
    if label == "PERSON" and len({m.article_id for m in group}) >= 2:
        # The fullest COMMON form: a person named in two articles or more, by a full name that
        # two of them write, is not named by a fuller form one article alone writes (a middle
        # name or initial, "Ann B. Roe", or a one-off form with a suffix that may be a parent's).
        common = [f for f in clean if len(articles[f]) >= 2 and len(f.split()) >= 2]
        clean = common or clean
    longest = max(len(f.split()) for f in clean)
    full = [f for f in clean if len(f.split()) == longest]

    def rank(form: str) -> tuple[int, int, int, int, str]:
        score = forms[form]
        if label == "PERSON":
            words = form.split()
            score = sum(w.split()[0] == words[0] for w in forms.elements() if w.split())
            score += sum(w.split()[-1] == words[-1] for w in forms.elements() if w.split())
        has_marks = int(form != unidecode(form))
        return (-score, -len(articles[form]), first_seen[form], -has_marks, form)

    return sorted(full, key=rank)[0]


def _repeats_a_name_word(form: str) -> bool:
    """Whether a capitalised word occurs twice in a form ("X Y Y"; "of" may)."""
    names = [w for w in form.split() if w[:1].isupper()]
    return len(set(names)) < len(names)


def slug(name: str) -> str:
    """Returns the entity id made from a canonical name: lowercase ASCII words joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", unidecode(name).lower())) or "entity"
