"""A fitted TF-IDF transform rebuilt from its vocabulary and idf weights.

``TfidfTable`` gives the same numbers as scikit-learn's ``TfidfVectorizer`` with
``lowercase=True``, the default token pattern, ``sublinear_tf`` and ``norm`` as fitted, for
the ``word`` and ``char_wb`` analyzers; tests compare the two. It needs no pickle: the
model stores the vocabulary (in column order) and the idf array.

It also remembers the columns of each whitespace-separated word, so a word that comes
again costs one dictionary look-up, and it can say which word each column came from
(used to explain a score word by word).

``JointGrams`` looks word n-grams up once for several word tables and weighs them for
all tables at once; ``WordCache`` remembers values computed once per word (a word's ids
in the word tables, its cue-word score), so that scoring an article costs one dictionary
look-up per word.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import repeat
from operator import is_not
from typing import Callable, Iterable, Optional, Sequence, Union

import numpy as np
import scipy.sparse as sp

WORD_PATTERN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
# the same tokens, faster: a run of two or more word characters, taken whole, is what lies
# between word boundaries
_TOKENS = re.compile(r"\w\w+")
ANALYZERS = ("word", "char_wb")
CACHE_LIMIT = 200_000  # words remembered per table before the cache starts afresh
_FOUND = partial(is_not, None)


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # what is not a letter or digit, at either end


@lru_cache(maxsize=256)
def _char_slices(size: int, lo: int, hi: int) -> tuple[slice, ...]:
    """Where the character n-grams (``lo`` to ``hi`` characters) of a padded word of ``size``
    characters sit, in scikit-learn's char_wb order: a word shorter than n counts once, whole."""
    out: list[slice] = []
    for n in range(lo, hi + 1):
        if size <= n:
            out.append(slice(0, size))
            break
        out += [slice(offset, offset + n) for offset in range(size - n + 1)]
    return tuple(out)


@lru_cache(maxsize=65536)
def quoted(unit: str) -> str:
    """A word or word pair in quotation marks, without the punctuation around it.

    >>> quoted("(regime,"), quoted("--")
    ('"regime"', '')
    """
    core = _EDGES.sub("", unit)
    return f'"{core}"' if core else ""


#: Between texts in ``Prepared.flat``: never a token (not a word character).
SEPARATOR = "\x00"


