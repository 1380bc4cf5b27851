"""Words and phrases that tell two groups of articles apart: "Fightin' Words".

The log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and Quinn (2008),
"Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the Content of
Political Conflict", *Political Analysis* 16(4), 372-403.

For an n-gram ``w`` with counts ``y_a``, ``y_b`` in groups of ``n_a``, ``n_b`` n-grams, and a
prior ``alpha_w = alpha_0 * (y_a + y_b) / (n_a + n_b)`` (the pooled frequency of both groups,
spread over ``alpha_0`` pseudo-counts)::

    delta = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
          - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
    var   = 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z     = delta / sqrt(var)

A positive z favours group A. Each n-gram order (words, two-word phrases) is a separate
vocabulary with its own totals.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping

import numpy as np

DEFAULT_PRIOR = 1000.0


@dataclass(frozen=True)
class Keyness:
    """One n-gram's standing between two groups."""

    ngram: str
    order: int
    count_a: int
    count_b: int
    per_1000_a: float  # per 1,000 n-grams of the same order
    per_1000_b: float
    log_odds: float  # delta: log-odds ratio A vs B with the prior
    se: float
    z: float

    def to_dict(self) -> dict[str, object]:
        return {
            "ngram": self.ngram, "order": self.order, "count_a": self.count_a, "count_b": self.count_b,
            "per_1000_a": self.per_1000_a, "per_1000_b": self.per_1000_b,
            "log_odds": self.log_odds, "se": self.se, "z": self.z,
        }


def fightin_words(counts_a: Mapping[str, int], counts_b: Mapping[str, int], alpha_0: float = DEFAULT_PRIOR,
                  order: int = 1) -> list[Keyness]:
    """Every n-gram of either group with its prior-smoothed log-odds ratio and z-score, highest z first.

    >>> rows = fightin_words({"fire": 8, "said": 2}, {"fire": 2, "said": 8}, alpha_0=10)
    >>> [r.ngram for r in rows], rows[0].z == -rows[1].z
    (['fire', 'said'], True)
    """
    vocab = sorted(set(counts_a) | set(counts_b))
    if not vocab:
        return []
    ya = np.array([counts_a.get(w, 0) for w in vocab], dtype=float)
    yb = np.array([counts_b.get(w, 0) for w in vocab], dtype=float)
    na, nb = ya.sum(), yb.sum()
    alpha = alpha_0 * (ya + yb) / (na + nb)
    delta = np.log((ya + alpha) / (na + alpha_0 - ya - alpha)) - np.log((yb + alpha) / (nb + alpha_0 - yb - alpha))
    se = np.sqrt(1 / (ya + alpha) + 1 / (yb + alpha))
    z = delta / se
    rows = [
        Keyness(w, order, int(a), int(b), _per(a, na), _per(b, nb), round(float(d), 4), round(float(s), 4), round(float(zz), 3))
        for w, a, b, d, s, zz in zip(vocab, ya, yb, delta, se, z)
    ]
    return sorted(rows, key=lambda r: (-r.z, r.ngram))


def _per(count: float, total: float) -> float:
    return round(1000 * count / total, 3) if total else 0.0


def distinguishing_ngrams(ngrams_a: Mapping[int, Counter], ngrams_b: Mapping[int, Counter], alpha_0: float = DEFAULT_PRIOR,
                          min_count: int = 3) -> list[Keyness]:
    """Fightin' Words for every n-gram order both groups have, n-grams seen fewer than ``min_count`` times left out."""
    rows: list[Keyness] = []
    for order in sorted(set(ngrams_a) | set(ngrams_b)):
        for r in fightin_words(ngrams_a.get(order, Counter()), ngrams_b.get(order, Counter()), alpha_0, order):
            if r.count_a + r.count_b >= min_count:
                rows.append(r)
    return sorted(rows, key=lambda r: (-r.z, r.order, r.ngram))


def top_each_side(rows: list[Keyness], k: int) -> tuple[list[Keyness], list[Keyness]]:
    """The ``k`` n-grams that most favour A (z > 0, highest first) and B (z < 0, lowest first)."""
    a = [r for r in rows if r.z > 0][:k]
    b = sorted((r for r in rows if r.z < 0), key=lambda r: (r.z, r.ngram))[:k]
    return a, b

