"""Speaker groups (`corpus/actors.yml`) for the voice-share charts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ..corpus.manifest import CorpusError

ACTORS_FILE = "actors.yml"
OTHER_GROUP = "other"
SPEAKER_NOT_STATED = "speaker not stated"
UNKNOWN_SPEAKER = SPEAKER_NOT_STATED


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
    """Returns each quote's speaker group ("other" when unlisted, "speaker not stated" without
    speaker)."""
    return quotes.speaker.map(
        lambda s: (
            SPEAKER_NOT_STATED
            if not isinstance(s, str) or s == SPEAKER_NOT_STATED
            else actors.get(s, OTHER_GROUP)
        )
    ).astype("str")


def label_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Returns a copy of the quotes whose missing speaker reads "speaker not stated", for tables,
    filters and charts that must show those quotes rather than hide them."""
    return quotes.assign(speaker=quotes.speaker.fillna(SPEAKER_NOT_STATED).astype("str"))


def count_utterances(quotes: pd.DataFrame) -> pd.DataFrame:
    """Returns one row per utterance: the rows without a `parent_quote_id` (or whose parent is
    not among `quotes`), with `n_rows` (the rows it stands for) and `n_words` (the words of the
    union of their spans, so a partial quote inside an indirect one is not counted twice).

    Args:
        quotes: Rows of the `quotes` table (any selection of them).
    """
    own = [f"{a}#{int(q)}" for a, q in zip(quotes.article_id, quotes.quote_id, strict=True)]
    present = set(own)
    parent = [
        f"{a}#{int(p)}" if pd.notna(p) and f"{a}#{int(p)}" in present else key
        for a, p, key in zip(quotes.article_id, quotes.parent_quote_id, own, strict=True)
    ]
    frame = quotes.assign(_utterance=parent)
    n_rows: dict[str, int] = {}
    n_words: dict[str, int] = {}
    for key, group in frame.groupby("_utterance", sort=False):
        covered, end = [], -1
        for start, stop, text in sorted(
            zip(group.start, group.end, group.text, strict=True), key=lambda r: r[0]
        ):
            if stop > end:
                covered.append(str(text)[max(0, end - int(start)) :])
                end = int(stop)
        n_rows[str(key)] = len(group)
        n_words[str(key)] = len(" ".join(covered).split())
    keep = [o == p for o, p in zip(own, parent, strict=True)]
    kept = [o for o, k in zip(own, keep, strict=True) if k]
    return quotes.loc[keep].assign(
        n_rows=[n_rows[k] for k in kept], n_words=[n_words[k] for k in kept]
    )
