"""Hostile and broken input: what happens to each, written down here.

Every case says what the tool does with it. Errors are one line naming the
file, from Python (:class:`CoprodError`) and from the command (exit 1, no
traceback); everything else is read, and its rows reconcile.

| input | behaviour |
|---|---|
| random bytes named .csv | error: not a text CSV file |
| random bytes named .xlsx | error: could not be read as an Excel workbook |
| a truncated XLSX | error: could not be read as an Excel workbook |
| an HTML page saved as .xls | error: a web page saved with a spreadsheet name |
| a workbook saved as Strict Open XML | error: saved as a Strict Open XML Spreadsheet |
| a semicolon-delimited CSV (European Excel) | read; the summary notes the semicolons |
| a file mixing UTF-8 and Windows-1252 bytes | read, each character right; noted |
| NUL bytes | removed (between two letters, a space), every row kept; noted |
| a 100,000-character answer | kept whole |
| 5,000 columns | read; the columns that match no question kept |
| duplicated column headers | both kept, the second as "Header (2)" |
| a header row only | read as 0 responses; empty outputs with headers |
| formula payloads in every text field | every output cell neutralised with a leading ' |
|   (answers are trimmed first, so a leading tab or carriage return goes) | |
| <script> in free text | kept as text in the CSV (HTML-escaping is the report's job) |
| empty lines (CSV) or rows (XLSX) above the header | skipped, noted; the header below read |
| a date and venue merged down a session's rows (XLSX) | every row reads the merged value; noted |
| a column of names under a header that says nothing | dropped as an identifier, by its values |
| an empty value too many in every row (a delimiter ending each line?) | set aside, and said |
| two exports joined in one file, its columns moved | its header row quarantined; rows read by it |
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys

import pandas as pd
import pytest

from coprod_analysis import CoprodError, load_evaluations, load_reviews
from coprod_analysis.output import write_files
from tests.conftest import FIXTURES, write_xlsx

HEADER = ("Date of the session,Where did you attend?,Which best describes you?,"
          "I understand the patient champion's role,Overall,One thing you'll take away,"
          "Make a pledge,How could we improve the session?")
KEYS = ["rows_read", "rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank"]


def counts(result):
    return [result.summary[k] for k in KEYS]


def errors_in_one_line(path, fragment):
    """Python raises CoprodError; the command prints one line and exits 1."""
    with pytest.raises(CoprodError, match=fragment) as caught:
        load_evaluations(path)
    assert "\n" not in str(caught.value) and str(path.name) in str(caught.value)
    done = subprocess.run([sys.executable, "-m", "coprod_analysis", "clean", "evaluations",
                           str(path), "--out", str(path.parent / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert fragment in done.stderr


@pytest.mark.parametrize(("suffix", "fragment"), [
    (".csv", "not a text CSV file"),
    (".xlsx", "could not be read as an Excel workbook"),
])
def test_random_bytes_with_a_spreadsheet_extension(tmp_path, suffix, fragment):
    noise = random.Random(5)
    path = tmp_path / f"export{suffix}"
    path.write_bytes(bytes(noise.randrange(256) for _ in range(20_000)))
    errors_in_one_line(path, fragment)


def test_a_truncated_xlsx(tmp_path):
    whole = write_xlsx(tmp_path / "whole.xlsx",
                       [HEADER.split(","), *[["20/03/2018", "Hub", "Patient", "Agree", "Good",
                                              "x" * 40, "", ""]] * 300])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[:3000])
    errors_in_one_line(cut, "could not be read as an Excel workbook")


def test_an_html_page_saved_as_xls(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text("<!DOCTYPE html><html><body><table><tr><td>Date</td></tr></table>"
                    "</body></html>")
    errors_in_one_line(path, "web page")


def test_a_semicolon_delimited_csv_from_a_european_excel(tmp_path):
    path = tmp_path / "semicolons.csv"
    path.write_text(HEADER.replace(",", ";") + "\n20/03/2018;Hub;Patient;Agree;Good;"
                    "Equal partners, always;Join;More time\n", encoding="utf-8")
    result = load_evaluations(path)
    assert counts(result) == [1, 1, 0, 0, 0]
    assert result.data.iloc[0]["takeaway"] == "Equal partners, always"
    assert any("semicolons" in n for n in result.summary["files"]["semicolons.csv"]["notes"])


def test_a_file_mixing_utf8_and_windows_1252_bytes(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(HEADER.encode() + b"\r\n20/03/2018,Caf\xc3\xa9 Hub,Patient,Agree,Good,"
                     b"I don\x92t know,Join,More time\r\n")
    result = load_evaluations(path)
    row = result.data.iloc[0]
    assert row["venue"] == "Caf\u00e9 Hub"  # UTF-8 bytes
    assert row["takeaway"] == "I don\u2019t know"  # a Windows-1252 byte
    assert result.summary["files"]["mixed.csv"]["encoding"] == "mixed utf-8/windows-1252"


def test_nul_bytes_are_removed_and_every_row_kept(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(HEADER.encode()
                     + b"\n20/03/2018,Seacroft\x00Hub,Patient,Agree,Good,a\x00b,,"
                     b"More time for questions and a longer break please\n"
                     b"21/03\x00/2018,Seacroft Hub,Carer,Agree,Good,,,"
                     b"Smaller groups so that everyone gets a chance to speak\n")
    result = load_evaluations(path)
    assert counts(result) == [2, 2, 0, 0, 0]
    data = result.data
    # between two letters a space (words stay apart: one venue, one session id); inside a
    # date dropped
    assert data["takeaway"].iloc[0] == "a b"
    assert data["venue"].tolist() == ["Seacroft Hub", "Seacroft Hub"]
    assert data["session_date"].astype(str).tolist() == ["2018-03-20", "2018-03-21"]
    assert any(note.startswith("NUL bytes were removed")
               for note in result.summary["files"]["nul.csv"]["notes"])


def test_a_100000_character_answer_is_kept_whole(tmp_path):
    path = tmp_path / "long.csv"
    long_answer = ("All good. " * 10_000)[:100_000]
    path.write_text(f'{HEADER}\n20/03/2018,Hub,Patient,Agree,Good,"{long_answer}",,\n')
    result = load_evaluations(path)
    assert result.data.iloc[0]["takeaway"] == long_answer.strip()


def test_5000_columns(tmp_path):
    path = tmp_path / "wide.csv"
    extra = [f"Extra {i}" for i in range(5000 - len(HEADER.split(",")))]
    values = ["20/03/2018", "Hub", "Patient", "Agree", "Good", "", "", ""]
    path.write_text(",".join([*HEADER.split(","), *extra]) + "\n"
                    + ",".join([*values, *(str(i) for i in range(len(extra)))]) + "\n")
    result = load_evaluations(path)
    assert counts(result) == [1, 1, 0, 0, 0]
    assert len(result.summary["files"]["wide.csv"]["columns_unmapped"]) == len(extra)
    assert result.data.iloc[0]["Extra 4991"] == "4991"


def test_duplicated_column_headers_are_both_kept(tmp_path):
    path = tmp_path / "dupes.csv"
    path.write_text("Date,Overall,Comments,Comments,Confidence\n"
                    "20/03/2018,Good,first,second,Agree\n")
    result = load_evaluations(path)
    row = result.data.iloc[0]
    assert (row["Comments"], row["Comments (2)"]) == ("first", "second")


def test_duplicated_question_columns_use_the_first_and_keep_the_second(tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text("Date,Overall,Overall,Confidence\n20/03/2018,Good,Poor,Agree\n")
    result = load_evaluations(path)
    assert result.data.iloc[0]["overall"] == 4
    assert result.data.iloc[0]["Overall (2)"] == "Poor"
    assert any("also looks like 'overall'" in n
               for n in result.summary["files"]["twice.csv"]["notes"])


def test_a_header_row_only(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text(HEADER + "\n")
    result = load_evaluations(path)
    assert counts(result) == [0, 0, 0, 0, 0]
    written = write_files(tmp_path / "out", result.tables(), {"summary.json": result.summary})
    with open(written[0], newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 and rows[0][:2] == ["response_id", "session_id"]


PAYLOADS = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_payloads_in_every_text_field_are_neutralised_everywhere(tmp_path, payload):
    path = tmp_path / "payload.csv"
    quoted = '"' + payload.replace('"', '""') + '"'
    rows = [
        # kept: payload in venue, every free-text answer and an extra column
        ",".join(["20/03/2018", quoted, "Patient", "Sometimes", "Good", quoted, quoted, quoted,
                  quoted]),
        # quarantined (no date): payload in its raw values
        ",".join(["", quoted, "Carer", "Agree", "Good", quoted, quoted, quoted, quoted]),
    ]
    path.write_text(HEADER + ",Notes\n" + "\n".join(rows) + "\n")
    result = load_evaluations(path, keep_text=True)
    written = write_files(tmp_path / "out", result.tables(), {"summary.json": result.summary})
    cells = 0
    for output in written[:3]:
        with open(output, newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    cells += 1
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (output, cell)
    assert cells > 30
    with open(written[0], newline="", encoding="utf-8") as handle:
        kept = next(csv.DictReader(handle))
    # Answers are trimmed, so a leading tab or carriage return is gone before writing;
    # the raw values in quarantine.csv keep theirs, neutralised (checked above).
    expected = payload.strip() if payload[0] in "\t\r" else "'" + payload
    assert kept["pledge"] == expected


def test_a_script_tag_in_free_text_is_kept_as_text(tmp_path):
    path = tmp_path / "script.csv"
    path.write_text(HEADER + '\n20/03/2018,Hub,Patient,Agree,Good,'
                    '"<script>alert(1)</script>",,\n')
    result = load_evaluations(path)
    assert result.data.iloc[0]["takeaway"] == "<script>alert(1)</script>"


def test_review_exports_get_the_same_treatment(tmp_path):
    """The review form shares the reader: one hostile case of each kind."""
    noise = tmp_path / "reviews.xlsx"
    noise.write_bytes(bytes(random.Random(9).randrange(256) for _ in range(5000)))
    with pytest.raises(CoprodError, match="Excel workbook"):
        load_reviews(noise)
    semicolons = tmp_path / "reviews.csv"
    semicolons.write_text((FIXTURES / "reviews-paper.csv").read_bytes().decode("cp1252")
                          .replace(",", ";").replace('"time; Comms; lack of funding"',
                                                     '"time, Comms, lack of funding"'),
                          encoding="utf-8")
    result = load_reviews(semicolons)
    assert counts(result) == [1, 1, 0, 0, 0]
    assert result.data.iloc[0]["challenges"] == "funding;time;communication"


TYPED = ["Date", "Venue", "Which best describes you?",
         "I understand the patient champion's role", "Overall, how would you rate the session?"]


def typed_lines(tmp_path, rows: list[str]):
    """A typed sheet's CSV: the header of ``TYPED``, quoted, and ``rows`` as written."""
    path = tmp_path / "typed.csv"
    head = ",".join(f'"{h}"' for h in TYPED)
    path.write_text(head + "\r\n" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    return path


def test_empty_lines_above_the_header_of_a_csv_are_skipped(tmp_path):
    path = tmp_path / "typed.csv"
    path.write_bytes(b"\r\n,,,,\r\n" + ",".join(f'"{h}"' for h in TYPED).encode() + b"\r\n"
                     + b"14/03/2019,Seacroft Hub,Patient,Agree,Good\r\n"
                     + b"15/03/2019,Seacroft Hub,Carer,Disagree,Poor\r\n")
    result = load_evaluations(path, themes=False)
    assert counts(result) == [2, 2, 0, 0, 0]
    assert result.data["session_date"].astype(str).tolist() == ["2019-03-14", "2019-03-15"]
    assert result.data["source_row"].tolist() == [1, 2]  # data rows below the header
    (info,) = result.summary["files"].values()
    assert "2 empty lines above the header were skipped" in " ".join(info["notes"])


def test_empty_rows_above_the_header_of_a_workbook_are_skipped(tmp_path):
    path = write_xlsx(tmp_path / "typed.xlsx", [[], [], TYPED,
                                                ["14/03/2019", "Seacroft Hub", "Patient",
                                                 "Agree", "Good"]])
    result = load_evaluations(path, themes=False)
    assert counts(result) == [1, 1, 0, 0, 0]
    assert result.data["outcome_role"].tolist() == [4]


def test_a_date_and_venue_merged_down_a_session_s_rows_are_read_in_every_row(tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(TYPED)
    for i in range(4):  # session 1: rows 2-5, merged; session 2: rows 6-7, merged
        sheet.append([dt.date(2019, 3, 14) if i == 0 else None,
                      "Seacroft Hub" if i == 0 else None, "Patient", "Agree", "Good"])
    for i in range(2):
        sheet.append([dt.date(2019, 4, 2) if i == 0 else None,
                      "Armley Library" if i == 0 else None, "Carer", "Disagree", "Poor"])
    sheet.append(["", "", "", "", ""])
    sheet.merge_cells("A2:A5")
    sheet.merge_cells("B2:B5")
    sheet.merge_cells("A6:A7")
    sheet.merge_cells("B6:B7")
    sheet.merge_cells("C8:E8")  # across columns: left alone
    path = tmp_path / "merged.xlsx"
    book.save(path)
    result = load_evaluations(path, themes=False)
    assert counts(result) == [6, 6, 0, 0, 0]
    assert result.data["session_date"].astype(str).tolist() == ["2019-03-14"] * 4 + [
        "2019-04-02"] * 2
    assert result.data["venue"].tolist() == ["Seacroft Hub"] * 4 + ["Armley Library"] * 2
    (info,) = result.summary["files"].values()
    assert ("merged cells were read as the value of their first cell, as Excel shows "
            "them (4 in column A, 4 in column B)") in info["notes"]


@pytest.mark.parametrize("header", ["Completed by", "Champion", "Attendee", "Enw", "Q7"])
def test_a_column_of_names_is_dropped_whatever_its_header(tmp_path, header):
    names = ["Eilidh MacLeod", "Kerensa Trevithick", "Hope Little", "Grace Field",
             "Tendai Moyo", "John Smith"]
    path = tmp_path / "typed.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*TYPED, header, "Any other comments"])
        for name, comment in zip(names, ["Great day", "More tea", "", "Loved it",
                                         "Mental health", "Seacroft Hub was warm"],
                                 strict=True):
            writer.writerow(["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good", name,
                             comment])
    result = load_evaluations(path, themes=False)
    written = result.data.to_csv() + str(result.summary)
    assert not any(part in written for name in names for part in name.split())
    assert "Any other comments" in result.data.columns  # ordinary answers are kept
    (info,) = result.summary["files"].values()
    assert info["columns_identifiers_dropped"] == [header]


@pytest.mark.parametrize("rows", [
    # a delimiter ending every row but the header ...
    ["14/03/2019,Seacroft Hub,Patient,Agree,Good,", "15/03/2019,Armley,Carer,Disagree,Poor,"],
    # ... cannot be told from a stray comma in every row and an empty last column
    ["14/03/2019,Armley, Leeds,Patient,Agree,", "15/03/2019,Armley, Leeds,Carer,Disagree,"],
])
def test_an_empty_value_too_many_in_every_row_is_set_aside_and_said(tmp_path, rows):
    result = load_evaluations(typed_lines(tmp_path, rows), themes=False)
    assert counts(result) == [2, 0, 2, 0, 0]
    (info,) = result.summary["files"].values()
    assert any("add one at the end of the header line" in n for n in info["notes"])


@pytest.mark.parametrize("rows", [
    # one row with an empty value too many among rows that fit: a value may have moved
    ["14/03/2019,Seacroft,Hub,Patient,Agree,", "15/03/2019,Armley,Carer,Disagree,Poor"],
    # every row with a value too many that is not empty
    ["14/03/2019,Seacroft Hub,Patient,Agree,Good,x", "15/03/2019,Armley,Carer,Disagree,Poor,y"],
])
def test_rows_with_a_value_too_many_that_may_have_moved_are_still_quarantined(tmp_path, rows):
    result = load_evaluations(typed_lines(tmp_path, rows), themes=False)
    wrong = sum(len(r.split(",")) != len(TYPED) for r in rows)
    assert result.summary["rows_quarantined"] == wrong
    assert result.summary["rows_read"] == len(rows)


GOOGLE = ["Timestamp", "Date of the session", "I understand the patient champion's role",
          "I can define and explain the different levels of co-production",
          "Overall, how would you rate the session?", "One thing you'll take away"]


@pytest.mark.parametrize(("reordered", "written"), [
    (False, str), (True, str),
    (True, lambda h: "\ufeff" + h if h == "Timestamp" else h),  # joined with `cat`
    (True, lambda h: h.lower().replace(" ", "  ")),            # typed again
])
def test_two_exports_joined_in_one_file_are_read_by_their_own_headers(
        tmp_path, reordered, written):
    second = [GOOGLE[0], GOOGLE[1], GOOGLE[3], GOOGLE[2], GOOGLE[5], GOOGLE[4]] \
        if reordered else GOOGLE
    path = tmp_path / "joined.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(GOOGLE)
        writer.writerow(["2019/03/14 12:00:00 PM GMT", "14/03/2019", "Agree", "Disagree",
                         "Good", "Learnt a lot"])
        writer.writerow([written(h) for h in second])
        answers = {"I understand the patient champion's role": "Strongly disagree",
                   "I can define and explain the different levels of co-production":
                       "Strongly agree",
                   "Overall, how would you rate the session?": "Very poor",
                   "One thing you'll take away": "Useful day",
                   "Timestamp": "2019/04/02 10:00:00 AM GMT",
                   "Date of the session": "02/04/2019"}
        writer.writerow([answers[h] for h in second])
    result = load_evaluations(path, themes=False)
    assert counts(result) == [3, 2, 1, 0, 0]
    data = result.data
    assert data["outcome_role"].tolist() == [4, 1]
    assert data["outcome_levels"].tolist() == [2, 5]
    assert data["overall"].tolist() == [4, 1]
    assert data["takeaway"].tolist() == ["Learnt a lot", "Useful day"]
    assert result.quarantine["reason_code"].tolist() == ["a header row repeated"]
    assert result.quarantine["source_row"].tolist() == [2]
    (info,) = result.summary["files"].values()
    assert any(n.startswith("1 row repeats the header") for n in info["notes"])


@pytest.mark.parametrize(("codec", "said"), [("utf-16", "utf-16"), ("utf-16-le", "utf-16"),
                                             ("utf-32", "utf-32"), ("utf-8", "utf-8")])
def test_the_summary_says_how_a_wide_file_was_encoded(tmp_path, codec, said):
    path = tmp_path / "typed.csv"
    head = ",".join(f'"{h}"' for h in TYPED)
    path.write_bytes(f"{head}\r\n14/03/2019,Seacroft Hub,Patient,Agree,Good\r\n".encode(codec))
    result = load_evaluations(path, themes=False)
    assert counts(result) == [1, 1, 0, 0, 0]
    assert result.summary["files"]["typed.csv"]["encoding"] == said


def test_a_strict_open_xml_workbook_is_refused_saying_how_to_save_it(tmp_path):
    import zipfile

    plain = write_xlsx(tmp_path / "plain.xlsx", [TYPED, ["14/03/2019", "Seacroft Hub",
                                                         "Patient", "Agree", "Good"]])
    path = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".xml"):  # as Excel's "Strict Open XML" writes them
                data = data.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                    b"http://purl.oclc.org/ooxml/spreadsheetml/main")
            target.writestr(info, data)
    errors_in_one_line(path, "Strict Open XML Spreadsheet")


