"""Opening the tables in a notebook: a build error is one short, readable message, not a long
traceback with the useful line at the bottom."""

from __future__ import annotations

from pathlib import Path

from ..corpus import CorpusError
from ..pipeline import Tables, build
from ..pipeline.conformance import SchemaError
from ..text.parse import ModelNotFoundError


class BuildFailed(Exception):
    """The corpus could not be built; shown in a notebook as the message alone.

    IPython prints an exception that has `_render_traceback_` with the lines it returns instead
    of the traceback, so the notebook shows what is wrong and how to fix it, and stops there.
    """

    def _render_traceback_(self) -> list[str]:
        return [f"\x1b[1;31mThe corpus could not be built.\x1b[0m {self}"]


def open_tables(corpus_dir: str | Path) -> Tables:
    """Builds the tables of a corpus for a notebook.

    Args:
        corpus_dir: The corpus folder.

    Returns:
        The built tables (`analysis.build`).

    Raises:
        BuildFailed: The corpus, its rules or the model are not usable; the message is the
            build error's (which names the file or row and the fix).
    """
    try:
        return build(corpus_dir)
    except (CorpusError, SchemaError, ModelNotFoundError) as exc:
        raise BuildFailed(str(exc)) from None
