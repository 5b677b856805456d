"""Reading exports: files in, :class:`RawExport` out (no cleaning here)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from coprod_analysis.errors import CoprodError
from coprod_analysis.read.grid import Grid, looks_like_web_page, read_csv_grid, read_xlsx_grid
from coprod_analysis.read.platforms import RawExport, clean_header, detect_platform, to_raw_export

logger = logging.getLogger(__name__)

CSV_SUFFIXES = frozenset({".csv", ".txt"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
#: What a folder is searched for.
FOLDER_SUFFIXES = frozenset({".csv", ".xlsx", ".xlsm", ".xls"})

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
            inside = sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
                and not p.name.startswith((".", "~$"))
            )
            if not inside:
                raise CoprodError("the folder holds no .csv or .xlsx files", path)
            found.extend((p, True) for p in inside)
        elif path.is_file():
            found.append((path, False))
        else:
            raise CoprodError("no such file or folder", path)
    if not found:
        raise CoprodError("no input files were given")
    unique: list[tuple[Path, bool]] = []
    resolved: set[Path] = set()
    names: dict[str, Path] = {}
    for path, in_folder in found:
        if path.resolve() in resolved:
            logger.info("%s: named twice, read once", path)
            continue
        resolved.add(path.resolve())
        if path.name in names:
            raise CoprodError(
                f"two input files are called {path.name!r} ({names[path.name]} and {path}); "
                "rename one so that results can say which file a row came from",
                path,
            )
        names[path.name] = path
        unique.append((path, in_folder))
    return unique


def read_grid(path: Path) -> Grid:
    """Read one file's records as text, choosing the reader by its extension.

    Raises
    ------
    CoprodError
        For an unsupported, empty, damaged or unreadable file.
    """
    suffix = path.suffix.lower()
    try:
        if suffix in XLSX_SUFFIXES:
            return read_xlsx_grid(path)
        if suffix == ".xls":
            if looks_like_web_page(path):
                raise CoprodError(
                    "this is a web page saved with a .xls name, not a spreadsheet; "
                    "open it in Excel and save it as .xlsx", path)
            raise CoprodError(
                "old Excel .xls files are not read; open it in Excel and save it as .xlsx",
                path)
        if suffix in CSV_SUFFIXES:
            return read_csv_grid(path)
    except FileNotFoundError:
        raise CoprodError("no such file or folder", path) from None
    except PermissionError:
        raise CoprodError("permission denied: the file could not be opened", path) from None
    except IsADirectoryError:
        raise CoprodError("is a folder, not a file", path) from None
    raise CoprodError(
        f"unsupported file type {suffix or '(no extension)'}; use .csv or .xlsx", path)


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
