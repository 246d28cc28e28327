"""Speakers named after the quotation on its own line (a signature: `“…” ― Name`) and through
parses that lost the speech verb's subject (issue 21, session 21): invented articles, and
hand-parsed sentences that pin down the parses the model gave real text."""

from __future__ import annotations

from pathlib import Path

from tests.test_quotes_issuers import build_one
from tests.test_speaker_cues import parsed, speakers_of


def test_a_quotation_signed_on_its_own_line_is_the_signers(tmp_path: Path, cache_dir: Path) -> None:
    # A readers' page: each quotation opens its paragraph and is signed after a dash on the
    # same line — a quotation dash (U+2015) with or without a space, an en dash, a hyphen
    # glued to the name. A dash inside a sentence after a scare-quoted word opens a list, not
    # a signature.
    text = (
        "Readers wrote in after the debate on the harbour plan.\n\n"
        "“The plan will cost us our jobs. Nobody asked the workers.” ― Marta Lindqvist\n\n"
        "“I have never been so proud of this town.”― Oskar Brandt.\n\n"
        "“Do you owe the workers an apology?” –Dana Whitfield\n\n"
        "“No. I said publicly that I was sorry.” -Tomas Reyes\n\n"
        "“I have a work face and a home face,” – Oskar Brandt to a magazine, 2004. “I like both "
        "of them.”\n\n"
        "The critic wrote that the “old masters” — Vermeer, Hals and Steen — had painted the "
        "harbour first.\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    signed = quotes[quotes.kind == "direct"]
    assert signed[["text", "speaker_mention", "attribution"]].fillna("-").values.tolist() == [
        ["The plan will cost us our jobs. Nobody asked the workers.", "Marta Lindqvist", "roundup"],
        ["I have never been so proud of this town.", "Oskar Brandt", "roundup"],
        ["Do you owe the workers an apology?", "Dana Whitfield", "roundup"],
        ["No. I said publicly that I was sorry.", "Tomas Reyes", "roundup"],
        ["I have a work face and a home face,", "Oskar Brandt", "roundup"],
        ["I like both of them.", "-", "follow_on"],
    ]
    assert signed.speaker.tolist()[-1] == "Oskar Brandt"
    # the critic's words, not Vermeer's
    listed = quotes[quotes.text == "old masters"]
    assert listed[["speaker_mention", "attribution"]].values.tolist() == [
        ["The critic", "governing_verb"]
    ]


#: The model's parse of '“We will achieve justice,” Eastfield police Chief Dana Reyes said.'
#: in a real article: the town taken for a verb with "Chief" its object and the name an
#: apposition, "said" a subjectless conjunct of the quotation's verb.
CHIEF = [
    ("“", "PUNCT", "``", "punct", 3, "“"),
    ("We", "PRON", "PRP", "nsubj", 3, "we"),
    ("will", "AUX", "MD", "aux", 3, "will"),
    ("achieve", "VERB", "VB", "ROOT", 3, "achieve"),
    ("justice", "NOUN", "NN", "dobj", 3, "justice"),
    (",", "PUNCT", ",", "punct", 3, ","),
    ("”", "PUNCT", "''", "punct", 3, "”"),
    ("Eastfield", "VERB", "VB", "dep", 3, "eastfield"),
    ("police", "NOUN", "NN", "compound", 9, "police"),
    ("Chief", "PROPN", "NNP", "dobj", 7, "Chief"),
    ("Dana", "PROPN", "NNP", "compound", 11, "Dana"),
    ("Reyes", "PROPN", "NNP", "appos", 9, "Reyes"),
    ("said", "VERB", "VBD", "conj", 3, "say"),
    (".", "PUNCT", ".", "punct", 3, "."),
]


def test_a_title_phrase_before_the_name_right_before_a_subjectless_verb() -> None:
    doc = parsed(CHIEF)
    assert doc.text == "“We will achieve justice,” Eastfield police Chief Dana Reyes said."
    assert speakers_of(doc, {"Dana Reyes": ("dana-reyes", "PERSON")}) == [("Dana Reyes", "cue")]


def test_words_before_the_name_that_are_no_title_still_give_no_speaker() -> None:
    # '“…,” Eastfield police met Dana Reyes said.' (no title right before the name): the
    # words before the name are a clause, so the subjectless verb is not hers
    rows = [*CHIEF[:9], ("met", "VERB", "VBD", "dep", 7, "meet"), *CHIEF[10:]]
    doc = parsed(rows)
    assert doc.text == "“We will achieve justice,” Eastfield police met Dana Reyes said."
    assert speakers_of(doc, {"Dana Reyes": ("dana-reyes", "PERSON")}) == [(None, "none")]


def test_a_long_apposition_between_the_name_and_its_subjectless_verb() -> None:
    # '“…,” Dana Reyes, <an apposition of 90 characters>, told the Post.': the model hung the
    # name on a word of the quotation and made "told" a subjectless conjunct of its verb
    apposition = (
        "the executive director of the Eastfield Center for Harbour Justice and the narrator "
        "of the film"
    ).split()
    rows = [
        ("“", "PUNCT", "``", "punct", 2, "“"),
        ("We", "PRON", "PRP", "nsubj", 2, "we"),
        ("win", "VERB", "VBP", "ROOT", 2, "win"),
        (",", "PUNCT", ",", "punct", 2, ","),
        ("”", "PUNCT", "''", "punct", 2, "”"),
        ("Dana", "PROPN", "NNP", "compound", 6, "Dana"),
        ("Reyes", "PROPN", "NNP", "appos", 2, "Reyes"),
        (",", "PUNCT", ",", "punct", 6, ","),
        *((word, "NOUN", "NN", "appos", 6, word.lower()) for word in apposition),
        (",", "PUNCT", ",", "punct", 6, ","),
        ("told", "VERB", "VBD", "conj", 2, "tell"),
        ("the", "DET", "DT", "det", 11 + len(apposition), "the"),
        ("Post", "PROPN", "NNP", "dobj", 9 + len(apposition), "Post"),
        (".", "PUNCT", ".", "punct", 2, "."),
    ]
    doc = parsed(rows)
    between = doc.text[doc.text.index("Reyes") + len("Reyes") : doc.text.index(" told")]
    assert len(between) > 80
    assert speakers_of(doc, {"Dana Reyes": ("dana-reyes", "PERSON")}) == [("Dana Reyes", "cue")]


def test_a_signature_the_rules_cannot_read_is_no_follow_on(tmp_path: Path, cache_dir: Path) -> None:
    # An interview posted as signed lines: the answer's signature is a handle the rules do not
    # read as a name, so the answer has no speaker — not the interviewer's, from the line before.
    text = (
        "The host asked the mayor about the bridge.\n\n"
        "“Do you owe the workers an apology?” –Dana Whitfield\n\n"
        "“No. I said publicly that I was sorry.” -@harbourmayor pic.example.com/x1\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    assert quotes[["text", "speaker_mention", "attribution"]].fillna("-").values.tolist() == [
        ["Do you owe the workers an apology?", "Dana Whitfield", "roundup"],
        ["No. I said publicly that I was sorry.", "-", "none"],
    ]


def test_an_aside_between_dashes_inside_a_quotation_is_no_signature(
    tmp_path: Path, cache_dir: Path
) -> None:
    # '“…” – at a rally in Eastfield – “…”': the dashes set off the reporter's aside between two
    # parts of the mayor's words; the second part is still hers
    text = (
        "The mayor spoke about the council on Monday.\n\n"
        "“I hope the council gets well soon,” Dana Whitfield said. “Its meeting was a week ago” "
        "– at a rally in Eastfield – “so that was a long break.”\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    assert quotes[["text", "speaker", "attribution"]].values.tolist()[:2] == [
        ["I hope the council gets well soon,", "Dana Whitfield", "cue"],
        ["Its meeting was a week ago", "Dana Whitfield", "follow_on"],
    ]
    # the part after the aside is left without a speaker (missing, not someone else's)
    assert quotes.text.tolist()[2] == "so that was a long break."
    assert quotes.speaker.isna().tolist()[2]


def test_a_statement_issued_right_before_a_paragraph_of_quotation_is_the_issuers(
    tmp_path: Path, cache_dir: Path
) -> None:
    # "X issued a statement apologizing …." then a paragraph that is only the quotation: the
    # statement's words. A sentence where someone received a letter says nothing of who wrote
    # the quotation after it.
    text = (
        "The harbour board met on Monday.\n\n"
        "Dana Whitfield issued a statement apologizing to the dock workers for the emails.\n\n"
        "“We want to offer a deep apology to the workers.”\n\n"
        "Tomas Reyes received a letter from the union on Tuesday.\n\n"
        "“The docks will close if nothing changes.”\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    assert quotes[["text", "speaker", "attribution"]].fillna("-").values.tolist() == [
        ["We want to offer a deep apology to the workers.", "Dana Whitfield", "colon"],
        ["The docks will close if nothing changes.", "-", "none"],
    ]


def test_what_someone_went_on_about_is_theirs(tmp_path: Path, cache_dir: Path) -> None:
    # "As X went on about “…”, Y said yes": X is talking ("went on" with only what it is about),
    # so the quoted words are X's, not those of the main clause's speaker
    text = (
        "Marta Lindqvist watched the rally on television.\n\n"
        "As Tomas Reyes went on about “how the system is rigged,” Lindqvist said yes, over and "
        "over again.\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    assert quotes[["text", "speaker"]].values.tolist() == [
        ["how the system is rigged,", "Tomas Reyes"]
    ]


def test_a_participle_the_parser_hung_on_a_subordinate_clause_is_the_sentences_subjects(
    tmp_path: Path, cache_dir: Path
) -> None:
    # "X seemed miffed that the agency has not …, saying …": the model ties "saying" to the
    # verb of the "that" clause, whose subject is the agency; the sentence's subject says it
    text = (
        "Judge Maria Ostrowski heard the case on Friday. But Judge Ostrowski seemed miffed that "
        "the agency has not yet collected all of the erroneous permits, saying she detected a "
        "“cavalier attitude” at the agency.\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    assert quotes[["kind", "text", "speaker"]].values.tolist() == [
        ["indirect", "she detected a “cavalier attitude” at the agency", "Maria Ostrowski"],
        ["partial", "cavalier attitude", "Maria Ostrowski"],
    ]


def test_a_participle_after_a_subordinate_clause_stays_there_when_the_subject_is_a_thing(
    tmp_path: Path, cache_dir: Path
) -> None:
    # "The apology came hours after X expressed his anger …, saying, “…”": an apology says
    # nothing; the participle is X's
    text = (
        "Marta Lindqvist spoke about the comments on Saturday. The apology came hours after "
        "Tomas Reyes expressed his anger over the comments to reporters in Eastfield, saying, "
        "“Lindqvist has to apologize for his statements.”\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    assert quotes[["text", "speaker"]].values.tolist() == [
        ["Lindqvist has to apologize for his statements.", "Tomas Reyes"]
    ]


def test_a_name_the_parser_hung_on_the_noun_after_a_role_is_the_roles(
    tmp_path: Path, cache_dir: Path
) -> None:
    # "said a spokesman for Mr. X, Y,": the model makes Y an apposition of X, not of the
    # spokesman; a role's preposition ties the name to the role (session 22)
    text = (
        "The vice president's office declined to comment on the plan. “The vice president has "
        "been clear about this,” said a spokesman for Mr. Okafor, Stephen Marsh, on Tuesday.\n"
    )
    quotes = build_one(tmp_path, cache_dir, text).quotes
    assert quotes[["text", "speaker"]].values.tolist() == [
        ["The vice president has been clear about this,", "Stephen Marsh"]
    ]
