"""Same story, two outlets, as HTML: the filled-in tables (for ``framing compare`` and the key)."""
from __future__ import annotations

from html import escape
from typing import Any, Sequence

from ..render.common import KIND_LABELS
from .compare import Comparison, NameRow
from .exercises import Speaker
from .notes import BEYOND_PROMPTS, COMPARE_PROMPTS
from .render_page import article_title, bullets, meta_list, page

NOTE = ("Rates are per 1,000 words of title and body, so stories of different length can be compared; "
        "a rate that rests on a count of 1 or 2 can swing a lot, so read the counts too. framing flags "
        "language for discussion; it does not rule either story biased or true.")  # fmt: skip


def _num(x: Any, share: bool = False) -> str:
    if x is None:
        return "&ndash;"
    if share:
        return f"{100 * x:.0f}%"
    return escape(f"{x:.1f}" if isinstance(x, float) else str(x))


def _words(xs: Sequence[str]) -> str:
    return escape(", ".join(xs)) if xs else '<span class="marker">none</span>'


def _head(c: Comparison) -> tuple[str, str]:
    return escape(f"A: {c.a.article.meta.outlet or article_title(c.a)}"), escape(f"B: {c.b.article.meta.outlet or article_title(c.b)}")


def rates_table(c: Comparison) -> str:
    a, b = _head(c)
    rows = "".join(
        f'<tr><td><mark class="k-{k.kind} d0">{escape(KIND_LABELS[k.kind])}</mark></td>'
        f'<td class="num">{k.counts[0]}</td><td class="num">{k.rates[0]:.1f}</td><td class="num">{k.author_rates[0]:.1f}</td>'
        f'<td class="num">{k.counts[1]}</td><td class="num">{k.rates[1]:.1f}</td><td class="num">{k.author_rates[1]:.1f}</td></tr>'
        for k in c.kinds
    )
    source_rows = "".join(f'<tr><td>{escape(m)}</td><td class="num" colspan="3">{_num(x, m.startswith("share"))}</td><td class="num" colspan="3">{_num(y, m.startswith("share"))}</td></tr>'
                          for m, x, y in c.sourcing)  # fmt: skip
    return (
        f'<table class="rates"><thead><tr><th rowspan="2">Kind</th><th colspan="3">{a}</th><th colspan="3">{b}</th></tr>'
        "<tr><th>count</th><th>per 1,000</th><th>writer's own, per 1,000</th><th>count</th><th>per 1,000</th>"
        f"<th>writer's own, per 1,000</th></tr></thead><tbody>{rows}{source_rows}</tbody></table>"
        f'<p class="note">{escape(NOTE)}</p>'
    )


def _how(s: Speaker) -> str:
    how = " and ".join(q.replace("direct", "quoted directly").replace("mixed", "partly quoted").replace("paraphrase", "paraphrased") for q in s.quoted)
    verbs = f" ({', '.join(s.verbs)})" if s.verbs else ""
    return escape(how + verbs)


def speakers_table(c: Comparison) -> str:
    a, b = _head(c)
    named = [{s.name: s for s in side if s.named} for side in c.speakers]
    order = list(dict.fromkeys([*named[0], *named[1]]))
    rows = "".join(
        f"<tr><td>{escape(n)}</td>"
        + "".join(f"<td>{_how(side[n])}</td>" if n in side else '<td class="marker">not quoted</td>' for side in named)
        + "</tr>"
        for n in order
    )
    unnamed = [[f"{s.name} ({s.type.replace('_', ' ')})" for s in side if not s.named] for side in c.speakers]
    rows += "<tr><td>No name given</td>" + "".join(f"<td>{_words(u)}</td>" for u in unnamed) + "</tr>"
    return f"<table><thead><tr><th>Who</th><th>{a}</th><th>{b}</th></tr></thead><tbody>{rows}</tbody></table>"


def names_table(rows: Sequence[NameRow], c: Comparison, what: str) -> str:
    if not rows:
        return f'<p class="note">No {escape(what)} found in both stories.</p>'
    a, b = _head(c)
    body = "".join(
        f"<tr><td><b>{escape(r.name)}</b><br><span class=\"marker\">{escape(r.kind)}</span></td>"
        + "".join(
            f"<td>{r.mentions[i]}&times;: {_words(r.forms[i])}<br>words nearby: {_words(r.words[i])}"
            + (f"<br>verbs: {_words(r.verbs[i])}" if r.verbs[i] else "") + "</td>"
            for i in (0, 1)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr><th>{escape(what.capitalize())}</th><th>{a}</th><th>{b}</th></tr></thead><tbody>{body}</tbody></table>"


def figures_list(c: Comparison) -> str:
    both, only_a, only_b = c.figures
    a, b = _head(c)
    only = c.only
    return (
        '<table><thead><tr><th></th><th>Figures (in digits)</th><th>Names</th></tr></thead><tbody>'
        f"<tr><td>In both</td><td>{_words(both)}</td><td>{_words([r.name for r in c.names])}</td></tr>"
        f"<tr><td>Only in {a}</td><td>{_words(only_a)}</td><td>{_words(only[0])}</td></tr>"
        f"<tr><td>Only in {b}</td><td>{_words(only_b)}</td><td>{_words(only[1])}</td></tr></tbody></table>"
        '<p class="note">Hints for the facts table: a figure or a name in one story only may be a fact the other left out.</p>'
    )


def comparison_sections(c: Comparison) -> str:
    """Every filled-in table of the comparison, as HTML sections."""
    return "\n".join([
        f"<section><h2>Rates per 1,000 words</h2>{rates_table(c)}</section>",
        f"<section><h2>Who is quoted</h2>{speakers_table(c)}</section>",
        "<section><h2>Same names, different words</h2><p class=\"note\">People, places and groups named in both stories, "
        "lined up by name; the words nearby are framing's flags in the sentences that mention them.</p>"
        f"{names_table(c.names, c, 'name')}<h3>Things both stories talk about</h3>{names_table(c.topics, c, 'word')}</section>",
        f"<section><h2>Facts only in A, only in B</h2>{figures_list(c)}</section>",
        f"<section><h2>What no tool can see</h2>{bullets(COMPARE_PROMPTS + BEYOND_PROMPTS)}</section>",
    ])  # fmt: skip


def render_compare_page(c: Comparison) -> str:
    """The comparison as one self-contained page."""
    header = (
        '<header><p class="eyebrow">framing: same story, two outlets</p>'
        f"<h1>{escape(article_title(c.a))}<br><small>and</small><br>{escape(article_title(c.b))}</h1>"
        f'<div class="pair"><div>{meta_list(c.a, "A")}</div><div>{meta_list(c.b, "B")}</div></div></header>'
    )
    return page(f"framing compare: {article_title(c.a)} / {article_title(c.b)}", header + "\n" + comparison_sections(c))
