"""A he/she inside the relative clause that a name opens with "who" (issue 21, session i21h):
"…, bus driver X, who laughed as she described the queue as …" — the "she" is X, whom the
clause is about, even when X is named as no subject. Invented article, the expectation checked
by hand and quoted from the text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, speaker_of


def test_a_she_inside_the_who_clause_of_a_name_is_that_person(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Tom Ward has run the ferry company for forty years.\n\n"
        "The best account of the storm night came from bus driver Lena Morrow, who laughed as"
        " she described the queue at the pier as “a river of umbrellas that would not stop.”\n\n"
        "“Nobody went home,” she said, “and nobody complained.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # Before: Morrow is no subject, so "she" had no one and neither quotation a speaker.
    assert speaker_of(tables, "a river of umbrellas") == "Lena Morrow"
    assert speaker_of(tables, "Nobody went home") == "Lena Morrow"
