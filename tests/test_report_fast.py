"""The report's counts made the quick way are the counts made the plain way.

``agreement_counts`` counts scores held as categories (the clean table's) in one
pass a column; any other column of scores is counted row by row, as it always
was: the two must agree. ``challenge_counts`` without groups counts each distinct
cell's codes once, weighted by how many rows hold it: it must agree with the
row-by-row indicators. ``outcomes_table`` given the rates it would make gives the
table it makes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from coprod_analysis.analyse.challenges import challenge_counts, challenge_indicators
from coprod_analysis.analyse.outcomes import agreement_counts
from coprod_analysis.report.content import outcomes_table, shown_agreement
from coprod_analysis.vocab import CHALLENGE_THEMES, OUTCOME_NAMES, SCORE_DTYPE


def _table(rows: list[list[int | None]], keys: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame({
        "key": pd.Series(keys, dtype="string"),
        **{o: pd.Categorical([r[i] for r in rows], dtype=SCORE_DTYPE)
           for i, o in enumerate(OUTCOME_NAMES)},
    })


def test_agreement_counts_by_hand():
    # Outcome 1 by group: a answers 5, 4, 2 (2 agree of 3); b answers 3 and a blank
    # (0 of 1); the row without a group is not counted by group.
    rows = [[5] * 8, [4] * 8, [2] * 8, [3] * 8, [None] * 8, [5] * 8]
    table = _table(rows, ["a", "a", "a", "b", "b", None])
    counts = agreement_counts(table, "key")
    first = counts[counts["outcome"] == "outcome_role"]
    assert first[["key", "n", "agreed"]].values.tolist() == [["a", 3, 2], ["b", 1, 0]]
    whole = agreement_counts(table)
    assert whole.loc[0, ["n", "agreed"]].tolist() == [5, 3]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_agreement_counts_of_categories_are_those_of_numbers(data):
    size = data.draw(st.integers(0, 30))
    rows = [data.draw(st.lists(st.one_of(st.none(), st.integers(1, 5)),
                               min_size=8, max_size=8)) for _ in range(size)]
    keys = data.draw(st.lists(st.one_of(st.none(), st.sampled_from("abc")),
                              min_size=size, max_size=size))
    table = _table(rows, keys)
    numbers = table.assign(**{o: table[o].astype("Int64") for o in OUTCOME_NAMES})
    for by in (None, "key", ["key"]):
        assert_frame_equal(agreement_counts(table, by), agreement_counts(numbers, by))


def test_agreement_counts_with_categories_not_all_scores():
    # Categories of their own (only 2 and 4 possible): counted through their codes.
    column = pd.Categorical([4, 2, None, 4], categories=[2, 4])
    table = pd.DataFrame({o: column for o in OUTCOME_NAMES})
    counts = agreement_counts(table)
    assert counts[["n", "agreed"]].values.tolist() == [[3, 2]] * 8


CELLS = st.lists(st.one_of(
    st.none(), st.just(""),
    st.lists(st.sampled_from([*list(CHALLENGE_THEMES)[:4], "not_a_code", ""]),
             max_size=4).map(";".join)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(CELLS, st.booleans())
def test_challenge_counts_are_the_indicators_summed(cells, as_text):
    reviews = pd.DataFrame({"challenges": pd.Series(cells, dtype="string" if as_text
                                                    else object)})
    counts = challenge_counts(reviews).set_index("code")
    flags = challenge_indicators(reviews)
    assert counts["count"].to_dict() == {c: int(flags[c].sum()) for c in CHALLENGE_THEMES}
    assert (counts["n"] == len(reviews)).all()
    assert counts["count"].dtype == np.int64
    # The same as counting by a group every review belongs to.
    grouped = challenge_counts(reviews.assign(g=1), by="g").drop(columns="g")
    if len(reviews):
        assert_frame_equal(counts.reset_index(), grouped)


def test_challenge_counts_by_hand():
    reviews = pd.DataFrame({"challenges": ["time;funding", None, "time", "time;time", ""]})
    counts = challenge_counts(reviews).set_index("code")
    assert counts.loc["time", "count"] == 3 and counts.loc["funding", "count"] == 1
    assert counts.loc["time", "share"] == 3 / 5


def test_the_outcomes_table_from_rates_given_is_the_table_made():
    rows = [[5, 4, 2, None, 3, 4, 5, 1]] * 12 + [[1] * 8] * 3
    table = _table(rows, [None] * len(rows))
    rates = shown_agreement(table, 10, 5, every_outcome=True)
    assert_frame_equal(outcomes_table(table, 10, 5, rates=rates), outcomes_table(table, 10, 5))
    shown = rates[rates["shown"]].reset_index(drop=True)
    assert_frame_equal(shown, shown_agreement(table, 10, 5))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 120), min_size=8, max_size=8),
       st.lists(st.integers(0, 120), min_size=8, max_size=8))
def test_the_outcomes_chart_draws_no_more_than_the_table_publishes(agreed, disagreed):
    """The dot and its interval in the report's outcomes chart sit at whole percents, the
    table's: at the exact share, a reader measured 161 of 186 agreeing off the picture
    where "87%" leaves 161 or 162 (session 16). Ties are drawn in label order."""
    from coprod_analysis.charts.report import chart_agreement

    longest = max(a + d for a, d in zip(agreed, disagreed, strict=True))
    columns = {}
    for outcome, a, d in zip(OUTCOME_NAMES, agreed, disagreed, strict=True):
        columns[outcome] = pd.Categorical([5] * a + [1] * d + [None] * (longest - a - d),
                                          dtype=SCORE_DTYPE)
    shown = shown_agreement(pd.DataFrame(columns), 10, 5)
    if shown.empty:
        return
    axes = chart_agreement(shown).axes[0]
    dots = [line.get_xdata()[0] for line in axes.lines]
    bars = [bound for collection in axes.collections for segment in collection.get_segments()
            for bound in (segment[0][0], segment[1][0])]
    for x in dots + bars:
        assert abs(x - round(x)) < 1e-9, x
    published = sorted(((-int(p[:-1]), label) for p, label in
                        zip(shown["published"], shown["label"], strict=True)))
    assert [round(x) for x in dots] == [-p for p, _ in published]


def test_a_published_share_by_hand():
    # 161 of 186 agreed: 86.56%, published 87%, its Wilson interval 81% to 91%
    scores = pd.Categorical([5] * 161 + [2] * 25, dtype=SCORE_DTYPE)
    row = shown_agreement(pd.DataFrame({o: scores for o in OUTCOME_NAMES}), 10, 5).iloc[0]
    assert (row["rate"], row["low"], row["high"], row["published"]) == (0.87, 0.81, 0.91, "87%")
