"""Details of one attribution: its quotation (direct, mixed or paraphrase), a hedge on it
("reportedly said"), and the stated reason a source is anonymous."""
from __future__ import annotations

from typing import Optional

from .model import Article, Finding, Quote
from .source_tables import SourceTables
from .tokens import tokenize

CLAUSE_END = ",.;:!?)—–"


def quote_kind(article: Article, sentence: Optional[int], start: int, anchor: int) -> tuple[str, Optional[Quote]]:
    """``direct``, ``mixed`` or ``paraphrase``, and the quotation, for a speaker at ``start``
    whose reporting verb ends at ``anchor``.

    The quotation is the first one after the verb in the sentence, else the one just before
    the speaker ('"...," Varga said'), else one opening the next paragraph after a colon or an
    unfinished sentence ("stated that his country's government is" / "“resolute ...").
    """
    if sentence is None:
        return "paraphrase", None
    text = article.text
    sent = article.sentences[sentence]
    inside = [q for q in article.quotes if not q.block and (sent.start <= q.start < sent.end or q.start < sent.start < q.end)]
    after = [q for q in inside if q.start >= anchor]
    before = [q for q in inside if q.end <= start]
    if before and not text[sent.start : before[0].start].strip() and len(text[before[-1].end : start].split()) <= 2:
        return "direct", before[-1]  # '"...," Varga said', '"...," wrote Lew
    if after:
        q = after[0]
        lead = text[sent.start : q.start].rstrip()
        inner = text[q.inner_start : q.inner_end].lstrip()
        whole = lead.endswith((":", ",")) or (inner[:1].isupper() and len(inner.split()) > 3)
        return ("direct" if whole else "mixed"), q
    if before:
        q = before[-1]
        lead = text[sent.start : q.start].strip()
        gap = text[q.end : start].strip(" ,")
        return ("direct" if not lead and not gap else "mixed"), q
    ending = text[sent.start : sent.end].rstrip()
    if ending.endswith(":") or ending[-1:] not in (".", "!", "?", "”", '"', "’"):
        nxt = next((q for q in article.quotes if sent.end <= q.start <= sent.end + 3), None)
        if nxt:
            whole = ending.endswith(":") or text[nxt.inner_start : nxt.inner_start + 1].isupper()
            return ("direct" if whole else "mixed"), nxt
    return "paraphrase", None


def hedge_on(findings: list[Finding], sentence: Optional[int], start: int, end: int, speaker: tuple[int, int]) -> Optional[str]:
    """The hedge that softens the attribution itself: one between the speaker and just after
    the verb ("reportedly told", "is said to have"), not a word of the speaker phrase itself."""
    for f in findings:
        if f.kind == "hedge" and f.voice == "author" and f.sentence == sentence and start - 12 <= f.start and f.end <= end + 16 \
                and not (speaker[0] <= f.start < speaker[1]):
            return f.text
    return None


def _find(words: list[str], phrase: tuple[str, ...], lo: int = 0) -> int:
    """Where ``phrase`` first stands in ``words`` at or after ``lo``, or -1."""
    n = len(phrase)
    stop = len(words) - n + 1
    i = lo
    while i < stop:
        try:
            i = words.index(phrase[0], i, stop)  # candidates by their first word, found in C
        except ValueError:
            return -1
        if tuple(words[i : i + n]) == phrase:
            return i
        i += 1
    return -1


def anonymity(text: str, start: int, end: int, tables: SourceTables) -> Optional[tuple[str, Optional[str]]]:
    """If ``text[start:end]`` (a sentence) grants a source anonymity: (the cue, the stated reason)."""
    toks = tokenize(text, start, end)
    words = [t.text.lower().replace("’", "'") for t in toks]
    cue_at = min((i for i in (_find(words, c) for c in tables.anonymity_cues + tables.anonymity_reasons) if i >= 0), default=-1)
    if cue_at < 0:
        return None
    cue = next(c for c in tables.anonymity_cues + tables.anonymity_reasons if _find(words, c) == cue_at)
    reason_at = -1
    if cue in tables.anonymity_reasons:
        reason_at = cue_at
    else:
        after = cue_at + len(cue)
        hits = [i for i in (_find(words, m, after) for m in tables.reason_markers) if 0 <= i <= after + 1]
        hits += [i for i in (_find(words, r, after) for r in tables.anonymity_reasons) if 0 <= i <= after + 8]
        reason_at = min(hits, default=-1)
    cue_text = text[toks[cue_at].start : toks[cue_at + len(cue) - 1].end]
    if reason_at < 0:
        return cue_text, None
    r_start = toks[reason_at].start
    r_end = r_start
    while r_end < end and text[r_end] not in CLAUSE_END:
        r_end += 1
    return cue_text, text[r_start:r_end].strip() or None
