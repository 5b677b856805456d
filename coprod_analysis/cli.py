"""The ``coprod`` command line (contract section 5).

Every command exits 0 on success. Bad input gets one line on standard
error, ``coprod: error: <file>: <what is wrong>``, and exit status 1; a
mistake in the command itself gets one line and exit status 2. Tracebacks
are shown only with ``--debug``.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import logging
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from coprod_analysis import __version__
from coprod_analysis.errors import CoprodError, from_os_error, one_line

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
#: A process whose output pipe was closed (128 + SIGPIPE), as the shell reports it.
EXIT_PIPE = 141


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
                    "SurveyMonkey, Microsoft Forms, Google Forms, JISC Online Surveys, "
                    "Qualtrics, SmartSurvey or a typed sheet) and write evaluations.csv or "
                    "reviews.csv, quarantine.csv, problems.csv and summary.json.",
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
    clean.add_argument("--session-date", metavar="YYYY-MM-DD",
                       help="evaluations only: the date of the session, for a file of one "
                            "session's forms that carries no date (used for every response "
                            "with no date of its own; recorded in the summary)")
    clean.add_argument("--venue", metavar="NAME",
                       help="evaluations only: the session's venue, for responses that give "
                            "none (with --session-date)")
    clean.add_argument("--no-themes", action="store_true",
                       help="do not infer themes from free text (leaves improvement_themes / "
                            "challenges_text_themes empty)")
    clean.add_argument("-q", "--quiet", action="store_true",
                       help="do not print the data-quality summary")
    clean.set_defaults(run=_run_clean)
    _add_themes_commands(commands)
    report = commands.add_parser(
        "report", help='the "you said, we did" report',
        description='Make the "you said, we did" report (one self-contained HTML file, and '
                    "its tables as XLSX) from evaluation and review exports or cleaned "
                    "files. With no inputs it uses the bundled sample in data/sample/.")
    report.add_argument("--evaluations", nargs="+", type=Path, metavar="PATH",
                        help="evaluation exports, folders of them, or a cleaned "
                             "evaluations.csv (needed whenever any input is given)")
    report.add_argument("--reviews", nargs="+", type=Path, metavar="PATH",
                        help="group review exports, folders of them, or a cleaned reviews.csv")
    report.add_argument("--aliases", type=Path, metavar="FILE",
                        help="group aliases file (one group's different spellings)")
    report.add_argument("--sessions", type=Path, metavar="FILE",
                        help="the sessions register (for participants and response rates)")
    report.add_argument("--actions", type=Path, metavar="FILE", help="the actions log")
    report.add_argument("--out", type=Path, default=Path("reports"), metavar="DIR",
                        help="folder for the report (default: reports)")
    report.add_argument("--min-base", type=int, default=10, metavar="N",
                        help="hide any result based on fewer than N respondents (default 10)")
    report.add_argument("--min-count", type=int, default=5, metavar="N",
                        help="show counts from 1 to N-1 as <N (default 5)")
    report.add_argument("--keep-staff-names", action="store_true",
                        help='show names in the actions log\'s "We did" as written (by default '
                             "they are redacted like quotes; contact details always are)")
    who = report.add_argument_group(
        "who publishes it", "Read from a settings file (--settings, or a report-settings.toml "
        "beside the actions log or sessions register); these options win over the file.")
    who.add_argument("--settings", type=Path, metavar="FILE",
                     help="report settings (TOML): organisation, programme, contact, "
                          "published, logo, other_formats")
    who.add_argument("--organisation", metavar="NAME", help="the organisation publishing it")
    who.add_argument("--programme", metavar="TITLE", help="the programme's title")
    who.add_argument("--contact", metavar="TEXT",
                     help="the team's e-mail address or phone number (never a respondent's)")
    who.add_argument("--published", metavar="DATE",
                     help="publication date, as 2019-12-02 (default: today)")
    who.add_argument("--logo", type=Path, metavar="FILE",
                     help="a PNG, JPEG or GIF logo (at most 512 KB), embedded in the page")
    who.add_argument("--other-formats", metavar="TEXT",
                     help='the "available in other formats" line ({contact} is filled in)')
    report.set_defaults(run=_run_report)
    return parser


def _report_inputs(given: list) -> list[Path]:
    """Every file the report reads (a folder's files too), which it must never write over."""
    files: list[Path] = []
    for entry in given:
        for path in entry if isinstance(entry, list) else [entry] if entry else []:
            if path.is_dir():
                with contextlib.suppress(OSError):  # reading it says what is wrong
                    files.extend(p for p in path.iterdir() if p.is_file())
            else:
                files.append(path)
    return files


def _run_report(args: argparse.Namespace) -> int:
    from coprod_analysis.output import check_folder, refuse_overwriting
    from coprod_analysis.report.inputs import load_report_inputs
    from coprod_analysis.report.render import report_targets, write_report
    from coprod_analysis.report.settings import find_settings, load_settings
    from coprod_analysis.themes.codebook import SAMPLE

    if args.min_base < 1 or args.min_count < 1:
        raise CoprodError("--min-base and --min-count must be at least 1")
    if args.min_base < args.min_count:
        print(f"--min-base {args.min_base} is raised to {args.min_count}, the --min-count: a "
              "result is shown only on a base the report can show as a number (a result "
              f"on {args.min_base} to {args.min_count - 1} would give its \"<"
              f"{args.min_count}\" away).")
    given = [args.evaluations, args.reviews, args.aliases, args.sessions, args.actions]
    if any(given) and not args.evaluations:
        # Never fill the gaps with the sample: it would be published as the officer's own.
        raise CoprodError("--evaluations is needed: the report is built on the evaluation "
                          "forms (with no inputs at all, it runs on the bundled sample)")
    # Checked before any work: never write over an input, nor into a file.
    protect = _report_inputs([*given, args.settings, args.logo]) if any(given) else []
    refuse_overwriting(report_targets(args.out), protect)
    check_folder(args.out)
    if not any(given):
        print("No inputs given: reporting on the bundled sample (data/sample/).")
        args.evaluations, args.reviews = [SAMPLE / "evaluations"], [SAMPLE / "reviews"]
        args.aliases, args.sessions = SAMPLE / "group-aliases.csv", SAMPLE / "sessions.csv"
        args.actions = SAMPLE / "actions.csv"
    settings_file = args.settings or find_settings(args.actions, args.sessions)
    settings = load_settings(settings_file, organisation=args.organisation,
                             programme=args.programme, contact=args.contact,
                             published=args.published, logo=args.logo,
                             other_formats=args.other_formats)
    inputs, lines = load_report_inputs(args.evaluations, args.reviews, aliases=args.aliases,
                                       sessions=args.sessions, actions=args.actions,
                                       settings=settings)
    if settings_file is not None:
        lines.append(f"Report settings from {settings_file}.")
    print("\n".join(lines))
    written = write_report(inputs, args.out, args.min_base, args.min_count,
                           keep_staff_names=args.keep_staff_names, protect=protect)
    print(f"The report is in {written[0]} (open it in a web browser; print it to PDF from "
          f"there); its tables are in {written[1]}.")
    return 0


def _add_themes_commands(commands) -> None:
    themes = commands.add_parser(
        "themes", help="code free-text comments into themes",
        description="Code free-text comments into themes with a classifier fitted on "
                    "labelled examples (the sixteen challenge themes by default, or your "
                    "own codebook).")
    verbs = themes.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    verbs.required = True
    classify = verbs.add_parser("classify", help="add a themes column to a CSV of comments")
    classify.add_argument("input", type=Path, metavar="INPUT.csv")
    classify.add_argument("--text-column", required=True, metavar="COL",
                          help="the column holding the comments")
    classify.add_argument("--out", required=True, type=Path, metavar="OUT.csv")
    classify.add_argument("--keep-text", action="store_true",
                          help="write the comments and other columns as written (by default "
                               "e-mails, phone numbers, NHS numbers, postcodes and names "
                               "are redacted, in headers too)")
    classify.add_argument("--model", type=Path, metavar="FILE",
                          help="a model from 'coprod themes train' (default: the challenge "
                               "themes, fitted from the bundled examples)")
    classify.set_defaults(run=_run_classify)
    train = verbs.add_parser("train", help="fit a classifier on your own labelled examples")
    train.add_argument("labelled", type=Path, metavar="LABELLED.csv")
    train.add_argument("--out", required=True, type=Path, metavar="MODEL")
    train.add_argument("--codebook", type=Path, metavar="FILE",
                       help="code,label,description CSV (default: the challenge themes)")
    train.add_argument("--text-column", default="text")
    train.add_argument("--labels-column", default="themes")
    train.add_argument("--add", type=Path, action="append", default=[], metavar="CORRECTIONS",
                       help="a review sheet with your corrections ('coprod themes review'); "
                            "its checked or corrected rows are learnt as ordinary examples "
                            "(repeat for several)")
    train.add_argument("--keep-text", action="store_true",
                       help="learn the examples as written (by default e-mails, phone numbers, "
                            "NHS numbers, postcodes and names are redacted first, so that none "
                            "is a word of the model file)")
    train.set_defaults(run=_run_train)
    review = verbs.add_parser(
        "review", help="a sheet of inferred themes to check and correct, least sure first",
        description="Write the comments with the themes the model infers and its confidence "
                    "(0: undecided, 1: sure), least confident first, with a correct_themes "
                    "column for your coding ('-' for no theme) and a checked column to mark "
                    "(x) the rows you have read. Give the edited sheet back to "
                    "'coprod themes train ... --add'.")
    review.add_argument("input", type=Path, metavar="INPUT")
    review.add_argument("--text-column", required=True, metavar="COL",
                        help="the column holding the comments")
    review.add_argument("--out", required=True, type=Path, metavar="REVIEW.csv|xlsx")
    review.add_argument("--model", type=Path, metavar="FILE",
                        help="a model from 'coprod themes train' (default: the challenge "
                             "themes, fitted from the bundled examples)")
    review.add_argument("--keep-text", action="store_true",
                        help="write the comments as written (by default e-mails, phone "
                             "numbers, NHS numbers, postcodes and names are redacted)")
    review.set_defaults(run=_run_review)
    evaluate = verbs.add_parser(
        "evaluate", help="per-theme precision, recall and F1",
        description="Without --model: cross-validate the classifier and the keyword "
                    "baseline on the labelled examples. With --model: score that model on "
                    "them (examples it never saw).")
    evaluate.add_argument("labelled", type=Path, metavar="LABELLED.csv")
    evaluate.add_argument("--model", type=Path, metavar="FILE")
    evaluate.add_argument("--codebook", type=Path, metavar="FILE")
    evaluate.add_argument("--text-column", default="text")
    evaluate.add_argument("--labels-column", default="themes")
    evaluate.add_argument("--folds", type=int, default=5)
    evaluate.add_argument("--json", action="store_true", help="print JSON, not a table")
    evaluate.add_argument("--add", type=Path, action="append", default=[], metavar="CORRECTIONS",
                          help="corrections (a review sheet): show how learning them changes "
                               "each theme's F1 on the labelled examples they do not touch")
    evaluate.set_defaults(run=_run_evaluate)


def _read_table(path: Path):
    """A CSV or XLSX as a DataFrame of text, header from the first row."""
    from coprod_analysis.read import read_grid

    grid = read_grid(path)
    frame = grid.records.iloc[1:].reset_index(drop=True)
    frame.columns = grid.records.iloc[0].tolist()
    if grid.malformed:
        raise CoprodError(f"row {grid.malformed[0][0]} has the wrong number of values", path)
    return frame


def _read_comments(args: argparse.Namespace):
    """The table ``themes classify`` or ``themes review`` reads, and its text column's name."""
    table = _read_table(args.input)
    matches = [c for c in table.columns if str(c).strip().lower() == args.text_column.lower()]
    if not matches:
        raise CoprodError(f"there is no column {args.text_column!r} (columns: "
                          f"{', '.join(map(str, table.columns))})", args.input)
    return table, matches[0]


def _run_classify(args: argparse.Namespace) -> int:
    from coprod_analysis.output import (
        atomic_files,
        check_file,
        prepare_file,
        refuse_overwriting,
        write_csv,
    )
    from coprod_analysis.themes import classify_texts, default_model, load_model

    protect = [args.input, args.model]
    refuse_overwriting([args.out], protect)
    check_file(args.out)
    table, text_column = _read_comments(args)
    from coprod_analysis.clean.identifiers import drop_identifier_table_columns

    table, dropped = drop_identifier_table_columns(table, keep=text_column)
    if dropped:  # the output is shared: identifiers never go into it
        print("Left out as identifiers: " + "; ".join(f"{h!r} ({why})"
                                                      for h, why in dropped.items()))
    model, codebook = load_model(args.model) if args.model else default_model()
    table["themes"] = classify_texts(table[text_column], model, codebook)
    if not getattr(args, "keep_text", False):  # coded as written, written redacted
        table = _redacted_table(table)
    prepare_file(args.out)
    with atomic_files([args.out], protect=protect) as (temp,):
        write_csv(table, temp)
    coded = int((table["themes"] != "").sum())
    print(f"Coded {coded} of {len(table)} comments with one or more themes; "
          f"written to {args.out}")
    return 0


def _redacted_table(table):
    """Every cell and header of a table redacted like free text (the themes column kept)."""
    from coprod_analysis.clean.identifiers import shown_headers
    from coprod_analysis.clean.redact import redact_series
    from coprod_analysis.clean.values import TEXT_DTYPE

    table = table.copy()
    for position, header in enumerate(table.columns):
        if header != "themes":
            column = table.iloc[:, position].astype(TEXT_DTYPE)
            table.iloc[:, position] = redact_series(column).astype(object).where(
                column.notna(), "")
    names = shown_headers([c for c in table.columns if c != "themes"])
    return table.rename(columns=names)


def _run_train(args: argparse.Namespace) -> int:
    from coprod_analysis.output import check_file, prepare_file, refuse_overwriting
    from coprod_analysis.themes import fit_model, save_model
    from coprod_analysis.themes.codebook import DEFAULT_CODEBOOK

    refuse_overwriting([args.out], [args.labelled, args.codebook, *args.add])
    check_file(args.out)
    model, codebook = fit_model(args.labelled, args.codebook or DEFAULT_CODEBOOK,
                                args.text_column, args.labels_column, corrections=args.add,
                                redact_texts=not args.keep_text)
    save_model(model, codebook, prepare_file(args.out))
    kind = " (single-label: one theme per comment)" if model.single_label_ else ""
    print(f"Fitted a classifier for {len(codebook.codes)} themes{kind}; saved to {args.out}")
    return 0


def _run_review(args: argparse.Namespace) -> int:
    from coprod_analysis.output import (
        atomic_files,
        check_file,
        neutralise_formulas,
        prepare_file,
        refuse_overwriting,
        write_csv,
    )
    from coprod_analysis.themes import default_model, load_model
    from coprod_analysis.themes.review import review_table

    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise CoprodError("the review sheet must be a .csv or .xlsx file", args.out)
    protect = [args.input, args.model]
    refuse_overwriting([args.out], protect)
    check_file(args.out)
    table, text_column = _read_comments(args)
    model, codebook = load_model(args.model) if args.model else default_model()
    sheet = review_table(table[text_column].tolist(), model, codebook)
    if not args.keep_text:  # coded as written, written redacted (as 'themes classify')
        from coprod_analysis.clean.redact import redact_many

        sheet["text"] = redact_many(sheet["text"].tolist())
    prepare_file(args.out)
    with atomic_files([args.out], protect=protect) as (temp,):
        if args.out.suffix.lower() == ".xlsx":
            import pandas as pd

            with pd.ExcelWriter(temp, engine="openpyxl") as writer:
                neutralise_formulas(sheet).to_excel(writer, sheet_name="review", index=False)
        else:
            write_csv(sheet, temp)
    print(f"{len(sheet)} comments to review, least confident first, in {args.out}: fill in "
          "correct_themes where a theme is wrong ('-' for none), mark checked with x, then "
          "retrain with 'coprod themes train ... --add " + args.out.name + "'")
    return 0


def _run_evaluate(args: argparse.Namespace) -> int:
    import json

    from coprod_analysis.themes import (
        cross_validate,
        load_codebook,
        load_examples,
        load_model,
        score_themes,
        to_indicators,
    )
    from coprod_analysis.themes.codebook import DEFAULT_CODEBOOK

    note = ""
    if args.add:
        if args.model:
            raise CoprodError("--add compares models fitted with and without the corrections; "
                              "give the labelled examples, not --model")
        from coprod_analysis.themes.evaluate import correction_effect
        from coprod_analysis.themes.review import read_corrections

        codebook = load_codebook(args.codebook or DEFAULT_CODEBOOK)
        texts, labels = load_examples(args.labelled, codebook, args.text_column,
                                      args.labels_column)
        single = bool(labels) and all(len(lab) == 1 for lab in labels)
        extra_texts, extra_labels = [], []
        for path in args.add:
            more_texts, more_labels = read_corrections(path, codebook, single)
            extra_texts += more_texts
            extra_labels += more_labels
        table = correction_effect(texts, labels, extra_texts, extra_labels, codebook,
                                  folds=args.folds)
        note = (f"F1 per theme on the {len(set(texts) - set(extra_texts))} labelled examples "
                f"the {len(extra_texts)} corrections do not touch ({args.folds}-fold "
                "cross-validation), fitted without and with the corrections:")
    elif args.model:
        model, codebook = load_model(args.model)
        texts, labels = load_examples(args.labelled, codebook, args.text_column,
                                      args.labels_column)
        predicted = model.predict(texts)
        table = score_themes(to_indicators(labels, codebook), predicted, codebook)
        table.insert(0, "design", "model")
        if model.single_label:
            from coprod_analysis.themes.evaluate import exact_match

            note = (_single_label_note(codebook) + " Exact-match accuracy: "
                    f"{exact_match(to_indicators(labels, codebook), predicted):.2f}.")
    else:
        codebook = load_codebook(args.codebook or DEFAULT_CODEBOOK)
        texts, labels = load_examples(args.labelled, codebook, args.text_column,
                                      args.labels_column)
        table = cross_validate(texts, to_indicators(labels, codebook), codebook,
                               folds=args.folds)
        if labels and all(len(lab) == 1 for lab in labels):
            note = _single_label_note(codebook)
    if args.json:
        if note:
            print(note, file=sys.stderr)
        print(json.dumps(table.round(4).to_dict("records"), indent=2))
    else:
        if note:
            print(note)
        shown = table.copy()
        for column in ("precision", "recall", "f1", "f1_before", "f1_after", "change"):
            if column in shown:
                shown[column] = shown[column].map("{:+.2f}".format if column == "change"
                                                  else "{:.2f}".format)
        print(shown.to_string(index=False))
    return 0


def _single_label_note(codebook) -> str:
    from coprod_analysis.themes.linear import NONE_CODE

    none = (f" ('{NONE_CODE}' meaning no theme)" if NONE_CODE in codebook.codes
            else "; no comment is left without one")
    return ("Single-label codebook: every labelled example has exactly one theme, so the "
            f"classifier gives each comment exactly one theme{none}.")


def _run_clean(args: argparse.Namespace) -> int:
    from coprod_analysis.clean.evaluations import load_evaluations
    from coprod_analysis.clean.reviews import load_reviews
    from coprod_analysis.output import write_files
    from coprod_analysis.read import find_inputs

    inputs = find_inputs(args.inputs)  # checked first: never write over one of them
    common = {"mapping": args.mapping, "keep_text": args.keep_text, "progress": True,
              "themes": not args.no_themes}
    if args.form == "reviews":
        if args.session_date is not None or args.venue is not None:
            raise CoprodError("--session-date and --venue are for evaluations, not group "
                              "reviews")
        result = load_reviews(args.inputs, aliases=args.aliases, **common)
    elif args.aliases:
        raise CoprodError("--aliases is for group reviews, not evaluations", args.aliases)
    else:
        result = load_evaluations(args.inputs, session_date=args.session_date,
                                  venue=args.venue, **common)
    written = write_files(args.out, result.tables(), {"summary.json": result.summary},
                          protect=inputs)
    if not args.quiet:
        print(result.quality_report())
        print(f"Results written to {args.out}/: " + ", ".join(p.name for p in written))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``coprod`` command; returns the exit status."""
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        try:  # at once: building every command's parser takes longer
            print(f"coprod {__version__}", flush=True)
        except BrokenPipeError:
            return _stdout_closed()
        return 0
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit:  # --help, --version or a usage error: printed, then exit
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # coprod --help | head -1
            _stdout_closed()
        raise
    except BrokenPipeError:
        return _stdout_closed()
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="coprod: %(message)s")
    warnings.showwarning = _log_warning
    try:
        status = args.run(args)
        sys.stdout.flush()  # here, so that a closed pipe is seen here
        return status
    except CoprodError as exc:
        return _error(str(exc))
    except KeyboardInterrupt:
        print("coprod: stopped", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _stdout_closed()
    except OSError as exc:  # a file or folder the checks above did not foresee
        if args.debug:
            raise
        if exc.errno == errno.EPIPE:
            return _stdout_closed()
        return _error(str(from_os_error(exc)))
    except (MemoryError, RecursionError) as exc:
        if args.debug:
            raise
        what = ("ran out of memory" if isinstance(exc, MemoryError)
                else "an input is nested too deeply")
        return _error(f"{what}: the inputs are too large for this computer (the limits "
                      "are in docs/cleaning.md)")
    except Exception as exc:  # never show a traceback to an officer
        if args.debug:
            raise
        detail = one_line(" ".join(str(exc).split()))
        print(f"coprod: internal error: {type(exc).__name__}: {detail} (please report this"
              "; --debug shows the details)", file=sys.stderr)
        return EXIT_INTERNAL


def _log_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A library's warning (openpyxl on an unusual workbook) as one line, shown with -v."""
    logging.getLogger("coprod_analysis").info("%s", one_line(" ".join(str(message).split())))


def _error(message: str) -> int:
    """Print a one-line error; the exit status for bad input."""
    print(f"coprod: error: {one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _stdout_closed() -> int:
    """The reader of our output went away (``coprod ... | head``): stop quietly, as Unix
    tools do, with the status of a process ended by SIGPIPE."""
    try:  # nothing more may reach the closed pipe, not even Python's flush at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
    return EXIT_PIPE


if __name__ == "__main__":  # ``python -m coprod_analysis.cli`` is the command too
    raise SystemExit(main())
