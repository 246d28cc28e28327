"""Score the framing measures on real articles of several outlets (off CI; see README.md).

Reads `ramybaly/Article-Bias-Prediction` from `$ABP_DIR` (prints a message and exits 0 when it
is unset), writes a corpus of several outlets over one period to `/tmp/issue24/` (never inside
the repository), builds it with its own cache and prints:

1. **Distinctive terms.** Each outlet's top 25 distinctive terms against the other outlets
   (`rank_outlet_terms`), and how many of them are the outlet's own names, honorifics or
   abbreviations — judged here by rules of this script, independent of the package's: a term
   with a word of the outlet's manifest name or web domain, a word with a full stop inside or at
   its end ("mr.", "u.s.", "calif.", "r-s.c."), or one of a few honorifics written without a
   stop. Target: at most 2 per outlet.
2. **Frame matches.** A sample of `--sample` rows of the `frames` table (those whose key hashes
   lowest, so the sample stays put when other rows change), compared with
   the judgements in `eval_real/framing_judgements.csv` (article_id, start, end, frame, fit —
   ids, offsets and a yes/no only, never the text). Target: at least 80 % of the judged sample
   fit their frame. `--show` prints the unjudged rows of the sample with their sentence, for a
   person to read and add to the file.

    ABP_DIR=/work/data/abp python eval_real/score_framing.py [--show] [--frames FILE]

`--frames FILE` copies a frames file into the corpus (e.g. the seed corpus's, for the baseline of
a corpus that has one); by default the corpus has none, as a new user's.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

#: The real corpora scored: (name, first day, last day, outlets), each ≤ 300 articles.
CORPORA = [
    ("abp-2012-06", "2012-06-01", "2012-06-30", ["New York Times - News", "NPR Online News",
                                                 "Fox Online News"]),
    ("abp-2013-04", "2013-04-01", "2013-04-30", ["CNN (Web News)", "Washington Times",
                                                 "Fox News", "NPR Online News"]),
]  # fmt: skip
LIMIT = 300
TOP = 25
WORK = Path("/tmp/issue24")
JUDGEMENTS = HERE / "framing_judgements.csv"
#: Honorifics a style guide may write without a full stop (the judge of this script only).
BARE_HONORIFICS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "sgt", "prof"}
GENERIC_DOMAIN = {"www", "com", "org", "net", "co", "uk", "edition", "online"}


def name_words(outlet: str, urls: list[str]) -> set[str]:
    """Returns the lowercase words of an outlet's manifest name and of its web domains."""
    words = set(re.findall(r"[a-z0-9]+", outlet.lower()))
    for url in urls:
        host = urlparse(url).netloc.lower()
        words |= {p for p in host.split(".") if p and p not in GENERIC_DOMAIN}
    return words


def judge_term(term: str, own: set[str]) -> str | None:
    """Returns why a term is not framing ("own name", "honorific or abbreviation") or None."""
    words = term.split()
    if any(re.sub(r"'s$", "", w) in own for w in words):
        return "own name"
    if any("." in w.strip(".") or w.endswith(".") or w in BARE_HONORIFICS for w in words):
        return "honorific or abbreviation"
    return None


def score_terms(tables, outlets: list[str]) -> dict[str, int]:
    """Prints each outlet's top terms with the judge's flags; returns the flagged count each."""
    from analysis.framing.term_counts import count_terms
    from analysis.framing.terms import rank_outlet_terms

    counts = count_terms(tables, part="all")
    ranked = rank_outlet_terms(tables, outlets, counts=counts, top=TOP)
    arts = tables.articles
    flagged = {}
    for outlet in outlets:
        own = name_words(outlet, list(arts[arts.outlet == outlet].url))
        terms = list(ranked[ranked.outlet == outlet].term)
        flags = [(t, judge_term(t, own)) for t in terms]
        flagged[outlet] = sum(1 for _t, f in flags if f)
        shown = ", ".join(f"{t}{' [x]' if f else ''}" for t, f in flags)
        print(f"  {outlet}: {flagged[outlet]} of {len(terms)} flagged | {shown}")
    return flagged


