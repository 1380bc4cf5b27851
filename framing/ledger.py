"""The source ledger as a list of ``Source``, with what the article-level profile needs:
which sentences have a source, who owns each quotation, and which claims stand unsourced."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from .links import link_profile
from .model import Article, Finding, Source

CLAIM_KINDS = frozenset({"loaded", "booster"})  # kinds that mark a contested fact or an evaluation
_QUOTE_OPENERS = "“\"‘«"


class SourceLedger(list):
    """A ``list[Source]`` in text order, plus article-level facts about its attributions.

    ``attributed``: indices of sentences with a source, or inside a quotation a source owns.
    ``quote_owners``: index into ``article.quotes`` -> index into this list.
    ``unattributed_claims``: body sentences with a loaded term or a booster in the writer's
    voice and no source. ``links``: the article's link profile (``framing.links.link_profile``).
    """

    def __init__(self, sources: Iterable[Source] = (), attributed: frozenset[int] = frozenset(),
                 quote_owners: Optional[dict[int, int]] = None, unattributed_claims: tuple[int, ...] = (),
                 links: Optional[dict[str, Any]] = None):
        super().__init__(sources)
        self.attributed = attributed
        self.quote_owners = quote_owners or {}
        self.unattributed_claims = unattributed_claims
        self.links = links


def _overlapping(article: Article, start: int, end: int) -> list[int]:
    return [i for i, s in enumerate(article.sentences) if s.start < end and start < s.end]


def build_ledger(article: Article, findings: list[Finding], sources: list[Source]) -> SourceLedger:
    """Wrap ``sources`` with quote owners, attributed sentences and unattributed claims."""
    quotes = article.quotes
    index = {(q.start, q.end): k for k, q in enumerate(quotes)}
    owners: dict[int, int] = {}
    for n, s in enumerate(sources):
        k = index.get((s.quote_start, s.quote_end))
        if k is not None and k not in owners:
            owners[k] = n
    attributed = {s.sentence for s in sources if s.sentence is not None}
    for k, n in owners.items():
        attributed.update(_overlapping(article, quotes[k].start, quotes[k].end))
    # a quotation that opens the next sentence of the paragraph continues the last speaker's words
    speaker_of = {s.sentence: n for n, s in enumerate(sources) if s.sentence is not None and s.type != "link_only"}
    for i, sent in enumerate(article.sentences):
        prev = i - 1
        if i in attributed or prev < 0 or article.sentences[prev].paragraph != sent.paragraph or prev not in attributed:
            continue
        if article.text[sent.start : sent.end].lstrip()[:1] in _QUOTE_OPENERS and prev in speaker_of:
            attributed.add(i)
            speaker_of[i] = speaker_of[prev]
            for k, q in enumerate(quotes):
                if sent.start <= q.start < sent.end and k not in owners:
                    owners[k] = speaker_of[prev]
    claims = sorted(
        {f.sentence for f in findings if f.kind in CLAIM_KINDS and f.voice == "author" and f.sentence is not None}
        - attributed
    )
    claims = [i for i in claims if article.paragraphs[article.sentences[i].paragraph].role == "body"]
    return SourceLedger(sources, frozenset(attributed), owners, tuple(claims), link_profile(article, findings))
