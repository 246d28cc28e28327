"""Starting and growing a corpus folder without editing CSV by hand: `create_corpus` writes an
empty corpus (manifest header, README, title, frame and actor files to edit), `add_articles`
copies article files in and writes their manifest rows, from a saved page's metadata where it has
them and from the caller's options otherwise."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from unidecode import unidecode

from .manifest import (
    HTML_SUFFIXES,
    ID_PATTERN,
    MANIFEST,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    TEXT_SUFFIXES,
    CorpusError,
    normalize_line,
    parse_iso_date,
    parse_page_date,
    read_page,
)

#: The corpus's own settings: its title, shown in every chart's source line.
CORPUS_FILE = "corpus.yml"
#: The manifest columns `create_corpus` writes, in order.
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
#: Where `create_corpus` puts the raw files.
ARTICLES_FOLDER = "articles"

_README = """# {title}

A Coverage Lens corpus. Build it with `python -m analysis build --corpus {folder}` or open the
notebooks with `CORPUS_DIR = "{folder}"`.

| file | what it is |
| --- | --- |
| `corpus.yml` | the corpus's title, named in every chart's source line and export |
| `articles.csv` | the manifest: one row per article (`python -m analysis add` writes it) |
| `articles/` | the raw articles (.txt as UTF-8, or saved web pages as .html); never edit them |
| `frames.yml` | frames of your own, added to the shipped lexicon (see docs/framing.md) |
| `actors.yml` | speaker groups (see docs/quotes.md) |
| `cleaning.yml` | (optional) per-article cleaning rules (see docs/cleaning.md) |

Add articles with

    python -m analysis add FILE... --corpus {folder} [--outlet NAME] [--published YYYY-MM-DD]

