"""Reference distributions ("norms") of every metric, and where one article stands against them.

A norms file (schema ``framing.norms/1``) holds aggregate numbers only: for every metric of
``framing.rate_metrics``, the number of articles, mean, standard deviation and the
percentiles 0, 1, ..., 100 (Hazen's definition: the k-th smallest of n values sits at
percentile 100 (k - 0.5) / n, linear in between), plus the corpus name, article count,
versions and build command.

An article's percentile is read back off that curve, so for a value found in the reference
corpus it is the mid-rank: the share of articles below it plus half the share equal to it
(to within one grid step of a point); its z-score is ``(value - mean) / sd``.

>>> norms = build_norms([{"values": {"loaded": float(v)}} for v in range(101)], corpus="toy")
>>> standing(norms["metrics"]["loaded"], 50.0)
{'value': 50.0, 'percentile': 50.0, 'z': 0.0}
"""
from __future__ import annotations

import json
import math
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional

import numpy as np

from .rate_metrics import article_values, is_sparse, unit_of

if TYPE_CHECKING:
    from .report import Report

SCHEMA = "framing.norms/1"
GRID = tuple(range(101))
DEFAULT_NAMES = ("default", "bbc")
DEFAULT_FILE = "bbc.json"


class NormsError(ValueError):
    """A norms file that cannot be used: missing, not JSON, or of another schema."""


def build_norms(records: Iterable[dict[str, Any]], corpus: str, **about: Any) -> dict[str, Any]:
    """Norms from per-article records (``{"values": {metric: value}}``, as ``framing.corpus_stats``)."""
    rows = [r["values"] for r in records]
    if not rows:
        raise NormsError("no article could be scored: norms need at least one")
    names = sorted({k for row in rows for k in row})
    metrics: dict[str, Any] = {}
    for name in names:
        vals = [row.get(name, 0.0 if is_sparse(name) else None) for row in rows]
        arr = np.array([v for v in vals if v is not None], dtype=float)
        if not arr.size:
            continue
        metrics[name] = {
            "unit": unit_of(name),
            "n": int(arr.size),
            "mean": _r(arr.mean()),
            "sd": _r(arr.std(ddof=1)) if arr.size > 1 else None,
            "percentiles": [_r(q) for q in np.percentile(arr, GRID, method="hazen")],
        }
    return {
        "schema": SCHEMA,
        "corpus": corpus,
        "label": about.pop("label", None) or corpus,
        "articles": len(rows),
        **about,
        "percentiles": "0..100 in steps of 1; the k-th smallest of n values at 100 (k - 0.5) / n, linear in between (Hazen; numpy method hazen)",
        "metrics": metrics,
    }


def _r(x: float) -> float:
    return round(float(x), 4)


def standing(metric: dict[str, Any], value: float) -> dict[str, Optional[float]]:
    """The value, its mid-rank percentile (0-100) and its z-score against one metric's norms."""
    q = metric["percentiles"]
    if value < q[0]:
        pct = 0.0
    elif value > q[-1]:
        pct = 100.0
    else:
        equal = [i for i, v in enumerate(q) if v == value]
        if equal:
            pct = (equal[0] + equal[-1]) / 2
        else:
            i = max(j for j, v in enumerate(q) if v < value)
            pct = i + (value - q[i]) / (q[i + 1] - q[i])
    sd = metric.get("sd")
    z = round((value - metric["mean"]) / sd, 2) if sd else None
    return {"value": value, "percentile": round(pct * 100 / (len(q) - 1), 1), "z": z}


def compare_report(report: dict[str, Any], norms: dict[str, Any], source: str = "") -> dict[str, Any]:
    """The ``norms`` section of one report (its JSON form): every metric's value, percentile and z-score."""
    values = article_values(report)
    metrics = {}
    for name, metric in norms["metrics"].items():
        value = values.get(name, 0.0 if is_sparse(name) and values.get(name.split("/")[0]) is not None else None)
        if value is not None:
            metrics[name] = standing(metric, value)
    return {
        "file": source,
        "corpus": norms["corpus"],
        "label": norms.get("label") or norms["corpus"],
        "articles": norms["articles"],
        "lexicon_version": norms.get("lexicon_version"),
        "lexicon_sha256": norms.get("lexicon_sha256"),
        "same_lexicon": norms.get("lexicon_sha256") == report.get("lexicon_sha256"),
        "method": "percentile: mid-rank against the norms' percentiles 0..100; z: (value - mean) / sd",
        "metrics": metrics,
    }


def with_norms(report: "Report", norms: dict[str, Any], source: str = "") -> "Report":
    """A copy of ``report`` that carries its ``norms`` section."""
    return replace(report, norms=compare_report(report.to_dict(), norms, source))


def load_norms(spec: str) -> dict[str, Any]:
    """A norms file by path, or the shipped BBC News norms for ``default`` (or ``bbc``); checked."""
    try:
        if spec in DEFAULT_NAMES and not Path(spec).exists():
            text = resources.files("framing.norms_data").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")
        else:
            text = Path(spec).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as e:
        raise NormsError(f"{spec}: cannot read norms file ({getattr(e, 'strerror', None) or e})") from None
    except ValueError as e:
        raise NormsError(f"{spec}: not a norms file (invalid JSON: {e})") from None
    check_norms(data, spec)
    return data


def check_norms(data: Any, where: str) -> None:
    """Raise ``NormsError`` unless ``data`` is a norms file this version of framing can read."""
    if not isinstance(data, dict) or "schema" not in data:
        raise NormsError(f"{where}: not a norms file (no schema field); build one with `framing norms build`")
    if data["schema"] != SCHEMA:
        raise NormsError(f"{where}: norms schema {data['schema']!r} is not {SCHEMA!r}; rebuild with `framing norms build`")
    metrics = data.get("metrics")
    if not isinstance(metrics, dict) or not isinstance(data.get("articles"), int) or not isinstance(data.get("corpus"), str):
        raise NormsError(f"{where}: malformed norms file (needs corpus, articles and metrics)")
    for name, m in metrics.items():
        q = m.get("percentiles") if isinstance(m, dict) else None
        ok = (
            isinstance(q, list) and len(q) == len(GRID) and all(_finite(v) for v in q)
            and all(a <= b for a, b in zip(q, q[1:])) and _finite(m.get("mean"))
            and (m.get("sd") is None or _finite(m["sd"]))
        )
        if not ok:
            raise NormsError(f"{where}: malformed norms for metric {name!r} (needs mean, sd and 101 ascending percentiles)")


def _finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
