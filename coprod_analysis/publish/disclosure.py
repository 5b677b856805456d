"""Small-number rules for anything published (contract section 4).

Modelled on the GP Patient Survey and NHS Digital's disclosure control, and
made conservative because training cohorts are small and know each other:

- a result (percentage, mean, distribution, rating) whose base is under
  ``min_base`` respondents (default 10) is not shown;
- a count from 1 to ``min_count - 1`` (default 1 to 4) is shown as ``<5``;
  0 is shown as 0;
- where a table shows a total beside suppressed cells, the next-smallest cell
  in that row or column is suppressed too (shown ``*``), so that nothing can
  be worked out by subtraction.

Counts are of respondents after duplicates are removed, never of forms.
"""

from __future__ import annotations

import math

import pandas as pd

#: Results with a smaller base are not shown.
MIN_BASE = 10
#: Counts below this (and above 0) are shown as "<5".
MIN_COUNT = 5
#: How a small count is shown.
SMALL = f"<{MIN_COUNT}"
#: How a cell suppressed to protect another is shown.
SECONDARY = "*"
#: How a result with too small a base is shown.
NOT_SHOWN = "not shown"


def show_count(count: int, min_count: int = MIN_COUNT) -> str:
    """A count as it may be published: ``<5`` for 1 to 4, ``0`` for none.

    Examples
    --------
    >>> [show_count(n) for n in (0, 1, 4, 5, 12)]
    ['0', '<5', '<5', '5', '12']
    >>> show_count(6, min_count=10)
    '<10'
    """
    count = int(count)
    if count < 0:
        raise ValueError("a count cannot be negative")
    return f"<{min_count}" if 0 < count < min_count else str(count)


def show_result(value: float, base: int, min_base: int = MIN_BASE,
                style: str = "percent") -> str:
    """A result as it may be published: hidden when its base is too small.

    Parameters
    ----------
    value:
        A proportion (0-1) for ``style="percent"``, or a number (a mean).
    base:
        How many respondents it is worked out from.
    style:
        ``percent`` (``83%``) or ``mean`` (``4.2``).

    Examples
    --------
    >>> show_result(0.834, 12), show_result(0.834, 9), show_result(4.25, 30, style="mean")
    ('83%', 'not shown', '4.2')
    """
    if base < min_base or value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_SHOWN
    if style == "percent":
        return f"{round(100 * value)}%"
    if style == "mean":
        return f"{value:.1f}"
    raise ValueError("style must be 'percent' or 'mean'")


def show_share(count: int, base: int, min_base: int = MIN_BASE,
               min_count: int = MIN_COUNT) -> str:
    """A share ``count / base`` as it may be published beside its base.

    A share and its base give the count away (25% of 12 is 3), and the count
    of those not counted (92% of 12 leaves 1): the share is not shown when
    either count, or the base itself, is from 1 to ``min_count - 1``, nor on
    a base under ``min_base``.

    Examples
    --------
    >>> [show_share(c, 12) for c in (0, 3, 6, 11, 12)]
    ['0%', 'not shown', '50%', 'not shown', '100%']
    >>> show_share(9, 9), show_share(50, 186), show_share(4, 4, min_base=3)
    ('not shown', '27%', 'not shown')
    """
    count, base = int(count), int(base)
    if any(0 < c < min_count for c in (count, base - count, base)):
        return NOT_SHOWN
    return show_result(count / base if base else float("nan"), base, min_base)


def suppress_table(counts: pd.DataFrame, *, row_totals: bool = True,
                   column_totals: bool = True, min_count: int = MIN_COUNT) -> pd.DataFrame:
    """A table of counts as it may be published, with primary and secondary suppression.

    Parameters
    ----------
    counts:
        Whole-number counts (rows by columns), without totals.
    row_totals, column_totals:
        Whether the published table shows a total for each row / column. Where
        it does, a row or column with exactly one suppressed cell has its
        next-smallest non-zero cell suppressed too, repeated until no total
        gives a suppressed cell away.
    min_count:
        Counts from 1 to ``min_count - 1`` are suppressed.

    Returns
    -------
    DataFrame
        Text: counts, ``<5``, ``*`` (suppressed to protect another cell), and
        ``Total`` row and column (of the true counts, themselves shown ``<5``
        when 1 to 4).

    Examples
    --------
    Row "a" has a 3: shown "<5", and its next-smallest cell, 6, hidden too.

    >>> table = pd.DataFrame({"x": [3, 20], "y": [6, 30], "z": [9, 40]}, index=["a", "b"])
    >>> suppress_table(table, column_totals=False).loc["a"].tolist()
    ['<5', '*', '9', '18']
    """
    values = counts.astype(int)
    small = (values > 0) & (values < min_count)
    hidden = small.copy()
    changed = True
    while changed:
        changed = False
        lines = []
        if row_totals:
            lines += [("row", label) for label in values.index]
        if column_totals:
            lines += [("column", label) for label in values.columns]
        for axis, label in lines:
            line_hidden = hidden.loc[label] if axis == "row" else hidden[label]
            if int(line_hidden.sum()) != 1:
                continue
            line_values = values.loc[label] if axis == "row" else values[label]
            candidates = line_values[(~line_hidden) & (line_values > 0)]
            if candidates.empty:
                continue
            # The next-smallest cell; on a tie, the first in the table's order.
            target = candidates.index[candidates.to_numpy().argmin()]
            if axis == "row":
                hidden.loc[label, target] = True
            else:
                hidden.loc[target, label] = True
            changed = True
    shown = values.astype(str)
    shown = shown.mask(hidden & ~small, SECONDARY).mask(small, f"<{min_count}")
    def total(n) -> str:  # a total is a count too: 1 to 4 is "<5"
        return show_count(int(n), min_count)

    if row_totals:
        shown["Total"] = values.sum(axis=1).map(total)
    if column_totals:
        totals = values.sum(axis=0).map(total)
        if row_totals:
            totals["Total"] = total(values.to_numpy().sum())
        shown.loc["Total"] = totals
    return shown
