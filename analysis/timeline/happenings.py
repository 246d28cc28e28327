"""Across outlets: events grouped into happenings, date conflicts, and how statements propagated.

A happening is one act: the same actor, the same kind of action, one story, dates that can all
be true. Events are grouped within blocks, never all pairs: events of one actor entity, of one
kind of action, stated on the same day form one block; dated tellings of an act that happens
once to a person ("killed", "died") or to a thing ("the jet crashed", "missiles struck the
base") within two days form one whoever acts, and may conflict — so does a telling of such an
act as a weekend or a week within two days of a day told by another ("last weekend" against
"Monday": a conflict; a month or a year is never compared);
events whose sentences the `links` table connects join when they have the same actor and the
whole group's dates still share a day — or, for two dated tellings of one statement by two
outlets (a verbatim, near-verbatim or shared-quote link of at least 6 words) at most a week
apart, even when they cannot: a conflict, shown and never resolved.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from typing import Any

import pandas as pd

from ..corpus.selection import Selection
from .events import STATEMENT_ACTIONS, rows_of
from .occasions import DAY_PRECISIONS, STATED_RESOLUTIONS
from .once_things import ACT_KINDS

#: What `phrases_by_article` shows for a statement on the day of its occasion (no phrase of its
#: own sentence).
OCCASION_PHRASE = "(the day of its occasion)"
#: Link kinds that make two events one statement (the same words, or the same quote): strong
#: enough to group events whose stated dates disagree — a conflict.
STRONG_LINKS = frozenset({"verbatim", "near_verbatim", "shared_quote"})
#: Words two tellings must share in a row to be one statement that may conflict: a stock phrase
#: quoted in several statements ("law and order") is not one statement.
MIN_SHARED_WORDS = 6
#: Most days apart two tellings of an act that happens once to a person may be and still be
#: one act in conflict (farther apart, one of the two dates is more likely misread than told).
ONCE_ACT_DAYS = 2
#: Most days between the dates of two linked tellings of one statement that may conflict (a
#: weekday read a week apart still does); farther apart, one date more likely belongs to
#: something else the sentence names (a note of 1990 quoted today) and they stay apart.
LINKED_DAYS = 7
#: Longest span, in days, that a telling of an act done once may state and still be compared
#: with another telling's single day (a weekend, a week; never a month or a year).
SHORT_SPAN_DAYS = 7
#: Longest label, in characters.
LABEL_CHARS = 90


def story_of(articles: pd.DataFrame | None) -> dict[str, str]:
    """Returns each article's story: `articles.story_id` when the column exists, else one story
    for the whole corpus (an article without a story is a story of its own)."""
    if articles is None:
        return {}
    if "story_id" not in articles.columns:
        return dict.fromkeys(articles.article_id.astype(str), "")
    return {
        str(a): (str(s) if pd.notna(s) else f"article:{a}")
        for a, s in zip(articles.article_id, articles.story_id, strict=True)
    }


def group_happenings(
    events: pd.DataFrame, *, links: pd.DataFrame, articles: pd.DataFrame | None = None
) -> list[dict[str, Any]]:
    """Groups events of different articles that describe the same act.

    One act: the same actor (an entity; or the same words, for events whose sentences a link
    joins), the same kind of action, dates that can all be true, one story. Events without an
    actor stay happenings of their own.

    Args:
        events: The `events` table (not modified).
        links: The `links` table.
        articles: The `articles` table: its `story_id` keeps every happening within one story
            (without the column, or without the table, the corpus is one story).

    Returns:
        Rows of the `happenings` table, earliest first (every event is in exactly one).
    """
    ev = events.reset_index(drop=True)
    if ev.empty:
        return []
    stories = story_of(articles)
    records = rows_of(ev)
    entity = [e if isinstance(e, str) else None for e in ev.actor_entity_id.tolist()]
    words = [a.lower() if isinstance(a, str) else None for a in ev.actor.tolist()]
    actors = [e or w for e, w in zip(entity, words, strict=True)]
    story = [stories.get(str(e.article_id), "") for e in records]
    kind = ["statement" if e.action in STATEMENT_ACTIONS else str(e.action) for e in records]
    stated = (ev.resolution.isin([*STATED_RESOLUTIONS, "occasion"]) & ev.date.notna()).tolist()
    # Only a date written in the sentence itself may make a conflict: a day carried from the
    # statement's occasion (resolution `occasion`) joins what it agrees with, and nothing else.
    own = ev.resolution.isin(STATED_RESOLUTIONS).tolist()
    first = [e.date for e in records]
    last = [e.date if pd.isna(e.date_end) else e.date_end for e in records]
    # A stated date is its days; an undated statement was made on or before its publication.
    never = pd.Timestamp.min
    groups = _Groups(
        [
            (first[i], last[i])
            if stated[i]
            else (never, e.date)
            if e.resolution == "publication" and pd.notna(e.date)
            else None
            for i, e in enumerate(records)
        ]
    )

    day_block: dict[tuple[str, str, str, Any], int] = {}
    for i, e in enumerate(records):
        who = entity[i]
        if who and stated[i] and e.precision in DAY_PRECISIONS:
            j = day_block.setdefault((story[i], who, kind[i], e.date), i)
            groups.join(i, j, conflict_allowed=False)

    # An act that happens once to a person (killed, died): its dated tellings in one story are
    # one act whoever is named as its actor; days that disagree (within ONCE_ACT_DAYS: a time
    # zone, a late report) are a conflict.
    # So does an act that happens once to a thing (a downed aircraft, an attacked base): one
    # happening per story, kind of act and kind of thing.
    patient = [p if isinstance(p, str) else None for p in ev.patient_entity_id.tolist()]
    things = ev.patient_thing.tolist()
    once_block: dict[tuple[str, str, str], int] = {}
    short_spans: list[tuple[tuple[str, str, str], int]] = []
    for i, e in enumerate(records):
        if not stated[i]:
            continue
        if patient[i]:
            key = (story[i], str(e.action), str(patient[i]))
        elif isinstance(things[i], str) and str(e.action) in ACT_KINDS:
            key = (story[i], "thing:" + ACT_KINDS[str(e.action)], things[i])
        else:
            continue
        if e.precision not in DAY_PRECISIONS:
            if _is_short_span(e):
                short_spans.append((key, i))
            continue
        j = once_block.setdefault(key, i)
        if abs((e.date - records[j].date).days) <= ONCE_ACT_DAYS:
            groups.join(i, j, conflict_allowed=True)
    # A telling of the same act as a short span (a weekend, a week) joins the block's day when
    # the day lies within ONCE_ACT_DAYS of it: the same act, and a conflict when the span does
    # not hold the day ("last weekend" against "Monday"). A month or a year is never compared.
    for key, i in short_spans:
        anchor = once_block.get(key)
        if anchor is None:
            continue
        day = records[anchor].date
        if (
            first[i] - pd.Timedelta(days=ONCE_ACT_DAYS)
            <= day
            <= last[i] + pd.Timedelta(days=ONCE_ACT_DAYS)
        ):
            groups.join(i, anchor, conflict_allowed=True)

    told = [(first[i], last[i]) if stated[i] else None for i in range(len(records))]
    outlet = _outlet_of(articles)
    at: dict[tuple[str, int], list[int]] = {}
    for i, e in enumerate(records):
        at.setdefault((str(e.article_id), int(e.sentence_id)), []).append(i)
    ends = ("article_a", "sentence_a", "article_b", "sentence_b", "kind", "shared_run")
    for article_a, sentence_a, article_b, sentence_b, link_kind, run in zip(
        *(links[c].tolist() for c in ends), strict=True
    ):  # plain lists: a large corpus has hundreds of thousands of links
        side_a, side_b = at.get((article_a, sentence_a), []), at.get((article_b, sentence_b), [])
        for i in side_a:
            for j in side_b:
                if actors[i] is None or (actors[i], kind[i], story[i]) != (
                    actors[j],
                    kind[j],
                    story[j],
                ):
                    continue
                # Two dated tellings of one statement word for word may disagree: a conflict —
                # unless either one agrees with another act of the same actor and kind in the
                # other sentence ("said on Tuesday he would publish the list on March 14"
                # against "will publish the list this Thursday": the publishing agrees; saying
                # is another act).
                strong = link_kind in STRONG_LINKS and run >= MIN_SHARED_WORDS
                strong = strong and own[i] and own[j] and stated[i] and stated[j]
                # Farther apart than LINKED_DAYS, one date more likely belongs to something
                # else the sentence names ("quoting a note of 1990", told as quoted "on Tuesday
                # night" by another outlet) than to the statement: no conflict.
                strong = strong and _days_between(told[i], told[j]) <= LINKED_DAYS
                # One outlet's formula repeated on two days (two captions, "X answers questions on
                # day two of the inquiry, May 5" and "… on day three …, May 6") is two acts: only
                # two outlets' tellings may disagree.
                same_outlet = outlet.get(article_a) is not None and (
                    outlet.get(article_a) == outlet.get(article_b)
                )
                strong = strong and not same_outlet
                if strong and (
                    _agrees_with_one(i, side_b, actors, kind, told)
                    or _agrees_with_one(j, side_a, actors, kind, told)
                ):
                    strong = False
                groups.join(i, j, conflict_allowed=strong)

    published = _published_of(articles)
    rows = [
        _happening([records[i] for i in members], [stated[i] for i in members], published)
        for members in groups.members()
    ]
    last_day = pd.Timestamp.max
    rows.sort(key=lambda r: (last_day if pd.isna(r["date"]) else r["date"], r["events"][0]))
    for i, row in enumerate(rows):
        row["happening_id"] = i
    return rows


def _is_short_span(event: Any) -> bool:
    """Returns whether an event states a span of a week at most (precision `week`: a weekend, a
    week; never a month, a quarter or a year)."""
    return (
        event.precision == "week"
        and pd.notna(event.date_end)
        and (event.date_end - event.date).days < SHORT_SPAN_DAYS
    )


def _days_between(a: Any, b: Any) -> int:
    """Returns the days between two stated (first, last) spans: 0 when they share a day or
    touch, else the days from the end of the earlier to the start of the later."""
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return max(gap.days, 0)


def _agrees_with_one(
    i: int, others: list[int], actors: list[Any], kind: list[str], told: list[Any]
) -> bool:
    """Says whether event i shares a day with one of `others` of the same actor and kind (a
    dated telling of the same act in a linked sentence); `told`: each event's stated (first,
    last) day, None when it states none."""
    mine = told[i]
    return mine is not None and any(
        (actors[j], kind[j]) == (actors[i], kind[i])
        and (theirs := told[j]) is not None
        and theirs[0] <= mine[1]
        and mine[0] <= theirs[1]
        for j in others
    )


class _Groups:
    """Union-find over events that keeps, for each group, the days all its dates share (the
    latest first day and the earliest last day) and, for a group in conflict, the days its
    stated dates cover (from the earliest first day to the latest last day)."""

    def __init__(self, spans: list[tuple[pd.Timestamp, pd.Timestamp] | None]) -> None:
        self.parent = list(range(len(spans)))
        self.span: list[tuple[Any, Any, Any, Any] | None] = [
            None if s is None else (s[0], s[1], s[0], s[1]) for s in spans
        ]

    def find(self, i: int) -> int:
        """Returns the group of event i."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, *, conflict_allowed: bool) -> bool:
        """Joins the groups of events i and j when their dates can all be true (or when a
        conflict is allowed); returns whether they are one group now."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        sa, sb = self.span[a], self.span[b]
        if sa is None or sb is None:
            merged = sa or sb
        else:
            lo, hi = max(sa[0], sb[0]), min(sa[1], sb[1])
            if sa[0] > sa[1] or sb[0] > sb[1]:  # a conflict: the other must fit what it covers
                cover = (max(sa[2], sb[2]), min(sa[3], sb[3]))
                if cover[0] > cover[1] and not conflict_allowed:
                    return False
                merged = (lo, hi, *cover)
            elif lo <= hi:
                merged = (lo, hi, lo, hi)
            elif conflict_allowed:
                merged = (lo, hi, min(sa[0], sb[0]), max(sa[1], sb[1]))
            else:
                return False
        self.parent[a] = b
        self.span[b] = merged
        return True

    def members(self) -> list[list[int]]:
        """Returns the events of each group, groups in order of their first event."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


