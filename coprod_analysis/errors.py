"""The one exception the package raises for bad input."""

from __future__ import annotations

from pathlib import Path


class CoprodError(Exception):
    """Bad input that the user can fix: a one-line, plain-English message.

    The command line prints ``coprod: error: <file>: <message>`` and exits
    non-zero, with no traceback.

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
    """

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.message = " ".join(str(message).split())
        self.path = Path(path) if path is not None else None
        super().__init__(self.message)

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return f"{self.path.as_posix()}: {self.message}"


class NotThisForm(CoprodError):
    """A readable file that is not an export of the form being cleaned.

    Named on its own, it is an error; found in a folder beside the exports
    (the other form's export, the sessions register), it is skipped with a note.
    """
