"""Curated knowledge: `corpus/entities.yml` (entries with name, label, aliases and reason, and
`not_same` pairs), read and applied on top of the rules.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..corpus.manifest import CorpusError
from ..text.names import fold
from .mentions import Mention
from .merging import _Clusters
from .vocabulary import is_given_name

CURATED_FILE = "entities.yml"


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


def outlet_entries(outlets: Iterable[str], *, people: Collection[str] = ()) -> list[dict[str, Any]]:
    """Returns a curated ORG entry for each outlet of the manifest, so that the outlet's name
    in an article ("told the Gazette", "according to GAZETTE") is that organisation, never a
    person or a place. The name is the manifest's without a parenthesis or a " - " tail
    ("Gazette (Web News)", "Gazette - News": "Gazette"), also with a leading "The" (a name
    that has one is not taken without it: "The Hill" is no "Hill"). An outlet named like a
    person — its first word a common given name, or its two or more words labelled PERSON by
    the model in most of their mentions (`people`: folded names): a columnist's column — gets
    no entry."""
    entries = []
    for outlet in sorted(set(outlets)):
        name = re.sub(r"\s*\([^)]*\)\s*|\s+-\s+.*$", "", outlet).strip()
        words = name.split()
        if not words or is_given_name(words[0]) or (len(words) >= 2 and fold(name) in people):
            continue
        forms = [] if words[0].lower() == "the" else [f"The {name}"]
        entries.append(
            {"name": name, "label": "ORG", "aliases": forms, "reason": "an outlet of the corpus"}
        )
    return entries


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