def test_header_cells_merged_over_two_header_rows_are_left_alone(tmp_path):
    # A SurveyMonkey export saved as a workbook, each one-answer question's header
    # merged down over the second header row, as Excel users do.
    import openpyxl
    from openpyxl.utils import get_column_letter

    from tests.conftest import REPO

    source = REPO / "data" / "sample" / "evaluations" / "surveymonkey-2018.csv"
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    results = []
    for merged in (False, True):
        book = openpyxl.Workbook()
        sheet = book.active
        for row in rows:
            sheet.append(row)
        if merged:
            for j, value in enumerate(rows[1]):
                if not value:
                    sheet.merge_cells(f"{get_column_letter(j + 1)}1:{get_column_letter(j + 1)}2")
        path = tmp_path / f"merged-{merged}.xlsx"
        book.save(path)
        results.append(load_evaluations(path, themes=False))
    plain, merged_result = results
    assert counts(merged_result) == counts(plain)
    assert merged_result.data.drop(columns=["response_id", "source_file"]).equals(
        plain.data.drop(columns=["response_id", "source_file"]))


def test_a_merged_range_fills_neither_spacer_rows_nor_copies_a_comment(tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*TYPED, "Comments"])
    comment = "The room was too cold and the parking was full so we were late"
    sheet.append([dt.date(2019, 3, 14), "Seacroft Hub", "Patient", "Agree", "Good", comment])
    sheet.append([None, None, "Carer", "Agree", "Good", None])
    sheet.append([None, None, None, None, None, None])  # a spacer row inside the range
    sheet.append([dt.date(2019, 4, 2), "Armley", "Patient", "Disagree", "Poor", None])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("B2:B4")
    sheet.merge_cells("F2:F3")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    result = load_evaluations(path, themes=False)
    assert counts(result) == [4, 3, 0, 0, 1]   # the spacer is a blank row, not a response
    assert result.data["venue"].tolist() == ["Seacroft Hub", "Seacroft Hub", "Armley"]
    assert result.data["Comments"].fillna("").tolist() == [comment, "", ""]


