"""Building the tables: `build` (`run`), `Tables`, the declared schemas (`schema`; checked by
`conformance`), the per-article stages and their cache, snapshots, the Dask engine, writing the
tables' folder and the gold scores."""

from .run import build
from .tables import Tables

__all__ = ["Tables", "build"]
