"""Benchmark ``coprod --version``: how long the command takes to start.

In the same run, the **baseline** is a Python that does nothing
(``python -c pass``, with the same interpreter and site packages); the
figure that matters is what the package adds on top. Each is run
``--repeat`` times in a fresh process and the median taken.

Target (issue 16): ``coprod --version`` under 0.15 s.

Usage::

    python benchmarks/bench_startup.py --repeat 15
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time

TARGET_SECONDS = 0.15


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    coprod = shutil.which("coprod") or shutil.which("coprod", path=str(
        __import__("pathlib").Path(sys.executable).parent))
    jobs = {"python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "coprod --version": [coprod, "--version"],
            "import coprod_analysis": [sys.executable, "-c", "import coprod_analysis"]}
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.repeat):
        for name, command in jobs.items():  # interleaved, so drift hits all alike
            times[name].append(_seconds(command))
    medians = {name: statistics.median(t) for name, t in times.items()}
    base = medians["python -c pass (baseline)"]
    for name, median in medians.items():
        print(f"{name}: {median:.3f} s (median of {args.repeat}); "
              f"{median / base:.2f}x the bare interpreter, +{median - base:.3f} s")
    version = medians["coprod --version"]
    verdict = "meets" if version < TARGET_SECONDS else "misses"
    print(f"coprod --version {version:.3f} s: {verdict} the target of {TARGET_SECONDS} s "
          f"(the bare interpreter alone takes {base:.3f} s here)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
