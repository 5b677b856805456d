"""Which challenges get in the way, how often, for whom, and together.

Pure functions on a clean reviews table: ``challenges`` holds ``;``-joined
theme codes (contract section 2). Shares are of reviews (or of groups, where
the table holds one review per group), never of ticks.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from coprod_analysis.vocab import CHALLENGE_THEMES


def challenge_indicators(reviews: pd.DataFrame, column: str = "challenges") -> pd.DataFrame:
    """One True/False column per theme code: did this review tick it?

    Examples
    --------
    >>> df = pd.DataFrame({"challenges": ["time;funding", None]})
    >>> challenge_indicators(df)[["time", "funding", "tokenism"]].values.tolist()
    [[True, True, False], [False, False, False]]
    """
    codes = reviews[column].astype(object).where(reviews[column].notna(), "")
    ticked = codes.map(lambda text: set(filter(None, str(text).split(";"))))
    return pd.DataFrame({code: ticked.map(lambda s, c=code: c in s) for code in CHALLENGE_THEMES},
                        index=reviews.index)


def challenge_counts(reviews: pd.DataFrame, by: str | Sequence[str] | None = None,
                     column: str = "challenges") -> pd.DataFrame:
    """How many reviews ticked each theme, and the share of reviews, overall or by group.

    Parameters
    ----------
    reviews:
        A clean reviews table (or any table with a ``;``-joined codes column).
    by:
        Column(s) to break down by, e.g. ``"group_type"`` or ``"period"``.
    column:
        The codes column (``challenges``, or inferred themes).

    Returns
    -------
    DataFrame
        ``by`` columns, ``code``, ``label``, ``count``, ``n`` (reviews in the
        group) and ``share``, most frequent first within each group.
    """
    keys = [by] if isinstance(by, str) else list(by or [])
    flags = challenge_indicators(reviews, column)
    frame = pd.concat([reviews[keys], flags], axis=1)
    if keys:
        counts = frame.groupby(keys, observed=True, sort=True)[list(CHALLENGE_THEMES)].sum()
        sizes = frame.groupby(keys, observed=True, sort=True).size()
        long = counts.stack().rename("count").reset_index()
        long = long.rename(columns={long.columns[len(keys)]: "code"})
        long["n"] = long.set_index(keys).index.map(sizes).to_numpy()
    else:
        long = flags.sum().rename("count").rename_axis("code").reset_index()
        long["n"] = len(frame)
    long["count"] = long["count"].astype("int64")
    long["label"] = long["code"].map(CHALLENGE_THEMES)
    long["share"] = long["count"] / long["n"].where(long["n"] > 0)
    order = {code: i for i, code in enumerate(CHALLENGE_THEMES)}
    long["_order"] = long["code"].map(order)
    long = long.sort_values([*keys, "count", "_order"],
                            ascending=[True] * len(keys) + [False, True], ignore_index=True)
    return long[[*keys, "code", "label", "count", "n", "share"]]


def challenge_cooccurrence(reviews: pd.DataFrame, column: str = "challenges") -> pd.DataFrame:
    """How many reviews ticked each pair of themes together (the diagonal: each alone).

    Returns
    -------
    DataFrame
        Square, indexed and columned by theme code in codebook order.

    Examples
    --------
    >>> df = pd.DataFrame({"challenges": ["time;funding", "time", "funding;time;tokenism"]})
    >>> m = challenge_cooccurrence(df)
    >>> int(m.loc["time", "funding"]), int(m.loc["time", "time"]), int(m.loc["tokenism", "time"])
    (2, 3, 1)
    """
    flags = challenge_indicators(reviews, column).astype("int64")
    return flags.T.dot(flags)


def with_period(reviews: pd.DataFrame, freq: str = "year") -> pd.DataFrame:
    """A copy with a ``period`` column: the review's ``year``, or ``half`` year (2019 H1).

    Examples
    --------
    >>> df = pd.DataFrame({"review_date": pd.to_datetime(["2018-03-01", "2018-09-01"])})
    >>> with_period(df, "half")["period"].tolist()
    ['2018 H1', '2018 H2']
    """
    out = reviews.copy()
    dates = out["review_date"]
    if freq == "year":
        out["period"] = dates.dt.year.astype("Int64").astype(str)
    elif freq == "half":
        out["period"] = (dates.dt.year.astype("Int64").astype(str) + " H"
                         + ((dates.dt.month > 6).astype("Int64") + 1).astype(str))
    else:
        raise ValueError("freq must be 'year' or 'half'")
    out.loc[dates.isna(), "period"] = pd.NA
    return out


__all__ = ["challenge_cooccurrence", "challenge_counts", "challenge_indicators", "with_period"]
