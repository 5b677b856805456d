"""Synthetic sample data: invented evaluation and group review exports that look like real ones.

Nothing here describes a real person or a real session. Names and e-mail
addresses are invented (``@example.org`` and friends), phone numbers come from
Ofcom's drama ranges or are made up, and every rating is drawn at random.

The sample tells the story of a patient champion co-production training
programme in Leeds: 13 sessions between March 2018 and November 2019 at five
venues, exported from SurveyMonkey (twice, overlapping), Microsoft Forms,
Google Forms, JISC Online Surveys and paper forms typed into Excel. Ratings
vary by outcome (critique and steps lowest, role and benefits highest), by
session (two weak sessions, a steady improvement over time) and by person, and
``overall`` follows the outcomes. Each file carries its platform's quirks and a
few planted problems (blank rows, duplicates, undatable rows, unreadable cells,
personal details and formula-looking text in free text) whose exact counts are
written down in ``data/sample/README.md``.

Beside them: the sessions register (``sessions.csv``), and group review form
exports (``reviews/``: SurveyMonkey, Microsoft Forms, Google Forms and paper)
following 15 invented Leeds patient groups reviewed in 2018, five of them
re-reviewed in 2019, with a renamed group (``group-aliases.csv``), names typed
differently, a blank response, a resubmission, an unnamed review and planted
personal details. The review story is the :data:`REVIEWS` table; the seed
draws only its texture. Sentence pools live in
:mod:`coprod_analysis.synthetic_text`.

Regenerate the sample with ``python -m coprod_analysis.synthetic --out
data/sample``; write a large Google Forms export for benchmarks with
``python -m coprod_analysis.synthetic --google-forms 1000000 --out big.csv``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import logging
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from coprod_analysis.synthetic_text import (
    CHALLENGE_LABELS,
    CHALLENGE_TEXT,
    IMPROVEMENTS,
    JOINERS,
    PAPER_CHALLENGE_WORDS,
    PLEDGES,
    TAKEAWAYS,
)
from coprod_analysis.vocab import EVALUATION_FIELDS, LIKERT_LABELS, OUTCOME_FIELDS, OVERALL_LABELS

logger = logging.getLogger(__name__)

DEFAULT_SEED = 20180320
QUESTION = {f.name: f.question for f in EVALUATION_FIELDS}
STATEMENTS = [f.question for f in OUTCOME_FIELDS]
OUTCOMES = [f.name for f in OUTCOME_FIELDS]
FREE_TEXT = ("takeaway", "pledge", "improvements")

VENUES = ("St George's Centre", "Leeds Civic Hall", "Seacroft Hub",
          "Chapeltown Health Centre", "Armley Moor Library")
RESPONDENT_TYPES = ("Patient", "Carer", "CCG volunteer", "Member of the public", "Staff", "Other")
RESPONDENT_P = (0.38, 0.20, 0.22, 0.08, 0.08, 0.04)
#: Shift of each outcome's latent rating, in OUTCOME_FIELDS order: role and
#: benefits come easiest, critique and steps hardest.
OUTCOME_SHIFT = np.array([0.55, -0.05, 0.45, 0.10, 0.0, -0.65, -0.45, 0.25])
FIRST_NAMES = ("Jane", "John", "Alex", "Sam", "Priya", "Mo", "Grace", "Tom", "Aisha", "Chris",
               "Helen", "Dave", "Fatima", "Gary", "Linda", "Sean", "Wei", "Ola")
LAST_NAMES = ("Doe", "Smith", "Example", "Taylor", "Khan", "Brown", "Jones", "Patel", "Walker",
              "Wilson", "Ahmed", "Clarke", "Wood", "Hughes", "Lee", "Sample")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: The sentence pools (TAKEAWAYS, PLEDGES, IMPROVEMENTS and the review pools)
#: live in :mod:`coprod_analysis.synthetic_text`.
NO_ANSWER = ("N/A", "None", "n/a", "Nothing", "NA", "No")


@dataclass(frozen=True)
class _Session:
    number: int
    date: dt.date
    venue: str
    attended: int
    weak: float  # extra shift of every latent rating in a session that went badly


SESSIONS = tuple(
    _Session(i + 1, dt.date.fromisoformat(d), v, a, w)
    for i, (d, v, a, w) in enumerate([
        ("2018-03-20", VENUES[0], 14, 0.0), ("2018-04-24", VENUES[1], 18, 0.0),
        ("2018-05-22", VENUES[2], 11, -0.8), ("2018-06-19", VENUES[3], 16, 0.0),
        ("2018-07-17", VENUES[4], 12, 0.0), ("2018-09-25", VENUES[0], 22, 0.0),
        ("2018-10-23", VENUES[1], 19, 0.0), ("2019-03-14", VENUES[2], 15, 0.0),
        ("2019-04-11", VENUES[3], 24, 0.0), ("2019-05-21", VENUES[4], 10, -0.7),
        ("2019-06-20", VENUES[1], 13, 0.0), ("2019-10-14", VENUES[2], 20, 0.0),
        ("2019-11-12", VENUES[0], 17, 0.0),
    ])
)

#: Planted free text: (session, 0-based response in session, field, text, tags).
PLANTS = (
    (1, 1, "pledge", "I will email the PPG chair at jane.doe@example.org to ask about joining.",
     ("pii:email",)),
    (2, 3, "takeaway", "my name is Margaret and this was my first session, very welcoming",
     ("pii:name",)),
    (2, 5, "improvements", "More time for questions.\r\nAlso the room was cold.", ("newline",)),
    (3, 0, "improvements", "- more breaks please", ("formula",)),
    (4, 2, "pledge", "Call me on 07911 123456 if you need volunteers for the diabetes project",
     ("pii:phone",)),
    (4, 4, "improvements", "None", ("literal",)),
    (5, 1, "takeaway", "Thanks to Dr Patel for explaining the ladder so clearly.", ("pii:name",)),
    (5, 4, "improvements", "+ handouts to take home", ("formula",)),
    (6, 2, "pledge", "Ring me at the surgery on 0113 496 0123 to set up a PPG meeting",
     ("pii:phone",)),
    (7, 1, "improvements", "@Leeds CCG please run this again for our group", ("formula",)),
    (7, 4, "takeaway", "My NHS number is 943 476 5919 and I still had to repeat my story three "
     "times. That's why this matters.", ("pii:nhs_number",)),
    (8, 1, "improvements", "None", ("literal",)),
    (8, 3, "pledge", "I'll contact john.smith@example.com about the carers' forum", ("pii:email",)),
    (9, 0, "pledge", "null", ("literal",)),
    (9, 2, "takeaway", "Hi my name is Sarah, I'm a carer from LS6 2QF and this was really useful.",
     ("pii:name", "pii:postcode")),
    (9, 5, "improvements", "Two things:\n1. more time\n2. less jargon", ("newline",)),
    (10, 0, "improvements", "Room too cold\nMore breaks", ("newline",)),
    (10, 1, "takeaway", "I don\u2019t think I knew what co-production was before today", ()),
    (10, 4, "pledge", "=SUM(A1)", ("formula",)),
    (10, 5, "improvements", "NA", ("literal",)),
    (11, 2, "improvements", "Parking was a nightmare. Text me on 07723 456789 about lifts",
     ("pii:phone",)),
    (11, 5, "pledge", "email me m.jones@example.net", ("pii:email",)),
    (12, 1, "pledge", "Contact me on 0113 496 0456 or sam.taylor@example.org",
     ("pii:phone", "pii:email")),
    (13, 0, "improvements", "- slower pace please", ("formula",)),
    (13, 3, "takeaway", "Thanks to Dr Okafor and the team, I now feel confident to speak up.",
     ("pii:name",)),
)


def _pick(rng: np.random.Generator, seq: Sequence, p: Sequence[float] | None = None):
    """Return one element of ``seq`` (a plain Python object, not a numpy scalar)."""
    return seq[int(rng.choice(len(seq), p=p))]


def _ordinal(day: int) -> str:
    """Return ``day`` with its English ordinal suffix.

    >>> _ordinal(21), _ordinal(12), _ordinal(3)
    ('21st', '12th', '3rd')
    """
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _ampm(t: dt.datetime, pad: bool = True) -> tuple[str, str, str]:
    """Split a time into 12-hour clock parts ``("10", ":02:11", "AM")``, whatever the locale."""
    hour = (t.hour + 11) % 12 + 1
    return f"{hour:02d}" if pad else str(hour), t.strftime(":%M:%S"), "AM" if t.hour < 12 else "PM"


def _is_bst(day: dt.date) -> bool:
    """True if UK clocks show British Summer Time on ``day`` (at midday)."""
    def last_sunday(month: int) -> dt.date:
        d = dt.date(day.year, month, 31)
        return d - dt.timedelta(days=(d.weekday() + 1) % 7)
    return last_sunday(3) <= day < last_sunday(10)


# --- Drawing responses -------------------------------------------------------


#: Sentences containing one of these speak for one kind of respondent only.
VOICES = {"carer": "Carer", "my mum": "Carer", "our next project": "Staff",
          "As a volunteer": "CCG volunteer", "As a patient": "Patient"}


def _free_text(rng, pool, blank_p, rtype, weights=None):
    """Draw one free-text answer: blank, a no-answer word, or a sentence from ``pool``
    that suits a respondent of type ``rtype``."""
    u = rng.random()
    if u < blank_p:
        return ""
    if u < blank_p + 0.04:
        return _pick(rng, NO_ANSWER)
    weights = np.ones(len(pool)) if weights is None else np.asarray(weights, dtype=float)
    fits = [all(rtype == who for key, who in VOICES.items() if key in text) for text in pool]
    weights = np.where(fits, weights, 0.0)
    return _pick(rng, pool, weights / weights.sum())


def _draw_session(rng: np.random.Generator, s: _Session) -> list[dict]:
    """Draw the responses of one session, chronologically, with planted text applied."""
    n = s.attended - int(_pick(rng, (0, 1, 2, 2, 3)))
    trend = -0.35 + 0.75 * (s.number - 1) / (len(SESSIONS) - 1)
    latent = (4.0 + trend + s.weak + OUTCOME_SHIFT[None, :] + rng.normal(0, 0.45, (n, 1))
              + rng.normal(0, 0.6, (n, len(OUTCOMES))))
    scores = np.clip(np.rint(latent), 1, 5).astype(int)
    overall = np.clip(np.rint(scores.mean(axis=1) + 0.25 + rng.normal(0, 0.45, n)), 1, 5)
    themes = [theme for theme, _ in IMPROVEMENTS]
    w = np.array([4.0 if s.weak and t in ("time", "pace", "venue") else 1.0 for t in themes])
    end = dt.datetime.combine(s.date, dt.time(16) if s.number in (2, 7, 9, 12) else dt.time(12, 30))
    offsets = np.sort(rng.integers(-15 * 60, 40 * 60, n))
    records = []
    for i in range(n):
        rtype = _pick(rng, RESPONDENT_TYPES, RESPONDENT_P)
        records.append({
            "session": s,
            "type": rtype,
            "scores": [int(x) for x in scores[i]],
            "overall": int(overall[i]),
            "takeaway": _free_text(rng, TAKEAWAYS, 0.12, rtype),
            "pledge": _free_text(rng, PLEDGES, 0.22, rtype),
            "improvements": _free_text(rng, [t for _, t in IMPROVEMENTS], 0.28, rtype, w),
            "submitted": end + dt.timedelta(seconds=int(offsets[i])),
            "took": dt.timedelta(seconds=int(rng.integers(100, 600))),
            "person": (_pick(rng, FIRST_NAMES), _pick(rng, LAST_NAMES)),
            "tags": [],
        })
    for number, i, field, text, tags in PLANTS:
        if number == s.number:
            records[i][field] = text
            records[i]["tags"] += [(tag, field, text) for tag in tags]
            named = re.search(r"my name is (\w+)", text)
            if named:  # the respondent's invented identity agrees with what they wrote
                records[i]["person"] = (named.group(1), records[i]["person"][1])
    return records


def _skip_some(rng, records, p):
    """Leave a few Likert answers unanswered (optional questions), in place of a score."""
    for rec in records:
        rec["scores"] = [None if rng.random() < p else x for x in rec["scores"]]


def _email(person, domain="example.org"):
    return f"{person[0]}.{person[1]}@{domain}".lower()


# --- Platform layouts --------------------------------------------------------

_SM_META = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1"]
_SM_MATRIX = "By the end of the session, how far do you agree with the following statements?"


def _label(score, labels):
    """The answer label of a 1-5 score, or empty for an unanswered question."""
    return "" if score is None else labels[score - 1]


def _answers(rec, date_text, overall_text):
    """The section-1 answers of ``rec`` in form order, as text."""
    return ([date_text, rec["session"].venue, rec["type"]]
            + [_label(x, LIKERT_LABELS) for x in rec["scores"]]
            + [overall_text] + [rec[f] for f in FREE_TEXT])


def _surveymonkey_rows(rng, sessions, last_id):
    """SurveyMonkey data rows (cells, tags); Respondent IDs rise from ``last_id``.

    Returns the rows and the last Respondent ID used.
    """
    rows, rid = [], last_id
    for s, records in sessions:
        if s.number == 2:  # someone opened the survey and closed it without answering
            ghost = dict(records[4], blank=True, tags=[("blank", "", "")],
                         submitted=records[4]["submitted"] - dt.timedelta(minutes=3),
                         took=dt.timedelta(seconds=41))
            records = [*records[:4], ghost, *records[4:]]
        for rec in records:
            rid += int(rng.integers(20_000, 900_000))
            named = rng.random() < 0.12 and not rec.get("blank")
            first, last = rec["person"] if named else ("", "")
            meta = [str(rid), "214563870", _sm_time(rec["submitted"] - rec["took"]),
                    _sm_time(rec["submitted"]), f"192.0.2.{int(rng.integers(1, 255))}",
                    _email(rec["person"]) if named else "", first, last,
                    "newsletter" if rng.random() < 0.1 else ""]
            if rec.get("blank"):
                rows.append((meta + [""] * 15, rec["tags"]))
                continue
            answers = _answers(rec, rec["session"].date.strftime("%d/%m/%Y"),
                               _label(rec["overall"], OVERALL_LABELS))
            tags = rec["tags"] + ([("identifier", "Email Address", "")] if named else [])
            rows.append((meta + answers, tags))
    return rows, rid


def _sm_time(t: dt.datetime) -> str:
    hour, rest, ampm = _ampm(t)
    return f"{t:%m/%d/%Y} {hour}{rest} {ampm}"


def _surveymonkey_header():
    row1 = _SM_META + [QUESTION["session_date"], QUESTION["venue"], QUESTION["respondent_type"],
                       _SM_MATRIX] + [""] * 7 + [QUESTION[f] for f in ("overall", *FREE_TEXT)]
    row2 = [""] * 9 + ["Response"] * 3 + STATEMENTS + ["Response"] + ["Open-Ended Response"] * 3
    return [row1, row2]


def _msforms_header():
    """Microsoft Forms headers: some matrix columns as ``Question.Statement``, some bare."""
    prefixed = ("outcome_levels", "outcome_benefits", "outcome_examples", "outcome_steps")
    special = {"outcome_role": "I understand the patient champion\u2019s role",
               "outcome_confidence": "I feel more confident to get involved in\u00a0co-production"}
    matrix = [special.get(f.name, ("How far do you agree?." if f.name in prefixed else "")
                          + f.question) for f in OUTCOME_FIELDS]
    return ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
            QUESTION["session_date"], QUESTION["venue"], QUESTION["respondent_type"], *matrix,
            QUESTION["overall"], "One thing you\u2019ll take away from the session",
            QUESTION["pledge"], QUESTION["improvements"]]


def _msforms_rows(rng, sessions):
    """Microsoft Forms rows; one named respondent of session 7 resubmits later."""
    rows, row_of = [], {}
    for s, records in sessions:
        if s.number == 7:
            first = records[3]
            again = dict(first, scores=[min(5, x + 1) for x in first["scores"]],
                         overall=min(5, first["overall"] + 1),
                         improvements="More mixing of patients and staff in the groups.",
                         submitted=first["submitted"] + dt.timedelta(minutes=16), tags=[],
                         named=True, resubmits=first)
            first["named"] = True
            records = sorted([*records, again], key=lambda r: r["submitted"])
        for rec in records:
            named = rec.get("named") or rng.random() < 0.1
            cells = [len(rows) + 1, rec["submitted"] - rec["took"], rec["submitted"],
                     _email(rec["person"]) if named else "anonymous",
                     " ".join(rec["person"]) if named else None, None, s.date, s.venue, rec["type"],
                     *(_label(x, LIKERT_LABELS) or None for x in rec["scores"]),
                     rec["overall"], *(rec[f] or None for f in FREE_TEXT)]
            tags = rec["tags"] + ([("identifier", "Email", "")] if named else [])
            if "resubmits" in rec:
                rows[row_of[id(rec["resubmits"])]][1].append(
                    ("duplicate", "Email", f"resubmitted as row {len(rows) + 1}; the later wins"))
            row_of[id(rec)] = len(rows)
            rows.append((cells, tags))
    return rows


def _google_header():
    grid = "By the end of the session, how far do you agree? [{}]"
    return (["Timestamp", "Email address", f"Q1. {QUESTION['session_date']}",
             f"Q2. {QUESTION['venue']}", f"Q3. {QUESTION['respondent_type']}"]
            + [grid.format(s) for s in STATEMENTS]
            + [f"Q{i}. {QUESTION[f]}" for i, f in enumerate(("overall", *FREE_TEXT), start=5)])


def _google_time(t: dt.datetime) -> str:
    hour, rest, ampm = _ampm(t, pad=False)
    return f"{t:%Y/%m/%d} {hour}{rest} {ampm} {'GMT+1' if _is_bst(t.date()) else 'GMT'}"


def _google_rows(rng, sessions):
    """Google Forms rows; some respondents skip the date question (the timestamp gives it)."""
    rows, seen = [], set()
    for s, records in sessions:
        for rec in records:
            email = _email(rec["person"], "example.com")
            while email in seen:
                email = email.replace("@", str(int(rng.integers(1, 10))) + "@", 1)
            seen.add(email)
            no_date = rng.random() < 0.15
            answers = _answers(rec, "" if no_date else s.date.strftime("%d/%m/%Y"),
                               _label(rec["overall"], OVERALL_LABELS))
            tags = rec["tags"] + [("identifier", "Email address", "")]
            tags += [("no_date_answer", "Q1. Date of the session", "")] if no_date else []
            rows.append(([_google_time(rec["submitted"]), email, *answers], tags))
    return rows


_PAPER_HEADER = ["Date", "Venue", "You are", "Champion\u2019s role", "Levels", "Outline benefits",
                 "Outline challenges", "Examples", "Critique", "Steps", "Confidence", "Overall",
                 "Take away", "Pledge", "Improve", "Notes (staff use)"]
_PAPER_TYPES = {"Patient": ("Patient", "patient", "Service user"), "Carer": ("Carer", "carer "),
                "CCG volunteer": ("CCG volunteer", "Volunteer", "ccg volunteer"),
                "Member of the public": ("Member of the public", "Public"),
                "Staff": ("Staff", "NHS staff"), "Other": ("Other (governor)", "other")}
_PAPER_OVERALL = {5: ("Excellent", "very good", "5", "Very Good"), 4: ("Good", "good", "4"),
                  3: ("OK", "Fair", "3"), 2: ("Poor", "poor"), 1: ("Very poor",)}
_PAPER_NOTES = ("Form handed in at end", "Writing hard to read", "Posted in after session",
                "Entered by DK", "Entered by RB")
#: (session, response, column, typed value, tag): the planted typing problems.
_PAPER_PROBLEMS = (
    (10, 3, "Date", "", "quarantine"), (11, 6, "Date", "", "quarantine"),
    (11, 1, "Date", "32/13/2019", "quarantine"), (10, 2, "Critique", "Sometimes", "unreadable"),
    (11, 4, "Overall", "maybe", "unreadable"), (11, 7, "Steps", "ticked two boxes", "unreadable"),
)


def _paper_likert(rng, score, style):
    """A Likert answer as typed: mostly in the form's ``style`` (0-5), sometimes not."""
    if score is None:
        return _pick(rng, ("", "N/A", "-"))
    label = LIKERT_LABELS[score - 1]
    if score == 3 and rng.random() < 0.3:
        return "Neutral"
    style = style if rng.random() < 0.7 else int(rng.integers(0, 6))
    return (label, str(score), f"{score} - {label}", label.lower(), label + " ",
            label.upper())[style]


