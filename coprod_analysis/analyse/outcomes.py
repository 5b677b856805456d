"""How far participants achieved the session outcomes.

Pure functions: a clean evaluations table (from
:func:`coprod_analysis.load_evaluations`) in, a new tidy DataFrame out; the
input is never changed. "Agreement" is the share answering 4 or 5 (Agree or
Strongly agree) among those who answered the outcome.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from coprod_analysis.analyse.stats import wilson_interval
from coprod_analysis.vocab import LIKERT_LABELS, OUTCOME_FIELDS, OUTCOME_NAMES

#: Outcome code -> short label for tables and charts.
OUTCOME_LABELS: dict[str, str] = {f.name: f.short for f in OUTCOME_FIELDS}
SESSION_KEYS = ["session_id", "session_date", "venue"]


def _as_list(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _long_scores(data: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per answered outcome: the ``by`` columns, ``outcome`` and ``score``."""
    frame = data[[*by, *OUTCOME_NAMES]].copy()
    for column in OUTCOME_NAMES:
        frame[column] = frame[column].astype("Int64")
    long = frame.melt(id_vars=by, value_vars=list(OUTCOME_NAMES), var_name="outcome",
                      value_name="score").dropna(subset=["score"])
    long["outcome"] = pd.Categorical(long["outcome"], categories=list(OUTCOME_NAMES),
                                     ordered=True)
    return long


def agreement_rates(data: pd.DataFrame, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """The share agreeing (4 or 5) with each outcome, with a Wilson 95% interval.

    Parameters
    ----------
    data:
        A clean evaluations table.
    by:
        Column(s) to break the rates down by (e.g. ``"session_id"``).

    Returns
    -------
    DataFrame
        ``by`` columns, ``outcome``, ``label``, ``n`` (respondents who answered),
        ``agreed``, ``rate``, ``low``, ``high`` (proportions, 0-1).

    Examples
    --------
    >>> from coprod_analysis.vocab import SCORE_DTYPE
    >>> df = pd.DataFrame({o: pd.Categorical([5, 4, 2, None], dtype=SCORE_DTYPE)
    ...                    for o in OUTCOME_NAMES})
    >>> agreement_rates(df)[["outcome", "n", "agreed"]].head(1).to_dict("records")
    [{'outcome': 'outcome_role', 'n': 3, 'agreed': 2}]
    """
    keys = _as_list(by)
    counts = agreement_counts(data, keys)
    grouped = counts[counts["n"] > 0].reset_index(drop=True)
    grouped["n"] = grouped["n"].astype("Int64")  # as it always was: rate is then Float64
    grouped["rate"] = grouped["agreed"] / grouped["n"]
    bounds = [wilson_interval(a, n) for a, n in zip(grouped["agreed"], grouped["n"],
                                                    strict=True)]
    grouped["low"] = [b[0] for b in bounds]
    grouped["high"] = [b[1] for b in bounds]
    grouped["outcome"] = grouped["outcome"].astype(str)
    grouped.insert(len(keys) + 1, "label", grouped["outcome"].map(OUTCOME_LABELS))
    return grouped


def _score_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray] | None:
    """A column of scores as categories (the clean table's), as its codes (-1
    unanswered) and, for each code plus one, whether it is an answer that agrees (4 or
    5; code -1 never does); ``None`` for a column of another type."""
    if isinstance(column.dtype, pd.CategoricalDtype) and \
            pd.api.types.is_integer_dtype(column.cat.categories.dtype):
        return (column.cat.codes.to_numpy(),
                np.append(False, column.cat.categories.to_numpy() >= 4))
    return None


