"""Audit one whole report: what a reader could work out by combining everything in it.

Each table is protected on its own by
:func:`~coprod_analysis.publish.suppress_table`; a reader holds the whole
report, though: the forms returned beside the response rate and the
participants, each outcome's share beside the number who answered it, the
ladder's totals beside the groups reviewed, a theme in "You said" and again
in "Still to do". :func:`report_problem` writes all of that down as one set
of equations and bounds (:class:`~coprod_analysis.publish.audit.Problem`),
and :func:`report_leaks` lists every small count it pins.
"""

from __future__ import annotations

import logging

import pandas as pd

from coprod_analysis.publish import MIN_BASE, MIN_COUNT, NOT_SHOWN
from coprod_analysis.publish.audit import Problem, table_problem

log = logging.getLogger(__name__)

#: The at-a-glance figures, as the workbook names them.
GLANCE_LABELS = {"period": "Period", "sessions": "Sessions", "participants": "Participants",
                 "responses": "Evaluation forms returned", "response_rate": "Response rate",
                 "groups": "Patient groups reviewed",
                 "reviews": "Patient groups reviewed more than once"}


def glance_table(glance: dict[str, str]) -> pd.DataFrame:
    """The at-a-glance figures as a table (for the workbook), exactly as the page shows them.

    Examples
    --------
    >>> glance_table({"period": "May 2019 to May 2019", "responses": "<5"}).values.tolist()
    [['Period', 'May 2019 to May 2019'], ['Evaluation forms returned', '<5']]
    """
    rows = [[label, glance[key]] for key, label in GLANCE_LABELS.items() if key in glance]
    return pd.DataFrame(rows, columns=["Figure", "Value"])


def disclosure_method(min_count: int, without_forms: str = "") -> list[str]:
    """The method section's sentences on small numbers: what is done, and what is not.

    Examples
    --------
    >>> lines = disclosure_method(5, "2019-03-01 Leeds")
    >>> lines[-1].endswith("as none returned: 2019-03-01 Leeds.")
    True
    """
    small = f"fewer than {min_count}"
    lines = [
        "Where a table shows totals, more cells are hidden (*), chosen by where the small "
        "counts are and never by how big the hidden counts are, and a total only where "
        "nothing else works, until no hidden count can be worked out exactly from the "
        "rows, columns and totals of the table together, even by a reader who knows "
        "exactly how hidden cells are chosen. Before the report is written a computer "
        "check (integer linear programming) tries every combination a reader could write "
        "down from the whole report, the same figure in two places, totals, rates and "
        "shares included, and periods that add up to the whole, and the report is not "
        "written if any hidden count could be worked out. Where an outcome's share is "
        "hidden in any period over time, it is hidden in every period, as the shares of "
        "all forms less the other periods would give it away. A ladder level whose "
        "breakdown cannot be protected beside its number of groups shows that number only, "
        "and no movement (nor the other way round); a level whose movement between "
        "reviews, beside where its groups are now, would give a count away shows no "
        "movement.",
        f"Themes raised by {small} each are named together on one last line, in "
        "alphabetical order, under \"You said\" and \"Still to do\", so that their order "
        "says nothing of their size; themes raised by nobody are not listed. "
        "Percentages are rounded half up (12.5% is 13%).",
        f"The response rate is not shown where, beside the forms returned and the "
        f"participants, it would give away a number {small}, such as the forms from "
        "sessions the register does not list; nor are the sessions with no form then "
        "named.",
        "What this cannot guard against: what a reader knows from elsewhere (having been at "
        "a session, or knowing what one group ticked), and other publications of the same "
        "figures.",
    ]
    if without_forms:
        lines.append("Sessions in the register with no evaluation form count in the "
                     f"response rate as none returned: {without_forms}.")
    return lines


def _count(problem: Problem, name: str, text: str, min_count: int) -> bool:
    """Add a published count; False when it is not a count (text, "not shown")."""
    text = str(text).strip()
    if text.isdigit():
        problem.shown(name, int(text))
    elif text in (f"<{min_count}", f"<{min_count} each"):
        problem.small(name, min_count)
    elif text in ("*", NOT_SHOWN):
        problem.hidden(name)
    else:
        return False
    return True


