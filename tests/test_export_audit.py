"""What an audit of real export layouts found reaching the outputs (session 17).

Each test writes a Google Forms export the way the audit did (the project's own
questions, made-up people), cleans it with the command an officer runs, and
searches every file written and everything printed for the identifiers planted.
Expected values are worked out by hand.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from coprod_analysis.cli import main
from coprod_analysis.mapping import identifier_header_kind
from coprod_analysis.vocab import OUTCOME_FIELDS

#: The form's eight outcome statements, as the form asks them.
STATEMENTS = [field.question for field in OUTCOME_FIELDS]
DATE_QUESTION = "Date of the session"
OVERALL_QUESTION = "Overall, how would you rate the session?"


def write_export(path: Path, rows: int = 10, *, date_header: str = DATE_QUESTION,
                 overall_header: str = OVERALL_QUESTION, dates: list[str] | None = None,
                 overall: list[str] | None = None,
                 extra: dict[str, list[str]] | None = None) -> Path:
    """A Google Forms CSV of ``rows`` responses; ``extra`` adds columns after the form's."""
    extra = extra or {}
    header = ["Timestamp", date_header, "Where did you attend?", "Which best describes you?",
              *(f"By the end of the session, how far do you agree? [{s}]" for s in STATEMENTS),
              overall_header, "One thing you'll take away from the session",
              "How could we improve the session?", *extra]
    lines = [header]
    for i in range(rows):
        lines.append([f"2019/03/14 12:{10 + i:02d}:11 PM GMT",
                      (dates or ["14/03/2019"] * rows)[i], "Seacroft Hub", "Carer",
                      *["Agree"] * 8, (overall or ["4"] * rows)[i], "Listening matters.", "",
                      *(values[i] for values in extra.values())])
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\r\n").writerows(lines)
    return path


def clean(tmp_path: Path, export: Path, capsys) -> str:
    """Clean ``export`` into ``tmp_path/out``; everything written and printed, as text."""
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(export), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))
    return written + printed.out + printed.err


def test_a_date_cell_that_goes_on_is_quoted_as_its_date_alone(tmp_path, capsys):
    # the note on how the dates were read quoted the whole cell that decided the
    # order: the name, phone number and e-mail address typed after the date with it
    dates = ["14/03/2019 - Sarah Quillfeather, 07700 900461, sq@example.org"] + \
        ["15/03/2019"] * 9
    text = clean(tmp_path, write_export(tmp_path / "export.csv", dates=dates), capsys)
    for planted in ("Quillfeather", "900461", "sq@example.org"):
        assert planted not in text
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    why = summary["files"]["export.csv"]["date_order"][DATE_QUESTION]["why"]
    assert why == f"column {DATE_QUESTION!r}: '14/03/2019' can only be day-first"


def test_a_header_naming_a_person_is_redacted_in_the_date_and_scale_notes(tmp_path, capsys):
    # columns_mapped showed such a header redacted; the date order (its key, its
    # reason, the printed line) and the out-of-10 note quoted it as typed
    date_header = "Date of the session (ask Sarah Quillfeather on 07700 900461 if unsure)"
    overall_header = "Overall, how would you rate the session out of 10? (to sq@example.org)"
    export = write_export(tmp_path / "export.csv", date_header=date_header,
                          overall_header=overall_header,
                          overall=["9", "10", "7", "8", "10", "6", "9", "8", "10", "7"])
    text = clean(tmp_path, export, capsys)
    for planted in ("Quillfeather", "900461", "sq@example.org"):
        assert planted not in text
    assert "out of 10" in text  # the note is still there, its header redacted


@pytest.mark.parametrize(("header", "kind"), [
    ("DoB", "date_of_birth"),
    ("DOB (dd/mm/yyyy)", "date_of_birth"),
    ("Age/DOB", "date_of_birth"),
    ("Patient DOB", "date_of_birth"),
    ("Born", "date_of_birth"),
    ("When were you born?", "date_of_birth"),
    ("Dyddiad geni", "date_of_birth"),
    ("Geburtsdatum", "date_of_birth"),
    ("Pt ID", "hospital_number"),
    ("Service user ID", "respondent_id"),
    ("Browser (user agent)", "device"),
    ("Initials of respondent", "name"),
    ("Submitted by", "respondent_id"),
    # the forms' own questions, and questions that only sound alike, are not
    ("Date of the session", None),
    ("Were you born in the UK?", None),
    ("Which best describes you?", None),
    ("Completed by", None),  # told by its values: it may hold "Patient" or "Carer"
])
def test_identifier_headers_in_the_spellings_the_audit_found(header, kind):
    assert identifier_header_kind(header) == kind


