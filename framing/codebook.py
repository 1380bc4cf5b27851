"""A codebook for human coders, built from the lexicons: categories, entries, rules.

Every category of ``categories.tsv`` with its definition, its entries (term, weight, the note
that explains it, the neutral alternative) and the decision rules of ``lexicons/README.md``
("How matching works", the weight scale), in Markdown or as a self-contained HTML page.
"""
from __future__ import annotations

import html
import re
from typing import Optional

from .annotations import label_of
from .lexicon import Lexicon, default_folder
from .model import KINDS

KIND_TITLES = {
    "loaded": "Loaded language: charged, emotive, delegitimising or euphemistic words",
    "hedge": "Hedges: claims softened or held at a distance",
    "weasel": "Weasel words: claims given to unnamed groups",
    "booster": "Boosters: opinion presented as settled fact",
    "scare_quote": "Scare quotes: words put in doubt without saying who used them",
    "attribution_verb": "Attribution verbs: the stance a reporting verb carries",
    "self_citation": "Self-citation: the writer citing themselves as support",
}
HOW_TO_CODE = """\
1. Read the whole article once before coding.
2. Mark the shortest stretch of text that carries the category: the word or the fixed phrase
   ("slammed", "some observers", "the truth is that"), not the sentence around it.
3. Give each span one label, `kind/category`, from the list below. A stretch may carry two
   labels of different kinds ("Critics say": `weasel/vague_attribution`, and "say":
   `attribution_verb/neutral`).
4. Mark words inside direct quotations too: they count for the speaker, not the writer.
5. A negated word is still marked ("denied it was a massacre": "massacre").
6. Words inside names are not marked ("Islamic State", "the Freedom Party").
7. Do not code site chrome: share buttons, newsletter and donation appeals, disclaimers,
   author bios, "originally published" lines.
8. The entries under each category are examples framing knows, not a closed list: mark any
   word that fits the definition, and leave an entry unmarked where its sense differs
   (the "regime" of a diet).
9. If you code sentences rather than spans, give a sentence every label it carries.
"""


def _readme_sections(readme: str) -> list[tuple[str, str]]:
    """The README's decision rules: the weight scale and "How matching works"."""
    out = []
    weight = re.search(r"^- \*\*weight\*\*.*?(?=^- \*\*)", readme, re.MULTILINE | re.DOTALL)
    if weight:
        out.append(("Weights", weight.group(0).strip()))
    how = re.search(r"^## How matching works\n(.*?)(?=^## )", readme, re.MULTILINE | re.DOTALL)
    if how:
        out.append(("How framing decides", how.group(1).strip()))
    return out


def _cell(text: Optional[str]) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def codebook_markdown(lexicon: Lexicon, examples: Optional[int] = None) -> str:
    """The codebook as Markdown; ``examples`` caps the entries listed per category (heaviest first)."""
    readme_file = default_folder() / "README.md"
    readme = readme_file.read_text(encoding="utf-8") if readme_file.is_file() else ""
    out = [
        "# framing codebook\n",
        f"Lexicons version {lexicon.version} (SHA-256 `{lexicon.sha256[:16]}…`). framing flags language for "
        "discussion; it does not rule an article biased or true. This codebook gives coders the same "
        "categories, examples and rules that framing uses, so human coding and framing's findings can be compared.\n",
        "## How to code\n",
        HOW_TO_CODE,
        "## Categories\n",
    ]
    for kind in KINDS:
        cats = [c for c in lexicon.categories.values() if c.kind == kind]
        if not cats:
            continue
        out.append(f"### {kind}: {KIND_TITLES.get(kind, kind)}\n")
        for cat in cats:
            entries = sorted((e for e in lexicon.entries if e.kind == kind and e.category == cat.id), key=lambda e: (-e.weight, e.term))
            out.append(f"#### {cat.label} (`{label_of(kind, cat.id)}`)\n")
            out.append(f"{cat.description}\n")
            if not entries:
                out.append("framing finds these by a rule, not a word list (see *How framing decides*).\n")
                continue
            shown = entries[:examples] if examples else entries
            out.append("| term | weight | why it is flagged | neutral alternative |")
            out.append("|---|---|---|---|")
            out += [f"| {_cell(e.term)} | {e.weight:.1f} | {_cell(e.note)} | {_cell(e.alternative)} |" for e in shown]
            if len(shown) < len(entries):
                out.append(f"\n…and {len(entries) - len(shown)} more (`framing codebook` without `--examples` lists all).")
            out.append("")
    for title, body in _readme_sections(readme):
        out.append(f"## {title}\n")
        out.append(body + "\n")
    sources = "\n".join(f"- **{sid}**: {row.get('citation', '')} {('Licence: ' + row['licence']) if row.get('licence') else ''}".rstrip()
                        for sid, row in sorted(lexicon.sources.items()))
    out += ["## Sources of the entries\n", sources + "\n"]
    return "\n".join(out)


def codebook_html(lexicon: Lexicon, examples: Optional[int] = None) -> str:
    """The codebook as one self-contained HTML page (prints well)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(codebook_markdown(lexicon, examples))
    style = (
        "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;"
        "text-align:left;vertical-align:top}th{background:#f3f3f3}code{background:#f3f3f3;padding:0 .2rem}"
        "h3{margin-top:2.5rem;border-bottom:2px solid #ddd}@media print{h4{break-after:avoid}tr{break-inside:avoid}}"
    )
    title = html.escape(f"framing codebook (lexicons {lexicon.version})")
    return f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title><style>{style}</style></head>\n<body>\n{body}</body></html>\n"
