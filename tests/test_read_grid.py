"""Tests for :mod:`coprod_analysis.read.grid` and :mod:`coprod_analysis.read`.

Reading loses nothing: every cell comes back as the text that was typed
(``NA``, ``None``, ``null`` and ``007`` included), in the right encoding, and
records with the wrong number of fields are set apart, not padded. Bad files
are a one-line :class:`CoprodError` naming the file. Expected values are
written by hand; XLSX fixtures are built here with openpyxl.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.styles import PatternFill

from coprod_analysis.clean.values import parse_date, parse_timestamp
from coprod_analysis.errors import CoprodError
from coprod_analysis.read import find_inputs, read_export, read_grid
from coprod_analysis.read.grid import decode_bytes, read_csv_grid, read_xlsx_grid
from tests.conftest import write_xlsx


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def rows_of(grid) -> list[list[str]]:
    """The grid's well-formed records as plain lists of text."""
    return [[str(c) for c in row] for row in grid.records.itertuples(index=False)]


make_xlsx = write_xlsx


def assert_one_line_error_naming(caught: pytest.ExceptionInfo, path: Path) -> None:
    message = str(caught.value)
    assert path.name in message
    assert "\n" not in message
    assert "Traceback" not in message


# --- decode_bytes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("don\u2019t".encode(), "don\u2019t", "utf-8"),
        (b"plain ascii", "plain ascii", "utf-8"),
        (b"", "", "utf-8"),
        (codecs.BOM_UTF8 + b"a,b", "a,b", "utf-8-sig"),
        (codecs.BOM_UTF8 + "caf\u00e9".encode(), "caf\u00e9", "utf-8-sig"),
        (b"don\x92t", "don\u2019t", "windows-1252"),
        (b"Caf\xe9", "Caf\u00e9", "windows-1252"),
        (b"\x93quoted\x94 \x96 \x80 \xa3", "\u201cquoted\u201d \u2013 \u20ac \u00a3",
         "windows-1252"),
        ("caf\u00e9 ".encode() + b"don\x92t", "caf\u00e9 don\u2019t", "mixed utf-8/windows-1252"),
    ],
)
def test_bytes_are_decoded_utf8_first_then_windows_1252(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


def test_a_bom_never_appears_in_the_decoded_text():
    text, _ = decode_bytes(codecs.BOM_UTF8 + b"don\x92t")
    assert text == "don\u2019t"


@given(st.text())
def test_any_utf8_text_decodes_back_to_itself(text):
    data = text.encode("utf-8")
    if text.startswith("\ufeff"):
        assert decode_bytes(data) == (text[1:], "utf-8-sig")
    else:
        assert decode_bytes(data) == (text, "utf-8")


@given(st.text())
def test_any_utf8_text_with_a_bom_decodes_to_the_text(text):
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))[0] == text


# Windows-1252 characters whose byte is 0x80-0xBF: such a byte can never start
# a UTF-8 sequence, so any text using them is invalid UTF-8 and unambiguous.
CP1252_CONTINUATION_CHARS = "\u2019\u2018\u201c\u201d\u00a3\u2013\u2014\u20ac\u00a9\u00b0\u00bd"


@given(st.text(alphabet="abc XYZ,.;'\"\n019" + CP1252_CONTINUATION_CHARS))
def test_windows_1252_text_is_decoded_exactly(text):
    decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    if any(ord(c) > 127 for c in text):
        assert encoding == "windows-1252"


# --- CSV: encodings -------------------------------------------------------------


def test_a_utf8_csv_is_read_as_text(tmp_path):
    path = write(tmp_path / "a.csv", "Date,Comment\n20/03/2018,don\u2019t \u00e9\n".encode())
    grid = read_csv_grid(path)
    assert rows_of(grid) == [["Date", "Comment"], ["20/03/2018", "don\u2019t \u00e9"]]
    assert grid.encoding == "utf-8"
    assert list(grid.record_numbers) == [0, 1]


def test_a_utf8_csv_with_a_bom_has_no_bom_in_its_first_header(tmp_path):
    path = write(tmp_path / "a.csv", codecs.BOM_UTF8 + b"Response ID,Venue\r\n1,Leeds\r\n")
    grid = read_csv_grid(path)
    assert rows_of(grid) == [["Response ID", "Venue"], ["1", "Leeds"]]
    assert grid.encoding == "utf-8-sig"


