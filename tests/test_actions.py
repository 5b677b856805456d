"""The actions log: read with the same care as the exports."""

from __future__ import annotations

import pandas as pd
import pytest

from coprod_analysis import CoprodError
from coprod_analysis.clean.actions import load_actions
from tests.conftest import REPO


def test_the_sample_actions_log_reads_whole():
    log = load_actions(REPO / "data" / "sample" / "actions.csv",
                       extra_codes={"more_time": "More time", "interaction": "Interaction",
                                    "venue_access": "Venue and access",
                                    "materials_jargon": "Materials and jargon"})
    assert log.summary == {"rows_read": 11, "rows_kept": 11, "rows_blank": 0,
                           "cells_unreadable": 0, "columns_ignored": []}
    # Counted in data/sample/actions.csv: 7 done, 2 in progress, 2 planned.
    assert log.data["status"].value_counts().to_dict() == {"done": 7, "in progress": 2,
                                                           "planned": 2}


def test_labels_synonyms_and_status_words_are_understood(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("Theme,You said,We did,Status,Date,Owner\n"
                    "Communication (or lack of); lack of time,Too few updates,Newsletter,"
                    "Completed,20th June 2019,Officer\n"
                    ",,,,,\n"
                    "tokenism,Decided already,Earlier involvement,ongoing,,Lead\n")
    log = load_actions(path)
    assert log.data["theme"].tolist() == ["time;communication", "tokenism"]
    assert log.data["status"].astype(str).tolist() == ["done", "in progress"]
    assert log.summary["rows_blank"] == 1 and log.summary["rows_read"] == 3


def test_unreadable_cells_are_kept_empty_and_listed(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("theme,you_said,we_did,status,date,owner\n"
                    "weather,It rained,Umbrellas,maybe,32/13/2019,Officer\n")
    log = load_actions(path)
    assert len(log.data) == 1  # the row is kept
    assert sorted(log.problems["column"]) == ["date", "status", "theme"]
    assert log.data.iloc[0]["theme"] == ""


def test_an_actions_log_without_its_columns_is_a_one_line_error(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("what,when\nsomething,today\n")
    with pytest.raises(CoprodError, match="needs the columns theme, you_said, we_did, status"):
        load_actions(path)


def test_headers_as_officers_write_them_are_understood(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("Theme(s),You said,We did / will do,Status (planned / in progress / done),"
                    "Target date,Owner (role),Notes\n"
                    "Time,Meetings clash with work,Evening meetings,Completed,15/07/2019,"
                    "Chair,agreed at the June board\n")
    log = load_actions(path)
    row = log.data.iloc[0]
    assert (row["theme"], row["we_did"], row["status"], row["owner"]) == (
        "time", "Evening meetings", "done", "Chair")
    assert row["date"] == pd.Timestamp("2019-07-15")
    assert log.summary["columns_ignored"] == ["Notes"]


def test_labels_holding_commas_and_semicolons_are_read_whole(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text('theme,you_said,we_did,status\n'
                    '"Mixing patients and staff; more staff present, more voices; Time",'
                    'Few staff came,Clinicians invited,planned\n')
    log = load_actions(path, extra_codes={
        "mixing": "Mixing patients and staff; more staff present, more voices"})
    assert log.data.iloc[0]["theme"] == "time;mixing"
    assert log.problems.empty


def test_a_you_said_themes_column_is_the_theme_not_what_was_said(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("You said themes,You said,We did,Status\n"
                    "time,Meetings clash with work,Evening meetings,done\n")
    row = load_actions(path).data.iloc[0]
    assert (row["theme"], row["you_said"]) == ("time", "Meetings clash with work")


@pytest.mark.parametrize(("header", "wanted", "value"), [
    ("Date raised,Theme,You said,We did,Status,Date completed", "date", "2019-07-15"),
    ("Theme,You said,We did,Progress notes,Status,Date", "status", "done"),
    ("Issue date,Issue,Theme,We did,Status", "you_said", "Meetings clash with work"),
])
def test_exact_column_names_win_over_looser_ones(tmp_path, header, wanted, value):
    cells = {"Date raised": "01/05/2019", "Theme": "time", "You said": "Meetings clash with work",
             "We did": "Evening meetings", "Status": "done", "Date completed": "15/07/2019",
             "Progress notes": "agreed in May", "Date": "15/07/2019", "Issue date": "01/05/2019",
             "Issue": "Meetings clash with work"}
    path = tmp_path / "actions.csv"
    path.write_text(header + "\n" + ",".join(cells[h] for h in header.split(",")) + "\n")
    row = load_actions(path).data.iloc[0]
    got = row[wanted].strftime("%Y-%m-%d") if wanted == "date" else str(row[wanted])
    assert got == value


def test_of_two_loose_columns_the_one_that_says_what_it_holds_is_taken(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("Theme,You said,We did,Status notes,Status (planned / in progress / done),"
                    "Date of meeting,Date due (target)\n"
                    "time,Meetings clash,Evening meetings,agreed,done,01/05/2019,15/07/2019\n")
    row = load_actions(path).data.iloc[0]
    assert (row["status"], row["date"]) == ("done", pd.Timestamp("2019-07-15"))


def test_two_loose_columns_that_fit_equally_are_a_one_line_error(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("Theme,You said,We did,Status,Owner name,Owner team\n"
                    "time,Meetings clash,Evening meetings,done,Chair,Board\n")
    with pytest.raises(CoprodError, match=r"more than one column could be the owner column: "
                                          r"'Owner name', 'Owner team'"):
        load_actions(path)


@pytest.mark.parametrize("header", ["Issue raised,Theme,We did,Progress (RAG),Who (role)",
                                    "Feedback received,Theme,We did,Status,Lead"])
def test_headers_read_before_are_still_read(tmp_path, header):
    path = tmp_path / "actions.csv"
    path.write_text(header + "\nMeetings clash,time,Evening meetings,done,Chair\n")
    row = load_actions(path).data.iloc[0]
    assert (row["you_said"], row["status"], row["owner"]) == ("Meetings clash", "done", "Chair")
