"""Match each export column to a form field by meaning, not exact text.

Real exports reword and decorate the form's questions: ``Q3.`` numbering,
curly apostrophes, non-breaking spaces, "By the end of the session I..."
prefixes, ``Question [Statement]`` grid headers, ``Question.Statement``
matrix headers, and abbreviations typed by hand (``Outline benefits``). A
header is normalised (:func:`normalise_header`) and matched against each
field's patterns in :mod:`coprod_analysis.vocab`.

Columns that identify a person (names, e-mail, phone, IP address, custom
data) are recognised first, so that they can never land in a clean table.

A user can override the automatic matching with a mapping file: a CSV with
the columns ``column`` (the header as it appears in the export) and
``field`` (a field name, or ``ignore`` to drop the column, or ``keep`` to
keep it as an unmapped column). See ``docs/mapping.md``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coprod_analysis.errors import CoprodError
from coprod_analysis.read.pairs import read_pairs
from coprod_analysis.read.platforms import clean_header
from coprod_analysis.vocab import Field

logger = logging.getLogger(__name__)

#: Roles a mapping file may give a column besides a field name.
OVERRIDE_ROLES = frozenset({"ignore", "keep", "identifier"})

_NUMBERING = re.compile(
    r"^\s*(?:(?:q|question)\s*)?\d+(?:\s*[.)]\s*\d+)*\s*[.):\-]?\s+|^\s*(?:q|question)\s*\d+[.):]?(?=\S)",
    re.IGNORECASE,
)
_SESSION_PREFIX = re.compile(
    r"^(?:by|at) the end of (?:the|this|today s|todays) (?:session|training|course|workshop)"
    r"(?: i)?\b\s*",
)
_EMAIL_HEADER = re.compile(r"\be ?mail(?: ?address)?\d*\b|^emailaddress")
_STRONG_IDENTIFIERS = re.compile(
    r"\bip(?: address)?\b|^custom data|\b(?:tele)?phone\b|\bmobile\b|\btel\b"
    r"|\bcontact (?:number|no|details|tel)\b"
    r"|^(?:first|last|given|family|sur|full|fore|your|respondent s?|participant s?) ?names?\b"
    r"|^names?$|^names? optional$|^forename|^surname|^initials\b"
    r"|\bpost ?code\b|\baddress\b|\bnhs (?:number|no)\b|\bdate of birth\b|^d ?o ?b$"
    r"|^(?:respondent|participant|user) ?(?:id|number|no)$"
)
_WEAK_IDENTIFIERS = re.compile(r"\bnames?\b")


def normalise_header(text: str) -> str:
    """Reduce a header to lower-case words for matching.

    Removes numbering (``Q3.``, ``4.1.``), a "By the end of the session I"
    prefix, quotes and punctuation.

    Examples
    --------
    >>> normalise_header("Q3. Which best describes you?")
    'which best describes you'
    >>> normalise_header("By the end of the session I\u2026 can outline the benefits")
    'can outline the benefits'
    >>> normalise_header("4.1. I understand the patient champion\u2019s role")
    'i understand the patient champion s role'
    """
    text = clean_header(text).lower()
    text = _NUMBERING.sub("", text, count=1)
    text = re.sub(r"[^\w]+", " ", text.replace("_", " ")).strip()
    text = _SESSION_PREFIX.sub("", text, count=1)
    return text.strip()


def locate_columns(headers: Sequence[str], patterns: dict[str, str]) -> dict[str, int | None]:
    """Where each named column of a small hand-kept table is (or ``None``).

    A header matches when, normalised (:func:`normalise_header`), it fits the
    name's pattern in full or is the name itself with spaces for underscores.

    Examples
    --------
    >>> locate_columns(["Date of session", "Number attended"],
    ...                {"session_date": r"(session )?date( of session)?", "venue": "venue"})
    {'session_date': 0, 'venue': None}
    """
    normalised = [normalise_header(h) for h in headers]
    return {name: next((i for i, h in enumerate(normalised)
                        if re.fullmatch(pattern, h) or h == name.replace("_", " ")), None)
            for name, pattern in patterns.items()}


def header_candidates(header: str) -> list[str]:
    """The parts of a header worth matching, most specific first.

    A grid row in brackets (Google Forms, SurveyMonkey) and the statement
    after a Microsoft Forms ``Question.Statement`` dot come before the whole.

    Examples
    --------
    >>> header_candidates("How far do you agree? [I can give examples]")
    ['i can give examples', 'how far do you agree']
    >>> header_candidates("How far do you agree?.I can give examples")
    ['i can give examples', 'how far do you agree i can give examples']
    """
    text = clean_header(header)
    out: list[str] = []
    bracket = re.fullmatch(r"(.*?)\s*\[([^\[\]]+)\]\s*", text)
    if bracket:
        out.append(normalise_header(bracket.group(2)))
        out.append(normalise_header(bracket.group(1)))
    else:
        dotted = re.fullmatch(r"(.*?[^\d\s.])\.(?=[^\s\d.])(.+)", text)
        if dotted:
            out.append(normalise_header(dotted.group(2)))
        out.append(normalise_header(text))
    return [c for c in dict.fromkeys(out) if c]


def match_field(header: str, fields: Sequence[Field]) -> str | None:
    """The name of the field a header asks about, or ``None``.

    Examples
    --------
    >>> from coprod_analysis.vocab import EVALUATION_FIELDS as F
    >>> match_field("Outline benefits", F), match_field("Q12. Overall, how would you rate it?", F)
    ('outcome_benefits', 'overall')
    >>> match_field("Notes (staff use)", F) is None
    True
    """
    for candidate in header_candidates(header):
        named = [f for f in fields if candidate == f.name.replace("_", " ")]
        if named:  # the contract's own column name, as in a cleaned file read again
            return named[0].name
        hits = [f for f in fields if any(re.search(p, candidate) for p in f.patterns)]
        if hits:
            best = max(hits, key=lambda f: f.priority)
            return best.name
    return None


def identifier_kind(header: str, *, weak: bool = False) -> str | None:
    """``"email"`` or ``"identifier"`` if a header names a personal identifier.

    Examples
    --------
    >>> identifier_kind("Email address"), identifier_kind("Your name"), identifier_kind("Venue")
    ('email', 'identifier', None)
    """
    text = normalise_header(header)
    if _EMAIL_HEADER.search(text):
        return "email"
    if _STRONG_IDENTIFIERS.search(text) or (weak and _WEAK_IDENTIFIERS.search(text)):
        return "identifier"
    return None


@dataclass
class ColumnMap:
    """How one export's columns are used.

    Attributes
    ----------
    roles:
        Header -> role: a field name, or ``respondent_id``, ``submitted_at``,
        ``source_platform``, ``email``, ``identifier``, ``platform``, ``ignore``
        or ``unmapped``.
    notes:
        Plain-English notes (two columns for one field, and so on).
    """

    roles: dict[str, str]
    notes: list[str] = field(default_factory=list)

    def column_for(self, field_name: str) -> str | None:
        """The (first) header mapped to a field or role, if any."""
        for header, role in self.roles.items():
            if role == field_name:
                return header
        return None

    def columns_for(self, field_name: str) -> list[str]:
        """Every header mapped to a field: several for a question with one column per option."""
        return [header for header, role in self.roles.items() if role == field_name]

    @property
    def fields(self) -> dict[str, str]:
        """Field name -> header, for mapped fields."""
        return {r: h for h, r in self.roles.items() if not _is_special(r)}

    @property
    def unmapped(self) -> list[str]:
        """Headers kept as columns that map to no field."""
        return [h for h, r in self.roles.items() if r == "unmapped"]


_SPECIAL = frozenset(
    {"respondent_id", "submitted_at", "source_platform", "email", "identifier", "platform",
     "ignore", "unmapped"}
)


#: Roles any number of columns may have.
_MANY = frozenset({"identifier", "platform", "ignore", "unmapped"})


def _is_special(role: str) -> bool:
    return role in _SPECIAL


def map_columns(
    headers: Sequence[str],
    fields: Sequence[Field],
    platform_roles: dict[str, str] | None = None,
    overrides: dict[str, str] | None = None,
) -> ColumnMap:
    """Give every column of an export a role.

    Order of precedence: the user's mapping file, the platform's own columns,
    personal identifiers, form fields (the leftmost column wins when two look
    like the same field), names, and finally ``unmapped``.

    Parameters
    ----------
    headers:
        The export's cleaned headers.
    fields:
        The form's fields (:data:`coprod_analysis.vocab.EVALUATION_FIELDS`).
    platform_roles:
        Roles of the platform's own columns (from the reader).
    overrides:
        Normalised header -> role, from :func:`read_mapping_file`.

    Returns
    -------
    ColumnMap
    """
    platform_roles = platform_roles or {}
    overrides = overrides or {}
    roles: dict[str, str] = {}
    notes: list[str] = []
    taken: dict[str, str] = {}
    multi = {f.name for f in fields if f.kind == "multi"}  # one column per ticked option
    # The mapping file comes first: what it names is taken before any automatic match.
    for header in headers:
        override = overrides.get(_override_key(header))
        if override is not None and override not in _MANY and override not in multi:
            taken.setdefault(override, header)
    for header in headers:
        override = overrides.get(_override_key(header))
        if override is not None:
            role = "unmapped" if override == "keep" else override
        elif header in platform_roles:
            role = platform_roles[header]
        elif (kind := identifier_kind(header)) is not None:
            role = kind
        elif (name := match_field(header, fields)) is not None:
            role = name
        elif (kind := identifier_kind(header, weak=True)) is not None:
            role = kind
        else:
            role = "unmapped"
        if role in _MANY or role in multi or taken.get(role) == header:
            pass
        elif role in taken:
            if not _is_special(role):
                notes.append(f"{header!r} also looks like {role!r}, which is read from "
                             f"{taken[role]!r}; it is kept as an extra column")
            role = {"email": "identifier", "respondent_id": "platform",
                    "submitted_at": "platform"}.get(role, "unmapped")
        else:
            taken[role] = header
        roles[header] = role
    return ColumnMap(roles, notes)


def _override_key(header: str) -> str:
    return clean_header(header).casefold()


def read_mapping_file(path: str | Path, fields: Sequence[Field]) -> dict[str, str]:
    """Read a mapping file: ``column,field`` rows that override the automatic matching.

    Parameters
    ----------
    path:
        A CSV file with a ``column`` and a ``field`` column.
    fields:
        The form's fields; ``field`` must name one of them, or be ``ignore``,
        ``keep`` or ``identifier``.

    Returns
    -------
    dict
        Case-folded, cleaned header -> role.

    Raises
    ------
    CoprodError
        If the file is missing, lacks the two columns, or names an unknown field.
    """
    valid = {f.name for f in fields} | OVERRIDE_ROLES
    out: dict[str, str] = {}
    for number, column, target in read_pairs(path, "column", "field", "mapping file"):
        target = target.lower()
        if target not in valid:
            raise CoprodError(
                f"line {number}: {target!r} is not a field; use one of "
                f"{', '.join(sorted(valid))}", path)
        out[_override_key(column)] = target
    return out
