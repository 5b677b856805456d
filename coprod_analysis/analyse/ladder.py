"""Where groups sit on the ladder of co-production, and how they move.

Pure functions on a clean reviews table (from
:func:`coprod_analysis.load_reviews`). "Not involved" is kept apart: it is
counted in distributions as its own answer and never compared as a rung, so a
group that was not involved at one review and involved at another has no
up/same/down movement on that level.
"""

from __future__ import annotations

import pandas as pd

from coprod_analysis.analyse.stats import sign_test
from coprod_analysis.vocab import LADDER_FIELD_NAMES, LADDER_LEVELS, LADDER_RUNGS, NOT_INVOLVED

#: Ladder column -> level label for tables and charts ("co-design", …, "overall").
LEVEL_LABELS: dict[str, str] = {
    **{f"ladder_{level}": label for level, label in LADDER_LEVELS.items()},
    "ladder_overall": "overall",
}
ANSWERS: tuple[str, ...] = (*LADDER_RUNGS, NOT_INVOLVED)


def ladder_answers(reviews: pd.DataFrame, column: str) -> pd.Series:
    """A ladder column as text: the rung, ``not_involved``, or missing.

    Examples
    --------
    >>> from coprod_analysis.vocab import LADDER_DTYPE
    >>> df = pd.DataFrame({"ladder_design": pd.Categorical(["intermediate", None, None],
    ...                                                    dtype=LADDER_DTYPE),
    ...                    "ladder_design_not_involved": [False, True, False]})
    >>> ladder_answers(df, "ladder_design").tolist()
    ['intermediate', 'not_involved', nan]
    """
    text = reviews[column].astype(object)
    flag = reviews.get(f"{column}_not_involved")
    if flag is not None:
        text = text.where(~flag.fillna(False).astype(bool), NOT_INVOLVED)
    return text


def select_reviews(reviews: pd.DataFrame, which: str = "latest") -> pd.DataFrame:
    """Each group's ``first`` or ``latest`` review, or ``all`` of them.

    Examples
    --------
    >>> df = pd.DataFrame({"group_id": ["a", "a", "b"], "review_number": [1, 2, 1]})
    >>> select_reviews(df, "latest")["review_number"].tolist()
    [2, 1]
    """
    if which == "all":
        return reviews
    if which not in ("first", "latest"):
        raise ValueError("which must be 'first', 'latest' or 'all'")
    ordered = reviews.sort_values(["group_id", "review_number"], kind="stable")
    keep = "first" if which == "first" else "last"
    return ordered.drop_duplicates("group_id", keep=keep)


def ladder_distribution(reviews: pd.DataFrame, which: str = "latest") -> pd.DataFrame:
    """How many groups sit on each rung (or are not involved), per level.

    Parameters
    ----------
    reviews:
        A clean reviews table.
    which:
        Each group's ``latest`` review (default), its ``first``, or ``all`` reviews.

    Returns
    -------
    DataFrame
        ``level`` (ladder column), ``label``, ``answer`` (a rung or
        ``not_involved``), ``count``, ``n`` (groups answering that level) and
        ``share``. Every answer appears for every level, 0 where none.
    """
    chosen = select_reviews(reviews, which)
    rows = []
    for column in LADDER_FIELD_NAMES:
        answers = ladder_answers(chosen, column).dropna()
        counts = answers.value_counts()
        for answer in ANSWERS:
            if column == "ladder_overall" and answer == NOT_INVOLVED and not counts.get(answer):
                continue
            rows.append({"level": column, "label": LEVEL_LABELS[column], "answer": answer,
                         "count": int(counts.get(answer, 0)), "n": len(answers)})
    table = pd.DataFrame(rows)
    table["share"] = table["count"] / table["n"].where(table["n"] > 0)
    return table


def ladder_movement(reviews: pd.DataFrame) -> pd.DataFrame:
    """Each re-reviewed group's movement per level, first review to latest.

    Returns
    -------
    DataFrame
        One row per re-reviewed group and level: ``group_id``, ``group``,
        ``level``, ``label``, ``first``, ``latest`` (answers), ``first_date``,
        ``latest_date`` and ``movement``: ``up``, ``same`` or ``down`` when
        both are rungs; missing when either is "not involved" or unanswered.
    """
    first = select_reviews(reviews, "first").set_index("group_id")
    latest = select_reviews(reviews, "latest").set_index("group_id")
    again = latest.index[latest["review_number"] > 1]
    rows = []
    order = {rung: i for i, rung in enumerate(LADDER_RUNGS)}
    for column in LADDER_FIELD_NAMES:
        before = ladder_answers(first.loc[again], column)
        after = ladder_answers(latest.loc[again], column)
        for group_id in again:
            a, b = before[group_id], after[group_id]
            movement = None
            if a in order and b in order:
                movement = ("up" if order[b] > order[a] else
                            "down" if order[b] < order[a] else "same")
            rows.append({
                "group_id": group_id, "group": latest.at[group_id, "group"],
                "level": column, "label": LEVEL_LABELS[column],
                "first": a if isinstance(a, str) else None,
                "latest": b if isinstance(b, str) else None,
                "first_date": first.at[group_id, "review_date"],
                "latest_date": latest.at[group_id, "review_date"],
                "movement": movement,
            })
    return pd.DataFrame(rows, columns=["group_id", "group", "level", "label", "first",
                                       "latest", "first_date", "latest_date", "movement"])


def movement_summary(movement: pd.DataFrame) -> pd.DataFrame:
    """Per level: how many groups moved up, stayed, moved down, and the sign test.

    Parameters
    ----------
    movement:
        From :func:`ladder_movement`.

    Returns
    -------
    DataFrame
        ``level``, ``label``, ``up``, ``same``, ``down``, ``not_comparable``
        (not involved or unanswered at either review) and ``p_value`` (two-sided
        exact sign test of up against down).

    Examples
    --------
    >>> m = pd.DataFrame({"level": ["ladder_design"] * 4, "label": ["co-design"] * 4,
    ...                   "movement": ["up", "up", "same", None]})
    >>> movement_summary(m).drop(columns=["level", "label"]).to_dict("records")
    [{'up': 2, 'same': 1, 'down': 0, 'not_comparable': 1, 'p_value': 0.5}]
    """
    rows = []
    for (level, label), group in movement.groupby(["level", "label"], sort=False):
        counts = group["movement"].value_counts()
        up, down = int(counts.get("up", 0)), int(counts.get("down", 0))
        rows.append({"level": level, "label": label, "up": up,
                     "same": int(counts.get("same", 0)), "down": down,
                     "not_comparable": int(group["movement"].isna().sum()),
                     "p_value": sign_test(up, down)})
    return pd.DataFrame(rows, columns=["level", "label", "up", "same", "down",
                                       "not_comparable", "p_value"])


__all__ = ["LEVEL_LABELS", "ladder_answers", "ladder_distribution", "ladder_movement",
           "movement_summary", "select_reviews"]
