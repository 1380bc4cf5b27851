"""The terminal report: plain text, coloured only when asked (stdout is a terminal)."""
from __future__ import annotations

import textwrap

from ..model import KINDS
from ..report import DISCLAIMER, Report
from .common import KIND_LABELS, header_lines, kind_rows

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
    out.append(f"  {'kind':<18}{'count':>6}{'rate':>8}{'author':>8}{'quoted':>8}")
    for kind, total, rate, author, quoted in kind_rows(report):
        out.append(f"  {_c(f'{kind:<18}', COLOURS[kind], colour)}{total:>6}{rate:>8.1f}{author:>8}{quoted:>8}")
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
    for w in report.warnings:
        out.append(f"warning: {w}")
    out.append("")
    out.extend(textwrap.wrap(DISCLAIMER, width=100))
    out.append(f"framing {report.framing_version}, lexicons {report.lexicon_version} (sha256 {report.lexicon_sha256[:12]})")
    return "\n".join(out) + "\n"
