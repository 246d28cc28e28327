"""Reading the corpus: the manifest `articles.csv`, the raw article files and the cleaning rules.

A corpus folder holds:

- `articles.csv`: one row per article (article_id, file, outlet, outlet_kind, title, url, published,
  language, notes); `article_id` and `file` are required, the rest optional.
- the raw files the manifest names (`.txt` as UTF-8, `.html`/`.htm` through trafilatura), by
  convention under `articles/`; they are never edited.
- `cleaning.yml` (optional): per-article cleaning rules, see `analysis.clean`.

Everything wrong with the input raises `CorpusError` naming the file or manifest row and the fix;
missing optional metadata gets a default and a `CorpusWarning`.
"""

from __future__ import annotations

import csv
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

MANIFEST = "articles.csv"
RULES_FILE = "cleaning.yml"
REQUIRED_COLUMNS = ("article_id", "file")
OPTIONAL_COLUMNS = ("outlet", "outlet_kind", "title", "url", "published", "language", "notes")
#: Also optional: the outlet's chart colour (`#RRGGBB`), kept for ever once set.
COLOUR_COLUMN = "colour"
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class CorpusError(ValueError):
    """The corpus cannot be read as it is; the message names the file or row and the fix."""


class CorpusWarning(UserWarning):
    """Optional metadata was missing and a default was used."""


@dataclass(frozen=True)
class Article:
    """One article as read from the corpus, before cleaning.

    Attributes:
        article_id: Identifier from the manifest.
        file: Path of the raw file relative to the corpus folder.
        raw: The raw text: the file decoded as UTF-8 (a leading byte-order mark is not part of
            it); for HTML, the text trafilatura extracts from it.
        outlet: Publisher name.
        outlet_kind: Kind of outlet.
        title: Headline from the manifest or the HTML, or None.
        url: Address, or None.
        published: Publication day, or None.
        language: ISO 639-1 code.
        notes: Free-text caveats from the manifest.
        rules: This article's entries from `cleaning.yml`.
        colour: The outlet's chart colour from the manifest (`#RRGGBB`), or None.
    """

    article_id: str
    file: str
    raw: str
    outlet: str
    outlet_kind: str
    title: str | None
    url: str | None
    published: pd.Timestamp | None
    language: str
    notes: str
    rules: tuple[dict[str, Any], ...] = ()
    colour: str | None = None


def read_corpus(corpus_dir: str | Path) -> list[Article]:
    """Reads and checks every article of a corpus folder.

    Args:
        corpus_dir: The corpus folder (holding `articles.csv`).

    Returns:
        The articles in manifest order.

    Raises:
        CorpusError: The manifest, a file or the cleaning rules are wrong; the message says which
            and how to fix it. Nothing is returned half-read.
    """
    root = Path(corpus_dir)
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise CorpusError(
            f"{manifest}: no manifest. Create it with the columns "
            f"{', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)} (one row per article)."
        )
    rows = _read_manifest(manifest)
    rules = read_rules(root / RULES_FILE, known_ids={r["article_id"] for _, r in rows})
    articles = [_read_article(root, manifest, line, row, rules) for line, row in rows]
    _check_unlisted_files(root, manifest, articles)
    return articles


def _read_manifest(manifest: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = manifest.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{manifest}: not UTF-8 ({exc}). Save it as UTF-8.") from exc
    reader = csv.DictReader(text.splitlines())
    fields = reader.fieldnames or []
    missing = [c for c in REQUIRED_COLUMNS if c not in fields]
    if missing:
        raise CorpusError(f"{manifest}: missing required column(s) {missing}; header is {fields}.")
    rows: list[tuple[int, dict[str, str]]] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for line, row in enumerate(reader, start=2):
        clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
        aid, file = clean["article_id"], clean["file"]
        where = f"{manifest}, line {line}"
        if not aid or not _ID_PATTERN.match(aid):
            raise CorpusError(
                f"{where}: article_id {aid!r} is empty or unsafe; use letters, digits, '_', '-', "
                "'.' (starting with a letter or digit)."
            )
        if aid in seen_ids:
            raise CorpusError(
                f"{where}: duplicate article_id {aid!r} (also on line {seen_ids[aid]}); "
                "give each article its own id."
            )
        if not file:
            raise CorpusError(f"{where}: the file column is empty; name the article's raw file.")
        key = Path(file).as_posix()
        if key in seen_files:
            raise CorpusError(
                f"{where}: duplicate file {file!r} (also on line {seen_files[key]}); "
                "each raw file belongs to one row."
            )
        seen_ids[aid], seen_files[key] = line, line
        rows.append((line, clean))
    if not rows:
        raise CorpusError(f"{manifest}: no articles listed; add one row per article.")
    return rows


def read_rules(path: Path, *, known_ids: set[str]) -> dict[str, tuple[dict[str, Any], ...]]:
    """Reads the per-article cleaning rules.

    Args:
        path: The `cleaning.yml` file; a missing file means no rules.
        known_ids: The manifest's article ids.

    Returns:
        The rules of each article id that has any.

    Raises:
        CorpusError: The file is not a mapping of known article ids to lists of rules.
    """
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot be read as UTF-8 YAML ({exc}).") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: expected a mapping of article_id to a list of rules.")
    out: dict[str, tuple[dict[str, Any], ...]] = {}
    for aid, rules in data.items():
        if aid not in known_ids:
            raise CorpusError(
                f"{path}: rules for {aid!r}, which is not in the manifest; "
                "fix the id or remove the rules."
            )
        if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
            raise CorpusError(f"{path}: the rules of {aid!r} must be a list of mappings.")
        out[str(aid)] = tuple(rules)
    return out


