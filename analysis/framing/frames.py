"""Frames: dictionaries of ways to tell a story, matched on lemmas in every sentence, counted per
1,000 words and compared between outlets.

The frames come from the general lexicon shipped with the package (`data/frames.yml`: the
dimensions of the Media Frames Corpus, Card et al. 2015) and from the corpus's own `frames.yml`,
which adds frames or replaces a frame of the same name (`general_lexicon: false` in it leaves the
general lexicon out); `load_frames` says which were used.

Each term of a frame is parsed with the same spaCy model as the articles and matched with spaCy's
`PhraseMatcher` twice — on lemmas ("violated" matches "violate") and on lowercase words (a form
whose lemma is unusual out of context still matches) — and, within one frame, overlapping matches
keep the longest (so "civilian casualty" counts once, not also as "casualty"). A match is not
counted when it lies inside one of its frame's `exclude` phrases ("social security" for security
and defence) or is a capitalised part of a longer name ("Security" in "Center for Security
Studies", "School" in "Harvard Law School"): names are not frames. A match inside a quote is the
quote's (`in_quote`, with its speaker), else the reporter's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import yaml

from ..corpus.manifest import CorpusError
from ..text.parse import doc_ents, doc_text
from .terms import score_log_odds
from .tokens import (
    NO_QUOTE,
    check_part,
    map_all_quote_owners,
    map_quote_owners,
    select_part,
    tabulate_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

#: The frames file of a corpus folder.
FRAMES_FILE = "frames.yml"
#: The general frame lexicon shipped with the package.
GENERAL_LEXICON = Path(__file__).resolve().parent / "data" / "frames.yml"
#: What the general lexicon is called in charts and messages.
GENERAL_LEXICON_NAME = "the general lexicon (Media Frames Corpus dimensions)"
#: Entity labels whose names are not frames: a term inside a longer one of these is not a match.
NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
#: Default weight of the corpus prior when comparing frame rates (see `compare_frame_rates`).
PRIOR_SCALE = 0.1


@dataclass(frozen=True)
class Frame:
    """One frame of `frames.yml`.

    Attributes:
        name: The frame's name (the `frames.frame` column).
        description: What the frame is about.
        terms: Its words and phrases, as written in the file.
        exclude: Fixed phrases in which its terms do not carry the frame ("social security").
        source: The file it comes from.
    """

    name: str
    description: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class FrameLexicon:
    """The frames a corpus is matched with, and where they come from.

    Attributes:
        frames: The frames, general ones first (in file order), then the corpus's new ones.
        general: Whether the general lexicon shipped with the package is used.
        corpus_file: The corpus's frames file, when it has one.
        added: Names of the corpus's frames that the general lexicon does not have.
        replaced: Names of general frames the corpus's file replaces.
    """

    frames: tuple[Frame, ...]
    general: bool
    corpus_file: Path | None
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()

    def describe(self) -> str:
        """Returns one line saying which lexicon the frames come from, for charts and notebooks."""
        name = (
            self.corpus_file.parent.name + "/" + self.corpus_file.name if self.corpus_file else ""
        )
        if not self.general:
            return f"Frames: {name} only ({len(self.frames)} frames)"
        general = f"Frames: {GENERAL_LEXICON_NAME}"
        if self.corpus_file is None:
            return f"{general}; no {FRAMES_FILE} in the corpus (add one to add or change frames)"
        return f"{general} + {name} ({len(self.added)} added, {len(self.replaced)} replaced)"


def read_frames(path: str | Path) -> list[Frame]:
    """Reads a frames file.

    Args:
        path: The file (`corpus/frames.yml`, or the general lexicon); a missing file means no
            frames.

    Returns:
        The frames, in file order.

    Raises:
        CorpusError: The file is not UTF-8 YAML, or a frame lacks terms; the message names the
            frame and the fix.
    """
    return _read_frames_file(Path(path))[0]


def _read_frames_file(path: Path) -> tuple[list[Frame], bool]:
    """Returns the frames of a file and its `general_lexicon` choice (True when not given)."""
    if not path.is_file():
        return [], True
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot be read as UTF-8 YAML ({exc}).") from exc
    entries = data.get("frames") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise CorpusError(
            f"{path}: expected a top-level `frames:` mapping of frame name to "
            "{description, terms}; see the comment at the top of corpus/frames.yml."
        )
    general = data.get("general_lexicon", True)
    if not isinstance(general, bool):
        raise CorpusError(f"{path}: `general_lexicon:` must be true or false, not {general!r}.")
    frames = []
    for name, entry in entries.items():
        terms = entry.get("terms") if isinstance(entry, dict) else None
        if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise CorpusError(
                f"{path}: frame {name!r} needs `terms:`, a list of words or phrases "
                "(e.g. `terms: [propaganda, fake news]`)."
            )
        exclude = entry.get("exclude") or []
        if not isinstance(exclude, list) or not all(
            isinstance(t, str) and t.strip() for t in exclude
        ):
            raise CorpusError(
                f"{path}: frame {name!r}: `exclude:` must be a list of phrases "
                "(e.g. `exclude: [social security]`)."
            )
        description = str(entry.get("description") or "")
        frames.append(
            Frame(
                str(name),
                description,
                tuple(t.strip() for t in terms),
                tuple(t.strip() for t in exclude),
                str(path),
            )
        )
    return frames, general


def load_frames(corpus_dir: str | Path) -> FrameLexicon:
    """Reads the frames a corpus is matched with: the general lexicon and the corpus's own file.

    The corpus's `frames.yml` adds frames and replaces a general frame of the same name; with
    `general_lexicon: false` in it, only its own frames are used.

    Args:
        corpus_dir: The corpus folder.

    Returns:
        The frames and where they come from (`FrameLexicon.describe` says it in one line).

    Raises:
        CorpusError: A frames file is not valid (`read_frames`).
    """
    path = Path(corpus_dir) / FRAMES_FILE
    own, general = _read_frames_file(path)
    corpus_file = path if path.is_file() else None
    if not general:
        return FrameLexicon(tuple(own), False, corpus_file, tuple(f.name for f in own))
    shipped = read_frames(GENERAL_LEXICON)
    mine = {f.name: f for f in own}
    names = {f.name for f in shipped}
    frames = [mine.get(f.name, f) for f in shipped] + [f for f in own if f.name not in names]
    return FrameLexicon(
        tuple(frames),
        True,
        corpus_file,
        added=tuple(f.name for f in own if f.name not in names),
        replaced=tuple(f.name for f in own if f.name in names),
    )


class FrameMatcher:
    """Finds the frames' terms in parsed documents (lemma and lowercase phrase matching), leaving
    out matches inside a frame's `exclude` phrases and capitalised parts of longer names."""

    def __init__(
        self,
        frames: Sequence[Frame],
        *,
        vocab: Vocab | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        """Parses every term once; the words and lemmas of the terms are cached (in
        `<cache>/frames/`), so a rebuild does not load the model.

        Args:
            frames: The frames (`read_frames`, `load_frames`).
            vocab: The vocabulary of the documents to match (e.g. an article's `doc.vocab`); a
                blank English one when None.
            cache_dir: The parse cache folder; the default cache when None.
        """
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        vocab = vocab if vocab is not None else spacy.blank("en").vocab
        self._matchers = [PhraseMatcher(vocab, attr=a) for a in ("LEMMA", "LOWER")]
        self._keys: dict[int, tuple[str, str, bool]] = {}
        pairs = [(f.name, t, False) for f in frames for t in f.terms]
        pairs += [(f.name, t, True) for f in frames for t in f.exclude]
        parsed = _parse_terms([t.lower() for _f, t, _x in pairs], cache_dir=cache_dir)
        for (frame, term, excluded), tokens in zip(pairs, parsed, strict=True):
            label = f"{frame}\t{term}\t{'exclude' if excluded else 'term'}"
            pattern = Doc(
                vocab,
                words=[t[0] for t in tokens],
                spaces=[bool(t[2]) for t in tokens],
                lemmas=[t[1] for t in tokens],
            )
            self._keys[int(vocab.strings.add(label))] = (frame, term, excluded)
            for matcher in self._matchers:
                matcher.add(label, [pattern])

    def find(self, doc: Doc) -> list[tuple[str, str, Span]]:
        """Finds the frames in a document.

        Args:
            doc: A parsed document.

        Returns:
            (frame, term, span) per match, in text order; within a frame, overlapping matches
            are reduced to the longest; matches `find_left_out` gives are not among them.
        """
        return [(f, t, s) for f, t, s, why in self._classify(doc) if why is None]

    def find_left_out(self, doc: Doc) -> list[tuple[str, str, Span, str]]:
        """Returns the term matches that are not counted, and why.

        Args:
            doc: A parsed document.

        Returns:
            (frame, term, span, reason) per match left out, in text order; reason is "inside
            a name" or "excluded phrase: <phrase>".
        """
        return [(f, t, s, why) for f, t, s, why in self._classify(doc) if why is not None]

    def _classify(self, doc: Doc) -> list[tuple[str, str, Span, str | None]]:
        """Returns every longest match per frame with the reason it is left out (None: kept)."""
        from spacy.util import filter_spans

        found: dict[str, list[tuple[Span, str]]] = {}
        excluded: dict[str, list[tuple[Span, str]]] = {}
        for matcher in self._matchers:
            for key, start, end in matcher(doc):
                frame, term, is_exclusion = self._keys[int(key)]
                target = excluded if is_exclusion else found
                target.setdefault(frame, []).append((doc[start:end], term))
        out = []
        for frame, spans in found.items():
            term_of = {(s.start, s.end): t for s, t in spans}
            for span in filter_spans([s for s, _t in spans]):
                why = _exclusion_of(span, excluded.get(frame, [])) or _name_around(span)
                out.append((frame, term_of[(span.start, span.end)], span, why))
        return sorted(out, key=lambda m: (m[2].start_char, m[0]))


def _exclusion_of(span: Span, exclusions: list[tuple[Span, str]]) -> str | None:
    """Returns "excluded phrase: …" when `span` lies inside one of the exclusions, else None."""
    for phrase, text in exclusions:
        if phrase.start <= span.start and span.end <= phrase.end:
            return f"excluded phrase: {text}"
    return None


def _is_capitalised(token: Any) -> bool:
    return token.text[:1].isupper()


def _name_around(span: Span) -> str | None:
    """Returns "inside a name" when a capitalised match is part of a longer name — a named entity
    of `NAME_LABELS` (without its leading "the") that extends beyond it — else None."""
    if not any(_is_capitalised(t) for t in span):
        return None
    for ent in doc_ents(span.doc):  # read once per document
        if ent.label_ not in NAME_LABELS or not (ent.start <= span.start and span.end <= ent.end):
            continue
        words = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
        if len(words) > len(span):
            return "inside a name"
    return None


def _parse_terms(terms: list[str], *, cache_dir: Path | None) -> list[list[list[str]]]:
    """Returns [word, lemma, trailing space] per token of each term, parsed one by one (cached
    in `<cache>/frames/`, one checksummed entry per list of terms, not in the articles' docs)."""
    from ..text.cache import read_entry, write_entry
    from ..text.parse import cache_key, default_cache_dir, find_model, load_model

    if not terms:
        return []
    model = find_model()
    path = (cache_dir or default_cache_dir()) / "frames"
    path = path / f"{cache_key(chr(10).join(terms), model)}.json"
    data = read_entry(path)
    if data is not None:
        cached: list[list[list[str]]] = json.loads(data)
        return cached
    parsed = [
        [[t.text, t.lemma_, t.whitespace_] for t in doc]
        for doc in load_model(model.name).pipe(terms)
    ]
    write_entry(path, json.dumps(parsed).encode("utf-8"))
    return parsed


def tabulate_frames(
    docs: Mapping[str, Doc],
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    matcher: FrameMatcher | None,
) -> list[dict[str, Any]]:
    """Finds every frame term in every article.

    Args:
        docs: The parsed body of each article (`Tables.docs`).
        sentences: The `sentences` table.
        quotes: The `quotes` table.
        matcher: The frames' matcher (`FrameMatcher(read_frames(…))`); None when there are no
            frames.

    Returns:
        The rows of the `frames` table (see `schema.py`), in article and text order.
    """
    if matcher is None:
        return []
    owners = map_all_quote_owners({a: doc_text(d) for a, d in docs.items()}, quotes)
    speaker = {
        (a, int(q)): s if isinstance(s, str) else None
        for a, q, s in zip(quotes.article_id, quotes.quote_id, quotes.speaker, strict=True)
    }
    rows = []
    for aid, group in sentences.groupby("article_id", sort=False):
        aid = str(aid)
        starts = group.start.to_numpy()
        ids = group.sentence_id.to_numpy()
        for frame, term, span in matcher.find(docs[aid]):
            sentence = int(ids[max(0, int(np.searchsorted(starts, span.start_char, "right")) - 1)])
            quote = int(owners[aid][span.start_char])
            rows.append(
                {
                    "article_id": aid,
                    "sentence_id": sentence,
                    "frame": frame,
                    "term": term,
                    "start": span.start_char,
                    "end": span.end_char,
                    "matched": span.text,
                    "in_quote": quote != NO_QUOTE,
                    "quote_id": None if quote == NO_QUOTE else quote,
                    "speaker": speaker.get((aid, quote)),
                }
            )
    return rows


def tabulate_left_out(
    tables: Any, frames: Sequence[Frame], *, cache_dir: Path | None = None
) -> pd.DataFrame:
    """Lists the term matches that are not counted in the `frames` table, and why.

    Args:
        tables: The built `Tables` (articles and their parsed `docs`, sentences).
        frames: The frames the corpus was matched with (`load_frames(…).frames`).
        cache_dir: The parse cache folder; the default cache when None.

    Returns:
        One row per match left out: article_id, sentence_id, frame, term, start, end (offsets
        into `articles.body`), matched (`body[start:end]`), reason ("inside a name", or
        "excluded phrase: …") and in_quote (True when its first character is inside a quote, as
        in the `frames` table), in article and text order.
    """
    columns = ["article_id", "sentence_id", "frame", "term", "start", "end", "matched", "reason"]
    columns.append("in_quote")
    ids = [str(a) for a in tables.articles.article_id]
    if not frames or not ids:
        return pd.DataFrame(columns=columns)
    matcher = FrameMatcher(frames, vocab=tables.docs[ids[0]].vocab, cache_dir=cache_dir)
    by_article = dict(iter(tables.sentences.groupby("article_id", sort=False)))
    quotes = dict(iter(tables.quotes.groupby("article_id", sort=False)))
    no_quotes = tables.quotes.iloc[:0]
    rows = []
    for aid in ids:
        group = by_article.get(aid)
        if group is None:
            continue
        starts, sentence_ids = group.start.to_numpy(), group.sentence_id.to_numpy()
        owner = map_quote_owners(len(tables.docs[aid].text), quotes.get(aid, no_quotes))
        for frame, term, span, reason in matcher.find_left_out(tables.docs[aid]):
            at = max(0, int(np.searchsorted(starts, span.start_char, "right")) - 1)
            rows.append(
                (aid, int(sentence_ids[at]), frame, term, span.start_char, span.end_char,
                 span.text, reason, bool(owner[span.start_char] != NO_QUOTE))
            )  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def select_matches(frames: pd.DataFrame, part: str) -> pd.DataFrame:
    """Returns the `frames` rows of one part: "all", "reporter" or "quotes"."""
    if check_part(part) == "reporter":
        return frames[~frames.in_quote]
    return frames[frames.in_quote] if part == "quotes" else frames


def count_words(tables: Any, *, part: str = "all") -> pd.Series:
    """Returns the number of words (tokens without punctuation) per article in one part."""
    tokens = select_part(tabulate_tokens(tables.docs, tables.sentences, tables.quotes), part)
    words = tokens.article_id.value_counts()
    return words.reindex(list(tables.articles.article_id), fill_value=0).astype("int64")


def rate_frames(
    tables: Any,
    *,
    part: str = "all",
    words: pd.Series | None = None,
    article_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Counts each outlet's frame matches per 1,000 words.

    Args:
        tables: The built `Tables` (with `frames`).
        part: "all" words, the "reporter"'s own (matches outside quotes, per 1,000 reporter
            words) or "quotes" (matches in quotes, per 1,000 quoted words).
        words: `count_words(tables, part=part)` already computed.
        article_ids: Count only these articles (e.g. a date range); None: all.

    Returns:
        One row per outlet (of the counted articles) and frame matched anywhere in the corpus
        (zeros included): outlet, frame, n (matches), words (the outlet's words in that part),
        per_1000 (missing when the outlet has no words in that part).
    """
    per_article = count_words(tables, part=part) if words is None else words
    chosen = set(tables.articles.article_id if article_ids is None else article_ids)
    articles = tables.articles[tables.articles.article_id.isin(chosen)]
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    words_of = per_article[list(articles.article_id)].groupby(articles.outlet.to_numpy()).sum()
    rows = select_matches(tables.frames, part)
    rows = rows[rows.article_id.isin(chosen)]
    counts = rows.groupby([rows.article_id.map(outlet), "frame"]).size()
    names = list(dict.fromkeys(tables.frames.frame))
    grid = pd.MultiIndex.from_product([list(words_of.index), names], names=["outlet", "frame"])
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    out["words"] = out.outlet.map(words_of).astype("int64")
    out["per_1000"] = (1000 * out.n / out.words.where(out.words > 0)).astype("float64")
    return out


def compare_frame_rates(
    tables: Any,
    target: str | Sequence[str],
    *,
    against: str | Sequence[str] | None = None,
    part: str = "all",
    prior_scale: float = PRIOR_SCALE,
    rates: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Tests whether an outlet (or group) uses each frame more often than others, per word.

    The statistic is the one of `terms.distinctive_terms`: a frame's matches against the other
    words, with a prior of `prior_scale` × the frame's count in the whole corpus (a0 =
    `prior_scale` × the corpus's words in that part).

    Args:
        tables: The built `Tables`.
        target: An outlet, or several pooled.
        against: The outlet(s) compared with; None: every other outlet.
        part: "all", "reporter" or "quotes".
        prior_scale: Weight of the prior.
        rates: `rate_frames(tables, part=part)` already computed (the prior still comes from
            every outlet in it).

    Returns:
        One row per frame: frame, n_target, n_rest, per_1000_target, per_1000_rest, delta, z;
        sorted by z descending.
    """
    rates = rate_frames(tables, part=part) if rates is None else rates
    mine = {target} if isinstance(target, str) else set(target)
    others = (
        set(rates.outlet) - mine
        if against is None
        else ({against} if isinstance(against, str) else set(against))
    )
    if not mine or not others or mine & others or (mine | others) - set(rates.outlet):
        raise ValueError(
            f"target {sorted(mine)} and against {sorted(others)}: non-empty, "
            f"disjoint outlets of {sorted(set(rates.outlet))} needed"
        )
    words = rates.drop_duplicates("outlet").set_index("outlet").words
    t = rates[rates.outlet.isin(mine)].groupby("frame", sort=False).n.sum()
    r = rates[rates.outlet.isin(others)].groupby("frame", sort=False).n.sum()
    total = rates.groupby("frame", sort=False).n.sum()
    frames = list(total.index)
    n_t, n_r = float(words[list(mine)].sum()), float(words[list(others)].sum())
    prior = prior_scale * total.to_numpy(dtype=float) + 1e-9
    delta, z = score_log_odds(
        t[frames].to_numpy(dtype=float),
        r[frames].to_numpy(dtype=float),
        prior,
        n_target=n_t,
        n_rest=n_r,
        prior_total=prior_scale * float(words.sum()),
    )
    out = pd.DataFrame(
        {
            "frame": frames,
            "n_target": t[frames].to_numpy(dtype="int64"),
            "n_rest": r[frames].to_numpy(dtype="int64"),
            "per_1000_target": 1000 * t[frames].to_numpy(dtype=float) / max(n_t, 1),
            "per_1000_rest": 1000 * r[frames].to_numpy(dtype=float) / max(n_r, 1),
            "delta": delta,
            "z": z,
        }
    )
    return out.sort_values(["z", "frame"], ascending=[False, True]).reset_index(drop=True)


def count_speaker_frames(frames: pd.DataFrame) -> pd.DataFrame:
    """Counts which frames each speaker's quotes carry.

    Args:
        frames: The `frames` table (or a selection of it).

    Returns:
        One row per speaker and frame with at least one match in that speaker's quotes: speaker
        ("unknown" when the quote's speaker is), frame, n (matches), quotes (distinct quotes),
        sorted by speaker then n descending.
    """
    quoted = frames[frames.in_quote]
    quoted = quoted.assign(
        speaker=quoted.speaker.fillna("unknown"),
        quote=quoted.article_id + "#" + quoted.quote_id.astype("str"),
    )
    out = (
        quoted.groupby(["speaker", "frame"])
        .agg(n=("frame", "size"), quotes=("quote", "nunique"))
        .reset_index()
    )
    return out.sort_values(["speaker", "n"], ascending=[True, False]).reset_index(drop=True)
