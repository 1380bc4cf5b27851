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
from itertools import accumulate
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
