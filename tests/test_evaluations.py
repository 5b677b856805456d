"""Cleaning evaluation exports end to end (contract section 3).

Every expected value here was worked out by hand from the fixture files in
``tests/fixtures/`` (see the comments beside each), not from a run of the code.
"""

from __future__ import annotations

import pandas as pd
import pytest

from coprod_analysis import CoprodError, load_evaluations
from coprod_analysis.clean.evaluations import EVALUATION_COLUMNS, mark_duplicates, session_ids
from coprod_analysis.vocab import OUTCOME_NAMES, SCORE_DTYPE

COUNTS = ["rows_read", "rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank"]


def counts(result, file=None):
    source = result.summary if file is None else result.summary["files"][file]
    return [source[k] for k in COUNTS]


def row(result, file, source_row):
    data = result.data
    match = data[(data["source_file"] == file) & (data["source_row"] == source_row)]
    assert len(match) == 1, f"{file} row {source_row} is not in the clean table"
    return match.iloc[0]


def scores(series):
    return [None if pd.isna(series[c]) else int(series[c]) for c in OUTCOME_NAMES]


# --- Google Forms ------------------------------------------------------------


def test_google_forms_export_counts_worked_out_by_hand(fixture_path):
    # 6 rows: row 1 is replaced by Amy's later row 3, row 4 is blank.
    result = load_evaluations(fixture_path("googleforms.csv"))
    assert counts(result) == [6, 4, 0, 1, 1]
    assert result.data["source_row"].tolist() == [2, 3, 5, 6]
    assert result.summary["files"]["googleforms.csv"]["platform"] == "googleforms"


def test_google_forms_grid_rows_map_to_the_eight_outcomes(fixture_path):
    result = load_evaluations(fixture_path("googleforms.csv"))
    # Row 2: Agree, Agree, Strongly agree, Agree, Agree, Neither, Agree, Agree; Good.
    second = row(result, "googleforms.csv", 2)
    assert scores(second) == [4, 4, 5, 4, 4, 3, 4, 4]
    assert second["overall"] == 4
    assert second["respondent_type"] == "Carer"
    assert second["venue"] == "Leeds Civic Hall"


def test_resubmission_with_the_same_email_keeps_the_later_one(fixture_path):
    result = load_evaluations(fixture_path("googleforms.csv"))
    # Amy (row 1, 10:09) resubmitted at 12:00 (row 3, "Amy@Example.org " - case and space
    # differ): row 3's all-Agree answers win.
    assert 1 not in result.data["source_row"].tolist()
    assert scores(row(result, "googleforms.csv", 3)) == [4] * 8


def test_identical_anonymous_answers_are_both_kept(fixture_path):
    result = load_evaluations(fixture_path("googleforms.csv"))
    fifth, sixth = row(result, "googleforms.csv", 5), row(result, "googleforms.csv", 6)
    assert scores(fifth) == scores(sixth) == [None, 5, 5, 5, 5, 4, 4, 5]
    assert fifth["response_id"] != sixth["response_id"]


def test_session_date_falls_back_to_the_submission_time(fixture_path):
    result = load_evaluations(fixture_path("googleforms.csv"))
    # Row 2 left the date blank; its timestamp is 2019/03/14 11:00:00 AM GMT.
    second = row(result, "googleforms.csv", 2)
    assert second["session_date"] == pd.Timestamp("2019-03-14")
    assert second["submitted_at"] == pd.Timestamp("2019-03-14 11:00:00")
    assert second["session_id"] == "2019-03-14-leeds-civic-hall"


def test_literal_none_na_and_null_answers_are_kept_as_text(fixture_path):
    second = row(load_evaluations(fixture_path("googleforms.csv")), "googleforms.csv", 2)
    assert (second["takeaway"], second["pledge"], second["improvements"]) == (
        "None", "NA", "null")


def test_unreadable_cells_are_left_empty_and_listed_in_problems(fixture_path):
    result = load_evaluations(fixture_path("googleforms.csv"))
    problems = result.problems
    assert problems.columns.tolist()[:5] == [
        "source_file", "source_row", "column", "raw_value", "problem"]
    # "Sometimes" in the role column of rows 5 and 6.
    assert problems["source_row"].tolist() == [5, 6]
    assert set(problems["raw_value"]) == {"Sometimes"}
    assert set(problems["field"]) == {"outcome_role"}
    assert pd.isna(row(result, "googleforms.csv", 5)["outcome_role"])


