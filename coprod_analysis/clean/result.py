"""What cleaning returns, and its plain-English data-quality summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from coprod_analysis.read.platforms import CLEANED

if TYPE_CHECKING:
    from coprod_analysis.clean.pipeline import FormSpec

COUNT_KEYS = ("rows_read", "rows_clean", "rows_quarantined", "rows_duplicate", "rows_blank")


@dataclass
class FileReport:
    """What happened to one input file."""

    file: str
    platform: str
    encoding: str
    header_rows: int = 1
    rows_read: int = 0
    rows_clean: int = 0
    rows_quarantined: int = 0
    rows_duplicate: int = 0
    rows_blank: int = 0
    columns_mapped: dict[str, str] = field(default_factory=dict)
    columns_unmapped: list[str] = field(default_factory=list)
    columns_identifiers: list[str] = field(default_factory=list)
    #: Header (redacted) -> why its column was dropped as an identifier.
    identifier_reasons: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: For a table ``coprod clean`` wrote, read again: the exports it was cleaned from.
    cleaned_from: list[str] = field(default_factory=list)
    #: What in the file showed its platform and layout.
    recognised_by: str = ""
    #: Date column -> ``{"order", "decided_by", "why"}`` (:mod:`coprod_analysis.clean.dates`).
    date_order: dict[str, dict] = field(default_factory=dict)
    #: How strongly the answers say the file is this form's export (:mod:`..evidence`).
    evidence: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The file's part of ``summary.json``."""
        return {
            "platform": self.platform,
            "encoding": self.encoding,
            "header_rows": self.header_rows,
            "recognised_by": self.recognised_by,
            "date_order": self.date_order,
            **({"evidence": self.evidence} if self.evidence else {}),
            **{key: getattr(self, key) for key in COUNT_KEYS},
            "columns_mapped": self.columns_mapped,
            "columns_unmapped": self.columns_unmapped,
            "columns_identifiers_dropped": self.columns_identifiers,
            "columns_identifiers_why": self.identifier_reasons,
            "notes": self.notes,
            **({"cleaned_from": self.cleaned_from} if self.platform == CLEANED else {}),
        }


@dataclass
class CleanResult:
    """A cleaned form: the clean table, what was set aside, and the counts.

    Attributes
    ----------
    data:
        One row per kept response (contract section 3 columns; ordered
        categorical dtypes for 1-5 scores).
    quarantine:
        Rows that could not be kept, with their raw values and a ``reason``.
    problems:
        Cells present but unreadable, left empty in ``data``.
    summary:
        The counts (``rows_read == rows_clean + rows_quarantined +
        rows_duplicate + rows_blank``), per file under ``files``.
    form:
        The form cleaned.
    """

    data: pd.DataFrame
    quarantine: pd.DataFrame
    problems: pd.DataFrame
    summary: dict
    form: FormSpec | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        """The CSV files cleaning writes, by name, as they are written."""
        name = self.summary["form"]
        data = self.form.to_csv(self.data) if self.form is not None else self.data
        return {f"{name}.csv": data, "quarantine.csv": self.quarantine,
                "problems.csv": self.problems}

    def quality_report(self, top: int = 5) -> str:
        """A short plain-English account of what cleaning did, for an officer.

        Parameters
        ----------
        top:
            How many quarantine reasons and problems to list.
        """
        return quality_report(self, top)


