"""What the report says: the small-number rules applied to every number and quote."""

from __future__ import annotations

import pandas as pd
import pytest

from coprod_analysis import load_evaluations, load_reviews, load_sessions
from coprod_analysis.clean.actions import load_actions
from coprod_analysis.report import (
    at_a_glance,
    outcomes_table,
    still_to_do,
    we_did,
    you_said,
)
from coprod_analysis.vocab import CHALLENGE_THEMES, OUTCOME_NAMES, SCORE_DTYPE
from tests.conftest import REPO

SAMPLE = REPO / "data" / "sample"


@pytest.fixture(scope="module")
def sample():
    evaluations = load_evaluations(SAMPLE / "evaluations").data
    reviews = load_reviews(SAMPLE / "reviews", aliases=SAMPLE / "group-aliases.csv").data
    return evaluations, reviews, load_sessions(SAMPLE / "sessions.csv")


def test_at_a_glance_on_the_sample(sample):
    evaluations, _, sessions = sample
    glance = at_a_glance(evaluations, sessions)
    # 13 sessions, 211 attended (data/sample/README.md), 188 kept responses.
    assert glance["sessions"] == "13" and glance["participants"] == "211"
    assert glance["responses"] == "188" and glance["response_rate"] == "89%"
    assert glance["period"] == "March 2018 to November 2019"


def test_an_outcome_with_a_base_under_10_is_not_shown():
    answers = [5, 4, 4, 4, 4, 4, 2, 1, 5]  # 9 answered every outcome
    frame = pd.DataFrame({o: pd.Categorical(answers, dtype=SCORE_DTYPE) for o in OUTCOME_NAMES})
    table = outcomes_table(frame).set_index("Outcome")
    row = table.loc["Understand the patient champion's role"]
    assert (row["Agreed"], row["95% interval"], row["Answered"]) == ("not shown", "", "<10")


def test_outcomes_on_the_sample_show_rates_and_intervals(sample):
    table = outcomes_table(sample[0]).set_index("Outcome")
    # 162 of 186 agreed with the role outcome (the workbook's worked figures).
    assert table.loc["Understand the patient champion's role"].tolist() == [
        "87%", "82% to 91%", "186"]


def test_you_said_ranks_themes_with_unattributed_redacted_quotes(sample):
    _, reviews, _ = sample
    said = you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES)
    assert said.iloc[0]["Theme"] == "Time" and said.iloc[0]["Raised by"] == "16"
    assert said.iloc[0]["Share"] == "80%"
    quotes = [q for qs in said["quotes"] for q in qs]
    assert quotes and all("@" not in q for q in quotes)
    for name in reviews["group"].unique():
        assert all(name not in q for q in quotes)  # nothing says which group said it


def test_small_counts_in_you_said_are_shown_as_under_5(sample):
    _, reviews, _ = sample
    said = you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES)
    # Not understanding what it is: ticked in 2 of 20 reviews. Its share (10%) would
    # give the 2 away, so it is hidden as well.
    row = said.set_index("code").loc["not_understanding"]
    assert (row["Raised by"], row["Share"]) == ("<5", "<5")


def test_no_quotes_from_fewer_than_10_respondents():
    few = pd.DataFrame({"text": ["We never have enough time at all"] * 9,
                        "themes": ["time"] * 9})
    said = you_said(few, "text", "themes", CHALLENGE_THEMES)
    assert said.iloc[0]["quotes"] == [] and said.iloc[0]["Share"] == "not shown"


def test_we_did_and_still_to_do_from_the_sample_actions(sample):
    _, reviews, _ = sample
    codes = dict(CHALLENGE_THEMES)
    actions = load_actions(SAMPLE / "actions.csv", extra_codes={
        "more_time": "More time", "interaction": "Interaction", "venue_access": "Venue",
        "materials_jargon": "Jargon"}).data
    done = we_did(actions, codes)
    assert done.iloc[0].tolist()[0] == "Time" and done.iloc[0]["Status"] == "done"
    said = you_said(reviews, "challenges_text", "challenges", codes)
    todo = still_to_do(said, actions)
    # Ticked in the sample but with no action in data/sample/actions.csv:
    assert "Motivation" in todo["Theme"].tolist()
    assert "Time" not in todo["Theme"].tolist()


def test_no_quote_is_used_for_two_themes(sample):
    _, reviews, _ = sample
    said = you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES,
                    quote_themes_column="challenges_text_themes")
    quotes = [q for qs in said["quotes"] for q in qs]
    assert quotes and len(quotes) == len(set(quotes))