def _paper_date(rng, day: dt.date) -> str:
    return _pick(rng, (f"{day:%d/%m/%Y}", f"{_ordinal(day.day)} {MONTHS[day.month - 1]} {day:%Y}",
                       day.isoformat(), f"{day.day}/{day.month}/{day:%y}"))


def _paper_rows(rng, sessions):
    """Paper forms typed into Excel: inconsistent answers, blank rows, undatable rows."""
    rows = []
    for s, records in sessions:
        for i, rec in enumerate(records):
            venue = s.venue if rng.random() < 0.85 else _pick(rng, (s.venue.lower(), s.venue + " "))
            style = int(_pick(rng, range(6), (0.35, 0.25, 0.1, 0.1, 0.1, 0.1)))
            free = [rec[f].replace("'", "\u2019") if rng.random() < 0.5 else rec[f]
                    for f in FREE_TEXT]
            cells = [_paper_date(rng, s.date), venue, _pick(rng, _PAPER_TYPES[rec["type"]]),
                     *(_paper_likert(rng, x, style) for x in rec["scores"]),
                     _pick(rng, _PAPER_OVERALL[rec["overall"]]), *free,
                     _pick(rng, _PAPER_NOTES) if rng.random() < 0.2 else ""]
            tags = list(rec["tags"])
            for number, j, column, value, tag in _PAPER_PROBLEMS:
                if (number, j) == (s.number, i):
                    cells[_PAPER_HEADER.index(column)] = value
                    tags.append((tag, column, value))
                    if column == "Date":
                        cells[-1] = "Date unclear on form" if value else "Date missing on form"
            rows.append((cells, tags))
            if (s.number, i) in ((10, 5), (11, 8)):
                rows.append(([""] * len(_PAPER_HEADER), [("blank", "", "")]))
    return rows


