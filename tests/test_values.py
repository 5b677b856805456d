"""Tests for :mod:`coprod_analysis.clean.values`: reading scores, choices, dates and times.

Every expected value below is worked out by hand from CONTRACT.md section 1
(Likert 5 and the overall rating) and the issue's list of date formats, never
copied from a run of the code.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from coprod_analysis.clean.values import (
    infer_dayfirst,
    normalise_answer,
    parse_date,
    parse_respondent_type,
    parse_score,
    parse_timestamp,
    tidy_text,
    to_dates,
    to_likert,
    to_overall,
    to_respondent_type,
    to_timestamps,
)
from coprod_analysis.read.platforms import TIMESTAMP_FORMATS
from coprod_analysis.vocab import LIKERT_SYNONYMS, OVERALL_SYNONYMS

D = dt.date
T = dt.datetime


def plain(values) -> list:
    """A column reader's values as a list, missing values as ``None``."""
    return [None if pd.isna(v) else v for v in pd.Series(values).astype(object)]


def plain_dates(values) -> list:
    """A column of dates (any datetime type) as ``datetime.date`` or ``None``."""
    return [None if pd.isna(v) else pd.Timestamp(v).date() for v in pd.Series(values)]


def read_one(reader, text):
    """Run a column reader on a one-cell column: ``(value, problem)``."""
    values, problems = reader(pd.Series([text], dtype=object))
    return plain(values)[0], list(problems)[0]


# --- normalise_answer ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  5 - Strongly AGREE. ", "5 strongly agree"),
        ("Strongly agree", "strongly agree"),
        ("strongly_agree", "strongly agree"),
        ("Strongly    agree!!", "strongly agree"),
        ("Very\u00a0good", "very good"),  # non-breaking space
        ("Don\u2019t know", "don t know"),  # curly apostrophe is punctuation
        ("Don't know", "don t know"),
        ("N/A", "n a"),
        ("-", ""),
        ("", ""),
        ("\uff21\uff27\uff32\uff25\uff25", "agree"),  # full-width letters fold to ASCII
    ],
)
def test_normalise_answer_ignores_case_spacing_and_punctuation(text, expected):
    assert normalise_answer(text) == expected


@given(st.text())
def test_normalise_answer_is_idempotent(text):
    once = normalise_answer(text)
    assert normalise_answer(once) == once


@given(st.text())
def test_normalise_answer_has_no_edge_or_double_spaces(text):
    out = normalise_answer(text)
    assert out == out.strip()
    assert "  " not in out


# --- Likert -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the five labels of the contract, in order
        ("Strongly disagree", 1),
        ("Disagree", 2),
        ("Neither agree nor disagree", 3),
        ("Agree", 4),
        ("Strongly agree", 5),
        # case, spacing and punctuation never matter
        ("STRONGLY AGREE", 5),
        ("agree", 4),
        ("Agree ", 4),
        ("  strongly   disagree. ", 1),
        ("Strongly-agree", 5),
        ("Agree!", 4),
        ("Neither agree nor disagree.", 3),
        # Neutral means 3
        ("Neutral", 3),
        ("neutral", 3),
        # bare digits 1-5
        ("1", 1),
        ("3", 3),
        ("5", 5),
        (" 4 ", 4),
        # number and label together
        ("5 - Strongly agree", 5),
        ("1 - Strongly disagree", 1),
        ("4 \u2013 Agree", 4),  # en dash
        ("3 = Neither agree nor disagree", 3),
        ("Strongly agree (5)", 5),
    ],
)
def test_likert_answers_are_read_as_their_score(text, expected):
    assert read_one(to_likert, text) == (expected, None)


@pytest.mark.parametrize(
    "text",
    ["N/A", "n/a", "NA", "Not applicable", "not applicable", "Don't know", "Don\u2019t know",
     "DON'T KNOW", "-", "", "   ", None],
)
def test_likert_non_answers_are_missing_without_a_problem(text):
    assert read_one(to_likert, text) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["Sometimes", "6", "0", "Yes", "Agreee", "Very good", "10", "5 - Strongly disagree"],
)
def test_likert_unreadable_answers_are_missing_with_a_problem(text):
    value, problem = read_one(to_likert, text)
    assert value is None
    assert isinstance(problem, str) and problem.strip()


def test_likert_column_keeps_order_and_aligns_problems():
    column = pd.Series(["Agree", "Sometimes", None, "5 - Strongly agree", "Agree", "N/A"])
    values, problems = to_likert(column)
    assert plain(values) == [4, None, None, 5, 4, None]
    assert [p is not None for p in problems] == [False, True, False, False, False, False]


