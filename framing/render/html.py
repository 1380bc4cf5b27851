"""The HTML report: one self-contained page (or a Jupyter fragment) drawn from a ``Report``.

No scripts, fonts or images are loaded: tooltips are ``title`` attributes, charts are inline
SVG, styles are inline. Every piece of article text, metadata and URL is escaped, and only
http(s) links keep their target. The full page also carries a Content-Security-Policy that
forbids scripts and outside resources, as a second line of defence.
"""
from __future__ import annotations

import hashlib
from html import escape
from typing import Any

from ..model import KINDS, SOURCE_TYPES, Finding
from ..report import DISCLAIMER, Report
from .common import norms_label, norms_percentile
from .charts import chart_figures
from .common import KIND_DESCRIPTIONS, KIND_LABELS, classifier_summary, header_lines, top_features
from .html_article import finding_flags, numbered_findings, render_article, safe_url
from .html_style import CSS

#: Classifier summary fields the card lays out itself; others are listed as they come.
CLASSIFIER_SHOWN = ("models", "threshold", "sentences", "mean", "share_above_threshold", "hedge_threshold", "hedge_mean", "hedge_share_above_threshold", "top")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def render_html(report: Report, page: bool = True) -> str:
    """The report as HTML: a whole page, or (``page=False``) a fragment for Jupyter.

    >>> import framing
    >>> html = render_html(framing.score("Critics slammed the so-called reform."), page=False)
    >>> html.startswith('<div class="framing-report"'), "<script" in html
    (True, False)
    """
    digest = hashlib.sha256(report.article.text.encode("utf-8")).hexdigest()[:10]  # ids unique per article
    prefix = f"fr{digest}"
    numbered = numbered_findings(report)
    sections = [
        _header(report),
        _summary(report),
        _legend(),
        _article(report, numbered, prefix),
        _ledger(report),
        _charts(report, prefix),
        _method(report),
    ]
    body = "\n".join(sections)
    if not page:
        return f'<div class="framing-report" id="{prefix}">\n<style>\n{CSS}</style>\n{body}\n</div>\n'
    return standalone_page(f"framing report: {_title(report)}", body, div_id=prefix)


def standalone_page(title: str, body: str, extra_css: str = "", div_class: str = "framing-report", div_id: str = "") -> str:
    """A whole self-contained page around ``body`` (already HTML): the policy, the stylesheet, the title escaped."""
    ident = f' id="{escape(div_id)}"' if div_id else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{CSS}{extra_css}</style>\n</head>\n<body>\n"
        f'<div class="{div_class}"{ident}>\n{body}\n</div>\n</body>\n</html>\n'
    )


def _title(report: Report) -> str:
    meta = report.article.meta
    return meta.title or meta.path or "Untitled article"


def _num(x: Any, digits: int = 1) -> str:
    if x is None:
        return "&ndash;"
    return f"{x:.{digits}f}" if isinstance(x, float) else escape(str(x))


def _pct(x: Any) -> str:
    return f"{100 * x:.0f}%" if isinstance(x, (int, float)) else "&ndash;"


def _header(report: Report) -> str:
    rows = [(label, escape(value)) for label, value in header_lines(report) if label != "Title"]
    url = report.article.meta.url
    if url:
        safe = safe_url(url)
        rows.append(("URL", f'<a href="{escape(safe)}" rel="noopener noreferrer nofollow">{escape(url)}</a>' if safe else escape(url)))
    items = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<header>\n<p class="eyebrow">framing report</p>\n<h1>{escape(_title(report))}</h1>\n<dl class="meta">{items}</dl>\n</header>'


def _kind_card(report: Report, kind: str) -> str:
    rates = report.scores["rates_per_1000_words"][kind]
    count = report.scores["counts"][kind]["total"]
    return (
        f'<div class="card c-{kind}"><h3><mark class="k-{kind} d0">{escape(KIND_LABELS[kind])}</mark></h3>'
        f'<div class="big">{rates["total"]:.1f}</div><div class="unit">per 1,000 words &middot; {count} found</div>'
        f'<div class="split">author {rates["author"]:.1f} &middot; quoted {rates["quoted"]:.1f}</div>'
        + (f'<div class="split">{escape(norms_label(report))}: {norms_percentile(report, kind)}</div>' if report.norms else "")
        + "</div>"
    )


