"""Self-citation: the author citing their own earlier writing ("As I wrote")."""
from __future__ import annotations

from dataclasses import replace

from ..context import Context
from ..model import Finding

LINKED_BONUS = 0.2  # a self-citation that links to the author's own piece weighs more


def detect(ctx: Context) -> list[Finding]:
    """One finding per ``self_citation`` cue; the reason says whether a link backs it."""
    out = []
    article = ctx.article
    for m in ctx.matches("self_citation"):
        f = ctx.finding_from(m, m.item.note or "The writer cites their own earlier work as support.")
        sentence = article.sentences[f.sentence] if f.sentence is not None else None
        link = next((l for l in article.links if sentence and sentence.start <= l.start < sentence.end), None)
        if link is not None:
            f = replace(
                f,
                weight=min(1.0, round(f.weight + LINKED_BONUS, 3)),
                reason=f.reason + f" The link points to the writer's own piece ({link.url}).",
            )
        out.append(f)
    return out