# --- SurveyMonkey --------------------------------------------------------------


def test_overlapping_surveymonkey_exports_count_the_repeat_once(fixture_path):
    result = load_evaluations([fixture_path("surveymonkey.csv"),
                               fixture_path("surveymonkey-overlap.csv")])
    # Respondent 11400000002 is in both files with the same End Date: the copy read
    # later (the overlap file's row 1) is kept; the first file's row 2 is the duplicate.
    assert counts(result) == [5, 4, 0, 1, 0]
    assert counts(result, "surveymonkey.csv") == [3, 2, 0, 1, 0]
    assert counts(result, "surveymonkey-overlap.csv") == [2, 2, 0, 0, 0]
    kept = list(zip(result.data["source_file"], result.data["source_row"], strict=True))
    assert kept == [("surveymonkey.csv", 1), ("surveymonkey.csv", 3),
                    ("surveymonkey-overlap.csv", 1), ("surveymonkey-overlap.csv", 2)]


def test_surveymonkey_two_header_rows_and_month_first_end_date(fixture_path):
    result = load_evaluations(fixture_path("surveymonkey.csv"))
    first = row(result, "surveymonkey.csv", 1)
    # Agree, Agree, Strongly agree, Agree, Agree, Disagree, Neither, Agree; Good.
    assert scores(first) == [4, 4, 5, 4, 4, 2, 3, 4]
    assert first["submitted_at"] == pd.Timestamp("2018-03-20 10:09:40")
    assert first["session_id"] == "2018-03-20-st-georges-centre"
    third = row(result, "surveymonkey.csv", 3)
    # No date answered; End Date 03/20/2018 02:15:00 PM.
    assert third["session_date"] == pd.Timestamp("2018-03-20")
    assert third["submitted_at"] == pd.Timestamp("2018-03-20 14:15:00")


# --- Typed paper forms (Windows-1252) --------------------------------------------


def test_typed_sheet_counts_worked_out_by_hand(fixture_path):
    result = load_evaluations(fixture_path("paper.csv"))
    # 7 rows: row 2 all commas (blank); rows 3 (no date), 4 (32/13/2019) and 7 (4 values)
    # quarantined; rows 1, 5, 6 kept.
    assert counts(result) == [7, 3, 3, 0, 1]
    assert result.data["source_row"].tolist() == [1, 5, 6]
    assert result.summary["files"]["paper.csv"]["encoding"] == "windows-1252"


def test_typed_answers_are_read_whatever_their_spelling(fixture_path):
    result = load_evaluations(fixture_path("paper.csv"))
    first = row(result, "paper.csv", 1)
    # 5 - Strongly agree, agree, "Agree ", STRONGLY AGREE, Neutral, N/A, -, 4; very good.
    assert scores(first) == [5, 4, 4, 5, 3, None, None, 4]
    assert first["overall"] == 5
    assert first["session_date"] == pd.Timestamp("2019-03-20")  # "20th March 2019"
    assert first["takeaway"] == "I don\u2019t feel alone"  # byte 0x92
    assert row(result, "paper.csv", 6)["session_date"] == pd.Timestamp("2019-03-20")  # 20/3/19


def test_row_without_a_session_date_or_submission_time_is_quarantined(fixture_path):
    quarantine = load_evaluations(fixture_path("paper.csv")).quarantine
    reasons = dict(zip(quarantine["source_row"], quarantine["reason"], strict=True))
    assert set(reasons) == {3, 4, 7}
    assert "session date is missing" in reasons[3]
    assert "'32/13/2019'" in reasons[4]
    assert "4 values" in reasons[7] and "16 columns" in reasons[7]


def test_row_with_too_few_values_is_quarantined_not_padded(fixture_path):
    result = load_evaluations(fixture_path("paper.csv"))
    assert 7 not in result.data["source_row"].tolist()
    short = result.quarantine[result.quarantine["source_row"] == 7].iloc[0]
    assert short["raw_record"] == "20/03/2019 | Armley Moor Library | Patient | 4"


