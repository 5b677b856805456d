"""The project's vocabulary, defined once as data.

Everything else (reading, mapping, cleaning, charts, the report) reads the
scales, the form fields and the codebook from here. The wording follows
``CONTRACT.md`` sections 1 and 2 and the form templates in ``docs/forms/``.

Each form field carries ``patterns``: regular expressions matched against a
*normalised* column header (lower case, numbering and "By the end of the
session I..." prefixes removed, punctuation turned into spaces; see
:func:`coprod_analysis.mapping.normalise_header`). A header maps to the field
whose pattern matches; ``priority`` breaks ties where a header could match
two fields (higher wins).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# --- Answer scales ---------------------------------------------------------

#: Likert 5 labels, in order, scored 1 to 5.
LIKERT_LABELS: tuple[str, ...] = (
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
)

#: Overall rating labels, in order, scored 1 to 5.
OVERALL_LABELS: tuple[str, ...] = ("Very poor", "Poor", "Fair", "Good", "Very good")

#: The ordered dtype used for every 1-5 score (Likert outcomes and ``overall``).
SCORE_DTYPE = pd.CategoricalDtype(categories=[1, 2, 3, 4, 5], ordered=True)

#: Normalised answer text -> score. Keys are normalised with
#: :func:`coprod_analysis.clean.values.normalise_answer`.
LIKERT_SYNONYMS: dict[str, int] = {
    "strongly disagree": 1,
    "disagree strongly": 1,
    "disagree": 2,
    "neither agree nor disagree": 3,
    "neither agree or disagree": 3,
    "neither": 3,
    "neutral": 3,
    "agree": 4,
    "strongly agree": 5,
    "agree strongly": 5,
}

OVERALL_SYNONYMS: dict[str, int] = {
    "very poor": 1,
    "poor": 2,
    "fair": 3,
    "average": 3,
    "ok": 3,
    "okay": 3,
    "good": 4,
    "very good": 5,
    "excellent": 5,
}

#: Answers that mean "no answer" on a scale: missing, never an error.
MISSING_ANSWERS: frozenset[str] = frozenset(
    {"", "n a", "na", "not applicable", "don t know", "dont know", "do not know", "-"}
)

#: Respondent types on the evaluation form, in display order.
RESPONDENT_TYPES: tuple[str, ...] = (
    "Patient",
    "Carer",
    "CCG volunteer",
    "Member of the public",
    "Staff",
    "Other",
)

#: Normalised answer -> respondent type. Answers starting "other" are "Other".
RESPONDENT_TYPE_SYNONYMS: dict[str, str] = {
    "patient": "Patient",
    "service user": "Patient",
    "carer": "Carer",
    "ccg volunteer": "CCG volunteer",
    "volunteer": "CCG volunteer",
    "member of the public": "Member of the public",
    "public": "Member of the public",
    "staff": "Staff",
    "nhs staff": "Staff",
    "ccg staff": "Staff",
    "member of staff": "Staff",
    "other": "Other",
}

RESPONDENT_TYPE_DTYPE = pd.CategoricalDtype(categories=list(RESPONDENT_TYPES), ordered=False)


# --- Form fields -----------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One question on a form.

    Attributes
    ----------
    name:
        The contract's column name, e.g. ``"outcome_role"``.
    question:
        The wording on the form template.
    kind:
        How answers are read: ``date``, ``text``, ``choice``, ``likert``,
        ``overall`` or ``free_text``.
    patterns:
        Regular expressions matched (``re.search``) against a normalised header.
    short:
        A short label for tables and charts.
    priority:
        Tie-break when a header matches more than one field; higher wins.
    """

    name: str
    question: str
    kind: str
    patterns: tuple[str, ...]
    short: str
    priority: int = 0


