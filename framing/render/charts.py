"""The report's charts as inline SVG for the HTML report.

Figures are built with ``matplotlib.figure.Figure`` directly, so no pyplot backend or
figure manager is touched. Text stays text (``svg.fonttype: none``), metadata is dropped,
and every id is prefixed so several charts and reports can share one page.
"""
from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from ..plots import plot_kinds, plot_positions, plot_source_types

if TYPE_CHECKING:
    from ..report import Report

CHARTS = (
    ("kinds", plot_kinds, "Findings per 1,000 words for each kind; hatched: in quoted voice."),
    ("positions", plot_positions, "Where each finding stands along the article; grey bands are site chrome, not scored."),
    ("source-types", plot_source_types, "Attributions by source type, split into direct quotes, mixed quotes and paraphrases."),
)
_SVG_START = re.compile(r"<svg\b")
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_DEFAULT_STYLE = re.compile(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", re.S)
_ID = re.compile(r'\s\bid="([^"]+)"')
_REF = re.compile(r'(href="#|url\(#)([^")]+)')


def _prefix_ids(svg: str, prefix: str) -> str:
    """Drop the ids nothing refers to; make the others (and their references) unique to this chart."""
    used = {m.group(2) for m in _REF.finditer(svg)}
    svg = _ID.sub(lambda m: f' id="{prefix}{m.group(1)}"' if m.group(1) in used else "", svg)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)


def figure_svg(plot, report: "Report", prefix: str, size: tuple[float, float] = (6.4, 3.0)) -> str:
    """Draw ``plot(report, ax=...)`` on a fresh figure and return it as an ``<svg>`` element."""
    import matplotlib
    from matplotlib.figure import Figure

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "framing", "font.size": 9}):
        fig = Figure(figsize=size, layout="constrained")
        plot(report, ax=fig.add_subplot())
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[_SVG_START.search(svg).start() :]
    svg = _DEFAULT_STYLE.sub("", _METADATA.sub("", svg, count=1), count=1)
    return _prefix_ids(svg, prefix)


def chart_figures(report: "Report", prefix: str) -> list[tuple[str, str, str]]:
    """``(name, svg, caption)`` for each chart."""
    return [(name, figure_svg(plot, report, f"{prefix}-{name}-"), caption) for name, plot, caption in CHARTS]
