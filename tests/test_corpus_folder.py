"""Starting a corpus and adding articles without editing CSV (`python -m analysis new` / `add`)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import analysis
from analysis.__main__ import main
from analysis.corpus import CorpusError
from analysis.corpus.folder import add_articles, create_corpus, read_corpus_title
from analysis.notebook import charts

FIXTURES = Path(__file__).parent / "fixtures"
FERRY = FIXTURES / "html_page_ferry.html"  # og:site_name, published_time, author, canonical
BRIDGE = FIXTURES / "html_page.html"  # a date and a title, no site name
SEED = Path(__file__).resolve().parent.parent / "corpus" / "articles" / "wire.txt"


def _rows(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "articles.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_new_writes_an_empty_corpus_with_its_title(tmp_path: Path) -> None:
    corpus = tmp_path / "ferries"
    written = create_corpus(corpus, title="Island ferries, spring 2024")
    assert {p.name for p in written} == {
        "articles.csv",
        "corpus.yml",
        "README.md",
        "frames.yml",
        "actors.yml",
    }
    assert (corpus / "articles").is_dir()
    assert (corpus / "articles.csv").read_text(encoding="utf-8") == (
        "article_id,file,outlet,outlet_kind,title,url,published,language,notes\n"
    )
    assert read_corpus_title(corpus) == "Island ferries, spring 2024"
    assert "python -m analysis add FILE... --corpus" in (corpus / "README.md").read_text()


def test_new_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CorpusError, match="already exists and is not an empty folder"):
        create_corpus(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_the_title_defaults_to_the_folder_name(tmp_path: Path) -> None:
    create_corpus(tmp_path / "beat-2024")
    assert read_corpus_title(tmp_path / "beat-2024") == "beat-2024"
    (tmp_path / "beat-2024" / "corpus.yml").unlink()
    assert read_corpus_title(tmp_path / "beat-2024") == "beat-2024"


def test_add_takes_a_saved_pages_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    create_corpus(corpus)
    (added,) = add_articles([FERRY], corpus_dir=corpus)
    assert added.article_id == "html_page_ferry"
    assert added.sources == {
        "outlet": "page",
        "published": "page",
        "title": "page",
        "url": "page",
    }
    (row,) = _rows(corpus)
    assert row["outlet"] == "Harbour Post"
    assert row["published"] == "2024-05-02"
    assert row["title"] == "Island ferry strike called off after overnight talks"
    assert row["url"] == "https://harbour-post.example/news/ferry-strike-called-off"
    assert row["file"] == "articles/html_page_ferry.html"
    assert (corpus / row["file"]).read_bytes() == FERRY.read_bytes()


def test_options_win_over_the_page(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    create_corpus(corpus)
    add_articles([FERRY], corpus_dir=corpus, outlet="The Harbour Post", published="2024-05-03")
    (row,) = _rows(corpus)
    assert (row["outlet"], row["published"]) == ("The Harbour Post", "2024-05-03")


def test_add_refuses_rows_it_cannot_complete_and_writes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    create_corpus(corpus)
    with pytest.raises(CorpusError) as caught:
        add_articles([FERRY, BRIDGE, SEED], corpus_dir=corpus)
    message = str(caught.value)
    assert "html_page.html: its page gives no outlet; pass --outlet NAME." in message
    assert (
        "wire.txt: a .txt file has no outlet and no date; pass --outlet NAME and "
        "--published YYYY-MM-DD." in message
    )
    assert _rows(corpus) == []
    assert list((corpus / "articles").iterdir()) == []


def test_add_refuses_a_duplicate_text(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    create_corpus(corpus)
    add_articles([SEED], corpus_dir=corpus, outlet="Wire", published="2022-08-06")
    copy = tmp_path / "same-story.txt"
    copy.write_text(SEED.read_text(encoding="utf-8").replace("\n", "\n\n"), encoding="utf-8")
    with pytest.raises(CorpusError, match="same text as wire already in the corpus"):
        add_articles([copy], corpus_dir=corpus, outlet="Other", published="2022-08-07")
    assert [r["article_id"] for r in _rows(corpus)] == ["wire"]


def test_add_refuses_a_bad_date_and_a_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"start a corpus with `python -m analysis new"):
        add_articles([SEED], corpus_dir=tmp_path, outlet="Wire", published="2022-08-06")
    create_corpus(tmp_path / "c")
    with pytest.raises(CorpusError, match="write it as YYYY-MM-DD"):
        add_articles([SEED], corpus_dir=tmp_path / "c", outlet="Wire", published="6/8/2022")


def test_cli_new_add_build_names_the_corpus_in_source_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "ferries"
    assert main(["new", str(corpus), "--title", "Ferry strike 2024"]) == 0
    assert main(["add", str(FERRY), "--corpus", str(corpus)]) == 0
    assert main(["add", str(SEED), "--corpus", str(corpus)]) == 2
    assert "pass --outlet NAME and --published YYYY-MM-DD" in capsys.readouterr().err
    args = ["add", str(SEED), "--corpus", str(corpus), "--outlet", "Wire"]
    assert main([*args, "--published", "2022-08-06"]) == 0
    out = capsys.readouterr().out
    assert "added wire: articles/wire.txt · Wire · 2022-08-06" in out
    tables = analysis.build(corpus, cache_dir=tmp_path / "cache")
    assert list(tables.articles.corpus.unique()) == ["Ferry strike 2024"]
    fig = charts.plot_article_lengths(tables.articles)
    assert fig.layout.title.subtitle.text.startswith("Source: Ferry strike 2024, 2 of 2 articles")
