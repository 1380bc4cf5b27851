"""The learned half of framing: sentence classifiers, explained and safe to load.

>>> from framing.classifier import SentenceScorer
>>> scorer = SentenceScorer.load()          # the shipped models, hash-checked
>>> scorer.explain("The regime's thugs slammed the so-called reform.")[:1]  # doctest: +SKIP
[('"thugs"', 0.61)]

See ``framing/models/README.md`` for the model card.
"""
from .features import SentenceFeaturizer
from .scorer import SentenceScorer, SentenceScores
from .store import ModelError


def __getattr__(name: str):
    # the scikit-learn transformers of training, imported on first use: scoring needs no scikit-learn
    if name == "LexiconFeatures":
        from .estimators import LexiconFeatures

        return LexiconFeatures
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["LexiconFeatures", "ModelError", "SentenceFeaturizer", "SentenceScorer", "SentenceScores"]
