"""Slices for exploring: one period, venue, respondent type or kind of group.

The Explore notebook's dropdowns call :func:`explore`; every result it shows
can be had from the same call with the same arguments. Evaluations are
sliced by period (of the session date), venue and respondent type; reviews by
period (of the review date) and kind of group. A filter a table has no column
for leaves that table whole (venue says nothing about group reviews).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from coprod_analysis.analyse.challenges import challenge_counts
from coprod_analysis.analyse.checks import SMALL_BASE
from coprod_analysis.analyse.ladder import ladder_distribution
from coprod_analysis.analyse.outcomes import agreement_rates
from coprod_analysis.errors import CoprodError

#: Filter name -> (evaluations column, reviews column); ``None`` where it does not apply.
FILTERS: dict[str, tuple[str | None, str | None]] = {
    "period": ("session_date", "review_date"),
    "venue": ("venue", None),
    "respondent_type": ("respondent_type", None),
    "group_type": (None, "group_type"),
}


def period_of(dates: pd.Series, period: str) -> pd.Series:
    """True where a date falls in ``period``: a year (``"2019"``) or half year (``"2019 H1"``).

    Examples
    --------
    >>> dates = pd.Series(pd.to_datetime(["2019-03-01", "2019-09-01", "2018-03-01", None]))
    >>> period_of(dates, "2019").tolist(), period_of(dates, "2019 H2").tolist()
    ([True, True, False, False], [False, True, False, False])
    """
    parts = str(period).strip().upper().split()
    if not parts or not parts[0].isdigit() or len(parts) > 2 or (
            len(parts) == 2 and parts[1] not in ("H1", "H2")):
        raise ValueError(f"a period is a year such as '2019' or a half year such as "
                         f"'2019 H1', not {period!r}")
    dates = pd.to_datetime(dates)
    inside = dates.dt.year == int(parts[0])
    if len(parts) == 2:
        inside &= (dates.dt.month > 6) == (parts[1] == "H2")
    return inside.fillna(False).astype(bool)


def periods(dates: pd.Series) -> list[str]:
    """The years and half years the dates cover, in order.

    Examples
    --------
    >>> periods(pd.Series(pd.to_datetime(["2019-09-01", "2018-03-01", None])))
    ['2018', '2018 H1', '2019', '2019 H2']
    """
    dates = pd.to_datetime(dates).dropna()
    out: list[str] = []
    for year in sorted(dates.dt.year.unique()):
        halves = sorted({1 if m <= 6 else 2 for m in dates[dates.dt.year == year].dt.month})
        out += [str(year), *(f"{year} H{h}" for h in halves)]
    return out


def slice_table(table: pd.DataFrame, form: str, **filters: str | None) -> pd.DataFrame:
    """The rows of an evaluations (``form="evaluations"``) or reviews table in the slice.

    Parameters
    ----------
    table:
        A clean evaluations or reviews table (never changed).
    form:
        ``"evaluations"`` or ``"reviews"``.
    **filters:
        ``period``, ``venue``, ``respondent_type``, ``group_type``: a value
        to keep, or ``None`` for all. Matching ignores case and spacing.

    Returns
    -------
    DataFrame
        A copy of the rows that match every filter that applies to the form.

    Examples
    --------
    >>> ev = pd.DataFrame({"session_date": pd.to_datetime(["2018-05-01", "2019-05-01"]),
    ...                    "venue": ["Hub", "Hall"], "respondent_type": ["Carer", "Staff"]})
    >>> len(slice_table(ev, "evaluations", period="2019", venue="hall ")), \