@pytest.mark.parametrize(("header", "values"), [
    ("Completed by", ["Patient", "Carer", "Service user", "Patient", "Carer", "Patient"]),
    ("Ward", ["Poppy Ward", "Rosemary Ward", "Willow Ward", "Poppy Ward", "Ward 5", "Ward 5"]),
    ("Building", ["Gledhow Wing", "Bexley Wing", "Bexley Wing", "Gledhow Wing", "", ""]),
    ("Programme", ["Mary Seacole", "Mary Seacole", "Mary Seacole", "", "", ""]),
    ("Month", ["May", "June", "April", "May", "June", "April"]),
    ("Area", ["Chapel Allerton", "Seacroft", "Armley", "Harehills", "Beeston", "Armley"]),
])
def test_an_ordinary_column_is_not_taken_for_names(tmp_path, header, values):
    path = tmp_path / "typed.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*TYPED, header])
        for value in values:
            writer.writerow(["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good", value])
    result = load_evaluations(path, themes=False)
    (info,) = result.summary["files"].values()
    assert info["columns_identifiers_dropped"] == []
    assert header in result.data.columns


def test_a_column_of_surnames_alone_is_dropped(tmp_path):
    path = tmp_path / "typed.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*TYPED, "Who"])
        for value in ["Jones", "Hughes", "Okafor", "Qureshi", "Pickersgill", "Smith"]:
            writer.writerow(["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good", value])
    result = load_evaluations(path, themes=False)
    assert "Who" not in result.data.columns
    assert "Okafor" not in result.data.to_csv()


