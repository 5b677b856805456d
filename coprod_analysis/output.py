"""Write results: whole files or nothing, safe to open in a spreadsheet.

Every text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is prefixed with an apostrophe, so that Excel and Google
Sheets show it as text instead of running it as a formula (OWASP's advice on
CSV injection). Scores stay numbers; dates are written ISO 8601.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from coprod_analysis.clean.values import FORMULA_START, TEXT_DTYPE, iso_text
from coprod_analysis.errors import CoprodError

logger = logging.getLogger(__name__)


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells (and headers) that a spreadsheet would run as a formula with ``'``.

    Returns a new frame; numbers, dates and missing values are left alone.

    Examples
    --------
    >>> df = pd.DataFrame({"t": ["=SUM(A1)", "- more breaks", "fine", None], "n": [-1, 2, 3, 4]})
    >>> neutralise_formulas(df)["t"].tolist(), neutralise_formulas(df)["n"].tolist()
    (["'=SUM(A1)", "'- more breaks", 'fine', <NA>], [-1, 2, 3, 4])
    """
    out = frame.copy()
    out.columns = [f"'{c}" if isinstance(c, str) and c.startswith(FORMULA_START) else c
                   for c in out.columns]
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.StringDtype) or series.dtype == object:
            text = series.astype(TEXT_DTYPE)
            risky = text.str.slice(0, 1).isin(FORMULA_START).to_numpy(dtype=bool)
            if risky.any():
                text = text.mask(risky, "'" + text)
            out[column] = text
    return out


def to_writable(frame: pd.DataFrame) -> pd.DataFrame:
    """Convert a clean table to what is written: integers, ISO dates, neutralised text.

    Examples
    --------
    >>> from coprod_analysis.vocab import SCORE_DTYPE
    >>> df = pd.DataFrame({"s": pd.Categorical([4, None], dtype=SCORE_DTYPE),
    ...                    "d": pd.to_datetime(["2018-03-20", None])})
    >>> to_writable(df).to_csv(index=False, lineterminator="\\n")
    's,d\\n4,2018-03-20\\n,\\n'
    """
    out = {}
    for column in frame.columns:
        series = frame[column]
        if isinstance(series.dtype, pd.CategoricalDtype) and pd.api.types.is_integer_dtype(
                series.cat.categories):
            series = series.astype("Int64")
        elif pd.api.types.is_datetime64_any_dtype(series):
            series = iso_text(series, with_time=column == "submitted_at")
        elif pd.api.types.is_bool_dtype(series):
            series = series.map({True: "true", False: "false"}).astype(TEXT_DTYPE)
        out[column] = series
    return neutralise_formulas(pd.DataFrame(out, index=frame.index))


def write_csv(table: pd.DataFrame, path: Path) -> None:
    """Write a table as UTF-8 CSV, every text value quoted (pyarrow's fast writer).

    Quoting every text value keeps a cell holding a line break or a bare
    carriage return inside its row when the file is read back.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_csv(pd.DataFrame({"t": ["a\\rb", None], "n": [1, None]}), path)
    >>> path.read_bytes()
    b'"t","n"\\n"a\\rb",1\\n,\\n'
    """
    arrow = pa.Table.from_pandas(to_writable(table), preserve_index=False)
    pa_csv.write_csv(arrow, path, write_options=pa_csv.WriteOptions(quoting_style="needed"))


@contextmanager
def atomic_files(targets: list[Path]) -> Iterator[list[Path]]:
    """Temporary paths to write ``targets`` through, all or nothing.

    When the block ends without an error every temporary file is renamed into
    place; otherwise none is, and no half-written file is left behind.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_files([target]) as (temp,):
    ...     _ = temp.write_text("whole")
    >>> target.read_text()
    'whole'
    """
    temps = [t.with_name(f".{t.name}.partial-{os.getpid()}") for t in targets]
    try:
        yield temps
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)


def write_files(out_dir: str | Path, tables: dict[str, pd.DataFrame], documents: dict[str, dict],
                *, protect: list[Path] = ()) -> list[Path]:
    """Write CSV tables and JSON documents into a folder, all or nothing.

    Each file is written to a temporary name first; only when every one is
    complete are they renamed into place, so a failure leaves no half-written
    output.

    Parameters
    ----------
    out_dir:
        The folder (created if needed).
    tables:
        File name -> table, written as UTF-8 CSV.
    documents:
        File name -> JSON-serialisable dict.
    protect:
        Files that must never be overwritten (the inputs).

    Returns
    -------
    The paths written.

    Raises
    ------
    CoprodError
        If the folder cannot be written or would overwrite an input.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise CoprodError("the output folder is a file", out_dir)
    protected = {Path(p).resolve() for p in protect}
    targets = [out_dir / name for name in [*tables, *documents]]
    for target in targets:
        if target.resolve() in protected:
            raise CoprodError(f"writing {target.name} here would overwrite an input file; "
                              "choose another --out folder", out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CoprodError(f"the output folder cannot be created ({exc.strerror})",
                          out_dir) from None
    try:
        with atomic_files(targets) as temps:
            for temp, table in zip(temps, tables.values(), strict=False):
                write_csv(table, temp)
            for temp, document in zip(temps[len(tables):], documents.values(), strict=True):
                temp.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str)
                                + "\n", encoding="utf-8")
    except OSError as exc:
        raise CoprodError(f"could not write the results ({exc.strerror or exc})",
                          out_dir) from None
    logger.info("wrote %s", ", ".join(str(t) for t in targets))
    return targets
