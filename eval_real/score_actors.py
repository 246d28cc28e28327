"""Actors of dated events on real text: Article-Bias-Prediction periods (off CI; issue 21).

`ABP_DIR` names an extracted `ramybaly/Article-Bias-Prediction`; unset, the script says so and
exits 0. It writes two corpora of one period each (all outlets, sampled with a fixed seed) under
`/tmp/score_actors/`, builds them (parse cache beside them) and, for every **dated** event (a date
phrase, not an undated statement), sorts the actor shown into:

- `missing` — no actor;
- `pronoun` — a bare pronoun (he, she, it, they, …) shown as the actor;
- `handle` — a social-media handle (`@…`) or an address;
- `dateline` — the article's dateline place (capital letters opening the body: "WASHINGTON —",
  "PARIS (Reuters) -"), whatever the case the actor is written in;
- `fragment` — words that are not a name or a noun phrase a journalist would print: they end on
  a possessive or an adjective, or hold a clause (a verb) or an unbalanced bracket/quote;
- `entity` — an entity of the `entities` table;
- `as_written` — a noun phrase kept as written ("the company", "officials").

Then it scores a fixed random sample of 60 dated events of the first period against hand
judgements in `data/abp_2019-06_actors.csv`: ids only — article, sentence, the event's rank among
the dated events of its sentence, a 10-hex digest of the actor judged (empty when none) and the
verdict: `right` (the right person or body, or a description of it), `wrong` (someone else, or not
an actor at all: a pronoun, a place, a fragment), `missing_ok` (no actor, and none can be named),
`missing_should` (no actor shown, though the text names who did it). An actor the file does not
hold a verdict for is listed as unjudged; `--show` prints those events (sentence and actor) on the
terminal to judge, never into a file. Figures in docs/timeline.md.

    ABP_DIR=/work/data/abp python eval_real/score_actors.py [--show]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from abp import find_abp_dir, read_abp, write_corpus  # noqa: E402

from analysis.text.datelines import find_datelines  # noqa: E402

#: (name, first day, last day, articles, seed): the first is judged, the second only counted.
PERIODS = (
    ("abp_2019-06", "2019-06-01", "2019-06-20", 200, 1),
    ("abp_2018-09", "2018-09-01", "2018-09-20", 150, 2),
)
JUDGED = Path(__file__).resolve().parent / "data" / "abp_2019-06_actors.csv"
#: Hand verdicts on actors that the issue-21 rules changed, other than a bare pronoun turned
#: missing (same columns): every one of the first period, a random 30 of the second.
CHANGES = {
    name: Path(__file__).resolve().parent / "data" / f"{name}_actor_changes.csv"
    for name in ("abp_2019-06", "abp_2018-09")
}
SAMPLE = 60
OUT = Path("/tmp/score_actors")
PRONOUNS = frozenset(
    "he she it they him her them we us i you his its their this that these those".split()
)
#: A dateline's place: its words before a comma, a bracket or a dash.
_PLACE = re.compile(r"^\s*([^,(—–]+?)\s*(?:,|\(|[-—–])")


def digest(actor: Any) -> str:
    """Returns a 10-hex digest of an actor's words ("" when there is none)."""
    if not isinstance(actor, str):
        return ""
    return hashlib.sha1(actor.encode("utf-8")).hexdigest()[:10]


def build_period(name: str, start: str, end: str, limit: int, seed: int, *, out: Path) -> Any:
    """Writes a period's corpus under `out` (once) and returns its built tables."""
    import analysis

    folder = out / name
    if not (folder / "articles.csv").exists():
        articles = read_abp(find_abp_dir(), start=start, end=end)
        if len(articles) > limit:
            articles = sorted(
                random.Random(seed).sample(articles, limit), key=lambda a: a.article_id
            )
        write_corpus(articles, folder)
    return analysis.build(folder, cache_dir=out / f"{name}-cache")


def dated_events(tables: Any) -> pd.DataFrame:
    """Returns the dated events (not undated statements), with `nth`: the event's rank among the
    dated events of its sentence."""
    events = tables.events
    dated = events[events.resolution.isin(["explicit", "relative"])].copy()
    dated = dated.sort_values(["article_id", "event_id"])
    dated["nth"] = dated.groupby(["article_id", "sentence_id"]).cumcount()
    return dated


