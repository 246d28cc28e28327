"""Generates a benchmark corpus of N realistic articles from the seed corpus.

Each article recombines two to `SEED_PARAGRAPHS` paragraphs of one seed article (in their order
of appearance, so quotes and attributions stay readable), with a quarter of the capitalised name
words swapped for made-up names, an outlet drawn from a pool of made-up outlets and a date within
a month; after each seed paragraph come zero to three wholly distinct paragraphs (random words of
the seeds' vocabulary with made-up names), so that not everything overlaps. Each seed paragraph
still recurs in about N / 25 articles: overlap (links) grows faster than N, as it would if one
story dominated the corpus. The output is deterministic for a given `--seed`.

Usage: `python bench/make_corpus.py --n 1000 --out /tmp/bench-corpus`
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus.clean import clean_text  # noqa: E402
from analysis.corpus.manifest import read_corpus  # noqa: E402

SYLLABLES = ["ka", "lo", "mir", "sa", "ven", "to", "ri", "dan", "el", "no", "vy", "ras", "ko"]
SYLLABLES += ["ter", "han", "bel", "mo", "sun", "ar", "qui", "zel", "pa", "dro", "lin"]
VERBS = ["said", "told reporters", "wrote", "added", "argued", "stressed", "warned"]
#: At most this many seed paragraphs per article (the rest is distinct text).
SEED_PARAGRAPHS = 4
KINDS = ["newspaper", "wire", "blog", "broadcaster", "republication"]
#: Side files of the seed corpus copied as they are (frames, speaker groups, curated entities), so
#: that the notebooks show frames and actors at scale. `cleaning.yml` names seed articles: not
#: copied.
SIDE_FILES = ["frames.yml", "actors.yml", "entities.yml"]


NAME_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _swap(swap: dict[str, str], match: re.Match[str]) -> str:
    return swap.get(match.group(), match.group())


def make_name(rng: random.Random) -> str:
    """Returns a made-up capitalised name word of two or three syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def distinct_paragraph(rng: random.Random, vocabulary: list[str]) -> str:
    """Returns a paragraph on no seed's subject: sentences of words drawn at random from
    `vocabulary`, each with a made-up speaker or place, so that they overlap nothing."""
    sentences = []
    for _ in range(rng.randint(2, 4)):
        body = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 20)))
        who = f"{make_name(rng)} {make_name(rng)}"
        sentences.append(
            rng.choice(
                [
                    f"{body.capitalize()}, {who} {rng.choice(VERBS)}.",
                    f"In {make_name(rng)}, {body}.",
                    f'"{body.capitalize()}," {who} {rng.choice(VERBS)}.',
                ]
            )
        )
    return " ".join(sentences)


def seed_paragraphs(corpus: Path) -> list[list[str]]:
    """Returns the body paragraphs of every seed article."""
    out = []
    for article in read_corpus(corpus):
        body = clean_text(article.raw, known_title=article.title, rules=article.rules).body
        out.append([p for p in body.split("\n\n") if p.strip()])
    return out


def make_corpus(
    n: int, out: Path, *, seed_corpus: Path = ROOT / "corpus", seed: int = 0
) -> list[Path]:
    """Writes an N-article corpus (`articles.csv`, `articles/*.txt` and the seed's `SIDE_FILES`)
    into `out`.

    Args:
        n: The number of articles.
        out: The corpus folder; created when missing (existing articles are overwritten).
        seed_corpus: The corpus whose paragraphs are recombined.
        seed: The random seed.

    Returns:
        The article files written.
    """
    rng = random.Random(seed)
    seeds = seed_paragraphs(seed_corpus)
    capitalised = sorted(
        {w for paras in seeds for p in paras for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{3,}", p)}
    )
    vocabulary = sorted(
        {w.lower() for paras in seeds for p in paras for w in re.findall(r"[A-Za-z]{3,}", p)}
    )
    papers = ["Times", "Post", "Daily"]
    outlets = [f"The {make_name(rng)} {rng.choice(papers)}" for _ in range(40)]
    (out / "articles").mkdir(parents=True, exist_ok=True)
    written, rows = [], []
    for i in range(n):
        source = seeds[i % len(seeds)]
        count = rng.randint(2, min(SEED_PARAGRAPHS, len(source)))
        picked = [source[j] for j in sorted(rng.sample(range(len(source)), count))]
        swap = {w: make_name(rng) for w in rng.sample(capitalised, len(capitalised) // 4)}
        paragraphs = []
        for paragraph in picked:
            paragraphs.append(NAME_WORD.sub(partial(_swap, swap), paragraph))
            for _ in range(rng.randint(0, 3)):
                paragraphs.append(distinct_paragraph(rng, vocabulary))
        article_id = f"a{i:05d}"
        path = out / "articles" / f"{article_id}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        written.append(path)
        rows.append(
            {
                "article_id": article_id,
                "file": f"articles/{article_id}.txt",
                "outlet": rng.choice(outlets),
                "outlet_kind": rng.choice(KINDS),
                "title": f"Story {i} from {make_name(rng)}",
                "url": "",
                "published": f"2022-08-{rng.randint(1, 28):02d}",
                "language": "en",
                "notes": "generated by bench/make_corpus.py",
                # Every article recombines the seed story's paragraphs: one story, said in the
                # manifest, so the bench measures overlap and notebooks on the whole story whatever
                # the grouping finds (before its syndicated-copy step it split this into ~979).
                "story": "the seed story, recombined",
            }
        )
    with (out / "articles.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["article_id", "file"])
        writer.writeheader()
        writer.writerows(rows)
    for name in SIDE_FILES:
        if (seed_corpus / name).is_file():
            shutil.copyfile(seed_corpus / name, out / name)
    return written


def main() -> int:
    """Parses the command line and writes the corpus."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="number of articles")
    parser.add_argument("--out", required=True, help="corpus folder to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--from", dest="source", default=str(ROOT / "corpus"))
    args = parser.parse_args()
    files = make_corpus(args.n, Path(args.out), seed_corpus=Path(args.source), seed=args.seed)
    print(f"wrote {len(files)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
