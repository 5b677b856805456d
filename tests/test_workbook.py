"""The notebooks' helpers: checks, slices, one-line errors, report frame, progress bars."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_analysis import CoprodError, load_evaluations, load_sessions, progress, show
from coprod_analysis.analyse import explore, register_gaps, reviewed_once, slice_table
from coprod_analysis.analyse.checks import session_bases, small_bases
from coprod_analysis.analyse.slices import explore_call, periods, slice_options
from coprod_analysis.vocab import LADDER_DTYPE, OUTCOME_NAMES, SCORE_DTYPE
from coprod_analysis.workbook import (
    ReportFrame,
    check_paths,
    describe_error,
    existing_files,
    written_sentence,
)
from tests.conftest import REPO

SAMPLE = REPO / "data" / "sample"

# --- checks -----------------------------------------------------------------------------------


def test_a_missing_export_is_named_as_two_registered_sessions_with_no_forms(tmp_path):
    # The JISC export holds the 14 Oct 2019 (Seacroft Hub) and 12 Nov 2019 (St George's
    # Centre) sessions and no other file does: without it, both would read 0%.
    folder = tmp_path / "evaluations"
    shutil.copytree(SAMPLE / "evaluations", folder)
    (folder / "jisc-2019-autumn.csv").unlink()
    evaluations = load_evaluations(folder, themes=False).data
    gaps = register_gaps(evaluations, load_sessions(SAMPLE / "sessions.csv"))
    assert gaps[["session_date", "venue", "gap", "responses"]].astype(str).values.tolist() == [
        ["2019-10-14", "Seacroft Hub", "no forms", "0"],
        ["2019-11-12", "St George's Centre", "no forms", "0"]]
    assert show.register_warnings(gaps)[0].startswith(
        "2 sessions in the register have no forms: 14 Oct 2019 at Seacroft Hub and "
        "12 Nov 2019 at St George's Centre.")


def test_the_sample_has_no_register_gaps():
    evaluations = load_evaluations(SAMPLE / "evaluations", themes=False).data
    assert register_gaps(evaluations, load_sessions(SAMPLE / "sessions.csv")).empty


def test_forms_from_a_session_the_register_does_not_list_are_counted():
    evaluations = pd.DataFrame({"session_id": ["a", "z", "z"],
                                "session_date": pd.to_datetime(["2019-01-01"] + ["2019-05-05"] * 2),
                                "venue": ["Hub", "Barn", "Barn"]})
    register = pd.DataFrame({"session_id": ["a"], "session_date": pd.to_datetime(["2019-01-01"]),
                             "venue": ["Hub"]})
    gaps = register_gaps(evaluations, register)
    assert gaps[["session_id", "gap", "responses"]].values.tolist() == [["z", "not in register",
                                                                         2]]


def test_groups_reviewed_once_and_small_bases():
    reviews = pd.DataFrame({"group_id": ["a", "b", "a", "c"], "group": ["A", "b", "A", "C"],
                            "review_date": pd.to_datetime(["2018-01-01"] * 4)})
    assert reviewed_once(reviews)["group"].tolist() == ["b", "C"]  # by name, case ignored
    assert show.reviewed_once_warnings(reviewed_once(reviews), 3) == [
        "2 of 3 groups were reviewed once only (b and C): the ladder shows where they sit, "
        "but not how they moved."]
    table = pd.DataFrame({"n": [0, 1, 9, 10, 11]})
    assert small_bases(table)["n"].tolist() == [1, 9]


def test_session_bases_count_forms_per_session_in_date_order():
    evaluations = pd.DataFrame({"session_id": ["b", "a", "b"], "venue": ["X", "Y", "X"],
                                "session_date": pd.to_datetime(["2019-02-01", "2019-01-01",
                                                                "2019-02-01"])})
    assert session_bases(evaluations)[["session_id", "n"]].values.tolist() == [["a", 1],
                                                                                ["b", 2]]


# --- slices -----------------------------------------------------------------------------------

def _evaluations(rows):
    """rows: (date, venue, respondent type, outcome score)."""
    return pd.DataFrame({
        "session_date": pd.to_datetime([r[0] for r in rows]),
        "venue": [r[1] for r in rows], "respondent_type": [r[2] for r in rows],
        **{o: pd.Categorical([r[3] for r in rows], dtype=SCORE_DTYPE) for o in OUTCOME_NAMES}})


def _reviews(rows):
    """rows: (group id, review number, date, group type, challenges, overall rung)."""
    frame = pd.DataFrame({
        "group_id": [r[0] for r in rows], "group": [r[0].upper() for r in rows],
        "review_number": [r[1] for r in rows], "review_date": pd.to_datetime([r[2] for r in rows]),
        "group_type": [r[3] for r in rows], "challenges": [r[4] for r in rows]})
    for level in ("design", "decision", "delivery", "evaluation", "overall"):
        frame[f"ladder_{level}"] = pd.Categorical([r[5] for r in rows], dtype=LADDER_DTYPE)
    return frame


EVALUATIONS = _evaluations([
    ("2018-03-20", "Seacroft Hub", "Patient", 5),
    ("2018-03-20", "Seacroft Hub", "Staff", 2),
    ("2019-04-11", "Civic Hall", "Patient", 4),
    ("2019-10-14", "seacroft  hub", "Carer", 4),
])
REVIEWS = _reviews([
    ("a", 1, "2018-05-01", "PPG", "time", "descriptive"),
    ("a", 2, "2019-05-01", "PPG", "time;funding", "intermediate"),
    ("b", 1, "2019-09-01", "PAG", "funding", "transformative"),
])


def test_a_slice_by_period_venue_and_type_keeps_exactly_the_matching_rows():
    # 2019: the Civic Hall and the Seacroft Hub (Oct) forms; both 4, so both agree.
    part = explore(EVALUATIONS, REVIEWS, period="2019")
    assert (part.respondents, part.reviews, part.groups) == (2, 2, 2)
    assert part.outcomes[["n", "agreed"]].iloc[0].tolist() == [2, 2]
    # Seacroft Hub, whatever the spacing and case: 3 forms, 2 agreeing (5 and 4; 2 does not).
    part = explore(EVALUATIONS, REVIEWS, venue="SEACROFT HUB")
    assert part.outcomes[["n", "agreed"]].iloc[0].tolist() == [3, 2]
    assert part.reviews == 3  # venue says nothing about group reviews
    # 2019 H2 and PAG: one form (Oct), one review (b, transformative, funding).
    part = explore(EVALUATIONS, REVIEWS, period="2019 H2", group_type="PAG")
    assert (part.respondents, part.reviews) == (1, 1)
    overall = part.ladder[part.ladder["level"] == "ladder_overall"].set_index("answer")
    assert overall["count"].to_dict() == {"descriptive": 0, "intermediate": 0,
                                          "transformative": 1}
    assert part.themes.set_index("code").loc["funding", ["count", "n"]].tolist() == [1, 1]


def test_the_ladder_of_a_slice_takes_each_groups_latest_review_within_it():
    # 2018 holds only a's first review: descriptive, although a is intermediate later.
    part = explore(EVALUATIONS, REVIEWS, period="2018")
    overall = part.ladder[part.ladder["level"] == "ladder_overall"].set_index("answer")
    assert overall["count"].to_dict() == {"descriptive": 1, "intermediate": 0,
                                          "transformative": 0}


def test_a_value_not_in_the_data_is_a_one_line_error_naming_the_values_there():
    with pytest.raises(CoprodError, match="no venue called 'Seacroft' in the data; the venues "
                                          "are: Civic Hall, Seacroft Hub"):
        explore(EVALUATIONS, REVIEWS, venue="Seacroft")
    with pytest.raises(ValueError, match="a period is a year"):
        explore(EVALUATIONS, REVIEWS, period="spring 2019")


def test_slicing_never_changes_the_tables_given():
    before = EVALUATIONS.copy()
    explore(EVALUATIONS, REVIEWS, period="2019", venue="Civic Hall")
    pd.testing.assert_frame_equal(EVALUATIONS, before)


def test_options_list_the_values_present_in_order():
    options = slice_options(EVALUATIONS, REVIEWS)
    assert options["period"] == ["2018", "2018 H1", "2019", "2019 H1", "2019 H2"]
    assert options["venue"] == ["Civic Hall", "Seacroft Hub"]  # one option per spelling
    assert options["group_type"] == ["PAG", "PPG"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.dates(dt.date(2017, 1, 1), dt.date(2020, 12, 31)),
                          st.sampled_from(["Hub", "Hall", "Barn"]),
                          st.sampled_from(["Patient", "Carer"]), st.integers(1, 5)),
                min_size=1, max_size=30))
def test_slices_by_each_value_add_up_to_the_whole(rows):
    frame = _evaluations([(str(d), v, t, s) for d, v, t, s in rows])
    for name, column in (("venue", "venue"), ("respondent_type", "respondent_type")):
        sizes = [len(slice_table(frame, "evaluations", **{name: value}))
                 for value in frame[column].unique()]
        assert sum(sizes) == len(frame)
    years = [p for p in periods(frame["session_date"]) if " " not in p]
    assert sum(len(slice_table(frame, "evaluations", period=y)) for y in years) == len(frame)
    for year in years:
        halves = [len(slice_table(frame, "evaluations", period=f"{year} H{h}")) for h in (1, 2)]
        assert sum(halves) == len(slice_table(frame, "evaluations", period=year))


def test_the_page_of_a_slice_starts_with_the_call_that_reproduces_it_and_greys_small_bases():
    part = explore(EVALUATIONS, REVIEWS, period="2019")
    page = show.slice_page(part)
    text = repr(page)
    assert text.startswith("explore(evaluations, reviews, period='2019')")
    assert "2 evaluation forms; 2 group reviews from 2 groups." in text
    assert "Fewer than 10 evaluation forms" in text and "Fewer than 10 groups" in text
    assert show.GREY in page._repr_html_()
    assert explore_call(period=None) == "explore(evaluations, reviews)"


def test_an_empty_slice_says_so_rather_than_showing_empty_tables():
    text = repr(show.slice_page(explore(EVALUATIONS, REVIEWS, period="2017")))
    assert "No evaluation forms in this slice." in text
    assert "No group reviews in this slice." in text
    assert "Every base" not in text


# --- errors, paths and files --------------------------------------------------------------------

def test_a_missing_relative_path_is_reported_with_the_folder_it_was_read_from(tmp_path):
    with pytest.raises(CoprodError) as caught:
        check_paths(EVALUATIONS=None, SESSIONS=123, REVIEWS=["data", "nope/reviews"])
    line = describe_error(caught.value, folder=tmp_path)
    assert line == (f"nope/reviews: no such file or folder (REVIEWS) (this notebook runs in "
                    f"{tmp_path.as_posix()}, and a path that does not start with / or a drive "
                    f"letter is read from there)")
    assert "\n" not in line


def test_an_error_about_a_file_that_exists_gets_no_folder_note(tmp_path):
    (tmp_path / "empty.csv").write_text("")
    error = CoprodError("the file is empty", "empty.csv")
    assert describe_error(error, folder=tmp_path) == "empty.csv: the file is empty"


def test_writing_over_earlier_files_is_said_never_silent(tmp_path):
    target = tmp_path / "you-said-we-did.html"
    assert existing_files([target]) == {}
    target.write_text("old")
    earlier = existing_files([target])
    assert list(earlier) == [target]
    when = earlier[target]
    lines = written_sentence([target], earlier)
    assert lines == [f"Wrote 1 file into {tmp_path.resolve().as_posix()}: you-said-we-did.html.",
                     f"It replaces the earlier you-said-we-did.html (written {when.day} "
                     f"{when:%b %Y} at {when:%H:%M}); to keep an earlier copy, rename it or "
                     f"choose another folder before you run this cell."]


def test_the_report_frame_keeps_the_reports_styles_inside_it(tmp_path):
    page = tmp_path / "r.html"
    page.write_text('<style>h1 { color: #005eb8 } body { max-width: 960px }</style><h1>"Hi"</h1>',
                    encoding="utf-8")
    shown = ReportFrame(page, height=500)._repr_html_()
    assert shown.startswith('<iframe title="r.html" sandbox="allow-popups"')
    assert "<style" not in shown and "<h1" not in shown  # nothing reaches the notebook page
    assert 'srcdoc="&lt;style&gt;h1 { color: #005eb8 }' in shown
    assert "&quot;Hi&quot;" in shown and "height:500px" in shown


# --- progress bars ----------------------------------------------------------------------------

def test_in_a_kernel_without_ipywidgets_there_is_no_bar_and_no_warning(monkeypatch, capsys):
    monkeypatch.setattr(progress, "in_notebook", lambda: True)
    monkeypatch.setattr(progress.importlib.util, "find_spec", lambda name: None)
    with _no_warnings(), progress.progress_bar(True, total=10, desc="Reading exports") as bar:
        bar.update(10)
    assert bar.disable
    assert capsys.readouterr() == ("", "")


def test_at_a_terminal_the_bar_is_the_usual_text_bar_and_off_unless_asked(monkeypatch):
    monkeypatch.setattr(progress, "in_notebook", lambda: False)
    assert progress.progress_bar(False, total=1).disable
    from tqdm import std
    assert type(progress.progress_bar(True, total=1)) is std.tqdm


class _no_warnings:
    def __enter__(self):
        import warnings
        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("error")

    def __exit__(self, *exc):
        return self._catch.__exit__(*exc)


def test_loading_in_a_notebook_does_not_import_tqdms_notebook_guess():
    source = (REPO / "coprod_analysis" / "clean" / "pipeline.py").read_text()
    assert "tqdm.auto" not in source  # it warns at import in a kernel without ipywidgets


def test_paths_are_checked_whatever_their_type(tmp_path):
    check_paths(A=str(tmp_path), B=Path(tmp_path), C=None, D=0.8)
    with pytest.raises(CoprodError, match=r"\(B\)"):
        check_paths(A=str(tmp_path), B=tmp_path / "missing")


def test_the_dropdowns_redraw_the_slice_their_plain_call_gives(capsys):
    pytest.importorskip("ipywidgets")
    from coprod_analysis.workbook import explorer

    box = explorer(EVALUATIONS, REVIEWS)
    menus = box.children[0].children
    assert [m.description for m in menus] == ["Period", "Venue", "Respondent", "Kind of group"]
    assert menus[1].options[0] == ("All", None)
    capsys.readouterr()
    menus[1].value = "Civic Hall"  # outside a kernel the page is printed, not drawn
    shown = capsys.readouterr().out.rpartition("\r")[2]  # after clear_output's escapes
    assert shown.startswith("explore(evaluations, reviews, venue='Civic Hall')\n\n"
                            "Slice: venue Civic Hall. 1 evaluation form; 3 group reviews from "
                            "2 groups.")
    assert shown == repr(show.slice_page(explore(EVALUATIONS, REVIEWS, venue="Civic Hall"))) + "\n"
