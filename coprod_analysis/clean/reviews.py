"""Clean group review exports and follow each group across re-reviews.

The review form's own rules, on top of :mod:`coprod_analysis.clean.pipeline`:

- a review without a group name is quarantined;
- the same group is recognised across reviews and spellings (``Oakwood PPG``,
  ``oakwood ppg ``, ``Oakwood P.P.G.``) and gets one stable ``group_id``; an
  aliases file joins renamed or merged groups;
- the review date comes from the form, or else from the submission time;
- ``review_number`` counts a group's reviews in date order (1 for its first);
- a resubmission is the same e-mail for the same group and review date (a
  re-review months later by the same person is a new review).

In the clean table each ladder level is an ordered categorical
(descriptive < intermediate < transformative); "not involved" is not a rung,
so it is kept apart, in ``ladder_<level>_not_involved``, and written back as
``not_involved`` in ``reviews.csv``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pandas as pd

from coprod_analysis.clean.pipeline import (
    SOURCE_COLUMNS,
    FileContext,
    FormSpec,
    Setaside,
    load_form,
    slug,
)
from coprod_analysis.clean.result import CleanResult
from coprod_analysis.clean.values import TEXT_DTYPE, iso_text, join_text, map_distinct
from coprod_analysis.errors import CoprodError
from coprod_analysis.read.pairs import read_pairs
from coprod_analysis.vocab import (
    EVALUATION_FIELDS,
    LADDER_FIELD_NAMES,
    NOT_INVOLVED,
    REVIEW_FIELD_NAMES,
    REVIEW_FIELDS,
)

__all__ = ["REVIEW_COLUMNS", "group_key", "load_reviews", "read_aliases", "reviews_for_csv"]

#: The clean table's columns, in order (contract sections 1 and 3).
REVIEW_COLUMNS: tuple[str, ...] = ("response_id", *REVIEW_FIELD_NAMES, *SOURCE_COLUMNS)
#: Derived columns, after any extra columns the form had.
REVIEW_DERIVED: tuple[str, ...] = (
    "group_id",
    "review_number",
    "challenges_other",
    "challenges_text_themes",
    *(f"{name}_not_involved" for name in LADDER_FIELD_NAMES),
)


def group_key(name: str) -> str:
    """The form of a group's name used to recognise it: case, spacing, dots and
    apostrophes do not matter, and ``&`` is ``and``.

    Examples
    --------
    >>> {group_key(n) for n in ("Oakwood PPG", "oakwood ppg ", "Oakwood P.P.G.")}
    {'oakwood ppg'}
    >>> group_key("St Mark's & Oakwood")
    'st marks and oakwood'
    """
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = re.sub(r"['\u2019.]", "", text).replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def read_aliases(path: str | Path) -> dict[str, str]:
    """Read an aliases file: ``alias,group`` rows joining renamed or merged groups.

    A chain (``A,B`` then ``B,C``: renamed twice) leads to its end, ``C``. A
    circle (``A,B`` then ``B,A``) or an alias given two different groups is
    refused, naming them.

    Returns
    -------
    dict
        ``group_key(alias)`` -> the group's final name as written in the file.

    Raises
    ------
    CoprodError
        If the file is missing, lacks the two columns, gives an alias two
        groups, or its aliases go round in a circle.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "aliases.csv"
    >>> _ = path.write_text("alias,group\\nOld PPG,Middle PPG\\nMiddle PPG,New PPG\\n")
    >>> read_aliases(path)["old ppg"]
    'New PPG'
    >>> _ = path.write_text("alias,group\\nA group,B group\\nB group,A group\\n")
    >>> read_aliases(path)
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: ...: the aliases go round in a circle: 'A group' ...
    """
    direct: dict[str, tuple[str, str, int]] = {}  # alias key -> (alias, group, line)
    for number, alias, group in read_pairs(path, "alias", "group", "aliases file"):
        if not alias or not group:
            raise CoprodError(f"line {number}: both an alias and a group are needed", path)
        key = group_key(alias)
        if key == group_key(group):
            continue  # a group named as itself
        if key in direct and group_key(direct[key][1]) != group_key(group):
            raise CoprodError(f"{alias!r} is given two groups: {direct[key][1]!r} (line "
                              f"{direct[key][2]}) and {group!r} (line {number})", path)
        direct.setdefault(key, (alias, group, number))
    out: dict[str, str] = {}
    for key, (_, group, _) in direct.items():
        seen, lines = [key], []
        final = group
        while (step := group_key(final)) in direct:
            if step in seen:
                names = [direct[k][0] for k in seen[seen.index(step):]] + [direct[step][0]]
                lines = sorted(direct[k][2] for k in seen[seen.index(step):])
                raise CoprodError("the aliases go round in a circle: "
                                  + " -> ".join(map(repr, names))
                                  + f" (lines {', '.join(map(str, lines))}); give each group "
                                  "one final name", path)
            seen.append(step)
            final = direct[step][1]
        out[key] = final
    for final in set(out.values()):
        out.setdefault(group_key(final), final)
    return out


def _prepare(ctx: FileContext, aliases: dict[str, str]) -> Setaside:
    """Review date (from the form, else the submission time) and the group's identity."""
    fields = ctx.fields
    if not ctx.dayfirst.get("review_date", True):
        ctx.report.notes.append("review dates were written month-first (e.g. 03/14/2018) "
                                "and read that way")
    fields["review_date"] = fields["review_date"].fillna(ctx.submitted.dt.normalize())
    keys = map_distinct(fields["group"], group_key)
    canonical = map_distinct(keys, lambda k: group_key(aliases.get(k, k)))
    fields["group_id"] = map_distinct(canonical, slug)
    fields["_group_name"] = map_distinct(keys, lambda k: aliases.get(k, ""))
    # A resubmission is the same person for the same group *and review*: a group's
    # re-review months later, by the same chair, is a new review, not a duplicate.
    fields["_review"] = join_text(fields["group_id"],
                                  iso_text(fields["review_date"], with_time=False), sep="@")
    missing = (fields["group_id"].isna() | (fields["group_id"] == "")).fillna(True)
    reasons = pd.Series(None, index=fields.index, dtype=object)
    reasons[missing.to_numpy(dtype=bool)] = "the group's name is missing"
    return reasons, pd.Series("no group name", index=fields.index, dtype=object)