def test_a_date_of_birth_column_headed_dob_never_reaches_an_output(tmp_path, capsys):
    births = [f"{d:02d}/07/1966" for d in range(11, 21)]
    export = write_export(tmp_path / "export.csv", extra={"DoB": births,
                                                          "Pt ID": [f"RR8{i:07d}" for i in
                                                                    range(10)]})
    text = clean(tmp_path, export, capsys)
    assert not any(b in text for b in births)
    assert "RR8" not in text


def test_a_note_naming_the_platform_keeps_its_name(tmp_path):
    # "Qualtrics", a word nobody's list knew, was taken for a person's name in notes
    from coprod_analysis import redact

    note = "'Where did you attend?' holds Qualtrics choice numbers (1, 2)"
    assert redact(note) == note
    assert redact("We filled it in on SurveyMonkey") == "We filled it in on SurveyMonkey"


def test_a_name_typed_for_an_answer_is_a_name_in_quarantine_and_problems(tmp_path, capsys):
    # names the sentence rules keep alone (a given name that is a word, a surname that
    # is a place's word or shaped as one) were written as typed; and the reason quoting
    # a date cell was redacted otherwise than the cell itself
    path = tmp_path / "typed.csv"
    path.write_text("Date,Venue,You are,Overall,Confidence\n"
                    "Dawn Hill,Seacroft Hub,Carer,Good,Agree\n"
                    "Eilidh MacLeod,Seacroft Hub,Carer,Good,Agree\n"
                    "Zebedee Smith 07700 900123,Seacroft Hub,Carer,Good,Agree\n"
                    "14/03/2019,Seacroft Hub,Hope Little,Good,Agree\n", encoding="utf-8")
    text = clean(tmp_path, path, capsys)
    for planted in ("Dawn", "Eilidh", "MacLeod", "Zebedee", "Smith", "900123", "Hope",
                    "Little"):
        assert planted not in text
    with (tmp_path / "out" / "quarantine.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["session_date"] for r in rows] == ["[name]", "[name]", "[name] [phone]"]
    assert "the session date '[name] [phone]' could not be read" in rows[2]["reason"]


def test_the_officers_own_venue_and_mapping_file_are_redacted(tmp_path, capsys):
    export = write_export(tmp_path / "export.csv")
    mapping = tmp_path / "mapping from jo.quill@example.org.csv"
    mapping.write_text("column,field\nDate of the session,session_date\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(export), "--out", str(out), "--mapping",
                 str(mapping), "--venue", "Home visit, Mrs Quillfeather, 07700 900999"]) == 0
    printed = capsys.readouterr()
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir())) \
        + printed.out + printed.err
    for planted in ("jo.quill@example.org", "Quillfeather", "900999"):
        assert planted not in text


def test_columns_of_names_written_the_nhs_way_never_reach_an_output(tmp_path, capsys):
    # "SMITH John", "Mrs A KHAN", "Smith J" under headers that say nothing ("Completed
    # by", "Patient", "Facilitator"): the surnames reached evaluations.csv
    surnames = ["QUILLFEATHER", "ZANTOVSKA", "OKONKWO", "MAHMOOD", "FRASER", "NGUYEN",
                "TAYLOR", "PATEL", "KHAN", "WOOD"]
    given = ["John", "Aisha", "Mary", "Sunil", "Rob", "Lucy", "Hoa", "Ciara", "Pat", "Kamran"]
    export = write_export(tmp_path / "export.csv", extra={
        "Completed by": [f"{s} {g}" for s, g in zip(surnames, given, strict=True)],
        "Patient": [f"Mrs {g[0]} {s}" for s, g in zip(surnames, given, strict=True)],
        "Facilitator": [f"{s.title()} {g[0]}" for s, g in zip(surnames, given, strict=True)]})
    text = clean(tmp_path, export, capsys)
    for surname in surnames:
        assert surname not in text and surname.title() not in text


