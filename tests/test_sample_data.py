"""The bundled sample cleans to the counts written down in data/sample/README.md.

The expected numbers are copied from that page's ground-truth table, which
was worked out from the generator's bookkeeping and checked against the files
by eye, independently of the cleaning code.
"""

from __future__ import annotations

import pytest

from coprod_analysis import load_evaluations
from tests.conftest import REPO

SAMPLE = REPO / "data" / "sample" / "evaluations"
#                                  read clean quar. dup. blank
GROUND_TRUTH = {
    "surveymonkey-2018.csv":          [51, 50, 0, 0, 1],
    "surveymonkey-2018-reexport.csv": [23, 10, 0, 13, 0],
    "msforms-2018-autumn.xlsx":       [41, 40, 0, 1, 0],
    "googleforms-2019-spring.csv":    [35, 35, 0, 0, 0],
    "paper-forms-2019.csv":           [23, 18, 3, 0, 2],
    "jisc-2019-autumn.csv":           [35, 35, 0, 0, 0],
}
KEYS = ["rows_read", "rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank"]


@pytest.fixture(scope="module")
def sample():
    return load_evaluations(SAMPLE)


def test_sample_totals_match_the_ground_truth(sample):
    assert [sample.summary[k] for k in KEYS] == [208, 188, 3, 14, 3]


@pytest.mark.parametrize("name", GROUND_TRUTH)
def test_each_sample_file_matches_the_ground_truth(sample, name):
    assert [sample.summary["files"][name][k] for k in KEYS] == GROUND_TRUTH[name]


def test_each_sample_file_is_recognised_as_its_platform(sample):
    platforms = {n: f["platform"] for n, f in sample.summary["files"].items()}
    assert platforms == {
        "surveymonkey-2018.csv": "surveymonkey",
        "surveymonkey-2018-reexport.csv": "surveymonkey",
        "msforms-2018-autumn.xlsx": "msforms",
        "googleforms-2019-spring.csv": "googleforms",
        "paper-forms-2019.csv": "manual",
        "jisc-2019-autumn.csv": "jisc",
    }


def test_sample_has_thirteen_sessions_and_three_unreadable_cells(sample):
    assert sample.data["session_id"].nunique() == 13
    # Listed in row order.
    assert list(zip(sample.problems["source_row"], sample.problems["field"], strict=True)) \
        == [(3, "outcome_critique"), (15, "overall"), (18, "outcome_steps")]


def test_every_question_is_mapped_in_every_sample_file(sample):
    for name, info in sample.summary["files"].items():
        assert len(info["columns_mapped"]) == 15, name


def test_planted_identifiers_are_redacted(sample):
    text = sample.data.astype(str).to_csv()
    for planted in ("jane.doe@example.org", "07911 123456", "Margaret", "943 476 5919"):
        assert planted not in text


# --- The group review sample (data/sample/README.md, "Group reviews") ------------------

REVIEW_TRUTH = {
    #                                read clean quar. dup. blank
    "reviews-2018-surveymonkey.csv": [9, 8, 0, 0, 1],
    "reviews-2018-msforms.xlsx":     [8, 7, 0, 1, 0],
    "reviews-2019-googleforms.csv":  [3, 3, 0, 0, 0],
    "reviews-2019-paper.csv":        [3, 2, 1, 0, 0],
}


@pytest.fixture(scope="module")
def sample_reviews():
    from coprod_analysis import load_reviews

    return load_reviews(REPO / "data" / "sample" / "reviews",
                        aliases=REPO / "data" / "sample" / "group-aliases.csv")


def test_sample_review_totals_match_the_ground_truth(sample_reviews):
    assert [sample_reviews.summary[k] for k in KEYS] == [23, 20, 1, 1, 1]


@pytest.mark.parametrize("name", REVIEW_TRUTH)
def test_each_sample_review_file_matches_the_ground_truth(sample_reviews, name):
    assert [sample_reviews.summary["files"][name][k] for k in KEYS] == REVIEW_TRUTH[name]


def test_fifteen_groups_five_of_them_re_reviewed(sample_reviews):
    reviews_per_group = sample_reviews.data.groupby("group_id")["review_number"].max()
    assert len(reviews_per_group) == 15
    assert sorted(reviews_per_group[reviews_per_group == 2].index) == [
        "ccg-volunteer-steering-group", "chapeltown-health-centre-ppg", "leeds-north-pag",
        "oakwood-ppg", "seacroft-surgery-patient-group"]


def test_without_the_aliases_file_the_renamed_group_splits_in_two():
    from coprod_analysis import load_reviews

    data = load_reviews(REPO / "data" / "sample" / "reviews").data
    assert data["group_id"].nunique() == 16


# --- The SmartSurvey and Qualtrics exports (data/sample/platforms/) -------------------

PLATFORMS = REPO / "data" / "sample" / "platforms"


def test_platform_sample_files_clean_to_their_counts():
    # From the files by eye: SmartSurvey row 3 opened and left (blank); Qualtrics row 1
    # is the owner's "Survey Preview" (quarantined).
    result = load_evaluations(PLATFORMS, themes=False)
    files = result.summary["files"]
    assert [files["smartsurvey-2024.csv"][k] for k in KEYS] == [10, 9, 0, 0, 1]
    assert [files["qualtrics-2024.csv"][k] for k in KEYS] == [12, 11, 1, 0, 0]
    assert files["smartsurvey-2024.csv"]["platform"] == "smartsurvey"
    assert files["qualtrics-2024.csv"]["platform"] == "qualtrics"
    assert sorted(result.data["session_id"].unique()) == ["2024-03-14-seacroft-hub",
                                                          "2024-04-03-leeds-civic-hall"]
    text = result.data.astype(str).to_csv()
    for planted in ("sean.lee@example.org", "Sean Lee", "192.0.2.", "R_tgNB45pxkEte5QL"):
        assert planted not in text
