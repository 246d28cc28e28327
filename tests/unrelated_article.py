"""An invented article about something else entirely (a harbour town's library budget), and a
helper that adds it to a copy of a corpus: for the tests that colours and statement ids stay
stable when an unrelated article is added (issue 12; tests/test_statement_ids.py and
tests/test_browser.py)."""

from __future__ import annotations

from pathlib import Path

#: The outlet of the added article in the browser tests: a new outlet, not one of the seeds'.
NEW_OUTLET = "Test Daily"

#: A development article about something else entirely (written for these tests, not a seed).
UNRELATED = """Harbour town approves budget for new library

The council of a small harbour town approved on Tuesday a budget of 2.4 million for a new public
library, after two years of debate about the old building's leaking roof.

"We have waited long enough for a place where children can read in the dry," the mayor said at
the meeting, which ran late into the evening.

Construction is expected to start next spring and to last eighteen months. The old library will
stay open until the new one is finished, the council said.
"""


def grow(corpus: Path, *, first: bool, outlet: str = NEW_OUTLET) -> None:
    """Adds the invented article to a copy of the corpus, as the manifest's first row (every
    sentence of the seeds moves down the tables) or its last, from `outlet`."""
    (corpus / "articles" / "harbour.txt").write_text(UNRELATED, encoding="utf-8")
    manifest = corpus / "articles.csv"
    header, *rows = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    added = f"harbour,articles/harbour.txt,{outlet},newspaper,,,2022-08-09,en,\n"
    rows = [added, *rows] if first else [*rows, added]
    manifest.write_text("".join([header, *rows]), encoding="utf-8")