def test_qualtrics_meta_info_and_its_link_never_reach_an_output(tmp_path, capsys):
    # the meta-info question as Qualtrics names it by default ("Click to write the
    # question text"), known by its ImportIds, and Q_URL, whose personal link carries an
    # e-mail address written "%40"
    sample = Path(__file__).resolve().parents[1] / "data/sample/platforms/qualtrics-2024.csv"
    with sample.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    extra = [("Browser_info_Version", "Click to write the question text - Version",
              '{"ImportId":"QID10_VERSION"}', "120.0.6099.{}"),
             ("Browser_info_Resolution", "Click to write the question text - Resolution",
              '{"ImportId":"QID10_RESOLUTION"}', "19{:02d}x1080"),
             ("Q_URL", "Q_URL", '{"ImportId":"Q_URL"}',
              "https://leeds.eu.qualtrics.com/jfe/form/SV_x?email=zq{}%40example.org")]
    out_rows = [row + [e[i] for e in extra] if i < 3 else
                row + [e[3].format(i) for e in extra] for i, row in enumerate(rows)]
    export = tmp_path / "qualtrics.csv"
    with export.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(out_rows)
    text = clean(tmp_path, export, capsys)
    assert "120.0.6099" not in text and "x1080" not in text
    assert "%40example.org" not in text and "qualtrics.com/jfe" not in text


def test_one_ten_among_five_point_answers_is_unreadable_not_a_change_of_scale(tmp_path, capsys):
    # a single "10" made the whole column "out of 10": every 5 read as 3, every 4 as 2,
    # and "Good", "Very good" unreadable
    overall = ["Good", "5", "4", "Very good", "10", "3", "Good", "5", "4", "Excellent"]
    clean(tmp_path, write_export(tmp_path / "export.csv", overall=overall), capsys)
    with (tmp_path / "out" / "evaluations.csv").open(encoding="utf-8") as f:
        read = [r["overall"] for r in csv.DictReader(f)]
    # Good 4, 5, 4, Very good 5, (10 unreadable), 3, Good 4, 5, 4, Excellent 5
    assert read == ["4", "5", "4", "5", "", "3", "4", "5", "4", "5"]
    with (tmp_path / "out" / "problems.csv").open(encoding="utf-8") as f:
        assert [r["raw_value"] for r in csv.DictReader(f)] == ["10"]


def test_a_sheets_own_average_and_count_rows_are_no_responses(tmp_path, capsys):
    # with --session-date (one session's paper forms), the officer's "Average" and
    # "Number of forms" rows under the forms were kept as two more respondents
    path = tmp_path / "typed.csv"
    path.write_text("Venue,You are,Overall,Confidence\n"
                    + "Armley Library,Carer,4,Agree\n" * 3
                    + ",,,\nAverage,,4,\nNumber of forms,3,,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(path), "--out", str(out),
                 "--session-date", "2019-05-21"]) == 0
    capsys.readouterr()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [summary[k] for k in ("rows_read", "rows_clean", "rows_quarantined",
                                 "rows_blank")] == [6, 3, 2, 1]
    with (out / "quarantine.csv").open(encoding="utf-8") as f:
        assert {r["reason_code"] for r in csv.DictReader(f)} == {"a summary row"}


@pytest.mark.parametrize("answer", ["Descriptive / Intermediate", "Intermediate to transformative",
                                    "Transformative (aspiring), currently descriptive"])
def test_a_ladder_answer_naming_two_rungs_is_unreadable_not_the_first(answer):
    from coprod_analysis.clean.values import parse_ladder

    rung, problem = parse_ladder(answer)
    assert rung is None and "two rungs" in problem


def test_a_run_of_dots_written_out_is_redacted_in_linear_time():
    # "dot dot dot ..." was tried as an e-mail's local part from each of its words:
    # 32 KB took 14 s
    import time

    from coprod_analysis import redact

    redact("warm")
    start = time.process_time()
    assert redact("dot " * 8000) == "dot " * 8000
    assert time.process_time() - start < 2
    assert redact("jo dot bloggs at gmail dot com") == "[email]"


