"""One slice of :func:`coprod_analysis.analyse.explore`, laid out as a page."""

from __future__ import annotations

from coprod_analysis.show.format import fmt_count, label_of
from coprod_analysis.show.notes import Code, Notes, Page
from coprod_analysis.show.tables import _groups, agreement_table, ladder_table, themes_table


def _many(k: int, thing: str) -> str:
    return f"{fmt_count(k)} {thing}{'' if k == 1 else 's'}"


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
            f"{_many(part.respondents, 'evaluation form')}; "  # type: ignore[attr-defined]
            f"{_many(part.reviews, 'group review')} from "  # type: ignore[attr-defined]
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


__all__ = ["slice_page"]