def test_likert_reading_does_not_change_the_column():
    column = pd.Series([" Agree ", "Neutral"])
    to_likert(column)
    assert column.tolist() == [" Agree ", "Neutral"]


# --- overall --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Very poor", 1),
        ("Poor", 2),
        ("Fair", 3),
        ("Good", 4),
        ("Very good", 5),
        ("very GOOD", 5),
        ("Very good.", 5),
        ("VERY  POOR", 1),
        ("Average", 3),
        ("OK", 3),
        ("ok", 3),
        ("Excellent", 5),
        ("excellent!", 5),
        ("5", 5),
        ("2", 2),
        ("4 - Good", 4),
        ("1 - Very poor", 1),
    ],
)
def test_overall_ratings_are_read_as_their_score(text, expected):
    assert read_one(to_overall, text) == (expected, None)


@pytest.mark.parametrize("text", ["N/A", "Not applicable", "Don't know", "-", "", None])
def test_overall_non_answers_are_missing_without_a_problem(text):
    assert read_one(to_overall, text) == (None, None)


@pytest.mark.parametrize("text", ["Sometimes", "Agree", "Brilliant?!", "7", "5 - Poor"])
def test_overall_unreadable_ratings_are_missing_with_a_problem(text):
    value, problem = read_one(to_overall, text)
    assert value is None
    assert isinstance(problem, str) and problem.strip()


@pytest.mark.parametrize("synonyms", [LIKERT_SYNONYMS, OVERALL_SYNONYMS])
@given(text=st.text())
@example(text="4\x1f")  # a stray control character after a digit
def test_parse_score_returns_a_score_a_missing_value_or_a_problem(synonyms, text):
    value, problem = parse_score(text, synonyms, "a problem")
    if value is not None:
        assert isinstance(value, int) and not isinstance(value, bool)
        assert 1 <= value <= 5
        assert problem is None
    else:
        assert problem is None or (isinstance(problem, str) and problem)


@given(st.sampled_from(["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
                        "Strongly agree", "Neutral"]),
       st.sampled_from(["", " ", "  ", "."]),
       st.booleans())
def test_likert_labels_read_the_same_whatever_the_case_and_edges(label, edge, upper):
    text = edge + (label.upper() if upper else label.lower()) + edge
    assert parse_score(text, LIKERT_SYNONYMS, "bad") == parse_score(label, LIKERT_SYNONYMS, "bad")


# --- respondent type ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient", "Patient"),
        ("patient", "Patient"),
        ("Carer", "Carer"),
        ("CCG volunteer", "CCG volunteer"),
        ("ccg Volunteer", "CCG volunteer"),
        ("Member of the public", "Member of the public"),
        ("MEMBER OF THE PUBLIC", "Member of the public"),
        ("Staff", "Staff"),
        (" staff ", "Staff"),
        ("Other", "Other"),
        ("Other (please specify): school governor", "Other"),
    ],
)
def test_respondent_types_are_read_as_the_contract_options(text, expected):
    assert parse_respondent_type(text) == (expected, None)


def test_unanswered_respondent_type_is_missing_without_a_problem():
    assert parse_respondent_type("") == (None, None)


@pytest.mark.parametrize("text", ["Alien", "Agree", "42"])
def test_unknown_respondent_type_is_missing_with_a_problem(text):
    value, problem = parse_respondent_type(text)
    assert value is None
    assert isinstance(problem, str) and problem.strip()


def test_respondent_type_column_is_read_cell_by_cell():
    values, problems = to_respondent_type(pd.Series(["Carer", None, "Alien", "carer"]))
    assert plain(values) == ["Carer", None, None, "Carer"]
    assert [p is not None for p in problems] == [False, False, True, False]


# --- tidy_text ------------------------------------------------------------------


def test_tidy_text_trims_edges_and_blanks_become_missing():
    out = tidy_text(pd.Series(["  a  ", "", "   ", None, " line one\nline two "]))
    assert out.isna().tolist() == [False, True, True, True, False]
    assert out[0] == "a"
    assert out[4] == "line one\nline two"


@pytest.mark.parametrize("text", ["NA", "None", "null", "N/A", "007", "0", "nan"])
def test_tidy_text_keeps_words_that_pandas_would_take_for_missing(text):
    out = tidy_text(pd.Series([text]))
    assert out.isna().tolist() == [False]
    assert out[0] == text


