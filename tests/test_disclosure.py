"""The small-number rules of contract section 4, on tables worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
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


@pytest.mark.parametrize(("count", "base", "shown"), [
    (5, 40, "13%"),    # 12.5% rounds up, not to the even 12%
    (29, 200, "15%"),  # 14.5%: a float holds 0.145 as 0.14499...
    (15, 40, "38%"),   # 37.5%
    (17, 40, "43%"),   # 42.5%
    (1, 8, "13%"),     # 12.5%
])
def test_percentages_round_half_up(count, base, shown):
    assert show_result(count / base, base, min_base=1) == shown


def test_the_minimum_base_can_be_changed():
    assert show_result(0.5, 12, min_base=20) == "not shown"
    assert show_result(4.26, 20, style="mean") == "4.3"


def test_secondary_suppression_worked_by_hand():
    counts = pd.DataFrame({"x": [3, 20], "y": [6, 30], "z": [9, 40]}, index=["a", "b"])
    shown = suppress_table(counts)
    # One row (a) and one column (x) hold a "<5": the rows are protected. a.x = 3 is
    # "<5"; row a's total would give it away, so the first cell shown beside it, a.y, is
    # hidden (<5 + * = 9, 3 more than the least 1 + 5: enough). Columns x and y now hold
    # hidden cells, so their totals go (with them x = 23 - 20 would be 3); column z's
    # total stays, and the grand total (the row totals add up to it anyway).
    assert shown.loc["a"].tolist() == ["<5", "*", "9", "18"]
    assert shown.loc["b"].tolist() == ["20", "30", "40", "90"]
    assert shown.loc["Total"].tolist() == ["*", "*", "49", "108"]


def test_zeros_are_shown_and_never_hidden_to_protect_another_cell():
    counts = pd.DataFrame({"x": [2, 0], "y": [0, 7], "z": [12, 8]}, index=["a", "b"])
    shown = suppress_table(counts, column_totals=False)
    # Row a: 2 is "<5"; the first non-zero cell shown beside it is 12, not the 0.
    assert shown.loc["a"].tolist() == ["<5", "0", "*", "14"]
    assert shown.loc["b"].tolist() == ["0", "7", "8", "15"]


def test_without_totals_only_small_counts_are_hidden():
    counts = pd.DataFrame({"x": [3, 20], "y": [6, 30]})
    shown = suppress_table(counts, row_totals=False, column_totals=False)
    assert shown.to_numpy().tolist() == [["<5", "6"], ["20", "30"]]


def test_a_small_total_is_shown_as_under_5():
    shown = suppress_table(pd.DataFrame({"x": [1], "y": [2]}), column_totals=False)
    assert shown.loc[0, "Total"] == "<5"


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
    # Rounded half up, worked in whole numbers: 100 c / base to the nearest, .5 up.
    possible = [c for c in range(base + 1) if (200 * c + base) // (2 * base) == share]
    assert count in possible
    if len(possible) == 1:  # the share pins the count down: it and the rest are not small
        assert not (0 < count < min_count or 0 < base - count < min_count)


def test_known_totals_go_with_row_totals_only():
    with pytest.raises(ValueError, match="row totals only"):
        suppress_table(pd.DataFrame([[1, 9]]), known_totals=True)
