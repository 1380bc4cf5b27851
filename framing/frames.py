"""A report's findings and sources as pandas DataFrames, one row each.

The columns are the dataclass fields in order, then ``paragraph_role`` and
``sentence_text`` (the sentence the span stands in, for reading rows on their own).
"""
from __future__ import annotations

from dataclasses import astuple, fields
from typing import TYPE_CHECKING, Optional

from .model import Finding, Source

if TYPE_CHECKING:
    import pandas as pd

    from .report import Report

EXTRA_COLUMNS = ("paragraph_role", "sentence_text")


def _context(report: "Report", sentence: Optional[int]) -> tuple[Optional[str], Optional[str]]:
    article = report.article
    if sentence is None or not 0 <= sentence < len(article.sentences):
        return None, None
    s = article.sentences[sentence]
    return article.paragraphs[s.paragraph].role, article.text[s.start : s.end]


def _frame(report: "Report", items: tuple, cls: type) -> "pd.DataFrame":
    import pandas as pd

    columns = [f.name for f in fields(cls)] + list(EXTRA_COLUMNS)
    rows = [astuple(item) + _context(report, item.sentence) for item in items]
    return pd.DataFrame(rows, columns=columns)


def findings_frame(report: "Report") -> "pd.DataFrame":
    """One row per finding: every ``Finding`` field plus its paragraph role and sentence text.

    >>> import framing
    >>> df = framing.score("Critics slammed the so-called reform.").findings_frame()
    >>> list(df.columns[:4]), "sentence_text" in df.columns
    (['start', 'end', 'text', 'kind'], True)
    """
    return _frame(report, report.findings, Finding)


def sources_frame(report: "Report") -> "pd.DataFrame":
    """One row per attribution: every ``Source`` field plus its paragraph role and sentence text."""
    return _frame(report, report.sources, Source)


def displacy_data(report: "Report", categories: bool = False) -> dict:
    """The report in spaCy's manual format for ``displacy.render(..., style="ent", manual=True)``.

    Labels are the kind (``"loaded"``), or ``"kind:category"`` when ``categories`` is true.
    displaCy's entity style cannot draw overlaps: where findings overlap, it
    repeats the overlapping text. The HTML report (``to_html``) shows overlaps.
    """
    meta = report.article.meta
    ents = [
        {"start": f.start, "end": f.end, "label": f"{f.kind}:{f.category}" if categories else f.kind}
        for f in sorted(report.findings, key=lambda f: (f.start, -f.end))
    ]
    return {"text": report.article.text, "ents": ents, "title": meta.title or meta.path}