class Prepared:
    """Sentences lower-cased and split once, for every table that reads them.

    ``words`` are the whitespace-separated words (what ``char_wb`` pads), ``tokens`` the
    words of scikit-learn's default token pattern (what the ``word`` analyzer and the
    cue words read), and ``flat`` all texts' tokens in one list; each is computed on first need.
    """

    def __init__(self, texts: Sequence[str]):
        self.texts = list(texts)
        self.lower = [t.lower() for t in self.texts]
        self._words: Optional[list[list[str]]] = None
        self._tokens: Optional[list[list[str]]] = None
        self._flat: Optional[list[str]] = None
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
        out._flat = None
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
            self._tokens = list(map(_TOKENS.findall, self.lower))
        return self._tokens

    @property
    def flat(self) -> list[str]:
        """The tokens of all texts in a row, each text's followed by ``SEPARATOR`` (so that
        no n-gram spans two texts)."""
        if self._flat is None:
            flat: list[str] = []
            for tokens in self.tokens:
                flat += tokens
                flat.append(SEPARATOR)
            self._flat = flat
        return self._flat


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
        self._distinct: Optional[bool] = None

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

    @property
    def distinct_terms(self) -> bool:
        """Whether every column's ``quoted_terms`` name is its own (and not empty)."""
        if self._distinct is None:
            terms = self.quoted_terms
            self._distinct = all(terms) and len(set(terms)) == len(terms)
        return self._distinct

    def settings(self) -> dict:
        """The settings that, with ``vocabulary`` and ``idf``, define the table (JSON-ready)."""
        return {"analyzer": self.analyzer, "ngram_range": list(self.ngram_range), "sublinear_tf": self.sublinear_tf, "norm": self.norm}

    # -- n-grams ---------------------------------------------------------------------
    def _char_columns(self, word: str) -> np.ndarray:
        """Columns of the padded character n-grams of one lower-cased word (scikit-learn's char_wb)."""
        cols = self._word_columns.get(word)
        if cols is None:
            padded = f" {word} "
            grams = map(padded.__getitem__, _char_slices(len(padded), *self.ngram_range))
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
        n_rows = len(prepared)
        # int32 keys sort about twice as fast; the article-sized batches always fit
        dtype = np.int32 if n_rows * len(self.vocabulary) < 2**31 else np.int64
        return self._weights(np.repeat(np.arange(n_rows, dtype=dtype), lengths), columns, n_rows)

    def entries_of_words(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``entries`` of texts of one word each (such as ``words_of`` gives), for words met
        once: their character n-gram columns are not remembered (char_wb)."""
        if self.analyzer != "char_wb":
            return self.entries(words)
        lo, hi = self.ngram_range
        grams: list[str] = []
        counts: list[int] = []
        for text in words:
            before = len(grams)
            for word in text.lower().split():
                padded = f" {word} "
                grams += map(padded.__getitem__, _char_slices(len(padded), lo, hi))
            counts.append(len(grams) - before)
        columns = np.fromiter(map(self._column.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
        rows = np.arange(len(words), dtype=np.int64).repeat(counts)
        keep = columns >= 0
        return self._weights(rows[keep], columns[keep], len(words))

    def _weights(self, rows: np.ndarray, columns: np.ndarray, n_rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``entries`` from the row and column of every n-gram occurrence (in any order)."""
        if not len(columns):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0)
        width = len(self.vocabulary)
        dtype = np.int32 if n_rows * width < 2**31 else np.int64
        keys, counts = _counted(rows.astype(dtype, copy=False) * dtype(width) + columns.astype(dtype))
        rows, cols = np.divmod(keys.astype(np.int64), width)
        return rows, cols, self._values(rows, cols, counts, n_rows)

    def _values(self, rows: np.ndarray, cols: np.ndarray, counts: np.ndarray, n_rows: int, idf: Optional[np.ndarray] = None) -> np.ndarray:
        """The TF-IDF values of entries sorted by (row, column) from their counts (``idf``:
        read at ``cols`` instead of this table's own)."""
        tf = _sublinear(counts) if self.sublinear_tf else counts.astype(np.float64)
        values = tf * (self.idf if idf is None else idf)[cols]
        if self.norm == "l2":
            norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_rows))
            values /= norms[rows]
        return values

    def transform(self, texts: Texts) -> sp.csr_matrix:
        """The TF-IDF matrix of ``texts``, one row each (as ``TfidfVectorizer.transform``)."""
        texts = prepare(texts)
        rows, cols, values = self.entries(texts)
        return sp.csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.vocabulary)))


