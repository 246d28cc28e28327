"""Score quote speakers on PolNeAR's annotated attributions (off CI).

`networkdynamics/PolNeAR` annotates, in real US news articles, each attribution's source (who),
cue and content. Set `POLNEAR_DIR` to an extracted copy holding `data/train/` and `data/dev/`
(never `data/test/`: it is kept aside to measure the project). The script writes the split's
articles as a corpus folder outside the repository, builds the tables as a user would, and
compares each quote's speaker with the annotated source:

    POLNEAR_DIR=/work/data/polnear python eval_real/score_speakers.py --split dev
    POLNEAR_DIR=/work/data/polnear python eval_real/score_speakers.py --split train --limit 200
    POLNEAR_DIR=/work/data/polnear python eval_real/score_speakers.py --split train --limit 200 \
        --phase 1   # 200 other train articles, to check that a rule generalises

Without `POLNEAR_DIR` it prints a message and exits 0. Figures go into docs/quotes.md.

Definitions (the figures in docs/quotes.md use exactly these):

- **Quotes scored**: the package's `direct` and `partial` quotes whose span lies at least half
  inside the content of an annotated attribution (the attribution with the largest overlap, the
  shortest content on a tie). Indirect quotes are not scored here.
- **Gold speaker** of a scored quote, from the annotated source span:
  - *named*: the source holds a name — before any apposition, its last run of capitalised words
    not followed by a lowercase word, honorifics and a leading "The" set aside ("Mr. Obama" →
    Obama; "campaign manager Jane Roe" → Jane Roe; "Jane Roe, director of the X Center" → Jane
    Roe; "72-year-old Jane Roe, a retired nurse" → Jane Roe); a full name followed by "of" is
    the name, not what follows ("Jane Roe of the X Center", "Jane Roe of Eastfield, N.H." →
    Jane Roe; not after "the", a possessive, an organisation word or a title: "the Board of Y",
    "Former Secretary of State Jane Roe");
  - *pronoun*: he/she/they/it/who/which: the name of the nearest annotated named source that
    ends before it within `PRONOUN_REACH` characters (for who/which/that: the name right before
    it); when there is none the quote is not scored (gold unknown);
  - *description*: no name, indefinite or plural ("a source", "officials"), or an indefinite
    determiner before capitalised words only ("a Nevada Democrat", "another GOP Figure": since
    the sixth speaker session; before, their words were taken for a name): the right answer
    is no speaker; a definite description ("the former secretary") is not scored (gold unknown);
  - first and second person sources (I, we, you) are nested attributions inside quotes and are
    not scored.
- **Right**: for a named or pronoun gold, the package's `speaker` (the entity's canonical name)
  has the gold surname as its last word and, when both have a first name, the same first name
  (or one is an initial of the other, or both are forms of one name in the package's curated
  list, `analysis/entities/data/given_names.csv`: "Bill"/"William"; a typographic apostrophe
  counts as a straight one), surname particles ("de", "van") not taken for a first name; for a
  description gold, no `speaker`.
- **Precision where named** = right / quotes to which the package gives a `speaker`.
- **Accuracy** = right / all scored quotes (a missing speaker is wrong unless the gold is a
  description).
- The figures are also given by gold kind: the *named* ones are exact; the *pronoun* ones
  rest on the nearest annotated name, which is sometimes not the pronoun's antecedent (a
  quoted writer, a nested source), so they understate.
- **Surname right** = quotes whose `speaker_mention` (the words as written) or `speaker` holds the
  gold surname / quotes given a speaker with a named or pronoun gold: the words were the right
  ones even when the entity merged them into another.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: How far back (characters) a pronoun's gold antecedent may be.
PRONOUN_REACH = 800
PRONOUNS = frozenset("he she they it him her them his its their who which that".split())
FIRST_SECOND = frozenset("i we you me us my our your".split())
HONORIFICS = frozenset(
    "mr mrs ms miss dr sen senator rep representative gov governor president the former vice"
    " gen prof rev".split()
)
STATE_TAG = re.compile(r"^[A-Z]-[A-Z]")
CAPITAL_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|van|von|al))*")
#: A full name (two capitalised words or more) ending a phrase: the person of "Jane Roe of Y".
_FULL_NAME_END = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]*)*\s+[A-Z][\w'’-]+\s*$")
#: A full name followed by "of": "Jane Roe of the X Center" is Jane Roe, not the X Center.
_NAME_OF = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]*)*\s+[A-Z][\w'’-]+)\s+of\s")
#: Words heading an organisation's name or a title, whose "of" does not follow a person's name
#: ("Board of Y", "Former Secretary of State X").
ORG_HEADS = frozenset(
    "academy agency association bank board center centre college commission committee council"
    " court department foundation institute league office school society university"
    " secretary minister director chairman chair president head chief member leader".split()
)
#: First words of a source that is a description, not a name ("a source", "officials").
DESCRIPTIONS = frozenset("a an one some two three several many most".split())
#: Determiners of one person not named: "a Nevada Democrat", "another GOP Figure".
INDEFINITE = frozenset("a an another one".split())
#: Surname particles, never a first name ("De Blasio" is Bill de Blasio's surname).
PARTICLES = frozenset("de da del della di du la le van von der al bin".split())


@dataclass
class Gold:
    """One annotated attribution: the source text and span, the content spans."""

    source: str
    source_start: int
    content: list[tuple[int, int]]


def find_polnear_dir() -> Path | None:
    """Returns `$POLNEAR_DIR` when it holds `data/train` or `data/dev`, else None."""
    value = os.environ.get("POLNEAR_DIR")
    if not value:
        return None
    folder = Path(value)
    if not any((folder / "data" / s).is_dir() for s in ("train", "dev")):
        raise SystemExit(f"POLNEAR_DIR={value} holds no data/train or data/dev")
    return folder


def read_gold(path: Path) -> list[Gold]:
    """Returns the attributions of one brat .ann file that have a source and a content."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, _, offsets = parts[1].partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            spans[parts[0]] = (kind, [(a, b) for a, b in pieces], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(p.split(":", 1) for p in parts[1].split()[1:] if ":" in p))
    found = []
    for rel in relations:
        if "Source" in rel and "Content" in rel and rel["Source"] in spans:
            _, source_spans, source_text = spans[rel["Source"]]
            found.append(Gold(source_text, source_spans[0][0], spans[rel["Content"]][1]))
    return found


