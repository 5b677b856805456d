"""The officer corrects, the model learns: review sheets and corrections files.

``coprod themes review`` writes the comments with the themes the model
inferred and how sure it was, least sure first, with a ``correct_themes``
column for the officer's own coding and a ``checked`` column to mark the
rows they have read. The same sheet, edited, is a *corrections file*:
``coprod themes train ... --add corrections.csv`` learns from its checked or
corrected rows as ordinary labelled examples, and ``coprod themes evaluate
... --add corrections.csv`` shows what they changed.

Corrections are data, like the labelled examples: keep them beside the
codebook, never inside the package.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from coprod_analysis.errors import CoprodError
from coprod_analysis.themes.codebook import Codebook
from coprod_analysis.themes.linear import NONE_CODE

#: The columns of a review sheet, in order.
COLUMNS = ("row", "text", "themes", "confidence", "correct_themes", "checked")
#: What marks a row as checked (any case); anything else, or nothing, is unchecked.
CHECKED = frozenset({"x", "y", "yes", "true", "1", "checked", "done", "ok", "✓", "✔"})
#: Written in ``correct_themes`` to say a comment carries no theme.
NO_THEME = "-"


def confidence(scores: np.ndarray, thresholds: np.ndarray, single_label: bool) -> np.ndarray:
    """How far each comment's themes are from being decided otherwise, from 0 to 1.

    Single-label: the gap between the top two themes' scores on the 0-1 scale
    (0: a tie). Otherwise, for the theme nearest its threshold, how far its
    score is from the threshold as a share of the way to 0 or 1 (0: on the
    threshold).

    Examples
    --------
    A score of 0 is 0.5 on the 0-1 scale; with threshold 0.5 it is undecided.

    >>> confidence(np.array([[0.0, -9.0]]), np.array([0.5, 0.5]), False).round(2).tolist()
    [0.0]
    >>> confidence(np.array([[0.0, 0.0]]), np.array([0.5, 0.5]), True).round(2).tolist()
    [0.0]
    """
    proba = 1.0 / (1.0 + np.exp(-np.asarray(scores, dtype=float)))
    if not proba.shape[1]:
        return np.ones(len(proba))
    if single_label:
        if proba.shape[1] == 1:
            return np.ones(len(proba))
        top = np.sort(proba, axis=1)
        return top[:, -1] - top[:, -2]
    room = np.where(proba >= thresholds, 1.0 - thresholds, thresholds)
    return (np.abs(proba - thresholds) / room).min(axis=1)


def review_table(texts, model, codebook: Codebook) -> pd.DataFrame:
    """The review sheet for ``texts``: least confident first.

    Comments without words to code (blank, "N/A", "nothing") are left out.
    ``row`` is the comment's row in the input (1 = the first under the header).
    """
    from coprod_analysis.themes import says_nothing

    values = ["" if t is None or (isinstance(t, float) and t != t) else str(t) for t in texts]
    keep = [i for i, t in enumerate(values) if t.strip() and not says_nothing(t)]
    chosen = [values[i] for i in keep]
    scores = model.decision_function(chosen) if chosen else np.zeros((0, len(codebook.codes)))
    predicted = model.predict(chosen) if chosen else np.zeros((0, len(codebook.codes)), int)
    sure = confidence(scores, model.thresholds_, bool(model.single_label_))
    table = pd.DataFrame({
        "row": np.array(keep, dtype="int64") + 1,
        "text": chosen,
        "themes": [theme_text(row, codebook) for row in predicted],
        "confidence": np.round(sure, 3),
        "correct_themes": "",
        "checked": "",
    }, columns=list(COLUMNS))
    return table.sort_values(["confidence", "row"], kind="stable").reset_index(drop=True)


def theme_text(row, codebook: Codebook) -> str:
    """0/1 per theme -> ``;``-joined codes ("" for none; a ``none`` code means none).

    Examples
    --------
    >>> theme_text([0, 1, 1], Codebook(("a", "b", "none"), ("A", "B", "None"), ("", "", "")))
    'b'
    """
    return ";".join(c for c, hit in zip(codebook.codes, row, strict=True)
                    if hit and c != NONE_CODE)


def _cell(value) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    text = text.strip()
    # A sheet written by coprod prefixes text a spreadsheet would run with "'".
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def read_corrections(path, codebook: Codebook, single_label: bool = False
                     ) -> tuple[list[str], list[list[str]]]:
    """The corrected or checked rows of a review sheet, as labelled examples.

    A row counts when ``checked`` is marked (x, yes, ✓ ...) or ``correct_themes``
    is filled in. Its themes are ``correct_themes`` (``-`` for no theme), or,
    when that is empty, the inferred ``themes`` (the officer agrees with them).

    Raises
    ------
    CoprodError
        One line naming the file and the problem: a missing column, a code not in
        the codebook, an empty text, no theme or two where the codebook is
        single-label, or no row checked or corrected at all.
    """
    from coprod_analysis.read import read_grid

    grid = read_grid(path)
    if grid.malformed:
        raise CoprodError(f"row {grid.malformed[0][0]} has the wrong number of values", path)
    if not len(grid.records):
        raise CoprodError("a corrections file needs a header row "
                          f"({', '.join(COLUMNS[1:])})", path)
    header = [str(c).strip().lower() for c in grid.records.iloc[0].tolist()]
    missing = [c for c in ("text", "themes", "correct_themes", "checked") if c not in header]
    if missing:
        raise CoprodError(f"a corrections file needs the columns text, themes, correct_themes "
                          f"and checked (as 'coprod themes review' writes them); "
                          f"{', '.join(missing)} missing", path)
    where = {name: header.index(name) for name in ("text", "themes", "correct_themes", "checked")}
    has_none = NONE_CODE in codebook.codes
    texts, labels = [], []
    for number, values in enumerate(grid.records.iloc[1:].itertuples(index=False), start=2):
        cell = {name: _cell(values[i]) if i < len(values) else "" for name, i in where.items()}
        if not cell["correct_themes"] and cell["checked"].lower() not in CHECKED:
            continue
        given = cell["correct_themes"] or cell["themes"] or NO_THEME
        codes = [] if given == NO_THEME else [c.strip() for c in re.split(r"[;,]", given)
                                              if c.strip()]
        unknown = [c for c in codes if c not in codebook.codes]
        if unknown:
            raise CoprodError(f"row {number}: {unknown[0]!r} is not in the codebook "
                              f"(codes: {', '.join(codebook.codes)}; '{NO_THEME}' for none)",
                              path)
        if not cell["text"]:
            raise CoprodError(f"row {number}: the text is empty", path)
        if single_label and len(set(codes)) != 1:
            hint = f" (use '{NONE_CODE}' for none)" if has_none else ""
            raise CoprodError(f"row {number}: this codebook is single-label (every labelled "
                              f"example has one theme), so give exactly one theme{hint}", path)
        texts.append(cell["text"])
        labels.append([c for c in codebook.codes if c in codes])
    if not texts:
        raise CoprodError("no row is checked or corrected (mark 'checked' with x, or fill in "
                          "'correct_themes')", path)
    return texts, labels


def with_corrections(texts: list[str], labels: list[list[str]], extra_texts: list[str],
                     extra_labels: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Labelled examples with corrections added; a corrected comment that is also an
    example replaces it (the later correction of the same comment wins).

    Examples
    --------
    >>> with_corrections(["a", "b"], [["x"], ["y"]], ["b", "c"], [["x"], []])
    (['a', 'b', 'c'], [['x'], ['x'], []])
    """
    latest = dict(zip(extra_texts, extra_labels, strict=True))
    kept = [(t, lab) for t, lab in zip(texts, labels, strict=True) if t not in latest]
    return [t for t, _ in kept] + list(latest), [lab for _, lab in kept] + list(latest.values())