def _jisc_header():
    numbered = [f"4.{i}. {q}" for i, q in enumerate(STATEMENTS, start=1)]
    return (["Response ID", "Started", "Completed", f"1. {QUESTION['session_date']}",
             f"2. {QUESTION['venue']}", f"3. {QUESTION['respondent_type']}", *numbered]
            + [f"{i}. {QUESTION[f]}" for i, f in enumerate(("overall", *FREE_TEXT), start=5)])


def _jisc_rows(rng, sessions):
    """JISC Online Surveys rows; two anonymous people give identical answers (both kept)."""
    rows, rid = [], 50_000_000 + int(rng.integers(1_000_000, 3_000_000))
    for s, records in sessions:
        if s.number == 13:
            for j in (5, 6):
                records[j].update(scores=records[5]["scores"], overall=records[5]["overall"],
                                  type=records[5]["type"], takeaway="", pledge="", improvements="")
                records[j]["tags"].append(("identical_pair", "", ""))
        for rec in records:
            rid += int(rng.integers(50, 4000))
            started = rec["submitted"] - rec["took"]
            answers = _answers(rec, s.date.strftime("%d/%m/%Y"),
                               _label(rec["overall"], OVERALL_LABELS))
            times = [f"{t:%d/%m/%Y %H:%M}" for t in (started, rec["submitted"])]
            rows.append(([str(rid), *times, *answers], rec["tags"]))
    return rows


# --- Writing -----------------------------------------------------------------


def _csv_bytes(header_rows, rows, encoding, newline, quoting=csv.QUOTE_MINIMAL) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=quoting, lineterminator=newline)
    writer.writerows(header_rows)
    writer.writerows(cells for cells, _ in rows)
    return buffer.getvalue().encode(encoding)


#: Stand-ins for the time each workbook was saved (so its bytes never change).
_EVALUATIONS_STAMP = dt.datetime(2018, 11, 1, 9, 0, 0)
_REVIEWS_STAMP = dt.datetime(2018, 10, 31, 9, 0, 0)


