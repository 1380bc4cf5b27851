"""One classifier head rebuilt from plain arrays: features, a linear model, calibration.

A head's features come in blocks, in this order: word n-gram TF-IDF, character n-gram
TF-IDF, lexicon features (standardised) and, where the training data marked cue words,
cue-word features (standardised). Each block is scaled by its weight. The decision is
``coef @ x + intercept`` per class; probabilities come from per-class sigmoid
calibration (Platt scaling), as scikit-learn's ``CalibratedClassifierCV`` computes them.

Being linear, a score splits exactly into contributions, one per feature; ``explain``
gathers them by word (a word's unigram, the character n-grams inside it and its
cue-word score) and by lexicon feature.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Optional

import numpy as np
import scipy.sparse as sp

from .cuewords import CUE_FEATURES, CueWordTable
from .tfidf import Prepared, TfidfTable, Texts, prepare, quoted as _quoted

BLOCKS = ("word", "char", "lexicon", "cues")


@dataclass
class Standardised:
    """A dense block: feature names, the training mean and scale, and the block weight."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weight: float = 1.0

    def z(self, raw: np.ndarray) -> np.ndarray:
        """The standardised, weighted values the model reads."""
        return (np.asarray(raw, dtype=np.float64) - self.mean) / self.scale * self.weight

    def from_zero(self, raw: np.ndarray) -> np.ndarray:
        """``z`` measured from a value of 0 instead of the training mean: a feature the
        sentence does not have gives 0 (the rest of ``z`` is a constant, part of the intercept)."""
        return np.asarray(raw, dtype=np.float64) / self.scale * self.weight


