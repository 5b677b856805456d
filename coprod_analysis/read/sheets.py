"""The other spreadsheet files an officer may have: old Excel ``.xls`` and ``.ods``.

Both become a :class:`~coprod_analysis.read.grid.Grid` of text cells exactly
as an XLSX does (first visible worksheet with data, dates ISO, whole numbers
without ``.0``, trailing empty rows dropped), within the same limits
(:mod:`coprod_analysis.limits`).

- ``.xls`` (Excel 97-2003, which old Excel and some platforms still write) is
  read with ``xlrd``.
- ``.ods`` (LibreOffice, OpenOffice, Google Sheets' "OpenDocument") is read
  with the standard library: its ``content.xml`` is streamed, never held
  whole, and repeated rows and columns (``number-columns-repeated``, which a
  sheet uses for its empty tail) are counted, not built, until data follows
  them.
"""

from __future__ import annotations

import datetime as dt
import logging
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd

from coprod_analysis.errors import CoprodError
from coprod_analysis.limits import (
    MAX_SHEET_CELLS,
    MAX_WORKBOOK_INFLATED,
    check_columns,
    check_regular_file,
    size_text,
    too_many_cells,
)
from coprod_analysis.read.grid import (
    EPOCH_1904,
    HIDDEN_SHEETS,
    OTHER_SHEETS,
    READ_HIDDEN,
    SYSTEM_1904_NOTE,
    Grid,
)

logger = logging.getLogger(__name__)

_TEXT_DTYPE = pd.StringDtype("pyarrow")
#: The OLE2 signature that starts an ``.xls`` file.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: An ``.xls`` file larger than this is refused (Excel 97-2003 sheets hold at most
#: 65,536 rows, far less than this).
MAX_XLS_BYTES = 256 << 20


def _grid(path: Path, rows: list[list[str]], encoding: str, notes: list[str],
          serial_epoch: dt.date | None = None) -> Grid:
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    if not rows:
        raise CoprodError("the workbook has no data", path)
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    frame = pd.DataFrame(padded, columns=range(width), dtype=_TEXT_DTYPE)
    return Grid(path, frame, range(len(frame)), encoding=encoding, notes=notes,
                serial_epoch=serial_epoch)


def _number_text(value: float) -> str:
    """Examples
    --------
    >>> _number_text(4.0), _number_text(4.5)
    ('4', '4.5')
    """
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# --- .xls ------------------------------------------------------------------


#: Why a workbook with a password cannot be read, and what to do.
ENCRYPTED = ("the workbook is protected with a password (encrypted), so it cannot be read; "
             "open it in Excel, remove the password (File > Info > Protect Workbook > "
             "Encrypt with Password, and clear it) or the sensitivity label that encrypts it, "
             "and save it again")
#: The name of the stream holding an encrypted workbook inside its compound file, as the
#: file's directory writes it (UTF-16LE).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _encrypted_package(path: Path) -> bool:
    """Whether a compound (OLE2) file holds an encrypted Office document: Excel saves a
    workbook with a password, or with a sensitivity label that encrypts it, as an
    ``EncryptedPackage`` stream in one (read in pieces: the directory may be anywhere)."""
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            if _ENCRYPTED_STREAM in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTED_STREAM):]
    return False


