"""Speaker groups (`corpus/actors.yml`) for the voice-share charts; without that file, speakers
are grouped by the type of their entity (person, organisation, place, group)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ..corpus.manifest import CorpusError

ACTORS_FILE = "actors.yml"
OTHER_GROUP = "other"
SPEAKER_NOT_STATED = "speaker not stated"
UNKNOWN_SPEAKER = SPEAKER_NOT_STATED
#: Groups of speakers by their entity's type, when the corpus has no `actors.yml`.
TYPE_GROUPS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, state or city",
    "NORP": "nationality, religious or political group",
}
#: The group of a named speaker whose entity type is unknown or another one.
UNTYPED_GROUP = "other named speaker"


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


def group_speakers(
    quotes: pd.DataFrame, actors: dict[str, str], *, entities: pd.DataFrame | None = None
) -> pd.Series:
    """Returns each quote's speaker group.

    Args:
        quotes: Rows of the `quotes` table.
        actors: `read_actors` of the corpus.
        entities: The `entities` table; used when `actors` is empty, to group speakers by their
            entity's type (`TYPE_GROUPS`, else `UNTYPED_GROUP`).

    Returns:
        The group of each quote: its speaker's group in `actors` ("other" when unlisted), or by
        entity type when there are no actors and `entities` is given; "speaker not stated"
        without speaker.
    """
    if not actors and entities is not None:
        label = dict(zip(entities.entity_id, entities.label, strict=True))
        return pd.Series(
            [
                SPEAKER_NOT_STATED
                if not isinstance(s, str) or s == SPEAKER_NOT_STATED
                else TYPE_GROUPS.get(label.get(e, ""), UNTYPED_GROUP)
                for s, e in zip(quotes.speaker, quotes.speaker_entity_id, strict=True)
            ],
            index=quotes.index,
            dtype="str",
        )
    return quotes.speaker.map(
        lambda s: (
            SPEAKER_NOT_STATED
            if not isinstance(s, str) or s == SPEAKER_NOT_STATED
            else actors.get(s, OTHER_GROUP)
        )
    ).astype("str")


def describe_groups(actors: dict[str, str], path: str | Path) -> str:
    """Returns one line saying where the speaker groups come from, and how to set them."""
    if actors:
        return f"Speaker groups: {Path(path).name} ({len(set(actors.values()))} groups)."
    return (
        f"No {Path(path).name} in the corpus: speakers are grouped by entity type (person, "
        f"organisation, …). To name your own groups, write {Path(path).name} in the corpus "
        "folder: each group name followed by a list of speaker names, e.g. "
        "`government: [Jane Doe, Ministry of Defence]`."
    )


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
