"""Remove what identifies a person from free text.

Replaced, in this order (so that an NHS number is not taken for a phone
number):

``[email]``
    e-mail addresses.
``[nhs_number]``
    ten-digit numbers (``943 476 5919``, ``9434765919``) whose Modulus 11 check
    digit is valid; other ten-digit numbers are left alone.
``[phone]``
    UK phone numbers, as the ``phonenumbers`` library (offline, Google's
    libphonenumber data) recognises them: ``0113 496 0123``, ``07911 123456``,
    ``+44 113 496 0123``.
``[postcode]``
    full UK postcodes (``LS6 2QF``, ``ls62qf``); a district alone (``LS6``) is
    not identifying and is kept.
``[name]``
    a person's name where the text introduces one: after a title (``Dr Patel``,
    ``Mrs Jane Smith``) or after words such as "my name is", "I'm", "call me",
    "thanks to", "speak to", "signed". Names that are not introduced are not
    found: the redaction is a safety net, not a guarantee, and the report
    never attributes quotes.
"""

from __future__ import annotations

import re

import pandas as pd
import phonenumbers

from coprod_analysis.clean.values import map_distinct

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Ten digits, not part of a longer number, nor after "+44" or "(0)" (a phone number).
NHS_NUMBER = re.compile(
    r"(?<![\d+])(?<!\+44\s)(?<!\(0\))(?<!\(0\)\s)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])"
)
POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])[ \t-]{0,2}[0-9][ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
#: A capitalised name, with Mc/Mac/O'/D' and hyphenated or accented forms:
#: McDonald, O'Brien, Zoë, Anne-Marie.
_NAME_WORD = (rf"(?:Mc|Mac|O['\u2019]|D['\u2019])?[{_UPPER}][{_LOWER}]+"
              rf"(?:[-'\u2019][{_UPPER}]?[{_LOWER}]+)*")
#: After words that can only introduce a name, any case will do: "my name is sarah".
_ANY_NAME_WORD = rf"[{_UPPER}{_LOWER}][{_UPPER}{_LOWER}'\u2019-]+"
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Rev|Revd|Cllr)"
_INTRO = (
    r"(?i:my name is|my name's|name:|i am called|i'm called|call me|signed|"
    r"thanks to|thank you to|thank you|thanks|speak to|spoke to|talk to|talked to|ask for|"
    r"contact|regards|i'm|i\u2019m|i am|im)"
)
#: Capitalised words after an introducer that are not names.
_NOT_NAMES = frozenset(
    """A An The I It This That There We You He She They My Our Your Not So Very Really Just
    Still Also Happy Glad Sure Pleased Grateful Looking Going Keen Now Here Today Yes No
    Leeds NHS CCG GP PPG PAG Patient Patients Carer Carers Staff Everyone All Both Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December English British Mr Mrs Ms Miss Mx
    Dr Doctor Prof Professor Rev Revd Cllr""".split()
)
#: Lower-case words that follow "call me" and the like but are not names.
_NOT_NAME_WORDS = frozenset(
    """on at if when back about any anytime please to in by and or a an the any name
    is was not""".split()
)
NAME_AFTER_TITLE = re.compile(rf"\b{_TITLE}\.?\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)")
NAME_AFTER_INTRO = re.compile(
    rf"\b{_INTRO}[\s:,-]+(?:{_TITLE}\.?\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
NAME_AFTER_STRONG_INTRO = re.compile(
    rf"\b(?i:my name is|my name's|name:|i am called|i'm called|call me|signed)[\s:,-]+"
    rf"({_ANY_NAME_WORD}(?:\s+{_ANY_NAME_WORD})?)"
)
_LETTER = re.compile(r"[^\W\d_]")
#: Nine or more digits, at most two separators apart: one written phone number.
_PHONE_LIKE = re.compile(r"(?:\+|\(\+?)?\d(?:[ \t\-.()]{0,2}\d){8,}")
#: A quick test for text that might hold something to redact.
_MAY_IDENTIFY = re.compile(rf"@|\d|\b{_TITLE}\b|\b{_INTRO}")


def is_valid_nhs_number(digits: str) -> bool:
    """Whether ten digits pass the NHS number Modulus 11 check.

    Examples
    --------
    >>> is_valid_nhs_number("9434765919"), is_valid_nhs_number("9434765918")
    (True, False)
    """
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs(match: re.Match[str]) -> str:
    return "[nhs_number]" if is_valid_nhs_number("".join(match.groups())) else match.group(0)


def _is_uk_phone(text: str) -> bool:
    """A run of digits that is a whole UK number, written as people write them (0… or +…)."""
    if not text.lstrip("(").startswith(("0", "+")):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, "GB"))
    except phonenumbers.NumberParseException:
        return False


