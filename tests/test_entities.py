"""Entities: each merge and non-merge case of the issue, on the seed articles and on small
synthetic articles (expectations checked by hand against the text)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.entities import (
    fold,
    name_similarity,
    suggest_merges,
    transliteration_key,
)
from tests.conftest import CORPUS


def entity(tables, name: str) -> pd.Series:
    rows = tables.entities[tables.entities.name == name]
    assert len(rows) == 1, f"{name!r}: {len(rows)} entities named so"
    return rows.iloc[0]


def entity_of(tables, article_id: str, text: str) -> str:
    m = tables.mentions
    rows = m[(m.article_id == article_id) & (m.text == text)]
    assert len(rows) >= 1, f"no mention {text!r} in {article_id}"
    assert rows.entity_id.nunique() == 1
    return str(rows.entity_id.iloc[0])


# --- the seed articles ---------------------------------------------------------------------


def test_mention_offsets_point_into_the_body(tables) -> None:
    bodies = tables.articles.set_index("article_id").body
    for row in tables.mentions.itertuples():
        assert bodies[row.article_id][row.start : row.end] == row.text
    assert set(tables.mentions.entity_id) == set(tables.entities.entity_id)


def test_zelensky_spellings_are_one_person(tables) -> None:
    # washpost "President Volodymyr Zelensky", wire "President Volodymyr Zelenskiy",
    # blog "President Volodimir Zelensky", cnn-repost only "Zelensky".
    zelensky = entity(tables, "Volodymyr Zelensky")
    assert zelensky.label == "PERSON"
    assert {"Volodymyr Zelensky", "Volodymyr Zelenskiy", "Volodimir Zelensky", "Zelensky"} <= set(
        zelensky.aliases
    )
    assert zelensky.n_articles == 4
    # "In his comments on Thursday, Zelensky accused Amnesty": no full name in the CNN copy, so
    # the surname is linked through the corpus.
    assert entity_of(tables, "cnn-repost", "Zelensky") == zelensky.entity_id


def test_callamard_with_diacritics_surname_only_and_transliterated(tables) -> None:
    callamard = entity(tables, "Agnès Callamard")
    assert callamard.label == "PERSON"  # spaCy labels "Callamard" ORG and "Agnes Kalamar" LOC
    # ua-outlet: "the human rights organisation Agnes Kalamar"; wire: "Amnesty International
    # Secretary-General Agnes Callamard" (missed by spaCy, found by the name search).
    assert entity_of(tables, "ua-outlet", "Agnes Kalamar") == callamard.entity_id
    assert entity_of(tables, "wire", "Agnes Callamard") == callamard.entity_id
    assert entity_of(tables, "wire", "Callamard") == callamard.entity_id


def test_pokalchuk_is_a_person_though_the_model_says_org(tables) -> None:
    pokalchuk = entity(tables, "Oksana Pokalchuk")
    assert pokalchuk.label == "PERSON"
    assert pokalchuk.n_articles == 5
    # wire: "Oksana has been a valued member of Amnesty staff" — the first name alone.
    assert entity_of(tables, "wire", "Oksana") == pokalchuk.entity_id
    # cnn-repost: "Amnesty Ukraine’s head, Oksana Pokalchuk" — possessive and apposition.
    assert entity_of(tables, "blog", "Pokalchuk") == pokalchuk.entity_id
    labels = tables.mentions[tables.mentions.entity_id == pokalchuk.entity_id].label
    assert set(labels) == {"PERSON"}


def test_two_podolyaks_stay_apart_and_the_surname_follows_its_article(tables) -> None:
    mykhailo, melaniya = entity(tables, "Mykhailo Podolyak"), entity(tables, "Melaniya Podolyak")
    assert mykhailo.entity_id != melaniya.entity_id
    # washpost: "Presidential adviser Mykhailo Podolyak wrote …" then "Podolyak said Russia …"
    assert entity_of(tables, "washpost", "Podolyak") == mykhailo.entity_id
    assert entity_of(tables, "blog", "Melaniya Podolyak") == melaniya.entity_id


def test_places_spelled_two_ways_are_one_place(tables) -> None:
    kharkiv = entity(tables, "Kharkiv")  # wire "Kharkiv", blog "Charkiv"
    assert set(kharkiv.aliases) == {"Kharkiv", "Charkiv"} and kharkiv.label == "GPE"
    mykolaiv = entity(tables, "Mykolayiv")  # wire "Mykolayiv", blog "Mykolaiv"
    assert set(mykolaiv.aliases) == {"Mykolaiv", "Mykolayiv"} and mykolaiv.label == "GPE"


def test_labels_decided_across_mentions(tables) -> None:
    # spaCy calls "Kyiv" PERSON in "criticized Kyiv's military response"; "officials in Kyiv"
    # makes it a place. "Twitter" is PERSON twice and PRODUCT once, never a person.
    assert entity(tables, "Kyiv").label == "GPE"
    assert entity(tables, "Twitter").label != "PERSON"
    assert entity(tables, "Ukrainian").label == "NORP"
    assert "Ukrainians" in entity(tables, "Ukrainian").aliases


def test_amnesty_and_its_ukrainian_section_stay_apart(tables) -> None:
    amnesty = entity(tables, "Amnesty International")
    section = entity(tables, "Amnesty International Ukraine")
    assert amnesty.entity_id != section.entity_id
    assert "Amnesty" in amnesty.aliases  # "Amnesty said in a statement to CNN on Sunday"
    assert "Amnesty International’s" not in amnesty.aliases  # possessive stripped
    # cnn-repost "Amnesty Ukraine’s head": the short form of the section, not of the parent.
    assert entity_of(tables, "cnn-repost", "Amnesty Ukraine") == section.entity_id
    suggestions = suggest_merges(tables)
    pair = suggestions[
        (suggestions.entity_a == amnesty.entity_id) & (suggestions.entity_b == section.entity_id)
    ]
    assert len(pair) == 1 and "is part of" in pair.reason.iloc[0]


def test_entity_ids_are_stable_and_made_from_the_name(tables, tmp_path: Path) -> None:
    again = analysis.build(CORPUS, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(tables.entities, again.entities)
    assert entity(tables, "Agnès Callamard").entity_id == "agnes-callamard"


def test_the_seed_corpus_needs_no_curated_entries() -> None:
    import yaml

    curated = yaml.safe_load((CORPUS / "entities.yml").read_text(encoding="utf-8"))
    assert curated == {"entities": [], "not_same": []}


# --- rules on their own --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zelensky", "Zelenskyy"),
        ("Zelenskiy", "Zelensky"),
        ("Volodymyr", "Volodimir"),
        ("Kharkiv", "Charkiv"),
        ("Mykolaiv", "Mykolayiv"),
        ("Kyiv", "Kiev"),
        ("Agnès", "Agnes"),
    ],
)
def test_transliteration_variants_fold_together(a: str, b: str) -> None:
    assert transliteration_key(a) == transliteration_key(b)


@pytest.mark.parametrize(("a", "b"), [("Podolyak", "Pokalchuk"), ("Russia", "Ukraine")])
def test_different_names_stay_different(a: str, b: str) -> None:
    assert name_similarity(a, b) < 0.6


def test_fold() -> None:
    assert fold("Agnès  Callamard’s") == "agnes callamard s"


# --- small synthetic corpora ----------------------------------------------------------------

SYNTHETIC = {
    "a": (
        "Anna Kovalenko, a lawyer in Kyiv, said the report was unfair to the army.\n"
        "Her brother Petro Kovalenko, a journalist, said the report was accurate.\n"
        "Kovalenko later added that the debate would go on.\n"
        "President Volodymyr Zelenskyy said on Monday that the government would respond.\n"
    ),
    "b": (
        "Officials in Kiev said the talks would resume on Monday.\n"
        "Zelensky said the report shifted the blame to the victim.\n"
        "Oleksandra Petrenko, the head of the local office, resigned on Friday.\n"
        "Sasha Petrenko told reporters she had warned her colleagues.\n"
        "Oleksandr Petrenko, a spokesman for the ministry, said the ministry had not been "
        "consulted.\n"
    ),
}


def synthetic_corpus(root: Path, entities_yml: str | None = None) -> Path:
    (root / "articles").mkdir(parents=True)
    rows = ["article_id,file,outlet,outlet_kind,title,url,published,language,notes"]
    for aid, text in SYNTHETIC.items():
        (root / "articles" / f"{aid}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{aid},articles/{aid}.txt,Outlet {aid},newspaper,,,2022-08-06,en,")
    (root / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if entities_yml is not None:
        (root / "entities.yml").write_text(entities_yml, encoding="utf-8")
    return root


def test_synthetic_rules(tmp_path: Path, cache_dir: Path) -> None:
    tables = analysis.build(synthetic_corpus(tmp_path / "c"), cache_dir=cache_dir)
    # Same surname, different first names: two people; the bare surname fits both, so it is
    # its own unresolved entity.
    anna, petro = entity(tables, "Anna Kovalenko"), entity(tables, "Petro Kovalenko")
    assert anna.entity_id != petro.entity_id
    assert entity_of(tables, "a", "Kovalenko") not in (anna.entity_id, petro.entity_id)
    # Kyiv / Kiev across articles.
    assert set(entity(tables, "Kyiv").aliases) == {"Kyiv", "Kiev"}
    # Zelenskyy / Zelensky; the bare surname in article b links through the corpus.
    assert entity_of(tables, "b", "Zelensky") == entity_of(tables, "a", "Volodymyr Zelenskyy")
    # Oleksandr and Oleksandra are two first names: two people.
    assert entity_of(tables, "b", "Oleksandr Petrenko") != entity_of(
        tables, "b", "Oleksandra Petrenko"
    )
    # A nickname no rule can know stays apart until curated.
    assert entity_of(tables, "b", "Sasha Petrenko") != entity_of(tables, "b", "Oleksandra Petrenko")
    suggestions = suggest_merges(tables)
    pairs = {frozenset(p) for p in zip(suggestions.entity_a, suggestions.entity_b, strict=True)}
    unresolved = entity_of(tables, "a", "Kovalenko")
    assert frozenset({unresolved, anna.entity_id}) in pairs
    assert frozenset({unresolved, petro.entity_id}) in pairs


def test_curated_entries_and_not_same_pairs(tmp_path: Path, cache_dir: Path) -> None:
    curated = (
        "entities:\n"
        "  - name: Oleksandra Petrenko\n"
        "    label: PERSON\n"
        "    aliases: [Sasha Petrenko]\n"
        "    reason: Sasha is her diminutive\n"
        "not_same:\n"
        "  - names: [Volodymyr Zelenskyy, Zelensky]\n"
        "    reason: a test of the constraint\n"
    )
    tables = analysis.build(synthetic_corpus(tmp_path / "c", curated), cache_dir=cache_dir)
    assert entity_of(tables, "b", "Sasha Petrenko") == entity_of(tables, "b", "Oleksandra Petrenko")
    assert entity(tables, "Oleksandra Petrenko").label == "PERSON"
    assert entity_of(tables, "b", "Zelensky") != entity_of(tables, "a", "Volodymyr Zelenskyy")


def test_the_user_can_merge_an_organisation_and_its_section(
    tmp_path: Path, cache_dir: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "entities.yml").write_text(
        "entities:\n"
        "  - name: Amnesty International\n"
        "    label: ORG\n"
        "    aliases: [Amnesty International Ukraine]\n"
        "    reason: count the national section with the movement\n",
        encoding="utf-8",
    )
    tables = analysis.build(corpus, cache_dir=cache_dir)
    amnesty = entity(tables, "Amnesty International")
    assert entity_of(tables, "ua-outlet", "Amnesty International Ukraine") == amnesty.entity_id


def test_bad_curated_file_is_a_corpus_error(tmp_path: Path, cache_dir: Path) -> None:
    root = synthetic_corpus(tmp_path / "c", "entities:\n  - name: X\n    label: PERSON\n")
    with pytest.raises(
        analysis.CorpusError, match=r"entities.yml: entity .* needs a name, a label"
    ):
        analysis.build(root, cache_dir=cache_dir)


def test_national_variants_of_an_organisation_are_one_entity(tables) -> None:
    # washpost: "the Ukrainian Defense Ministry"; ua-outlet: "the position of the Ministry of
    # Defense of Ukraine" and, in the same article, "asked the Ministry of Defense for a response".
    e = tables.entities
    ministry = e[e.name == "Ministry of Defense of Ukraine"]
    assert len(ministry) == 1
    assert set(ministry.aliases.iloc[0]) == {
        "Ministry of Defense",
        "Ministry of Defense of Ukraine",
        "Ukrainian Defense Ministry",
    }


def test_split_country_of_an_organisation_name() -> None:
    from analysis.entities import _split_country
    from analysis.entities.organisations import _by_stem

    places = _by_stem({"ukraine", "moldova"})
    assert _split_country("moldovan health ministry", places) == (
        "moldova",
        frozenset({"health", "ministry"}),
    )
    assert _split_country("ministry of health of moldova", places) == (
        "moldova",
        frozenset({"health", "ministry"}),
    )
    assert _split_country("ministry of defense", places) == (
        None,
        frozenset({"ministry", "defense"}),
    )


def test_two_people_whose_middle_initials_disagree_stay_apart(
    tmp_path: Path, cache_dir: Path
) -> None:
    from tests.test_quotes import build_one

    # father and son: one first name and one surname, but "P." against "J." (or "Peter"
    # against "J."); "Walter Peter Quist" is the father's full name
    text = (
        "Former governor Walter P. Quist opened the new harbour on Monday. His son, Walter J."
        " Quist, the current governor, did not attend.\n\n"
        "Walter Peter Quist, 81, said the port must grow.\n"
    )
    tables, _ = build_one(tmp_path, cache_dir, text)
    people = tables.entities[tables.entities.label == "PERSON"]
    assert sorted(people.name) == ["Walter J. Quist", "Walter P. Quist"]
    entity = dict(zip(tables.mentions.text, tables.mentions.entity_id, strict=False))
    assert entity["Walter Peter Quist"] == entity["Walter P. Quist"] != entity["Walter J. Quist"]


def test_a_generational_suffix_is_no_surname(tmp_path: Path, cache_dir: Path) -> None:
    from tests.test_quotes import build_one

    # "Joseph R. Quist Jr." and "Joe Quist" are one man: the surname is the word before "Jr."
    # (and Joe is a form of Joseph)
    text = (
        "Vice Governor Joseph R. Quist Jr. opened the new harbour on Monday.\n\n"
        "Joe Quist, 61, said the port must grow, and the crowd cheered.\n"
    )
    tables, _ = build_one(tmp_path, cache_dir, text)
    entity = dict(zip(tables.mentions.text, tables.mentions.entity_id, strict=False))
    assert entity["Joseph R. Quist Jr."] == entity["Joe Quist"]


def test_a_father_named_with_sr_is_not_his_son(tmp_path: Path, cache_dir: Path) -> None:
    from tests.test_quotes import build_one

    # "Walter Quist Sr." is the father of the governor the article names without a suffix:
    # two people, and the governor's surname alone stays his
    text = (
        "Governor Walter Quist opened the new harbour on Monday, with his father, Walter Quist"
        " Sr., beside him.\n\n"
        "Quist said the port must grow, and the crowd cheered.\n"
    )
    tables, _ = build_one(tmp_path, cache_dir, text)
    entity = dict(zip(tables.mentions.text, tables.mentions.entity_id, strict=False))
    assert entity["Walter Quist"] == entity["Quist"] != entity["Walter Quist Sr"]
    people = tables.entities[tables.entities.label == "PERSON"]
    assert sorted(people.name) == ["Walter Quist", "Walter Quist Sr"]


def test_a_suffix_alone_before_a_possessive_is_no_name(tmp_path: Path, cache_dir: Path) -> None:
    from tests.test_quotes import build_one

    # the model tags "Jr.’s" of "Harold Finch, Jr.’s," as a name: "Jr." alone names no one (it
    # had joined the one person of the corpus whose name ends with "Jr.")
    text = (
        "Investigators have looked at the dealings of Harold Finch’s son, Harold Finch, Jr.’s,"
        " involvement in the firm. Bo Dale Jr. was not named.\n"
    )
    tables, _ = build_one(tmp_path, cache_dir, text)
    assert tables.mentions.text.tolist() == ["Harold Finch", "Harold Finch", "Dale Jr."]


def test_generational_suffixes_that_disagree_are_two_people() -> None:
    from analysis.entities.merging import find_conflicting_names

    keys = ["ann roe sr", "ann roe jr", "ann roe", "ann roe iii", "bo lee jr", "bo lee"]
    assert sorted(map(sorted, find_conflicting_names(keys))) == [
        ["ann roe", "ann roe sr"],
        ["ann roe iii", "ann roe jr"],
        ["ann roe iii", "ann roe sr"],
        ["ann roe jr", "ann roe sr"],
    ]


def test_middle_initials_that_disagree_are_two_people() -> None:
    from analysis.entities.merging import find_conflicting_names

    # "w" and "h w": neither begins the other; "h" begins "h w"; "f" is the initial of "forbes"
    keys = ["tom w reed", "tom h w reed", "tom h reed", "jon f kerr", "jon forbes kerr"]
    assert sorted(map(sorted, find_conflicting_names(keys))) == [
        ["tom h reed", "tom w reed"],
        ["tom h w reed", "tom w reed"],
    ]
