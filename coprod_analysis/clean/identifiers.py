"""The safety net for identifier columns nobody foresaw: columns told by their values.

A column whose header says nothing (``Q17``, ``Contact me on``, a header in
another language) but whose cells are e-mail addresses, UK phone numbers,
IP addresses, NHS numbers or map coordinates is an identifier column, and is
dropped like one, whatever the column was mapped to.

A cell counts only when the WHOLE cell (trimmed) is one such value: a comment
that mentions an e-mail address is not an e-mail address (its text is
redacted instead). A column is an identifier column when more than half of
its non-blank cells are such values, and at least :data:`MIN_CELLS` of them
(or its only non-blank cell is one): two e-mail addresses in a column of
three answers is "most", one stray phone number in a column of two answers
is not.

What counts (deliberately narrow, so that answers are never taken for
identifiers):

``email``
    ``name@domain.tld`` (also written with a fullwidth ``＠`` or after ``mailto:``).
``phone``
    a UK number in a phone-like shape: digits with spaces, dots, dashes or
    brackets only, ``0`` + 9 or 10 digits, or ``+44``/``0044`` (optionally
    ``(0)``) + 9 or 10 digits; as a spreadsheet that stored it as a number
    writes it, ``7`` + 9 digits (a mobile) or ``44`` + 9 or 10 digits.
    Dates (``01/02/2019``), times, money and short codes have other shapes.
``nhs_number``
    ten digits, with any separators, whose Modulus 11 check digit is valid.
``ip_address``
    an IPv4 or IPv6 address (Python's :mod:`ipaddress` decides).
``postcode``
    a full UK postcode (``LS6 2QF``, ``ls62qf``); a district alone (``LS6``) is not.
``coordinates``
    ``latitude, longitude`` with at least three decimals each and in range,
    or one number with at least four decimals between -180 and 180 (a
    latitude or longitude column). Likert digits, ratings, counts and
    durations never have four decimals.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import unicodedata

import numpy as np
import pandas as pd

from coprod_analysis.vocab import NI_GAP, NI_PREFIX

logger = logging.getLogger(__name__)

#: A column needs at least this many identifier-looking cells (or to have only one
#: non-blank cell, which is one) to be dropped.
MIN_CELLS = 2

#: Kind -> how the summary says what the values were.
VALUE_KINDS = {
    "email": "e-mail addresses",
    "phone": "phone numbers",
    "nhs_number": "NHS numbers",
    "ni_number": "National Insurance numbers",
    "ip_address": "IP addresses",
    "coordinates": "map coordinates",
    "postcode": "full postcodes",
    "name": "people's names",
}
#: A cell that may be a person's name alone: one to four words of letters
#: ("Eilidh MacLeod", "O'Neill, M.", "Jo").
_NAME_SHAPE = re.compile(r"[^\W\d_][\w'\u2019.-]*,?(?:[ \t]+[^\W\d_][\w'\u2019.-]*){0,3}")
#: How many distinct answers of a column are looked at to tell a column of names.
_NAMES_LOOKED_AT = 400

_EMAIL = re.compile(r"(?:mailto:)?[^\s@<>(),;:\"\[\]]+@[^\s@<>(),;:\"\[\]]+\.[a-z]{2,}",
                    re.IGNORECASE)
_PHONE_SHAPE = re.compile(r"\+?[\d\s().\-]{10,22}")
_DECIMAL = r"[-+]?\d{1,3}\.\d+"
_PAIR = re.compile(rf"[(\[]?\s*({_DECIMAL})\s*[,;/ ]\s*({_DECIMAL})\s*[)\]]?")
_SINGLE = re.compile(r"[-+]?\d{1,3}\.(\d{4,})")
#: A National Insurance number, as the whole cell ("AB 12 34 56 C", any case).
_NI = re.compile(rf"{NI_PREFIX}{NI_GAP}\d{{2}}{NI_GAP}\d{{2}}{NI_GAP}\d{{2}}{NI_GAP}[A-Da-d]")
#: A full UK postcode (outward and inward code), as the whole cell.
_POSTCODE = re.compile(r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}",
                       re.IGNORECASE)
#: A cheap first look: a cell that could be any of the kinds (so most columns of
#: answers are ruled out without a closer look).
_MAYBE = re.compile(r"[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}|\S*@\S*|[\d\s().+\-]{10,22}"
                    r"|[A-Za-z]{2}[\d\s./\-]{6,20}[A-Da-d]"  # (NI, its marks spaced too)
                    r"|[\d\s./\-]{10,20}|(?=.*[:.])[0-9a-fA-F:.]{2,45}"
                    rf"|[(\[]?\s*{_DECIMAL}(?:\s*[,;/ ]\s*{_DECIMAL})?\s*[)\]]?")


def _is_nhs(digits: str) -> bool:
    if len(digits) != 10:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return (0 if check == 11 else check) == int(digits[9]) and check != 10


def _is_phone(text: str, digits: str) -> bool:
    """A UK number in a phone-like shape (``+44`` or ``0044``, an optional ``(0)``)."""
    if not _PHONE_SHAPE.fullmatch(text) or text.count("+") > 1 or "+" in text[1:]:
        return False
    if text.startswith("+") or digits.startswith("0044"):
        rest = digits[2:] if text.startswith("+") else digits[4:]
        return (text.startswith("+44") or digits.startswith("0044")) and bool(
            re.fullmatch(r"0?[1-9]\d{8,9}", rest))
    # A spreadsheet that stored the number as a number drops the 0 (or the +): a mobile
    # number is then 7 and nine digits, an international one 44 and nine or ten.
    return bool(re.fullmatch(r"0[1-9]\d{8,9}|7\d{9}|44[1-9]\d{8,9}", digits))


def value_kind(cell: str) -> str | None:
    """The kind of identifier a whole cell is, or ``None``.

    Examples
    --------
    >>> [value_kind(v) for v in ("jo.bloggs@example.org", "0113 496 0123", "+44 (0)7700 900123",
    ...                          "943 476 5919", "192.0.2.14", "2001:db8::1", "53.80076, -1.54908")]
    ['email', 'phone', 'phone', 'nhs_number', 'ip_address', 'ip_address', 'coordinates']
    >>> [value_kind(v) for v in ("4", "10", "01/02/2019", "2019-02-01", "10:30", "S-2019-03",
    ...                          "email me at jo@example.org", "3.5", "943 476 5918", "£1,000")]
    [None, None, None, None, None, None, None, None, None, None]
    """
    text = unicodedata.normalize("NFKC", cell).strip()
    if not text or not _MAYBE.fullmatch(text):
        return None
    if "@" in text:
        return "email" if _EMAIL.fullmatch(text) else None
    if _POSTCODE.fullmatch(text):
        return "postcode"
    if _NI.fullmatch(text):
        return "ni_number"
    digits = re.sub(r"\D", "", text)
    if re.fullmatch(r"[\d\s./\-]+", text) and _is_nhs(digits):
        return "nhs_number"
    if _is_phone(text, digits):
        return "phone"
    if ":" in text or re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", text):
        try:
            ipaddress.ip_address(text)
        except ValueError:
            return None
        return "ip_address"
    pair = _PAIR.fullmatch(text)
    if pair:
        lat, lon = (float(g) for g in pair.groups())
        decimals = [len(g.split(".")[1]) for g in pair.groups()]
        if min(decimals) >= 3 and abs(lat) <= 90 and abs(lon) <= 180:
            return "coordinates"
        return None
    if _SINGLE.fullmatch(text) and abs(float(text)) <= 180:
        return "coordinates"
    return None


def column_value_kind(column: pd.Series) -> tuple[str, int, int] | None:
    """Whether a column's values are identifiers: ``(kind, cells that are, non-blank cells)``.

    Parameters
    ----------
    column:
        The column's raw cells (text).

    Returns
    -------
    ``None`` for an ordinary column.

    Examples
    --------
    >>> column_value_kind(pd.Series(["a@example.org", "", "b@example.org", "Leeds"]))
    ('email', 2, 3)
    >>> column_value_kind(pd.Series(["Good talk", "write to c@example.org", "d@example.org"]))
    """
    return _verdict(*_identifier_cells(column))


def _verdict(found: dict[str, tuple[str, int]], total: int) -> tuple[str, int, int] | None:
    """The threshold: more than half of the non-blank cells, and at least ``MIN_CELLS``."""
    kinds: dict[str, int] = {}
    for kind, count in found.values():
        kinds[kind] = kinds.get(kind, 0) + count
    if not kinds:
        return None
    # Phone and NHS numbers look alike: kinds add up, and the commonest names the column.
    count = sum(kinds.values())
    kind = max(kinds, key=kinds.get)
    if 2 * count > total and (count >= MIN_CELLS or total == 1):
        return kind, count, total
    return None


def names_kind(column: pd.Series) -> tuple[str, int, int] | None:
    """``("name", count, total)`` if more than half of a column's non-blank cells
    (and at least ``MIN_CELLS``) are a person's name and nothing else, else ``None``.

    A cell is a name if redaction takes it whole (``Sarah``, ``Dr Okafor``,
    ``Tsiory Rakoto``), it is a given name and a surname of the gazetteer
    (``Hope Little``, ``Eilidh MacLeod``), or a given name or surname alone that is
    no common word (``Okafor``); not a place's word after a word or an unknown one
    (``Poppy Ward``, ``Gledhow Wing``), a programme named after a person (``Mary
    Seacole``) or a month. Only the first
    :data:`_NAMES_LOOKED_AT` distinct answers are looked at (``total`` counts
    their cells).

    Examples
    --------
    >>> names_kind(pd.Series(["Sarah Jones", "Hope Little", "", "Tendai Moyo"]))
    ('name', 3, 3)
    >>> names_kind(pd.Series(["Seacroft Hub", "Mental health", "Sarah Jones"])) is None
    True
    """
    from coprod_analysis.clean.gazetteer import english_words, load
    from coprod_analysis.clean.redact import _MONTH_WORDS, _NAMED_ORGS, _PLACE_WORDS, redact
    from coprod_analysis.clean.values import TEXT_DTYPE, distinct_codes

    if column.dtype != TEXT_DTYPE:
        column = column.astype(TEXT_DTYPE)
    codes, distinct = distinct_codes(column)
    counts = np.bincount(codes[codes >= 0], minlength=len(distinct))
    gaz = load()
    named = total = looked = 0
    for value, count in zip(distinct, counts.tolist(), strict=True):
        key = "" if value is None or value is pd.NA else str(value).strip()
        if not key:
            continue
        looked += 1
        if looked > _NAMES_LOOKED_AT:
            break  # (the share of those looked at stands for the whole column)
        total += count
        if len(key) > 40 or not _NAME_SHAPE.fullmatch(key):
            continue
        words = [w.strip(".,").lower() for w in key.split()]
        if (words[-1] in _PLACE_WORDS and (words[0] not in gaz.given
                                           or words[0] in english_words())) \
                or tuple(words[:2]) in _NAMED_ORGS or words[-1] in _MONTH_WORDS:
            continue  # "Poppy Ward", "Gledhow Wing", "Mary Seacole" (a programme), "May"
        if not re.sub(r"\[name\]|[\W_]", "", redact(key)) or (
                len(words) >= 2 and (words[0] in gaz.given or words[0] in gaz.given_common)
                and (words[-1] in gaz.surnames or words[-1] in gaz.surnames_common)) or (
                len(words) == 1 and words[0] not in gaz.common_words
                and (words[0] in gaz.given or words[0] in gaz.surnames)):
            named += count  # (a surname alone too: "Okafor", "Jones")
    return _verdict({"": ("name", named)} if named else {}, total)


def _stripped(column: pd.Series) -> pd.Series:
    """The cells as text, trimmed (Arrow strings: fast on a million rows)."""
    from coprod_analysis.clean.values import TEXT_DTYPE

    if column.dtype != TEXT_DTYPE:
        column = column.astype(TEXT_DTYPE)
    return column.str.strip()


def _identifier_cells(column: pd.Series) -> tuple[dict[str, tuple[str, int]], int]:
    """Distinct cells that are identifiers -> (kind, how many), and the non-blank cells."""
    from coprod_analysis.clean.values import TEXT_DTYPE, distinct_codes

    if column.dtype != TEXT_DTYPE:
        column = column.astype(TEXT_DTYPE)
    # Distinct cells first: few, mostly. Encoded once for this check and for reading the
    # answers (distinct_codes remembers), in order of first appearance.
    codes, distinct = distinct_codes(column)
    counts = np.bincount(codes[codes >= 0], minlength=len(distinct))
    stripped: dict[str, int] = {}
    # As Python lists: iterating an Arrow-backed array value by value is several times slower.
    for value, count in zip(np.asarray(distinct, dtype=object).tolist(), counts.tolist(),
                            strict=True):
        key = str(value).strip()
        if key:
            stripped[key] = stripped.get(key, 0) + int(count)
    if not stripped:
        return {}, 0
    found = {}
    for value, count in stripped.items():
        if _MAYBE.fullmatch(unicodedata.normalize("NFKC", value).strip()):
            kind = value_kind(value)
            if kind is not None:
                found[value] = (kind, count)
    return found, sum(stripped.values())


#: Kinds replaced cell by cell in columns that are kept (a stray address typed as a
#: venue): a lone number with four decimals may be a score, so coordinates are not.
_CELL_KINDS = {"email": "[email]", "phone": "[phone]", "nhs_number": "[nhs_number]",
               "ni_number": "[ni_number]", "ip_address": "[ip_address]"}


def _replace_identifier_cells(export, header: str, found: dict[str, tuple[str, int]]) -> int:
    """Put a placeholder in place of each cell of a kept column that is an identifier."""
    swap = {value: _CELL_KINDS[kind] for value, (kind, _) in found.items()
            if kind in _CELL_KINDS}
    if not swap:
        return 0
    stripped = _stripped(export.cells[header])
    hit = stripped.isin(list(swap)).fillna(False).to_numpy(dtype=bool)
    cells = export.cells.copy()  # the reading layer's frame is never written to
    cells.loc[hit, header] = stripped[hit].map(swap).to_numpy()
    export.cells = cells
    return int(hit.sum())


def header_role(header: str) -> str | None:
    """The role of a column a person added by hand to a cleaned table, if it identifies.

    ``"identifier"`` (an e-mail address too: a cleaned table is not searched
    for resubmissions), ``"platform"`` for a platform's own id, else ``None``.

    Examples
    --------
    >>> header_role("Full name"), header_role("Email"), header_role("Collector ID")
    ('identifier', 'identifier', 'platform')
    >>> header_role("Table number") is None
    True
    """
    from coprod_analysis.mapping import identifier_kind

    kind = identifier_kind(header, weak=True)
    return "identifier" if kind == "email" else kind


#: Roles whose columns are already dropped, or hold the platform's own bookkeeping.
_NOT_CHECKED = frozenset({"identifier", "email", "respondent_id", "platform", "ignore",
                          "submitted_at", "source_platform"})


def drop_identifier_columns(export, colmap, field_names=()) -> tuple[dict[str, str], list[str]]:
    """Give every identifier column of an export the role ``identifier``, and say why.

    Columns whose header names an identifier were given their role by
    :func:`coprod_analysis.mapping.map_columns`; here every other column
    (a form field or an extra column) is looked at by its values
    (:func:`column_value_kind`). ``colmap.roles`` is changed in place.

    Parameters
    ----------
    export:
        The :class:`~coprod_analysis.read.platforms.RawExport`.
    colmap:
        Its :class:`~coprod_analysis.mapping.ColumnMap`.
    field_names:
        The form's field names (a note says when a field's column was dropped).

    Returns
    -------
    tuple of (header -> why it is dropped, notes)
        Both speak of columns by header (redacted, should a header itself be
        an identifier), never by value.
    """
    from coprod_analysis.clean.redact import redact
    from coprod_analysis.clean.values import encode_ahead
    from coprod_analysis.mapping import identifier_header_kind, names_a_place
    from coprod_analysis.vocab import IDENTIFIER_KINDS

    why: dict[str, str] = {}
    notes: list[str] = []
    # The columns checked by their values, encoded two at a time (remembered for below).
    encode_ahead([export.cells[header] for header, role in colmap.roles.items()
                  if role not in _NOT_CHECKED and role not in ("identifier", "email")])
    for header, role in list(colmap.roles.items()):
        shown = redact(header)
        if role in ("identifier", "email"):
            kind = identifier_header_kind(header)
            why[shown] = (f"its header names {IDENTIFIER_KINDS[kind]}" if kind else
                          "its header names a person, or the mapping file says it identifies")
            if kind == "location" and "venue" in field_names and "venue" not in colmap.fields:
                notes.append(f"column {shown!r} is taken for a device or map location and "
                             "dropped; if it is where the session was, map it to venue with "
                             f"--mapping (a line: {shown},venue)")
            continue
        if role in _NOT_CHECKED:
            continue
        cells, total = _identifier_cells(export.cells[header])
        found = _verdict(cells, total)
        header_kind = value_kind(header)  # no header row: the first row is a response
        if found is None and header_kind is not None:
            found = (header_kind, 0, total)
        if found is None and role == "unmapped":  # a column of names under any header
            found = names_kind(export.cells[header])
        if found is not None and found[0] == "postcode" and found[1] and names_a_place(header):
            found = None  # "Venue postcode": the postcode of a place, not of a person
        if found is None:
            replaced = _replace_identifier_cells(export, header, cells)
            if replaced:
                notes.append(f"column {shown!r}: {replaced} answer(s) that were only an e-mail "
                             "address, phone, NHS number or IP address replaced by a "
                             "placeholder such as [email]")
            continue
        kind, count, total = found
        colmap.roles[header] = "identifier"
        why[shown] = (f"its header is one of {VALUE_KINDS[kind]} (a file without a header "
                      "row?)" if count == 0 else
                      f"{count} of its {total} answers are {VALUE_KINDS[kind]}" if total > 1
                      else f"its only answer is one of {VALUE_KINDS[kind]}")
        if role in field_names:  # the question is then unanswered: worth a note of its own
            notes.append(f"column {shown!r} looked like the question {role!r} but is dropped "
                         f"as an identifier ({why[shown]}); map the right column with "
                         "--mapping if the question is elsewhere")
        logger.info("%s: column %r dropped: %s", export.path.name, shown, why[shown])
    return why, notes


def shared_file_names(paths, *, keep_text: bool = False) -> dict:
    """What each input file is called in the outputs: its name, redacted like free text.

    A file saved as ``feedback from jane.doe@nhs.net.csv`` is
    ``feedback from [email].csv`` in every file written; two names that
    redact alike are told apart by a number.

    Examples
    --------
    >>> from pathlib import Path
    >>> a, b = Path("x/from jo@example.org.csv"), Path("y/from al@example.org.csv")
    >>> list(shared_file_names([a, b]).values())
    ['from [email].csv', 'from [email] (2).csv']
    """
    from pathlib import Path

    from coprod_analysis.clean.redact import redact

    out: dict = {}
    taken: set[str] = set()
    for path in paths:
        path = Path(path)
        # The extension is not part of the text: "jo@example.org.csv" is an address + ".csv".
        name = path.name if keep_text else redact(path.stem) + path.suffix
        if name in taken:
            stem, dot, suffix = name.rpartition(".")
            stem, suffix = (stem, f".{suffix}") if dot else (name, "")
            number = 2
            while f"{stem} ({number}){suffix}" in taken:
                number += 1
            name = f"{stem} ({number}){suffix}"
        taken.add(name)
        out[path] = name
    return out


def drop_identifier_table_columns(table: pd.DataFrame, keep: str | None = None
                                  ) -> tuple[pd.DataFrame, dict[str, str]]:
    """A plain table without its identifier columns (by header or by values), and why.

    For tables written by commands other than ``coprod clean`` (``coprod themes
    classify`` copies its input's columns): the same checks as cleaning.

    Parameters
    ----------
    table:
        The table, every cell text.
    keep:
        A column kept whatever it holds (the text being coded).

    Examples
    --------
    >>> t = pd.DataFrame({"Email": ["a@example.org"], "comment": ["More time"],
    ...                   "Q9": ["07911 123456"]})
    >>> kept, why = drop_identifier_table_columns(t, keep="comment")
    >>> list(kept.columns), sorted(why)
    (['comment'], ['Email', 'Q9'])
    """
    from coprod_analysis.clean.redact import redact
    from coprod_analysis.mapping import identifier_header_kind
    from coprod_analysis.vocab import IDENTIFIER_KINDS

    why: dict[str, str] = {}
    dropped = []
    for header in table.columns:
        if header == keep:
            continue
        shown = redact(str(header))
        if header_role(str(header)) is not None:
            kind = identifier_header_kind(str(header))
            why[shown] = (f"its header names {IDENTIFIER_KINDS[kind]}" if kind
                          else "its header names a person")
        elif (found := column_value_kind(table[header])) is not None:
            kind, count, total = found
            why[shown] = f"{count} of its {total} answers are {VALUE_KINDS[kind]}"
        else:
            continue
        dropped.append(header)
    return table.drop(columns=dropped), why


def shown_headers(headers, *, keep_text: bool = False) -> dict[str, str]:
    """What each column is called in the outputs: its header, redacted like free text.

    A header is written by whoever built the survey and may hold a person
    ("Comments for Dr Smith", "Feedback - jane@x.org"); it reaches the clean
    table (an extra column keeps its header), ``quarantine.csv``,
    ``problems.csv`` and ``summary.json``. Two headers that redact alike are
    told apart by a number, as file names are.

    Parameters
    ----------
    headers:
        The export's headers, in order.
    keep_text:
        Keep them as written (``--keep-text``).

    Returns
    -------
    dict
        header -> the name written.

    Examples
    --------
    >>> shown_headers(["Notes", "Feedback - jo@example.org", "Feedback - al@example.org"])
    {'Notes': 'Notes', 'Feedback - jo@example.org': 'Feedback - [email]', \
'Feedback - al@example.org': 'Feedback - [email] (2)'}
    """
    from coprod_analysis.clean.redact import redact

    headers = [str(h) for h in headers]
    if keep_text:
        return {h: h for h in headers}
    out: dict[str, str] = {}
    # Headers kept as written first, so that one never changes because another redacts alike.
    redacted = {h: " ".join(redact(h).split()) or h for h in headers}
    taken = {h for h in headers if redacted[h] == h}
    for header in headers:
        name = redacted[header]
        if name != header:
            base, number = name, 2
            while name in taken:
                name, number = f"{base} ({number})", number + 1
            taken.add(name)
        out[header] = name
    return out
