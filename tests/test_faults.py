"""Every command against the mistakes officers make and the faults machines have.

Each class of the hostile-input audit has its tests here:

1. errors a person can act on, from every subcommand (a table of mistakes:
   exit status, one line, the file named, never "internal error"), a closed
   pipe, an unusable model cache;
2. outputs whole as a set: rolled back on failure, a file open in Excel,
   nothing left by a killed run, concurrent runs, never over an input;
3. limits on resources: XLSX declared and used ranges, CSV size, model
   files inflated and nested;
4. spreadsheet and value edge cases: the 1904 date system, array formulas,
   ``.tsv``/``.ods``/``.xls``, negative Likert answers, control characters in
   file names, aliases chains and circles.

Permissions: the tests run as root in CI, and root ignores permission bits.
Cases that need a file or folder root cannot use run the command in a child
process without the capabilities that let root ignore them (``setpriv
--bounding-set=-dac_override,-dac_read_search``), so the bits apply as they
would to an officer; they are skipped, saying why, only where that is
impossible.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from coprod_analysis import CoprodError, load_evaluations, load_reviews
from coprod_analysis.cli import main
from coprod_analysis.output import STAGING_PREFIX, write_files
from coprod_analysis.read import read_grid
from tests.conftest import FIXTURES, REPO
from tests.workbooks import ods_cell, ods_row, write_ods, write_xlsx_parts

SAMPLE = REPO / "data" / "sample"
THEMES = FIXTURES / "themes"
DROP_ROOT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def _unprivileged_prefix() -> list[str] | None:
    """How to run a command so that permission bits apply to it (None: impossible)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"coprod-probe-{os.getpid()}"
    probe.write_text("x")
    probe.chmod(0)
    try:
        done = subprocess.run([*DROP_ROOT_OVERRIDE, "cat", str(probe)], capture_output=True,
                              timeout=30)
    except OSError:
        return None
    finally:
        probe.unlink()
    return DROP_ROOT_OVERRIDE if done.returncode != 0 else None


UNPRIVILEGED = _unprivileged_prefix()
needs_permissions = pytest.mark.skipif(
    UNPRIVILEGED is None,
    reason="running as root without setpriv able to drop CAP_DAC_OVERRIDE: permission bits "
           "cannot be made to apply here")


def one_line_error(status: int, err: str, *fragments: str) -> str:
    """The common assertions: a non-zero status, one line, no traceback or internal error."""
    assert status not in (0, 70), err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("coprod: error: "), err
    assert "internal error" not in err and "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def leftovers(root: Path) -> list[Path]:
    """Temporary folders or files a run left anywhere under ``root``."""
    return [p for p in root.rglob("*")
            if p.name.startswith(STAGING_PREFIX) or ".partial" in p.name]


# --- 1. Errors a person can act on, from every subcommand --------------------------------


@pytest.fixture
def world(tmp_path):
    """Good inputs for every subcommand, and the broken things the table points at."""
    w = tmp_path
    (w / "in").mkdir()
    shutil.copy(FIXTURES / "paper.csv", w / "in" / "paper.csv")
    shutil.copy(FIXTURES / "reviews-paper.csv", w / "reviews.csv")
    shutil.copy(FIXTURES / "group-aliases.csv", w / "aliases.csv")
    shutil.copy(SAMPLE / "sessions.csv", w / "sessions.csv")
    shutil.copy(SAMPLE / "actions.csv", w / "actions.csv")
    shutil.copy(THEMES / "labelled.csv", w / "labelled.csv")
    shutil.copy(THEMES / "codebook.csv", w / "codebook.csv")
    (w / "mapping.csv").write_text("column,field\nVenue,venue\n")
    (w / "comments.csv").write_text("id,improve\n1,Far too rushed\n")
    (w / "a-file.txt").write_text("not a folder")
    (w / "a-folder.csv").mkdir()
    (w / "readonly-out").mkdir()
    (w / "locked-dir").mkdir()
    shutil.copy(FIXTURES / "paper.csv", w / "locked-dir" / "paper.csv")
    for name in ("paper.csv", "mapping.csv", "aliases.csv", "sessions.csv", "actions.csv",
                 "labelled.csv", "comments.csv"):
        source = w / "in" / name if name == "paper.csv" else w / name
        shutil.copy(source, w / f"locked-{name}")
    model_bytes = {
        "list-model.json.gz": gzip.compress(b"[1, 2, 3]"),
        "keyless-model.json.gz": gzip.compress(b'{"format": "coprod-theme-model", '
                                               b'"version": 1}'),
        "deep-model.json.gz": gzip.compress(b"[" * 5000 + b"]" * 5000),
        "string-model.json.gz": gzip.compress(b'"coprod-theme-model"'),
        "locked-model.json.gz": gzip.compress(b"{}"),
    }
    for name, data in model_bytes.items():
        (w / name).write_bytes(data)
    yield w
    for path in w.rglob("*"):  # let pytest clean up whatever was locked
        if not path.is_symlink():
            path.chmod(0o755)


