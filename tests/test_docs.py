"""The documentation tells the truth: quick start, CI script and examples agree."""

from __future__ import annotations

import re
import shlex

from coprod_analysis import load_evaluations
from coprod_analysis.cli import main
from tests.conftest import REPO


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, re.DOTALL).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_quick_start_has_exactly_two_one_line_commands():
    assert len(quick_start_commands()) == 2


def test_ci_runs_the_second_quick_start_command_after_only_the_browser_prerequisite():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines()
                if line.strip() and not line.startswith("#")
                and not line.startswith(("set ", "cd "))]
    prerequisite, tests = commands
    assert tests == quick_start_commands()[1]
    # The one other line installs Debian's chromium for the browser test, only when it
    # is missing, and runs nothing of the project's.
    assert prerequisite.startswith("command -v chromium >/dev/null || ")
    assert "apt-get install -y -qq chromium" in prerequisite
    assert not re.search(r"pip|pytest|python", prerequisite)


def test_the_first_quick_start_command_makes_the_report_in_the_folder_it_names(tmp_path):
    first = quick_start_commands()[0]
    coprod = first.split("&&")[-1].strip()
    args = shlex.split(coprod)[1:]  # after ".venv/bin/coprod"
    assert args[0] == "report" and args[args.index("--out") + 1] == "reports"
    args[args.index("--out") + 1] = str(tmp_path / "reports")
    assert main(args) == 0
    assert (tmp_path / "reports" / "you-said-we-did.html").is_file()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "reports/you-said-we-did.html" in readme


def test_the_example_mapping_file_does_what_the_docs_say(tmp_path):
    export = tmp_path / "typed.csv"
    export.write_text(
        "Date,Venue,Q7 What did you think overall?,Anything else?,Notes (staff use),"
        "Table number\n20/03/2018,Civic Hall,Good,More tea,typed by KB,4\n")
    result = load_evaluations(export, mapping=REPO / "docs/examples/mapping-example.csv")
    row = result.data.iloc[0]
    assert row["overall"] == 4
    assert row["improvements"] == "More tea"
    assert "Notes (staff use)" not in result.data.columns
    assert row["Table number"] == "4"


def test_every_field_listed_in_the_mapping_docs_exists():
    from coprod_analysis.vocab import EVALUATION_FIELD_NAMES, REVIEW_FIELD_NAMES

    docs = (REPO / "docs" / "mapping.md").read_text(encoding="utf-8")
    listed = re.findall(r"`([a-z_]+)`", docs.split("`field` is one of the form's fields", 1)[1]
                        .split("or:", 1)[0])
    assert sorted(listed) == sorted(EVALUATION_FIELD_NAMES)
    reviews = re.findall(r"`([a-z_]+)`", docs.split("the fields are\n  the review form's:", 1)[1]
                         .split("\n\n", 1)[0])
    assert sorted(set(reviews)) == sorted(REVIEW_FIELD_NAMES)


def test_the_sample_readme_totals_agree_with_the_sample():
    text = (REPO / "data" / "sample" / "README.md").read_text(encoding="utf-8")
    total = re.search(r"\| \*\*total\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| "
                      r"\*\*(\d+)\*\* \| \*\*(\d+)\*\* \|", text)
    read, blank, duplicate, quarantined, clean = map(int, total.groups())
    summary = load_evaluations(REPO / "data" / "sample" / "evaluations").summary
    assert (summary["rows_read"], summary["rows_blank"], summary["rows_duplicate"],
            summary["rows_quarantined"], summary["rows_clean"]) == (
        read, blank, duplicate, quarantined, clean)
