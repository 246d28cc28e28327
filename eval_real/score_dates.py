"""Score the timeline's dates on TimeBank (TimeML), off CI.

Set `TIMEBANK_DIR` to `data/TempEval3/Training/TBAQ-cleaned/TimeBank/` of an extracted
`qiangning/StructTempRel-EMNLP17` (183 `.tml` files); without it the script says so and exits 0.
It writes each document as a corpus article under `/tmp/issue23/timebank` (text outside the
repository; `published` is the document's creation time, DCT), builds it with Coverage Lens
(`--cache`, default `/tmp/issue23/cache-timebank`) and compares the `events` table with the
annotated TIMEX3 elements.

Matching, as defined for docs/timeline.md:

- An event's **date phrase** is its `date_text` inside its sentence (the k-th event of a sentence
  with the same `date_text` is its k-th occurrence); it **lands** on an annotated TIMEX3 (type
  DATE or TIME) when their character spans overlap.
- An annotated value is **comparable** when it names a calendar interval: a year (`1998`), a month
  (`1998-01`), an ISO week (`1998-W02`), a day (`1998-01-08`, a time `1998-01-08T…` counts as its
  day) or a quarter (`1998-Q1`). Seasons, decades, `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` and the
  like are not; events landing on them are counted apart.
- An event's **value** is made from its date and precision: day and part_of_day give
  `YYYY-MM-DD`, week the ISO week of its first day, month `YYYY-MM`, quarter `YYYY-Qn`, year
  `YYYY`.
- (a) Of the event phrases with a date that land on a comparable annotated date (one per phrase):
  **wrong** = the event's days (`date` … `date_end`) and the annotated interval share no day;
  **value accuracy** = the event's value equals the annotated value (a time of day dropped:
  `1998-02-11T22:00` is `1998-02-11`; a coarser value, `1988` for `1988-Q3`, is not equal, though
  not wrong either). Phrases whose date is left
  missing (a relative date inside a quotation) are counted apart as **unresolved**, neither right
  nor wrong.
- (b) **Coverage**: of the annotated DATE timexes whose value is a day, week, month or year, the
  share that some event's phrase overlaps (dated or not), and the share covered with the right
  value.
- (c) **Finder alone**: the same figures when every phrase `timeline.find_dates` finds in a
  sentence counts (no event making), to tell the finder's misses from the event maker's.

Usage: `TIMEBANK_DIR=… python eval_real/score_dates.py [--show wrong|missed|…] [--limit N]`
(`--show` prints the cases to read on the terminal — `unresolved`: the phrases landing on an
annotated date whose date is left missing; never copy them into the repository).

`--happenings DIR…` instead reads built tables folders (`python -m analysis build --out DIR` of
an `eval_real/abp.py` corpus) and prints, for each, its happenings, those of several articles,
those spanning two stories (`articles.story_id`) and every flagged conflict with each article's
phrase and sentence, to read on the terminal (docs/timeline.md, "Real multi-outlet corpora").
With `--read N` it also prints N happenings joining articles of different outlets, drawn at
random (`--seed`), each with every telling's outlet, date phrase, date and sentence: to judge on
the terminal whether each is one act (same actor, same kind of action, compatible dates, one
story).

`--sample DIR --judged CSV` (issue 23, fourth pass) scores the dates of real news outside TimeBank:
a seeded random sample of `--n` dated events (a date phrase with a date, not an undated statement)
of a built `abp.py` corpus, against hand verdicts in `data/abp_<period>_dates.csv`. Once judged,
the file's rows are the sample (a build that drops or adds dated events elsewhere does not draw
another). A row holds ids only — article, sentence, the phrase's 10-hex digest and its rank among
the dated events of its sentence with that digest — the date judged (`YYYY-MM-DD`, a span as
`first/last`), the verdict (`right`; `wrong`: another day or span; `no_date`: the words name no
date of the event — a name, a recurring day, a date the article cannot give) and, for a wrong one,
the right date when the article gives it. An event whose date changed since it was judged counts as
right when it is the right date (or, for `no_date`, when it has no date any more), else it is
listed as to judge again; `--show` prints every sampled event (sentence, date, publication day) on
the terminal to judge, never into a file.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import hashlib
import html
import os
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
GRANULAR = {
    "year": re.compile(r"^(\d{4})$"),
    "month": re.compile(r"^(\d{4})-(\d\d)$"),
    "week": re.compile(r"^(\d{4})-W(\d\d)$"),
    "day": re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$"),
}
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
#: Hand verdicts on sampled ABP dates (`--sample`).
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Timex:
    """One annotated TIMEX3: its span in the written body, type, value and granularity."""

    start: int
    end: int
    type: str
    value: str
    granularity: str | None = None
    interval: tuple[dt.date, dt.date] | None = None


@dataclass
class TbDoc:
    """One TimeBank document: id, creation date (DCT), the body as written and its timexes."""

    doc_id: str
    dct: dt.date
    body: str
    timexes: list[Timex] = field(default_factory=list)


def find_timebank_dir() -> Path | None:
    """Returns the TimeBank folder named by `$TIMEBANK_DIR`, or None when it is unset."""
    folder = os.environ.get("TIMEBANK_DIR")
    if not folder:
        return None
    if not Path(folder).is_dir():
        raise SystemExit(f"TIMEBANK_DIR={folder} is not a folder")
    return Path(folder)


def read_tml(path: Path) -> TbDoc:
    """Returns the document of a `.tml` file: its paragraphs (whitespace runs as one space, joined
    by a blank line, as `articles.body` keeps them) and its TIMEX3 spans in that body."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d\d-\d\d)", raw)
    if dct_match is None:
        raise SystemExit(f"{path.name}: no DCT")
    inner = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    plain: list[str] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    open_at: tuple[int, dict[str, str]] | None = None
    pos = 0
    length = 0
    for m in _TAG.finditer(inner):
        piece = html.unescape(inner[pos : m.start()])
        plain.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) == "TIMEX3":
            if m.group(1):
                if open_at is not None:
                    spans.append((open_at[0], length, open_at[1]))
                open_at = None
            else:
                open_at = (length, dict(_ATTR.findall(m.group(3))))
    plain.append(html.unescape(inner[pos:]))
    text = "".join(plain)
    body, where = _normalise(text)
    doc = TbDoc(path.stem, dt.date.fromisoformat(dct_match.group(1)), body)
    for start, end, attrs in spans:
        s, e = where[start], where[end - 1] + 1
        doc.timexes.append(Timex(s, e, attrs.get("type", ""), attrs.get("value", "")))
    for t in doc.timexes:
        t.granularity, t.interval = parse_value(t.value)
    return doc


