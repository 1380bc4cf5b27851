"""Counts, rates per 1,000 words and the sourcing profile of an analysed article."""
from __future__ import annotations

from collections import Counter
from typing import Any

from .model import KINDS, SCORED_ROLES, SOURCE_TYPES, Article, Finding, Source
from .readability import readability
from .tokens import tokenize

PER = 1000


def rate(count: int, words: int) -> float:
    """Occurrences per 1,000 words, rounded to two decimals (0 for no words)."""
    return round(count * PER / words, 2) if words else 0.0


def scored_text(article: Article) -> str:
    """The text of the title and body paragraphs, one paragraph a line."""
    return "\n".join(article.text[p.start : p.end] for p in article.paragraphs if p.role in SCORED_ROLES)


def body_text(article: Article) -> str:
    return "\n".join(article.text[p.start : p.end] for p in article.paragraphs if p.role == "body")


def compute_scores(article: Article, findings: list[Finding], sources: list[Source]) -> dict[str, Any]:
    """The ``scores`` block of the report."""
    words = len(tokenize(scored_text(article)))
    counts: dict[str, dict[str, int]] = {}
    rates: dict[str, dict[str, float]] = {}
    categories: dict[str, dict[str, int]] = {}
    weights: dict[str, float] = {}
    for kind in KINDS:
        of_kind = [f for f in findings if f.kind == kind]
        author = sum(f.voice == "author" for f in of_kind)
        c = {"total": len(of_kind), "author": author, "quoted": len(of_kind) - author}
        counts[kind] = c
        rates[kind] = {k: rate(v, words) for k, v in c.items()}
        categories[kind] = dict(sorted(Counter(f.category for f in of_kind).items()))
        weights[kind] = round(sum(f.weight for f in of_kind if f.voice == "author"), 3)
    return {
        "words": words,
        "counts": counts,
        "rates_per_1000_words": rates,
        "categories": categories,
        "author_weight": weights,
        "sourcing": sourcing_profile(article, sources),
        "readability": readability(body_text(article)),
        "classifier": None,
    }


def sourcing_profile(article: Article, sources: list[Source]) -> dict[str, Any]:
    """Who speaks, in numbers: types, distinct named sources, quote kinds, unsourced share."""
    by_type = Counter(s.type for s in sources)
    n = len(sources)
    named = {s.name for s in sources if s.type in ("named_person", "named_organization")}
    body_sentences = [i for i, s in enumerate(article.sentences) if article.paragraphs[s.paragraph].role == "body"]
    attributed = {s.sentence for s in sources}
    unsourced = [i for i in body_sentences if i not in attributed]
    quotes_per_speaker = Counter(s.name for s in sources if s.quoted in ("direct", "mixed"))
    return {
        "attributions": n,
        "by_type": {t: by_type.get(t, 0) for t in SOURCE_TYPES},
        "distinct_named_sources": len(named),
        "share_vague": round(by_type.get("vague", 0) / n, 3) if n else 0.0,
        "share_anonymous": round(by_type.get("anonymous", 0) / n, 3) if n else 0.0,
        "share_self_or_link_only": round((by_type.get("self", 0) + by_type.get("link_only", 0)) / n, 3) if n else 0.0,
        "direct_quotes": sum(s.quoted == "direct" for s in sources),
        "mixed_quotes": sum(s.quoted == "mixed" for s in sources),
        "paraphrases": sum(s.quoted == "paraphrase" for s in sources),
        "quotes_per_speaker": dict(sorted(quotes_per_speaker.items())),
        "body_sentences": len(body_sentences),
        "share_sentences_without_source": round(len(unsourced) / len(body_sentences), 3) if body_sentences else 0.0,
    }
