"""Epistemic hedges and distancing markers ("might", "reportedly", "suspected")."""
from __future__ import annotations

from ..context import Context
from ..model import Finding


def detect(ctx: Context) -> list[Finding]:
    """One finding per ``hedge`` lexicon match."""
    return [ctx.finding_from(m, m.item.note or "Softens or distances the claim.") for m in ctx.matches("hedge")]
