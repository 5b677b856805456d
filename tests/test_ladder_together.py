"""The ladder, its movement and the groups reviewed again, read together (an auditor's attack).

Each ladder table is protected on its own by ``suppress_table``; a reader holds both, and
the "We asked" line. A group that moved up is now intermediate or transformative, one that
moved down descriptive or intermediate, every group compared was reviewed more than once,
and the movement table is shown only when ``min_base`` groups were reviewed again. Found
by linear-programming attacks on published reports (session 11): the number of reviews
in all, beside the groups compared, said how many groups were reviewed only once, so it
is no longer given.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_analysis.publish import NOT_SHOWN
from coprod_analysis.report.audit import AGAIN, ONCE, glance_table, report_leaks, report_problem
from coprod_analysis.report.content import at_a_glance, ladder_tables
from coprod_analysis.vocab import LADDER_DTYPE, LADDER_FIELD_NAMES

LEVELS = ["Co-design", "Co-decision", "Co-delivery", "Co-evaluation", "Overall"]
LADDER = ["Level", "Descriptive", "Intermediate", "Transformative", "Not involved", "Groups"]
MOVED = ["Level", "Moved up", "Stayed", "Moved down", "Groups compared"]


def _tables(design: list[str], design_moved: list[str], rest: list[str],
            rest_moved: list[str], groups: str, reviews: str = "") -> dict:
    glance = {"groups": groups, **({"reviews": reviews} if reviews else {})}
    return {"At a glance": glance_table(glance),
            "Ladder": pd.DataFrame([["Co-design", *design]]
                                   + [[level, *rest] for level in LEVELS[1:]], columns=LADDER),
            "Ladder movement": pd.DataFrame([["Co-design", *design_moved]]
                                            + [[level, *rest_moved] for level in LEVELS[1:]],
                                            columns=MOVED)}


def test_moved_up_pins_a_small_count_on_the_ladder():
    # By hand: co-design "* | 6 | <5 | 0 | 15" and "Moved up 10". The 10 that moved up
    # are intermediate or transformative now: 10 <= 6 + T, so T >= 4; "<5" says T <= 4:
    # T is 4 (and the "*" is 15 - 6 - 4 = 5).
    tables = _tables(["*", "6", "<5", "0", "15"], ["10", "0", "0", "10"],
                     ["0", "15", "0", "0", "15"], ["0", "10", "0", "10"], "15",
                     "some more than once")
    assert "Ladder: (Co-design, Transformative)" in set(report_leaks(tables)["name"])


def test_groups_compared_pin_the_not_involved():
    # By hand: co-design "* | 6 | 0 | <5 | 15" and 14 groups compared, each on a rung now:
    # 14 <= D + 6, and D + NI = 9 with NI >= 1: NI is 1.
    tables = _tables(["*", "6", "0", "<5", "15"], ["0", "14", "0", "14"],
                     ["0", "15", "0", "0", "15"], ["0", "14", "0", "14"], "15",
                     "some more than once")
    names = set(report_leaks(tables)["name"])
    assert "Ladder: (Co-design, Not involved)" in names
    # With no count of reviews, those reviewed only once lie in 0 to 1: not pinned.
    assert not {ONCE, AGAIN} & names


def test_the_movement_table_says_min_base_groups_were_reviewed_again():
    # By hand: the table is shown only when 10 (--min-base) or more groups were reviewed
    # again, whatever its groups compared (8 here, "not involved" the rest); its absence
    # says fewer than 10. 11 groups: 10 or 11 reviewed again, 0 or 1 once (not pinned).
    tables = _tables(["0", "11", "0", "0", "11"], ["0", "8", "0", "8"],
                     ["0", "11", "0", "0", "11"], ["0", "8", "0", "8"], "11",
                     "some more than once")
    problem = report_problem(tables)
    assert problem.low[AGAIN] == 10
    assert report_leaks(tables).empty
    del tables["Ladder movement"]
    problem = report_problem(tables, min_base=10)
    assert (problem.low[AGAIN], problem.high[AGAIN]) == (1, 9)


def test_moved_down_bounds_the_lower_rungs():
    # By hand: co-design "<5 | * | 0 | 0 | 12" (D + I = 12) and "Moved down 12": all 12
    # are now descriptive or intermediate, which they are anyway: nothing pinned. With
    # "Moved down 9" and "* | <5 | * | 0 | 15": 9 <= D + I = D + (1..4) ... D >= 5, T
    # hidden: D + I + T = 15, no pin from 9 alone (D from 5 to 13).
    tables = _tables(["<5", "*", "0", "0", "12"], ["0", "0", "12", "12"],
                     ["0", "12", "0", "0", "12"], ["0", "12", "0", "12"], "12",
                     "some more than once")
    assert report_leaks(tables).empty
    tables = _tables(["*", "<5", "*", "0", "15"], ["0", "0", "9", "9"],
                     ["0", "15", "0", "0", "15"], ["0", "10", "0", "10"], "15",
                     "some more than once")
    assert report_leaks(tables).empty


def _reviews(first: list[str | None], latest: list[str | None]) -> pd.DataFrame:
    """Groups with co-design answered ``first`` at their first review and ``latest`` at
    a second one (``None`` in ``latest``: reviewed once); every other level
    intermediate. ``"not_involved"`` for not involved."""
    rows = []
    for k, (a, b) in enumerate(zip(first, latest, strict=True)):
        for number, answer in enumerate([a] if b is None else [a, b], start=1):
            rows.append({"group_id": f"g{k:02d}", "group": f"Group {k}",
                         "review_number": number,
                         "review_date": pd.Timestamp(f"2019-0{number}-01"),
                         "ladder_design": answer})
    frame = pd.DataFrame(rows)
    for column in LADDER_FIELD_NAMES:
        answers = frame["ladder_design"] if column == "ladder_design" else \
            pd.Series(["intermediate"] * len(frame))
        frame[f"{column}_not_involved"] = (answers == "not_involved").to_numpy()
        frame[column] = pd.Categorical(answers.where(answers != "not_involved"),
                                       dtype=LADDER_DTYPE)
    return frame


def _published(reviews: pd.DataFrame) -> dict:
    tables = ladder_tables(reviews)
    evaluations = pd.DataFrame({"session_id": ["s"], "session_date": [pd.Timestamp("2019")]})
    out = {"At a glance": glance_table(at_a_glance(evaluations, reviews=reviews))}
    for name, key in (("Ladder", "where"), ("Ladder movement", "moved")):
        if tables[key] is not None:
            out[name] = tables[key].rename_axis("Level").reset_index()
    return out


def test_the_auditor_s_report_hides_that_level_s_movement():
    # The auditor's reviews: 6 groups descriptive then intermediate, 4 descriptive then
    # transformative, 5 reviewed once, descriptive. Latest co-design: 5 descriptive, 6
    # intermediate, 4 transformative: "* | 6 | <5 | 0 | 15"; moved up 10 would pin the 4.
    # Its movement hidden alone would say that the two leak together, which a reader who
    # knows the rule can use (a brute-force reader found 0 | 0 | * | <5 | 12 pinned to 11
    # and 1 so, session 14): the level's place on the ladder is hidden with it.
    reviews = _reviews(["descriptive"] * 15,
                       ["intermediate"] * 6 + ["transformative"] * 4 + [None] * 5)
    tables = _published(reviews)
    ladder = tables["Ladder"].set_index("Level")
    moved = tables["Ladder movement"].set_index("Level")
    assert ladder.loc["Co-design"].tolist() == [NOT_SHOWN] * 4 + ["15"]
    assert moved.loc["Co-design"].tolist() == [NOT_SHOWN] * 4
    assert moved.loc["Co-decision"].tolist() == ["0", "10", "0", "10"]  # nothing to hide
    assert report_leaks(tables).empty


def test_groups_compared_say_how_many_were_off_the_ladder_at_their_first_review():
    # By hand (a reader's attack, session 16): 12 groups, every level but co-design
    # shows 12 compared, so all 12 were reviewed again. Co-design shows "0 | 7 | 5 | 0 |
    # 12" (every group on a rung now) and 10 compared: the other 2 were on no rung at
    # their first review (not involved there, or blank), a count of what groups
    # answered then that the report never publishes.
    tables = _tables(["0", "7", "5", "0", "12"], ["5", "5", "0", "10"],
                     ["0", "12", "0", "0", "12"], ["0", "12", "0", "12"], "12",
                     "some more than once")
    leaks = report_leaks(tables)
    first = "Ladder movement: (Co-design, not on a rung at the first review)"
    assert leaks.set_index("name").loc[first, "low"] == 2
    # with 2 not involved now, those 2 may be the ones off the ladder: nothing pinned
    tables = _tables(["0", "5", "5", "2", "12"], ["5", "5", "0", "10"],
                     ["0", "12", "0", "0", "12"], ["0", "12", "0", "12"], "12",
                     "some more than once")
    assert first not in set(report_leaks(tables)["name"])


def test_the_report_hides_a_level_whose_movement_says_who_was_off_the_ladder():
    # The same reviews end to end: groups 0 and 1 not involved at their first review
    # and transformative now, 2-6 descriptive then intermediate, the rest stayed. The
    # level is withheld in both tables (its breakdown and movement "not shown"), and
    # what is published gives nothing away.
    first = (["not_involved"] * 2 + ["descriptive"] * 5 + ["intermediate"] * 2
             + ["transformative"] * 3)
    latest = ["transformative"] * 2 + ["intermediate"] * 5 + first[7:]
    tables = _published(_reviews(first, latest))
    ladder = tables["Ladder"].set_index("Level")
    moved = tables["Ladder movement"].set_index("Level")
    assert ladder.loc["Co-design"].tolist() == [NOT_SHOWN] * 4 + ["12"]
    assert moved.loc["Co-design"].tolist() == [NOT_SHOWN] * 4
    assert moved.loc["Co-decision"].tolist() == ["0", "12", "0", "12"]
    assert report_leaks(tables).empty


rungs = st.sampled_from(["descriptive", "intermediate", "transformative", "not_involved"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["descriptive", "intermediate"]), rungs),
                min_size=10, max_size=16),
       st.lists(rungs, max_size=5))
def test_the_ladder_and_its_movement_together_never_give_a_small_count_away(again, once):
    # Whatever the groups answered, first and latest (10 or more reviewed again, so that
    # their movement is published; from the lower rungs, so that many moved up), what
    # the report publishes of the ladder, its movement, the groups and the reviews pins
    # no hidden count 1 to 4.
    reviews = _reviews([a for a, _ in again] + once, [b for _, b in again] + [None] * len(once))
    assert report_leaks(_published(reviews)).empty


def test_with_min_base_2_one_group_reviewed_again_is_not_said():
    # By hand: --min-base 2, 6 groups, one reviewed twice. The movement table needs 2
    # groups reviewed again, so the page says "fewer than 2 ... more than once"; beside
    # "some more than once" that would be exactly 1: so "some more than once" is not said.
    reviews = _reviews(["intermediate"] * 6, ["intermediate"] + [None] * 5)
    evaluations = pd.DataFrame({"session_id": ["s"], "session_date": [pd.Timestamp("2019")]})
    glance = at_a_glance(evaluations, reviews=reviews, min_base=2)
    assert "reviews" not in glance
    tables = ladder_tables(reviews, min_base=2)
    assert tables["moved"] is None
    published = {"At a glance": glance_table(glance),
                 "Ladder": tables["where"].rename_axis("Level").reset_index()}
    assert report_leaks(published, min_base=2).empty
