"""An attacker for published tables: what can a reader work out from what is shown?

A reader of a published table knows every count shown, that ``<5`` is 1 to 4,
that ``*`` (a cell hidden to protect another) is at least 5, and that totals
add up. From that alone, with whole numbers, each hidden value lies between a
smallest and a largest possible value. This module computes those bounds
exactly with integer linear programming (``scipy.optimize.milp``, HiGHS), as
statistical agencies audit their own tables (tau-argus style):

- :func:`audit_table` reads a table as :func:`~coprod_analysis.publish.suppress_table`
  publishes it;
- :class:`Problem` is the general form (variables with bounds, linear
  equalities and inequalities) so that the report can audit everything one
  whole report lets a reader write down at once (the same count in two
  places, totals, per-session figures, rates).

A value is *pinned* when only one value is possible; a ``<5`` value (or a
``*``) is *narrowed* when fewer values are possible than its sign says.

What the auditor cannot see: knowledge from outside the report (a reader who
was at a session, or who knows that a group ticked a theme), and other
publications of the same data.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

log = logging.getLogger(__name__)

#: Stands for "no upper bound" in the integer programs (far above any count here).
UNBOUNDED = 10**7

#: How :func:`audit_table` finds the total row and column by default.
TOTAL = "Total"


@dataclass
class Problem:
    """What a reader can write down: whole-number variables, their bounds and equations.

    Shown counts are variables too, fixed (``low == high``), so that one
    count appearing in two places is simply one variable used twice.

    Examples
    --------
    Two cells shown ``<5`` beside a total of 2: each must be 1.

    >>> p = Problem()
    >>> p.small("a", 5); p.small("b", 5); p.shown("t", 2)
    >>> p.equal({"a": 1, "b": 1, "t": -1})
    >>> p.audit()[["low", "high", "pinned"]].values.tolist()
    [[1, 1, True], [1, 1, True]]
    """

    low: dict[str, int] = field(default_factory=dict)
    high: dict[str, int] = field(default_factory=dict)
    kind: dict[str, str] = field(default_factory=dict)
    equalities: list[tuple[dict[str, int], int]] = field(default_factory=list)
    inequalities: list[tuple[dict[str, int], int]] = field(default_factory=list)

    def variable(self, name: str, low: int, high: int | None, kind: str) -> None:
        """Add a variable (or narrow one already there: the same value seen twice)."""
        high = UNBOUNDED if high is None else int(high)
        if name in self.low:
            low, high = max(low, self.low[name]), min(high, self.high[name])
            old = self.kind[name]
            kind = ("shown" if "shown" in (old, kind) else
                    old if kind in ("hidden", "not shown") else kind)
        if low > high:
            raise ValueError(f"what is published is inconsistent: {name!r} is shown two ways")
        self.low[name], self.high[name], self.kind[name] = int(low), high, kind

    def shown(self, name: str, value: int) -> None:
        """A count published as it is."""
        self.variable(name, int(value), int(value), "shown")

    def small(self, name: str, min_count: int) -> None:
        """A count published as ``<min_count``: 1 to ``min_count - 1``."""
        self.variable(name, 1, min_count - 1, "small")

    def hidden(self, name: str, low: int = 0, high: int | None = None) -> None:
        """A count not published (``*`` or "not shown"): known only to lie in [low, high]."""
        self.variable(name, low, high, "hidden")

    def equal(self, terms: dict[str, int], rhs: int = 0) -> None:
        """Add ``sum(coefficient * variable) == rhs``."""
        self.equalities.append((dict(terms), int(rhs)))

    def at_most(self, terms: dict[str, int], rhs: int = 0) -> None:
        """Add ``sum(coefficient * variable) <= rhs``."""
        self.inequalities.append((dict(terms), int(rhs)))

    # -- solving ---------------------------------------------------------------

    def _arrays(self):
        names = list(self.low)
        index = {name: i for i, name in enumerate(names)}
        rows, lows, highs = [], [], []
        for terms, rhs in self.equalities:
            rows.append(terms), lows.append(rhs), highs.append(rhs)
        for terms, rhs in self.inequalities:
            rows.append(terms), lows.append(-np.inf), highs.append(rhs)
        matrix = np.zeros((len(rows), len(names)))
        for r, terms in enumerate(rows):
            for name, coefficient in terms.items():
                if name not in index:
                    raise KeyError(f"equation names an unknown value {name!r}")
                matrix[r, index[name]] += coefficient
        constraints = [LinearConstraint(matrix, lows, highs)] if rows else []
        bounds = Bounds([self.low[n] for n in names], [self.high[n] for n in names])
        return names, index, constraints, bounds

    def _solve(self, arrays, objective: np.ndarray):
        names, _, constraints, bounds = arrays
        result = milp(objective, constraints=constraints, bounds=bounds,
                      integrality=np.ones(len(names)))
        if result.status == 2:
            raise ValueError("what is published is inconsistent: no table fits it")
        if result.x is None:  # pragma: no cover - HiGHS gave up on a tiny problem
            raise RuntimeError(f"the audit could not be solved: {result.message}")
        return np.round(result.x).astype(np.int64)

    def watched(self) -> list[str]:
        """The values a reader does not see exactly (``<5``, ``*``, "not shown", derived),
        bar those that only bound others (kind ``bound``: a period's number of forms)."""
        return [n for n, k in self.kind.items() if k not in ("shown", "bound")]

    def audit(self, names: list[str] | None = None) -> pd.DataFrame:
        """The smallest and largest value of every value not shown, given all the rest.

        Returns
        -------
        DataFrame
            One row a value: ``name``, ``kind`` (``small``/``hidden``), ``low``,
            ``high`` (``None`` when unbounded), ``pinned`` (one value possible),
            ``narrowed`` (fewer values possible than its sign says).
        """
        wanted = list(names if names is not None else self.watched())
        solved = {}
        for part in self.parts():
            todo = [n for n in part.low if n in wanted]
            if todo:
                solved.update(part._audit(todo))
        rows = []
        for name in wanted:
            low, high = solved.get(name, (self.low[name], self.high[name]))
            unbounded = high >= UNBOUNDED
            rows.append({"name": name, "kind": self.kind[name], "low": low,
                         "high": None if unbounded else high, "pinned": low == high,
                         "narrowed": low > self.low[name] or
                         (high < self.high[name] and not unbounded)})
        out = pd.DataFrame(rows, columns=["name", "kind", "low", "high", "pinned",
                                          "narrowed"])
        out["high"] = pd.Series([r["high"] for r in rows], index=out.index, dtype=object)
        return out

    def _audit(self, todo: list[str]) -> dict[str, tuple[int, int]]:
        arrays = self._arrays()
        index = arrays[1]
        out = {}
        for name in todo:
            objective = np.zeros(len(index))
            objective[index[name]] = 1
            low = int(self._solve(arrays, objective)[index[name]])
            high = int(self._solve(arrays, -objective)[index[name]])
            out[name] = (low, high)
        return out

    def parts(self) -> list[Problem]:
        """The problem split into independent parts (shown values folded into the sums).

        Values linked by no equation (a shown value links nothing: it is a
        number) can be solved for apart, which keeps each program tiny.
        """
        parent = {n: n for n in self.low if self.low[n] != self.high[n]}

        def find(n):
            while parent[n] != n:
                parent[n] = parent[parent[n]]
                n = parent[n]
            return n

        constraints = ([(t, r, True) for t, r in self.equalities]
                       + [(t, r, False) for t, r in self.inequalities])
        for terms, _, _ in constraints:
            free = [n for n in terms if n in parent]
            for other in free[1:]:
                parent[find(other)] = find(free[0])
        groups: dict[str, Problem] = {}
        for n in parent:
            part = groups.setdefault(find(n), Problem())
            part.low[n], part.high[n], part.kind[n] = self.low[n], self.high[n], self.kind[n]
        for terms, rhs, equal in constraints:
            free = {n: c for n, c in terms.items() if n in parent}
            rhs = rhs - sum(c * self.low[n] for n, c in terms.items() if n not in parent)
            if not free:
                if (rhs != 0) if equal else (rhs < 0):
                    raise ValueError("what is published is inconsistent: no table fits it")
                continue
            part = groups[find(next(iter(free)))]
            (part.equalities if equal else part.inequalities).append((free, rhs))
        return list(groups.values())

    def pinned(self, truth: dict[str, int], names: list[str] | None = None) -> list[str]:
        """The values (of ``names``, default all not shown) a reader can work out exactly.

        Faster than :meth:`audit` when the true values are known: a value is
        free as soon as any table that fits what is published gives it
        another value, and one solution frees many values at once.

        Examples
        --------
        A ``<5`` and a ``*`` (at least 5) adding up to 9 could be 4 and 5, ...,
        1 and 8; adding up to 6, they can only be 1 and 5.

        >>> def problem(total):
        ...     p = Problem()
        ...     p.small("a", 5); p.hidden("b", 5); p.shown("t", total)
        ...     p.equal({"a": 1, "b": 1, "t": -1})
        ...     return p
        >>> problem(9).pinned({"a": 3, "b": 6}), problem(6).pinned({"a": 1, "b": 5})
        ([], ['a', 'b'])
        """
        return list(self.pinned_values(names, truth))

    def pinned_values(self, names: list[str] | None = None,
                      truth: dict[str, int] | None = None) -> dict[str, int]:
        """The values (of ``names``, default all watched) a reader can work out exactly,
        with what each is: as :meth:`pinned`, against ``truth`` or, without it, a
        table found first that fits what is published (a value is pinned when every
        such table gives it one value), so that most values are freed by a few
        programs, not two each.

        Examples
        --------
        >>> p = Problem()
        >>> p.small("a", 5); p.hidden("b", 5); p.shown("t", 6)
        >>> p.equal({"a": 1, "b": 1, "t": -1})
        >>> p.pinned_values()
        {'a': 1, 'b': 5}
        """
        wanted = set(names if names is not None else self.watched())
        found: dict[str, int] = {}
        for part in self.parts():
            todo = [n for n in part.low if n in wanted]
            if not todo:
                continue
            arrays = part._arrays()
            if truth is None:
                x = part._solve(arrays, np.zeros(len(arrays[1])))
                fits = {n: int(x[arrays[1][n]]) for n in todo}
            else:
                fits = {n: int(truth[n]) for n in todo}
            found.update({n: fits[n] for n in part._pinned(fits, todo, arrays)})
        return {n: found[n] for n in (names if names is not None else self.watched())
                if n in found}

    def _pinned(self, truth: dict[str, int], todo: list[str], arrays) -> list[str]:
        index = arrays[1]
        free: set[str] = set()
        # Two programs pushing every value to one side or the other (a fixed, seeded
        # pattern) usually free most values at once; the rest are tried one by one.
        signs = np.random.default_rng(0).choice([-1.0, 1.0], size=len(index))
        for objective in (signs, -signs) if len(todo) > 2 else ():
            x = self._solve(arrays, objective)
            free.update(n for n in todo if int(x[index[n]]) != int(truth[n]))
        pinned = []
        for name in todo:
            if name in free:
                continue
            for sign in (1, -1):
                objective = np.zeros(len(index))
                objective[index[name]] = sign
                x = self._solve(arrays, objective)
                free.update(n for n in todo if int(x[index[n]]) != int(truth[n]))
                if name in free:
                    break
            else:
                pinned.append(name)
        return pinned


def _number(text: str) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def table_problem(published: pd.DataFrame, *, min_count: int = 5, total: str = TOTAL,
                  problem: Problem | None = None, prefix: str = "") -> Problem:
    """The equations a reader can write down from one published table.

    Parameters
    ----------
    published:
        Text as :func:`~coprod_analysis.publish.suppress_table` returns it: counts,
        ``<N``, ``*``, "not shown"; a row and/or a column labelled ``total``
        hold totals (the column may have another name: pass it).
    problem, prefix:
        Add to an existing problem, naming this table's values ``prefix`` +
        ``(row, column)``; the same name in two tables is one value.

    What the suppression rule's answers tell a reader (``published.attrs["rule_says"]``,
    from :func:`~coprod_analysis.publish.suppress_table`) is added too.

    Examples
    --------
    >>> t = pd.DataFrame([["<5", "*", "9"], ["0", "7", "7"]], columns=["x", "y", "Total"])
    >>> table_problem(t).audit()[["name", "low", "high"]].values.tolist()
    [['(0, x)', 1, 4], ['(0, y)', 5, 8]]
    """
    problem = problem if problem is not None else Problem()
    rows = [r for r in published.index if r != total]
    columns = [c for c in published.columns if c != total]
    has_row_totals = total in published.columns
    has_column_totals = total in published.index

    def name(r, c) -> str:
        return f"{prefix}({r}, {c})"

    for r in published.index:
        for c in published.columns:
            text = str(published.loc[r, c]).strip()
            is_total = r == total or c == total
            value = _number(text)
            if value is not None:
                problem.shown(name(r, c), value)
            elif text == f"<{min_count}":
                problem.small(name(r, c), min_count)
            elif text == "*":  # a hidden cell is at least min_count; a hidden total anything
                problem.hidden(name(r, c), 0 if is_total else min_count)
            else:  # "not shown" or anything else: a count, nothing more is known
                problem.hidden(name(r, c), 0)
    if has_row_totals:
        for r in published.index:
            problem.equal({**{name(r, c): 1 for c in columns}, name(r, total): -1})
    if has_column_totals:
        for c in published.columns:
            problem.equal({**{name(r, c): 1 for r in rows}, name(total, c): -1})
    for terms, bound in published.attrs.get("rule_says", []):
        if all(r in published.index and c in published.columns for r, c in terms):
            problem.at_most({name(r, c): sign for (r, c), sign in terms.items()}, bound)
    return problem


def audit_table(published: pd.DataFrame, *, min_count: int = 5,
                total: str = TOTAL) -> pd.DataFrame:
    """For every value of a published table not shown exactly, the values a reader can get.

    Returns
    -------
    DataFrame
        ``row``, ``column``, ``shown`` (``<5`` or ``*``), ``low``, ``high``
        (``None``: no upper bound), ``pinned``, ``narrowed``.

    Examples
    --------
    The table ``[[2, 4], [5, 2]]`` protected row by row and column by column
    (the 5 hidden beside the 2 below it) gives every cell away:

    >>> t = pd.DataFrame([["<5", "<5", "6"], ["*", "<5", "7"], ["7", "6", "13"]],
    ...                  index=["a", "b", "Total"], columns=["x", "y", "Total"])
    >>> audit_table(t)[["row", "column", "low", "high", "pinned"]].values.tolist()
    [['a', 'x', 2, 2, True], ['a', 'y', 4, 4, True], ['b', 'x', 5, 5, True], ['b', 'y', 2, 2, True]]
    """
    problem = table_problem(published, min_count=min_count, total=total)
    found = problem.audit()
    where = {f"({r}, {c})": (r, c) for r in published.index for c in published.columns}
    found.insert(0, "row", [where[n][0] for n in found["name"]])
    found.insert(1, "column", [where[n][1] for n in found["name"]])
    found.insert(2, "shown", [str(published.loc[where[n]]) for n in found["name"]])
    return found.drop(columns=["name", "kind"])
