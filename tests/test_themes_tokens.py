"""The quick way to a feature block's counts gives exactly the slow way's matrices.

``split_words`` (pyarrow for ASCII texts, Python for the rest), the per-word
lexicon and the (texts x words) products must give the very matrices the
one-text-at-a-time code gave: the same entries in the same order, so that scores
are equal to the last bit. The reference functions below are that earlier code,
kept here as the slow road to compare with.
"""

from __future__ import annotations

import re
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import sparse

from coprod_analysis.themes import linear
from coprod_analysis.themes.linear import (
    WORD_PATTERN,
    FeatureBlock,
    LinearThemes,
    char_wb_ngrams,
    preprocess,
    split_words,
    word_ngrams,
    words_of,
)

# --- the slow road: one text at a time ------------------------------------------------


def reference_word_counts(block: FeatureBlock, texts: list[str]) -> sparse.csr_matrix:
    """Word and word-pair counts, each text's words found by the pattern on the text."""
    vocabulary, rows, columns = block.vocabulary, [], []
    for row, text in enumerate(texts):
        for gram in word_ngrams(text, block.ngram_range):
            if (column := vocabulary.get(gram)) is not None:
                rows.append(row)
                columns.append(column)
    return sparse.coo_matrix((np.ones(len(rows)), (rows, columns)),
                             shape=(len(texts), len(vocabulary))).tocsr()


def reference_char_counts(block: FeatureBlock, texts: list[str]) -> sparse.csr_matrix:
    """Character n-gram counts as (texts x words) @ (words x n-grams), words by Python."""
    flat, indptr = [], [0]
    for text in texts:
        flat.extend(text.split())
        indptr.append(len(flat))
    distinct = list(dict.fromkeys(flat))
    number = {w: i for i, w in enumerate(distinct)}
    lengths, columns = [], []
    for word in distinct:
        found = [c for g in char_wb_ngrams(word, block.ngram_range)
                 if (c := block.vocabulary.get(g)) is not None]
        lengths.append(len(found))
        columns.extend(found)
    per_word = sparse.csr_matrix(
        (np.ones(len(columns)), np.asarray(columns, dtype=np.int64),
         np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])),
        shape=(len(distinct), len(block.vocabulary)))
    words = sparse.csr_matrix(
        (np.ones(len(flat)), np.asarray([number[w] for w in flat], dtype=np.int64),
         np.asarray(indptr, dtype=np.int64)), shape=(len(texts), len(distinct)))
    return (words @ per_word).tocsr()


def reference_transform(block: FeatureBlock, counts: sparse.csr_matrix) -> sparse.csr_matrix:
    matrix = counts.copy()
    matrix.data = (1.0 + np.log(matrix.data)) * block.idf[matrix.indices]
    rows = np.diff(matrix.indptr)
    norms = np.zeros(len(rows))
    if matrix.nnz:
        filled = rows > 0
        norms[filled] = np.sqrt(np.add.reduceat(matrix.data ** 2, matrix.indptr[:-1][filled]))
        matrix.data /= np.repeat(norms, rows)
    return matrix


def reference_counts(block: FeatureBlock, texts: list[str]) -> sparse.csr_matrix:
    if block.analyzer == "word":
        return reference_word_counts(block, texts)
    return reference_char_counts(block, texts)


def assert_same_matrix(ours: sparse.csr_matrix, reference: sparse.csr_matrix) -> None:
    """Equal entry for entry, in the same order (so later sums round the same way)."""
    assert ours.shape == reference.shape
    assert ours.indptr.tolist() == reference.indptr.tolist()
    assert ours.indices.tolist() == reference.indices.tolist()
    assert ours.data.tobytes() == reference.data.tobytes()


# --- texts that trip tokenisers ---------------------------------------------------------

#: Letters (ASCII, accented, composed and not, dotted I, sharp s, titlecase, CJK),
#: apostrophes (straight and curly), underscores, digits (ASCII and not), every kind of
#: whitespace str.split knows (ASCII controls, information separators, NEL, NBSP, em
#: space, line separator, ideographic space), a zero-width space (not whitespace),
#: emoji, punctuation and NUL.
ALPHABET = ["a", "b", "n", "z", "A", "N", "é", "É", "e\u0301", "ß", "İ", "ǅ", "ﬁ", "日",
            "'", "\u2019", "_", "0", "7", "½", "²", "٣", " ", " ", "\t", "\n", "\x0b", "\x0c",
            "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2003", "\u2028",
            "\u3000", "\u200b", "😀", ".", ",", "-", "!", "\x00"]