def build_summary(form: FormSpec, files: list[FileReport], problems: pd.DataFrame,
                  quarantine: pd.DataFrame, options: dict) -> dict:
    """The ``summary.json`` content: totals, per-file counts, reasons, options."""
    from coprod_analysis import __version__

    totals = {key: sum(getattr(f, key) for f in files) for key in COUNT_KEYS}
    reasons = Counter(quarantine["reason_code"]) if len(quarantine) else Counter()
    problem_counts = (Counter(zip(problems["field"], problems["problem"], strict=True))
                      if len(problems) else Counter())
    return {
        "form": form.name,
        "noun": form.noun,
        **totals,
        "cells_unreadable": int(len(problems)),
        "quarantine_reasons": dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        "unreadable_cells": [
            {"field": f, "problem": p, "count": n}
            for (f, p), n in sorted(problem_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "files": {f.file: f.as_dict() for f in files},
        "options": options,
        "coprod_analysis_version": __version__,
    }


_DECIDED_BY = {"values": "decided by its values", "platform": "the platform's known order",
               "default": "could not be decided: the UK default, see the note below",
               "mixed": "both orders found: see the note below",
               "submission": "as the submission times say: see the note below"}


def quality_report(result: CleanResult, top: int = 5) -> str:
    """Describe a :class:`CleanResult` in a few plain-English lines.

    Examples
    --------
    >>> s = {"form": "evaluations", "noun": "evaluation responses", "rows_read": 10,
    ...      "rows_clean": 7, "rows_quarantined": 1, "rows_duplicate": 1, "rows_blank": 1,
    ...      "cells_unreadable": 0,
    ...      "quarantine_reasons": {"no session date": 1}, "unreadable_cells": [], "files": {}}
    >>> print(quality_report(CleanResult(None, None, None, s)))
    Read 10 evaluation responses from 0 files: 7 kept, 1 blank, 1 duplicate, 1 quarantined.
    Quarantined (see quarantine.csv):
      1 x no session date
    Every cell that was answered could be read.
    """
    s = result.summary
    noun = s.get("noun", s["form"])
    lines = [
        f"Read {s['rows_read']} {noun} from {len(s['files'])} "
        f"file{'s' if len(s['files']) != 1 else ''}: {s['rows_clean']} kept, "
        f"{s['rows_blank']} blank, {s['rows_duplicate']} duplicate, "
        f"{s['rows_quarantined']} quarantined."
    ]
    if s.get("files_skipped"):
        names = ", ".join(s["files_skipped"])
        lines.append(f"Skipped {len(s['files_skipped'])} file(s) found in the folder but not "
                     f"{s.get('label', 'an export of this form')}, or not a file that can "
                     f"be read: {names} (why: see summary.json)")
    if s["quarantine_reasons"]:
        lines.append("Quarantined (see quarantine.csv):")
        for reason, count in list(s["quarantine_reasons"].items())[:top]:
            lines.append(f"  {count} x {reason}")
    if s["unreadable_cells"]:
        lines.append(f"{s['cells_unreadable']} answers could not be read and were left empty "
                     "(see problems.csv):")
        for item in s["unreadable_cells"][:top]:
            lines.append(f"  {item['count']} x {item['field']}: {item['problem']}")
    else:
        lines.append("Every cell that was answered could be read.")
    for name, info in s["files"].items():
        if info.get("recognised_by"):
            lines.append(f"{name}: read as {info['recognised_by']}")
        for column, how in info.get("date_order", {}).items():
            if how["decided_by"] == "none":
                lines.append(f"{name}: dates in {column!r} cannot be misread (year first, "
                             "month in words or spreadsheet date cells)")
            else:
                lines.append(f"{name}: dates in {column!r} read {how['order']} "
                             f"({_DECIDED_BY.get(how['decided_by'], how['decided_by'])})")
        if info["columns_unmapped"]:
            kept = ", ".join(repr(c) for c in info["columns_unmapped"])
            # (a column that also looks like a question read from another is one of them:
            # the notes say which; "match no question" read as a contradiction beside them)
            lines.append(f"{name}: columns read for no question, kept as they are: {kept}")
        why = info.get("columns_identifiers_why", {})
        by_header = [h for h, reason in why.items() if reason.startswith("its header")]
        if by_header:
            lines.append(f"{name}: identifier columns, never written: "
                         f"{', '.join(map(repr, by_header))}")
        for header, reason in why.items():
            if header not in by_header:
                lines.append(f"{name}: column {header!r} is dropped as an identifier, never "
                             f"written: {reason}")
        for note in info["notes"]:
            lines.append(f"{name}: {note}")
    return "\n".join(lines)
