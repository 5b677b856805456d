"""Predicting without scikit-learn: the numpy model gives scikit-learn's numbers.

Every expected value here comes from scikit-learn itself (the reference the
numpy code must reproduce) or is worked by hand in the comment beside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from coprod_analysis.themes import (
    load_codebook,
    load_examples,
    load_model,
    save_model,
    to_indicators,
)
from coprod_analysis.themes.classifier import ThemeClassifier
from coprod_analysis.themes.linear import FeatureBlock, decide, preprocess
from tests.conftest import FIXTURES, REPO

THEMES = FIXTURES / "themes"

#: Text that trips analyzers: accents (composed and combining), ligatures, dotted
#: capital I (lower-cases to two code points), sharp s, CJK, emoji, titlecase
#: digraphs, non-breaking and em spaces, information separators (whitespace to
#: str.split), apostrophes, digits, underscores, empty and blank text.
AWKWARD = ["Café naïve RÉSUMÉ", "e\u0301te\u0301 combining", "ﬁne ﬀ ligatures", "Straße",
           "İstanbul İİ", "日本語のテキスト 話", "emoji 😀😀 ok", "ǅemal ǈ", "a\u00a0b c",
           "x\u2003y  z\t\ttab\nnew line", "\x1c\x1dseparated\x1e", "don't won't 'quoted'",
           "room_101 2nd floor", "", "   ", "x", "½ ² ℌ ㎏", "ΩΩ ohm Ω", "ﾊﾝｶｸ ｶﾀｶﾅ",
           "Ǆ ǆ", "I", "a" * 300, "no\u200bspace", "tab\u0085nel"]


@pytest.fixture(scope="module")
def fitted():
    book = load_codebook(THEMES / "codebook.csv")
    texts, labels = load_examples(THEMES / "labelled.csv", book)
    model = ThemeClassifier(cv=3).fit(texts + AWKWARD[:8],
                                      to_indicators(labels + [[]] * 8, book))
    return model, book, texts


def test_numpy_scores_equal_scikit_learns_on_awkward_text(fitted):
    model, _, texts = fitted
    many = AWKWARD + texts + [t.upper() for t in texts]
    reference = model.decision_function(many)  # scikit-learn's vectorisers
    assert np.allclose(model.to_linear().decision_function(many), reference, atol=1e-6)
    assert np.array_equal(model.to_linear().predict(many), model.predict(many))


def test_a_loaded_model_file_predicts_what_the_fitted_model_does(fitted, tmp_path):
    model, book, texts = fitted
    loaded, _ = load_model(save_model(model, book, tmp_path / "m.json.gz"))
    many = AWKWARD + texts
    # Weights are stored as 32-bit floats: scores agree to about 1e-6.
    assert np.allclose(loaded.decision_function(many), model.decision_function(many),
                       atol=1e-5)
    assert np.array_equal(loaded.predict(many), model.predict(many))


@pytest.mark.parametrize("analyzer, ngrams", [("word", (1, 1)), ("word", (1, 3)),
                                              ("word", (2, 2)), ("char_wb", (1, 3)),
                                              ("char_wb", (2, 5)), ("char_wb", (4, 4))])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(corpus=st.lists(st.text(max_size=40), min_size=1, max_size=8),
       new=st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_each_feature_block_equals_tfidfvectorizer(analyzer, ngrams, corpus, new):
    extra = {"token_pattern": r"(?u)\b\w[\w']*\b"} if analyzer == "word" else {}
    vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True,
                                 strip_accents="unicode", lowercase=True, **extra)
    try:
        vectorizer.fit(corpus + AWKWARD)
    except ValueError:  # an empty vocabulary: nothing to compare
        return
    block = FeatureBlock(analyzer, ngrams, dict(vectorizer.vocabulary_),
                         vectorizer.idf_.astype(float))
    texts = new + corpus + AWKWARD
    ours = block.transform([preprocess(t) for t in texts]).toarray()
    assert np.allclose(ours, vectorizer.transform(texts).toarray(), atol=1e-9)


def test_short_words_give_their_padded_self_once():
    # " a " is 3 characters: for n = 3, 4, 5 scikit-learn counts it once, not 3 times;
    # for n = 2 it gives " a" and "a ".
    block = FeatureBlock("char_wb", (2, 5), {" a ": 0, " a": 1, "a ": 2}, np.ones(3))
    assert block.counts(["a"]).toarray().tolist() == [[1.0, 1.0, 1.0]]


def test_single_label_decision_takes_the_top_theme_even_when_unsure():
    scores = np.array([[-4.0, -3.0, -5.0], [2.0, 2.5, -1.0]])
    assert decide(scores, np.full(3, 0.9), True).tolist() == [[0, 1, 0], [0, 1, 0]]
    # multi-label with threshold 0.9 on the logistic: 2.5 -> 0.924 passes, 2.0 -> 0.881 not
    assert decide(scores, np.full(3, 0.9), False).tolist() == [[0, 0, 0], [0, 1, 0]]


def _modules_after(code: str, cache) -> list[str]:
    env = {**os.environ, "COPROD_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                           "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0]"
                           " in ('sklearn', 'joblib'))))"],
                          capture_output=True, text=True, check=True, env=env, cwd=REPO)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_package_and_cleaning_the_sample_never_import_scikit_learn(tmp_path):
    # The models are fitted (with scikit-learn) once, in another process, and cached.
    _modules_after("from coprod_analysis.themes import bundled_model\n"
                   "bundled_model('challenges'); bundled_model('improvements')", tmp_path)
    assert _modules_after("import coprod_analysis", tmp_path) == []
    assert _modules_after("import coprod_analysis.cli", tmp_path) == []
    cleaned = _modules_after(
        "from coprod_analysis import load_evaluations, load_reviews\n"
        "s = 'data/sample/'\n"
        "e = load_evaluations(s + 'evaluations')\n"
        "r = load_reviews(s + 'reviews', aliases=s + 'group-aliases.csv')\n"
        "assert e.data['improvement_themes'].notna().any()\n"
        "assert r.data['challenges_text_themes'].notna().any()", tmp_path)
    assert cleaned == []


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=60)
       | st.from_regex(r"[a-z' _0-9.\-]{0,40}", fullmatch=True))
def test_the_quick_ascii_words_are_the_patterns_words(text):
    import re

    from coprod_analysis.themes.linear import WORD_PATTERN, words_of

    assert words_of(text) == re.findall(WORD_PATTERN, text)
