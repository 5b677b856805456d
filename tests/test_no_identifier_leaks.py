"""Nothing from an identifier column reaches any output, from any platform's export.

Each export below carries identifier columns in its platform's own spelling, and
columns whose header says nothing but whose values identify, all holding
distinctive values; its file name holds an e-mail address. Every file that
``coprod clean`` and ``coprod report`` write, and everything they print, is
searched for those values. Rows are made to land everywhere: kept, quarantined
(no session date), with an unreadable answer (problems.csv), and a row with a
value too many (quarantined whole).
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest

from coprod_analysis import load_evaluations
from coprod_analysis.cli import main

STATEMENTS = [
    "I understand the patient champion's role",
    "I can define and explain the different levels of co-production",
    "I can outline the benefits of co-production",
    "I can outline the challenges of co-production",
    "I can give examples of co-production",
    "I can carry out a simple critique of initiatives",
    "I can outline the steps to carry out co-production successfully",
    "I feel more confident to get involved in co-production",
]
QUESTIONS = ["Date of the session", "Where did you attend?", "Which best describes you?",
             *STATEMENTS, "Overall, how would you rate the session?",
             "One thing you'll take away from the session", "Make a pledge",
             "How could we improve the session?"]
ROWS = 12

# Distinctive values, one per row where the column is per-row; none of these strings
# can arise from the rest of the export.
NAMES = [f"Quillfeather{chr(65 + i)}" for i in range(ROWS)]


def email(i):
    return f"zqleak{i}@example.org"


def ip(i):
    return f"203.0.113.{170 + i}"


def phone(i):
    return f"07700 9007{i:02d}"


def coords(i):
    return f"53.81{i:02d}77"


def ident(kind, i):
    return {
        "name": NAMES[i], "first": f"Zebedee{chr(65 + i)}", "email": email(i), "ip": ip(i),
        "phone": phone(i), "lat": coords(i), "lon": f"-1.56{i:02d}91",
        "postcode": f"LS9{i % 10} 7ZQ", "dob": f"0{1 + i % 9}/0{1 + i % 9}/1951",
        "nhs": "943 476 5919", "device": f"Mozilla/5.0 LeakAgent{i}",
        "custom": f"CUSTOMLEAK{i}", "ref": f"EXTLEAK{i}", "user": f"zqlogin{i}",
        "rid": f"R_leak{i:03d}", "cookie": f"COOKIELEAK{i}", "address": f"{i} Leakington Road",
        "hospital": f"HOSPLEAK{i}",
    }[kind]


#: What must never appear in an output (checked with and without spaces).
def forbidden():
    values = set()
    for i in range(ROWS):
        for kind in ("name", "first", "email", "ip", "phone", "lat", "lon", "device", "custom",
                     "ref", "user", "rid", "cookie", "address", "hospital"):
            values.add(ident(kind, i))
        values.add(f"LS9{i % 10} 7ZQ")
        values.add(ident("dob", i))
    values |= {"9434765919", "943 476 5919", "leak.file", "Leakington", "zqleak"}
    return values


#: (header, identifier kind) of the identifier columns each platform writes, and a
#: few columns anyone may add; the value net columns have headers that say nothing.
PLATFORMS = {
    "surveymonkey": [("Respondent ID", "rid"), ("Collector ID", "custom"),
                     ("IP Address", "ip"), ("Email Address", "email"), ("First Name", "first"),
                     ("Last Name", "name"), ("Custom Data 1", "custom")],
    "msforms": [("ID", "rid"), ("Email", "email"), ("Name", "name"), ("Responder", "user")],
    "googleforms": [("Email address", "email"), ("Username", "user")],
    "jisc": [("Response ID", "rid"), ("Username", "user"), ("x1", "custom")],
    "qualtrics": [("IPAddress", "ip"), ("ResponseId", "rid"), ("RecipientLastName", "name"),
                  ("RecipientFirstName", "first"), ("RecipientEmail", "email"),
                  ("ExternalReference", "ref"), ("LocationLatitude", "lat"),
                  ("LocationLongitude", "lon"), ("Q1_Browser", "device")],
    "smartsurvey": [("UserID", "user"), ("IP Address", "ip"), ("Cookie UID", "cookie"),
                    ("Custom Variables 1", "custom")],
    "manual": [("Full name", "name"), ("Your name", "first"), ("Contact number", "phone"),
               ("Telephone", "phone"), ("Home address", "address"), ("Postcode", "postcode"),
               ("Date of birth", "dob"), ("NHS number", "nhs"), ("Hospital number", "hospital"),
               ("Device", "device"), ("User agent", "device"), ("Latitude", "lat"),
               ("Longitude", "lon"), ("Location", "lat")],
}
#: Columns told only by their values.
VALUE_NET = [("Q99", "email"), ("Extra info", "phone"), ("Ref", "ip"), ("Field 7", "lat")]


def answers(i):
    date = "" if i == 2 else "20/03/2019"  # row 3: no session date -> quarantined
    likert = ["maybe?" if (i == 4 and k == 0) else "Agree" for k in range(8)]  # a problem
    return [date, "Armley Moor Library", "Patient", *likert, "Good",
            "Feeling heard", "Join the PPG", "Shorter sessions"]


def platform_columns(platform, i):
    """Timestamps and the like a platform writes besides identifiers."""
    return {
        "surveymonkey": (["Start Date", "End Date"], ["", ""]),
        "msforms": (["Start time", "Completion time"], ["", ""]),
        "googleforms": (["Timestamp"], [""]),
        "jisc": (["Started", "Completed"], ["", ""]),
        "qualtrics": (["StartDate", "EndDate", "Progress", "Finished"], ["", "", "100", "True"]),
        "smartsurvey": (["Started", "Ended"], ["", ""]),
        "manual": ([], []),
    }[platform]


def write_export(folder: Path, platform: str) -> Path:
    ids = PLATFORMS[platform]
    extra_headers, _ = platform_columns(platform, 0)
    if platform == "googleforms":  # Google Forms' first column is the timestamp
        header = [*extra_headers, *(h for h, _ in ids)]
    else:
        header = [ids[0][0], *extra_headers, *(h for h, _ in ids[1:])]
    header += [*QUESTIONS, *(h for h, _ in VALUE_NET)]
    rows = [header]
    if platform == "surveymonkey":  # the second header row
        rows.append([""] * (len(header) - len(QUESTIONS) - len(VALUE_NET))
                    + ["Response"] * len(QUESTIONS) + ["Response"] * len(VALUE_NET))
    for i in range(ROWS):
        _, extra = platform_columns(platform, i)
        values = [ident(kind, i) for _, kind in ids]
        first, rest = ([], values) if platform == "googleforms" else (values[:1], values[1:])
        row = [*first, *extra, *rest]
        row += answers(i) + [ident(kind, i) for _, kind in VALUE_NET]
        if i == 6:  # a value too many: the row is quarantined whole
            row = row + ["spare"]
        rows.append(row)
    path = folder / f"feedback from leak.file@example.org {platform}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def text_of(folder: Path) -> str:
    """Everything written in a folder, XLSX workbooks unzipped."""
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                parts.extend(book.read(n).decode("utf-8", "replace") for n in book.namelist())
        elif path.is_file():
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
        parts.append(path.name)
    return "\n".join(parts)


def leaks(text: str) -> list[str]:
    squashed = re.sub(r"\s", "", text)
    return sorted(v for v in forbidden() if v in text or re.sub(r"\s", "", v) in squashed)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_no_identifier_reaches_any_output_of_clean_or_report(platform, tmp_path, capsys):
    export = write_export(tmp_path, platform)
    out, report = tmp_path / "out", tmp_path / "report"
    assert main(["clean", "evaluations", str(export), "--out", str(out), "--no-themes"]) == 0
    assert main(["report", "--evaluations", str(export), "--out", str(report)]) == 0
    printed = capsys.readouterr()
    written = text_of(out) + text_of(report)
    assert leaks(written) == []
    assert leaks(printed.out + printed.err) == []
    # The rows really went everywhere (so every output was searched with them in it).
    summary = json.loads((out / "summary.json").read_text())
    assert summary["rows_read"] == ROWS
    assert summary["rows_quarantined"] >= 1
    assert "quarantine.csv" in written or (out / "quarantine.csv").stat().st_size
    # Each value-net column is named, with its reason, by header.
    (info,) = summary["files"].values()
    why = info["columns_identifiers_why"]
    assert {"Q99", "Extra info", "Ref", "Field 7"} <= set(why)
    assert why["Q99"] == f"{ROWS - 1} of its {ROWS - 1} answers are e-mail addresses"
    # The file name keeps its words, not its address.
    assert list(summary["files"]) == [f"feedback from [email] {platform}.csv"]


def test_a_cleaned_table_with_identifier_columns_added_by_hand_leaks_nothing(tmp_path, capsys):
    export = write_export(tmp_path, "manual")
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(export), "--out", str(out), "--no-themes"]) == 0
    table = out / "evaluations.csv"
    with table.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[0] += ["Full name", "IP Address", "Notes 2"]
    for i, row in enumerate(rows[1:]):
        row += [NAMES[i], ip(i), email(i)]
    edited = tmp_path / "edited" / "evaluations.csv"
    edited.parent.mkdir()
    with edited.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    result = load_evaluations(edited, themes=False)
    assert leaks(result.data.to_csv() + json.dumps(result.summary)) == []
    assert set(result.summary["files"]["evaluations.csv"]["columns_identifiers_why"]) == {
        "Full name", "IP Address", "Notes 2"}
    again, report = tmp_path / "again", tmp_path / "report"
    assert main(["clean", "evaluations", str(edited), "--out", str(again), "--no-themes"]) == 0
    assert main(["report", "--evaluations", str(edited), "--out", str(report)]) == 0
    printed = capsys.readouterr()
    assert leaks(text_of(again) + text_of(report) + printed.out + printed.err) == []


REVIEW_QUESTIONS = ["Name of your group", "What kind of group is it?", "Date", "Co-design",
                    "Co-decision", "Co-delivery", "Co-evaluation", "Overall", "Challenges",
                    "Describe the challenges your group faces", "From start", "Throughout",
                    "Equal partners", "Roles agreed", "You said we did", "Evaluated together"]


def test_no_identifier_reaches_any_output_from_a_review_export(tmp_path, capsys):
    ids = [("Full name", "name"), ("Email", "email"), ("Telephone", "phone"),
           ("IP Address", "ip"), ("Respondent", "user")]
    rows = [[h for h, _ in ids] + REVIEW_QUESTIONS + [h for h, _ in VALUE_NET]]
    for i in range(ROWS):
        group = "" if i == 3 else f"Group {i % 11}"  # row 4: no group -> quarantined
        rows.append([ident(kind, i) for _, kind in ids]
                    + [group, "PPG", "01/09/2019", "intermediate", "descriptive",
                       "maybe" if i == 5 else "transformative", "intermediate", "intermediate",
                       "Time; Funding", "Meetings are too short", "yes", "no", "yes", "no",
                       "yes", "no"]
                    + [ident(kind, i) for _, kind in VALUE_NET])
    export = tmp_path / "reviews from leak.file@example.org.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    out, report = tmp_path / "out", tmp_path / "report"
    assert main(["clean", "reviews", str(export), "--out", str(out), "--no-themes"]) == 0
    sample = Path(__file__).parent.parent / "data" / "sample" / "evaluations"
    assert main(["report", "--evaluations", str(sample), "--reviews", str(export),
                 "--out", str(report)]) == 0
    printed = capsys.readouterr()
    assert leaks(text_of(out) + text_of(report) + printed.out + printed.err) == []
    summary = json.loads((out / "summary.json").read_text())
    assert summary["rows_quarantined"] >= 1 and summary["cells_unreadable"] >= 1
    (info,) = summary["files"].values()
    assert {"Full name", "Email", "Telephone", "IP Address", "Respondent", "Q99",
            "Extra info", "Ref", "Field 7"} <= set(info["columns_identifiers_why"])


def test_themes_classify_leaves_identifier_columns_out(tmp_path, capsys):
    table = tmp_path / "comments.csv"
    rows = [["Full name", "IP Address", "Q9", "improve"]]
    rows += [[NAMES[i], ip(i), email(i), "More time for questions"] for i in range(ROWS)]
    with table.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "coded.csv"
    assert main(["themes", "classify", str(table), "--text-column", "improve",
                 "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert leaks(out.read_text(encoding="utf-8") + printed.out + printed.err) == []
    with out.open(newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == ["improve", "themes"]
    assert "Left out as identifiers: 'Full name'" in printed.out


def typed_sheet(tmp_path, rows: list[list[str]]):
    """A typed sheet with no submission time: date, venue, one outcome, a takeaway."""
    export = tmp_path / "typed.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Venue", STATEMENTS[0], "One thing you'll take away"])
        writer.writerows(rows)
    return export


def test_a_quarantine_reason_quoting_an_unreadable_date_is_redacted(tmp_path, capsys):
    # A typed sheet with no submission time: a session date that cannot be read sets
    # the row aside, and its reason quotes what was typed there.
    export = typed_sheet(tmp_path, [["ring me on 07700 900461", "Seacroft Hub", "Agree", "x"],
                                    ["zelda.quark@example.com", "Seacroft Hub", "Agree", "x"],
                                    ["Sarah Jones, LS1 4AP", "Seacroft Hub", "Agree", "x"],
                                    ["14/03/2019", "Seacroft Hub", "Agree", "x"]])
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(export), "--out", str(out), "--no-themes"]) == 0
    with (out / "quarantine.csv").open(newline="", encoding="utf-8") as handle:
        reasons = [row["reason"] for row in csv.DictReader(handle)]
    assert reasons == [
        "the session date 'ring me on [phone]' could not be read, and the export has no "
        "submission time to fall back on",
        "the session date '[email]' could not be read, and the export has no submission "
        "time to fall back on",
        "the session date '[name], [postcode]' could not be read, and the export has no "
        "submission time to fall back on"]
    capsys.readouterr()


def test_a_name_alone_typed_where_an_answer_was_meant_is_redacted(tmp_path, capsys):
    # A name typed into a date or a scale is no free text, and no context says it is
    # a name: the raw values written to quarantine.csv and problems.csv are redacted.
    export = typed_sheet(tmp_path, [["Tom Okafor", "Seacroft Hub", "Agree", "x"],
                                    ["14/03/2019", "Seacroft Hub", "Qureshi", "x"]])
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(export), "--out", str(out), "--no-themes"]) == 0
    written = text_of(out)
    assert "Okafor" not in written and "Qureshi" not in written
    with (out / "problems.csv").open(newline="", encoding="utf-8") as handle:
        assert [r["raw_value"] for r in csv.DictReader(handle)] == ["[name]"]
    capsys.readouterr()


def test_a_surname_no_list_knows_typed_where_an_answer_was_meant_is_redacted(tmp_path,
                                                                               capsys):
    # "Pickersgill" in a scale, which no word list knows; a mistyped answer beside it
    # ("Agreee", "Notsure", "Verygood") stays as typed for the officer to mend.
    export = typed_sheet(tmp_path, [["14/03/2019", "Seacroft Hub", "Pickersgill", "x"],
                                    ["14/03/2019", "Seacroft Hub", "Agreee", "x"],
                                    ["14/03/2019", "Seacroft Hub", "Notsure", "x"],
                                    ["14/03/2019", "Seacroft Hub", "Verygood", "x"],
                                    *[["14/03/2019", "Seacroft Hub", "Agree", "x"]] * 8])
    out = tmp_path / "out"
    assert main(["clean", "evaluations", str(export), "--out", str(out), "--no-themes"]) == 0
    assert "Pickersgill" not in text_of(out)
    with (out / "problems.csv").open(newline="", encoding="utf-8") as handle:
        assert [r["raw_value"] for r in csv.DictReader(handle)] == [
            "[name]", "Agreee", "Notsure", "Verygood"]
    capsys.readouterr()
