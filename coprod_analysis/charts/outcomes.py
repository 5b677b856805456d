"""Charts of how far participants achieved the session outcomes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from coprod_analysis.analyse.outcomes import (
    OUTCOME_LABELS,
    agreement_by_session,
    agreement_rates,
    likert_distribution,
)
from coprod_analysis.charts.style import (
    LIKERT_COLOURS,
    NHS_BLUE,
    NHS_DARK_BLUE,
    NHS_DARK_GREY,
    NHS_LIGHT_BLUE,
    NHS_ORANGE,
    RATE_CMAP,
    finish,
    new_figure,
    percent,
    style_axes,
    text_colour,
)
from coprod_analysis.vocab import LIKERT_LABELS, OUTCOME_NAMES


def _session_label(row) -> str:
    venue = row["venue"] if isinstance(row["venue"], str) else "venue not given"
    return f"{row['session_date']:%d %b %Y}, {venue}"


def plot_likert(evaluations: pd.DataFrame) -> Figure:
    """Diverging stacked bars of the answers to the eight outcomes.

    Disagreeing answers extend left of zero and agreeing answers right, with
    "Neither" split across the middle; each bar is labelled with its base.

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    dist = likert_distribution(evaluations)
    shares = dist.pivot(index="outcome", columns="score", values="share").reindex(
        list(OUTCOME_NAMES)).fillna(0)
    bases = dist.groupby("outcome")["n"].first().reindex(list(OUTCOME_NAMES)).fillna(0)
    figure = new_figure(10, 5.2)
    axes = figure.add_subplot()
    y = np.arange(len(OUTCOME_NAMES))[::-1]
    left = -(shares[1] + shares[2] + shares[3] / 2).to_numpy()
    for score, colour in zip(range(1, 6), LIKERT_COLOURS, strict=True):
        width = shares[score].to_numpy()
        axes.barh(y, width * 100, left=left * 100, color=colour, edgecolor="white",
                  height=0.7, label=LIKERT_LABELS[score - 1])

        left = left + width
    axes.axvline(0, color=NHS_DARK_GREY, linewidth=0.8)
    axes.set_yticks(y, [OUTCOME_LABELS[o] for o in OUTCOME_NAMES])
    axes.set_xlim(-100, 100)
    axes.set_xticks(range(-100, 101, 25), [f"{abs(t)}%" for t in range(-100, 101, 25)])
    axes.set_xlabel("Share of respondents (disagreeing to the left, agreeing to the right)")
    for yy, n in zip(y, bases, strict=True):
        axes.text(101, yy, f"n={int(n)}", va="center", fontsize=8, color=NHS_DARK_GREY)
    figure.legend(ncols=5, loc="outside lower center", frameon=False, fontsize=8)
    style_axes(axes)
    rates = agreement_rates(evaluations).set_index("outcome")["rate"]
    best, worst = rates.idxmax(), rates.idxmin()
    n = len(evaluations)
    title = (f"{OUTCOME_LABELS[best]}: {percent(rates[best])} agreed; "
             f"{OUTCOME_LABELS[worst].lower()}: {percent(rates[worst])}")
    alt = (f"Diverging bars of how far {n} respondents agreed with each of the eight "
           f"session outcomes, from {OUTCOME_LABELS[best].lower()} "
           f"({percent(rates[best])} agreeing) to {OUTCOME_LABELS[worst].lower()} "
           f"({percent(rates[worst])}).")
    return finish(figure, title, alt, axes=axes,
                  note=f"{n} responses; n = respondents who answered each outcome.")