def name_of(source: str) -> str | None:
    """Returns the name a source span holds, or None: its last run of capitalised words that is
    not followed by a lowercase word (a modifier: "the Vermont senator") nor a party-state tag
    ("R-Wis."), before an apposition when the span starts with a capital ("Jane Roe, director
    of the X Center" → Jane Roe), after a possessive ("the X's Jane Roe" → Jane Roe),
    honorifics set aside."""
    best = None
    head = source.split("(")[0]
    first = head.split(",")[0].strip()
    indefinite = first.split()[0].lower() in DESCRIPTIONS if first.split() else False
    if first != head.strip() and (
        first[:1].isupper() or _FULL_NAME_END.search(first) and not indefinite
    ):
        head = first  # "Jane Roe, director of …", "72-year-old Jane Roe, a retired …"
    of = _NAME_OF.search(head)
    if (
        of
        and not re.search(r"['’]s\b", of[1])
        and not head[: of.start()].rstrip().lower().endswith("the")
        and not set(of[1].lower().split()) & ORG_HEADS
    ):
        head = head[: of.end(1)]  # "Jane Roe of the X Center", "Jane Roe of Eastfield, N.H."
    head = re.split(r"['’]s\s+", head)[-1]  # "the Outlet's Jane Roe" → Jane Roe
    for run in CAPITAL_RUN.finditer(head):
        rest = head[run.end() :].lstrip(" ,")
        if rest[:1].islower() and not rest.startswith(("of ", "de ")) or STATE_TAG.match(run[0]):
            continue
        words = [w.strip(".,'’") for w in run.group().split()]
        while words and words[0].lower().rstrip(".") in HONORIFICS:
            words = words[1:]
        words = [re.sub(r"['’]s$", "", w) for w in words if w]
        if words and words[0].lower() not in PRONOUNS | FIRST_SECOND:
            best = " ".join(words)
    return best


def is_name(name: str, text: str) -> bool:
    """Returns whether a capitalised run is a name, not a sentence-initial common word: a
    one-word run whose lowercase form occurs in the text ("Officials", "Protesters") is not."""
    words = name.split()
    return not (len(words) == 1 and re.search(rf"\b{re.escape(words[0].lower())}\b", text))


def gold_speaker(gold: Gold, all_gold: list[Gold], text: str) -> tuple[str, str | None]:
    """Returns (kind, name): kind is named, pronoun, description, first_person or unknown."""
    first = gold.source.strip().split()[0].lower().strip(".,") if gold.source.strip() else ""
    words = gold.source.strip().rstrip(" ,.").split()
    if first in INDEFINITE and len(words) > 1 and all(w[:1].isupper() for w in words[1:]):
        return "description", None  # "a New Hampshire Republican": someone not named
    name = name_of(gold.source)
    if name and is_name(name, text):
        return "named", name
    if first in FIRST_SECOND:
        return "first_person", None
    if first in PRONOUNS:
        if first in ("who", "which", "that"):
            before = name_of(text[max(0, gold.source_start - 60) : gold.source_start])
            return ("pronoun", before) if before else ("unknown", None)
        earlier = [
            g
            for g in all_gold
            if gold.source_start - PRONOUN_REACH <= g.source_start < gold.source_start
        ]
        for g in sorted(earlier, key=lambda g: -g.source_start):
            name = name_of(g.source)
            if name and is_name(name, text):
                return "pronoun", name
        return "unknown", None
    if first in DESCRIPTIONS or (gold.source.rstrip(" ,.").endswith("s")):
        return "description", None
    return "unknown", None