def _xlsx_bytes(header, rows, date_column: int = 7,
                fixed: dt.datetime = _EVALUATIONS_STAMP) -> bytes:
    """An XLSX file whose bytes depend only on its content (no timestamps, fixed order).

    Columns 2 and 3 are Microsoft Forms' start and completion times;
    ``date_column`` (1-based) holds the date answered; ``fixed`` stands in for
    the workbook's created and modified times.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(header)
    for cells, _ in rows:
        ws.append(cells)
        for cell in ws[ws.max_row][1:3]:
            cell.number_format = "m/d/yy h:mm:ss"
        ws.cell(ws.max_row, date_column).number_format = "dd/mm/yyyy"
    wb.properties.created = wb.properties.modified = fixed
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    stamp = fixed.isoformat() + "Z"
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(src.namelist()):
            data = src.read(name)
            if name == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            # Stored, not deflated: zlib and zlib-ng compress to different bytes.
            info.compress_type, info.create_system = zipfile.ZIP_STORED, 3
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()


def _build_sample(seed: int = DEFAULT_SEED) -> list[tuple[str, bytes, list]]:
    """Draw the sample and lay it out: (file name, file bytes, rows with tags) per file."""
    rng = np.random.default_rng(seed)
    drawn = {s.number: (s, _draw_session(rng, s)) for s in SESSIONS}
    for number in (1, 2, 3, 4, 5, 12, 13):  # optional questions on these platforms
        _skip_some(rng, drawn[number][1], 0.02)
    for number in (10, 11):  # boxes left empty on paper, typed as blank, N/A or -
        _skip_some(rng, drawn[number][1], 0.05)

    def pick(*numbers):
        return [drawn[n] for n in numbers]

    sm_header = _surveymonkey_header()
    sm_rows, last_id = _surveymonkey_rows(rng, pick(1, 2, 3), 10_123_456_789)
    overlap, last_id = _surveymonkey_rows(rng, pick(4), last_id)
    reexport = [(cells, [*tags, ("duplicate", "Respondent ID",
                                 f"same as surveymonkey-2018.csv row {len(sm_rows) + k}")])
                for k, (cells, tags) in enumerate(overlap, start=1)]
    sm_rows += overlap
    reexport += _surveymonkey_rows(rng, pick(5), last_id)[0]
    files = [
        ("surveymonkey-2018.csv", sm_rows, lambda r: _csv_bytes(sm_header, r, "utf-8", "\r\n")),
        ("surveymonkey-2018-reexport.csv", reexport,
         lambda r: _csv_bytes(sm_header, r, "utf-8", "\r\n")),
        ("msforms-2018-autumn.xlsx", _msforms_rows(rng, pick(6, 7)),
         lambda r: _xlsx_bytes(_msforms_header(), r)),
        ("googleforms-2019-spring.csv", _google_rows(rng, pick(8, 9)),
         lambda r: _csv_bytes([_google_header()], r, "utf-8", "\n", csv.QUOTE_ALL)),
        ("paper-forms-2019.csv", _paper_rows(rng, pick(10, 11)),
         lambda r: _csv_bytes([_PAPER_HEADER], r, "cp1252", "\r\n")),
        ("jisc-2019-autumn.csv", _jisc_rows(rng, pick(12, 13)),
         lambda r: _csv_bytes([_jisc_header()], r, "utf-8-sig", "\r\n")),
    ]
    return [(name, to_bytes(rows), rows) for name, rows, to_bytes in files]


# --- The sessions register ----------------------------------------------------

#: Random streams for everything added after the evaluation exports: each is
#: ``default_rng([seed, stream])``, independent of the evaluation stream
#: ``default_rng(seed)``, so adding to one never changes the others' bytes.
_SESSIONS_STREAM, _REVIEWS_STREAM = 1, 2
#: The training team (invented staff, not respondents), most often first.
FACILITATORS = ("Asha K.", "Tom R.", "Bev H.", "Imran S.", "Kate M.", "Dylan O.")
_FACILITATOR_P = (0.3, 0.25, 0.15, 0.1, 0.1, 0.1)
_SESSIONS_HEADER = ["session_date", "venue", "facilitators", "attended"]


def _sessions_rows(seed: int) -> list:
    """The sessions register: one row a session of :data:`SESSIONS`, 2 or 3 facilitators each."""
    rng = np.random.default_rng([seed, _SESSIONS_STREAM])
    rows = []
    for s in SESSIONS:
        who = rng.choice(len(FACILITATORS), size=2 if rng.random() < 0.65 else 3, replace=False,
                         p=_FACILITATOR_P)
        rows.append(([s.date.isoformat(), s.venue, "; ".join(FACILITATORS[i] for i in who),
                      str(s.attended)], []))
    return rows


# --- Group reviews: the story -------------------------------------------------

REVIEW_QUESTION = {
    "group": "Name of your group",
    "group_type": "What kind of group is it?",
    "review_date": "Date",
    "ladder": "Where is your group on the ladder of co-production?",
    "ladder_overall": "Overall, where is your group on the ladder?",
    "challenges": "What gets in the way? (tick all that apply)",
    "challenges_text": "Describe the challenges your group faces",
    "quality": "Quality indicators",
}
GROUP_TYPES = {"PPG": "PPG (Patient Participation Group)", "PAG": "PAG (Patient Assurance Group)",
               "CCG": "CCG volunteer steering group", "Other": "Other"}
#: Ladder letters used in the story table -> the form's answer and the contract's code.
LADDER_LABELS = {"D": "Descriptive", "I": "Intermediate", "T": "Transformative",
                 "N": "Not involved"}
LADDER_CODES = {"D": "descriptive", "I": "intermediate", "T": "transformative",
                "N": "not_involved"}
LADDER_ROWS = ("Co-design", "Co-decision", "Co-delivery", "Co-evaluation")
LADDER_FIELDS = ("ladder_design", "ladder_decision", "ladder_delivery", "ladder_evaluation")
QUALITY_FIELDS = ("quality_start", "quality_throughout", "quality_equal", "quality_roles",
                  "quality_feedback", "quality_evaluated")
QUALITY_STATEMENTS = (
    "Patients are involved from the start",
    "Patients are involved throughout the whole process",
    "Patients and staff work together as equal partners",
    "Everyone's role and the level of co-production are agreed",
    'Feedback is acted on and reported back ("you said, we did")',
    "Patients and staff evaluate the difference made together",
)
REVIEW_FILES = {"sm": "reviews-2018-surveymonkey.csv", "ms": "reviews-2018-msforms.xlsx",
                "gf": "reviews-2019-googleforms.csv", "paper": "reviews-2019-paper.csv"}
ALIASES_FILE = "group-aliases.csv"


@dataclass(frozen=True)
class _Group:
    name: str  # canonical name
    kind: str  # key of GROUP_TYPES
    aliases: tuple[str, ...] = ()  # other names it went by (a rename, not a typing slip)


GROUPS = {
    "oakwood": _Group("Oakwood PPG", "PPG"),
    "chapeltown": _Group("Chapeltown Health Centre PPG", "PPG", ("Chapeltown PPG",)),
    "seacroft": _Group("Seacroft Surgery Patient Group", "PPG"),
    "armley": _Group("Armley Moor Medical Practice PPG", "PPG"),
    "headingley": _Group("Headingley Park Surgery PPG", "PPG"),
    "harehills": _Group("Harehills Lane Surgery PPG", "PPG"),
    "bramley": _Group("Bramley Village PPG", "PPG"),
    "kirkstall": _Group("Kirkstall Health Centre PPG", "PPG"),
    "garforth": _Group("Garforth Medical Practice PPG", "PPG"),
    "north": _Group("Leeds North PAG", "PAG"),
    "west": _Group("Leeds West PAG", "PAG"),
    "southeast": _Group("Leeds South and East PAG", "PAG"),
    "ccg": _Group("CCG Volunteer Steering Group", "CCG"),
    "mental": _Group("Mental Health Volunteers Steering Group", "CCG"),
    "roundhay": _Group("Roundhay Carers' Forum", "Other"),
}


@dataclass(frozen=True)
class _Review:
    """One response to the group review form, as the story has it."""

    file: str  # key of REVIEW_FILES
    group: str  # key of GROUPS; "" where nobody can tell
    typed: str  # the group's name as typed
    date: str  # the date answered, ISO
    ladder: str  # co-design, co-decision, co-delivery, co-evaluation: D, I, T or N
    overall: str  # D, I or T
    ticked: str  # challenge codes ticked, space-separated
    quality: str  # Y, N or - (unanswered), in QUALITY_FIELDS order
    voice: str  # who filled it in: manager (practice manager), chair (patient chair), volunteer
    also: str = ""  # challenge codes the text mentions but the form does not tick
    status: str = "clean"  # or blank, superseded (a duplicate: resubmitted later), quarantine
    sent: int | None = None  # days from the date answered to submitting (None: drawn)
    plant: str = ""  # key of _REVIEW_PLANTS: a fixed sentence, or a layout, for the text
    other: str = ""  # an "Other" challenge, typed as text


#: The story, in time order within each file. Ladder and challenges move between
#: a group's 2018 review and its 2019 re-review; the README tabulates all of it.
REVIEWS = (
    # SurveyMonkey, spring 2018: an e-mail invitation collector
    _Review("sm", "west", "Leeds West PAG", "2018-02-20", "IDDD", "D",
            "funding lack_of_focus not_productive organisation", "NNYYNN", "volunteer"),
    _Review("sm", "roundhay", "Roundhay Carers' Forum", "2018-03-01", "DNIN", "D",
            "time communication lack_of_respect lack_of_empathy", "NNYNNN", "chair",
            other="Finding a room with a hearing loop"),
    _Review("sm", "armley", "Armley Moor Medical Practice PPG", "2018-03-13", "DDDN", "D",
            "domination intimidation tokenism lack_of_respect time", "NNNNNN", "chair"),
    _Review("sm", "harehills", "Harehills Lane Surgery PPG", "2018-04-05", "DNDN", "D",
            "communication not_understanding time funding motivation tokenism", "NNNNYN",
            "manager", plant="email"),
    _Review("sm", "", "", "2018-04-17", "", "", "", "", "manager", status="blank"),
    _Review("sm", "seacroft", "Seacroft Surgery Patient Group", "2018-05-15", "IIDD", "I",
            "time funding organisation communication", "YYNNYN", "manager"),
    _Review("sm", "headingley", "Headingley Park Surgery PPG", "2018-05-24", "IIID", "I",
            "time personal_agendas lack_of_focus", "YYYNYN", "manager", also="funding"),
    _Review("sm", "bramley", "Bramley Village PPG", "2018-06-07", "DDID", "D",
            "tokenism domination concerns_not_addressed", "YNNNNN", "chair", also="time"),
    _Review("sm", "southeast", "Leeds South and East PAG", "2018-06-12", "DIDN", "D",
            "tokenism concerns_not_addressed lack_of_empathy communication domination", "NNNNNN",
            "chair"),
    # Microsoft Forms, summer and autumn 2018
    _Review("ms", "oakwood", "Oakwood PPG", "2018-07-10", "DDDN", "D",
            "time communication tokenism", "NNNNNN", "manager", status="superseded", sent=0),
    _Review("ms", "oakwood", "oakwood ppg ", "2018-07-10", "DDIN", "D",
            "time communication tokenism domination", "YNNNNN", "manager", sent=2),
    _Review("ms", "chapeltown", "Chapeltown PPG", "2018-07-24", "IDDN", "D",
            "tokenism communication not_understanding motivation", "NNNYNN", "chair"),
    _Review("ms", "kirkstall", "Kirkstall Health Centre PPG", "2018-08-14", "IDIN", "I",
            "funding time communication organisation", "YNYNNN", "manager"),
    _Review("ms", "north", "Leeds North PAG", "2018-09-11", "IIDN", "I",
            "communication tokenism differences_in_opinion time", "YYNYNN", "chair"),
    _Review("ms", "garforth", "Garforth Medical Practice PPG", "2018-09-20", "DDDD", "D",
            "motivation time not_productive domination", "NNNNNN", "chair", plant="phone"),
    _Review("ms", "ccg", "CCG Volunteer Steering Group", "2018-10-02", "IIID", "I",
            "time funding communication personal_agendas", "YYYYNN", "volunteer"),
    _Review("ms", "mental", "Mental Health Volunteers Steering Group", "2018-10-16", "ITIN", "I",
            "lack_of_empathy intimidation funding tokenism time", "YYYNYN", "volunteer",
            also="communication"),
    # Google Forms, spring 2019: re-reviews
    _Review("gf", "seacroft", "Seacroft surgery patient group", "2019-03-12", "IDID", "I",
            "time funding organisation motivation differences_in_opinion", "YNNNYN", "manager"),
    _Review("gf", "north", "Leeds north PAG", "2019-03-26", "IIID", "I",
            "time communication differences_in_opinion", "YYYYYN", "volunteer",
            also="tokenism", plant="bullets"),
    _Review("gf", "ccg", "CCG Volunteer Steering Group", "2019-04-09", "TIDI", "I",
            "funding time personal_agendas organisation", "YYYYYY", "chair",
            other="DBS checks for new volunteers take months"),
    # Paper forms typed into Excel, summer 2019: re-reviews and one without a name
    _Review("paper", "chapeltown", "Chapeltown Health Centre PPG", "2019-05-14", "TIDN", "I",
            "communication motivation time", "YNYYY-", "manager"),
    _Review("paper", "oakwood", "Oakwood P.P.G.", "2019-06-18", "IIID", "I",
            "time communication funding", "YYNYYN", "chair"),
    _Review("paper", "", "", "2019-07-09", "DDDN", "D", "time funding motivation", "NN-NNN",
            "manager", status="quarantine", plant="unnamed"),
)

#: Fixed text planted in a review's "Describe the challenges" answer.
_REVIEW_PLANTS = {
    "email": ("If the CCG can help with any of this please email me at karen.brennan@example.org.",
              ("pii:email",)),
    "phone": ("Happy to talk it through, ring me on 0113 496 0789.", ("pii:phone",)),
    "unnamed": ("We\u2019re a small practice and it\u2019s hard to get anyone to come in during "
                "the day. There\u2019s no money for refreshments either, and fewer people come "
                "back each time.", ()),
    "bullets": ("", ("formula", "newline")),  # written as "- " bullets, one clause a line
}
#: People whose details the story fixes (the rest are drawn).
_REVIEW_PEOPLE = {"harehills": ("Karen", "Brennan")}


def _cap(clause: str) -> str:
    return clause[:1].upper() + clause[1:]


def _clauses(rng, codes, group: _Group, voice: str, used: set, counts: dict,
             apostrophe: bool = False) -> list[str]:
    """One clause for each theme in ``codes`` (in a random order) that ``voice`` could say
    about ``group``: none the group has used before, at most one in the first person
    ("as chair I..."), clauses other groups used less often more likely, and, with
    ``apostrophe``, clauses with an apostrophe more likely."""
    clauses, voiced = [], False
    for k in rng.permutation(len(codes)):
        fits, weights = [], []
        for text, who in CHALLENGE_TEXT[codes[k]]:
            tags = set(who.split())
            voices = tags - {"ppg", "nonppg"}
            if (text in used or ("ppg" in tags and group.kind != "PPG")
                    or ("nonppg" in tags and group.kind == "PPG")
                    or (voices and (voice not in voices or voiced))):
                continue
            fits.append((text, bool(voices)))
            weights.append((3.0 if apostrophe and "'" in text else 1.0)
                           / (1 + counts.get(text, 0)) ** 2)
        text, first_person = _pick(rng, fits, np.array(weights) / sum(weights))
        voiced |= first_person
        clauses.append(text)
        used.add(text)
        counts[text] = counts.get(text, 0) + 1
    return clauses


def _sentences(rng, clauses: list[str], most: int) -> list[str]:
    """Join clauses into between half as many sentences and ``most`` (at most 4)."""
    n = len(clauses)
    k = int(rng.integers(-(-n // 2), max(-(-n // 2), min(n, most)) + 1))
    out, i = [], 0
    for j in range(k):
        if j < n - k:  # the first n - k sentences carry two clauses
            out.append(_cap(clauses[i]) + _pick(rng, JOINERS) + clauses[i + 1] + ".")
            i += 2
        else:
            out.append(_cap(clauses[i]) + ".")
            i += 1
    return out


def _draw_reviews(rng) -> list[dict]:
    """Draw the texture of every review in :data:`REVIEWS` (people, times, text), in order."""
    used: dict[str, set] = {}
    counts: dict[str, int] = {}  # how often each clause has been used, by any group
    people: set = set(_REVIEW_PEOPLE.values())
    records, superseded = [], {}
    for r in REVIEWS:
        group = GROUPS.get(r.group, _Group("", "PPG"))
        rec = {"review": r, "group": group, "tags": []}
        first = superseded.pop((r.file, r.group), None)
        if first:  # a resubmission: the same person, and the same text with something added
            rec["person"] = first["person"]
        elif r.group in _REVIEW_PEOPLE:
            rec["person"] = _REVIEW_PEOPLE[r.group]
        else:
            person = (_pick(rng, FIRST_NAMES), _pick(rng, LAST_NAMES))
            while person in people:
                person = (_pick(rng, FIRST_NAMES), _pick(rng, LAST_NAMES))
            people.add(person)
            rec["person"] = person
        day = dt.date.fromisoformat(r.date)
        sent = r.sent if r.sent is not None else int(_pick(rng, (0, 0, 0, 1, 2)))
        minute = int(rng.integers(9 * 60, 21 * 60))
        rec["submitted"] = dt.datetime.combine(
            day + dt.timedelta(days=sent),
            dt.time(minute // 60, minute % 60, int(rng.integers(0, 60))))
        rec["took"] = dt.timedelta(seconds=int(rng.integers(30, 90) if r.status == "blank"
                                               else rng.integers(240, 1500)))
        themes = r.ticked.split() + r.also.split()
        plant, plant_tags = _REVIEW_PLANTS.get(r.plant, ("", ()))
        seen = used.setdefault(r.group, set())
        if r.status == "blank":
            text = ""
        elif r.plant == "unnamed":
            text = plant
        elif first:
            added = [c for c in themes if c not in first["themes"]]
            clauses = _clauses(rng, added, group, r.voice, seen, counts)
            text = " ".join([first["text"], *_sentences(rng, clauses, 1)])
        elif r.plant == "bullets":
            clauses = _clauses(rng, themes, group, r.voice, seen, counts)
            text = "\n".join("- " + _cap(c) for c in clauses)
        else:
            clauses = _clauses(rng, themes, group, r.voice, seen, counts, r.file == "paper")
            sentences = _sentences(rng, clauses, 3 if plant else 4)  # 4 at most, with the plant
            text = " ".join([*sentences, plant] if plant else sentences)
        rec["text"], rec["themes"] = text, themes
        rec["tags"] += [(tag, "challenges_text", text) for tag in plant_tags]
        if r.other:
            rec["tags"].append(("other", "challenges", r.other))
        if r.status == "superseded":
            superseded[(r.file, r.group)] = rec
        records.append(rec)
    return records


# --- Group reviews: the platform layouts --------------------------------------

_YES_NO = {"Y": "Yes", "N": "No", "-": ""}


def _ticked_labels(r: _Review) -> list[str]:
    """The ticked challenges' labels, in the form's order."""
    return [label for code, label in CHALLENGE_LABELS.items() if code in r.ticked.split()]


def _review_answers(r: _Review) -> tuple[list[str], str, list[str]]:
    """The ladder answers (4), the overall answer and the quality answers (6), as labels."""
    return ([LADDER_LABELS[x] for x in r.ladder], LADDER_LABELS.get(r.overall, ""),
            [_YES_NO[x] for x in r.quality])


def _sm_review_header() -> list[list[str]]:
    q = REVIEW_QUESTION
    row1 = (_SM_META + [q["group"], q["group_type"], q["review_date"], q["ladder"], "", "", "",
                        q["ladder_overall"], q["challenges"]] + [""] * len(CHALLENGE_LABELS)
            + [q["challenges_text"], q["quality"]] + [""] * 5)
    row2 = ([""] * 9 + ["Open-Ended Response", "Response", "Response", *LADDER_ROWS, "Response",
                        *CHALLENGE_LABELS.values(), "Other (please specify)",
                        "Open-Ended Response", *QUALITY_STATEMENTS])
    return [row1, row2]


def _sm_review_rows(rng, records) -> list:
    """SurveyMonkey rows: an e-mail invitation collector, so every row names its contact."""
    rows, rid = [], 10_400_000_000 + int(rng.integers(0, 90_000_000))
    for rec in records:
        r, (first, last) = rec["review"], rec["person"]
        rid += int(rng.integers(200_000, 9_000_000))
        meta = [str(rid), "238014577", _sm_time(rec["submitted"] - rec["took"]),
                _sm_time(rec["submitted"]), f"192.0.2.{int(rng.integers(1, 255))}",
                _email(rec["person"]), first, last, ""]
        tags = [("identifier", "Email Address", ""), *rec["tags"]]
        if r.status == "blank":
            rows.append((meta + [""] * 32, [("blank", "", ""), *tags]))
            continue
        ladder, overall, quality = _review_answers(r)
        ticked = _ticked_labels(r)
        rows.append((meta + [r.typed, GROUP_TYPES[rec["group"].kind],
                             f"{dt.date.fromisoformat(r.date):%d/%m/%Y}", *ladder, overall,
                             *(label if label in ticked else "" for label in
                               CHALLENGE_LABELS.values()), r.other, rec["text"], *quality], tags))
    return rows


def _ms_review_header() -> list[str]:
    q = REVIEW_QUESTION
    ladder = [f"{q['ladder']}.{row}" for row in LADDER_ROWS[:2]] + list(LADDER_ROWS[2:])
    quality = [f"{q['quality']}.{s}" for s in QUALITY_STATEMENTS]
    quality[4] = quality[4].replace('("you said, we did")', "(\u201cyou said, we did\u201d)")
    return ["ID", "Start time", "Completion time", "Email", "Name", q["group"], q["group_type"],
            q["review_date"], *ladder, q["ladder_overall"], q["challenges"],
            q["challenges_text"], *quality]


def _ms_review_rows(rng, records) -> list:
    """Microsoft Forms rows: practice managers answer signed in (e-mail and name shown),
    others anonymously; ticked challenges in the order clicked, each followed by ``;``."""
    rows, row_of = [], {}
    for rec in records:
        r = rec["review"]
        named = r.voice == "manager"
        ladder, overall, quality = _review_answers(r)
        ticked = _ticked_labels(r)
        clicked = "".join(ticked[i] + ";" for i in rng.permutation(len(ticked)))
        cells = [len(rows) + 1, rec["submitted"] - rec["took"], rec["submitted"],
                 _email(rec["person"]) if named else "anonymous",
                 " ".join(rec["person"]) if named else None, r.typed,
                 GROUP_TYPES[rec["group"].kind], dt.date.fromisoformat(r.date), *ladder, overall,
                 clicked, rec["text"] or None, *quality]
        tags = [*([("identifier", "Email", "")] if named else []), *rec["tags"]]
        key = (r.group, _email(rec["person"]))
        if key in row_of:  # the same person and group again: the earlier one is the duplicate
            rows[row_of[key]][1].append(
                ("duplicate", "Email", f"resubmitted as row {len(rows) + 1}; the later wins"))
        row_of[key] = len(rows)
        rows.append((cells, tags))
    return rows


#: Google Forms joins the options ticked in one checkbox answer with a comma and a
#: space, in the form's order, an "Other" answer's text last.
_GOOGLE_CHECKBOX_SEP = ", "


def _gf_review_header() -> list[str]:
    q = REVIEW_QUESTION
    return (["Timestamp", "Email address", f"Q1. {q['group']}", f"Q2. {q['group_type']}",
             f"Q3. {q['review_date']}"] + [f"{q['ladder']} [{row}]" for row in LADDER_ROWS]
            + [f"Q5. {q['ladder_overall']}", f"Q6. {q['challenges']}",
               f"Q7. {q['challenges_text']}"]
            + [f"{q['quality']} [{s}]" for s in QUALITY_STATEMENTS])


def _gf_review_rows(rng, records) -> list:
    """Google Forms rows: e-mail addresses collected; every field quoted when written."""
    rows = []
    for rec in records:
        r = rec["review"]
        ladder, overall, quality = _review_answers(r)
        ticked = _ticked_labels(r) + ([r.other] if r.other else [])
        rows.append(([_google_time(rec["submitted"]), _email(rec["person"], "example.com"),
                      r.typed, GROUP_TYPES[rec["group"].kind],
                      f"{dt.date.fromisoformat(r.date):%d/%m/%Y}", *ladder, overall,
                      _GOOGLE_CHECKBOX_SEP.join(ticked), rec["text"], *quality],
                     [("identifier", "Email address", ""), *rec["tags"]]))
    return rows


_PAPER_REVIEW_HEADER = ["Group", "Type", "Date", *LADDER_ROWS, "Overall", "Challenges",
                        "Describe challenges", "From start", "Throughout", "Equal partners",
                        "Roles agreed", "You said we did", "Evaluated together"]
_PAPER_GROUP_TYPES = {"PPG": ("PPG", "ppg", "PPG (Patient Participation Group)"),
                      "PAG": ("PAG", "pag"),
                      "CCG": ("Steering group", "CCG volunteer steering group"),
                      "Other": ("Other", "other")}
_PAPER_YES_NO = {"Y": ("Y", "yes"), "N": ("No", "n"), "-": ("",)}


def _paper_review_rows(rng, records) -> list:
    """Paper review forms typed into Excel: abbreviated headers, answers typed by hand."""
    rows = []
    for rec in records:
        r = rec["review"]
        day = dt.date.fromisoformat(r.date)
        ladder = [_pick(rng, (LADDER_LABELS[x], LADDER_LABELS[x].lower(),
                              LADDER_LABELS[x] + " ")) for x in r.ladder]
        words = [_pick(rng, PAPER_CHALLENGE_WORDS[c]) for c in r.ticked.split()]
        cells = [r.typed, _pick(rng, _PAPER_GROUP_TYPES[rec["group"].kind]), _paper_date(rng, day),
                 *ladder, _pick(rng, (LADDER_LABELS[r.overall], LADDER_LABELS[r.overall].lower())),
                 _pick(rng, (", ", ";", "; ")).join(words), rec["text"].replace("'", "\u2019"),
                 *(_pick(rng, _PAPER_YES_NO[x]) for x in r.quality)]
        tags = list(rec["tags"])
        if r.status == "quarantine":
            tags.append(("quarantine", "Group", "no group name"))
        rows.append((cells, tags))
    return rows


def _build_reviews(seed: int = DEFAULT_SEED) -> tuple[list[tuple[str, bytes, list]], list[dict]]:
    """Draw the group reviews and lay them out: the files as :func:`_build_sample` gives
    them, and the drawn records (each with its ``file`` and ``source_row``)."""
    rng = np.random.default_rng([seed, _REVIEWS_STREAM])
    records = _draw_reviews(rng)

    def of(key):
        return sorted((rec for rec in records if rec["review"].file == key),
                      key=lambda rec: rec["submitted"] if key != "paper" else rec["review"].date)

    layouts = [
        ("sm", _sm_review_rows, lambda r: _csv_bytes(_sm_review_header(), r, "utf-8", "\r\n")),
        ("ms", _ms_review_rows, lambda r: _xlsx_bytes(_ms_review_header(), r, 8, _REVIEWS_STAMP)),
        ("gf", _gf_review_rows,
         lambda r: _csv_bytes([_gf_review_header()], r, "utf-8", "\n", csv.QUOTE_ALL)),
        ("paper", _paper_review_rows,
         lambda r: _csv_bytes([_PAPER_REVIEW_HEADER], r, "cp1252", "\r\n")),
    ]
    files = []
    for key, lay_out, to_bytes in layouts:
        ordered = of(key)
        rows = lay_out(rng, ordered)
        for number, (rec, (_, tags)) in enumerate(zip(ordered, rows, strict=True), start=1):
            rec.update(file=REVIEW_FILES[key], source_row=number, row_tags=tags)
        files.append((REVIEW_FILES[key], to_bytes(rows), rows))
    return files, records


def ladder_movement() -> dict[str, dict[str, str]]:
    """How each re-reviewed group moved on the ladder between its first review and the last.

    Returns
    -------
    dict
        Canonical group name -> ladder field (the four levels and
        ``ladder_overall``) -> ``up``, ``down``, ``same``, ``now involved`` (was
        not involved) or ``no longer involved``. Duplicates and blank or
        unnamed rows are left out. The story does not depend on the seed.
    """
    kept: dict[str, list[_Review]] = {}
    for r in REVIEWS:
        if r.group and r.status == "clean":
            kept.setdefault(r.group, []).append(r)
    rank = {"D": 1, "I": 2, "T": 3}
    out = {}
    for key, reviews in kept.items():
        if len(reviews) < 2:
            continue
        first, last = reviews[0], reviews[-1]
        moves = {}
        for field, a, b in zip((*LADDER_FIELDS, "ladder_overall"), first.ladder + first.overall,
                               last.ladder + last.overall, strict=True):
            if "N" in (a, b) and a != b:
                moves[field] = "now involved" if a == "N" else "no longer involved"
            else:
                moves[field] = ("same", "up", "down")[(rank.get(b, 0) > rank.get(a, 0))
                                                      + 2 * (rank.get(b, 0) < rank.get(a, 0))]
        out[GROUPS[key].name] = moves
    return out


def _aliases_rows() -> list:
    return [([alias, g.name], []) for g in GROUPS.values() for alias in g.aliases]


def review_ground_truth(seed: int = DEFAULT_SEED) -> list[dict]:
    """What each data row of the group review files should clean to.

    Parameters
    ----------
    seed : int, default 20180320
        The seed the sample was written with.

    Returns
    -------
    list of dict
        One dict a data row, by file (in :data:`REVIEW_FILES` order) and row:
        ``file``, ``source_row`` (1-based, header rows excluded), ``status``
        (``clean``, ``blank``, ``duplicate`` or ``quarantine``), ``group``
        (canonical name, empty if unknown), ``typed`` (the name as typed),
        ``group_type`` (form label), ``review_date`` (ISO), the four ladder
        fields and ``ladder_overall`` (contract codes), ``challenges`` (codes
        ticked), ``other`` (an "Other" challenge's text), ``text_themes`` (codes
        the free text expresses), ``challenges_text`` (as drawn, before any
        platform retyping), the six quality fields (True, False or None),
        ``voice`` and ``submitted`` (None on paper).
    """
    _, records = _build_reviews(seed)
    order = list(REVIEW_FILES.values())
    out = []
    for rec in sorted(records, key=lambda rec: (order.index(rec["file"]), rec["source_row"])):
        r, kinds = rec["review"], {tag for tag, _, _ in rec["row_tags"]}
        status = next((k for k in ("blank", "duplicate", "quarantine") if k in kinds), "clean")
        ladder, quality = r.ladder or " " * 4, r.quality or "-" * 6  # a blank row has neither
        out.append({
            "file": rec["file"], "source_row": rec["source_row"], "status": status,
            "group": rec["group"].name, "typed": r.typed,
            "group_type": GROUP_TYPES[rec["group"].kind] if r.status != "blank" else "",
            "review_date": r.date if r.status != "blank" else "",
            **{f: LADDER_CODES.get(x, "") for f, x in zip(LADDER_FIELDS, ladder, strict=True)},
            "ladder_overall": LADDER_CODES.get(r.overall, ""),
            "challenges": tuple(c for c in CHALLENGE_LABELS if c in r.ticked.split()),
            "other": r.other,
            "text_themes": tuple(c for c in CHALLENGE_LABELS if c in rec["themes"])
            if rec["text"] else (),
            "challenges_text": rec["text"],
            **{f: {"Y": True, "N": False}.get(x) for f, x in
               zip(QUALITY_FIELDS, quality, strict=True)},
            "voice": r.voice,
            "submitted": None if r.file == "paper" else rec["submitted"],
        })
    return out


# --- Two more platforms: SmartSurvey and Qualtrics (data/sample/platforms/) -----------

#: Their own stream, so that adding them changed no other file's bytes.
_PLATFORMS_STREAM = 3
#: Two sessions of a 2024 refresher course, outside the 13-session story (the
#: sample's report, register and counts do not include them).
PLATFORM_SESSIONS = (
    _Session(14, dt.date(2024, 3, 14), VENUES[2], 12, 0.0),
    _Session(15, dt.date(2024, 4, 3), VENUES[1], 11, 0.0),
)
PLATFORM_FILES = {"smartsurvey": "smartsurvey-2024.csv", "qualtrics": "qualtrics-2024.csv"}
_SS_META = ["UserID", "UserNo", "Name", "Email", "IP Address", "Unique ID", "Started", "Ended"]


def _smartsurvey_header() -> list[list[str]]:
    """SmartSurvey: numbered questions; the grid's statements in a second header row."""
    top = [*_SS_META, f"Q1. {QUESTION['session_date']}", f"Q2. {QUESTION['venue']}",
           f"Q3. {QUESTION['respondent_type']}", f"Q4. {_SM_MATRIX}", *[""] * 7,
           *[f"Q{i}. {QUESTION[f]}" for i, f in enumerate(("overall", *FREE_TEXT), start=5)]]
    sub = [""] * (len(_SS_META) + 3) + STATEMENTS + [""] * 4
    return [top, sub]


