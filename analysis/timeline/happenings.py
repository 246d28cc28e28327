"""Across outlets: events grouped into happenings, date conflicts, and how statements propagated.

Events are grouped within blocks, never all pairs: events of one actor, of one kind of action,
stated on the same day form one block; events whose sentences the `links` table connects join
when they have the same actor and their dates can both be true — or, for a verbatim or
near-verbatim link, even when they cannot (that is a conflict, shown and never resolved).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from typing import Any

import pandas as pd

from ..corpus.selection import Selection
from ..text.lexicon import SPEECH_VERBS
from .events import rows_of

#: Actions that all count as making a statement public (one happening can be told with any).
STATEMENT_ACTIONS = SPEECH_VERBS | frozenset("publish issue release contact post".split())
#: Link kinds strong enough to group events whose stated dates disagree.
STRONG_LINKS = frozenset({"verbatim", "near_verbatim"})
#: Precisions of a stated single day.
DAY_PRECISIONS = frozenset({"day", "part_of_day"})
#: Longest label, in characters.
LABEL_CHARS = 90


def group_happenings(events: pd.DataFrame, *, links: pd.DataFrame) -> list[dict[str, Any]]:
    """Groups events of different articles that describe the same happening.

    Args:
        events: The `events` table (not modified).
        links: The `links` table.

    Returns:
        Rows of the `happenings` table, earliest first (every event is in exactly one).
    """
    ev = events.reset_index(drop=True)
    if ev.empty:
        return []
    parent = list(range(len(ev)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    actor = ev.actor_entity_id.fillna(ev.actor.str.lower())
    stated_mask = ev.resolution.isin(["explicit", "relative"]) & ev.date.notna()
    day_mask = stated_mask & ev.precision.isin(DAY_PRECISIONS) & actor.notna()
    records = rows_of(ev)
    actors, stated, days = actor.tolist(), stated_mask.tolist(), day_mask.tolist()
    first = [e.date for e in records]
    last = [e.date if e.date_end is pd.NaT else e.date_end for e in records]
    block_of: dict[tuple[str, str, pd.Timestamp], int] = {}
    for i, e in enumerate(records):
        if days[i]:
            kind = "statement" if e.action in STATEMENT_ACTIONS else str(e.action)
            union(i, block_of.setdefault((actors[i], kind, e.date), i))

    at: dict[tuple[str, int], list[int]] = {}
    for i, e in enumerate(records):
        at.setdefault((str(e.article_id), int(e.sentence_id)), []).append(i)
    ends = ("article_a", "sentence_a", "article_b", "sentence_b", "kind")
    for article_a, sentence_a, article_b, sentence_b, kind in zip(
        *(links[c].tolist() for c in ends), strict=True
    ):  # plain lists: a large corpus has hundreds of thousands of links
        for i in at.get((article_a, sentence_a), []):
            for j in at.get((article_b, sentence_b), []):
                if not isinstance(actors[i], str) or actors[i] != actors[j]:
                    continue
                agree = not (stated[i] and stated[j]) or (
                    first[i] <= last[j] and first[j] <= last[i]
                )
                if agree or kind in STRONG_LINKS:
                    union(i, j)

    groups: dict[int, list[int]] = {}
    for i in range(len(ev)):
        groups.setdefault(find(i), []).append(i)
    rows = [
        _happening([records[i] for i in members], [stated[i] for i in members])
        for members in groups.values()
    ]
    never = pd.Timestamp.max
    rows.sort(key=lambda r: (never if pd.isna(r["date"]) else r["date"], r["events"][0]))
    for i, row in enumerate(rows):
        row["happening_id"] = i
    return rows


def _happening(members: list[Any], stated: list[bool]) -> dict[str, Any]:
    told = [e for e, ok in zip(members, stated, strict=True) if ok]
    dates: dict[str, str] = {}
    spans: dict[str, tuple[pd.Timestamp, pd.Timestamp]] = {}
    for e in told:
        if e.article_id not in dates:
            end = e.date_end if pd.notna(e.date_end) else e.date
            dates[e.article_id] = _iso(e.date) + ("" if end == e.date else "/" + _iso(end))
            spans[e.article_id] = (e.date, end)
    # Intervals on a line have a common day exactly when the latest start is before the first end.
    conflict = bool(spans) and max(s[0] for s in spans.values()) > min(s[1] for s in spans.values())
    days = {s[0] for s in spans.values() if s[0] == s[1]}
    date: Any
    if len(days) == 1 and not conflict:
        date = next(iter(days))  # agreed (spans stated by other articles contain it)
    else:
        date = min((s[0] for s in spans.values()), default=pd.NaT)
    shown = (told or members)[0]
    actor = shown.actor if isinstance(shown.actor, str) else None
    action = Counter(e.action for e in (told or members) if isinstance(e.action, str)).most_common(
        1
    )
    label = f"{actor or 'unknown'} · {action[0][0] if action else ''}: {shown.text}"
    return {
        "happening_id": 0,
        "actor": actor,
        "action": action[0][0] if action else None,
        "date": date,
        "dates_by_article": json.dumps(dates),
        "conflict": conflict,
        "articles": list(dict.fromkeys(e.article_id for e in members)),
        "events": [f"{e.article_id}:{e.event_id}" for e in members],
        "label": label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…",
    }


def read_dates(dates_by_article: str) -> dict[str, str]:
    """Returns a happening's `dates_by_article` as a dict: article_id → ISO day or `first/last`."""
    return dict(json.loads(dates_by_article))


