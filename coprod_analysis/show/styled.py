"""A pandas Styler for people: no index, a caption, greyed rows or columns; any table."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd
from pandas.io.formats.style import Styler

from coprod_analysis.show.format import NONE, _missing, fmt_count, fmt_date, label_of, themes_text
from coprod_analysis.show.notes import Notes

#: The colour of results on too small a base (NHS mid grey).
GREY = "color: #768692"
#: Columns of ``;``-joined challenge codes, shown as their labels.
THEME_COLUMNS = ("challenges", "challenges_text_themes")

_TABLE_CSS = [
    {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
    {"selector": "td", "props": "text-align: left;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold;"
                                     " padding-bottom: 0.4em;"},
]


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


__all__ = ["GREY", "THEME_COLUMNS", "table"]