def test_tidy_text_keeps_the_index_and_does_not_change_its_input():
    column = pd.Series([" a ", " b "], index=[7, 9])
    out = tidy_text(column)
    assert out.index.tolist() == [7, 9]
    assert column.tolist() == [" a ", " b "]


# --- parse_date -----------------------------------------------------------------

# Excel serial numbers, by hand: serial N is the date N days after 1899-12-30.
# 2018-01-01: from 1900-01-01 there are 118 years with 29 leap years (1904..2016),
# so 118 * 365 + 29 = 43099 days; 1900-01-01 itself is serial 2, so 2018-01-01 is
# 43101. Add January (31) and February (28): 2018-03-01 is 43160, 2018-03-20 is 43179.
# 2024-01-01: 124 years with 30 leap years (1904..2020): 124 * 365 + 30 = 45290, so
# serial 45292. Add 31 + 29 (2024 is a leap year) + 31 = 91: 2024-04-01 is 45383,
# 2024-04-03 is 45385.
SERIAL_2018_03_20 = "43179"
SERIAL_2024_04_03 = "45385"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UK day-first is the default
        ("03/04/2024", D(2024, 4, 3)),
        ("20/03/2018", D(2018, 3, 20)),
        ("20/3/18", D(2018, 3, 20)),
        ("20/3/2018", D(2018, 3, 20)),
        ("20.03.2018", D(2018, 3, 20)),
        ("20-03-2018", D(2018, 3, 20)),
        ("1/4/2019", D(2019, 4, 1)),
        # ISO
        ("2018-03-20", D(2018, 3, 20)),
        ("2024-04-03", D(2024, 4, 3)),
        # long form
        ("20th March 2018", D(2018, 3, 20)),
        ("1st April 2019", D(2019, 4, 1)),
        ("2nd May 2019", D(2019, 5, 2)),
        ("3rd June 2019", D(2019, 6, 3)),
        ("20 March 2018", D(2018, 3, 20)),
        ("20 Mar 2018", D(2018, 3, 20)),
        ("Tuesday 20 March 2018", D(2018, 3, 20)),
        ("Tuesday, 20th March 2018", D(2018, 3, 20)),
        ("March 20, 2018", D(2018, 3, 20)),
        ("20TH MARCH 2018", D(2018, 3, 20)),
        # Excel serial numbers (worked out above)
        (SERIAL_2018_03_20, D(2018, 3, 20)),
        (SERIAL_2024_04_03, D(2024, 4, 3)),
        ("43179.5", D(2018, 3, 20)),  # midday on the same day
        # a time after the date is ignored
        ("14/03/2024 10:09:47", D(2024, 3, 14)),
        ("2018-03-20T14:05:00", D(2018, 3, 20)),
        # edges
        ("  20/03/2018  ", D(2018, 3, 20)),
        ("29/02/2024", D(2024, 2, 29)),  # 2024 is a leap year
    ],
)
def test_dates_typed_or_exported_in_the_usual_ways_are_read(text, expected):
    assert parse_date(text) == (expected, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/04/2024", D(2024, 3, 4)),
        ("03/14/2024", D(2024, 3, 14)),
        ("03/14/2024 10:02:11 AM", D(2024, 3, 14)),  # SurveyMonkey
        ("2018-03-20", D(2018, 3, 20)),  # ISO does not depend on the order
        ("20th March 2018", D(2018, 3, 20)),
    ],
)
def test_month_first_dates_are_read_when_the_column_is_month_first(text, expected):
    assert parse_date(text, dayfirst=False) == (expected, None)


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_date_is_missing_without_a_problem(text):
    assert parse_date(text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "31/06/2018",  # June has 30 days
        "29/02/2023",  # 2023 is not a leap year
        "32/13/2019",
        "next tuesday",
        "soon",
        "20th Smarch 2018",
    ],
)
def test_impossible_or_unreadable_dates_are_missing_with_a_problem(text):
    value, problem = parse_date(text)
    assert value is None
    assert isinstance(problem, str) and problem.strip()


# --- infer_dayfirst and to_dates ------------------------------------------------


