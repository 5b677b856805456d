"""Properties that hold for any export, checked on exports hypothesis makes up.

For every generated export, in three platform layouts:

- the counts reconcile: ``rows_read == clean + quarantined + duplicate + blank``,
  in total and per file, and ``rows_clean`` is the clean table's length;
- ``rows_blank`` is exactly the number of rows that answered no question
  (counted here independently of the code);
- no identifier (e-mail, name, IP address, respondent id) reaches the clean
  table or the problems list, whatever else the row holds.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_analysis import load_evaluations
from coprod_analysis.vocab import EVALUATION_FIELDS

QUESTIONS = [f.question for f in EVALUATION_FIELDS]
EMAILS = [f"zq.person{i}@example.org" for i in range(4)]
NAMES = [f"Xyzzy Qwerty{i}" for i in range(4)]
IPS = [f"198.51.100.{200 + i}" for i in range(4)]
RIDS = [f"9990000{i}" for i in range(4)]
LEAKS = [*EMAILS, *NAMES, *IPS, *RIDS]

likert = st.sampled_from(["Strongly agree", "agree", "5 - Strongly agree", "3", "Neutral",
                          "N/A", "", "-", "Sometimes", "6", " ", "Disagree"])
dates = st.sampled_from(["20/03/2018", "2018-05-01", "20th March 2018", "43179", "",
                         "31/02/2018", "tomorrow", "03/14/2018"])
# Any printable text, with the line breaks, tabs, quotes and formula signs real answers hold.
free_text = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\r\n\t"),
                    max_size=40)
answer_row = st.fixed_dictionaries({
    "session_date": dates,
    "venue": st.sampled_from(["Civic Hall", "Seacroft Hub", "", "  "]),
    "respondent_type": st.sampled_from(["Patient", "Carer", "Alien", ""]),
    **{f.name: likert for f in EVALUATION_FIELDS if f.kind == "likert"},
    "overall": st.sampled_from(["Good", "Very good", "OK", "meh", "", "4"]),
    "takeaway": free_text,
    "pledge": free_text,
    "improvements": free_text,
})
blank_row = st.just({f.name: "" for f in EVALUATION_FIELDS})
identity = st.fixed_dictionaries({
    "email": st.sampled_from([*EMAILS, "", "anonymous"]),
    "name": st.sampled_from(NAMES),
    "ip": st.sampled_from(IPS),
    "rid": st.sampled_from(RIDS),
    "timestamp": st.sampled_from(["2018-03-20 10:00:00", "2018-03-20 11:00:00", ""]),
})
rows = st.lists(st.tuples(st.one_of(answer_row, blank_row), identity), max_size=25)


def render(layout: str, generated: list) -> bytes:
    """Write generated rows in one platform's layout, with the csv module."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    answers = [[answer[f.name] for f in EVALUATION_FIELDS] for answer, _ in generated]
    if layout == "googleforms":
        writer.writerow(["Timestamp", "Email address", *QUESTIONS])
        for (_, who), cells in zip(generated, answers, strict=True):
            stamp = who["timestamp"].replace("-", "/")
            writer.writerow([stamp, who["email"], *cells])
    elif layout == "surveymonkey":
        meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
                "Email Address", "First Name", "Last Name", "Custom Data 1"]
        writer.writerow([*meta, *QUESTIONS])
        writer.writerow([""] * len(meta) + ["Response"] * len(QUESTIONS))
        for (_, who), cells in zip(generated, answers, strict=True):
            first, last = who["name"].split()
            writer.writerow([who["rid"], "123", "", "", who["ip"], who["email"], first, last,
                             who["name"], *cells])
    else:  # a typed sheet with name and e-mail columns
        writer.writerow(["Your name", "Email", *QUESTIONS])
        for (_, who), cells in zip(generated, answers, strict=True):
            writer.writerow([who["name"], who["email"], *cells])
    return buffer.getvalue().encode("utf-8")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(layout=st.sampled_from(["googleforms", "surveymonkey", "manual"]), generated=rows)
def test_counts_reconcile_and_no_identifier_leaks(layout, generated):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{layout}.csv"
        path.write_bytes(render(layout, generated))
        result = load_evaluations(path)
    s = result.summary
    assert s["rows_read"] == len(generated)
    assert s["rows_read"] == (s["rows_clean"] + s["rows_quarantined"] + s["rows_duplicate"]
                              + s["rows_blank"])
    assert s["files"][path.name]["rows_read"] == s["rows_read"]
    assert s["rows_clean"] == len(result.data)
    assert s["rows_quarantined"] == len(result.quarantine)
    unanswered = sum(all(not v.strip() for v in answer.values()) for answer, _ in generated)
    assert s["rows_blank"] == unanswered
    published = result.data.astype(str).to_csv() + result.problems.astype(str).to_csv()
    for leak in LEAKS:
        assert leak not in published
