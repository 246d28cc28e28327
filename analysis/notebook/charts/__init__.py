"""Chart builders: pure functions from tables (and a `Selection`) to Plotly figures, in one style.

Every builder draws one trace per outlet (or per category) of the *whole* corpus, in a fixed order,
and leaves the traces of unselected outlets empty: the colours never move when a filter changes,
and a `FigureWidget` can be refreshed in place. Text taken from articles (titles, outlet names,
sentences) is HTML-escaped before it reaches a label or hover, since Plotly renders HTML tags.
"""

from .corpus import (
    plot_article_lengths,
    plot_paragraph_structure,
    plot_publication_timeline,
    plot_removed_text,
    plot_sentence_lengths,
    plot_story_coverage,
)
from .entities import HEATMAP_MAX_ROWS, plot_entity_coverage, select_mentions
from .overlap import KIND_COLORS, index_overlap, plot_overlap_matrix, plot_statement_grid
from .quotes import plot_attribution_verbs, plot_voice_share, select_utterances, speaker_colors
from .style import (
    CAPTION_WIDTH,
    CATEGORY_PALETTE,
    DAY_MS,
    NOTHING_MATCHES,
    OUTLET_PALETTE,
    category_colors,
    escape,
    make_figure,
    outlet_colors,
    wrap_labels,
)
from .timeline import plot_propagation, plot_timeline, prepare_timeline

__all__ = [
    "CAPTION_WIDTH",
    "CATEGORY_PALETTE",
    "DAY_MS",
    "HEATMAP_MAX_ROWS",
    "KIND_COLORS",
    "NOTHING_MATCHES",
    "OUTLET_PALETTE",
    "category_colors",
    "escape",
    "index_overlap",
    "make_figure",
    "outlet_colors",
    "plot_article_lengths",
    "plot_attribution_verbs",
    "plot_entity_coverage",
    "plot_overlap_matrix",
    "plot_paragraph_structure",
    "plot_propagation",
    "plot_publication_timeline",
    "plot_removed_text",
    "plot_sentence_lengths",
    "plot_statement_grid",
    "plot_story_coverage",
    "plot_timeline",
    "plot_voice_share",
    "prepare_timeline",
    "speaker_colors",
    "select_mentions",
    "select_utterances",
    "wrap_labels",
]
