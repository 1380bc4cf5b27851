"""The Markdown report: tables that paste into notes, papers and issue trackers."""
from __future__ import annotations

from ..model import KINDS
from ..report import DISCLAIMER, Report
from .common import norms_label, norms_percentile
from .common import KIND_LABELS, classifier_headline, classifier_summary, header_lines, kind_rows, top_features


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    """A Markdown report with a summary table, the findings and the source ledger."""
    title = report.article.meta.title or report.article.meta.path or "Article"
    out = [f"# framing report: {_cell(title)}", ""]
    out += [f"- **{label}:** {_cell(value)}" for label, value in header_lines(report)]
    pct = norms_label(report)
    out += ["", "## Summary", "", "| kind | count | per 1,000 words | author | quoted |" + (f" {pct} |" if pct else ""),
            "|---|---:|---:|---:|---:|" + ("---:|" if pct else "")]
    out += [f"| {k} | {t} | {r:.1f} | {a} | {q} |" + (f" {norms_percentile(report, k)} |" if pct else "") for k, t, r, a, q in kind_rows(report)]
    for kind in KINDS:
        items = [f for f in report.findings if f.kind == kind]
        if not items:
            continue
        out += ["", f"## {KIND_LABELS[kind]}", "", "| text | category | weight | voice | alternative | reason |", "|---|---|---:|---|---|---|"]
        out += [
            f"| {_cell(f.text)} | {f.category} | {f.weight:.2f} | {f.voice} | {_cell(f.alternative)} | {_cell(f.reason)} |"
            for f in items
        ]
    out += ["", "## Who speaks", "", "| speaker | name | type | quote | verb |", "|---|---|---|---|---|"]
    out += [f"| {_cell(s.text)} | {_cell(s.name)} | {s.type} | {s.quoted} | {_cell(s.verb)} |" for s in report.sources]
    out += _classifier_section(report)
    out += ["", f"_{DISCLAIMER}_", "", f"framing {report.framing_version}; lexicons {report.lexicon_version}, sha256 `{report.lexicon_sha256}`", ""]
    return "\n".join(out)


def _classifier_section(report: Report) -> list[str]:
    """The sentence classifier's summary and its five highest sentences (none without a model)."""
    summary = classifier_summary(report)
    if summary is None:
        return []
    out = ["", "## Sentence classifier", "", f"{_cell(classifier_headline(summary))}."]
    if summary.get("top"):
        out += ["", "| # | score | hedged | sentence | raised most by (log-odds) |", "|---:|---:|---:|---|---|"]
    for rank, e in enumerate(summary.get("top") or (), start=1):
        hedge = f"{e['hedge_score']:.2f}" if e.get("hedge_score") is not None else ""
        why = ", ".join(f"{label} +{value:.2f}" for label, value in top_features(e))
        out.append(f"| {rank} | {e['score']:.2f} | {hedge} | {_cell(e['text'])} | {_cell(why)} |")
    return out
