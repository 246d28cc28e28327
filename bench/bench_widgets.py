"""Filter responsiveness: the time from a filter change to every chart of notebook 01 being
redrawn in place (Python side: builders plus the batched widget updates).

Target (issue 3): well under 100 ms on the seed corpus. Exits 1 when the median misses it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import analysis
from analysis.notebook import charts, views, widgets

TARGET_MS = 100.0


def main() -> int:
    """Runs the benchmark; returns 1 when the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    tables = analysis.build(args.corpus)
    a = tables.articles
    panel = widgets.FilterPanel(a, choices={"outlet_kind": sorted(a.outlet_kind.unique())})
    live = [
        widgets.LiveChart(
            lambda s: charts.plot_article_lengths(a, selection=s), name="a", panel=panel
        ),
        widgets.LiveChart(
            lambda s: charts.plot_removed_text(a, tables.removed, selection=s),
            name="b",
            panel=panel,
        ),
        widgets.LiveChart(
            lambda s: charts.plot_sentence_lengths(a, tables.sentences, selection=s),
            name="c",
            panel=panel,
        ),
        widgets.LiveChart(
            lambda s: charts.plot_paragraph_structure(a, tables.paragraphs, selection=s),
            name="d",
            panel=panel,
        ),
    ]
    widgets.TableView(lambda s: views.summarize_articles(s.select_articles(a)), panel=panel)
    box = next(iter(panel.outlets.values()))
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        box.value = not box.value
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(
        f"filter change → {len(live)} charts and 1 table redrawn: median {median:.1f} ms, "
        f"max {max(times):.1f} ms over {args.repeat} changes (target < {TARGET_MS:.0f} ms)"
    )
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