def same_person(predicted: str, gold: str) -> bool:
    """Returns whether a canonical name is the gold name: the same surname (last word) and, when
    both have a first name, the same first name, an initial of it, or a variant of it in the
    package's curated list (`analysis/entities/data/given_names.csv`: "Bill"/"William"; the
    same test as `score_entities.py`); a typographic apostrophe is a straight one ("O’Hara"
    is "O'Hara"); surname particles ("de", "van") are not first names, and a generational
    suffix ("Jr.", "III") is no surname. A one-word gold name that is another word of the
    predicted name is that person too: an article calling someone by a given name ("Tom told
    …" for Tom X) or by a family name written first ("Ban" for Ban Ki Moon)."""
    from analysis.entities.vocabulary import name_suffixes, same_given_name

    p = [w.strip(".").lower().replace("’", "'") for w in predicted.split()]
    g = [w.strip(".").lower().replace("’", "'") for w in gold.split()]
    p = [w for w in p if w not in name_suffixes()] or p  # "Jr.", "III": no surname
    g = [w for w in g if w not in name_suffixes()] or g
    p = [w for w in p[:-1] if w not in PARTICLES] + p[-1:]
    g = [w for w in g[:-1] if w not in PARTICLES] + g[-1:]
    if len(g) == 1 and len(p) >= 2 and g[0] in p[:-1]:
        return True  # a given name ("Tom" for Tom X), a family name written first ("Ban")
    if not p or not g or p[-1] != g[-1]:
        return False
    if len(p) >= 2 and len(g) >= 2:
        firsts = {w[:1] for w in g[:-1]} if len(p[0]) == 1 else set(g[:-1])
        return (
            p[0] in firsts
            or any(len(w) == 1 and w == p[0][:1] for w in g[:-1])
            or same_given_name(p[0], g[0])
        )
    return True


