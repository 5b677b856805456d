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

import logging
import math
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

log = logging.getLogger(__name__)

#: Results with a smaller base are not shown.
MIN_BASE = 10
#: Counts below this (and above 0) are shown as "<5".
MIN_COUNT = 5
#: How a small count is shown.
SMALL = f"<{MIN_COUNT}"
#: How a cell suppressed to protect another is shown.
SECONDARY = "*"
#: Hidden cells within this much of the least (or most) they could add up to are
#: protected further (see :func:`suppress_table`).
SLACK = 2
#: How a result with too small a base is shown.
NOT_SHOWN = "not shown"


def half_up(value: float, digits: int = 0, scale: int = 1) -> Decimal:
    """``value * scale`` rounded half up, as people expect (12.5 is 13), not half to even.

    The float's shortest decimal form is scaled and rounded, so that 0.145
    (which a float holds as 0.14499...) is 15%, as it reads.

    Examples
    --------
    >>> [str(half_up(x, scale=100)) for x in (5 / 40, 0.145, 0.125, 0.834)]
    ['13', '15', '13', '83']
    >>> str(half_up(4.25, 1)), str(half_up(4.35, 1))
    ('4.3', '4.4')
    """
    exact = Decimal(repr(float(value))) * scale
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def percent(value: float) -> str:
    """A proportion (0-1) as a whole percentage, rounded half up.

    Examples
    --------
    >>> percent(5 / 40), percent(0.5), percent(float("nan"))
    ('13%', '50%', '')
    """
    return "" if value != value else f"{half_up(value, scale=100)}%"


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
    Rounded half up: 5 of 40 is 13%, a mean of 4.25 is 4.3.

    >>> show_result(0.834, 12), show_result(0.834, 9), show_result(4.25, 30, style="mean")
    ('83%', 'not shown', '4.3')
    >>> show_result(5 / 40, 40)
    '13%'
    """
    if base < min_base or value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_SHOWN
    if style == "percent":
        return percent(value)
    if style == "mean":
        return str(half_up(value, 1))
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


def _is_cell(position: tuple) -> bool:
    return len(position) == 2 and not isinstance(position[0], str)


def _candidates(hidden: np.ndarray, values: np.ndarray, cells) -> list[tuple[int, int]]:
    """Cells of a line that may be hidden to protect another: shown and not zero."""
    return [p for p in cells if not hidden[p] and values[p] > 0]


class _Suppression:
    """The state of one table's suppression: what is hidden, and what the rule gives away.

    Choosing the smallest candidate tells a reader who knows the rule that
    the ``*`` is no bigger than the candidates left shown (strictly smaller
    than those before it in the table, on a tie): those inequalities are
    kept in ``ceilings`` and the auditor is given them too.
    """

    def __init__(self, values: np.ndarray, min_count: int, row_totals: bool,
                 column_totals: bool) -> None:
        self.values, self.min_count = values, min_count
        rows, columns = values.shape
        self.small = (values > 0) & (values < min_count)
        self.hidden = self.small.copy()
        self.hidden_totals: set[tuple] = set()
        self.ceilings: list[tuple[tuple[int, int], tuple[int, int], int]] = []
        #: Whether anything was hidden for a line's slack or the auditor's finding (the
        #: steps a reader who knows the rule can learn a little from).
        self.by_value = False
        self.first_pass_totals: set[tuple] = set()
        self.totals: dict[tuple, int] = {}
        self.lines: list[tuple[list[tuple[int, int]], tuple]] = []
        if row_totals:
            for i in range(rows):
                self.totals[("row", i)] = int(values[i].sum())
                self.lines.append(([(i, j) for j in range(columns)], ("row", i)))
        if column_totals:
            for j in range(columns):
                self.totals[("column", j)] = int(values[:, j].sum())
                self.lines.append(([(i, j) for i in range(rows)], ("column", j)))
        if row_totals and column_totals:
            self.totals[("grand",)] = int(values.sum())
        self.total_lines: list[list[tuple]] = []  # totals that add up to the grand total
        if ("grand",) in self.totals:
            self.total_lines = [[("row", i) for i in range(rows)],
                                [("column", j) for j in range(columns)]]

    def hide_smallest(self, candidates: list[tuple[int, int]]) -> bool:
        """Hide the smallest candidate (on a tie the first in the table); note what that says."""
        candidates = sorted(set(candidates))
        if not candidates:
            return False
        chosen = min(candidates, key=lambda p: (self.values[p], p))
        self.hidden[chosen] = True
        self.ceilings += [(chosen, other, int(other < chosen))
                          for other in candidates if other != chosen]
        return True

    def shown_exactly(self, key: tuple) -> bool:
        """Whether a total is published as a number a reader can subtract from."""
        return key not in self.hidden_totals and self.totals[key] >= self.min_count

    def protect_by_pattern(self) -> None:
        """First pass: by the pattern of hidden cells, and by each line's slack.

        A line whose total is shown and that holds exactly one hidden cell, or
        only ``<5`` cells, gets its smallest non-zero shown cell hidden too (a
        line with one hidden cell and nothing else to hide, its total)
        (never because a pin exists: a ``*`` then says nothing about whether
        the ``<5`` beside it could have been worked out). A line whose hidden
        cells add up to within ``SLACK - 1`` of the least (or, all ``<5``, the
        most) they could add up to gets one more hidden, or else its total;
        the reader who knows this learns only that the slack was under
        ``SLACK``, which leaves at least two possibilities (and is given to
        the auditor as an inequality).
        """
        changed = True
        while changed:
            changed = False
            for cells, key in self.lines:
                if not self.shown_exactly(key):
                    continue
                line_hidden = [p for p in cells if self.hidden[p]]
                alone = line_hidden and (len(line_hidden) == 1 or
                                         all(self.small[p] for p in line_hidden))
                if alone and self.hide_smallest(_candidates(self.hidden, self.values, cells)):
                    changed = True
                    continue
                if len(line_hidden) == 1:  # nothing left to hide: the total is that cell
                    self.hidden_totals.add(key)
                    changed = True
                    continue
                if line_hidden and self.slack_is_small(cells, key):
                    self.by_value = True
                    if not self.hide_smallest(_candidates(self.hidden, self.values, cells)):
                        self.hidden_totals.add(key)
                    changed = True
            for keys in self.total_lines:  # one hidden total beside the grand total
                hidden = [k for k in keys if k in self.hidden_totals]
                if len(hidden) == 1 and ("grand",) not in self.hidden_totals:
                    shown = sorted((k for k in keys if k not in self.hidden_totals
                                    and self.totals[k] >= self.min_count),
                                   key=lambda k: (self.totals[k], keys.index(k)))
                    self.hidden_totals.add(shown[0] if shown else ("grand",))
                    changed = True

    def slack_is_small(self, cells: list[tuple[int, int]], key: tuple) -> bool:
        """Whether the line's hidden cells add up to within ``SLACK - 1`` of the least
        (or, all ``<5``, the most) they could add up to."""
        hidden = [p for p in cells if self.hidden[p]]
        rest = self.totals[key] - int(sum(self.values[p] for p in cells if not self.hidden[p]))
        low = sum(1 if self.small[p] else self.min_count for p in hidden)
        if rest - low < SLACK:
            return True
        high = (self.min_count - 1) * len(hidden)
        return all(self.small[p] for p in hidden) and high - rest < SLACK

    def problem(self):
        """What a reader who knows the rule can write down, and the true values."""
        from coprod_analysis.publish.audit import Problem

        problem, truth = Problem(), {}
        def cell(p):
            return f"c{p[0]},{p[1]}"

        def total(key):
            return "t" + ",".join(map(str, key))

        for p, value in np.ndenumerate(self.values):
            truth[cell(p)] = int(value)
            if self.small[p]:
                problem.small(cell(p), self.min_count)
            elif self.hidden[p]:
                problem.hidden(cell(p), self.min_count)
            else:
                problem.shown(cell(p), int(value))
        for key, value in self.totals.items():
            truth[total(key)] = value
            if key in self.hidden_totals:
                problem.hidden(total(key))
            elif 0 < value < self.min_count:
                problem.small(total(key), self.min_count)
            else:
                problem.shown(total(key), value)
        for cells, key in self.lines:
            problem.equal({**{cell(p): 1 for p in cells}, total(key): -1})
        for keys in self.total_lines:
            problem.equal({**{total(k): 1 for k in keys}, total(("grand",)): -1})
        for chosen, other, strict in self.ceilings:
            problem.at_most({cell(chosen): 1, cell(other): -1}, -strict)
        names = {cell(p): p for p, h in np.ndenumerate(self.hidden) if h}
        # A hidden total of 5 or more worked out is a count that could have been shown;
        # a small one is not.
        names.update({total(k): k for k in self.totals if 0 < self.totals[k] < self.min_count})
        # A value whose sign alone says what it is ("<2" is 1) is the threshold's doing.
        names = {n: p for n, p in names.items() if problem.low[n] < problem.high[n]}
        return problem, truth, names

    def protect_by_audit(self) -> None:
        """Second pass: while the auditor pins a value, hide more, a total only as a last resort.

        For the first value pinned, the cells beside it are tried smallest
        first and the first that frees it is hidden; failing that, the totals
        of its lines (then the totals they add up with); failing that, the
        smallest cell beside it, and the search goes on.
        """
        while True:
            problem, truth, names = self.problem()
            pinned = problem.pinned(truth, list(names))
            if not pinned:
                return
            self.by_value = True
            log.debug("suppression: %s can be worked out; hiding more", pinned)
            target, name = names[pinned[0]], pinned[0]
            cells = self.cells_beside(target) if _is_cell(target) else []
            if self.try_hiding(name, cells, []) or self.try_hiding(name, [], self.totals_of(
                    target)):
                continue
            if not self.hide_smallest(cells):
                keys = self.totals_of(target)
                if keys:
                    self.hidden_totals.add(keys[0])
                else:
                    self.protect_anything()

    def cells_beside(self, target: tuple[int, int]) -> list[tuple[int, int]]:
        """Shown non-zero cells in a line of ``target`` with a total, or that the rule
        says ``target`` is below; smallest first."""
        cells = [p for line, key in self.lines if target in line
                 and self.shown_exactly(key) for p in line]
        cells += [other for chosen, other, _ in self.ceilings if chosen == target]
        if not cells:  # every total of its lines hidden: any cell of its lines
            cells = [p for line, _ in self.lines if target in line for p in line]
        return sorted(set(_candidates(self.hidden, self.values, cells)),
                      key=lambda p: (self.values[p], p))

    def totals_of(self, target: tuple) -> list[tuple]:
        """Shown totals whose hiding may free ``target``: its lines', then those they add
        up with, then the grand total."""
        own = [key for line, key in self.lines if target in line] if _is_cell(target) else [
            target]
        keys = [k for k in own if k != target]
        keys += [k for line in self.total_lines if set(own) & set(line) for k in line]
        keys += [("grand",)]
        keys = [k for k in dict.fromkeys(keys) if k in self.totals
                and k not in self.hidden_totals and k != target]
        return [k for k in keys if self.totals[k] >= self.min_count] + [
            k for k in keys if self.totals[k] < self.min_count]

    def try_hiding(self, name: str, cells: list, keys: list) -> bool:
        """Hide the first of ``cells`` (or else ``keys``) that alone frees ``name``."""
        for k, option in enumerate(cells + keys):
            is_cell = k < len(cells)
            if is_cell:
                self.hidden[option] = True
            else:
                self.hidden_totals.add(option)
            problem, truth, _ = self.problem()
            if not problem.pinned(truth, [name]):
                if is_cell:  # it was the smallest of those left shown
                    self.ceilings += [(option, other, int(other < option))
                                      for other in cells[k + 1:]]
                return True
            if is_cell:
                self.hidden[option] = False
            else:
                self.hidden_totals.discard(option)
        return False

    def protect_anything(self) -> None:
        """Last resort: hide a shown total, else the smallest shown cell (hiding all
        protects everything)."""
        for key in self.totals:
            if key not in self.hidden_totals:
                self.hidden_totals.add(key)
                return
        every = [p for p, _ in np.ndenumerate(self.values)]
        if not self.hide_smallest(_candidates(self.hidden, self.values, every)):
            raise RuntimeError("suppression found nothing left to hide")  # pragma: no cover

    def show_totals_again(self) -> None:
        """Show again, last hidden first, each total the audit pass hid that the audit finds
        it can (never one the first pass hid: showing it again only where that is safe
        would tell a reader who knows the rule that it was not)."""
        again = self.hidden_totals - self.first_pass_totals
        for key in sorted(again, key=list(self.totals).index, reverse=True):
            self.hidden_totals.discard(key)
            problem, truth, names = self.problem()
            if problem.pinned(truth, list(names)):
                self.hidden_totals.add(key)


def suppress_table(counts: pd.DataFrame, *, row_totals: bool = True,
                   column_totals: bool = True, min_count: int = MIN_COUNT) -> pd.DataFrame:
    """A table of counts as it may be published, with primary and secondary suppression.

    Parameters
    ----------
    counts:
        Whole-number counts (rows by columns), without totals.
    row_totals, column_totals:
        Whether the published table shows a total for each row / column (and,
        with both, a grand total).
    min_count:
        Counts from 1 to ``min_count - 1`` are suppressed (``<5``).

    The rule, for the table as a whole:

    1. every count from 1 to ``min_count - 1`` is ``<5``; 0 is shown;
    2. by pattern: a line (row or column) whose total is shown and that
       holds one hidden cell, or only ``<5`` cells, gets its smallest shown
       non-zero cell hidden too (``*``; on a tie the first in the table), or,
       one hidden cell and nothing else to hide, its total; a hidden total
       beside the grand total gets the smallest other total hidden too; until
       no line is left so. This step looks only at which cells are hidden,
       never at whether anything could be worked out, so a ``*`` it adds says
       nothing about the ``<5`` beside it;
    3. by slack: a line whose hidden cells add up to within ``SLACK - 1`` of
       the least they could (or, all ``<5``, the most) gets one more cell
       hidden, or else its total;
    4. by audit: while the auditor (:mod:`coprod_analysis.publish.audit`)
       can work out any hidden value exactly from everything in the table
       (and from the smallest-first choice of step 2), the smallest shown
       non-zero cell beside it is hidden too; only when none is left is a
       total hidden (``*``), its own line's first; at the end each total
       this step hid is shown again (grand total first, then columns, then
       rows) if the audit still finds nothing.

    A zero is never hidden (a reader knows ``*`` is at least ``min_count``).

    Returns
    -------
    DataFrame
        Text: counts, ``<5``, ``*`` (suppressed to protect another cell), and
        ``Total`` row and column (of the true counts, themselves shown ``<5``
        when 1 to 4, or ``*`` when hidden).

    Examples
    --------
    Row "a" has a 3: shown "<5", and its next-smallest cell, 6, hidden too.

    >>> table = pd.DataFrame({"x": [3, 20], "y": [6, 30], "z": [9, 40]}, index=["a", "b"])
    >>> suppress_table(table, column_totals=False).loc["a"].tolist()
    ['<5', '*', '9', '18']

    Two ``<5`` alone beside a total get a ``*`` whatever they add up to.

    >>> suppress_table(pd.DataFrame({"x": [1], "y": [1], "z": [10]}),
    ...                column_totals=False).loc[0].tolist()
    ['<5', '<5', '*', '12']

    ``[[2, 4], [5, 2]]``: hiding the 5 is not enough (with both totals every
    cell could be worked out: the 5 and the 2 beside it add up to 7, within 1
    of the least a ``*`` and a ``<5`` can). Nothing is left to hide in that
    row or in the first column, so their totals go, and one more beside each
    (the sum of the row totals is the grand total): only the grand total is
    left: three cells of 1 to 4 and one of 5 to 10 adding up to 13.

    >>> suppress_table(pd.DataFrame([[2, 4], [5, 2]])).to_numpy().tolist()
    [['<5', '<5', '*'], ['*', '<5', '*'], ['*', '*', '13']]
    """
    values = counts.astype(int)
    state = _Suppression(values.to_numpy(), min_count, row_totals, column_totals)
    if min_count > 1:
        state.protect_by_pattern()
        state.first_pass_totals = set(state.hidden_totals)
        state.protect_by_audit()
        state.show_totals_again()
    shown = values.astype(str)
    hidden = pd.DataFrame(state.hidden, index=values.index, columns=values.columns)
    small = pd.DataFrame(state.small, index=values.index, columns=values.columns)
    shown = shown.mask(hidden & ~small, SECONDARY).mask(small, f"<{min_count}")

    def total(key) -> str:  # a total is a count too: 1 to 4 is "<5"
        if key in state.hidden_totals:
            return SECONDARY
        return show_count(state.totals[key], min_count)

    if row_totals:
        shown["Total"] = [total(("row", i)) for i in range(len(values.index))]
    if column_totals:
        totals = pd.Series([total(("column", j)) for j in range(len(values.columns))],
                           index=values.columns)
        if row_totals:
            totals["Total"] = total(("grand",))
        shown.loc["Total"] = totals
    return shown
