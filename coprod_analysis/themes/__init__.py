"""Free-text comments into themes (the challenge codebook, or any codebook).

Predicting needs numpy and scipy only; fitting and evaluating (``ThemeClassifier``,
``KeywordBaseline``, ``cross_validate``, ``score_themes``) import scikit-learn when
first used.
"""

import string
from functools import lru_cache

from coprod_analysis.themes.codebook import Codebook, load_codebook, load_examples, to_indicators
from coprod_analysis.themes.linear import LinearThemes
from coprod_analysis.themes.model import (
    bundled_model,
    default_model,
    fit_model,
    load_model,
    save_model,
)

#: Imported only when asked for: they need scikit-learn, which predicting does not.
_LAZY = {"KeywordBaseline": "classifier", "ThemeClassifier": "classifier",
         "cross_validate": "evaluate", "score_themes": "evaluate"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Codebook",
    "KeywordBaseline",
    "LinearThemes",
    "ThemeClassifier",
    "bundled_model",
    "classify_texts",
    "cross_validate",
    "default_model",
    "fit_model",
    "load_codebook",
    "load_examples",
    "load_model",
    "save_model",
    "score_themes",
    "to_indicators",
]


#: Normalised answers that say nothing to code.
NON_ANSWERS = frozenset({"none", "nothing", "no", "nil", "nothing really", "not really",
                         "no comment", "no comments"})
_LONGEST = max(map(len, NON_ANSWERS))


#: Every byte but ASCII letters and digits: what ``bytes.translate`` drops to count them.
_NOT_LETTERS_OR_DIGITS = bytes(sorted(set(range(256)) - set(
    (string.ascii_letters + string.digits).encode("ascii"))))


@lru_cache(maxsize=1)
def _longest_missing() -> int:
    """The length of the longest missing answer or non-answer (``vocab.MISSING_ANSWERS``,
    ``NON_ANSWERS``): a text with more letters and digits is neither."""
    from coprod_analysis.vocab import MISSING_ANSWERS

    return max(_LONGEST, *map(len, MISSING_ANSWERS))


def says_nothing(text: str) -> bool:
    """Whether a comment is missing or a non-answer ("N/A", "-", "None", "nothing").

    An ASCII text with more letters and digits than the longest such answer is
    neither, without normalising it (most comments: the quick way out).

    Examples
    --------
    >>> [says_nothing(t) for t in ("N/A", " Nothing. ", "-", "More breaks please")]
    [True, True, True, False]
    """
    if text.isascii() and len(text.encode("ascii").translate(
            None, _NOT_LETTERS_OR_DIGITS)) > _longest_missing():
        return False
    from coprod_analysis.clean.values import is_missing, normalise_answer

    key = normalise_answer(text)
    return is_missing(text, key) or key in NON_ANSWERS


def classify_texts(texts, model, codebook: Codebook) -> list[str]:
    """``;``-joined theme codes for each text ("" where none fits), once per distinct text.

    Missing texts and non-answers ("N/A", "None", "Nothing") get no theme; so does
    a comment given a single-label codebook's ``none`` code.

    Examples
    --------
    >>> book = Codebook(("a",), ("A",), ("",))
    >>> class Always:
    ...     def predict(self, texts):
    ...         return [[1] for _ in texts]
    >>> classify_texts(["some words", "n/a", None, "Nothing"], Always(), book)
    ['a', '', '', '']
    """
    import numpy as np
    import pandas as pd

    from coprod_analysis.themes.review import theme_text

    codes, distinct = pd.factorize(pd.Series(list(texts), dtype=object), use_na_sentinel=True)
    # Non-answers ("N/A", "-", "None", "nothing") carry no theme; all else is
    # classified once per distinct text.
    distinct = [str(t) for t in distinct]
    at = [i for i, t in enumerate(distinct) if not says_nothing(t)]
    answers = np.full(len(distinct) + 1, "", dtype=object)  # the last for a missing text
    if at:
        predicted = np.asarray(model.predict([distinct[i] for i in at])).reshape(len(at), -1)
        if predicted.shape[1]:
            # each pattern of themes written once: a few hundred among many thousand texts
            patterns, which = np.unique(predicted != 0, axis=0, return_inverse=True)
            written = np.array([theme_text(row, codebook) for row in patterns], dtype=object)
            answers[at] = written[which.reshape(-1)]
    return answers[codes].tolist()
