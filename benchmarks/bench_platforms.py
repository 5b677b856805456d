"""What the per-file checks of issue 12 add to cleaning: date order and evidence.

Generates a Google Forms export of N responses (default 1,000,000), then, in
the same process and on the same data, times:

- the **baseline**: reading the file into its grid (``read_export``), the
  step every clean starts with;
- deciding the date order of the ``Timestamp`` column (``decide_order``), and
  the same done value by value in Python (how it was first written), for the
  ratio of the two;
- scoring the evidence that the file is an evaluation export
  (``score_export``).

Each is repeated (median). The machine is shared: compare the ratios of one
run, never figures across runs.

    python benchmarks/bench_platforms.py --rows 300000
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd


def _per_value(values: pd.Series) -> tuple[bool, bool]:
    """The first implementation: one regular expression per distinct value, in Python."""
    pattern = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?=$|[\sT,])")
    day = month = False
    for value in pd.unique(values.dropna().astype(str)):
        match = pattern.match(value)
        if match:
            day |= int(match[1]) > 12 >= int(match[2])
            month |= int(match[2]) > 12 >= int(match[1])
    return day, month


def _time(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from coprod_analysis.clean.dates import decide_order
    from coprod_analysis.clean.evaluations import EVALUATION_FORM
    from coprod_analysis.clean.evidence import score_export
    from coprod_analysis.mapping import map_columns
    from coprod_analysis.read import read_export
    from coprod_analysis.synthetic import write_google_forms_export

    with tempfile.TemporaryDirectory() as tmp:
        path = write_google_forms_export(Path(tmp) / "big.csv", args.rows)
        export = read_export(path)
        # US timestamps, as a Google Sheet in a US locale writes them, all undecidable but one.
        # Every time distinct, as real submission times are.
        stamps = pd.Series([f"{1 + i % 12}/{1 + (i // 12) % 12}/2023 "
                            f"{(i // 144) % 24}:{(i // 3456) % 60:02d}:{(i // 207360) % 60:02d}"
                            for i in range(args.rows - 1)] + ["1/26/2023 11:17:16"],
                           dtype="string[pyarrow]")
        colmap = map_columns(list(export.cells.columns), EVALUATION_FORM.fields, export.roles)
        base = _time(lambda: read_export(path), args.repeat)
        order = _time(lambda: decide_order(stamps, "googleforms", "Timestamp"), args.repeat)
        old = _time(lambda: _per_value(stamps), args.repeat)
        evidence = _time(lambda: score_export(EVALUATION_FORM, export, colmap), args.repeat)
    print(f"{args.rows:,} responses; medians of {args.repeat}")
    print(f"| step | seconds | / reading the file |\n|---|---:|---:|\n"
          f"| reading the file (baseline) | {base:.2f} | 1 |\n"
          f"| date order of a US timestamp column (pyarrow) | {order:.3f} | {order / base:.3f} |\n"
          f"| the same, value by value in Python | {old:.2f} | {old / base:.2f} |\n"
          f"| evidence score | {evidence:.3f} | {evidence / base:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
