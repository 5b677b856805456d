"""Small-number rules for anything published (contract section 4).

Modelled on the GP Patient Survey and NHS Digital's disclosure control, and
made conservative because training cohorts are small and know each other:

- a result (percentage, mean, distribution, rating) whose base is under
  ``min_base`` respondents (default 10) is not shown;
- a count from 1 to ``min_count - 1`` (default 1 to 4) is shown as ``<5``;
  0 is shown as 0;
- where a table shows a total beside suppressed cells, more cells (shown
  ``*``) or totals are suppressed, by a rule that looks at the table's
  pattern and not at the size of the counts it hides, until an integer
  linear programming audit (:mod:`coprod_analysis.publish.audit`) can work
  out no hidden count, even for a reader who knows the rule.

Counts are of respondents after duplicates are removed, never of forms.
"""

from __future__ import annotations

import functools
import itertools
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


def shown_base(min_base: int, min_count: int) -> int:
    """The fewest respondents a result is shown on: ``min_base``, raised to ``min_count``
    where it is lower.

    A result is shown only when its base can itself be shown: with ``--min-base 4
    --min-count 5``, a ladder table shown (so 4 groups or more) beside "<5 groups
    reviewed" says exactly 4, and a quarter combined until it holds 4 forms, its
    forms shown "<5", is 4 (a reader's linear-programming attack). Every count a
    shown result stands on is then ``min_count`` or more, never "<N".

    Examples
    --------
    >>> shown_base(10, 5), shown_base(4, 5), shown_base(1, 1)
    (10, 5, 1)
    """
    return max(min_base, min_count)


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


