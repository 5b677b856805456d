"""The report reads a table ``coprod clean`` wrote directly, and gets the table cleaning gives.

:func:`coprod_analysis.report.cleaned.read_cleaned_evaluations` reads such a
table in one pass, once per distinct value; whatever it cannot account for
exactly (a column added, an answer that cannot be read, a blank or undated
row, a cell that is an identifier, a file not as ``coprod clean`` writes it)
sends the table through the cleaning pipeline instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from coprod_analysis import load_evaluations
from coprod_analysis.report.cleaned import read_cleaned_evaluations
from coprod_analysis.report.inputs import load_report_inputs

HEADER = ('"response_id","session_id","session_date","venue","respondent_type",'
          '"outcome_role","outcome_levels","outcome_benefits","outcome_challenges",'
          '"outcome_examples","outcome_critique","outcome_steps","outcome_confidence",'
          '"overall","takeaway","pledge","improvements","source_platform","source_file",'
          '"source_row","submitted_at","improvement_themes"')
ROWS = [
    '"x-1","old","2019-03-01","Civic Hall","Patient",5,4,4,4,4,4,4,4,5,"Clearer roles",'
    '"Bring a friend","Ring me on 07911 123456 about the room","googleforms","export.csv",1,'
    '"2019-03-01T11:30:10","old_theme"',
    '"x-2","old","2019-03-01","Civic Hall","Carer",2,,,,,,,,4,"","","Slower please",'
    '"googleforms","export.csv",2,"2019-03-01T11:40:00",""',
    '"x-3","old","2019-06-12","St  George\'s Centre","Other",3,3,3,3,3,3,3,3,3,'
    '"\'=SUM(A1)","","","msforms","export.csv",3,,""',
]


def write_table(folder, rows=ROWS, header=HEADER, name="cleaned.csv", prefix=b""):
    path = folder / name
    path.write_bytes(prefix + "\n".join([header, *rows, ""]).encode("utf-8"))
    return path


def test_a_table_as_coprod_clean_writes_it_is_read_directly(tmp_path):
    table = read_cleaned_evaluations(write_table(tmp_path), themes=False)
    assert table is not None
    data = table.data
    assert data["session_id"].tolist() == ["2019-03-01-civic-hall", "2019-03-01-civic-hall",
                                           "2019-06-12-st-georges-centre"]
    assert data["venue"].tolist() == ["Civic Hall", "Civic Hall", "St George's Centre"]
    assert data["outcome_role"].tolist() == [5, 2, 3]
    assert data["outcome_levels"].isna().tolist() == [False, True, False]
    # Redacted again on reading, and the spreadsheet guard dropped, as cleaning does.
    assert data["improvements"].iloc[0] == "Ring me on [phone] about the room"
    assert data["takeaway"].iloc[2] == "=SUM(A1)"
    assert data["pledge"].isna().tolist() == [False, True, True]
    # Where each row was read: this table, its rows 1 to 3 (not the export's ids).
    assert data["source_file"].tolist() == ["cleaned.csv"] * 3
    assert data["source_row"].tolist() == [1, 2, 3]
    assert [i.split("-")[1] for i in data["response_id"]] == ["1", "2", "3"]
    assert data["response_id"].str.split("-").str[0].nunique() == 1
    assert data["source_platform"].tolist() == ["googleforms", "googleforms", "msforms"]
    assert data["submitted_at"].iloc[1] == pd.Timestamp("2019-03-01 11:40:00")
    assert pd.isna(data["submitted_at"].iloc[2])
    assert data["improvement_themes"].isna().all()  # themes=False: none inferred
    assert table.quality_report().splitlines()[0] == (
        "Read 3 evaluation responses from 1 file: 3 kept, 0 blank, 0 duplicate, "
        "0 quarantined.")


@pytest.mark.parametrize("themes", [True, False])
def test_the_table_read_directly_is_the_table_cleaning_gives(tmp_path, themes):
    path = write_table(tmp_path)
    direct = read_cleaned_evaluations(path, themes=themes)
    cleaned = load_evaluations(path, themes=themes)
    assert_frame_equal(direct.data, cleaned.data)
    assert direct.quality_report() == cleaned.quality_report()
    assert direct.summary == cleaned.summary


def test_a_large_table_read_directly_is_the_table_cleaning_gives(tmp_path):
    # Rows repeated with changes, so that each column holds several distinct values
    # and every distinct value many rows.
    rng = np.random.default_rng(7)
    rows = []
    for number in range(1, 601):
        score = rng.choice(["", "1", "2", "3", "4", "5"], 9)
        day = f"2019-{rng.integers(1, 13):02d}-{rng.integers(1, 29):02d}"
        venue = rng.choice(["Civic Hall", "civic  hall", "St George's Centre", ""])
        text = rng.choice(["", "More breaks", "Email jo@example.org for slides",
                           "'-less jargon", "N/A", "Dr Khan was great\nThanks"])
        rows.append(f'"x","old","{day}","{venue}","{rng.choice(["Patient", "Staff"])}",'
                    + ",".join(score[:8]) + f',{rng.choice(["1", "3", "5"])},'
                    f'"{text}","","{text}","{rng.choice(["jisc", "Paper", "manual"])}",'
                    f'"e.csv",{number},"2019-01-0{rng.integers(1, 10)}T10:00:00",""')
    path = write_table(tmp_path, rows)
    direct = read_cleaned_evaluations(path)
    assert direct is not None
    cleaned = load_evaluations(path)
    assert_frame_equal(direct.data, cleaned.data)
    assert direct.summary == cleaned.summary


def _edit(rows, number, column, value):
    cells = HEADER.replace('"', "").split(",")
    import csv
    import io

    parsed = next(csv.reader(io.StringIO(rows[number])))
    parsed[cells.index(column)] = value
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="").writerow(parsed)
    return [*rows[:number], out.getvalue(), *rows[number + 1:]]


ODD_TABLES = {
    "a column added by hand": dict(header=HEADER + ',"Notes"',
                                   rows=[r + ',"x"' for r in ROWS]),
    "an answer that cannot be read": dict(rows=_edit(ROWS, 0, "outcome_role", "Sometimes")),
    "a date written day first": dict(rows=_edit(ROWS, 0, "session_date", "01/03/2019")),
    "a row without a session date": dict(rows=_edit(ROWS, 1, "session_date", "")),
    "a rating out of 10": dict(rows=_edit(ROWS, 0, "overall", "7")),
    "a cell that is an e-mail address": dict(rows=_edit(ROWS, 0, "pledge", "jo@example.org")),
    "a blank row": dict(rows=[*ROWS, '"x-4","","","","",,,,,,,,,,"","","","manual","e.csv",4,,""']),
    "an empty line": dict(rows=[ROWS[0], "", *ROWS[1:]]),
    "a byte-order mark": dict(prefix=b"\xef\xbb\xbf"),
    "a NUL byte": dict(rows=_edit(ROWS, 0, "takeaway", "a\x00b")),
    "a quote never closed": dict(rows=[*ROWS[:2], ROWS[2][:-1]]),
    "Windows line ends": dict(rows=[r + "\r" for r in ROWS]),
}


@pytest.mark.parametrize("odd", ODD_TABLES)
def test_a_table_with_anything_to_account_for_goes_through_cleaning(tmp_path, odd):
    path = write_table(tmp_path, **ODD_TABLES[odd])
    assert read_cleaned_evaluations(path, themes=False) is None


def test_the_report_reads_a_cleaned_table_as_cleaning_would(tmp_path):
    path = write_table(tmp_path)
    inputs, lines = load_report_inputs(path)
    cleaned = load_evaluations(path)
    assert_frame_equal(inputs.evaluations, cleaned.data)
    assert lines == [cleaned.quality_report().splitlines()[0]]


def test_the_report_still_cleans_an_export_or_several_files(tmp_path, fixture_path):
    export = fixture_path("googleforms.csv")
    inputs, _ = load_report_inputs(export)
    assert_frame_equal(inputs.evaluations, load_evaluations(export).data)
    one = write_table(tmp_path, name="a.csv")
    two = write_table(tmp_path, [r.replace('"export.csv"', '"other.csv"') for r in ROWS],
                      name="b.csv")
    inputs, _ = load_report_inputs([one, two])
    assert_frame_equal(inputs.evaluations, load_evaluations([one, two]).data)


# A large file is parsed in two halves at once (read.grid.row_boundary cuts it after
# a line break with an even number of quotes before it, looking at no more than 1,000
# line breaks past the middle): the table is the same.


def _cut(data):
    """Where the report's reader cuts ``data`` (its threshold forced down to 0 bytes)."""
    from coprod_analysis.read.grid import row_boundary
    from coprod_analysis.report import cleaned

    cut = row_boundary(data, smallest=0, within=len(data), tries=cleaned._CUT_TRIES)
    return cut if cut is not None else (None, 0)

