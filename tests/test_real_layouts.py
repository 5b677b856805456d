"""Layouts of real public exports that were misread, rebuilt as small synthetic files.

Every file here is typed by hand to copy one quirk of a real export (none of
the real files, nor any real response, is used): SurveyMonkey exports whose
own columns were deleted but for ``RespondentID`` (as in published survey data
sets), kept with their second header row. Expected values are worked out by
hand from the rows written below, never from the code's output.
"""

from __future__ import annotations

import csv
import json

import pytest

from coprod_analysis.cli import main
from coprod_analysis.read import read_export

KEYS = ["rows_read", "rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank"]


def write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def summary(out):
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def all_output(out):
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))


# --- SurveyMonkey with RespondentID and no Collector ID (P2) -----------------------

#: A group review export: RespondentID only, then the questions; a multi-select
#: ("tick all that apply") and a matrix take one column per choice or statement, named
#: in the second row under an empty first-row cell; one-column questions say
#: "Response" or "Open-Ended Response" there.
REVIEW_ROW1 = ["RespondentID", "Name of your group", "What kind of group is it?",
               "What gets in the way? (tick all that apply)", "", "",
               "Where is your group on the ladder of co-production?", "", "", "",
               "Overall, where is your group on the ladder?"]
REVIEW_ROW2 = ["", "Open-Ended Response", "Response", "Time", "Funding", "Tokenism",
               "Co-design", "Co-decision", "Co-delivery", "Co-evaluation", "Response"]
REVIEW_DATA = [
    ["5100000001", "Oakwood PPG", "PPG (Patient Participation Group)", "Time", "Funding", "",
     "Intermediate", "Descriptive", "Descriptive", "Intermediate", "Intermediate"],
    ["5100000002", "Seacroft PAG", "PAG (Patient Assurance Group)", "", "Funding",
     "Tokenism", "Transformative", "Intermediate", "Descriptive", "Descriptive",
     "Intermediate"],
    ["5100000003", "Beeston PPG", "PPG (Patient Participation Group)", "Time", "", "",
     "Descriptive", "Descriptive", "Descriptive", "Descriptive", "Descriptive"],
]


def test_respondentid_without_collector_id_is_read_as_surveymonkey_with_two_header_rows(
        tmp_path):
    path = write_csv(tmp_path / "groups.csv", [REVIEW_ROW1, REVIEW_ROW2, *REVIEW_DATA])
    export = read_export(path)
    assert export.platform == "surveymonkey"
    assert export.header_rows == 2
    assert export.rows_read == 3  # the sub-header row is not a response
    assert export.cells.index.tolist() == [1, 2, 3]
    assert export.roles == {"RespondentID": "respondent_id"}
    assert "RespondentID" in export.recognised_by and "sub-headers" in export.recognised_by
    headers = list(export.cells.columns)
    assert headers[3:6] == ["What gets in the way? (tick all that apply) [Time]",
                            "What gets in the way? (tick all that apply) [Funding]",
                            "What gets in the way? (tick all that apply) [Tokenism]"]
    assert headers[6] == "Where is your group on the ladder of co-production? [Co-design]"


