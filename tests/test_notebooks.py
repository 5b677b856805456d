"""The workbook's notebooks are thin, parameterised and committed without outputs.

(The notebooks themselves are run by the test command through nbval.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_the_five_notebooks_are_there_in_order():
    assert [n.stem for n in NOTEBOOKS] == ["01-clean-and-check", "02-ladder",
                                           "03-challenge-themes", "04-outcomes-across-sessions",
                                           "05-you-said-we-did"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_opens_with_a_parameters_cell_pointing_at_the_sample(path):
    cells = json.loads(path.read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"].get("tags", [])
    assert "../data/sample" in "".join(code[0]["source"])
    assert cells[0]["cell_type"] == "markdown"  # it says what it is for first


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_is_committed_without_outputs_and_defines_no_functions(path):
    cells = json.loads(path.read_text())["cells"]
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
            assert "def " not in "".join(cell["source"]), "analysis belongs in the package"


def test_the_readme_pictures_can_be_made_again(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "make_figures.py"),
                           "--out", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    made = sorted(p.name for p in tmp_path.glob("*.png"))
    assert made == sorted(p.name for p in (REPO / "docs" / "images").glob("*.png"))
    assert len(made) == 8
