"""The ``coprod`` command line (contract section 5).

Every command exits 0 on success. Bad input gets one line on standard
error, ``coprod: error: <file>: <what is wrong>``, and exit status 1; a
mistake in the command itself gets one line and exit status 2. Tracebacks
are shown only with ``--debug``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from coprod_analysis import __version__
from coprod_analysis.errors import CoprodError

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"coprod: error: {message} (see '{self.prog} --help')\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="coprod",
        description="Clean and analyse co-production training evaluations and group reviews.",
    )
    parser.add_argument("--version", action="version", version=f"coprod {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say what is happening (encodings, platforms, files written)")
    parser.add_argument("--debug", action="store_true",
                        help="show a full traceback if something goes wrong")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    clean = commands.add_parser(
        "clean",
        help="clean survey exports into one table",
        description="Read evaluation or group review exports (CSV or XLSX from "
                    "SurveyMonkey, Microsoft Forms, Google Forms, JISC Online Surveys or a "
                    "typed sheet) and write evaluations.csv or reviews.csv, quarantine.csv, "
                    "problems.csv and summary.json.",
    )
    clean.add_argument("form", choices=["evaluations", "reviews"],
                       help="which form the exports are: evaluations (after a session) or "
                            "reviews (group review forms)")
    clean.add_argument("inputs", nargs="+", metavar="INPUT", type=Path,
                       help="export files, or folders of them")
    clean.add_argument("--out", required=True, type=Path, metavar="DIR",
                       help="folder to write the results into (created if needed)")
    clean.add_argument("--mapping", type=Path, metavar="FILE",
                       help="CSV of column,field rows overriding how columns are matched "
                            "to questions (see docs/mapping.md)")
    clean.add_argument("--keep-text", action="store_true",
                       help="keep free text as written (by default e-mails, phone numbers, "
                            "NHS numbers, postcodes and names are redacted)")
    clean.add_argument("--aliases", type=Path, metavar="FILE",
                       help="reviews only: CSV of alias,group rows joining renamed or merged "
                            "groups (see docs/reviews.md)")
    clean.add_argument("-q", "--quiet", action="store_true",
                       help="do not print the data-quality summary")
    clean.set_defaults(run=_run_clean)
    return parser


def _run_clean(args: argparse.Namespace) -> int:
    from coprod_analysis.clean.evaluations import load_evaluations
    from coprod_analysis.clean.reviews import load_reviews
    from coprod_analysis.output import write_files
    from coprod_analysis.read import find_inputs

    inputs = find_inputs(args.inputs)  # checked first: never write over one of them
    common = {"mapping": args.mapping, "keep_text": args.keep_text, "progress": True}
    if args.form == "reviews":
        result = load_reviews(args.inputs, aliases=args.aliases, **common)
    elif args.aliases:
        raise CoprodError("--aliases is for group reviews, not evaluations", args.aliases)
    else:
        result = load_evaluations(args.inputs, **common)
    written = write_files(args.out, result.tables(), {"summary.json": result.summary},
                          protect=inputs)
    if not args.quiet:
        print(result.quality_report())
        print(f"Results written to {args.out}/: " + ", ".join(p.name for p in written))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``coprod`` command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="coprod: %(message)s")
    try:
        return args.run(args)
    except CoprodError as exc:
        print(f"coprod: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("coprod: stopped", file=sys.stderr)
        return 130
    except Exception as exc:  # never show a traceback to an officer
        if args.debug:
            raise
        print(f"coprod: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
              "(please report this; --debug shows the details)", file=sys.stderr)
        return EXIT_INTERNAL