def test_a_short_windows_1252_csv_is_read_with_its_curly_apostrophes(tmp_path):
    path = write(tmp_path / "a.csv", b"Take away\r\nI don\x92t feel alone\r\nCaf\xe9\r\n")
    grid = read_csv_grid(path)
    assert rows_of(grid) == [["Take away"], ["I don\u2019t feel alone"], ["Caf\u00e9"]]
    assert grid.encoding == "windows-1252"


def test_a_csv_mixing_utf8_and_windows_1252_reads_both_correctly(tmp_path):
    data = b"Venue,Comment\r\n" + "Caf\u00e9,ok\r\n".encode() + b"Leeds,don\x92t\r\n"
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert rows_of(grid) == [["Venue", "Comment"], ["Caf\u00e9", "ok"],
                             ["Leeds", "don\u2019t"]]
    assert grid.encoding == "mixed utf-8/windows-1252"


def test_a_utf16_csv_with_a_bom_is_read_as_text(tmp_path):
    data = "Venue,Comment\r\nLeeds,don\u2019t\r\n".encode("utf-16")  # BOM + UTF-16
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert rows_of(grid) == [["Venue", "Comment"], ["Leeds", "don\u2019t"]]


def test_the_paper_fixture_is_read_as_windows_1252(fixture_path):
    grid = read_grid(fixture_path("paper.csv"))
    assert grid.encoding == "windows-1252"
    assert grid.records.iloc[1, 12] == "I don\u2019t feel alone"


# --- CSV: layout ------------------------------------------------------------------


def test_a_semicolon_delimited_csv_is_split_on_semicolons(tmp_path):
    data = b'Date;Venue;Comment\r\n20/03/2018;Leeds;"a, b; c"\r\n'
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert rows_of(grid) == [["Date", "Venue", "Comment"], ["20/03/2018", "Leeds", "a, b; c"]]


def test_quoted_newlines_in_headers_and_cells_stay_inside_the_cell(tmp_path):
    data = (b'"Q1.\nDate of the session","Comment"\n'
            b'20/03/2018,"line one\nline two"\n'
            b"21/03/2018,plain\n")
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert rows_of(grid) == [["Q1.\nDate of the session", "Comment"],
                             ["20/03/2018", "line one\nline two"],
                             ["21/03/2018", "plain"]]
    assert list(grid.record_numbers) == [0, 1, 2]


def test_crlf_line_ends_leave_no_carriage_returns_in_cells(tmp_path):
    grid = read_csv_grid(write(tmp_path / "a.csv", b"A,B\r\n1,2\r\n3,4\r\n"))
    assert rows_of(grid) == [["A", "B"], ["1", "2"], ["3", "4"]]


def test_a_quoted_cell_holding_a_bare_carriage_return_is_one_cell(tmp_path):
    data = b'ID,Comment\r\n1,"first\rsecond"\r\n2,ok\r\n'
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert rows_of(grid) == [["ID", "Comment"], ["1", "first\rsecond"], ["2", "ok"]]
    assert grid.malformed == []


def test_rows_with_too_few_or_too_many_fields_are_set_apart_not_padded(tmp_path):
    data = b"A,B,C\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n"
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert rows_of(grid) == [["A", "B", "C"], ["1", "2", "3"], ["10", "11", "12"]]
    assert list(grid.record_numbers) == [0, 1, 4]
    assert grid.malformed == [(2, ["4", "5"]), (3, ["6", "7", "8", "9"])]


def test_malformed_record_numbers_count_records_not_lines(tmp_path):
    # the header spans two lines, so the short row is on line 4 but is record 2
    data = b'"A","B\nB2",C\n1,2,3\n4,5\n6,7,8\n'
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert grid.malformed == [(2, ["4", "5"])]
    assert list(grid.record_numbers) == [0, 1, 3]
    assert rows_of(grid)[2] == ["6", "7", "8"]


