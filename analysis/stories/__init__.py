"""Stories: which articles of a corpus report the same story (docs/stories.md).

`find_stories` groups the articles (`grouping`: shared rare words and entities, title and lead
weighing most, publication days within a window, with blocking, cut where one pair of articles
alone holds two dense parts together (`cores`), split into the developments of one topic
their headlines announce (`developments`); then groups whose headlines name
the same things, so that a story filling its corpus holds together; last, cut where two runs
of days are less alike than a pair it joins, `gaps`) or takes the manifest's
`story` column, and describes each story for the `stories` table (`table`). Comparisons between
articles (links, statements and what is built on them) stay within a story.
"""

from .grouping import group_articles
from .table import find_stories

__all__ = ["find_stories", "group_articles"]
