"""The declared schema of every table: column, dtype and meaning, in one place.

Every table `build` returns is passed through `conformance.conform`, which orders the columns, casts
them to the declared dtypes and fails loudly when a column is missing or extra. `render_markdown`
turns the same declarations into `docs/tables.md`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One declared column of a table."""

    name: str
    dtype: str
    meaning: str


@dataclass(frozen=True)
class Table:
    """One declared table: its name, what a row is, and its columns in order."""

    name: str
    row: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        """Returns the column names in declared order."""
        return [c.name for c in self.columns]


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "articles",
            "one article of the corpus",
            (
                Column("article_id", "str", "Identifier from `corpus/articles.csv` (unique)."),
                Column("outlet", "str", "Who published it, as the manifest names it."),
                Column(
                    "outlet_kind",
                    "str",
                    "newspaper, wire, republication, blog, broadcaster, … (manifest).",
                ),
                Column(
                    "title",
                    "str",
                    "Headline: the manifest's, else the headline line the file starts with, "
                    "else the HTML title; missing when none is known.",
                ),
                Column(
                    "author",
                    "str",
                    "Who wrote it: the file's byline line (\"By …\"), else the HTML page's "
                    "author metadata; missing when neither gives one.",
                ),
                Column(
                    "published",
                    "datetime64[ns]",
                    "Publication date (a calendar day, time 00:00); missing when unknown.",
                ),
                Column("language", "str", "ISO 639-1 language code (default `en`)."),
                Column("url", "str", "Where the article was published; missing when unknown."),
                Column("file", "str", "The raw file, relative to the corpus folder."),
                Column("notes", "str", "Caveats about the source, from the manifest."),
                Column(
                    "raw",
                    "str",
                    "The raw text as read: the file decoded as UTF-8 (for HTML, the page's "
                    "visible text, one line per block). `removed` and `paragraphs.raw_*` "
                    "offsets point here.",
                ),
                Column(
                    "body",
                    "str",
                    "The article text only, cleaned: paragraphs separated by one blank line, "
                    "whitespace normalised (see docs/cleaning.md). All offsets point here.",
                ),
                Column("n_paragraphs", "int64", "Number of paragraphs in `body`."),
                Column("n_sentences", "int64", "Number of sentences in `body`."),
                Column("n_words", "int64", "Number of word tokens in `body` (no punctuation)."),
                Column(
                    "colour",
                    "str",
                    "The outlet's chart colour `#RRGGBB` from the manifest's optional `colour` "
                    "column; missing: derived from the outlet name (`charts.outlet_colors`).",
                ),
                Column(
                    "corpus",
                    "str",
                    "The title of the corpus the article belongs to (`corpus.yml`'s `title`, else "
                    "the corpus folder's name), named in every chart's source line.",
                ),
                Column(
                    "story_id",
                    "int64",
                    "The story it reports (joins `stories`): the manifest's optional `story` "
                    "column, else found from what the articles share (docs/stories.md).",
                ),
            ),
        ),
        Table(
            "stories",
            "one story: the articles that report the same news (docs/stories.md)",
            (
                Column(
                    "story_id",
                    "int64",
                    "1, 2, … in order of the story's first publication day (undated last); "
                    "renumbered when articles are added.",
                ),
                Column(
                    "label",
                    "str",
                    "The manifest's story name, else its main entities · its main words.",
                ),
                Column(
                    "source",
                    "str",
                    "`manifest` (the user's `story` column) or `found` (grouped from the text).",
                ),
                Column("n_articles", "int64", "Number of its articles."),
                Column("n_outlets", "int64", "Number of outlets that carried it."),
                Column(
                    "first_published",
                    "datetime64[ns]",
                    "Its first article's publication day; missing when none is dated.",
                ),
                Column(
                    "last_published",
                    "datetime64[ns]",
                    "Its last article's publication day; missing when none is dated.",
                ),
                Column("entities", "object", "Its main entities (`entities.name`, a list)."),
                Column("terms", "object", "Its main words (a list)."),
                Column("articles", "object", "Its articles (`articles.article_id`, a list)."),
            ),
        ),
        Table(
            "paragraphs",
            "one paragraph of an article body, with where it came from in the raw file",
            (
                Column("article_id", "str", "The article."),
                Column("paragraph_id", "int64", "0-based order of the paragraph in the body."),
                Column("start", "int64", "Start offset into `articles.body`."),
                Column("end", "int64", "End offset into `articles.body` (exclusive)."),
                Column("raw_start", "int64", "Start offset of the source text in the raw file."),
                Column("raw_end", "int64", "End offset of the source text in the raw file."),
                Column(
                    "text",
                    "str",
                    "The paragraph: `body[start:end]`, which is the raw file's "
                    "`[raw_start:raw_end]` without the spans `removed` inside it (pop-up "
                    "cards), after whitespace normalisation.",
                ),
            ),
        ),
        Table(
            "sentences",
            "one sentence of an article body (sentences never cross paragraphs)",
            (
                Column("article_id", "str", "The article."),
                Column("sentence_id", "int64", "0-based order of the sentence in the article."),
                Column("paragraph_id", "int64", "The paragraph holding the sentence."),
                Column("start", "int64", "Start offset into `articles.body`."),
                Column("end", "int64", "End offset into `articles.body` (exclusive)."),
                Column("text", "str", "The sentence: `body[start:end]`."),
            ),
        ),
        Table(
            "mentions",
            "one mention of a named entity (person, organisation, place, nationality, …)",
            (
                Column("article_id", "str", "The article."),
                Column("sentence_id", "int64", "The sentence holding the mention."),
                Column("start", "int64", "Start offset into `articles.body`."),
                Column("end", "int64", "End offset into `articles.body` (exclusive)."),
                Column(
                    "text",
                    "str",
                    "The name as written, `body[start:end]`, without a possessive 's or a "
                    "title before it.",
                ),
                Column(
                    "label",
                    "str",
                    "The entity's type, decided across all its mentions: PERSON, ORG, GPE, LOC, "
                    "NORP, FAC, PRODUCT, EVENT, WORK_OF_ART, LAW.",
                ),
                Column("entity_id", "str", "The canonical entity (joins `entities`)."),
            ),
        ),
        Table(
            "entities",
            "one real-world entity, whatever spellings the outlets used",
            (
                Column(
                    "entity_id",
                    "str",
                    "Stable id made from the canonical name (lowercase ASCII words joined by -).",
                ),
                Column("name", "str", "Canonical display name."),
                Column("label", "str", "Type, as in `mentions.label`."),
                Column("aliases", "object", "Every surface form seen (a list of strings)."),
                Column("n_mentions", "int64", "Number of mentions in the corpus."),
                Column("n_articles", "int64", "Number of articles that mention it."),
            ),
        ),
        Table(
            "merge_suggestions",
            "a likely merge of two entities that the rules did not apply (to confirm in "
            "corpus/entities.yml)",
            (
                Column("entity_a", "str", "One entity."),
                Column("entity_b", "str", "The other entity."),
                Column("score", "float64", "How alike the names are (0–1)."),
                Column("reason", "str", "Why they may be one entity."),
            ),
        ),
        Table(
            "quotes",
            "one quote: the quoted words of one paragraph (direct, partial) or a reported clause "
            "(indirect)",
            (
                Column("article_id", "str", "The article."),
                Column("quote_id", "int64", "0-based order of the quote in the article."),
                Column("paragraph_id", "int64", "The paragraph holding the quote."),
                Column("sentence_id", "int64", "The first sentence the quote touches."),
                Column("start", "int64", "Start offset into `articles.body` (no quote mark)."),
                Column("end", "int64", "End offset into `articles.body` (exclusive)."),
                Column(
                    "text",
                    "str",
                    "The quoted words, `body[start:end]`, without the quote marks; for an "
                    "indirect quote, the reported clause.",
                ),
                Column(
                    "kind",
                    "str",
                    "`direct` (a quoted statement opening a sentence), `partial` (a quoted "
                    "fragment in the reporter's sentence) or `indirect` (reported speech).",
                ),
                Column(
                    "speaker",
                    "str",
                    "Canonical name of who said it (`entities.name`); missing when unknown.",
                ),
                Column("speaker_entity_id", "str", "The speaker's entity (joins `entities`)."),
                Column(
                    "speaker_mention",
                    "str",
                    "The words naming the speaker where the quote is attributed (`she`, "
                    "`the watchdog`, `Amnesty chief Callamard`); missing for a follow-on quote.",
                ),
                Column(
                    "cue",
                    "str",
                    "Lemma of the attribution verb (say, add, write, tweet, claim, accuse, …) or "
                    "`according to`; missing for a follow-on quote.",
                ),
                Column(
                    "channel",
                    "str",
                    "Facebook, Twitter, statement, interview, … when the text states it.",
                ),
                Column(
                    "attribution",
                    "str",
                    "How the speaker was found: `cue` (a speech verb's subject), `pronoun` (its "
                    "subject is he/she/it/they), `according_to`, `colon` (`X said:` before the "
                    "quote, or `X issued a statement.` before a paragraph that is only the "
                    "quote), `governing_verb` (`X called it “…”`, `X's “…” remark`), `roundup` "
                    "(`— Name, Outlet` after it), `follow_on` (a quotation paragraph continuing "
                    "the previous speaker), `repeated` (words quoted earlier), `none`. See "
                    "docs/quotes.md.",
                ),
                Column(
                    "parent_quote_id",
                    "Int64",
                    "The `quote_id` of the utterance this row belongs to (a partial quote inside "
                    "an indirect one, a reported clause going on after a direct quote: same "
                    "speaker, same sentences); missing for the utterance's first row, which "
                    "voice-share charts count once.",
                ),
            ),
        ),
        Table(
            "links",
            "two sentences of different articles that say the same thing",
            (
                Column("article_a", "str", "One article (earlier in the manifest)."),
                Column("sentence_a", "int64", "Its sentence."),
                Column("article_b", "str", "The other article."),
                Column("sentence_b", "int64", "Its sentence."),
                Column("quote_a", "Int64", "`quotes.quote_id` in article_a when both are quotes."),
                Column("quote_b", "Int64", "`quotes.quote_id` in article_b when both are quotes."),
                Column(
                    "score",
                    "float64",
                    "Similarity, 0–1: mean of word and character TF-IDF cosines of the "
                    "best-matching texts (the sentences, or a quote in one of them).",
                ),
                Column(
                    "kind",
                    "str",
                    "How alike the whole sentences are: `verbatim` (long identical run), "
                    "`near_verbatim` (light edits), `shared_quote` (different sentences citing "
                    "one quote word for word) or `paraphrase` (same statement in other words, "
                    "e.g. another translation).",
                ),
                Column("shared_run", "int64", "Length in words of the longest shared run."),
            ),
        ),
        Table(
            "statements",
            "one sentence of a statement carried by several articles",
            (
                Column(
                    "statement_id",
                    "int64",
                    "The statement: a six-digit id derived from its content, unchanged when "
                    "unrelated articles are added (rows: most widely carried first).",
                ),
                Column("article_id", "str", "An article carrying it."),
                Column("sentence_id", "int64", "The sentence of that article."),
                Column("label", "str", "The statement's most central sentence."),
            ),
        ),
        Table(
            "events",
            "one dated event (a date phrase and who did what then), or a statement without a date "
            "of its own, placed on the day of its occasion or its article's publication date, or "
            "left undated as background (see docs/timeline.md)",
            (
                Column("article_id", "str", "The article."),
                Column("event_id", "int64", "0-based order of the event in the article."),
                Column("sentence_id", "int64", "The sentence stating it."),
                Column("quote_id", "Int64", "The actor's quote in the sentence, if any."),
                Column(
                    "actor",
                    "str",
                    "Who: the canonical name (`entities.name`), else the words as written; "
                    "missing when unknown.",
                ),
                Column("actor_entity_id", "str", "The actor's entity (joins `entities`)."),
                Column(
                    "patient_entity_id",
                    "str",
                    "For an act that happens once to a person (killed, died, a dated strike "
                    "against them: `timeline/data/once_acts.yml`), that person's entity; "
                    "missing otherwise.",
                ),
                Column(
                    "patient_thing",
                    "str",
                    "For an act that happens once to a thing (a downed aircraft, an attacked "
                    "base: `things` in `timeline/data/once_acts.yml`), the kind of thing "
                    "(`aircraft`, `base`, `embassy`, `vessel`, `building`); missing otherwise.",
                ),
                Column(
                    "action",
                    "str",
                    "Lemma of the verb the date attaches to (publish, resign, say, tweet, …), or "
                    "the quote's cue.",
                ),
                Column(
                    "date",
                    "datetime64[ns]",
                    "The day, or the first day of a span; missing when it cannot be resolved "
                    "(no publication date, or a relative date inside a quotation) and for a "
                    "`background` statement.",
                ),
                Column("date_end", "datetime64[ns]", "The last day of a span; missing for a day."),
                Column(
                    "date_text",
                    "str",
                    "The date phrase as written; missing for a `publication`, `occasion` or "
                    "`background` statement (an occasion's phrase is in the sentence "
                    "`occasion_sentence_id`).",
                ),
                Column(
                    "precision",
                    "str",
                    "day, part_of_day, week, month, quarter or year; missing for a `background` "
                    "statement.",
                ),
                Column("part_of_day", "str", "morning, evening, late, … when stated."),
                Column(
                    "resolution",
                    "str",
                    "`explicit` (the words name the month), `relative` (weekday, yesterday, last "
                    "week, …: resolved against the publication date), `occasion` (a statement "
                    "without a date of its own on the day the article states for its occasion: "
                    "the same speaker's dated speech or statement earlier), `background` (a "
                    'statement told as made before, "had said", "once said": no date) or '
                    "`publication` (another undated statement, placed at the article's date).",
                ),
                Column(
                    "direction",
                    "str",
                    "Which rule placed the date in time: `stated` (the words fix it), `forward` "
                    "(a future or scheduling cue), `backward` (past tense), `nearest` (no cue, or "
                    "a cue whose side lay too far) or "
                    "`anchored` (from the article's previous explicit date); for an `occasion` "
                    "statement, that of its occasion's phrase; missing for a `publication` or "
                    "`background` statement.",
                ),
                Column(
                    "occasion_sentence_id",
                    "Int64",
                    "For an `occasion` statement, the sentence whose date phrase gives its day; "
                    "missing otherwise.",
                ),
                Column(
                    "date_note",
                    "str",
                    "What looks wrong in the date words (a weekday that does not fall on the "
                    "date beside it; a date before 1678, which the table cannot hold, left "
                    "missing); also a row of `problems`.",
                ),
                Column(
                    "in_quote",
                    "bool",
                    "The date phrase lies inside a quotation (the speaker's time frame).",
                ),
                Column("text", "str", "The sentence (`sentences.text`)."),
            ),
        ),
        Table(
            "happenings",
            "one thing that happened, as one or more articles report it (events grouped across "
            "articles)",
            (
                Column("happening_id", "int64", "The happening (earliest first)."),
                Column("actor", "str", "Who (as in `events.actor`)."),
                Column("action", "str", "What: the most frequent action of its events."),
                Column(
                    "date",
                    "datetime64[ns]",
                    "The day the articles agree on, else the earliest stated day; missing when "
                    "no article states one.",
                ),
                Column(
                    "date_end",
                    "datetime64[ns]",
                    "For a happening the articles state as a span (a week, a month), the last day "
                    "they all share (`date` is the first); missing for a day.",
                ),
                Column(
                    "dates_by_article",
                    "str",
                    "JSON object: article_id → the date it states (ISO day, or `first/last` for "
                    "a span); read it with `timeline.read_dates`.",
                ),
                Column(
                    "phrases_by_article",
                    "str",
                    "JSON object: article_id → the date phrase as the article writes it (both "
                    "phrases of a conflict side by side).",
                ),
                Column(
                    "conflict",
                    "bool",
                    "True when articles state days that cannot all be true (shown, never "
                    "resolved).",
                ),
                Column("articles", "object", "The articles reporting it (a list)."),
                Column("events", "object", "Its events, as `article_id:event_id` strings."),
                Column("label", "str", "Actor, action and the first sentence, shortened."),
            ),
        ),
        Table(
            "frames",
            "one match of a frame's term (the general lexicon and `corpus/frames.yml`) in an "
            "article body, not inside a longer name or an excluded phrase",
            (
                Column("article_id", "str", "The article."),
                Column("sentence_id", "int64", "The sentence holding the match."),
                Column(
                    "frame",
                    "str",
                    "The frame's name (general lexicon `analysis/framing/data/frames.yml`, or "
                    "`corpus/frames.yml`).",
                ),
                Column(
                    "term",
                    "str",
                    "The frame's term that matched, as written in the file (lemmas are compared: "
                    "`violate` matches `violated`).",
                ),
                Column("start", "int64", "Start offset into `articles.body`."),
                Column("end", "int64", "End offset into `articles.body` (exclusive)."),
                Column("matched", "str", "The words as written, `body[start:end]`."),
                Column("in_quote", "bool", "True when the words are inside a quote."),
                Column("quote_id", "Int64", "The quote holding them (`quotes.quote_id`)."),
                Column(
                    "speaker",
                    "str",
                    "The quote's speaker (`quotes.speaker`); missing for the reporter's words or "
                    "an unknown speaker.",
                ),
            ),
        ),
        Table(
            "removed",
            "one span of the raw file that is not part of the article body or title",
            (
                Column("article_id", "str", "The article."),
                Column("start", "int64", "Start offset into the raw file (as characters)."),
                Column("end", "int64", "End offset into the raw file (exclusive)."),
                Column(
                    "reason",
                    "str",
                    "Why it was removed: the rule's name and, for a corpus rule, its reason.",
                ),
                Column("text", "str", "The removed raw text: `raw[start:end]`."),
            ),
        ),
        Table(
            "problems",
            "one thing the build noticed that may make a table incomplete or wrong",
            (
                Column("article_id", "str", "The article concerned."),
                Column(
                    "stage",
                    "str",
                    "Where it was noticed: `corpus` (manifest and file), `quotes`, `events` (date "
                    "words that look wrong), ….",
                ),
                Column(
                    "offset",
                    "Int64",
                    "Offset into `articles.body` it concerns; missing when it is about the "
                    "whole article.",
                ),
                Column("message", "str", "What is wrong and what to do about it."),
            ),
        ),
    )
}


def render_markdown() -> str:
    """Renders every declared table as Markdown.

    Returns:
        The text of `docs/tables.md`.
    """
    lines = [
        "# Tables",
        "",
        "Generated from `analysis/pipeline/schema.py` by `make docs`; a test fails when this file"
        " is stale.",
        "",
        "`analysis.build(corpus_dir)` returns these tables as pandas DataFrames; "
        "`python -m analysis build` writes each one to `<out>/<table>.parquet`.",
        "",
        "Character offsets `start`/`end` point into `articles.body` of the same article, and "
        "`body[start:end]` equals the row's `text`; the exceptions say so (`removed` and "
        "`paragraphs.raw_start`/`raw_end` point into `articles.raw`).",
        "",
    ]
    for table in TABLES.values():
        lines += [f"## `{table.name}`", "", f"One row: {table.row}.", ""]
        lines += ["| column | dtype | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{c.name}` | `{c.dtype}` | {c.meaning} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines)
