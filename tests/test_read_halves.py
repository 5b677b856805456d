"""A large raw export is parsed in two halves at once (:mod:`coprod_analysis.read.grid`).

``read.grid.row_boundary`` cuts the input after a line break with an even number of
quotes before it (the same function cuts the tables the report reads:
``tests/test_report_cleaned.py``); ``_parsed_in_halves`` parses the two halves in two threads and
refuses (``None``) whenever the halves may not give what the whole gives. Whatever
the input (stray quotes, quoted line breaks, CRLF and lone CR line endings,
semicolons, byte order marks, records short or long of fields, blank lines), the
:class:`~coprod_analysis.read.grid.Grid` read in halves is the one read whole, or the
error is the same one. The threshold is forced down to 0 bytes to test small inputs.
"""

from __future__ import annotations

import codecs
import logging
import threading
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from coprod_analysis.errors import CoprodError
from coprod_analysis.read import grid as grid_module
from coprod_analysis.read.grid import read_csv_grid

REPO = Path(__file__).parent.parent
NEVER = 1 << 62


def read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """``read_csv_grid(path)`` read whole and in halves: each a Grid or the error."""
    results = []
    for threshold in (NEVER, 0):
        monkeypatch.setattr(grid_module, "_SPLIT_FROM", threshold)
        try:
            results.append(read_csv_grid(path))
        except CoprodError as error:
            results.append(error)
    return results[0], results[1]


def assert_same_grid(whole: object, halves: object) -> None:
    if isinstance(whole, CoprodError):
        assert isinstance(halves, CoprodError) and str(halves) == str(whole)
        return
    assert not isinstance(halves, CoprodError), halves
    assert_frame_equal(halves.records, whole.records)
    assert list(halves.record_numbers) == list(whole.record_numbers)
    assert halves.malformed == whole.malformed
    assert halves.encoding == whole.encoding
    assert halves.notes == whole.notes


def whole_table(data: bytes, width: int, delimiter: str = ","):
    return grid_module._arrow_table(pa.py_buffer(data), width, delimiter, threads=True)


def line_ends(data: bytes) -> list[int]:
    """Every place just after a ``\\n`` (where a cut could be) but the very end."""
    return [at + 1 for at, byte in enumerate(data[:-1]) if byte == 0x0A]


def assert_every_cut_is_safe(data: bytes, width: int, delimiter: str = ",") -> int:
    """Cut after every line break: the halves are refused or give the whole's table.
    Returns how many cuts were taken (not refused)."""
    whole = whole_table(data, width, delimiter)
    taken = 0
    for split in line_ends(data):
        if data[split:split + 3] == codecs.BOM_UTF8:
            continue  # row_boundary never cuts there (pyarrow drops a leading BOM)
        halves = grid_module._parsed_in_halves(pa.py_buffer(data), split, width, delimiter,
                                               Path("x.csv"))
        if halves is not None:
            taken += 1
            assert isinstance(whole, pa.Table), (split, whole)
            assert halves.to_pylist() == whole.to_pylist(), split
    return taken


# --- Cutting ------------------------------------------------------------------------


def test_the_cut_is_after_the_first_line_break_past_the_middle_with_even_quotes():
    # 18 bytes: the middle (byte 9) is the comma before x; the next line break (byte
    # 11) has 2 quotes before it.
    data = b'a,b\n"1\n2",x\n"3",y\n'
    assert grid_module.row_boundary(pa.py_buffer(data), smallest=0) == (12, 2)
    assert grid_module.row_boundary(data, smallest=0) == (12, 2)  # bytes as a buffer
    odd = b'a,b\n"1\n2\n3\n4\n5",x\n'  # the middle's line breaks are inside quotes
    assert grid_module.row_boundary(pa.py_buffer(odd), smallest=0) is None


def test_no_cut_in_a_small_input_in_lone_cr_lines_or_before_a_bom(monkeypatch):
    assert grid_module.row_boundary(pa.py_buffer(b"a,b\n1,2\n3,4\n")) is None  # < 4 MiB
    assert grid_module.row_boundary(pa.py_buffer(b"a,b\r1,2\r3,4\r"), smallest=0) is None
    # 23 bytes: the first line break past the middle (byte 11) has a BOM after it.
    bom = b"a,b\n1,2\n3,4\n" + codecs.BOM_UTF8 + b"5,6\n7,8\n"
    assert grid_module.row_boundary(pa.py_buffer(bom), smallest=0) == (19, 0)
    monkeypatch.setattr(grid_module, "_CUT_WITHIN", 4)  # no line break that near
    assert grid_module.row_boundary(pa.py_buffer(b"a,b\n1,2222222\n3,4\n"), smallest=0) is None


