"""HTML views of the tables for notebooks. Article text is untrusted: everything is escaped."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from ..corpus.selection import Selection
    from .charts.overlap_index import OverlapIndex

ELLIPSIS = "…"


def truncate(text: object, *, max_chars: int = 120) -> str:
    """Shortens text for a table cell.

    Args:
        text: The cell value.
        max_chars: The longest text kept whole.

    Returns:
        The text on one line (whitespace runs as one space), cut to `max_chars` characters with
        "…" when longer; missing values as "".
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    text = " ".join(str(text).split())
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + ELLIPSIS


def format_dates(values: pd.Series) -> pd.Series:
    """Returns dates as text sortable as text: `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` when any value
    has a time of day; missing dates as "" (never "NaT")."""
    timed = bool((values.dropna() != values.dropna().dt.normalize()).any())
    text = values.dt.strftime("%Y-%m-%d %H:%M" if timed else "%Y-%m-%d")
    return text.where(values.notna(), "").astype("str")


def shorten_columns(frame: pd.DataFrame, *, max_chars: int = 120) -> pd.DataFrame:
    """Shortens every text column of a table for display (the values stay plain text), and
    writes dates as `YYYY-MM-DD` (with the time when any has one), a missing date as "".

    Args:
        frame: Any table; it is not modified.
        max_chars: The longest text kept whole.

    Returns:
        A copy whose text cells are at most `max_chars` characters.
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = format_dates(values)
        elif isinstance(values.dtype, pd.StringDtype) and values.dtype.na_value is np.nan:
            # Each distinct text shortened once (a page of a wide table repeats most cells).
            codes, uniques = pd.factorize(values)
            short = [truncate(u, max_chars=max_chars) for u in uniques.tolist()] + [""]
            out[column] = pd.Series(
                np.array(short, dtype="object")[codes], index=values.index, dtype=values.dtype
            )
        elif pd.api.types.is_string_dtype(values) or values.dtype == object:
            out[column] = values.map(lambda v: truncate(v, max_chars=max_chars))
    return out


def render_record(row: pd.Series) -> str:
    """Renders one table row in full, as an escaped HTML definition list.

    Args:
        row: The row.

    Returns:
        HTML: each column name and its full value; missing values are left out (no "nan").
    """
    items = "".join(
        f"<dt style='font-weight:600'>{html.escape(str(k))}</dt>"
        f"<dd style='margin:0 0 .6em 1.2em;white-space:pre-wrap'>{html.escape(str(v))}</dd>"
        for k, v in row.items()
        if not (v is None or (pd.api.types.is_scalar(v) and pd.isna(v)))
    )
    return f"<dl style='margin:.5em 0'>{items}</dl>"


def render_reading_view(articles: pd.DataFrame, removed: pd.DataFrame, article_id: str) -> str:
    """Renders an article's raw text with what cleaning removed struck through.

    Args:
        articles: The `articles` table.
        removed: The `removed` table.
        article_id: The article to show.

    Returns:
        Escaped HTML: a header (outlet, date, title), then the raw text in order, removed spans as
        `<del>` with their reason on hover and in a marginal label, and a summary line.
    """
    article = articles.set_index("article_id").loc[article_id]
    raw = str(article.raw)
    spans = removed[removed.article_id == article_id].sort_values("start")
    parts, pos = [], 0
    for start, end, why in zip(spans.start, spans.end, spans.reason, strict=True):
        parts.append(html.escape(raw[pos:start]))
        reason = html.escape(str(why))
        parts.append(
            f"<del title='removed: {reason}' style='color:#a33;background:#fbeaea'>"
            f"{html.escape(raw[start:end])}</del>"
            f"<sup style='color:#a33;font-size:75%'> [removed: {reason}]</sup>"
        )
        pos = end
    parts.append(html.escape(raw[pos:]))
    published = article.published
    date = published.strftime("%Y-%m-%d") if pd.notna(published) else "date unknown"
    title = article.title if isinstance(article.title, str) else "(no title)"
    removed_chars = int((spans.end - spans.start).sum())
    return (
        "<div style='font-family:Georgia,serif;max-width:46em;line-height:1.5'>"
        f"<div style='font-family:sans-serif;color:#555'>{html.escape(str(article.outlet))} · "
        f"{html.escape(date)} · {html.escape(article_id)}</div>"
        f"<h3 style='margin:.3em 0'>{html.escape(title)}</h3>"
        f"<div style='font-family:sans-serif;font-size:90%;color:#555'>{len(spans)} removed "
        f"{'span' if len(spans) == 1 else 'spans'}, {removed_chars} of {len(raw)} raw "
        f"characters; kept: {article.n_paragraphs} "
        f"paragraphs, {article.n_words} words.</div>"
        f"<div style='white-space:pre-wrap;border-top:1px solid #ddd;margin-top:.5em;"
        f"padding-top:.5em'>{''.join(parts)}</div></div>"
    )


def summarize_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Returns the articles table as a user reads it: who, what kind, when, headline, length (and
    the story, when the corpus has several)."""
    columns = [
        "article_id",
        "outlet",
        "outlet_kind",
        "published",
        "title",
        "n_words",
        "n_sentences",
    ]
    if "story_id" in articles.columns and articles.story_id.nunique() > 1:
        columns.insert(1, "story_id")
    out = articles[columns].copy()
    out["published"] = out.published.dt.strftime("%Y-%m-%d").fillna("unknown")
    return out


