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
from coprod_analysis.vocab import (
    DEVICE_WORDS_UNDER_PREFIX,
    IDENTIFIER_HEADER_PHRASES,
    IDENTIFIER_HEADERS,
    IDENTIFIER_WORDS,
    NOT_A_PERSON_HEADER,
    Field,
)

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
_WEAK_IDENTIFIERS = re.compile(r"\bnames?\b")
#: Where camel case changes words: ``IPAddress`` -> ``IP Address``, ``UserID`` -> ``User ID``.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})")
#: A polite wrapper round the thing asked for: "Please give your ...", "... (optional)".
_ASK_PREFIX = re.compile(
    r"^(?:(?:please|kindly) )?(?:(?:give|enter|provide|tell us|write|add|leave|type|include"
    r"|share|state|insert|confirm|fill in) )?(?:us )?(?:(?:what is|what s|whats) )?"
    r"(?:(?:your|the|my) )?")
_ASK_SUFFIX = re.compile(
    r"(?: (?:optional|not required|required|please|if applicable|if known|if you wish.*"
    r"|if you want.*|if you would like.*|if you d like.*|if happy.*|so (?:that )?we can .*"
    r"|for (?:contact|follow up|a reply|the certificate|certificates?|our records|feedback).*"
    r"|in case .*|to contact you.*|in full|in capitals|only))+$")
_HEADERS = tuple((re.compile(h.pattern), h.kind) for h in IDENTIFIER_HEADERS)
_PHRASES = tuple((re.compile(h.pattern), h.kind) for h in IDENTIFIER_HEADER_PHRASES)
_NOT_A_PERSON = re.compile(NOT_A_PERSON_HEADER)
#: A question-id prefix such as Qualtrics' ``Q1_`` in ``Q1_Version``.
_QUESTION_PREFIX = re.compile(r"^\s*[A-Za-z]{0,12}\d*_(?=[A-Za-z])")


#: Words that make a question one of how things stood before the session (in a
#: normalised header; not "at the start", which a review's quality indicator asks:
#: "Involved at the start").
_ASKS_BEFORE = re.compile(r"\b(?:before|pre|prior to|beforehand|baseline)\b")


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
    after a Microsoft Forms ``Question.Statement`` dot come before the whole; each
    side of a bilingual header ("Dyddiad / Date", as forms in Wales ask) after it.

    Examples
    --------
    >>> header_candidates("How far do you agree? [I can give examples]")
    ['i can give examples', 'how far do you agree']
    >>> header_candidates("How far do you agree?.I can give examples")
    ['i can give examples', 'how far do you agree i can give examples']
    >>> header_candidates("Dyddiad / Date")
    ['dyddiad date', 'dyddiad', 'date']
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
    if " / " in text:
        out.extend(normalise_header(side) for side in text.split(" / "))
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


#: Words that say nothing of what a question asks about, left out of :func:`closeness`.
_HEADER_STOP = frozenset("""a an the and or of to in on at for with by from is are was were be
i you your we our us my me it this that these those how what which who when where why do does
did can could would should will so as any some more most very please""".split())


def _stems(text: str) -> frozenset[str]:
    """The words of a normalised header that say what it asks, each cut to five letters
    ("levels" and "level", "improve" and "improved" alike)."""
    return frozenset(w[:5] for w in text.split() if w not in _HEADER_STOP and len(w) > 1)


#: How close a header must be to a question's own words (:func:`closeness`) to be read
#: before a column to its left that also matches: a platform's export writes the
#: question as the form asks it (1.0); "I can define and explain the levels of
#: co-production", a word left out, is 5 of 6 (0.83).
WORDED_AS_THE_QUESTION = 0.75


def closeness(header: str, field_: Field) -> float:
    """How close a header is to a field's own question (0-1): the share of words, of the
    two together, that they share (the best of the header's parts, and of the question
    and its short label). Of two columns that match a field, one worded as its question
    (:data:`WORDED_AS_THE_QUESTION`) is read before the leftmost.

    Examples
    --------
    >>> from coprod_analysis.vocab import EVALUATION_FIELDS as F
    >>> levels = next(f for f in F if f.name == "outcome_levels")
    >>> closeness("I can define and explain the different levels of co-production", levels)
    1.0
    >>> round(closeness("What is your highest level of education?", levels), 2)  # 1 of 6
    0.17
    """
    asked = [_stems(normalise_header(t)) for t in (field_.question, field_.short)]
    best = 0.0
    for candidate in header_candidates(header):
        words = _stems(candidate)
        for question in asked:
            if words or question:
                best = max(best, len(words & question) / len(words | question))
    return best


