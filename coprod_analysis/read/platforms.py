"""Recognise which survey platform made an export, and what its own columns are.

Each platform puts its own columns before the questions (a respondent id,
start and completion times, e-mail, IP address, names) and lays out its
header differently: SurveyMonkey uses two header rows, Google Forms puts grid
rows in brackets, Microsoft Forms joins matrix questions and statements with
a dot. This module turns a :class:`~coprod_analysis.read.grid.Grid` into a
:class:`RawExport`: one header per column, data rows numbered from 1, and the
role of each platform column.

Platform column roles:

``respondent_id``
    The platform's id for a response: used to find the same response in
    overlapping exports, never written.
``submitted_at``
    When the response was submitted.
``email``
    The respondent's e-mail: used to find resubmissions, never written.
``identifier``
    Anything else that identifies a person (names, IP address, custom data):
    dropped.
``platform``
    Platform bookkeeping (start time, collector id, last modified): dropped.
``source_platform``
    Only in a table this package cleaned (platform ``coprod``): the platform
    each response first came from, kept as it was.

A table written by ``coprod clean`` can be read again like an export: its
platform is ``coprod``, its ``submitted_at`` and ``source_platform`` are kept,
and the columns the package derives are derived again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from coprod_analysis.errors import CoprodError
from coprod_analysis.read import layouts
from coprod_analysis.read.grid import Grid

PLATFORMS = ("surveymonkey", "msforms", "googleforms", "jisc", "qualtrics", "smartsurvey",
             "manual")
#: The "platform" of a table that ``coprod clean`` wrote, read again.
CLEANED = "coprod"
#: The columns that mark a table as one ``coprod clean`` wrote (contract section 3).
CLEANED_MARKS = frozenset({"response_id", "source_platform", "source_file", "source_row"})

#: Platform-specific formats of the submission time, tried before the generic parser.
TIMESTAMP_FORMATS: dict[str, tuple[str, ...]] = {
    "surveymonkey": ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S"),
    "msforms": ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y %H:%M:%S"),
    "googleforms": ("%Y/%m/%d %I:%M:%S %p", "%d/%m/%Y %H:%M:%S", "%Y/%m/%d %H:%M:%S"),
    "jisc": ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S"),
    "qualtrics": ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"),
    "smartsurvey": ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S"),
    "manual": ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M:%S"),
    CLEANED: ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"),
}

#: Platforms whose other date-times are written month-first (the rest are day-first).
MONTH_FIRST_PLATFORMS = frozenset({"surveymonkey"})

#: What each platform is known to write where a numeric date could be either order:
#: ``(dayfirst, where this comes from)``; platforms not listed have no fixed order
#: (the file was saved in a spreadsheet, whose locale decides). See docs/platforms.md.
DATE_CONVENTIONS: dict[str, tuple[bool, str]] = {
    "surveymonkey": (False, "SurveyMonkey writes dates month-first (MM/DD/YYYY) in its "
                            "exports"),
    "msforms": (False, "Microsoft Forms' workbook formats its times m/d/yyyy h:mm, which "
                       "Excel keeps when the workbook is saved as CSV"),
    "jisc": (True, "JISC Online Surveys is a UK service and writes DD/MM/YYYY"),
}

@dataclass
class RawExport:
    """An export's data rows with one clean header per column.

    Attributes
    ----------
    path:
        The file.
    platform:
        One of :data:`PLATFORMS`.
    cells:
        The data rows, every cell a string; columns are the cleaned,
        de-duplicated headers; the index is ``source_row`` (1-based, header
        rows excluded).
    roles:
        Header -> platform column role (see the module docstring) for the
        platform's own columns.
    malformed:
        ``(source_row, fields)`` for rows with too few or too many fields.
    headers_raw:
        Cleaned header -> the header text as it stood in the file.
    encoding, notes, serial_epoch:
        From the :class:`Grid`.
    header_rows:
        How many rows the header took (2 for SurveyMonkey's, else 1).
    own_columns:
        The platform's stable name of its own columns -> header (Qualtrics'
        ``status``, ``finished``), found from codes, not from labels that follow
        the survey's language.
    import_ids:
        Header -> Qualtrics' ImportId of its question (``QID2``, ``QID1_TEXT``),
        where the export has its ImportId row.
    recognised_by:
        What in the file showed its platform and layout (for the summary).
    date_orders:
        Column -> how its numeric dates were read and why, filled in when the
        answers are converted (:mod:`coprod_analysis.clean.dates`).
    """

    path: Path
    platform: str
    cells: pd.DataFrame
    roles: dict[str, str]
    malformed: list[tuple[int, list[str]]] = field(default_factory=list)
    headers_raw: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    serial_epoch: dt.date | None = None
    header_rows: int = 1
    recognised_by: str = ""
    date_orders: dict = field(default_factory=dict)
    scale_notes: list[str] = field(default_factory=list)
    evidence: dict = field(default_factory=dict)
    own_columns: dict[str, str] = field(default_factory=dict)
    import_ids: dict[str, str] = field(default_factory=dict)
    #: ``source_row`` of each data row that repeats the header (two exports joined).
    repeated_headers: list[int] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        """Every data row in the file, well formed or not."""
        return len(self.cells) + len(self.malformed)


def clean_header(text: str) -> str:
    """Tidy a header for display: straight quotes, single spaces, no edges.

    Examples
    --------
    >>> clean_header("  I understand the patient\\u00a0champion\\u2019s role\\n")
    "I understand the patient champion's role"
    >>> clean_header("'=Extra"), clean_header("'Quoted'")
    ('=Extra', "'Quoted'")
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0xFEFF: None})
    text = " ".join(text.split())
    # The apostrophe that guards a header against formulas (as written by this package).
    return text[1:] if re.match(r"'[=+\-@]", text) else text