def _share(problem: Problem, name: str, text: str, base: str, kind: str = "derived") -> None:
    """``p`` % of ``base``, rounded half up: ``(2p - 1) base <= 200 x < (2p + 1) base``
    (and ``x <= base`` for a share of 100% or less: a response rate can be more, where
    the register counts fewer people than returned forms)."""
    text = str(text).strip()
    if not text.endswith("%") or not text[:-1].isdigit():
        return
    share = int(text[:-1])
    problem.variable(name, 0, None, kind)
    if share <= 100:
        problem.at_most({name: 1, base: -1})
    problem.at_most({name: -200, base: 2 * share - 1})
    problem.at_most({name: 200, base: -(2 * share + 1)}, -1)


def small_line_themes(theme: str, raised: str, min_count: int = MIN_COUNT) -> list[str]:
    """The themes a row of a themes table speaks of: one, or each on the small ones' line.

    The line "Also raised by fewer than 5 groups each: A, B" (``<5 each``)
    is one ``<5`` count a theme, as a reader takes it (short labels hold no
    ", ").

    Examples
    --------
    >>> small_line_themes("Also raised by fewer than 5 groups each: Pace, Time", "<5 each")
    ['Pace', 'Time']
    >>> small_line_themes("Time", "12"), small_line_themes("Pace, Time", "<5 each")
    (['Time'], ['Pace', 'Time'])
    """
    if str(raised).strip() != f"<{min_count} each":
        return [str(theme)]
    names = str(theme).split(": ", 1)[-1] if str(theme).startswith("Also raised by") \
        else str(theme)
    return names.split(", ")


def report_problem(tables: dict[str, pd.DataFrame], min_count: int = MIN_COUNT,
                   min_base: int = MIN_BASE) -> Problem:
    """Everything one report lets a reader write down, as one problem.

    Parameters
    ----------
    tables:
        The report's tables by name, as :func:`~coprod_analysis.report.render.build_html`
        returns them and the workbook holds them (the page shows the same values),
        the at-a-glance figures included.
    """
    problem = Problem()
    labels = {label: key for key, label in GLANCE_LABELS.items()}
    glance = {labels[row.Figure]: str(row.Value)
              for row in tables.get("At a glance", glance_table({})).itertuples()
              if row.Figure in labels}
    forms = "forms" if _count(problem, "forms", glance.get("responses", ""), min_count) else None
    groups = "groups" if _count(problem, "groups", glance.get("groups", ""), min_count) else None
    if _count(problem, "participants", glance.get("participants", ""), min_count) and forms:
        # Responses to the sessions the rate counts, and the forms it leaves out.
        problem.variable("rated", 0, None, "derived")
        problem.variable("left out", 0, None, "derived")
        problem.equal({"rated": 1, "left out": 1, "forms": -1})
        _share(problem, "rated", glance.get("response_rate", ""), "participants")
    for name, table in tables.items():
        if name in ("Ladder", "Ladder movement"):
            frame = table.set_index("Level")
            total = "Groups" if name == "Ladder" else "Groups compared"
            table_problem(frame, min_count=min_count, total=total, problem=problem,
                          prefix=f"{name}: ")
            for level in frame.index:
                if groups:
                    problem.at_most({f"{name}: ({level}, {total})": 1, groups: -1})
        elif name == "Outcomes":
            for row in table.itertuples(index=False):
                answered = f"answered: {row[0]}"
                if _count(problem, answered, row[3], min_count):
                    if forms:
                        problem.at_most({answered: 1, forms: -1})
                    _share(problem, f"agreed: {row[0]}", row[1], answered)
        elif name in ("Challenges", "Improvements"):
            base = groups if name == "Challenges" else forms
            for row in table.itertuples(index=False):
                for label in small_line_themes(row.Theme, row[1], min_count):
                    theme = f"{name}: {label}"
                    if _count(problem, theme, row[1], min_count) and base:
                        problem.at_most({theme: 1, base: -1})
    if groups:
        _ladder_links(problem, tables, groups, glance.get("reviews", ""), min_base)
    over_time = tables.get("Outcomes over time")
    if over_time is not None:
        _over_time_problem(problem, over_time, forms, min_count)
    todo = tables.get("Still to do")
    if todo is not None:
        known = {str(n).split(": ", 1)[1]: n for n in problem.low
                 if str(n).startswith(("Challenges: ", "Improvements: "))}
        for row in todo.itertuples(index=False):
            # The same theme, the same value: one variable, whichever line names it.
            for theme in small_line_themes(row.Theme, row[1], min_count):
                _count(problem, known.get(theme, f"Still to do: {theme}"), row[1], min_count)
    return problem


