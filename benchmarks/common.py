"""What the benchmark scripts share: fresh-process runs, peak memory, versions."""

from __future__ import annotations

import argparse
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


def bench_main(argv: list[str] | None, doc: str, child, run, report, child_args: int,
               options=lambda parser: None) -> int:
    """The command line every benchmark shares.

    ``--child ARGS`` runs one measurement (``child(*ARGS)``) in this process;
    otherwise ``run(**options)`` measures, ``report(result)`` prints Markdown and
    ``--json FILE`` also saves the result. ``options(parser)`` adds the
    benchmark's own options; every option but ``--json`` is passed to ``run``.
    """
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each job")
    options(parser)
    parser.add_argument("--json", type=Path, help="also write the result as JSON here")
    parser.add_argument("--child", nargs=child_args, help=argparse.SUPPRESS)
    args = vars(parser.parse_args(argv))
    if args["child"]:
        child(*args["child"])
        return 0
    save = args.pop("json")
    del args["child"]
    result = run(**args)
    if save:
        save.parent.mkdir(parents=True, exist_ok=True)
        save.write_text(json.dumps(result, indent=2) + "\n")
    print(report(result))
    return 0


def distinct_comments(n: int, seed: int = 0, identifier_share: float = 0.08) -> list[str]:
    """``n`` different free-text answers, as real exports have them.

    Each is one to three sentences of the synthetic sample's pools
    (:mod:`coprod_analysis.synthetic_text`), sometimes in lower case, joined in
    varied ways; about ``identifier_share`` of them also carry one invented
    identifier (e-mail, UK phone number, NHS number, postcode or a name), each
    with its own digits or letters. Every text is different from every other.
    """
    import random

    from coprod_analysis import synthetic_text as pools

    rng = random.Random(seed)
    def text_of(item) -> str:  # pools hold sentences or (label, sentence) pairs
        return item if isinstance(item, str) else max(item, key=len)

    sentences = [text_of(t) for t in (*pools.TAKEAWAYS, *pools.PLEDGES, *pools.IMPROVEMENTS,
                                      *(t for ts in pools.CHALLENGE_TEXT.values() for t in ts))]
    joins = [" ", "  ", "\n", " - ", ". Also, ", " and "]
    first = ["Sarah", "Priya", "Tomasz", "Oluwaseun", "Siobhan", "Rhys", "Mohammed", "Grace"]
    last = ["Okafor", "Kowalski", "Patel", "O'Brien", "Jones", "Whitcombe", "Begum", "Hughes"]
    letters = "ABDEFGHJLNPQRSTUWXYZ"

    def nhs() -> str:
        while True:
            nine = [rng.randrange(10) for _ in range(9)]
            check = 11 - sum(d * w for d, w in zip(nine, range(10, 1, -1), strict=False)) % 11
            if check < 10 or check == 11:
                digits = "".join(map(str, nine)) + str(check % 11)
                return f"{digits[:3]} {digits[3:6]} {digits[6:]}"

    makers = [
        lambda: f"email {rng.choice(first).lower()}.{rng.choice(last).lower()}"
                f"{rng.randrange(100)}@example.org",
        lambda: f"ring me on 0113 496 {rng.randrange(10000):04d}",
        lambda: f"my mobile is 07700 900{rng.randrange(1000):03d}",
        lambda: f"NHS number {nhs()}",
        lambda: f"I live in LS{rng.randrange(1, 30)} {rng.randrange(10)}"
                f"{rng.choice(letters)}{rng.choice(letters)}",
        lambda: f"thanks to {rng.choice(first)} {rng.choice(last)}",
    ]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        parts = rng.sample(sentences, rng.randint(1, 3))
        if rng.random() < 0.25:
            parts = [p.lower() for p in parts]
        text = rng.choice(joins).join(parts)
        if text in seen:
            continue
        seen.add(text)
        # decided after the text is known to be new, so that the share holds
        if rng.random() < identifier_share:
            text = f"{text} {rng.choice(makers)()}"
        out.append(text)
    return out