def _normalise(text: str) -> tuple[str, list[int]]:
    """Returns the paragraphs of `text` (split at blank lines, whitespace runs as one space,
    joined by a blank line) and, for each character of `text`, its offset in that result."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    for m in re.finditer(r"\S.*?(?=\s*\n\s*\n|\s*$)", text, re.S):
        if out:
            out.append("\n\n")
        n = sum(map(len, out))
        space = False
        for i in range(m.start(), m.end()):
            if text[i].isspace():
                if not space:
                    out.append(" ")
                    n += 1
                space = True
                where[i] = n - 1
                continue
            space = False
            where[i] = n
            out.append(text[i])
            n += 1
    return "".join(out), where


def parse_value(value: str) -> tuple[str | None, tuple[dt.date, dt.date] | None]:
    """Returns (granularity, first and last day) of a TimeML value, (None, None) when it names
    no calendar interval (seasons, decades, PRESENT_REF, …); a quarter has granularity
    `quarter`."""
    if m := GRANULAR["day"].match(value):
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None, None
        return "day", (day, day)
    if m := GRANULAR["week"].match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return "week", (monday, monday + dt.timedelta(days=6))
    if m := GRANULAR["month"].match(value):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return None, None
        return "month", (
            dt.date(year, month, 1),
            dt.date(year, month, calendar.monthrange(year, month)[1]),
        )
    if m := GRANULAR["year"].match(value):
        return "year", (dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))
    if m := QUARTER.match(value):
        year, q = int(m[1]), int(m[2])
        last = 3 * q
        return "quarter", (
            dt.date(year, last - 2, 1),
            dt.date(year, last, calendar.monthrange(year, last)[1]),
        )
    return None, None


def event_value(first: dt.date, precision: str) -> str:
    """Returns the TimeML value of an event's date: a day, the ISO week, the month, the quarter or
    the year."""
    if precision in ("day", "part_of_day"):
        return first.isoformat()
    if precision == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return f"{first.year}-{first.month:02d}"
    if precision == "quarter":
        return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    return str(first.year)


def write_corpus(docs: list[TbDoc], out: Path) -> Path:
    """Writes the documents as a corpus folder (`articles/<id>.txt`, `articles.csv`); returns it."""
    (out / "articles").mkdir(parents=True, exist_ok=True)
    with (out / "articles.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["article_id", "file", "outlet", "outlet_kind", "title", "published", "language"]
        )
        for d in docs:
            file = f"articles/{d.doc_id}.txt"
            path = out / file
            if not path.exists() or path.read_text(encoding="utf-8") != d.body + "\n":
                path.write_text(d.body + "\n", encoding="utf-8")
            writer.writerow(
                [
                    d.doc_id,
                    file,
                    d.doc_id.rstrip("0123456789.") or "tb",
                    "wire",
                    d.doc_id,
                    d.dct,
                    "en",
                ]
            )
    return out


@dataclass
class Phrase:
    """A date phrase of the system: span in the body, its dates and precision."""

    article_id: str
    start: int
    end: int
    first: dt.date | None
    last: dt.date | None
    precision: str
    sentence: str


def event_phrases(tables: Any) -> list[Phrase]:
    """Returns the date phrase of every dated-phrase event (`date_text` present), located in the
    body through its sentence."""
    sentences = tables.sentences.set_index(["article_id", "sentence_id"])
    found: list[Phrase] = []
    seen: Counter[tuple[str, int, str]] = Counter()
    events = tables.events[
        tables.events.date_text.notna() & (tables.events.resolution != "occasion")
    ].sort_values(["article_id", "event_id"])  # an occasion's phrase is of another sentence
    for e in events.itertuples():
        s = sentences.loc[(e.article_id, e.sentence_id)]
        key = (e.article_id, e.sentence_id, e.date_text)
        at = -1
        for _ in range(seen[key] + 1):
            at = s.text.find(e.date_text, at + 1)
        seen[key] += 1
        if at < 0:
            continue
        start = int(s.start) + at
        found.append(
            Phrase(
                e.article_id,
                start,
                start + len(e.date_text),
                None if e.date is None or str(e.date) == "NaT" else e.date.date(),
                None if str(e.date_end) == "NaT" else e.date_end.date(),
                str(e.precision),
                s.text,
            )
        )
    return found


def finder_phrases(tables: Any, docs: dict[str, TbDoc]) -> list[Phrase]:
    """Returns every phrase `find_dates` finds in each sentence (no quotation rule, bare years
    after a lead word)."""
    from analysis.timeline.dates import find_dates

    found = []
    for s in tables.sentences.itertuples():
        if s.article_id not in docs:
            continue
        published = docs[s.article_id].dct
        for p in find_dates(s.text, published=published, offset=int(s.start)):
            found.append(
                Phrase(s.article_id, p.start, p.end, p.date, p.date_end, p.precision, s.text)
            )
    return found


def score(
    phrases: list[Phrase], docs: dict[str, TbDoc], *, name: str, show: str | None
) -> dict[str, float]:
    """Prints and returns the figures (a), (b) of a list of phrases against the annotation."""
    by_article: dict[str, list[Phrase]] = {}
    for p in phrases:
        by_article.setdefault(p.article_id, []).append(p)
    landed = right = wrong = unresolved = other = spurious = 0
    wrong_by: Counter[str] = Counter()
    for aid, mine in by_article.items():
        doc = docs[aid]
        for p in mine:
            gold = [t for t in doc.timexes if t.start < p.end and p.start < t.end]
            dates = [t for t in gold if t.type in ("DATE", "TIME")]
            if not dates:
                spurious += 1
                if show == "spurious":
                    print(f"  spurious {aid} {p.start}: {_around(doc, p.start, p.end)}")
                continue
            t = dates[0]
            if t.interval is None:
                other += 1
                continue
            if p.first is None:
                unresolved += 1
                if show == "unresolved":
                    words = _around(doc, p.start, p.end)
                    print(f"  unresolved {aid} {p.start}: gold {t.value} {words}")
                continue
            landed += 1
            last = p.last or p.first
            value = event_value(p.first, p.precision)
            if value == t.value.partition("T")[0]:
                right += 1
            if last < t.interval[0] or p.first > t.interval[1]:
                wrong += 1
                wrong_by[p.precision] += 1
                if show == "wrong":
                    print(
                        f"  wrong {aid} {p.start}: → {p.first}/{last} gold {t.value} DCT {doc.dct} "
                        + _around(doc, p.start, p.end)
                    )
            elif show == "inexact" and value != t.value:
                print(f"  inexact {aid}: → {value} gold {t.value} {_around(doc, p.start, p.end)}")
    target = covered = covered_right = 0
    for aid, doc in docs.items():
        mine = by_article.get(aid, [])
        for t in doc.timexes:
            if t.type != "DATE" or t.granularity not in ("day", "week", "month", "year"):
                continue
            target += 1
            over = [p for p in mine if t.start < p.end and p.start < t.end]
            if over:
                covered += 1
                p = over[0]
                if (
                    p.first is not None
                    and event_value(p.first, p.precision) == t.value.partition("T")[0]
                ):
                    covered_right += 1
            elif show == "missed":
                print(f"  missed {aid} {t.start}: {t.value} {_around(doc, t.start, t.end)}")
    figures = {
        "landed": landed,
        "wrong": wrong,
        "wrong_share": wrong / landed if landed else 0.0,
        "value_accuracy": right / landed if landed else 0.0,
        "unresolved": unresolved,
        "other": other,
        "spurious": spurious,
        "target": target,
        "covered": covered,
        "coverage": covered / target if target else 0.0,
        "covered_right": covered_right / target if target else 0.0,
    }
    print(
        f"{name}: (a) {landed} dated phrases land on an annotated date: wrong {wrong} "
        f"({figures['wrong_share']:.1%}; by precision {dict(wrong_by)}), value accuracy "
        f"{figures['value_accuracy']:.3f} ({right}); unresolved {unresolved}, on a non-calendar "
        f"value {other}, on no annotated date {spurious}"
    )
    print(
        f"{name}: (b) covered {covered} of {target} annotated day/week/month/year dates "
        f"({figures['coverage']:.1%}); with the right value {figures['covered_right']:.1%}"
    )
    return figures


def _around(doc: TbDoc, start: int, end: int) -> str:
    """Returns the words at start:end and some context, for reading on the terminal."""
    return f"{doc.body[start:end]!r} [{doc.body[max(0, start - 80) : end + 60]}]"


def report_happenings(folder: Path) -> dict[str, int]:
    """Prints and returns the happening figures of a built tables folder: happenings, those of
    several articles, those spanning two stories, conflicts (each printed to be read)."""
    import pandas as pd

    happenings = pd.read_parquet(folder / "happenings.parquet")
    articles = pd.read_parquet(folder / "articles.parquet").set_index("article_id")
    events = pd.read_parquet(folder / "events.parquet").set_index(["article_id", "event_id"])
    story = articles.story_id
    figures = {
        "articles": len(articles),
        "happenings": len(happenings),
        "several_articles": int((happenings.articles.map(len) > 1).sum()),
        "two_stories": int(happenings.articles.map(lambda a: story[list(a)].nunique() > 1).sum()),
        "conflicts": int(happenings.conflict.sum()),
    }
    print(f"{folder}: {figures}")
    for h in happenings[happenings.conflict].itertuples():
        print(f"  conflict: {h.actor} · {h.action} {h.dates_by_article}")
        for ref in h.events:
            article_id, event_id = ref.rsplit(":", 1)
            e = events.loc[(article_id, int(event_id))]
            print(
                f"    {articles.outlet[article_id]} ({articles.published[article_id]:%Y-%m-%d})"
                f" {e.date_text!r} → {e.date}: {e.text}"
            )
    return figures


def read_happenings(folder: Path, *, n: int, seed: int) -> int:
    """Prints `n` happenings of a built tables folder that join articles of different outlets,
    drawn at random with `seed`, each telling with its outlet, date phrase and sentence; returns
    how many such happenings the folder holds."""
    import pandas as pd

    happenings = pd.read_parquet(folder / "happenings.parquet")
    articles = pd.read_parquet(folder / "articles.parquet").set_index("article_id")
    events = pd.read_parquet(folder / "events.parquet").set_index(["article_id", "event_id"])
    outlet = articles.outlet
    joined = [h for h in happenings.itertuples() if outlet[list(h.articles)].nunique() > 1]
    for k, h in enumerate(random.Random(seed).sample(joined, min(n, len(joined))), 1):
        print(f"[{k}] happening {h.happening_id}: {h.actor} · {h.action}, {h.dates_by_article}")
        for ref in h.events:
            article_id, event_id = ref.rsplit(":", 1)
            e = events.loc[(article_id, int(event_id))]
            print(
                f"    {outlet[article_id]} ({articles.published[article_id]:%Y-%m-%d},"
                f" story {articles.story_id[article_id]}) {e.actor!r} {e.action}"
                f" {e.date_text!r} → {e.date}: {e.text}"
            )
    return len(joined)


def _digest(words: str) -> str:
    """Returns a 10-hex digest of a date phrase."""
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:10]


def date_value(first: Any, last: Any) -> str:
    """Returns an event's date as `YYYY-MM-DD`, a span as `first/last`, "" when missing."""
    import pandas as pd

    if pd.isna(first):
        return ""
    if pd.isna(last) or last == first:
        return f"{first:%Y-%m-%d}"
    return f"{first:%Y-%m-%d}/{last:%Y-%m-%d}"


