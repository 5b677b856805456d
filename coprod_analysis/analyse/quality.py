"""The quality-indicator checklist, scored."""

from __future__ import annotations

import pandas as pd

from coprod_analysis.vocab import QUALITY_FIELD_NAMES


def quality_scores(reviews: pd.DataFrame) -> pd.DataFrame:
    """Each review's quality score: how many of the six indicators it says "yes" to.

    Returns
    -------
    DataFrame
        ``group_id``, ``group``, ``review_number``, ``review_date``, ``score``
        (0-6), ``answered`` (indicators answered yes or no) and one column per
        indicator.

    Examples
    --------
    >>> df = pd.DataFrame({"group_id": ["a"], "group": ["A"], "review_number": [1],
    ...                    "review_date": [pd.Timestamp("2018-01-01")],
    ...                    **{q: pd.array([v], dtype="boolean")
    ...                       for q, v in zip(QUALITY_FIELD_NAMES,
    ...                                       [True, True, False, None, True, False])}})
    >>> quality_scores(df)[["score", "answered"]].values.tolist()
    [[3, 5]]
    """
    flags = reviews[list(QUALITY_FIELD_NAMES)].astype("boolean")
    out = reviews[["group_id", "group", "review_number", "review_date"]].copy()
    out["score"] = flags.fillna(False).sum(axis=1).astype("int64")
    out["answered"] = flags.notna().sum(axis=1).astype("int64")
    return pd.concat([out, flags], axis=1)


__all__ = ["quality_scores"]