def test_respondentid_only_review_export_keeps_every_ladder_and_ticked_challenge(tmp_path):
    path = write_csv(tmp_path / "groups.csv", [REVIEW_ROW1, REVIEW_ROW2, *REVIEW_DATA])
    out = tmp_path / "out"
    assert main(["clean", "reviews", str(path), "--out", str(out)]) == 0
    rows = read_rows(out / "reviews.csv")
    assert [r["group"] for r in rows] == ["Oakwood PPG", "Seacroft PAG", "Beeston PPG"]
    assert [r["group_type"] for r in rows] == ["PPG", "PAG", "PPG"]
    assert [r["source_row"] for r in rows] == ["1", "2", "3"]
    assert [(r["ladder_design"], r["ladder_decision"], r["ladder_delivery"],
             r["ladder_evaluation"], r["ladder_overall"]) for r in rows] == [
        ("intermediate", "descriptive", "descriptive", "intermediate", "intermediate"),
        ("transformative", "intermediate", "descriptive", "descriptive", "intermediate"),
        ("descriptive", "descriptive", "descriptive", "descriptive", "descriptive"),
    ]
    # every ticked challenge, not only the first column's
    assert [set(r["challenges"].split(";")) for r in rows] == [
        {"time", "funding"}, {"funding", "tokenism"}, {"time"}]
    assert read_rows(out / "problems.csv") == []
    info = summary(out)
    assert [info[k] for k in KEYS] == [3, 3, 0, 0, 0]
    assert info["files"]["groups.csv"]["platform"] == "surveymonkey"
    assert info["files"]["groups.csv"]["header_rows"] == 2
    assert "5100000001" not in all_output(out)  # the respondent id is never written


def test_respondentid_only_export_of_one_column_questions_is_split_on_response(tmp_path):
    # As a risk survey's export: every question has one column, so the second row says
    # only "Response" (and nothing under RespondentID).
    row1 = ["RespondentID", "Which best describes you?", "I understand the patient "
            "champion's role", "Overall, how would you rate the session?",
            "Date of the session"]
    row2 = ["", "Response", "Response", "Response", "Response"]
    data = [["5200000001", "Carer", "Agree", "Good", "14/03/2015"],
            ["5200000002", "Patient", "Strongly agree", "Very good", "14/03/2015"]]
    path = write_csv(tmp_path / "eval.csv", [row1, row2, *data])
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(path), "--out", str(out)]) == 0
    rows = read_rows(out / "evaluations.csv")
    assert [r["respondent_type"] for r in rows] == ["Carer", "Patient"]
    assert [r["outcome_role"] for r in rows] == ["4", "5"]
    assert [r["overall"] for r in rows] == ["4", "5"]
    assert [summary(out)[k] for k in KEYS] == [2, 2, 0, 0, 0]


def test_respondentid_only_export_with_a_matrix_question_is_split(tmp_path):
    # A matrix question's statements under its first column and the empty header cells
    # after it, and "Open-Ended Response" under the one-column question, show the second
    # row to be SurveyMonkey's.
    row1 = ["RespondentID", "By the end of the session how far do you agree?", "", "",
            "What could be improved?"]
    row2 = ["", "I understand the patient champion's role",
            "I can outline the benefits of co-production",
            "I feel more confident to get involved in co-production", "Open-Ended Response"]
    data = [["5300000001", "Agree", "Agree", "Strongly agree", "More breaks"]]
    export = read_export(write_csv(tmp_path / "matrix.csv", [row1, row2, *data]))
    assert export.platform == "surveymonkey"
    assert export.header_rows == 2
    assert export.rows_read == 1
    assert export.cells.columns[3] == ("By the end of the session how far do you agree? "
                                       "[I feel more confident to get involved in "
                                       "co-production]")


@pytest.mark.parametrize(("row1", "first"), [
    # a reader's attack (session 11): each first response was taken for a second header
    # row and lost. A typed sheet with a Respondent ID column and an unnamed column,
    # whose first response has no id and fills every column ...
    (["Respondent ID", "Date of the session", "Venue", ""],
     ["", "14/03/2019", "Seacroft Hub", "extra note"]),
    # ... or whose first response happens to answer "Response" somewhere
    (["Respondent ID", "Date of the session", "Venue", "Comments"],
     ["", "14/03/2019", "Response", "fine"]),
    # ... a SurveyMonkey export with a Collector ID whose first response lost its id
    (["Respondent ID", "Collector ID", "Date of the session", "Venue"],
     ["", "2345", "14/03/2019", "Seacroft Hub"]),
    # ... a Google Forms export asking for a respondent id (not in the first column)
    (["Timestamp", "Respondent ID", "Date of the session", "Venue"],
     ["2019/03/14 10:00:00", "", "14/03/2019", "Seacroft Hub"]),
])
def test_a_first_response_is_never_taken_for_a_header_row(tmp_path, row1, first):
    second = [c if i else "7" for i, c in enumerate(first)] if row1[0] != "Timestamp" \
        else first
    export = read_export(write_csv(tmp_path / "typed.csv", [row1, first, second]))
    assert export.header_rows == 1
    assert export.rows_read == 2


