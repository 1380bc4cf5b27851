"""The terminal report: plain text, coloured only when asked (stdout is a terminal)."""
from __future__ import annotations

import textwrap

from ..model import KINDS
from ..report import DISCLAIMER, Report
from .common import norms_label, norms_percentile
from .common import KIND_LABELS, classifier_headline, classifier_summary, header_lines, kind_rows, top_features

COLOURS = {
    "loaded": "31",
    "hedge": "33",
    "weasel": "35",
    "booster": "36",
    "scare_quote": "34",
    "attribution_verb": "32",
    "self_citation": "90",
}


def _c(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def render_text(report: Report, colour: bool = False) -> str:
    """A readable report for a terminal."""
    out: list[str] = []
    for label, value in header_lines(report):
        out.append(f"{_c(label + ':', '1', colour)} {value}")
    out.append("")
    out.append(_c("Findings (per 1,000 words)", "1", colour))
    pct = norms_label(report)
    out.append(f"  {'kind':<18}{'count':>6}{'rate':>8}{'author':>8}{'quoted':>8}" + (f"  {pct}" if pct else ""))
    for kind, total, rate, author, quoted in kind_rows(report):
        extra = f"{norms_percentile(report, kind):>{len(pct) + 2}}" if pct else ""
        out.append(f"  {_c(f'{kind:<18}', COLOURS[kind], colour)}{total:>6}{rate:>8.1f}{author:>8}{quoted:>8}{extra}")
    for kind in KINDS:
        items = [f for f in report.findings if f.kind == kind]
        if not items:
            continue
        out.append("")
        out.append(_c(f"{KIND_LABELS[kind]} ({len(items)})", "1", colour))
        for f in items:
            alt = f" -> {f.alternative}" if f.alternative else ""
            voice = " [quoted]" if f.voice == "quoted" else ""
            term = _c(f"\u201c{f.text}\u201d", COLOURS[kind], colour)
            line = f"  {term} {f.category} {f.weight:.2f}{alt}{voice}: {f.reason}"
            out.extend(textwrap.wrap(line, width=100, subsequent_indent="      ") or [line])
    out.append("")
    out.append(_c(f"Who speaks ({len(report.sources)} attributions)", "1", colour))
    for s in report.sources:
        verb = f" {s.verb}" if s.verb else ""
        out.append(f"  {s.name} [{s.type}, {s.quoted}{verb}]: \u201c{s.text}\u201d")
    prof = report.scores["sourcing"]
    out.append(
        f"  distinct named sources: {prof['distinct_named_sources']}; vague share: {prof['share_vague']:.0%}; "
        f"body sentences with no source: {prof['share_sentences_without_source']:.0%}"
    )
    out.extend(_classifier_lines(report, colour))
    for w in report.warnings:
        out.append(f"warning: {w}")
    out.append("")
    out.extend(textwrap.wrap(DISCLAIMER, width=100))
    out.append(f"framing {report.framing_version}, lexicons {report.lexicon_version} (sha256 {report.lexicon_sha256[:12]})")
    return "\n".join(out) + "\n"


def _classifier_lines(report: Report, colour: bool) -> list[str]:
    """The sentence classifier's summary and its highest sentences, explained (none without a model)."""
    summary = classifier_summary(report)
    if summary is None:
        return []
    out = ["", _c("Sentence classifier", "1", colour)]
    out.extend(textwrap.wrap(classifier_headline(summary), width=100, initial_indent="  ", subsequent_indent="  "))
    if summary.get("top"):
        out.append("  Highest-scoring sentences (what raises each score most, in log-odds):")
    for rank, entry in enumerate(summary.get("top") or (), start=1):
        line = f"  {rank}. {entry['score']:.2f}  \u201c{entry['text']}\u201d"
        out.extend(textwrap.wrap(line, width=100, subsequent_indent="        ") or [line])
        why = ", ".join(f"{label} +{value:.2f}" for label, value in top_features(entry))
        if why:
            out.extend(textwrap.wrap(f"why: {why}", width=100, initial_indent="        ", subsequent_indent="        "))
    return out
