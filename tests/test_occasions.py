"""An undated statement takes the day of its occasion, or no day when told as background
(`timeline/occasions.py`; docs/timeline.md, "An undated statement"). Invented articles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import analysis

from .test_timeline import write_one_article


def statements(tables: analysis.Tables) -> list[tuple[int, str, str, object, object]]:
    """Returns each quote event's (sentence, actor, resolution, date, date phrase, or for an
    `occasion` statement the sentence of its occasion's phrase)."""
    e = tables.events[tables.events.quote_id.notna()]
    return [
        (int(s), str(a), str(r), d, t if isinstance(t, str) else None if pd.isna(o) else int(o))
        for s, a, r, d, t, o in zip(
            e.sentence_id,
            e.actor.fillna(""),
            e.resolution,
            e.date,
            e.date_text,
            e.occasion_sentence_id,
            strict=True,
        )
    ]


def build_statements(
    tmp_path: Path, cache_dir: Path, text: str
) -> list[tuple[int, str, str, object, object]]:
    """Builds one invented article published on Wednesday 6 August 2025; returns its
    `statements`."""
    write_one_article(tmp_path, text, title="Pier", published="2025-08-06")
    return statements(analysis.build(tmp_path, cache_dir=cache_dir))


def test_a_statement_takes_the_day_of_its_speakers_speech(tmp_path: Path, cache_dir: Path) -> None:
    # Published Wednesday 6 August 2025. 'Governor Ada Quill spoke in Dover on Tuesday night.'
    # dates her speech; '“We will rebuild the pier,” Quill said.' has no date of its own: it was
    # said there, on Tuesday 5 August (resolution `occasion`, the phrase "Tuesday night"), not on
    # the day of publication (`occasion_sentence_id` 0: the sentence of "Tuesday night").
    rows = build_statements(
        tmp_path,
        cache_dir,
        "Governor Ada Quill spoke in Dover on Tuesday night.\n\n"
        "The crowd filled the old harbour hall.\n\n"
        "“We will rebuild the pier,” Quill said.\n",
    )
    assert rows == [
        (2, "Ada Quill", "occasion", pd.Timestamp("2025-08-05"), 0),
    ]


def test_a_quote_told_as_background_is_left_undated(tmp_path: Path, cache_dir: Path) -> None:
    # 'Harbour master Ben Ostrander once said the pier was “a gift to the town.”' and '…, Mayor
    # Lena Varga has long argued.': said before, on no day the article states — left undated
    # (resolution `background`) rather than placed at publication.
    rows = build_statements(
        tmp_path,
        cache_dir,
        "Harbour master Ben Ostrander once said the pier was “a gift to the town.”\n\n"
        "“The pier will pay for itself,” Mayor Lena Varga has long argued.\n",
    )
    assert rows == [
        (0, "Ben Ostrander", "background", pd.NaT, None),
        (1, "Lena Varga", "background", pd.NaT, None),
    ]


def test_a_quote_continues_the_dated_quote_before_it(tmp_path: Path, cache_dir: Path) -> None:
    # '“We are broke,” Ostrander told a magazine in May 2019.' dates that quote; the next
    # sentence, '“The pier costs too much.”', continues it: May 2019 too (a month carries only
    # to the sentence right after). 'Ostrander declined to testify on Monday.' is no occasion
    # (he did not speak), so '“I have nothing to add,” Ostrander said.' stays at publication.
    rows = build_statements(
        tmp_path,
        cache_dir,
        "“We are broke,” Ben Ostrander told a magazine in May 2019.\n\n"
        "“The pier costs too much.”\n\n"
        "Ostrander declined to testify on Monday.\n\n"
        "“I have nothing to add,” Ostrander said.\n",
    )
    assert rows == [
        (0, "Ben Ostrander", "explicit", pd.Timestamp("2019-05-01"), "May 2019"),
        (1, "Ben Ostrander", "occasion", pd.Timestamp("2019-05-01"), 0),
        (3, "Ben Ostrander", "publication", pd.Timestamp("2025-08-06"), None),
    ]


def test_what_is_no_occasion_of_a_later_quote(tmp_path: Path, cache_dir: Path) -> None:
    # Published Wednesday 6 August 2025. A tweet's day does not date a later spoken quote two
    # sentences on ('Mayor Lena Varga tweeted on Monday morning …' then '“We owe the town a
    # pier,” Varga said.'); an act told in the past perfect is no occasion ('Harbour master Ben
    # Ostrander said he had written to the ministry on July 29.' then '“The ministry never
    # answered,” Ostrander said.'); a quote that names its channel ('“The pier is ours,” Ada
    # Quill said in an interview.') takes no day from a sentence that names none ('Ada Quill
    # spoke at a rally on Monday.'). All three stay at publication.
    rows = build_statements(
        tmp_path,
        cache_dir,
        "Mayor Lena Varga tweeted on Monday morning that the pier would reopen.\n\n"
        "The council has not voted.\n\n"
        "“We owe the town a pier,” Varga said.\n\n"
        "Harbour master Ben Ostrander said he had written to the ministry on July 29.\n\n"
        "“The ministry never answered,” Ostrander said.\n\n"
        "Ada Quill spoke at a rally on Monday.\n\n"
        "“The pier is ours,” Quill said in an interview.\n",
    )
    published = pd.Timestamp("2025-08-06")
    assert [(r[0], r[1], r[2], r[3]) for r in rows if r[0] in (2, 4, 6)] == [
        (2, "Lena Varga", "publication", published),
        (4, "Ben Ostrander", "publication", published),
        (6, "Ada Quill", "publication", published),
    ]
