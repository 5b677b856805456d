"""Benchmark the theme classifier: inference on 100,000 comments; training on 10,000.

The comments are made from the bundled labelled examples: each is one or two
example sentences joined, with a few words swapped, so that nearly all are
distinct (the classifier works once per distinct comment, so repeats would
flatter it).

Targets (issue 16), each a ratio to a baseline measured in the same run:

- **inference**: the package's prediction (numpy, from the model's arrays:
  what cleaning runs) at most 1.5x a bare scikit-learn predict of the same
  model (its fitted ``TfidfVectorizer``s' ``transform`` and the linear
  scores). Both on the same distinct comments, in the same process, the
  package's with its word cache empty.
- **training**: ``coprod themes train`` on 10,000 labelled comments at most
  10x (aim 5x) a bare fit of TF-IDF (words, and ``char_wb`` 2-5, scikit-learn
  defaults otherwise) + one-vs-rest ``LinearSVC`` on the same file (reading
  it included in both).

``coprod themes classify`` (reading, classifying and writing the CSV) is
also timed, for the record.

Usage::

    python benchmarks/bench_themes.py
    python benchmarks/bench_themes.py --classify 100000 --train 10000
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from coprod_analysis.themes.codebook import DEFAULT_CODEBOOK, DEFAULT_EXAMPLES

FILLERS = ["honestly", "really", "to be fair", "again", "as usual", "sadly", "frankly",
           "at times", "lately", "for us", "in our group", "this year"]


def make_comments(n: int, seed: int = 0, labelled: bool = False) -> pd.DataFrame:
    """``n`` varied comments from the bundled examples (with their themes if ``labelled``)."""
    examples = pd.read_csv(DEFAULT_EXAMPLES, keep_default_na=False)
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        first = examples.iloc[rng.randrange(len(examples))]
        text, themes = first["text"], set(filter(None, first["themes"].split(";")))
        if rng.random() < 0.3:
            second = examples.iloc[rng.randrange(len(examples))]
            text = f"{text} {second['text']}"
            themes |= set(filter(None, second["themes"].split(";")))
        words = text.split()
        words.insert(rng.randrange(len(words) + 1), rng.choice(FILLERS))
        rows.append({"text": " ".join(words), "themes": ";".join(sorted(themes))})
    return pd.DataFrame(rows)


def _bare_fit(labelled: Path) -> float:
    """Seconds to read the file and fit TF-IDF (words + characters) + LinearSVC, bare."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.preprocessing import MultiLabelBinarizer
    from sklearn.svm import LinearSVC

    start = time.perf_counter()
    examples = pd.read_csv(labelled, keep_default_na=False)
    Y = MultiLabelBinarizer().fit_transform(
        [t for t in themes.split(";") if t] for themes in examples["themes"])
    features = make_union(TfidfVectorizer(), TfidfVectorizer(analyzer="char_wb",
                                                             ngram_range=(2, 5)))
    make_pipeline(features, OneVsRestClassifier(LinearSVC())).fit(examples["text"], Y)
    return time.perf_counter() - start


def _inference(model_path: Path, texts: list[str]) -> tuple[float, float]:
    """Seconds for a bare scikit-learn predict and for the package's numpy predict, of
    the model in ``model_path``."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    from coprod_analysis.themes.model import load_model

    model, _ = load_model(model_path)
    vectorizers = []
    for block in model.blocks:  # the same vocabulary and IDF, in scikit-learn's hands
        extra = {"token_pattern": r"(?u)\b\w[\w']*\b"} if block.analyzer == "word" else {}
        vectorizer = TfidfVectorizer(analyzer=block.analyzer, ngram_range=block.ngram_range,
                                     vocabulary=sorted(block.vocabulary,
                                                       key=block.vocabulary.get),
                                     sublinear_tf=True, strip_accents="unicode",
                                     lowercase=True, dtype=np.float32, **extra)
        vectorizer.idf_ = block.idf
        vectorizers.append(vectorizer)
    start = time.perf_counter()
    features = sparse.hstack([v.transform(texts) for v in vectorizers], format="csr")
    bare = 1 / (1 + np.exp(-(features @ model.coef.T + model.intercept))) >= model.thresholds
    bare_s = time.perf_counter() - start
    model, _ = load_model(model_path)  # afresh: its word cache empty
    start = time.perf_counter()
    ours = model.predict(texts)
    ours_s = time.perf_counter() - start
    agree = float((ours == bare).all(axis=1).mean())
    print(f"(the two agree on {agree:.2%} of comments)", file=sys.stderr)
    return bare_s, ours_s


def _timed(args: list[str]) -> float:
    from coprod_analysis.cli import main

    start = time.perf_counter()
    status = main(args)
    if status != 0:
        raise SystemExit(f"coprod {' '.join(args)} failed with status {status}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--classify", type=int, default=100_000)
    parser.add_argument("--train", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        make_comments(args.train, seed=1, labelled=True).to_csv(folder / "labelled.csv",
                                                                index=False)
        comments = make_comments(args.classify, seed=2)[["text"]]
        comments.to_csv(folder / "comments.csv", index=False)
        texts = list(dict.fromkeys(comments["text"]))  # distinct, as cleaning classifies
        bare_fit_s = _bare_fit(folder / "labelled.csv")
        train_s = _timed(["themes", "train", str(folder / "labelled.csv"), "--codebook",
                          str(DEFAULT_CODEBOOK), "--out", str(folder / "model.json.gz")])
        bare_fit_again = _bare_fit(folder / "labelled.csv")  # drift: the mean of two
        bare_fit_s = (bare_fit_s + bare_fit_again) / 2
        classify_s = _timed(["themes", "classify", str(folder / "comments.csv"),
                             "--text-column", "text", "--out", str(folder / "coded.csv"),
                             "--model", str(folder / "model.json.gz")])
        bare_predict_s, ours_predict_s = _inference(folder / "model.json.gz", texts)
    train_ratio = train_s / bare_fit_s
    infer_ratio = ours_predict_s / bare_predict_s
    print(f"train on {args.train:,} labelled comments: {train_s:.1f} s; bare TF-IDF (words + "
          f"chars) + LinearSVC {bare_fit_s:.1f} s: **{train_ratio:.1f}x** (target <= 10x, "
          f"aim 5x: {'meets' if train_ratio <= 10 else 'misses'})")
    print(f"theme inference on {len(texts):,} distinct comments: {ours_predict_s:.2f} s; bare "
          f"scikit-learn predict of the same model {bare_predict_s:.2f} s: "
          f"**{infer_ratio:.2f}x** (target <= 1.5x: "
          f"{'meets' if infer_ratio <= 1.5 else 'misses'})")
    print(f"coprod themes classify {args.classify:,} comments (read, classify, write): "
          f"{classify_s:.1f} s")
    return 0 if train_ratio <= 10 and infer_ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
