"""The speed benchmarks of issue 16 still run: each script, at a tiny size, prints the
ratio it exists to measure and writes its JSON (the figures themselves are measured
by hand on a quiet machine and written into docs/benchmarks.md, never in tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def run_script(name: str, *args: str, out: Path) -> dict:
    done = subprocess.run([sys.executable, str(BENCHMARKS / name), *args, "--json", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=BENCHMARKS)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "x" in done.stdout and "target" in done.stdout, done.stdout
    return json.loads(out.read_text())


@pytest.mark.parametrize("extra", [[], ["--distinct"]])
def test_the_cleaning_benchmark_measures_a_ratio(tmp_path, extra):
    result = run_script("bench_clean.py", "--rows", "400", "--repeat", "1", *extra,
                        out=tmp_path / "clean.json")
    assert result["rows"] == 400 and result["time_ratio"] > 0
    assert result["distinct_free_text"] is bool(extra)
    # the clock inside the process leaves out start-up and imports; the whole process not
    assert result["clean_wall_seconds_median"] > result["clean_seconds_median"]


def test_the_report_benchmark_measures_a_ratio_on_a_table_it_cleans(tmp_path):
    result = run_script("bench_report_scale.py", "--rows", "400", "--repeat", "1",
                        out=tmp_path / "report.json")
    assert result["ratio"] > 0 and result["ratio_to_whole_read"] > 0


def test_the_redaction_benchmark_measures_a_ratio(tmp_path):
    result = run_script("bench_redact.py", "--comments", "3000", "--repeat", "1",
                        out=tmp_path / "redact.json")
    assert result["ratio"] > 0 and result["many_cpu_ratio"] > 0


def test_the_report_benchmark_measures_a_table_already_cleaned(tmp_path):
    from coprod_analysis.cli import main

    sample = sorted((BENCHMARKS.parent / "data" / "sample" / "evaluations").glob("*"))
    assert main(["clean", "evaluations", *map(str, sample), "--out", str(tmp_path / "c"),
                 "-q", "--no-themes"]) == 0
    result = run_script("bench_report_scale.py", "--evaluations",
                        str(tmp_path / "c" / "evaluations.csv"), "--repeat", "1",
                        out=tmp_path / "report.json")
    assert result["ratio"] > 0
