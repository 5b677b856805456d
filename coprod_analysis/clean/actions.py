"""The actions log: what was done about what people said ("you said, we did").

An officer keeps it by hand, as CSV or XLSX, one row per action:

| column | holds |
|---|---|
| ``theme`` | the theme code(s) the action answers, ``;``-joined (codes or labels) |
| ``you_said`` | what people said, in a sentence |
| ``we_did`` | what was done, or is planned |
| ``status`` | ``planned``, ``in progress`` or ``done`` |
| ``date`` | when it was done or is due |
| ``owner`` | who owns it (a role, not a person's name, if it will be published) |

It is read with the same care as the exports: every row is kept or counted
as blank; a cell that cannot be read is left empty and listed in
``problems``; a file without the columns is a one-line error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from coprod_analysis.clean.values import is_missing, normalise_answer, to_dates
from coprod_analysis.errors import CoprodError
from coprod_analysis.mapping import locate_columns, normalise_header
from coprod_analysis.read import read_grid
from coprod_analysis.vocab import CHALLENGE_SYNONYMS, CHALLENGE_THEMES

STATUSES = ("planned", "in progress", "done")
_STATUS_SYNONYMS = {
    "planned": "planned", "plan": "planned", "not started": "planned", "to do": "planned",
    "todo": "planned", "agreed": "planned",
    "in progress": "in progress", "ongoing": "in progress", "underway": "in progress",
    "started": "in progress", "progress": "in progress", "doing": "in progress",
    "done": "done", "complete": "done", "completed": "done", "finished": "done",
    "closed": "done",
}
#: Headers are matched normalised ("Theme(s)" is "theme s"), in full. The names in
#: ``_COLUMNS`` are looked for first; only a column still missing is then looked for
#: with words after its name (``_LOOSE``: "Status (planned / in progress / done)",
#: "Owner (role)"), so "Date raised" never wins over "Date completed", nor
#: "Progress notes" over "Status".
_COLUMNS = {
    "theme": r"themes?|theme s|theme codes?|codes?|you said themes?",
    "you_said": r"you said|what you said|they said|issue|feedback",
    "we_did": r"we did|what we did|we did will do|actions?|action taken|we will|response",
    "status": r"status|progress",
    "date": r"date|when|due|due by|due date|date due|date done|done on|completed|completed on"
            r"|date completed|target date|target",
    "owner": r"owner|lead|who",
}
_LOOSE = {
    "you_said": r"(you said|what you said|they said|issue|feedback) (?!themes?$|date|on$|by$).*",
    "we_did": r"(we did|what we did) .*",
    "status": r"(status|progress) .*",
    "date": r"(date|due|target date) (?!raised|logged|added|opened).*",
    "owner": r"(owner|lead|who) .*",
}
#: When several columns fit loosely, one holding these words is the column meant
#: ("Status (planned / in progress / done)" before "Status notes").
_PREFERRED = {
    "status": r"\b(planned|progress|done|rag)\b",
    "date": r"\b(due|done|completed|target)\b",
}
REQUIRED = ("theme", "you_said", "we_did", "status")


@dataclass
class ActionsLog:
    """The actions, the cells that could not be read, and the counts."""

    data: pd.DataFrame
    problems: pd.DataFrame
    summary: dict


def _theme_codes(text: str, known: dict[str, str]) -> tuple[str, str | None]:
    """Theme codes from a cell: codes, labels or the usual ways of writing them.

    Whole labels are looked for first, since some hold a comma or a semicolon
    ("Mixing patients and staff; more staff present, more voices"); what is
    left is split at ``;``, ``,`` and line breaks.

    Examples
    --------
    >>> known = {"time": "Time", "mixing": "Mixing patients and staff; more staff present"}
    >>> _theme_codes("mixing patients and staff;  more staff present, Lack of time", known)
    ('time;mixing', None)
    >>> _theme_codes("weather; time", known)
    ('time', 'not a theme code: weather')
    """
    codes, unknown = [], []
    for code, label in sorted(known.items(), key=lambda item: -len(item[1])):
        words = r"\s+".join(re.escape(word) for word in label.split())
        whole = re.compile(rf"(?:^|[;,\n])\s*{words}\s*(?=$|[;,\n])", re.IGNORECASE)
        if whole.search(text):
            codes.append(code)
            text = whole.sub(";", text)
    labels = {normalise_answer(label): code for code, label in known.items()}
    for piece in filter(None, (p.strip() for p in re.split(r"[;,\n]", text))):
        key = normalise_answer(piece)
        code = (piece if piece in known else labels.get(key) or CHALLENGE_SYNONYMS.get(key)
                or (key.replace(" ", "_") if key.replace(" ", "_") in known else None))
        (codes if code else unknown).append(code or piece)
    ordered = [c for c in known if c in codes]
    problem = f"not a theme code: {', '.join(unknown)}" if unknown else None
    return ";".join(ordered), problem


def _loose_column(path: Path, headers: list, name: str, pattern: str,
                  taken: set[int | None]) -> int | None:
    """The one column that fits ``name`` loosely; two that fit equally are an error."""
    fits = [i for i, h in enumerate(headers)
            if i not in taken and re.fullmatch(pattern, normalise_header(h))]
    if len(fits) > 1 and name in _PREFERRED:
        preferred = [i for i in fits if re.search(_PREFERRED[name], normalise_header(headers[i]))]
        fits = preferred if len(preferred) == 1 else fits
    if len(fits) > 1:
        raise CoprodError(f"more than one column could be the {name} column: "
                          f"{', '.join(repr(str(headers[i])) for i in fits)}; rename the "
                          f"one that is not to something else", path)
    return fits[0] if fits else None


def load_actions(path: str | Path, extra_codes: dict[str, str] | None = None) -> ActionsLog:
    """Read the actions log.

    Parameters
    ----------
    path:
        The log (CSV or XLSX).
    extra_codes:
        Theme codes besides the challenge themes (code -> label), e.g. the
        improvements codebook.

    Returns
    -------
    ActionsLog

    Raises
    ------
    CoprodError
        If the file cannot be read or lacks a required column.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "actions.csv"
    >>> _ = path.write_text("theme,you_said,we_did,status,date,owner\\n"
    ...                     "Time,Meetings too short,Longer meetings,Completed,01/06/2019,Chair\\n")
    >>> log = load_actions(path)
    >>> log.data[["theme", "status"]].to_dict("records")
    [{'theme': 'time', 'status': 'done'}]
    """
    path = Path(path)
    known = {**CHALLENGE_THEMES, **(extra_codes or {})}
    grid = read_grid(path)
    if grid.malformed:
        raise CoprodError(f"row {grid.malformed[0][0]} of the actions log has the wrong "
                          "number of values", path)
    headers = grid.records.iloc[0].tolist()
    found = locate_columns(headers, _COLUMNS)
    taken = {i for i in found.values() if i is not None}
    for name, pattern in _LOOSE.items():
        if found[name] is None:
            found[name] = _loose_column(path, headers, name, pattern, taken)
            taken.add(found[name])
    missing = [name for name in REQUIRED if found[name] is None]
    if missing:
        raise CoprodError(f"the actions log needs the columns {', '.join(missing)} (it has: "
                          f"{', '.join(map(normalise_header, headers))})", path)
    rows = grid.records.iloc[1:]
    numbers = list(grid.record_numbers)[1:]

    def column(name: str) -> pd.Series:
        index = found[name]
        if index is None:
            return pd.Series("", index=rows.index, dtype=object)
        return rows[index].astype(str).str.strip()

    blank = pd.Series(True, index=rows.index)
    for name in _COLUMNS:
        blank &= column(name) == ""
    problems = []
    themes, statuses = [], []
    for number, theme, status in zip(numbers, column("theme"), column("status"), strict=True):
        codes, problem = _theme_codes(theme, known)
        themes.append(codes)
        if problem:
            problems.append({"source_row": number, "column": "theme", "raw_value": theme,
                             "problem": problem})
        key = normalise_answer(status)
        statuses.append(_STATUS_SYNONYMS.get(key))
        if key and key not in _STATUS_SYNONYMS and not is_missing(status):
            problems.append({"source_row": number, "column": "status", "raw_value": status,
                             "problem": "not one of: " + ", ".join(STATUSES)})
    dates, date_problems, _ = to_dates(column("date"))
    for number, raw, problem in zip(numbers, column("date"), date_problems, strict=True):
        if problem:
            problems.append({"source_row": number, "column": "date", "raw_value": raw,
                             "problem": problem})
    data = pd.DataFrame({
        "theme": themes, "you_said": column("you_said"), "we_did": column("we_did"),
        "status": pd.Categorical(statuses, categories=list(STATUSES), ordered=True),
        "date": pd.to_datetime(pd.Series(dates, index=rows.index)),
        "owner": column("owner"), "source_row": numbers,
    }, index=rows.index)
    data = data.loc[~blank.to_numpy()].reset_index(drop=True)
    used = {i for i in found.values() if i is not None}
    ignored = [str(h) for i, h in enumerate(headers) if i not in used and str(h).strip()]
    summary = {"rows_read": len(rows), "rows_kept": len(data),
               "rows_blank": int(blank.sum()), "cells_unreadable": len(problems),
               "columns_ignored": ignored}
    return ActionsLog(data, pd.DataFrame(problems, columns=["source_row", "column",
                                                            "raw_value", "problem"]), summary)