@dataclass
class LinearHead:
    """A trained head: blocks, coefficients (classes x features) and calibration."""

    name: str
    classes: tuple[str, ...]
    positive: tuple[str, ...]
    coef: np.ndarray  # (1, n) for two classes, else (n_classes, n)
    intercept: np.ndarray
    calibration_a: np.ndarray  # one sigmoid per column of coef
    calibration_b: np.ndarray
    word: Optional[TfidfTable] = None
    char: Optional[TfidfTable] = None
    word_weight: float = 1.0
    char_weight: float = 1.0
    lexicon: Optional[Standardised] = None
    cues: Optional[Standardised] = None
    cue_words: Optional[CueWordTable] = None
    threshold: float = 0.5
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        self.coef = np.atleast_2d(np.asarray(self.coef, dtype=np.float64))
        self.intercept = np.atleast_1d(np.asarray(self.intercept, dtype=np.float64))
        sizes = self.block_sizes()
        if self.coef.shape[1] != sum(sizes.values()):
            raise ValueError(f"coefficients have {self.coef.shape[1]} columns, the feature blocks {sum(sizes.values())}")
        n_rows = 1 if len(self.classes) == 2 else len(self.classes)
        if self.coef.shape[0] != n_rows or len(self.intercept) != n_rows or len(self.calibration_a) != n_rows or len(self.calibration_b) != n_rows:
            raise ValueError(f"{len(self.classes)} classes need {n_rows} coefficient row(s), intercept(s) and calibrator(s)")
        if not self.positive or not set(self.positive) <= set(self.classes) or set(self.positive) == set(self.classes):
            raise ValueError(f"positive labels {list(self.positive)} must be some, not all, of the classes {list(self.classes)}")
        if (self.cues is None) != (self.cue_words is None):
            raise ValueError("cue-word features need both their word model and their scaling")
        self._offsets = {}
        at = 0
        for block, size in sizes.items():
            self._offsets[block] = at
            at += size
        self._positive_index = [self.classes.index(c) for c in self.positive]

    def block_sizes(self) -> dict[str, int]:
        """Columns per block present, in feature order."""
        sizes = {
            "word": len(self.word.vocabulary) if self.word else 0,
            "char": len(self.char.vocabulary) if self.char else 0,
            "lexicon": len(self.lexicon.names) if self.lexicon else 0,
            "cues": len(self.cues.names) if self.cues else 0,
        }
        return {b: n for b, n in sizes.items() if n}

    # -- scoring ---------------------------------------------------------------------------
    def _dense_blocks(self, texts: Prepared, lexicon_rows: Optional[np.ndarray]) -> list[tuple[str, np.ndarray]]:
        """The standardised, weighted dense blocks of ``texts``."""
        out = []
        if self.lexicon is not None:
            if lexicon_rows is None:
                raise ValueError(f"head {self.name!r} needs the sentences' lexicon features")
            out.append(("lexicon", self.lexicon.z(np.asarray(lexicon_rows).reshape(len(texts), -1))))
        if self.cues is not None:
            out.append(("cues", self.cues.z(self.cue_words.rows_of(texts.tokens))))
        return out

    def _sparse_blocks(self, texts: Prepared):
        """(block, rows, columns, weighted values) of the TF-IDF blocks of ``texts``."""
        for block, table, weight in (("word", self.word, self.word_weight), ("char", self.char, self.char_weight)):
            if table is not None:
                rows, cols, values = table.entries(texts)
                yield block, rows, cols, values * weight

    def features(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None) -> sp.csr_matrix:
        """The weighted feature matrix of ``texts`` (one row each), as the model saw it in training."""
        texts = prepare(texts)
        width = self.coef.shape[1]
        parts = [(rows, cols + self._offsets[block], values) for block, rows, cols, values in self._sparse_blocks(texts)]
        for block, z in self._dense_blocks(texts, lexicon_rows):
            rows, cols = np.indices(z.shape)
            parts.append((rows.ravel(), cols.ravel() + self._offsets[block], z.ravel()))
        rows, cols, values = (np.concatenate(p) for p in zip(*parts)) if parts else (np.zeros(0, int),) * 2 + (np.zeros(0),)
        return sp.csr_matrix((values, (rows, cols)), shape=(len(texts), width))

    def sparse_blocks(self, texts: Texts) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
        """The TF-IDF entries of ``texts`` per block: computed once, for ``decisions`` and ``explain``."""
        return list(self._sparse_blocks(prepare(texts)))

    def decisions(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, blocks: Optional[list] = None) -> np.ndarray:
        """Linear decision values, one row per text and one column per coefficient row.

        ``blocks``: the texts' ``sparse_blocks``, when already computed.
        """
        texts = prepare(texts)
        out = np.tile(self.intercept, (len(texts), 1))
        for block, rows, cols, values in (blocks if blocks is not None else self._sparse_blocks(texts)):
            weighted = self.coef[:, cols + self._offsets[block]] * values
            for k in range(len(self.coef)):
                out[:, k] += np.bincount(rows, weights=weighted[k], minlength=len(texts))
        for block, z in self._dense_blocks(texts, lexicon_rows):
            offset = self._offsets[block]
            out += z @ self.coef[:, offset : offset + z.shape[1]].T
        return out

    def calibrate(self, decisions: np.ndarray) -> np.ndarray:
        """Class probabilities from decision values: a sigmoid per column, then normalised."""
        p = 1.0 / (1.0 + np.exp(self.calibration_a * decisions + self.calibration_b))
        if len(self.classes) == 2:
            return np.column_stack([1.0 - p[:, 0], p[:, 0]])
        total = p.sum(axis=1, keepdims=True)
        uniform = np.full_like(p, 1.0 / len(self.classes))
        return np.divide(p, total, out=uniform, where=total > 0)

    def predict_proba(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, blocks: Optional[list] = None) -> np.ndarray:
        """Calibrated class probabilities, one row per text, columns in ``classes`` order."""
        if not len(texts):
            return np.zeros((0, len(self.classes)))
        return self.calibrate(self.decisions(texts, lexicon_rows, blocks))

    def scores(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, blocks: Optional[list] = None) -> np.ndarray:
        """The probability of the positive label(s), one per text."""
        return self.predict_proba(texts, lexicon_rows, blocks)[:, self._positive_index].sum(axis=1)

    # -- explaining ----------------------------------------------------------------------
    def _directions(self, texts: Prepared, rows: Optional[np.ndarray]) -> list[np.ndarray]:
        """Per text, the coefficient row whose contributions explain the positive score: with
        more than two classes, the likeliest positive class against the likeliest other one."""
        if len(self.classes) == 2:
            return [self.coef[0] if self._positive_index == [1] else -self.coef[0]] * len(texts)
        out = []
        for proba in self.predict_proba(texts, rows):
            pos = max(self._positive_index, key=lambda i: proba[i])
            neg = max((i for i in range(len(self.classes)) if i not in self._positive_index), key=lambda i: proba[i])
            out.append(self.coef[pos] - self.coef[neg])
        return out

    def explain(self, text: str, lexicon_row: Optional[np.ndarray] = None, top: int = 8, blocks: Optional[list] = None) -> list[tuple[str, float]]:
        """The ``top`` largest contributions (in log-odds) toward the positive label.

        Words and word pairs are quoted (``"regime"``); a word's character n-grams and
        cue-word score count toward the word. Lexicon features read ``lexicon:<name>`` and
        are measured from 0, so only what the sentence has (a finding, a "?") can explain it;
        the absence of a feature never shows up as a reason.
        """
        rows = None if lexicon_row is None else np.asarray(lexicon_row).reshape(1, -1)
        return self.explain_many([text], rows, top, blocks)[0]

    def explain_many(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, top: int = 8, blocks: Optional[list] = None) -> list[list[tuple[str, float]]]:
        """``explain`` for several texts at once (``blocks``: their ``sparse_blocks``)."""
        texts = prepare(texts)
        n = len(texts)
        rows = None if lexicon_rows is None else np.asarray(lexicon_rows).reshape(n, -1)
        directions = self._directions(texts, rows)
        same = all(d is directions[0] for d in directions)  # one direction for all texts
        by_unit: list[dict[str, float]] = [{} for _ in range(n)]
        for block, entry_rows, cols, values in (blocks if blocks is not None else self._sparse_blocks(texts)):
            if not len(cols):
                continue
            table = self.word if block == "word" else self.char
            offset, width = self._offsets[block], len(table.vocabulary)
            if same:
                contribution = values * directions[0][cols + offset]
            else:
                contribution = values * np.array([directions[r][c + offset] for r, c in zip(entry_rows.tolist(), cols.tolist())])
            if table.analyzer == "word":
                # each column is one word n-gram, whose occurrences all carry its name
                quoted = table.quoted_terms
                for k, col, value in zip(entry_rows.tolist(), cols.tolist(), contribution.tolist()):
                    key = quoted[col]
                    if key:
                        found = by_unit[k]
                        found[key] = found.get(key, 0.0) + value
                continue
            names: list[str] = []
            owners: list[int] = []
            lengths: list[int] = []
            unit_columns: list[np.ndarray] = []
            for k in range(n):
                unit_names, columns, sizes = table.units_of(texts, k)
                names += unit_names
                owners += [k] * len(unit_names)
                lengths += sizes
                unit_columns.append(columns)
            if not names:
                continue
            occurrence_rows = np.repeat(np.asarray(owners, dtype=np.int64), lengths)
            # a column's contribution, shared equally by its occurrences in the text; the
            # entries are sorted by (row, column), so positions come from searchsorted
            keys = entry_rows * width + cols
            wanted = occurrence_rows * width + np.concatenate(unit_columns)
            where = np.searchsorted(keys, wanted).clip(max=len(keys) - 1)
            present = keys[where] == wanted
            share = contribution / np.bincount(where[present], minlength=len(keys)).clip(min=1)
            per_unit = np.bincount(np.repeat(np.arange(len(names)), lengths), weights=np.where(present, share[where], 0.0), minlength=len(names))
            for k, unit, value in zip(owners, names, per_unit.tolist()):
                key = _quoted(unit)
                if key:
                    found = by_unit[k]
                    found[key] = found.get(key, 0.0) + value
        def along(block: str, width: int) -> np.ndarray:
            """The directions' slice for ``block``: one row for all texts, or one per text."""
            offset = self._offsets[block]
            return directions[0][offset : offset + width] if same else np.array([d[offset : offset + width] for d in directions])

        if self.lexicon is not None and n:
            if rows is None:
                raise ValueError(f"head {self.name!r} needs the sentences' lexicon features")
            contributions = self.lexicon.from_zero(rows) * along("lexicon", len(self.lexicon.names))
            ks, features = np.nonzero(contributions)  # features the sentence has
            names = self.lexicon.names
            for k, i, value in zip(ks.tolist(), features.tolist(), contributions[ks, features].tolist()):
                name = f"lexicon:{names[i]}"
                found = by_unit[k]
                found[name] = found.get(name, 0.0) + value
        if self.cues is not None and n:
            order = [self.cues.names.index(name) for name in CUE_FEATURES]
            cue_values = (self.cues.z(self.cue_words.rows_of(texts.tokens)) * along("cues", len(self.cues.names)))[:, order].tolist()
            for k in range(n):
                found = by_unit[k]
                for word, value in self.cue_words.credit(texts.tokens[k], cue_values[k]).items():
                    key = _quoted(word)
                    if key:
                        found[key] = found.get(key, 0.0) + value
        out = []
        for found in by_unit:
            # largest first, ties by name: sort by name, then stably by value
            ranked = sorted(sorted(found.items()), key=itemgetter(1), reverse=True)
            out.append([(unit, round(value, 4)) for unit, value in ranked[:top]])
        return out