def test_problems_list_only_cells_of_kept_rows(fixture_path):
    problems = load_evaluations(fixture_path("paper.csv")).problems
    # Row 5: "Sometimes" (role) and "maybe" (overall). Row 4's bad date is its
    # quarantine reason, not a problem.
    assert sorted(zip(problems["source_row"], problems["raw_value"], strict=True)) == [
        (5, "Sometimes"), (5, "maybe")]


def test_unmapped_columns_are_kept_after_the_contract_columns(fixture_path):
    data = load_evaluations(fixture_path("paper.csv")).data
    # Contract columns, then the form's extra column, then derived columns.
    assert data.columns.tolist() == [*EVALUATION_COLUMNS, "Notes (staff use)",
                                     "improvement_themes"]
    assert row_value(data, 1, "Notes (staff use)") == "typed by KB"


def row_value(data, source_row, column):
    return data.loc[data["source_row"] == source_row, column].iloc[0]


def test_embedded_newline_in_an_answer_survives(fixture_path):
    data = load_evaluations(fixture_path("paper.csv")).data
    assert row_value(data, 5, "takeaway") == "Two\r\nlines"


# --- JISC and Microsoft Forms ---------------------------------------------------------


def test_jisc_numbered_headers_map_every_outcome_and_repeat_id_is_a_duplicate(fixture_path):
    result = load_evaluations(fixture_path("jisc.csv"))
    assert result.summary["files"]["jisc.csv"]["platform"] == "jisc"
    assert set(OUTCOME_NAMES) <= set(result.summary["files"]["jisc.csv"]["columns_mapped"])
    # Response 1 appears twice with the same completion time (an overlapping export):
    # the copy read later (row 3) wins.
    assert counts(result) == [3, 2, 0, 1, 0]
    assert scores(row(result, "jisc.csv", 3)) == [5, 4, 4, 4, 4, 4, 4, 4]
    assert row(result, "jisc.csv", 2)["session_date"] == pd.Timestamp("2019-10-14")


def test_msforms_workbook_with_date_cells_and_statement_headers(msforms_xlsx):
    result = load_evaluations(msforms_xlsx)
    assert result.summary["files"]["msforms.xlsx"]["platform"] == "msforms"
    # Jo's row 2 is replaced by row 3; rows 1 and 4 are identical but anonymous.
    assert counts(result) == [5, 4, 0, 1, 0]
    assert result.data["source_row"].tolist() == [1, 3, 4, 5]
    third = row(result, "msforms.xlsx", 3)
    assert scores(third) == [5] * 8
    assert third["session_date"] == pd.Timestamp("2018-10-09")
    assert third["submitted_at"] == pd.Timestamp("2018-10-09 16:02")
    assert row(result, "msforms.xlsx", 5)["improvements"] == '=HYPERLINK("http://example.org")'


# --- Rules that hold for every export -------------------------------------------------


ALL_FIXTURES = ["googleforms.csv", "surveymonkey.csv", "surveymonkey-overlap.csv",
                "paper.csv", "jisc.csv"]


@pytest.fixture
def everything(fixture_path, msforms_xlsx):
    return load_evaluations([*(fixture_path(f) for f in ALL_FIXTURES), msforms_xlsx])


def test_counts_reconcile_in_total_and_per_file(everything):
    s = everything.summary
    assert s["rows_read"] == s["rows_clean"] + s["rows_quarantined"] + s["rows_duplicate"] \
        + s["rows_blank"]
    for info in s["files"].values():
        assert info["rows_read"] == (info["rows_clean"] + info["rows_quarantined"]
                                     + info["rows_duplicate"] + info["rows_blank"])
    # 6 + 3 + 2 + 7 + 3 + 5 rows; kept 4 + 4 (both SurveyMonkey files) + 3 + 2 + 4.
    assert counts(everything) == [26, 17, 3, 4, 2]
    assert len(everything.data) == 17 and len(everything.quarantine) == 3


IDENTIFIERS = ["jane.doe@example.org", "Doe", "192.0.2.1", "11400000001", "234567891",
               "amy@example.org", "Amy@Example.org", "jo.bloggs@example.org", "Jo Bloggs",
               "marg@example.org", "Margaret", "07911 123456"]


def test_identifiers_never_reach_the_clean_table(everything):
    text = everything.data.astype(str).to_csv()
    for identifier in IDENTIFIERS:
        assert identifier.lower() not in text.lower(), identifier
    for column in ("Email", "Name", "IP Address", "Respondent ID", "Email address"):
        assert column not in everything.data.columns