def _answered_agreed(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Row by row: whether the outcome was answered, and whether with 4 or 5 (a column
    not of scores as categories: those are counted through :func:`_score_codes`)."""
    scores = column.astype("Int64")
    return (scores.notna().to_numpy(dtype=bool),
            (scores >= 4).fillna(False).to_numpy(dtype=bool))


def agreement_counts(data: pd.DataFrame, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """How many answered each outcome and how many agreed (4 or 5), by ``by``.

    The counts :func:`agreement_rates` is made from; being counts, they add up
    (quarters into years, say) where rates do not.

    Returns
    -------
    DataFrame
        ``by`` columns, ``outcome`` (ordered as the form asks them), ``n`` and
        ``agreed``: every outcome for every group of ``by`` found in ``data``
        (``n`` is 0 where nobody in the group answered it), sorted by ``by``
        and then the outcomes.

    Examples
    --------
    >>> from coprod_analysis.vocab import SCORE_DTYPE
    >>> df = pd.DataFrame({o: pd.Categorical([5, 4, 2, None], dtype=SCORE_DTYPE)
    ...                    for o in OUTCOME_NAMES})
    >>> agreement_counts(df).head(1).to_dict("records")
    [{'outcome': 'outcome_role', 'n': 3, 'agreed': 2}]
    """
    keys = _as_list(by)
    if keys:
        # Each row's group, numbered in the groups' sorted order (-1: a key is missing).
        grouped = data[keys].groupby(keys, observed=True, sort=True)
        number = grouped.ngroup()  # NaN (or -1) where a key is missing
        counted = (number.notna() & number.ge(0)).to_numpy(dtype=bool)
        group = number.to_numpy()[counted].astype("int64")
        groups = grouped.size().index
    else:
        groups, counted, group = None, slice(None), None
    size = 1 if groups is None else len(groups)
    n = np.zeros((size, len(OUTCOME_NAMES)), dtype="int64")
    agreed = np.zeros_like(n)
    every_row = groups is None or bool(counted.all())
    # Scores as categories are counted in one pass a column: each row's (group, code)
    # numbered as group * (codes + 1) + code + 1, counted, then added up by group.
    offsets: dict[int, np.ndarray | int] = {}
    for i, column in enumerate(OUTCOME_NAMES):
        coded = _score_codes(data[column])
        if coded is not None:
            codes, agrees = coded
            kinds = len(agrees)
            if kinds not in offsets:
                offsets[kinds] = 1 if groups is None else group * kinds + 1
            where = np.add(offsets[kinds], codes if every_row else codes[counted],
                           dtype=np.intp)
            table = np.bincount(where, minlength=size * kinds).reshape(size, kinds)
            n[:, i] = table[:, 1:].sum(axis=1)
            agreed[:, i] = table[:, agrees].sum(axis=1)
            continue
        answered, agrees = _answered_agreed(data[column])
        if groups is None:
            n[0, i], agreed[0, i] = answered.sum(), agrees.sum()
        else:
            n[:, i] = np.bincount(group, weights=answered[counted], minlength=size)
            agreed[:, i] = np.bincount(group, weights=agrees[counted], minlength=size)
    outcome = pd.Categorical.from_codes(np.tile(np.arange(len(OUTCOME_NAMES)), size),
                                        categories=list(OUTCOME_NAMES), ordered=True)
    out = pd.DataFrame({"outcome": outcome, "n": n.ravel(), "agreed": agreed.ravel()})
    if groups is not None:
        keys_frame = groups.to_frame(index=False) if isinstance(groups, pd.MultiIndex) \
            else pd.DataFrame({keys[0]: groups})
        keys_frame = keys_frame.loc[np.repeat(np.arange(size), len(OUTCOME_NAMES))]
        out = pd.concat([keys_frame.reset_index(drop=True), out], axis=1)
    return out


def likert_distribution(data: pd.DataFrame,
                        by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """How many gave each answer, 1 to 5, for each outcome.

    Returns
    -------
    DataFrame
        ``by`` columns, ``outcome``, ``score`` (1-5), ``answer`` (its label),
        ``count``, ``n`` (answered the outcome) and ``share`` (count / n).
        Every score appears, with a count of 0 where nobody gave it.

    Examples
    --------
    >>> from coprod_analysis.vocab import SCORE_DTYPE
    >>> df = pd.DataFrame({o: pd.Categorical([5, 5, 1], dtype=SCORE_DTYPE)
    ...                    for o in OUTCOME_NAMES})
    >>> first = likert_distribution(df).head(5)
    >>> first["score"].tolist(), first["count"].tolist()
    ([1, 2, 3, 4, 5], [1, 0, 0, 0, 2])
    """
    keys = _as_list(by)
    long = _long_scores(data, keys)
    counts = long.groupby([*keys, "outcome", "score"], observed=True).size()
    groups = (long[[*keys, "outcome"]].drop_duplicates()
              .sort_values([*keys, "outcome"]).itertuples(index=False, name=None))
    full = pd.MultiIndex.from_tuples([(*g, s) for g in groups for s in range(1, 6)],
                                     names=[*keys, "outcome", "score"])
    table = counts.reindex(full, fill_value=0).rename("count").reset_index()
    table["n"] = table.groupby([*keys, "outcome"], observed=True)["count"].transform("sum")
    table["share"] = table["count"] / table["n"]
    table["outcome"] = table["outcome"].astype(str)
    table["score"] = table["score"].astype("int64")
    table.insert(len(keys) + 2, "answer",
                 table["score"].map(dict(enumerate(LIKERT_LABELS, start=1))))
    return table


def agreement_by_session(data: pd.DataFrame) -> pd.DataFrame:
    """:func:`agreement_rates` per session, sessions in date order.

    Returns
    -------
    DataFrame
        ``session_id``, ``session_date``, ``venue`` and the columns of
        :func:`agreement_rates`.
    """
    rates = agreement_rates(data, by=SESSION_KEYS)  # outcomes in form order per session
    return rates.sort_values(["session_date", "session_id"], kind="stable", ignore_index=True)


def overall_rating(data: pd.DataFrame, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Mean ``overall`` rating (1 Very poor to 5 Very good) and its base.

    Examples
    --------
    >>> from coprod_analysis.vocab import SCORE_DTYPE
    >>> df = pd.DataFrame({"overall": pd.Categorical([5, 4, None], dtype=SCORE_DTYPE)})
    >>> overall_rating(df).to_dict("records")
    [{'n': 2, 'mean': 4.5}]
    """
    keys = _as_list(by)
    frame = data[[*keys, "overall"]].copy()
    frame["overall"] = frame["overall"].astype("Float64")
    if keys:
        out = frame.groupby(keys, observed=True, sort=True)["overall"].agg(["count", "mean"])
        out = out.reset_index()
    else:
        out = pd.DataFrame({"count": [int(frame["overall"].count())],
                            "mean": [frame["overall"].mean()]})
    out = out.rename(columns={"count": "n"})
    out["n"] = out["n"].astype("int64")
    out["mean"] = out["mean"].astype(float)
    return out


def response_rates(data: pd.DataFrame, sessions: pd.DataFrame) -> pd.DataFrame:
    """Responses per session against the number who attended (the sessions register).

    Parameters
    ----------
    data:
        A clean evaluations table.
    sessions:
        The register, from :func:`coprod_analysis.load_sessions`.

    Returns
    -------
    DataFrame
        One row per registered session, in date order: ``session_id``,
        ``session_date``, ``venue``, ``attended``, ``responses``, ``rate``
        (responses / attended; missing where attendance is unknown or 0).
        Responses for sessions missing from the register are not counted here.
    """
    responses = data.groupby("session_id", observed=True).size().rename("responses")
    out = sessions[["session_id", "session_date", "venue", "attended"]].merge(
        responses, left_on="session_id", right_index=True, how="left")
    out["responses"] = out["responses"].fillna(0).astype("int64")
    attended = out["attended"].astype("Float64")
    out["rate"] = (out["responses"] / attended.where(attended > 0)).astype(float)
    return out.sort_values(["session_date", "session_id"], ignore_index=True)


__all__ = ["OUTCOME_LABELS", "agreement_by_session", "agreement_counts", "agreement_rates",
           "likert_distribution", "overall_rating", "response_rates"]