def _smartsurvey_rows(rng, session, records) -> list:
    """SmartSurvey rows: a respondent who opened the survey and left is a blank row."""
    rows, user_id = [], 310_000_000 + int(rng.integers(1_000, 90_000))
    ghost = dict(records[2], blank=True, tags=[("blank", "", "")],
                 submitted=records[2]["submitted"] - dt.timedelta(minutes=2),
                 took=dt.timedelta(seconds=25))
    for number, rec in enumerate([*records[:2], ghost, *records[2:]], start=1):
        user_id += int(rng.integers(3, 400))
        named = rng.random() < 0.25 and not rec.get("blank")
        started = rec["submitted"] - rec["took"]
        meta = [str(user_id), str(number), " ".join(rec["person"]) if named else "",
                _email(rec["person"]) if named else "", f"192.0.2.{int(rng.integers(1, 255))}",
                "", f"{started:%d/%m/%Y %H:%M:%S}", f"{rec['submitted']:%d/%m/%Y %H:%M:%S}"]
        if rec.get("blank"):
            rows.append((meta + [""] * 15, rec["tags"]))
            continue
        date_text = "" if rng.random() < 0.15 else session.date.strftime("%d/%m/%Y")
        tags = rec["tags"] + ([("identifier", "Name", "")] if named else []) \
            + ([("no_date_answer", "Q1", "")] if not date_text else [])
        rows.append((meta + _answers(rec, date_text, _label(rec["overall"], OVERALL_LABELS)),
                     tags))
    return rows


