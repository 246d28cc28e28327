"""Coverage overlap: candidate sentence pairs (`candidates`), the kind of each link
(`link_kinds`), what never links (`furniture`), links between articles (`links`), statements and
their variants (`statements`)."""

from .links import find_links, score_sentences
from .statements import group_statements

__all__ = ["find_links", "group_statements", "score_sentences"]
