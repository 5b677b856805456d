"""A table that ``coprod clean`` wrote can be read again, by cleaning or by the report.

Officers keep their cleaned files and make the report from them (issue 6), so
reading one again must give back the same answers: no spreadsheet guard
apostrophes left in the text, the submission times and platforms kept, the
package's own columns derived again (not kept twice as "extra" columns), and
no response counted twice.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_analysis import load_evaluations
from coprod_analysis.clean.values import tidy_text
from coprod_analysis.cli import main
from coprod_analysis.errors import CoprodError
from coprod_analysis.output import neutralise_formulas
from tests.conftest import FIXTURES

REVIEW_FIXTURES = [FIXTURES / "reviews-googleforms.csv", FIXTURES / "reviews-paper.csv",
                   FIXTURES / "reviews-surveymonkey.csv"]
#: Columns that say where a row was read, so they name the cleaned table when it is read.
WHERE_READ = ("response_id", "source_file", "source_row")


def clean_with_cli(form: str, inputs: list[Path], out: Path, *options: str) -> Path:
    assert main(["clean", form, *map(str, inputs), "--out", str(out), "-q",
                 "--no-themes", *options]) == 0
    return out / f"{form}.csv"


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_an_evaluations_table_read_again_gives_the_same_answers(tmp_path, msforms_xlsx):
    table = clean_with_cli("evaluations", [msforms_xlsx], tmp_path / "first")
    again = load_evaluations(table, themes=False)
    # The export's five rows: Jo's first submission was a duplicate, so four were kept.
    assert len(again.data) == 4
    assert again.summary["rows_read"] == 4 and again.summary["rows_duplicate"] == 0
    row5 = again.data.iloc[3]
    # Written as '@me and '=HYPERLINK(...) to guard spreadsheets; read back as typed.
    assert row5["pledge"] == "@me"
    assert row5["improvements"].startswith("=HYPERLINK(")
    assert again.data["source_platform"].tolist() == ["msforms"] * 4
    # Jo's kept submission was completed at 16:02 on 9 October 2018.
    assert again.data["submitted_at"].iloc[1] == pd.Timestamp("2018-10-09 16:02")
    assert again.data["source_file"].tolist() == ["evaluations.csv"] * 4
    assert again.data["source_row"].tolist() == [1, 2, 3, 4]
    file = again.summary["files"]["evaluations.csv"]
    assert file["platform"] == "coprod"
    assert file["cleaned_from"] == ["msforms.xlsx"]
    assert not [c for c in again.data.columns if c.endswith("(extra)")]


def test_cleaning_a_cleaned_evaluations_table_writes_the_same_table(tmp_path, msforms_xlsx):
    first = clean_with_cli("evaluations", [msforms_xlsx], tmp_path / "first")
    second = clean_with_cli("evaluations", [first], tmp_path / "second")
    before, after = read_rows(first), read_rows(second)
    assert list(before[0]) == list(after[0])  # the same columns, in the same order
    for old, new in zip(before, after, strict=True):
        assert {k: v for k, v in old.items() if k not in WHERE_READ} == \
            {k: v for k, v in new.items() if k not in WHERE_READ}
    # The guard is written once, not piled up: '@me, never ''@me.
    assert after[3]["pledge"] == "'@me"


def test_cleaning_a_cleaned_reviews_table_writes_the_same_table(tmp_path):
    aliases = ["--aliases", str(FIXTURES / "group-aliases.csv")]
    first = clean_with_cli("reviews", REVIEW_FIXTURES, tmp_path / "first", *aliases)
    second = clean_with_cli("reviews", [first], tmp_path / "second", *aliases)
    before, after = read_rows(first), read_rows(second)
    assert list(before[0]) == list(after[0])
    for old, new in zip(before, after, strict=True):
        assert {k: v for k, v in old.items() if k not in WHERE_READ} == \
            {k: v for k, v in new.items() if k not in WHERE_READ}
    # The fixtures hold what is easiest to lose: an "Other" challenge kept beside the
    # codes, a "not involved" written into the ladder, and review numbers.
    assert [r["challenges_other"] for r in after if r["challenges_other"]] == \
        ["Parking at the practice"]
    assert [r["ladder_evaluation"] for r in after].count("not_involved") == 1
    assert sorted(r["review_number"] for r in after) == ["1", "1", "2", "2", "3"]


def test_cleaned_tables_of_different_exports_add_up(tmp_path, msforms_xlsx):
    one = clean_with_cli("evaluations", [msforms_xlsx], tmp_path / "a")
    two = clean_with_cli("evaluations", [FIXTURES / "paper.csv"], tmp_path / "b")
    two = two.rename(two.with_name("evaluations-paper.csv"))
    together = load_evaluations([one, two], themes=False)
    paper = load_evaluations(FIXTURES / "paper.csv", themes=False)
    assert len(together.data) == 4 + len(paper.data)  # the Microsoft Forms file kept 4
    assert together.summary["rows_duplicate"] == 0


def test_two_cleaned_tables_of_one_export_are_refused(tmp_path, msforms_xlsx):
    one = clean_with_cli("evaluations", [msforms_xlsx], tmp_path / "a")
    two = clean_with_cli("evaluations", [msforms_xlsx, FIXTURES / "paper.csv"], tmp_path / "b")
    two = two.rename(two.with_name("evaluations-later.csv"))
    with pytest.raises(CoprodError, match=r"made from msforms\.xlsx, which is also in the "
                                          r"cleaned table evaluations\.csv: its responses "
                                          r"would be counted twice"):
        load_evaluations([one, two], themes=False)


def test_a_cleaned_table_with_its_own_export_is_refused(tmp_path, msforms_xlsx, capsys):
    table = clean_with_cli("evaluations", [msforms_xlsx], tmp_path / "first")
    with pytest.raises(CoprodError, match=r"made from msforms\.xlsx, which is also among the "
                                          r"inputs: its responses would be counted twice"):
        load_evaluations([msforms_xlsx, table], themes=False)
    assert main(["report", "--evaluations", str(table), str(msforms_xlsx),
                 "--out", str(tmp_path / "report")]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and table.as_posix() in err
    assert not (tmp_path / "report").exists()


def test_a_cleaned_table_with_one_cleaned_again_from_it_is_refused(tmp_path, msforms_xlsx):
    first = clean_with_cli("evaluations", [msforms_xlsx], tmp_path / "a")
    again = clean_with_cli("evaluations", [first], tmp_path / "b")
    again = again.rename(again.with_name("evaluations-again.csv"))
    with pytest.raises(CoprodError, match=r"made from evaluations\.csv, which is also among "
                                          r"the inputs"):
        load_evaluations([first, again], themes=False)


#: Text made mostly of what the guard and trimming act on, and any text at all.
GUARD_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(list("'=+-@\t\r\n \xa0a")), max_size=8),
    st.text(max_size=12))


@given(GUARD_TEXT)
def test_the_spreadsheet_guard_never_changes_an_answer(text):
    written = neutralise_formulas(pd.DataFrame({"t": [text]}))["t"]
    after, before = tidy_text(written).iloc[0], tidy_text(pd.Series([text])).iloc[0]
    assert (pd.isna(after) and pd.isna(before)) or after == before


@pytest.mark.parametrize(("typed", "read"), [
    ("'- more breaks", "- more breaks"),
    ("'=SUM(A1)", "=SUM(A1)"),
    ("'@everyone", "@everyone"),
    ("'+44 is the code", "+44 is the code"),
    ("it's fine", "it's fine"),
    ("'quoted'", "'quoted'"),  # an apostrophe before a letter is the person's own
    ("'\t", None),  # a guarded tab: nothing was answered
])
def test_a_guard_apostrophe_is_dropped_and_any_other_kept(typed, read):
    got = tidy_text(pd.Series([typed])).iloc[0]
    assert (None if pd.isna(got) else got) == read


def test_the_report_from_cleaned_tables_equals_the_report_from_exports(tmp_path,
                                                                     msforms_xlsx):
    # The Microsoft Forms file has '=HYPERLINK("http://example.org")' among its
    # improvements: written guarded in the clean table, quoted as typed in the report.
    evaluations = [str(p) for p in (FIXTURES / "googleforms.csv", FIXTURES / "jisc.csv",
                                    FIXTURES / "paper.csv", FIXTURES / "surveymonkey.csv",
                                    msforms_xlsx)]
    reviews = [str(p) for p in REVIEW_FIXTURES]
    aliases = ["--aliases", str(FIXTURES / "group-aliases.csv")]
    everything = ["--min-base", "1", "--min-count", "1"]
    assert main(["clean", "evaluations", *evaluations, "--out", str(tmp_path / "e"), "-q"]) == 0
    assert main(["clean", "reviews", *reviews, *aliases, "--out", str(tmp_path / "r"),
                 "-q"]) == 0
    assert main(["report", "--evaluations", *evaluations, "--reviews", *reviews, *aliases,
                 *everything, "--out", str(tmp_path / "from-exports")]) == 0
    assert main(["report", "--evaluations", str(tmp_path / "e" / "evaluations.csv"),
                 "--reviews", str(tmp_path / "r" / "reviews.csv"), *aliases, *everything,
                 "--out", str(tmp_path / "from-clean")]) == 0
    from_exports = (tmp_path / "from-exports" / "you-said-we-did.html").read_text()
    from_clean = (tmp_path / "from-clean" / "you-said-we-did.html").read_text()
    assert "<blockquote>=HYPERLINK(&#34;http://example.org&#34;)</blockquote>" in from_exports
    assert from_exports == from_clean


def test_the_report_never_fills_missing_inputs_with_the_sample(tmp_path, capsys):
    reviews = clean_with_cli("reviews", REVIEW_FIXTURES, tmp_path / "r")
    assert main(["report", "--reviews", str(reviews), "--out", str(tmp_path / "out")]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--evaluations is needed" in err
    assert not (tmp_path / "out").exists()


def test_other_answers_and_kept_columns_come_back_as_they_were(tmp_path):
    # "Other: Time" was kept as other text, not the theme; it must stay so. "Barriers",
    # kept by the mapping file as an extra column, must not be read as the challenges.
    export = tmp_path / "reviews.csv"
    export.write_text(
        "Group,Type,Date,Overall,Challenges,Describe challenges,Barriers\n"
        'G1,PPG,01/09/2019,Descriptive,"Tokenism, Other: Time",x,Funding\n'
        'G2,PPG,01/09/2019,Descriptive,"Other: other people\'s agendas",x,\n'
        'G3,PPG,01/09/2019,Descriptive,"Other - staff turnover",x,\n')
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("column,field\nBarriers,keep\n")
    first = clean_with_cli("reviews", [export], tmp_path / "first", "--mapping", str(mapping))
    second = clean_with_cli("reviews", [first], tmp_path / "second")
    before, after = read_rows(first), read_rows(second)
    assert [(r["challenges"], r["challenges_other"], r["Barriers"]) for r in before] == [
        ("tokenism", "Time", "Funding"), ("", "other people's agendas", ""),
        ("", "staff turnover", "")]
    for old, new in zip(before, after, strict=True):
        assert {k: v for k, v in old.items() if k not in WHERE_READ} == \
            {k: v for k, v in new.items() if k not in WHERE_READ}


def test_a_cleaned_table_beside_a_re_export_of_its_export_gets_a_note(tmp_path):
    # surveymonkey-overlap.csv repeats one response of surveymonkey.csv (respondent
    # 11400000002, ended 03/20/2018 10:12:30 AM) and adds one of its own.
    table = clean_with_cli("evaluations", [FIXTURES / "surveymonkey.csv"], tmp_path / "a")
    mixed = load_evaluations([table, FIXTURES / "surveymonkey-overlap.csv"], themes=False)
    notes = mixed.summary["files"]["evaluations.csv"]["notes"]
    assert notes == [
        "1 of its responses: the same platform and submission time as responses "
        "in surveymonkey-overlap.csv; if surveymonkey-overlap.csv is a re-export of an export "
        "this table was cleaned from, they are counted twice (clean the exports together "
        "instead)"]


def test_an_extra_column_whose_header_looks_like_a_formula_keeps_its_name(tmp_path):
    export = tmp_path / "typed.csv"
    export.write_text("Date,Venue,Overall,=Extra\n20/03/2019,Hub,Good,kept\n")
    first = clean_with_cli("evaluations", [export], tmp_path / "first")
    assert "'=Extra" in read_rows(first)[0]  # guarded in the file
    assert "=Extra" in load_evaluations(first, themes=False).data.columns  # not in the data
