"""The two small statistics the workbook needs, written out so they can be checked.

- :func:`wilson_interval`: the Wilson score interval for a proportion, which
  behaves well for the small bases of training cohorts (unlike the normal
  approximation, it never leaves 0-1 and is not zero-width at 0% or 100%).
- :func:`sign_test`: the exact two-sided sign test, for whether groups moved up
  the ladder more often than down.
"""

from __future__ import annotations

import math

#: z for a 95% interval.
Z95 = 1.959963984540054


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for ``successes`` out of ``n``.

    Parameters
    ----------
    successes:
        How many answered "yes" (e.g. agreed).
    n:
        The base.
    z:
        The normal quantile (1.96 for 95%).

    Returns
    -------
    (low, high), as proportions; ``(nan, nan)`` when ``n`` is 0.

    Examples
    --------
    Newcombe (1998), Table I, example (i): 81 of 263, 95% interval
    0.2553 to 0.3662.

    >>> [round(x, 4) for x in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    >>> [round(x, 4) for x in wilson_interval(0, 10)]
    [0.0, 0.2775]
    """
    if n <= 0:
        return (math.nan, math.nan)
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be between 0 and n ({successes} of {n})")
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # At 0 and at n the bounds are exactly 0 and 1 (rounding would move them a hair).
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


def sign_test(ups: int, downs: int) -> float:
    """Two-sided exact sign test p-value: is moving up more (or less) common than down?

    Ties (no movement) are left out, as the sign test does.

    Examples
    --------
    8 up and 1 down: 2 x P(X <= 1) for X ~ Binomial(9, 1/2) = 2 x 10/512.

    >>> round(sign_test(8, 1), 5)
    0.03906
    >>> sign_test(0, 0)
    1.0
    """
    n = ups + downs
    if n == 0:
        return 1.0
    k = min(ups, downs)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)
