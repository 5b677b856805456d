"""Read a CSV or XLSX file into a grid of text cells, losing nothing.

A :class:`Grid` is every record of the file as text, header rows included:
the reading layer decides nothing about what the columns mean. Records whose
number of fields differs from the first record's (a missing or extra comma)
are set apart in :attr:`Grid.malformed` rather than padded or cut, so that the
cleaning layer can quarantine them with a reason.

CSV files are parsed by pyarrow's reader when they are well formed (a large
file in two halves at once, cut where a record ends); when it reports any
irregular record, the file is parsed again with Python's :mod:`csv` module,
which gives exact record numbers.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import logging
import re
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from coprod_analysis.errors import CoprodError
from coprod_analysis.limits import (
    MAX_SHEET_CELLS,
    check_columns,
    check_workbook,
    read_csv_bytes,
    too_many_cells,
)

logger = logging.getLogger(__name__)

#: Cell values at most this long are read; longer cells are an error.
MAX_CELL_CHARS = 10_000_000

_NOT_BLANK = re.compile(rb"[^\s\xef\xbb\xbf]")
_TEXT_DTYPE = pd.StringDtype("pyarrow")


@dataclass
class Grid:
    """The records of one file, as text.

    Attributes
    ----------
    path:
        The file read.
    records:
        One row per well-formed record (header rows included), columns
        ``0..n-1``, every cell a string (never missing).
    record_numbers:
        The 0-based record number in the file of each row of ``records``.
    malformed:
        ``(record_number, fields)`` for each record whose field count differs
        from the first record's.
    encoding:
        How the bytes were decoded (``utf-8``, ``utf-8-sig``, ``windows-1252``,
        ``mixed utf-8/windows-1252``) or ``xlsx``.
    notes:
        Plain-English notes on anything repaired while reading.
    serial_epoch:
        Day 0 of the workbook's date system, for dates written as serial numbers
        (``45365``): ``None`` for Excel's usual 1900 system, 1 January 1904 for a
        workbook saved in the 1904 system (Mac Excel).
    """

    path: Path
    records: pd.DataFrame
    record_numbers: list[int] | range
    malformed: list[tuple[int, list[str]]] = field(default_factory=list)
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    serial_epoch: dt.date | None = None


# --- Bytes to text ---------------------------------------------------------


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as Windows-1252 (Latin-1 where undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    text = "".join(
        bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        else bytes([b]).decode("latin-1")
        for b in chunk
    )
    return text, error.end


codecs.register_error("coprod_cp1252", _cp1252_fallback)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a CSV file's bytes: UTF-8 (with or without BOM) first, then Windows-1252.

    A file that mixes UTF-8 and Windows-1252 bytes (pasted from two sources)
    is decoded byte sequence by byte sequence: valid UTF-8 as UTF-8, the rest
    as Windows-1252.

    Parameters
    ----------
    data:
        The file's bytes.

    Returns
    -------
    tuple of (text, encoding name)

    Examples
    --------
    >>> decode_bytes("don’t".encode("utf-8"))
    ('don’t', 'utf-8')
    >>> decode_bytes(b"don\\x92t")
    ('don’t', 'windows-1252')
    >>> decode_bytes(codecs.BOM_UTF8 + b"a,b")
    ('a,b', 'utf-8-sig')
    """
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    text = body.decode("utf-8", errors="coprod_cp1252")
    strict_cp1252 = body.decode("cp1252", errors="replace")
    encoding = "windows-1252" if text == strict_cp1252 else "mixed utf-8/windows-1252"
    return text, encoding


