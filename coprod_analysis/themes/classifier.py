"""Free-text comments into themes: a multi-label scikit-learn classifier.

:class:`ThemeClassifier` turns each comment into word and character n-gram
TF-IDF features (made once) and fits one logistic regression per theme. Each
theme has its own threshold on the predicted probability, chosen from
cross-validated scores of all themes at once (``cross_val_predict``) to give
that theme its best F1; a comment that reaches no theme's threshold gets no
theme (it abstains rather than guesses). A single-label codebook (every
example one theme) gets one linear SVM per theme instead, and every comment
its top theme. Everything is seeded, so fitting twice gives the same model.
Once fitted, :meth:`ThemeClassifier.to_linear` gives the same model as
arrays, which predict without scikit-learn.

:class:`KeywordBaseline` is the simple alternative it is compared with:
each theme's most telling words, learnt from the same examples; a comment
gets a theme when it contains one of them.

Both are scikit-learn estimators (``fit``, ``predict``, ``predict_proba``;
``X`` a list of texts, ``y`` a 0/1 table with one column per theme), so they
work in a Pipeline and with cross-validation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from coprod_analysis.themes.linear import FeatureBlock, LinearThemes, decide

#: Thresholds tried for each theme when they are chosen by cross-validation. None is
#: below 0.3: a theme needs some confidence, or the comment gets none (abstains).
THRESHOLD_GRID = np.round(np.arange(0.30, 0.91, 0.05), 2)


def _texts(X: Iterable) -> list[str]:
    if isinstance(X, pd.DataFrame):
        X = X.iloc[:, 0]
    return ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in X]


def _labels(y) -> tuple[np.ndarray, np.ndarray]:
    """A 0/1 matrix and its class names, from a DataFrame or an array."""
    if isinstance(y, pd.DataFrame):
        return y.to_numpy(dtype=int), np.asarray(y.columns, dtype=object)
    matrix = np.asarray(y, dtype=int)
    if matrix.ndim != 2:
        raise ValueError("y must be a 0/1 table with one column per theme")
    return matrix, np.arange(matrix.shape[1], dtype=object)


def best_threshold(truth: np.ndarray, proba: np.ndarray) -> float:
    """The threshold in :data:`THRESHOLD_GRID` with the best F1 (ties: nearest 0.5).

    Examples
    --------
    Both 0.35 and 0.40 separate these perfectly; 0.40 is nearer 0.5.

    >>> best_threshold(np.array([1, 1, 0, 0]), np.array([0.9, 0.4, 0.3, 0.1]))
    0.4
    """
    scores = [f1_score(truth, proba >= t, zero_division=0) for t in THRESHOLD_GRID]
    best = max(scores)
    candidates = [t for t, s in zip(THRESHOLD_GRID, scores, strict=True) if s == best]
    return float(min(candidates, key=lambda t: (abs(t - 0.5), t)))


class ThemeClassifier(ClassifierMixin, BaseEstimator):
    """Theme classifier: TF-IDF n-grams and one linear model per theme.

    Parameters
    ----------
    word_ngrams, char_ngrams:
        n-gram ranges of the word and character (within word) features.
    C:
        Inverse regularisation strength of each logistic regression.
    min_df:
        Ignore n-grams seen in fewer examples than this.
    thresholds:
        ``"cv"`` to choose each theme's threshold by cross-validation, or one
        number for every theme.
    cv:
        Folds used to choose thresholds.
    random_state:
        Seed for the folds: the same data gives the same model.
    single_label:
        ``"auto"``: single-label when every example carries exactly one theme
        (then every comment gets exactly its top theme, from linear SVMs); or
        ``True`` / ``False`` to say so.

    Examples
    --------
    >>> texts = ["not enough time", "meetings too short", "no money", "no funding at all"] * 3
    >>> y = pd.DataFrame({"time": [1, 1, 0, 0] * 3, "funding": [0, 0, 1, 1] * 3})
    >>> model = ThemeClassifier(cv=3).fit(texts, y)
    >>> model.predict(["the money ran out"]).tolist()
    [[0, 1]]
    """

    def __init__(self, word_ngrams: tuple[int, int] = (1, 2),
                 char_ngrams: tuple[int, int] = (2, 5), C: float = 1.0, min_df: int = 1,
                 thresholds: str | float = "cv", cv: int = 5, random_state: int = 0,
                 single_label: str | bool = "auto") -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.C = C
        self.min_df = min_df
        self.thresholds = thresholds
        self.cv = cv
        self.random_state = random_state
        self.single_label = single_label

    def _vectorizer(self) -> FeatureUnion:
        common = {"sublinear_tf": True, "min_df": self.min_df, "strip_accents": "unicode",
                  "lowercase": True, "dtype": np.float32}
        return FeatureUnion([
            ("words", TfidfVectorizer(analyzer="word", ngram_range=self.word_ngrams,
                                      token_pattern=r"(?u)\b\w[\w']*\b", **common)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                                      **common)),
        ])

    def _linear(self, blocks: tuple[int, ...] = (), loss: str = "logistic") -> _OneVsRestLinear:
        return _OneVsRestLinear(C=self.C, random_state=self.random_state, blocks=blocks,
                                loss=loss)

    def fit(self, X, y) -> ThemeClassifier:
        """Fit on texts ``X`` and a 0/1 table ``y`` (one column per theme).

        The features are made once; each theme's threshold comes from
        cross-validated scores of every theme at once (``cross_val_predict``
        over those features). When every example carries exactly one theme
        (and ``single_label`` is ``"auto"``), the model is single-label: it
        gives each comment its top theme, and needs no thresholds.
        """
        texts = _texts(X)
        Y, self.classes_ = _labels(y)
        if self.single_label == "auto":
            self.single_label_ = bool(len(Y)) and bool((Y.sum(axis=1) == 1).all())
        else:
            self.single_label_ = bool(self.single_label)
        self.vectorizer_ = self._vectorizer()
        features = self.vectorizer_.fit_transform(texts).tocsr()
        fitted = self._linear(loss="hinge" if self.single_label_ else "logistic").fit(
            features, Y)
        self.coef_, self.intercept_ = fitted.coef_, fitted.intercept_
        if self.single_label_:
            self.thresholds_ = np.full(Y.shape[1], 0.5)  # not used: the top theme wins
        elif self.thresholds == "cv":
            self.thresholds_ = self._cv_thresholds(features, Y)
        else:
            self.thresholds_ = np.full(Y.shape[1], float(self.thresholds))
        return self

    def _cv_thresholds(self, features, Y: np.ndarray) -> np.ndarray:
        folds = min(self.cv, features.shape[0])
        if folds < 2:
            return np.full(Y.shape[1], 0.5)
        widths = tuple(len(v.vocabulary_) for _, v in self.vectorizer_.transformer_list)
        scores = cross_val_predict(
            self._linear(widths), features, Y, method="decision_function",
            cv=KFold(folds, shuffle=True, random_state=self.random_state))
        proba = 1.0 / (1.0 + np.exp(-scores))
        return np.array([best_threshold(Y[:, k], proba[:, k]) for k in range(Y.shape[1])])

    def decision_function(self, X) -> np.ndarray:
        """The linear score of each theme for each text."""
        features = self.vectorizer_.transform(_texts(X))
        return np.asarray(features @ self.coef_.T) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Each theme's score on a 0-1 scale (the logistic of its linear score), shape
        (texts, themes); what the thresholds apply to."""
        return 1.0 / (1.0 + np.exp(-self.decision_function(X)))

    def predict(self, X) -> np.ndarray:
        """1 where a theme's probability reaches its threshold (a row of 0s abstains);
        a single-label model gives each text its top theme."""
        return decide(self.decision_function(X), self.thresholds_, self.single_label_)

    def to_linear(self) -> LinearThemes:
        """The fitted model as arrays (:class:`LinearThemes`), predicting without
        scikit-learn."""
        blocks = []
        for name, vectorizer in self.vectorizer_.transformer_list:
            blocks.append(FeatureBlock(
                "word" if name == "words" else "char_wb",
                tuple(vectorizer.ngram_range),
                {str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
                np.asarray(vectorizer.idf_, dtype=np.float64)))
        return LinearThemes(blocks, np.asarray(self.coef_, dtype=np.float64),
                            np.asarray(self.intercept_, dtype=np.float64),
                            np.asarray(self.thresholds_, dtype=np.float64),
                            tuple(str(c) for c in self.classes_), self.single_label_)


class _OneVsRestLinear(BaseEstimator):
    """One linear model per theme over ready-made features, each weighted for its
    theme's rarity: a logistic regression (``loss="logistic"``, whose scores the
    thresholds apply to) or a linear SVM (``"hinge"``, for single-label
    codebooks, where the top score wins and no threshold is needed).

    ``y`` is a 0/1 table; ``decision_function`` gives every theme's score at once,
    which is what ``cross_val_predict`` collects.

    The features are made once for all folds, so a held-out comment has
    n-grams no training comment of its fold has; a model fitted on the fold
    alone would never see them. With ``blocks`` (the width of each
    feature block, each scaled to unit length), ``decision_function`` drops
    them and scales each block back to unit length, so that cross-validated
    scores (and the thresholds chosen from them) match what a fitted model
    scores on new comments.
    """

    def __init__(self, C: float = 1.0, random_state: int = 0,
                 blocks: tuple[int, ...] = (), loss: str = "logistic") -> None:
        self.C = C
        self.random_state = random_state
        self.blocks = blocks
        self.loss = loss

    def _model(self):
        if self.loss == "hinge":
            return LinearSVC(C=self.C, class_weight="balanced", random_state=self.random_state)
        # The dual problem is the faster one with more features than examples.
        return LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear",
                                  dual=True, max_iter=1000, random_state=self.random_state)

    def fit(self, features, Y) -> _OneVsRestLinear:
        Y = np.asarray(Y, dtype=int)
        k = Y.shape[1]
        self.classes_ = np.arange(k)
        self.seen_ = np.bincount(features.indices, minlength=features.shape[1]) > 0
        self.coef_ = np.zeros((k, features.shape[1]), dtype=np.float64)
        self.intercept_ = np.zeros(k)
        present = [j for j in range(k) if Y[:, j].min() != Y[:, j].max()]
        for j in range(k):
            if j not in present:  # a theme always or never present
                self.intercept_[j] = 10.0 if Y[0, j] else -10.0
        for j in present:
            model = self._model()
            model.fit(features, Y[:, j])
            self.coef_[j], self.intercept_[j] = model.coef_[0], model.intercept_[0]
        return self

    def decision_function(self, features) -> np.ndarray:
        if self.blocks and not self.seen_.all():
            features = _unit_blocks(features.multiply(self.seen_).tocsr(), self.blocks)
        return np.asarray(features @ self.coef_.T) + self.intercept_

    def predict(self, features) -> np.ndarray:
        return (self.decision_function(features) >= 0).astype(int)


