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
import datetime as dt
import io
import os
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

MANIFEST = "articles.csv"
RULES_FILE = "cleaning.yml"
REQUIRED_COLUMNS = ("article_id", "file")
#: What an empty outlet or outlet_kind cell becomes.
UNKNOWN = "unknown"
OPTIONAL_COLUMNS = ("outlet", "outlet_kind", "title", "url", "published", "language", "notes")
#: Also optional: the outlet's chart colour (`#RRGGBB`), kept for ever once set.
COLOUR_COLUMN = "colour"
#: Also optional: the story the user puts the article in; it overrides the grouping
#: (`analysis.stories`). Articles with an empty cell are grouped from their text.
STORY_COLUMN = "story"
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
#: Longest article text accepted (spaCy's default `max_length`; a news article is far shorter).
MAX_CHARS = 1_000_000
#: Fewest words of article text an HTML page must have to be taken as an article.
MIN_HTML_WORDS = 40
#: The language of the spaCy model; other languages get a warning.
MODEL_LANGUAGE = "en"
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class CorpusError(ValueError):
    """The corpus cannot be read as it is; the message names the file or row and the fix.

    Attributes:
        problems: Every problem found, one message each (the message lists them all).
    """

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class CorpusWarning(UserWarning):
    """Optional metadata was missing and a default was used."""


