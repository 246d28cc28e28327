"""Cache files that are verified before they are trusted, and written atomically.

Every entry starts with the SHA-256 of its payload (64 hex digits and a newline). An entry whose
checksum does not match (truncated by a crash, corrupted on disk) is deleted and reported as
missing, so the caller rebuilds it. Entries are written to a temporary file in the same folder and
renamed into place, so two concurrent builds of one corpus never see half an entry. Nothing is
ever unpickled: payloads are spaCy DocBin bytes or JSON.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

_DIGEST = 64


def read_entry(path: Path) -> bytes | None:
    """Returns a cache entry's payload, or None when it is missing or fails its checksum.

    A corrupted entry is removed so that the next write replaces it.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    digest, separator, payload = data[:_DIGEST], data[_DIGEST : _DIGEST + 1], data[_DIGEST + 1 :]
    if separator != b"\n" or hashlib.sha256(payload).hexdigest().encode() != digest:
        path.unlink(missing_ok=True)
        return None
    return payload


def write_entry(path: Path, payload: bytes) -> None:
    """Writes a cache entry (checksum, then payload) atomically: temporary file, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
