"""Identifier columns: recognised by header in every platform's spelling, and by values.

Expected kinds are written by hand from the platforms' documented export columns
(Qualtrics, SurveyMonkey, Microsoft Forms, Google Forms, JISC Online Surveys,
SmartSurvey) and the ways people head a column by hand.
"""

from __future__ import annotations

import pytest

from coprod_analysis.mapping import identifier_header_kind, identifier_kind, map_columns
from coprod_analysis.vocab import EVALUATION_FIELDS, IDENTIFIER_KINDS, REVIEW_FIELDS

PLATFORM_SPELLINGS = [
    # Qualtrics
    ("qualtrics", "IPAddress", "ip_address"),
    ("qualtrics", "ResponseId", "respondent_id"),
    ("qualtrics", "RecipientFirstName", "name"),
    ("qualtrics", "RecipientLastName", "name"),
    ("qualtrics", "RecipientEmail", "email"),
    ("qualtrics", "ExternalReference", "respondent_id"),
    ("qualtrics", "ExternalDataReference", "respondent_id"),
    ("qualtrics", "LocationLatitude", "location"),
    # SurveyMonkey Audience's region of the respondent (fivethirtyeight's real exports)
    ("surveymonkey", "Location (Census Region)", "location"),
    ("hand-made", "Location: city", "location"),
    ("qualtrics", "LocationLongitude", "location"),
    ("qualtrics", "DistributionChannel", "platform_id"),
    ("qualtrics", "Q1_Browser", "device"),
    ("qualtrics", "Q1_Operating System", "device"),
    ("qualtrics", "Q1_Resolution", "device"),
    # SurveyMonkey
    ("surveymonkey", "IP Address", "ip_address"),
    ("surveymonkey", "Email Address", "email"),
    ("surveymonkey", "First Name", "name"),
    ("surveymonkey", "Last Name", "name"),
    ("surveymonkey", "Respondent ID", "respondent_id"),
    ("surveymonkey", "Custom Data 1", "custom_data"),
    ("surveymonkey", "Collector ID", "platform_id"),
    ("surveymonkey", "Contact details [Name]", "name"),
    ("surveymonkey", "Contact details [Email Address]", "email"),
    ("surveymonkey", "Contact details [Phone Number]", "phone"),
    ("surveymonkey", "Contact details [Address 2]", "address"),
    ("surveymonkey", "Contact details [ZIP/Postal Code]", "postcode"),
    # Microsoft Forms
    ("msforms", "Email", "email"),
    ("msforms", "Name", "name"),
    ("msforms", "Responder", "respondent_id"),
    # Google Forms
    ("googleforms", "Email address", "email"),
    ("googleforms", "Username", "name"),
    # JISC Online Surveys
    ("jisc", "Username", "name"),
    ("jisc", "respondentId", "respondent_id"),
    ("jisc", "Token", "respondent_id"),
    ("jisc", "x1", "custom_data"),
    # SmartSurvey
    ("smartsurvey", "UserID", "respondent_id"),
    ("smartsurvey", "IP Address", "ip_address"),
    ("smartsurvey", "Cookie UID", "device"),
    ("smartsurvey", "Tracking Link", "platform_id"),
    ("smartsurvey", "Custom Variables 2", "custom_data"),
    # typed by hand (the list)
    ("hand", "Username", "name"),
    ("hand", "User ID", "respondent_id"),
    ("hand", "Respondent", "respondent_id"),
    ("hand", "Full name", "name"),
    ("hand", "Your name", "name"),
    ("hand", "Name (optional)", "name"),
    ("hand", "Contact number", "phone"),
    ("hand", "Telephone", "phone"),
    ("hand", "Mobile", "phone"),
    ("hand", "Address", "address"),
    ("hand", "Home address", "address"),
    ("hand", "Postcode", "postcode"),
    ("hand", "Date of birth", "date_of_birth"),
    ("hand", "NHS number", "nhs_number"),
    ("hand", "Hospital number", "hospital_number"),
    ("hand", "Device", "device"),
    ("hand", "User agent", "device"),
    ("hand", "Browser", "device"),
    ("hand", "Latitude", "location"),
    ("hand", "Longitude", "location"),
    ("hand", "Location", "location"),
    # run together, shouted, decorated
    ("hand", "emailaddress", "email"),
    ("hand", "DATEOFBIRTH", "date_of_birth"),
    ("hand", "nhsnumber", "nhs_number"),
    ("hand", "phonenumber", "phone"),
    ("hand", "FULLNAME", "name"),
    ("hand", "Please give your postcode", "postcode"),
    ("hand", "What is your phone number?", "phone"),
    ("hand", "Your e-mail (so we can send your certificate)", "email"),
    ("hand", "NHSNumber", "nhs_number"),
    ("hand", "D.O.B.", "date_of_birth"),
    ("hand", "Which postcode area do you live in?", "postcode"),
    ("hand", "Staff number", "respondent_id"),
    ("hand", "Phone (mobile)", "phone"),
    ("hand", "Latitude/Longitude", "location"),
    ("hand", "Latitude and longitude", "location"),
    ("hand", "Date of Birth (DD/MM/YYYY)", "date_of_birth"),
    ("hand", "Your full name (optional)", "name"),
    ("surveymonkey", "RespondentID", "respondent_id"),
    ("surveymonkey", "LastName", "name"),
    ("qualtrics", "External Data Reference", "respondent_id"),
    ("qualtrics", "Recipient Last Name", "name"),
    ("qualtrics", "User Language", "platform_id"),
    ("hand", "Twitter handle", "respondent_id"),
    # questions that ask how to get in touch
    ("hand", "Where can we reach you?", "phone"),
    ("hand", "How can we contact you?", "phone"),
    ("hand", "Best way to contact you", "phone"),
    ("hand", "If you would like us to get back to you, how?", "phone"),
    ("hand", "Your details (optional)", "phone"),
    ("hand", "Reach me at", "phone"),
]


