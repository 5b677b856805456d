"""Lay the report out: one self-contained HTML file, and its tables as XLSX.

The HTML holds everything it shows (charts as inline PNG images with their
text alternatives, its own stylesheet with print rules); it loads nothing
from anywhere, so it opens offline and leaks nothing. Every value is
HTML-escaped by Jinja2's autoescaping.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from matplotlib.figure import Figure

from coprod_analysis.charts import plot_agreement
from coprod_analysis.errors import CoprodError
from coprod_analysis.output import (
    atomic_files,
    neutralise_formulas,
    prepare_folder,
    refuse_overwriting,
)
from coprod_analysis.publish import MIN_BASE, MIN_COUNT, show_count
from coprod_analysis.report.audit import disclosure_method, glance_table, report_leaks
from coprod_analysis.report.content import (
    at_a_glance,
    ladder_tables,
    outcomes_table,
    shown_agreement,
    still_to_do,
    we_did,
    you_said,
)
from coprod_analysis.vocab import CHALLENGE_THEMES


@dataclass
class ReportInputs:
    """What the report is made from (clean tables, not raw exports)."""

    evaluations: pd.DataFrame
    reviews: pd.DataFrame | None = None
    sessions: pd.DataFrame | None = None
    actions: pd.DataFrame | None = None
    improvement_codes: dict[str, str] = field(default_factory=dict)
    programme: str = "Patient champion co-production training"


def _png(figure: Figure) -> dict[str, str]:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    return {"png": base64.b64encode(buffer.getvalue()).decode("ascii"),
            "alt": figure.alt_text}


def small_number_rules(min_base: int, min_count: int) -> str:
    """The small-number rules in force, in one sentence for the method section.

    Examples
    --------
    >>> small_number_rules(10, 5)
    'A result is not shown when fewer than 10 people answered; a count of 1 to 4 is shown as <5.'
    >>> small_number_rules(10, 2)
    'A result is not shown when fewer than 10 people answered; a count of 1 is shown as <2.'
    >>> small_number_rules(1, 1)
    'Every result is shown, however few people answered; every count is shown as it is.'
    """
    base = (f"A result is not shown when fewer than {min_base} people answered"
            if min_base > 1 else "Every result is shown, however few people answered")
    if min_count > 2:
        count = f"a count of 1 to {min_count - 1} is shown as <{min_count}"
    elif min_count == 2:
        count = "a count of 1 is shown as <2"
    else:
        count = "every count is shown as it is"
    return f"{base}; {count}."


def redaction_note(actions: bool, keep_staff_names: bool = False) -> str:
    """Which columns the report redacted, in one sentence for the method section.

    Examples
    --------
    >>> redaction_note(False).split(" (")[0]
    'Redacted before publishing: the free text of the forms, which quotes come from'
    >>> note = redaction_note(True, keep_staff_names=True)
    >>> '"You said" and "We did" columns' in note, "(--keep-staff-names)" in note
    (True, True)
    """
    what = ("the free text of the forms, which quotes come from (on the evaluation form: one "
            "thing to take away, the pledge and how to improve; on the review form: the "
            "challenges described)")
    if actions:
        what += " and the actions log's \"You said\" and \"We did\" columns"
        if keep_staff_names:
            what += ("; in \"We did\" the names of staff are shown as written "
                     "(--keep-staff-names), contact details still removed")
        what += "; the log's owner and notes are not published"
    return (f"Redacted before publishing: {what}. Columns that identify someone (names, "
            "e-mail and IP addresses, ids, contact details, locations, devices) were dropped "
            "when the exports were read.")


def build_html(inputs: ReportInputs, min_base: int = MIN_BASE,
               min_count: int = MIN_COUNT, *,
               keep_staff_names: bool = False) -> tuple[str, dict[str, pd.DataFrame]]:
    """The report's HTML, and its tables by name (for the XLSX).

    ``keep_staff_names`` shows the names in the actions log's "We did" as
    written (contact details are still removed); see :func:`we_did`.
    """
    evaluations = inputs.evaluations
    reviews = inputs.reviews if inputs.reviews is not None and len(inputs.reviews) else None
    codes = {**CHALLENGE_THEMES, **inputs.improvement_codes}
    outcomes = outcomes_table(evaluations, min_base, min_count)
    outcome_charts = []
    shown = shown_agreement(evaluations, min_base, min_count)
    if len(shown):  # the chart draws only what the table shows
        outcome_charts.append(_png(plot_agreement(shown)))
    said, tables = [], {"Outcomes": outcomes}
    if reviews is not None:
        table = you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES,
                         min_base, min_count, quote_themes_column="challenges_text_themes",
                         respondent="group_id")
        said.append({"heading": "What gets in the way (group reviews)", "unit": "groups",
                     "rows": table.to_dict("records")})
        tables["Challenges"] = table.drop(columns=["code", "quotes"])
    if inputs.improvement_codes and "improvement_themes" in evaluations:
        table = you_said(evaluations, "improvements", "improvement_themes",
                         inputs.improvement_codes, min_base, min_count)
        said.append({"heading": "How the sessions could improve (evaluation forms)",
                     "unit": "people", "rows": table.to_dict("records")})
        tables["Improvements"] = table.drop(columns=["code", "quotes"])
    raised = pd.concat([pd.DataFrame(b["rows"]) for b in said if b["rows"]] or
                       [pd.DataFrame(columns=["code", "Theme", "Raised by"])],
                       ignore_index=True)
    actions = inputs.actions if inputs.actions is not None else pd.DataFrame(
        columns=["theme", "you_said", "we_did", "status", "date"])
    did = we_did(actions, codes, keep_staff_names=keep_staff_names)
    todo = (still_to_do(raised, actions, min_count) if len(raised)
            else raised[["Theme", "Raised by"]])
    tables["We did"] = did
    tables["Still to do"] = todo
    groups = reviews["group_id"].nunique() if reviews is not None else 0
    ladder = (ladder_tables(reviews, min_base, min_count) if reviews is not None
              else {"where": None, "moved": None})
    if ladder["where"] is not None:
        tables["Ladder"] = ladder["where"].rename_axis("Level").reset_index()
    if ladder["moved"] is not None:
        tables["Ladder movement"] = ladder["moved"].rename_axis("Level").reset_index()
    glance = at_a_glance(evaluations, inputs.sessions, min_base, min_count, reviews)
    tables["At a glance"] = glance_table(glance)
    # the report's order, for the workbook's sheets
    order = ["At a glance", "Outcomes", "Ladder", "Ladder movement", "Challenges",
             "Improvements", "We did", "Still to do"]
    tables = {name: tables[name] for name in order if name in tables}
    forms = show_count(len(evaluations), min_count)
    method = [
        f"Made from {forms} evaluation forms"
        + (f" and the reviews of {show_count(groups, min_count)} patient groups"
           if reviews is not None else "")
        + ", cleaned by coprod-analysis: duplicates removed, so people are counted once"
        + (", and each group once however often it was reviewed." if reviews is not None
           else "."),
        small_number_rules(min_base, min_count),
        "A share is not shown where, with the number who answered, it would give away a "
        "count below the threshold (for example 25% of 12 is 3 people).",
        "Quotes are what people wrote, with names, e-mail addresses, phone numbers, NHS "
        "numbers and postcodes removed; they are not attributed to anyone, and a theme is "
        f"quoted only when at least {min_count} people (or groups) wrote of it.",
        redaction_note(inputs.actions is not None, keep_staff_names),
        "Agreement is the share answering Agree or Strongly agree; the 95% interval is the "
        "range the true share probably lies in.",
        *disclosure_method(min_count, glance.get("sessions_without_forms", "")),
    ]
    environment = Environment(loader=PackageLoader("coprod_analysis.report", "templates"),
                              autoescape=select_autoescape(["html", "j2"]))
    html = environment.get_template("you-said-we-did.html.j2").render(
        title="You said, we did", programme=inputs.programme,
        glance=glance,
        outcomes=outcomes, outcome_charts=outcome_charts, reviewed=reviews is not None,
        ladder=ladder, min_base=min_base, min_count=min_count, said=said, raised=len(raised),
        did=did, todo=todo.to_dict("records"), method=method)
    return html, tables


def report_targets(out: str | Path) -> list[Path]:
    """The files the report writes into ``out``.

    Examples
    --------
    >>> [p.name for p in report_targets("reports")]
    ['you-said-we-did.html', 'you-said-we-did.xlsx']
    """
    return [Path(out) / "you-said-we-did.html", Path(out) / "you-said-we-did.xlsx"]


def write_report(inputs: ReportInputs, out: str | Path, min_base: int = MIN_BASE,
                 min_count: int = MIN_COUNT, *, keep_staff_names: bool = False,
                 protect: list[Path] = ()) -> list[Path]:
    """Write ``you-said-we-did.html`` and ``you-said-we-did.xlsx`` into ``out``, whole.

    ``keep_staff_names``: see :func:`build_html`. ``protect`` lists the inputs,
    which are never written over.
    """
    out = prepare_folder(out)
    targets = report_targets(out)
    refuse_overwriting(targets, protect)
    html, tables = build_html(inputs, min_base, min_count, keep_staff_names=keep_staff_names)
    leaks = report_leaks(tables, min_count)
    if len(leaks):  # the suppression should never let this happen: refuse, write nothing
        raise CoprodError("the report would let a reader work out a small number ("
                          + "; ".join(leaks["name"].astype(str)) + "); nothing was written. "
                          "Please report this as a bug, with --min-count raised meanwhile.")
    with atomic_files(targets, protect=protect) as (html_temp, xlsx_temp):
        html_temp.write_text(html, encoding="utf-8")
        with pd.ExcelWriter(xlsx_temp, engine="openpyxl") as writer:
            for name, table in tables.items():
                neutralise_formulas(table.astype(str)).to_excel(writer, sheet_name=name,
                                                                 index=False)
    return targets
