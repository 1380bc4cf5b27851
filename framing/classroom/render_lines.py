"""The numbered article: plain for the student sheet, highlighted for the key."""
from __future__ import annotations

from html import escape

from ..render.html_article import FINDING, Span, annotate
from .exercises import KeyItem
from .worksheet import ArticleSheet


def _tooltip(it: KeyItem) -> str:
    parts = [f"{it.label}: {it.note}"]
    if it.alternative:
        parts.append(f"Neutral alternative: {it.alternative}")
    if it.name and it.name != it.text:
        parts.append(f"Speaker: {it.name}")
    return "\n".join(parts)


def item_spans(items: tuple[KeyItem, ...]) -> list[Span]:
    """Key items as spans for ``annotate``: findings as marks, sources boxed."""
    spans = []
    for it in items:
        tip = escape(_tooltip(it))
        if it.kind == "source":
            tag = f'<span class="src" data-item="{it.number}" title="{tip}">'
            spans.append(Span(it.start, it.end, FINDING, it.number, tag, "</span>"))
        else:
            tag = f'<mark class="k-{escape(it.kind)} v-{escape(it.voice)}" data-item="{it.number}" title="{tip}">'
            spans.append(Span(it.start, it.end, FINDING, it.number, tag, "</mark>"))
    return spans


def numbered_article(sheet: ArticleSheet, prefix: str, marked: bool) -> str:
    """The article as numbered lines; ``marked`` highlights the key items with their numbers."""
    text = sheet.report.article.text
    spans = item_spans(sheet.items) if marked else []
    rows = []
    for ln in sheet.lines:
        body = annotate(text, ln.start, ln.end, spans, prefix) if marked else escape(text[ln.start : ln.end])
        cls = "ln" + (" first" if ln.first else "") + (" heading" if ln.heading else "")
        rows.append(f'<div class="{cls}"><span class="no">{ln.number}</span><span class="tx">{body}</span></div>')
    return '<div class="lines">\n' + "\n".join(rows) + "\n</div>"
