"""A person's full name the model cut in two (its given name, unknown to the model, taken for a
place: "Natalia"(GPE) + "Roe"(PERSON)) is one mention again where the corpus writes the whole name
as a person's elsewhere. Hand-made mentions of invented sentences, so the tests do not depend on
the model's guesses."""

from __future__ import annotations

from analysis.entities.mentions import Mention, join_split_names


def mention(article: str, text: str, body: str, label: str, *, at: int = 0) -> Mention:
    start = body.index(text, at)
    return Mention(article, 0, start, start + len(text), text, tuple(text.split()), label)


A = "The lawyer Ilse Varga met the envoy. Varga said little."
B = "Critics asked why Ilse Varga came. Varga declined to comment."
BODIES = {"a": A, "b": B}


def test_a_name_cut_in_two_is_joined_where_the_corpus_has_it_whole() -> None:
    mentions = [
        mention("a", "Ilse Varga", A, "PERSON"),
        mention("a", "Varga", A, "PERSON", at=20),
        mention("b", "Ilse", B, "GPE"),  # the model's cut: both parts taken for places
        mention("b", "Varga", B, "GPE"),
        mention("b", "Varga", B, "PERSON", at=30),
    ]
    joined = join_split_names(BODIES, mentions)
    assert [(m.article_id, m.text, m.label) for m in joined] == [
        ("a", "Ilse Varga", "PERSON"),
        ("a", "Varga", "PERSON"),
        ("b", "Ilse Varga", "PERSON"),  # "Critics asked why Ilse Varga came."
        ("b", "Varga", "PERSON"),
    ]
    assert B[joined[2].start : joined[2].end] == "Ilse Varga"


def test_two_names_side_by_side_stay_two_when_the_corpus_never_joins_them() -> None:
    body = "In Georgia Ilse Varga spoke."
    mentions = [mention("c", "Georgia", body, "GPE"), mention("c", "Ilse Varga", body, "PERSON")]
    assert join_split_names({"c": body}, mentions) == mentions


def test_a_joined_text_mostly_labelled_otherwise_is_not_a_person() -> None:
    # "Varga Ilse" is a person's once but a place's twice: no evidence of one person's name
    body = "Varga Ilse. Varga Ilse, Varga Ilse, and Varga Ilse."
    mentions = [
        mention("d", "Varga", body, "GPE"),
        mention("d", "Ilse", body, "PERSON"),
        mention("d", "Varga Ilse", body, "PERSON", at=12),
        mention("d", "Varga Ilse", body, "GPE", at=24),
        mention("d", "Varga Ilse", body, "GPE", at=40),
    ]
    assert join_split_names({"d": body}, mentions) == mentions


def test_a_second_part_mostly_something_else_stays_apart() -> None:
    # "Ohio Democrats" was once taken for a person's name, but "Democrats" is mostly a group
    body = "Ohio Democrats met. The Democrats voted. Democrats left. Ohio Democrats won."
    mentions = [
        mention("e", "Ohio Democrats", body, "PERSON"),
        mention("e", "Democrats", body, "NORP", at=24),
        mention("e", "Democrats", body, "NORP", at=41),
        mention("e", "Ohio", body, "GPE", at=52),
        mention("e", "Democrats", body, "NORP", at=57),
    ]
    assert join_split_names({"e": body}, mentions) == mentions
