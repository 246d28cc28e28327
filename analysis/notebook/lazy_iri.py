"""A lazy `rfc3987_syntax`: its IRI grammars are compiled on the first IRI check, not on import.

Why: the first chart widget of a notebook (`plotly.graph_objects.FigureWidget`) imports
`plotly.io._renderers`, which imports `nbformat`, whose validator imports `jsonschema`, whose
format checkers import `rfc3987_syntax` when it is installed (JupyterLab's `jupyter-events`
installs it). That module compiles about thirty Earley parsers of the RFC 3987 grammar at import
time: 4-5 s of every notebook kernel on a 2-core machine, most of a first chart's cost, and paid
although no notebook validates an IRI. `jsonschema` keeps only `rfc3987_syntax.is_valid_syntax`,
so `defer_iri_grammar` puts in its place a module whose `is_valid_syntax` imports the real module
on its first call and then answers as it does; any other name loads it too. Nothing is skipped:
an IRI check still runs the real grammar.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from typing import Any

NAME = "rfc3987_syntax"
_lock = threading.RLock()


class _LazyModule(types.ModuleType):
    """Stands for `rfc3987_syntax` until a name other than `is_valid_syntax` is read."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(load_iri_grammar(), name)


def load_iri_grammar() -> types.ModuleType:
    """Imports the real `rfc3987_syntax` (compiling its grammars) in place of the lazy one.

    Returns:
        The real module, now in `sys.modules`.
    """
    with _lock:
        found = sys.modules.get(NAME)
        if found is not None and not isinstance(found, _LazyModule):
            return found
        sys.modules.pop(NAME, None)
        try:
            return importlib.import_module(NAME)
        except BaseException:
            if found is not None:
                sys.modules[NAME] = found
            raise


def is_valid_syntax(term: str, value: str) -> bool:
    """Returns whether `value` matches the RFC 3987 rule `term` (the real module's answer)."""
    return bool(load_iri_grammar().is_valid_syntax(term, value))


def defer_iri_grammar() -> bool:
    """Puts a lazy `rfc3987_syntax` in `sys.modules` if the real one is installed, not imported.

    Returns:
        Whether the lazy module is in place (False: not installed, or already imported).
    """
    with _lock:
        if NAME in sys.modules:
            return isinstance(sys.modules[NAME], _LazyModule)
        spec = importlib.util.find_spec(NAME)
        if spec is None:
            return False
        lazy = _LazyModule(NAME, __doc__)
        lazy.__spec__ = spec
        lazy.__file__ = spec.origin
        lazy.__path__ = list(spec.submodule_search_locations or [])
        lazy.is_valid_syntax = is_valid_syntax  # type: ignore[attr-defined]
        sys.modules[NAME] = lazy
        return True
