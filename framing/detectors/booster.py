"""Boosters: certainty markers that present opinion as fact ("the truth is that", "indeed")."""
from __future__ import annotations

from ..context import Context
from ..model import Finding


def detect(ctx: Context) -> list[Finding]:
    """One finding per ``booster`` lexicon match."""
    return [ctx.finding_from(m, m.item.note or "Presents a view as certain fact.") for m in ctx.matches("booster")]
