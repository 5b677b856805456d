"""Outcome analysis on a tiny evaluations table whose answers are worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from coprod_analysis.analyse import (
    agreement_by_session,
    agreement_rates,
    likert_distribution,
    overall_rating,
    response_rates,
)
from coprod_analysis.vocab import OUTCOME_NAMES, SCORE_DTYPE


def scores(values):
    return pd.Categorical(values, dtype=SCORE_DTYPE)


@pytest.fixture
def evaluations():
    # Two sessions. Role: A gives 5, 4, 2 (and one blank); B gives 3, 4.
    # Every other outcome: all 5 in A, all 1 in B. Overall: 5, 4, None, 3 | 2, 2.
    role = [5, 4, 2, None, 3, 4]
    other = [5, 5, 5, 5, 1, 1]
    return pd.DataFrame({
        "session_id": ["2018-03-20-a"] * 4 + ["2018-04-24-b"] * 2,
        "session_date": pd.to_datetime(["2018-03-20"] * 4 + ["2018-04-24"] * 2),
        "venue": ["A"] * 4 + ["B"] * 2,
        **{o: scores(role if o == "outcome_role" else other) for o in OUTCOME_NAMES},
        "overall": scores([5, 4, None, 3, 2, 2]),
    })


def test_agreement_counts_4_and_5_among_those_who_answered(evaluations):
    role = agreement_rates(evaluations).set_index("outcome").loc["outcome_role"]
    # Answered 5: 5, 4, 2, 3, 4; agreed (4 or 5): 3.
    assert (role["n"], role["agreed"], role["rate"]) == (5, 3, pytest.approx(0.6))
    assert role["low"] < 0.6 < role["high"]


def test_agreement_by_session_is_in_date_order_with_outcomes_in_form_order(evaluations):
    table = agreement_by_session(evaluations)
    assert table["session_id"].tolist() == ["2018-03-20-a"] * 8 + ["2018-04-24-b"] * 8
    assert table["outcome"].tolist()[:8] == list(OUTCOME_NAMES)
    role_a = table.iloc[0]
    assert (role_a["n"], role_a["agreed"]) == (3, 2)  # 5, 4, 2
    role_b = table.iloc[8]
    assert (role_b["n"], role_b["agreed"]) == (2, 1)  # 3, 4


def test_the_likert_distribution_has_every_answer(evaluations):
    role = likert_distribution(evaluations).query("outcome == 'outcome_role'")
    assert role["count"].tolist() == [0, 1, 1, 2, 1]  # 1, 2, 3, 4, 5
    assert role["n"].unique().tolist() == [5]
    assert role["answer"].tolist()[0] == "Strongly disagree"


def test_overall_rating_mean_and_base(evaluations):
    by_session = overall_rating(evaluations, by="session_id")
    assert by_session.to_dict("records") == [
        {"session_id": "2018-03-20-a", "n": 3, "mean": 4.0},  # (5 + 4 + 3) / 3
        {"session_id": "2018-04-24-b", "n": 2, "mean": 2.0},
    ]


def test_response_rates_against_the_register(evaluations):
    register = pd.DataFrame({
        "session_id": ["2018-03-20-a", "2018-04-24-b", "2018-05-01-c"],
        "session_date": pd.to_datetime(["2018-03-20", "2018-04-24", "2018-05-01"]),
        "venue": ["A", "B", "C"],
        "attended": pd.array([8, 2, 0], dtype="Int64"),
    })
    rates = response_rates(evaluations, register)
    assert rates["responses"].tolist() == [4, 2, 0]
    assert rates["rate"].tolist()[:2] == [0.5, 1.0]
    assert pd.isna(rates["rate"].iloc[2])  # nobody attended: no rate


def test_analysis_does_not_change_its_input(evaluations):
    before = evaluations.copy()
    agreement_rates(evaluations, by="session_id")
    likert_distribution(evaluations)
    overall_rating(evaluations)
    pd.testing.assert_frame_equal(evaluations, before)
