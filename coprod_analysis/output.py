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
import shutil
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pa_compute
import pyarrow.csv as pa_csv

from coprod_analysis.clean.values import FORMULA_START, TEXT_DTYPE, iso_text
from coprod_analysis.errors import CoprodError, os_error_message

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
try:
    import msvcrt
except ImportError:
    msvcrt = None

logger = logging.getLogger(__name__)

#: The first characters of :data:`FORMULA_START`, all ASCII: one UTF-8 byte each.
_RISKY_BYTES = np.frombuffer("".join(FORMULA_START).encode("ascii"), dtype=np.uint8)
#: Whether each byte value is one of :data:`_RISKY_BYTES`.
_RISKY_TABLE = np.isin(np.arange(256), _RISKY_BYTES)


def _starts_risky(text: pd.Series) -> np.ndarray:
    """Whether each value of a pyarrow string column starts with a formula character
    (``False`` where missing), read from the first byte of each value in the Arrow
    buffers: a character of :data:`FORMULA_START` is one byte in UTF-8, which no
    other character starts with.

    Examples
    --------
    >>> _starts_risky(pd.Series(["=1", "a=", "", None, "\u00e9", "-"], dtype=TEXT_DTYPE)).tolist()
    [True, False, False, False, False, True]
    """
    array = pa.array(text.array)
    widths = {pa.large_string(): np.int64, pa.string(): np.int32}
    if array.type not in widths:  # pragma: no cover - pandas keeps text as (large) strings
        return text.astype(TEXT_DTYPE).str.slice(0, 1).isin(FORMULA_START).to_numpy(dtype=bool)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    found = [np.zeros(0, dtype=bool)]
    for chunk in chunks:
        width = widths[chunk.type]
        size = len(chunk)
        _, offsets, data = chunk.buffers()
        ends = np.frombuffer(offsets, dtype=width)[chunk.offset:chunk.offset + size + 1]
        starts = ends[:-1]
        if data is None or not data.size:
            risky = np.zeros(size, dtype=bool)
        else:
            # Each value's first byte (an empty value's start may be the buffer's end:
            # clipped, and then not counted).
            first = np.frombuffer(data, dtype=np.uint8).take(starts, mode="clip")
            risky = _RISKY_TABLE[first]
            risky &= ends[1:] > starts
        if chunk.null_count:
            risky &= chunk.is_valid().to_numpy(zero_copy_only=False)
        found.append(risky)
    return np.concatenate(found)


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells (and headers) that a spreadsheet would run as a formula with ``'``.

    Returns a new frame; numbers, dates and missing values are left alone.

    Examples
    --------
    >>> df = pd.DataFrame({"t": ["=SUM(A1)", "- more breaks", "fine", None], "n": [-1, 2, 3, 4]})
    >>> neutralise_formulas(df)["t"].tolist(), neutralise_formulas(df)["n"].tolist()
    (["'=SUM(A1)", "'- more breaks", 'fine', <NA>], [-1, 2, 3, 4])
    """
    out = frame.copy(deep=False)  # columns are replaced, never changed in place
    out.columns = [f"'{c}" if isinstance(c, str) and c.startswith(FORMULA_START) else c
                   for c in out.columns]
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.StringDtype) or series.dtype == object:
            text = series.astype(TEXT_DTYPE)
            risky = _starts_risky(text)
            if risky.any():
                text = _guarded(text, risky)
            out[column] = text
    return out


def _guarded(text: pd.Series, risky: np.ndarray) -> pd.Series:
    """``text.mask(risky, "'" + text)`` of a pyarrow string column, in pyarrow: only the
    risky values are copied with their apostrophe (fast for a million rows).

    Examples
    --------
    >>> _guarded(pd.Series(["=1", "a", None, "-"], dtype=TEXT_DTYPE),
    ...          np.array([True, False, False, True])).tolist()
    ["'=1", 'a', <NA>, "'-"]
    """
    array = pa.array(text.array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    mask = pa.array(risky, type=pa.bool_())
    apostrophe = pa.scalar("'", type=array.type)
    prefixed = pa_compute.binary_join_element_wise(
        apostrophe, array.filter(mask), pa.scalar("", type=array.type))
    guarded = pa_compute.replace_with_mask(array, mask, prefixed)
    return pd.Series(pd.arrays.ArrowStringArray(guarded), index=text.index, name=text.name,
                     dtype=TEXT_DTYPE)


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
            codes = series.cat.codes.to_numpy()  # the same as .astype("Int64"), faster
            numbers = series.cat.categories.to_numpy(dtype="int64")
            series = pd.Series(pd.arrays.IntegerArray(
                numbers.take(np.maximum(codes, 0)) if len(numbers) else
                np.zeros(len(codes), dtype="int64"), codes < 0), index=series.index)
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
    if arrow.num_rows < HALVES_FROM_ROWS:
        pa_csv.write_csv(arrow, path, write_options=_csv_options(header=True))
    else:
        _write_in_halves(arrow, Path(path))


#: Tables of at least this many rows are written in two halves at once (see
#: :func:`_write_in_halves`); below it the second thread costs more than it saves.
HALVES_FROM_ROWS = 200_000


def _csv_options(*, header: bool) -> pa_csv.WriteOptions:
    # Batches of 8,192 rows write a million rows faster than the default 1,024 (or 65,536).
    return pa_csv.WriteOptions(quoting_style="needed", batch_size=8192, include_header=header)


def _write_in_halves(arrow: pa.Table, path: Path) -> None:
    """Write ``arrow`` as CSV to ``path``: the first half (with the header) in this
    thread while a second thread writes the rest to a file beside it, then appended.

    pyarrow formats every row on its own, so the two halves joined are the same
    bytes as the whole written at once; on two cores it takes less time (a million
    cleaned rows: 0.5-0.7 s against 0.7-0.8 s, the appending included). The second
    half's file is removed whatever happens.
    """
    half = arrow.num_rows // 2
    handle, rest = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            later = pool.submit(pa_csv.write_csv, arrow.slice(half), rest,
                                write_options=_csv_options(header=False))
            try:
                pa_csv.write_csv(arrow.slice(0, half), path,
                                 write_options=_csv_options(header=True))
            finally:
                error = later.exception()  # waits; the second half is never left running
        if error is not None:
            raise error
        _append(Path(rest), path)
    finally:
        os.unlink(rest)


def _append(source: Path, target: Path) -> None:
    """Append the bytes of ``source`` to ``target``: copied by the kernel where it can
    (``copy_file_range``, Linux), else through Python.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a").write_bytes(b"first,"), (folder / "b").write_bytes(b"second")
    >>> _append(folder / "b", folder / "a")
    >>> (folder / "a").read_bytes()
    b'first,second'
    """
    with open(target, "r+b") as whole, open(source, "rb") as second:
        whole.seek(0, os.SEEK_END)
        size = os.fstat(second.fileno()).st_size
        copied = 0
        if hasattr(os, "copy_file_range"):
            try:  # the file offsets of both move on with what is copied
                while copied < size:
                    done = os.copy_file_range(second.fileno(), whole.fileno(), size - copied)
                    if not done:
                        break
                    copied += done
            except OSError:  # another file system, an old kernel: the rest through Python
                pass
        second.seek(copied)
        whole.seek(0, os.SEEK_END)
        shutil.copyfileobj(second, whole, 1 << 22)


#: The temporary folder a run writes its outputs into, beside them (the next run
#: writing to the same folder removes any a killed run left behind).
STAGING_PREFIX = "coprod-unfinished-"
_ON_WINDOWS = sys.platform == "win32"


def _lock(handle, *, wait: bool) -> bool:
    """Lock an open file for this process; ``False`` if another process holds it."""
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        elif msvcrt is not None:  # pragma: no cover - Windows
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold a lock on ``folder`` so that two runs never swap outputs at the same time.

    POSIX only (a folder cannot be opened on Windows); where the folder cannot be
    opened the block runs unlocked.
    """
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def remove_unfinished(folder: Path) -> list[Path]:
    """Remove the temporary folders that killed runs left in ``folder``.

    A run's temporary folder is locked while the run lives, so a folder that
    can be locked belongs to a run that is gone. Returns the folders removed.
    """
    removed = []
    for staging in sorted(folder.glob(STAGING_PREFIX + "*")):
        if not staging.is_dir() or staging.is_symlink():
            continue
        try:
            with open(staging / "lock", "a+b") as handle:
                alive = not _lock(handle, wait=False)
        except OSError:
            alive = False
        if not alive:
            shutil.rmtree(staging, ignore_errors=True)
            if not staging.exists():
                removed.append(staging)
                logger.info("removed %s, left by an earlier run that did not finish", staging)
    return removed


