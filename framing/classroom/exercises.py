"""The single-article exercises: "Word detective" (find and explain) and "Say it straight" (rewrite).

Both are built from a ``Report``: the key items are framing's findings (filtered by grade
band) and its source ledger, each with a plain note; the sentences to rewrite are the most
loaded ones, ranked by the weight of the writer's own flagged words plus the classifier's
sentence score when the report carries one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from ..lexicon import Lexicon
from ..model import Finding, Source
from ..report import Report
from .grades import GradeBand, task_of
from .lines import Line, line_at
from .notes import plain_note, source_note


@dataclass(frozen=True)
class KeyItem:
    """One entry of the answer key: a flagged span or a source, with a plain note."""

    number: int
    start: int
    end: int
    text: str
    line: Optional[int]
    task: str  # judgement | sources | hedges
    kind: str  # a finding kind, or "source"
    category: str  # the finding's category, or the source's type
    label: str  # the category in words
    note: str
    alternative: Optional[str] = None
    voice: str = "author"
    name: Optional[str] = None  # who speaks, for a source
    weight: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number, "start": self.start, "end": self.end, "text": self.text, "line": self.line,
            "task": self.task, "kind": self.kind, "category": self.category, "label": self.label, "note": self.note,
            "alternative": self.alternative, "voice": self.voice, "name": self.name, "weight": self.weight,
        }  # fmt: skip


@dataclass(frozen=True)
class Speaker:
    """Everyone the article gives words or views to, grouped by name."""

    name: str
    type: str
    named: bool
    quoted: tuple[str, ...]  # direct, mixed, paraphrase: how their words appear
    verbs: tuple[str, ...]
    lines: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "named": self.named, "quoted": list(self.quoted),
                "verbs": list(self.verbs), "lines": list(self.lines)}  # fmt: skip


@dataclass(frozen=True)
class RewriteItem:
    """A sentence for "Say it straight", with the flagged words in it."""

    sentence: int
    start: int
    end: int
    text: str
    lines: tuple[int, ...]
    weight: float  # the summed weight of the writer's own flagged words
    score: Optional[float]  # the classifier's probability that the sentence is loaded, if any
    words: tuple[KeyItem, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence, "start": self.start, "end": self.end, "text": self.text, "lines": list(self.lines),
            "weight": round(self.weight, 3), "score": self.score, "words": [w.number for w in self.words],
        }  # fmt: skip


#: Kinds a neutral rewrite changes (a hedge can be honest; a source cannot be rewritten away).
REWRITE_KINDS = frozenset({"loaded", "scare_quote", "booster", "weasel", "attribution_verb", "self_citation"})
NAMED_TYPES = frozenset({"named_person", "named_organization", "document"})


def category_label(kind: str, category: str, lexicon: Optional[Lexicon]) -> str:
    """The category's label from ``categories.tsv``, else its id in words."""
    cat = lexicon.category(kind, category) if lexicon else None
    return cat.label if cat else category.replace("_", " ").capitalize()


def key_items(report: Report, band: GradeBand, lines: Sequence[Line], lexicon: Optional[Lexicon] = None) -> tuple[KeyItem, ...]:
    """framing's findings for this band and its sources, in reading order, numbered from 1."""
    rows: list[tuple[int, int, str, Any]] = [(f.start, -f.end, f.kind, f) for f in report.findings if band.includes(f)]
    rows += [(s.start, -s.end, "source", s) for s in report.sources]
    items = []
    for start, _, _, x in sorted(rows, key=lambda r: r[:3]):
        line = line_at(lines, start)
        if line is None:
            continue
        items.append(_item(len(items) + 1, x, line, lexicon))
    return tuple(items)


def _item(n: int, x: Finding | Source, line: int, lexicon: Optional[Lexicon]) -> KeyItem:
    if isinstance(x, Source):
        return KeyItem(n, x.start, x.end, x.text, line, "sources", "source", x.type, x.type.replace("_", " "),
                       source_note(x.type), name=x.name)  # fmt: skip
    return KeyItem(n, x.start, x.end, x.text, line, task_of(x.kind), x.kind, x.category,
                   category_label(x.kind, x.category, lexicon), plain_note(x), x.alternative, x.voice, weight=x.weight)  # fmt: skip


