"""The safety net: columns told by their values, and file names redacted like free text."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_analysis import load_evaluations
from coprod_analysis.clean.identifiers import column_value_kind, shared_file_names, value_kind

HEAD = "Date of the session,Where did you attend?,Overall,Role of champion,Improve"


@pytest.mark.parametrize(("cell", "kind"), [
    ("jo.bloggs@example.org", "email"),
    ("  Jo.Bloggs@Example.ORG ", "email"),
    ("jo\uff20example.org", "email"),            # fullwidth at sign
    ("mailto:jo@example.org", "email"),
    ("0113 496 0123", "phone"),
    ("01134960123", "phone"),
    ("07700 900123", "phone"),
    ("07700-900-123", "phone"),
    ("(0113) 496 0123", "phone"),
    ("+44 7700 900123", "phone"),
    ("+44 (0)113 496 0123", "phone"),
    ("0044 7700 900123", "phone"),
    ("07700\u00a0900123", "phone"),              # no-break space from Excel
    ("7700900123", "phone"),                     # stored as a number: the 0 is lost
    ("447700900123", "phone"),                   # ... or the +
    ("943 476 5919", "nhs_number"),
    ("943-476-5919", "nhs_number"),
    ("9434765919", "nhs_number"),
    ("192.0.2.14", "ip_address"),
    ("2001:db8::1", "ip_address"),
    ("53.800755, -1.549077", "coordinates"),
    ("(53.801, -1.549)", "coordinates"),
    ("53.8007", "coordinates"),
    ("-1.549077", "coordinates"),
    ("LS6 2QF", "postcode"),
    ("ls62qf", "postcode"),
    ("EC1A 1BB", "postcode"),
])
def test_a_whole_cell_that_is_an_identifier_is_recognised(cell, kind):
    assert value_kind(cell) == kind


@pytest.mark.parametrize("cell", [
    "", "4", "10", "5 - Strongly agree", "Agree", "3.5", "7.25",       # answers, ratings
    "01/02/2019", "2019-02-01", "20th March 2019", "01.02.2019",        # dates
    "10:30", "10.30", "10:30:15", "2019-02-01 10:30:00",               # times
    "S-2019-03", "EVAL-0042", "PPG12", "LS6",                           # codes, a district
    "12", "250", "£1,000", "1,234",                                     # counts, money
    "email me at jo@example.org", "Ring 0113 496 0123 please",         # text that holds one
    "943 476 5918",                                                     # check digit wrong
    "0113 496 01",                                                      # too short
    "+1 212 555 0100",                                                  # not UK
    "1234567890", "770090012", "77009001234",                          # other numbers
    "999.1.1.1",                                                        # not an IP
    "53.8, -1.5",                                                       # too few decimals
    "cafe", "face:feed",                                                # hex words
    "LS6", "LS6 2", "Room 12B",                                         # not full postcodes
])
def test_ordinary_answers_are_not_identifiers(cell):
    assert value_kind(cell) is None


def test_most_non_blank_cells_decide():
    # 2 of 3 non-blank cells are e-mail addresses: more than half, and at least 2.
    assert column_value_kind(pd.Series(["a@example.org", "", "b@example.org", "Leeds"])) == (
        "email", 2, 3)
    # 2 of 4 is not more than half.
    assert column_value_kind(pd.Series(["a@example.org", "b@example.org", "x", "y"])) is None
    # One of two is not most; one of one is (a column whose only answer is an address).
    assert column_value_kind(pd.Series(["a@example.org", "Leeds"])) is None
    assert column_value_kind(pd.Series(["", "a@example.org", None])) == ("email", 1, 1)
    # Kinds add up: phone and NHS numbers together are "most".
    assert column_value_kind(pd.Series(["07700 900123", "943 476 5919", "Leeds"]))[1:] == (2, 3)
    assert column_value_kind(pd.Series(["", None, " "])) is None


def test_comments_that_sometimes_hold_an_address_are_not_an_identifier_column():
    comments = pd.Series([f"Great session {i}, email me at p{i}@example.org" for i in range(30)]
                         + ["a@example.org"])
    assert column_value_kind(comments) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(
    st.integers(1, 10).map(str),                                           # Likert, ratings
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),                      # dates
    st.dates().map(lambda d: d.isoformat()),
    st.times().map(lambda t: t.strftime("%H:%M")),                         # times
    st.integers(0, 100_000).map(str),                                      # counts
    st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.2f}"),          # scores
    st.from_regex(r"[A-Z]{1,4}-?\d{2,4}(-\d{2})?", fullmatch=True),        # session codes
    st.sampled_from(["Agree", "Strongly agree", "N/A", "", "Good", "Patient"]),
), min_size=1, max_size=40))
def test_columns_of_answers_are_never_identifier_columns(cells):
    assert column_value_kind(pd.Series(cells, dtype=object)) is None


def _write(tmp_path, name, rows, head=HEAD):
    path = tmp_path / name
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_column_mapped_to_a_question_but_full_of_addresses_is_dropped_everywhere(tmp_path):
    # The venue column holds e-mail addresses (a form built wrong): it must not become
    # the venue, nor reach quarantine.csv or problems.csv through the quarantined row.
    rows = ["20/03/2019,v1@example.org,Good,Agree,More tea",
            "20/03/2019,v2@example.org,Good,Agree,",
            ",v3@example.org,Good,maybe,Less talk"]
    result = load_evaluations(_write(tmp_path, "a.csv", rows), themes=False)
    text = (result.data.to_csv() + result.quarantine.to_csv() + result.problems.to_csv()
            + json.dumps(result.summary) + result.quality_report())
    assert "example.org" not in text
    info = result.summary["files"]["a.csv"]
    assert info["columns_identifiers_why"] == {
        "Where did you attend?": "3 of its 3 answers are e-mail addresses"}
    assert "venue" not in info["columns_mapped"]
    assert result.data["venue"].isna().all()
    assert any("looked like the question 'venue'" in n for n in info["notes"])
    assert ("a.csv: column 'Where did you attend?' is dropped as an identifier, never written: "
            "3 of its 3 answers are e-mail addresses") in result.quality_report()


def test_the_net_holds_with_keep_text(tmp_path):
    rows = ["20/03/2019,Leeds,Good,Agree,07700 900123",
            "20/03/2019,Leeds,Good,Agree,07700 900124"]
    result = load_evaluations(_write(tmp_path, "b.csv", rows), themes=False, keep_text=True)
    assert "900123" not in result.data.to_csv()
    assert result.data["improvements"].isna().all()


def test_file_names_are_redacted_in_every_output_and_stay_apart(tmp_path):
    rows = ["20/03/2019,Leeds,Good,Agree,More tea"]
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first = _write(tmp_path / "x", "from jo@example.org.csv", rows)
    second = _write(tmp_path / "y", "from al@example.org.csv", rows + [",Leeds,Good,Agree,"])
    result = load_evaluations([first, second], themes=False)
    assert sorted(result.summary["files"]) == ["from [email] (2).csv", "from [email].csv"]
    assert set(result.data["source_file"]) == {"from [email].csv", "from [email] (2).csv"}
    assert result.data["response_id"].is_unique
    assert set(result.quarantine["source_file"]) == {"from [email] (2).csv"}
    assert "example.org" not in result.data.to_csv() + json.dumps(result.summary)


def test_file_names_are_kept_with_keep_text():
    assert shared_file_names(["a/from jo@example.org.csv"], keep_text=True) == {
        __import__("pathlib").Path("a/from jo@example.org.csv"): "from jo@example.org.csv"}


def test_a_stray_identifier_in_a_kept_column_is_replaced_not_written(tmp_path):
    # One venue of four is an e-mail address: not "most", so the column is kept, but
    # that cell is only an address: it becomes [email] (also in the session id), and
    # a quarantined row's raw values and an unreadable Likert answer carry no address.
    rows = ["20/03/2019,Leeds,Good,Agree,More tea",
            "20/03/2019,Leeds,Good,192.0.2.55,",
            "20/03/2019,stray@example.org,Good,Agree,",
            ",stray2@example.org,Good,Agree,Less talk",
            "20/03/2019,Leeds,Good,Agree,"]
    result = load_evaluations(_write(tmp_path, "c.csv", rows), themes=False, keep_text=True)
    text = (result.data.to_csv() + result.quarantine.to_csv() + result.problems.to_csv()
            + json.dumps(result.summary))
    assert "example.org" not in text and "192.0.2.55" not in text
    assert sorted(result.data["venue"].dropna()) == ["Leeds", "Leeds", "Leeds", "[email]"]
    assert result.quarantine["venue"].tolist() == ["[email]"]
    assert result.problems["raw_value"].tolist() == ["[ip_address]"]
    assert result.summary["files"]["c.csv"]["columns_identifiers_why"] == {}


def test_a_header_that_is_itself_an_identifier_is_dropped_and_not_named(tmp_path):
    # A column without its own header row (pasted under the header line): its first
    # value stands as the header, is neither written nor named in the summary.
    head = HEAD + ",first@example.org"
    rows = ["20/03/2019,Leeds,Good,Agree,,Tea please"]
    result = load_evaluations(_write(tmp_path, "d.csv", rows, head=head), themes=False)
    text = result.data.to_csv() + json.dumps(result.summary) + result.quality_report()
    assert "first@example.org" not in text
    assert result.summary["files"]["d.csv"]["columns_identifiers_why"] == {
        "[email]": "its header is one of e-mail addresses (a file without a header row?)"}


def test_a_skipped_file_s_reason_carries_no_identifier(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a.csv", ["20/03/2019,Leeds,Good,Agree,More tea"])
    # A register without a header row, found in the same folder: skipped, and its first
    # row (quoted in the reason) is redacted in summary.json.
    (folder / "b.csv").write_text("jo@example.org,07911 123456\nal@example.org,x\n",
                                  encoding="utf-8")
    result = load_evaluations(folder, themes=False)
    assert list(result.summary["files_skipped"]) == ["b.csv"]
    assert "example.org" not in json.dumps(result.summary)
