"""The notebook interface: opening the tables, filter panels and widgets, table viewers, HTML
views, charts (`charts/`), export and the headless report; `lazy_iri` keeps a third-party IRI
grammar from being compiled on a notebook's first chart widget."""

from .lazy_iri import defer_iri_grammar
from .opening import BuildFailed, open_tables

defer_iri_grammar()  # 4-5 s off every notebook kernel's first chart (see lazy_iri)

__all__ = ["BuildFailed", "open_tables"]