def split_run_together(word: str) -> str:
    """Split a word that runs identifier words together (``emailaddress``).

    Only a word made entirely of :data:`~coprod_analysis.vocab.IDENTIFIER_WORDS`
    is split (into as few of them as possible); any other word is left as it is.

    Examples
    --------
    >>> split_run_together("emailaddress"), split_run_together("dateofbirth")
    ('email address', 'date of birth')
    >>> split_run_together("venue"), split_run_together("address")
    ('venue', 'address')
    """
    if len(word) < 4 or word in IDENTIFIER_WORDS or not word.isalpha():
        return word
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 14), end - 1):
            piece = word[start:end]
            if best[start] is not None and piece in IDENTIFIER_WORDS:
                candidate = [*best[start], piece]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return " ".join(best[-1]) if best[-1] else word


def identifier_words(header: str) -> list[str]:
    """The forms of a header that identifier matching looks at, most specific first.

    Camel case is split, the header normalised (:func:`normalise_header`), and
    words that run identifier words together are split; a grid row in brackets
    (SurveyMonkey's contact-information question: ``Contact details [Email]``)
    comes first.

    Examples
    --------
    >>> identifier_words("RecipientFirstName"), identifier_words("IPAddress")
    (['recipient first name'], ['ip address'])
    >>> identifier_words("Q1_Browser"), identifier_words("Your contact details [Phone]")
    (['browser'], ['phone', 'your contact details'])
    """
    candidates = header_candidates(_CAMEL.sub(" ", clean_header(header)))
    return [" ".join(split_run_together(w) for w in c.split()) for c in candidates]


def identifier_header_kind(header: str) -> str | None:
    """What a header says its column identifies (a key of ``IDENTIFIER_KINDS``), or ``None``.

    A header is an identifier when, without a polite wrapper ("Please give
    your ...", "... (optional)"), it is one of the spellings in
    :data:`~coprod_analysis.vocab.IDENTIFIER_HEADERS`, or holds one of the
    phrases in :data:`~coprod_analysis.vocab.IDENTIFIER_HEADER_PHRASES`. A
    grid row whose question asks for contact details is an identifier whatever
    the row.

    Examples
    --------
    >>> [identifier_header_kind(h) for h in ("IPAddress", "RecipientLastName", "UserID",
    ...                                      "LocationLatitude", "Name (optional)")]
    ['ip_address', 'name', 'respondent_id', 'location', 'name']
    >>> [identifier_header_kind(h) for h in ("Name of your group", "Location of the session",
    ...                                      "Which best describes you?")]
    [None, None, None]
    >>> [identifier_header_kind(h) for h in ("Venue postcode", "Group name", "Version",
    ...                                      "Resolution", "Q1_Version", "Your postcode")]
    [None, None, None, None, 'device', 'postcode']
    """
    words = identifier_words(header)
    if any(_NOT_A_PERSON.fullmatch(text) for text in words):
        return None  # the name, address or postcode of a place or a group
    if _QUESTION_PREFIX.match(str(header)) and words and words[-1] in DEVICE_WORDS_UNDER_PREFIX:
        return "device"
    for text in words:
        forms = dict.fromkeys([text, _ASK_SUFFIX.sub("", text)])
        forms.update(dict.fromkeys(_ASK_PREFIX.sub("", f, count=1) for f in list(forms)))
        for form in forms:
            for pattern, kind in _HEADERS:
                if form and pattern.fullmatch(form):
                    return kind
        for pattern, kind in _PHRASES:
            if pattern.search(text):
                return kind
    return None


def names_a_place(header: str) -> bool:
    """Whether a header asks for the name, address or postcode of a place or group.

    Examples
    --------
    >>> names_a_place("Venue postcode"), names_a_place("Your postcode")
    (True, False)
    """
    return any(_NOT_A_PERSON.fullmatch(t) for t in identifier_words(header))


