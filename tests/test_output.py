"""Writing results: formula neutralising, whole files or nothing, inputs untouched."""

from __future__ import annotations

import csv
import hashlib

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_analysis import CoprodError, load_evaluations
from coprod_analysis.output import neutralise_formulas, write_files


@pytest.mark.parametrize("payload", ["=1+1", "+44 113", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"])
def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe(payload):
    out = neutralise_formulas(pd.DataFrame({"t": [payload]}))
    assert out["t"].iloc[0] == "'" + payload


@pytest.mark.parametrize("safe", ["fine", "a=b", "1-2", "", "'quoted"])
def test_ordinary_text_is_left_alone(safe):
    assert neutralise_formulas(pd.DataFrame({"t": [safe]}))["t"].iloc[0] == safe


def test_numbers_are_not_text_and_keep_their_sign():
    out = neutralise_formulas(pd.DataFrame({"n": [-3, 4]}))
    assert out["n"].tolist() == [-3, 4]


def test_neutralising_does_not_change_its_input():
    frame = pd.DataFrame({"t": ["=1"]})
    neutralise_formulas(frame)
    assert frame["t"].iloc[0] == "=1"


def test_written_csv_reads_back_with_the_same_rows_and_scores(fixture_path, tmp_path):
    result = load_evaluations(fixture_path("paper.csv"))
    write_files(tmp_path, {"evaluations.csv": result.data}, {})
    with open(tmp_path / "evaluations.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # Three kept rows, one of them holding "Two\r\nlines": still three records.
    assert len(rows) == 3
    assert rows[0]["outcome_role"] == "5" and rows[0]["session_date"] == "2019-03-20"
    assert rows[1]["takeaway"] == "Two\r\nlines"


def test_formula_payloads_are_neutralised_in_every_output(fixture_path, tmp_path):
    result = load_evaluations(fixture_path("googleforms.csv"))
    write_files(tmp_path, {"evaluations.csv": result.data}, {})
    with open(tmp_path / "evaluations.csv", newline="", encoding="utf-8") as handle:
        row = list(csv.DictReader(handle))[2]  # the source row 5 of the fixture
    assert row["pledge"] == "'- more breaks"
    assert row["improvements"] == "'=SUM(A1)"


def test_a_failed_write_leaves_no_output_at_all(tmp_path, monkeypatch):
    import coprod_analysis.output as output

    good = pd.DataFrame({"a": [1]})
    calls = []
    original = output.write_csv

    def fail_second(table, path):
        calls.append(path)
        if len(calls) == 2:
            path.write_text("half a fi")  # the disk fills up part way through
            raise OSError(28, "No space left on device")
        original(table, path)

    monkeypatch.setattr(output, "write_csv", fail_second)
    with pytest.raises(CoprodError, match="disk is full.*previous files are unchanged"):
        write_files(tmp_path / "out", {"one.csv": good, "two.csv": good}, {"s.json": {}})
    assert list((tmp_path / "out").iterdir()) == []


def test_a_previous_result_is_replaced_whole(tmp_path):
    write_files(tmp_path, {"one.csv": pd.DataFrame({"a": [1, 2]})}, {})
    write_files(tmp_path, {"one.csv": pd.DataFrame({"a": [3]})}, {})
    assert (tmp_path / "one.csv").read_text() == '"a"\n3\n'


def test_inputs_are_never_modified(fixture_path, tmp_path):
    paths = [fixture_path(n) for n in ("paper.csv", "googleforms.csv", "surveymonkey.csv")]
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    result = load_evaluations(paths)
    write_files(tmp_path, {"evaluations.csv": result.data}, {"summary.json": result.summary})
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] == before


def test_output_that_would_overwrite_an_input_is_refused(tmp_path):
    source = tmp_path / "evaluations.csv"
    source.write_text("Date,Overall,Confidence\n20/03/2018,Good,Agree\n")
    with pytest.raises(CoprodError, match="overwrite an input"):
        write_files(tmp_path, {"evaluations.csv": pd.DataFrame()}, {}, protect=[source])
    assert source.read_text().startswith("Date,Overall")


def test_an_output_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(CoprodError, match="is a file"):
        write_files(tmp_path / "out", {"a.csv": pd.DataFrame()}, {})


def test_a_header_a_spreadsheet_would_run_is_neutralised_too(tmp_path):
    write_files(tmp_path, {"t.csv": pd.DataFrame({'=HYPERLINK("http://x")': ["a"]})}, {})
    assert (tmp_path / "t.csv").read_text().splitlines()[0] == '"\'=HYPERLINK(""http://x"")"'


_CELLS = ["plain", 'say "hi"', "two\nlines", "cr\ronly", "crlf\r\nend", "comma, here", "=1+1",
          "caf\u00e9 \u2013 \U0001f600", "", None]


@pytest.mark.parametrize("rows", [1, 2, 7])
def test_a_table_written_in_halves_is_the_same_bytes_as_written_whole(tmp_path, monkeypatch,
                                                                      rows):
    import coprod_analysis.output as output

    table = pd.DataFrame({
        "text": pd.array([_CELLS[i % len(_CELLS)] for i in range(rows)], dtype="str"),
        "score": pd.array([i % 6 or None for i in range(rows)], dtype="Int64"),
        "kind": pd.Categorical(["Carer", "Patient"] * rows)[:rows],
    })
    output.write_csv(table, tmp_path / "whole.csv")
    monkeypatch.setattr(output, "HALVES_FROM_ROWS", 1)
    output.write_csv(table, tmp_path / "halves.csv")
    assert (tmp_path / "halves.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    # worked by hand for the first row: the header once, every text quoted where needed
    assert (tmp_path / "halves.csv").read_bytes().startswith(
        b'"text","score","kind"\n"plain",,"Carer"\n')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["halves.csv", "whole.csv"]


@pytest.mark.parametrize("failing", ["first", "second"])
def test_a_half_that_fails_to_write_raises_and_leaves_no_part_file(tmp_path, monkeypatch,
                                                                   failing):
    import pyarrow.csv as pa_csv

    import coprod_analysis.output as output

    real = pa_csv.write_csv

    def full_disk(table, where, write_options=None):
        if write_options.include_header == (failing == "first"):
            raise OSError(28, "No space left on device")
        real(table, where, write_options=write_options)

    monkeypatch.setattr(output, "HALVES_FROM_ROWS", 1)
    monkeypatch.setattr(output.pa_csv, "write_csv", full_disk)
    with pytest.raises(OSError, match="No space left"):
        output.write_csv(pd.DataFrame({"a": list(range(10))}), tmp_path / "t.csv")
    assert [p.name for p in tmp_path.iterdir()] in ([], ["t.csv"])  # no ".part" left


def test_halves_through_write_files_give_the_same_clean_table(fixture_path, tmp_path,
                                                               monkeypatch):
    import coprod_analysis.output as output

    result = load_evaluations(fixture_path("paper.csv"))
    write_files(tmp_path / "whole", {"evaluations.csv": result.data}, {})
    monkeypatch.setattr(output, "HALVES_FROM_ROWS", 2)
    write_files(tmp_path / "halves", {"evaluations.csv": result.data}, {})
    assert ((tmp_path / "halves" / "evaluations.csv").read_bytes()
            == (tmp_path / "whole" / "evaluations.csv").read_bytes())
    assert sorted(p.name for p in (tmp_path / "halves").iterdir()) == ["evaluations.csv"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.one_of(st.none(), st.text(alphabet=st.sampled_from(
    list('ab ,"\'=\r\n\t\u00e9\u2028\U0001f600')), max_size=8)), min_size=1, max_size=30))
def test_any_text_written_in_halves_is_the_same_bytes_as_whole(tmp_path, monkeypatch, cells):
    import coprod_analysis.output as output

    table = pd.DataFrame({"t": pd.array(cells, dtype="str"), "n": range(len(cells))})
    monkeypatch.setattr(output, "HALVES_FROM_ROWS", 10**9)
    output.write_csv(table, tmp_path / "whole.csv")
    monkeypatch.setattr(output, "HALVES_FROM_ROWS", 1)
    output.write_csv(table, tmp_path / "halves.csv")
    assert (tmp_path / "halves.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
