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

import functools
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


def _pinned(line: pd.Series, primary: pd.Series, hidden: pd.Series, min_count: int) -> bool:
    """Whether a reader could work out a hidden cell of a line exactly from its total.

    The reader knows the total, the cells shown, that a ``<5`` cell is 1 to
    ``min_count - 1``, and that a ``*`` cell is at least ``min_count`` and, as
    the next-smallest cell was hidden, no more than the smallest cell shown.
    Every combination of hidden values that adds up is tried (by the sums
    the other cells can reach); a cell with only one possible value is pinned.

    Examples
    --------
    >>> line = pd.Series([2, 5, 5, 0])
    >>> primary = pd.Series([True, False, False, False])
    >>> _pinned(line, primary, pd.Series([True, True, False, False]), 5)  # * is 5: <5 is 2
    True
    >>> _pinned(line, primary, pd.Series([True, True, True, False]), 5)
    False
    """
    rest = int(line[hidden].sum())
    shown_values = line[~hidden & (line > 0)]
    full = (1 << (rest + 1)) - 1

    def reach(options: list[range]) -> int:  # bit s set: the cells can add up to s
        sums = 1
        for domain in options:
            sums = functools.reduce(lambda acc, v: acc | (sums << v), domain, 0) & full
        return sums

    def possible_values(ceiling: int) -> list[list[int]]:
        domains = [range(1, min_count) if primary[i] else range(min_count, ceiling + 1)
                   for i in line.index[hidden]]
        return [[v for v in domain if v <= rest and reach(domains[:k] + domains[k + 1:])
                 >> (rest - v) & 1] for k, domain in enumerate(domains)]

    found = possible_values(int(shown_values.min()) if len(shown_values) else rest)
    if any(not values for values in found):
        # A "*" hidden for another row or column can be bigger than the cells shown
        # here: a reader who notices drops that bound.
        found = possible_values(rest)
    return any(len(values) == 1 for values in found)


def suppress_table(counts: pd.DataFrame, *, row_totals: bool = True,
                   column_totals: bool = True, min_count: int = MIN_COUNT) -> pd.DataFrame:
    """A table of counts as it may be published, with primary and secondary suppression.

    Parameters
    ----------
    counts:
        Whole-number counts (rows by columns), without totals.
    row_totals, column_totals:
        Whether the published table shows a total for each row / column. Where
        it does, and a hidden cell of the row or column could be worked out
        exactly from the total and the cells shown (:func:`_pinned`: one
        hidden cell alone, two ``<5`` adding up to 2, a ``*`` that can only be
        5 ...), its next-smallest non-zero cell is hidden too, again until
        none can; if no cell is left to hide, the total is hidden (``*``).
        Each row and column is checked on its own.
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

    Two ``<5`` adding up to 2 would each be 1: the 10 is hidden too.

    >>> suppress_table(pd.DataFrame({"x": [1], "y": [1], "z": [10]}),
    ...                column_totals=False).loc[0].tolist()
    ['<5', '<5', '*', '12']
    """
    values = counts.astype(int)
    small = (values > 0) & (values < min_count)
    hidden = small.copy()
    lines = []
    if row_totals:
        lines += [("row", label) for label in values.index]
    if column_totals:
        lines += [("column", label) for label in values.columns]
    total_hidden: set[tuple[str, object]] = set()
    changed = True
    while changed:
        changed = False
        for axis, label in lines:
            line_hidden = hidden.loc[label] if axis == "row" else hidden[label]
            if not line_hidden.any() or (axis, label) in total_hidden:
                continue
            line_values = values.loc[label] if axis == "row" else values[label]
            line_small = small.loc[label] if axis == "row" else small[label]
            if not _pinned(line_values, line_small, line_hidden, min_count):
                continue
            candidates = line_values[(~line_hidden) & (line_values > 0)]
            if candidates.empty:  # nothing left to hide: the total goes instead
                total_hidden.add((axis, label))
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
        shown["Total"] = [SECONDARY if ("row", label) in total_hidden else total(n)
                          for label, n in values.sum(axis=1).items()]
    if column_totals:
        totals = pd.Series([SECONDARY if ("column", label) in total_hidden else total(n)
                            for label, n in values.sum(axis=0).items()], index=values.columns)
        if row_totals:
            totals["Total"] = total(values.to_numpy().sum())
        shown.loc["Total"] = totals
    return shown
