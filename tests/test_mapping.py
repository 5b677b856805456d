"""Tests for :mod:`coprod_analysis.mapping` and :mod:`coprod_analysis.read.platforms`.

Matching a column to a field is by meaning (CONTRACT.md section 1): numbering
like ``Q3.``, curly apostrophes, non-breaking spaces, "By the end of the
session I..." prefixes and abbreviated hand-typed headers must not matter.
The expected field for each header is what the question asks, by hand.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coprod_analysis.errors import CoprodError
from coprod_analysis.mapping import (
    header_candidates,
    identifier_kind,
    map_columns,
    match_field,
    normalise_header,
    read_mapping_file,
)
from coprod_analysis.read.grid import Grid
from coprod_analysis.read.platforms import clean_header, detect_platform, to_raw_export
from coprod_analysis.vocab import EVALUATION_FIELDS

SURVEYMONKEY_OWN = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
                    "Email Address", "First Name", "Last Name", "Custom Data 1"]
MSFORMS_OWN = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]


def grid_of(rows: list[list[str]], malformed=None) -> Grid:
    """A grid of text records, as a reader would return it."""
    frame = pd.DataFrame(rows, columns=range(len(rows[0])), dtype=object)
    return Grid(Path("export.csv"), frame, list(range(len(rows))), malformed or [])


# --- clean_header -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  I understand the patient\u00a0champion\u2019s role\n",
         "I understand the patient champion's role"),
        ("\ufeffRespondent ID", "Respondent ID"),
        ("Q1.\nDate of the\r\nsession", "Q1. Date of the session"),
        ("\u201cYou said, we did\u201d", '"You said, we did"'),
        ("\u2018Take away\u2019", "'Take away'"),
        ("Venue", "Venue"),
    ],
)
def test_clean_header_straightens_quotes_and_collapses_white_space(text, expected):
    assert clean_header(text) == expected


# --- normalise_header -----------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Q3. Which best describes you?", "which best describes you"),
        ("Q3) Which best describes you?", "which best describes you"),
        ("3. Which best describes you?", "which best describes you"),
        ("Question 3: Which best describes you?", "which best describes you"),
        ("Q3.\u00a0Which best describes you?", "which best describes you"),
        ("  Which best describes you?  ", "which best describes you"),
        ("4.1. I understand the patient champion\u2019s role",
         "i understand the patient champion s role"),
        ("4.1 I understand the patient champion's role",
         "i understand the patient champion s role"),
        ("By the end of the session I\u2026 can outline the benefits",
         "can outline the benefits"),
        ("By the end of the session, I can outline the benefits of co-production",
         "can outline the benefits of co production"),
        ("Where did you\u00a0attend?", "where did you attend"),
        ("Q7. One thing you\u2019ll take away", "one thing you ll take away"),
        ("Overall_rating", "overall rating"),
    ],
)
def test_normalise_header_removes_numbering_prefixes_and_punctuation(header, expected):
    assert normalise_header(header) == expected


#: Header-like text without digits: numbering cannot appear in it.
header_text = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ?,.:;()-_'\u2019\u00a0\u2026",
    max_size=60,
)


@given(header_text)
def test_normalised_headers_stay_the_same_when_normalised_again(header):
    once = normalise_header(header)
    assume(not once.startswith(("by the end of", "at the end of")))
    assert normalise_header(once) == once


@given(header_text)
def test_normalised_headers_are_lower_case_words_separated_by_single_spaces(header):
    out = normalise_header(header)
    assert out == out.strip()
    assert "  " not in out
    assert out == out.lower()
    assert all(c.isalnum() or c == " " for c in out)


@given(st.sampled_from(["Q3. ", "Q3) ", "3. ", "12. ", "4.1. ", "Question 3: "]), header_text)
def test_question_numbering_never_changes_the_normalised_header(numbering, header):
    assume(header.strip()[:1].isalpha())
    assert normalise_header(numbering + header) == normalise_header(header)


# --- header_candidates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "first"),
    [
        ("By the end of the session, how far do you agree? [I can give examples of co-production]",
         "i can give examples of co production"),
        ("How far do you agree?.I can give examples of co-production",
         "i can give examples of co production"),
        ("How far do you agree?.I understand the patient champion\u2019s role",
         "i understand the patient champion s role"),
    ],
)
def test_a_grid_or_matrix_statement_is_tried_before_the_whole_header(header, first):
    candidates = header_candidates(header)
    assert candidates[0] == first
    assert len(candidates) == 2


def test_question_numbering_is_not_taken_for_a_matrix_dot():
    assert header_candidates("4.1. I understand the patient champion's role") == [
        "i understand the patient champion s role"
    ]


# --- match_field ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # the form's own wording
        ("Date of the session", "session_date"),
        ("Where did you attend?", "venue"),
        ("Which best describes you?", "respondent_type"),
        ("I understand the patient champion's role", "outcome_role"),
        ("I can define and explain the different levels of co-production", "outcome_levels"),
        ("I can outline the benefits of co-production", "outcome_benefits"),
        ("I can outline the challenges of co-production", "outcome_challenges"),
        ("I can give examples of co-production", "outcome_examples"),
        ("I can carry out a simple critique of initiatives", "outcome_critique"),
        ("I can outline the steps to carry out co-production successfully", "outcome_steps"),
        ("I feel more confident to get involved in co-production", "outcome_confidence"),
        ("Overall, how would you rate the session?", "overall"),
        ("One thing you'll take away from the session", "takeaway"),
        ("Make a pledge", "pledge"),
        ("How could we improve the session?", "improvements"),
        # numbering, curly apostrophes, non-breaking spaces, trailing spaces
        ("Q1. Date of the session", "session_date"),
        ("2. Where did you attend? ", "venue"),
        ("Q3. Which best describes you?", "respondent_type"),
        ("4.1. I understand the patient champion\u2019s role", "outcome_role"),
        ("I feel more confident to get involved in\u00a0co-production", "outcome_confidence"),
        ("Q12. Overall, how would you rate it?", "overall"),
        ("One thing you\u2019ll take away from the session", "takeaway"),
        # "By the end of the session I..." prefixes
        ("By the end of the session I\u2026 can define and explain the different levels of "
         "co-production", "outcome_levels"),
        ("By the end of the session I can outline the benefits of co-production",
         "outcome_benefits"),
        # Google Forms and SurveyMonkey grid rows, Microsoft Forms matrix statements
        ("By the end of the session, how far do you agree? [I can outline the benefits of "
         "co-production]", "outcome_benefits"),
        ("By the end of the session, how far do you agree with the following statements? "
         "[I can outline the challenges of co-production]", "outcome_challenges"),
        ("How far do you agree?.I can give examples of co-production", "outcome_examples"),
        ("How far do you agree?.I understand the patient champion\u2019s role", "outcome_role"),
        # hand-typed, abbreviated headers (a paper form typed into Excel)
        ("Date", "session_date"),
        ("Session date", "session_date"),
        ("Venue", "venue"),
        ("You are", "respondent_type"),
        ("Role of champion", "outcome_role"),
        ("Levels", "outcome_levels"),
        ("Outline benefits", "outcome_benefits"),
        ("Outline challenges", "outcome_challenges"),
        ("Examples", "outcome_examples"),
        ("Critique", "outcome_critique"),
        ("Steps", "outcome_steps"),
        ("Confidence", "outcome_confidence"),
        ("Overall", "overall"),
        ("Take away", "takeaway"),
        ("Pledge", "pledge"),
        ("Improve", "improvements"),
    ],
)
def test_headers_are_matched_to_fields_by_meaning(header, field):
    assert match_field(header, EVALUATION_FIELDS) == field


@pytest.mark.parametrize(
    "header",
    ["Notes (staff use)", "Favourite colour", "Typed by", "Any other comments?", ""],
)
def test_headers_that_ask_about_no_field_match_nothing(header):
    assert match_field(header, EVALUATION_FIELDS) is None


# --- identifier_kind --------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Email address", "email"),
        ("Email", "email"),
        ("E-mail", "email"),
        ("Your e-mail (optional)", "email"),
        ("IP Address", "identifier"),
        ("First Name", "identifier"),
        ("Last Name", "identifier"),
        ("Name", "identifier"),
        ("Your name", "identifier"),
        ("Custom Data 1", "identifier"),
        ("Phone number", "identifier"),
        ("Mobile", "identifier"),
        ("Postcode", "identifier"),
        ("NHS number", "identifier"),
        ("Date of birth", "identifier"),
    ],
)
def test_headers_naming_a_personal_identifier_are_recognised(header, kind):
    assert identifier_kind(header) == kind


@pytest.mark.parametrize(
    "header",
    ["Venue", "Date of the session", "Which best describes you?", "Role of champion",
     "How could we improve the session?", "Name of your group"],
)
def test_ordinary_question_headers_are_not_identifiers(header):
    assert identifier_kind(header) is None


# --- map_columns -------------------------------------------------------------------


def test_every_column_gets_a_role_and_unmapped_columns_are_kept():
    headers = ["Date", "Venue", "Your name", "Email", "Outline benefits", "Notes (staff use)"]
    colmap = map_columns(headers, EVALUATION_FIELDS)
    assert colmap.roles == {
        "Date": "session_date",
        "Venue": "venue",
        "Your name": "identifier",
        "Email": "email",
        "Outline benefits": "outcome_benefits",
        "Notes (staff use)": "unmapped",
    }
    assert colmap.unmapped == ["Notes (staff use)"]
    assert colmap.fields == {"session_date": "Date", "venue": "Venue",
                             "outcome_benefits": "Outline benefits"}
    assert colmap.column_for("venue") == "Venue"
    assert colmap.column_for("pledge") is None


def test_of_two_columns_neither_worded_as_the_question_the_leftmost_wins():
    colmap = map_columns(["Benefits of it", "Benefits"], EVALUATION_FIELDS)
    # each shares "benefits" of the short label's two words "outline", "benefits": 1/2
    assert colmap.roles == {"Benefits of it": "outcome_benefits", "Benefits": "unmapped"}
    assert len(colmap.notes) == 1
    assert "'Benefits' also looks like 'outcome_benefits'" in colmap.notes[0]


@pytest.mark.parametrize(("headers", "read", "extra"), [
    # "level" is 1 of the 6 words of "highest level education" and the short label
    # "define levels co production" together; the form's own question shares them all
    (["What is your highest level of education?",
      "I can define and explain the different levels of co-production"],
     "I can define and explain the different levels of co-production",
     "What is your highest level of education?"),
    (["Do you support road pricing? Since the toll was introduced air quality improved.",
      "How could we improve the session?"],
     "How could we improve the session?",
     "Do you support road pricing? Since the toll was introduced air quality improved."),
    (["Benefits", "Outline benefits"], "Outline benefits", "Benefits"),  # 1/2 against 2/2
])
def test_of_two_columns_for_one_field_the_one_worded_as_its_question_wins(headers, read, extra):
    colmap = map_columns(headers, EVALUATION_FIELDS)
    field = colmap.roles[read]
    assert field in {f.name for f in EVALUATION_FIELDS}
    assert colmap.roles[extra] == "unmapped"
    assert colmap.notes == [f"{extra!r} also looks like {field!r}, which is read from "
                            f"{read!r} (worded as the form's question; the leftmost column "
                            "is read otherwise); it is kept as an extra column"]


def test_a_question_sharing_one_word_with_the_form_does_not_take_its_answers(tmp_path):
    path = tmp_path / "levels.csv"
    path.write_text(
        "Timestamp,What is your highest level of education?,"
        "I can define and explain the different levels of co-production,"
        "How could we improve the session?\n"
        "2024/03/14 10:09:47,4,Strongly agree,More breaks please\n"
        "2024/03/14 10:10:47,College degree,Disagree,Longer lunch\n", encoding="utf-8")
    from coprod_analysis import load_evaluations

    result = load_evaluations(path)
    assert result.data["outcome_levels"].tolist() == [5, 2]
    assert result.data["What is your highest level of education?"].tolist() == [
        "4", "College degree"]
    assert result.problems.empty


def test_the_platforms_own_columns_keep_the_role_the_reader_gave_them():
    colmap = map_columns(["Timestamp", "Email address", "Venue"], EVALUATION_FIELDS,
                         platform_roles={"Timestamp": "submitted_at", "Email address": "email"})
    assert colmap.roles == {"Timestamp": "submitted_at", "Email address": "email",
                            "Venue": "venue"}


def test_a_mapping_file_overrides_the_automatic_matching(tmp_path):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text(
        "column,field\n"
        "Notes (staff use),improvements\n"
        "Venue,keep\n"
        "Typed by,ignore\n"
        "one thing you'll take away,takeaway\n",
        encoding="utf-8",
    )
    overrides = read_mapping_file(mapping, EVALUATION_FIELDS)
    headers = ["Venue", "Notes (staff use)", "Typed by", "One thing you\u2019ll take away",
               "Date of the session"]
    colmap = map_columns(headers, EVALUATION_FIELDS, overrides=overrides)
    assert colmap.roles == {
        "Venue": "unmapped",
        "Notes (staff use)": "improvements",
        "Typed by": "ignore",
        "One thing you\u2019ll take away": "takeaway",
        "Date of the session": "session_date",
    }


def test_a_whole_surveymonkey_header_maps_every_field_of_the_form():
    question = "By the end of the session, how far do you agree with the following statements?"
    statements = {
        "outcome_role": "I understand the patient champion's role",
        "outcome_levels": "I can define and explain the different levels of co-production",
        "outcome_benefits": "I can outline the benefits of co-production",
        "outcome_challenges": "I can outline the challenges of co-production",
        "outcome_examples": "I can give examples of co-production",
        "outcome_critique": "I can carry out a simple critique of initiatives",
        "outcome_steps": "I can outline the steps to carry out co-production successfully",
        "outcome_confidence": "I feel more confident to get involved in co-production",
    }
    headers = [
        "Date of the session", "Where did you attend?", "Which best describes you?",
        *[f"{question} [{s}]" for s in statements.values()],
        "Overall, how would you rate the session?",
        "One thing you'll take away from the session", "Make a pledge",
        "How could we improve the session?",
    ]
    colmap = map_columns(headers, EVALUATION_FIELDS)
    assert set(colmap.fields) == {f.name for f in EVALUATION_FIELDS}
    for name, statement in statements.items():
        assert colmap.fields[name] == f"{question} [{statement}]"


# --- read_mapping_file ------------------------------------------------------------


def test_a_mapping_file_is_matched_to_headers_whatever_the_case_quotes_and_spaces(tmp_path):
    mapping = tmp_path / "mapping.csv"
    mapping.write_bytes(
        "\ufeffColumn,Field\r\n"
        "  Q5 \u2018Outline\u2019   benefits ,Outcome_Benefits\r\n"
        ",\r\n"
        "Notes,ignore\r\n".encode("utf-8")
    )
    overrides = read_mapping_file(mapping, EVALUATION_FIELDS)
    colmap = map_columns(["Q5 'outline' Benefits", "NOTES", "Venue"], EVALUATION_FIELDS,
                         overrides=overrides)
    assert colmap.roles == {"Q5 'outline' Benefits": "outcome_benefits", "NOTES": "ignore",
                            "Venue": "venue"}


@pytest.mark.parametrize(
    "content",
    [
        "column,field\nVenue,not_a_field\n",  # unknown field
        "header,target\nVenue,venue\n",  # wrong column names
        "column,field\n",  # no rows
        "",  # empty
    ],
)
def test_a_bad_mapping_file_is_a_one_line_error_naming_the_file(tmp_path, content):
    mapping = tmp_path / "my-mapping.csv"
    mapping.write_text(content, encoding="utf-8")
    with pytest.raises(CoprodError) as caught:
        read_mapping_file(mapping, EVALUATION_FIELDS)
    assert "my-mapping.csv" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_mapping_file_is_an_error(tmp_path):
    with pytest.raises(CoprodError):
        read_mapping_file(tmp_path / "nope.csv", EVALUATION_FIELDS)


# --- detect_platform ------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "platform"),
    [
        ([*SURVEYMONKEY_OWN, "Date of the session"], "surveymonkey"),
        ([*MSFORMS_OWN, "Date of the session"], "msforms"),
        (["Timestamp", "Email address", "Q1. Date of the session"], "googleforms"),
        (["Timestamp", "Date of the session"], "googleforms"),
        (["Response ID", "Started", "Completed", "1. Date of the session"], "jisc"),
        (["\ufeffResponse ID", "Started", "Completed", "1. Date of the session"], "jisc"),
        (["Response Number", "Start date", "Completion date", "1. Date"], "jisc"),
        (["Date", "Venue", "You are", "Role of champion"], "manual"),
        (["ID", "Date", "Venue"], "manual"),
        (["Date of the session", "Where did you attend?"], "manual"),
    ],
)
def test_the_platform_is_recognised_from_its_own_header_columns(header, platform):
    assert detect_platform(header) == platform


# --- to_raw_export -----------------------------------------------------------------

SM_QUESTION = "By the end of the session, how far do you agree?"
SM_ROW1 = [*SURVEYMONKEY_OWN, "Date of the session", SM_QUESTION, "", "",
           "Overall, how would you rate the session?", "Any other comments?"]
SM_ROW2 = [""] * 9 + ["Response", "I understand the patient champion's role",
                      "I can outline the benefits of co-production",
                      "I feel more confident to get involved in co-production",
                      "Response", "Open-Ended Response"]
SM_DATA = ["11400000001", "234567891", "03/20/2018 10:02:11 AM", "03/20/2018 10:09:40 AM",
           "192.0.2.10", "jane.doe@example.org", "Jane", "Doe", "", "20/03/2018", "Agree",
           "Strongly agree", "Agree", "Good", "Lovely"]


def test_surveymonkeys_two_header_rows_become_one_header_a_column():
    export = to_raw_export(grid_of([SM_ROW1, SM_ROW2, SM_DATA]))
    assert export.platform == "surveymonkey"
    headers = list(export.cells.columns)
    assert headers[:10] == [*SURVEYMONKEY_OWN, "Date of the session"]
    # each statement of the matrix carries its own text, under the question
    for position, statement in [(10, "I understand the patient champion's role"),
                                (11, "I can outline the benefits of co-production"),
                                (12, "I feel more confident to get involved in co-production")]:
        assert statement in headers[position]
        assert SM_QUESTION in headers[position]
    # "Response" and "Open-Ended Response" add nothing to the question
    assert headers[13:] == ["Overall, how would you rate the session?", "Any other comments?"]


def test_combined_surveymonkey_headers_map_to_the_right_fields():
    export = to_raw_export(grid_of([SM_ROW1, SM_ROW2, SM_DATA]))
    colmap = map_columns(list(export.cells.columns), EVALUATION_FIELDS,
                         platform_roles=export.roles)
    fields = colmap.fields
    headers = list(export.cells.columns)
    assert fields["session_date"] == headers[9]
    assert fields["outcome_role"] == headers[10]
    assert fields["outcome_benefits"] == headers[11]
    assert fields["outcome_confidence"] == headers[12]
    assert fields["overall"] == headers[13]
    assert colmap.unmapped == ["Any other comments?"]


def test_surveymonkeys_own_columns_are_given_their_roles():
    export = to_raw_export(grid_of([SM_ROW1, SM_ROW2, SM_DATA]))
    assert export.roles["Respondent ID"] == "respondent_id"
    assert export.roles["Email Address"] == "email"
    assert export.roles["End Date"] == "submitted_at"
    for header in ["IP Address", "First Name", "Last Name", "Custom Data 1"]:
        assert export.roles[header] == "identifier"


def test_source_rows_count_from_one_after_both_surveymonkey_header_rows():
    second = [*SM_DATA[:10], "Agree", "Agree", "Agree", "Fair", ""]
    # records 0 and 1 are headers; record 2 is row 1, record 3 (too few fields) is
    # row 2, record 4 is row 3
    grid = grid_of([SM_ROW1, SM_ROW2, SM_DATA, second],
                   malformed=[(3, ["11400000003", "234567891"])])
    grid.record_numbers = [0, 1, 2, 4]
    export = to_raw_export(grid)
    assert export.cells.index.tolist() == [1, 3]
    assert export.malformed == [(2, ["11400000003", "234567891"])]
    assert export.rows_read == 3
    assert export.cells.loc[1, "Respondent ID"] == "11400000001"


def test_a_one_row_header_leaves_source_row_one_for_the_first_answer():
    export = to_raw_export(grid_of([["Date", "Venue"], ["20/03/2018", "Leeds"],
                                    ["21/03/2018", "York"]]))
    assert export.platform == "manual"
    assert export.cells.index.tolist() == [1, 2]
    assert export.cells.loc[2, "Venue"] == "York"


def test_duplicated_headers_are_not_renamed_the_pandas_way():
    export = to_raw_export(grid_of([["Comments", "Comments", "Q1"], ["a", "b", "c"]]))
    headers = list(export.cells.columns)
    assert headers[0] == "Comments"
    assert len(set(headers)) == 3
    assert "Comments.1" not in headers
    assert export.cells.iloc[0].tolist() == ["a", "b", "c"]


def test_header_text_is_cleaned_and_the_raw_text_is_kept():
    export = to_raw_export(grid_of([["Where did you\u00a0attend?\n", "Q1.\nDate"],
                                    ["Leeds", "20/03/2018"]]))
    assert list(export.cells.columns) == ["Where did you attend?", "Q1. Date"]
    assert export.headers_raw["Q1. Date"] == "Q1.\nDate"


def test_microsoft_forms_own_columns_are_given_their_roles():
    export = to_raw_export(grid_of([[*MSFORMS_OWN, "Venue"],
                                    ["1", "2018-10-09T15:00:00", "2018-10-09T15:04:00",
                                     "anonymous", "", "", "Leeds"]]))
    assert export.platform == "msforms"
    assert export.roles["ID"] == "respondent_id"
    assert export.roles["Completion time"] == "submitted_at"
    assert export.roles["Email"] == "email"
    assert export.roles["Name"] == "identifier"
    assert "Venue" not in export.roles


def test_google_forms_timestamp_is_the_submission_time():
    export = to_raw_export(grid_of([["Timestamp", "Email address", "Venue"],
                                    ["2019/03/14 10:09:47 AM GMT", "amy@example.org", "Leeds"]]))
    assert export.platform == "googleforms"
    assert export.roles["Timestamp"] == "submitted_at"
    assert export.roles["Email address"] == "email"


def test_jisc_response_number_and_completion_time_are_recognised():
    export = to_raw_export(grid_of([["Response ID", "Started", "Completed", "1. Venue"],
                                    ["1", "14/10/2019 10:02", "14/10/2019 10:15", "Leeds"]]))
    assert export.platform == "jisc"
    assert export.roles["Response ID"] == "respondent_id"
    assert export.roles["Completed"] == "submitted_at"


# --- Found in review --------------------------------------------------------------


def test_a_surveymonkey_file_with_one_header_row_keeps_its_first_response(tmp_path):
    from coprod_analysis import load_evaluations

    path = tmp_path / "sm1.csv"
    path.write_text(
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,"
        "Last Name,Custom Data 1,Date of the session,Overall,I feel more confident\n"
        "1141,99,03/20/2018 10:00:00 AM,03/20/2018 10:05:00 AM,192.0.2.1,a@example.org,Ann,"
        "Bee,,20/03/2018,Good,Agree\n"
        "1142,99,03/20/2018 10:00:00 AM,03/20/2018 10:06:00 AM,192.0.2.2,,,,,20/03/2018,Good,"
        "Agree\n")
    result = load_evaluations(path)
    assert result.summary["rows_read"] == 2 and len(result.data) == 2
    assert result.summary["files"]["sm1.csv"]["header_rows"] == 1
    text = result.data.astype(str).to_csv() + str(result.summary)
    for identifier in ("1141", "a@example.org", "Ann", "192.0.2.1"):
        assert identifier not in text


@pytest.mark.parametrize("header", [
    "Forename", "Contact number", "Contact no.", "Address line 1", "Home address (optional)",
    "Your address", "NHS No.", "DOB", "D.O.B.", "Initials", "Respondent ID", "IP",
    "Emailaddress", "Email2", "Your e-mail (optional)", "Participant name",
])
def test_more_ways_of_asking_for_an_identifier_are_recognised(header):
    assert identifier_kind(header) in ("identifier", "email")


def test_the_mapping_file_wins_over_an_automatic_match_to_its_left():
    roles = map_columns(["Overall", "Q7 What did you think of the session overall?"],
                        EVALUATION_FIELDS,
                        overrides={"q7 what did you think of the session overall?": "overall"})
    assert roles.roles == {"Overall": "unmapped",
                           "Q7 What did you think of the session overall?": "overall"}


def test_the_contract_s_own_column_names_are_understood():
    for name in ("outcome_role", "session_date", "overall", "improvements"):
        assert match_field(name, EVALUATION_FIELDS) == name


def test_a_mapping_file_with_extra_columns_semicolons_and_blank_lines(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text("column;field;note\n\nVenue;venue;x\n\nWhere;where;y\n")
    with pytest.raises(CoprodError, match="line 5: 'where' is not a field"):
        read_mapping_file(path, EVALUATION_FIELDS)


@pytest.mark.parametrize(("headers", "read"), [
    # A reader's attack on reading the column closer to the question: a header typed
    # short shares few words with the question, and an unrelated question after it may
    # share more. The leftmost is read unless another is worded as the question itself.
    (["Date", "Date of next session"], "Date"),
    (["Ladder", "Which level of support do you need?"], "Ladder"),
    (["Confidence", "How confident do you feel using a computer?"], "Confidence"),
    (["Overall satisfaction", "Overall, how would you rate the refreshments?"],
     "Overall satisfaction"),
    (["What could we do better?", "How could we improve our website?"],
     "What could we do better?"),
])
def test_of_two_columns_for_one_field_the_leftmost_wins_unless_one_is_the_question(headers,
                                                                                   read):
    colmap = map_columns(headers, EVALUATION_FIELDS)
    assert colmap.roles[headers[1]] == "unmapped"
    assert colmap.roles[read] != "unmapped"
    assert "worded as the form's question" not in colmap.notes[0]


@pytest.mark.parametrize(("header", "field"), [
    ("Dyddiad / Date", "session_date"),     # a form in Wales asks in both languages
    ("Lleoliad / Venue", "venue"),
    ("Gallaf roi enghreifftiau o gyd-gynhyrchu / I can give examples of co-production",
     "outcome_examples"),
])
def test_a_bilingual_header_is_matched_by_either_side(header, field):
    assert match_field(header, EVALUATION_FIELDS) == field


@pytest.mark.parametrize(("before", "after"), [
    ("Before the session, how far did you agree? [I understand the patient champion's role]",
     "By the end of the session, how far do you agree? [I understand the patient champion's "
     "role]"),
    ("PRE - I understand the patient champion's role",
     "POST - I understand the patient champion's role"),
    ("Before today: I understand the patient champion's role",
     "Now: I understand the patient champion's role"),
])
def test_a_column_asking_how_things_stood_before_the_session_is_not_the_outcome(before, after):
    # A "before and after" form puts the before grid first: the leftmost rule read the
    # before answers as the outcomes (a hostile-file attack, session 14).
    colmap = map_columns([before, after], EVALUATION_FIELDS)
    assert colmap.roles[after] == "outcome_role"
    assert colmap.roles[before] == "unmapped"
    assert colmap.notes == [f"{before!r} also looks like 'outcome_role', which is read from "
                            f"{after!r} (it asks how things stood before the session); it is "
                            "kept as an extra column"]
    # the other way round, the after grid first, it is read as before
    assert map_columns([after, before], EVALUATION_FIELDS).roles[after] == "outcome_role"


def test_a_before_and_after_export_reads_the_end_of_session_answers(tmp_path):
    import csv

    from coprod_analysis import load_evaluations

    grid = "how far do you agree? [I understand the patient champion's role]"
    path = tmp_path / "prepost.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([
            ["Timestamp", "Date of the session", f"Before the session, {grid}",
             f"By the end of the session, {grid}", "How would you rate the session overall?"],
            ["2019/03/14 10:00:00", "14/03/2019", "Strongly disagree", "Agree", "Good"]])
    result = load_evaluations(path, themes=False)
    assert result.data["outcome_role"].tolist() == [4]  # Agree, not Strongly disagree


def test_a_question_asked_at_the_start_is_no_before_the_session_question():
    # A review's quality indicator "Involved at the start" beside a column that also
    # matches it: "at the start" says nothing of before the session (the first version
    # of the rule took it so and read the other column; a reader's attack, session 14).
    from coprod_analysis.vocab import REVIEW_FIELDS

    headers = ["Involved at the start", "Involved from the start: comments"]
    colmap = map_columns(headers, REVIEW_FIELDS)
    assert colmap.roles[headers[1]] != "quality_start"  # (the other matches it too)
    assert colmap.roles[headers[0]] == "quality_start"
    assert "quality_start" in colmap.notes[0]
