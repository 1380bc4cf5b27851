"""Pieces shared by the renderers."""
from __future__ import annotations

from typing import Any, Optional

from ..model import KINDS
from ..report import Report

KIND_LABELS = {
    "loaded": "Loaded terms",
    "hedge": "Hedges",
    "weasel": "Weasel words (vague attribution)",
    "booster": "Boosters (certainty markers)",
    "scare_quote": "Scare quotes",
    "attribution_verb": "Reporting verbs",
    "self_citation": "Self-citation",
}

#: One line per kind: what a finding of that kind tells the reader.
KIND_DESCRIPTIONS = {
    "loaded": "charged, emotive, delegitimising or euphemistic words",
    "hedge": "claims softened or held at a distance",
    "weasel": "claims given to unnamed groups",
    "booster": "opinion presented as settled fact",
    "scare_quote": "words put in doubt without saying who used them",
    "attribution_verb": "the stance a reporting verb carries",
    "self_citation": "the writer citing themselves as support",
}

#: Colours per kind (Okabe-Ito, safe for colour-blind readers), shared by the HTML and the plots.
KIND_COLOURS = {
    "loaded": "#D55E00",
    "hedge": "#E69F00",
    "weasel": "#CC79A7",
    "booster": "#0072B2",
    "scare_quote": "#009E73",
    "attribution_verb": "#56B4E9",
    "self_citation": "#666666",
}

#: Words below which the readability formulas are unreliable (the header says so).
SHORT_TEXT = 100


def header_lines(report: Report) -> list[tuple[str, str]]:
    """(label, value) pairs for the report header."""
    meta = report.article.meta
    read = report.scores.get("readability", {}) or {}
    grade = read.get("flesch_kincaid_grade")
    rows = [
        ("Title", meta.title or "(none found)"),
        ("Outlet", meta.outlet or "?"),
        ("By", meta.byline or "?"),
        ("Date", meta.date or "?"),
        ("Words", f"{report.scores.get('words', 0)} (title and body)"),
    ]
    if grade is not None:
        caveat = f" (under {SHORT_TEXT} words: read with care)" if report.scores.get("words", 0) < SHORT_TEXT else ""
        rows.append(("Reading level", f"Flesch-Kincaid grade {grade}, Flesch ease {read.get('flesch_reading_ease')}{caveat}"))
    chrome = sum(p.role in ("boilerplate", "bio", "metadata", "byline") for p in report.article.paragraphs)
    rows.append(("Set apart", f"{chrome} paragraph(s) of byline, metadata and site chrome (not scored)"))
    if meta.path:
        rows.insert(0, ("File", meta.path))
    return rows


def kind_rows(report: Report) -> list[tuple[str, int, float, int, int]]:
    """(kind, total, rate per 1,000 words, author, quoted) for every kind."""
    counts = report.scores["counts"]
    rates = report.scores["rates_per_1000_words"]
    return [(k, counts[k]["total"], rates[k]["total"], counts[k]["author"], counts[k]["quoted"]) for k in KINDS]


#: Features named per top sentence in the classifier summary.
SHOWN_FEATURES = 4


def classifier_summary(report: Report) -> Optional[dict[str, Any]]:
    """The report's classifier summary (``scores["classifier"]``), or None without a model."""
    summary = report.scores.get("classifier")
    return summary if isinstance(summary, dict) else None


def feature_label(name: str) -> str:
    """A readable name for an explaining feature: words stay quoted, lexicon features lose
    their prefix and underscores (``lexicon:loaded/sensational_verb`` -> ``loaded/sensational verb (lexicon)``)."""
    if name.startswith("lexicon:"):
        return name[len("lexicon:") :].replace("_", " ").replace(":", " ") + " (lexicon)"
    return name.replace("_", " ")


def top_features(entry: dict[str, Any], n: int = SHOWN_FEATURES) -> list[tuple[str, float]]:
    """The ``n`` features that raise a top sentence's score most: (label, log-odds), positive only."""
    out = [(feature_label(e["feature"]), e["contribution"]) for e in entry.get("explanation") or () if e.get("contribution", 0) > 0]
    return out[:n]


def classifier_headline(summary: dict[str, Any]) -> str:
    """One line: mean score and the share of sentences at or above the threshold, for both heads."""
    threshold = summary.get("threshold", 0.5)
    parts = []
    if summary.get("mean") is not None:
        parts.append(
            f"loaded or one-sided: mean {summary['mean']:.2f}, {summary['share_above_threshold']:.0%} of "
            f"{summary.get('sentences', 0)} title and body sentences at or above {threshold:.2f}"
        )
    if summary.get("hedge_mean") is not None:
        hedge_threshold = summary.get("hedge_threshold") or threshold
        parts.append(f"hedged: mean {summary['hedge_mean']:.2f}, {summary['hedge_share_above_threshold']:.0%} at or above {hedge_threshold:.2f}")
    return "; ".join(parts) or "no title or body sentences to score"


def norms_label(report: Report) -> str | None:
    """The column heading for percentiles against reference norms ("percentile vs BBC"), or None."""
    return f"percentile vs {report.norms.get('label') or report.norms.get('corpus')}" if report.norms else None


def norms_percentile(report: Report, metric: str) -> str:
    """The article's percentile for ``metric`` against the norms it was scored with ("" without)."""
    m = ((report.norms or {}).get("metrics") or {}).get(metric)
    return f"{m['percentile']:.0f}" if m and m.get("percentile") is not None else ""
