"""Cue words: a word-level model of the words annotators marked as carrying the label.

Some data sets say which words made a sentence biased (BABE's ``biased_words``). A
word-level classifier on the characters of each word learns from them, and it reaches
words it never saw ("thuggish" from "thug"): that carries across outlets and topics
better than sentence n-grams, which also learn the topics of the training data.
A sentence is summarised by its two highest word scores and the sum of its word
probabilities.
"""
from __future__ import annotations

import ast
import math
import json
from itertools import chain
from operator import itemgetter
from typing import Iterable, Sequence

import numpy as np

from .tfidf import CACHE_LIMIT, WORD_PATTERN, TfidfTable

CUE_FEATURES = ("cue_words:max", "cue_words:second", "cue_words:sum")
_LOGIT, _PROB = itemgetter(0), itemgetter(1)


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text``, as the TF-IDF word analyzer finds them."""
    return WORD_PATTERN.findall(text.lower())


def parse_cues(value) -> list[str]:
    """Marked words from a list, a JSON or Python list literal, or a ``|``-separated string.

    >>> parse_cues("['bizarre', 'characteristically']"), parse_cues("regime|thugs"), parse_cues(None)
    (['bizarre', 'characteristically'], ['regime', 'thugs'], [])
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            try:
                parsed = ast.literal_eval(text)  # literals only: never runs code
            except (ValueError, SyntaxError):
                parsed = None
        if isinstance(parsed, list):
            return [str(v) for v in parsed]
    return [p.strip() for p in text.split("|") if p.strip()]


class CueWordTable:
    """The fitted word model rebuilt from arrays: character n-gram TF-IDF and coefficients."""

    def __init__(self, table: TfidfTable, coef: np.ndarray, intercept: float):
        if len(coef) != len(table.vocabulary):
            raise ValueError(f"{len(coef)} cue-word coefficients for {len(table.vocabulary)} n-grams")
        self.table = table
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self._logit: dict[str, tuple[float, float]] = {}  # word -> (logit, probability)

    def learn(self, words: Iterable[str]) -> None:
        """Compute and remember the logits of the words not seen yet, in one batch."""
        words = set(words)
        new = [w for w in words if w not in self._logit]
        if not new:
            return
        if len(self._logit) + len(new) > CACHE_LIMIT:
            self._logit.clear()
            new = list(words)
        # the TF-IDF rows times the coefficients, summed per word (no sparse matrix: most calls
        # bring a handful of new words, for which building one cost more than the sums)
        rows, cols, weights = self.table.entries(new)
        values = (np.bincount(rows, weights=weights * self.coef[cols], minlength=len(new)) + self.intercept).tolist()
        self._logit.update((w, (v, 1.0 / (1.0 + math.exp(-v)))) for w, v in zip(new, values))

    def rows(self, texts: Sequence[str]) -> np.ndarray:
        """The cue-word features of many texts, one row each."""
        return self.rows_of([words_of(t) for t in texts])

    def rows_of(self, words: Sequence[Sequence[str]]) -> np.ndarray:
        """``rows`` of texts already split by ``words_of``."""
        try:
            return self._rows(words)
        except KeyError:  # a word not seen yet
            self.learn(chain.from_iterable(words))  # all of them: learning may clear the cache
            return self._rows(words)

    def _rows(self, words: Sequence[Sequence[str]]) -> np.ndarray:
        scores = self._logit
        out = np.zeros((len(words), len(CUE_FEATURES)))
        for k, ws in enumerate(words):
            if ws:
                pairs = list(map(scores.__getitem__, ws))
                ranked = sorted(map(_LOGIT, pairs), reverse=True)
                out[k] = (ranked[0], ranked[1] if len(ranked) > 1 else ranked[0], sum(map(_PROB, pairs)))
        return out

    def credit(self, words: Sequence[str], contributions: Sequence[float]) -> dict[str, float]:
        """Share the cue-word features' contributions (in ``CUE_FEATURES`` order: highest,
        second highest, sum) out to the words behind them (``words_of`` a text), summed per word."""
        if not words:
            return {}
        if not set(words) <= self._logit.keys():
            self.learn(words)
        pairs = list(map(self._logit.__getitem__, words))
        c_max, c_second, c_sum = contributions
        probs = list(map(_PROB, pairs))
        share = c_sum / sum(probs)
        out: dict[str, float] = {}
        for word, p in zip(words, probs):
            out[word] = out.get(word, 0.0) + p * share
        logits = list(map(_LOGIT, pairs))
        order = sorted(range(len(words)), key=logits.__getitem__, reverse=True)  # stable: first of equals
        out[words[order[0]]] += c_max
        out[words[order[1] if len(order) > 1 else order[0]]] += c_second
        return out
