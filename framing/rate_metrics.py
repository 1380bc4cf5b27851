"""The numbers of one report that norms and corpus comparisons work with, under flat names.

Names, with the unit each carries:

- ``loaded``, ``loaded.author``, ``loaded.quoted``: findings of a kind per 1,000 words;
- ``loaded/violence_atrocity``: findings of one category per 1,000 words;
- ``sources``, ``sources.vague``: attributions (of one type) per 1,000 words;
- ``sourcing.share_vague``: a share of the sourcing profile (0 to 1);
- ``readability.flesch_kincaid_grade``: a readability index;
- ``classifier.mean``: the classifier summary, where a model scored the article.

Rates are recomputed from counts and words (four decimals) rather than taken from the
report, whose rates are rounded to two.

>>> report = {"scores": {"words": 500, "counts": {"loaded": {"total": 3, "author": 2, "quoted": 1}},
...           "categories": {"loaded": {"hyperbole": 1}}, "sourcing": {}, "readability": {}}}
>>> words, counts = article_counts(report)
>>> words, counts["loaded"], counts["loaded/hyperbole"]
(500, 3, 1)
>>> article_values(report)["loaded.author"]
4.0
"""
from __future__ import annotations

from typing import Any, Optional

from .model import KINDS, SOURCE_TYPES

PER = 1000
SOURCING_KEYS = ("distinct_named_sources",)


def unit_of(name: str) -> str:
    """What a metric counts: ``per 1,000 words``, ``share``, ``count``, ``index`` or ``probability``."""
    if name.startswith("sourcing."):
        return "count" if name.split(".", 1)[1] in SOURCING_KEYS else "share"
    if name.startswith("readability."):
        return "index"
    if name.startswith("classifier."):
        return "probability"
    return "per 1,000 words"


def is_sparse(name: str) -> bool:
    """Category rates appear only where a category fired: a missing one is a zero."""
    return "/" in name


def article_counts(report: dict[str, Any]) -> tuple[int, dict[str, int]]:
    """Scored words and the counts behind every per-1,000-words metric (categories only where non-zero)."""
    scores = report["scores"]
    counts: dict[str, int] = {}
    for kind in KINDS:
        c = (scores.get("counts") or {}).get(kind) or {}
        counts[kind] = int(c.get("total", 0))
        counts[f"{kind}.author"] = int(c.get("author", 0))
        counts[f"{kind}.quoted"] = int(c.get("quoted", 0))
        for category, n in ((scores.get("categories") or {}).get(kind) or {}).items():
            counts[f"{kind}/{category}"] = int(n)
    prof = scores.get("sourcing") or {}
    counts["sources"] = int(prof.get("attributions") or 0)
    for t in SOURCE_TYPES:
        counts[f"sources.{t}"] = int((prof.get("by_type") or {}).get(t, 0))
    return int(scores.get("words") or 0), counts


def article_values(report: dict[str, Any]) -> dict[str, Optional[float]]:
    """Every metric of one report: rates per 1,000 words, sourcing shares, readability, classifier."""
    words, counts = article_counts(report)
    values: dict[str, Optional[float]] = {k: round(n * PER / words, 4) if words else None for k, n in counts.items()}
    scores = report["scores"]
    prof = scores.get("sourcing") or {}
    for key, value in prof.items():
        if key.startswith("share_") or key in SOURCING_KEYS:
            values[f"sourcing.{key}"] = _number(value)
    for key, value in (scores.get("readability") or {}).items():
        values[f"readability.{key}"] = _number(value)
    clf = scores.get("classifier")
    if isinstance(clf, dict):
        for key in ("mean", "share_above_threshold", "hedge_mean", "hedge_share_above_threshold"):
            if _number(clf.get(key)) is not None:
                values[f"classifier.{key}"] = _number(clf.get(key))
    return values


def _number(value: Any) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