def _check_can_replace(target: Path) -> None:
    """Refuse before anything moves if ``target`` cannot be replaced (open in Excel)."""
    if not target.is_file():
        return
    try:
        with open(target, "r+b"):
            pass
    except PermissionError:
        if _ON_WINDOWS:  # Excel keeps the files it has open locked
            raise CoprodError(f"{target.name} cannot be replaced because another program "
                              "has it open: close the file in Excel and run again; "
                              "nothing was changed", target.parent) from None
        raise CoprodError(f"{target.name} cannot be replaced (permission denied: it is "
                          "read-only or protected); nothing was changed",
                          target.parent) from None


def _swap(temps: list[Path], targets: list[Path], staging: Path) -> None:
    """Move every temporary file into place; on any failure put the previous ones back."""
    for target in targets:
        _check_can_replace(target)
    done: list[tuple[Path, Path | None]] = []
    try:
        for number, (temp, target) in enumerate(zip(temps, targets, strict=True)):
            backup = None
            if target.is_file():
                backup = staging / f"previous-{number}"
                try:
                    os.link(target, backup)
                except OSError:
                    shutil.copy2(target, backup)
            os.replace(temp, target)
            done.append((target, backup))
    except BaseException:
        for target, backup in reversed(done):
            try:
                if backup is None:
                    target.unlink(missing_ok=True)
                else:
                    os.replace(backup, target)
            except OSError:  # pragma: no cover - the disk went away under us
                logger.warning("could not put back the previous %s", target)
        raise


