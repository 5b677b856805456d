"""Turn an export's mapped columns into clean, typed field columns.

Generic over forms: each field is read according to its ``kind`` (see
:class:`coprod_analysis.vocab.Field`). Unreadable cells are left empty and
reported as problems; nothing here drops or reorders rows.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from coprod_analysis.clean import dates, values
from coprod_analysis.clean.redact import redact_series, redact_value
from coprod_analysis.mapping import ColumnMap
from coprod_analysis.read.platforms import TIMESTAMP_FORMATS, RawExport
from coprod_analysis.vocab import CHALLENGE_THEMES, LADDER_DTYPE, SCORE_DTYPE, Field

PROBLEM_COLUMNS = ["source_file", "source_row", "column", "raw_value", "problem", "field"]

#: The problem of a Qualtrics choice number where a name is expected.
PROBLEM_CHOICE_CODE = ("a Qualtrics choice number, not the answer's text (a \"numeric "
                       "values\" download)")


def _problem_frame(export: RawExport, header: str, field: str, problems: np.ndarray,
                   keep_text: bool = False) -> pd.DataFrame:
    mask = ~pd.isna(problems)
    if not mask.any():
        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    rows = export.cells.index.to_numpy()[mask]
    return pd.DataFrame({
        "source_file": export.path.name,
        "source_row": rows,
        "column": header,
        "raw_value": [value if keep_text else redact_value(value)
                      for value in export.cells[header].to_numpy()[mask].astype(object)],
        "problem": np.asarray(problems, dtype=object)[mask],
        "field": field,
    })


def answered(export: RawExport, colmap: ColumnMap, names: list[str]) -> pd.Series:
    """Whether each row answered at least one of the named fields.

    Examples
    --------
    >>> from pathlib import Path
    >>> cells = pd.DataFrame({"Venue": ["Leeds", " ", ""]}, index=[1, 2, 3])
    >>> export = RawExport(Path("x.csv"), "manual", cells, {})
    >>> answered(export, ColumnMap({"Venue": "venue"}), ["venue"]).tolist()
    [True, False, False]
    """
    columns = [h for h, r in colmap.roles.items() if r in names]
    result = np.zeros(len(export.cells), dtype=bool)
    for header in columns:
        todo = np.flatnonzero(~result)  # rows no column before showed answered
        if not len(todo):
            break
        column = export.cells[header]
        if len(todo) < len(result):
            column = column.iloc[todo]
        text = column.astype(values.TEXT_DTYPE).str.strip()
        result[todo] = (text != "").fillna(False).to_numpy(dtype=bool)
    return pd.Series(result, index=export.cells.index)


def convert_fields(
    export: RawExport,
    colmap: ColumnMap,
    fields: tuple[Field, ...],
    *,
    keep_text: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, bool]]:
    """Read every field of a form from an export.

    Parameters
    ----------
    export:
        The export's raw cells.
    colmap:
        Which column holds which field.
    fields:
        The form's fields; a field with no column comes out empty.
    keep_text:
        Keep free text as written instead of redacting it.

    Returns
    -------
    tuple of (fields frame indexed like ``export.cells``, problems frame,
    ``{field: dayfirst}`` for date fields)
    """
    index = export.cells.index
    out: dict[str, pd.Series] = {}
    problem_frames = []
    dayfirst: dict[str, bool] = {}
    for f in fields:
        headers = colmap.columns_for(f.name)
        if not headers:
            out.update(empty_columns(f, index))
            continue
        header = headers[0]
        column = export.cells[header]
        problems = None
        if f.kind == "likert":
            parsed, problems = values.to_likert(column)
            out[f.name] = pd.Series(parsed, index=index)
        elif f.kind == "overall":
            parsed, problems, note = values.to_overall_any(column, header)
            if note:
                export.scale_notes.append(note)
            out[f.name] = pd.Series(parsed, index=index)
        elif f.kind == "choice":
            parsed, problems = values.to_choice(column, f.choices)
            out[f.name] = pd.Series(parsed, index=index)
        elif f.kind == "date":
            order = dates.decide_order(column, export.platform, header, platform_column=False)
            export.date_orders[header] = order
            dayfirst[f.name] = order.dayfirst
            out[f.name], problems = _dates(column, order.dayfirst, export.serial_epoch)
            problems = dates.mark_mixed(column, problems, order)
        elif f.kind == "text":
            out[f.name] = values.by_distinct(column, _short_text)
            codes = qualtrics_choice_codes(export, header)
            if codes is not None:
                out[f.name] = out[f.name].mask(codes)
                problems = np.where(codes, PROBLEM_CHOICE_CODE, None)
                export.scale_notes.append(
                    f"{header!r} holds Qualtrics choice numbers, not {f.short.lower()} "
                    "names (a \"numeric values\" download): they are left empty, each "
                    "listed in problems.csv; download the data again from Qualtrics with "
                    "\"Use choice text\" to read them")
        elif f.kind == "free_text":
            out[f.name] = values.by_distinct(column, _kept_text if keep_text else _redacted_text)
        elif f.kind == "ladder":
            rungs, not_involved, problems = values.to_ladder(column)
            if f.name == "ladder_overall" and not_involved.any():
                # The overall question has three answers, no "not involved" (the
                # contract); the report's small-number rules count on it.
                problems = np.where(not_involved, values.PROBLEM_OVERALL_LADDER, problems)
                not_involved = np.zeros(len(not_involved), dtype=bool)
            out[f.name] = pd.Series(rungs, index=index)
            out[f"{f.name}_not_involved"] = pd.Series(not_involved, index=index, dtype=bool)
        elif f.kind == "yes_no":
            parsed, problems = values.to_yes_no(column)
            out[f.name] = parsed
        elif f.kind == "multi":
            out.update(_multi_answer(export, headers, f.name, keep_text=keep_text))
        else:  # pragma: no cover - the vocabulary defines the kinds
            raise ValueError(f"unknown field kind {f.kind!r}")
        if problems is not None:
            problem_frames.append(_problem_frame(export, header, f.name, problems, keep_text))
    frame = pd.DataFrame(out, index=index)
    problems_frame = _concat(problem_frames, PROBLEM_COLUMNS)
    return frame, problems_frame, dayfirst


def _dates(column: pd.Series, dayfirst: bool, epoch: dt.date | None
           ) -> tuple[pd.Series, np.ndarray]:
    """A column of dates read in one order (``datetime64``, indexed as the column), and
    a problem per cell (``None`` where fine)."""
    parsed, problems = values.apply_by_value(
        column, lambda t: values.parse_date(t, dayfirst, epoch))
    parsed = pd.to_datetime(pd.Series(parsed, dtype=object)).to_numpy(dtype="datetime64[ns]")
    return pd.Series(parsed, index=column.index, dtype="datetime64[ns]"), problems


#: How long after a session its evaluation may be sent, for the submission times to
#: tell a date column's order (:func:`settle_by_submission`).
SENT_WITHIN_DAYS = 120


def settle_by_submission(export: RawExport, colmap: ColumnMap, fields: tuple[Field, ...],
                         frame: pd.DataFrame, submitted: pd.Series,
                         dayfirst: dict[str, bool]) -> None:
    """Read a date column month-first where its values could not decide (every day 12
    or less: read day-first, the UK default) but the submission times do: read so,
    every date (a session's, a review's) falls on or before the day its form was sent,
    and within :data:`SENT_WITHIN_DAYS` of it, where read day-first most fall after it,
    which cannot be (a form sent on 4 March about "3/4/2024" was about 4 March, not 3
    April; found by a hostile-file attack). A date long before its form was sent can be
    (paper forms typed in months later), so it never decides. Changes ``frame``,
    ``dayfirst`` and the column's note in place.
    """
    sent = pd.to_datetime(submitted, errors="coerce").dt.normalize()
    if sent.isna().all():
        return
    for f in fields:
        header = colmap.column_for(f.name)
        order = export.date_orders.get(header) if header else None
        if f.kind != "date" or order is None or order.why != "default":
            continue
        # (read day-first already, by convert_fields)
        readings = {True: frame[f.name],
                    False: _dates(export.cells[header], False, export.serial_epoch)[0]}
        both = readings[True].notna() & sent.notna() & (readings[True] != readings[False])
        if not both.any():
            continue

        def gaps(dates: pd.Series, both: pd.Series = both) -> pd.Series:
            return (sent[both] - dates[both]).dt.days

        day, month, n = gaps(readings[True]), gaps(readings[False]), int(both.sum())
        after = int((day < 0).sum())  # day-first, after the form was sent: cannot be
        if ((month >= 0) & (month <= SENT_WITHIN_DAYS)).all() and after > n / 2:
            frame[f.name] = readings[False]
            dayfirst[f.name] = False
            export.date_orders[header] = dates.DateOrder(False, "submission", (
                f"column {header!r}: every date could be day-first or month-first (no day "
                f"above 12); read month-first, as the submission times say: so every "
                f"date falls on or before the day its form was sent ({after} of {n} "
                "would fall after it, read day-first)"))


def _multi_answer(export: RawExport, headers: list[str], name: str, *,
                  keep_text: bool) -> dict[str, pd.Series]:
    """A "tick all that apply" question, from one list column or one column per option.

    Returns the ``;``-joined codes under ``name`` and anything that is not a
    theme (an "Other" answer) under ``name + "_other"``.
    """
    index = export.cells.index
    codes = [set() for _ in range(len(index))]
    other: list[list[str]] = [[] for _ in range(len(index))]
    for header in headers:
        parsed, _ = values.apply_by_value(export.cells[header], values.parse_challenges)
        for row, (found, text) in enumerate(parsed):
            codes[row].update(found)
            if text:
                other[row].append(text)
    ordered = [[c for c in CHALLENGE_THEMES if c in found] for found in codes]
    joined = pd.Series([";".join(c) if c else pd.NA for c in ordered], index=index,
                       dtype=values.TEXT_DTYPE)
    others = pd.Series([", ".join(t) if t else pd.NA for t in other], index=index,
                       dtype=values.TEXT_DTYPE)
    return {name: joined, f"{name}_other": others if keep_text else redact_series(others)}


def submission_times(export: RawExport, colmap: ColumnMap, read: ReadTimes | None = None
                     ) -> tuple[pd.Series, pd.DataFrame]:
    """The submission time of each row (``NaT`` where the export has none).

    ``read``: what :func:`read_submission_times` gave for the export's column of
    submission times, when it was read beforehand (in another thread).
    """
    header = colmap.column_for("submitted_at")
    if header is None:
        return pd.Series(pd.NaT, index=export.cells.index, dtype="datetime64[ns]"), \
            pd.DataFrame(columns=PROBLEM_COLUMNS)
    if read is None:
        read = read_submission_times(export.cells[header], export.platform, header,
                                     export.serial_epoch)
    times, problems, order = read
    export.date_orders[header] = order
    return times, _problem_frame(export, header, "submitted_at", problems)


#: Submission times read: (times, problems, the column's date order).
ReadTimes = tuple[pd.Series, np.ndarray, dates.DateOrder]


def read_submission_times(column: pd.Series, platform: str, header: str,
                          epoch: dt.date | None = None) -> ReadTimes:
    """Read a column of submission times, touching nothing else (safe in another thread):
    the times, a problem per cell (``None`` where fine) and how its dates are ordered
    (``epoch``: the workbook's day 0, for serial numbers).
    """
    order = dates.decide_order(column, platform, header)
    times, problems = values.to_timestamps(
        column, dates.formats_for(TIMESTAMP_FORMATS[platform], order),
        dayfirst=order.dayfirst, epoch=epoch)
    return times, dates.mark_mixed(column, problems, order), order


def qualtrics_choice_codes(export: RawExport, header: str) -> np.ndarray | None:
    """Which cells of a short-text column are Qualtrics choice numbers, or ``None``.

    Qualtrics' "numeric values" download writes a multiple-choice answer as the
    choice's number (``2``), never its text. A column is a choice question when
    its ImportId has no ``_TEXT`` (``QID2``; a text-entry question's is
    ``QID2_TEXT``, whose ``2`` a respondent typed); without an ImportId row, when
    every answer is a whole number.

    Examples
    --------
    >>> from pathlib import Path
    >>> cells = pd.DataFrame({"Where?": ["2", "", "Leeds"]}, index=[1, 2, 3])
    >>> export = RawExport(Path("x.csv"), "qualtrics", cells, {}, import_ids={"Where?": "QID2"})
    >>> qualtrics_choice_codes(export, "Where?").tolist()
    [True, False, False]
    >>> export.import_ids = {"Where?": "QID2_TEXT"}
    >>> qualtrics_choice_codes(export, "Where?") is None
    True
    >>> export.import_ids = {}
    >>> qualtrics_choice_codes(export, "Where?") is None  # "Leeds" is no number
    True
    """
    if export.platform != "qualtrics" or _choice_text_download(export):
        return None
    text = export.cells[header].astype("string").str.strip()
    bare = text.str.fullmatch(r"\d{1,4}").fillna(False).to_numpy(dtype=bool)
    if not bare.any():
        return None
    import_id = export.import_ids.get(header)
    if import_id is not None:
        return None if "_TEXT" in import_id.upper() else bare
    answered = text.fillna("").to_numpy(dtype=object) != ""
    return bare if bare[answered].all() else None


#: Agreement answers written as words: a "choice text" download.
_AGREEMENT_WORDS = re.compile(r"(?i)\b(?:agree|disagree|neither)\b")


def _choice_text_download(export: RawExport) -> bool:
    """Whether a Qualtrics export's choice answers are written as words ("Agree"): a
    "choice text" download, where a number under a question is what was typed or
    chosen ("Room 12"), never a choice's code (found by a reader: room numbers were
    left empty). Judged from the first rows' distinct values."""
    return any(_AGREEMENT_WORDS.search(str(v)) is not None
               for column in export.cells.columns
               for v in pd.unique(export.cells[column].iloc[:200].dropna()))


