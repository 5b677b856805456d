"""Each analysis table as people read it (a pandas Styler); the tables given are not changed."""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from coprod_analysis.show.format import (
    NONE,
    _missing,
    fmt_count,
    fmt_date,
    fmt_p,
    fmt_share,
    fmt_share_of,
    label_of,
    one_decimal,
)
from coprod_analysis.show.notes import Notes
from coprod_analysis.show.styled import _base_note, _styled
from coprod_analysis.vocab import (
    LADDER_FIELD_NAMES,
    LADDER_RUNGS,
    NOT_INVOLVED,
    QUALITY_FIELD_NAMES,
)

#: Ladder answers in ladder order, lowest rung first, "not involved" last.
LADDER_ANSWERS: tuple[str, ...] = (*LADDER_RUNGS, NOT_INVOLVED)


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
        out["Mean rating (1-5)"] = [NONE if _missing(v) else one_decimal(v) for v in mean]
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


_NOBODY_AGAIN = "No group has been reviewed twice yet, so there is no movement to show."


def movement_table(movement: pd.DataFrame) -> Styler | Notes:
    """:func:`~coprod_analysis.analyse.ladder_movement` for people: a row per group.

    With no re-reviewed group, a sentence saying so instead of an empty table.

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
    if movement.empty:
        return Notes([_NOBODY_AGAIN], kind="info")
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


def movement_summary_table(summary: pd.DataFrame) -> Styler | Notes:
    """:func:`~coprod_analysis.analyse.movement_summary` for people, with each test in words.

    Examples
    --------
    >>> s = pd.DataFrame({"level": ["ladder_design"], "label": ["co-design"], "up": [4],
    ...                   "same": [1], "down": [0], "not_comparable": [2], "p_value": [0.125]})
    >>> movement_summary_table(s).data.values.tolist()[0][:5]
    ['Co-design', '4', '1', '0', '2']
    """
    if summary.empty:
        return Notes([_NOBODY_AGAIN], kind="info")
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


__all__ = ["LADDER_ANSWERS", "agreement_table", "ladder_table", "movement_summary_table",
           "movement_table", "quality_table", "response_table", "session_labels",
           "sign_test_sentence", "themes_table", "ticked_written_table"]
