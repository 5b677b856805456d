"""Lay the report out: one self-contained HTML file, and its tables as XLSX.

The HTML holds everything it shows (charts as inline PNG images with their
text alternatives, its own stylesheet with print rules); it loads nothing
from anywhere, so it opens offline and leaks nothing. Every value is
HTML-escaped by Jinja2's autoescaping.
"""

from __future__ import annotations

import base64
import io
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from matplotlib.figure import Figure

from coprod_analysis.charts.report import DPI as REPORT_DPI
from coprod_analysis.charts.report import (
    chart_agreement,
    chart_counts,
    chart_ladder,
    chart_over_time,
)
from coprod_analysis.errors import CoprodError
from coprod_analysis.output import atomic_files, prepare_folder, refuse_overwriting
from coprod_analysis.publish import MIN_BASE, MIN_COUNT, show_count, shown_base
from coprod_analysis.report.audit import disclosure_method, glance_table, report_leaks
from coprod_analysis.report.content import (
    at_a_glance,
    ladder_tables,
    outcomes_table,
    shown_agreement,
    still_to_do,
    themes_table,
    we_did,
    you_said,
)
from coprod_analysis.report.quotes import Places, Scorer, model_scorer
from coprod_analysis.report.settings import ReportSettings
from coprod_analysis.report.story import (
    agreement_over_time,
    and_list,
    ends,
    glossary,
    summary,
    we_asked,
)
from coprod_analysis.report.workbook import write_workbook
from coprod_analysis.vocab import CHALLENGE_THEMES

logger = logging.getLogger(__name__)


@dataclass
class ReportInputs:
    """What the report is made from (clean tables, not raw exports), and who publishes it.

    ``scorers`` says, for the ``challenges`` and ``improvements`` quotes, which
    sentences surely speak of which theme
    (:func:`~coprod_analysis.report.quotes.model_scorer`); left ``None``, the
    bundled theme models are used.
    """

    evaluations: pd.DataFrame
    reviews: pd.DataFrame | None = None
    sessions: pd.DataFrame | None = None
    actions: pd.DataFrame | None = None
    improvement_codes: dict[str, str] = field(default_factory=dict)
    settings: ReportSettings = field(default_factory=ReportSettings)
    scorers: dict[str, Scorer | None] | None = None
    #: Every spelling of a group the aliases file gives (old names, misspellings):
    #: the reviews keep only each group's final name, and no quote may name either.
    group_names: tuple[str, ...] = ()


#: Widest a chart is drawn on the page, in CSS pixels (its picture has twice the pixels).
CHART_WIDTH = 480


def _png(figure: Figure, finding: str = "", caption: str = "") -> dict[str, str]:
    """A chart as an inline PNG, with its finding (title), alt text and caption."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=REPORT_DPI, metadata={"Software": None})
    width, height = (round(v * REPORT_DPI / 2) for v in figure.get_size_inches())
    return {"png": base64.b64encode(buffer.getvalue()).decode("ascii"),
            "alt": figure.alt_text, "finding": finding or figure.alt_text,
            "caption": caption, "width": str(width), "height": str(height)}


def _scorer(inputs: ReportInputs, name: str) -> Scorer | None:
    """The scorer for a codebook's quotes: given, or from the bundled model, or None."""
    if inputs.scorers is not None:
        return inputs.scorers.get(name)
    from coprod_analysis.themes import bundled_model

    try:
        model, codebook = bundled_model(name)
    except CoprodError as error:
        logger.info("no %s model for choosing quotes (%s)", name, error)
        return None
    return model_scorer(model, codebook.codes)


