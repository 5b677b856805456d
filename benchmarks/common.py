"""What the benchmark scripts share: fresh-process runs, peak memory, versions."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path


def peak_rss() -> int:
    """This process's peak resident memory in bytes.

    Linux's ``VmHWM`` starts afresh at ``exec``; ``getrusage``'s ``ru_maxrss`` can
    carry the parent's peak over a fork, so it is only the fallback.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_child(script: str, args: list[str], env: dict[str, str] | None = None) -> dict:
    """Run ``script --child ARGS`` in a fresh Python; return the JSON it printed last,
    with ``wall_seconds``: the whole process, start-up and imports included."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, script, "--child", *args], capture_output=True,
                          text=True, check=False, env={**os.environ, **(env or {})})
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} run failed:\n{done.stderr}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "wall_seconds": wall}


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def versions() -> dict:
    import numpy
    import pandas
    import pyarrow

    import coprod_analysis

    return {"python": platform.python_version(), "pandas": pandas.__version__,
            "pyarrow": pyarrow.__version__, "numpy": numpy.__version__,
            "coprod_analysis": coprod_analysis.__version__,
            "machine": f"{platform.machine()}, {cpu_count()} cores"}
