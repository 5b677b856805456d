"""The actions log's free text is redacted in the report like any quote, unless an officer
asks for staff names to be published; the method section says what was redacted."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest

from coprod_analysis import load_evaluations
from coprod_analysis.cli import main
from coprod_analysis.report.content import keep_names, we_did
from coprod_analysis.report.render import ReportInputs, build_html, write_report
from tests.conftest import REPO

SAID = "Mrs Patel said evening meetings suit her; ring 07911 123456"
DID = "Dr Okonkwo now chairs evening meetings; write to okonkwo.a@nhs.net"


def actions():
    return pd.DataFrame({"theme": ["time"], "you_said": [SAID], "we_did": [DID],
                         "status": ["done"], "date": [pd.Timestamp("2019-06-01")],
                         "owner": ["Zebedee Quillfeather"]})


@pytest.fixture(scope="module")
def evaluations(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evaluations")
    rows = ["Date,Venue,Overall,How could we improve the session?"]
    rows += [f"20/03/2019,Hub,Good,More time {i}" for i in range(12)]
    (folder / "e.csv").write_text("\n".join(rows) + "\n")
    return load_evaluations(folder / "e.csv", themes=False).data


def workbook_text(path):
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(n).decode("utf-8") for n in book.namelist())


def test_you_said_and_we_did_are_redacted_and_owner_never_shown(evaluations, tmp_path):
    written = write_report(ReportInputs(evaluations, actions=actions()), tmp_path)
    for text in (written[0].read_text(encoding="utf-8"), workbook_text(written[1])):
        for secret in ("Patel", "123456", "Okonkwo", "nhs.net", "Quillfeather"):
            assert secret not in text
    html = written[0].read_text(encoding="utf-8")
    assert "Dr [name] now chairs evening meetings; write to [email]" in html
    assert "Redacted before publishing" in html
    assert "&#34;We did&#34; columns" in html or '"We did" columns' in html


def test_keep_staff_names_shows_names_in_we_did_only(evaluations):
    html, tables = build_html(ReportInputs(evaluations, actions=actions()),
                              keep_staff_names=True)
    assert tables["We did"]["We did"].tolist() == [
        "Dr Okonkwo now chairs evening meetings; write to [email]"]
    assert tables["We did"]["You said"].tolist() == [
        "Mrs [name] said evening meetings suit her; ring [phone]"]
    assert "nhs.net" not in html and "Patel" not in html and "Quillfeather" not in html
    assert "--keep-staff-names" in html


def test_the_option_is_on_the_command_line(tmp_path, capsys):
    log = tmp_path / "actions.csv"
    actions().assign(date="01/06/2019").to_csv(log, index=False)
    sample = REPO / "data" / "sample" / "evaluations"
    for flag, shown in (([], False), (["--keep-staff-names"], True)):
        out = tmp_path / f"out{len(flag)}"
        assert main(["report", "--evaluations", str(sample), "--actions", str(log),
                     "--out", str(out), *flag]) == 0
        html = (out / "you-said-we-did.html").read_text(encoding="utf-8")
        assert ("Okonkwo" in html) is shown
        assert "Patel" not in html and "nhs.net" not in html
    capsys.readouterr()


@pytest.mark.parametrize(("original", "redacted", "expected"), [
    ("Ask Dr Ahmed", "Ask Dr [name]", "Ask Dr Ahmed"),
    ("Nasreen and Rob, 0113 496 0123", "[name] and [name], [phone]", "Nasreen and Rob, [phone]"),
    ("[name] literally", "[name] literally", "[name] literally"),
    ("no names here", "no names here", "no names here"),
    # every other placeholder stays
    ("Dr Ahmed, DOB 03/04/1956, MRN 00123456, 14 Harehills Lane",
     "Dr [name], DOB [date_of_birth], MRN [hospital_number], [address]",
     "Dr Ahmed, DOB [date_of_birth], MRN [hospital_number], [address]"),
    # Texts that cannot be lined up: the redacted text stands.
    ("Ask Dr Ahmed", "Ask Dr [name] now", "Ask Dr [name] now"),
])
def test_keep_names_puts_back_names_only(original, redacted, expected):
    assert keep_names(original, redacted) == expected


def test_we_did_with_a_missing_entry_is_empty():
    frame = actions().assign(we_did=[None])
    assert we_did(frame, {"time": "Time"})["We did"].tolist() == [""]
