"""Shared fixtures: the hand-written exports in ``tests/fixtures/``.

The CSV fixtures are typed by hand with each platform's bytes (CRLF,
BOM, Windows-1252). A Microsoft Forms export is an XLSX workbook, which
cannot be typed as text, so :func:`msforms_xlsx` builds one from the
hand-written rows below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent

OUTCOME_STATEMENTS = [
    "How far do you agree?.I understand the patient champion\u2019s role",
    "I can define and explain the different levels of co-production",
    "How far do you agree?.I can outline the benefits of co-production",
    "I can outline the challenges of co-production",
    "I can give examples of co-production",
    "I can carry out a simple critique of initiatives",
    "I can outline the steps to carry out co-production successfully",
    "I feel more confident to get involved in\u00a0co-production",
]
MSFORMS_HEADER = [
    "ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
    "Date of the session", "Where did you attend?", "Which best describes you?",
    *OUTCOME_STATEMENTS,
    "Overall, how would you rate the session?",
    "One thing you'll take away from the session", "Make a pledge",
    "How could we improve the session?",
]
_T = dt.datetime
_D = dt.datetime(2018, 10, 9)
AGREE8 = ["Agree"] * 8
MSFORMS_ROWS = [
    # 1: anonymous
    [1, _T(2018, 10, 9, 15, 0), _T(2018, 10, 9, 15, 4), "anonymous", None, None,
     _D, "Chapeltown Health Centre", "Patient", *AGREE8, "Good", "Equal voices", "Join", "Tea"],
    # 2: Jo's first submission (replaced by 3)
    [2, _T(2018, 10, 9, 15, 1), _T(2018, 10, 9, 15, 5), "jo.bloggs@example.org", "Jo Bloggs",
     None, _D, "Chapeltown Health Centre", "Carer", *["Disagree"] * 8, "Poor", "Little",
     "None", "More time"],
    # 3: Jo resubmits for the same session, later: this one is kept
    [3, _T(2018, 10, 9, 16, 0), _T(2018, 10, 9, 16, 2), "jo.bloggs@example.org", "Jo Bloggs",
     None, _D, "Chapeltown Health Centre", "Carer", *["Strongly agree"] * 8, "Very good",
     "A lot", "Speak up", "Nothing"],
    # 4: anonymous, identical answers to 1: a different person, kept
    [4, _T(2018, 10, 9, 15, 0), _T(2018, 10, 9, 15, 4), "anonymous", None, None,
     _D, "Chapeltown Health Centre", "Patient", *AGREE8, "Good", "Equal voices", "Join", "Tea"],
    # 5: a formula typed into a free-text answer
    [5, _T(2018, 10, 9, 15, 2), _T(2018, 10, 9, 15, 9), "anonymous", None, None,
     _D, "Chapeltown Health Centre", "Staff", *AGREE8, "Fair", "Listening",
     "@me", "=HYPERLINK(\"http://example.org\")"],
]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """Write rows to the first sheet of a new workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def msforms_xlsx(tmp_path: Path) -> Path:
    """A Microsoft Forms export with real date cells, a resubmission and a formula."""
    return write_xlsx(tmp_path / "msforms.xlsx", [MSFORMS_HEADER, *MSFORMS_ROWS])


@pytest.fixture
def fixture_path():
    """The path of a hand-written fixture file by name."""
    return lambda name: FIXTURES / name


REVIEW_MSFORMS_HEADER = [
    "ID", "Start time", "Completion time", "Email", "Name",
    "Name of your group", "What kind of group is it?", "Date",
    *(f"Where is your group on the ladder of co-production?.{level}"
      for level in ("Co-design", "Co-decision", "Co-delivery", "Co-evaluation")),
    "Overall, where is your group on the ladder?",
    "What gets in the way? (tick all that apply)",
    "Describe the challenges your group faces",
    "Patients are involved from the start",
    "Patients are involved throughout the whole process",
    "Patients and staff work together as equal partners",
    "Everyone\u2019s role and the level of co-production are agreed",
    "Feedback is acted on and reported back (\u201cyou said, we did\u201d)",
    "Patients and staff evaluate the difference made together",
]
REVIEW_MSFORMS_ROWS = [
    # 1: Pat's first submission for Leeds North PAG (replaced by 2)
    [1, _T(2018, 7, 1, 9, 50), _T(2018, 7, 1, 10, 0), "pat@example.org", "Pat Smith",
     "Leeds North PAG", "Patient Assurance Group", dt.datetime(2018, 7, 1),
     "Descriptive", "Descriptive", "Descriptive", "Descriptive", "Descriptive",
     "Tokenism;Lack of respect;Other;", "Call 0113 496 0123", "No", "No", "No", "No", "No", "No"],
    # 2: Pat resubmits, later, for the same group: kept
    [2, _T(2018, 7, 1, 10, 50), _T(2018, 7, 1, 11, 0), "pat@example.org", "Pat Smith",
     "Leeds North PAG", "Patient Assurance Group", dt.datetime(2018, 7, 1),
     "Intermediate", "Descriptive", "Intermediate", "Not involved", "Intermediate",
     "Time;", "Meetings clash with work", "Yes", "No", "No", "No", "No", "No"],
    # 3: anonymous, a steering group
    [3, _T(2018, 7, 2, 14, 0), _T(2018, 7, 2, 14, 5), "anonymous", None,
     "CCG Volunteer Steering Group", "CCG volunteer steering group", dt.datetime(2018, 7, 2),
     "Transformative", "Intermediate", "Transformative", "Intermediate", "Transformative",
     "Organisation;Motivation;", "Too many meetings", "Yes", "Yes", "Yes", "Yes", "Yes", "Yes"],
]


@pytest.fixture
def reviews_msforms_xlsx(tmp_path: Path) -> Path:
    """A Microsoft Forms review export: ';'-terminated lists and a resubmission."""
    return write_xlsx(tmp_path / "reviews-msforms.xlsx",
                      [REVIEW_MSFORMS_HEADER, *REVIEW_MSFORMS_ROWS])


def outcome_forms(dates_and_scores: list[tuple[str, int, int]]):
    """Evaluation forms: for each (session date, agreeing, not agreeing), that many 5s
    and 2s on every outcome."""
    import pandas as pd

    from coprod_analysis.vocab import OUTCOME_NAMES, SCORE_DTYPE

    rows = [(d, s) for d, yes, no in dates_and_scores for s in [5] * yes + [2] * no]
    frame = pd.DataFrame({o: pd.Categorical([s for _, s in rows], dtype=SCORE_DTYPE)
                          for o in OUTCOME_NAMES})
    frame["session_date"] = pd.to_datetime([d for d, _ in rows])
    return frame
