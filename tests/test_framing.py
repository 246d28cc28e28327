"""Framing: log-odds by hand, a synthetic two-outlet corpus with known distinctive words, frame
matching on hand-written development articles, and frames on the seed corpus."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.corpus.manifest import CorpusError
from analysis.framing import frames, lead, terms, tone, wording
from analysis.pipeline import schema
from tests.conftest import ROOT

# Two outlets, two articles each, covering the same invented event. Outlet "Alpha Daily" calls the
# authorities a "regime" and the deaths "atrocities"; "Beta News" says "government" and
# "incidents". Everything else is shared, so these are the distinctive words known in advance.
DEV_ARTICLES = {
    "alpha-1": (
        "Alpha Daily",
        "The regime sent soldiers to the northern valley on Monday. Witnesses described "
        "atrocities in two villages. The regime denied any role in the atrocities.",
    ),
    "alpha-2": (
        "Alpha Daily",
        "A week later the regime closed the roads to the valley. Aid workers said the "
        "atrocities had forced families to flee.",
    ),
    "beta-1": (
        "Beta News",
        "The government sent soldiers to the northern valley on Monday. Witnesses described "
        "incidents in two villages. The government denied any role in the incidents.",
    ),
    "beta-2": (
        "Beta News",
        "A week later the government closed the roads to the valley. Aid workers said the "
        "incidents had forced families to flee.",
    ),
}

# One development article for frame matching. Sentence 0 is the reporter's but for its reported
# clause (an indirect quote of unnamed officials: "the report violated international humanitarian
# law"); sentence 1 is a direct quote of a named minister; sentence 2 is the reporter's.
FRAME_ARTICLE = (
    "Officials dismissed the findings as propaganda and said the report violated "
    "international humanitarian law.\n\n"
    '"These are war crimes against civilians," Defence Minister Maria Lopez said.\n\n'
    "The army moved troops away from the schools."
)
FRAME_FILE = """\
general_lexicon: false
frames:
  propaganda:
    description: claims of false information
    terms: [propaganda, fake news]
  legality:
    description: law and its breaches
    terms: [international humanitarian law, humanitarian law, violate, war crime]
  harm:
    description: harm to civilians
    terms: [civilian, school]
  military:
    description: forces
    terms: [army, troop, war]
