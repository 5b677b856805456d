"""Cleaning group review exports (contract sections 1 and 3, the review form).

Expected values are worked out by hand from the fixtures in ``tests/fixtures/``
(reviews-*.csv, group-aliases.csv) and the workbook rows in ``conftest.py``.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from coprod_analysis import CoprodError, load_reviews
from coprod_analysis.clean.reviews import REVIEW_COLUMNS, group_key, read_aliases
from coprod_analysis.output import write_files
from coprod_analysis.vocab import LADDER_DTYPE, LADDER_FIELD_NAMES, QUALITY_FIELD_NAMES

KEYS = ["rows_read", "rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank"]
CSV_FIXTURES = ["reviews-surveymonkey.csv", "reviews-googleforms.csv", "reviews-paper.csv"]


@pytest.fixture
def all_reviews(fixture_path, reviews_msforms_xlsx):
    return load_reviews([*(fixture_path(n) for n in CSV_FIXTURES), reviews_msforms_xlsx],
                        aliases=fixture_path("group-aliases.csv"))


def review(result, file, source_row):
    data = result.data
    match = data[(data["source_file"] == file) & (data["source_row"] == source_row)]
    assert len(match) == 1, f"{file} row {source_row} is not in the clean table"
    return match.iloc[0]


def ladder(row):
    return [None if pd.isna(row[c]) else row[c] for c in LADDER_FIELD_NAMES]


def test_counts_worked_out_by_hand(all_reviews):
    # SurveyMonkey: 3 rows, row 3 has no group name. Google: 3 rows, row 2 blank.
    # Paper: 1 row. Microsoft Forms: 3 rows, Pat's row 1 replaced by row 2.
    s = all_reviews.summary
    assert [s[k] for k in KEYS] == [10, 7, 1, 1, 1]
    assert [s["files"]["reviews-surveymonkey.csv"][k] for k in KEYS] == [3, 2, 1, 0, 0]
    assert [s["files"]["reviews-googleforms.csv"][k] for k in KEYS] == [3, 2, 0, 0, 1]
    assert [s["files"]["reviews-paper.csv"][k] for k in KEYS] == [1, 1, 0, 0, 0]
    assert [s["files"]["reviews-msforms.xlsx"][k] for k in KEYS] == [3, 2, 0, 1, 0]


def test_a_review_without_a_group_name_is_quarantined(all_reviews):
    quarantine = all_reviews.quarantine
    assert quarantine["source_row"].tolist() == [3]
    assert quarantine["reason"].tolist() == ["the group's name is missing"]


def test_the_same_group_spelled_three_ways_is_one_group(all_reviews):
    oakwood = all_reviews.data[all_reviews.data["group_id"] == "oakwood-ppg"]
    # "Oakwood PPG" (2018-05-01), "oakwood ppg " (2019-02-10), "Oakwood P.P.G." (2019-09-01)
    assert oakwood["review_date"].tolist() == [pd.Timestamp("2018-05-01"),
                                               pd.Timestamp("2019-02-10"),
                                               pd.Timestamp("2019-09-01")]
    assert oakwood["review_number"].tolist() == [1, 2, 3]
    assert set(oakwood["group"]) == {"Oakwood PPG"}  # displayed as first seen


def test_an_aliases_file_joins_a_renamed_group(all_reviews):
    chapeltown = all_reviews.data[all_reviews.data["group_id"] == "chapeltown-health-centre-ppg"]
    assert chapeltown["source_file"].tolist() == ["reviews-surveymonkey.csv",
                                                  "reviews-googleforms.csv"]
    assert chapeltown["review_number"].tolist() == [1, 2]
    assert set(chapeltown["group"]) == {"Chapeltown Health Centre PPG"}


def test_without_the_aliases_file_a_renamed_group_is_two_groups(fixture_path):
    data = load_reviews([fixture_path(n) for n in CSV_FIXTURES]).data
    assert {"chapeltown-ppg", "chapeltown-health-centre-ppg", "oakwood-ppg"} == set(
        data["group_id"])


def test_surveymonkey_option_columns_and_matrix_are_read(all_reviews):
    first = review(all_reviews, "reviews-surveymonkey.csv", 1)
    assert ladder(first) == ["descriptive", "descriptive", "intermediate", None, "descriptive"]
    assert bool(first["ladder_evaluation_not_involved"]) is True
    assert first["challenges"] == "tokenism;time;communication"
    assert first["group_type"] == "PPG"
    assert [first[c] for c in QUALITY_FIELD_NAMES] == [True, False, False, False, True, False]
    second = review(all_reviews, "reviews-surveymonkey.csv", 2)
    assert second["challenges"] == "funding;domination"
    assert second["challenges_other"] == "Parking at the practice"


def test_microsoft_forms_semicolon_terminated_lists_are_read(all_reviews):
    kept = review(all_reviews, "reviews-msforms.xlsx", 2)
    assert kept["challenges"] == "time"
    assert kept["group_type"] == "PAG"
    assert ladder(kept) == ["intermediate", "descriptive", "intermediate", None, "intermediate"]
    steering = review(all_reviews, "reviews-msforms.xlsx", 3)
    assert steering["challenges"] == "motivation;organisation"
    assert steering["group_type"] == "CCG volunteer steering group"
    assert all(steering[c] for c in QUALITY_FIELD_NAMES)


def test_google_forms_lists_and_the_review_date_from_the_timestamp(all_reviews):
    first = review(all_reviews, "reviews-googleforms.csv", 1)
    assert first["challenges"] == "funding;time"
    third = review(all_reviews, "reviews-googleforms.csv", 3)
    assert third["review_date"] == pd.Timestamp("2019-03-01")  # no date answered
    assert third["challenges"] == "lack_of_empathy;not_understanding"


def test_typed_lists_and_yes_no_answers_are_read_by_meaning(all_reviews):
    paper = review(all_reviews, "reviews-paper.csv", 1)
    # "time, Comms, lack of funding", in codebook order.
    assert paper["challenges"] == "funding;time;communication"
    # Y, y, yes, N, n, (blank)
    assert [paper[c] if not pd.isna(paper[c]) else None for c in QUALITY_FIELD_NAMES] == [
        True, True, True, False, False, None]
    assert paper["challenges_text"] == "We don\u2019t get told"


def test_ladder_columns_are_ordered_and_not_involved_is_not_a_rung(all_reviews):
    for column in LADDER_FIELD_NAMES:
        assert all_reviews.data[column].dtype == LADDER_DTYPE
    first = review(all_reviews, "reviews-surveymonkey.csv", 1)
    assert pd.isna(first["ladder_evaluation"])
    design = all_reviews.data["ladder_design"]
    assert (design.dropna() >= "descriptive").all()
    assert design.max() == "transformative"


def test_challenges_text_is_redacted(all_reviews):
    first = review(all_reviews, "reviews-surveymonkey.csv", 1)
    assert first["challenges_text"] == "The GP does most of the talking. Email me at [email]"
    assert review(all_reviews, "reviews-msforms.xlsx", 2)["challenges_text"] == (
        "Meetings clash with work")


def test_identifiers_never_reach_the_clean_table(all_reviews):
    text = all_reviews.data.astype(str).to_csv()
    for identifier in ("chair@example.org", "Ann", "192.0.2.50", "51000000001",
                       "pat@example.org", "Pat Smith"):
        assert identifier not in text


def test_reviews_csv_writes_not_involved_back_into_the_ladder(all_reviews, tmp_path):
    write_files(tmp_path, all_reviews.tables(), {"summary.json": all_reviews.summary})
    with open(tmp_path / "reviews.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["ladder_evaluation"] == "not_involved"
    assert rows[0]["quality_start"] == "true" and rows[0]["quality_throughout"] == "false"
    assert not any(name.endswith("_not_involved") for name in rows[0])
    assert list(rows[0])[:len(REVIEW_COLUMNS)] == list(REVIEW_COLUMNS)
    assert rows[2]["challenges_text"] == "'- we never have enough time"  # neutralised


def test_group_key_ignores_case_spacing_dots_and_apostrophes():
    assert group_key(" Oakwood  P.P.G. ") == group_key("oakwood ppg")
    assert group_key("St Mark\u2019s PPG") == group_key("st marks ppg")
    assert group_key("Oakwood PPG") != group_key("Oakwood PAG")


def test_an_aliases_file_without_its_columns_is_refused(tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text("old,new\nA,B\n")
    with pytest.raises(CoprodError, match="alias,group"):
        read_aliases(bad)


@pytest.mark.parametrize("name", ["googleforms.csv", "paper.csv"])
def test_an_evaluation_export_is_not_a_review_export(fixture_path, name):
    # paper.csv has "Date" and "Overall" columns, which a review form also has.
    with pytest.raises(CoprodError, match="looks like an evaluation form export, not a group"):
        load_reviews(fixture_path(name))


def test_a_review_export_is_not_an_evaluation_export(fixture_path):
    from coprod_analysis import load_evaluations

    with pytest.raises(CoprodError, match="looks like a group review form export"):
        load_evaluations(fixture_path("reviews-paper.csv"))
