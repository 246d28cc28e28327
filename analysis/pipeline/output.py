"""Writing a folder of outputs atomically: into a temporary folder, then moved into place.

A write that fails or is killed midway leaves the previous folder as it was; two writers at once
leave one complete folder (the last one's). Temporary folders of killed writers are removed by the
next write.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

#: The only files an output folder may hold, since it is replaced as a whole.
OUTPUT_SUFFIXES = (".parquet", ".csv")


def write_folder(out_dir: str | Path, write: Callable[[Path], list[str]]) -> list[Path]:
    """Writes a folder atomically.

    Args:
        out_dir: The folder to (re)place; created when missing. It may hold only `.parquet` and
            `.csv` files, since it is replaced as a whole.
        write: Writes the files into the folder it is given and returns their names.

    Returns:
        The paths written, inside `out_dir`.

    Raises:
        FileExistsError: `out_dir` is a file, or holds other files that replacing it would delete.
    """
    out = Path(out_dir).absolute()
    _check_output_folder(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-{os.getpid()}-", dir=out.parent))
    try:
        names = write(tmp)
        tmp.chmod(0o755)
        _move_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [out / n for n in names]


def _check_output_folder(out: Path) -> None:
    # One look at the folder: another build may move it aside between two looks.
    try:
        if not stat.S_ISDIR(out.stat().st_mode):
            raise FileExistsError(f"{out} is a file; give a folder for the tables (e.g. build).")
        entries = list(out.iterdir())
    except FileNotFoundError:  # missing, or another build moved it aside meanwhile
        entries = []
    if entries:
        # Judged by name: a table file that another build's swap removes meanwhile is no longer a
        # file, but it is still a table, not someone's file.
        others = sorted(p.name for p in entries if p.suffix not in OUTPUT_SUFFIXES or p.is_dir())
        if others:
            raise FileExistsError(
                f"{out} holds files other than tables ({', '.join(others[:5])}); writing replaces "
                "the whole folder, so give a folder of its own (e.g. build) or move them out."
            )


def _move_into_place(tmp: Path, out: Path) -> None:
    """Renames `tmp` to `out`, moving the previous `out` aside first and deleting it after."""
    for _ in range(20):
        try:
            os.rename(tmp, out)  # succeeds when out is missing or an empty folder
            return
        except OSError:
            old = out.parent / f".{out.name}.old-{os.getpid()}-{secrets.token_hex(4)}"
            try:
                os.rename(out, old)
            except FileNotFoundError:
                continue  # another build moved it aside first: try again
            shutil.rmtree(old, ignore_errors=True)
    raise OSError(f"could not move the new tables into {out}: another build keeps replacing it")


def _remove_stale_temporaries(out: Path) -> None:
    """Deletes temporary folders left by builds that were killed (their process is gone)."""
    for path in out.parent.glob(f".{out.name}.*-*-*"):
        match = re.match(rf"\.{re.escape(out.name)}\.(?:tmp|old)-(\d+)-", path.name)
        if match and path.is_dir() and not _process_exists(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
