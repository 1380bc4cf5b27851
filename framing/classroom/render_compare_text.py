"""Same story, two outlets, as plain text for a terminal."""
from __future__ import annotations

from typing import Any

from ..render.common import KIND_LABELS
from .compare import Comparison
from .notes import BEYOND_PROMPTS, COMPARE_PROMPTS


def _v(x: Any, share: bool = False) -> str:
    if x is None:
        return "-"
    if share:
        return f"{100 * x:.0f}%"
    return f"{x:.1f}" if isinstance(x, float) else str(x)


def render_compare_text(c: Comparison) -> str:
    """The comparison's tables as aligned text."""
    out = []
    for label, r in (("A", c.a), ("B", c.b)):
        m = r.article.meta
        grade = (r.scores.get("readability") or {}).get("flesch_kincaid_grade")
        out.append(f"{label}: {m.title or m.path} | {m.outlet or '?'} | {r.scores.get('words', 0)} words | reading grade {_v(grade)}")
    out += ["", f"{'Per 1,000 words (count)':34}{'A':>14}{'B':>14}"]
    for k in c.kinds:
        out.append(f"{KIND_LABELS[k.kind]:34}{f'{k.rates[0]:.1f} ({k.counts[0]})':>14}{f'{k.rates[1]:.1f} ({k.counts[1]})':>14}")
    for m, x, y in c.sourcing:
        out.append(f"{m:40}{_v(x, m.startswith('share')):>8}{_v(y, m.startswith('share')):>14}")
    out += ["", "Who is quoted"]
    for label, side in zip("AB", c.speakers):
        named = ", ".join(f"{s.name} ({'/'.join(s.verbs) or 'no verb'})" for s in side if s.named) or "none"
        unnamed = ", ".join(s.name for s in side if not s.named) or "none"
        out += [f"  {label} named: {named}", f"  {label} no name given: {unnamed}"]
    out += ["", "Same names, different words (framing's flags in the sentences that mention them)"]
    for r in (*c.names, *c.topics):
        out.append(f"  {r.name} [{r.kind}]")
        for i, label in enumerate("AB"):
            out.append(f"    {label} ({r.mentions[i]}x: {', '.join(r.forms[i])}): {', '.join(r.words[i]) or '-'}")
    both, only_a, only_b = c.figures
    out += ["", "Facts: figures and names", f"  in both: {', '.join(both) or '-'}",
            f"  only in A: {', '.join([*only_a, *c.only[0]]) or '-'}", f"  only in B: {', '.join([*only_b, *c.only[1]]) or '-'}"]  # fmt: skip
    out += ["", "What no tool can see"] + [f"  - {p}" for p in COMPARE_PROMPTS + BEYOND_PROMPTS]
    out += ["", "framing flags language for discussion; it does not rule an article biased or true."]
    return "\n".join(out) + "\n"
