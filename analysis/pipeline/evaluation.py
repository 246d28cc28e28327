"""Scoring the quote extraction against a hand annotation (`tests/fixtures/quotes_gold.yml`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..overlap.links import link_keys
from ..text.lexicon import words

#: A predicted quote matches a gold one when their word-overlap F1 reaches this.
MATCH_F1 = 0.6


def overlap_f1(a: str, b: str) -> float:
    """Returns the F1 of the word multisets of two texts (0 when either is empty)."""
    wa, wb = Counter(words(a)), Counter(words(b))
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(wa.values()), common / sum(wb.values())
    return 2 * precision * recall / (precision + recall)


def load_gold(path: str | Path, tables: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reads the annotation and ties it to the tables.

    Args:
        path: The gold YAML file.
        tables: The built tables of the annotated corpus.

    Returns:
        Gold direct/partial quotes (article_id, kind, speaker, text) and gold indirect sentences
        (article_id, sentence_id, speaker).

    Raises:
        ValueError: A gold text is not in its article's body, or a sentence start is not found.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    bodies = tables.articles.set_index("article_id").body
    paragraphs = tables.paragraphs.set_index(["article_id", "paragraph_id"]).text
    quotes, indirect = [], []
    for article_id, entry in data.items():
        for item in entry.get("quotes") or []:
            text = item.get("text") or paragraphs[(article_id, item["paragraph"])]
            if text not in bodies[article_id]:
                raise ValueError(f"gold quote not in {article_id}: {text[:60]!r}")
            quotes.append(
                {
                    "article_id": article_id,
                    "kind": item["kind"],
                    "speaker": item["speaker"],
                    "text": text,
                    "how": item.get("how"),
                }
            )
        sentences = tables.sentences[tables.sentences.article_id == article_id]
        for item in entry.get("indirect") or []:
            hits = sentences[sentences.text.str.startswith(item["sentence"])]
            if len(hits) != 1:
                raise ValueError(f"{article_id}: sentence {item['sentence']!r} found {len(hits)}×")
            indirect.append(
                {
                    "article_id": article_id,
                    "sentence_id": int(hits.sentence_id.iloc[0]),
                    "speaker": item["speaker"],
                }
            )
    columns = ["article_id", "kind", "speaker", "text", "how"]
    return pd.DataFrame(quotes, columns=columns), pd.DataFrame(
        indirect, columns=["article_id", "sentence_id", "speaker"]
    )


@dataclass
class Scores:
    """Quote extraction scores (see `tests/fixtures/quotes_guide.md`)."""

    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    indirect_recall: float | None = None
    n_gold: int = 0
    n_predicted: int = 0
    misses: list[str] = field(default_factory=list)
    speaker_precision: float = 0.0
    n_with_speaker: int = 0
    by_attribution: dict[str, tuple[int, int]] = field(default_factory=dict)

    def lines(self, name: str) -> list[str]:
        """Returns the scores as printable lines."""
        out = [
            f"{name}: direct+partial precision {self.precision:.3f}, recall {self.recall:.3f}, "
            f"F1 {self.f1:.3f} ({self.n_predicted} predicted, {self.n_gold} gold); "
            f"speaker accuracy {self.speaker_accuracy:.3f}; speaker precision "
            f"{self.speaker_precision:.3f} (right / {self.n_with_speaker} matched quotes given a "
            "speaker)"
        ]
        if self.by_attribution:
            kinds = ", ".join(
                f"{kind} {right / n:.2f} ({right}/{n})"
                for kind, (right, n) in sorted(self.by_attribution.items())
            )
            out.append(f"{name}: speaker accuracy by attribution: {kinds}")
        if self.indirect_recall is not None:
            out.append(
                f"{name}: indirect recall (right sentence and speaker) {self.indirect_recall:.3f}"
            )
        return out


def match(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs predicted and gold quotes one to one, best word overlap first (≥ `MATCH_F1`)."""
    candidates = []
    for i, p in enumerate(predicted.itertuples()):
        for j, g in enumerate(gold.itertuples()):
            if str(g.article_id) == str(p.article_id):
                score = overlap_f1(str(p.text), str(g.text))
                if score >= MATCH_F1:
                    candidates.append((score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_quotes(
    predicted: pd.DataFrame,
    gold: pd.DataFrame,
    gold_indirect: pd.DataFrame | None = None,
    *,
    aliases: dict[str, set[str]] | None = None,
) -> Scores:
    """Scores predicted quotes against the gold ones.

    Args:
        predicted: Predicted direct/partial quotes (article_id, text, speaker), and, for the
            indirect recall, indirect ones (kind "indirect", sentence_id).
        gold: Gold direct/partial quotes.
        gold_indirect: Gold indirect sentences; None skips the indirect recall.
        aliases: Every name of each predicted speaker (`speaker_aliases`); a gold speaker
            matches when it is the name or one of these. None: the canonical name only.

    Returns:
        The scores, with the gold quotes that were missed or got the wrong speaker.
    """
    quoted = predicted[predicted.kind != "indirect"] if "kind" in predicted else predicted
    quoted = quoted.reset_index(drop=True)
    pairs = match(quoted, gold.reset_index(drop=True))
    tp = len(pairs)
    precision = tp / len(quoted) if len(quoted) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0

    def agrees(said: Any, truth: Any) -> bool:
        if not isinstance(truth, str) or not isinstance(said, str):
            return not isinstance(truth, str) and not isinstance(said, str)
        names = (aliases or {}).get(said, set()) | {said}
        if truth in names:
            return True
        # One name written in part in the other: "Hrytsenko" for "Ivanna Hrytsenko".
        mine, theirs = set(words(said)), set(words(truth))
        return bool(mine) and (mine <= theirs or theirs <= mine)

    right = [agrees(quoted.speaker.iloc[i], gold.speaker.iloc[j]) for i, j in pairs]
    given = [
        ok
        for (i, _), ok in zip(pairs, right, strict=True)
        if isinstance(quoted.speaker.iloc[i], str)
    ]
    by_attribution: dict[str, tuple[int, int]] = {}
    if "attribution" in quoted:
        for (i, _), ok in zip(pairs, right, strict=True):
            kind = str(quoted.attribution.iloc[i])
            hits, n = by_attribution.get(kind, (0, 0))
            by_attribution[kind] = (hits + int(ok), n + 1)
    misses = [
        f"wrong speaker {quoted.speaker.iloc[i]!r} for {gold.speaker.iloc[j]!r}: "
        f"{gold.text.iloc[j][:60]!r}"
        for (i, j), ok in zip(pairs, right, strict=True)
        if not ok
    ]
    matched = {j for _, j in pairs}
    misses += [
        f"missed ({g.article_id}): {g.text[:60]!r}" for j, g in gold.iterrows() if j not in matched
    ]
    indirect_recall = None
    if gold_indirect is not None and len(gold_indirect):
        found = predicted[predicted.kind == "indirect"]
        hits = 0
        for g in gold_indirect.itertuples():
            same = found[(found.article_id == g.article_id) & (found.sentence_id == g.sentence_id)]
            if any(agrees(said, g.speaker) for said in same.speaker):
                hits += 1
            else:
                misses.append(f"indirect missed ({g.article_id} s{g.sentence_id}): {g.speaker}")
        indirect_recall = hits / len(gold_indirect)
    return Scores(
        precision,
        recall,
        f1,
        sum(right) / len(right) if right else 0.0,
        indirect_recall,
        len(gold),
        len(quoted),
        misses,
        speaker_precision=sum(given) / len(given) if given else 1.0,
        n_with_speaker=len(given),
        by_attribution=by_attribution,
    )


def speaker_aliases(tables: Any) -> dict[str, set[str]]:
    """Returns every name an entity goes by (its aliases and mention texts), by canonical name:
    a gold speaker written in full matches a predicted entity by any of them."""
    names: dict[str, set[str]] = {}
    for name, aliases in zip(tables.entities.name, tables.entities.aliases, strict=True):
        names.setdefault(str(name), set()).update(str(a) for a in list(aliases))
    by_id = dict(zip(tables.entities.entity_id, tables.entities.name, strict=True))
    for entity_id, text in zip(tables.mentions.entity_id, tables.mentions.text, strict=True):
        names.setdefault(str(by_id[entity_id]), set()).add(str(text))
    return names


def textacy_quotes(tables: Any) -> pd.DataFrame:
    """Runs textacy's `direct_quotations` on every article, as a baseline.

    textacy raises on an odd number of quote marks; then it is run paragraph by paragraph, and a
    paragraph it still cannot read is skipped.

    Args:
        tables: The built tables (their parsed docs).

    Returns:
        Quotes found by textacy: article_id, text (without marks), speaker (the speaker words
        mapped to an entity name when they overlap a mention, else the words).
    """
    from textacy.extract.triples import direct_quotations

    rows = []
    names = dict(zip(tables.entities.entity_id, tables.entities.name, strict=True))
    for article_id, doc in tables.docs.items():
        mentions = tables.mentions[tables.mentions.article_id == article_id]
        try:
            found = list(direct_quotations(doc))
        except ValueError:
            found = []
            for p in tables.paragraphs[tables.paragraphs.article_id == article_id].itertuples():
                span = doc.char_span(p.start, p.end, alignment_mode="expand")
                try:
                    found += list(direct_quotations(span.as_doc()))
                except ValueError:
                    continue
        for q in found:
            text = " ".join(t.text for t in q.content).strip("“”\"' ")
            speaker_words = " ".join(t.text for t in q.speaker)
            hit = mentions[mentions.text.apply(lambda m, s=speaker_words: m in s or s in m)]
            speaker = names[hit.entity_id.iloc[0]] if len(hit) else speaker_words
            rows.append({"article_id": article_id, "text": text, "speaker": speaker})
    return pd.DataFrame(rows, columns=["article_id", "text", "speaker"])


def load_statement_pairs(
    path: str | Path, sentences: pd.DataFrame
) -> set[frozenset[tuple[str, int]]]:
    """Reads the hand-made statements fixture as the set of sentence pairs that say the same thing.

    Raises:
        ValueError: A sentence start is not found exactly once in its article.
    """
    import itertools

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    pairs: set[frozenset[tuple[str, int]]] = set()
    for group in data:
        keys = []
        for article_id, start in group.items():
            mine = sentences[
                (sentences.article_id == article_id) & sentences.text.str.startswith(start)
            ]
            if len(mine) != 1:
                raise ValueError(f"{article_id}: sentence {start!r} found {len(mine)}×")
            keys.append((str(article_id), int(mine.sentence_id.iloc[0])))
        pairs |= {frozenset(p) for p in itertools.combinations(keys, 2)}
    return pairs


def score_pairs(
    predicted: set[frozenset[tuple[str, int]]], gold: set[frozenset[tuple[str, int]]]
) -> tuple[float, float]:
    """Returns the pairwise precision and recall of predicted sentence pairs."""
    hits = len(predicted & gold)
    return (hits / len(predicted) if predicted else 0.0, hits / len(gold) if gold else 0.0)


def link_pairs(links: pd.DataFrame) -> set[frozenset[tuple[str, int]]]:
    """Returns the sentence pairs of the `links` table."""
    return {frozenset(pair) for pair in link_keys(links)}


def statement_pairs(statements: pd.DataFrame) -> set[frozenset[tuple[str, int]]]:
    """Returns every pair of sentences grouped in one statement."""
    import itertools

    pairs: set[frozenset[tuple[str, int]]] = set()
    for _, group in statements.groupby("statement_id"):
        keys = [(str(a), int(s)) for a, s in zip(group.article_id, group.sentence_id, strict=True)]
        pairs |= {frozenset(p) for p in itertools.combinations(keys, 2)}
    return pairs


@dataclass
class EventScores:
    """Event scores against `tests/fixtures/events_gold.yml` (see `events_guide.md`)."""

    precision: float
    recall: float
    n_gold: int
    n_predicted: int
    conflicts: dict[str, bool]
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Returns the scores as printable lines."""
        out = [
            f"events: outlet-stated dates (right actor and day) precision {self.precision:.3f}, "
            f"recall {self.recall:.3f} ({self.n_predicted} predicted, {self.n_gold} gold)"
        ]
        out += [
            f"  conflict {name}: {'flagged' if ok else 'NOT flagged'}"
            for name, ok in self.conflicts.items()
        ]
        return out


def load_event_gold(path: str | Path, sentences: pd.DataFrame) -> tuple[pd.DataFrame, list[Any]]:
    """Reads the hand-annotated events and known conflicts.

    Returns:
        Gold events (article_id, sentence_id, actor, date, date_end, what) and the conflicts
        (dicts with actor, what and dates: article_id → ISO day).

    Raises:
        ValueError: A sentence start is not found exactly once in its article.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    rows = []
    for article_id, items in data["events"].items():
        mine = sentences[sentences.article_id == article_id]
        for item in items:
            hits = mine[mine.text.str.startswith(item["sentence"])]
            if len(hits) != 1:
                raise ValueError(f"{article_id}: sentence {item['sentence']!r} found {len(hits)}×")
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": int(hits.sentence_id.iloc[0]),
                    "actor": item["actor"],
                    "date": pd.Timestamp(item["date"]),
                    "date_end": pd.Timestamp(item.get("date_end") or item["date"]),
                    "what": item["what"],
                }
            )
    return pd.DataFrame(rows), list(data.get("conflicts") or [])