ASCII_ALPHABET = [c for c in ALPHABET if c.isascii()]


def texts_from(alphabet: list[str]):
    return st.lists(st.lists(st.sampled_from(alphabet), max_size=30).map("".join),
                    max_size=12)


texts_strategy = texts_from(ALPHABET) | texts_from(ASCII_ALPHABET)


def block_for(analyzer: str, ngram_range: tuple[int, int], corpus: list[str]) -> FeatureBlock:
    """A block whose vocabulary is every n-gram of the corpus (so that most n-grams of
    texts like it are found), with varied IDF weights."""
    terms: dict[str, int] = {}
    for text in corpus:
        if analyzer == "word":
            grams = word_ngrams(text, ngram_range)
        else:
            grams = [g for word in text.split() for g in char_wb_ngrams(word, ngram_range)]
        for gram in grams:
            terms.setdefault(gram, len(terms))
    return FeatureBlock(analyzer, ngram_range, terms, 1.0 + np.arange(len(terms)) % 7 / 3)


# --- the property: quick == slow --------------------------------------------------------


@pytest.mark.parametrize("analyzer, ngram_range", [("word", (1, 2)), ("word", (1, 1)),
                                                   ("word", (2, 2)), ("char_wb", (2, 5)),
                                                   ("char_wb", (1, 3))])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=texts_strategy, texts=texts_strategy)
def test_the_quick_counts_are_the_slow_counts(analyzer, ngram_range, corpus, texts):
    corpus = [preprocess(t) for t in corpus]
    texts = [preprocess(t) for t in texts] + corpus
    block = block_for(analyzer, ngram_range, corpus)
    reference = reference_counts(block, texts)
    assert_same_matrix(block.counts(texts), reference)
    # again: the words are now known to the block's lexicon
    assert_same_matrix(block.counts(texts[::-1]), reference_counts(block, texts[::-1]))
    assert_same_matrix(block.transform(texts, split_words(texts)),
                       reference_transform(block, reference))


@settings(max_examples=300, deadline=None)
@given(texts=texts_strategy)
def test_split_words_is_str_split(texts):
    words = split_words(texts)
    assert words.lengths.tolist() == [len(t.split()) for t in texts]
    assert [words.distinct[c] for c in words.codes] == [w for t in texts for w in t.split()]


def test_split_words_splits_ascii_where_str_split_does():
    # every ASCII character, alone, between letters, doubled and at either end
    texts = [t for i in range(128) for c in [chr(i)]
             for t in (c, f"a{c}b", f"{c}{c}ab{c}", f"x {c} y")]
    words = split_words(texts)
    assert words.lengths.tolist() == [len(t.split()) for t in texts]
    assert [words.distinct[c] for c in words.codes] == [w for t in texts for w in t.split()]


def test_whitespace_is_never_part_of_a_word():
    # why a text's words are its whitespace-separated words' words, one after another
    pattern = re.compile(r"[\w']")
    spaces = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]
    assert len(spaces) > 20
    assert not [c for c in spaces if pattern.match(c)]


@settings(max_examples=300, deadline=None)
@given(text=texts_strategy.map(" ".join))
def test_a_texts_words_are_its_whitespace_words_words(text):
    text = preprocess(text)
    assert [t for w in text.split() for t in words_of(w)] == re.findall(WORD_PATTERN, text)


# --- worked by hand ---------------------------------------------------------------------


def test_split_words_by_hand():
    words = split_words(["a b  a", "", "caf\u00e9 b\u00a0c\u2003a", " x\x1cy\t", "\x85"])
    assert words.lengths.tolist() == [3, 0, 4, 2, 0]
    assert [words.distinct[c] for c in words.codes] == ["a", "b", "a", "café", "b", "c",
                                                        "a", "x", "y"]
    assert split_words([]).lengths.tolist() == []