@contextmanager
def atomic_files(targets: list[Path], *, protect: list[Path] = ()) -> Iterator[list[Path]]:
    """Temporary paths to write ``targets`` through: all of them replaced, or none.

    The temporary files are written into a temporary folder beside the targets
    (``coprod-unfinished-*``, locked while the run lives). When the block ends
    without an error every one is moved into place, the previous files kept
    aside until all have moved and put back if any move fails; otherwise none
    is. The temporary folder is removed either way, and one left by a killed
    run is removed by the next run writing to the same folder. Two runs
    writing to the same folder move their files in turn, never interleaved.

    Parameters
    ----------
    targets:
        Files in one folder, which must exist.
    protect:
        Files that must never be overwritten (the run's inputs).

    Raises
    ------
    CoprodError
        If the folder cannot be written, a target is an input, a folder, or
        cannot be replaced (open in Excel on Windows), or writing fails.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_files([target]) as (temp,):
    ...     _ = temp.write_text("whole")
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('whole', ['a.txt'])
    """
    targets = [Path(t) for t in targets]
    folder = targets[0].parent
    if any(t.parent != folder for t in targets):
        raise ValueError("atomic_files writes into one folder")
    refuse_overwriting(targets, protect)
    for target in targets:
        if target.is_dir():
            raise CoprodError(f"{target.name} is a folder, so it cannot be written",
                              folder)
    try:
        with _folder_lock(folder):
            remove_unfinished(folder)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
            lock = open(staging / "lock", "a+b")  # noqa: SIM115 - held for the whole run
    except OSError as exc:
        raise CoprodError(f"the folder cannot be written ({os_error_message(exc)})",
                          folder) from None
    try:
        _lock(lock, wait=True)
        temps = [staging / t.name for t in targets]
        yield temps
        with _folder_lock(folder):
            _swap(temps, targets, staging)
    except OSError as exc:
        name = Path(exc.filename).name if isinstance(exc.filename, str) else ""
        where = f" writing {name}" if name and not name.startswith("previous-") else ""
        raise CoprodError(f"could not write the results{where} ({os_error_message(exc)}); "
                          "the previous files are unchanged", folder) from None
    finally:
        lock.close()
        shutil.rmtree(staging, ignore_errors=True)


