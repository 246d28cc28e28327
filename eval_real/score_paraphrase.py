"""Score evidence rules for paraphrase links on hand-judged real pairs (off CI; issue 22).

A paraphrase link joins two sentences of different articles that share words but not a run of
them; on real articles most are not the same statement (docs/overlap.md). This script measures
whether evidence of the same *proposition*, read from the spaCy parse the build already holds,
tells the true ones apart:

- **content predicates**: the verbs of a sentence that are not light verbs (say, be, have,
  make …; `data/paraphrase_evidence.yml`), and nouns made from a verb of the story (announcement,
  resignation, arrest: the verb itself, or the verb plus a noun ending);
- **main predicates**: the sentence's root; through a speech or light root its clausal
  complement ("X said that Y *threatened* Z"); conjuncts of these; a deverbal noun that is their
  subject or object;
- **arguments** of a predicate: its subject, object, attribute, prepositional objects, and for a
  noun its possessor and prepositional objects — each as its entity (the `mentions` table) or
  else its head lemma; pronouns are no argument;
- **story-specific**: a predicate–argument pair that no other sentence of the story carries
  (`m0`), or at most one other (`m1`): what every article of the story repeats is no evidence;
- **numbers**: the same value with the same noun or unit (years left out);
- **quoted words**: 3+ content words inside direct quotes of both;
- **words rare within the story**: content words outside entity names that both sentences carry
  and at most a share of the story's articles carry, rarer than a wordfreq Zipf value.

Judged sets (ids, offsets, hashes and verdicts only; texts rehydrated from `ABP_DIR`):

- `2019-10`: `tests/fixtures/paraphrase_pairs.csv` (130 pairs of the 2019-10 corpus);
- `sparse`: `data/abp_sparse_paraphrase_pairs.csv` (60 pairs of the sparse corpus);
- `2018-11`: `data/abp_2018-11_paraphrase_pairs.csv` (60 pairs drawn at random, seed 22, among
  the build's 262 paraphrase links within true stories, judged before any rule ran on them: the
  fresh check set);
- `2019-04`: `data/abp_2019-04_paraphrase_pairs.csv` (45 pairs, of 816, the same way: a second
  fresh set);
- `2020-01`: `data/abp_2020-01_paraphrase_pairs.csv` (a blind check of three rules: every one of
  the build's 682 paraphrase links within true stories that "main in both", "main in both, at
  most one other sentence" or "main in one, no other sentence" keeps — 50 — and 50 others drawn
  at random, shuffled together and judged without knowing which was which; only those three
  rules' precision is meaningful on it);
- `2019-07`: `data/abp_2019-07_paraphrase_pairs.csv` (110 of the 816 paraphrase links the build
  makes on every ABP article of 2019-07-08 to 2019-07-21 less those of the sparse corpora — 175
  articles, `FRESH_PERIODS` —, drawn at random with seed 22, judged and committed before any
  classifier ran on them: the fresh set of the learned classifiers).

Rules were designed on the odd-numbered pairs of `2019-10` and `sparse` (the development half)
and checked on the even-numbered ones and on the fresh sets. Each figure is among the judged
pairs the build still links as `paraphrase`: kept / of which the same statement (precision;
true pairs kept of all true pairs). The rule chosen on the development half is marked
"(chosen)"; it did not reach 0.9 on the fresh sets, so the build ships none.

Then classifiers learned from the judged pairs (`paraphrase_features.py`: the text evidence
`find_links` has, plus the parse evidence above as counts): each judged set but the fresh one is
held out in turn, the classifier fitted on the others and its threshold chosen on *their*
held-out predictions (leave one corpus out inside them); then the classifier is fitted on all of
them, its threshold chosen on their held-out predictions, and applied to the fresh set. None
reaches 0.9 on held-out corpora, so the build ships none. Figures in docs/overlap.md.

    ABP_DIR=/work/data/abp python eval_real/score_paraphrase.py --work /tmp/i22p/stories
"""

from __future__ import annotations