def dated_phrases(folder: Path) -> Any:
    """Returns the events of a built tables folder that have a date phrase, with `digest` (of
    the phrase), `nth` (its rank among the same phrase's events in the sentence), `value`
    (`date_value`) and `published`."""
    import pandas as pd

    events = pd.read_parquet(folder / "events.parquet")
    articles = pd.read_parquet(folder / "articles.parquet").set_index("article_id")
    # an `occasion` statement's phrase is written in another sentence
    phrased = events.date_text.notna() & (events.resolution != "occasion")
    dated = events[phrased].sort_values(["article_id", "event_id"]).copy()
    dated["digest"] = dated.date_text.map(_digest)
    dated["nth"] = dated.groupby(["article_id", "sentence_id", "digest"]).cumcount()
    dated["value"] = [date_value(a, b) for a, b in zip(dated.date, dated.date_end, strict=True)]
    dated["published"] = dated.article_id.map(articles.published)
    return dated


def score_sample(folder: Path, judged: Path, *, n: int, seed: int, show: bool) -> Counter[str]:
    """Prints and returns the verdicts of the events of `judged` (without it, a seeded sample
    of `n` events dated by a phrase of a built corpus, to judge): right, wrong, no_date (a date
    given where none should be), `to_judge` (no verdict, or a date changed to one not judged),
    `gone` (the event has no date any more) and `gone_ok` (the same for a `no_date` one)."""
    dated = dated_phrases(folder)
    keys = dated.set_index(["article_id", "sentence_id", "digest", "nth"])
    verdicts: dict[tuple[str, int, str, int], dict[str, str]] = {}
    if judged.exists():
        with judged.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = (row["article_id"], int(row["sentence_id"]), row["digest"], int(row["nth"]))
                verdicts[key] = row
    if verdicts:  # the judged sample stays the sample, whatever the build dates now
        sample = list(verdicts)
    else:
        with_date = dated[dated.value != ""]
        picked = sorted(random.Random(seed).sample(range(len(with_date)), min(n, len(with_date))))
        columns = ["article_id", "sentence_id", "digest", "nth"]
        sample = [tuple(k) for k in with_date.iloc[picked][columns].values]
    counts: Counter[str] = Counter()
    for key in sorted(set(sample) | set(verdicts)):
        row = verdicts.get(key)
        e = keys.loc[key] if key in keys.index else None
        value = "" if e is None else e.value
        if row is None:
            kind = "to_judge"
        elif e is None or value == "":
            kind = "gone_ok" if row["verdict"] == "no_date" else "gone"
        elif value == row["value"]:
            kind = row["verdict"]
        elif value == row.get("right", ""):
            kind = "right"
        else:
            kind = "to_judge"
        counts[kind] += 1
        if show or kind == "to_judge":
            print(f"  {kind}: {key[0]} s{key[1]} {key[2]} #{key[3]}", end="")
            if e is not None:
                print(
                    f" published {e.published:%a %Y-%m-%d}: {e.date_text!r} -> {value}"
                    f" ({e.precision}, {e.direction}) · {e.text}"
                )
            else:
                print(" (no event)")
    print(f"{folder}: sample of {len(sample)} dated events: {dict(counts)}")
    return counts