def _unit_blocks(features, widths: tuple[int, ...]):
    """Each row's block of columns (``widths`` wide, in order) scaled to unit length."""
    block = np.repeat(np.arange(len(widths)), widths)
    features.eliminate_zeros()
    rows = np.repeat(np.arange(features.shape[0]), np.diff(features.indptr))
    where = rows * len(widths) + block[features.indices]
    squares = np.bincount(where, weights=features.data ** 2,
                          minlength=features.shape[0] * len(widths))
    features.data = features.data / np.sqrt(squares[where])
    return features


_WORD = re.compile(r"[a-z][a-z']{2,}")


class KeywordBaseline(ClassifierMixin, BaseEstimator):
    """Each theme's most telling words, learnt from the examples; a text containing one
    gets the theme. The simple design the classifier must beat.

    Parameters
    ----------
    keywords:
        How many words to keep per theme.
    min_count:
        A word must appear in at least this many of the theme's examples.

    Examples
    --------
    >>> texts = ["no time to meet", "time is short", "no money", "money ran out"]
    >>> y = pd.DataFrame({"time": [1, 1, 0, 0], "funding": [0, 0, 1, 1]})
    >>> KeywordBaseline().fit(texts, y).predict(["we have no money"]).tolist()
    [[0, 1]]
    """

    def __init__(self, keywords: int = 15, min_count: int = 2) -> None:
        self.keywords = keywords
        self.min_count = min_count

    @staticmethod
    def _words(text: str) -> set[str]:
        return {w for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS}

    def fit(self, X, y) -> KeywordBaseline:
        """Pick each theme's words by how much more often they appear with it than without."""
        texts = [self._words(t) for t in _texts(X)]
        Y, self.classes_ = _labels(y)
        vocabulary = sorted(set().union(*texts)) if texts else []
        index = {w: i for i, w in enumerate(vocabulary)}
        present = np.zeros((len(texts), len(vocabulary)), dtype=bool)
        for row, words in enumerate(texts):
            present[row, [index[w] for w in words]] = True
        self.keywords_ = []
        for k in range(Y.shape[1]):
            with_theme = present[Y[:, k] == 1].sum(axis=0)
            without = present[Y[:, k] == 0].sum(axis=0)
            precision = (with_theme + 0.5) / (with_theme + without + 1.0)
            order = np.lexsort((np.array(vocabulary), -with_theme, -precision))
            chosen = [vocabulary[i] for i in order
                      if with_theme[i] >= self.min_count and precision[i] > 0.5]
            self.keywords_.append(chosen[: self.keywords])
        return self

    def predict(self, X) -> np.ndarray:
        """1 where the text holds one of the theme's words."""
        texts = [self._words(t) for t in _texts(X)]
        return np.array([[int(bool(words & set(keys))) for keys in self.keywords_]
                         for words in texts], dtype=int).reshape(len(texts), len(self.keywords_))

    def predict_proba(self, X) -> np.ndarray:
        """The baseline's answers as 0/1 "probabilities"."""
        return self.predict(X).astype(float)
