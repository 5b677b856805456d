"""Charts of the group reviews: the ladder, the challenges, the quality checklist."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from coprod_analysis.analyse.challenges import challenge_cooccurrence, challenge_counts
from coprod_analysis.analyse.ladder import (
    LEVEL_LABELS,
    ladder_answers,
    ladder_movement,
    movement_summary,
    select_reviews,
)
from coprod_analysis.analyse.quality import quality_scores
from coprod_analysis.charts.style import (
    NHS_BLUE,
    NHS_DARK_BLUE,
    NHS_DARK_GREY,
    NHS_MID_GREY,
    NHS_ORANGE,
    NHS_PALE_GREY,
    NOT_INVOLVED_COLOUR,
    RATE_CMAP,
    RUNG_COLOURS,
    finish,
    new_figure,
    percent,
    style_axes,
    text_colour,
)
from coprod_analysis.vocab import (
    CHALLENGE_THEMES,
    LADDER_FIELD_NAMES,
    LADDER_RUNGS,
    NOT_INVOLVED,
    QUALITY_FIELD_NAMES,
    REVIEW_FIELDS,
)

#: Where each answer sits: the rungs 1-3, "not involved" below the ladder.
_HEIGHT = {**{rung: i + 1 for i, rung in enumerate(LADDER_RUNGS)}, NOT_INVOLVED: 0}
_QUALITY_SHORT = {f.name: f.short for f in REVIEW_FIELDS if f.kind == "yes_no"}


def _slots(now: pd.Series, moved: set[str], width: float = 0.7) -> dict[str, float]:
    """Each group's horizontal offset within one level of the ladder.

    Groups that stayed share their rung's slots from the left; each group that
    moved has a slot of its own on the right, the same on every rung, so that
    its first-review dot and arrow cross no other group's dot.

    Examples
    --------
    >>> now = pd.Series({"a": "descriptive", "b": "descriptive", "c": "intermediate"})
    >>> {g: round(x, 2) for g, x in _slots(now, {"c"}).items()}
    {'a': -0.35, 'b': 0.0, 'c': 0.35}
    """
    stayed = now[~now.index.isin(list(moved))]
    per_rung = stayed.groupby(stayed).groups
    movers = sorted(moved)
    slots = max((len(g) for g in per_rung.values()), default=0) + len(movers)
    grid = np.linspace(-width / 2, width / 2, slots) if slots > 1 else np.zeros(slots)
    offsets = {}
    for members in per_rung.values():
        for slot, group_id in enumerate(sorted(members)):
            offsets[group_id] = float(grid[slot])
    for slot, group_id in enumerate(movers, start=slots - len(movers)):
        offsets[group_id] = float(grid[slot])
    return offsets


def plot_ladder(reviews: pd.DataFrame) -> Figure:
    """The ladder of co-production drawn as a ladder, one per level.

    Each group is a dot on its rung at its latest review; a re-reviewed group
    also has a hollow dot at its first review, with an arrow to where it is
    now. "Not involved" sits below the ladder, apart from the rungs.

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    latest = select_reviews(reviews, "latest").set_index("group_id")
    first = select_reviews(reviews, "first").set_index("group_id")
    again = latest.index[latest["review_number"] > 1]
    figure = new_figure(11, 5.8)
    axes = figure.add_subplot()
    for column_number, column in enumerate(LADDER_FIELD_NAMES):
        x0 = column_number
        for rail in (x0 - 0.4, x0 + 0.4):
            axes.plot([rail, rail], [0.55, 3.45], color=NHS_DARK_GREY, linewidth=2.5,
                      solid_capstyle="round", zorder=1)
        for height in (1, 2, 3):
            axes.plot([x0 - 0.4, x0 + 0.4], [height, height], color=NHS_PALE_GREY,
                      linewidth=6, zorder=1)
        now = ladder_answers(latest, column).dropna()
        before = ladder_answers(first, column)
        moved = {g for g in now.index if g in again and isinstance(before.get(g), str)
                 and before[g] != now[g]}
        offsets = _slots(now, moved)
        for group_id, answer in now.items():
            x, y = x0 + offsets[group_id], _HEIGHT[answer]
            colour = NOT_INVOLVED_COLOUR if y == 0 else RUNG_COLOURS[y - 1]
            axes.scatter(x, y, s=70, color=colour, edgecolor="white", linewidth=0.8, zorder=3)
            if group_id in moved:
                y_then = _HEIGHT[before[group_id]]
                axes.scatter(x, y_then, s=60, facecolor="white", edgecolor=NHS_DARK_GREY,
                             linewidth=1, zorder=3)
                # Into or out of "not involved" is not a move on the ladder.
                style = ({"color": NHS_MID_GREY, "linestyle": ":"} if 0 in (y, y_then)
                         else {"color": NHS_ORANGE if y < y_then else NHS_DARK_BLUE})
                axes.annotate("", xy=(x, y + (0.12 if y < y_then else -0.12)),
                              xytext=(x, y_then), zorder=2,
                              arrowprops={"arrowstyle": "-|>", "linewidth": 1.3, **style})
    axes.axhline(0.5, color=NHS_MID_GREY, linewidth=0.8, linestyle=":")
    axes.set_xticks(range(len(LADDER_FIELD_NAMES)),
                    [LEVEL_LABELS[c].capitalize() for c in LADDER_FIELD_NAMES])
    axes.set_yticks([0, 1, 2, 3], ["Not involved", "Descriptive", "Intermediate",
                                   "Transformative"])
    axes.set_ylim(-0.5, 3.6)
    axes.set_xlim(-0.6, len(LADDER_FIELD_NAMES) - 0.4)
    axes.set_xlabel("Level of co-production")
    axes.set_ylabel("Rung of the ladder")
    style_axes(axes)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    figure.legend(handles=[
        Line2D([], [], marker="o", linestyle="", color=NHS_BLUE, label="latest review"),
        Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
               markeredgecolor=NHS_DARK_GREY, label="first review"),
        Line2D([], [], color=NHS_DARK_BLUE, marker=">", label="moved up"),
        Line2D([], [], color=NHS_ORANGE, marker=">", label="moved down"),
        Line2D([], [], color=NHS_MID_GREY, linestyle=":", marker=">",
               label="became (or stopped being) involved"),
    ], loc="outside lower center", ncols=5, frameon=False, fontsize=8)
    summary = movement_summary(ladder_movement(reviews))
    ups, downs = int(summary["up"].sum()), int(summary["down"].sum())
    overall = ladder_answers(latest, "ladder_overall").value_counts()
    modal = overall.idxmax() if len(overall) else "no rung"
    groups = len(latest)
    title = (f"{groups} groups on the ladder: most are {modal} overall; re-reviews moved up "
             f"{ups} times and down {downs}")
    alt = (f"Ladder chart of where {groups} patient groups sit on the descriptive, "
           f"intermediate and transformative rungs for co-design, co-decision, co-delivery, "
           f"co-evaluation and overall at their latest review, with arrows for "
           f"{len(again)} re-reviewed groups: {ups} moves up and {downs} down across levels.")
    return finish(figure, title, alt, axes=axes,
                  note=f"{groups} groups, latest review each; {len(again)} reviewed twice.")


