"""Formatting one value for people: shares, counts, dates, p values, labels, lists."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from coprod_analysis.analyse.ladder import LEVEL_LABELS
from coprod_analysis.vocab import CHALLENGE_THEMES, EVALUATION_FIELDS, REVIEW_FIELDS

#: Shown where there is no value.
NONE = "\u2013"
#: Field (column) name -> its short label, from the vocabulary.
FIELD_LABELS: dict[str, str] = {f.name: f.short for f in (*EVALUATION_FIELDS, *REVIEW_FIELDS)}


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


def one_decimal(value: float) -> str:
    """A mean to one decimal place, halves rounded up.

    Examples
    --------
    >>> one_decimal(4.25), one_decimal(3.0)
    ('4.3', '3.0')
    """
    return str(Decimal(f"{float(value):.9f}").quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


__all__ = ["FIELD_LABELS", "NONE", "fmt_count", "fmt_date", "fmt_p", "fmt_share", "fmt_share_of",
           "label_of", "listing", "one_decimal", "themes_text"]
