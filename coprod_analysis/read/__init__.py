"""Reading exports: files in, :class:`RawExport` out (no cleaning here)."""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from coprod_analysis.errors import CoprodError, NotThisForm, os_error_message
from coprod_analysis.read.grid import (
    Grid,
    _head,
    looks_like_web_page,
    read_csv_grid,
    read_xlsx_grid,
)
from coprod_analysis.read.platforms import RawExport, clean_header, detect_platform, to_raw_export
from coprod_analysis.read.sheets import OLE2_MAGIC, read_ods_grid, read_xls_grid

logger = logging.getLogger(__name__)

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
#: Spreadsheets that are not read, and what to do instead: in a folder they are
#: listed in ``files_skipped`` with this reason, never passed over in silence.
UNREAD_SUFFIXES = {
    ".numbers": "Apple Numbers files are not read; export it as .xlsx or .csv",
    ".xlsb": "Excel binary workbooks (.xlsb) are not read; save it as .xlsx",
    ".fods": "flat OpenDocument files (.fods) are not read; save it as .ods or .xlsx",
}
#: What a folder is searched for.
FOLDER_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods",
                             *UNREAD_SUFFIXES})

__all__ = [
    "Grid",
    "RawExport",
    "clean_header",
    "detect_platform",
    "expand_inputs",
    "find_inputs",
    "read_export",
]


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the list of export files to read.

    A folder contributes its ``.csv``, ``.xlsx``, ``.xlsm`` and ``.xls`` files
    (not sub-folders), in name order, skipping hidden files and Excel's ``~$``
    lock files. A file named twice is read once.

    Raises
    ------
    CoprodError
        If a path does not exist, a folder holds no exports, nothing was
        given, or two files share a name (``source_file`` must say which).
    """
    return [path for path, _ in expand_inputs(paths)]


def expand_inputs(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """Like :func:`find_inputs`, saying of each file whether it was found in a folder.

    A file found in a folder that turns out to be some other file (the other
    form's export, a register) is skipped with a note; a file named on its
    own must be an export.
    """
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend((p, True) for p in _folder_files(path))
        elif path.is_file():
            found.append((path, False))
        else:
            raise CoprodError(_not_a_file(path), path)
    if not found:
        raise CoprodError("no input files were given")
    unique: list[tuple[Path, bool]] = []
    resolved: set[Path] = set()
    names: dict[str, Path] = {}
    for path, in_folder in found:
        real = Path(os.path.realpath(path))  # (a loop of links: as it is, never an error)
        if real in resolved:
            logger.info("%s: named twice, read once", path)
            continue
        resolved.add(real)
        if path.name in names:
            raise CoprodError(
                f"two input files are called {path.name!r} ({names[path.name]} and {path}); "
                "rename one so that results can say which file a row came from",
                path,
            )
        names[path.name] = path
        unique.append((path, in_folder))
    return unique


def _not_a_file(path: Path) -> str:
    """Why a path that is no regular file cannot be read."""
    if path.exists():  # (through a link)
        return "is not a regular file (a device or a pipe)"
    if path.is_symlink():
        return "is a link to nothing (its target is missing, or the link points to itself)"
    return "no such file or folder"


def _folder_files(folder: Path) -> list[Path]:
    """The export files in a folder, or a one-line error saying why there are none.
    Entries with an export's name that are no regular file (a link to nothing, a
    pipe) are among them: reading one says why it was skipped (:func:`read_grid`)."""
    try:
        entries = list(folder.iterdir())
        inside = sorted(p for p in entries
                        if p.suffix.lower() in FOLDER_SUFFIXES
                        and not p.name.startswith((".", "~$"))
                        and (p.exists() or p.is_symlink()) and not p.is_dir())
    except OSError as exc:
        raise CoprodError(f"the folder could not be read ({os_error_message(exc)})",
                          folder) from None
    if not any(p.is_file() for p in inside):
        why = ""
        broken = sorted(p.name for p in entries if p.is_symlink() and not p.exists())
        if broken:
            why = f"; {broken[0]!r} is a link to nothing"
        elif any(p.is_dir() for p in entries):
            why = "; its sub-folders are not searched: name them instead"
        raise CoprodError("the folder holds no .csv, .tsv, .xlsx, .xls or .ods files" + why,
                          folder)
    return inside


def read_grid(path: Path) -> Grid:
    """Read one file's records as text, choosing the reader by its extension.

    Raises
    ------
    CoprodError
        For an unsupported, empty, damaged or unreadable file.
    """
    suffix = path.suffix.lower()
    if not path.is_file():  # never opened: a pipe would wait for ever, a device never end
        raise NotThisForm(_not_a_file(path), path)
    try:
        if suffix in XLSX_SUFFIXES | {".xls"} and _head(path, 8) == OLE2_MAGIC:
            return read_xls_grid(path)  # an old .xls, or one renamed .xlsx
        if suffix in XLSX_SUFFIXES or (suffix == ".xls" and zipfile.is_zipfile(path)):
            return read_xlsx_grid(path)
        if suffix == ".xls":
            if looks_like_web_page(path):
                raise CoprodError(
                    "this is a web page saved with a .xls name, not a spreadsheet; "
                    "open it in Excel and save it as .xlsx", path)
            if not _head(path).strip():
                raise CoprodError("the file is empty", path)
            raise CoprodError("could not be read as an old Excel .xls workbook (it is "
                              "damaged or not a spreadsheet)", path)
        if suffix == ".ods":
            return read_ods_grid(path)
        if suffix in UNREAD_SUFFIXES:
            raise NotThisForm(UNREAD_SUFFIXES[suffix], path)
        if suffix in CSV_SUFFIXES:
            return read_csv_grid(path)
    except FileNotFoundError:
        raise CoprodError("no such file or folder", path) from None
    except PermissionError:
        raise CoprodError("permission denied: the file could not be opened", path) from None
    except IsADirectoryError:
        raise CoprodError("is a folder, not a file", path) from None
    except MemoryError:
        raise CoprodError("the file is too large to read with the memory available",
                          path) from None
    except OSError as exc:
        raise CoprodError(f"could not be read ({os_error_message(exc)})", path) from None
    raise CoprodError(f"unsupported file type {suffix or '(no extension)'}; use .csv, .tsv, "
                      ".xlsx, .xls or .ods", path)


def read_export(path: str | Path) -> RawExport:
    """Read one export file: detect its platform and split header from data.

    Parameters
    ----------
    path:
        A CSV or XLSX export from SurveyMonkey, Microsoft Forms, Google Forms,
        JISC Online Surveys, Qualtrics, SmartSurvey, or a hand-typed sheet.

    Returns
    -------
    RawExport

    Raises
    ------
    CoprodError
        For a file that cannot be read.
    """
    path = Path(path)
    return to_raw_export(read_grid(path))
