"""The sessions register: read loosely, every row kept or a one-line error."""

from __future__ import annotations

import pytest

from coprod_analysis import CoprodError, load_sessions
from tests.conftest import REPO


def test_the_sample_register_has_the_thirteen_sessions():
    register = load_sessions(REPO / "data" / "sample" / "sessions.csv")
    assert len(register) == 13
    # Attended, from data/sample/README.md's session table.
    assert register["attended"].tolist() == [14, 18, 11, 16, 12, 22, 19, 15, 24, 10, 13, 20,
                                              17]
    assert register["session_id"].iloc[0] == "2018-03-20-st-georges-centre"


def test_loose_headers_and_uk_dates(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("Date of session,Venue,Number attended\n20th March 2018,Civic Hall,12\n"
                    "02/04/2018,Hub,\n")
    register = load_sessions(path)
    assert register["session_id"].tolist() == ["2018-03-20-civic-hall", "2018-04-02-hub"]
    assert register["attended"].tolist()[0] == 12
    assert register["attended"].isna().tolist() == [False, True]


def test_every_unreadable_row_is_named_in_one_line(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("Date,Venue,Attended\n32/01/2018,Hub,12\n20/03/2018,Hub,twelve\n"
                    ",Hub,3\n")
    with pytest.raises(CoprodError) as caught:
        load_sessions(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "row 1: the date '32/01/2018' not a real date" in message
    assert "row 2: attended 'twelve' is not a whole number" in message
    assert "row 3: the date '' is missing" in message


def test_a_register_without_an_attended_column_is_refused(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("Date,Venue\n20/03/2018,Hub\n")
    with pytest.raises(CoprodError, match="needs a column for 'attended'"):
        load_sessions(path)


def test_a_session_listed_twice_is_refused_in_one_line(tmp_path):
    # A reader's attack (session 11): the register listed one session twice, its forms
    # counted twice in the response rate, and the report stopped with an internal error
    # (its audit found the rate inconsistent). Now the register is refused, naming both.
    path = tmp_path / "sessions.csv"
    path.write_text("session_date,venue,facilitators,attended\n"
                    "2018-02-10,Armley Moor Library,Kate M.,15\n"
                    "2018-08-10,Leeds Civic Hall,Kate M.,5\n"
                    "2018-08-10,Leeds Civic Hall,Bev H.,5\n")
    with pytest.raises(CoprodError, match=r"2018-08-10-leeds-civic-hall is listed more than "
                                          r"once \(rows 2, 3\)") as caught:
        load_sessions(path)
    assert "sessions.csv" in str(caught.value) and "\n" not in str(caught.value)