def read_xls_grid(path: Path) -> Grid:
    """Read the first visible worksheet with data of an Excel 97-2003 ``.xls`` file.

    Raises
    ------
    CoprodError
        If the file is damaged, too large, or has no data.
    """
    import xlrd

    size = check_regular_file(path)
    if size > MAX_XLS_BYTES:
        raise CoprodError(f"the file is {size_text(size)}; .xls files over "
                          f"{size_text(MAX_XLS_BYTES)} are not read", path)
    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except MemoryError:
        raise CoprodError("the workbook is too large to read with the memory available",
                          path) from None
    except Exception as exc:  # xlrd raises many types for damaged files
        # an .xls with a password, or an .xlsx with one (or an encrypting label), which
        # xlrd cannot open: looked for only then, not in every .xls read
        if "encrypted" in str(exc).lower() or _encrypted_package(path):
            raise CoprodError(ENCRYPTED, path) from None
        raise CoprodError(f"could not be read as an old Excel .xls workbook (it is damaged "
                          f"or not a spreadsheet: {type(exc).__name__})", path) from None
    chosen: list[list[str]] = []
    others: list[str] = []
    hidden: list[str] = []  # hidden sheets with rows: named, read if no visible one has data
    read_hidden = ""

    def rows_of(sheet) -> list[list[str]]:
        check_columns(sheet.ncols, path)
        if sheet.nrows * max(sheet.ncols, 1) > MAX_SHEET_CELLS:
            raise too_many_cells(sheet.nrows, sheet.ncols, "the worksheet", path)
        rows = [[_xls_cell(sheet.cell(r, c), book.datemode)
                 for c in range(sheet.row_len(r))] for r in range(sheet.nrows)]
        return rows if any(any(c.strip() for c in row) for row in rows) else []

    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if not sheet.nrows:
                continue
            if getattr(sheet, "visibility", 0) != 0:
                hidden.append(sheet.name)
            elif chosen:
                others.append(sheet.name)
            else:
                chosen = rows_of(sheet)
        if not chosen and hidden:
            read_hidden = hidden.pop(0)
            chosen = rows_of(book.sheet_by_name(read_hidden))
    except CoprodError:
        raise
    except Exception as exc:
        raise CoprodError(f"could not be read as an old Excel .xls workbook (it is damaged: "
                          f"{type(exc).__name__})", path) from None
    finally:
        book.release_resources()
    notes = ["read as an old Excel .xls workbook"]
    if read_hidden:
        notes.append(READ_HIDDEN + read_hidden)
    if hidden:
        notes.append(HIDDEN_SHEETS + ", ".join(hidden))
    if book.datemode == 1:
        notes.append(SYSTEM_1904_NOTE)
    if others:
        notes.append(OTHER_SHEETS + ", ".join(others))
    return _grid(path, chosen, "xls", notes, EPOCH_1904 if book.datemode == 1 else None)


def _xls_cell(cell, datemode: int) -> str:
    """One ``xlrd`` cell as text (dates ISO, in the workbook's own date system)."""
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_DATE:
        try:
            when = xlrd.xldate.xldate_as_datetime(value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return _number_text(value)
        if when.time() == dt.time(0):
            return when.date().isoformat()
        return when.replace(microsecond=0).isoformat()
    if kind == xlrd.XL_CELL_NUMBER:
        return _number_text(value)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR")
    return str(value)


# --- .ods ------------------------------------------------------------------

_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
_T = "{" + _NS["table"] + "}"
_O = "{" + _NS["office"] + "}"
_X = "{" + _NS["text"] + "}"


def _repeat(element: ElementTree.Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(_T + attribute, "1")))
    except ValueError:
        return 1


def _ods_text(element: ElementTree.Element) -> str:
    """A cell's shown text: its paragraphs joined by line breaks, each read in document
    order through the spans and links inside it (a bold word, a link: ``text:span``
    and ``text:a`` nest, and a child's text comes before its tail), ``text:s`` spaces,
    ``text:tab`` and ``text:line-break`` honoured; a cell's comment
    (``office:annotation``) is not its text."""
    lines: list[str] = []

    def inline(node: ElementTree.Element, parts: list[str]) -> None:
        for child in node:
            if child.tag == _X + "s":
                parts.append(" " * int(child.get(_X + "c", "1") or 1))
            elif child.tag == _X + "tab":
                parts.append("\t")
            elif child.tag == _X + "line-break":
                parts.append("\n")
            elif child.tag != _O + "annotation":
                parts.append(child.text or "")
                inline(child, parts)
            parts.append(child.tail or "")

    def paragraphs(node: ElementTree.Element) -> None:
        for child in node:
            if child.tag in (_X + "p", _X + "h"):
                parts = [child.text or ""]
                inline(child, parts)
                lines.append("".join(parts))
            elif child.tag != _O + "annotation":
                paragraphs(child)  # a list's items, a section's paragraphs

    paragraphs(element)
    return "\n".join(lines)


