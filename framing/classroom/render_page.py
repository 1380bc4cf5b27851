"""The page around every classroom sheet: the report's stylesheet and security policy, plus print rules.

Built on ``framing.render``: the same Content-Security-Policy (no scripts, nothing loaded
from the network), the same scoped stylesheet (kinds told apart by underline style, so a
black-and-white print keeps them apart) and the same escaping of every piece of article text.
"""
from __future__ import annotations

from html import escape
from typing import Iterable, Optional

from ..model import KINDS
from ..render.common import KIND_DESCRIPTIONS, KIND_LABELS
from ..render.html import standalone_page
from ..report import Report
from .notes import level_words

CLASSROOM_CSS = """
.framing-classroom .lines { font: 16px/2.6 Georgia, "Times New Roman", serif; max-width: 46rem; }
.framing-classroom .ln { display: grid; grid-template-columns: 2.4rem 1fr; break-inside: avoid; }
.framing-classroom .ln .no { color: #6a6a6a; font: 11px/2.6 system-ui, sans-serif; text-align: right; padding-right: .8rem; font-variant-numeric: tabular-nums; }
.framing-classroom .ln.first { margin-top: .5rem; }
.framing-classroom .ln.heading .tx { font-weight: 700; }
.framing-classroom .key .lines { line-height: 2.3; }
.framing-classroom .src { outline: 1.5px solid #444; outline-offset: 1px; border-radius: 2px; }
.framing-classroom .student-line { display: grid; grid-template-columns: 7rem 1fr; gap: 1rem; margin: .4rem 0 1.1rem; }
.framing-classroom .fill { display: block; border-bottom: 1px solid #777; height: 2.1rem; }
.framing-classroom .name-row { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: .6rem 0 1rem; font-size: .95em; }
.framing-classroom .name-row span { flex: 1 1 10rem; border-bottom: 1px solid #777; padding-bottom: .2rem; }
.framing-classroom ol.tasks li, .framing-classroom ul.prompts li { margin-bottom: .45rem; }
.framing-classroom .rewrite { break-inside: avoid; margin: 0 0 1.4rem; }
.framing-classroom .rewrite blockquote { margin: .2rem 0 .5rem; padding-left: .8rem; border-left: 3px solid var(--rule); font: 16px/1.7 Georgia, serif; }
.framing-classroom table.blank td { height: 2.4rem; }
.framing-classroom .level { font-size: .92em; }
.framing-classroom .marker { font-size: .85em; color: var(--muted); }
.framing-classroom .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
@media (max-width: 44rem) { .framing-classroom .pair { grid-template-columns: 1fr; } }
@media print {
  .framing-classroom .lines { font-size: 12pt; max-width: none; }
  .framing-classroom .ln .no { font-size: 8pt; color: #000; }
  .framing-classroom .new-page { break-before: page; }
  .framing-classroom .fill, .framing-classroom .name-row span { border-bottom-color: #000; }
  .framing-classroom .src { outline-color: #000; }
}
"""


def page(title: str, body: str) -> str:
    """A whole self-contained page around ``body`` (already HTML)."""
    return standalone_page(title, body, CLASSROOM_CSS, "framing-report framing-classroom")


def article_title(report: Report) -> str:
    m = report.article.meta
    return m.title or m.path or "Untitled article"


def meta_list(report: Report, label: Optional[str] = None) -> str:
    """Title, outlet, author, date and reading level as a definition list (all escaped)."""
    m = report.article.meta
    grade = (report.scores.get("readability") or {}).get("flesch_kincaid_grade")
    rows = [("Article", (f"{label}: " if label else "") + article_title(report)), ("Outlet", m.outlet or "?"),
            ("By", m.byline or "?"), ("Date", m.date or "?"), ("Words", str(report.scores.get("words", 0))),
            ("Reading level", level_words(grade))]  # fmt: skip
    return '<dl class="meta">' + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows) + "</dl>"


def legend(kinds: Iterable[str]) -> str:
    """The highlight legend for the kinds on a key (underline styles tell them apart in print)."""
    wanted = set(kinds)
    items = "".join(
        f'<li><mark class="k-{k} d0">{escape(KIND_LABELS[k])}</mark>: {escape(KIND_DESCRIPTIONS[k])}</li>' for k in KINDS if k in wanted
    )
    if "source" in wanted:
        items += '<li><span class="src">Who speaks</span>: a person or group the article quotes or cites</li>'
    return f'<ul class="legend">{items}</ul>'


def bullets(texts: Iterable[str], cls: str = "prompts") -> str:
    return f'<ul class="{cls}">' + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"
