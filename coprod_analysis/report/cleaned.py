"""Read an evaluations table that ``coprod clean`` wrote, quickly, for the report.

The report is usually made from ``evaluations.csv`` as cleaning wrote it. Read
through the cleaning pipeline (:func:`~coprod_analysis.load_evaluations`), a
table of a million responses is read cell by cell again: every answer checked,
every text tidied and redacted, the themes inferred. Here the same work is
done once per *distinct* value of each column, straight from one pyarrow read
(each column read as its distinct values and a code a row; a large file is
parsed in two halves at once, cut where a row ends), with the
pipeline's own functions: the answers are read by its readers, free text
tidied and redacted again by :func:`~coprod_analysis.clean.redact.redact`, the
themes inferred by the same model, the ids made again the same way. The
result is the table :func:`~coprod_analysis.load_evaluations` returns.

Only a table with nothing for the pipeline to report is read this way: the
exact header ``coprod clean`` writes (no column added or removed), UTF-8, every
answer readable, every row answered and dated, no cell that looks like an
identifier. Anything else (a table edited by hand, an export, a folder, several
files) returns ``None``, and the caller reads it through the pipeline, which
says what it found.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from coprod_analysis.clean import dates, values
from coprod_analysis.clean.evaluations import EVALUATION_FORM, session_ids
from coprod_analysis.clean.identifiers import shared_file_names, value_kind
from coprod_analysis.clean.pipeline import noted_sources, response_ids
from coprod_analysis.clean.redact import redact_series
from coprod_analysis.clean.redact import warm as redact_warm
from coprod_analysis.clean.result import CleanResult, FileReport, build_summary
from coprod_analysis.clean.values import TEXT_DTYPE
from coprod_analysis.limits import read_csv_bytes
from coprod_analysis.read.grid import count_byte, row_boundary
from coprod_analysis.read.platforms import CLEANED, PLATFORMS, RECOGNISED_BY

logger = logging.getLogger(__name__)

#: The header of the table ``coprod clean evaluations`` writes, as it writes it.
COLUMNS = (*EVALUATION_FORM.columns, *EVALUATION_FORM.derived)
HEADER = ",".join(f'"{c}"' for c in COLUMNS).encode()
#: Columns made again from the others (or, for the themes, from the free text).
_MADE_AGAIN = ("response_id", "session_id", "source_row",
               *EVALUATION_FORM.derived)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = "%Y-%m-%dT%H:%M:%S"


class _NotPlain(Exception):
    """The table holds something only the pipeline can account for."""


def read_cleaned_evaluations(path: str | Path, *, themes: bool = True) -> CleanResult | None:
    """The clean evaluations table in ``path``, or ``None`` if it must go through the pipeline.

    Parameters
    ----------
    path:
        One file: an ``evaluations.csv`` written by ``coprod clean evaluations``.
    themes:
        Infer ``improvement_themes`` again from the improvements (as
        :func:`~coprod_analysis.load_evaluations` does by default).

    Returns
    -------
    CleanResult or None
        As :func:`~coprod_analysis.load_evaluations` would return it (its
        ``quarantine`` and ``problems`` empty: a table with anything to put
        there is not read here), or ``None``.
    """
    path = Path(path)
    if not path.is_file() or path.suffix.lower() != ".csv":
        return None
    with open(path, "rb") as handle:
        if handle.read(len(HEADER) + 1) != HEADER + b"\n":
            return None
    try:
        return _read(path, themes)
    except _NotPlain as reason:
        logger.info("%s: read through the cleaning pipeline (%s)", path.name, reason)
        return None


def _read(path: Path, themes: bool) -> CleanResult:
    data = read_csv_bytes(path)  # refuses a file over the size limit, as the pipeline does
    if not data.startswith(HEADER + b"\n"):
        raise _NotPlain("not as coprod clean writes it")
    # pyarrow parses (in two halves when the file is large, each in a thread of its own)
    # while this thread looks through the bytes: pyarrow lets go of Python's lock, so
    # on two cores the work takes about half the time.
    cut = row_boundary(data, smallest=_SPLIT_FROM, within=len(data), tries=_CUT_TRIES)
    split, quotes_before = cut if cut is not None else (None, 0)
    buffer = pa.py_buffer(data)
    with ThreadPoolExecutor(max_workers=2) as workers:
        if split is None:
            parts = [workers.submit(_parse, buffer, first=True, last=True)]
        else:
            parts = [workers.submit(_parse, buffer.slice(0, split), first=True, last=False),
                     workers.submit(_parse, buffer.slice(split), first=False, last=True)]
        plain = (b"\x00" not in data
                 and not (quotes_before + count_byte(data, b'"', start=split or 0)) % 2)
        ends_blank = re.search(rb"(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)\s*$", data[-64:])
        redact_warm()  # the word lists the text is redacted with, loaded meanwhile
        parts = [part.result() for part in parts]
    if not plain:
        raise _NotPlain("not as coprod clean writes it")
    if ends_blank:
        raise _NotPlain("empty lines at the end")
    table = _joined(parts)
    if table is None:  # the halves did not meet at the end of a row: read it whole
        table = _parse(buffer, first=True, last=True)
    if isinstance(table, _NotPlain):
        raise table
    fields = {f.name: f for f in EVALUATION_FORM.fields}
    read = [c for c in COLUMNS if c not in _MADE_AGAIN]
    del data, buffer, parts  # the bytes (and the first part's last column) are done with
    rows = table.num_rows
    if not rows:
        raise _NotPlain("no rows")
    out: dict[str, object] = {}
    kept_codes: dict[str, np.ndarray] = {}
    texts: dict[str, pd.Series] = {}  # the text columns' distinct values, as converted
    answered = np.zeros(rows, dtype=bool)
    name = shared_file_names([path])[path]
    # Each column's codes and distinct values, the ids, each text column's value a row
    # and the themes are made in worker threads (pyarrow and numpy let go of Python's
    # lock) while this thread converts the columns' distinct values, in order.
    with ThreadPoolExecutor(max_workers=2) as workers:
        made_ids = workers.submit(_response_ids, name, rows)
        coded = {column: workers.submit(_codes, table.column(column), column)
                 for column in read if column != "submitted_at"}
        submitted = workers.submit(_timestamps, table.column("submitted_at"))
        for column, made in coded.items():
            codes, distinct = made.result()
            kept_codes[column] = codes
            if column == "session_date":
                day_text = distinct
            if column == "source_file":  # the exports it was cleaned from, as noted
                cleaned_from = noted_sources(distinct)
                continue
            if column in fields:
                stripped = distinct.str.strip()
                present = (stripped != "").to_numpy(dtype=bool)
                if present.all():  # no value of this column is blank: every row answered
                    answered[:] = True
                elif not answered.all():
                    answered |= present[codes]
                if any(value_kind(v) is not None for v in stripped if v):
                    raise _NotPlain(f"{column}: a cell looks like an identifier")
            field = fields.get(column)
            if column == "source_platform" or field.kind in ("text", "free_text"):
                texts[column] = _distinct_text(column, field, distinct)
                out[column] = workers.submit(_spread, texts[column], codes)
            else:
                out[column] = _convert(column, field, codes, distinct)
            if column == "venue":  # read after the session date
                made_sessions = workers.submit(
                    _session_ids, out["session_date"], texts["venue"],
                    kept_codes["session_date"], kept_codes["venue"])
            if column == "improvements":
                made_themes = workers.submit(_themes, texts["improvements"], themes,
                                             kept_codes["improvements"])
        if not answered.all():
            raise _NotPlain("a blank row")
        if pd.isna(out["session_date"]).any():
            raise _NotPlain("a row without a session date")
        out = {column: made.result() if isinstance(made, Future) else made
               for column, made in out.items()}
        frame = pd.DataFrame({  # in the clean table's order (COLUMNS)
            "response_id": made_ids.result(),
            "session_id": made_sessions.result(),
            **{f: out[f] for f in fields},
            "source_platform": out["source_platform"],
            "source_file": pd.Series(name, index=range(rows), dtype=TEXT_DTYPE),
            "source_row": np.arange(1, rows + 1, dtype="int64"),
            "submitted_at": submitted.result(),
            "improvement_themes": made_themes.result(),
        })
    if tuple(frame.columns) != COLUMNS:  # pragma: no cover - the form's columns changed
        raise _NotPlain("the clean table's columns are not those read")
    report = FileReport(file=name, platform=CLEANED, encoding="utf-8", rows_read=rows,
                        rows_clean=rows, cleaned_from=cleaned_from,
                        columns_mapped={f: f for f in COLUMNS if f in fields})
    _describe(report, day_text, table.column("submitted_at"))
    options = {"keep_text": False, "mapping": None, "themes": themes,
               **EVALUATION_FORM.options}
    quarantine = pd.DataFrame(columns=["source_file", "source_row", "reason", "reason_code"])
    problems = pd.DataFrame(columns=["source_file", "source_row", "column", "raw_value",
                                     "problem", "field"])
    summary = build_summary(EVALUATION_FORM, [report], problems, quarantine, options)
    summary["files_skipped"] = {}
    summary["label"] = f"{EVALUATION_FORM.label} export"
    return CleanResult(frame, quarantine, problems, summary, EVALUATION_FORM)


#: Files at least this large are parsed in two halves at once.
_SPLIT_FROM = 1 << 22
#: How many line breaks past the middle of the file a place to cut it is looked for at.
_CUT_TRIES = 1000
#: The last column: read in the first half only, to see that the halves meet.
_LAST = COLUMNS[-1]


def _parse(buffer: pa.Buffer, *, first: bool, last: bool) -> pa.Table | _NotPlain:
    """The columns read (not those made again) of the table, or of a part of it, as pyarrow
    reads them: text as distinct values and a code a row; or, if pyarrow cannot read it,
    why (returned, not raised, so that the caller's own checks are said first).

    ``first``: the part starts with the header (else it starts at the start of a row,
    and the columns are named as the header names them). Not ``last``: the part ends
    at a row's end, and its last column is read too, as text, for :func:`_joined`.
    """
    read = [c for c in COLUMNS if c not in _MADE_AGAIN]
    types = {c: pa.dictionary(pa.int32(), pa.string()) for c in read}
    types["submitted_at"] = pa.timestamp("s")
    if not last:
        read.append(_LAST)
        types[_LAST] = pa.string()
    try:
        # One thread a part: answers hold line breaks, so the parser must follow every
        # quote from the part's start; on this project's busy 2-core machine pyarrow's
        # own threads (which must do that in one thread first) made the read half as
        # slow again.
        return pa_csv.read_csv(
            pa.BufferReader(buffer),
            read_options=pa_csv.ReadOptions(
                use_threads=False, column_names=None if first else list(COLUMNS)),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True,
                                              ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types=types, include_columns=read, null_values=[""],
                strings_can_be_null=False, quoted_strings_can_be_null=True,
                timestamp_parsers=[_ISO_TIME]),
        )
    except (pa.ArrowException, UnicodeError) as error:
        return _NotPlain(f"pyarrow: {error}")


def _joined(parts: list[pa.Table | _NotPlain]) -> pa.Table | _NotPlain | None:
    """The table parsed in parts, as one; ``None`` if the parts may not meet at a row's end.

    :func:`~coprod_analysis.read.grid.row_boundary` cut the file after a line break
    with an even number of quotes before it, which ends a row unless a quote stood
    where a CSV parser takes it as a plain character. The first part, parsed on its
    own, then shows where it ended: pyarrow reads a part that ends inside quotes as a
    last row that is either short of columns (an error) or whose last cell holds the
    line break the part ends with. Neither, the first part ended where a row ends, as
    in the whole file, and the second part is read as the whole file's parser would go
    on.
    """
    if len(parts) == 1:
        return parts[0]
    head, tail = parts
    if isinstance(head, _NotPlain) or isinstance(tail, _NotPlain) or not head.num_rows:
        return None
    if (head.column(_LAST)[-1].as_py() or "").endswith("\n"):
        return None
    return pa.concat_tables([head.drop_columns([_LAST]), tail])


def _describe(report: FileReport, session_dates: pd.Series,
              submitted: pa.ChunkedArray) -> None:
    """How the file was recognised and its dates read, in its report, as cleaning says it.

    The date orders are decided by the pipeline's own
    :func:`~coprod_analysis.clean.dates.decide_order`, on the distinct session
    dates and the distinct days of the submission times (a date's order is
    decided by its date part), and written by
    :func:`~coprod_analysis.clean.dates.describe_reading`.
    """
    days = pc.unique(pc.cast(submitted, pa.date32()).drop_null())
    times = pd.Series([f"{d}T00:00:00" for d in days.to_pylist()], dtype=TEXT_DTYPE)
    orders = {"session_date": dates.decide_order(session_dates, CLEANED, "session_date",
                                                 platform_column=False),
              "submitted_at": dates.decide_order(times, CLEANED, "submitted_at")}
    if not orders["session_date"].dayfirst:
        raise _NotPlain("session dates read month-first")  # cleaning notes it: let it
    export = SimpleNamespace(recognised_by=RECOGNISED_BY[CLEANED], date_orders=orders,
                             evidence={}, scale_notes=[])
    dates.describe_reading(report, export)


def _session_ids(dates: np.ndarray, venues: pd.Series, date_codes: np.ndarray,
                 venue_codes: np.ndarray) -> pd.Series:
    """:func:`~coprod_analysis.clean.evaluations.session_ids`, made once a distinct
    (date, venue) and given to every row that has it; ``venues`` are the distinct
    venues as converted, ``venue_codes`` each row's."""
    pairs = date_codes.astype(np.int64) * (int(venue_codes.max()) + 1) + venue_codes
    which, distinct = pd.factorize(pairs)
    first = np.empty(len(distinct), dtype=np.int64)
    first[which[::-1]] = np.arange(len(which) - 1, -1, -1)  # each pair's first row
    ids = session_ids(pd.Series(dates[first]),
                      pd.Series(venues.array.take(venue_codes[first]), dtype=TEXT_DTYPE))
    return pd.Series(ids.array.take(which))


def _response_ids(name: str, rows: int) -> pd.Series:
    """:func:`~coprod_analysis.clean.pipeline.response_ids` of rows 1 to ``rows`` of the
    file ``name``: its prefix (a hash of the name) made by that function, joined to
    each row's number by pyarrow rather than a Python string a row."""
    first = response_ids(pd.DataFrame({"source_file": [name], "source_row": [1]}))
    prefix = first.iloc[0].rsplit("-", 1)[0]
    numbers = pc.cast(pa.array(np.arange(1, rows + 1, dtype=np.int64)), pa.large_string())
    joined = pc.binary_join_element_wise(pa.scalar(prefix, pa.large_string()), numbers,
                                         pa.scalar("-", pa.large_string()))
    return pd.Series(pd.arrays.ArrowStringArray(joined), dtype=TEXT_DTYPE)


def _timestamps(column: pa.ChunkedArray) -> pd.Series:
    """The submission times, as pandas reads them."""
    return column.to_pandas().astype("datetime64[ns]")


def _codes(column: pa.ChunkedArray, name: str) -> tuple[np.ndarray, pd.Series]:
    """A dictionary column (each part of it with a dictionary of its own, as pyarrow
    reads it) as (a code a row, its distinct values as text)."""
    if column.null_count:
        raise _NotPlain(f"{name}: a missing value")
    chunks = column.unify_dictionaries().chunks
    dictionary = chunks[0].dictionary if chunks else pa.array([], pa.string())
    codes = np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunks])
    return codes, pd.Series(dictionary.to_pylist(), dtype=TEXT_DTYPE)