@dataclass(frozen=True)
class Article:
    """One article as read from the corpus, before cleaning.

    Attributes:
        article_id: Identifier from the manifest.
        file: Path of the raw file relative to the corpus folder.
        raw: The raw text: the file decoded as UTF-8 (a leading byte-order mark is not part of
            it); for HTML, the page's text, one line per block (see `analysis.html`).
        outlet: Publisher name.
        outlet_kind: Kind of outlet.
        title: Headline from the manifest or the HTML, or None.
        url: Address, or None.
        published: Publication day, or None.
        language: ISO 639-1 code.
        notes: Free-text caveats from the manifest.
        rules: This article's entries from `cleaning.yml`.
        colour: The outlet's chart colour from the manifest (`#RRGGBB`), or None.
        story: The story the manifest's optional `story` column puts it in, or None.
        author: The page metadata's author (HTML), or None; cleaning may find a byline.
        kept_lines: For HTML, the lines (whitespace-normalised) trafilatura kept as article
            text; the other lines of `raw` are page furniture. None for .txt.
        notices: The warnings about this article (missing metadata, language), also issued as
            `CorpusWarning`.
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
    story: str | None = None
    author: str | None = None
    kept_lines: frozenset[str] | None = None
    notices: tuple[str, ...] = ()


def read_corpus(corpus_dir: str | Path) -> list[Article]:
    """Reads and checks every article of a corpus folder.

    Args:
        corpus_dir: The corpus folder (holding `articles.csv`).

    Returns:
        The articles in manifest order.

    Raises:
        CorpusError: The manifest, files or cleaning rules are wrong; the message lists every
            problem found (each naming the file or row and the fix), not only the first.
            Nothing is returned half-read.
    """
    root = Path(corpus_dir)
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise CorpusError(
            f"{manifest}: no manifest. Create it with the columns "
            f"{', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)} (one row per article)."
        )
    problems: list[str] = []
    named: set[str] = set()  # the files the manifest's rows name, readable rows or not
    rows = _read_manifest(manifest, problems, named)
    rules: dict[str, tuple[dict[str, Any], ...]] = {}
    try:
        rules = read_rules(root / RULES_FILE, known_ids={r["article_id"] for _, r in rows})
    except CorpusError as exc:
        problems += exc.problems
    articles = []
    for line, row in rows:
        try:
            articles.append(_read_article(root, manifest, line, row, rules))
        except CorpusError as exc:
            problems += exc.problems
    problems += _unlisted_files(root, manifest, named)
    if problems:
        raise _corpus_error(root, problems)
    return articles


def _corpus_error(root: Path, problems: list[str]) -> CorpusError:
    if len(problems) == 1:
        return CorpusError(problems[0])
    listing = "\n".join(f"  {i}. {p}" for i, p in enumerate(problems, start=1))
    return CorpusError(
        f"{len(problems)} problems in the corpus {root} (fix them all, then rerun):\n{listing}",
        problems=problems,
    )


def _read_manifest(
    manifest: Path, problems: list[str], named: set[str]
) -> list[tuple[int, dict[str, str]]]:
    try:
        text = manifest.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{manifest}: not UTF-8 ({exc}). Save it as UTF-8.") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(
            f"{manifest}: missing required column(s) {missing}; header is {header}. The first "
            f"line must name the columns, e.g. {','.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}."
        )
    rows: list[tuple[int, dict[str, str]]] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    line = reader.line_num
    for record in reader:
        first, line = line + 1, reader.line_num
        if not any(v.strip() for v in record):
            continue
        where = f"{manifest}, line {first}"
        if len(record) != len(header):
            problems.append(
                f"{where}: {len(record)} fields where the header has {len(header)}; a value "
                'holding a comma must be quoted (e.g. "Test Daily, Inc."), and every row needs '
                f"one field per column ({len(header) - 1} commas)."
            )
            continue
        clean = {k: v.strip() for k, v in zip(header, record, strict=True)}
        aid, file = clean["article_id"], clean["file"]
        named.add(os.path.normpath(file))
        row_problems = len(problems)
        if not aid or not ID_PATTERN.match(aid):
            problems.append(
                f"{where}: article_id {aid!r} is empty or unsafe; use letters, digits, '_', '-', "
                "'.' (starting with a letter or digit)."
            )
        elif aid in seen_ids:
            problems.append(
                f"{where}: duplicate article_id {aid!r} (also on line {seen_ids[aid]}); "
                "give each article its own id."
            )
        if not file:
            problems.append(f"{where}: the file column is empty; name the article's raw file.")
        key = Path(file).as_posix()
        if file and key in seen_files:
            problems.append(
                f"{where}: duplicate file {file!r} (also on line {seen_files[key]}); "
                "each raw file belongs to one row."
            )
        seen_ids.setdefault(aid, first)
        seen_files.setdefault(key, first)
        if len(problems) == row_problems:
            rows.append((first, clean))
    if not rows and not problems:
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
    problems: list[str] = []
    published: pd.Timestamp | None = None
    if row.get("published"):
        try:
            published = parse_iso_date(row["published"], where=where)
        except CorpusError as exc:
            problems.append(str(exc))  # reported with the file's problems, not instead of them
    try:
        path = _resolve_inside(root, row["file"], where)
        page = _read_raw(path)
    except CorpusError as exc:
        raise CorpusError(str(exc), problems=[*problems, *exc.problems]) from exc
    if problems:
        raise CorpusError(problems[0], problems=problems)

    notices: list[str] = []

    def note(message: str) -> None:
        notices.append(message)
        _warn(message)

    if published is None and page.published:
        published = parse_page_date(page.published)
    if published is None:
        note(f"{where}: no published date; dates are missing for this article.")
    outlet = row.get("outlet") or ""
    if not outlet:
        note(f"{where}: no outlet; using 'unknown'.")
    kind = row.get("outlet_kind") or ""
    if not kind:
        note(f"{where}: no outlet_kind; using 'unknown'.")
    language = row.get("language") or ""
    if not language:
        note(f"{where}: no language; assuming 'en'.")
    language = language or "en"
    if language.lower() != MODEL_LANGUAGE:
        note(
            f"{where}: the article is declared {language!r} but the language model is English: "
            "its sentences are split roughly, and its named entities, quotes and speakers are "
            "unreliable or missing from the tables. Compare it with care, or add an English "
            "translation as its own article."
        )
    elif (script := _main_script(page.raw)) != "LATIN":
        note(
            f"{where}: declared 'en' but its letters are mostly {script.title()}: the English "
            "model will miss its entities and quotes. Fix the language column (ISO 639-1 code) "
            "or add an English version."
        )
    return Article(
        article_id=aid,
        file=path.relative_to(root.resolve()).as_posix(),
        raw=page.raw,
        outlet=outlet or UNKNOWN,
        outlet_kind=kind or UNKNOWN,
        title=row.get("title") or page.title or None,
        url=row.get("url") or None,
        published=published,
        language=language,
        notes=row.get("notes") or "",
        rules=rules.get(aid, ()),
        colour=_read_colour(row.get(COLOUR_COLUMN) or "", where),
        story=(row.get(STORY_COLUMN) or "").strip() or None,
        author=page.author,
        kept_lines=page.kept_lines,
        notices=tuple(notices),
    )


def _read_colour(value: str, where: str) -> str | None:
    value = value.strip()
    if value and not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        raise CorpusError(
            f"{where}: colour {value!r} is not a colour; write it as #RRGGBB (e.g. #0072B2) "
            "or leave it empty for a colour derived from the outlet name."
        )
    return value.upper() or None


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def _main_script(text: str) -> str:
    """Returns the script most letters of a text are written in ("LATIN", "CYRILLIC", …)."""
    sample = text[:20000]
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    if ascii_letters * 2 > len(_LETTER.findall(sample)):
        return "LATIN"  # most letters are plain ASCII: no need to name every character
    counts: dict[str, int] = {}
    for char in sample:
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "LATIN"


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
    if b"\x00" in data[:8192]:
        raise CorpusError(
            f"{path}: a binary file (it holds NUL bytes), not text; save the article as UTF-8 "
            "text (.txt) or as the page's HTML (.html)."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)."
        ) from exc


@dataclass(frozen=True)
class Page:
    """A raw article file as read: its text and, for a saved web page, its metadata.

    Attributes:
        raw: The text (for HTML, the page's visible text, one line per block).
        title: The page's title, or None.
        published: The page's date as written in its metadata, or None.
        author: The page's author, or None.
        site: The page's site name (the outlet, as the page names it), or None.
        url: The page's own address (canonical link), or None.
        kept_lines: For HTML, the lines trafilatura kept as article text; None for .txt.
    """

    raw: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    kept_lines: frozenset[str] | None = None


def read_page(path: Path) -> Page:
    """Reads one raw article file (.txt or .html) as the build does.

    Returns:
        Its text and, for HTML, the page's metadata.

    Raises:
        CorpusError: The file is of another type, not UTF-8, empty, too long, or (HTML) not an
            article's page; the message names the file and the fix.
    """
    return _read_raw(path)


def _read_raw(path: Path) -> Page:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise CorpusError(
            f"{path}: unsupported file type {path.suffix!r}; use .txt (UTF-8) or .html."
        )
    text = _decode(path)
    page = _read_html(path, text) if suffix in HTML_SUFFIXES else Page(text)
    if len(page.raw) > MAX_CHARS:  # of text: a web page's markup and scripts do not count
        raise CorpusError(
            f"{path}: {len(page.raw):,} characters, more than the {MAX_CHARS:,} an article may "
            "have (the language model's limit, far beyond a news article); cut what is not the "
            "article or split the file into one file per article."
        )
    if not page.raw.strip(" \t\r\n\f\v\xa0\u200b\u2060\ufeff"):
        raise CorpusError(f"{path}: the article text is empty or whitespace only; fix the file.")
    return page


def _read_html(path: Path, html: str) -> Page:
    import trafilatura

    from .html import render_page_text

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise CorpusError(
            f"{path}: trafilatura found no article text in this HTML (is it the article's page?); "
            "save the article itself, as .html or as .txt."
        )
    page = render_page_text(html)
    kept = frozenset(normalize_line(t) for t in text.splitlines() if t.strip())
    words = len(text.split())
    teaser_share = page.share_in_link_lists(kept)
    if words < MIN_HTML_WORDS or teaser_share > 0.5:
        raise CorpusError(
            f"{path}: this page does not look like an article ({words} words of text, "
            f"{teaser_share:.0%} of it in lists of links, as on a search or index page); save "
            "the article's own page, or its text as .txt."
        )
    return Page(
        page.text,
        title=getattr(doc, "title", None) or None,
        published=getattr(doc, "date", None) or None,
        author=getattr(doc, "author", None) or None,
        site=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        kept_lines=kept,
    )


def normalize_line(text: str) -> str:
    """Returns a line with each whitespace run as one space, stripped (to compare lines)."""
    return " ".join(text.split())


def parse_iso_date(text: str, *, where: str) -> pd.Timestamp:
    """Parses a manifest date, which must be written `YYYY-MM-DD`.

    Args:
        text: The date as written in the manifest.
        where: The manifest row, named in the error.

    Returns:
        The day, as a timestamp at 00:00.

    Raises:
        CorpusError: The date is not a real day written `YYYY-MM-DD` (e.g. `12/08/2022`, whose
            day and month order is ambiguous, or `2022-08-8`); the message names the row and
            the fix.
    """
    value = text.strip()
    loose = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if loose and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return pd.Timestamp(dt.date.fromisoformat(value))
        except ValueError:
            pass
        raise CorpusError(
            f"{where}: published date {text!r} is not a real day; write it as YYYY-MM-DD "
            "(year, month 01-12, day of that month)."
        )
    if loose:
        year, month, day = (int(g) for g in loose.groups())
        hint = f"{year:04d}-{month:02d}-{day:02d}"
    elif m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", value):
        a, b, year = (int(g) for g in m.groups())
        hint = f"{year}-{b:02d}-{a:02d} (day first) or {year}-{a:02d}-{b:02d} (month first)"
    else:
        hint = "2022-08-06 for 6 August 2022"
    raise CorpusError(
        f"{where}: published date {text!r} cannot be parsed; write it as YYYY-MM-DD, e.g. {hint}."
    )


def parse_page_date(text: str) -> pd.Timestamp | None:
    """Returns the day of a page's metadata date (any format pandas reads), or None."""
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError):
        return None
    if pd.isna(stamp):
        return None
    return stamp.tz_localize(None).normalize() if stamp.tzinfo else stamp.normalize()


def _unlisted_files(root: Path, manifest: Path, listed: set[str]) -> list[str]:
    folder = root / "articles"
    if not folder.is_dir():
        return []
    problems = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES:
            continue
        names = {os.path.normpath(path.relative_to(root))}
        if path.resolve().is_relative_to(root.resolve()):
            names.add(os.path.normpath(path.resolve().relative_to(root.resolve())))
        if not names & listed:
            problems.append(
                f"{path}: this article file is not listed in {manifest}; add a row for it "
                "(article_id, file, outlet, …) or move it out of the corpus."
            )
    return problems


def _warn(message: str) -> None:
    warnings.warn(message, CorpusWarning, stacklevel=4)
