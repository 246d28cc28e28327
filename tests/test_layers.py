"""The package's layers (pyproject.toml, `[tool.importlinter]`): imports run only downward,
corpus -> text -> analyses -> pipeline -> notebook, and the analyses import none of each other."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=package_parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_layers_contract_is_kept() -> None:
    run = _lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Contracts: 1 kept, 0 broken." in run.stdout


def _lint_with_an_import(
    tmp_path: Path, module: str, line: str
) -> subprocess.CompletedProcess[str]:
    """Runs the contract on a copy of the package in which `module` (a path under analysis/)
    ends with `line`."""
    shutil.copytree(
        ROOT / "analysis", tmp_path / "analysis", ignore=shutil.ignore_patterns("*.pyc")
    )
    path = tmp_path / "analysis" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return _lint_imports(tmp_path)


def test_an_upward_import_breaks_the_contract_and_is_named(tmp_path: Path) -> None:
    run = _lint_with_an_import(tmp_path, "corpus/manifest.py", "from ..notebook import charts")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Contracts: 0 kept, 1 broken." in run.stdout
    assert "analysis.corpus.manifest -> analysis.notebook" in run.stdout


def test_an_analysis_importing_another_breaks_the_contract(tmp_path: Path) -> None:
    run = _lint_with_an_import(tmp_path, "timeline/events.py", "from ..quotes import marks")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "analysis.timeline.events -> analysis.quotes.marks" in run.stdout