@pytest.mark.parametrize(("platform", "header", "kind"), PLATFORM_SPELLINGS,
                         ids=[f"{p}-{h}" for p, h, _ in PLATFORM_SPELLINGS])
def test_every_platform_spelling_of_an_identifier_header_is_recognised(platform, header, kind):
    assert identifier_header_kind(header) == kind
    assert kind in IDENTIFIER_KINDS


@pytest.mark.parametrize("header", [
    "How could we reach more patients?",  # reaching people, not asking for a contact
    "Would you like to hear about future sessions?",
    "What would help you get involved?",
])
def test_questions_about_reaching_people_are_not_contact_details(header):
    assert identifier_header_kind(header) is None


@pytest.mark.parametrize(("header", "field"), [
    ("Where did you attend?", "venue"),
    ("Location of the session", "venue"),
    ("Session location", "venue"),
    ("Training venue", "venue"),
    ("Which best describes you?", "respondent_type"),
    ("Respondent type", "respondent_type"),
    ("Date of the session", "session_date"),
    ("How could we improve the session?", "improvements"),
    ("One thing you'll take away from the session", "takeaway"),
    ("Make a pledge", "pledge"),
])
def test_the_evaluation_form_s_own_questions_are_not_identifiers(header, field):
    assert identifier_header_kind(header) is None
    assert map_columns([header], EVALUATION_FIELDS).roles == {header: field}


@pytest.mark.parametrize(("header", "field"), [
    ("Name of your group", "group"),
    ("Group name", "group"),
    ("What kind of group is it?", "group_type"),
    ("Describe the challenges your group faces", "challenges_text"),
    ("Date", "review_date"),
])
def test_the_review_form_s_own_questions_are_not_identifiers(header, field):
    assert identifier_header_kind(header) is None
    assert map_columns([header], REVIEW_FIELDS).roles == {header: field}