def _many_rows(count, text):
    return [f'"x-{n}","old","2019-03-01","Civic Hall","Patient",5,4,4,4,4,4,4,4,5,"{text(n)}",'
            f'"","","googleforms","export.csv",{n},"2019-03-01T11:30:10","{n % 3}"'
            for n in range(1, count + 1)]


@pytest.mark.parametrize("text", [
    lambda n: "Fine",
    # Line breaks and doubled quotes in every answer: the first line break past the
    # middle of the file is inside an answer, with an odd number of quotes before it.
    lambda n: f'He said ""hi""\nline {n}\n\nand ""bye""',
])
def test_a_table_read_in_two_halves_is_the_table_read_whole(tmp_path, monkeypatch, text):
    from coprod_analysis.report import cleaned

    path = write_table(tmp_path, _many_rows(41, text))
    whole = read_cleaned_evaluations(path, themes=False)
    monkeypatch.setattr(cleaned, "_SPLIT_FROM", 0)
    data = path.read_bytes()
    split, quotes = _cut(data)
    assert split is not None and data[split - 1:split] == b"\n"
    assert data[split:].startswith(b'"x-')  # a row starts there
    assert quotes == data[:split].count(b'"') and quotes % 2 == 0
    halves = read_cleaned_evaluations(path, themes=False)
    assert_frame_equal(halves.data, whole.data)
    assert halves.data["takeaway"].iloc[40] == text(41).replace('""', '"')


