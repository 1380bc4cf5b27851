"""The annotated article: paragraphs by role, findings as nested ``<mark>`` elements.

Overlapping spans are drawn as properly nested elements. The text is cut at every span
boundary; at each piece the spans covering it are opened in a fixed order (classifier
sentence, then findings longest first, then links), keeping open what is already open.
A finding that only partly overlaps another is split into pieces that share its number,
so the overlap shows as nested highlights and stacked underlines.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Optional

from ..model import SCORED_ROLES, Finding
from .common import KIND_LABELS

if TYPE_CHECKING:
    from ..report import Report

SENTENCE, FINDING, LINK = 0, 1, 2  # nesting layers, outermost first
MAX_DEPTH = 3  # underline offsets for up to this many nested findings; deeper ones share the last


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    layer: int
    key: int  # finding number, sentence index or link index
    open_tag: str
    close_tag: str


def safe_url(url: str) -> Optional[str]:
    """``url`` if it is an http(s) address, else None (``javascript:``, ``data:``, relative...)."""
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) and not any(c in u for c in "\n\r\t") else None


def finding_flags(f: Finding) -> list[str]:
    """The finding's true flags, as words: "negated", "scare quoted"."""
    return [name.replace("_", " ") for name in ("negated", "scare_quoted") if getattr(f, name, False)]


def finding_tooltip(f: Finding) -> str:
    """The plain-text tooltip of a finding (escaped by the caller)."""
    lines = [f"{KIND_LABELS.get(f.kind, f.kind)}: {f.category} (weight {f.weight:.2f})", f.reason]
    if f.alternative:
        lines.append(f"Neutral alternative: {f.alternative}")
    flags = finding_flags(f)
    lines.append(f"Voice: {f.voice}" + (f"; {', '.join(flags)}" if flags else ""))
    lines.append(f"Rule: {f.source}")
    return "\n".join(lines)


def numbered_findings(report: "Report") -> list[tuple[int, Finding]]:
    """Findings in reading order, numbered from 1 (the endnote numbers)."""
    order = sorted(report.findings, key=lambda f: (f.start, -f.end, f.kind))
    return list(enumerate(order, start=1))


def _sentence_spans(report: "Report") -> list[Span]:
    n = len(report.article.sentences)
    scores = (list(report.sentence_scores) + [None] * n)[:n]
    hedges = (list(report.sentence_hedge_scores) + [None] * n)[:n]
    spans = []
    for i, (s, score, hedge) in enumerate(zip(report.article.sentences, scores, hedges)):
        if score is None and hedge is None:
            continue
        parts = [f"loaded or one-sided: {score:.2f}" if score is not None else None, f"hedged: {hedge:.2f}" if hedge is not None else None]
        tip = "Classifier: " + "; ".join(p for p in parts if p)
        high = " cls-high" if max(x for x in (score, hedge) if x is not None) >= 0.5 else ""
        spans.append(Span(s.start, s.end, SENTENCE, i, f'<span class="cls{high}" title="{escape(tip)}">', "</span>"))
    return spans


def _finding_spans(numbered: list[tuple[int, Finding]]) -> list[Span]:
    spans = []
    for n, f in numbered:
        attrs = f'class="k-{escape(f.kind)} v-{escape(f.voice)}" data-finding="{n}" title="{escape(finding_tooltip(f))}"'
        spans.append(Span(f.start, f.end, FINDING, n, f"<mark {attrs}>", "</mark>"))
    return spans


def _link_spans(report: "Report") -> list[Span]:
    spans = []
    for i, link in enumerate(report.article.links):
        url = safe_url(link.url)
        if url:
            tag = f'<a href="{escape(url)}" rel="noopener noreferrer nofollow">'
            spans.append(Span(link.start, link.end, LINK, i, tag, "</a>"))
        else:
            tip = escape(f"link target not shown (not http or https): {link.url}"[:300])
            spans.append(Span(link.start, link.end, LINK, i, f'<span class="link-off" title="{tip}">', "</span>"))
    return spans


def _depth_class(tag: str, depth: int) -> str:
    return tag.replace("<mark class=\"", f"<mark class=\"d{min(depth, MAX_DEPTH)} ", 1)


def annotate(text: str, start: int, end: int, spans: list[Span], prefix: str) -> str:
    """The HTML of ``text[start:end]`` with ``spans`` (clipped to it) as nested elements."""
    inside = [s for s in spans if s.start < end and s.end > start and s.end > s.start]
    cuts = sorted({start, end} | {max(s.start, start) for s in inside} | {min(s.end, end) for s in inside})
    out: list[str] = []
    stack: list[Span] = []
    for lo, hi in zip(cuts, cuts[1:]):
        want = sorted((s for s in inside if s.start <= lo and hi <= s.end), key=lambda s: (s.layer, s.start, -s.end, s.key))
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        _close(stack, keep, lo, out, prefix)
        for s in want[keep:]:
            depth = sum(o.layer == FINDING for o in stack)
            out.append(_depth_class(s.open_tag, depth) if s.layer == FINDING else s.open_tag)
            stack.append(s)
        out.append(escape(text[lo:hi]).replace("\n", "<br>\n"))
    _close(stack, 0, end, out, prefix)
    return "".join(out)


def _close(stack: list[Span], keep: int, at: int, out: list[str], prefix: str) -> None:
    """Close the open elements above ``keep``; findings that end here get their endnote numbers."""
    ended = []
    while len(stack) > keep:
        s = stack.pop()
        out.append(s.close_tag)
        if s.layer == FINDING and s.end <= at:
            ended.append(s.key)
    if ended:
        links = ",".join(f'<a id="{prefix}-ref-{n}" href="#{prefix}-fn-{n}">{n}</a>' for n in sorted(ended))
        out.append(f'<sup class="ref">{links}</sup>')


def render_article(report: "Report", numbered: list[tuple[int, Finding]], prefix: str) -> str:
    """The article's paragraphs as HTML, chrome dimmed, findings and links marked."""
    text = report.article.text
    spans = _sentence_spans(report) + _finding_spans(numbered) + _link_spans(report)
    out = []
    for p in report.article.paragraphs:
        body = annotate(text, p.start, p.end, spans, prefix)
        role = escape(p.role)
        if p.role not in SCORED_ROLES:
            out.append(f'<div class="para chrome role-{role}" title="{role}: set apart, not scored"><span class="role-tag">{role}</span>{body}</div>')
        elif p.role == "title" or p.block == "heading":
            out.append(f'<p class="para heading role-{role}">{body}</p>')
        elif p.block == "blockquote":
            out.append(f'<blockquote class="para role-{role}">{body}</blockquote>')
        elif p.block == "list_item":
            out.append(f'<p class="para li role-{role}">{body}</p>')
        else:
            out.append(f'<p class="para role-{role}">{body}</p>')
    return "\n".join(out)
