"""Per-article stages: what `build` computes from one article alone, cached per article.

A per-article stage is a function from one `ArticleInput` (the article, its cleaned text and its
parsed body) to rows of one table. The stages are listed in `ARTICLE_STAGES`; a new one (events,
frames …) is added with one line:

    ARTICLE_STAGES["events"] = find_events  # in analysis/stages.py

Their rows are cached per article as JSON (`analysis.cache`: checksummed, atomic), keyed by what
the article's rows depend on — its id, raw text, known title and cleaning rules, the spaCy model,
`STAGES_VERSION` and the stage names — so that adding or changing one article re-runs only that
article's stages. Corpus-level stages (entities, quotes, links, statements) always run on the
gathered tables.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..corpus.clean import Cleaned, Paragraph, Span, clean_text
from ..corpus.manifest import Article
from ..framing.frames import Frame, FrameMatcher
from ..text.cache import read_entry, write_entry
from ..text.parse import ModelInfo
from ..text.sentences import locate_paragraphs, tabulate_paragraphs, tabulate_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Articles whose quotes, events and frames are found together (one pass of each table per batch).
CONTEXT_BATCH = 100
#: Bump when any per-article stage changes what it returns (old cache entries are then unused).
#: The source of the modules the stages run (`_code_version`) is part of the key as well.
STAGES_VERSION = "1"


@dataclass(frozen=True)
class ArticleInput:
    """What a per-article stage sees: the article, its cleaned text and its parsed body."""

    article: Article
    cleaned: Cleaned
    doc: Doc


def _paragraphs(item: ArticleInput) -> list[dict[str, Any]]:
    return tabulate_paragraphs(item.article.article_id, item.cleaned)


def _sentences(item: ArticleInput) -> list[dict[str, Any]]:
    return tabulate_sentences(item.article.article_id, item.doc, locate_paragraphs(item.cleaned))


def _removed(item: ArticleInput) -> list[dict[str, Any]]:
    raw = item.article.raw
    return [
        {
            "article_id": item.article.article_id,
            "start": span.start,
            "end": span.end,
            "reason": span.reason,
            "text": raw[span.start : span.end],
        }
        for span in item.cleaned.removed
    ]


#: Table name -> the per-article stage that makes its rows.
ARTICLE_STAGES: dict[str, Callable[[ArticleInput], list[dict[str, Any]]]] = {
    "paragraphs": _paragraphs,
    "sentences": _sentences,
    "removed": _removed,
}


def clean_articles(articles: Sequence[Article], *, cache_dir: Path | None = None) -> list[Cleaned]:
    """Returns each article's cleaned text (`analysis.clean`), in order.

    Args:
        articles: The articles.
        cache_dir: The cache folder (entries go to its `cleaned/` subfolder, keyed by the raw
            text, the known title, the rules and the cleaning code); None: no cache.

    Returns:
        One `Cleaned` per article.
    """
    out = []
    for a in articles:
        path = cache_dir / "cleaned" / f"{_clean_key(a)}.json" if cache_dir else None
        data = read_entry(path) if path is not None else None
        if data is not None:
            out.append(_cleaned_from(json.loads(data)))
            continue
        cleaned = clean_text(
            a.raw, known_title=a.title, rules=a.rules, source=a.file, kept_lines=a.kept_lines
        )
        if path is not None:
            write_entry(path, json.dumps(asdict(cleaned), ensure_ascii=False).encode("utf-8"))
        out.append(cleaned)
    return out


def _clean_key(article: Article) -> str:
    parts = [
        STAGES_VERSION,
        _code_version("corpus/clean", "corpus/html"),
        article.title or "",
        article.file,
        json.dumps(article.rules, sort_keys=True, default=str),
        json.dumps(sorted(article.kept_lines) if article.kept_lines is not None else None),
        article.raw,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _cleaned_from(data: dict[str, Any]) -> Cleaned:
    """Rebuilds a `Cleaned` from its JSON form (`dataclasses.asdict`)."""
    span = data["title_span"]
    return Cleaned(
        title=data["title"],
        title_span=(span[0], span[1]) if span is not None else None,
        paragraphs=tuple(Paragraph(**p) for p in data["paragraphs"]),
        removed=tuple(Span(**r) for r in data["removed"]),
        author=data["author"],
    )


def tabulate_article(item: ArticleInput, rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Returns the `articles` row of one article, given its per-article rows."""
    article, cleaned, doc = item.article, item.cleaned, item.doc
    return {
        "article_id": article.article_id,
        "outlet": article.outlet,
        "outlet_kind": article.outlet_kind,
        "title": cleaned.title,
        "author": cleaned.author or article.author,
        "published": article.published,
        "language": article.language,
        "url": article.url,
        "file": article.file,
        "notes": article.notes,
        "raw": article.raw,
        "body": cleaned.body,
        "n_paragraphs": len(rows["paragraphs"]),
        "n_sentences": len(rows["sentences"]),
        "n_words": _count_words(doc),
        "colour": article.colour,
    }