"""


def write_corpus(folder: Path, articles: dict[str, tuple[str, str]], frames_yml: str = "") -> Path:
    (folder / "articles").mkdir(parents=True)
    rows = ["article_id,file,outlet,outlet_kind,title,url,published,language,notes"]
    for aid, (outlet, text) in articles.items():
        (folder / "articles" / f"{aid}.txt").write_text(text + "\n", encoding="utf-8")
        rows.append(f"{aid},articles/{aid}.txt,{outlet},newspaper,,,2024-05-0{len(rows)},en,")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if frames_yml:
        (folder / "frames.yml").write_text(frames_yml, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def dev_tables(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> analysis.Tables:
    folder = write_corpus(tmp_path_factory.mktemp("dev") / "corpus", DEV_ARTICLES)
    return analysis.build(folder, cache_dir=cache_dir)


@pytest.fixture(scope="module")
def frame_tables(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> analysis.Tables:
    folder = write_corpus(
        tmp_path_factory.mktemp("frames") / "corpus",
        {"one": ("Gamma Post", FRAME_ARTICLE)},
        FRAME_FILE,
    )
    return analysis.build(folder, cache_dir=cache_dir)


def test_log_odds_matches_the_hand_computation() -> None:
    # Count table:     target  rest  prior
    #   term a            3      1     2
    #   term b            1      3     2
    # n_target = n_rest = 4, a0 = 4.
    # delta_a = ln((3+2)/(4+4-3-2)) - ln((1+2)/(4+4-1-2)) = ln(5/3) - ln(3/5) = 2 ln(5/3)
    #         = 2 × 0.5108256 = 1.0216512
    # var_a   = 1/(3+2) + 1/(1+2) = 0.2 + 0.3333333 = 0.5333333;  sqrt = 0.7302967
    # z_a     = 1.0216512 / 0.7302967 = 1.3989536;  term b is the mirror image.
    delta, z = terms.score_log_odds(np.array([3, 1]), np.array([1, 3]), np.array([2.0, 2.0]))
    assert delta == pytest.approx([1.0216512, -1.0216512], abs=1e-6)
    assert z == pytest.approx([1.3989536, -1.3989536], abs=1e-6)


def test_log_odds_with_given_totals() -> None:
    # One frame: 10 matches in 500 target words, 20 in 2,000 other words; prior 3 (a0 = 250).
    # delta = ln((10+3) / (500+250-10-3)) - ln((20+3) / (2000+250-20-3)) = ln(13/737) - ln(23/2227)
    #   13/737 = 0.0176391, ln = ln(1.76391) + ln(0.01) = 0.567531 - 4.605170 = -4.037639
    #   23/2227 = 0.0103278, ln = ln(1.03278) + ln(0.01) = 0.032254 - 4.605170 = -4.572916
    #   delta = 0.535277
    # var = 1/13 + 1/23 = 0.0769231 + 0.0434783 = 0.1204013, sqrt = 0.3469889
    # z = 0.535277 / 0.3469889 = 1.542637
    delta, z = terms.score_log_odds(
        np.array([10]), np.array([20]), np.array([3.0]), n_target=500, n_rest=2000, prior_total=250
    )
    assert delta[0] == pytest.approx(math.log(13 / 737) - math.log(23 / 2227))
    assert delta[0] == pytest.approx(0.535277, abs=1e-5)
    assert z[0] == pytest.approx(1.542637, abs=1e-5)


def test_terms_are_lemmas_without_stop_words_with_phrase_bigrams(dev_tables) -> None:
    counts = terms.count_terms(dev_tables)
    vocabulary = set(counts.terms)
    # "The regime sent soldiers to the northern valley" → lemmas regime, send, soldier, northern,
    # valley; two-word terms only for neighbours that make a phrase ("northern valley": adjective
    # and noun; "Aid workers": compound noun), not subject and verb or verb and object.
    assert {"regime", "send", "soldier", "northern valley", "aid worker"} <= vocabulary
    assert "regime send" not in vocabulary and "send soldier" not in vocabulary
    assert "the" not in vocabulary and "soldier northern" not in vocabulary  # "to the" between
    assert "atrocity" in vocabulary  # "atrocities", lemmatised


def test_synthetic_corpus_distinctive_words_are_the_known_ones(dev_tables) -> None:
    alpha = terms.distinctive_terms(dev_tables, "Alpha Daily")
    assert list(alpha.columns) == ["term", "n_target", "n_rest", "delta", "z"]
    assert alpha.z.is_monotonic_decreasing
    top = set(alpha.head(2).term)
    assert top == {"regime", "atrocity"}
    row = alpha.set_index("term").loc["regime"]
    # "regime": alpha-1 "The regime sent", "The regime denied"; alpha-2 "the regime closed".
    assert (row.n_target, row.n_rest) == (3, 0)
    bottom = set(alpha.tail(2).term)
    assert bottom == {"government", "incident"}  # Beta's words, negative z
    assert alpha.set_index("term").loc["valley", "z"] == pytest.approx(0.0, abs=1e-9)
    beta = terms.distinctive_terms(dev_tables, "Beta News", against="Alpha Daily")
    assert set(beta.head(2).term) == {"government", "incident"}


def test_every_term_links_back_to_its_sentences(dev_tables) -> None:
    found = terms.find_term_sentences(dev_tables, "atrocity", outlets=["Alpha Daily"])
    assert list(found.article_id) == ["alpha-1", "alpha-1", "alpha-2"]
    assert list(found.text)[0] == "Witnesses described atrocities in two villages."
    for text, spans in zip(found.text, found.spans, strict=True):
        assert [text[s:e] for s, e in spans] == ["atrocities"]
    assert terms.find_term_sentences(dev_tables, "no such term").empty


def test_distinctive_terms_rejects_unknown_outlets(dev_tables) -> None:
    with pytest.raises(ValueError, match="Gamma"):
        terms.distinctive_terms(dev_tables, "Gamma")


def test_frames_table_matches_lemmas_and_phrases(frame_tables) -> None:
    table = frame_tables.frames
    schema.check("frames", table)
    body = frame_tables.articles.body.iloc[0]
    got = [
        (r.sentence_id, r.frame, r.matched, r.in_quote, None if pd.isna(r.speaker) else r.speaker)
        for r in table.itertuples()
    ]
    # Checked by hand against FRAME_ARTICLE: "violated" matches the lemma "violate"; the longest
    # legality phrase wins over "humanitarian law"; "war crimes" is both a legality phrase and,
    # through "war", a military term; "troops" and "schools" match by lemma.
    assert got == [
        (0, "propaganda", "propaganda", False, None),
        (0, "legality", "violated", True, None),
        (0, "legality", "international humanitarian law", True, None),
        (1, "legality", "war crimes", True, "Maria Lopez"),
        (1, "military", "war", True, "Maria Lopez"),
        (1, "harm", "civilians", True, "Maria Lopez"),
        (2, "military", "army", False, None),
        (2, "military", "troops", False, None),
        (2, "harm", "schools", False, None),
    ]
    for r in table.itertuples():
        assert body[r.start : r.end] == r.matched


def test_frame_rates_per_1000_words_by_part(frame_tables) -> None:
    # Words (no punctuation). Reporter: "Officials dismissed the findings as propaganda and said"
    # (8), "Defence Minister Maria Lopez said" (5), "The army moved troops away from the schools"
    # (8) = 21. Quotes: "the report violated international humanitarian law" (6) and "These are
    # war crimes against civilians" (6) = 12.
    reporter = frames.rate_frames(frame_tables, part="reporter").set_index("frame")
    assert reporter.loc["military", "words"] == 21
    assert reporter.loc["military", "n"] == 2  # army, troops
    assert reporter.loc["military", "per_1000"] == pytest.approx(1000 * 2 / 21)
    assert reporter.loc["legality", "n"] == 0
    quoted = frames.rate_frames(frame_tables, part="quotes").set_index("frame")
    assert quoted.loc["legality", "words"] == 12
    assert quoted.loc["legality", "n"] == 3  # violated, international humanitarian law, war crimes
    assert quoted.loc["propaganda", "n"] == 0
    everything = frames.rate_frames(frame_tables).set_index("frame")
    assert everything.loc["harm", "words"] == 33
    assert everything.loc["harm", "per_1000"] == pytest.approx(1000 * 2 / 33)
    speakers = frames.count_speaker_frames(frame_tables.frames)
    got = {(r.speaker, r.frame): (r.n, r.quotes) for r in speakers.itertuples()}
    assert got == {
        ("Maria Lopez", "harm"): (1, 1),
        ("Maria Lopez", "legality"): (1, 1),
        ("Maria Lopez", "military"): (1, 1),
        ("unknown", "legality"): (2, 1),  # the officials' reported clause, speaker unnamed
    }


def test_read_frames_errors_name_the_frame_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "frames.yml"
    path.write_text("frames:\n  empty:\n    description: nothing\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="frame 'empty' needs `terms:`"):
        frames.read_frames(path)
    assert frames.read_frames(tmp_path / "missing.yml") == []


def test_the_shipped_frames_file_is_documented_and_generic() -> None:
    path = ROOT / "corpus" / "frames.yml"
    text = path.read_text(encoding="utf-8")
    assert "To add a frame" in text
    found = frames.read_frames(path)
    names = {f.name for f in found}
    assert {
        "propaganda and disinformation",
        "law and legality",
        "victim and aggressor",
        "civilian harm",
        "institutional conflict",
        "impartiality and independence",
        "security and defence",
    } <= names
    assert all(f.description for f in found)


def test_seed_frames_point_into_the_bodies(tables, bodies) -> None:
    table = tables.frames
    schema.check("frames", table)
    assert len(table) > 100
    for r in table.itertuples():
        assert bodies[r.article_id][r.start : r.end] == r.matched
    # The wire's first sentence: "The head of Amnesty International's Ukraine office has resigned,
    # accusing the rights watchdog of parroting Kremlin propaganda in a report that criticized
    # Kyiv's military response to Russia's unprovoked invasion." — the accusation is reported
    # speech of the head of the office (an indirect quote); "resigned" is the reporter's.
    wire = table[(table.article_id == "wire") & (table.sentence_id == 0)].set_index("matched")
    assert wire.loc["propaganda", "frame"] == "propaganda and disinformation"
    assert wire.loc["propaganda", "in_quote"]
    # The sentence names the speaker only as "The head of …"; she is named later in the article, so
    # the quote rules leave the speaker missing rather than look ahead (issue 11), and so does this.
    assert pd.isna(wire.loc["propaganda", "speaker"])
    assert wire.loc["resigned", "frame"] == "institutional conflict"
    assert not wire.loc["resigned", "in_quote"]


def test_word_choices_align_replaced_words() -> None:
    a = "The director resigned on Friday after the board published the audit."
    b = "The director quit on Friday after the board released the audit."
    got = [(a[sa:ea], b[sb:eb]) for (sa, ea), (sb, eb) in wording.align_choices(a, b)]
    assert got == [("resigned", "quit"), ("published", "released")]
    # Only stop words differ: not a choice. Too different: not read as choices at all.
    assert wording.align_choices("a report of the group", "a report for the group") == []
    assert wording.align_choices(a, "Nothing here is alike at all, really.") == []


def test_word_choices_of_the_synthetic_outlets_trace_to_statements(dev_tables) -> None:
    choices = wording.find_word_choices(dev_tables)
    bodies = dict(zip(dev_tables.articles.article_id, dev_tables.articles.body, strict=True))
    for r in choices.itertuples():
        assert bodies[r.article_a][r.start_a : r.end_a] == r.text_a
        assert bodies[r.article_b][r.start_b : r.end_b] == r.text_b
        assert (r.outlet_a, r.outlet_b) == ("Alpha Daily", "Beta News")
    summary = wording.summarize_word_choices(choices)
    pairs = {(r.text_a.lower(), r.text_b.lower()): r.n for r in summary.itertuples()}
    # The statements pair each Alpha sentence with the Beta sentence that differs only by
    # regime/government and atrocities/incidents: "The regime sent soldiers…" / "The government
    # sent soldiers…", "The regime denied any role in the atrocities." / "The government denied
    # any role in the incidents.", …
    assert set(pairs) <= {("regime", "government"), ("atrocities", "incidents")}
    assert pairs[("regime", "government")] >= 2
    assert pairs[("atrocities", "incidents")] >= 2
    statement = summary.statements.iloc[0][0]
    assert statement in set(dev_tables.statements.statement_id)


def test_leads_show_title_and_first_sentence_with_entities_and_frames(tables) -> None:
    leads = lead.compare_leads(tables, frames.read_frames(ROOT / "corpus" / "frames.yml"))
    blog = leads.set_index("article_id").loc["blog"]
    assert blog.title == (
        "Amnesty Ukraine chief resigns after Amnesty report accuses Ukraine of endangering victims"
    )
    assert blog.lead.startswith("Amnesty International’s head of human rights in Ukraine, Oksana")
    assert "Oksana Pokalchuk" in blog.lead_entities.split(" · ")
    assert "civilian harm: endangering" in blog.title_frames.split(" · ")
    assert "institutional conflict: resigns" in blog.title_frames.split(" · ")
    wire = leads.set_index("article_id").loc["wire"]
    assert wire.title == "" and wire.title_frames == ""  # the wire has no headline
    assert "propaganda and disinformation: propaganda" in wire.lead_frames.split(" · ")


def test_tone_scores_reporter_words_and_quotes_apart(frame_tables) -> None:
    scored = tone.score_tone(frame_tables)
    reporter = scored[scored.part == "reporter"].set_index("sentence_id")
    # The officials' reported clause is cut out of the reporter's sentence.
    assert reporter.loc[0, "text"] == "Officials dismissed the findings as propaganda and said … ."
    # No word of VADER's lexicon in "The army moved troops away from the schools."
    assert reporter.loc[2, "compound"] == 0.0
    quote = scored[(scored.part == "quote") & (scored.quote_id == 1)].iloc[0]
    assert quote.speaker == "Maria Lopez"
    assert quote.text == "These are war crimes against civilians,"
    assert quote.compound < -0.3  # "war" and "crimes" are negative words in the lexicon


def test_distinctive_terms_count_only_the_chosen_articles(dev_tables) -> None:
    # alpha-2: "A week later the regime closed the roads to the valley. Aid workers said the
    # atrocities had forced families to flee." — "regime" once, "atrocities" once.
    chosen = terms.distinctive_terms(dev_tables, "Alpha Daily", article_ids=["alpha-2", "beta-2"])
    row = chosen.set_index("term").loc["regime"]
    assert (row.n_target, row.n_rest) == (1, 0)
    assert "witness" not in set(chosen.term)  # only in the *-1 articles


def test_background_list_shapes_the_prior_as_documented(dev_tables) -> None:
    # a_w = prior_scale × corpus size × (b_w + 1) / Σ(b + 1) over the corpus's terms.
    counts = terms.count_terms(dev_tables)
    background = {"regime": 999}
    got = terms.distinctive_terms(dev_tables, "Alpha Daily", background=background, counts=counts)
    alpha = (counts.units.outlet == "Alpha Daily").to_numpy()
    y_t, y_r = counts.totals(alpha), counts.totals(~alpha)
    shape = np.array([background.get(t, 0) + 1.0 for t in counts.terms])
    prior = terms.PRIOR_SCALE * (y_t + y_r).sum() * shape / shape.sum()
    _delta, z = terms.score_log_odds(y_t, y_r, prior)
    expected = dict(zip(counts.terms, z, strict=True))
    assert got.set_index("term").z.to_dict() == pytest.approx(expected)
    # A word common in the reference list gets a large prior: its log-odds is shrunk towards 0
    # (both are used 3 times by Alpha and never by Beta).
    by_term = got.set_index("term")
    assert by_term.loc["regime", "delta"] < by_term.loc["atrocity", "delta"] / 5