def _check_is_text(data: bytes, path: Path) -> None:
    """Refuse binary files (images, zips, damaged spreadsheets) named ``.csv``."""
    sample = data[:65536]
    if sample.startswith(b"PK\x03\x04"):
        raise CoprodError(
            "this is an Excel or zip file with a .csv name; rename it to .xlsx", path
        )
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    nuls = sample.count(0)
    if controls > max(8, len(sample) // 20) or nuls > max(2, len(sample) // 100):
        raise CoprodError("this is not a text CSV file (it looks like binary data)", path)


def _sniff_delimiter(text: str) -> str:
    """Choose the delimiter: comma, semicolon or tab.

    A European Excel saves "CSV" with semicolons, and Excel's "Unicode Text"
    uses tabs, while question headers often hold commas. The delimiter chosen
    is the one that splits the first records into the same number of fields,
    two or more; where several do, the one giving most fields, then comma.

    Examples
    --------
    >>> _sniff_delimiter('"a;b",c,d\\n1,2,3\\n')
    ','
    >>> _sniff_delimiter('Date;Venue;"Q1, role"\\n1;2;3\\n')
    ';'
    >>> _sniff_delimiter('Overall, how was it?\\tDate\\tVenue\\nGood\\t1\\t2\\n')
    '\\t'
    """
    best, best_key = ",", (False, 0, True)
    for delimiter in (",", ";", "\t"):
        try:
            records = list(itertools.islice(
                csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 20))
        except csv.Error:
            continue
        if len(records) > 1 and records[-1] and not text.endswith(("\n", "\r")):
            records = records[:-1]  # the last line may be cut short by the sample
        widths = [len(r) for r in records if r]
        if not widths:
            continue
        consistent = widths[0] >= 2 and all(w == widths[0] for w in widths)
        key = (consistent, widths[0], delimiter == ",")
        if key > best_key:
            best, best_key = delimiter, key
    return best


# --- CSV -------------------------------------------------------------------


def read_csv_grid(path: Path) -> Grid:
    """Read a CSV file into a :class:`Grid`.

    Parameters
    ----------
    path:
        A CSV file (any of the encodings in :func:`decode_bytes`; comma,
        semicolon or tab delimited; quoted fields may hold newlines).

    Returns
    -------
    Grid

    Raises
    ------
    CoprodError
        If the file is empty, binary, or cannot be parsed as CSV.
    """
    raw = read_csv_bytes(path)
    data = _utf16_or_32_to_utf8(raw, path)
    # How the file was written, when it was re-encoded as UTF-8 to be read.
    wide = None if data is raw else (
        "utf-32" if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) else "utf-16")
    del raw
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode Text" and some exports are UTF-16: re-encode as UTF-8.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise CoprodError("starts like UTF-16 text but is not", path) from None
        wide = "utf-16"
    if not _NOT_BLANK.search(data):
        raise CoprodError("the file is empty", path)
    notes: list[str] = []
    # Zero bytes after the last line (a save or a copy cut short) and an old end-of-file
    # mark (Ctrl-Z): not data, and not a sign of a binary file either.
    end = len(data.rstrip(b"\x00\x1a"))
    if end < len(data) and _NOT_BLANK.search(data, 0, end):
        padding = data[end:]
        data = data[:end]
        notes.append(f"{padding.count(0)} zero bytes at the end of the file (a save cut "
                     "short?) were removed" if padding.count(0) else
                     "an old end-of-file mark after the last line was removed")
    _check_is_text(data, path)
    if b"\x00" in data:
        data = _without_nul(data)
        notes.append("NUL bytes were removed (between two letters, a space in their place)")
        if not _NOT_BLANK.search(data):
            raise CoprodError("the file is empty (it holds nothing but NUL bytes)", path)
    data, hinted = _strip_sep_line(data)
    if hinted:
        notes.append(f"the first line, Excel's 'sep={hinted}' delimiter hint, was skipped")
    data, above = _strip_empty_lines_above(data)
    if above:
        notes.append(_empty_above_note(above, "line"))
    bom = data.startswith(codecs.BOM_UTF8)
    buffer = pa.py_buffer(data)
    body = buffer.slice(len(codecs.BOM_UTF8)) if bom else buffer
    head = data[len(codecs.BOM_UTF8) if bom else 0 :][:65536].decode("utf-8",
                                                                     errors="coprod_cp1252")
    delimiter = hinted or _sniff_delimiter(head)
    if delimiter != ",":
        notes.append(f"delimited by {'semicolons' if delimiter == ';' else 'tabs'}")
    width = _first_record_width(head, delimiter)
    check_columns(width, path)
    encoding = "utf-8-sig" if bom else "utf-8"
    # Fast path straight from the bytes when they are UTF-8, every quote is
    # closed (an odd number of quote marks means one never is; the exact parser
    # then says where) and no empty lines end the file (they are not rows, and
    # only the exact parser can tell an empty line from a row of empty cells).
    grid = None
    ends_in_empty_line = re.search(rb"(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)\s*$", data[-64:])
    regular = count_byte(data, b'"') % 2 == 0 and not ends_in_empty_line
    if regular and _is_utf8(data):
        grid = _parse_fast(body, width, delimiter, path)
    if grid is None:
        text, encoding = decode_bytes(data)
        del data, body, buffer
        if regular and encoding not in ("utf-8", "utf-8-sig"):
            grid = _parse_fast(pa.py_buffer(text.encode("utf-8")), width, delimiter, path)
        if grid is None:
            grid = _parse_exact(text, delimiter, path)
    encoding = wide or encoding
    logger.info("%s: decoded as %s", path.name, encoding)
    if encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"read as {encoding}")
    if _ends_in_empty_values(grid, width):
        notes.append("every row has more values than the header has columns, the extra "
                     "ones empty: if each line but the header's ends with a delimiter, add "
                     "one at the end of the header line too (the rows are set aside: a "
                     "stray delimiter inside a row may have moved its values)")
    grid.encoding = encoding
    grid.notes = notes
    return grid


def _ends_in_empty_values(grid: Grid, width: int) -> bool:
    """Whether every row past the header has the same number of values too many, all
    of them empty (an exporter that ends every line but the header's with a
    delimiter, or one stray delimiter in every row and an empty last column: the two
    cannot be told apart, so the rows stay set aside, with this said)."""
    if not grid.malformed or len(grid.records) != 1 or any(n == 0 for n, _ in grid.malformed):
        return False
    extra = {len(fields) - width for _, fields in grid.malformed}
    return len(extra) == 1 and extra.pop() > 0 and not any(
        any(v.strip() for v in fields[width:]) for _, fields in grid.malformed)