@pytest.mark.parametrize(
    ("column", "dayfirst"),
    [
        (["03/04/2024"], True),  # ambiguous alone: the UK reading
        (["03/04/2024", "14/03/2024"], True),  # 14 can only be a day
        (["03/14/2024", "04/02/2024"], False),  # 14 can only be a day, second place
        (["03/14/2024 10:02:11 AM"], False),
        (["03/14/2024", "14/03/2024"], True),  # contradictory: keep the UK default
        (["2024-03-14", "", None], True),
        ([], True),
    ],
)
def test_a_column_is_month_first_only_when_some_date_can_only_be_month_first(column, dayfirst):
    assert infer_dayfirst(pd.Series(column, dtype=object)) is dayfirst


def test_to_dates_reads_an_ambiguous_date_day_first_beside_a_day_first_date():
    dates, problems, dayfirst = to_dates(pd.Series(["03/04/2024", "14/03/2024"]))
    assert plain_dates(dates) == [D(2024, 4, 3), D(2024, 3, 14)]
    assert list(problems) == [None, None]
    assert dayfirst is True


def test_to_dates_reads_an_ambiguous_date_month_first_beside_a_month_first_date():
    dates, problems, dayfirst = to_dates(pd.Series(["03/14/2024", "04/02/2024"]))
    assert plain_dates(dates) == [D(2024, 3, 14), D(2024, 4, 2)]
    assert list(problems) == [None, None]
    assert dayfirst is False


def test_to_dates_reads_a_mix_of_formats_in_one_column():
    column = pd.Series(["20/03/2018", SERIAL_2018_03_20, "2018-03-20", "20th March 2018", "",
                        None])
    dates, problems, _ = to_dates(column)
    assert plain_dates(dates) == [D(2018, 3, 20)] * 4 + [None, None]
    assert list(problems) == [None] * 6


def test_to_dates_aligns_problems_with_the_unreadable_cells():
    dates, problems, _ = to_dates(pd.Series(["20/03/2018", "31/06/2018", None, "31/06/2018"]))
    assert plain_dates(dates) == [D(2018, 3, 20), None, None, None]
    assert [p is not None for p in problems] == [False, True, False, True]


# --- parse_timestamp --------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "text", "expected"),
    [
        # SurveyMonkey: month first, 12-hour clock
        ("surveymonkey", "03/14/2024 10:02:11 AM", T(2024, 3, 14, 10, 2, 11)),
        ("surveymonkey", "03/20/2018 02:01:00 PM", T(2018, 3, 20, 14, 1, 0)),
        ("surveymonkey", "03/20/2018 12:15:00 PM", T(2018, 3, 20, 12, 15, 0)),
        ("surveymonkey", "03/20/2018 12:15:00 AM", T(2018, 3, 20, 0, 15, 0)),
        # Google Forms CSV: year first, 12-hour clock, a time-zone name
        ("googleforms", "2024/03/14 10:09:47 AM GMT", T(2024, 3, 14, 10, 9, 47)),
        ("googleforms", "2024/03/14 1:09:47 PM GMT", T(2024, 3, 14, 13, 9, 47)),
        ("googleforms", "2019/03/14 12:00:00 PM GMT", T(2019, 3, 14, 12, 0, 0)),
        # Google Sheets download: UK day first, 24-hour clock
        ("googleforms", "14/03/2024 10:09:47", T(2024, 3, 14, 10, 9, 47)),
        ("googleforms", "03/04/2024 10:09:47", T(2024, 4, 3, 10, 9, 47)),
        # Microsoft Forms: ISO
        ("msforms", "2018-10-09T15:04:00", T(2018, 10, 9, 15, 4, 0)),
        ("msforms", "2018-10-09 15:04:00", T(2018, 10, 9, 15, 4, 0)),
        # JISC: UK day first, minutes
        ("jisc", "14/10/2019 10:15", T(2019, 10, 14, 10, 15, 0)),
    ],
)
def test_each_platforms_own_timestamp_format_is_read(platform, text, expected):
    assert parse_timestamp(text, TIMESTAMP_FORMATS[platform]) == (expected, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-03-20T14:05:00", T(2018, 3, 20, 14, 5, 0)),
        ("2018-03-20T14:05:00Z", T(2018, 3, 20, 14, 5, 0)),  # wall clock kept, zone dropped
        ("2018-03-20 14:05", T(2018, 3, 20, 14, 5, 0)),
        ("14/03/2024 10:09:47", T(2024, 3, 14, 10, 9, 47)),
        ("14/03/2024 2:05 pm", T(2024, 3, 14, 14, 5, 0)),
        ("20/03/2018", T(2018, 3, 20, 0, 0, 0)),  # a date alone is midnight
    ],
)
def test_timestamps_without_a_platform_format_are_read_as_iso_or_uk(text, expected):
    assert parse_timestamp(text) == (expected, None)