def plot_challenges(reviews: pd.DataFrame, column: str = "challenges") -> Figure:
    """The sixteen challenge themes, ranked by the share of reviews that ticked them.

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    counts = challenge_counts(reviews, column=column)
    n = int(counts["n"].iloc[0]) if len(counts) else 0
    # "reviews that ticked / wrote about it"; "ticked / written about in 80% of reviews".
    verb, done = (("ticked", "ticked") if column == "challenges"
                  else ("wrote about", "written about"))
    figure = new_figure(9, 6)
    axes = figure.add_subplot()
    y = np.arange(len(counts))[::-1]
    bars = axes.barh(y, counts["share"] * 100, color=NHS_BLUE, height=0.7)
    for bar, count, share in zip(bars, counts["count"], counts["share"], strict=True):
        axes.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2,
                  f"{percent(share)} ({count})", va="center", fontsize=8, color=NHS_DARK_GREY)
    axes.set_yticks(y, counts["label"])
    axes.set_xlim(0, 110)
    axes.set_xticks(range(0, 101, 25), [f"{t}%" for t in range(0, 101, 25)])
    axes.set_xlabel(f"Share of reviews that {verb} the challenge")
    style_axes(axes)
    top = counts.iloc[0]
    title = (f"{top['label']} gets in the way most often: {done} in {percent(top['share'])} "
             f"of {n} reviews")
    alt = (f"Bar chart of the sixteen challenge themes ranked by how many of {n} group "
           f"reviews {verb} them, from {top['label'].lower()} ({percent(top['share'])}) "
           f"down to {counts.iloc[-1]['label'].lower()} "
           f"({percent(counts.iloc[-1]['share'])}).")
    return finish(figure, title, alt, axes=axes,
                  note=f"{n} reviews; the number in brackets is the count of reviews.")


def plot_cooccurrence(reviews: pd.DataFrame, column: str = "challenges") -> Figure:
    """How often each pair of challenges is ticked in the same review.

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    matrix = challenge_cooccurrence(reviews, column)
    labels = [CHALLENGE_THEMES[c] for c in matrix.index]
    n = len(reviews)
    figure = new_figure(10, 8.5)
    axes = figure.add_subplot()
    values = matrix.to_numpy(dtype=float)
    scale = values.max() or 1
    image = axes.imshow(values / scale, cmap=RATE_CMAP, vmin=0, vmax=1)
    for i in range(len(labels)):
        for j in range(len(labels)):
            if values[i, j]:
                axes.text(j, i, int(values[i, j]), ha="center", va="center", fontsize=7,
                          color=text_colour(RATE_CMAP(values[i, j] / scale)),
                          fontweight="bold" if i == j else "normal")
    axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
    axes.set_yticks(range(len(labels)), labels, fontsize=8)
    axes.set_xlabel("Challenge")
    axes.set_ylabel("Challenge")
    colourbar = figure.colorbar(image, ax=axes, fraction=0.03)
    colourbar.set_label("Reviews ticking both")
    colourbar.ax.set_yticks([0, 1], ["0", str(int(scale))])
    off = matrix.where(~np.eye(len(matrix), dtype=bool), 0)
    a, b = np.unravel_index(int(np.argmax(off.to_numpy())), off.shape)
    pair = (CHALLENGE_THEMES[matrix.index[a]], CHALLENGE_THEMES[matrix.columns[b]])
    both = int(off.iat[a, b])
    title = (f"Challenges that come together: {pair[0].lower()} and {pair[1].lower()} "
             f"in {both} of {n} reviews")
    alt = (f"Matrix of how many of {n} group reviews ticked each pair of the sixteen "
           f"challenge themes; the most frequent pair is {pair[0].lower()} with "
           f"{pair[1].lower()} ({both} reviews).")
    return finish(figure, title, alt, axes=axes,
                  note="The diagonal (bold) counts each challenge on its own.")


