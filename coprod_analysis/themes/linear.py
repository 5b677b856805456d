"""Predicting themes from a fitted model's numbers, with numpy and scipy only.

A fitted :class:`~coprod_analysis.themes.classifier.ThemeClassifier` is, once
fitted, a handful of arrays: each feature block's vocabulary and IDF weights,
the linear weights and intercepts of every theme, and each theme's
threshold. :class:`LinearThemes` predicts from those arrays alone, so that
cleaning (which only predicts) never imports scikit-learn, whose import
costs about a second.

The features are scikit-learn's ``TfidfVectorizer`` ones, reproduced
exactly: text lower-cased, then accents stripped the way ``strip_accents=
"unicode"`` does (NFKD, combining marks dropped, ASCII text left alone);
words are ``(?u)\\b\\w[\\w']*\\b`` with their pairs, and character n-grams
are taken within each whitespace-separated word padded with one space
(``analyzer="char_wb"``); counts become ``1 + log(count)`` (sublinear TF),
are multiplied by the IDF and each block is scaled to unit length. A test
checks the scores against scikit-learn's on varied text, Unicode included.

A text is split into whitespace-separated words once, for both blocks (by
pyarrow, all at once, for ASCII texts). A word's character n-grams depend on
the word alone, and so do the words the word pattern finds in it (whitespace
is never a word character): both are found once per distinct word and kept
from call to call (comments share most of their words), which is what makes
this faster than scikit-learn's own transform.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

#: scikit-learn's word pattern as the classifier configures it (apostrophes kept).
WORD_PATTERN = r"(?u)\b\w[\w']*\b"
#: Texts turned into features at a time (bounds the memory a large batch needs).
CHUNK = 5_000
#: Word numbers in a pair key: first * _BASE + second (room for 2**31 words).
_BASE = 2 ** 31
#: A code with this name, in a single-label codebook, means "no theme".
NONE_CODE = "none"


def strip_accents(text: str) -> str:
    """Accents removed as scikit-learn's ``strip_accents_unicode`` does.

    Examples
    --------
    >>> strip_accents("café naïve")
    'cafe naive'
    >>> strip_accents("plain")
    'plain'
    """
    if text.isascii():
        return text
    normalized = unicodedata.normalize("NFKD", text)
    return "".join([c for c in normalized if not unicodedata.combining(c)])


def preprocess(text: str) -> str:
    """Lower case, then accents stripped (scikit-learn's order).

    Examples
    --------
    >>> preprocess("Élan VITAL")
    'elan vital'
    """
    return strip_accents(text.lower())


def word_ngrams(text: str, ngram_range: tuple[int, int], pattern=re.compile(WORD_PATTERN)
                ) -> list[str]:
    """The word n-grams of preprocessed ``text`` (scikit-learn's ``analyzer="word"``).

    Examples
    --------
    >>> word_ngrams("we don't meet", (1, 2))
    ['we', "don't", 'meet', "we don't", "don't meet"]
    """
    tokens = pattern.findall(text)
    low, high = ngram_range
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


#: ASCII characters that are neither word characters nor apostrophes, to spaces.
_NOT_IN_WORDS = str.maketrans({chr(i): " " for i in range(128)
                               if not (chr(i).isalnum() or chr(i) in "_'")})


def words_of(text: str, pattern=re.compile(WORD_PATTERN)) -> list[str]:
    """The words of preprocessed ``text`` as ``pattern`` finds them (the word pattern).

    ASCII text takes a quicker road to the same words: runs of word characters
    and apostrophes, apostrophes trimmed from their ends (a word starts and
    ends with a word character).

    Examples
    --------
    >>> words_of("'quoted' don't  a''b ''")
    ['quoted', "don't", "a''b"]
    """
    if not text.isascii() or pattern.pattern != WORD_PATTERN:
        return pattern.findall(text)
    runs = text.translate(_NOT_IN_WORDS).split()
    if "'" not in text:
        return runs  # no apostrophe to trim
    return [w for run in runs if (w := run.strip("'"))]


@dataclass
class Words:
    """Texts as their whitespace-separated words (``str.split()``), each word a number.

    ``codes`` holds the number of every word of every text, text after text;
    ``lengths`` how many words each text has; ``distinct`` the words by number
    (a word may have two numbers, one from each road :func:`split_words` takes).
    """

    codes: np.ndarray
    lengths: np.ndarray
    distinct: list[str]


#: Python's whitespace (``str.split``) among ASCII characters that pyarrow's
#: ``ascii_split_whitespace`` leaves alone (the information separators).
_SEPARATORS = r"[\x1c-\x1f]"


def split_words(texts: Sequence[str]) -> Words:
    """Each text's words as ``text.split()`` gives them, as numbers (see :class:`Words`).

    ASCII texts are split all at once by pyarrow: its ASCII whitespace is
    Python's but for the information separators (``\\x1c`` to ``\\x1f``), which
    become spaces first. Other texts are split by Python, one by one.

    Examples
    --------
    >>> words = split_words(["a b  a", "", "caf\u00e9 b\u00a0c\u2003a"])
    >>> [words.distinct[c] for c in words.codes], words.lengths.tolist()
    (['a', 'b', 'a', 'café', 'b', 'c', 'a'], [3, 0, 4])
    """
    plain = [t.isascii() for t in texts]
    codes, lengths, distinct = _split_ascii([t if p else "" for t, p in zip(texts, plain,
                                                                         strict=True)])
    others = [i for i, p in enumerate(plain) if not p]
    if not others:
        return Words(codes, lengths, distinct)
    numbers: dict[str, int] = {}
    other_codes, other_lengths = [], np.zeros(len(texts), dtype=np.int64)
    for i in others:
        found = texts[i].split()
        other_lengths[i] = len(found)
        other_codes.extend([numbers.setdefault(w, len(numbers)) for w in found])
    # Both roads' words side by side, then each text's run of words taken from
    # wherever it is (a text's words come all from one road).
    source = np.concatenate([codes, np.asarray(other_codes, dtype=np.int64) + len(distinct)])
    starts = np.where(np.asarray(plain), np.cumsum(lengths) - lengths,
                      len(codes) + np.cumsum(other_lengths) - other_lengths)
    lengths = lengths + other_lengths
    order = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) \
        + np.arange(len(source), dtype=np.int64)
    return Words(source[order], lengths, distinct + list(numbers))


def _split_ascii(texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """:func:`split_words` for ASCII texts, by pyarrow: codes, lengths and distinct words."""
    import pyarrow as pa
    import pyarrow.compute as pc

    joined = "".join(texts)
    offsets = np.concatenate([[0], np.cumsum(np.fromiter(map(len, texts), dtype=np.int64,
                                                         count=len(texts)))])
    array = pa.Array.from_buffers(pa.large_string(), len(texts), [
        None, pa.py_buffer(offsets), pa.py_buffer(joined.encode("ascii"))])
    if any(separator in joined for separator in "\x1c\x1d\x1e\x1f"):
        array = pc.replace_substring_regex(array, _SEPARATORS, " ")
    pieces = pc.ascii_split_whitespace(array)  # whitespace at either end gives ""
    encoded = pc.dictionary_encode(pc.list_flatten(pieces))
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    rows = pc.list_parent_indices(pieces).to_numpy(zero_copy_only=False)
    distinct = encoded.dictionary.to_pylist()
    if "" in distinct:
        kept = codes != distinct.index("")
        codes, rows = codes[kept], rows[kept]
    return codes, np.bincount(rows, minlength=len(texts)).astype(np.int64), distinct


def _segments(starts: np.ndarray, numbers: np.ndarray, rows: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows ``rows`` of CSR parts (``starts``: where each row's numbers start, and the
    last ends; ``numbers``) one after another: each row's size, their numbers, and the
    place in ``rows`` each number came from.

    Examples
    --------
    >>> starts, numbers = np.array([0, 2, 2, 3]), np.array([7, 8, 9])
    >>> [a.tolist() for a in _segments(starts, numbers, np.array([2, 0, 1, 2]))]
    [[1, 2, 0, 1], [9, 7, 8, 9], [0, 1, 1, 3]]
    """
    first = starts[rows]
    sizes = starts[rows + 1] - first
    before = np.cumsum(sizes) - sizes  # where each row's numbers go
    owners = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
    return (sizes, numbers[first[owners] + np.arange(len(owners), dtype=np.int64)
                           - before[owners]], owners)


class _Lexicon:
    """The words a block has met, each with its numbers (n-gram columns, or the
    numbers of the words the word pattern finds in it), kept from call to call so
    that a word's numbers are found once: most words recur.

    It holds up to :attr:`LIMIT` words: a batch of words that would take it past
    that empties it first (so it holds at most that many, or one batch's words).
    """

    LIMIT = 500_000

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        #: CSR parts: where each word's numbers start (and the last ends), the numbers.
        self.starts = np.zeros(1, dtype=np.int64)
        self.numbers = np.zeros(0, dtype=np.int64)

    def rows(self, distinct: list[str], find) -> np.ndarray:
        """The row of each of ``distinct``, words not met before added with
        ``find(word)`` (a list of numbers)."""
        index = self.index
        rows = [index.get(word, -1) for word in distinct]
        if -1 not in rows:
            return np.asarray(rows, dtype=np.int64)
        new = list(dict.fromkeys([w for w, r in zip(distinct, rows, strict=True) if r < 0]))
        if len(index) + len(new) > self.LIMIT:
            self.__init__()
            index, new = self.index, list(dict.fromkeys(distinct))
        found = [find(word) for word in new]
        sizes = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
        self.numbers = np.concatenate([self.numbers, np.fromiter(
            (n for numbers in found for n in numbers), dtype=np.int64, count=int(sizes.sum()))])
        self.starts = np.concatenate([self.starts, self.starts[-1] + np.cumsum(sizes)])
        index.update(zip(new, range(len(index), len(index) + len(new)), strict=True))
        return np.fromiter(map(index.__getitem__, distinct), dtype=np.int64,
                           count=len(distinct))


def _count_keys(keys: np.ndarray, rows: int, width: int) -> sparse.csr_matrix:
    """How many times each ``row * width + column`` is in ``keys``, as a CSR matrix
    (columns in order in each row).

    Examples
    --------
    >>> _count_keys(np.array([5, 1, 5, 3, 5]), 2, 3).toarray().tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 3.0]]
    """
    keys = np.sort(keys)
    new = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, len(keys))).astype(np.float64)
    found_rows, columns = np.divmod(keys[first], max(width, 1))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(found_rows, minlength=rows))])
    return sparse.csr_matrix((counts, columns, indptr), shape=(rows, width))


