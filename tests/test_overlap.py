"""Coverage overlap: hand-checked links between the seed articles, statements, and the views."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.selection import Selection
from analysis.notebook import charts, views
from analysis.overlap import links as overlap
from analysis.overlap import statements
from analysis.overlap.days import differ_in_days, name_days
from analysis.overlap.furniture import find_credits, find_navigation


def sentence_id(tables, article_id: str, starts: str) -> int:
    s = tables.sentences
    hits = s[(s.article_id == article_id) & s.text.str.startswith(starts)]
    assert len(hits) == 1, (article_id, starts)
    return int(hits.sentence_id.iloc[0])


def link(tables, a: tuple[str, str], b: tuple[str, str]) -> pd.Series | None:
    sa, sb = sentence_id(tables, *a), sentence_id(tables, *b)
    lk = tables.links
    rows = lk[
        (
            (lk.article_a == a[0])
            & (lk.sentence_a == sa)
            & (lk.article_b == b[0])
            & (lk.sentence_b == sb)
        )
        | (
            (lk.article_a == b[0])
            & (lk.sentence_a == sb)
            & (lk.article_b == a[0])
            & (lk.sentence_b == sa)
        )
    ]
    return rows.iloc[0] if len(rows) else None


def test_wire_copy_of_a_quote_is_verbatim(tables) -> None:
    # washpost: “Being in a defensive position does not exempt the Ukrainian military from
    # respecting international humanitarian law,” Agnès Callamard, … said in a statement …
    # wire: "Being in a defensive position … humanitarian law." (a follow-on paragraph)
    found = link(
        tables, ("washpost", "“Being in a defensive position"), ("wire", '"Being in a defensive')
    )
    assert found is not None
    assert found.kind == "verbatim" and found.shared_run == 16
    assert pd.notna(found.quote_a) and pd.notna(found.quote_b)  # quote-aware: both are quotes


def test_translation_variants_link_as_paraphrase(tables) -> None:
    # wire: "If you don't live in a country invaded by occupiers who are tearing it to pieces, …"
    # cnn-repost: “Unless you live in a country occupied by invaders tearing it apart, …”
    found = link(tables, ("wire", "\"If you don't live"), ("cnn-repost", "“Unless you live"))
    assert found is not None and found.kind in ("paraphrase", "near_verbatim")
    # wire: "Striving to protect civilians, this research instead became a tool of Russian
    # propaganda." / ua-outlet: "Seeking to protect civilians, this research instead became a
    # tool of Russian propaganda."
    found = link(tables, ("wire", "Striving to protect"), ("ua-outlet", "Seeking to protect"))
    assert found is not None and found.kind == "verbatim"


def test_a_quote_inside_a_longer_sentence_is_compared_on_its_own(tables) -> None:
    # washpost: Oksana Pokalchuk, who had led the organization’s efforts in Ukraine, said in a
    # Facebook post announcing her resignation that it was “another loss that the war has cost me.”
    # ua-outlet (her post, translated): "This is another loss that the war brought me."
    found = link(
        tables, ("washpost", "Oksana Pokalchuk, who had led"), ("ua-outlet", "This is another")
    )
    assert found is not None and found.kind == "near_verbatim" and found.shared_run == 5


def test_different_speakers_make_different_statements(tables) -> None:
    # Both say the Ukrainian office opposed the report, but different people say it:
    # blog: "Pokalchuk said that the head office had no reaction to the Ukrainian office’s
    # opposition to the report." / ua-outlet (about the spokeswoman Yekaterina Miteva): "She
    # stressed that the Ukrainian office urged the head office of the organisation not to publish
    # the scandalous report." Without the speaker rule these two were each other's best match.
    sentences = tables.sentences.reset_index(drop=True)
    speakers = overlap.find_speakers(sentences, tables.quotes)
    row = {
        (a, s): i
        for i, (a, s) in enumerate(zip(sentences.article_id, sentences.sentence_id, strict=True))
    }
    blog = row[("blog", sentence_id(tables, "blog", "Pokalchuk said that the head office"))]
    ua = row[("ua-outlet", sentence_id(tables, "ua-outlet", "She stressed that"))]
    assert speakers[blog] == {"oksana-pokalchuk"} and speakers[ua] == {"yekaterina-miteva"}
    assert overlap.score_sentences(sentences, tables.quotes)[blog, ua] == 0
    assert (
        link(tables, ("blog", "Pokalchuk said that the head"), ("ua-outlet", "She stressed"))
        is None
    )


def test_a_quote_attributed_to_different_speakers_still_links() -> None:
    # One outlet credits the organisation, the other its head; the words are the same statement.
    text_a = '"We must be very clear: nothing justifies these violations," Amnesty said.'
    text_b = '"We must be very clear: nothing justifies these violations," Callamard said.'
    sentences = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "sentence_id": [0, 1, 0, 1],
            "start": [0, 80, 0, 80],
            "end": [len(text_a), 110, len(text_b), 108],
            "text": [text_a, "Officials met on Monday.", text_b, "The weather was cold."],
        }
    )
    quote = len('"We must be very clear: nothing justifies these violations,"')
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "quote_id": [0, 0],
            "start": [1, 1],
            "end": [quote - 2, quote - 2],
            "kind": ["direct", "direct"],
            "speaker": ["Amnesty International", "Agnès Callamard"],
            "speaker_entity_id": ["amnesty-international", "agnes-callamard"],
        }
    )
    (found,) = overlap.find_links(sentences, quotes)
    assert (found["sentence_a"], found["sentence_b"], found["kind"]) == (0, 0, "verbatim")


def _sentences(article_texts: dict[str, list[str]]) -> pd.DataFrame:
    rows = []
    for article_id, texts in article_texts.items():
        start = 0
        for k, text in enumerate(texts):
            rows.append((article_id, k, start, start + len(text), text))
            start += len(text) + 1
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "text"])


def test_a_fragment_links_only_to_the_same_words() -> None:
    # A subheading of two words is contained in a longer sentence of the other article: not one
    # statement. The same short cry in both articles is; a list number never links.
    quotes = pd.DataFrame(
        columns=["article_id", "quote_id", "start", "end", "kind", "speaker", "speaker_entity_id"]
    )
    sentences = _sentences(
        {
            "a": ["Harbour tolls", "Quite absurd.", "2.", "The ferry board met on Tuesday."],
            "b": [
                "The council voted to freeze harbour tolls for the fishing fleet until spring.",
                "Quite absurd!",
                "2.",
                "Volunteers repainted the lighthouse at dawn.",
            ],
        }
    )
    found = pd.DataFrame(overlap.find_links(sentences, quotes))
    assert list(zip(found.sentence_a, found.sentence_b, found.kind, strict=True)) == [
        (1, 1, "verbatim")  # "Quite absurd." / "Quite absurd!"
    ]


def test_a_pages_navigation_never_links() -> None:
    # A teaser for another page ("More: …", "Read more about …") and a call to action ("Click
    # here …") state nothing of the article: they link neither to the same line elsewhere nor to
    # a sentence sharing their words. The sentence both articles report still links.
    quotes = pd.DataFrame(
        columns=["article_id", "quote_id", "start", "end", "kind", "speaker", "speaker_entity_id"]
    )
    sentences = _sentences(
        {
            "a": [
                "More: Harbour council freezes ferry tolls for the fishing fleet",
                "The ferry board met on Tuesday to set the winter timetable for the island route.",
                "Click here to order a print of this page.",
            ],
            "b": [
                "The harbour council voted to freeze ferry tolls for the fishing fleet.",
                "On Tuesday the ferry board met to set the island route's winter timetable.",
                "Click here to order a print of this page.",
                "Read more about the ferry board.",
            ],
        }
    )
    found = pd.DataFrame(overlap.find_links(sentences, quotes))
    assert list(zip(found.sentence_a, found.sentence_b, strict=True)) == [(1, 1)]
    navigation = find_navigation(
        ["(RELATED: Ferry board meets)", "“Watch: they will fold,” she said."]
    )
    assert navigation.tolist() == [True, False]  # a quote opening with "Watch:" is a statement


def test_a_reporters_sign_off_never_links() -> None:
    # Two live pages close their entries with the same reporter's name: a credit, not a shared
    # statement. The sentence both report still links.
    quotes = pd.DataFrame(
        columns=["article_id", "quote_id", "start", "end", "kind", "speaker", "speaker_entity_id"]
    )
    sentences = _sentences(
        {
            "a": [
                "The ferry board met on Tuesday to set the winter timetable for the island route.",
                "— Jane Roe",
            ],
            "b": [
                "On Tuesday the ferry board met to set the island route's winter timetable.",
                "- Jane Roe",
            ],
        }
    )
    found = pd.DataFrame(overlap.find_links(sentences, quotes))
    assert list(zip(found.sentence_a, found.sentence_b, strict=True)) == [(0, 0)]
    credits = find_credits(["-- J. Roe", "— Jane Roe said the vote was close.", "Jane Roe"])
    assert credits.tolist() == [True, False, False]


def test_sentences_sharing_only_topic_words_do_not_link(tables) -> None:
    # Both speak of Ukrainian officials, civilians and Russian forces, but say different things:
    # washpost: "Regional and federal Ukrainian officials have throughout the war pushed for
    # civilians to evacuate …" / cnn-repost: "Experts not associated with Amnesty have found that
    # the pattern of violent actions by Russian forces in Ukraine meets the definition of crimes
    # against humanity."
    assert link(tables, ("washpost", "Regional and federal"), ("cnn-repost", "Experts not")) is None
    # wire: "Ukraine's government pushed back hard against the report, …" has no counterpart.
    alone = overlap.find_only_here(tables.links, tables.sentences)
    assert sentence_id(tables, "wire", "Ukraine's government pushed back") in set(
        alone[alone.article_id == "wire"].sentence_id
    )


def test_statements_have_one_sentence_per_article(tables) -> None:
    st = tables.statements
    assert not st.duplicated(["statement_id", "article_id"]).any()
    assert (st.groupby("statement_id").size() >= 2).all()
    # The "tool of Russian propaganda" line of Pokalchuk's post is carried by all five articles.
    everyone = statements.find_shared_by_all(st, list(tables.articles.article_id))
    labels = set(st[st.statement_id.isin(everyone)].label)
    assert any("tool of Russian propaganda" in label for label in labels)


def test_statements_do_not_chain_different_events(tables) -> None:
    # Zelensky's Thursday criticism of the report is one statement:
    # blog: "On Thursday, President Volodimir Zelensky also strongly criticized the report."
    # cnn-repost: "In his comments on Thursday, Zelensky accused Amnesty of handing Moscow a
    # propaganda victory."
    # washpost's "President Volodymyr Zelensky, in remarks Saturday evening, criticized the “very
    # eloquent silence” …" is the blog sentence's best match there, but another remark on another
    # day: a paraphrase of Thursday and Saturday, it does not link (`overlap.days`; it linked
    # before, and the statement guard kept it out of the statement).
    st = tables.statements
    blog = sentence_id(tables, "blog", "On Thursday, President")
    cnn = sentence_id(tables, "cnn-repost", "In his comments on Thursday")
    saturday = sentence_id(tables, "washpost", "President Volodymyr Zelensky, in remarks")
    assert (
        link(tables, ("blog", "On Thursday, President"), ("washpost", "President Volodymyr"))
        is None
    )
    (sid,) = st[(st.article_id == "blog") & (st.sentence_id == blog)].statement_id
    mine = st[st.statement_id == sid]
    members = set(zip(mine.article_id, mine.sentence_id, strict=True))
    assert ("cnn-repost", cnn) in members and ("washpost", saturday) not in members


def test_overlap_matrix_and_charts(tables) -> None:
    matrix = overlap.compute_overlap(tables.links, tables.sentences, tables.articles)
    assert (matrix.to_numpy().diagonal() == 1).all()
    assert ((matrix >= 0) & (matrix <= 1)).all().all()
    fig = charts.plot_overlap_matrix(
        tables.articles,
        tables.sentences,
        tables.links,
        selection=Selection.of(outlets=["The Washington Post", "unattributed wire-style report"]),
    )
    (heat,) = fig.data
    assert list(heat.x) == [
        "The Washington Post · washpost",
        "unattributed wire-style report · wire",
    ]
    grid = charts.plot_statement_grid(tables.articles, tables.statements, tables.links)
    assert len(grid.data[0].y) == tables.statements.statement_id.nunique()
    # One article: no lone cell of itself (100%) under "nothing matches", but why there is
    # nothing to draw.
    alone = charts.plot_overlap_matrix(
        tables.articles,
        tables.sentences,
        tables.links,
        selection=Selection.of(outlets=["The Washington Post"]),
    )
    assert alone.data == ()
    assert alone.layout.annotations[0].text == (
        "One article is selected: there is no other to compare it with."
    )


def test_variant_view_is_escaped_and_marks_differences(tables) -> None:
    st = tables.statements
    sid = int(st.statement_id.iloc[0])
    page = statements.render_variants(sid, st, tables.sentences, tables.articles)
    assert "<ins" in page or "<del" in page
    evil = tables.sentences.assign(
        text=tables.sentences.text.str.replace("the", "<b>x</b>", regex=False)
    )
    page = statements.render_variants(sid, st.assign(label="<i>label</i>"), evil, tables.articles)
    assert "<b>x</b>" not in page and "<i>label</i>" not in page


def test_only_here_and_shared_views(tables) -> None:
    alone = views.summarize_only_here(tables.links, tables.sentences, tables.articles)
    assert list(alone.columns) == ["outlet", "article_id", "sentence_id", "text"]
    shared = views.summarize_shared_by_all(tables.statements, ["washpost", "wire"])
    assert (shared.articles >= 2).all()


def test_a_paraphrase_of_two_different_days_does_not_link() -> None:
    # Within one story told over a week, sentences about different days share its people and
    # words: "approved … on Monday" / "sent … back on Thursday" are two acts, not one statement.
    # The sentences both articles date to the same day still link; so do the same words dated
    # differently (a verbatim link is one text, not a guess from shared words).
    quotes = pd.DataFrame(
        columns=["article_id", "quote_id", "start", "end", "kind", "speaker", "speaker_entity_id"]
    )
    sentences = _sentences(
        {
            "a": [
                "The harbour council approved the ferry budget on Monday after a long debate.",
                "The ferry board met on Tuesday to set the winter timetable for the island route.",
                "Volunteers repainted the lighthouse on Friday.",
            ],
            "b": [
                "The harbour council sent the ferry budget back to the mayor on Thursday.",
                "Island route timetables for winter were agreed by the ferry board on Tuesday.",
                "Volunteers repainted the lighthouse on Saturday.",
            ],
        }
    )
    found = pd.DataFrame(overlap.find_links(sentences, quotes))
    assert list(zip(found.sentence_a, found.sentence_b, found.kind, strict=True)) == [
        (2, 2, "verbatim"),  # the same words, dated differently
        (1, 1, "paraphrase"),  # both on Tuesday
    ]  # before: also (0, 0, "paraphrase"), Monday / Thursday


def test_name_days_reads_dates_not_names_or_habits() -> None:
    assert name_days("Late Sunday, the board said it met on Friday's deadline.") == {
        "Sunday",
        "Friday",
    }
    assert name_days("She won on Super Tuesday and spoke to the Sunday Times.") == set()
    assert name_days("The market opens on Mondays.") == set()
    assert differ_in_days({"Monday"}, {"Thursday"})
    assert not differ_in_days({"Monday", "Tuesday"}, {"Tuesday"})
    assert not differ_in_days(set(), {"Tuesday"})
