"""What training takes: a head's hyperparameters (``Recipe``) and labelled sentences (``Dataset``).

Kept apart from ``training`` so that reading data and options needs no scikit-learn.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np


@dataclass(frozen=True)
class Recipe:
    """Hyperparameters of a head. The defaults are what ``framing train`` uses; the shipped heads
    leave the character block out (``BIAS_RECIPE`` and ``HEDGE_RECIPE`` in
    ``scripts/classifier_models.py``)."""

    word_features: int = 10_000  # most frequent word n-grams kept
    char_features: int = 10_000  # most frequent character 2-5-grams kept (within words); 0: no character block
    word_ngrams: int = 2  # word n-grams of 1 to this many words
    min_df: int = 2
    length: bool = False  # sentence length as a feature: see LexiconFeatures
    lexicon_weight: float = 0.3  # block weights: how far each standardised block may reach
    cue_weight: float = 0.3
    C: float = 1.0  # inverse regularisation of the logistic regression
    class_weight: Optional[str] = None  # "balanced": weigh each label inversely to its frequency
    calibration_folds: int = 5
    random_state: int = 0


@dataclass(frozen=True)
class Dataset:
    """Sentences, their labels and, optionally, the words annotators marked in each."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    cues: Optional[tuple[object, ...]] = None

    def matrix(self) -> np.ndarray:
        """The two-column input of the pipeline: text, and cue words (or None)."""
        X = np.empty((len(self.texts), 2), dtype=object)
        X[:, 0] = self.texts
        X[:, 1] = self.cues if self.cues is not None else [None] * len(self.texts)
        return X

    def subset(self, index: Sequence[int]) -> "Dataset":
        return Dataset(
            tuple(self.texts[i] for i in index),
            tuple(self.labels[i] for i in index),
            tuple(self.cues[i] for i in index) if self.cues is not None else None,
        )
