"""The workbook's notebooks are thin, parameterised and committed without outputs.

(The notebooks themselves are run by the test command through nbval; the tests
at the end run them again, to read what an officer would see.)
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tokenize

import pytest

from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_the_six_notebooks_are_there_in_order():
    assert [n.stem for n in NOTEBOOKS] == ["01-clean-and-check", "02-ladder",
                                           "03-challenge-themes", "04-outcomes-across-sessions",
                                           "05-you-said-we-did", "06-explore"]


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


def _code(path):
    return [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_path_in_a_parameters_cell_is_a_raw_string_and_the_cell_says_why(path):
    source = "".join(_code(path)[0]["source"])
    strings = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline)
               if t.type == tokenize.STRING]
    assert strings, "the parameters cell holds the paths"
    for text in strings:
        if "/" in text or "\\" in text:  # a path
            assert text[:1] in "rR", f"{text} is not a raw string: a Windows path would break"
    comments = " ".join(line for line in source.splitlines() if line.lstrip().startswith("#"))
    assert "Windows" in comments and "r before" in comments and "SyntaxError" in comments


@pytest.mark.parametrize("path", NOTEBOOKS[1:4], ids=lambda p: p.stem)
def test_notebooks_2_to_4_say_their_charts_are_for_the_team(path):
    first = "".join(json.loads(path.read_text())["cells"][0]["source"])
    assert ("These charts are for the team: they can show small numbers. Publish with "
            "notebook 5 / `coprod report`, which applies the small-number rules.") in first


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_is_stored_the_same_way(path):
    text = path.read_text()
    notebook = json.loads(text)
    assert text == json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
    assert notebook["nbformat"] == 4 and "widgets" not in notebook["metadata"]
    assert all("id" in cell for cell in notebook["cells"])
    for cell in notebook["cells"]:
        assert "attachments" not in cell


# --- What an officer sees: the notebooks run top to bottom --------------------------

def _execute(notebook, timeout=600):
    """Run a notebook in its own folder, as JupyterLab does; errors are kept as outputs."""
    import nbclient  # in the test extra: these tests must run, never skip
    client = nbclient.NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                     allow_errors=True,
                                     resources={"metadata": {"path": str(REPO / "notebooks")}})
    client.execute()
    return notebook


@pytest.fixture(scope="module")
def executed():
    import nbformat

    return {path.stem: _execute(nbformat.read(path, as_version=4)) for path in NOTEBOOKS}


WIDGET = "application/vnd.jupyter.widget-view+json"
SHOWN = ("text/html", "image/png", WIDGET)


def test_no_notebook_writes_anything_to_stderr_or_raises(executed):
    # Warnings (tqdm's, pandas'), text progress bars and tracebacks all land here.
    noise = [(name, i, output.get("name") or output.get("ename"),
              output.get("text") or output.get("evalue"))
             for name, notebook in executed.items()
             for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"
             for output in cell.outputs
             if output.output_type == "error"
             or (output.output_type == "stream" and output.name == "stderr")]
    assert noise == []


def test_notebooks_show_styled_tables_charts_and_prose_never_a_raw_dataframe(executed):
    for name, notebook in executed.items():
        for i, cell in enumerate(notebook.cells):
            for output in getattr(cell, "outputs", []):
                if output.output_type not in ("execute_result", "display_data"):
                    continue
                data = output["data"]
                where = f"{name}, cell {i}: {data.get('text/plain', '')[:80]}"
                assert any(kind in data for kind in SHOWN), where
                assert 'class="dataframe"' not in data.get("text/html", ""), where
                # (Inline pictures' base64 may spell "NaN" by chance: they are not text.)
                text = re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", "",
                              data.get("text/html", ""))
                assert "NaN" not in text, where


def test_the_report_is_shown_in_a_frame_of_its_own_and_where_it_went_is_said(executed):
    cells = [c for c in executed["05-you-said-we-did"].cells if c.cell_type == "code"]
    said = "".join(o["data"]["text/plain"] for o in cells[-2].outputs if "data" in o)
    assert "Wrote 2 files into" in said and "reports" in said
    assert "replace" in said  # the notebooks ran before: the report was there already
    shown = cells[-1].outputs[0]["data"]["text/html"]
    assert shown.startswith("<iframe") and 'srcdoc="' in shown
    # The report's own <style> is inside the frame's srcdoc (escaped), not in the notebook page.
    assert "<style" not in shown and "&lt;style" in shown


def _first_cells(path, replace):
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    old, new = replace
    code[0].source = code[0].source.replace(old, new)
    notebook.cells = code[:2]
    return _execute(notebook, timeout=300)


@pytest.mark.parametrize("path, pasted", [
    ("02-ladder.ipynb", 'r"../data/sample/no-such-folder"'),
    ("04-outcomes-across-sessions.ipynb", 'r"C:\\Users\\me\\Documents\\Evaluations 2024"'),
])
def test_a_wrong_path_shows_one_line_with_the_folder_the_notebook_runs_in(path, pasted):
    name = "REVIEWS" if path.startswith("02") else "EVALUATIONS"
    default = {"REVIEWS": 'r"../data/sample/reviews"',
               "EVALUATIONS": 'r"../data/sample/evaluations"'}[name]
    notebook = _first_cells(REPO / "notebooks" / path, (f"{name} = {default}",
                                                         f"{name} = {pasted}"))
    outputs = notebook.cells[1].outputs
    assert [o.output_type for o in outputs] == ["display_data"]  # no traceback, no error
    shown = outputs[0]["data"]["text/html"]
    text = re.sub(r"<[^>]+>", "", shown)
    assert "\n" not in text.strip() and "Traceback" not in text
    assert "no such file or folder" in text and f"({name})" in text
    assert f"this notebook runs in {(REPO / 'notebooks').as_posix()}" in text


def test_an_export_that_cannot_be_read_stops_the_notebook_with_its_one_line_message(tmp_path):
    empty = tmp_path / "export.csv"
    empty.write_bytes(b"")
    notebook = _first_cells(REPO / "notebooks" / "04-outcomes-across-sessions.ipynb",
                            ('EVALUATIONS = r"../data/sample/evaluations"',
                             f'EVALUATIONS = r"{empty}"'))
    outputs = [o for o in notebook.cells[1].outputs  # the progress bar aside, if drawn
               if WIDGET not in o.get("data", {})]
    assert [o.output_type for o in outputs] == ["display_data"]
    text = re.sub(r"<[^>]+>", "", outputs[0]["data"]["text/html"]).strip()
    assert text == f"Stopped: {empty.as_posix()}: the file is empty"


def test_the_report_notebook_reads_the_settings_file_it_is_pointed_at(tmp_path):
    import nbformat

    settings = tmp_path / "our-settings.toml"
    settings.write_text('[report]\norganisation = "Settings From The Notebook Trust"\n',
                        encoding="utf-8")
    notebook = nbformat.read(REPO / "notebooks" / "05-you-said-we-did.ipynb", as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert "SETTINGS = None" in code[0].source  # by default: beside the actions log
    code[0].source = code[0].source.replace("SETTINGS = None", f"SETTINGS = r\"{settings}\"")
    notebook.cells = [*code[:2], nbformat.v4.new_code_cell("print(inputs.settings.organisation)")]
    outputs = _execute(notebook, timeout=300).cells[2].outputs
    assert [o.get("text") for o in outputs] == ["Settings From The Notebook Trust\n"]
    # A settings file that is not there stops at the start with its one line.
    notebook = _first_cells(REPO / "notebooks" / "05-you-said-we-did.ipynb",
                            ("SETTINGS = None", f"SETTINGS = r\"{tmp_path / 'none.toml'}\""))
    text = re.sub(r"<[^>]+>", "", notebook.cells[1].outputs[0]["data"]["text/html"])
    assert "no such file or folder" in text and "(SETTINGS)" in text
