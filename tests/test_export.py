"""Export: real PNG/SVG/HTML files, safe names, no silent overwrite, one browser per batch."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from analysis.notebook import charts, export
from tests.browser import chromium_or_skip


@pytest.fixture
def figure(tables) -> go.Figure:
    return charts.plot_article_lengths(tables.articles)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_svg_html(figure, tmp_path: Path) -> None:
    chromium_or_skip()
    paths = export.save(figure, "Article lengths", out_dir=tmp_path, width=640, height=400, scale=1)
    assert [p.name for p in paths] == [
        "article-lengths.png",
        "article-lengths.svg",
        "article-lengths.html",
    ]
    assert png_size(paths[0]) == (640, 400)
    root = ET.parse(paths[1]).getroot()
    assert root.tag.endswith("svg")
    assert "Article length in words" in paths[1].read_text(encoding="utf-8")
    page = paths[2].read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", page, re.IGNORECASE)
    assert "Article length in words" in page and len(page) > 1_000_000  # plotly.js inline


def test_default_png_is_the_chart_size_at_double_density(figure, tmp_path: Path) -> None:
    chromium_or_skip()
    (png,) = export.save(figure, "lengths", formats=("png",), out_dir=tmp_path)
    # No width (the live chart follows its cell): 900 px; the height is the chart's, from its
    # rows: 220 px of frame + 5 articles × 44 px = 440.
    assert figure.layout.width is None and figure.layout.height == 440
    assert png_size(png) == (1800, 880)


def test_a_batch_uses_one_browser(figure, tmp_path: Path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(export, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(pio, "write_images", lambda figs, paths, **kw: calls.append(paths))
    export.save_all({"a": figure, "b": figure, "c": figure}, out_dir=tmp_path)
    assert len(calls) == 1 and len(calls[0]) == 6  # 3 charts × (png, svg) in one call


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/tmp/x", "tmp-x"),
        ("Sentence length · outlet", "sentence-length-outlet"),
        ("Agnès Callamard", "agnes-callamard"),
        ("report.html", "report-html"),
    ],
)
def test_safe_names_stay_inside_the_folder(name: str, stem: str, figure, tmp_path: Path) -> None:
    assert export.safe_name(name) == stem
    (path,) = export.save(figure, name, formats=("html",), out_dir=tmp_path)
    assert path.parent == tmp_path and path.name == f"{stem}.html"


def test_unusable_name(figure, tmp_path: Path) -> None:
    with pytest.raises(export.ExportError, match="no letters or digits"):
        export.save(figure, "../..", formats=("html",), out_dir=tmp_path)


def test_no_overwrite_without_intent(figure, tmp_path: Path) -> None:
    (first,) = export.save(figure, "chart", formats=("html",), out_dir=tmp_path)
    first.write_text("keep me", encoding="utf-8")
    with pytest.raises(export.ExportError, match="chart.html exists; pass on_conflict"):
        export.save(figure, "chart", formats=("html",), out_dir=tmp_path)
    assert first.read_text(encoding="utf-8") == "keep me"
    (numbered,) = export.save(
        figure, "chart", formats=("html",), out_dir=tmp_path, on_conflict="number"
    )
    assert numbered.name == "chart-2.html"
    export.save(figure, "chart", formats=("html",), out_dir=tmp_path, on_conflict="overwrite")
    assert first.read_text(encoding="utf-8") != "keep me"


def test_missing_chromium_says_how_to_install_it_and_html_still_works(
    figure, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(export, "find_chromium", lambda: None)
    with pytest.raises(export.ExportError, match=r"apt-get install -y chromium"):
        export.save(figure, "chart", out_dir=tmp_path)
    assert (tmp_path / "chart.html").is_file()
    assert not (tmp_path / "chart.png").exists()


def test_unknown_format(figure, tmp_path: Path) -> None:
    with pytest.raises(export.ExportError, match=r"unknown export format\(s\) \['gif'\]"):
        export.save(figure, "chart", formats=("gif",), out_dir=tmp_path)


def test_report_pages_carry_plotly_once() -> None:
    from analysis.notebook.report import embed_plotly

    page = "<html><head></head><body><script>Plotly.newPlot('a')</script></body></html>"
    embedded = embed_plotly(page)
    assert embedded.count("<script type='text/javascript'>") == 1 and len(embedded) > 1_000_000
    assert embed_plotly("<html><head></head><body>no chart</body></html>").count("<script") == 0


def test_a_live_chart_has_a_static_copy_for_the_report(tables, tmp_path: Path) -> None:
    from analysis.notebook import widgets

    chart = widgets.LiveChart(
        lambda s: charts.plot_article_lengths(tables.articles, selection=s),
        name="lengths",
        export_dir=tmp_path,
    )
    html = chart._repr_mimebundle_()["text/html"]
    assert "Plotly.newPlot" in html and "Article length in words" in html
    assert "<script src" not in html  # plotly.js comes once per report page
