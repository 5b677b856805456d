"""What an officer should know before reading the results: gaps and thin evidence.

Pure functions returning tidy tables; :mod:`coprod_analysis.show` words them
as plain-English warnings for the notebooks. Each table is empty when there is
nothing to warn about.
"""

from __future__ import annotations

import pandas as pd

#: Below this many respondents (or groups) a share is unsteady: the publishing rule's base.
SMALL_BASE = 10


def register_gaps(evaluations: pd.DataFrame, sessions: pd.DataFrame) -> pd.DataFrame:
    """Sessions in the register with no forms, and sessions with forms but not in the register.

    A registered session with no forms shows a 0% response rate: usually its
    export is missing from the folder, not that nobody answered.

    Parameters
    ----------
    evaluations:
        A clean evaluations table.
    sessions:
        The sessions register (:func:`coprod_analysis.load_sessions`).

    Returns
    -------
    DataFrame
        ``session_id``, ``session_date``, ``venue``, ``gap`` (``"no forms"`` or
        ``"not in register"``) and ``responses``, in date order; no rows when
        the two agree.

    Examples
    --------
    >>> ev = pd.DataFrame({"session_id": ["a", "a", "c"],
    ...                    "session_date": pd.to_datetime(["2019-01-02"] * 2 + ["2019-03-01"]),
    ...                    "venue": ["Hub", "Hub", "Hall"]})
    >>> reg = pd.DataFrame({"session_id": ["a", "b"],
    ...                     "session_date": pd.to_datetime(["2019-01-02", "2019-02-01"]),
    ...                     "venue": ["Hub", "Library"]})
    >>> register_gaps(ev, reg)[["session_id", "gap", "responses"]].to_dict("records")
    [{'session_id': 'b', 'gap': 'no forms', 'responses': 0}, \
{'session_id': 'c', 'gap': 'not in register', 'responses': 1}]
    """
    counts = evaluations.groupby("session_id", observed=True).size()
    registered = set(sessions["session_id"])
    missing = sessions.loc[~sessions["session_id"].isin(counts.index),
                           ["session_id", "session_date", "venue"]].assign(gap="no forms",
                                                                           responses=0)
    unregistered = (evaluations.loc[~evaluations["session_id"].isin(registered),
                                    ["session_id", "session_date", "venue"]]
                    .drop_duplicates("session_id"))
    unregistered = unregistered.assign(
        gap="not in register",
        responses=unregistered["session_id"].map(counts).astype("int64"))
    out = pd.concat([missing, unregistered], ignore_index=True)
    out["responses"] = out["responses"].astype("int64")
    out["session_date"] = pd.to_datetime(out["session_date"])
    return out.sort_values(["session_date", "session_id"], kind="stable", ignore_index=True)


def reviewed_once(reviews: pd.DataFrame) -> pd.DataFrame:
    """Groups with a single review: they have no movement on the ladder to show.

    Returns
    -------
    DataFrame
        ``group_id``, ``group``, ``group_type`` (if present) and
        ``review_date``, one row per group reviewed once, by name.

    Examples
    --------
    >>> df = pd.DataFrame({"group_id": ["a", "a", "b"], "group": ["A", "A", "B"],
    ...                    "review_number": [1, 2, 1],
    ...                    "review_date": pd.to_datetime(["2018-01-01", "2019-01-01",
    ...                                                   "2018-05-01"])})
    >>> reviewed_once(df)["group"].tolist()
    ['B']
    """
    sizes = reviews.groupby("group_id").size()
    once = sizes.index[sizes == 1]
    columns = [c for c in ("group_id", "group", "group_type", "review_date") if c in reviews]
    out = reviews.loc[reviews["group_id"].isin(once), columns]
    return out.sort_values(["group", "group_id"], key=lambda s: s.astype(str).str.casefold(),
                           ignore_index=True)


def small_bases(table: pd.DataFrame, min_base: int = SMALL_BASE,
                base: str = "n") -> pd.DataFrame:
    """The rows of a results table whose base is under ``min_base`` (but not empty).

    Parameters
    ----------
    table:
        Any results table with a base column (``agreement_rates``,
        ``challenge_counts``, ``ladder_distribution``…).
    min_base:
        The smallest base to read a share from (10, the publishing rule's base).
    base:
        The base column.

    Returns
    -------
    DataFrame
        The rows of ``table`` with ``0 < base < min_base``, as they were.

    Examples
    --------
    >>> rates = pd.DataFrame({"outcome": ["a", "b", "c"], "n": [12, 9, 0]})
    >>> small_bases(rates)["outcome"].tolist()
    ['b']
    """
    bases = table[base]
    return table.loc[(bases > 0) & (bases < min_base)]


def session_bases(evaluations: pd.DataFrame) -> pd.DataFrame:
    """How many forms each session returned, in date order.

    Returns
    -------
    DataFrame
        ``session_id``, ``session_date``, ``venue`` and ``n`` (forms kept).

    Examples
    --------
    >>> ev = pd.DataFrame({"session_id": ["b", "a", "b"],
    ...                    "session_date": pd.to_datetime(["2019-02-01", "2019-01-01",
    ...                                                    "2019-02-01"]),
    ...                    "venue": ["Hall", "Hub", "Hall"]})
    >>> session_bases(ev)[["session_id", "n"]].to_dict("records")
    [{'session_id': 'a', 'n': 1}, {'session_id': 'b', 'n': 2}]
    """
    keys = ["session_id", "session_date", "venue"]
    out = evaluations.groupby(keys, observed=True, dropna=False).size().rename("n").reset_index()
    out["n"] = out["n"].astype("int64")
    return out.sort_values(["session_date", "session_id"], kind="stable", ignore_index=True)


__all__ = ["SMALL_BASE", "register_gaps", "reviewed_once", "session_bases", "small_bases"]
