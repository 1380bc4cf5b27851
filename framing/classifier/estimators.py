"""The scikit-learn transformers of training: lexicon features and cue-word features.

They wrap ``SentenceFeaturizer`` (``features``) and ``CueWordTable`` (``cuewords``), which
scoring uses on their own, so that scoring an article never imports scikit-learn.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.utils.validation import _check_feature_names_in, check_is_fitted, validate_data

from ..lexicon import Lexicon
from .cuewords import CUE_FEATURES, CueWordTable, parse_cues, words_of
from .features import SentenceFeaturizer, default_featurizer
from .tfidf import TfidfTable


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """Turn sentences into counts of what the lexicons find in them.

    Each row of ``X`` is one sentence; a row with several columns is read as their
    cells joined by spaces, so the usual input is a one-column array or DataFrame of
    sentences. The features (see ``get_feature_names_out``) are, per kind of finding,
    the count in the author's voice and inside quotations and the summed weight; the
    count per lexicon category; negated findings, negator words, log word count, the
    share of the sentence inside quotation marks, and "!" and "?" counts.

    Parameters
    ----------
    lexicon : framing.lexicon.Lexicon, default=None
        The lexicon to match; None means the shipped lexicons.
    length : bool, default=True
        Include ``words_log``, the sentence length. The shipped recipe leaves it out:
        in BABE short sentences are more often biased, in news at large they are
        mostly headings and datelines, and with it the model carries worse to PTC.

    Attributes
    ----------
    feature_names_ : tuple of str
        The feature layout, fixed at ``fit`` from the lexicon's categories.
    lexicon_sha256_ : str
        The content hash of the lexicon the features were fitted with.
    n_features_in_ : int
        Number of columns seen in ``fit``.

    Examples
    --------
    >>> lf = LexiconFeatures().fit([["a sentence"]])
    >>> row = lf.transform([["Critics say the so-called reform might fail."]])[0]
    >>> float(dict(zip(lf.get_feature_names_out(), row))["weasel:author"])
    1.0
    """

    def __init__(self, lexicon: Optional[Lexicon] = None, length: bool = True):
        self.lexicon = lexicon
        self.length = length

    def _featurizer(self) -> SentenceFeaturizer:
        # Built on first use and kept on the instance; never pickled (see __getstate__).
        cached = self.__dict__.get("_cached_featurizer")
        if cached is None or cached[0] is not self.lexicon:
            if self.lexicon is None:
                # the shipped lexicons' matchers are built once per process, not once per clone
                cached = (None, default_featurizer())
            else:
                cached = (self.lexicon, SentenceFeaturizer(self.lexicon))
            self._cached_featurizer = cached
        return cached[1]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True  # cells are read as text, whatever their type
        return tags

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_cached_featurizer", None)
        return state

    def fit(self, X, y=None):
        """Check ``X`` and fix the feature layout from the lexicon."""
        validate_data(self, X, dtype=None, reset=True)
        featurizer = self._featurizer()
        self.feature_names_ = tuple(n for n in featurizer.names if self.length or n != "words_log")
        self.lexicon_sha256_ = featurizer.lexicon.sha256
        return self

    def transform(self, X):
        """The feature matrix, one row per sentence (float64)."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=None, reset=False)
        featurizer = self._featurizer()
        index = {name: i for i, name in enumerate(featurizer.names)}
        if not set(self.feature_names_) <= set(index):
            raise ValueError("the lexicon's categories changed since fit; fit again")
        columns = [index[name] for name in self.feature_names_]
        out = np.zeros((X.shape[0], len(columns)))
        for i, row in enumerate(X):
            out[i] = featurizer.of_text(" ".join(str(cell) for cell in row))[columns]
        return out

    def get_feature_names_out(self, input_features=None):
        """Names of the output features, e.g. ``loaded:author`` or ``hedge/epistemic``."""
        check_is_fitted(self)
        _check_feature_names_in(self, input_features)
        return np.asarray(self.feature_names_, dtype=object)


class CueWordFeatures(TransformerMixin, BaseEstimator):
    """Sentence features from a word model trained on the words annotators marked.

    ``X`` has two columns: the sentence, and the words annotators marked in it (see
    ``parse_cues``); ``transform`` reads only the first. ``fit_transform`` returns
    cross-fitted features (each row scored by a word model that did not see it), like
    scikit-learn's ``TargetEncoder``, so the model on top does not over-trust them.

    Parameters
    ----------
    C : float, default=3.0
        Inverse regularisation of the word model.
    max_features : int, default=20000
        Character n-grams kept.
    folds : int, default=5
        Folds of the cross-fitting in ``fit_transform``.
    random_state : int, default=0
    """

    def __init__(self, C: float = 3.0, max_features: int = 20000, folds: int = 5, random_state: int = 0):
        self.C = C
        self.max_features = max_features
        self.folds = folds
        self.random_state = random_state

    def _fit_words(self, X) -> CueWordTable:
        pairs: Counter = Counter()
        for text, cues in X:
            marked = {w for cue in parse_cues(cues) for w in words_of(cue)}
            pairs.update((w, w in marked) for w in words_of(str(text)))
        if not any(label for _, label in pairs) or all(label for _, label in pairs):
            raise ValueError("cue words: need both marked and unmarked words")
        words = [w for w, _ in pairs]
        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, max_features=self.max_features)
        matrix = vectorizer.fit_transform(words)
        model = LogisticRegression(C=self.C, solver="liblinear", class_weight="balanced")
        model.fit(matrix, [label for _, label in pairs], sample_weight=list(pairs.values()))
        return CueWordTable(TfidfTable.from_sklearn(vectorizer), model.coef_[0], model.intercept_[0])

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=object)
        if X.ndim != 2 or X.shape[1] != 2:
            raise ValueError("CueWordFeatures needs two columns: text and marked words")
        self.words_ = self._fit_words(X)
        self.n_features_in_ = 2
        return self

    def transform(self, X):
        check_is_fitted(self)
        return self.words_.rows([str(t) for t in np.asarray(X, dtype=object)[:, 0]])

    def fit_transform(self, X, y=None, **fit_params):
        self.fit(X)
        X = np.asarray(X, dtype=object)
        out = np.zeros((len(X), len(CUE_FEATURES)))
        folds = KFold(min(self.folds, len(X)), shuffle=True, random_state=self.random_state)
        for train, held_out in folds.split(X):
            out[held_out] = self._fit_words(X[train]).rows([str(t) for t in X[held_out, 0]])
        return out

    def get_feature_names_out(self, input_features=None):
        return np.asarray(CUE_FEATURES, dtype=object)
