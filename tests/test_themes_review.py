"""Single-label codebooks, review sheets and corrections (the officer corrects,
the model learns). Expected values are worked by hand beside each test."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from coprod_analysis.errors import CoprodError
from coprod_analysis.themes import (
    Codebook,
    classify_texts,
    load_codebook,
    load_examples,
    load_model,
    save_model,
    to_indicators,
)
from coprod_analysis.themes.classifier import ThemeClassifier
from coprod_analysis.themes.review import (
    confidence,
    read_corrections,
    review_table,
    with_corrections,
)
from tests.conftest import FIXTURES

THEMES = FIXTURES / "themes"


@pytest.fixture(scope="module")
def book():
    return load_codebook(THEMES / "codebook.csv")


@pytest.fixture(scope="module")
def single(book):
    """The fixture's examples that carry exactly one theme: a single-label set."""
    texts, labels = load_examples(THEMES / "labelled.csv", book)
    kept = [(t, lab) for t, lab in zip(texts, labels, strict=True) if len(lab) == 1]
    return [t for t, _ in kept], [lab for _, lab in kept]


@pytest.fixture(scope="module")
def single_model(single, book):
    texts, labels = single
    return ThemeClassifier(cv=3).fit(texts, to_indicators(labels, book))


# --- Single-label codebooks ----------------------------------------------------------------

def test_one_theme_each_makes_a_single_label_model(single_model):
    assert single_model.single_label_


def test_a_single_label_model_gives_every_comment_exactly_one_theme(single_model):
    # Even text that fits nothing, blank text, and text in another script.
    texts = ["zzzz qqqq", "", "   ", "日本語", "the room was far and the session rushed",
             "Far too rushed", "The car park was full"]
    predicted = single_model.predict(texts)
    assert predicted.sum(axis=1).tolist() == [1] * len(texts)
    assert single_model.to_linear().predict(texts).tolist() == predicted.tolist()


def test_single_label_survives_saving_and_loading(single_model, book, tmp_path):
    loaded, _ = load_model(save_model(single_model, book, tmp_path / "m.json.gz"))
    assert loaded.single_label
    assert loaded.predict(["zzzz qqqq"]).sum() == 1


def test_one_example_without_a_theme_keeps_the_model_multi_label(single, book):
    texts, labels = single
    model = ThemeClassifier(cv=3).fit(texts + ["the biscuits were nice"],
                                      to_indicators(labels + [[]], book))
    assert not model.single_label_
    # Themes come from each theme's threshold, not from the top score.
    texts = ["zzzz qqqq", "Far too rushed", "the room was far and the session rushed"]
    expected = (model.predict_proba(texts) >= model.thresholds_).astype(int)
    assert model.predict(texts).tolist() == expected.tolist()


def test_a_none_code_in_a_single_label_codebook_means_no_theme():
    none_book = Codebook(("parking", "none"), ("Parking", "No theme"), ("", ""))
    texts = ["no parking spaces", "parking was full", "car park too small", "parking costs",
             "lovely day", "all fine thanks", "nothing to add here", "great session"] * 2
    labels = [["parking"]] * 4 + [["none"]] * 4
    model = ThemeClassifier(cv=2).fit(texts, to_indicators(labels * 2, none_book))
    assert model.single_label_
    # Worked by hand: "parking" is only in parking examples; "fine" only in none ones.
    coded = classify_texts(["the parking again", "all fine"], model.to_linear(), none_book)
    assert coded == ["parking", ""]


# --- Confidence and the review sheet -------------------------------------------------------

def test_confidence_worked_by_hand():
    # Multi-label, thresholds 0.5 and 0.4. Scores ln(3) -> 0.75 (past 0.5 by 0.25 of
    # the 0.5 of room above: 0.5) and ln(1/4) -> 0.2 (short of 0.4 by 0.2 of the 0.4
    # below: 0.5); ln(1/9) -> 0.1 (0.4 short of 0.5: 0.8) and 0 -> 0.5 (past 0.4 by
    # 0.1 of 0.6: 0.1667). Each comment's confidence is its least sure theme's.
    scores = np.log(np.array([[3.0, 0.25], [1 / 9, 1.0]]))
    got = confidence(scores, np.array([0.5, 0.4]), False)
    assert got.round(4).tolist() == [0.5, 0.1667]
    # Single-label: the gap between the top two on the 0-1 scale: 0.75 - 0.2 = 0.55.
    assert confidence(scores[:1], np.array([0.5, 0.4]), True).round(4).tolist() == [0.55]