def summarize_stories(stories: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Returns the stories of the given articles as a user reads them, the most covered first.

    Args:
        stories: The `stories` table.
        articles: The articles to count (e.g. a selection of the `articles` table).

    Returns:
        One row per story with a selected article: story_id, label, articles, outlets (named),
        first and last day (YYYY-MM-DD, "unknown" when undated) and where the grouping came from.
    """
    per = articles.groupby("story_id")
    out = stories[stories.story_id.isin(per.groups)].copy()
    out["articles"] = out.story_id.map(per.size()).astype("int64")
    out["outlets"] = out.story_id.map(
        per.outlet.agg(lambda o: ", ".join(sorted(set(map(str, o)), key=str.casefold)))
    )
    for column in ("first_published", "last_published"):
        out[column] = out[column].dt.strftime("%Y-%m-%d").fillna("unknown")
    out = out.sort_values(["articles", "story_id"], ascending=[False, True], kind="stable")
    return out[
        ["story_id", "label", "articles", "outlets", "first_published", "last_published", "source"]
    ].rename(columns={"first_published": "first day", "last_published": "last day"})


def summarize_removed(removed: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Returns what cleaning removed, per span: the article's outlet, reason, size and the text."""
    out = removed.merge(articles[["article_id", "outlet"]], on="article_id")
    out["characters"] = out.end - out.start
    return out[["outlet", "article_id", "reason", "characters", "start", "end", "text"]]


def summarize_entities(
    entities: pd.DataFrame, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Returns the entities table for auditing: name, type, counts and every spelling seen.

    Args:
        entities: The `entities` table.
        mentions: The mentions to count (e.g. those of a selection); None keeps the corpus-wide
            counts. With mentions, only the entities they mention are listed.

    Returns:
        One row per entity: name, label, n_mentions, n_articles, aliases, entity_id.
    """
    out = entities[["name", "label", "n_mentions", "n_articles", "aliases", "entity_id"]].copy()
    if mentions is not None:
        per = mentions.groupby("entity_id")
        # Mapped, not `isin` (which walks a string column in Python): entities not mentioned
        # get no count and are left out.
        counted = out.entity_id.map(per.size())
        out = out[counted.notna()].copy()
        out["n_mentions"] = counted[counted.notna()].astype("int64")
        out["n_articles"] = out.entity_id.map(per.article_id.nunique()).astype("int64")
        out = out.sort_values("n_mentions", ascending=False, kind="stable")
    out["aliases"] = out.aliases.map(lambda forms: " · ".join(map(str, forms)))
    return out


def markup(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Escapes text and wraps non-overlapping spans in tags.

    Args:
        text: Plain (untrusted) text.
        spans: (start, end, tag) with offsets into `text`, e.g. (4, 9, "mark").

    Returns:
        HTML in which only the given tags are markup.
    """
    parts, pos = [], 0
    for start, end, tag in sorted(spans):
        if start < pos or start >= end:
            continue
        parts += [
            html.escape(text[pos:start]),
            f"<{tag}>",
            html.escape(text[start:end]),
            f"</{tag}>",
        ]
        pos = end
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


def render_quotes_in_context(
    quotes: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, limit: int = 40
) -> str:
    """Renders quotes in their sentences: the quote highlighted, the speaker's words in bold.

    Args:
        quotes: The quotes to show (e.g. a filtered `quotes` table).
        sentences: The `sentences` table.
        articles: The `articles` table.
        limit: The most quotes shown.

    Returns:
        Escaped HTML, one block per quote: outlet, kind, speaker and cue, then the sentences the
        quote touches with the quoted words in `<mark>` and the speaker mention in `<b>`.
    """
    bodies = dict(zip(articles.article_id, articles.body, strict=True))
    outlets = dict(zip(articles.article_id, articles.outlet, strict=True))
    blocks = []
    for q in quotes.head(limit).to_dict("records"):
        body, q_start, q_end = str(bodies[q["article_id"]]), int(q["start"]), int(q["end"])
        mine = sentences[sentences.article_id == q["article_id"]]
        touched = mine[(mine.end > q_start) & (mine.start < q_end)]
        start = int(touched.start.min()) if len(touched) else q_start
        end = int(touched.end.max()) if len(touched) else q_end
        context = body[start:end]
        spans = [(q_start - start, q_end - start, "mark")]
        mention = q["speaker_mention"] if isinstance(q["speaker_mention"], str) else ""
        for found in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", context) if mention else []:
            if not spans[0][0] <= found.start() < spans[0][1]:
                spans.append((found.start(), found.end(), "b"))
                break
        speaker = q["speaker"] if isinstance(q["speaker"], str) else "unknown speaker"
        cue = q["cue"] if isinstance(q["cue"], str) else "—"
        heading = f"{outlets[q['article_id']]} · {q['kind']} · {speaker} · {cue}"
        blocks.append(
            "<div style='margin:.6em 0;padding:.4em .6em;border-left:3px solid #0072B2'>"
            f"<div style='font-size:85%;color:#555'>{html.escape(heading)}</div>"
            f"<div>{markup(context, spans)}</div></div>"
        )
    more = f"<p>{len(quotes) - limit} more not shown.</p>" if len(quotes) > limit else ""
    return "".join(blocks) + more if blocks else "<p><i>No quote matches.</i></p>"


def summarize_only_here(
    links: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """Returns the sentences no other article carries, with their outlet, for reading."""
    from ..overlap.links import find_only_here

    alone = find_only_here(links, sentences)
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    alone.insert(0, "outlet", alone.article_id.map(outlet))
    return alone[["outlet", "article_id", "sentence_id", "text"]]


def summarize_shared_by_all(statements: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Returns the statements every one of the given articles carries: id, label, articles."""
    from ..overlap.statements import find_shared_by_all

    ids = find_shared_by_all(statements, article_ids)
    rows = statements[statements.statement_id.isin(ids)].drop_duplicates("statement_id")
    counts = statements.groupby("statement_id").size()
    return pd.DataFrame(
        {
            "statement_id": rows.statement_id.to_numpy(),
            "articles": [int(counts[s]) for s in rows.statement_id],
            "label": rows.label.to_numpy(),
        }
    )


def summarize_statements(
    statements: pd.DataFrame,
    articles: pd.DataFrame,
    selection: Selection | None = None,
    *,
    index: OverlapIndex | None = None,
) -> pd.DataFrame:
    """Returns the key of the statement grid: each statement's id, who carries it, its full text.

    Args:
        statements: The `statements` table.
        articles: The `articles` table.
        selection: Which articles count (the statements two or more of them carry are listed).
        index: `charts.index_overlap` of these tables, made once for many selections; None
            selects from the tables.

    Returns:
        One row per statement, most widely carried first: statement_id, articles (how many
        selected articles carry it), outlets (their names) and label (the full sentence).
    """
    from ..corpus.selection import Selection
    from .charts.overlap import select_statements

    shown = (selection or Selection()).select_articles(articles)
    if index is None:
        rows = select_statements(statements, list(shown.article_id))
    else:
        rows = statements[index.select_statements(index.choose(shown))]
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    grouped = rows.groupby("statement_id", sort=False)
    # Each statement's outlets gathered in one pass over plain lists (not a frame per group).
    carriers: dict[Any, set[str]] = {}
    for sid, article_id in zip(rows.statement_id.tolist(), rows.article_id.tolist(), strict=True):
        carriers.setdefault(sid, set()).add(outlet[article_id])
    return pd.DataFrame(
        {
            "statement_id": list(grouped.groups),
            "articles": grouped.size().to_numpy(),
            "outlets": [
                ", ".join(sorted(carriers[sid], key=str.casefold)) for sid in grouped.groups
            ],
            "label": grouped.label.first().to_numpy(),
        }
    )