class JointGrams:
    """One look-up per word n-gram for several word tables with the same n-gram range.

    Scoring a sentence with two heads looks each of its n-grams up once here instead of
    once per head. ``entries`` gives each table's ``TfidfTable.entries`` (``fill`` leaves
    each table's columns in the ``Prepared`` texts, where ``TfidfTable.entries`` finds
    them); up to word pairs, ``weigh`` gives the entries of all tables in one set of arrays,
    from the word ids of the tokens (``word_rows``, one dictionary look-up per word).
    """

    def __init__(self, tables: Sequence[TfidfTable]):
        self.tables = list(tables)
        ranges = {t.ngram_range for t in self.tables}
        if len(ranges) != 1 or any(t.analyzer != "word" for t in self.tables):
            raise ValueError("joint look-ups need word tables with one n-gram range")
        self.ngram_range = ranges.pop()
        self.column = f"joint:{id(self)}"  # the name of the words' rows in a WordCache (see word_rows)
        # each table's column + 1 (0: absent) packed as one integer, digit j for table j
        self.base = max(len(t.vocabulary) for t in self.tables) + 1
        if self.base ** len(self.tables) >= 2**62:
            raise ValueError("too many tables to pack their columns in one integer")
        codes: dict = {}
        for j, table in enumerate(self.tables):
            for gram, column in table._grams.items():
                key = gram[0] if len(gram) == 1 else gram
                codes[key] = codes.get(key, 0) + (column + 1) * self.base**j
        if SEPARATOR in codes or any(SEPARATOR in key for key in codes if not isinstance(key, str)):
            raise ValueError(f"a table has the separator {SEPARATOR!r} as a word")
        self._codes = codes
        # all tables side by side ("joint columns"): table j's column c at j * base + c
        self.idf = np.zeros(len(self.tables) * self.base)
        for j, table in enumerate(self.tables):
            self.idf[j * self.base : j * self.base + len(table.idf)] = table.idf
        # up to word pairs, look-ups go through word ids and numpy: one dict look-up per word
        self.by_id = self.ngram_range[1] <= 2
        if self.by_id:
            words = sorted({w for key in codes for w in ((key,) if isinstance(key, str) else key)})
            self._word_id = {w: i for i, w in enumerate(words)}
            self._unknown = len(words)  # the word id of words in no n-gram
            self._unigram_codes = np.zeros(len(words) + 1, dtype=np.int64)  # the unknown word's: 0
            pairs = []
            for key, code in codes.items():
                if isinstance(key, str):
                    self._unigram_codes[self._word_id[key]] = code
                else:
                    pairs.append((self._pair_key(self._word_id[key[0]], self._word_id[key[1]]), code))
            pairs.sort()
            # a last key above all others, so that every search lands on a key
            self._pair_keys = np.array([k for k, _ in pairs] + [np.iinfo(np.int64).max], dtype=np.int64)
            self._pair_codes = np.array([c for _, c in pairs] + [0], dtype=np.int64)
            self._unigram_joint = self._joint_columns(self._unigram_codes)
            self._pair_joint = self._joint_columns(self._pair_codes)

    def _pair_key(self, first: Union[int, np.ndarray], second: Union[int, np.ndarray]) -> Union[int, np.ndarray]:
        """The key of a word pair from its word ids (a pair with an unknown word has a key
        no known pair has)."""
        return first * (self._unknown + 1) + second

    def _joint_columns(self, codes: np.ndarray) -> np.ndarray:
        """Per table (row) and packed code (column), the code's joint column in the table
        (``_ABSENT``: not in it)."""
        out = np.full((len(self.tables), len(codes)), _ABSENT, dtype=np.int64)
        for j in range(len(self.tables)):
            column = (codes // self.base**j) % self.base - 1
            out[j] = np.where(column >= 0, j * self.base + column, _ABSENT)
        return out

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

    def word_ids(self, words: Sequence[str]) -> np.ndarray:
        """The word id of each of ``words`` (in no n-gram of any table: one id for all such
        words; look-ups up to word pairs only)."""
        return np.fromiter(map(self._word_id.get, words, repeat(self._unknown)), dtype=np.int64, count=len(words))

    def word_rows(self, words: Sequence[str]) -> dict[str, np.ndarray]:
        """The ``WordCache`` column ``column`` of ``words``: a row per word, its ``word_ids``
        and then its joint column as a unigram in each table (``_ABSENT``: not in the table)."""
        ids = self.word_ids(words)
        return {self.column: np.column_stack([ids, *(columns[ids] for columns in self._unigram_joint)])}

    def _lookup(self, prepared: Prepared) -> tuple[np.ndarray, np.ndarray]:
        """The packed code of every n-gram of ``prepared`` found in some table, and the text
        it starts in (unsorted)."""
        flat = prepared.flat
        owner = np.repeat(np.arange(len(prepared), dtype=np.int64), [len(t) + 1 for t in prepared.tokens])
        codes, rows = [], []
        if self.by_id:
            ids = self.word_ids(flat)
            for found, at in self._found(ids):
                codes.append(found)
                rows.append(owner[at])
        else:
            get = self._codes.get
            for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
                grams = flat if n == 1 else zip(*(flat[k:] for k in range(n)))
                found = np.array(list(map(get, grams, repeat(0))), dtype=np.int64)  # 0: not in any table
                at = np.flatnonzero(found)
                codes.append(found[at])
                rows.append(owner[at])  # an n-gram belongs to the text it starts in
        if not codes:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(codes), np.concatenate(rows)

    def _found(self, ids: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """The n-grams found in some table, from the word ids of ``flat`` tokens, unigrams
        then word pairs: (their packed codes, where each starts among the tokens)."""
        lo, hi = self.ngram_range
        out = []
        if lo <= 1:
            codes = self._unigram_codes[ids]
            at = np.flatnonzero(codes)
            out.append((codes[at], at))
        if hi >= 2 and len(ids) > 1:
            keys = self._pair_key(ids[:-1], ids[1:])
            where = np.searchsorted(self._pair_keys, keys)
            hit = np.flatnonzero(self._pair_keys[where] == keys)
            out.append((self._pair_codes[where[hit]], hit))
        return out

    def fill(self, prepared: Prepared) -> None:
        """Find the n-grams of ``prepared`` once and file each table's columns there."""
        codes_all, rows_all = self._lookup(prepared)
        order = np.argsort(rows_all, kind="stable")  # by text, n-grams in order within each
        codes_all, rows_all = codes_all[order], rows_all[order]
        for j, table in enumerate(self.tables):
            columns = (codes_all // self.base**j) % self.base - 1
            keep = columns >= 0
            per_text = np.bincount(rows_all[keep], minlength=len(prepared)).tolist()
            prepared.columns[table] = (columns[keep], per_text)

    def entries(self, prepared: Prepared) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Each table's ``entries`` of ``prepared``."""
        if not self.weighs_alike() or not self.by_id:
            self.fill(prepared)
            return [table.entries(prepared) for table in self.tables]
        segments, columns, values = self.weigh(self.word_rows(prepared.flat)[self.column], [len(t) for t in prepared.tokens])
        out = []
        for j in range(len(self.tables)):
            mine = np.flatnonzero(segments % len(self.tables) == j)
            out.append((segments[mine] // len(self.tables), columns[mine] - j * self.base, values[mine]))
        return out

    def weighs_alike(self) -> bool:
        """Whether all tables weigh alike (``sublinear_tf`` and ``norm``), as ``weigh`` needs."""
        first = self.tables[0]
        return all((t.sublinear_tf, t.norm) == (first.sublinear_tf, first.norm) for t in self.tables)

    def weigh(self, words: np.ndarray, lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The entries of all tables at once, from the ``word_rows`` of ``Prepared.flat`` (each
        text's tokens and a separator; ``lengths``: the tokens per text).

        Gives (segments, joint columns, values), sorted by text, table and column, where the
        segment of text k in table j is ``k * len(tables) + j``: table j's ``entries`` are
        those of its segments, with the same values.
        """
        ids = words[:, 0]
        n_texts, n_tables = len(lengths), len(self.tables)
        width = n_tables * self.base
        # a key per n-gram and table it is in: its text's first key (text k's keys start at
        # k * width), plus its joint column (_ABSENT: not in the table)
        starts = np.arange(0, n_texts * width, width, dtype=np.int64).repeat([n + 1 for n in lengths])
        lo, hi = self.ngram_range
        parts = []
        if lo <= 1:
            parts.append((starts[:, None] + words[:, 1:]).ravel())
        if hi >= 2 and len(ids) > 1:
            keys = self._pair_key(ids[:-1], ids[1:])
            where = self._pair_keys.searchsorted(keys)
            where[self._pair_keys[where] != keys] = len(self._pair_keys) - 1  # no pair: the last key's, in no table
            parts += [starts[:-1] + columns[where] for columns in self._pair_joint]  # a pair is in its first word's text
        keys = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        keys, counts = _counted(keys[keys < _ABSENT])
        segments = keys // self.base
        columns = keys % width
        return segments, columns, self.tables[0]._values(segments, columns, counts, n_texts * n_tables, self.idf)


_ABSENT = 2**62  # a joint column above all keys of real ones (see JointGrams.weigh)
_SUBLINEAR = np.zeros(1)  # 1 + log(count) by count (from 1), as far as counted so far


def _sublinear(counts: np.ndarray) -> np.ndarray:
    """``1.0 + np.log(counts)``, read from a table of the values so far (the same numbers)."""
    global _SUBLINEAR
    if not len(counts):
        return np.zeros(0)
    top = int(counts.max())
    if top >= len(_SUBLINEAR):
        table = np.zeros(max(top + 1, 2 * len(_SUBLINEAR)))
        table[1:] = 1.0 + np.log(np.arange(1, len(table), dtype=np.int64))
        _SUBLINEAR = table
    return _SUBLINEAR[counts]


def _counted(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_counts=True)`` in fewer and cheaper numpy calls (sorts
    ``keys``, a scratch array, in place)."""
    n = len(keys)
    if not n:
        return keys, np.zeros(0, dtype=np.int64)
    keys.sort()
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    starts = new.nonzero()[0]
    counts = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=counts[:-1])
    counts[-1] = n - starts[-1]
    return keys[starts], counts


class WordCache:
    """Words met so far, each at a slot, with values computed once per word.

    ``providers`` compute, for a list of new words, named arrays with one value (or one row
    of values) per word: the ``columns``, read at the words' ``slots``. One dictionary look-up
    per word thus reads all the values, and values kept in rows side by side are read
    together. Past ``limit`` words the cache starts afresh (and ``generation`` counts up:
    slots from an earlier generation are void).
    """

    def __init__(self, *providers: Callable[[list[str]], dict[str, np.ndarray]]):
        self.providers = list(providers)
        self.generation = 0
        self.forget()

    def add(self, provider: Callable[[list[str]], dict[str, np.ndarray]]) -> None:
        """Compute the columns of ``provider`` too (the cache starts afresh; a provider
        already there is not added again)."""
        if provider not in self.providers:
            self.providers.append(provider)
            self.forget()

    def forget(self) -> None:
        """Start afresh."""
        self._slot: dict[str, int] = {}
        self.columns: dict[str, np.ndarray] = {}  # name -> values (rows), valid up to len(self)
        self.generation += 1

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, word: str) -> bool:
        return word in self._slot

    def slots(self, words: Sequence[str], limit: int = CACHE_LIMIT) -> np.ndarray:
        """The slot of each of ``words``, learning the words not met yet."""
        found = list(map(self._slot.get, words, repeat(-1)))
        if -1 in found:
            self.learn(words, limit)
            found = list(map(self._slot.__getitem__, words))
        return np.array(found, dtype=np.int64)

    def learn(self, words: Iterable[str], limit: int = CACHE_LIMIT) -> None:
        """Compute and remember the values of the words not met yet, in one batch (all of
        ``words`` stay known, even past ``limit``)."""
        words = dict.fromkeys(words)
        new = [w for w in words if w not in self._slot]
        if not new:
            return
        if len(self._slot) + len(new) > limit:
            self.forget()
            new = list(words)
        at, end = len(self._slot), len(self._slot) + len(new)
        for provider in self.providers:
            for name, values in provider(new).items():
                column = self.columns.get(name)
                if column is None or len(column) < end:
                    grown = np.zeros((max(1024, 2 * end), *values.shape[1:]), dtype=values.dtype)
                    if column is not None:
                        grown[:at] = column[:at]
                    column = self.columns[name] = grown
                column[at:end] = values
        self._slot.update(zip(new, range(at, end)))
