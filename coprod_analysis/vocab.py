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
    "member of public": "Member of the public",
    "public": "Member of the public",
    "staff": "Staff",
    "nhs staff": "Staff",
    "ccg staff": "Staff",
    "member of staff": "Staff",
    "other": "Other",
}

@dataclass(frozen=True)
class Choices:
    """The answers a single-choice question allows.

    Attributes
    ----------
    labels:
        The answers, in display order.
    synonyms:
        Normalised answer -> label. An answer starting "other" is ``"Other"``
        when ``"Other"`` is a label.
    """

    labels: tuple[str, ...]
    synonyms: dict[str, str]

    @property
    def dtype(self) -> pd.CategoricalDtype:
        """An unordered categorical of the labels."""
        return pd.CategoricalDtype(categories=list(self.labels), ordered=False)

    @property
    def problem(self) -> str:
        """What ``problems.csv`` says of an answer that is none of these."""
        return "not one of the answer options (" + ", ".join(self.labels) + ")"


RESPONDENT_TYPE_CHOICES = Choices(RESPONDENT_TYPES, RESPONDENT_TYPE_SYNONYMS)

#: Kinds of patient group on the review form, in display order.
GROUP_TYPE_CHOICES = Choices(
    ("PPG", "PAG", "CCG volunteer steering group", "Other"),
    {
        "ppg": "PPG",
        "patient participation group": "PPG",
        "ppg patient participation group": "PPG",
        "patient participation group ppg": "PPG",
        "p p g": "PPG",
        "pag": "PAG",
        "patient assurance group": "PAG",
        "pag patient assurance group": "PAG",
        "patient assurance group pag": "PAG",
        "p a g": "PAG",
        "ccg volunteer steering group": "CCG volunteer steering group",
        "volunteer steering group": "CCG volunteer steering group",
        "steering group": "CCG volunteer steering group",
        "ccg volunteers": "CCG volunteer steering group",
        "other": "Other",
    },
)

#: The rungs of the ladder of co-production, lowest first.
LADDER_RUNGS: tuple[str, ...] = ("descriptive", "intermediate", "transformative")
#: The answer that is not a rung: kept apart, never averaged in.
NOT_INVOLVED = "not_involved"
#: The ordered dtype of every ladder column.
LADDER_DTYPE = pd.CategoricalDtype(categories=list(LADDER_RUNGS), ordered=True)
#: Normalised answer -> rung, or :data:`NOT_INVOLVED`.
LADDER_SYNONYMS: dict[str, str] = {
    "descriptive": "descriptive",
    "intermediate": "intermediate",
    "transformative": "transformative",
    "transformational": "transformative",
    "not involved": NOT_INVOLVED,
    "not involved at all": NOT_INVOLVED,
    "none": NOT_INVOLVED,
    "not at all": NOT_INVOLVED,
}

