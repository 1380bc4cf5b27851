"""Scoring an article's sentences with the classifier heads, and summarising the scores.

``SentenceScorer.load()`` reads the shipped models (or a folder from ``framing train``)
and ``score(article, findings)`` gives every title and body sentence two calibrated
probabilities: ``score`` (loaded or one-sided language, the ``bias`` head, trained on
BABE) and ``hedge_score`` (hedged or weasel-worded, the ``hedge`` head, trained on
wiki-weasel). Sentences in other paragraphs (byline, site chrome) get None.

Where the heads allow it (two classes each, word tables with one n-gram range, no character
block: the shipped heads do), ``HeadsTogether`` scores them in one pass over the words;
otherwise each head scores on its own. Both give the same numbers, operation for operation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Optional, Sequence, Union

import numpy as np

from ..lexicon import Lexicon
from ..model import Article, Finding
from ..context import LexiconMatcher
from .features import SentenceFeaturizer, default_featurizer
from .linear import LinearHead
from .tfidf import JointGrams, Prepared, WordCache, quoted
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
    # kept so that explaining the highest sentences does not compute them again; with
    # ``bias_stride`` s, the entries of the k-th scored sentence are those of row k * s (the
    # rows in between belong to other heads)
    bias_blocks: Optional[list] = field(default=None, repr=False, compare=False)
    bias_stride: int = field(default=1, repr=False, compare=False)
    # the scored sentences lower-cased and tokenised (row k: the k-th scored sentence)
    texts: Optional[Prepared] = field(default=None, repr=False, compare=False)
    # the bias head's lexicon features (its ``lexicon_rows`` columns) and raw cue-word
    # features of the scored sentences (row k: the k-th scored sentence)
    bias_rows: Optional[np.ndarray] = field(default=None, repr=False, compare=False)
    cue_rows: Optional[np.ndarray] = field(default=None, repr=False, compare=False)
    # the bias head's cue-word ``word_scores`` of the scored sentences' words: (logits,
    # probabilities) of their words in a row, each sentence's followed by one more (as
    # ``Prepared.flat``); and the words' slots in a ``WordCache`` of that ``generation``
    cue_scores: Optional[tuple[list[float], list[float]]] = field(default=None, repr=False, compare=False)
    word_slots: Optional[tuple[np.ndarray, int]] = field(default=None, repr=False, compare=False)

    def word_spans(self, rows: Sequence[int]) -> list[tuple[int, int]]:
        """Where the words of the scored sentences at positions ``rows`` are in ``cue_scores``."""
        starts = [0]
        for tokens in self.texts.tokens:
            starts.append(starts[-1] + len(tokens) + 1)
        return [(starts[r], starts[r + 1] - 1) for r in rows]

    def blocks_of(self, rows: Sequence[int]) -> Optional[list]:
        """The bias head's TF-IDF entries of the scored sentences at positions ``rows``
        (ascending, see ``positions``), renumbered 0, 1, ... as for a batch of just those."""
        if self.bias_blocks is None:
            return None
        wanted = np.asarray(rows, dtype=np.int64)
        renumber = np.empty(len(self.scored()) * self.bias_stride, dtype=np.int64)
        renumber.fill(-1)
        renumber[wanted * self.bias_stride] = np.arange(len(wanted))
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
        # heads whose lexicon features these lexicons all have: no zero column to pad with
        self._complete = {name: columns is not None and bool((columns >= 0).all()) for name, columns in self._columns.items()}
        self._joint = JointGrams.of([head.word for head in self.heads])
        self._together = HeadsTogether.of(self.heads, self._joint)
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
        if self._complete[head.name] and rows is not None:
            return rows[:, self._columns[head.name]]
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
        if self._together is not None:
            head_rows = [self._head_rows(head, rows) for head in self.heads]
            together = self._together.scores(texts, head_rows)
            columns = dict(zip((head.name for head in self.heads), zip(*together.probabilities.round(DIGITS).tolist())))
            bias_blocks, bias_cues, cue_scores, word_slots = together.blocks, together.cue_rows, together.cue_scores, together.word_slots
            bias_rows, stride = head_rows[0], len(self.heads)
        else:
            known = dict(zip(self._joint.tables, self._joint.entries(texts))) if self._joint is not None else None
            columns, stride, cue_scores, word_slots = {}, 1, None, None
            for head in self.heads:
                blocks = head.sparse_blocks(texts, known)
                head_rows = self._head_rows(head, rows)
                cue_rows = head.cue_rows(texts)
                if head is self.bias:
                    bias_blocks, bias_rows, bias_cues = blocks, head_rows, cue_rows
                columns[head.name] = np.round(head.scores(texts, head_rows, blocks, cue_rows), DIGITS).tolist()
        scores: dict[str, list[Optional[float]]] = {}
        for name, values in columns.items():
            column: list[Optional[float]] = [None] * n
            for i, v in zip(indices, values):
                column[i] = v
            scores[name] = column
        return SentenceScores(
            score=tuple(scores["bias"]),
            hedge_score=tuple(scores.get("hedge", [None] * n)),
            lexicon_rows=dict(zip(indices, rows)),
            bias_blocks=bias_blocks,
            bias_stride=stride,
            texts=texts,
            bias_rows=bias_rows,
            cue_rows=bias_cues,
            cue_scores=cue_scores,
            word_slots=word_slots,
        )

    def explain(self, sentence_text: str, top: int = TOP_FEATURES) -> list[tuple[str, float]]:
        """The features that push one sentence's ``score`` up most: (feature, log-odds).

        Features are words or word pairs in quotation marks (``'"regime"'``) and lexicon
        features (``'lexicon:loaded/hyperbole'``); see ``framing/models/README.md``.
        """
        rows = self.featurizer.of_text(sentence_text).reshape(1, -1)
        return self.bias.explain(sentence_text, self._head_rows(self.bias, rows), top)

    def _cue_scores_of(self, scores: SentenceScores, rows: Sequence[int]) -> Optional[list[tuple[list, ...]]]:
        """The ``explain_many`` cue scores of the scored sentences at positions ``rows``:
        (logits, probabilities, and the words' ``quoted`` names where still known) for each."""
        if scores.cue_scores is None or scores.texts is None:
            return None
        spans = scores.word_spans(rows)
        out = [tuple(values[a:b] for values in scores.cue_scores) for a, b in spans]
        words = self._together.words if self._together is not None else None
        if words is None or scores.word_slots is None or scores.word_slots[1] != words.generation or "quoted" not in words.columns:
            return out
        slots = scores.word_slots[0]
        names = words.columns["quoted"][np.concatenate([slots[a:b] for a, b in spans])].tolist()
        at = 0
        for k, (a, b) in enumerate(spans):
            out[k] = (*out[k], names[at : at + b - a])
            at += b - a
        return out

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
        ranked = sorted(indices, key=scores.score.__getitem__, reverse=True)[:top]  # stable: ties by index
        chosen = sorted(ranked)
        rows = scores.positions(chosen)
        if scores.texts is not None:
            texts = scores.texts.subset(rows)
        else:
            texts = Prepared([article.text[article.sentences[i].start : article.sentences[i].end] for i in chosen])
        lexicon_rows = None
        if chosen and scores.bias_rows is not None:
            lexicon_rows = scores.bias_rows[rows]
        elif chosen and all(i in scores.lexicon_rows for i in chosen):
            lexicon_rows = self._head_rows(self.bias, np.array([scores.lexicon_rows[i] for i in chosen]))
        elif chosen:
            lexicon_rows = self._head_rows(self.bias, np.array([self.featurizer.of_text(t) for t in texts.texts]))
        cue_rows = scores.cue_rows[rows] if scores.cue_rows is not None and scores.texts is not None else None
        cue_scores = self._cue_scores_of(scores, rows) if chosen else None
        explained = dict(zip(chosen, self.bias.explain_many(texts, lexicon_rows, TOP_FEATURES, scores.blocks_of(rows), cue_rows, cue_scores))) if chosen else {}
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


class HeadsTogether:
    """The heads scored in one pass over the words, where they allow it: two classes each,
    and each head's word table in ``JointGrams`` (no character table).

    One dictionary look-up per word (``WordCache``: the word's id in the word tables and,
    sharing the bias head's cue-word cache, its cue-word logit), one sort of all heads'
    word n-grams (``JointGrams.weigh``) and one sum for all heads' word blocks; the dense
    blocks are each head's own (``LinearHead.add_dense``). The numbers are those of
    ``LinearHead.scores``, operation for operation.
    """

    def __init__(self, heads: Sequence[LinearHead], joint: JointGrams):
        self.heads = list(heads)
        self.joint = joint
        bias = self.heads[0]
        self.words = bias.cue_words.cache if bias.cue_words is not None else WordCache()
        self.words.add(joint.word_rows)
        if bias.cue_words is not None:
            self.words.add(_quoted_words)
        # each head's word coefficients (and block weight) at its table's joint columns
        self.coef = np.zeros(len(self.heads) * joint.base)
        weights = np.ones(len(self.heads) * joint.base)
        for j, head in enumerate(self.heads):
            at, size, offset = j * joint.base, len(head.word.vocabulary), head.block_offset("word")
            self.coef[at : at + size] = head.coef[0, offset : offset + size]
            weights[at : at + size] = head.word_weight
        self.weights = None if all(head.word_weight == 1.0 for head in self.heads) else weights
        self.intercept = np.array([head.intercept[0] for head in self.heads])
        self.calibration_a = np.array([np.asarray(head.calibration_a, dtype=np.float64)[0] for head in self.heads])
        self.calibration_b = np.array([np.asarray(head.calibration_b, dtype=np.float64)[0] for head in self.heads])
        self.positive_first = [j for j, head in enumerate(self.heads) if head.positive_index == [0]]

    @classmethod
    def of(cls, heads: Sequence[LinearHead], joint: Optional[JointGrams]) -> Optional["HeadsTogether"]:
        """The heads together, or None where they do not allow it."""
        if joint is None or not joint.by_id or not joint.weighs_alike() or len(joint.tables) != len(heads):
            return None
        if any(table is not head.word or len(head.classes) != 2 or head.char is not None for table, head in zip(joint.tables, heads)):
            return None
        return cls(heads, joint)

    def scores(self, texts: Prepared, lexicon_rows: Sequence[Optional[np.ndarray]]) -> "JointScores":
        """The heads' scores of ``texts``, given each head's lexicon features."""
        lengths = [len(t) for t in texts.tokens]
        slots = self.words.slots(texts.flat)
        segments, columns, values = self.joint.weigh(self.words.columns[self.joint.column][slots], lengths)
        if self.weights is not None:
            values = values * self.weights[columns]
        n, heads = len(texts), len(self.heads)
        decisions = np.bincount(segments, weights=self.coef[columns] * values, minlength=n * heads).reshape(n, heads) + self.intercept
        first = self.heads[0]
        cue_rows = cue_scores = None
        if first.cue_words is not None:
            cue_scores = first.cue_words.scores_of_slots(slots)
            cue_rows = first.cue_words.rows_of_scores(*cue_scores, lengths, separated=True)
        for j, head in enumerate(self.heads):
            head.add_dense(decisions[:, j : j + 1], texts, lexicon_rows[j], cue_rows if j == 0 else None)
        # LinearHead.calibrate, in place: 1 / (1 + exp(a * d + b)), then 1 - p where the first class is positive
        p = self.calibration_a * decisions
        p += self.calibration_b
        np.exp(p, out=p)
        p += 1.0
        np.divide(1.0, p, out=p)
        for j in self.positive_first:
            np.subtract(1.0, p[:, j], out=p[:, j])
        return JointScores(p, [("word", segments, columns, values)], cue_rows, cue_scores, (slots, self.words.generation))


class JointScores(NamedTuple):
    """What ``HeadsTogether.scores`` gives."""

    #: each head's probability of its positive label: one row per text, one column per head
    probabilities: np.ndarray
    #: the first head's ``sparse_blocks``, its rows strided by the number of heads (see
    #: ``SentenceScores.bias_stride``)
    blocks: list
    #: the first head's ``cue_rows`` and its cue-word scores of the words (see
    #: ``SentenceScores.cue_scores``); None without cue words
    cue_rows: Optional[np.ndarray]
    cue_scores: Optional[tuple[list[float], list[float]]]
    #: the words' slots in ``HeadsTogether.words``, and its generation
    word_slots: tuple[np.ndarray, int]


def _quoted_words(words: list[str]) -> dict[str, np.ndarray]:
    """Each word as explanations name it (``quoted``), as the ``WordCache`` column ``"quoted"``."""
    out = np.empty(len(words), dtype=object)
    out[:] = [quoted(w) for w in words]
    return {"quoted": out}


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
