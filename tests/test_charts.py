"""Chart builders: trace values, axis titles, stable outlet colours, escaped text."""

from __future__ import annotations

import itertools

import pandas as pd

from analysis.corpus.selection import Selection
from analysis.notebook import charts

WAPO, WIRE, CNN = "The Washington Post", "unattributed wire-style report", "CNN (republished copy)"


def trace(fig, name):
    (found,) = [t for t in fig.data if t.name == charts.escape(name)]
    return found


def test_one_trace_per_outlet_in_a_fixed_order(tables) -> None:
    fig = charts.plot_article_lengths(tables.articles)
    assert [t.name for t in fig.data] == [
        "blog repost",
        "CNN (republished copy)",
        "The Washington Post",
        "Ukrainian news site (English edition)",
        "unattributed wire-style report",
    ]
    assert fig.layout.xaxis.title.text == "words in the cleaned body"
    assert fig.layout.title.text == "Article length in words"
    words = tables.articles.set_index("article_id").n_words
    assert list(trace(fig, WAPO).x) == [words["washpost"]]
    assert list(trace(fig, WAPO).y) == ["The Washington Post · washpost"]


def test_selection_empties_other_outlets_but_keeps_their_traces(tables) -> None:
    fig = charts.plot_article_lengths(tables.articles, selection=Selection.of(outlets=[WIRE]))
    assert len(fig.data) == 5
    assert [len(t.x) for t in fig.data if t.name != WIRE] == [0, 0, 0, 0]
    assert len(trace(fig, WIRE).x) == 1
    caption = fig.layout.title.subtitle.text
    assert caption == (
        "Source: Amnesty Ukraine report, August 2022, 1 of 5 articles (1 outlet). Filters: "
        "outlets: unattributed<br>wire-style report. Words: word tokens of the cleaned body."
    )


def test_outlet_colours_are_the_same_in_every_chart_and_selection(tables) -> None:
    a = tables.articles
    lengths = charts.plot_article_lengths(a)
    filtered = charts.plot_article_lengths(a, selection=Selection.of(outlets=[WAPO, CNN]))
    boxes = charts.plot_sentence_lengths(a, tables.sentences)
    colours = {trace(lengths, o).marker.color for o in (WAPO,)}
    assert colours == {trace(filtered, WAPO).marker.color} == {trace(boxes, WAPO).marker.color}
    palette = charts.outlet_colors(a)
    assert len(set(palette.values())) == 5
    assert set(palette.values()) <= set(charts.OUTLET_PALETTE)


def test_sentence_lengths_follow_the_text_search(tables) -> None:
    # Sentences naming Kuleba, checked by hand: one each in the Post, the wire and the CNN copy.
    fig = charts.plot_sentence_lengths(
        tables.articles, tables.sentences, selection=Selection.of(search="kuleba")
    )
    counts = {t.name: len(t.y) for t in fig.data}
    assert counts == {
        "blog repost": 0,
        "CNN (republished copy)": 1,
        "The Washington Post": 1,
        "Ukrainian news site (English edition)": 0,
        "unattributed wire-style report": 1,
    }
    # Foreign(1) Minister(2) Dmytro(3) Kuleba(4) branding(5) the(6) allegations(7) "unfair"(8)
    # and(9) Defense(10) Minister(11) Oleksiy(12) Reznikov(13) called(14) the(15) report(16) a(17)
    # "perversion."(18)
    assert list(trace(fig, WIRE).y) == [18]
    assert fig.layout.yaxis.title.text == "words per sentence"


def test_removed_text_by_reason(tables) -> None:
    fig = charts.plot_removed_text(tables.articles, tables.removed)
    caption_rule = trace(fig, "photo caption (ends with a photo credit)")
    wapo_row = list(caption_rule.y).index("The Washington Post · washpost")
    assert caption_rule.x[wapo_row] == len(
        "Amnesty International's office in Hong Kong in 2021. (Vincent Yu/AP)"
    )
    comments = trace(fig, "reader comments and comment form")
    assert [x for x, y in zip(comments.x, comments.y, strict=True) if x] == [comments.x[3]]
    assert comments.y[3] == "blog repost · blog"
    assert fig.layout.barmode == "stack"


