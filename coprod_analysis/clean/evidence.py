"""Does a file's content, not just its headers, say it is this form's export?

Two headers sharing a word with the form ("Rank these community *benefits*")
are not enough: the columns matched to the form's questions must hold
answers of the kind those questions get. Each matched column whose answers
can be judged gets a share of right-kind answers:

- agreement questions (``likert``): answers on the agree-disagree scale;
  bare numbers 1-5 count only where the header says it is a scale (it
  mentions agreeing, a rating, a score or a scale) or where the file's other
  agreement columns answer in the scale's words (a paper form typed with
  ``4`` for Agree); numbers above 5 never count;
- ``overall``: a rating (words, a satisfaction answer, a number where the
  header says rating, or a number from 0 to 10 in a column out of 10);
- dates: dates; single choices, ladder rungs, yes/no: one of the answers;
- free text and plain text are not judged (anything can be typed there).

An agreement column matched only by a word or two inside a long question
(fewer than a third of the question's words are the form's) is incidental:
it counts as holding no right-kind answers.

The **score** is the mean share over the judged columns (0 to 1). A file is
refused with ``does not look like ... export`` when its score is below
:data:`MIN_SCORE`, or when none of the form's telling questions (outcomes,
overall rating for evaluations; group, ladder for reviews) has mostly
right-kind answers. A file with no answers at all is judged on its headers
alone, and a table ``coprod clean`` wrote is not scored. Nor is a file whose
headers alone already say it is the form: at least half of the form's
questions, and at least half of its telling ones, matched by their own wording
(not by an incidental word); there odd answers are the respondents' (each one
that cannot be read is listed in ``problems.csv``), not a sign of another
survey. A column the officer mapped in a mapping file counts as the form's
whatever it holds. Otherwise a file's first
:data:`SAMPLE_ROWS` rows are judged (its columns are the
contract's). The score and its parts are in ``summary.json`` and in ``-v`` output.
"""

from __future__ import annotations

import logging
import re

import pandas as pd

from coprod_analysis.clean import values
from coprod_analysis.clean.dates import decide_order
from coprod_analysis.errors import NotThisForm
from coprod_analysis.mapping import header_candidates, normalise_header
from coprod_analysis.read import layouts
from coprod_analysis.read.platforms import CLEANED
from coprod_analysis.vocab import LIKERT_SYNONYMS, Field

logger = logging.getLogger(__name__)

#: The lowest score of a file accepted as an export of the form.
MIN_SCORE = 0.5
#: The share of right-kind answers a telling question needs.
MIN_TELLING = 0.5
#: Answers are judged on a file's first rows (enough to tell, quick for a million).
SAMPLE_ROWS = 5000

_SAYS_SCALE = re.compile(r"\bagree|\bdisagree|\brat(e|ed|ing)\b|\bscore|\bscale\b|\b1 ?(-|to) ?5\b"
                         r"|\bstrongly\b|\bout of (5|five)\b|\bsatisf")
_STOP = frozenset("a an the of to in on for and or be is are you your i me my we our this that "
                  "these those it at by with from how what do does did can could would will "
                  "please about as all any so".split())


def _words(text: str) -> set[str]:
    return {w for w in normalise_header(text).split() if w not in _STOP and not w.isdigit()}


def incidental(header: str, f: Field) -> bool:
    """Whether a header matched a field only by a word or two in a long question.

    Examples
    --------
    >>> from coprod_analysis.vocab import EVALUATION_FIELDS as F
    >>> benefits = next(f for f in F if f.name == "outcome_benefits")
    >>> incidental("Rank these community benefits in order of importance to you "
    ...            "(1 = most important, 8 = least) [Green spaces]", benefits)
    True
    >>> incidental("How far do you agree? [I can outline the benefits of co-production]",
    ...            benefits)
    False
    >>> incidental("Outline benefits", benefits)
    False
    """
    form_words = _words(f.question) | _words(f.short)
    best = 0.0
    for candidate in header_candidates(header):
        if not any(re.search(p, candidate) for p in f.patterns):
            continue
        words = _words(candidate)
        if len(words) <= 4:
            return False
        best = max(best, len(words & form_words) / len(words))
    return best < 1 / 3


