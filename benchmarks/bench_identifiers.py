"""Benchmark the identifier safety net (columns told by their values).

Generates a Google Forms export of N synthetic responses and, in the same run
and on the same file, times:

- the baseline: ``pandas.read_csv(FILE)`` with pandas' defaults;
- the net: :func:`coprod_analysis.clean.identifiers.drop_identifier_columns`
  on the export already read (every column that is not already an identifier
  is looked at by its values).

Usage::

    python benchmarks/bench_identifiers.py --rows 200000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pandas as pd

    from coprod_analysis.clean.identifiers import drop_identifier_columns
    from coprod_analysis.mapping import map_columns
    from coprod_analysis.read import read_export
    from coprod_analysis.synthetic import write_google_forms_export
    from coprod_analysis.vocab import EVALUATION_FIELDS

    with tempfile.TemporaryDirectory(prefix="coprod-bench-") as folder:
        path = Path(folder) / "google-forms-export.csv"
        write_google_forms_export(path, args.rows)
        export = read_export(path)
        base, net = [], []
        for _ in range(args.repeat):  # interleaved, so drift hits both alike
            start = time.perf_counter()
            pd.read_csv(path)
            base.append(time.perf_counter() - start)
            colmap = map_columns(list(export.cells.columns), EVALUATION_FIELDS, export.roles)
            start = time.perf_counter()
            drop_identifier_columns(export, colmap)
            net.append(time.perf_counter() - start)
    b, n = statistics.median(base), statistics.median(net)
    print(f"{args.rows:,} responses, {len(export.cells.columns)} columns, median of "
          f"{args.repeat}: read_csv {b:.2f} s, identifier net {n:.2f} s, ratio {n / b:.2f}x",
          file=sys.stderr)


if __name__ == "__main__":
    main()
