"""Lexicon features of sentences: what the shipped lexicons find in each one, as numbers.

``SentenceFeaturizer`` turns the findings of one sentence into a fixed row of counts:
per kind and voice, per category, negation, length, quotation and punctuation. It
reads a sentence on its own (``of_text``, for training) or inside a parsed article
(``of_article``, reusing the findings the report already holds), through the same
``row`` function, so training and scoring see the same features.

``LexiconFeatures`` is the scikit-learn transformer around it.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from itertools import accumulate
from typing import Iterable, Optional, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import _check_feature_names_in, check_is_fitted, validate_data

from ..context import Context, LexiconMatcher
from ..detectors import run_detectors
from ..lexicon import Lexicon
from ..model import KINDS, Article, Finding, Paragraph, Sentence
from ..quotes import find_quotes
from ..tokens import surface_key, tokenize

#: Features that do not come from a lexicon category, in row order after the category counts.
SURFACE_FEATURES = ("negated", "negators", "words_log", "quoted_share", "exclamations", "questions")


def feature_names(lexicon: Lexicon) -> tuple[str, ...]:
    """The feature layout for ``lexicon``: kind by voice, category, then surface features.

    >>> from framing.lexicon import load_lexicon
    >>> names = feature_names(load_lexicon())
    >>> names[:2], names[-1]
    (('loaded:author', 'loaded:quoted'), 'questions')
    """
    voices = tuple(f"{kind}:{voice}" for kind in KINDS for voice in ("author", "quoted"))
    weights = tuple(f"{kind}:weight" for kind in KINDS)
    categories = tuple(sorted(key for key, c in lexicon.categories.items() if c.kind in KINDS))
    return voices + weights + categories + SURFACE_FEATURES


class SentenceFeaturizer:
    """Lexicon features for sentences; the lexicon's matchers are built on first need
    (or shared: pass the ``matcher`` an ``Analyzer`` already built for ``lexicon``)."""

    def __init__(self, lexicon: Lexicon, matcher: Optional[LexiconMatcher] = None):
        self.lexicon = lexicon
        self.names = feature_names(lexicon)
        self.negators = lexicon.words("context/negator")
        self._index = {name: i for i, name in enumerate(self.names)}
        self._matcher: Optional[LexiconMatcher] = matcher
        self._is_negator = _NegatorMemo(self.negators)

    @property
    def matcher(self) -> LexiconMatcher:
        """The phrase matchers, needed only to find findings (``of_text``, ``findings``)."""
        if self._matcher is None:
            self._matcher = LexiconMatcher(self.lexicon)
        return self._matcher

    def findings(self, article: Article) -> list[Finding]:
        """What the detectors find in ``article`` with this lexicon."""
        return run_detectors(Context(article, self.matcher))

    def row(self, findings: Iterable[Finding], text: str, n_words: int, negators: int, quoted_chars: int) -> np.ndarray:
        """One sentence's feature row from its findings and surface counts."""
        return np.array(self._row(findings, text, n_words, negators, quoted_chars))

    def _row(self, findings: Iterable[Finding], text: str, n_words: int, negators: int, quoted_chars: int) -> list[float]:
        out = [0.0] * len(self.names)
        index = self._index
        for f in findings:
            out[index[f"{f.kind}:{f.voice}"]] += 1.0
            out[index[f"{f.kind}:weight"]] += f.weight
            i = index.get(f"{f.kind}/{f.category}")
            if i is not None:  # a category missing from categories.tsv has no column
                out[i] += 1.0
            out[index["negated"]] += f.negated
        out[index["negators"]] = negators
        out[index["words_log"]] = math.log1p(n_words)
        out[index["quoted_share"]] = quoted_chars / len(text) if text else 0.0
        out[index["exclamations"]] = text.count("!")
        out[index["questions"]] = text.count("?")
        return out

    def of_text(self, text: str) -> np.ndarray:
        """The features of one sentence read on its own, as a body paragraph."""
        text = " ".join(text.split())
        paragraphs = (Paragraph(0, len(text), "body"),)
        article = Article(
            text=text,
            paragraphs=paragraphs,
            sentences=(Sentence(0, len(text), 0),) if text else (),
            tokens=tuple(tokenize(text)),
            quotes=tuple(find_quotes(text, paragraphs)),
        )
        if not text:
            return self.row((), "", 0, 0, 0)
        return self.of_article(article, self.findings(article), [0])[0]

    def of_article(self, article: Article, findings: Sequence[Finding], sentences: Sequence[int], surface_keys: Optional[Sequence[str]] = None) -> np.ndarray:
        """Feature rows for the sentences ``sentences`` of ``article``, given its findings
        (and the ``surface_key`` of every token, where already computed)."""
        by_sentence: dict[Optional[int], list[Finding]] = {}
        for f in findings:
            by_sentence.setdefault(f.sentence, []).append(f)
        starts = [t.start for t in article.tokens]
        # negators[k]: negator words among the first k tokens
        if surface_keys is not None and len(surface_keys) == len(article.tokens):
            flags = map(self.negators.__contains__, surface_keys)
        else:
            flags = map(self._is_negator.__getitem__, [t.text for t in article.tokens])
        negators = [0, *accumulate(flags)]
        rows = []
        for i in sentences:
            s = article.sentences[i]
            text = article.text[s.start : s.end]
            lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
            quoted = sum(
                max(0, min(q.inner_end, s.end) - max(q.inner_start, s.start)) for q in article.quotes if q.start < s.end and s.start < q.end
            )
            rows.append(self._row(by_sentence.get(i, ()), text, hi - lo, negators[hi] - negators[lo], quoted))
        return np.array(rows, dtype=np.float64).reshape(len(sentences), len(self.names))


class _NegatorMemo(dict):
    """word -> whether it is a negator, remembered (and forgotten past 100,000 words)."""

    def __init__(self, negators):
        super().__init__()
        self.negators = negators

    def __missing__(self, word: str) -> bool:
        if len(self) > 100_000:
            self.clear()
        known = self[word] = surface_key(word) in self.negators
        return known


def default_featurizer() -> SentenceFeaturizer:
    """A featurizer for the shipped lexicons, sharing the default analyzer's matchers."""
    from ..pipeline import default_analyzer

    analyzer = default_analyzer()
    return SentenceFeaturizer(analyzer.lexicon, analyzer.matcher)


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

