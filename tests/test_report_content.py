"""What the report says: the small-number rules applied to every number and quote."""

from __future__ import annotations

import pandas as pd
import pytest

from coprod_analysis import load_evaluations, load_reviews, load_sessions
from coprod_analysis.clean.actions import load_actions
from coprod_analysis.report import (
    at_a_glance,
    ladder_tables,
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
    assert (row["Agreed"], row["95% interval"], row["Answered"]) == ("not shown", "", "9")


def test_outcomes_on_the_sample_show_rates_and_intervals(sample):
    table = outcomes_table(sample[0]).set_index("Outcome")
    # 162 of 186 agreed with the role outcome (the workbook's worked figures).
    assert table.loc["Understand the patient champion's role"].tolist() == [
        "87%", "82% to 91%", "186"]


@pytest.fixture(scope="module")
def challenge_scorer():
    from coprod_analysis.report.quotes import model_scorer
    from coprod_analysis.themes import bundled_model

    model, codebook = bundled_model("challenges")
    return model_scorer(model, codebook.codes)


def test_you_said_ranks_themes_with_unattributed_redacted_quotes(sample, challenge_scorer):
    _, reviews, _ = sample
    said = you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES,
                    scorer=challenge_scorer)
    assert said.iloc[0]["Theme"] == "Time" and said.iloc[0]["Raised by"] == "16"
    assert said.iloc[0]["Share"] == "80%"
    quotes = [q for qs in said["quotes"] for q in qs]
    assert quotes and all("@" not in q for q in quotes)
    for name in reviews["group"].unique():
        assert all(name not in q for q in quotes)  # nothing says which group said it


def test_groups_are_counted_once_however_often_they_were_reviewed(sample):
    _, reviews, _ = sample
    said = you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES,
                    respondent="group_id").set_index("code")
    # Counted by hand in reviews.csv (20 reviews of 15 groups): 12 groups ticked Time at
    # one review or more (16 reviews did), 9 Communication, 7 Funding (9 reviews).
    assert said.loc["time", ["Raised by", "Share"]].tolist() == ["12", "80%"]
    assert said.loc["communication", ["Raised by", "Share"]].tolist() == ["9", "60%"]
    assert said.loc["funding", ["Raised by", "Share"]].tolist() == ["7", "47%"]
    assert said.loc["motivation", ["Raised by", "Share"]].tolist() == ["<5", "not shown"]


def test_small_counts_in_you_said_are_shown_as_under_5(sample):
    _, reviews, _ = sample
    said = you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES)
    # Not understanding what it is: ticked in 2 of 20 reviews. Its share (10%) would
    # give the 2 away, so it is hidden as well.
    row = said.set_index("code").loc["not_understanding"]
    assert (row["Raised by"], row["Share"]) == ("<5", "not shown")


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
    assert done.iloc[0].tolist()[0] == "Time" and done.iloc[0]["Status"] == "Done"
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


# --- What a review found (issue 6): each case worked out by hand ----------------------

def evaluations_with(scores: list[int | None], improvements: list[str | None] | None = None,
                     themes: list[str | None] | None = None,
                     sessions: list[str] | None = None) -> pd.DataFrame:
    """A clean evaluations table: every outcome answered with ``scores``."""
    n = len(scores)
    frame = pd.DataFrame({o: pd.Categorical(scores, dtype=SCORE_DTYPE) for o in OUTCOME_NAMES})
    frame["session_id"] = sessions or ["2019-03-01-hall-a"] * n
    frame["session_date"] = pd.Timestamp("2019-03-01")
    frame["improvements"] = improvements or [None] * n
    frame["improvement_themes"] = themes or [None] * n
    return frame


def test_a_lone_commenter_is_never_quoted():
    # 12 forms; one person wrote an improvement: the table may count it, never quote it.
    lone = "The hearing loop did not work, so as the only deaf person there I missed it."
    frame = evaluations_with([4] * 12, [lone] + [None] * 11, ["venue_access"] + [None] * 11)
    said = you_said(frame, "improvements", "improvement_themes", {"venue_access": "Venue"})
    assert said.iloc[0][["Raised by", "Share", "quotes"]].tolist() == ["<5", "not shown", []]


def test_a_theme_is_quoted_only_when_enough_people_wrote_of_it():
    texts = [f"Comment number {i} about the room being far too hot and stuffy" for i in range(12)]
    four = evaluations_with([4] * 12, texts, ["venue_access"] * 4 + ["pace"] * 8)
    said = you_said(four, "improvements", "improvement_themes",
                    {"venue_access": "Venue", "pace": "Pace"}).set_index("code")
    assert said.loc["venue_access", "quotes"] == []  # 4 wrote of it: one of a few people
    assert len(said.loc["pace", "quotes"]) == 3      # 8 wrote of it, 12 wrote something
    five = evaluations_with([4] * 12, texts, ["venue_access"] * 5 + ["pace"] * 7)
    said = you_said(five, "improvements", "improvement_themes",
                    {"venue_access": "Venue", "pace": "Pace"}).set_index("code")
    assert len(said.loc["venue_access", "quotes"]) == 3


