"""A fitted TF-IDF transform rebuilt from its vocabulary and idf weights.

``TfidfTable`` gives the same numbers as scikit-learn's ``TfidfVectorizer`` with
``lowercase=True``, the default token pattern, ``sublinear_tf`` and ``norm`` as fitted, for
the ``word`` and ``char_wb`` analyzers; tests compare the two. It needs no pickle: the
model stores the vocabulary (in column order) and the idf array.

It also remembers the columns of each whitespace-separated word, so a word that comes
again costs one dictionary look-up, and it can say which word each column came from
(used to explain a score word by word).
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import repeat
from operator import is_not
from typing import Optional, Sequence, Union

import numpy as np
import scipy.sparse as sp

WORD_PATTERN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
ANALYZERS = ("word", "char_wb")
CACHE_LIMIT = 200_000  # words remembered per table before the cache starts afresh
_FOUND = partial(is_not, None)
_SEPARATOR = "\x00"  # between texts in one run of tokens: never a token itself


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # what is not a letter or digit, at either end


@lru_cache(maxsize=65536)
def quoted(unit: str) -> str:
    """A word or word pair in quotation marks, without the punctuation around it.

    >>> quoted("(regime,"), quoted("--")
    ('"regime"', '')
    """
    core = _EDGES.sub("", unit)
    return f'"{core}"' if core else ""


class Prepared:
    """Sentences lower-cased and split once, for every table that reads them.

    ``words`` are the whitespace-separated words (what ``char_wb`` pads), ``tokens`` the
    words of scikit-learn's default token pattern (what the ``word`` analyzer and the
    cue words read); each is computed on first need.
    """

    def __init__(self, texts: Sequence[str]):
        self.texts = list(texts)
        self.lower = [t.lower() for t in self.texts]
        self._words: Optional[list[list[str]]] = None
        self._tokens: Optional[list[list[str]]] = None
        # n-gram columns found for a table (see ``JointGrams``): table -> (columns, per text)
        self.columns: dict["TfidfTable", tuple[np.ndarray, list[int]]] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, rows: Sequence[int]) -> "Prepared":
        """The texts ``rows`` (positions), with what was already computed for them."""
        out = Prepared.__new__(Prepared)
        out.texts = [self.texts[r] for r in rows]
        out.lower = [self.lower[r] for r in rows]
        out._words = None if self._words is None else [self._words[r] for r in rows]
        out._tokens = None if self._tokens is None else [self._tokens[r] for r in rows]
        out.columns = {}
        return out

    @property
    def words(self) -> list[list[str]]:
        if self._words is None:
            self._words = [t.split() for t in self.lower]
        return self._words

    @property
    def tokens(self) -> list[list[str]]:
        if self._tokens is None:
            self._tokens = [WORD_PATTERN.findall(t) for t in self.lower]
        return self._tokens


Texts = Union[Sequence[str], Prepared]


def prepare(texts: Texts) -> Prepared:
    """``texts`` as ``Prepared`` (unchanged if they already are)."""
    return texts if isinstance(texts, Prepared) else Prepared(texts)


class TfidfTable:
    """One fitted TF-IDF block: analyzer settings, vocabulary and idf."""

    def __init__(self, analyzer: str, ngram_range: Sequence[int], vocabulary: Sequence[str], idf: np.ndarray, sublinear_tf: bool = True, norm: str | None = "l2"):
        if analyzer not in ANALYZERS:
            raise ValueError(f"analyzer {analyzer!r} is not one of {ANALYZERS}")
        if len(vocabulary) != len(idf):
            raise ValueError(f"{len(vocabulary)} vocabulary entries but {len(idf)} idf weights")
        if norm not in ("l2", None):
            raise ValueError(f"norm {norm!r} must be 'l2' or None")
        self.analyzer = analyzer
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        self.vocabulary = list(vocabulary)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.sublinear_tf = bool(sublinear_tf)
        self.norm = norm
        self._column = {term: i for i, term in enumerate(self.vocabulary)}
        # word n-grams keyed by their tuple of words, so no text is joined to look one up
        self._grams = {tuple(term.split(" ")): i for i, term in enumerate(self.vocabulary)} if analyzer == "word" else {}
        self._unigrams = {gram[0]: i for gram, i in self._grams.items() if len(gram) == 1}
        self._word_columns: dict[str, np.ndarray] = {}
        self._quoted: Optional[list[str]] = None

    @classmethod
    def from_sklearn(cls, vectorizer) -> "TfidfTable":
        """The table of a fitted ``TfidfVectorizer`` (word or char_wb analyzer)."""
        if not vectorizer.lowercase or vectorizer.preprocessor or vectorizer.tokenizer or vectorizer.stop_words or vectorizer.strip_accents:
            raise ValueError("only lowercase=True without preprocessor, tokenizer, stop words or accent stripping is supported")
        if vectorizer.analyzer == "word" and vectorizer.token_pattern != WORD_PATTERN.pattern:
            raise ValueError("only the default token_pattern is supported")
        vocabulary = [""] * len(vectorizer.vocabulary_)
        for term, column in vectorizer.vocabulary_.items():
            vocabulary[column] = term
        return cls(vectorizer.analyzer, vectorizer.ngram_range, vocabulary, vectorizer.idf_, vectorizer.sublinear_tf, vectorizer.norm)

    @property
    def quoted_terms(self) -> list[str]:
        """Each column's n-gram as an explanation names it (``"regime"``; "" for punctuation)."""
        if self._quoted is None:
            self._quoted = [quoted(term) for term in self.vocabulary]
        return self._quoted

    def settings(self) -> dict:
        """The settings that, with ``vocabulary`` and ``idf``, define the table (JSON-ready)."""
        return {"analyzer": self.analyzer, "ngram_range": list(self.ngram_range), "sublinear_tf": self.sublinear_tf, "norm": self.norm}

    # -- n-grams ---------------------------------------------------------------------
    def _char_columns(self, word: str) -> np.ndarray:
        """Columns of the padded character n-grams of one lower-cased word (scikit-learn's char_wb)."""
        cols = self._word_columns.get(word)
        if cols is None:
            padded = f" {word} "
            size = len(padded)
            grams: list[str] = []
            lo, hi = self.ngram_range
            for n in range(lo, hi + 1):
                if size <= n:  # a word shorter than n counts once, whole
                    grams.append(padded)
                    break
                grams += [padded[offset : offset + n] for offset in range(size - n + 1)]
            cols = np.array([c for c in map(self._column.get, grams) if c is not None], dtype=np.int64)
            if len(self._word_columns) >= CACHE_LIMIT:
                self._word_columns.clear()
            self._word_columns[word] = cols
        return cols

    def _columns_of_words(self, words: Sequence[str]) -> list[np.ndarray]:
        """The character n-gram columns of each word (char_wb), remembered per word."""
        cache, miss = self._word_columns, self._char_columns
        return [cache[w] if w in cache else miss(w) for w in words]

    def units_of(self, prepared: Prepared, k: int) -> tuple[list[str], np.ndarray, list[int]]:
        """The columns of the ``k``-th prepared text by the unit they came from (each
        whitespace-separated word for char_wb, each word n-gram found for word): the unit
        names, all their columns in one array, and how many columns belong to each unit."""
        if self.analyzer == "char_wb":
            words = prepared.words[k]
            parts = self._columns_of_words(words)
            columns = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
            return words, columns, [len(p) for p in parts]
        tokens = prepared.tokens[k]
        names, columns = [], []
        for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
            for gram in zip(*(tokens[i:] for i in range(n))):
                c = self._grams.get(gram)
                if c is not None:
                    names.append(" ".join(gram))
                    columns.append(c)
        return names, np.array(columns, dtype=np.int64), [1] * len(names)

    def _all_columns(self, prepared: Prepared) -> tuple[np.ndarray, list[int]]:
        """The columns of every n-gram occurrence in all texts, in text order, and how many
        belong to each text."""
        known = prepared.columns.get(self)
        if known is not None:
            return known
        if self.analyzer == "char_wb":
            parts = [self._columns_of_words(words) for words in prepared.words]
            lengths = [sum(map(len, p)) for p in parts]
            flat = [a for p in parts for a in p]
            return (np.concatenate(flat) if flat else np.zeros(0, dtype=np.int64)), lengths
        found: list[int] = []
        lengths = []
        for tokens in prepared.tokens:
            before = len(found)
            found += self._gram_columns(tokens)
            lengths.append(len(found) - before)
        return np.array(found, dtype=np.int64), lengths

    def _gram_columns(self, tokens: list[str]) -> list[int]:
        """The columns of the word n-grams of ``tokens`` found in the vocabulary, by n."""
        found: list[int] = []
        for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
            if n == 1:
                found += filter(_FOUND, map(self._unigrams.get, tokens))
            else:
                found += filter(_FOUND, map(self._grams.get, zip(*(tokens[k:] for k in range(n)))))
        return found

    # -- weights -------------------------------------------------------------------------
    def entries(self, texts: Texts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero TF-IDF values of ``texts`` as (rows, columns, values), rows in order
        and columns in order within a row."""
        prepared = prepare(texts)
        columns, lengths = self._all_columns(prepared)
        n_rows, width = len(prepared), len(self.vocabulary)
        if not len(columns):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0)
        # int32 keys sort about twice as fast; the article-sized batches always fit
        dtype = np.int32 if n_rows * width < 2**31 else np.int64
        rows = np.repeat(np.arange(n_rows, dtype=dtype), lengths)
        keys, counts = np.unique(rows * dtype(width) + columns.astype(dtype), return_counts=True)
        rows, cols = np.divmod(keys.astype(np.int64), width)
        tf = 1.0 + np.log(counts) if self.sublinear_tf else counts.astype(np.float64)
        values = tf * self.idf[cols]
        if self.norm == "l2":
            norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_rows))
            values /= norms[rows]
        return rows, cols, values

    def transform(self, texts: Texts) -> sp.csr_matrix:
        """The TF-IDF matrix of ``texts``, one row each (as ``TfidfVectorizer.transform``)."""
        texts = prepare(texts)
        rows, cols, values = self.entries(texts)
        return sp.csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.vocabulary)))


class JointGrams:
    """One look-up per word n-gram for several word tables with the same n-gram range.

    Scoring a sentence with two heads looks each of its n-grams up once here instead of
    once per head; ``fill`` leaves each table's columns in the ``Prepared`` texts, where
    ``TfidfTable.entries`` finds them.
    """

    def __init__(self, tables: Sequence[TfidfTable]):
        self.tables = list(tables)
        ranges = {t.ngram_range for t in self.tables}
        if len(ranges) != 1 or any(t.analyzer != "word" for t in self.tables):
            raise ValueError("joint look-ups need word tables with one n-gram range")
        self.ngram_range = ranges.pop()
        # each table's column + 1 (0: absent) packed as one integer, digit j for table j
        self.base = max(len(t.vocabulary) for t in self.tables) + 1
        if self.base ** len(self.tables) >= 2**62:
            raise ValueError("too many tables to pack their columns in one integer")
        codes: dict = {}
        for j, table in enumerate(self.tables):
            for gram, column in table._grams.items():
                key = gram[0] if len(gram) == 1 else gram
                codes[key] = codes.get(key, 0) + (column + 1) * self.base**j
        self._codes = codes
        # up to word pairs, look-ups go through word ids and numpy: one dict look-up per word
        self._by_id = self.ngram_range[1] <= 2
        if self._by_id:
            words = sorted({w for key in codes for w in ((key,) if isinstance(key, str) else key)})
            self._word_id = {w: i for i, w in enumerate(words)}
            self._unigram_codes = np.zeros(len(words) + 1, dtype=np.int64)  # last: a word id of -1
            pairs = []
            for key, code in codes.items():
                if isinstance(key, str):
                    self._unigram_codes[self._word_id[key]] = code
                else:
                    pairs.append((self._word_id[key[0]] * len(words) + self._word_id[key[1]], code))
            pairs.sort()
            self._pair_keys = np.array([k for k, _ in pairs], dtype=np.int64)
            self._pair_codes = np.array([c for _, c in pairs], dtype=np.int64)

    @classmethod
    def of(cls, tables: Sequence[Optional[TfidfTable]]) -> Optional["JointGrams"]:
        """Joint look-ups for the word tables among ``tables``, or None where they would not help."""
        tables = [t for t in tables if t is not None and t.analyzer == "word"]
        if len(tables) < 2 or len({t.ngram_range for t in tables}) != 1:
            return None
        try:
            return cls(tables)
        except ValueError:
            return None

    def fill(self, prepared: Prepared) -> None:
        """Find the n-grams of ``prepared`` once and file each table's columns there."""
        # all texts in one run of tokens, a separator no token equals between them, so
        # that the look-ups run in C and no n-gram spans two texts
        flat: list[str] = []
        for tokens in prepared.tokens:
            flat += tokens
            flat.append(_SEPARATOR)
        owner = np.repeat(np.arange(len(prepared), dtype=np.int64), [len(t) + 1 for t in prepared.tokens])
        lo, hi = self.ngram_range
        codes, rows = [], []
        if self._by_id:
            ids = np.array(list(map(self._word_id.get, flat, repeat(-1))), dtype=np.int64)
            if lo <= 1:
                found = self._unigram_codes[ids]  # id -1 reads the last entry, 0
                at = np.flatnonzero(found)
                codes.append(found[at])
                rows.append(owner[at])
            if hi >= 2 and len(ids) > 1 and len(self._pair_keys):
                first, second = ids[:-1], ids[1:]
                both = np.flatnonzero((first >= 0) & (second >= 0))
                keys = first[both] * (len(self._unigram_codes) - 1) + second[both]
                where = np.searchsorted(self._pair_keys, keys).clip(max=len(self._pair_keys) - 1)
                hit = self._pair_keys[where] == keys
                codes.append(self._pair_codes[where[hit]])
                rows.append(owner[both[hit]])
        else:
            get = self._codes.get
            for n in range(lo, hi + 1):
                grams = flat if n == 1 else zip(*(flat[k:] for k in range(n)))
                found = np.array(list(map(get, grams, repeat(0))), dtype=np.int64)  # 0: not in any table
                at = np.flatnonzero(found)
                codes.append(found[at])
                rows.append(owner[at])  # an n-gram belongs to the text it starts in
        if not codes:
            codes, rows = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        codes_all, rows_all = np.concatenate(codes), np.concatenate(rows)
        order = np.argsort(rows_all, kind="stable")  # by text, n-grams in order within each
        codes_all, rows_all = codes_all[order], rows_all[order]
        for j, table in enumerate(self.tables):
            columns = (codes_all // self.base**j) % self.base - 1
            keep = columns >= 0
            per_text = np.bincount(rows_all[keep], minlength=len(prepared)).tolist()
            prepared.columns[table] = (columns[keep], per_text)