def _phones_in_run(run: str) -> list[tuple[int, int]]:
    """Whole UK numbers inside a run of digit groups ("room 12 07911 123456 2 kids").

    Examples
    --------
    >>> _phones_in_run("12 07911 123456 2")
    [(3, 15)]
    """
    groups = list(re.finditer(r"[(+]*\d+", run))
    found = []
    i = 0
    while i < len(groups):
        # The groups from i that hold at most 13 digits (the longest UK number).
        j, digits = i, 0
        while j < len(groups) and digits + len(groups[j].group().lstrip("(+")) <= 13:
            digits += len(groups[j].group().lstrip("(+"))
            j += 1
        for k in range(j, i, -1):  # the longest whole number first
            start, end = groups[i].start(), groups[k - 1].end()
            if _is_uk_phone(run[start:end]):
                found.append((start, end))
                i = k
                break
        else:
            i += 1
    return found


def _phones(text: str) -> str:
    if not _PHONE_LIKE.search(text):  # nine or more digits close together
        return text
    # libphonenumber will not match a number typed straight after a word
    # ("ring07911 123456"): look for numbers in a copy with every letter made a
    # space (same length, so the positions hold), and replace in the original.
    masked = _LETTER.sub(" ", text)
    spans: list[tuple[int, int]] = []
    unexplained = False
    for run in _PHONE_LIKE.finditer(masked):
        found = _phones_in_run(run.group())
        spans.extend((run.start() + a, run.start() + b) for a, b in found)
        unexplained |= not found
    if unexplained and len(masked) < 5000:  # a run that is no number as people write them
        found = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(masked, "GB")]
        spans = sorted({*spans, *found})
    pieces = []
    last = 0
    for start, end in spans:
        if start < last:
            continue
        pieces.append(text[last:start])
        pieces.append("[phone]")
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _names(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        words = match.group(1).split()
        if words[0] in _NOT_NAMES:
            return match.group(0)
        if len(words) > 1 and words[1] in _NOT_NAMES:
            end = match.start(1) + len(words[0])
            return match.string[match.start():match.start(1)] + "[name]" + match.string[
                end:match.end()]
        return match.string[match.start():match.start(1)] + "[name]"

    def replace_any_case(match: re.Match[str]) -> str:
        words = match.group(1).split()
        if words[0].capitalize() in _NOT_NAMES or words[0].lower() in _NOT_NAME_WORDS:
            return match.group(0)
        if len(words) > 1 and (words[1].capitalize() in _NOT_NAMES
                               or words[1].lower() in _NOT_NAME_WORDS):
            end = match.start(1) + len(words[0])
            return match.string[match.start():match.start(1)] + "[name]" + match.string[
                end:match.end()]
        return match.string[match.start():match.start(1)] + "[name]"

    text = NAME_AFTER_TITLE.sub(replace, text)
    text = NAME_AFTER_INTRO.sub(replace, text)
    return NAME_AFTER_STRONG_INTRO.sub(replace_any_case, text)


def redact(text: str) -> str:
    """Replace e-mail addresses, NHS numbers, UK phone numbers, postcodes and
    introduced names in free text.

    Parameters
    ----------
    text:
        Free text from a form.

    Returns
    -------
    str
        The text with identifiers replaced by ``[email]``, ``[nhs_number]``,
        ``[phone]``, ``[postcode]`` and ``[name]``.

    Examples
    --------
    >>> redact("Email me at jo.bloggs@example.org or ring 0113 496 0123")
    'Email me at [email] or ring [phone]'
    >>> redact("My NHS number is 943 476 5919 and I live at LS6 2QF")
    'My NHS number is [nhs_number] and I live at [postcode]'
    >>> redact("Hi, my name is Margaret and thanks to Dr Patel")
    'Hi, my name is [name] and thanks to Dr [name]'
    >>> redact("I'm not sure the session was long enough")
    "I'm not sure the session was long enough"
    """
    if not isinstance(text, str) or not _MAY_IDENTIFY.search(text):
        return text
    # A replacement can expose another identifier ("MargaretI'm Jo": once the first
    # name is gone, "I'm" starts a word), so repeat until nothing changes.
    for _ in range(4):
        before = text
        if "@" in text:  # the e-mail pattern is slow on long text without one
            text = EMAIL.sub("[email]", text)
        text = NHS_NUMBER.sub(_nhs, text)
        text = _phones(text)
        text = POSTCODE.sub("[postcode]", text)
        text = _names(text)
        if text == before:
            break
    return text


def redact_series(series: pd.Series) -> pd.Series:
    """Redact every text cell of a column (once per distinct value).

    Examples
    --------
    >>> redact_series(pd.Series(["call 07911 123456", None, "fine"])).tolist()
    ['call [phone]', <NA>, 'fine']
    """
    return map_distinct(series, redact)
