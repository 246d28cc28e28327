"""Long tables page: a TableView sends one page of rows to the browser, with previous/next."""

from __future__ import annotations

import pandas as pd

from analysis.notebook import widgets


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"speaker": ["Ada", "Ben", "Cy", "Dee", "Eve"], "text": ["one", "two", "three", "4", "5"]}
    )


def test_a_long_table_shows_one_page_and_turns() -> None:
    view = widgets.TableView(frame(), page_rows=2)
    assert list(view.table.df.speaker) == ["Ada", "Ben"]
    assert view.pager.layout.display is None  # shown
    assert view.where.value == "&nbsp;rows 1–2 of 5&nbsp;"
    assert view.previous.disabled and not view.next.disabled
    view.turn(1)
    assert list(view.table.df.speaker) == ["Cy", "Dee"]
    assert view.where.value == "&nbsp;rows 3–4 of 5&nbsp;"
    # The first row of the second page is the table's third: Cy, "three".
    view._selected({"new": [0]})
    assert "Cy" in view.detail.value and "three" in view.detail.value
    view.turn(1)
    assert list(view.table.df.speaker) == ["Eve"] and view.next.disabled
    view.turn(1)  # past the end: stays on the last page
    assert view.where.value == "&nbsp;rows 5–5 of 5&nbsp;"
    view.turn(-5)
    assert list(view.table.df.speaker) == ["Ada", "Ben"]


def test_a_short_table_has_no_pager() -> None:
    view = widgets.TableView(frame())
    assert len(view.table.df) == 5
    assert view.pager.layout.display == "none"


def test_a_filter_change_goes_back_to_the_first_page(tables) -> None:
    panel = widgets.FilterPanel(tables.articles)
    view = widgets.TableView(
        lambda s: s.select_articles(tables.articles)[["article_id", "outlet"]],
        panel=panel,
        page_rows=2,
    )
    view.turn(1)
    assert view.where.value == "&nbsp;rows 3–4 of 5&nbsp;"
    panel.outlets["The Washington Post"].value = False
    assert view.where.value == "&nbsp;rows 1–2 of 4&nbsp;"
    assert "The Washington Post" not in set(view._frame.outlet)


def test_table_cells_show_no_nat_and_dates_without_midnight() -> None:
    import pandas as pd

    from analysis.notebook.views import shorten_columns

    frame = pd.DataFrame(
        {
            "published": pd.to_datetime(["2022-08-06", None]),
            "at": pd.to_datetime(["2022-08-05 21:30", None]),
        }
    )
    shown = shorten_columns(frame)
    assert shown.published.tolist() == ["2022-08-06", ""]
    assert shown["at"].tolist() == ["2022-08-05 21:30", ""]
    assert frame.published.isna().sum() == 1  # the caller's table is unchanged


def test_every_row_of_a_page_is_sent_however_many_bytes() -> None:
    # itables' default (maxBytes 64 KB) kept about 400 of these 1,000 rows of eight columns.
    wide = pd.DataFrame({f"c{i}": [f"2022-08-04 row {r}" for r in range(1000)] for i in range(8)})
    view = widgets.TableView(wide)
    assert len(view.table.df) == 1000 and list(view.table.df.c0[-2:]) == [
        "2022-08-04 row 998",
        "2022-08-04 row 999",
    ]
    assert "downsampling_warning" not in view.table._dt_args
    assert view.pager.layout.display == "none"


def test_a_wide_table_turns_pages_of_fewer_rows() -> None:
    # 48 columns: pages of PAGE_CELLS // 48 = 250 rows, each sent whole.
    wide = pd.DataFrame({f"c{i}": [f"r{r}" for r in range(600)] for i in range(48)})
    view = widgets.TableView(wide)
    assert len(view.table.df) == 250 and view.where.value == "&nbsp;rows 1–250 of 600&nbsp;"
    view.turn(2)
    assert list(view.table.df.c0) == [f"r{r}" for r in range(500, 600)]
    assert "downsampling_warning" not in view.table._dt_args