#: Normalised answer -> True/False for yes/no questions.
YES_NO_SYNONYMS: dict[str, bool] = {
    "yes": True, "y": True, "true": True, "ticked": True, "x": True, "1": True,
    "\u2713": True, "\u2714": True,
    "no": False, "n": False, "false": False, "0": False,
}


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
        How answers are read: ``date``, ``text``, ``choice`` (one of
        ``choices``), ``likert``, ``overall``, ``free_text``, ``ladder`` (a rung
        or "not involved"), ``multi`` (any of the challenge themes) or
        ``yes_no``.
    patterns:
        Regular expressions matched (``re.search``) against a normalised header.
    short:
        A short label for tables and charts.
    priority:
        Tie-break when a header matches more than one field; higher wins.
    choices:
        The allowed answers of a ``choice`` question.
    """

    name: str
    question: str
    kind: str
    patterns: tuple[str, ...]
    short: str
    priority: int = 0
    choices: Choices | None = None


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
        choices=RESPONDENT_TYPE_CHOICES,
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

#: Normalised ways of writing each challenge theme -> code. Every label, its code
#: (with spaces) and the usual short forms typed by hand are here.
CHALLENGE_SYNONYMS: dict[str, str] = {
    "not being productive": "not_productive",
    "not productive": "not_productive",
    "unproductive": "not_productive",
    "tokenism": "tokenism",
    "tokenistic": "tokenism",
    "token": "tokenism",
    "personal agendas": "personal_agendas",
    "personal agenda": "personal_agendas",
    "agendas": "personal_agendas",
    "not addressing concerns": "concerns_not_addressed",
    "concerns not addressed": "concerns_not_addressed",
    "concerns": "concerns_not_addressed",
    "intimidation": "intimidation",
    "intimidating": "intimidation",
    "lack of focus": "lack_of_focus",
    "no focus": "lack_of_focus",
    "focus": "lack_of_focus",
    "differences in opinion": "differences_in_opinion",
    "difference in opinion": "differences_in_opinion",
    "differences of opinion": "differences_in_opinion",
    "disagreement": "differences_in_opinion",
    "funding": "funding",
    "lack of funding": "funding",
    "money": "funding",
    "unable to empathise": "lack_of_empathy",
    "unable to empathize": "lack_of_empathy",
    "lack of empathy": "lack_of_empathy",
    "empathy": "lack_of_empathy",
    "lack of respect": "lack_of_respect",
    "respect": "lack_of_respect",
    "disrespect": "lack_of_respect",
    "domination": "domination",
    "dominating": "domination",
    "dominance": "domination",
    "time": "time",
    "lack of time": "time",
    "not enough time": "time",
    "communication": "communication",
    "communication or lack of": "communication",
    "lack of communication": "communication",
    "poor communication": "communication",
    "comms": "communication",
    "motivation": "motivation",
    "lack of motivation": "motivation",
    "organisation": "organisation",
    "organization": "organisation",
    "poor organisation": "organisation",
    "not understanding what it is": "not_understanding",
    "not understanding": "not_understanding",
    "not understanding what co production is": "not_understanding",
    "lack of understanding": "not_understanding",
    **{code.replace("_", " "): code for code in CHALLENGE_THEMES},
}

LADDER_LEVELS: dict[str, str] = {
    "design": "co-design",
    "decision": "co-decision",
    "delivery": "co-delivery",
    "evaluation": "co-evaluation",
}

#: Every field of the group review form, in contract order.
REVIEW_FIELDS: tuple[Field, ...] = (
    Field(
        "group",
        "Name of your group",
        "text",
        (r"name of (your|the) group", r"\bgroup name\b", r"^(your )?group$",
         r"^name of group$", r"which group"),
        "Group",
        priority=3,
    ),
    Field(
        "group_type",
        "What kind of group is it?",
        "choice",
        (r"(kind|type|sort) of group", r"\bgroup type\b", r"^type$", r"^kind$"),
        "Group type",
        priority=4,
        choices=GROUP_TYPE_CHOICES,
    ),
    Field(
        "review_date",
        "Date",
        "date",
        (r"^(review )?date$", r"date of (the )?review", r"\breview date\b",
         r"^date (completed|of meeting)$", r"^when did your group"),
        "Review date",
        priority=1,
    ),
    *(
        Field(
            f"ladder_{level}",
            f"Where is your group on the ladder of co-production for {label}?",
            "ladder",
            (rf"\bco ?{level[:6]}", rf"^{level[:6]}\w*( making)?$"),
            label.capitalize(),
            priority=2,
        )
        for level, label in LADDER_LEVELS.items()
    ),
    Field(
        "ladder_overall",
        "Overall, where is your group on the ladder?",
        "ladder",
        (r"\boverall\b",),
        "Overall rung",
        priority=1,
    ),
    Field(
        "challenges",
        "What gets in the way? (tick all that apply)",
        "multi",
        (r"gets in the way", r"tick all", r"^challenges( ticked)?$", r"^barriers$",
         r"which (of these )?challenges"),
        "Challenges",
        priority=2,
    ),
    Field(
        "challenges_text",
        "Describe the challenges your group faces",
        "free_text",
        (r"\bdescribe\b", r"in your own words", r"tell us (about|more)",
         r"challenges? (text|comments?|described)"),
        "Challenges described",
        priority=3,
    ),
    Field(
        "quality_start",
        "Patients are involved from the start",
        "yes_no",
        (r"from the start", r"^(involved )?(from )?start$", r"\bat the start\b"),
        "Involved from the start",
        priority=2,
    ),
    Field(
        "quality_throughout",
        "Patients are involved throughout the whole process",
        "yes_no",
        (r"\bthroughout\b", r"whole process"),
        "Involved throughout",
        priority=2,
    ),
    Field(
        "quality_equal",
        "Patients and staff work together as equal partners",
        "yes_no",
        (r"equal partners?", r"\bequals?\b"),
        "Equal partners",
        priority=2,
    ),
    Field(
        "quality_roles",
        "Everyone's role and the level of co-production are agreed",
        "yes_no",
        (r"\broles?\b.*\bagreed\b", r"\bagreed\b", r"^roles?$"),
        "Roles and level agreed",
        priority=2,
    ),
    Field(
        "quality_feedback",
        'Feedback is acted on and reported back ("you said, we did")',
        "yes_no",
        (r"\bfeedback\b", r"you said we did", r"reported back"),
        "Feedback acted on",
        priority=2,
    ),
    Field(
        "quality_evaluated",
        "Patients and staff evaluate the difference made together",
        "yes_no",
        (r"evaluate the difference", r"evaluated? together", r"difference made"),
        "Evaluated together",
        priority=3,
    ),
)

REVIEW_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in REVIEW_FIELDS)
LADDER_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in REVIEW_FIELDS if f.kind == "ladder")
QUALITY_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in REVIEW_FIELDS if f.kind == "yes_no")
