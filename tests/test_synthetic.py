"""Tests for coprod_analysis.synthetic: the sample is reproducible and looks like real exports.

Expected values (row counts, header text, byte markers, the group review story)
are written by hand from ``data/sample/README.md`` and the platform layouts, not
copied from a run. The files are read back with ``csv`` and ``openpyxl`` only,
never with the package's own readers.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest

from coprod_analysis.synthetic import (
    ground_truth,
    ladder_movement,
    main,
    review_ground_truth,
    write_google_forms_export,
    write_sample_data,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLE_ROOT = REPO / "data" / "sample"
SAMPLE = SAMPLE_ROOT / "evaluations"
REVIEWS = SAMPLE_ROOT / "reviews"
FILES = [
    "surveymonkey-2018.csv",
    "surveymonkey-2018-reexport.csv",
    "msforms-2018-autumn.xlsx",
    "googleforms-2019-spring.csv",
    "paper-forms-2019.csv",
    "jisc-2019-autumn.csv",
]
REVIEW_FILES = [
    "reviews-2018-surveymonkey.csv",
    "reviews-2018-msforms.xlsx",
    "reviews-2019-googleforms.csv",
    "reviews-2019-paper.csv",
]
PLATFORM_FILES = ["smartsurvey-2024.csv", "qualtrics-2024.csv"]
#: Every file the generator writes, relative to the sample folder, in the order returned.
ALL_FILES = ([f"evaluations/{n}" for n in FILES] + ["sessions.csv", "group-aliases.csv"]
             + [f"reviews/{n}" for n in REVIEW_FILES]
             + [f"platforms/{n}" for n in PLATFORM_FILES])
#: SHA-256 of the committed evaluation exports: adding to the generator must never change them.
EVALUATION_SHA256 = {
    "surveymonkey-2018.csv": "65d84c28d0ba10d5e0b168f0d4c1c8bfe7e2c60eb60db926455a1f547cb40538",
    "surveymonkey-2018-reexport.csv":
        "8885a82038f22a3f4b79ba187236fde0f67b427c7ae89cfea2a1871d7d88081a",
    "msforms-2018-autumn.xlsx": "681f1ef90a1590fe1fed65d4fe53705b8d479c20c4ab184639715f465636cb14",
    "googleforms-2019-spring.csv":
        "39131d9d8359d28f0af94c7047b27df548800c3d775333687933c7e44222ab28",
    "paper-forms-2019.csv": "02959298efeb041961dd56df651a2347b69f5d5c1d307b628250b139ceee3eca",
    "jisc-2019-autumn.csv": "7c21fe23bd0ed8ab08a207e380914d793b17bd9de8a235edccb5db22cc22947d",
}
#: The contract's 16 challenge themes (section 2), code -> label as displayed.
CHALLENGES = {
    "not_productive": "Not being productive", "tokenism": "Tokenism",
    "personal_agendas": "Personal agendas", "concerns_not_addressed": "Not addressing concerns",
    "intimidation": "Intimidation", "lack_of_focus": "Lack of focus",
    "differences_in_opinion": "Differences in opinion", "funding": "Funding",
    "lack_of_empathy": "Unable to empathise", "lack_of_respect": "Lack of respect",
    "domination": "Domination", "time": "Time", "communication": "Communication (or lack of)",
    "motivation": "Motivation", "organisation": "Organisation",
    "not_understanding": "Not understanding what it is",
}
LABEL_CODE = {label: code for code, label in CHALLENGES.items()}
LADDER = {"Descriptive": "descriptive", "Intermediate": "intermediate",
          "Transformative": "transformative", "Not involved": "not_involved"}
LADDER_FIELDS = ["ladder_design", "ladder_decision", "ladder_delivery", "ladder_evaluation"]
QUALITY_FIELDS = ["quality_start", "quality_throughout", "quality_equal", "quality_roles",
                  "quality_feedback", "quality_evaluated"]
QUALITY = ["Patients are involved from the start",
           "Patients are involved throughout the whole process",
           "Patients and staff work together as equal partners",
           "Everyone's role and the level of co-production are agreed",
           'Feedback is acted on and reported back ("you said, we did")',
           "Patients and staff evaluate the difference made together"]
GRID = "By the end of the session, how far do you agree? [{}]"
GOOGLE_HEADER = [
    "Timestamp",
    "Email address",
    "Q1. Date of the session",
    "Q2. Where did you attend?",
    "Q3. Which best describes you?",
    GRID.format("I understand the patient champion's role"),
    GRID.format("I can define and explain the different levels of co-production"),
    GRID.format("I can outline the benefits of co-production"),
    GRID.format("I can outline the challenges of co-production"),
    GRID.format("I can give examples of co-production"),
    GRID.format("I can carry out a simple critique of initiatives"),
    GRID.format("I can outline the steps to carry out co-production successfully"),
    GRID.format("I feel more confident to get involved in co-production"),
    "Q5. Overall, how would you rate the session?",
    "Q6. One thing you'll take away from the session",
    "Q7. Make a pledge",
    "Q8. How could we improve the session?",
]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> list[Path]:
    return write_sample_data(tmp_path_factory.mktemp("sample"))


def _records(data: bytes, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))


def test_regenerating_reproduces_the_committed_sample_byte_for_byte(regenerated):
    root = regenerated[0].parent.parent  # the folder given, above evaluations/
    assert [p.relative_to(root).as_posix() for p in regenerated] == ALL_FILES
    for path, name in zip(regenerated, ALL_FILES, strict=True):
        assert path.read_bytes() == (SAMPLE_ROOT / name).read_bytes(), name


def test_the_evaluation_exports_keep_their_bytes(regenerated):
    # Reviews, sessions and aliases draw from streams of their own, never the evaluations'.
    for name, digest in EVALUATION_SHA256.items():
        assert hashlib.sha256((SAMPLE / name).read_bytes()).hexdigest() == digest, name
    written = {p.name: p for p in regenerated}
    for name, digest in EVALUATION_SHA256.items():
        assert hashlib.sha256(written[name].read_bytes()).hexdigest() == digest, name


def test_same_seed_gives_identical_files_and_another_seed_differs(tmp_path, regenerated):
    again = write_sample_data(tmp_path / "again")
    other = write_sample_data(tmp_path / "other", seed=7)
    for first, second, third in zip(regenerated, again, other, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
        if first.name == "group-aliases.csv":  # the story's rename, the same for every seed
            assert first.read_bytes() == third.read_bytes()
        elif first.name == "sessions.csv":  # same sessions; the facilitators are drawn
            assert [r[:2] + r[3:] for r in _records(first.read_bytes(), "utf-8")] == \
                [r[:2] + r[3:] for r in _records(third.read_bytes(), "utf-8")]
        else:
            assert first.read_bytes() != third.read_bytes(), first.name


def test_sample_files_hold_the_documented_number_of_data_rows():
    # data rows excluding header rows, as listed in data/sample/README.md
    expected = {
        "surveymonkey-2018.csv": ("utf-8", 2, 51),
        "surveymonkey-2018-reexport.csv": ("utf-8", 2, 23),
        "googleforms-2019-spring.csv": ("utf-8", 1, 35),
        "paper-forms-2019.csv": ("cp1252", 1, 23),
        "jisc-2019-autumn.csv": ("utf-8-sig", 1, 35),
    }
    for name, (encoding, headers, rows) in expected.items():
        assert len(_records((SAMPLE / name).read_bytes(), encoding)) == headers + rows, name
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(SAMPLE / "msforms-2018-autumn.xlsx").active
    assert sheet.max_row == 1 + 41


def test_generator_bookkeeping_matches_the_readme_ground_truth():
    # (data rows, blank, duplicate, quarantined, unreadable, PII items), from the README tables
    expected = {
        "surveymonkey-2018.csv": (51, 1, 0, 0, 0, 3),
        "surveymonkey-2018-reexport.csv": (23, 0, 13, 0, 0, 2),
        "msforms-2018-autumn.xlsx": (41, 0, 1, 0, 0, 2),
        "googleforms-2019-spring.csv": (35, 0, 0, 0, 0, 3),
        "paper-forms-2019.csv": (23, 2, 0, 3, 3, 2),
        "jisc-2019-autumn.csv": (35, 0, 0, 0, 0, 3),
        "reviews-2018-surveymonkey.csv": (9, 1, 0, 0, 0, 1),
        "reviews-2018-msforms.xlsx": (8, 0, 1, 0, 0, 1),
        "reviews-2019-googleforms.csv": (3, 0, 0, 0, 0, 0),
        "reviews-2019-paper.csv": (3, 0, 0, 1, 0, 0),
        "smartsurvey-2024.csv": (10, 1, 0, 0, 0, 0),
        "qualtrics-2024.csv": (12, 0, 0, 1, 0, 0),
    }
    truth = ground_truth()
    assert list(truth) == FILES + REVIEW_FILES + PLATFORM_FILES
    for name, kinds in truth.items():
        counts = (kinds["rows"][0][0], *(len(kinds.get(k, [])) for k in
                  ("blank", "duplicate", "quarantine", "unreadable")),
                  sum(len(v) for k, v in kinds.items() if k.startswith("pii:")))
        assert counts == expected[name], name
    paper = truth["paper-forms-2019.csv"]
    assert [row for row, _, _ in paper["blank"]] == [7, 20]
    assert [row for row, _, _ in paper["quarantine"]] == [4, 12, 17]
    assert [(row, col, value) for row, col, value in paper["unreadable"]] == [
        (3, "Critique", "Sometimes"), (15, "Overall", "maybe"), (18, "Steps", "ticked two boxes")]
    assert [row for row, _, _ in truth["msforms-2018-autumn.xlsx"]["duplicate"]] == [25]


def test_surveymonkey_file_has_crlf_and_two_header_rows():
    data = (SAMPLE / "surveymonkey-2018.csv").read_bytes()
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    row1, row2, first = _records(data, "utf-8")[:3]
    assert row1[:3] == ["Respondent ID", "Collector ID", "Start Date"]
    assert row2[:9] == [""] * 9
    assert row2[9:12] == ["Response", "Response", "Response"]
    assert row2[12] == "I understand the patient champion's role"
    assert row2[-1] == "Open-Ended Response"
    assert re.fullmatch(r"\d{11}", first[0])
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d [AP]M", first[2])


def test_reexport_repeats_the_last_session_of_the_first_export_exactly():
    first = _records((SAMPLE / "surveymonkey-2018.csv").read_bytes(), "utf-8")[2:]
    later = _records((SAMPLE / "surveymonkey-2018-reexport.csv").read_bytes(), "utf-8")[2:]
    assert later[:13] == first[38:51]
    assert {r[0] for r in later[13:]}.isdisjoint(r[0] for r in first)


def test_paper_file_is_windows_1252_with_curly_apostrophes_and_crlf():
    data = (SAMPLE / "paper-forms-2019.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\x92" in data
    assert data.startswith(b"Date,Venue,You are,Champion\x92s role,")
    assert b"don\x92t" in data
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n" + b"," * 15 + b"\r\n") == 2  # the two fully blank rows


def test_jisc_file_starts_with_a_utf8_bom():
    data = (SAMPLE / "jisc-2019-autumn.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfResponse ID,Started,Completed,1. Date of the session,")
    assert data.endswith(b"\r\n")


def test_google_forms_sample_quotes_every_field_with_lf_endings():
    data = (SAMPLE / "googleforms-2019-spring.csv").read_bytes()
    assert b"\r" not in data
    assert re.fullmatch(r'(?:"(?:[^"]|"")*"[,\n])*', data.decode("utf-8"))
    assert _records(data, "utf-8")[0] == GOOGLE_HEADER


def test_msforms_workbook_has_real_datetimes_and_decorated_headers():
    openpyxl = pytest.importorskip("openpyxl")
    rows = list(openpyxl.load_workbook(SAMPLE / "msforms-2018-autumn.xlsx").active.values)
    header = rows[0]
    assert header[:6] == ("ID", "Start time", "Completion time", "Email", "Name",
                          "Last modified time")
    assert "I understand the patient champion\u2019s role" in header
    assert any("\u00a0" in h for h in header)
    assert "How far do you agree?.I can give examples of co-production" in header
    assert hasattr(rows[1][1], "hour") and hasattr(rows[1][6], "year")


def test_planted_phone_and_nhs_numbers_are_valid():
    phonenumbers = pytest.importorskip("phonenumbers")
    for number in ("07911 123456", "0113 496 0123", "07723 456789", "0113 496 0456",
                   "0113 496 0789"):
        assert phonenumbers.is_valid_number(phonenumbers.parse(number, "GB")), number
    digits = [int(c) for c in "9434765919"]
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    assert check % 11 == digits[9]


def test_google_forms_export_writes_every_record_quoted(tmp_path):
    path = write_google_forms_export(tmp_path / "big.csv", 500)
    text = path.read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert len(records) == 501
    assert records[0] == GOOGLE_HEADER
    assert {len(r) for r in records} == {17}
    assert re.fullmatch(r'(?:"(?:[^"]|"")*"[,\n])*', text)
    stamp = re.compile(r"\d{4}/\d\d/\d\d \d{1,2}:\d\d:\d\d [AP]M GMT(\+1)?")
    assert all(stamp.fullmatch(r[0]) for r in records[1:])


def test_google_forms_export_is_seeded(tmp_path):
    one = write_google_forms_export(tmp_path / "a.csv", 50, seed=3).read_bytes()
    two = write_google_forms_export(tmp_path / "b.csv", 50, seed=3).read_bytes()
    three = write_google_forms_export(tmp_path / "c.csv", 50, seed=4).read_bytes()
    assert one == two != three


def test_command_line_writes_sample_and_big_export(tmp_path, capsys):
    assert main(["--out", str(tmp_path / "sample"), "--seed", "5"]) == 0
    assert sorted(p.name for p in (tmp_path / "sample" / "evaluations").iterdir()) == sorted(FILES)
    assert sorted(p.name for p in (tmp_path / "sample" / "reviews").iterdir()) == \
        sorted(REVIEW_FILES)
    assert (tmp_path / "sample" / "sessions.csv").is_file()
    assert sorted(p.name for p in (tmp_path / "sample" / "platforms").iterdir()) == \
        sorted(PLATFORM_FILES)
    assert main(["--google-forms", "20", "--out", str(tmp_path / "gf.csv")]) == 0
    assert len(list(csv.reader((tmp_path / "gf.csv").open(newline="", encoding="utf-8")))) == 21
    assert "gf.csv" in capsys.readouterr().out



# --- The sessions register and the aliases file --------------------------------

#: The 13 sessions of the evaluation sample (README "The story" table).
SESSIONS = [
    ("2018-03-20", "St George's Centre", 14), ("2018-04-24", "Leeds Civic Hall", 18),
    ("2018-05-22", "Seacroft Hub", 11), ("2018-06-19", "Chapeltown Health Centre", 16),
    ("2018-07-17", "Armley Moor Library", 12), ("2018-09-25", "St George's Centre", 22),
    ("2018-10-23", "Leeds Civic Hall", 19), ("2019-03-14", "Seacroft Hub", 15),
    ("2019-04-11", "Chapeltown Health Centre", 24), ("2019-05-21", "Armley Moor Library", 10),
    ("2019-06-20", "Leeds Civic Hall", 13), ("2019-10-14", "Seacroft Hub", 20),
    ("2019-11-12", "St George's Centre", 17),
]


def test_sessions_register_lists_the_thirteen_evaluation_sessions():
    data = (SAMPLE_ROOT / "sessions.csv").read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    header, *rows = _records(data, "utf-8")
    assert header == ["session_date", "venue", "facilitators", "attended"]
    assert [(d, v, int(a)) for d, v, _, a in rows] == SESSIONS
    for _, _, facilitators, _ in rows:
        names = facilitators.split("; ")
        assert 2 <= len(names) <= 3 and len(set(names)) == len(names)
        assert all(re.fullmatch(r"[A-Z][a-z]+ [A-Z]\.", n) for n in names), facilitators


def test_sessions_register_agrees_with_the_evaluation_exports():
    # Every session date answered in the Google Forms and JISC exports is in the register.
    register = {d for d, _, _ in SESSIONS}
    for name, encoding, column in (("googleforms-2019-spring.csv", "utf-8", 2),
                                   ("jisc-2019-autumn.csv", "utf-8-sig", 3)):
        answered = {r[column] for r in _records((SAMPLE / name).read_bytes(), encoding)[1:]}
        days = {dt.datetime.strptime(a, "%d/%m/%Y").date().isoformat() for a in answered if a}
        assert days <= register, name


def test_aliases_file_maps_the_one_renamed_group():
    data = (SAMPLE_ROOT / "group-aliases.csv").read_bytes()
    assert data == b"alias,group\nChapeltown PPG,Chapeltown Health Centre PPG\n"


# --- The group review exports ---------------------------------------------------


def _read_reviews() -> dict[str, list[dict]]:
    """Each review file's data rows, read back independently into the contract's fields."""
    def codes(labels):
        return tuple(sorted(LABEL_CODE[x] for x in labels if x in LABEL_CODE))

    def yes_no(value):
        return {"yes": True, "y": True, "no": False, "n": False}.get(value.strip().lower())

    def ladder(value):
        return LADDER.get(value.strip().capitalize(), "") if value else ""

    out = {}
    sm = _records((REVIEWS / REVIEW_FILES[0]).read_bytes(), "utf-8")
    out[REVIEW_FILES[0]] = [{
        "typed": r[9], "ladder": [ladder(x) for x in r[12:16]], "overall": ladder(r[16]),
        "challenges": codes(x for x in r[17:33] if x), "other": r[33], "text": r[34],
        "quality": [yes_no(x) for x in r[35:41]], "email": r[5]} for r in sm[2:]]
    openpyxl = pytest.importorskip("openpyxl")
    ms = list(openpyxl.load_workbook(REVIEWS / REVIEW_FILES[1]).active.values)
    out[REVIEW_FILES[1]] = [{
        "typed": r[5] or "", "ladder": [ladder(x) for x in r[8:12]], "overall": ladder(r[12]),
        "challenges": codes((r[13] or "").split(";")), "other": "", "text": r[14] or "",
        "quality": [yes_no(x or "") for x in r[15:21]], "email": r[3],
        "started": r[1], "completed": r[2], "date": r[7]} for r in ms[1:]]
    gf = _records((REVIEWS / REVIEW_FILES[2]).read_bytes(), "utf-8")
    out[REVIEW_FILES[2]] = [{
        "typed": r[2], "ladder": [ladder(x) for x in r[5:9]], "overall": ladder(r[9]),
        "challenges": codes(r[10].split(", ")),
        "other": ", ".join(x for x in r[10].split(", ") if x not in LABEL_CODE), "text": r[11],
        "quality": [yes_no(x) for x in r[12:18]], "email": r[1]} for r in gf[1:]]
    paper = _records((REVIEWS / REVIEW_FILES[3]).read_bytes(), "cp1252")
    typed = {w.lower(): c for c, words in {
        "time": ["time", "lack of time"], "communication": ["communication", "comms"],
        "funding": ["funding", "lack of funding"],
        "motivation": ["motivation", "lack of motivation"]}.items() for w in words}
    out[REVIEW_FILES[3]] = [{
        "typed": r[0], "ladder": [ladder(x) for x in r[3:7]], "overall": ladder(r[7]),
        "challenges": tuple(sorted(typed[w.strip().lower()] for w in re.split(r"[;,]", r[8]))),
        "other": "", "text": r[9],
        "quality": [yes_no(x) for x in r[10:16]], "email": ""} for r in paper[1:]]
    return out


@pytest.fixture(scope="module")
def reviews() -> dict[str, list[dict]]:
    return _read_reviews()


def test_review_files_hold_the_documented_rows_and_outcomes():
    # (data rows, blank, duplicate, quarantined, clean), from the README "Group reviews" table
    expected = {
        "reviews-2018-surveymonkey.csv": (9, 1, 0, 0, 8),
        "reviews-2018-msforms.xlsx": (8, 0, 1, 0, 7),
        "reviews-2019-googleforms.csv": (3, 0, 0, 0, 3),
        "reviews-2019-paper.csv": (3, 0, 0, 1, 2),
    }
    truth = review_ground_truth()
    for name, counts in expected.items():
        statuses = [t["status"] for t in truth if t["file"] == name]
        assert (len(statuses), statuses.count("blank"), statuses.count("duplicate"),
                statuses.count("quarantine"), statuses.count("clean")) == counts, name
    reviews = _read_reviews()
    assert {name: len(rows) for name, rows in reviews.items()} == \
        {name: counts[0] for name, counts in expected.items()}


def test_review_files_say_what_the_generator_recorded(reviews):
    for t in review_ground_truth():
        row = reviews[t["file"]][t["source_row"] - 1]
        where = f"{t['file']} row {t['source_row']}"
        assert row["typed"] == t["typed"], where
        assert row["ladder"] == [t[f] for f in LADDER_FIELDS], where
        assert row["overall"] == t["ladder_overall"], where
        assert row["challenges"] == tuple(sorted(t["challenges"])), where
        assert row["other"] == t["other"], where
        # the paper typist's apostrophes are curly (0x92)
        assert row["text"] == t["challenges_text"].replace("'", "\u2019" if "paper" in where
                                                           else "'"), where
        assert row["quality"] == [t[f] for f in QUALITY_FIELDS], where


def test_review_story_has_the_documented_groups_spellings_and_rename():
    truth = [t for t in review_ground_truth() if t["status"] == "clean"]
    groups = {t["group"] for t in truth}
    assert len(groups) == 15
    kinds = {}
    for t in truth:
        kinds.setdefault(t["group_type"], set()).add(t["group"])
    assert {k: len(v) for k, v in kinds.items()} == {
        "PPG (Patient Participation Group)": 9, "PAG (Patient Assurance Group)": 3,
        "CCG volunteer steering group": 2, "Other": 1}
    spellings = {}
    for t in review_ground_truth():
        if t["group"]:
            spellings.setdefault(t["group"], []).append(t["typed"])
    assert spellings["Oakwood PPG"] == ["Oakwood PPG", "oakwood ppg ", "Oakwood P.P.G."]
    assert spellings["Seacroft Surgery Patient Group"] == [
        "Seacroft Surgery Patient Group", "Seacroft surgery patient group"]
    assert spellings["Leeds North PAG"] == ["Leeds North PAG", "Leeds north PAG"]
    assert spellings["Chapeltown Health Centre PPG"] == [
        "Chapeltown PPG", "Chapeltown Health Centre PPG"]  # the rename: in the aliases file
    differently = [g for g, names in spellings.items() if len(set(names)) > 1]
    assert len(differently) == 4
    # every clean review ticks 3 to 6 themes, and its text says something
    assert all(3 <= len(t["challenges"]) <= 6 and t["challenges_text"] for t in truth)


def test_review_dates_and_re_reviews_follow_the_story():
    truth = [t for t in review_ground_truth() if t["status"] == "clean"]
    first = [t for t in truth if t["review_date"].startswith("2018")]
    again = [t for t in truth if t["review_date"].startswith("2019")]
    assert len(first) == 15 and len({t["group"] for t in first}) == 15
    assert {t["group"] for t in again} == {
        "Oakwood PPG", "Chapeltown Health Centre PPG", "Seacroft Surgery Patient Group",
        "Leeds North PAG", "CCG Volunteer Steering Group"}
    for t in again:
        before = next(f for f in first if f["group"] == t["group"])
        months = (dt.date.fromisoformat(t["review_date"])
                  - dt.date.fromisoformat(before["review_date"])).days / 30.44
        assert 6 <= months <= 12, t["group"]
        assert t["file"] != before["file"]  # every re-review came through another platform
    levels = ["ladder_design", "ladder_decision", "ladder_delivery", "ladder_evaluation",
              "ladder_overall"]
    assert ladder_movement() == {
        "Seacroft Surgery Patient Group": dict(zip(levels, [
            "same", "down", "up", "same", "same"], strict=True)),
        "Oakwood PPG": dict(zip(levels, [
            "up", "up", "same", "now involved", "up"], strict=True)),
        "Chapeltown Health Centre PPG": dict(zip(levels, [
            "up", "up", "same", "same", "up"], strict=True)),
        "Leeds North PAG": dict(zip(levels, [
            "same", "same", "up", "now involved", "same"], strict=True)),
        "CCG Volunteer Steering Group": dict(zip(levels, [
            "up", "same", "down", "up", "same"], strict=True)),
    }


def test_review_messiness_is_where_the_readme_says(reviews):
    truth = {(t["file"], t["source_row"]): t for t in review_ground_truth()}
    sm, ms, gf, paper = (reviews[n] for n in REVIEW_FILES)
    # SurveyMonkey row 5: opened and left; every answer empty, identity filled
    assert truth[(REVIEW_FILES[0], 5)]["status"] == "blank"
    assert sm[4]["typed"] == "" and sm[4]["text"] == "" and sm[4]["email"]
    # Microsoft Forms rows 1 and 2: the same e-mail and group, the later wins
    assert truth[(REVIEW_FILES[1], 1)]["status"] == "duplicate"
    assert ms[0]["email"] == ms[1]["email"] != "anonymous"
    assert ms[0]["typed"].strip().lower() == ms[1]["typed"].strip().lower()
    assert ms[0]["completed"] < ms[1]["completed"]
    # paper row 3: no group name, quarantined
    assert truth[(REVIEW_FILES[3], 3)]["status"] == "quarantine" and paper[2]["typed"] == ""
    # "Other" typed as text (SurveyMonkey row 2, Google row 3)
    assert sm[1]["other"] == "Finding a room with a hearing loop"
    assert gf[2]["other"] == "DBS checks for new volunteers take months"
    # personal details and a formula-looking answer in the challenges text
    assert "karen.brennan@example.org" in sm[3]["text"]
    assert "0113 496 0789" in ms[5]["text"]
    assert gf[1]["text"].startswith("- ") and "\n" in gf[1]["text"]


def test_review_challenge_labels_are_the_contracts():
    from coprod_analysis.synthetic_text import CHALLENGE_LABELS, CHALLENGE_TEXT
    assert CHALLENGE_LABELS == CHALLENGES
    assert set(CHALLENGE_TEXT) == set(CHALLENGES)
    vocab = pytest.importorskip("coprod_analysis.vocab")
    if hasattr(vocab, "CHALLENGE_THEMES"):
        assert dict(vocab.CHALLENGE_THEMES) == CHALLENGES


def test_surveymonkey_reviews_have_two_header_rows_and_a_multi_select_block():
    data = (REVIEWS / "reviews-2018-surveymonkey.csv").read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    row1, row2, *rows = _records(data, "utf-8")
    assert row1[:9] == ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
                        "Email Address", "First Name", "Last Name", "Custom Data 1"]
    assert row2[:9] == [""] * 9
    at = row1.index("What gets in the way? (tick all that apply)")
    assert row1[at + 1:at + 17] == [""] * 16  # the question over the first option column only
    assert row2[at:at + 17] == [*CHALLENGES.values(), "Other (please specify)"]
    ladder = row1.index("Where is your group on the ladder of co-production?")
    assert row2[ladder:ladder + 4] == ["Co-design", "Co-decision", "Co-delivery", "Co-evaluation"]
    quality = row1.index("Quality indicators")
    assert row2[quality:quality + 6] == QUALITY
    for r in rows:
        assert len(r) == len(row1) == len(row2)
        assert all(cell in ("", row2[at + i]) for i, cell in enumerate(r[at:at + 16]))
        assert {*r[ladder:ladder + 4]} <= {"", *LADDER}
        assert {*r[quality:quality + 6]} <= {"", "Yes", "No"}
        assert re.fullmatch(r"\d{11}", r[0])


def test_msforms_reviews_end_every_ticked_option_with_a_semicolon():
    openpyxl = pytest.importorskip("openpyxl")
    rows = list(openpyxl.load_workbook(REVIEWS / "reviews-2018-msforms.xlsx").active.values)
    header = rows[0]
    assert header[:5] == ("ID", "Start time", "Completion time", "Email", "Name")
    assert "Where is your group on the ladder of co-production?.Co-design" in header
    assert "Co-evaluation" in header  # a matrix row headed by the statement alone
    column = header.index("What gets in the way? (tick all that apply)")
    for r in rows[1:]:
        assert r[column].endswith(";") and not r[column].endswith(";;")
        assert set(r[column][:-1].split(";")) <= set(CHALLENGES.values())
        assert isinstance(r[1], dt.datetime) and isinstance(r[2], dt.datetime)
        assert r[1] < r[2]
        assert {*r[-6:]} <= {"Yes", "No"}
    # reproducible bytes: no entry in the zip carries the time it was written
    with zipfile.ZipFile(REVIEWS / "reviews-2018-msforms.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_google_forms_reviews_quote_every_field():
    data = (REVIEWS / "reviews-2019-googleforms.csv").read_bytes()
    assert b"\r" not in data
    assert re.fullmatch(r'(?:"(?:[^"]|"")*"[,\n])*', data.decode("utf-8"))
    header, *rows = _records(data, "utf-8")
    assert header[:5] == ["Timestamp", "Email address", "Q1. Name of your group",
                          "Q2. What kind of group is it?", "Q3. Date"]
    assert header[5:9] == [f"Where is your group on the ladder of co-production? [{x}]"
                           for x in ("Co-design", "Co-decision", "Co-delivery", "Co-evaluation")]
    stamp = re.compile(r"\d{4}/\d\d/\d\d \d{1,2}:\d\d:\d\d [AP]M GMT(\+1)?")
    assert all(stamp.fullmatch(r[0]) for r in rows)
    ticked = header.index("Q6. What gets in the way? (tick all that apply)")
    assert all(";" not in r[ticked] for r in rows)  # Google joins checkboxes with ", "


def test_paper_reviews_are_windows_1252_typed_by_hand():
    data = (REVIEWS / "reviews-2019-paper.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\x92" in data and data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    header, *rows = _records(data, "cp1252")
    assert header == ["Group", "Type", "Date", "Co-design", "Co-decision", "Co-delivery",
                      "Co-evaluation", "Overall", "Challenges", "Describe challenges",
                      "From start", "Throughout", "Equal partners", "Roles agreed",
                      "You said we did", "Evaluated together"]
    for r in rows:
        assert {*r[10:16]} <= {"Y", "yes", "No", "n", ""}
    assert any(", " in r[8] for r in rows) and any(";" in r[8] for r in rows)


# --- The SmartSurvey and Qualtrics exports (data/sample/platforms/) -------------------------


def test_smartsurvey_sample_has_its_documented_layout():
    records = _records((SAMPLE_ROOT / "platforms" / "smartsurvey-2024.csv").read_bytes(),
                       "utf-8-sig")
    assert (SAMPLE_ROOT / "platforms" / "smartsurvey-2024.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert records[0][:8] == ["UserID", "UserNo", "Name", "Email", "IP Address", "Unique ID",
                              "Started", "Ended"]
    assert records[0][8] == "Q1. Date of the session"
    # The grid's statements are in the second header row, the own columns left empty there.
    assert records[1][:11] == [""] * 11
    assert records[1][11] == "I understand the patient champion's role"
    assert len(records) == 2 + 10
    assert re.fullmatch(r"\d\d/\d\d/2024 \d\d:\d\d:\d\d", records[2][7])


def test_qualtrics_sample_has_three_header_rows_and_a_preview():
    records = _records((SAMPLE_ROOT / "platforms" / "qualtrics-2024.csv").read_bytes(),
                       "utf-8-sig")
    assert records[0][:3] == ["StartDate", "EndDate", "Status"]
    assert records[1][8] == "Response ID"
    assert all(cell.startswith('{"ImportId":') for cell in records[2])
    assert len(records) == 3 + 12
    assert records[3][2] == "Survey Preview"
    assert {r[2] for r in records[4:]} == {"IP Address"}