#: The groups of a level compared from first review to latest, by the rung they are
#: on at the latest and how they moved: a group that moved up is now intermediate or
#: transformative, one that moved down descriptive or intermediate.
_MOVES_TO = {"Descriptive": ("Stayed", "Moved down"),
             "Intermediate": ("Moved up", "Stayed", "Moved down"),
             "Transformative": ("Moved up", "Stayed")}
#: The groups reviewed more than once, and only once (counts of groups: watched).
AGAIN, ONCE = "groups reviewed more than once", "groups reviewed only once"


def _ladder_links(problem: Problem, tables: dict[str, pd.DataFrame], groups: str,
                  reviews: str, min_base: int = MIN_BASE) -> None:
    """What the ladder, its movement and "some more than once" tell together.

    The movement table's groups are among the ladder's, on a rung at their latest
    review (``_MOVES_TO``), and each was reviewed more than once; the table is
    shown only when ``min_base`` groups or more were reviewed again, and the page
    says so when it is not; "some more than once" says at least one was. Found
    by readers' linear-programming attacks: "Moved up 10" beside a ladder row
    ``* | 6 | <5 | 0 | 15`` says the ``<5`` is 4 (10 moved up to intermediate
    or transformative); "15 groups, 29 reviews" beside 14 groups compared said
    exactly 1 group was reviewed once (the reviews are no longer counted).
    """
    moved = tables.get("Ladder movement")
    if not reviews and moved is None:
        return
    problem.variable(AGAIN, min_base if moved is not None else 1,
                     None if moved is not None else max(min_base - 1, 1), "derived")
    problem.variable(ONCE, 0, None, "derived")
    problem.equal({AGAIN: 1, ONCE: 1, groups: -1})
    if moved is None:
        return
    where = tables.get("Ladder")
    levels = set(where["Level"]) if where is not None else set()
    for level in moved["Level"]:
        compared = f"Ladder movement: ({level}, Groups compared)"
        problem.at_most({compared: 1, AGAIN: -1})
        if level not in levels:
            continue
        # Each group reviewed again is compared (on a rung at both reviews), on a rung
        # now but not at its first review (a count of what groups answered then, which
        # the report never publishes: watched), or on no rung now (not involved, or
        # the level left blank, at the latest review: among the ladder's "not
        # involved" and the groups that did not answer the level). "12 groups compared
        # on every other level, 10 on co-design beside 0 not involved of 12" said 2
        # groups were not involved at their first review (a reader's attack, session 16).
        first_off = f"Ladder movement: ({level}, not on a rung at the first review)"
        now_off = f"Ladder movement: ({level}, reviewed again, on no rung now)"
        problem.variable(first_off, 0, None, "derived")
        problem.variable(now_off, 0, None, "bound")
        problem.equal({compared: 1, first_off: 1, now_off: 1, AGAIN: -1})
        not_involved = f"Ladder: ({level}, Not involved)"
        answered = f"Ladder: ({level}, Groups)"
        # on no rung now: at most the level's not involved and blanks, and at least
        # those less the groups reviewed only once
        problem.at_most({now_off: 1, not_involved: -1, groups: -1, answered: 1})
        problem.at_most({not_involved: 1, groups: 1, answered: -1, now_off: -1, ONCE: -1})
        by_move: dict[str, dict[str, int]] = {}
        for rung, moves in _MOVES_TO.items():
            parts = {}
            for move in moves:
                part = f"Ladder movement: ({level}, {move}, now {rung})"
                problem.variable(part, 0, None, "bound")
                parts[part] = 1
                by_move.setdefault(move, {})[part] = 1
            problem.at_most({**parts, f"Ladder: ({level}, {rung})": -1})
        for move, parts in by_move.items():
            problem.equal({**parts, f"Ladder movement: ({level}, {move})": -1})


