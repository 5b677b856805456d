"""The workbook's display layer: analysis tables as people read them.

The analysis functions (:mod:`coprod_analysis.analyse`) return tidy
DataFrames for analysts; the functions here turn each into a pandas
``Styler`` for officers: labels from :mod:`coprod_analysis.vocab` instead of
codes, shares as percentages with the base n beside them, counts as whole
numbers, ``–`` where there is no value, the ladder in ladder order, and each
test result as a plain sentence. They never change the table they are given.

The formatting rules, once:

- a share is a whole percentage, halves rounded up (``0.125`` is ``13%``);
- a count is a whole number with thousands separated (``1,204``);
- a missing value (no answer, no base) is ``–``; a count of 0 is ``0``;
- rows or columns on a base under ``min_base`` are greyed out where asked.

Modules: ``format`` (one value), ``styled`` (a Styler; any table),
``tables`` (each analysis table), ``sentences`` (plain-English warnings),
``notes`` (prose, warning boxes, pages), ``explore`` (one slice as a page).
"""

from __future__ import annotations

from coprod_analysis.show.explore import slice_page
from coprod_analysis.show.format import (
    FIELD_LABELS,
    NONE,
    fmt_count,
    fmt_date,
    fmt_p,
    fmt_share,
    fmt_share_of,
    label_of,
    listing,
    themes_text,
)
from coprod_analysis.show.notes import Code, Notes, Page, warnings
from coprod_analysis.show.sentences import (
    is_small,
    register_warnings,
    reviewed_once_warnings,
    small_base_warnings,
)
from coprod_analysis.show.styled import GREY, table
from coprod_analysis.show.tables import (
    LADDER_ANSWERS,
    agreement_table,
    ladder_table,
    movement_summary_table,
    movement_table,
    quality_table,
    response_table,
    session_labels,
    sign_test_sentence,
    themes_table,
    ticked_written_table,
)

__all__ = ["FIELD_LABELS", "GREY", "LADDER_ANSWERS", "NONE", "Code", "Notes", "Page",
           "agreement_table", "fmt_count", "fmt_date", "fmt_p", "fmt_share", "fmt_share_of",
           "is_small", "label_of", "ladder_table", "listing", "movement_summary_table",
           "movement_table", "quality_table", "register_warnings", "response_table",
           "reviewed_once_warnings", "session_labels", "sign_test_sentence", "slice_page",
           "small_base_warnings", "table", "themes_table", "themes_text",
           "ticked_written_table", "warnings"]