def _read_article(
    root: Path,
    manifest: Path,
    line: int,
    row: dict[str, str],
    rules: dict[str, tuple[dict[str, Any], ...]],
) -> Article:
    aid = row["article_id"]
    where = f"{manifest}, line {line} ({aid})"
    path = _resolve_inside(root, row["file"], where)
    html_title: str | None = None
    html_date: str | None = None
    if path.suffix.lower() in TEXT_SUFFIXES:
        raw = _decode(path)
    elif path.suffix.lower() in HTML_SUFFIXES:
        raw, html_title, html_date = _extract_html(path)
    else:
        raise CorpusError(
            f"{path}: unsupported file type {path.suffix!r}; use .txt (UTF-8) or .html."
        )
    if not raw.strip():
        raise CorpusError(f"{path}: the article text is empty or whitespace only; fix the file.")

    published_text = row.get("published") or html_date or ""
    published = _parse_date(published_text, where) if published_text else None
    if published is None:
        _warn(f"{where}: no published date; dates are missing for this article.")
    outlet = row.get("outlet") or ""
    if not outlet:
        _warn(f"{where}: no outlet; using 'unknown'.")
    kind = row.get("outlet_kind") or ""
    if not kind:
        _warn(f"{where}: no outlet_kind; using 'unknown'.")
    language = row.get("language") or ""
    if not language:
        _warn(f"{where}: no language; assuming 'en'.")
    return Article(
        article_id=aid,
        file=path.relative_to(root.resolve()).as_posix(),
        raw=raw,
        outlet=outlet or "unknown",
        outlet_kind=kind or "unknown",
        title=row.get("title") or html_title or None,
        url=row.get("url") or None,
        published=published,
        language=language or "en",
        notes=row.get("notes") or "",
        rules=rules.get(aid, ()),
        colour=_read_colour(row.get(COLOUR_COLUMN) or "", where),
    )


def _read_colour(value: str, where: str) -> str | None:
    value = value.strip()
    if value and not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        raise CorpusError(
            f"{where}: colour {value!r} is not a colour; write it as #RRGGBB (e.g. #0072B2) "
            "or leave it empty for a colour derived from the outlet name."
        )
    return value.upper() or None


def _resolve_inside(root: Path, file: str, where: str) -> Path:
    base = root.resolve()
    path = (base / file).resolve()
    if Path(file).is_absolute() or not path.is_relative_to(base):
        raise CorpusError(
            f"{where}: file {file!r} leaves the corpus folder {root}; put the article inside it "
            "and give a relative path such as 'articles/<article_id>.txt'."
        )
    if not path.is_file():
        raise CorpusError(
            f"{where}: file {file!r} does not exist in {root}; add it or fix the row."
        )
    return path


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)."
        ) from exc


def _extract_html(path: Path) -> tuple[str, str | None, str | None]:
    import trafilatura

    html = _decode(path)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise CorpusError(
            f"{path}: trafilatura found no article text in this HTML; save the article as .txt."
        )
    return text, getattr(doc, "title", None) or None, getattr(doc, "date", None) or None


def _parse_date(text: str, where: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError) as exc:
        raise CorpusError(
            f"{where}: published date {text!r} cannot be parsed; write it as YYYY-MM-DD."
        ) from exc
    if pd.isna(stamp):
        raise CorpusError(f"{where}: published date {text!r} is empty; write it as YYYY-MM-DD.")
    return stamp.tz_localize(None).normalize() if stamp.tzinfo else stamp.normalize()


def _check_unlisted_files(root: Path, manifest: Path, articles: list[Article]) -> None:
    listed = {a.file for a in articles}
    folder = root / "articles"
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES:
            continue
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        if rel not in listed:
            raise CorpusError(
                f"{path}: this article file is not listed in {manifest}; add a row for it "
                "(article_id, file, outlet, …) or move it out of the corpus."
            )


def _warn(message: str) -> None:
    warnings.warn(message, CorpusWarning, stacklevel=3)
