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

6. a quote never names a group, a venue or a session: redaction keeps places,
   but "Seacroft PPG meetings clash with school pickup" is one group's answer
   however many groups answered, and a venue named in an answer gives it to
   the few who were at that session. Before it is redacted, every group and
   venue the report's inputs hold (:class:`Places`), and anything that reads
   like one (capitalised words before PPG, Surgery, Library, Centre, ...), is
   replaced by ``[group]`` or ``[venue]`` (:func:`hide_places`); a quote left
   with fewer than ``min_length`` characters of its own words is not used.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from coprod_analysis.clean.gazetteer import english_words
from coprod_analysis.clean.gazetteer import load as load_gazetteer
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


#: Words that say a name is a group's ("Oakwood PPG"): the last such word of a name decides.
_GROUP_WORDS = frozenset("""ppg ppgs pag pags prg prgs group groups forum forums committee
committees panel panels network networks""".split())
#: Words that say a name is a place's ("Armley Moor Library").
_VENUE_WORDS = frozenset("""library libraries hub hubs centre centres center centers hall halls
church churches chapel chapels surgery surgeries practice practices""".split())
_KIND_WORDS = _GROUP_WORDS | _VENUE_WORDS
#: Words that stand between a name and what it is ("Seacroft Surgery Patient Group").
_BETWEEN_WORDS = frozenset("""patient patients participation reference steering volunteer
volunteers carer carers medical health community leisure resource family""".split())
#: Words that are no name of a group or venue, though written with a capital.
_NOT_NAMES = frozenset("""the a an and or but of at in on for to by with from as is was are
were be been so very really just also not yes no our my your their his her its this that these
those every each any all some other another local new i we you they it he she me us them hi
dear thanks thank nhs ccg icb pcn gp gps whatsapp facebook zoom teams google microsoft online
virtual monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())
#: What a name is replaced by in a quote.
_PLACEHOLDERS = re.compile(r"\[(?:group|venue)\]")
_NAME_WORD = re.compile(r"[^\W_]+(?:['\u2019.][^\W_]+)*|&")
_GAP = r"[\s\-_.'\u2019]*"  # between the words of a name, as people write it
_SPACE = r"[\s\-_.'\u2019]+"  # between a name and what it is


def _name_words(name: str) -> list[str]:
    """A name's words in lower case, without dots and apostrophes; "&" is "and", "saint"
    is "st"."""
    words = [re.sub(r"['\u2019.]", "", w.casefold()) for w in _NAME_WORD.findall(str(name))]
    return ["and" if w == "&" else "st" if w == "saint" else w for w in words if w]


def _word_pattern(word: str) -> str:
    """A name's word as it may be written: any case, dotted ("P.P.G."), with an apostrophe."""
    if word == "and":
        return r"(?:and|&)"
    if word == "st":
        return r"(?:st|saint)"
    return "['\u2019.]?".join(re.escape(c) for c in word)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(_word_pattern(w) for w in sorted(words, key=len, reverse=True))


_KIND = f"(?:{_alternation(_KIND_WORDS)})"
_KIND_OR_BETWEEN = f"(?:{_alternation(_KIND_WORDS | _BETWEEN_WORDS)})"
#: What a group or venue is, after its name: "PPG", "Health Centre", "Surgery Patient Group".
_SUFFIX = f"(?:{_SPACE}{_KIND_OR_BETWEEN}(?={_SPACE}))*{_SPACE}{_KIND}"
_CAPITALISED = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W_]*(?:['\u2019.\-][^\W_]+)*\.?"
#: Capitalised words before what a group or venue is: a name nobody gave the report.
_LOOKS_LIKE_A_NAME = re.compile(
    rf"(?<![\w\[\]])((?:{_CAPITALISED}[ \t]+){{1,5}})"
    rf"(?i:(?:{_KIND_OR_BETWEEN}[ \t\-]+)*{_KIND})(?:['\u2019]s)?(?!\w)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;(\[\"\u201c\u2018*\u2022\-\u2013\u2014])\s*$")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words too common to be a name by themselves ("park", "central")."""
    return load_gazetteer().common_words | _NOT_NAMES


def _distinctive(words: Sequence[str]) -> bool:
    """Whether a name's words hold one that is a name by itself (not "park", "CCG", "PPG")."""
    common = _common_words()
    return any(len(w) > 1 and w not in common and w not in _KIND_WORDS
               and w not in _BETWEEN_WORDS for w in words)


def _kind_said(words: Sequence[str]) -> str | None:
    """``[group]`` or ``[venue]`` as the last words of a name say ("... Library"), or None."""
    for word in reversed(words):
        if word in _GROUP_WORDS:
            return "[group]"
        if word in _VENUE_WORDS:
            return "[venue]"
        if word not in _BETWEEN_WORDS:
            return None
    return None


class Places:
    """The patient groups and venues a report's inputs name, to be kept out of its quotes.

    A name is found in any case and spacing, dotted or not ("Oakwood P.P.G."), with
    or without the words that say what it is ("Oakwood", "Oakwood PPG", "Oakwood
    patient group"; "Armley Moor", "Armley Moor Library"), longest first. What is
    left of a name without those words is enough by itself only when it is no
    common word: "Park Surgery PPG" is not found in "the car park", nor "CCG
    Volunteer Steering Group" in "the CCG"; a name of common words only, with
    nothing to say it is a group or a venue (a venue answered "Other"), is no name.

    Examples
    --------
    >>> places = Places(["Oakwood PPG"], ["Armley Moor Library"])
    >>> places.hide("At oakwood ppg the room at Armley Moor was cold")
    'At [group] the room at [venue] was cold'
    """

    def __init__(self, groups: Iterable[object] = (), venues: Iterable[object] = ()):
        def names(values: Iterable[object]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v.strip() for v in values
                                       if isinstance(v, str) and v.strip()))

        self.groups, self.venues = names(groups), names(venues)

    @cached_property
    def _found(self) -> tuple[re.Pattern | None, dict[str, str]]:
        kinds: dict[str, str] = {}  # a name without spaces -> what it is (a group first)
        ways: dict[str, tuple[int, str]] = {}  # pattern -> (words' length, pattern)
        for kind, names in (("[venue]", self.venues), ("[group]", self.groups)):
            for name in names:
                words = _name_words(name)
                core = words[1:] if words[:1] == ["the"] else list(words)
                while core and (core[-1] in _KIND_WORDS or core[-1] in _BETWEEN_WORDS):
                    core.pop()
                for part in (words, core):
                    if part:
                        kinds["".join(part)] = kind
                if words and (_distinctive(words) or set(words) & _KIND_WORDS):
                    ways.setdefault(_GAP.join(map(_word_pattern, words)),
                                    (len(" ".join(words)), ""))
                if core and core != words:
                    phrase = _GAP.join(map(_word_pattern, core))
                    ways.setdefault(phrase if _distinctive(core) else phrase + _SUFFIX,
                                    (len(" ".join(core)), ""))
        if not ways:
            return None, kinds
        ordered = sorted(ways, key=lambda w: -ways[w][0])
        pattern = re.compile(rf"(?<![\w\[])(?:{'|'.join(ordered)})(?:{_SUFFIX})?"
                             rf"(?:['\u2019]s)?(?!\w)", re.IGNORECASE)
        return pattern, kinds

    def hide(self, text: str) -> str:
        """``text`` with every group and venue these inputs name as ``[group]``/``[venue]``."""
        pattern, kinds = self._found
        if pattern is None:
            return text

        def placeholder(match: re.Match) -> str:
            words = _name_words(match.group(0))
            return _kind_said(words) or kinds.get("".join(words), "[group]")

        return pattern.sub(placeholder, text)


def _looks_like_a_name(match: re.Match) -> str:
    """A capitalised name before "PPG", "Library", ... as ``[group]``/``[venue]``, or as it
    is when its words are no name ("Our PPG", "Lovely library", "The Health Centre")."""
    text, start = match.string, match.start(1)
    spans = [(start + m.start(), m.group()) for m in re.finditer(r"\S+", match.group(1))]
    keys = [re.sub(r"['\u2019.]|s$" if w.endswith(("'s", "\u2019s")) else r"['\u2019.]", "",
                   w.casefold()) for _, w in spans]
    # The name is the words after the last that is no name: "At | Oakwood PPG".
    first = max((i + 1 for i, k in enumerate(keys) if k in _NOT_NAMES), default=0)
    capitals = any(c.islower() for c in text)  # in a text all in capitals, none says much
    english = english_words()
    named = False
    for (at, _), key in zip(spans[first:], keys[first:], strict=True):
        if key in _KIND_WORDS or key in _BETWEEN_WORDS or len(key) < 2:
            continue
        if key not in english or (capitals and not _SENTENCE_START.search(text[:at])):
            named = True
    if not named:
        return match.group(0)
    kind = _kind_said(_name_words(match.group(0))) or "[venue]"
    return text[match.start():spans[first][0]] + kind


def hide_places(text: str, places: Places | None = None) -> str:
    """A quote that names no group, venue or session: each name ``places`` holds, and any
    capitalised name before what a group or venue is ("Kirkstal Health Centre", "St
    Marys Surgery", "The Grange Practice PPG"), replaced by ``[group]`` or ``[venue]``
    (by the last word that says which, else by what the inputs say it is).

    Examples
    --------
    >>> hide_places("As chair of the Holt Park PPG I never have time",
    ...             Places(["Holt Park PPG"]))
    'As chair of the [group] I never have time'
    >>> hide_places("We meet at St Marys Surgery; our PPG is small")
    'We meet at [venue]; our PPG is small'
    """
    if places is not None:
        text = places.hide(text)
    return _LOOKS_LIKE_A_NAME.sub(_looks_like_a_name, text)


def _own_words(quote: str) -> str:
    """A quote without the places hidden in it: what is left of what people wrote."""
    return " ".join(_PLACEHOLDERS.sub(" ", quote).split())


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
                  used: set[str] | None = None,
                  places: Places | None = None) -> dict[str, list[str]]:
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
    places:
        The groups and venues the report's inputs name (:class:`Places`): never in a
        quote (:func:`hide_places`; with none, names that look like one are still hidden).

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
                quote = hide_places(quote, places)
                if len(_own_words(quote)) < min_length:  # "[group] versus [venue]!"
                    continue
                chosen.append(redact(quote))
                used.update(keys)
                break  # one quote an answer: three answers speak for a theme, not one
            if len(chosen) >= how_many:
                break
        out[code] = chosen
    return out
