"""The `quotes` table: quotes found in each article, with their speakers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..text.datelines import find_datelines
from ..text.lexicon import SPEECH_VERBS, words
from ..text.parse import doc_text
from .clauses import follows_without, subject_hung_on_relative
from .cues import CONTINUING_WORDS, REPORTING_VERBS, ROUNDUP_DASHES
from .introductions import is_signed
from .issuers import attribute_to_owner, find_passive_agent
from .marks import (
    CLOSE_MARKS,
    OPEN_MARKS,
    TITLE_MAX_WORDS,
    TITLE_SMALL,
    MarkReader,
    Quoted,
    Segment,
    follows_name_opener,
    marks_view,
    names_a_work,
    title_words,
)
from .named import MentionIndex
from .speakers import Attribution, QuoteFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: A sentence going on with the reported speech of the one before: "And that … “…”".
_CONTINUES = re.compile(r"^(?:and |but )?that\b", re.IGNORECASE)
#: What may stand between a quotation's end and a sentence that goes on with its attribution:
#: the closing mark and spaces, no paragraph break.
_TAIL_GAP = re.compile(rf"[{CLOSE_MARKS}’ ]*")
#: What may stand between the sentence of an attribution and a quotation going on right after
#: it in the same paragraph.
_ADJOINING = re.compile(rf"[ {OPEN_MARKS}]*")
#: A sentence of closing marks and spaces only (the model may end a quotation's sentence
#: after its last word, before the mark).
_CLOSING_MARKS = re.compile(rf"[\s{CLOSE_MARKS}’]+")
#: What may stand between a sentence's start and a quotation that opens it.
_OPENING_MARKS = re.compile(rf"[\s{OPEN_MARKS}(\[]*")
#: A partial quote of at most this many words with no speaker is a scare quote or a title.
SCARE_QUOTE_MAX_WORDS = 4


def find_quotes(
    article_id: str,
    doc: Doc,
    *,
    paragraphs: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    mentions: list[tuple[int, int, str, str]],
    labels: Mapping[str, str],
    names: Mapping[str, str],
) -> tuple[list[dict[str, Any]], list[str]]:
    """Finds every quote of one article.

    Args:
        article_id: The article.
        doc: Its parsed body.
        paragraphs: (start, end) body offsets of each paragraph.
        sentences: Its rows of the `sentences` table as (sentence_id, start), in table order.
        mentions: Its rows of the `mentions` table as (start, end, entity_id, text).
        labels: Each entity's label (entity_id → label, from the `entities` table).
        names: Each entity's name (entity_id → name).

    Returns:
        Rows of the `quotes` table (without `quote_id`) in body order, and warnings.
    """
    body = doc_text(doc)
    # Two-character marks (`''`, ``` `` ```) read as curly ones, offsets unchanged: every test
    # of the characters around a quote reads `view`; the rows' text is the body's.
    view = marks_view(body)
    bylines = find_datelines(body)
    # A dateline's agency or a byline's author is never a speaker.
    named = MentionIndex.from_rows(mentions, labels, skip=bylines)
    reader = MarkReader(article_id, view, paragraphs)
    segments = reader.find_segments()
    quoted = Quoted((s.start, s.end) for s in segments)
    finder = QuoteFinder(
        article_id,
        doc,
        paragraphs,
        named,
        labels,
        text=view,
        quoted=quoted,
        bylines=bylines,
        names=names,
    )
    sentence_ids = [int(i) for i, _ in sentences]
    sentence_starts = sorted(s for _, s in sentences)

    def sentence_id_of(offset: int) -> int:
        # The sentences starting at or before the offset, counted; the last of them in order.
        return sentence_ids[max(0, bisect_right(sentence_starts, offset) - 1)]

    by_chain: dict[int, list[Segment]] = {}
    for s in segments:
        by_chain.setdefault(s.chain, []).append(s)
    events: list[tuple[int, str, Any]] = [(c[0].start, "quote", c) for c in by_chain.values()]
    events += [(int(sent.start_char), "sentence", sent) for sent in doc.sents]
    events.sort(key=lambda e: (e[0], e[1] == "quote"))
    history: list[Attribution] = []
    rows: list[dict[str, Any]] = []
    sents = list(doc.sents)
    position = {s.start: i for i, s in enumerate(sents)}

    def row(start: int, end: int, kind: str, who: Attribution) -> dict[str, Any]:
        return {
            "article_id": article_id,
            "paragraph_id": _paragraph_of(paragraphs, start),
            "sentence_id": sentence_id_of(start),
            "start": start,
            "end": end,
            "text": body[start:end],
            "kind": kind,
            "speaker": names.get(who.entity_id) if who.entity_id else None,
            "speaker_entity_id": who.entity_id,
            "speaker_mention": who.mention,
            "cue": who.cue,
            "channel": who.channel,
            "attribution": who.how,
            "_last_sentence": sentence_id_of(end - 1),
        }

    earlier_quotes: list[tuple[str, Attribution]] = []
    for _, what, item in events:
        if what == "sentence":
            found = _indirect(finder, item, history)
            for start, end, who in found:
                who.at = int(item.end_char)
                history.append(who)
                rows.append(row(start, end, "indirect", who))
            if found:
                continue
            if not quoted.starts_within(item.start_char, item.end_char):
                # "X criticized the report." makes X the speaker of a quotation that follows.
                who, verb = finder.attribute(
                    [item], history, previous_sentence=None, next_sentence=None
                )
                if verb is not None and who.entity_id:
                    who.at = item.end_char
                    history.append(who)
            continue
        chain: list[Segment] = item
        first, last = chain[0], chain[-1]
        start, end = first.start, last.end
        span_sents = sorted(
            {finder.sentence_of(start), finder.sentence_of(end - 1)}, key=lambda s: s.start
        )
        first_i, last_i = position[span_sents[0].start], position[span_sents[-1].start]
        previous = sents[first_i - 1] if first_i > 0 else None
        introducer = None
        if (
            previous is not None
            and first_i > 1
            and _OPENING_MARKS.fullmatch(finder.text_of(previous))
        ):
            # "As X writes in her column, two promises decided it:" then a paragraph whose
            # opening mark the model made a sentence of its own: the sentence before the mark
            # introduces it.
            introducer = sents[first_i - 2]
        following = sents[last_i + 1] if last_i + 1 < len(sents) else None
        if following is not None and _CLOSING_MARKS.fullmatch(finder.text_of(following)):
            # "“…” ¶ — X, Y": the model made the closing mark a sentence of its own; the
            # sentence after the quotation is the one after the mark.
            last_i += 1
            following = sents[last_i + 1] if last_i + 1 < len(sents) else None
        tail = []
        if (
            following is not None
            and _ends_open(view[:end])
            and _TAIL_GAP.fullmatch(view[end : following.start_char])
            and _opens_attribution(following)
        ):
            # “…?” she asked. — the model ends a sentence at the mark inside the quotation (or
            # after the closing mark of `The plan “…,” X said.`, though a comma ends no
            # sentence): the words right after the closing mark are read last, as the end of
            # the quote's sentence.
            tail = [following]
            following = sents[last_i + 2] if last_i + 2 < len(sents) else None
        text = body[start:end]
        kind = "direct" if first.opens_sentence else "partial"
        if _OPENING_MARKS.fullmatch(view[span_sents[0].start_char : start]) is None:
            # "X tweeted it for context:" does not introduce a quotation inside the next
            # sentence's own words ("Y was far from “…”").
            previous = introducer = None
        within = (finder.paragraph_span(start)[0], finder.paragraph_span(end - 1)[1])
        earlier = None
        if kind == "partial" and not _labels_a_noun(finder, start, end):
            earlier = _earlier_speaker(text, earlier_quotes)
        if earlier is not None:
            who = earlier
        else:
            who, _verb = finder.attribute(
                [*reversed(span_sents), *tail],
                history,
                previous_sentence=previous,
                next_sentence=following,
                current=(first.start, first.end),
                within=within,
            )
            if who.how == "none" and introducer is not None:
                # only when it names who: else the quotation may go on from the last speaker
                introduced, _verb = finder.attribute(
                    [*reversed(span_sents), *tail],
                    history,
                    previous_sentence=introducer,
                    next_sentence=following,
                    current=(first.start, first.end),
                    within=within,
                )
                who = introduced if introduced.entity_id else who
        if who.how == "none" and earlier is None:  # "X's refrain: “…”", "“…” is X's motto"
            owned = [previous] if previous is not None else []
            who = attribute_to_owner(finder, [*owned, *span_sents], first.start, history) or who
        goes_on = kind == "direct" or _CONTINUES.match(finder.text_of(span_sents[0])) is not None
        opening = view[span_sents[0].start_char : start]
        if not goes_on and _adjoins(view, history, span_sents[0].start_char, within[0]):
            # "“…,” X said. Instead, “…”", "“…,” X said. For renters, on the other hand,
            # “…”": a connective or a phrase set off by a comma, then the quotation, right
            # after the attribution
            goes_on = _connective_only(opening) or _set_off(opening)
        if who.how == "none" and goes_on:
            # "“…,” X said. “…” - a point of the reporter's": a quotation right after the
            # previous one's attribution, in its paragraph, may go on with the reporter's
            # words; elsewhere the sentence has no verb of its own.
            before = end if _adjoins(view, history, start, within[0]) else len(view)
            if not _has_verb(span_sents, quoted, (within[0], min(within[1], before))):
                who = _follow_on(finder, history, start, end)
        who.at = max(end, int([*span_sents, *tail][-1].end_char))
        history.append(who)
        earlier_quotes.append((text, who))
        n_words = len(words(text))
        short = kind == "partial" and n_words <= SCARE_QUOTE_MAX_WORDS
        if short and who.entity_id is None and who.how == "none":
            continue  # a scare quote or a title, not anyone's statement
        if (
            _inside_a_name(named, start, end, text)
            or kind == "partial"
            and (
                is_title(text)
                # a period or comma closing a partial quote is the reporter's, put inside the
                # marks ("a taping of “Y Hollywood.”", "the anchor of “Z Nightly News,”"),
                # unless someone "called" something so: their words ("X called the plan “A
                # Disaster for Y,” and left")
                or is_title(text.rstrip(".,"))
                and not (who.cue == "call" and who.how == "governing_verb")
                or follows_name_opener(view, start)
                or names_a_work(view, start, end)
                or _named_in_passive(doc, view, start, text)
            )
        ):
            # the title of a programme, book or film, or a group's name: no one's words. One
            # given to whoever quoted the same words earlier ("repeated") names no speaker for
            # the next quotation to go on with ("X said on “Y Today.” ¶ “…”" is X's).
            if who.how == "repeated":
                history.pop()
            continue
        rows.append(row(start, end, kind, who))
    rows.sort(key=lambda r: (r["start"], r["kind"] == "indirect"))
    return rows, reader.warnings


def _inside_a_name(named: MentionIndex, start: int, end: int, text: str) -> bool:
    """Returns whether quoted capitalised words (`marks.title_words`) are part of a name that
    goes on outside the quotation marks, not anyone's words: a mention overlapping them starts
    before the opening mark or ends after the closing one (a nickname, 'Lt. Gen. Jane “Jay”
    Roe', read as a direct quotation when a comma follows; a brand inside an organisation's
    name, 'the X “Daybreak” Poll')."""
    if not title_words(text, least=1):
        return False
    return any(m.start < start - 1 or m.end > end + 1 for m in named.overlapping(start, end))


#: "called", "named" or "known as" right before an opening mark.
_NAMING_BEFORE = re.compile(rf"\b(called|named|known\s+(?:\w+ly\s+)?as)\s*[{OPEN_MARKS}]\s*$")


def _named_in_passive(doc: Doc, view: str, start: int, text: str) -> bool:
    """Returns whether the quoted words starting at `start` are a name given in the passive, not
    anyone's words: at least two capitalised words (`marks.title_words`) right after "known as"
    or a passive "called"/"named" ("a group called “Friends of the Valley,”", "the ad is simply
    called “Fair Fares.”"; not `X called the plan “…”`, whose words are X's)."""
    found = _NAMING_BEFORE.search(view, max(0, start - 30), start)
    if found is None or not title_words(text):
        return False
    if found[1].startswith("known"):
        return True
    verb = doc.char_span(found.start(1), found.end(1))
    return verb is not None and len(verb) == 1 and verb[0].tag_ == "VBN"


def _ends_open(quoted: str) -> bool:
    """Whether a quotation's words end with `?` or `!` (where the model ends a sentence inside
    the quotation), or with a comma, after any nested closing quote (`…,’”`, `…?’”`)."""
    return quoted.rstrip().rstrip("’'")[-1:] in ("?", "!", ",")


def _opens_attribution(sent: Span) -> bool:
    """Whether a sentence starts as an attribution does: with who spoke (a name, a pronoun, a
    description: "accountant X", "the mayor") or a speech verb ("asked X"), after any quote marks
    — not with a new clause ("Instead of answering, X …", "Then X …")."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return False
    first = words[0]
    if first.lemma_.lower() in SPEECH_VERBS:
        return True
    return first.pos_ not in ("ADV", "SCONJ", "ADP", "CCONJ", "AUX", "VERB", "PART", "INTJ")


def is_title(text: str) -> bool:
    """Returns whether quoted words are a title or a name rather than anyone's words: at most
    `TITLE_MAX_WORDS` words, every one capitalised but small function words, no sentence
    punctuation ("Fox News Sunday", "Meet the Press", "Women for Y").

    A single capitalised word is not enough (it may be a quoted word at a sentence start)."""
    found = re.findall(r"[\w'’-]+|[.!?,;:]", text.strip())
    if not 2 <= len(found) <= TITLE_MAX_WORDS or any(w in ".!?,;:" for w in found):
        return False
    first, *rest = found
    return first[:1].isupper() and all(w[:1].isupper() or w.lower() in TITLE_SMALL for w in rest)


def _follow_on(
    finder: QuoteFinder, history: list[Attribution], offset: int, end: int
) -> Attribution:
    """A paragraph that is only a quotation continues the previous speaker, unless someone else
    was named or quoted in between (not only in sentences whose first subject is the speaker's
    name), or the next paragraph is a dash line (`— X, Y`: a roundup line says whose the words
    are, even one the rules could not read), or a dash follows the quotation on its line (a
    signature, `“…” -X`, read or not)."""
    if history and history[-1].entity_id is None and history[-1].asked:
        # "X was asked, “…?” His reply was short. “…”": the one asked answers
        if finder.text[offset:end].rstrip(" ’'" + CLOSE_MARKS)[-1:] == "?":
            return Attribution()
        asked = history[-1]
        history = [*history[:-1], Attribution(asked.asked, at=asked.at)]
    if not history or history[-1].entity_id is None:
        return Attribution()
    line = finder.text[finder.paragraph_span(end - 1)[1] :].lstrip().split("\n", 1)[0]
    if line[:1] in ROUNDUP_DASHES and line.rstrip(" .")[-1:] not in ROUNDUP_DASHES:
        return Attribution()  # not a heading between dashes ("– A new start –")
    if is_signed(finder.text, end):
        return Attribution()  # "“…” -X pic.twitter.com/…": signed, even where unread
    prior = history[-1]
    span = finder.doc.char_span(prior.at, offset, alignment_mode="contract")
    if set(finder.named_between(prior.at, offset)) - {prior.entity_id} and not _about(
        finder, span, prior.entity_id
    ):
        return Attribution()
    introduced = [
        t
        for t in span or []
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and finder.outside_quotes(t.idx)
    ]
    if any(finder.mention_at(t.idx) != prior.entity_id for t in introduced):
        return Attribution()  # a new name as a subject, even one the entity rules missed
    return Attribution(prior.entity_id, how="follow_on")


def _about(finder: QuoteFinder, span: Span | None, entity_id: str | None) -> bool:
    """Returns whether every sentence of a span between two quotations opens with the
    speaker's name as its first subject ("X has high hopes for Y."): the others named
    there are what the speaker spoke of, not new speakers."""
    sentences = {t.sent.start: t.sent for t in span or [] if t.is_alpha}
    if not sentences:
        return False
    for sent in sentences.values():
        subject = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or finder.mention_at(subject.idx) != entity_id:
            return False
    return True


def link_utterances(rows: list[dict[str, Any]]) -> None:
    """Sets `parent_quote_id` on rows of one article: rows of one speaker in overlapping
    sentences are one utterance (an indirect quote and the partial quote inside it, a direct
    quote and the reported clause that goes on after it); the first row is its parent.

    Args:
        rows: One article's rows with `quote_id`, in body order; changed in place.
    """
    parents: list[dict[str, Any]] = []
    for r in rows:
        r["parent_quote_id"] = None
        key = r["speaker_entity_id"] or r["speaker_mention"]
        for p in parents:
            same = key is not None and key == (p["speaker_entity_id"] or p["speaker_mention"])
            if same and r["sentence_id"] <= p["_last_sentence"]:
                r["parent_quote_id"] = p["quote_id"]
                p["_last_sentence"] = max(p["_last_sentence"], r["_last_sentence"])
                break
        else:
            parents.append(r)
    for r in rows:
        r.pop("_last_sentence", None)


def _paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> int:
    return next(i for i, (s, e) in enumerate(paragraphs) if s <= offset <= e)


def _adjoins(body: str, history: list[Attribution], offset: int, paragraph: int) -> bool:
    """Returns whether a quotation starts right after the sentence of the last attribution,
    in the same paragraph (starting at `paragraph`): only spaces and opening marks between."""
    if not history or not paragraph <= history[-1].at <= offset:
        return False
    gap = body[history[-1].at : offset]
    return _ADJOINING.fullmatch(gap) is not None and bool(
        body[paragraph : offset - len(gap)].strip()
    )


def _connective_only(opening: str) -> bool:
    """Returns whether a sentence's words before its quotation are one connective word
    ("Instead,", "Then", "Indeed,"), with punctuation and opening marks."""
    found = re.findall(r"[\w'’-]+", opening)
    return len(found) == 1 and found[0].lower() in CONTINUING_WORDS


def _set_off(opening: str) -> bool:
    """Returns whether a sentence's words before its quotation end with a comma (a phrase set
    off before the clause the quotation holds: "For renters, on the other hand, “…”")."""
    return opening.rstrip(" " + OPEN_MARKS).endswith(",")


def _has_verb(sents: Iterable[Span], quoted: Quoted, within: tuple[int, int]) -> bool:
    """Returns whether the sentences have a verb outside quotations within a span: a word with
    letters (the model sometimes tags an apostrophe of a two-apostrophe mark as a verb)."""
    return any(
        t.pos_ in ("VERB", "AUX")
        and within[0] <= t.idx < within[1]
        and not quoted.covers(t.idx)
        and any(c.isalpha() for c in t.text)
        for sent in sents
        for t in sent
    )


def _labels_a_noun(finder: QuoteFinder, start: int, end: int) -> bool:
    """Returns whether a partial quote is one word modifying a noun after its closing mark
    ("the “change” candidate", "a “reform” budget"): a label the reporter puts on something,
    not a repetition of the earlier words that hold it."""
    inside = [
        t
        for t in finder.doc[bisect_left(finder.offsets, start) : bisect_left(finder.offsets, end)]
        if t.is_alpha
    ]
    if len(inside) != 1:
        return False
    word = inside[0]
    return (
        word.dep_ in ("compound", "amod", "nmod")
        and word.head.pos_ == "NOUN"
        and word.head.idx >= end
    )


def _earlier_speaker(text: str, earlier: list[tuple[str, Attribution]]) -> Attribution | None:
    """The speaker of an earlier quotation holding all of a partial quote's words, whole
    words in a row ("no" is not repeated from "not" or "know"); never a single word: a lone
    quoted word ("“political”", "“No,” she replied") is as often someone else's use of a
    common word as the earlier speaker's, and it goes to its own sentence's speaker."""
    found = words(text)
    if len(found) < 2:
        return None
    said = " ".join(found)
    for previous, who in reversed(earlier):
        if who.entity_id and f" {said} " in f" {' '.join(words(previous))} ":
            return Attribution(who.entity_id, how="repeated")
    return None


def _indirect(
    finder: QuoteFinder, sent: Span, history: list[Attribution]
) -> list[tuple[int, int, Attribution]]:
    """Returns the indirect quotes of a sentence: (start, end, attribution) per reporting verb."""
    quoted = finder.quoted

    def outside(token: Token) -> bool:
        return not quoted.covers(token.idx)

    found: list[tuple[int, int, Attribution]] = []
    for i in range(sent.start, sent.end):
        lemma = finder.lemmas[i]
        if lemma not in REPORTING_VERBS and lemma != "accuse" and finder.lowers[i] != "according":
            continue  # no rule below applies
        token = finder.doc[i]
        if not outside(token) or follows_without(token):
            continue  # not "it goes without saying that …"
        clause: list[Token] = []
        accuser = None
        if lemma == "accuse" and (
            token.dep_ == "acl"
            and token.tag_ == "VBN"
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        ):
            # "X was accused by Y of …", "a senator accused of …": the accused is no speaker;
            # the accuser is, when named
            accuser = find_passive_agent(token, keep=outside)
            if accuser is None:
                continue
        if lemma in REPORTING_VERBS and token.pos_ == "VERB":
            hung = subject_hung_on_relative(token)
            # "X, who has no backing, said …": the relative clause is not what X said; nor is a
            # title the parser made a clause, a proper noun with no subject ("said on NBC's
            # “Meet the Press” …").
            clause = [
                c
                for c in token.children
                if c.dep_ == "ccomp"
                and c != getattr(hung, "head", None)
                and not (c.pos_ == "PROPN" and not _has_subject(c))
            ]
        elif lemma == "accuse":
            clause = [c for c in token.children if c.dep_ in ("dobj", "prep")]
        elif token.lower_ == "according" and token.i + 1 < len(finder.doc):
            if _has_speaker_verb(finder, sent, before=token.i):
                continue  # "X said …, according to Y": X's words, not Y's report
            to = finder.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                main = [t for t in sent if t.dep_ == "ROOT"]
                if main:
                    tree = [t for t in main[0].subtree if not (t.is_punct or t.is_space)]
                    words = [t for t in tree if t.i > objects[0].right_edge.i]
                    if not words:  # "…, according to X."
                        words = [t for t in tree if t.i < token.i]
                    words = [t for t in words if not finder.in_byline(t.idx)]
                    if words and _unquoted_words(words, quoted):
                        who = finder.resolve(objects[0], history)
                        who.cue, who.channel = "according to", finder.channel_of(sent)
                        who.how = "according_to"
                        found.append((words[0].idx, words[-1].idx + len(words[-1]), who))
            continue
        if not clause:
            continue
        words = sorted({t for c in clause for t in c.subtree}, key=lambda t: t.i)
        words = [t for t in words if not (t.is_punct and t.text not in '”"')]
        words = [t for t in words if not finder.in_byline(t.idx)]
        if not words or not _unquoted_words(words, quoted):
            continue
        subject = accuser or finder.subject_of(token)
        if subject is None:
            continue
        who = finder.resolve(subject, history)
        who.cue = lemma
        who.channel = finder.channel_of(sent)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if finder.text[start:end].lower().startswith("that "):
            start += 5
        found.append((start, end, who))
    return found


def _has_subject(token: Token) -> bool:
    """Whether a word has a subject of its own among its children."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in token.children)


