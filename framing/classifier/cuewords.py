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
from typing import Iterable, Optional, Sequence

import numpy as np

from .tfidf import CACHE_LIMIT, WORD_PATTERN, TfidfTable, WordCache

CUE_FEATURES = ("cue_words:max", "cue_words:second", "cue_words:sum")


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
    """The fitted word model rebuilt from arrays: character n-gram TF-IDF and coefficients.

    Each word's logit and probability are computed once and remembered in ``cache`` (up
    to ``CACHE_LIMIT`` words), as its column ``"cue"``.
    """

    def __init__(self, table: TfidfTable, coef: np.ndarray, intercept: float):
        if len(coef) != len(table.vocabulary):
            raise ValueError(f"{len(coef)} cue-word coefficients for {len(table.vocabulary)} n-grams")
        self.table = table
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self.cache = WordCache(self.word_values)

    def word_values(self, words: list[str]) -> dict[str, np.ndarray]:
        """The ``cache`` column ``"cue"`` of ``words``: a row per word, its logit and its probability."""
        # the TF-IDF rows times the coefficients, summed per word (no sparse matrix: most calls
        # bring a handful of new words, for which building one cost more than the sums)
        rows, cols, weights = self.table.entries_of_words(words)
        values = (np.bincount(rows, weights=weights * self.coef[cols], minlength=len(words)) + self.intercept).tolist()
        return {"cue": np.array([(v, 1.0 / (1.0 + math.exp(-v))) for v in values]).reshape(len(words), 2)}

    def learn(self, words: Iterable[str]) -> None:
        """Compute and remember the logits of the words not seen yet, in one batch."""
        self.cache.learn(words, CACHE_LIMIT)

    def rows(self, texts: Sequence[str]) -> np.ndarray:
        """The cue-word features of many texts, one row each."""
        return self.rows_of([words_of(t) for t in texts])

    def rows_of(self, words: Sequence[Sequence[str]]) -> np.ndarray:
        """``rows`` of texts already split by ``words_of``."""
        return self.rows_of_slots(self.cache.slots(list(chain.from_iterable(words)), CACHE_LIMIT), [len(w) for w in words])

    def rows_of_slots(self, slots: np.ndarray, lengths: Sequence[int], separated: bool = False) -> np.ndarray:
        """``rows_of`` from the ``cache`` slots of all the texts' words in a row, ``lengths``
        per text (``separated``: each text's words followed by one more, as in ``Prepared.flat``)."""
        return self.rows_of_scores(*self.scores_of_slots(slots), lengths, separated)

    def scores_of_slots(self, slots: np.ndarray) -> tuple[list[float], list[float]]:
        """``word_scores`` of the words at ``cache`` slots ``slots``."""
        if not len(slots):
            return [], []
        logits, probs = self.cache.columns["cue"][slots].T.tolist()
        return logits, probs

    @staticmethod
    def rows_of_scores(logits: list[float], probs: list[float], lengths: Sequence[int], separated: bool = False) -> np.ndarray:
        """``rows_of_slots`` from the ``word_scores`` of the words in a row."""
        out = []
        at = 0
        for n in lengths:
            if n:
                ranked = logits[at : at + n]
                ranked.sort(reverse=True)
                out.append((ranked[0], ranked[1] if n > 1 else ranked[0], sum(probs[at : at + n])))
            else:
                out.append((0.0, 0.0, 0.0))
            at += n + separated
        return np.array(out, dtype=np.float64).reshape(len(lengths), len(CUE_FEATURES))

    def word_scores(self, words: Sequence[str]) -> tuple[list[float], list[float]]:
        """The logit and the probability of each of ``words``."""
        return self.scores_of_slots(self.cache.slots(words, CACHE_LIMIT))

    def credit(self, words: Sequence[str], contributions: Sequence[float], scores: Optional[tuple[list[float], list[float]]] = None) -> dict[str, float]:
        """Share the cue-word features' contributions (in ``CUE_FEATURES`` order: highest,
        second highest, sum) out to the words behind them (``words_of`` a text), summed per word
        (``scores``: the words' ``word_scores``, where already known)."""
        if not words:
            return {}
        logits, probs = self.word_scores(words) if scores is None else scores
        c_max, c_second, c_sum = contributions
        share = c_sum / sum(probs)
        out: dict[str, float] = {}
        get = out.get
        for word, p in zip(words, probs):
            out[word] = get(word, 0.0) + p * share
        order = sorted(range(len(words)), key=logits.__getitem__, reverse=True)  # stable: first of equals
        out[words[order[0]]] += c_max
        out[words[order[1] if len(order) > 1 else order[0]]] += c_second
        return out
