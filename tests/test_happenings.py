"""Happenings are one act: the same actor, kind of action and story, dates that can all be true;
a conflict only between two tellings of one statement or of an act done once to a person.
Invented events (no corpus needed)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.pipeline import conformance
from analysis.timeline import group_happenings, read_dates, tabulate_report_delays

LINK_COLUMNS = ["article_a", "sentence_a", "article_b", "sentence_b", "kind", "shared_run"]


def ev(article: str, sentence: int, actor: str | None, action: str, day: str | None, **more: Any):
    """One events row: `day` is "YYYY-MM-DD" or "first/last" (a span), None for an undated
    statement at publication."""
    first, _, last = (day or "").partition("/")
    return {
        "article_id": article,
        "event_id": sentence,
        "sentence_id": sentence,
        "quote_id": None,
        "actor": actor,
        "actor_entity_id": more.get("entity", f"e-{actor}" if actor else None),
        "patient_entity_id": more.get("patient"),
        "patient_thing": more.get("thing"),
        "action": action,
        "date": pd.Timestamp(first) if first else pd.Timestamp(more.get("published", "2024-03-15")),
        "date_end": pd.Timestamp(last) if last else pd.NaT,
        "date_text": more.get("text_of_date", day),
        "precision": more.get("precision", "week" if last else "day"),
        "part_of_day": None,
        "resolution": more.get("resolution", "explicit" if day else "publication"),
        "direction": "stated" if day else None,
        "occasion_sentence_id": more.get("occasion"),
        "date_note": None,
        "in_quote": False,
        "text": f"sentence {sentence} of {article}",
    }


def events(*rows: dict[str, Any]) -> pd.DataFrame:
    return conformance.conform("events", pd.DataFrame(list(rows)))


def links(*rows: tuple[Any, ...]) -> pd.DataFrame:
    """The `links` rows (article_a, sentence_a, article_b, sentence_b, kind[, shared_run]); the
    longest shared run is 10 words unless given."""
    return pd.DataFrame(
        [row if len(row) == 6 else (*row, 10) for row in rows], columns=LINK_COLUMNS
    )


def articles(stories: dict[str, str] | None = None) -> pd.DataFrame:
    ids = ["a", "b", "c"]
    frame = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": ["Gazette", "Courier", "Herald"],
            "published": pd.to_datetime(["2024-03-15", "2024-03-15", "2024-03-16"]),
        }
    )
    if stories is not None:
        frame["story_id"] = [stories[a] for a in ids]
    return frame


def happening_of(rows: list[dict[str, Any]], article: str, sentence: int) -> dict[str, Any]:
    return next(r for r in rows if f"{article}:{sentence}" in r["events"])


def test_one_actor_one_kind_one_day_is_one_happening_within_a_story() -> None:
    # Mayor Brandt resigned on 12 March, in three articles; c is another story.
    table = events(
        ev("a", 0, "Tomas Brandt", "resign", "2024-03-12"),
        ev("b", 0, "Tomas Brandt", "resign", "2024-03-12"),
        ev("c", 0, "Tomas Brandt", "resign", "2024-03-12"),
        ev("a", 1, "Tomas Brandt", "visit", "2024-03-12"),  # another kind of action
    )
    one_story = group_happenings(table, links=links())
    assert sorted(len(r["events"]) for r in one_story) == [1, 3]
    for corpus in (None, articles()):  # no `articles`, or no `story_id` column: one story
        assert group_happenings(table, links=links(), articles=corpus) == one_story
    two = group_happenings(
        table, links=links(), articles=articles({"a": "s1", "b": "s1", "c": "s2"})
    )
    assert happening_of(two, "a", 0)["articles"] == ["a", "b"]
    assert happening_of(two, "c", 0)["articles"] == ["c"]


def test_actorless_events_and_words_without_entity_stay_apart() -> None:
    table = events(
        ev("a", 0, None, "close", "2024-03-12"),
        ev("b", 0, None, "close", "2024-03-12"),
        ev("a", 1, "officials", "meet", "2024-03-12", entity=None),
        ev("b", 1, "officials", "meet", "2024-03-12", entity=None),
    )
    assert all(len(r["events"]) == 1 for r in group_happenings(table, links=links()))
    # A link between the sentences makes the words "officials" one act.
    linked = group_happenings(table, links=links(("a", 1, "b", 1, "paraphrase")))
    assert happening_of(linked, "a", 1)["events"] == ["a:1", "b:1"]


def test_a_conflict_needs_one_statement_told_with_two_dates() -> None:
    # a: "Brandt said on Tuesday ..." (12 March); b: the same words "... on Wednesday" (13 March).
    table = events(
        ev("a", 0, "Tomas Brandt", "say", "2024-03-12", text_of_date="on Tuesday"),
        ev("b", 0, "Tomas Brandt", "say", "2024-03-13", text_of_date="on Wednesday"),
    )
    rows = group_happenings(table, links=links(("a", 0, "b", 0, "verbatim")))
    (h,) = rows
    assert h["conflict"] and read_dates(h["dates_by_article"]) == {
        "a": "2024-03-12",
        "b": "2024-03-13",
    }
    assert read_dates(h["phrases_by_article"]) == {"a": "on Tuesday", "b": "on Wednesday"}
    # A paraphrase of different days is two acts, and no conflict; so is a stock phrase of three
    # words quoted in two statements ("law and order").
    for link in (("a", 0, "b", 0, "paraphrase"), ("a", 0, "b", 0, "shared_quote", 3)):
        rows = group_happenings(table, links=links(link))
        assert len(rows) == 2 and not any(r["conflict"] for r in rows)


def test_two_tellings_of_one_statement_years_apart_are_no_conflict() -> None:
    # a: "Quill quoted the 1990 note by Reyes at Tuesday night's council session" (12 March
    # 2024); b, sharing the quote: "Quoting Reyes's note to the board in 1990, Quill said: …" —
    # the year is the note's, which the parser hangs on "quoting". Dates
    # farther apart than a week (LINKED_DAYS) are not one statement told two ways: two
    # happenings, no conflict. The same tellings a day apart (b: "on Monday night") still
    # conflict.
    table = events(
        ev("a", 0, "Ada Quill", "read", "2024-03-12", text_of_date="on Tuesday night"),
        ev("b", 0, "Ada Quill", "read", "1990-01-01/1990-12-31", text_of_date="in 1990"),
    )
    rows = group_happenings(table, links=links(("a", 0, "b", 0, "shared_quote", 12)))
    assert len(rows) == 2 and not any(r["conflict"] for r in rows)
    table = events(
        ev("a", 0, "Ada Quill", "read", "2024-03-12", text_of_date="on Tuesday night"),
        ev("b", 0, "Ada Quill", "read", "2024-03-11", text_of_date="on Monday night"),
    )
    (h,) = group_happenings(table, links=links(("a", 0, "b", 0, "shared_quote", 12)))
    assert h["conflict"]


def test_one_outlets_formula_on_two_days_is_no_conflict() -> None:
    # a and b, two articles of one outlet, repeat a caption: "Mayor Brandt answers questions on
    # day two of the inquiry, March 12" and "… on day three …, March 13": two acts, not one
    # statement told with two dates. Two outlets (a and c) with the same words still conflict.
    table = events(
        ev("a", 0, "Tomas Brandt", "testify", "2024-03-12", text_of_date="March 12"),
        ev("b", 0, "Tomas Brandt", "testify", "2024-03-13", text_of_date="March 13"),
    )
    outlets = articles().assign(outlet=["Gazette", "Gazette", "Herald"])
    rows = group_happenings(
        table, links=links(("a", 0, "b", 0, "near_verbatim", 14)), articles=outlets
    )
    assert len(rows) == 2 and not any(r["conflict"] for r in rows)
    table.loc[1, "article_id"] = "c"
    (h,) = group_happenings(
        table, links=links(("a", 0, "c", 0, "near_verbatim", 14)), articles=outlets
    )
    assert h["conflict"]


def test_a_chain_through_undated_statements_never_joins_two_days() -> None:
    # The mayor spoke on the 12th (a) and on the 14th (b); c carries one of his quotes undated,
    # and paraphrase links join c to both.
    table = events(
        ev("a", 0, "Tomas Brandt", "say", "2024-03-12"),
        ev("b", 0, "Tomas Brandt", "say", "2024-03-14"),
        ev("c", 0, "Tomas Brandt", "say", None, published="2024-03-16"),
    )
    rows = group_happenings(
        table, links=links(("a", 0, "c", 0, "paraphrase"), ("b", 0, "c", 0, "paraphrase"))
    )
    assert len(rows) == 2 and not any(r["conflict"] for r in rows)


def test_a_span_happening_shows_its_range_and_no_delay() -> None:
    # a: "the council met last week" (4-10 March); b: "... in March" (the month); one act.
    table = events(
        ev("a", 0, "Northvale Council", "meet", "2024-03-04/2024-03-10"),
        ev("b", 0, "Northvale Council", "meet", "2024-03-01/2024-03-31"),
        ev("a", 1, "Tomas Brandt", "resign", "2024-03-12"),
    )
    rows = group_happenings(table, links=links(("a", 0, "b", 0, "paraphrase")))
    span = conformance.conform("happenings", pd.DataFrame(rows))
    met = span[span.action == "meet"].iloc[0]
    assert (met.date, met.date_end, met.conflict) == (
        pd.Timestamp("2024-03-04"),
        pd.Timestamp("2024-03-10"),
        False,
    )
    delays = tabulate_report_delays(span, articles())
    assert delays[delays.label.str.contains("meet")].delay_days.isna().all()
    resign = delays[delays.label.str.contains("resign")]
    assert resign.delay_days.tolist() == [3]  # published 15 March, resigned the 12th


def test_a_relative_date_copied_word_for_word_later_is_no_conflict() -> None:
    # The same sentence "The senate votes Thursday." in a (Friday 15 March: the 14th, the nearest
    # Thursday) and in c, published the next day (Saturday 16 March: still the 14th) and in b,
    # a copy with its own reading: the words are one statement, read from the first article.
    table = events(
        ev("a", 0, "Senate", "vote", "2024-03-14", text_of_date="Thursday"),
        ev("c", 0, "Senate", "vote", "2024-03-21", text_of_date="Thursday"),
    )
    table["resolution"] = "relative"
    table["text"] = "The senate votes Thursday."
    rows = group_happenings(table, links=links(("a", 0, "c", 0, "verbatim")), articles=articles())
    (h,) = rows
    assert not h["conflict"] and h["date"] == pd.Timestamp("2024-03-14")
    assert read_dates(h["dates_by_article"]) == {"a": "2024-03-14", "c": "2024-03-21"}
    # Different words for the two dates are a real disagreement.
    table.loc[1, "text"] = "The senate votes on Thursday, aides said."
    (h,) = group_happenings(table, links=links(("a", 0, "c", 0, "verbatim")), articles=articles())
    assert h["conflict"]


def test_an_undated_statement_never_joins_what_happened_after_its_article() -> None:
    # c (published 16 March) carries the mayor's words undated; a states them on the 20th (a
    # later speech with the same words): c cannot have reported it. b's undated copy (published
    # 15 March) joins c.
    table = events(
        ev("a", 0, "Tomas Brandt", "say", "2024-03-20"),
        ev("b", 0, "Tomas Brandt", "say", None, published="2024-03-15"),
        ev("c", 0, "Tomas Brandt", "say", None, published="2024-03-16"),
    )
    rows = group_happenings(
        table, links=links(("a", 0, "c", 0, "verbatim"), ("b", 0, "c", 0, "verbatim"))
    )
    assert sorted(r["events"] for r in rows) == [["a:0"], ["b:0", "c:0"]]
    assert not any(r["conflict"] for r in rows)


def test_propagation_counts_delays_within_a_story() -> None:
    from analysis.timeline import propagate_statements

    # One statement carried by a (15 March), b (15 March) and c (16 March).
    statements = pd.DataFrame(
        {
            "statement_id": [7, 7, 7],
            "article_id": ["a", "b", "c"],
            "sentence_id": [0, 0, 0],
            "label": ["The bridge closes."] * 3,
        }
    )
    one_story = propagate_statements(statements, articles())
    assert one_story.delay_days.tolist() == [0, 0, 1]
    # c is another story: it carried the statement first there.
    split = propagate_statements(statements, articles({"a": "s1", "b": "s1", "c": "s2"}))
    assert split.delay_days.tolist() == [0, 0, 0] and split["first"].all()


def test_an_act_done_once_to_a_person_is_one_happening_whoever_acts() -> None:
    # Invented: "A sniper killed Ana Ruiz on Thursday" (a, actor missing), "The army
    # killed Ana Ruiz early Friday" (b) and "Ruiz was killed Friday" (c, passive): one act of
    # one story; Thursday against Friday is a conflict, shown with both phrases. A killing of
    # another person that Friday, and one of Ana Ruiz told a week later (a misread date more
    # likely than a disagreement), stay apart; so does another story.
    table = events(
        ev("a", 0, None, "kill", "2024-03-14", patient="e-ruiz", text_of_date="on Thursday"),
        ev("b", 0, "army", "kill", "2024-03-15", patient="e-ruiz", text_of_date="early Friday"),
        ev("c", 0, None, "kill", "2024-03-15", patient="e-ruiz", text_of_date="Friday"),
        ev("c", 1, None, "kill", "2024-03-15", patient="e-diaz", text_of_date="Friday"),
        ev("c", 2, None, "kill", "2024-03-22", patient="e-ruiz", text_of_date="March 22"),
    )
    rows = group_happenings(table, links=links(), articles=articles())
    killing = happening_of(rows, "a", 0)
    assert killing["events"] == ["a:0", "b:0", "c:0"] and killing["conflict"]
    assert read_dates(killing["dates_by_article"]) == {
        "a": "2024-03-14",
        "b": "2024-03-15",
        "c": "2024-03-15",
    }
    assert '"a": "on Thursday"' in killing["phrases_by_article"]
    assert happening_of(rows, "c", 1)["events"] == ["c:1"]
    assert happening_of(rows, "c", 2)["events"] == ["c:2"]
    # Without a patient (an act not in once_acts.yml, or no person named) nothing joins.
    table = events(
        ev("a", 0, None, "kill", "2024-03-14"),
        ev("b", 0, None, "kill", "2024-03-15"),
    )
    assert len(group_happenings(table, links=links(), articles=articles())) == 2
    # Two stories: two happenings.
    split = group_happenings(
        events(
            ev("a", 0, None, "kill", "2024-03-14", patient="e-ruiz"),
            ev("b", 0, None, "kill", "2024-03-15", patient="e-ruiz"),
        ),
        links=links(),
        articles=articles({"a": "s1", "b": "s2", "c": "s2"}),
    )
    assert len(split) == 2 and not any(r["conflict"] for r in split)


def test_an_act_done_once_to_a_thing_is_one_happening_whoever_acts() -> None:
    # Invented: "The airliner crashed late Friday" (a, no actor), "Rebels shot down the jet
    # early Saturday" (b) and "The plane went down Saturday" (c): one downing of an aircraft
    # in one story, whoever acts and whatever verb tells it; Friday against Saturday is a
    # conflict. An attack on a base that Saturday (c) is another kind of act; a downing told
    # a week later is another act (or a misread date); without a thing nothing joins.
    table = events(
        ev("a", 0, None, "crash", "2024-03-15", thing="aircraft", text_of_date="late Friday"),
        ev("b", 0, "rebels", "shoot", "2024-03-16", thing="aircraft", text_of_date="early Sat"),
        ev("c", 0, None, "go", "2024-03-16", thing="aircraft", text_of_date="Saturday"),
        ev("c", 1, None, "strike", "2024-03-16", thing="base", text_of_date="Saturday"),
        ev("c", 2, None, "crash", "2024-03-23", thing="aircraft", text_of_date="March 23"),
        ev("c", 3, None, "crash", "2024-03-16"),
    )
    rows = group_happenings(table, links=links(), articles=articles())
    downing = happening_of(rows, "a", 0)
    assert downing["events"] == ["a:0", "b:0", "c:0"] and downing["conflict"]
    assert read_dates(downing["dates_by_article"]) == {
        "a": "2024-03-15",
        "b": "2024-03-16",
        "c": "2024-03-16",
    }
    assert '"a": "late Friday"' in downing["phrases_by_article"]
    for sentence in (1, 2, 3):
        assert happening_of(rows, "c", sentence)["events"] == [f"c:{sentence}"]
    # Two tellings that agree are one happening without a conflict.
    agreed = group_happenings(
        events(
            ev("a", 0, None, "strike", "2024-03-13", thing="base"),
            ev("b", 0, "militia", "fire", "2024-03-13", thing="base"),
        ),
        links=links(),
        articles=articles(),
    )
    assert len(agreed) == 1 and not agreed[0]["conflict"]
    # Two stories: two happenings.
    split = group_happenings(
        events(
            ev("a", 0, None, "crash", "2024-03-12", thing="aircraft"),
            ev("b", 0, None, "crash", "2024-03-13", thing="aircraft"),
        ),
        links=links(),
        articles=articles({"a": "s1", "b": "s2", "c": "s2"}),
    )
    assert len(split) == 2 and not any(r["conflict"] for r in split)


def test_a_weekend_against_a_day_outside_it_is_a_conflict_of_one_act() -> None:
    # Invented: "Lena Park was killed last weekend" (a, Saturday 9 and Sunday 10 March, a span
    # of precision week) and "Park was killed on Monday" (b, 11 March): one killing of one
    # person in one story, the weekend does not hold the Monday: a conflict, both phrases
    # shown. A third telling "over the weekend" (c) agrees with a and joins it too.
    table = events(
        ev(
            "a",
            0,
            None,
            "kill",
            "2024-03-09/2024-03-10",
            patient="e-park",
            text_of_date="last weekend",
        ),
        ev("b", 0, "police", "kill", "2024-03-11", patient="e-park", text_of_date="on Monday"),
        ev(
            "c",
            0,
            None,
            "kill",
            "2024-03-09/2024-03-10",
            patient="e-park",
            text_of_date="over the weekend",
        ),
    )
    rows = group_happenings(table, links=links(), articles=articles())
    assert len(rows) == 1
    killing = rows[0]
    assert killing["events"] == ["a:0", "b:0", "c:0"] and killing["conflict"]
    assert read_dates(killing["dates_by_article"]) == {
        "a": "2024-03-09/2024-03-10",
        "b": "2024-03-11",
        "c": "2024-03-09/2024-03-10",
    }
    assert '"a": "last weekend"' in killing["phrases_by_article"]
    assert '"b": "on Monday"' in killing["phrases_by_article"]
    # A weekend that holds the day agrees: one happening, no conflict, dated the day.
    agreed = group_happenings(
        events(
            ev("a", 0, None, "kill", "2024-03-09/2024-03-10", patient="e-park"),
            ev("b", 0, None, "kill", "2024-03-10", patient="e-park"),
        ),
        links=links(),
        articles=articles(),
    )
    assert len(agreed) == 1 and not agreed[0]["conflict"]
    assert agreed[0]["date"] == pd.Timestamp("2024-03-10")


def test_a_month_a_far_span_or_another_person_is_never_compared_with_a_day() -> None:
    # Invented: "Park was killed in March" (a month), "killed last week" ending five days
    # before b's Monday, a weekend killing of another person, and a weekend in another story:
    # none joins b's "on Monday", so none is a conflict.
    table = events(
        ev("a", 0, None, "kill", "2024-03-01/2024-03-31", patient="e-park", precision="month"),
        ev("a", 1, None, "kill", "2024-02-26/2024-03-03", patient="e-park"),
        ev("b", 0, None, "kill", "2024-03-11", patient="e-park"),
        ev("c", 0, None, "kill", "2024-03-09/2024-03-10", patient="e-cole"),
    )
    rows = group_happenings(table, links=links(), articles=articles())
    assert len(rows) == 4 and not any(r["conflict"] for r in rows)
    split = group_happenings(
        events(
            ev("a", 0, None, "kill", "2024-03-09/2024-03-10", patient="e-park"),
            ev("b", 0, None, "kill", "2024-03-11", patient="e-park"),
        ),
        links=links(),
        articles=articles({"a": "s1", "b": "s2", "c": "s2"}),
    )
    assert len(split) == 2 and not any(r["conflict"] for r in split)
    # A downed aircraft told "last weekend" and "on Monday": the same rule for a thing.
    downing = group_happenings(
        events(
            ev("a", 0, None, "crash", "2024-03-09/2024-03-10", thing="aircraft"),
            ev("b", 0, "rebels", "shoot", "2024-03-11", thing="aircraft"),
        ),
        links=links(),
        articles=articles(),
    )
    assert len(downing) == 1 and downing[0]["conflict"]


def test_no_conflict_with_another_act_of_a_linked_sentence_that_agrees() -> None:
    # a: "Brandt will publish the list this Thursday" (14 March); b, linked word for word: "On
    # Tuesday, Brandt said he would publish the list at a March 14 briefing" — two statements
    # of his (saying on 12 March, publishing on 14 March). The publishing agrees with a; the
    # saying is another act, not a telling of a's publishing on another day: no conflict.
    table = events(
        ev("a", 0, "Tomas Brandt", "publish", "2024-03-14", text_of_date="this Thursday"),
        ev("b", 0, "Tomas Brandt", "say", "2024-03-12", text_of_date="On Tuesday"),
        {
            **ev("b", 0, "Tomas Brandt", "publish", "2024-03-14", text_of_date="March 14"),
            "event_id": 1,
        },
    )
    for link in (("a", 0, "b", 0, "near_verbatim", 6), ("b", 0, "a", 0, "near_verbatim", 6)):
        rows = group_happenings(table, links=links(link))
        assert not any(r["conflict"] for r in rows)
        assert happening_of(rows, "a", 0)["events"] == ["a:0", "b:1"]
        assert happening_of(rows, "b", 0)["events"] == ["b:0"]
    # Without the agreeing publishing in b, the two tellings disagree: a conflict, as before.
    alone = events(table.iloc[0].to_dict(), table.iloc[1].to_dict())
    (h,) = group_happenings(alone, links=links(("a", 0, "b", 0, "near_verbatim", 6)))
    assert h["conflict"]


def test_a_statement_on_the_day_of_its_occasion_joins_that_day_and_makes_no_conflict() -> None:
    # a: "Brandt said on Tuesday (12 March) … . “…,” Brandt said." — the quote takes Tuesday
    # from its occasion (resolution `occasion`, no phrase of its own) and joins his Tuesday
    # statement. b tells the same words "on Wednesday": a day carried from an occasion may be
    # the wrong one, so it makes no conflict; the two stay apart.
    table = events(
        ev("a", 0, "Tomas Brandt", "say", "2024-03-12", text_of_date="on Tuesday"),
        ev(
            "a",
            3,
            "Tomas Brandt",
            "say",
            "2024-03-12",
            text_of_date=None,
            occasion=0,
            resolution="occasion",
        ),
        ev("b", 0, "Tomas Brandt", "say", "2024-03-13", text_of_date="on Wednesday"),
    )
    rows = group_happenings(table, links=links(("a", 3, "b", 0, "verbatim")))
    tuesday = happening_of(rows, "a", 3)
    assert tuesday["events"] == ["a:0", "a:3"] and not tuesday["conflict"]
    assert read_dates(tuesday["dates_by_article"]) == {"a": "2024-03-12"}
    assert happening_of(rows, "b", 0)["events"] == ["b:0"]
    assert not any(r["conflict"] for r in rows)
