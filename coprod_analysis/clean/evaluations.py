"""Clean evaluation-form exports into one table (contract section 3).

The evaluation form's own rules, on top of :mod:`coprod_analysis.clean.pipeline`:
the session date comes from the form or else from the submission time; a
response with neither is quarantined; ``session_id`` is the date and venue;
a resubmission is the same e-mail for the same session.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from coprod_analysis.clean.pipeline import (
    SOURCE_COLUMNS,
    FileContext,
    FormSpec,
    Setaside,
    load_form,
    mark_duplicates,
    slug,
)
from coprod_analysis.clean.result import CleanResult
from coprod_analysis.clean.values import TEXT_DTYPE, iso_text, join_text, map_distinct
from coprod_analysis.vocab import (
    EVALUATION_FIELD_NAMES,
    EVALUATION_FIELDS,
    OUTCOME_NAMES,
    REVIEW_FIELDS,
)

__all__ = ["EVALUATION_COLUMNS", "EVALUATION_FORM", "load_evaluations", "mark_duplicates",
           "session_ids", "slug"]

#: The clean table's columns, in order (contract section 3).
EVALUATION_COLUMNS: tuple[str, ...] = (
    "response_id",
    "session_id",
    *EVALUATION_FIELD_NAMES,
    *SOURCE_COLUMNS,
)


def session_ids(dates: pd.Series, venues: pd.Series) -> pd.Series:
    """``YYYY-MM-DD-venue-slug`` (or just the date where the venue is missing).

    Examples
    --------
    >>> d = pd.Series(pd.to_datetime(["2018-03-20", "2018-03-20", None]))
    >>> session_ids(d, pd.Series(["Civic Hall", pd.NA, "Civic Hall"])).tolist()
    ['2018-03-20-civic-hall', '2018-03-20', <NA>]
    """
    day = iso_text(dates, with_time=False)
    venue_slug = map_distinct(venues.astype(TEXT_DTYPE), slug)
    return join_text(day, venue_slug.mask((venue_slug == "").fillna(False).astype(bool)),
                     sep="-")


def _prepare(ctx: FileContext) -> Setaside:
    """Session date (from the form, else the submission time) and ``session_id``."""
    fields = ctx.fields
    if not ctx.dayfirst.get("session_date", True):
        ctx.report.notes.append("session dates were written month-first (e.g. 03/14/2018) "
                                "and read that way")
    from_form = fields["session_date"]
    fields["session_date"] = from_form.fillna(ctx.submitted.dt.normalize())
    problems = ctx.problems
    if len(problems):
        rescued = problems["field"].eq("session_date") & problems["source_row"].isin(
            fields.index[from_form.isna() & fields["session_date"].notna()])
        problems.loc[rescued, "problem"] += "; the date it was submitted was used instead"
    fields["session_id"] = session_ids(fields["session_date"], fields["venue"])

    no_date = fields["session_date"].isna().to_numpy()
    reasons = pd.Series(None, index=fields.index, dtype=object)
    if no_date.any():
        raw = ctx.raw("session_date").astype(str).str.strip()
        answered = (raw != "").to_numpy()
        reasons[no_date & answered] = (
            "the session date '" + raw[no_date & answered]
            + "' could not be read, and the export has no submission time to fall back on")
        reasons[no_date & ~answered] = (
            "the session date is missing, and the export has no submission time to fall "
            "back on")
    return reasons, pd.Series("no session date", index=fields.index, dtype=object)


EVALUATION_FORM = FormSpec(
    name="evaluations",
    noun="evaluation responses",
    label="an evaluation form",
    fields=EVALUATION_FIELDS,
    columns=EVALUATION_COLUMNS,
    derived=("improvement_themes",),
    unit="session_id",
    telling=(*OUTCOME_NAMES, "overall", "takeaway", "pledge"),
    rivals=(("a group review form", REVIEW_FIELDS),),
    prepare=_prepare,
    themes=(("improvements", "improvement_themes", "improvements"),),
)


def load_evaluations(
    paths: Iterable[str | Path] | str | Path,
    *,
    mapping: str | Path | None = None,
    keep_text: bool = False,
    progress: bool = False,
    themes: bool = True,
) -> CleanResult:
    """Read and clean evaluation-form exports from any supported platform.

    Parameters
    ----------
    paths:
        Export files and/or folders of exports (CSV or XLSX).
    mapping:
        Optional mapping file (``column,field``) overriding the automatic
        matching of columns to questions.
    keep_text:
        Keep free text as written; by default identifiers in it are redacted.
    progress:
        Show a progress bar while reading (the command line turns it on).
    themes:
        Infer ``improvement_themes`` from the improvements answers with the
        bundled improvements classifier (``False`` leaves the column empty).

    Returns
    -------
    CleanResult
        ``.data`` (one row per kept response), ``.quarantine``, ``.problems``
        and ``.summary``.

    Raises
    ------
    CoprodError
        For a missing, unreadable or unrelated file, or a bad mapping file.
    """
    return load_form(paths, EVALUATION_FORM, mapping=mapping, keep_text=keep_text,
                     progress=progress, themes=themes)