def test_the_review_sheet_puts_the_least_sure_first_and_skips_non_answers(single_model, book):
    texts = ["Far too rushed", "N/A", None, "the room", "Nothing", "zzzz qqqq"]
    sheet = review_table(texts, single_model.to_linear(), book)
    assert list(sheet.columns) == ["row", "text", "themes", "confidence", "correct_themes",
                                   "checked"]
    assert sorted(sheet["row"].tolist()) == [1, 4, 6]  # rows 2, 3 and 5 say nothing
    assert sheet["confidence"].is_monotonic_increasing
    assert (sheet["correct_themes"] == "").all() and (sheet["checked"] == "").all()
    assert dict(zip(sheet["row"], sheet["text"], strict=True))[6] == "zzzz qqqq"


# --- Reading corrections -------------------------------------------------------------------

def _sheet(tmp_path, rows, header=("row", "text", "themes", "confidence", "correct_themes",
                                   "checked")):
    path = tmp_path / "corrections.csv"
    pd.DataFrame(rows, columns=list(header)).to_csv(path, index=False)
    return path


def test_corrections_take_checked_or_corrected_rows_only(book, tmp_path):
    path = _sheet(tmp_path, [
        (1, "too rushed", "venue", 0.1, "more_time", ""),    # corrected, not ticked: used
        (2, "car park", "venue", 0.2, "", "x"),               # ticked: the inferred theme
        (3, "acronyms", "venue", 0.3, "", ""),                # neither: ignored
        (4, "cake", "jargon", 0.4, "-", "YES"),               # '-': no theme
        (5, "all of it", "", 0.5, "venue; jargon", "✓"),      # two themes, spaces
        (6, "=cmd", "venue", 0.6, "'-", "x"),                 # written as "'-" by coprod
    ])
    texts, labels = read_corrections(path, book)
    assert texts == ["too rushed", "car park", "cake", "all of it", "=cmd"]
    assert labels == [["more_time"], ["venue"], [], ["venue", "jargon"], []]


@pytest.mark.parametrize("rows, header, message", [
    ([(1, "a", "venue", 0.1, "heating", "x")], None,
     "row 2: 'heating' is not in the codebook"),
    ([(1, "", "venue", 0.1, "venue", "x")], None, "row 2: the text is empty"),
    ([(1, "a", "venue", 0.1, "", "")], None, "no row is checked or corrected"),
    ([(1, "a", "venue")], ("row", "text", "themes"), "correct_themes, checked missing"),
])
def test_bad_corrections_are_one_line_errors(book, tmp_path, rows, header, message):
    path = _sheet(tmp_path, rows, header or ("row", "text", "themes", "confidence",
                                             "correct_themes", "checked"))
    with pytest.raises(CoprodError, match=message) as caught:
        read_corrections(path, book)
    assert "\n" not in str(caught.value) and "corrections.csv" in str(caught.value)


def test_a_single_label_codebook_refuses_two_themes_or_none(book, tmp_path):
    for given in ("venue;jargon", "-"):
        path = _sheet(tmp_path, [(1, "a", "venue", 0.1, given, "x")])
        with pytest.raises(CoprodError, match="row 2: this codebook is single-label"):
            read_corrections(path, book, single_label=True)


def test_a_correction_replaces_the_example_with_the_same_text():
    texts, labels = with_corrections(["a", "b", "c"], [["x"], ["y"], []],
                                     ["c", "d", "c"], [["y"], ["x"], ["x"]])
    # "c" is corrected twice: the later correction wins; "d" is new.
    assert texts == ["a", "b", "c", "d"]
    assert labels == [["x"], ["y"], ["x"], ["x"]]


# --- One round from the command line --------------------------------------------------------

