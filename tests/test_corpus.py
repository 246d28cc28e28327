"""Reading the corpus: the seeds are intact; every kind of bad input is named and explained."""

from __future__ import annotations

import hashlib
import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.manifest import CorpusError, CorpusWarning, read_corpus
from tests.conftest import CORPUS

HEADER = "article_id,file,outlet,outlet_kind,title,url,published,language,notes\n"
GOOD_ROW = "a1,articles/a1.txt,Outlet,newspaper,,,2022-08-06,en,\n"


def test_seed_files_match_their_recorded_sha256() -> None:
    lines = (CORPUS / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 5
    for line in lines:
        digest, name = line.split(maxsplit=1)
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest, name


def test_manifest_of_the_seeds(tables) -> None:
    articles = tables.articles.set_index("article_id")
    assert list(articles.index) == ["washpost", "wire", "cnn-repost", "blog", "ua-outlet"]
    assert articles.at["washpost", "outlet"] == "The Washington Post"
    assert articles.at["wire", "outlet_kind"] == "wire"
    assert articles.at["washpost", "published"] == pd.Timestamp("2022-08-07")
    assert articles.at["blog", "published"] == pd.Timestamp("2022-08-06")
    assert set(articles.language) == {"en"}
    assert "Agnes Kalamar" in articles.at["ua-outlet", "notes"]


def make_corpus(root: Path, manifest: str, files: dict[str, bytes | str]) -> Path:
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "articles.csv").write_text(manifest, encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return root


BODY = "The minister resigned on Monday, officials said.\n"


@pytest.mark.parametrize(
    ("manifest", "files", "message"),
    [
        pytest.param(
            HEADER + GOOD_ROW,
            {},
            r"line 2 \(a1\): file 'articles/a1.txt' does not exist.*add it or fix the row",
            id="missing file",
        ),
        pytest.param(
            HEADER + GOOD_ROW + "a2,articles/a1.txt,Outlet,newspaper,,,2022-08-06,en,\n",
            {"articles/a1.txt": BODY},
            r"line 3: duplicate file 'articles/a1.txt' \(also on line 2\)",
            id="duplicate file",
        ),
        pytest.param(
            HEADER + GOOD_ROW + "a1,articles/a2.txt,Outlet,newspaper,,,2022-08-06,en,\n",
            {"articles/a1.txt": BODY, "articles/a2.txt": BODY},
            r"line 3: duplicate article_id 'a1' \(also on line 2\); give each article its own id",
            id="duplicate article_id",
        ),
        pytest.param(
            HEADER + "a1,articles/a1.txt,Outlet,newspaper,,,6th of Augsut,en,\n",
            {"articles/a1.txt": BODY},
            r"line 2 \(a1\): published date '6th of Augsut' cannot be parsed; write it as "
            "YYYY-MM-DD",
            id="unparsable date",
        ),
        pytest.param(
            HEADER + GOOD_ROW,
            {"articles/a1.txt": ""},
            r"a1.txt: the article text is empty or whitespace only",
            id="empty text",
        ),
        pytest.param(
            HEADER + GOOD_ROW,
            {"articles/a1.txt": " \n\xa0\n\t\n"},
            r"a1.txt: the article text is empty or whitespace only",
            id="whitespace-only text",
        ),
        pytest.param(
            HEADER + GOOD_ROW,
            {"articles/a1.txt": "Caf\xe9 owners said so.".encode("latin-1")},
            r"a1.txt: not valid UTF-8 \(byte 3.*re-save the file as UTF-8",
            id="non-UTF-8 bytes",
        ),
        pytest.param(
            HEADER + "a1,../outside.txt,Outlet,newspaper,,,2022-08-06,en,\n",
            {"../outside.txt": BODY},
            r"line 2 \(a1\): file '../outside.txt' leaves the corpus folder",
            id="path leaving the corpus",
        ),
        pytest.param(
            HEADER + "a1,/etc/hostname,Outlet,newspaper,,,2022-08-06,en,\n",
            {},
            r"file '/etc/hostname' leaves the corpus folder",
            id="absolute path",
        ),
        pytest.param(
            HEADER + GOOD_ROW,
            {"articles/a1.txt": BODY, "articles/extra.txt": BODY},
            r"extra.txt: this article file is not listed in .*articles.csv; add a row",
            id="file not in the manifest",
        ),
        pytest.param(
            "article_id,outlet\na1,Outlet\n",
            {},
            r"articles.csv: missing required column\(s\) \['file'\]",
            id="manifest without file column",
        ),
        pytest.param(
            HEADER + "a 1,articles/a1.txt,Outlet,newspaper,,,2022-08-06,en,\n",
            {"articles/a1.txt": BODY},
            r"line 2: article_id 'a 1' is empty or unsafe",
            id="unsafe article_id",
        ),
        pytest.param(
            HEADER + "a1,articles/a1.pdf,Outlet,newspaper,,,2022-08-06,en,\n",
            {"articles/a1.pdf": b"%PDF-1.4"},
            r"a1.pdf: unsupported file type '.pdf'; use .txt \(UTF-8\) or .html",
            id="unsupported file type",
        ),
    ],
)
def test_bad_input_raises_a_corpus_error_naming_the_file_and_the_fix(
    tmp_path: Path, manifest: str, files: dict[str, bytes | str], message: str
) -> None:
    root = make_corpus(tmp_path / "corpus", manifest, files)
    with pytest.raises(CorpusError, match=message):
        read_corpus(root)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"articles.csv: no manifest. Create it with the columns"):
        read_corpus(tmp_path)