_ID_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"
_QX_META = [("StartDate", "Start Date", "startDate"), ("EndDate", "End Date", "endDate"),
            ("Status", "Response Type", "status"), ("IPAddress", "IP Address", "ipAddress"),
            ("Progress", "Progress", "progress"),
            ("Duration (in seconds)", "Duration (in seconds)", "duration"),
            ("Finished", "Finished", "finished"),
            ("RecordedDate", "Recorded Date", "recordedDate"),
            ("ResponseId", "Response ID", "_recordId"),
            ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
            ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
            ("RecipientEmail", "Recipient Email", "recipientEmail"),
            ("ExternalReference", "External Data Reference", "externalDataReference"),
            ("LocationLatitude", "Location Latitude", "locationLatitude"),
            ("LocationLongitude", "Location Longitude", "locationLongitude"),
            ("DistributionChannel", "Distribution Channel", "distributionChannel"),
            ("UserLanguage", "User Language", "userLanguage")]


def _qualtrics_header() -> list[list[str]]:
    """Qualtrics: codes, question text (matrix as ``Question - Statement``), ImportIds."""
    codes = [c for c, _, _ in _QX_META] + ["Q1", "Q2", "Q3", *[f"Q4_{i}" for i in range(1, 9)],
                                           "Q5", "Q6", "Q7", "Q8"]
    texts = [t for _, t, _ in _QX_META] + [
        QUESTION["session_date"], QUESTION["venue"], QUESTION["respondent_type"],
        *[f"{_SM_MATRIX} - {statement}" for statement in STATEMENTS],
        QUESTION["overall"], *[QUESTION[f] for f in FREE_TEXT]]
    ids = [{"ImportId": i} for _, _, i in _QX_META] + [
        {"ImportId": "QID1_TEXT"}, {"ImportId": "QID2"}, {"ImportId": "QID3"},
        *[{"ImportId": f"QID4_{i}"} for i in range(1, 9)], {"ImportId": "QID5"},
        {"ImportId": "QID6_TEXT"}, {"ImportId": "QID7_TEXT"}, {"ImportId": "QID8_TEXT"}]
    for entry in ids[:2] + ids[7:8]:
        entry["timeZone"] = "Europe/London"
    return [codes, texts, [json.dumps(i, separators=(",", ":")) for i in ids]]


