"""Scare quotes: short quoted words not attributed to any speaker, and "so-called".

A quotation of at most ``MAX_WORDS`` words counts as a scare quote when its sentence has
no reporting verb before it, no colon introduces it and no reporting verb follows it as
speech ("No," he said): the writer puts the word at a distance without saying who used it.
"""
from __future__ import annotations

from ..context import Context
from ..model import Finding, Quote
from ..quotes import reported_after
from ..tokens import tokenize

MAX_WORDS = 3
WEIGHT = 0.5
RULE = "rule:scare_quote/unattributed-short-quotation"


def unattributed_short_quotes(ctx: Context) -> list[tuple[Quote, int]]:
    """Short quotations in title or body that no reporting verb or colon introduces, with their sentence."""
    article = ctx.article
    verb_starts = [m.start for m in ctx.matches("attribution_verb")]
    out = []
    for q in article.quotes:
        if q.block or not article.is_scored(q.start):
            continue
        words = tokenize(article.text, q.inner_start, q.inner_end)
        if not 1 <= len(words) <= MAX_WORDS:
            continue
        s = article.sentence_at(q.start)
        if s is None:
            continue
        sentence = article.sentences[s]
        before = article.text[sentence.start : q.start].rstrip()
        if before.endswith((":", ",")) or any(sentence.start <= v < q.start for v in verb_starts):
            continue
        if reported_after(article.text, q, verb_starts, sentence.start):
            continue  # speech that a reporting verb follows ("We were destroyed," admitted the manager)
        out.append((q, s))
    return out


def marker_matches(ctx: Context):
    """Lexicon markers such as "so-called"."""
    return ctx.matches("scare_quote")


def detect(ctx: Context) -> list[Finding]:
    """Unattributed short quotations, plus ``scare_quote`` lexicon markers."""
    article = ctx.article
    out = [ctx.finding_from(m, m.item.note or "Puts a label in doubt, like quotation marks do.") for m in marker_matches(ctx)]
    for q, s in unattributed_short_quotes(ctx):
        out.append(
            Finding(
                start=q.start,
                end=q.end,
                text=article.text[q.start : q.end],
                kind="scare_quote",
                category="quotation_marks",
                weight=WEIGHT,
                reason="Quotation marks around a word no one is quoted as saying: they suggest the word is not to be trusted.",
                source=RULE,
                voice="author",
                sentence=s,
            )
        )
    return out
