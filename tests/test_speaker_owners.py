"""Speech verbs whose subject is the words, not the speaker (issue 21, session 23): a noun for
someone's words as the subject ("Her assumption, stated on TV, was …") gives the quotation to
its possessor, and a second subject the parser gave the verb before the quotation ("Her final
assessment: “…,” X said") is passed over for the one next to the verb; a plural relative clause
after two names ("X and Y, who say") is neither one's; a speech verb the parser joined to the
verb of a reported clause about a thing is the reporter's. Hand-parsed sentences pin down the
parses the model gave real text."""

from __future__ import annotations

from analysis.quotes.speakers import QuoteFinder
from tests.test_speaker_cues import parsed, quotes_of, speakers_of

#: The model's parse of 'Her final assessment: “It is not quite a recovery,” she said.' in a
#: real article: both "assessment" and the pronoun are subjects of "said".
ASSESSMENT = [
    ("Her", "PRON", "PRP$", "poss", 2, "her"),
    ("final", "ADJ", "JJ", "amod", 2, "final"),
    ("assessment", "NOUN", "NN", "nsubj", 14, "assessment"),
    (":", "PUNCT", ":", "punct", 14, ":"),
    ("“", "PUNCT", "``", "punct", 6, "“"),
    ("It", "PRON", "PRP", "nsubj", 6, "it"),
    ("is", "AUX", "VBZ", "ccomp", 14, "be"),
    ("not", "PART", "RB", "neg", 6, "not"),
    ("quite", "ADV", "RB", "advmod", 10, "quite"),
    ("a", "DET", "DT", "det", 10, "a"),
    ("recovery", "NOUN", "NN", "attr", 6, "recovery"),
    (",", "PUNCT", ",", "punct", 6, ","),
    ("”", "PUNCT", "''", "punct", 6, "”"),
    ("Kowalczyk", "PROPN", "NNP", "nsubj", 14, "Kowalczyk"),
    ("said", "VERB", "VBD", "ROOT", 14, "say"),
    (".", "PUNCT", ".", "punct", 14, "."),
]
KOWALCZYK = {"Kowalczyk": ("rena-kowalczyk", "PERSON")}


def test_the_subject_next_to_the_verb_after_the_quotation_speaks() -> None:
    doc = parsed(ASSESSMENT)
    assert doc.text == "Her final assessment : “It is not quite a recovery,” Kowalczyk said."
    # Before: "Her final assessment", the first subject, was taken and named no one.
    assert speakers_of(doc, KOWALCZYK) == [("Kowalczyk", "cue")]


def test_a_second_subject_with_no_whole_quotation_before_it_is_not_preferred() -> None:
    # 'No more “cheap loans,” Kowalczyk and her allies declared': the parser made the quoted
    # noun and "allies" subjects; only a closing mark lies between them, so no quotation the
    # verb's own subject follows — the first subject outside the quotation still counts.
    rows = [
        ("No", "DET", "DT", "neg", 1, "no"),
        ("more", "ADJ", "JJR", "amod", 4, "more"),
        ("“", "PUNCT", "``", "punct", 4, "“"),
        ("cheap", "ADJ", "JJ", "amod", 4, "cheap"),
        ("loans", "NOUN", "NNS", "nsubj", 11, "loan"),
        (",", "PUNCT", ",", "punct", 4, ","),
        ("”", "PUNCT", "''", "punct", 4, "”"),
        ("Kowalczyk", "PROPN", "NNP", "appos", 4, "Kowalczyk"),
        ("and", "CCONJ", "CC", "cc", 7, "and"),
        ("her", "PRON", "PRP$", "poss", 10, "her"),
        ("allies", "NOUN", "NNS", "nsubj", 11, "ally"),
        ("declared", "VERB", "VBD", "ROOT", 11, "declare"),
        (".", "PUNCT", ".", "punct", 11, "."),
    ]
    doc = parsed(rows)
    assert doc.text == "No more “cheap loans,” Kowalczyk and her allies declared."
    subject = QuoteFinder.subject_of(doc[-2])
    assert subject is not None and subject.text == "loans"


