"""Read answers: scores, choices, dates and times, from whatever was typed.

Every reader here takes a column of text and returns the cleaned values and,
aligned with them, a plain-English problem for each cell that was present
but could not be read (``None`` where the cell was fine or missing). Work is
done once per distinct answer, so a million rows with a handful of distinct
answers cost a handful of parses.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
import weakref
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pa_compute

from coprod_analysis.vocab import (
    CHALLENGE_SYNONYMS,
    CHALLENGE_THEMES,
    LADDER_DTYPE,
    LADDER_RUNGS,
    LADDER_SYNONYMS,
    LIKERT_SYNONYMS,
    MISSING_ANSWERS,
    NOT_INVOLVED,
    OVERALL_SYNONYMS,
    RESPONDENT_TYPE_CHOICES,
    SCORE_DTYPE,
    YES_NO_SYNONYMS,
    Choices,
)

Parsed = tuple[Any, "str | None"]

#: The dtype of text columns: pyarrow strings are compact and fast.
TEXT_DTYPE = pd.StringDtype("pyarrow")

PROBLEM_LIKERT = "not an answer on the agree-disagree scale (Strongly disagree to Strongly agree)"
PROBLEM_OVERALL = "not a rating from Very poor to Very good"

#: Dates outside these years are treated as typing mistakes.
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
_EXCEL_EPOCH = dt.date(1899, 12, 30)
#: An Excel serial date and time: the days since day 0, and the time as a fraction.
_SERIAL_TIME = re.compile(r"\d{5}\.\d+")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?=$|[\sT,])")
_ISO_DATE = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?=$|[\sT,])")
# Written without \\s and \\d so that pandas can hand it to pyarrow's fast regex engine.
_TZ_SUFFIX = re.compile(
    r" *(?:(?:GMT|UTC|BST)(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?|Z|[+-][0-9]{2}:?[0-9]{2})$",
    re.IGNORECASE,
)
_WHITESPACE_RUN = "[ \t\r\n\x0b\x0c\xa0\u2007\u202f]+"
#: Characters that take no room, dropped from short answers (a venue, a group).
_ZERO_WIDTH = "[\u200b\u200c\u200d\u2060\ufeff]"
#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: The apostrophe that guards such a cell (see :mod:`coprod_analysis.output`).
_FORMULA_GUARD = r"^\s*'(?=[=+\-@\t\r])"
_FORMULA_GUARD_FOUND = r"^\s*'[=+\-@\t\r]"  # the same, for pyarrow's RE2 (no look-ahead)


def normalise_answer(text: str) -> str:
    """Lower-case words only: the form in which answers are compared.

    Examples
    --------
    >>> normalise_answer("  5 - Strongly AGREE. ")
    '5 strongly agree'
    >>> normalise_answer("Don\u2019t know"), normalise_answer("N/A"), normalise_answer("-")
    ('don t know', 'n a', '')
    """
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text.replace("_", " ")).split())


def is_missing(text: str, key: str | None = None) -> bool:
    """Whether an answer means "no answer": empty, ``N/A``, ``Don't know``, a dash.

    Punctuation alone (``?``, ``!!!``) is an answer nobody can read, not a missing one.

    Examples
    --------
    >>> [is_missing(t) for t in ("", " N/A ", "-", "\u2013", "?", "Agree")]
    [True, True, True, True, False, False]
    """
    key = normalise_answer(text) if key is None else key
    if key:
        return key in MISSING_ANSWERS
    return text.strip() in ("", "-", "\u2013", "\u2014")


#: Columns at least this long have their distinct values remembered (:func:`distinct_codes`).
_REMEMBER_FROM = 10_000
_REMEMBERED: dict[int, tuple[weakref.ref, np.ndarray, Any]] = {}


def distinct_codes(series: pd.Series) -> tuple[np.ndarray, Any]:
    """``pd.factorize(series, use_na_sentinel=True)``: codes (-1 where missing) and the
    distinct values, in order of first appearance.

    A long pyarrow string column with few distinct values (the answers of an
    export) is factorized once: the result is remembered for as long as the
    column's Arrow data lives, so that checking a column for identifiers and
    then reading its answers encode it once. The codes returned are then
    read-only.

    Examples
    --------
    >>> codes, distinct = distinct_codes(pd.Series(["b", None, "a", "b"]))
    >>> codes.tolist(), list(distinct)
    ([0, -1, 1, 0], ['b', 'a'])
    """
    array = series.array._pa_array if series.dtype == TEXT_DTYPE else None
    if array is not None:
        known = _REMEMBERED.get(id(array))
        if known is not None and known[0]() is array:
            return known[1], known[2]
    if array is None or not len(array) or not pa.types.is_large_string(array.type):
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    else:  # as pandas does it, without its copies of the codes (a quarter of the time)
        codes, uniques = _arrow_factorize(series)
    if array is not None and len(codes) >= _REMEMBER_FROM and 10 * len(uniques) <= len(codes):
        kind = np.int8 if len(uniques) < 127 else np.int16 if len(uniques) < 32767 else np.int32
        codes = codes.astype(kind)
        codes.setflags(write=False)
        key = id(array)

        def forget(ref: weakref.ref, key: int = key) -> None:
            known = _REMEMBERED.get(key)  # another thread may forget or remember meanwhile
            if known is not None and known[0] is ref:
                _REMEMBERED.pop(key, None)

        _REMEMBERED[key] = (weakref.ref(array, forget), codes, uniques)
        return codes, uniques
    return codes.astype(np.intp, copy=False), uniques


#: How many threads cleaning a file may use at once: 2 reads the submission times and
#: identities in a second thread while the answers are read and redacted, and encodes
#: text columns two at a time; 1 does everything in turn, in this thread. The outputs
#: are the same either way. Measured on two cores (a million responses, interleaved
#: runs): with the second core free, 2 took 1.0 s less time than 1 (4.5 s against
#: 5.3 s) for the same CPU time and 70 MB more memory; with another process busy on
#: it, 2 took about 0.9 s more CPU time and no less time.
THREADS = 2


def encode_ahead(columns: list[pd.Series], threads: int | None = None) -> None:
    """Encode long text columns (:func:`distinct_codes`) in ``threads`` threads at once
    (:data:`THREADS` unless given), so that the encodings are remembered when they are
    asked for one by one.

    pyarrow lets go of Python's lock while it encodes, so on two cores the columns
    take about half the time; the encodings are the same whichever thread made them.
    Columns that would not be remembered are left alone.
    """
    threads = THREADS if threads is None else threads
    columns = [c for c in columns if isinstance(c, pd.Series) and c.dtype == TEXT_DTYPE
               and len(c) >= _REMEMBER_FROM]
    if len(columns) < 2 or threads < 2:
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=threads) as pool:
        for _ in pool.map(distinct_codes, columns):
            pass


def _arrow_factorize(series: pd.Series) -> tuple[np.ndarray, Any]:
    """:func:`pd.factorize` of a non-empty pyarrow (large) string column, done as pandas
    does it (``dictionary_encode``, chunks combined): the codes as pyarrow's ``int32``
    (-1 where missing) and the distinct values, in order of first appearance.

    Examples
    --------
    >>> codes, distinct = _arrow_factorize(pd.Series(["b", None, "a", "b"], dtype=TEXT_DTYPE))
    >>> codes.tolist(), list(distinct), codes.dtype.name
    ([0, -1, 1, 0], ['b', 'a'], 'int32')
    """
    encoded = series.array._pa_array.dictionary_encode(null_encoding="mask").combine_chunks()
    indices = encoded.indices
    if indices.null_count:
        indices = pa_compute.fill_null(indices, -1)
    return (indices.to_numpy(zero_copy_only=False),
            pd.Index(series.array._from_pyarrow_array(encoded.dictionary), copy=False))


def _with_missing_last(series: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes and distinct values as text, a missing value read as ``""`` (coded last)."""
    codes, uniques = distinct_codes(series)
    texts = ["" if pd.isna(u) else str(u) for u in uniques]
    if len(codes) and codes.min() < 0:
        codes = np.where(codes < 0, len(texts), codes)
        texts.append("")
    return codes, texts


