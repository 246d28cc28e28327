"""A name with a patronymic ("X bin Y": son of Y; issue 21): the word after the particle is the
father's name, so used alone it does not join the son (a king called by his name alone is not
his son, "Crown Prince X bin <king>"). Hand-made mentions of invented sentences, so the tests do
not depend on the model's guesses."""

from __future__ import annotations

from tests.test_entities_short_forms import mention, resolve


def test_the_name_after_bin_used_alone_is_not_the_son() -> None:
    # "Karim bin Tamar, the crown prince, ... King Tamar said ..." in one article, and "Tamar"
    # alone in another: Tamar is the father, never linked to the son.
    mentions = [
        mention("a", 0, "Karim bin Tamar", "PERSON"),
        mention("a", 60, "Tamar", "PERSON"),
        mention("b", 0, "Karim bin Tamar", "PERSON"),
        mention("c", 10, "Tamar", "PERSON"),
    ]
    people, links, clusters = resolve(mentions)
    assert people == ["karim bin tamar"]
    assert links == {}
    assert clusters.find("tamar") != clusters.find("karim bin tamar")


def test_a_surname_after_a_particle_that_is_no_patronymic_still_joins() -> None:
    # "Ana de Lima ... Lima said": "de" begins a surname, so "Lima" is hers.
    mentions = [mention("a", 0, "Ana de Lima", "PERSON"), mention("a", 40, "Lima", "PERSON")]
    _, links, _ = resolve(mentions)
    assert links == {1: "ana de lima"}