def test_paragraph_structure_has_one_line_per_article(tables) -> None:
    fig = charts.plot_paragraph_structure(tables.articles, tables.paragraphs)
    assert len(fig.data) == 5
    cnn = trace(fig, "CNN (republished copy) · cnn-repost")
    assert list(cnn.x) == [1, 2, 3]  # the CNN copy has three paragraphs
    first = (
        "The report prompted the resignation of Amnesty Ukraine’s head, Oksana Pokalchuk, who "
        "said she tried to prevent the organization from publishing the report as it appeared."
    )
    assert cnn.y[0] == len(first.split()) == 26


def test_publication_timeline(tables) -> None:
    fig = charts.plot_publication_timeline(tables.articles)
    assert list(trace(fig, WAPO).x) == [pd.Timestamp("2022-08-07")]
    assert fig.layout.xaxis.title.text == "publication date"
    # The seeds span 6–7 August 2022: one tick per day (not "06 Aug 2022" repeated at 3-hour
    # ticks), half a day of room either side.
    axis = fig.layout.xaxis
    assert axis.dtick == charts.DAY_MS and pd.Timestamp(axis.tick0) == pd.Timestamp("2022-08-06")
    assert [pd.Timestamp(x) for x in axis.range] == [
        pd.Timestamp("2022-08-05 12:00"),
        pd.Timestamp("2022-08-07 12:00"),
    ]


def test_frame_keeps_long_labels_and_captions_clear(tables) -> None:
    # Title and source caption sit at the top of the figure (placed relative to the figure, so
    # long axis labels cannot push them off), the caption wrapped; heatmap columns and box
    # categories are wrapped, unrotated labels; the data keep their full labels.
    fig = charts.plot_statement_grid(tables.articles, tables.statements, tables.links)
    assert fig.layout.template.layout.title.yref == "container"
    assert fig.layout.title.subtitle.text.startswith(
        "Source: Amnesty Ukraine report, August 2022, 5 of 5"
    )
    (heat,) = fig.data
    axis = fig.layout.xaxis
    assert list(axis.tickvals) == list(heat.x)
    ua = list(heat.x).index("Ukrainian news site (English edition) · ua-outlet")
    assert axis.ticktext[ua] == "Ukrainian news<br>site (English<br>edition) ·<br>ua-outlet"
    long_caption = charts.make_figure([], title="t", caption="word " * 60)
    lines = long_caption.layout.title.subtitle.text.split("<br>")
    assert len(lines) == 3 and max(map(len, lines)) <= charts.CAPTION_WIDTH
    assert long_caption.layout.margin.t == 64 + 17 * 3


def test_wrapped_labels_stay_escaped() -> None:
    axis = charts.wrap_labels(["&lt;b&gt;bold&lt;/b&gt; outlet name"], width=11)
    assert axis["ticktext"] == ["&lt;b&gt;bold&lt;/b&gt;<br>outlet name"]


def test_article_text_is_escaped_in_labels_and_hovers(tables) -> None:
    evil = tables.articles.head(1).assign(
        outlet="<img src=x onerror=alert(1)>", title="<script>alert(2)</script>"
    )
    fig = charts.plot_article_lengths(evil)
    (bars,) = fig.data
    assert bars.name == "&lt;img src=x onerror=alert(1)&gt;"
    assert "<script>" not in str(bars.customdata) and "&lt;script&gt;" in str(bars.customdata)
    assert "<img" not in bars.y[0]


def test_builders_do_not_mutate_their_inputs(tables) -> None:
    articles, sentences = tables.articles.copy(), tables.sentences.copy()
    charts.plot_sentence_lengths(
        tables.articles, tables.sentences, selection=Selection.of(search="x")
    )
    pd.testing.assert_frame_equal(tables.articles, articles)
    pd.testing.assert_frame_equal(tables.sentences, sentences)


def test_entity_coverage_heatmap(tables) -> None:
    fig = charts.plot_entity_coverage(tables.articles, tables.mentions, tables.entities)
    (heat,) = fig.data
    assert heat.type == "heatmap"
    assert list(heat.x) == [
        "blog repost",
        "CNN (republished copy)",
        "The Washington Post",
        "Ukrainian news site (English edition)",
        "unattributed wire-style report",
    ]
    row = list(heat.y).index("Mykhailo Podolyak (PERSON)")
    # Only the Post names him: "Presidential adviser Mykhailo Podolyak wrote", "Podolyak said".
    assert list(heat.z[row]) == [0, 0, 2, 0, 0]
    assert sum(map(sum, heat.z)) == len(tables.mentions)


