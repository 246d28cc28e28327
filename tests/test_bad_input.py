"""Bad input, one test each: rejected with a message naming the file or row and the fix, or
handled (built, with every offset consistent and every raw character accounted for)."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.corpus.manifest import CorpusError, CorpusWarning, read_corpus
from tests.invariants import HEADER, check_built, one_article, write_corpus

ROW = "a1,articles/a1.txt,Outlet,newspaper,,,2022-08-06,en,\n"
BODY = "The minister resigned on Monday, officials said.\n"


def rejected(root: Path) -> str:
    with pytest.raises(CorpusError) as caught:
        read_corpus(root)
    return str(caught.value)


def build(root: Path, cache_dir: Path) -> analysis.Tables:
    tables = analysis.build(root, cache_dir=cache_dir)
    check_built(tables)
    return tables


# --- the corpus ------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, HEADER + ROW, {"articles/a1.txt": ""})
    assert rejected(root) == (
        f"{root}/articles/a1.txt: the article text is empty or whitespace only; fix the file."
    )


def test_whitespace_only_file(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, HEADER + ROW, {"articles/a1.txt": "\n \t\xa0\u200b\r\n"})
    assert "a1.txt: the article text is empty or whitespace only; fix the file." in rejected(root)


def test_non_utf8_bytes(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, HEADER + ROW, {"articles/a1.txt": "Café said".encode("cp1252")})
    assert rejected(root) == (
        f"{root}/articles/a1.txt: not valid UTF-8 (byte 3: b'\\xe9'); re-save the file as "
        "UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)."
    )


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    root = write_corpus(tmp_path, HEADER + ROW, {"articles/a1.txt": png})
    assert rejected(root) == (
        f"{root}/articles/a1.txt: a binary file (it holds NUL bytes), not text; save the article "
        "as UTF-8 text (.txt) or as the page's HTML (.html)."
    )


def test_five_megabyte_article(tmp_path: Path) -> None:
    text = ("The minister resigned on Monday, officials said. " * 100 + "\n\n") * 1100
    assert len(text.encode()) > 5_000_000
    root = write_corpus(tmp_path, HEADER + ROW, {"articles/a1.txt": text})
    assert rejected(root) == (
        f"{root}/articles/a1.txt: 5,392,200 characters, more than the 1,000,000 an article may "
        "have (the language model's limit, far beyond a news article); cut what is not the "
        "article or split the file into one file per article."
    )


def test_windows_newlines(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Minister quits over leaked report\r\n\r\n"
        "The minister resigned on Monday, officials said.\r\n\r\n"
        "“I cannot stay,” she said.\r\n"
    )
    tables = build(one_article(tmp_path, text), cache_dir)
    (article,) = tables.articles.itertuples()
    assert article.title == "Minister quits over leaked report"
    assert article.body == (
        "The minister resigned on Monday, officials said.\n\n“I cannot stay,” she said."
    )
    assert "\r" not in "".join(tables.sentences.text)


def test_no_sentence_punctuation_at_all(tmp_path: Path, cache_dir: Path) -> None:
    words = "the minister resigned on monday officials said and the council met again " * 30
    tables = build(one_article(tmp_path, words.strip() + "\n"), cache_dir)
    assert tables.articles.body[0] == words.strip()
    assert len(tables.sentences) >= 1
    assert "".join(tables.sentences.text).replace(" ", "") == words.replace(" ", "")


def test_article_in_another_language_is_built_with_a_warning(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = "Міністр подав у відставку в понеділок, повідомили посадовці.\n"
    root = one_article(tmp_path, text, language="uk")
    tables = build(root, cache_dir)
    (problem,) = tables.problems.itertuples()
    assert (problem.article_id, problem.stage) == ("x", "corpus")
    assert problem.message == (
        f"{root}/articles.csv, line 2 (x): the article is declared 'uk' but the language model "
        "is English: its sentences are split roughly, and its named entities, quotes and "
        "speakers are unreliable or missing from the tables. Compare it with care, or add an "
        "English translation as its own article."
    )


def test_text_in_another_script_declared_english(tmp_path: Path) -> None:
    text = "Міністр подав у відставку в понеділок, повідомили посадовці.\n"
    root = one_article(tmp_path, text)
    expected = (
        r"line 2 \(x\): declared 'en' but its letters are mostly Cyrillic: the English model "
        "will miss its entities and quotes"
    )
    with pytest.warns(CorpusWarning, match=expected):
        read_corpus(root)


def test_duplicate_article_ids(tmp_path: Path) -> None:
    manifest = HEADER + ROW + "a1,articles/a2.txt,Outlet,newspaper,,,2022-08-06,en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/a1.txt": BODY, "articles/a2.txt": BODY})
    assert rejected(root) == (
        f"{root}/articles.csv, line 3: duplicate article_id 'a1' (also on line 2); give each "
        "article its own id."
    )


def test_manifest_with_missing_columns(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, "article_id,outlet\na1,Outlet\n", {})
    assert rejected(root) == (
        f"{root}/articles.csv: missing required column(s) ['file']; header is ['article_id', "
        "'outlet']. The first line must name the columns, e.g. "
        "article_id,file,outlet,outlet_kind,title,url,published,language,notes."
    )


@pytest.mark.parametrize(
    ("date", "fix"),
    [
        ("12/08/2022", "2022-08-12 (day first) or 2022-12-08 (month first)"),
        ("08/08/2022", "2022-08-08 (day first) or 2022-08-08 (month first)"),
        ("8 Aug 2022", "2022-08-06 for 6 August 2022"),
        ("2022-08-8", "2022-08-08"),
    ],
)
def test_manifest_dates_must_be_iso(tmp_path: Path, date: str, fix: str) -> None:
    manifest = HEADER + f"a1,articles/a1.txt,Outlet,newspaper,,,{date},en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/a1.txt": BODY})
    assert rejected(root) == (
        f"{root}/articles.csv, line 2 (a1): published date {date!r} cannot be parsed; write it "
        f"as YYYY-MM-DD, e.g. {fix}."
    )


def test_manifest_date_that_is_no_real_day(tmp_path: Path) -> None:
    manifest = HEADER + "a1,articles/a1.txt,Outlet,newspaper,,,2022-02-30,en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/a1.txt": BODY})
    assert rejected(root) == (
        f"{root}/articles.csv, line 2 (a1): published date '2022-02-30' is not a real day; "
        "write it as YYYY-MM-DD (year, month 01-12, day of that month)."
    )


def test_manifest_row_with_an_unquoted_comma(tmp_path: Path) -> None:
    manifest = HEADER + "a1,articles/a1.txt,Test Daily, Inc.,newspaper,,,2022-08-06,en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/a1.txt": BODY})
    message = rejected(root)
    assert message.splitlines()[1] == (
        f"  1. {root}/articles.csv, line 2: 10 fields where the header has 9; a value holding a "
        'comma must be quoted (e.g. "Test Daily, Inc."), and every row needs one field per '
        "column (8 commas)."
    )
    # The row is not read, so its file is reported as unlisted too.
    assert "a1.txt: this article file is not listed" in message.splitlines()[2]


def test_every_problem_of_the_corpus_is_reported_at_once(tmp_path: Path) -> None:
    manifest = (
        HEADER
        + "a1,articles/a1.txt,Outlet,newspaper,,,12/08/2022,en,\n"
        + "a2,articles/a2.txt,Outlet,newspaper,,,2022-08-06,en,\n"
        + "a3,articles/a3.txt,Outlet,newspaper,,,8 Aug 2022,en,\n"
        + "a1,articles/a4.txt,Outlet,newspaper,,,2022-08-06,en,\n"
    )
    files = {"articles/a1.txt": BODY, "articles/a3.txt": BODY, "articles/a4.txt": BODY}
    root = write_corpus(tmp_path, manifest, files)
    lines = rejected(root).splitlines()
    assert lines[0] == (f"4 problems in the corpus {root} (fix them all, then rerun):")
    assert lines[1].startswith(f"  1. {root}/articles.csv, line 5: duplicate article_id 'a1'")
    assert lines[2].startswith(
        f"  2. {root}/articles.csv, line 2 (a1): published date '12/08/2022' cannot be parsed"
    )
    assert lines[3] == (
        f"  3. {root}/articles.csv, line 3 (a2): file 'articles/a2.txt' does not exist in "
        f"{root}; add it or fix the row."
    )
    assert lines[4].startswith(
        f"  4. {root}/articles.csv, line 4 (a3): published date '8 Aug 2022' cannot be parsed"
    )


def test_manifest_path_leaving_the_corpus(tmp_path: Path) -> None:
    manifest = HEADER + "a1,../outside.txt,Outlet,newspaper,,,2022-08-06,en,\n"
    root = write_corpus(tmp_path / "corpus", manifest, {"../outside.txt": BODY})
    assert rejected(root) == (
        f"{root}/articles.csv, line 2 (a1): file '../outside.txt' leaves the corpus folder "
        f"{root}; put the article inside it and give a relative path such as "
        "'articles/<article_id>.txt'."
    )


def test_symlink_pointing_outside_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Not an article of this corpus.\n", encoding="utf-8")
    root = write_corpus(tmp_path / "corpus", HEADER + ROW, {})
    os.symlink(tmp_path / "secret.txt", root / "articles" / "a1.txt")
    assert rejected(root) == (
        f"{root}/articles.csv, line 2 (a1): file 'articles/a1.txt' leaves the corpus folder "
        f"{root}; put the article inside it and give a relative path such as "
        "'articles/<article_id>.txt'."
    )


SEARCH_PAGE = """<!doctype html><html><head><title>Search: minister | Daily Example</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<form><input name=q value=minister><button>Search</button></form>
<h1>Results for "minister"</h1><ul>
<li><a href="/a1">Minister quits over leaked report</a><p>6 August 2022 - The minister resigned
on Monday after a leaked report criticised the ministry and its staff in harsh words.</p></li>
<li><a href="/a2">New minister named</a><p>8 August 2022 - The president named a new minister
on Wednesday, a week after the resignation of her predecessor over the leaked report.</p></li>
<li><a href="/a3">Inquiry demanded</a><p>9 August 2022 - Opposition leaders called for an
inquiry into the ministry's handling of the crisis and of the leaked report itself.</p></li>
</ul><footer>&copy; Daily Example</footer></body></html>"""


def test_html_page_that_is_not_an_article(tmp_path: Path) -> None:
    manifest = HEADER + "s1,articles/s1.html,Daily Example,newspaper,,,2022-08-06,en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/s1.html": SEARCH_PAGE})
    assert rejected(root) == (
        f"{root}/articles/s1.html: this page does not look like an article (69 words of text, "
        "100% of it in lists of links, as on a search or index page); save the article's own "
        "page, or its text as .txt."
    )


# --- the text --------------------------------------------------------------------------------


def test_unbalanced_and_mixed_quote_marks_everywhere(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "“The minister said \"we will go' on Monday.\n\n"
        "'Nobody” believed ‘her, said the mayor» «and the council.\n\n"
        '”„The report was ‚wrong“ she said"" and left.“\n'
    )
    tables = build(one_article(tmp_path, text), cache_dir)
    assert tables.articles.n_paragraphs[0] == 3
    assert (tables.problems.stage == "quotes").any()


def test_a_quote_mark_in_every_word(tmp_path: Path, cache_dir: Path) -> None:
    words = "minister resigned on Monday after the report officials said".split()
    text = " ".join(f"“{w}”" if i % 2 else f"\"{w}'" for i, w in enumerate(words * 20)) + ".\n"
    tables = build(one_article(tmp_path, text), cache_dir)
    assert tables.articles.body[0] == text.strip()


def test_a_ten_thousand_word_paragraph(tmp_path: Path, cache_dir: Path) -> None:
    sentence = "The council met on Tuesday to discuss the budget for the coming year and more. "
    text = sentence * 667  # 15 words each: 10,005 words in one paragraph
    tables = build(one_article(tmp_path, text.strip() + "\n"), cache_dir)
    assert tables.articles.n_paragraphs[0] == 1
    assert tables.articles.n_words[0] == 10_005
    assert len(tables.sentences) == 667


def test_zero_width_and_bidi_control_characters(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The\u200b minister\u200e resigned\u202e on Monday\u2066, officials\u2069 said.\n\n"
        "\u2060“We\ufeff will rebuild,” the\u200d mayor said.\n"
    )
    tables = build(one_article(tmp_path, text), cache_dir)
    body = tables.articles.body[0]
    # Zero-width spaces are dropped; the other controls stay as written (nothing is invented).
    assert body == (
        "The minister\u200e resigned\u202e on Monday\u2066, officials\u2069 said.\n\n"
        "“We will rebuild,” the\u200d mayor said."
    )


def test_emoji(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The minister 🙈 resigned on Monday 👩🏽‍⚖️, officials said 🇺🇦.\n\n“We 💙 Kyiv,” she said.\n"
    )
    tables = build(one_article(tmp_path, text), cache_dir)
    assert "👩🏽‍⚖️" in tables.articles.body[0]
    assert "We 💙 Kyiv," in set(tables.quotes.text)


def test_html_fragments_in_a_text_article_stay_text(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The minister resigned <script>alert(1)</script> on Monday.\n\n"
        '“It was <img src=x onerror="alert(2)"> unfair,” she said.\n'
    )
    tables = build(one_article(tmp_path, text), cache_dir)
    body = tables.articles.body[0]
    assert "<script>alert(1)</script>" in body and 'onerror="alert(2)"' in body


def test_build_does_not_print_each_problem(tmp_path: Path, cache_dir: Path) -> None:
    text = "“The minister failed us, said the mayor on Monday.\n\nThe council met on Tuesday.\n"
    root = one_article(tmp_path, text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()  # Python's defaults: no filter asks for these warnings
        tables = analysis.build(root, cache_dir=cache_dir)
    assert caught == []
    assert list(tables.problems.itertuples(index=False)) == [
        (
            "x",
            "quotes",
            0,
            "the quote opened in paragraph 0 is not closed; it ends with the paragraph",
        )
    ]
    assert isinstance(tables.problems.offset.dtype, pd.Int64Dtype)


def test_cli_build_prints_one_summary_line_of_problems(
    tmp_path: Path, cache_dir: Path, capsys
) -> None:
    from analysis.__main__ import main

    text = "“The minister failed us, said the mayor on Monday.\n\nThe council met on Tuesday.\n"
    root = one_article(tmp_path / "corpus", text, language="uk")
    args = ["build", "--corpus", str(root), "--out", str(tmp_path / "out")]
    assert main([*args, "--cache", str(cache_dir)]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[-1] == (
        "problems: 2 (corpus 1, quotes 1); see the problems table (notebook 01)"
    )
    assert "QuoteWarning" not in out.err and "CorpusWarning" not in out.err


def test_a_large_web_page_counts_its_text_not_its_markup(tmp_path: Path) -> None:
    page = (Path(__file__).parent / "fixtures" / "html_page.html").read_text(encoding="utf-8")
    script = "<script>var x = '" + "a" * 2_000_000 + "';</script>"
    manifest = HEADER + "g1,articles/g1.html,Gazette,newspaper,,,2021-03-14,en,\n"
    root = write_corpus(tmp_path, manifest, {"articles/g1.html": page + script})
    (article,) = read_corpus(root)
    assert len(article.raw) < 1000
