"""Coverage overlap: candidate sentence pairs (`candidates`), the kind of each link
(`link_kinds`), what never links (`furniture`), the days a sentence names (`days`: a paraphrase
of two different days is two acts), what a paraphrase between articles days apart
needs (`apart`), links between articles (`links`), statements and their
variants (`statements`)."""

from .links import find_links, score_sentences
from .statements import group_statements

__all__ = ["find_links", "group_statements", "score_sentences"]
