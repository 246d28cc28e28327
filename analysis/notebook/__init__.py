"""The notebook interface: opening the tables, filter panels and widgets, table viewers, HTML
views, charts (`charts/`), export and the headless report."""

from .opening import BuildFailed, open_tables

__all__ = ["BuildFailed", "open_tables"]
