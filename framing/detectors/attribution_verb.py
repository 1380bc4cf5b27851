"""Reporting verbs and the stance they carry: neutral ("said"), endorsing ("revealed"),
distancing ("claimed", "admitted")."""
from __future__ import annotations

from ..context import Context
from ..model import Finding
from ..tokens import surface_key

# After a determiner or possessive the word is a noun ("the claim", "his admission").
_NOUN_CUES = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my", "your"})

STANCE_REASONS = {
    "neutral": "A neutral reporting verb: it passes on what was said without judging it.",
    "endorsing": "This reporting verb suggests the speaker is right.",
    "distancing": "This reporting verb casts doubt on the speaker or what they said.",
}


def detect(ctx: Context) -> list[Finding]:
    """One finding per reporting verb used as a verb."""
    tokens = ctx.article.tokens
    out = []
    for m in ctx.matches("attribution_verb"):
        if m.first > 0 and surface_key(tokens[m.first - 1].text) in _NOUN_CUES:
            continue
        out.append(ctx.finding_from(m, m.item.note or STANCE_REASONS.get(m.item.category, "A reporting verb.")))
    return out
