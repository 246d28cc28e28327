"""The per-article lookups quote extraction runs thousands of times: mentions by offset
(`quotes.named`), quoted spans (`quotes.marks.Quoted`) and channel words (`quotes.cues`).

Each answers as a plain scan of every mention or span would (checked on hand-made examples and,
with hypothesis, against that scan on random spans).
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from analysis.quotes.cues import CHANNELS, find_channel
from analysis.quotes.marks import Quoted
from analysis.quotes.named import MentionIndex

BODY = "Mayor Olena Marchuk met the Northern Counties Transit Authority on Monday in Brody."
#: (start, end, entity_id, text) of the body's three names, in body order.
ROWS = [
    (BODY.index("Olena"), BODY.index(" met"), "olena-marchuk", "Olena Marchuk"),
    (BODY.index("Northern"), BODY.index(" on"), "ncta", "Northern Counties Transit Authority"),
    (BODY.index("Brody"), BODY.index("."), "brody", "Brody"),
]
LABELS = {"olena-marchuk": "PERSON", "ncta": "ORG", "brody": "GPE"}


def texts(found) -> list[str]:
    return [m.text for m in found]


def test_mentions_are_looked_up_by_offset() -> None:
    index = MentionIndex.from_rows(ROWS, LABELS)
    assert [BODY[m.start : m.end] for m in index] == [
        "Olena Marchuk",
        "Northern Counties Transit Authority",
        "Brody",
    ]
    assert [m.label for m in index] == ["PERSON", "ORG", "GPE"]
    marchuk = BODY.index("Marchuk")
    # "Marchuk" is inside the mention "Olena Marchuk"; "Mayor" touches no name.
    assert texts(index.overlapping(marchuk, marchuk + 1)) == ["Olena Marchuk"]
    assert texts(index.overlapping(0, len("Mayor"))) == []
    # The sentence up to "Monday" holds two whole names; "Transit Authority on" only a part.
    assert texts(index.within(0, BODY.index(" in Brody"))) == [
        "Olena Marchuk",
        "Northern Counties Transit Authority",
    ]
    assert texts(index.within(BODY.index("Transit"), BODY.index(" Monday"))) == []
    assert texts(index.ending_by(BODY.index("Brody"))) == [
        "Olena Marchuk",
        "Northern Counties Transit Authority",
    ]


def test_mentions_in_a_dateline_are_left_out_and_unknown_entities_have_no_label() -> None:
    index = MentionIndex.from_rows(ROWS, {"ncta": "ORG"}, skip=[(0, BODY.index(" met"))])
    assert texts(index) == ["Northern Counties Transit Authority", "Brody"]
    assert [m.label for m in index] == ["ORG", None]


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_mention_lookups_agree_with_a_scan(found, start, length) -> None:
    rows = [(s, e, f"e{i}", f"m{i}") for i, (s, e) in enumerate(found)]
    index = MentionIndex.from_rows(rows, {})
    end = start + length
    ordered = sorted(rows, key=lambda r: r[0])  # body order; ties keep the table order
    assert [m.text for m in index.overlapping(start, end)] == [
        t for s, e, _, t in ordered if s < end and e > start
    ]
    assert [m.text for m in index.within(start, end)] == [
        t for s, e, _, t in ordered if s >= start and e <= end
    ]
    assert [m.text for m in index.ending_by(end)] == [t for s, e, _, t in ordered if e <= end]


def test_quoted_spans() -> None:
    body = "“We will appeal,” he said, calling it “a dark day.”"
    quoted = Quoted([(body.index("a dark"), body.index(".”") + 1), (1, body.index(",”"))])
    assert [body[s:e] for s, e in quoted.spans] == ["We will appeal", "a dark day."]
    assert quoted.covers(body.index("appeal"))
    assert not quoted.covers(body.index("he said"))
    assert not quoted.covers(body.index(",”"))  # the end is outside
    assert quoted.starts_within(body.index("calling"), len(body))
    assert not quoted.starts_within(body.index("he said"), body.index("calling"))
    assert [body[s:e] for s, e in quoted.overlapping(body.index("said"), len(body))] == [
        "a dark day."
    ]


@given(spans, st.integers(0, 80), st.integers(0, 20))
@example([(0, 10), (2, 4)], 6, 1)  # inside a long span that a short one starts after
def test_quoted_lookups_agree_with_a_scan(found, offset, length) -> None:
    quoted = Quoted(found)
    end = offset + length
    assert quoted.covers(offset) == any(s <= offset < e for s, e in found)
    assert quoted.starts_within(offset, end) == any(offset <= s < end for s, _ in found)
    assert sorted(quoted.overlapping(offset, end)) == sorted(
        (s, e) for s, e in found if s < end and e > offset
    )


def test_channels() -> None:
    assert find_channel("The ministry said in a statement on Monday.") == "statement"
    assert find_channel("She wrote on Facebook, then in a letter.") == "Facebook"
    assert find_channel("He tweeted twice.") == "Twitter"
    assert find_channel("The facebook of the school.") is None  # the platform is capitalised
    assert find_channel("The statements of the inspectors.") is None  # whole words only
    assert find_channel("Officials said the talks would resume.") is None


@given(
    st.lists(
        st.sampled_from(
            [
                "Facebook",
                "facebook",
                "TWEETS",
                "tweeted",
                "Telegram",
                "press release",
                "interview",
                "ſtatement",
                "İnterview",
                "letters",
                "letter",
                "said",
                " ",
                ", ",
                "x",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_find_channel_agrees_with_the_patterns(text) -> None:
    # Case-insensitive patterns also match "ſ" as s and "İ" as i: the quick word test must too.
    expected = next((name for name, pattern in CHANNELS if pattern.search(text)), None)
    assert find_channel(text) == expected