def test_the_cut_is_looked_for_within_so_many_bytes_or_line_breaks():
    # 34 bytes, middle 17 (inside the quoted answer): line breaks after it at bytes
    # 21 (1 quote before it) and 29 (2, the first that ends a record).
    data = b'a,b\n"x\n1234\n5678\n9012\n3456",y\n7,8\n'
    assert len(data) == 34 and data[21:22] == data[29:30] == b"\n"
    assert grid_module.row_boundary(data, smallest=0) == (30, 2)
    assert grid_module.row_boundary(data, smallest=0, tries=2) == (30, 2)
    assert grid_module.row_boundary(data, smallest=0, tries=1) is None  # the 2nd break
    assert grid_module.row_boundary(data, smallest=0, within=13) == (30, 2)
    assert grid_module.row_boundary(data, smallest=0, within=12) is None  # byte 29 is past
    # Looked through in pieces: the same cut whatever their size.
    for piece in (1, 2, 3, 7, 64):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(grid_module, "_CUT_PIECE", piece)
            assert grid_module.row_boundary(data, smallest=0) == (30, 2)
            assert grid_module.row_boundary(data, smallest=0, tries=1) is None
            assert grid_module.row_boundary(data, smallest=0, within=12) is None


def first_even_line_break(data: bytes, within: int, tries: int | None) -> tuple[int, int] | None:
    """What ``row_boundary`` should give, worked out byte by byte."""
    middle, seen = len(data) // 2, 0
    for at in range(middle, min(len(data), middle + within)):
        if data[at:at + 1] != b"\n":
            continue
        seen += 1
        if at + 1 >= len(data):
            return None
        quotes = data[:at + 1].count(b'"')
        if quotes % 2 == 0 and data[at + 1:at + 4] != codecs.BOM_UTF8:
            return at + 1, quotes
        if tries is not None and seen >= tries:
            return None
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"a", b",", b'"', b"\n", b"\r\n", codecs.BOM_UTF8, b'""']),
                max_size=40).map(b"".join),
       st.integers(1, 50), st.one_of(st.none(), st.integers(1, 6)), st.integers(1, 9))
def test_the_cut_is_the_first_line_break_past_the_middle_with_even_quotes(data, within, tries,
                                                                          piece):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grid_module, "_CUT_PIECE", piece)
        for given_as in (data, pa.py_buffer(data)):
            cut = grid_module.row_boundary(given_as, smallest=0, within=within, tries=tries)
            expected = first_even_line_break(data, within, tries) if len(data) >= 2 else None
            assert cut == expected


# --- Halves that do not meet at a record's end ---------------------------------------


def test_a_cut_inside_a_quoted_multi_line_last_field_is_refused():
    # 2 fields; the quote in `x"y` is a plain character to a CSV parser, so the line
    # break after `"one` has an even number of quotes before it but is inside quotes.
    data = b'a,b\nx"y,"one\ntwo\nthree"\n1,2\n'
    split = data.index(b"one\n") + 4
    assert data[:split].count(b'"') % 2 == 0
    halves = grid_module._parsed_in_halves(pa.py_buffer(data), split, 2, ",",
                                           Path("x.csv"))
    assert halves is None
    whole = whole_table(data, 2)
    assert whole.to_pylist()[1] == {"f0": 'x"y', "f1": "one\ntwo\nthree"}


def test_a_cut_inside_a_quoted_multi_line_middle_field_is_refused():
    # The first half's last record is then short of fields: irregular, refused.
    data = b'a,b,c\nx"y,"one\ntwo",z\n1,2,3\n'
    split = data.index(b"one\n") + 4
    assert grid_module._parsed_in_halves(pa.py_buffer(data), split, 3, ",",
                                         Path("x.csv")) is None
    assert assert_every_cut_is_safe(data, 3) >= 1


def test_a_cut_inside_quotes_in_crlf_lines_is_refused():
    data = b'a;b\r\nx"y;"one\r\ntwo"\r\n1;2\r\n'
    split = data.index(b"one\r\n") + 5
    assert data[:split].count(b'"') % 2 == 0
    assert grid_module._parsed_in_halves(pa.py_buffer(data), split, 2, ";",
                                         Path("x.csv")) is None
    assert assert_every_cut_is_safe(data, 2, ";") >= 1


