"""A he/she whose antecedent the parser hung on a place (issue 21, sessions i21q and i21h): in
"Campaigning in Eastfield, X, …, accused Y", the parser makes X the apposition of the place
that ends the fronted participle's phrase and leaves the main verb without a subject; a person
is no place's apposition, so X is that verb's subject. Invented article, the expectation checked
by hand and quoted from the text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, speaker_of


def test_a_name_after_a_fronted_participle_and_a_place_is_the_subject(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "Campaigning in Eastfield, Margaret Hale, without naming him, also accused Peter Reyes"
        " of neglecting the harbour.\n\n"
        "“You cannot fix a pier by talking about it,” she said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # Before: Hale was the parser's apposition of "Eastfield", no subject, and "she" had no
    # speaker.
    assert speaker_of(tables, "You cannot fix a pier") == "Margaret Hale"


def test_a_name_after_a_fronted_prepositional_phrase_and_a_place_is_the_subject(
    tmp_path: Path, cache_dir: Path
) -> None:
    text = (
        "Peter Reyes has run the harbour office for ten years.\n\n"
        "Last winter the permits were signed by Tom Ward.\n\n"
        "From the harbour office in Eastfield, Md., Reyes, holding a stack of permits, announced"
        " the new timetable.\n\n"
        "“The boats will leave on the hour,” he said once the last permit was stamped.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The parser hangs Reyes on "Eastfield" as its apposition, at the end of the phrase that
    # opens the sentence, and leaves "announced" without a subject; Ward, named nearer as no
    # subject, then blocked the "he". A person is no place's apposition: Reyes announced it.
    assert speaker_of(tables, "The boats will leave on the hour") == "Peter Reyes"
