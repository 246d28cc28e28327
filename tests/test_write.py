"""Writing the tables is atomic: a failed, killed or concurrent write never leaves a broken set."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.pipeline import schema
from analysis.pipeline.output import write_folder

# A writer that reads the written tables back and writes them again, slowly (half a second per
# file), so the test can kill it midway.
SLOW_WRITER = """
import sys, time
import pandas as pd
from analysis.pipeline import schema
from analysis.pipeline.run import Tables

out = sys.argv[1]
frames = {name: pd.read_parquet(f"{out}/{name}.parquet") for name in schema.TABLES}
frames["articles"]["notes"] = "second build"
original = pd.DataFrame.to_parquet

def slow(self, *args, **kwargs):
    print("writing", flush=True)
    time.sleep(0.5)
    return original(self, *args, **kwargs)

pd.DataFrame.to_parquet = slow
Tables(**frames, docs={}).write(out)
"""


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


def test_write_that_fails_midway_leaves_the_previous_tables(
    tables: analysis.Tables, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "build"
    tables.write(out)
    before = snapshot(out)
    assert sorted(before) == sorted(f"{name}.parquet" for name in schema.TABLES)
    calls = []
    original = pd.DataFrame.to_parquet

    def failing(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("No space left on device")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing)
    with pytest.raises(OSError, match="No space left on device"):
        tables.write(out)
    assert snapshot(out) == before
    assert siblings(out) == []  # the temporary folder is gone


def test_build_killed_while_writing_leaves_the_previous_tables(
    tables: analysis.Tables, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    tables.write(out)
    before = snapshot(out)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    writer = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(out)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert writer.stdout is not None
    for _ in range(3):  # two tables written, the third under way
        assert writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert snapshot(out) == before
    (left,) = siblings(out)  # the killed build's temporary folder…
    assert left.startswith(f".build.tmp-{writer.pid}-")
    tables.write(out)
    assert siblings(out) == []  # …is removed by the next write
    assert snapshot(out) == before


def test_two_writes_at_once_leave_one_complete_set(tables: analysis.Tables, tmp_path: Path) -> None:
    out = tmp_path / "build"
    errors: list[BaseException] = []

    def write_often() -> None:
        try:
            for _ in range(5):
                tables.write(out)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write_often) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.parquet" for n in schema.TABLES)
    pd.testing.assert_frame_equal(pd.read_parquet(out / "quotes.parquet"), tables.quotes)
    assert siblings(out) == []


def test_write_refuses_a_folder_holding_other_files(
    tables: analysis.Tables, tmp_path: Path
) -> None:
    (tmp_path / "notes.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"holds files other than tables \(notes.md\)"):
        tables.write(tmp_path)
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "mine\n"


def test_write_with_csv(tables: analysis.Tables, tmp_path: Path) -> None:
    paths = tables.write(tmp_path / "build", csv=True)
    assert len(paths) == 2 * len(schema.TABLES)
    assert all(p.is_file() for p in paths)
    assert time.time() - paths[0].stat().st_mtime < 60


def test_two_cli_builds_of_one_corpus_at_once(
    tables: analysis.Tables, tmp_path: Path, cache_dir: Path
) -> None:
    from tests.conftest import CORPUS

    out = tmp_path / "build"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    command = [sys.executable, "-m", "analysis", "build", "--corpus", str(CORPUS)]
    command += ["--out", str(out), "--cache", str(cache_dir)]
    builds = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE) for _ in range(2)]
    assert [b.wait(timeout=300) for b in builds] == [0, 0]
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"), frame)
    assert siblings(out) == []


def test_many_writers_at_once_never_mistake_a_moving_folder_for_a_bad_one(tmp_path: Path) -> None:
    # Writers that each look at the folder while another swaps it in: a table file removed by the
    # other's swap, or the folder moved aside between two looks, once made a writer refuse with
    # "holds files other than tables (t2.parquet)" or "is a file" (seen in CI).
    out = tmp_path / "build"
    errors: list[BaseException] = []

    def write_tables(folder: Path) -> list[str]:
        names = [f"t{i}.parquet" for i in range(14)]
        for name in names:
            (folder / name).write_bytes(b"x" * 1000)
        return names

    def write_often() -> None:
        try:
            for _ in range(150):
                write_folder(out, write_tables)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write_often) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(p.name for p in out.iterdir()) == sorted(f"t{i}.parquet" for i in range(14))