def _dl(rows: list[tuple[str, str]]) -> str:
    return "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _sourcing_card(report: Report) -> str:
    s = report.scores["sourcing"]
    rows = [
        ("attributions", _num(s.get("attributions"))),
        ("distinct named sources", _num(s.get("distinct_named_sources"))),
        ("direct / mixed quotes", f'{_num(s.get("direct_quotes"))} / {_num(s.get("mixed_quotes"))}'),
        ("paraphrases", _num(s.get("paraphrases"))),
        ("vague sources", _pct(s.get("share_vague"))),
        ("anonymous sources", _pct(s.get("share_anonymous"))),
        ("self or link only", _pct(s.get("share_self_or_link_only"))),
        ("body sentences with no source", _pct(s.get("share_sentences_without_source"))),
    ]
    return f'<div class="card wide"><h3>Who speaks</h3>{_dl(rows)}</div>'


def _flatten(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [row for k, v in value.items() for row in _flatten(v, f"{key}.{k}" if key else str(k))]
    if isinstance(value, (list, tuple)):
        return [(key, escape(", ".join(str(v) for v in value[:12])) + (" &hellip;" if len(value) > 12 else ""))]
    return [(key, _num(value, 3))]


def _classifier_card(report: Report) -> str:
    """Mean, share at or above the threshold, and the five highest sentences with what raised them."""
    summary = classifier_summary(report)
    if summary is None:
        return ""
    threshold = summary.get("threshold", 0.5)
    rows = [
        ("sentences scored", _num(summary.get("sentences"))),
        ("mean score (loaded or one-sided)", _num(summary.get("mean"), 2)),
        (f"at or above {threshold:.2f}", _pct(summary.get("share_above_threshold"))),
        ("mean hedge score", _num(summary.get("hedge_mean"), 2)),
        (f"hedged, at or above {summary.get('hedge_threshold') or threshold:.2f}", _pct(summary.get("hedge_share_above_threshold"))),
    ]
    items = "".join(
        f'<li><span class="big-score">{_num(e.get("score"), 2)}</span> {escape(e.get("text", ""))}'
        + (f'<br><span class="why">raised most by: {escape(", ".join(f"{label} +{value:.2f}" for label, value in top_features(e)))}</span>' if top_features(e) else "")
        + "</li>"
        for e in summary.get("top") or ()
    )
    top = f'<h3>Highest-scoring sentences</h3><ol class="top-sentences">{items}</ol>' if items else ""
    extra = {k: v for k, v in summary.items() if k not in CLASSIFIER_SHOWN}  # e.g. another model's own fields
    trained_on = ((summary.get("models") or {}).get("bias") or {}).get("trained_on") or "labelled sentences"
    return (
        f'<div class="card wide classifier"><h3>Classifier (sentences)</h3>{_dl(rows + _flatten(extra)[:6])}{top}'
        f'<p class="note">Probabilities from a linear model trained on {escape(trained_on)}; contributions are in '
        "log-odds. The shipped model is described in its model card, framing/models/README.md.</p></div>"
    )


def _summary(report: Report) -> str:
    cards = [_kind_card(report, k) for k in KINDS] + [_sourcing_card(report), _classifier_card(report)]
    words = report.scores.get("words", 0)
    return (
        f'<section class="summary"><h2>Summary</h2>\n<p class="note">Findings per 1,000 words of title and body text '
        f"({words} words), in the author's own voice and inside quotations.</p>\n"
        f'<div class="cards">{"".join(cards)}</div></section>'
    )


def _legend() -> str:
    items = "".join(
        f'<li><mark class="k-{k} d0">{escape(KIND_LABELS[k])}</mark>: {escape(KIND_DESCRIPTIONS[k])}</li>' for k in KINDS
    )
    extra = (
        '<p class="legend-extra">Hover a highlight for its category, reason, neutral alternative, rule and voice; '
        "the small numbers lead to the notes below the article. <i>Italic</i> highlights stand inside a quotation "
        "(quoted voice). Grey paragraphs tagged with their role (byline, metadata, boilerplate, bio) are site chrome, "
        "shown but not scored.</p>"
    )
    return f'<section class="legend"><h2>Legend</h2><ul class="legend">{items}</ul>{extra}</section>'


def _endnote(n: int, f: Finding, prefix: str) -> str:
    details = [escape(f.category), f"weight {f.weight:.2f}", f"{escape(f.voice)} voice"] + finding_flags(f)
    alt = f" Neutral alternative: <i>{escape(f.alternative)}</i>." if f.alternative else ""
    return (
        f'<li id="{prefix}-fn-{n}"><span class="term">{escape(f.text)}</span> '
        f'<mark class="k-{escape(f.kind)} d0">{escape(f.kind.replace("_", " "))}</mark> {" &middot; ".join(details)}. '
        f'{escape(f.reason)}{alt} <span class="rule">{escape(f.source)}</span> '
        f'<a class="back" href="#{prefix}-ref-{n}" title="back to the text">&#8617;</a></li>'
    )


def _article(report: Report, numbered: list[tuple[int, Finding]], prefix: str) -> str:
    notes = "\n".join(_endnote(n, f, prefix) for n, f in numbered)
    notes = f'<h3>Notes ({len(numbered)} findings)</h3>\n<ol class="endnotes">\n{notes}\n</ol>' if numbered else '<p class="note">No findings.</p>'
    return (
        f'<section class="annotated"><h2>The article, annotated</h2>\n<div class="article">\n{render_article(report, numbered, prefix)}\n</div>\n'
        f"{notes}</section>"
    )


def _sentence(report: Report, i: Any) -> str:
    if i is None or not 0 <= i < len(report.article.sentences):
        return ""
    s = report.article.sentences[i]
    text = report.article.text[s.start : s.end]
    return escape(text if len(text) <= 220 else text[:217] + "...")


def _ledger(report: Report) -> str:
    if not report.sources:
        return '<section><h2>Who speaks: the source ledger</h2><p class="note">No attributions found.</p></section>'
    rows = "".join(
        f'<tr><td class="num">{i}</td><td>{escape(s.text)}</td><td>{escape(s.name)}</td><td>{escape(s.type.replace("_", " "))}</td>'
        f"<td>{escape(s.quoted)}</td><td>{escape(s.verb or '')}{' (' + escape(s.stance) + ')' if s.stance else ''}</td>"
        f'<td class="sentence">{_sentence(report, s.sentence)}</td></tr>'
        for i, s in enumerate(report.sources, start=1)
    )
    by_type = report.scores["sourcing"].get("by_type") or {}
    counts = ", ".join(f"{escape(t.replace('_', ' '))} {by_type.get(t, 0)}" for t in SOURCE_TYPES if by_type.get(t, 0))
    return (
        f'<section><h2>Who speaks: the source ledger</h2>\n<p class="note">Every attribution in the body: {counts}.</p>\n'
        "<table><thead><tr><th>#</th><th>Speaker as written</th><th>Name</th><th>Type</th><th>Quote</th><th>Verb (stance)</th>"
        f"<th>Sentence</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _charts(report: Report, prefix: str) -> str:
    figures = "".join(
        f'<figure>{_label_svg(svg, caption)}<figcaption>{escape(caption)}</figcaption></figure>'
        for _, svg, caption in chart_figures(report, prefix)
    )
    return f'<section class="charts"><h2>Charts</h2>{figures}</section>'


def _label_svg(svg: str, caption: str) -> str:
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(caption)}" ', 1)


def _method(report: Report) -> str:
    warnings = "".join(f"<li>{escape(w)}</li>" for w in report.warnings)
    return (
        '<section class="method"><h2>Method</h2>\n'
        f'<p class="disclaimer">{escape(DISCLAIMER)}</p>\n'
        "<p>Each finding comes from one lexicon row or one rule, named in its note (file and line), with a "
        "category, a weight between 0 and 1 and a plain reason. A finding inside a direct quotation is in the quoted "
        "voice and counts toward the speaker, not the writer. Byline, metadata, site chrome and author bios are shown "
        "dimmed and are neither scored nor counted.</p>\n"
        f"<p>framing {escape(report.framing_version)}; lexicons {escape(report.lexicon_version)}, "
        f"sha256 <code>{escape(report.lexicon_sha256)}</code>.</p>\n"
        + (f'<h3>Warnings</h3><ul>{warnings}</ul>' if warnings else "")
        + "</section>"
    )