def _qualtrics_rows(rng, session, records) -> list:
    """Qualtrics rows: the owner's survey preview first (quarantined), then responses."""
    preview = dict(records[0], tags=[("quarantine", "Status", "Survey Preview")],
                   submitted=records[0]["submitted"] - dt.timedelta(days=1),
                   person=("", ""))
    rows = []
    for rec in [preview, *records]:
        is_preview = rec is preview
        emailed = not is_preview and rng.random() < 0.3
        started = rec["submitted"] - rec["took"]
        response_id = "R_" + "".join(_pick(rng, _ID_LETTERS) for _ in range(15))
        meta = [f"{started:%Y-%m-%d %H:%M:%S}", f"{rec['submitted']:%Y-%m-%d %H:%M:%S}",
                "Survey Preview" if is_preview else "IP Address",
                "" if is_preview else f"192.0.2.{int(rng.integers(1, 255))}", "100",
                str(rec["took"].seconds), "True",
                f"{rec['submitted'] + dt.timedelta(seconds=1):%Y-%m-%d %H:%M:%S}", response_id,
                rec["person"][1] if emailed else "", rec["person"][0] if emailed else "",
                _email(rec["person"]) if emailed else "", "",
                "" if is_preview else f"53.{int(rng.integers(7800, 8100))}",
                "" if is_preview else f"-1.{int(rng.integers(5300, 5600))}",
                "preview" if is_preview else ("email" if emailed else "anonymous"), "EN-GB"]
        answers = _answers(rec, session.date.strftime("%d/%m/%Y"),
                           _label(rec["overall"], OVERALL_LABELS))
        tags = rec["tags"] + ([("identifier", "RecipientEmail", "")] if emailed else [])
        rows.append((meta + answers, tags))
    return rows


def _build_platforms(seed: int = DEFAULT_SEED) -> list[tuple[str, bytes, list]]:
    """The SmartSurvey and Qualtrics exports of ``data/sample/platforms/``."""
    rng = np.random.default_rng([seed, _PLATFORMS_STREAM])
    smart = _draw_session(rng, PLATFORM_SESSIONS[0])
    qualtrics = _draw_session(rng, PLATFORM_SESSIONS[1])
    ss_rows = _smartsurvey_rows(rng, PLATFORM_SESSIONS[0], smart)
    qx_rows = _qualtrics_rows(rng, PLATFORM_SESSIONS[1], qualtrics)
    return [
        (PLATFORM_FILES["smartsurvey"], _csv_bytes(_smartsurvey_header(), ss_rows, "utf-8-sig",
                                                   "\r\n"), ss_rows),
        (PLATFORM_FILES["qualtrics"], _csv_bytes(_qualtrics_header(), qx_rows, "utf-8-sig",
                                                 "\r\n"), qx_rows),
    ]


