"""A codebook: the themes a comment can carry, as data.

The sixteen challenge themes of the data contract are the default; an
officer can bring their own (``code,label,description``), with their own
labelled examples (``text,themes``), and everything else works the same.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from coprod_analysis.errors import CoprodError
from coprod_analysis.limits import read_small_file
from coprod_analysis.read.grid import decode_bytes

#: Where the bundled codebooks and labelled examples live (in the repository).
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
DEFAULT_CODEBOOK = SAMPLE / "codebooks" / "challenges.csv"
DEFAULT_EXAMPLES = SAMPLE / "labelled" / "challenges.csv"
IMPROVEMENTS_CODEBOOK = SAMPLE / "codebooks" / "improvements.csv"
IMPROVEMENTS_EXAMPLES = SAMPLE / "labelled" / "improvements.csv"


@dataclass(frozen=True)
class Codebook:
    """Theme codes, in order, with their labels and one-line descriptions."""

    codes: tuple[str, ...]
    labels: tuple[str, ...]
    descriptions: tuple[str, ...]

    def label(self, code: str) -> str:
        """The label of a code."""
        return self.labels[self.codes.index(code)]


def _read_csv(path: Path, what: str) -> list[dict[str, str]]:
    text, _ = decode_bytes(read_small_file(Path(path), what))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    # Values past the header's last column (an unquoted comma) land under None: ignored.
    return [{k.strip().lower(): (v or "").strip() for k, v in r.items() if k is not None}
            for r in rows]


def load_codebook(path: str | Path = DEFAULT_CODEBOOK) -> Codebook:
    """Read a codebook: a CSV with ``code`` and ``label`` (and ``description``) columns.

    Raises
    ------
    CoprodError
        If the file is missing, lacks the columns, or repeats a code.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "codebook.csv"
    >>> _ = path.write_text("code,label,description\\ntime,Time,Not enough time\\n")
    >>> load_codebook(path)
    Codebook(codes=('time',), labels=('Time',), descriptions=('Not enough time',))
    """
    path = Path(path)
    rows = _read_csv(path, "codebook")
    if not rows or not {"code", "label"} <= set(rows[0]):
        raise CoprodError("a codebook needs a header row 'code,label,description'", path)
    codes = [r["code"] for r in rows if r["code"]]
    bad = [c for c in codes if not re.fullmatch(r"[a-z][a-z0-9_]*", c)]
    if bad:
        raise CoprodError(f"codes must be lower-case words joined by _, not {bad[0]!r}", path)
    if len(set(codes)) != len(codes):
        raise CoprodError("a code appears twice in the codebook", path)
    kept = [r for r in rows if r["code"]]
    return Codebook(tuple(codes), tuple(r["label"] for r in kept),
                    tuple(r.get("description", "") for r in kept))


def load_examples(path: str | Path, codebook: Codebook, text_column: str = "text",
                  labels_column: str = "themes") -> tuple[list[str], list[list[str]]]:
    """Read labelled examples: texts and their ``;``-joined theme codes.

    An empty themes cell means the comment carries no theme (it teaches the
    classifier to abstain).

    Raises
    ------
    CoprodError
        If a column is missing, a text is empty, or a code is not in the codebook
        (every such row is named in one line).
    """
    path = Path(path)
    rows = _read_csv(path, "labelled examples file")
    text_key, labels_key = text_column.lower(), labels_column.lower()
    if not rows or not {text_key, labels_key} <= set(rows[0]):
        raise CoprodError(f"labelled examples need the columns {text_column!r} and "
                          f"{labels_column!r}", path)
    texts, labels, problems = [], [], []
    known = set(codebook.codes)
    for number, row in enumerate(rows, start=1):
        codes = [c.strip() for c in re.split(r"[;,]", row[labels_key]) if c.strip()]
        unknown = [c for c in codes if c not in known]
        if unknown:
            problems.append(f"row {number}: {unknown[0]!r} is not in the codebook")
        elif not row[text_key]:
            problems.append(f"row {number}: the text is empty")
        else:
            texts.append(row[text_key])
            labels.append([c for c in codebook.codes if c in codes])
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise CoprodError("; ".join(problems[:3]) + more, path)
    return texts, labels


def to_indicators(labels: list[list[str]], codebook: Codebook) -> pd.DataFrame:
    """Lists of codes -> a 0/1 table with one column per code.

    Examples
    --------
    >>> book = Codebook(("a", "b"), ("A", "B"), ("", ""))
    >>> to_indicators([["b"], [], ["a", "b"]], book).values.tolist()
    [[0, 1], [0, 0], [1, 1]]
    """
    return pd.DataFrame([[int(c in row) for c in codebook.codes] for row in labels],
                        columns=list(codebook.codes))
