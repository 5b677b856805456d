"""Remove what identifies a person from free text.

The text is first normalised on a copy (no-break, narrow and other Unicode
spaces become spaces; zero-width characters, soft hyphens and bidirectional
controls are dropped; fullwidth forms such as ``＠`` and ``０７９１１`` become
their ASCII twins; Unicode dashes become ``-``), identifiers are found in the
copy, and their spans are mapped back so that everything else is returned
exactly as written. Replaced, first come first served where two overlap:

``[email]``
    e-mail addresses, also written ``jo @ example.org``, ``jo(at)example.org``,
    ``jo [at] example [dot] org``, ``jo at example dot org`` or ``jo at
    example.org`` (a known top-level domain is then needed).
``[nhs_number]``
    ten digits with a valid Modulus 11 check digit, together or grouped 3-3-4
    with any separators (spaces, several spaces, dashes, dots, slashes).
``[phone]``
    every *possible* UK number, by its shape rather than the numbering plan: 0
    or +44 / 0044 / +44 (0), then a national number of 10 digits (9 after 01
    and 08) starting 1, 2, 3, 5, 7, 8 or 9, with spaces, dots, dashes and
    brackets anywhere; also any ``+`` international number of 8-15 digits.
    The letter O typed for a zero, and I or l for a one, count beside digits
    (``077OO 9OO I23``).
    Mistyped, newly allocated and drama numbers (``07700 900123``) count; dates
    (``20/03/2018``), times (``10:00``), money (``£1,250.00``) and numbers of
    other lengths do not.
``[postcode]``
    full UK postcodes in any case, with or without the space, and with a space
    inside a half (``LS6 2QF``, ``ls62qf``, ``LS 7 4BG``, ``LS8 4 RD``); a
    district alone (``LS6``) is not identifying and is kept.
``[address]``
    a street address with a house number: ``14 Harehills Lane``, ``Flat 3, 22
    Roundhay Road``, ``31a oak tree rd`` (:func:`_street_address_spans`). The
    contract does not list it; an address is a direct identifier all the same.
``[date_of_birth]``
    a date after what says it is one: ``DOB 03/04/1956``, ``born 3rd April
    1956``, ``my dob is 5th march 84``, ``date of birth: 1956-04-03``, ``born
    in March 1956``; not a year alone (``born in 1956``).
``[hospital_number]``
    a hospital's number for a patient after what says it is one: ``MRN
    00123456``, ``hospital no. RR80123456``, ``patient ID LTH9876543`` (up to
    four letters and five to twelve digits).
``[vehicle_registration]``
    a UK registration of the current shape, in any case, after a word that says a
    vehicle is meant (``my car YH19 ABC``, ``car reg ld68 xyz``, ``parked LD 68 XYZ``).
``[ip_address]``
    an IPv4 address (``192.168.1.20``; not a version, ``v1.2.3.4``, nor a part over
    255).
``[ni_number]``
    a National Insurance number, two letters as HMRC allots them, six digits and a
    letter A to D, spaced, dotted or dashed or not: in capitals anywhere (``AB 12 34
    56 C``); in lower case, or without its letter, after ``NI``, ``national
    insurance`` or ``NINO``.
``[name]``
    a social media handle (``@jane_doe88``) or the part of a profile's address
    after the site (``facebook.com/[name]``, ``linkedin.com/in/[name]``); and
    people's names: a capitalised given name from the packaged gazetteer
    (:mod:`coprod_analysis.clean.gazetteer`) wherever it stands, with the
    capitalised words that follow it (``Harold Whitcombe``); any word after a
    title (``Dr Patel``, ``Mrs.Jones``, ``MRS JONES``, ``dr ahmed``); after
    words that introduce a person ("my name is", "speak to", "ask for",
    "contact", "ring me", "thanks", "I'm", signatures, also across one line
    break), and in lower case after "my name is", "led by", "regards" and the
    like a word in none of the word lists (``led by tsiory``); beside contact details;
    in brackets (``(Nasreen Qureshi)``); joined to a name in a list (``Ayesha
    and Rob``); after a role or relation (``our facilitator Folasade``, ``my son
    Tendai``, ``my friend TSIORY``); an unknown capitalised word before a verb
    only a person does, also on the next line (``Babajide really helped``);
    an unknown capitalised word before a known surname (``Ravinder
    Singh``); in capitals, a given name of three letters or more that is no
    English word, where the whole answer is in capitals (``ANDY PEARSON``),
    before a known name (``SARAH JONES``) or after an introduction (``thanks to
    SARAH``), never a month (``3 JAN``); a word nobody's list knows, or a
    given name, in lower case before praise or criticism where a clause begins
    or in an answer capitalised only where sentences begin (``Great session
    tendai was lovely``, ``imran told us``), and in Headline Style. Names that
    are also common words ("Will", "May", "Hope", "Grace") need such context
    (``Grace listened to me``). Places and organisations (``Nightingale
    ward``, ``St Luke's``, ``Meanwood Valley PPG``, ``from Morley``, ``at
    Jimmy's``) and conditions named after a person (``Parkinson's``,
    ``Crohn's disease``) are kept. The full list is in ``docs/cleaning.md``.

The contract lists the first four and ``[name]``; ``[address]``,
``[date_of_birth]``, ``[hospital_number]``, ``[vehicle_registration]``,
``[ni_number]`` and ``[ip_address]`` go further (direct identifiers all the same).
:data:`PLACEHOLDERS` lists them all.

Not found: names that are not in the gazetteer and stand without any of that
context, addresses without a house number, dates of birth and hospital numbers
without a word that says so, and identifiers of other countries' shapes. The
redaction is a safety net, not a guarantee.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from coprod_analysis.clean.gazetteer import (
    capitalised_english,
    english_words,
    fold,
    fold_text,
    known_words,
    local_words,
    proper_words,
)
from coprod_analysis.clean.gazetteer import load as load_gazetteer
from coprod_analysis.clean.values import map_distinct_many
from coprod_analysis.vocab import NI_GAP, NI_PREFIX

#: What :func:`redact` puts in place of what it removes.
PLACEHOLDERS = ("[email]", "[nhs_number]", "[phone]", "[postcode]", "[address]",
                "[date_of_birth]", "[hospital_number]", "[vehicle_registration]",
                "[ni_number]", "[ip_address]", "[name]")

# --- Normalisation -------------------------------------------------------------------

#: Characters read as a space.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
          "\u202f\u205f\u3000\t\r\x0b\x0c"
#: Characters dropped: zero-width, soft hyphen, word joiner, bidirectional controls.
_DROPPED = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
           "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
#: Dashes and minus signs read as "-".
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TRANSLATE = {**{ord(c): " " for c in _SPACES}, **{ord(c): None for c in _DROPPED},
              **{ord(c): "-" for c in _DASHES},
              **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)},  # fullwidth ASCII
              0xFE6B: "@", 0xFF5F: "(", 0xFF60: ")"}
#: Combining marks (an accent typed apart from its letter: "Siobha\u0301n"), and the
#: keycap and emoji variation marks ("0\ufe0f\u20e3"): dropped, the letter kept.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe0e\ufe0f\ufe20-\ufe2f"
_MARK = re.compile(f"[{_MARKS}]")
#: What normalising changes: the characters above, and digits other than 0-9 (Arabic-
#: Indic, mathematical bold: "\u0660\u0667", "\U0001d7ce"), read as 0-9.
_ODD = re.compile(f"[{_SPACES}{_DROPPED}{_DASHES}{_MARKS}\ufe6b\uff01-\uff60]|(?![0-9])\\d")
#: The spaces of ``_SPACES`` in ASCII that stand between words: a tab, a vertical tab
#: and a form feed ("Thanks\tTsiory" is read as "Thanks Tsiory"; a carriage return
#: is left to the rules, which read "\r\n" as a line break).
_ASCII_SPACES = "\t\x0b\x0c"


def _has_ascii_space(text: str) -> bool:
    """Whether the text holds one of ``_ASCII_SPACES`` (three searches for one
    character each: quicker than a regular expression's class)."""
    return "\t" in text or "\x0b" in text or "\x0c" in text


def _normalise(text: str) -> tuple[str, list[int] | None]:
    """The text to search, and for each of its characters the index in ``text``
    (None when every character stayed where it was).

    Examples
    --------
    >>> _normalise("jo\\uff20nhs.net")
    ('jo@nhs.net', None)
    >>> _normalise("a\\u200bb")
    ('ab', [0, 2, 3])
    >>> _normalise("Siobha\\u0301n \\u0660\\u0667")
    ('Siobhan 07', [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11])
    """
    if (text.isascii() and not _has_ascii_space(text)) or not _ODD.search(text):
        return text, None
    out: list[str] = []
    index: list[int] = []
    same_length = True
    for i, char in enumerate(text):
        mapped = _TRANSLATE.get(ord(char), char)
        if mapped is char and not char.isascii():
            if _MARK.match(char):
                mapped = None
            elif char.isdecimal():
                mapped = str(unicodedata.decimal(char))
        if mapped is None:
            same_length = False
            continue
        out.append(mapped if isinstance(mapped, str) else chr(mapped))
        index.append(i)
    index.append(len(text))
    return "".join(out), None if same_length else index


#: Runs of digits and the letters O, I and l standing alone, one separator between
#: runs ("077OO 9OO I23", "O113-496-OOOO").
_DIGITS_AND_OS = re.compile(r"(?<!\w)[0-9OoIl]+(?:[ .\-][0-9OoIl]+)*(?!\w)")
#: Where such a run may hold such a letter: an O, I or l beside a digit, or O's
#: standing alone.
_O_BY_A_DIGIT = re.compile(r"\d[OoIl]|[OoIl]\d")
_OS_ALONE = re.compile(r"(?<!\w)[Oo]{2,}(?!\w)")


def _zeros_for_os(text: str) -> str:
    """``text`` with the letter O read as a zero, and I and l as a one, in runs of
    digits and such letters standing alone that hold three digits or more, as people
    type phone numbers ("077OO 9OO I23"); the same length, so the text's positions
    do not move. An O or an I alone is a word ("blood group O", "I"), so only O's
    beside a digit or another O count, and only I's and l's beside a digit.

    Examples
    --------
    >>> _zeros_for_os("call 077OO 9oo I23 or O113 496 OOOO, not O2 or Oxford")
    'call 07700 900 123 or 0113 496 0000, not O2 or Oxford'
    >>> _zeros_for_os("group O 943 476 5919, I 0113 496 0000, ll 123")
    'group O 943 476 5919, I 0113 496 0000, ll 123'
    """
    if not (_O_BY_A_DIGIT.search(text) or ("oo" in text.lower() and _OS_ALONE.search(text))):
        return text
    return _DIGITS_AND_OS.sub(_zeros_in_run, text)


def _zeros_in_run(match: re.Match) -> str:
    run = match.group()
    if sum(c.isdigit() for c in run) < 3:
        return run
    return _O_PIECE.sub(_digits_in_piece, run)


def _digits_in_piece(match: re.Match) -> str:
    """One piece of a run (:func:`_zeros_in_run`) with its letters read as digits: O's
    if it holds a digit or is all O's (not one O alone), I's and l's if it holds a digit."""
    piece = match.group()
    if piece.isdigit():
        return piece
    digit = any(c.isdigit() for c in piece)
    if digit or (len(piece) > 1 and piece.strip("Oo") == ""):
        piece = piece.replace("O", "0").replace("o", "0")
    if digit:
        piece = piece.replace("I", "1").replace("l", "1")
    return piece


#: One piece of such a run, between its separators.
_O_PIECE = re.compile(r"[0-9OoIl]+")


# --- E-mail addresses ----------------------------------------------------------------

_TLD = (r"(?:com|org|net|uk|ie|gov|nhs|ac|co|edu|info|biz|io|me|scot|wales|cymru|eu|int"
        r"|ltd|plc|online|email|mail)")
_OPEN, _CLOSE = r"[(\[{<]", r"[)\]}>]"
#: (at most six "dot"s written out: a run of "dot dot dot ..." tried from each of its
#: words took a time that grew with its square, 14 s on 32 KB)
_LOCAL = rf"\w[\w.+'-]*(?:(?:\s+dot\s+|\s?{_OPEN}\s?dot\s?{_CLOSE}\s?)\w[\w.+'-]*){{0,6}}"
_LABEL = r"\w[\w-]*"
_DOT = rf"(?:\.|\s?{_OPEN}\s?dot\s?{_CLOSE}\s?|\s+dot\s+)"
#: An address starts at a word's start: ``(?<!\w)`` changes no match (a match from
#: inside a word has one from that word's start, found first; a match never ends just
#: before a letter) but spares trying every letter of every word (three times quicker).
_WORD_START = r"(?<!\w)"
EMAIL = re.compile(
    rf"{_WORD_START}(?i:{_LOCAL}(?:\s{{0,2}}@\s{{0,2}}|\s?{_OPEN}\s?at\s?{_CLOSE}\s?){_LABEL}"
    # a dot with a space each side only before a known ending ("sue @ gmail . com")
    rf"(?:(?:{_DOT}{_LABEL}){{0,6}}(?:\s\.\s{_TLD}\b)+|(?:{_DOT}{_LABEL}){{1,6}})"
    rf"|{_LOCAL}\s+at\s+{_LABEL}(?:{_DOT}{_LABEL}){{0,6}}{_DOT}{_TLD}\b)",
)
#: An e-mail address in a link, its "@" written "%40" ("?email=sarah.jones%40nhs.net").
_URL_EMAIL = re.compile(r"[\w.+-]+%40[\w-]+(?:\.[\w-]+)+")
#: An address at a known mail provider typed without its ending ("jo@gmail"), and
#: the provider alone, looked for first (quick: it starts with "@").
_HOSTS = r"(?:gmail|googlemail|hotmail|yahoo|outlook|btinternet|icloud|aol|live|msn|sky" \
         r"|virginmedia|talktalk|nhs)(?![\w.@-])"
_MAIL_HOST = re.compile(rf"{_WORD_START}(?i:{_LOCAL}\s{{0,2}}@\s{{0,2}}{_HOSTS})")
_AT_HOST = re.compile(rf"@\s{{0,2}}(?i:{_HOSTS})")
_MAY_BE_EMAIL = re.compile(
    rf"@|(?i:{_OPEN}\s?(?:at|dot)\s?{_CLOSE}|\bdot\b|\bat\s+{_LABEL}\.(?:{_LABEL}\.)*{_TLD}\b)")

# --- Social media ----------------------------------------------------------------------

#: A profile on a social network: the part after the site's address is the person's
#: own name or number ("facebook.com/jane.doe.5", "linkedin.com/in/priya-sharma").
_SOCIAL_LINK = re.compile(
    r"(?i:(?<![\w.-])(?:https?://)?(?:(?:www|m|mobile|[a-z]{2})\.)?"
    r"(?:facebook|fb|instagram|twitter|x|linkedin|tiktok|youtube|threads|snapchat|bsky"
    r"|pinterest|github|medium|mastodon\.social)\.(?:com|net|app|me|social)/"
    r"(?:in/|pub/|@|profile\.php\?id=|user/|c/)?)"
    r"([\w%~-](?:[\w.%~-]*[\w%~-])?(?:/[\w%~-](?:[\w.%~-]*[\w%~-])?)*)/?"
    r"(?!\.?[\w%~/?=&\[-])")  # the whole path or nothing: redacting again changes nothing
#: A handle ("@jane_doe88", "@Sarah"), not an e-mail address's "@" (those are found
#: first), nor a time ("@10am", "@ 2pm"); three characters or more.
_HANDLE = re.compile(
    r"(?<![\w.@+-])@(?!\d{1,2}(?:[:.]\d{2})?\s?(?i:am|pm)\b)\w[\w.]{1,38}\w")
#: The same, written straight after another ("@jane_doe88@jo_b"): each is a handle.
_HANDLE_AFTER = re.compile(_HANDLE.pattern.removeprefix(r"(?<![\w.@+-])"))
#: Words written after "@" that name a place or a time, not an account.
_NOT_HANDLES = frozenset("""home work school church hospital night noon midday lunch the all
everyone here there you our me end""".split())

# --- Numbers -------------------------------------------------------------------------

#: Ten digits together or grouped 3-3-4 with any separators, not inside a longer number.
NHS_NUMBER = re.compile(
    r"(?<![\d+])(?<!\+44 )(?<!\(0\) )(?:(\d{3})[ .\-/]{1,3}(\d{3})[ .\-/]{1,3}(\d{4})"
    r"|(\d{10}))(?![\d])"
)
#: Ten digits in any grouping ("943 4765 919"): an NHS number only after "NHS".
_TEN_DIGITS = re.compile(r"(?<![\d+])\d(?:[ .\-/]{0,3}\d){9}(?![\d])")
_NHS_BEFORE = re.compile(r"n\.?h\.?s\W{0,3}(?:(?:no|number|num|#)\W{0,3})?(?:is\W{0,3})?$",
                         re.IGNORECASE)  # "NHS No. ", "My NHS Number is ", "N.H.S. no"
#: Ten digits after "my number" and the like ("my number 9960 308 243"): an NHS number
#: if the check digit says so, as after "NHS".
_OWN_NUMBER_BEFORE = re.compile(
    r"\b(?:my|his|her|their|mum(?:'?s)?|dad(?:'?s)?|mother'?s|father'?s|son'?s"
    r"|daughter'?s|wife'?s|husband'?s|partner'?s)\W{1,3}(?:no|number|num)\b"
    r"\W{0,3}(?:is\W{0,3})?$", re.IGNORECASE)
#: A National Insurance number: two letters as HMRC allots them (``vocab.NI_PREFIX``),
#: six digits and a letter A to D (or none), spaced, dotted, dashed or slashed or not
#: ("AB 12 34 56 C", "AB 123 456 C", "AB-12-34-56-C", "ab/12/34/56/c", "AB / 12 / ...").
_NI_NUMBER = re.compile(rf"(?<![\w]){NI_PREFIX}{NI_GAP}(?:\d{NI_GAP}){{5}}\d"
                        rf"(?:{NI_GAP}[A-Da-d])?(?![\w])")
#: An IPv4 address: four numbers of up to three digits joined by dots, no more ("10.0.19041.1"
#: is a version: its third part is over 255; "1.2.3.4", under eight characters, a list
#: of sections: both checked by the caller).
_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d|\.\d)")
#: What may be an IPv6 address: hexadecimal groups joined by colons, two colons or more
#: (checked by the caller with :mod:`ipaddress`: "2001:db8::1", not "10:30:45"), not
#: inside another, after a label's colon too ("IP:2001:db8::1").
_IPV6_BODY = re.compile(r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_IPV6 = re.compile(r"(?<![\w.])(?<![0-9A-Fa-f:]:)" + _IPV6_BODY.pattern)
#: A label before an address, glued to it by a colon or "=" ("ipv6:2001:db8::1",
#: "src=fe80::1ff:fe23:4567:890a"), where :data:`_IPV6_BODY` is tried as it stands.
_IP_LABEL = re.compile(r"(?i:\b(?:ip(?:v[46])?|src|dst|source|dest(?:ination)?|addr(?:ess)?"
                       r"|host|client|server|from|to)[ \t]*[:=][ \t]*)")
#: What says the dotted numbers after it are a version, not an address ("v1.2.3.4").
_VERSION_BEFORE = re.compile(r"(?i:\bv|version|ver\.?|release|build)\s*$")
#: HMRC's own way of writing one, spaced in pairs or not, with its letter.
_NI_SHAPE = re.compile(r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]")
#: What says the number before it was a National Insurance number, just after it
#: ("AB/12/34/56/C is my NI number", "... (my NI no.)"; not "Booking ref
#: CE/12/34/56/A", "Locker JK-01-02-03-A": a reader's attack, session 16).
_NI_CUE_AFTER = re.compile(r"(?i:\W{0,3}(?:(?:is|was|=)\W{1,3})?(?:(?:my|his|her|their|mum'?s"
                           r"|dad'?s)\W{1,3})?(?:n\.?i\.?\b|national[ \t]+ins|nino\b))")
#: What says a National Insurance number follows, just before it (not "the NI office ...
#: form CA 123456", "ni hao! booking ref kh 123 456": a reader's attack, session 14).
_NI_CUE = re.compile(r"(?i:\bn\.?i\.?(?:[ \t]*(?:no|num|number))?|national[ \t]+ins(?:urance)?"
                     r"(?:[ \t]*(?:no|num|number))?|\bnino|insurance[ \t]+(?:no|num|number))"
                     r"(?:[ \t]*\([^()]{0,30}\))?\W{0,3}(?:(?i:is)\W{0,3})?$")
#: What says the date after it is a date of birth: "DOB", "d.o.b.", "date of birth",
#: "born (on the)", "birthday (is)".
_BIRTH_CUE = re.compile(
    r"(?i:\b(?:d[ ./]?o[ ./]?b(?:s|'s)?\b\.?|dates?[ \t]+of[ \t]+birth|birth[ \t]?dates?"
    r"|born|birthday['\u2019]s|birthdays?)"
    r"(?:[ \t]*(?:\b(?:is|are|was|were|on|in|the|of|being)\b|[:=,(\[\"'-]))*\s*)")
_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
               r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
#: A date as a date of birth is written (after :data:`_BIRTH_CUE`): "03/04/1956",
#: "1956-04-03", "3rd April 1956", "3-Apr-56", "April 3rd, 1956", "March 1956"; not a
#: year alone ("born in 1956").
_BIRTH_DATE = re.compile(
    r"(?i:\d{1,2}(?:[ \t]*[./-][ \t]*|[ \t]+)\d{1,2}(?:[ \t]*[./-][ \t]*|[ \t]+)\d{2,4}(?!\d)"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d(?!\d)"
    r"|\d{4}[./-]\d{1,2}[./-]\d{1,2}(?!\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:[ \t]+of)?(?:[ \t]+|[ \t]*[./-][ \t]*){_MONTH_NAME}"
    r"(?:(?:,?[ \t]+|[ \t]*[./-][ \t]*)'?\d{2,4}(?!\d))?"
    rf"|{_MONTH_NAME}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?[ \t]+\d{{2,4}}(?!\d))?"
    rf"|{_MONTH_NAME},?[ \t]+\d{{4}}(?!\d))")
#: A second date after a date of birth ("DOB 03/04/1956 and 07/08/1960").
_AND_DATE = re.compile(r"[ \t]*(?:,|;|&|\band\b|\bor\b)[ \t]*")
#: What says the code after it is a hospital's number for a patient: "MRN", "hospital
#: no.", "hosp no", "patient ID", "patient reference", "unit number", "case number".
_HOSPITAL_CUE = re.compile(
    r"(?i:\b(?:mrn|(?:hospital|hosp|patient|unit|case)\.?[ \t]+"
    r"(?:no|num|number|id|ref|reference)\b\.?)"
    r"(?:[ \t]*(?:\b(?:is|was)\b|[:#=(\[\"'-]))*\s*)")
#: A hospital's number: up to four letters and five to twelve digits, spaced or not
#: ("00123456", "RR80123456", "LTH 987 6543").
_HOSPITAL_NUMBER = re.compile(r"(?i:[a-z]{0,4}[ \t]?\d(?:[ \t-]?\d){4,11}[a-z]?)(?![\w])")
#: A UK vehicle registration of the current shape ("YH19 ABC", "LD68XYZ", "LD 68 XYZ",
#: "yh19-abc"), in any case, where a word before it says a vehicle is meant
#: (:data:`_VEHICLE_CUE`); not a postcode district before an organisation's letters
#: ("the LS12 PPG").
_VEHICLE_REG = re.compile(r"(?i:(?<![\w])[a-z]{2}[ \t]?\d{2}[ \t-]?([a-z]{3})(?![\w]))")
_VEHICLE_CUE = re.compile(
    r"(?i:\b(?:reg|registration|number[ \t]?plates?|plates?|cars?|vans?|vehicles?|parking"
    r"|parked|park|badge|taxi|motorbike|bike|drive|drove|driving)\b)")
_NOT_PLATE_LETTERS = frozenset("ppg ccg pcn icb nhs gps cqc pct ptb ltd".split())
#: A UK number by its shape: trunk 0 or +44/0044 (with an optional "(0)"), then a
#: national number whose first digit is 1, 2, 3, 5, 7, 8 or 9 and that has 9 or 10
#: digits, spaces, dots, dashes and brackets anywhere between them (a slash only after
#: the area code).
_GAP = r"[ .\-()]{0,3}"
PHONE = re.compile(
    rf"(?<![\d+])(?:(?:(?:\+|00)\s?)?44{_GAP}(?:\(\s?0\s?\){_GAP}|0{_GAP})?|\(?0{_GAP})"
    rf"(?P<first>[1-35789])(?P<rest>(?:{_GAP}\d){{8,9}})(?!\d)"
    rf"|(?<![\w+])\+(?!44)\d(?:{_GAP}\d){{7,14}}(?!\d)"
    # an area code set off by a slash, as some write it ("07700/900123", "0113 / 4960000",
    # "020/7946 0123"): eleven digits in all (counted by _phone_spans), never a date's
    r"|(?<![\d/])(?:\+44[ \t]?|0)[1-35789]\d{1,3}[ \t]?/[ \t]?\d(?:[ \t]?\d){5,8}(?![\d/])"
)
_DIGIT = re.compile(r"\d")

#: An inward code's letters set off from its digit, and the two-letter words they may
#: be instead ("came from LS9 2 by bus", "LS2 9 at the hub"): no postcode then.
_SPACED_INWARD = re.compile(r"\d[ \t]([A-Za-z]{2})$")
_TWO_LETTER_WORDS = frozenset("by at as we up us an he be ah eh ye ta ha pa ma".split())
#: A word, a space, then an ordinal number ("me 12th", "so 21st floor"): no postcode.
_WORD_THEN_ORDINAL = re.compile(r"[A-Za-z]{1,2}[ \t]+(\d{1,2})(st|nd|rd|th)", re.IGNORECASE)
#: An inward code that is an ordinal in lower case ("my B12 2nd jab", "DN4 2nd week").
_ORDINAL_INWARD = re.compile(r"(?<=[ \t])(\d)(st|nd|rd|th)$")


def _is_ordinal(number: str, suffix: str) -> bool:
    """Whether ``suffix`` is the one an ordinal of ``number`` takes ("21st", "12th").

    Examples
    --------
    >>> _is_ordinal("12", "th"), _is_ordinal("21", "st"), _is_ordinal("2", "th")
    (True, True, False)
    """
    n = int(number)
    right = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return suffix.lower() == right
#: The postcode areas of the UK, the Channel Islands and the Isle of Man (and BF, BX:
#: forces and non-geographic), so that "on 12th" (ON1 2TH) and "to 101 St" are no
#: postcodes: no area is ON or TO.
POSTCODE_AREAS = frozenset("""AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR
CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX
IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA
PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS
TW UB W WA WC WD WF WN WR WS WV YO ZE""".split())
#: A UK postcode, a space or tab allowed also after its area's letters and after
#: its inward digit, as people type them ("LS 7 4BG", "LS8 4 RD").
#: (The shape is matched by letter classes, quickly; the area is then looked up:
#: :func:`_in_an_area`.)
_POSTCODE_BODY = (
    r"(?:[A-PR-UWYZ][ \t]?[0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][ \t]?[0-9]{1,2}"
    r"|[A-PR-UWYZ][ \t]?[0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][ \t]?[0-9][ABEHMNPRVWXY])"
    r"[ \t-]{0,2}[0-9][ \t]?[ABD-HJLNP-UW-Z]{2}\b")
POSTCODE = re.compile(rf"\b{_POSTCODE_BODY}", re.IGNORECASE)
_AREA = re.compile(r"[^\W\d_]+")


def _in_an_area(postcode: str) -> bool:
    """Whether a postcode's letters before its first digit are a postcode area.

    Examples
    --------
    >>> _in_an_area("LS6 2QF"), _in_an_area("on 12th"), _in_an_area("w1a 0ax")
    (True, False, True)
    >>> _in_an_area("\u0130S9 7TF")  # (the pattern, in any case, took it for an I)
    False
    """
    area = _AREA.match(postcode)  # (a letter the pattern took for one in any case, "İ")
    return area is not None and area.group().upper() in POSTCODE_AREAS
#: A postcode typed a character at a time ("L S 6 1 A B"): five to seven single
#: characters, each set apart, that make one (:func:`_spaced_postcodes`).
_SPACED_CHARS = re.compile(r"(?<![\w])(?:[A-Za-z0-9][ \t]){4,6}[A-Za-z0-9](?![\w])")
#: A flat and the building it is in ("Flat 2, The Maltings", "flat 9 Lovell Court").
_FLAT_IN = re.compile(
    r"\b(?i:flat|apartment|apt)[ \t]?\d{1,4}[A-Za-z]?,?[ \t]+(?:The[ \t]+)?"
    r"[A-Z][a-z'\u2019]+(?:[ \t]+[A-Z][a-z'\u2019]+){0,2}")
#: A postcode in capitals typed against the word before it ("LeedsLS28 7BE").
_GLUED_POSTCODE = re.compile(rf"(?<=[a-z]){_POSTCODE_BODY}")

#: Month names and their short forms: never a name in capitals ("3 JAN", "MAY 2024").
_MONTH_WORDS = frozenset("""january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
#: A day's number just before a month's short name, or a year just after it ("20th
#: Jan", "Jan 2024"): a date, not "Jan" a person.
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?(?: of)?[ \t]+$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"[ \t]*'?\d{2,4}\b")
#: What a street is called after its name ("Harehills Lane", "Oak Tree Rd."): with a
#: house number before it, an address ("14 Harehills Lane", "Flat 2, 31a Oak Tree Rd").
_STREET_TYPES = ("road rd street st lane ln avenue ave close drive dr way crescent cres "
                 "terrace tce grove gardens gdns place pl court ct walk mount view rise "
                 "square sq parade row mews fold garth croft approach chase wynd vale "
                 "boulevard gate green hill park bank side oval quay wharf vw").split()
_STREET_TYPE_SET = frozenset(_STREET_TYPES)
#: A house number (1 to 3 digits, a letter, a range; after "Flat 3," too), one to three
#: words of a street's name, and what the street is called.
STREET_ADDRESS = re.compile(
    r"(?<![\w\u00a3$\u20ac,:/'-])"
    r"(?:(?i:flat|apartment|apt|unit|house)[ \t]?(?:\d{1,4}[A-Za-z]?[ \t]?,?[ \t]+)?)?"
    r"\d{1,3}[A-Za-z]?(?:[ \t]?[-/][ \t]?\d{1,3}[A-Za-z]?)?,?[ \t]+"
    r"(?P<street>(?:[^\W\d_][\w'\u2019-]*[ \t]+){1,3})"
    rf"(?i:{'|'.join(_STREET_TYPES)})\b"
    r"(?:[ \t]+(?i:towers|house|court|heights|buildings|flats|apartments|mansions|lodge)\b)?"
)
#: A house number kept from its street by a word ("number 14 on Harehills Lane", "no. 7
#: in Oak Tree Rd"): an address when the number is said to be a house's
#: (:data:`_HOUSE_NUMBER_SAID`).
_NUMBER_ON_STREET = re.compile(
    r"(?<![\w\u00a3$\u20ac,:/'-])\d{1,3}[A-Za-z]?,?[ \t]+"
    r"(?i:on|in|off|of)[ \t]+(?:(?i:the)[ \t]+)?"
    r"(?P<street>(?:[^\W\d_][\w'\u2019-]*[ \t]+){1,3})"
    rf"(?i:{'|'.join(_STREET_TYPES)})\b")
_THE_BEFORE = re.compile(r"(?i:\bthe[ \t]+)$")
#: What says a number is a house's: "number", "no.", "house", "flat", "door".
_HOUSE_NUMBER_SAID = re.compile(r"(?i:\b(?:number|no\.?|house|flat|door)[ \t]*)$")
#: Words that say how far or how many, never part of a street's name ("a 10 minute
#: walk", "2 more hours up the hill", "3 long days"), and words that join.
_NOT_STREET_WORDS = frozenset("""minute minutes min mins hour hours hr hrs mile miles second
seconds sec secs day days week weeks month months year years time times metre metres meter
meters yard yards km kms foot feet step steps more less few many much long short quick brief
good great nice lovely steep big small little whole full half extra other different same
people person persons of along down up past near towards toward around through across
via off onto into behind opposite beside way car bus buses train taxi""".split()) | _MONTH_WORDS
#: Words of size that begin a street's name before another capitalised word ("6 Great
#: George Street", "2 Little Queen Street"), not alone ("a 10 Minute Walk", "3 Great Days").
_SIZED_STREET_WORDS = frozenset({"Great", "Little"})
#: Words before a number that make it no house number ("session 3 Green Way group").
_NUMBERED_THINGS = frozenset("""session sessions week weeks day days module modules part parts
step steps room rooms ward wards floor floors level levels table tables page pages question
questions q point points item items stage stages phase phases year years group groups bus
buses route routes platform platforms gate gates bay bays chapter slide slides tier tiers
outcome outcomes option options team teams""".split())
#: Words that may follow an address ("come to 5 Stanningley Road please", "... Road its
#: my house"); any other English word after it says the words were no address ("2
#: Food Bank Volunteers", "300 Beeston Hill residents", "I had 2 bad side effects").
#: Nouns that follow a count before a place's name ("300 Beeston Hill residents", "2
#: Food Bank Volunteers", "2 Magistrates Court hearings"): after them the number and
#: words were no address. (Any other word may follow one: "42 Wellington Street went".)
_COUNTED_AFTER = frozenset("""residents resident students student people person persons
volunteers volunteer members member patients patient carers carer staff sessions session
effects seats seat hearings hearing decorations terms term kids children families family
groups group places spaces tickets ticket visits visit beds bed rooms room users user
workers worker runners walkers teams team events event games game matches fans
supporters clubs shops stalls bus buses route routes courses course classes class walks""".split())
#: What says the number and words after it are an address whatever follows, and lets
#: its words be in lower case: "I live at", "my address is", "moved to", "post it to".
_ADDRESS_BEFORE = re.compile(
    r"(?i:\b(?:address|live[sd]?|living|moved|move|send|sent|post|write|deliver)\b"
    r"[\w ,:'\u2019]{0,12}|\b(?:no\.?|number)[ \t]*)$")
#: Words before a number that make an address likelier, not sure ("parking at 42
#: wellington st"): its words may then be in lower case if none is a common word
#: ("wellington"; not "at 3 community gardens").
_ADDRESS_MAYBE_BEFORE = re.compile(r"(?i:\b(?:at|to|from|near|opposite)[ \t]*)$")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_HOUSE_NUMBER_SURE = re.compile(
    r"(?i:flat|apartment|apt|unit|house)|\d+(?![kKmM]\b)[A-Za-z]\b|\d+[ \t]?[-/]")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'\u2019]*)")


#: What may stand between a street and its postcode: a comma, a town ("60 dib lane,
#: leeds ls8 3aj"; a postcode after it says an address is meant, in lower case too).
_TOWN_GAP = re.compile(r"[ \t]*,?[ \t]*(?:[^\W\d_]{3,}(?:[ \t]+[^\W\d_]{3,})?[ \t]*,?[ \t]+)?")


def _street_address_spans(text: str, windows: list[tuple[int, int]] | None = None
                          ) -> list[tuple[int, int]]:
    """Street addresses: a house number, one to three words of a street's name and what
    the street is called (:data:`STREET_ADDRESS`). The words are capitalised, or, in an
    answer all in lower case, no English word unless a place of Leeds ("14 harehills
    lane"); none a stop word, a month, a word of distance or number, or a single letter;
    the number not after a full stop (a time, "10.30"; but "no.14") nor that of a
    session, a room or the like; and no noun of what is counted after it
    (:data:`_COUNTED_AFTER`: "300 Beeston Hill residents").

    Examples
    --------
    >>> t = "Send it to 14 Harehills Lane, Leeds"
    >>> [t[a:b] for a, b in _street_address_spans(t)]
    ['14 Harehills Lane']
    >>> _street_address_spans("a 10 minute walk"), _street_address_spans("2 hours down the road")
    ([], [])
    >>> _street_address_spans("I had 2 bad side effects"), _street_address_spans(
    ...     "We reached 300 Beeston Hill residents")
    ([], [])
    """
    spans: list[tuple[int, int]] = []
    cased = not text.islower() and not text.isupper() and not _headline(text)
    # (capitals tell a name here: not in lower case, capitals or Headline Style)
    for m in _near_digits(STREET_ADDRESS, text, windows):
        if spans and m.start() < spans[-1][1]:
            continue  # (two windows' searches may find one address)
        start = m.start()
        if start and text[start - 1] == "." and text[max(0, start - 3):start - 1].lower() != "no":
            continue  # "10.30 Park Square" is a time; "no.14 Harehills Lane" an address
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and (before.group(1).lower() in _NUMBERED_THINGS or (
                before.group(1).lower() in ("a", "an", "the")
                and text[before.end(1):start].strip() == "")):
            continue  # "session 3 Green Way", "a 3 bed terrace", "the 5k fun walk"
        # an address for sure: said to be one, a flat, a house number with a letter or a
        # range ("31a", "12-14")
        said = _ADDRESS_BEFORE.search(text, max(0, start - 40), start) is not None \
            or _HOUSE_NUMBER_SURE.match(m.group()) is not None \
            or POSTCODE.match(text, _TOWN_GAP.match(text, m.end()).end()) is not None
        maybe = not said and _ADDRESS_MAYBE_BEFORE.search(text, max(0, start - 12), start)
        street = m.group("street").split()
        if not _street_named(street, cased, said, bool(maybe)) \
                and street != ["The"]:  # "2 The Crescent", "14 The Grove"
            continue
        after = _WORD_AFTER.match(text, m.end())
        following = after.group(1).lower().rstrip("'\u2019") if after is not None else ""
        if following in _COUNTED_AFTER or (following in _PLACE_WORDS and following != "uk"):
            continue  # "300 Beeston Hill residents", "2 Park Lane College courses"
        spans.append((start, m.end()))
    for m in _near_digits(_NUMBER_ON_STREET, text, windows):
        start = m.start()
        said = _HOUSE_NUMBER_SAID.search(text, max(0, start - 12), start)
        if any(a < m.end() and start < b for a, b in spans) or said is None or (
                _THE_BEFORE.search(text, max(0, said.start() - 5), said.start())):
            continue  # found already, a number not said to be a house's, or a bus's
            # ("the number 16 on Harehills Lane")
        if _street_named(m.group("street").split(), cased, True):
            spans.append((start, m.end()))  # "number 14 on Harehills Lane"
    return sorted(spans)


def _near_digits(pattern: re.Pattern, text: str, windows: list[tuple[int, int]] | None
                 ) -> Iterator[re.Match]:
    """The matches of ``pattern`` that start in the windows where digits are
    (:func:`_digit_windows`; an address runs up to 80 characters past one), or in the
    whole text when ``windows`` is ``None``."""
    if windows is None:
        return pattern.finditer(text)
    return (m for pos, endpos in windows
            for m in pattern.finditer(text, pos, min(len(text), endpos + 80)))


def _headline(text: str) -> bool:
    """Whether four words or more are nearly all capitalised ("I Have 2 Daughters Close
    By"): Headline Style, as some phones type, where capitals tell nothing.

    Examples
    --------
    >>> _headline("I Have 2 Daughters Close By"), _headline("Send it to 14 Harehills Lane")
    (True, False)
    """
    found = _WORD.findall(text)
    return len(found) >= 4 and sum(w[0].isupper() for w in found) >= 0.8 * len(found)


def _street_named(street: list[str], cased: bool, said: bool, maybe: bool = False) -> bool:
    """Whether words may be a street's name (:func:`_street_word` for each), a word of
    size allowed before another capitalised word ("6 Great George Street")."""
    return all(_street_word(w, cased, said, maybe) or (
        w in _SIZED_STREET_WORDS and k + 1 < len(street) and street[k + 1][:1].isupper())
        for k, w in enumerate(street))


def _street_word(word: str, cased: bool, said: bool, maybe: bool = False) -> bool:
    """Whether a word may be part of a street's name (:func:`_street_address_spans`):
    capitalised in an answer whose capitals tell (``cased``), or where the answer says
    it is an address (``said``), or a place of Leeds or no English word, or, after a
    word that makes an address likelier (``maybe``: "at"), a place's name or a word
    that is not a common one ("wellington"; not "community")."""
    key = word.lower().rstrip("'\u2019")
    if len(key) < 2 or key in _STOP or key in _NOT_STREET_WORDS:
        return False
    if (cased and word[0].isupper()) or said:
        return True
    return key in local_words() or key not in english_words() or (
        maybe and (key in proper_words() or key not in _gazetteer().common_words))


def is_valid_nhs_number(digits: str) -> bool:
    """Whether ten digits pass the NHS number Modulus 11 check.

    Examples
    --------
    >>> is_valid_nhs_number("9434765919"), is_valid_nhs_number("9434765918")
    (True, False)
    """
    if len(digits) != 10 or not digits.isdigit() or not digits.isascii():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


#: Digits said or typed one at a time ("oh seven seven four one", dictated; "0 7 8 3 1 ,
#: 4 4 2"): a run of seven or more, with spaces, commas, full stops or dashes between.
_SPOKEN_DIGITS = re.compile(
    r"(?i)(?<![\w])(?:(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine"
    r"|double|treble|triple|\d)(?:[ \t]*[,.\-]?[ \t]+|[ \t]*[,.\-][ \t]*)){6,}"
    r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|\d)(?![\w])")
#: What a phone number said a digit at a time begins with (for the screen, in RE2).
_SPOKEN_START = r"\b(?:zero|oh|nought)\b"
_SPOKEN_VALUE = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2",
                 "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9"}


def _spoken_phone_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers said a digit at a time, as voice typing writes them ("oh seven
    seven double oh nine oh oh one two three"), or typed one digit at a time with
    commas ("0 7 8 3 1 , 4 4 2 , 9 1 9"): eleven digits that begin with a 0 and are a
    UK number's shape (:data:`PHONE`).

    Examples
    --------
    >>> t = "call oh seven seven double oh nine oh oh one two three please"
    >>> [t[a:b] for a, b in _spoken_phone_spans(t)]
    ['oh seven seven double oh nine oh oh one two three']
    >>> _spoken_phone_spans("one two three four five six seven eight nine ten")
    []
    """
    spans = []
    for m in _SPOKEN_DIGITS.finditer(text):
        number, repeat = "", 1
        for word in re.finditer(r"[A-Za-z]+|\d", m.group()):
            said = word.group().lower()
            if said in ("double", "treble", "triple"):
                repeat = 2 if said == "double" else 3
                continue
            number += _SPOKEN_VALUE.get(said, said) * repeat
            repeat = 1
            if len(number) >= 11:  # the number's eleven digits, whatever words follow
                # ("... one two three, one ring only")
                if len(number) == 11 and PHONE.fullmatch(number):
                    spans.append((m.start(), m.start() + word.end()))
                break
    return spans


def _phone_spans(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """Spans of phone numbers (see :data:`PHONE`).

    Examples
    --------
    >>> s = "ring 07700 900123 or +44 (0)113 496 0000, not 20/03/2018 10:00"
    >>> [s[a:b] for a, b in _phone_spans(s)]
    ['07700 900123', '+44 (0)113 496 0000']
    """
    spans = []
    for match in PHONE.finditer(text, pos, len(text) if endpos is None else endpos):
        if match.group("first") is not None:
            digits = 1 + len(_DIGIT.findall(match.group("rest")))
            if digits == 9 and match.group("first") not in "18":
                continue  # nine-digit national numbers only follow 01 and 08
        elif "/" in match.group():  # an area code set off by a slash: a UK number's length
            national = _DIGIT.findall(match.group().removeprefix("+44"))
            if len(national) + (match.group().startswith("+44")) != 11:
                continue
        start, end = match.span()
        while text[end - 1] in " .-(":  # a trailing separator belongs to the text
            end -= 1
        if text[start] == "(" and ")" not in text[start:end]:
            start += 1  # a bracket round the whole number is the text's: "(07700 900888)"
        spans.append((start, end))
    return spans


# --- Names ---------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
#: Titles, any case, that are always followed by a name.
_TITLES = frozenset("mr mrs ms mx dr cllr prof revd".split())
#: Titles that are also ordinary words: a name follows only if it is capitalised.
_WORD_TITLES = frozenset("""miss doctor professor sister nurse father sir dame lady lord auntie
aunty aunt uncle matron midwife rev reverend pastor imam rabbi councillor fr sr""".split())
#: Titles that are words, of those who care, teach or lead a faith, before a given name
#: and a place's word that are a person's ("Matron Joy Cross", "Rev Grace Church"; not
#: "Lady Margaret Hall", "Sir John Street").
_CARING_TITLES = frozenset("""doctor professor sister nurse father matron midwife rev reverend
pastor imam rabbi councillor fr sr""".split())  # (not "miss": "We Will Miss Rose Hill")
#: Titles that are words, written short with a full stop ("Rev. Adeyemi", "Fr. Murphy").
_SHORT_WORD_TITLES = frozenset("rev fr sr".split())
#: Words after a title that make it no person's: "dr appts", "Dr Google", "Mr Men",
#: "Dr Who", "Dr Martens" (besides those of :data:`_NOT_AFTER_TITLE_LOWER`).
_NOT_AFTER_TITLE = frozenset("appt appts app apps google men who martens".split())
#: Words in lower case after a title that make it a word too, never a surname: what
#: people say of a doctor's appointment ("Dr told me", "ms teams"). A closed list:
#: many surnames are English words in lower case ("mr pickles", "dr steel").
_NOT_AFTER_TITLE_LOWER = frozenset("""appointment appointments consultation consultations
visit visits surgery surgeries letter letters note notes told tells said says say thinks
thought wants wanted asked asks gave gives prescribed prescribes referred refers
receptionist receptionists teams office offices practice practices waiting""".split())
_ALL_TITLES = _TITLES | _WORD_TITLES | _SHORT_WORD_TITLES
#: Words that carry a sentence on after a name, never its surname ("Jodie Were Fab",
#: "Dawn Ring Me Back").
_SENTENCE_WORDS = frozenset("""were was is are has have had would can could did does
ring call text phone email said says told us we me him her them you they it""".split())
#: The last words of a sign-off, after which a name that is also a word stands alone
#: at the end ("Love,\nRose x", "Take care,\nDawn", "Yours faithfully,\nHope").
_SIGN_OFFS = frozenset("""love regards wishes care thanks cheers faithfully sincerely truly
ever best from xx xxx""".split())
#: Surnames that are words, and more often words of the sentence after a name ("Sarah
#: Good", "Thanks John More"; "Mary Rose" is a given name, found as one).
_NOT_SURNAMES = frozenset("""good more long best hope love day said too such he high early
clear call carry case chance deal drop fall front job key light little mad main man merry
read short small story strong lay deep rich wise jolly mate pal friend person church house
kitchen field hand head land power law dash may grace rose jean drew frank guy ray lee dean
dale dick earl major grant chase gay corona salami safari divan raid nail cash fish blue
angel victory fortune urban gala gas glass justice melody sherry valentine winter wolf
north west noble ivy page austin carlisle chester houston kent lincoln madison paris
preston washington stanley jordan fair fete""".split())
#: Words before a given name that is a word and a surname that make them a thing's
#: name, not a person's: "St Helen Church", "the Summer Ball", "a Will Power course".
_THING_BEFORE = frozenset("st saint the a an this that".split())
#: Words for a person's role or relation after which a capitalised word that is no
#: common English word is a name ("our facilitator Folasade", "my son Tendai"),
#: as after a title.
_ROLE_WORDS = frozenset("""facilitator facilitators trainer trainers tutor presenter speaker
colleague husband wife son daughter mum mother dad brother neighbour grandson granddaughter
grandma grandad nan friend partner niece nephew cousin grandmother grandfather granddad physio
physiotherapist receptionist hca midwife pharmacist gp""".split())  # (not therapist,
# advocate, interpreter: "my therapist Tuesday slot", "my interpreter Google Translate")
#: Words for a person after which a word in lower case that nobody's list knows is a
#: name (:func:`_unknown_lower`: "my wife nyasha", "my mate tinashe", "the chair,
#: tafadzwa,"): the roles and titles that are words, and more that are only so here.
_LOWER_ROLES = _ROLE_WORDS | _WORD_TITLES | frozenset("""mate carer chair boyfriend girlfriend
fiance fiancee bestie neighbor""".split())
#: Roles in a group, after which a capitalised word that is no common English word is
#: a name when set off by a colon or a dash ("Harehills PPG (chair: Wilf Braithwaite)",
#: "secretary - Tsiory"); not after a space ("chair yoga", "Secretary General").
_SET_OFF_ROLES = frozenset("""chair chairman chairwoman chairperson vice-chair secretary
treasurer coordinator co-ordinator convenor convener organiser organizer lead manager
rep representative contact""".split())
#: Jobs a person does, after "was our" that say a person is meant ("Karen Street was
#: our facilitator"; not "is our partner", said of a church or a charity).
_JOB_ROLES = frozenset("""facilitator trainer tutor presenter speaker chair chairman
chairwoman chairperson secretary treasurer coordinator co-ordinator convenor convener
organiser organizer nurse doctor gp receptionist physio pharmacist midwife""".split())
#: Roles a person gives in brackets after their name ("Rufaro (carer)"), besides the
#: role words: words also used of things elsewhere ("carer support").
_BRACKET_ROLES = frozenset("""carer patient volunteer member chair champion parent
resident student staff""".split())
#: A person's pronouns in brackets, as people give them after their name.
_PRONOUNS = re.compile(r" \((?i:she|he|they|ze|xe)/(?i:her|him|them|hers|his|theirs|zir|xem)"
                       r"(?:/\w+)?\)")
#: What may stand between a role and a name: "our facilitator Folasade", "The
#: facilitator, Folasade, was", "Trainer: Folasade", "Speaker - Folasade".
_ROLE_GAPS = (" ", "  ", ", ", ": ", " - ", " (")  # ", " and " (" only with the name set off
#: Words after which the next word is a name, in any case ("ask for sarah").
_STRONG_INTROS = (("my", "name", "is"), ("my", "name"), ("my", "names"), ("name", "is"),
                  ("name",), ("names",), ("call", "me"), ("called",), ("ask", "for"),
                  ("asking", "for"), ("asked", "for"), ("speak", "to"), ("speak", "with"),
                  ("spoke", "to"), ("spoke", "with"), ("speaking", "to"), ("talk", "to"),
                  ("talked", "to"), ("talking", "to"), ("contact",), ("contacting",),
                  ("ring", "me"), ("ring",), ("phone",), ("text",), ("email",), ("e-mail",),
                  ("signed",), ("regards",), ("wishes",), ("from",), ("cc",),
                  ("led", "by"), ("run", "by"), ("facilitated", "by"), ("delivered", "by"),
                  ("presented", "by"), ("organised", "by"), ("organized", "by"),
                  ("hosted", "by"), ("chaired", "by"), ("introduced", "by"))
#: A job and "was" or "were", after which a word nobody's list knows or a given name is
#: a name ("Our facilitator was Tsiory", "Trainers were Lorraine Hall and ..."; not a
#: surname that is a word, "The facilitator was Sharp", "The trainer is Welsh").
_JOB_INTROS = (*((job, verb) for job in ("facilitator", "trainer", "tutor", "speaker",
                                         "presenter", "chair") for verb in ("was", "is")),
               *((jobs, "were") for jobs in ("facilitators", "trainers", "tutors",
                                             "speakers", "presenters")))
#: Those jobs, whose "was"/"were" says a person is meant before a place's word that is a
#: surname too ("Trainers were Lorraine Hall and ...").
_JOBS_INTRODUCE = frozenset(intro[0] for intro in _JOB_INTROS)
#: Words after which a capitalised word is a name ("thanks Rob", "I'm Priya").
_WEAK_INTROS = (("thanks",), ("thanks", "to"), ("thank", "you"), ("thank", "you", "to"),
                ("thank", "u"), ("thank", "u", "to"), ("thankyou",), ("thankyou", "to"),
                ("thanku",), ("thanx",), ("thnx",), ("thnks",), ("thanq",), ("thank-you",),
                ("tyvm",),
                ("thanks", "again"), ("thanks", "again", "to"), ("ty",), ("thx",), ("ta",),
                ("kudos",), ("kudos", "to"), ("shout", "out", "to"), ("shoutout", "to"),
                ("cheers",), ("hi",), ("hello",), ("dear",), ("love",), ("with",), ("by",),
                ("i'm",), ("i\u2019m",), ("im",), ("i", "am"), ("this", "is"), ("and",),
                *_JOB_INTROS,
                ("or",), ("to",), ("met",), ("meet",), ("ask",), ("tell",), ("told",),
                ("said",), ("says",))
#: The first words of greetings and thanks ("ty" and "ta" are thanks too).
_GREETING_FIRST = ("thanks", "thank", "cheers", "hi", "hello", "dear", "ty", "thx", "ta",
                   "kudos", "shout", "shoutout", "thankyou", "thanku", "thanx", "thnx",
                   "thnks", "thanq", "thank-you", "tyvm")
#: Thanks as people write it, which is never the first word of a name ("Thankyou Sarah").
_THANKS_WORDS = frozenset(i[0] for i in _WEAK_INTROS if i[0] in _GREETING_FIRST)
#: Thanks before a name, as people write it ("thanks", "thank you to", "thank u").
_THANKS_INTROS = frozenset(i for i in _WEAK_INTROS if i[0] in _THANKS_WORDS)
#: Each introduction and how sure it is: "strong" (any case after it), "greeting"
#: (a capitalised word after it), "weak" (a capitalised name of the gazetteer).
_INTRO_KINDS = {**{i: "weak" for i in _WEAK_INTROS},
                **{i: "greeting" for i in _WEAK_INTROS if i[0] in _GREETING_FIRST},
                **{i: "strong" for i in _STRONG_INTROS},
                **{i: "job" for i in _JOB_INTROS},
                **{i: "weak" for i in (("from",), ("email",), ("e-mail",), ("text",),
                                       ("phone",), ("ring",), ("called",), ("cc",))}}
_INTRO_LAST = frozenset(i[-1] for i in _INTRO_KINDS)
#: Strong introductions after which a word in lower case that nobody's list knows
#: (:func:`_unknown_lower`) is a name too ("led by tsiory", "regards\ntsiory", "run
#: by tsiory"; "run by zoom", "speak to someone" are known words), not "signed",
#: "wishes", "from", "contact" or "name" alone ("signed consent", "wishes matter").
_PERSON_INTROS = frozenset({("my", "name", "is"), ("name", "is"), ("my", "name"),
                            ("call", "me"), ("regards",)}) | frozenset(
    i for i in _STRONG_INTROS if len(i) == 2 and i[1] in ("by", "to", "with", "for"))
#: Introductions after which a word in lower case that nobody's list knows is a
#: name (:func:`_unknown_lower`): those of a person, and greetings ("thanks tsiory",
#: "cheers tsiory"; not "thanks sooo much", "thanks alot": known or no name's).
_LOWER_NAME_INTROS = _PERSON_INTROS | frozenset(
    i for i in _WEAK_INTROS if i[0] in _GREETING_FIRST) | {("called",)}
#: The introductions of ``_LOWER_NAME_INTROS`` and their last words ("name" of "my
#: name"), as the quick test, which reads an introduction from its first word, may meet them.
_LOWER_NAME_ENDS = frozenset(i[k:] for i in _LOWER_NAME_INTROS for k in range(len(i)))
#: Words after a capitalised word that make it a place or an organisation.
_PLACE_WORDS = frozenset("""ward wards road rd street st lane ln avenue ave close drive way
hospital infirmary centre center surgery practice medical health healthcare house court park
school college university library church chapel mosque temple gurdwara hall unit trust group
ppg pcn foundation clinic hospice building wing suite room square gardens terrace crescent
grove hill valley village estate fund project network partnership team service services club
society association forum syndrome disease scale test method model ladder award programme
program primary academy nursery community carers care home homes station bridge street's
ward's hospital's college's institute council campus district borough city town shopping
market arena stadium theatre cinema hotel pub inn bar cafe restaurant ltd limited plc uk
nhs icb ccg bay head point island isle falls water moor moors beach harbour port gate cross
wharf quay dock fields heath common end row place walk mews parade circus retail museum
gallery airport rule""".split())  # (and "Martha's Rule": an NHS policy, no person)
#: Words before a capitalised word that make it a place or an organisation.
_MONTHS = frozenset("may june april august january".split())
#: Words that ask to get in touch: never part of a name before a contact detail.
_CONTACT_WORDS = frozenset("""call ring text phone contact email e-mail message ask speak tel
mob mobile number me please or and""".split())
#: Words after which a capitalised common word is no name: "in May", "the Grace ward".
_NOT_BEFORE_NAMES = frozenset("""i we you they in of on at from to the a an this that our
my your their its his her""".split())
#: Words that end a run of capitalised name words.
_STOP = frozenset("""i a an the and or but if of in on at to for with from by as is was
are were be been it this that these those he she they we you my our your his her their its
not no yes so very really just also""".split()) | frozenset(
    f"i{mark}{end}" for mark in "'\u2019" for end in ("m", "ll", "ve", "d"))  # "I'll"
#: Of those, what neither a venue nor a service is or does ("Rose Hill welcomed us",
#: "Carers Leeds supported me", "the venue was friendly").
_ONLY_PERSON_VERBS = frozenset(
    "helped explained listened taught smiled reassured answered chaired".split())
_ONLY_PERSON_ADJECTIVES = frozenset("kind approachable knowledgeable passionate".split())
#: Verbs only a person does to others, after which an unknown capitalised word is a
#: name ("Babajide really helped me"), as "Parking was" is not.
_PERSON_VERBS = frozenset("""helped explained listened taught smiled welcomed supported
encouraged reassured answered chaired""".split())
#: Words that describe only a person after "was" or "is": an unknown capitalised word
#: before them is a name ("Tsiory was kind"); not those said of things too ("Lunch was
#: lovely", "Zoom was helpful", "Leeds was welcoming", "Co-production was inspiring").
_PERSON_ADJECTIVES = frozenset("""kind friendly approachable knowledgeable passionate
enthusiastic""".split())  # not "patient": the noun is in most answers here
#: Words after which the name rules look closer, as the quick test finds them.
_PERSON_AFTER = _PERSON_VERBS | _PERSON_ADJECTIVES
#: What may stand between a name and its verb (or the adverb before it).
_VERB_GAPS = (" ", "  ", "\n", " \n", "\n ", "\r\n")
#: Capitalised words before such a verb that make it a passive ("Felt welcomed").
_NOT_BEFORE_PERSON_VERBS = frozenset("felt feel feeling feels got get getting being".split())
#: Words that may stand between such a name and its verb.
_PERSON_ADVERBS = frozenset("really kindly clearly patiently always also so just even".split())
#: Words of praise after "was"/"is" that make a capitalised word nobody's list knows
#: before them a name ("Tsiory was lovely"; "Lunch was lovely" is a known word's).
_PRAISE = frozenset("""lovely helpful great brilliant amazing fantastic excellent wonderful
inspiring inspirational fab fabulous superb informative engaging welcoming supportive kind
friendly approachable knowledgeable knowledgable passionate enthusiastic patient funny warm
caring clear good nice awesome outstanding professional thoughtful
understanding""".split()) | frozenset(
    # and criticism, which "what could be improved" asks for ("Delroy was rude")
    """rude late patronising patronizing dismissive unhelpful abrupt condescending arrogant
impatient unprofessional disrespectful unfriendly sarcastic bossy useless rubbish awful
terrible horrible nasty unkind""".split())
#: Adverbs that may stand between "was" and a word of praise.
_PRAISE_ADVERBS = _PERSON_ADVERBS | frozenset(
    "very super incredibly extremely truly absolutely brilliantly quite rather too".split())
#: Praise as people type it, after a given name only ("jo was v helpful", "jo was
#: amazin", "sue rang me back", with a second adverb or letters typed over and over:
#: "jo was very very kind", "jo was soooo lovely"); after any capitalised word it took
#: apps, places and dishes for names ("Kooth was v helpful", "Zumba was the best",
#: "Ieso rang me back": a reader's attack, session 16).
_PRAISE_TYPED = frozenset("gr8 amazin brill".split())
_ADVERBS_TYPED = frozenset("v well dead proper".split())
_VERBS_TYPED = frozenset("rang phoned".split())
#: Seasons, given names too ("Summer", "Autumn"): not a name before praise as typed.
_SEASONS = frozenset("spring summer autumn winter".split())
#: A letter written three times or more ("soooo lovely", "amaaazing"), read once or
#: twice (:func:`_squeezed`).
_ELONGATED = re.compile(r"([a-z])\1{2,}")
#: Verbs of what a person does, after which a capitalised word nobody's list knows
#: is a name ("Tsiory made me feel welcome"), besides ``_PERSON_VERBS``.
_DOES_VERBS = frozenset("""made makes ran runs led leads gave gives showed shows shared
presented delivered hosted facilitated organised organized spoke talked took told asked
said says explains helps listens did sorted brought knew knows kept keeps ignored
shouted forgot interrupted put puts translated handed""".split())
#: Of those, the ones in the present tense, said of things as well as of people ("Hope
#: helps", "Faith gives me strength"): not after a name that is also a word.
_PRESENT_VERBS = frozenset(w for w in _DOES_VERBS if w.endswith("s"))
#: Where someone works, after "from"/"at"/"on" (and "the"): a capitalised word
#: nobody's list knows before it is a name ("Chipo from reception was so helpful").
_WORKPLACES = frozenset("""reception pharmacy admin council surgery office desk ward team
practice hospital clinic healthwatch ccg icb pals door security""".split())  # (not the
# church, the school, the cafe …: "Hope from the church gave me strength", "Ivy on the
# church wall" were taken for people, a reader's attack on a longer list, session 14)
#: "was" and "is" as they are typed ("Tendai ws lovely", "Chipo ur a gem").
_WAS_WORD = frozenset("was is ws woz wos wuz".split())
_WAS_WORDS = _WAS_WORD | {"were"}
#: The words with which praise of a person after a name begins, as ``praised`` (in
#: :func:`_name_spans`) reads it: "was" ("Tsiory was kind"), a verb, "from" ...
_PRAISE_NEXT = frozenset({"from", "at", "on", "thank", "thanks", "cheers"}) | _WAS_WORDS \
    | _PERSON_VERBS | _DOES_VERBS | _PERSON_ADVERBS | _PRAISE | _VERBS_TYPED
#: Nouns of praise after "is a"/"was a": "Chipo is a legend".
_PRAISE_NOUNS = frozenset("""legend star gem diamond hero superstar credit treasure
asset angel laugh pleasure""".split())
#: Closing quotes, which may stand between a name and what follows ('"Tsiory" was kind').
_CLOSING_QUOTES = "\"'\u2019\u201d"
#: What sets a name off before thanks or praise of a role ("Tsiory, thank you",
#: "Tsiory: brilliant facilitator", "Tsiory - thanks").
_SET_OFF = (", ", ": ", " - ", "! ", ",  ", " -  ", ",\n", ":\n")
#: "You are" as typed, after a name set off: the person spoken to ("Dawn, you're a
#: diamond").
_YOU_ARE = frozenset(("you're", "youre", "you\u2019re", "ur"))
#: Words of thanks after a name set off ("Tsiory, thanks").
_THANKS = frozenset("thank thanks cheers".split())
#: Of ``_PRAISE_NEXT``, the words that begin praise alone ("tendai helped", "tendai,
#: thanks"), and for each of the others the words one of which must follow it.
_PRAISE_ALONE = _THANKS | _PERSON_VERBS | _DOES_VERBS | _VERBS_TYPED
_WHERE = frozenset(("from", "at", "on"))
_PRAISE_NEXT_NEXT = {
    **{w: _ROLE_WORDS for w in _PRAISE},  # "chipo: brilliant facilitator"
    **{w: _PERSON_VERBS | _DOES_VERBS for w in _PERSON_ADVERBS},  # "tendai really helped"
    **{w: _WORKPLACES for w in _WHERE},  # "chipo on reception"
    **{w: _PRAISE | _PRAISE_TYPED | _PRAISE_ADVERBS | _ADVERBS_TYPED | {"a", "the"}
       for w in _WAS_WORDS},
}
#: Words before a capitalised word inside a sentence that make it a thing or a place
#: ("at the Mencap office", "in Seacroft"), not a person.
_BEFORE_THINGS = frozenset("the a an at in on into via using".split())
#: Words after which a word in lower case begins a clause, as after a full stop
#: ("Good day and tendai was lovely", "but chipo on reception could not help"), a kiss
#: or a laugh among them ("Great session x tendai was lovely").
_CLAUSE_JOINERS = frozenset(
    "and but so because cos coz as also plus then x xx xxx lol haha".split())
#: "I" with what may follow it, capitalised by everyone who capitalises nothing else.
_I_WORDS = frozenset(f"i{a}{t}" for a in ("'", "\u2019") for t in ("m", "ve", "ll", "d")) \
    | {"im", "ive"}
#: Words after which a word in lower case is a thing, not a person ("the scran was
#: lovely", "a menti was fun"); "our" is not among them ("our tendai" is Leeds for a
#: sister or a son).
_DETERMINERS = frozenset("the a an this that these those some any".split())
#: Digits written for words, between an introduction and a name ("speak 2 kuda",
#: "ask 4 kuda"), as the name rules read them.
_TEXT_SPEAK = {"2": "to", "4": "for"}


@lru_cache(maxsize=1)
def _gazetteer():
    return load_gazetteer()


#: A surname's shape: Mc, Mac, Fitz, O', D' or Al-, El-, Abdel- … before a capitalised
#: rest (the rest, group 1, no English word: "MacBook" is no name).
_SURNAME_SHAPE = re.compile(
    r"\b(?:Mc|Mac|Fitz|O['\u2019]|D['\u2019]|(?:Al|El|Abd|Abdel|Abdul|Abu|Ben|Bin|Ul)-)"
    r"([A-Z][a-z]+)")


_ARABIC_PREFIX = re.compile(r"(?:Al|El|Abd|Abdel|Abdul|Abu|Ben|Bin|Ul)-")
#: The first two characters of a word of a surname's shape: a cheap test before
#: :data:`_SURNAME_SHAPE`.
_SHAPE_STARTS = frozenset(("Mc", "Ma", "Fi", "O'", "D'", "O\u2019", "D\u2019", "Al", "El",
                           "Ab", "Be", "Bi", "Ul"))


def _shaped_surname_in(text: str) -> bool:
    """Whether a word of the text is shaped as a surname (:data:`_SURNAME_SHAPE`: its
    rest no English word), as the name rules take one.

    Examples
    --------
    >>> _shaped_surname_in("MacKenzie was great"), _shaped_surname_in("my MacBook")
    (True, False)
    """
    if not ("Mc" in text or "Mac" in text or "Fitz" in text or "O'" in text or "D'" in text
            or "O\u2019" in text or "D\u2019" in text
            or ("-" in text and _ARABIC_PREFIX.search(text) is not None)):
        return False  # (the cheap tests first: most answers have none of these)
    return any(fold(m.group(1).lower()) not in english_words()
               for m in _SURNAME_SHAPE.finditer(text))
_IS_WORDS = _WAS_WORD | frozenset(("ur", "you're", "youre", "u're"))
#: Words that go on after a person's name in a sentence (:func:`_name_spans`' person_next).
_PERSON_NEXT = frozenset("""and was is were are has had have from at on who said says
told came comes went will would did does could can ran runs led leads gave made helped
explained of in with to for""".split()) | _WAS_WORDS


def _key(word: str) -> str:
    """The word in lower case, a curly apostrophe straight ("O\u2019Neill"), without a
    possessive "'s"."""
    key = word.lower().replace("\u2019", "'")
    if key.endswith(("'s", "\u2019s")):
        key = key[:-2]
    return key


def _name_like(key: str) -> bool:
    """Whether a word (its key, in lower case) could be a name beside a role, a title
    or a person's verb, as the quick test takes one: no stop word, and no common word
    unless a given name (a name of the gazetteer is never a common word).

    Examples
    --------
    >>> _name_like("tsiory"), _name_like("will"), _name_like("session"), _name_like("the")
    (True, True, False, False)
    """
    return key not in _STOP and (key not in _gazetteer().common_words
                                 or key in _gazetteer().given_common or _worded_surname(key))


def _signed_surname(key: str) -> bool:
    """A surname, also one that is a word or a place's ("heath", "hill", "baker"), as
    the second word of a name after thanks or a sign-off ("Kind regards, Dawn Heath");
    not a word more often of the sentence ("Thanks, Will Do", "Best wishes, Good Luck").

    Examples
    --------
    >>> _signed_surname("heath"), _signed_surname("hill"), _signed_surname("luck")
    (True, True, False)
    """
    gaz = _gazetteer()
    return key not in _NOT_SURNAMES and key not in _STOP and key not in _SENTENCE_WORDS and (
        key in gaz.surnames or key in gaz.surnames_common or key in _SURNAME_PLACE_WORDS)


def _worded_surname(key: str) -> bool:
    """A surname that is also a word, and more often a surname than a word of the
    sentence or a place's ("baker", "walker"; not "good", "hall").

    Examples
    --------
    >>> _worded_surname("baker"), _worded_surname("good"), _worded_surname("hall")
    (True, False, False)
    """
    return key in _gazetteer().surnames_common and key not in _NOT_SURNAMES \
        and key not in _PLACE_WORDS


#: Words of the module's lists that are nobody's unknown name either (stop words,
#: places, roles, titles, months), besides :func:`~coprod_analysis.clean.gazetteer.known_words`.
_KNOWN_HERE = _STOP | _PLACE_WORDS | _ROLE_WORDS | _TITLES | _WORD_TITLES | _SHORT_WORD_TITLES \
    | _MONTH_WORDS


def _is_known(key: str) -> bool:
    """Whether a word in lower case is nobody's unknown name: an English word, a known
    place or brand, a name or word of the gazetteer, or one of the module's lists."""
    return key in known_words() or key in _KNOWN_HERE


def _unknown_run(run: str) -> bool:
    """Whether a run of letters that starts with a capital, as the quick test finds
    it ("Tsiory", "TSIORY", the "Tsiory" of "Tsiory's"), is a word nobody's list
    knows (:func:`_is_known`): ASCII letters, three or more.

    Examples
    --------
    >>> _unknown_run("Tsiory"), _unknown_run("OYINKANSOLA"), _unknown_run("Lunch")
    (True, True, False)
    >>> _unknown_run("Leeds"), _unknown_run("Teams"), _unknown_run("Sarah"), _unknown_run("Mo")
    (False, False, False, False)
    """
    return len(run) > 2 and run.isascii() and not _is_known(run.lower())


def _unknown_in(runs: list[str]) -> bool:
    """Whether any of ``runs`` (capitalised runs of letters) is :func:`_unknown_run`."""
    return any(map(_unknown_run, runs))


@lru_cache(maxsize=1)
def _plain_capitalised() -> frozenset[str]:
    """Runs of letters that are no name or title of :func:`_trigger_words` and no
    unknown word (:func:`_unknown_run`), as most are found: the words of
    :func:`_is_known` capitalised ("Lunch") and, up to five letters, in capitals
    ("NHS", "CCG"); runs of two letters ("GP"). An answer whose capitalised runs
    are all here holds neither (one look-up for most answers)."""
    known = [*known_words(), *_KNOWN_HERE]
    plain = set(map(str.capitalize, known))
    plain.update(map(str.upper, [w for w in known if len(w) <= 5]))
    plain.update(a + b for a in _LETTERS.upper() for b in _LETTERS + _LETTERS.upper())
    trigger = _trigger_words()
    plain -= trigger
    plain.difference_update(map(str.upper, trigger))
    return frozenset(plain)


@lru_cache(maxsize=65536)
def _misspelt(key: str) -> bool:
    """Whether a word in lower case that nobody's list knows is one slip away from an
    English word: two letters next to each other swapped, one left out, or one too
    many ("teh", "hosptal", "applynig", "wating"). A word of six letters or more is
    compared with every English word; a shorter one only with the most common words
    and stop words, as short names are often a slip away from a rarer word ("Ade",
    "Tolu"), and never as one letter too many: one of ten short given names is a
    common word and a letter ("Naila", "nail"; "Alex", "ale"), two in a hundred
    with two letters swapped or one left out. A letter written wrong is no slip
    here ("Moyo" is not "mayo"). Kept per word: the name rules ask of one word up
    to four times.

    Examples
    --------
    >>> _misspelt("teh"), _misspelt("hosptal"), _misspelt("naymore"), _misspelt("tsiory")
    (True, True, True, False)
    >>> _misspelt("moyo"), _misspelt("rakoto"), _misspelt("oyinkansola"), _misspelt("naila")
    (False, False, False, False)
    >>> _misspelt("wat"), _misspelt("thhe")  # short: a letter left out counts, one too many not
    (True, False)
    """
    long = len(key) >= 6
    words = english_words() if long else _common_and_stop()
    slips = {key[:i] + key[i + 1] + key[i] + key[i + 2:] for i in range(len(key) - 1)}
    if long:
        slips.update(key[:i] + key[i + 1:] for i in range(len(key)))
    slips.update(key[:i] + c + key[i:] for i in range(len(key) + 1) for c in _LETTERS)
    return not words.isdisjoint(slips)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def _common_and_stop() -> frozenset[str]:
    return _gazetteer().common_words | _STOP


def _unknown_lower(key: str) -> bool:
    """Whether a word in lower case could only be a name after an introduction of a
    person or a greeting (``_LOWER_NAME_INTROS``) or a role ("my friend TSIORY"):
    letters only, three or more, a vowel among them ("ppl" is none), no letter three
    times running ("sooo"), not ending
    as a verb or an adverb mostly does ("-ed", "-ing", "-ly": "my mum ATTENDED"),
    a word nobody's list knows (:func:`_is_known`: no English word, no place), and
    no slip of the keys on an English word (:func:`_misspelt`).

    Examples
    --------
    >>> _unknown_lower("tsiory"), _unknown_lower("zoom"), _unknown_lower("healthwatch")
    (True, False, False)
    >>> _unknown_lower("attended"), _unknown_lower("enjoying"), _unknown_lower("sooo")
    (False, False, False)
    >>> _unknown_lower("applynig"), _unknown_lower("naymore")  # slips of the keys
    (False, False)
    """
    if _is_known(key):  # most words asked of: the quick way out
        return False
    return len(key) > 2 and key.isalpha() and not key.endswith(("ed", "ing", "ly")) \
        and _TRIPLED.search(key) is None and not _VOWEL.isdisjoint(key) and not _misspelt(key)


def _two_words(key: str) -> bool:
    """Whether a word in lower case is two English words of three letters or more run
    together, or one and "id" ("recordeddate", "startdate", "responseid"), as
    headers are written.

    Examples
    --------
    >>> _two_words("recordeddate"), _two_words("tsiory"), _two_words("responseid")
    (True, False, True)
    """
    words = english_words()
    return (key.endswith("id") and key[:-2] in words) or any(
        key[:i] in words and key[i:] in words for i in range(3, len(key) - 2))


def _unknown_lower_first(key: str) -> bool:
    """:func:`_unknown_lower` of a word's part before its first hyphen, as the quick
    test reads the run of a-z after an introduction or a role ("my wife nyasha-rose").

    Examples
    --------
    >>> _unknown_lower_first("nyasha-rose"), _unknown_lower_first("mum-in-law")
    (True, False)
    """
    return _unknown_lower(key.partition("-")[0])


#: Letters one of which a name has (not "ppl", "thx", "txt").
_VOWEL = frozenset("aeiouy")
#: A letter three times running: "sooo", "xxx" (no name's).
_TRIPLED = re.compile(r"(.)\1\1")


def _spoken_capitals(word: str) -> bool:
    """Whether a word in capitals reads as a name more than an abbreviation: four
    letters or more, two of them vowels ("TSIORY", "KEMI"; not "LTHT", "MECC",
    "CAMHS").

    Examples
    --------
    >>> _spoken_capitals("TSIORY"), _spoken_capitals("KEMI"), _spoken_capitals("MECC")
    (True, True, False)
    """
    return len(word) > 3 and word.isupper() and sum(map(word.lower().count, "aeiouy")) > 1


def _is_title_case(word: str) -> bool:
    """Capitalised, not all capitals: "Sarah", "McDonald", "O'Brien"."""
    return word[0].isupper() and not word.isupper()


#: Conditions named after a person (in lower case, as words are keyed), kept with
#: "'s" or before a word such as "disease": "Parkinson's", "Crohn's disease".
_EPONYMS = frozenset("""addison alport alzheimer angelman asperger baker barrett batten bell
behcet bright charcot-marie-tooth creutzfeldt-jakob crohn cushing down dravet duchenne
dupuytren edwards ehlers-danlos ewing fabry friedreich gaucher graves guillain-barre hashimoto
hirschsprung hodgkin huntington kaposi kawasaki klinefelter legionnaires lewy marfan meniere
munchausen noonan osgood-schlatter paget patau perthes peyronie pompe prader-willi raynaud
rett reye sjogren stargardt still sydenham tay-sachs tietze tourette turner usher wilms
wilson wolff-parkinson-white parkinson""".split())
#: Words after a person's name that make it a condition ("Crohn's disease", "Lewy body").
_CONDITION_WORDS = frozenset("""disease diseases syndrome palsy dementia body bodies ataxia
chorea sarcoma lymphoma phenomenon dystrophy contracture cyst tumour tumor""".split())
#: Charities, services and places named after a person, that people in Leeds name in
#: feedback: "Marie Curie nurses", "the Sue Ryder hospice", "the Rob Burrow Centre".
_NAMED_ORGS = frozenset(tuple(pair.split()) for pair in (
    "marie curie", "sue ryder", "martin house", "herbert protocol", "ronald mcdonald",
    "rob burrow", "mary seacole", "florence nightingale", "nye bevan", "wheatfields hospice",
    # countries whose names hold a name ("I am from Sierra Leone", "Costa Rica")
    "sierra leone", "costa rica", "puerto rico", "el salvador", "sri lanka", "hong kong",
    "south africa", "new zealand", "saudi arabia", "san marino", "burkina faso",
    "cape verde", "south sudan", "north macedonia", "east timor"))
_NAMED_ORG_WORDS = frozenset(word for pair in _NAMED_ORGS for word in pair)
#: Place's words that are as often a surname ("Sarah Ward", "Tom Hall", "Amy Hill"):
#: after a given name, a person's name where something says a person is meant
#: (``person_cued`` in :func:`_name_spans`).
_SURNAME_PLACE_WORDS = frozenset(
    "ward hall hill church lane cross heath fields bridge street field brook".split())
#: Given names that name places more than people before a place's word: queens,
#: princes and those the halls and parks of the county are named after ("Victoria
#: Hall", "Albert Hill", "Stanley Hall"); a saint's has "St" before it.
_PLACE_GIVEN = frozenset("""victoria albert alexandra elizabeth stanley clarence leopold
adelaide augusta beatrice winston wesley royal king queen prince princess duke""".split())
#: Words before a given name and a place's word as often a surname that say a person
#: is meant ("thanks Amy Hall", "ask Sarah Ward", "with Tom Hill"), and words before
#: "to" that do ("thanks to", "speak to"; not "went to").
_CUE_BEFORE_PERSON = frozenset("""thanks thank cheers ta ask asked call ring rang email
emailed contact contacted with by met meet signed regards""".split())
_CUE_TO_PERSON = frozenset("""thanks thank speak spoke talk talked chat chatted write wrote
listen listened reach""".split())
#: Words after such a name that say a person is meant ("Sarah Ward from the PPG").
_CUE_AFTER_PERSON = frozenset("from who said says told asked and".split())
#: Thanks, whatever words come between it and a name ("Thanks so much Dawn Heath").
_THANKS_ONLY = _THANKS_WORDS - {"dear", "hello", "hi"}
#: Words that carry thanks on before a name ("Thanks so much", "Thank you ever so much",
#: "Thanks to the lovely", "Thanks for everything", "Thanks again", "Thank you from").
_THANKS_GO_ON = frozenset("""so very much a lot million again ever really you u to for
everything all both the lovely wonderful amazing fab brilliant great especially esp also
and from""".split())
#: What a venue does, after "for" ("Thanks to Rose Hill for hosting"): any other word of
#: doing there is a person's ("Thanks to Dawn Heath for chairing", "for sorting my
#: prescription").
_VENUE_GERUNDS = frozenset("""hosting having letting lending housing accommodating providing
opening welcoming being offering giving making catering supplying parking booking""".split())
#: What follows a word of doing, its object or the word that takes one ("for sorting my
#: prescription", "for listening to me"; not "for evening sessions").
_DOING_OBJECTS = frozenset("""me my us our the it everything all out up this that things so
and with her him them your to about on in over through round around back""".split())
#: Sign-offs that are no introduction of the name rules, where a line begins, before
#: their comma or line break ("Love,\nRose Green x", "Take care, Dawn Heath", "All the
#: best,\nFrank Hill"; not "Day care\nGeorge Street").
_CLOSINGS = tuple(tuple(c.split()) for c in (
    "love", "lots of love", "with love", "much love", "take care", "all the best", "best",
    "best wishes", "warm wishes", "yours truly", "sincerely", "yours sincerely",
    "speak soon", "stay safe", "see you soon", "see you later", "ta ra", "ta-ra"))
_CLOSING_ENDS = frozenset(closing[-1] for closing in _CLOSINGS)
#: What a person is called after their name, no surname ("Cheers Mark mate").
_CALLED = frozenset("mate pal friend love luv hun dear chuck pet man guy bro".split())
#: Sign-offs after which a given name that is a word, in lower case, ends an answer:
#: its writer's name ("love jean x", "very informative\nfrom pat"; thanks and "cheers"
#: are read as greetings).
_SIGNING_WORDS = frozenset("love from".split())
#: Verbs after "Will" that make it the promise, not the name ("Thanks, Will Do", "Cheers,
#: Will try").
_WILL_VERBS = frozenset("do be try see let get pass keep call come join bring send look".split())
#: What joins the names of a list, besides "and" ("Dawn Heath & Frank Hill").
_LIST_MARKS = frozenset(("&", ",", "+", "/", ";"))
#: Words that join the names of a list besides its marks ("Dawn Heath, also Frank Hill",
#: "Dawn Heath as well as Frank Hill", "Dawn Heath n Frank Hill", "to Dawn Heath and to
#: Frank Hill").
_LIST_WORDS = (("as", "well", "as"), ("and", "also"), ("and", "to"), ("and",), ("also",),
               ("n",), ("plus",))  # (the longest first: "and also" before "and")
#: What starts a line of a list, after its line break ("Thanks to:\n- Dawn Heath").
_BULLETS = frozenset(("", "-", "*", "\u2022", "\u2013"))
#: What may stand between an introduction and its name: spaces, a comma or colon, a
#: line break and a list's bullet ("Thanks to:\n- Dawn Heath").
_INTRO_GAP = " ,:\r\n" + "".join(sorted(_BULLETS))
#: A list's numbering where a line begins ("1.", "2)", "(3)", "4:").
_NUMBERING = re.compile(r"\(?\d{1,2}[.):]?")


def _bullet(mark: str) -> bool:
    """``mark``, what begins a line before its first word, is nothing, a bullet or a
    list's numbering.

    >>> [_bullet(m) for m in ("", "-", "2.", "(3)", "10)", "2024.", "Tel:")]
    [True, True, True, True, True, False, False]
    """
    return mark in _BULLETS or _NUMBERING.fullmatch(mark) is not None


def _intro_gap(between: str) -> bool:
    """``between`` may stand between an introduction and its name: spaces, a comma or
    colon, line breaks and, where the last line begins, a bullet or numbering
    ("Thanks to:\n1. Dawn Heath")."""
    if between.strip(_INTRO_GAP) == "":
        return True
    head, newline, line = between.rpartition("\n")
    return newline != "" and head.strip(_INTRO_GAP) == "" and _bullet(line.strip())
#: Words after which a name ends a sentence of thanks ("Thank you for all your help
#: Dawn Heath", "Thank you so much for everything Dawn Heath", "... Especially Dawn
#: Heath"; not "you": "Thank you Rose Hill, lovely venue").
_THANKS_CLOSE = frozenset("""help support everything kindness patience time again kindly
especially esp particularly particular much lot work care efforts dedication""".split())
#: Words that say an answer speaks of venues, where a given name and a place's word
#: (``_PLACE_WORDS``) are taken for a person's name only next to thanks or a sign-off
#: ("Thanks to all the venues, especially Carlton Hill", "Thanks to our venues:\n- Scott
#: Hall", "Venue was great.\nCarlton Hill - thank you so much!").
_VENUE_WORDS = frozenset("""venue venues site sites centre centres center centers location
locations premises building buildings hosting hosted""".split())
#: Words of thanks that a name may end the sentence of, further on ("Thanking you,
#: Dawn Heath").
_THANKS_SAID = _THANKS_ONLY | {"thanking", "grateful"}
#: Words before a place's name that say a way or a place is meant, besides
#: ``_PLACE_CUES`` ("ON GREAT GEORGE STREET", "THE WALK UP BRANDON HILL", "PARKING
#: BEHIND ...", "VENUE - SCOTT HALL").
_WAY_CUES = frozenset("""great upper lower down up by behind around round along off past
venue location parking""".split())
#: A number after a word ("Ward 12").
_NUMBER_AFTER = re.compile(r"[ \t]*\d")
#: Kisses after a name ("Faith Brook x").
_KISSES = frozenset(("x", "xx", "xxx"))
#: Place words that are a surname after a given name, where only a person can be meant
#: ("Kind regards, Dawn Heath": given_and_surname in :func:`_name_spans`); not a ward,
#: named after flowers and people
#: ("Thanks to Poppy Ward", "Alice Ward"), a church, or a street, lane or bridge, named
#: after people too ("George Street", "Duncan Street").
_SIGNED_PLACE_SURNAMES = frozenset("hall hill cross heath fields field brook".split())
#: Roles of one person, set off after a name ("Dawn Heath, volunteer"; not "Rose Hill -
#: staff were amazing").
_ONES_ROLES = _ROLE_WORDS | _SET_OFF_ROLES | _JOB_ROLES | (_BRACKET_ROLES - {
    "staff", "member", "resident", "student"})
#: Sign-offs before a name, a comma or a line break between ("Kind regards, Margaret
#: Hall").
_SIGN_OFF_CUES = frozenset("regards wishes signed yours sincerely faithfully thanks".split())
#: Introductions of thanks or a sign-off, after which a given name and a surname that
#: are words are a person's (not "Dear", "Hello": "Dear Willow Ward").
_THANKS_OR_SIGN_OFF = frozenset(
    intro for intro in _INTRO_KINDS
    if intro[0] in _THANKS_ONLY or intro[-1] in _SIGN_OFF_CUES)
#: Words before a given name that make it, with a place's word after it, a place's
#: name: "at Sarah Hall", "the Amy Ward", "St Helen Church".
_PLACE_CUES = frozenset("""st saint the at in on into onto near opposite inside outside via
towards""".split())
#: Countries of one word, some of them surnames or given names too ("Poland", "France",
#: "Chad"): a place where no given name (of the gazetteer, no common word) says otherwise.
_COUNTRIES = frozenset("""afghanistan albania algeria andorra angola argentina armenia
australia austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize
benin bhutan bolivia bosnia botswana brazil brunei bulgaria burundi cambodia cameroon canada
chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti
dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru
nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama
paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
seychelles singapore slovakia slovenia somalia somaliland spain sudan suriname sweden
switzerland syria taiwan tajikistan tanzania thailand togo tonga tobago trinidad tunisia
turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen
zambia zimbabwe england scotland wales britain""".split())
#: Names that, with "'s", are what Leeds calls a hospital: "Jimmy's" is St James's.
_NICKNAMED_PLACES = frozenset({"jimmy"})
#: What a person has, after a name and "'s" ("Jimmy's talk"): a person, not a place.
_A_PERSONS = frozenset("""talk talks session story presentation slides idea ideas point points
question questions help support energy humour humor enthusiasm wife husband partner mum mam
dad son daughter kids family friend""".split())
#: Of the place's words, what a person leads or has, after a given name and "'s"
#: ("Nadia's group", "Sarah's team", "Imran's point", "Sanjay's way"; "Maggie's centre"
#: and "Jimmy's ward" stay places).
_A_GROUPS = frozenset("""group groups team teams point points project projects room way
service club end community network programme table class health home""".split())
#: Of ``_A_PERSONS``, what a condition has too, before what it has it in:
#: "Parkinson's support group" (not "Wilson's support was brilliant": a person's).
_A_CONDITIONS = frozenset("support help".split())
_CONDITION_SUPPORT = frozenset("""group groups network networks line lines service services
worker workers nurse nurses charity meeting meetings team""".split())
#: Names that are also things that help or keep a person going ("Faith helped me cope",
#: "Hope kept me going"): where a sentence begins, no name before what such a thing does
#: (``_ABSTRACT_VERBS``), as before what only a person does ("Joy explained the forms").
_ABSTRACT_NAMES = frozenset("""faith hope joy patience charity mercy trust love peace
harmony destiny""".split())
_ABSTRACT_VERBS = frozenset("helped kept gave made brought got carried pulled".split())
#: The words whose place :func:`_name_spans`'s ``is_place`` looks up one by one.
#: Given names that are virtues, two of which together are no people ("Faith and Grace
#: are important").
_VIRTUES = _ABSTRACT_NAMES | frozenset("grace honour glory harmony serenity justice".split())
_PLACE_LIKE = _NICKNAMED_PLACES | _EPONYMS | _NAMED_ORG_WORDS | _COUNTRIES
#: Letters joined by hyphens ("Min-jun").
_WORD_PARTS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _surname_only(key: str) -> bool:
    """A surname of the gazetteer that is no English word, common or not ("farah",
    "zhang"; not "hall" or "brown")."""
    gaz = _gazetteer()
    return key in gaz.surnames and gaz.is_name(key) and key not in gaz.dict_words \
        and key not in gaz.common_words and key not in english_words()


def _name_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of people's names (see the module docstring)."""
    gaz = _gazetteer()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not words:
        return []
    keys = [_key(w) if "'" in w or "\u2019" in w else w.lower() for _, _, w in words]
    if not text.isascii():
        keys = [fold(k) for k in keys]
    n = len(words)
    caps = sum(1 for _, _, w in words if w[0].isupper())
    # Headline Style Or ALL CAPS text: most words capitalised, counting only words some
    # list knows (a list of names nobody's list knows, "Tendai, Farai, Rudo - all fab",
    # is no headline)
    title_text = n >= 4 and caps / n > 0.6
    if title_text:
        listed = [w for (_, _, w), k in zip(words, keys, strict=True) if _is_known(k)]
        title_text = len(listed) >= 3 and sum(
            1 for w in listed if w[0].isupper()) / len(listed) > 0.6
    # all in lower case: "i think lucy did well" (as the quick test sees it: no capital
    # anywhere, "iPhone" included)
    lower_text = n >= 3 and caps == 0 and text.islower()
    upper_text = not any(c.islower() for c in text)  # ALL IN CAPITALS, as some forms are typed
    venue_talk = not _VENUE_WORDS.isdisjoint(keys)  # the answer speaks of venues

    def is_given(key: str) -> bool:
        """A given name that is no common word, also hyphenated: "Mary-Kate", "Jo-Anne"."""
        if key in gaz.common_words:
            return False
        if key in gaz.given:
            return True
        parts = key.split("-")
        return len(parts) > 1 and parts[0] in gaz.given and all(
            p in gaz.given or p in gaz.given_common for p in parts[1:])

    def gap(i: int) -> str:
        """The text between word i-1 and word i."""
        return text[words[i - 1][1]:words[i][0]] if i > 0 else text[:words[0][0]]

    def sentence_start(i: int) -> bool:
        before = gap(i).strip(" \"'\u2018\u201c")
        return i == 0 or (before[-1:] in (".", "!", "?", "\n", ":", "-", ";") if before
                          else False) or "\n" in gap(i)

    def clause_start(i: int) -> bool:
        """Word i begins a sentence, or a clause: after a joining word, or after any
        mark but a quote (",", "(", ":)", an emoji)."""
        return sentence_start(i) or gap(i).strip(" \"'\u2018\u2019\u201c\u201d") != "" or (
            keys[i - 1] in _CLAUSE_JOINERS and gap(i) == " ")

    sentence_cased: list[bool] = []

    def sentence_case() -> bool:
        """The text has capitals only where a sentence begins, on "I" and in words all
        in capitals ("Great session tendai was lovely", "NHS"): its writer (or phone)
        capitalises no name, so lower case says nothing. Worked out once, if asked."""
        if not sentence_cased:
            sentence_cased.append(n >= 3 and all(
                w[0].islower() or w.isupper() or sentence_start(i)
                or keys[i] in _I_WORDS for i, (_, _, w) in enumerate(words)))
        return sentence_cased[0]

    covered = [any(a < e and s < b for a, b in taken) for s, e, _ in words] if taken \
        else [False] * n

    def in_taken(i: int) -> bool:
        return covered[i]

    local = local_words()
    lower_given, praised_given = _lower_given(), _praised_given()

    def is_place(i: int, j: int) -> bool:
        """Words i..j-1 name a place or organisation."""
        if i > 0 and keys[i - 1] in ("st", "saint") and gap(i) in (" ", ". ", "."):
            return True
        key = keys[i]
        if j == i + 1 and (key in local or key in _PLACE_LIKE
                           or (key[-1:] == "s" and key[:-1] in _EPONYMS)):
            after_title = i > 0 and keys[i - 1] in _TITLES
            if key in local and not after_title:
                return True  # a place in or around Leeds ("from Morley", "in Middleton")
            if key in _NICKNAMED_PLACES and words[i][2][-2:] in ("'s", "\u2019s"):
                # "at Jimmy's", "Jimmy's cancer unit" (St James's), not "Jimmy's talk"
                return not (j < n and gap(j) == " " and keys[j] in _A_PERSONS)
            if (key in _EPONYMS or key.removesuffix("s") in _EPONYMS) and not after_title \
                    and (words[i][2][-2:] in ("'s", "\u2019s") or key.endswith("s")
                         or "-" in key or (j < n and keys[j] in _CONDITION_WORDS)
                         or (i > 0 and keys[i - 1] in ("has", "have", "had", "with", "of"))) \
                    and not (i > 0 and _is_title_case(words[i - 1][2]) and gap(i) == " "
                             and (is_given(keys[i - 1]) or keys[i - 1] in gaz.given_common)):
                # a condition named after a person: "Parkinson's", "Crohn's disease", "Lewy
                # body", "Ehlers-Danlos"; not "Mr Parkinson's talk", "Sue Parkinson's group"
                # ("Parkinson's support group": the condition's)
                return not (j < n and gap(j) == " " and keys[j] in _A_PERSONS
                            and not (keys[j] in _A_CONDITIONS and j + 1 < n
                                     and keys[j + 1] in _CONDITION_SUPPORT))
            if key in _COUNTRIES and ((not is_given(key) and key not in gaz.given_common)
                                      or (i > 0 and keys[i - 1] in ("from", "in", "to"))):
                return True  # "I am from Poland", "moved to France", "from Israel"
            if key in _NAMED_ORG_WORDS and (
                    (j < n and (key, keys[j]) in _NAMED_ORGS and gap(j) == " ")
                    or (i > 0 and (keys[i - 1], key) in _NAMED_ORGS and gap(i) == " ")):
                return True  # a charity or a place named after a person ("Marie Curie")
        if i > 0 and keys[i - 1] in _ALL_TITLES and words[j - 1][2][-2:] in ("'s", "\u2019s"):
            return False  # a person's: "to Dr Singh's clinic", "Sister Mary's ward"
        if j == i + 1 and j < n and keys[j] in _A_GROUPS and words[i][2][-2:] in (
                "'s", "\u2019s") and key not in _PLACE_GIVEN and (
                is_given(key) or key in gaz.given_common or unknown(i)):
            return False  # what a person leads or has: "Nadia's group", "Sanjay's way"
        return bool(j < n and keys[j] in _PLACE_WORDS and gap(j) in (" ", "-"))

    def capitalised_word(i: int, known: bool = False) -> bool:
        """Word i could be a name by its look (title case, not a stop/common word)."""
        word, key = words[i][2], keys[i]
        if not _is_title_case(word) or key in _STOP:
            return False
        if known:
            return gaz.is_name(key) or key in gaz.given_common
        return (key not in gaz.common_words or key in gaz.given or key in gaz.surnames
                or key in gaz.given_common)

    def caps_name(i: int) -> bool:
        """Word i, in capitals, is a name of the gazetteer that is no English word."""
        key = keys[i]
        return words[i][2].isupper() and gaz.is_name(key) and key not in gaz.dict_words \
            and key not in gaz.common_words and key not in _MONTH_WORDS

    known = known_words()

    def unknown(i: int) -> bool:
        """Word i starts with a capital and a run of letters nobody's list knows
        ("Tsiory", "TSIORY", "Tsiory's"), the run as the quick test finds it, that is
        no slip of the keys on an English word ("Teh", "Hosptal")."""
        word = words[i][2]
        if not word[0].isupper() or keys[i] in known:
            return False
        run = _QUICK_CAPITALISED.match(word if word.isascii() else fold(word))
        return run is not None and _unknown_run(run.group()) \
            and not _misspelt(run.group().lower())

    def after(i: int) -> str:
        """The text between word i and word i+1 without a closing quote just after
        word i (the name of '"Tsiory" was lovely')."""
        between = gap(i + 1)
        return between[1:] if between[:1] in _CLOSING_QUOTES else between

    def unlisted(i: int) -> bool:
        """Word i is one nobody's list knows, a slip of the keys or not ("Fungai" of
        "Fungai Moyo", though "fungi" and a letter)."""
        return not _is_known(keys[i]) and words[i][2].isalpha()

    def next_listed(k: int) -> int | None:
        """Where the next name of a list begins, if word k begins it after a list's mark
        or the words after word k join it ("& Frank", ", also Frank", "as well as
        Frank"); else None."""
        if k + 1 >= n:
            return None
        for joins in _LIST_WORDS:
            end = k + len(joins)
            if end < n and tuple(keys[k:end]) == joins \
                    and all(gap(m).strip(" ") in ("", ",") for m in range(k, end + 1)):
                return end
        return k if gap(k).strip(" ") in _LIST_MARKS else None

    def caps_listed(k: int, depth: int = 0) -> bool:
        """The next name of a list begins at or after word k, a given name and a surname
        in capitals before praise ("MARGARET HALL AND PATRICIA HILL WERE LOVELY"); 20
        names ahead at most."""
        j = next_listed(k)
        return j is not None and j + 1 < n and gap(j + 1) == " " \
            and words[j][2].isupper() and words[j + 1][2].isupper() and is_given(keys[j]) \
            and (keys[j + 1] in _SIGNED_PLACE_SURNAMES or caps_name(j + 1)) \
            and (depth >= 20 or praised(j + 1) or caps_listed(j + 2, depth + 1))

    def praised(i: int, plural: bool = True) -> bool:
        """Word i is followed by "was"/"is" and a word of praise (an adverb may stand
        between), or by a verb of what a person does (an adverb may stand before it),
        by "is a legend" and the like, or by where a person works ("from reception");
        or, set off by a comma, a colon
        or a dash, by thanks or by a word of praise and a role ("Tsiory, thank you",
        "Tsiory: brilliant facilitator")."""
        if i + 1 >= n:
            return False
        between = after(i)
        if between in _SET_OFF:
            return keys[i + 1] in _THANKS or keys[i + 1] in _YOU_ARE or (
                keys[i + 1] in _PRAISE and i + 2 < n and gap(i + 2) == " "
                and keys[i + 2] in _ROLE_WORDS)
        if between not in _VERB_GAPS:
            return False
        # (praise as people type it only after a given name, or a given name and a
        # surname: _PRAISE_TYPED)
        typed = (keys[i] in gaz.given or keys[i] in gaz.given_common or keys[i] in praised_given
                 or (i > 0 and gap(i) == " " and keys[i - 1] in gaz.given)) \
            and keys[i] not in _MONTHS and keys[i] not in _SEASONS  # ("Summer was the best")
        if keys[i + 1] in _PERSON_VERBS or keys[i + 1] in _DOES_VERBS or (
                typed and keys[i + 1] in _VERBS_TYPED):
            return True
        j = i + 2
        if keys[i + 1] in ("from", "at", "on") and j < n and gap(j) == " ":
            k = j + 1 if keys[j] == "the" and j + 1 < n and gap(j + 1) == " " else j
            if keys[i + 1] == "from" and words[k][2][0].isupper() \
                    and _is_title_case(words[i][2]) and keys[k] not in _STOP:
                return True  # "Rizwan from Carers Leeds", "Kasia from the Polish centre"
            if keys[j] == "the" and j + 1 < n and gap(j + 1) == " ":
                j += 1
            if keys[j] in ("front", "main") and j + 1 < n and gap(j + 1) == " ":
                j += 1  # "on the front desk"
            return keys[j] in _WORKPLACES  # "Chipo from reception"
        if keys[i + 1] in _IS_WORDS and j + 1 < n and keys[j] == "a" \
                and gap(j) == " " and gap(j + 1) == " " and (
                    keys[j + 1] in _PRAISE_NOUNS or (
                        keys[j + 1] in _PRAISE and j + 2 < n and gap(j + 2) == " "
                        and (keys[j + 2] in _ROLE_WORDS or keys[j + 2] in _JOB_ROLES))):
            return True  # "Chipo is a legend", "Will was a great facilitator", "ur a gem"
        if keys[i + 1] in _PERSON_ADVERBS and j < n and gap(j) in _VERB_GAPS \
                and (keys[j] in _PERSON_VERBS or keys[j] in _DOES_VERBS):
            return True  # "TSIORY really helped me"
        if keys[i + 1] not in (_WAS_WORDS if plural else _WAS_WORD) \
                or j >= n or gap(j) not in _VERB_GAPS:
            return False
        if keys[j] == "a" and j + 2 < n and keys[j + 1] in ("bit", "little") \
                and gap(j + 1) == " " and gap(j + 2) == " ":
            j += 2  # "Shanelle was a bit patronising"
        elif keys[j] == "the" and j + 1 < n and keys[j + 1] == "best" and gap(j + 1) == " ":
            # "Grace was the best facilitator", "jo was the best!" (not "Hope was the best
            # part")
            return (j + 2 < n and gap(j + 2) == " " and keys[j + 2] in _JOB_ROLES | _ROLE_WORDS) \
                or (typed and (j + 2 >= n or gap(j + 2).strip(" ") != ""))
        for _ in range(2 if typed else 1):  # "very very kind", "soooo lovely"
            if j + 1 < n and gap(j + 1) in _VERB_GAPS and (
                    keys[j] in _PRAISE_ADVERBS
                    or (keys[j] in _ADVERBS_TYPED and keys[j + 1] in _ONLY_PERSON_ADJECTIVES)
                    or (typed and (keys[j] in _ADVERBS_TYPED or (
                            _ELONGATED.search(keys[j]) is not None
                            and not _PRAISE_ADVERBS.isdisjoint(_squeezed(keys[j])))))):
                j += 1
        return keys[j] in _PRAISE or (typed and (
            keys[j] in _PRAISE_TYPED or (_ELONGATED.search(keys[j]) is not None
                                         and not _PRAISE.isdisjoint(_squeezed(keys[j])))))

    def thing(i: int) -> bool:
        """Word i is a known place, brand or occasion, or an English word, and no name
        of the gazetteer ("Thanks Leeds Mind", "Thanks Boots"; not "Thanks Grace")."""
        key = keys[i]
        return (key in proper_words() or key in english_words()) and not gaz.is_name(key) \
            and key not in gaz.given_common and key not in gaz.given

    def thanked_thing(i: int) -> bool:
        """Word i, after thanks or "ask for", is a thing (:func:`thing`) that is this
        project's own place, shop or charity, or an English word SCOWL lists in lower
        case only: not one of SCOWL's proper nouns, many of them given names ("thank
        you Tanisha", "cheers Mick", "ask for Paddy"; "Thanks Boots", "Thanks Leeds
        Mind" and "Thank God" stay). In Headline Style, where every word has a
        capital, any thing is ("Talked To Death")."""
        key = keys[i]
        return thing(i) and (title_text or key in local_words() or (
            key in english_words() and key not in capitalised_english()))

    name = [False] * n

    def mark(i: int) -> None:
        name[i] = True

    def initial(k: int) -> bool:
        """Word k is one capital letter, as a name's initial is ("Jas K", "H. Oyelowo";
        not "A" or "I")."""
        word = words[k][2]
        return len(word) == 1 and word.isupper() and word not in "AI"

    def tag(k: int) -> bool:
        """Word k is a tag an earlier round put in ("[name]")."""
        return text[words[k][0] - 1:words[k][0]] == "[" and text[words[k][1]:words[k][1] + 1] == "]"

    def word_name_ends(j: int) -> bool:
        """Word j, in lower case after thanks or a sign-off, is a given name that is a
        word and ends the answer, a kiss or two after it or not ("thanks dawn xx",
        "love jean x"; not "thanks love", "thanks will": "will do")."""
        return _signing_word_name(keys[j]) \
            and all(keys[k] in _KISSES for k in range(j + 1, n)) \
            and text[words[-1][1]:].strip(" .!\n") == ""

    def promised(i: int) -> bool:
        """Word i is "Will" before a verb: the promise, no name ("Thanks, Will Do")."""
        return keys[i] == "will" and i + 1 < n and keys[i + 1] in _WILL_VERBS

    def person_described(i: int, only: bool = False) -> bool:
        """Word i is followed by what only a person is or does ("Smith helped me", "Khan
        was so kind"; not "Bus was late", "Curry was lovely"); ``only``: nothing a
        venue or a service is or does too (not "welcomed", "friendly")."""
        j = i + 1
        if j < n and keys[j] in ("was", "is") and gap(j) == " ":
            j += 1
            if j < n and (keys[j] in _PERSON_ADVERBS or keys[j] in _ADVERBS_TYPED) \
                    and gap(j) == " ":  # "so kind", "v kind"
                j += 1
            return j < n and gap(j) == " " and keys[j] in (
                _ONLY_PERSON_ADJECTIVES if only else _PERSON_ADJECTIVES)
        if j < n and keys[j] in _PERSON_ADVERBS and gap(j) == " ":
            j += 1
        return j < n and gap(j) == " " and keys[j] in (
            _ONLY_PERSON_VERBS if only else _PERSON_VERBS)

    def worded_placed(i: int) -> bool:
        """Word i, a given name that is a word, and a place's word as often a surname
        after it are a person's name before what only a person does or is ("Dawn Heath
        helped me", "Faith Brook was so kind"; not "Rose Hill welcomed us", "Rose Hill
        was lovely", "at Rose Hill")."""
        j = i + 1
        return j < n and gap(j) == " " and keys[j] in _SIGNED_PLACE_SURNAMES \
            and _is_title_case(words[i][2]) and _is_title_case(words[j][2]) \
            and keys[i] in capitalised_english() and keys[i] not in _PLACE_GIVEN \
            and keys[i] not in local and (keys[i], keys[j]) not in _NAMED_ORGS \
            and not (i > 0 and (keys[i - 1] in _PLACE_CUES or keys[i - 1] in _NOT_BEFORE_NAMES
                                or keys[i - 1] in _WAY_CUES)) \
            and person_described(j, only=True)

    def surname_shaped(i: int) -> bool:
        """Word i is shaped as a surname of these isles or of Arabic ("MacKenzie",
        "D'Souza", "El-Sayed", "McGinnis"; not "MacBook": its second part an English
        word; not a name with an "s", a shop's or a pub's: "McDonald's", "O'Neills")."""
        word = words[i][2]
        return word[:2] in _SHAPE_STARTS and not word.endswith(("'s", "\u2019s")) \
            and not (word.endswith("s") and _key(word[:-1]) in gaz.surnames) \
            and _SURNAME_SHAPE.match(word) is not None and _shaped_surname_in(word)

    def placed_surname(i: int, j: int) -> bool:
        """Word j, after given name i, is a surname that is also a place's word, before
        what only a person is or does ("David Hall explained the forms", "Tom Hill was
        so kind"; not "Victoria Hall was lovely", said of a hall too); or one as often a
        surname, after a given name that names few places, not after a word that makes
        them a place, where something says a person is meant (``person_cued``: "Sarah
        Ward was great", "thanks to Amy Hall"; not "at Amy Hall", "Rosemary Ward is on
        the 3rd floor"; with a place's word after it, "Sarah Hill Road", a place after
        all: :func:`extend`)."""
        return (j == i + 1 and j < n and gap(j) == " " and _is_title_case(words[j][2])
                and keys[j] in _PLACE_WORDS and (keys[j] in gaz.surnames_common
                                                  or keys[j] in gaz.surnames)
                and is_given(keys[i]) and (keys[i], keys[j]) not in _NAMED_ORGS
                and keys[i] not in local and (person_described(j) or (
                    keys[j] in _SURNAME_PLACE_WORDS and keys[i] not in _PLACE_GIVEN
                    and not (i > 0 and keys[i - 1] in _PLACE_CUES) and person_cued(i, j))))

    def person_cued(i: int, j: int) -> bool:
        """Given name i and word j are said of a person: after thanks or a word that
        turns to one ("thanks to Amy Hall", "thank you Sarah Heath", "ask Sarah Ward",
        "with Tom Hill"; thanks not where the answer speaks of venues or a place's
        word is set off after it: "Thanks Carlton Hill, lovely venue", "Thank you George
        Street (the surgery)"), or
        before a role or what goes on after a person's name ("Sarah Ward, the chair",
        "Sarah Ward from the PPG"; not "Rosemary Ward is on the 3rd floor")."""
        if words[i][2][-2:].lower() in ("'s", "\u2019s"):
            return False  # "Sister Mary's Ward"
        thanks = i > 0 and (keys[i - 1] in _THANKS_WORDS or any(
            tuple(keys[i - k:i]) in _THANKS_INTROS for k in (2, 3) if i >= k))
        if (i > 0 and gap(i) == " " and not (thanks and (venue_talk or place_set_off(j))) and (
                thanks or keys[i - 1] in _CUE_BEFORE_PERSON
                or (keys[i - 1] == "to" and i > 1 and keys[i - 2] in _CUE_TO_PERSON))) \
                or (i == 0 and j == n - 1):  # or the whole answer: "Jack Hill"
            return True
        if i > 1 and keys[i - 1] in ("was", "is", "were") and keys[i - 2] in _JOBS_INTRODUCE:
            return True  # "Trainers were Lorraine Hall (LTHT) and ..."
        if i > 0 and ((keys[i - 1] in _SIGN_OFF_CUES and gap(i).strip(" \n") in (",", ""))
                      or (keys[i - 1] in _SET_OFF_ROLES | _ROLE_WORDS
                          and gap(i).strip() in (":", "-"))):
            return True  # "Kind regards, Margaret Hall", "chairperson: Joan Street"
        if role_after(j) or (j + 1 < n and gap(j + 1) == " "
                             and keys[j + 1] in _CUE_AFTER_PERSON):
            return True
        # a role after "was" ("Karen Street was our facilitator"); praised: a person's,
        # unless a ward named after a flower or a tree, as wards are ("Sarah Ward was
        # great"; not "Rosemary Ward was great")
        if j + 3 < n and keys[j + 1] in ("was", "is") and keys[j + 2] in ("our", "my", "the") \
                and keys[j + 3] in _JOB_ROLES \
                and all(gap(k) == " " for k in (j + 1, j + 2, j + 3)):
            return True
        return j + 2 < n and keys[j + 1] in ("was", "is") and gap(j + 1) == " " \
            and gap(j + 2) == " " and keys[j + 2] in _PRAISE \
            and not (keys[j] == "ward" and keys[i] in english_words())

    def place_set_off(j: int) -> bool:
        """Word j is set off before a place's word, praise or "the" between ("George
        Street - best surgery in Leeds", "Carlton Hill, lovely warm room")."""
        if j + 1 >= n or gap(j + 1).strip(" ") not in (",", "(", "-", "\u2013", "!", "."):
            return False
        for k in range(j + 1, min(j + 4, n)):
            if keys[k] in _PLACE_WORDS:
                return True
            if keys[k] not in ("the", "a", "our", "best") and keys[k] not in _PRAISE:
                return False
        return False

    def role_after(i: int, the: bool = False) -> bool:
        """Word i is set off before a role: "McAllister, the nurse, was", "Khan (GP)";
        with ``the``, also "Bill the volunteer made" (a verb of the past or of what a
        person does after it, or praise: not "Will the chair attend?")."""
        j = i + 1
        if j >= n:
            return False
        bare = the and gap(j) == " " and keys[j] == "the"
        if not (gap(j) in (", ", " (", " - ") or bare):
            return False
        if keys[j] in ("the", "our", "my") and j + 1 < n and gap(j + 1) == " ":
            j += 1
        if not (keys[j] in _LOWER_ROLES or (the and keys[j] in _BRACKET_ROLES)):
            return False
        return not bare or (j + 1 < n and gap(j + 1) == " " and (
            keys[j + 1] in _PERSON_VERBS or keys[j + 1] in _DOES_VERBS
            or (keys[j + 1] == "was" and praised(j, False))))  # "Bill the volunteer was
        # lovely" (not "Will the chair be there?")

    def person_next(j: int) -> bool:
        """After word j, the end, a mark, or what goes on after a person's name ("Will
        Turner helped", "Dawn Smith and Bill Jones"), not a thing's ("Earl Grey tea",
        "Olive Green folders")."""
        if j + 1 >= n or gap(j + 1).strip(" ") != "" or not words[j + 1][2].islower():
            return True
        k = keys[j + 1]
        return k in _PERSON_NEXT or k in _PERSON_AFTER or k in _DOES_VERBS \
            or k not in english_words()

    def common_surname(i: int, j: int) -> bool:
        """Word j, after given name i, is a surname, also one that is a word ("Sarah
        Baker", "Will Turner", "Dawn Smith"), not a place's ("Rose Hill Road") nor a word
        of the sentence."""
        return (j == i + 1 and j < n and gap(j) == " " and _is_title_case(words[i][2])
                and _is_title_case(words[j][2]) and keys[j] not in _NOT_SURNAMES
                and keys[i] not in _STOP and keys[j] not in _STOP
                and keys[i] not in _SENTENCE_WORDS and keys[j] not in _SENTENCE_WORDS
                and (keys[j] in gaz.surnames_common or (
                    keys[j] in gaz.surnames and gaz.is_name(keys[j])))
                and keys[j] not in _PLACE_WORDS
                and (is_given(keys[i]) or keys[i] in gaz.given_common)
                and not (j + 1 < n and keys[j + 1] in _PLACE_WORDS and gap(j + 1) == " "))

    def extend(i: int) -> None:
        """Mark the capitalised words after name word i: "Harold Whitcombe", "Harold W."."""
        j = i + 1
        while j < n and j <= i + 2 and gap(j) in (" ", ". ", "-") and not in_taken(j) \
                and keys[j] not in _KISSES:  # (a kiss is no surname: "TY HOPE XXX")
            word, key = words[j][2], keys[j]
            if j == i + 1 and gap(j) == " " and initial(j) and not words[i][2].isupper():
                mark(j)  # a surname's initial: "Sarah T", "Jas K"
                break
            if common_surname(i, j) or placed_surname(i, j):
                mark(j)  # "Sarah Baker", "Emma Brown", "David Hall explained"
                j += 1
                continue
            if gap(j) == ". " and len(words[j - 1][2]) != 1:
                break
            if words[i][2].islower():  # "signed: winston clarke", not "tendai were"
                # (a surname nobody's list knows only after a sign-off, a role set off by a
                # colon or a title: "chair: wilf braithwaite", "regards ewa zielinska"; not
                # after a relation, "my son jack luvd it")
                signed = i > 0 and (keys[i - 1] in _SIGN_OFF_CUES | _SET_OFF_ROLES
                                    | _TITLES | _WORD_TITLES | {"called"}
                                    or gap(i).strip() == ":"
                                    or (i > 1 and keys[i - 2:i] == ["name", "is"]))
                # or where what follows goes on after a name: the end, a mark, "and",
                # "was", a person's deed ("ewa zielinska", "nyasha moyo came")
                signed = signed or j + 1 >= n or gap(j + 1).strip(" ") != "" or (
                    keys[j + 1] in _PERSON_NEXT or keys[j + 1] in _PERSON_AFTER
                    or keys[j + 1] in _DOES_VERBS)
                if not (word.islower() and ((key in gaz.surnames and gaz.is_name(key)
                                             and key not in _STOP
                                             and key not in gaz.common_words)
                                            or (signed and key not in known
                                                and _unknown_lower(key)))):
                    break
            elif words[i][2].isupper() and word.isupper() and len(word) > 1:
                if not (gaz.is_name(key) or key not in gaz.common_words):
                    break
            elif word.islower() and _is_title_case(words[i][2]) and key in gaz.surnames \
                    and gaz.is_name(key) and key not in gaz.common_words \
                    and key not in gaz.dict_words:
                pass  # "Sarah jones": a surname typed in lower case
            elif not capitalised_word(j) or key in _PLACE_WORDS or (
                    title_text and key in english_words() and not gaz.is_name(key)
                    and key not in gaz.surnames):
                break  # (in Headline Style an English word is no name: "Ngozi Asked")
            if key in gaz.common_words and key not in gaz.surnames:
                break
            mark(j)
            j += 1
        if j < n and keys[j] in _PLACE_WORDS and gap(j) == " " and _is_title_case(words[j][2]):
            for k in range(i, j):  # "Robin Hood's Bay": a place after all
                name[k] = False

    for i in range(n):
        if covered[i]:
            continue
        word, key = words[i][2], keys[i]
        nxt = i + 1 < n and not covered[i + 1]
        # A given name that is a word, then a surname: "Will Turner", "Dawn Baker",
        # "Bill Jones" (either alone needs more context), also in a list written in
        # capitals ("Facilitators: Dawn Smith and Bill Jones").
        if nxt and key in gaz.given_common and not name[i] and common_surname(i, i + 1) \
                and not (i > 0 and keys[i - 1] in _THING_BEFORE) and person_next(i + 1):
            mark(i)
            mark(i + 1)
            continue
        # A given name that is a word before its role: "Dawn (admin) was helpful", "Pat
        # (carer) shared", "Bill the volunteer made the tea".
        if key in gaz.given_common and not name[i] and _is_title_case(word) \
                and (key not in _ABSTRACT_NAMES or (i + 1 < n and gap(i + 1) == " ("
                                                    and keys[i + 1] in _LOWER_ROLES)) \
                and key not in _MONTHS and role_after(i, the=True):
            mark(i)
            continue
        # A role before a word in lower case nobody's list knows, or a given name that is
        # no common word: "my wife nyasha", "my son farai", "nurse bev", "the chair,
        # tafadzwa, talks" (set off: a comma after it too).
        if nxt and (key in _LOWER_ROLES or (key in _SET_OFF_ROLES and gap(i + 1) == ": ")) \
                and words[i + 1][2].islower() \
                and (gap(i + 1) in (" ", "  ", ": ") or (gap(i + 1) == ", " and text[
                    words[i + 1][1]:words[i + 1][1] + 1] in (",", ".", "!", ";", ")"))) \
                and (_unknown_lower_first(keys[i + 1]) or keys[i + 1] in _greeted_given()):
            mark(i + 1)
            extend(i + 1)
            continue
        # A role or a title that is a word, before an unknown word in capitals that
        # stands out (not in words written in capitals, as "PHARMACIST WENT THROUGH",
        # unless they are unknown too): "my friend TSIORY", "my friend TSIORY RAKOTO".
        if nxt and (key in _ROLE_WORDS or key in _WORD_TITLES or (
                key in _SET_OFF_ROLES and gap(i + 1).strip() in (":", "-"))) \
                and not word.isupper() \
                and words[i + 1][2].isupper() and len(words[i + 1][2]) > 2 \
                and not (i + 2 < n and words[i + 2][2].isupper() and len(words[i + 2][2]) > 1
                         and not unknown(i + 2)) \
                and (gap(i + 1) in (" ", "  ") or key in _SET_OFF_ROLES) \
                and not is_place(i + 1, i + 2) \
                and (caps_name(i + 1) or _unknown_lower(keys[i + 1])):
            mark(i + 1)
            extend(i + 1)
            continue
        # Titles: "Dr Patel", "Mrs.Jones", "MRS JONES", "dr ahmed", "Sister Mary" (not "MS"
        # in an answer not all in capitals: multiple sclerosis, "MS nurse", "MS Society").
        if nxt and not (word == "MS" and not upper_text) \
                and (key in _TITLES or (key in _WORD_TITLES and _is_title_case(words[i + 1][2]))
                    or ((key in _ROLE_WORDS or (
                        key in _SET_OFF_ROLES and gap(i + 1) in (": ", " - ")
                        # (a name, not a thing: "Contact: Website", "Treasurer: Funding")
                        and (gaz.is_name(keys[i + 1]) or keys[i + 1] not in english_words())))
                        and _is_title_case(words[i + 1][2])
                        and keys[i + 1] not in gaz.common_words
                        and not keys[i + 1].startswith(("i'", "i\u2019")))):
            follow, fkey = words[i + 1][2], keys[i + 1]
            sep = gap(i + 1)
            # an initial and a surname after a title: "Dr A Khan", "Ms B. Jones"
            if key in _TITLES and len(follow) == 1 and follow.isalpha() and i + 2 < n \
                    and not in_taken(i + 2) and sep in (" ", ". ", ".", "  ") \
                    and gap(i + 2) in (" ", ". ", ".") and keys[i + 2] not in _STOP and (
                        (follow.isupper() and _is_title_case(words[i + 2][2]))
                        or (follow.islower() and words[i + 2][2].islower()  # "mrs e. pickersgill"
                            and (keys[i + 2] in gaz.surnames or _worded_surname(keys[i + 2])
                                 or keys[i + 2] not in english_words()))):
                mark(i + 1)
                mark(i + 2)
                extend(i + 2)
                continue
            # a full stop after a title is its abbreviation ("Dr. Patel"); after a word
            # ("our nurse. Then") it ends the sentence
            if sep in ((" ", ". ", ".", "  ") if key in _TITLES else
                       (" ", ". ", "  ") if key in _SHORT_WORD_TITLES else
                       _ROLE_GAPS if key in _ROLE_WORDS and key not in _WORD_TITLES
                       else (": ", " - ") if key in _SET_OFF_ROLES else (" ", "  ")) \
                    and fkey not in _STOP and fkey not in _TITLES and (
                    key in _TITLES or (capitalised_word(i + 1) and not (
                        title_text and fkey in english_words() and not gaz.is_name(fkey)
                        and fkey not in gaz.surnames))
                    or (key in _WORD_TITLES and word[0].isupper() and _worded_surname(fkey))
                    or (key in _CARING_TITLES and word[0].isupper() and i + 2 < n
                        and keys[i + 2] in _SURNAME_PLACE_WORDS
                        and (fkey in gaz.given or fkey in gaz.given_common))
                    ) and (
                    sep not in (", ", " (") or text[words[i + 1][1]:words[i + 1][1] + 1] in (
                        "", ",", ".", "!", ";", ")")):  # "my son, Tendai, came"
                if follow.islower() and key in _TITLES and fkey in gaz.common_words \
                        and not gaz.is_name(fkey) and not _worded_surname(fkey):
                    continue  # ("Mrs baker" is a name, "Dr who" no)
                if key in _TITLES and (fkey in _NOT_AFTER_TITLE or (
                        follow.islower() and fkey in _NOT_AFTER_TITLE_LOWER)):
                    continue  # "Dr appointment", "Dr told me", "ms teams", "Dr Google"
                # (a relation's possessive is a person's before a place's word too: "my
                # husband Kwame's NHS number")
                # (after a title, a given name and a place's word as surname are a
                # person's: "Dr Sarah Hill", "Mrs Dawn Heath", "Cllr Jane Street", "Dr
                # Sarah HILL", "Matron Joy Cross"; not "Dr Sarah Hill Road", a ward: "Dr
                # Ahmed Ward staff", "Dr Ali Ward 12")
                titled = (key in _TITLES or (key in _CARING_TITLES and word[0].isupper())) \
                    and i + 2 < n and gap(i + 2) == " " \
                    and keys[i + 2] in _SURNAME_PLACE_WORDS and keys[i + 2] != "ward" \
                    and words[i + 2][2][0].isupper() \
                    and (words[i + 2][2].isupper() or not follow.isupper()) \
                    and (fkey in gaz.given or fkey in gaz.given_common) \
                    and not follow.endswith(("'s", "\u2019s")) \
                    and not (i + 3 < n and keys[i + 3] in _PLACE_WORDS and gap(i + 3) == " "
                             and not words[i + 2][2].endswith(("'s", "\u2019s"))) \
                    and not _NUMBER_AFTER.match(text, words[i + 2][1])  # "Dr Ali Ward 12"
                if titled:
                    mark(i + 1)
                    mark(i + 2)
                elif not is_place(i + 1, i + 2) or (
                        key in _ROLE_WORDS and follow.endswith(("'s", "\u2019s"))
                        and not word.endswith(("'s", "\u2019s"))):  # ("my husband's
                    # Addison's": a condition)
                    mark(i + 1)
                    extend(i + 1)
                elif key in _TITLES and follow[0].isupper():
                    mark(i + 1)  # a place's word after it is not the name's: "Dr Ahmed
                    # Ward staff", "Dr Ali Ward 12"
            continue
        if not word[0].isupper() and key in lower_given and nxt \
                and gap(i + 1) == " " and words[i + 1][2].islower() and (
                    (keys[i + 1] in gaz.surnames and gaz.is_name(keys[i + 1]))
                    or _worded_surname(keys[i + 1])) \
                and keys[i + 1] not in _STOP and keys[i + 1] not in _PERSON_NEXT \
                and keys[i + 1] not in _PRAISE and keys[i + 1] not in _PERSON_AFTER \
                and keys[i + 1] not in _DOES_VERBS and not is_place(i, i + 2):
            mark(i)  # a full name in lower case in any answer: "to chris smith at"
            mark(i + 1)
            continue
        if not word[0].isupper():
            # (each rule below, then whether the word is a place's: "st james's", "living
            # with crohn's", "from morley"; the place test is the dearer)
            # text written all in lower case: a given name that is no English word
            if lower_text and key in lower_given:
                if not is_place(i, i + 1):
                    mark(i)
                    extend(i)
            elif word.endswith(("'s", "\u2019s")) and _unknown_lower_first(key):
                if not is_place(i, i + 1):
                    mark(i)  # "tendai's session", "nyasha-rose's", a name nobody's list knows
            elif (key not in known or key in praised_given) \
                    and (((lower_text or sentence_case()) and key not in gaz.given_common)
                         or clause_start(i)) \
                    and praised(i, plural=not key.endswith("s")) \
                    and (i == 0 or keys[i - 1] not in _DETERMINERS) \
                    and (key in praised_given or _unknown_lower_first(key)) \
                    and not is_place(i, i + 1):
                # a word nobody's list knows, or a given name that is no English word
                # ("imran told us"), before praise: in an answer all in lower case ("it
                # was good tendai was lovely"), where a clause begins ("Great session.
                # tendai was lovely", "and chipo on reception"), or anywhere in an answer
                # capitalised only where sentences begin, as phones type it ("Great
                # session tendai was lovely"); never after "the" or "a" ("the scran was
                # lovely"); "were" as Leeds says it ("tendai were lovely"), but not after
                # a plural ("biccies were lovely"); a given name that is a common word
                # only where a clause begins ("mark was great", not "my mark was great")
                mark(i)
                extend(i)
            continue
        if word.isupper() and len(word) > 2 and key in gaz.given_common \
                and key in capitalised_english() and key not in _MONTHS \
                and key not in _PLACE_GIVEN and key not in local and sentence_start(i):
            # a given name that is a word, in capitals where a sentence begins, before
            # what only a person did or was, its surname between or not ("DAWN WAS SO
            # KIND", "DAWN HEATH HELPED ME"; not "HOPE IS KIND", "ROSE HILL WELCOMED US")
            last = i + 1 if i + 1 < n and gap(i + 1) == " " and words[i + 1][2].isupper() \
                and (keys[i + 1] in _SIGNED_PLACE_SURNAMES or (key != "will" and (
                    keys[i + 1] in gaz.surnames or keys[i + 1] in gaz.surnames_common))) \
                else i  # (not "WILL POWER HELPED ME")
            if last + 1 < n and keys[last + 1] != "is" and person_described(last, only=True):
                for k in range(i, last + 1):
                    mark(k)
                continue
        if word.isupper() and len(word) > 1:
            # All capitals: after a title or an introduction (below), or a given name of
            # three letters or more written in capitals as the whole text is ("ANDY
            # PEARSON - VOLUNTEER"), with a name of the gazetteer after it ("SARAH
            # JONES") or before praise or a person's verb in an answer that is not
            # all capitals ("SARAH was lovely"); never a month ("JAN") or a two-letter
            # word ("ED", "AL").
            # Capitals say nothing of a name here, so only names that are no English
            # word count ("ANDY", not "TEA", "MILES" or "GRANT"), and only names follow.
            # A surname that is a place's word, before praise or as the whole answer,
            # is a person's too ("MARGARET HALL WAS LOVELY", "MARGARET HALL"; not
            # "VICTORIA HALL WAS LOVELY").
            placed = nxt and gap(i + 1) == " " and words[i + 1][2].isupper() \
                and keys[i + 1] in _SIGNED_PLACE_SURNAMES and key not in _PLACE_GIVEN \
                and key not in local and word[-2:] not in ("'S", "\u2019S") \
                and not (i > 0 and (keys[i - 1] in _PLACE_CUES
                                    or keys[i - 1] in _NOT_BEFORE_NAMES
                                    or keys[i - 1] in _WAY_CUES)) \
                and (praised(i + 1) or caps_listed(i + 2)
                     # the whole answer, a kiss after it ("MARGARET HALL X"), or
                     # opening a line, its role set off to the line's end ("MARGARET
                     # HALL - VOLUNTEER"; not "HOME CARE\nSCOTT HALL\nMEALS ON WHEELS")
                     or (i == 0 and all(keys[k] in _KISSES for k in range(i + 2, n)))
                     or ((i == 0 or "\n" in gap(i)) and i + 2 < n
                         and keys[i + 2] in _ONES_ROLES
                         and gap(i + 2).strip(" ") in (",", "-", "\u2013", "(")
                         and (i + 3 >= n or "\n" in gap(i + 3)
                              or gap(i + 3).strip(" ") == ")")))
            if len(word) > 2 and caps_name(i) and is_given(key) \
                    and (placed or not is_place(i, i + 1)) \
                    and (upper_text or (nxt and gap(i + 1) == " " and caps_name(i + 1))
                         or praised(i)):  # "SARAH was lovely"
                mark(i)
                if placed:
                    mark(i + 1)
                j = i + 1  # a name of the gazetteer, or a word nobody's list knows
                # ("BRENDA HAIGH - PATIENT CHAMPION")
                while j < n and j <= i + 2 and gap(j) == " " and (
                        caps_name(j) or (keys[j] not in known and _unknown_lower(keys[j]))
                        or (keys[j] in gaz.surnames and keys[j] not in _STOP
                            and keys[j] not in _PRAISE_NEXT and not is_place(j, j + 1))
                        # a surname that is a word, before what a person is or does
                        # ("MARGARET BAKER WAS LOVELY", "PAULINE BROWN HELPED ME")
                        or (j == i + 1 and _worded_surname(keys[j])
                            and (praised(j) or (i == 0 and n == 2)))) \
                        and not in_taken(j):  # ("SARAH SMITH": a surname that is a word)
                    mark(j)
                    j += 1
            continue
        # In Headline Style capitals say nothing, but a word nobody's list knows before
        # praise is a name there as it is in lower case ("Great Session, Tendai Was
        # Lovely"); never after "The" or "A" ("The Scran Was Lovely").
        if title_text and key not in known and praised(i, plural=not key.endswith("s")) \
                and (i == 0 or keys[i - 1] not in _DETERMINERS) \
                and _unknown_lower_first(key) and not is_place(i, i + 1):
            mark(i)  # (praise follows: nothing after it is part of the name)
            continue
        # An unknown capitalised word just before a surname of the gazetteer that is no
        # English word, not after a word that makes it a place: "Ravinder Singh, carer".
        if i + 1 < n and not in_taken(i + 1) and gap(i + 1) == " " \
                and keys[i + 1] in gaz.surnames and gaz.is_name(keys[i + 1]) \
                and keys[i + 1] not in gaz.dict_words and _is_title_case(words[i + 1][2]) \
                and not title_text and capitalised_word(i) and key not in gaz.common_words \
                and key not in gaz.surnames and key not in _PLACE_WORDS \
                and key not in _WORD_TITLES and key not in _ROLE_WORDS \
                and (i == 0 or sentence_start(i) or keys[i - 1] not in _NOT_BEFORE_NAMES) \
                and not is_place(i, i + 2) and not gaz.is_name(key):
            mark(i)
            mark(i + 1)
            extend(i + 1)
            continue
        # A surname of the gazetteer (no English word) written capitalised inside a
        # sentence, not as part of a longer proper name: "... like Adebayo"; or where a
        # sentence begins, before praise or what a person does ("Patel was great",
        # "O'Neill was great", "McAllister, the nurse, was very kind").
        shaped = surname_shaped(i)
        worded = _worded_surname(key) and _is_title_case(word)  # "Baker helped me"
        if ((key in gaz.surnames and gaz.is_name(key)) or shaped or worded) and not title_text \
                and ((key not in gaz.dict_words and not sentence_start(i)
                      and key in gaz.surnames)
                     or (not word.endswith(("'s", "\u2019s")) and (
                         ((shaped or key not in english_words()) and praised(i))
                         or person_described(i)))
                     or role_after(i)
                     or (word.endswith(("'s", "\u2019s")) and key not in english_words()
                         and i + 1 < n and keys[i + 1] in _A_PERSONS)) \
                and not (i > 0 and words[i - 1][2][0].isupper()) and not is_place(i, i + 1):
            mark(i)
            extend(i)
            continue
        # The gazetteer: a capitalised given name wherever it stands (before a place's
        # word, only with what a person does after it: "David Hall explained").
        if is_given(key) and key in _MONTH_WORDS and (
                _DAY_BEFORE.search(text, 0, words[i][0]) or _YEAR_AFTER.match(text, words[i][1])):
            continue  # a month: "Sat 20th Jan", "Jan 2024"
        if is_given(key) and (not is_place(i, i + 1) or placed_surname(i, i + 1)):
            if not (title_text and key in gaz.common_words) and not (
                    key in _WORD_TITLES and i + 1 < n and (name[i + 1] or tag(i + 1))):
                mark(i)
                extend(i)
            continue
        if key in gaz.given_common and not title_text and worded_placed(i):
            mark(i)  # "Dawn Heath helped me"
            mark(i + 1)
            continue
        # Given names that are common words: "Will", "Grace" beside a surname or
        # written capitalised mid-sentence.
        if key in gaz.given_common and not title_text and not is_place(i, i + 1):
            followed = (i + 1 < n and gap(i + 1) == " " and _is_title_case(words[i + 1][2])
                        and gaz.is_name(keys[i + 1]) and not is_place(i + 1, i + 2))
            mid = not sentence_start(i) and key not in _MONTHS and (
                i == 0 or keys[i - 1] not in _NOT_BEFORE_NAMES)
            # where a sentence begins, before praise of a person in the past or where
            # they work ("Grace listened to me", "Faith was so kind", "Dawn on ward 3 was
            # lovely"); not "Hope is good", "Faith helps me"
            legend = i + 3 < n and keys[i + 1] == "is" and keys[i + 2] == "a" \
                and keys[i + 3] in _PRAISE_NOUNS  # "Sunny is a legend" (not "Hope is good")
            started = not mid and not followed and key not in _MONTHS and i + 1 < n \
                and (keys[i + 1] != "is" or legend) and keys[i + 1] not in _PRESENT_VERBS \
                and (i + 2 >= n or keys[i + 2] not in _PRESENT_VERBS) and praised(i, False) \
                and (key not in _ABSTRACT_NAMES or (
                    keys[i + 1] not in _ABSTRACT_VERBS and (  # "Joy from reception was
                        # lovely"; not "Patience from the front desk would go a long way"
                        keys[i + 1] != "from" or not _WAS_WORDS.isdisjoint(keys[i + 2:i + 6]))))
            # what a person leads or has ("Dawn's group", "Mark's jokes"; not "May's")
            owned = word[-2:] in ("'s", "\u2019s") and i + 1 < n and gap(i + 1) == " " \
                and (keys[i + 1] in _A_GROUPS or keys[i + 1] in _A_PERSONS) \
                and key not in _MONTHS and key not in _SEASONS
            if (followed or mid or started or owned) and not promised(i):
                mark(i)
                extend(i)
            continue
        # An initial and a known surname: "J. Bloggs", "J Smith"; with its full stop, "A."
        # too and a surname that is also a word ("Regards, A. Okafor", "E. Brook").
        if len(word) == 1 and word.isupper() and i + 1 < n and gap(i + 1) in (" ", ". ") \
                and _is_title_case(words[i + 1][2]) and (
                    (keys[i + 1] in gaz.surnames and keys[i + 1] not in gaz.common_words
                     and (word not in "AI" or gap(i + 1) == ". "))
                    or (gap(i + 1) == ". " and keys[i + 1] in gaz.surnames_common
                        and keys[i + 1] not in _NOT_SURNAMES)
                    # or the whole answer, with a surname nobody's list knows ("J. Bloggs")
                    or (i == 0 and n == 2 and gap(1) == ". " and keys[1] not in known)):
            mark(i)
            mark(i + 1)

    def person_gerund(k: int) -> bool:
        """Word k, after "for", is a word of doing that a venue does not do, before its
        object or the end ("for chairing", "for sorting my prescription"; not "for
        hosting", "for having us", "for evening sessions")."""
        word = keys[k]
        if not word.endswith("ing") or word in _VENUE_GERUNDS or len(word) < 6:
            return False
        stem = word[:-3]
        if not (stem in english_words() or stem + "e" in english_words()
                or (stem[-1:] == stem[-2:-1] and stem[:-1] in english_words())):
            return False  # no word of doing ("morning" passes: its next word decides)
        return k + 1 >= n or gap(k + 1).strip(" ") != "" or keys[k + 1] in _DOING_OBJECTS

    def given_and_surname(j: int, said: bool = False, depth: int = 0) -> bool:
        """Words j and j+1, after thanks or a sign-off, are a given name, also one that
        is a word, and a surname that is a word, written alike, before the end, a mark,
        a kiss or what goes on after a name ("Thanks to Dawn Baker for...", "THANK YOU
        ROSE GREEN"); a surname more often a word of the sentence only where the answer
        or its line ends ("Kind regards, Rose Little"); a place's word as surname only
        there too, or before "who", a person's role set off or the next name of a list
        ("Kind regards, Dawn Heath", "Thanks Frank Hill x", "... Dawn Heath who ran
        it", "Dawn Heath, volunteer"; not "Thank you Carlton Hill, lovely venue",
        "Thanks to Rose Hill for hosting": where it cannot be told from a venue, the
        name is taken); not a place ("Victoria Hall", a place of Leeds, "Rose Hill
        Road", a ward or a street: "Poppy Ward", "George Street"), a charity ("Sue
        Ryder") or a phrase ("Happy Days Nursery": a given name that SCOWL lists only
        in lower case; "Thanks, Will Do"). ``said``: where it stands already says a
        person is meant (the next line of a list of names, the end of a sentence of
        thanks), a place's word as surname too, unless a capitalised word goes on
        after it ("Rose Hill Surgery"). A list is read 20 names ahead at most, and
        taken for names if it goes on so far (``depth``: a hostile answer of thousands
        of names in a row)."""
        if j + 1 >= n or gap(j + 1) not in (" ", "  ") or in_taken(j + 1):
            return False
        first, second = words[j][2], words[j + 1][2]
        if not ((_is_title_case(first) and _is_title_case(second))
                or (len(first) > 2 and first.isupper() and second.isupper())) \
                or not (keys[j] in gaz.given or (keys[j] in gaz.given_common
                                                 and keys[j] in capitalised_english())) \
                or keys[j] in _PLACE_GIVEN or keys[j] in local or keys[j] in _STOP \
                or keys[j] == "will" or (keys[j], keys[j + 1]) in _NAMED_ORGS:
            return False
        after = keys[j + 2] if j + 2 < n else ""
        mark_after = gap(j + 2).strip(" ") if j + 2 < n else ""
        ends = j + 2 >= n or after in _KISSES or "\n" in gap(j + 2)
        surname = keys[j + 1]
        if not _signed_surname(surname) and not (
                ends and surname in _NOT_SURNAMES and surname not in _SENTENCE_WORDS
                and surname not in _CALLED and (surname in gaz.surnames
                                                or surname in gaz.surnames_common)):
            return False
        # what only a person's name is followed by: the end of the answer or its line,
        # a kiss, "who", a role set off ("Dawn Heath, volunteer", "(Patient Rep)"), the
        # person spoken to ("Thank you Dawn Heath, you were brilliant"), or
        # the next such name in a list ("Dawn Heath and Frank Hill who ran it", "Dawn
        # Heath & Frank Hill")
        listed = next_listed(j + 2)
        person = after == "who" \
            or (after == "for" and mark_after == "" and j + 3 < n
                and person_gerund(j + 3)) \
            or (after in ("from", "on") and mark_after == "" and praised(j + 1)) \
            or (mark_after in (",", "(", "-", "\u2013") and after in _ONES_ROLES) \
            or (mark_after in (",", "-", "\u2013", "!") and after in ("you", "your")) \
            or (listed is not None and (depth >= 20
                                        or given_and_surname(listed, depth=depth + 1))) \
            or (said and not (j + 2 < n and gap(j + 2) == " " and words[j + 2][2][0].isupper()))
        if surname in _PLACE_WORDS:
            # a given name that is a word and a place's word, only where that says a
            # person is meant ("Kind regards, Dawn Heath"; not "Thanks to Rose Hill for
            # hosting", "Thank you Rose Hill, lovely venue", "Thank you Carlton Hill")
            return surname in _SIGNED_PLACE_SURNAMES and (person or ends)
        return person or ends or mark_after != "" or after in _PERSON_NEXT \
            or after in _PERSON_AFTER or after in _DOES_VERBS

    # Introductions: "speak to sarah", "thanks Rob", "I'm Priya", "Regards, Harold".
    text_speak = " 2 " in text or " 4 " in text
    thanked: list[int] = []  # where given_and_surname took a name after thanks

    def take_pair(j: int) -> None:
        """Mark words j and j+1, a name given_and_surname found, as a name."""
        mark(j)
        mark(j + 1)
        thanked.append(j)
    for j in range(1, n):
        if name[j] or covered[j] or not (text_speak or keys[j - 1] in _INTRO_LAST):
            continue
        between = gap(j)  # one line break at most: "Regards,\nHarold"
        # a digit for a word: "speak 2 kuda" is "speak to kuda"
        spoken = _TEXT_SPEAK.get(between[1:-1]) if text_speak and between[:1] == " " \
            and between[-1:] == " " else None
        if spoken is not None:
            before, between = (*keys[max(j - 2, 0):j], spoken), " "
        elif keys[j - 1] in _INTRO_LAST:
            before = tuple(keys[max(j - 3, 0):j])
        else:
            continue
        intro = before[-3:] if before[-3:] in _INTRO_KINDS else before[-2:] \
            if before[-2:] in _INTRO_KINDS else before[-1:] if before[-1:] in _INTRO_KINDS \
            else None
        if intro is None or between.count("\n") > (  # a blank line too: "Regards\n\nDawn"
                2 if between.replace("\r", "").strip(" ,") == "\n\n" else 1) \
                or not _intro_gap(between) \
                or any(tag(k) for k in range(j - len(intro) + (spoken is not None), j)):
            continue  # (not a tag put in by an earlier round: "[name] is kind")
        kind = _INTRO_KINDS[intro]
        word, key = words[j][2], keys[j]
        if key in _STOP or key in _TITLES or key in _WORD_TITLES \
                or key.startswith(("i'", "i\u2019")) \
                or (intro == ("ta",) and key == "ra"):  # "I'm", "I've", "Ta Ra": no name
            continue
        if intro in _THANKS_OR_SIGN_OFF and given_and_surname(j):
            take_pair(j)
            continue
        if _is_title_case(word) and kind == "job":
            ok = unknown(j) or is_given(key)
        elif _is_title_case(word):
            if kind in ("strong", "greeting"):
                ok = ((capitalised_word(j) and not thanked_thing(j)) or _worded_surname(key)) \
                    and not promised(j)
            else:  # "a talk by Tsiory", "ask Tsiory"; in Headline Style no English
                # word ("And Bright Comfortable Room")
                ok = (capitalised_word(j, known=True) and key not in gaz.common_words
                      and not (title_text and key in english_words())) or unknown(j) or (
                    intro[-1] in ("to", "with", "by") and not title_text
                    and _worded_surname(key) and person_next(j))  # "write to Baker at"
        elif word.isupper() and len(word) > 2 and kind == "greeting":
            # "thanks to SARAH", "THANKS TOM" (a given name that is a rarer word too)
            ok = caps_name(j) or key in _greeted_given() or (len(word) > 3 and unknown(j)) \
                or word_name_ends(j)  # "THANK YOU JOY"
        elif kind == "strong":
            ok = gaz.is_name(key) or (key in gaz.given_common and intro[-1] == "is") or (
                intro in _LOWER_NAME_INTROS and _unknown_lower_first(key))  # "led by tsiory"
        elif kind == "greeting" and word.islower():
            # "thanks sarah": a given name that is no word; "cheers tsiory"; one that is
            # a word where the answer ends, a kiss or two after it or not ("thanks dawn
            # xx", "thank u joy"; not "thanks love", "thanks will": "will do")
            ok = key in _greeted_given() or (intro in _LOWER_NAME_INTROS
                                             and _unknown_lower_first(key)) or word_name_ends(j)
        elif word.islower() and intro in _LOWER_NAME_INTROS:
            ok = _unknown_lower_first(key)  # "someone called tinashe"
        elif word.islower() and intro[-1] in _SIGNING_WORDS and (
                j == 1 or "\n" in gap(j - 1) or gap(j - 1).strip(" ") in (",", ".", "!")
                or keys[j - 2] in ("of", "much", "with", "love")):
            ok = word_name_ends(j)  # "love jean x", "from pat" (not "we love grace")
        else:
            ok = False
        # (after a sign-off, a given name and a place's word that is a surname are a
        # person's: "Kind regards, Dawn Heath")
        if ok and (not is_place(j, j + 1) or (
                kind == "strong" and j + 1 < n and keys[j + 1] in _SURNAME_PLACE_WORDS
                and (keys[j] in gaz.given or keys[j] in gaz.given_common))):
            mark(j)
            extend(j)

    def closings_before(j: int) -> list[int]:
        """Where each sign-off of ``_CLOSINGS`` that ends just before word j begins."""
        if keys[j - 1] not in _CLOSING_ENDS:
            return []
        return [j - len(c) for c in _CLOSINGS
                if j >= len(c) and tuple(keys[j - len(c):j]) == c]

    def closing_before(j: int) -> bool:
        """Word j comes after a sign-off that is no introduction, where a line begins,
        with its comma or line break ("Love,", "Take care,", "All the best,"), or after
        "From" where a line begins ("From Dawn Heath"), or after thanks and a few words
        that carry it on ("Thanks so much", "Thanks to the lovely")."""
        between = gap(j)
        if ("," in between or "\n" in between) and any(
                k == 0 or "\n" in gap(k) or sentence_start(k) for k in closings_before(j)):
            return True
        if keys[j - 1] == "from" and between == " " and (
                j == 1 or "\n" in gap(j - 1) or keys[j - 2] in _CLOSING_ENDS):
            return True  # "From Dawn Heath", "Love from Dawn and Frank Hill"
        for k in range(j - 1, max(-1, j - 6), -1):
            if keys[k] in _THANKS_ONLY:
                return True
            if keys[k] not in _THANKS_GO_ON or gap(k + 1).strip(" ") not in ("", ","):
                return False
        return False

    def shared_surname(j: int, depth: int = 0) -> list[int]:
        """Word j is a given name and the next of a list ("and", "&", ",", "n") begins
        a given name and a surname that a given_and_surname takes (then taken), or
        another such given name ("Dawn and Frank Hill", "Dawn, Frank and Holly Hill"):
        the given names before the pair, or none."""
        if depth > 4 or not _is_title_case(words[j][2]) or not (
                keys[j] in gaz.given or keys[j] in capitalised_english()) \
                or keys[j] in _PLACE_GIVEN or keys[j] in local:
            return []
        k = next_listed(j + 1)
        if k is None or k + 1 >= n:
            return []
        if given_and_surname(k):
            take_pair(k)
            return [j]
        more = shared_surname(k, depth + 1)
        return [j, *more] if more else []

    def thanks_said(j: int, signature: bool) -> bool:
        """Thanks come before word j in its sentence ("Thank you for all your help Dawn
        Heath", "Thanking you, Dawn Heath"), or on the line before a list that a colon
        opens ("Huge thanks to the volunteers:\n- Dawn Heath"); for a ``signature``
        (a name that ends the answer), in its last two lines, or a sign-off's last word
        just before it ("Thanks again!\nFaith Brook", "See you soon,\nFaith Brook x")."""
        breaks = 0
        for k in range(j - 1, max(-1, j - 15), -1):
            between = gap(k + 1)
            if "\n" in between:
                breaks += 1
            if signature:
                if breaks > 2 or "?" in between:
                    return False
                if k == j - 1 and closings_before(j):
                    return True
            elif "." in between or "?" in between or "!" in between or (
                    "\n" in between and not (breaks == 1 and k == j - 1
                                             and between.lstrip(" ").startswith(":"))):
                return False
            if keys[k] in _THANKS_SAID:
                return True
        return False

    def next_line(j: int) -> int:
        """The first word from word j on that begins a line, or n."""
        while j < n and "\n" not in gap(j):
            j += 1
        return j

    def ends_answer(j: int) -> bool:
        """Nothing but kisses (or marks) from word j to the end of the answer."""
        return all(keys[k] in _KISSES for k in range(j, n))

    # the pairs of words after a place's word, "to" or "from" ("trip to Daisy Hill")
    placed_pairs = {(keys[k], keys[k + 1]) for k in range(1, n - 1)
                    if keys[k - 1] in _PLACE_CUES or keys[k - 1] in ("to", "from")}

    def venue_like(j: int) -> bool:
        """Words j, j+1 end in a place's word where the answer speaks of venues, a
        place's word comes before them ("Sessions held at: Carlton Hill"), or it names
        the same two words elsewhere after one, or after "to" or "from" ("The trip to
        Daisy Hill was lovely.\nDaisy Hill - thank you!")."""
        if keys[j + 1] not in _PLACE_WORDS:
            return False
        if venue_talk or (j > 0 and keys[j - 1] in _PLACE_CUES):
            return True
        return (keys[j], keys[j + 1]) in placed_pairs

    def set_off_before(j: int) -> bool:
        """Word j comes after a comma, "!" or a smiley, or begins its line (a bullet
        before it or not); not after a label's colon or dash ("Venue: Carlton Hill") or
        a full stop."""
        between = gap(j)
        if "\n" in between:
            return _bullet(between.rsplit("\n", 1)[1].strip())
        mark = between.strip(" ")
        return mark != "" and mark not in (":", "-", "\u2013", "\u2014") \
            and (mark == "," or mark not in _LIST_MARKS) and "." not in mark and "?" not in mark

    for j in range(1, n - 1):
        # (the cheapest test first: most words are no given name)
        if name[j + 1] or covered[j] or not (keys[j] in gaz.given
                                             or keys[j] in gaz.given_common):
            continue
        closing = closing_before(j)
        if closing and given_and_surname(j):
            take_pair(j)
        elif closing and (given_names := shared_surname(j)):
            # given names and the surname they share: "From Dawn and Frank Hill", "From
            # Dawn, Frank and Holly Hill", "Love from Dawn & Frank Hill"
            for k in given_names:
                mark(k)
        elif not closing and (
                # after a word that ends thanks, before the end of the clause ("Thank you
                # for all your help Dawn Heath, I couldn't ..."); set off by a mark, where
                # the answer or its line ends ("Thank you kindly, Dawn Heath")
                (keys[j - 1] in _THANKS_CLOSE and gap(j) == " " and (
                    j + 2 >= n or keys[j + 2] in _KISSES
                    or gap(j + 2).strip(" ")[:1] in (",", ".", "!", ";", ")", "\n")))
                or (set_off_before(j) and (ends_answer(j + 2) or "\n" in gap(j + 2)))) \
                and not venue_like(j) and given_and_surname(j, said=True) \
                and thanks_said(j, ends_answer(j + 2) and gap(j).strip(" ") != ""):
            # a name that ends a sentence of thanks, or signs the answer after thanks
            take_pair(j)

    # before thanks set off, where the answer or a line begins, the thanks alone to its
    # end: "Dawn Heath - thank you so much" (not "Rose Hill, thanks for hosting")
    for j in range(n - 2):
        if keys[j + 2] in _THANKS_SAID and (j == 0 or "\n" in gap(j)) and not name[j] \
                and gap(j + 2).strip(" ") in (",", "-", "\u2013", ":") \
                and all(keys[k] in _THANKS_GO_ON or keys[k] in _KISSES
                        for k in range(j + 3, next_line(j + 3))) \
                and not venue_like(j) \
                and given_and_surname(j, said=True):
            take_pair(j)

    # and the next in a list of them: "Thank you Mark Hall and Faith Brook", "Thanks
    # Dawn Heath & Frank Hill", "..., also Frank Hill", one a line ("Thanks
    # to:\nDawn Heath (chair)\n- Frank Hill")
    started = set(thanked)
    opened = min(thanked) if thanked else next(
        (k for k in range(n) if keys[k] in _THANKS_SAID or keys[k] in _SIGN_OFF_CUES), n)
    for j in range(opened + 2, n):
        between = gap(j)
        if "\n" in between:
            k = j - 1  # where the line before begins
            while k > 0 and "\n" not in gap(k):
                k -= 1
            joined = k in started and _bullet(between.rsplit("\n", 1)[1].strip())
        else:
            joined = any(name[k - 1] and next_listed(k) == j
                         for k in range(max(j - 3, 1), j + 1))
        # (on a line of its own, a place's word as surname too: "Faith Brook (minutes)")
        if joined and given_and_surname(j, said="\n" in between):
            take_pair(j)
            started.add(j)

    # A person's verb: "Babajide really helped me", "Gift Moyo explained", not "Carers
    # Leeds helped" (after a capitalised word, only a given name's); or a word that
    # describes a person after "was" or "is": "Tsiory was lovely".
    for i in range(n - 1):
        nxt_key = keys[i + 1]  # the verb, or an adverb before it: the cheapest test first
        described = nxt_key in ("was", "is") and i + 2 < n and keys[i + 2] in _PERSON_ADJECTIVES
        if not (nxt_key in _PERSON_VERBS or described or (
                nxt_key in _PERSON_ADVERBS and i + 2 < n and keys[i + 2] in _PERSON_VERBS)):
            continue
        if name[i] or covered[i] or title_text or upper_text or not _is_title_case(words[i][2]):
            continue
        key = keys[i]
        if key in gaz.common_words or key in _STOP or key in _PLACE_WORDS \
                or key in _TITLES or key in _WORD_TITLES or key in _ROLE_WORDS \
                or key.startswith(("i'", "i\u2019")) or key in _NOT_BEFORE_PERSON_VERBS \
                or is_place(i, i + 1) or thing(i) or (
                    key not in known and key.isascii() and _misspelt(key)):  # "Sombody"
            continue
        after_given = i > 0 and _is_title_case(words[i - 1][2]) and not sentence_start(i)
        if after_given and not (gap(i) == " " and not covered[i - 1] and (
                keys[i - 1] in gaz.given or keys[i - 1] in gaz.given_common)):
            continue
        j = i + 2 if (described or keys[i + 1] in _PERSON_ADVERBS) and i + 2 < n else i + 1
        if (described or keys[j] in _PERSON_VERBS) and after(i) in _VERB_GAPS \
                and all(gap(k) in _VERB_GAPS for k in range(i + 2, j + 1)):
            mark(i)
            if after_given:
                mark(i - 1)

    # A capitalised word nobody's list knows (no English word, place or brand:
    # "Tsiory", "Oyinkansola"), not after a word that makes it a thing or a place
    # ("the", "at"): inside a sentence; with "'s" ("Oyinkansola's session"); or
    # before "was"/"is" and a word of praise, or a verb of what a person does
    # ("Tsiory was so kind", "Rakoto made me feel welcome"). A capitalised word
    # nobody's list knows before a name is part of it ("Tsiory Rakoto", "Gift Moyo").
    # Written in capitals in an answer that is not, such a word is a name only
    # before praise or a person's verb, and not if it reads as an abbreviation
    # ("TSIORY was lovely", not "LTHT was great" or "MECC was good").
    if not title_text and not upper_text:
        for i in range(n):
            if name[i] or covered[i] or not words[i][2][0].isupper() or not unknown(i) \
                    or is_place(i, i + 1):
                continue
            if not _is_title_case(words[i][2]):
                if _spoken_capitals(words[i][2]) and praised(i):
                    mark(i)
                    extend(i)
                continue
            inside = not sentence_start(i)
            if inside and keys[i - 1] in _BEFORE_THINGS:
                continue
            if inside or words[i][2].endswith(("'s", "\u2019s")) or praised(i) or (
                    i + 1 < n and gap(i + 1) == " " and initial(i + 1)):  # "Tinashe M"
                mark(i)
                extend(i)
        for i in range(n - 1, 0, -1):
            # (a surname of the gazetteer that is no English word, first: "Farah
            # Qureshi", "Zhang Wei"; joined by a hyphen: "Min-jun Kim")
            if name[i] and not name[i - 1] and not covered[i - 1] and initial(i - 1) \
                    and gap(i) in (" ", ". ") and _is_title_case(words[i][2]):
                mark(i - 1)  # an initial before a surname: "H. Oyelowo"
            elif name[i] and not name[i - 1] and not covered[i - 1] and gap(i) == " " \
                    and keys[i - 1] not in _INTRO_LAST and keys[i - 1] not in _WORD_TITLES \
                    and keys[i - 1] not in _TITLES and (  # (not "Thank-you Sarah", "Imam")
                    (_is_title_case(words[i - 1][2]) and (unlisted(i - 1) or is_given(
                        keys[i - 1]) or keys[i - 1] in gaz.given_common
                        or _surname_only(keys[i - 1])
                        or (not _is_known(keys[i - 1]) and _WORD_PARTS.fullmatch(
                            words[i - 1][2]) is not None)))
                    or (words[i][2].isupper() and _spoken_capitals(words[i - 1][2])
                        and unknown(i - 1))):  # "TSIORY RAKOTO was lovely"
                mark(i - 1)

    # Lists: "Ayesha and Rob", "Rob, Ayesha and Sam".
    if not title_text or upper_text:
        todo = [i for i in range(n) if name[i]]
        while todo:
            i = todo.pop()
            for j, joiner in ((i + 2, i + 1), (i - 2, i - 1)):
                if 0 <= j < n and keys[joiner] in ("and", "or", "n") and gap(max(j, i)) == " " \
                        and gap(joiner) == " ":
                    pass
                else:
                    j = i + 1 if j > i else i - 1
                    if not (0 <= j < n and gap(max(i, j)).strip() in (",", "&", "/", "+")):
                        continue
                # in lower case beside a name in lower case: a given name that is no
                # English word, or a word nobody's list knows ("run by kwame and akosua")
                lower_pair = words[i][2].islower() and words[j][2].islower() and (
                    keys[j] in _greeted_given() or _unknown_lower_first(keys[j]))
                # a given name that is a word, capitalised beside a name that is none:
                # "Rose and Sarah" (not two words: "Holly and Ivy", "Hope + Faith")
                worded = keys[j] in gaz.given_common and _is_title_case(words[j][2]) \
                    and keys[j] not in _MONTHS and (
                        is_given(keys[i]) or unknown(i) or (
                            gaz.is_name(keys[i]) and keys[i] not in gaz.dict_words)
                        or (keys[i] in gaz.given_common and person_next(max(i, j))
                            and not (keys[i] in _VIRTUES and keys[j] in _VIRTUES)))
                # in capitals beside a name in capitals: a given name that is no common
                # word ("THANKS TO SUE AND PHIL"), or one that is, before what a person
                # does ("MOHAMMED AND ROSE HELPED ME")
                last = max(i, j)
                capital_pair = words[i][2].isupper() and words[j][2].isupper() \
                    and len(words[j][2]) > 1 and (keys[j] in _greeted_given() or (
                        keys[j] in gaz.given_common and keys[j] not in _MONTHS
                        and last + 1 < n and (keys[last + 1] in _PERSON_AFTER
                                              or keys[last + 1] in _DOES_VERBS)))
                if name[j] or covered[j] or is_place(j, j + 1) or not (
                        lower_pair or worded or capital_pair) and (
                        not capitalised_word(j) or keys[j] in gaz.common_words
                        or (sentence_start(j) and not (gaz.is_name(keys[j]) or unknown(j)))):
                    continue
                if abs(j - i) == 2 and keys[(i + j) // 2] == "n" and not (
                        lower_pair or worded or capital_pair or is_given(keys[j]) or unknown(j)
                        or (gaz.is_name(keys[j]) and keys[j] not in gaz.dict_words)
                        or (capitalised_word(j) and keys[j] not in english_words())):
                    continue  # "n" for "and" only between names: "Kels n Jodie", not
                    # "Mac n Cheese"
                mark(j)
                todo.append(j)

    # An unknown capitalised word before its role or pronouns: "Folasade (facilitator)",
    # "Folasade - facilitator", "Folasade, the facilitator", "Folasade (she/her)".
    for i in range(n - 1):
        if not (keys[i + 1] in _ROLE_WORDS or keys[i + 1] in ("the", "our", "my")
                or text.startswith(" (", words[i][1])
                or (keys[i + 1] in _BRACKET_ROLES
                    and text[words[i + 1][1]:].strip(" .!x\n") == "")):
            continue  # the cheapest test first
        if name[i] or covered[i] or title_text or not _is_title_case(words[i][2]):
            continue
        after = gap(i + 1)
        if keys[i + 1] in _ROLE_WORDS or keys[i + 1] in _BRACKET_ROLES:
            before_role = (after == " - " and keys[i + 1] in _ROLE_WORDS) or (
                after == " (" and text[words[i + 1][1]:words[i + 1][1] + 1] == ")") or (
                # signed off with a role, a word nobody's list knows: "thank you all -
                # Nyasha, carer" (not "Couldn't, Mum")
                after == ", " and sentence_start(i) and unknown(i)
                and text[words[i + 1][1]:].strip(" .!x\n") == "")
        else:
            before_role = (after == ", " and keys[i + 1] in ("the", "our", "my") and i + 2 < n
                           and gap(i + 2) == " " and keys[i + 2] in _ROLE_WORDS)
        if not (before_role or _PRONOUNS.match(text, words[i][1])):
            continue
        if capitalised_word(i) and keys[i] not in gaz.common_words \
                and keys[i] not in _PLACE_WORDS and not is_place(i, i + 1):
            mark(i)

    # Brackets: "(Nasreen Qureshi)".
    for match in _BRACKETED.finditer(text):
        inner = [i for i in range(n) if match.start(1) <= words[i][0] < match.end(1)]
        if inner and all(capitalised_word(i) for i in inner) and any(
                gaz.is_name(keys[i]) or name[i] for i in inner) and not is_place(
                inner[0], inner[-1] + 1):
            for i in inner:
                mark(i)

    # Beside contact details: "Harold Whitcombe, 0114 ...", "Sarah jo@x.org".
    for a, _b in taken:
        j = max((i for i in range(n) if words[i][1] <= a), default=None)
        if j is None or text[words[j][1]:a].strip(" ,:;-()") not in ("", "on", "at", "tel",
                                                                      "email", "mob"):
            continue
        run = []
        while j is not None and j >= 0 and capitalised_word(j) and not is_place(j, j + 1) \
                and keys[j] not in _CONTACT_WORDS \
                and len(run) < 3 and (not run or gap(run[-1]) in (" ", ". ")):
            run.append(j)
            j -= 1
        if run and any(gaz.is_name(keys[i]) or keys[i] in gaz.given_common or name[i]
                       or len(run) >= 2 for i in run):
            for i in run:
                mark(i)

    # Signatures: a capitalised pair standing alone at the end ("... useful. Harold Whitcombe",
    # "..., GRACE WOOD" in capitals in an answer that is not).
    if n >= 2 and not upper_text and words[-1][2].isupper() and words[-2][2].isupper() \
            and gap(n - 1) == " " and text[words[-1][1]:].strip(" .!x\n") == "" \
            and (keys[-2] in gaz.given or keys[-2] in gaz.given_common) \
            and (keys[-1] in gaz.surnames or keys[-1] in gaz.surnames_common) \
            and not covered[n - 1] and not covered[n - 2]:
        mark(n - 2)
        mark(n - 1)
    if n >= 2 and _is_title_case(words[-1][2]) and _is_title_case(words[-2][2]) \
            and gap(n - 1) == " " and text[words[-1][1]:].strip(" .!\n") == "" \
            and sentence_start(n - 2) and not is_place(n - 2, n) \
            and capitalised_word(n - 1) and capitalised_word(n - 2) \
            and keys[-2] not in _THANKS_WORDS \
            and (gaz.is_name(keys[-1]) or gaz.is_name(keys[-2])
                 or (keys[-2] in gaz.given_common and unknown(n - 1))):
        mark(n - 2)
        mark(n - 1)

    # A name alone at the end, on a line or in a sentence of its own, a kiss or two
    # after it, or the whole answer, capitalised only at its start and no two English
    # words run together: "Great session\nRufaro x", "loved it. Zvikomborero", "TENDAI
    # MOYO", "Tsiory" (not a header, "EmailAddress", "Recordeddate"); a given name that
    # is a word after a sign-off, or on its own line with a kiss or a blank line.
    last = n - 1 if keys[-1] not in _KISSES or n < 2 else n - 2
    if (last > 0 or (last == 0 and words[0][2][1:].islower() and not _two_words(keys[0]))) \
            and not name[last] and not covered[last] \
            and text[words[last][1]:].strip(" .!x\n") == "" and not is_place(last, last + 1):
        pair = last > 1 and gap(last) == " " and keys[last - 1] not in _STOP \
            and words[last - 1][2].isupper() == words[last][2].isupper()
        first = last - 1 if pair else last
        signed = first > 0 and keys[first - 1] in _SIGN_OFFS and (
            "\n" in gap(first) or gap(first).startswith(","))
        # or on a line of its own, a kiss after it or a blank line before it ("Really
        # good\nJean x", "Great morning\n\nJoy"): a given name that is a word signs too
        signed = signed or (keys[first] not in _MONTHS and (
            (first > 0 and "\n" in gap(first)
             and (last < n - 1 or "\n\n" in gap(first).replace("\r", "")))
            or (first == 0 and last < n - 1)))  # or the whole answer, a kiss after it
        if sentence_start(first) and all(
                (_is_title_case(words[k][2]) and (unknown(k) or is_given(keys[k]) or (
                    signed and keys[k] in gaz.given_common)))
                or (words[k][2].isupper() and not upper_text and len(words[k][2]) > 2
                    and (caps_name(k) or (_spoken_capitals(words[k][2]) and unknown(k))))
                for k in range(first, last + 1)):
            for k in range(first, last + 1):
                mark(k)

    # Names as NHS systems and sign-in sheets write them: a surname in capitals before a
    # given name ("SMITH John", "Thanks to BROWN Lucy"), a title and an initial before a
    # surname ("Mrs A KHAN", "Dr J. Okafor"), a surname and its initial where a line or
    # the answer ends ("Smith J", "Khan A."; not "Ward B", "Plan A")
    if not upper_text:
        for i in range(n - 1):
            if covered[i] or covered[i + 1] or (name[i] and name[i + 1]):
                continue
            word, nxt, between = words[i][2], words[i + 1][2], gap(i + 1)
            if between == " " and len(word) > 1 and word.isupper() and _is_title_case(nxt) \
                    and (keys[i] in gaz.surnames or keys[i] in gaz.surnames_common) \
                    and keys[i] not in _STOP and keys[i] not in _SIGN_OFFS \
                    and keys[i] not in _THANKS_WORDS and keys[i] not in local \
                    and (keys[i + 1] in gaz.given or (keys[i + 1] in gaz.given_common
                                                      and keys[i + 1] in capitalised_english())) \
                    and not is_place(i + 1, i + 2):
                mark(i)  # "SMITH John"
                mark(i + 1)
            elif keys[i] in _TITLES and between == " " and len(nxt) == 1 and nxt.isupper() \
                    and i + 2 < n and gap(i + 2) in (" ", ". ") and words[i + 2][2][0].isupper() \
                    and keys[i + 2] not in _STOP:
                mark(i + 1)  # "Mrs A KHAN"
                mark(i + 2)
            elif between == " " and len(nxt) == 1 and nxt.isupper() and _is_title_case(word) \
                    and (keys[i] in gaz.surnames or keys[i] in gaz.surnames_common) \
                    and keys[i] not in _PLACE_WORDS and keys[i] not in _STOP \
                    and keys[i] not in _MONTHS and (i == 0 or not words[i - 1][2][0].isupper()) \
                    and (i + 2 >= n or gap(i + 2).strip(" .")[:1] in (",", ";", ")", "\n")
                         or "\n" in gap(i + 2)) \
                    and text[words[i + 1][1]:words[i + 1][1] + 1] in ("", ".", ",", ";", " ",
                                                                       "\n", "\r", ")"):
                mark(i)  # "Smith J"
                mark(i + 1)

    # The surname, a place's word, of a given name a rule above took ("Thanks for
    # listening to me Holly Brook", "Mrs DAWN Heath"); not before a capitalised word, a
    # place's word or a number ("Sarah Hill Road", "Rose Hill Surgery").
    for i in range(n - 1):
        if name[i] and not name[i + 1] and keys[i + 1] in _SIGNED_PLACE_SURNAMES \
                and gap(i + 1) == " " and words[i + 1][2][0].isupper() and not covered[i + 1] \
                and (keys[i] in gaz.given or keys[i] in gaz.given_common) \
                and not (i + 2 < n and gap(i + 2) == " " and (
                    words[i + 2][2][0].isupper() or keys[i + 2] in _PLACE_WORDS)) \
                and not _NUMBER_AFTER.match(text, words[i + 1][1]):
            mark(i + 1)

    spans = []
    for i in range(n):
        if name[i]:
            start, end = words[i][0], words[i][1]
            if words[i][2].lower().endswith(("'s", "\u2019s")):
                end -= 2
            joined = text[spans[-1][1]:start] if spans else ""
            if spans and (joined in (" ", "-", ".") or (  # an initial: "A. Okafor"
                    joined == ". " and spans[-1][1] - spans[-1][0] == 1)):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


_BRACKETED = re.compile(r"\(([^\W\d_][\w'\u2019\- .]{0,60})\)")

# --- Putting it together -------------------------------------------------------------


#: Characters that make a text worth a closer look whatever its words.
_QUICK_CHARS = re.compile(rf"[\d@{_SPACES}{_DROPPED}{_DASHES}{_MARKS}\ufe6b\uff01-\uff60]")
_QUICK_LOWER_WORDS = re.compile(r"[a-z]+")
#: Every ASCII character but a-z, to a space.
_NOT_LOWER_BYTES = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _lower_words(low: str) -> list[str]:
    """The runs of a-z in ``low`` (``_QUICK_LOWER_WORDS.findall``; quicker in ASCII).

    Examples
    --------
    >>> _lower_words("thanks.mrs o'brien-2x"), _lower_words("caf\u00e9 ask")
    (['thanks', 'mrs', 'o', 'brien', 'x'], ['caf', 'ask'])
    """
    if low.isascii():
        return low.encode("ascii").translate(_NOT_LOWER_BYTES).decode("ascii").split()
    return _QUICK_LOWER_WORDS.findall(low)
#: Introductions whose next word the quick test looks at (the others need a name
#: of the gazetteer after them, which the quick test finds by itself).
_QUICK_INTROS = tuple(i for i in _STRONG_INTROS + _WEAK_INTROS if i[0] not in (
    "and", "or", "to", "with", "by", "from", "i'm", "i\u2019m", "im", "i", "this", "met", "meet",
    "ask", "tell", "told", "said", "says", "love", "my") or i[:2] == ("ask", "for"))
_QUICK_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _intro in _QUICK_INTROS:
    _QUICK_BY_FIRST.setdefault(_intro[0], []).append(_intro)
#: First words that introduce a name only with a word after them ("ask" as "ask for"),
#: and the words that may come second: without one of these anywhere, no need to look.
_QUICK_SECOND = {first: frozenset(i[1] for i in intros) for first, intros in
                 _QUICK_BY_FIRST.items() if all(len(i) > 1 for i in intros)}
#: Lower-case words without which no title, introduction or spelt-out e-mail
#: address can be there.
_QUICK_FIRST = frozenset(_QUICK_BY_FIRST) | _TITLES | _WORD_TITLES | _ROLE_WORDS | {"dot"}
#: Lower-case words that make the screen send an answer to the quick test.
_SCREEN_WORDS = _QUICK_FIRST | _PERSON_AFTER | _LOWER_ROLES
#: A role as an introduction of a word in lower case nobody's list knows ("my wife
#: nyasha"), for the quick test and the screen (the name rules have a rule of their own).
_ROLE_INTROS = tuple((w,) for w in sorted(_LOWER_ROLES))
_ROLE_INTRO_SET = frozenset(_ROLE_INTROS)

_VERBS_NOT_FIRST = _PERSON_AFTER - _QUICK_FIRST
#: Roles the quick test looks at only for a word in lower case after them ("my mate
#: tinashe"), being no title, role or introduction of its other tests.
_LOWER_ROLES_ONLY = _LOWER_ROLES - _QUICK_FIRST
#: A person's verb or a word that describes a person, as a whole word, in lower-case text.
_PERSON_VERB = re.compile(rf"\b(?:{'|'.join(sorted(_PERSON_AFTER))})\b")
#: In lower-case text: a domain's ending or a bracketed "at" (a spelt-out e-mail address).
_QUICK_TLD = re.compile(rf"\.{_TLD}\b")
#: Titles that are words, and roles, followed by a capitalised word, in any case.
_PERSON_WORDS = _WORD_TITLES | _ROLE_WORDS


#: What may stand between an unknown name and its role after it.
_ROLE_AFTER_NAME = (" (", " - ", ", the ", ", our ", ", my ")
#: What may stand between a title or a role and the name after it, longest first.
_TITLE_NEXT = ("  ", " ")
_SHORT_TITLE_NEXT = (". ", "  ", " ")
_ROLE_NEXT = (", ", ": ", " (", " - ", "  ", " ")


def _person_word_then_name(text: str, low: str, hits: set[str]) -> bool:
    """Whether a title that is a word, or a role (``hits``, found in ``low``, the
    text in lower case), is followed by a word that the title rule of the name
    rules would take (capitalised, no stop word, no common word unless a name:
    "our nurse Folasade"), or a role follows an unknown capitalised word
    ("Folasade (facilitator)", "Folasade, the facilitator")."""
    if len(low) != len(text):
        return True  # lower case moved the letters ("\u0130"): look closer, to be safe
    for word in hits & _PERSON_WORDS:
        pos = low.find(word)
        while pos != -1:
            after = pos + len(word)
            role = word in _ROLE_WORDS
            if pos == 0 or not low[pos - 1].isalpha():
                if role and pos > 1 and low[pos - 1] in " (" and any(
                        low.endswith(sep, 0, pos) and _capitalised_word_before(text, pos - len(sep))
                        for sep in _ROLE_AFTER_NAME):
                    return True
                # where the next word starts: after one or two spaces, or after a short
                # title's full stop ("Rev. Adeyemi"), or a role's comma, colon, bracket
                # or dash ("The facilitator, Folasade", "nurse (Ade)", "Trainer - Ade")
                gaps = _ROLE_NEXT if role else _SHORT_TITLE_NEXT \
                    if word in _SHORT_WORD_TITLES else _TITLE_NEXT
                start = next((after + len(g) for g in gaps if text.startswith(g, after)), None)
                match = _WORD.match(text, start) if start is not None else None
                if match and match.group()[0].isupper():
                    key = _key(match.group())
                    if _name_like(key) and not (role and key.startswith(("i'", "i\u2019"))):
                        return True
            pos = low.find(word, after)
    return False


def _has_digit_or_at(text: str) -> bool:
    """Whether ASCII text holds a digit or "@", what makes it worth a closer look
    whatever its words (eleven searches for one character each, written out: three
    times quicker than a generator of them, five times a regular expression's class).

    Examples
    --------
    >>> _has_digit_or_at("call me"), _has_digit_or_at("jo@x"), _has_digit_or_at("room 9")
    (False, True, True)
    """
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
            or "@" in text)


_QUICK_CAPITALISED = re.compile(r"[A-Z][^\W\d_]+")


def _spelt_email(low: str) -> bool:
    """Whether lower-case text may hold an e-mail address written without "@"."""
    return "(at" in low or "[at" in low or " dot " in low or _QUICK_TLD.search(low) is not None

#: Why a text is looked at closely: nothing, its characters only, or its words.
_NOTHING, _CHARACTERS, _WORDS = 0, 1, 2


@lru_cache(maxsize=1)
def _lower_given() -> frozenset[str]:
    """Given names that are no English word, as found in text written in lower case."""
    gaz = _gazetteer()
    return frozenset(k for k in gaz.given if len(k) > 2 and k not in gaz.common_words
                     and k not in gaz.dict_words)


@lru_cache(maxsize=1)
def _greeted_given() -> frozenset[str]:
    """Given names in lower case that thanks or a greeting, or a name in lower case
    beside them in a list, make names: those of :func:`_lower_given` and the given
    names that are rarer English words or short ("thank u deb", "cheers tony", "lisa
    and jo"); not those that are common words ("thanks will do") or pronouns ("em")."""
    gaz = _gazetteer()
    return frozenset(k for k in gaz.given if len(k) > 1 and k not in gaz.common_words
                     and k not in _NEVER_GREETED)


#: Given names that are more often something else in lower case: pronouns, the
#: emergency department ("thanks to ed staff"), "al fresco", "gene therapy", "min and max".
_NEVER_GREETED = frozenset("em om el wm ed al gene min".split())


#: Given names that are English words too, but rarely said of a thing that is praised
#: ("jo was great", "sue was lovely", "jack helped me"; not "kit", "mike", "peg", "max",
#: "rosemary", "median", found so by two readers' attacks, session 15).
_WORD_GIVEN_PRAISED = frozenset("""jo deb sue tom bob rob meg ken john peter tony terry
sally harry jack jimmy billy bobby matt nick martin victor pat frank mark dawn sandy
penny""".split())


@lru_cache(maxsize=1)
def _praised_given() -> frozenset[str]:
    """Given names in lower case that praise after them makes names: those of
    :func:`_lower_given`, and those of :data:`_WORD_GIVEN_PRAISED` ("jo and deb were
    great"; not "tone was friendly", "the new kit was great", "mike kept cutting out").

    Examples
    --------
    >>> given = _praised_given()
    >>> "jo" in given, "deb" in given, "imran" in given, "kit" in given, "will" in given
    (True, True, True, False, False)
    """
    gaz = _gazetteer()
    return _lower_given() | (_WORD_GIVEN_PRAISED & (gaz.given | gaz.given_common))


@lru_cache(maxsize=1)
def _known_no_given() -> frozenset[str]:
    """Words some list knows that are no given name of :func:`_praised_given`: an answer
    of these alone has no word in lower case that may be a name before praise."""
    return known_words() - _praised_given()


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Capitalised words that make a text worth a closer look: given names and
    surnames of the gazetteer, and titles."""
    gaz = _gazetteer()
    words = {k.capitalize() for k in gaz.given | gaz.given_common}
    words |= {k.capitalize() for k in gaz.surnames if k not in gaz.common_words}
    words |= {t.capitalize() for t in _TITLES | _WORD_TITLES}
    return frozenset(fold(w) for w in words)


def _names_a_trigger(found: list[str]) -> bool:
    """Whether capitalised words (as ``_QUICK_CAPITALISED`` finds them) hold a name or
    a title of :func:`_trigger_words`, also written in capitals ("ANDY", "SARAH") or
    with capitals inside ("McDonald").

    Examples
    --------
    >>> _names_a_trigger(["Great", "McDonald"]), _names_a_trigger(["ANDY"])
    (True, True)
    """
    trigger = _trigger_words()
    return not trigger.isdisjoint(found) or (not all(map(str.istitle, found)) and not
                                             trigger.isdisjoint([w.capitalize() for w in found
                                                                 if not w.istitle()]))


#: Where a sentence begins in a text put in lower case: its first letter, and the
#: first after a full stop, "!" or "?" and spaces, or a line break (a bullet between;
#: not after a label's colon: "GROUP NAME: GRACE NOTES CHOIR"); and "i" alone ("i'm").
_SENTENCE_FIRST = re.compile(r"(?:\A|[.!?][ \t]+|\n)[\W_]*?([^\W\d_])|\b(i)\b")


def _sentence_case(text: str) -> str | None:
    """A text in capitals as it would be written in sentence case, its length the same
    (None where lower case would change it: "\u0130").

    Examples
    --------
    >>> _sentence_case("GREAT DAY. TOM WAS VERY HELPFUL!\\n- I'M COMING AGAIN")
    "Great day. Tom was very helpful!\\n- I'm coming again"
    """
    low = text.lower()
    if len(low) != len(text):
        return None
    letters = list(low)
    for m in _SENTENCE_FIRST.finditer(low):
        at = m.start(1) if m.group(1) else m.start(2)
        letters[at] = letters[at].upper()
    return "".join(letters)


def _may_identify(text: str) -> int:
    """:func:`_may_identify_as_written`, and for a text in capitals, also as it would be
    written in sentence case (:func:`_sentence_case`: "THANKS,\\nLEEDS MIND" is
    "Thanks,\\nLeeds mind", a sign-off and a capitalised word), the more certain of
    the two.

    Examples
    --------
    >>> _may_identify("THANKS,\\nLEEDS MIND"), _may_identify_as_written("THANKS,\\nLEEDS MIND")
    (2, 0)
    """
    why = _may_identify_as_written(text)
    if why != _WORDS and text.isupper():
        cased = _sentence_case(text)
        if cased is not None:
            why = max(why, _may_identify_as_written(cased))
    return why


def _may_identify_as_written(text: str) -> int:
    """Whether the text may hold an identifier, quickly: ``_NOTHING`` (most answers),
    ``_CHARACTERS`` (digits, ``@`` or odd Unicode: numbers and e-mail addresses, and
    names only beside them) or ``_WORDS`` (a possible name: look at every word).

    Examples
    --------
    >>> _may_identify("More time for questions please"), _may_identify("ask for sarah")
    (0, 2)
    >>> _may_identify("Thank you for a great day"), _may_identify("Thank you Bronagh")
    (0, 2)
    >>> _may_identify("ring 0113 496 0000"), _may_identify("Sarah, 0113 496 0000")
    (1, 2)
    """
    if text.isascii():
        found = _QUICK_CAPITALISED.findall(text)
        # (a tab is one of _ASCII_SPACES: read again once normalised, as "Thanks\tTsiory"
        # is "Thanks Tsiory")
        why = _CHARACTERS if _has_digit_or_at(text) or _has_ascii_space(text) else _NOTHING
    else:
        # capitalised words without their accents, initials too ("\u00c1ine", "\u0141ukasz")
        folded_text = fold_text(text)
        found = _QUICK_CAPITALISED.findall(folded_text)
        why = _CHARACTERS if _QUICK_CHARS.search(text) else _NOTHING
    if found and not _plain_capitalised().issuperset(found) and (
            _names_a_trigger(found) or _unknown_in(found)):
        return _WORDS  # a name, a title, or a capitalised word nobody's list knows
    # A word shaped as a surname, all its runs of capitalised letters known ("MacKenzie":
    # those of "O'Neill", "El-Sayed" are names or unknown, seen above)
    if found and ("Mc" in text or "Mac" in text or "Fitz" in text) and _shaped_surname_in(text):
        return _WORDS
    low = text.lower()
    if not why and ("zero" in low or "oh " in low or "nought" in low) \
            and _SPOKEN_DIGITS.search(low):
        why = _CHARACTERS  # a phone number said a digit at a time
    if why and (" 2 " in low or " 4 " in low):  # digits for words: "speak 2 kuda"
        low = low.replace(" 2 ", " to ").replace(" 4 ", " for ")
    # Every word, wherever it stands ("thanks.mrs okonjo" too): in lower case, and
    # without accents as the name rules read them ("my name is zo\u00eb")
    words = _lower_words(low)
    folded = low if text.isascii() else fold_text(low)
    words_folded = words if folded == low else _QUICK_LOWER_WORDS.findall(folded)
    if text.islower() and (not (
            _lower_given().isdisjoint(words) and (
                words_folded is words or _lower_given().isdisjoint(words_folded))
            and not _joined_given_in(folded)) or _thanks_then_word_name(words_folded)):
        # all in lower case, with a given name ("i think lucy did well", "ng'ang'a"), or
        # ending with thanks and a given name that is a word ("thanks dawn xx")
        return _WORDS
    if ("'s" in folded or "\u2019s" in folded) \
            and _lower_possessive_in(words_folded, "-" in text):
        return _WORDS  # "tendai's session"
    if "/" in text and _SOCIAL_LINK.search(text):
        why = _CHARACTERS  # a profile's address: "facebook.com/jdoe1985"
    if "/" in text and any(_capitalised_word_before(text, m.start())
                           for m in _PRONOUNS.finditer(text)):
        return _WORDS  # "Folasade (she/her)"
    if not _known_no_given().issuperset(words_folded) \
            and _unknown_lower_praised(words_folded, "-" in text):
        # a word nobody's list knows before praise, in lower case ("tendai was kind",
        # "Great session. tendai was lovely", "nyasha-rose helped")
        return _WORDS
    hits = _SCREEN_WORDS.intersection(words)  # one pass over the words for both uses
    if words_folded is not words:
        hits |= _SCREEN_WORDS.intersection(words_folded)
    if (not _PERSON_AFTER.isdisjoint(hits) or not text.isascii()) \
            and _capitalised_before_verb(text):
        return _WORDS  # "Babajide really helped me"
    hits -= _VERBS_NOT_FIRST
    if not _LOWER_ROLES.isdisjoint(hits):
        if _role_then_lower_name(words_folded, hits):
            return _WORDS  # "my wife nyasha"
        hits -= _LOWER_ROLES_ONLY
    if not hits:
        if _spelt_email(low) and _MAY_BE_EMAIL.search(text):
            return _CHARACTERS
        return why
    if not _TITLES.isdisjoint(hits):
        return _WORDS
    # (a name beside a role is capitalised, no stop word and no common word unless a
    # name: in ASCII text without words joined by "-" or "'", one of found)
    if not _PERSON_WORDS.isdisjoint(hits) and (
            not text.isascii() or "-" in text or "'" in text
            or any(_name_like(w.lower()) for w in found)) \
            and _person_word_then_name(text, low, hits):
        return _WORDS  # "our nurse Folasade", "my son Tendai"
    if ("@" in text or _spelt_email(low)) and _MAY_BE_EMAIL.search(text):
        why = _CHARACTERS
    starts = hits.intersection(_QUICK_BY_FIRST)
    if starts and not _QUICK_SECOND.keys().isdisjoint(starts):
        # ("ask questions" holds no "ask for": no "for", no need to look for it)
        starts = {first for first in starts if first not in _QUICK_SECOND
                  or not _QUICK_SECOND[first].isdisjoint(words)
                  or (words_folded is not words and not _QUICK_SECOND[first].isdisjoint(
                      words_folded))}
    if not starts:
        return why
    # (capitals inside a word: "DeSouza", which "Desouza" is not)
    capitalised = frozenset([w.lower() for w in found if not w.istitle() and not w.isupper()]) \
        if found and not all(map(str.istitle, found)) else frozenset()
    if _introduces_a_name(text, low, words, starts, capitalised) or (
            words_folded is not words and _introduces_a_name(
                folded_text, folded, words_folded, starts, capitalised)):
        return _WORDS
    return why


def _thanks_then_word_name(words: list[str]) -> bool:
    """Whether ``words`` (the quick test's runs of a-z, in order) end with thanks or a
    sign-off (:data:`_SIGNING_WORDS`) and a given name that is a word, kisses after it
    or not, as the name rules take one ("thanks dawn xx", "love jean x").

    Examples
    --------
    >>> _thanks_then_word_name(["thanks", "dawn", "xx"]), _thanks_then_word_name(["thank",
    ...     "u", "joy"]), _thanks_then_word_name(["thanks", "love", "x"])
    (True, True, False)
    """
    end = len(words)
    while end and words[end - 1] in _KISSES:
        end -= 1
    if end < 2:
        return False
    return _signing_word_name(words[end - 1]) and (
        words[end - 2] in _THANKS_WORDS or words[end - 2] in _SIGNING_WORDS or (
            end > 2 and words[end - 3] in _THANKS_WORDS and words[end - 2] in ("you", "u")))


def _signing_word_name(key: str) -> bool:
    """Whether a word in lower case is a given name that is a word, as one signs an
    answer after thanks or a sign-off (:func:`_name_spans`' ``word_name_ends``, and the
    quick test's :func:`_thanks_then_word_name`): not what a person is called ("love"),
    "will" ("will do") or a month.

    Examples
    --------
    >>> [_signing_word_name(k) for k in ("dawn", "joy", "love", "will", "may", "lunch")]
    [True, True, False, False, False, False]
    """
    return key in _gazetteer().given_common and key in capitalised_english() \
        and key != "will" and key not in _CALLED and key not in _MONTHS


def _role_then_lower_name(words: list[str], hits: set[str]) -> bool:
    """Whether a role (of ``hits``) among ``words`` (the quick test's runs of a-z, in
    order) is followed by a word nobody's list knows, as the name rules take one after
    a role (:func:`_unknown_lower`: "my wife nyasha"; whatever stands between).

    Examples
    --------
    >>> words = ["my", "wife", "nyasha", "came"]
    >>> _role_then_lower_name(words, {"wife"}), _role_then_lower_name(words[:2], {"wife"})
    (True, False)
    """
    last, known = len(words) - 1, known_words()
    return any((words[k + 1] not in known and _unknown_lower(words[k + 1]))
               or words[k + 1] in _greeted_given()
               for role in hits & _LOWER_ROLES for k in _indices(words, role) if k < last)


def _unknown_lower_praised(words: list[str], hyphen: bool = False) -> bool:
    """Whether a word nobody's list knows (:func:`_unknown_lower`) among ``words`` (runs
    of a-z, in order) comes just before praise of a person as the name rules read it
    (:func:`_praise_at`: "tendai was kind", "tendai helped"), or, with ``hyphen`` (the
    text has one), two words before ("nyasha-rose was kind": "nyasha", "rose", "was").

    Examples
    --------
    >>> _unknown_lower_praised("it was good tendai was lovely".split())
    True
    >>> _unknown_lower_praised("tendai session".split())
    False
    >>> words = "nyasha rose was lovely".split()
    >>> _unknown_lower_praised(words), _unknown_lower_praised(words, hyphen=True)
    (False, True)
    """
    known, given = known_words(), _praised_given()
    steps = (1, 2) if hyphen else (1,)
    present = set(words)
    return any(any(_praise_at(words, k + d) for k in _indices(words, word) for d in steps)
               and (word in given or _unknown_lower(word))
               for word in present.difference(known) | present.intersection(given))


def _squeezed(word: str) -> tuple[str, str]:
    """A word with each letter written three times or more written once, and twice
    ("soooo": "so", "soo"; "gooood": "god", "good").

    Examples
    --------
    >>> _squeezed("soooo"), _squeezed("amaaaazing")
    (('so', 'soo'), ('amazing', 'amaazing'))
    """
    return _ELONGATED.sub(r"\1", word), _ELONGATED.sub(r"\1\1", word)


def _praise_at(words: list[str], k: int) -> bool:
    """Whether praise of a person begins at ``words[k]`` (runs of a-z, in order), as
    ``praised`` in :func:`_name_spans` reads it after a name: thanks or a verb of what
    a person does; "was"/"is"/"were" and a word of praise, an adverb or "a" ("is a
    legend"); "from"/"at"/"on" and a workplace, "the" between or not; an adverb and
    such a verb;
    a word of praise and a role ("chipo: brilliant facilitator").

    Examples
    --------
    >>> words = "tendai was lovely at the end".split()
    >>> _praise_at(words, 1), _praise_at(words, 3), _praise_at(words, 9)
    (True, False, False)
    >>> _praise_at("chipo at the desk".split(), 1)
    True
    """
    if k >= len(words):
        return False
    word = words[k]
    if word not in _PRAISE_NEXT:
        return False
    if word in _PRAISE_ALONE:
        return True
    after = words[k + 1] if k + 1 < len(words) else ""
    if after == "the" and word in _WHERE:  # "from the council"
        return k + 2 < len(words) and words[k + 2] in _WORKPLACES
    return after in _PRAISE_NEXT_NEXT[word] or (
        _ELONGATED.search(after) is not None
        and not _PRAISE_NEXT_NEXT[word].isdisjoint(_squeezed(after)))  # "was soooo kind"


def _lower_possessive_in(words: list[str], hyphen: bool = False) -> bool:
    """Whether a run of a-z before "'s" among ``words`` (the quick test's runs of a-z,
    in order: "tendai", "s") is one nobody's list knows (the caller has seen "'s"),
    or, with ``hyphen`` (the text has one), two before ("nyasha", "rose", "s").

    Examples
    --------
    >>> _lower_possessive_in(["tendai", "s", "session"]), _lower_possessive_in(["today", "s"])
    (True, False)
    >>> _lower_possessive_in(["nyasha", "rose", "s"], hyphen=True)
    True
    """
    known = known_words()
    steps = (1, 2) if hyphen else (1,)
    return "s" in words and any(words[k - d] not in known and _unknown_lower(words[k - d])
                                for k in _indices(words, "s") for d in steps if k >= d)


@lru_cache(maxsize=1)
def _joined_given() -> re.Pattern:
    """Given names of :func:`_lower_given` none of whose runs of a-z is one, such as
    those joined by an apostrophe or a hyphen ("ng'ang'a", "mari-anri"): the quick
    test's runs of a-z alone would not find them. One pattern of them all, found
    anywhere (one search, not one for each name)."""
    given = _lower_given()
    joined = sorted(k for k in given if given.isdisjoint(_QUICK_LOWER_WORDS.findall(k)))
    return re.compile("|".join(map(re.escape, joined)) or "(?!)")


def _joined_given_in(low: str) -> bool:
    """Whether text in lower case may hold one of :func:`_joined_given`.

    Examples
    --------
    >>> _joined_given_in("i think ng'ang'a did well"), _joined_given_in("it's fine")
    (True, False)
    """
    if "'" not in low and "\u2019" not in low and "-" not in low:
        return False
    return _joined_given().search(low) is not None


def _introduces_a_name(text: str, low: str, words: list[str], starts: set[str],
                       capitalised: frozenset[str]) -> bool:
    """Whether one of the quick test's introductions (first words ``starts``) is
    followed by a word the name rules could take (:func:`_intro_may_name`) in
    ``text`` (``low`` in lower case, ``words`` its lower-case words, ``capitalised``
    its capitalised words in lower case)."""
    if "s" in words:
        words = [w for w in words if w != "s"]  # "name's sarah", "name's is Okonjo"
    last = len(words) - 1
    tried = set()  # (an answer of 3,000 "thank you"s asks each pair once, not 3,000 times)
    for first in starts:
        intros = _QUICK_BY_FIRST[first]
        for j in _indices(words, first):
            for intro in intros:
                # the introduction's words and the word after it ("ask for sarah"; the
                # first word is words[j] already)
                k = j + len(intro)
                if k <= last and (k == j + 1 or tuple(words[j + 1:k]) == intro[1:]):
                    key = words[k]
                    if (intro, key) in tried:
                        continue
                    tried.add((intro, key))
                    if (_intro_may_name(intro, key, text) or key in capitalised) \
                            and _follows(low, intro[-1], key):
                        return True
    return False


def _intro_may_name(intro: tuple[str, ...], key: str, text: str) -> bool:
    """Whether the word ``key`` (in lower case) after the introduction ``intro`` in
    ``text`` may be a name to the name rules: a name of the gazetteer, a word
    written capitalised somewhere in the text (a stop word joined to more by a
    hyphen is one word to the name rules: "name's I-Okonjo"; a word with capitals
    inside, "DeSouza", is the caller's to find), or an unknown word after an
    introduction of a person or a greeting, or the last words of one ("led by
    tsiory", "cheers tsiory", the "name tsiory" of "my name tsiory")."""
    if intro in _ROLE_INTRO_SET:  # a role: only a word in lower case is for this test
        return _unknown_lower(key) or key in _greeted_given()
    return _gazetteer().is_name(key) or ((key not in _STOP or "-" in text)
                                         and key.capitalize() in text) or (
        intro in _LOWER_NAME_ENDS and _unknown_lower(key))


def _indices(items: list[str], item: str) -> list[int]:
    """Where ``item`` is in ``items``, found with ``list.index``.

    Examples
    --------
    >>> _indices(["ask", "for", "ask"], "ask"), _indices(["ask"], "for")
    ([0, 2], [])
    """
    found = []
    try:
        while True:
            found.append(items.index(item, found[-1] + 1 if found else 0))
    except ValueError:
        return found


def _words_before(text: str, end: int, count: int) -> list[str]:
    """The last ``count`` words (as the name rules split them) before ``end``."""
    start = max(0, end - 40 * count)
    while start > 0 and not text[start - 1].isspace():
        start -= 1  # never from the middle of a word
    return _WORD.findall(text, start, end)[-count:]


def _capitalised_word_before(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is capitalised and no stop word."""
    before = _words_before(text, end, 1)
    return bool(before) and before[-1][0].isupper() and _key(before[-1]) not in _STOP


def _capitalised_before_verb(text: str) -> bool:
    """Whether a capitalised word that is no common English word is one of the two
    words before a person's verb, or a word that describes a person ("Tsiory was
    lovely"): what the name rules look for, and more.

    Examples
    --------
    >>> _capitalised_before_verb("Babajide really helped me")
    True
    >>> _capitalised_before_verb("It helped. The staff explained it")
    False
    """
    if not text.isascii():
        text = fold(text)
    low = text.lower()
    if _PERSON_AFTER.isdisjoint(_lower_words(low)):
        return False
    if len(low) != len(text):
        return True  # lower case moved the letters: look closer, to be safe
    common = _gazetteer().common_words
    for match in _PERSON_VERB.finditer(low):
        if any(w[0].isupper() and ((key := _key(w)) not in common or _worded_surname(key))
               and key not in _STOP
               and key not in _NOT_BEFORE_PERSON_VERBS and not key.startswith(("i'", "i\u2019"))
               for w in _words_before(text, match.start(), 2)):
            return True
    return False


def _follows(low: str, last: str, key: str) -> bool:
    """Whether ``key`` comes right after the word ``last`` somewhere in ``low``, as the
    name rules take an introduction's name: with only spaces, line breaks, commas,
    colons or dashes between (and "'s": "name's sarah"); not across "!" or a full stop."""
    pos = low.find(last)
    while pos != -1:
        after = pos + len(last)
        if low.startswith(("'s", "\u2019s"), after):
            after += 2
        while after < len(low) and low[after] in " ,:-\r\n":
            after += 1
        if low.startswith(key, after):
            return True
        pos = low.find(last, pos + 1)
    return False


#: Two or three capitalised words just before a contact detail ("Kwame Mensah, "), or
#: one after a word that asks to get in touch ("call Bronagh on ").
#: What may stand between a name and a contact detail: these characters, then one of
#: these words ("Sarah, on 07...", "Tendai (mob) ...").
_BESIDE_GAP = " ,:;()-"
_BESIDE_SAYS = ("on", "at", "tel", "mob", "email")
_BESIDE_TAIL = rf"[{re.escape(_BESIDE_GAP)}]*(?:(?:{'|'.join(_BESIDE_SAYS)})[ :.]*)?$"
_BESIDE = re.compile(r"(?:(?<![\w'\u2019-])|(?i:(?:call|ring|text|phone|contact|email|e-mail"
                     r"|message|ask\s+for|speak\s+to)\s+))"
                     r"([A-Z][^\W\d_]+(?:['\u2019-][^\W\d_]+)?"
                     r"(?:[ ][A-Z][^\W\d_]+(?:['\u2019-][^\W\d_]+)?){0,2})"
                     + _BESIDE_TAIL)
#: A word in lower case after a word that asks to get in touch, just before a contact
#: detail: "contact chipo on ", "text rudo on ".
_BESIDE_LOWER = re.compile(r"(?i:(?:call|ring|text|phone|contact|email|e-mail|message"
                           r"|ask\s+for|speak\s+to|tell)\s+)([a-z]+)" + _BESIDE_TAIL)


#: The words of ``_BESIDE_LOWER`` that ask to get in touch, as they begin.
_ASKING = ("call", "ring", "text", "phone", "contact", "email", "e-mail", "message", "ask",
           "speak", "tell")


def _may_ask(before: str) -> bool:
    """Whether ``_BESIDE_LOWER`` can match in ``before`` (the text before a contact
    detail): one of its words is there, in any case (quicker than the search).

    Examples
    --------
    >>> _may_ask("please Contact chipo on "), _may_ask("my mobile is ")
    (True, False)
    """
    low = before.lower()
    return any(word in low for word in _ASKING)


def _may_end_capitalised(before: str) -> bool:
    """Whether ``_BESIDE`` can match in ``before`` (the text before a contact detail):
    its last word, what may stand between a name and a contact detail ("on", "at",
    "tel" ..., commas, brackets) taken off or not, starts with a capital, as a name's
    last word does (quicker than the search).

    Examples
    --------
    >>> _may_end_capitalised("Kwabena Mensahh, "), _may_end_capitalised("ring me on ")
    (True, False)
    >>> _may_end_capitalised("Tendai ( on "), _may_end_capitalised("x(Sarah) ")
    (True, True)
    """
    gap = _BESIDE_GAP + "."  # (and the "." that may follow "tel" and the like)
    end = before.removesuffix("\n").rstrip(gap)  # ("$" matches before a last "\n")
    ends = [end] + [end[:-len(w)].rstrip(gap) for w in _BESIDE_SAYS if end.endswith(w)]
    for text in ends:
        i = len(text)
        while i and (text[i - 1].isalpha() or text[i - 1] in "'\u2019-"):
            i -= 1
        if text[i:i + 1].isupper():
            return True
    return False


def _beside_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names of two or three capitalised words just before a contact detail (the
    rest of the name rules need a word that :func:`_may_identify` would have seen).

    Examples
    --------
    >>> s = "Kwabena Mensahh, 07700 900123"
    >>> [s[a:b] for a, b in _beside_spans(s, [(17, 29)])]
    ['Kwabena Mensahh']

    One word nobody's list knows, or a known name, alone (at the start, "Tendai:
    07700 900123"), and in lower case after a word that asks to get in touch
    ("contact chipo on 07700 900123").
    """
    gaz = _gazetteer()
    spans = []
    for a, _b in taken:
        start = max(0, a - 80)
        lower = _BESIDE_LOWER.search(text, start, a) if _may_ask(text[start:a]) else None
        if lower is not None and _unknown_lower(lower.group(1)):
            spans.append(lower.span(1))
            continue
        match = _BESIDE.search(text, start, a) if _may_end_capitalised(text[start:a]) else None
        if match is None:
            continue
        words = match.group(1).split()
        if len(words) == 1 and match.start(1) == match.start() and not (
                gaz.is_name(key := _key(words[0])) or (
                    _unknown_run(words[0]) and not _misspelt(key))):
            continue  # one capitalised word alone: a name, or only after "call", "ring" ...
        while words and _key(words[0]) in _CONTACT_WORDS:  # "Ring Jo on ..."
            words = words[1:]
        if not words:
            continue
        if all(_key(w) not in gaz.common_words and _key(w) not in _PLACE_WORDS
               and _key(w) not in _STOP for w in words):
            spans.append((match.end(1) - len(" ".join(words)), match.end(1)))
    return spans


#: Digits with what may stand between the digits of one number.
_DIGIT_RUN = re.compile(r"\d(?:[ .\-/()]{0,3}\d)*")


def _handles(text: str) -> Iterator[re.Match]:
    """The social media handles of ``text`` (:data:`_HANDLE`), those written straight
    after one another too.

    Examples
    --------
    >>> [m.group() for m in _handles("see @jane_doe88@jo_b and @x123")]
    ['@jane_doe88', '@jo_b', '@x123']
    """
    for m in _HANDLE.finditer(text):
        yield m
        while (m := _HANDLE_AFTER.match(text, m.end())) is not None:
            yield m


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of the text around its runs of digits, where every number and
    postcode must lie (so that the number patterns need not scan the rest). Each
    reaches 12 characters before a run ("+44 (0) ", "LS") and 4 after ("2QF" and
    the character after it); windows that touch are merged.

    Examples
    --------
    >>> _digit_windows("ring 0113 496 0000 please")
    [(0, 22)]
    >>> _digit_windows("no digits")
    []
    """
    windows: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        start, end = max(0, m.start() - 12), min(len(text), m.end() + 4)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


_SPELT_AT = re.compile(r"([^\W\d_][\w'-]*)\s+at\s+", re.IGNORECASE)


#: Words before "at" and a website, not an e-mail address ("I looked at nhs.uk").
_LOOKED = frozenset("""look looked looking see seen check checked visit visited go went
online website site sites found find read""".split())


def _website_said(found: str) -> bool:
    """Whether an e-mail address spelt with " at " is a website: one whose host begins
    "www.", or after a word of looking ("I looked at nhs.uk"); not one spelt out with
    "dot" ("hello at leedsvoices dot org"), nor a person's ("jo at nhs.net").

    Examples
    --------
    >>> _website_said("looked at nhs.uk"), _website_said("sarah at gmail.com")
    (True, False)
    >>> _website_said("Info at www.healthwatchleeds.co.uk")
    True
    """
    if "@" in found or "(" in found or "[" in found or "{" in found or "<" in found \
            or " dot " in found.lower():
        return False
    spelt = _SPELT_AT.match(found)
    if spelt is None:
        return False
    return spelt.group(1).lower() in _LOOKED or found[spelt.end():].lower().startswith("www.")


def _spans(text: str, names: bool = True) -> list[tuple[int, int, str]]:
    """Identifier spans in a normalised text, earliest kind first where two overlap
    (``names=False``: names only beside contact details)."""
    found: list[tuple[int, int, str]] = []

    def add(start: int, end: int, tag: str) -> None:
        if not any(a < end and start < b for a, b, _ in found):
            found.append((start, end, tag))

    low = text.lower()
    if "%40" in text:  # in a link, "@" written as a URL writes it ("email=jo%40nhs.net")
        for m in _URL_EMAIL.finditer(text):
            add(m.start(), m.end(), "[email]")
    if ("@" in text or _spelt_email(low)) and _MAY_BE_EMAIL.search(text):
        for m in EMAIL.finditer(text):
            if not _website_said(m.group()):
                add(m.start(), m.end(), "[email]")
        if "@" in text and _AT_HOST.search(text):
            for m in _MAIL_HOST.finditer(text):
                add(m.start(), m.end(), "[email]")
    if "/" in text:
        for m in _SOCIAL_LINK.finditer(text):
            add(m.start(1), m.end(1), "[name]")
    if "@" in text:
        for m in _handles(text):
            after = _WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
            if m.group()[1:].lower() not in _NOT_HANDLES and m.group()[1:].lower() not in _STOP \
                    and not (after and after.group().lower() in _PLACE_WORDS):
                add(m.start(), m.end(), "[name]")  # not "@Leeds CCG": a place's name
    if "zero" in low or "oh " in low or "nought" in low or "0 " in low:
        for start, end in _spoken_phone_spans(text):
            add(start, end, "[phone]")  # "oh seven seven double oh nine ..." (dictated)
    windows = _digit_windows(text)
    if windows and ("dob" in low or "birth" in low or "born" in low or "d.o" in low
                    or "d o b" in low or "d/o" in low):
        for m in _BIRTH_CUE.finditer(text):
            date = _BIRTH_DATE.match(text, m.end())
            while date is not None:  # "DOB 03/04/1956", "... and 07/08/1960"
                add(date.start(), date.end(), "[date_of_birth]")
                joined = _AND_DATE.match(text, date.end())
                date = _BIRTH_DATE.match(text, joined.end()) if joined else None
    # ten digits grouped otherwise: after "NHS" or "my number"
    nhs_said = bool(windows) and ("nhs" in low or "num" in low or "no" in low)
    for pos, endpos in windows:
        phones = _phone_spans(text, pos, endpos)
        for m in NHS_NUMBER.finditer(text, pos, endpos):
            digits = "".join(g for g in m.groups() if g)
            # ten digits inside a longer phone number ("+44 (0)113 496 0123") are the phone's
            if is_valid_nhs_number(digits) and not any(
                    a <= m.start() and m.end() <= b and b - a > m.end() - m.start()
                    for a, b in phones):
                add(m.start(), m.end(), "[nhs_number]")
        for m in _TEN_DIGITS.finditer(text, pos, endpos) if nhs_said else ():
            digits = "".join(_DIGIT.findall(m.group()))
            if is_valid_nhs_number(digits) and (
                    _NHS_BEFORE.search(text, max(0, m.start() - 20), m.start())
                    or _OWN_NUMBER_BEFORE.search(text, max(0, m.start() - 24), m.start())):
                add(m.start(), m.end(), "[nhs_number]")
        for start, end in phones:
            add(start, end, "[phone]")
        glued = _GLUED_POSTCODE.finditer(text, pos, endpos) if not text.islower() else ()
        for m in (*POSTCODE.finditer(text, pos, endpos), *glued):
            tail = _SPACED_INWARD.search(m.group())
            ordinal = _WORD_THEN_ORDINAL.fullmatch(m.group()) or _ORDINAL_INWARD.search(
                m.group())
            if (tail is None or tail.group(1).lower() not in _TWO_LETTER_WORDS) and not (
                    ordinal and _is_ordinal(*ordinal.groups())) and _in_an_area(m.group()):
                add(m.start(), m.end(), "[postcode]")  # not "from LS9 2 by bus", "me 12th"
    for pos, endpos in windows:
        for m in _SPACED_CHARS.finditer(text, max(0, pos - 12), min(len(text), endpos + 12)):
            compact = m.group().replace(" ", "").replace("\t", "")
            if POSTCODE.fullmatch(compact) and _in_an_area(compact):
                add(m.start(), m.end(), "[postcode]")  # "L S 6 1 A B"
    if windows and not _STREET_TYPE_SET.isdisjoint(_lower_words(low)):
        # a house number starts an address, and a street's word ends it
        for start, end in _street_address_spans(text, windows):
            add(start, end, "[address]")
    if windows and ("mrn" in low or "hosp" in low or "patient" in low or "unit" in low
                    or "case" in low):
        for m in _HOSPITAL_CUE.finditer(text):
            code = _HOSPITAL_NUMBER.match(text, m.end())
            if code is not None and sum(c.isdigit() for c in code.group()) >= 5:
                add(code.start(), code.end(), "[hospital_number]")  # "MRN 00123456"
    if windows and text.count(".") >= 3:  # an IP address: "192.168.44.201"
        for m in _IPV4.finditer(text):
            if len(m.group()) >= 8 and all(int(part) <= 255 for part in m.group().split(".")) \
                    and not _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                add(m.start(), m.end(), "[ip_address]")
    if windows and text.count(":") >= 2:  # "2001:db8::1", "fe80::1ff:fe23:4567:890a"
        for m in _IPV6.finditer(text):
            if len(m.group()) >= 8 and _is_ipv6(m.group()):
                add(m.start(), m.end(), "[ip_address]")
        for label in _IP_LABEL.finditer(text):  # "ipv6:2001:db8::1", "src:fe80::1"
            m = _IPV6_BODY.match(text, label.end())
            if m is not None and len(m.group()) >= 8 and _is_ipv6(m.group()):
                add(m.start(), m.end(), "[ip_address]")
    for pos, endpos in windows:  # "AB 12 34 56 C"; in lower case after "NI" and the like
        for m in _NI_NUMBER.finditer(text, max(0, pos - 4), min(len(text), endpos + 3)):
            # HMRC's own shape ("AB 12 34 56 C") in capitals anywhere; any other (in lower
            # case, grouped 3-3 or dashed, without its letter) only just after a cue
            if (_NI_SHAPE.fullmatch(m.group()) and m.group().isupper()) or _NI_CUE.search(
                    text, max(0, m.start() - 50), m.start()) \
                    or _NI_CUE_AFTER.match(text, m.end()):  # ("NI no. (for the form):")
                add(m.start(), m.end(), "[ni_number]")
    if windows and ("reg" in low or "plate" in low or "car" in low or "van" in low
                    or "vehicle" in low or "park" in low or "badge" in low or "taxi" in low
                    or "bike" in low or "driv" in low or "drove" in low):
        for pos, endpos in windows:
            for m in _VEHICLE_REG.finditer(text, max(0, pos - 4), min(len(text), endpos + 8)):
                if m.group(1).lower() not in _NOT_PLATE_LETTERS and _VEHICLE_CUE.search(
                        text, max(0, m.start() - 40), m.start()):
                    add(m.start(), m.end(), "[vehicle_registration]")  # "my car YH19 ABC"
    if windows and ("lat" in low or "apart" in low or "apt" in low):
        for m in _FLAT_IN.finditer(text):
            add(m.start(), m.end(), "[address]")  # "Flat 2, The Maltings"
    def add_name(start: int, end: int) -> None:
        wide = _username(text, start, end)
        if any(a < wide[1] and wide[0] < b for a, b, _ in found):
            wide = (start, end)  # the user name runs into a number or address found
        add(*wide, "[name]")

    contacts = [(a, b) for a, b, tag in found if tag in ("[email]", "[phone]")]
    for start, end in _beside_spans(text, contacts):
        add_name(start, end)
    if names:
        taken = [(a, b) for a, b, _ in found]
        spans = _name_spans(text, taken)
        # a text in capitals is read as written in sentence case too, and a name the
        # gazetteer knows that a sentence begins with is taken as well ("TOM WAS VERY
        # HELPFUL", "GREAT DAY. JO HELPED ME"; not "TBC", "CAMHS WAS GREAT": capitals
        # are no name's there; nor one the rules for lower case find: "3 JAN SESSION"),
        # or the rest of a name found as written ("FROM EILEEN WOOD", "eileen wood")
        cased = _sentence_case(text) if text.isupper() else None
        if cased is not None:
            spans = _joined_spans(spans + [
                (a, b) for a, b in _name_spans(cased, taken)
                if (cased[a].isupper() or any(a < d and c < b for c, d in spans))
                and not _all_names().isdisjoint(_WORD.findall(fold(cased[a:b].lower())))])
        for start, end in spans:
            if not _a_limit(text, start, end):
                add_name(start, end)
    return sorted(found)


@lru_cache(maxsize=1)
def _all_names() -> frozenset[str]:
    """Every given name and surname of the gazetteer, also those that are words."""
    gaz = _gazetteer()
    return gaz.given | gaz.given_common | gaz.surnames | gaz.surnames_common


def _joined_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, those that overlap joined into one.

    Examples
    --------
    >>> _joined_spans([(0, 3), (10, 12), (0, 9), (11, 15)])
    [(0, 9), (10, 15)]
    """
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


#: "Max." or "Min" before a number: a limit ("(Max. 3,000 characters)"), no name.
_LIMIT_WORDS = frozenset({"max", "min"})
_NUMBER_NEXT = re.compile(r"\.?[ \t]{0,2}\(?\d|\.[ \t]{1,2}[a-z]")  # "Max. capacity"
_WORD_BEFORE_SPAN = re.compile(r"([^\W\d_]+)[\W_]*$")


def _a_limit(text: str, start: int, end: int) -> bool:
    """Whether a name's span is "Max" or "Min" standing for a limit: a number after it,
    and no word before it that introduces a person ("Thanks Max. 5 stars" is a name).

    Examples
    --------
    >>> t = "Any comments? (Max. 500 characters)"
    >>> _a_limit(t, 15, 18), _a_limit("Thanks Max. 5 stars", 7, 10)
    (True, False)
    """
    if text[start:end].lower() not in _LIMIT_WORDS or not _NUMBER_NEXT.match(text, end):
        return False
    before = _WORD_BEFORE_SPAN.search(text, max(0, start - 30), start)
    return before is None or before.group(1).lower() not in (
        _INTRO_LAST | _TITLES | _WORD_TITLES | _THANKS)


#: The rest of a user name joined to a name by "_" or digits ("jane_doe_88", "jane88").
_USERNAME_AFTER = re.compile(r"[\w.]*\w")
_USERNAME_BEFORE = re.compile(r"\w[\w.]*$")


def _is_ipv6(candidate: str) -> bool:
    """Whether the text is an IPv6 address, as :mod:`ipaddress` reads one, with a group
    of four digits or a letter among its hexadecimal digits, as addresses have (not
    scores or times, which :mod:`ipaddress` would take: "5:5:4:5:5:4:5:5",
    "12:30::13:30").

    Examples
    --------
    >>> _is_ipv6("2001:db8::1"), _is_ipv6("10:30:45"), _is_ipv6("12::30::45")
    (True, False, False)
    >>> _is_ipv6("5:5:4:5:5:4:5:5"), _is_ipv6("12:30::13:30"), _is_ipv6("fe80::1")
    (False, False, True)
    """
    groups = candidate.split(":")
    if not any(len(g) == 4 or any(c.isalpha() for c in g) for g in groups):
        return False
    try:
        ipaddress.IPv6Address(candidate)
    except ValueError:
        return False
    return True


def _username(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span, widened to the whole user name it is part of ("insta jane_doe_88",
    "x_jane"): a name joined to other word characters by "_" or digits.

    Examples
    --------
    >>> t = "on insta jane_doe_88."
    >>> t[slice(*_username(t, 9, 13))], _username("Jane.", 0, 4)
    ('jane_doe_88', (0, 4))
    """
    if end < len(text) and (text[end] == "_" or text[end].isdigit()):
        end = _USERNAME_AFTER.match(text, end).end()
    if start > 0 and (text[start - 1] == "_" or text[start - 1].isdigit()):
        start = _USERNAME_BEFORE.search(text, 0, start).start()
    return start, end


def _redact_once(text: str, why: int) -> str:
    norm, index = _normalise(text)
    norm = _zeros_for_os(norm) if why else norm
    if why == _CHARACTERS and norm != text:
        why = max(why, _may_identify(norm))  # "Sa\u200brah" is a name once normalised
    spans = _spans(norm, names=why == _WORDS)
    if not spans:
        return text
    pieces = []
    last = 0
    for start, end, tag in spans:
        if index is not None:
            start, end = index[start], index[end - 1] + 1
            while end < len(text) and _MARK.match(text, end):
                end += 1  # the accents typed after the last letter ("Rene\u0301")
        pieces.append(text[last:start])
        pieces.append(tag)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def redact_value(text: object) -> object:
    """A value meant to be read as something else (a date, a score, a choice), as
    written to ``problems.csv`` or ``quarantine.csv``: redacted as free text is, and a
    name of the gazetteer standing alone, which free text keeps without context
    ("Qureshi", "Tom Okafor" typed as a session date), is a name; so is one or two
    capitalised words no list knows that are no slip of the keys on an English word
    ("Pickersgill"; a mistyped answer, "Agreee", "Stongly agree", is kept: the value
    is unreadable either way, and a word taken for a name costs the officer less
    than a name kept).

    Examples
    --------
    >>> redact_value("Qureshi"), redact_value("next Tuesday"), redact_value("Okafor, T.")
    ('[name]', 'next Tuesday', '[name]')
    >>> redact_value("Seacroft"), redact_value("Strongly agreee"), redact_value("TBC")
    ('Seacroft', 'Strongly agreee', 'TBC')
    >>> redact_value("Pickersgill"), redact_value("Agreee"), redact_value("Sometimes")
    ('[name]', 'Agreee', 'Sometimes')
    >>> redact_value("Dawn Hill"), redact_value("Eilidh MacLeod"), redact_value("Very good")
    ('[name]', '[name]', 'Very good')
    """
    redacted = redact(text)
    if not isinstance(redacted, str) or "[" in redacted:
        return redacted
    words = [w.strip(".,").lower() for w in redacted.split()]
    gaz = _gazetteer()
    if 1 <= len(words) <= 3 and _NAME_ALONE.fullmatch(redacted.strip()) and any(
            (w in gaz.given or w in gaz.surnames) and w not in gaz.common_words
            and w not in english_words() and w not in _MONTH_WORDS for w in words):
        return "[name]"
    raws = redacted.split()
    given = len(words) == 2 and (words[0] in gaz.given or (
        words[0] in capitalised_english() and words[0] in gaz.given_common))
    shaped = len(words) == 2 and (words[1] in gaz.surnames
                                  or _SURNAME_SHAPE.fullmatch(raws[1].rstrip(".,")) is not None)
    if len(words) == 2 and _NAME_ALONE.fullmatch(redacted.strip()) \
            and all(raw[:1].isupper() for raw in raws) and (
                (given and (shaped or words[1] in gaz.surnames_common))
                # a given name nobody's list knows before a surname no word is
                or (shaped and words[0].isalpha() and len(words[0]) > 2
                    and words[0] not in known_words())):
        return "[name]"  # a given name and a surname: "Dawn Hill", "Eilidh MacLeod"
    if 1 <= len(words) <= 2 and _NAME_ALONE.fullmatch(redacted.strip()) and all(
            raw[:1].isupper() and raw.rstrip(".,")[1:].islower() and _unknown_lower(w)
            and not any(w[:k] in _ANSWER_WORDS and w[k:] in _ANSWER_WORDS
                        for k in range(2, len(w) - 1))  # "Notsure", "Verygood"
            and not any(SequenceMatcher(None, w, word).ratio() >= 0.8
                        for word in _FORM_WORDS)  # "Wensday", "Augest", "Transformativ"
            for raw, w in zip(redacted.split(), words, strict=True)):
        return "[name]"  # "Pickersgill", "Tsiory Rakoto"
    return redacted


#: Words a form's answers and dates are written in, which a mistyped value is near.
_FORM_WORDS = frozenset("""descriptive intermediate transformative involved january february
march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday patient carer volunteer public staff other
agree disagree neutral neither strongly excellent""".split())
#: The words of the forms' answers, which a value typed run together is made of.
_ANSWER_WORDS = frozenset("""strongly agree disagree neither nor neutral very good poor
fair average excellent ok okay not sure don't dont know applicable yes no maybe satisfied
dissatisfied n a""".split())
#: A value that may be a name alone: one to three words of letters ("Okafor, T.").
_NAME_ALONE = re.compile(r"[^\W\d_][\w'\u2019.-]*,?(?:[ \t]+[^\W\d_][\w'\u2019.-]*,?){0,2}")


def redact(text: str) -> str:
    """Replace e-mail addresses, NHS numbers, UK phone numbers, postcodes, street
    addresses, dates of birth, hospital numbers and people's names in free text.

    Parameters
    ----------
    text:
        Free text from a form (anything else is returned as it is).

    Returns
    -------
    str
        The text with identifiers replaced by the :data:`PLACEHOLDERS`
        (``[email]``, ``[nhs_number]``, ``[phone]``, ``[postcode]``, ``[address]``,
        ``[date_of_birth]``, ``[hospital_number]``, ``[vehicle_registration]``,
        ``[ni_number]``, ``[ip_address]``, ``[name]``); everything else
        exactly as written.

    Examples
    --------
    >>> redact("Email me at jo.bloggs@example.org or ring 0113 496 0123")
    'Email me at [email] or ring [phone]'
    >>> redact("My NHS number is 943 476 5919 and I live at LS6 2QF")
    'My NHS number is [nhs_number] and I live at [postcode]'
    >>> redact("Send it to Flat 3, 22 Roundhay Road please")
    'Send it to [address] please'
    >>> redact("Hi, my name is Margaret and thanks to Dr Patel")
    'Hi, my name is [name] and thanks to Dr [name]'
    >>> redact("Really useful. Harold Whitcombe, 0114\\u00a0496\\u00a00999")
    'Really useful. [name], [phone]'
    >>> redact("I'm not sure the session was long enough")
    "I'm not sure the session was long enough"
    """
    if not isinstance(text, str):
        return text
    why = _may_identify(text)
    # A replacement can bring words together that make another identifier: repeat
    # until nothing changes, so that redacting twice changes nothing more.
    for _ in range(4):
        if why == _NOTHING:
            return text
        out = _redact_once(text, why)
        if out == text:
            return out
        text = out
        why = _may_identify(text)
    return text


def warm() -> None:
    """Load the word lists and build the sets that redaction reads (about 0.4 s, once a
    process), so that a caller can do it while another thread waits on other work
    (reading a file, which pyarrow does without Python's lock).

    Examples
    --------
    >>> warm()
    >>> _plain_capitalised.cache_info().currsize
    1
    """
    for load in (_gazetteer, known_words, english_words, proper_words, local_words,
                 capitalised_english, _known_no_given, _plain_capitalised,
                 _common_and_stop, _lower_given, _greeted_given, _trigger_words,
                 _joined_given):
        load()
    redact("Thanks Tsiory, my wife nyasha was lovely. Ring 07700 900123 or jo@x.org")


#: Below this many distinct answers, each goes through :func:`redact` on its own.
_SCREEN_FROM = 2000
#: A word (as ``str.split`` gives it) with none of these characters (only lower-case
#: ASCII letters) holds nothing the quick test looks for unless it is in ``_SCREEN_WORDS``.
_SCREEN_CHARS = r"[^a-z]"


#: What one word (as ``str.split`` gives it) of an answer in ASCII can be to the quick
#: test: a reason to look closer whatever else the answer holds (digits, "@", a
#: name of the gazetteer, a title, a spelt-out e-mail address); a word whose rules
#: need a name beside it (a person's verb, a role, a title that is a word, the first
#: word of an introduction); a word that could be such a name (capitalised, no stop
#: word, no common word unless a given name).
_FORCES, _NEEDS_NAME, _MAY_BE_NAME, _LOWER_ROLE = 1, 2, 4, 8
#: A word with a run of a-z nobody's list knows (:func:`_unknown_lower`), a word with
#: one of ``_PRAISE_NEXT`` or an "'s", a word with no run of a-z at all: an answer with
#: the first one or two words (that have runs) before the second may be "Great day.
#: tendai was kind" or "tendai 's session".
_UNKNOWN_LOW, _PRAISE_WORD, _NO_RUN = 16, 32, 64
#: Lower-case words that make the quick test look closer whatever else is there.
_FORCING_WORDS = _TITLES | {"dot"}
#: Lower-case words whose rules need a name beside them.
_NEEDING_WORDS = _SCREEN_WORDS - _FORCING_WORDS - _LOWER_ROLES_ONLY
#: Capitalised runs of letters, as parts of a word the name rules might take.
_CAPITALISED_RUN = re.compile(r"[A-Z][a-zA-Z]*")


def _word_flags(word: str) -> int:
    """What one word of an answer in ASCII is to :func:`_may_identify` (``_FORCES``,
    ``_NEEDS_NAME``, ``_MAY_BE_NAME``, or-ed; every test it makes of such an answer
    that is not a test of two words together is a test of its words, each a whole
    ``str.split`` word).

    Examples
    --------
    >>> _word_flags("0113") == _FORCES | _NO_RUN, _word_flags("Talk,") == _NEEDS_NAME
    (True, True)
    >>> _word_flags("tendai,") == _UNKNOWN_LOW
    True
    >>> _word_flags("Thanks,") == _NEEDS_NAME | _PRAISE_WORD
    True
    >>> _word_flags("Blossom") == _MAY_BE_NAME, _word_flags("Session."), _word_flags("The")
    (True, 0, 0)
    >>> _word_flags("Tsiory") == _FORCES | _MAY_BE_NAME | _UNKNOWN_LOW  # nobody's list knows it
    True
    """
    low = word.lower()
    lower_words = _lower_words(low)
    flags = 0
    if _has_digit_or_at(word) or not _FORCING_WORDS.isdisjoint(lower_words) \
            or _names_a_trigger(runs := _QUICK_CAPITALISED.findall(word)) \
            or _unknown_in(runs) or _spelt_email(low) or (runs and _shaped_surname_in(word)) \
            or (("'s" in low or "\u2019s" in low)
                and _lower_possessive_in(lower_words, "-" in word)) \
            or ("/" in word and (_SOCIAL_LINK.search(word) is not None
                                 or _PRONOUNS.search(" " + word) is not None)):
        flags |= _FORCES
    if not _NEEDING_WORDS.isdisjoint(lower_words):
        flags |= _NEEDS_NAME
    if not _LOWER_ROLES_ONLY.isdisjoint(lower_words):
        flags |= _LOWER_ROLE  # a role read only for a word in lower case after it
    if not _PRAISE_NEXT.isdisjoint(lower_words) or "s" in lower_words:
        flags |= _PRAISE_WORD  # (or "'s": "tendai 's", "nyasha-rose 's")
    if not _praised_given().isdisjoint(lower_words) or any(map(_unknown_lower, lower_words)):
        flags |= _UNKNOWN_LOW  # (a given name too: "imran,", "jo")
    if not lower_words:
        flags |= _NO_RUN
    # a name beside a verb, a role or a title, as the quick test takes it: a word of
    # the name rules, or a run of letters of one ("Ade" of "Ade-helped")
    if word != low and any(part[0].isupper() and _name_like(_key(part))
                           for part in _WORD.findall(word) + _CAPITALISED_RUN.findall(word)):
        flags |= _MAY_BE_NAME
    return flags


#: A role after what sets off a name before it ("Folasade (facilitator)", "Ade, the
#: trainer"), in any case, as :func:`_person_word_then_name` looks for one.
_ROLE_AFTER_SEPARATOR = "(?:{})(?:{})".format(
    "|".join(re.escape(s) for s in _ROLE_AFTER_NAME),
    "|".join(sorted(_ROLE_WORDS)))
#: The introductions the screen follows: the quick test's, and roles before a word in
#: lower case (:func:`_role_then_lower_name`).
_SCREEN_INTROS = _QUICK_INTROS + _ROLE_INTROS
_INTRO_WORDS = sorted({w for intro in _SCREEN_INTROS for w in intro})
#: The screen's introductions of one word, by their place in ``_INTRO_WORDS``; the rest.
_ONE_WORD_INTRO_CODES = np.array(sorted({_INTRO_WORDS.index(i[0]) for i in _SCREEN_INTROS
                                         if len(i) == 1}), dtype=np.int64)
_LONGER_INTROS = tuple(i for i in _SCREEN_INTROS if len(i) > 1)


def _split_words(array: pa.Array) -> pa.ListArray:
    """Each answer (ASCII) of ``array`` split into words as ``str.split`` splits it."""
    if pc.any(pc.match_substring_regex(array, "[\x1c-\x1f]")).as_py():
        return pc.utf8_split_whitespace(array)  # the separators str.split also splits at
    return pc.ascii_split_whitespace(array)


def _introduce_a_name(texts: list[str], rows: np.ndarray, parents: np.ndarray,
                      tokens: pa.DictionaryArray) -> np.ndarray:
    """Which of ``rows`` (answers of ``texts`` in ASCII, whose words ``tokens`` are
    each of the answer ``parents`` says) hold an introduction that the quick test
    would follow to a name: one of ``_QUICK_INTROS`` whose next word is a name of
    the gazetteer, or appears capitalised in the answer (the quick test's test, bar
    where the two words stand, which only narrows it)."""
    out = np.zeros(len(rows), dtype=bool)
    among = np.zeros(len(texts), dtype=bool)
    among[rows] = True
    mine = among[parents]
    if not mine.any():
        return out
    # the quick test's lower-case words: the runs of a-z of each word, in order
    runs = pc.split_pattern(pc.replace_substring_regex(
        pc.ascii_lower(tokens.dictionary), "[^a-z]+", " "), " ")
    runs = runs.take(pa.array(tokens.indices.to_numpy()[mine]))
    lower = pc.list_flatten(runs)
    row_of = parents[mine][pc.list_parent_indices(runs).to_numpy()]
    # (no empty runs, which a word that starts or ends in other characters gives; no
    # "s": the quick test drops it, "name's sarah")
    kept = pc.invert(pc.is_in(lower, value_set=pa.array(["", "s"], type=lower.type)))
    lower, row_of = lower.filter(kept), row_of[kept.to_numpy(zero_copy_only=False)]
    codes = pc.index_in(lower, value_set=pa.array(_INTRO_WORDS, type=lower.type))
    codes = codes.fill_null(-1).to_numpy()
    hit = np.zeros(len(texts), dtype=bool)
    if len(codes) <= 1:
        return hit[rows]
    # introductions of one word, all at once; then the longer ones, one by one
    at = np.isin(codes[:-1], _ONE_WORD_INTRO_CODES) & (row_of[:-1] == row_of[1:])
    found = np.flatnonzero(at)
    keys = lower.take(pa.array(found + 1)).to_pylist() if len(found) else []
    for row, code, key in zip(row_of[found].tolist(), codes[found].tolist(), keys, strict=True):
        if not hit[row] and _intro_may_name((_INTRO_WORDS[code],), key, texts[row]):
            hit[row] = True
    for intro in _LONGER_INTROS:
        n = len(intro)
        if len(codes) <= n:
            continue
        at = row_of[:len(codes) - n] == row_of[n:]
        for i, word in enumerate(intro):
            at &= codes[i:len(codes) - n + i] == _INTRO_WORDS.index(word)
        found = np.flatnonzero(at)
        if not len(found):
            continue
        keys = lower.take(pa.array(found + n)).to_pylist()
        for row, key in zip(row_of[found].tolist(), keys, strict=True):
            if _intro_may_name(intro, key, texts[row]):
                hit[row] = True
    return hit[rows]


def _praised_lower(flags: np.ndarray, parents: np.ndarray) -> np.ndarray:
    """The answers (of ``parents``, each word's answer) in which a word with a run of a-z
    nobody's list knows stands one or two words before a word that may begin praise
    (``flags``, each word's :func:`_word_flags`), or is one: a superset of those for
    which :func:`_unknown_lower_praised` holds, as the quick test's runs of a-z two
    apart are at most two words apart among words that have runs.

    Examples
    --------
    >>> flags = np.array([_UNKNOWN_LOW, _NO_RUN, _PRAISE_WORD, 0, _UNKNOWN_LOW])
    >>> _praised_lower(flags, np.array([0, 0, 0, 1, 1])).tolist()
    [0]
    """
    runs = (flags & _NO_RUN) == 0
    flags, parents = flags[runs], parents[runs]
    unknown, praise = (flags & _UNKNOWN_LOW) != 0, (flags & _PRAISE_WORD) != 0
    found = [parents[unknown & praise]]
    for d in (1, 2):
        pair = unknown[:-d] & praise[d:] & (parents[:-d] == parents[d:])
        found.append(parents[:-d][pair])
    return np.unique(np.concatenate(found))


def _screen(texts: list[str], chunk: int = 20_000) -> np.ndarray:
    """Which answers :func:`_may_identify` could send on (``True``), found for many
    answers at once: a ``False`` is an answer that is certainly left as it is.

    An answer is looked at on its own (``True``) unless it is in ASCII without tabs
    or form feeds (read again once normalised), holds a capital letter (answers all
    in lower case have rules of their own) and none
    of its words would make the quick test look closer (:func:`_word_flags`, asked
    once per distinct word, the words split and matched by pyarrow). An answer
    whose only such words need a name beside them (a role, a person's verb, an
    introduction) is looked at only if it also holds a word that could be that name,
    a role after what sets off a name (:func:`_person_word_then_name`), or an
    introduction followed by a name (:func:`_introduce_a_name`). An answer is looked
    at too where a word in lower case nobody's list knows stands just before one
    that may begin praise (:func:`_praised_lower`: "Great day. tendai was kind").
    ``chunk`` answers at a time, so that the words split out take little memory.
    """
    look = np.ones(len(texts), dtype=bool)
    verdicts: dict[str, int] = {}  # word -> its _word_flags
    lowers: dict[str, bool] = {}  # word of a-z nobody's list knows -> _unknown_lower
    for start in range(0, len(texts), chunk):
        part = texts[start:start + chunk]
        try:
            array = pa.array(part, type=pa.large_string())
        except (pa.ArrowException, UnicodeError):  # a lone surrogate: each on its own
            continue
        plain = pc.and_(pc.and_(pc.string_is_ascii(array),  # (capitals only: on its own)
                                pc.and_(pc.match_substring_regex(array, "[A-Z]"),
                                        pc.match_substring_regex(array, "[a-z]"))),
                        pc.invert(pc.match_substring_regex(
                            array, f"[{_ASCII_SPACES}]|{_SPOKEN_START}", ignore_case=True)))
        rows = np.flatnonzero(plain.to_numpy(zero_copy_only=False))
        if not len(rows):
            continue
        words = _split_words(array.take(pa.array(rows)))
        parents = rows[pc.list_parent_indices(words).to_numpy()]  # each word's answer
        tokens = pc.dictionary_encode(pc.list_flatten(words))
        distinct = tokens.dictionary
        flags = np.zeros(len(distinct), dtype=np.int8)
        others = pc.match_substring_regex(distinct, _SCREEN_CHARS).to_numpy(
            zero_copy_only=False)  # words with more than a-z
        for i, word in zip(np.flatnonzero(others).tolist(),
                           distinct.filter(pa.array(others)).to_pylist(), strict=True):
            flag = verdicts.get(word)
            if flag is None:
                flag = verdicts[word] = _word_flags(word)
            flags[i] = flag
        for flag, words_of in ((_FORCES, _FORCING_WORDS), (_NEEDS_NAME, _NEEDING_WORDS),
                               (_LOWER_ROLE, _LOWER_ROLES_ONLY),
                               (_PRAISE_WORD, _PRAISE_NEXT | {"s"})):
            within = pc.is_in(distinct, value_set=pa.array(sorted(words_of), type=distinct.type))
            flags[within.to_numpy(zero_copy_only=False) & ~others] |= flag
        # words of a-z alone nobody's list knows ("tendai"), or given names that are no
        # English word ("imran"), asked once a distinct word
        known, given, plain_words = known_words(), _praised_given(), np.flatnonzero(~others)
        for i, word in zip(plain_words.tolist(),
                           distinct.take(pa.array(plain_words)).to_pylist(), strict=True):
            if word not in known or word in given:
                unknown = lowers.get(word)
                if unknown is None:
                    unknown = lowers[word] = word in given or _unknown_lower(word)
                if unknown:
                    flags[i] |= _UNKNOWN_LOW
        of_words = flags[tokens.indices.to_numpy()]
        holds = {}
        for flag in (_FORCES, _NEEDS_NAME, _MAY_BE_NAME, _LOWER_ROLE, _UNKNOWN_LOW, _PRAISE_WORD):
            holds[flag] = np.zeros(len(part), dtype=bool)
            holds[flag][parents[(of_words & flag) != 0]] = True
        closer = holds[_FORCES] | (holds[_NEEDS_NAME] & holds[_MAY_BE_NAME])
        closer[_praised_lower(of_words, parents)] = True
        # answers whose words need a name beside them, with no word that could be one
        ask = np.flatnonzero(holds[_NEEDS_NAME] & ~closer)
        if len(ask):
            closer[ask] = pc.match_substring_regex(
                array.take(pa.array(ask)), _ROLE_AFTER_SEPARATOR,
                ignore_case=True).to_numpy(zero_copy_only=False)
        # and those with a role read only for a word in lower case after it ("my mate")
        rest = np.flatnonzero((holds[_NEEDS_NAME] | holds[_LOWER_ROLE]) & ~closer)
        if len(rest):
            closer[rest] = _introduce_a_name(part, rest, parents, tokens)
        look[start + rows[~closer[rows]]] = False
        if len(verdicts) > 1_000_000:  # bounded: most words recur
            verdicts.clear()
        if len(lowers) > 1_000_000:
            lowers.clear()
    return look


def redact_many(texts: list[str]) -> list[str]:
    """:func:`redact` of each text, the texts that certainly hold nothing found first
    for all of them at once (:func:`_screen`); the same as ``[redact(t) for t in
    texts]``, faster for many texts.

    Examples
    --------
    >>> redact_many(["call 07911 123456", "fine"])
    ['call [phone]', 'fine']
    """
    if len(texts) < _SCREEN_FROM:
        return [redact(t) for t in texts]
    look = _screen(texts)
    return [redact(t) if more else t for t, more in zip(texts, look.tolist(), strict=True)]


def redact_series(series: pd.Series) -> pd.Series:
    """Redact every text cell of a column (once per distinct value).

    Examples
    --------
    >>> redact_series(pd.Series(["call 07911 123456", None, "fine"])).tolist()
    ['call [phone]', <NA>, 'fine']
    """
    return map_distinct_many(series, redact_many)