EV = ["clean", "evaluations", "{w}/in/paper.csv"]
RV = ["clean", "reviews", "{w}/reviews.csv"]
RP = ["report", "--evaluations", "{w}/in/paper.csv"]
CL = ["themes", "classify", "{w}/comments.csv", "--text-column", "improve"]
TR = ["themes", "train", "{w}/labelled.csv", "--codebook", "{w}/codebook.csv"]
EVAL = ["themes", "evaluate", "{w}/labelled.csv", "--codebook", "{w}/codebook.csv"]

#: (case, arguments, the name the error must give, whether permission bits must apply)
MISTAKES = [
    # --out that is a file, under a file, read-only, or under a read-only folder
    ("clean: --out is a file", [*EV, "--out", "{w}/a-file.txt"], "a-file.txt", False),
    ("clean: --out under a file", [*EV, "--out", "{w}/a-file.txt/o"], "a-file.txt", False),
    ("clean: --out read-only", [*EV, "--out", "{w}/readonly-out"], "readonly-out", True),
    ("clean: --out under read-only", [*EV, "--out", "{w}/readonly-out/o"], "readonly-out",
     True),
    ("reviews: --out is a file", [*RV, "--out", "{w}/a-file.txt"], "a-file.txt", False),
    ("report: --out is a file", [*RP, "--out", "{w}/a-file.txt"], "a-file.txt", False),
    ("report: --out under a file", [*RP, "--out", "{w}/a-file.txt/r"], "a-file.txt", False),
    ("report: --out read-only", [*RP, "--out", "{w}/readonly-out"], "readonly-out", True),
    ("report: --out under read-only", [*RP, "--out", "{w}/readonly-out/r"], "readonly-out",
     True),
    ("classify: --out is a folder", [*CL, "--out", "{w}/a-folder.csv"], "a-folder.csv", False),
    ("classify: --out under a file", [*CL, "--out", "{w}/a-file.txt/c.csv"], "a-file.txt",
     False),
    ("classify: --out in read-only", [*CL, "--out", "{w}/readonly-out/c.csv"], "readonly-out",
     True),
    ("classify: --out is its input", [*CL, "--out", "{w}/comments.csv"], "comments.csv", False),
    ("train: --out is a folder", [*TR, "--out", "{w}/a-folder.csv"], "a-folder.csv", False),
    ("train: --out under a file", [*TR, "--out", "{w}/a-file.txt/m.gz"], "a-file.txt", False),
    ("train: --out in read-only", [*TR, "--out", "{w}/readonly-out/m.gz"], "readonly-out",
     True),
    ("train: --out is its input", [*TR, "--out", "{w}/labelled.csv"], "labelled.csv", False),
    # inputs that cannot be read, or are folders
    ("clean: input unreadable", [*EV[:2], "{w}/locked-paper.csv", "--out", "{w}/o"],
     "locked-paper.csv", True),
    ("clean: input folder unreadable", [*EV[:2], "{w}/locked-dir", "--out", "{w}/o"],
     "locked-dir", True),
    ("clean: --mapping unreadable", [*EV, "--mapping", "{w}/locked-mapping.csv", "--out",
                                     "{w}/o"], "locked-mapping.csv", True),
    ("clean: --mapping is a folder", [*EV, "--mapping", "{w}/a-folder.csv", "--out", "{w}/o"],
     "a-folder.csv", False),
    ("reviews: --aliases unreadable", [*RV, "--aliases", "{w}/locked-aliases.csv", "--out",
                                       "{w}/o"], "locked-aliases.csv", True),
    ("reviews: --aliases is a folder", [*RV, "--aliases", "{w}/a-folder.csv", "--out",
                                        "{w}/o"], "a-folder.csv", False),
    ("report: --evaluations unreadable", ["report", "--evaluations", "{w}/locked-paper.csv",
                                          "--out", "{w}/r"], "locked-paper.csv", True),
    ("report: --sessions unreadable", [*RP, "--sessions", "{w}/locked-sessions.csv", "--out",
                                       "{w}/r"], "locked-sessions.csv", True),
    ("report: --sessions is a folder", [*RP, "--sessions", "{w}/a-folder.csv", "--out",
                                        "{w}/r"], "a-folder.csv", False),
    ("report: --actions unreadable", [*RP, "--actions", "{w}/locked-actions.csv", "--out",
                                      "{w}/r"], "locked-actions.csv", True),
    ("report: --actions is a folder", [*RP, "--actions", "{w}/a-folder.csv", "--out",
                                       "{w}/r"], "a-folder.csv", False),
    ("report: --aliases is a folder", [*RP, "--reviews", "{w}/reviews.csv", "--aliases",
                                       "{w}/a-folder.csv", "--out", "{w}/r"], "a-folder.csv",
     False),
    ("classify: input unreadable", [*CL[:2], "{w}/locked-comments.csv", *CL[3:], "--out",
                                    "{w}/c.csv"], "locked-comments.csv", True),
    ("classify: input is a folder", [*CL[:2], "{w}/a-folder.csv", *CL[3:], "--out",
                                     "{w}/c.csv"], "a-folder.csv", False),
    ("train: examples unreadable", [*TR[:2], "{w}/locked-labelled.csv", *TR[3:], "--out",
                                    "{w}/m.gz"], "locked-labelled.csv", True),
    ("train: examples is a folder", [*TR[:2], "{w}/a-folder.csv", *TR[3:], "--out",
                                     "{w}/m.gz"], "a-folder.csv", False),
    ("train: --codebook is a folder", [*TR[:4], "{w}/a-folder.csv", "--out", "{w}/m.gz"],
     "a-folder.csv", False),
    ("evaluate: examples unreadable", [*EVAL[:2], "{w}/locked-labelled.csv", *EVAL[3:]],
     "locked-labelled.csv", True),
    ("evaluate: examples is a folder", [*EVAL[:2], "{w}/a-folder.csv", *EVAL[3:]],
     "a-folder.csv", False),
    # model files: valid gzip JSON of the wrong shape, too deep, unreadable, a folder
    ("classify: model is a list", [*CL, "--model", "{w}/list-model.json.gz", "--out",
                                   "{w}/c.csv"], "list-model.json.gz", False),
    ("classify: model misses keys", [*CL, "--model", "{w}/keyless-model.json.gz", "--out",
                                     "{w}/c.csv"], "keyless-model.json.gz", False),
    ("classify: model is a string", [*CL, "--model", "{w}/string-model.json.gz", "--out",
                                     "{w}/c.csv"], "string-model.json.gz", False),
    ("classify: model nested deep", [*CL, "--model", "{w}/deep-model.json.gz", "--out",
                                     "{w}/c.csv"], "deep-model.json.gz", False),
    ("classify: model unreadable", [*CL, "--model", "{w}/locked-model.json.gz", "--out",
                                    "{w}/c.csv"], "locked-model.json.gz", True),
    ("classify: model is a folder", [*CL, "--model", "{w}/a-folder.csv", "--out",
                                     "{w}/c.csv"], "a-folder.csv", False),
    ("evaluate: model is a list", [*EVAL[:3], "--model", "{w}/list-model.json.gz"],
     "list-model.json.gz", False),
    ("evaluate: model misses keys", [*EVAL[:3], "--model", "{w}/keyless-model.json.gz"],
     "keyless-model.json.gz", False),
]