def _has_speaker_verb(finder: QuoteFinder, sent: Span, *, before: int) -> bool:
    """Whether a sentence has, before token `before`, a reporting verb with its own subject outside
    the quotes ("X said …, according to Y"; not "According to Y, X called for …")."""
    return any(
        t.lemma_.lower() in REPORTING_VERBS
        and t.pos_ == "VERB"
        and t.i < before
        and not finder.quoted.covers(t.idx)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in sent
    )


def _unquoted_words(words: list[Token], quoted: Quoted) -> bool:
    return any(t.is_alpha and t.lower_ != "that" and not quoted.covers(t.idx) for t in words)


def tabulate_quotes(
    docs: dict[str, Doc],
    *,
    paragraphs: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Finds the quotes of every article.

    Args:
        docs: Parsed bodies by article id.
        paragraphs: The `paragraphs` table.
        sentences: The `sentences` table.
        mentions: The `mentions` table.
        entities: The `entities` table.

    Returns:
        Rows of the `quotes` table and the warnings about unbalanced quote marks.
    """
    ids = entities["entity_id"].tolist()
    labels = dict(zip(ids, entities["label"].tolist(), strict=True))
    names = dict(zip(ids, entities["name"].tolist(), strict=True))
    spans = _rows_by_article(paragraphs, "start", "end")
    starts = _rows_by_article(sentences, "sentence_id", "start")
    named = _rows_by_article(mentions, "start", "end", "entity_id", "text")
    rows: list[dict[str, Any]] = []
    warnings: list[str] = []
    for article_id, doc in docs.items():
        found, warned = find_quotes(
            article_id,
            doc,
            paragraphs=spans.get(article_id, []),
            sentences=starts.get(article_id, []),
            mentions=named.get(article_id, []),
            labels=labels,
            names=names,
        )
        for i, r in enumerate(found):
            r["quote_id"] = i
        link_utterances(found)
        rows += found
        warnings += warned
    return rows, warnings


def _rows_by_article(frame: pd.DataFrame, *columns: str) -> dict[str, list[Any]]:
    """Returns the values of some columns of a table, as one tuple per row, by article id (in
    table order): plain Python values, read once per table rather than filtered per article."""
    by_article: dict[str, list[Any]] = {}
    values = zip(*(frame[c].tolist() for c in ("article_id", *columns)), strict=True)
    for article_id, *row in values:
        by_article.setdefault(article_id, []).append(tuple(row))
    return by_article
