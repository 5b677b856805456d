"""Limits on the resources one input may take, checked before the memory is spent.

Each limit is far above what a real programme produces (see
``docs/cleaning.md``, "Limits"), and a file past one is refused with a
one-line error giving the limit, never a ``MemoryError`` or a machine that
stops responding.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from pathlib import Path

from coprod_analysis.errors import CoprodError

#: A CSV file larger than this is refused (about 2.5 million responses; reading
#: one takes about four times its size in memory).
MAX_CSV_BYTES = 1 << 30
#: A worksheet whose declared or used range holds more cells than this is refused.
MAX_SHEET_CELLS = 20_000_000
#: A table with more columns than this (Excel's own limit) is refused: each
#: column costs pandas a fixed time, so a one-line file of a million commas
#: would otherwise take hours.
MAX_COLUMNS = 16_384
#: A workbook (XLSX or ODS) whose parts inflate to more than this is refused.
MAX_WORKBOOK_INFLATED = 1 << 30
#: A model file that inflates to more than this is refused.
MAX_MODEL_INFLATED = 200 << 20
#: JSON nested deeper than this is refused before it is parsed.
MAX_JSON_DEPTH = 32

_CELL = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([^\"]*)\"")


def size_text(size: int) -> str:
    """A size in bytes as people say it.

    Examples
    --------
    >>> size_text(1 << 30), size_text(200 << 20), size_text(5_120), size_text(12)
    ('1 GB', '200 MB', '5 KB', '12 bytes')
    """
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def check_regular_file(path: Path) -> int:
    """The size of ``path``, refusing anything but a regular file (a device, a pipe).

    Examples
    --------
    >>> check_regular_file(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: /dev/null: is not a regular file (a device or a pipe)
    """
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise CoprodError("is a folder, not a file", path)
    if not stat.S_ISREG(info.st_mode):
        raise CoprodError("is not a regular file (a device or a pipe)", path)
    return info.st_size


def read_csv_bytes(path: Path, limit: int | None = None) -> bytes:
    """A CSV file's bytes, refusing a file above :data:`MAX_CSV_BYTES` before reading it.

    Examples
    --------
    >>> import tempfile
    >>> big = Path(tempfile.mkdtemp()) / "big.csv"
    >>> _ = big.write_bytes(b"a,b\\n" * 400)
    >>> read_csv_bytes(big, limit=1000)
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: .../big.csv: the file is 1.56 KB; CSV files over \
1000 bytes are not read (split the export into smaller files)
    """
    limit = MAX_CSV_BYTES if limit is None else limit
    size = check_regular_file(path)
    if size > limit:
        raise CoprodError(f"the file is {size_text(size)}; CSV files over {size_text(limit)} "
                          "are not read (split the export into smaller files)", path)
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while we read it
        raise CoprodError(f"the file is over {size_text(limit)}; CSV files over "
                          f"{size_text(limit)} are not read", path)
    return data


def range_cells(ref: str) -> tuple[int, int] | None:
    """Rows and columns of a spreadsheet range such as ``A1:XFD1048576``.

    Examples
    --------
    >>> range_cells("A1:XFD1048576"), range_cells("B2"), range_cells("A1:C10"), range_cells("?")
    ((1048576, 16384), (1, 1), (10, 3), None)
    """
    corners = []
    for part in ref.split(":")[:2]:
        match = _CELL.fullmatch(part.replace("$", "").strip())
        if not match:
            return None
        column = 0
        for letter in match[1].upper():
            column = column * 26 + ord(letter) - 64
        corners.append((int(match[2]), column))
    if len(corners) == 1:
        corners.append(corners[0])
    (row1, col1), (row2, col2) = corners
    return abs(row2 - row1) + 1, abs(col2 - col1) + 1


def check_columns(width: int, path: Path) -> None:
    """Refuse a table wider than :data:`MAX_COLUMNS`.

    Examples
    --------
    >>> check_columns(16_384, Path("wide.csv"))
    >>> check_columns(16_385, Path("wide.csv"))
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: wide.csv: the first row has more than 16,384 columns ...
    """
    if width > MAX_COLUMNS:
        raise CoprodError(f"the first row has more than {MAX_COLUMNS:,} columns (Excel's "
                          "limit); tables that wide are not read", path)


def too_many_cells(rows: int, columns: int, where: str, path: Path) -> CoprodError:
    """The error for a worksheet past :data:`MAX_SHEET_CELLS`."""
    return CoprodError(f"{where} spans {rows:,} rows by {columns:,} columns "
                       f"({rows * columns:,} cells); worksheets over {MAX_SHEET_CELLS:,} cells "
                       "are not read (delete the empty rows and columns, or split the sheet)",
                       path)


def check_workbook(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook that would inflate past :data:`MAX_WORKBOOK_INFLATED`, or one
    of whose worksheets declares a range past :data:`MAX_SHEET_CELLS` (a 5 KB file can
    declare a cell at XFD1048576), before any of it is read.
    """
    inflated = sum(info.file_size for info in archive.infolist())
    if inflated > MAX_WORKBOOK_INFLATED:
        raise CoprodError(f"the workbook inflates to {size_text(inflated)}; workbooks over "
                          f"{size_text(MAX_WORKBOOK_INFLATED)} unpacked are not read", path)
    for info in archive.infolist():
        if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
            continue
        try:
            with archive.open(info) as part:
                head = part.read(8192)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError,
                NotImplementedError):
            continue  # the workbook reader says it is damaged
        found = _DIMENSION.search(head)
        size = range_cells(found[1].decode("ascii", "replace")) if found else None
        if size and size[0] * size[1] > MAX_SHEET_CELLS:
            raise too_many_cells(*size, f"a worksheet ({info.filename.rsplit('/', 1)[-1]}) "
                                 f"declares the range {found[1].decode('ascii', 'replace')}, "
                                 "which", path)