def plot_agreement(rates: pd.DataFrame) -> Figure:
    """The share agreeing with each outcome, with its 95% interval, best first.

    Drawn from exactly the rows given (for a published report: only the
    outcomes whose share may be shown), so the chart says no more than the
    table beside it.

    Parameters
    ----------
    rates:
        Rows of :func:`~coprod_analysis.analyse.outcomes.agreement_rates`.

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    rows = rates.sort_values(["rate", "outcome"], ascending=[True, True])
    figure = new_figure(10, 1.2 + 0.45 * max(len(rows), 1))
    axes = figure.add_subplot()
    y = np.arange(len(rows))
    # NHS blue bars (5.8:1 on white) and dark blue dots ringed in white: every mark at
    # least 3:1 against the background (WCAG 1.4.11); the light blue is 2.3:1.
    axes.hlines(y, rows["low"] * 100, rows["high"] * 100, color=NHS_BLUE, linewidth=6,
                label="95% interval")
    axes.plot(rows["rate"] * 100, y, "o", color=NHS_DARK_BLUE, markersize=8,
              markeredgecolor="white", markeredgewidth=1.2, label="agreed")
    for yy, rate in zip(y, rows["rate"], strict=True):
        axes.text(rate * 100, yy + 0.28, percent(rate), ha="center", va="bottom", fontsize=8,
                  color=NHS_DARK_BLUE)
    axes.set_yticks(y, rows["label"].tolist())
    axes.set_ylim(-0.6, len(rows) - 0.2)
    axes.set_xlim(0, 100)
    axes.set_xticks(range(0, 101, 25), [f"{t}%" for t in range(0, 101, 25)])
    axes.set_xlabel("Share agreeing or strongly agreeing, with its 95% interval")
    axes.legend(loc="lower right", frameon=False, fontsize=8)
    style_axes(axes)
    best, worst = rows.iloc[-1], rows.iloc[0]
    low_n, high_n = int(rows["n"].min()), int(rows["n"].max())
    answered = f"{low_n}" if low_n == high_n else f"{low_n} to {high_n}"
    title = (f"{best['label']}: {percent(best['rate'])} agreed; "
             f"{worst['label'].lower()}: {percent(worst['rate'])}")
    alt = (f"Dots with 95% intervals of the share agreeing with {len(rows)} session "
           f"outcomes, from {best['label'].lower()} ({percent(best['rate'])}) to "
           f"{worst['label'].lower()} ({percent(worst['rate'])}); {answered} people answered "
           "each.")
    return finish(figure, title, alt, axes=axes,
                  note=f"{answered} people answered each outcome; a wide interval means "
                       "fewer answers or a more divided view.")


def plot_session_heatmap(evaluations: pd.DataFrame) -> Figure:
    """Sessions (rows, in date order) by outcomes (columns): the share agreeing, with n.

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    rates = agreement_by_session(evaluations)
    sessions = rates[["session_id", "session_date", "venue"]].drop_duplicates("session_id")
    grid = rates.pivot(index="session_id", columns="outcome", values="rate").reindex(
        index=sessions["session_id"], columns=list(OUTCOME_NAMES))
    bases = rates.pivot(index="session_id", columns="outcome", values="n").reindex(
        index=sessions["session_id"], columns=list(OUTCOME_NAMES))
    figure = new_figure(11, 1.2 + 0.42 * len(sessions))
    axes = figure.add_subplot()
    image = axes.imshow(grid.to_numpy(dtype=float), cmap=RATE_CMAP, vmin=0, vmax=1,
                        aspect="auto")
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            value, n = grid.iat[i, j], bases.iat[i, j]
            if pd.isna(value):
                continue
            axes.text(j, i, f"{percent(value)}\nn={int(n)}", ha="center", va="center",
                      fontsize=7, color=text_colour(RATE_CMAP(value)))
    axes.set_xticks(range(len(OUTCOME_NAMES)),
                    [OUTCOME_LABELS[o] for o in OUTCOME_NAMES], rotation=30, ha="right")
    axes.set_yticks(range(len(sessions)),
                    [_session_label(r) for _, r in sessions.iterrows()])
    axes.set_xlabel("Session outcome")
    axes.set_ylabel("Session")
    colourbar = figure.colorbar(image, ax=axes, fraction=0.03)
    colourbar.set_label("Agreed or strongly agreed")
    colourbar.ax.set_yticks([0, 0.5, 1], ["0%", "50%", "100%"])
    mean = grid.mean(axis=1)
    best, worst = mean.idxmax(), mean.idxmin()
    label = {r["session_id"]: _session_label(r) for _, r in sessions.iterrows()}
    day = {r["session_id"]: f"{r['session_date']:%d %b %Y}" for _, r in sessions.iterrows()}
    title = (f"Agreement by session: best on {day[best]} ({percent(mean[best])} on average), "
             f"lowest on {day[worst]} ({percent(mean[worst])})")
    alt = (f"Heat map of the share agreeing with each of the eight outcomes in each of "
           f"{len(sessions)} sessions; the average ranges from {percent(mean[worst])} "
           f"({label[worst]}) to {percent(mean[best])} ({label[best]}).")
    return finish(figure, title, alt, axes=axes,
                  note="Each cell: share of the session's respondents who agreed, and how "
                       "many answered.")


