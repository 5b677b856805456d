"""The one exception the package raises for bad input, and its plain-English wording."""

from __future__ import annotations

import errno
import re
from pathlib import Path

#: Characters that would break a one-line message or drive a terminal: C0 and
#: C1 controls, DEL, and Unicode's line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: object) -> str:
    """``text`` made safe for a one-line message: control characters escaped.

    Examples
    --------
    >>> one_line("evaluations\\nMarch.csv"), one_line("tab\\there"), one_line("\\x1b[31mred")
    ('evaluations\\\\nMarch.csv', 'tab\\\\there', '\\\\x1b[31mred')
    >>> one_line("caf\u00e9 \u2019s")
    'caf\u00e9 \u2019s'
    """
    def escape(match: re.Match[str]) -> str:
        return match[0].encode("unicode_escape").decode("ascii")

    return _CONTROL.sub(escape, str(text))


class CoprodError(Exception):
    """Bad input that the user can fix: a one-line, plain-English message.

    The command line prints ``coprod: error: <file>: <message>`` and exits
    non-zero, with no traceback. A file name holding a line break or another
    control character is shown escaped (``\\n``), so the message stays one line.

    Parameters
    ----------
    message:
        What is wrong, in plain English, on one line.
    path:
        The file (or folder) it concerns, if any.

    Examples
    --------
    >>> str(CoprodError("the file is empty", "data/empty.csv"))
    'data/empty.csv: the file is empty'
    >>> str(CoprodError("the file is empty", "data/two\\nlines.csv"))
    'data/two\\\\nlines.csv: the file is empty'
    """

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.message = " ".join(one_line(" ".join(str(message).split())).split())
        self.path = Path(path) if path is not None else None
        super().__init__(self.message)

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return f"{one_line(self.path.as_posix())}: {self.message}"


class NotThisForm(CoprodError):
    """A readable file that is not an export of the form being cleaned.

    Named on its own, it is an error; found in a folder beside the exports
    (the other form's export, the sessions register), it is skipped with a note.
    """


#: What an operating-system error means, for an officer.
_OS_ERRORS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied (the file or folder is protected)",
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk is read-only",
    errno.EEXIST: "already exists",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many symbolic links (a link that points to itself?)",
    errno.EMFILE: "too many files are open",
    errno.EIO: "the disk could not be read or written (input/output error)",
    errno.EBUSY: "the file is in use by another program",
    getattr(errno, "EDQUOT", -1): "the disk quota is used up",
    errno.EXDEV: "it is on another disk",
}


def os_error_message(exc: OSError) -> str:
    """An operating-system error in plain English (without the file name).

    Examples
    --------
    >>> os_error_message(PermissionError(errno.EACCES, "Permission denied", "x.csv"))
    'permission denied'
    >>> os_error_message(OSError(errno.ENOSPC, "No space left on device"))
    'the disk is full'
    >>> os_error_message(OSError("something odd"))
    'something odd'
    """
    if exc.errno in _OS_ERRORS:
        return _OS_ERRORS[exc.errno]
    if isinstance(exc, PermissionError):
        return "permission denied"
    return " ".join(str(exc.strerror or exc).split()) or type(exc).__name__


def from_os_error(exc: OSError, what: str = "") -> CoprodError:
    """The :class:`CoprodError` for an operating-system error, naming its file.

    Examples
    --------
    >>> str(from_os_error(IsADirectoryError(errno.EISDIR, "Is a directory", "in/x.csv")))
    'in/x.csv: is a folder, not a file'
    >>> str(from_os_error(PermissionError(errno.EACCES, "denied", "o"), "could not write"))
    'o: could not write (permission denied)'
    """
    message = os_error_message(exc)
    if what:
        message = f"{what} ({message})"
    name = exc.filename
    return CoprodError(message, name if isinstance(name, (str, Path)) else None)