def refuse_overwriting(targets: list[Path], protect: list[Path]) -> None:
    """Refuse to write any target that is one of the inputs (or a link to one).

    Examples
    --------
    >>> refuse_overwriting([Path("out/a.csv")], [Path("in/a.csv")])
    >>> refuse_overwriting([Path("in/a.csv")], [Path("in/a.csv")])
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: in: writing a.csv here would overwrite an input file; \
choose another --out
    """
    # (os.path.realpath: a loop of links stays as it is, where Path.resolve raises)
    protected = {os.path.realpath(p) for p in protect if p is not None}
    for target in targets:
        if os.path.realpath(target) in protected:
            raise CoprodError(f"writing {target.name} here would overwrite an input file; "
                              "choose another --out", target.parent)


def prepare_folder(folder: str | Path, what: str = "the output folder") -> Path:
    """Create an output folder (and its parents), or say in one line why not.

    Examples
    --------
    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> prepare_folder(base / "a" / "b").is_dir()
    True
    >>> _ = (base / "file").write_text("x")
    >>> prepare_folder(base / "file" / "b")
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: ...: part of the path is a file, not a folder
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CoprodError(f"{what} is a file, not a folder", folder)
    for parent in folder.parents:
        if parent.exists():
            if not parent.is_dir():
                raise CoprodError("part of the path is a file, not a folder", folder)
            break
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CoprodError(f"{what} cannot be created ({os_error_message(exc)})",
                          folder) from None
    return folder


def check_folder(folder: str | Path, what: str = "the output folder") -> None:
    """Check, without creating anything, that ``folder`` is or can be made a folder we
    can write into; :func:`prepare_folder` creates it later, once the work is done.

    Examples
    --------
    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> check_folder(base / "new" / "deeper"), (base / "new").exists()
    (None, False)
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CoprodError(f"{what} is a file, not a folder", folder)
    for existing in (folder, *folder.parents):
        if existing.exists():
            if not existing.is_dir():
                raise CoprodError("part of the path is a file, not a folder", folder)
            if not os.access(existing, os.W_OK | os.X_OK):
                verb = "written" if existing == folder else "created"
                raise CoprodError(f"{what} cannot be {verb} (permission denied)", folder)
            return


def check_file(path: str | Path) -> None:
    """Check, without creating anything, that ``path`` can be written as a file.

    Examples
    --------
    >>> import tempfile
    >>> check_file(Path(tempfile.mkdtemp()))
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: ...: is a folder; give a file name
    """
    path = Path(path)
    if path.is_dir():
        raise CoprodError("is a folder; give a file name", path)
    check_folder(path.parent, "the folder")


def prepare_file(path: str | Path) -> Path:
    """Check an output file's path (not a folder) and create its folder.

    Examples
    --------
    >>> import tempfile
    >>> prepare_file(Path(tempfile.mkdtemp()))
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: ...: is a folder; give a file name
    """
    path = Path(path)
    if path.is_dir():
        raise CoprodError("is a folder; give a file name", path)
    prepare_folder(path.parent, "the folder")
    return path


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
    targets = [out_dir / name for name in [*tables, *documents]]
    refuse_overwriting(targets, protect)
    prepare_folder(out_dir)
    with atomic_files(targets, protect=protect) as temps:
        for temp, table in zip(temps, tables.values(), strict=False):
            write_csv(table, temp)
        for temp, document in zip(temps[len(tables):], documents.values(), strict=True):
            temp.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str)
                            + "\n", encoding="utf-8")
    logger.info("wrote %s", ", ".join(str(t) for t in targets))
    return targets