def _count_words(doc: Doc) -> int:
    """Returns the tokens of a document that are neither punctuation nor space (read from the
    lexemes' flags in one array: a `Token` object per token costs more than the count)."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if not len(doc):
        return 0
    flags = doc.to_array([IS_PUNCT, IS_SPACE])
    return int((flags.sum(axis=1) == 0).sum())


@cache
def _code_version(*modules: str) -> str:
    """Returns a hash of the source of some modules or subpackages of this package, named by
    their path under `analysis/` (e.g. "quotes", the folder `analysis/quotes/`, or
    "corpus/clean", the file `analysis/corpus/clean.py`), with a package's `data/` files; a name
    matching neither raises."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parents[1]
    for name in modules:
        package = here / name
        files = (
            sorted([*package.glob("*.py"), *package.glob("data/*")])
            if package.is_dir()
            else [here / f"{name}.py"]
        )
        for path in files:
            if not path.is_file():
                raise FileNotFoundError(f"_code_version: no module or package {name!r} in {here}")
            digest.update(path.name.encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def stage_key(article: Article, model: ModelInfo) -> str:
    """Returns the cache key of one article's per-article rows."""
    parts = [
        STAGES_VERSION,
        _code_version("pipeline/stages", "corpus/clean", "corpus/html", "text/sentences"),
        ",".join(ARTICLE_STAGES),
        model.name,
        model.version,
        article.article_id,
        article.title or "",
        json.dumps(article.rules, sort_keys=True, default=str),
        article.raw,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def run_article_stages(
    items: Sequence[ArticleInput],
    *,
    model: ModelInfo,
    cache_dir: Path | None,
    progress: Callable[[Iterable[ArticleInput]], Iterable[ArticleInput]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Runs every per-article stage on every article, reusing cached rows.

    Args:
        items: The articles, cleaned and parsed, in manifest order.
        model: The spaCy model (part of the cache key).
        cache_dir: The cache folder (rows go to its `rows/` subfolder); None: no cache.
        progress: Wraps the iterable of articles (e.g. a tqdm progress bar).

    Returns:
        For `articles` and each table of `ARTICLE_STAGES`, the rows of all articles in manifest
        order.
    """
    out: dict[str, list[dict[str, Any]]] = {"articles": [], **{name: [] for name in ARTICLE_STAGES}}
    for item in progress(items) if progress is not None else items:
        rows = rows_of(item, model=model, cache_dir=cache_dir)
        out["articles"].append(tabulate_article(item, rows))
        for name, mine in rows.items():
            out[name] += mine
    return out


def rows_of(
    item: ArticleInput, *, model: ModelInfo, cache_dir: Path | None
) -> dict[str, list[dict[str, Any]]]:
    """Returns one article's rows of every per-article table, from the cache when it is there."""
    path = cache_dir / "rows" / f"{stage_key(item.article, model)}.json" if cache_dir else None
    data = read_entry(path) if path is not None else None
    if data is not None:
        cached: dict[str, list[dict[str, Any]]] = json.loads(data)
        if set(cached) == set(ARTICLE_STAGES):
            return cached
    rows = {name: stage(item) for name, stage in ARTICLE_STAGES.items()}
    if path is not None:
        write_entry(path, json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    return rows


def tabulate_in_context(
    items: Sequence[ArticleInput],
    *,
    tables: dict[str, pd.DataFrame],
    frames: Sequence[Frame],
    model: ModelInfo,
    cache_dir: Path | None,
    progress: Callable[[Iterable[ArticleInput]], Iterable[ArticleInput]] | None = None,
) -> dict[str, list[Any]]:
    """Finds the quotes, events and frame terms of every article, reusing cached ones.

    These stages read one article at a time but need the corpus-level entities, so an article's
    cache key holds, besides the article, its publication date, the frames and the code of these
    stages, its mentions and the id, label and name of each entity they refer to (what these
    stages read of an entity; not its corpus-wide counts): an article whose mentions resolve as
    before is not searched again.

    Args:
        items: The articles, cleaned and parsed, in manifest order.
        tables: The `paragraphs`, `sentences`, `mentions` and `entities` tables.
        frames: The frames (`analysis.framing.frames.read_frames`).
        model: The spaCy model (part of the cache key).
        cache_dir: The cache folder (entries go to its `context/` subfolder); None: no cache.
        progress: Wraps the iterable of articles (e.g. a tqdm progress bar).

    Returns:
        By name: "quotes" (rows of the `quotes` table), "warnings" (the quote finder's warnings
        about unbalanced quote marks), "events" and "frames" (rows of those tables), each in
        manifest order.
    """
    entities = tables["entities"]
    named = dict(
        zip(entities.entity_id, zip(entities.name, entities.label, strict=True), strict=True)
    )
    mentions = tables["mentions"]
    columns = ["article_id", *(c for c in mentions.columns if c != "article_id")]
    mentioned: dict[str, list[list[Any]]] = {}
    for row in zip(*(mentions[c].tolist() for c in columns), strict=True):
        mentioned.setdefault(row[0], []).append(list(row[1:]))
    at = columns.index("entity_id") - 1  # in a row of `mentioned`
    code = _code_version(
        "quotes", "text", "text/datelines", "entities", "text/names", "timeline", "framing"
    )
    frames_key = json.dumps([[f.name, list(f.terms), list(f.exclude)] for f in frames])
    found: dict[str, dict[str, list[Any]]] = {}
    paths: dict[str, Path] = {}
    for item in items:
        aid = item.article.article_id
        mine = mentioned.get(aid, [])
        ids = sorted({m[at] for m in mine if isinstance(m[at], str)})
        known = [[i, *named[i]] for i in ids if i in named]
        parts = [stage_key(item.article, model), code, str(item.article.published), frames_key]
        parts.append(json.dumps([mine, known], ensure_ascii=False, default=str))
        key = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
        if cache_dir is None:
            continue
        paths[aid] = cache_dir / "context" / f"{key}.json"
        data = read_entry(paths[aid])
        if data is not None:
            found[aid] = json.loads(data)
    todo = [item for item in items if item.article.article_id not in found]
    batch: list[ArticleInput] = []
    matchers: dict[int, FrameMatcher] = {}  # by vocabulary: the terms are parsed once per build
    for item in progress(todo) if progress is not None else todo:
        batch.append(item)
        if len(batch) < CONTEXT_BATCH and item is not todo[-1]:
            continue
        for aid, fresh in _find_in_context(
            batch, tables, frames, cache_dir=cache_dir, matchers=matchers
        ).items():
            encoded = json.dumps(fresh, ensure_ascii=False, default=_isoformat).encode("utf-8")
            if aid in paths:
                write_entry(paths[aid], encoded)
            found[aid] = json.loads(encoded)  # the same values a cached entry gives (dates as text)
        batch = []
    out: dict[str, list[Any]] = {"quotes": [], "warnings": [], "events": [], "frames": []}
    for item in items:
        for name, rows in found[item.article.article_id].items():
            out[name] += rows
    return out


def _find_in_context(
    items: Sequence[ArticleInput],
    tables: dict[str, pd.DataFrame],
    frames: Sequence[Frame],
    *,
    cache_dir: Path | None,
    matchers: dict[int, FrameMatcher] | None = None,
) -> dict[str, dict[str, list[Any]]]:
    """Some articles' quotes, warnings, events and frame terms, by article id (see
    `tabulate_in_context`); the tables are filtered to these articles once. The frames' matcher
    is taken from `matchers` (by the documents' vocabulary) when there, and kept there."""
    from ..framing.frames import tabulate_frames
    from ..quotes import tabulate_quotes
    from ..timeline import tabulate_events
    from . import conformance, schema

    ids = [item.article.article_id for item in items]
    docs = {item.article.article_id: item.doc for item in items}
    mine = {
        n: tables[n][tables[n].article_id.isin(ids)]
        for n in ("paragraphs", "sentences", "mentions")
    }
    known = tables["entities"][tables["entities"].entity_id.isin(set(mine["mentions"].entity_id))]
    quotes, warned = tabulate_quotes(docs, entities=known, **mine)
    columns = schema.TABLES["quotes"].column_names
    quote_table = conformance.conform("quotes", pd.DataFrame(quotes, columns=columns))
    published = [item.article.published for item in items]
    events = tabulate_events(
        docs,
        articles=pd.DataFrame(
            {"article_id": ids, "published": pd.to_datetime(pd.Series(published, dtype=object))}
        ),
        sentences=mine["sentences"],
        quotes=quote_table,
        mentions=mine["mentions"],
        entities=known,
    )
    matcher = None
    if frames and items:
        vocab = items[0].doc.vocab
        matchers = matchers if matchers is not None else {}
        if id(vocab) not in matchers:
            matchers[id(vocab)] = FrameMatcher(frames, vocab=vocab, cache_dir=cache_dir)
        matcher = matchers[id(vocab)]
    terms = tabulate_frames(docs, mine["sentences"], quote_table, matcher=matcher)
    out: dict[str, dict[str, list[Any]]] = {
        aid: {"quotes": [], "warnings": [], "events": [], "frames": []} for aid in ids
    }
    for name, rows in (("quotes", quotes), ("events", events), ("frames", terms)):
        for row in rows:
            out[row["article_id"]][name].append(row)
    for message in warned:  # "<article_id>: <message>"
        out[next(a for a in ids if message.startswith(f"{a}: "))]["warnings"].append(message)
    return out


def _isoformat(value: Any) -> str:
    """Writes dates and timestamps (event dates) into JSON as ISO text."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} into the cache: {value!r}")