def _key(text: str) -> str:
    return clean_header(text).lower()


def detect_platform(first_row: list[str], second_row: list[str] | None = None,
                    third_row: list[str] | None = None) -> str:
    """Name the platform that made an export, from its header row(s).

    Examples
    --------
    >>> detect_platform(["Respondent ID", "Collector ID", "Start Date", "End Date"])
    'surveymonkey'
    >>> detect_platform(["ID", "Start time", "Completion time", "Email", "Name"])
    'msforms'
    >>> detect_platform(["Timestamp", "Q1. Date of the session"])
    'googleforms'
    >>> detect_platform(["Response ID", "Started", "Completed", "1. Date"])
    'jisc'
    >>> detect_platform(["Date", "Venue", "Role of champion"])
    'manual'
    >>> detect_platform(["response_id", "venue", "source_platform", "source_file", "source_row"])
    'coprod'
    >>> detect_platform(["RespondentID", "CollectorID", "StartDate", "EndDate"])
    'surveymonkey'
    >>> detect_platform(["RespondentID", "Q1", "Q2", ""], ["", "Response", "Yes", "No"])
    'surveymonkey'
    >>> detect_platform(["RespondentID", "Q1", "Q2"], ["3292953864", "Yes", "No"])
    'manual'
    >>> detect_platform(["StartDate", "Status", "Progress", "RecordedDate", "ResponseId"])
    'qualtrics'
    >>> detect_platform(["UserID", "UserNo", "Name", "Email", "Started", "Ended"])
    'smartsurvey'
    """
    keys = [_key(h) for h in first_row]
    keyset = set(keys)
    if keyset >= CLEANED_MARKS:
        return CLEANED
    if layouts.surveymonkey_signs(first_row, second_row):
        return "surveymonkey"
    if layouts.is_qualtrics(first_row, second_row, third_row):
        return "qualtrics"
    if layouts.is_smartsurvey(first_row):
        return "smartsurvey"
    if keys and keys[0] == "id" and {"start time", "completion time"} <= keyset:
        return "msforms"
    if keys and keys[0] == "timestamp":
        return "googleforms"
    has_response_number = any(re.fullmatch(r"(response|respondent) ?(id|number|no\.?)", k)
                              for k in keys[:3])
    has_times = any(re.fullmatch(r"(started|completed|(start|completion|end)( date| time)?"
                                 r"|date (started|completed))", k) for k in keys[:5])
    if has_response_number and has_times:
        return "jisc"
    return "manual"