def _short_text(column: pd.Series) -> pd.Series:
    """A short text answer (a venue): tidied like a choice, "N/A" and the like missing."""
    text = values.tidy_choice_rows(column)
    said_none = values.map_distinct(text, lambda t: "x" if values.is_missing(t) else "")
    return text.mask((said_none == "x").fillna(False).astype(bool))


def _kept_text(column: pd.Series) -> pd.Series:
    return values.tidy_text_rows(column)


def _redacted_text(column: pd.Series) -> pd.Series:
    return redact_series(values.tidy_text_rows(column))


def extra_columns(export: RawExport, colmap: ColumnMap, *, keep_text: bool) -> pd.DataFrame:
    """Columns that map to no field, tidied and (unless ``keep_text``) redacted."""
    out = {}
    for header in colmap.unmapped:
        out[header] = values.by_distinct(export.cells[header],
                                         _kept_text if keep_text else _redacted_text)
    return pd.DataFrame(out, index=export.cells.index)


def empty_column(f: Field, index: pd.Index) -> pd.Series:
    """An all-missing column of the right dtype for a field."""
    if f.kind in ("likert", "overall"):
        return pd.Series(pd.Categorical([None] * len(index), dtype=SCORE_DTYPE), index=index)
    if f.kind == "choice":
        return pd.Series(pd.Categorical([None] * len(index), dtype=f.choices.dtype), index=index)
    if f.kind == "ladder":
        return pd.Series(pd.Categorical([None] * len(index), dtype=LADDER_DTYPE), index=index)
    if f.kind == "yes_no":
        return pd.Series(pd.NA, index=index, dtype="boolean")
    if f.kind == "date":
        return pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    return pd.Series(pd.NA, index=index, dtype=values.TEXT_DTYPE)


def empty_columns(f: Field, index: pd.Index) -> dict[str, pd.Series]:
    """A field's column(s) when the export lacks the question."""
    out = {f.name: empty_column(f, index)}
    if f.kind == "ladder":
        out[f"{f.name}_not_involved"] = pd.Series(False, index=index, dtype=bool)
    if f.kind == "multi":
        out[f"{f.name}_other"] = pd.Series(pd.NA, index=index, dtype=values.TEXT_DTYPE)
    return out


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]
