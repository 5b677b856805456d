"""The name gazetteer that :mod:`coprod_analysis.clean.redact` looks names up in.

Loaded once, on first use, from ``data/names.tsv.gz`` in the package (see
``data/README.md`` for its sources, licences and how it is rebuilt). Each row is a
name in title case, its kind (``given``, ``surname``, ``both``, or ``word``: a
common English word kept as a stop list) and whether it is also an English word
(``common``: needs clear context; ``dict``: a rarer word; ``-``: not a word).

Beside it, ``data/words.tsv.gz`` lists English words and known proper nouns
(places, brands), so that a word none of the lists knows can be told apart
(:func:`known_words`).
"""

from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise


@dataclass(frozen=True)
class Gazetteer:
    """Name lists keyed by lower-case spelling.

    Attributes
    ----------
    given:
        Given names that are not common English words ("sarah", "nasreen", "tom").
    given_common:
        Given names that are also common words ("will", "may", "grace", "hope").
    surnames:
        Surnames of any class ("whitcombe", "qureshi", "hall").
    common_words:
        Common English words of any kind, names or not ("the", "will", "hall").
    dict_words:
        Names that are rarer English words ("tom", "robin", "hood").
    surnames_common:
        Surnames that are also common words ("baker", "brown", "walker"): a surname
        only beside a given name ("Sarah Baker").
    """

    given: frozenset[str]
    given_common: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    dict_words: frozenset[str] = frozenset()
    surnames_common: frozenset[str] = frozenset()

    def is_name(self, key: str) -> bool:
        """Whether a lower-case word is a given name or surname that is not a common word.

        Examples
        --------
        >>> load().is_name("qureshi"), load().is_name("will"), load().is_name("session")
        (True, False, False)
        """
        return (key in self.given or key in self.surnames) and key not in self.common_words


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The word without accents, so that "Siobhán" is found as "Siobhan".

    Examples
    --------
    >>> fold("siobhán"), fold("zoë"), fold("łukasz")
    ('siobhan', 'zoe', 'lukasz')
    """
    return fold_text(word)


def fold_text(text: str) -> str:
    """:func:`fold` for a whole text (not kept in its cache): decomposed (NFKD),
    without combining marks, and with the letters that do not decompose replaced.

    Examples
    --------
    >>> fold_text("ask for zo\u00eb or chlo\u00e9, \u0141ukasz")
    'ask for zoe or chloe, Lukasz'
    """
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_fold_table())


#: Combining marks are all below this code point (none above it up to Unicode 15;
#: a test checks the Python in use).
COMBINING_BELOW = 0x30000


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str | None]:
    """What :func:`fold_text` does to a decomposed text: combining marks dropped,
    letters that do not decompose replaced (built once, when first needed)."""
    table: dict[int, str | None] = {c: None for c in range(COMBINING_BELOW)
                                    if unicodedata.combining(chr(c))}
    table.update({ord(k): v for k, v in _NOT_DECOMPOSED.items()})
    return table


_NOT_DECOMPOSED = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                   "ß": "ss", "æ": "ae", "Æ": "AE", "ı": "i"}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The packaged gazetteer (read once per process).

    Examples
    --------
    >>> g = load()
    >>> "ayesha" in g.given, "will" in g.given_common, "harehills" in g.surnames
    (True, True, False)
    >>> "baker" in g.surnames_common, "baker" in g.surnames, "session" in g.surnames_common
    (True, False, False)
    """
    raw = resources.files("coprod_analysis.clean").joinpath("data/names.tsv.gz").read_bytes()
    given: set[str] = set()
    given_common: set[str] = set()
    surnames: set[str] = set()
    common: set[str] = set()
    dict_words: set[str] = set()
    for line in gzip.decompress(raw).decode("utf-8").splitlines()[1:]:
        name, kind, word = line.split("\t")
        key = fold(name.lower())
        if word == "common":
            common.add(key)
        elif word == "dict":
            dict_words.add(key)
        if kind in ("given", "both"):
            (given_common if word == "common" else given).add(key)
        if kind in ("surname", "both"):
            surnames.add(key)
    # an accented name folded onto an English word ("Óver") is that word first
    given -= common
    surnames_common = surnames & common
    surnames -= common
    return Gazetteer(frozenset(given), frozenset(given_common), frozenset(surnames),
                     frozenset(common), frozenset(dict_words), frozenset(surnames_common))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """English words in lower case without accents (SCOWL and the project's own list;
    ``data/words.tsv.gz``, read once per process).

    Examples
    --------
    >>> e = english_words()
    >>> "lunch" in e, "couldnt" in e, "leeds" in e, "tsiory" in e
    (True, True, False, False)
    """
    return _word_list()[0]


def proper_words() -> frozenset[str]:
    """Known places, brands, organisations and occasions (``data/words.tsv.gz``'s
    proper nouns), in lower case without accents.

    Examples
    --------
    >>> "leeds" in proper_words(), "tesco" in proper_words(), "lunch" in proper_words()
    (True, True, False)
    """
    return _word_list()[1]


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Words that are no person's unknown name, in lower case without accents:
    English words and proper nouns (places and brands: "leeds", "facebook") of
    ``data/words.tsv.gz``, and every name and word of the gazetteer.

    A capitalised word outside it is one nobody's list knows ("Tsiory"): where a
    person's name would stand, it is taken for one.

    Examples
    --------
    >>> k = known_words()
    >>> "lunch" in k, "leeds" in k, "sarah" in k, "tsiory" in k, "oyinkansola" in k
    (True, True, True, False, False)
    """
    english, proper = _word_list()[:2]
    gaz = load()
    known = set(english)
    for words in (proper, gaz.given, gaz.given_common, gaz.surnames, gaz.common_words,
                  gaz.dict_words):
        known.update(words)
    return frozenset(known)


def local_words() -> frozenset[str]:
    """The project's own words of ``data/words.tsv.gz``: places in and around Leeds,
    shops, charities, occasions, and words of NHS engagement.

    Examples
    --------
    >>> "leeds" in local_words(), "boots" in local_words(), "tanisha" in local_words()
    (True, True, False)
    """
    return _word_list()[2]


def capitalised_english() -> frozenset[str]:
    """English words that SCOWL also lists with a capital, many of them given names
    ("paddy", "mick"), some brands ("google").

    Examples
    --------
    >>> "paddy" in capitalised_english(), "lunch" in capitalised_english()
    (True, False)
    """
    return _word_list()[3]


@lru_cache(maxsize=1)
def _word_list() -> tuple[frozenset[str], ...]:
    """The English words, the proper nouns, the project's own words and the English
    words also listed capitalised, of ``data/words.tsv.gz`` (folded when it was
    built: see ``scripts/build_word_list.py``)."""
    raw = resources.files("coprod_analysis.clean").joinpath("data/words.tsv.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    # a header, then "word<TAB>english" lines, then "proper", "local", "capitalised"
    starts = [text.rfind("\n", 0, text.find(f"\t{kind}\n")) + 1
              for kind in ("proper", "local", "capitalised")]
    bounds = [text.find("\n") + 1, *starts, len(text)]
    return tuple(frozenset(text[a:b].split()[::2]) for a, b in pairwise(bounds))
