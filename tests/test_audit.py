"""The auditor (an attacker with integer programming) and suppression checked against it.

The auditor is itself checked against a brute-force reader that tries every
table that would publish the same way; suppression is checked against the
auditor on random tables of every shape the report publishes, and against a
reader who knows the suppression rule.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coprod_analysis.publish import suppress_table, withheld_totals
from coprod_analysis.publish.audit import Problem, audit_table
from coprod_analysis.publish.disclosure import _Suppression
from coprod_analysis.report.content import ladder_tables
from coprod_analysis.vocab import LADDER_DTYPE, LADDER_FIELD_NAMES

CAP = 40  # the brute-force reader tries hidden cells up to this


def _fits(shown: str, values: np.ndarray, is_total: bool) -> np.ndarray:
    """Which of ``values`` could be behind a published cell (the reader's knowledge)."""
    if shown == "<5":
        return (values >= 1) & (values <= 4)
    if shown == "*":
        return values >= (0 if is_total else 5)
    return values == int(shown)


def _consistent(published: pd.DataFrame, cap: int = CAP) -> np.ndarray:
    """Every table (cells only, hidden cells up to ``cap``) that publishes the same text."""
    rows = [r for r in published.index if r != "Total"]
    columns = [c for c in published.columns if c != "Total"]
    domains = []
    for r in rows:
        for c in columns:
            text = published.loc[r, c]
            domains.append(np.array([int(text)]) if text not in ("<5", "*") else
                           np.arange(1, 5) if text == "<5" else np.arange(5, cap + 1))
    grid = np.stack(np.meshgrid(*domains, indexing="ij"), -1).reshape(-1, len(domains))
    tables = grid.reshape(-1, len(rows), len(columns))
    keep = np.ones(len(grid), dtype=bool)
    if "Total" in published.columns:
        for i, r in enumerate(rows):
            keep &= _fits(published.loc[r, "Total"], tables[:, i].sum(axis=1), True)
    if "Total" in published.index:
        for j, c in enumerate(columns):
            keep &= _fits(published.loc["Total", c], tables[:, :, j].sum(axis=1), True)
        if "Total" in published.columns:
            keep &= _fits(published.loc["Total", "Total"], tables.sum(axis=(1, 2)), True)
    return tables[keep]


def _brute_force(published: pd.DataFrame, cap: int = CAP) -> dict[tuple, set[int]]:
    """Every value each cell and total can take, over every table that fits."""
    rows = [r for r in published.index if r != "Total"]
    columns = [c for c in published.columns if c != "Total"]
    tables = _consistent(published, cap)
    seen = {(r, c): set(tables[:, i, j].tolist()) for i, r in enumerate(rows)
            for j, c in enumerate(columns)}
    for i, r in enumerate(rows):
        seen[(r, "Total")] = set(tables[:, i].sum(axis=1).tolist())
    for j, c in enumerate(columns):
        seen[("Total", c)] = set(tables[:, :, j].sum(axis=1).tolist())
    seen[("Total", "Total")] = set(tables.sum(axis=(1, 2)).tolist())
    return seen


def test_the_worked_example_is_pinned_when_each_line_is_checked_alone():
    # [[2, 4], [5, 2]] with both totals, protected line by line: the 5 is hidden
    # beside the 2 below it, and every line alone looks safe. By hand: x + y = 6 and
    # x + z = 7 with z >= 5 give x <= 2, so y >= 4, so y = 4 (it is at most 4),
    # x = 2, z = 5 and the last cell 7 - 5 = 2.
    published = pd.DataFrame([["<5", "<5", "6"], ["*", "<5", "7"], ["7", "6", "13"]],
                             index=["a", "b", "Total"], columns=["x", "y", "Total"])
    found = audit_table(published).set_index(["row", "column"])
    assert found[["low", "high"]].to_numpy().tolist() == [[2, 2], [4, 4], [5, 5], [2, 2]]
    seen = _brute_force(published)
    assert {cell: seen[cell] for cell in found.index} == {
        ("a", "x"): {2}, ("a", "y"): {4}, ("b", "x"): {5}, ("b", "y"): {2}}


def test_the_worked_example_is_safe_once_suppressed_for_the_whole_table():
    published = suppress_table(pd.DataFrame([[2, 4], [5, 2]], index=["a", "b"],
                                            columns=["x", "y"]))
    assert not audit_table(published)["pinned"].any()
    seen = _brute_force(published)
    for cell in [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")]:
        assert len(seen[cell]) > 1


def test_a_hidden_row_total_is_taken_from_the_grand_total():
    # Row b's total hidden, but 20 - 12 = 8; then b's 3 is 8 - 5.
    published = pd.DataFrame([["7", "5", "12"], ["<5", "5", "*"], ["10", "10", "20"]],
                             index=["a", "b", "Total"], columns=["x", "y", "Total"])
    found = audit_table(published).set_index(["row", "column"])
    assert found.loc[("b", "x"), ["low", "high", "pinned"]].tolist() == [3, 3, True]
    assert found.loc[("b", "Total"), ["low", "high"]].tolist() == [8, 8]


def test_a_narrowed_value_is_said_to_be():
    # <5 and * add up to 7: the * is 5 or 6, the <5 is 1 or 2.
    published = pd.DataFrame([["<5", "*", "7"]], columns=["x", "y", "Total"])
    found = audit_table(published)
    assert found[["low", "high", "pinned", "narrowed"]].values.tolist() == [
        [1, 2, False, True], [5, 6, False, True]]


def test_a_hidden_cell_without_totals_is_unbounded():
    found = audit_table(pd.DataFrame([["*", "<5"]], columns=["x", "y"]))
    assert found["high"].tolist() == [None, 4] and found["low"].tolist() == [5, 1]


def test_an_inconsistent_table_is_refused():
    with pytest.raises(ValueError, match="inconsistent"):
        audit_table(pd.DataFrame([["<5", "9", "3"]], columns=["x", "y", "Total"]))


def test_one_count_in_two_places_is_one_value():
    # Each table alone leaves the <5 free; together (same name) they pin it.
    problem = Problem()
    problem.small("a", 5)
    problem.hidden("b", 5)
    problem.shown("t", 8)
    problem.equal({"a": 1, "b": 1, "t": -1})       # a + b = 8: a is 1 to 3
    problem.shown("u", 6)
    problem.hidden("c", 5)
    problem.equal({"a": 1, "c": 1, "u": -1})       # a + c = 6: a is 1
    assert problem.audit(["a"])[["low", "high"]].values.tolist() == [[1, 1]]


tiny_published = st.sampled_from([(1, 2), (1, 3), (2, 2), (2, 1), (1, 1)]).flatmap(
    lambda shape: st.tuples(
        st.lists(st.lists(st.integers(0, 9), min_size=shape[1], max_size=shape[1]),
                 min_size=shape[0], max_size=shape[0]),
        st.sampled_from([(True, True), (True, False), (False, True)])))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_published)
def test_the_auditor_agrees_with_a_reader_who_tries_every_table(case):
    rows, (row_totals, column_totals) = case
    counts = pd.DataFrame(rows)
    published = suppress_table(counts, row_totals=row_totals, column_totals=column_totals)
    published.attrs = {}  # the text alone, as the brute-force reader reads it
    found = audit_table(published)
    seen = _brute_force(published)
    for row in found.itertuples():
        values = seen[(row.row, row.column)]
        assert row.low == min(values)
        if max(values) < CAP and row.high is not None and row.high < CAP:
            assert row.high == max(values)
        assert row.pinned == (len(values) == 1)


def _counts(shape_rows, shape_columns):
    value = st.one_of(st.just(0), st.integers(1, 4), st.integers(5, 12),
                      st.integers(13, 60), st.integers(200, 900))
    return st.lists(st.lists(value, min_size=shape_columns, max_size=shape_columns),
                    min_size=shape_rows, max_size=shape_rows)


tables = st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(
    lambda shape: st.tuples(_counts(*shape),
                            st.sampled_from([(True, True), (True, False), (False, True)])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
@example(([[1, 7]], (True, True)))  # a hidden grand total of 8 can be worked out: allowed
@example(([[2, 4], [5, 2]], (True, True)))
def test_no_suppressed_table_gives_a_hidden_cell_away(case):
    rows, (row_totals, column_totals) = case
    counts = pd.DataFrame(rows)
    published = suppress_table(counts, row_totals=row_totals, column_totals=column_totals)
    found = audit_table(published)
    total = (found["row"] == "Total") | (found["column"] == "Total")
    given_away = found["pinned"] & (~total | (found["shown"] == "<5"))
    assert not given_away.any(), found[given_away]
    # Nor to a reader who knows the rule: the auditor told the rule's answers pins
    # nothing, so the safety net never acts.
    state = _Suppression(counts.to_numpy(), 5, row_totals, column_totals)
    state.protect_lines()
    problem, truth, names = state.problem()
    assert not problem.pinned(truth, list(names))
    # A hidden total worked out is a count of 5 or more that could have been shown.
    assert (found.loc[found["pinned"] & total, "low"] >= 5).all()
    # And what is shown is true: counts as they are, 1 to 4 as <5, zeros as 0.
    cells = published.drop(index="Total", columns="Total", errors="ignore").to_numpy()
    values = counts.to_numpy()
    assert (cells[values == 0] == "0").all()
    assert (cells[(values > 0) & (values < 5)] == "<5").all()
    shown = ~np.isin(cells, ["<5", "*"])
    assert (cells[shown].astype(int) == values[shown]).all()


def test_a_line_of_small_counts_alone_is_not_given_away_by_its_total():
    # [4, 4, 0] beside a total of 8 would be 4 and 4: nothing left to hide, so the
    # total goes. [1, 1, 0] has a total of 2, itself shown "<5": nothing to hide.
    published = suppress_table(pd.DataFrame([[4, 4, 0], [1, 1, 0]]), column_totals=False)
    assert published.loc[0].tolist() == ["<5", "<5", "0", "*"]
    assert published.loc[1].tolist() == ["<5", "<5", "0", "<5"]
    assert not audit_table(published)["pinned"].any()


def _rule(counts, totals: tuple[bool, bool]) -> _Suppression:
    """The suppression rule's state for a table, before the auditor's safety net."""
    state = _Suppression(np.asarray(counts), 5, *totals)
    state.protect_lines()
    return state


def _publication(state: _Suppression) -> tuple:
    return state.hidden.tobytes(), tuple(sorted(state.hidden_totals))


#: Tables a reader who knew an earlier rule could pin (found by this test's reader and
#: by an independent audit), and lines at the least and the most they could add up to.
RULE_CASES = [
    ([[7, 3, 4], [3, 7, 4]], (True, True)),
    ([[0, 1, 6], [4, 3, 0]], (True, True)),
    ([[4, 1], [1, 0]], (True, True)),
    ([[1, 0, 1], [4, 1, 0]], (True, True)),
    ([[2, 4], [5, 2]], (True, True)),
    ([[12, 6], [12, 5], [2, 2]], (True, True)),
    ([[1, 1, 1, 1, 0], [1, 1, 1, 1, 9]], (True, True)),
    ([[1, 5, 9]], (True, False)),
    ([[1, 5, 5]], (True, False)),
    ([[1, 5], [6, 0]], (False, True)),
    ([[4, 4, 0]], (True, False)),
    ([[1, 1, 1, 1]], (True, False)),
    ([[1, 1, 1, 0]], (True, False)),
]


def _random_cases(count: int, seed: int) -> list:
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < count:
        shape = [(1, 2), (1, 3), (2, 2), (2, 3), (3, 2)][int(rng.integers(5))]
        counts = rng.choice([0, 1, 1, 2, 3, 4, 5, 6, 7, 9, 12], size=shape)
        totals = [(True, True), (True, False), (False, True)][int(rng.integers(3))]
        if ((counts > 0) & (counts < 5)).any():
            cases.append((counts.tolist(), totals))
    return cases


@pytest.mark.parametrize("case", RULE_CASES + _random_cases(40, seed=11),
                         ids=lambda case: f"{case[0]}-{'rc'[not case[1][0]]}{'rc'[case[1][1]]}")
def test_a_reader_who_knows_the_rule_pins_nothing_and_learns_no_more_than_the_auditor(case):
    """Every table that publishes the same way, filtered by the rule itself.

    A reader who knows the rule tries every table consistent with what is
    shown (hidden cells up to 20) and keeps those the rule would publish the
    same way. That reader must pin no hidden cell and no ``<5`` total, and
    must find possible every value the auditor, told what the rule's answers
    say (the slack inequalities), finds possible at either end of its range:
    what the reader learns is no more than what the auditor says.
    """
    counts, totals = case
    counts = np.asarray(counts)
    state = _rule(counts, totals)
    published = suppress_table(pd.DataFrame(counts), row_totals=totals[0],
                               column_totals=totals[1])
    full = _Suppression(counts, 5, *totals)
    full.protect_lines()
    full.protect_by_audit()
    assert not full.audit_acted, "the rule alone must leave nothing to be worked out"
    key = _publication(state)
    hidden = [tuple(p) for p in np.argwhere(state.hidden)]
    kept: dict[tuple, set[int]] = {p: set() for p in hidden}
    lines = {f"t{k[0]},{k[1]}": cells for cells, k in state.lines}
    small_totals = [n for n, cells in lines.items() if 0 < sum(counts[p] for p in cells) < 5]
    kept.update({n: set() for n in small_totals})
    for other in _consistent(published, cap=20):
        if _publication(_rule(other, totals)) == key:
            for p in hidden:
                kept[p].add(int(other[p]))
            for n in small_totals:
                kept[n].add(int(sum(other[p] for p in lines[n])))
    assert all(len(values) > 1 for values in kept.values()), (published, kept)
    problem, _, _ = state.problem()
    found = problem.audit([f"c{p[0]},{p[1]}" for p in hidden]).set_index("name")
    for p in hidden:
        low, high = found.loc[f"c{p[0]},{p[1]}", ["low", "high"]]
        assert low in kept[p], (p, low, kept[p])
        if high is not None and high <= 20:
            assert high in kept[p], (p, high, kept[p])


def test_what_the_rule_says_travels_with_the_table_to_the_auditor():
    # [1, 5, 9] beside its total 15: the 5 is hidden beside the 1; <5 + * = 6 is within 1
    # of the least (1 + 5), so the 9 is hidden too, and the reader who knows the rule
    # learns <5 + first * <= 7. By hand: <5 is 1 or 2, the first * 5 or 6, the second
    # 15 - 7 = 8 or 15 - 6 = 9. Without that, <5 is 1 to 4 and each * 5 to 9.
    published = suppress_table(pd.DataFrame([[1, 5, 9]], index=["a"], columns=["x", "y", "z"]),
                               column_totals=False)
    assert published.loc["a"].tolist() == ["<5", "*", "*", "15"]
    assert published.attrs["rule_says"] == [({("a", "x"): 1, ("a", "y"): 1}, 7)]
    found = audit_table(published)
    assert found[["low", "high"]].values.tolist() == [[1, 2], [5, 6], [8, 9]]
    published.attrs = {}
    assert audit_table(published)[["low", "high"]].values.tolist() == [[1, 4], [5, 9], [5, 9]]


@pytest.mark.parametrize(("columns", "min_count"), [(3, 5), (4, 5), (4, 3), (3, 10), (4, 10)])
def test_withheld_totals_are_where_lines_with_their_total_hidden_all_agree(columns,
                                                                             min_count):
    # Every line of cells 0 to min_count + 1, the rule run on each (no shortcut).
    hidden: dict[int, list[tuple[int, ...]]] = {}
    for line in itertools.product(range(min_count + 2), repeat=columns):
        state = _Suppression(np.array([line]), min_count, True, False)
        state.protect_lines()
        if ("row", 0) in state.hidden_totals:
            hidden.setdefault(sum(line), []).append(line)
    expected = {total for total, lines in hidden.items()
                if any(len(set(cell)) == 1 for cell in zip(*lines, strict=True))}
    assert withheld_totals(columns, min_count) == expected


def test_a_level_of_four_nines_is_never_broken_down():
    # By hand, --min-count 10, four columns: the only line adding up to 36 whose total the
    # rule hides is 9, 9, 9, 9 (all "<10", at the most they could be); a line with a
    # larger cell has its total hidden only within 1 of its least (at most 1 + 3 x 10 =
    # 31 here). So at 36 no level is broken down, whatever its counts (co-design, all 36
    # intermediate, too: it is the total that decides); at 35 (9, 9, 9, 8 in any order) a
    # reader who knows the rule is left two values a cell.
    assert 36 in withheld_totals(4, 10) and 35 not in withheld_totals(4, 10)
    reviews = pd.DataFrame({"group_id": [f"g{k:02d}" for k in range(36)], "review_number": 1})
    for column in LADDER_FIELD_NAMES:
        rungs = (["intermediate"] * 36 if column != "ladder_decision" else
                 ["descriptive"] * 10 + ["intermediate"] * 20 + ["transformative"] * 6)
        reviews[column] = pd.Categorical(rungs, dtype=LADDER_DTYPE)
        reviews[f"{column}_not_involved"] = False
    where = ladder_tables(reviews, min_count=10)["where"]
    assert where.loc["Co-decision"].tolist() == ["not shown"] * 4 + ["36"]
    assert where.loc["Co-design"].tolist() == ["not shown"] * 4 + ["36"]