def test_halves_that_do_not_meet_at_a_row_end_are_read_whole(tmp_path, monkeypatch):
    # A quote where the parser takes it as a plain character (in a cell not quoted)
    # puts the quotes out of step: the file is cut inside the last column's quotes.
    from coprod_analysis.report import cleaned

    rows = [r.replace(',"old",', ',old",', 1) if n in (0, 3) else r  # even in all
            for n, r in enumerate(_many_rows(4, lambda n: "Fine"))]
    rows[1] = rows[1][:-len('"2"')] + '"a\nb"'  # row 2's themes: a quoted line break
    path = write_table(tmp_path, rows)
    data = path.read_bytes()
    monkeypatch.setattr(cleaned, "_SPLIT_FROM", 0)
    split, _ = _cut(data)
    assert data[:split].endswith(b'"a\n')  # inside row 2's last cell, not after a row
    buffer = pa.py_buffer(data)
    parts = [cleaned._parse(buffer.slice(0, split), first=True, last=False),
             cleaned._parse(buffer.slice(split), first=False, last=True)]
    assert cleaned._joined(parts) is None
    monkeypatch.setattr(cleaned, "_SPLIT_FROM", 1 << 40)
    whole = read_cleaned_evaluations(path, themes=False)
    assert whole is not None and whole.data["improvement_themes"].isna().all()
    monkeypatch.setattr(cleaned, "_SPLIT_FROM", 0)
    assert_frame_equal(read_cleaned_evaluations(path, themes=False).data, whole.data)


def test_the_reader_cuts_with_read_grids_function_within_a_thousand_line_breaks(
        tmp_path, monkeypatch):
    from coprod_analysis.read import grid
    from coprod_analysis.report import cleaned

    calls = []

    def spy(data, **options):
        calls.append((options, grid.row_boundary(data, **options)))
        return calls[-1][1]

    monkeypatch.setattr(cleaned, "row_boundary", spy)
    monkeypatch.setattr(cleaned, "_SPLIT_FROM", 0)
    # The middle row's answer holds 3,000 line breaks, none of them the end of a row,
    # over 1,000 of them past the middle of the file.
    rows = _many_rows(3, lambda n: "Fine\n" * 3000 if n == 2 else "Fine")
    path = write_table(tmp_path, rows)
    size = path.stat().st_size
    data = path.read_bytes()
    start = data.index(b"Fine\n" * 3000)
    assert start < size // 2 and data.count(b"\n", size // 2, start + 5 * 3000) > 1000
    halves_or_whole = read_cleaned_evaluations(path, themes=False)
    assert calls == [({"smallest": 0, "within": size, "tries": 1000}, None)]  # gave up
    assert grid.row_boundary(data, smallest=0, within=size) is not None  # had it gone on
    monkeypatch.setattr(cleaned, "_SPLIT_FROM", 1 << 40)
    assert_frame_equal(halves_or_whole.data, read_cleaned_evaluations(path, themes=False).data)
    assert halves_or_whole.data["takeaway"].iloc[1] == "Fine\n" * 2999 + "Fine"


_PIECES = ["Fine", '"', '""', "\n", "\r\n", ",", " ", "a", "\n\n", "x,y", "\u00e9"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join),
                min_size=2, max_size=25),
       st.booleans())
def test_any_table_read_in_two_halves_is_the_table_read_whole(tmp_path_factory, texts,
                                                             quoted):
    """Answers with quotes, line breaks and commas anywhere (escaped as coprod writes
    them, or, for ``quoted`` False, a stray quote left as typed): cut in two halves or
    read whole, the same table, or the same refusal."""
    from coprod_analysis.report import cleaned

    def cell(text: str) -> str:
        return text.replace('"', '""') if quoted else text

    rows = _many_rows(len(texts), lambda n: cell(texts[n - 1]))
    path = write_table(tmp_path_factory.mktemp("halves"), rows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cleaned, "_SPLIT_FROM", 1 << 40)
        whole = read_cleaned_evaluations(path, themes=False)
        patch.setattr(cleaned, "_SPLIT_FROM", 0)
        halves = read_cleaned_evaluations(path, themes=False)
    assert (whole is None) == (halves is None)
    if whole is not None:
        assert_frame_equal(halves.data, whole.data)
