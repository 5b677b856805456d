"""Ladder, challenge and quality analysis on a tiny reviews table worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from coprod_analysis.analyse import (
    challenge_cooccurrence,
    challenge_counts,
    ladder_distribution,
    ladder_movement,
    movement_summary,
    quality_scores,
    with_period,
)
from coprod_analysis.vocab import LADDER_DTYPE, LADDER_FIELD_NAMES, QUALITY_FIELD_NAMES


def ladder(values):
    return pd.Categorical(values, dtype=LADDER_DTYPE)


@pytest.fixture
def reviews():
    # Group a: reviewed twice, design descriptive -> intermediate (up), evaluation not
    # involved -> descriptive (not comparable). Group b: twice, design intermediate ->
    # descriptive (down). Group c: once.
    design = ["descriptive", "intermediate", "intermediate", "descriptive", "transformative"]
    evaluation = [None, "descriptive", "intermediate", "intermediate", None]
    frame = pd.DataFrame({
        "group_id": ["a", "a", "b", "b", "c"],
        "group": ["A", "A", "B", "B", "C"],
        "group_type": ["PPG", "PPG", "PAG", "PAG", "PPG"],
        "review_number": [1, 2, 1, 2, 1],
        "review_date": pd.to_datetime(["2018-03-01", "2019-03-01", "2018-05-01",
                                       "2019-09-01", "2018-06-01"]),
        "ladder_design": ladder(design),
        "ladder_evaluation": ladder(evaluation),
        "ladder_evaluation_not_involved": [True, False, False, False, True],
        "challenges": ["time;funding", "time", "tokenism;time", None, "funding;tokenism"],
    })
    for column in LADDER_FIELD_NAMES:
        if column not in frame:
            frame[column] = ladder([None] * 5)
            frame[f"{column}_not_involved"] = False
    frame["ladder_design_not_involved"] = False
    for i, name in enumerate(QUALITY_FIELD_NAMES):
        frame[name] = pd.array([i < 2, True, False, None, i == 0], dtype="boolean")
    return frame


def test_ladder_distribution_of_latest_reviews(reviews):
    table = ladder_distribution(reviews).set_index(["level", "answer"])
    # Latest: a intermediate, b descriptive, c transformative.
    assert [table.loc[("ladder_design", a), "count"] for a in
            ("descriptive", "intermediate", "transformative", "not_involved")] == [1, 1, 1, 0]
    # Evaluation latest: a descriptive, b intermediate, c not involved.
    assert table.loc[("ladder_evaluation", "not_involved"), "count"] == 1
    assert table.loc[("ladder_evaluation", "not_involved"), "share"] == pytest.approx(1 / 3)


def test_ladder_distribution_of_first_reviews(reviews):
    table = ladder_distribution(reviews, which="first").set_index(["level", "answer"])
    assert table.loc[("ladder_design", "descriptive"), "count"] == 1  # a
    assert table.loc[("ladder_evaluation", "not_involved"), "count"] == 2  # a and c


def test_movement_up_down_and_not_comparable(reviews):
    movement = ladder_movement(reviews).set_index(["group_id", "level"])
    assert movement.loc[("a", "ladder_design"), "movement"] == "up"
    assert movement.loc[("b", "ladder_design"), "movement"] == "down"
    assert pd.isna(movement.loc[("a", "ladder_evaluation"), "movement"])  # not involved first
    assert movement.loc[("b", "ladder_evaluation"), "movement"] == "same"
    assert "c" not in movement.index.get_level_values("group_id")  # reviewed once


def test_movement_summary_counts_and_sign_test(reviews):
    summary = movement_summary(ladder_movement(reviews)).set_index("level")
    design = summary.loc["ladder_design"]
    assert (design["up"], design["same"], design["down"]) == (1, 0, 1)
    assert design["p_value"] == 1.0
    assert summary.loc["ladder_evaluation", "not_comparable"] == 1


def test_challenge_counts_and_shares(reviews):
    counts = challenge_counts(reviews).set_index("code")
    # time: 3 of 5 reviews; funding 2; tokenism 2.
    assert counts.loc["time", "count"] == 3 and counts.loc["time", "share"] == 0.6
    assert counts.index[0] == "time"  # most frequent first
    assert counts.loc["funding", "count"] == 2 and counts.loc["domination", "count"] == 0


def test_challenge_counts_by_group_type_and_period(reviews):
    by_type = challenge_counts(reviews, by="group_type").set_index(["group_type", "code"])
    assert by_type.loc[("PAG", "time"), ["count", "n"]].tolist() == [1, 2]
    assert by_type.loc[("PPG", "funding"), ["count", "n"]].tolist() == [2, 3]
    by_year = challenge_counts(with_period(reviews), by="period").set_index(["period", "code"])
    assert by_year.loc[("2019", "time"), ["count", "n"]].tolist() == [1, 2]


def test_challenges_that_occur_together(reviews):
    together = challenge_cooccurrence(reviews)
    assert together.loc["time", "funding"] == 1
    assert together.loc["funding", "tokenism"] == 1
    assert together.loc["time", "time"] == 3
    assert (together.values == together.values.T).all()


def test_quality_scores_count_the_yeses(reviews):
    scores = quality_scores(reviews)
    # Row 0: indicators 0 and 1 yes (i < 2) -> 2; row 1 all yes -> 6; row 2 none -> 0;
    # row 3 unanswered -> 0 of 0; row 4 only the first -> 1.
    assert scores["score"].tolist() == [2, 6, 0, 0, 1]
    assert scores["answered"].tolist() == [6, 6, 6, 0, 6]
