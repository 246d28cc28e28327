"""Quotes: every direct, partial and indirect quote, with who said it and how the text says so.

The stages, one module each:

- `marks` — quote marks: the quoted runs of each paragraph, joined into one quotation when it
  runs over several paragraphs.
- `cues` — the word lists (reporting verbs, organisation and document nouns, gender words, titles,
  read from `data/cues.yml`) and the channel and roundup patterns.
- `named` — one article's mentions, looked up by body offset (built once per article: the speaker
  rules ask "who is named here?" thousands of times).
- `speakers` — who said it: the attribution verb and its subject, `according to`, a colon
  introducing the quote, a roundup line, a follow-on paragraph.
- `naming` — who the words naming a speaker are (`SpeakerNames.resolve`, the base of the
  `speakers` finder): a name, a title and surname, a pronoun's antecedent, a description the
  article ties to one entity, a document's issuer.
- `introductions` — a speaker named by the line introducing or following a quote rather than by
  a speech verb: a colon after a name or a clause, a document introduced with a colon, a
  roundup's dash line (functions taking the `speakers` finder).
- `context` — what one article says about its people and organisations: genders, and who a
  name, pronoun or description stands for, resolved to an entity only when the text ties them
  to one.
- `clauses` — which speech verb is a quote's cue and which subject spoke (reporting verbs,
  subordinate clauses, pronouns bound in a nearer clause).
- `issuers` — owners and issuers of quotations no speech verb's own subject gives (passive
  agents, transcript lines, words said to be someone's, documents read out, verbs that cue
  only a quotation they govern).
- `antecedents` — who a he/she stands for: the person named as a subject before it, the same
  or the last speaker when nobody else came into view.
- `subjects` — the people a sentence names as the subject of a clause (or aside, or as the
  owner of a subject that is a thing), which the `antecedents` rules choose from.
- `descriptions` — a title written before a name (`President X`) ties a description (`the
  president`) to that one person.
- `epithets` — a bare role or person description ("the senator said") right after a speaker or
  a sentence naming that person as its subject stands for that person.
- `table` — the `quotes` table: kinds (direct, partial, indirect), scare quotes left out, and
  the utterances (a partial quote inside an indirect one is one utterance).
- `groups` — speaker groups (`corpus/actors.yml`) and the counting used by the voice-share charts.

How the rules work in detail: docs/quotes.md.
"""

from .groups import (
    ACTORS_FILE,
    OTHER_GROUP,
    SPEAKER_NOT_STATED,
    UNKNOWN_SPEAKER,
    count_utterances,
    describe_groups,
    group_speakers,
    label_speakers,
    read_actors,
)
from .marks import QuoteWarning
from .table import find_quotes, tabulate_quotes

__all__ = [
    "ACTORS_FILE",
    "OTHER_GROUP",
    "UNKNOWN_SPEAKER",
    "QuoteWarning",
    "SPEAKER_NOT_STATED",
    "count_utterances",
    "label_speakers",
    "find_quotes",
    "describe_groups",
    "group_speakers",
    "read_actors",
    "tabulate_quotes",
]