def _coprod(*args):
    return subprocess.run([sys.executable, "-m", "coprod_analysis", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_review_correct_and_retrain_from_the_command_line(tmp_path, single, book):
    texts, labels = single
    labelled = tmp_path / "labelled.csv"
    pd.DataFrame({"text": texts, "themes": [lab[0] for lab in labels]}).to_csv(labelled,
                                                                               index=False)
    model = tmp_path / "model.json.gz"
    done = _coprod("themes", "train", labelled, "--codebook", THEMES / "codebook.csv",
                   "--out", model)
    assert done.returncode == 0 and "single-label" in done.stdout, done.stderr
    comments = tmp_path / "comments.csv"
    new = ["the biscuits ran out", "=1+1 formula-looking", "No idea"]
    pd.DataFrame({"c": new}).to_csv(comments, index=False)
    for suffix in (".xlsx", ".csv"):
        sheet = tmp_path / f"review{suffix}"
        done = _coprod("themes", "review", comments, "--text-column", "c", "--out", sheet,
                       "--model", model)
        assert done.returncode == 0, done.stderr
    # The XLSX sheet, edited in a spreadsheet, is a corrections file too.
    import openpyxl

    book_xlsx = openpyxl.load_workbook(tmp_path / "review.xlsx")
    sheet_xlsx = book_xlsx.active
    header = [c.value for c in sheet_xlsx[1]]
    assert header == ["row", "text", "themes", "confidence", "correct_themes", "checked"]
    sheet_xlsx.cell(row=2, column=5, value="jargon")
    book_xlsx.save(tmp_path / "review.xlsx")
    fixed = read_corrections(tmp_path / "review.xlsx", book, single_label=True)
    written = sheet_xlsx.cell(row=2, column=2).value
    # The sheet guards text a spreadsheet would run ("'=1+1 ..."); reading takes it off.
    original = written[1:] if written.startswith("'=") else written
    assert original in new
    assert fixed == ([original], [["jargon"]])
    table = pd.read_csv(tmp_path / "review.csv", keep_default_na=False)
    assert sorted(table["row"]) == [1, 2, 3]
    assert "'=1+1 formula-looking" in table["text"].tolist()  # never a live formula
    # The officer says the biscuits are about the venue, whatever the model said.
    table["correct_themes"] = np.where(table["row"] == 1, "venue", "")
    table["checked"] = "x"
    table.to_csv(tmp_path / "review.csv", index=False)
    done = _coprod("themes", "train", labelled, "--codebook", THEMES / "codebook.csv",
                   "--out", tmp_path / "model2.json.gz", "--add", tmp_path / "review.csv")
    assert done.returncode == 0, done.stderr
    done = _coprod("themes", "evaluate", labelled, "--codebook", THEMES / "codebook.csv",
                   "--add", tmp_path / "review.csv", "--folds", "3")
    assert done.returncode == 0, done.stderr
    assert "f1_before" in done.stdout and "f1_after" in done.stdout
    assert f"the {len(set(texts))} labelled examples" in done.stdout  # none replaced
    done = _coprod("themes", "evaluate", labelled, "--codebook", THEMES / "codebook.csv",
                   "--folds", "3")
    assert "Single-label codebook" in done.stdout


def test_a_bad_corrections_file_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("text,themes\nrushed,more_time\n")
    done = _coprod("themes", "train", THEMES / "labelled.csv", "--codebook",
                   THEMES / "codebook.csv", "--out", tmp_path / "m.json.gz", "--add", bad)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "bad.csv" in done.stderr
    assert "correct_themes, checked missing" in done.stderr


def test_review_never_writes_over_its_input(tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text("c\nToo rushed\n")
    done = _coprod("themes", "review", comments, "--text-column", "c", "--out", comments,
                   "--model", tmp_path / "none.json.gz")
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert comments.read_text() == "c\nToo rushed\n"
    done = _coprod("themes", "review", comments, "--text-column", "c", "--out",
                   tmp_path / "review.txt")
    assert done.returncode == 1 and "must be a .csv or .xlsx file" in done.stderr


def test_the_review_sheet_is_redacted_unless_asked_to_keep_the_text(tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text('c\n"Please ring Sarah Jones on 07911 123456, more time"\n'
                        '"Parking was hard, email jo.bloggs@example.org"\n')
    sheet = tmp_path / "review.csv"
    done = _coprod("themes", "review", comments, "--text-column", "c", "--out", sheet)
    assert done.returncode == 0, done.stderr
    texts = sorted(pd.read_csv(sheet)["text"])
    assert texts == ["Parking was hard, email [email]",
                     "Please ring [name] on [phone], more time"]
    kept = tmp_path / "kept.csv"
    done = _coprod("themes", "review", comments, "--text-column", "c", "--out", kept,
                   "--keep-text")
    assert done.returncode == 0, done.stderr
    assert "jo.bloggs@example.org" in kept.read_text()


def test_a_model_file_holds_no_identifier_of_its_examples(tmp_path):
    """The model's vocabulary is made of the examples' words: ``themes train`` redacts
    them first, so no name, number or address in them is written into the file."""
    from coprod_analysis.themes import load_model

    rows = pd.read_csv(THEMES / "labelled.csv", dtype=str, keep_default_na=False)
    planted = pd.DataFrame({"text": ["Ring Priyanka Okonkwo on 07911 123456, too rushed",
                                     "email priyanka.okonkwo@example.org about the time"] * 2,
                            "themes": [rows["themes"].iloc[0]] * 4})
    labelled = tmp_path / "labelled.csv"
    pd.concat([rows[["text", "themes"]], planted]).to_csv(labelled, index=False)
    for extra, model in (([], tmp_path / "m.json.gz"), (["--keep-text"], tmp_path / "k.json.gz")):
        done = _coprod("themes", "train", labelled, "--codebook", THEMES / "codebook.csv",
                       "--out", model, *extra)
        assert done.returncode == 0, done.stderr
    words, grams = (set(b.vocabulary) for b in load_model(tmp_path / "m.json.gz")[0].blocks)
    assert not {"priyanka", "okonkwo", "07911", "123456", "example"} & words
    assert not {"riyan", "iyank", "konkw", "onkwo", "07911", "23456"} & grams
    assert "priyanka" in set(load_model(tmp_path / "k.json.gz")[0].blocks[0].vocabulary)
