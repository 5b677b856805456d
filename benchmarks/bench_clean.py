"""Benchmark ``coprod clean evaluations`` against a bare ``pandas.read_csv``.

Generates a Google Forms export of N synthetic responses (default 1,000,000),
then, in the same run and on the same file, measures:

- the baseline: ``pandas.read_csv(FILE)`` with pandas' defaults;
- the job: ``coprod clean evaluations FILE --out DIR`` (read, map, clean,
  redact, de-duplicate, infer improvement themes and write every output),
  and the same with ``--no-themes``.

Each is run in a fresh Python process, ``--repeat`` times; the work itself is
timed inside the process (imports excluded for both) and the process's peak
resident memory is read from ``getrusage``. The report gives the ratio of
the medians (target: clean <= 3x the bare read) and peak memory against the
file's size (target: <= 4x).

Usage::

    python benchmarks/bench_clean.py                 # 1,000,000 responses
    python benchmarks/bench_clean.py --rows 100000 --repeat 5
    python benchmarks/bench_clean.py --json benchmarks/results/latest.json
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

TARGET_TIME_RATIO = 3.0
TARGET_MEMORY_RATIO = 4.0


def _child(kind: str, source: str, out_dir: str) -> None:
    """Run one measurement in this process and print it as JSON."""
    if kind == "baseline":
        import pandas as pd

        start = time.perf_counter()
        frame = pd.read_csv(source)
        seconds = time.perf_counter() - start
        rows = len(frame)
    else:
        from coprod_analysis.cli import main

        extra = ["--no-themes"] if kind == "clean-no-themes" else []
        start = time.perf_counter()
        status = main(["clean", "evaluations", source, "--out", out_dir, "-q", *extra])
        seconds = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"coprod clean failed with status {status}")
        rows = json.loads((Path(out_dir) / "summary.json").read_text())["rows_read"]
    print(json.dumps({"seconds": seconds, "peak_bytes": peak_rss(), "rows": rows}))


def _measure(kind: str, source: Path, out_dir: Path) -> dict:
    return run_child(__file__, [kind, str(source), str(out_dir)])


def run(repeat: int, rows: int, data: Path | None) -> dict:
    """Generate the export (unless given) and measure both jobs ``repeat`` times."""
    from coprod_analysis.synthetic import write_google_forms_export

    with tempfile.TemporaryDirectory(prefix="coprod-bench-") as folder:
        folder = Path(folder)
        if data is None:
            data = folder / "google-forms-export.csv"
            start = time.perf_counter()
            write_google_forms_export(data, rows)
            print(f"generated {rows:,} responses in {time.perf_counter() - start:.1f} s "
                  f"({data.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
        size = data.stat().st_size
        results: dict[str, list[dict]] = {"baseline": [], "clean": [], "clean-no-themes": []}
        for attempt in range(repeat):
            for kind in results:  # interleaved, so drift hits all alike
                measured = _measure(kind, data, folder / f"out-{attempt}")
                results[kind].append(measured)
                print(f"  {kind:8s} run {attempt + 1}: {measured['seconds']:.2f} s, "
                      f"peak {measured['peak_bytes'] / 1e6:.0f} MB", file=sys.stderr)
    base_s = statistics.median(r["seconds"] for r in results["baseline"])
    clean_s = statistics.median(r["seconds"] for r in results["clean"])
    plain_s = statistics.median(r["seconds"] for r in results["clean-no-themes"])
    base_mem = max(r["peak_bytes"] for r in results["baseline"])
    clean_mem = max(r["peak_bytes"] for r in results["clean"])
    return {
        "rows": results["clean"][0]["rows"],
        "file_bytes": size,
        "repeat": repeat,
        "baseline_seconds_median": round(base_s, 3),
        "clean_seconds_median": round(clean_s, 3),
        "time_ratio": round(clean_s / base_s, 2),
        "clean_no_themes_seconds_median": round(plain_s, 3),
        "time_ratio_no_themes": round(plain_s / base_s, 2),
        "baseline_peak_bytes": base_mem,
        "clean_peak_bytes": clean_mem,
        "clean_memory_ratio_to_file": round(clean_mem / size, 2),
        "baseline_memory_ratio_to_file": round(base_mem / size, 2),
        "targets": {"time_ratio": TARGET_TIME_RATIO, "memory_ratio": TARGET_MEMORY_RATIO},
        "versions": versions(),
    }


def report(result: dict) -> str:
    """The result as a Markdown table, ready for ``docs/benchmarks.md``."""
    mb = 1e6
    ok_time = "meets" if result["time_ratio"] <= TARGET_TIME_RATIO else "misses"
    ok_mem = "meets" if result["clean_memory_ratio_to_file"] <= TARGET_MEMORY_RATIO else "misses"
    return "\n".join([
        f"{result['rows']:,} responses, {result['file_bytes'] / mb:.0f} MB CSV, "
        f"median of {result['repeat']} runs ({result['versions']['machine']}, "
        f"Python {result['versions']['python']}, pandas {result['versions']['pandas']}, "
        f"pyarrow {result['versions']['pyarrow']})",
        "",
        "| | time (s) | peak memory (MB) | memory / file size |",
        "|---|---:|---:|---:|",
        f"| bare `pandas.read_csv` (baseline) | {result['baseline_seconds_median']:.2f} | "
        f"{result['baseline_peak_bytes'] / mb:.0f} | {result['baseline_memory_ratio_to_file']} |",
        f"| `coprod clean evaluations` | {result['clean_seconds_median']:.2f} | "
        f"{result['clean_peak_bytes'] / mb:.0f} | {result['clean_memory_ratio_to_file']} |",
        f"| `coprod clean evaluations --no-themes` | "
        f"{result['clean_no_themes_seconds_median']:.2f} | | |",
        "",
        f"Without inferring themes: **{result['time_ratio_no_themes']}x** the bare read.",
        f"Time ratio clean / baseline: **{result['time_ratio']}x** ({ok_time} the target of "
        f"{TARGET_TIME_RATIO:g}x). Peak memory: **{result['clean_memory_ratio_to_file']}x** "
        f"the file's size ({ok_mem} the target of {TARGET_MEMORY_RATIO:g}x).",
    ])


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1_000_000, help="responses to generate")
    parser.add_argument("--data", type=Path, help="use this export instead of generating one")


def main(argv: list[str] | None = None) -> int:
    return bench_main(argv, __doc__, _child, run, report, child_args=3, options=_options)


if __name__ == "__main__":
    raise SystemExit(main())