def test_a_blank_line_is_a_blank_record_not_a_malformed_one(tmp_path):
    data = b"A,B\r\n1,2\r\n\r\n3,4\r\n"
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert grid.malformed == []
    records = rows_of(grid)
    assert records[0] == ["A", "B"]
    assert records[1] == ["1", "2"]
    assert records[-1] == ["3", "4"]
    # "3,4" is the file's fourth record (0-based 3), as a spreadsheet would number it
    assert list(grid.record_numbers)[-1] == 3
    assert all(cell == "" for row in records[2:-1] for cell in row)


def test_nul_bytes_are_removed_with_a_note(tmp_path):
    grid = read_csv_grid(write(tmp_path / "a.csv", b"A,B\r\n1,2\x00\x00\r\n"))
    assert rows_of(grid) == [["A", "B"], ["1", "2"]]
    assert any("NUL" in note for note in grid.notes)


@pytest.mark.parametrize("answer", ["NA", "None", "null", "NULL", "N/A", "nan", "007", "0",
                                    "-", "#N/A", "TRUE", "1e5", "00123"])
def test_answers_pandas_would_reinterpret_are_kept_exactly_as_typed(tmp_path, answer):
    data = f"ID,Answer\n001,{answer}\n002,\n".encode()
    grid = read_csv_grid(write(tmp_path / "a.csv", data))
    assert rows_of(grid) == [["ID", "Answer"], ["001", answer], ["002", ""]]
    assert not grid.records.isna().any().any()


# --- CSV: files that are not CSV ---------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b"   \n", codecs.BOM_UTF8, b"\x00",
                                  b"\x00\x00\n\x00"])
def test_an_empty_csv_is_a_one_line_error(tmp_path, data):
    path = write(tmp_path / "empty.csv", data)
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_random_bytes_with_a_spreadsheet_name_are_a_one_line_error(tmp_path, suffix):
    noise = random.Random(20240314)
    path = write(tmp_path / f"noise{suffix}", bytes(noise.randrange(256) for _ in range(4096)))
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


