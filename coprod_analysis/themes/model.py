"""Saving and loading a fitted theme classifier as plain data.

A model file is gzip-compressed JSON: the codebook, the classifier's
settings, each vectoriser's vocabulary and IDF weights, the regression
weights and the thresholds. Loading it gives a :class:`~coprod_analysis.themes.linear.LinearThemes`
built from those numbers and words (it predicts with numpy alone, without
importing scikit-learn); nothing in the file is ever run as code, so a model from
someone else is as safe to load as a spreadsheet (unlike pickle or joblib
files, which can run anything when loaded).

The default model is fitted from the bundled labelled examples the first
time it is needed and kept in the user's cache folder (no model file is
committed to the repository); a change to the examples or to the package
version fits it afresh.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import os
import zlib
from pathlib import Path

import numpy as np

from coprod_analysis.errors import CoprodError, os_error_message
from coprod_analysis.limits import MAX_MODEL_INFLATED, check_json_depth, read_inflated
from coprod_analysis.output import atomic_files
from coprod_analysis.themes.codebook import (
    DEFAULT_CODEBOOK,
    DEFAULT_EXAMPLES,
    IMPROVEMENTS_CODEBOOK,
    IMPROVEMENTS_EXAMPLES,
    Codebook,
    load_codebook,
    load_examples,
    to_indicators,
)
from coprod_analysis.themes.linear import FeatureBlock, LinearThemes

logger = logging.getLogger(__name__)

FORMAT = "coprod-theme-model"
FORMAT_VERSION = 1
#: Changes when fitting changes, so that models cached by an older fit are fitted again.
FIT_VERSION = 2
_PARAMS = ("word_ngrams", "char_ngrams", "C", "min_df", "thresholds", "cv", "random_state")


def _pack(array: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype="<f4").tobytes()).decode("ascii")


def _unpack(text: str, shape: tuple[int, ...]) -> np.ndarray:
    array = np.frombuffer(base64.b64decode(text, validate=True), dtype="<f4")
    if array.size != int(np.prod(shape)):
        raise ValueError("weights of the wrong size")
    return array.astype(np.float64).reshape(shape)


def save_model(model, codebook: Codebook, path: str | Path) -> Path:
    """Write a fitted :class:`ThemeClassifier` and its codebook to ``path`` (gzip JSON)."""
    path = Path(path)
    vectorizers = {}
    for name, vectorizer in model.vectorizer_.transformer_list:
        terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
        vectorizers[name] = {"terms": terms, "idf": _pack(vectorizer.idf_)}
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "codebook": {"codes": list(codebook.codes), "labels": list(codebook.labels),
                     "descriptions": list(codebook.descriptions)},
        "params": {k: getattr(model, k) for k in _PARAMS},
        "vectorizers": vectorizers,
        "coef": _pack(model.coef_),
        "intercept": [float(x) for x in model.intercept_],
        "thresholds": [float(x) for x in model.thresholds_],
        "single_label": bool(getattr(model, "single_label_", False)),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_files([path]) as (temp,), gzip.open(temp, "wt", encoding="utf-8") as handle:
        json.dump(document, handle)
    return path


def load_model(path: str | Path) -> tuple[LinearThemes, Codebook]:
    """Read a model file written by :func:`save_model`. Nothing in it is run as code.

    Raises
    ------
    CoprodError
        If the file is missing, not a model file, or damaged.
    """
    path = Path(path)
    try:
        document = read_model_document(path)
        book = document["codebook"]
        codebook = Codebook(tuple(book["codes"]), tuple(book["labels"]),
                            tuple(book["descriptions"]))
        params = {k: document["params"][k] for k in _PARAMS}
        blocks = []
        for name, analyzer, key in (("words", "word", "word_ngrams"),
                                    ("chars", "char_wb", "char_ngrams")):
            stored = document["vectorizers"][name]
            terms = [str(t) for t in stored["terms"]]
            vocabulary = {t: i for i, t in enumerate(terms)}
            if len(vocabulary) != len(terms):
                raise ValueError("a term appears twice")
            low, high = (int(x) for x in params[key])
            if not 1 <= low <= high:
                raise ValueError(f"bad n-gram range {params[key]}")
            blocks.append(FeatureBlock(analyzer, (low, high), vocabulary,
                                       _unpack(stored["idf"], (len(terms),))))
        width = sum(len(b.vocabulary) for b in blocks)
        k = len(codebook.codes)
        model = LinearThemes(
            blocks,
            _unpack(document["coef"], (k, width)),
            np.array(document["intercept"], dtype=float).reshape(k),
            np.array(document["thresholds"], dtype=float).reshape(k),
            codebook.codes,
            bool(document.get("single_label", False)))
    except CoprodError:
        raise
    except KeyError as exc:
        raise CoprodError(f"is not a readable coprod model file (it has no {exc.args[0]!r})",
                          path) from None
    except (OSError, EOFError, ValueError, TypeError, AttributeError, IndexError,
            OverflowError, RecursionError, MemoryError, zlib.error) as exc:
        raise CoprodError(f"is not a readable coprod model file ({type(exc).__name__}: "
                          f"{exc})", path) from None
    return model, codebook


def read_model_document(path: Path) -> dict:
    """A model file's JSON document, read within limits and checked to be one.

    The file may inflate to at most :data:`~coprod_analysis.limits.MAX_MODEL_INFLATED`
    and nest at most :data:`~coprod_analysis.limits.MAX_JSON_DEPTH` deep; both are
    checked before the JSON is parsed.

    Raises
    ------
    CoprodError
        If the file is missing, a folder, too large, or not a model file.
    """
    if not path.exists():
        raise CoprodError("no such model file", path)
    if path.is_dir():
        raise CoprodError("is a folder, not a model file", path)
    try:
        data = read_inflated(path, MAX_MODEL_INFLATED)
        check_json_depth(data)
        document = json.loads(data.decode("utf-8"))
    except CoprodError:
        raise
    except PermissionError:
        raise CoprodError("permission denied: the model file could not be opened",
                          path) from None
    except (OSError, EOFError, ValueError, zlib.error, RecursionError) as exc:
        raise CoprodError(f"is not a readable coprod model file ({type(exc).__name__}: "
                          f"{exc})", path) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CoprodError("is not a readable coprod model file (it holds other data)", path)
    if document.get("version") != FORMAT_VERSION:
        raise CoprodError(f"is a model file of another version ({document.get('version')!r}); "
                          "train it again with this version of coprod", path)
    return document


def fit_model(examples: str | Path, codebook_path: str | Path, text_column: str = "text",
              labels_column: str = "themes", corrections: tuple = (), *,
              redact_texts: bool = False, **params):
    """Fit a :class:`ThemeClassifier` on a labelled examples file and its codebook;
    returns ``(classifier, codebook)``.

    ``corrections``: review sheets corrected by an officer
    (:func:`~coprod_analysis.themes.review.read_corrections`); their rows are
    added as ordinary examples, replacing an example with the same text.
    ``redact_texts``: redact the examples before fitting, so that no name, e-mail
    address or number in them becomes a word of the model's vocabulary (a model
    file is shared; ``coprod themes train`` does this unless ``--keep-text``).
    """
    from coprod_analysis.themes.classifier import ThemeClassifier

    codebook = load_codebook(codebook_path)
    from coprod_analysis.clean.redact import redact_many

    def learnt(texts: list[str]) -> list[str]:
        return redact_many(texts) if redact_texts else texts

    texts, labels = load_examples(examples, codebook, text_column, labels_column)
    # redacted before corrections replace examples, so that a review sheet's (redacted)
    # comments match them
    texts = learnt(texts)
    if corrections:
        from coprod_analysis.themes.review import read_corrections, with_corrections

        single = bool(labels) and all(len(lab) == 1 for lab in labels)
        for path in corrections:
            fixed, fixed_labels = read_corrections(path, codebook, single)
            # a sheet written with --keep-text is redacted too
            texts, labels = with_corrections(texts, labels, learnt(fixed), fixed_labels)
    model = ThemeClassifier(**params).fit(texts, to_indicators(labels, codebook))
    return model, codebook


#: Models already loaded in this process, by cache file.
_IN_MEMORY: dict[Path, tuple[LinearThemes, Codebook]] = {}


def _cache_folder() -> Path:
    if os.environ.get("COPROD_CACHE"):
        return Path(os.environ["COPROD_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coprod-analysis"


#: Cache folders already said to be unusable (said once per run).
_UNUSABLE_CACHES: set[Path] = set()


def _cache_unusable(folder: Path, reason: str) -> None:
    """Say once (with ``-v``) that the model cache cannot be used; the model is fitted
    without it."""
    if folder not in _UNUSABLE_CACHES:
        _UNUSABLE_CACHES.add(folder)
        logger.info("the model cache folder %s cannot be used (%s); fitting the model "
                    "without it (set COPROD_CACHE to a folder you can write)", folder, reason)


def default_model(examples: str | Path = DEFAULT_EXAMPLES,
                  codebook_path: str | Path = DEFAULT_CODEBOOK) -> tuple[LinearThemes, Codebook]:
    """The model fitted from the bundled examples, from the cache or fitted now.

    A cached model predicts without scikit-learn; only fitting it (the first
    time, or after the examples change) imports scikit-learn.
    """
    from coprod_analysis import __version__

    digest = hashlib.sha256()
    for part in (Path(examples).read_bytes(), Path(codebook_path).read_bytes(),
                 __version__.encode(), f"fit {FIT_VERSION}".encode()):
        digest.update(part)
    cached = _cache_folder() / f"{Path(examples).stem}-{digest.hexdigest()[:16]}.json.gz"
    if cached in _IN_MEMORY:
        return _IN_MEMORY[cached]
    try:
        if cached.is_file():
            _IN_MEMORY[cached] = load_model(cached)
            return _IN_MEMORY[cached]
    except OSError as exc:
        _cache_unusable(cached.parent, os_error_message(exc))
    except CoprodError as exc:
        logger.info("cached model %s unreadable (%s); fitting again", cached, exc.message)
    logger.info("fitting the default theme model from %s", examples)
    model, codebook = fit_model(examples, codebook_path)
    try:
        save_model(model, codebook, cached)
    except OSError as exc:  # a read-only home folder: use the model without caching it
        _cache_unusable(cached.parent, os_error_message(exc))
    except CoprodError as exc:
        _cache_unusable(cached.parent, exc.message)
    _IN_MEMORY[cached] = (model.to_linear(), codebook)
    return _IN_MEMORY[cached]


#: The bundled models: name -> (labelled examples, codebook).
BUNDLED = {
    "challenges": (DEFAULT_EXAMPLES, DEFAULT_CODEBOOK),
    "improvements": (IMPROVEMENTS_EXAMPLES, IMPROVEMENTS_CODEBOOK),
}


def bundled_model(name: str) -> tuple[LinearThemes, Codebook]:
    """The default model for the ``challenges`` or ``improvements`` codebook.

    Raises
    ------
    CoprodError
        If the bundled examples are not there (the package was installed
        without its repository).
    """
    examples, codebook = BUNDLED[name]
    if not Path(examples).is_file() or not Path(codebook).is_file():
        raise CoprodError(f"the bundled {name} examples are not installed; train a model "
                          "with 'coprod themes train' and pass it with --model", examples)
    return default_model(examples, codebook)
