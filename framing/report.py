"""The report: everything framing found in one article, and its JSON form.

``Report.to_dict()`` follows the ``framing.report/1`` contract: fields may be added, never
renamed or removed without a new schema version.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from .alignment import InputIndex
from .model import Article, Finding, Source

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

SCHEMA = "framing.report/1"
DISCLAIMER = (
    "framing flags language for discussion; it does not rule an article biased or true. "
    "Counts are per 1,000 words of title and body text; site chrome is left out."
)


@dataclass(frozen=True)
class Report:
    """An analysed article: the article, its findings and sources, and the scores."""

    article: Article
    findings: tuple[Finding, ...]
    sources: tuple[Source, ...]
    scores: dict[str, Any]
    framing_version: str
    lexicon_version: str
    lexicon_sha256: str
    sentence_scores: tuple[Optional[float], ...] = ()
    sentence_hedge_scores: tuple[Optional[float], ...] = ()
    warnings: tuple[str, ...] = field(default=())
    norms: Optional[dict[str, Any]] = None  # where the article stands against reference norms (framing.norms)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data (schema ``framing.report/1``)."""
        a = self.article
        n = len(a.sentences)
        scores = list(self.sentence_scores) or [None] * n
        hedges = list(self.sentence_hedge_scores) or [None] * n
        index = InputIndex(a.input_map)
        return {
            "schema": SCHEMA,
            "framing_version": self.framing_version,
            "lexicon_version": self.lexicon_version,
            "lexicon_sha256": self.lexicon_sha256,
            "article": {
                "path": a.meta.path,
                "title": a.meta.title,
                "byline": a.meta.byline,
                "date": a.meta.date,
                "outlet": a.meta.outlet,
                "url": a.meta.url,
                "words": self.scores.get("words", 0),
            },
            "text": a.text,
            "paragraphs": [{"start": p.start, "end": p.end, "role": p.role, "block": p.block} for p in a.paragraphs],
            "sentences": [
                {"start": s.start, "end": s.end, "paragraph": s.paragraph, "score": scores[i], "hedge_score": hedges[i]}
                for i, s in enumerate(a.sentences)
            ],
            "links": [{"start": l.start, "end": l.end, "url": l.url} for l in a.links],
            "quotes": [{"start": q.start, "end": q.end, "block": q.block} for q in a.quotes],
            "findings": [_finding_dict(f, index) for f in self.findings],
            "sources": [_source_dict(s, index) for s in self.sources],
            "scores": self.scores,
            "warnings": list(self.warnings),
            "note": DISCLAIMER,
            **({"norms": self.norms} if self.norms is not None else {}),
        }

    def to_json(self, indent: Optional[int] = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, colour: bool = False) -> str:
        from .render.text import render_text

        return render_text(self, colour=colour)

    def to_markdown(self) -> str:
        from .render.markdown import render_markdown

        return render_markdown(self)

    def to_html(self, page: bool = True) -> str:
        """A self-contained HTML page (``page=False``: the fragment Jupyter shows)."""
        from .render.html import render_html

        return render_html(self, page=page)

    def _repr_html_(self) -> str:
        return self.to_html(page=False)

    def findings_frame(self) -> "pd.DataFrame":
        """The findings as a pandas DataFrame, one row each, with the sentence text."""
        from .frames import findings_frame

        return findings_frame(self)

    def sources_frame(self) -> "pd.DataFrame":
        """The source ledger as a pandas DataFrame, one row each, with the sentence text."""
        from .frames import sources_frame

        return sources_frame(self)

    def to_displacy(self, categories: bool = False) -> dict[str, Any]:
        """spaCy's manual format ``{"text", "ents", "title"}``; labels are kinds (or ``kind:category``)."""
        from .frames import displacy_data

        return displacy_data(self, categories=categories)

    def plot_kinds(self, ax: "Optional[Axes]" = None) -> "Axes":
        """Findings per 1,000 words by kind (see ``framing.plots``)."""
        from .plots import plot_kinds

        return plot_kinds(self, ax=ax)

    def plot_positions(self, ax: "Optional[Axes]" = None) -> "Axes":
        """Where findings stand along the article (see ``framing.plots``)."""
        from .plots import plot_positions

        return plot_positions(self, ax=ax)

    def plot_source_types(self, ax: "Optional[Axes]" = None) -> "Axes":
        """Attributions by source type (see ``framing.plots``)."""
        from .plots import plot_source_types

        return plot_source_types(self, ax=ax)


def _finding_dict(f: Finding, index: Optional[InputIndex] = None) -> dict[str, Any]:
    input_start, input_end = index.span(f.start, f.end) if index else (None, None)
    return {
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "kind": f.kind,
        "category": f.category,
        "weight": f.weight,
        "reason": f.reason,
        "source": f.source,
        "voice": f.voice,
        "sentence": f.sentence,
        "alternative": f.alternative,
        "negated": f.negated,
        "scare_quoted": f.scare_quoted,
        "input_start": input_start,
        "input_end": input_end,
    }


def _source_dict(s: Source, index: Optional[InputIndex] = None) -> dict[str, Any]:
    input_start, input_end = index.span(s.start, s.end) if index else (None, None)
    return {
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "name": s.name,
        "type": s.type,
        "quoted": s.quoted,
        "verb": s.verb,
        "stance": s.stance,
        "role": s.role,
        "quote_start": s.quote_start,
        "quote_end": s.quote_end,
        "sentence": s.sentence,
        "affiliation": s.affiliation,
        "hedge": s.hedge,
        "anonymity_reason": s.anonymity_reason,
        "mention": s.mention,
        "verb_start": s.verb_start,
        "verb_end": s.verb_end,
        "url": s.url,
        "side": s.side,
        "input_start": input_start,
        "input_end": input_end,
    }
