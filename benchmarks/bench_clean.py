"""Benchmark ``coprod clean evaluations`` against a bare ``pandas.read_csv``.

Generates a Google Forms export of N synthetic responses (default 1,000,000),
then, in the same run and on the same file, measures:

- the baseline: ``pandas.read_csv(FILE)`` with pandas' defaults;
- the job: ``coprod clean evaluations FILE --out DIR`` (read, map, clean,
  redact, de-duplicate, infer improvement themes and write every output),
  and the same with ``--no-themes``.

Each is run in a fresh Python process, ``--repeat`` times; the work itself is
timed inside the process, imports excluded for both (the baseline imports
pandas before its clock starts, the job the modules ``coprod clean`` imports
inside its run), and the process's peak resident memory is read from
``getrusage``. Each whole process's wall time, start-up and imports included,
is reported too. The report gives the ratio of
the medians (target: clean <= 3x the bare read) and peak memory against the
file's size (target: <= 4x).

With ``--distinct``, every free-text answer (Q6-Q8) is made different, as in
a real export (the synthetic generator draws them from a pool of about
3,500, so cleaning, which works once per distinct answer, would be
flattered): each keeps its pool text (with any planted e-mail or phone
number) and gains a sentence from the bundled labelled comments and a
unique tail of ordinary words, one in five with a misspelt word. Target
there: clean <= 8x the bare read (aim 4x), at 100,000 responses.

Usage::

    python benchmarks/bench_clean.py                 # 1,000,000 responses
    python benchmarks/bench_clean.py --rows 100000 --distinct
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
TARGET_DISTINCT_RATIO = 8.0
TARGET_MEMORY_RATIO = 4.0
FREE_TEXT = ("Q6. ", "Q7. ", "Q8. ")


def make_distinct(path: Path, seed: int = 7) -> int:
    """Rewrite the export's free-text answers so that every one differs; returns how
    many distinct answers there are."""
    import csv
    import random

    import pandas as pd

    from coprod_analysis.themes.codebook import DEFAULT_EXAMPLES, IMPROVEMENTS_EXAMPLES

    rng = random.Random(seed)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    sentences = [t for f in (DEFAULT_EXAMPLES, IMPROVEMENTS_EXAMPLES)
                 for t in pd.read_csv(f, keep_default_na=False)["text"]]
    words = sorted({w.strip(".,!?;:'\"()").lower() for t in sentences for w in t.split()}
                   - {""})
    words = [w for w in words if w.isalpha()]
    size = len(words)
    number = 0
    for column in [c for c in frame.columns if c.startswith(FREE_TEXT)]:
        answers = []
        for value in frame[column]:
            if not value.strip() or value.strip().lower() in ("n/a", "na", "none", "-"):
                answers.append(value)
                continue
            number += 1
            tail = [words[(number // size ** k) % size] for k in range(3)]  # unique per number
            if rng.random() < 0.2:
                i = rng.randrange(3)
                w = tail[i]
                if len(w) > 3:
                    j = rng.randrange(len(w) - 1)
                    tail[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            answers.append(f"{value} {rng.choice(sentences)} {' '.join(tail)}")
        frame[column] = answers
    frame.to_csv(path, index=False, quoting=csv.QUOTE_ALL, lineterminator="\n")
    return int(sum(frame[c].nunique() for c in frame.columns if c.startswith(FREE_TEXT)))


def _child(kind: str, source: str, out_dir: str) -> None:
    """Run one measurement in this process and print it as JSON."""
    if kind == "baseline":
        import pandas as pd

        start = time.perf_counter()
        frame = pd.read_csv(source)
        seconds = time.perf_counter() - start
        rows = len(frame)
    else:
        # What the command imports inside its run, imported first: imports are excluded
        # for the job as they are for the baseline (pandas, above). Theme inference
        # imports the model's modules; the model itself is loaded inside the clock.
        import coprod_analysis.clean.evaluations  # noqa: F401
        import coprod_analysis.clean.reviews  # noqa: F401
        import coprod_analysis.output  # noqa: F401
        import coprod_analysis.themes.linear  # noqa: F401
        import coprod_analysis.themes.model  # noqa: F401
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


def run(repeat: int, rows: int, data: Path | None, distinct: bool = False) -> dict:
    """Generate the export (unless given) and measure both jobs ``repeat`` times."""
    from coprod_analysis.synthetic import write_google_forms_export
    from coprod_analysis.themes import bundled_model

    bundled_model("improvements")  # fitted and cached now if need be: runs below load it

    with tempfile.TemporaryDirectory(prefix="coprod-bench-") as folder:
        folder = Path(folder)
        if data is None:
            data = folder / "google-forms-export.csv"
            start = time.perf_counter()
            write_google_forms_export(data, rows)
            print(f"generated {rows:,} responses in {time.perf_counter() - start:.1f} s "
                  f"({data.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
            if distinct:
                count = make_distinct(data)
                print(f"made the free text distinct: {count:,} distinct answers "
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
    walls = {kind: statistics.median(r["wall_seconds"] for r in runs)
             for kind, runs in results.items()}
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
        "baseline_wall_seconds_median": round(walls["baseline"], 3),
        "clean_wall_seconds_median": round(walls["clean"], 3),
        "baseline_peak_bytes": base_mem,
        "clean_peak_bytes": clean_mem,
        "clean_memory_ratio_to_file": round(clean_mem / size, 2),
        "baseline_memory_ratio_to_file": round(base_mem / size, 2),
        "distinct_free_text": distinct,
        "targets": {"time_ratio": TARGET_DISTINCT_RATIO if distinct else TARGET_TIME_RATIO,
                    "memory_ratio": TARGET_MEMORY_RATIO},
        "versions": versions(),
    }


def report(result: dict) -> str:
    """The result as a Markdown table, ready for ``docs/benchmarks.md``."""
    mb = 1e6
    target = result["targets"]["time_ratio"]
    ok_time = "meets" if result["time_ratio"] <= target else "misses"
    ok_mem = "meets" if result["clean_memory_ratio_to_file"] <= TARGET_MEMORY_RATIO else "misses"
    return "\n".join([
        f"{result['rows']:,} responses"
        f"{' (every free-text answer distinct)' if result.get('distinct_free_text') else ''}, "
        f"{result['file_bytes'] / mb:.0f} MB CSV, "
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
        f"Without inferring themes: **{result['time_ratio_no_themes']}x** the bare read. "
        f"Whole processes, start-up and imports included: "
        f"{result['clean_wall_seconds_median']:.2f} s against "
        f"{result['baseline_wall_seconds_median']:.2f} s.",
        f"Time ratio clean / baseline: **{result['time_ratio']}x** ({ok_time} the target of "
        f"{target:g}x). Peak memory: **{result['clean_memory_ratio_to_file']}x** "
        f"the file's size ({ok_mem} the target of {TARGET_MEMORY_RATIO:g}x).",
    ])


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1_000_000, help="responses to generate")
    parser.add_argument("--data", type=Path, help="use this export instead of generating one")
    parser.add_argument("--distinct", action="store_true",
                        help="make every free-text answer different (as in real exports)")


def main(argv: list[str] | None = None) -> int:
    return bench_main(argv, __doc__, _child, run, report, child_args=3, options=_options)


if __name__ == "__main__":
    raise SystemExit(main())
