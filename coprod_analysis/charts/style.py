"""The look every chart shares: NHS identity colours, readable type, a text alternative.

Charts are built on :class:`matplotlib.figure.Figure` directly (no pyplot
state), so they are safe to make many of in a notebook or a script. Every
chart function returns a Figure with an ``alt_text`` attribute: one sentence
that says what the chart shows, for screen readers and reports.
"""

from __future__ import annotations

import textwrap

from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

# NHS identity colours (NHS England, "NHS identity guidelines: colours").
NHS_DARK_BLUE = "#003087"
NHS_BLUE = "#005EB8"
NHS_BRIGHT_BLUE = "#0072CE"
NHS_LIGHT_BLUE = "#41B6E6"
NHS_DARK_GREY = "#425563"
NHS_MID_GREY = "#768692"
NHS_PALE_GREY = "#E8EDEE"
NHS_WARM_YELLOW = "#FFB81C"
NHS_ORANGE = "#ED8B00"
NHS_DARK_PINK = "#7C2855"
NHS_BLACK = "#231F20"

#: Strongly disagree -> Strongly agree: orange to blue, a diverging pair that
#: people with red-green colour blindness tell apart, grey in the middle.
LIKERT_COLOURS = (NHS_ORANGE, NHS_WARM_YELLOW, "#AEB7BD", NHS_LIGHT_BLUE, NHS_BLUE)
#: Descriptive, intermediate, transformative; and "not involved".
RUNG_COLOURS = (NHS_LIGHT_BLUE, NHS_BLUE, NHS_DARK_BLUE)
NOT_INVOLVED_COLOUR = NHS_MID_GREY
#: Pale grey to NHS dark blue, for rates from 0 to 100%.
RATE_CMAP = LinearSegmentedColormap.from_list("nhs_rates",
                                              [NHS_PALE_GREY, NHS_LIGHT_BLUE, NHS_BLUE,
                                               NHS_DARK_BLUE])

_RC = {
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.edgecolor": NHS_DARK_GREY,
    "axes.labelcolor": NHS_BLACK,
    "xtick.color": NHS_DARK_GREY,
    "ytick.color": NHS_DARK_GREY,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
}


def new_figure(width: float = 9.0, height: float = 5.0) -> Figure:
    """A new figure in the house style (not registered with pyplot)."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(width, height), layout="constrained")
    figure.set_facecolor("white")
    return figure


def style_axes(axes) -> None:
    """House style on an axes: no top/right spines, dark grey ticks."""
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(colors=NHS_DARK_GREY, labelsize=9)


def finish(figure: Figure, title: str, alt_text: str, note: str | None = None,
           axes=None) -> Figure:
    """Give a figure its title (the finding), a note on its base, and its text alternative.

    The note goes under the title of ``axes`` when given (a one-panel chart),
    else at the foot of the figure.
    """
    width = int(figure.get_figwidth() * 10.5)  # characters of 12-point bold per line
    figure.suptitle(textwrap.fill(title, width), fontsize=12, fontweight="bold",
                    color=NHS_BLACK, x=0.01, ha="left")
    if note and axes is not None:
        axes.set_title(note, loc="left", fontsize=8, fontweight="normal",
                       color=NHS_DARK_GREY)
    elif note:
        figure.supxlabel(note, x=0.01, ha="left", fontsize=8, color=NHS_DARK_GREY)
    figure.alt_text = alt_text  # type: ignore[attr-defined]
    return figure


def text_colour(background: tuple[float, float, float, float]) -> str:
    """Black or white, whichever reads better on a background colour (WCAG luminance)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in background[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "white" if luminance < 0.4 else NHS_BLACK


def percent(value: float) -> str:
    """``0.834`` -> ``'83%'``, rounded half up as the report's tables are."""
    from coprod_analysis.publish.disclosure import percent as published_percent

    return published_percent(value)
