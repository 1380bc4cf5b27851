"""A worksheet: one or two articles, the exercises chosen, and everything the key needs.

``build_worksheet`` turns reports into a ``Worksheet``; ``write_worksheet`` writes the student
sheet and the answer key as self-contained HTML, and the key as JSON (schema
``framing.classroom.key/1``, read back by ``framing check``).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from .. import __version__
from ..lexicon import Lexicon
from ..report import Report
from ..writers import write_atomic
from .compare import Comparison, article_summary, compare_reports
from .exercises import KeyItem, RewriteItem, Speaker, key_items, rewrite_items, speakers
from .grades import GradeBand, grade_band
from .lines import Line, number_lines
from .notes import RUBRIC

KEY_SCHEMA = "framing.classroom.key/1"
EXERCISES = ("word-detective", "say-it-straight", "same-story")
LABELS = ("A", "B")
FILES = {"sheet": "worksheet.html", "key": "answer_key.html", "json": "answer_key.json"}


@dataclass(frozen=True)
class ArticleSheet:
    """One article of a worksheet, with its numbered lines and key."""

    label: str
    report: Report
    lines: tuple[Line, ...]
    items: tuple[KeyItem, ...]
    speakers: tuple[Speaker, ...]
    rewrites: tuple[RewriteItem, ...]

    def to_dict(self) -> dict[str, Any]:
        text = self.report.article.text
        return {
            "label": self.label,
            **article_summary(self.report),
            "text": text,
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "lines": [[ln.number, ln.start, ln.end] for ln in self.lines],
            "items": [it.to_dict() for it in self.items],
            "speakers": [s.to_dict() for s in self.speakers],
            "rewrites": [r.to_dict() for r in self.rewrites],
        }


@dataclass(frozen=True)
class Worksheet:
    """The exercises for one grade band, on one article (or two, for "same story")."""

    grade: GradeBand
    exercises: tuple[str, ...]
    articles: tuple[ArticleSheet, ...]
    comparison: Optional[Comparison] = None

    def key_dict(self) -> dict[str, Any]:
        """The answer key as plain JSON-ready data."""
        return {
            "schema": KEY_SCHEMA,
            "framing_version": __version__,
            "lexicon_version": self.articles[0].report.lexicon_version,
            "grade": self.grade.name,
            "exercises": list(self.exercises),
            "articles": [a.to_dict() for a in self.articles],
            "rubric": [dict(zip(("criterion", "2", "1", "0"), row)) for row in RUBRIC],
            "comparison": self.comparison.to_dict() if self.comparison else None,
            "note": "framing's list is a prompt for discussion, not the truth.",
        }

    def student_html(self) -> str:
        from .render_sheet import render_sheet

        return render_sheet(self)

    def key_html(self) -> str:
        from .render_key import render_key

        return render_key(self)


def build_worksheet(reports: Sequence[Report], grade: str = "9-12", exercises: Optional[Sequence[str]] = None,
                    lexicon: Optional[Lexicon] = None) -> Worksheet:
    """A worksheet on one article (or two, which adds "same story, two outlets").

    ``exercises`` defaults to Word detective and Say it straight for one article, and to all
    three for two. ValueError on an unknown grade or exercise, or "same-story" with one article.
    """
    if not 1 <= len(reports) <= 2:
        raise ValueError("a worksheet takes one article, or two for same-story")
    band = grade_band(grade)
    chosen = tuple(exercises) if exercises else (EXERCISES if len(reports) == 2 else EXERCISES[:2])
    bad = [e for e in chosen if e not in EXERCISES]
    if bad:
        raise ValueError(f"unknown exercise {bad[0]!r}: use {', '.join(EXERCISES)}")
    if "same-story" in chosen and len(reports) != 2:
        raise ValueError("same-story needs two articles about the same event")
    if lexicon is None:
        from ..pipeline import default_analyzer

        lexicon = default_analyzer().lexicon
    sheets = []
    for label, report in zip(LABELS, reports):
        lines = number_lines(report.article)
        items = key_items(report, band, lines, lexicon)
        sheets.append(ArticleSheet(label, report, lines, items, speakers(report, lines), rewrite_items(report, band, lines, items)))
    comparison = compare_reports(reports[0], reports[1], lexicon) if "same-story" in chosen else None
    return Worksheet(band, tuple(e for e in EXERCISES if e in chosen), tuple(sheets), comparison)


def write_worksheet(ws: Worksheet, out_dir: Path) -> list[Path]:
    """Write the student sheet, the answer key and the key JSON into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {
        FILES["sheet"]: ws.student_html(),
        FILES["key"]: ws.key_html(),
        FILES["json"]: json.dumps(ws.key_dict(), ensure_ascii=False, indent=1) + "\n",
    }
    paths = []
    for name, text in texts.items():
        path = out_dir / name
        write_atomic(str(path), text)
        paths.append(path)
    return paths