A saved web page gives its title, date, site name and author; a .txt file needs `--outlet` and
`--published` (the options apply to every file of one call).
"""

_FRAMES = """\
# Frames of this corpus (docs/framing.md): each frame has a description and terms, words or
# phrases in plain lowercase English, matched on lemmas. To add one, replace `{}` with entries:
#
# frames:
#   my frame:
#     description: what the frame is about
#     terms: [first term, second term]
frames: {}
"""

_ACTORS = """\
# Speaker groups of this corpus for notebook 02 (docs/quotes.md): keys are group names, values
# list speakers as the entities table names them. Uncomment and edit:
#
# Government:
#   - Name Of A Minister
"""


@dataclass(frozen=True)
class AddedArticle:
    """One article `add_articles` wrote.

    Attributes:
        article_id: Its id in the manifest.
        file: Its path inside the corpus folder.
        outlet: The outlet written, and `published`, `title`, `url` likewise ("" when none).
        sources: Where each metadata value came from ("page" or "option"), by column.
    """

    article_id: str
    file: str
    outlet: str
    published: str
    title: str
    url: str
    sources: dict[str, str]


def create_corpus(folder: str | Path, *, title: str | None = None) -> list[Path]:
    """Creates an empty corpus folder.

    Args:
        folder: The folder to create; it must not exist, or be empty.
        title: The corpus's title for source lines; default: the folder's name.

    Returns:
        The files written.

    Raises:
        CorpusError: The folder exists and holds files.
    """
    root = Path(folder)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise CorpusError(
            f"{root}: already exists and is not an empty folder; name a new folder, or add "
            f"articles to this corpus with `python -m analysis add FILE --corpus {root}`."
        )
    (root / ARTICLES_FOLDER).mkdir(parents=True, exist_ok=True)
    name = title.strip() if title and title.strip() else root.resolve().name
    files = {
        MANIFEST: ",".join(COLUMNS) + "\n",
        CORPUS_FILE: yaml.safe_dump({"title": name}, allow_unicode=True, sort_keys=False),
        "README.md": _README.format(title=name, folder=root.as_posix()),
        "frames.yml": _FRAMES,
        "actors.yml": _ACTORS,
    }
    written = []
    for file, text in files.items():
        (root / file).write_text(text, encoding="utf-8")
        written.append(root / file)
    return written


def read_corpus_title(folder: str | Path) -> str:
    """Returns the corpus's title: `corpus.yml`'s `title`, else the folder's name.

    Raises:
        CorpusError: `corpus.yml` is not a YAML mapping with a text `title`.
    """
    root = Path(folder)
    path = root / CORPUS_FILE
    if not path.is_file():
        return root.resolve().name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML ({exc}); write `title: My corpus`.") from exc
    title = data.get("title") if isinstance(data, dict) else None
    if title is None:
        return root.resolve().name
    if not isinstance(title, str) or not title.strip():
        raise CorpusError(f"{path}: `title` must be a line of text, e.g. `title: My corpus`.")
    return title.strip()


def add_articles(
    paths: Sequence[str | Path],
    *,
    corpus_dir: str | Path,
    outlet: str | None = None,
    outlet_kind: str | None = None,
    published: str | None = None,
    language: str = "en",
    url: str | None = None,
    article_id: str | None = None,
) -> list[AddedArticle]:
    """Copies article files into a corpus and writes their manifest rows; all or nothing.

    A saved web page gives its title, date, site name (the outlet) and address; an option
    given here wins over the page. Every row needs an outlet and a published day: a file that
    has neither from its page nor from the options is refused, with the option to pass.

    Args:
        paths: The .txt or .html files to add.
        corpus_dir: The corpus folder (made by `create_corpus`, or any with `articles.csv`).
        outlet: The outlet of every file (default: each page's site name).
        outlet_kind: newspaper, wire, broadcaster, blog, … (default: left empty).
        published: The publication day of every file, `YYYY-MM-DD` (default: each page's date).
        language: The ISO 639-1 code of every file.
        url: The address (only with one file; default: the page's).
        article_id: The id (only with one file; default: made from the file's name).

    Returns:
        The articles added, in the order given.

    Raises:
        CorpusError: A file is missing, not an article, a copy of an article already in the
            corpus (or of another file given), or lacks an outlet or date; or the corpus has no
            manifest. Nothing is written then; the message names every file and the fix.
    """
    root = Path(corpus_dir)
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise CorpusError(
            f"{manifest}: no manifest; start a corpus with `python -m analysis new {root}`."
        )
    if len(paths) > 1 and (url or article_id):
        raise CorpusError("--url and --id name one article; add the files one at a time.")
    if published:
        parse_iso_date(published, where="--published")
    header, rows = _read_rows(manifest)
    taken_ids = {r.get("article_id", "") for r in rows}
    known = _existing_texts(root, rows)
    problems: list[str] = []
    plans: list[tuple[Path, AddedArticle]] = []
    for given in paths:
        path = Path(given)
        if not path.is_file():
            problems.append(f"{path}: no such file.")
            continue
        try:
            page = read_page(path)
        except CorpusError as exc:
            problems.append(str(exc))
            continue
        digest = _text_key(page.raw)
        if digest in known:
            problems.append(
                f"{path}: the same text as {known[digest]} already in the corpus; not added."
            )
            continue
        known[digest] = str(path)
        aid = article_id or _unique_id(path.stem, taken_ids)
        if not ID_PATTERN.match(aid) or aid in taken_ids:
            problems.append(
                f"{path}: article id {aid!r} is taken or unsafe; pass another with --id "
                "(letters, digits, '_', '-', '.')."
            )
            continue
        taken_ids.add(aid)
        sources: dict[str, str] = {}
        row_outlet = _pick(outlet, page.site, "outlet", sources)
        page_day = parse_page_date(page.published) if page.published else None
        page_date = page_day.date().isoformat() if page_day is not None else None
        row_date = _pick(published, page_date, "published", sources)
        needs = [
            (what, option)
            for value, what, option in (
                (row_outlet, "outlet", "--outlet NAME"),
                (row_date, "date", "--published YYYY-MM-DD"),
            )
            if not value
        ]
        if needs:
            origin = "its page gives" if path.suffix.lower() in HTML_SUFFIXES else "a .txt file has"
            problems.append(
                f"{path}: {origin} no {' and no '.join(w for w, _ in needs)}; "
                f"pass {' and '.join(o for _, o in needs)}."
            )
            continue
        file = f"{ARTICLES_FOLDER}/{aid}{path.suffix.lower()}"
        if (root / file).exists():
            problems.append(f"{path}: {root / file} exists already; pass another --id.")
            continue
        plans.append(
            (
                path,
                AddedArticle(
                    article_id=aid,
                    file=file,
                    outlet=row_outlet or "",
                    published=row_date or "",
                    title=_pick(None, page.title, "title", sources) or "",
                    url=_pick(url, page.url, "url", sources) or "",
                    sources=sources,
                ),
            )
        )
    if problems:
        listing = "\n".join(f"  {p}" for p in problems)
        raise CorpusError(f"Nothing was added to {root}:\n{listing}", problems=problems)
    columns = list(header) + [c for c in COLUMNS if c not in header]
    for path, added in plans:
        (root / added.file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, root / added.file)
        rows.append(
            {
                "article_id": added.article_id,
                "file": added.file,
                "outlet": added.outlet,
                "outlet_kind": outlet_kind or "",
                "title": added.title,
                "url": added.url,
                "published": added.published,
                "language": language,
            }
        )
    _write_rows(manifest, columns, rows)
    return [added for _, added in plans]


def _pick(option: str | None, page: str | None, column: str, sources: dict[str, str]) -> str | None:
    if option:
        sources[column] = "option"
        return option.strip()
    if page and page.strip():
        sources[column] = "page"
        return " ".join(page.split())
    return None


def _text_key(text: str) -> str:
    lines = (normalize_line(line) for line in text.splitlines())
    return hashlib.sha256("\n".join(line for line in lines if line).encode("utf-8")).hexdigest()


def _existing_texts(root: Path, rows: list[dict[str, str]]) -> dict[str, str]:
    found = {}
    for row in rows:
        path = root / row.get("file", "")
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES:
            try:
                found[_text_key(read_page(path).raw)] = row.get("article_id", "")
            except CorpusError:
                continue  # the build reports it; it cannot be a copy of a readable article
    return found


def _unique_id(stem: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_.-]+", "-", unidecode(stem)).strip("-._").lower()[:60] or "article"
    if not base[0].isalnum():
        base = "a" + base
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _read_rows(manifest: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = manifest.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = list(reader.fieldnames or [])
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(f"{manifest}: missing column(s) {missing}; fix its first line.")
    return header, [dict(row) for row in reader if any((v or "").strip() for v in row.values())]


def _write_rows(manifest: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    handle, tmp = tempfile.mkstemp(dir=manifest.parent, prefix=".articles-", suffix=".csv")
    with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: row.get(c) or "" for c in columns} for row in rows)
    os.replace(tmp, manifest)
