"""An independent attack on ``suppress_table`` and the report's small-number promises (issue 11).

What an independent auditor found, as tests (the first two failed before main's fix of
``--min-count 2`` and of ladder levels whose total the rule hides), and a brute-force
reader who knows the rule on every ladder row of small counts.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from coprod_analysis.publish import suppress_table
from coprod_analysis.publish.audit import table_problem
from coprod_analysis.publish.disclosure import _Suppression
from coprod_analysis.report.audit import glance_table, report_leaks
from coprod_analysis.report.content import ladder_tables
from coprod_analysis.vocab import LADDER_DTYPE, LADDER_FIELD_NAMES


def test_min_count_two_publishes_a_lone_one_without_crashing():
    # By hand: [0, 0, 1] with --min-count 2 and row totals. The 1 is shown "<2", which
    # can only be 1 (the sign says so, nothing is given away), and so is the total.
    # Before the fix the rule hid the total (a line of min_count - 1 = 1 "<2" and zeros
    # never shows it); the safety net then saw a hidden total of 1 "pinned" (it equals
    # the "<2" cell) and, with nothing left to hide, raised RuntimeError; `coprod report
    # --min-count 2` on the sample data refused to write ("<2" ladder cells "worked
    # out": they are 1 by their sign).
    published = suppress_table(pd.DataFrame([[0, 0, 1]]), column_totals=False,
                               min_count=2)
    assert published.loc[0].tolist()[:3] == ["0", "0", "<2"]


def _reviews(spread: list[str | None], groups: int) -> pd.DataFrame:
    """``groups`` groups, every one answering every level: intermediate everywhere,
    except co-decision, answered as ``spread`` (``None``: not involved)."""
    columns = {}
    for column in LADDER_FIELD_NAMES:
        answers = spread if column == "ladder_decision" else ["intermediate"] * groups
        columns[column] = pd.Categorical(answers, dtype=LADDER_DTYPE)
        columns[f"{column}_not_involved"] = [a is None for a in answers]
    return pd.DataFrame({"group_id": [f"g{k:02d}" for k in range(groups)],
                         "review_number": 1, **columns})


def test_a_hidden_ladder_total_is_not_taken_from_the_groups_reviewed():
    # 16 groups reviewed, each answering every level (as in the sample data: every
    # level's "Groups" is the groups reviewed). Co-decision: 4 descriptive, 4
    # intermediate, 4 transformative, 4 not involved. All four are "<5", so the rule
    # never shows the level's total (shown, 16 would make each 4): it is "*". But the
    # page says 16 groups were reviewed and every other level shows 16 groups: a reader
    # who takes co-decision's total to be 16 too (every group answers every level) has
    # four "<5" cells, each at most 4, adding up to 16: each is 4. The auditor writes
    # only "level total <= groups reviewed" and (before the fix) found nothing.
    where = ladder_tables(_reviews(["descriptive"] * 4 + ["intermediate"] * 4
                                   + ["transformative"] * 4 + [None] * 4, 16))["where"]
    tables = {"At a glance": glance_table({"groups": "16"}),
              "Ladder": where.rename_axis("Level").reset_index()}
    assert report_leaks(tables).empty  # the auditor: level total <= groups reviewed
    # The reader: every level's total is the 16 groups reviewed (all shown ones are).
    assert where["Groups"].drop("Co-decision").tolist() == ["16"] * 4
    assumed = where.assign(Groups="16")
    found = table_problem(assumed, total="Groups").audit()
    assert not found["pinned"].any(), found[found["pinned"]]


def test_what_the_rule_says_survives_the_report_s_copies():
    # The ladder table goes through rename, .loc assignment, rename_axis, reset_index and
    # set_index on its way to the report's audit: rule_says must survive all of them.
    # [1, 5, 9, 0]: the 5 is hidden beside the 1; "<5" + "*" = 6 is within 1 of the least
    # (1 + 5), so the reader who knows the rule learns "<5" + "*" <= 7.
    counts = pd.DataFrame([[1, 5, 9, 0]] + [[5, 5, 5, 0]] * 4,
                          index=[f"L{k}" for k in range(5)], columns=list("DITN"))
    table = suppress_table(counts, column_totals=False)
    table = table.rename(columns={"Total": "Groups"})
    table.loc[[False] * 5, list("DITN")] = "not shown"
    table = table.rename_axis("Level").reset_index().set_index("Level")
    assert table.attrs["rule_says"] == [({("L0", "D"): 1, ("L0", "I"): 1}, 7)]


def _published(values: np.ndarray, min_count: int) -> tuple:
    """What a reader sees of one row (row totals only), as the rule publishes it."""
    state = _Suppression(values, min_count, True, False)
    state.protect_lines()  # the safety net is left out: it never acts (checked apart)
    cells = tuple("*" if state.hidden[p] and not state.small[p] else
                  "<" if state.small[p] else int(values[p]) for p in np.ndindex(values.shape))
    total = int(values.sum())
    shown = ("*" if ("row", 0) in state.hidden_totals else
             "<" if 0 < total < min_count else total)
    return cells + (shown,)


def _tables_publishing(key: tuple, min_count: int, cap: int) -> list[tuple[int, ...]]:
    """Every row (hidden cells up to ``cap``) that the rule publishes as ``key``."""
    *cells, total = key
    domains = [[c] if isinstance(c, int) else range(1, min_count) if c == "<" else
               range(min_count, cap + 1) for c in cells]
    out = []
    for values in itertools.product(*domains):
        if isinstance(total, int) and sum(values) != total:
            continue
        if _published(np.array([values]), min_count) == key:
            out.append(values)
    return out


@pytest.mark.parametrize("min_count, largest", [(5, 10), (3, 7)])
def test_a_reader_who_knows_the_rule_pins_no_ladder_cell(min_count, largest):
    """With row totals only (the ladder tables) each row is published on its own, so
    rows of four cells are every ladder level. Every row with cells 0 to ``largest`` is
    published; a reader who knows the rule groups them by what is published; a value
    with one possible value in its group is then checked against every row that
    publishes the same way with hidden cells up to ``largest + 15``: none is pinned."""
    seen: dict[tuple, list[set[int]]] = {}
    for values in itertools.product(range(largest + 1), repeat=4):
        key = _published(np.array([values]), min_count)
        sets = seen.setdefault(key, [set() for _ in range(5)])
        for k, v in enumerate((*values, sum(values))):
            sets[k].add(v)
    suspects = [key for key, sets in seen.items()
                if any(t in ("<", "*") and len(s) == 1 and (k < 4 or min(s) < min_count)
                       for k, (t, s) in enumerate(zip(key, sets, strict=True)))]
    for key in suspects:
        rows = _tables_publishing(key, min_count, largest + 15)
        for k, shown in enumerate(key):
            if shown in ("<", "*"):
                values = {sum(r) if k == 4 else r[k] for r in rows}
                assert len(values) > 1 or (k == 4 and min(values) >= min_count), (key, k)


def _ladder_reviews(latest: list[str | None], first: dict[int, str]) -> pd.DataFrame:
    """Groups on the same rungs at every level: ``latest[k]`` at group k's latest
    review (``None``: not involved), and ``first[k]`` at the first of two reviews of
    the groups reviewed twice."""
    rows = []
    for k, rung in enumerate(latest):
        reviews = ([(1, first[k]), (2, rung)] if k in first else [(1, rung)])
        for number, answer in reviews:
            rows.append({"group_id": f"g{k:02d}", "group": f"Group {k}",
                         "review_number": number, "review_date": pd.Timestamp(
                             f"2019-0{number}-01"),
                         **{c: answer for c in LADDER_FIELD_NAMES},
                         **{f"{c}_not_involved": answer is None for c in LADDER_FIELD_NAMES}})
    frame = pd.DataFrame(rows)
    for column in LADDER_FIELD_NAMES:
        frame[column] = pd.Categorical(frame[column], dtype=LADDER_DTYPE)
    return frame


def test_a_level_withheld_by_the_rule_shows_no_movement_beside_it():
    # An independent reader's attack (session 14), by hand. 15 groups: at every level 4
    # descriptive, 4 intermediate, 4 transformative and 3 not involved at their latest
    # review; the 12 on a rung were reviewed twice: 4 moved up from descriptive to
    # intermediate, 1 from intermediate to transformative, 7 stayed. Every line of four
    # cells adding to 15 that the rule publishes as "not shown" is 3, 4, 4, 4 in some
    # order (each cell 3 or 4, nothing pinned); "12 compared" says at most 3 are not
    # involved, which leaves 4, 4, 4, 3. So the movement, groups compared too, is not
    # shown beside it.
    latest = ["descriptive"] * 4 + ["intermediate"] * 4 + ["transformative"] * 4 + [None] * 3
    first = {**{k: "descriptive" for k in range(8)}, 8: "intermediate",
             **{k: latest[k] for k in range(9, 12)}}
    tables = ladder_tables(_ladder_reviews(latest, first))
    where, moved = tables["where"], tables["moved"]
    assert where.loc["Co-design"].tolist() == ["not shown"] * 4 + ["15"]
    assert moved.loc["Co-design"].tolist() == ["not shown"] * 4
    # the reader's candidates without the movement: the four lines, none pinned
    lines = [line for line in itertools.product(range(16), repeat=4) if sum(line) == 15
             and (suppress_table(pd.DataFrame([line]), column_totals=False, known_totals=True)
                  .loc[0].tolist()[:4] == ["not shown"] * 4)]
    assert sorted(lines) == [(3, 4, 4, 4), (4, 3, 4, 4), (4, 4, 3, 4), (4, 4, 4, 3)]


def _publish_level(line: tuple[int, ...], columns: list[str], min_count: int,
                   min_base: int) -> tuple[tuple, pd.DataFrame]:
    """One level's line as ``ladder_tables`` publishes it on its own (before the two
    tables are looked at together): what a reader sees of it, with what the rule's
    answers say of it (``rule_says``, which the report's auditor reads), and the table."""
    table = suppress_table(pd.DataFrame([line], index=["Co-design"], columns=columns),
                           column_totals=False, min_count=min_count, known_totals=True)
    if sum(line) < min_base:
        table.loc["Co-design", columns] = "not shown"
    return (tuple(table.loc["Co-design"].tolist()), repr(table.attrs["rule_says"])), table


def _feasible(where: tuple[int, ...], moved: tuple[int, ...]) -> bool:
    """Whether the groups compared can sit where the ladder says: each on a rung at its
    latest review, those that moved up intermediate or transformative, those that moved
    down descriptive or intermediate (Hall's condition for the three kinds)."""
    d, i, t, _ = where
    up, _, down = moved
    return up <= i + t and down <= d + i and up + down <= d + i + t \
        and sum(moved) <= d + i + t


@pytest.mark.parametrize(("groups", "min_count", "min_base"), [
    (12, 5, 10), (15, 5, 10),
    # every group reviewed twice, at a higher --min-count and --min-base: "not shown" at
    # a level, withheld because its movement beside it gave its one "not involved" away
    # (10 of 11 compared), said so itself (an independent reader's attack, session 15,
    # which found it at these settings and more, each where the level's total is the
    # minimum base)
    (11, 6, 11), (13, 7, 13), (14, 9, 14), (15, 10, 15),
])
def test_a_reader_who_knows_the_rule_pins_nothing_of_a_level_and_its_movement(
        groups, min_count, min_base):
    """Every line of a level with ``groups`` groups, beside every movement that can go
    with it, published as ``ladder_tables`` publishes them (each line on its own, then
    :func:`_withhold_in_pairs` and :func:`_protect_together`, beside the groups
    reviewed, ``min_base`` of them more than once); a reader who knows all of it groups
    them by what is published and keeps those the movement allows (:func:`_feasible`):
    no cell that is not shown as a number has one value left but 0. (Without the
    pairing rule, 15 groups give 4, 4, 4, 3 away: the attack above.)"""
    from coprod_analysis.report.content import (
        _movement_beside_hidden_not_involved,
        _protect_together,
        _withhold_in_pairs,
    )

    rungs = ["Descriptive", "Intermediate", "Transformative", "Not involved"]
    moves = ["Moved up", "Stayed", "Moved down"]
    tables: dict[tuple, pd.DataFrame] = {}  # a published line's table, by what it says

    def publish(line: tuple[int, ...], columns: list[str]) -> tuple:
        key, table = _publish_level(line, columns, min_count, min_base)
        tables.setdefault(key, table)
        return key

    wheres = {line: publish(line, rungs)
              for line in itertools.product(range(groups + 1), repeat=4) if sum(line) == groups}
    moveds = {line: publish(line, moves)
              for line in itertools.product(range(groups + 1), repeat=3) if sum(line) <= groups}
    # groups reviewed, min_base of them twice (the movement is published from min_base)
    reviews = pd.DataFrame({"group_id": [f"g{k}" for k in [*range(groups),
                                                           *range(min_base)]]})
    paired: dict[tuple, tuple] = {}  # what is published of the two, by what each says

    def together(w_shown: tuple, m_shown: tuple) -> tuple:
        if (w_shown, m_shown) not in paired:
            out = {"where": tables[w_shown].rename(columns={"Total": "Groups"}),
                   "moved": tables[m_shown].rename(columns={"Total": "Groups compared"})}
            _movement_beside_hidden_not_involved(out)
            _withhold_in_pairs(out, min_base)
            _protect_together(out, reviews, min_base, min_count)
            paired[w_shown, m_shown] = tuple(out["where"].loc["Co-design"]) + tuple(
                out["moved"].loc["Co-design"])
        return paired[w_shown, m_shown]

    seen: dict[tuple, list[set[int]]] = {}
    for w, w_shown in wheres.items():
        for m, m_shown in moveds.items():
            if not _feasible(w, m):
                continue
            key = together(w_shown, m_shown)
            sets = seen.setdefault(key, [set() for _ in range(9)])
            for k, v in enumerate((*w, groups, *m, sum(m))):
                sets[k].add(v)
    for key, sets in seen.items():
        for shown, values in zip(key, sets, strict=True):
            # (a count worked out to be 0 gives nobody away: 0 is published as 0)
            assert not (values != {0} and len(values) == 1 and not str(shown).isdigit()), (
                key, sets)


def test_the_overall_level_is_protected_as_the_three_answers_it_has():
    # A reader's attack (session 14): "Overall" has no "not involved" (the contract), so
    # a reader knows its 0. Protected as four cells at --min-count 6, "not shown" beside
    # 15 groups said the line was the one of 136 (D, I, T, 0) the rule withholds: 5, 5,
    # 5. Protected as the three cells it is, at 15 every line is withheld (the total
    # alone decides, withheld_totals(3, 6) == {15}), so nothing is said.
    from coprod_analysis.publish.disclosure import withheld_totals

    assert withheld_totals(3, 6) == frozenset({15})
    latest = ["descriptive"] * 5 + ["intermediate"] * 5 + ["transformative"] * 5
    where = ladder_tables(_ladder_reviews(latest, {}), min_count=6)["where"]
    assert where.loc["Overall"].tolist() == ["not shown"] * 3 + ["0", "15"]
    # every line of three adding to 15 is published so
    for line in itertools.product(range(16), repeat=3):
        if sum(line) == 15:
            table = suppress_table(pd.DataFrame([line]), column_totals=False, min_count=6,
                                   known_totals=True)
            assert table.loc[0].tolist() == ["not shown"] * 3 + ["15"]


def test_not_involved_is_no_answer_to_where_the_group_is_overall(tmp_path):
    # The overall question's answers are descriptive, intermediate and transformative:
    # "Not involved" there is unreadable, listed in problems.csv, as any other stray
    # answer is (the report's protection of the overall line counts on its 0). At the
    # levels it stays an answer.
    from coprod_analysis import load_reviews
    from coprod_analysis.clean.values import PROBLEM_OVERALL_LADDER

    path = tmp_path / "reviews.csv"
    path.write_text("Group,Type,Date,Co-design,Co-decision,Co-delivery,Co-evaluation,Overall\n"
                    "Oakwood PPG,ppg,01/09/2019,Not involved,intermediate,intermediate,"
                    "intermediate,Not involved\n"
                    "Armley PPG,ppg,01/09/2019,intermediate,intermediate,intermediate,"
                    "intermediate,Intermediate\n", encoding="utf-8")
    result = load_reviews(path)
    assert result.data["ladder_overall"].isna().tolist() == [True, False]
    assert not result.data["ladder_overall_not_involved"].any()
    assert result.data["ladder_design_not_involved"].tolist() == [True, False]
    assert result.problems["problem"].tolist() == [PROBLEM_OVERALL_LADDER]
