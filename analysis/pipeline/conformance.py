"""Conformance to the declared schemas (`schema.TABLES`): `conform` casts a table to its
declaration (columns in order, declared dtypes, a fresh index) and `check` checks one without
casting; both raise `SchemaError` when a table does not match.
"""

from __future__ import annotations

import pandas as pd

from .schema import TABLES


class SchemaError(ValueError):
    """A table does not match its declared schema."""


def conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Casts a table to its declared schema.

    Args:
        name: The table's name in `TABLES`.
        frame: The table; it is not modified.

    Returns:
        A new DataFrame with exactly the declared columns, in order, with the declared dtypes and a
        fresh 0-based index.

    Raises:
        SchemaError: A declared column is missing, an undeclared one is present, or a column
            cannot be cast to its dtype.
    """
    table = TABLES[name]
    missing = [c for c in table.column_names if c not in frame.columns]
    extra = [c for c in frame.columns if c not in table.column_names]
    if missing or extra:
        raise SchemaError(f"table {name!r}: missing columns {missing}, undeclared columns {extra}")
    out = frame.loc[:, table.column_names].reset_index(drop=True)
    try:
        return out.astype({c.name: c.dtype for c in table.columns})
    except (TypeError, ValueError) as exc:
        raise SchemaError(f"table {name!r}: {exc}") from exc


def check(name: str, frame: pd.DataFrame) -> None:
    """Checks a table against its declared schema without casting.

    Args:
        name: The table's name in `TABLES`.
        frame: The table.

    Raises:
        SchemaError: The columns or their dtypes differ from the declaration.
    """
    table = TABLES[name]
    if list(frame.columns) != table.column_names:
        raise SchemaError(
            f"table {name!r}: columns {list(frame.columns)} != declared {table.column_names}"
        )
    for col in table.columns:
        if frame[col.name].dtype != pd.api.types.pandas_dtype(col.dtype):
            raise SchemaError(
                f"table {name!r}: column {col.name!r} has dtype {frame[col.name].dtype}, "
                f"declared {col.dtype}"
            )