len(slice_table(ev, "evaluations", group_type="PPG"))
    (1, 2)
    """
    position = {"evaluations": 0, "reviews": 1}[form]
    keep = pd.Series(True, index=table.index)
    for name, value in filters.items():
        if name not in FILTERS:
            raise ValueError(f"no filter called {name!r}: use {', '.join(FILTERS)}")
        column = FILTERS[name][position]
        if value is None or column is None:
            continue
        if name == "period":
            keep &= period_of(table[column], value)
        else:
            wanted = " ".join(str(value).split()).casefold()
            text = table[column].astype("string").str.split().str.join(" ").str.casefold()
            keep &= (text == wanted).fillna(False).astype(bool)
    return table.loc[keep].copy()


def slice_options(evaluations: pd.DataFrame, reviews: pd.DataFrame) -> dict[str, list[str]]:
    """The values each filter can take, from the data (for dropdowns).

    Examples
    --------
    >>> ev = pd.DataFrame({"session_date": pd.to_datetime(["2018-05-01"]), "venue": ["Hub"],
    ...                    "respondent_type": pd.Categorical(["Carer"], ["Patient", "Carer"])})
    >>> rv = pd.DataFrame({"review_date": pd.to_datetime(["2019-02-01"]),
    ...                    "group_type": pd.Categorical(["PPG"], ["PPG", "PAG"])})
    >>> slice_options(ev, rv)
    {'period': ['2018', '2018 H1', '2019', '2019 H1'], 'venue': ['Hub'], \
'respondent_type': ['Carer'], 'group_type': ['PPG']}
    """
    dates = pd.concat([pd.to_datetime(evaluations["session_date"]),
                       pd.to_datetime(reviews["review_date"])], ignore_index=True)

    def present(column: pd.Series) -> list[str]:
        if isinstance(column.dtype, pd.CategoricalDtype):  # in the vocabulary's order
            return [str(c) for c in column.cat.categories if (column == c).any()]
        # Spellings that slice the same rows (case, spacing) are one option: the commonest.
        spellings = column.dropna().astype(str).value_counts(sort=True)
        chosen: dict[str, str] = {}
        for text in spellings.index:
            chosen.setdefault(" ".join(text.split()).casefold(), text)
        return sorted(chosen.values(), key=str.casefold)

    return {"period": periods(dates), "venue": present(evaluations["venue"]),
            "respondent_type": present(evaluations["respondent_type"]),
            "group_type": present(reviews["group_type"])}


@dataclass(frozen=True)
class Slice:
    """The results for one slice, each a tidy table from :mod:`coprod_analysis.analyse`.

    Attributes
    ----------
    filters:
        The filters asked for (name -> value or ``None``).
    respondents, reviews, groups:
        The bases: evaluation responses, group reviews and groups in the slice.
    outcomes:
        :func:`~coprod_analysis.analyse.agreement_rates` of the slice.
    themes:
        :func:`~coprod_analysis.analyse.challenge_counts` of the slice's reviews.
    ladder:
        :func:`~coprod_analysis.analyse.ladder_distribution` (each group's latest
        review within the slice).
    min_base:
        Below this base a result is greyed out when shown.
    """

    filters: dict[str, str | None]
    respondents: int
    reviews: int
    groups: int
    outcomes: pd.DataFrame
    themes: pd.DataFrame
    ladder: pd.DataFrame
    min_base: int = SMALL_BASE


def explore(evaluations: pd.DataFrame, reviews: pd.DataFrame, *, period: str | None = None,
            venue: str | None = None, respondent_type: str | None = None,
            group_type: str | None = None, min_base: int = SMALL_BASE) -> Slice:
    """Outcomes, challenge themes and the ladder for one slice of the programme.

    Parameters
    ----------
    evaluations, reviews:
        Clean tables (never changed).
    period:
        A year (``"2019"``) or half year (``"2019 H1"``), or ``None`` for all.
    venue, respondent_type:
        Slice the evaluations (``None`` for all).
    group_type:
        Slice the reviews (``None`` for all).
    min_base:
        The base below which results are greyed out when shown.

    Returns
    -------
    Slice

    Raises
    ------
    CoprodError
        If a venue, respondent type or kind of group is not in the data (a
        typing slip), naming the ones that are; ValueError for a period that
        is neither a year nor a half year.

    Examples
    --------
    >>> from coprod_analysis.vocab import OUTCOME_NAMES
    >>> ev = pd.DataFrame({"session_date": pd.to_datetime(["2018-05-01", "2019-05-01"]),
    ...                    "venue": ["Hub", "Hall"], "respondent_type": ["Carer", "Staff"],
    ...                    **{o: [5, 2] for o in OUTCOME_NAMES}})
    >>> rv = pd.DataFrame({"review_date": pd.to_datetime(["2019-02-01"]), "group_type": ["PPG"],
    ...                    "group_id": ["a"], "review_number": [1], "challenges": ["time"],
    ...                    **{c: ["descriptive"] for c in ("ladder_design", "ladder_decision",
    ...                    "ladder_delivery", "ladder_evaluation", "ladder_overall")}})
    >>> part = explore(ev, rv, period="2019")
    >>> part.respondents, part.reviews, int(part.outcomes["agreed"].sum())
    (1, 1, 0)
    """
    filters = {"period": period, "venue": venue, "respondent_type": respondent_type,
               "group_type": group_type}
    _check_values(evaluations, reviews, filters)
    ev = slice_table(evaluations, "evaluations", **filters)
    rv = slice_table(reviews, "reviews", **filters)
    return Slice(filters=filters, respondents=len(ev), reviews=len(rv),
                 groups=int(rv["group_id"].nunique()), outcomes=agreement_rates(ev),
                 themes=challenge_counts(rv), ladder=ladder_distribution(rv),
                 min_base=min_base)


def _check_values(evaluations: pd.DataFrame, reviews: pd.DataFrame,
                  filters: dict[str, str | None]) -> None:
    """A value the data never holds is a typing slip: say which values there are."""
    options = slice_options(evaluations, reviews)
    for name, value in filters.items():
        if value is None:
            continue
        if name == "period":
            period_of(pd.Series([], dtype="datetime64[ns]"), value)  # its shape only
            continue
        known = {" ".join(v.split()).casefold() for v in options[name]}
        if " ".join(str(value).split()).casefold() not in known:
            words = name.replace("_", " ")
            raise CoprodError(f"no {words} called {value!r} in the data; the "
                              f"{words}s are: {', '.join(options[name]) or 'none'}")


def explore_call(**filters: str | None) -> str:
    """The plain function call that gives the same slice (shown beside each widget).

    Examples
    --------
    >>> explore_call(period="2019", venue=None, group_type="PPG")
    "explore(evaluations, reviews, period='2019', group_type='PPG')"
    """
    given = ", ".join(f"{name}={value!r}" for name, value in filters.items() if value is not None)
    return f"explore(evaluations, reviews{', ' if given else ''}{given})"


__all__ = ["FILTERS", "Slice", "explore", "explore_call", "period_of", "periods",
           "slice_options", "slice_table"]