def kind_of_actor(actor: Any, entity_id: Any, dateline: str | None) -> str:
    """Returns the kind of an actor shown (the module docstring's categories)."""
    if not isinstance(actor, str) or not actor.strip():
        return "missing"
    words = actor.split()
    if actor.lower() in PRONOUNS:
        return "pronoun"
    if "@" in actor or "http" in actor.lower() or "www." in actor.lower():
        return "handle"
    if dateline and actor.strip().lower() == dateline.lower():
        return "dateline"
    if isinstance(entity_id, str) and entity_id:
        return "entity"
    last = words[-1]
    if (
        last.endswith(("'s", "’s", "'", "’"))
        or last.lower() in PRONOUNS
        or actor.count("(") != actor.count(")")
        or actor.count('"') % 2
        or len(words) > 7
        or not any(w[:1].isalpha() for w in words)
    ):
        return "fragment"
    return "as_written"


def count_kinds(tables: Any) -> Counter[str]:
    """Returns how many dated events show each kind of actor."""
    bodies = dict(zip(tables.articles.article_id, tables.articles.body, strict=True))
    datelines = {}
    for aid, body in bodies.items():
        lines = [(s, e) for s, e in find_datelines(str(body)) if s == 0]
        found = _PLACE.match(str(body)[: lines[0][1]]) if lines else None
        datelines[aid] = found[1].strip() if found and not found[1].startswith("By ") else None
    kinds: Counter[str] = Counter()
    for row in dated_events(tables).itertuples():
        kinds[kind_of_actor(row.actor, row.actor_entity_id, datelines.get(row.article_id))] += 1
    return kinds


def read_judged(path: Path = JUDGED) -> dict[tuple[str, int, int, str], str]:
    """Returns the hand verdicts of a file by (article_id, sentence_id, nth, actor digest)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {
            (r["article_id"], int(r["sentence_id"]), int(r["nth"]), r["actor"]): r["verdict"]
            for r in csv.DictReader(handle)
        }


def score_sample(tables: Any, *, show: bool) -> Counter[str]:
    """Returns the verdicts of the sample's actors (`unjudged` for those the file lacks)."""
    dated = dated_events(tables)
    keys = sorted(zip(dated.article_id, dated.sentence_id, dated.nth, strict=True))
    sample = set(random.Random(21).sample(keys, min(SAMPLE, len(keys))))
    judged = read_judged()
    verdicts: Counter[str] = Counter()
    for row in dated.itertuples():
        key = (row.article_id, int(row.sentence_id), int(row.nth))
        if key not in sample:
            continue
        verdict = judged.get((*key, digest(row.actor)), "unjudged")
        verdicts[verdict] += 1
        if show and verdict == "unjudged":
            print(f"{row.article_id},{row.sentence_id},{row.nth},{digest(row.actor)}")
            print(f"   actor={row.actor!r} action={row.action} date={row.date_text!r}")
            print(f"   {row.text}")
    return verdicts


def score_changes(tables: Any, path: Path) -> Counter[str]:
    """Returns the verdicts of a file's judged changed actors as built now (`changed again` when
    the actor shown is no longer the one judged)."""
    judged = read_judged(path)
    keys = {k[:3] for k in judged}
    verdicts: Counter[str] = Counter()
    for row in dated_events(tables).itertuples():
        key = (row.article_id, int(row.sentence_id), int(row.nth))
        if key in keys:
            verdicts[judged.get((*key, digest(row.actor)), "changed again")] += 1
    return verdicts


def main() -> int:
    """Prints the kinds of actors of both periods and the sample's verdicts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print unjudged sample events")
    parser.add_argument("--out", default=str(OUT), help="where corpora and caches are written")
    args = parser.parse_args()
    if not os.environ.get("ABP_DIR"):
        print("ABP_DIR is not set: skipping the actors of ABP periods")
        return 0
    for n, period in enumerate(PERIODS):
        tables = build_period(*period, out=Path(args.out))
        kinds = count_kinds(tables)
        print(
            f"{period[0]}: {kinds.total()} dated events: "
            + ", ".join(
                f"{k} {kinds[k]}"
                for k in (
                    "entity",
                    "as_written",
                    "missing",
                    "pronoun",
                    "handle",
                    "dateline",
                    "fragment",
                )
            )
        )
        changes = score_changes(tables, CHANGES[period[0]])
        print(
            f"  changed actors judged ({changes.total()}): "
            + ", ".join(f"{k} {v}" for k, v in sorted(changes.items()))
        )
        if n == 0:
            verdicts = score_sample(tables, show=args.show)
            print(
                f"  sample of {verdicts.total()}: "
                + ", ".join(
                    f"{k} {verdicts[k]}"
                    for k in ("right", "wrong", "missing_ok", "missing_should", "unjudged")
                )
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
