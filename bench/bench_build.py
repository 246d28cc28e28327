"""Build speed on a corpus: cold (fresh process, empty cache), cached, and one added article.

Targets (issue 2): a cold build of the five seeds under 5 s on the 2-core machine, imports and
model load included; a second `build()` of the unchanged corpus well under 1 s (what a notebook
pays when a cell is rerun). A new process also pays ~1 s importing pandas and spaCy; that figure
is printed for information. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

COLD_TARGET_S = 5.0
CACHED_TARGET_S = 1.0

TIMED = """
import sys, time
started = time.perf_counter()
import analysis
tables = analysis.build(sys.argv[1], cache_dir=sys.argv[2])
total = time.perf_counter() - started
again = time.perf_counter()
analysis.build(sys.argv[1], cache_dir=sys.argv[2])
print(total, time.perf_counter() - again)
"""


def time_build(corpus: Path, cache: Path) -> tuple[float, float]:
    """Builds in a fresh Python process.

    Returns:
        The seconds for import plus first build, and for a second build in the same process.
    """
    out = subprocess.run(
        [sys.executable, "-c", TIMED, str(corpus), str(cache)],
        check=True,
        capture_output=True,
        text=True,
    )
    first, second = out.stdout.strip().splitlines()[-1].split()
    return float(first), float(second)


def main() -> int:
    """Runs the benchmark and prints its figures; returns 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default="corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache, corpus = Path(tmp) / "cache", Path(tmp) / "corpus"
        shutil.copytree(args.corpus, corpus)
        cold, rebuild = time_build(corpus, cache)
        process = min(time_build(corpus, cache)[0] for _ in range(3))
        first = next((corpus / "articles").iterdir())
        extra = corpus / "articles" / "bench-extra.txt"
        extra.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
        with (corpus / "articles.csv").open("a", encoding="utf-8") as manifest:
            manifest.write("bench-extra,articles/bench-extra.txt,Bench,newspaper,,,,en,\n")
        added, _ = time_build(corpus, cache)
    rows = [
        ("cold build, new process, empty cache (imports, model load)", cold, COLD_TARGET_S),
        ("second build() of the unchanged corpus, same process", rebuild, CACHED_TARGET_S),
        ("cached build, new process (imports included)", process, None),
        ("one article added, new process (parses only that one)", added, None),
    ]
    for label, seconds, target in rows:
        print(f"{label:<62} {seconds:6.2f} s" + (f"   target < {target} s" if target else ""))
    return 0 if cold < COLD_TARGET_S and rebuild < CACHED_TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
