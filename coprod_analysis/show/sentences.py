"""What an officer should know first, in plain English (from `analyse.checks`)."""

from __future__ import annotations

import math

import pandas as pd

from coprod_analysis.analyse.checks import SMALL_BASE, small_bases
from coprod_analysis.show.format import _missing, fmt_count, fmt_date, listing


def _session_name(row: pd.Series) -> str:
    venue = "" if _missing(row.get("venue")) else f" at {row['venue']}"
    return f"{fmt_date(row['session_date'])}{venue}"


def register_warnings(gaps: pd.DataFrame) -> list[str]:
    """Sentences for :func:`~coprod_analysis.analyse.checks.register_gaps`.

    Examples
    --------
    >>> gaps = pd.DataFrame({"session_id": ["b", "c"],
    ...     "session_date": pd.to_datetime(["2019-02-01", "2019-03-01"]),
    ...     "venue": ["Library", "Hall"], "gap": ["no forms", "not in register"],
    ...     "responses": [0, 14]})
    >>> for line in register_warnings(gaps): print(line)
    1 session in the register has no forms: 1 Feb 2019 at Library. Its response rate shows as 0%: is an export missing from the folder?
    1 session has forms but is not in the sessions register: 1 Mar 2019 at Hall (14 forms). It has no response rate: add it to the register, or check the date and venue on its forms.
    """  # noqa: E501
    lines = []
    none = gaps[gaps["gap"] == "no forms"]
    if len(none):
        k = len(none)
        names = [_session_name(r) for _, r in none.iterrows()]
        lines.append(f"{k} session{'s' if k > 1 else ''} in the register "
                     f"{'have' if k > 1 else 'has'} no forms: {listing(names)}. "
                     f"{'Their response rates show' if k > 1 else 'Its response rate shows'}"
                     f" as 0%: is an export missing from the folder?")
    extra = gaps[gaps["gap"] == "not in register"]
    if len(extra):
        k = len(extra)
        names = [f"{_session_name(r)} ({fmt_count(r['responses'])} "
                 f"form{'s' if r['responses'] != 1 else ''})" for _, r in extra.iterrows()]
        lines.append(f"{k} session{'s' if k > 1 else ''} {'have' if k > 1 else 'has'} forms "
                     f"but {'are' if k > 1 else 'is'} not in the sessions register: "
                     f"{listing(names)}. {'They have' if k > 1 else 'It has'} no response "
                     f"rate: add {'them' if k > 1 else 'it'} to the register, or check the "
                     f"date and venue on {'their' if k > 1 else 'its'} forms.")
    return lines


def reviewed_once_warnings(once: pd.DataFrame, groups: int) -> list[str]:
    """A sentence for :func:`~coprod_analysis.analyse.checks.reviewed_once`.

    Examples
    --------
    >>> once = pd.DataFrame({"group": ["Oak PPG", "Elm PAG"]})
    >>> reviewed_once_warnings(once, 5)
    ['2 of 5 groups were reviewed once only (Oak PPG and Elm PAG): the ladder shows where \
they sit, but not how they moved.']
    """
    if once.empty:
        return []
    k = len(once)
    return [f"{k} of {groups} group{'s' if groups != 1 else ''} "
            f"{'were' if k > 1 else 'was'} reviewed once only ({listing(list(once['group']))}):"
            f" the ladder shows where {'they sit' if k > 1 else 'it sits'}, but not how "
            f"{'they' if k > 1 else 'it'} moved."]


def small_base_warnings(table_: pd.DataFrame, name: str, what: str = "people",
                        min_base: int = SMALL_BASE, label: str = "label",
                        base: str = "n") -> list[str]:
    """A sentence naming the rows of a results table whose base is under ``min_base``.

    Parameters
    ----------
    table_:
        A results table with a base column.
    name:
        What a row is, plural (``"outcomes"``, ``"sessions"``, ``"kinds of group"``).
    what:
        What the base counts (``"people"``, ``"reviews"``, ``"groups"``).
    label:
        The column naming each row (dates are written as dates).

    Examples
    --------
    >>> sessions = pd.DataFrame({"session_date": pd.to_datetime(["2018-05-22"]),
    ...                          "venue": ["Seacroft Hub"], "n": [9]})
    >>> small_base_warnings(sessions, "sessions", label="session_date")[0][:72]
    '1 session rests on fewer than 10 people: 22 May 2018 at Seacroft Hub (9)'
    >>> t = pd.DataFrame({"label": ["PPG", "PAG", "Other"], "n": [12, 4, 1]})
    >>> small_base_warnings(t, "kinds of group", "reviews")
    ['2 kinds of group rest on fewer than 10 reviews: PAG (4) and Other (1). Their shares \
swing with one answer: read them with care (the report does not show them).']
    """
    small = small_bases(table_, min_base, base).drop_duplicates(label)
    if small.empty:
        return []
    def name_of(row: pd.Series) -> str:
        if label == "session_date" and "venue" in row:  # a session: its date and venue
            return _session_name(row)
        value = row[label]
        return fmt_date(value) if isinstance(value, pd.Timestamp) else str(value)

    names = [f"{name_of(r)} ({fmt_count(r[base])})" for _, r in small.iterrows()]
    k = len(small)
    return [f"{k} {name if k > 1 else name.rstrip('s')} "
            f"{'rest' if k > 1 else 'rests'} on fewer than {min_base} {what}: "
            f"{listing(names)}. {'Their shares swing' if k > 1 else 'Its share swings'} with "
            f"one answer: read {'them' if k > 1 else 'it'} with care (the report does not "
            f"show {'them' if k > 1 else 'it'})."]


def is_small(n: float, min_base: int = SMALL_BASE) -> bool:
    """True when a base is above 0 and under ``min_base``.

    Examples
    --------
    >>> is_small(9), is_small(10), is_small(0)
    (True, False, False)
    """
    return not math.isnan(float(n)) and 0 < n < min_base


__all__ = ["is_small", "register_warnings", "reviewed_once_warnings", "small_base_warnings"]