def _parser(f: Field, header: str, column: pd.Series, platform: str, scale_context: bool):
    """The reader that says whether one answer is of the right kind for a field."""
    scale = scale_context or bool(_SAYS_SCALE.search(normalise_header(header)))
    if f.kind == "likert":
        def likert(text: str) -> values.Parsed:
            if re.fullmatch(r"\s*\d+(\.0+)?\s*", text) and not scale:
                return None, "a number under a header that does not say it is a scale"
            return values.parse_score(text, LIKERT_SYNONYMS, "not an agreement answer")
        return likert
    if f.kind == "overall":
        if values.out_of_ten(column, header):
            return values.parse_out_of_ten
        def overall(text: str) -> values.Parsed:
            if re.fullmatch(r"\s*\d+(\.0+)?\s*", text) and not scale:
                return None, "a number under a header that does not say it is a rating"
            return values.parse_overall(text)
        return overall
    if f.kind == "date":
        dayfirst = decide_order(column, platform, header, platform_column=False).dayfirst
        return lambda text: values.parse_date(text, dayfirst)
    if f.kind == "choice" and f.choices is not None:
        return lambda text: values.parse_choice(text, f.choices)
    if f.kind == "ladder":
        return values.parse_ladder
    if f.kind == "yes_no":
        return values.parse_yes_no
    return None


def column_share(column: pd.Series, f: Field, header: str, platform: str = "manual",
                 scale_context: bool = False) -> tuple[float, int] | None:
    """The share of a column's answers that are of the right kind, and how many were judged.

    ``None`` where the field's answers are not judged or the column holds none.

    Examples
    --------
    >>> from coprod_analysis.vocab import EVALUATION_FIELDS as F
    >>> role = next(f for f in F if f.name == "outcome_role")
    >>> column_share(pd.Series(["Agree", "5", "", "Sometimes"]), role, "How far do you agree?")
    (0.6666666666666666, 3)
    >>> column_share(pd.Series(["3", "1", "8"]), role, "Role of champion")
    (0.0, 3)
    """
    column = column.iloc[:SAMPLE_ROWS]
    parse = _parser(f, header, column, platform, scale_context)
    if parse is None:
        return None
    counts: dict[str, int] = {}
    for raw, count in column.value_counts(dropna=True).items():  # per distinct answer
        text = str(raw).strip()
        counts[text] = counts.get(text, 0) + int(count)
    good = judged = 0
    for text, count in counts.items():
        if values.is_missing(text) or not text:
            continue
        value, problem = parse(text)
        if value is None and problem is None:
            continue  # an answer meaning "no answer"
        judged += int(count)
        good += int(count) if problem is None else 0
    if not judged:
        return None
    return good / judged, judged


def _agreement_words_anywhere(form, export, colmap) -> bool:
    """Whether any agreement column of the file holds an agreement answer in words.

    Then the file's bare numbers 1-5 in agreement columns are the same scale typed
    short (a paper form typed with ``4`` for Agree), not rankings or counts.
    """
    for name, header in colmap.fields.items():
        f = next((f for f in form.fields if f.name == name), None)
        if f is None or f.kind != "likert" or incidental(header, f):
            continue
        for text in pd.unique(export.cells[header].iloc[:SAMPLE_ROWS].dropna()):
            key = values.normalise_answer(str(text))
            if key in LIKERT_SYNONYMS and key != "neither":
                return True
    return False


def _note_numeric_download(form, export, colmap) -> None:
    """Say how a Qualtrics "numeric values" download's agreement numbers were read."""
    if export.platform != "qualtrics":
        return
    likert = [h for n, h in colmap.fields.items()
              if any(f.name == n and f.kind == "likert" for f in form.fields)]
    answered = [str(v).strip() for h in likert
                for v in pd.unique(export.cells[h].iloc[:SAMPLE_ROWS].dropna())
                if str(v).strip()]
    if answered and all(re.fullmatch(r"[1-5]", v) for v in answered):
        export.scale_notes.append(
            "a Qualtrics \"numeric values\" download: agreement answers were read as 1 = "
            "Strongly disagree ... 5 = Strongly agree, the order the form lists them; if your "
            "survey listed them the other way round, download \"choice text\" instead "
            "(choice questions' numbers cannot be read at all)")


def score_export(form, export, colmap) -> dict:
    """Score how strongly a file's answers say it is an export of ``form``.

    Parameters
    ----------
    form:
        The :class:`~coprod_analysis.clean.pipeline.FormSpec`.
    export:
        The :class:`~coprod_analysis.read.platforms.RawExport`.
    colmap:
        Its :class:`~coprod_analysis.mapping.ColumnMap`.

    Returns
    -------
    dict
        ``score`` (0-1, or ``None`` when no answer could be judged),
        ``columns`` (field -> share of right-kind answers), ``incidental``
        (fields matched only by an incidental word), ``telling`` (the best
        share among the telling questions) and ``accepted``.
    """
    fields = {f.name: f for f in form.fields}
    context = _agreement_words_anywhere(form, export, colmap)
    shares: dict[str, float] = {}
    weak: list[str] = []
    for name, header in colmap.fields.items():
        f = fields.get(name)
        if f is None:
            continue
        if f.kind == "likert" and incidental(header, f):
            weak.append(name)
            shares[name] = 0.0
            continue
        share = column_share(export.cells[header], f, header, export.platform, context)
        if share is not None:
            shares[name] = share[0]
    _note_numeric_download(form, export, colmap)
    if not shares:
        return {"score": None, "columns": {}, "incidental": weak, "telling": None,
                "accepted": True, "by_headers": False}
    score = sum(shares.values()) / len(shares)
    telling = max((shares[n] for n in form.telling if n in shares), default=0.0)
    by_headers = headers_say_form(form, colmap, weak)
    accepted = by_headers or (score >= MIN_SCORE and telling >= MIN_TELLING)
    return {"score": round(score, 3), "columns": {k: round(v, 3) for k, v in shares.items()},
            "incidental": weak, "telling": round(telling, 3), "accepted": accepted,
            "by_headers": by_headers}