#: NUL bytes between two letters ("Seacroft\0Hub"; bytes of UTF-8 beyond ASCII too).
_NUL_INSIDE = re.compile(rb"(?<=[A-Za-z\x80-\xff])\x00+(?=[A-Za-z\x80-\xff])")


def _without_nul(data: bytes) -> bytes:
    """The bytes without NULs: a run of them between two letters becomes one space, so
    that words stay apart (a venue "Seacroft\\x00Hub" is the "Seacroft Hub" of other
    rows, not a session of its own); the rest (padding at the end of a cell or the
    file, or inside a date or a number, "20/03\\x00/2018") are dropped.

    Examples
    --------
    >>> _without_nul(b"Seacroft\\x00Hub,20/03\\x00\\x00/2018,Hub\\x00\\x00,\\x00x\\n\\x00\\x00")
    b'Seacroft Hub,20/03/2018,Hub,x\\n'
    """
    return _NUL_INSIDE.sub(b" ", data).replace(b"\x00", b"")


def _utf16_or_32_to_utf8(data: bytes, path: Path) -> bytes:
    """UTF-32 (with its BOM) and UTF-16 without a BOM, re-encoded as UTF-8; other bytes
    as they are. UTF-16 without a BOM is recognised by its NUL bytes: every other
    byte of a text in a Latin script.

    Examples
    --------
    >>> _utf16_or_32_to_utf8("Date,Venue\\n".encode("utf-16-le"), Path("x.csv"))
    b'Date,Venue\\n'
    >>> _utf16_or_32_to_utf8("Date,Venue\\n".encode("utf-32"), Path("x.csv"))
    b'Date,Venue\\n'
    """
    encoding = None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and len(data) >= 8:
        sample = data[:4096]
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            encoding = "utf-16-le"
        elif even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            encoding = "utf-16-be"
    if encoding is None:
        return data
    try:
        return data[: len(data) - len(data) % (4 if encoding == "utf-32" else 2)].decode(
            encoding).encode("utf-8")
    except UnicodeDecodeError:
        raise CoprodError(f"starts like {encoding.upper()} text but is not", path) from None


#: Empty lines (or lines of empty cells, ",,,,") before the header.
_EMPTY_LINES_ABOVE = re.compile(rb"(?:[ \t,;]*(?:\r\n|\n|\r))+")


def _strip_empty_lines_above(data: bytes) -> tuple[bytes, int]:
    r"""The bytes without the empty lines above the header (a BOM kept), and how many.

    Examples
    --------
    >>> _strip_empty_lines_above(b"\r\n,,,\r\nDate,Venue\r\n1,2\r\n")
    (b'Date,Venue\r\n1,2\r\n', 2)
    >>> _strip_empty_lines_above(b"Date,Venue\n")
    (b'Date,Venue\n', 0)
    """
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    found = _EMPTY_LINES_ABOVE.match(data, len(bom))
    if found is None:
        return data, 0
    breaks = found.group().replace(b"\r\n", b"\n")
    return bom + data[found.end():], breaks.count(b"\n") + breaks.count(b"\r")


def _empty_above_note(count: int, what: str) -> str:
    """The note on empty lines or rows skipped above the header."""
    return (f"{count} empty {what}{'s' if count != 1 else ''} above the header "
            f"{'were' if count != 1 else 'was'} skipped (the first row with anything in it "
            "is read as the header)")


def _strip_sep_line(data: bytes) -> tuple[bytes, str]:
    r"""Drop Excel's ``sep=;`` first line (its delimiter hint), returning the delimiter.

    Examples
    --------
    >>> _strip_sep_line(b"sep=;\r\na;b\r\n")
    (b'a;b\r\n', ';')
    >>> _strip_sep_line(codecs.BOM_UTF8 + b'"sep=,"\na,b')
    (b'\xef\xbb\xbfa,b', ',')
    >>> _strip_sep_line(b"sep,b\n1,2")
    (b'sep,b\n1,2', '')
    """
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    match = re.match(rb'"?sep=([,;\t|])"?[ \t]*(?:\r\n|\n|\r)', data[len(bom):], re.IGNORECASE)
    if not match:
        return data, ""
    return bom + data[len(bom) + match.end():], match[1].decode()