def speakers(report: Report, lines: Sequence[Line]) -> tuple[Speaker, ...]:
    """The source ledger grouped by speaker, in order of first appearance."""
    groups: dict[str, list[Source]] = {}
    for s in report.sources:
        groups.setdefault(s.name, []).append(s)
    out = []
    for name, group in groups.items():
        types = [s.type for s in group]
        stype = max(set(types), key=types.count)
        out.append(Speaker(
            name=name, type=stype, named=stype in NAMED_TYPES,
            quoted=tuple(dict.fromkeys(s.quoted for s in group)),
            verbs=tuple(dict.fromkeys(s.verb for s in group if s.verb)),
            lines=tuple(dict.fromkeys(n for n in (line_at(lines, s.start) for s in group) if n is not None)),
        ))  # fmt: skip
    return tuple(out)


def sentence_scores(report: Report) -> list[Optional[float]]:
    """The classifier's per-sentence scores, where the report carries them (else all None)."""
    return [s.get("score") for s in report.to_dict()["sentences"]]


def rewrite_items(report: Report, band: GradeBand, lines: Sequence[Line], items: Sequence[KeyItem]) -> tuple[RewriteItem, ...]:
    """The most loaded body sentences (at most ``band.rewrites``), in reading order.

    Rank: the summed weight of the writer's own flagged words in the sentence (quoted words
    belong to the speaker and are not the student's to rewrite), plus the classifier's score.
    """
    article = report.article
    scores = sentence_scores(report)
    by_sentence: dict[int, list[KeyItem]] = {}
    for it in items:
        if it.kind in REWRITE_KINDS and it.voice == "author":
            i = article.sentence_at(it.start)
            if i is not None:
                by_sentence.setdefault(i, []).append(it)
    ranked = []
    for i in article.scored_sentences():
        s = article.sentences[i]
        para = article.paragraphs[s.paragraph]
        if para.role != "body" or para.block == "heading":
            continue
        words = by_sentence.get(i, [])
        weight = round(sum(w.weight for w in words if w.kind != "attribution_verb" or w.category != "neutral"), 3)
        score = scores[i] if i < len(scores) else None
        rank = weight + (score or 0.0)
        if words and rank > 0:
            ranked.append((-rank, i, weight, score, words))
    chosen = sorted(sorted(ranked)[: band.rewrites], key=lambda r: r[1])
    out = []
    for _, i, weight, score, words in chosen:
        s = article.sentences[i]
        nums = tuple(n for n in dict.fromkeys(line_at(lines, o) for o in (s.start, max(s.start, s.end - 1))) if n is not None)
        span = tuple(range(nums[0], nums[-1] + 1)) if nums else ()
        out.append(RewriteItem(i, s.start, s.end, article.text[s.start : s.end], span, weight, score, tuple(words)))
    return tuple(out)


def rewrite_change(original: str, rewrite: str, analyzer: Any = None) -> dict[str, Any]:
    """What framing flags in a sentence before and after a student's rewrite.

    >>> change = rewrite_change("Critics slammed the puppet council.", "Critics criticised the council.")
    >>> change["before"]["loaded"] > change["after"]["loaded"]
    True
    """
    from ..pipeline import default_analyzer

    an = analyzer or default_analyzer()
    out: dict[str, Any] = {}
    for label, text in (("before", original), ("after", rewrite)):
        report = an.score_text(text)
        counts = {k: v["author"] for k, v in report.scores["counts"].items()}
        counts["words"] = [f.text for f in report.findings if f.voice == "author" and f.weight > 0]
        out[label] = counts
    return out


__all__ = ["KeyItem", "RewriteItem", "Speaker", "key_items", "rewrite_change", "rewrite_items", "sentence_scores", "speakers"]