@pytest.mark.parametrize("header", [
    "Can we contact you about future sessions?", "Would you like to receive emails?",
    "Address the challenges", "Start time", "Completion time", "Timestamp", "Notes",
    "Any other comments?", "Name of the trainer's organisation", "Version control",
])
def test_ordinary_headers_are_not_identifier_kinds(header):
    # "emails" is not "email": "Would you like to receive emails?" is a yes/no question.
    assert identifier_header_kind(header) is None


def test_identifier_roles_follow_the_kind():
    roles = map_columns(["RecipientEmail", "IPAddress", "Collector ID", "Venue"],
                        EVALUATION_FIELDS).roles
    assert roles == {"RecipientEmail": "email", "IPAddress": "identifier",
                     "Collector ID": "platform", "Venue": "venue"}
    assert identifier_kind("LocationLongitude") == "identifier"


@pytest.mark.parametrize("field", [*EVALUATION_FIELDS, *REVIEW_FIELDS], ids=lambda f: f.name)
def test_no_question_of_either_form_is_an_identifier(field):
    # The question as the template words it, its short label, and its contract column
    # name (a cleaned table read again) are never identifiers.
    for header in (field.question, field.short, field.name):
        assert identifier_header_kind(header) is None, header
    form = EVALUATION_FIELDS if field in EVALUATION_FIELDS else REVIEW_FIELDS
    for header in (field.question, field.name):
        assert map_columns([header], form).roles[header] == field.name, header


def test_a_mapping_file_can_say_that_location_is_the_venue(tmp_path):
    from coprod_analysis import load_evaluations

    export = tmp_path / "paper.csv"
    export.write_text("Date,Location,Overall\n20/03/2019,Armley Library,Good\n"
                      "20/03/2019,Armley Library,Fair\n", encoding="utf-8")
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("column,field\nLocation,venue\n", encoding="utf-8")
    without = load_evaluations(export, themes=False)
    assert without.data["venue"].isna().all()
    assert ("column 'Location' is taken for a device or map location and dropped; if it is "
            "where the session was, map it to venue with --mapping (a line: Location,venue)"
            ) in without.summary["files"]["paper.csv"]["notes"]
    assert without.summary["files"]["paper.csv"]["columns_identifiers_why"] == {
        "Location": "its header names a location (coordinates or a place found from the device)"}
    mapped = load_evaluations(export, mapping=mapping, themes=False)
    assert mapped.data["venue"].tolist() == ["Armley Library", "Armley Library"]


@pytest.mark.parametrize("header", ["NI number", "National Insurance No.", "NINO",
                                    "Your national insurance number"])
def test_a_national_insurance_column_is_an_identifier(header):
    # a reader's attack (session 14): kept as an extra column, its numbers in lower case
    # reached evaluations.csv
    from coprod_analysis.mapping import identifier_kind

    assert identifier_kind(header) is not None


def test_a_column_of_national_insurance_numbers_is_found_by_its_values():
    from coprod_analysis.clean.identifiers import value_kind

    assert [value_kind(v) for v in ("ab123450c", "QQ 12 34 56 C", "GB123456A")] == [
        "ni_number", "ni_number", None]
    # with dashes, dots or slashes between the pairs (session 15), not in other groupings
    assert [value_kind(v) for v in ("AB-12-34-56-C", "ab/12/34/56/c", "AB.12.34.56.C",
                                    "AB 123 456 C", "AB--12-34-56-C")] == [
        "ni_number", "ni_number", "ni_number", None, None]
    # and the marks spaced (session 16), one mark at most between two parts
    assert [value_kind(v) for v in ("AB / 12 / 34 / 56 / C", "ab - 12 - 34 - 56 - c",
                                    "AB / / 12 / 34 / 56 / C")] == [
        "ni_number", "ni_number", None]