def write_sample_data(out_dir: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the whole synthetic sample into ``out_dir``.

    ``evaluations/`` (the six evaluation exports), ``sessions.csv`` (the
    sessions register), ``group-aliases.csv`` (a renamed group's other name)
    and ``reviews/`` (four group review exports). The same seed always gives
    the same bytes, so the committed sample can be checked by regenerating it.

    Parameters
    ----------
    out_dir : Path
        The sample folder (``data/sample`` in the repository); created if missing.
    seed : int, default 20180320
        Seed for :func:`numpy.random.default_rng`. The evaluation exports draw
        from ``default_rng(seed)``, the sessions register and the reviews from
        streams of their own, so each is reproduced whatever is added to the others.

    Returns
    -------
    list of Path
        The files written, in the order of ``data/sample/README.md``.
    """
    out_dir = Path(out_dir)
    plan = [("evaluations", name, data, rows) for name, data, rows in _build_sample(seed)]
    sessions = _sessions_rows(seed)
    plan.append(("", "sessions.csv", _csv_bytes([_SESSIONS_HEADER], sessions, "utf-8", "\n"),
                 sessions))
    aliases = _aliases_rows()
    plan.append(("", ALIASES_FILE, _csv_bytes([["alias", "group"]], aliases, "utf-8", "\n"),
                 aliases))
    plan += [("reviews", name, data, rows) for name, data, rows in _build_reviews(seed)[0]]
    plan += [("platforms", name, data, rows) for name, data, rows in _build_platforms(seed)]
    paths = []
    for folder, name, data, rows in plan:
        path = out_dir / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        logger.info("wrote %s (%d data rows)", path, len(rows))
        paths.append(path)
    return paths


def ground_truth(seed: int = DEFAULT_SEED) -> dict[str, dict[str, list[tuple[int, str, str]]]]:
    """The generator's own record of what it planted in each export of the sample.

    ``data/sample/README.md`` is written from this and checked by eye against
    the files. :func:`review_ground_truth` says more about each group review.

    Parameters
    ----------
    seed : int, default 20180320
        The seed the sample was written with.

    Returns
    -------
    dict
        File name (the six evaluation exports, then the four review exports) ->
        kind -> list of ``(source_row, column or field, value)``, where kind is
        ``rows`` (every data row), ``blank``, ``duplicate``, ``quarantine``,
        ``unreadable``, ``pii:<kind>``, ``identifier``, ``formula``, ``newline``,
        ``literal``, ``no_date_answer``, ``identical_pair`` or ``other`` (an
        "Other" challenge typed as text); source rows are 1-based and exclude
        header rows.
    """
    truth = {}
    for name, _, rows in [*_build_sample(seed), *_build_reviews(seed)[0],
                          *_build_platforms(seed)]:
        kinds: dict[str, list[tuple[int, str, str]]] = {"rows": [(len(rows), "", "")]}
        for number, (_, tags) in enumerate(rows, start=1):
            for kind, column, value in tags:
                kinds.setdefault(kind, []).append((number, column, value))
        truth[name] = kinds
    return truth


# --- A large Google Forms export, for benchmarks -----------------------------

_SUFFIXES = ("", "", "", "", "", " Thank you!", " Great session.", " Thanks to the facilitators.",
             " Would recommend.", " :)", " Really enjoyed it.", " Very informative.")
_EXTRA_IMPROVEMENTS = ("- more breaks please", "Two things:\n1. more time\n2. less jargon")


def _table(values) -> np.ndarray:
    """An object array of CSV-ready text (double quotes doubled) for fast indexing."""
    return np.array([str(v).replace('"', '""') for v in values], dtype=object)


def _varied_text(rng, pool, n, blank_p) -> np.ndarray:
    """``n`` free-text answers: pool sentences, varied in case, final stop and added remark."""
    variants = np.stack([_table(pool), _table(p.lower() for p in pool),
                         _table(p.rstrip(".") for p in pool),
                         _table(p.lower().rstrip(".") for p in pool)])
    suffix = rng.integers(0, len(_SUFFIXES), n)
    # dropping the full stop only where nothing is added after it
    variant = rng.integers(0, 2, n) + 2 * ((rng.random(n) < 0.3) & (suffix < 5))
    text = variants[variant, rng.integers(0, len(pool), n)] + _table(_SUFFIXES)[suffix]
    u = rng.random(n)
    text[u < blank_p + 0.03] = _table(NO_ANSWER)[rng.integers(0, len(NO_ANSWER), n)][
        u < blank_p + 0.03]
    text[u < blank_p] = ""
    return text


def _pii_text(rng, m) -> np.ndarray:
    """``m`` free-text answers each carrying one invented personal detail."""
    first, last = _table(FIRST_NAMES), _table(LAST_NAMES)
    three = _table(f"{i:03d}" for i in range(1000))
    letters = [c for c in "ABDEFGHJLNPQRSTUWXYZ"]
    inward = _table(f"{d}{a}{b}" for d in range(10) for a in letters for b in letters)

    def pick(table):
        return table[rng.integers(0, len(table), m)]

    options = np.stack([
        "You can email me at " + pick(first) + "." + pick(last) + "@example.org",
        "Call me on 0113 496 0" + pick(three) + " about the next session",
        "My mobile is 07911 " + pick(three) + pick(three) + ", happy to help",
        "I live in LS" + pick(_table(range(1, 30))) + " " + pick(inward) + " and parking was hard",
        "Hi my name is " + pick(first) + " and I found this really useful",
        "Thanks to Dr " + pick(last) + " for a great session",
    ])
    return options[rng.integers(0, len(options), m), np.arange(m)]


def write_google_forms_export(path: Path, n_responses: int, seed: int = 1) -> Path:
    """Write a large synthetic Google Forms "Download responses (.csv)" export.

    Same layout as ``googleforms-2019-spring.csv`` in the sample (every field
    quoted, LF line endings, ``Timestamp`` like ``2019/03/14 1:09:47 PM GMT``).
    Responses fall into sessions of about 17 people between March 2018 and
    November 2019. Free text is varied pool text with a few blanks and
    ``N/A``-style answers; about 3% of rows carry an invented e-mail address,
    phone number, postcode or name in one free-text answer. Everything is
    drawn with numpy in whole columns, so a million rows take seconds.

    Parameters
    ----------
    path : Path
        The CSV file to write (its folder is created if missing).
    n_responses : int
        Number of responses (data rows) to write.
    seed : int, default 1
        Seed for :func:`numpy.random.default_rng`.

    Returns
    -------
    Path
        ``path``.
    """
    rng, n, path = np.random.default_rng(seed), int(n_responses), Path(path)
    if n < 0:
        raise ValueError(f"n_responses must be 0 or more, not {n}")
    start = dt.date(2018, 3, 1)
    days = [start + dt.timedelta(days=d) for d in range((dt.date(2019, 11, 30) - start).days + 1)]
    days = [d for d in days if d.weekday() < 5]  # sessions run on weekdays
    n_sessions = max(1, n // 17)
    session_day = np.sort(rng.integers(0, len(days), n_sessions))
    session_venue = rng.integers(0, len(VENUES), n_sessions)
    session_shift = rng.normal(0, 0.35, n_sessions)
    # (session, second of the day) as one sortable number, in submission order
    key = np.sort(rng.integers(0, n_sessions, n) * 86400 + rng.integers(41400, 47400, n))
    person = rng.permutation(n)  # a distinct number in every e-mail: no accidental duplicates
    calendar = {
        "stamp": _table(f"{d:%Y/%m/%d}" for d in days),
        "zone": _table(" GMT+1" if _is_bst(d) else " GMT" for d in days),
        "answer": _table(f"{d:%d/%m/%Y}" for d in days),
        "clock": _table(f" {(s // 3600 + 11) % 12 + 1}:{s // 60 % 60:02d}:{s % 60:02d} "
                        f"{'AM' if s < 43200 else 'PM'}" for s in range(86400)),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    n_pii = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(f'"{h}"' for h in _google_header()) + "\n")
        for lo in range(0, n, 100_000):  # in blocks, to keep memory use modest
            block = key[lo:lo + 100_000]
            session = block // 86400
            columns = _google_columns(rng, block, person[lo:lo + 100_000], session_day[session],
                                      session_venue[session], session_shift[session], calendar)
            n_pii += columns.pop()
            line = '"' + columns[0]
            for column in columns[1:]:
                line = line + '","' + column
            out.write('"\n'.join(line.tolist()) + '"\n')
    logger.info("wrote %s (%d responses, %d with personal details)", path, n, n_pii)
    return path


def _google_columns(rng, key, person, day, venue, shift, calendar) -> list:
    """The 17 columns (CSV-ready text) of one block of responses, then its PII count."""
    n = len(key)
    latent = (4.0 + shift[:, None] + OUTCOME_SHIFT[None, :]
              + rng.normal(0, 0.45, (n, 1)) + rng.normal(0, 0.6, (n, len(OUTCOMES))))
    scores = np.clip(np.rint(latent), 1, 5).astype(int)
    overall = np.clip(np.rint(scores.mean(axis=1) + 0.25 + rng.normal(0, 0.45, n)), 1, 5)
    likert = _table(["", *LIKERT_LABELS])[np.where(rng.random((n, 8)) < 0.01, 0, scores)]
    date_answer = calendar["answer"][day]
    date_answer[rng.random(n) < 0.1] = ""
    columns = [
        calendar["stamp"][day] + calendar["clock"][key % 86400] + calendar["zone"][day],
        _table(f.lower() for f in FIRST_NAMES)[rng.integers(0, len(FIRST_NAMES), n)] + "."
        + _table(f.lower() for f in LAST_NAMES)[rng.integers(0, len(LAST_NAMES), n)]
        + person.astype(str).astype(object) + "@example.com",
        date_answer,
        _table(VENUES)[venue],
        _table(RESPONDENT_TYPES)[rng.choice(len(RESPONDENT_TYPES), n, p=RESPONDENT_P)],
        *likert.T,
        _table(OVERALL_LABELS)[overall.astype(int) - 1],
        _varied_text(rng, TAKEAWAYS, n, 0.12),
        _varied_text(rng, PLEDGES, n, 0.22),
        _varied_text(rng, [t for _, t in IMPROVEMENTS] + list(_EXTRA_IMPROVEMENTS), n, 0.28),
    ]
    pii_rows = np.flatnonzero(rng.random(n) < 0.03)
    pii_field = rng.integers(0, 3, len(pii_rows))
    pii_text = _pii_text(rng, len(pii_rows))
    for k in range(3):
        columns[-3 + k][pii_rows[pii_field == k]] = pii_text[pii_field == k]
    return [*columns, len(pii_rows)]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: regenerate the sample, or write a large Google Forms export.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status, 0 on success.
    """
    parser = argparse.ArgumentParser(
        prog="python -m coprod_analysis.synthetic",
        description="Write synthetic (invented) co-production evaluation and group review "
                    "exports.")
    parser.add_argument("--out", type=Path, default=None,
                        help="sample folder (default data/sample), or the CSV for --google-forms")
    parser.add_argument("--seed", type=int, default=None,
                        help=f"random seed (default {DEFAULT_SEED}; 1 with --google-forms)")
    parser.add_argument("--google-forms", type=int, metavar="N", default=None,
                        help="write one Google Forms export of N responses to --out instead")
    parser.add_argument("--ground-truth", action="store_true",
                        help="print what the sample's generator planted, file by file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.ground_truth:
        for name, kinds in ground_truth(DEFAULT_SEED if args.seed is None else args.seed).items():
            print(f"{name}: {kinds.pop('rows')[0][0]} data rows")
            for kind, items in kinds.items():
                print(f"  {kind} ({len(items)}): " + "; ".join(
                    f"row {r}" + (f" {c}" if c else "") + (f" {v!r}" if v else "")
                    for r, c, v in items))
        print("group reviews, row by row:")
        for rec in review_ground_truth(DEFAULT_SEED if args.seed is None else args.seed):
            extra = sorted(set(rec["text_themes"]) - set(rec["challenges"]))
            ladder = "/".join(rec[f] or "-" for f in (*LADDER_FIELDS, "ladder_overall"))
            quality = "".join({True: "Y", False: "N"}.get(rec[f], "-") for f in QUALITY_FIELDS)
            print(f"  {rec['file']} row {rec['source_row']} [{rec['status']}] "
                  f"{rec['group'] or '?'} as {rec['typed']!r} {rec['review_date']} {ladder} "
                  f"quality {quality} challenges {';'.join(rec['challenges'])}"
                  + (f" other {rec['other']!r}" if rec["other"] else "")
                  + (f" text also {';'.join(extra)}" if extra else ""))
        print("ladder movement at re-review:")
        for group, moves in ladder_movement().items():
            print(f"  {group}: " + ", ".join(f"{f} {m}" for f, m in moves.items()))
    elif args.google_forms is not None:
        if args.out is None or args.google_forms < 0:
            parser.error("--google-forms needs N >= 0 and --out FILE")
        print(write_google_forms_export(args.out, args.google_forms,
                                        1 if args.seed is None else args.seed))
    else:
        seed = DEFAULT_SEED if args.seed is None else args.seed
        for path in write_sample_data(args.out or Path("data/sample"), seed):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
