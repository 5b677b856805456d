"""The words around the numbers: the summary, "We asked", outcomes over time, the glossary.

Every number written here is one the rest of the report publishes (a value
already through :mod:`coprod_analysis.publish`), or a count of themes or
actions, which are not people. A sentence whose number is hidden (``<5``,
"not shown") is left out or said without the number.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from coprod_analysis.analyse.outcomes import OUTCOME_LABELS, agreement_counts
from coprod_analysis.publish import MIN_BASE, MIN_COUNT, NOT_SHOWN, show_count, show_share
from coprod_analysis.vocab import OUTCOME_NAMES

#: Terms the glossary explains, when the page uses them (pattern, term, meaning).
GLOSSARY = (
    (r"\bPPGs?\b", "PPG", "Patient Participation Group: patients who work with their GP "
     "practice on how it is run."),
    (r"\bPAGs?\b", "PAG", "Patient Assurance Group: patients who check that a service "
     "listens to and acts on what patients say."),
    (r"\bCCGs?\b", "CCG", "Clinical Commissioning Group: the NHS body that planned and "
     "paid for local health services (since July 2022, integrated care boards)."),
    (r"\bNHS\b", "NHS", "National Health Service."),
    (r"95% interval", "95% interval", "The range the true share most likely lies in, had "
     "everyone been asked: the fewer people answered, the wider it is."),
    (r"\bco-production\b", "Co-production", "Patients, carers and staff designing, deciding, "
     "delivering and evaluating services together, as equal partners."),
    (r"\bladder\b", "Ladder of co-production", "How far a group shares power with staff: "
     "descriptive (patients are told or asked), intermediate (patients help shape "
     "things) and transformative (patients and staff decide together as equals)."),
)


def short_label(label: str) -> str:
    """A theme's label cut to its first phrase, for headings and charts.

    Examples
    --------
    >>> short_label("Venue and access: location, parking, transport, hearing loop")
    'Venue and access'
    >>> short_label("Mixing patients and staff; more staff present, more voices")
    'Mixing patients and staff'
    >>> short_label("More time / longer session"), short_label("Communication (or lack of)")
    ('More time', 'Communication (or lack of)')
    >>> short_label("More discussion, group work, questions, less lecturing")
    'More discussion'
    """
    return re.split(r"\s*[:;,]\s+|\s+/\s+", str(label), maxsplit=1)[0].strip()


def label_detail(label: str) -> str:
    """What a theme's label says after its short form ("" when nothing more).

    Examples
    --------
    >>> label_detail("Venue and access: location, parking, transport")
    'location, parking, transport'
    >>> label_detail("Time"), label_detail("More time / longer session")
    ('', 'longer session')
    """
    short = short_label(label)
    return re.sub(r"^\s*(?:[:;,]|/)\s*", "", str(label)[len(short):]).strip()


def sentence_case(text: str) -> str:
    """``in progress`` -> ``In progress``: the first letter up, the rest as written.

    Examples
    --------
    >>> sentence_case("in progress"), sentence_case(""), sentence_case("done")
    ('In progress', '', 'Done')
    """
    text = str(text).strip()
    return text[:1].upper() + text[1:]


def glossary(text: str) -> list[dict[str, str]]:
    """The glossary entries for the terms a page's text uses.

    Examples
    --------
    >>> [g["term"] for g in glossary("PPGs and the CCG; a 95% interval")]
    ['PPG', 'CCG', '95% interval']
    """
    return [{"term": term, "meaning": meaning} for pattern, term, meaning in GLOSSARY
            if re.search(pattern, text)]


def in_words(text: str) -> str:
    """A published count for a sentence: ``<5`` reads "fewer than 5".

    Examples
    --------
    >>> in_words("<5"), in_words("12")
    ('fewer than 5', '12')
    """
    text = str(text)
    return f"fewer than {text[1:]}" if text.startswith("<") else text


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"\d+", str(text)))


def _clause(label: str) -> str:
    """An outcome's label as what people said they could do ("could outline the steps")."""
    first, _, rest = label.partition(" ")
    verb = {"Feel": "felt"}.get(first)
    return f"{verb} {rest}" if verb else f"could {first.lower()} {rest}"


