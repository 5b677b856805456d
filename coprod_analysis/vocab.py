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
    # Welsh, as NHS Wales's bilingual forms give them ("Cytuno'n gryf / Strongly agree")
    "anghytuno n gryf": 1,
    "anghytuno": 2,
    "ddim yn cytuno nac yn anghytuno": 3,
    "niwtral": 3,
    "cytuno": 4,
    "cytuno n gryf": 5,
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
    # Welsh
    "gwael iawn": 1,
    "gwael": 2,
    "gweddol": 3,
    "da": 4,
    "da iawn": 5,
    "ardderchog": 5,
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
    # Welsh, as NHS Wales's bilingual forms give them ("Gofalwr / Carer")
    "claf": "Patient",
    "gofalwr": "Carer",
    "gofalwraig": "Carer",
    "gwirfoddolwr": "CCG volunteer",
    "aelod o r cyhoedd": "Member of the public",
    "arall": "Other",
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


# --- Identifier columns ------------------------------------------------------
#
# Columns that identify a person or a device are recognised by their header,
# whatever the platform's spelling (see :func:`coprod_analysis.mapping.identifier_kind`).
# A header is first split into words (``IPAddress`` -> ``ip address``,
# ``RecipientFirstName`` -> ``recipient first name``, ``emailaddress`` ->
# ``email address``) and normalised like any header; it is an identifier when,
# without a polite wrapper ("Please give your ...", "... (optional)"), it
# matches one of the patterns below IN FULL. Matching in full is what keeps the
# form's own questions out: "Name of your group" (the group), "Location of the
# session" (the venue), "Which best describes you?" (the respondent type).


@dataclass(frozen=True)
class IdentifierHeader:
    """One way platforms and people head a column that identifies someone.

    Attributes
    ----------
    pattern:
        A regular expression matched in full against the normalised header words.
    kind:
        What the column holds (a key of :data:`IDENTIFIER_KINDS`).
    seen_in:
        Where this spelling comes from (documentation only).
    """

    pattern: str
    kind: str
    seen_in: str = ""


#: Kind -> how the summary says what a dropped column held ("a name").
IDENTIFIER_KINDS: dict[str, str] = {
    "email": "an e-mail address",
    "name": "a name",
    "phone": "a phone number",
    "address": "an address",
    "postcode": "a postcode",
    "date_of_birth": "a date of birth",
    "nhs_number": "an NHS number",
    "ni_number": "a National Insurance number",
    "hospital_number": "a hospital or patient number",
    "ip_address": "an IP address",
    "device": "device or browser details",
    "location": "a location (coordinates or a place found from the device)",
    "respondent_id": "a respondent, user or recipient id",
    "custom_data": "platform custom data (often names or e-mails passed in a link)",
    "platform_id": "a platform's own id (not personal, never needed)",
}

_PEOPLE = (r"(?:respondent|participant|recipient|responder|attendee|delegate|service user"
           r"|user)(?: s)?")

#: A National Insurance number's two letters as HMRC allots them (neither D, F, I, Q, U
#: nor V; the second not O; never BG, GB, KN, NK, NT, TN or ZZ), or its examples' "QQ",
#: as a regular expression (redaction and identifier columns use it).
NI_PREFIX = (r"(?:(?!(?i:BG|GB|KN|NK|NT|TN|ZZ))[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z]"
             r"[A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z]|[Qq][Qq])")
#: What may stand between the parts of a National Insurance number: nothing, a space, a
#: full stop, a dash or a slash, spaced or not ("AB 12 34 56 C", "AB/12/34/56/C", "AB /
#: 12 / 34 / 56 / C"), as a regular expression.
NI_GAP = r"(?:[ \t]?[./\-])?[ \t]?"

