"""Quoted words inside a name (issue 21, session 17): a nickname between a given name and a
surname, a brand inside an organisation's name, are no one's words. Invented sentences parsed
by the model, with hand-given mentions (the ones the model gives such names: a span running on
past the closing mark)."""

from __future__ import annotations

from tests.speaker_articles import find_in_parsed


def quotes_of(text: str, mentions: list[tuple[str, str, str]]) -> list[tuple[str, str | None]]:
    """Returns (text, speaker) of each direct or partial quote found in the parsed text, with
    the given mentions (words, entity_id, label)."""
    rows = find_in_parsed(text, {words: (entity_id, label) for words, entity_id, label in mentions})
    return [(r["text"], r["speaker"]) for r in rows if r["kind"] in ("direct", "partial")]


def test_a_nickname_inside_a_name_is_no_quote() -> None:
    text = (
        "The Harbor Gazette read the list and noted that one signer, retired Lt. Gen. Walter G. "
        "“Jay” Holtby, was reprimanded in 2008.\n"
    )
    mentions = [
        ("Harbor Gazette", "harbor-gazette", "ORG"),
        ("Walter G.", "walter-g", "PERSON"),
        ("Jay” Holtby", "jay-holtby", "PERSON"),
    ]
    assert quotes_of(text, mentions) == []


def test_a_brand_inside_an_organisations_name_is_no_quote() -> None:
    text = (
        "The Eastfield Times Presidential “Sunrise” Poll asks 400 people each day how they vote.\n"
    )
    mentions = [("Eastfield Times Presidential “Sunrise” Poll", "sunrise-poll", "ORG")]
    assert quotes_of(text, mentions) == []
