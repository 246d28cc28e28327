"""Happenings at scale: `group_happenings` on synthetic events (no all-pairs comparison).

Builds an `events` and a `links` table for N articles (20 events each: 200 actors, dates over a
year, a quarter of them undated statements; 5 links per article) and times the grouping for N and
4N articles. Target: under 2 s for 2,000 articles (40,000 events) on the 2-core machine, and
roughly linear growth (4× the articles in under 6× the time). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import random
import time

import pandas as pd

from analysis.pipeline import conformance
from analysis.pipeline.schema import TABLES
from analysis.timeline import group_happenings

TARGET_S = 2.0
GROWTH = 6.0
#: An events row with every declared column missing: a column added later needs no change here.
EMPTY_EVENT = dict.fromkeys(TABLES["events"].column_names)


def make_tables(n_articles: int, *, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Returns synthetic (events, links) tables of `n_articles` articles."""
    rng = random.Random(seed)
    start = pd.Timestamp("2022-01-01")
    events, links = [], []
    for a in range(n_articles):
        for e in range(20):
            undated = rng.random() < 0.25
            actor = f"actor-{rng.randrange(200)}"
            events.append(
                {
                    **EMPTY_EVENT,  # every declared column; those below filled in
                    "article_id": f"a{a}",
                    "event_id": e,
                    "sentence_id": e,
                    "actor": actor,
                    "actor_entity_id": actor,
                    "action": rng.choice(["say", "tweet", "resign", "publish", "meet"]),
                    "date": start + pd.Timedelta(days=rng.randrange(365)),
                    "date_end": pd.NaT,
                    "date_text": None if undated else "Friday",
                    "precision": "day",
                    "resolution": "publication" if undated else "relative",
                    "direction": None if undated else "nearest",
                    "in_quote": False,
                    "text": "A sentence.",
                }
            )
        for _ in range(5):
            b = rng.randrange(n_articles)
            links.append(
                {
                    "article_a": f"a{a}",
                    "sentence_a": rng.randrange(20),
                    "article_b": f"a{b}",
                    "sentence_b": rng.randrange(20),
                    "quote_a": None,
                    "quote_b": None,
                    "score": 0.9,
                    "kind": rng.choice(["verbatim", "paraphrase"]),
                    "shared_run": 8,
                }
            )
    return conformance.conform("events", pd.DataFrame(events)), conformance.conform(
        "links", pd.DataFrame(links)
    )


def time_grouping(n_articles: int) -> float:
    """Returns the seconds `group_happenings` takes on `n_articles` synthetic articles."""
    events, links = make_tables(n_articles)
    started = time.perf_counter()
    group_happenings(events, links=links)
    return time.perf_counter() - started


def main() -> int:
    """Runs the benchmark and prints its figures; returns 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    small = time_grouping(args.articles // 4)
    full = time_grouping(args.articles)
    print(f"group_happenings: {args.articles // 4} articles {small:.2f} s")
    print(f"group_happenings: {args.articles} articles ({20 * args.articles} events) {full:.2f} s")
    ok = full < TARGET_S and full < GROWTH * max(small, 1e-3)
    print(f"target (< {TARGET_S} s, 4x articles < {GROWTH}x time): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