#: The header spellings, in the order they are tried (e-mail and IP address before
#: address; the first match wins).
IDENTIFIER_HEADERS: tuple[IdentifierHeader, ...] = (
    # e-mail
    IdentifierHeader(rf"(?:{_PEOPLE} |contact |work |personal |home )?e ?mails?"
                     r"(?: ?address(?:es)?)?(?: ?\d+)?", "email",
                     "SurveyMonkey/Google Forms 'Email Address', MS Forms 'Email', "
                     "Qualtrics 'RecipientEmail', JISC 'email'"),
    IdentifierHeader(r"edu person principal name", "email", "Qualtrics single sign-on"),
    # IP address, device
    IdentifierHeader(r"(?:standard )?ip(?: ?address(?:es)?| addr)?(?: ?v ?[46])?", "ip_address",
                     "SurveyMonkey/SmartSurvey 'IP Address', Qualtrics 'IPAddress'"),
    IdentifierHeader(r"device(?: (?:type|id|name|model|details))?"
                     r"|(?:computer|phone|mobile) (?:type|id|model|device|details)|user agent"
                     r"|browser(?: (?:version|name|type|meta ?info))?"
                     r"|operating system(?: version)?|os(?: version)?|screen resolution"
                     r"|cookie(?: (?:uid|id))?", "device",
                     "Qualtrics browser meta info, SmartSurvey 'Cookie UID'"),
    # location
    IdentifierHeader(r"(?:geo ?|device |your |ip )?location(?: (?:latitude|longitude|lat|long|lng"
                     r"|coordinates|accuracy|data|(?:census )?(?:region|division|country"
                     r"|city|state|county|town|area)))?|latitude|longitude|lat|lng|lat ?long"
                     r"|latitude (?:and )?longitude"
                     r"|lat lng|co ?ordinates|gps(?: \w+)?|geo (?:city|country|region|postal)"
                     r"|standard (?:lat|long|geo\w*)", "location",
                     "Qualtrics 'LocationLatitude'/'LocationLongitude', Alchemer geo data, "
                     "SurveyMonkey Audience 'Location (Census Region)'"),
    # names
    IdentifierHeader(rf"(?:(?:{_PEOPLE}|contact|your|full|first|last|given|family|middle|sur"
                     r"|fore|preferred|nick|maiden|display|print|printed) ?)*names?"
                     r"(?: (?:and surname|in full|in capitals))?", "name",
                     "SurveyMonkey 'First Name'/'Last Name', MS Forms 'Name', Qualtrics "
                     "'RecipientFirstName', hand-made 'Full name', 'Your name'"),
    IdentifierHeader(r"forenames?|surnames?|initials|given name s?|signature|signed"
                     r"|(?:first|last) name(?: and | )(?:last|sur) ?name", "name"),
    IdentifierHeader(r"signed by|sign(?:ed)? here|print name"
                     r"|enw|nom|nombre|imi[eę](?: i nazwisko)?", "name",
                     "typed sheets' 'Sign here', 'Print name'; Welsh 'Enw', French 'Nom', "
                     "Polish 'Imię' (a 'Completed by' or 'Attendee' column is told by its "
                     "values: it may hold 'Patient' or 'Carer')"),
    # contact details
    IdentifierHeader(r"(?:(?:contact|home|work|mobile|daytime|evening|landline|best|your|phone"
                     r"|telephone)"
                     r" )*(?:tel|telephone|phone|mobile|landline|cell|cellphone|mob)"
                     r"(?: (?:number|no|num|numbers))?", "phone",
                     "'Telephone', 'Mobile', 'Phone number'"),
    IdentifierHeader(r"(?:your )?contact(?: (?:number|no|tel|details|info|information|phone))?",
                     "phone", "'Contact number', 'Contact details'"),
    IdentifierHeader(r"(?:(?:your|home|postal|street|full|correspondence|house|residential)"
                     r" )*address(?: (?:line )?\d+)?|address line \d+|street(?: address)?"
                     r"|house (?:number|name)(?: and street)?", "address",
                     "'Address', 'Home address', SurveyMonkey contact-information 'Address 2'"),
    IdentifierHeader(r"(?:your |home )?(?:post ?code|postal code|zip(?: code)?|zip postal code"
                     r"|post code)(?: .*)?", "postcode",
                     "'Postcode', SurveyMonkey 'ZIP/Postal Code'"),
    IdentifierHeader(r"(?:your |patient s? )?(?:date of birth|dob|do b|d o b|birth ?date"
                     r"|birthday|date born|born|year of birth|dyddiad geni|geburtsdatum"
                     r"|date de naissance|fecha de nacimiento|data urodzenia)",
                     "date_of_birth", "'DOB', 'DoB', 'Born', Welsh 'Dyddiad geni'"),
    IdentifierHeader(r"(?:your )?nhs (?:number|no|num|id)", "nhs_number"),
    IdentifierHeader(r"(?:your )?(?:national insurance(?: (?:number|no|num))?|ni (?:number|no)"
                     r"|nino)", "ni_number"),
    IdentifierHeader(r"(?:your )?(?:hospital (?:number|no|id)|mrn|medical record (?:number|no)"
                     r"|(?:patient|pt|client) (?:id|number|no|identifier)|unit number"
                     r"|case number)",
                     "hospital_number", "'Patient ID', 'Pt ID', 'Client ID'"),
    # the platforms' and people's own ids for a respondent
    IdentifierHeader(rf"(?:{_PEOPLE}|response|member|customer|panel(?:list)?|survey ?user|unique)"
                     r" ?(?:id|identifier|number|no|ref|reference|uid|code|token)"
                     rf"|{_PEOPLE}|user ?names?|login(?: (?:id|name))?|external (?:data )?"
                     r"reference|external (?:id|ref)|token|password|uid|uuid|record id",
                     "respondent_id",
                     "Qualtrics 'ResponseId'/'ExternalReference', SurveyMonkey 'Respondent ID', "
                     "JISC 'Username'/'Token', SmartSurvey 'UserID', MS Forms 'Responder'"),
    IdentifierHeader(r"(?:employee|staff|payroll|membership|member|student|volunteer|carer)"
                     r" (?:id|number|no|ref|reference)"
                     r"|(?:twitter|instagram|facebook|linkedin|tiktok|social media)"
                     r"(?: (?:handle|account|name|username|user name|id))?|handle",
                     "respondent_id", "hand-made sign-in sheets"),
    IdentifierHeader(r"custom (?:data|variables?|fields?|values?)(?: ?\d+)?|embedded data(?: .*)?"
                     r"|url (?:variable|parameter)s?(?: .*)?|hidden (?:field|value)s?(?: .*)?"
                     r"|x ?\d{1,2}|pre ?population(?: .*)?", "custom_data",
                     "SurveyMonkey 'Custom Data 1', SmartSurvey 'Custom Variables', JISC "
                     "pre-population 'x1'..'x10'"),
    IdentifierHeader(r"collector(?: (?:id|name))?|tracking link(?: name)?|distribution channel"
                     r"|user language|panel id", "platform_id",
                     "SurveyMonkey 'Collector ID', SmartSurvey 'Tracking Link', Qualtrics "
                     "'DistributionChannel'"),
)

