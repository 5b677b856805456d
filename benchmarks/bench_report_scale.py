"""Benchmark ``coprod report`` on a large cleaned evaluations table against reading it.

Generates a Google Forms export of N synthetic responses (default
1,000,000), cleans it once (``coprod clean evaluations``, themes inferred),
then, in the same run, each in a fresh Python process, ``--repeat`` times,
interleaved:

- the **baseline**: ``pandas.read_csv`` of the cleaned ``evaluations.csv``
  (reading the report's input, nothing more);
- the **job**: ``coprod report --evaluations evaluations.csv``;
- for comparison, ``pandas.read_csv(..., low_memory=False)``: pandas' default
  reads in chunks and infers each column's type per chunk, and how long that
  takes moves with the lengths of the values (the same rows with a file name
  of 6 letters in place of 10 in one column took 2.5 times as long), which
  the read in one piece does much less. The target is judged against the
  default all the same.

The work is timed inside each process, imports excluded for both: the
baseline imports pandas before its clock starts, the job the modules
``coprod report`` imports (pandas, pyarrow, matplotlib, scipy, jinja2 through
the report's own modules), which the command imports lazily, inside its run.
Each process's wall time, start-up and imports included, is reported too.
Target (issue 16): the report at most 3x reading its inputs.

Usage::

    python benchmarks/bench_report_scale.py                # 1,000,000 responses
    python benchmarks/bench_report_scale.py --rows 100000 --repeat 2
    python benchmarks/bench_report_scale.py --evaluations out/evaluations.csv  # as cleaned
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import bench_main, peak_rss, run_child, versions

TARGET_RATIO = 3.0


def _child(kind: str, source: str, out_dir: str) -> None:
    import contextlib
    import io

    if kind in ("baseline", "whole-read"):
        import pandas as pd

        start = time.perf_counter()
        pd.read_csv(source, low_memory=kind == "baseline")
        seconds = time.perf_counter() - start
    else:
        # What the command imports inside its run, imported first: imports are excluded
        # for the job as they are for the baseline (pandas, above).
        import coprod_analysis.output  # noqa: F401
        import coprod_analysis.report.inputs  # noqa: F401
        import coprod_analysis.report.render  # noqa: F401
        from coprod_analysis.cli import main

        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            status = main(["report", "--evaluations", source, "--out", out_dir])
        seconds = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"coprod report failed with status {status}")
    print(json.dumps({"seconds": seconds, "peak_bytes": peak_rss()}))


def run(repeat: int, rows: int, evaluations: Path | None = None) -> dict:
    """Measure; ``evaluations``: an ``evaluations.csv`` already cleaned, used as it is
    (``rows`` is then its number of rows, counted), else ``rows`` are made and cleaned."""
    with tempfile.TemporaryDirectory(prefix="coprod-bench-") as folder:
        folder = Path(folder)
        if evaluations is None:
            table = _cleaned(folder, rows)
        else:
            import pandas as pd

            table = evaluations
            rows = len(pd.read_csv(table, usecols=["source_row"]))
        size = table.stat().st_size
        results: dict[str, list[dict]] = {"baseline": [], "whole-read": [], "report": []}
        for attempt in range(repeat):
            for kind in results:
                measured = run_child(__file__, [kind, str(table), str(folder / f"r{attempt}")])
                results[kind].append(measured)
                print(f"  {kind:8s} run {attempt + 1}: {measured['seconds']:.2f} s, "
                      f"peak {measured['peak_bytes'] / 1e6:.0f} MB", file=sys.stderr)
    base = statistics.median(r["seconds"] for r in results["baseline"])
    whole = statistics.median(r["seconds"] for r in results["whole-read"])
    job = statistics.median(r["seconds"] for r in results["report"])
    walls = {kind: statistics.median(r["wall_seconds"] for r in runs)
             for kind, runs in results.items()}
    return {"rows": rows, "file_bytes": size, "repeat": repeat,
            "baseline_seconds_median": round(base, 3), "report_seconds_median": round(job, 3),
            "ratio": round(job / base, 2),
            "whole_read_seconds_median": round(whole, 3),
            "ratio_to_whole_read": round(job / whole, 2),
            "baseline_wall_seconds_median": round(walls["baseline"], 3),
            "report_wall_seconds_median": round(walls["report"], 3),
            "report_peak_bytes": max(r["peak_bytes"] for r in results["report"]),
            "target_ratio": TARGET_RATIO, "versions": versions()}


def _cleaned(folder: Path, rows: int) -> Path:
    """``rows`` synthetic responses, exported and cleaned into ``folder``."""
    from coprod_analysis.cli import main
    from coprod_analysis.synthetic import write_google_forms_export

    export = write_google_forms_export(folder / "export.csv", rows)
    start = time.perf_counter()
    if main(["clean", "evaluations", str(export), "--out", str(folder / "clean"), "-q"]):
        raise SystemExit("cleaning failed")
    print(f"cleaned {rows:,} responses in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    return folder / "clean" / "evaluations.csv"


def report(result: dict) -> str:
    met = "meets" if result["ratio"] <= TARGET_RATIO else "misses"
    return "\n".join([
        f"{result['rows']:,} cleaned responses ({result['file_bytes'] / 1e6:.0f} MB "
        f"evaluations.csv), median of {result['repeat']} runs "
        f"({result['versions']['machine']}, Python {result['versions']['python']}, "
        f"pandas {result['versions']['pandas']})",
        "",
        "| | time (s) | wall, with start-up and imports (s) |",
        "|---|---:|---:|",
        f"| `pandas.read_csv` of evaluations.csv (baseline) | "
        f"{result['baseline_seconds_median']:.2f} | {result['baseline_wall_seconds_median']:.2f} |",
        f"| the same with `low_memory=False` (no chunks; for comparison) | "
        f"{result['whole_read_seconds_median']:.2f} | |",
        f"| `coprod report --evaluations evaluations.csv` | "
        f"{result['report_seconds_median']:.2f} | {result['report_wall_seconds_median']:.2f} |",
        "",
        f"The report takes **{result['ratio']}x** reading its input ({met} the target of "
        f"{TARGET_RATIO:g}x); peak memory {result['report_peak_bytes'] / 1e6:.0f} MB. "
        f"Against the read without chunks: {result['ratio_to_whole_read']}x.",
    ])


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1_000_000, help="responses to generate")
    parser.add_argument("--evaluations", type=Path,
                        help="an evaluations.csv coprod clean wrote, measured as it is "
                             "(instead of --rows generated and cleaned)")


def main(argv: list[str] | None = None) -> int:
    return bench_main(argv, __doc__, _child, run, report, child_args=3, options=_options)


if __name__ == "__main__":
    raise SystemExit(main())
