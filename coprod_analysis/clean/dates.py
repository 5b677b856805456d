"""Decide, per column, whether numeric dates are day-first or month-first.

``03/04/2019`` is 3 April in the UK and 4 March in the US. The order is
decided once per column, from its values, never per cell (a column is never
read with a mix of orders):

1. If any date in the column has a first part above 12 (``14/03/2019``), the
   column is day-first; if any has a second part above 12 (``03/14/2019``),
   month-first.
2. If the values cannot decide (every part is 12 or less), the order the
   platform is known to write is used
   (:data:`coprod_analysis.read.platforms.DATE_CONVENTIONS`).
3. Otherwise the column is read day-first (the UK default) and a note names
   the column and the ambiguity; unless, for a date a respondent gave, the
   submission times say otherwise: read month-first, every session date falls
   on or before the day its form was sent (and within 120 days), where read
   day-first most fall after it (``clean.fields.settle_by_submission``, with a
   note).

A column holding both kinds (``14/03/2019`` and ``03/14/2019``) is read
day-first; its month-first dates are left unread, each with a problem saying
so, and a note says how many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pa_compute

from coprod_analysis.read.platforms import DATE_CONVENTIONS

_NUMERIC = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?=$|[\sT,])")

#: The problem given to a month-first date in a column read day-first.
PROBLEM_MIXED = ("written month-first in a column whose other dates are day-first; left "
                 "unread rather than guessed")


@dataclass
class DateOrder:
    """How one column's numeric dates are read, and why.

    Attributes
    ----------
    dayfirst:
        True for day-first (``DD/MM/YYYY``).
    why:
        ``values`` (a value decided it), ``platform`` (the platform's known
        order), ``default`` (nothing decided: the UK default, with a note),
        ``submission`` (month-first, as the submission times say, with a note),
        ``mixed`` (both orders found: day-first, the others left unread) or
        ``none`` (no numeric dates with ``/``, ``.`` or ``-``: nothing to decide).
    detail:
        The reason in plain English.
    """

    dayfirst: bool
    why: str
    detail: str

    @property
    def order(self) -> str:
        """``day-first`` or ``month-first``."""
        return "day-first" if self.dayfirst else "month-first"

    def as_dict(self) -> dict:
        """For ``summary.json``."""
        return {"order": self.order, "decided_by": self.why, "why": self.detail}

    @property
    def note(self) -> str | None:
        """A note for the summary where the order had to be assumed, else ``None``."""
        if self.why in ("default", "mixed", "submission"):
            return self.detail
        return None


def _platform_name(platform: str) -> str:
    return {"surveymonkey": "SurveyMonkey", "msforms": "Microsoft Forms",
            "googleforms": "Google Forms", "jisc": "JISC Online Surveys",
            "qualtrics": "Qualtrics", "smartsurvey": "SmartSurvey",
            "manual": "a typed sheet", "coprod": "a cleaned table"}.get(platform, platform)


_ARROW_NUMERIC = (r"^[ \t]*(?P<first>[0-9]{1,2})[/.-](?P<second>[0-9]{1,2})[/.-]"
                  r"(?:[0-9]{4}|[0-9]{2})(?:$|[ \tT,])")


def _scan(values: pd.Series) -> tuple[str | None, str | None, int]:
    """A value that can only be day-first, one that can only be month-first, and how many
    distinct numeric dates start the column's values; in pyarrow (fast for a million rows).

    Examples
    --------
    >>> _scan(pd.Series(["14/03/2024", "03/15/2024 10:00", "2024-01-01", None]))
    ('14/03/2024', '03/15/2024', 2)
    """
    if not isinstance(values.dtype, pd.StringDtype):
        values = values.astype(pd.StringDtype("pyarrow"))
    array = pa.array(values.array, type=pa.large_string())
    # Only the date at the start matters: judge each distinct start once (a million
    # timestamps hold a few hundred dates).
    heads = pa_compute.unique(pa_compute.utf8_slice_codeunits(array, 0, 11))
    parts = pa_compute.extract_regex(heads, _ARROW_NUMERIC)
    first = pa_compute.cast(pa_compute.struct_field(parts, "first"), pa.int64())
    second = pa_compute.cast(pa_compute.struct_field(parts, "second"), pa.int64())
    numeric = len(first) - first.null_count
    if not numeric:
        return None, None, 0
    day = pa_compute.and_(pa_compute.greater(first, 12), pa_compute.less_equal(second, 12))
    month = pa_compute.and_(pa_compute.greater(second, 12), pa_compute.less_equal(first, 12))

    def example(mask: pa.Array) -> str | None:
        hits = pa_compute.indices_nonzero(pa_compute.fill_null(mask, False))
        if not len(hits):
            return None
        # the date alone, not the rest of its cell: a note quotes it, and the cell may
        # go on with anything ("14/03/2019 - Sarah Jones, 07700 900461")
        head = heads[hits[0].as_py()].as_py()
        date = _NUMERIC.match(head)
        return date.group(0).strip() if date else head.split()[0]

    return example(day), example(month), numeric


def decide_order(values: pd.Series, platform: str, column: str, *,
                 platform_column: bool = True) -> DateOrder:
    """Decide how a column's numeric dates are read (see the module docstring).

    Parameters
    ----------
    values:
        The column's raw text.
    platform:
        The export's platform.
    column:
        The column's header, for the note.
    platform_column:
        Whether the platform itself wrote the column (its submission time). A
        date a respondent typed or picked is written as the survey was set up,
        so the platform's order is not assumed for it.

    Examples
    --------
    >>> decide_order(pd.Series(["1/26/2023 11:17:16", "2/1/2023 09:00:00"]), "googleforms",
    ...              "Timestamp").order
    'month-first'
    >>> decide_order(pd.Series(["14/03/2019"]), "surveymonkey", "Date").why
    'values'
    >>> o = decide_order(pd.Series(["9/1/2024 11:27"]), "msforms", "Completion time")
    >>> o.order, o.why
    ('month-first', 'platform')
    >>> decide_order(pd.Series(["01/05/2018"]), "surveymonkey", "Date",
    ...              platform_column=False).order
    'day-first'
    >>> o = decide_order(pd.Series(["03/04/2019"]), "manual", "Date")
    >>> o.order, o.why
    ('day-first', 'default')
    >>> decide_order(pd.Series(["2019-03-04", ""]), "manual", "Date").why
    'none'
    """
    day_only, month_only, numeric = _scan(values)
    name = f"column {column!r}"
    if day_only and month_only:
        return DateOrder(True, "mixed", (
            f"{name} mixes day-first dates (e.g. {day_only!r}) with month-first ones (e.g. "
            f"{month_only!r}): read day-first, and the month-first ones left unread (see "
            "problems.csv); check how the file was made"))
    if day_only:
        return DateOrder(True, "values", f"{name}: {day_only!r} can only be day-first")
    if month_only:
        return DateOrder(False, "values", f"{name}: {month_only!r} can only be month-first")
    if not numeric:
        return DateOrder(True, "none", f"{name}: no date written day and month as numbers "
                                       "(year first, month in words or spreadsheet date "
                                       "cells), so no order to decide")
    if platform in DATE_CONVENTIONS and platform_column:
        dayfirst, source = DATE_CONVENTIONS[platform]
        return DateOrder(dayfirst, "platform",
                         f"{name}: every date could be either order; {source}")
    return DateOrder(True, "default", (
        f"{name}: every date could be day-first or month-first (no day above 12), and "
        + (f"{_platform_name(platform)} has no fixed order" if platform_column else
           "the survey's own date format is not known")
        + ": read day-first, the UK default; check one date you know"))


def format_order(fmt: str) -> bool | None:
    """Whether a ``strptime`` format is day-first (True), month-first (False) or neither.

    Examples
    --------
    >>> format_order("%d/%m/%Y"), format_order("%m/%d/%Y %H:%M"), format_order("%Y/%m/%d")
    (True, False, None)
    """
    if fmt.startswith("%Y") or "%d" not in fmt or "%m" not in fmt:
        return None
    return fmt.index("%d") < fmt.index("%m")


def formats_for(formats: tuple[str, ...], order: DateOrder) -> tuple[str, ...]:
    """A platform's timestamp formats, keeping only those in the column's order.

    Examples
    --------
    >>> formats_for(("%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d"),
    ...             DateOrder(True, "values", ""))
    ('%d/%m/%Y %H:%M', '%Y-%m-%d')
    """
    return tuple(f for f in formats if format_order(f) in (None, order.dayfirst))


def mark_mixed(values: pd.Series, problems: np.ndarray, order: DateOrder) -> np.ndarray:
    """In a mixed column, say of each month-first date why it was left unread."""
    if order.why != "mixed":
        return problems
    problems = problems.copy()
    text = values.astype(object).to_numpy()
    for i, value in enumerate(text):
        if problems[i] is None or not isinstance(value, str):
            continue
        match = _NUMERIC.match(value)
        if match and int(match[2]) > 12 >= int(match[1]):
            problems[i] = PROBLEM_MIXED
    return problems


def describe_reading(report, export) -> None:
    """Put the platform, layout and date orders of one file into its report.

    Parameters
    ----------
    report:
        The file's :class:`~coprod_analysis.clean.result.FileReport`.
    export:
        The :class:`~coprod_analysis.read.platforms.RawExport` read.
    """
    report.recognised_by = export.recognised_by
    report.date_order = {column: order.as_dict() for column, order in export.date_orders.items()}
    report.evidence = dict(export.evidence)
    notes = [order.note for order in export.date_orders.values()] + export.scale_notes
    for note in notes:
        if note and note not in report.notes:
            report.notes.append(note)
