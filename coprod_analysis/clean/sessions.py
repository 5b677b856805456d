"""The sessions register: the sessions run, where, by whom, and how many attended.

A small CSV or XLSX kept by hand (``data/sample/sessions.csv``): one row per
session with ``session_date``, ``venue``, ``facilitators`` and ``attended``.
Headers are matched loosely (``Date``, ``Venue``, ``Number attended``…).
Because every row matters (response rates are worked out from it), a row
that cannot be read stops the run with one line that lists every problem.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from coprod_analysis.clean.evaluations import session_ids
from coprod_analysis.clean.values import to_dates
from coprod_analysis.errors import CoprodError
from coprod_analysis.mapping import locate_columns, normalise_header
from coprod_analysis.read import read_grid

_COLUMNS = {
    "session_date": r"^(session )?date( of (the )?session)?$",
    "venue": r"^(venue|where|location)$",
    "facilitators": r"^(facilitators?|facilitated by|trainers?)$",
    "attended": r"^((number|no|how many)( of)? )?(attended|attending|attendance|participants)"
                r"( number)?$",
}


def load_sessions(path: str | Path) -> pd.DataFrame:
    """Read the sessions register.

    Returns
    -------
    DataFrame
        ``session_id``, ``session_date``, ``venue``, ``facilitators``,
        ``attended`` (nullable integer), one row per session, in date order.

    Raises
    ------
    CoprodError
        If a column is missing, or any row's date or attendance cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sessions.csv"
    >>> _ = path.write_text("Date,Venue,Facilitators,Attended\\n"
    ...                     "20/03/2018,Civic Hall,Asha K.,14\\n")
    >>> load_sessions(path)[["session_id", "attended"]].to_dict("records")
    [{'session_id': '2018-03-20-civic-hall', 'attended': 14}]
    """
    path = Path(path)
    grid = read_grid(path)
    headers = grid.records.iloc[0].tolist()
    found = locate_columns(headers, _COLUMNS)
    for name, index in found.items():
        if index is None and name != "facilitators":
            raise CoprodError(f"the sessions register needs a column for {name!r} "
                              f"(its columns are: {', '.join(map(normalise_header, headers))})",
                              path)
    rows = grid.records.iloc[1:]
    numbers = list(grid.record_numbers)[1:]
    problems = [f"row {n} has the wrong number of values" for n, _ in grid.malformed]
    dates, date_problems, _ = to_dates(rows[found["session_date"]])
    attended_text = rows[found["attended"]].astype(str).str.strip()
    attended = pd.to_numeric(attended_text.where(attended_text != ""), errors="coerce")
    for number, problem, raw in zip(numbers, date_problems, rows[found["session_date"]],
                                    strict=True):
        if problem or not str(raw).strip():
            problems.append(f"row {number}: the date {str(raw).strip()!r} "
                            f"{'is missing' if not str(raw).strip() else problem}")
    for number, value, raw in zip(numbers, attended, attended_text, strict=True):
        if raw and (pd.isna(value) or value < 0 or value != int(value)):
            problems.append(f"row {number}: attended {raw!r} is not a whole number")
    if problems:
        raise CoprodError("; ".join(problems), path)
    out = pd.DataFrame({
        "session_date": pd.Series(dates, index=rows.index),
        "venue": rows[found["venue"]].astype(str).str.strip(),
        "facilitators": (rows[found["facilitators"]].astype(str).str.strip()
                         if found["facilitators"] is not None else pd.NA),
        "attended": attended.astype("Int64"),
    })
    out.insert(0, "session_id", session_ids(out["session_date"], out["venue"]))
    # A session listed twice would count its forms twice in the response rate (and,
    # beside the forms returned, give that count away): refused, as a reader found.
    twice = out["session_id"].duplicated(keep=False).to_numpy()
    if twice.any():
        listed = {}
        for number, session in zip(np.asarray(numbers)[twice], out["session_id"][twice],
                                   strict=True):
            listed.setdefault(session, []).append(str(number))
        raise CoprodError("; ".join(f"the session {session} is listed more than once (rows "
                                    f"{', '.join(rows_)})" for session, rows_ in listed.items())
                          + "; list each session once, with everyone who attended it", path)
    return out.sort_values(["session_date", "session_id"], ignore_index=True)