@pytest.mark.parametrize(("agreeing", "shown"), [
    (0, "0%"), (3, "not shown"), (6, "50%"), (11, "not shown"), (12, "100%")])
def test_an_agreement_share_that_would_give_away_a_small_count_is_not_shown(agreeing, shown):
    # 12 answered: 25% of 12 is 3 people agreeing; 92% of 12 leaves 1 who did not.
    frame = evaluations_with([5] * agreeing + [2] * (12 - agreeing))
    table = outcomes_table(frame).set_index("Outcome")
    row = table.loc["Give examples"]
    assert (row["Agreed"], row["Answered"]) == (shown, "12")
    assert (row["95% interval"] == "") == (shown == "not shown")


def test_an_outcome_nobody_answered_is_listed_as_answered_by_none():
    frame = evaluations_with([4] * 12)
    frame["outcome_confidence"] = pd.Categorical([None] * 12, dtype=SCORE_DTYPE)
    table = outcomes_table(frame).set_index("Outcome")
    assert len(table) == 8
    assert table.loc["Feel more confident to get involved"].tolist() == ["not shown", "", "0"]


def test_the_response_rate_counts_only_sessions_whose_attendance_is_known():
    # Hall A: 10 responses, 20 attended. Hall B: 12 responses, attendance not recorded.
    frame = evaluations_with([4] * 22, sessions=["2019-03-01-hall-a"] * 10
                             + ["2019-03-08-hall-b"] * 12)
    register = pd.DataFrame({"session_id": ["2019-03-01-hall-a", "2019-03-08-hall-b"],
                             "session_date": pd.to_datetime(["2019-03-01", "2019-03-08"]),
                             "venue": ["Hall A", "Hall B"],
                             "attended": pd.array([20, None], dtype="Int64")})
    glance = at_a_glance(frame, register)
    assert glance["response_rate"] == "50%"  # 10 of 20, not 22 of 20
    assert glance["participants"] == "20" and glance["responses"] == "22"


def test_groups_reviewed_follow_the_small_number_rules():
    frame = evaluations_with([4] * 12)
    reviews = pd.DataFrame({"group_id": ["a", "b", "c", "c"]})
    assert at_a_glance(frame, reviews=reviews)["groups"] == "<5"
    assert at_a_glance(frame, reviews=reviews, min_count=3)["groups"] == "3"


def test_the_response_rate_never_gives_away_a_small_number_of_responses():
    # 3 forms from a session 25 attended: 12% of 25 would say "3" beside "<5 forms".
    frame = evaluations_with([4] * 3)
    register = pd.DataFrame({"session_id": ["2019-03-01-hall-a"],
                             "session_date": pd.to_datetime(["2019-03-01"]),
                             "venue": ["Hall A"], "attended": pd.array([25], dtype="Int64")})
    glance = at_a_glance(frame, register)
    assert (glance["responses"], glance["participants"], glance["response_rate"]) == (
        "<5", "25", "not shown")


def test_the_ladder_is_published_as_counts_under_the_small_number_rules(sample):
    _, reviews, _ = sample
    tables = ladder_tables(reviews)
    # Counted by hand in reviews.csv, each group's latest review (15 groups):
    # co-design 6 descriptive, 7 intermediate, 2 transformative: the 2 is "<5" and,
    # beside the total, the first cell shown beside it (6) is hidden too.
    assert tables["where"].loc["Co-design"].tolist() == ["*", "7", "<5", "0", "15"]
    # co-decision 6, 6, 1 and 2 not involved: two "<5" alone beside a total always get a
    # "*" (the first 6, on the tie), whether or not they could be worked out (3 = 1 + 2
    # or 2 + 1 could not), so that a "*" never says that they could.
    assert tables["where"].loc["Co-decision"].tolist() == ["*", "6", "<5", "<5", "15"]
    assert tables["where"].loc["Co-delivery"].tolist() == ["7", "8", "0", "0", "15"]
    # Only 5 groups were reviewed twice: their movement has too small a base to show.
    assert tables["moved"] is None


def test_a_ladder_level_answered_by_too_few_groups_shows_only_its_total():
    from coprod_analysis.vocab import LADDER_DTYPE, LADDER_FIELD_NAMES

    # 12 groups; only 6 answered co-evaluation (the rest left it blank).
    rungs = ["descriptive"] * 6 + ["intermediate"] * 6
    evaluation = ["intermediate"] * 6 + [None] * 6
    reviews = pd.DataFrame({"group_id": [f"g{i}" for i in range(12)], "review_number": 1,
                            **{c: pd.Categorical(rungs, dtype=LADDER_DTYPE)
                               for c in LADDER_FIELD_NAMES},
                            **{f"{c}_not_involved": False for c in LADDER_FIELD_NAMES}})
    reviews["ladder_evaluation"] = pd.Categorical(evaluation, dtype=LADDER_DTYPE)
    where = ladder_tables(reviews)["where"]
    assert where.loc["Co-evaluation"].tolist() == ["not shown"] * 4 + ["6"]
    assert where.loc["Co-design"].tolist() == ["6", "6", "0", "0", "12"]