def char_wb_ngrams(word: str, ngram_range: tuple[int, int]) -> list[str]:
    """The character n-grams of one word padded with spaces (``analyzer="char_wb"``).

    A word shorter than ``n`` gives itself (padded) once, not once per length.

    Examples
    --------
    >>> char_wb_ngrams("ab", (2, 4))
    [' a', 'ab', 'b ', ' ab', 'ab ', ' ab ']
    >>> char_wb_ngrams("a", (3, 5))
    [' a ']
    """
    padded = f" {word} "
    grams = []
    for n in range(ngram_range[0], ngram_range[1] + 1):
        if len(padded) <= n:
            grams.append(padded)
            break
        grams.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
    return grams


@dataclass
class FeatureBlock:
    """One TF-IDF block: its analyzer (``"word"`` or ``"char_wb"``), n-gram range,
    vocabulary (term -> column) and IDF weights."""

    analyzer: str
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: np.ndarray
    _memo: dict = field(default_factory=dict, repr=False)
    _lexicon: _Lexicon = field(default_factory=_Lexicon, repr=False, compare=False)

    def counts(self, texts: Sequence[str], words: Words | None = None) -> sparse.csr_matrix:
        """Raw n-gram counts of preprocessed texts (float64 CSR, one row per text).

        ``words`` is the texts' :func:`split_words`, when the caller already has it.
        """
        if self.analyzer != "word":
            return self._char_counts(split_words(texts) if words is None else words)
        if self.ngram_range[0] >= 1 and self.ngram_range[1] <= 2:
            return self._word_counts(split_words(texts) if words is None else words)
        vocabulary, columns, indptr = self.vocabulary, [], [0]
        for text in texts:
            columns.extend([c for g in word_ngrams(text, self.ngram_range)
                            if (c := vocabulary.get(g)) is not None])
            indptr.append(len(columns))
        return self._matrix(np.ones(len(columns)), np.asarray(columns, dtype=np.int64),
                            np.asarray(indptr, dtype=np.int64), len(texts))

    def _word_index(self):
        """Each word of the vocabulary's terms -> a number; the columns of single words
        by number; word pairs as sorted keys (first * BASE + second) with their columns."""
        if "_words" not in self._memo:
            numbers: dict[str, int] = {}
            for term in self.vocabulary:
                for word in term.split(" "):
                    numbers.setdefault(word, len(numbers))
            single = np.full(len(numbers) + 1, -1, dtype=np.int64)  # last: unknown words
            pairs, pair_columns = [], []
            for term, column in self.vocabulary.items():
                parts = term.split(" ")
                if len(parts) == 1:
                    single[numbers[parts[0]]] = column
                else:
                    pairs.append(numbers[parts[0]] * _BASE + numbers[parts[1]])
                    pair_columns.append(column)
            order = np.argsort(pairs, kind="stable")
            self._memo["_words"] = (numbers, single, np.asarray(pairs, dtype=np.int64)[order],
                                    np.asarray(pair_columns, dtype=np.int64)[order])
        return self._memo["_words"]

    def _word_counts(self, words: Words) -> sparse.csr_matrix:
        """Word and word-pair counts, looked up as numbers all at once.

        The words the pattern finds never cross whitespace (whitespace is no word
        character), so a text's words are its whitespace-separated words' words, one
        after another: they are found once per distinct whitespace-separated word."""
        numbers, single, pairs, pair_columns = self._word_index()
        unknown = len(single) - 1
        found = self._lexicon.rows(
            words.distinct, lambda word: [numbers.get(t, unknown) for t in words_of(word)])
        _, ids, owners = _segments(self._lexicon.starts, self._lexicon.numbers,
                                   found[words.codes])
        rows = np.repeat(np.arange(len(words.lengths), dtype=np.int64), words.lengths)[owners]
        width = len(self.vocabulary)
        keys = []  # row * width + column of each (text, term) met
        if self.ngram_range[0] == 1:
            columns = single[ids]
            keys.append(rows[columns >= 0] * width + columns[columns >= 0])
        if self.ngram_range[1] == 2 and len(ids) > 1 and len(pairs):
            # a pair never spans two texts, nor takes in an unknown word
            at = np.flatnonzero((rows[:-1] == rows[1:]) & (ids[:-1] != unknown)
                                & (ids[1:] != unknown))
            wanted = ids[at] * _BASE + ids[at + 1]
            where = np.minimum(np.searchsorted(pairs, wanted), len(pairs) - 1)
            hit = pairs[where] == wanted
            keys.append(rows[at[hit]] * width + pair_columns[where[hit]])
        return _count_keys(np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64),
                           len(words.lengths), width)

    def _matrix(self, data, indices, indptr, rows: int) -> sparse.csr_matrix:
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(rows, len(self.vocabulary)))
        matrix.sum_duplicates()
        return matrix

    def _char_counts(self, words: Words) -> sparse.csr_matrix:
        """Character n-gram counts as (texts x words) @ (words x n-grams): each distinct
        word's n-grams are found once (and kept for later calls)."""
        vocabulary = self.vocabulary
        found = self._lexicon.rows(
            words.distinct, lambda word: [c for g in char_wb_ngrams(word, self.ngram_range)
                                          if (c := vocabulary.get(g)) is not None])
        sizes, columns, _ = _segments(self._lexicon.starts, self._lexicon.numbers, found)
        starts = np.concatenate([[0], np.cumsum(sizes)])
        # An n-gram twice in a word ("an" in "banana") is two entries of its row, and a
        # word twice in a text two entries of the text's: the product adds them up, and
        # has each (text, n-gram) once, so its columns need no sorting.
        per_word = sparse.csr_matrix((np.ones(len(columns)), columns, starts),
                                     shape=(len(words.distinct), len(vocabulary)))
        texts = sparse.csr_matrix(
            (np.ones(len(words.codes)), words.codes,
             np.concatenate([[0], np.cumsum(words.lengths, dtype=np.int64)])),
            shape=(len(words.lengths), len(words.distinct)))
        return (texts @ per_word).tocsr()

    def transform(self, texts: Sequence[str], words: Words | None = None
                  ) -> sparse.csr_matrix:
        """Sublinear TF times IDF, each row scaled to unit length (``words`` as for
        :meth:`counts`)."""
        matrix = self.counts(texts, words)
        data = matrix.data  # 1 + log(count), times the IDF, in place: the same numbers
        np.log(data, out=data)
        data += 1.0
        data *= self.idf.take(matrix.indices)
        rows = np.diff(matrix.indptr)
        norms = np.zeros(len(rows))
        if matrix.nnz:
            filled = rows > 0
            norms[filled] = np.sqrt(np.add.reduceat(matrix.data ** 2,
                                                    matrix.indptr[:-1][filled]))
            matrix.data /= np.repeat(norms, rows)
        return matrix