def test_an_empty_timestamp_is_missing_without_a_problem():
    assert parse_timestamp("") == (None, None)
    assert parse_timestamp("   ", TIMESTAMP_FORMATS["surveymonkey"]) == (None, None)


@pytest.mark.parametrize("text", ["soon", "yesterday afternoon", "31/06/2018 10:00"])
def test_an_unreadable_timestamp_is_missing_with_a_problem(text):
    value, problem = parse_timestamp(text)
    assert value is None
    assert isinstance(problem, str) and problem.strip()


# --- to_timestamps --------------------------------------------------------------


def test_to_timestamps_reads_a_surveymonkey_column_and_reports_unreadable_cells():
    column = pd.Series(["03/14/2024 10:02:11 AM", "03/20/2018 02:01:00 PM", "", "soon", None],
                       index=[1, 2, 3, 4, 5])
    times, problems = to_timestamps(column, TIMESTAMP_FORMATS["surveymonkey"])
    assert times.index.tolist() == [1, 2, 3, 4, 5]
    assert times[1] == pd.Timestamp(2024, 3, 14, 10, 2, 11)
    assert times[2] == pd.Timestamp(2018, 3, 20, 14, 1, 0)
    assert times.isna().tolist() == [False, False, True, True, True]
    assert [p is not None for p in problems] == [False, False, False, True, False]


def test_to_timestamps_reads_google_forms_times_with_a_time_zone_name():
    column = pd.Series(["2024/03/14 10:09:47 AM GMT", "2024/03/14 01:00:00 PM GMT"])
    times, problems = to_timestamps(column, TIMESTAMP_FORMATS["googleforms"])
    assert times.tolist() == [pd.Timestamp(2024, 3, 14, 10, 9, 47),
                              pd.Timestamp(2024, 3, 14, 13, 0, 0)]
    assert list(problems) == [None, None]


def test_to_timestamps_falls_back_to_other_formats_cell_by_cell():
    column = pd.Series(["2024/03/14 10:09:47 AM GMT", "2024-03-15T09:00:00", "16/03/2024 08:30"])
    times, problems = to_timestamps(column, TIMESTAMP_FORMATS["googleforms"])
    assert times.tolist() == [pd.Timestamp(2024, 3, 14, 10, 9, 47),
                              pd.Timestamp(2024, 3, 15, 9, 0, 0),
                              pd.Timestamp(2024, 3, 16, 8, 30, 0)]
    assert list(problems) == [None, None, None]


def test_to_timestamps_does_not_change_its_input():
    column = pd.Series([" 03/14/2024 10:02:11 AM "])
    to_timestamps(column, TIMESTAMP_FORMATS["surveymonkey"])
    assert column.tolist() == [" 03/14/2024 10:02:11 AM "]


# --- Found in review --------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("5.", 5), ("(5)", 5), ("5)", 5), ("4.0", 4)])
def test_a_digit_with_punctuation_is_its_score(text, expected):
    assert parse_score(text, LIKERT_SYNONYMS, "bad") == (expected, None)


@pytest.mark.parametrize("text", ["?", "!!!", "\u2713"])
def test_punctuation_alone_is_unreadable_not_missing(text):
    value, problem = parse_score(text, LIKERT_SYNONYMS, "bad")
    assert value is None and problem == "bad"


@pytest.mark.parametrize("text", ["20-Mar-18", "20-Mar-2018", "20 Mar 2018"])
def test_excel_s_day_month_year_display_is_a_date(text):
    assert parse_date(text) == (D(2018, 3, 20), None)


def test_a_submission_time_in_an_impossible_year_is_a_problem_not_a_crash():
    column = pd.Series(["01/01/3000 10:00:00", "3019/03/14 10:09:47 AM GMT", "1899-12-30"])
    times, problems = to_timestamps(column, TIMESTAMP_FORMATS["googleforms"])
    assert times.isna().all()
    assert all("looks like a typing mistake" in p for p in problems)


def test_surveymonkey_times_without_seconds_are_month_first():
    times, problems = to_timestamps(pd.Series(["03/04/2024 10:02 AM"]),
                                    TIMESTAMP_FORMATS["surveymonkey"], dayfirst=False)
    assert times.tolist() == [pd.Timestamp(2024, 3, 4, 10, 2)]


def test_member_of_public_is_understood():
    assert parse_respondent_type("Member of public") == ("Member of the public", None)
