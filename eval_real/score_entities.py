"""Read the top entities and a sample of speakers of a multi-outlet ABP corpus (off CI).

Builds a corpus of a few hundred `ramybaly/Article-Bias-Prediction` articles of one period and
several outlets (`abp.py`), then prints:

- the top 100 entities by mentions (name, label, mentions, articles, number of spellings), each
  flagged when it looks like **a person merged with an organisation or place**: a non-PERSON
  entity one of whose spellings is a personal title's name (`Mr. X`, `Sen. X`, `X said` counts
  not) or is the surname of a PERSON entity, or a PERSON entity one of whose spellings has
  organisation vocabulary or is a place's name;
- a random sample of quotes that have a speaker (`--sample`, default 40), with the sentence
  around each, to judge by hand whether the speaker shown is the right person; and of quotes
  without one, to judge whether the text names a speaker;
- with `--all-sample N`, a random sample of N quotes drawn among **all** direct and partial
  quotes, with or without a speaker (its own draw from `--seed`: the samples above stay the
  same), to measure the share of all quotes whose speaker is right or rightly none.

With `--judged FILE…` it also scores the speakers of hand-judged quotes, kept as ids and offsets
only (`data/abp_<period>_speakers.csv`: article_id, quote_start, quote_end, and
speaker_start/speaker_end, the body offsets of a name of the person who really speaks — empty
when the text names no one —, and the hand judgement of the speaker shown when the sample was
drawn: right, wrong, or undecidable from the text, left out; for a quote drawn without a
speaker, right when the text names no one for it and missing when it does). The speaker shown
now is **right** when its name and the judged name are the same person's (same folded name, or
the same surname — alike spellings too — with the same or a variant first name, or a bare
surname: right but incomplete), **wrong** otherwise; a quote now without a speaker counts apart,
as rightly none when the judged name is empty. It prints the right person where named and the
share of all judged quotes that are right or rightly none (`abp_<period>_allquotes.csv`, drawn
with `--all-sample`). Nothing is written into the repository; the figures go into
docs/entities.md and docs/quotes.md by hand. Without `ABP_DIR` it prints a message and exits 0.

    ABP_DIR=/work/data/abp python eval_real/score_entities.py --out /tmp/abp-2020 \
        --start 2020-04-01 --end 2020-05-31 --limit 300
    ABP_DIR=/work/data/abp python eval_real/score_entities.py --out /tmp/abp-2020-02 \
        --start 2020-02-01 --end 2020-03-10 --judged eval_real/data/abp_2020-02_speakers.csv
    ABP_DIR=/work/data/abp python eval_real/score_entities.py --out /tmp/abp-2014-09 \
        --start 2014-09-01 --end 2014-10-31 --limit 250 --sample 60 --all-sample 60 \
        --sources "CNN (Web News)" "NPR Online News" "Washington Times" \
        --judged eval_real/data/abp_2014-09_*.csv
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from abp import find_abp_dir, read_abp, write_corpus  # noqa: E402

#: Outlets of the default corpus: several, of different leanings, all frequent in 2020.
OUTLETS = (
    "The Hill",
    "USA TODAY",
    "Associated Press",
    "Washington Post",
    "National Review",
    "Vox",
)
#: A title right before a name makes it a person's.
TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Secretary|Speaker)\.?\s+$"
)
#: Two spellings of one surname are at least this alike (`analysis.text.names.name_similarity`).
SAME_SURNAME = 0.88
#: Generational suffixes, set aside when names are compared.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
ORG_WORDS = re.compile(
    r"\b(?:Organization|Foundation|News|Times|Post|Office|Committee|Party|Department|Inc|Corp"
    r"|Company|Group|Council|Agency|University|Network|Journal|Administration|House)\b"
)


def flag_merges(tables: object) -> dict[str, str]:
    """Returns, by entity_id, why an entity looks like a person merged with an organisation or
    a place (see the module docstring)."""
    entities = tables.entities  # type: ignore[attr-defined]
    mentions = tables.mentions  # type: ignore[attr-defined]
    bodies = dict(zip(tables.articles.article_id, tables.articles.body, strict=True))  # type: ignore[attr-defined]
    surnames = {
        n.split()[-1]
        for n, label in zip(entities.name, entities.label, strict=True)
        if label == "PERSON" and len(n.split()) >= 2
    }
    places = set(entities[entities.label.isin(["GPE", "LOC"])].name)
    flags: dict[str, str] = {}
    for e in entities.itertuples():
        aliases = list(e.aliases)
        if e.label != "PERSON":
            person = [a for a in aliases if a in surnames and len(aliases) > 1]
            if person:
                flags[e.entity_id] = f"{e.label} holding a person's surname ({len(person)})"
                continue
            mine = mentions[mentions.entity_id == e.entity_id]
            titled = sum(
                bool(TITLE_BEFORE.search(bodies[m.article_id][max(0, m.start - 15) : m.start]))
                for m in mine.itertuples()
            )
            if titled and len(aliases) > 1:
                flags[e.entity_id] = f"{e.label} with {titled} titled mentions"
        else:
            odd = [a for a in aliases if ORG_WORDS.search(a) or a in places]
            if odd:
                flags[e.entity_id] = f"PERSON holding {len(odd)} organisation/place spellings"
    return flags


def same_person(shown: str, judged: str) -> tuple[bool, bool]:
    """Returns whether a speaker's name shown and a judged name are one person's (or one
    organisation's), and whether the shown one is a bare surname of a fuller judged name."""
    from analysis.entities.vocabulary import same_given_name
    from analysis.text.names import fold, name_similarity

    a, b = (
        [w for w in fold(re.sub("['’]", "", x)).removeprefix("the ").split() if w not in SUFFIXES]
        for x in (shown, judged)
    )
    if not a or not b or min(len(a[-1]), len(b[-1])) < 2:
        return False, False
    if a == b:
        return True, False
    if name_similarity(a[-1], b[-1]) < SAME_SURNAME:
        return False, False
    if len(a) == 1 or len(b) == 1:
        return True, len(a) < len(b)
    return a[0] == b[0] or same_given_name(a[0], b[0]), False


def score_judged(tables: object, path: Path) -> None:
    """Prints how many hand-judged quotes (`--judged`) show the right person now."""
    quotes = tables.quotes  # type: ignore[attr-defined]
    quotes = quotes[quotes.kind != "indirect"]
    bodies = dict(zip(tables.articles.article_id, tables.articles.body, strict=True))  # type: ignore[attr-defined]
    counts = {"right": 0, "bare surname": 0, "wrong": 0, "no speaker": 0, "rightly none": 0}
    judged_right = lost = 0
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    undecidable = [row for row in rows if row["judged"] == "undecidable"]
    rows = [row for row in rows if row["judged"] != "undecidable"]
    for row in rows:
        judged_right += row["judged"] == "right"
        start, end = int(row["quote_start"]), int(row["quote_end"])
        mine = quotes[quotes.article_id == row["article_id"]]
        overlap = mine.end.clip(upper=end) - mine.start.clip(lower=start)
        if mine.empty or overlap.max() <= 0:
            lost += 1
            print(f"  quote not found: {row['article_id']} {start}")
            continue
        shown = mine.loc[overlap.idxmax()].speaker
        body = bodies[row["article_id"]]
        name = (
            body[int(row["speaker_start"]) : int(row["speaker_end"])]
            if row["speaker_start"]
            else ""
        )
        if not isinstance(shown, str):
            counts["rightly none" if not name else "no speaker"] += 1
            continue
        same, bare = same_person(shown, name) if name else (False, False)
        counts["wrong" if not same else "bare surname" if bare else "right"] += 1
        if not same:
            print(f"  wrong: {row['article_id']} {start} (judged {row['judged']})")
    named = counts["right"] + counts["bare surname"] + counts["wrong"]
    found = len(rows) - lost
    right_or_none = counts["right"] + counts["bare surname"] + counts["rightly none"]
    print(
        f"judged quotes ({path.name}): {len(rows)} (and {len(undecidable)} undecidable),"
        f" right when judged: {judged_right};"
        f" now: {counts}, not found: {lost};"
        f" right person where named: {counts['right'] + counts['bare surname']} of {named};"
        f" right or rightly none: {right_or_none} of {found}"
    )


def main() -> int:
    """Builds the corpus and prints its top entities and a speaker sample; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="/tmp/abp-entities", help="corpus folder (outside)")
    parser.add_argument("--start", default="2020-04-01")
    parser.add_argument("--end", default="2020-05-31")
    parser.add_argument("--sources", nargs="*", default=list(OUTLETS))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=40, help="quotes to print for judging")
    parser.add_argument(
        "--all-sample",
        type=int,
        default=0,
        help="also print this many quotes drawn among all direct and partial quotes",
    )
    parser.add_argument("--cache", default=None, help="parse cache (default <out>/cache)")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument(
        "--judged", type=Path, nargs="+", default=[], help="hand-judged quotes (CSV files)"
    )
    args = parser.parse_args()
    if not os.environ.get("ABP_DIR"):
        print("ABP_DIR is not set: skipping the ABP entity reading")
        return 0
    import analysis

    articles = read_abp(find_abp_dir(), start=args.start, end=args.end, sources=args.sources)
    if len(articles) > args.limit:
        articles = sorted(
            random.Random(args.seed).sample(articles, args.limit), key=lambda a: a.article_id
        )
    out = Path(args.out)
    write_corpus(articles, out)
    tables = analysis.build(out, cache_dir=args.cache or out / "cache")
    outlets = sorted({a.outlet for a in articles})
    print(f"{len(articles)} articles, {len(outlets)} outlets, {args.start} to {args.end}")
    flags = flag_merges(tables)
    top = tables.entities.head(args.top)
    flagged = 0
    for rank, e in enumerate(top.itertuples(), 1):
        flag = flags.get(e.entity_id, "")
        flagged += bool(flag)
        print(
            f"{rank:3d} {e.name[:40]:40s} {e.label:8s} {e.n_mentions:5d} {e.n_articles:4d}"
            f" {len(e.aliases):3d} {'FLAG ' + flag if flag else ''}"
        )
    print(f"top {args.top}: {flagged} flagged as a person merged with an organisation or place")
    for path in args.judged:
        score_judged(tables, path)
    quotes = tables.quotes[tables.quotes.kind != "indirect"]
    named = int(quotes.speaker.notna().sum())
    print(f"quotes (direct and partial): {len(quotes)}, with a speaker: {named}")
    rng = random.Random(args.seed)
    bodies = dict(zip(tables.articles.article_id, tables.articles.body, strict=True))
    parts = (("named", quotes[quotes.speaker.notna()]), ("unnamed", quotes[quotes.speaker.isna()]))
    draws = [(label, part, args.sample, rng) for label, part in parts]
    draws.append(("all", quotes, args.all_sample, random.Random(args.seed)))
    for label, part, size, draw in draws:
        rows = list(part.itertuples())
        for q in draw.sample(rows, min(size, len(rows))):
            body = bodies[q.article_id]
            left = max(0, body.rfind("\n", 0, q.start))
            context = body[left : min(len(body), q.end + 200)].replace("\n", " ")
            print(
                f"\n[{label}] {q.article_id} {q.start}:{q.end} speaker={q.speaker!r}"
                f" mention={q.speaker_mention!r} how={q.attribution}\n  {context}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