def test_rules_for_an_unknown_article(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, HEADER + GOOD_ROW, {"articles/a1.txt": BODY})
    (root / "cleaning.yml").write_text("a2:\n  - drop: x\n    reason: y\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"cleaning.yml: rules for 'a2', which is not in the"):
        read_corpus(root)


def test_build_fails_whole_on_one_bad_article(tmp_path: Path, cache_dir: Path) -> None:
    import analysis

    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "articles.csv").write_text(
        (root / "articles.csv").read_text(encoding="utf-8")
        + "late,articles/late.txt,Outlet,newspaper,,,2022-13-40,en,\n",
        encoding="utf-8",
    )
    (root / "articles" / "late.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 7 \(late\): published date '2022-13-40'"):
        analysis.build(root, cache_dir=cache_dir)


def test_missing_optional_metadata_gets_defaults_and_warnings(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, "article_id,file\na1,articles/a1.txt\n", {"articles/a1.txt": BODY})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (article,) = read_corpus(root)
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    assert any("no outlet; using 'unknown'" in m for m in messages)
    assert any("no published date" in m for m in messages)
    assert any("no language; assuming 'en'" in m for m in messages)
    assert (article.outlet, article.outlet_kind, article.language) == ("unknown", "unknown", "en")
    assert article.published is None and article.title is None


def test_utf8_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    root = make_corpus(
        tmp_path, HEADER + GOOD_ROW, {"articles/a1.txt": b"\xef\xbb\xbf" + BODY.encode()}
    )
    (article,) = read_corpus(root)
    assert article.raw == BODY


HTML = """<!doctype html><html><head>
<title>Minister quits over leaked report | Daily Example</title>
<meta property="og:title" content="Minister quits over leaked report">
<meta property="article:published_time" content="2022-08-06T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Minister quits over leaked report</h1>
<p>The minister resigned on Monday after a leaked report criticised the ministry's handling of
the crisis, officials said.</p>
<p>&#8220;I cannot stay,&#8221; she said in a statement, adding that the report was unfair to her
staff and that she would not comment further.</p></article>
<footer>&copy; Daily Example. All rights reserved.</footer></body></html>"""


def test_html_article_through_trafilatura(tmp_path: Path) -> None:
    root = make_corpus(
        tmp_path,
        HEADER + "h1,articles/h1.html,Daily Example,newspaper,,,,en,\n",
        {"articles/h1.html": HTML},
    )
    (article,) = read_corpus(root)
    assert article.title == "Minister quits over leaked report"
    assert article.published == pd.Timestamp("2022-08-06")
    # The raw text is the page as a reader sees it, one line per block; nothing is lost.
    assert article.raw.splitlines() == [
        "Home World",
        "Minister quits over leaked report",
        "The minister resigned on Monday after a leaked report criticised the ministry's "
        "handling of the crisis, officials said.",
        "“I cannot stay,” she said in a statement, adding that the report was unfair to her "
        "staff and that she would not comment further.",
        "© Daily Example. All rights reserved.",
    ]
    assert re.search(r"“I cannot stay,” she said", article.raw)


def test_html_article_builds_with_its_headline_as_title(tmp_path: Path, cache_dir: Path) -> None:
    import analysis

    root = make_corpus(
        tmp_path,
        HEADER + "h1,articles/h1.html,Daily Example,newspaper,,,,en,\n",
        {"articles/h1.html": HTML},
    )
    tables = analysis.build(root, cache_dir=cache_dir)
    (row,) = tables.articles.itertuples()
    assert row.title == "Minister quits over leaked report"
    assert row.body.startswith("The minister resigned on Monday after a leaked report")
    assert row.body.endswith("she would not comment further.")
    assert row.n_paragraphs == 2