def and_list(items: list[str]) -> str:
    """``['a', 'b', 'c']`` -> ``'a, b and c'``.

    Examples
    --------
    >>> and_list(["a"]), and_list(["a", "b"]), and_list(["a", "b", "c"])
    ('a', 'a and b', 'a, b and c')
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def ends(rates: pd.DataFrame) -> tuple[list[str], str, list[str], str]:
    """The outcomes with the highest and the lowest share *as published* (ties together).

    Examples
    --------
    >>> rates = pd.DataFrame({"label": ["A", "B", "C"], "rate": [0.871, 0.869, 0.4],
    ...                       "published": ["87%", "87%", "40%"]})
    >>> ends(rates)
    (['A', 'B'], '87%', ['C'], '40%')
    """
    ordered = rates.sort_values(["rate", "label"], ascending=[False, True])
    top, bottom = ordered["published"].iloc[0], ordered["published"].iloc[-1]
    return (ordered.loc[ordered["published"] == top, "label"].tolist(), top,
            ordered.loc[ordered["published"] == bottom, "label"].tolist(), bottom)


def summary(glance: dict[str, str], rates: pd.DataFrame, said: list[dict],
            themes_raised: int, themes_answered: int, actions: pd.DataFrame) -> list[str]:
    """Three to five plain-English sentences from the data, for the top of the page.

    Parameters
    ----------
    glance:
        :func:`~coprod_analysis.report.content.at_a_glance` (published text).
    rates:
        :func:`~coprod_analysis.report.content.shown_agreement` rows (shown only).
    said:
        The "You said" blocks: ``unit`` and ``rows`` (``Theme``, ``Raised by``).
    themes_raised, themes_answered:
        How many themes were raised, and how many of them an action answers.
    actions:
        The actions log (``status``).

    Examples
    --------
    >>> glance = {"period": "March 2018 to November 2019", "sessions": "13",
    ...           "participants": "211", "responses": "188"}
    >>> rates = pd.DataFrame({"label": ["Understand the patient champion's role",
    ...                                 "Critique initiatives"], "rate": [0.87, 0.38],
    ...                       "published": ["87%", "38%"]})
    >>> said = [{"unit": "groups", "rows": [{"Theme": "Time", "Raised by": "12"},
    ...                                     {"Theme": "Funding", "Raised by": "<5"}]}]
    >>> lines = summary(glance, rates, said, 12, 9, pd.DataFrame({"status": ["done"]}))
    >>> print(" ".join(lines))  # doctest: +NORMALIZE_WHITESPACE
    Between March 2018 and November 2019, 211 people took part in 13 training sessions,
    and 188 evaluation forms were returned.
    Most often, people said they could understand the patient champion's role by the end of
    a session (87% agreed); fewest felt they could critique initiatives (38%).
    Patient groups most often said time gets in the way (12 groups).
    We have acted on 9 of the 12 themes raised; 3 are still to do.
    """
    lines = []
    period = glance.get("period", "")
    opening = f"Between {period.replace(' to ', ' and ')}, " if " to " in period else ""
    sessions = in_words(glance.get("sessions", "0"))
    noun = "session" if sessions == "1" else "sessions"
    if glance.get("participants") and _numeric(glance["participants"]):
        lines.append(f"{opening}{glance['participants']} people took part in {sessions} "
                     f"training {noun}, and {in_words(glance['responses'])} evaluation forms "
                     "were returned.")
    else:
        lines.append(f"{opening}{in_words(glance['responses'])} evaluation forms were "
                     f"returned from {sessions} training {noun}.")
    if len(rates) >= 2:
        top, high, bottom, low = ends(rates)
        if high != low:
            each = " each" if len(top) > 1 else ""
            lines.append(f"Most often, people said they {and_list([_clause(t) for t in top])} "
                         f"by the end of a session ({high} agreed{each}); fewest felt they "
                         + and_list([_clause(b).replace("felt ", "") for b in bottom])
                         + f" ({low}{' each' if len(bottom) > 1 else ''}).")
    elif len(rates) == 1:
        only = rates.iloc[0]
        lines.append(f"{only['published']} said they {_clause(only['label'])} by the end of "
                     "a session.")
    for block in said:
        counted = [r for r in block["rows"] if _numeric(r["Raised by"])
                   and int(r["Raised by"]) > 0]
        if not counted:
            continue
        top = max(counted, key=lambda r: int(r["Raised by"]))
        theme = top["Theme"][0].lower() + top["Theme"][1:]
        if block["unit"] == "groups":
            lines.append(f"Patient groups most often said {theme} gets in the way "
                         f"({top['Raised by']} groups).")
        else:
            lines.append(f"Participants most often asked for changes to: {theme} "
                         f"({top['Raised by']} people).")
    if themes_raised:
        left = themes_raised - themes_answered
        lines.append(f"We have acted on {themes_answered} of the {themes_raised} themes "
                     f"raised; {left} {'is' if left == 1 else 'are'} still to do."
                     if left else f"We have acted on all {themes_raised} themes raised.")
    elif len(actions):
        done = int(actions["status"].astype(str).str.lower().eq("done").sum())
        lines.append(f"{done} of {len(actions)} actions are done.")
    return lines[:5]


def we_asked(glance: dict[str, str], evaluations: pd.DataFrame,
             reviews: pd.DataFrame | None, min_count: int = MIN_COUNT) -> list[dict[str, str]]:
    """What was asked, of whom, when, and how many answered: one entry a form.

    Examples
    --------
    >>> e = pd.DataFrame({"session_date": pd.to_datetime(["2019-03-01", "2019-05-01"])})
    >>> [a["form"] for a in we_asked({"period": "March 2019 to May 2019", "sessions": "2",
    ...                               "responses": "<5"}, e, None)]
    ['Evaluation form']
    """
    rate = glance.get("response_rate")
    answered = (f"{in_words(glance['responses'])} forms returned"
                + (f" by the {in_words(glance['participants'])} people who took part"
                   if glance.get("participants") else "")
                + (f" (a response rate of {rate})" if rate and rate != NOT_SHOWN else "")
                + ".")
    out = [{
        "form": "Evaluation form",
        "who": "Everyone who took part in a co-production training session: patients, "
               "carers, CCG volunteers, members of the public and staff.",
        "what": "How far they could do each of eight things the session set out to teach "
                "(from agree to disagree), an overall rating, one thing they would take "
                "away, a pledge, and how the session could improve.",
        "when": f"At the end of each of the {in_words(glance.get('sessions', ''))} sessions, "
                f"{glance.get('period', '')}.",
        "answered": answered,
    }]
    if reviews is not None and len(reviews):
        dates = pd.to_datetime(reviews.get("review_date"), errors="coerce").dropna() \
            if "review_date" in reviews else pd.Series(dtype="datetime64[ns]")
        when = (f"{dates.min():%B %Y} to {dates.max():%B %Y}" if len(dates) else
                "before and after training")
        groups = show_count(reviews["group_id"].nunique(), min_count)
        again = glance.get("reviews", "")  # "some more than once" (reviews_in_all)
        out.append({
            "form": "Group review form",
            "who": "Patient groups: Patient Participation Groups (PPGs), Patient Assurance "
                   "Groups (PAGs) and CCG volunteer steering groups.",
            "what": "Where the group sits on the ladder of co-production, what gets in the "
                    "way (sixteen challenges to tick, and in their own words), and six "
                    "signs of good co-production.",
            "when": f"Before training, and again later to see what changed: {when}.",
            "answered": f"{in_words(groups)} patient groups reviewed"
                        + (f", {again}." if again else "."),
        })
    return out


def agreement_over_time(evaluations: pd.DataFrame, min_base: int = MIN_BASE,
                        min_count: int = MIN_COUNT) -> pd.DataFrame | None:
    """The share agreeing with each outcome over time, every share through
    :func:`~coprod_analysis.publish.show_share`.

    Periods are quarters; a quarter with fewer than ``min_base`` forms is
    joined to the next one (the last to the one before), so that small
    quarters are combined rather than hidden. When more than a quarter of
    the shares would still be hidden (a share beside its base must not give
    away a small count, so in small periods many are), half-years are tried,
    then years; the first where at least three in four shares can be shown is
    used, or else the one that shows most. Returns ``None`` when fewer than
    two periods can be made.

    Returns
    -------
    DataFrame or None
        Periods (index, in time order, as ``Jan–Mar 2019`` or ``Jan–Jun 2019``) by
        outcome labels, published text; plus a ``Forms`` column.

    Examples
    --------
    >>> from coprod_analysis.vocab import OUTCOME_NAMES, SCORE_DTYPE
    >>> dates = ["2019-01-15"] * 12 + ["2019-04-15"] * 4 + ["2019-05-15"] * 8
    >>> frame = pd.DataFrame({o: pd.Categorical([4] * 24, dtype=SCORE_DTYPE)
    ...                       for o in OUTCOME_NAMES})
    >>> frame["session_date"] = pd.to_datetime(dates)
    >>> table = agreement_over_time(frame)
    >>> table.index.tolist(), table["Forms"].tolist()
    (['Jan–Mar 2019', 'Apr–Jun 2019'], ['12', '12'])
    """
    day = pd.to_datetime(evaluations["session_date"])
    dated = day.notna().to_numpy()
    if not dated.any():
        return None
    # Counts by calendar quarter, once: half-years and years are sums of them.
    if dated.all():  # the usual case: no rows to leave out (and so none to copy)
        scores = evaluations[list(OUTCOME_NAMES)]
        day = day.dt
    else:
        scores = evaluations.loc[dated, list(OUTCOME_NAMES)]
        day = day[dated].dt
    scores = scores.assign(_year=day.year.to_numpy(), _quarter=day.quarter.to_numpy())
    counts = agreement_counts(scores, ["_year", "_quarter"])
    forms = scores.groupby(["_year", "_quarter"], sort=True).size()
    # Forms without a date are in "Outcomes" and in no period: what they say is
    # "Outcomes" less the periods, protected as a period that is never shown.
    undated = None if dated.all() else agreement_counts(
        evaluations.loc[~dated, list(OUTCOME_NAMES)])
    best = None
    for months in (3, 6, 12):
        table = _periods_table(counts, forms, months, min_base, min_count, undated)
        if table is None:
            continue
        shares = table.drop(columns="Forms")
        shown = (shares != NOT_SHOWN).to_numpy().mean()
        if best is None or shown > best[0]:
            best = (shown, table)
        if shown >= 0.75:
            return table
    return best[1] if best is not None else None


#: Forms without a date, as a period of their own (never shown).
_UNDATED = "\x00without a date"


def _hide_every_period(rates: pd.DataFrame) -> list[str]:
    """The published shares, with every period of an outcome hidden where any is.

    "Outcomes" gives each outcome's share of all forms beside the number who
    answered it, so a share hidden in one period alone would be that less the
    other periods' (each period's answers are at most its forms, so rounding
    hides little). Hiding one more period is not enough against a reader who
    knows the rule: the pattern says which share was hidden for its own small
    count, and a shown share's counts are 0 or at least ``min_count``, which can
    leave one way to split what the hidden ones share (found by a red-team
    reader: 1 person not agreeing in one session). So where an outcome has a
    share hidden in any period, none of its periods' shares is shown: what the
    page then says of it over time is each period's forms, as for every
    outcome. Forms without a date count as a last period that is never shown:
    where they hold a small count (their share hidden by the rule whatever its
    base), the outcome's periods are hidden too.

    Examples
    --------
    >>> rates = pd.DataFrame({"period": ["A", "B", "C", "A", "B"],
    ...                       "outcome": ["x", "x", "x", "y", "y"],
    ...                       "published": ["80%", "not shown", "70%", "90%", "95%"]})
    >>> _hide_every_period(rates)
    ['not shown', 'not shown', 'not shown', '90%', '95%']
    """
    published = rates["published"].tolist()
    for rows in rates.groupby("outcome", sort=False, observed=True).indices.values():
        if any(published[r] == NOT_SHOWN for r in rows):
            for r in rows:
                published[r] = NOT_SHOWN
    return published


def _periods_table(counts: pd.DataFrame, forms: pd.Series, months: int,
                   min_base: int, min_count: int,
                   undated: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """Agreement by period, periods of ``months`` combined until each has ``min_base`` forms.

    ``counts`` is :func:`~coprod_analysis.analyse.outcomes.agreement_counts` by
    ``_year`` and ``_quarter``; ``forms``, the forms of each (year, quarter);
    ``undated``, the counts of forms without a date (a last period never shown,
    for :func:`_hide_every_period`).
    """
    # Quarters gathered into half-years or years: (year, index of the block).
    def block(quarters: pd.Index) -> np.ndarray:
        return (np.asarray(quarters, dtype="int64") - 1) * 3 // months

    sizes = forms.groupby([forms.index.get_level_values(0),
                           block(forms.index.get_level_values(1))]).sum()
    groups: list[list] = []
    current: list = []
    for block_key in sizes.index:
        current.append(block_key)
        if sum(sizes[c] for c in current) >= min_base:
            groups.append(current)
            current = []
    if current:
        if groups:
            groups[-1] += current
        else:
            groups.append(current)
    if len(groups) < 2:
        return None
    label = {}
    for group in groups:
        (y0, b0), (y1, b1) = group[0], group[-1]
        start = pd.Timestamp(year=y0, month=b0 * months + 1, day=1)
        end = pd.Timestamp(year=y1, month=b1 * months + months, day=1)
        name = (f"{start:%b}–{end:%b %Y}" if y0 == y1 else f"{start:%b %Y}–{end:%b %Y}")
        label.update({b: name for b in group})
    period = [label[(y, b)] for y, b in zip(counts["_year"], block(counts["_quarter"]),
                                             strict=True)]
    summed = counts.groupby([period, counts["outcome"]], observed=True, sort=True)[
        ["agreed", "n"]].sum()
    rates = summed[summed["n"] > 0].rename_axis(["period", "outcome"]).reset_index()
    rates["outcome"] = rates["outcome"].astype(str)
    order = list(dict.fromkeys(label[b] for b in sizes.index))
    if undated is not None:
        rates = pd.concat([rates, undated[undated["n"] > 0].assign(
            period=_UNDATED, outcome=lambda u: u["outcome"].astype(str))], ignore_index=True)
    # (forms without a date are never shown: what matters is whether they hold a
    # small count, whatever their base)
    rates["published"] = [show_share(a, n, 1 if p == _UNDATED else min_base, min_count)
                          for a, n, p in zip(rates["agreed"], rates["n"], rates["period"],
                                             strict=True)]
    rates["published"] = _hide_every_period(rates)
    rates = rates[rates["period"] != _UNDATED]
    table = rates.pivot(index="period", columns="outcome", values="published")
    table = table.reindex(index=order, columns=list(OUTCOME_LABELS)).fillna(NOT_SHOWN)
    table.columns = [OUTCOME_LABELS[c] for c in table.columns]
    period_forms = sizes.groupby([label[b] for b in sizes.index]).sum()
    table["Forms"] = [show_count(n, min_count) for n in period_forms.reindex(order)]
    table.index.name = "Period"
    return table
