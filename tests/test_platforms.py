"""Every platform layout in tests/fixtures/platforms/ is read as that platform.

The fixtures are hand-written from each platform's documented layout (see
docs/platforms.md for what each is based on). Expected values are read off
the fixture files by eye, never from the code's output.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_analysis import load_evaluations
from coprod_analysis.clean.dates import PROBLEM_MIXED, decide_order
from coprod_analysis.cli import main
from coprod_analysis.errors import CoprodError, NotThisForm
from coprod_analysis.output import write_files
from coprod_analysis.read import read_export
from tests.conftest import FIXTURES

HERE = FIXTURES / "platforms"
KEYS = ["rows_read", "rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank"]

#: fixture -> (platform, header rows, [read, clean, quarantined, duplicate, blank])
LAYOUTS = {
    "qualtrics-choice-text.csv": ("qualtrics", 3, [3, 2, 1, 0, 0]),
    "qualtrics-numeric.csv": ("qualtrics", 3, [2, 2, 0, 0, 0]),
    "qualtrics-legacy.csv": ("qualtrics", 2, [2, 2, 0, 0, 0]),
    "qualtrics-one-row.csv": ("qualtrics", 1, [1, 1, 0, 0, 0]),
    "qualtrics.xlsx": ("qualtrics", 3, [2, 2, 0, 0, 0]),
    "smartsurvey.csv": ("smartsurvey", 2, [3, 2, 0, 0, 1]),
    "surveymonkey-old.csv": ("surveymonkey", 2, [2, 2, 0, 0, 0]),
    "surveymonkey-merged.xlsx": ("surveymonkey", 2, [2, 2, 0, 0, 0]),
    "msforms-excel-semicolon.csv": ("msforms", 1, [2, 2, 0, 0, 0]),
    "msforms-excel-comma.csv": ("msforms", 1, [2, 2, 0, 0, 0]),
    "googlesheets-us.csv": ("googleforms", 1, [3, 3, 0, 0, 0]),
}
#: Identifiers planted in the fixtures' platform columns: none may reach any output.
PLANTED = ("zelda.quorn@example.org", "Zelda", "Quorn", "192.0.2.", "EXT-99231", "EXT-77",
           "EXT-4411", "ZQ-0042", "53.80", "53.79", "-1.549", "staff-list-7",
           "R_1aBcDeFgHiJkLmN", "R_0LeGaCy0000001", "R_5XlsxOne000001", "123456781",
           "2345678901", "11400000101")


@pytest.fixture(scope="module")
def cleaned():
    return {name: load_evaluations(HERE / name, themes=False) for name in LAYOUTS}


@pytest.mark.parametrize("name", LAYOUTS)
def test_each_layout_is_read_as_its_platform(cleaned, name):
    platform, header_rows, counts = LAYOUTS[name]
    info = cleaned[name].summary["files"][name]
    assert info["platform"] == platform
    assert info["header_rows"] == header_rows
    assert [info[k] for k in KEYS] == counts
    assert info["recognised_by"]
    assert info["evidence"]["accepted"] is True


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_question_is_matched_on_its_text(cleaned, name):
    mapped = cleaned[name].summary["files"][name]["columns_mapped"]
    assert len(mapped) == 15, sorted(mapped)
    # Matched on the question text row, never on Qualtrics' Q-codes.
    assert not any(h.startswith(("Q4_", "Q1", "V1")) and len(h) < 6 for h in mapped.values())


@pytest.mark.parametrize("name", LAYOUTS)
def test_platform_identifiers_never_reach_an_output(cleaned, name, tmp_path):
    result = cleaned[name]
    write_files(tmp_path, result.tables(), {"summary.json": result.summary})
    for path in tmp_path.iterdir():
        text = path.read_text(encoding="utf-8")
        for planted in PLANTED:
            assert planted not in text, (path.name, planted)


def test_qualtrics_is_matched_on_question_text_and_uses_recorded_date(cleaned):
    result = cleaned["qualtrics-choice-text.csv"]
    data = result.data
    assert data["source_row"].tolist() == [1, 2]
    assert data["submitted_at"].tolist() == [pd.Timestamp("2024-03-14 10:09:41"),
                                             pd.Timestamp("2024-03-14 10:12:06")]
    assert data["outcome_role"].tolist() == [4, 5]
    assert data["outcome_critique"].tolist() == [2, 4]
    assert data["overall"].tolist() == [4, 5]
    mapped = result.summary["files"]["qualtrics-choice-text.csv"]["columns_mapped"]
    assert mapped["outcome_role"] == ("By the end of the session how far do you agree with the "
                                      "following statements? [I understand the patient "
                                      "champion's role]")
    # The preview row (Response Type "Survey Preview") is not a response.
    q = result.quarantine
    assert q["source_row"].tolist() == [3]
    assert "survey preview" in q["reason"].iloc[0]


def test_qualtrics_numeric_download_reads_scores_and_flags_choice_numbers(cleaned):
    result = cleaned["qualtrics-numeric.csv"]
    assert result.data["outcome_role"].tolist() == [4, 5]
    assert result.data["outcome_confidence"].tolist() == [4, 5]
    assert result.data["overall"].tolist() == [4, 5]
    # "1" and "2" for "Which best describes you?" cannot be read as choices: flagged, not lost.
    assert result.problems["field"].tolist() == ["respondent_type", "respondent_type"]
    notes = result.summary["files"]["qualtrics-numeric.csv"]["notes"]
    assert any("numeric values" in n and "1 = Strongly disagree" in n for n in notes)
    # The choice-text download gets no such note.
    assert not any("numeric values" in n for n in
                   cleaned["qualtrics-choice-text.csv"].summary["files"][
                       "qualtrics-choice-text.csv"]["notes"])


def test_qualtrics_legacy_uses_end_date_and_drops_its_name_column(cleaned):
    result = cleaned["qualtrics-legacy.csv"]
    assert result.data["submitted_at"].tolist() == [pd.Timestamp("2016-05-10 10:08:13"),
                                                    pd.Timestamp("2016-05-10 10:09:30")]
    dropped = result.summary["files"]["qualtrics-legacy.csv"]["columns_identifiers_dropped"]
    assert {"Name", "EmailAddress", "IPAddress", "ExternalDataReference"} <= set(dropped)


def test_smartsurvey_grid_second_row_and_day_first_times(cleaned):
    result = cleaned["smartsurvey.csv"]
    data = result.data
    assert data["outcome_role"].tolist() == [4, 5]
    assert data["outcome_steps"].tolist() == [3, 4]
    assert data["submitted_at"].tolist() == [pd.Timestamp("2024-03-14 10:09:40"),
                                             pd.Timestamp("2024-03-14 10:12:05")]
    # Row 2 left the date empty: the day it was submitted (Ended) is used.
    assert data["session_date"].tolist() == [pd.Timestamp("2024-03-14")] * 2
    order = result.summary["files"]["smartsurvey.csv"]["date_order"]["Ended"]
    assert order["order"] == "day-first" and order["decided_by"] == "values"


def test_older_surveymonkey_header_uses_end_date(cleaned):
    data = cleaned["surveymonkey-old.csv"].data
    assert data["submitted_at"].tolist() == [pd.Timestamp("2014-03-20 10:09:40"),
                                             pd.Timestamp("2014-03-20 10:12:30")]
    assert data["session_date"].tolist() == [pd.Timestamp("2014-03-20")] * 2
    assert data["venue"].tolist() == ["St George's Centre"] * 2


def test_surveymonkey_workbook_with_merged_matrix_header(cleaned):
    data = cleaned["surveymonkey-merged.xlsx"].data
    first = [data[c].iloc[0] for c in ("outcome_role", "outcome_levels", "outcome_benefits",
                                       "outcome_challenges", "outcome_examples",
                                       "outcome_critique", "outcome_steps",
                                       "outcome_confidence")]
    assert first == [4, 4, 5, 4, 4, 2, 3, 4]
    assert data["submitted_at"].iloc[0] == pd.Timestamp("2024-03-05 10:09:40")


def test_msforms_saved_as_csv_reads_the_same_with_or_without_seconds(cleaned):
    short = cleaned["msforms-excel-semicolon.csv"]
    long = cleaned["msforms-excel-comma.csv"]
    # "9/1/2024 11:27": Microsoft Forms writes month-first, so 1 September, both ways.
    assert short.data["submitted_at"].tolist() == [pd.Timestamp("2024-09-01 11:27"),
                                                   pd.Timestamp("2024-09-01 11:40")]
    assert long.data["submitted_at"].tolist() == [pd.Timestamp("2024-09-01 11:27:40"),
                                                  pd.Timestamp("2024-09-01 11:40:10")]
    assert short.data["venue"].tolist() == ["Caf\u00e9 Hub"] * 2  # Windows-1252 é
    info = short.summary["files"]["msforms-excel-semicolon.csv"]
    assert info["date_order"]["Completion time"]["decided_by"] == "platform"
    assert any("sep=;" in n for n in info["notes"])


def test_google_sheets_us_timestamps_are_kept_and_month_first(cleaned):
    data = cleaned["googlesheets-us.csv"].data
    assert data["submitted_at"].tolist() == [pd.Timestamp("2023-01-26 11:17:16"),
                                             pd.Timestamp("2023-01-26 11:20:02"),
                                             pd.Timestamp("2023-02-01 09:05:44")]
    # Row 3 gave no date: its submission day, 1 February (not 2 January).
    assert data["session_date"].tolist() == [pd.Timestamp("2023-01-26"),
                                             pd.Timestamp("2023-01-26"),
                                             pd.Timestamp("2023-02-01")]


def test_summary_names_platform_and_date_order_per_file(cleaned):
    text = cleaned["googlesheets-us.csv"].quality_report()
    assert "googlesheets-us.csv: read as Google Forms" in text
    assert "dates in 'Timestamp' read month-first (decided by its values)" in text


# --- Date order ----------------------------------------------------------------------


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


HEAD = ("Timestamp,Date,Venue,Role of champion,Levels,Outline benefits,Outline challenges,"
        "Examples,Critique,Steps,Confidence,Overall\n")
ANSWERS = "Venue A,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Agree,Good"


def test_an_undecidable_column_is_read_day_first_with_a_note(tmp_path):
    path = _write(tmp_path, "typed.csv", HEAD + f"03/04/2024 10:00,03/04/2024,{ANSWERS}\n"
                  f"05/04/2024 10:00,05/04/2024,{ANSWERS}\n")
    result = load_evaluations(path, themes=False)
    assert result.data["session_date"].tolist() == [pd.Timestamp("2024-04-03"),
                                                    pd.Timestamp("2024-04-05")]
    notes = result.summary["files"]["typed.csv"]["notes"]
    assert any("'Date'" in n and "UK default" in n for n in notes)
    assert any("'Timestamp'" in n and "UK default" in n for n in notes)
    assert "column 'Date'" in result.quality_report()


def test_a_mixed_column_is_never_read_with_two_orders(tmp_path):
    path = _write(tmp_path, "mixed.csv", HEAD + f",14/03/2024,{ANSWERS}\n"
                  f",03/15/2024,{ANSWERS}\n,05/04/2024,{ANSWERS}\n")
    result = load_evaluations(path, themes=False)
    # Day-first for the whole column: 14 March and 5 April; 03/15 is left unread, said why.
    assert result.data["session_date"].tolist() == [pd.Timestamp("2024-03-14"),
                                                    pd.Timestamp("2024-04-05")]
    q = result.quarantine
    assert q["source_row"].tolist() == [2]
    assert "'03/15/2024' could not be read" in q["reason"].iloc[0]
    assert "submission time ('Timestamp') is missing or could not be read" in q["reason"].iloc[0]
    notes = result.summary["files"]["mixed.csv"]["notes"]
    assert any("mixes day-first" in n for n in notes)
    assert result.summary["files"]["mixed.csv"]["date_order"]["Date"]["decided_by"] == "mixed"


def test_mixed_problem_is_said_for_the_month_first_value():
    from coprod_analysis.clean.dates import mark_mixed

    values = pd.Series(["14/03/2024", "03/15/2024"])
    order = decide_order(values, "manual", "Date")
    problems = mark_mixed(values, np.array([None, "not a real date"], dtype=object), order)
    assert problems.tolist() == [None, PROBLEM_MIXED]


def test_quarantine_reason_is_true_when_there_is_no_time_column(tmp_path):
    path = _write(tmp_path, "nodate.csv", HEAD.replace("Timestamp,", "") + f",{ANSWERS}\n")
    result = load_evaluations(path, themes=False)
    assert "the export has no submission time" in result.quarantine["reason"].iloc[0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), min_size=1, max_size=12),
       st.booleans(), st.sampled_from(["manual", "googleforms", "surveymonkey", "msforms"]))
def test_one_unambiguous_date_decides_the_whole_column(days, dayfirst, platform):
    fmt = "%d/%m/%Y" if dayfirst else "%m/%d/%Y"
    values = pd.Series([d.strftime(fmt) for d in days])
    order = decide_order(values, platform, "Date", platform_column=False)
    if any(d.day > 12 for d in days):
        assert order.dayfirst is dayfirst and order.why == "values"
    elif any(d.day != d.month for d in days):
        assert order.dayfirst is True and order.why == "default"  # and a note says so
        assert order.note is not None
    # Whatever was decided, it is one order for the whole column.
    assert order.order in ("day-first", "month-first")


# --- Refusing what is not this form ------------------------------------------------------


def test_an_unrelated_housing_survey_is_refused_with_one_line(capsys):
    with pytest.raises(NotThisForm, match="does not look like an evaluation form export"):
        load_evaluations(HERE / "housing-surveymonkey.csv", themes=False)
    status = main(["-v", "clean", "evaluations", str(HERE / "housing-surveymonkey.csv"),
                   "--out", "/nonexistent/never-written", "--no-themes"])
    err = capsys.readouterr().err
    assert status == 1
    errors = [line for line in err.splitlines() if "error" in line]
    assert len(errors) == 1 and "does not look like an evaluation form export" in errors[0]
    assert "evidence score 0.00" in err  # the score, in -v output


def test_numbers_count_as_agreement_only_where_the_file_says_scale(tmp_path):
    bare = ("Outline benefits,Outline challenges,Examples,Overall\n3,1,2,4\n1,2,3,3\n")
    with pytest.raises(NotThisForm, match="does not look like"):
        load_evaluations(_write(tmp_path, "bare.csv", bare), themes=False)
    said = bare.replace("Outline benefits,Outline challenges,Examples,Overall",
                        "Agree: outline benefits,Agree: outline challenges,"
                        "Agree: examples,Overall rating")
    result = load_evaluations(_write(tmp_path, "said.csv", said), themes=False)
    assert result.summary["rows_read"] == 2  # accepted (and quarantined: no session date)
    assert result.summary["files"]["said.csv"]["evidence"]["score"] == 1.0


def test_a_file_whose_headers_are_the_form_keeps_its_odd_answers_as_problems(tmp_path):
    # Every question of the form in its own words: odd answers are the respondents',
    # not the sign of another survey. Worked by hand: 4 of 8 outcomes answered
    # "Sometimes" and the respondent type "Alien" leave 5 cells unreadable; the judged
    # columns (date, type, 6 outcomes answered, overall) score 4 of 9 right-kind.
    from coprod_analysis.vocab import EVALUATION_FIELDS
    header = ",".join(f'"{f.question}"' for f in EVALUATION_FIELDS)
    answers = {"session_date": "20/03/2018", "venue": "Civic Hall", "respondent_type": "Alien",
               "outcome_role": "N/A", "outcome_levels": "Sometimes",
               "outcome_benefits": "Strongly agree", "outcome_challenges": "Sometimes",
               "outcome_examples": "Sometimes", "outcome_critique": "Sometimes",
               "outcome_steps": "N/A", "outcome_confidence": "Strongly agree",
               "overall": "Good", "takeaway": "", "pledge": "", "improvements": ""}
    row = ",".join(answers[f.name] for f in EVALUATION_FIELDS)
    result = load_evaluations(_write(tmp_path, "odd.csv", f"{header}\n{row}\n"), themes=False)
    evidence = result.summary["files"]["odd.csv"]["evidence"]
    assert evidence["by_headers"] and evidence["score"] == round(4 / 9, 3)
    assert result.summary["rows_clean"] == 1
    assert sorted(result.problems["column"].map(str)) == sorted(
        f.question for f in EVALUATION_FIELDS
        if answers[f.name] in ("Sometimes", "Alien"))


def test_a_mapping_file_vouches_for_the_columns_it_maps(tmp_path):
    bare = "Outline benefits,Outline challenges,Examples,Overall\n3,1,2,4\n1,2,3,3\n"
    path = _write(tmp_path, "bare.csv", bare)
    with pytest.raises(NotThisForm, match="does not look like"):
        load_evaluations(path, themes=False)
    mapping = _write(tmp_path, "mapping.csv", "column,field\nOutline benefits,outcome_benefits\n")
    result = load_evaluations(path, themes=False, mapping=mapping)
    assert result.summary["rows_read"] == 2  # accepted (and quarantined: no session date)
    assert result.summary["files"]["bare.csv"]["evidence"]["by_headers"] is True


# --- A session for a file with no date -----------------------------------------------------


def test_paper_forms_without_a_date_are_quarantined_unless_the_officer_says():
    plain = load_evaluations(HERE / "paper-no-date.csv", themes=False)
    assert plain.summary["rows_quarantined"] == 3
    given = load_evaluations(HERE / "paper-no-date.csv", themes=False,
                             session_date="2024-03-14", venue="Seacroft Hub")
    assert given.summary["rows_clean"] == 3
    assert given.data["session_id"].unique().tolist() == ["2024-03-14-seacroft-hub"]
    assert given.summary["options"]["session_date_given"] == "2024-03-14"
    assert given.summary["options"]["venue_given"] == "Seacroft Hub"
    assert any("as given by the officer" in n
               for n in given.summary["files"]["paper-no-date.csv"]["notes"])


def test_a_given_date_never_overrides_a_date_on_the_form():
    # jisc.csv: rows 1 and 3 (the same response twice) say 14/10/2019; row 2 leaves it empty.
    result = load_evaluations(FIXTURES / "jisc.csv", themes=False, session_date="2020-01-01")
    dates = dict(zip(result.data["source_row"], result.data["session_date"], strict=True))
    assert dates == {2: pd.Timestamp("2020-01-01"), 3: pd.Timestamp("2019-10-14")}


@pytest.mark.parametrize("bad", ["03/04/2024", "soon", "31/02/2024"])
def test_a_misreadable_session_date_is_refused(bad):
    with pytest.raises(CoprodError, match="--session-date"):
        load_evaluations(HERE / "paper-no-date.csv", themes=False, session_date=bad)


def test_session_date_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(HERE / "paper-no-date.csv"), "--out", str(out),
                 "--session-date", "14/03/2024", "--no-themes"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["rows_clean"] == 3 and summary["options"]["session_date_given"] == "2024-03-14"
    assert main(["clean", "reviews", str(FIXTURES / "reviews-paper.csv"), "--out",
                 str(tmp_path / "r"), "--session-date", "2024-03-14"]) == 1


# --- Other rating scales for overall -------------------------------------------------------


def test_satisfaction_scale_is_read_point_for_point_with_a_note():
    result = load_evaluations(HERE / "satisfaction.csv", themes=False)
    assert result.data["overall"].tolist() == [5, 4, 3, 2, 1]
    assert result.summary["cells_unreadable"] == 0
    assert any("satisfaction scale" in n
               for n in result.summary["files"]["satisfaction.csv"]["notes"])


def test_ratings_out_of_ten_are_mapped_by_the_documented_rule():
    result = load_evaluations(HERE / "overall-out-of-10.csv", themes=False)
    # 10 -> 5, 7 -> 4, 5 -> 3, 2 -> 1, 1 -> 1 (1-2, 3-4, 5-6, 7-8, 9-10).
    assert result.data["overall"].tolist() == [5, 4, 3, 1, 1]
    assert any("out of 10" in n for n in result.summary["files"]["overall-out-of-10.csv"]["notes"])


def test_a_five_point_numeric_overall_is_not_mistaken_for_out_of_ten(tmp_path):
    path = _write(tmp_path, "five.csv", HEAD + f",14/03/2024,{ANSWERS[:-4]}5\n"
                  f",14/03/2024,{ANSWERS[:-4]}3\n")
    assert load_evaluations(path, themes=False).data["overall"].tolist() == [5, 3]


def test_the_sep_line_is_skipped_and_used():
    export = read_export(HERE / "msforms-excel-semicolon.csv")
    assert export.cells.columns[0] == "ID" and export.cells.shape == (2, 20)


@pytest.mark.parametrize(("dropped", "how"), [(3, "codes over question text"),
                                              (1, "then ImportIds")])
def test_qualtrics_with_one_header_row_deleted_is_still_read(tmp_path, dropped, how):
    lines = (HERE / "qualtrics-choice-text.csv").read_text(encoding="utf-8").splitlines()
    del lines[dropped - 1]
    path = _write(tmp_path, "two-rows.csv", "\n".join(lines) + "\n")
    result = load_evaluations(path, themes=False)
    info = result.summary["files"]["two-rows.csv"]
    assert info["header_rows"] == 2 and how in info["recognised_by"]
    assert [info[k] for k in KEYS] == [3, 2, 1, 0, 0]
    assert result.data["outcome_role"].tolist() == [4, 5]


def test_unfinished_qualtrics_responses_are_kept_and_counted(cleaned):
    # Row 3 (Finished False) is a preview: quarantined, so not counted as unfinished.
    notes = cleaned["qualtrics-choice-text.csv"].summary["files"]["qualtrics-choice-text.csv"][
        "notes"]
    assert not any("not finished" in n for n in notes)


def test_an_unfinished_qualtrics_response_is_kept_with_a_note(tmp_path):
    text = (HERE / "qualtrics-choice-text.csv").read_text(encoding="utf-8")
    text = text.replace("100,545,True", "60,545,False")
    result = load_evaluations(_write(tmp_path, "partial.csv", text), themes=False)
    assert result.summary["rows_clean"] == 2
    assert any("1 responses were not finished" in n
               for n in result.summary["files"]["partial.csv"]["notes"])


# --- No valid export is refused ---------------------------------------------------------------

VALID = [*(FIXTURES / n for n in ("googleforms.csv", "jisc.csv", "paper.csv",
                                  "surveymonkey.csv", "surveymonkey-overlap.csv")),
         *sorted((FIXTURES.parent.parent / "data" / "sample" / "evaluations").iterdir()),
         *sorted((FIXTURES.parent.parent / "data" / "sample" / "platforms").iterdir())]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_no_valid_fixture_or_sample_file_is_refused(path):
    result = load_evaluations(path, themes=False)
    evidence = result.summary["files"][path.name]["evidence"]
    assert evidence["accepted"] and evidence["score"] >= 0.8, evidence


@settings(max_examples=40, deadline=None)
@given(st.lists(st.permutations(list(range(1, 9))), min_size=1, max_size=6),
       st.sampled_from(["benefits", "challenges", "examples", "steps"]))
def test_rankings_under_a_long_question_are_always_refused(tmp_path_factory, rankings, word):
    header = ",".join(f"Please rank these community {word} in order of importance to you "
                      f"[Item {i}]" for i in range(1, 9))
    body = "\n".join(",".join(map(str, r)) for r in rankings)
    path = tmp_path_factory.mktemp("rank") / "ranking.csv"
    path.write_text(f"Where in your ward do you live?,{header}\n"
                    + "\n".join(f"By the park,{line}" for line in body.splitlines()) + "\n")
    with pytest.raises(CoprodError, match="does not look like an evaluation form export"):
        load_evaluations(path, themes=False)


def test_surveymonkey_second_row_saying_response_everywhere_is_a_header(tmp_path):
    lines = (HERE / "surveymonkey-old.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = "Response,Response,Response,Response,Open-Ended Response," + lines[1][5:]
    path = _write(tmp_path, "sm.csv", "\n".join(lines) + "\n")
    result = load_evaluations(path, themes=False)
    info = result.summary["files"]["sm.csv"]
    assert info["header_rows"] == 2 and [info[k] for k in KEYS] == [2, 2, 0, 0, 0]
    assert result.data["outcome_role"].tolist() == [4, 5]


def test_a_given_date_comes_before_the_time_a_sheet_was_typed(tmp_path):
    # Typed on 20 March; the session was on 14 March: the officer's date wins where the
    # form has none, the form's own date wins where it has one.
    path = _write(tmp_path, "typed.csv", HEAD + f"20/03/2024 10:00,,{ANSWERS}\n"
                  f"20/03/2024 10:05,13/03/2024,{ANSWERS}\n")
    plain = load_evaluations(path, themes=False)
    assert plain.data["session_date"].tolist() == [pd.Timestamp("2024-03-20"),
                                                   pd.Timestamp("2024-03-13")]
    given = load_evaluations(path, themes=False, session_date="2024-03-14")
    assert given.data["session_date"].tolist() == [pd.Timestamp("2024-03-14"),
                                                   pd.Timestamp("2024-03-13")]