@pytest.mark.parametrize("own", [
    ["RespondentID", "StartDate", "EndDate", "IP Address", "Email Address", "First Name",
     "LastName", "Custom Data"],
    ["Respondent ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
     "Last Name", "Custom Data 1"],
])
def test_surveymonkey_own_columns_without_collector_id_in_either_spelling(tmp_path, own):
    row1 = [*own, "Date of the session", "Overall, how would you rate the session?"]
    row2 = [""] * len(own) + ["Open-Ended Response", "Response"]
    data = ["5400000001", "03/14/2015 10:02:11 AM", "03/14/2015 10:09:40 AM", "192.0.2.7",
            "zelda.quorn@example.org", "Zelda", "Quorn", "staff-list-7", "14/03/2015", "Good"]
    for rows, header_rows in (([row1, row2, data], 2), ([row1, data], 1)):
        path = write_csv(tmp_path / f"own{header_rows}.csv", rows)
        export = read_export(path)
        assert (export.platform, export.header_rows, export.rows_read) == (
            "surveymonkey", header_rows, 1)
        roles = export.roles
        assert [roles[h] for h in export.cells.columns[:8]] == [
            "respondent_id", "platform", "submitted_at", "identifier", "email",
            "identifier", "identifier", "identifier"]
        out = tmp_path / f"out{header_rows}"
        assert main(["clean", "evaluations", str(path), "--out", str(out)]) == 0
        (row,) = read_rows(out / "evaluations.csv")
        assert row["submitted_at"] == "2015-03-14T10:09:40"
        text = all_output(out)
        for planted in ("5400000001", "192.0.2.7", "zelda", "Quorn", "staff-list-7"):
            assert planted not in text


def test_a_one_header_row_file_with_a_respondentid_column_is_not_split(tmp_path):
    # As a poll published with RespondentID and its answers (no second header row):
    # the first row is a response and stays one.
    row1 = ["RespondentID", "Which best describes you?", "Overall, how would you rate the "
            "session?", "Date of the session"]
    data = [["5500000001", "Carer", "Good", "14/03/2015"],
            ["5500000002", "Patient", "Fair", "14/03/2015"],
            ["5500000003", "Staff", "Poor", "14/03/2015"]]
    path = write_csv(tmp_path / "poll.csv", [row1, *data])
    export = read_export(path)
    assert (export.platform, export.header_rows, export.rows_read) == ("manual", 1, 3)
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(path), "--out", str(out)]) == 0
    assert [summary(out)[k] for k in KEYS] == [3, 3, 0, 0, 0]
    assert [r["overall"] for r in read_rows(out / "evaluations.csv")] == ["4", "3", "2"]


def test_a_first_response_without_its_respondentid_is_not_taken_for_a_header(tmp_path):
    # A typed sheet with a RespondentID column whose first id was left empty: its answers
    # are no sub-headers (no "Response", no unnamed columns), so it is row 1.
    row1 = ["RespondentID", "Which best describes you?", "Overall, how would you rate the "
            "session?", "Date of the session"]
    data = [["", "Carer", "Good", "14/03/2015"], ["17", "Patient", "Fair", "14/03/2015"]]
    export = read_export(write_csv(tmp_path / "typed.csv", [row1, *data]))
    assert (export.platform, export.header_rows, export.rows_read) == ("manual", 1, 2)
    assert export.cells.loc[1, "Which best describes you?"] == "Carer"