import argparse
import collections
import math
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from abp import find_abp_dir, read_abp, write_corpus  # noqa: E402
from paraphrase_features import PARSE, measure_evidence, score_learned  # noqa: E402
from score_stories import (  # noqa: E402
    PAIRS,
    SPARSE_PAIRS,
    SPARSE_SETS,
    index_links,
    make_corpus,
    read_labels,
    read_pairs,
)

HERE = Path(__file__).resolve().parent
WORDS = yaml.safe_load((HERE / "data" / "paraphrase_evidence.yml").read_text(encoding="utf-8"))
LIGHT = frozenset(WORDS["light_verbs"])
SPEECH = frozenset(WORDS["speech_verbs"])
ENDINGS = tuple(WORDS["noun_endings"])
NUMBER_WORDS = {str(k): float(v) for k, v in WORDS["number_words"].items()}
#: corpus -> its judged pairs
SETS = {
    "2019-10": PAIRS,
    "sparse": SPARSE_PAIRS,
    "2018-11": HERE / "data" / "abp_2018-11_paraphrase_pairs.csv",
    "2019-04": HERE / "data" / "abp_2019-04_paraphrase_pairs.csv",
    "2020-01": HERE / "data" / "abp_2020-01_paraphrase_pairs.csv",
    "2019-07": HERE / "data" / "abp_2019-07_paraphrase_pairs.csv",
}
#: the fresh set of the learned classifier: never used to fit or to choose anything
FRESH = "2019-07"
#: fresh corpora: first and last day (every article of ABP_DIR published then, less those of the
#: sparse corpora of score_stories.py)
FRESH_PERIODS = {"2019-07": ("2019-07-08", "2019-07-21")}
ARGUMENT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "attr",
        "dative",
        "oprd",
        "poss",
        "compound",
        "npadvmod",
        "acomp",
    }
)
ArgKey = str


class Evidence(collections.namedtuple("Evidence", "main preds numbers quoted words")):
    """One sentence's predicates (key -> argument keys), main ones, numbers, quoted words and
    content words outside entity names."""


def noun_verbs(lemma: str, verbs: set[str]) -> set[str]:
    """Returns the verbs of `verbs` a noun lemma is made from ("resignation" -> {"resign"})."""
    out = {lemma} & verbs
    for ending in ENDINGS:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 3:
            stem = lemma[: -len(ending)]
            doubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
            out |= {stem, stem + "e", doubled, stem + "ate"} & verbs
    return out


def find_main(span: Any) -> set[int]:
    """Returns the token indexes of a sentence's main predicates (module docstring)."""
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    out: set[int] = set()
    todo = list(roots)
    while todo:
        token = todo.pop()
        if token.i in out:
            continue
        out.add(token.i)
        lemma = token.lemma_.lower()
        for child in token.children:
            joined = child.dep_ == "conj" and child.pos_ in ("VERB", "NOUN")
            said = child.dep_ in ("ccomp", "xcomp") and (lemma in SPEECH or lemma in LIGHT)
            if joined or said:
                todo.append(child)
            elif child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and child.pos_ == "NOUN":
                out.add(child.i)
    return out


def _argument(token: Any, entities: list[tuple[int, int, str]]) -> ArgKey | None:
    for start, end, entity in entities:
        if start <= token.idx < end:
            return "E:" + entity
    if token.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
        return token.lemma_.lower()
    return None


def _number(token: Any) -> float | None:
    text = token.text.lower().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return NUMBER_WORDS.get(text)


