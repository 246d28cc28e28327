"""The happenings and report-delay tables of notebook 05, following every filter of its panel:
a happening is shown when the selection keeps one of its events (outlet, event date, search on
the event's sentence, actor, resolution), so a filter on events filters the happenings too.

What a filter only selects from is made once (`HappeningIndex`): which events each happening
groups, and the date each article states for it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ..corpus.selection import Selection
from ..timeline import select_events, summarize_happenings
from ..timeline.happenings import read_dates


class HappeningIndex:
    """Which events each happening groups and the date each of its articles states, as arrays
    (made once per notebook; at 1,000 articles: 11,729 happenings of 15,149 events).

    Attributes:
        member_happening, member_event: One entry per (happening, event) pair: the happening's
            position in the table and the event's position in the `events` table.
        stated: One row per (happening, article) in table order: `happening` (position),
            `article_id`, `stated` (the ISO day or `first/last` span it states, "reported"
            when it carries it without a date) and `code` (its position in `texts`).
        texts: The distinct stated texts, then "" (not carried).
    """

    def __init__(self, happenings: pd.DataFrame, events: pd.DataFrame) -> None:
        """Codes the tables (neither is modified)."""
        position = {
            f"{a}:{e}": i
            for i, (a, e) in enumerate(
                zip(events.article_id.tolist(), events.event_id.tolist(), strict=True)
            )
        }
        pairs = [
            (h, position[member])
            for h, members in enumerate(happenings.events.tolist())
            for member in members
            if member in position
        ]
        self.member_happening = np.array([h for h, _ in pairs], dtype="int64")
        self.member_event = np.array([e for _, e in pairs], dtype="int64")
        rows = []
        for h, (articles, dates) in enumerate(
            zip(happenings.articles.tolist(), happenings.dates_by_article.tolist(), strict=True)
        ):
            told = read_dates(dates)
            rows += [(h, str(a), told.get(a, "reported")) for a in articles]
        self.stated = pd.DataFrame(rows, columns=["happening", "article_id", "stated"])
        # The stated texts are few (days): each as a number, and "" (not carried) the last one.
        codes, texts = pd.factorize(self.stated.stated)
        self.stated["code"] = codes
        self.texts = pd.Index([*texts.tolist(), ""], dtype="str")
        self._events = events.index
        self._size = len(happenings)

    def select(self, kept: pd.DataFrame) -> np.ndarray:
        """Returns a mask over the happenings: True for those one of whose events is a row of
        `kept` (a selection of the `events` table)."""
        chosen = np.zeros(len(self._events), dtype="bool")
        chosen[self._events.get_indexer(kept.index)] = True
        out = np.zeros(self._size, dtype="bool")
        out[self.member_happening[chosen[self.member_event]]] = True
        return out


def select_happenings(
    happenings: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    selection: Selection,
    *,
    index: HappeningIndex | None = None,
) -> pd.DataFrame:
    """Returns the happenings at least one of whose events the selection keeps (a new frame).

    Args:
        happenings: The `happenings` table.
        events: The `events` table.
        articles: The `articles` table.
        selection: The filters (applied to the events as `timeline.select_events` does).
        index: `HappeningIndex(happenings, events)`, made once for many selections; None makes
            one for this call.
    """
    index = index or HappeningIndex(happenings, events)
    return happenings[index.select(select_events(events, articles, selection))]


def summarize_selected_happenings(
    happenings: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    selection: Selection,
    *,
    index: HappeningIndex | None = None,
) -> pd.DataFrame:
    """Returns `timeline.summarize_happenings` of the happenings the selection keeps, with a
    column per selected outlet (the filters on events are applied through the events).

    Args:
        happenings: The `happenings` table.
        events: The `events` table.
        articles: The `articles` table.
        selection: The filters.
        index: `HappeningIndex(happenings, events)`, made once for many selections; None makes
            one for this call.
    """
    index = index or HappeningIndex(happenings, events)
    chosen = index.select(select_events(events, articles, selection))
    shown = replace(selection, search="", choices=()).select_articles(articles)
    outlet_of = dict(zip(shown.article_id, shown.outlet, strict=True))
    stated = index.stated
    stated = stated[chosen[stated.happening.to_numpy()] & stated.article_id.isin(outlet_of)]
    if stated.empty:  # the table's empty shape, as summarize_happenings gives it
        empty = replace(selection, search="", choices=())
        return summarize_happenings(happenings.head(0), articles, empty)
    stated = stated.assign(outlet=stated.article_id.map(outlet_of))
    # An outlet's column shows what its last article of the happening states.
    last = stated.drop_duplicates(["happening", "outlet"], keep="last")
    rows = np.unique(stated.happening.to_numpy())
    outlets = sorted(set(outlet_of.values()))
    column = {o: j for j, o in enumerate(outlets)}
    grid = np.full((len(rows), len(outlets)), len(index.texts) - 1, dtype="int64")
    grid[np.searchsorted(rows, last.happening.to_numpy()), last.outlet.map(column).to_numpy()] = (
        last.code.to_numpy()
    )
    picked = happenings.iloc[rows]
    frame = pd.concat(
        [
            picked[["date", "date_end", "actor", "action", "conflict"]].reset_index(drop=True),
            pd.DataFrame({o: index.texts.take(grid[:, j]) for o, j in column.items()}),
            pd.DataFrame({"label": picked.label.to_numpy()}),
        ],
        axis=1,
    )
    return frame


def select_report_delays(
    delays: pd.DataFrame,
    happenings: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    selection: Selection,
    *,
    index: HappeningIndex | None = None,
) -> pd.DataFrame:
    """Returns the rows of `timeline.tabulate_report_delays` whose happening the selection keeps
    and whose article it selects (a new frame).

    Args:
        delays: `timeline.tabulate_report_delays(happenings, articles)`.
        happenings: The `happenings` table.
        events: The `events` table.
        articles: The `articles` table.
        selection: The filters.
        index: `HappeningIndex(happenings, events)`, made once for many selections; None makes
            one for this call.
    """
    chosen = select_happenings(happenings, events, articles, selection, index=index)
    shown = set(selection.select_articles(articles).article_id)
    keep = delays.happening_id.isin(chosen.happening_id) & delays.article_id.isin(shown)
    return delays[keep].reset_index(drop=True)