def test_a_respondentid_only_sub_header_row_with_a_value_missing_is_one_line_error(
        tmp_path, capsys):
    path = write_csv(tmp_path / "short.csv", [REVIEW_ROW1, REVIEW_ROW2[:-1], *REVIEW_DATA])
    out = tmp_path / "out"
    assert main(["clean", "reviews", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "short.csv" in err and "second header row" in err
    assert "Traceback" not in err
    assert not out.exists()


# --- RespondentID finds overlapping exports (P3) ----------------------------------

def test_respondentid_only_exports_that_overlap_give_duplicates(tmp_path):
    row1 = ["RespondentID", "Date of the session", "Overall, how would you rate the session?",
            "I understand the patient champion's role"]
    row2 = ["", "Response", "Response", "Response"]
    march = [["5600000101", "14/03/2015", "Good", "Agree"],
             ["5600000102", "14/03/2015", "Fair", "Agree"],
             ["5600000103", "14/03/2015", "Poor", "Disagree"]]
    april = [["5600000102", "14/03/2015", "Fair", "Agree"],
             ["5600000103", "14/03/2015", "Poor", "Disagree"],
             ["5600000104", "14/03/2015", "Very good", "Strongly agree"]]
    first = write_csv(tmp_path / "export-march.csv", [row1, row2, *march])
    second = write_csv(tmp_path / "export-april.csv", [row1, row2, *april])
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(first), str(second), "--out", str(out)]) == 0
    # 102 and 103 are in both exports, with no submission time: the copy read later wins
    assert [summary(out)[k] for k in KEYS] == [6, 4, 0, 2, 0]
    rows = read_rows(out / "evaluations.csv")
    assert sorted((r["source_file"], r["source_row"]) for r in rows) == [
        ("export-april.csv", "1"), ("export-april.csv", "2"), ("export-april.csv", "3"),
        ("export-march.csv", "1")]
    assert "56000001" not in all_output(out)  # the ids are never written


# --- Qualtrics: labels in another language (P4), choice numbers (P5) --------------

#: Qualtrics' metadata columns: code (row 1), German and English label (row 2), ImportId
#: (row 3).
QUALTRICS_META = [
    ("StartDate", "Anfangsdatum", "Start Date", "startDate"),
    ("EndDate", "Enddatum", "End Date", "endDate"),
    ("Status", "Antworttyp", "Response Type", "status"),
    ("IPAddress", "IP-Adresse", "IP Address", "ipAddress"),
    ("Progress", "Aktueller Stand", "Progress", "progress"),
    ("Duration (in seconds)", "Dauer (in Sekunden)", "Duration (in seconds)", "duration"),
    ("Finished", "Beendet", "Finished", "finished"),
    ("RecordedDate", "Erfassungsdatum", "Recorded Date", "recordedDate"),
    ("ResponseId", "Antwort-ID", "Response ID", "_recordId"),
]
#: The questions: code, label, ImportId (a choice question's has no _TEXT).
QUALTRICS_QUESTIONS = [
    ("Q1", "Date of the session", "QID1_TEXT"),
    ("Q2", "Where did you attend?", "QID2"),
    ("Q3_1", "How far do you agree? - I understand the patient champion's role", "QID3_1"),
    ("Q3_2", "How far do you agree? - I can outline the benefits of co-production",
     "QID3_2"),
    ("Q4", "Overall, how would you rate the session?", "QID4"),
]


def qualtrics_rows(responses, *, questions=QUALTRICS_QUESTIONS, english=False,
                   import_ids=True):
    meta = [(code, english_label if english else label, import_id)
            for code, label, english_label, import_id in QUALTRICS_META]
    columns = meta + questions
    header = [[c[0] for c in columns], [c[1] for c in columns]]
    if import_ids:
        header.append([json.dumps({"ImportId": c[2]}) for c in columns])
    return header + responses