def test_entity_coverage_filters_by_label_minimum_and_outlet(tables) -> None:
    selection = Selection.of(
        outlets=["blog repost", WIRE], choices={"label": ["PERSON"]}, minimum=2
    )
    fig = charts.plot_entity_coverage(
        tables.articles, tables.mentions, tables.entities, selection=selection
    )
    (heat,) = fig.data
    assert list(heat.x) == ["blog repost", WIRE]
    assert all(name.endswith("(PERSON)") for name in heat.y)
    assert all(sum(row) >= 2 for row in heat.z)
    # Melaniya Podolyak is named once (blog): below the minimum.
    assert "Melaniya Podolyak (PERSON)" not in heat.y
    assert "Oksana Pokalchuk (PERSON)" in heat.y


def test_an_outlet_keeps_its_colour_when_an_outlet_is_added(tables) -> None:
    before = charts.outlet_colors(tables.articles)
    added = pd.concat(
        [tables.articles, pd.DataFrame({"article_id": ["td"], "outlet": ["Test Daily"]})]
    )
    after = charts.outlet_colors(added)
    assert {o: after[o] for o in before} == before
    assert after["Test Daily"] not in before.values()
    assert after["Test Daily"] in charts.OUTLET_PALETTE


def test_manifest_colour_pins_an_outlet(tables) -> None:
    pinned = tables.articles.assign(
        colour=["#123456" if o == WAPO else None for o in tables.articles.outlet]
    )
    colours = charts.outlet_colors(pinned)
    assert colours[WAPO] == "#123456"
    assert len(set(colours.values())) == 5


def test_categories_never_use_outlet_colours(tables) -> None:
    assert not set(charts.CATEGORY_PALETTE) & set(charts.OUTLET_PALETTE)
    assert not set(charts.KIND_COLORS.values()) & set(charts.OUTLET_PALETTE)
    speakers = charts.plot_voice_share(tables.articles, tables.quotes)
    colours = [t.marker.color for t in speakers.data]
    assert len(set(colours) - {"#BAB0AC"}) == len([c for c in colours if c != "#BAB0AC"])
    assert not set(colours) & set(charts.OUTLET_PALETTE)
    removed = charts.plot_removed_text(tables.articles, tables.removed)
    assert not {t.marker.color for t in removed.data} & set(charts.OUTLET_PALETTE)


def test_an_empty_selection_says_nothing_matches(tables) -> None:
    fig = charts.plot_article_lengths(tables.articles, selection=Selection.of(outlets=[]))
    assert [a.text for a in fig.layout.annotations] == ["Nothing matches the current filters."]
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert "Filters: outlets: none." in fig.layout.title.subtitle.text.replace("<br>", " ")


def test_a_single_article_has_whole_number_axes_and_a_legend(tables) -> None:
    fig = charts.plot_publication_timeline(tables.articles, selection=Selection.of(outlets=[WAPO]))
    assert fig.layout.yaxis.tickformat == ",d" and fig.layout.yaxis.rangemode == "tozero"
    assert fig.layout.showlegend is True
    assert [t.showlegend for t in fig.data if t.name == WAPO] == [True]
    assert all(t.showlegend is False for t in fig.data if t.name != WAPO)  # no empty entries


def test_the_source_line_states_every_filter(tables) -> None:
    selection = Selection.of(
        outlets=[WAPO, CNN],
        date_from="2022-08-06",
        search="Callamard",
        choices={"speaker": ["Agnès Callamard"]},
    )
    fig = charts.plot_voice_share(tables.articles, tables.quotes, selection=selection)
    caption = fig.layout.title.subtitle.text.replace("<br>", " ")
    assert (
        "Filters: outlets: CNN (republished copy), The Washington Post; published 2022-08-06 to …; "
        'search "Callamard"; speaker: Agnès Callamard.'
    ) in caption


def test_a_speaker_filter_shows_the_speakers_share_not_100_percent(tables) -> None:
    selection = Selection.of(choices={"speaker": ["Agnès Callamard"]})
    fig = charts.plot_voice_share(tables.articles, tables.quotes, selection=selection)
    shares = [x for t in fig.data for x in t.x if x]
    assert shares and max(shares) < 100


