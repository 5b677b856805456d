"""Read what the report is made from, the same way for the command and the notebook."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_analysis.clean.actions import load_actions
from coprod_analysis.clean.evaluations import load_evaluations
from coprod_analysis.clean.reviews import load_reviews
from coprod_analysis.clean.sessions import load_sessions
from coprod_analysis.read.pairs import read_pairs
from coprod_analysis.report.cleaned import read_cleaned_evaluations
from coprod_analysis.report.content import sessions_without_forms
from coprod_analysis.report.render import ReportInputs
from coprod_analysis.report.settings import (
    ReportSettings,
    check_contact,
    find_settings,
    load_settings,
)
from coprod_analysis.themes import load_codebook
from coprod_analysis.themes.codebook import IMPROVEMENTS_CODEBOOK

Paths = str | Path | Sequence[str | Path]


def load_report_inputs(
    evaluations: Paths,
    reviews: Paths | None = None,
    *,
    aliases: str | Path | None = None,
    sessions: str | Path | None = None,
    actions: str | Path | None = None,
    settings: str | Path | ReportSettings | None = None,
) -> tuple[ReportInputs, list[str]]:
    """Read the exports (or cleaned tables), the register and the actions log.

    Parameters
    ----------
    evaluations, reviews:
        Files or folders, raw exports or tables ``coprod clean`` wrote.
    aliases, sessions, actions:
        The group aliases file, the sessions register and the actions log.
    settings:
        Who publishes the report: a ``report-settings.toml`` file, or
        :class:`~coprod_analysis.report.settings.ReportSettings`. Not given, a
        ``report-settings.toml`` beside the actions log (or else the sessions
        register) is used if there is one. Its contact is checked against the
        exports (:func:`~coprod_analysis.report.settings.check_contact`).

    Returns
    -------
    tuple of (:class:`ReportInputs`, lines)
        The lines say, for an officer, what was read: the counts of each form
        (as ``coprod clean`` counts them) and every cell of the actions log
        that could not be read and was left empty.
    """
    book = load_codebook(IMPROVEMENTS_CODEBOOK)
    improvement_codes = dict(zip(book.codes, book.labels, strict=True))
    lines = []
    read_evaluations = _read_evaluations(evaluations)
    lines.extend(_what_was_read(read_evaluations))
    read_reviews = None
    if reviews:
        read_reviews = load_reviews(reviews, aliases=aliases)
        lines.extend(_what_was_read(read_reviews))
    log = None
    if actions:
        name = Path(actions).name
        log = load_actions(actions, extra_codes=improvement_codes)
        lines.append(f"Read {log.summary['rows_kept']} actions from {name}.")
        if log.summary["columns_ignored"]:
            lines.append(f"{name}: columns not used: "
                         f"{', '.join(map(repr, log.summary['columns_ignored']))} (the log's "
                         "columns are theme, you_said, we_did, status, date and owner).")
        lines.extend(f"{name}: row {p.source_row} (after the header), {p.column} "
                     f"{p.raw_value!r}: {p.problem}; left empty."
                     for p in log.problems.itertuples())
    register = load_sessions(sessions) if sessions is not None else None
    if register is not None:
        ids = read_evaluations.data["session_id"].dropna().astype(str)
        missing = ids[~ids.isin(set(register["session_id"].astype(str)))]
        if len(missing):
            shown = ", ".join(sorted(missing.unique())[:3])
            lines.append(f"{Path(sessions).name}: {len(missing)} responses are for sessions "
                         f"not in the register ({shown}"
                         f"{', ...' if missing.nunique() > 3 else ''}): they are left out of "
                         "the response rate; check the dates and venues match.")
        silent = sessions_without_forms(read_evaluations.data, register)
        if silent:
            lines.append(f"{Path(sessions).name}: {len(silent)} sessions in the register have "
                         f"no evaluation form ({', '.join(silent)}): they count in the "
                         "response rate as none returned, and the report names them.")
    if settings is None:
        settings = find_settings(actions, sessions)
    if not isinstance(settings, ReportSettings):
        origin = settings
        settings = load_settings(settings)
        if origin is not None:
            lines.append(f"Report settings from {Path(origin).name}.")
    check_contact(settings.contact, _as_list(evaluations) + _as_list(reviews),
                  origin="report settings: contact")
    inputs = ReportInputs(
        evaluations=read_evaluations.data,
        reviews=read_reviews.data if read_reviews is not None else None,
        sessions=register,
        actions=log.data if log is not None else None,
        improvement_codes=improvement_codes,
        settings=settings,
        group_names=tuple(name for _, alias, group in (
            read_pairs(aliases, "alias", "group", "aliases file") if aliases and reviews
            else ()) for name in (alias, group) if name),
    )
    return inputs, lines


def _read_evaluations(paths: Paths):
    """The evaluations: one table ``coprod clean`` wrote is read directly (the same table,
    many times faster: :mod:`~coprod_analysis.report.cleaned`); anything else is cleaned."""
    given = _as_list(paths)
    if len(given) == 1:
        table = read_cleaned_evaluations(given[0])
        if table is not None:
            return table
    return load_evaluations(paths)


def _as_list(paths: Paths | None) -> list[str | Path]:
    if paths is None:
        return []
    return [paths] if isinstance(paths, (str, Path)) else list(paths)


def _what_was_read(result) -> list[str]:
    """The counts of a form's cleaning, and any note on one of its files."""
    return [result.quality_report().splitlines()[0],
            *(f"{name}: {note}" for name, info in result.summary["files"].items()
              for note in info["notes"])]

