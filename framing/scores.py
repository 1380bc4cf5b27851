"""Counts, rates per 1,000 words and the sourcing profile of an analysed article."""
from __future__ import annotations

from collections import Counter
from typing import Any

from .model import KINDS, SCORED_ROLES, Article, Finding, Source
from .readability import Readability
from .sourcing import sourcing_profile

PER = 1000


def rate(count: int, words: int) -> float:
    """Occurrences per 1,000 words, rounded to two decimals (0 for no words)."""
    return round(count * PER / words, 2) if words else 0.0


def body_readability(article: Article, meter: Readability) -> dict[str, Any]:
    """Readability of the body paragraphs, from the article's own tokens and sentences."""
    words = [t.text for t in article.tokens_in_roles({"body"})]
    n_sentences = sum(1 for s in article.sentences if article.paragraphs[s.paragraph].role == "body")
    return meter.indices(words, n_sentences)


def scored_words(article: Article) -> int:
    """Words in title and body paragraphs."""
    return len(article.tokens_in_roles(SCORED_ROLES))


def compute_scores(article: Article, findings: list[Finding], sources: list[Source], meter: Readability) -> dict[str, Any]:
    """The ``scores`` block of the report."""
    words = scored_words(article)
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
        "readability": body_readability(article, meter),
        "classifier": None,  # the Analyzer fills in SentenceScorer.summary when a model is loaded
    }
