"""Framing: log-odds by hand, a synthetic two-outlet corpus with known distinctive words, frame
matching on hand-written development articles, and frames on the seed corpus."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.corpus.manifest import CorpusError
from analysis.corpus.selection import Selection
from analysis.framing import frames, lead, style, term_counts, terms, tone, wording
from analysis.notebook import framing_views as views
from analysis.pipeline import conformance
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
    counts = term_counts.count_terms(dev_tables)
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
    conformance.check("frames", table)
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
    conformance.check("frames", table)
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
    counts = term_counts.count_terms(dev_tables)
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


# Two invented outlets for house style. "Daily Ledger" names itself, writes "Mr." and "Sen." before
# names, "(R-Calif.)" and "p.m.", and closes each article with the same line (not a newsletter
# sign-up line: cleaning cuts those); "Morning
# Star" covers the same toll story without any of it.
STYLE_ARTICLES = {
    "ledger-1": (
        "Daily Ledger",
        "Mr. Hale told the Daily Ledger on Monday that the bridge tolls would rise. "
        "Sen. Ann Hale (R-Calif.) said the tolls were a tax on commuters.\n\n"
        "The Ledger is printed in Riverside.",
    ),
    "ledger-2": (
        "Daily Ledger",
        "The toll plan angered commuters, Mr. Hale said in a Daily Ledger interview. "
        "Drivers waited for hours at 5 p.m. on the bridge.\n\n"
        "The Ledger is printed in Riverside.",
    ),
    "ledger-3": (
        "Daily Ledger",
        "Commuters protested at the bridge. Ann Hale defended the tolls.\n\n"
        "The Ledger is printed in Riverside.",
    ),
    "star-1": (
        "Morning Star",
        "Ann Hale said the bridge tolls would rise. Commuters called the fee a tax grab. "
        "Drivers waited for hours on the bridge.",
    ),
    "star-2": (
        "Morning Star",
        "The senator said the fee was fair. Commuters protested at the bridge on Monday.",
    ),
}

# One invented article for the general lexicon: a term inside a longer name or an excluded phrase
# is not a match.
LEXICON_ARTICLE = (
    "Cuts to Social Security would hit retirees, the governor warned. "
    "Guards stepped up security at the border after the attack.\n\n"
    "She teaches at the Westfield Law School and argued the tax was illegal.\n\n"
    "The ban on assault weapons was upheld by the court."
)


@pytest.fixture(scope="module")
def style_tables(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> analysis.Tables:
    folder = write_corpus(tmp_path_factory.mktemp("style") / "corpus", STYLE_ARTICLES)
    return analysis.build(folder, cache_dir=cache_dir)


@pytest.fixture(scope="module")
def lexicon_corpus(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Path:
    return write_corpus(
        tmp_path_factory.mktemp("lexicon") / "corpus", {"one": ("Gamma Post", LEXICON_ARTICLE)}
    )


def test_house_style_is_not_a_distinctive_term(style_tables) -> None:
    from analysis.framing import style

    counts = term_counts.count_terms(style_tables)
    vocabulary = set(counts.terms)
    # Own name ("told the Daily Ledger", "a Daily Ledger interview"), honorifics and titles before
    # a name ("Mr. Hale", "Sen. Ann Hale"), abbreviations ("R-Calif.", "5 p.m.") and the line
    # every Ledger article ends with are left out of the terms…
    for word in ("ledger", "daily", "mr.", "sen.", "calif.", "p.m.", "printed", "riverside"):
        assert not any(word in term.lower().split() for term in vocabulary), word
    # …and "Mr. Hale", "Sen. Ann Hale" and "Ann Hale" count as one name, the entity's.
    assert "Ann Hale" in vocabulary and "Hale" not in vocabulary and "hale" not in vocabulary
    ledger = terms.distinctive_terms(style_tables, "Daily Ledger").set_index("term")
    # ledger-1 "Mr. Hale", "Sen. Ann Hale"; ledger-2 "Mr. Hale"; ledger-3 "Ann Hale";
    # star-1 "Ann Hale".
    assert (ledger.loc["Ann Hale", "n_target"], ledger.loc["Ann Hale", "n_rest"]) == (4, 1)
    table = style.tabulate_house_style(counts.tokens)
    got = {(r.outlet, r.kind, r.form): (r.n, r.articles) for r in table.itertuples()}
    assert got == {
        ("Daily Ledger", "own name", "daily"): (2, 2),
        ("Daily Ledger", "own name", "ledger"): (2, 2),
        ("Daily Ledger", "honorific or title", "mr."): (2, 2),
        ("Daily Ledger", "honorific or title", "sen."): (1, 1),
        ("Daily Ledger", "abbreviation", "calif."): (1, 1),
        ("Daily Ledger", "abbreviation", "p.m."): (1, 1),
        ("Daily Ledger", "repeated line", "the ledger is printed in riverside"): (3, 3),
    }
    assert style.tabulate_house_style(counts.tokens, outlets=["Morning Star"]).empty


def test_own_name_comes_from_the_manifest_name_and_the_web_domain() -> None:
    from analysis.framing import style

    words = style.read_style_words()
    fox = style.describe_own_name("Fox Online News", ["https://www.foxnews.com/a"], style=words)
    # "Online" and "News" are generic: the name is a run of its words holding "fox".
    assert fox.key == "fox" and "foxnews" in fox.joined
    times = style.describe_own_name("New York Times - News", [], style=words)
    assert times.key == "times" and "newyorktimes" in times.joined


def test_repeated_sentences_are_furniture_of_their_outlet_only() -> None:
    from analysis.framing import style

    sentences = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "b1", "a1", "a2"],
            "sentence_id": [0, 0, 0, 0, 1, 1],
            "text": [
                "Update at 9:54 p.m.",
                "Update at 10:12 p.m.",
                "Update at 11:01 p.m.",
                "Update at 8:00 p.m.",
                "The mayor resigned.",
                "The mayor resigned.",
            ],
        }
    )
    outlet_of = {"a1": "A", "a2": "A", "a3": "A", "b1": "B"}
    # The same words but for the numbers, in three articles of A: furniture of A. Once in B: not.
    # "The mayor resigned." in two articles only: not.
    assert style.find_repeated_sentences(sentences, outlet_of) == {("a1", 0), ("a2", 0), ("a3", 0)}


def test_a_corpus_without_frames_yml_uses_the_general_lexicon(lexicon_corpus, cache_dir) -> None:
    lexicon = frames.load_frames(lexicon_corpus)
    assert lexicon.general and lexicon.corpus_file is None
    assert lexicon.describe().startswith("Frames: the general lexicon")
    assert "no frames.yml in the corpus" in lexicon.describe()
    names = [f.name for f in lexicon.frames]
    assert names[:3] == ["economic", "capacity and resources", "morality"]
    assert len(names) == 14 and all(f.description for f in lexicon.frames)
    tables = analysis.build(lexicon_corpus, cache_dir=cache_dir)
    got = [(r.sentence_id, r.frame, r.matched) for r in tables.frames.itertuples()]
    # Checked by hand: "Social Security" is the economic phrase, not security and defence (an
    # excluded phrase there); "security" at the border is; "Law" in "Westfield Law School" is
    # inside a name; "assault weapons" is excluded from security and defence.
    assert got == [
        (0, "economic", "Social Security"),
        (1, "security and defence", "security"),
        (2, "economic", "tax"),
        (2, "legality, constitutionality and jurisprudence", "illegal"),
        (3, "legality, constitutionality and jurisprudence", "upheld"),
        (3, "legality, constitutionality and jurisprudence", "court"),
    ]
    left = frames.tabulate_left_out(tables, list(lexicon.frames), cache_dir=cache_dir)
    assert [(r.matched, r.reason) for r in left.itertuples()] == [
        ("Security", "excluded phrase: social security"),
        ("Law", "inside a name"),
        ("weapons", "excluded phrase: assault weapon"),
    ]
    # "Cuts to Social Security would hit retirees" is what the governor warned (a quote); the
    # other two are the reporter's. The left-out table follows the part filter by it.
    assert left.in_quote.tolist() == [True, False, False]
    reporter = Selection.of(choices={"part": ["reporter"]})
    assert list(views.select_left_out(tables, left, reporter).matched) == ["Law", "weapons"]
    body = tables.articles.body.iloc[0]
    for r in left.itertuples():
        assert body[r.start : r.end] == r.matched


def test_a_corpus_frames_file_adds_and_replaces_frames(tmp_path: Path) -> None:
    (tmp_path / "frames.yml").write_text(
        "frames:\n"
        "  economic:\n    description: money only\n    terms: [money]\n"
        "  tolls:\n    description: road pricing\n    terms: [toll]\n    exclude: [toll free]\n",
        encoding="utf-8",
    )
    lexicon = frames.load_frames(tmp_path)
    by_name = {f.name: f for f in lexicon.frames}
    assert by_name["economic"].terms == ("money",)  # replaced, in the general frame's place
    assert [f.name for f in lexicon.frames][0] == "economic"
    assert by_name["tolls"].exclude == ("toll free",) and len(lexicon.frames) == 15
    assert (lexicon.added, lexicon.replaced) == (("tolls",), ("economic",))
    assert lexicon.describe().endswith(f"+ {tmp_path.name}/frames.yml (1 added, 1 replaced)")
    (tmp_path / "frames.yml").write_text(
        "general_lexicon: false\nframes:\n  tolls:\n    description: d\n    terms: [toll]\n",
        encoding="utf-8",
    )
    only = frames.load_frames(tmp_path)
    assert [f.name for f in only.frames] == ["tolls"] and not only.general
    assert only.describe() == f"Frames: {tmp_path.name}/frames.yml only (1 frames)"
    (tmp_path / "frames.yml").write_text(
        "frames:\n  tolls:\n    terms: [toll]\n    exclude: toll free\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match="`exclude:` must be a list"):
        frames.load_frames(tmp_path)


def test_english_background_ranks_with_general_word_frequencies(dev_tables) -> None:
    counts = term_counts.count_terms(dev_tables)
    english = terms.count_english_background(counts.terms)
    # "government" is a common English word, "atrocity" a rare one.
    assert english["government"] > 20 * english["atrocity"] > 0
    got = terms.distinctive_terms(dev_tables, "Alpha Daily", background="english", counts=counts)
    same = terms.distinctive_terms(dev_tables, "Alpha Daily", background=english, counts=counts)
    assert list(got.term) == list(same.term)
    assert set(got.head(2).term) == {"regime", "atrocity"}
    with pytest.raises(ValueError, match="english"):
        terms.count_english_background(["x"], language="klingon")


def test_word_choices_are_short_anchored_substitutions() -> None:
    a = "Today we saw a completely different picture of the talks in the capital."
    b = "On Thursday, after the talks in the capital, officials left."
    assert wording.align_choices(a, b) == []  # a rewrite, not a substitution
    c = "The minister said the army had occupied the town on Monday."
    d = "The minister said the army had invaded the town on Monday."
    got = [(c[sa:ea], d[sb:eb]) for (sa, ea), (sb, eb) in wording.align_choices(c, d)]
    assert got == [("occupied", "invaded")]
    # A pronoun for a name, or a different number, is not a word choice.
    e = "The minister said the army had left the town on Monday."
    f = "She said the army had left the town on Monday."
    assert wording.align_choices(e, f) == []
    g = "The minister said 65 soldiers had left the town on Monday."
    h = "The minister said 60 soldiers had left the town on Monday."
    assert wording.align_choices(g, h) == []


def test_phrases_only_one_outlet_repeats_in_most_articles_are_furniture() -> None:
    from analysis.framing import style

    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4", "b1"],
            "outlet": ["A", "A", "A", "A", "B"],
            "body": [
                "Talks resumed. Replay more videos here. The mayor said so.",
                "Rain fell. The mayor said Replay More Videos twice.",
                "Roads closed; replay more videos. The mayor said no.",
                "Nothing else. The mayor said yes.",
                "The mayor said more videos would follow.",
            ],
        }
    )
    spans = style.find_repeated_phrases(articles)
    # "replay more videos": in 3 of A's 4 articles and nowhere in B. "the mayor said": in B too.
    got = {
        a: [articles.set_index("article_id").body[a][s:e] for s, e in v] for a, v in spans.items()
    }
    assert got == {
        "a1": ["Replay more videos"],
        "a2": ["Replay More Videos"],
        "a3": ["replay more videos"],
    }


def test_word_choices_follow_the_part_the_dates_and_the_minimum(dev_tables) -> None:
    index = wording.index_word_choices(dev_tables, wording.find_word_choices(dev_tables))

    def shown(**options: Any) -> dict[tuple[str, str], int]:
        table = views.select_word_choices(dev_tables, index, Selection.of(**options))
        return {(r.text_a, r.text_b): r.n for r in table.itertuples()}

    # Three sentence pairs say "regime" / "government" in the reporter's words; "atrocities" /
    # "incidents" is the reporter's in alpha-1/beta-1 (twice) and quoted in alpha-2/beta-2
    # ("Aid workers said the atrocities had forced…": reported speech is a quote).
    assert shown() == {("atrocities", "incidents"): 3, ("regime", "government"): 3}
    assert shown(choices={"part": ["reporter"]}) == {
        ("regime", "government"): 3,
        ("atrocities", "incidents"): 2,
    }
    assert shown(choices={"part": ["quote"]}) == {("atrocities", "incidents"): 1}
    # From 2024-05-02: alpha-2, beta-1 and beta-2; only alpha-2 and beta-2 make a pair.
    assert shown(date_from="2024-05-02") == {
        ("atrocities", "incidents"): 1,
        ("regime", "government"): 1,
    }
    assert shown(date_to="2024-05-02") == {}  # alpha-1 and alpha-2: one outlet
    assert shown(minimum=3, choices={"part": ["reporter"]}) == {("regime", "government"): 3}


def test_a_corpus_without_word_choices_shows_an_empty_table(dev_tables) -> None:
    # A corpus where no two outlets word one statement differently (a new corpus of three
    # articles of three stories, as notebook 03 met it) has no choices: the index is empty and
    # the table has its columns and no rows, instead of failing while indexing.
    none = wording.find_word_choices(dev_tables).iloc[0:0]
    index = wording.index_word_choices(dev_tables, none)
    table = views.select_word_choices(dev_tables, index, Selection.of())
    assert table.empty
    assert list(table.columns) == ["outlet_a", "text_a", "outlet_b", "text_b", "n", "statements"]


def test_house_style_follows_the_dates_and_the_minimum_and_says_what_it_shows(
    style_tables,
) -> None:
    index = {
        p: style.index_house_style(term_counts.count_terms(style_tables, part=p).tokens)
        for p in ("all", "reporter", "quotes")
    }
    # 2024-05-02 to 2024-05-03: ledger-2 ("…, Mr. Hale said in a Daily Ledger interview.
    # … at 5 p.m. …") and ledger-3, both ending with the printing line.
    dates = {"date_from": "2024-05-02", "date_to": "2024-05-03"}
    table = views.select_house_style(style_tables, index, Selection.of(**dates))
    assert [(r.kind, r.form, r.n, r.articles) for r in table.itertuples()] == [
        ("own name", "daily", 1, 1),
        ("own name", "ledger", 1, 1),
        ("honorific or title", "mr.", 1, 1),
        ("abbreviation", "p.m.", 1, 1),
        ("repeated line", "the ledger is printed in riverside", 2, 2),
    ]
    at_least_two = Selection.of(**dates, minimum=2, choices={"frame": ["economic"]})
    table = views.select_house_style(style_tables, index, at_least_two)
    assert list(table.form) == ["the ledger is printed in riverside"]
    # The quotes ("the bridge tolls would rise", "the fee was fair", …) hold no house style.
    quotes = Selection.of(choices={"part": ["quote"]})
    assert views.select_house_style(style_tables, index, quotes).empty
    assert views.describe_table_source(
        style_tables.articles, at_least_two, len(table), not_applied=["frame"]
    ) == (
        "<div class='coverage-lens-source' style='font-size:85%;color:#555'>Source: corpus, "
        "2 of 5 articles (1 outlet). Filters: published 2024-05-02 to 2024-05-03; frame: "
        "economic; at least 2. Not applied here: frame. 1 row.</div>"
    )
