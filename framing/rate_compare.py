"""Rates per 1,000 words of two groups of articles, with bootstrap confidence intervals.

A group's rate is pooled: all its findings of a kind over all its scored words, times 1,000
(long articles weigh more than short ones, as in a corpus-level rate). The intervals come
from a percentile bootstrap over articles: each of ``resamples`` rounds draws the articles
of each group with replacement and recomputes both pooled rates, their difference and their
ratio. Resampling whole articles keeps the clustering of findings within an article, which a
Poisson interval on word counts would ignore. The seed is fixed, so a run repeats exactly.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

import numpy as np

from .model import KINDS

DEFAULT_RESAMPLES = 2000
DEFAULT_SEED = 8


@dataclass(frozen=True)
class RateComparison:
    """One metric in both groups: pooled rates, their difference and ratio, with intervals."""

    metric: str
    count_a: int
    count_b: int
    rate_a: float
    rate_b: float
    ci_a: tuple[float, float]
    ci_b: tuple[float, float]
    difference: float  # rate_a - rate_b
    ci_difference: tuple[float, float]
    ratio: Optional[float]  # rate_a / rate_b, None when group B has none
    ci_ratio: Optional[tuple[float, float]]  # None when some resample of B has none

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric, "count_a": self.count_a, "count_b": self.count_b,
            "rate_a": self.rate_a, "rate_a_low": self.ci_a[0], "rate_a_high": self.ci_a[1],
            "rate_b": self.rate_b, "rate_b_low": self.ci_b[0], "rate_b_high": self.ci_b[1],
            "difference": self.difference, "difference_low": self.ci_difference[0], "difference_high": self.ci_difference[1],
            "ratio": self.ratio,
            "ratio_low": self.ci_ratio[0] if self.ci_ratio else None,
            "ratio_high": self.ci_ratio[1] if self.ci_ratio else None,
        }


def metric_names(records_a: Sequence[dict[str, Any]], records_b: Sequence[dict[str, Any]]) -> list[str]:
    """Every count-based metric of either group: kinds in report order, then the rest sorted."""
    seen = {k for r in (*records_a, *records_b) for k in r["counts"]}
    first = [m for kind in KINDS for m in (kind, f"{kind}.author", f"{kind}.quoted") if m in seen]
    return first + sorted(seen - set(first))


def _matrix(records: Sequence[dict[str, Any]], metrics: list[str]) -> tuple[np.ndarray, np.ndarray]:
    counts = np.array([[r["counts"].get(m, 0) for m in metrics] for r in records], dtype=float).reshape(len(records), len(metrics))
    words = np.array([r["words"] for r in records], dtype=float)
    return counts, words


def _boot_rates(counts: np.ndarray, words: np.ndarray, resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Pooled rates of ``resamples`` bootstrap samples of the articles: shape (resamples, metrics)."""
    n = len(words)
    weights = rng.multinomial(n, np.full(n, 1 / n), size=resamples).astype(float)  # times each article is drawn
    total_words = weights @ words
    with np.errstate(divide="ignore", invalid="ignore"):
        return 1000 * (weights @ counts) / total_words[:, None]


def compare_rates(records_a: Sequence[dict[str, Any]], records_b: Sequence[dict[str, Any]], level: float = 0.95,
                  resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED) -> list[RateComparison]:
    """Every metric's pooled rate per 1,000 words in A and B, with percentile-bootstrap intervals at ``level``."""
    if not records_a or not records_b:
        raise ValueError("each group needs at least one scored article")
    metrics = metric_names(records_a, records_b)
    ca, wa = _matrix(records_a, metrics)
    cb, wb = _matrix(records_b, metrics)
    rng = np.random.default_rng(seed)
    ba, bb = _boot_rates(ca, wa, resamples, rng), _boot_rates(cb, wb, resamples, rng)
    lo, hi = 100 * (1 - level) / 2, 100 * (1 + level) / 2
    rate_a = 1000 * ca.sum(0) / wa.sum() if wa.sum() else np.zeros(len(metrics))
    rate_b = 1000 * cb.sum(0) / wb.sum() if wb.sum() else np.zeros(len(metrics))
    out = []
    for j, m in enumerate(metrics):
        diff = ba[:, j] - bb[:, j]
        ratio, ci_ratio = None, None
        if rate_b[j] > 0:
            ratio = _r(rate_a[j] / rate_b[j])
            if np.all(bb[:, j] > 0):  # otherwise some resamples have no ratio: no interval
                ci_ratio = _interval(ba[:, j] / bb[:, j], lo, hi)
        out.append(RateComparison(
            m, int(ca[:, j].sum()), int(cb[:, j].sum()), _r(rate_a[j]), _r(rate_b[j]),
            _interval(ba[:, j], lo, hi), _interval(bb[:, j], lo, hi),
            _r(rate_a[j] - rate_b[j]), _interval(diff, lo, hi), ratio, ci_ratio,
        ))
    return out


def _interval(samples: np.ndarray, lo: float, hi: float) -> tuple[float, float]:
    finite = samples[np.isfinite(samples)]
    if not finite.size:
        return (float("nan"), float("nan"))
    a, b = np.percentile(finite, [lo, hi])
    return (_r(a), _r(b))


def _r(x: float) -> float:
    return round(float(x), 3)