def test_a_header_naming_a_column_twice_repeated_in_another_order_is_refused(tmp_path):
    path = tmp_path / "joined.csv"
    role = "I understand the patient champion's role"
    path.write_text(f'Date,Venue,Venue,"{role}"\n14/03/2019,A,B,Agree\n'
                    f'Venue,Date,Venue,"{role}"\nX,15/03/2019,Y,Agree\n', encoding="utf-8")
    errors_in_one_line(path, "repeats the header with its columns in another order")


def _rewrite_sheet(path, out, change):
    """Copy the workbook at ``path`` to ``out`` with its first worksheet's XML changed
    by ``change`` (bytes -> bytes)."""
    import zipfile

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            target.writestr(info, data)
    return out


def _rows_reversed(data: bytes) -> bytes:
    """A worksheet's data rows (all but the first) stored last first, numbers kept."""
    import re

    rows = re.findall(rb"<row\b.*?</row>", data, flags=re.S)
    start, end = data.index(rows[0]), data.index(rows[-1]) + len(rows[-1])
    return data[:start] + rows[0] + b"".join(reversed(rows[1:])) + data[end:]


def test_workbook_rows_stored_out_of_order_are_all_read_in_row_order(tmp_path):
    # A program (not Excel) wrote rows 4, 3, 2 after the header. The streaming reader
    # drops a row whose number goes back: two whole responses counted blank, nothing
    # said. By hand: the three rows as typed, in row order, with their own answers.
    rows = [TYPED, ["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good"],
            ["15/03/2019", "Armley Library", "Carer", "Disagree", "Poor"],
            ["16/03/2019", "Seacroft Hub", "Volunteer", "Strongly agree", "Excellent"]]
    plain = write_xlsx(tmp_path / "plain.xlsx", rows)
    path = _rewrite_sheet(plain, tmp_path / "shuffled.xlsx", _rows_reversed)
    result = load_evaluations(path, themes=False)
    assert counts(result) == [3, 3, 0, 0, 0]
    assert result.data["session_date"].astype(str).tolist() == [
        "2019-03-14", "2019-03-15", "2019-03-16"]
    assert result.data["outcome_role"].tolist() == [4, 2, 5]
    assert result.data["source_row"].tolist() == [1, 2, 3]
    (info,) = result.summary["files"].values()
    assert any("stores its rows out of order" in note for note in info["notes"])