def main() -> int:
    """Builds the TimeBank corpus and prints the figures; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/issue23/timebank", help="corpus folder to write")
    parser.add_argument("--cache", default="/tmp/issue23/cache-timebank", help="build cache")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument(
        "--show",
        choices=[
            "wrong",
            "missed",
            "spurious",
            "inexact",
            "unresolved",
            "finder-wrong",
            "finder-missed",
            "sample",
        ],
        default=None,
    )
    parser.add_argument(
        "--happenings", nargs="+", type=Path, default=None, help="built tables folders to read"
    )
    parser.add_argument("--sample", type=Path, default=None, help="built tables folder to sample")
    parser.add_argument("--judged", type=Path, default=None, help="hand verdicts (--sample)")
    parser.add_argument("--n", type=int, default=40, help="events to sample (--sample)")
    parser.add_argument("--seed", type=int, default=23, help="sampling seed (--sample, --read)")
    parser.add_argument(
        "--read", type=int, default=0, help="happenings of several outlets to print (--happenings)"
    )
    args = parser.parse_args()
    if args.sample:
        judged = args.judged or DATA / f"{args.sample.parent.name}_dates.csv"
        score_sample(args.sample, judged, n=args.n, seed=args.seed, show=args.show is not None)
        return 0
    if args.happenings:
        for tables in args.happenings:
            report_happenings(tables)
            if args.read:
                joined = read_happenings(tables, n=args.read, seed=args.seed)
                print(f"  ({joined} happenings join articles of different outlets)")
        return 0
    folder = find_timebank_dir()
    if folder is None:
        print("TIMEBANK_DIR is not set: skipping the date scores (see eval_real/README.md)")
        return 0
    paths = sorted(folder.glob("*.tml"))[: args.limit]
    docs = {d.doc_id: d for d in map(read_tml, paths)}
    write_corpus(list(docs.values()), Path(args.out))
    from analysis import build

    tables = build(args.out, cache_dir=args.cache)
    bodies = dict(zip(tables.articles.article_id, tables.articles.body, strict=True))
    differ = [aid for aid, d in docs.items() if bodies.get(aid) != d.body]
    if differ:
        print(f"{len(differ)} bodies differ from the written text, left out: {differ[:5]}")
        for aid in differ:
            docs.pop(aid)
    n_dates = sum(t.type == "DATE" for d in docs.values() for t in d.timexes)
    print(f"TimeBank: {len(docs)} documents, {n_dates} annotated DATE timexes")
    events = [p for p in event_phrases(tables) if p.article_id in docs]
    score(events, docs, name="events", show=args.show)
    finder = [p for p in finder_phrases(tables, docs) if p.article_id in docs]
    show = (
        args.show.removeprefix("finder-") if args.show and args.show.startswith("finder-") else None
    )
    score(finder, docs, name="finder alone", show=show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