#: The eight session outcomes, in the order of the form.
OUTCOME_FIELDS: tuple[Field, ...] = (
    Field(
        "outcome_role",
        "I understand the patient champion's role",
        "likert",
        (r"\brole\b.*\bchampion|\bchampion.*\brole\b", r"^champion s? role$",
         r"understand (the )?role"),
        "Understand the patient champion's role",
        priority=2,
    ),
    Field(
        "outcome_levels",
        "I can define and explain the different levels of co-production",
        "likert",
        (r"\blevels?\b", r"\bladder\b", r"define (and )?explain"),
        "Define the levels of co-production",
        priority=2,
    ),
    Field(
        "outcome_benefits",
        "I can outline the benefits of co-production",
        "likert",
        (r"\bbenefits?\b",),
        "Outline the benefits",
        priority=2,
    ),
    Field(
        "outcome_challenges",
        "I can outline the challenges of co-production",
        "likert",
        (r"\bchallenges?\b", r"\bbarriers?\b"),
        "Outline the challenges",
        priority=2,
    ),
    Field(
        "outcome_examples",
        "I can give examples of co-production",
        "likert",
        (r"\bexamples?\b",),
        "Give examples",
        priority=2,
    ),
    Field(
        "outcome_critique",
        "I can carry out a simple critique of initiatives",
        "likert",
        (r"\bcritiqu", r"\bcritic", r"\bcritically\b"),
        "Critique initiatives",
        priority=2,
    ),
    Field(
        "outcome_steps",
        "I can outline the steps to carry out co-production successfully",
        "likert",
        (r"\bsteps?\b",),
        "Outline the steps",
        priority=2,
    ),
    Field(
        "outcome_confidence",
        "I feel more confident to get involved in co-production",
        "likert",
        (r"\bconfiden",),
        "Feel more confident to get involved",
        priority=2,
    ),
)

#: Every field of the evaluation form, in contract order.
EVALUATION_FIELDS: tuple[Field, ...] = (
    Field(
        "session_date",
        "Date of the session",
        "date",
        (r"^(session )?date$", r"\bdate\b.*\bsession\b", r"\bsession\b.*\bdate\b",
         r"date (of )?(the )?(training|course|workshop|event)", r"^when did you attend",
         r"date attended"),
        "Session date",
        priority=1,
    ),
    Field(
        "venue",
        "Where did you attend?",
        "text",
        (r"\bvenue\b", r"where did you attend", r"^where\b", r"\blocation\b",
         r"which session did you attend"),
        "Venue",
        priority=1,
    ),
    Field(
        "respondent_type",
        "Which best describes you?",
        "choice",
        (r"describes? you", r"\brespondent type\b", r"^are you( a)?\b", r"\bi am a\b",
         r"\byou are\b", r"^(participant )?type$", r"^role$", r"^your role$"),
        "Respondent type",
        priority=1,
    ),
    *OUTCOME_FIELDS,
    Field(
        "overall",
        "Overall, how would you rate the session?",
        "overall",
        (r"\boverall\b", r"rate the (session|training|course|event)",
         r"^rating$", r"^overall rating$"),
        "Overall rating",
        priority=3,
    ),
    Field(
        "takeaway",
        "One thing you'll take away from the session",
        "free_text",
        (r"take ?aways?\b", r"one thing", r"\blearn(ed|t)\b"),
        "One thing to take away",
        priority=3,
    ),
    Field(
        "pledge",
        "Make a pledge",
        "free_text",
        (r"\bpledges?\b", r"\bcommit(ment)?\b"),
        "Pledge",
        priority=3,
    ),
    Field(
        "improvements",
        "How could we improve the session?",
        "free_text",
        (r"\bimprov", r"\bbetter\b", r"do differently", r"\bsuggestions?\b"),
        "Improvements",
        priority=3,
    ),
)

EVALUATION_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in EVALUATION_FIELDS)
OUTCOME_NAMES: tuple[str, ...] = tuple(f.name for f in OUTCOME_FIELDS)


# --- The challenge themes codebook (contract section 2) ---------------------

#: code -> label, in the contract's order.
CHALLENGE_THEMES: dict[str, str] = {
    "not_productive": "Not being productive",
    "tokenism": "Tokenism",
    "personal_agendas": "Personal agendas",
    "concerns_not_addressed": "Not addressing concerns",
    "intimidation": "Intimidation",
    "lack_of_focus": "Lack of focus",
    "differences_in_opinion": "Differences in opinion",
    "funding": "Funding",
    "lack_of_empathy": "Unable to empathise",
    "lack_of_respect": "Lack of respect",
    "domination": "Domination",
    "time": "Time",
    "communication": "Communication (or lack of)",
    "motivation": "Motivation",
    "organisation": "Organisation",
    "not_understanding": "Not understanding what it is",
}
