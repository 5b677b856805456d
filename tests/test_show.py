"""The display layer: tables for people, expected values worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_analysis import show
from coprod_analysis.analyse import (
    agreement_rates,
    challenge_counts,
    ladder_distribution,
    movement_summary,
    sign_test,
)
from coprod_analysis.vocab import LADDER_DTYPE, OUTCOME_NAMES, SCORE_DTYPE

# --- one value -------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (7 / 12, "58%"),       # 58.33
    (2 / 3, "67%"),        # 66.67
    (0.125, "13%"),        # 12.5: halves go up
    (0.145, "15%"),        # stored as 0.14499999…, still a half
    (0.005, "1%"),
    (0.0049, "0%"),
    (0.0, "0%"),
    (1.0, "100%"),
    (float("nan"), "\u2013"),
    (None, "\u2013"),
    (pd.NA, "\u2013"),
])
def test_a_share_is_a_whole_percentage_with_halves_rounded_up(value, expected):
    assert show.fmt_share(value) == expected


@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_a_share_is_never_more_than_half_a_point_from_the_truth(pair):
    k, n = pair
    text = show.fmt_share(k / n)
    assert text.endswith("%")
    shown = int(text[:-1])
    assert 0 <= shown <= 100
    assert abs(shown - 100 * k / n) <= 0.5 + 1e-9


@pytest.mark.parametrize("value, expected", [
    (6.0, "6"), (6, "6"), (1204, "1,204"), (0, "0"), (float("nan"), "\u2013"),
    (pd.NA, "\u2013"), (None, "\u2013"),
])
def test_a_count_is_a_whole_number_and_none_is_a_dash(value, expected):
    assert show.fmt_count(value) == expected


def test_codes_become_their_labels():
    assert show.label_of("outcome_critique") == "Critique initiatives"
    assert show.label_of("ladder_evaluation") == "Co-evaluation"
    assert show.label_of("ladder_overall") == "Overall"
    assert show.label_of("not_involved") == "Not involved"
    assert show.label_of("quality_feedback") == "Feedback acted on"
    assert show.themes_text("lack_of_empathy;time") == "Unable to empathise; Time"


# --- the sign test in words --------------------------------------------------------------

@pytest.mark.parametrize("up, down, expected", [
    # 4 up, 0 down: p = 2 x (1/2)^4 = 0.125
    (4, 0, "4 groups moved up and none down: too few to rule out chance (sign test, p = 0.125)"),
    # 1 up: p = 2 x 1/2 = 1
    (1, 0, "1 group moved up and none down: too few to rule out chance (sign test, p = 1)"),
    # 0 up, 9 down: p = 2 x (1/2)^9 = 0.0039
    (0, 9, "No group moved up and 9 down: more down than chance would explain "
           "(sign test, p = 0.004)"),
    # 8 up, 1 down: p = 2 x 10/512 = 0.039
    (8, 1, "8 groups moved up and 1 down: more up than chance would explain "
           "(sign test, p = 0.039)"),
    (3, 3, "3 groups moved up and 3 down: no sign of a shift either way (sign test, p = 1)"),
    (0, 0, "No group moved up or down: there is nothing to test"),
])
def test_each_sign_test_reads_as_a_plain_sentence(up, down, expected):
    assert show.sign_test_sentence(up, down, sign_test(up, down)) == expected


def test_the_movement_summary_says_what_each_test_means_in_ladder_order():
    movement = pd.DataFrame({
        "level": ["ladder_overall"] * 2 + ["ladder_design"] * 4,
        "label": ["overall"] * 2 + ["co-design"] * 4,
        "movement": ["up", "same", "up", "up", "up", "up"]})
    table = show.movement_summary_table(movement_summary(movement)).data
    assert table["Level"].tolist() == ["Co-design", "Overall"]
    assert table.iloc[0].tolist() == [
        "Co-design", "4", "0", "0", "0",
        "4 groups moved up and none down: too few to rule out chance (sign test, p = 0.125)"]


# --- outcomes ---------------------------------------------------------------------------------

def _evaluations(role):
    return pd.DataFrame({o: pd.Categorical(role, dtype=SCORE_DTYPE) for o in OUTCOME_NAMES})


def test_the_agreement_table_shows_share_interval_and_base_side_by_side():
    # 5, 4, 2 and a skip: 2 of 3 agree. Wilson 95% for 2/3 (z² = 3.8415): centre
    # (0.6667 + 0.6403) / 2.2805 = 0.5731, half-width 1.96 x 0.4252 / 2.2805 = 0.3654,
    # so 20.8% to 93.9%.
    rates = agreement_rates(_evaluations([5, 4, 2, None]))
    table = show.agreement_table(rates).data
    assert list(table.columns) == ["Outcome", "Agreed", "Share agreeing", "95% interval",
                                   "Answered (n)"]
    assert table.iloc[0].tolist() == ["Understand the patient champion's role", "2", "67%",
                                      "21% to 94%", "3"]


def test_rows_on_a_small_base_are_greyed_out_only_when_asked():
    rates = agreement_rates(_evaluations([5, 4, 2, None]))
    assert _grey_cells(show.agreement_table(rates)) == set()
    assert _grey_cells(show.agreement_table(rates, min_base=10)) == {
        (row, col) for row in range(8) for col in range(5)}  # every outcome: n = 3
    assert _grey_cells(show.agreement_table(rates, min_base=3)) == set()  # 3 is not < 3


def test_a_display_function_never_changes_the_table_it_is_given():
    rates = agreement_rates(_evaluations([5, 4, 2, None]))
    before = rates.copy()
    show.agreement_table(rates, min_base=10)
    pd.testing.assert_frame_equal(rates, before)


def test_the_response_table_writes_whole_numbers_and_dashes_for_unknown_attendance():
    rates = pd.DataFrame({
        "session_id": ["a", "b"], "session_date": pd.to_datetime(["2019-10-14", "2019-11-12"]),
        "venue": ["Seacroft Hub", "St George's Centre"],
        "attended": pd.array([20, pd.NA], dtype="Int64"),
        "responses": [0, 17], "rate": [0.0, float("nan")]})
    ratings = pd.DataFrame({"session_id": ["b"], "n": [16], "mean": [4.25]})
    table = show.response_table(rates, ratings).data
    assert table.values.tolist() == [
        ["14 Oct 2019", "Seacroft Hub", "20", "0", "0%", "0", "\u2013"],
        ["12 Nov 2019", "St George's Centre", "\u2013", "17", "\u2013", "16", "4.3"]]


# --- the ladder -------------------------------------------------------------------------------

def _reviews():
    rungs = {"ladder_design": ["transformative", "descriptive", None],
             "ladder_decision": ["intermediate"] * 3, "ladder_delivery": ["descriptive"] * 3,
             "ladder_evaluation": [None, None, None],
             "ladder_overall": ["intermediate", "descriptive", "intermediate"]}
    frame = pd.DataFrame({"group_id": ["a", "b", "c"], "review_number": [1, 1, 1],
                          **{k: pd.Categorical(v, dtype=LADDER_DTYPE) for k, v in rungs.items()}})
    frame["ladder_design_not_involved"] = [False, False, True]
    frame["ladder_evaluation_not_involved"] = [False, True, False]
    return frame


def test_the_ladder_table_runs_in_ladder_order_with_shares_counts_and_base():
    distribution = ladder_distribution(_reviews())
    shuffled = distribution.iloc[::-1]  # the order of the table given does not matter
    table = show.ladder_table(shuffled).data
    assert list(table.columns) == ["Level", "Descriptive", "Intermediate", "Transformative",
                                   "Not involved", "Groups (n)"]
    assert table["Level"].tolist() == ["Co-design", "Co-decision", "Co-delivery",
                                       "Co-evaluation", "Overall"]
    # co-design: transformative, descriptive, not involved: a third each of 3.
    assert table.iloc[0].tolist() == ["Co-design", "33% (1)", "0% (0)", "33% (1)", "33% (1)",
                                      "3"]
    # co-evaluation: one group says not involved, two did not answer: base 1.
    assert table.iloc[3].tolist() == ["Co-evaluation", "0% (0)", "0% (0)", "0% (0)",
                                      "100% (1)", "1"]
    # overall has no "not involved" answer: a dash, not 0%.
    assert table.iloc[4].tolist() == ["Overall", "33% (1)", "67% (2)", "0% (0)", "\u2013", "3"]


# --- themes -----------------------------------------------------------------------------------

def test_a_breakdown_puts_each_columns_base_in_its_heading_and_greys_small_ones():
    reviews = pd.DataFrame({"group_type": ["PPG"] * 4 + ["PAG"],
                            "challenges": ["time;funding", "time", "time", None, "funding"]})
    counts = challenge_counts(reviews, by="group_type")
    styler = show.themes_table(counts, by="group_type", min_base=3)
    table = styler.data
    assert list(table.columns) == ["Theme", "PAG (n = 1)", "PPG (n = 4)"]
    # time: PPG 3 of 4, PAG 0 of 1; funding: PPG 1 of 4, PAG 1 of 1; most named first
    assert table.iloc[0].tolist() == ["Time", "0% (0)", "75% (3)"]
    assert table.iloc[1].tolist() == ["Funding", "100% (1)", "25% (1)"]
    assert _grey_cells(styler) == {(row, 1) for row in range(len(table))}  # PAG only


def _grey_cells(styler):
    styler._compute()
    return {cell for cell, styles in styler.ctx.items()
            if any(f"{k}: {v}" == show.GREY for k, v in styles)}


def test_a_table_without_breakdown_shows_count_share_and_base():
    reviews = pd.DataFrame({"challenges": ["time;funding", "time", None, "funding", "time"]})
    table = show.themes_table(challenge_counts(reviews)).data
    assert table.iloc[0].tolist() == ["Time", "3", "60%", "5"]
    assert table.iloc[1].tolist() == ["Funding", "2", "40%", "5"]


def test_an_empty_table_can_be_a_sentence_instead():
    empty = pd.DataFrame({"source_row": pd.Series([], dtype="int64")})
    assert repr(show.table(empty, empty="No rows were set aside.")) == "No rows were set aside."


# --- warnings ---------------------------------------------------------------------------------

def test_register_warnings_say_what_is_missing_and_what_it_does_to_response_rates():
    gaps = pd.DataFrame({
        "session_id": ["x", "y"], "session_date": pd.to_datetime(["2019-10-14", "2019-11-12"]),
        "venue": ["Seacroft Hub", "St George's Centre"], "gap": ["no forms"] * 2,
        "responses": [0, 0]})
    assert show.register_warnings(gaps) == [
        "2 sessions in the register have no forms: 14 Oct 2019 at Seacroft Hub and 12 Nov "
        "2019 at St George's Centre. Their response rates show as 0%: is an export missing "
        "from the folder?"]


def test_small_base_warnings_name_every_small_row_once():
    table = pd.DataFrame({"label": ["a", "a", "b", "c"], "n": [4, 4, 10, 0]})
    assert show.small_base_warnings(table, "outcomes") == [
        "1 outcome rests on fewer than 10 people: a (4). Its share swings with one answer: "
        "read it with care (the report does not show it)."]
    assert show.small_base_warnings(table.iloc[2:], "outcomes") == []


def test_warnings_are_escaped_and_an_empty_box_says_all_is_well():
    box = show.warnings(["<script>alert(1)</script> group"], [])
    assert "<script>" not in box._repr_html_() and "&lt;script&gt;" in box._repr_html_()
    assert "Nothing to warn about" in show.warnings([], [])._repr_html_()


def test_with_no_group_reviewed_twice_the_movement_tables_say_so():
    from coprod_analysis.analyse import ladder_movement

    movement = ladder_movement(_reviews())  # every group reviewed once
    assert movement.empty
    assert repr(show.movement_table(movement)) == ("No group has been reviewed twice yet, so "
                                                   "there is no movement to show.")
    assert repr(show.movement_summary_table(movement_summary(movement))) == repr(
        show.movement_table(movement))
