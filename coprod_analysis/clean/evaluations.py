"""Clean evaluation-form exports into one table (contract section 3).

The flow for each file is read -> map -> convert; then, across all files,
blank responses are counted, rows without a session date are quarantined,
duplicates are removed (the later submission wins) and every kept response
gets a ``response_id``. Every row read ends in exactly one of: clean,
quarantined, duplicate, blank.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from coprod_analysis.clean import fields as conv
from coprod_analysis.clean.redact import redact
from coprod_analysis.clean.result import CleanResult, FileReport, build_summary
from coprod_analysis.clean.values import TEXT_DTYPE, iso_text, join_text, map_distinct
from coprod_analysis.errors import CoprodError
from coprod_analysis.mapping import ColumnMap, map_columns, read_mapping_file
from coprod_analysis.read import RawExport, find_inputs, read_export
from coprod_analysis.vocab import EVALUATION_FIELD_NAMES, EVALUATION_FIELDS

logger = logging.getLogger(__name__)

#: The clean table's columns, in order (contract section 3).
EVALUATION_COLUMNS: tuple[str, ...] = (
    "response_id",
    "session_id",
    *EVALUATION_FIELD_NAMES,
    "source_platform",
    "source_file",
    "source_row",
    "submitted_at",
)
QUARANTINE_LEAD = ("source_file", "source_row", "reason", "reason_code")
#: A file must match at least this many form questions to count as an export.
MIN_FIELDS_MATCHED = 2
_FREE_TEXT = frozenset(f.name for f in EVALUATION_FIELDS if f.kind == "free_text")


@dataclass
class _FileOutcome:
    """One file's rows, sorted into candidates and the set-aside."""

    report: FileReport
    candidates: pd.DataFrame  # rows to keep unless they turn out to be duplicates
    quarantine: pd.DataFrame
    problems: pd.DataFrame