def _is_utf8(data: bytes) -> bool:
    """Whether bytes are valid UTF-8, checked in pieces (no copy of the file).

    Examples
    --------
    >>> _is_utf8("café".encode()), _is_utf8("café".encode("cp1252"))
    (True, False)
    """
    if data.isascii():
        return True
    view = memoryview(data)
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for start in range(0, len(view), 1 << 20):
            decoder.decode(view[start:start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def count_byte(data: bytes, byte: bytes, start: int = 0, stop: int | None = None,
               piece: int = 1 << 20) -> int:
    """How many times a byte occurs in ``data[start:stop]`` (``data.count(byte, start,
    stop)``, several times faster on a large file: numpy compares a piece at a time, so
    no copy of the file is made).

    Examples
    --------
    >>> count_byte(b'"a","b""c"', b'"', piece=3), count_byte(b'"a","b""c"', b'"', 1, 8, piece=3)
    (6, 4)
    """
    view = np.frombuffer(data, dtype=np.uint8)[start:stop]
    value = byte[0]
    return sum(int(np.count_nonzero(view[at:at + piece] == value))
               for at in range(0, len(view), piece))


def _first_record_width(text: str, delimiter: str) -> int:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        first = next(reader, [])
    except csv.Error:
        first = []
    return max(len(first), 1)


#: Inputs (after any BOM) at least this many bytes long are parsed in two halves at
#: once, each in a thread of its own (pyarrow lets go of Python's lock while it
#: parses). A 2 MiB half takes pyarrow several milliseconds, far more than a thread
#: costs; below 4 MiB the whole input is parsed as one.
_SPLIT_FROM = 1 << 22
#: How far past the middle of the input a place to cut it is looked for.
_CUT_WITHIN = 1 << 20
#: :func:`row_boundary` looks for a line break in pieces of this many bytes.
_CUT_PIECE = 1 << 16


def _parse_fast(buffer: pa.Buffer, width: int, delimiter: str, path: Path) -> Grid | None:
    """Parse with pyarrow; ``None`` if any record is irregular or pyarrow fails.

    A large input (:data:`_SPLIT_FROM`) is parsed in two halves at once, cut by
    :func:`row_boundary`; if there is any doubt that the halves give what the whole
    gives (see :func:`_parsed_in_halves`), the whole input is parsed as before.
    """
    table = None
    cut = row_boundary(buffer)
    if cut is not None:
        table = _parsed_in_halves(buffer, cut[0], width, delimiter, path)
    if table is None:
        table = _arrow_table(buffer, width, delimiter, threads=True)
    if isinstance(table, pa.ArrowException):
        logger.info("%s: fast CSV parse failed (%s); trying again", path.name, table)
        return None
    if isinstance(table, int):
        logger.info("%s: %d irregular records; parsing exactly", path.name, table)
        return None
    frame = table.to_pandas(types_mapper={pa.large_string(): _TEXT_DTYPE}.get)
    frame.columns = range(width)
    return Grid(path, frame, range(len(frame)))


def _arrow_table(buffer: pa.Buffer, width: int, delimiter: str,
                 threads: bool) -> pa.Table | int | pa.ArrowException:
    """The records pyarrow reads from ``buffer``, every cell as text; or how many records
    were irregular (of another width), if any; or the error pyarrow raised.

    ``threads``: let pyarrow use its own threads (else it parses in the calling one).
    """
    irregular: list[int] = []

    def on_invalid(row: object) -> str:
        irregular.append(1)
        return "skip"

    names = [f"f{i}" for i in range(width)]
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(buffer),
            read_options=pa_csv.ReadOptions(column_names=names, block_size=1 << 22,
                                            use_threads=threads),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types={n: pa.large_string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowException as exc:
        return exc
    return len(irregular) if irregular else table


def _parsed_in_halves(buffer: pa.Buffer, split: int, width: int, delimiter: str,
                      path: Path) -> pa.Table | None:
    """The records of ``buffer`` parsed as two halves at once, cut at ``split``, as one
    table; ``None`` if the halves may not give what the whole gives.

    Each half is parsed by pyarrow in one thread (its own threads off): this thread
    parses the first half while a worker parses the second. With quoted line breaks
    allowed, pyarrow must follow every quote from the start of what it parses, so its
    own threads would first go through the whole input in one thread anyway.

    :func:`row_boundary` cut after a line break with an even number of quotes before
    it, which ends a record unless a quote stood where a CSV parser takes it as a
    plain character (``a"b``, ``"a"b"``). The first half, parsed on its own, shows
    where it ended: a half that ends inside quotes ends in a record that is either
    irregular (short of fields, or with too many) or whose last cell holds the line
    break the half ends with. Neither, the first half ended where a record ends, as
    in the whole input, and the second half is read as the whole input's parser
    would go on. Any irregular record or pyarrow error in either half also means
    ``None``: the whole input is then parsed, and says what it finds.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        tail_parsed = worker.submit(_arrow_table, buffer.slice(split), width, delimiter,
                                    False)
        head = _arrow_table(buffer.slice(0, split), width, delimiter, False)
        tail = tail_parsed.result()  # an error other than pyarrow's is raised here
    if not isinstance(head, pa.Table) or not isinstance(tail, pa.Table):
        reason = "an irregular record or a pyarrow error"
    elif not head.num_rows or head.column(width - 1)[-1].as_py().endswith("\n"):
        reason = "the first half may end inside quotes"
    else:
        return pa.concat_tables([head, tail])
    logger.info("%s: parsed whole, not in halves (%s)", path.name, reason)
    return None


def row_boundary(data: bytes | pa.Buffer, *, smallest: int | None = None,
                 within: int | None = None,
                 tries: int | None = None) -> tuple[int, int] | None:
    r"""Where to cut a CSV input in two, to parse its halves at once: after the first line
    break past its middle with an even number of quotes before it, where the second half
    does not start with a byte order mark (pyarrow would drop it). Returns that place and
    how many quotes come before it, or ``None``.

    ``None`` for an input under ``smallest`` bytes (:data:`_SPLIT_FROM`), or if no such
    line break is found within ``within`` bytes of the middle (:data:`_CUT_WITHIN`) or
    among the first ``tries`` line breaks past it (any number), or if it is the input's
    last byte. Used for raw exports (:func:`_parse_fast`) and for the tables
    ``coprod clean`` writes (:mod:`coprod_analysis.report.cleaned`).

    Examples
    --------
    The middle of these 18 bytes is inside a quoted answer: its line break (byte 10)
    has 3 quotes before it; the next one (byte 13) has 4.

    >>> row_boundary(b'"x"\n"a b c\nd"\n"e"\n', smallest=0)
    (14, 4)
    >>> row_boundary(pa.py_buffer(b'"x"\n"a b c\nd"\n"e"\n'), smallest=0, tries=1) is None
    True

    Cut there, these 14 bytes would have nothing after the cut:

    >>> row_boundary(b'"x"\n"a b c\nd"\n', smallest=0) is None
    True
    """
    view = memoryview(data).cast("B")  # the bytes, not copied (a piece at a time below)
    size = len(view)
    if size < (_SPLIT_FROM if smallest is None else smallest) or size < 2:
        return None
    middle = size // 2
    end = min(size, middle + (_CUT_WITHIN if within is None else within))
    quotes = count_byte(data, b'"', stop=middle)
    at, seen = middle, 0  # just after the last line break looked at; how many
    for start in range(middle, end, _CUT_PIECE):
        piece = bytes(view[start:min(end, start + _CUT_PIECE)])
        offset = at - start
        while (found := piece.find(b"\n", offset)) >= 0:
            quotes += piece.count(b'"', offset, found + 1)
            offset = found + 1
            at, seen = start + offset, seen + 1
            if at >= size:
                return None
            if not quotes % 2 and bytes(view[at:at + 3]) != codecs.BOM_UTF8:
                return at, quotes
            if tries is not None and seen >= tries:
                return None
        quotes += piece.count(b'"', offset)
        at = start + len(piece)
    return None


def _parse_exact(text: str, delimiter: str, path: Path) -> Grid:
    """Parse with the :mod:`csv` module, setting apart irregular records."""
    old_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, MAX_CELL_CHARS))
    rows: list[list[str]] = []
    numbers: list[int] = []
    malformed: list[tuple[int, list[str]]] = []
    empty_lines: list[int] = []  # rows that were empty lines, at the end of the file
    number = 0
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        width = None
        for number, record in enumerate(reader):
            if width is None:
                width = max(len(record), 1)
                check_columns(width, path)
            if not record:  # an empty line: a blank row, unless no row follows it
                empty_lines.append(len(rows))
                record = [""] * width
            else:
                empty_lines.clear()
            if len(record) != width:
                malformed.append((number, record))
                continue
            rows.append(record)
            numbers.append(number)
    except csv.Error as exc:
        where = f"record {number + 2}" if number else "the first record"
        message = ("a quoted value is never closed (a missing \" near " + where + ")"
                   if "unexpected end of data" in str(exc)
                   else f"could not be read as CSV near {where} ({exc})")
        raise CoprodError(message, path) from None
    finally:
        csv.field_size_limit(old_limit)
    if empty_lines and empty_lines[-1] == len(rows) - 1 and len(empty_lines) == len(rows) - \
            empty_lines[0]:
        del rows[empty_lines[0]:], numbers[empty_lines[0]:]
    frame = pd.DataFrame(rows, columns=range(width or 1), dtype=_TEXT_DTYPE)
    return Grid(path, frame, numbers, malformed)


# --- XLSX ------------------------------------------------------------------


def _cell_text(value: object) -> str:
    """One spreadsheet cell as text: dates ISO, whole numbers without ``.0``.

    Examples
    --------
    >>> _cell_text(4.0), _cell_text(4.5), _cell_text(None), _cell_text(True)
    ('4', '4.5', '', 'TRUE')
    >>> _cell_text(dt.datetime(2018, 3, 20)), _cell_text(dt.datetime(2018, 3, 20, 10, 2, 11))
    ('2018-03-20', '2018-03-20T10:02:11')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.replace(microsecond=0, tzinfo=None).isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _head(path: Path, size: int = 512) -> bytes:
    """The first bytes of a file (without reading the rest)."""
    with open(path, "rb") as handle:
        return handle.read(size)


def looks_like_web_page(path: Path) -> bool:
    """Whether a file named as a spreadsheet is really a web page (a common "export").

    Examples
    --------
    >>> import tempfile
    >>> page = Path(tempfile.mkdtemp()) / "export.xls"
    >>> _ = page.write_text("<!DOCTYPE html><table><tr><td>1</td></tr></table>")
    >>> looks_like_web_page(page)
    True
    """
    head = _head(path).lower()
    return any(tag in head for tag in (b"<html", b"<table", b"<!doctype"))


def read_xlsx_grid(path: Path) -> Grid:
    """Read the first visible worksheet with data of an XLSX workbook into a :class:`Grid`.

    Formulas are read as the values Excel last saved for them (a cell ``=A2``
    reads as what A2 held), never evaluated here; a formula with no saved value
    (a workbook written by a program) is read as its text (``=SUM(A1)``), so a
    formula-only cell is not lost; the summary notes how many of each. Trailing
    empty rows (sheet formatting, not responses) are dropped.

    Raises
    ------
    CoprodError
        If the file is not a readable workbook (random bytes, truncated, a
        web page saved as a spreadsheet) or has no data.
    """
    import openpyxl

    if not _head(path).strip():
        raise CoprodError("the file is empty", path)
    if not zipfile.is_zipfile(path):
        if looks_like_web_page(path):
            raise CoprodError(
                "this is a web page saved with a spreadsheet name, not a workbook; "
                "open it in Excel and save it as .xlsx",
                path,
            )
        raise CoprodError(
            "could not be read as an Excel workbook (it is damaged, truncated "
            "or not a spreadsheet)",
            path,
        )
    notes: list[str] = []
    epoch = None
    try:
        with zipfile.ZipFile(path) as archive:
            check_workbook(path, archive)
            _refuse_strict(path, archive)
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            rows, others, formulas, part, title, hidden = _first_sheet_rows(book, path)
        finally:
            book.close()
        in_order, merges = _scan_sheet(path, part) if part else (True, [])
        if not in_order:  # the streaming reader would drop a row stored out of order
            # (read whole, which takes far more memory a cell: only a sheet of a size
            # typed by hand or written by a small program)
            if len(rows) * max(map(len, rows), default=0) > MAX_UNORDERED_CELLS:
                raise CoprodError("the workbook stores its rows out of order and is too "
                                  "large to read so; open it in Excel and save it again",
                                  path)
            book = openpyxl.load_workbook(path, read_only=False, data_only=False)
            try:
                formulas = []
                rows = _sheet_rows(book[title], path, formulas)
            finally:
                book.close()
            notes.append("the workbook stores its rows out of order (it was not saved by "
                         "Excel); they were read in the order of their row numbers")
        if formulas:
            notes.extend(_cached_values(path, rows, formulas, title, in_order))
        if merges:
            notes.extend(_fill_merged(merges, rows))
        if getattr(book, "epoch", None) == openpyxl.utils.datetime.CALENDAR_MAC_1904:
            notes.append(SYSTEM_1904_NOTE)
            epoch = EPOCH_1904
    except CoprodError:
        raise
    except MemoryError:
        raise CoprodError("the workbook is too large to read with the memory available",
                          path) from None
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise CoprodError(
            f"could not be read as an Excel workbook (it is damaged or truncated: "
            f"{type(exc).__name__})",
            path,
        ) from None
    lead = next((i for i, row in enumerate(rows) if any(row)), len(rows))
    if lead:
        rows = rows[lead:]
        notes.append(_empty_above_note(lead, "row"))
    if not rows:
        raise CoprodError("the workbook has no data", path)
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    frame = pd.DataFrame(padded, columns=range(width), dtype=_TEXT_DTYPE)
    notes += [OTHER_SHEETS + ", ".join(others)] if others else []
    if hidden and hidden[0] == title:
        notes.append(READ_HIDDEN + title)
        hidden = hidden[1:]
    notes += [HIDDEN_SHEETS + ", ".join(hidden)] if hidden else []
    return Grid(path, frame, range(len(frame)), encoding="xlsx", notes=notes,
                serial_epoch=epoch)


#: The most cells of a worksheet whose rows are stored out of order that are read (whole,
#: not streamed: openpyxl keeps an object a cell).
MAX_UNORDERED_CELLS = 2_000_000
#: Day 0 of Excel's 1904 date system (Mac Excel), and the note that says it was used.
EPOCH_1904 = dt.date(1904, 1, 1)
SYSTEM_1904_NOTE = ("the workbook uses the 1904 date system (older Excel on Apple "
                    "computers); its date cells, and dates written as serial numbers, "
                    "were read in it")
#: The notes naming worksheets with data that were not read (the names follow).
OTHER_SHEETS = "only the first worksheet was read; these worksheets also hold data: "
HIDDEN_SHEETS = "these hidden worksheets hold data and were not read: "
READ_HIDDEN = "no visible worksheet holds data, so this hidden worksheet was read: "
#: The notes that end in worksheets' names, comma-separated.
SHEET_NOTES = (OTHER_SHEETS, HIDDEN_SHEETS, READ_HIDDEN)


def _refuse_strict(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook saved as Excel's "Strict Open XML Spreadsheet", which the
    reader cannot read (its cells would seem empty), saying how to save it instead."""
    try:
        head = archive.open("xl/workbook.xml").read(2048)
    except KeyError:
        return
    if b"purl.oclc.org/ooxml/spreadsheetml" in head:
        raise CoprodError("the workbook is saved as a Strict Open XML Spreadsheet, which "
                          "cannot be read; open it in Excel and save it as an Excel "
                          "Workbook (.xlsx)", path)


def _first_sheet_rows(book: object, path: Path) -> tuple[
        list[list[str]], list[str], list[tuple[int, int, bool]], str, str, list[str]]:
    """The first visible worksheet with data (or, if no visible one has any, the first
    hidden one that has), the names of other visible worksheets that have data, where
    its formulas are (``(row, column, array)``, 0-based; ``array`` for array and
    data-table formulas, else a cell whose text starts with "="), its part in the
    workbook's archive (``xl/worksheets/sheet1.xml``; "" if unknown), its title, and
    the titles of the hidden worksheets that have data (the one read among them)."""
    chosen: list[list[str]] = []
    others: list[str] = []
    formulas: list[tuple[int, int, bool]] = []
    part = title = ""

    def has_data(sheet: object) -> bool:
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        return any(any(v is not None for v in row)
                   for row in sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]

    sheets = list(book.worksheets)  # type: ignore[attr-defined]
    visible = [s for s in sheets if getattr(s, "sheet_state", "visible") == "visible"]
    for sheet in visible:
        if chosen:
            if has_data(sheet):
                others.append(sheet.title)
            continue
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        chosen = _sheet_rows(sheet, path, formulas)
        part = str(getattr(sheet, "_worksheet_path", "") or "")
        title = sheet.title
    hidden = [s for s in sheets if s not in visible and has_data(s)]
    if not chosen and hidden:
        formulas.clear()
        chosen = _sheet_rows(hidden[0], path, formulas)
        part = str(getattr(hidden[0], "_worksheet_path", "") or "")
        title = hidden[0].title
    return chosen, others, formulas, part, title, [s.title for s in hidden]


#: A row's number in a worksheet's part ("<row r="12" ...>"), any prefix.
_ROW_NUMBER = re.compile(rb'<(?:[\w.-]+:)?row\b[^>]*?\br="(\d{1,7})"')


def _scan_sheet(path: Path, part: str, piece: int = 1 << 20
                ) -> tuple[bool, list[tuple[bytes, ...]]]:
    """Whether a worksheet's rows are stored in the order of their numbers, as Excel
    writes them (``False``: a program wrote them in another order, which the streaming
    reader cannot read: it drops a row whose number goes back), and its merged ranges
    (:data:`_MERGE_CELL`'s groups), in one pass over its part, read in pieces of
    ``piece`` bytes so that a large sheet takes little memory.

    Raises
    ------
    CoprodError
        If two rows have the same number (the workbook is damaged: which one Excel
        would show is not known).
    """
    last, ordered, tail = 0, True, b""
    seen = bytearray(1 << 20)  # row numbers met so far, one byte each
    merges: list[tuple[bytes, ...]] = []
    with zipfile.ZipFile(path) as archive:
        try:
            stream = archive.open(part.lstrip("/"))
        except KeyError:
            return True, merges
        with stream:
            while True:
                chunk = stream.read(piece)
                data = tail + chunk
                # a tag cut by the piece's end is read whole with the next piece
                cut = data.rfind(b"<")
                if not chunk or cut < 0 or data.find(b">", cut) >= 0:
                    cut = len(data)
                for m in _ROW_NUMBER.finditer(data, 0, cut):
                    number = int(m.group(1))
                    if number >= len(seen):
                        seen.extend(bytes(number + 1 - len(seen)))
                    if seen[number]:
                        raise CoprodError(f"the workbook is damaged: its row {number} is "
                                          "stored twice; open it in Excel, check that "
                                          "row and save it again", path)
                    seen[number] = 1
                    ordered = ordered and number > last
                    last = number
                merges.extend(m.groups() for m in _MERGE_CELL.finditer(data, 0, cut))
                tail = data[cut:]
                if not chunk:
                    return ordered, merges


#: A merged range in a worksheet's part ("<mergeCell ref="A2:A5"/>"), any prefix.
_MERGE_CELL = re.compile(rb'<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="\$?([A-Z]{1,3})\$?(\d{1,7})'
                         rb':\$?([A-Z]{1,3})\$?(\d{1,7})"')


#: A merged cell's value longer than this is not copied down (a comment, not a date or
#: a venue).
_MERGED_LONGEST = 60


def _fill_merged(merges: list[tuple[bytes, ...]], rows: list[list[str]]) -> list[str]:
    """Give every cell of a merged range down one column (``merges``, as
    :func:`_scan_sheet` finds them) the value of its first cell, as it reads in Excel
    (paper forms typed with one session's date or venue merged down its rows). Left as
    they are: ranges across columns (a title over several), ranges from the header row
    (a header merged over two header rows), a long value (a comment: one person's),
    and rows otherwise empty (a spacer). Returns a note if any cell was filled."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    filled: dict[int, int] = {}
    header = next((i for i, row in enumerate(rows) if any(row)), len(rows))
    for first_letters, top_row, last_letters, bottom_row in merges:
        first = column_index_from_string(first_letters.decode()) - 1  # 0-based
        last = column_index_from_string(last_letters.decode()) - 1
        top, bottom = int(top_row) - 1, int(bottom_row) - 1
        if first != last or bottom <= top or top >= len(rows) or top <= header:
            continue  # (a header cell merged down over a second header row: left alone)
        value = rows[top][first] if first < len(rows[top]) else ""
        if not value or len(value) > _MERGED_LONGEST or len(value.split()) > 6:
            continue  # a comment merged over rows is one person's, not each row's
        for row in rows[top + 1:bottom + 1]:
            if (first < len(row) and row[first]) or not any(row):
                continue  # (Excel keeps only the first cell's value; an empty row, a
                # spacer between sessions, stays empty)
            row.extend([""] * (first + 1 - len(row)))
            row[first] = value
            filled[first] = filled.get(first, 0) + 1
    if not filled:
        return []
    where = ", ".join(f"{count} in column {get_column_letter(column + 1)}"
                      for column, count in sorted(filled.items()))
    return [f"merged cells were read as the value of their first cell, as Excel shows "
            f"them ({where})"]


def _sheet_rows(sheet: object, path: Path,
                formulas: list[tuple[int, int, bool]]) -> list[list[str]]:
    """A worksheet's rows as text, trailing empty rows and cells dropped.

    Empty rows are only counted until a row with data follows them, and the used
    range (rows by the widest row) is checked against
    :data:`~coprod_analysis.limits.MAX_SHEET_CELLS` as it grows, so a sheet
    with one cell at XFD1048576 is refused before its grid is made.
    """
    rows: list[list[str]] = []
    empty = width = 0
    for values in sheet.iter_rows(min_row=1, min_col=1,  # type: ignore[attr-defined]
                                  values_only=True):
        used = len(values)
        while used and (values[used - 1] is None or values[used - 1] == ""):
            used -= 1
        if not used:
            empty += 1
            continue
        width = max(width, used)
        height = len(rows) + empty + 1
        if height * width > MAX_SHEET_CELLS:
            raise too_many_cells(height, width, "the worksheet's used range", path)
        rows.extend([] for _ in range(empty))
        empty = 0
        row = []
        for column, value in enumerate(values[:used]):
            if isinstance(value, (ArrayFormula, DataTableFormula)):
                formulas.append((len(rows), column, True))
                value = None
            elif isinstance(value, str) and value.startswith("="):
                formulas.append((len(rows), column, False))  # a formula, or text typed so
            row.append(_cell_text(value))
        rows.append(row)
    return rows


def _cached_values(path: Path, rows: list[list[str]], formulas: list[tuple[int, int, bool]],
                   title: str, in_order: bool = True) -> list[str]:
    """Put each formula's value, as Excel last saved it, into ``rows`` (read from the
    worksheet ``title``, streamed unless its rows are not ``in_order``): an array (or
    data-table) formula with no saved value is left empty, any other is left as its
    text (``=A2``; a workbook written by a program rather than Excel often saves
    none). A cell whose text only starts with "=" (typed, no formula) reads the
    same either way and is not counted. Returns notes."""
    import openpyxl

    wanted: dict[int, list[tuple[int, bool]]] = {}
    for row, column, array in formulas:
        wanted.setdefault(row, []).append((column, array))
    last = max(wanted)
    book = openpyxl.load_workbook(path, read_only=in_order, data_only=True)
    try:
        sheet = book[title]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        # Rows are counted as _sheet_rows counted them: from the first row of the sheet.
        counts = {"array": 0, "array missing": 0, "saved": 0, "text": 0}
        for number, values in enumerate(sheet.iter_rows(min_row=1, min_col=1,
                                                        values_only=True)):
            for column, array in wanted.get(number, ()):
                value = values[column] if column < len(values) else None
                if isinstance(value, (ArrayFormula, DataTableFormula)):
                    value = None
                if array:
                    counts["array" if value is not None else "array missing"] += 1
                    rows[number][column] = _cell_text(value)
                elif value is None:
                    counts["text"] += 1  # no saved value: the formula's text stays
                elif _cell_text(value) != rows[number][column]:
                    counts["saved"] += 1
                    rows[number][column] = _cell_text(value)
            if number >= last:
                break
    finally:
        book.close()
    notes = []
    if counts["array"] + counts["array missing"]:
        notes.append(f"{counts['array'] + counts['array missing']} array formula cells were "
                     "read as the values Excel saved")
    if counts["array missing"]:
        notes.append(f"{counts['array missing']} array formula cells had no saved value and "
                     "were left empty")
    if counts["saved"]:
        notes.append(f"{counts['saved']} formula cells were read as the values Excel saved "
                     "(=A2 as what A2 held)")
    if counts["text"]:
        notes.append(f"{counts['text']} formula cells had no saved value and were read as "
                     "their text (=A2)")
    return notes
