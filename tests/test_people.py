"""People, organisations, speakers and actors on the patterns of real news (issue 21), on four
small invented articles (tests/fixtures/people/; expectations checked by hand against the text)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.entities.vocabulary import same_given_name
from analysis.quotes.table import is_title
from analysis.text.datelines import find_datelines

PEOPLE = Path(__file__).parent / "fixtures" / "people"


@pytest.fixture(scope="module")
def people(cache_dir: Path) -> analysis.Tables:
    return analysis.build(PEOPLE, cache_dir=cache_dir)


def entity(tables: analysis.Tables, name: str) -> pd.Series:
    rows = tables.entities[tables.entities.name == name]
    assert len(rows) == 1, f"{name!r}: {len(rows)} entities named so"
    return rows.iloc[0]


def quote(tables: analysis.Tables, article_id: str, starts: str) -> pd.Series:
    q = tables.quotes
    rows = q[(q.article_id == article_id) & q.text.str.startswith(starts)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_a_surname_never_joins_the_organisation_named_after_the_person(people) -> None:
    # gazette: 'Senator Marla Quint said … the Quint Foundation would close …' then
    # 'Quint said the decision was hers alone.'
    quint = entity(people, "Marla Quint")
    foundation = entity(people, "Quint Foundation")
    assert (quint.label, foundation.label) == ("PERSON", "ORG")
    assert "Quint" in quint.aliases
    assert list(foundation.aliases) == ["Quint Foundation"]
    # digest: 'Quint said the staff would be paid until August.' — no full name in that article:
    # the one person of the corpus with that surname.
    m = people.mentions
    assert set(m[(m.article_id == "digest") & (m.text == "Quint")].entity_id) == {"marla-quint"}


def test_a_surname_before_any_full_name_in_its_article_is_not_guessed(people) -> None:
    # ledger: 'Dana Roe told Quint at the meeting …' comes before 'Marla Quint' in that article,
    # as an object; "Quint" also starts an organisation's name: left unresolved, not merged.
    m = people.mentions
    first = m[(m.article_id == "ledger") & (m.text == "Quint")].iloc[0]
    assert first.entity_id not in ("marla-quint", "quint-foundation")


def test_given_name_variants_are_one_person(people) -> None:
    # gazette 'Bill Hadley, the foundation’s treasurer'; courier 'William Hadley, the treasurer'.
    hadley = entity(people, "Bill Hadley")
    assert {"Bill Hadley", "William Hadley", "Hadley"} <= set(hadley.aliases)
    assert same_given_name("Bill", "William") and same_given_name("mike", "Michael")
    assert not same_given_name("Bill", "Robert") and not same_given_name("Bill", "Bill")


def test_a_month_is_not_a_person_and_a_platform_is_an_organisation(people) -> None:
    # courier: 'In May, the board met twice.' — ledger: 'Corinne May, a nurse …', '… May said.'
    may = entity(people, "Corinne May")
    m = people.mentions
    assert m[(m.article_id == "courier") & (m.text == "May")].empty
    assert set(m[m.entity_id == may.entity_id].article_id) == {"ledger"}
    # courier 'Quint posted the news on Twitter.'; ledger '… learned the news on Twitter.'
    assert entity(people, "Twitter").label == "ORG"


def test_the_speech_verbs_own_subject_wins_over_according_to(people) -> None:
    # gazette: '“It was a hard call,” Hadley said, according to the Westford Ledger.'
    q = quote(people, "gazette", "It was a hard call")
    assert (q.kind, q.speaker, q.attribution) == ("direct", "Bill Hadley", "cue")
    # … and the sentence is not also the Ledger's indirect quote.
    ledger = people.quotes[people.quotes.speaker == "Westford Ledger"]
    assert ledger.empty


def test_a_programme_title_in_quote_marks_is_not_a_quote(people) -> None:
    # gazette: '… said in an interview on “Westford Morning Hour” that he agreed.'
    assert not people.quotes.text.str.contains("Westford Morning Hour").any()
    assert is_title("Westford Morning Hour") and is_title("Meet the Press")
    assert not is_title("a hard call") and not is_title("Never") and not is_title("We Agree.")


def test_issued_a_statement_saying_gives_the_speaker(people) -> None:
    # courier: 'Quint issued a statement saying:' then the quotation as its own paragraph.
    q = quote(people, "courier", "Our clinics will stay open")
    assert (q.speaker, q.attribution) == ("Marla Quint", "colon")


def test_a_pronoun_never_resolves_to_a_name_inside_the_quotation(people) -> None:
    # ledger: '“I spoke to Marla Quint on Monday,” the nurse said. “She ignored us,” she added.'
    # "the nurse" is tied to Corinne May ('Corinne May, a nurse at one of the clinics'); Marla
    # Quint is named only inside the quotation.
    q = quote(people, "ledger", "I spoke to Marla Quint")
    assert q.speaker == "Corinne May"
    q = quote(people, "ledger", "She ignored us")
    assert (q.speaker, q.attribution) == ("Corinne May", "pronoun")
    # 'Dana Roe told Quint at the meeting …. “Nobody warned us,” she said.': the subject, not
    # the object.
    assert quote(people, "ledger", "Nobody warned us").speaker == "Dana Roe"


def test_a_nominal_actor_is_kept_as_written_with_no_entity(people) -> None:
    # gazette: 'The company said it had warned regulators last month.' — no company is named;
    # the nearest organisation (the Westford Ledger, cited just before) is not it.
    e = people.events
    warned = e[(e.article_id == "gazette") & (e.date_text == "last month")].iloc[0]
    assert warned.actor == "The company" and pd.isna(warned.actor_entity_id)
    q = quote(people, "gazette", "it had warned regulators")
    assert q.speaker_mention == "The company" and pd.isna(q.speaker)


def test_datelines_with_and_without_an_agency() -> None:
    text = "WESTFORD — Senator Quint said.\nODESA, Ukraine (Reuters) — A blast.\nU.S.-China talks"
    found = [text[s:e] for s, e in find_datelines(text)]
    assert found == ["WESTFORD —", "ODESA, Ukraine (Reuters) —"]


def test_a_passive_verb_without_agent_has_no_actor(people) -> None:
    # courier: 'The closure plan was approved on Monday, Quint said.' — Quint said it; who
    # approved the plan the text does not say. Every dated phrase is an event (issue 23), so
    # Monday's approval is one, with no actor (never Quint); her words are her undated statement.
    e = people.events
    (monday,) = e[(e.article_id == "courier") & (e.date_text == "Monday")].itertuples()
    assert monday.action == "approve" and pd.isna(monday.actor) and pd.isna(monday.actor_entity_id)
    said = e[(e.article_id == "courier") & (e.text == monday.text) & e.date_text.isna()]
    assert said.actor.tolist() == ["Marla Quint"] and said.action.tolist() == ["say"]
    q = quote(people, "courier", "The closure plan was approved")
    assert (q.kind, q.speaker) == ("indirect", "Marla Quint")
