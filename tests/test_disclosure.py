"""The small-number rules of contract section 4, on tables worked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_analysis.publish import show_count, show_result, show_share, suppress_table


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"),
                                              (10, "10")])
def test_counts_of_1_to_4_are_shown_as_under_5(count, shown):
    assert show_count(count) == shown


def test_the_minimum_count_can_be_changed():
    assert [show_count(n, min_count=10) for n in (9, 10)] == ["<10", "10"]


@pytest.mark.parametrize(("value", "base", "shown"), [
    (0.8, 10, "80%"), (0.8, 9, "not shown"), (float("nan"), 50, "not shown"),
])
def test_a_result_on_a_base_under_10_is_not_shown(value, base, shown):
    assert show_result(value, base) == shown


def test_the_minimum_base_can_be_changed():
    assert show_result(0.5, 12, min_base=20) == "not shown"
    assert show_result(4.26, 20, style="mean") == "4.3"


def test_secondary_suppression_worked_by_hand():
    counts = pd.DataFrame({"x": [3, 20], "y": [6, 30], "z": [9, 40]}, index=["a", "b"])
    shown = suppress_table(counts)
    # a.x = 3 is "<5"; row a's total would give it away, so its next-smallest cell, a.y,
    # is hidden; then columns x and y each hold one hidden cell, so b.x and b.y go too.
    assert shown.loc["a"].tolist() == ["<5", "*", "9", "18"]
    assert shown.loc["b"].tolist() == ["*", "*", "40", "90"]
    assert shown.loc["Total"].tolist() == ["23", "36", "49", "108"]


def test_zeros_are_shown_and_never_hidden_to_protect_another_cell():
    counts = pd.DataFrame({"x": [2, 0], "y": [0, 7], "z": [12, 8]}, index=["a", "b"])
    shown = suppress_table(counts, column_totals=False)
    # Row a: 2 is "<5"; its next-smallest non-zero cell is 12, not the 0.
    assert shown.loc["a"].tolist() == ["<5", "0", "*", "14"]
    assert shown.loc["b"].tolist() == ["0", "7", "8", "15"]


def test_without_totals_only_small_counts_are_hidden():
    counts = pd.DataFrame({"x": [3, 20], "y": [6, 30]})
    shown = suppress_table(counts, row_totals=False, column_totals=False)
    assert shown.to_numpy().tolist() == [["<5", "6"], ["20", "30"]]


def test_a_small_total_is_shown_as_under_5():
    shown = suppress_table(pd.DataFrame({"x": [1], "y": [2]}), column_totals=False)
    assert shown.loc[0, "Total"] == "<5"


tables = st.integers(2, 4).flatmap(lambda rows: st.integers(2, 4).flatmap(
    lambda cols: st.lists(st.lists(st.integers(0, 30), min_size=cols, max_size=cols),
                          min_size=rows, max_size=rows)))


@given(tables)
def test_no_total_ever_gives_away_a_single_hidden_cell(rows):
    counts = pd.DataFrame(rows)
    shown = suppress_table(counts).drop(index="Total", columns="Total")
    hidden = shown.isin(["<5", "*"]).to_numpy()
    positive = np.asarray(counts) > 0
    lines = [(hidden[i], positive[i]) for i in range(hidden.shape[0])]
    lines += [(hidden[:, j], positive[:, j]) for j in range(hidden.shape[1])]
    for line_hidden, line_positive in lines:
        # One hidden cell beside a total could be worked out by subtraction, unless no
        # other non-zero cell in the line was left to hide with it.
        assert line_hidden.sum() != 1 or not (line_positive & ~line_hidden).any()
    assert (shown.to_numpy()[np.asarray(counts) == 0] == "0").all()
    small = (np.asarray(counts) > 0) & (np.asarray(counts) < 5)
    assert (shown.to_numpy()[small] == "<5").all()


@given(st.integers(0, 400).flatmap(lambda base: st.tuples(st.integers(0, base), st.just(base))),
       st.integers(1, 12), st.integers(1, 12))
def test_a_shown_share_never_gives_away_a_small_count(pair, min_base, min_count):
    count, base = pair
    shown = show_share(count, base, min_base, min_count)
    if shown == "not shown":
        return
    assert base >= min_base and not 0 < base < min_count
    # Every count the share and its base are consistent with, and what it leaves.
    share = int(shown.rstrip("%"))
    possible = [c for c in range(base + 1) if round(100 * c / base) == share]
    assert count in possible
    if len(possible) == 1:  # the share pins the count down: it and the rest are not small
        assert not (0 < count < min_count or 0 < base - count < min_count)


def _possible(values, kinds, rest, ceiling, min_count=5):
    """Brute force: every value each hidden cell can take, the hidden cells adding up."""
    domains = [range(1, min_count) if kind == "<5" else range(min_count, ceiling + 1)
               for kind in kinds]
    seen = [set() for _ in domains]

    def walk(k, chosen, total):
        if total > rest:
            return
        if k == len(domains):
            if total == rest:
                for i, v in enumerate(chosen):
                    seen[i].add(v)
            return
        for v in domains[k]:
            walk(k + 1, [*chosen, v], total + v)

    walk(0, [], 0)
    return seen


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=2, max_size=4), min_size=1, max_size=3)
       .filter(lambda rows: len({len(r) for r in rows}) == 1))
def test_no_row_total_lets_a_hidden_cell_be_worked_out(rows):
    counts = pd.DataFrame(rows)
    shown = suppress_table(counts, column_totals=False)
    for i, row in enumerate(rows):
        if shown.loc[i, "Total"] in ("*", "<5"):
            continue  # the total itself is hidden, or known only to be small
        cells = shown.loc[i].drop("Total").tolist()
        hidden = [k for k, c in enumerate(cells) if c in ("<5", "*")]
        if not hidden:
            continue
        rest = sum(row[k] for k in hidden)
        visible = [row[k] for k, c in enumerate(cells) if c not in ("<5", "*") and row[k] > 0]
        kinds = [cells[k] for k in hidden]
        seen = _possible(row, kinds, rest, min(visible) if visible else rest)
        if any(not s for s in seen):  # the bound from the cells shown does not hold here
            seen = _possible(row, kinds, rest, rest)
        assert all(len(s) > 1 for s in seen), (row, cells)
