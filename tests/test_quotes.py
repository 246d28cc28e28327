"""Quotes: the hard cases of the seed articles and of small synthetic ones, and the targets on the
hand annotation (tests/fixtures/quotes_gold.yml, guide in quotes_guide.md)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import analysis
from analysis.__main__ import GOLD_PATH, TARGETS
from analysis.pipeline.evaluation import load_gold, overlap_f1, score_quotes
from analysis.quotes import QuoteWarning


def quote(tables, article_id: str, starts: str):
    q = tables.quotes
    rows = q[(q.article_id == article_id) & q.text.str.startswith(starts)]
    assert len(rows) >= 1, f"no quote starting {starts!r} in {article_id}"
    return rows.iloc[0]


def test_offsets_point_into_the_body_without_quote_marks(tables) -> None:
    bodies = tables.articles.set_index("article_id").body
    for row in tables.quotes.itertuples():
        body = bodies[row.article_id]
        assert body[row.start : row.end] == row.text
        if row.kind != "indirect":
            assert row.text[:1] not in '“”"' and row.text[-1:] not in '“”"'


def test_targets_on_the_hand_annotation(tables) -> None:
    gold, gold_indirect = load_gold(GOLD_PATH, tables)
    scores = score_quotes(tables.quotes, gold, gold_indirect)
    assert scores.f1 >= TARGETS["f1"], scores.misses
    assert scores.speaker_accuracy >= TARGETS["speaker_accuracy"], scores.misses
    assert scores.indirect_recall >= TARGETS["indirect_recall"], scores.misses


def test_mixed_curly_and_straight_marks(tables) -> None:
    # washpost: “We must be very clear: … Russian violations," the organization said.
    q = quote(tables, "washpost", "We must be very clear")
    assert q.text.endswith("justifies Russian violations,")
    assert (q.kind, q.speaker, q.speaker_mention, q.cue) == (
        "direct",
        "Amnesty International",
        "the organization",
        "say",
    )


def test_multi_paragraph_quote_that_reopens_is_one_quote(tables) -> None:
    # wire: saying: "Oksana has been … successes.¶"We are sorry … well," Callamard said.
    q = quote(tables, "wire", "Oksana has been a valued member")
    assert q.text.endswith(
        'successes.\n\n"We are sorry to hear that she is leaving the '
        "organization, but we respect her decision and wish her well,"
    )
    assert (q.speaker, q.kind, q.attribution) == ("Agnès Callamard", "direct", "cue")


def test_long_statement_closed_once_is_one_quote(tables) -> None:
    # ua-outlet: the Facebook post runs from paragraph 3 to 10, closed once:
    # "… seize free people by force.” – Pokalchuk wrote."
    q = tables.quotes[(tables.quotes.article_id == "ua-outlet") & (tables.quotes.kind == "direct")]
    assert len(q) == 1
    post = q.iloc[0]
    assert (post.speaker, post.cue, post.paragraph_id) == ("Oksana Pokalchuk", "write", 3)
    assert post.text.startswith("I am resigning from Amnesty International in Ukraine.")
    assert post.text.endswith("seize free people by force.")
    assert post.text.count("\n\n") == 7  # eight paragraphs


def test_inverted_order_and_apposition(tables) -> None:
    # blog: “… what you’re advising,” said Melaniya Podolyak in a Twitter thread on Thursday.
    q = quote(tables, "blog", "I told myself")
    assert (q.speaker, q.cue, q.channel) == ("Melaniya Podolyak", "say", "Twitter")
    # washpost: “Being in a defensive position …,” Agnès Callamard, secretary general of Amnesty
    # International, said in a statement accompanying the report.
    q = quote(tables, "washpost", "Being in a defensive position")
    assert (q.speaker, q.channel) == ("Agnès Callamard", "statement")


def test_attribution_in_the_sentence_before_with_a_colon(tables) -> None:
    # cnn-repost: Following the backlash, Amnesty said in a statement to CNN on Sunday: “While …”
    q = quote(tables, "cnn-repost", "While we fully stand by our findings")
    assert (q.kind, q.speaker, q.channel) == ("direct", "Amnesty International", "statement")


def test_follow_on_quotes_continue_the_previous_speaker(tables) -> None:
    # wire: a paragraph that is only a quotation, after Callamard's attributed quote.
    q = quote(tables, "wire", "Being in a defensive position")
    assert q.speaker == "Agnès Callamard" and q.cue != q.cue  # no verb of its own: cue missing
    # blog: "Zelensky also strongly criticized the report." then “The responsibility is …”
    assert quote(tables, "blog", "The responsibility is thus shifted").speaker == (
        "Volodymyr Zelensky"
    )


def test_wrong_pronoun_and_mistranslated_nominal(tables) -> None:
    # cnn-repost: Pokalchuk's words, then “…,” he added. — the copy gets her pronoun wrong.
    q = quote(tables, "cnn-repost", "Such important reports")
    assert (q.speaker, q.speaker_mention, q.cue) == ("Oksana Pokalchuk", "he", "add")
    # "… the civilians we interviewed,” the guard said. — "the guard" is the watchdog.
    q = quote(tables, "cnn-repost", "In our letter")
    assert (q.speaker, q.speaker_mention) == ("Amnesty International", "the guard")
    # “…,” it said.
    assert quote(tables, "cnn-repost", "This does not mean").speaker == "Amnesty International"


def test_partial_quotes(tables) -> None:
    # washpost: … gave Ukrainian officials “very little time to respond.”
    q = quote(tables, "washpost", "very little time to respond")
    assert (q.kind, q.speaker) == ("partial", "Oksana Pokalchuk")
    # washpost: Kuleba objected "to the “mobs and trolls” comment": Callamard's words.
    q = quote(tables, "washpost", "mobs and trolls")
    assert (q.kind, q.speaker) == ("partial", "Agnès Callamard")
    # wire: Kuleba branding the allegations "unfair" and Reznikov called the report a "perversion."
    assert quote(tables, "wire", "unfair").speaker == "Dmytro Kuleba"
    assert quote(tables, "wire", "perversion").speaker == "Oleksiy Reznikov"
    # blog: According to Amnesty chief Agnès Callamard, there is “a pattern” …
    q = quote(tables, "blog", "a pattern")
    assert (q.speaker, q.cue) == ("Agnès Callamard", "according to")


def test_indirect_quotes(tables) -> None:
    q = tables.quotes[tables.quotes.kind == "indirect"]
    wire = q[q.article_id == "wire"]
    # "Amnesty says it contacted defense officials … -- but Pokalchuk argued that this wasn't
    # nearly enough notice." — two speakers in one sentence.
    both = wire[
        wire.sentence_id == wire[wire.text.str.startswith("it contacted")].sentence_id.iloc[0]
    ]
    assert set(zip(both.speaker, both.cue, strict=True)) == {
        ("Amnesty International", "say"),
        ("Oksana Pokalchuk", "argue"),
    }
    assert "this wasn't nearly enough notice" in set(both.text)
    # ua-outlet: "She stressed that the Ukrainian office urged …" — Miteva, named just before.
    ua = q[q.article_id == "ua-outlet"]
    stressed = ua[ua.cue == "stress"].iloc[0]
    assert stressed.speaker == "Yekaterina Miteva"
    assert stressed.text.startswith("the Ukrainian office urged the head office")


def test_word_overlap_f1() -> None:
    assert overlap_f1("We are sorry, truly.", "we are SORRY truly") == 1.0
    assert overlap_f1("a b c d", "a b") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert overlap_f1("", "a") == 0.0


def build_one(tmp_path: Path, cache_dir: Path, text: str):
    root = tmp_path / "c"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "x.txt").write_text(text, encoding="utf-8")
    (root / "articles.csv").write_text(
        "article_id,file,outlet,outlet_kind,title,url,published,language,notes\n"
        "x,articles/x.txt,Example,newspaper,,,2022-08-06,en,\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = analysis.build(root, cache_dir=cache_dir)
    return tables, [w for w in caught if issubclass(w.category, QuoteWarning)]


def test_unbalanced_marks_recover_at_the_paragraph(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "“The ministry failed us, said the mayor, Ivan Horbenko, on Monday.\n\n"
        "The council met on Tuesday to discuss the budget for the next year.\n\n"
        "“We will rebuild the school,” Horbenko said.\n"
    )
    tables, caught = build_one(tmp_path, cache_dir, text)
    q = tables.quotes[tables.quotes.kind != "indirect"]
    assert any("is not closed; it ends with the paragraph" in str(w.message) for w in caught)
    # The unclosed quote stops at its paragraph; the unrelated paragraph is no one's quote.
    assert not q.text.str.contains("council met").any()
    rebuilt = q[q.text.str.startswith("We will rebuild the school")]
    assert rebuilt.speaker.tolist() == ["Ivan Horbenko"]


def test_scare_quotes_are_not_anyones_statement(tmp_path: Path, cache_dir: Path) -> None:
    text = (
        "The so-called “peace plan” was published on Monday by the council.\n\n"
        "The mayor, Ivan Horbenko, said the plan was “a betrayal of the city.”\n"
    )
    tables, _ = build_one(tmp_path, cache_dir, text)
    q = tables.quotes
    assert "peace plan" not in set(q.text)
    betrayal = q[q.text.str.startswith("a betrayal")].iloc[0]
    assert (betrayal.kind, betrayal.speaker) == ("partial", "Ivan Horbenko")


def test_speaker_groups(tables, tmp_path: Path) -> None:
    from analysis.quotes import group_speakers, read_actors
    from tests.conftest import CORPUS

    actors = read_actors(CORPUS / "actors.yml")
    groups = group_speakers(tables.quotes, actors)
    by_speaker = dict(zip(tables.quotes.speaker, groups, strict=True))
    assert by_speaker["Oksana Pokalchuk"] == "Amnesty Ukraine office"
    assert by_speaker["Melaniya Podolyak"] == "other"  # not listed in actors.yml
    assert set(group_speakers(tables.quotes.assign(speaker=None), actors)) == {"speaker not stated"}
    bad = tmp_path / "actors.yml"
    bad.write_text("A: [X]\nB: [X]\n", encoding="utf-8")
    with pytest.raises(analysis.CorpusError, match=r"'X' is in both 'A' and 'B'"):
        read_actors(bad)


def test_voice_share_chart_counts_utterances(tables) -> None:
    from analysis.corpus.selection import Selection
    from analysis.notebook import charts
    from analysis.quotes import count_utterances

    fig = charts.plot_voice_share(
        tables.articles, tables.quotes, selection=Selection.of(outlets=["blog repost"])
    )
    assert fig.layout.barmode == "stack"
    shares = {t.name: t.x[0] for t in fig.data if len(t.x)}
    assert sum(shares.values()) == pytest.approx(100, abs=0.5)
    blog = count_utterances(tables.quotes[tables.quotes.article_id == "blog"])
    expected = round(100 * (blog.speaker == "Oksana Pokalchuk").sum() / len(blog), 1)
    assert shares["Oksana Pokalchuk"] == expected


def test_one_utterance_counted_once(tables) -> None:
    from analysis.quotes import count_utterances

    # washpost: “This is called war propaganda, disinformation, misinformation,” Callamard
    # wrote …, adding that the criticism wouldn’t “dent our impartiality” or “change the facts.”
    # — four rows (direct, indirect, two partials), one utterance.
    q = tables.quotes[(tables.quotes.article_id == "washpost")]
    first = quote(tables, "washpost", "This is called war propaganda")
    rows = q[(q.quote_id == first.quote_id) | (q.parent_quote_id == first.quote_id)]
    assert list(rows.kind) == ["direct", "indirect", "partial", "partial"]
    assert list(rows.text.iloc[2:]) == ["dent our impartiality", "change the facts."]
    assert set(rows.speaker) == {"Agnès Callamard"}
    utterance = count_utterances(rows)
    assert len(utterance) == 1
    # "This is called war propaganda, disinformation, misinformation," (8 words) and "the
    # criticism wouldn’t “dent our impartiality” or “change the facts" (10 words).
    assert (utterance.n_rows.iloc[0], utterance.n_words.iloc[0]) == (4, 18)
    # wire: "Amnesty says it contacted … -- but Pokalchuk argued that …": two speakers, two
    # utterances in one sentence.
    wire = tables.quotes[tables.quotes.article_id == "wire"]
    both = wire[wire.text.str.startswith(("it contacted", "this wasn't"))]
    assert both.parent_quote_id.isna().all()


def test_attribution_verbs_chart(tables) -> None:
    from analysis.notebook import charts

    fig = charts.plot_attribution_verbs(tables.articles, tables.quotes)
    wire = next(t for t in fig.data if t.name == "unattributed wire-style report")
    verbs = dict(zip(wire.y, wire.customdata, strict=True))  # horizontal bars: verbs on y
    assert wire.orientation == "h" and fig.layout.xaxis.tickangle is None
    # The wire copy: "Kuleba branding the allegations", "Pokalchuk argued that" …
    assert verbs["brand"] >= 1 and verbs["argue"] >= 1
    assert fig.layout.barmode == "group"


def test_quotes_in_context_are_escaped_and_highlighted(tables) -> None:
    from analysis.notebook.views import render_quotes_in_context

    q = tables.quotes[tables.quotes.text.str.startswith("Such important reports")]
    page = render_quotes_in_context(q, tables.sentences, tables.articles)
    assert "<mark>Such important reports" in page and "<b>he</b> added" in page
    evil = tables.articles.assign(
        body=tables.articles.body.str.replace("Such important", "<script>x</script>", regex=False)
    )
    q = q.assign(end=q.end)
    page = render_quotes_in_context(q, tables.sentences, evil)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_no_two_speakers_of_one_chart_share_a_colour() -> None:
    from analysis.notebook.charts.style import (
        CATEGORY_PALETTE,
        NOT_STATED_COLOR,
        OTHER_COLOR,
        category_colors,
        distinct_colors,
    )

    # 14 invented speakers: the palette of 12 cycles, so the 13th has the 1st one's colour.
    names = [f"Speaker {i}" for i in range(1, 15)]
    stable = category_colors(names)
    assert stable["Speaker 13"] == stable["Speaker 1"]
    # A chart of the 1st, 5th and 13th: the 13th takes a colour nobody in the chart has.
    drawn = {n: stable[n] for n in ("Speaker 1", "Speaker 5", "Speaker 13")}
    shown = distinct_colors(drawn, keep_order=list(stable))
    assert shown["Speaker 1"] == stable["Speaker 1"] and shown["Speaker 5"] == stable["Speaker 5"]
    assert shown["Speaker 13"] == CATEGORY_PALETTE[1]  # the first free one
    # Drawn first (more quoted in this selection), the 13th still gives way to the 1st, whose
    # colour is hers in the whole corpus.
    first = distinct_colors(
        {n: stable[n] for n in ("Speaker 13", "Speaker 1")}, keep_order=list(stable)
    )
    assert first == {"Speaker 13": CATEGORY_PALETTE[1], "Speaker 1": stable["Speaker 1"]}
    # Filtered to the 13th alone, she has her own colour; greys may repeat.
    assert distinct_colors({"Speaker 13": stable["Speaker 13"]}) == {
        "Speaker 13": stable["Speaker 13"]
    }
    greys = {"other": OTHER_COLOR, "x": OTHER_COLOR, "speaker not stated": NOT_STATED_COLOR}
    assert distinct_colors(greys) == greys


def test_voice_share_gives_every_outlet_a_row_tall_enough_for_its_label(tables) -> None:
    import pandas as pd

    from analysis.notebook import charts
    from analysis.quotes import label_speakers

    # The seeds copied under six outlet names each: 30 outlets (Plotly skips every other
    # label of a crowded axis; each row needs about 30 px).
    copies = range(6)
    articles = pd.concat(
        tables.articles.assign(
            article_id=tables.articles.article_id + f"-{k}",
            outlet=tables.articles.outlet + f" {k}",
        )
        for k in copies
    )
    q = label_speakers(tables.quotes)
    quotes = pd.concat(q.assign(article_id=q.article_id + f"-{k}") for k in copies)
    fig = charts.plot_voice_share(articles, quotes)
    assert len(set(fig.data[0].y)) == 30
    assert fig.layout.height >= 30 * 30
    seeds = charts.plot_voice_share(tables.articles, q)
    assert seeds.layout.height < 900  # five outlets: the usual size


def test_a_speaker_keeps_her_colour_under_filters_and_across_charts(tables) -> None:
    from analysis.corpus.selection import Selection
    from analysis.notebook import charts
    from analysis.quotes import group_speakers, label_speakers, read_actors
    from tests.conftest import CORPUS

    q = label_speakers(tables.quotes)
    groups = group_speakers(q, read_actors(CORPUS / "actors.yml"))
    colors = charts.speaker_colors(q, groups)
    everyone = charts.plot_voice_share(tables.articles, q, colors=colors)
    only_her = charts.plot_voice_share(
        tables.articles,
        q,
        colors=colors,
        selection=Selection.of(choices={"speaker": ["Oksana Pokalchuk"]}),
    )
    by_group = charts.plot_voice_share(tables.articles, q, groups=groups, colors=colors)

    def colour(fig, name: str) -> str:
        return next(t.marker.color for t in fig.data if t.name == name)

    assert colour(everyone, "Oksana Pokalchuk") == colour(only_her, "Oksana Pokalchuk")
    # "Amnesty International" is a speaker and a group (corpus/actors.yml): one colour.
    assert colour(everyone, "Amnesty International") == colour(by_group, "Amnesty International")
    # "speaker not stated" and "other" stand side by side in the group chart: two greys.
    assert colour(by_group, "speaker not stated") != colour(by_group, "other")
    # The default, without `colors`, is the same corpus-wide palette.
    assert colour(charts.plot_voice_share(tables.articles, q), "Oksana Pokalchuk") == colour(
        charts.plot_voice_share(tables.articles, q, groups=None), "Oksana Pokalchuk"
    )
    # The groups and the most quoted speakers each have their own colour.
    drawn = [t.marker.color for t in by_group.data if not t.name.startswith("other")]
    assert len(drawn) == len(set(drawn))


def test_a_possessive_set_off_by_a_space_is_no_part_of_the_name(
    tmp_path: Path, cache_dir: Path
) -> None:
    # "Walter P. Quist ’s" (a space before the mark; the parser takes the mark into the name):
    # the mention is "Walter P. Quist" and its offsets end at the name (the build once failed
    # on the blank at the end, looking for the "he")
    text = (
        "Supporters of Walter P. Quist ’s campaign met on Monday.\n\n"
        "“We start in March,” he said.\n"
    )
    tables, _ = build_one(tmp_path, cache_dir, text)
    people = tables.mentions[tables.mentions.label == "PERSON"]
    assert people.text.tolist() == ["Walter P. Quist"]
    body = tables.articles.body.iloc[0]
    start, end = int(people.start.iloc[0]), int(people.end.iloc[0])
    assert body[start:end] == "Walter P. Quist"
    assert "We start in March," in tables.quotes.text.tolist()