#: Each platform's own columns: (platform, header pattern, role). Headers are
#: matched lower-cased, in full; the first matching line wins.
PLATFORM_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("surveymonkey", r"respondent id", "respondent_id"),
    ("surveymonkey", r"end date", "submitted_at"),
    ("surveymonkey", r"email address", "email"),
    ("surveymonkey", r"ip address|first name|last name|custom data.*", "identifier"),
    ("surveymonkey", r"collector id|start date", "platform"),
    ("msforms", r"id", "respondent_id"),
    ("msforms", r"completion time", "submitted_at"),
    ("msforms", r"email", "email"),
    ("msforms", r"name", "identifier"),
    ("msforms", r"start time|last modified time|total points|quiz feedback", "platform"),
    ("googleforms", r"timestamp", "submitted_at"),
    ("googleforms", r"email( address)?", "email"),
    ("googleforms", r"score", "platform"),
    ("jisc", r"(response|respondent) ?(id|number|no\.?)", "respondent_id"),
    ("jisc", r"completed|(completion|end)( date| time)?|date completed", "submitted_at"),
    ("jisc", r"started|start( date| time)?|date started", "platform"),
    ("manual", r"timestamp|submitted( at| on)?|date submitted|completed", "submitted_at"),
    (CLEANED, r"submitted_at", "submitted_at"),
    (CLEANED, r"source_platform", "source_platform"),
    # The table read is the new source, and the response id is made again from it. A
    # clean table holds no platform id: copies of a response in two tables cannot be
    # found, so the pipeline refuses tables made from one export (and the export itself).
    (CLEANED, r"response_id|source_file|source_row", "platform"),
)


def _platform_roles(platform: str, headers: list[str]) -> dict[str, str]:
    """Roles of the platform's own columns, keyed by cleaned header.

    Examples
    --------
    >>> _platform_roles("msforms", ["ID", "Email", "Where did you attend?"])
    {'ID': 'respondent_id', 'Email': 'email'}
    """
    rules = [(pattern, role) for name, pattern, role in PLATFORM_COLUMNS if name == platform]
    roles: dict[str, str] = {}
    for header in headers:
        for pattern, role in rules:
            if re.fullmatch(pattern, header.lower()):
                roles[header] = role
                break
    return roles


def _is_surveymonkey_subheader(row1: list[str], row2: list[str]) -> bool:
    """Whether SurveyMonkey's second row is its sub-header row, not a first response
    (:func:`~coprod_analysis.read.layouts.surveymonkey_subheader_row`; a Collector ID
    is a strong sign, so that exports of matrix questions alone are read too).

    Examples
    --------
    >>> head = ["Respondent ID", "Collector ID", "Q1"]
    >>> _is_surveymonkey_subheader(head, ["", "", "Response"])
    True
    >>> _is_surveymonkey_subheader(head, ["11400000001", "2345", "Agree"])
    False
    >>> _is_surveymonkey_subheader(head, ["Response", "Response", "Open-Ended Response"])
    True
    >>> _is_surveymonkey_subheader(head, ["", "2345", "Agree"])  # a response, its id lost
    False
    """
    keys = [layouts.squash(h) for h in row1]
    return layouts.surveymonkey_subheader_row(row1, row2, strong="collectorid" in keys)


def _typed_subheader(row1: list[str], row2: list[str]) -> bool:
    """Whether a typed sheet's second row names the statements of a question in its
    first row merged across their columns, as the paper form lays them out (and
    SurveyMonkey's XLSX): the first row blank over some columns after a question, the
    second filled there and blank under every other question, and every cell of the
    second a different statement of three words or more (no answer: "Agree", a date, a
    number), three at least, half of them or more the forms' own statements (a first
    response with only its comments answered, under a title over blank columns, is no
    header: "the room was far too cold").

    Examples
    --------
    >>> top = ["Date", "How far do you agree?", "", "", "Overall"]
    >>> _typed_subheader(top, ["", "I understand the role", "I can give examples",
    ...                        "I feel more confident", ""])
    True
    >>> _typed_subheader(top, ["14/03/2019", "Agree", "Strongly agree", "Agree", "Good"])
    False
    """
    from coprod_analysis.mapping import match_field  # (mapping reads this module)
    from coprod_analysis.vocab import EVALUATION_FIELDS, REVIEW_FIELDS

    text = [str(v).strip() for v in row1]
    subs = [str(v).strip() for v in row2]
    blanks = [i for i, top in enumerate(text) if not top]
    labels = [v for v in subs if v]
    return bool(blanks) and blanks[0] > 0 and len(row1) == len(row2) \
        and all(subs[i] for i in blanks) and len(labels) >= 3 \
        and len(set(labels)) == len(labels) \
        and all(not subs[i] for i, top in enumerate(text)  # (a question's own column:
                if top and (i + 1 == len(text) or text[i + 1])) \
        and all(len(v.split()) >= 3 and not any(c.isdigit() for c in v) for v in labels) \
        and 2 * sum(match_field(v, EVALUATION_FIELDS) is not None  # (the forms' own
                    or match_field(v, REVIEW_FIELDS) is not None  # statements, at least
                    for v in labels) >= len(labels)  # half: not a first response's comments)


