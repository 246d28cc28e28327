"""Exporting charts: PNG and SVG through kaleido and Chromium, self-contained HTML.

All static images of one call are rendered by one browser (`plotly.io.write_images`), not one per
image. HTML is written first and needs no browser, so it works where Chromium is missing.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

import plotly.graph_objects as go
import plotly.io as pio
from unidecode import unidecode

FORMATS = ("png", "svg", "html")
STATIC_FORMATS = ("png", "svg", "pdf", "jpeg", "webp")
DEFAULT_DIR = "exports"
CHROMIUM_HINT = (
    "PNG/SVG export needs Chromium: install Debian's package with `apt-get install -y chromium` "
    "(or point BROWSER_PATH at a Chrome/Chromium binary). HTML export works without it."
)
OnConflict = Literal["error", "overwrite", "number"]


class ExportError(RuntimeError):
    """A chart could not be exported; the message says why and what to do.

    Attributes:
        written: The files that were written all the same (e.g. HTML without Chromium).
    """

    def __init__(self, message: str, *, written: list[Path] | None = None) -> None:
        super().__init__(message)
        self.written = written or []


def safe_name(name: str) -> str:
    """Turns a chart name into a safe file stem.

    Args:
        name: Any name, e.g. "Sentence length / outlet".

    Returns:
        Lowercase ASCII letters, digits, '-' and '_' only (no dots, no path separators), at most
        80 characters.

    Raises:
        ExportError: Nothing usable is left of the name.
    """
    stem = re.sub(r"[^a-z0-9_]+", "-", unidecode(name).lower()).strip("-_")[:80].strip("-_")
    if not stem:
        raise ExportError(f"chart name {name!r} has no letters or digits to make a file name of")
    return stem


def find_chromium() -> str | None:
    """Returns the Chrome/Chromium binary kaleido will use, or None when there is none."""
    if os.environ.get("BROWSER_PATH") and Path(os.environ["BROWSER_PATH"]).is_file():
        return os.environ["BROWSER_PATH"]
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


def save(
    fig: go.Figure,
    name: str,
    *,
    formats: Iterable[str] = FORMATS,
    out_dir: str | Path = DEFAULT_DIR,
    on_conflict: OnConflict = "error",
    width: int | None = None,
    height: int | None = None,
    scale: float = 2.0,
) -> list[Path]:
    """Saves one chart in several formats.

    Args:
        fig: The figure (a `FigureWidget` is fine).
        name: The chart's name; made safe with `safe_name`.
        formats: Any of png, svg, pdf, jpeg, webp and html.
        out_dir: The folder; created when missing.
        on_conflict: When a file exists: "error" (default) raises, "overwrite" replaces it,
            "number" writes `<name>-2.<ext>`, `<name>-3.<ext>`, … instead.
        width: Image width in CSS pixels (default: the figure's, else 900).
        height: Image height in CSS pixels (default: the figure's, else 520).
        scale: Pixel density of raster images (2 gives a 1800×1040 PNG by default).

    Returns:
        The paths written, in the order of `formats`.

    Raises:
        ExportError: An unknown format, an existing file with on_conflict="error", or no
            Chromium for static images (HTML is still written; see `ExportError.written`).
    """
    return save_all(
        {name: fig},
        formats=formats,
        out_dir=out_dir,
        on_conflict=on_conflict,
        width=width,
        height=height,
        scale=scale,
    )


def save_all(
    figures: Mapping[str, go.Figure],
    *,
    formats: Iterable[str] = FORMATS,
    out_dir: str | Path = DEFAULT_DIR,
    on_conflict: OnConflict = "error",
    width: int | None = None,
    height: int | None = None,
    scale: float = 2.0,
) -> list[Path]:
    """Saves many charts, rendering every static image with one browser.

    Args:
        figures: Chart name → figure.
        formats: As for `save`.
        out_dir: As for `save`.
        on_conflict: As for `save`.
        width: As for `save`.
        height: As for `save`.
        scale: As for `save`.

    Returns:
        The paths written: for each chart, one per format.

    Raises:
        ExportError: As for `save`.
    """
    formats = tuple(f.lower().lstrip(".") for f in formats)
    unknown = [f for f in formats if f not in (*STATIC_FORMATS, "html")]
    if unknown:
        raise ExportError(f"unknown export format(s) {unknown}; use {STATIC_FORMATS} or html")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    static: list[tuple[go.Figure, Path, str]] = []
    taken: set[Path] = set()
    for name, fig in figures.items():
        stem = _free_stem(folder, safe_name(name), formats, on_conflict, taken)
        plain = go.Figure(fig)
        for fmt in formats:
            path = folder / f"{stem}.{fmt}"
            taken.add(path)
            if fmt == "html":
                plain.write_html(path, include_plotlyjs=True, full_html=True)
            else:
                static.append((plain, path, fmt))
            written.append(path)
    if static:
        try:
            _write_static(static, width=width, height=height, scale=scale)
        except ExportError as exc:
            done = [p for p in written if p.suffix == ".html"]
            raise ExportError(str(exc), written=done) from exc
    return written


def _free_stem(
    folder: Path, stem: str, formats: tuple[str, ...], on_conflict: OnConflict, taken: set[Path]
) -> str:
    def clashes(candidate: str) -> list[Path]:
        paths = [folder / f"{candidate}.{fmt}" for fmt in formats]
        return [p for p in paths if p.exists() or p in taken]

    if on_conflict == "overwrite" or not clashes(stem):
        return stem
    if on_conflict == "error":
        raise ExportError(
            f"{clashes(stem)[0]} exists; pass on_conflict='overwrite' to replace it or "
            "'number' to write a numbered copy"
        )
    n = 2
    while clashes(f"{stem}-{n}"):
        n += 1
    return f"{stem}-{n}"


def _write_static(
    jobs: list[tuple[go.Figure, Path, str]],
    *,
    width: int | None,
    height: int | None,
    scale: float,
) -> None:
    if find_chromium() is None:
        raise ExportError(CHROMIUM_HINT)
    figs = [fig for fig, _, _ in jobs]
    try:
        pio.write_images(
            figs,
            [path for _, path, _ in jobs],
            format=[fmt for _, _, fmt in jobs],
            width=[width or fig.layout.width or 900 for fig in figs],
            height=[height or fig.layout.height or 520 for fig in figs],
            scale=scale,
        )
    except Exception as exc:  # kaleido/choreographer raise many types when the browser fails
        raise ExportError(
            f"static export failed ({type(exc).__name__}: {exc}). {CHROMIUM_HINT}"
        ) from exc