def _ods_cell(element: ElementTree.Element) -> str:
    """One cell as text: typed values from their attributes, else the shown text."""
    kind = element.get(_O + "value-type")
    if kind in ("float", "percentage", "currency"):
        try:
            return _number_text(float(element.get(_O + "value", "")))
        except ValueError:
            pass
    elif kind == "date":
        value = element.get(_O + "date-value", "")
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        return (when.date().isoformat() if when.time() == dt.time(0)
                else when.replace(microsecond=0, tzinfo=None).isoformat())
    elif kind == "boolean":
        return "TRUE" if element.get(_O + "boolean-value") == "true" else "FALSE"
    return _ods_text(element)


def read_ods_grid(path: Path) -> Grid:
    """Read the first visible worksheet with data of an OpenDocument ``.ods`` file.

    Raises
    ------
    CoprodError
        If the file is damaged, past a limit, or has no data.
    """
    check_regular_file(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise CoprodError("could not be read as an OpenDocument spreadsheet (it is damaged, "
                          "truncated or not a spreadsheet)", path) from None
    with archive:
        try:
            info = archive.getinfo("content.xml")
        except KeyError:
            raise CoprodError("could not be read as an OpenDocument spreadsheet (it has no "
                              "content.xml)", path) from None
        if info.file_size > MAX_WORKBOOK_INFLATED:
            raise CoprodError(f"the workbook inflates to {size_text(info.file_size)}; "
                              f"workbooks over {size_text(MAX_WORKBOOK_INFLATED)} unpacked "
                              "are not read", path)
        try:
            with archive.open(info) as content:
                chosen, others = _ods_sheets(content, path)
        except CoprodError:
            raise
        except (ElementTree.ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError,
                ValueError, RuntimeError, NotImplementedError) as exc:
            raise CoprodError(f"could not be read as an OpenDocument spreadsheet (it is "
                              f"damaged: {type(exc).__name__})", path) from None
    notes = ["read as an OpenDocument spreadsheet"]
    if others:
        notes.append(f"only the first worksheet was read; these worksheets also hold data: "
                     f"{', '.join(others)}")
    return _grid(path, chosen, "ods", notes)


def _ods_sheets(content, path: Path) -> tuple[list[list[str]], list[str]]:
    """Stream ``content.xml``: the first sheet with data as rows, and the others' names."""
    chosen: list[list[str]] = []
    others: list[str] = []
    rows: list[list[str]] = []
    empty = width = 0
    hidden = has_data = False
    for event, element in ElementTree.iterparse(content, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _T + "table":
                rows, empty, width, has_data = [], 0, 0, False
                hidden = element.get(_T + "display") == "false"
            continue
        if tag == _T + "table-row":
            if chosen or hidden:
                has_data = has_data or any(_ods_cell(c) for c in element)
            else:
                row = _ods_row(element, path)
                times = _repeat(element, "number-rows-repeated")
                if not row:
                    empty += times
                else:
                    width = max(width, len(row))
                    height = len(rows) + empty + times
                    if height * width > MAX_SHEET_CELLS:
                        raise too_many_cells(height, width, "the worksheet's used range", path)
                    rows.extend([] for _ in range(empty))
                    empty = 0
                    rows.extend(list(row) for _ in range(times))
            element.clear()
        elif tag == _T + "table":
            if chosen:
                if has_data and not hidden:
                    others.append(element.get(_T + "name", ""))
            elif rows and not hidden:
                chosen = rows
            element.clear()
    return chosen, others


def _ods_row(element: ElementTree.Element, path: Path) -> list[str]:
    """One row's cells as text, trailing empty cells dropped; repeated empty cells are
    counted, not built, until a value follows them."""
    row: list[str] = []
    pending = 0
    for cell in element:
        if cell.tag not in (_T + "table-cell", _T + "covered-table-cell"):
            continue
        text = _ods_cell(cell)
        repeat = _repeat(cell, "number-columns-repeated")
        if not text:
            pending += repeat
            continue
        check_columns(len(row) + pending + repeat, path)
        row.extend([""] * pending)
        pending = 0
        row.extend([text] * repeat)
    return row