def plot_agreement_trend(evaluations: pd.DataFrame, target: float = 0.8) -> Figure:
    """Agreement with each outcome across sessions in date order, with 95% intervals.

    One small panel per outcome; the dashed line is the target (default 80%).

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    rates = agreement_by_session(evaluations)
    dates = sorted(rates["session_date"].unique())
    position = {d: i for i, d in enumerate(dates)}
    figure = new_figure(12, 5.6)
    panels = figure.subplots(2, 4, sharex=True, sharey=True)
    reached = 0
    for axes, outcome in zip(panels.flat, OUTCOME_NAMES, strict=True):
        rows = rates[rates["outcome"] == outcome]
        x = rows["session_date"].map(position).to_numpy()
        axes.fill_between(x, rows["low"] * 100, rows["high"] * 100, color=NHS_LIGHT_BLUE,
                          alpha=0.35, linewidth=0)
        axes.plot(x, rows["rate"] * 100, color=NHS_BLUE, marker="o", markersize=3,
                  linewidth=1.5)
        axes.axhline(target * 100, color=NHS_ORANGE, linestyle="--", linewidth=1)
        axes.set_title(OUTCOME_LABELS[outcome], fontsize=9, fontweight="normal", loc="left")
        axes.set_ylim(0, 100)
        style_axes(axes)
        if len(rows) and rows["rate"].iloc[-1] >= target:
            reached += 1
    for axes in panels[:, 0]:
        axes.set_ylabel("Agreeing (%)")
    ticks = list(range(0, len(dates), max(1, len(dates) // 6)))
    for axes in panels[1]:
        axes.set_xticks(ticks, [f"{pd.Timestamp(dates[i]):%b %y}" for i in ticks],
                        rotation=45, ha="right")
    panels.flat[0].legend(
        handles=[Line2D([], [], color=NHS_BLUE, marker="o", label="share agreeing"),
                 Patch(color=NHS_LIGHT_BLUE, alpha=0.35, label="95% interval"),
                 Line2D([], [], color=NHS_ORANGE, linestyle="--",
                        label=f"target {percent(target)}")],
        loc="lower right", frameon=True, framealpha=0.9, fontsize=7)
    n_low, n_high = int(rates["n"].min()), int(rates["n"].max())
    title = (f"Agreement across {len(dates)} sessions: {reached} of 8 outcomes met the "
             f"{percent(target)} target at the latest session")
    alt = (f"Eight small line charts, one per outcome, of the share agreeing at each of "
           f"{len(dates)} sessions in date order with 95% intervals and a target line at "
           f"{percent(target)}; {reached} of the eight met the target at the latest session.")
    return finish(figure, title, alt, note=f"Sessions in date order. Each point is one "
                                           f"session, n = {n_low} to {n_high} respondents; "
                                           "a wide band means few respondents.")


__all__ = ["plot_agreement", "plot_agreement_trend", "plot_likert", "plot_session_heatmap"]