def headers_say_form(form, colmap, incidental_fields: list[str]) -> bool:
    """Whether a file's headers alone say it is the form (see the module docstring).

    At least half of the form's fields, and at least half of its telling fields,
    matched other than by an incidental word, or any field mapped by the officer's
    mapping file.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> form = SimpleNamespace(field_names=("a", "b", "c", "d"), telling=("a", "b"))
    >>> colmap = SimpleNamespace(fields={"a": "A", "c": "C"}, overridden=set())
    >>> headers_say_form(form, colmap, [])
    True
    >>> headers_say_form(form, colmap, ["a"])
    False
    >>> headers_say_form(form, SimpleNamespace(fields={"c": "C"}, overridden={"c"}), [])
    True
    """
    if getattr(colmap, "overridden", set()) & set(colmap.fields):
        return True
    own = [name for name in colmap.fields
           if name in form.field_names and name not in incidental_fields]
    telling = [name for name in own if name in form.telling]
    return 2 * len(own) >= len(form.field_names) and 2 * len(telling) >= len(form.telling)


def check_evidence(form, export, colmap) -> dict:
    """Refuse a file whose answers are not this form's (see the module docstring).

    Raises
    ------
    NotThisForm
        With ``does not look like <form> export`` and the score.
    """
    if export.platform == CLEANED:  # this package's own table: its columns say what they hold
        return {}
    evidence = score_export(form, export, colmap)
    export.evidence = evidence
    if evidence["score"] is None:
        logger.info("%s: no answers to judge; accepted on its headers", export.path.name)
        return evidence
    logger.info("%s: evidence score %.2f (of 1; %.2f needed), columns %s%s",
                export.path.name, evidence["score"], MIN_SCORE, evidence["columns"],
                f", incidental matches {evidence['incidental']}" if evidence["incidental"]
                else "")
    if not evidence["accepted"]:
        worst = sorted(evidence["columns"].items(), key=lambda kv: kv[1])[:3]
        shown = ", ".join(f"{name} {share:.0%}" for name, share in worst)
        raise NotThisForm(
            f"does not look like {form.label} export: the answers in the columns that look "
            f"like its questions are not of the kind those questions get (evidence score "
            f"{evidence['score']:.2f}, {MIN_SCORE} needed; right-kind answers: {shown}"
            f"{'; matched only by a word in a long question: ' + ', '.join(evidence['incidental']) if evidence['incidental'] else ''})",  # noqa: E501
            export.path)
    return evidence


def _note_unfinished(ctx, not_responses: set) -> None:
    """Say how many Qualtrics responses were not finished (kept with what they answered)."""
    if ctx.export.platform != "qualtrics":
        return
    cells = ctx.export.cells
    column = layouts.qualtrics_column(cells, "finished", ctx.export.own_columns)
    if column is None:
        return
    flag = cells[column].astype(str).str.strip().str.lower()
    unfinished = (flag.isin(["false", "0"]) & ~ctx.blank
                  & ~cells.index.isin(list(not_responses))).to_numpy()
    if unfinished.any():
        ctx.report.notes.append(
            f"{int(unfinished.sum())} responses were not finished (Qualtrics' Finished is "
            "False): kept with the answers they gave")


def not_responses(ctx, reasons: pd.Series, codes: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Quarantine rows that no respondent gave (Qualtrics previews, tests, spam).

    They are set aside whatever the form's own rules said, with the platform's
    word for them as the reason.
    """
    found = layouts.qualtrics_not_responses(ctx.export.cells, ctx.export.platform,
                                            ctx.export.own_columns)
    _note_unfinished(ctx, set(found))
    if not found:
        return reasons, codes
    reasons, codes = reasons.copy(), codes.copy()
    for row, reason in found.items():
        reasons[row] = f"not a respondent's answers: {reason}"
        codes[row] = "not a response (preview, test or spam)"
    ctx.report.notes.append(f"{len(found)} rows were Qualtrics previews, tests or spam, not "
                            "responses: quarantined")
    return reasons, codes