def identifier_kind(header: str, *, weak: bool = False) -> str | None:
    """The role of a column whose header names a personal identifier, or ``None``.

    ``"email"`` for an e-mail address (used to find resubmissions),
    ``"platform"`` for a platform's own id (not personal, dropped), else
    ``"identifier"``. With ``weak``, any header with the word "name" is one
    (asked only once no form field matched: "Name of your group" is the group).

    Examples
    --------
    >>> identifier_kind("Email address"), identifier_kind("Your name"), identifier_kind("Venue")
    ('email', 'identifier', None)
    >>> identifier_kind("Collector ID"), identifier_kind("Trainer's name", weak=True)
    ('platform', 'identifier')
    >>> identifier_kind("Name of your group", weak=True) is None
    True
    """
    kind = identifier_header_kind(header)
    if kind is not None:
        return {"email": "email", "platform_id": "platform"}.get(kind, "identifier")
    if (weak and _WEAK_IDENTIFIERS.search(normalise_header(header))
            and not any(_NOT_A_PERSON.fullmatch(t) for t in identifier_words(header))):
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
    overridden:
        The fields the user's mapping file gave a column to.
    """

    roles: dict[str, str]
    notes: list[str] = field(default_factory=list)
    overridden: set[str] = field(default_factory=set)

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
    personal identifiers, form fields (when two columns look like the same field,
    the leftmost, unless another is worded as the form's question:
    :data:`WORDED_AS_THE_QUESTION`), names, and finally ``unmapped``.

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
    found: dict[str, str] = {}
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
        found[header] = role
    # Of two columns that match one question, the leftmost is read, unless another is
    # worded as the form's question itself (:data:`WORDED_AS_THE_QUESTION`): "What is
    # your highest level of education?" is not the levels outcome beside "I can define
    # and explain the different levels of co-production". Any closer measure misleads:
    # a header typed short ("Ladder", "Confidence", "Key takeaway") shares few words
    # with the question, and an unrelated question after it may share more (a reader's
    # attack: "How confident do you feel using a computer?" took the confidence outcome).
    # A column asking how things stood before the session (a "before and after" form:
    # "Before the session, how far did you agree? [...]" then the form's own "By the end
    # of the session ..."; "PRE" and "POST") is never read before one that does not:
    # the outcomes are where people are at the end (a hostile-file attack, session 14).
    by_name = {f.name: f for f in fields}
    chosen: dict[str, str] = {}  # field -> why its column is not the leftmost
    for name, field_ in by_name.items():
        matched = [h for h, role in found.items() if role == name and overrides.get(
            _override_key(h)) is None and h not in platform_roles]
        if name in taken or name in multi or len(matched) < 2:
            continue
        after = [h for h in matched if not _ASKS_BEFORE.search(normalise_header(h))]
        if after and after[0] != matched[0]:
            matched = after
            taken[name] = matched[0]
        close = {h: closeness(h, field_) for h in matched}
        worded = [h for h in matched if close[h] >= WORDED_AS_THE_QUESTION]
        if worded and worded[0] != matched[0]:
            taken[name] = max(worded, key=close.__getitem__)
            chosen[name] = "worded as the form's question; the leftmost column is read otherwise"
    for header in headers:
        role = found[header]
        if role in _MANY or role in multi or taken.get(role) == header:
            pass
        elif role in taken:
            if not _is_special(role):
                why = " (it asks how things stood before the session)" if (
                    _ASKS_BEFORE.search(normalise_header(header))
                    and not _ASKS_BEFORE.search(normalise_header(taken[role]))) else \
                    f" ({chosen[role]})" if role in chosen else ""
                notes.append(f"{header!r} also looks like {role!r}, which is read from "
                             f"{taken[role]!r}{why}; it is kept as an extra column")
            role = {"email": "identifier", "respondent_id": "platform",
                    "submitted_at": "platform"}.get(role, "unmapped")
        else:
            taken[role] = header
        roles[header] = role
    overridden = {role for header, role in roles.items()
                  if overrides.get(_override_key(header)) == role and not _is_special(role)}
    return ColumnMap(roles, notes, overridden)


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
