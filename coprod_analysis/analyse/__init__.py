"""Analysis: pure functions from clean tables to tidy summary tables.

Outcomes (evaluations), the ladder, challenge themes and quality indicators
(reviews). Charts (coming) draw these tables; nothing here draws or writes.
"""

from coprod_analysis.analyse.challenges import (
    challenge_cooccurrence,
    challenge_counts,
    challenge_indicators,
    ticked_and_written,
    with_period,
)
from coprod_analysis.analyse.checks import register_gaps, reviewed_once, small_bases
from coprod_analysis.analyse.ladder import (
    ladder_distribution,
    ladder_movement,
    movement_summary,
    select_reviews,
)
from coprod_analysis.analyse.outcomes import (
    agreement_by_session,
    agreement_rates,
    likert_distribution,
    overall_rating,
    response_rates,
)
from coprod_analysis.analyse.quality import quality_scores
from coprod_analysis.analyse.slices import explore, slice_options, slice_table
from coprod_analysis.analyse.stats import sign_test, wilson_interval

__all__ = [
    "agreement_by_session",
    "agreement_rates",
    "challenge_cooccurrence",
    "challenge_counts",
    "challenge_indicators",
    "explore",
    "ladder_distribution",
    "ladder_movement",
    "likert_distribution",
    "movement_summary",
    "overall_rating",
    "quality_scores",
    "register_gaps",
    "response_rates",
    "reviewed_once",
    "select_reviews",
    "sign_test",
    "slice_options",
    "slice_table",
    "small_bases",
    "ticked_and_written",
    "wilson_interval",
    "with_period",
]
