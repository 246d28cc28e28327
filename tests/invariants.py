"""Checks every built corpus must pass, whatever its text: offsets and raw-text accounting."""

from __future__ import annotations

from pathlib import Path

import analysis
from analysis.corpus.clean import normalize_whitespace

HEADER = "article_id,file,outlet,outlet_kind,title,url,published,language,notes\n"


def write_corpus(root: Path, manifest: str, files: dict[str, bytes | str]) -> Path:
    """Writes a corpus folder: `articles.csv` (the manifest text) and the given files."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "articles.csv").write_text(manifest, encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))  # byte for byte: no newline translation
        else:
            path.write_bytes(content)
    return root


def one_article(root: Path, text: str, *, suffix: str = "txt", language: str = "en") -> Path:
    """Writes a corpus of one article `x` holding `text`."""
    return write_corpus(
        root,
        HEADER + f"x,articles/x.{suffix},Example,newspaper,,,2022-08-06,{language},\n",
        {f"articles/x.{suffix}": text},
    )


def check_offsets(tables: analysis.Tables) -> None:
    """Asserts every offset of every table points into its article and matches its text.

    Every table with `article_id`, `start`, `end` and `text` (paragraphs, sentences, mentions,
    quotes, and any later one) must have `body[start:end] == text`; `removed` points into `raw`;
    `problems.offset` lies inside the body.
    """
    articles = tables.articles.set_index("article_id")
    for name, frame in tables.items():
        columns = set(frame.columns)
        if not {"article_id", "start", "end"} <= columns:
            continue
        source = "raw" if name == "removed" else "body"
        for row in frame.itertuples():
            text = articles.at[row.article_id, source]
            assert 0 <= row.start <= row.end <= len(text), (name, row)
            if "text" in columns:
                assert text[row.start : row.end] == row.text, (name, row)
    for row in tables.problems.dropna(subset=["offset"]).itertuples():
        assert 0 <= row.offset <= len(articles.at[row.article_id, "body"]), row


def unaccounted_text(tables: analysis.Tables, article_id: str) -> str:
    """Returns the raw text of an article that is in no paragraph, no removed span, no title.

    Returns:
        The non-whitespace text left over, whitespace-normalised ("" when all is accounted for).
    """
    article = tables.articles.set_index("article_id").loc[article_id]
    raw = article.raw
    owned = [False] * len(raw)
    paragraphs = tables.paragraphs[tables.paragraphs.article_id == article_id]
    removed = tables.removed[tables.removed.article_id == article_id]
    outer = list(zip(paragraphs.raw_start, paragraphs.raw_end, strict=True))
    cut = list(zip(removed.start, removed.end, strict=True))
    # a span removed inside a paragraph (a pop-up card) lies within that paragraph's raw range
    inner = [(s, e) for s, e in cut if any(ps <= s and e <= pe for ps, pe in outer)]
    for start, end in [*outer, *(span for span in cut if span not in inner)]:
        for i in range(start, end):
            assert not owned[i], f"offset {i} of {article_id} is in two places"
            owned[i] = True
    for start, end in inner:
        assert raw[start:end].strip(), f"an empty span removed inside a paragraph of {article_id}"
    left = "".join(ch if not who else "\n" for ch, who in zip(raw, owned, strict=True))
    pieces = [normalize_whitespace(p) for p in left.split("\n") if normalize_whitespace(p)]
    title = normalize_whitespace(article.title) if isinstance(article.title, str) else None
    if title in pieces:
        pieces.remove(title)  # the headline line
    return " | ".join(pieces)


def check_built(tables: analysis.Tables) -> None:
    """Asserts the offsets of every table and that every raw character is accounted for."""
    check_offsets(tables)
    for article_id in tables.articles.article_id:
        assert unaccounted_text(tables, article_id) == "", article_id