def report_places(inputs: ReportInputs) -> Places:
    """The patient groups and venues the report's inputs name, which no quote may name:
    the reviews' groups and every spelling the aliases file gives them (an old name
    in a quote names the group as well: found by a reader), and the venues of the
    evaluations and of the register."""
    groups = list(inputs.reviews["group"]) if inputs.reviews is not None and "group" in \
        inputs.reviews else []
    venues = [v for table in (inputs.evaluations, inputs.sessions)
              if table is not None and "venue" in table for v in table["venue"].unique()]
    return Places(pd.unique(pd.Series([*groups, *inputs.group_names], dtype=object)), venues)


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
    written (contact details are still removed); see :func:`we_did`. A
    ``min_base`` below ``min_count`` is raised to it (:func:`~coprod_analysis.publish.shown_base`).
    """
    min_base = shown_base(min_base, min_count)
    evaluations = inputs.evaluations
    reviews = inputs.reviews if inputs.reviews is not None and len(inputs.reviews) else None
    codes = {**CHALLENGE_THEMES, **inputs.improvement_codes}
    used: set[str] = set()  # no sentence is quoted twice, under one heading or two
    places = report_places(inputs)  # no quote names a group or a venue
    challenges = (you_said(reviews, "challenges_text", "challenges", CHALLENGE_THEMES,
                           min_base, min_count, quote_themes_column="challenges_text_themes",
                           respondent="group_id", scorer=_scorer(inputs, "challenges"),
                           used=used, places=places)
                  if reviews is not None else None)
    # The evaluations' tables are worked out in worker threads (pandas, numpy and pyarrow
    # let go of Python's lock for much of the work) while this thread draws the charts.
    with ThreadPoolExecutor(max_workers=2) as workers:
        made_over_time = workers.submit(agreement_over_time, evaluations, min_base, min_count)
        made_improvements = None
        if inputs.improvement_codes and "improvement_themes" in evaluations:
            made_improvements = workers.submit(
                you_said, evaluations, "improvements", "improvement_themes",
                inputs.improvement_codes, min_base, min_count,
                scorer=_scorer(inputs, "improvements"), used=used, places=places,
                unit="session_id" if "session_id" in evaluations else None)
        rates = shown_agreement(evaluations, min_base, min_count, every_outcome=True)
        outcomes = outcomes_table(evaluations, min_base, min_count, rates=rates)
        outcome_charts = []
        shown = rates[rates["shown"]].reset_index(drop=True)  # what shown_agreement returns
        if len(shown):  # the chart draws only what the table shows
            outcome_charts.append(_outcomes_chart(shown))
        over_time = made_over_time.result()
        time_charts = [_over_time_chart(over_time, min_base)] if over_time is not None else []
        said, tables = [], {"Outcomes": outcomes}
        if over_time is not None:
            tables["Outcomes over time"] = over_time.reset_index()
        if challenges is not None:
            published = themes_table(challenges, "groups", min_count)
            said.append({"heading": "What gets in the way (group reviews)", "unit": "groups",
                         "rows": challenges.to_dict("records"),
                         "table": published.to_dict("records"),
                         "chart": _themes_chart(challenges, "groups",
                                                "get in the way of groups", min_count)})
            tables["Challenges"] = published
        if made_improvements is not None:
            table = made_improvements.result()
            published = themes_table(table, "people", min_count)
            said.append({"heading": "How the sessions could improve (evaluation forms)",
                         "unit": "people", "rows": table.to_dict("records"),
                         "table": published.to_dict("records"),
                         "chart": _themes_chart(table, "people", "participants asked for",
                                                min_count)})
            tables["Improvements"] = published
    raised = pd.concat([pd.DataFrame(b["rows"]) for b in said if b["rows"]] or
                       [pd.DataFrame(columns=["code", "Theme", "Raised by"])],
                       ignore_index=True)
    actions = inputs.actions if inputs.actions is not None else pd.DataFrame(
        columns=["theme", "you_said", "we_did", "status", "date"])
    did = we_did(actions, codes, keep_staff_names=keep_staff_names, places=places)
    todo = (still_to_do(raised, actions, min_count) if len(raised)
            else raised[["Theme", "Raised by"]])
    tables["We did"] = did
    tables["Still to do"] = todo
    groups = reviews["group_id"].nunique() if reviews is not None else 0
    ladder = (ladder_tables(reviews, min_base, min_count) if reviews is not None
              else {"where": None, "moved": None})
    ladder_chart = None
    if ladder["where"] is not None:
        tables["Ladder"] = ladder["where"].rename_axis("Level").reset_index()
        ladder_chart = _ladder_chart(ladder["where"])
    if ladder["moved"] is not None:
        tables["Ladder movement"] = ladder["moved"].rename_axis("Level").reset_index()
    glance = at_a_glance(evaluations, inputs.sessions, min_base, min_count, reviews)
    tables["At a glance"] = glance_table(glance)
    order = ["At a glance", "Outcomes", "Outcomes over time", "Ladder", "Ladder movement",
             "Challenges", "Improvements", "We did", "Still to do"]  # the report's order
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
        "numbers, postcodes and street addresses removed; they are not attributed to "
        "anyone, and a theme is "
        f"quoted only when at least {min_count} people (or groups) wrote of it, and never "
        f"from a session of fewer than {min_base} people.",
        redaction_note(inputs.actions is not None, keep_staff_names),
        "Agreement is the share answering Agree or Strongly agree; the 95% interval is the "
        "range the true share probably lies in.",
        *disclosure_method(min_count, glance.get("sessions_without_forms", "")),
    ]
    method += [QUOTE_METHOD, PLACES_METHOD]
    themes_raised = raised["code"].nunique() if len(raised) else 0
    # Themes (not people) with no action yet: from the log itself, whatever way "Still to
    # do" lays them out (the small ones share a line).
    acted = {c for value in actions["theme"].fillna("") for c in str(value).split(";") if c}
    open_codes = set(raised["code"]) - acted if len(raised) else set()
    environment = Environment(loader=PackageLoader("coprod_analysis.report", "templates"),
                              autoescape=select_autoescape(["html", "j2"]))
    context = dict(
        settings=inputs.settings, title=inputs.settings.title,
        programme=inputs.settings.programme, glance=glance,
        summary=summary(glance, shown, said, themes_raised, themes_raised - len(open_codes),
                        actions),
        asked=we_asked(glance, evaluations, reviews, min_count),
        outcomes=outcomes, outcome_charts=outcome_charts, over_time=over_time,
        time_charts=time_charts, reviewed=reviews is not None, ladder=ladder,
        ladder_chart=ladder_chart, min_base=min_base, min_count=min_count, said=said,
        raised=len(raised), did=did, todo=todo.to_dict("records"), method=method,
        glossary=[])
    template = environment.get_template("you-said-we-did.html.j2")
    html = template.render(**context)
    # The glossary explains the terms the page uses: found in its text, then added.
    text = re.sub(r"<[^>]+>", " ", re.sub(r'src="data:[^"]*"', "", html))
    context["glossary"] = glossary(text.split("</style>")[-1])
    html = template.render(**context)
    return html, tables


#: How quotes are chosen, for the method section.
QUOTE_METHOD = ("A quote is a sentence or two that the theme model is confident speaks of "
                "the theme it is shown under; no sentence is quoted twice.")
#: That quotes name no group or venue, for the method section.
PLACES_METHOD = ("Quotes never name a group or a venue: the names of the patient groups and "
                 "venues these forms come from, and any name that reads like one (a name "
                 "before PPG, Surgery, Library, Centre and the like), are shown as [group] "
                 "or [venue].")


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
    targets = report_targets(out)
    refuse_overwriting(targets, protect)
    min_base = shown_base(min_base, min_count)
    html, tables = build_html(inputs, min_base, min_count, keep_staff_names=keep_staff_names)
    leaks = report_leaks(tables, min_count, min_base)
    if len(leaks):  # the suppression should never let this happen: refuse, write nothing
        raise CoprodError("the report would let a reader work out a small number ("
                          + "; ".join(leaks["name"].astype(str)) + "); nothing was written. "
                          "Please report this as a bug, with --min-count raised meanwhile.")
    prepare_folder(out)  # only once there is a report to write: a failed run leaves no folder
    with atomic_files(targets, protect=protect) as (html_temp, xlsx_temp):
        html_temp.write_text(html, encoding="utf-8")
        write_workbook(xlsx_temp, tables,
                       workbook_readme(inputs.settings, tables, min_base, min_count))
    return targets


#: What each sheet of the workbook holds, for its README sheet.
SHEETS = {
    "Outcomes": "The share of participants agreeing with each session outcome, its 95% "
                "interval and how many answered.",
    "Outcomes over time": "The share agreeing with each outcome by quarter (small quarters "
                          "combined with the next).",
    "Ladder": "Patient groups on each rung of the ladder of co-production at their latest "
              "review.",
    "Ladder movement": "Groups reviewed twice or more: moved up, stayed or moved down.",
    "Challenges": "Challenge themes ticked by patient groups (each group counted once), "
                  "by count; those ticked by too few to show share the last row, "
                  "alphabetically; themes no group ticked are not listed.",
    "Improvements": "What participants asked to improve, coded into themes, by count; those "
                    "raised by too few to show share the last row, alphabetically; themes "
                    "nobody raised are not listed.",
    "We did": "The actions taken or planned, theme by theme.",
    "Still to do": "Themes raised that no action answers yet.",
}


def workbook_readme(settings: ReportSettings, tables: dict[str, pd.DataFrame],
                    min_base: int, min_count: int) -> list[tuple[str, str]]:
    """The README sheet: what the workbook is, each sheet, and the rules its numbers follow."""
    lines = [("Report", f"{settings.title}: {settings.programme}"
              + (f", {settings.organisation}" if settings.organisation else "")),
             ("Published", settings.published_text)]
    if settings.contact:
        lines.append(("Contact", settings.contact))
    lines.append(("Sheets", "One sheet a table of the report, in the report's order:"))
    lines += [(name, SHEETS.get(name, "")) for name in tables]
    lines += [
        ("Rules", small_number_rules(min_base, min_count)),
        ("", f"<{min_count}: a count from 1 to {min_count - 1}. *: a count hidden so that a "
             "small one cannot be worked out from a total. not shown: a result on too few "
             "people, or one that would give a small count away."),
        ("", "Counts are stored as numbers and shares as numbers formatted as percentages; "
             "the marks above are text, only where they stand. Publish these tables as they "
             "are: never fill in or work out a hidden count."),
        ("", "Quotes are in the report only, not in this workbook."),
    ]
    return lines


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _outcomes_chart(shown: pd.DataFrame) -> dict[str, str]:
    top, high, bottom, low = ends(shown)
    finding = (f"Most agreed they could {and_list([_lower_first(t) for t in top])} ({high}"
               + (" each)" if len(top) > 1 else ")")
               + (f"; fewest, {and_list([_lower_first(b) for b in bottom])} ({low})"
                  if high != low else ""))
    low, high = int(shown["n"].min()), int(shown["n"].max())
    answered = f"{low}" if low == high else f"{low} to {high}"
    caption = (f"Each dot is the share who agreed or strongly agreed; the bar around it is "
               f"its 95% interval. {answered} people answered each outcome. Every figure is "
               "in the table below.")
    return _png(chart_agreement(shown), finding, caption)


def _over_time_chart(table: pd.DataFrame, min_base: int) -> dict[str, str]:
    outcomes = [c for c in table.columns if c != "Forms"]
    figure = chart_over_time(table[outcomes])
    first, last = table.index[0], table.index[-1]

    def value(period: str, outcome: str) -> int | None:
        text = str(table.loc[period, outcome])
        return int(text[:-1]) if text.endswith("%") else None

    changes = {o: (value(first, o), value(last, o)) for o in outcomes
               if value(first, o) is not None and value(last, o) is not None}
    rose = [o for o, (a, b) in changes.items() if b > a]
    fell = [o for o, (a, b) in changes.items() if b < a]
    if changes:
        biggest = max(changes, key=lambda o: abs(changes[o][1] - changes[o][0]))
        a, b = changes[biggest]
        finding = (f"From {first} to {last}, agreement rose for {len(rose)} of the "
                   f"{len(changes)} outcomes shown in both and fell for "
                   f"{len(fell) or 'none'}")
        figure.alt_text = (f"{finding}; the biggest change was for "
                           f"{_lower_first(biggest)}, from {a}% to {b}%.")
    else:
        finding = f"Agreement in {len(table)} periods from {first} to {last}"
        figure.alt_text = f"{finding}: too few people in the first or last period to compare."
    caption = (f"One panel an outcome; each point is a period. Quarters with fewer than "
               f"{min_base} forms are combined with the next. A gap is a share not shown. "
               "The table below gives every figure.")
    return _png(figure, finding, caption)


def _themes_chart(table: pd.DataFrame, unit: str, what: str,
                  min_count: int) -> dict[str, str] | None:
    counts = table["Raised by"].astype(str)
    counted = table[counts.str.fullmatch(r"\d+") & (counts != "0")]
    if counted.empty:
        return None
    figure = chart_counts(table["Theme"].tolist(), counts.tolist(), unit)
    top = counted.iloc[0]
    finding = f"{top['Theme']} was raised most often: by {top['Raised by']} {unit}"
    hidden = len(table) - len(counted)
    caption = (f"Themes that {what}, by how many {unit} raised each."
               + (f" {hidden} more {'theme was' if hidden == 1 else 'themes were'} raised by "
                  f"fewer than {min_count} {unit} each and {'is' if hidden == 1 else 'are'} "
                  "not drawn (they share the table's last line)." if hidden else ""))
    return _png(figure, finding, caption)


def _ladder_chart(where: pd.DataFrame) -> dict[str, str]:
    figure = chart_ladder(where, where.columns[-1])
    caption = ("One bar a level of co-production, in groups. A hatched part is groups whose "
               "rung is hidden because the numbers are small: they may be on any rung. The "
               "table below gives every figure.")
    return _png(figure, figure.alt_text.split(";")[0], caption)