def test_an_answer_ending_in_a_line_break_is_read_whole_not_wrongly():
    # Cut after a record whose last cell ends in a line break: it cannot be told from a
    # cut inside quotes, so the input is read whole.
    data = b'a,b\n1,"two\n"\n3,4\n'
    split = data.index(b'"\n3') + 2
    assert grid_module._parsed_in_halves(pa.py_buffer(data), split, 2, ",",
                                         Path("x.csv")) is None


def test_a_record_read_across_the_cut_is_the_record_read_whole(tmp_path, monkeypatch):
    # Every answer has a quoted line break: wherever the cut falls, the record is whole.
    rows = [b"Date,Venue,Comment"] + [
        b'2019-03-0%d,"Hall %d","line one\nline ""two""\r\nline three"' % (n % 9 + 1, n)
        for n in range(40)]
    path = tmp_path / "export.csv"
    path.write_bytes(b"\r\n".join(rows) + b"\r\n")
    assert assert_every_cut_is_safe(path.read_bytes(), 3) >= 40
    whole, halves = read_both(path, monkeypatch)
    assert_same_grid(whole, halves)
    assert halves.records.iloc[40, 2] == 'line one\nline "two"\r\nline three'


def test_the_halves_are_used_and_each_parsed_in_one_thread(tmp_path, monkeypatch):
    rows = [b"a,b"] + [b'%d,"x\ny"' % n for n in range(100)]
    path = tmp_path / "export.csv"
    path.write_bytes(b"\n".join(rows) + b"\n")
    calls = []
    real = grid_module._arrow_table

    def counted(buffer, width, delimiter, threads):
        calls.append((buffer.size, threads))
        return real(buffer, width, delimiter, threads)

    monkeypatch.setattr(grid_module, "_arrow_table", counted)
    whole, halves = read_both(path, monkeypatch)
    assert_same_grid(whole, halves)
    size = path.stat().st_size
    assert calls[0] == (size, True)  # read whole: pyarrow's own threads
    assert sorted(calls[1:]) == sorted([(size - calls[1][0], False), (calls[1][0], False)])
    assert len(calls) == 3 and len(halves.records) == 101


def test_an_irregular_record_in_a_half_means_the_whole_is_parsed(tmp_path, monkeypatch,
                                                                  caplog):
    rows = [b"a,b"] + [b"%d,x" % n for n in range(50)] + [b"1,2,3"] + [b"%d,y" % n
                                                                    for n in range(5)]
    path = tmp_path / "export.csv"
    path.write_bytes(b"\n".join(rows) + b"\n")
    with caplog.at_level(logging.INFO, logger="coprod_analysis.read.grid"):
        whole, halves = read_both(path, monkeypatch)
    assert_same_grid(whole, halves)
    assert halves.malformed == [(51, ["1", "2", "3"])]
    assert list(halves.record_numbers) == [*range(51), *range(52, 57)]
    assert "parsed whole, not in halves" in caplog.text


def test_an_error_in_the_worker_thread_is_raised(tmp_path, monkeypatch):
    path = tmp_path / "export.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 20)
    real = grid_module._arrow_table

    def failing(buffer, width, delimiter, threads):
        if threading.current_thread() is not threading.main_thread():
            raise MemoryError("out of memory")  # in the worker, parsing the second half
        return real(buffer, width, delimiter, threads)

    monkeypatch.setattr(grid_module, "_arrow_table", failing)
    monkeypatch.setattr(grid_module, "_SPLIT_FROM", 0)
    with pytest.raises(MemoryError):
        read_csv_grid(path)


def test_a_pyarrow_error_in_a_half_means_the_whole_is_parsed(tmp_path, monkeypatch):
    path = tmp_path / "export.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 20)
    real = grid_module._arrow_table

    def failing(buffer, width, delimiter, threads):
        if not threads:
            return pa.ArrowInvalid("a half failed")
        return real(buffer, width, delimiter, threads)

    monkeypatch.setattr(grid_module, "_arrow_table", failing)
    whole, halves = read_both(path, monkeypatch)
    assert_same_grid(whole, halves)
    assert len(halves.records) == 21


# --- Hostile inputs, by hand -----------------------------------------------------------