#: Headers that name a device detail only under a question's prefix (Qualtrics'
#: meta-info question writes ``Q1_Version``, ``Q1_Resolution``): alone, "Version"
#: and "Resolution" are as likely a form's version or how an issue was resolved.
DEVICE_WORDS_UNDER_PREFIX: frozenset[str] = frozenset({"version", "resolution"})

#: Headers that ask for the name, address or postcode of a place or a group, not of a
#: person ("Name of your group", "Venue postcode", "Address of the venue"): matched
#: in full against the normalised header, so "Your postcode" and "Name of your
#: facilitator" stay identifiers.
_PLACES = (r"(?:training |session |meeting |event |course )?(?:venue|session|site|building"
           r"|practice|surgery|clinic|meeting|event|training|course|office|centre|center"
           r"|library|organisation|organization|group|team|project|service|ward|trust"
           r"|charity|ppg|network|forum|board|committee|place)")
NOT_A_PERSON_HEADER = (
    rf"(?:(?:the|your|our) )?{_PLACES} (?:names?|post ?codes?|address(?:es)?)"
    rf"|(?:names?|post ?codes?|address(?:es)?) of (?:the |your |our |this )?{_PLACES}"
)

#: Phrases that mark an identifier wherever they stand in a header ("Which postcode
#: area do you live in?", "If you would like a reply, leave your e-mail"): searched,
#: not matched in full, so only phrases no question of the forms uses.
IDENTIFIER_HEADER_PHRASES: tuple[IdentifierHeader, ...] = (
    IdentifierHeader(r"\be ?mail\b|\be ?mail ?address", "email"),
    IdentifierHeader(r"\bip address\b", "ip_address"),
    IdentifierHeader(r"\b(?:full|first|last|sur|fore|your|given|family) ?names?\b"
                     r"|\bname and (?:address|email|phone|contact)", "name"),
    IdentifierHeader(r"\b(?:tele)?phone (?:number|no)\b|\btelephone\b"
                     r"|\bmobile (?:number|no|phone)\b|\bcontact (?:number|details|tel)\b",
                     "phone"),
    # questions that ask how to get in touch: "Where can we reach you?", "Best way to
    # contact you", "If you would like us to get back to you, how?", "Your details"
    IdentifierHeader(r"\b(?:where|how) (?:can|could|should|do|may|shall) (?:we|i|someone) "
                     r"(?:reach|contact|get hold of|get in touch with) (?:you|me)\b"
                     r"|\b(?:best|preferred|easiest) (?:way|time) to (?:reach|contact) (?:you|me)\b"
                     r"|\breach (?:you|me) (?:at|on)\b|\bget back to you\b"
                     r"|\byour (?:contact )?details\b|\bcontact (?:info|information)\b",
                     "phone"),
    IdentifierHeader(r"\b(?:home|postal|street|your) address\b|\baddress line\b", "address"),
    IdentifierHeader(r"\bpost ?codes?\b", "postcode"),
    IdentifierHeader(r"\bdate of birth\b|\bdob\b|\bd o b\b|\bwhen (?:were|was) (?:you|they)"
                     r" born\b|\byear of birth\b|\bdyddiad geni\b", "date_of_birth"),
    IdentifierHeader(r"\bnhs (?:number|no)\b", "nhs_number"),
    IdentifierHeader(r"\bnational insurance\b|\bni (?:number|no)\b", "ni_number"),
    IdentifierHeader(r"\bhospital (?:number|no)\b", "hospital_number"),
    IdentifierHeader(r"\buser agent\b", "device"),
    IdentifierHeader(r"\binitials\b", "name"),
    IdentifierHeader(r"\bsubmitted by\b|\b(?:user|account) ?names?\b", "respondent_id"),
)

#: Words that headers run together ("emailaddress", "dateofbirth"): a header word
#: made only of these is split before matching.
IDENTIFIER_WORDS: frozenset[str] = frozenset(
    """ip address email mail first last full given family sur fore name names user id
    response respondent recipient external reference data location latitude longitude
    phone telephone mobile number no contact post code postcode date of birth nhs hospital
    device agent browser custom home street collector participant responder login your
    tracking link distribution channel cookie uid operating system screen resolution geo
    city region country postal lat long record medical patient display person principal
    edu embedded variable value field type version work attendee delegate member unique
    panel language""".split()
)
