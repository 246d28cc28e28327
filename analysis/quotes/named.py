"""Named: one article's mentions as plain Python tuples, looked up by body offset with `bisect`.

Speaker rules ask "who is named here?" thousands of times per article; filtering a DataFrame
for each question cost most of the quote stage's time. The index is built once per article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple


class Mention(NamedTuple):
    """One mention: body offsets, the words as written, its entity and that entity's label."""

    start: int
    end: int
    entity_id: str
    text: str
    label: str | None  # from the `entities` table; None when the entity is not there


class MentionIndex:
    """One article's mentions in body order (by start; mentions starting together keep the
    order of the `mentions` table), with lookups by offset."""

    def __init__(self, mentions: list[Mention]) -> None:
        """Keeps the mentions sorted by start (a stable sort: the table's order breaks ties)."""
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    @classmethod
    def from_rows(
        cls,
        mentions: Iterable[tuple[int, int, str, str]],
        labels: Mapping[str, str],
        *,
        skip: Sequence[tuple[int, int]] = (),
    ) -> MentionIndex:
        """Returns the index of an article's mentions.

        Args:
            mentions: The article's rows of the `mentions` table as (start, end, entity_id,
                text), in table order.
            labels: Each entity's label (entity_id → label).
            skip: Spans (start, end) whose mentions are left out: a mention starting inside
                one is not indexed (datelines and bylines never name a speaker).
        """
        return cls(
            [
                Mention(int(s), int(e), str(i), str(t), labels.get(str(i)))
                for s, e, i, t in mentions
                if not any(a <= s < b for a, b in skip)
            ]
        )

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Returns the mentions overlapping the span [start, end), in body order."""
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]

    def within(self, start: int, end: int) -> list[Mention]:
        """Returns the mentions lying inside the span [start, end), in body order."""
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def ending_by(self, offset: int) -> list[Mention]:
        """Returns the mentions that end at or before a body offset, in body order."""
        hi = bisect_right(self._starts, offset)
        return [m for m in self.mentions[:hi] if m.end <= offset]