def _checked(parsed, problems: np.ndarray, name: str):
    if any(p is not None for p in problems):
        raise _NotPlain(f"{name}: an answer that cannot be read")
    return parsed


def _distinct_text(name: str, field, distinct: pd.Series) -> pd.Series:
    """A text column's distinct values, converted as the pipeline converts them (a row's
    value is then :func:`_spread` from them)."""
    if name == "source_platform":
        first = distinct.str.strip().str.lower()
        return first.where(first.isin(PLATFORMS), "manual")
    if field.kind == "text":  # the venue: redacted, as the pipeline does place names
        text = values.tidy_choice(distinct)
        said_none = values.map_distinct(text, lambda t: "x" if values.is_missing(t) else "")
        return redact_series(text.mask((said_none == "x").fillna(False).astype(bool)))
    if field.kind == "free_text":
        return redact_series(values.tidy_text(distinct))
    raise _NotPlain(f"{name}: a {field.kind} field")  # pragma: no cover - not called so


def _spread(text: pd.Series, codes: np.ndarray) -> pd.Series:
    """Each row's value of a text column: its code's value of ``text``."""
    return pd.Series(text.array.take(codes), dtype=TEXT_DTYPE)


def _convert(name: str, field, codes: np.ndarray, distinct: pd.Series):
    """One column of answers or dates, converted once per distinct value by the
    pipeline's own readers (text columns: :func:`_distinct_text`)."""
    kind = field.kind
    if kind == "likert":
        parsed = _checked(*values.to_likert(distinct), name)
    elif kind == "overall":
        scores, problems, note = values.to_overall_any(distinct, name)
        if note:  # out of 10, or a satisfaction scale: cleaning notes it
            raise _NotPlain(f"{name}: {note}")
        parsed = _checked(scores, problems, name)
    elif kind == "choice":
        parsed = _checked(*values.to_choice(distinct, field.choices), name)
    elif kind == "date":
        text = distinct.str.strip()
        if not text.map(lambda t: bool(_ISO_DATE.fullmatch(t))).all():
            raise _NotPlain(f"{name}: a date that is not YYYY-MM-DD")
        parsed = [values.parse_date(t, True) for t in text]
        if any(p is not None or d is None for d, p in parsed):
            raise _NotPlain(f"{name}: a date that cannot be read")
        days = pd.to_datetime(pd.Series([d for d, _ in parsed], dtype=object)).to_numpy(
            dtype="datetime64[ns]")
        return days[codes]
    else:  # pragma: no cover - the evaluation form has no other kinds
        raise _NotPlain(f"{name}: a {kind} field")
    return pd.Categorical.from_codes(np.asarray(parsed.codes)[codes], dtype=parsed.dtype)