def _lock_down(w: Path) -> None:
    """Make the locked-* files and the read-only folder what their names say."""
    for path in w.glob("locked-*"):
        path.chmod(0)
    (w / "readonly-out").chmod(0o555)


@pytest.mark.parametrize(("case", "args", "name", "privileged"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_every_subcommand_gives_one_line_naming_the_file(world, capsys, case, args, name,
                                                         privileged):
    argv = [a.format(w=world) for a in args]
    before = {p: p.read_bytes() for p in world.rglob("*") if p.is_file()}
    if privileged:
        if UNPRIVILEGED is None:
            pytest.skip("permission bits cannot be made to apply to root here")
        _lock_down(world)
        done = subprocess.run([*UNPRIVILEGED, sys.executable, "-m", "coprod_analysis", *argv],
                              capture_output=True, text=True, timeout=600)
        status, err = done.returncode, done.stderr
    else:
        status = main(argv)
        err = capsys.readouterr().err
    one_line_error(status, err, name)
    for path, data in before.items():  # nothing was written over
        path.chmod(0o644)
        assert path.read_bytes() == data, path
    assert not leftovers(world)


def test_the_table_covers_every_subcommand():
    covered = {tuple(m[1][:2]) if m[1][0] in ("clean", "themes") else (m[1][0],)
               for m in MISTAKES}
    assert covered == {("clean", "evaluations"), ("clean", "reviews"), ("report",),
                       ("themes", "classify"), ("themes", "train"), ("themes", "evaluate")}


def test_the_report_refuses_to_write_over_its_actions_log(tmp_path, capsys):
    # An officer saved the actions log as reports/you-said-we-did.xlsx.
    out = tmp_path / "reports"
    out.mkdir()
    log = out / "you-said-we-did.xlsx"
    frame = pd.read_csv(SAMPLE / "actions.csv", dtype=str, keep_default_na=False)
    frame.to_excel(log, index=False)
    before = log.read_bytes()
    status = main(["report", "--evaluations", str(SAMPLE / "evaluations"), "--actions",
                   str(log), "--out", str(out)])
    line = one_line_error(status, capsys.readouterr().err, "reports",
                          "would overwrite an input")
    assert "you-said-we-did.xlsx" in line
    assert log.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["you-said-we-did.xlsx"]


def test_the_report_refuses_an_out_folder_holding_an_input_folder_file(tmp_path, capsys):
    folder = tmp_path / "exports"
    shutil.copytree(SAMPLE / "evaluations", folder)
    (folder / "you-said-we-did.html").write_text("<p>an officer's own page</p>")
    status = main(["report", "--evaluations", str(folder), "--out", str(folder)])
    one_line_error(status, capsys.readouterr().err, "would overwrite an input")
    assert (folder / "you-said-we-did.html").read_text() == "<p>an officer's own page</p>"


def test_output_piped_into_a_program_that_stops_reading_ends_quietly(tmp_path):
    # `coprod clean ... | head -1`: the reader is gone before coprod writes.
    for args in (["clean", "evaluations", FIXTURES / "paper.csv", "--out", tmp_path / "o"],
                 ["--help"]):
        child = subprocess.Popen([sys.executable, "-m", "coprod_analysis", *map(str, args)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        child.stdout.close()
        err = child.stderr.read().decode()
        status = child.wait(timeout=300)
        assert err == "", err
        assert status in (0, 141)
    assert status == 0  # --help: argparse's own status, nothing printed
    assert (tmp_path / "o" / "summary.json").is_file()  # the work itself was done


def test_a_closed_pipe_in_the_middle_of_printing_gives_status_141(tmp_path):
    child = subprocess.Popen([sys.executable, "-m", "coprod_analysis", "clean", "evaluations",
                              str(FIXTURES / "paper.csv"), "--out", str(tmp_path / "o")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()
    assert child.wait(timeout=300) == 141
    assert child.stderr.read() == b""


def test_an_unusable_model_cache_fits_without_it_and_says_so_once(tmp_path, monkeypatch,
                                                                  caplog):
    import logging

    import coprod_analysis.themes.model as model

    cache = tmp_path / "cache-is-a-file"
    cache.write_text("x")
    monkeypatch.setenv("COPROD_CACHE", str(cache))
    monkeypatch.setattr(model, "_IN_MEMORY", {})
    monkeypatch.setattr(model, "_UNUSABLE_CACHES", set())
    with caplog.at_level(logging.INFO, logger="coprod_analysis"):
        first = model.default_model(THEMES / "labelled.csv", THEMES / "codebook.csv")
        model._IN_MEMORY.clear()
        second = model.default_model(THEMES / "labelled.csv", THEMES / "codebook.csv")
    said = [r.getMessage() for r in caplog.records if "cannot be used" in r.getMessage()]
    assert len(said) == 1 and "cache-is-a-file" in said[0]
    assert first[1] == second[1]
    assert cache.read_text() == "x"


_CLASSIFY_WITH_A_SMALL_DEFAULT = textwrap.dedent("""
    import functools, sys
    from pathlib import Path
    import coprod_analysis.themes as themes
    from coprod_analysis.cli import main

    # The bundled model takes minutes to fit on a loaded machine: a small one stands in.
    small = Path(sys.argv[1])
    themes.default_model = functools.partial(themes.default_model, small / "labelled.csv",
                                             small / "codebook.csv")
    sys.exit(main(sys.argv[2:]))
""")


@needs_permissions
@pytest.mark.parametrize("mode", [0o555, 0o000])
def test_an_unwritable_or_unreadable_model_cache_still_classifies(world, mode):
    cache = world / "cache"
    cache.mkdir()
    cache.chmod(mode)
    done = subprocess.run([*UNPRIVILEGED, sys.executable, "-c", _CLASSIFY_WITH_A_SMALL_DEFAULT,
                           str(THEMES), "-v", "themes", "classify", str(world / "comments.csv"),
                           "--text-column", "improve", "--out", str(world / "coded.csv")],
                          capture_output=True, text=True, timeout=600, cwd=REPO,
                          env={**os.environ, "COPROD_CACHE": str(cache)})
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("cannot be used") == 1, done.stderr
    assert "permission denied" in done.stderr
    assert (world / "coded.csv").is_file()
    cache.chmod(0o755)
    assert list(cache.iterdir()) == []


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path, capsys):
    path = tmp_path / "March\nexport\x1b[31m.csv"
    path.write_bytes(b"")
    status = main(["clean", "evaluations", str(path), "--out", str(tmp_path / "o")])
    line = one_line_error(status, capsys.readouterr().err, "March\\nexport\\x1b[31m.csv")
    assert "\x1b" not in line


def test_an_os_error_nobody_foresaw_is_still_one_line_naming_the_file(monkeypatch, capsys,
                                                                      tmp_path):
    import errno

    import coprod_analysis.clean.evaluations as evaluations

    def disk_gone(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", "/mnt/usb/export.csv")

    monkeypatch.setattr(evaluations, "load_evaluations", disk_gone)
    status = main(["clean", "evaluations", str(FIXTURES / "paper.csv"), "--out",
                   str(tmp_path / "o")])
    one_line_error(status, capsys.readouterr().err, "/mnt/usb/export.csv", "input/output")


# --- 2. Outputs whole as a set --------------------------------------------------------------


def _old_set(out: Path) -> dict[str, bytes]:
    write_files(out, {"evaluations.csv": pd.DataFrame({"a": ["old"]}),
                      "quarantine.csv": pd.DataFrame({"a": ["old"]})},
                {"summary.json": {"run": "old"}})
    return {p.name: p.read_bytes() for p in out.iterdir()}


NEW_TABLES = {"evaluations.csv": pd.DataFrame({"a": ["new"]}),
              "quarantine.csv": pd.DataFrame({"a": ["new"]})}


def test_a_move_that_fails_part_way_puts_the_previous_set_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = _old_set(out)
    real = os.replace
    moved = []

    def fail_on_the_summary(source, target):
        if Path(target).name == "summary.json":
            raise OSError(5, "Input/output error", str(target))
        moved.append(Path(target).name)
        real(source, target)

    monkeypatch.setattr(os, "replace", fail_on_the_summary)
    with pytest.raises(CoprodError, match="previous files are unchanged"):
        write_files(out, NEW_TABLES, {"summary.json": {"run": "new"}})
    monkeypatch.undo()
    assert moved[:2] == ["evaluations.csv", "quarantine.csv"]  # two had moved...
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # ...and were put back


def test_a_new_file_of_a_failed_set_is_removed_again(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = _old_set(out)
    real = os.replace

    def fail_on_the_summary(source, target):
        if Path(target).name == "summary.json":
            raise OSError(28, "No space left on device", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", fail_on_the_summary)
    with pytest.raises(CoprodError, match="disk is full"):
        write_files(out, {**NEW_TABLES, "problems.csv": pd.DataFrame({"a": [1]})},
                    {"summary.json": {}})
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def test_a_file_open_in_excel_is_named_and_nothing_is_replaced(tmp_path, monkeypatch):
    import builtins

    import coprod_analysis.output as output

    out = tmp_path / "out"
    old = _old_set(out)
    real_open = builtins.open

    def excel_has_it(file, mode="r", *args, **kwargs):  # Windows, with Excel holding it
        if Path(file).name == "quarantine.csv" and Path(file).parent == out and "+" in mode:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(output, "_ON_WINDOWS", True)
    monkeypatch.setattr(output, "open", excel_has_it, raising=False)
    with pytest.raises(CoprodError) as caught:
        write_files(out, NEW_TABLES, {"summary.json": {"run": "new"}})
    message = str(caught.value)
    assert "quarantine.csv" in message and "close the file in Excel and run again" in message
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def test_an_output_file_made_read_only_keeps_the_previous_set(tmp_path):
    out = tmp_path / "out"
    old = _old_set(out)
    protected = out / "summary.json"
    done = subprocess.run(["chattr", "+i", str(protected)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not possible here: {done.stderr.decode().strip()}")
    try:
        with pytest.raises(CoprodError, match="summary.json cannot be replaced"):
            write_files(out, NEW_TABLES, {"summary.json": {"run": "new"}})
    finally:
        subprocess.run(["chattr", "-i", str(protected)], check=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


_KILLED_WRITER = textwrap.dedent("""
    import sys, time
    import pandas as pd
    import coprod_analysis.output as output
    from coprod_analysis.output import write_files

    real = output.write_csv
    def slow(table, path):
        real(table, path)
        if path.name == "quarantine.csv":  # evaluations.csv is whole, this one too
            print("written", flush=True)
            time.sleep(600)
    output.write_csv = slow
    rows = pd.DataFrame({"name": ["Jo Bloggs, 0113 496 0123"] * 100})
    write_files(sys.argv[1], {"evaluations.csv": rows, "quarantine.csv": rows,
                              "problems.csv": rows}, {"summary.json": {"run": "killed"}})
""")


def test_a_run_killed_mid_write_leaves_the_previous_set_and_the_next_run_removes_its_data(
        tmp_path):
    out = tmp_path / "out"
    old = _old_set(out)
    child = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(out)],
                             stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert child.stdout.readline().strip() == "written"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    # The previous set is whole; the killed run's respondent data is in its
    # temporary folder, visible (not hidden), and nowhere else.
    unfinished = [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]
    assert len(unfinished) == 1 and not unfinished[0].name.startswith(".")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == old
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    # The next run removes it.
    write_files(out, NEW_TABLES, {"summary.json": {"run": "next"}})
    assert sorted(p.name for p in out.iterdir()) == ["evaluations.csv", "quarantine.csv",
                                                     "summary.json"]
    everything = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"Jo Bloggs" not in everything


def test_the_command_killed_at_any_moment_leaves_a_whole_set_or_the_previous_one(tmp_path):
    rows = (FIXTURES / "paper.csv").read_text(encoding="cp1252").splitlines()
    big = tmp_path / "big.csv"
    big.write_text("\n".join([rows[0], *[rows[1].replace("March", "May")] * 60_000]) + "\n")
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(FIXTURES / "paper.csv"), "--out", str(out),
                 "-q", "--no-themes"]) == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    for _ in range(2):
        child = subprocess.Popen([sys.executable, "-m", "coprod_analysis", "clean",
                                  "evaluations", str(big), "--out", str(out), "-q",
                                  "--no-themes"], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 300
        while child.poll() is None and time.monotonic() < deadline:
            if any(p.name.startswith(STAGING_PREFIX) for p in out.iterdir()):
                pass
                break
            time.sleep(0.001)
        child.kill()
        child.wait(timeout=60)
        now = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
        if now != old:  # it finished first: then the whole new set is there
            summary = json.loads(now["summary.json"])
            assert summary["rows_read"] == 60_000
            old = now
    assert main(["clean", "evaluations", str(FIXTURES / "paper.csv"), "--out", str(out),
                 "-q", "--no-themes"]) == 0
    assert not leftovers(tmp_path)


def test_two_runs_writing_the_same_out_leave_one_whole_set(tmp_path):
    out = tmp_path / "out"
    runs = []
    for name in ("paper.csv", "googleforms.csv"):
        runs.append(subprocess.Popen([sys.executable, "-m", "coprod_analysis", "clean",
                                      "evaluations", str(FIXTURES / name), "--out", str(out),
                                      "-q", "--no-themes"], stderr=subprocess.PIPE,
                                     text=True))
    for run in runs:
        assert run.wait(timeout=600) == 0, run.stderr.read()
    summary = json.loads((out / "summary.json").read_text())
    with open(out / "evaluations.csv", newline="", encoding="utf-8") as handle:
        sources = {row["source_file"] for row in csv.DictReader(handle)}
    assert sources == set(summary["files"])  # the table and its summary are one run's
    assert summary["rows_clean"] == len(pd.read_csv(out / "evaluations.csv"))
    assert not leftovers(tmp_path)


# --- 3. Limits on resources -----------------------------------------------------------------


def test_a_5_kb_workbook_with_a_cell_at_xfd1048576_is_refused_before_allocating(tmp_path):
    import resource

    path = write_xlsx_parts(tmp_path / "tiny.xlsx", {(1, 1): "Date", (1048576, 16384): "x"})
    assert path.stat().st_size < 5 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(CoprodError) as caught:
        read_grid(path)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    message = str(caught.value)
    # 1,048,576 rows x 16,384 columns = 17,179,869,184 cells, worked out by hand.
    assert "17,179,869,184 cells" in message and "20,000,000 cells" in message
    assert "tiny.xlsx" in message and "\n" not in message
    assert grown_mb < 200


def test_a_declared_range_that_is_absurd_is_refused_before_the_sheet_is_read(tmp_path,
                                                                              monkeypatch):
    import coprod_analysis.read.grid as grid

    path = write_xlsx_parts(tmp_path / "declared.xlsx", {(1, 1): "Date"},
                            dimension="A1:XFD1048576")
    monkeypatch.setattr(grid, "_sheet_rows", lambda *a: pytest.fail("the sheet was read"))
    with pytest.raises(CoprodError, match=r"declares the range A1:XFD1048576.*20,000,000"):
        read_grid(path)


def test_the_cell_cap_is_on_rows_times_the_widest_row(tmp_path, monkeypatch):
    import coprod_analysis.read.grid as grid

    monkeypatch.setattr(grid, "MAX_SHEET_CELLS", 100)
    ok = write_xlsx_parts(tmp_path / "ok.xlsx", {(r, c): "x" for r in range(1, 11)
                                                 for c in range(1, 11)})
    assert read_grid(ok).records.shape == (10, 10)  # exactly 100 cells: read
    wide = write_xlsx_parts(tmp_path / "wide.xlsx", {(1, 1): "x", (10, 11): "y"})
    with pytest.raises(CoprodError, match=r"10 rows by 11 columns \(110 cells\)"):
        read_grid(wide)


def test_a_workbook_that_inflates_past_the_limit_is_refused(tmp_path, monkeypatch):
    import coprod_analysis.limits as limits

    monkeypatch.setattr(limits, "MAX_WORKBOOK_INFLATED", 2000)
    path = write_xlsx_parts(tmp_path / "bomb.xlsx", {(1, 1): "x" * 5000})
    with pytest.raises(CoprodError, match="workbooks over 1.95 KB unpacked are not read"):
        read_grid(path)


def test_a_csv_above_the_limit_is_refused_with_the_limit(tmp_path, monkeypatch):
    import coprod_analysis.limits as limits

    monkeypatch.setattr(limits, "MAX_CSV_BYTES", 1024)
    path = tmp_path / "big.csv"
    path.write_text("Date,Overall\n" + "20/03/2018,Good\n" * 100)  # 13 + 1600 bytes
    with pytest.raises(CoprodError, match=r"the file is 1.58 KB; CSV files over 1 KB"):
        load_evaluations(path)


def test_the_csv_limit_is_documented_with_its_value():
    from coprod_analysis.limits import MAX_CSV_BYTES, MAX_MODEL_INFLATED, MAX_SHEET_CELLS

    doc = (REPO / "docs" / "cleaning.md").read_text()
    assert MAX_CSV_BYTES == 1 << 30 and "1 GB" in doc
    assert MAX_SHEET_CELLS == 20_000_000 and "20,000,000 cells" in doc
    assert MAX_MODEL_INFLATED == 200 << 20 and "200 MB" in doc


def test_a_device_named_like_a_csv_is_refused_not_read_forever(tmp_path):
    link = tmp_path / "zeros.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(CoprodError, match="not a regular file"):
        read_grid(link)


def test_a_model_that_inflates_past_200_mb_is_refused_without_inflating_it(tmp_path):
    from coprod_analysis.themes import load_model

    path = tmp_path / "bomb.json.gz"
    chunk = b" " * (1 << 20)
    with gzip.open(path, "wb", compresslevel=1) as handle:
        for _ in range(201):
            handle.write(chunk)
    assert path.stat().st_size < 2 << 20
    with pytest.raises(CoprodError, match=r"too large when inflated \(over 200 MB"):
        load_model(path)


def test_a_model_nested_deeper_than_the_cap_is_refused_before_parsing(tmp_path, monkeypatch):
    import coprod_analysis.themes.model as model

    monkeypatch.setattr(model.json, "loads", lambda *a, **k: pytest.fail("it was parsed"))
    path = tmp_path / "deep.json.gz"
    path.write_bytes(gzip.compress(b'{"format": [' * 40 + b"]}" * 40))
    with pytest.raises(CoprodError, match="nested more than 32 deep"):
        model.load_model(path)


# --- 4. Spreadsheet and value edge cases ----------------------------------------------------


def test_a_1904_workbook_reads_its_date_cells_in_its_own_system(tmp_path):
    # 2018-03-20 is serial 43179 in the 1900 system, and 43179 - 1462 = 41717 in 1904's.
    path = write_xlsx_parts(tmp_path / "mac.xlsx",
                            {(1, 1): "Date of the session", (1, 2): "Overall",
                             (1, 3): "I feel more confident to get involved in co-production",
                             (2, 1): 41717, (2, 2): "Good", (2, 3): "Agree"},
                            date1904=True, styles={(2, 1): 1})
    result = load_evaluations(path)
    assert str(result.data["session_date"].iloc[0].date()) == "2018-03-20"
    assert any("1904" in n for n in result.summary["files"]["mac.xlsx"]["notes"])


def test_formulas_are_read_as_the_values_excel_saved_and_their_text_without_one(tmp_path):
    # As a paper form typed into Excel holds them: the venue copied down (=B2), a date
    # and a score worked out; one formula a program wrote without a value; and text an
    # officer typed that only starts with "=" (a string cell, no formula).
    cells = {(1, 1): "Date of the session", (1, 2): "Where did you attend?", (1, 3): "Overall",
             (1, 4): "One thing you'll take away",
             (2, 1): "20/03/2018", (2, 2): "Seacroft Hub", (2, 3): "Good",
             (2, 4): "=not a formula, just typed",
             (3, 1): ("raw", "><f>DATE(2018,3,21)</f><v>43180</v>"),
             (3, 2): ("raw", ' t="str"><f>B2</f><v>Seacroft Hub</v>'),
             (3, 3): ("raw", ' t="str"><f>IF(1,"Poor")</f><v>Poor</v>'),
             (3, 4): ("raw", "><f>B2</f>"),  # no saved value
             }
    path = write_xlsx_parts(tmp_path / "typed.xlsx", cells, styles={(3, 1): 1})
    result = load_evaluations(path)
    data = result.data
    assert [str(d.date()) for d in data["session_date"]] == ["2018-03-20", "2018-03-21"]
    assert data["venue"].tolist() == ["Seacroft Hub", "Seacroft Hub"]  # one session
    assert data["session_id"].nunique() == 2  # two dates, one venue
    assert data["overall"].tolist() == [4, 2]
    assert data["takeaway"].tolist() == ["=not a formula, just typed", "=B2"]
    notes = result.summary["files"]["typed.xlsx"]["notes"]
    assert "3 formula cells were read as the values Excel saved (=A2 as what A2 held)" in notes
    assert "1 formula cells had no saved value and were read as their text (=A2)" in notes
    assert not any("array" in n for n in notes)


def test_array_formulas_become_their_saved_value_never_an_object(tmp_path):
    formula = '><f t="array" ref="{ref}">{text}</f><v>{value}</v>'
    cells = {(1, 1): "Date of the session", (1, 2): "Overall",
             (1, 3): "One thing you'll take away",
             (2, 1): "20/03/2018",
             (2, 2): ("raw", ' t="str"' + formula.format(ref="B2", text='IF(1,"Good")',
                                                         value="Good")),
             (2, 3): ("raw", ' t="str"><f t="array" ref="C2">UPPER("x")</f>'),  # no saved value
             (3, 1): "21/03/2018", (3, 2): "Poor", (3, 3): "fine"}
    path = write_xlsx_parts(tmp_path / "array.xlsx", cells)
    result = load_evaluations(path)
    assert result.data["overall"].tolist() == [4, 2]
    assert result.data["takeaway"].isna().tolist() == [True, False]
    notes = result.summary["files"]["array.xlsx"]["notes"]
    assert "2 array formula cells were read as the values Excel saved" in notes
    assert "1 array formula cells had no saved value and were left empty" in notes
    written = write_files(tmp_path / "o", result.tables(), {"summary.json": result.summary})
    text = "".join(p.read_text() for p in written)
    assert "Formula" not in text and "object at 0x" not in text


HEADER = ["Date of the session", "Overall", "I feel more confident to get involved in "
          "co-production"]


def test_tsv_ods_and_xls_in_a_folder_are_read_and_other_spreadsheets_listed(tmp_path):
    import xlwt

    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.tsv").write_text("\t".join(HEADER) + "\n20/03/2018\tGood\tAgree\n")
    write_ods(folder / "b.ods", [("Form", [
        ods_row(*(ods_cell(h) for h in HEADER), ods_cell(None, 1000)),
        ods_row(ods_cell(("date", "2018-03-21")), ods_cell("Poor"), ods_cell("Disagree"),
                ods_cell(None, 16000)),
        ods_row(ods_cell(None, 1024), repeat=1_048_000)])])
    book = xlwt.Workbook()
    sheet = book.add_sheet("Responses")
    for column, value in enumerate(HEADER):
        sheet.write(0, column, value)
    sheet.write(1, 0, pd.Timestamp("2018-03-22").to_pydatetime(),
                xlwt.easyxf(num_format_str="DD/MM/YYYY"))
    sheet.write(1, 1, "Very good")
    sheet.write(1, 2, 5.0)
    book.save(str(folder / "c.xls"))
    (folder / "d.numbers").write_bytes(b"PK\x03\x04 an Apple Numbers file")
    result = load_evaluations(folder)
    # One response in each readable file, worked out by hand.
    assert result.summary["rows_read"] == 3 and result.summary["rows_clean"] == 3
    got = result.data.sort_values("session_date")
    assert [str(d.date()) for d in got["session_date"]] == ["2018-03-20", "2018-03-21",
                                                            "2018-03-22"]
    assert got["overall"].tolist() == [4, 2, 5]
    assert got["outcome_confidence"].tolist() == [4, 2, 5]
    assert result.summary["files_skipped"] == {
        "d.numbers": "Apple Numbers files are not read; export it as .xlsx or .csv"}


def test_an_xls_and_an_ods_that_are_damaged_are_one_line_errors(tmp_path):
    for name, data in (("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
                       ("calc.ods", b"PK\x03\x04 truncated"), ("x.xls", b"plain words")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(CoprodError) as caught:
            load_evaluations(path)
        assert name in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("answer", ["-1", "-5", " - 3", "\u22124", "(-2)", "0", "6"])
def test_a_negative_or_out_of_range_likert_answer_is_a_problem(tmp_path, answer):
    path = tmp_path / "neg.csv"
    path.write_text(f'{",".join(HEADER)}\n20/03/2018,Good,"{answer}"\n')
    result = load_evaluations(path)
    assert pd.isna(result.data["outcome_confidence"].iloc[0])
    problems = result.problems
    assert problems["field"].tolist() == ["outcome_confidence"]
    assert problems["raw_value"].str.strip().tolist() == [answer.strip()]


def test_aliases_chains_resolve_to_their_end(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,group\nLeeds PAG,Leeds North PAG\n"
                       "Leeds North PAG,North Leeds Patient Group\n")
    exports = tmp_path / "reviews.csv"
    exports.write_text("Name of your group,Date,What kind of group is it?\n"
                       "Leeds PAG,01/07/2018,Patient Assurance Group\n"
                       "Leeds North PAG,01/08/2018,Patient Assurance Group\n"
                       "North Leeds Patient Group,01/09/2018,Patient Assurance Group\n")
    result = load_reviews(exports, aliases=aliases, themes=False)
    assert result.data["group_id"].nunique() == 1
    assert set(result.data["group"]) == {"North Leeds Patient Group"}
    assert sorted(result.data["review_number"]) == [1, 2, 3]


def test_an_aliases_circle_is_refused_naming_it(tmp_path, capsys):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,group\nOak PPG,Elm PPG\nElm PPG,Ash PPG\nAsh PPG,Oak PPG\n")
    status = main(["clean", "reviews", str(FIXTURES / "reviews-paper.csv"), "--aliases",
                   str(aliases), "--out", str(tmp_path / "o")])
    line = one_line_error(status, capsys.readouterr().err, "aliases.csv", "circle")
    for name in ("'Oak PPG'", "'Elm PPG'", "'Ash PPG'", "lines 2, 3, 4"):
        assert name in line


def test_an_alias_given_two_groups_is_refused(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,group\nOak PPG,Elm PPG\nOak PPG,Ash PPG\n")
    with pytest.raises(CoprodError, match=r"'Oak PPG' is given two groups: 'Elm PPG' \(line 2\)"
                                          r" and 'Ash PPG' \(line 3\)"):
        load_reviews(FIXTURES / "reviews-paper.csv", aliases=aliases)
