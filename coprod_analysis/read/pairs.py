"""Small two-column files an officer keeps by hand (the mapping and aliases files)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from coprod_analysis.errors import CoprodError
from coprod_analysis.limits import read_small_file
from coprod_analysis.read.grid import decode_bytes


def read_pairs(path: str | Path, first: str, second: str, what: str) -> list[tuple[int, str, str]]:
    """Read the rows of a small CSV with (at least) the columns ``first`` and ``second``.

    Comma or semicolon delimited (as Excel saves it), UTF-8 or Windows-1252;
    blank rows are skipped and further columns ignored.

    Returns
    -------
    list of ``(line number, first value, second value)``, values trimmed.

    Raises
    ------
    CoprodError
        If the file is missing, its header lacks the two columns, or it has no rows.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "aliases.csv"
    >>> _ = path.write_text("alias;group\\n\\nOld name ; New name;note\\n")
    >>> read_pairs(path, "alias", "group", "aliases file")
    [(3, 'Old name', 'New name')]
    """
    path = Path(path)
    text, _ = decode_bytes(read_small_file(path, what))
    header_line = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    if first not in header or second not in header:
        article = "an" if what[:1] in "aeiou" else "a"
        raise CoprodError(f"{article} {what} needs a header row '{first},{second}'", path)
    a, b = header.index(first), header.index(second)
    rows = []
    for record in reader:
        values = [" ".join(v.split()) for v in record]
        pair = (values[a] if a < len(values) else "", values[b] if b < len(values) else "")
        if any(pair):
            rows.append((reader.line_num, *pair))
    if not rows:
        raise CoprodError(f"the {what} has a header row but no rows", path)
    return rows
