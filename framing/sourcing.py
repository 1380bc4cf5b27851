"""The sourcing profile of an article: who speaks, in numbers.

Shares are of attributions (ledger entries) or of body sentences; "named" sources are
``named_person`` and ``named_organization`` entries, counted once per normalised name.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from .ledger import build_ledger
from .model import SOURCE_TYPES, Article, Finding, Source
from .tokens import tokenize


def _share(n: int, total: int) -> float:
    return round(n / total, 3) if total else 0.0


def _voice(s: Optional[Source]) -> Optional[dict[str, Any]]:
    return {"name": s.name, "type": s.type, "sentence": s.sentence} if s else None


def sourcing_profile(article: Article, sources: list[Source], findings: Optional[list[Finding]] = None) -> dict[str, Any]:
    """Who speaks, in numbers: types and shares, distinct named sources, quotes per speaker,
    first and last voice, sentences and claims without a source, links, and sides if mapped.

    ``sources`` is best the ledger ``find_sources`` returns; with a plain list, pass
    ``findings`` so quote owners, unattributed claims and links can be worked out.
    """
    ledger = sources if hasattr(sources, "quote_owners") and findings is None else build_ledger(article, findings or [], list(sources))
    by_type = Counter(s.type for s in ledger)
    n = len(ledger)
    named = {s.name for s in ledger if s.type in ("named_person", "named_organization")}
    body_sentences = [i for i, s in enumerate(article.sentences) if article.paragraphs[s.paragraph].role == "body"]
    unsourced = [i for i in body_sentences if i not in ledger.attributed]
    quotes_per_speaker = Counter(ledger[n_].name for n_ in ledger.quote_owners.values())
    voices = [s for s in ledger if s.type != "link_only"]
    unnamed = sum(by_type.get(t, 0) for t in ("vague", "anonymous", "self", "link_only"))
    profile: dict[str, Any] = {
        "attributions": n,
        "by_type": {t: by_type.get(t, 0) for t in SOURCE_TYPES},
        "distinct_named_sources": len(named),
        "named_sources": sorted(named),
        "share_vague": _share(by_type.get("vague", 0), n),
        "share_anonymous": _share(by_type.get("anonymous", 0), n),
        "share_self": _share(by_type.get("self", 0), n),
        "share_link_only": _share(by_type.get("link_only", 0), n),
        "share_self_or_link_only": _share(by_type.get("self", 0) + by_type.get("link_only", 0), n),
        "share_vague_anonymous_self_or_link_only": _share(unnamed, n),
        "direct_quotes": sum(s.quoted == "direct" for s in ledger),
        "mixed_quotes": sum(s.quoted == "mixed" for s in ledger),
        "paraphrases": sum(s.quoted == "paraphrase" for s in ledger),
        "hedged_attributions": sum(s.hedge is not None for s in ledger),
        "quotes_per_speaker": dict(sorted(quotes_per_speaker.items())),
        "first_voice": _voice(voices[0] if voices else None),
        "last_voice": _voice(voices[-1] if voices else None),
        "body_sentences": len(body_sentences),
        "share_sentences_without_source": _share(len(unsourced), len(body_sentences)),
        "unattributed_claims": len(ledger.unattributed_claims),
        "unattributed_claim_sentences": list(ledger.unattributed_claims),
        "links": ledger.links,
    }
    if any(s.side for s in ledger):
        profile["sides"] = _sides(article, ledger)
    return profile


def _sides(article: Article, ledger: list[Source]) -> dict[str, dict[str, int]]:
    """Attributions, quotations and quoted words per side (``None`` sides left out)."""
    out: dict[str, dict[str, int]] = {}
    owners = getattr(ledger, "quote_owners", {})
    for s in ledger:
        if s.side:
            out.setdefault(s.side, {"attributions": 0, "quotes": 0, "quoted_words": 0})["attributions"] += 1
    for k, n in owners.items():
        side = ledger[n].side
        if side:
            q = article.quotes[k]
            out[side]["quotes"] += 1
            out[side]["quoted_words"] += len(tokenize(article.text, q.inner_start, q.inner_end))
    return dict(sorted(out.items()))
