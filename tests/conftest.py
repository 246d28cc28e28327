"""Shared fixtures: the seed corpus built once per test session, into a private parse cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("parse-cache")


@pytest.fixture(scope="session")
def tables(cache_dir: Path) -> analysis.Tables:
    return analysis.build(CORPUS, cache_dir=cache_dir)


@pytest.fixture(scope="session")
def bodies(tables: analysis.Tables) -> dict[str, str]:
    return dict(zip(tables.articles.article_id, tables.articles.body, strict=True))
