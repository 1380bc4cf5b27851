"""Weasel words: vague or unnamed collective attribution ("some observers", "many voices").

A match is widened over a coordinated second group ("observers and organizations") so
the finding covers the whole vague source.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..context import Context
from ..model import Finding

_COORDINATED = re.compile(r"\s+(?:and|or)\s+(?:other\s+)?([a-z][a-z\-]+)")


def _collectives(lexicon) -> frozenset[str]:
    return frozenset(c.rstrip("s") for c in lexicon.words("sources/role"))


def detect(ctx: Context) -> list[Finding]:
    """One finding per ``weasel`` lexicon match, widened over "and <group>"."""
    collectives = ctx.lexicon.derived("weasel_collectives", _collectives)
    out = []
    text = ctx.article.text
    for m in ctx.matches("weasel"):
        f = ctx.finding_from(m, m.item.note or "Gives a claim to an unnamed group.")
        extra = _COORDINATED.match(text, f.end)
        # a second group joined by "and"/"or": a known collective or any plural noun
        if extra and (extra.group(1).rstrip("s") in collectives or extra.group(1).endswith("s")):
            f = replace(f, end=extra.end(), text=text[f.start : extra.end()])
        out.append(f)
    return out
