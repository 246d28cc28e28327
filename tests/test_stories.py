"""Stories: grouping articles that report the same news, and comparisons kept within a story.

The articles here are invented (two stories and a stray article); the seed corpus is one story.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

import analysis
from analysis.corpus.selection import Selection
from analysis.notebook import charts, views
from analysis.notebook.panel import FilterPanel, pick_story, story_options
from analysis.overlap import find_links, score_sentences
from analysis.stories import find_stories
from analysis.stories.developments import split_developments
from analysis.stories.gaps import split_date_gaps

#: A sentence every article below carries word for word, whatever its story.
SHARED = "The mayor said the city would publish a full report next week."

FLOOD = [
    (
        "Dam failure floods Marlowe Creek",
        "The old Kessling dam above Marlowe Creek failed on Monday night and floodwater filled "
        "the lower valley. Rescue crews evacuated two hundred residents from the riverside "
        "streets by boat. " + SHARED,
    ),
    (
        "Marlowe Creek residents evacuated after Kessling dam breach",
        "Floodwater poured into Marlowe Creek after the Kessling dam breached late Monday. "
        "Boats carried riverside residents to the school gym, where volunteers handed out "
        "blankets. " + SHARED,
    ),
    (
        "Engineers warned about the Kessling dam, records show",
        "Inspection records show engineers warned last year that the Kessling dam above "
        "Marlowe Creek leaked. The floodwater has started to recede from the valley. " + SHARED,
    ),
]
STRIKE = [
    (
        "Brennholt orchestra musicians go on strike",
        "Musicians of the Brennholt Philharmonic walked out on Tuesday over pension cuts, "
        "cancelling the autumn season's opening concert. " + SHARED,
    ),
    (
        "Brennholt Philharmonic cancels concerts as musicians strike over pensions",
        "The Brennholt Philharmonic cancelled its opening concerts after its musicians struck "
        "over planned pension cuts. The conductor urged both sides to negotiate. " + SHARED,
    ),
]
STRAY = (
    "A quiet week for the chess club",
    "The chess club met on Wednesday and played three friendly games by the window. " + SHARED,
)


def _articles() -> pd.DataFrame:
    rows = []
    for k, (title, body) in enumerate(FLOOD):
        rows.append(("flood-" + str(k), f"Outlet {k}", title, body, f"2024-03-0{4 + k}"))
    for k, (title, body) in enumerate(STRIKE):
        rows.append(("strike-" + str(k), f"Outlet {k}", title, body, f"2024-03-0{5 + k}"))
    rows.append(("stray", "Outlet 9", *STRAY, "2024-03-05"))
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "title", "body", "published"])
    return frame.assign(published=pd.to_datetime(frame.published))


NO_MENTIONS = pd.DataFrame({"article_id": [], "start": [], "entity_id": []})
NO_ENTITIES = pd.DataFrame({"entity_id": [], "name": []})


def test_articles_of_one_story_are_grouped_and_others_kept_apart() -> None:
    story_of, rows = find_stories(_articles(), NO_MENTIONS, NO_ENTITIES)
    flood = {story_of[f"flood-{k}"] for k in range(3)}
    strike = {story_of[f"strike-{k}"] for k in range(2)}
    assert len(flood) == 1 and len(strike) == 1
    assert flood != strike and story_of["stray"] not in flood | strike
    # numbered by first publication day: the flood (4 March), then the strike and the stray
    # article (5 March, in the order the articles come)
    assert [r["story_id"] for r in rows] == [1, 2, 3]
    assert rows[0]["articles"] == ["flood-0", "flood-1", "flood-2"]
    assert (rows[0]["first_published"], rows[0]["last_published"]) == (
        pd.Timestamp("2024-03-04"),
        pd.Timestamp("2024-03-06"),
    )
    assert rows[0]["n_outlets"] == 3 and rows[0]["source"] == "found"
    # the label names the story's main words (no entities given here)
    assert "kessling" in rows[0]["label"] or "marlowe" in rows[0]["label"]


def test_articles_far_apart_in_time_are_not_joined() -> None:
    articles = _articles()
    later = articles.article_id == "flood-2"
    articles.loc[later, "published"] = pd.Timestamp("2024-05-20")
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert story_of["flood-0"] == story_of["flood-1"] != story_of["flood-2"]


def test_the_users_grouping_wins() -> None:
    given = {"flood-2": "dam inquiry", "stray": "dam inquiry"}
    story_of, rows = find_stories(_articles(), NO_MENTIONS, NO_ENTITIES, given=given)
    assert story_of["flood-2"] == story_of["stray"] != story_of["flood-0"]
    mine = next(r for r in rows if r["story_id"] == story_of["stray"])
    assert (mine["label"], mine["source"], mine["n_articles"]) == ("dam inquiry", "manifest", 2)
    assert story_of["flood-0"] == story_of["flood-1"]  # the rest is still grouped


def test_the_seed_corpus_is_one_story(tables) -> None:
    assert len(tables.stories) == 1
    assert tables.articles.story_id.unique().tolist() == [1]
    story = tables.stories.iloc[0]
    assert story.n_articles == 5 and list(story.articles) == tables.articles.article_id.tolist()
    assert "Oksana Pokalchuk" in list(story.entities)


def _sentences(articles: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for article_id, body in zip(articles.article_id, articles.body, strict=True):
        start = body.index(SHARED)
        rows.append((article_id, 0, 0, start, start + len(SHARED), SHARED))
    return pd.DataFrame(
        rows, columns=["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]
    )


NO_QUOTES = pd.DataFrame(
    columns=["article_id", "start", "end", "kind", "speaker", "speaker_entity_id", "quote_id"]
)


def test_links_stay_within_a_story() -> None:
    articles = _articles()
    sentences = _sentences(articles)
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    similarity = score_sentences(sentences, NO_QUOTES, stories=story_of)
    links = pd.DataFrame(find_links(sentences, NO_QUOTES, similarity=similarity, stories=story_of))
    pairs = {frozenset(p) for p in zip(links.article_a, links.article_b, strict=True)}
    # the same sentence in every article links only the articles of one story
    assert pairs == {
        frozenset(p)
        for p in [
            ("flood-0", "flood-1"),
            ("flood-0", "flood-2"),
            ("flood-1", "flood-2"),
            ("strike-0", "strike-1"),
        ]
    }
    assert set(links.kind) == {"verbatim"}
    everywhere = find_links(sentences, NO_QUOTES)  # without stories: one story, every pair
    assert len(everywhere) == 15


def test_a_corpus_of_several_stories_builds_with_the_manifest_story(tmp_path: Path) -> None:
    articles = _articles()
    (tmp_path / "articles").mkdir()
    with (tmp_path / "articles.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "file", "outlet", "outlet_kind", "title", "published"])
        for row in articles.itertuples():
            (tmp_path / "articles" / f"{row.article_id}.txt").write_text(row.body + "\n")
            writer.writerow(
                [row.article_id, f"articles/{row.article_id}.txt", row.outlet, "newspaper",
                 row.title, row.published.date().isoformat()]
            )  # fmt: skip
    built = analysis.build(tmp_path, cache_dir=tmp_path / "cache")
    story = dict(zip(built.articles.article_id, built.articles.story_id, strict=True))
    assert story["flood-0"] == story["flood-2"] != story["strike-0"]
    crossing = built.links[built.links.article_a.map(story) != built.links.article_b.map(story)]
    assert crossing.empty
    spans = built.statements.groupby("statement_id").article_id.agg(
        lambda a: len({story[x] for x in a})
    )
    assert (spans == 1).all()


def test_selection_keeps_one_story_and_says_which() -> None:
    articles = _articles().assign(story_id=[1, 1, 1, 2, 2, 3])
    chosen = Selection.of(story=2, story_label="Brennholt · strike")
    assert chosen.select_articles(articles).article_id.tolist() == ["strike-0", "strike-1"]
    assert chosen.describe() == "story 2: Brennholt · strike"
    # a table without the column is not filtered by it
    assert len(chosen.select_articles(articles.drop(columns="story_id"))) == 6


def _stories() -> pd.DataFrame:
    _, rows = find_stories(_articles(), NO_MENTIONS, NO_ENTITIES)
    return pd.DataFrame(rows)


def test_story_picker_lists_the_largest_first_and_opens_where_asked() -> None:
    stories = _stories()
    options = story_options(stories)
    assert options[0] == ("all stories", None)
    assert [value for _, value in options[1:]] == [1, 2, 3]
    assert (
        options[1][0].startswith("1 · ")
        and "(3 articles, 3 outlets, from 2024-03-04)" in (options[1][0])
    )
    assert pick_story(stories, "largest") == 1
    assert pick_story(stories, 2) == 2
    assert pick_story(stories, None) is None
    assert pick_story(stories.head(1), "largest") is None  # one story: nothing to pick
    with pytest.raises(ValueError, match="no story 9"):
        pick_story(stories, 9)


def test_filter_panel_shows_the_picker_only_for_several_stories(tables) -> None:
    one = FilterPanel(tables.articles, stories=tables.stories, story="largest")
    assert one.story not in one.widget.children and one.selection.story is None
    articles = _articles().assign(outlet_kind="newspaper")
    stories = _stories()
    story_of = {
        a: s for s, arts in zip(stories.story_id, stories.articles, strict=True) for a in arts
    }
    articles = articles.assign(story_id=articles.article_id.map(story_of))
    panel = FilterPanel(articles, stories=stories, story="largest")
    assert panel.widget.children[0] is panel.story
    assert panel.selection.story == 1
    assert panel.selection.describe().startswith("story 1: ")
    seen = []
    panel.on_change(seen.append)
    panel.story.value = None
    assert seen[-1].story is None and seen[-1].describe() == ""


def test_story_coverage_chart_and_summary() -> None:
    stories = _stories()
    articles = _articles().assign(n_words=[30, 28, 25, 20, 22, 15], colour=None)
    story_of = {
        a: s for s, arts in zip(stories.story_id, stories.articles, strict=True) for a in arts
    }
    articles = articles.assign(story_id=articles.article_id.map(story_of))
    fig = charts.plot_story_coverage(articles, stories)
    assert [t.name for t in fig.data] == ["Outlet 0", "Outlet 1", "Outlet 2", "Outlet 9"]
    rows = list(fig.layout.yaxis.categoryarray)
    assert rows[0].startswith("1 · ") and len(rows) == 3
    outlet0, outlet9 = fig.data[0], fig.data[3]
    # Outlet 0 carried the flood on 4 March and the strike on 5 March, at the first hour slot;
    # the last outlet sits at the last slot of its day
    assert [str(x) for x in outlet0.x] == ["2024-03-04 02:00:00", "2024-03-05 02:00:00"]
    assert [str(x) for x in outlet9.x] == ["2024-03-05 22:00:00"]
    assert list(outlet0.y) == [rows[0], rows[1]]
    summary = views.summarize_stories(stories, articles)
    assert summary.story_id.tolist() == [1, 2, 3]
    assert summary.iloc[0].outlets == "Outlet 0, Outlet 1, Outlet 2"
    assert summary.iloc[0]["first day"] == "2024-03-04"
    only_strike = Selection.of(story=2).select_articles(articles)
    assert views.summarize_stories(stories, only_strike).story_id.tolist() == [2]


def test_vectors_fitted_per_story_score_as_each_story_alone() -> None:
    from analysis.overlap.candidates import vectorize, vectorize_groups

    flood = [body for _, body in FLOOD]
    strike = [body for _, body in STRIKE]
    texts = [flood[0], strike[0], flood[1], strike[1], flood[2], STRAY[1]]
    groups = [0, 1, 0, 1, 0, -1]
    both = vectorize_groups(texts, groups, fit_on=texts, fit_groups=groups)
    alone = vectorize(flood, fit_on=flood)
    assert both[0].multiply(both[2]).sum() == pytest.approx(alone[0].multiply(alone[1]).sum())
    assert both[2].multiply(both[4]).sum() == pytest.approx(alone[1].multiply(alone[2]).sum())
    alone = vectorize(strike, fit_on=strike)
    assert both[1].multiply(both[3]).sum() == pytest.approx(alone[0].multiply(alone[1]).sum())
    # texts of different stories share the closing sentence word for word, yet score 0
    assert both[0].multiply(both[1]).sum() == 0
    assert both[5].nnz == 0  # a story of one article is not vectorised


def test_an_article_carrying_another_outlets_passage_joins_its_story() -> None:
    passage = "Rescue crews evacuated two hundred residents from the riverside streets by boat."
    assert passage in FLOOD[0][1]
    echo = (
        "Weekend notes",
        "Our columnist spent the weekend at the farmers market and the library sale. " + passage,
    )
    articles = _articles()

    def with_echo(body: str) -> dict[str, int]:
        row = pd.DataFrame(
            [("echo", "Outlet 7", echo[0], body, pd.Timestamp("2024-03-05"))],
            columns=articles.columns,
        )
        story_of, _ = find_stories(
            pd.concat([articles, row], ignore_index=True), NO_MENTIONS, NO_ENTITIES
        )
        return story_of

    story_of = with_echo(echo[1])
    assert story_of["echo"] == story_of["flood-0"]
    # without the passage, the column shares nothing with the flood: a story of its own
    story_of = with_echo(echo[1].replace(passage, ""))
    assert story_of["echo"] not in {story_of[a] for a in articles.article_id}


def test_articles_without_words_are_stories_of_their_own() -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["digits", "more-digits"],
            "outlet": ["Outlet 0", "Outlet 1"],
            "title": [None, None],
            "body": ["0", "12 34"],
            "published": [pd.NaT, pd.NaT],
        }
    )
    story_of, rows = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert story_of == {"digits": 1, "more-digits": 2}
    assert [r["label"] for r in rows] == ["digits", "more-digits"]  # no words: the article id
    assert rows[0]["first_published"] is pd.NaT


#: A wire story (invented) that many outlets print in full.
WIRE = (
    "Crews from four counties battled a wildfire that swept across the dry hills above Vantrell "
    "on Thursday, forcing the evacuation of three villages and closing the coastal highway. "
    "The fire service said the blaze had burned through twelve thousand acres by nightfall and "
    "was driven by gusting winds. Officials opened the sports hall in Harwick as a shelter and "
    "asked residents to stay away from the ridge roads until the wind drops."
)
#: A closing line (invented) that articles of every subject carry, like a wire's copyright line.
FOOTER = (
    "Copyright the Meridian Wire Service, all rights reserved; this material may not be "
    "published, broadcast, rewritten or redistributed without permission."
)


def _invented_words(k: int, n: int) -> str:
    """Returns `n` made-up words that only article `k` uses ("Sakakakax Sakalokax …" for k = 3)."""
    syllables = ["ka", "lo", "mir", "sa", "ven", "to", "ri", "dan", "el", "no", "vy", "qu"]
    prefix = syllables[k % 12] + syllables[k // 12 % 12]
    return " ".join(
        (prefix + syllables[w % 12] + syllables[w // 12 % 12] + "x").capitalize() for w in range(n)
    )


def _corpus(bodies: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{k:02d}" for k in range(len(bodies))],
            "outlet": [f"Outlet {k % 6}" for k in range(len(bodies))],
            "title": [None] * len(bodies),
            "body": bodies,
            "published": [
                pd.Timestamp("2024-06-06") + pd.Timedelta(days=k % 2) for k in range(len(bodies))
            ],
        }
    )


def test_reprints_of_one_wire_story_are_one_story_however_many(monkeypatch) -> None:
    from analysis.stories import grouping

    # 36 outlets' copies of the wire story, each with a line of its own: the story's words are
    # in every article, so background (step 2), and only the reprinted passages hold them together
    articles = _corpus([WIRE + "\n\n" + _invented_words(k, 12) + "." for k in range(36)])
    story_of, rows = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert set(story_of.values()) == {1} and rows[0]["n_outlets"] == 6
    monkeypatch.setattr(grouping, "SYNDICATED_SHARED", 10**6)  # without step 6: 36 stories
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert len(set(story_of.values())) == 36


def test_a_line_that_unrelated_articles_carry_joins_nothing() -> None:
    # 36 articles on nothing in common (made-up words), each with the same long line between two
    # paragraphs, carried by six outlets: boilerplate, since its articles are not about one thing
    words = [_invented_words(k, 80).split() for k in range(36)]
    bodies = [" ".join(w[:40]) + ".\n\n" + FOOTER + "\n\n" + " ".join(w[40:]) + "." for w in words]
    story_of, _ = find_stories(_corpus(bodies), NO_MENTIONS, NO_ENTITIES)
    assert len(set(story_of.values())) == 36


#: A second wire story (invented), on another subject.
WIRE_2 = (
    "The Castellan Bank raised its main interest rate by half a point on Tuesday, its third "
    "increase this year, saying that prices of food and fuel were still climbing faster than "
    "wages. The governor told reporters that mortgage holders should expect higher payments "
    "from the spring and that the board would meet again in six weeks."
)


def test_a_closing_line_does_not_join_two_wire_stories() -> None:
    # 18 reprints of each wire story, every one closing with the same copyright line: the line
    # is in 36 articles of six outlets, but in their last paragraph, so it is furniture
    bodies = [
        f"{wire}\n\n{_invented_words(k, 12)}.\n\n{FOOTER}"
        for k, wire in enumerate([WIRE, WIRE_2] * 18)
    ]
    story_of, rows = find_stories(_corpus(bodies), NO_MENTIONS, NO_ENTITIES)
    assert len(rows) == 2 and sorted(r["n_articles"] for r in rows) == [18, 18]
    assert story_of["a00"] == story_of["a02"] != story_of["a01"] == story_of["a03"]


#: Headlines of one invented story that fills a corpus (its names are in every headline).
ERUPTION_TITLES = [
    "Tarlen volcano erupts near Pellimar",
    "Tarlen volcano: Pellimar evacuates",
    "Pellimar shut by Tarlen volcano",
    "Tarlen volcano ash falls on Pellimar",
]


def _dominated_corpus(n_story: int, n_other: int, *, gap_days: int = 0) -> tuple[pd.DataFrame, ...]:
    """Returns articles, mentions and entities of an invented corpus: `n_story` articles of one
    story (headlines from `ERUPTION_TITLES`, the volcano and the airport named in the lead, a
    body of words that only it and its neighbour share: articles 0 and 1, 2 and 3, …), the
    second half published `gap_days` later, and `n_other` articles on subjects of their own."""
    titles, bodies, days, rows = [], [], [], []
    for k in range(n_story + n_other):
        mine = _invented_words(k // 2 if k < n_story else k, 60)
        if k < n_story:
            titles.append(ERUPTION_TITLES[k % 4])
            bodies.append(f"The Tarlen volcano near Pellimar airport. {mine}.")
            rows += [(f"a{k:02d}", 4, "tarlen"), (f"a{k:02d}", 24, "pellimar")]
            days.append(gap_days if k >= n_story // 2 else k % 2)
        else:
            titles.append(_invented_words(k + 100, 4))
            bodies.append(f"{mine}.")
            days.append(k % 2)
    articles = pd.DataFrame(
        {
            "article_id": [f"a{k:02d}" for k in range(len(bodies))],
            "outlet": [f"Outlet {k % 6}" for k in range(len(bodies))],
            "title": titles,
            "body": bodies,
            "published": [pd.Timestamp("2024-06-06") + pd.Timedelta(days=d) for d in days],
        }
    )
    mentions = pd.DataFrame(rows, columns=["article_id", "start", "entity_id"])
    entities = pd.DataFrame({"entity_id": ["tarlen", "pellimar"], "name": ["Tarlen", "Pellimar"]})
    return articles, mentions, entities


def test_a_story_filling_its_corpus_is_one_story_by_its_headlines(monkeypatch) -> None:
    from analysis.stories import grouping

    # 36 articles headed "Tarlen volcano …" and "… Pellimar …": their shared names are in more
    # than 30 articles and a fifth of them, so background for steps 2-4, which join only the
    # two articles sharing each body; their headline profiles (step 7) make the 18 pairs one
    # story and keep the 8 others apart
    articles, mentions, entities = _dominated_corpus(36, 8)
    assert articles.title[1] == "Tarlen volcano: Pellimar evacuates"
    assert articles.body[0][4:10] == "Tarlen" and articles.body[0][24:32] == "Pellimar"
    story_of, rows = find_stories(articles, mentions, entities)
    assert len(rows) == 9 and max(r["n_articles"] for r in rows) == 36
    assert len({story_of[f"a{k:02d}"] for k in range(36)}) == 1
    monkeypatch.setattr(grouping, "PROFILE_THRESHOLD", 2.0)  # without step 7: 18 + 8 stories
    story_of, rows = find_stories(articles, mentions, entities)
    assert len(rows) == 26 and story_of["a00"] == story_of["a01"] != story_of["a02"]


def test_the_same_headlines_ten_days_later_are_another_story() -> None:
    # the same headline profile, but half the articles published ten days after the others
    articles, mentions, entities = _dominated_corpus(36, 8, gap_days=10)
    story_of, rows = find_stories(articles, mentions, entities)
    assert sorted(r["n_articles"] for r in rows)[-2:] == [18, 18]
    assert story_of["a00"] == story_of["a17"] != story_of["a18"] == story_of["a35"]


def test_a_lone_article_is_not_joined_by_its_headline_alone() -> None:
    # a 37th article headed "Tarlen volcano erupts near Pellimar" whose body no other article
    # shares: step 7 joins groups of two articles or more only, so it stays a story of its own
    articles, mentions, entities = _dominated_corpus(37, 8)
    assert articles.title[36] == "Tarlen volcano erupts near Pellimar"
    story_of, rows = find_stories(articles, mentions, entities)
    assert sorted(r["n_articles"] for r in rows)[-2:] == [1, 36]
    assert story_of["a36"] != story_of["a00"] == story_of["a35"]


def test_halves_of_a_story_across_a_block_of_days_are_joined() -> None:
    # step 7 compares groups by blocks of 8 days (from 1970-01-01: one starts on 2024-06-14);
    # the story's first half is published on 12-13 June and its second on the 15th, within
    # the window of each other but on both sides of the block's first day
    articles, mentions, entities = _dominated_corpus(36, 8, gap_days=3)
    articles = articles.assign(published=articles.published + pd.Timedelta(days=6))
    assert pd.Timestamp("2024-06-14").value // 86_400_000_000_000 % 8 == 0
    assert articles.published[0] == pd.Timestamp("2024-06-12")
    assert articles.published[18] == pd.Timestamp("2024-06-15")
    story_of, rows = find_stories(articles, mentions, entities)
    assert max(r["n_articles"] for r in rows) == 36
    assert story_of["a00"] == story_of["a18"] == story_of["a35"]


#: A line that closes every article of one invented outlet: its furniture, not a statement.
BRIEFING = "The Gazette is published by Harbour Media Group."


def test_an_outlets_furniture_never_links() -> None:
    from analysis.overlap.links import find_furniture

    rows, outlets = [], {}
    for article, outlet, texts in [
        ("g1", "Harbour Gazette", [SHARED, BRIEFING]),
        ("g2", "Harbour Gazette", [SHARED, BRIEFING]),
        ("g3", "Harbour Gazette", ["Ferry crews walked out at dawn.", BRIEFING]),
        ("l1", "Valley Ledger", [SHARED]),
    ]:
        outlets[article] = outlet
        start = 0
        for k, text in enumerate(texts):
            rows.append((article, k, 0, start, start + len(text), text))
            start += len(text) + 1
    sentences = pd.DataFrame(
        rows, columns=["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]
    )
    furniture = find_furniture(sentences, outlets)
    # the briefing line: three articles, one outlet; the mayor's sentence: two outlets
    assert sentences.text[furniture].unique().tolist() == [BRIEFING]
    assert int(furniture.sum()) == 3
    links = pd.DataFrame(find_links(sentences, NO_QUOTES, outlets=outlets))
    assert set(links.sentence_a) == set(links.sentence_b) == {0}  # the mayor's sentence only
    pairs = {frozenset(p) for p in zip(links.article_a, links.article_b, strict=True)}
    assert pairs == {frozenset(p) for p in [("g1", "g2"), ("g1", "l1"), ("g2", "l1")]}
    without = pd.DataFrame(find_links(sentences, NO_QUOTES))  # no outlets: the line links
    assert (without.kind == "verbatim").sum() == len(without) == 6


def _bridged_corpus(
    bridges: list[tuple[int, int]], *, beat: int = 16, captions: int = 6, xs: int = 3
) -> pd.DataFrame:
    """Returns invented articles of one day: `xs` of story x (x0, x1, …) and three of story y
    (y0, y1, y2). All share `beat` words of their beat, each story's articles 12 words of their
    own, each article 20 words of its own, and each (x, y) pair of `bridges` `captions` more
    words (two articles carrying the same photo captions)."""

    def words(k: int, n: int) -> list[str]:
        return _invented_words(k, n).split()

    ids = [f"x{k}" for k in range(xs)] + [f"y{k}" for k in range(3)]
    bodies = []
    for k, article in enumerate(ids):
        mine = words(50, beat) + words(51 if k < xs else 52, 12) + words(k, 20)
        for b, (x, y) in enumerate(bridges):
            if article in (f"x{x}", f"y{y}"):
                mine += words(60 + b, captions)
        bodies.append(" ".join(mine) + ".")
    return pd.DataFrame(
        {
            "article_id": ids,
            "outlet": [f"Outlet {k % xs}" for k in range(xs)]
            + ["Outlet 2", "Outlet 0", "Outlet 1"],
            "title": [None] * len(ids),
            "body": bodies,
            "published": [pd.Timestamp("2024-06-06")] * len(ids),
        }
    )


def test_two_stories_that_one_pair_of_articles_bridges_stay_apart(monkeypatch) -> None:
    from analysis.stories import grouping

    # a story of two articles and one of three; x1 and y0 share captions: their cosine (0.221)
    # reaches the pair threshold, the other pairs across the stories score 0.113-0.120 (the
    # beat's words), so the mean across the two groups (0.133) passes the guard; one pair alone
    # does not join two groups (x0-x1 is no core of three articles: only this rule cuts it)
    articles = _bridged_corpus([(1, 0)], xs=2)
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert story_of["x0"] == story_of["x1"]
    assert story_of["y0"] == story_of["y1"] == story_of["y2"] != story_of["x0"]
    monkeypatch.setattr(grouping, "JOIN_SUPPORT", 1)  # before the rule: one story
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert len(set(story_of.values())) == 1
    monkeypatch.undo()
    # x2–y0 and x1–y2 share words beyond the beat's: two pairs across, one story
    story_of, _ = find_stories(_bridged_corpus([(2, 0), (1, 2)]), NO_MENTIONS, NO_ENTITIES)
    assert len(set(story_of.values())) == 1


def test_two_stories_whose_bridge_is_their_closest_pair_stay_apart(monkeypatch) -> None:
    from analysis.stories import cores

    # 10 shared captions: x2 and y0 (cosine 0.252) are closer than x2 to its own story (0.250),
    # so step 4 joins them first and each story's articles then join that pair by two pairs
    # each; but x0-x1-x2 and y0-y1-y2 are each a core (no single pair holds one together) and
    # x2-y0 alone holds the two cores together: it is cut
    articles = _bridged_corpus([(2, 0)], beat=10, captions=10)
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert story_of["x0"] == story_of["x1"] == story_of["x2"]
    assert story_of["y0"] == story_of["y1"] == story_of["y2"] != story_of["x0"]
    monkeypatch.setattr(cores, "CORE_ARTICLES", 10**6)  # no core: one story
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert len(set(story_of.values())) == 1


def test_a_chain_of_articles_each_close_to_the_next_is_not_cut() -> None:
    from analysis.stories.cores import cut_bridges, find_bridges

    # a story told over days (0-1-2-3, each close to the next only) has no core: every pair is a
    # bridge, none is cut; a triangle (4-5-6) hanging on it by one pair (3-4) is a core, but the
    # chain is not, so that pair stays too
    pairs = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (4, 6)]
    assert find_bridges(7, pairs) == {0, 1, 2, 3}
    assert cut_bridges([0] * 7, pairs) == [0] * 7
    # two triangles held together by one pair (2-3) are cut there, each part named by its first
    # article; the other groups (a lone article, 6; a pair, 7-8) are left as they are
    pairs = [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5), (7, 8)]
    assert cut_bridges([0] * 6 + [6, 7, 7], pairs) == [0, 0, 0, 3, 3, 3, 6, 7, 7]


#: What every article of the bridge budget's week says (invented, like everything here).
BRIDGE = (
    "The Delmore bridge, closed since the spring floods, needs new steel piers and a wider "
    "deck, and the repair budget of 41 million dollars has divided residents of the valley for "
    "months. Engineers say the crossing could reopen within two years. "
)
#: Two developments of one topic two days apart: the city council approves the budget, then
#: the county board rejects its share. Every pair of the four articles shares the topic.
BRIDGE_VOTES = [
    (
        "Harwick council approves Delmore bridge budget",
        "The Harwick city council voted seven to two on Monday night to approve the Delmore "
        "bridge repair budget after a long public hearing at city hall. " + BRIDGE,
        "2024-06-03",
    ),
    (
        "Harwick council passes Delmore bridge budget in late vote",
        "After a hearing that ran past midnight, the Harwick city council approved the Delmore "
        "bridge budget by seven votes to two on Monday. " + BRIDGE,
        "2024-06-04",
    ),
    (
        "County board rejects Delmore bridge budget",
        "The Ostfield county board voted on Wednesday to reject its share of the Delmore bridge "
        "budget, saying the county's road fund is already stretched. " + BRIDGE,
        "2024-06-05",
    ),
    (
        "Delmore bridge budget rejected by county board",
        "Ostfield county commissioners turned down on Wednesday their share of the Delmore "
        "bridge budget, citing the county road fund. " + BRIDGE,
        "2024-06-05",
    ),
]


def _bridge_articles(votes: list[tuple[str, str, str]]) -> pd.DataFrame:
    rows = [(f"vote-{k}", f"Outlet {k % 2}", *vote) for k, vote in enumerate(votes)]
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "title", "body", "published"])
    return frame.assign(published=pd.to_datetime(frame.published))


def test_two_developments_of_one_topic_in_one_week_are_two_stories() -> None:
    # "Harwick council approves…" / "County board rejects…": the headlines beyond the topic
    # words (Delmore, bridge, budget) pair the articles, and their texts agree
    story_of, rows = find_stories(_bridge_articles(BRIDGE_VOTES), NO_MENTIONS, NO_ENTITIES)
    assert story_of["vote-0"] == story_of["vote-1"] != story_of["vote-2"] == story_of["vote-3"]
    assert [r["articles"] for r in rows] == [["vote-0", "vote-1"], ["vote-2", "vote-3"]]


def test_one_development_headlined_in_two_ways_stays_one_story() -> None:
    # the headlines pair as "Harwick council…" and "…city hall…", but the four articles tell
    # the same vote in the same words: as alike across the pairs as within them
    body = BRIDGE_VOTES[0][1]
    votes = [
        ("Harwick council approves Delmore bridge budget", body, "2024-06-03"),
        ("Harwick council passes Delmore bridge budget", body, "2024-06-03"),
        ("Delmore bridge budget wins the vote at city hall", body, "2024-06-04"),
        ("City hall says yes to the Delmore bridge budget", body, "2024-06-04"),
    ]
    story_of, _ = find_stories(_bridge_articles(votes), NO_MENTIONS, NO_ENTITIES)
    assert len(set(story_of.values())) == 1


def test_an_article_unlike_its_development_is_a_story_of_its_own() -> None:
    # one group of five: rows 0 and 1 share a headline word beyond the topic ("council"), row
    # 3 has a word of its own ("recount"), rows 2-4 share nothing beyond the topic
    headlines = sparse.csr_matrix(
        np.array(
            [
                # topic, topic, "council", "recount"
                [1.0, 1.0, 2.0, 0.0],
                [1.0, 1.0, 2.0, 0.0],
                [1.0, 1.0, 0.0, 0.0],
                [1.0, 1.0, 0.0, 2.0],
                [1.0, 1.0, 0.0, 0.0],
            ]
        )
    )
    near, far, farther = [1.0, 0.0], [0.6, 0.8], [0.28, 0.96]  # cosine 0.6 and 0.28 with near
    vectors = sparse.csr_matrix(np.array([near, near, near, near, far]))
    # rows 2-4 join the council pair: their cosine with it (1.0, 1.0, 0.6) is at least half its
    # own (1.0)
    assert split_developments([7] * 5, headlines, vectors, fixed=[False] * 5) == [7] * 5
    vectors = sparse.csr_matrix(np.array([near, near, near, near, farther]))
    # 0.28 is under half: row 4 reports something of its own, a story numbered after the rest
    assert split_developments([7] * 5, headlines, vectors, fixed=[False] * 5) == [7, 7, 7, 7, 8]
    # the user's groups are never split
    assert split_developments([7] * 5, headlines, vectors, fixed=[True] * 5) == [7] * 5


def test_reprints_of_one_wire_story_under_two_headlines_stay_one_story() -> None:
    # 36 reprints of the wire story: half headed "…villages evacuated" and adding a line on the
    # evacuees, half headed "…highway shut…" and adding a line on the detour. Headlines and
    # added lines pair the articles in two halves, but the syndicated copy they all carry
    # (step 6) makes them one development
    lines = [
        "Evacuees from the three villages slept at the Orlen school gym.",
        "Drivers on the coastal highway took the Mossgate detour inland.",
    ]
    titles = [
        "Vantrell wildfire: villages evacuated",
        "Coastal highway shut as Vantrell hills burn",
    ]
    bodies = [WIRE + "\n\n" + lines[k % 2] + " " + _invented_words(k, 12) + "." for k in range(36)]
    articles = _corpus(bodies).assign(title=[titles[k % 2] for k in range(36)])
    story_of, _ = find_stories(articles, NO_MENTIONS, NO_ENTITIES)
    assert set(story_of.values()) == {1}


def test_two_runs_of_days_unlike_each_other_are_two_stories() -> None:
    # one found group of four: two articles on a court's ruling on a water law (day 0), two on
    # its ruling on fishing permits three days later (day 3), chained by one article's
    # paragraph on both: the two runs' mean cosine (0.1) is below the pair threshold
    water, permits, alike = [1.0, 0.0], [0.1, 0.995], [0.6, 0.8]
    vectors = sparse.csr_matrix(np.array([water, water, permits, permits]))
    days = [0.0, 0.0, 3.0, 3.0]
    kept = [False] * 4
    assert split_date_gaps([5] * 4, vectors, days, fixed=kept, threshold=0.15) == [5, 5, 6, 6]
    # runs as alike as two articles the grouping joins (0.6) stay one story
    near = sparse.csr_matrix(np.array([water, water, alike, alike]))
    assert split_date_gaps([5] * 4, near, days, fixed=kept, threshold=0.15) == [5] * 4
    # two days apart is a story's follow-up, not a gap
    assert (
        split_date_gaps([5] * 4, vectors, [0.0, 0.0, 2.0, 2.0], fixed=kept, threshold=0.15)
        == [5] * 4
    )
    # a run of one article (a follow-up piece) is never cut off; nor an undated group; nor the
    # user's
    assert (
        split_date_gaps([5] * 4, vectors, [0.0, 0.0, 0.0, 3.0], fixed=kept, threshold=0.15)
        == [5] * 4
    )
    undated = [0.0, 0.0, 3.0, float("nan")]
    assert split_date_gaps([5] * 4, vectors, undated, fixed=kept, threshold=0.15) == [5] * 4
    assert split_date_gaps([5] * 4, vectors, days, fixed=[True] * 4, threshold=0.15) == [5] * 4


RULING = (
    "The Tarnby high court upheld the Quillon reservoir law on Monday, ruling that the aquifer "
    "levy and the irrigation tariff stand. "
)
PERMITS = (
    "The Tarnby high court voided the harbour board's trawler permits on Friday, finding the "
    "mackerel quota unlawful. "
)
COURT_WEEK = [
    (
        "Tarnby court upholds Quillon reservoir law",
        RULING + "Farmers who pay the irrigation tariff said they would appeal to the aquifer "
        "commission.",
        "2024-05-06",
    ),
    (
        "Quillon reservoir law survives court challenge",
        RULING + "The aquifer levy funds the reservoir's new pumps, the irrigation board said.",
        "2024-05-06",
    ),
    (
        "What the Quillon reservoir ruling means for farmers",
        RULING + "Irrigation tariff bills arrive in June; the aquifer levy rises next year.",
        "2024-05-07",
    ),
    (
        "After the reservoir ruling, the court turns to trawler permits",
        RULING + "Next the justices hear the trawler permits case of the mackerel fishermen.",
        "2024-05-07",
    ),
    (
        "Tarnby court strikes down trawler permits",
        PERMITS + "Mackerel fishermen cheered outside the harbour as the quota was voided.",
        "2024-05-10",
    ),
    (
        "Harbour board loses mackerel quota case",
        PERMITS + "The harbour board said it would issue new trawler permits before the season.",
        "2024-05-10",
    ),
]


def test_two_rulings_days_apart_chained_by_one_article_are_two_stories() -> None:
    # "After the reservoir ruling, the court turns to trawler permits" (vote-3) writes about
    # both rulings and chains them (its cosine with the permit articles 0.37 and 0.28; the
    # other reservoir articles' 0.02-0.12); the runs of 6-7 May and of 10 May average 0.14
    # across, below the pair threshold (0.15): two stories
    story_of, rows = find_stories(_bridge_articles(COURT_WEEK), NO_MENTIONS, NO_ENTITIES)
    assert [r["articles"] for r in rows] == [
        ["vote-0", "vote-1", "vote-2", "vote-3"],
        ["vote-4", "vote-5"],
    ]
    # the same articles a day after the first run: no gap of days, one story
    next_day = [(t, b, "2024-05-08" if d == "2024-05-10" else d) for t, b, d in COURT_WEEK]
    story_of, _ = find_stories(_bridge_articles(next_day), NO_MENTIONS, NO_ENTITIES)
    assert len(set(story_of.values())) == 1