def qualtrics_response(status, finished, response_id, answers):
    return ["2017-07-18 08:28:09", "2017-07-18 08:28:48", status, "198.51.100.9", "100",
            "38", finished, "2017-07-18 08:28:48", response_id, *answers]


ANSWERS = ["18/07/2017", "Seacroft Hub", "Agree", "Strongly agree", "Good"]


@pytest.mark.parametrize("english", [False, True])
def test_a_qualtrics_preview_is_quarantined_whatever_the_language_of_the_labels(
        tmp_path, english):
    rows = qualtrics_rows([qualtrics_response("0", "1", "R_real0000000001", ANSWERS),
                           qualtrics_response("1", "1", "R_preview0000001", ANSWERS)],
                          english=english)
    path = write_csv(tmp_path / "q.csv", rows)
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(path), "--out", str(out)]) == 0
    assert [summary(out)[k] for k in KEYS] == [2, 1, 1, 0, 0]
    (kept,) = read_rows(out / "evaluations.csv")
    assert kept["source_row"] == "1"
    (quarantined,) = read_rows(out / "quarantine.csv")
    assert quarantined["source_row"] == "2"
    assert "survey preview" in quarantined["reason"]


def test_qualtrics_unfinished_responses_are_noted_with_german_labels(tmp_path):
    rows = qualtrics_rows([qualtrics_response("0", "0", "R_open00000000001", ANSWERS),
                           qualtrics_response("0", "1", "R_done00000000001", ANSWERS)])
    path = write_csv(tmp_path / "q.csv", rows)
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(path), "--out", str(out)]) == 0
    assert [summary(out)[k] for k in KEYS] == [2, 2, 0, 0, 0]
    notes = summary(out)["files"]["q.csv"]["notes"]
    assert any(n.startswith("1 responses were not finished") for n in notes)


NUMERIC = ["18/07/2017", "2", "4", "5", "4"]


def clean_two_qualtrics(tmp_path, name: str, first: list[str], second: list[str]):
    """Clean a Qualtrics export (English labels) of two finished responses; the output."""
    rows = qualtrics_rows([qualtrics_response("0", "1", "R_two000000000001", first),
                           qualtrics_response("0", "1", "R_two000000000002", second)],
                          english=True)
    path = write_csv(tmp_path / name, rows)
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(path), "--out", str(out)]) == 0
    return out


def test_a_qualtrics_choice_number_is_not_taken_for_a_venue(tmp_path):
    out = clean_two_qualtrics(tmp_path, "numeric.csv", NUMERIC,
                              ["18/07/2017", "", "3", "3", "3"])
    # nothing lost: both rows kept, the number left out of the venue and reported
    assert [summary(out)[k] for k in KEYS] == [2, 2, 0, 0, 0]
    rows = read_rows(out / "evaluations.csv")
    assert [r["venue"] for r in rows] == ["", ""]
    assert [r["session_id"] for r in rows] == ["2017-07-18", "2017-07-18"]
    assert [r["outcome_role"] for r in rows] == ["4", "3"]
    problems = read_rows(out / "problems.csv")
    assert [(p["source_row"], p["field"], p["raw_value"]) for p in problems] == [
        ("1", "venue", "2")]
    assert "Qualtrics choice number" in problems[0]["problem"]
    notes = summary(out)["files"]["numeric.csv"]["notes"]
    assert any("'Where did you attend?' holds Qualtrics choice numbers" in n
               and "Use choice text" in n for n in notes)


def test_a_number_typed_into_a_qualtrics_text_entry_venue_is_kept(tmp_path):
    questions = [q if q[0] != "Q2" else ("Q2", "Where did you attend?", "QID2_TEXT")
                 for q in QUALTRICS_QUESTIONS]
    rows = qualtrics_rows([qualtrics_response("0", "1", "R_typed000000001", NUMERIC)],
                          questions=questions, english=True)
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(write_csv(tmp_path / "typed.csv", rows)),
                 "--out", str(out)]) == 0
    (row,) = read_rows(out / "evaluations.csv")
    assert (row["venue"], row["session_id"]) == ("2", "2017-07-18-2")
    assert read_rows(out / "problems.csv") == []


