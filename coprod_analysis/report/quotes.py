"""Quotes that belong: a sentence or two that the classifier is sure is about the theme.

An answer often speaks of several things ("Less jargon please, too many
acronyms. And it was too fast."). Quoting the whole answer under one theme
puts words about jargon under *Pace*. So quotes are chosen sentence by
sentence:

1. the answers tagged with each wanted theme are found by splitting each
   *distinct* set of themes once (never every row's themes once a theme); each
   theme looks at no more than ten times ``pool`` of its answers, spread
   evenly through the table, and keeps the ``pool`` that speak of fewest
   themes and are nearest a readable length, so the work does not grow with
   the table;
2. only the pooled answers are split into sentences;
3. a sentence is quoted under a theme only when the scorer is *confident* it
   is about that theme (by default, :func:`model_scorer`: the theme is the
   model's most likely one for the sentence, and its probability reaches both
   the theme's own threshold and one half); with no scorer, only answers
   tagged with that one theme are quoted;
4. a sentence is joined by the next when that one is confidently about the
   same theme and both fit in ``max_length``;
5. no sentence is ever quoted twice, under one theme or two.

The few quotes chosen are passed through :func:`~coprod_analysis.clean.redact.redact`
once more, as a safety net (text read by the report's loaders is redacted
already; the answers themselves are not redacted again).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from coprod_analysis.clean.redact import redact

logger = logging.getLogger(__name__)

#: Texts -> a boolean frame (one row a text, one column a theme code): "surely this theme".
Scorer = Callable[[list[str]], pd.DataFrame]

_NOT_AN_END = "".join(f"(?<!{re.escape(a)})" for a in (
    "Dr.", "Mr.", "Ms.", "St.", "Mrs.", "etc.", "e.g.", "i.e.", "vs.", "No."))
_SENTENCE_END = re.compile(_NOT_AN_END + r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9@])|\s*\n+\s*"
                           r"|(?:^|\s+)[-*\u2022]\s+|\s*;\s+|,\s+and also\s+")
_WORDS = re.compile(r"[^\w]+")
_BULLET = re.compile(r"^[-*\u2022]\s+")


def split_sentences(text: str) -> list[str]:
    r"""The sentences of an answer: split at full stops, line breaks and list dashes.

    Examples
    --------
    >>> split_sentences("Less jargon please, too many acronyms. And slower! - More breaks")
    ['Less jargon please, too many acronyms.', 'And slower!', 'More breaks']
    >>> split_sentences("Dr. Khan's talk was 2.5 hours")
    ["Dr. Khan's talk was 2.5 hours"]
    >>> split_sentences("- Rooms are cold\n- Nobody replies; we give up, and also it rains")
    ['Rooms are cold', 'Nobody replies', 'We give up', 'It rains']

    A part that starts in lower case is given a capital letter (the only change
    made to what people wrote, besides redaction and white space).
    """
    parts = (_BULLET.sub("", " ".join(p.split())) for p in _SENTENCE_END.split(str(text)) if p)
    return [p[:1].upper() + p[1:] for p in parts if p]


def _key(sentence: str) -> str:
    """The same sentence however it is cased or punctuated."""
    return _WORDS.sub(" ", sentence.casefold()).strip()


def _seen(key: str, used: set[str]) -> bool:
    """Whether a sentence, or one of four words or more inside it or around it, was quoted."""
    padded = f" {key} "
    return key in used or any(
        (len(u.split()) >= 4 and f" {u} " in padded) or (len(key.split()) >= 4 and
                                                          f" {key} " in f" {u} ")
        for u in used)


def model_scorer(model, codes: Sequence[str], floor: float = 0.5) -> Scorer:
    """A scorer from a theme model: confident where the theme is the sentence's likeliest,
    and its probability reaches the theme's threshold and ``floor``.

    Parameters
    ----------
    model:
        Anything with ``predict_proba(texts)`` (texts by themes) and, optionally,
        ``thresholds_`` (one a theme).
    codes:
        The themes, in the model's column order.
    """
    def score(texts: list[str]) -> pd.DataFrame:
        proba = np.asarray(model.predict_proba(texts), dtype=float)
        if proba.ndim != 2 or proba.shape[1] != len(codes) or not len(texts):
            return pd.DataFrame(False, index=range(len(texts)), columns=list(codes))
        thresholds = np.asarray(getattr(model, "thresholds_", np.full(len(codes), floor)),
                                dtype=float)
        top = proba.argmax(axis=1)
        sure = (proba >= np.maximum(thresholds, floor)) & (
            np.arange(len(codes))[None, :] == top[:, None])
        return pd.DataFrame(sure, columns=list(codes))
    return score


def _candidates(texts: pd.Series, themes: pd.Series, wanted: list[str], pool: int,
                min_length: int, single: bool) -> pd.DataFrame:
    """Up to ``pool`` answers a wanted theme: ``text``, ``code``, ``others`` (its themes).

    The themes column is split once per *distinct* value (a table has few distinct sets
    of themes however many rows it has); each theme then looks at no more than
    ``10 * pool`` of its answers, spread evenly through the table, and keeps the
    ``pool`` that speak of fewest themes and are nearest 90 characters long.
    """
    which, distinct = pd.factorize(themes, use_na_sentinel=True)
    sets = [[c for c in str(t).split(";") if c] for t in distinct]
    others = np.array([len(s) for s in sets] + [0])
    frames = []
    for code in wanted:
        has = np.array([code in s and (not single or len(s) == 1) for s in sets] + [False])
        rows = np.flatnonzero(has[which])
        if len(rows) > 10 * pool:
            rows = rows[np.unique(np.linspace(0, len(rows) - 1, 10 * pool).astype(int))]
        text = pd.Series(texts.iloc[rows].to_numpy(dtype=object), dtype="string").str.strip()
        frame = pd.DataFrame({"text": text, "code": code, "others": others[which[rows]]})
        frame = frame[frame["text"].str.len().fillna(0) >= min_length]
        frame = frame.assign(distance=(frame["text"].str.len() - 90).abs())
        frame = frame.sort_values(["others", "distance"], kind="stable")
        frames.append(frame.drop_duplicates("text").head(pool))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["text", "code", "others"])


def choose_quotes(texts: pd.Series, themes: pd.Series, wanted: Iterable[str],
                  how_many: int = 3, scorer: Scorer | None = None, min_length: int = 20,
                  max_length: int = 200, pool: int = 40,
                  used: set[str] | None = None) -> dict[str, list[str]]:
    """Up to ``how_many`` quotes for each wanted theme, in the order the themes are given.

    Parameters
    ----------
    texts, themes:
        The answers and their ``;``-joined theme codes (same index).
    wanted:
        The themes to quote, in order: an earlier theme has first pick of a sentence.
    scorer:
        Says which sentences are surely about which theme (:func:`model_scorer`);
        ``None``: a sentence is quoted only from an answer tagged with one theme.
    pool:
        Answers looked at a theme (the rest are never split into sentences).
    used:
        Sentences (as :func:`_key` makes them) already quoted elsewhere; updated.

    Returns
    -------
    dict
        Theme code -> list of quotes (possibly empty).

    Examples
    --------
    >>> texts = pd.Series(["We never have enough time to meet properly.",
    ...                    "Meetings are too short. There is no money for a room to meet in.",
    ...                    "We never have enough time to meet properly!", "Time."])
    >>> themes = pd.Series(["time", "time;funding", "time", "time"])
    >>> choose_quotes(texts, themes, ["time", "funding"])  # single-theme answers only
    {'time': ['We never have enough time to meet properly.'], 'funding': []}
    """
    wanted = list(dict.fromkeys(wanted))
    out: dict[str, list[str]] = {code: [] for code in wanted}
    used = set() if used is None else used
    if not wanted or not len(texts):
        return out
    long = _candidates(texts, themes, wanted, pool, min_length, single=scorer is None)
    if long.empty:
        return out
    pieces = long.assign(sentence=long["text"].map(split_sentences)).reset_index(drop=True)
    pieces["answer"] = pieces.index
    pieces = pieces.explode("sentence").dropna(subset=["sentence"])
    pieces["position"] = pieces.groupby("answer").cumcount()
    distinct = pd.unique(pieces["sentence"])
    if scorer is not None:
        sure = scorer(list(distinct))
        sure.index = distinct
    for code in wanted:
        mine = pieces[pieces["code"] == code]
        if mine.empty:
            continue
        if scorer is not None:
            if code not in sure.columns:
                continue
            ok = sure[code]
            mine = mine.assign(ok=mine["sentence"].map(ok).fillna(False).astype(bool))
        else:
            mine = mine.assign(ok=True)
        chosen: list[str] = []
        for _, answer in mine.groupby("answer", sort=False):
            sentences, flags = answer["sentence"].tolist(), answer["ok"].tolist()
            i = 0
            while i < len(sentences) and len(chosen) < how_many:
                if not flags[i] or _seen(_key(sentences[i]), used):
                    i += 1
                    continue
                quote, keys = sentences[i], [_key(sentences[i])]
                if (i + 1 < len(sentences) and flags[i + 1]
                        and not _seen(_key(sentences[i + 1]), used)
                        and len(quote) + 1 + len(sentences[i + 1]) <= max_length):
                    quote += " " + sentences[i + 1]
                    keys.append(_key(sentences[i + 1]))
                    i += 1
                i += 1
                if not min_length <= len(quote) <= max_length:
                    continue
                chosen.append(redact(quote))
                used.update(keys)
                break  # one quote an answer: three answers speak for a theme, not one
            if len(chosen) >= how_many:
                break
        out[code] = chosen
    return out
