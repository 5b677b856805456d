"""Charts: each function takes a clean table and returns a matplotlib Figure.

Every figure states its finding in its title, labels its axes, shows its
base (n), uses the NHS identity colours in colour-blind-safe pairs, and
carries a one-sentence text alternative as ``figure.alt_text``.
"""

from coprod_analysis.charts.outcomes import (
    plot_agreement,
    plot_agreement_trend,
    plot_likert,
    plot_session_heatmap,
)
from coprod_analysis.charts.reviews import (
    plot_challenges,
    plot_cooccurrence,
    plot_ladder,
    plot_quality,
)

__all__ = [
    "plot_agreement",
    "plot_agreement_trend",
    "plot_challenges",
    "plot_cooccurrence",
    "plot_ladder",
    "plot_likert",
    "plot_quality",
    "plot_session_heatmap",
]