def _finish(data: pd.DataFrame) -> pd.DataFrame:
    """One display name per group, and each group's reviews numbered in date order."""
    data = data.copy()
    order = data.sort_values(["review_date", "submitted_at", "_order"], na_position="last",
                             kind="stable")
    # The name from the aliases file if it has one, else the name as first seen.
    first_seen = order.groupby("group_id", sort=False)["group"].first()
    named = order.loc[order["_group_name"] != ""].groupby("group_id", sort=False)[
        "_group_name"].first()
    display = first_seen.astype(object).copy()
    display.update(named.astype(object))
    data["group"] = data["group_id"].map(display).astype(TEXT_DTYPE)
    data["review_number"] = (order.groupby("group_id", sort=False).cumcount() + 1).reindex(
        data.index).astype("int64")
    return data


def reviews_for_csv(data: pd.DataFrame) -> pd.DataFrame:
    """The clean table as ``reviews.csv`` holds it: ``not_involved`` back in each ladder
    column, and the ``_not_involved`` flags dropped.

    Examples
    --------
    >>> from coprod_analysis.vocab import LADDER_DTYPE
    >>> df = pd.DataFrame({"ladder_design": pd.Categorical(["descriptive", None, None],
    ...                                                    dtype=LADDER_DTYPE),
    ...                    "ladder_design_not_involved": [False, True, False]})
    >>> reviews_for_csv(df)["ladder_design"].tolist()
    ['descriptive', 'not_involved', <NA>]
    """
    out = data.copy()
    for name in LADDER_FIELD_NAMES:
        flag = f"{name}_not_involved"
        if name not in out or flag not in out:
            continue
        text = out[name].astype(TEXT_DTYPE)
        out[name] = text.mask(out[flag].to_numpy(dtype=bool), NOT_INVOLVED)
        out = out.drop(columns=flag)
    return out


REVIEW_FORM = FormSpec(
    name="reviews",
    noun="group reviews",
    label="a group review form",
    fields=REVIEW_FIELDS,
    columns=REVIEW_COLUMNS,
    derived=REVIEW_DERIVED,
    unit="_review",
    telling=("group", "group_type", *LADDER_FIELD_NAMES[:4], "challenges"),
    rivals=(("an evaluation form", EVALUATION_FIELDS),),
    prepare=lambda ctx: _prepare(ctx, {}),
    finish=_finish,
    to_csv=reviews_for_csv,
    themes=(("challenges_text", "challenges_text_themes", "challenges"),),
)


def load_reviews(
    paths: Iterable[str | Path] | str | Path,
    *,
    aliases: str | Path | None = None,
    mapping: str | Path | None = None,
    keep_text: bool = False,
    progress: bool = False,
    themes: bool = True,
) -> CleanResult:
    """Read and clean group review exports from any supported platform.

    Parameters
    ----------
    paths:
        Export files and/or folders of exports (CSV or XLSX).
    aliases:
        Optional aliases file (``alias,group``) joining renamed or merged groups.
    mapping:
        Optional mapping file (``column,field``) overriding the automatic
        matching of columns to questions.
    keep_text:
        Keep free text as written; by default identifiers in it are redacted.
    progress:
        Show a progress bar while reading.
    themes:
        Infer ``challenges_text_themes`` from the challenges text with the
        bundled challenge classifier (``False`` leaves the column empty).

    Returns
    -------
    CleanResult
        ``.data`` (one row per kept review, with ``group_id`` and
        ``review_number``), ``.quarantine``, ``.problems`` and ``.summary``.

    Raises
    ------
    CoprodError
        For a missing, unreadable or unrelated file, or a bad mapping or
        aliases file.
    """
    known = read_aliases(aliases) if aliases else {}
    form = replace(REVIEW_FORM, prepare=lambda ctx: _prepare(ctx, known),
                   options={"aliases": Path(aliases).name if aliases else None})
    return load_form(paths, form, mapping=mapping, keep_text=keep_text, progress=progress,
                     themes=themes)
