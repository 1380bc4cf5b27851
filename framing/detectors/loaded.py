"""Loaded terms: charged, emotive, delegitimising or euphemistic words, by category."""
from __future__ import annotations

from dataclasses import replace

from ..context import Context
from ..model import Finding
from .scare_quote import marker_matches, unattributed_short_quotes

SCARE_QUOTED = " (In scare quotes or after a word like so-called: the writer holds the word at a distance rather than using it.)"


def detect(ctx: Context) -> list[Finding]:
    """One finding per ``loaded`` lexicon match; words in a quotation belong to the speaker,
    and a word in scare quotes or after "so-called" is marked as held at a distance."""
    scare = [(q.inner_start, q.inner_end) for q, _ in unattributed_short_quotes(ctx)]
    marker_ends = {m.last for m in marker_matches(ctx)}
    out = []
    for m in ctx.matches("loaded"):
        label = ctx.lexicon.category("loaded", m.item.category)
        reason = m.item.note or f"A {label.label.lower() if label else m.item.category} term."
        distanced = any(s <= m.start and m.end <= e for s, e in scare) or (m.first - 1) in marker_ends
        if ctx.voice(m.start, m.end) == "quoted" and not distanced:
            reason += " (Inside a quotation: the speaker's word, not the writer's.)"
        f = ctx.finding_from(m, reason + (SCARE_QUOTED if distanced else ""))
        if distanced:
            # a scare-quoted word is the writer's own move, not a quoted speaker's
            f = replace(f, scare_quoted=True, voice="author")
        out.append(f)
    return out