def test_word_counts_by_hand():
    block = FeatureBlock("word", (1, 2), {"we": 0, "don't": 1, "we don't": 2, "meet": 3,
                                          "don't meet": 4}, np.ones(5))
    texts = ["we don't meet, we", "caf\u00e9 we\u00a0don't", "", "'we' ''", "we_don't"]
    # 1: we twice, don't, meet, "we don't", "don't meet" ("meet we" is no term)
    # 2 (not ASCII): we, don't and the pair "we don't" across a non-breaking space
    # 3: nothing; 4: "we" (apostrophes trimmed); 5: "we_don't" is one word, no term
    assert block.counts(texts).toarray().tolist() == [[2, 1, 1, 1, 1], [1, 1, 1, 0, 0],
                                                      [0] * 5, [1, 0, 0, 0, 0], [0] * 5]


def test_char_counts_by_hand():
    block = FeatureBlock("char_wb", (2, 2), {" a": 0, "a ": 1, "an": 2, "na": 3}, np.ones(4))
    # " banana ": " b" ba an na an na "a " -> an 2, na 2, "a " 1; " an ": " a" an "n " ->
    # " a" 1, an 1; "ñaña" (not ASCII): " ñ" ña "añ" ña "a " -> "a " 1 only; a lone
    # surrogate is a word like any other
    counts = block.counts(["banana an", "\u00f1a\u00f1a\tan", "\ud800 an"])
    assert counts.toarray().tolist() == [[1, 1, 3, 2], [1, 1, 1, 0], [1, 0, 1, 0]]


# --- the lexicon ------------------------------------------------------------------------


def test_a_word_met_in_ascii_and_other_texts_has_two_numbers_and_one_row():
    block = FeatureBlock("char_wb", (2, 3), {" ab": 0, "ab": 1, "b ": 2}, np.ones(3))
    texts = ["ab ab", "ab é", "é ab"]  # "ab" gets a number from each road
    words = split_words(texts)
    assert len(words.distinct) > len(set(words.distinct))
    assert_same_matrix(block.counts(texts, words), reference_char_counts(block, texts))


def test_a_full_lexicon_starts_again_with_the_same_results(monkeypatch):
    monkeypatch.setattr(linear._Lexicon, "LIMIT", 3)
    texts = ["alpha beta gamma", "delta alpha epsilon zeta", "eta theta", "beta"] * 2
    for analyzer, ngram_range in (("word", (1, 2)), ("char_wb", (2, 4))):
        block = block_for(analyzer, ngram_range, texts)
        for part in (texts[:2], texts[2:5], texts):
            assert_same_matrix(block.counts(part), reference_counts(block, part))
            assert len(block._lexicon.index) <= len(set(" ".join(part).split())) + 3


def test_decision_function_scores_are_the_slow_roads_to_the_last_bit(monkeypatch):
    corpus = ["more time for questions", "don't rush", "café parking £4 a go",
              "the staff's jargon", "bigger room_101 please", "", "  ", "n/a"]
    blocks = [block_for("word", (1, 2), corpus), block_for("char_wb", (2, 5), corpus)]
    width = sum(len(b.idf) for b in blocks)
    coef = np.sin(np.arange(3 * width)).reshape(3, width)
    model = LinearThemes(blocks, coef, np.array([0.1, -0.2, 0.3]), np.full(3, 0.5),
                         ("a", "b", "c"))
    texts = corpus + ["More TIME, don\u2019t rush\u00a0please \U0001F600", "Ünïcödé café",
                      "tab\tsep\x1cinfo", "digits 12 34_5"] * 3
    monkeypatch.setattr(linear, "CHUNK", 5)  # several chunks
    scores = model.decision_function(texts)
    # the same sums in the same order as decision_function, features the slow way
    prepared = [preprocess(t) for t in texts]
    weights, start = [], 0
    for block in blocks:
        weights.append(np.ascontiguousarray(coef[:, start:start + len(block.idf)].T))
        start += len(block.idf)
    expected = np.zeros_like(scores)
    for at in range(0, len(texts), 5):
        part = expected[at:at + 5]
        for block, weight in zip(blocks, weights, strict=True):
            part += np.asarray(reference_transform(
                block, reference_counts(block, prepared[at:at + 5])) @ weight)
        part += model.intercept
    assert scores.tobytes() == expected.tobytes()
    assert np.array_equal(model.predict(texts), linear.decide(expected, model.thresholds,
                                                               False))