#: Characters on each side of a date phrase that make two tellings the same words.
AROUND_CHARS = 40


def _words_around(text: str, phrase: str) -> tuple[str, str]:
    """Returns a date phrase with the words around it in its sentence (case folded), which two
    articles share when one repeats the other's sentence word for word."""
    at = max(text.find(phrase), 0)
    around = text[max(0, at - AROUND_CHARS) : at + len(phrase) + AROUND_CHARS]
    return phrase.casefold(), " ".join(around.casefold().split())


def _outlet_of(articles: pd.DataFrame | None) -> dict[str, str]:
    """Returns each article's outlet (none without the table or its column)."""
    if articles is None or "outlet" not in articles.columns:
        return {}
    return {
        str(a): str(o)
        for a, o in zip(articles.article_id, articles.outlet, strict=True)
        if pd.notna(o)
    }


def _published_of(articles: pd.DataFrame | None) -> dict[str, pd.Timestamp]:
    """Returns each article's publication date (none without the table)."""
    if articles is None or "published" not in articles.columns:
        return {}
    return {
        str(a): p
        for a, p in zip(articles.article_id, articles.published, strict=True)
        if pd.notna(p)
    }


def _happening(
    members: list[Any], stated: list[bool], published: dict[str, pd.Timestamp]
) -> dict[str, Any]:
    """Returns the happening row of a group of events. A relative date repeated word for word (the
    same phrase amid the same words) by a later article is a copy: it is shown in
    `dates_by_article`, but the date and the conflict are read from the first article's."""
    told = [e for e, ok in zip(members, stated, strict=True) if ok]
    never = pd.Timestamp.max
    told.sort(key=lambda e: published.get(str(e.article_id), never))
    dates: dict[str, str] = {}
    phrases: dict[str, str] = {}
    spans: dict[str, tuple[pd.Timestamp, pd.Timestamp]] = {}
    first_told: set[tuple[str, str]] = set()
    for e in told:
        if e.article_id not in dates:
            end = e.date_end if pd.notna(e.date_end) else e.date
            dates[e.article_id] = _iso(e.date) + ("" if end == e.date else "/" + _iso(end))
            # a day carried from the statement's occasion has no phrase in its sentence
            phrases[e.article_id] = (
                str(e.date_text) if isinstance(e.date_text, str) else OCCASION_PHRASE
            )
            copy = _words_around(str(e.text), str(e.date_text))
            if e.resolution == "relative" and copy in first_told:
                continue
            first_told.add(copy)
            spans[e.article_id] = (e.date, end)
    # Intervals on a line have a common day exactly when the latest start is before the first end.
    latest_start: Any = max((s[0] for s in spans.values()), default=pd.NaT)
    first_end: Any = min((s[1] for s in spans.values()), default=pd.NaT)
    conflict = bool(spans) and latest_start > first_end
    days = {s[0] for s in spans.values() if s[0] == s[1]}
    date: Any = pd.NaT
    date_end: Any = pd.NaT
    if len(days) == 1 and not conflict:
        date = next(iter(days))  # agreed (spans stated by other articles contain it)
    elif conflict:
        date = min(s[0] for s in spans.values())
    elif spans:
        date, date_end = latest_start, first_end  # the days every article's span shares
        if date == date_end:
            date_end = pd.NaT
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
        "date_end": date_end,
        "dates_by_article": json.dumps(dates),
        "phrases_by_article": json.dumps(phrases, ensure_ascii=False),
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
        first (the article is among the earliest carriers of its story by publication date) and
        delay_days (days after the first carrier of the same story — `articles.story_id`, the
        whole corpus without it; missing without a publication date).
    """
    meta = articles.set_index("article_id")[["outlet", "published"]]
    rows = statements.drop_duplicates(["statement_id", "article_id"]).join(meta, on="article_id")
    stories = story_of(articles)
    story = rows.article_id.map(lambda a: stories.get(str(a), ""))
    earliest = rows.groupby([rows.statement_id, story]).published.transform("min")
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
        delay_days (publication minus the happening's day; missing when either is unknown, and
        for a span happening, which has no day to count from).
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
                    "span": pd.notna(h.date_end),
                    "article_id": article_id,
                    "stated": read_dates(h.dates_by_article).get(article_id),
                }
            )
    frame = pd.DataFrame(
        rows, columns=["happening_id", "label", "date", "span", "article_id", "stated"]
    ).join(meta, on="article_id")
    delay = (frame.published - frame.date).dt.days.astype("Int64")
    frame["delay_days"] = delay.mask(frame.span.astype(bool))
    return frame.drop(columns="span")


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
        One row per happening: date (and date_end for a span), actor, action, conflict, then one
        column per selected outlet with the date it states (`reported` when it carries it without
        a date, empty when it does not carry it), and the label.
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
            "date_end": h.date_end,
            "actor": h.actor,
            "action": h.action,
            "conflict": h.conflict,
        }
        for article_id in h.articles:
            if article_id in outlet_of:
                row[outlet_of[article_id]] = stated.get(article_id, "reported")
        rows.append({**row, "label": h.label})
    columns = [
        "date",
        "date_end",
        "actor",
        "action",
        "conflict",
        *sorted(set(outlet_of.values())),
        "label",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    for outlet in set(outlet_of.values()):  # an outlet that carries none of them: all empty
        frame[outlet] = frame[outlet].astype("object").fillna("").astype("str")
    for column, allowed in selection.choices:
        if column in frame.columns:
            frame = frame[frame[column].isin(allowed)]
    return frame.reset_index(drop=True)