#: The model's parse of 'His assumption, confidently stated on live TV, was that “as voters
#: get more educated,” they would …' in a real article, with a name for the possessive: the
#: speech verb is a participle on the noun for the words, the subject of "was".
ASSUMPTION = [
    ("Varga", "PROPN", "NNP", "poss", 2, "Varga"),
    ("’s", "PART", "POS", "case", 0, "’s"),
    ("assumption", "NOUN", "NN", "nsubj", 8, "assumption"),
    (",", "PUNCT", ",", "punct", 2, ","),
    ("stated", "VERB", "VBN", "acl", 2, "state"),
    ("on", "ADP", "IN", "prep", 4, "on"),
    ("TV", "NOUN", "NN", "pobj", 5, "tv"),
    (",", "PUNCT", ",", "punct", 2, ","),
    ("was", "AUX", "VBD", "ROOT", 8, "be"),
    ("that", "SCONJ", "IN", "mark", 13, "that"),
    ("voters", "NOUN", "NNS", "nsubj", 13, "voter"),
    ("would", "AUX", "MD", "aux", 13, "would"),
    ("“", "PUNCT", "``", "punct", 13, "“"),
    ("learn", "VERB", "VB", "ccomp", 8, "learn"),
    ("more", "ADV", "RBR", "advmod", 13, "more"),
    ("about", "ADP", "IN", "prep", 13, "about"),
    ("him", "PRON", "PRP", "pobj", 15, "he"),
    (".", "PUNCT", ".", "punct", 8, "."),
    ("”", "PUNCT", "''", "punct", 8, "”"),
]
VARGA = {"Varga": ("tomas-varga", "PERSON")}


def test_a_noun_for_someones_words_as_subject_gives_its_possessor() -> None:
    doc = parsed(ASSUMPTION)
    assert doc.text == (
        "Varga’s assumption, stated on TV, was that voters would “learn more about him.”"
    )
    # Before: "Varga’s assumption" was the speaker's words and named no one.
    assert speakers_of(doc, VARGA) == [("Varga", "cue")]


def test_a_possessed_noun_that_is_no_words_gives_no_speaker() -> None:
    # "Varga’s campaign, stated on TV, …": a campaign is not anyone's words (nor Varga)
    rows = [*ASSUMPTION[:2], ("campaign", "NOUN", "NN", "nsubj", 8, "campaign"), *ASSUMPTION[3:]]
    doc = parsed(rows)
    assert doc.text.startswith("Varga’s campaign, stated on TV, was")
    assert speakers_of(doc, VARGA) == [(None, "cue")]


#: The model's parse of "…, particularly Govs. X and Y, who say the freshman senator doesn’t
#: have the experience …" in a real article: the first name a fragment's root, the second its
#: conjunct, and the relative clause hung on the second.
RIVALS = [
    ("Jed", "PROPN", "NNP", "compound", 1, "Jed"),
    ("Bauer", "PROPN", "NNP", "ROOT", 1, "Bauer"),
    ("and", "CCONJ", "CC", "cc", 1, "and"),
    ("Chris", "PROPN", "NNP", "compound", 4, "Chris"),
    ("Calder", "PROPN", "NNP", "conj", 1, "Calder"),
    (",", "PUNCT", ",", "punct", 4, ","),
    ("who", "PRON", "WP", "nsubj", 7, "who"),
    ("say", "VERB", "VBP", "relcl", 4, "say"),
    ("the", "DET", "DT", "det", 9, "the"),
    ("senator", "NOUN", "NN", "nsubj", 10, "senator"),
    ("lacks", "VERB", "VBZ", "ccomp", 7, "lack"),
    ("“", "PUNCT", "``", "punct", 13, "“"),
    ("the", "DET", "DT", "det", 13, "the"),
    ("experience", "NOUN", "NN", "dobj", 10, "experience"),
    ("needed", "VERB", "VBN", "acl", 13, "need"),
    (".", "PUNCT", ".", "punct", 1, "."),
    ("”", "PUNCT", "''", "punct", 1, "”"),
]
RIVAL_NAMES = {"Jed Bauer": ("jed-bauer", "PERSON"), "Chris Calder": ("chris-calder", "PERSON")}