def write_corpus(
    polnear: Path, split: str, out: Path, *, limit: int | None, phase: int = 0
) -> dict[str, Path]:
    """Writes the split's articles as a corpus folder; returns each article id's .ann file.

    With `limit`, every n-th article is taken, starting at the `phase`-th: phases 0, 1, 2 …
    of the same limit are disjoint samples (rules tuned on phase 0 are checked on phase 1)."""
    meta = {}
    with (polnear / "data" / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    texts = sorted((polnear / "data" / split / "text").glob("*.txt"))
    if limit is not None:
        texts = texts[phase :: max(1, len(texts) // limit)][:limit]
    (out / "articles").mkdir(parents=True, exist_ok=True)
    anns: dict[str, Path] = {}
    with (out / "articles.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["article_id", "file", "outlet", "outlet_kind", "title", "url", "published", "language"]
        )
        for path in texts:
            candidates = sorted((polnear / "data" / split / "attributions").glob(path.stem + "_*"))
            if not candidates:
                continue
            aid = re.sub(r"\W+", "-", path.stem)[:60]
            anns[aid] = candidates[0]
            row = meta.get(path.stem, {})
            (out / "articles" / f"{aid}.txt").write_text(
                path.read_text(encoding="utf-8"), encoding="utf-8"
            )
            writer.writerow(
                [
                    aid,
                    f"articles/{aid}.txt",
                    row.get("publisher", "unknown"),
                    "website",
                    "",
                    "",
                    row.get("publication_date", ""),
                    "en",
                ]
            )
    return anns


def score(tables: object, corpus: Path, anns: dict[str, Path]) -> dict[str, object]:
    """Returns the counts and figures of the docstring's definitions."""
    quotes = tables.quotes  # type: ignore[attr-defined]
    quotes = quotes[quotes["kind"].isin(["direct", "partial"])]
    counts: Counter[str] = Counter()
    by_how: dict[str, Counter[str]] = {}
    wrong: list[tuple[str, int, str, str, str, str, str]] = []
    for aid, ann in anns.items():
        raw = (corpus / "articles" / f"{aid}.txt").read_text(encoding="utf-8")
        gold = read_gold(ann)
        for q in quotes[quotes["article_id"] == aid].itertuples():
            at = raw.find(q.text)
            if at < 0:
                counts["unmapped"] += 1
                continue
            start, end = at, at + len(q.text)
            best, overlap = None, 0
            for g in gold:
                inside = sum(max(0, min(end, b) - max(start, a)) for a, b in g.content)
                size = sum(b - a for a, b in g.content)
                if inside > overlap or (
                    best and inside == overlap and size < sum(b - a for a, b in best.content)
                ):
                    best, overlap = g, inside
            if best is None or overlap < 0.5 * (end - start):
                counts["no_gold"] += 1
                continue
            kind, name = gold_speaker(best, gold, raw)
            counts[f"gold_{kind}"] += 1
            if kind in ("unknown", "first_person"):
                continue
            speaker = q.speaker if isinstance(q.speaker, str) else None
            mention = q.speaker_mention if isinstance(q.speaker_mention, str) else ""
            right = (
                (speaker is None)
                if kind == "description"
                else bool(speaker and name and same_person(speaker, name))
            )
            counts["scored"] += 1
            counts[f"n_{kind}"] += 1
            counts[f"with_{kind}"] += speaker is not None
            counts[f"ok_{kind}"] += right and speaker is not None
            counts["given"] += speaker is not None
            counts["right"] += right
            counts["right_given"] += right and speaker is not None
            how = by_how.setdefault(str(q.attribution), Counter())
            how["n"] += 1
            how["right"] += right
            if speaker is not None and name:
                counts["given_named"] += 1
                surname = name.split()[-1].lower()
                counts["surname_right"] += surname in f"{mention} {speaker}".lower()
            if not right:
                wrong.append(
                    (aid, start, kind, name or "-", speaker or "-", mention, str(q.attribution))
                )
    given, scored = counts["given"], counts["scored"]
    return {
        "counts": dict(counts),
        "precision_named": counts["right_given"] / given if given else float("nan"),
        "accuracy": counts["right"] / scored if scored else float("nan"),
        "surname_right": counts["surname_right"] / counts["given_named"]
        if counts["given_named"]
        else float("nan"),
        "by_attribution": {k: (v["right"], v["n"]) for k, v in sorted(by_how.items())},
        "wrong": wrong,
    }


def error_kind(row: tuple[str, int, str, str, str, str, str]) -> str:
    """Returns the kind of one wrong quote (a row of `score`'s "wrong"): a speaker where the gold
    is a description, no speaker (and the rule that abstained), or another person."""
    _, _, kind, _, speaker, mention, how = row
    if kind == "description":
        return "speaker where the gold is a description"
    if speaker == "-":
        return f"no speaker ({how}, {'words' if mention else 'no words'} for one)"
    return f"another person ({how}, gold {kind})"


def main() -> int:
    """Builds the split and prints its speaker figures; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="articles (train: at most 300)")
    parser.add_argument(
        "--phase", type=int, default=0, help="with --limit: which disjoint sample (0, 1, …)"
    )
    parser.add_argument("--out", default=None, help="corpus folder (default /tmp/polnear-<split>)")
    parser.add_argument("--cache", default=None, help="parse cache (default <out>/cache)")
    parser.add_argument("--show-wrong", action="store_true", help="list wrong quotes by offset")
    args = parser.parse_args()
    polnear = find_polnear_dir()
    if polnear is None:
        print("POLNEAR_DIR is not set: skipping the PolNeAR speaker score")
        return 0
    import analysis

    out = Path(args.out or f"/tmp/polnear-{args.split}")
    anns = write_corpus(polnear, args.split, out, limit=args.limit, phase=args.phase)
    tables = analysis.build(out, cache_dir=args.cache or out / "cache")
    result = score(tables, out, anns)
    print(f"PolNeAR {args.split}: {len(anns)} articles")
    print(f"counts: {result['counts']}")
    print(f"speaker precision where named: {result['precision_named']:.3f}")
    print(f"speaker accuracy: {result['accuracy']:.3f}")
    print(f"surname right (given a speaker, gold named): {result['surname_right']:.3f}")
    c = result["counts"]
    for kind in ("named", "pronoun", "description"):
        given = c.get(f"with_{kind}", 0)  # type: ignore[attr-defined]
        right = c.get(f"ok_{kind}", 0)  # type: ignore[attr-defined]
        print(
            f"  gold {kind}: {c.get(f'n_{kind}', 0)} scored, {given} given a speaker,"  # type: ignore[attr-defined]
            f" {right} right ({right / given if given else float('nan'):.3f})"
        )
    for how, (right, n) in result["by_attribution"].items():  # type: ignore[attr-defined]
        print(f"  {how}: {right}/{n}")
    for kind, n in Counter(error_kind(row) for row in result["wrong"]).most_common():  # type: ignore[attr-defined]
        print(f"  error: {kind}: {n}")
    if args.show_wrong:
        for row in result["wrong"]:  # type: ignore[attr-defined]
            print("  wrong:", *row, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
