"""Make a Coverage Lens corpus folder from `ramybaly/Article-Bias-Prediction` (off CI).

The articles are never copied into the repository: set `ABP_DIR` to an extracted copy of the
repository (the folder holding `data/jsons/`) and write the corpus to a folder outside it, e.g.

    ABP_DIR=/work/data/abp python eval_real/abp.py --out /tmp/abp-oct19 \
        --start 2019-10-01 --end 2019-10-14 --sources "CNN (Web News)" "Fox Online News" --limit 300
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class AbpArticle:
    """One article of the data set: its id, outlet, date, title, url, authors, topic and text."""

    article_id: str
    outlet: str
    published: str
    title: str
    url: str
    authors: str
    topic: str
    text: str


def find_abp_dir(path: str | None = None) -> Path:
    """Returns the data set folder (holding `data/jsons/`) from `path` or `$ABP_DIR`.

    Raises:
        SystemExit: When neither names a folder with `data/jsons/`.
    """
    folder = Path(path or os.environ.get("ABP_DIR", ""))
    if not (folder / "data" / "jsons").is_dir():
        raise SystemExit(
            "set ABP_DIR to an extracted ramybaly/Article-Bias-Prediction"
            " (the folder with data/jsons/)"
        )
    return folder


def read_abp(
    folder: Path, *, start: str, end: str, sources: list[str] | None = None
) -> list[AbpArticle]:
    """Returns the articles published from `start` to `end` (inclusive, YYYY-MM-DD), by id.

    Articles whose date is not `YYYY-MM-DD`, or with an empty text, are left out.
    """
    found = []
    for path in sorted((folder / "data" / "jsons").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        date = str(raw.get("date", ""))
        if not DATE.match(date) or not start <= date <= end:
            continue
        if sources and raw["source"] not in sources:
            continue
        text = (raw.get("content_original") or raw.get("content") or "").strip()
        if not text:
            continue
        found.append(
            AbpArticle(
                article_id=str(raw["ID"]),
                outlet=str(raw["source"]),
                published=date,
                title=str(raw.get("title", "")).strip(),
                url=str(raw.get("url", "")),
                authors=str(raw.get("authors", "")),
                topic=str(raw.get("topic", "")),
                text=text,
            )
        )
    return found


def write_corpus(articles: list[AbpArticle], out: Path) -> Path:
    """Writes `articles` as a corpus folder (`articles/<id>.txt` and `articles.csv`); returns it."""
    (out / "articles").mkdir(parents=True, exist_ok=True)
    with (out / "articles.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["article_id", "file", "outlet", "outlet_kind", "title", "url", "published", "language"]
        )
        for a in articles:
            file = f"articles/{a.article_id}.txt"
            (out / file).write_text(a.text + "\n", encoding="utf-8")
            writer.writerow(
                [a.article_id, file, a.outlet, "website", a.title, a.url, a.published, "en"]
            )
    return out


def main() -> None:
    """Writes a corpus folder from the command line's period, outlets and limit."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="corpus folder to write (outside the repo)")
    parser.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
    parser.add_argument("--end", required=True, help="last day, YYYY-MM-DD")
    parser.add_argument("--sources", nargs="*", default=None, help="outlets to keep (default: all)")
    parser.add_argument("--limit", type=int, default=None, help="keep this many, sampled")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed")
    args = parser.parse_args()
    articles = read_abp(find_abp_dir(), start=args.start, end=args.end, sources=args.sources)
    if args.limit is not None and len(articles) > args.limit:
        articles = sorted(
            random.Random(args.seed).sample(articles, args.limit), key=lambda a: a.article_id
        )
    write_corpus(articles, Path(args.out))
    print(f"wrote {len(articles)} articles to {args.out}")


if __name__ == "__main__":
    main()
