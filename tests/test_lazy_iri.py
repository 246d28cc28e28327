"""The IRI grammar `jsonschema` imports is compiled on the first IRI check, not on a notebook's
first chart widget (`analysis.notebook.lazy_iri`), and IRI checks still give the real answers."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import sys
import analysis.notebook
import plotly.graph_objects as go
go.FigureWidget(go.Figure(go.Bar(x=[1, 2], y=[3, 4])))
print(type(sys.modules["rfc3987_syntax"]).__name__)
import jsonschema
checker = jsonschema.FormatChecker()
print(checker.conforms("http://例え.jp/a?b#c", "iri"), checker.conforms("http://a b", "iri"),
      checker.conforms("../x#y", "iri-reference"), checker.conforms("/x y", "iri-reference"))
print(type(sys.modules["rfc3987_syntax"]).__name__, hasattr(sys.modules["rfc3987_syntax"], "parse"))
"""


def test_the_first_chart_widget_leaves_the_iri_grammar_for_the_first_iri_check() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.splitlines() == [
        "_LazyModule",  # the widget exists; the grammar is not compiled
        "True False True False",  # the real grammar's answers
        "module True",  # the real module in its place
    ]
