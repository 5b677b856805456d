"""Honest evaluation: per-theme precision, recall and F1, cross-validated or held out."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import KFold

from coprod_analysis.themes.classifier import KeywordBaseline, ThemeClassifier
from coprod_analysis.themes.codebook import Codebook


def score_themes(truth: pd.DataFrame | np.ndarray, predicted: np.ndarray,
                 codebook: Codebook) -> pd.DataFrame:
    """Precision, recall, F1 and support per theme, and their unweighted mean (macro).

    Examples
    --------
    >>> book = Codebook(("a", "b"), ("A", "B"), ("", ""))
    >>> table = score_themes(np.array([[1, 0], [1, 1], [0, 1]]),
    ...                      np.array([[1, 0], [0, 1], [0, 0]]), book)
    >>> table.set_index("code").loc[["a", "b", "macro"], "f1"].round(3).tolist()
    [0.667, 0.667, 0.667]
    """
    truth = np.asarray(truth, dtype=int)
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, np.asarray(predicted, dtype=int), average=None, zero_division=0)
    table = pd.DataFrame({"code": list(codebook.codes), "label": list(codebook.labels),
                          "precision": precision, "recall": recall, "f1": f1,
                          "support": support.astype(int)})
    macro = pd.DataFrame([{"code": "macro", "label": "Macro average",
                           "precision": precision.mean(), "recall": recall.mean(),
                           "f1": f1.mean(), "support": int(support.sum())}])
    return pd.concat([table, macro], ignore_index=True)


def cross_validate(texts: list[str], truth: pd.DataFrame, codebook: Codebook, folds: int = 5,
                   random_state: int = 0, designs: dict | None = None) -> pd.DataFrame:
    """Each design's per-theme scores on the same cross-validation folds.

    Parameters
    ----------
    texts, truth:
        Labelled examples: texts and a 0/1 table with one column per code.
    designs:
        Name -> unfitted estimator; by default the classifier and the keyword
        baseline.

    Returns
    -------
    DataFrame
        ``design`` and the columns of :func:`score_themes`.
    """
    designs = designs or {"classifier": ThemeClassifier(random_state=random_state),
                          "keyword baseline": KeywordBaseline()}
    truth_matrix = np.asarray(truth, dtype=int)
    splits = list(KFold(folds, shuffle=True, random_state=random_state).split(texts))
    tables = []
    for name, design in designs.items():
        predicted = np.zeros_like(truth_matrix)
        for train, test in splits:
            model = clone(design).fit([texts[i] for i in train], truth_matrix[train])
            predicted[test] = model.predict([texts[i] for i in test])
        table = score_themes(truth_matrix, predicted, codebook)
        table.insert(0, "design", name)
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


def correction_effect(texts: list[str], labels: list[list[str]], extra_texts: list[str],
                      extra_labels: list[list[str]], codebook: Codebook, folds: int = 5,
                      random_state: int = 0) -> pd.DataFrame:
    """How adding corrections changes each theme's F1 on the other labelled examples.

    The labelled examples (less any comment a correction replaces) are split
    into folds; each fold is predicted by a classifier fitted on the other
    folds, once without and once with the corrections added to its training
    examples. Corrections are never scored, so the change is measured on
    comments the officer did not correct.

    Returns
    -------
    DataFrame
        ``code``, ``label``, ``support``, ``f1_before``, ``f1_after``, ``change``
        (the last row the macro average).
    """
    corrected = set(extra_texts)
    rest = [(t, lab) for t, lab in zip(texts, labels, strict=True) if t not in corrected]
    rest_texts = [t for t, _ in rest]
    from coprod_analysis.themes.codebook import to_indicators

    truth = to_indicators([lab for _, lab in rest], codebook).to_numpy()
    extra = to_indicators(extra_labels, codebook).to_numpy()
    folds = max(2, min(folds, len(rest_texts)))
    before, after = np.zeros_like(truth), np.zeros_like(truth)
    for train, test in KFold(folds, shuffle=True, random_state=random_state).split(rest_texts):
        base = [rest_texts[i] for i in train]
        held = [rest_texts[i] for i in test]
        before[test] = ThemeClassifier(random_state=random_state).fit(
            base, truth[train]).predict(held)
        after[test] = ThemeClassifier(random_state=random_state).fit(
            base + list(extra_texts), np.vstack([truth[train], extra])).predict(held)
    first = score_themes(truth, before, codebook)
    second = score_themes(truth, after, codebook)
    return pd.DataFrame({"code": first["code"], "label": first["label"],
                         "support": first["support"], "f1_before": first["f1"],
                         "f1_after": second["f1"], "change": second["f1"] - first["f1"]})


def exact_match(truth, predicted) -> float:
    """The share of comments whose themes are all exactly right.

    Examples
    --------
    >>> exact_match(np.array([[1, 0], [0, 1]]), np.array([[1, 0], [1, 1]]))
    0.5
    """
    truth, predicted = np.asarray(truth, dtype=int), np.asarray(predicted, dtype=int)
    return float((truth == predicted).all(axis=1).mean()) if len(truth) else 0.0