def test_free_text_is_redacted_by_default(fixture_path):
    data = load_evaluations(fixture_path("surveymonkey-overlap.csv")).data
    first = data.iloc[0]
    assert first["takeaway"] == "My name is [name] and I loved it"
    assert first["pledge"] == "Email me: [email]"


def test_keep_text_keeps_free_text_as_written(fixture_path):
    data = load_evaluations(fixture_path("surveymonkey-overlap.csv"), keep_text=True).data
    assert data.iloc[0]["pledge"] == "Email me: marg@example.org"
    assert "Email Address" not in data.columns  # identifiers still never written


def test_scores_are_ordered_categoricals(everything):
    for column in [*OUTCOME_NAMES, "overall"]:
        assert everything.data[column].dtype == SCORE_DTYPE
    assert everything.data["outcome_role"].cat.ordered


def test_contract_columns_come_first_in_order(everything):
    assert everything.data.columns.tolist()[:len(EVALUATION_COLUMNS)] == list(
        EVALUATION_COLUMNS)


def test_response_ids_are_unique_and_stable(fixture_path, everything):
    ids = everything.data["response_id"]
    assert ids.is_unique and ids.str.fullmatch(r"[0-9a-f]{8}-[0-9]+").all()
    again = load_evaluations(fixture_path("googleforms.csv")).data
    # The same file and row give the same id whatever else is read with it.
    first = everything.data[everything.data["source_file"] == "googleforms.csv"]
    assert first["response_id"].tolist() == again["response_id"].tolist()


def test_cleaning_twice_gives_identical_results(fixture_path, msforms_xlsx):
    paths = [*(fixture_path(f) for f in ALL_FIXTURES), msforms_xlsx]
    one, two = load_evaluations(paths), load_evaluations(paths)
    pd.testing.assert_frame_equal(one.data, two.data)
    pd.testing.assert_frame_equal(one.quarantine, two.quarantine)
    pd.testing.assert_frame_equal(one.problems, two.problems)
    assert one.summary == two.summary