def test_long_legends_go_below_the_chart(tables) -> None:
    fig = charts.plot_removed_text(tables.articles, tables.removed)
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.yref == "container"
    short = charts.make_figure([{"type": "bar", "name": "a", "x": [1]}], title="t", caption="c")
    assert short.layout.legend.orientation is None  # the template's: on the right


def test_entity_search_finds_every_spelling_of_a_merged_entity(tables) -> None:
    found = charts.select_mentions(
        tables.mentions, tables.entities, tables.articles, selection=Selection.of(search="Kalamar")
    )
    # The Ukrainian outlet writes "Agnes Kalamar"; the others "Callamard": one entity.
    assert "Callamard" in set(found.text) and "Agnes Kalamar" in set(found.text)
    assert set(found.entity_id) == {"agnes-callamard"}


def test_cleaning_chart_says_when_nothing_was_removed(tables) -> None:
    # The wire copy loses nothing to cleaning: its chart names no reason and says so, no bare axes.
    fig = charts.plot_removed_text(
        tables.articles, tables.removed, selection=Selection.of(outlets=[WIRE])
    )
    assert [t.name for t in fig.data] == []
    assert fig.layout.annotations[0].text == (
        "Cleaning removed nothing from the articles shown: every character is title or body."
    )
    assert fig.layout.xaxis.visible is False


def test_cleaning_chart_of_many_articles_draws_no_empty_rows(tables) -> None:
    # More articles than rows (top 2 of 5) and only the blog lost text: its row alone is drawn,
    # not a row of nothing beside it, and the source line counts the four left out.
    blog_only = tables.removed[tables.removed.article_id == "blog"]
    fig = charts.plot_removed_text(tables.articles, blog_only, selection=Selection.of(top=2))
    assert {y for t in fig.data for y in t.y} == {"blog repost · blog"}
    caption = fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "Not drawn: 4 articles cleaning removed nothing from." in caption
    assert "most removed" not in caption  # the one article that lost text is drawn
    # As many articles as rows: all drawn, the wire's empty row too (the seeds' 5 of 5).
    everyone = charts.plot_removed_text(tables.articles, tables.removed)
    assert len(everyone.data[0].y) == 5 and "Not drawn" not in everyone.layout.title.subtitle.text


def test_cleaning_legend_lists_only_the_reasons_of_the_articles_shown(tables) -> None:
    everything = charts.plot_removed_text(tables.articles, tables.removed)
    blog = charts.plot_removed_text(
        tables.articles, tables.removed, selection=Selection.of(outlets=["blog repost"])
    )
    reasons_of_blog = set(tables.removed.reason[tables.removed.article_id == "blog"])
    assert {t.name for t in blog.data} == reasons_of_blog
    assert len(everything.data) > len(blog.data)
    # Stable colours: a reason keeps its colour when the filter changes.
    colour = {t.name: t.marker.color for t in everything.data}
    assert all(t.marker.color == colour[t.name] for t in blog.data)


def test_category_colours_cannot_be_taken_for_outlet_colours() -> None:
    import math

    from analysis.notebook.charts.style import (
        CATEGORY_PALETTE,
        NOT_STATED_COLOR,
        OTHER_COLOR,
        OUTLET_PALETTE,
        _lab,
    )

    def distance(a: str, b: str) -> float:
        return math.dist(_lab(a), _lab(b))

    assert min(distance(c, o) for c in CATEGORY_PALETTE for o in OUTLET_PALETTE) >= 24
    assert min(distance(a, b) for a, b in itertools.combinations(CATEGORY_PALETTE, 2)) >= 25
    assert min(distance(c, OTHER_COLOR) for c in CATEGORY_PALETTE) >= 20
    for c in (*CATEGORY_PALETTE, *OUTLET_PALETTE, OTHER_COLOR):
        assert distance(NOT_STATED_COLOR, c) >= 24, c


def test_a_category_with_only_zero_bars_is_no_legend_entry() -> None:
    from analysis.notebook.charts.style import make_figure

    fig = make_figure(
        [
            {"type": "bar", "orientation": "h", "name": "kept", "x": [0, 3], "y": ["a", "b"]},
            {"type": "bar", "orientation": "h", "name": "absent", "x": [0, 0], "y": ["a", "b"]},
            {"type": "bar", "name": "vertical", "x": ["a"], "y": [2]},
        ],
        title="t",
        caption="c",
    )
    assert [t.showlegend for t in fig.data] == [True, False, True]
