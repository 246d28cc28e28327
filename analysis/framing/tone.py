"""Tone: VADER's compound score (−1 very negative … +1 very positive) of the reporter's words in
each sentence and of each quote, for distributions by outlet and by speaker.

VADER (Hutto & Gilbert 2014; the `vaderSentiment` package ships its lexicon) scores words from a
hand-rated lexicon with rules for negation, intensifiers and punctuation. Its limits for news, which
the notebook states: news tone is not sentiment — a sober report of deaths scores very negative,
and "attack", "war" or "victim" are negative words whoever uses them, so outlets covering the same
events score alike; negation is handled only close to the word ("not unfair"); irony and reported
disagreement are missed. Scoring the reporter's words apart from the quotes keeps the speakers'
tone out of the outlet's own.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .tokens import NO_QUOTE, map_all_quote_owners

COLUMNS = [
    "article_id",
    "outlet",
    "sentence_id",
    "part",
    "quote_id",
    "speaker",
    "text",
    "compound",
]


def _reporter_text(text: str, owner: Any) -> str:
    """Returns a sentence's characters outside quotes, each quoted stretch as " … "."""
    out, inside = [], False
    for char, quote in zip(text, owner, strict=True):
        if quote == NO_QUOTE:
            out.append(char)
            inside = False
        elif not inside:
            out.append(" … ")
            inside = True
    return re.sub(r"\s+", " ", "".join(out)).strip()


def score_tone(tables: Any) -> pd.DataFrame:
    """Scores the tone of the reporter's words in every sentence and of every quote.

    Args:
        tables: The built `Tables`.

    Returns:
        One row per scored text: article_id, outlet, sentence_id, part ("reporter": the sentence
        without its quoted words, each quoted stretch shown as "…"; "quote": a whole quote, its
        first sentence as sentence_id), quote_id and speaker (quotes only; speaker missing when
        unknown), text (what was scored) and compound (VADER, −1…1). Sentences that are all
        quote have no reporter row.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    articles = tables.articles
    outlet = dict(zip(articles.article_id, articles.outlet, strict=True))
    bodies = dict(zip(articles.article_id, articles.body, strict=True))
    owners = map_all_quote_owners(bodies, tables.quotes)
    rows: list[tuple[Any, ...]] = []
    for s in tables.sentences.itertuples():
        text = _reporter_text(str(s.text), owners[s.article_id][s.start : s.end])
        if re.search(r"\w", text.replace("…", "")):
            score = vader.polarity_scores(text)["compound"]
            rows.append(
                (
                    s.article_id,
                    outlet[s.article_id],
                    s.sentence_id,
                    "reporter",
                    None,
                    None,
                    text,
                    score,
                )
            )
    for q in tables.quotes.itertuples():
        speaker = q.speaker if isinstance(q.speaker, str) else None
        rows.append(
            (
                q.article_id,
                outlet[q.article_id],
                q.sentence_id,
                "quote",
                q.quote_id,
                speaker,
                str(q.text),
                vader.polarity_scores(str(q.text))["compound"],
            )
        )
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.astype({"quote_id": "Int64", "compound": "float64", "sentence_id": "int64"})
