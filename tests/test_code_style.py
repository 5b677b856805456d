"""The code passes the project's linter (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_ruff_finds_nothing_to_fix():
    # Prefer the ruff installed beside this Python (the project's virtual environment).
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    ruff = shutil.which("ruff", path=search)
    assert ruff, "ruff is installed by the test extra"
    done = subprocess.run([ruff, "check", "coprod_analysis", "tests", "benchmarks", "scripts",
                           "notebooks"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
