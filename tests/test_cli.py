"""The ``coprod`` command: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from coprod_analysis.cli import main
from tests.conftest import FIXTURES


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "coprod_analysis", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def assert_one_line_error(completed, *fragments):
    assert completed.returncode != 0
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    assert lines[0].startswith("coprod: error: ")
    assert "Traceback" not in completed.stderr + completed.stdout
    for fragment in fragments:
        assert fragment in lines[0]


def test_clean_writes_the_four_outputs_and_says_so(tmp_path):
    done = run("clean", "evaluations", FIXTURES / "paper.csv", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    for name in ("evaluations.csv", "quarantine.csv", "problems.csv", "summary.json"):
        assert (tmp_path / "out" / name).is_file()
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["rows_read"] == 7
    assert "Read 7 evaluation responses from 1 file: 3 kept, 1 blank" in done.stdout


def test_clean_accepts_a_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("paper.csv", "jisc.csv"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    assert main(["clean", "evaluations", str(folder), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert set(json.loads((tmp_path / "out" / "summary.json").read_text())["files"]) == {
        "paper.csv", "jisc.csv"}


def test_empty_file_is_a_one_line_error(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    assert_one_line_error(run("clean", "evaluations", tmp_path / "empty.csv",
                              "--out", tmp_path / "o"), "empty.csv", "empty")


@pytest.mark.parametrize("data", [b",,\n", b",,\n,,\n", b";;;\r\n;;;\r\n", b" , ,\n"])
@pytest.mark.parametrize("form", ["evaluations", "reviews"])
def test_a_file_of_nothing_but_separators_is_a_one_line_error(tmp_path, data, form):
    # ",,\n" is not blank to the eye, yet once read it holds no record at all: it was an
    # internal error, a length mismatch (the fuzz test's random shapes, session 16)
    (tmp_path / "commas.csv").write_bytes(data)
    assert_one_line_error(run("clean", form, tmp_path / "commas.csv", "--out", tmp_path / "o"),
                          "commas.csv", "has no header row")


def test_a_file_that_is_not_a_spreadsheet_is_a_one_line_error(tmp_path):
    (tmp_path / "photo.csv").write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(run("clean", "evaluations", tmp_path / "photo.csv",
                              "--out", tmp_path / "o"), "photo.csv", "not a text CSV")


def test_a_truncated_xlsx_is_a_one_line_error(tmp_path, msforms_xlsx):
    data = msforms_xlsx.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    assert_one_line_error(run("clean", "evaluations", tmp_path / "cut.xlsx",
                              "--out", tmp_path / "o"), "cut.xlsx", "Excel workbook")


def test_a_zip_that_is_not_a_workbook_is_a_one_line_error(tmp_path):
    with zipfile.ZipFile(tmp_path / "fake.xlsx", "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert_one_line_error(run("clean", "evaluations", tmp_path / "fake.xlsx",
                              "--out", tmp_path / "o"), "fake.xlsx")


def test_an_unrelated_csv_is_a_one_line_error(tmp_path):
    (tmp_path / "budget.csv").write_text("Item,Cost\nChairs,120\n")
    assert_one_line_error(run("clean", "evaluations", tmp_path / "budget.csv",
                              "--out", tmp_path / "o"), "budget.csv",
                          "does not look like an evaluation form export")


def test_a_missing_path_is_a_one_line_error(tmp_path):
    assert_one_line_error(run("clean", "evaluations", tmp_path / "nope.csv",
                              "--out", tmp_path / "o"), "nope.csv", "no such file")


def test_a_bad_input_among_good_ones_writes_nothing(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    done = run("clean", "evaluations", FIXTURES / "paper.csv", tmp_path / "empty.csv",
               "--out", tmp_path / "o")
    assert_one_line_error(done, "empty.csv")
    assert not (tmp_path / "o").exists()


def test_a_bad_mapping_file_is_a_one_line_error(tmp_path):
    (tmp_path / "map.csv").write_text("column,field\nVenue,where\n")
    assert_one_line_error(run("clean", "evaluations", FIXTURES / "paper.csv",
                              "--mapping", tmp_path / "map.csv", "--out", tmp_path / "o"),
                          "map.csv", "'where' is not a field")


def test_a_usage_mistake_is_one_line_with_status_2(tmp_path):
    done = run("clean", "surveys", FIXTURES / "paper.csv", "--out", tmp_path / "o")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [[], ["clean"]])
def test_help_is_available_for_every_command(args):
    done = run(*args, "--help")
    assert done.returncode == 0 and "usage: coprod" in done.stdout


def test_an_unexpected_failure_is_one_line_without_a_traceback(monkeypatch, capsys, tmp_path):
    import coprod_analysis.clean.evaluations as evaluations

    def explode(*args, **kwargs):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(evaluations, "load_evaluations", explode)
    status = main(["clean", "evaluations", str(FIXTURES / "paper.csv"),
                   "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert status == 70
    assert err.count("\n") == 1 and "internal error: RuntimeError: something broke" in err


def test_clean_reviews_writes_reviews_csv_with_groups_followed(tmp_path):
    done = run("clean", "reviews", FIXTURES / "reviews-surveymonkey.csv",
               FIXTURES / "reviews-googleforms.csv", "--aliases",
               FIXTURES / "group-aliases.csv", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "Read 6 group reviews from 2 files: 4 kept, 1 blank, 0 duplicate, 1 quarantined." \
        in done.stdout
    assert "1 x no group name" in done.stdout
    header = (tmp_path / "out" / "reviews.csv").read_text().splitlines()[0]
    assert '"group_id","review_number"' in header


def test_aliases_with_evaluations_is_a_one_line_error(tmp_path):
    assert_one_line_error(run("clean", "evaluations", FIXTURES / "paper.csv", "--aliases",
                              FIXTURES / "group-aliases.csv", "--out", tmp_path / "o"),
                          "--aliases is for group reviews")


def test_the_printed_summary_names_reasons_problems_and_unmapped_columns(tmp_path):
    done = run("clean", "evaluations", FIXTURES / "paper.csv", "--out", tmp_path / "o")
    lines = done.stdout.splitlines()
    # Worked out from tests/fixtures/paper.csv: rows 3, 4 (no usable date), 7 (4 values).
    assert lines[:4] == [
        "Read 7 evaluation responses from 1 file: 3 kept, 1 blank, 0 duplicate, "
        "3 quarantined.",
        "Quarantined (see quarantine.csv):",
        "  2 x no session date",
        "  1 x wrong number of values in the row",
    ]
    assert "2 answers could not be read and were left empty (see problems.csv):" in lines
    assert ("paper.csv: columns read for no question, kept as they are: "
            "'Notes (staff use)'") in lines


@pytest.mark.parametrize("module", ["coprod_analysis", "coprod_analysis.cli"])
def test_either_module_is_the_command(module):
    """``python -m coprod_analysis.cli`` runs the command as ``python -m coprod_analysis``
    does (it once did nothing and exited 0, so a script using it made no report)."""
    import coprod_analysis

    done = subprocess.run([sys.executable, "-m", module, "--version"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"coprod {coprod_analysis.__version__}"
    bad = subprocess.run([sys.executable, "-m", module, "clean", "nonsense"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "invalid choice: 'nonsense'" in bad.stderr
