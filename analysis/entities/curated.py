"""Curated knowledge: `corpus/entities.yml` (entries with name, label, aliases and reason, and
`not_same` pairs), read and applied on top of the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..corpus.manifest import CorpusError
from ..text.names import fold
from .mentions import Mention
from .merging import _Clusters

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
