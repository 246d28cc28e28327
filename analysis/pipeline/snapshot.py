"""Build snapshots: a whole build's tables kept, so that rebuilding an unchanged corpus is a read.

Every notebook starts with `analysis.build(CORPUS_DIR)`; at a thousand articles even a build whose
parses and per-article rows are all cached spends seconds in the corpus-level stages (entities,
links, statements, events). A snapshot keeps the tables of the last builds of each corpus in the
cache folder's `builds/` subfolder, keyed by everything the tables depend on:

- every file of the corpus folder (its path and bytes: manifest, articles, rules, side files
  such as `frames.yml`), hidden files (names starting with ".") left out, and the corpus's
  title (the folder's own name when `corpus.yml` gives none: a copied or renamed folder is
  named as itself in `articles.corpus` and in every chart's source line);
- the source of this package (every `analysis/**/*.py`) and its shipped data files (`*.yml`,
  `*.csv`, e.g. the general frame lexicon), so a code or word-list change is never served stale;
- the spaCy model's name and version, and spaCy's version.

Each table is one checksummed cache entry (`analysis.cache`) of Parquet bytes; a damaged or
missing entry makes the whole snapshot unused (the build runs). Only the `SNAPSHOTS_KEPT` most
recently used snapshots are kept.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from functools import cache
from pathlib import Path

import pandas as pd

from ..corpus.folder import read_corpus_title
from ..text.cache import read_entry, write_entry
from ..text.parse import ModelInfo
from . import conformance, schema

SNAPSHOT_FOLDER = "builds"
#: Snapshots kept in a cache folder (each corpus rebuilt after a change adds one).
SNAPSHOTS_KEPT = 4


@cache
def _package_version() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parents[1]  # the whole package, analysis/
    for path in sorted(p for p in here.rglob("*") if p.suffix in {".py", ".yml", ".csv"}):
        digest.update(str(path.relative_to(here)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def snapshot_key(corpus_dir: str | Path, model: ModelInfo) -> str:
    """Returns the key of a corpus's build: a hash of its files, this package's code and the model.

    Args:
        corpus_dir: The corpus folder.
        model: The spaCy model the build parses with.

    Returns:
        A hex digest; any change to a corpus file, to the corpus's title (or, without one, to the
        folder's name), to the code or to the model changes it.
    """
    import spacy

    root = Path(corpus_dir)
    digest = hashlib.sha256()
    title = read_corpus_title(root)  # the folder's name when corpus.yml has no title
    for part in (_package_version(), spacy.__version__, model.name, model.version, title):
        digest.update(part.encode("utf-8") + b"\x1f")
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(p.startswith(".") for p in relative.parts) or not path.is_file():
            continue
        digest.update(str(relative).encode("utf-8") + b"\x1f")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_snapshot(cache_dir: Path, key: str) -> dict[str, pd.DataFrame] | None:
    """Reads the tables of a snapshot.

    Args:
        cache_dir: The cache folder.
        key: `snapshot_key` of the corpus.

    Returns:
        Every table of `schema.TABLES` by name, conformed to its schema; None when there is no
        complete, intact snapshot for the key.
    """
    folder = cache_dir / SNAPSHOT_FOLDER / key
    if not folder.is_dir():
        return None
    tables = {}
    for name in schema.TABLES:
        data = read_entry(folder / f"{name}.parquet")
        if data is None:
            return None
        tables[name] = conformance.conform(name, pd.read_parquet(io.BytesIO(data)))
    os.utime(folder)  # most recently used: kept longest
    return tables


def write_snapshot(cache_dir: Path, key: str, tables: dict[str, pd.DataFrame]) -> None:
    """Writes the tables of a build as a snapshot, and removes the least recently used ones.

    Args:
        cache_dir: The cache folder.
        key: `snapshot_key` of the corpus.
        tables: Every table of `schema.TABLES` by name.
    """
    folder = cache_dir / SNAPSHOT_FOLDER / key
    for name in schema.TABLES:
        buffer = io.BytesIO()
        tables[name].to_parquet(buffer, index=False)
        write_entry(folder / f"{name}.parquet", buffer.getvalue())
    others = [p for p in (cache_dir / SNAPSHOT_FOLDER).iterdir() if p.is_dir() and p != folder]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[SNAPSHOTS_KEPT - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
