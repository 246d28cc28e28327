"""Count the grouping's errors on the labelled ABP corpora by cause (off CI; issue 22).

For each corpus of `score_stories.py` (built with the same cache), lists the found stories that
hold two true stories or more (merges) and the true stories cut into several found stories
(splits), and names what joined or split them, from the grouping's own evidence
(`analysis.stories.grouping`: the articles' vectors, pair threshold, window, shared passages and
syndicated copy). A merge is counted once per true story joined to the largest true story of its
found story (its *part*), with the links across true stories between the two:

- *shared passages or syndicated copy*: an article pair across carries passages (step 5) or
  syndicated copy (step 6);
- *no pair at the threshold*: no pair across reaches the pair threshold (joined by headline
  profiles, step 7, or through a third story's articles);
- *two articles, one pair*: one labelled article on each side and their pair;
- *one article hung by one pair*: one side is one article, and one pair across reaches the
  threshold;
- *one pair between two parts of 2+*;
- *same-day developments (2+ pairs)* and *developments 1+ days apart (2+ pairs)*: two pairs
  across or more reach the threshold; the parts' closest articles are published the same day,
  or a day or more apart.

A split is counted once per piece other than the largest: *in another story's group* (the piece
shares its found story with articles of other true stories), *two groups of 2+*, *outside the
window* (its closest article of the story reaches the threshold but is published more than
`WINDOW_DAYS` apart), *text unlike its story* (no pair with the rest reaches the threshold),
*pair at the threshold, join refused* (the guard, the join support, or the cuts of steps 4, 6b
and 8). Prints counts only, no text.

ABP_DIR=/work/data/abp python eval_real/story_errors.py --work /tmp/issue22/stories
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_stories import PERIODS, SPARSE3, SPARSE_SETS, make_corpus, read_labels  # noqa: E402


def count_errors(
    tables: dict[str, pd.DataFrame], labels: dict[str, str]
) -> tuple[Counter, Counter]:
    """Returns (merges, splits): cause → count, and for merges also ("links", cause) → the links
    across true stories between the parts."""
    from analysis.stories import grouping as g
    from analysis.stories.features import ArticleText, count_features, vectorize_features

    articles, mentions, links = tables["articles"], tables["mentions"], tables["links"]
    ids = [str(a) for a in articles.article_id]
    published = pd.to_datetime(articles.published, errors="coerce").tolist()
    texts = [
        ArticleText(a, str(o), t if isinstance(t, str) else "", str(b), None if pd.isna(p) else p)
        for a, o, t, b, p in zip(
            ids, articles.outlet, articles.title, articles.body, published, strict=True
        )
    ]
    where: dict[str, list[tuple[int, str]]] = {}
    for a, start, entity in zip(
        mentions.article_id, mentions.start, mentions.entity_id, strict=True
    ):
        if isinstance(entity, str):
            where.setdefault(str(a), []).append((int(start), entity))
    counts = count_features(texts, where)
    vectors, _, _ = vectorize_features(counts, [t.outlet for t in texts])
    days = np.array(
        [
            np.nan if p is None or pd.isna(p) else (p - pd.Timestamp("1970-01-01")).days
            for p in published
        ],
        dtype=float,
    )
    passages = g.find_passages(texts)
    evidence = set(g.find_passage_pairs(texts, days, passages))
    evidence |= set(g.find_syndicated_pairs(texts, days, passages, counts))
    row = {a: k for k, a in enumerate(ids)}
    found = dict(zip(ids, articles.story_id, strict=True))
    both = links[links.article_a.isin(labels) & links.article_b.isin(labels)]
    across = both[both.article_a.map(labels) != both.article_b.map(labels)]

    def cosine(x: str, y: str) -> float:
        return float(vectors[row[x]].multiply(vectors[row[y]]).sum())

    def gap(xs: list[str], ys: list[str]) -> float:
        return float(min(abs(days[row[x]] - days[row[y]]) for x in xs for y in ys))

    merges: Counter = Counter()
    splits: Counter = Counter()
    by_found: dict[int, list[str]] = defaultdict(list)
    by_true: dict[str, list[str]] = defaultdict(list)
    for a in ids:
        if a in labels:
            by_found[found[a]].append(a)
            by_true[labels[a]].append(a)
    for members in by_found.values():
        stories: dict[str, list[str]] = defaultdict(list)
        for a in members:
            stories[labels[a]].append(a)
        if len(stories) < 2:
            continue
        parts = sorted(stories.values(), key=len, reverse=True)
        main = parts[0]
        for part in parts[1:]:
            close = [(x, y) for x in part for y in main if cosine(x, y) >= g.PAIR_THRESHOLD]
            if any(tuple(sorted((row[x], row[y]))) in evidence for x in part for y in main):
                cause = "shared passages or syndicated copy"
            elif not close:
                cause = "no pair at the threshold"
            elif len(close) == 1 and len(part) == len(main) == 1:
                cause = "two articles, one pair"
            elif len(close) == 1 and min(len(part), len(main)) == 1:
                cause = "one article hung by one pair"
            elif len(close) == 1:
                cause = "one pair between two parts of 2+"
            elif gap(part, main) < 1:
                cause = "same-day developments (2+ pairs)"
            else:
                cause = "developments 1+ days apart (2+ pairs)"
            merges[cause] += 1
            between = (across.article_a.isin(part) & across.article_b.isin(main)) | (
                across.article_b.isin(part) & across.article_a.isin(main)
            )
            merges[("links", cause)] += int(between.sum())
    for story, members in by_true.items():
        pieces: dict[int, list[str]] = defaultdict(list)
        for a in members:
            pieces[found[a]].append(a)
        if len(pieces) < 2:
            continue
        largest = max(pieces.values(), key=len)
        for piece in pieces.values():
            if piece is largest:
                continue
            best = max(cosine(x, y) for x in piece for y in largest)
            if any(labels[z] != story for z in by_found[found[piece[0]]]):
                cause = "in another story's group"
            elif len(piece) >= 2 and len(largest) >= 2:
                cause = "two groups of 2+"
            elif best >= g.PAIR_THRESHOLD and gap(piece, largest) > g.WINDOW_DAYS:
                cause = "outside the window"
            elif best < g.PAIR_THRESHOLD:
                cause = "text unlike its story"
            else:
                cause = "pair at the threshold, join refused"
            splits[cause] += 1
    return merges, splits


def main() -> None:
    """Builds each corpus and prints its merges and splits by cause (module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", default="/tmp/coverage-lens-eval/stories", help="work folder")
    parser.add_argument("--cache", default=None, help="build cache (default: <work>/cache)")
    development = [*PERIODS, *(s for s in SPARSE_SETS if s != SPARSE3)]
    parser.add_argument(
        "--periods",
        nargs="*",
        default=development,
        choices=[*PERIODS, *SPARSE_SETS],
        help="labelled corpora (default: all but the held-out sparse3)",
    )
    args = parser.parse_args()
    if not os.environ.get("ABP_DIR"):
        print("ABP_DIR is not set: skipped (eval_real/README.md)")
        return
    from analysis.pipeline import build

    work = Path(args.work)
    merges: Counter = Counter()
    splits: Counter = Counter()
    for period in args.periods:
        corpus = make_corpus(work, period)
        tables = dict(build(corpus, cache_dir=args.cache or work / "cache").items())
        mine, theirs = count_errors(tables, read_labels(period))
        print(f"== ABP {period}")
        _print(mine, theirs)
        merges.update(mine)
        splits.update(theirs)
    print("== all")
    _print(merges, splits)


def _print(merges: Counter, splits: Counter) -> None:
    for cause, n in sorted((c, n) for c, n in merges.items() if isinstance(c, str)):
        print(f"merge: {cause}: {n} ({merges[('links', cause)]} links across true stories)")
    for cause, n in sorted(splits.items()):
        print(f"split: {cause}: {n}")


if __name__ == "__main__":
    main()