def test_an_unrelated_csv_is_refused(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text("Item,Cost,Supplier\nChairs,120,Acme\n")
    with pytest.raises(CoprodError, match="does not look like an evaluation form export"):
        load_evaluations(path)


def test_mapping_file_overrides_the_automatic_matching(fixture_path, tmp_path):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("column,field\nNotes (staff use),ignore\nyou are,keep\n")
    result = load_evaluations(fixture_path("paper.csv"), mapping=mapping)
    assert "Notes (staff use)" not in result.data.columns
    assert "You are" in result.data.columns
    assert result.data["respondent_type"].isna().all()


def test_month_first_session_dates_are_recognised(tmp_path):
    path = tmp_path / "us-dates.csv"
    path.write_text("Date,Venue,Overall,Confidence\n03/14/2018,Hub,Good,Agree\n"
                    "04/02/2018,Hub,Good,Agree\n")
    result = load_evaluations(path)
    # 03/14/2018 can only be 14 March, so 04/02/2018 is 2 April, not 4 February.
    assert result.data["session_date"].tolist() == [pd.Timestamp("2018-03-14"),
                                                    pd.Timestamp("2018-04-02")]
    assert any("month-first" in n for n in result.summary["files"]["us-dates.csv"]["notes"])


# --- Small units ----------------------------------------------------------------------


def test_session_id_is_the_date_and_venue():
    dates = pd.Series(pd.to_datetime(["2018-03-20", "2018-03-20", None]))
    venues = pd.Series(["St George\u2019s Centre", None, "Hub"])
    assert session_ids(dates, venues).tolist() == [
        "2018-03-20-st-georges-centre", "2018-03-20", pd.NA]


def test_the_same_id_and_time_on_one_platform_is_one_response_seen_twice():
    frame = pd.DataFrame({
        "source_platform": ["jisc", "jisc", "googleforms"],
        "_respondent": ["7", "7", "7"],
        "_email": [pd.NA] * 3,
        "session_id": ["s"] * 3,
        "submitted_at": pd.to_datetime(["2019-01-01 10:00"] * 3),
        "_order": [0, 1, 2],
    })
    # Rows 0 and 1: the same JISC response in two exports; the one read later is kept.
    # Row 2: the same id on another platform is someone else.
    assert mark_duplicates(frame).tolist() == [True, False, False]


def test_the_same_id_at_another_time_is_another_form_s_response():
    # Microsoft Forms numbers every form's responses from 1: ID 1 of two forms.
    frame = pd.DataFrame({
        "source_platform": ["msforms", "msforms"],
        "_respondent": ["1", "1"],
        "_email": [pd.NA] * 2,
        "session_id": ["2018-01-01-hub", "2018-02-01-hub"],
        "submitted_at": pd.to_datetime(["2018-01-01 15:00", "2018-02-01 15:00"]),
        "_order": [0, 1],
    })
    assert mark_duplicates(frame).tolist() == [False, False]


def test_same_email_at_different_sessions_is_not_a_duplicate():
    frame = pd.DataFrame({
        "source_platform": ["msforms"] * 2,
        "_respondent": [pd.NA] * 2,
        "_email": ["a@example.org"] * 2,
        "session_id": ["2018-01-01-hub", "2018-02-01-hub"],
        "submitted_at": pd.to_datetime(["2018-01-01", "2018-02-01"]),
        "_order": [0, 1],
    })
    assert mark_duplicates(frame).tolist() == [False, False]


@pytest.mark.parametrize(("typed", "kept"), [(2, 1), (3, 3), (10, 10)])
def test_one_e_mail_on_three_or_more_forms_of_a_session_is_whoever_typed_them(
        tmp_path, typed, kept):
    # Paper forms typed into Google Forms under the officer's own account: every
    # response has the officer's address. Two are a resubmission (the later wins);
    # three or more for one session are forms typed in, all kept.
    import csv

    path = tmp_path / "typed.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "Email address", "Date of the session",
                         "I understand the patient champion's role"])
        for i in range(typed):
            writer.writerow([f"2019/03/14 12:0{i % 10}:{i // 10:02d} PM GMT",
                             "officer@nhs.net", "14/03/2019", ["Agree", "Disagree"][i % 2]])
        writer.writerow(["2019/03/14 1:00:00 PM GMT", "someone@example.org", "14/03/2019",
                         "Agree"])
    result = load_evaluations(path, themes=False)
    assert counts(result) == [typed + 1, kept + 1, 0, typed - kept, 0]
    notes = " ".join(result.summary["files"]["typed.csv"]["notes"])
    assert ("taken for whoever typed them in" in notes) is (typed >= 3)


def test_one_form_sent_three_times_under_one_address_is_still_one_response(tmp_path):
    # The same answers three times within seconds: a resubmission, not forms typed in.
    import csv

    path = tmp_path / "sent.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "Email address", "Date of the session",
                         "I understand the patient champion's role"])
        for second in range(3):
            writer.writerow([f"2019/03/14 12:00:0{second} PM GMT", "jo@example.org",
                             "14/03/2019", "Agree"])
        writer.writerow(["2019/03/14 12:05:00 PM GMT", "jo@example.org", "14/03/2019",
                         "Disagree"])   # a fourth, with another answer: kept
    result = load_evaluations(path, themes=False)
    assert counts(result) == [4, 2, 0, 2, 0]
    assert result.data["outcome_role"].tolist() == [4, 2]


# --- Found in review --------------------------------------------------------------


def test_two_microsoft_forms_files_numbered_from_1_keep_all_their_responses(tmp_path):
    from tests.conftest import MSFORMS_HEADER, MSFORMS_ROWS, write_xlsx

    first = write_xlsx(tmp_path / "march.xlsx", [MSFORMS_HEADER, MSFORMS_ROWS[0]])
    later = [list(MSFORMS_ROWS[0])]
    later[0][1:3] = [pd.Timestamp("2018-11-06 15:00").to_pydatetime(),
                     pd.Timestamp("2018-11-06 15:04").to_pydatetime()]
    second = write_xlsx(tmp_path / "november.xlsx", [MSFORMS_HEADER, *later])
    # Both files have ID 1, for different sessions: two people, not one.
    assert counts(load_evaluations([first, second])) == [2, 2, 0, 0, 0]


