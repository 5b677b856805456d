"""Fuzzing the reader with mutated real exports.

Hypothesis takes the hand-written exports (every platform, both forms),
damages their bytes (flips, insertions of delimiters, quotes, line breaks and
NULs, deletions, duplicated lines, truncation) and cleans the result. For
every mutant, exactly one of:

- the tool's own one-line error (:class:`CoprodError`), or
- a clean result whose counts reconcile, in total and per file, and in which
  no row was lost: ``rows_read`` equals the number of data records in the file
  as Python's :mod:`csv` module counts them (a different parser from the one
  the tool uses for well-formed files).

Never any other exception.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_analysis import CoprodError, load_evaluations, load_reviews
from coprod_analysis.read.grid import decode_bytes
from tests.conftest import FIXTURES

SOURCES = {
    "googleforms.csv": load_evaluations,
    "surveymonkey.csv": load_evaluations,
    "paper.csv": load_evaluations,
    "jisc.csv": load_evaluations,
    "reviews-surveymonkey.csv": load_reviews,
    "reviews-googleforms.csv": load_reviews,
    "reviews-paper.csv": load_reviews,
}
KEYS = ["rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank"]
SPECIAL = [b",", b";", b'"', b"\n", b"\r", b"\r\n", b"\x00", b"\x92", b"\xc3", b"=", b"\t"]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(SPECIAL)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 40)),
    st.tuples(st.just("repeat_line"), st.floats(0, 1), st.integers(1, 3)),
    st.tuples(st.just("truncate"), st.floats(0.05, 1), st.just(0)),
)


def mutate(data: bytes, mutations: list) -> bytes:
    for kind, where, arg in mutations:
        at = int(where * len(data))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([arg]) + data[at + 1:]
        elif kind == "insert":
            data = data[:at] + arg + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + arg:]
        elif kind == "repeat_line":
            lines = data.split(b"\n")
            line = min(int(where * len(lines)), len(lines) - 1)
            lines[line:line + 1] = [lines[line]] * (arg + 1)
            data = b"\n".join(lines)
        elif kind == "truncate":
            data = data[:at]
    return data


def records_in(data: bytes, delimiter: str) -> int:
    """Records as Python's csv module sees them (the independent count); empty lines
    at the very end of the file are not records, nor empty lines (or lines of
    delimiters and spaces only) above the header."""
    text, _ = decode_bytes(data.replace(b"\x00", b"").removeprefix(b"\xef\xbb\xbf"))
    text = re.sub(r"\A(?:[ \t,;]*(?:\r\n|\n|\r))+", "", text)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    while records and records[-1] == []:
        records.pop()
    return len(records)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(source=st.sampled_from(sorted(SOURCES)), mutations=st.lists(mutation, min_size=1,
                                                                   max_size=4))
def test_mutated_exports_either_clean_and_reconcile_or_fail_with_one_line(source, mutations):
    data = mutate((FIXTURES / source).read_bytes(), mutations)
    load = SOURCES[source]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / source
        path.write_bytes(data)
        try:
            result = load(path)
        except CoprodError as error:
            assert "\n" not in str(error)
            assert source in str(error)
            return
    summary = result.summary
    info = summary["files"][source]
    assert summary["rows_read"] == sum(summary[k] for k in KEYS)
    assert info["rows_read"] == sum(info[k] for k in KEYS)
    assert summary["rows_clean"] == len(result.data)
    header_rows = info["header_rows"]
    assert header_rows == (2 if info["platform"] == "surveymonkey" else 1) or (
        info["platform"] == "surveymonkey" and header_rows == 1)
    delimiter = ";" if "delimited by semicolons" in info["notes"] else (
        "\t" if "delimited by tabs" in info["notes"] else ",")
    assert info["rows_read"] == max(records_in(data, delimiter) - header_rows, 0)


# --- Every reader, fed random bytes, random CSV shapes and random workbooks ---------------
#
# For each: the tool's own one-line error naming the file, or a result that
# reconciles. Never any other exception (an "internal error" to an officer).

READER_SUFFIXES = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods"]
MAGIC = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf",
         b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"<html>"]
QUESTIONS = ["Date of the session", "Where did you attend?", "Which best describes you?",
             "I understand the patient champion's role", "Overall",
             "One thing you'll take away", "How could we improve the session?"]


def _one_line_error_or_grid(path: Path):
    from coprod_analysis.read import read_grid

    try:
        return read_grid(path)
    except CoprodError as error:
        assert "\n" not in str(error) and path.name in str(error)
        return None


def _reconciles_or_one_line_error(path: Path) -> None:
    try:
        result = load_evaluations(path, themes=False)
    except CoprodError as error:
        assert "\n" not in str(error)
        return
    summary = result.summary
    assert summary["rows_read"] == sum(summary[k] for k in KEYS)
    assert summary["rows_clean"] == len(result.data)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(suffix=st.sampled_from(READER_SUFFIXES), magic=st.sampled_from(MAGIC),
       body=st.binary(max_size=3000))
def test_random_bytes_through_every_reader(suffix, magic, body):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        path.write_bytes(magic + body)
        _one_line_error_or_grid(path)
        _reconciles_or_one_line_error(path)


CELL_TEXT = st.one_of(
    st.sampled_from(["", "Agree", "Strongly agree", "-1", "6", "0", "N/A", "20/03/2018",
                     "2018-03-20", "45000", "=SUM(A1)", "+1", "@x", '"quoted"', "a,b", "a;b",
                     "two\nlines", "\r", "\x00", "\ufeff", "caf\u00e9", "\u2019", "  "]),
    st.text(max_size=30),
)


@st.composite
def csv_shapes(draw):
    width = draw(st.integers(1, 9))
    header = [draw(st.sampled_from(QUESTIONS + ["Notes", "", "Overall"])) for _ in range(width)]
    rows = [[draw(CELL_TEXT) for _ in range(width + draw(st.sampled_from([0, 0, 0, -1, 1])))]
            for _ in range(draw(st.integers(0, 12)))]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return header, rows, delimiter, encoding, ending


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(shape=csv_shapes())
def test_random_csv_shapes_reconcile_or_fail_in_one_line(shape):
    header, rows, delimiter, encoding, ending = shape
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=ending)
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shape.csv"
        path.write_bytes(data)
        _one_line_error_or_grid(path)
        _reconciles_or_one_line_error(path)


XLSX_VALUE = st.one_of(
    CELL_TEXT.map(lambda t: "".join(c for c in t if c >= " " or c in "\n\t")),
    st.integers(-10, 100_000), st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from([
        ("raw", ' t="b"><v>1</v>'), ("raw", ' t="e"><v>#DIV/0!</v>'),
        ("raw", "><f>SUM(A1:A2)</f><v>3</v>"),
        ("raw", ' t="str"><f t="array" ref="A1">UPPER("x")</f><v>X</v>'),
        ("raw", ' t="str"><f t="array" ref="A1:B2">1</f>'),
        ("raw", '><f t="dataTable" ref="A1" dt2D="0" dtr="0" r1="A1"/><v>2</v>'),
        ("raw", ' t="s"><v>99</v>'),  # a shared string that does not exist
        ("raw", "><v>not a number</v>"),
    ]),
)


@st.composite
def xlsx_structures(draw):
    cells = {}
    width = draw(st.integers(1, 8))
    for column in range(1, width + 1):
        cells[(1, column)] = draw(st.sampled_from(QUESTIONS + ["Notes"]))
    near = st.tuples(st.integers(2, 15), st.integers(1, 10))
    far = st.tuples(st.sampled_from([1000, 65_536, 1_048_576]),
                    st.sampled_from([1, 100, 16_384]))
    for position in draw(st.lists(st.one_of(near, near, near, far), max_size=25)):
        cells[position] = draw(XLSX_VALUE)
    styles = {p: 1 for p in cells if draw(st.booleans()) and isinstance(cells[p], int)}
    dimension = draw(st.sampled_from([None, "A1", "A1:H15", "A1:XFD1048576", "B2:A1",
                                      "nonsense", "A1:ZZZZ99999999"]))
    return cells, styles, dimension, draw(st.booleans())


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(structure=xlsx_structures())
def test_random_workbook_structures_reconcile_or_fail_in_one_line(structure):
    from tests.workbooks import write_xlsx_parts

    cells, styles, dimension, date1904 = structure
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx_parts(Path(folder) / "book.xlsx", cells, dimension=dimension,
                                date1904=date1904, styles=styles)
        grid = _one_line_error_or_grid(path)
        if grid is not None:
            text = grid.records.to_numpy().ravel().tolist()
            assert not any("object at 0x" in c or "Formula" in c for c in text)
        _reconciles_or_one_line_error(path)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rows=st.lists(st.tuples(st.lists(st.tuples(st.one_of(st.none(), CELL_TEXT, st.integers(
    -5, 50_000)), st.sampled_from([1, 1, 2, 1000])), max_size=6), st.sampled_from(
    [1, 1, 3, 1_048_000])), max_size=8))
def test_random_ods_structures_reconcile_or_fail_in_one_line(rows):
    from tests.workbooks import ods_cell, ods_row, write_ods

    header = ods_row(*(ods_cell(q) for q in QUESTIONS[:5]))
    body = [ods_row(*(ods_cell("".join(c for c in v if c >= " ") if isinstance(v, str)
                               else v, r) for v, r in cells), repeat=times)
            for cells, times in rows]
    with tempfile.TemporaryDirectory() as folder:
        path = write_ods(Path(folder) / "calc.ods", [("Form", [header, *body])])
        _one_line_error_or_grid(path)
        _reconciles_or_one_line_error(path)