def test_a_zip_named_csv_is_a_one_line_error(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("export.csv", "A,B\n1,2\n")
    path = write(tmp_path / "export.csv", buffer.getvalue())
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


def test_a_workbook_named_csv_is_a_one_line_error(tmp_path):
    workbook = make_xlsx(tmp_path / "book.xlsx", [["A", "B"], [1, 2]])
    path = write(tmp_path / "book.csv", workbook.read_bytes())
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


# --- XLSX ------------------------------------------------------------------------


def test_xlsx_date_cells_are_read_as_iso_dates(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [
        ["Date of the session", "Completion time"],
        [dt.datetime(2018, 3, 20), dt.datetime(2018, 3, 20, 10, 2, 11)],
        [dt.date(2024, 4, 3), dt.datetime(2024, 4, 3, 23, 59, 0)],
    ])
    grid = read_xlsx_grid(path)
    assert grid.encoding == "xlsx"
    rows = rows_of(grid)
    assert rows[1][0] == "2018-03-20"
    assert rows[2][0] == "2024-04-03"
    # whatever the text of a date-and-time, it must read back as that moment
    assert parse_timestamp(rows[1][1]) == (dt.datetime(2018, 3, 20, 10, 2, 11), None)
    assert parse_timestamp(rows[2][1]) == (dt.datetime(2024, 4, 3, 23, 59, 0), None)
    assert parse_date(rows[1][0]) == (dt.date(2018, 3, 20), None)


def test_xlsx_whole_numbers_have_no_decimal_point(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [
        ["Respondent ID", "Score", "Half", "Count"],
        [11400000001.0, 4.0, 4.5, 7],
    ])
    assert rows_of(read_xlsx_grid(path))[1] == ["11400000001", "4", "4.5", "7"]


def test_an_xlsx_formula_is_read_as_its_text_and_a_formula_only_row_is_kept(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [
        ["Score", "Comment"],
        [1, "ok"],
        ["=SUM(A1)", None],
        [2, "fine"],
    ])
    grid = read_xlsx_grid(path)
    assert rows_of(grid) == [["Score", "Comment"], ["1", "ok"], ["=SUM(A1)", ""], ["2", "fine"]]
    assert list(grid.record_numbers) == [0, 1, 2, 3]


def test_xlsx_text_answers_are_kept_exactly_as_typed(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [
        ["A", "B", "C", "D", "E"],
        ["NA", "None", "null", "007", "N/A"],
    ])
    assert rows_of(read_xlsx_grid(path)) == [["A", "B", "C", "D", "E"],
                                             ["NA", "None", "null", "007", "N/A"]]


def test_xlsx_trailing_formatted_but_empty_rows_are_dropped(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [["Venue", "Overall"], ["Leeds", "Good"]])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in range(3, 40):
        sheet.cell(row=row, column=1).fill = PatternFill("solid", fgColor="FFFF00")
    sheet.cell(row=60, column=5).fill = PatternFill("solid", fgColor="FFFF00")
    book.save(path)
    grid = read_xlsx_grid(path)
    assert rows_of(grid) == [["Venue", "Overall"], ["Leeds", "Good"]]


def test_an_xlsx_blank_row_between_answers_keeps_the_rows_after_it_numbered(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [["Venue"], ["Leeds"], [None], ["York"]])
    grid = read_xlsx_grid(path)
    assert rows_of(grid) == [["Venue"], ["Leeds"], [""], ["York"]]
    assert list(grid.record_numbers) == [0, 1, 2, 3]


def test_the_microsoft_forms_fixture_keeps_its_dates_ids_and_formula(msforms_xlsx):
    export = read_export(msforms_xlsx)
    assert export.platform == "msforms"
    assert export.cells.index.tolist() == [1, 2, 3, 4, 5]
    assert export.cells.loc[1, "ID"] == "1"
    assert export.cells.loc[1, "Date of the session"].startswith("2018-10-09")
    assert export.cells.loc[5, "How could we improve the session?"] == (
        '=HYPERLINK("http://example.org")')


def test_a_truncated_xlsx_is_a_one_line_error(tmp_path):
    whole = make_xlsx(tmp_path / "whole.xlsx", [["A", "B"], *[[i, "x" * 50] for i in range(200)]])
    data = whole.read_bytes()
    path = write(tmp_path / "cut.xlsx", data[: len(data) // 2])
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


def test_an_empty_xlsx_file_is_a_one_line_error(tmp_path):
    path = write(tmp_path / "empty.xlsx", b"")
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


def test_a_workbook_with_no_data_is_a_one_line_error(tmp_path):
    path = make_xlsx(tmp_path / "blank.xlsx", [])
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


@pytest.mark.parametrize("name", ["export.xls", "export.xlsx"])
def test_a_web_page_with_a_spreadsheet_name_is_a_one_line_error(tmp_path, name):
    page = b"<!DOCTYPE html><html><body><table><tr><td>Venue</td></tr></table></body></html>"
    path = write(tmp_path / name, page)
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


# --- read_grid: choosing the reader ------------------------------------------------


@pytest.mark.parametrize("name", ["export.CSV", "export.txt"])
def test_csv_like_names_are_read_as_csv(tmp_path, name):
    grid = read_grid(write(tmp_path / name, b"A,B\n1,2\n"))
    assert rows_of(grid) == [["A", "B"], ["1", "2"]]


def test_an_xlsx_is_read_by_its_extension(tmp_path):
    grid = read_grid(make_xlsx(tmp_path / "export.XLSX", [["A"], ["x"]]))
    assert rows_of(grid) == [["A"], ["x"]]


def test_an_unsupported_file_type_is_a_one_line_error(tmp_path):
    path = write(tmp_path / "export.pdf", b"%PDF-1.4")
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


def test_a_missing_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "gone.csv"
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


def test_a_folder_named_like_a_csv_is_a_one_line_error(tmp_path):
    path = tmp_path / "folder.csv"
    path.mkdir()
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


@pytest.mark.parametrize(
    ("name", "platform"),
    [
        ("surveymonkey.csv", "surveymonkey"),
        ("googleforms.csv", "googleforms"),
        ("jisc.csv", "jisc"),
        ("paper.csv", "manual"),
    ],
)
def test_each_fixture_export_is_recognised_from_the_file_itself(fixture_path, name, platform):
    assert read_export(fixture_path(name)).platform == platform


def test_surveymonkey_fixture_data_rows_are_numbered_after_both_header_rows(fixture_path):
    export = read_export(fixture_path("surveymonkey.csv"))
    assert export.cells.index[0] == 1
    assert export.cells.loc[1, "Respondent ID"] == "11400000001"


# --- find_inputs -------------------------------------------------------------------


def test_a_folder_gives_its_exports_in_name_order_skipping_lock_and_hidden_files(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ["b-march.csv", "a-feb.xlsx", "c-april.csv", "~$a-feb.xlsx", ".hidden.csv",
                 "readme.md"]:
        write(folder / name, b"A\n1\n")
    (folder / "sub").mkdir()
    write(folder / "sub" / "nested.csv", b"A\n1\n")
    assert [p.name for p in find_inputs([folder])] == ["a-feb.xlsx", "b-march.csv",
                                                        "c-april.csv"]


def test_files_and_folders_can_be_mixed(tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    write(folder / "two.csv", b"A\n1\n")
    one = write(tmp_path / "one.csv", b"A\n1\n")
    assert [p.name for p in find_inputs([str(one), folder])] == ["one.csv", "two.csv"]


def test_a_file_named_twice_is_read_once(tmp_path):
    one = write(tmp_path / "one.csv", b"A\n1\n")
    assert find_inputs([one, tmp_path / "." / "one.csv"]) == [one]


def test_two_files_with_the_same_name_in_different_folders_are_an_error(tmp_path):
    for folder in ("leeds", "york"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder / "export.csv", b"A\n1\n")
    with pytest.raises(CoprodError) as caught:
        find_inputs([tmp_path / "leeds" / "export.csv", tmp_path / "york" / "export.csv"])
    assert "export.csv" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    path = tmp_path / "missing.csv"
    with pytest.raises(CoprodError) as caught:
        find_inputs([path])
    assert_one_line_error_naming(caught, path)


def test_a_folder_with_no_exports_is_an_error(tmp_path):
    write(tmp_path / "notes.md", b"nothing here")
    with pytest.raises(CoprodError):
        find_inputs([tmp_path])


def test_no_inputs_at_all_is_an_error():
    with pytest.raises(CoprodError):
        find_inputs([])


# --- Found in review --------------------------------------------------------------


def test_a_quoted_value_that_never_closes_is_an_error_not_a_swallowed_file(tmp_path):
    path = write(tmp_path / "unclosed.csv",
                 b'Date,Takeaway\n20/03/2018,"never closes\n21/03/2018,fine\n22/03/2018,ok\n')
    with pytest.raises(CoprodError, match="never closed") as caught:
        read_grid(path)
    assert_one_line_error_naming(caught, path)


def test_empty_lines_at_the_end_of_a_csv_are_not_rows(tmp_path):
    path = write(tmp_path / "tail.csv", b"a,b\n1,2\n,\n\n\n")
    grid = read_csv_grid(path)
    # "1,2" and ",": the row of empty cells is a (blank) row; the empty lines are not.
    assert rows_of(grid) == [["a", "b"], ["1", "2"], ["", ""]]


def test_a_tab_file_whose_questions_hold_commas_is_split_on_tabs(tmp_path):
    path = write(tmp_path / "tabs.txt",
                 b"Overall, how was it?\tDate\tVenue\nGood\t20/03/2018\tHub, Leeds\n")
    grid = read_csv_grid(path)
    assert rows_of(grid)[1] == ["Good", "20/03/2018", "Hub, Leeds"]
    assert "delimited by tabs" in grid.notes


def test_a_hidden_sheet_is_skipped_and_sheets_with_data_not_read_are_noted(tmp_path):
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "old"
    hidden.append(["stale"])
    hidden.sheet_state = "hidden"
    current = book.create_sheet("March")
    current.append(["Date", "Overall"])
    current.append(["20/03/2018", "Good"])
    book.create_sheet("April").append(["Date", "Overall"])
    book.create_sheet("empty")
    book.save(tmp_path / "sessions.xlsx")
    grid = read_xlsx_grid(tmp_path / "sessions.xlsx")
    assert rows_of(grid) == [["Date", "Overall"], ["20/03/2018", "Good"]]
    assert grid.notes == ["only the first worksheet was read; these worksheets also hold "
                          "data: April",
                          "these hidden worksheets hold data and were not read: old"]
