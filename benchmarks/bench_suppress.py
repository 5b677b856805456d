"""Benchmark table-wide suppression and the report's audit against the rest of the report.

Issue 11 asks that suppression with its auditor (integer programs) add well
under a second to ``coprod report``. In one process, after a warm-up, each
``--repeat`` times, interleaved:

- the **baseline**: building the whole report on the bundled sample
  (``build_html``: tables, charts, HTML; inputs read once beforehand);
- the **job**: what issue 11 added to it: ``suppress_table`` on the report's
  two ladder tables (levels by rungs, levels by moved up / stayed / down,
  row totals) and ``report_leaks`` over the whole report's tables;
- for information, ``suppress_table`` on the largest tables the property
  tests draw (6 x 6 with row and column totals, many small counts), which
  the report does not publish.

The ratio is of medians (job / baseline). The machine is shared: compare
ratios, not seconds, and repeat a run that looks off.

Usage::

    python benchmarks/bench_suppress.py
    python benchmarks/bench_suppress.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import pandas as pd

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def _inputs():
    from coprod_analysis.report.inputs import load_report_inputs

    inputs, _ = load_report_inputs(SAMPLE / "evaluations", SAMPLE / "reviews",
                                   aliases=SAMPLE / "group-aliases.csv",
                                   sessions=SAMPLE / "sessions.csv",
                                   actions=SAMPLE / "actions.csv")
    return inputs


def _ladder_counts(reviews: pd.DataFrame) -> list[pd.DataFrame]:
    from coprod_analysis.analyse.ladder import (
        LEVEL_LABELS,
        ladder_distribution,
        ladder_movement,
        movement_summary,
    )

    dist = ladder_distribution(reviews)
    where = dist.pivot(index="label", columns="answer", values="count").reindex(
        index=list(LEVEL_LABELS.values())).fillna(0).astype(int)
    moved = movement_summary(ladder_movement(reviews)).set_index("label")[
        ["up", "same", "down"]].fillna(0).astype(int)
    return [where, moved]


def _timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("COPROD_CACHE", "/tmp/cache-bench-suppress")

    from coprod_analysis.publish import suppress_table
    from coprod_analysis.report.audit import report_leaks
    from coprod_analysis.report.render import build_html

    inputs = _inputs()
    ladders = _ladder_counts(inputs.reviews)
    _, tables = build_html(inputs)  # warm-up: fits or loads the theme models
    rng = np.random.default_rng(0)
    large = [pd.DataFrame(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 30], size=(6, 6)))
             for _ in range(5)]

    def job():
        for counts in ladders:
            suppress_table(counts, column_totals=False)
        assert report_leaks(tables).empty

    baseline, work, worst = [], [], []
    for _ in range(args.repeat):
        baseline.append(_timed(lambda: build_html(inputs)))
        work.append(_timed(job))
        worst.append(max(_timed(lambda c=c: suppress_table(c)) for c in large))
    b, w = statistics.median(baseline), statistics.median(work)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.1f}; python {platform.python_version()}")
    print(f"baseline  build_html on the sample      median {b:.3f} s  ({args.repeat} runs)")
    print(f"job       suppression + report audit    median {w:.3f} s  ratio {w / b:.2f}")
    print(f"info      6 x 6, both totals (slowest of 5) median {statistics.median(worst):.3f} s")


if __name__ == "__main__":
    main()
