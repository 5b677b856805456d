"""The "you said, we did" report: what it is made from (inputs.py), what it says
(content.py), and how it is laid out as HTML and XLSX (render.py)."""

from coprod_analysis.report.content import (
    at_a_glance,
    ladder_tables,
    outcomes_table,
    representative_quotes,
    still_to_do,
    we_did,
    you_said,
)

__all__ = ["at_a_glance", "ladder_tables", "outcomes_table", "representative_quotes",
           "still_to_do", "we_did", "you_said"]
