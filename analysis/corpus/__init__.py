"""Reading and cleaning: the manifest and raw files, saved web pages, cleaning, the problems
table, and the `Selection` any layer filters tables with."""

from .manifest import Article, CorpusError, CorpusWarning, read_corpus

__all__ = ["Article", "CorpusError", "CorpusWarning", "read_corpus"]
