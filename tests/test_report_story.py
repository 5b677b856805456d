"""The words around the numbers, and the workbook: each worked out by hand."""

from __future__ import annotations

import re
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from coprod_analysis import load_evaluations
from coprod_analysis.report.content import we_did
from coprod_analysis.report.render import ReportInputs, build_html
from coprod_analysis.report.story import (
    agreement_over_time,
    glossary,
    label_detail,
    short_label,
    summary,
)
from tests.conftest import FIXTURES, outcome_forms


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    done = subprocess.run([sys.executable, "-m", "coprod_analysis", "report", "--out", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=out)
    assert done.returncode == 0, done.stderr
    return out


forms = outcome_forms


def test_a_small_last_quarter_is_joined_to_the_one_before():
    # 12 forms in Q1, 12 in Q2, 3 in Q3: Q3 is joined to Q2 (15 forms, 10 of them agreeing).
    table = agreement_over_time(forms([("2019-02-01", 6, 6), ("2019-05-01", 6, 6),
                                       ("2019-08-01", 3, 0)]))
    assert table.index.tolist() == ["Jan–Mar 2019", "Apr–Sep 2019"]
    assert table["Forms"].tolist() == ["12", "15"]
    assert table["Give examples"].tolist() == ["50%", "60%"]  # 6/12; 9/15


def test_forms_without_a_session_date_are_left_out_of_agreement_over_time():
    # As above, with 5 more forms, all agreeing, that have no session date: the same
    # periods, counts and shares (6/12 and 9/15), as if they were not there.
    dated = forms([("2019-02-01", 6, 6), ("2019-05-01", 6, 6), ("2019-08-01", 3, 0)])
    undated = forms([("2019-02-01", 5, 0)]).assign(session_date=pd.NaT)
    table = agreement_over_time(pd.concat([undated, dated], ignore_index=True))
    assert table.index.tolist() == ["Jan–Mar 2019", "Apr–Sep 2019"]
    assert table["Forms"].tolist() == ["12", "15"]
    assert table["Give examples"].tolist() == ["50%", "60%"]


def test_a_share_over_time_never_gives_away_a_small_count():
    # Q1: 20 of 20 agree (100%). Q2: 18 of 20 agree: the 2 who did not would be given
    # away by 90% of 20, so it is not shown; nor is Q1's, as "Outcomes" shows 38 of 40
    # (95%) and 38 - 20 of 40 - 20 would give Q2's away all the same. Half-years or
    # years make one period only.
    table = agreement_over_time(forms([("2019-02-01", 20, 0), ("2019-05-01", 18, 2)]))
    assert table.index.tolist() == ["Jan–Mar 2019", "Apr–Jun 2019"]
    assert table["Critique initiatives"].tolist() == ["not shown", "not shown"]


def test_forms_without_a_date_holding_a_small_count_hide_every_period():
    # 6 of 12 and 9 of 15 in two periods, and 4 forms without a date, 1 agreeing:
    # "Outcomes" shows 16 of 31 (52%), so the two periods' shares would give away
    # the 1 of 4 without a date; the outcome's periods are all hidden.
    dated = forms([("2019-02-01", 6, 6), ("2019-05-01", 6, 6), ("2019-08-01", 3, 0)])
    undated = forms([("2019-02-01", 1, 3)]).assign(session_date=pd.NaT)
    table = agreement_over_time(pd.concat([undated, dated], ignore_index=True))
    assert table.index.tolist() == ["Jan–Mar 2019", "Apr–Sep 2019"]
    assert table["Give examples"].tolist() == ["not shown", "not shown"]


def test_periods_widen_when_quarters_would_hide_most_shares():
    # By quarter: four 2018 quarters of 10 of 12 agreeing (2 who did not: hidden) and two
    # 2019 quarters of 9 of 15 (shown): 2 of 6 periods shown, under three in four.
    quarters = [("2018-02-01", 10, 2), ("2018-05-01", 10, 2), ("2018-08-01", 10, 2),
                ("2018-11-01", 10, 2), ("2019-02-01", 9, 6), ("2019-05-01", 9, 6)]
    table = agreement_over_time(forms(quarters))
    # Half-years: Jan–Jun 2018 20 of 24 (4 not: hidden), Jul–Dec 2018 the same,
    # Jan–Jun 2019 18 of 30 (60%). Years: 2018 40 of 48 (83%), 2019 18 of 30 (60%): all
    # shown, so years are used.
    assert table.index.tolist() == ["Jan–Dec 2018", "Jan–Dec 2019"]
    assert table["Outline the steps"].tolist() == ["83%", "60%"]
    assert table["Forms"].tolist() == ["48", "30"]


def test_no_chart_over_time_from_one_period():
    assert agreement_over_time(forms([("2019-02-01", 12, 0)])) is None


def test_the_summary_says_small_numbers_in_words_and_never_a_hidden_count():
    glance = {"period": "March 2019 to March 2019", "sessions": "1", "responses": "<5"}
    said = [{"unit": "groups", "rows": [{"Theme": "Funding", "Raised by": "<5"}]}]
    lines = summary(glance, pd.DataFrame(columns=["label", "rate", "published"]), said, 3, 1,
                    pd.DataFrame({"status": []}))
    assert lines == ["Between March 2019 and March 2019, fewer than 5 evaluation forms were "
                     "returned from 1 training session.",
                     "We have acted on 1 of the 3 themes raised; 2 are still to do."]


def test_the_sample_summary_is_three_to_five_sentences_of_published_numbers(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    block = re.search(r'<div class="summary">(.*?)</div>', html, flags=re.DOTALL).group(1)
    lines = re.findall(r"<p>(.*?)</p>", block)
    assert 3 <= len(lines) <= 5
    # From data/sample/README.md: 211 took part in 13 sessions, 188 forms kept; 12 of 15
    # groups ticked Time; 33 people asked about the venue (the table's figures).
    assert lines[0] == ("Between March 2018 and November 2019, 211 people took part in 13 "
                        "training sessions, and 188 evaluation forms were returned.")
    assert "time gets in the way (12 groups)" in lines[2]
    # data/sample/actions.csv answers 12 of the 24 themes (16 challenges, 8 improvements).
    assert lines[-1] == "We have acted on 12 of the 24 themes raised; 12 are still to do."
    # Every count of people in it is 5 or more (the last sentence counts themes).
    for number in re.findall(r"\b\d+\b", " ".join(lines[:-1])):
        assert int(number) >= 5


def test_short_labels_in_headings_and_the_rest_of_the_label_beside_them(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    assert "<h4>Venue and access: in your words</h4>" in html
    assert 'Venue and access<span class="about">location, parking, transport' in html
    assert "room temperature: in your words" not in html
    assert short_label("Pace: too fast or too slow") == "Pace"
    assert label_detail("Pace: too fast or too slow") == "too fast or too slow"


def test_dates_are_written_the_uk_way_and_status_in_sentence_case(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    # data/sample/actions.csv: tokenism done 01/10/2019; communication in progress.
    assert "<td data-label=\"Date\">1 October 2019</td>" in html
    assert "01 October" not in html
    assert '<td data-label="Status">In progress</td>' in html
    assert '<td data-label="Status">in progress</td>' not in html
    actions = pd.DataFrame({"theme": ["time"], "status": ["in progress"], "you_said": [None],
                            "we_did": ["x"], "date": [pd.Timestamp("2020-03-05")]})
    assert we_did(actions, {"time": "Time"}).iloc[0][["Status", "Date"]].tolist() == [
        "In progress", "5 March 2020"]


def test_the_glossary_explains_the_acronyms_the_page_uses(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    words = html.split('<h2 id="glossary">')[1]
    for term in ("PPG", "PAG", "CCG", "95% interval"):
        assert f"<dt>{term}</dt>" in words
    assert [g["term"] for g in glossary("Nothing to explain here")] == []


@pytest.mark.parametrize(("reviews_of", "expected"), [
    ([1] * 11, "11 patient groups reviewed."),  # each group once
    # never how many reviews: "12 reviews" beside "11 groups" says one group twice, and
    # "29 reviews" beside "15 groups" and 14 groups compared says one group once (two
    # readers' attacks); a rule giving it only when no such count was small said, when
    # it did not, that one was
    ([1] * 10 + [2], "11 patient groups reviewed, some more than once."),
    ([1] * 6 + [2] * 5, "11 patient groups reviewed, some more than once."),
    ([2] * 15, "15 patient groups reviewed, some more than once."),
    ([2, 3], "fewer than 5 patient groups reviewed, some more than once."),
    ([1, 1], "fewer than 5 patient groups reviewed."),
])
def test_how_many_reviews_is_never_said(reviews_of, expected):
    from coprod_analysis.report.audit import glance_table
    from coprod_analysis.report.content import at_a_glance
    from coprod_analysis.report.story import we_asked

    groups = [f"g{i}" for i, times in enumerate(reviews_of) for _ in range(times)]
    reviews = pd.DataFrame({"group_id": groups, "review_date": pd.NaT})
    evaluations = pd.DataFrame({"session_id": ["s"],
                                "session_date": pd.to_datetime(["2019-03-01"])})
    glance = at_a_glance(evaluations, reviews=reviews)
    asked = we_asked(glance, evaluations, reviews)
    assert asked[1]["answered"] == expected
    # the workbook's at-a-glance sheet says what the page says, and no number of reviews
    said = dict(glance_table(glance).values.tolist())
    assert said.get("Patient groups reviewed more than once", "") == (
        "some more than once" if "some" in expected else "")
    assert str(len(reviews)) not in " ".join(map(str, said.values())).split() or \
        len(reviews) == reviews["group_id"].nunique()


def test_the_page_has_the_parts_of_a_we_asked_you_said_we_did_page(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    order = ["Summary", "At a glance", "We asked", "You said", "We did", "Still to do",
             "How this report was made", "Words we use"]
    found = [h for h in re.findall(r"<h2 [^>]*>([^<]*)</h2>", html)]
    assert found == order
    assert "188 forms returned by the 211 people who took part (a response rate of 89%)." in html


def test_the_workbook_stores_numbers_as_numbers_and_explains_its_rules(sample_report):
    book = openpyxl.load_workbook(sample_report / "you-said-we-did.xlsx")
    assert book.sheetnames[0] == "README"
    readme = " ".join(str(c.value) for row in book["README"].iter_rows() for c in row
                      if c.value)
    assert "<5: a count from 1 to 4" in readme and "not shown" in readme
    outcomes = book["Outcomes"]
    header = [c.value for c in outcomes[1]]
    role = next(r for r in outcomes.iter_rows(min_row=2)
                if r[0].value == "Understand the patient champion's role")
    # 162 of 186 agreed (the workbook's worked figures): 87%, stored as a number.
    agreed, answered = role[header.index("Agreed")], role[header.index("Answered")]
    assert agreed.value == pytest.approx(0.87) and agreed.number_format == "0%"
    assert answered.value == 186 and isinstance(answered.value, int)
    assert outcomes.freeze_panes in {"A2", "B2"}
    width = outcomes.column_dimensions["A"].width
    assert width >= len("Feel more confident to get involved")
    challenges = book["Challenges"]
    header = [c.value for c in challenges[1]]
    raised = {r[0].value: r[header.index("Raised by")].value
              for r in challenges.iter_rows(min_row=2)}
    # The themes shown "<5" share the last row, alphabetically, as text.
    last = [c.value for c in list(challenges.iter_rows(min_row=challenges.max_row))[0]]
    assert raised["Time"] == 12 and "Motivation" not in raised
    assert last[0].startswith("Also raised by fewer than 5 groups each: ")
    small = last[0].split(": ", 1)[1].split(", ")
    assert "Motivation" in small and small == sorted(small, key=str.casefold)
    assert last[header.index("Raised by")] == "<5 each"


def test_a_report_from_few_forms_says_so_in_words():
    evaluations = load_evaluations(FIXTURES / "googleforms.csv").data  # 4 kept
    html, _ = build_html(ReportInputs(evaluations, scorers={}))
    assert "fewer than 5 evaluation forms were returned" in html