def test_a_formula_in_a_workbook_stored_out_of_order_reads_its_saved_value(tmp_path):
    # The formula's saved value is read from the same row, out of order too.
    plain = write_xlsx(tmp_path / "plain.xlsx", [
        TYPED, ["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good"],
        ["15/03/2019", "=B2", "Carer", "Disagree", "Poor"]])

    def saved(data: bytes) -> bytes:  # as Excel saves a formula: its value beside it
        return _rows_reversed(data.replace(b'<c r="B3"><f>B2</f><v />',
                                           b'<c r="B3" t="str"><f>B2</f><v>Seacroft Hub</v>'))

    path = _rewrite_sheet(plain, tmp_path / "shuffled.xlsx", saved)
    result = load_evaluations(path, themes=False)
    assert result.data["venue"].tolist() == ["Seacroft Hub", "Seacroft Hub"]


def test_a_workbook_row_stored_twice_is_a_one_line_error(tmp_path):
    plain = write_xlsx(tmp_path / "plain.xlsx", [
        TYPED, ["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good"],
        ["15/03/2019", "Armley Library", "Carer", "Disagree", "Poor"]])
    path = _rewrite_sheet(plain, tmp_path / "twice.xlsx",
                          lambda data: data.replace(b'<row r="3"', b'<row r="2"'))
    errors_in_one_line(path, "its row 2 is stored twice")


