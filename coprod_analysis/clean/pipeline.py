"""The cleaning pipeline every form shares (contract section 3).

For each file: read -> map columns -> convert answers -> the form's own
rules (a :class:`FormSpec` hook: session dates for evaluations, group names
for reviews) -> set aside blank and quarantined rows. Across all files:
remove duplicates (the later submission wins), run the form's finishing
step, and give every kept response a ``response_id``. Every row read ends in
exactly one of: clean, quarantined, duplicate, blank.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pa_compute

from coprod_analysis.clean import fields as conv
from coprod_analysis.clean import values as answer_values
from coprod_analysis.clean.dates import describe_reading
from coprod_analysis.clean.evidence import check_evidence, not_responses
from coprod_analysis.clean.identifiers import (
    drop_identifier_columns,
    shared_file_names,
    shown_headers,
)
from coprod_analysis.clean.redact import redact, redact_series, redact_value
from coprod_analysis.clean.redact import warm as redact_warm
from coprod_analysis.clean.result import CleanResult, FileReport, build_summary
from coprod_analysis.clean.values import TEXT_DTYPE, join_text, tidy_text
from coprod_analysis.errors import CoprodError, NotThisForm
from coprod_analysis.mapping import ColumnMap, map_columns, read_mapping_file
from coprod_analysis.progress import progress_bar
from coprod_analysis.read import RawExport, expand_inputs, read_export
from coprod_analysis.read.grid import HIDDEN_SHEETS, OTHER_SHEETS, SHEET_NOTES
from coprod_analysis.read.platforms import CLEANED, PLATFORMS
from coprod_analysis.vocab import Field

logger = logging.getLogger(__name__)

QUARANTINE_LEAD = ("source_file", "source_row", "reason", "reason_code")
SOURCE_COLUMNS = ("source_platform", "source_file", "source_row", "submitted_at")
#: A file must match at least this many form questions to count as an export.
MIN_FIELDS_MATCHED = 2
#: Roles whose columns never leave the pipeline.
_PRIVATE_ROLES = frozenset({"identifier", "email", "respondent_id", "platform", "ignore"})


@dataclass
class FileContext:
    """One file part-way through cleaning, handed to a form's ``prepare`` hook.

    A hook may replace ``fields`` (adding derived columns) and ``problems``,
    and append to ``report.notes``.
    """

    export: RawExport
    colmap: ColumnMap
    fields: pd.DataFrame
    submitted: pd.Series
    problems: pd.DataFrame
    blank: pd.Series
    report: FileReport
    dayfirst: dict[str, bool]

    def raw(self, field_name: str) -> pd.Series:
        """The raw text of a field's column (empty strings where there is no column)."""
        header = self.colmap.column_for(field_name)
        if header is None:
            return pd.Series("", index=self.export.cells.index, dtype=object)
        return self.export.cells[header].astype(object)


#: A hook's verdict: (reason, reason_code) per row, None where the row is kept.
Setaside = tuple[pd.Series, pd.Series]


@dataclass(frozen=True)
class FormSpec:
    """What differs between forms.

    Attributes
    ----------
    name:
        ``evaluations`` or ``reviews``: the command's word and the output name.
    noun:
        How the summary speaks of rows ("evaluation responses").
    label:
        How an error speaks of the form ("an evaluation form").
    fields:
        The form's fields (:mod:`coprod_analysis.vocab`).
    columns:
        The clean table's leading columns, in order.
    derived:
        Columns the form derives, written after the extra (unmapped) columns.
    unit:
        The column a resubmission is about: ``session_id`` for evaluations;
        for reviews ``_review``, the group and the review date.
    telling:
        Fields only this form asks: an export must have one of them.
    rivals:
        ``(label, fields)`` of the other forms: a file that matches more of a
        rival's questions than this form's is refused, with a pointer to the
        right command.
    prepare:
        Per file, after the answers are read: derive columns and say which
        rows to quarantine.
    finish:
        After duplicates are removed across all files (e.g. number reviews).
    to_csv:
        The clean table as its CSV holds it (the DataFrame may hold more).
    themes:
        ``(free-text column, derived column, bundled model)``: themes inferred
        from free text by the theme classifier, as ``;``-joined codes.
    options:
        Options recorded in ``summary.json``.
    """

    name: str
    noun: str
    label: str
    fields: tuple[Field, ...]
    columns: tuple[str, ...]
    derived: tuple[str, ...]
    unit: str
    telling: tuple[str, ...]
    rivals: tuple[tuple[str, tuple[Field, ...]], ...]
    prepare: Callable[[FileContext], Setaside]
    finish: Callable[[pd.DataFrame], pd.DataFrame] = lambda data: data
    to_csv: Callable[[pd.DataFrame], pd.DataFrame] = lambda data: data
    themes: tuple[tuple[str, str, str], ...] = ()
    options: dict = field(default_factory=dict)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def free_text(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.kind == "free_text")


@dataclass
class _FileOutcome:
    """One file's rows, sorted into candidates and the set-aside."""

    report: FileReport
    candidates: pd.DataFrame | None  # kept unless they turn out to be duplicates
    quarantine: pd.DataFrame
    problems: pd.DataFrame
    path: Path | None = None


