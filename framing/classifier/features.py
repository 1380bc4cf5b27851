"""Lexicon features of sentences: what the shipped lexicons find in each one, as numbers.

``SentenceFeaturizer`` turns the findings of one sentence into a fixed row of counts:
per kind and voice, per category, negation, length, quotation and punctuation. It
reads a sentence on its own (``of_text``, for training) or inside a parsed article
(``of_article``, reusing the findings the report already holds), through the same
``row`` function, so training and scoring see the same features.

``framing.classifier.estimators.LexiconFeatures`` is the scikit-learn transformer around it
(scikit-learn is imported for training only, not for scoring).
"""
from __future__ import annotations

import math
from bisect import bisect_left
from itertools import compress, count
from typing import Iterable, Optional, Sequence

import numpy as np

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
        self._columns_of: dict[tuple[str, str, str], tuple[int, int, Optional[int], int]] = {}  # see _finding_columns
        self._surface_columns = tuple(self._index[name] for name in ("negators", "words_log", "quoted_share", "exclamations", "questions"))

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
        (and the ``surface_key`` of every token, where already computed).

        The same numbers as ``row`` for each sentence, filled in for all of them at once.
        """
        width = len(self.names)
        out = [0.0] * (len(sentences) * width)  # row k at k * width
        position = {i: k for k, i in enumerate(sentences)}
        # the findings' counts and weights, summed in findings order
        columns_of = self._columns_of
        for f in findings:
            k = position.get(f.sentence)
            if k is not None:
                voice, weight, category, negated = columns_of.get((f.kind, f.voice, f.category)) or self._finding_columns(f)
                at = k * width
                out[at + voice] += 1.0
                out[at + weight] += f.weight
                if category is not None:  # a category missing from categories.tsv has no column
                    out[at + category] += 1.0
                out[at + negated] += f.negated
        # the surface features
        tokens = article.tokens
        starts = [t.start for t in tokens]
        if surface_keys is not None and len(surface_keys) == len(tokens):
            flags = map(self.negators.__contains__, surface_keys)
        else:
            flags = map(self._is_negator.__getitem__, [t.text for t in tokens])
        negator_at = list(compress(count(), flags))  # positions of the negator tokens
        quotes = [(q.start, q.end, q.inner_start, q.inner_end) for q in article.quotes]
        text = article.text
        negators, words_log, quoted_share, exclamations, questions = self._surface_columns
        for i, k in position.items():
            s = article.sentences[i]
            start, end = s.start, s.end
            size = max(0, min(end, len(text)) - start)  # len(text[start:end])
            lo, hi = bisect_left(starts, start), bisect_left(starts, end)
            at = k * width
            out[at + negators] = bisect_left(negator_at, hi) - bisect_left(negator_at, lo)
            out[at + words_log] = math.log1p(hi - lo)
            quoted = 0  # characters inside quotation marks
            for q_start, q_end, inner_start, inner_end in quotes:
                if q_start < end and start < q_end:
                    quoted += max(0, min(inner_end, end) - max(inner_start, start))
            out[at + quoted_share] = quoted / size if size else 0.0
            out[at + exclamations] = text.count("!", start, end)
            out[at + questions] = text.count("?", start, end)
        rows = np.array(out, dtype=np.float64).reshape(len(sentences), width)
        if len(position) < len(sentences):  # a sentence asked for twice: the rows filled are the last
            rows = rows[[position[i] for i in sentences]]
        return rows

    def _finding_columns(self, f: Finding) -> tuple[int, int, Optional[int], int]:
        """The columns a finding adds to: its kind and voice, its kind's weight, its category
        (None: a category missing from categories.tsv has no column) and ``negated``."""
        key = (f.kind, f.voice, f.category)
        columns = self._columns_of.get(key)
        if columns is None:
            index = self._index
            columns = (index[f"{f.kind}:{f.voice}"], index[f"{f.kind}:weight"], index.get(f"{f.kind}/{f.category}"), index["negated"])
            self._columns_of[key] = columns
        return columns


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