def _over_time_problem(problem: Problem, table: pd.DataFrame, forms: str | None,
                       min_count: int) -> None:
    """What "Outcomes over time" lets a reader write down beside the rest.

    Each period's forms are shown; an outcome's share in a period is a share of
    those who answered it then, at most the period's forms. The periods' forms
    and the forms without a date add up to the forms returned; each outcome's
    answers and agreements in the periods and in forms without a date add up to
    the outcome's own in "Outcomes". A share not shown leaves how many agreed
    and how many did not as values that must not be worked out as 1 to
    ``min_count - 1``. How many forms or answers a period has says nothing of
    anyone's answer, and forms without a date are no group a reader can name:
    such values only bound the others (``bound``, never watched), and where
    they are known numbers they are written as such, so that each outcome is a
    small program of its own.
    """
    periods = [str(p) for p in table.iloc[:, 0]]
    outcomes = [c for c in table.columns[1:] if c != "Forms"]
    period_forms = []
    for period, text in zip(periods, table["Forms"], strict=True):
        name = f"Outcomes over time: forms: {period}"
        if not _count(problem, name, text, min_count):
            problem.hidden(name)
        period_forms.append(name)
    undated = "Outcomes over time: forms without a date"

    def known(name: str | None) -> int | None:
        return problem.low[name] if name in problem.low and \
            problem.low[name] == problem.high[name] else None

    counts = [known(f) for f in period_forms]
    if known(forms) is not None and None not in counts:
        problem.shown(undated, known(forms) - sum(counts))
    else:
        problem.variable(undated, 0, None, "bound")
        if forms:
            problem.equal({**dict.fromkeys(period_forms, 1), undated: 1, forms: -1})
    parts = list(zip(periods, period_forms, strict=True))
    if known(undated) != 0:
        parts.append(("without a date", undated))
    for outcome in outcomes:
        if NOT_SHOWN not in {str(t).strip() for t in table[outcome]}:
            # Every period's share shown: each count 0 or at least min_count (and so their
            # sum, with the undated forms', which are watched nowhere): nothing to pin.
            continue
        answered, agreed = f"answered: {outcome}", f"agreed: {outcome}"
        for name in (answered, agreed):
            if name not in problem.low:  # a share not shown: known to lie in 0 to forms
                problem.variable(name, 0, None, "bound")
        problem.at_most({agreed: 1, answered: -1})
        shares = dict(zip(periods, table[outcome], strict=True))
        all_answered, all_agreed = {answered: -1}, {agreed: -1}
        for period, form_count in parts:
            stem = f"Outcomes over time: {outcome}: {period}"
            text = str(shares.get(period, "")).strip()
            # Watched where a period's share is not shown: given away when worked out
            # as 1 to min_count - 1 ("derived"; a share of 100% overall tells every
            # period's, and no small number). A shown share's counts are 0 or at least
            # min_count; forms without a date are no group a reader can name (the
            # rule protects them where it can all the same).
            kind = "derived" if text == NOT_SHOWN and form_count != undated else "bound"
            said, yes, rest = f"{stem}: answered", f"{stem}: agreed", f"{stem}: not agreed"
            if known(form_count) is not None:
                problem.variable(said, 0, known(form_count), "bound")
            else:
                problem.variable(said, 0, None, "bound")
                problem.at_most({said: 1, form_count: -1})
            problem.variable(yes, 0, None, kind)
            problem.variable(rest, 0, None, kind)
            problem.equal({yes: 1, rest: 1, said: -1})
            if text != NOT_SHOWN:
                _share(problem, yes, text, said, "bound")
            all_answered[said], all_agreed[yes] = 1, 1
        problem.equal(all_answered)
        problem.equal(all_agreed)


def report_leaks(tables: dict[str, pd.DataFrame], min_count: int = MIN_COUNT,
                 min_base: int = MIN_BASE) -> pd.DataFrame:
    """The values one report gives away: hidden counts worked out exactly, and small
    counts (1 to ``min_count - 1``) worked out from rates and shares.

    Returns
    -------
    DataFrame
        The auditor's rows (``name``, ``kind``, ``low``, ``high``, ...) for each value
        given away; empty when the report is safe.

    Raises
    ------
    ValueError
        When the report says two different things about one count.
    """
    problem = report_problem(tables, min_count, min_base)
    rows = []
    for name, value in problem.pinned_values().items():
        low, high, kind = problem.low[name], problem.high[name], problem.kind[name]
        # A value its own sign pins ("<2" is 1) gives nothing away that the page does
        # not say; nor does a derived value of min_count or more. A "*" worked out to
        # be exactly 5 does (it was counted as its sign's before: a ladder line
        # 0 | <5 | <5 | * | 12 beside 7 groups compared, session 14).
        narrowed = low < high
        if narrowed and value >= 1 and (kind != "derived" or value < min_count):
            rows.append({"name": name, "kind": kind, "low": value, "high": value,
                         "pinned": True, "narrowed": True})
    return pd.DataFrame(rows, columns=["name", "kind", "low", "high", "pinned", "narrowed"])
