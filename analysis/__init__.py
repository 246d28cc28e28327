"""Coverage Lens: compare how several outlets covered one story.

`build(corpus_dir)` turns a corpus folder into pandas tables (see docs/tables.md).
"""

from .corpus.manifest import CorpusError, CorpusWarning
from .pipeline import Tables, build

__all__ = ["CorpusError", "CorpusWarning", "Tables", "build"]
