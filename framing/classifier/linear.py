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

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from operator import itemgetter
from typing import Optional, Sequence

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

    @cached_property
    def explained_names(self) -> list[str]:
        """The features as explanations name them: ``lexicon:<name>``."""
        return [f"lexicon:{name}" for name in self.names]

    @cached_property
    def distinct(self) -> bool:
        """Whether no feature name comes twice."""
        return len(set(self.names)) == len(self.names)

    @cached_property
    def as_floats(self) -> Optional[tuple[list[float], list[float], float]]:
        """The mean, the scale and the weight as Python floats, for ``z`` and ``from_zero`` of
        a few values in Python, operation for operation the same numbers (None where a scale
        of 0 would make Python's division raise instead of giving infinity)."""
        scale = np.asarray(self.scale, dtype=np.float64)
        if not scale.all():
            return None
        return np.asarray(self.mean, dtype=np.float64).tolist(), scale.tolist(), float(self.weight)

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
        self._direction: tuple[Optional[np.ndarray], Optional[np.ndarray]] = (None, None)  # (coef, its two-class direction)
        self._direction_slices: dict[str, tuple[np.ndarray, list[float]]] = {}  # see _direction_floats
        # where each of CUE_FEATURES sits among the cue-word block
        names = self.cues.names if self.cues is not None else ()
        self._cue_order = [names.index(name) for name in CUE_FEATURES] if set(CUE_FEATURES) <= set(names) else None

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
    def _dense_blocks(self, texts: Prepared, lexicon_rows: Optional[np.ndarray], cue_rows: Optional[np.ndarray] = None) -> list[tuple[str, np.ndarray]]:
        """The standardised, weighted dense blocks of ``texts`` (``cue_rows``: their
        ``cue_rows``, when already computed)."""
        out = []
        if self.lexicon is not None:
            if lexicon_rows is None:
                raise ValueError(f"head {self.name!r} needs the sentences' lexicon features")
            out.append(("lexicon", self.lexicon.z(np.asarray(lexicon_rows).reshape(len(texts), -1))))
        if self.cues is not None:
            out.append(("cues", self.cues.z(self.cue_rows(texts) if cue_rows is None else cue_rows)))
        return out

    def cue_rows(self, texts: Texts) -> Optional[np.ndarray]:
        """The raw cue-word features of ``texts`` (None without a cue-word model): computed
        once, for ``decisions`` and ``explain``."""
        return None if self.cue_words is None else self.cue_words.rows_of(prepare(texts).tokens)

    def _sparse_blocks(self, texts: Prepared, known: Optional[dict] = None):
        """(block, rows, columns, weighted values) of the TF-IDF blocks of ``texts``
        (``known``: the ``entries`` of some tables, by table)."""
        for block, table, weight in (("word", self.word, self.word_weight), ("char", self.char, self.char_weight)):
            if table is not None:
                rows, cols, values = known[table] if known is not None and table in known else table.entries(texts)
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

    def sparse_blocks(self, texts: Texts, known: Optional[dict] = None) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
        """The TF-IDF entries of ``texts`` per block: computed once, for ``decisions`` and ``explain``
        (``known``: the ``entries`` of some tables already computed, by table)."""
        return list(self._sparse_blocks(prepare(texts), known))

    def decisions(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, blocks: Optional[list] = None, cue_rows: Optional[np.ndarray] = None) -> np.ndarray:
        """Linear decision values, one row per text and one column per coefficient row.

        ``blocks``: the texts' ``sparse_blocks``, and ``cue_rows`` their ``cue_rows``, when
        already computed.
        """
        texts = prepare(texts)
        out = np.empty((len(texts), len(self.intercept)))
        out[:] = self.intercept
        for block, rows, cols, values in (blocks if blocks is not None else self._sparse_blocks(texts)):
            weighted = self.coef[:, cols + self._offsets[block]] * values
            for k in range(len(self.coef)):
                out[:, k] += np.bincount(rows, weights=weighted[k], minlength=len(texts))
        self.add_dense(out, texts, lexicon_rows, cue_rows)
        return out

    def add_dense(self, out: np.ndarray, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, cue_rows: Optional[np.ndarray] = None) -> None:
        """Add the dense blocks' part of the decision values to ``out`` (one row per text)."""
        for block, z in self._dense_blocks(prepare(texts), lexicon_rows, cue_rows):
            offset = self._offsets[block]
            out += z @ self.coef[:, offset : offset + z.shape[1]].T

    def block_offset(self, block: str) -> int:
        """Where ``block``'s columns start among the coefficients."""
        return self._offsets[block]

    @property
    def positive_index(self) -> list[int]:
        """The columns of ``classes`` that are positive labels."""
        return list(self._positive_index)

    def calibrate(self, decisions: np.ndarray) -> np.ndarray:
        """Class probabilities from decision values: a sigmoid per column, then normalised."""
        p = 1.0 / (1.0 + np.exp(self.calibration_a * decisions + self.calibration_b))
        if len(self.classes) == 2:
            return np.column_stack([1.0 - p[:, 0], p[:, 0]])
        total = p.sum(axis=1, keepdims=True)
        uniform = np.full_like(p, 1.0 / len(self.classes))
        return np.divide(p, total, out=uniform, where=total > 0)

    def predict_proba(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, blocks: Optional[list] = None, cue_rows: Optional[np.ndarray] = None) -> np.ndarray:
        """Calibrated class probabilities, one row per text, columns in ``classes`` order."""
        if not len(texts):
            return np.zeros((0, len(self.classes)))
        return self.calibrate(self.decisions(texts, lexicon_rows, blocks, cue_rows))

    def scores(self, texts: Texts, lexicon_rows: Optional[np.ndarray] = None, blocks: Optional[list] = None, cue_rows: Optional[np.ndarray] = None) -> np.ndarray:
        """The probability of the positive label(s), one per text."""
        if len(self.classes) == 2 and len(texts):
            # ``calibrate`` without the column of the other class
            p = 1.0 / (1.0 + np.exp(self.calibration_a * self.decisions(texts, lexicon_rows, blocks, cue_rows) + self.calibration_b))
            return p[:, 0] if self._positive_index == [1] else 1.0 - p[:, 0]
        return self.predict_proba(texts, lexicon_rows, blocks, cue_rows)[:, self._positive_index].sum(axis=1)

    # -- explaining ----------------------------------------------------------------------
    def _directions(self, texts: Prepared, rows: Optional[np.ndarray]) -> list[np.ndarray]:
        """Per text, the coefficient row whose contributions explain the positive score: with
        more than two classes, the likeliest positive class against the likeliest other one."""
        if len(self.classes) == 2:
            if self._direction[0] is not self.coef:
                self._direction = (self.coef, self.coef[0] if self._positive_index == [1] else -self.coef[0])
            return [self._direction[1]] * len(texts)
        out = []
        for proba in self.predict_proba(texts, rows):
            pos = max(self._positive_index, key=lambda i: proba[i])
            neg = max((i for i in range(len(self.classes)) if i not in self._positive_index), key=lambda i: proba[i])
            out.append(self.coef[pos] - self.coef[neg])
        return out

    def _direction_floats(self, block: str, direction: np.ndarray) -> list[float]:
        """``direction``'s slice for the dense ``block`` as Python floats (remembered for the
        two-class direction)."""
        offset, width = self._offsets[block], self.block_sizes()[block]
        if direction is not self._direction[1]:
            return direction[offset : offset + width].tolist()
        known = self._direction_slices.get(block)
        if known is None or known[0] is not direction:
            known = self._direction_slices[block] = (direction, direction[offset : offset + width].tolist())
        return known[1]

    def explain(self, text: str, lexicon_row: Optional[np.ndarray] = None, top: int = 8, blocks: Optional[list] = None) -> list[tuple[str, float]]:
        """The ``top`` largest contributions (in log-odds) toward the positive label.

        Words and word pairs are quoted (``"regime"``); a word's character n-grams and
        cue-word score count toward the word. Lexicon features read ``lexicon:<name>`` and
        are measured from 0, so only what the sentence has (a finding, a "?") can explain it;
        the absence of a feature never shows up as a reason.
        """
        rows = None if lexicon_row is None else np.asarray(lexicon_row).reshape(1, -1)
        return self.explain_many([text], rows, top, blocks)[0]

    def explain_many(
        self,
        texts: Texts,
        lexicon_rows: Optional[np.ndarray] = None,
        top: int = 8,
        blocks: Optional[list] = None,
        cue_rows: Optional[np.ndarray] = None,
        cue_scores: Optional[Sequence[tuple[list, ...]]] = None,
    ) -> list[list[tuple[str, float]]]:
        """``explain`` for several texts at once (``blocks``: their ``sparse_blocks``,
        ``cue_rows``: their ``cue_rows``, ``cue_scores``: their words' ``word_scores``, and
        optionally each word's ``quoted`` name, where already computed)."""
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
                keys = list(map(quoted.__getitem__, cols.tolist()))
                rows_of = entry_rows.tolist()
                if table.distinct_terms and not any(by_unit) and rows_of == sorted(rows_of):
                    # each entry a name of its own, found nowhere yet: the sum from 0.0 (+ 0.0: as
                    # 0.0 + value is, -0.0 is 0.0)
                    values_of = (contribution + 0.0).tolist()
                    at = 0
                    for k in range(n):
                        end = bisect_right(rows_of, k, at)
                        by_unit[k] = dict(zip(keys[at:end], values_of[at:end]))
                        at = end
                    continue
                for k, key, value in zip(rows_of, keys, contribution.tolist()):
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
            names = self.lexicon.explained_names
            # no other block names a lexicon feature, and (with distinct names) each comes once
            # per text: the sum from 0.0 (+ 0.0: as 0.0 + value is, -0.0 is 0.0)
            if same and self.lexicon.as_floats is not None and self.lexicon.distinct:
                # from_zero(rows) * along("lexicon"), in Python for the few features present
                _, scale, weight = self.lexicon.as_floats
                direction = self._direction_floats("lexicon", directions[0])
                features = range(len(names))
                for k, row in enumerate(np.asarray(rows, dtype=np.float64).tolist()):
                    found = by_unit[k]
                    for i in compress(features, row):  # the features the sentence has (not 0)
                        value = row[i] / scale[i] * weight * direction[i]
                        if value:
                            found[names[i]] = value + 0.0
            else:
                contributions = self.lexicon.from_zero(rows) * along("lexicon", len(self.lexicon.names))
                ks, features = np.nonzero(contributions)  # features the sentence has
                for k, i, value in zip(ks.tolist(), features.tolist(), contributions[ks, features].tolist()):
                    found = by_unit[k]
                    found[names[i]] = found.get(names[i], 0.0) + value
        if self.cues is not None and n:
            raw = self.cue_rows(texts) if cue_rows is None else cue_rows
            order = self._cue_order if self._cue_order is not None else [self.cues.names.index(name) for name in CUE_FEATURES]
            if same and self.cues.as_floats is not None:
                # z(raw) * along("cues")[:, order], in Python
                mean, scale, weight = self.cues.as_floats
                direction = self._direction_floats("cues", directions[0])
                cue_values = [[(r[i] - mean[i]) / scale[i] * weight * direction[i] for i in order] for r in np.asarray(raw, dtype=np.float64).tolist()]
            else:
                cue_values = self.cues.z(raw) * along("cues", len(self.cues.names))
                cue_values = (cue_values if order == [0, 1, 2] else cue_values[:, order]).tolist()
            for k in range(n):
                found = by_unit[k]
                words = texts.tokens[k]
                scores = cue_scores[k] if cue_scores is not None else None
                credited = self.cue_words.credit(words, cue_values[k], scores[:2] if scores is not None else None)
                name_of = dict(zip(words, scores[2])).__getitem__ if scores is not None and len(scores) > 2 else _quoted
                get = found.get
                for key, value in zip(map(name_of, credited), credited.values()):
                    if key:
                        found[key] = get(key, 0.0) + value
        return [_ranked(found, top) for found in by_unit]


def _ranked(found: dict[str, float], top: int) -> list[tuple[str, float]]:
    """The ``top`` largest of ``found``, largest first and ties by name, values rounded."""
    items = found.items()
    if len(found) > top:
        # only what reaches the top-th largest value can be among the top
        cutoff = sorted(found.values(), reverse=True)[top - 1]
        items = compress(items, map(cutoff.__le__, found.values()))
    # sort by name, then stably by value
    ranked = sorted(sorted(items), key=itemgetter(1), reverse=True)
    return [(unit, round(value, 4)) for unit, value in ranked[:top]]