def test_a_plural_relative_clause_on_two_names_is_no_one_of_them() -> None:
    doc = parsed(RIVALS)
    assert (
        doc.text == "Jed Bauer and Chris Calder, who say the senator lacks “the experience needed.”"
    )
    # Before: Chris Calder, the name the parser hung "who say" on; both say it.
    rows = [r for r in quotes_of(doc, RIVAL_NAMES) if r["kind"] == "partial"]
    assert [(r["speaker"], r["speaker_mention"]) for r in rows] == [
        (None, "Jed Bauer and Chris Calder")
    ]


def test_a_singular_relative_clause_after_two_names_is_the_last_ones() -> None:
    # "…, who says …": a singular verb, so the relative clause is the last name's alone
    rows = [*RIVALS[:7], ("says", "VERB", "VBZ", "relcl", 4, "say"), *RIVALS[8:]]
    doc = parsed(rows)
    assert "Calder, who says the senator" in doc.text
    assert speakers_of(doc, RIVAL_NAMES) == [("Chris Calder", "governing_verb")]


#: The model's parse of "He said his recent attacks on Trump have given his campaign momentum
#: and said that Trump did not represent the legacy of the “party of Reagan.”" in a real
#: article (names changed): the second "said" a conjunct of "given", the verb of what the
#: first "said" reports.
ATTACKS = [
    ("Varga", "PROPN", "NNP", "nsubj", 1, "Varga"),
    ("said", "VERB", "VBD", "ROOT", 1, "say"),
    ("his", "PRON", "PRP$", "poss", 4, "his"),
    ("recent", "ADJ", "JJ", "amod", 4, "recent"),
    ("attacks", "NOUN", "NNS", "nsubj", 6, "attack"),
    ("have", "AUX", "VBP", "aux", 6, "have"),
    ("given", "VERB", "VBN", "ccomp", 1, "give"),
    ("him", "PRON", "PRP", "dative", 6, "he"),
    ("momentum", "NOUN", "NN", "dobj", 6, "momentum"),
    ("and", "CCONJ", "CC", "cc", 6, "and"),
    ("said", "VERB", "VBD", "conj", 6, "say"),
    ("that", "SCONJ", "IN", "mark", 13, "that"),
    ("Kiss", "PROPN", "NNP", "nsubj", 13, "Kiss"),
    ("represents", "VERB", "VBZ", "ccomp", 10, "represent"),
    ("no", "DET", "DT", "det", 16, "no"),
    ("“", "PUNCT", "``", "punct", 16, "“"),
    ("party", "NOUN", "NN", "dobj", 13, "party"),
    ("of", "ADP", "IN", "prep", 16, "of"),
    ("farmers", "NOUN", "NNS", "pobj", 17, "farmer"),
    (".", "PUNCT", ".", "punct", 1, "."),
    ("”", "PUNCT", "''", "punct", 1, "”"),
]
VARGA_AND_KISS = {"Varga": ("tomas-varga", "PERSON"), "Kiss": ("anna-kiss", "PERSON")}


def test_a_speech_verb_joined_to_a_reported_clause_about_a_thing_is_the_reporters() -> None:
    doc = parsed(ATTACKS)
    assert doc.text == (
        "Varga said his recent attacks have given him momentum and said that Kiss represents "
        "no “party of farmers.”"
    )
    # Before: "his recent attacks", the subject of "given", said it and named no one.
    assert speakers_of(doc, VARGA_AND_KISS) == [("Varga", "governing_verb")]


def test_a_speech_verb_joined_to_a_reported_clause_about_someone_stays_theirs() -> None:
    # "Varga said Dr. Anna Kiss has given him momentum and said that …": a person named as the
    # reported clause's subject may have said it too; the conjunct stays hers
    rows = [*ATTACKS[:2], ("Dr.", "PROPN", "NNP", "compound", 4, "Dr.")]
    rows += [("Anna", "PROPN", "NNP", "compound", 4, "Anna")]
    rows += [("Kiss", "PROPN", "NNP", "nsubj", 6, "Kiss"), ("has", "AUX", "VBZ", "aux", 6, "have")]
    rows += ATTACKS[6:]
    doc = parsed(rows)
    assert doc.text.startswith("Varga said Dr. Anna Kiss has given him momentum and said that")
    subject = QuoteFinder.subject_of(doc[10])
    assert subject is not None and subject.text == "Kiss"