@pytest.mark.parametrize("piece", [7, 64, 1 << 20])
def test_row_order_is_read_whatever_the_pieces_the_sheet_is_read_in(tmp_path, piece):
    # Tags cut by a piece's end are read whole: 200 rows in order, then swapped.
    from coprod_analysis.read.grid import _scan_sheet

    rows = [TYPED] + [["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good"]] * 200
    plain = write_xlsx(tmp_path / "plain.xlsx", rows)
    assert _scan_sheet(plain, "xl/worksheets/sheet1.xml", piece)[0] is True
    path = _rewrite_sheet(plain, tmp_path / "swapped.xlsx", lambda data: data.replace(
        b'<row r="150"', b'<row r="X"').replace(b'<row r="151"', b'<row r="150"').replace(
        b'<row r="X"', b'<row r="151"'))
    assert _scan_sheet(path, "xl/worksheets/sheet1.xml", piece)[0] is False
    # and the merged ranges, found in the same pass
    import openpyxl

    book = openpyxl.load_workbook(plain)
    book.active.merge_cells("A150:A151")
    book.active.merge_cells("B2:C2")
    book.save(tmp_path / "merged.xlsx")
    assert _scan_sheet(tmp_path / "merged.xlsx", "xl/worksheets/sheet1.xml", piece) == (
        True, [(b"A", b"150", b"A", b"151"), (b"B", b"2", b"C", b"2")])


