"""Loaded terms: charged, emotive, delegitimising or euphemistic words, by category."""
from __future__ import annotations

from ..context import Context
from ..model import Finding


def detect(ctx: Context) -> list[Finding]:
    """One finding per ``loaded`` lexicon match; words in a quotation belong to the speaker."""
    out = []
    for m in ctx.matches("loaded"):
        label = ctx.lexicon.category("loaded", m.item.category)
        reason = m.item.note or f"A {label.label.lower() if label else m.item.category} term."
        if ctx.voice(m.start, m.end) == "quoted":
            reason += " (Inside a quotation: the speaker's word, not the writer's.)"
        out.append(ctx.finding_from(m, reason))
    return out