def test_qualtrics_choice_numbers_without_the_importid_row_are_not_venues(tmp_path):
    rows = qualtrics_rows([qualtrics_response("0", "1", "R_num000000000003", NUMERIC),
                           qualtrics_response("0", "1", "R_num000000000004", NUMERIC)],
                          english=True, import_ids=False)
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(write_csv(tmp_path / "two.csv", rows)),
                 "--out", str(out)]) == 0
    assert summary(out)["files"]["two.csv"]["header_rows"] == 2
    assert [r["venue"] for r in read_rows(out / "evaluations.csv")] == ["", ""]
    assert [p["field"] for p in read_rows(out / "problems.csv")] == ["venue", "venue"]


def test_email_address_with_start_and_end_dates_is_no_sign_of_surveymonkey(tmp_path):
    # A reader's attack (session 11): JISC-like columns were taken for SurveyMonkey's own
    # and their dates read month-first (05/10/2019 as 10 May). Only columns SurveyMonkey
    # alone has (IP Address, First Name, Last Name, Custom Data) count beside the dates.
    row1 = ["Respondent ID", "Start Date", "End Date", "Email Address", "Date of the session"]
    rows = [row1, ["101", "05/10/2019 10:00", "05/10/2019 10:20", "", "05/10/2019"],
            ["102", "05/10/2019 11:00", "05/10/2019 11:15", "", "05/10/2019"]]
    export = read_export(write_csv(tmp_path / "jisc.csv", rows))
    assert export.platform != "surveymonkey"
    assert export.rows_read == 2


def test_a_question_coded_like_a_qualtrics_column_stays_a_question():
    # A reader's attack (session 11): the group-name question coded "Name" was dropped
    # as an identifier, and a respondent-type question coded "Status" was read as
    # Qualtrics' own Status (its answers taken for previews). A question's ImportId
    # ("QID1_TEXT"), or without ImportIds a text that reads as a question, decides.
    from coprod_analysis.read.layouts import qualtrics_layout

    codes = ["StartDate", "Status", "ResponseId", "Name", "Status"]
    texts = ["Start Date", "Response Type", "Response ID", "Name of your group",
             "Which best describes you?"]
    ids = ['{"ImportId":"startDate"}', '{"ImportId":"status"}', '{"ImportId":"_recordId"}',
           '{"ImportId":"QID1_TEXT"}', '{"ImportId":"QID2"}']
    layout = qualtrics_layout([codes, texts, ids, ["2024-03-14", "IP Address", "R_1", "Oak",
                                                    "Patient"]])
    assert layout.roles == {0: "platform", 1: "platform", 2: "respondent_id"}
    assert layout.names == {0: "startdate", 1: "status", 2: "responseid"}
    # without the ImportId row: the texts decide
    layout = qualtrics_layout([codes, texts, ["2024-03-14", "IP Address", "R_1", "Oak",
                                              "Patient"]])
    assert 3 not in layout.roles and 4 not in layout.names and layout.names[1] == "status"


def test_a_room_number_in_a_choice_text_download_is_kept_as_the_venue(tmp_path):
    # A reader's attack (session 11): a "choice text" download (agreement in words) whose
    # venue answers are room numbers typed as text had them left empty as choice codes.
    out = clean_two_qualtrics(tmp_path, "rooms.csv",
                              ["18/07/2017", "12", "Agree", "Agree", "Good"],
                              ["18/07/2017", "14", "Agree", "Agree", "Good"])
    assert [r["venue"] for r in read_rows(out / "evaluations.csv")] == ["12", "14"]
    assert read_rows(out / "problems.csv") == []
