"""`FilterPanel`: the filter controls (outlets, a date range, a text search and choice lists)
every chart and viewer of a notebook follows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from ..corpus.selection import Selection

Listener = Callable[[Selection], None]


class FilterPanel:
    """Reusable filter controls: a story, outlets, a date range, a text search and choice lists.

    Attributes:
        widget: The controls, ready to display.
        story: The story picker ("all stories" or one story); shown when the corpus has several.
        outlets: One checkbox per outlet.
        date_from: First publication day shown.
        date_to: Last publication day shown.
        search: Text that kept rows must contain (applied on Enter or leaving the box).
        choices: One multi-select per choice column (e.g. speaker, entity label).
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        *,
        outlets: Iterable[str] | None = None,
        choices: Mapping[str, Sequence[str]] | None = None,
        search: bool = True,
        dates: bool = True,
        minimum: tuple[str, int] | None = None,
        top: tuple[int, int] | None = None,
        stories: pd.DataFrame | None = None,
        story: int | str | None = None,
    ) -> None:
        """Builds the controls for a corpus.

        Args:
            articles: The whole `articles` table (it gives the outlets and the date range).
            outlets: Outlets ticked at first; None ticks all.
            choices: Column name → values offered (all selected at first), e.g.
                {"speaker": [...]} or {"label": ["PERSON", "ORG"]}.
            search: Show the text search box.
            dates: Show the date range.
            minimum: (description, largest value) of a "minimum count" slider, e.g.
                ("min. mentions", 20); None shows none.
            top: (first value, largest value) of a "show top N" slider for the charts that rank
                categories (the rest summed as "other", `charts.top`); None shows none.
            stories: The `stories` table: with more than one story, a story picker is shown
                (stories with the most articles first).
            story: The story picked at first: a `story_id`, "largest" (the story with the most
                articles, for the charts that compare articles), or None for all stories.
        """
        first = None if outlets is None else set(outlets)
        self.outlets = {
            o: w.Checkbox(
                value=first is None or o in first,
                description=o,
                indent=False,
                layout=w.Layout(width="auto", margin="0 1.2em 0 0"),
            )
            for o in sorted(articles.outlet.unique(), key=str.casefold)
        }
        dated = articles.published.dropna()
        self._span = (dated.min().date(), dated.max().date()) if len(dated) else (None, None)
        self.date_from = w.DatePicker(description="from", value=self._span[0])
        self.date_to = w.DatePicker(description="to", value=self._span[1])
        self.search = w.Text(
            description="search",
            placeholder="text contains… (Enter)",
            continuous_update=False,
        )
        self.choices = {
            column: w.SelectMultiple(
                options=list(values),
                value=list(values),
                description=column,
                rows=min(6, max(2, len(values))),
            )
            for column, values in (choices or {}).items()
        }
        self.minimum = w.IntSlider(
            value=1,
            min=1,
            max=max(2, minimum[1]) if minimum else 2,
            description=minimum[0] if minimum else "minimum",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        self.top = w.IntSlider(
            value=top[0] if top else 1,
            min=1,
            max=max(2, top[1]) if top else 2,
            description="show top N",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        self.story = w.Dropdown(
            options=story_options(stories),
            value=pick_story(stories, story),
            description="story",
            layout=w.Layout(width="auto", max_width="60em"),
            style={"description_width": "initial"},
        )
        self._story_labels = (
            {} if stories is None else dict(zip(stories.story_id, stories.label, strict=True))
        )
        rows: list[w.Widget] = []
        if len(self.story.options) > 2:  # "all stories" and at least two stories
            rows.append(self.story)
        rows += [
            w.HBox(
                [w.HTML("<b>outlets</b>&nbsp;"), *self.outlets.values()],
                layout=w.Layout(flex_flow="row wrap"),
            )
        ]
        if dates and self._span[0] is not None:
            rows.append(w.HBox([self.date_from, self.date_to]))
        if search:
            rows.append(self.search)
        if self.choices:
            rows.append(w.HBox(list(self.choices.values())))
        if minimum:
            rows.append(self.minimum)
        if top:
            rows.append(self.top)
        self._top = top is not None
        self.widget = w.VBox(rows, layout=w.Layout(border="1px solid #ddd", padding="6px"))
        self.widget.add_class("coverage-lens-filters")
        self._listeners: list[Listener] = []
        for control in [
            self.story,
            *self.outlets.values(),
            self.date_from,
            self.date_to,
            self.search,
            self.minimum,
            self.top,
        ]:
            control.observe(self._changed, names="value")
        for control in self.choices.values():
            control.observe(self._changed, names="value")

    @property
    def selection(self) -> Selection:
        """Returns the current selection (date bounds only when narrowed from the corpus's)."""
        ticked = [o for o, box in self.outlets.items() if box.value]
        date_from = self.date_from.value if self.date_from.value != self._span[0] else None
        date_to = self.date_to.value if self.date_to.value != self._span[1] else None
        return Selection.of(
            outlets=None if len(ticked) == len(self.outlets) else ticked,
            date_from=date_from,
            date_to=date_to,
            search=self.search.value,
            choices={
                c: box.value for c, box in self.choices.items() if len(box.value) < len(box.options)
            },
            minimum=self.minimum.value,
            top=self.top.value if self._top else None,
            story=self.story.value,
            story_label=self._story_labels.get(self.story.value, ""),
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def on_change(self, listener: Listener) -> None:
        """Calls `listener(selection)` whenever a control changes."""
        self._listeners.append(listener)

    def _changed(self, _change: Any) -> None:
        selection = self.selection
        for listener in self._listeners:
            listener(selection)


def story_options(stories: pd.DataFrame | None) -> list[tuple[str, int | None]]:
    """Returns the story picker's options: "all stories", then each story with the most articles
    first (then the earliest), as "label (n articles, outlets, first day)"."""
    options: list[tuple[str, int | None]] = [("all stories", None)]
    if stories is None or stories.empty:
        return options
    ordered = stories.sort_values(
        ["n_articles", "first_published", "story_id"], ascending=[False, True, True]
    )
    days = ordered.first_published.dt.strftime("%Y-%m-%d").fillna("undated").tolist()
    for story, label, n, outlets, day in zip(
        ordered.story_id.tolist(),
        ordered.label.tolist(),
        ordered.n_articles.tolist(),
        ordered.n_outlets.tolist(),
        days,
        strict=True,
    ):
        options.append(
            (f"{story} · {label} ({n} articles, {outlets} outlets, from {day})", int(story))
        )
    return options


def pick_story(stories: pd.DataFrame | None, story: int | str | None) -> int | None:
    """Returns the story a panel opens on: None (all stories) when the corpus has one story or
    none is asked for, the largest story for "largest", else the `story_id` asked for.

    Raises:
        ValueError: `story` is not a story of the table, nor "largest" or None.
    """
    if story is None or stories is None or len(stories) < 2:
        return None
    if story == "largest":
        return int(story_options(stories)[1][1] or 0)
    if isinstance(story, str) or int(story) not in set(stories.story_id.tolist()):
        raise ValueError(f"no story {story!r}: give a story_id of the stories table, or 'largest'")
    return int(story)
