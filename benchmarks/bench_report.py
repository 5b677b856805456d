"""Benchmark ``coprod report`` on the bundled sample against reading its inputs.

Issue 6 asks for the report on the sample in under 10 seconds. In the same
run, each in a fresh Python process, ``--repeat`` times, interleaved:

- the **baseline**: ``coprod clean evaluations`` and ``coprod clean reviews``
  on the sample, the reading and cleaning the report needs anyway;
- the **job**: ``coprod report`` with no arguments (the sample): reading and
  cleaning, the sessions register and actions log, the tables, two charts,
  the HTML and the XLSX.

For each: the process's wall time (start-up and imports included: what an
officer waits for), the work alone (imports excluded) and peak memory. The
ratio is of the medians of the work. The default theme models are fitted
once, first, into a cache of the run's own (that first run is reported as the
"first ever" time, as on a new machine), so the timed runs load them.

Usage::

    python benchmarks/bench_report.py
    python benchmarks/bench_report.py --repeat 5 --json benchmarks/results/report.json
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import bench_main, peak_rss, run_child, versions

TARGET_WALL_SECONDS = 10.0
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def _child(kind: str, out_dir: str) -> None:
    """Run one measurement in this process and print it as JSON."""
    import contextlib
    import io

    from coprod_analysis.cli import main

    if kind == "baseline":
        jobs = [["clean", "evaluations", str(SAMPLE / "evaluations"), "--out", out_dir, "-q"],
                ["clean", "reviews", str(SAMPLE / "reviews"), "--aliases",
                 str(SAMPLE / "group-aliases.csv"), "--out", out_dir, "-q"]]
    else:
        jobs = [["report", "--out", out_dir]]
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        for job in jobs:
            if main(job) != 0:
                raise SystemExit(f"coprod {' '.join(job)} failed")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_bytes": peak_rss()}))


def run(repeat: int) -> dict:
    """Fit the models once, then measure both jobs ``repeat`` times, interleaved."""
    with tempfile.TemporaryDirectory(prefix="coprod-bench-") as folder:
        folder = Path(folder)
        cache = {"COPROD_CACHE": str(folder / "cache")}
        first = run_child(__file__, ["report", str(folder / "first")], env=cache)
        print(f"  first ever run (fitting the default theme models): "
              f"{first['wall_seconds']:.1f} s", file=sys.stderr)
        results: dict[str, list[dict]] = {"baseline": [], "report": []}
        for attempt in range(repeat):
            for kind in results:
                measured = run_child(__file__, [kind, str(folder / f"{kind}-{attempt}")],
                                     env=cache)
                results[kind].append(measured)
                print(f"  {kind:8s} run {attempt + 1}: {measured['wall_seconds']:.2f} s wall, "
                      f"{measured['seconds']:.2f} s work, "
                      f"peak {measured['peak_bytes'] / 1e6:.0f} MB", file=sys.stderr)

    def median(kind: str, key: str) -> float:
        return round(statistics.median(r[key] for r in results[kind]), 3)

    return {
        "repeat": repeat,
        "first_ever_wall_seconds": round(first["wall_seconds"], 3),
        **{f"{kind}_{key}_median": median(kind, key) for kind in results
           for key in ("wall_seconds", "seconds")},
        **{f"{kind}_peak_bytes": max(r["peak_bytes"] for r in results[kind])
           for kind in results},
        "work_ratio": round(median("report", "seconds") / median("baseline", "seconds"), 2),
        "target_wall_seconds": TARGET_WALL_SECONDS,
        "versions": versions(),
    }


def report(result: dict) -> str:
    """The result as Markdown, ready for ``docs/benchmarks.md``."""
    met = "meets" if result["report_wall_seconds_median"] < TARGET_WALL_SECONDS else "misses"
    return "\n".join([
        f"The bundled sample, median of {result['repeat']} runs "
        f"({result['versions']['machine']}, Python {result['versions']['python']}, "
        f"pandas {result['versions']['pandas']})",
        "",
        "| | wall time (s) | work alone (s) | peak memory (MB) |",
        "|---|---:|---:|---:|",
        f"| `coprod clean evaluations` + `coprod clean reviews` (baseline) | "
        f"{result['baseline_wall_seconds_median']:.2f} | {result['baseline_seconds_median']:.2f} "
        f"| {result['baseline_peak_bytes'] / 1e6:.0f} |",
        f"| `coprod report` | {result['report_wall_seconds_median']:.2f} | "
        f"{result['report_seconds_median']:.2f} | {result['report_peak_bytes'] / 1e6:.0f} |",
        "",
        f"The report's work is **{result['work_ratio']}x** the reading and cleaning it needs. "
        f"Wall time {result['report_wall_seconds_median']:.1f} s ({met} the target of "
        f"{TARGET_WALL_SECONDS:g} s); the first run on a new machine, which fits the default "
        f"theme models, took {result['first_ever_wall_seconds']:.1f} s.",
    ])


def main(argv: list[str] | None = None) -> int:
    return bench_main(argv, __doc__, _child, run, report, child_args=2)


if __name__ == "__main__":
    raise SystemExit(main())