def _texts(values) -> list[str]:
    out = []
    for value in values:
        if value is None or (isinstance(value, float) and value != value):
            out.append("")
        else:
            out.append(str(value))
    return out


@dataclass
class LinearThemes:
    """A fitted theme model as arrays: predicts without scikit-learn.

    ``predict`` follows the model's rule: with ``single_label`` every comment
    gets exactly the theme with the highest score (a ``none`` code, if the
    codebook has one, meaning no theme); otherwise each theme whose score
    (on a 0-1 scale, the logistic of the linear score) reaches its threshold,
    possibly none (the model abstains).
    """

    blocks: list[FeatureBlock]
    coef: np.ndarray
    intercept: np.ndarray
    thresholds: np.ndarray
    classes: tuple[str, ...]
    single_label: bool = False

    @property
    def classes_(self) -> np.ndarray:
        return np.array(self.classes, dtype=object)

    @property
    def coef_(self) -> np.ndarray:
        return self.coef

    @property
    def intercept_(self) -> np.ndarray:
        return self.intercept

    @property
    def thresholds_(self) -> np.ndarray:
        return self.thresholds

    @property
    def single_label_(self) -> bool:
        return self.single_label

    def features(self, X) -> sparse.csr_matrix:
        """The TF-IDF features of texts, every block side by side."""
        texts = [preprocess(t) for t in _texts(X)]
        words = split_words(texts)
        return sparse.hstack([b.transform(texts, words) for b in self.blocks], format="csr")

    def decision_function(self, X) -> np.ndarray:
        """The linear score of each theme for each text, shape (texts, themes).

        Texts are taken :data:`CHUNK` at a time, so memory stays small.
        """
        texts = _texts(X)
        scores = np.zeros((len(texts), len(self.classes)))
        # each block's features times its own columns of the coefficients: the same
        # sum as all blocks side by side, without building that wider matrix
        weights, start = [], 0
        for block in self.blocks:
            weights.append(np.ascontiguousarray(self.coef[:, start:start + len(block.idf)].T))
            start += len(block.idf)
        for start in range(0, len(texts), CHUNK):
            chunk = [preprocess(t) for t in texts[start:start + CHUNK]]
            part = scores[start:start + CHUNK]
            words = split_words(chunk)  # the same for every block
            for block, weight in zip(self.blocks, weights, strict=True):
                part += np.asarray(block.transform(chunk, words) @ weight)
            part += self.intercept
        return scores

    def predict_proba(self, X) -> np.ndarray:
        """Each theme's score on a 0-1 scale (what the thresholds apply to)."""
        return 1.0 / (1.0 + np.exp(-self.decision_function(X)))

    def predict(self, X) -> np.ndarray:
        """0/1 per theme for each text (see the class's rule)."""
        return decide(self.decision_function(X), self.thresholds, self.single_label)


def decide(scores: np.ndarray, thresholds: np.ndarray, single_label: bool) -> np.ndarray:
    """Linear scores -> 0/1 themes: the top theme alone, or every theme past its threshold.

    Examples
    --------
    >>> scores = np.array([[0.2, 1.5], [-3.0, -2.0]])
    >>> decide(scores, np.array([0.5, 0.9]), single_label=False).tolist()
    [[1, 0], [0, 0]]
    >>> decide(scores, np.array([0.5, 0.9]), single_label=True).tolist()
    [[0, 1], [0, 1]]
    """
    scores = np.asarray(scores, dtype=float)
    if single_label:
        chosen = np.zeros(scores.shape, dtype=int)
        if scores.shape[1]:
            chosen[np.arange(len(scores)), scores.argmax(axis=1)] = 1
        return chosen
    return ((1.0 / (1.0 + np.exp(-scores))) >= thresholds).astype(int)
