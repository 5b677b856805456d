"""Benchmark the theme classifier: classify 100,000 comments; train on 10,000.

Targets (issue 5): ``coprod themes classify`` on 100,000 comments in under
10 seconds, and ``coprod themes train`` on 10,000 labelled comments in under
a minute, on the project's 2-core machine.

The comments are made from the bundled labelled examples: each is one or two
example sentences joined, with a few words swapped, so that nearly all are
distinct (the classifier works once per distinct comment, so repeats would
flatter it).

In the same run, the **baseline** is a bare scikit-learn pipeline with its
defaults (``TfidfVectorizer`` and one-vs-rest ``LogisticRegression``) reading
the same CSV files and fitting or predicting the same comments; the figures
are also given as ratios to it. The classifier does more (word and character
features, cross-validated thresholds per theme, writing the output), so the
ratio says what that costs.

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


def _bare_baseline(labelled: Path, comments: Path) -> tuple[float, float]:
    """Seconds to fit, then to predict, with scikit-learn's defaults (files read included)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MultiLabelBinarizer

    start = time.perf_counter()
    examples = pd.read_csv(labelled, keep_default_na=False)
    Y = MultiLabelBinarizer().fit_transform(t.split(";") for t in examples["themes"])
    pipeline = make_pipeline(TfidfVectorizer(), OneVsRestClassifier(LogisticRegression()))
    pipeline.fit(examples["text"], Y)
    fit_s = time.perf_counter() - start
    start = time.perf_counter()
    pipeline.predict(pd.read_csv(comments, keep_default_na=False)["text"])
    return fit_s, time.perf_counter() - start


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
        distinct = comments["text"].nunique()
        train_s = _timed(["themes", "train", str(folder / "labelled.csv"), "--codebook",
                          str(DEFAULT_CODEBOOK), "--out", str(folder / "model.json.gz")])
        classify_s = _timed(["themes", "classify", str(folder / "comments.csv"),
                             "--text-column", "text", "--out", str(folder / "coded.csv"),
                             "--model", str(folder / "model.json.gz")])
        bare_fit_s, bare_predict_s = _bare_baseline(folder / "labelled.csv",
                                                    folder / "comments.csv")
    print(f"train on {args.train:,} labelled comments: {train_s:.1f} s (target < 60 s); "
          f"bare scikit-learn {bare_fit_s:.1f} s: {train_s / bare_fit_s:.1f}x")
    print(f"classify {args.classify:,} comments ({distinct:,} distinct): {classify_s:.1f} s "
          f"(target < 10 s); bare scikit-learn {bare_predict_s:.1f} s: "
          f"{classify_s / bare_predict_s:.1f}x")
    return 0 if train_s < 60 and classify_s < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
