"""Header layouts of Qualtrics, SmartSurvey and older SurveyMonkey exports.

:mod:`coprod_analysis.read.platforms` names the platform; this module works
out, for the platforms whose header takes more than one row or whose own
columns have several spellings, how many rows the header takes, the header of
each column, and the role of the platform's own columns (see
:mod:`coprod_analysis.read.platforms` for the roles).

What each layout is based on is written in ``docs/platforms.md``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

#: Qualtrics' metadata columns, by their code with spaces removed, lower-cased.
#: The question-text row spells them with spaces ("Recorded Date"); both are
#: looked up after removing spaces.
QUALTRICS_ROLES: dict[str, str] = {
    "responseid": "respondent_id",
    "recordeddate": "submitted_at",
    "enddate": "submitted_at",  # used only when there is no RecordedDate (legacy files)
    "recipientemail": "email",
    "emailaddress": "email",
    "ipaddress": "identifier",
    "recipientlastname": "identifier",
    "recipientfirstname": "identifier",
    "name": "identifier",
    "externalreference": "identifier",
    "externaldatareference": "identifier",
    "locationlatitude": "identifier",
    "locationlongitude": "identifier",
    "startdate": "platform",
    "status": "platform",
    "responsetype": "platform",
    "progress": "platform",
    "duration(inseconds)": "platform",
    "finished": "platform",
    "distributionchannel": "platform",
    "userlanguage": "platform",
    "responseset": "platform",
    "q_url": "identifier",  # the link opened: a personal one carries a name and e-mail
}
#: The ImportIds of Qualtrics' meta-info question (browser, its version, operating
#: system, screen resolution): device details whatever the question's text says
#: (by default "Click to write the question text").
_META_INFO = re.compile(r"QID\d+_(?:BROWSER|VERSION|OS|RESOLUTION)")

#: SmartSurvey's own columns (lower-cased, spaces removed).
SMARTSURVEY_ROLES: dict[str, str] = {
    "userid": "respondent_id",
    "ended": "submitted_at",
    "email": "email",
    "name": "identifier",
    "ipaddress": "identifier",
    "uniqueid": "identifier",
    "trackinglink": "identifier",
    "userno": "platform",
    "started": "platform",
}

#: SurveyMonkey's own columns, in both the current (``Respondent ID``) and the
#: older (``RespondentID``) spelling, lower-cased with spaces removed.
SURVEYMONKEY_ROLES: dict[str, str] = {
    "respondentid": "respondent_id",
    "enddate": "submitted_at",
    "emailaddress": "email",
    "ipaddress": "identifier",
    "firstname": "identifier",
    "lastname": "identifier",
    "collectorid": "platform",
    "startdate": "platform",
}

_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"\s*:', re.IGNORECASE)


def squash(text: str) -> str:
    """A header reduced for looking up a platform column: lower case, no spaces.

    Examples
    --------
    >>> squash("Duration (in seconds)"), squash("\\ufeffRespondent ID"), squash("IP Address")
    ('duration(inseconds)', 'respondentid', 'ipaddress')
    """
    text = unicodedata.normalize("NFKC", text).replace("\ufeff", "")
    return "".join(text.split()).lower()


@dataclass
class Layout:
    """How an export's header is laid out.

    Attributes
    ----------
    header_rows:
        How many rows the header takes.
    headers:
        The header of each column, as the questions are worded.
    roles:
        Column position -> role, for the platform's own columns.
    recognised_by:
        What in the file showed the platform and layout (for the summary).
    notes:
        Anything the officer should know about the layout.
    names:
        Column position -> the platform's stable name for its own column
        (``status``, ``finished``), whatever language its label row is in.
    import_ids:
        Column position -> Qualtrics' ImportId (``QID2``, ``QID1_TEXT``), where
        the export has its ImportId row.
    """

    header_rows: int
    headers: list[str]
    roles: dict[int, str] = field(default_factory=dict)
    recognised_by: str = ""
    notes: list[str] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    import_ids: dict[int, str] = field(default_factory=dict)


def _row(rows: list[list[str]], i: int) -> list[str] | None:
    return rows[i] if i < len(rows) else None


def is_qualtrics(first: list[str], second: list[str] | None = None,
                 third: list[str] | None = None) -> bool:
    """Whether a header looks like a Qualtrics export's.

    Examples
    --------
    >>> is_qualtrics(["StartDate", "EndDate", "Status", "IPAddress", "Progress",
    ...               "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId"])
    True
    >>> is_qualtrics(["V1", "V2", "V3"], ["ResponseID", "ResponseSet", "Name"])
    True
    >>> is_qualtrics(["Start Date", "End Date", "Response Type", "Progress",
    ...               "Duration (in seconds)", "Finished", "Recorded Date", "Response ID"])
    True
    >>> is_qualtrics(["Respondent ID", "Collector ID", "Start Date", "End Date"])
    False
    """
    keys = {squash(h) for h in first}
    if third is not None and sum(bool(_IMPORT_ID.match(c)) for c in third) >= 2:
        return True
    if "responseid" in keys and keys & {"recordeddate", "finished", "progress",
                                        "duration(inseconds)", "responseset"}:
        return True
    # The legacy layout: V1, V2 ... over ResponseID, ResponseSet ...
    return second is not None and {"responseid", "responseset"} <= {squash(h) for h in second}


def _qualtrics_matrix(texts: list[str]) -> list[str]:
    """Turn Qualtrics' ``Question - Statement`` headers into ``Question [Statement]``.

    Only where two or more columns share the text before the last `` - ``
    (a matrix question): a single question may hold a dash of its own.

    Examples
    --------
    >>> _qualtrics_matrix(["How far? - I can a", "How far? - I can b", "Pick one - or two"])
    ['How far? [I can a]', 'How far? [I can b]', 'Pick one - or two']
    """
    stems: dict[str, int] = {}
    for text in texts:
        if " - " in text:
            stem = text.rsplit(" - ", 1)[0].strip()
            stems[stem] = stems.get(stem, 0) + 1
    out = []
    for text in texts:
        if " - " in text:
            stem, statement = (part.strip() for part in text.rsplit(" - ", 1))
            if stems.get(stem, 0) >= 2 and statement:
                out.append(f"{stem} [{statement}]")
                continue
        out.append(text)
    return out


def qualtrics_layout(rows: list[list[str]]) -> Layout:
    """The header of a Qualtrics export: three rows, two (legacy) or one.

    The current layout has the column codes (``Q3_1``) in row 1, the question
    text in row 2 and ``{"ImportId":"QID3_1"}`` in row 3; the legacy layout
    has ``V1``/``Q1`` codes over a row of question text; an export whose code
    and ImportId rows were deleted has the question text alone. Columns are
    named by their question text (matrix statements as ``Question
    [Statement]``), the code where the text is empty.

    Examples
    --------
    >>> rows = [["StartDate", "RecordedDate", "ResponseId", "IPAddress", "Q1"],
    ...         ["Start Date", "Recorded Date", "Response ID", "IP Address", "Overall?"],
    ...         ['{"ImportId":"startDate"}', '{"ImportId":"recordedDate"}',
    ...          '{"ImportId":"_recordId"}', '{"ImportId":"ipAddress"}', '{"ImportId":"QID1"}'],
    ...         ["2024-03-14 10:00:00", "2024-03-14 10:05:00", "R_1", "192.0.2.1", "Good"]]
    >>> layout = qualtrics_layout(rows)
    >>> layout.header_rows, layout.headers[-1], layout.roles
    (3, 'Overall?', {0: 'platform', 1: 'submitted_at', 2: 'respondent_id', 3: 'identifier'})
    """
    first, second, third = _row(rows, 0), _row(rows, 1), _row(rows, 2)
    codes = first or []
    legacy = second is not None and {"responseid", "responseset"} <= {squash(h) for h in second}
    if third is not None and import_id_row(third):
        n, texts, how = 3, second, ("three header rows: codes, question text and "
                                    "{\"ImportId\": ...}")
    elif second is not None and import_id_row(second):
        n, texts, how = 2, codes, "two header rows: codes or question text, then ImportIds"
    elif legacy:
        n, texts, how = 2, second, "legacy layout: V1/Q1 codes over a row of question text"
    elif second is not None and _second_row_is_text(codes, second):
        n, texts, how = 2, second, "two header rows: codes over question text"
    else:
        n, texts, how = 1, codes, "one header row"
    assert texts is not None
    names = [t if t.strip() else c for t, c in zip(texts, codes, strict=False)]
    names += codes[len(names):]
    headers = _qualtrics_matrix(names)
    squashed = [squash(t) for t in texts]
    import_row = third if n == 3 else second if n == 2 and import_id_row(second) else None
    # A column's code names one of Qualtrics' own columns only if it is not a question
    # of the survey (a question coded "Name" or "Status" by its designer: found by a
    # reader, "Name of your group" was dropped as an identifier)
    squashed_codes = [squash(c) if not _is_question(i, texts, import_row) else ""
                      for i, c in enumerate(codes)]
    keys = [k if k in QUALTRICS_ROLES else (c if n > 1 and c in QUALTRICS_ROLES else k)
            for k, c in zip(squashed, squashed_codes, strict=False)]
    roles = {i: QUALTRICS_ROLES[k] for i, k in enumerate(keys) if k in QUALTRICS_ROLES}
    for i, cell in enumerate(import_row or []):
        if _META_INFO.fullmatch(_import_id(cell)) or _import_id(cell) == "Q_URL":
            roles[i] = "identifier"
    if "recordeddate" in keys:
        for i, k in enumerate(keys):
            if k == "enddate":
                roles[i] = "platform"
    layout = Layout(n, headers, roles, f"Qualtrics ({how})",
                    names=_qualtrics_names(squashed_codes, texts, import_row, n),
                    import_ids={i: c for i, c in enumerate(map(_import_id, import_row or []))
                                if c})
    return layout


def _is_question(i: int, texts: list[str], import_row: list[str] | None) -> bool:
    """Whether column ``i`` of a Qualtrics export is a question of the survey, not one of
    Qualtrics' own columns: its ImportId is a question's (``QID3``, ``QID1_TEXT``), or,
    without ImportIds, its text reads as a question (four words or more, or a "?").

    Examples
    --------
    >>> _is_question(0, ["Which best describes you?"], None), _is_question(0, ["Antworttyp"], None)
    (True, False)
    >>> _is_question(0, ["Name"], ['{"ImportId":"QID1_TEXT"}'])
    True
    """
    if import_row is not None and i < len(import_row):
        return _import_id(import_row[i]).upper().startswith("QID")
    text = texts[i] if i < len(texts) else ""
    return "?" in text or len(text.split()) >= 4


def _import_id(cell: str) -> str:
    """The ImportId of a cell of Qualtrics' ImportId header row, or ``""``.

    Examples
    --------
    >>> _import_id('{"ImportId":"QID2_TEXT"}'), _import_id("Q2")
    ('QID2_TEXT', '')
    """
    try:
        value = json.loads(cell)
    except ValueError:
        return ""
    return str(value.get("ImportId", "")).strip() if isinstance(value, dict) else ""


def _qualtrics_names(codes: list[str], texts: list[str], import_ids: list[str] | None,
                     n: int) -> dict[int, str]:
    """The stable name of each Qualtrics metadata column (``status``, ``finished`` ...).

    Taken from the ImportId row, then the column codes of row 1 (``Status``), which
    Qualtrics writes in English whatever the survey's language, and only then from
    the label row, which follows the language (``Antworttyp`` in German).

    Examples
    --------
    >>> _qualtrics_names(["Status", "Finished", "Q1"], ["Antworttyp", "Beendet", "Datum"],
    ...                  ['{"ImportId":"status"}', '{"ImportId":"finished"}',
    ...                   '{"ImportId":"QID1"}'], 3)
    {0: 'status', 1: 'finished'}
    >>> _qualtrics_names(["Response Type", "Finished"], ["Response Type", "Finished"], None, 1)
    {0: 'status', 1: 'finished'}
    """
    names = {}
    for i, text in enumerate(texts):
        if _is_question(i, texts, import_ids):
            continue  # a question of the survey, whatever it is called
        candidates = [squash(_import_id(import_ids[i])) if import_ids and i < len(import_ids)
                      else "",
                      squash(codes[i]) if n > 1 and i < len(codes) else "", squash(text)]
        name = next((c for c in candidates if c in QUALTRICS_ROLES), None)
        if name is not None:
            names[i] = "status" if name == "responsetype" else name
    return names


def _second_row_is_text(codes: list[str], second: list[str]) -> bool:
    """Whether Qualtrics' second row is question text, not a first response.

    A response fills ResponseId with ``R_...``; the text row says "Response ID".

    Examples
    --------
    >>> _second_row_is_text(["ResponseId", "Q1"], ["Response ID", "Overall?"])
    True
    >>> _second_row_is_text(["Response ID", "Overall?"], ["R_1aBc", "Good"])
    False
    """
    for i, code in enumerate(codes):
        if squash(code) == "responseid" and i < len(second):
            return squash(second[i]) == "responseid" and code.strip() != second[i].strip()
    return False


def is_smartsurvey(first: list[str]) -> bool:
    """Whether a header looks like a SmartSurvey export's.

    Examples
    --------
    >>> is_smartsurvey(["UserID", "UserNo", "Name", "Email", "IP Address", "Unique ID",
    ...                 "Started", "Ended", "Q1. Date of the session"])
    True
    >>> is_smartsurvey(["Response ID", "Started", "Completed", "1. Date"])
    False
    """
    keys = [squash(h) for h in first]
    return ("userno" in keys or "userid" in keys) and {"started", "ended"} <= set(keys)


def smartsurvey_layout(rows: list[list[str]]) -> Layout:
    """The header of a SmartSurvey export: one row, or more over grid questions.

    A grid question takes one column per row of the grid, with the question
    over its first column and the grid rows' labels in a second header row
    (a third for grids with several columns); the sub-header rows leave
    SmartSurvey's own columns empty, where a response fills ``UserID``.

    Examples
    --------
    >>> rows = [["UserID", "UserNo", "Started", "Ended", "Q2. How far do you agree?", ""],
    ...         ["", "", "", "", "I can a", "I can b"],
    ...         ["101", "1", "14/03/2024 10:00", "14/03/2024 10:05", "Agree", "Agree"]]
    >>> layout = smartsurvey_layout(rows)
    >>> layout.header_rows, layout.headers[4:], layout.roles
    (2, ['Q2. How far do you agree? [I can a]', 'Q2. How far do you agree? [I can b]'], \
{0: 'respondent_id', 1: 'platform', 2: 'platform', 3: 'submitted_at'})
    """
    first = rows[0]
    keys = [squash(h) for h in first]
    anchor = next((keys.index(k) for k in ("userid", "userno") if k in keys), 0)
    n = 1
    while n < min(len(rows), 3) and anchor < len(rows[n]) and not rows[n][anchor].strip() \
            and any(c.strip() for c in rows[n]):
        n += 1
    headers = _combine_rows(rows[:n])
    roles = {i: SMARTSURVEY_ROLES[k] for i, k in enumerate(keys) if k in SMARTSURVEY_ROLES}
    how = "row 1 holds UserID/UserNo, Started and Ended"
    if n > 1:
        how += f"; {n} header rows (grid questions)"
    return Layout(n, headers, roles, f"SmartSurvey ({how})")


def _combine_rows(rows: list[list[str]]) -> list[str]:
    """``Question [Sub-label - Sub-sub-label]`` headers from stacked header rows.

    A question is written over the first of its columns (or merged across
    them in a workbook, read as its first cell), so an empty top cell carries
    the question on its left.

    Examples
    --------
    >>> _combine_rows([["Q1", "Grid", ""], ["", "a", "b"]])
    ['Q1', 'Grid [a]', 'Grid [b]']
    """
    out = []
    question = ""
    for j, top in enumerate(rows[0]):
        if top.strip():
            question = top
        subs = [r[j].strip() for r in rows[1:] if j < len(r) and r[j].strip()
                and r[j].strip().lower() not in ("response", "open-ended response",
                                                  "open ended response")]
        out.append(f"{question} [{' - '.join(subs)}]" if subs else question)
    return out


#: SurveyMonkey's own columns besides the respondent id, in the current (``Start Date``)
#: and the older (``StartDate``, ``LastName``) spelling, lower-cased without spaces;
#: ``Custom Data``, ``Custom Data 1`` ... too (see :func:`_surveymonkey_own`).
SURVEYMONKEY_OWN = frozenset({"collectorid", "startdate", "enddate", "ipaddress",
                              "emailaddress", "firstname", "lastname"})
#: The words SurveyMonkey writes in its second header row over a question's one column.
SURVEYMONKEY_SUBHEADERS = frozenset({"response", "open-endedresponse", "openendedresponse"})


def _surveymonkey_own(key: str) -> bool:
    return key == "respondentid" or key in SURVEYMONKEY_OWN or key.startswith("customdata")


def surveymonkey_subheader_row(first: list[str], second: list[str],
                               strong: bool = False) -> bool:
    """Whether row 2 is SurveyMonkey's sub-header row rather than a first response.

    SurveyMonkey leaves its own columns (``Respondent ID``, ``Collector ID``,
    ``Start Date`` ...) empty in the sub-header row, where a response fills them,
    and writes ``Response`` or ``Open-Ended Response`` under every question that
    has one column (one whose next column has a header of its own); a matrix or
    multi-select question has its statements or choices under its first column
    and the unnamed columns after it. So row 2 is the sub-header row when its own
    columns are empty and every one-column question says ``Response`` or
    ``Open-Ended Response`` (one at least). Only with ``strong`` signs of
    SurveyMonkey besides (a Collector ID), a file of matrix questions alone may
    have a sub-header row that fills every question column instead. A first
    response with an empty id, or one answer that happens to be "Response", is
    no header (found by a reader: real first responses were swallowed).

    Examples
    --------
    >>> head = ["RespondentID", "Name of your group", "Ladder", ""]
    >>> surveymonkey_subheader_row(head, ["", "Open-Ended Response", "Co-design", "Co-decision"])
    True
    >>> surveymonkey_subheader_row(head, ["", "", "Co-design", "Co-decision"])
    False
    >>> surveymonkey_subheader_row(head[:3], ["", "Oakwood PPG", "Intermediate"])
    False
    >>> surveymonkey_subheader_row(head, ["3292879998", "Response", "Response", ""])
    False
    >>> two = ["Respondent ID", "Group", "Venue", "Comments"]
    >>> surveymonkey_subheader_row(two, ["", "Oakwood", "Response", "Fine"])  # an answer
    False
    """
    keys = [squash(h) for h in first]
    if "respondentid" not in keys or keys.index("respondentid") >= len(second):
        return False
    width = min(len(keys), len(second))
    own = {j for j, k in enumerate(keys) if _surveymonkey_own(k)}
    # Its own columns are empty there (or, in some exports, say "Response" too).
    if any(second[j].strip() and squash(second[j]) not in SURVEYMONKEY_SUBHEADERS
           for j in own if j < width):
        return False
    questions = [j for j in range(width) if j not in own]
    single = [j for j in questions if first[j].strip()
              and (j + 1 >= len(first) or first[j + 1].strip())]
    if single:
        return all(squash(second[j]) in SURVEYMONKEY_SUBHEADERS for j in single)
    return strong and bool(questions) and all(second[j].strip() for j in questions) \
        and any(not first[j].strip() for j in questions)


def surveymonkey_signs(first: list[str], second: list[str] | None = None) -> str:
    """What shows a header to be SurveyMonkey's (for the summary), or ``""``.

    A ``Respondent ID`` (``RespondentID``) column, with any of: a ``Collector
    ID``; or, the respondent id in the first column, SurveyMonkey's start and
    end times with one more column only it has (``IP Address``, ``First Name``,
    ``Last Name``/``LastName``, ``Custom Data``), or its sub-header row under
    row 1 (:func:`surveymonkey_subheader_row`), as in exports whose other own
    columns were deleted. A ``RespondentID`` column alone, over a first
    response, is not enough: a typed sheet may have one.

    Examples
    --------
    >>> surveymonkey_signs(["Respondent ID", "Collector ID", "Start Date", "End Date"])
    'row 1 holds Respondent ID and Collector ID'
    >>> surveymonkey_signs(["RespondentID", "StartDate", "EndDate", "IP Address", "Q1"])
    "row 1 holds SurveyMonkey's own columns: RespondentID, StartDate, EndDate, IP Address"
    >>> surveymonkey_signs(["RespondentID", "Q1"], ["", "Response"])
    "row 1 holds RespondentID, row 2 SurveyMonkey's sub-headers (Response, Open-Ended \
Response or a matrix's statements)"
    >>> surveymonkey_signs(["RespondentID", "Q1"], ["3292953864", "Yes"])
    ''
    """
    keys = [squash(h) for h in first]
    if "respondentid" not in keys:
        return ""
    rid = clean_text(first[keys.index("respondentid")])
    if "collectorid" in keys:
        return f"row 1 holds {rid} and {clean_text(first[keys.index('collectorid')])}"
    if keys.index("respondentid") != 0:
        return ""  # SurveyMonkey's id comes first; a form may ask for one anywhere
    own = [clean_text(h) for h, k in zip(first, keys, strict=True) if _surveymonkey_own(k)]
    present = {k for k in keys if _surveymonkey_own(k)}
    # its start and end times, and one column only SurveyMonkey has ("Email Address"
    # alone is not one: JISC and typed sheets have it too)
    if {"startdate", "enddate"} <= present and (
            present & {"ipaddress", "firstname", "lastname"}
            or any(k.startswith("customdata") for k in present)):
        return "row 1 holds SurveyMonkey's own columns: " + ", ".join(own)
    if second is not None and surveymonkey_subheader_row(first, second):
        return (f"row 1 holds {rid}, row 2 SurveyMonkey's sub-headers (Response, "
                "Open-Ended Response or a matrix's statements)")
    return ""


def clean_text(text: str) -> str:
    """A header as shown in the summary: no byte-order mark, single spaces.

    Examples
    --------
    >>> clean_text("\ufeffRespondent  ID ")
    'Respondent ID'
    """
    return " ".join(unicodedata.normalize("NFKC", text).replace("\ufeff", "").split())


def is_old_surveymonkey(first: list[str]) -> bool:
    """SurveyMonkey's older header: ``RespondentID, CollectorID, StartDate, EndDate``.

    Examples
    --------
    >>> is_old_surveymonkey(["RespondentID", "CollectorID", "StartDate", "EndDate"])
    True
    """
    keys = {unicodedata.normalize("NFKC", h).replace("\ufeff", "").strip().lower()
            for h in first}
    return {"respondentid", "collectorid"} <= keys


def surveymonkey_roles(headers: list[str]) -> dict[int, str]:
    """Roles of SurveyMonkey's own columns in either spelling (``Custom Data 1`` too).

    Examples
    --------
    >>> surveymonkey_roles(["RespondentID", "CollectorID", "StartDate", "EndDate", "LastName",
    ...                     "Custom Data", "Q1"])
    {0: 'respondent_id', 1: 'platform', 2: 'platform', 3: 'submitted_at', 4: 'identifier', \
5: 'identifier'}
    """
    roles = {}
    for i, header in enumerate(headers):
        key = squash(header)
        if key in SURVEYMONKEY_ROLES:
            roles[i] = SURVEYMONKEY_ROLES[key]
        elif key.startswith("customdata"):
            roles[i] = "identifier"
    return roles


def import_id_row(row: list[str]) -> bool:
    """Whether a row is Qualtrics' ``{"ImportId": ...}`` row (for a stray copy).

    Examples
    --------
    >>> import_id_row(['{"ImportId":"QID1"}', '{"ImportId":"QID2"}'])
    True
    """
    cells = [c for c in row if c.strip()]
    if not cells:
        return False
    try:
        return all(isinstance(json.loads(c), dict) and "ImportId" in json.loads(c)
                   for c in cells)
    except ValueError:
        return False


#: Qualtrics' Status (Response Type) values of responses no respondent gave:
#: choice text, and the numeric codes of the "numeric values" download.
_QUALTRICS_NOT_RESPONSES = {
    "survey preview": "a Qualtrics survey preview (a test by the survey's owner)",
    "survey test": "a Qualtrics generated test response",
    "spam": "marked as spam by Qualtrics",
    "1": "a Qualtrics survey preview (a test by the survey's owner)",
    "2": "a Qualtrics generated test response",
    "8": "marked as spam by Qualtrics",
    "9": "a Qualtrics survey preview marked as spam",
    "17": "a Qualtrics survey preview taken offline",
}


def qualtrics_column(cells, name: str, own_columns: dict | None = None) -> str | None:
    """The header of a Qualtrics metadata column, by its stable name (``status``).

    From the export's own columns (named from its codes and ImportIds, whatever the
    language of its labels), else from the headers (``Status``, ``Response Type``).

    Examples
    --------
    >>> import pandas as pd
    >>> cells = pd.DataFrame(columns=["Antworttyp", "Response Type"])
    >>> qualtrics_column(cells, "status", {"status": "Antworttyp"})
    'Antworttyp'
    >>> qualtrics_column(cells, "status")
    'Response Type'
    """
    if own_columns and own_columns.get(name) in cells.columns:
        return own_columns[name]
    spellings = ("status", "responsetype") if name == "status" else (name,)
    return next((c for c in cells.columns if squash(c) in spellings), None)


def qualtrics_not_responses(cells, platform: str, own_columns: dict | None = None) -> dict:
    """Rows of a Qualtrics export that no respondent gave (previews, tests, spam).

    Parameters
    ----------
    cells:
        The export's cells (a DataFrame indexed by ``source_row``).
    platform:
        The export's platform; other platforms have none.
    own_columns:
        Stable name -> header of the export's metadata columns
        (:attr:`RawExport.own_columns`), so that ``Status`` is found whatever the
        language of the label row.

    Returns
    -------
    dict
        ``source_row`` -> the reason it is not a response.

    Examples
    --------
    >>> import pandas as pd
    >>> cells = pd.DataFrame({"Response Type": ["IP Address", "Survey Preview", "8"]},
    ...                      index=[1, 2, 3])
    >>> sorted(qualtrics_not_responses(cells, "qualtrics").items())[1]
    (3, 'marked as spam by Qualtrics')
    """
    if platform != "qualtrics":
        return {}
    column = qualtrics_column(cells, "status", own_columns)
    if column is None:
        return {}
    out = {}
    for row, value in cells[column].items():
        reason = _QUALTRICS_NOT_RESPONSES.get(str(value).strip().lower())
        if reason:
            out[row] = reason
    return out
