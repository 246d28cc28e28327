"""The happenings and report-delay tables of notebook 05, following every filter of its panel:
a happening is shown when the selection keeps one of its events (outlet, event date, search on
the event's sentence, actor, resolution), so a filter on events filters the happenings too."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..corpus.selection import Selection
from ..timeline import select_events, summarize_happenings


def select_happenings(
    happenings: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, selection: Selection
) -> pd.DataFrame:
    """Returns the happenings at least one of whose events the selection keeps (a new frame)."""
    kept = select_events(events, articles, selection)
    keys = set(kept.article_id.astype("str") + ":" + kept.event_id.astype("str"))
    return happenings[happenings.events.map(lambda members: any(e in keys for e in members))]


def summarize_selected_happenings(
    happenings: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, selection: Selection
) -> pd.DataFrame:
    """Returns `timeline.summarize_happenings` of the happenings the selection keeps, with a
    column per selected outlet (the filters on events are applied through the events)."""
    chosen = select_happenings(happenings, events, articles, selection)
    return summarize_happenings(chosen, articles, replace(selection, search="", choices=()))


def select_report_delays(
    delays: pd.DataFrame,
    happenings: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    selection: Selection,
) -> pd.DataFrame:
    """Returns the rows of `timeline.tabulate_report_delays` whose happening the selection keeps
    and whose article it selects (a new frame)."""
    chosen = select_happenings(happenings, events, articles, selection)
    shown = set(selection.select_articles(articles).article_id)
    keep = delays.happening_id.isin(chosen.happening_id) & delays.article_id.isin(shown)
    return delays[keep].reset_index(drop=True)
