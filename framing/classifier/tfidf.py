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
from typing import Sequence

import numpy as np
import scipy.sparse as sp

WORD_PATTERN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
ANALYZERS = ("word", "char_wb")
CACHE_LIMIT = 200_000  # words remembered per table before the cache starts afresh


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
        self._word_columns: dict[str, np.ndarray] = {}

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

    def settings(self) -> dict:
        """The settings that, with ``vocabulary`` and ``idf``, define the table (JSON-ready)."""
        return {"analyzer": self.analyzer, "ngram_range": list(self.ngram_range), "sublinear_tf": self.sublinear_tf, "norm": self.norm}

    # -- n-grams ---------------------------------------------------------------------
    def _char_columns(self, word: str) -> np.ndarray:
        """Columns of the padded character n-grams of one lower-cased word (scikit-learn's char_wb)."""
        cols = self._word_columns.get(word)
        if cols is None:
            padded = f" {word} "
            found = []
            lo, hi = self.ngram_range
            for n in range(lo, hi + 1):
                last = max(len(padded) - n, 0)
                for offset in range(last + 1):
                    c = self._column.get(padded[offset : offset + n])
                    if c is not None:
                        found.append(c)
                if last == 0:  # a word shorter than n counts once
                    break
            cols = np.array(found, dtype=np.int64)
            if len(self._word_columns) >= CACHE_LIMIT:
                self._word_columns.clear()
            self._word_columns[word] = cols
        return cols

    def units(self, text: str) -> list[tuple[str, np.ndarray]]:
        """The columns of ``text`` by the unit they came from: each whitespace-separated word
        (char_wb), or each word n-gram found in the vocabulary (word)."""
        text = text.lower()
        if self.analyzer == "char_wb":
            return [(word, self._char_columns(word)) for word in text.split()]
        tokens = WORD_PATTERN.findall(text)
        out = []
        for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
            for gram in zip(*(tokens[k:] for k in range(n))):
                c = self._grams.get(gram)
                if c is not None:
                    out.append((" ".join(gram), np.array([c], dtype=np.int64)))
        return out

    def _columns(self, text: str) -> np.ndarray:
        """The column of every n-gram occurrence in ``text`` (repeats included)."""
        text = text.lower()
        if self.analyzer == "char_wb":
            parts = [self._char_columns(word) for word in text.split()]
            return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        tokens = WORD_PATTERN.findall(text)
        found: list[int] = []
        for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
            found += [c for c in map(self._grams.get, zip(*(tokens[k:] for k in range(n)))) if c is not None]
        return np.array(found, dtype=np.int64)

    # -- weights -------------------------------------------------------------------------
    def entries(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero TF-IDF values of ``texts`` as (rows, columns, values), rows in order."""
        columns = [self._columns(t) for t in texts]
        n_rows, width = len(columns), len(self.vocabulary)
        lengths = [len(c) for c in columns]
        if not sum(lengths):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0)
        rows = np.repeat(np.arange(n_rows, dtype=np.int64), lengths)
        keys, counts = np.unique(rows * width + np.concatenate(columns), return_counts=True)
        rows, cols = np.divmod(keys, width)
        tf = 1.0 + np.log(counts) if self.sublinear_tf else counts.astype(np.float64)
        values = tf * self.idf[cols]
        if self.norm == "l2":
            norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_rows))
            values /= norms[rows]
        return rows, cols, values

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """The TF-IDF matrix of ``texts``, one row each (as ``TfidfVectorizer.transform``)."""
        texts = list(texts)
        rows, cols, values = self.entries(texts)
        return sp.csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.vocabulary)))
