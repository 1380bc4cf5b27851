"""The frame of one attribution: who is the subject of a reporting verb, and how they speak.

A sentence before the verb is cut into segments at commas, dashes and quotations. The
segment right before the verb holds the subject ("Varga said"); when a comma comes first,
the walk goes back over relative clauses ("who spoke on condition of anonymity ..."),
participles ("referring to ...") and appositions ("spokesman for Iraq's Joint Operations
Command") to the name or role that opens the chain. Failing that, the speaker follows the
verb ("said Smith", "described by X", "according to X").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from .context import Context
from .model import Finding
from .source_tables import SourceTables
from .speakers import Phrase, PhraseReader

BOUNDARY = ",;:()[]—–"
BE_FORMS = frozenset("be been being is are was were".split())
SKIP_OPENERS = frozenset("who which whose whom where when while as according speaking referring citing adding noting saying".split())
ADVERBS = frozenset("also already again later then repeatedly publicly previously reportedly allegedly widely initially once not never".split())
OBJECT_CUES = frozenset({"to", "as", "that"})
# a US party and state label after a name: "(R-Pa.)", ", D-N.Y.,", "(I-Vt.)"
PARTY_LABEL = re.compile(r"(?:R|D|I|Ind|DFL)-[A-Z][A-Za-z]*(?:\.[A-Z]?)*\.?")


@dataclass(frozen=True)
class Segment:
    first: int
    last: int
    hard: bool  # a quotation or the sentence start lies just before it


class AttributionReader:
    """Finds the speaker of reporting verbs in one article."""

    def __init__(self, ctx: Context, tables: SourceTables, reader: PhraseReader):
        self.ctx = ctx
        self.text = ctx.article.text
        self.tokens = ctx.article.tokens
        self.tables = tables
        self.reader = reader

    def between(self, i: int) -> str:
        return self.text[self.tokens[i - 1].end : self.tokens[i].start]

    def segments(self, floor: int, end: int) -> list[Segment]:
        """Tokens ``floor..end`` outside quotations, cut at punctuation and quotations."""
        out: list[Segment] = []
        start: Optional[int] = None
        hard = True
        for i in range(floor, end + 1):
            if self.reader.quoted[i]:
                if start is not None:
                    out.append(Segment(start, i - 1, hard))
                start, hard = None, True
                continue
            gap = self.between(i)
            cut = i > floor and gap != " " and (any(c in BOUNDARY or c in "“”\"" for c in gap) or " - " in gap)
            if start is None:
                start = i
            elif cut:
                out.append(Segment(start, i - 1, hard))
                start, hard = i, any(c in "“”\"" for c in gap)
        if start is not None:
            out.append(Segment(start, end, hard))
        return out

    def is_skip(self, seg: Segment) -> bool:
        w = self.reader.word(seg.first)
        return w in SKIP_OPENERS or (w.endswith("ing") and not self.tokens[seg.first].text[:1].isupper())

    def passive(self, v: int, floor: int) -> bool:
        """Whether the verb at ``v`` is passive ("was quoted"); a form of "be" before an -ing
        form is progressive ("had been predicting")."""
        if self.reader.word(v).endswith("ing"):
            return False
        k = v - 1
        while k >= floor and self.reader.word(k) in ADVERBS:
            k -= 1
        return k >= floor and self.reader.word(k) in BE_FORMS

    # -- the subject ------------------------------------------------------------------
    def main_subject(self, floor: int, v: int) -> Optional[Phrase]:
        """The phrase that opens the sentence's first segment: the subject a participle
        ("..., adding", "by claiming") shares with the main verb."""
        segs = self.segments(floor, v - 1)
        if not segs:
            return None
        phrases = self.reader.phrases_in(segs[0].first, segs[0].last, segs[0].last)
        return phrases[0] if phrases and phrases[0].first <= segs[0].first + 1 else None

    def subject(self, floor: int, v: int, ceiling: int) -> Optional[Phrase]:
        """The speaker before the verb at token ``v``, if any."""
        if v <= floor:
            return None
        segs = self.segments(floor, v - 1)
        if not segs:
            return None
        last = segs[-1]
        adjacent = last.last == v - 1 and not any(c in BOUNDARY for c in self.between(v)) and not self.reader.quoted[v - 1]
        if adjacent:
            phrases = self.reader.phrases_in(last.first, last.last, ceiling)
            if not phrases:
                return None
            core = self._pick(phrases)
            prev = segs[-2] if len(segs) > 1 and not last.hard else None
            if core.type.startswith("named") and prev and core.first == last.first:
                before = self.reader.phrases_in(prev.first, prev.last, prev.last)
                if len(before) == 1 and (before[0].first, before[0].last) == (prev.first, prev.last) and before[0].type in ("official", "vague"):
                    return self.reader.with_role(core, prev.first, prev.last, left=True)  # "the chief inspector, Helen Marsh,"
            return core
        return self._chain(segs)

    def _pick(self, phrases: list[Phrase]) -> Phrase:
        """The rightmost phrase, unless it is a document that is the object of a verb
        ("members of the House released a statement saying")."""
        core = phrases[-1]
        if core.type == "document" and len(phrases) > 1 and core.first > 0:
            prev = self.reader.word(core.first - 1)
            if prev not in self.tables.pronouns and not self.tokens[core.first - 1].text[:1].isupper() and prev not in ("by", "to"):
                return next(p for p in reversed(phrases[:-1]) if p.type != "document") if any(p.type != "document" for p in phrases[:-1]) else core
        return core

    def _chain(self, segs: list[Segment]) -> Optional[Phrase]:
        """Walk back over "Name, role, who ..., said" to the phrase that opens it."""
        chain: list[tuple[Segment, Optional[Phrase]]] = []
        for seg in reversed(segs):
            if self.is_skip(seg):
                chain.append((seg, None))
            elif all(self.tokens[k].text.isdigit() for k in range(seg.first, seg.last + 1)):
                chain.append((seg, Phrase(seg.first, seg.last, "age", "")))
            elif label := self.party_label(seg):
                chain.append((seg, Phrase(seg.first, seg.last, "party", label)))
            else:
                phrases = self.reader.phrases_in(seg.first, seg.last, seg.last)
                if phrases and phrases[0].first <= seg.first + 1:
                    chain.append((seg, phrases[0]))
                elif self.reader.word(seg.first) in ("a", "an", "the"):
                    chain.append((seg, Phrase(seg.first, seg.last, "apposition", "")))  # "a retired ferry engineer"
                else:
                    break
            if seg.hard:
                break
        chain.reverse()
        while chain and (chain[0][1] is None or chain[0][1].type in ("age", "apposition", "party")):
            chain.pop(0)
        if not chain:
            return None
        parts = []
        for seg, p in chain:
            if p is None:
                break
            parts.append((seg, p))
        core_seg, core = next(((s, p) for s, p in parts if p.type.startswith("named")), parts[0])
        for seg, p in parts:
            if seg is core_seg:
                continue
            if p.type == "party":  # the party is what the speaker speaks for; the phrase stays the name
                core = replace(core, affiliation=core.affiliation or p.name)
                continue
            core = self.reader.with_role(core, seg.first, seg.last, left=seg.first < core_seg.first)
        return core

    def party_label(self, seg: Segment) -> Optional[str]:
        """A party and state label that fills ``seg`` ("R-Pa." in "Scott Perry (R-Pa.)"), as written."""
        start = self.tokens[seg.first].start
        m = PARTY_LABEL.match(self.text, start)
        if m is None or m.end() < self.tokens[seg.last].end or self.text[m.end() : m.end() + 1].isalnum():
            return None
        return m.group()

    # -- after the verb ---------------------------------------------------------------
    def after(self, v_last: int, ceiling: int, by: bool) -> Optional[Phrase]:
        """The speaker right after the verb: "said Smith", "described by X", "according to X"."""
        k = v_last + 1
        if k <= ceiling and self.reader.word(k) == "by":
            k += 1
        elif by:
            return None
        if k <= ceiling and self.reader.word(k) == "both":
            k += 1
        if k > ceiling:
            return None
        phrases = self.reader.phrases_in(k, min(ceiling, k + 12), ceiling)
        if not phrases or phrases[0].first > k + 1:
            return None
        p = phrases[0]
        nxt = p.last + 1
        if nxt <= ceiling and "," in self.between(nxt):
            segs = self.segments(nxt, ceiling)
            if segs:
                app = self.reader.phrases_in(segs[0].first, segs[0].last, segs[0].last)
                if app and (app[0].first, app[0].last) == (segs[0].first, segs[0].last) and not app[0].type.startswith("named") and p.type.startswith("named"):
                    return self.reader.with_role(p, segs[0].first, segs[0].last, left=False)
        return p

    # -- is it speech? ------------------------------------------------------------------
    def reports_speech(self, verb: Finding, v_last: int, ceiling: int, sentence: int) -> bool:
        """Whether the verb introduces what someone said, not an act ("praised the strike")."""
        sent = self.ctx.article.sentences[sentence]
        if verb.text.lower().startswith("according"):
            return True
        if any(sent.start <= q.start < sent.end or q.start < sent.start < q.end for q in self.ctx.article.quotes if not q.block):
            return True
        if self.text[sent.start : sent.end].rstrip().endswith(":"):
            return True
        nxt_char = self.text[verb.end : verb.end + 2].lstrip()[:1]
        if nxt_char in (",", ":", ";", "“", '"'):
            return True
        if (v_last + 1 > ceiling or nxt_char in (".", "")) and "," in self.text[sent.start : verb.start]:
            return True  # "..., he said."
        frame = self.tables.speech_frame(verb.text)
        nxt = [self.reader.word(k) for k in range(v_last + 1, min(ceiling, v_last + 10) + 1)]
        if "that" in nxt[:2] or frame == "clause":
            return True
        return frame == "object" and bool(OBJECT_CUES & set(nxt))
