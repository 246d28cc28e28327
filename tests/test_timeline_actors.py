"""Actors of dated events (timeline/actors.py; issue 21): never a bare pronoun, a handle or a
cut-off fragment; he/she with the article's genders; relative clauses and "told X to …".
Every article here is invented; each test failed before the rules it checks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import analysis
from analysis.text.genders import gender_before, gender_of_name


def build_one(root: Path, cache_dir: Path, body: str) -> pd.DataFrame:
    """Builds a corpus of one invented article of Wednesday 6 August 2025; returns its events."""
    (root / "articles").mkdir()
    (root / "articles" / "a.txt").write_text(body, encoding="utf-8")
    (root / "articles.csv").write_text(
        "article_id,file,outlet,outlet_kind,title,url,published,language,notes\n"
        "a,articles/a.txt,Invented Gazette,newspaper,Harbour,,2025-08-06,en,\n",
        encoding="utf-8",
    )
    return analysis.build(root, cache_dir=cache_dir).events


def actor_of(events: pd.DataFrame, date_text: str) -> object:
    rows = events[events.date_text == date_text]
    assert len(rows) == 1, rows
    return rows.actor.iloc[0]


def test_genders_from_a_title_and_a_given_name() -> None:
    assert gender_before("a statement from Mr. ") == "m"
    assert gender_before("said the spokeswoman ") == "f"
    assert gender_before("the harbour master ") is None
    assert gender_of_name("Anna Kowalczyk") == "f"
    assert gender_of_name("Sen. Thomas Reyes", titles=["sen"]) == "m"
    assert gender_of_name("Kowalczyk") is None  # a bare surname says nothing


def test_he_skips_a_woman_named_nearer(tmp_path: Path, cache_dir: Path) -> None:
    # "He resigned on Tuesday." after "Anna Kowalczyk praised the warning …": he is Thomas
    # Reyes, the man named before her (before: the nearest subject, Anna Kowalczyk).
    events = build_one(
        tmp_path,
        cache_dir,
        "Thomas Reyes, the harbour master, warned of storms in January.\n\n"
        "Anna Kowalczyk praised the warning at a meeting.\n\n"
        "He resigned on Tuesday.\n",
    )
    assert actor_of(events, "Tuesday") == "Thomas Reyes"


def test_a_pronoun_without_antecedent_is_no_actor(tmp_path: Path, cache_dir: Path) -> None:
    # "They boarded it on Friday." with no body named: missing, never the word "They".
    events = build_one(
        tmp_path,
        cache_dir,
        "The old ferry crossed the strait at dawn.\n\nThey boarded it on Friday.\n",
    )
    assert pd.isna(actor_of(events, "Friday"))


def test_the_mayor_told_reporters_she(tmp_path: Path, cache_dir: Path) -> None:
    # "The mayor told reporters she would return on Friday": she is the one person titled mayor
    # before, not Thomas Reyes, the subject of the sentence before.
    events = build_one(
        tmp_path,
        cache_dir,
        "Mayor Anna Kowalczyk opened the harbour summit.\n\n"
        "Thomas Reyes spoke after the lunch break.\n\n"
        "The mayor told reporters she would return on Friday.\n",
    )
    assert actor_of(events, "Friday") == "Anna Kowalczyk"


def test_a_relative_clause_acts_for_its_noun(tmp_path: Path, cache_dir: Path) -> None:
    # "Helena Marsh, who voted against the plan in 2001, …": 2001 is Helena Marsh's vote
    # (before: no actor).
    events = build_one(
        tmp_path,
        cache_dir,
        "Helena Marsh, who voted against the plan in 2001, spoke at the hearing.\n",
    )
    assert actor_of(events, "2001") == "Helena Marsh"


def test_told_to_is_the_act_of_who_was_told(tmp_path: Path, cache_dir: Path) -> None:
    # "The board ordered Thomas Reyes to leave the harbour office last month": Reyes left, the
    # board did not (before: "The board").
    events = build_one(
        tmp_path,
        cache_dir,
        "The board ordered Thomas Reyes to leave the harbour office last month.\n",
    )
    assert actor_of(events, "last month") == "Thomas Reyes"


def test_an_actor_as_written_stops_before_its_relative_clause(
    tmp_path: Path, cache_dir: Path
) -> None:
    # "The union, which has long pushed for a partner …, met on Monday": the union, without the
    # clause (before: "The union , which has long pushed for", joined tokens cut at 8 words).
    events = build_one(
        tmp_path,
        cache_dir,
        "The union, which has long pushed for a partner to run the yard in 2027, met on Monday.\n",
    )
    assert actor_of(events, "Monday") == "The union"


def test_an_actor_as_written_is_never_cut_mid_phrase(tmp_path: Path, cache_dir: Path) -> None:
    # "Officials of the port authority and the regional water board raised fees on Thursday":
    # the phrase up to its first conjunct, not its first eight words (before: "Officials of the
    # port authority and the regional", a fragment).
    events = build_one(
        tmp_path,
        cache_dir,
        "Officials of the port authority and the regional water board raised fees on Thursday.\n",
    )
    assert actor_of(events, "Thursday") == "Officials of the port authority"


def test_he_before_the_name_of_the_main_clause(tmp_path: Path, cache_dir: Path) -> None:
    # "As he left the harbour on Monday, Thomas Reyes thanked the crew.": he is the main clause's
    # subject, named after him (before: "he", then missing).
    events = build_one(
        tmp_path,
        cache_dir,
        "As he left the harbour on Monday, Thomas Reyes thanked the crew.\n",
    )
    assert actor_of(events, "Monday") == "Thomas Reyes"


def test_a_person_named_after_a_copula_is_an_antecedent(tmp_path: Path, cache_dir: Path) -> None:
    # "The new harbour master is Thomas Reyes. He took office on Monday.": he is Thomas Reyes,
    # named after "is" rather than as the subject (before: "He", then missing).
    events = build_one(
        tmp_path,
        cache_dir,
        "The new harbour master is Thomas Reyes.\n\nHe took office on Monday.\n",
    )
    assert actor_of(events, "Monday") == "Thomas Reyes"


def test_a_count_of_a_group_acts_as_written(tmp_path: Path, cache_dir: Path) -> None:
    # "Two of the five candidates withdrew on Friday.": the count of a group that can act, as
    # written (before: no actor, "Two" being neither a name nor a group noun).
    events = build_one(
        tmp_path,
        cache_dir,
        "Two of the five candidates withdrew on Friday.\n",
    )
    assert actor_of(events, "Friday") == "Two of the five candidates"


def test_an_actor_as_written_leaves_out_a_year(tmp_path: Path, cache_dir: Path) -> None:
    # "Officials from the class of 2019 met on Monday.": the actor is "Officials", not words
    # holding a date of their own (before: "Officials from the class of 2019").
    events = build_one(
        tmp_path,
        cache_dir,
        "Officials from the class of 2019 met on Monday.\n",
    )
    assert actor_of(events, "Monday") == "Officials"


def test_a_page_link_label_is_no_actor() -> None:
    # "… ALSO announced on Friday": a link label pasted by a page before the verb, which spaCy may
    # tag as an organisation. A one-word subject in capitals that is a function word names no one
    # (before: "ALSO"); a name in capitals that is no function word is kept.
    import spacy
    from spacy.tokens import Doc

    from analysis.timeline.actors import ActorContext, find_actor

    vocab = spacy.blank("en").vocab
    for word, expected in (("ALSO", None), ("NATO", "NATO")):
        doc = Doc(
            vocab,
            words=[word, "announced", "on", "Friday", "."],
            heads=[1, 1, 1, 2, 1],
            deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
            ents=["B-ORG", "O", "O", "B-DATE", "O"],
        )
        ctx = ActorContext(doc=doc, quotes=[], mentions=[], names={})
        assert find_actor(doc[1], ctx, []) == (expected, None)


def test_a_nationality_or_party_word_with_an_article_is_one_unnamed_person(
    tmp_path: Path, cache_dir: Path
) -> None:
    # "Last week the first-term Democrat … pressed to keep the base open": one person the
    # sentence does not name, kept as written with no entity (before: the entity of the word
    # "Republican", which names the party's members everywhere else).
    events = build_one(
        tmp_path,
        cache_dir,
        "Republicans in the state senate backed the plan.\n\n"
        "Last week the first-term Democrat pressed to keep the harbour base open.\n",
    )
    rows = events[events.date_text == "Last week"]
    assert rows.actor.tolist() == ["the first-term Democrat"]
    assert rows.actor_entity_id.isna().all()


def test_a_group_of_role_holders_acts_as_written(tmp_path: Path, cache_dir: Path) -> None:
    # "Several lawmakers, including Senator Anna Kowalczyk and Senator Thomas Reyes, criticized
    # …": the group acts, not its first named member (before: Anna Kowalczyk).
    events = build_one(
        tmp_path,
        cache_dir,
        "The harbour board met in Eastfield.\n\n"
        "Several lawmakers, including Senator Anna Kowalczyk and Senator Thomas Reyes, criticized"
        " the ferry plan on Tuesday.\n",
    )
    assert actor_of(events, "Tuesday") == "Several lawmakers"


def test_a_spokesperson_for_someone_acts_as_written(tmp_path: Path, cache_dir: Path) -> None:
    # "A spokesperson for Thomas Reyes said on Tuesday …": the spokesperson, not Reyes (before:
    # Thomas Reyes, the name in the role's clause).
    events = build_one(
        tmp_path,
        cache_dir,
        "The harbour board met in Eastfield.\n\n"
        "A spokesperson for Thomas Reyes said on Tuesday that the ferry would run.\n",
    )
    assert actor_of(events, "Tuesday") == "A spokesperson for Thomas Reyes"
