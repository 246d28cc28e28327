"""Coverage overlap: candidate sentence pairs (`candidates`), the kind of each link
(`link_kinds`), what never links (`furniture`), links between articles, statements and their
variants (`links`)."""

from .links import find_links, group_statements, score_sentences

__all__ = ["find_links", "group_statements", "score_sentences"]