def score_events(
    events: pd.DataFrame, happenings: pd.DataFrame, gold: pd.DataFrame, conflicts: list[Any]
) -> EventScores:
    """Scores the stated dates of `events` and the conflicts of `happenings` against the gold.

    Returns:
        Precision and recall of (article, actor, day or span) one to one, whether each known
        conflict is flagged, and the misses and false events.
    """
    stated = events[events.resolution.isin(["explicit", "relative"]) & events.date.notna()]
    free = list(range(len(gold)))
    misses, hits = [], 0
    predicted: list[Any] = list(stated.itertuples())
    for e in predicted:
        end = e.date_end if pd.notna(e.date_end) else e.date
        match = next(
            (
                j
                for j in free
                if gold.article_id.iloc[j] == e.article_id
                and gold.actor.iloc[j] == e.actor
                and gold.date.iloc[j] == e.date
                and gold.date_end.iloc[j] == end
            ),
            None,
        )
        if match is None:
            misses.append(f"false ({e.article_id} s{e.sentence_id}): {e.actor} {e.date_text!r}")
        else:
            free.remove(match)
            hits += 1
    misses += [
        f"missed ({gold.article_id.iloc[j]} s{gold.sentence_id.iloc[j]}): "
        f"{gold.actor.iloc[j]} {gold.what.iloc[j]}"
        for j in free
    ]
    from ..timeline import read_dates

    flagged = {}
    told: list[Any] = list(happenings.itertuples())
    for c in conflicts:
        want = {str(a): str(d) for a, d in c["dates"].items()}
        flagged[f"{c['actor']}: {c['what']}"] = any(
            bool(h.conflict)
            and h.actor == c["actor"]
            and all(read_dates(h.dates_by_article).get(a) == d for a, d in want.items())
            for h in told
        )
    return EventScores(
        hits / len(stated) if len(stated) else 0.0,
        hits / len(gold) if len(gold) else 0.0,
        len(gold),
        len(stated),
        flagged,
        misses,
    )
