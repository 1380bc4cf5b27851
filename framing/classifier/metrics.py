"""Metrics of a head's probabilities against true labels, and their plain-text table.

Class predictions take the most probable class (for two classes: probability at least
0.5). Positive-vs-rest figures use the summed probability of the positive labels, as
the report's sentence ``score`` does. Calibration compares mean predicted probability
with the observed positive rate in ten equal-width bins.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from sklearn.metrics import brier_score_loss, confusion_matrix, f1_score, precision_recall_curve, precision_recall_fscore_support, roc_auc_score

BINS = 10


def evaluate_proba(labels: Sequence[str], classes: Sequence[str], proba: np.ndarray, positive: Sequence[str], threshold: float = 0.5) -> dict[str, Any]:
    """Macro-F1, ROC-AUC, per-class figures, confusion matrix and calibration (JSON-ready)."""
    classes = list(classes)
    y = np.asarray(labels, dtype=object)
    predicted = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
    pos_index = [classes.index(c) for c in positive]
    score = proba[:, pos_index].sum(axis=1)
    is_positive = np.isin(y, list(positive))
    precision, recall, f1, support = precision_recall_fscore_support(y, predicted, labels=classes, zero_division=0)
    out: dict[str, Any] = {
        "rows": int(len(y)),
        "classes": classes,
        "positive": list(positive),
        "accuracy": _r(np.mean(predicted == y)),
        "macro_f1": _r(f1_score(y, predicted, labels=classes, average="macro", zero_division=0)),
        "per_class": {
            c: {"precision": _r(p), "recall": _r(r), "f1": _r(f), "support": int(s)} for c, p, r, f, s in zip(classes, precision, recall, f1, support)
        },
        "confusion_matrix": confusion_matrix(y, predicted, labels=classes).tolist(),
        "positive_vs_rest": {
            "threshold": threshold,
            "f1": _r(f1_score(is_positive, score >= threshold, zero_division=0)),
            "roc_auc": _r(roc_auc_score(is_positive, score)) if 0 < is_positive.sum() < len(y) else None,
            "brier": _r(brier_score_loss(is_positive, score)),
        },
        "calibration": calibration_table(is_positive, score),
    }
    if len(classes) > 2 and all(support):
        out["roc_auc_ovr_macro"] = _r(roc_auc_score(y, proba, labels=classes, multi_class="ovr", average="macro"))
    return out


def calibration_table(truth: np.ndarray, score: np.ndarray, bins: int = BINS) -> dict[str, Any]:
    """Reliability bins of the positive score and the expected calibration error."""
    which = np.minimum((score * bins).astype(int), bins - 1)
    rows, ece = [], 0.0
    for b in range(bins):
        mask = which == b
        if not mask.any():
            continue
        predicted, observed = float(score[mask].mean()), float(truth[mask].mean())
        ece += mask.sum() / len(score) * abs(predicted - observed)
        rows.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "rows": int(mask.sum()), "mean_predicted": _r(predicted), "observed": _r(observed)})
    return {"bins": rows, "ece": _r(ece)}


def format_metrics(m: dict[str, Any], title: str) -> str:
    """The metrics as a plain-text block for the terminal."""
    pvr = m["positive_vs_rest"]
    lines = [
        title,
        f"  rows {m['rows']}, accuracy {m['accuracy']}, macro-F1 {m['macro_f1']}"
        + (f", ROC-AUC (one-vs-rest, macro) {m['roc_auc_ovr_macro']}" if "roc_auc_ovr_macro" in m else ""),
        f"  positive ({', '.join(m['positive'])}) vs rest: F1 {pvr['f1']} at {pvr['threshold']}, ROC-AUC {pvr['roc_auc']}, Brier {pvr['brier']}",
        "  per class:",
    ]
    width = max(len(c) for c in m["classes"])
    for c, row in m["per_class"].items():
        lines.append(f"    {c:<{width}}  precision {row['precision']:.3f}  recall {row['recall']:.3f}  F1 {row['f1']:.3f}  n {row['support']}")
    lines.append("  confusion matrix (rows: true label, columns: predicted):")
    cells = [[str(v) for v in row] for row in m["confusion_matrix"]]
    cell = max([len(c) for c in m["classes"]] + [len(v) for row in cells for v in row])
    lines.append("    " + " " * width + "  " + "  ".join(f"{c:>{cell}}" for c in m["classes"]))
    for c, row in zip(m["classes"], cells):
        lines.append(f"    {c:<{width}}  " + "  ".join(f"{v:>{cell}}" for v in row))
    lines.append(f"  calibration of the positive score (expected calibration error {m['calibration']['ece']}):")
    for b in m["calibration"]["bins"]:
        lines.append(f"    {b['bin']}  rows {b['rows']:>6}  predicted {b['mean_predicted']:.3f}  observed {b['observed']:.3f}")
    return "\n".join(lines) + "\n"


def _r(value) -> float:
    return round(float(value), 4)


def f1_threshold(truth: np.ndarray, score: np.ndarray) -> float:
    """The score threshold that maximises F1 of the positive label on ``(truth, score)``.

    Meant for out-of-fold scores of the training data, so the threshold is chosen without
    touching held-out data.

    >>> f1_threshold(np.array([0, 0, 1, 1, 1]), np.array([0.1, 0.35, 0.3, 0.6, 0.9]))
    0.3
    """
    precision, recall, thresholds = precision_recall_curve(truth, score)
    f1 = 2 * precision[:-1] * recall[:-1] / np.clip(precision[:-1] + recall[:-1], 1e-12, None)
    return round(float(thresholds[int(np.argmax(f1))]), 4)
