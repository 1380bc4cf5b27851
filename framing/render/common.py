"""Pieces shared by the renderers."""
from __future__ import annotations

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
        rows.append(("Reading level", f"Flesch-Kincaid grade {grade}, Flesch ease {read.get('flesch_reading_ease')}"))
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