@pytest.mark.parametrize("data", [
    b"a,b\n",  # header only
    b"a,b",  # header only, no line break
    b"a,b\n1,2\n3,4\n5,6\n7,8",
    b"a,b\r1,2\r3,4\r5,6\r",  # lone CR
    b"a,b\r\n1,2\r\n\r\n3,4\r\n5,6\r\n",  # a blank line
    b"a,b\n1,2\n\n\n3,4\n5,6\n",
    b"a,b\n1,2\n3,4\n\n\n",  # blank lines end the file
    b'a,b\n1,"2\n3"\n4,5\n6,"7\n\n8"\n',
    b'a,b\n1,x"y\n3,4\n5,6\n7,8\n',  # a stray quote: odd count, read exactly
    b'a,b\n1,x"y\n3,4\n5,"6\n7,8\n9,10\n',  # two stray quotes
    b'a,b\n1,2,3\n3,4\n5\n7,8\n',  # records long and short of fields
    codecs.BOM_UTF8 + b"a;b\n1;2\n3;4\n5;6\n",
    b"a,b\n1,2\n" + codecs.BOM_UTF8 + b"3,4\n5,6\n",  # a BOM inside the file
    b"a\tb\n1\t2\n3\t4\n5\t6\n",
    "a,b\n1,caf\u00e9\n2,\u20ac\n3,x\n".encode("cp1252"),
    b"a,b\n1,caf\xc3\xa9\n2,\x80\n3,x\n4,y\n",  # mixed UTF-8 and Windows-1252
    b'sep=;\na;b\n1;2\n3;4\n',
    b'a,b\n"1","2"x\n"3","4"\n"5""",6\n',
    b'a,b\n1,"unclosed\n3,4\n5,6\n',
])
def test_hostile_inputs_read_in_halves_as_whole(tmp_path, monkeypatch, data):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    whole, halves = read_both(path, monkeypatch)
    assert_same_grid(whole, halves)


# --- Any input ---------------------------------------------------------------------------

_FIELD_TEXT = st.lists(st.sampled_from(
    ["a", "Fine", " ", ",", ";", "\t", '"', '""', "\n", "\r", "\r\n", "\u00e9", "\u2019",
     "\U0001f600", "\ufeff", "x y"]), max_size=5).map("".join)


@st.composite
def exports(draw) -> tuple[bytes, str]:
    """CSV bytes: quoted and bare fields, any line endings, now and then a stray quote,
    a record short or long of fields, a blank line, a byte order mark."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    width = draw(st.integers(1, 4))
    lines = []
    for _ in range(draw(st.integers(1, 14))):
        shape = draw(st.sampled_from(["ok"] * 8 + ["short", "long", "blank"]))
        count = {"ok": width, "short": max(width - 1, 0), "long": width + 1,
                 "blank": 0}[shape]
        fields = []
        for _ in range(count):
            text = draw(_FIELD_TEXT)
            style = draw(st.sampled_from(["quoted"] * 3 + ["bare"] * 3 + ["stray"]))
            if style == "quoted":
                fields.append('"' + text.replace('"', '""') + '"')
            elif style == "bare":
                bare = "".join(c for c in text if c not in '"\r\n,;\t')
                fields.append(bare)
            else:  # as typed: quotes and line breaks unescaped
                fields.append(text)
        end = draw(st.sampled_from(["\n", "\r\n", "\r", "\n"]))
        lines.append(delimiter.join(fields) + end)
    text = "".join(lines)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    data = text.encode("utf-8")
    if draw(st.integers(0, 5)) == 0:
        data = codecs.BOM_UTF8 + data
    return data, delimiter


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(export=exports())
def test_any_export_read_in_halves_is_the_export_read_whole(tmp_path, monkeypatch, export):
    data, _ = export
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    whole, halves = read_both(path, monkeypatch)
    assert_same_grid(whole, halves)


@settings(max_examples=300, deadline=None)
@given(export=exports())
def test_any_cut_taken_gives_the_whole_table(export):
    """Not only the cut row_boundary picks: after any line break, the halves are
    refused or give exactly the records pyarrow reads from the whole."""
    data, delimiter = export
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    if not body.strip():
        return
    width = grid_module._first_record_width(body.decode("utf-8"), delimiter)
    assert_every_cut_is_safe(body, width, delimiter)


# --- The bundled sample and fixtures -----------------------------------------------------


@pytest.mark.parametrize("path", sorted(
    [*(REPO / "data" / "sample").rglob("*.csv"), *(REPO / "tests" / "fixtures").rglob("*.csv")]),
    ids=lambda p: p.name)
def test_bundled_exports_read_in_halves_as_whole(monkeypatch, path):
    whole, halves = read_both(path, monkeypatch)
    assert_same_grid(whole, halves)
