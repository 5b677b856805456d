"""An independent audit: attacks on every output, each trying to get an identifier out.

Every identifier below is distinctive (``zqaudit``...), so finding it in an
output can only be a leak. Expected values are worked out by hand.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from coprod_analysis.clean.identifiers import shown_headers
from coprod_analysis.cli import main
from coprod_analysis.mapping import identifier_header_kind, identifier_kind, names_a_place
from tests.test_no_identifier_leaks import QUESTIONS, answers, text_of


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def export_with_extra(tmp_path: Path, extra: list[str], cells) -> Path:
    """An evaluation export (6 rows; row 3 quarantined, row 5 a problem) plus extra columns."""
    rows = [QUESTIONS + extra]
    for i in range(6):
        rows.append(answers(i) + [cells(i, k) for k in range(len(extra))])
    return write(tmp_path / "ev.csv", rows)


def clean(tmp_path, export, *more):
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(export), "--out", str(out), "--no-themes",
                 *more]) == 0
    return out


# --- headers are text someone typed -------------------------------------------------

def test_extra_column_headers_with_an_address_or_a_name_are_redacted_everywhere(
        tmp_path, capsys):
    extra = ["Comments for Dr Zqauditson", "Feedback - zqaudit1@example.org",
             "Feedback - zqaudit2@example.org", "Anything else?"]
    export = export_with_extra(tmp_path, extra, lambda i, k: "fine")
    out = clean(tmp_path, export)
    printed = capsys.readouterr()
    written = text_of(out) + printed.out + printed.err
    assert "zqaudit" not in written.lower()
    with (out / "evaluations.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    # By hand: a title and surname -> [name], an address -> [email]; two alike get (2).
    assert header[-5:-1] == ["Comments for Dr [name]", "Feedback - [email]",
                             "Feedback - [email] (2)", "Anything else?"]
    summary = json.loads((out / "summary.json").read_text())
    (info,) = summary["files"].values()
    assert info["columns_unmapped"] == header[-5:-1]
    with (out / "quarantine.csv").open(encoding="utf-8") as handle:
        assert next(csv.reader(handle))[-4:] == header[-5:-1]


def test_a_mapped_header_and_problems_column_are_redacted(tmp_path):
    questions = list(QUESTIONS)
    questions[3] = "I understand the patient champion's role (ask zqaudit@example.org)"
    rows = [questions] + [answers(i) for i in range(6)]
    out = clean(tmp_path, write(tmp_path / "ev.csv", rows))
    assert "zqaudit" not in text_of(out)
    problems = list(csv.DictReader((out / "problems.csv").open(encoding="utf-8")))
    assert [p["column"] for p in problems] == [
        "I understand the patient champion's role (ask [email])"]


def test_keep_text_keeps_headers_as_written(tmp_path):
    export = export_with_extra(tmp_path, ["Feedback - zqaudit@example.org"], lambda i, k: "ok")
    out = clean(tmp_path, export, "--keep-text")
    with (out / "evaluations.csv").open(encoding="utf-8") as handle:
        assert "Feedback - zqaudit@example.org" in next(csv.reader(handle))


def test_worksheet_names_in_notes_are_redacted(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(QUESTIONS)
    for i in range(4):
        sheet.append(answers(i))
    other = book.create_sheet("zqaudit@example.org")
    other.append(["Name", "Phone"])
    other.append(["Someone", "0113 496 0000"])
    path = tmp_path / "ev.xlsx"
    book.save(path)
    out = clean(tmp_path, path)
    assert "zqaudit" not in text_of(out)


def test_shown_headers_never_merge_a_kept_header_with_a_redacted_one():
    # By hand: "Feedback - [email]" is a header as typed; the redacted one must differ.
    got = shown_headers(["Feedback - [email]", "Feedback - zq@example.org"])
    assert got == {"Feedback - [email]": "Feedback - [email]",
                   "Feedback - zq@example.org": "Feedback - [email] (2)"}


# --- false positives that lost data -----------------------------------------------------

@pytest.mark.parametrize("header", ["Name of your group", "Group name", "Name of the session",
                                    "Venue postcode", "Postcode of the venue", "Venue address",
                                    "Version", "Resolution", "Organisation name"])
def test_a_place_or_group_or_plain_word_header_is_not_an_identifier(header):
    assert identifier_header_kind(header) is None
    assert identifier_kind(header, weak=True) is None


@pytest.mark.parametrize("header,kind", [
    ("Your postcode", "postcode"), ("Home postcode", "postcode"), ("Your name", "name"),
    ("What is your postcode?", "postcode"), ("Q1_Version", "device"),
    ("Q1_Resolution", "device"), ("Browser Version", "device"),
    ("Screen Resolution", "device"), ("Home address", "address"),
])
def test_person_headers_stay_identifiers(header, kind):
    assert identifier_header_kind(header) == kind


@pytest.mark.parametrize("header", ["Name of facilitator", "Trainer name",
                                    "Group member name", "Name of your facilitator"])
def test_a_persons_name_by_a_role_is_still_dropped(header):
    assert identifier_kind(header, weak=True) == "identifier"
    assert not names_a_place(header)


def test_group_name_venue_postcode_version_and_resolution_are_kept(tmp_path):
    extra = ["Name of your group", "Venue postcode", "Version", "Resolution"]
    values = ["Meanwood PPG", "LS6", "2.1", "Resolved by phone"]
    export = export_with_extra(tmp_path, extra, lambda i, k: values[k])
    out = clean(tmp_path, export)
    rows = list(csv.DictReader((out / "evaluations.csv").open(encoding="utf-8")))
    assert len(rows) == 5
    assert {h: rows[0][h] for h in extra} == dict(zip(extra, values, strict=True))


def test_a_venue_postcode_column_of_full_postcodes_is_kept_but_a_home_one_is_not(tmp_path):
    extra = ["Venue postcode", "Postcode"]
    export = export_with_extra(tmp_path, extra, lambda i, k: "LS6 2QF")
    out = clean(tmp_path, export)
    with (out / "evaluations.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert "Venue postcode" in header and "Postcode" not in header


# --- coprod themes classify -------------------------------------------------------------

def test_themes_classify_writes_its_text_and_headers_redacted(tmp_path):
    source = write(tmp_path / "in.csv", [
        ["id", "comment", "Notes for zqaudit@example.org"],
        ["1", "Email me at zqaudit2@example.org, the meetings are too short", "Ring Dr Zqauditson"],
        ["2", "No time to attend", "fine"],
    ])
    out = tmp_path / "coded.csv"
    assert main(["themes", "classify", str(source), "--text-column", "comment",
                 "--out", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert "zqaudit" not in out.read_text(encoding="utf-8").lower()
    # By hand: the address and the titled surname are placeholders, the rest as written.
    assert rows[0][:3] == ["id", "comment", "Notes for [email]"]
    assert rows[1][:3] == ["1", "Email me at [email], the meetings are too short",
                           "Ring Dr [name]"]
    assert rows[2][:3] == ["2", "No time to attend", "fine"]


def test_themes_classify_keep_text_writes_as_written(tmp_path):
    source = write(tmp_path / "in.csv", [["comment"], ["Email zqaudit@example.org please"]])
    out = tmp_path / "coded.csv"
    assert main(["themes", "classify", str(source), "--text-column", "comment",
                 "--out", str(out), "--keep-text"]) == 0
    assert "zqaudit@example.org" in out.read_text(encoding="utf-8")


# --- ids built from answers ---------------------------------------------------------------

def test_an_address_typed_into_the_venue_reaches_neither_venue_nor_session_id(tmp_path):
    rows = [QUESTIONS]
    for i in range(6):
        row = answers(i)
        row[1] = "Armley Library, ring 0113 496 0721 or zqvenue@example.org"
        rows.append(row)
    out = clean(tmp_path, write(tmp_path / "ev.csv", rows))
    text = text_of(out)
    assert "zqvenue" not in text and "0721" not in text
    data = list(csv.DictReader((out / "evaluations.csv").open(encoding="utf-8")))
    # By hand: the venue keeps its words, the contact details are placeholders.
    assert data[0]["venue"] == "Armley Library, ring [phone] or [email]"
    assert data[0]["session_id"] == "2019-03-20-armley-library-ring-phone-or-email"


def test_an_address_typed_into_the_group_reaches_neither_group_nor_group_id(tmp_path):
    from tests.test_no_identifier_leaks import REVIEW_QUESTIONS

    rows = [REVIEW_QUESTIONS]
    for _ in range(4):
        rows.append(["Meanwood PPG zqgroup@example.org", "PPG", "01/09/2019", "intermediate",
                     "descriptive", "transformative", "intermediate", "intermediate",
                     "Time", "Meetings are too short", "yes", "no", "yes", "no", "yes", "no"])
    export = write(tmp_path / "rev.csv", rows)
    out = tmp_path / "out"
    assert main(["clean", "reviews", str(export), "--out", str(out), "--no-themes"]) == 0
    assert "zqgroup" not in text_of(out)
    data = list(csv.DictReader((out / "reviews.csv").open(encoding="utf-8")))
    assert {r["group"] for r in data} == {"Meanwood PPG [email]"}


def test_a_stray_address_in_a_scale_cell_of_a_quarantined_row_is_redacted(tmp_path):
    rows = [QUESTIONS]
    for i in range(4):
        row = answers(i)
        row[3] = "ask zqscale@example.org"  # a Likert cell; row 3 has no date: quarantined
        rows.append(row)
    out = clean(tmp_path, write(tmp_path / "ev.csv", rows))
    assert "zqscale" not in text_of(out)
    (row,) = csv.DictReader((out / "quarantine.csv").open(encoding="utf-8"))
    assert row["outcome_role"] == "ask [email]"
    problems = list(csv.DictReader((out / "problems.csv").open(encoding="utf-8")))
    assert {p["raw_value"] for p in problems} == {"ask [email]"}


def test_the_not_an_export_error_shows_its_first_row_redacted(tmp_path, capsys):
    # No header row: the first row is a response, and the error quotes it.
    export = write(tmp_path / "ev.csv", [["Zq Person zqfirst@example.org", "07700 900555", "4"],
                                         ["b", "c", "5"]])
    assert main(["clean", "evaluations", str(export), "--out", str(tmp_path / "o")]) != 0
    printed = capsys.readouterr()
    assert "does not look like" in printed.err
    assert "zqfirst" not in printed.out + printed.err


def test_xlsx_comments_hidden_sheets_and_defined_names_reach_no_output(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.comments import Comment
    from openpyxl.workbook.defined_name import DefinedName

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(QUESTIONS)
    for i in range(4):
        sheet.append(answers(i))
    sheet["A2"].comment = Comment("from zqcomment@example.org", "zqauthor")
    hidden = book.create_sheet("Contacts")
    hidden.sheet_state = "hidden"
    hidden.append(["Email"])
    hidden.append(["zqhidden@example.org"])
    book.defined_names["zqdefined"] = DefinedName("zqdefined", attr_text="Contacts!$A$2")
    path = tmp_path / "ev.xlsx"
    book.save(path)
    out = clean(tmp_path, path)
    report = tmp_path / "report"
    assert main(["report", "--evaluations", str(path), "--out", str(report)]) == 0
    written = text_of(out) + text_of(report)
    assert [w for w in ("zqcomment", "zqauthor", "zqhidden", "zqdefined") if w in written] == []


def test_headers_with_line_breaks_duplicates_blank_or_numbers_leak_nothing(tmp_path, capsys):
    extra = ["Notes\nfor zqbreak@example.org", "Email", "Email", "", "12"]
    values = {0: "fine", 1: "zqdup{i}@example.org", 2: "zqdupb{i}@example.org",
              3: "zqblank{i}@example.org", 4: "07700 900{i:03d}"}
    export = export_with_extra(tmp_path, extra, lambda i, k: values[k].format(i=i))
    out = clean(tmp_path, export)
    report = tmp_path / "report"
    assert main(["report", "--evaluations", str(export), "--out", str(report)]) == 0
    printed = capsys.readouterr()
    written = text_of(out) + text_of(report) + printed.out + printed.err
    assert [w for w in ("zqbreak", "zqdup", "zqblank", "07700 900") if w in written] == []
    with (out / "evaluations.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    # By hand: the note's header keeps its words; the four identifier columns are gone.
    assert header[-2] == "Notes for [email]"
