"""The HTML report's stylesheet, every rule scoped to ``.framing-report``.

Scoping keeps the report from restyling a Jupyter notebook it is shown in. Kinds differ by
underline style as well as colour, so a black-and-white print keeps them apart; in print the
underlines turn black and the tints stay light.
"""
from __future__ import annotations

from .common import KIND_COLOURS

#: Underline per kind: (text-decoration-line, style, thickness). Distinct without colour.
KIND_DECORATION = {
    "loaded": ("underline", "solid", "2.5px"),
    "hedge": ("underline", "dotted", "2.5px"),
    "weasel": ("underline", "dashed", "2px"),
    "booster": ("underline", "double", "3px"),
    "scare_quote": ("underline", "wavy", "1.5px"),
    "attribution_verb": ("underline", "solid", "1px"),
    "self_citation": ("underline overline", "dashed", "1px"),
}

BASE_CSS = """
.framing-report { --ink: #1b1b1b; --muted: #5f5f5f; --rule: #d0d0d0; --soft: #f4f4f2;
  background: #fff; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  max-width: 58rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; text-align: left; }
.framing-report * { box-sizing: border-box; }
.framing-report h1 { font: 700 1.7em/1.25 Georgia, "Times New Roman", serif; margin: .2rem 0 .6rem; }
.framing-report h2 { font-size: 1.15em; margin: 2.2rem 0 .7rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
.framing-report h3 { font-size: 1em; margin: 1.2rem 0 .4rem; }
.framing-report .eyebrow { color: var(--muted); font-size: .8em; letter-spacing: .06em; text-transform: uppercase; margin: 0; }
.framing-report .note { color: var(--muted); font-size: .88em; }
.framing-report dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-size: .92em; }
.framing-report dl.meta dt { color: var(--muted); }
.framing-report dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.framing-report .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11.5rem, 1fr)); gap: .6rem; }
.framing-report .card { border: 1px solid var(--rule); border-top: 5px solid var(--kind, var(--ink)); border-radius: 4px; padding: .55rem .7rem; break-inside: avoid; }
.framing-report .card h3 { margin: 0 0 .2rem; font-size: .9em; }
.framing-report .card .big { font-size: 1.6em; font-weight: 700; line-height: 1.1; }
.framing-report .card .unit, .framing-report .card .split { color: var(--muted); font-size: .8em; }
.framing-report .card.wide { grid-column: span 2; }
.framing-report .card dl { display: grid; grid-template-columns: 1fr max-content; gap: .05rem .6rem; margin: .2rem 0 0; font-size: .85em; }
.framing-report .card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.framing-report ul.legend { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .35rem 1rem; font-size: .9em; }
.framing-report ul.legend li { line-height: 1.9; }
.framing-report .legend-extra { font-size: .85em; color: var(--muted); margin-top: .5rem; }
.framing-report .article { font: 17px/2.05 Georgia, "Times New Roman", serif; max-width: 44rem; }
.framing-report .article .para { margin: 0 0 .9rem; }
.framing-report .article .heading { font-weight: 700; font-size: 1.2em; line-height: 1.7; }
.framing-report .article blockquote { margin: 0 0 .9rem; padding-left: 1rem; border-left: 3px solid var(--rule); }
.framing-report .article .li { padding-left: 1.2rem; text-indent: -.8rem; }
.framing-report .article .li::before { content: "\\2022\\00a0\\00a0"; }
.framing-report .chrome { color: #7a7a7a; font: 13px/1.6 system-ui, sans-serif; border-left: 3px solid #e2e2e2; padding: .1rem 0 .1rem .6rem; margin: 0 0 .5rem; }
.framing-report .role-tag { display: inline-block; font-size: 10px; line-height: 1.4; text-transform: uppercase; letter-spacing: .05em; color: #777; border: 1px solid #ccc; border-radius: 3px; padding: 0 .3rem; margin-right: .45rem; vertical-align: 1px; }
.framing-report mark { color: inherit; background: transparent; padding: 0; border-radius: 2px; text-decoration-skip-ink: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.framing-report mark.d0 { text-underline-offset: .16em; }
.framing-report mark.d1 { text-underline-offset: .42em; }
.framing-report mark.d2 { text-underline-offset: .68em; }
.framing-report mark.d3 { text-underline-offset: .94em; }
.framing-report mark[title] { cursor: help; }
.framing-report .v-quoted { font-style: italic; }
.framing-report sup.ref { font: 600 .62em/1 system-ui, sans-serif; color: var(--muted); margin-left: .08em; }
.framing-report sup.ref a { color: inherit; text-decoration: none; }
.framing-report .article a { color: #1a4f8b; }
.framing-report .link-off { text-decoration: underline dotted #999; }
.framing-report .cls-high { background: #f0ede4; box-shadow: 0 0 0 1px #e2dccb; border-radius: 2px; }
.framing-report .card.classifier { grid-column: 1 / -1; }
.framing-report ol.top-sentences { font-size: .88em; padding-left: 1.6rem; margin: .2rem 0; }
.framing-report ol.top-sentences li { margin-bottom: .35rem; break-inside: avoid; }
.framing-report ol.top-sentences .big-score { font-weight: 700; font-variant-numeric: tabular-nums; }
.framing-report ol.top-sentences .why { color: var(--muted); font-size: .92em; }
.framing-report table { border-collapse: collapse; width: 100%; font-size: .86em; }
.framing-report th, .framing-report td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--rule); }
.framing-report th { background: var(--soft); font-weight: 600; }
.framing-report td.num { text-align: right; font-variant-numeric: tabular-nums; }
.framing-report td.sentence { color: var(--muted); font-size: .95em; width: 42%; }
.framing-report tr { break-inside: avoid; }
.framing-report figure { margin: 0 0 1.2rem; break-inside: avoid; }
.framing-report figure svg { width: 100%; max-width: 40rem; height: auto; display: block; }
.framing-report figcaption { color: var(--muted); font-size: .85em; }
.framing-report ol.endnotes { font-size: .88em; padding-left: 2.2rem; }
.framing-report ol.endnotes li { margin-bottom: .35rem; break-inside: avoid; }
.framing-report ol.endnotes .term { font-weight: 600; }
.framing-report ol.endnotes .rule { color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
.framing-report ol.endnotes .back { text-decoration: none; color: var(--muted); }
.framing-report .method code { overflow-wrap: anywhere; }
.framing-report .disclaimer { border: 1px solid var(--rule); background: var(--soft); padding: .6rem .8rem; border-radius: 4px; }
@media (max-width: 40rem) { .framing-report .card.wide { grid-column: auto; } }
@media print {
  @page { margin: 14mm 13mm; }
  .framing-report { max-width: none; padding: 0; font-size: 10pt; }
  .framing-report .article { font-size: 11pt; max-width: none; }
  .framing-report h2 { break-after: avoid; }
  .framing-report mark { text-decoration-color: #000 !important; }
  .framing-report .article a { color: inherit; }
  .framing-report th { background: none; }
  .framing-report table { font-size: 8.5pt; }
  .framing-report .card { border-top-color: #000; }
}
"""


def kind_css() -> str:
    """The per-kind rules: a light tint, a coloured underline of the kind's own style."""
    rules = []
    for kind, colour in KIND_COLOURS.items():
        line, style, thickness = KIND_DECORATION[kind]
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        rules.append(
            f".framing-report .k-{kind} {{ background: rgba({r},{g},{b},.16); "
            f"text-decoration: {line} {style} {colour}; text-decoration-thickness: {thickness}; }}"
        )
        rules.append(f".framing-report .c-{kind} {{ --kind: {colour}; }}")
    return "\n".join(rules)


CSS = BASE_CSS + kind_css() + "\n"
