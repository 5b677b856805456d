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
