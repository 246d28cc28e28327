"""Speaker groups (`corpus/actors.yml`) for the voice-share charts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ..corpus import CorpusError

ACTORS_FILE = "actors.yml"
OTHER_GROUP = "other"
UNKNOWN_SPEAKER = "unknown"


def read_actors(path: str | Path) -> dict[str, str]:
    """Reads the speaker groups of `corpus/actors.yml`.

    Args:
        path: The file (group name → list of canonical speaker names); missing means no groups.

    Returns:
        The group of each listed speaker.

    Raises:
        CorpusError: The file is not a mapping of group names to lists, or a speaker is in two
            groups.
    """
    path = Path(path)
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise CorpusError(f"{path}: expected group names, each with a list of speaker names.")
    groups: dict[str, str] = {}
    for group, speakers in data.items():
        for speaker in speakers:
            if speaker in groups:
                raise CorpusError(
                    f"{path}: {speaker!r} is in both {groups[speaker]!r} and {group!r}; keep one."
                )
            groups[str(speaker)] = str(group)
    return groups


def group_speakers(quotes: pd.DataFrame, actors: dict[str, str]) -> pd.Series:
    """Returns each quote's speaker group ("other" when unlisted, "unknown" without speaker)."""
    return quotes.speaker.map(
        lambda s: UNKNOWN_SPEAKER if not isinstance(s, str) else actors.get(s, OTHER_GROUP)
    ).astype("str")