def test_a_question_deleted_and_added_again_is_read_from_both_its_columns(tmp_path, capsys):
    # Google Forms keeps the old column and adds one for the question added again, under
    # the same title: the later rows' answers were lost and their session date taken
    # from the submission time
    path = tmp_path / "export.csv"
    lines = ["Timestamp,Date of the session,Where did you attend?,Which best describes you?,"
             "I understand the patient champion's role,Overall,Date of the session,"
             "I understand the patient champion's role"]
    lines += [f"2019/03/14 12:1{i}:11 PM GMT,14/03/2019,Seacroft Hub,Carer,Agree,Good,,"
              for i in range(3)]
    lines += [f"2019/06/12 12:1{i}:11 PM GMT,,Armley Library,Carer,,Good,05/06/2019,"
              "Strongly agree" for i in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = clean(tmp_path, path, capsys)
    with (tmp_path / "out" / "evaluations.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["session_date"] for r in rows] == ["2019-03-14"] * 3 + ["2019-06-05"] * 3
    assert [r["outcome_role"] for r in rows] == ["4"] * 3 + ["5"] * 3
    assert "is asked twice" in text


def test_a_header_only_file_with_a_title_twice_is_read_without_an_internal_error(
        tmp_path, capsys):
    # the columns of a question asked twice were compared row by row: with no rows, an
    # internal error (a fuzz case)
    path = tmp_path / "export.csv"
    path.write_text("Date of the session,Overall,Overall\n", encoding="utf-8")
    assert main(["clean", "evaluations", str(path), "--out", str(tmp_path / "out")]) in (0, 1)
    assert "internal error" not in capsys.readouterr().err


def test_a_typed_sheet_with_a_question_over_its_statements_is_read(tmp_path, capsys):
    # the paper form's layout typed into Excel: "How far do you agree?" merged across
    # eight columns in row 1, the statements in row 2; every outcome was lost and the
    # statements row counted as a blank response
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Date of the session", "Where did you attend?", "Which best describes you?",
                  "By the end of the session, how far do you agree?", *[None] * 7,
                  "Overall, how would you rate the session?"])
    sheet.append([None, None, None, *STATEMENTS, None])
    sheet.merge_cells("D1:K1")
    answers = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
               "Strongly agree", "Agree", "Agree", "Disagree"]
    for _ in range(3):
        sheet.append(["14/03/2019", "Seacroft Hub", "Carer", *answers, "Good"])
    path = tmp_path / "paper.xlsx"
    book.save(path)
    clean(tmp_path, path, capsys)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert [summary[k] for k in ("rows_read", "rows_clean", "rows_blank")] == [3, 3, 0]
    with (tmp_path / "out" / "evaluations.csv").open(encoding="utf-8") as f:
        row = next(csv.DictReader(f))
    assert [row[k] for k in ("outcome_role", "outcome_levels", "outcome_benefits",
                             "outcome_challenges", "outcome_examples", "outcome_critique",
                             "outcome_steps", "outcome_confidence")] == \
        ["1", "2", "3", "4", "5", "4", "4", "2"]


def test_a_first_response_of_comments_alone_under_a_title_over_blank_columns_is_counted(
        tmp_path, capsys):
    # the two-header-row reading took a first response whose only answers were
    # comments, under a title over blank columns, for the statements row: one row fewer
    # read, nowhere counted (found reading this session's change)
    path = tmp_path / "typed.csv"
    path.write_text("Date of the session,Where did you attend?,Overall,Comments,,\n"
                    ",,,the room was far too cold,we need more breaks please,"
                    "parking was very hard\n"
                    "15/03/2019,Seacroft Hub,Good,good,fine,ok\n", encoding="utf-8")
    clean(tmp_path, path, capsys)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["rows_read"] == 2
    assert summary["files"]["typed.csv"]["header_rows"] == 1


def test_a_respondent_answering_n_first_is_no_summary_row(tmp_path, capsys):
    # "N" opening a row (a yes/no question answered "no") was taken for a summary's
    # "N", and the response set aside (found reading this session's change)
    path = tmp_path / "typed.csv"
    path.write_text("Attended before?,Date of the session,Where did you attend?,Overall,"
                    "I feel more confident\n"
                    "Y,14/03/2019,Seacroft Hub,Good,Agree\n"
                    "N,14/03/2019,Seacroft Hub,Good,Agree\n"
                    "N =,,,,2\n", encoding="utf-8")
    clean(tmp_path, path, capsys)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    # both responses kept; "N =" with only a number beside it is the sheet's own count
    assert [summary[k] for k in ("rows_read", "rows_clean", "rows_quarantined")] == [3, 2, 1]
    with (tmp_path / "out" / "quarantine.csv").open(encoding="utf-8") as f:
        assert [r["reason_code"] for r in csv.DictReader(f)] == ["a summary row"]