class _Suppression:
    """The state of one table's suppression: what is hidden, and what the rule tells a reader.

    Every choice is made from the pattern of the table (which cells are 0,
    ``<5`` or larger, which are hidden so far: what the published table
    shows anyway), never from the size of a count, except for one coarse
    question, a line's *slack* (do its hidden cells add up to within
    ``SLACK - 1`` of the least they could?). What a reader who knows the rule
    learns from that answer is kept in ``slacks`` and given to the auditor.
    """

    def __init__(self, values: np.ndarray, min_count: int, row_totals: bool,
                 column_totals: bool) -> None:
        self.values, self.min_count = values, min_count
        rows, columns = values.shape
        self.small = (values > 0) & (values < min_count)
        self.hidden = self.small.copy()
        self.hidden_totals: set[tuple] = set()
        #: What the slack steps tell a reader: ``sign * sum(cells) <= bound``.
        self.slacks: list[tuple[list[tuple[int, int]], int, int]] = []
        #: Whether the auditor still found something after the rule (a safety net only).
        self.audit_acted = False
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
        self.total_lines: list[list[tuple]] = []  # totals that add up to the grand total
        #: The lines protected one by one: all of them, or with both totals only the
        #: rows (or only the columns, when fewer rows than columns hold a small count).
        self.protected = self.lines
        #: With both totals, the other lines: their totals are shown only where they hold
        #: no hidden cell.
        self.crossing: list[tuple[list[tuple[int, int]], tuple]] = []
        if row_totals and column_totals:
            self.totals[("grand",)] = int(values.sum())
            self.total_lines = [[("row", i) for i in range(rows)],
                                [("column", j) for j in range(columns)]]
            by_rows = int(self.small.any(axis=0).sum()) <= int(self.small.any(axis=1).sum())
            kind = "row" if by_rows else "column"
            self.protected = [line for line in self.lines if line[1][0] == kind]
            self.crossing = [line for line in self.lines if line[1][0] != kind]
        self.crossing_of = {p: cells for cells, _ in self.crossing for p in cells}

    def candidates(self, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The cells of a line that may be hidden to protect another, in the order they
        are taken: shown and not zero; with both totals, first those whose crossing line
        already holds a hidden cell (its total is hidden anyway); then in table order."""
        shown = [p for p in cells if not self.hidden[p] and self.values[p] > 0]
        return sorted(shown, key=lambda p: (
            not any(self.hidden[q] for q in self.crossing_of.get(p, ())), p))

    def hide_next(self, cells: list[tuple[int, int]]) -> bool:
        """Hide the first candidate of a line; False when there is none."""
        candidates = self.candidates(cells)
        if candidates:
            self.hidden[candidates[0]] = True
        return bool(candidates)

    def shown_exactly(self, key: tuple) -> bool:
        """Whether a total is published as a number a reader can subtract from."""
        return key not in self.hidden_totals and not 0 < self.totals[key] < self.min_count

    def only_small(self, cells: list[tuple[int, int]]) -> int:
        """How many ``<5`` cells a line holds if it holds nothing else but zeros, else 0."""
        if any(self.values[p] >= self.min_count for p in cells):
            return 0
        return int(sum(self.small[p] for p in cells))

    def least(self, cells: list[tuple[int, int]]) -> int:
        """The least the hidden cells among ``cells`` could add up to."""
        return sum(1 if self.small[p] else self.min_count for p in cells if self.hidden[p])

    def protect_lines(self) -> None:
        """The rule, line by line (see :func:`suppress_table`), until nothing changes."""
        changed = True
        while changed:
            changed = False
            for cells, key in self.protected:
                line_hidden = [p for p in cells if self.hidden[p]]
                if key in self.hidden_totals or not line_hidden:
                    continue
                if self.only_small(cells) >= self.min_count - 1:
                    # Four "<5" and nothing else: a total shown "<5" would make each 1, so
                    # such a line never shows its total, whatever it is.
                    self.hidden_totals.add(key)
                    changed = True
                    continue
                if not self.shown_exactly(key):  # "<5" (at most 3 "<5" cells): 2 values each
                    continue
                alone = len(line_hidden) == 1 or all(self.small[p] for p in line_hidden)
                if alone and self.hide_next(cells):
                    changed = True
                elif len(line_hidden) == 1:  # nothing left to hide: the total is that cell
                    self.hidden_totals.add(key)
                    changed = True
                elif says := self.small_slack(cells, key):
                    self.slacks.append(says)
                    if not self.hide_next(cells):
                        self.hidden_totals.add(key)
                    changed = True
        for cells, key in self.crossing:
            if any(self.hidden[p] for p in cells):
                self.hidden_totals.add(key)
        # The grand total adds nothing while every protected line's total is shown as a
        # number; beside a hidden or "<5" one it would tell what those add up to.
        if self.crossing and not all(self.shown_exactly(key) for _, key in self.protected):
            self.hidden_totals.add(("grand",))

    def small_slack(self, cells: list[tuple[int, int]],
                    key: tuple) -> tuple[list[tuple[int, int]], int, int] | None:
        """Whether the line's hidden cells add up to within ``SLACK - 1`` of the least
        (or, all ``<5``, the most) they could add up to; if so, what that tells a reader
        who knows the rule, as ``(cells, sign, bound)`` for ``sum(sign * cell) <= bound``
        (else ``None``)."""
        hidden = [p for p in cells if self.hidden[p]]
        # What they add up to: the line's total less the cells shown.
        rest = self.totals[key] - int(sum(self.values[p] for p in cells if not self.hidden[p]))
        low = self.least(cells)
        if rest - low < SLACK:
            return hidden, 1, low + SLACK - 1
        high = (self.min_count - 1) * len(hidden)
        if all(self.small[p] for p in hidden) and high - rest < SLACK:
            return hidden, -1, -(high - SLACK + 1)
        return None

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
        for cells, sign, bound in self.slacks:
            problem.at_most({cell(p): sign for p in cells}, bound)
        names = {cell(p): p for p, h in np.ndenumerate(self.hidden) if h}
        # A hidden total of 5 or more worked out is a count that could have been shown;
        # a small one is not.
        names.update({total(k): k for k in self.totals if 0 < self.totals[k] < self.min_count})
        # A value whose sign alone says what it is ("<2" is 1) is the threshold's doing.
        names = {n: p for n, p in names.items() if problem.low[n] < problem.high[n]}
        return problem, truth, names

    def protect_by_audit(self) -> None:
        """A safety net: while the auditor pins a value, hide more (a cell of its lines,
        else a total of its lines, else anything). The rule above leaves nothing for
        it on every table the tests try; if it acts, it is logged."""
        while True:
            problem, truth, names = self.problem()
            pinned = problem.pinned(truth, list(names))
            if not pinned:
                return
            self.audit_acted = True
            log.warning("suppression: the rule left %s to be worked out; hiding more", pinned)
            target = names[pinned[0]]
            own = [(cells, key) for cells, key in self.lines if target in cells
                   ] if _is_cell(target) else []
            if any(self.hide_next(cells) for cells, _ in own):
                continue
            keys = [key for _, key in own if key not in self.hidden_totals]
            keys += [k for k in self.totals if k not in self.hidden_totals]
            if keys:
                self.hidden_totals.add(keys[0])
            elif not self.hide_next([p for p, _ in np.ndenumerate(self.values)]):
                raise RuntimeError("suppression found nothing left to hide")  # pragma: no cover


def suppress_table(counts: pd.DataFrame, *, row_totals: bool = True,
                   column_totals: bool = True, min_count: int = MIN_COUNT,
                   known_totals: bool = False) -> pd.DataFrame:
    """A table of counts as it may be published, with primary and secondary suppression.

    Parameters
    ----------
    counts:
        Whole-number counts (rows by columns), without totals.
    row_totals, column_totals:
        Whether the published table shows a total for each row / column (and,
        with both, a grand total).
    min_count:
        Counts from 1 to ``min_count - 1`` are suppressed (``<5``). With
        ``min_count`` 2 or less nothing more is hidden: ``<2`` can only be 1.
    known_totals:
        The row totals are ones a reader can learn elsewhere (each ladder
        level's groups are the groups reviewed), so hiding one protects
        nothing: a row whose total the rule would hide, or whose total is one
        of :func:`withheld_totals`, is published as its total and every cell
        "not shown". Row totals only.

    The rule, for the table as a whole. Every step looks only at the table's
    pattern (which cells are 0, ``<5`` or larger, which totals are shown as
    ``<5``, what is hidden so far: all of it visible in what is published),
    never at the size of a count, except step 4's one coarse question:

    1. every count from 1 to ``min_count - 1`` is ``<5``; 0 is shown, and
       never hidden (a reader knows ``*`` is at least ``min_count``);
    2. the lines protected: every row and column with totals on one side;
       with both totals, the rows (the columns when fewer rows than columns
       hold a ``<5``); the totals of the other lines are shown only where
       their line holds no hidden cell, the grand total only while every
       protected line's total is shown as a number (else it would tell what
       the hidden ones add up to);
    3. by pattern, in each protected line: one with ``min_count - 1`` or more
       ``<5`` and nothing else but zeros never shows its total (shown ``<5``
       it would make each 1); one whose total is shown and that holds one
       hidden cell, or only ``<5`` cells, gets its first shown non-zero cell
       hidden too (``*``; with both totals, first one in a column that
       already holds a hidden cell, then in table order; never the smallest,
       which would tell a reader the ``*`` is smaller than the cells left);
       with none, its total is hidden if it holds one hidden cell;
    4. by slack: a protected line whose hidden cells add up to within
       ``SLACK - 1`` of the least they could (or, all ``<5``, the most) gets
       one more cell hidden as in step 3, or else its total; steps 3 and 4
       repeat until nothing changes.

    What a reader who knows this rule learns beyond the table is only step
    4's answer: that a line's hidden cells, as they were then, added up to
    within ``SLACK - 1`` of their least (or most). Each such answer leaves
    every cell at least ``SLACK`` values, and the auditor
    (:mod:`coprod_analysis.publish.audit`) is given them all as
    inequalities: with them it finds no hidden value it can work out (tested
    against a brute-force reader who knows the rule). Should it ever find
    one, more is hidden (a safety net that is logged; the tests fail if it
    acts).

    Returns
    -------
    DataFrame
        Text: counts, ``<5``, ``*`` (suppressed to protect another cell), and
        ``Total`` row and column (of the true counts, themselves shown ``<5``
        when 1 to 4, or ``*`` when hidden). ``attrs["rule_says"]`` holds what
        step 4's answers tell a reader, as ``({(row, column): sign}, bound)``
        for ``sum(sign * cell) <= bound``, for an audit of more than this table
        (:func:`~coprod_analysis.publish.audit.table_problem` adds them).

    Examples
    --------
    Row "a" has a 3: shown "<5", and the first cell shown beside it, 6, hidden too.

    >>> table = pd.DataFrame({"x": [3, 20], "y": [6, 30], "z": [9, 40]}, index=["a", "b"])
    >>> suppress_table(table, column_totals=False).loc["a"].tolist()
    ['<5', '*', '9', '18']

    Two ``<5`` alone beside a total get a ``*`` whatever they add up to.

    >>> suppress_table(pd.DataFrame({"x": [1], "y": [1], "z": [10]}),
    ...                column_totals=False).loc[0].tolist()
    ['<5', '<5', '*', '12']

    ``[[2, 4], [5, 2]]`` with both totals: row 1's two ``<5`` add up to 6
    (each is 2 to 4), so its total is shown. In row 2 the 5 is hidden beside
    the 2, and ``*`` + ``<5`` = 7 is within 1 of the least they could add up
    to (5 + 1): nothing is left to hide, so the total goes; then both column
    totals (their columns hold hidden cells) and the grand total (row 2's
    total is hidden).

    >>> suppress_table(pd.DataFrame([[2, 4], [5, 2]])).to_numpy().tolist()
    [['<5', '<5', '6'], ['*', '<5', '*'], ['*', '*', '*']]

    With totals a reader knows anyway, the row whose total would be hidden
    is shown as its total alone.

    >>> suppress_table(pd.DataFrame([[2, 4], [5, 2]]), column_totals=False,
    ...                known_totals=True).to_numpy().tolist()
    [['<5', '<5', '6'], ['not shown', 'not shown', '7']]
    """
    if known_totals and (column_totals or not row_totals):
        raise ValueError("known_totals goes with row totals only")
    values = counts.astype(int)
    state = _Suppression(values.to_numpy(), min_count, row_totals, column_totals)
    if min_count > 2:  # "<2" is 1 and "<1" nothing: no count is kept from a reader
        state.protect_lines()
        state.protect_by_audit()
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
    if known_totals:
        sums = values.sum(axis=1)
        withheld = sums.isin(withheld_totals(len(values.columns), min_count)) | np.array(
            [("row", i) in state.hidden_totals for i in range(len(values.index))], dtype=bool)
        shown.loc[withheld, list(values.columns)] = NOT_SHOWN
        shown.loc[withheld, "Total"] = [show_count(n, min_count) for n in sums[withheld]]
    # What the rule's answers tell a reader, for an audit of the whole publication.
    labels = values.index.tolist(), values.columns.tolist()
    shown.attrs["rule_says"] = [
        ({(labels[0][i], labels[1][j]): sign for i, j in cells}, bound)
        for cells, sign, bound in state.slacks]
    return shown


@functools.lru_cache(maxsize=32)
def withheld_totals(columns: int, min_count: int = MIN_COUNT) -> frozenset[int]:
    """Totals at which a line whose total a reader knows anyway is never broken down.

    Where a reader can take a line's total from elsewhere (each ladder level's
    groups are the groups reviewed), hiding the total protects nothing: a
    line whose total :func:`suppress_table` would hide is published with its
    total and no breakdown instead. A reader who knows that rule learns that
    the line is one the rule treats so; at a few totals that leaves one
    value for a cell (with four cells and ``min_count`` 10, the only such
    line of 36 is 9, 9, 9, 9). At those totals every line is published
    without its breakdown, whatever its counts, so that the total alone
    decides.

    Lines the rule hides the total of have every cell at most ``min_count +
    1`` (all hidden, adding up to within 1 of the least), so trying every line
    of such cells finds them all.

    Examples
    --------
    >>> sorted(withheld_totals(4, 10))[-1]  # 9 + 9 + 9 + 9, the only such line of 36
    36
    >>> 16 in withheld_totals(4, 5)  # 4 + 4 + 4 + 4, or 1 + 5 + 5 + 5 in any order
    False
    """
    if min_count <= 2:
        return frozenset()
    lines = np.array(list(itertools.product(range(min_count + 2), repeat=columns)))
    small = (lines > 0) & (lines < min_count)
    big = lines >= min_count
    count, total = small.sum(axis=1), lines.sum(axis=1)
    least = count + min_count * big.sum(axis=1)
    # Only these can have their total hidden (a superset: each is tried): a line of "<5"
    # and zeros with one "<5", min_count - 1 or more, or within the slack of the least
    # or the most; a line with larger cells, all of them hidden, within it of the least.
    alone = (count == 1) | (count >= min_count - 1) | (total - count < SLACK) | (
        (min_count - 1) * count - total < SLACK)
    maybe = (count > 0) & np.where(big.any(axis=1), total - least < SLACK, alone)
    hidden_total: dict[int, list[tuple[int, ...]]] = {}
    for line in map(tuple, lines[maybe].tolist()):
        state = _Suppression(np.array([line]), min_count, True, False)
        state.protect_lines()
        if ("row", 0) in state.hidden_totals:
            hidden_total.setdefault(sum(line), []).append(line)
    return frozenset(total for total, lines in hidden_total.items()
                     if any(len(set(cell)) == 1 for cell in zip(*lines, strict=True)))
