"""Charts sized for the published report: readable on a phone and on paper.

The report's charts are drawn 5 inches wide with text of at least 12
points, at 192 dots an inch, and shown at most 480 CSS pixels wide: on a
390-pixel phone the text is still about 12 pixels high, and printed at
their own size it is 12 points. Each row's label sits above its bar, so no
long label squeezes the plot. Every mark is at least 3:1 against white
(WCAG 1.4.11): NHS blue, dark blue, dark pink and dark grey, never the light
blue. The finding is the title of the figure in the page (HTML), not text
in the picture; each function returns the figure with ``alt_text`` stating
the finding.

Every function draws only what it is given: text already through the
small-number rules (counts, ``<5``, ``*``, "not shown"), so a chart says no
more than the table beside it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from coprod_analysis.charts.style import (
    NHS_BLACK,
    NHS_BLUE,
    NHS_BRIGHT_BLUE,
    NHS_DARK_BLUE,
    NHS_DARK_GREY,
    NHS_DARK_PINK,
    NHS_MID_GREY,
    new_figure,
)

#: Width of a report chart in inches, and the dots an inch it is saved at.
WIDTH, DPI = 5.0, 192
#: Smallest text in a report chart, in points.
TEXT = 12
#: Descriptive, intermediate, transformative, not involved: each at least 3:1 on white.
LADDER_FILLS = (NHS_BRIGHT_BLUE, NHS_DARK_BLUE, NHS_DARK_PINK, NHS_DARK_GREY)
#: Grid lines: NHS mid grey, 3.9:1 on white (the pale grey is 2.0:1).
GRID = NHS_MID_GREY
#: A segment whose count is hidden: hatched, with a dark grey outline.
HIDDEN_EDGE = NHS_DARK_GREY


def _figure(height: float) -> Figure:
    figure = new_figure(WIDTH, height)
    figure.set_layout_engine("constrained", h_pad=0.02, w_pad=0.02)
    return figure


def _plain(axes) -> None:
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(NHS_DARK_GREY)
    axes.tick_params(axis="x", colors=NHS_BLACK, labelsize=TEXT, length=4)
    axes.tick_params(axis="y", left=False, labelleft=False)


def _count(text: str) -> int | None:
    """A published count as a number, or None for ``<5``, ``*``, "not shown"."""
    text = str(text).strip()
    return int(text) if re.fullmatch(r"\d+", text) else None


def chart_agreement(rates: pd.DataFrame) -> Figure:
    """The share agreeing with each outcome and its 95% interval, highest first.

    Parameters
    ----------
    rates:
        Rows of :func:`~coprod_analysis.report.content.shown_agreement` (only
        outcomes whose share may be shown): ``label``, ``rate``, ``low``, ``high``,
        ``n``, ``published``.

    Examples
    --------
    >>> rates = pd.DataFrame({"label": ["Give examples", "Critique initiatives"],
    ...     "rate": [0.69, 0.38], "low": [0.62, 0.31], "high": [0.75, 0.45],
    ...     "n": [187, 184], "published": ["69%", "38%"]})
    >>> chart_agreement(rates).alt_text
    'Give examples: 69% (95% interval 62% to 75%) agreed, the most of 2 outcomes; critique \
initiatives: 38% (95% interval 31% to 45%), the fewest.'
    """
    rows = rates.sort_values(["rate", "label"], ascending=[False, True]).reset_index(drop=True)
    figure = _figure(0.75 + 0.56 * max(len(rows), 1))
    axes = figure.add_subplot()
    for i, row in rows.iterrows():
        y = -i
        axes.text(0, y + 0.3, row["label"], fontsize=TEXT, color=NHS_BLACK, va="bottom")
        axes.text(100, y + 0.3, row["published"], fontsize=TEXT, color=NHS_BLACK,
                  va="bottom", ha="right", fontweight="bold")
        axes.hlines(y, row["low"] * 100, row["high"] * 100, color=NHS_BLUE, linewidth=5)
        axes.plot(row["rate"] * 100, y, "o", color=NHS_DARK_BLUE, markersize=10,
                  markeredgecolor="white", markeredgewidth=1.5)
    axes.set_xlim(0, 100)
    axes.set_ylim(-len(rows) + 0.5, 0.95)
    axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    _plain(axes)
    figure.alt_text = _agreement_alt(rows)  # type: ignore[attr-defined]
    return figure


def _agreement_alt(rows: pd.DataFrame) -> str:
    """The finding: the outcomes most and least agreed with, ties (as published) together."""
    from coprod_analysis.publish import percent as pct  # rounded half up, as the table

    def say(part: pd.DataFrame) -> str:
        names = [part["label"].iloc[0]] + [n[0].lower() + n[1:] for n in part["label"].iloc[1:]]
        named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        if len(part) == 1:
            row = part.iloc[0]
            return (f"{named}: {row['published']} (95% interval {pct(row['low'])} to "
                    f"{pct(row['high'])})")
        return f"{named}: {part['published'].iloc[0]} each"

    top = rows[rows["published"] == rows["published"].iloc[0]]
    bottom = rows[rows["published"] == rows["published"].iloc[-1]]
    text = f"{say(top)} agreed, the most of {len(rows)} outcomes"
    if len(top) == len(rows):
        return text + "."
    low = say(bottom)
    return f"{text}; {low[0].lower() + low[1:]}, the fewest."


def chart_over_time(table: pd.DataFrame) -> Figure:
    """The share agreeing with each outcome in each period, one small panel an outcome.

    Parameters
    ----------
    table:
        Periods (rows, in time order) by outcomes (columns) of published
        shares (``"87%"`` or "not shown"); a period not shown is a gap.
    """
    periods = list(table.index)
    outcomes = list(table.columns)
    figure = _figure(0.5 + 0.82 * len(outcomes))
    panels = figure.subplots(len(outcomes), 1, sharex=True, squeeze=False)[:, 0]
    x = np.arange(len(periods))
    for axes, outcome in zip(panels, outcomes, strict=True):
        values = np.array([float(v.rstrip("%")) if str(v).endswith("%") else np.nan
                           for v in table[outcome]])
        axes.plot(x, values, color=NHS_BLUE, linewidth=2.5, marker="o", markersize=7,
                  markerfacecolor=NHS_DARK_BLUE, markeredgecolor="white")
        axes.set_ylim(0, 100)
        axes.set_yticks([0, 50, 100], ["0%", "50%", "100%"])
        axes.tick_params(axis="y", labelsize=TEXT, colors=NHS_BLACK, length=0)
        axes.grid(axis="y", color=GRID, linewidth=0.6)
        axes.set_title(outcome, loc="left", fontsize=TEXT, color=NHS_BLACK, pad=3)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="x", colors=NHS_BLACK, labelsize=TEXT)
    ends = [0, len(periods) - 1] if len(periods) > 1 else [0]
    panels[-1].set_xticks(ends, [periods[i] for i in ends])
    panels[-1].set_xlim(-0.3, len(periods) - 0.7)
    figure.alt_text = ""  # type: ignore[attr-defined]  (set by the caller, who knows the finding)
    return figure


def chart_counts(labels: list[str], counts: list[str], unit: str) -> Figure:
    """Themes ranked by how many raised them, drawn only where the count is shown.

    Parameters
    ----------
    labels, counts:
        Themes and their published counts, in the table's order; ``<5`` and
        ``*`` rows are left out of the bars (the caller says how many).
    unit:
        ``groups`` or ``people``.

    Examples
    --------
    >>> chart_counts(["Time", "Funding", "Tokenism"], ["12", "7", "<5"], "groups").alt_text
    'Time was raised by the most groups (12), then Funding (7).'
    """
    shown = [(label, _count(c)) for label, c in zip(labels, counts, strict=True)
             if _count(c) is not None and _count(c) > 0]
    figure = _figure(0.6 + 0.62 * max(len(shown), 1))
    axes = figure.add_subplot()
    top = max((c for _, c in shown), default=1)
    for i, (label, count) in enumerate(shown):
        y = -i
        axes.text(0, y + 0.28, label, fontsize=TEXT, color=NHS_BLACK, va="bottom")
        axes.barh(y, count, height=0.36, color=NHS_BLUE)
        axes.text(count + top * 0.015, y, str(count), fontsize=TEXT, color=NHS_BLACK,
                  va="center")
    axes.set_xlim(0, top * 1.12)
    axes.set_ylim(-len(shown) + 0.5, 0.95)
    axes.set_xlabel(f"Number of {unit}", fontsize=TEXT, color=NHS_BLACK)
    _plain(axes)
    axes.xaxis.get_major_locator().set_params(integer=True, nbins=4)
    lead = ", then ".join(f"{label} ({count})" for label, count in shown[1:3])
    figure.alt_text = (  # type: ignore[attr-defined]
        (f"{shown[0][0]} was raised by the most {unit} ({shown[0][1]})"
         + (f", then {lead}." if lead else "."))
        if shown else f"No theme was raised by enough {unit} to show its count.")
    return figure


def chart_ladder(table: pd.DataFrame, total: str) -> Figure:
    """Where groups sit at their latest review: one bar a level, hidden counts as such.

    Parameters
    ----------
    table:
        The published ladder table (levels by rungs, then the ``total``
        column): counts, ``<5``, ``*`` or "not shown". Shown counts are drawn
        to scale; whatever the table hides in a level is one hatched segment
        ("hidden"), as wide as the total less the shown counts, which a
        reader can work out from the table anyway; it says nothing about
        which rung or how the hidden groups split.

    Examples
    --------
    >>> table = pd.DataFrame({"Descriptive": ["*", "7"], "Intermediate": ["7", "8"],
    ...     "Transformative": ["<5", "0"], "Not involved": ["0", "0"],
    ...     "Groups": ["15", "15"]}, index=["Co-design", "Overall"])
    >>> chart_ladder(table, "Groups").alt_text
    'Of 15 groups, intermediate was the most common rung for overall (8); some counts are \
hidden because they are small.'

    (At co-design the hidden 8 could hold a rung of 7, so nothing is claimed for it.)
    """
    rungs = [c for c in table.columns if c != total]
    levels = list(table.index)
    figure = _figure(1.2 + 0.78 * len(levels))
    axes = figure.add_subplot()
    most: dict[str, list[str]] = {}
    hidden_any = False
    groups = 0
    for i, level in enumerate(levels):
        y = -i
        row = table.loc[level]
        whole = _count(row[total])
        axes.text(0, y + 0.3, level, fontsize=TEXT, color=NHS_BLACK, va="bottom")
        if whole is None or whole == 0:
            continue
        groups = max(groups, whole)
        left = 0
        shown = {r: _count(row[r]) for r in rungs}
        for rung, colour in zip(rungs, LADDER_FILLS, strict=False):
            n = shown[rung]
            if not n:
                continue
            axes.barh(y, n, left=left, height=0.42, color=colour, edgecolor="white",
                      linewidth=1.5)
            if n / whole >= 0.09:
                axes.text(left + n / 2, y, str(n), ha="center", va="center", fontsize=TEXT,
                          color="white", fontweight="bold")
            left += n
        rest = whole - left
        if rest > 0:
            hidden_any = True
            axes.barh(y, rest, left=left, height=0.42, color="white", hatch="///",
                      edgecolor=HIDDEN_EDGE, linewidth=1.2)
        # A rung is "the most common" only when no other rung, shown or hidden, can match it.
        ranked = sorted(((n, r) for r, n in shown.items() if n), reverse=True)
        if (ranked and ranked[0][1] != "Not involved" and rest < ranked[0][0]
                and (len(ranked) == 1 or ranked[1][0] < ranked[0][0])):
            most.setdefault(ranked[0][1], []).append(level)
    axes.set_xlim(0, max(groups, 1))
    axes.set_ylim(-len(levels) + 0.45, 0.95)
    axes.set_xlabel("Number of groups", fontsize=TEXT, color=NHS_BLACK)
    _plain(axes)
    axes.xaxis.get_major_locator().set_params(integer=True, nbins=5)
    handles = [Patch(facecolor=c, label=r) for r, c in zip(rungs, LADDER_FILLS, strict=False)]
    if hidden_any:
        handles.append(Patch(facecolor="white", hatch="///", edgecolor=HIDDEN_EDGE,
                             label="Hidden (small numbers)"))
    figure.legend(handles=handles, loc="outside lower left", ncols=2, frameon=False,
                  fontsize=TEXT, handlelength=1.4, columnspacing=1.0)
    parts = [f"{rung.lower()} was the most common rung for "
             + " and ".join(f"{lv.lower()} ({_count(table.loc[lv, rung])})" for lv in lvs)
             for rung, lvs in most.items()]
    # (with counts hidden, no rung found most common says nothing of the others: not
    # "no rung held most groups", which a reader took for a fact, session 14)
    none = ("which rung was the most common cannot be said for any level" if hidden_any
            else "no one rung was the most common at any level")
    figure.alt_text = (  # type: ignore[attr-defined]
        f"Of {groups} groups, " + ("; ".join(parts) if parts else none)
        + ("; some counts are hidden because they are small." if hidden_any else "."))
    if not groups:  # every level's groups a small count, hidden: there is nothing to say
        figure.alt_text = ("How many groups answered each level is hidden because the "  # type: ignore[attr-defined]
                           "counts are small.")
    return figure
