"""The report's tables as a workbook people can sort and chart: numbers stored as numbers.

Each table of the report is a sheet, after a ``README`` sheet that says what
each holds and the small-number rules. A count is stored as a number, a
share (``87%``) as a number formatted as a percentage; ``<5``, ``*``, "not
shown" and all other text stay text, only where they stand. Header rows
(and the first column) are frozen, widths fit the contents, long text wraps,
and text a spreadsheet would run as a formula is prefixed with ``'``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from coprod_analysis.output import FORMULA_START

_COUNT = re.compile(r"\d+")
_SHARE = re.compile(r"(\d+(?:\.\d+)?)%")
#: Widest a column is made, in characters; longer text wraps.
MAX_WIDTH = 60
_HEADER_FILL = PatternFill("solid", fgColor="E8EDEE")


def cell_value(value) -> object:
    """A published cell as the workbook stores it: a number where it is one.

    Examples
    --------
    >>> [cell_value(v) for v in ("12", "87%", "<5", "*", "not shown", "=1+1", None, 3)]
    [12, 0.87, '<5', '*', 'not shown', "'=1+1", '', 3]
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if _COUNT.fullmatch(text):
        return int(text)
    share = _SHARE.fullmatch(text)
    if share:
        return round(float(share.group(1)) / 100, 4)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_workbook(path: str | Path, tables: dict[str, pd.DataFrame],
                   readme: list[tuple[str, str]]) -> Path:
    """Write ``tables`` (sheet name -> table of published text) after a README sheet.

    Parameters
    ----------
    readme:
        ``(heading, text)`` lines for the README sheet (a heading of "" continues).
    """
    book = Workbook()
    sheet = book.active
    sheet.title = "README"
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    for heading, text in readme:
        sheet.append([cell_value(heading), cell_value(text)])
        row = sheet.max_row
        sheet.cell(row, 1).font = Font(bold=True)
        sheet.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row, 1).alignment = Alignment(vertical="top")
    for name, table in tables.items():
        sheet = book.create_sheet(name[:31])
        columns = [str(c) for c in table.columns]
        sheet.append([cell_value(c) for c in columns])
        for record in table.itertuples(index=False):
            sheet.append([cell_value(v) for v in record])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for j, column in enumerate(columns, start=1):
            values = [column] + [str(v) for v in table.iloc[:, j - 1]]
            longest = max((len(v) for v in values), default=8)
            width = min(max(longest, 6) + 2, MAX_WIDTH)
            sheet.column_dimensions[get_column_letter(j)].width = width
            for cells in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
                cell = cells[0]
                if isinstance(cell.value, float):
                    cell.number_format = "0%"
                if longest > MAX_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "B2" if len(columns) > 2 else "A2"
    book.save(path)
    return Path(path)
