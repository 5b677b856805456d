"""Spreadsheet files built part by part, for the cases a spreadsheet program would
never write: absurd ranges, array formulas, the 1904 date system, ODS repeats."""

from __future__ import annotations

import zipfile
from pathlib import Path

SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "application/vnd.openxmlformats-package.relationships+xml"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="{PKG}"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{SML}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SML}.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="{SML}.styles+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
CONTENT_TYPES = CONTENT_TYPES.replace("{SML}", SML).replace("{PKG}", PKG)
ROOT_RELS = ROOT_RELS.replace("{REL}", REL)
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr{date1904}/>
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>
</Relationships>"""
WORKBOOK_RELS = WORKBOOK_RELS.replace("{REL}", REL)
# Style 1 is a date (built-in number format 14, d/m/yyyy).
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def column_letters(number: int) -> str:
    """1 -> A, 16384 -> XFD."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_xml(ref: str, value: object, style: int | None = None) -> str:
    """One ``<c>``: a number, an inline string, or raw XML given as ("raw", text)."""
    s = f' s="{style}"' if style is not None else ""
    if isinstance(value, tuple) and value[0] == "raw":
        return f'<c r="{ref}"{s}{value[1]}</c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{text}</t></is></c>'


def write_xlsx_parts(path: Path, cells: dict[tuple[int, int], object], *,
                     dimension: str | None = None, date1904: bool = False,
                     styles: dict[tuple[int, int], int] | None = None) -> Path:
    """An XLSX whose one sheet holds ``cells`` ((row, column) 1-based -> value)."""
    rows: dict[int, list[str]] = {}
    for (row, column), value in sorted(cells.items()):
        style = (styles or {}).get((row, column))
        rows.setdefault(row, []).append(cell_xml(f"{column_letters(column)}{row}", value,
                                                 style))
    data = "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(rows.items()))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"{dim}<sheetData>{data}</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml",
                         WORKBOOK.format(date1904=' date1904="1"' if date1904 else ""))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>
</office:document-content>"""


def ods_cell(value: object, repeat: int = 1) -> str:
    """One ``table:table-cell``: text, a float, a date ("date", iso), or empty (None)."""
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{rep}/>"
    if isinstance(value, tuple) and value[0] == "date":
        return (f'<table:table-cell{rep} office:value-type="date" '
                f'office:date-value="{value[1]}"><text:p>{value[1]}</text:p></table:table-cell>')
    if isinstance(value, (int, float)):
        return (f'<table:table-cell{rep} office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return (f'<table:table-cell{rep} office:value-type="string"><text:p>{text}</text:p>'
            "</table:table-cell>")


def write_ods(path: Path, sheets: list[tuple[str, list[str]]]) -> Path:
    """An ODS of sheets given as (name, row XML strings)."""
    tables = "".join(f'<table:table table:name="{name}">{"".join(rows)}</table:table>'
                     for name, rows in sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", ODS_CONTENT.format(tables=tables))
    return path


def ods_row(*cells: str, repeat: int = 1) -> str:
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{rep}>{''.join(cells)}</table:table-row>"