def read_sentence(
    doc: Any,
    start: int,
    end: int,
    entities: list[tuple[int, int, str]],
    quotes: list[tuple[int, int]],
    verbs: set[str],
) -> Evidence:
    """Returns the evidence of one sentence (body[start:end]) of a parsed article."""
    span = doc.char_span(start, end, alignment_mode="expand")
    main_ids = find_main(span)
    preds: dict[str, set[ArgKey]] = collections.defaultdict(set)
    main: dict[str, set[ArgKey]] = collections.defaultdict(set)
    numbers: set[tuple[float, str]] = set()
    quoted: set[str] = set()
    content: set[str] = set()
    for t in span:
        lemma = t.lemma_.lower()
        if (
            t.is_alpha
            and not t.is_stop
            and len(t) >= 3
            and not any(s <= t.idx < e for s, e, _ in entities)
        ):
            content.add(lemma)
        if t.is_alpha and not t.is_stop and len(t) >= 3 and any(s <= t.idx < e for s, e in quotes):
            quoted.add(lemma)
        keys: set[str] = set()
        if t.pos_ == "VERB" and lemma not in LIGHT and t.dep_ not in ("amod", "compound"):
            keys = {lemma}
        elif t.pos_ == "NOUN":
            keys = noun_verbs(lemma, verbs)
        if keys:
            args = _arguments(t, entities)
            for key in keys:
                preds[key] |= args
                if t.i in main_ids:
                    main[key] |= args
        if t.like_num and t.ent_type_ not in ("DATE", "TIME", "ORDINAL"):
            numbers |= _numbers(doc, t)
    return Evidence(dict(main), dict(preds), numbers, quoted, content)


def _arguments(t: Any, entities: list[tuple[int, int, str]]) -> set[ArgKey]:
    kids = list(t.children)
    if t.dep_ in ("conj", "xcomp") and not any(c.dep_.startswith("nsubj") for c in kids):
        kids += [c for c in t.head.children if c.dep_.startswith("nsubj")]
    if t.dep_ in ("relcl", "acl"):
        kids.append(t.head)
    args: set[ArgKey] = set()
    for c in kids:
        if t.pos_ == "NOUN" and c.dep_ in ("compound", "amod", "nummod"):
            continue
        found: Iterable[Any] = ()
        if c.dep_ in ARGUMENT_DEPS or c.i == t.head.i:
            found = [c]
        elif c.dep_ in ("prep", "agent"):
            found = [g for g in c.children if g.dep_ == "pobj"]
        args |= {k for g in found if (k := _argument(g, entities))}
    return args


def _numbers(doc: Any, t: Any) -> set[tuple[float, str]]:
    value = _number(t)
    if value is None:
        return set()
    head = t.head
    while head.like_num and head.head.i != head.i:
        head = head.head
    unit = head.lemma_.lower() if head.i != t.i else ""
    after = doc[t.i + 1].text.lower() if t.i + 1 < len(doc) else ""
    if NUMBER_WORDS.get(after, 0) >= 100:
        value *= NUMBER_WORDS[after]
    if t.i > 0 and doc[t.i - 1].text in ("$", "€", "£"):
        unit = "$"
    if after in ("%", "percent"):
        unit = "%"
    return {(value, unit)}


