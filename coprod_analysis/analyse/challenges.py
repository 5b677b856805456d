"""Which challenges get in the way, how often, for whom, and together.

Pure functions on a clean reviews table: ``challenges`` holds ``;``-joined
theme codes (contract section 2). Shares are of reviews (or of groups, where
the table holds one review per group), never of ticks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from coprod_analysis.vocab import CHALLENGE_THEMES


def challenge_indicators(reviews: pd.DataFrame, column: str = "challenges",
                         codes: dict[str, str] | None = None) -> pd.DataFrame:
    """One True/False column per theme code: did this review tick it?

    ``codes`` (code -> label) is the codebook; the challenge themes by default.

    Examples
    --------
    >>> df = pd.DataFrame({"challenges": ["time;funding", None]})
    >>> challenge_indicators(df)[["time", "funding", "tokenism"]].values.tolist()
    [[True, True, False], [False, False, False]]
    """
    codes = codes or CHALLENGE_THEMES
    which, table = _distinct_ticks(reviews[column], codes)
    return pd.DataFrame(table[which], columns=list(codes), index=reviews.index)


def _distinct_ticks(cells: pd.Series, codes: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Each row's distinct cell (``-1``: empty), and which codes each distinct cell ticks
    (one row a distinct cell, one column a code; the last row, no code, for ``-1``).

    Each distinct cell is split once: a table has few distinct sets of codes, however
    many rows.
    """
    which, distinct = pd.factorize(cells, use_na_sentinel=True)
    ticked = [set(filter(None, str(text).split(";"))) for text in distinct]
    table = np.array([[code in s for code in codes] for s in ticked] + [[False] * len(codes)],
                     dtype=bool).reshape(len(ticked) + 1, len(codes))
    return which, table


def challenge_counts(reviews: pd.DataFrame, by: str | Sequence[str] | None = None,
                     column: str = "challenges",
                     codes: dict[str, str] | None = None) -> pd.DataFrame:
    """How many reviews ticked each theme, and the share of reviews, overall or by group.

    Parameters
    ----------
    reviews:
        A clean reviews table (or any table with a ``;``-joined codes column).
    by:
        Column(s) to break down by, e.g. ``"group_type"`` or ``"period"``.
    column:
        The codes column (``challenges``, or inferred themes).
    codes:
        The codebook, code -> label (the challenge themes by default; e.g. the
        improvements codebook for ``improvement_themes``).

    Returns
    -------
    DataFrame
        ``by`` columns, ``code``, ``label``, ``count``, ``n`` (reviews in the
        group) and ``share``, most frequent first within each group.
    """
    keys = [by] if isinstance(by, str) else list(by or [])
    codes = codes or CHALLENGE_THEMES
    if keys:
        flags = challenge_indicators(reviews, column, codes)
        frame = pd.concat([reviews[keys], flags], axis=1)
        counts = frame.groupby(keys, observed=True, sort=True)[list(codes)].sum()
        sizes = frame.groupby(keys, observed=True, sort=True).size()
        long = counts.stack().rename("count").reset_index()
        long = long.rename(columns={long.columns[len(keys)]: "code"})
        long["n"] = long.set_index(keys).index.map(sizes).to_numpy()
    else:  # each distinct cell's codes, counted as many times as rows hold it
        which, table = _distinct_ticks(reviews[column], codes)
        rows = np.bincount(which + 1, minlength=len(table))  # -1 (empty) first
        ticks = rows[np.r_[1:len(table), 0]] @ table.astype(np.int64)
        long = pd.Series(ticks, index=list(codes), dtype="int64").rename("count")
        long = long.rename_axis("code").reset_index()
        long["n"] = len(reviews)
    long["count"] = long["count"].astype("int64")
    long["label"] = long["code"].map(codes)
    long["share"] = long["count"] / long["n"].where(long["n"] > 0)
    order = {code: i for i, code in enumerate(codes)}
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


def ticked_and_written(reviews: pd.DataFrame, ticked: str = "challenges",
                       written: str = "challenges_text_themes") -> pd.DataFrame:
    """Ticked themes beside the themes the classifier finds in what groups wrote.

    Returns
    -------
    DataFrame
        Per theme: ``ticked``, ``written`` (inferred from the text), ``both``,
        ``only_ticked`` and ``only_written`` (counts of reviews), most ticked first.

    Examples
    --------
    >>> df = pd.DataFrame({"challenges": ["time;funding", "time"],
    ...                    "challenges_text_themes": ["time", "tokenism"]})
    >>> table = ticked_and_written(df).set_index("code")
    >>> table.loc["time", ["ticked", "written", "both", "only_ticked"]].astype(int).tolist()
    [2, 1, 1, 1]
    """
    a = challenge_indicators(reviews, ticked)
    b = challenge_indicators(reviews, written)
    table = pd.DataFrame({
        "code": list(CHALLENGE_THEMES), "label": list(CHALLENGE_THEMES.values()),
        "ticked": a.sum().to_numpy(), "written": b.sum().to_numpy(),
        "both": (a & b).sum().to_numpy(), "only_ticked": (a & ~b).sum().to_numpy(),
        "only_written": (~a & b).sum().to_numpy(),
    })
    return table.sort_values(["ticked", "written"], ascending=False, kind="stable",
                             ignore_index=True)


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


__all__ = ["challenge_cooccurrence", "challenge_counts", "challenge_indicators",
           "ticked_and_written", "with_period"]
