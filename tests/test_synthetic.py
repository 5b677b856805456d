"""Tests for coprod_analysis.synthetic: the sample is reproducible and looks like real exports.

Expected values (row counts, header text, byte markers) are written by hand from
``data/sample/README.md`` and the platform layouts, not copied from a run.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from coprod_analysis.synthetic import (
    ground_truth,
    main,
    write_google_forms_export,
    write_sample_data,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "sample" / "evaluations"
FILES = [
    "surveymonkey-2018.csv",
    "surveymonkey-2018-reexport.csv",
    "msforms-2018-autumn.xlsx",
    "googleforms-2019-spring.csv",
    "paper-forms-2019.csv",
    "jisc-2019-autumn.csv",
]
GRID = "By the end of the session, how far do you agree? [{}]"
GOOGLE_HEADER = [
    "Timestamp",
    "Email address",
    "Q1. Date of the session",
    "Q2. Where did you attend?",
    "Q3. Which best describes you?",
    GRID.format("I understand the patient champion's role"),
    GRID.format("I can define and explain the different levels of co-production"),
    GRID.format("I can outline the benefits of co-production"),
    GRID.format("I can outline the challenges of co-production"),
    GRID.format("I can give examples of co-production"),
    GRID.format("I can carry out a simple critique of initiatives"),
    GRID.format("I can outline the steps to carry out co-production successfully"),
    GRID.format("I feel more confident to get involved in co-production"),
    "Q5. Overall, how would you rate the session?",
    "Q6. One thing you'll take away from the session",
    "Q7. Make a pledge",
    "Q8. How could we improve the session?",
]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> list[Path]:
    return write_sample_data(tmp_path_factory.mktemp("sample"))


def _records(data: bytes, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))


def test_regenerating_reproduces_the_committed_sample_byte_for_byte(regenerated):
    assert [p.name for p in regenerated] == FILES
    for path in regenerated:
        assert path.read_bytes() == (SAMPLE / path.name).read_bytes(), path.name


def test_same_seed_gives_identical_files_and_another_seed_differs(tmp_path, regenerated):
    again = write_sample_data(tmp_path / "again")
    other = write_sample_data(tmp_path / "other", seed=7)
    for first, second, third in zip(regenerated, again, other, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
        assert first.read_bytes() != third.read_bytes(), first.name


def test_sample_files_hold_the_documented_number_of_data_rows():
    # data rows excluding header rows, as listed in data/sample/README.md
    expected = {
        "surveymonkey-2018.csv": ("utf-8", 2, 51),
        "surveymonkey-2018-reexport.csv": ("utf-8", 2, 23),
        "googleforms-2019-spring.csv": ("utf-8", 1, 35),
        "paper-forms-2019.csv": ("cp1252", 1, 23),
        "jisc-2019-autumn.csv": ("utf-8-sig", 1, 35),
    }
    for name, (encoding, headers, rows) in expected.items():
        assert len(_records((SAMPLE / name).read_bytes(), encoding)) == headers + rows, name
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(SAMPLE / "msforms-2018-autumn.xlsx").active
    assert sheet.max_row == 1 + 41


def test_generator_bookkeeping_matches_the_readme_ground_truth():
    # (data rows, blank, duplicate, quarantined, unreadable, PII items), from the README table
    expected = {
        "surveymonkey-2018.csv": (51, 1, 0, 0, 0, 3),
        "surveymonkey-2018-reexport.csv": (23, 0, 13, 0, 0, 2),
        "msforms-2018-autumn.xlsx": (41, 0, 1, 0, 0, 2),
        "googleforms-2019-spring.csv": (35, 0, 0, 0, 0, 3),
        "paper-forms-2019.csv": (23, 2, 0, 3, 3, 2),
        "jisc-2019-autumn.csv": (35, 0, 0, 0, 0, 3),
    }
    truth = ground_truth()
    assert list(truth) == FILES
    for name, kinds in truth.items():
        counts = (kinds["rows"][0][0], *(len(kinds.get(k, [])) for k in
                  ("blank", "duplicate", "quarantine", "unreadable")),
                  sum(len(v) for k, v in kinds.items() if k.startswith("pii:")))
        assert counts == expected[name], name
    paper = truth["paper-forms-2019.csv"]
    assert [row for row, _, _ in paper["blank"]] == [7, 20]
    assert [row for row, _, _ in paper["quarantine"]] == [4, 12, 17]
    assert [(row, col, value) for row, col, value in paper["unreadable"]] == [
        (3, "Critique", "Sometimes"), (15, "Overall", "maybe"), (18, "Steps", "ticked two boxes")]
    assert [row for row, _, _ in truth["msforms-2018-autumn.xlsx"]["duplicate"]] == [25]


def test_surveymonkey_file_has_crlf_and_two_header_rows():
    data = (SAMPLE / "surveymonkey-2018.csv").read_bytes()
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    row1, row2, first = _records(data, "utf-8")[:3]
    assert row1[:3] == ["Respondent ID", "Collector ID", "Start Date"]
    assert row2[:9] == [""] * 9
    assert row2[9:12] == ["Response", "Response", "Response"]
    assert row2[12] == "I understand the patient champion's role"
    assert row2[-1] == "Open-Ended Response"
    assert re.fullmatch(r"\d{11}", first[0])
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d [AP]M", first[2])


def test_reexport_repeats_the_last_session_of_the_first_export_exactly():
    first = _records((SAMPLE / "surveymonkey-2018.csv").read_bytes(), "utf-8")[2:]
    later = _records((SAMPLE / "surveymonkey-2018-reexport.csv").read_bytes(), "utf-8")[2:]
    assert later[:13] == first[38:51]
    assert {r[0] for r in later[13:]}.isdisjoint(r[0] for r in first)


def test_paper_file_is_windows_1252_with_curly_apostrophes_and_crlf():
    data = (SAMPLE / "paper-forms-2019.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\x92" in data
    assert data.startswith(b"Date,Venue,You are,Champion\x92s role,")
    assert b"don\x92t" in data
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n" + b"," * 15 + b"\r\n") == 2  # the two fully blank rows


def test_jisc_file_starts_with_a_utf8_bom():
    data = (SAMPLE / "jisc-2019-autumn.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfResponse ID,Started,Completed,1. Date of the session,")
    assert data.endswith(b"\r\n")


def test_google_forms_sample_quotes_every_field_with_lf_endings():
    data = (SAMPLE / "googleforms-2019-spring.csv").read_bytes()
    assert b"\r" not in data
    assert re.fullmatch(r'(?:"(?:[^"]|"")*"[,\n])*', data.decode("utf-8"))
    assert _records(data, "utf-8")[0] == GOOGLE_HEADER


def test_msforms_workbook_has_real_datetimes_and_decorated_headers():
    openpyxl = pytest.importorskip("openpyxl")
    rows = list(openpyxl.load_workbook(SAMPLE / "msforms-2018-autumn.xlsx").active.values)
    header = rows[0]
    assert header[:6] == ("ID", "Start time", "Completion time", "Email", "Name",
                          "Last modified time")
    assert "I understand the patient champion\u2019s role" in header
    assert any("\u00a0" in h for h in header)
    assert "How far do you agree?.I can give examples of co-production" in header
    assert hasattr(rows[1][1], "hour") and hasattr(rows[1][6], "year")


def test_planted_phone_and_nhs_numbers_are_valid():
    phonenumbers = pytest.importorskip("phonenumbers")
    for number in ("07911 123456", "0113 496 0123", "07723 456789", "0113 496 0456"):
        assert phonenumbers.is_valid_number(phonenumbers.parse(number, "GB")), number
    digits = [int(c) for c in "9434765919"]
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    assert check % 11 == digits[9]


def test_google_forms_export_writes_every_record_quoted(tmp_path):
    path = write_google_forms_export(tmp_path / "big.csv", 500)
    text = path.read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert len(records) == 501
    assert records[0] == GOOGLE_HEADER
    assert {len(r) for r in records} == {17}
    assert re.fullmatch(r'(?:"(?:[^"]|"")*"[,\n])*', text)
    stamp = re.compile(r"\d{4}/\d\d/\d\d \d{1,2}:\d\d:\d\d [AP]M GMT(\+1)?")
    assert all(stamp.fullmatch(r[0]) for r in records[1:])


def test_google_forms_export_is_seeded(tmp_path):
    one = write_google_forms_export(tmp_path / "a.csv", 50, seed=3).read_bytes()
    two = write_google_forms_export(tmp_path / "b.csv", 50, seed=3).read_bytes()
    three = write_google_forms_export(tmp_path / "c.csv", 50, seed=4).read_bytes()
    assert one == two != three


def test_command_line_writes_sample_and_big_export(tmp_path, capsys):
    assert main(["--out", str(tmp_path / "sample"), "--seed", "5"]) == 0
    assert sorted(p.name for p in (tmp_path / "sample" / "evaluations").iterdir()) == sorted(FILES)
    assert main(["--google-forms", "20", "--out", str(tmp_path / "gf.csv")]) == 0
    assert len(list(csv.reader((tmp_path / "gf.csv").open(newline="", encoding="utf-8")))) == 21
    assert "gf.csv" in capsys.readouterr().out