def _with_sheets(path, sheets: list[tuple[str, list[list[str]], str]]):
    """A workbook of ``(title, rows, state)`` worksheets (state "visible"/"hidden")."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows, state in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = state
    book.save(path)
    return path


ONE_RESPONSE = [TYPED, ["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good"]]


def test_a_hidden_worksheet_with_data_is_named_in_a_note(tmp_path):
    path = _with_sheets(tmp_path / "book.xlsx", [("Responses", ONE_RESPONSE, "visible"),
                                                 ("Old", ONE_RESPONSE * 2, "hidden"),
                                                 ("Empty", [], "hidden")])
    result = load_evaluations(path, themes=False)
    assert counts(result) == [1, 1, 0, 0, 0]
    (info,) = result.summary["files"].values()
    assert "these hidden worksheets hold data and were not read: Old" in info["notes"]


def test_the_only_worksheet_with_data_hidden_is_read_and_said(tmp_path):
    path = _with_sheets(tmp_path / "book.xlsx", [("Sheet1", [], "visible"),
                                                 ("Responses", ONE_RESPONSE, "hidden")])
    result = load_evaluations(path, themes=False)
    assert counts(result) == [1, 1, 0, 0, 0]
    (info,) = result.summary["files"].values()
    assert ("no visible worksheet holds data, so this hidden worksheet was read: Responses"
            in info["notes"])


@pytest.mark.parametrize("state", ["visible", "hidden"])
def test_a_cover_sheet_before_the_export_names_the_worksheet_that_holds_it(tmp_path, state):
    path = _with_sheets(tmp_path / "book.xlsx", [
        ("Cover", [["Evaluation responses - see the other tab"]], "visible"),
        ("Responses", ONE_RESPONSE, state)])
    errors_in_one_line(path, "hold data")
    with pytest.raises(CoprodError, match="Responses"):
        load_evaluations(path, themes=False)


def test_links_to_nothing_and_pipes_in_a_folder_are_skipped_by_name(tmp_path):
    # A folder holding an export beside a loop of links, a link to nothing, a pipe and
    # a link to a device, all named .csv: before, they were passed over in silence (and
    # the loop stopped the run with an internal error). Each is skipped, with why; the
    # pipe is never opened (reading it would wait for ever).
    import os

    folder = tmp_path / "exports"
    folder.mkdir()
    typed_lines(folder, ['14/03/2019,Seacroft Hub,Patient,Agree,Good'])
    os.symlink(folder / "loop2.csv", folder / "loop1.csv")
    os.symlink(folder / "loop1.csv", folder / "loop2.csv")
    os.symlink(folder / "gone.csv", folder / "dangling.csv")
    os.mkfifo(folder / "pipe.csv")
    os.symlink("/dev/null", folder / "device.csv")
    result = load_evaluations(folder, themes=False)
    assert counts(result) == [1, 1, 0, 0, 0]
    link = "is a link to nothing (its target is missing, or the link points to itself)"
    device = "is not a regular file (a device or a pipe)"
    assert result.summary["files_skipped"] == {
        "dangling.csv": link, "device.csv": device, "loop1.csv": link, "loop2.csv": link,
        "pipe.csv": device}
    written = write_files(tmp_path / "out", result.tables(), {"summary.json": result.summary},
                          protect=[p for p in folder.iterdir()])
    assert {p.name for p in written} >= {"evaluations.csv", "summary.json"}


def test_a_folder_of_links_to_nothing_alone_says_so(tmp_path):
    import os

    folder = tmp_path / "exports"
    folder.mkdir()
    os.symlink(folder / "gone.csv", folder / "dangling.csv")
    errors_in_one_line(folder, "is a link to nothing")


def test_ods_rich_text_is_read_in_the_order_it_is_written(tmp_path):
    # LibreOffice stores a bold word or a link inside a cell as nested text:span and
    # text:a: a child's text comes before its tail. Read the other way round, "Thanks
    # to Margaret Okonkwo for chairing" became "Thanks to Margaret  for chairingOkonkwo"
    # and redaction left the surname in. A cell's comment (office:annotation) is not
    # its text.
    from coprod_analysis.read.sheets import read_ods_grid
    from tests.workbooks import ods_row, write_ods

    def cell(xml: str) -> str:
        return f'<table:table-cell office:value-type="string">{xml}</table:table-cell>'

    path = write_ods(tmp_path / "typed.ods", [("Sheet1", [
        ods_row(*(cell(f"<text:p>{h}</text:p>") for h in ["Comment", "Other"])),
        ods_row(cell('<text:p>Thanks to <text:span text:style-name="T1">Margaret <text:span '
                     'text:style-name="T2">Okonkwo</text:span></text:span> for chairing'
                     '</text:p>'),
                cell('<office:annotation><text:p>typed by JB</text:p></office:annotation>'
                     '<text:p>Email <text:a><text:span>jo'
                     '<text:s/>@</text:span>x.org</text:a> now</text:p>'
                     '<text:p>second<text:tab/>line</text:p>'))])])
    grid = read_ods_grid(path)
    assert grid.records.iloc[1].tolist() == ["Thanks to Margaret Okonkwo for chairing",
                                             "Email jo @x.org now\nsecond\tline"]


def test_serial_number_dates_in_a_1904_workbook_are_read_in_its_system(tmp_path):
    # A Mac Excel workbook in the 1904 date system, dates typed as plain numbers
    # (General format). By hand: 1 January 1904 to 1 January 2024 is 120 years of 365
    # days and 30 leap days (1904 to 2020), 43830 days; 43903 is 73 days later, 14
    # March 2024 (31 + 29 + 13). Read in the 1900 system it was four years and a day
    # out. The submission time 43903.4167 keeps its time of day: 0.4167 of a day is
    # 36002.88 s, 10:00:03.
    import openpyxl

    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(["Timestamp", "Date of the session", "Where did you attend?",
                  "Overall, how would you rate the session?"])
    sheet.append([43903.4167, 43903, "Seacroft Hub", "Good"])
    path = tmp_path / "mac.xlsx"
    book.save(path)
    result = load_evaluations(path, themes=False)
    assert result.data["session_date"].astype(str).tolist() == ["2024-03-14"]
    assert result.data["submitted_at"].astype(str).tolist() == ["2024-03-14 10:00:03"]


def test_a_serial_number_submission_time_keeps_its_time_of_day(tmp_path):
    # 45365.416748 days from 30 December 1899: 14 March 2024, and 0.416748 of a day is
    # 36007.0 seconds, 10:00:07.
    path = tmp_path / "saved.csv"
    path.write_text('"Timestamp","Date of the session","Where did you attend?",'
                    '"Overall, how would you rate the session?"\n'
                    '"45365.416748","14/03/2024","Seacroft Hub","Good"\n', encoding="utf-8")
    result = load_evaluations(path, themes=False)
    assert result.data["submitted_at"].astype(str).tolist() == ["2024-03-14 10:00:07"]


@pytest.mark.parametrize(("role", "overall", "expected"), [
    ("Cytuno'n gryf / Strongly agree", "Da / Good", (5, 4)),  # bilingual, NHS Wales
    ("Anghytuno'n gryf", "Gwael iawn", (1, 1)),  # Welsh alone
    ("Ddim yn cytuno nac yn anghytuno / Neither agree nor disagree", "Gweddol / Fair", (3, 3)),
    ("Cytuno / Strongly agree", "Da iawn / Very good", (None, 5)),  # halves disagree: a problem
    # no space round the slash, as typed by hand (session 15: emptied as unreadable)
    ("Strongly agree/Cytuno'n gryf", "Da/Good", (5, 4)),
    ("Cytuno/Strongly agree", "Gwael iawn/Very poor", (None, 1)),
])
def test_welsh_and_bilingual_answers_are_read(tmp_path, role, overall, expected):
    # Before, every such answer was unreadable and emptied (72 of 72 in an attacker's file).
    path = tmp_path / "cy.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([
            ["Timestamp", "Dyddiad y sesiwn / Date of the session",
             "I understand the patient champion's role",
             "Yn gyffredinol, sut fyddech chi'n graddio'r sesiwn? / Overall, how would you "
             "rate the session?"],
            ["2024/03/14 10:00:07", "14/03/2024", role, overall]])
    result = load_evaluations(path, themes=False)
    got = result.data[["outcome_role", "overall"]].iloc[0].tolist()
    assert [None if pd.isna(v) else int(v) for v in got] == list(expected)
    if expected[0] is None:
        assert "its two halves say different things" in result.problems["problem"].iloc[0]


def test_a_workbook_with_a_password_is_refused_saying_so(tmp_path):
    # Excel saves a workbook with a password as an encrypted package in a compound
    # file: it was called "an old Excel .xls workbook ... damaged" (XLRDError).
    import shutil

    from tests.conftest import FIXTURES

    path = tmp_path / "evaluations.xlsx"
    shutil.copy(FIXTURES / "platforms" / "password-protected.xlsx", path)
    errors_in_one_line(path, "protected with a password")


@pytest.mark.parametrize(("tail", "note"), [
    (b"\x00" * 64, "64 zero bytes at the end of the file (a save cut short?) were removed"),
    (b"\x1a", "an old end-of-file mark after the last line was removed"),
])
def test_zero_bytes_or_an_end_of_file_mark_after_the_last_line_are_removed(tmp_path, tail,
                                                                             note):
    # 64 zero bytes were "not a text CSV file (binary data)"; a Ctrl-Z was a row with
    # the wrong number of values, quarantined.
    path = typed_lines(tmp_path, ["14/03/2019,Seacroft Hub,Patient,Agree,Good",
                                  "15/03/2019,Seacroft Hub,Carer,Disagree,Poor"])
    path.write_bytes(path.read_bytes() + tail)
    result = load_evaluations(path, themes=False)
    assert counts(result) == [2, 2, 0, 0, 0]
    (info,) = result.summary["files"].values()
    assert note in info["notes"]


def test_a_large_workbook_stored_out_of_order_is_refused_not_read_whole(tmp_path,
                                                                        monkeypatch):
    # Read whole, openpyxl keeps an object a cell: past a limit the file is refused in
    # one line saying how to mend it (here the limit is lowered to 10 cells).
    from coprod_analysis.read import grid

    monkeypatch.setattr(grid, "MAX_UNORDERED_CELLS", 10)
    rows = [TYPED, ["14/03/2019", "Seacroft Hub", "Patient", "Agree", "Good"],
            ["15/03/2019", "Armley Library", "Carer", "Disagree", "Poor"]]
    plain = write_xlsx(tmp_path / "plain.xlsx", rows)
    path = _rewrite_sheet(plain, tmp_path / "shuffled.xlsx", _rows_reversed)
    with pytest.raises(CoprodError, match="out of order and is too large"):
        load_evaluations(path, themes=False)


def test_worksheet_names_in_notes_are_redacted_as_names_standing_alone(tmp_path):
    # A hidden sheet named after a person whose surname is a place's word: the rules
    # for a sentence keep "Amy Hill"; as a name standing alone it is a name.
    path = _with_sheets(tmp_path / "book.xlsx", [("Responses", ONE_RESPONSE, "visible"),
                                                 ("Amy Hill", ONE_RESPONSE, "hidden"),
                                                 ("Karen Street 07700 900461",
                                                  ONE_RESPONSE, "hidden")])
    result = load_evaluations(path, themes=False)
    (info,) = result.summary["files"].values()
    assert ("these hidden worksheets hold data and were not read: [name], [name] [phone]"
            in info["notes"])


@pytest.mark.parametrize(("answer", "expected"), [
    ("Gofalwr / Carer", "Carer"), ("Claf / Patient", "Patient"), ("Arall / Other", "Other"),
    ("Other / Carer", None), ("Staff (GP) / Patient", None),  # two answers: not one read
])
def test_a_respondent_type_in_two_languages_is_read_where_both_halves_agree(answer, expected):
    from coprod_analysis.clean.values import parse_respondent_type

    assert parse_respondent_type(answer)[0] == expected


def test_hidden_worksheets_of_an_old_xls_workbook_are_named_or_read(tmp_path):
    # As for XLSX: a hidden sheet with data is named in a note; read when no visible
    # sheet has data (before, passed over in silence).
    import xlwt

    def book(path, sheets):
        workbook = xlwt.Workbook()
        for name, rows, hidden in sheets:
            sheet = workbook.add_sheet(name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    sheet.write(r, c, value)
            sheet.visibility = 1 if hidden else 0
        workbook.save(str(path))
        return path

    both = book(tmp_path / "both.xls", [("Responses", ONE_RESPONSE, False),
                                         ("Old", ONE_RESPONSE, True)])
    (info,) = load_evaluations(both, themes=False).summary["files"].values()
    assert "these hidden worksheets hold data and were not read: Old" in info["notes"]
    only = book(tmp_path / "only.xls", [("Cover", [], False), ("Responses", ONE_RESPONSE, True)])
    result = load_evaluations(only, themes=False)
    assert counts(result) == [1, 1, 0, 0, 0]
    (info,) = result.summary["files"].values()
    assert ("no visible worksheet holds data, so this hidden worksheet was read: Responses"
            in info["notes"])


@pytest.mark.parametrize(("sent", "session", "expected", "decided_by"), [
    # A US-locale sheet: every session date could be either order ("3/5/2024"), and the
    # forms were sent on 13 to 15 March (the timestamps say month-first themselves).
    # Read day-first (the UK default), each session was on 3 May, after its form was
    # sent, which cannot be; read month-first, on 5 March. By hand: 5 March 2024.
    (["3/13/2024 14:01:00", "3/14/2024 14:01:01", "3/15/2024 14:01:02"], "3/5/2024",
     "2024-03-05", "submission"),
    # 03/04/2024 sent on 3 and 5 April: day-first (3 April) is on or before; month-first
    # (4 March) a month before, which can be too. The UK default stands.
    (["2024/04/03 14:01:00", "2024/04/05 14:01:00"], "03/04/2024", "2024-04-03", "default"),
    # A session on 12 January ("12/01/2024"), its paper forms typed in on 15 and 16
    # December: month-first (1 December) "fits" two weeks before, but day-first is
    # before them too (a long gap can be: forms typed in later), so nothing says
    # day-first is wrong (a reader's attack on the first version of the rule).
    (["15/12/2024 10:00:00", "16/12/2024 10:00:00"], "12/01/2024", "2024-01-12", "default"),
])
def test_session_dates_either_order_are_read_as_the_submission_times_show(
        tmp_path, sent, session, expected, decided_by):
    path = tmp_path / "dates.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(
            [["Timestamp", "Date of the session", "Where did you attend?",
              "Overall, how would you rate the session?"]]
            + [[when, session, "Seacroft Hub", "Good"] for when in sent])
    result = load_evaluations(path, themes=False)
    assert result.data["session_date"].astype(str).tolist() == [expected] * len(sent)
    (info,) = result.summary["files"].values()
    assert info["date_order"]["Date of the session"]["decided_by"] == decided_by