def _surveymonkey_headers(row1: list[str], row2: list[str]) -> list[str]:
    """Combine SurveyMonkey's two header rows into ``Question [Sub-label]`` headers."""
    headers = []
    question = ""
    for top, sub in zip(row1, row2, strict=True):
        if top.strip():
            question = top
        if not sub.strip() or layouts.squash(sub) in layouts.SURVEYMONKEY_SUBHEADERS:
            headers.append(question)
        else:
            headers.append(f"{question} [{sub}]")
    return headers


def _join_asked_again(cells: pd.DataFrame,
                      roles: dict[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """A question's columns under one title (``X``, ``X (2)``: Google Forms keeps a
    deleted question's column and adds one for the question added again), where no row
    answers both, as one: the first's blanks filled from the others. Columns of a
    platform's own (roles) and those that some row answers twice are left as they are.

    Returns the cells (a copy where any column was joined) and each joined column's
    header -> the header it was joined to.

    Examples
    --------
    >>> cells = pd.DataFrame({"Date": ["14/03/2019", "", None], "Date (2)": ["", "05/06/2019",
    ...                       "06/06/2019"], "Notes": ["a", "b", ""], "Notes (2)": ["c", "", ""]})
    >>> joined, gone = _join_asked_again(cells, {})
    >>> joined["Date"].tolist(), gone
    (['14/03/2019', '05/06/2019', '06/06/2019'], {'Date (2)': 'Date'})
    >>> list(joined.columns)
    ['Date', 'Notes', 'Notes (2)']
    """
    headers = list(cells.columns)
    lower = {h.lower(): h for h in headers}
    gone: dict[str, str] = {}
    for header in headers:
        match = re.fullmatch(r"(.+) \((\d+)\)", header)
        first = lower.get(match[1].lower()) if match else None
        if first is None or header in roles or first in roles or first in gone:
            continue
        answered = {h: cells[h].astype(object).fillna("").astype(str).str.strip().ne(
            "").to_numpy(dtype=bool) for h in (first, header)}
        if (answered[first] & answered[header]).any() or not answered[header].any():
            continue
        if not gone:
            cells = cells.copy()
        cells[first] = cells[first].where(answered[first], cells[header])
        gone[header] = first
    return (cells.drop(columns=list(gone)) if gone else cells), gone


def _unique(headers: list[str]) -> list[str]:
    """Make headers unique without pandas' silent ``.1`` renaming: ``X (2)``.

    Examples
    --------
    >>> _unique(["Comments", "Comments", "", ""])
    ['Comments', 'Comments (2)', 'Column 3', 'Column 4']
    >>> _unique(["Notes (2)", "Notes", "Notes"])
    ['Notes (2)', 'Notes', 'Notes (3)']
    """
    taken = {h.lower() for h in headers if h}
    seen: set[str] = set()
    out = []
    for i, header in enumerate(headers):
        name = header or f"Column {i + 1}"
        if name.lower() in seen:
            count = 2
            while f"{name} ({count})".lower() in seen | taken:
                count += 1
            name = f"{name} ({count})"
        seen.add(name.lower())
        out.append(name)
    return out


#: How each platform with a single layout is recognised (for the summary).
RECOGNISED_BY = {
    "surveymonkey": "SurveyMonkey (row 1 holds Respondent ID and Collector ID, or "
                    "Respondent ID over SurveyMonkey's sub-header row)",
    "msforms": "Microsoft Forms (first column ID, with Start time and Completion time)",
    "googleforms": "Google Forms (first column Timestamp)",
    "jisc": "JISC Online Surveys (a response number and Started/Completed columns)",
    "manual": "a typed sheet (no platform's own columns were found)",
    CLEANED: "a table coprod clean wrote (response_id, source_platform, source_file, "
             "source_row)",
}


def _source_rows(numbers: range | list[int], n_header: int) -> pd.Index:
    """The ``source_row`` index of data records, from their 0-based record numbers.

    Examples
    --------
    >>> _source_rows(range(1, 4), 1).tolist(), _source_rows([2, 5], 2).tolist()
    ([1, 2, 3], [1, 4])
    """
    if not len(numbers):
        return pd.Index([], name="source_row")
    if isinstance(numbers, range):
        records = np.arange(numbers.start, numbers.stop, numbers.step, dtype=np.int64)
    else:
        records = np.asarray(numbers, dtype=np.int64)
    return pd.Index(records - n_header + 1, name="source_row")


def _header_key(value: object) -> str:
    """A header cell as compared with another: no BOM, lower case, spaces squeezed.

    Examples
    --------
    >>> _header_key("\ufeffTimestamp "), _header_key("Date  of the Session")
    ('timestamp', 'date of the session')
    """
    return " ".join(str(value).replace("\ufeff", "").lower().split())


def _maybe_header_rows(column: pd.Series, names: list[str]) -> np.ndarray:
    """Positions of the cells of ``column`` that may be one of the header's keys: their
    first character (a BOM or a space aside) is the first of a key's, and then, as
    :func:`_header_key` makes them, one is. In pyarrow; on a million timestamps (no
    cell starts with a letter) about 0.02 s."""
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.chunked_array([pa.array(column.astype(object).tolist())]) \
        if not hasattr(column.array, "_pa_array") else column.array._pa_array
    starts = {n[0] for n in names if n} | {n[0].upper() for n in names if n} \
        | {" ", "\t", "\ufeff"}
    head = pc.utf8_slice_codeunits(cells, 0, 1)
    near = np.flatnonzero(pc.is_in(head, value_set=pa.array(sorted(starts)))
                          .to_numpy(zero_copy_only=False).astype(bool, copy=False))
    if not len(near):
        return near
    keys = [_header_key(v) for v in pc.take(cells, pa.array(near)).to_pylist()]
    return near[np.fromiter((k in names for k in keys), dtype=bool, count=len(keys))]


def _after_repeated_headers(cells: pd.DataFrame, header: list[str], path: Path
                            ) -> tuple[pd.DataFrame, list[int], bool]:
    """The data rows with those after a row that repeats the header in another order
    put back in the header's order, the positions of the rows that repeat it, and
    whether any rows were put back (two exports joined in one file, the second's
    columns moved).

    A row repeats the header when its cells are the header's cells in any order (as
    :func:`_header_key` compares them: case, spaces and a BOM aside; three or more
    not blank). Looked for only in the rows whose first cell is one of the header's
    (a quick test on the whole column).
    """
    names = [_header_key(h) for h in header]
    if len(cells) == 0 or sum(bool(n) for n in names) < 3:
        return cells, [], False
    maybe = _maybe_header_rows(cells.iloc[:, 0], names)
    wanted = sorted(names)
    repeated = [int(i) for i in maybe
                if sorted(_header_key(v) for v in cells.iloc[int(i)].tolist()) == wanted]
    if not repeated:
        return cells, [], False
    pieces: list[tuple[int, int, list[int] | None]] = [(0, repeated[0], None)]
    for i, end in zip(repeated, [*repeated[1:], len(cells)], strict=True):
        row = [_header_key(v) for v in cells.iloc[i].tolist()]
        if row == names:
            pieces.append((i, end, None))
        elif len(set(names)) != len(names):
            raise CoprodError(f"row {i + 1} repeats the header with its columns in another "
                              "order, and the header names a column twice, so its rows "
                              "cannot be matched; clean the exports in separate files", path)
        else:  # for each of the header's columns, where this row has it
            pieces.append((i, end, [row.index(n) for n in names]))
    if all(order is None for _, _, order in pieces):
        return cells, repeated, False
    frames = []
    for begin, stop, order in pieces:
        part = cells.iloc[begin:stop]
        if order is not None:
            part = pd.DataFrame(part.iloc[:, order].to_numpy(), columns=cells.columns,
                                index=part.index).astype(cells.dtypes.iloc[0])
        frames.append(part)
    return pd.concat(frames), repeated, True


def to_raw_export(grid: Grid) -> RawExport:
    """Split a grid into header and data rows, and name its platform columns.

    Parameters
    ----------
    grid:
        The file's records.

    Returns
    -------
    RawExport
    """
    records = grid.records
    if not len(records):  # ",,\n": not blank to the eye, yet no record at all once read
        raise CoprodError("has no header row: every line is empty or holds only separators",
                          grid.path)
    head = [records.iloc[i].tolist() for i in range(min(3, len(records)))]
    first = head[0]
    second = head[1] if len(head) > 1 else None
    third = head[2] if len(head) > 2 else None
    numbers = grid.record_numbers  # a range or a list
    # Record 1 (the second header row, if any), even if it has a wrong number of values.
    record_1 = (second if len(numbers) > 1 and numbers[1] == 1
                else next((f for n, f in grid.malformed if n == 1), None))
    platform = detect_platform(first, second, third)
    signs = layouts.surveymonkey_signs(first, record_1) if record_1 is not None else ""
    if signs and platform in ("manual", "jisc"):
        platform = "surveymonkey"  # its sub-header row has a wrong number of values
    n_header, raw_headers = 1, first
    recognised = RECOGNISED_BY.get(platform, platform)
    layout = None
    if platform == "qualtrics":
        layout = layouts.qualtrics_layout(head)
    elif platform == "smartsurvey":
        layout = layouts.smartsurvey_layout(head)
    if layout is not None:
        if any(n < layout.header_rows for n, _ in grid.malformed):
            raise CoprodError(f"this {platform} export's header rows have different numbers "
                              "of values", grid.path)
        n_header, raw_headers, recognised = layout.header_rows, layout.headers, \
            layout.recognised_by
    if platform == "surveymonkey":
        signs = signs or layouts.surveymonkey_signs(first)
        if layouts.is_old_surveymonkey(first):
            signs = "older header: RespondentID, CollectorID, StartDate, EndDate"
        if record_1 is not None and _is_surveymonkey_subheader(first, record_1):
            if record_1 is not second:
                # Without its second header row the questions cannot be told apart.
                raise CoprodError("this SurveyMonkey export's second header row has a "
                                  "different number of values from the first", grid.path)
            n_header, raw_headers = 2, _surveymonkey_headers(first, second)
            signs += "; two header rows"
        recognised = f"SurveyMonkey ({signs})"
    elif platform == "manual" and record_1 is not None and record_1 is second \
            and _typed_subheader(first, second):
        n_header, raw_headers = 2, _surveymonkey_headers(first, second)
        recognised += "; two header rows (a question over the statements it asks about)"
    cleaned = _unique([clean_header(h) for h in raw_headers])
    cells = records.iloc[n_header:]  # a view: the reading layer never changes cells
    cells, repeated, moved = _after_repeated_headers(cells, first, grid.path)
    cells.columns = cleaned
    cells.index = _source_rows(numbers[n_header:], n_header)
    repeated = cells.index[repeated].tolist()
    malformed = [(n - n_header + 1, fields) for n, fields in grid.malformed if n >= n_header]
    own_columns, import_ids = {}, {}
    if layout is not None:
        import_ids = {cleaned[i]: c for i, c in layout.import_ids.items() if i < len(cleaned)}
        roles = {cleaned[i]: role for i, role in layout.roles.items() if i < len(cleaned)}
        own_columns = {name: cleaned[i] for i, name in sorted(layout.names.items(),
                                                              reverse=True)
                       if i < len(cleaned)}  # the first column of a name wins
    elif platform == "surveymonkey":
        roles = {cleaned[i]: role for i, role in
                 layouts.surveymonkey_roles(list(first)).items() if i < len(cleaned)}
    else:
        roles = _platform_roles(platform, cleaned)
    cells, joined = _join_asked_again(cells, roles)
    if joined:
        raw_headers = [r for c, r in zip(cleaned, raw_headers, strict=True) if c not in joined]
        cleaned = [c for c in cleaned if c not in joined]
    export = RawExport(
        path=grid.path,
        platform=platform,
        cells=cells,
        roles=roles,
        malformed=malformed,
        headers_raw=dict(zip(cleaned, raw_headers, strict=True)),
        encoding=grid.encoding,
        serial_epoch=grid.serial_epoch,
        notes=list(grid.notes) + (layout.notes if layout is not None else []),
        header_rows=n_header,
        recognised_by=recognised,
        own_columns=own_columns,
        import_ids=import_ids,
        repeated_headers=repeated,
    )
    for again, first in joined.items():
        export.notes.append(
            f"{first!r} is asked twice (a question deleted and added again?): no row "
            f"answers both, so the answers under its second column ({again!r}) are read "
            "with the first's")
    if repeated:
        export.notes.append(
            f"{len(repeated)} {'rows repeat' if len(repeated) != 1 else 'row repeats'} the "
            f"header (exports joined in one file?): row{'s' if len(repeated) != 1 else ''} "
            f"{', '.join(map(str, repeated[:5]))}{' …' if len(repeated) > 5 else ''}, set "
            "aside" + ("; the rows after one whose columns are in another order were read "
                       "in that row's order" if moved else ""))
    return export