def read_inflated(path: Path, limit: int) -> bytes:
    """A gzip file's content, refusing one that inflates past ``limit`` (a gzip bomb)
    without inflating more than ``limit`` bytes.

    Examples
    --------
    >>> import gzip, tempfile
    >>> bomb = Path(tempfile.mkdtemp()) / "model.json.gz"
    >>> _ = bomb.write_bytes(gzip.compress(b" " * 100_000))
    >>> read_inflated(bomb, 1000)
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: .../model.json.gz: is too large when inflated \
(over 1000 bytes; the limit for a model file)
    """
    import gzip

    with gzip.open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise CoprodError(f"is too large when inflated (over {size_text(limit)}; the limit "
                          "for a model file)", path)
    return data


def check_json_depth(text: str | bytes, limit: int = MAX_JSON_DEPTH) -> int:
    """The nesting depth of JSON text, refusing depth past ``limit`` before parsing it.

    Brackets inside strings do not count.

    Examples
    --------
    >>> check_json_depth('{"a": [1, {"b": "]]]"}]}')
    3
    >>> check_json_depth("[" * 50 + "]" * 50, limit=10)
    Traceback (most recent call last):
    ...
    ValueError: JSON nested more than 10 deep
    """
    import numpy as np

    data = text.encode("utf-8") if isinstance(text, str) else text
    data = re.sub(rb'"[^"\\]*(?:\\.[^"\\]*)*"', b'""', data)
    codes = np.frombuffer(data, dtype=np.uint8)
    steps = (np.isin(codes, (ord("["), ord("{"))).astype(np.int32)
             - np.isin(codes, (ord("]"), ord("}"))).astype(np.int32))
    depth = int(np.cumsum(steps).max()) if len(steps) else 0
    if depth > limit:
        raise ValueError(f"JSON nested more than {limit} deep")
    return depth


#: A small hand-kept file (mapping, aliases, codebook, labelled examples) larger
#: than this is refused.
MAX_SMALL_FILE_BYTES = 256 << 20


def read_small_file(path: Path, what: str) -> bytes:
    """The bytes of a small hand-kept file, or a one-line error saying why not.

    Examples
    --------
    >>> import tempfile
    >>> read_small_file(Path(tempfile.mkdtemp()), "aliases file")
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: ...: the aliases file is a folder, not a file
    """
    from coprod_analysis.errors import os_error_message

    try:
        if not path.exists():
            raise CoprodError(f"no such {what}", path)
        if path.is_dir():
            raise CoprodError(f"the {what} is a folder, not a file", path)
        size = check_regular_file(path)
        if size > MAX_SMALL_FILE_BYTES:
            raise CoprodError(f"the {what} is {size_text(size)}; over "
                              f"{size_text(MAX_SMALL_FILE_BYTES)} is not read", path)
        with open(path, "rb") as handle:
            return handle.read(MAX_SMALL_FILE_BYTES + 1)
    except OSError as exc:
        raise CoprodError(f"the {what} could not be read ({os_error_message(exc)})",
                          path) from None
