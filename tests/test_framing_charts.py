"""Framing charts and drill-downs: what they draw follows the filters, numbers match the tables,
article text is escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.selection import Selection
from analysis.framing import frames, term_counts, terms, tone
from analysis.notebook import framing_views as views
from analysis.notebook.charts import framing as charts

POST = "The Washington Post"
BLOG = "blog repost"


def test_distinctive_terms_chart_draws_each_selected_outlet(tables) -> None:
    fig = charts.plot_distinctive_terms(tables)
    assert [t.name for t in fig.data][:2] == [BLOG, "CNN (republished copy)"]
    assert all(len(t.x) == charts.TOP_TERMS for t in fig.data)
    assert fig.layout.title.text.startswith("Words that set each outlet apart")
    post = next(t for t in fig.data if t.name == POST)
    ranked = terms.distinctive_terms(
        tables, POST, against=[o for o in sorted(set(tables.articles.outlet)) if o != POST]
    )
    top = ranked.head(charts.TOP_TERMS)
    # One bar per term, grouped under the outlet's (wrapped) name; its length is the term's z.
    groups, labels = post.y
    # Labels carry zero-width spaces (unique per outlet, so plotly keeps each outlet's z order).
    names = [label.replace(charts.LABEL_SEPARATOR, "") for label in labels]
    assert set(groups) == {"The Washington<br>Post"}
    assert list(names) == list(top.term)
    assert list(post.x) == [round(z, 2) for z in top.z]
    # The Post's most distinctive term is "organization" (11 uses; "organisation" elsewhere).
    assert names[0] == "organization" and post.text[0] == "11 uses"
    # Unticking the blog empties its trace and compares the others among themselves.
    others = [o for o in tables.articles.outlet if o != BLOG]
    narrowed = charts.plot_distinctive_terms(tables, selection=Selection.of(outlets=others))
    assert len(next(t for t in narrowed.data if t.name == BLOG).x) == 0
    assert sum(len(t.x) for t in narrowed.data) == 4 * charts.TOP_TERMS
    assert (
        "Filters: outlets: CNN (republished copy)"
        in narrowed.layout.title.subtitle.text.replace("<br>", " ")
    )
    # Nothing selected: the chart says so instead of drawing bare axes.
    empty = charts.plot_distinctive_terms(tables, selection=Selection.of(outlets=[]))
    assert empty.layout.annotations[0].text == "Nothing matches the current filters."


def test_distinctive_terms_chart_counts_the_chosen_part(tables) -> None:
    quotes_only = Selection.of(choices={"part": ["quote"]})
    fig = charts.plot_distinctive_terms(tables, selection=quotes_only)
    assert "(quotes)" in fig.layout.title.text
    counted = term_counts.count_terms(tables, part="quotes")
    post = next(t for t in fig.data if t.name == POST)
    for label, custom in zip(post.y[1], post.customdata, strict=True):
        column = list(counted.terms).index(label.replace(charts.LABEL_SEPARATOR, ""))
        mask = (counted.units.outlet == POST).to_numpy()
        assert counted.matrix[mask][:, column].sum() == custom[0]


def test_frame_heatmap_shows_rates_per_1000_words(tables) -> None:
    fig = charts.plot_frame_rates(tables, selection=Selection.of(choices={"part": ["reporter"]}))
    heat = fig.data[0]
    rates = frames.rate_frames(tables, part="reporter").set_index(["frame", "outlet"])
    for i, frame in enumerate(heat.y):
        for j, outlet in enumerate(heat.x):
            assert heat.z[i][j] == pytest.approx(round(rates.loc[(frame, outlet), "per_1000"], 1))
            assert heat.customdata[i][j][0] == rates.loc[(frame, outlet), "n"]
    one = charts.plot_frame_rates(
        tables, selection=Selection.of(choices={"frame": ["civilian harm"]})
    )
    assert list(one.data[0].y) == ["civilian harm"]


def test_frame_z_in_the_heatmap_is_the_compare_statistic(tables) -> None:
    fig = charts.plot_frame_rates(tables)
    heat = fig.data[0]
    i, j = list(heat.y).index("law and legality"), list(heat.x).index(POST)
    compared = frames.compare_frame_rates(tables, POST).set_index("frame")
    assert heat.customdata[i][j][2] == pytest.approx(
        round(compared.loc["law and legality", "z"], 2)
    )


def test_tone_charts_draw_every_scored_text(tables) -> None:
    scored = tone.score_tone(tables)
    by_outlet = charts.plot_tone(tables, scored)
    assert sum(len(t.y) for t in by_outlet.data) == len(scored)
    by_speaker = charts.plot_tone(tables, scored, by="speaker", selection=Selection.of(minimum=3))
    quoted = scored[(scored.part == "quote") & scored.speaker.notna()]
    kept = quoted.speaker.value_counts()
    assert sum(len(t.x) for t in by_speaker.data) == int(kept[kept >= 3].sum())


def test_drilldowns_escape_article_text_and_mark_the_words() -> None:
    sentences = pd.DataFrame(
        {
            "article_id": ["x"],
            "sentence_id": [0],
            "start": [10],
            "end": [52],
            "text": ["Bombs <script>hit</script> the school & more."],
        }
    )
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["<b>Outlet</b>"]})
    matches = pd.DataFrame(
        {
            "article_id": ["x"],
            "sentence_id": [0],
            "frame": ["civilian harm"],
            "start": [10 + 31],
            "end": [10 + 37],
            "in_quote": [False],
            "speaker": [None],
        }
    )
    html = views.render_frame_sentences(matches, sentences, articles)
    assert "<script>" not in html and "&lt;script&gt;hit&lt;/script&gt;" in html
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in html
    assert "<mark>school</mark> &amp; more." in html


def test_term_drilldown_lists_the_sentences_of_the_selected_outlets(tables) -> None:
    html = views.render_term_drilldown(
        tables, "propaganda", Selection.of(outlets=["unattributed wire-style report"])
    )
    # The wire's first sentence: "…accusing the rights watchdog of parroting Kremlin propaganda…"
    assert "parroting Kremlin <mark>propaganda</mark>" in html
    assert POST not in html


def test_drilldown_follows_choices_that_change_under_it() -> None:
    # Choices by outlet: picking "victim", then a filter whose choices are all new (the pick
    # gone, the first new choice never offered before) used to raise a TraitError.
    offered = {"A": ["victim", "war"], "B": ["propaganda", "censorship"]}
    drill = views.Drilldown(
        lambda selection: offered["B" if selection.outlets and "B" in selection.outlets else "A"],
        lambda choice, selection: f"<p>{choice}</p>",
    )
    drill.picker.value = "war"
    assert drill.view.value == "<p>war</p>"
    drill.refresh(Selection(outlets=("B",)))
    assert drill.picker.value == "propaganda" and drill.view.value == "<p>propaganda</p>"
    drill.refresh(Selection())
    assert drill.picker.value == "victim"
    drill.picker.value = "war"
    drill.refresh(Selection(outlets=("A",)))
    assert drill.picker.value == "war" and drill.view.value == "<p>war</p>"


def test_terms_keep_their_z_order_under_every_outlet(tables) -> None:
    # Plotly orders a two-level axis by where each label is first seen in any trace: a term
    # shared by two outlets must still be a label of its own under each, so each outlet's bars
    # stay in z order whatever the minimum count.
    for minimum in (1, 2, 5):
        fig = charts.plot_distinctive_terms(tables, selection=Selection.of(minimum=minimum))
        labels = [(g, t) for trace in fig.data for g, t in zip(*trace.y, strict=True)]
        assert len({t for _g, t in labels}) == len(labels)
        for trace in fig.data:
            assert list(trace.x) == sorted(trace.x, reverse=True)


def test_frame_heatmap_names_its_lexicon(tables) -> None:
    from analysis.framing.frames import load_frames
    from tests.conftest import CORPUS

    line = load_frames(CORPUS).describe()
    assert line == (
        "Frames: the general lexicon (Media Frames Corpus dimensions) + corpus/frames.yml "
        "(7 added, 1 replaced)"
    )
    fig = charts.plot_frame_rates(tables, lexicon=line)
    # The source line wraps at spaces with <br>.
    assert line in fig.layout.title.subtitle.text.replace("<br>", " ")


def test_drilldown_and_tone_say_which_selection_they_show(tables) -> None:
    drill = views.Drilldown(
        lambda selection: ["war"],
        lambda choice, selection: f"<p>{choice}</p>",
        articles=tables.articles,
        not_applied=["frame"],
    )
    assert drill.view.value == (
        "<div class='coverage-lens-source' style='font-size:85%;color:#555'>Source: Amnesty "
        "Ukraine report, August 2022, 5 of 5 articles (5 outlets).</div><p>war</p>"
    )
    drill.refresh(Selection.of(outlets=[POST], choices={"frame": ["economic"]}))
    assert drill.view.value.startswith(
        "<div class='coverage-lens-source' style='font-size:85%;color:#555'>Source: Amnesty "
        "Ukraine report, August 2022, 1 of 5 articles (1 outlet). Filters: outlets: The "
        "Washington Post; frame: economic. Not applied here: frame.</div>"
    )
    # The tone charts have no frame; the one by outlet draws every text (no minimum).
    scored = tone.score_tone(tables)
    chosen = Selection.of(minimum=3, choices={"frame": ["economic"]})
    for by, note in [("outlet", "frame, minimum"), ("speaker", "frame")]:
        fig = charts.plot_tone(tables, scored, by=by, selection=chosen)
        caption = fig.layout.title.subtitle.text.replace("<br>", " ")
        assert caption.endswith(f"Not applied here: {note}."), caption
    assert "Not applied" not in charts.plot_tone(tables, scored).layout.title.subtitle.text
