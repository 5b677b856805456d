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
    at the very end of the file are not records."""
    text, _ = decode_bytes(data.replace(b"\x00", b"").removeprefix(b"\xef\xbb\xbf"))
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
