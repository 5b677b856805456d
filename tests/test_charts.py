"""Smoke tests for every chart: the figure has the expected marks, labels and base."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from coprod_analysis import load_evaluations, load_reviews
from coprod_analysis.analyse.outcomes import agreement_rates
from coprod_analysis.charts import (
    plot_agreement,
    plot_agreement_trend,
    plot_challenges,
    plot_cooccurrence,
    plot_ladder,
    plot_likert,
    plot_quality,
    plot_session_heatmap,
)
from tests.conftest import REPO

SAMPLE = REPO / "data" / "sample"


@pytest.fixture(scope="module")
def evaluations():
    return load_evaluations(SAMPLE / "evaluations").data


@pytest.fixture(scope="module")
def reviews():
    return load_reviews(SAMPLE / "reviews", aliases=SAMPLE / "group-aliases.csv").data


def texts(figure: Figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(match=lambda a: hasattr(a, "get_text")))


def check_common(figure: Figure, n_text: str):
    assert isinstance(figure, Figure)
    assert figure._suptitle is not None and figure._suptitle.get_text()
    assert isinstance(figure.alt_text, str) and figure.alt_text.endswith(".")
    assert n_text in texts(figure) + figure.alt_text
    for axes in figure.axes:
        if axes.get_label() == "<colorbar>":
            continue
        assert (axes.get_xlabel() or axes.get_ylabel() or axes.get_title()
                or axes.get_title("left")), "unlabelled axes"


def test_likert_chart_has_five_segments_per_outcome(evaluations):
    figure = plot_likert(evaluations)
    check_common(figure, "188 responses")
    bars = [p for p in figure.axes[0].patches]
    assert len(bars) == 8 * 5
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[0] == "Understand the patient champion's role"
    assert "n=186" in texts(figure)  # the role outcome's base


def test_agreement_chart_draws_one_dot_per_outcome_given_best_at_the_top(evaluations):
    rates = agreement_rates(evaluations)
    figure = plot_agreement(rates)
    # 162 of 186 agreed with the role outcome (87%), 70 of 184 could critique (38%).
    check_common(figure, "182 to 187 people answered")
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert len(labels) == 8
    assert labels[-1] in ("Understand the patient champion's role", "Outline the benefits")
    assert labels[0] == "Critique initiatives"
    assert "from understand the patient champion's role (87%) to critique initiatives (38%)" \
        in figure.alt_text
    fewer = plot_agreement(rates[rates["outcome"] != "outcome_critique"])
    assert len(fewer.axes[0].get_yticklabels()) == 7
    assert "critique" not in fewer.alt_text


def test_session_heatmap_has_a_cell_per_session_and_outcome(evaluations):
    figure = plot_session_heatmap(evaluations)
    check_common(figure, "n=11")  # 20 Mar 2018 at St George's Centre: 11 responses
    image = figure.axes[0].images[0].get_array()
    assert image.shape == (13, 8)
    assert figure.axes[0].get_yticklabels()[0].get_text() == "20 Mar 2018, St George's Centre"


def test_agreement_trend_has_eight_panels_with_a_target_line(evaluations):
    figure = plot_agreement_trend(evaluations, target=0.8)
    check_common(figure, "n = 7 to 22")
    panels = [a for a in figure.axes if a.get_title("left")]
    assert len(panels) == 8
    for axes in panels:
        assert any(list(line.get_ydata()) == [80, 80] for line in axes.get_lines())


def test_ladder_chart_places_every_group_and_draws_the_moves(reviews):
    figure = plot_ladder(reviews)
    check_common(figure, "15 groups")
    axes = figure.axes[0]
    # 15 groups at 5 levels, one dot each (latest review), plus hollow first-review dots.
    dots = sum(len(c.get_offsets()) for c in axes.collections)
    assert dots >= 15 * 5
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "Not involved", "Descriptive", "Intermediate", "Transformative"]
    assert "up 10 times and down 2" in figure._suptitle.get_text()


def test_no_ladder_dot_or_arrow_sits_on_another_group_s_dot(reviews):
    axes = plot_ladder(reviews).axes[0]
    dots = [tuple(np.round(xy, 6)) for c in axes.collections for xy in c.get_offsets()]
    assert len(dots) == len(set(dots)), "two dots drawn on one spot"
    for arrow in axes.texts:  # annotations: from (x, first rung) to (x, latest rung)
        (x, y_from), (_, y_to) = arrow.xyann, arrow.xy
        low, high = sorted((y_from, y_to))
        crossed = [d for d in dots if abs(d[0] - x) < 0.03 and low - 0.2 < d[1] < high + 0.2]
        assert len(crossed) == 2, f"the arrow at x={x:.2f} passes another group's dot"


def test_challenge_chart_ranks_all_sixteen_themes(reviews):
    figure = plot_challenges(reviews)
    check_common(figure, "20 reviews")
    axes = figure.axes[0]
    assert len(axes.patches) == 16
    assert axes.get_yticklabels()[0].get_text() == "Time"
    widths = [p.get_width() for p in axes.patches]
    assert widths == sorted(widths, reverse=True)


def test_cooccurrence_chart_is_a_square_of_the_sixteen_themes(reviews):
    figure = plot_cooccurrence(reviews)
    check_common(figure, "20 reviews")
    assert figure.axes[0].images[0].get_array().shape == (16, 16)


def test_quality_chart_has_six_cells_per_group_and_a_score(reviews):
    figure = plot_quality(reviews)
    check_common(figure, "15 groups")
    assert len(figure.axes[0].patches) == 15 * 6
    assert "6/6" in texts(figure)


def test_charts_work_on_a_small_programme(fixture_path, reviews_msforms_xlsx):
    small = load_evaluations(fixture_path("googleforms.csv")).data
    for plot in (plot_likert, plot_session_heatmap, plot_agreement_trend):
        assert plot(small).alt_text
    few = load_reviews([fixture_path("reviews-paper.csv"), reviews_msforms_xlsx]).data
    for plot in (plot_ladder, plot_challenges, plot_cooccurrence, plot_quality):
        assert plot(few).alt_text


def test_the_written_about_chart_reads_as_english():
    import pandas as pd

    from coprod_analysis.charts import plot_challenges

    reviews = pd.DataFrame({"challenges": ["time", None],
                            "challenges_text_themes": ["time;funding", "time"]})
    figure = plot_challenges(reviews, column="challenges_text_themes")
    axes = figure.axes[0]
    assert axes.get_xlabel() == "Share of reviews that wrote about the challenge"
    words = " ".join([axes.get_title(), *(t.get_text() for t in figure.texts)])
    assert "Time gets in the way most often: written about in 100% of 2 reviews" in words
    assert "reviews wrote about them" in figure.alt_text
    ticked = plot_challenges(reviews)
    assert ticked.axes[0].get_xlabel() == "Share of reviews that ticked the challenge"


def test_a_ladder_whose_every_level_is_a_small_count_says_so_not_of_0_groups():
    # A reader's finding: with every level's groups "<5", the chart said "Of 0 groups".
    from coprod_analysis.charts.report import chart_ladder

    ladder = pd.DataFrame({"Descriptive": ["<5", "<5"], "Intermediate": ["<5", "0"],
                           "Transformative": ["0", "<5"], "Not involved": ["0", "0"],
                           "Groups": ["<5", "<5"]}, index=["Co-design", "Overall"])
    alt = chart_ladder(ladder, "Groups").alt_text
    assert "0 groups" not in alt
    assert alt == "How many groups answered each level is hidden because the counts are small."


def test_a_ladder_with_every_level_hidden_does_not_say_no_rung_held_most():
    # A reader's finding (session 14): with the levels' breakdowns hidden, the text
    # said "no rung held most groups at any level", though intermediate held 11 of 21.
    from coprod_analysis.charts.report import chart_ladder

    ladder = pd.DataFrame({"Descriptive": ["not shown"] * 2,
                           "Intermediate": ["not shown"] * 2,
                           "Transformative": ["not shown"] * 2, "Not involved": ["not shown", "0"],
                           "Groups": ["21", "21"]}, index=["Co-design", "Overall"])
    alt = chart_ladder(ladder, "Groups").alt_text
    assert "no rung held" not in alt and "no one rung" not in alt
    assert alt == ("Of 21 groups, which rung was the most common cannot be said for any "
                   "level; some counts are hidden because they are small.")
