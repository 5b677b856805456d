"""The Wilson interval and the sign test against published and hand-worked values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_analysis.analyse.stats import sign_test, wilson_interval


@pytest.mark.parametrize(("successes", "n", "low", "high"), [
    # Newcombe RG (1998), Two-sided confidence intervals for the single proportion,
    # Statistics in Medicine 17:857-872, Table I, Wilson score method (method 3).
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
])
def test_wilson_interval_matches_newcombe_1998(successes, n, low, high):
    assert wilson_interval(successes, n) == pytest.approx((low, high), abs=1e-4)


def test_wilson_interval_for_2_of_3_worked_by_hand():
    # p = 2/3, z^2 = 3.8415: centre (0.6667 + 0.6402) / 2.2805 = 0.5731,
    # half 1.96 * sqrt(0.07407 + 0.10671) / 2.2805 = 0.3654.
    assert wilson_interval(2, 3) == pytest.approx((0.2077, 0.9385), abs=1e-3)


def test_wilson_interval_of_nothing_is_undefined():
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_holds_the_proportion_and_stays_within_0_and_1(pair):
    successes, n = pair
    low, high = wilson_interval(successes, n)
    assert 0 <= low <= successes / n <= high <= 1


@pytest.mark.parametrize(("ups", "downs", "p"), [
    (8, 1, 20 / 512),  # 2 x (1 + 9) / 2^9
    (3, 0, 0.25),  # 2 x 1 / 2^3
    (5, 5, 1.0),
    (0, 0, 1.0),
    (10, 0, 2 / 1024),
])
def test_sign_test_worked_by_hand(ups, downs, p):
    assert sign_test(ups, downs) == pytest.approx(p)


@given(st.integers(0, 60), st.integers(0, 60))
def test_sign_test_is_symmetric_and_a_probability(ups, downs):
    assert sign_test(ups, downs) == sign_test(downs, ups)
    assert 0 < sign_test(ups, downs) <= 1
