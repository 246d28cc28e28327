"""A he/she whose own sentence opens with a subjectless participle's clause ("Asked whether …,
she said"): the pronoun is that clause's understood subject, so a person named inside it is
someone else (issue 21, session i21h). Invented article, the expectation checked by hand and
quoted from the text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, speaker_of


def test_a_name_inside_the_question_put_to_a_she_is_not_her(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "The singer Anna Price has backed Tom Ward in the mayoral race.\n\n"
        "“I think Tom will surprise people,” she said on a radio show.\n\n"
        "Asked whether Jane Roe could beat Ward in the runoff, she laughed and said: “Ask me"
        " again in June.”\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # Before: Roe, the subject of "could beat" inside the question, was taken for "she".
    assert speaker_of(tables, "Ask me again in June") == "Anna Price"
