"""The workbook's display layer: analysis tables as people read them.

The analysis functions (:mod:`coprod_analysis.analyse`) return tidy
DataFrames for analysts; the functions here turn each into a pandas
``Styler`` for officers: labels from :mod:`coprod_analysis.vocab` instead of
codes, shares as percentages with the base n beside them, counts as whole
numbers, ``–`` where there is no value, the ladder in ladder order, and each
test result as a plain sentence. They never change the table they are given.

The formatting rules, once:

- a share is a whole percentage, halves rounded up (``0.125`` is ``13%``);
- a count is a whole number with thousands separated (``1,204``);
- a missing value (no answer, no base) is ``–``; a count of 0 is ``0``;
- rows or columns on a base under ``min_base`` are greyed out where asked.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from pandas.io.formats.style import Styler

from coprod_analysis.analyse.checks import SMALL_BASE, small_bases
from coprod_analysis.analyse.ladder import LEVEL_LABELS
from coprod_analysis.vocab import (
    CHALLENGE_THEMES,
    EVALUATION_FIELDS,
    LADDER_FIELD_NAMES,
    LADDER_RUNGS,
    NOT_INVOLVED,
    QUALITY_FIELD_NAMES,
    REVIEW_FIELDS,
)

#: Shown where there is no value.
NONE = "\u2013"
#: The colour of results on too small a base (NHS mid grey).
GREY = "color: #768692"
#: Ladder answers in ladder order, lowest rung first, "not involved" last.
LADDER_ANSWERS: tuple[str, ...] = (*LADDER_RUNGS, NOT_INVOLVED)
#: Field (column) name -> its short label, from the vocabulary.
FIELD_LABELS: dict[str, str] = {f.name: f.short for f in (*EVALUATION_FIELDS, *REVIEW_FIELDS)}

_TABLE_CSS = [
    {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
    {"selector": "td", "props": "text-align: left;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold;"
                                     " padding-bottom: 0.4em;"},
]


# --- Formatting one value ---------------------------------------------------

def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_count(value: object) -> str:
    """A count as a whole number, ``–`` when missing.

    Examples
    --------
    >>> fmt_count(6.0), fmt_count(1204), fmt_count(float("nan")), fmt_count(0)
    ('6', '1,204', '–', '0')
    """
    if _missing(value):
        return NONE
    return f"{int(round(float(value))):,}"


def fmt_share(value: object) -> str:
    """A proportion (0-1) as a whole percentage, halves rounded up; ``–`` when missing.

    Examples
    --------
    >>> fmt_share(0.58333), fmt_share(0.125), fmt_share(1.0), fmt_share(None)
    ('58%', '13%', '100%', '–')
    """
    if _missing(value):
        return NONE
    # Nine decimals first, so that 0.145 (stored as 0.14499999...) is 14.5, then 15%.
    percent = Decimal(f"{float(value) * 100:.9f}").quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{int(percent)}%"


def fmt_p(p: float) -> str:
    """A p value for people: three decimals at most, ``< 0.001`` when tiny.

    Examples
    --------
    >>> fmt_p(0.125), fmt_p(0.0390625), fmt_p(1.0), fmt_p(0.0004)
    ('p = 0.125', 'p = 0.039', 'p = 1', 'p < 0.001')
    """
    if p < 0.001:
        return "p < 0.001"
    return "p = " + f"{p:.3f}".rstrip("0").rstrip(".")


def fmt_date(value: object) -> str:
    """A date as people write it (``20 Mar 2018``), ``–`` when missing.

    Examples
    --------
    >>> fmt_date(pd.Timestamp("2018-03-20")), fmt_date(pd.NaT)
    ('20 Mar 2018', '–')
    """
    if _missing(value):
        return NONE
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%b %Y}"


def fmt_share_of(count: object, n: object) -> str:
    """A share with the count it comes from: ``58% (7)``; ``–`` when there is no base.

    Examples
    --------
    >>> fmt_share_of(7, 12), fmt_share_of(0, 0)
    ('58% (7)', '–')
    """
    if _missing(n) or float(n) == 0 or _missing(count):  # type: ignore[arg-type]
        return NONE
    return f"{fmt_share(float(count) / float(n))} ({fmt_count(count)})"  # type: ignore[arg-type]


def label_of(name: str) -> str:
    """A column or code as people read it: the vocabulary's label, else plain words.

    Examples
    --------
    >>> label_of("outcome_role"), label_of("ladder_design"), label_of("source_row")
    ("Understand the patient champion's role", 'Co-design', 'Source row')
    >>> label_of("not_involved")
    'Not involved'
    """
    if name in LEVEL_LABELS:
        return LEVEL_LABELS[name][:1].upper() + LEVEL_LABELS[name][1:]
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    words = str(name).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


# --- Building a Styler --------------------------------------------------------

def _styled(frame: pd.DataFrame, caption: str | None = None,
            grey_rows: Iterable[bool] | None = None,
            grey_columns: Iterable[str] = ()) -> Styler:
    """A Styler of an all-text frame: no index, a caption, greyed rows/columns."""
    styler = frame.style.hide(axis="index").set_table_styles(_TABLE_CSS)
    if caption:
        styler = styler.set_caption(html.escape(caption))
    greys = list(grey_rows) if grey_rows is not None else [False] * len(frame)
    grey_set = set(grey_columns)
    if any(greys) or grey_set:
        def paint(column: pd.Series) -> list[str]:
            whole = column.name in grey_set
            return [GREY if whole or g else "" for g in greys]
        styler = styler.apply(paint, axis=0)
    return styler


def _base_note(min_base: int | None, what: str = "people") -> str:
    return f" Grey: fewer than {min_base} {what}, read with care." if min_base else ""


#: Columns of ``;``-joined challenge codes, shown as their labels.
THEME_COLUMNS = ("challenges", "challenges_text_themes")


def themes_text(value: object, codes: dict[str, str] | None = None) -> str:
    """``;``-joined theme codes as their labels, ``–`` for none.

    Examples
    --------
    >>> themes_text("time;not_understanding"), themes_text(""), themes_text("own_code")
    ('Time; Not understanding what it is', '–', 'own_code')
    """
    codes = codes or CHALLENGE_THEMES
    found = [c for c in str("" if _missing(value) else value).split(";") if c.strip()]
    return "; ".join(codes.get(c.strip(), c.strip()) for c in found) or NONE


def table(frame: pd.DataFrame, columns: dict[str, str] | Sequence[str] | None = None,
          caption: str | None = None, empty: str | None = None) -> Styler | Notes:
    """Any table, formatted by type: labels for headers, whole counts, dates, ``–``.

    Parameters
    ----------
    frame:
        Any DataFrame (for example a quarantine or problems table).
    columns:
        The columns to show, in order, or a mapping column -> header. All, labelled
        from the vocabulary, by default.
    caption:
        A line above the table.
    empty:
        A sentence to show instead of a table with no rows.

    Examples
    --------
    >>> df = pd.DataFrame({"source_row": [3.0, None], "review_date": pd.to_datetime(
    ...     ["2019-07-09", None]), "group_type": ["PPG", None], "challenges": ["time", None]})
    >>> table(df).data.values.tolist()
    [['3', '9 Jul 2019', 'PPG', 'Time'], ['–', '–', '–', '–']]
    >>> table(df.iloc[:0], empty="No rows were set aside.")
    No rows were set aside.
    """
    if empty is not None and frame.empty:
        return Notes([empty], kind="info")
    if columns is None:
        columns = list(frame.columns)
    headers = dict(columns) if isinstance(columns, dict) else {c: label_of(c) for c in columns}
    out = pd.DataFrame(index=range(len(frame)))
    for name, header in headers.items():
        column = frame[name].reset_index(drop=True)
        if name in THEME_COLUMNS:
            out[header] = column.map(themes_text)
        elif pd.api.types.is_datetime64_any_dtype(column):
            out[header] = column.map(fmt_date)
        elif pd.api.types.is_bool_dtype(column):
            out[header] = column.map(lambda v: NONE if _missing(v) else ("yes" if v else "no"))
        elif pd.api.types.is_numeric_dtype(column) and not isinstance(
                column.dtype, pd.CategoricalDtype):
            whole = column.dropna().map(lambda v: float(v).is_integer()).all()
            out[header] = column.map(fmt_count if whole else
                                     (lambda v: NONE if _missing(v) else f"{v:.2f}"))
        else:
            out[header] = column.map(lambda v: NONE if _missing(v) or str(v) == "" else str(v))
    return _styled(out, caption)


# --- Outcomes -------------------------------------------------------------------

def agreement_table(rates: pd.DataFrame, min_base: int | None = None,
                    caption: str | None = None) -> Styler:
    """:func:`~coprod_analysis.analyse.agreement_rates` for people.

    One row per outcome (and per ``session_id`` etc. when the rates are broken
    down): the outcome's label, how many agreed, the share agreeing, its 95%
    interval and the base (who answered) beside it.

    Examples
    --------
    >>> rates = pd.DataFrame({"outcome": ["outcome_role"], "label": ["Role"], "n": [12],
    ...                       "agreed": [7], "rate": [7 / 12], "low": [0.3195],
    ...                       "high": [0.8067]})
    >>> agreement_table(rates).data.to_dict("records")
    [{'Outcome': 'Role', 'Agreed': '7', 'Share agreeing': '58%', \
'95% interval': '32% to 81%', 'Answered (n)': '12'}]
    """
    keys = [c for c in rates.columns if c not in
            ("outcome", "label", "n", "agreed", "rate", "low", "high")]
    out = pd.DataFrame(index=range(len(rates)))
    for key in keys:
        values = rates[key].reset_index(drop=True)
        out[label_of(key)] = (values.map(fmt_date) if pd.api.types.is_datetime64_any_dtype(values)
                              else values.map(lambda v: NONE if _missing(v) else str(v)))
    out["Outcome"] = rates["label"].to_numpy()
    out["Agreed"] = [fmt_count(v) for v in rates["agreed"]]
    out["Share agreeing"] = [fmt_share(v) for v in rates["rate"]]
    out["95% interval"] = [NONE if _missing(lo) else f"{fmt_share(lo)} to {fmt_share(hi)}"
                           for lo, hi in zip(rates["low"], rates["high"], strict=True)]
    out["Answered (n)"] = [fmt_count(v) for v in rates["n"]]
    grey = (rates["n"] < min_base).tolist() if min_base else None
    return _styled(out, caption and caption + _base_note(min_base), grey)


def response_table(rates: pd.DataFrame, ratings: pd.DataFrame | None = None) -> Styler:
    """:func:`~coprod_analysis.analyse.response_rates` (and overall ratings) for people.

    Examples
    --------
    >>> rates = pd.DataFrame({"session_id": ["s1", "s2"],
    ...     "session_date": pd.to_datetime(["2018-03-20", "2018-04-24"]),
    ...     "venue": ["Hub", "Hall"], "attended": pd.array([14, None], dtype="Int64"),
    ...     "responses": [0, 9], "rate": [0.0, float("nan")]})
    >>> ratings = pd.DataFrame({"session_id": ["s2"], "n": [8], "mean": [4.25]})
    >>> response_table(rates, ratings).data.values.tolist()
    [['20 Mar 2018', 'Hub', '14', '0', '0%', '0', '–'], \
['24 Apr 2018', 'Hall', '–', '9', '–', '8', '4.3']]
    """
    out = pd.DataFrame({
        "Session": [fmt_date(d) for d in rates["session_date"]],
        "Venue": rates["venue"].astype(object).where(rates["venue"].notna(), NONE).to_numpy(),
        "Attended": [fmt_count(v) for v in rates["attended"]],
        "Forms returned": [fmt_count(v) for v in rates["responses"]],
        "Response rate": [fmt_share(v) for v in rates["rate"]],
    })
    if ratings is not None:
        by = ratings.set_index("session_id")
        n = rates["session_id"].map(by["n"])
        mean = rates["session_id"].map(by["mean"])
        out["Rated the session (n)"] = [fmt_count(0 if _missing(v) else v) for v in n]
        out["Mean rating (1-5)"] = [NONE if _missing(v) else _one_decimal(v) for v in mean]
    return _styled(out)


def session_labels(frame: pd.DataFrame) -> dict[str, str]:
    """Session id -> its date as people write it (with the venue where dates repeat).

    Examples
    --------
    >>> f = pd.DataFrame({"session_id": ["a", "b", "c"], "session_date": pd.to_datetime(
    ...     ["2018-03-20", "2018-04-24", "2018-04-24"]), "venue": ["Hub", "Hall", "Hub"]})
    >>> session_labels(f)
    {'a': '20 Mar 2018', 'b': '24 Apr 2018, Hall', 'c': '24 Apr 2018, Hub'}
    """
    first = frame.drop_duplicates("session_id")
    dates = first["session_date"].map(fmt_date)
    twice = dates.duplicated(keep=False)
    return {sid: f"{d}, {v}" if again else d for sid, d, v, again in
            zip(first["session_id"], dates, first["venue"], twice, strict=True)}


def _one_decimal(value: float) -> str:
    return str(Decimal(f"{float(value):.9f}").quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# --- Themes ---------------------------------------------------------------------

def themes_table(counts: pd.DataFrame, by: str | None = None, value: str = "share",
                 column_labels: dict[str, str] | None = None,
                 min_base: int | None = None, what: str = "reviews",
                 caption: str | None = None) -> Styler:
    """:func:`~coprod_analysis.analyse.challenge_counts` for people.

    Parameters
    ----------
    counts:
        From ``challenge_counts`` (any codebook).
    by:
        The breakdown column ``counts`` was made with, if any: its values become
        columns, each headed with its base (``PPG (n = 12)``).
    value:
        ``"share"`` (cells ``58% (7)``) or ``"count"``.
    column_labels:
        Headers for the ``by`` values (e.g. session id -> date).
    min_base:
        Grey out columns (or, without ``by``, the table) on fewer ``what`` than this.
    what:
        What the base counts, for the caption (``reviews``, ``forms``).

    Examples
    --------
    >>> counts = pd.DataFrame({"group_type": ["PPG", "PPG", "PAG", "PAG"],
    ...     "code": ["time", "funding"] * 2, "label": ["Time", "Funding"] * 2,
    ...     "count": [7, 1, 0, 2], "n": [12, 12, 4, 4],
    ...     "share": [7 / 12, 1 / 12, 0.0, 0.5]})
    >>> themes_table(counts, by="group_type").data.values.tolist()
    [['Time', '58% (7)', '0% (0)'], ['Funding', '8% (1)', '50% (2)']]
    >>> list(themes_table(counts, by="group_type").data.columns)
    ['Theme', 'PPG (n = 12)', 'PAG (n = 4)']
    """
    if by is None:
        out = pd.DataFrame({
            "Theme": counts["label"].to_numpy(),
            f"{what.capitalize()} naming it": [fmt_count(v) for v in counts["count"]],
            "Share": [fmt_share(v) for v in counts["share"]],
            f"Of (n {what})": [fmt_count(v) for v in counts["n"]],
        })
        small = bool(min_base) and len(counts) and int(counts["n"].max()) < min_base
        return _styled(out, caption and caption + _base_note(min_base, what),
                       grey_rows=[bool(small)] * len(out))
    total = counts.groupby("code", sort=False)["count"].sum().sort_values(
        ascending=False, kind="stable")
    groups = list(dict.fromkeys(counts[by]))
    bases = counts.drop_duplicates(by).set_index(by)["n"]
    cell = counts.set_index(["code", by])
    labels = counts.drop_duplicates("code").set_index("code")["label"]
    out = pd.DataFrame({"Theme": [labels[c] for c in total.index]})
    grey: list[str] = []
    for group in groups:
        name = (column_labels or {}).get(group, str(group))
        header = f"{name} (n = {fmt_count(bases[group])})"
        if value == "share":
            out[header] = [fmt_share_of(cell.at[(c, group), "count"], bases[group])
                           if (c, group) in cell.index else NONE for c in total.index]
        else:
            out[header] = [fmt_count(cell.at[(c, group), "count"])
                           if (c, group) in cell.index else NONE for c in total.index]
        if min_base and bases[group] < min_base:
            grey.append(header)
    return _styled(out, caption and caption + _base_note(min_base, what), grey_columns=grey)


def ticked_written_table(table_: pd.DataFrame, n: int) -> Styler:
    """:func:`~coprod_analysis.analyse.ticked_and_written` for people, with its base.

    Examples
    --------
    >>> t = pd.DataFrame({"code": ["time"], "label": ["Time"], "ticked": [2], "written": [1],
    ...                   "both": [1], "only_ticked": [1], "only_written": [0]})
    >>> styler = ticked_written_table(t, n=3)
    >>> styler.data.values.tolist(), styler.caption
    ([['Time', '2', '1', '1', '1', '0']], 'Counts of 3 reviews.')
    """
    out = pd.DataFrame({"Theme": table_["label"].to_numpy()})
    for column, header in (("ticked", "Ticked"), ("written", "Written about"),
                           ("both", "Both"), ("only_ticked", "Ticked, not written about"),
                           ("only_written", "Written about, not ticked")):
        out[header] = [fmt_count(v) for v in table_[column]]
    return _styled(out, f"Counts of {fmt_count(n)} reviews.")


# --- The ladder ------------------------------------------------------------------

def ladder_table(distribution: pd.DataFrame, min_base: int | None = None,
                 caption: str | None = None) -> Styler:
    """:func:`~coprod_analysis.analyse.ladder_distribution` for people, in ladder order.

    Levels run co-design to co-evaluation, then overall; rungs run descriptive
    to transformative, then "not involved". Each cell is the share of groups
    answering that level, with the count; the base is beside them.

    Examples
    --------
    >>> d = pd.DataFrame({"level": ["ladder_overall"] * 3 + ["ladder_design"] * 4,
    ...     "label": ["overall"] * 3 + ["co-design"] * 4,
    ...     "answer": ["descriptive", "intermediate", "transformative",
    ...                "transformative", "intermediate", "descriptive", "not_involved"],
    ...     "count": [1, 2, 1, 1, 2, 0, 1], "n": [4, 4, 4, 4, 4, 4, 4]})
    >>> styler = ladder_table(d)
    >>> list(styler.data.columns)
    ['Level', 'Descriptive', 'Intermediate', 'Transformative', 'Not involved', 'Groups (n)']
    >>> styler.data.values.tolist()
    [['Co-design', '0% (0)', '50% (2)', '25% (1)', '25% (1)', '4'], \
['Overall', '25% (1)', '50% (2)', '25% (1)', '–', '4']]
    """
    rows = []
    for level in LADDER_FIELD_NAMES:
        part = distribution[distribution["level"] == level]
        if part.empty:
            continue
        counts = part.set_index("answer")["count"]
        n = int(part["n"].iloc[0])
        row = {"Level": label_of(level)}
        for answer in LADDER_ANSWERS:
            row[label_of(answer)] = (fmt_share_of(counts[answer], n) if answer in counts.index
                                     else NONE)
        row["Groups (n)"] = fmt_count(n)
        rows.append((row, n))
    out = pd.DataFrame([r for r, _ in rows],
                       columns=["Level", *map(label_of, LADDER_ANSWERS), "Groups (n)"])
    grey = [bool(min_base) and n < min_base for _, n in rows]  # type: ignore[operator]
    return _styled(out, caption and caption + _base_note(min_base, "groups"), grey)


_ARROWS = {"up": "up", "down": "down", "same": "same"}


def movement_table(movement: pd.DataFrame) -> Styler:
    """:func:`~coprod_analysis.analyse.ladder_movement` for people: a row per group.

    Each level reads ``Descriptive → Intermediate (up)``; ``(not comparable)``
    when either review says "not involved" or did not answer.

    Examples
    --------
    >>> m = pd.DataFrame({"group": ["Oak PPG"] * 2, "level": ["ladder_overall", "ladder_design"],
    ...     "first": ["descriptive", "not_involved"], "latest": ["intermediate", "descriptive"],
    ...     "first_date": pd.to_datetime(["2018-03-01"] * 2),
    ...     "latest_date": pd.to_datetime(["2019-04-01"] * 2), "movement": ["up", None]})
    >>> movement_table(m).data.values.tolist()
    [['Oak PPG', '1 Mar 2018', '1 Apr 2019', 'Not involved → Descriptive (not comparable)', \
'Descriptive → Intermediate (up)']]
    """
    rows = []
    for group, part in movement.groupby("group", sort=True):
        row = {"Group": group, "First review": fmt_date(part["first_date"].iloc[0]),
               "Latest review": fmt_date(part["latest_date"].iloc[0])}
        by_level = part.set_index("level")
        for level in LADDER_FIELD_NAMES:
            if level not in by_level.index:
                continue
            entry = by_level.loc[level]
            first = NONE if _missing(entry["first"]) else label_of(entry["first"])
            latest = NONE if _missing(entry["latest"]) else label_of(entry["latest"])
            moved = ("not comparable" if _missing(entry["movement"])
                     else _ARROWS[entry["movement"]])
            row[label_of(level)] = f"{first} \u2192 {latest} ({moved})"
        rows.append(row)
    return _styled(pd.DataFrame(rows))


def _groups(k: int, none: str = "none") -> str:
    return none if k == 0 else ("1 group" if k == 1 else f"{k} groups")


def sign_test_sentence(up: int, down: int, p: float, alpha: float = 0.05) -> str:
    """A sign test result as a plain sentence.

    Examples
    --------
    >>> sign_test_sentence(4, 0, 0.125)
    '4 groups moved up and none down: too few to rule out chance (sign test, p = 0.125)'
    >>> sign_test_sentence(8, 1, 0.0390625)
    '8 groups moved up and 1 down: more up than chance would explain (sign test, p = 0.039)'
    >>> sign_test_sentence(0, 0, 1.0)
    'No group moved up or down: there is nothing to test'
    >>> sign_test_sentence(2, 2, 1.0)
    '2 groups moved up and 2 down: no sign of a shift either way (sign test, p = 1)'
    """
    if up == 0 and down == 0:
        return "No group moved up or down: there is nothing to test"
    head = (f"{_groups(up, 'No group')} moved up and "
            f"{'none' if down == 0 else down} down")
    if p < alpha:
        reading = f"more {'up' if up > down else 'down'} than chance would explain"
    elif up == down:
        reading = "no sign of a shift either way"
    else:
        reading = "too few to rule out chance"
    return f"{head}: {reading} (sign test, {fmt_p(p)})"


def movement_summary_table(summary: pd.DataFrame) -> Styler:
    """:func:`~coprod_analysis.analyse.movement_summary` for people, with each test in words.

    Examples
    --------
    >>> s = pd.DataFrame({"level": ["ladder_design"], "label": ["co-design"], "up": [4],
    ...                   "same": [1], "down": [0], "not_comparable": [2], "p_value": [0.125]})
    >>> movement_summary_table(s).data.values.tolist()[0][:5]
    ['Co-design', '4', '1', '0', '2']
    """
    order = {level: i for i, level in enumerate(LADDER_FIELD_NAMES)}
    summary = summary.sort_values("level", key=lambda s: s.map(order), kind="stable")
    out = pd.DataFrame({
        "Level": [label_of(v) for v in summary["level"]],
        "Moved up": [fmt_count(v) for v in summary["up"]],
        "Same": [fmt_count(v) for v in summary["same"]],
        "Moved down": [fmt_count(v) for v in summary["down"]],
        "Not comparable": [fmt_count(v) for v in summary["not_comparable"]],
        "What it says": [sign_test_sentence(u, d, p) for u, d, p in
                         zip(summary["up"], summary["down"], summary["p_value"], strict=True)],
    })
    return _styled(out)


def quality_table(scores: pd.DataFrame) -> Styler:
    """:func:`~coprod_analysis.analyse.quality_scores` for people: a tick per indicator met.

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["Oak"], "review_number": [1],
    ...     "review_date": pd.to_datetime(["2018-01-01"]), "score": [3], "answered": [5],
    ...     **{q: pd.array([v], dtype="boolean") for q, v in zip(QUALITY_FIELD_NAMES,
    ...        [True, True, False, None, True, False])}})
    >>> quality_table(s).data.values.tolist()
    [['Oak', '1', '1 Jan 2018', '3 of 5', 'yes', 'yes', 'no', '–', 'yes', 'no']]
    """
    out = pd.DataFrame({
        "Group": scores["group"].to_numpy(),
        "Review": [fmt_count(v) for v in scores["review_number"]],
        "Date": [fmt_date(v) for v in scores["review_date"]],
        "Indicators met (of answered)": [f"{fmt_count(s)} of {fmt_count(a)}" for s, a in
                                         zip(scores["score"], scores["answered"], strict=True)],
    })
    for name in QUALITY_FIELD_NAMES:
        out[label_of(name)] = [NONE if _missing(v) else ("yes" if v else "no")
                               for v in scores[name]]
    return _styled(out)


# --- Plain-English warnings -----------------------------------------------------------

def listing(items: Sequence[str], most: int = 6) -> str:
    """Items as a sentence lists them: ``a, b and c``; after ``most``, ``and 2 more``.

    Examples
    --------
    >>> listing(["a"]), listing(["a", "b", "c"]), listing(list("abcd"), most=2)
    ('a', 'a, b and c', 'a, b and 2 more')
    """
    items = list(items)
    if len(items) > most:
        return ", ".join(items[:most]) + f" and {len(items) - most} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _session_name(row: pd.Series) -> str:
    venue = "" if _missing(row.get("venue")) else f" at {row['venue']}"
    return f"{fmt_date(row['session_date'])}{venue}"


def register_warnings(gaps: pd.DataFrame) -> list[str]:
    """Sentences for :func:`~coprod_analysis.analyse.checks.register_gaps`.

    Examples
    --------
    >>> gaps = pd.DataFrame({"session_id": ["b", "c"],
    ...     "session_date": pd.to_datetime(["2019-02-01", "2019-03-01"]),
    ...     "venue": ["Library", "Hall"], "gap": ["no forms", "not in register"],
    ...     "responses": [0, 14]})
    >>> for line in register_warnings(gaps): print(line)
    1 session in the register has no forms: 1 Feb 2019 at Library. Its response rate shows as 0%: is an export missing from the folder?
    1 session has forms but is not in the sessions register: 1 Mar 2019 at Hall (14 forms). It has no response rate: add it to the register, or check the date and venue on its forms.
    """  # noqa: E501
    lines = []
    none = gaps[gaps["gap"] == "no forms"]
    if len(none):
        k = len(none)
        names = [_session_name(r) for _, r in none.iterrows()]
        lines.append(f"{k} session{'s' if k > 1 else ''} in the register "
                     f"{'have' if k > 1 else 'has'} no forms: {listing(names)}. "
                     f"{'Their response rates show' if k > 1 else 'Its response rate shows'}"
                     f" as 0%: is an export missing from the folder?")
    extra = gaps[gaps["gap"] == "not in register"]
    if len(extra):
        k = len(extra)
        names = [f"{_session_name(r)} ({fmt_count(r['responses'])} "
                 f"form{'s' if r['responses'] != 1 else ''})" for _, r in extra.iterrows()]
        lines.append(f"{k} session{'s' if k > 1 else ''} {'have' if k > 1 else 'has'} forms "
                     f"but {'are' if k > 1 else 'is'} not in the sessions register: "
                     f"{listing(names)}. {'They have' if k > 1 else 'It has'} no response "
                     f"rate: add {'them' if k > 1 else 'it'} to the register, or check the "
                     f"date and venue on {'their' if k > 1 else 'its'} forms.")
    return lines


def reviewed_once_warnings(once: pd.DataFrame, groups: int) -> list[str]:
    """A sentence for :func:`~coprod_analysis.analyse.checks.reviewed_once`.

    Examples
    --------
    >>> once = pd.DataFrame({"group": ["Oak PPG", "Elm PAG"]})
    >>> reviewed_once_warnings(once, 5)
    ['2 of 5 groups were reviewed once only (Oak PPG and Elm PAG): the ladder shows where \
they sit, but not how they moved.']
    """
    if once.empty:
        return []
    k = len(once)
    return [f"{k} of {groups} group{'s' if groups != 1 else ''} "
            f"{'were' if k > 1 else 'was'} reviewed once only ({listing(list(once['group']))}):"
            f" the ladder shows where {'they sit' if k > 1 else 'it sits'}, but not how "
            f"{'they' if k > 1 else 'it'} moved."]


def small_base_warnings(table_: pd.DataFrame, name: str, what: str = "people",
                        min_base: int = SMALL_BASE, label: str = "label",
                        base: str = "n") -> list[str]:
    """A sentence naming the rows of a results table whose base is under ``min_base``.

    Parameters
    ----------
    table_:
        A results table with a base column.
    name:
        What a row is, plural (``"outcomes"``, ``"sessions"``, ``"kinds of group"``).
    what:
        What the base counts (``"people"``, ``"reviews"``, ``"groups"``).
    label:
        The column naming each row (dates are written as dates).

    Examples
    --------
    >>> t = pd.DataFrame({"label": ["PPG", "PAG", "Other"], "n": [12, 4, 1]})
    >>> small_base_warnings(t, "kinds of group", "reviews")
    ['2 kinds of group rest on fewer than 10 reviews: PAG (4) and Other (1). Their shares \
swing with one answer: read them with care (the report does not show them).']
    """
    small = small_bases(table_, min_base, base).drop_duplicates(label)
    if small.empty:
        return []
    names = [f"{fmt_date(r[label]) if isinstance(r[label], pd.Timestamp) else r[label]} "
             f"({fmt_count(r[base])})" for _, r in small.iterrows()]
    k = len(small)
    return [f"{k} {name if k > 1 else name.rstrip('s')} "
            f"{'rest' if k > 1 else 'rests'} on fewer than {min_base} {what}: "
            f"{listing(names)}. {'Their shares swing' if k > 1 else 'Its share swings'} with "
            f"one answer: read {'them' if k > 1 else 'it'} with care (the report does not "
            f"show {'them' if k > 1 else 'it'})."]


class Notes:
    """Lines of prose for a notebook: warnings (amber) or information (plain).

    Shown as HTML in JupyterLab and as plain lines anywhere else.

    Examples
    --------
    >>> print(repr(Notes(["Two sessions have no forms."])))
    Warning: Two sessions have no forms.
    >>> print(repr(Notes([], empty="Nothing to warn about.")))
    Nothing to warn about.
    """

    def __init__(self, lines: Iterable[str], kind: str = "warning",
                 empty: str = "Nothing to warn about: every check passed.") -> None:
        self.lines = [str(line) for line in lines]
        self.kind = kind
        self.empty = empty

    def __repr__(self) -> str:
        if not self.lines:
            return self.empty
        prefix = "Warning: " if self.kind == "warning" else ""
        return "\n".join(prefix + line for line in self.lines)

    def _repr_html_(self) -> str:
        if not self.lines:
            return f'<p style="color:#007f3b">\u2714 {html.escape(self.empty)}</p>'
        if self.kind == "warning":
            style = ("border-left:6px solid #ffb81c;background:#fff9e6;padding:0.5em 1em;"
                     "margin:0.5em 0;color:#212b32")
            items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
            return (f'<div style="{style}"><strong>Before you read on</strong>'
                    f'<ul style="margin:0.3em 0">{items}</ul></div>')
        return "".join(f"<p>{html.escape(line)}</p>" for line in self.lines)


def warnings(*groups: Iterable[str]) -> Notes:
    """All the warnings for the top of a notebook, as one amber box.

    Examples
    --------
    >>> warnings(["a"], [], ["b"]).lines
    ['a', 'b']
    """
    return Notes([line for group in groups for line in group])


# --- A page of several parts (the Explore notebook) ------------------------------------

class Page:
    """Several tables and lines shown as one output (a widget redraws it whole).

    Examples
    --------
    >>> page = Page(["<b>x</b> is escaped", table(pd.DataFrame({"a": [1]}))])
    >>> "&lt;b&gt;" in page._repr_html_(), "<table" in page._repr_html_()
    (True, True)
    """

    def __init__(self, parts: Iterable[object]) -> None:
        self.parts = list(parts)

    def _repr_html_(self) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, Styler):
                out.append(part.to_html())
            elif hasattr(part, "_repr_html_"):
                out.append(part._repr_html_())
            else:
                out.append(f"<p>{html.escape(str(part))}</p>")
        return "\n".join(out)

    def __repr__(self) -> str:
        return "\n\n".join(part.data.to_string(index=False) if isinstance(part, Styler)
                           else repr(part) if isinstance(part, Notes) else str(part)
                           for part in self.parts)


def slice_page(part: object, call: str | None = None) -> Page:
    """One slice from :func:`coprod_analysis.analyse.slices.explore`, as a page.

    It starts with the call that gives the same results, then the bases; a
    result resting on fewer than the slice's ``min_base`` is greyed out.
    """
    from coprod_analysis.analyse.slices import explore_call

    call = call or explore_call(**part.filters)  # type: ignore[attr-defined]
    base = part.min_base  # type: ignore[attr-defined]
    chosen = [f"{label_of(k).lower()} {v}" for k, v in part.filters.items()  # type: ignore
              if v is not None]
    head = (f"{'Everyone' if not chosen else 'Slice: ' + ', '.join(chosen)}. "
            f"{fmt_count(part.respondents)} evaluation forms; "  # type: ignore[attr-defined]
            f"{fmt_count(part.reviews)} group reviews from "  # type: ignore[attr-defined]
            f"{_groups(part.groups, 'no groups')}.")  # type: ignore[attr-defined]
    notes = []
    if 0 < part.respondents < base:  # type: ignore[attr-defined]
        notes.append(f"Fewer than {base} evaluation forms in this slice: the outcomes are "
                     "greyed out; read them with care.")
    if 0 < part.groups < base:  # type: ignore[attr-defined]
        notes.append(f"Fewer than {base} groups in this slice: the themes and the ladder are "
                     "greyed out; read them with care.")
    parts: list[object] = [Code(call), head]
    if part.respondents and part.groups:  # type: ignore[attr-defined]
        parts.append(Notes(notes, empty=f"Every base is at least {base}."))
    elif notes:
        parts.append(Notes(notes))
    if part.respondents:  # type: ignore[attr-defined]
        parts.append(agreement_table(part.outcomes, min_base=base,  # type: ignore[attr-defined]
                                     caption="Outcomes: the share agreeing."))
    else:
        parts.append("No evaluation forms in this slice.")
    if part.reviews:  # type: ignore[attr-defined]
        themes = part.themes[part.themes["count"] > 0]  # type: ignore[attr-defined]
        parts.append(themes_table(themes, min_base=base if part.groups < base else None,
                                  caption="Challenges named in the slice's group reviews."))
        parts.append(ladder_table(part.ladder, min_base=base,  # type: ignore[attr-defined]
                                  caption="The ladder: each group's latest review in the "
                                          "slice."))
    else:
        parts.append("No group reviews in this slice.")
    return Page(parts)


class Code:
    """A line of Python shown as code (the call that reproduces a widget's result)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __repr__(self) -> str:
        return self.source

    def _repr_html_(self) -> str:
        return (f'<p>Same as: <code style="background:#f0f4f5;padding:0.1em 0.3em">'
                f'{html.escape(self.source)}</code></p>')


def is_small(n: float, min_base: int = SMALL_BASE) -> bool:
    """True when a base is above 0 and under ``min_base``.

    Examples
    --------
    >>> is_small(9), is_small(10), is_small(0)
    (True, False, False)
    """
    return not math.isnan(float(n)) and 0 < n < min_base


__all__ = ["FIELD_LABELS", "GREY", "LADDER_ANSWERS", "NONE", "Code", "Notes", "Page",
           "agreement_table", "fmt_count", "fmt_date", "fmt_p", "fmt_share", "fmt_share_of",
           "is_small", "label_of", "ladder_table", "listing", "movement_summary_table",
           "movement_table", "quality_table", "register_warnings", "response_table",
           "reviewed_once_warnings", "session_labels", "sign_test_sentence", "slice_page",
           "small_base_warnings", "table", "themes_table", "themes_text",
           "ticked_written_table", "warnings"]
