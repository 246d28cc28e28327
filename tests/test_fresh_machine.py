"""A machine without Chromium: setup says how to install it, and the tests needing it skip."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CHROMIUM_MISSING, ROOT


def bin_without_chromium(tmp_path: Path) -> Path:
    """Returns a folder to use as PATH: a shell and `id`, but no chromium and no apt-get."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in ("bash", "id"):
        found = shutil.which(name)
        assert found, name
        (folder / name).symlink_to(found)
    return folder


def test_setup_without_chromium_prints_the_one_command(tmp_path: Path) -> None:
    path = bin_without_chromium(tmp_path)
    done = subprocess.run(
        [str(path / "bash"), str(ROOT / ".ci" / "install-chromium")],
        env={"PATH": str(path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [
        "setup: Chromium is missing; PNG/SVG export and the browser tests need it. Install it "
        "with:",
        "    sudo apt-get install -y chromium",
        "setup: until then, the tests that need it are skipped (pytest's summary says so).",
    ]


def test_makefile_setup_runs_the_chromium_step() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "setup: $(STAMP) ## " in makefile
    assert "\n\t@.ci/install-chromium\n" in makefile
    assert ".ci/install-chromium\n" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_tests_needing_chromium_skip_with_one_reason(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "BROWSER_PATH", "PYTEST_ADDOPTS")}
    env["PATH"] = str(bin_without_chromium(tmp_path))
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_export.py::test_png_svg_html",  # calls chromium_or_skip()
            "tests/test_notebooks.py::test_report_fails_when_a_cell_errors",  # marked
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"2 tests skipped: {CHROMIUM_MISSING}." in done.stdout
    assert "2 skipped" in done.stdout.splitlines()[-1]
