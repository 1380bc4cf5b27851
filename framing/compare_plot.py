"""The picture of a two-corpus comparison: Fightin' Words and the rates per kind.

Left, every n-gram by its pooled frequency (x, log scale) and its z-score (y), the most
distinguishing ones on each side labelled, as in Monroe, Colaresi and Quinn (2008).
Right, the pooled rate of each kind in both groups with its bootstrap interval. Groups are
told apart by marker as well as colour, so the figure reads in black and white.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .keyness import Keyness, top_each_side
from .model import KINDS
from .rate_compare import RateComparison

if TYPE_CHECKING:
    from matplotlib.figure import Figure

COLOUR_A, COLOUR_B = "#D55E00", "#0072B2"  # Okabe-Ito vermilion and blue


def comparison_figure(words: Sequence[Keyness], rates: Sequence[RateComparison], label_a: str, label_b: str,
                      top: int = 15, level: float = 0.95) -> "Figure":
    """A two-panel matplotlib figure (no pyplot state is left behind)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(13, 6.5), layout="constrained")
    ax_w, ax_r = fig.subplots(1, 2, width_ratios=(3, 2))
    _plot_words(ax_w, words, label_a, label_b, top)
    _plot_rates(ax_r, rates, label_a, label_b, level)
    return fig


def _plot_words(ax, words: Sequence[Keyness], label_a: str, label_b: str, top: int) -> None:
    if words:
        ax.scatter([r.count_a + r.count_b for r in words], [r.z for r in words], s=6, c="#BBBBBB", linewidths=0)
    side_a, side_b = top_each_side(list(words), top)
    for rows, colour, marker in ((side_a, COLOUR_A, "o"), (side_b, COLOUR_B, "s")):
        for r in rows:
            x = r.count_a + r.count_b
            ax.scatter([x], [r.z], s=18, c=colour, marker=marker)
            ax.annotate(r.ngram, (x, r.z), fontsize=7, color=colour, xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_xscale("log")
    for y in (1.96, -1.96):
        ax.axhline(y, color="#888888", lw=0.6, ls=":")
    ax.axhline(0, color="#444444", lw=0.6)
    ax.set_xlabel("count in both groups (log scale)")
    ax.set_ylabel(f"z-score (log-odds, informative Dirichlet prior)\n\u2191 {label_a}    \u2193 {label_b}")
    ax.set_title("Words and phrases that distinguish the groups")


def _plot_rates(ax, rates: Sequence[RateComparison], label_a: str, label_b: str, level: float) -> None:
    by_metric = {r.metric: r for r in rates}
    kinds = [k for k in KINDS if k in by_metric]
    ys = range(len(kinds))
    for offset, colour, marker, label, pick in (
        (-0.15, COLOUR_A, "o", label_a, lambda r: (r.rate_a, r.ci_a)),
        (0.15, COLOUR_B, "s", label_b, lambda r: (r.rate_b, r.ci_b)),
    ):
        vals = [pick(by_metric[k]) for k in kinds]
        ax.errorbar(
            [v for v, _ in vals], [y + offset for y in ys],
            xerr=[[v - ci[0] for v, ci in vals], [ci[1] - v for v, ci in vals]],
            fmt=marker, color=colour, label=label, capsize=2, lw=1,
        )
    ax.set_yticks(list(ys), kinds)
    ax.invert_yaxis()
    ax.set_xlabel(f"per 1,000 words ({level:.0%} bootstrap interval over articles)")
    ax.set_title("Findings per kind")
    ax.legend(loc="lower right", fontsize=8)