def slug(text: str) -> str:
    """A lower-case, hyphenated form of a name, for ids.

    Examples
    --------
    >>> slug("St George's  Centre, Leeds")
    'st-georges-centre-leeds'
    """
    text = re.sub(r"['\u2019]", "", str(text).lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def session_ids(dates: pd.Series, venues: pd.Series) -> pd.Series:
    """``YYYY-MM-DD-venue-slug`` (or just the date where the venue is missing).

    Examples
    --------
    >>> d = pd.Series(pd.to_datetime(["2018-03-20", "2018-03-20", None]))
    >>> session_ids(d, pd.Series(["Civic Hall", pd.NA, "Civic Hall"])).tolist()
    ['2018-03-20-civic-hall', '2018-03-20', <NA>]
    """
    day = iso_text(dates, with_time=False)
    venue_slug = map_distinct(venues.astype(TEXT_DTYPE), slug)
    return join_text(day, venue_slug.mask((venue_slug == "").fillna(False).astype(bool)),
                     sep="-")


def _identity_email(series: pd.Series) -> pd.Series:
    text = series.astype(TEXT_DTYPE).str.strip().str.casefold()
    usable = text.str.contains("@", regex=False).fillna(False).astype(bool)
    return text.where(usable)


def _check_is_evaluation_export(export: RawExport, colmap: ColumnMap) -> None:
    mapped = [f for f in colmap.fields if f in EVALUATION_FIELD_NAMES]
    if len(mapped) < MIN_FIELDS_MATCHED:
        shown = ", ".join(repr(h) for h in list(export.cells.columns)[:4])
        raise CoprodError(
            f"does not look like an evaluation form export: its columns ({shown}"
            f"{', ...' if export.cells.shape[1] > 4 else ''}) match "
            f"{len(mapped)} of the form's questions; check the file, or map the columns "
            "with --mapping",
            export.path,
        )


def _quarantine_frame(export: RawExport, colmap: ColumnMap, rows: pd.Index,
                      reasons: pd.Series, codes: pd.Series, keep_text: bool) -> pd.DataFrame:
    """Rows set aside, with raw values; identifiers dropped, free text redacted."""
    if not len(rows):
        return pd.DataFrame(columns=list(QUARANTINE_LEAD))
    cells = export.cells.loc[rows]
    out = pd.DataFrame({
        "source_file": export.path.name,
        "source_row": rows.to_numpy(),
        "reason": reasons.loc[rows].to_numpy(),
        "reason_code": codes.loc[rows].to_numpy(),
    })
    for header, role in colmap.roles.items():
        if role in ("identifier", "email", "respondent_id", "platform", "ignore"):
            continue
        column = role if role in EVALUATION_FIELD_NAMES else header
        value = cells[header].astype(object).to_numpy()
        if not keep_text and (role not in EVALUATION_FIELD_NAMES or role in _FREE_TEXT):
            value = np.array([redact(v) for v in value], dtype=object)
        out[column] = value
    return out


def _malformed_frame(export: RawExport, keep_text: bool) -> pd.DataFrame:
    """Rows with too few or too many values, quarantined with what they held."""
    width = export.cells.shape[1]
    rows = []
    for source_row, fields in export.malformed:
        joined = " | ".join(fields)
        rows.append({
            "source_file": export.path.name,
            "source_row": source_row,
            "reason": (f"this row has {len(fields)} values but the header has {width} "
                       "columns (a missing or extra comma?); its values cannot be matched "
                       "to questions"),
            "reason_code": "wrong number of values in the row",
            "raw_record": joined if keep_text else redact(joined),
        })
    return pd.DataFrame(rows, columns=[*QUARANTINE_LEAD, "raw_record"])


def clean_evaluation_file(path: Path, *, overrides: dict[str, str] | None = None,
                          keep_text: bool = False) -> _FileOutcome:
    """Read, map and convert one evaluation export; quarantine what cannot be kept.

    Duplicates are found later, across all files.
    """
    export = read_export(path)
    colmap = map_columns(list(export.cells.columns), EVALUATION_FIELDS, export.roles, overrides)
    _check_is_evaluation_export(export, colmap)
    report = FileReport(
        file=path.name,
        platform=export.platform,
        encoding=export.encoding,
        rows_read=export.rows_read,
        columns_mapped=colmap.fields,
        columns_unmapped=colmap.unmapped,
        columns_identifiers=[h for h, r in colmap.roles.items() if r in ("identifier", "email")],
        notes=[*export.notes, *colmap.notes],
    )
    fields, problems, dayfirst = conv.convert_fields(export, colmap, EVALUATION_FIELDS,
                                                     keep_text=keep_text)
    if not dayfirst.get("session_date", True):
        report.notes.append("session dates were written month-first (e.g. 03/14/2018) "
                            "and read that way")
    submitted, time_problems = conv.submission_times(export, colmap)
    problems = (pd.concat([p for p in (problems, time_problems) if len(p)] or [problems],
                          ignore_index=True)
                .sort_values("source_row", kind="stable", ignore_index=True))

    blank = ~conv.answered(export, colmap, list(EVALUATION_FIELD_NAMES))
    from_form = fields["session_date"]
    fields["session_date"] = from_form.fillna(submitted.dt.normalize())
    if len(problems):
        rescued = problems["field"].eq("session_date") & problems["source_row"].isin(
            fields.index[from_form.isna() & fields["session_date"].notna()])
        problems.loc[rescued, "problem"] += "; the date it was submitted was used instead"
    no_date = fields["session_date"].isna() & ~blank

    reasons = pd.Series("", index=export.cells.index, dtype=object)
    date_header = colmap.column_for("session_date")
    if no_date.any():
        raw = (export.cells[date_header].astype(object) if date_header
               else pd.Series("", index=export.cells.index, dtype=object))
        answered_date = raw.astype(str).str.strip() != ""
        reasons[no_date & answered_date] = (
            "the session date '" + raw[no_date & answered_date].astype(str).str.strip()
            + "' could not be read, and the export has no submission time to fall back on")
        reasons[no_date & ~answered_date] = (
            "the session date is missing, and the export has no submission time to fall "
            "back on")
    codes = pd.Series("no session date", index=export.cells.index, dtype=object)
    quarantine = pd.concat(
        [f for f in (_quarantine_frame(export, colmap, export.cells.index[no_date.to_numpy()],
                                       reasons, codes, keep_text),
                     _malformed_frame(export, keep_text)) if len(f)]
        or [pd.DataFrame(columns=list(QUARANTINE_LEAD))],
        ignore_index=True,
    )
    keep = (~blank & ~no_date).to_numpy()
    candidates = fields.loc[keep].copy()
    candidates["session_id"] = session_ids(candidates["session_date"], candidates["venue"])
    candidates["source_platform"] = export.platform
    candidates["source_file"] = path.name
    candidates["source_row"] = candidates.index.to_numpy()
    candidates["submitted_at"] = submitted.loc[keep]
    no_identity = pd.Series(pd.NA, index=candidates.index, dtype=TEXT_DTYPE)
    rid = colmap.column_for("respondent_id")
    candidates["_respondent"] = (export.cells.loc[keep, rid].astype(TEXT_DTYPE).str.strip()
                                 .replace("", pd.NA) if rid else no_identity)
    email = colmap.column_for("email")
    candidates["_email"] = (_identity_email(export.cells.loc[keep, email]) if email
                            else no_identity)
    extras = conv.extra_columns(export, colmap, keep_text=keep_text).loc[keep]
    candidates = pd.concat([candidates, extras.add_prefix("\x00")], axis=1)
    candidates = candidates.reset_index(drop=True)

    report.rows_blank = int(blank.sum())
    report.rows_quarantined = len(quarantine)
    return _FileOutcome(report, candidates, quarantine, problems)


def mark_duplicates(frame: pd.DataFrame) -> pd.Series:
    """Which rows are earlier copies of the same response.

    Two rows are the same response when they share a platform respondent id
    on the same platform (overlapping exports), or an e-mail address for the
    same session. The later submission wins; where submission times are
    equal or missing, the row read later wins. Rows with neither an id nor an
    e-mail are never duplicates: identical anonymous answers are two people.

    Parameters
    ----------
    frame:
        Candidate rows with ``_respondent``, ``_email``, ``session_id``,
        ``source_platform``, ``submitted_at`` and ``_order`` columns.

    Returns
    -------
    Boolean Series aligned with ``frame``: True for a row to drop.
    """
    dropped = pd.Series(False, index=frame.index)
    keyed = frame["_respondent"].notna() | frame["_email"].notna()
    if not keyed.any():
        return dropped
    columns = ["source_platform", "_respondent", "_email", "session_id", "submitted_at", "_order"]
    order = frame.loc[keyed, columns].sort_values(["submitted_at", "_order"],
                                                  na_position="first", kind="stable")
    for keys, present in (
        (["source_platform", "_respondent"], order["_respondent"].notna()),
        (["_email", "session_id"], order["_email"].notna()),
    ):
        live = order[present.to_numpy() & ~dropped.loc[order.index].to_numpy()]
        repeat = live.duplicated(subset=keys, keep="last")
        dropped.loc[repeat[repeat].index] = True
    return dropped


def _response_ids(frame: pd.DataFrame) -> pd.Series:
    """A stable id from the file and row, the same every run: ``<8 hex digits>-<row>``.

    The hex digits are a hash of the file name, so ids from different files
    never clash and say nothing about the respondent.

    Examples
    --------
    >>> _response_ids(pd.DataFrame({"source_file": ["a.csv"], "source_row": [7]})).tolist()
    ['5e56e378-7']
    """
    files = frame["source_file"].astype(str)
    codes, names = pd.factorize(files)
    digests = np.array([hashlib.blake2b(n.encode(), digest_size=4).hexdigest() for n in names],
                       dtype=object)
    prefix = pd.Series(digests[codes], index=frame.index, dtype=TEXT_DTYPE)
    rows = frame["source_row"].astype("int64").astype(str).astype(TEXT_DTYPE)
    return join_text(prefix, rows, sep="-")


def load_evaluations(
    paths: Iterable[str | Path] | str | Path,
    *,
    mapping: str | Path | None = None,
    keep_text: bool = False,
    progress: bool = False,
) -> CleanResult:
    """Read and clean evaluation-form exports from any supported platform.

    Parameters
    ----------
    paths:
        Export files and/or folders of exports (CSV or XLSX).
    mapping:
        Optional mapping file (``column,field``) overriding the automatic
        matching of columns to questions.
    keep_text:
        Keep free text as written; by default identifiers in it are redacted.
    progress:
        Show a progress bar while reading (the command line turns it on).

    Returns
    -------
    CleanResult
        ``.data`` (one row per kept response), ``.quarantine``, ``.problems``
        and ``.summary``.

    Raises
    ------
    CoprodError
        For a missing, unreadable or unrelated file, or a bad mapping file.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = find_inputs(paths)
    overrides = read_mapping_file(mapping, EVALUATION_FIELDS) if mapping else None
    outcomes = []
    sizes = [p.stat().st_size for p in files]
    bar = tqdm(total=sum(sizes), unit="B", unit_scale=True, desc="Reading exports",
               disable=not progress or None, leave=False)
    with bar:
        for path, size in zip(files, sizes, strict=True):
            bar.set_postfix_str(path.name, refresh=False)
            outcomes.append(clean_evaluation_file(path, overrides=overrides,
                                                  keep_text=keep_text))
            bar.update(size)
    return _combine(outcomes, {"keep_text": keep_text,
                               "mapping": Path(mapping).name if mapping else None})


def _combine(outcomes: list[_FileOutcome], options: dict) -> CleanResult:
    """Join files, drop duplicates across them, and assemble the outputs."""
    frames = []
    for number, outcome in enumerate(outcomes):
        frame = outcome.candidates
        frame["_order"] = np.arange(len(frame)) + (number << 40)
        frames.append(frame)
        outcome.candidates = None  # hold one copy of the rows at a time
    data = pd.concat(frames, ignore_index=True) if len(frames) > 1 else (
        frames[0] if frames else pd.DataFrame())
    del frames
    duplicate = mark_duplicates(data) if len(data) else pd.Series(dtype=bool)
    reports = {o.report.file: o.report for o in outcomes}
    if len(data):
        for name, count in data.loc[duplicate, "source_file"].value_counts().items():
            reports[name].rows_duplicate = int(count)
        data = data.loc[~duplicate.to_numpy()].sort_values("_order", kind="stable")
    for report in reports.values():
        report.rows_clean = (report.rows_read - report.rows_blank - report.rows_quarantined
                             - report.rows_duplicate)
    data = _final_columns(data)
    quarantine = pd.concat([o.quarantine for o in outcomes if len(o.quarantine)]
                           or [pd.DataFrame(columns=list(QUARANTINE_LEAD))], ignore_index=True)
    problems = pd.concat([o.problems for o in outcomes if len(o.problems)]
                         or [pd.DataFrame(columns=conv.PROBLEM_COLUMNS)], ignore_index=True)
    # A problem is a cell left empty in the clean table: rows set aside carry their reason.
    kept = pd.MultiIndex.from_arrays([data["source_file"].astype(object),
                                      data["source_row"].astype("int64")])
    in_clean = pd.MultiIndex.from_arrays([problems["source_file"].astype(object),
                                          problems["source_row"].astype("int64")]).isin(kept)
    problems = problems.loc[in_clean].reset_index(drop=True)
    summary = build_summary("evaluations", list(reports.values()), problems, quarantine,
                            options)
    return CleanResult(data.reset_index(drop=True), quarantine, problems, summary)


def _final_columns(data: pd.DataFrame) -> pd.DataFrame:
    """Contract columns in order, then extra columns under their headers."""
    if not len(data):
        empty = {c: conv._empty(f.kind, pd.RangeIndex(0)) for c, f in
                 ((f.name, f) for f in EVALUATION_FIELDS)}
        frame = pd.DataFrame(empty)
        for column in EVALUATION_COLUMNS:
            if column not in frame:
                frame[column] = pd.Series(dtype=object)
        frame["source_row"] = frame["source_row"].astype("int64")
        frame["submitted_at"] = frame["submitted_at"].astype("datetime64[ns]")
        return frame[list(EVALUATION_COLUMNS)]
    data = data.copy()
    data["response_id"] = _response_ids(data).astype(TEXT_DTYPE)
    for column in ("source_platform", "source_file"):
        data[column] = data[column].astype(TEXT_DTYPE)
    data["source_row"] = data["source_row"].astype("int64")
    extras = [c for c in data.columns if c.startswith("\x00")]
    renamed = {}
    for column in extras:
        name = column[1:]
        while name in EVALUATION_COLUMNS or name in renamed.values():
            name = f"{name} (extra)"
        renamed[column] = name
    return data[[*EVALUATION_COLUMNS, *extras]].rename(columns=renamed)
