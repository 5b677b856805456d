"""Overlaps between a cleaned table and exports are looked for only when a cleaned
table is among the inputs (it costs a set of every row's submission time)."""

from __future__ import annotations

import pytest

from coprod_analysis import load_evaluations
from coprod_analysis.clean import pipeline
from tests.conftest import FIXTURES


def _refuse(outcomes):
    raise AssertionError("overlaps looked for with no cleaned table among the inputs")


def test_exports_alone_never_look_for_overlaps(monkeypatch):
    monkeypatch.setattr(pipeline, "_note_overlaps", _refuse)
    result = load_evaluations([FIXTURES / "surveymonkey.csv",
                               FIXTURES / "surveymonkey-overlap.csv"], themes=False)
    assert not any("submission time" in n for f in result.summary["files"].values()
                   for n in f["notes"])


def test_a_cleaned_table_among_the_inputs_still_looks(monkeypatch, tmp_path):
    from coprod_analysis.output import write_files

    table = load_evaluations(FIXTURES / "surveymonkey.csv", themes=False)
    write_files(tmp_path, table.tables(), {"summary.json": table.summary})
    monkeypatch.setattr(pipeline, "_note_overlaps", _refuse)
    with pytest.raises(AssertionError, match="overlaps looked for"):
        load_evaluations([tmp_path / "evaluations.csv", FIXTURES / "surveymonkey-overlap.csv"],
                         themes=False)