def read_judgements() -> dict[tuple[str, int, int, str], bool]:
    """Returns the stored judgements: (article_id, start, end, frame) → fits its frame."""
    if not JUDGEMENTS.is_file():
        return {}
    with JUDGEMENTS.open(encoding="utf-8") as handle:
        return {
            (r["article_id"], int(r["start"]), int(r["end"]), r["frame"]): r["fit"] == "yes"
            for r in csv.DictReader(handle)
        }


def score_frames(tables, *, sample: int, show: bool) -> tuple[int, int, int]:
    """Samples frame matches, compares them with the judgements; returns (judged, fit, rows)."""
    frames = tables.frames
    print(f"  frames table: {len(frames)} rows, {frames.frame.nunique()} frames")
    if frames.empty:
        return 0, 0, 0
    print(
        "  matches per frame: "
        + ", ".join(f"{k} {v}" for k, v in frames.frame.value_counts().items())
    )
    # A stable sample: the rows whose key hashes lowest, so a change elsewhere in the table
    # leaves the judged rows in it.
    keys = [
        hashlib.sha1(f"{a}:{s}:{e}:{f}".encode()).hexdigest()
        for a, s, e, f in zip(
            frames.article_id, frames.start, frames.end, frames.frame, strict=True
        )
    ]
    rows = sorted(sorted(range(len(frames)), key=keys.__getitem__)[:sample])
    picked = frames.iloc[rows]
    judged = read_judgements()
    s = tables.sentences
    text = dict(zip(zip(s.article_id, s.sentence_id, strict=True), s.text, strict=True))
    n_judged = n_fit = 0
    for r in picked.itertuples():
        key = (str(r.article_id), int(r.start), int(r.end), str(r.frame))
        if key in judged:
            n_judged += 1
            n_fit += judged[key]
        elif show:
            sentence = text[(r.article_id, r.sentence_id)]
            print(f"  UNJUDGED {r.article_id},{r.start},{r.end},{r.frame} [{r.matched}] {sentence}")
    share = f"{n_fit / n_judged:.0%}" if n_judged else "n/a"
    print(f"  sample {len(picked)}: {n_judged} judged, {n_fit} fit ({share}); target 80 %")
    return n_judged, n_fit, len(picked)


def main() -> None:
    """Builds each real corpus and prints the framing scores."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=60, help="frame matches to sample")
    parser.add_argument("--show", action="store_true", help="print unjudged sampled matches")
    parser.add_argument("--frames", default=None, help="frames file to copy into each corpus")
    parser.add_argument("--only", default=None, help="score only the corpus of this name")
    args = parser.parse_args()
    if not os.environ.get("ABP_DIR"):
        print("ABP_DIR is not set: skipping the framing scores (see eval_real/README.md)")
        return
    from abp import find_abp_dir, read_abp, write_corpus

    import analysis

    for name, start, end, outlets in CORPORA:
        if args.only and name != args.only:
            continue
        articles = read_abp(find_abp_dir(), start=start, end=end, sources=outlets)
        if len(articles) > LIMIT:
            articles = sorted(random.Random(0).sample(articles, LIMIT), key=lambda a: a.article_id)
        folder = WORK / name
        if folder.exists():
            shutil.rmtree(folder)
        write_corpus(articles, folder)
        if args.frames:
            shutil.copy(args.frames, folder / "frames.yml")
        tables = analysis.build(folder, cache_dir=WORK / "cache")
        print(f"== {name}: {len(tables.articles)} articles, outlets {', '.join(outlets)}")
        flagged = score_terms(tables, outlets)
        worst = max(flagged.values())
        print(f"  most flagged in one outlet's top {TOP}: {worst} (target at most 2)")
        score_frames(tables, sample=args.sample, show=args.show)


if __name__ == "__main__":
    main()