def _themes(improvements: pd.Series, enabled: bool, codes: np.ndarray) -> pd.Series:
    """``improvement_themes``, inferred as the pipeline infers them (once a distinct text).

    ``improvements`` are the distinct answers as read, tidied and redacted, and
    ``codes`` the rows' codes of them (one a distinct answer before tidying and
    redaction: two codes may give one text). The distinct texts are those of
    ``pd.factorize`` of the rows' texts, in its order (of first appearance), found
    from the first row of each code rather than by hashing every row's text.
    """
    rows = len(codes)
    if not enabled:
        return pd.Series(pd.NA, index=pd.RangeIndex(rows), dtype=TEXT_DTYPE)
    from coprod_analysis.themes import bundled_model, classify_texts

    (_, _, which), = EVALUATION_FORM.themes
    model, codebook = bundled_model(which)
    first = np.full(int(codes.max()) + 1 if rows else 0, rows, dtype=np.int64)
    first[codes[::-1]] = np.arange(rows - 1, -1, -1)  # each code's first row
    seen = np.flatnonzero(first < rows)
    seen = seen[np.argsort(first[seen], kind="stable")]  # codes in order of first row
    texts = improvements.array.take(seen)  # each code's text, tidied and redacted
    text_codes, distinct = pd.factorize(texts, use_na_sentinel=True)
    by_code = np.full(len(first), -1, dtype=np.int64)
    by_code[seen] = text_codes
    found = classify_texts([str(t) for t in distinct], model, codebook)
    themes = pd.array([c or pd.NA for c in found] + [pd.NA], dtype=TEXT_DTYPE)
    row_codes = by_code[codes]
    return pd.Series(themes.take(np.where(row_codes < 0, len(found), row_codes)),
                     index=pd.RangeIndex(rows))


__all__ = ["read_cleaned_evaluations"]
