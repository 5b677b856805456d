"""Draw the README's pictures of every chart from the bundled sample data.

Usage::

    python scripts/make_figures.py            # writes docs/images/*.png
    python scripts/make_figures.py --out DIR

The pictures are made by the package's own chart functions from
``data/sample/``, so they always show what the workbook shows.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coprod_analysis import load_evaluations, load_reviews
from coprod_analysis.analyse.outcomes import agreement_rates
from coprod_analysis.charts import (
    plot_agreement,
    plot_agreement_trend,
    plot_challenges,
    plot_cooccurrence,
    plot_ladder,
    plot_likert,
    plot_quality,
    plot_session_heatmap,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"


def make_figures(out: Path) -> dict[str, str]:
    """Write one PNG per chart into ``out``; return file name -> text alternative."""
    out.mkdir(parents=True, exist_ok=True)
    evaluations = load_evaluations(SAMPLE / "evaluations").data
    reviews = load_reviews(SAMPLE / "reviews", aliases=SAMPLE / "group-aliases.csv").data
    charts = {
        "ladder.png": plot_ladder(reviews),
        "outcomes-likert.png": plot_likert(evaluations),
        "outcomes-agreement.png": plot_agreement(agreement_rates(evaluations)),
        "outcomes-by-session.png": plot_session_heatmap(evaluations),
        "outcomes-trend.png": plot_agreement_trend(evaluations),
        "challenges.png": plot_challenges(reviews),
        "challenges-together.png": plot_cooccurrence(reviews),
        "quality.png": plot_quality(reviews),
    }
    alt = {}
    for name, figure in charts.items():
        # Fixed metadata, so that the same data gives the same bytes.
        figure.savefig(out / name, dpi=80, metadata={"Software": None})
        alt[name] = figure.alt_text
    return alt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    for name, text in make_figures(args.out).items():
        print(f"{args.out / name}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
