"""Publishing: what may be shown to patients and boards (contract section 4)."""

from coprod_analysis.publish.disclosure import (
    MIN_BASE,
    MIN_COUNT,
    NOT_SHOWN,
    SECONDARY,
    SMALL,
    half_up,
    percent,
    show_count,
    show_result,
    show_share,
    shown_base,
    suppress_table,
    withheld_totals,
)

__all__ = ["MIN_BASE", "MIN_COUNT", "NOT_SHOWN", "SECONDARY", "SMALL", "half_up", "percent",
           "show_count", "show_result", "show_share", "shown_base", "suppress_table",
           "withheld_totals"]