def _iso(day: pd.Timestamp) -> str:
    return day.strftime("%Y-%m-%d")


def propagate_statements(statements: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """For every statement carried by several articles, who carried it first and how long each
    other article took.

    Args:
        statements: The `statements` table.
        articles: The `articles` table.

    Returns:
        One row per statement and article: statement_id, label, article_id, outlet, published,
        first (the article is among the earliest carriers by publication date) and delay_days
        (days after the first carrier; missing without a publication date).
    """
    meta = articles.set_index("article_id")[["outlet", "published"]]
    rows = statements.drop_duplicates(["statement_id", "article_id"]).join(meta, on="article_id")
    earliest = rows.groupby("statement_id").published.transform("min")
    delay = (rows.published - earliest).dt.days
    return pd.DataFrame(
        {
            "statement_id": rows.statement_id,
            "label": rows.label,
            "article_id": rows.article_id,
            "outlet": rows.outlet,
            "published": rows.published,
            "first": (delay == 0).fillna(False).astype(bool),
            "delay_days": delay.astype("Int64"),
        }
    ).reset_index(drop=True)


def tabulate_report_delays(happenings: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """For each happening, the delay from the event to each article's report.

    Args:
        happenings: The `happenings` table.
        articles: The `articles` table.

    Returns:
        One row per happening and reporting article: happening_id, label, date (the happening's),
        article_id, outlet, stated (the date the article states, if any), published and
        delay_days (publication minus the happening's date; missing when either is unknown).
    """
    meta = articles.set_index("article_id")[["outlet", "published"]]
    rows = []
    for h in rows_of(happenings):
        for article_id in h.articles:
            rows.append(
                {
                    "happening_id": h.happening_id,
                    "label": h.label,
                    "date": h.date,
                    "article_id": article_id,
                    "stated": read_dates(h.dates_by_article).get(article_id),
                }
            )
    frame = pd.DataFrame(
        rows, columns=["happening_id", "label", "date", "article_id", "stated"]
    ).join(meta, on="article_id")
    frame["delay_days"] = (frame.published - frame.date).dt.days.astype("Int64")
    return frame


def select_events(
    events: pd.DataFrame, articles: pd.DataFrame, selection: Selection
) -> pd.DataFrame:
    """Applies a selection to the `events` table: outlets, text search and choices (actor,
    resolution, …) as for any table, but the date range to the event's date (a span is kept when
    it overlaps the range; an event without a date only when no range is set).

    Returns:
        The selected events (a new DataFrame).
    """
    rows = replace(selection, date_from=None, date_to=None).select_rows(events, articles)
    last = rows.date_end.fillna(rows.date)
    if selection.date_from is not None:
        rows = rows[last >= selection.date_from]
    if selection.date_to is not None:
        rows = rows[rows.date <= selection.date_to]
    return rows


def summarize_happenings(
    happenings: pd.DataFrame, articles: pd.DataFrame, selection: Selection | None = None
) -> pd.DataFrame:
    """The happenings table for reading: the date each outlet states, side by side.

    Args:
        happenings: The `happenings` table.
        articles: The `articles` table.
        selection: Keeps the happenings reported by a selected outlet, matching the search (on
            the label) and the choices that apply (e.g. actor).

    Returns:
        One row per happening: date, actor, action, conflict, then one column per selected outlet
        with the date it states (`reported` when it carries it without a date, empty when it
        does not carry it), and the label.
    """
    selection = selection or Selection()
    shown = selection.select_articles(articles)
    outlet_of = dict(zip(shown.article_id, shown.outlet, strict=True))
    rows = []
    for h in rows_of(happenings):
        if not any(a in outlet_of for a in h.articles):
            continue
        if selection.search and selection.search.casefold() not in str(h.label).casefold():
            continue
        stated = read_dates(h.dates_by_article)
        row: dict[str, Any] = {
            "date": h.date,
            "actor": h.actor,
            "action": h.action,
            "conflict": h.conflict,
        }
        for article_id in h.articles:
            if article_id in outlet_of:
                row[outlet_of[article_id]] = stated.get(article_id, "reported")
        rows.append({**row, "label": h.label})
    columns = ["date", "actor", "action", "conflict", *sorted(set(outlet_of.values())), "label"]
    frame = pd.DataFrame(rows, columns=columns).fillna({o: "" for o in set(outlet_of.values())})
    for column, allowed in selection.choices:
        if column in frame.columns:
            frame = frame[frame[column].isin(allowed)]
    return frame.reset_index(drop=True)
