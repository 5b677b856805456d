"""Synthetic sample data: invented evaluation-form exports that look like real ones.

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

Regenerate the sample with ``python -m coprod_analysis.synthetic --out
data/sample``; write a large Google Forms export for benchmarks with
``python -m coprod_analysis.synthetic --google-forms 1000000 --out big.csv``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import logging
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import Workbook

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

TAKEAWAYS = (
    "Co-production means being involved from the start, not just asked to comment at the end.",
    "There are different levels of involvement and we are mostly at the bottom of the ladder.",
    "That patients and staff should be equal partners.",
    "My experience as a patient is a kind of expertise.",
    "The difference between consultation and co-production.",
    "Tokenism is easy to spot once you know what to look for.",
    "That I can ask what happened to our feedback.",
    "You said, we did. Feedback should always go back to people.",
    "How to tell if a project is really co-produced.",
    "Being a carer gives me a voice in how services are designed.",
    "It's fine to ask questions when staff use jargon.",
    "That the CCG actually wants to hear from people like me.",
    "The examples from other areas were really inspiring.",
    "Co-production takes time and you can't rush it.",
    "The ladder of participation. I will use it in our PPG.",
    "Meeting other patient champions from across Leeds.",
    "Always ask who is missing from the room.",
    "Patients should help evaluate services, not just design them.",
    "I learnt what a patient champion actually does.",
    "Confidence to speak up at my practice's PPG meeting.",
    "Co-design and co-delivery are not the same thing.",
    "Small changes count, like agreeing the agenda together.",
    "The checklist for judging whether involvement is real.",
    "Everyone's role should be agreed at the beginning.",
    "It's OK to challenge when something feels like box-ticking.",
    "Staff find this hard too, which was reassuring.",
    "Listening is as important as talking.",
    "The story about the diabetes clinic redesign.",
    "How to feed back to the CCG board.",
    "I'm not the only carer who feels left out of decisions.",
    "Lots of practical tips for our patient group.",
    "Power sharing: who really makes the decision?",
    "Good co-production needs good communication.",
    "As a volunteer I can hold the CCG to account.",
)
PLEDGES = (
    "I will join my GP practice's patient participation group.",
    "To ask at our next PPG meeting how patients helped plan the new appointments system.",
    "I will share what I learnt with my carers' group.",
    "Speak up more at meetings.",
    "I pledge to make sure feedback goes back to patients.",
    "To involve patients from the start of our next project.",
    "I'll read the co-production guide before our next meeting.",
    "To bring a friend to the next session.",
    "Use the ladder to review what our group does.",
    "I will volunteer for the CCG's readers' panel.",
    "Ask who else should be at the table.",
    "I'll stop using jargon in our newsletter.",
    "To get more young people involved in our PPG.",
    "I will ask the practice manager about a 'you said, we did' board.",
    "Keep going even when it feels like nobody is listening.",
    "To be more patient with staff, they are learning too.",
    "I will sign up as a patient champion.",
    "Put co-production on the agenda of our next steering group.",
    "I'll share my experience of caring for my mum to help shape services.",
    "Invite patients to help write our next survey.",
    "To check that everyone in our group gets a chance to speak.",
    "I will look into funding for our carers' cafe.",
    "Help staff evaluate the new physio service.",
    "Attend the next network meeting.",
    "I pledge to listen more and talk less!",
    "Tell my neighbours about the patient champion role.",
    "Ask for plain English in all papers sent to our group.",
    "I will mentor a new volunteer.",
    "Make our PPG meetings more welcoming to new members.",
    "Encourage my practice to involve patients in interviewing staff.",
    "Review our terms of reference together with the practice.",
    "Not sure yet, I need to think about it.",
)
#: (theme, text); themes "time", "pace" and "venue" are weighted up for weak sessions.
IMPROVEMENTS = (
    ("time", "More time, it felt rushed at the end."),
    ("time", "Make it a full day rather than a morning."),
    ("time", "More time for questions."),
    ("time", "The group work needed longer."),
    ("time", "Two shorter sessions instead of one long one."),
    ("pace", "Slow down a bit, there was a lot to take in."),
    ("pace", "The pace was too fast after the break."),
    ("pace", "Fewer slides and more discussion."),
    ("venue", "Parking was difficult, I couldn't find a space."),
    ("venue", "The room was too small and too warm."),
    ("venue", "Better directions to the venue, I got lost."),
    ("venue", "The hearing loop wasn't working."),
    ("venue", "Step-free access please, the lift was out of order."),
    ("venue", "A venue nearer a bus route."),
    ("jargon", "Less jargon please, too many acronyms."),
    ("jargon", "Explain what CCG and PPG stand for at the start."),
    ("jargon", "Plain English on the slides."),
    ("examples", "More real examples from Leeds."),
    ("examples", "Hear from a patient who has done it."),
    ("examples", "Case studies of co-production going wrong as well as right."),
    ("mixing", "More mixing of patients and staff in the groups."),
    ("mixing", "Staff and patients sat separately, mix us up."),
    ("mixing", "Have more staff there to hear from patients."),
    ("handouts", "Handouts to take home would be useful."),
    ("handouts", "Send the slides afterwards."),
    ("handouts", "A list of useful contacts and websites."),
    ("other", "Nothing, it was great."),
    ("other", "It was perfect as it was."),
    ("other", "Better refreshments!"),
    ("other", "A follow-up session in a few months."),
    ("other", "A microphone for the speakers, hard to hear at the back."),
    ("other", "Larger print on the handouts."),
    ("other", "Breaks more often."),
)
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


def _xlsx_bytes(header, rows) -> bytes:
    """An XLSX file whose bytes depend only on its content (no timestamps, fixed order)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(header)
    for cells, _ in rows:
        ws.append(cells)
        for cell in ws[ws.max_row][1:3]:
            cell.number_format = "m/d/yy h:mm:ss"
        ws.cell(ws.max_row, 7).number_format = "dd/mm/yyyy"
    fixed = dt.datetime(2018, 11, 1, 9, 0, 0)
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


def write_sample_data(out_dir: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the synthetic evaluation exports into ``out_dir / "evaluations"``.

    The same seed always gives the same bytes, so the committed sample can be
    checked by regenerating it.

    Parameters
    ----------
    out_dir : Path
        The sample folder (``data/sample`` in the repository); created if missing.
    seed : int, default 20180320
        Seed for :func:`numpy.random.default_rng`.

    Returns
    -------
    list of Path
        The files written, in the order of ``data/sample/README.md``.
    """
    folder = Path(out_dir) / "evaluations"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data, rows in _build_sample(seed):
        path = folder / name
        path.write_bytes(data)
        logger.info("wrote %s (%d data rows)", path, len(rows))
        paths.append(path)
    return paths


def ground_truth(seed: int = DEFAULT_SEED) -> dict[str, dict[str, list[tuple[int, str, str]]]]:
    """The generator's own record of what it planted in each sample file.

    ``data/sample/README.md`` is written from this and checked by eye against
    the files.

    Parameters
    ----------
    seed : int, default 20180320
        The seed the sample was written with.

    Returns
    -------
    dict
        File name -> kind -> list of ``(source_row, column or field, value)``, where
        kind is ``rows`` (every data row), ``blank``, ``duplicate``, ``quarantine``,
        ``unreadable``, ``pii:<kind>``, ``identifier``, ``formula``, ``newline``,
        ``literal``, ``no_date_answer`` or ``identical_pair``; source rows are
        1-based and exclude header rows.
    """
    truth = {}
    for name, _, rows in _build_sample(seed):
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
        description="Write synthetic (invented) co-production evaluation exports.")
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
