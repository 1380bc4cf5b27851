"""Scoring an article's sentences with the classifier heads, and summarising the scores.

``SentenceScorer.load()`` reads the shipped models (or a folder from ``framing train``)
and ``score(article, findings)`` gives every title and body sentence two calibrated
probabilities: ``score`` (loaded or one-sided language, the ``bias`` head, trained on
BABE) and ``hedge_score`` (hedged or weasel-worded, the ``hedge`` head, trained on
wiki-weasel). Sentences in other paragraphs (byline, site chrome) get None.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence, Union

import numpy as np

from ..lexicon import Lexicon
from ..model import Article, Finding
from ..context import LexiconMatcher
from .features import SentenceFeaturizer, default_featurizer
from .linear import LinearHead
from .tfidf import JointGrams, Prepared
from .store import ModelError, default_folder, has_head, load_head

#: Sentences shown with their explanations in ``summary``.
TOP_SENTENCES = 5
#: Features listed per explained sentence.
TOP_FEATURES = 8
DIGITS = 4


@dataclass(frozen=True)
class SentenceScores:
    """Scores of one article's sentences, index-aligned with ``article.sentences``.

    ``score`` and ``hedge_score`` hold a probability for each title or body sentence
    and None for the others (and ``hedge_score`` is None throughout without a hedge head).
    """

    score: tuple[Optional[float], ...]
    hedge_score: tuple[Optional[float], ...]
    lexicon_rows: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    # the bias head's TF-IDF entries of the scored sentences (row k: the k-th scored sentence),
    # kept so that explaining the highest sentences does not compute them again
    bias_blocks: Optional[list] = field(default=None, repr=False, compare=False)
    # the scored sentences lower-cased and tokenised (row k: the k-th scored sentence)
    texts: Optional[Prepared] = field(default=None, repr=False, compare=False)

    def blocks_of(self, rows: Sequence[int]) -> Optional[list]:
        """The bias head's TF-IDF entries of the scored sentences at positions ``rows``
        (ascending, see ``positions``), renumbered 0, 1, ... as for a batch of just those."""
        if self.bias_blocks is None:
            return None
        wanted = np.asarray(rows, dtype=np.int64)
        renumber = np.full(len(self.scored()), -1, dtype=np.int64)
        renumber[wanted] = np.arange(len(wanted))
        out = []
        for block, entry_rows, cols, values in self.bias_blocks:
            mapped = renumber[entry_rows]
            keep = mapped >= 0
            out.append((block, mapped[keep], cols[keep], values[keep]))
        return out

    def positions(self, indices: Sequence[int]) -> list[int]:
        """Where the sentences ``indices`` stand among the scored ones (``scored``)."""
        position = {i: k for k, i in enumerate(self.scored())}
        return [position[i] for i in indices]

    def scored(self) -> list[int]:
        """Indices of the sentences that carry a score."""
        return [i for i, s in enumerate(self.score) if s is not None]


class SentenceScorer:
    """The classifier heads with the lexicon features they read; load once, score many articles."""

    def __init__(self, bias: LinearHead, hedge: Optional[LinearHead] = None, lexicon: Optional[Lexicon] = None, matcher: Optional[LexiconMatcher] = None):
        self.bias = bias
        self.hedge = hedge
        self.featurizer = default_featurizer() if lexicon is None else SentenceFeaturizer(lexicon, matcher)
        lexicon = self.featurizer.lexicon
        self._columns = {head.name: lexicon_columns(head, self.featurizer.names) for head in self.heads}
        self._joint = JointGrams.of([head.word for head in self.heads])
        self._facts = {head.name: _model_facts(head, lexicon.sha256) for head in self.heads}
        self._warnings = self._lexicon_warnings()

    @classmethod
    def load(cls, path: Union[str, Path, None] = None, lexicon: Optional[Lexicon] = None, matcher: Optional[LexiconMatcher] = None) -> "SentenceScorer":
        """The heads in ``path`` (None: the shipped models), checked against their manifest.

        A folder with only a ``bias`` head (what ``framing train`` writes by default)
        takes the shipped ``hedge`` head. Raises ``ModelError`` with a one-line reason.
        """
        shipped = default_folder()
        folder = Path(path) if path is not None else shipped
        if not folder.is_dir():
            raise ModelError(f"{folder}: no such model folder")
        if not has_head(folder, "bias"):
            raise ModelError(f"{folder}: no bias head (bias.json); train one with `framing train`")
        hedge_folder = folder if has_head(folder, "hedge") else shipped
        return cls(load_head(folder, "bias"), load_head(hedge_folder, "hedge"), lexicon, matcher)

    @property
    def heads(self) -> list[LinearHead]:
        return [h for h in (self.bias, self.hedge) if h is not None]

    @property
    def threshold(self) -> float:
        """The documented threshold: a sentence scoring at least this counts as flagged."""
        return self.bias.threshold

    def _head_rows(self, head: LinearHead, rows: np.ndarray) -> Optional[np.ndarray]:
        return select_columns(rows, self._columns[head.name])

    @property
    def warnings(self) -> list[str]:
        """Reasons to read the scores with care: lexicon features the model reads that these
        lexicons no longer have (they read 0). Edited word lists alone do not warn, since the
        shipped lexicons change between releases; the summary records both lexicon hashes."""
        return list(self._warnings)

    def _lexicon_warnings(self) -> list[str]:
        out = []
        names = set(self.featurizer.names)
        for head in self.heads:
            missing = [n for n in (head.lexicon.names if head.lexicon else ()) if n not in names]
            if missing:
                shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
                out.append(
                    f"classifier: the {head.name} model reads {len(missing)} lexicon feature(s) these lexicons lack "
                    f"({shown}); they count as 0, so scores may be lower than the model intends"
                )
        return out

    # -- scoring --------------------------------------------------------------------------
    def score(self, article: Article, findings: Optional[Sequence[Finding]] = None, surface_keys: Optional[Sequence[str]] = None) -> SentenceScores:
        """Score every title and body sentence of ``article``.

        Pass the report's ``findings`` to reuse them (without them the detectors run again),
        and the ``surface_key`` of every token where the detectors computed them already.
        """
        indices = article.scored_sentences()
        n = len(article.sentences)
        if not indices:
            return SentenceScores((None,) * n, (None,) * n)
        if findings is None:
            findings = self.featurizer.findings(article)
        texts = Prepared([article.text[article.sentences[i].start : article.sentences[i].end] for i in indices])
        rows = self.featurizer.of_article(article, findings, indices, surface_keys)
        if self._joint is not None:
            self._joint.fill(texts)
        columns: dict[str, list[Optional[float]]] = {}
        bias_blocks = None
        for head in self.heads:
            blocks = head.sparse_blocks(texts)
            if head is self.bias:
                bias_blocks = blocks
            values = head.scores(texts, self._head_rows(head, rows), blocks)
            column: list[Optional[float]] = [None] * n
            for i, v in zip(indices, np.round(values, DIGITS).tolist()):
                column[i] = v
            columns[head.name] = column
        return SentenceScores(
            score=tuple(columns["bias"]),
            hedge_score=tuple(columns.get("hedge", [None] * n)),
            lexicon_rows=dict(zip(indices, rows)),
            bias_blocks=bias_blocks,
            texts=texts,
        )

    def explain(self, sentence_text: str, top: int = TOP_FEATURES) -> list[tuple[str, float]]:
        """The features that push one sentence's ``score`` up most: (feature, log-odds).

        Features are words or word pairs in quotation marks (``'"regime"'``) and lexicon
        features (``'lexicon:loaded/hyperbole'``); see ``framing/models/README.md``.
        """
        rows = self.featurizer.of_text(sentence_text).reshape(1, -1)
        return self.bias.explain(sentence_text, self._head_rows(self.bias, rows), top)

    def summary(self, article: Article, scores: Optional[SentenceScores] = None, findings: Optional[Sequence[Finding]] = None, top: int = TOP_SENTENCES) -> dict[str, Any]:
        """The article's classifier summary (JSON-ready).

        ``mean`` and ``share_above_threshold`` (the share of title and body sentences whose
        ``score`` is at least ``threshold``, 0.5), the same for ``hedge_score`` (against the
        hedge head's own ``hedge_threshold``), and the ``top`` highest-scoring sentences with
        their explanations.
        """
        scores = scores if scores is not None else self.score(article, findings)
        indices = scores.scored()
        values = [scores.score[i] for i in indices]
        hedges = [scores.hedge_score[i] for i in indices if scores.hedge_score[i] is not None]
        ranked = sorted(indices, key=lambda i: (-scores.score[i], i))[:top]
        chosen = sorted(ranked)
        rows = scores.positions(chosen)
        if scores.texts is not None:
            texts = scores.texts.subset(rows)
        else:
            texts = Prepared([article.text[article.sentences[i].start : article.sentences[i].end] for i in chosen])
        lexicon_rows = None
        if chosen and all(i in scores.lexicon_rows for i in chosen):
            lexicon_rows = self._head_rows(self.bias, np.array([scores.lexicon_rows[i] for i in chosen]))
        elif chosen:
            lexicon_rows = self._head_rows(self.bias, np.array([self.featurizer.of_text(t) for t in texts.texts]))
        explained = dict(zip(chosen, self.bias.explain_many(texts, lexicon_rows, TOP_FEATURES, scores.blocks_of(rows)))) if chosen else {}
        highest = []
        for i in ranked:
            s = article.sentences[i]
            highest.append(
                {
                    "sentence": i,
                    "start": s.start,
                    "end": s.end,
                    "text": article.text[s.start : s.end],
                    "score": scores.score[i],
                    "hedge_score": scores.hedge_score[i],
                    "explanation": [{"feature": f, "contribution": c} for f, c in explained[i]],
                }
            )
        return {
            "models": {name: dict(facts) for name, facts in self._facts.items()},
            "threshold": self.threshold,
            "sentences": len(indices),
            "mean": _mean(values),
            "share_above_threshold": _share(values, self.threshold),
            "hedge_threshold": self.hedge.threshold if self.hedge else None,
            "hedge_mean": _mean(hedges),
            "hedge_share_above_threshold": _share(hedges, self.hedge.threshold if self.hedge else self.threshold),
            "top": highest,
        }


def lexicon_columns(head: LinearHead, names: Sequence[str]) -> Optional[np.ndarray]:
    """Where each lexicon feature of ``head`` sits among ``names`` (-1: absent, reads 0).

    Heads read their lexicon features by name, so a lexicon that gained or lost a
    category since training still lines up.
    """
    if head.lexicon is None:
        return None
    index = {name: i for i, name in enumerate(names)}
    return np.array([index.get(name, -1) for name in head.lexicon.names], dtype=np.intp)


def select_columns(rows: Optional[np.ndarray], columns: Optional[np.ndarray]) -> Optional[np.ndarray]:
    """The columns ``columns`` of ``rows`` (see ``lexicon_columns``)."""
    if columns is None or rows is None:
        return None
    padded = np.hstack([rows, np.zeros((len(rows), 1))])  # column -1 reads this zero
    return padded[:, columns]


def predict_texts(head: LinearHead, texts: Sequence[str], featurizer: Optional[SentenceFeaturizer] = None) -> np.ndarray:
    """Class probabilities of sentences each read on its own, as in training."""
    if featurizer is None:
        featurizer = default_featurizer()
    columns = lexicon_columns(head, featurizer.names)
    rows = np.array([featurizer.of_text(t) for t in texts]).reshape(len(texts), -1) if columns is not None else None
    return head.predict_proba(list(texts), select_columns(rows, columns))


def _model_facts(head: LinearHead, lexicon_sha256: str) -> dict[str, Any]:
    meta = head.meta
    trained_with = meta.get("lexicon_sha256")
    return {
        "task": meta.get("task"),
        "trained_on": meta.get("trained_on"),
        "licence": meta.get("licence"),
        "sha256": meta.get("sha256", {}).get(f"{head.name}.npz"),
        "lexicon_sha256": trained_with,
        "same_lexicons": trained_with == lexicon_sha256 if trained_with else None,
    }


def _mean(values: Sequence[float]) -> Optional[float]:
    return round(sum(values) / len(values), DIGITS) if values else None


def _share(values: Sequence[float], threshold: float) -> Optional[float]:
    return round(sum(v >= threshold for v in values) / len(values), DIGITS) if values else None
