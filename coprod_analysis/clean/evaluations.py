"""Clean evaluation-form exports into one table (contract section 3).

The evaluation form's own rules, on top of :mod:`coprod_analysis.clean.pipeline`:
the session date comes from the form or else from the submission time; a
response with neither is quarantined; ``session_id`` is the date and venue;
a resubmission is the same e-mail for the same session.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
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
from coprod_analysis.clean.redact import redact
from coprod_analysis.clean.result import CleanResult
from coprod_analysis.clean.values import TEXT_DTYPE, iso_text, join_text, map_distinct, parse_date
from coprod_analysis.errors import CoprodError
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


def _prepare(ctx: FileContext, given: GivenSession | None = None) -> Setaside:
    """Session date (from the form, else the one the officer gave, else the submission
    time) and ``session_id``."""
    fields = ctx.fields
    if not ctx.dayfirst.get("session_date", True):
        ctx.report.notes.append("session dates were written month-first (e.g. 03/14/2018) "
                                "and read that way")
    from_form = fields["session_date"]
    if given is not None:
        _fill_given(ctx, given)  # the officer's word comes before a guess from the time
    instead = ("the date given with --session-date was used instead"
               if given is not None and given.date is not None
               else "the date it was submitted was used instead")
    fields["session_date"] = fields["session_date"].fillna(ctx.submitted.dt.normalize())
    problems = ctx.problems
    if len(problems):
        rescued = problems["field"].eq("session_date") & problems["source_row"].isin(
            fields.index[from_form.isna() & fields["session_date"].notna()])
        problems.loc[rescued, "problem"] += "; " + instead
    fields["session_id"] = session_ids(fields["session_date"], fields["venue"])

    no_date = fields["session_date"].isna().to_numpy()
    reasons = pd.Series(None, index=fields.index, dtype=object)
    if no_date.any():
        raw = ctx.raw("session_date").astype(str).str.strip()
        answered = (raw != "").to_numpy()
        time_column = ctx.colmap.column_for("submitted_at")
        fallback = (f"and its submission time ({time_column!r}) is missing or could not be "
                    "read" if time_column else
                    "and the export has no submission time to fall back on")
        reasons[no_date & answered] = (
            "the session date '" + raw[no_date & answered] + "' could not be read, " + fallback)
        reasons[no_date & ~answered] = "the session date is missing, " + fallback
    return reasons, pd.Series("no session date", index=fields.index, dtype=object)


@dataclass(frozen=True)
class GivenSession:
    """The session an officer names for responses that do not say (``--session-date``).

    Attributes
    ----------
    date:
        The session's date, for rows with no date of their own.
    venue:
        The session's venue, for rows with no venue of their own.
    """

    date: pd.Timestamp | None = None
    venue: str | None = None


def parse_given_date(text: str | dt.date) -> pd.Timestamp:
    """Read the date an officer gives with ``--session-date``.

    ``YYYY-MM-DD``, a date with the month in words, or a day-first date whose
    day is above 12; a date that could be read either way is refused.

    Examples
    --------
    >>> parse_given_date("2024-03-14"), parse_given_date("14/03/2024")
    (Timestamp('2024-03-14 00:00:00'), Timestamp('2024-03-14 00:00:00'))
    >>> parse_given_date("3 April 2024")
    Timestamp('2024-04-03 00:00:00')
    >>> try:
    ...     parse_given_date("03/04/2024")
    ... except CoprodError as error:
    ...     print(error)
    --session-date '03/04/2024' could be 3 April or 4 March; write it as YYYY-MM-DD
    """
    if isinstance(text, dt.date):
        return pd.Timestamp(text).normalize()
    raw = str(text).strip()
    ambiguous = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}", raw)
    if ambiguous and int(ambiguous[1]) <= 12 and int(ambiguous[2]) <= 12 \
            and ambiguous[1] != ambiguous[2]:
        first, second = int(ambiguous[1]), int(ambiguous[2])
        raise CoprodError(
            f"--session-date {raw!r} could be {first} {calendar.month_name[second]} or "
            f"{second} {calendar.month_name[first]}; write it as YYYY-MM-DD")
    day, problem = parse_date(raw, dayfirst=True)
    if day is None:
        raise CoprodError(f"--session-date {raw!r} is not a date ({problem or 'empty'}); "
                          "write it as YYYY-MM-DD")
    return pd.Timestamp(day)


def _fill_given(ctx: FileContext, given: GivenSession) -> None:
    """Give rows without a date (or venue) of their own the officer's, and say so."""
    fields = ctx.fields
    answered = ~ctx.blank
    if given.date is not None:
        missing = fields["session_date"].isna() & answered
        if missing.any():
            fields.loc[missing, "session_date"] = given.date
            ctx.report.notes.append(
                f"{int(missing.sum())} responses had no session date on the form: "
                f"{given.date:%Y-%m-%d} was used, as given by the officer with --session-date")
    if given.venue:
        missing = (fields["venue"].isna() | (fields["venue"].astype(str).str.strip() == "")) \
            & answered
        if missing.any():
            fields["venue"] = fields["venue"].astype(TEXT_DTYPE)
            fields.loc[missing, "venue"] = given.venue
            ctx.report.notes.append(
                f"{int(missing.sum())} responses had no venue: {given.venue!r} was used, as "
                "given by the officer with --venue")


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
    session_date: str | dt.date | None = None,
    venue: str | None = None,
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
    session_date:
        The session's date, for files of one session's forms that carry no date
        (paper forms typed up): used for every response with no date of its own on
        the form (before the submission time, which for typed forms is when they
        were typed), and recorded in the summary as given by the officer.
        ``YYYY-MM-DD`` (or a date no one could misread).
    venue:
        The session's venue, for responses that give none (recorded likewise).

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
    form = EVALUATION_FORM
    if session_date is not None or (venue is not None and venue.strip()):
        # the venue as typed is free text ("Home visit, Mrs Hill, 07700 900999"): redacted
        # as answers are, before it is written or made into session ids
        given_venue = venue.strip() if venue and venue.strip() else None
        if given_venue and not keep_text:
            given_venue = redact(given_venue)
        given = GivenSession(parse_given_date(session_date) if session_date is not None else None,
                             given_venue)
        form = dataclasses.replace(
            form, prepare=partial(_prepare, given=given),
            options={**form.options,
                     "session_date_given": (f"{given.date:%Y-%m-%d}" if given.date is not None
                                            else None),
                     "venue_given": given.venue})
    return load_form(paths, form, mapping=mapping, keep_text=keep_text,
                     progress=progress, themes=themes)