def apply_by_value(series: pd.Series,
                   parse: Callable[[str], Parsed]) -> tuple[np.ndarray, np.ndarray]:
    """Apply ``parse`` once per distinct value of a column.

    Returns
    -------
    tuple of (values, problems): two object arrays aligned with ``series``;
    missing cells are parsed as ``""``.

    Examples
    --------
    >>> values, problems = apply_by_value(pd.Series(["a", "b", "a"]), lambda t: (t.upper(), None))
    >>> values.tolist(), problems.tolist()
    (['A', 'B', 'A'], [None, None, None])
    """
    codes, texts = _with_missing_last(series)
    parsed = [parse(text) for text in texts]
    values = np.empty(len(parsed), dtype=object)
    values[:] = [p[0] for p in parsed]
    problems = np.empty(len(parsed), dtype=object)
    problems[:] = [p[1] for p in parsed]
    return values[codes], problems[codes]


def _categorical_by_value(series: pd.Series, parse: Callable[[str], Parsed],
                          dtype: pd.CategoricalDtype) -> tuple[pd.Categorical, np.ndarray]:
    """Like :func:`apply_by_value`, building a categorical from integer codes (fast)."""
    codes, texts = _with_missing_last(series)
    parsed = [parse(text) for text in texts]
    lookup = {category: i for i, category in enumerate(dtype.categories)}
    value_codes = np.array([-1 if v is None else lookup[v] for v, _ in parsed], dtype=np.int16)
    problems = np.empty(len(parsed), dtype=object)
    problems[:] = [p for _, p in parsed]
    # Codes looked up from the categories just above: valid, so not checked again.
    return (pd.Categorical.from_codes(value_codes[codes], dtype=dtype, validate=False),
            problems[codes])


def map_distinct(series: pd.Series, func: Callable[[str], str]) -> pd.Series:
    """Apply a text function once per distinct value, keeping missing values missing.

    Examples
    --------
    >>> map_distinct(pd.Series(["a", None, "a"]), str.upper).tolist()
    ['A', <NA>, 'A']
    """
    return map_distinct_many(series, lambda texts: [func(t) for t in texts])


def map_distinct_many(series: pd.Series, func: Callable[[list[str]], list[str]]) -> pd.Series:
    """Like :func:`map_distinct`, ``func`` given all the distinct values at once (as a
    list of texts, in order of first appearance) and returning one text for each.

    Examples
    --------
    >>> map_distinct_many(pd.Series(["b", None, "a", "b"]), lambda ts: [t * 2 for t in ts]).tolist()
    ['bb', <NA>, 'aa', 'bb']
    """
    codes, uniques = distinct_codes(series)
    texts = list(map(str, np.asarray(uniques, dtype=object)))  # not value by value: slow
    mapped = pd.array(func(texts), dtype=TEXT_DTYPE)
    return pd.Series(mapped.take(codes, allow_fill=True), index=series.index)


def iso_text(series: pd.Series, *, with_time: bool) -> pd.Series:
    """Dates as ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM:SS`` where a time matters.

    Built from pyarrow casts, which are many times faster than ``strftime``.

    Examples
    --------
    >>> t = pd.Series(pd.to_datetime(["2018-03-20 14:05:09", None]))
    >>> iso_text(t, with_time=True).tolist(), iso_text(t.dt.normalize(), with_time=False).tolist()
    (['2018-03-20T14:05:09', <NA>], ['2018-03-20', <NA>])
    """
    if _mostly_different(series):  # submission times: encoding them would not pay
        return _iso_text(series, with_time=with_time)
    codes, distinct = pd.factorize(series, use_na_sentinel=True)
    if 2 * len(distinct) <= len(series):  # few distinct dates (sessions): once each
        # A time shows on every date or none, so deciding it on the distinct ones is the same.
        text = _iso_text(pd.Series(distinct), with_time=with_time)
        return pd.Series(text.array.take(codes, allow_fill=True), index=series.index,
                         dtype=TEXT_DTYPE)
    return _iso_text(series, with_time=with_time)