def test_a_malformed_row_keeps_no_value_from_near_an_identifier_column(tmp_path):
    path = tmp_path / "sm.csv"
    header = ("Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,"
              "First Name,Last Name,Custom Data 1,Date of the session,Overall,"
              "I feel more confident")
    path.write_text(
        header + "\n,,,,,,,,,Response,Response,Response\n"
        "11400000009,99,03/20/2018 10:00:00 AM,03/20/2018 10:05:00 AM,192.0.2.99,"
        "john@example.org,John,Smith,ref-JS-1950,20/03/2018,Good,Agree,extra\n")
    quarantine = load_evaluations(path).quarantine
    record = quarantine.iloc[0]["raw_record"]
    for identifier in ("11400000009", "192.0.2.99", "john@example.org", "John", "Smith",
                       "ref-JS-1950"):
        assert identifier not in record
    # none at all: a value may have moved any distance (below), so any could be one
    assert record == ""
    assert "they are not written" in quarantine.iloc[0]["reason"]


def test_a_row_with_an_extra_and_a_missing_comma_writes_no_value_of_a_file_with_names(
        tmp_path):
    # two unquoted commas in the venue (+2) and a ";" typed for a comma after the name
    # (-1): one value too many, but the surname and date of birth moved two places, out
    # of a window one wide (session 17's export audit)
    path = tmp_path / "typed.csv"
    path.write_text("Date,Venue,Name,DOB,Overall,Confidence\n"
                    "14/03/2019,Hall, Room 2, Leeds,Aisha MAHMOOD;03/04/1956,Good,Agree\n",
                    encoding="utf-8")
    quarantine = load_evaluations(path).quarantine
    assert quarantine.iloc[0]["raw_record"] == ""
    # a file without identifier columns: its values, redacted
    path.write_text("Date,Venue,Overall,Confidence\n"
                    "14/03/2019,Hall, Room 2, Leeds,Good,Agree\n", encoding="utf-8")
    quarantine = load_evaluations(path).quarantine
    assert quarantine.iloc[0]["raw_record"] == "14/03/2019 | Hall |  Room 2 |  Leeds | Good | Agree"


def test_unreadable_answers_are_redacted_in_problems(tmp_path):
    path = tmp_path / "typed.csv"
    path.write_text("Date,Venue,You are,Overall,Confidence\n"
                    "20/03/2018,Hub,\"Carer, call me on 07911 123456\",Good,"
                    "agree - email me jane@example.org\n")
    problems = load_evaluations(path).problems
    assert sorted(problems["raw_value"]) == ["Carer, call me on [phone]",
                                             "agree - email me [email]"]


def test_a_venue_of_n_a_is_missing(tmp_path):
    path = tmp_path / "typed.csv"
    path.write_text("Date,Venue,Overall,Confidence\n20/03/2018,N/A,Good,Agree\n")
    row = load_evaluations(path).data.iloc[0]
    assert pd.isna(row["venue"]) and row["session_id"] == "2018-03-20"


def test_a_corrected_quarantine_file_read_again_keeps_its_own_source(tmp_path):
    path = tmp_path / "fixed.csv"
    path.write_text("source_file,source_row,reason,Date,Overall,Confidence\n"
                    "old.csv,4,no date,,Good,Agree\n")
    quarantine = load_evaluations(path).quarantine
    row = quarantine.iloc[0]
    assert (row["source_file"], row["source_row"]) == ("fixed.csv", 1)
    assert (row["source_file (extra)"], row["source_row (extra)"]) == ("old.csv", "4")


def test_a_folder_mixing_both_forms_skips_the_other_form_with_a_note(tmp_path, fixture_path):
    for name in ("paper.csv", "reviews-paper.csv"):
        (tmp_path / name).write_bytes(fixture_path(name).read_bytes())
    result = load_evaluations(tmp_path)
    assert counts(result) == [7, 3, 3, 0, 1]  # paper.csv alone
    assert list(result.summary["files_skipped"]) == ["reviews-paper.csv"]
    assert ("Skipped 1 file(s) found in the folder but not an evaluation form export, or "
            "not a file that can be read: "
            "reviews-paper.csv (why: see summary.json)") in result.quality_report()


def test_a_folder_with_no_export_of_the_form_is_an_error(tmp_path, fixture_path):
    (tmp_path / "reviews-paper.csv").write_bytes(fixture_path("reviews-paper.csv").read_bytes())
    with pytest.raises(CoprodError, match="none of the files is an evaluation form export"):
        load_evaluations(tmp_path)
