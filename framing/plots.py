"""Plots of one report, drawn on a matplotlib Axes.

Each function takes ``ax=`` (a new figure is made only when it is None) and returns the
Axes; none calls ``plt.show()``. Kinds are told apart by marker and hatch as well as by
colour, so the plots read in black and white too.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from matplotlib.patches import Patch

from .model import KINDS, SCORED_ROLES, SOURCE_TYPES
from .render.common import KIND_COLOURS

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .report import Report

KIND_MARKERS = {
    "loaded": "o",
    "hedge": "s",
    "weasel": "^",
    "booster": "D",
    "scare_quote": "v",
    "attribution_verb": "P",
    "self_citation": "*",
}
QUOTED_HATCH = "////"
QUOTE_KINDS = (("direct", "#444444", ""), ("mixed", "#A8A8A8", "xx"), ("paraphrase", "#FFFFFF", "///"))


def _axes(ax: Optional["Axes"], size: tuple[float, float]) -> "Axes":
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # only when the caller gave no Axes (notebooks)

    return plt.subplots(figsize=size)[1]


def _empty(ax: "Axes", message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")


def plot_kinds(report: "Report", ax: Optional["Axes"] = None) -> "Axes":
    """Findings per 1,000 words for each kind, the author's voice and quoted voice stacked."""
    ax = _axes(ax, (6.4, 3.2))
    rates = report.scores["rates_per_1000_words"]
    labels = list(reversed(KINDS))
    author = [rates[k]["author"] for k in labels]
    quoted = [rates[k]["quoted"] for k in labels]
    colours = [KIND_COLOURS[k] for k in labels]
    ax.barh(labels, author, color=colours, edgecolor="#222222", linewidth=0.6)
    ax.barh(labels, quoted, left=author, color="white", edgecolor=colours, hatch=QUOTED_HATCH, linewidth=0.8)
    ax.set_xlabel("findings per 1,000 words")
    ax.set_title("Findings per kind")
    handles = [Patch(facecolor="#999999", edgecolor="#222222", label="author's voice"), Patch(facecolor="white", edgecolor="#555555", hatch=QUOTED_HATCH, label="quoted voice")]
    ax.legend(handles=handles, loc="best", fontsize="small", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, None if report.findings else 1)
    if not report.findings:
        _empty(ax, "no findings")
    return ax


def _unscored_ranges(report: "Report") -> list[tuple[float, float]]:
    """Where the site chrome lies, as percentages of the text."""
    n = len(report.article.text) or 1
    return [(100 * p.start / n, 100 * p.end / n) for p in report.article.paragraphs if p.role not in SCORED_ROLES]


def plot_positions(report: "Report", ax: Optional["Axes"] = None) -> "Axes":
    """Where each finding stands along the article (percentage of the text), one row per kind."""
    ax = _axes(ax, (6.4, 3.2))
    n = len(report.article.text) or 1
    for lo, hi in _unscored_ranges(report):
        ax.axvspan(lo, max(hi, lo + 0.3), color="#E5E5E5", linewidth=0, zorder=0)
    rows = {k: i for i, k in enumerate(reversed(KINDS))}
    for kind in KINDS:
        xs = [100 * f.start / n for f in report.findings if f.kind == kind]
        if xs:
            ax.scatter(xs, [rows[kind]] * len(xs), marker=KIND_MARKERS[kind], color=KIND_COLOURS[kind], edgecolor="#222222", linewidth=0.5, s=36, zorder=2)
    ax.set_yticks(list(rows.values()), list(rows))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the article (% of the text; grey: site chrome, not scored)")
    ax.set_title("Findings along the article")
    ax.grid(axis="y", color="#EEEEEE", linewidth=0.6, zorder=1)
    ax.spines[["top", "right"]].set_visible(False)
    if not report.findings:
        _empty(ax, "no findings")
    return ax


def plot_source_types(report: "Report", ax: Optional["Axes"] = None) -> "Axes":
    """Attributions per source type, split into direct quotes, mixed quotes and paraphrases."""
    ax = _axes(ax, (6.4, 3.2))
    labels = list(reversed(SOURCE_TYPES))
    left = [0] * len(labels)
    for quoted, colour, hatch in QUOTE_KINDS:
        counts = [sum(s.type == t and s.quoted == quoted for s in report.sources) for t in labels]
        ax.barh(labels, counts, left=left, color=colour, hatch=hatch, edgecolor="#222222", linewidth=0.6, label=quoted)
        left = [a + b for a, b in zip(left, counts)]
    ax.set_xlabel("attributions")
    ax.set_title("Who speaks: source types")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="best", fontsize="small", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, None if report.sources else 1)
    if not report.sources:
        _empty(ax, "no attributions found")
    return ax