def plot_quality(reviews: pd.DataFrame) -> Figure:
    """The six quality indicators per group at its latest review, with its score.

    Returns
    -------
    Figure
        With ``alt_text``.
    """
    latest = select_reviews(reviews, "latest")
    scores = quality_scores(latest).sort_values(["score", "group"], ascending=[False, True])
    groups = scores["group"].astype(str).tolist()
    figure = new_figure(10, 1.3 + 0.38 * len(groups))
    axes = figure.add_subplot()
    for i, (_, row) in enumerate(scores.iterrows()):
        for j, name in enumerate(QUALITY_FIELD_NAMES):
            value = row[name]
            colour = (NHS_PALE_GREY if pd.isna(value) else NHS_BLUE if value else "white")
            axes.add_patch(Rectangle((j - 0.42, i - 0.38), 0.84, 0.76, facecolor=colour,
                                     edgecolor=NHS_MID_GREY, linewidth=0.8))
            mark = "?" if pd.isna(value) else "yes" if value else "no"
            axes.text(j, i, mark, ha="center", va="center", fontsize=7,
                      color="white" if (not pd.isna(value) and value) else NHS_DARK_GREY)
        axes.text(len(QUALITY_FIELD_NAMES) - 0.2, i, f"{row['score']}/6", va="center",
                  fontsize=9, fontweight="bold", color=NHS_DARK_BLUE)
    axes.set_xlim(-0.6, len(QUALITY_FIELD_NAMES) + 0.4)
    axes.set_ylim(len(groups) - 0.5, -0.5)
    axes.set_xticks(range(len(QUALITY_FIELD_NAMES)),
                    [_QUALITY_SHORT[q] for q in QUALITY_FIELD_NAMES], rotation=20, ha="right")
    axes.set_yticks(range(len(groups)), groups)
    axes.set_xlabel("Quality indicator")
    style_axes(axes)
    for side in ("left", "bottom"):
        axes.spines[side].set_visible(False)
    axes.tick_params(length=0)
    median = float(scores["score"].median()) if len(scores) else float("nan")
    best = scores.iloc[0] if len(scores) else None
    title = (f"Quality indicators met: a median of {median:g} of 6 per group; "
             f"most, {best['group']} ({best['score']} of 6)" if best is not None
             else "Quality indicators: no reviews")
    alt = (f"Grid of which of the six quality indicators each of {len(groups)} groups "
           f"says it meets at its latest review, with scores from "
           f"{scores['score'].min()} to {scores['score'].max()} of 6 (median {median:g}).")
    return finish(figure, title, alt, axes=axes,
                  note=f"{len(groups)} groups, latest review each; ? = not answered.")


__all__ = ["plot_challenges", "plot_cooccurrence", "plot_ladder", "plot_quality"]
