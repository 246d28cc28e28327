"""A he/she whose person the entity rules labelled a place or an organisation (issue 21,
session i21h): the article itself shows the name is a person's — a person noun set beside it as
an apposition ("X, a history teacher,"), an honorific, or a relative clause with "who" — so the
name is a candidate of the he/she search. Invented articles, the expectations checked by hand
and quoted from the text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one, speaker_of


def test_a_name_set_beside_a_person_noun_is_a_he(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "Parents met at the harbour hall on Friday to talk about the new timetable.\n\n"
        "Olvento, a history teacher at the island school, said he had warned the council twice"
        " about the late boats. He said the pupils were missing their first lessons.\n\n"
        "“Nobody listened to us,” he said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    # The model labels "Olvento" a place; the apposition says he is a teacher, and every
    # "he" after it is his.
    assert tables.entities.set_index("name").loc["Olvento", "label"] != "PERSON"
    assert speaker_of(tables, "Nobody listened to us") == "Olvento"
    assert speaker_of(tables, "the pupils were missing") == "Olvento"


def test_a_name_opening_a_who_clause_is_a_she(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The island rowing club held its spring regatta on Saturday.\n\n"
        "Kestrova, who has coached the club's junior crews since 2009, told reporters that she"
        " would stay for one more season.\n\n"
        "“The young rowers keep me on the water,” she said.\n"
    )
    tables = build_one(tmp_path, cache_dir, text)
    assert tables.entities.set_index("name").loc["Kestrova", "label"] != "PERSON"
    assert speaker_of(tables, "The young rowers keep me") == "Kestrova"