class Corpus:
    """A build's parse, mentions and quotes, each found story's verbs and how many of its
    sentences carry each predicate–argument pair."""

    def __init__(self, tables: Any) -> None:
        """Reads what `read_sentence` needs from a build (`analysis.build`'s `Tables`)."""
        self.tables = tables
        articles = tables.articles
        self.story = dict(zip(articles.article_id, articles.story_id, strict=True))
        self.body = dict(zip(articles.article_id, articles.body, strict=True))
        self.entities: dict[str, list[tuple[int, int, str]]] = collections.defaultdict(list)
        m = tables.mentions
        for a, s, e, ent in zip(m.article_id, m.start, m.end, m.entity_id, strict=True):
            self.entities[str(a)].append((int(s), int(e), str(ent)))
        self.quotes: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
        q = tables.quotes
        for a, s, e, kind in zip(q.article_id, q.start, q.end, q.kind, strict=True):
            if kind != "indirect":
                self.quotes[str(a)].append((int(s), int(e)))
        self.verbs: dict[int, set[str]] = collections.defaultdict(set)
        for a in articles.article_id:
            self.verbs[self.story[a]] |= {
                t.lemma_.lower() for t in tables.docs[a] if t.pos_ == "VERB"
            }
        self.carried: dict[int, collections.Counter[tuple[str, str]]] = collections.defaultdict(
            collections.Counter
        )
        #: each article's publication day, in days since 1970 (NaN: no date)
        days = pd.to_datetime(articles.published, errors="coerce") - pd.Timestamp("1970-01-01")
        self.published: dict[str, float] = dict(
            zip(map(str, articles.article_id), (days.dt.days).to_numpy(float), strict=True)
        )
        #: per story: its articles, and how many of them carry each content word
        self.articles: collections.Counter[int] = collections.Counter(self.story.values())
        self.word_articles: dict[int, collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        mine: dict[str, set[str]] = collections.defaultdict(set)
        s = tables.sentences
        for a, start, end in zip(s.article_id, s.start, s.end, strict=True):
            found = self.read(str(a), int(start), int(end))
            self.carried[self.story[a]].update(
                {(k, x) for k, xs in found.preds.items() for x in xs}
            )
            mine[str(a)] |= found.words
        for a, found_words in mine.items():
            self.word_articles[self.story[a]].update(found_words)

    def read(self, article: str, start: int, end: int) -> Evidence:
        """Returns `read_sentence` for body[start:end] of an article."""
        return read_sentence(
            self.tables.docs[article],
            start,
            end,
            self.entities[article],
            self.quotes[article],
            self.verbs[self.story[article]],
        )


def shared_propositions(
    a: Evidence, b: Evidence, *, mode: str, others: int | None, carried: collections.Counter[Any]
) -> list[tuple[str, str]]:
    """Returns the predicate–argument pairs both sentences carry.

    `mode`: `both` (the predicate is main in both), `one` (main in one) or `any`; `others`: at
    most this many other sentences of the story carry the pair (None: any number).
    """
    if mode == "both":
        keys = set(a.main) & set(b.main)
    elif mode == "one":
        keys = (set(a.main) & set(b.preds)) | (set(a.preds) & set(b.main))
    else:
        keys = set(a.preds) & set(b.preds)
    return [
        (k, x)
        for k in keys
        for x in a.preds[k] & b.preds[k]
        if others is None or carried[(k, x)] - 2 <= others
    ]


def shared_numbers(a: Evidence, b: Evidence) -> set[tuple[float, str]]:
    """Returns the (value, unit) pairs both sentences state, years and bare numbers left out."""
    return {(v, u) for v, u in a.numbers & b.numbers if u and not 1900 <= v <= 2100}


Pair = dict[str, Any]


def _props(mode: str, others: int | None) -> Callable[[Pair], bool]:
    return lambda p: bool(
        shared_propositions(p["a"], p["b"], mode=mode, others=others, carried=p["carried"])
    )


def specific_words(p: Pair, *, share: float, zipf: float) -> set[str]:
    """Returns the content words both sentences carry (outside entity names) that at most
    `share` of the story's articles carry and that are rarer than `zipf` in general English
    (wordfreq)."""
    from wordfreq import zipf_frequency

    most = share * p["articles"]
    return {
        w
        for w in p["a"].words & p["b"].words
        if p["word_articles"][w] <= most and zipf_frequency(w, "en") < zipf
    }


def _words(n: int, share: float, zipf: float) -> Callable[[Pair], bool]:
    return lambda p: len(specific_words(p, share=share, zipf=zipf)) >= n


VARIANTS: dict[str, Callable[[Pair], bool]] = {
    "none (the paraphrase links as built)": lambda p: True,
    "same predicate and argument, anywhere": _props("any", None),
    "  … main predicate in one sentence": _props("one", None),
    "  … main predicate in both": _props("both", None),
    "  … main in one, no other sentence of the story (chosen)": _props("one", 0),
    "  … main in one, at most one other sentence": _props("one", 1),
    "  … anywhere, no other sentence of the story": _props("any", 0),
    "  … anywhere, at most one other sentence": _props("any", 1),
    "  … main in both, at most one other sentence": _props("both", 1),
    "  … anywhere, the argument an entity": lambda p: any(
        x.startswith("E:")
        for _, x in shared_propositions(
            p["a"], p["b"], mode="any", others=None, carried=collections.Counter()
        )
    ),
    "  … anywhere, 2+ shared arguments of one predicate": lambda p: (
        max(
            collections.Counter(
                k
                for k, _ in shared_propositions(
                    p["a"], p["b"], mode="any", others=None, carried=collections.Counter()
                )
            ).values(),
            default=0,
        )
        >= 2
    ),
    "same number and unit": lambda p: bool(shared_numbers(p["a"], p["b"])),
    "3+ shared quoted words": lambda p: len(p["a"].quoted & p["b"].quoted) >= 3,
    "main in one, at most one other, or same number": lambda p: (
        _props("one", 1)(p) or bool(shared_numbers(p["a"], p["b"]))
    ),
    "2+ shared words in at most half the story's articles": _words(2, 0.5, 9.0),
    "3+ of them": _words(3, 0.5, 9.0),
    "2+ in at most half, rarer than zipf 5": _words(2, 0.5, 5.0),
    "3+ in at most half, rarer than zipf 5": _words(3, 0.5, 5.0),
    "2+ in at most a third, rarer than zipf 4.5": _words(2, 0.34, 4.5),
    "anywhere, no other sentence, and score >= 0.25": lambda p: (
        _props("any", 0)(p) and p["score"] >= 0.25
    ),
}


def read_judged(corpus: Corpus, pairs: pd.DataFrame) -> list[Pair]:
    """Returns each judged pair the build still links as `paraphrase`, with both sentences'
    evidence, its half (odd / even pair number), score and judgement."""
    linked = {
        key: score
        for key, (kind, score) in index_links(dict(corpus.tables.items())).items()
        if kind == "paraphrase"
    }
    out = []
    for row in pairs.to_dict("records"):
        a, b = str(row["article_a"]), str(row["article_b"])
        sa, ea, sb, eb = (int(row[c]) for c in ("start_a", "end_a", "start_b", "end_b"))
        key = (a, sa, ea, b, sb, eb)
        if key not in linked:
            continue
        story = corpus.story[a]
        out.append(
            {
                "pair": int(row["pair"]),
                "same": row["judgement"] == "same",
                "score": linked[key],
                "a": corpus.read(a, sa, ea),
                "b": corpus.read(b, sb, eb),
                "carried": corpus.carried[story],
                "word_articles": corpus.word_articles[story],
                "articles": corpus.articles[story],
            }
        )
    return out


def score(pairs: list[Pair], rule: Callable[[Pair], bool]) -> str:
    """Returns "kept / right (precision; true kept / true)" for a rule on some pairs."""
    kept = [p for p in pairs if rule(p)]
    right = sum(p["same"] for p in kept)
    true = sum(p["same"] for p in pairs)
    precision = f"{right / len(kept):.2f}" if kept else "–"
    return f"{len(kept)} / {right} ({precision}; {right} of {true} true)"


def make_fresh_corpus(work: Path, period: str) -> Path:
    """Writes a fresh corpus (`FRESH_PERIODS`) under `work`; returns its folder."""
    folder = work / f"corpus-{period}"
    if (folder / "articles.csv").exists():
        return folder
    start, end = FRESH_PERIODS[period]
    used = {a for name in SPARSE_SETS for a in read_labels(name)}
    articles = [
        a for a in read_abp(find_abp_dir(), start=start, end=end) if a.article_id not in used
    ]
    return write_corpus(articles, folder)


def parse_evidence(corpus: Corpus, pair: Pair, row: dict[str, Any]) -> dict[str, float]:
    """Returns the parse evidence of one judged pair (the rules above, as counts), the entities
    both sentences mention and the days between the two articles."""
    a, b = pair["a"], pair["b"]

    def shared(mode: str, others: int | None) -> float:
        found = shared_propositions(a, b, mode=mode, others=others, carried=pair["carried"])
        return float(len(found))

    def entities(article: str, start: int, end: int) -> set[str]:
        return {e for s, _, e in corpus.entities[article] if start <= s < end}

    ea = entities(str(row["article_a"]), int(row["start_a"]), int(row["end_a"]))
    eb = entities(str(row["article_b"]), int(row["start_b"]), int(row["end_b"]))
    published = corpus.published
    apart = abs(published[str(row["article_a"])] - published[str(row["article_b"])])
    return {
        "props_any": shared("any", None),
        "props_one": shared("one", None),
        "props_both": shared("both", None),
        "props_one_m0": shared("one", 0),
        "props_any_m1": shared("any", 1),
        "props_both_m1": shared("both", 1),
        "unit_numbers": float(len(shared_numbers(a, b))),
        "quoted_words": float(len(a.quoted & b.quoted)),
        "lemma_shared": float(len(a.words & b.words)),
        "lemma_jaccard": len(a.words & b.words) / max(len(a.words | b.words), 1),
        "specific_half": float(len(specific_words(pair, share=0.5, zipf=9.0))),
        "entities_shared": float(len(ea & eb)),
        "entities_jaccard": len(ea & eb) / max(len(ea | eb), 1),
        "days_apart": 0.0 if math.isnan(apart) else float(apart),
    }


def collect_evidence(corpus: Corpus, pairs: list[Pair], judged: pd.DataFrame) -> pd.DataFrame:
    """Returns one row per judged pair the build links as paraphrase: its set-independent pair
    number, judgement, the text evidence (`measure_evidence`) and the parse evidence."""
    tables = corpus.tables
    s = tables.sentences
    sentence = {
        (str(a), int(b), int(e)): int(i)
        for a, i, b, e in zip(s.article_id, s.sentence_id, s.start, s.end, strict=True)
    }
    links = tables.links
    row_of: dict[tuple[str, int, str, int], int] = {}
    for k, (a, sa, b, sb) in enumerate(
        zip(links.article_a, links.sentence_a, links.article_b, links.sentence_b, strict=True)
    ):
        row_of[(str(a), int(sa), str(b), int(sb))] = row_of[(str(b), int(sb), str(a), int(sa))] = k
    rows = judged.set_index("pair").to_dict("index")
    found, parse = [], []
    for pair in pairs:
        row = rows[pair["pair"]]
        a, b = str(row["article_a"]), str(row["article_b"])
        ka = sentence[(a, int(row["start_a"]), int(row["end_a"]))]
        kb = sentence[(b, int(row["start_b"]), int(row["end_b"]))]
        found.append(row_of[(a, ka, b, kb)])
        parse.append(parse_evidence(corpus, pair, {str(k): v for k, v in row.items()}))
    text = measure_evidence(
        links.iloc[found],
        s,
        tables.quotes,
        stories=dict(zip(tables.articles.article_id, tables.articles.story_id, strict=True)),
    )
    out = pd.concat([text, pd.DataFrame(parse, columns=list(PARSE))], axis=1)
    out.insert(0, "same", [p["same"] for p in pairs])
    out.insert(0, "pair", [p["pair"] for p in pairs])
    return out


def main() -> None:
    """Builds each judged corpus; prints every rule's figures per half, then the learned
    classifiers' figures per held-out set and on the fresh set."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", default="/tmp/coverage-lens-eval/stories", help="work folder")
    parser.add_argument("--cache", default=None, help="build cache (default: <work>/cache)")
    args = parser.parse_args()
    if not os.environ.get("ABP_DIR"):
        print("ABP_DIR is not set: paraphrase evidence scores skipped (eval_real/README.md)")
        return
    from analysis.pipeline import build

    work = Path(args.work)
    evidence: dict[str, pd.DataFrame] = {}
    for name, path in SETS.items():
        if not path.exists():
            continue
        folder = make_fresh_corpus(work, name) if name in FRESH_PERIODS else make_corpus(work, name)
        corpus = Corpus(build(folder, cache_dir=args.cache or work / "cache"))
        judged = read_pairs(path)
        pairs = read_judged(corpus, judged)
        evidence[name] = collect_evidence(corpus, pairs, judged)
        halves = {
            "odd (development)": [p for p in pairs if p["pair"] % 2],
            "even (check)": [p for p in pairs if not p["pair"] % 2],
        }
        if name not in ("2019-10", "sparse"):
            halves = {"all (fresh check)": pairs}
        print(f"== {name}: {len(pairs)} judged pairs linked as paraphrase")
        for variant, rule in VARIANTS.items():
            figures = "   ".join(f"{h}: {score(ps, rule)}" for h, ps in halves.items())
            print(f"{variant:58s} {figures}")
    score_learned(evidence, fresh_set=FRESH)


if __name__ == "__main__":
    main()