def _mostly_different(series: pd.Series) -> bool:
    """Whether most values of a long column differ, judged on about 10,000 rows spread
    over it (a short column is never judged so).

    Examples
    --------
    >>> _mostly_different(pd.Series(range(100_000))), _mostly_different(pd.Series([1] * 100_000))
    (True, False)
    """
    if len(series) <= 20_000:
        return False
    sample = series.iloc[:: len(series) // 10_000]
    return 4 * sample.nunique(dropna=False) > len(sample)


def _iso_text(series: pd.Series, *, with_time: bool) -> pd.Series:
    times = pa.array(series.dt.tz_localize(None) if series.dt.tz else series,
                     type=pa.timestamp("s"), from_pandas=True, safe=False)
    days = pa_compute.cast(times, pa.date32())
    if not with_time:
        with_time = bool(pa_compute.any(pa_compute.not_equal(
            pa_compute.cast(days, pa.timestamp("s")), times)).as_py())
    text = pa_compute.cast(days, pa.large_string())
    if with_time:
        clock = pa_compute.cast(pa_compute.cast(times, pa.time32("s")), pa.large_string())
        text = pa_compute.binary_join_element_wise(text, clock, pa.scalar("T", pa.large_string()))
    return pd.Series(pd.arrays.ArrowStringArray(text), index=series.index, dtype=TEXT_DTYPE)


def join_text(first: pd.Series, second: pd.Series, sep: str) -> pd.Series:
    """``first + sep + second`` (pyarrow, fast); just ``first`` where ``second`` is missing.

    Examples
    --------
    >>> join_text(pd.Series(["a", "b", None]), pd.Series(["x", None, "z"]), "-").tolist()
    ['a-x', 'b', <NA>]
    """
    left = pa.array(first.astype(TEXT_DTYPE).array, type=pa.large_string())
    right = pa.array(second.astype(TEXT_DTYPE).array, type=pa.large_string())
    joined = pa_compute.binary_join_element_wise(left, right, pa.scalar(sep, pa.large_string()))
    combined = pa_compute.coalesce(joined, left)
    return pd.Series(pd.arrays.ArrowStringArray(combined), index=first.index, dtype=TEXT_DTYPE)


# --- Scores ----------------------------------------------------------------


_NEGATIVE = re.compile(r"\s*\(?\s*[-\u2212\u2013\u2014]\s*[0-9]")


def parse_score(text: str, synonyms: Mapping[str, int], problem: str) -> Parsed:
    """Read one 1-5 answer: a label, a bare digit, or both (``5 - Strongly agree``).

    Examples
    --------
    >>> [parse_score(t, LIKERT_SYNONYMS, "bad") for t in ("Agree ", "5 - Strongly agree")]
    [(4, None), (5, None)]
    >>> [parse_score(t, LIKERT_SYNONYMS, "bad") for t in ("N/A", "Sometimes", "4.0", "6")]
    [(None, None), (None, 'bad'), (4, None), (None, 'bad')]
    >>> [parse_score(t, LIKERT_SYNONYMS, "bad") for t in ("-1", "− 3", "(-5)")]
    [(None, 'bad'), (None, 'bad'), (None, 'bad')]

    A bilingual label is read where its halves say the same ("Cytuno'n gryf / Strongly
    agree"); halves that say different things, or one that cannot be read, are a
    problem.

    >>> parse_score("Cytuno'n gryf / Strongly agree", LIKERT_SYNONYMS, "bad")
    (5, None)
    >>> parse_score("Cytuno / Strongly agree", LIKERT_SYNONYMS, "bad")
    (None, 'bad: its two halves say different things')
    """
    if " / " in text:
        return _by_halves(text, lambda half: parse_score(half, synonyms, problem), problem)
    if _NEGATIVE.match(text):  # "-1" would read as 1 once its punctuation is dropped
        return None, problem
    if bare := re.fullmatch(r"\s*([1-5])(?:\.0+)?\s*", text):
        return int(bare[1]), None
    key = normalise_answer(text)
    if is_missing(text, key):
        return None, None
    if key in synonyms:
        return synonyms[key], None
    if key in ("1", "2", "3", "4", "5"):  # "5.", "(5)", "5)"
        return int(key), None
    both = re.fullmatch(r"([1-5]) (.+)|(.+) ([1-5])", key)
    if both:
        number = int(both.group(1) or both.group(4))
        label = both.group(2) or both.group(3)
        if synonyms.get(label) == number:
            return number, None
        if label in synonyms:
            return None, f"{problem}: the number and the words disagree"
    if _halved_without_spaces(text):  # "Cytuno'n gryf/Strongly agree"
        return _by_halves(text, lambda half: parse_score(half, synonyms, problem), problem,
                          "/")
    return None, problem


def _halved_without_spaces(text: str) -> bool:
    """Whether an answer that nothing else reads is two halves of words joined by one
    "/" with no space round it ("Cytuno'n gryf/Strongly agree"; not "N/A", "4/5").

    Examples
    --------
    >>> _halved_without_spaces("Cytuno/Agree"), _halved_without_spaces("n/a")
    (True, False)
    >>> _halved_without_spaces("4/5"), _halved_without_spaces("a/b/c")
    (False, False)
    """
    if text.count("/") != 1:
        return False
    return all(sum(c.isalpha() for c in half) >= 2 for half in text.split("/"))


def _by_halves(text: str, parse: Callable[[str], Parsed], problem: str,
               sep: str = " / ") -> Parsed:
    """An answer in two languages, "Welsh / English": what both halves say, where they
    say the same; else ``problem`` (two answers, "Other / Carer", "Agree / N/A" or "4 /
    5", are not read as one: a reader's attack on a first version that took either
    half, session 14)."""
    (one, trouble_one), (two, trouble_two) = map(parse, text.split(sep, 1))
    if one is not None and one == two and trouble_one is None and trouble_two is None:
        return one, None
    if one is not None and two is not None and one != two:
        return None, f"{problem}: its two halves say different things"
    return None, problem


def to_likert(series: pd.Series) -> tuple[pd.Categorical, np.ndarray]:
    """Read a Likert column: ``Strongly disagree`` = 1 ... ``Strongly agree`` = 5.

    Returns
    -------
    tuple of (ordered categorical of 1-5 scores, problems aligned with it)

    Examples
    --------
    >>> scores, problems = to_likert(pd.Series(["Agree", "Sometimes", "N/A"]))
    >>> scores.tolist(), [p is not None for p in problems]
    ([4, nan, nan], [False, True, False])
    """
    return _categorical_by_value(
        series, lambda t: parse_score(t, LIKERT_SYNONYMS, PROBLEM_LIKERT), SCORE_DTYPE)


def to_overall(series: pd.Series) -> tuple[pd.Categorical, np.ndarray]:
    """Read the overall rating: ``Very poor`` = 1 ... ``Very good`` = 5."""
    return _categorical_by_value(
        series, lambda t: parse_score(t, OVERALL_SYNONYMS, PROBLEM_OVERALL), SCORE_DTYPE)


# --- Choices and text --------------------------------------------------------


def parse_choice(text: str, choices: Choices) -> Parsed:
    """Read a single-choice answer by meaning.

    Examples
    --------
    >>> from coprod_analysis.vocab import GROUP_TYPE_CHOICES
    >>> parse_choice("Patient Participation Group", GROUP_TYPE_CHOICES)
    ('PPG', None)
    >>> parse_choice("other: a carers' group", GROUP_TYPE_CHOICES)
    ('Other', None)
    """
    key = normalise_answer(text)
    if is_missing(text, key):
        return None, None
    if key in choices.synonyms:
        return choices.synonyms[key], None
    if " / " in text:  # in two languages: "Gofalwr / Carer"
        return _by_halves(text, lambda half: parse_choice(half, choices), choices.problem)
    if key.startswith("other") and "Other" in choices.labels:
        return "Other", None
    for words, value in choices.synonyms.items():
        if re.fullmatch(rf"(?:a |an |i am a |i m a |our group is a |the )?{words}s?", key):
            return value, None
    if _halved_without_spaces(text):  # "Gofalwr/Carer"
        return _by_halves(text, lambda half: parse_choice(half, choices), choices.problem, "/")
    return None, choices.problem


def parse_respondent_type(text: str) -> Parsed:
    """Read "Which best describes you?".

    Examples
    --------
    >>> parse_respondent_type("ccg Volunteer"), parse_respondent_type("Other - school governor")
    (('CCG volunteer', None), ('Other', None))
    >>> parse_respondent_type("Alien")[1] is not None
    True
    """
    return parse_choice(text, RESPONDENT_TYPE_CHOICES)


def to_choice(series: pd.Series, choices: Choices) -> tuple[pd.Categorical, np.ndarray]:
    """Read a single-choice column into a categorical of the choices' labels."""
    return _categorical_by_value(series, lambda t: parse_choice(t, choices), choices.dtype)


def to_respondent_type(series: pd.Series) -> tuple[pd.Categorical, np.ndarray]:
    """Read the respondent type column into a categorical of :data:`RESPONDENT_TYPES`."""
    return to_choice(series, RESPONDENT_TYPE_CHOICES)


PROBLEM_LADDER = ("not a rung of the ladder (descriptive, intermediate, transformative) "
                  "nor 'not involved'")
PROBLEM_LADDER_TWO = ("names two rungs of the ladder: one answer is one rung (the group "
                      "may be asked which it is now)")
PROBLEM_YES_NO = "not a yes or no"
PROBLEM_OVERALL_LADDER = ("'not involved' is no answer to where the group is overall: "
                          "descriptive, intermediate or transformative")


def parse_ladder(text: str) -> Parsed:
    """Read a ladder answer: a rung, or :data:`~coprod_analysis.vocab.NOT_INVOLVED`.

    Examples
    --------
    >>> [parse_ladder(t)[0] for t in ("Intermediate", "Not involved", "N/A")]
    ['intermediate', 'not_involved', None]
    >>> parse_ladder("top")[1] is not None
    True
    >>> parse_ladder("Descriptive / Intermediate")[0], parse_ladder("Descriptive - told")[0]
    (None, 'descriptive')
    """
    key = normalise_answer(text)
    if is_missing(text, key):
        return None, None
    if key in LADDER_SYNONYMS:
        return LADDER_SYNONYMS[key], None
    first = key.split(" ")[0]  # "Descriptive - patients are told" and the like
    if first in LADDER_RUNGS:
        # two rungs named ("Descriptive / Intermediate", "Intermediate to
        # transformative") are no one answer: unreadable, not the first
        if len({w for w in re.findall(r"[a-z]+", key) if w in LADDER_RUNGS}) > 1:
            return None, PROBLEM_LADDER_TWO
        return first, None
    return None, PROBLEM_LADDER


def to_ladder(series: pd.Series) -> tuple[pd.Categorical, np.ndarray, np.ndarray]:
    """Read a ladder column.

    Returns
    -------
    tuple of (ordered categorical of rungs, "not involved" flags, problems)

    Examples
    --------
    >>> rungs, not_involved, problems = to_ladder(pd.Series(["Descriptive", "Not involved"]))
    >>> rungs.tolist(), not_involved.tolist()
    (['descriptive', nan], [False, True])
    """
    values, problems = apply_by_value(series, parse_ladder)
    not_involved = values == NOT_INVOLVED
    values[not_involved] = None
    return pd.Categorical(values, dtype=LADDER_DTYPE), not_involved, problems


def parse_yes_no(text: str) -> Parsed:
    """Read a yes/no answer.

    Examples
    --------
    >>> [parse_yes_no(t)[0] for t in ("Yes", "n", "", "Don't know")]
    [True, False, None, None]
    """
    key = normalise_answer(text) or text.strip()
    if is_missing(text, normalise_answer(text)) and key not in YES_NO_SYNONYMS:
        return None, None
    if key in YES_NO_SYNONYMS:
        return YES_NO_SYNONYMS[key], None
    return None, PROBLEM_YES_NO


def to_yes_no(series: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Read a yes/no column into pandas' nullable ``boolean``."""
    values, problems = apply_by_value(series, parse_yes_no)
    return pd.Series(pd.array(list(values), dtype="boolean"), index=series.index), problems


def parse_challenges(text: str) -> Parsed:
    """Read a "tick all that apply" answer into challenge codes and other text.

    The answer may be one platform's list (``Tokenism;Time;``, ``Time, Funding``)
    or one ticked option; labels are matched by meaning. Anything that is not
    a theme is kept as "other" text.

    Returns
    -------
    ((codes, other text), None): codes in codebook order, other text or ``""``.

    Examples
    --------
    >>> parse_challenges("Tokenism;Communication (or lack of);Lack of time;")
    ((['tokenism', 'time', 'communication'], ''), None)
    >>> parse_challenges("comms, Other: parking at the practice")
    ((['communication'], 'parking at the practice'), None)
    """
    codes: set[str] = set()
    other: list[str] = []
    for piece in re.split(r"[;,\n]", text):
        key = normalise_answer(piece)
        if key in MISSING_ANSWERS or key in ("other", "other please specify", "none"):
            continue
        if key in CHALLENGE_SYNONYMS:
            codes.add(CHALLENGE_SYNONYMS[key])
            continue
        spelled = re.sub(r"^\s*other\s*(?:\(please specify\))?\s*[:\-]?\s*", "", piece,
                         flags=re.IGNORECASE).strip()
        if spelled:
            other.append(spelled)
    ordered = [code for code in CHALLENGE_THEMES if code in codes]
    return (ordered, ", ".join(other)), None


def by_distinct(series: pd.Series, func: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a row-by-row column function once per distinct value, then spread it back.

    ``func`` takes and returns a pyarrow string column, each value depending on
    that row's value alone (trimming, a regex replacement, redaction). It is
    given the column's distinct values (missing values stay missing); where
    most values differ, it is simply given the whole column.

    Examples
    --------
    >>> by_distinct(pd.Series([" a", None, " a", "b "]), lambda s: s.str.strip()).tolist()
    ['a', <NA>, 'a', 'b']
    """
    text = series.astype(TEXT_DTYPE)
    codes, uniques = distinct_codes(text)
    if 2 * len(uniques) > len(text):
        return func(text)
    done = func(pd.Series(uniques, dtype=TEXT_DTYPE)).astype(TEXT_DTYPE)
    return pd.Series(done.array.take(codes, allow_fill=True), index=series.index,
                     name=series.name, dtype=TEXT_DTYPE)


def tidy_text_rows(out: pd.Series) -> pd.Series:
    """:func:`tidy_text` on a pyarrow string column, row by row (for :func:`by_distinct`)."""
    # Until none is left: a guarded answer may itself have started with a guard.
    while pa_compute.any(pa_compute.match_substring_regex(
            pa.array(out.array), _FORMULA_GUARD_FOUND)).as_py():
        out = out.str.replace(_FORMULA_GUARD, "", regex=True)
    out = out.str.strip()
    return out.mask((out == "").fillna(False).astype(bool))


def tidy_text(series: pd.Series) -> pd.Series:
    """Trim edges and turn empty cells into missing; inner text is untouched.

    An apostrophe in front of a formula character (``'=``, ``'-``, ``'@`` ...)
    is the mark that guards a spreadsheet against formulas, added by this
    package's own writers (and by careful typists): it is not part of the
    answer, so it is dropped here and added again on writing. A cleaned file
    read again therefore gives the same text.

    Returns a pyarrow-backed string column (compact for large exports). The
    work is done once per distinct value (:func:`by_distinct`).

    Examples
    --------
    >>> tidy_text(pd.Series(["  None ", "", " a\\nb ", "'- more breaks", "it's"])).tolist()
    ['None', <NA>, 'a\\nb', '- more breaks', "it's"]
    """
    return by_distinct(series, tidy_text_rows)


def tidy_choice_rows(out: pd.Series) -> pd.Series:
    """:func:`tidy_choice` on a pyarrow string column, row by row (for :func:`by_distinct`)."""
    return tidy_text_rows(out).str.replace(_ZERO_WIDTH, "", regex=True).str.replace(
        _WHITESPACE_RUN, " ", regex=True)


def tidy_choice(series: pd.Series) -> pd.Series:
    """Like :func:`tidy_text`, and inner runs of white space become one space.

    Examples
    --------
    >>> tidy_choice(pd.Series([" St  George's\\nCentre ", "Seacroft\\u200b Hub"])).tolist()
    ["St George's Centre", 'Seacroft Hub']

    Zero-width characters (pasted from a web page) are dropped: a venue is one
    however it was pasted.
    """
    return by_distinct(series, tidy_choice_rows)


# --- Dates -------------------------------------------------------------------


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _checked(year: int, month: int, day: int) -> Parsed:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None, "not a real date"
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None, f"the year {year} looks like a typing mistake"
    return value, None


def parse_date(text: str, dayfirst: bool = True, epoch: dt.date | None = None) -> Parsed:
    """Read a date typed or exported in any of the usual ways.

    ISO (``2018-03-20``), UK day-first (``20/03/2018``, ``20/3/18``,
    ``20.03.2018``), month-first when ``dayfirst`` is false, long form
    (``20th March 2018``, ``Tuesday 20 March 2018``, ``March 20, 2018``,
    Excel's ``20-Mar-18``) and
    Excel serial numbers (``43179``; counted from ``epoch``, day 0 of the workbook's
    date system, by default Excel's usual 30 December 1899). A time after the date
    is ignored.

    Examples
    --------
    >>> {parse_date(t) for t in ("20th March 2018", "20/3/18", "43179", "Tue 20 Mar 2018")}
    {(datetime.date(2018, 3, 20), None)}
    >>> parse_date("03/14/2018 10:02:11 AM", dayfirst=False)
    (datetime.date(2018, 3, 14), None)
    >>> parse_date("31/06/2018"), parse_date("next tuesday")
    ((None, 'not a real date'), (None, 'not a date'))
    """
    text = unicodedata.normalize("NFKC", text).strip()
    if normalise_answer(text) in MISSING_ANSWERS:
        return None, None
    if match := _ISO_DATE.match(text):
        return _checked(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC_DATE.match(text):
        first, second = int(match[1]), int(match[2])
        day, month = (first, second) if dayfirst else (second, first)
        return _checked(_year(match[3]), month, day)
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        value = (epoch or _EXCEL_EPOCH) + dt.timedelta(days=int(float(text)))
        return _checked(value.year, value.month, value.day)
    words = text.lower()
    words = re.sub(r"\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b",
                   " ", words)
    words = re.sub(r"(\d+)(?:st|nd|rd|th)\b", r"\1", words)
    tokens = re.sub(r"\bof\b|[,./\-]", " ", words).split()  # also Excel's 20-Mar-18
    if len(tokens) == 3:
        a, b, c = tokens
        if a.isdigit() and b in _MONTHS and c.isdigit():
            return _checked(_year(c), _MONTHS[b], int(a))
        if a in _MONTHS and b.isdigit() and c.isdigit():
            return _checked(_year(c), _MONTHS[a], int(b))
    return None, "not a date"


def infer_dayfirst(values: pd.Series) -> bool:
    """Whether a column's numeric dates are day-first (the UK default).

    A column is read month-first only when some date can only be month-first
    (``03/14/2018``) and none can only be day-first (``14/03/2018``).

    Examples
    --------
    >>> infer_dayfirst(pd.Series(["03/14/2018", "04/02/2018"]))
    False
    >>> infer_dayfirst(pd.Series(["03/04/2018", ""]))
    True
    """
    day_only = month_only = False
    for value in pd.unique(values.dropna()):
        match = _NUMERIC_DATE.match(str(value).strip())
        if match:
            first, second = int(match[1]), int(match[2])
            day_only |= first > 12 >= second
            month_only |= second > 12 >= first
    return not (month_only and not day_only)


def to_dates(series: pd.Series) -> tuple[np.ndarray, np.ndarray, bool]:
    """Read a column of dates, deciding once whether numeric dates are day-first.

    Returns
    -------
    tuple of (``datetime64[ns]`` array, problems, dayfirst)

    Examples
    --------
    >>> dates, problems, dayfirst = to_dates(pd.Series(["20/03/2018", "", "soon"]))
    >>> [str(d)[:10] for d in dates], [p is not None for p in problems], dayfirst
    (['2018-03-20', 'NaT', 'NaT'], [False, False, True], True)
    """
    dayfirst = infer_dayfirst(series)
    values, problems = apply_by_value(series, lambda t: parse_date(t, dayfirst))
    dates = pd.to_datetime(pd.Series(values, dtype=object)).to_numpy(dtype="datetime64[ns]")
    return dates, problems, dayfirst


def parse_timestamp(text: str, formats: tuple[str, ...] = (), dayfirst: bool = True,
                    epoch: dt.date | None = None) -> Parsed:
    """Read a submission time: a platform's own format first, then ISO, then a date.

    A trailing time-zone name (``GMT``, ``GMT+1``, ``Z``) is dropped: times are
    kept as the clock on the wall said them. An Excel serial number keeps its time
    of day (``45365.416748`` is 10:00:07 on 14 March 2024), counted from ``epoch`` as
    :func:`parse_date` counts it.

    Examples
    --------
    >>> parse_timestamp("2019/03/14 10:09:47 AM GMT", ("%Y/%m/%d %I:%M:%S %p",))
    (datetime.datetime(2019, 3, 14, 10, 9, 47), None)
    >>> parse_timestamp("2018-03-20T14:05:00")
    (datetime.datetime(2018, 3, 20, 14, 5), None)
    >>> parse_timestamp("soon")
    (None, 'not a date and time')
    >>> parse_timestamp("45365.416748")
    (datetime.datetime(2024, 3, 14, 10, 0, 7), None)
    """
    text = _TZ_SUFFIX.sub("", unicodedata.normalize("NFKC", text).strip())
    if not text or normalise_answer(text) in MISSING_ANSWERS:
        return None, None
    value = None
    for fmt in formats:
        try:
            value = dt.datetime.strptime(text, fmt)
            break
        except ValueError:
            continue
    if value is None and _SERIAL_TIME.fullmatch(text):
        start = dt.datetime.combine(epoch or _EXCEL_EPOCH, dt.time())
        value = start + dt.timedelta(seconds=round(float(text) * 86400))
    if value is None:
        with contextlib.suppress(ValueError):
            value = dt.datetime.fromisoformat(text).replace(tzinfo=None)
    if value is not None:
        if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            return None, f"the year {value.year} looks like a typing mistake"
        return value, None
    day, problem = parse_date(text, dayfirst, epoch)
    if problem and problem != "not a date":
        return None, problem
    if day is not None:
        time = re.search(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$", text)
        hour = minute = second = 0
        if time:
            hour, minute, second = int(time[1]), int(time[2]), int(time[3] or 0)
            if time[4] and time[4].lower() == "pm" and hour < 12:
                hour += 12
            if time[4] and time[4].lower() == "am" and hour == 12:
                hour = 0
        try:
            return dt.datetime.combine(day, dt.time(hour, minute, second)), None
        except ValueError:
            pass
    return None, "not a date and time"


_DIRECTIVES = {
    "%Y": "[0-9]{4}", "%m": "[0-9]{1,2}", "%d": "(?P<day>[0-9]{1,2})", "%H": "[0-9]{1,2}",
    "%I": "[0-9]{1,2}", "%M": "[0-9]{2}", "%S": "[0-9]{2}", "%p": "(?:AM|PM|am|pm)",
}


def _format_pattern(fmt: str) -> str:
    """A regex matching what ``fmt`` matches, capturing the day of the month.

    Examples
    --------
    >>> _format_pattern("%d/%m/%Y")
    '^(?P<day>[0-9]{1,2})/[0-9]{1,2}/[0-9]{4}$'
    """
    parts = re.split(r"(%[A-Za-z])", fmt)
    return "^" + "".join(_DIRECTIVES.get(p, re.escape(p)) for p in parts) + "$"


def _strptime_column(text: pa.Array, fmt: str) -> pa.Array:
    """Parse a whole column with one format in pyarrow; null where it does not fit.

    pyarrow's ``strptime`` rolls an impossible day over (30 February becomes
    2 March), so a result is kept only where its day is the day written.
    """
    parsed = pa_compute.strptime(text, format=fmt, unit="s", error_is_null=True)
    written = pa_compute.struct_field(pa_compute.extract_regex(text, _format_pattern(fmt)), "day")
    same_day = pa_compute.equal(pa_compute.cast(written, pa.int64()),
                                pa_compute.cast(pa_compute.day(parsed), pa.int64()))
    return pa_compute.if_else(same_day, parsed, pa.scalar(None, parsed.type))


#: Zones that end most exports' times (Google Forms: ``GMT``, and ``GMT+1`` in summer),
#: each a whole match of the zone in :data:`_TZ_SUFFIX`, as platforms write them.
_PLAIN_ZONES = (" GMT", " GMT+1", " UTC", " BST")


def _without_zone(text: pd.Series) -> pd.Series:
    """``text.str.replace("(?i)" + _TZ_SUFFIX.pattern, "", regex=True)`` of trimmed
    text: the time zone at the end dropped.

    The replacement is slow on a million rows. A value that ends in a space and
    one of :data:`_PLAIN_ZONES` after a character that is not a space loses just
    those characters (the pattern's leftmost match: a match starting earlier
    would need a space before them), cut off in pyarrow at once; only the other
    values are given to the pattern, and not even they where none can match.

    Examples
    --------
    >>> _without_zone(pd.Series(["1/2/2019 10:00 AM GMT", "9:00 GMT+1", "", None],
    ...                         dtype=TEXT_DTYPE)).tolist()
    ['1/2/2019 10:00 AM', '9:00', '', <NA>]
    >>> _without_zone(pd.Series(["10:00  GMT", "10:00 gmt+1", "10:00"], dtype=TEXT_DTYPE)).tolist()
    ['10:00', '10:00', '10:00']
    """
    pattern = "(?i)" + _TZ_SUFFIX.pattern
    array = pa.array(text.array, type=pa.large_string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    rest = pa_compute.fill_null(pa_compute.greater(pa_compute.utf8_length(array), 0), False)
    cut = np.zeros(len(array), dtype=np.int8)  # bytes to cut off each value's end
    for zone in _PLAIN_ZONES:
        plain = pa_compute.fill_null(pa_compute.and_(
            pa_compute.ends_with(array, zone),
            pa_compute.invert(pa_compute.ends_with(array, " " + zone))), False)
        if pa_compute.any(plain).as_py():
            cut[plain.to_numpy(zero_copy_only=False)] = len(zone)  # the zones are ASCII
            rest = pa_compute.and_(rest, pa_compute.invert(plain))
    result = _cut_ends(array, cut) if cut.any() else array
    if pa_compute.any(rest).as_py():
        some = array.filter(rest)
        # pandas reads the pattern with Python's re where a value holds a line break
        # (its $ differs): then the values are always given to it.
        if pa_compute.any(pa_compute.match_substring(some, "\n")).as_py() or \
                pa_compute.any(pa_compute.match_substring_regex(some, pattern)).as_py():
            replaced = pd.Series(pd.arrays.ArrowStringArray(some), dtype=TEXT_DTYPE).str.replace(
                pattern, "", regex=True)
            replaced = pa.array(replaced.array, type=pa.large_string())
            if isinstance(replaced, pa.ChunkedArray):
                replaced = replaced.combine_chunks()
            result = pa_compute.replace_with_mask(result, rest, replaced)
    return pd.Series(pd.arrays.ArrowStringArray(result), index=text.index, name=text.name,
                     dtype=TEXT_DTYPE)


def _cut_ends(array: pa.LargeStringArray, cut: np.ndarray) -> pa.LargeStringArray:
    """``array`` with the last ``cut[i]`` bytes of each value cut off, built at once in
    numpy (one copy of the text, where pyarrow's replacing makes one per kind of cut).

    Examples
    --------
    >>> array = pa.array(["ab GMT", None, "", "x UTC"], type=pa.large_string()).slice(0)
    >>> _cut_ends(array, np.array([4, 0, 0, 4], dtype=np.int8)).to_pylist()
    ['ab', None, '', 'x']
    """
    size = len(array)
    _, offsets_buffer, data_buffer = array.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[array.offset:array.offset + size + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else \
        np.zeros(0, dtype=np.uint8)
    keep = np.zeros(len(data), dtype=bool)
    keep[offsets[0]:offsets[-1]] = True
    ends = offsets[1:]
    for back in range(1, int(cut.max()) + 1):
        keep[ends[cut >= back] - back] = False
    lengths = np.diff(offsets) - cut
    new_offsets = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(lengths, out=new_offsets[1:])
    validity = pa_compute.is_valid(array).buffers()[1] if array.null_count else None
    return pa.LargeStringArray.from_buffers(size, pa.py_buffer(new_offsets),
                                            pa.py_buffer(data[keep]), validity,
                                            array.null_count)


def to_timestamps(series: pd.Series, formats: tuple[str, ...], dayfirst: bool = True,
                  epoch: dt.date | None = None) -> tuple[pd.Series, np.ndarray]:
    """Read a column of submission times.

    The platform's formats are tried on the whole column at once, in pyarrow
    (fast for a million rows); only the cells they miss are read one by one.

    Returns
    -------
    tuple of (``datetime64[ns]`` Series aligned with ``series``, problems array)

    Examples
    --------
    >>> times, problems = to_timestamps(pd.Series(["2019/03/14 3:49:39 PM GMT+1", "soon"]),
    ...                                 ("%Y/%m/%d %I:%M:%S %p",))
    >>> times.tolist(), problems.tolist()
    ([Timestamp('2019-03-14 15:49:39'), NaT], [None, 'not a date and time'])
    """
    text = _without_zone(series.astype(TEXT_DTYPE).str.strip())
    arrow_text = pa.array(text.array, type=pa.large_string())
    if isinstance(arrow_text, pa.ChunkedArray):
        arrow_text = arrow_text.combine_chunks()
    # Each format is tried on the cells the formats before it did not read (few, mostly).
    seconds = np.zeros(len(text), dtype="int64")
    read = np.zeros(len(text), dtype=bool)
    for fmt in formats:
        todo = np.flatnonzero(~read) if read.any() else None
        some = arrow_text if todo is None else arrow_text.take(pa.array(todo))
        if not len(some):
            break
        found = _strptime_column(some, fmt)
        ok = found.is_valid().to_numpy(zero_copy_only=False)
        where = np.flatnonzero(ok) if todo is None else todo[ok]
        seconds[where] = pa_compute.fill_null(pa_compute.cast(found, pa.int64()), 0).to_numpy(
            zero_copy_only=False)[ok]
        read[where] = True
    parsed = pa.array(seconds, type=pa.timestamp("s"), mask=~read)
    year = pa_compute.year(parsed)
    plausible = pa_compute.and_(pa_compute.greater_equal(year, EARLIEST_YEAR),
                                pa_compute.less_equal(year, LATEST_YEAR))
    parsed = pa_compute.if_else(plausible, parsed, pa.scalar(None, parsed.type))
    result = pd.Series(pa_compute.cast(parsed, pa.timestamp("ns")).to_numpy(zero_copy_only=False),
                       index=series.index, dtype="datetime64[ns]")
    present = (text.notna() & (text != "")).to_numpy(dtype=bool, na_value=False)
    problems = np.full(len(series), None, dtype=object)
    todo = present & result.isna().to_numpy()
    if todo.any():
        values, found = apply_by_value(series[todo],
                                       lambda t: parse_timestamp(t, formats, dayfirst,
                                                                 epoch))
        result[todo] = pd.to_datetime(pd.Series(values, dtype=object)).to_numpy()
        problems[todo] = found
    return result, problems


# --- Other rating scales for the overall question ------------------------------

#: A satisfaction scale, read onto the overall rating point for point.
SATISFACTION_SYNONYMS: dict[str, int] = {
    "very dissatisfied": 1,
    "dissatisfied": 2,
    "neither satisfied nor dissatisfied": 3,
    "neither satisfied or dissatisfied": 3,
    "satisfied": 4,
    "very satisfied": 5,
}
_OVERALL_ANY = {**OVERALL_SYNONYMS, **SATISFACTION_SYNONYMS}
_OUT_OF_TEN = re.compile(r"\bout of (10|ten)\b|\b[01] ?(-|to) ?10\b|/ ?10\b")
#: How a rating out of 10 becomes the five-point rating (docs/cleaning.md).
TEN_TO_FIVE = {0: 1, 1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4, 9: 5, 10: 5}


def parse_overall(text: str) -> Parsed:
    """Read one overall rating: ``Very poor``-``Very good``, a satisfaction answer, or 1-5.

    Examples
    --------
    >>> parse_overall("Very satisfied"), parse_overall("Good"), parse_overall("Dissatisfied")
    ((5, None), (4, None), (2, None))
    """
    return parse_score(text, _OVERALL_ANY, PROBLEM_OVERALL)


def out_of_ten(series: pd.Series, header: str) -> bool:
    """Whether an overall column holds ratings out of 10, not out of 5.

    Out of 10 when the header says so (``out of 10``, ``1-10``, ``0 to 10``)
    or at least a fifth of the numbers answered are whole numbers from 6 to
    10, and more answers are such numbers than are words of the five-point
    rating ("Good"); a column of numbers 1-5 under a header that does not
    mention 10 is the five-point rating, and so is a column of "Good", "Very
    good" and numbers 1-5 with a stray "10" (unreadable there, not a change
    of scale for every answer).

    Examples
    --------
    >>> out_of_ten(pd.Series(["3", "7"]), "Overall rating")
    True
    >>> out_of_ten(pd.Series(["3", "5"]), "Overall rating")
    False
    >>> out_of_ten(pd.Series(["3"]), "Score 1-10")
    True
    >>> out_of_ten(pd.Series(["Good", "5", "4", "Very good", "10", "3", "Good"]), "Overall")
    False
    """
    if _OUT_OF_TEN.search(header.lower()):
        return True
    counts = series.dropna().astype(str).value_counts()
    numbers = high = words = 0
    for value, count in counts.items():
        bare = re.fullmatch(r"\s*(\d{1,2})(?:\.0+)?\s*", value)
        if bare:
            numbers += count
            high += count if 6 <= int(bare[1]) <= 10 else 0
        elif parse_overall(value)[0] is not None:
            words += count
    return high > 0 and high * 5 >= numbers and high > words


def parse_out_of_ten(text: str) -> Parsed:
    """Read a rating out of 10 onto the five-point rating (:data:`TEN_TO_FIVE`).

    Examples
    --------
    >>> [parse_out_of_ten(t)[0] for t in ("1", "2", "3", "5", "6", "7", "8", "9", "10")]
    [1, 1, 2, 3, 3, 4, 4, 5, 5]
    >>> parse_out_of_ten("11"), parse_out_of_ten("Good"), parse_out_of_ten("n/a")
    ((None, 'not a rating out of 10'), (None, 'not a rating out of 10'), (None, None))
    """
    bare = re.fullmatch(r"\s*(\d{1,2})(?:\.0+)?\s*(?:/ ?10)?\s*", text)
    if bare and int(bare[1]) in TEN_TO_FIVE:
        return TEN_TO_FIVE[int(bare[1])], None
    if is_missing(text):
        return None, None
    return None, "not a rating out of 10"


def to_overall_any(series: pd.Series, header: str) -> tuple[pd.Categorical, np.ndarray, str | None]:
    """Read an overall column on whichever scale it holds, with a note where it was not 1-5.

    Returns
    -------
    tuple of (scores 1-5, problems, a note for the summary or ``None``)
    """
    if out_of_ten(series, header):
        scores, problems = _categorical_by_value(series, parse_out_of_ten, SCORE_DTYPE)
        return scores, problems, (
            f"{header!r} holds ratings out of 10: read onto the five-point rating as 1-2 = "
            "Very poor, 3-4 = Poor, 5-6 = Fair, 7-8 = Good, 9-10 = Very good (0 = Very poor)")
    scores, problems = _categorical_by_value(series, parse_overall, SCORE_DTYPE)
    keys = {normalise_answer(str(v)) for v in pd.unique(series.dropna())}
    note = None
    if keys & set(SATISFACTION_SYNONYMS):
        note = (f"{header!r} holds a satisfaction scale: read point for point as Very "
                "dissatisfied = Very poor ... Very satisfied = Very good")
    return scores, problems, note