def slug(text: str) -> str:
    """A lower-case, hyphenated form of a name, for ids.

    Examples
    --------
    >>> slug("St George's  Centre, Leeds"), slug("Caf\u00e9 Hub"), slug("Oakwood P.P.G.")
    ('st-georges-centre-leeds', 'cafe-hub', 'oakwood-ppg')
    """
    text = unicodedata.normalize("NFKD", str(text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))  # Café is Cafe
    text = re.sub(r"['\u2018\u2019`\u00b4.]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _casefold(text: pd.Series) -> pd.Series:
    """``str.casefold`` of a pyarrow string column; in pyarrow (fast) when it is ASCII,
    where case-folding is lower-casing A-Z."""
    array = pa.array(text.array)
    if pa_compute.all(pa_compute.string_is_ascii(array)).as_py() is False:
        return text.str.casefold()
    return pd.Series(pd.arrays.ArrowStringArray(pa_compute.ascii_lower(array)),
                     index=text.index, name=text.name, dtype=TEXT_DTYPE)


def _respondent_ids(series: pd.Series) -> pd.Series:
    """A platform's respondent ids, trimmed; missing where empty."""
    return series.astype(TEXT_DTYPE).str.strip().replace("", pd.NA)


def _identity_email(series: pd.Series) -> pd.Series:
    text = _casefold(series.astype(TEXT_DTYPE).str.strip())
    usable = text.str.contains("@", regex=False).fillna(False).astype(bool)
    return text.where(usable)


def _redacted_note(note: str) -> str:
    """A note on a file, redacted: worksheets' names each as a value standing alone
    (:func:`~coprod_analysis.clean.redact.redact_value`: "Amy Hill", a sheet a person
    is named in, is a name where a sentence's rules would keep it), the rest as text."""
    for start in SHEET_NOTES:
        if note.startswith(start):
            return start + ", ".join(redact_value(name) for name in
                                     note[len(start):].split(", "))
    return redact(note)


def _check_is_export_of(form: FormSpec, export: RawExport, colmap: ColumnMap) -> None:
    """Refuse a file that is not an export of this form (a budget, the other form)."""
    mapped = [f for f in colmap.fields if f in form.field_names]
    headers = list(export.cells.columns)
    for rival, fields in form.rivals:
        theirs = map_columns(headers, fields, export.roles).fields
        if len(theirs) > len(mapped):
            raise NotThisForm(
                f"looks like {rival} export, not {form.label} export: {len(theirs)} of its "
                f"columns match that form's questions and {len(mapped)} match this one's",
                export.path,
            )
    if len(mapped) < MIN_FIELDS_MATCHED or not set(mapped) & set(form.telling):
        # Printed, and kept in summary.json for a skipped file: a file with no header
        # row has a response there, so the headers are shown redacted.
        shown = ", ".join(repr(redact(str(h))) for h in headers[:4])
        # (the export may be on a worksheet that was not read: say which hold data)
        sheets = "".join(f"; {_redacted_note(note)}" for note in export.notes
                         if note.startswith((OTHER_SHEETS, HIDDEN_SHEETS)))
        advice = ("check the file (save the export's worksheet as a workbook of its own)"
                  if sheets else "check the file")
        raise NotThisForm(
            f"does not look like {form.label} export: its columns ({shown}"
            f"{', ...' if len(headers) > 4 else ''}) match "
            f"{len(mapped)} of the form's questions{sheets}; {advice}, or map the columns "
            "with --mapping",
            export.path,
        )
    check_evidence(form, export, colmap)


def _quarantine_frame(form: FormSpec, ctx: FileContext, rows: pd.Index, reasons: pd.Series,
                      codes: pd.Series, keep_text: bool) -> pd.DataFrame:
    """Rows set aside, with raw values; identifiers dropped, free text (and headers) redacted."""
    shown = shown_headers(ctx.export.cells.columns, keep_text=keep_text)
    if not len(rows):
        return pd.DataFrame(columns=list(QUARANTINE_LEAD))
    cells = ctx.export.cells.loc[rows]
    out = pd.DataFrame({
        "source_file": ctx.report.file,
        "source_row": rows.to_numpy(),
        # A reason may quote the value it could not read ("the session date 'ring me
        # on ...' could not be read"): redacted like the value itself.
        # (the quoted value first, as its cell is: then the rest as text)
        "reason": (reasons.loc[rows] if keep_text else redact_series(
            reasons.loc[rows].astype(object).map(_quoted_redacted))).to_numpy(),
        "reason_code": codes.loc[rows].to_numpy(),
    })
    for header, role in ctx.colmap.roles.items():
        if role in _PRIVATE_ROLES:
            continue
        column = role if role in form.field_names else shown.get(header, header)
        while column in QUARANTINE_LEAD and role not in form.field_names:
            column = f"{column} (extra)"  # e.g. a corrected quarantine.csv read again
        value = cells[header].astype(object).to_numpy()
        # Every raw value, not only free text: a stray address typed into a scale or
        # a venue is set aside as it was typed.
        if not keep_text:
            value = np.array([redact_value(v) for v in value], dtype=object)
        if column in out:  # a second column of a multi-answer question
            out[column] = [";".join(x for x in pair if x) for pair in zip(out[column], value,
                                                                         strict=True)]
        else:
            out[column] = value
    return out


_QUOTED = re.compile(r"'([^']*)'")


#: How many rows at the end of a sheet are looked at for its own summary rows.
_SUMMARY_TAIL = 20
#: What a sheet's own summary rows begin with ("Average", "Total", "Number of forms"),
#: matched in full, in any case.
_SUMMARY_LABEL = (r"^\s*(?:(?:overall |grand |column )?(?:average|averages|mean|median|mode"
                  r"|totals?|sum|count|number of (?:forms|responses|respondents|people)"
                  r"|no\.? of (?:forms|responses))\s*[:=]?|n\s*[:=])\s*$")
#: What a summary row holds besides its label: numbers (a count, an average, a share).
_SUMMARY_VALUE = re.compile(r"\s*-?\d+(?:\.\d+)?\s*%?\s*")


def _summary_rows(export: RawExport) -> np.ndarray:
    """Rows, of the last :data:`_SUMMARY_TAIL`, whose first cell with anything in it,
    of the first three, is a summary's label ("Average", "Total:", "Number of forms",
    "N ="), and whose other cells hold numbers or nothing: an officer's own totals
    under the forms typed into a sheet, never a person's answers (not "N" answering a
    yes/no question, the rest of its row answers).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> cells = pd.DataFrame({"Venue": ["Armley", "", "Average", "Number of forms", "N"],
    ...                       "Overall": ["4", "", "4", "9", "Good"]})
    >>> _summary_rows(SimpleNamespace(cells=cells)).tolist()
    [False, False, True, True, False]
    """
    cells = export.cells
    found = np.zeros(len(cells), dtype=bool)
    tail = cells.iloc[-_SUMMARY_TAIL:, :3]
    before_empty = np.ones(len(tail), dtype=bool)
    for column in range(tail.shape[1]):
        values = tail.iloc[:, column].astype(object).fillna("").astype(str)
        found[len(cells) - len(tail):] |= before_empty & values.str.fullmatch(
            _SUMMARY_LABEL, case=False).to_numpy(dtype=bool)
        before_empty &= (values.str.strip() == "").to_numpy()
    for row in np.flatnonzero(found):  # (20 rows at most)
        filled = [v for v in cells.iloc[row].tolist() if isinstance(v, str) and v.strip()]
        if sum(_SUMMARY_VALUE.fullmatch(v) is None for v in filled) > 1:  # (one: the label)
            found[row] = False  # words beside the label: answers, not a summary
    return found


def _quoted_redacted(reason: object) -> object:
    """A reason with every value it quotes redacted as a value is
    (:func:`~coprod_analysis.clean.redact.redact_value`: "the session date
    'Pickersgill' could not be read")."""
    if not isinstance(reason, str) or "'" not in reason:
        return reason
    return _QUOTED.sub(lambda m: f"'{redact_value(m.group(1))}'", reason)


def _malformed_frame(export: RawExport, colmap: ColumnMap, keep_text: bool,
                     name: str) -> pd.DataFrame:
    """Rows with too few or too many values, quarantined with what they held.

    Their values cannot be matched to columns. In a file with identifier
    columns none is written: a value may have moved any distance (an extra
    comma and a missing one move it two places and change the count by none),
    so any could be a name or a date of birth. Otherwise they are written
    redacted.
    """
    width = export.cells.shape[1]
    private = any(role in _PRIVATE_ROLES for role in colmap.roles.values())
    rows = []
    for source_row, values in export.malformed:
        joined = " | ".join(values)
        rows.append({
            "source_file": name,
            "source_row": source_row,
            "reason": (f"this row has {len(values)} values but the header has {width} "
                       "columns (a missing or extra comma?); its values cannot be matched "
                       "to questions"
                       + ("; they are not written, as the file has columns of names or "
                          "contact details and any value could be one: see the row in the "
                          "file" if private else "")),
            "reason_code": "wrong number of values in the row",
            "raw_record": "" if private else joined if keep_text else redact(joined),
        })
    return pd.DataFrame(rows, columns=[*QUARANTINE_LEAD, "raw_record"])


def _cleaned_table_roles(form: FormSpec, export: RawExport) -> dict[str, str]:
    """The roles of a table ``coprod clean`` wrote, read again.

    Its fields are under their own names. Besides the source columns the
    reader names, the package's own columns (``response_id``, ``session_id``,
    ``group_id``, inferred themes, ``challenges_other`` ...) are derived again
    or read as they are (:func:`_cleaned_other_answers`), so none is kept as an
    extra column; every other column was an extra column and stays one, never
    matched to a question by its meaning, unless its header names an identifier
    (an officer may have added a "Full name" column by hand): then it is dropped.
    """
    from coprod_analysis.clean.identifiers import header_role

    roles = dict(export.roles)
    own = {*form.columns, *form.derived}
    for header in export.cells.columns:
        if header in roles or header in form.field_names:
            continue
        if header in own:
            roles[header] = "platform"
        elif (role := header_role(header)) is not None:
            roles[header] = role
        else:
            roles[header] = "unmapped"
    return roles


def _cleaned_other_answers(form: FormSpec, export: RawExport, fields: pd.DataFrame,
                           keep_text: bool) -> pd.DataFrame:
    """A cleaned table's "other" answers (``challenges_other``), as they were written.

    Reading them again as answers would turn "Time" typed under "Other" into
    the theme.
    """
    for f in form.fields:
        header = f"{f.name}_other"
        if f.kind == "multi" and header in export.cells.columns:
            text = tidy_text(export.cells[header])
            fields[header] = text if keep_text else redact_series(text)
    return fields


#: Fields whose answers name a place or a group, typed by the respondent: written in
#: the clean table and built into ``session_id`` / ``group_id``.
_PLACE_FIELDS = ("venue", "group")


def _redact_place_names(fields: pd.DataFrame) -> pd.DataFrame:
    """Venue and group answers redacted like free text ("Meanwood PPG, jo@example.org").

    They are typed by respondents and become part of ``session_id`` and
    ``group_id``, so an address or phone number there would be in every id.
    """
    for name in _PLACE_FIELDS:
        if name in fields.columns and fields[name].dtype == TEXT_DTYPE:
            fields[name] = redact_series(fields[name])
    return fields


def _first_platforms(export: RawExport, colmap: ColumnMap) -> pd.Series:
    """In a cleaned table, the platform each row first came from (``manual`` if unknown)."""
    header = colmap.column_for("source_platform")
    if header is None:
        return pd.Series("manual", index=export.cells.index, dtype=TEXT_DTYPE)
    first = export.cells[header].astype(TEXT_DTYPE).str.strip().str.lower()
    return first.where(first.isin(PLATFORMS), "manual")


def clean_file(path: Path, form: FormSpec, *, overrides: dict[str, str] | None = None,
               keep_text: bool = False, name: str | None = None,
               reading: Future | _Later | None = None) -> _FileOutcome:
    """Read, map and convert one export; set aside blank and quarantined rows.

    Duplicates are found later, across all files. ``name`` is what the file is
    called in the outputs (``source_file``): by default its name, redacted like
    free text unless ``keep_text``. ``reading``: the file being read already
    (:func:`read_export` of ``path``, submitted to a thread), else it is read here.
    """
    if name is None:
        name = shared_file_names([path], keep_text=keep_text)[path]
    export = read_export(path) if reading is None else reading.result()
    roles = _cleaned_table_roles(form, export) if export.platform == CLEANED else export.roles
    colmap = map_columns(list(export.cells.columns), form.fields, roles, overrides)
    why, dropped_notes = drop_identifier_columns(export, colmap, form.field_names)
    _check_is_export_of(form, export, colmap)
    # Headers are text someone typed ("Comments for Dr Smith"): written redacted.
    shown = shown_headers(export.cells.columns, keep_text=keep_text)
    report = FileReport(
        file=name,
        platform=export.platform,
        encoding=export.encoding,
        header_rows=export.header_rows,
        rows_read=export.rows_read,
        columns_mapped={f: shown.get(h, h) for f, h in colmap.fields.items()},
        columns_unmapped=[shown.get(h, h) for h in colmap.unmapped],
        columns_identifiers=list(why),
        # Notes quote headers and worksheet names: redacted like the headers.
        notes=[*(n if keep_text else _redacted_note(n) for n in (*export.notes,
                                                                 *colmap.notes)),
               *dropped_notes],
    )
    report.identifier_reasons = why
    # The submission times are read (mostly in pyarrow, which lets go of Python's lock)
    # in a second thread while the answers are read and redacted (mostly Python).
    # So are the respondent ids and e-mail addresses that tell resubmissions, row by
    # row: those of every row, of which the kept rows' are taken below.
    with _second_thread() as pool:
        time_header = colmap.column_for("submitted_at")
        times = None if time_header is None else pool.submit(
            conv.read_submission_times, export.cells[time_header], export.platform,
            time_header, export.serial_epoch)
        rid = colmap.column_for("respondent_id")
        respondents = None if rid is None else pool.submit(_respondent_ids,
                                                           export.cells[rid])
        email = colmap.column_for("email")
        emails = None if email is None else pool.submit(_identity_email, export.cells[email])
        fields, problems, dayfirst = conv.convert_fields(export, colmap, form.fields,
                                                         keep_text=keep_text)
        if export.platform == CLEANED:
            fields = _cleaned_other_answers(form, export, fields, keep_text)
        if not keep_text:
            fields = _redact_place_names(fields)
        submitted, time_problems = conv.submission_times(
            export, colmap, None if times is None else times.result())
    conv.settle_by_submission(export, colmap, form.fields, fields, submitted, dayfirst)
    describe_reading(report, export)
    if not keep_text:  # the date and scale notes quote headers (and dates): redacted too
        report.date_order = {shown.get(column, redact(column)): {**how, "why": redact(how["why"])}
                             for column, how in report.date_order.items()}
        report.notes = [_redacted_note(note) for note in report.notes]
    problems = (pd.concat([p for p in (problems, time_problems) if len(p)] or [problems],
                          ignore_index=True)
                .sort_values("source_row", kind="stable", ignore_index=True))
    problems["source_file"] = name
    problems["column"] = problems["column"].map(lambda h: shown.get(h, h))
    blank = ~conv.answered(export, colmap, list(form.field_names))
    ctx = FileContext(export, colmap, fields, submitted, problems, blank, report, dayfirst)
    reasons, codes = not_responses(ctx, *form.prepare(ctx))
    if export.repeated_headers:  # no response, whatever else it lacks
        reasons, codes = reasons.copy(), codes.copy()
        reasons.loc[export.repeated_headers] = ("this row repeats the header (exports joined "
                                                "in one file?): it is no response")
        codes.loc[export.repeated_headers] = "a header row repeated"
    summaries = _summary_rows(export)
    if summaries.any():  # a sheet's own totals or averages under its forms: no response
        reasons, codes = reasons.copy(), codes.copy()
        reasons[summaries] = ("this row is the sheet's own summary (a total, an average or "
                              "a count of forms), not a response")
        codes[summaries] = "a summary row"
    setaside = (reasons.notna() & ~blank).to_numpy()
    index = export.cells.index
    quarantine = pd.concat(
        [f for f in (_quarantine_frame(form, ctx, index[setaside], reasons, codes, keep_text),
                     _malformed_frame(export, colmap, keep_text, name)) if len(f)]
        or [pd.DataFrame(columns=list(QUARANTINE_LEAD))],
        ignore_index=True,
    )
    keep = (~blank).to_numpy() & ~setaside
    every = bool(keep.all())  # the usual case: no row is set aside, nothing to copy

    def kept(rows):
        return rows if every else rows.loc[keep]

    # Columns are added to the candidates, never changed in place.
    candidates = ctx.fields.copy(deep=False) if every else ctx.fields.loc[keep].copy()
    candidates["source_platform"] = export.platform
    if export.platform == CLEANED:
        candidates["source_platform"] = kept(_first_platforms(export, colmap))
        header = next(h for h in export.cells.columns if h.lower() == "source_file")
        report.cleaned_from = noted_sources(export.cells[header].unique(), keep_text)
    candidates["source_file"] = name
    candidates["source_row"] = candidates.index.to_numpy()
    candidates["submitted_at"] = kept(submitted)
    no_identity = pd.Series(pd.NA, index=candidates.index, dtype=TEXT_DTYPE)
    candidates["_respondent"] = kept(respondents.result()) if respondents else no_identity
    candidates["_email"] = kept(emails.result()) if emails else no_identity
    extras = kept(conv.extra_columns(export, colmap, keep_text=keep_text))
    extras = extras.rename(columns=shown)
    candidates = pd.concat([candidates, extras.add_prefix("\x00")], axis=1)
    candidates = candidates.reset_index(drop=True)

    report.rows_blank = int(blank.sum())
    report.rows_quarantined = len(quarantine)
    return _FileOutcome(report, candidates, quarantine, ctx.problems, path)


def _second_thread() -> ThreadPoolExecutor | _InTurn:
    """A second thread for work that lets go of Python's lock, or, where one thread is
    used (:data:`coprod_analysis.clean.values.THREADS` is 1), :class:`_InTurn`."""
    return ThreadPoolExecutor(max_workers=1) if answer_values.THREADS > 1 else _InTurn()


class _InTurn:
    """A stand-in for a thread pool when one thread is used
    (:data:`coprod_analysis.clean.values.THREADS` is 1): each task runs when its result
    is first asked for, in this thread, so the work is done in the order it always was
    (and where memory freed by the work before it is at hand)."""

    def __enter__(self) -> _InTurn:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def submit(self, function, /, *args, **kwargs) -> _Later:
        return _Later(function, args, kwargs)


class _Later:
    """A task of :class:`_InTurn`: run by the first call of :meth:`result`."""

    def __init__(self, function, args, kwargs) -> None:
        self._task = (function, args, kwargs)
        self._outcome = None

    def result(self):
        if self._outcome is None:
            function, args, kwargs = self._task
            try:
                self._outcome = (True, function(*args, **kwargs))
            except Exception as error:
                self._outcome = (False, error)
        done, value = self._outcome
        if not done:
            raise value
        return value


def mark_duplicates(frame: pd.DataFrame, unit: str = "session_id", *,
                    emails_differ: bool = False) -> pd.Series:
    """Which rows are earlier copies of the same response.

    Two rows are the same response when they share a platform respondent id
    and submission time on the same platform (overlapping exports of one
    survey: Microsoft Forms and JISC number each form's responses from 1, so
    an id alone would join different forms), or an e-mail address for the
    same ``unit`` (session, or group and review: a resubmission). The later submission
    wins; where submission times are equal or missing, the row read later
    wins. Rows with neither an id nor an e-mail are never duplicates:
    identical anonymous answers are two people.

    Parameters
    ----------
    frame:
        Candidate rows with ``_respondent``, ``_email``, ``unit``,
        ``source_platform``, ``submitted_at`` and ``_order`` columns.
    unit:
        What a resubmission is about.
    emails_differ:
        Every e-mail address is known to be different already (not looked at again).

    Returns
    -------
    Boolean Series aligned with ``frame``: True for a row to drop.
    """
    dropped = pd.Series(False, index=frame.index)
    identified = frame["_respondent"].notna().to_numpy()
    emailed = frame["_email"].notna().to_numpy()
    if not (identified.any() or emailed.any()):
        return dropped
    # Only a row that shares its keys with another row can be an earlier copy: the
    # rest (nearly all) need not be sorted. Among the rows that can, the relative
    # order, and so the verdict, is the same as among all rows.
    shared = np.zeros(len(frame), dtype=bool)
    for keys, telling, present in (
            (["source_platform", "_respondent", "submitted_at"], "_respondent", identified),
            (["_email", unit], "_email", emailed)):
        if (telling == "_email" and emails_differ) or _all_different(frame[telling], present):
            continue  # one key never repeats, so no row's keys do
        if present.all():
            shared |= frame[keys].duplicated(keep=False).to_numpy()
        elif present.any():
            shared[present] |= frame.loc[present, keys].duplicated(keep=False).to_numpy()
    if not shared.any():
        return dropped
    columns = ["source_platform", "_respondent", "_email", unit, "submitted_at", "_order"]
    order = frame.loc[shared, columns].sort_values(["submitted_at", "_order"],
                                                   na_position="first", kind="stable")
    for keys, present in (
        (["source_platform", "_respondent", "submitted_at"], order["_respondent"].notna()),
        (["_email", unit], order["_email"].notna()),
    ):
        live = order[present.to_numpy() & ~dropped.loc[order.index].to_numpy()]
        repeat = live.duplicated(subset=keys, keep="last")
        dropped.loc[repeat[repeat].index] = True
    return dropped


#: An e-mail address on this many responses for one session (or group) is taken for
#: whoever typed paper forms in under their own account, not for a respondent who
#: resubmitted (:func:`_typed_in`).
TYPED_IN_AT = 3
_UNIT_WORDS = {"session_id": "session", "group_id": "group", "_review": "review"}


#: Under an address taken for a typist's, the same answers sent again within this many
#: seconds are one form sent twice (a double click), not two people's.
SENT_AGAIN_WITHIN = 60


def _sent_again(frame: pd.DataFrame, typed: np.ndarray, form: FormSpec) -> pd.Series:
    """Of the rows ``typed`` in (:func:`_typed_in`), those sent again: the same address,
    ``unit`` and answers as a row submitted within :data:`SENT_AGAIN_WITHIN` seconds
    after it (the last of such a run is kept). Rows without a submission time never are
    (two typed forms with the same answers are two people, as anonymous ones are)."""
    answers = [f for f in form.field_names if f in frame.columns]
    keys = ["_email", form.unit, *answers]
    rows = frame.loc[typed, [*keys, "submitted_at"]]
    text = rows[keys].astype("string").fillna("\x00")
    order = text.assign(submitted_at=rows["submitted_at"]).sort_values(
        [*keys, "submitted_at"], kind="stable").index
    text, times = text.loc[order], rows.loc[order, "submitted_at"]
    same_next = text.eq(text.shift(-1)).all(axis=1).to_numpy()
    gap = (times.shift(-1) - times).dt.total_seconds().to_numpy()
    again = pd.Series(False, index=frame.index)
    again.loc[order] = same_next & (gap <= SENT_AGAIN_WITHIN)  # (NaN: never)
    return again


def _typed_in(frame: pd.DataFrame, unit: str) -> tuple[np.ndarray | None, bool]:
    """Rows whose e-mail address is on :data:`TYPED_IN_AT` or more responses for one
    ``unit`` (``None`` if there are none: the usual case, found quickly), and whether
    every address is different (for :func:`mark_duplicates`, not to look twice)."""
    emailed = frame["_email"].notna().to_numpy()
    if not emailed.any() or _all_different(frame["_email"], emailed):
        return None, True
    if int(frame["_email"].value_counts().max()) < TYPED_IN_AT:
        return None, False  # no address on so many responses at all (quick, in pyarrow)
    keys = frame.loc[emailed, ["_email", unit]]
    shared = keys.duplicated(keep=False).to_numpy()
    if not shared.any():
        return None, False
    sizes = keys[shared].groupby(["_email", unit], dropna=False, sort=False)["_email"] \
        .transform("size").to_numpy()
    if not (sizes >= TYPED_IN_AT).any():
        return None, False
    many = np.zeros(len(frame), dtype=bool)
    many[np.flatnonzero(emailed)[shared]] = sizes >= TYPED_IN_AT
    return many, False


def _all_different(column: pd.Series, present: np.ndarray) -> bool:
    """Whether no value of ``column`` repeats among the rows ``present`` (where it is
    not missing); in pyarrow for a text column (fast for a million e-mail addresses).

    Examples
    --------
    >>> _all_different(pd.Series(["a", "b", "a"]), np.array([True, True, False]))
    True
    >>> _all_different(pd.Series(["a", "b", "a"]), np.array([True, True, True]))
    False
    """
    if not present.any():
        return True
    values = column if present.all() else column[present]
    if values.dtype == TEXT_DTYPE:
        return len(pa_compute.unique(pa.array(values.array))) == len(values)
    return not values.duplicated().any()


def noted_sources(names, keep_text: bool = False) -> list[str]:
    """The exports a cleaned table says it was cleaned from (its ``source_file``
    values), as its summary notes them: distinct, trimmed, each redacted once
    (unless ``keep_text``), sorted.

    Examples
    --------
    >>> noted_sources(["a.csv ", "a.csv", None, "", "b.csv"])
    ['a.csv', 'b.csv']
    """
    files = {str(n).strip() for n in names if isinstance(n, str)}
    return sorted({shown if keep_text else redact(shown) for shown in files if shown})


def response_ids(frame: pd.DataFrame) -> pd.Series:
    """A stable id from the file and row, the same every run: ``<8 hex digits>-<row>``.

    The hex digits are a hash of the file name, so ids from different files
    never clash and say nothing about the respondent.

    Examples
    --------
    >>> response_ids(pd.DataFrame({"source_file": ["a.csv"], "source_row": [7]})).tolist()
    ['5e56e378-7']
    """
    files = frame["source_file"].astype(str)
    codes, names = pd.factorize(files)
    digests = pa.array([hashlib.blake2b(n.encode(), digest_size=4).hexdigest() for n in names],
                       type=pa.large_string())
    # Built in pyarrow: a million Python strings would take most of the time.
    prefix = digests.take(pa.array(codes % max(len(names), 1)))
    rows = pa_compute.cast(pa.array(frame["source_row"].astype("int64").to_numpy()),
                           pa.large_string())
    return join_text(pd.Series(pd.arrays.ArrowStringArray(prefix), index=frame.index),
                     pd.Series(pd.arrays.ArrowStringArray(rows), index=frame.index), sep="-")


def load_form(
    paths: Iterable[str | Path] | str | Path,
    form: FormSpec,
    *,
    mapping: str | Path | None = None,
    keep_text: bool = False,
    progress: bool = False,
    themes: bool = True,
) -> CleanResult:
    """Read and clean exports of one form from any supported platform.

    See :func:`coprod_analysis.load_evaluations` and
    :func:`coprod_analysis.load_reviews`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = expand_inputs(paths)
    # The first file is read (mostly by pyarrow, which lets go of Python's lock) in a
    # second thread while this one loads the redaction's word lists, redacting the
    # files' names: on two cores the one costs nothing beside the other. (In a list,
    # taken out when cleaned: nothing holds the file's cells once it is.)
    with _second_thread() as pool:
        first = [pool.submit(read_export, files[0][0])]
        names = shared_file_names([p for p, _ in files], keep_text=keep_text)
        if not keep_text and answer_values.THREADS > 1:
            redact_warm()
        overrides = read_mapping_file(mapping, form.fields) if mapping else None
        outcomes, skipped = _clean_files(files, form, names, overrides, keep_text, progress,
                                         first)
    if not outcomes:
        raise CoprodError(f"none of the files is {form.label} export (skipped: "
                          f"{'; '.join(f'{n}: {r}' for n, r in skipped.items())})")
    _refuse_counting_twice(outcomes)
    if any(o.report.platform == CLEANED for o in outcomes):  # else nothing to note
        _note_overlaps(outcomes)
    options = {"keep_text": keep_text,  # (the mapping file's name, redacted as inputs' are)
               "mapping": (shared_file_names([Path(mapping)], keep_text=keep_text)[Path(mapping)]
                           if mapping else None),
               "themes": themes, **form.options}
    result = _combine(form, outcomes, options)
    result.summary["files_skipped"] = skipped
    result.summary["label"] = f"{form.label} export"
    return result


def _clean_files(files: list[tuple[Path, bool]], form: FormSpec, names: dict,
                 overrides: dict[str, str] | None, keep_text: bool, progress: bool,
                 first: list[Future | _Later]) -> tuple[list[_FileOutcome], dict[str, str]]:
    """Each file cleaned (:func:`clean_file`; ``first``: the first file, being read
    already, taken out of the list), and the files of a folder skipped as exports of
    another form, with why."""
    outcomes = []
    skipped: dict[str, str] = {}
    sizes = [p.stat().st_size if p.is_file() else 0 for p, _ in files]
    bar = progress_bar(progress, total=sum(sizes), unit="B", unit_scale=True,
                       desc="Reading exports", leave=False)
    with bar:
        for (path, in_folder), size in zip(files, sizes, strict=True):
            bar.set_postfix_str(names[path], refresh=False)
            try:
                outcomes.append(clean_file(path, form, overrides=overrides,
                                           keep_text=keep_text, name=names[path],
                                           reading=first.pop() if first else None))
            except NotThisForm as reason:
                if not in_folder:
                    raise
                # Written to summary.json: the reason quotes headers (a first row of answers?).
                skipped[names[path]] = reason.message if keep_text else redact(reason.message)
                logger.info("%s: skipped (%s)", names[path], reason.message)
            bar.update(size)
    return outcomes, skipped


def _refuse_counting_twice(outcomes: list[_FileOutcome]) -> None:
    """Refuse a cleaned table given with an export it was cleaned from, or with
    another cleaned table made from one of the same exports.

    A clean table keeps no identifier, so such copies of a response cannot be
    found: every one of them would be counted.
    """
    # file name -> the input that holds its responses: every input holds its own (a
    # cleaned table may itself have been cleaned again), and each table its exports'.
    sources = {outcome.report.file: outcome.report.file for outcome in outcomes}
    for outcome in outcomes:
        for name in outcome.report.cleaned_from:
            held = sources.setdefault(name, outcome.report.file)
            if held != outcome.report.file:
                where = "is also among the inputs" if held == name else \
                    f"is also in the cleaned table {held}"
                raise CoprodError(
                    f"this cleaned table was made from {name}, which {where}: its responses "
                    "would be counted twice; give only one of them (clean overlapping "
                    "exports together, in one run)", outcome.path)


def _note_overlaps(outcomes: list[_FileOutcome]) -> None:
    """Note responses in a cleaned table that an export also seems to hold.

    A cleaned table and a re-export of the export it was made from share no
    file name, and the clean table keeps no platform id, so they cannot be
    told apart for sure; the same platform and the same second of submission
    is a strong sign, worth a note on the cleaned table.
    """
    def stamps(outcome: _FileOutcome) -> set[tuple[str, pd.Timestamp]]:
        rows = outcome.candidates
        known = rows["submitted_at"].notna().to_numpy()
        return set(zip(rows.loc[known, "source_platform"].astype(str),
                       rows.loc[known, "submitted_at"], strict=True))

    exports = [(o.report.file, stamps(o)) for o in outcomes if o.report.platform != CLEANED]
    for outcome in outcomes:
        if outcome.report.platform != CLEANED or not exports:
            continue
        mine = stamps(outcome)
        for name, theirs in exports:
            if shared := len(mine & theirs):
                outcome.report.notes.append(
                    f"{shared} of its responses: the same platform and submission time as "
                    f"responses in {name}; if {name} is a re-export of an export this "
                    "table was cleaned from, they are counted twice (clean the exports "
                    "together instead)")


def _combine(form: FormSpec, outcomes: list[_FileOutcome], options: dict) -> CleanResult:
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
    reports = {o.report.file: o.report for o in outcomes}
    typed, differ = _typed_in(data, form.unit) if len(data) else (None, True)
    repeated = None
    if typed is not None:  # an officer's address on the forms they typed in
        for name, count in data.loc[typed, "source_file"].value_counts().items():
            reports[name].notes.append(
                f"{count} responses share an e-mail address with {TYPED_IN_AT - 1} or more "
                f"others for one {_UNIT_WORDS.get(form.unit, 'session')}: taken for whoever "
                "typed them in, not for who answered, so they were matched as resubmissions "
                f"only where every answer is the same within {SENT_AGAIN_WITHIN} seconds")
        repeated = _sent_again(data, typed, form)
        data["_email"] = data["_email"].mask(typed)
    duplicate = mark_duplicates(data, form.unit, emails_differ=differ) if len(data) \
        else pd.Series(dtype=bool)
    if repeated is not None:
        duplicate = duplicate | repeated
    if len(data):
        for name, count in data.loc[duplicate, "source_file"].value_counts().items():
            reports[name].rows_duplicate = int(count)
        if duplicate.any():
            data = data.loc[~duplicate.to_numpy()]
        if not data["_order"].is_monotonic_increasing:  # else sorting changes nothing
            data = data.sort_values("_order", kind="stable")
    kept = data["source_file"].value_counts() if len(data) else pd.Series(dtype="int64")
    for report in reports.values():
        report.rows_clean = int(kept.get(report.file, 0))
        accounted = (report.rows_clean + report.rows_blank + report.rows_quarantined
                     + report.rows_duplicate)
        if accounted != report.rows_read:  # a bug, never bad input: fail loudly
            raise RuntimeError(f"{report.file}: {report.rows_read} rows read but "
                               f"{accounted} accounted for")
    data = form.finish(data) if len(data) else data
    data = _final_columns(form, _infer_themes(form, data, options.get("themes", True)))
    quarantine = pd.concat([o.quarantine for o in outcomes if len(o.quarantine)]
                           or [pd.DataFrame(columns=list(QUARANTINE_LEAD))], ignore_index=True)
    problems = pd.concat([o.problems for o in outcomes if len(o.problems)]
                         or [pd.DataFrame(columns=conv.PROBLEM_COLUMNS)], ignore_index=True)
    # A problem is a cell left empty in the clean table: rows set aside carry their reason.
    problems = problems.loc[_in_clean_table(problems, data)].reset_index(drop=True)
    summary = build_summary(form, list(reports.values()), problems, quarantine, options)
    return CleanResult(data.reset_index(drop=True), quarantine, problems, summary, form)


def _in_clean_table(problems: pd.DataFrame, data: pd.DataFrame) -> np.ndarray:
    """Which problems are about a row of the clean table (the same file and row).

    File by file: a million kept rows are never made into pairs of (file, row).

    Examples
    --------
    >>> data = pd.DataFrame({"source_file": ["a.csv", "a.csv", "b.csv"], "source_row": [1, 2, 1]})
    >>> problems = pd.DataFrame({"source_file": ["a.csv", "b.csv", "c.csv", "b.csv"],
    ...                          "source_row": [2, 2, 1, 1]})
    >>> _in_clean_table(problems, data).tolist()
    [True, False, False, True]
    """
    found = np.zeros(len(problems), dtype=bool)
    if not len(problems) or not len(data):
        return found
    files = problems["source_file"].astype(object).to_numpy()
    rows = problems["source_row"].astype("int64").to_numpy()
    kept_files = data["source_file"]
    kept_rows = data["source_row"].astype("int64").to_numpy()
    for name in pd.unique(files):
        mine = files == name
        theirs = (kept_files == name).to_numpy(dtype=bool, na_value=False)
        found[mine] = np.isin(rows[mine], kept_rows[theirs])
    return found


def _infer_themes(form: FormSpec, data: pd.DataFrame, enabled: bool) -> pd.DataFrame:
    """Add the themes the classifier infers from free text (empty when turned off)."""
    if not form.themes:
        return data
    data = data.copy(deep=False)  # columns are added, never changed in place
    for source, target, which in form.themes:
        if not enabled or not len(data):
            data[target] = pd.Series(pd.NA, index=data.index, dtype=TEXT_DTYPE)
            continue
        from coprod_analysis.themes import bundled_model, classify_texts

        model, codebook = bundled_model(which)
        # Once per distinct text (missing texts get no theme), spread back with one take.
        rows, distinct = pd.factorize(data[source], use_na_sentinel=True)
        found = classify_texts(np.asarray(distinct, dtype=object).tolist(), model, codebook)
        themes = pd.array([c or pd.NA for c in found], dtype=TEXT_DTYPE)
        data[target] = pd.Series(themes.take(rows, allow_fill=True), index=data.index)
    return data


def _empty_table(form: FormSpec) -> pd.DataFrame:
    kinds = {f.name: f for f in form.fields}
    frame = pd.DataFrame({
        column: (conv.empty_column(kinds[column], pd.RangeIndex(0)) if column in kinds
                 else pd.Series(dtype=TEXT_DTYPE))
        for column in (*form.columns, *form.derived)
    })
    frame["source_row"] = frame["source_row"].astype("int64")
    frame["submitted_at"] = frame["submitted_at"].astype("datetime64[ns]")
    return frame


def _final_columns(form: FormSpec, data: pd.DataFrame) -> pd.DataFrame:
    """Contract columns in order, then extra columns under their headers, then derived."""
    if not len(data):
        return _empty_table(form)
    data = data.copy(deep=False)  # columns are replaced, never changed in place
    data["response_id"] = response_ids(data)
    for column in ("source_platform", "source_file"):
        data[column] = data[column].astype(TEXT_DTYPE)
    data["source_row"] = data["source_row"].astype("int64")
    extras = [c for c in data.columns if c.startswith("\x00")]
    reserved = {*form.columns, *form.derived}
    renamed = {}
    for column in extras:
        name = column[1:]
        while name in reserved or name in renamed.values():
            name = f"{name} (extra)"
        renamed[column] = name
    return data[[*form.columns, *extras, *form.derived]].rename(columns=renamed)
