"""Checking a student's highlights against an answer key, by overlap.

The result sorts highlights into "found by both", "only you" and "only framing", never right
or wrong: framing's list is a prompt for discussion, not the truth. A highlight given as quoted
words matches wherever those words stand in the article's numbered lines (only on its line,
when the student gives one that holds them); one given as offsets is taken as it is. A
highlight and a key item are found by both when their spans share at least one character.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from .answers import Answer, AnswersError, read_answers, read_key

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_STRIP = " \t\"'“”‘’.,;:!?()"


@dataclass(frozen=True)
class Match:
    """One highlight: where it stands in the article and the key items it overlaps."""

    answer: Answer
    article: Optional[str]
    spans: tuple[tuple[int, int], ...]
    items: tuple[int, ...]  # numbers of the key items it overlaps


@dataclass(frozen=True)
class CheckResult:
    """Highlights sorted by overlap with framing's key."""

    key: dict[str, Any]
    matches: tuple[Match, ...]
    not_found: tuple[Answer, ...]

    def found_by_both(self) -> list[tuple[str, dict[str, Any]]]:
        """Key items a highlight overlaps: (article label, item)."""
        hit = {(m.article, n) for m in self.matches for n in m.items}
        return [(a["label"], it) for a in self.key["articles"] for it in a["items"] if (a["label"], it["number"]) in hit]

    def only_you(self) -> list[Match]:
        return [m for m in self.matches if not m.items]

    def only_framing(self) -> list[tuple[str, dict[str, Any]]]:
        hit = {(m.article, n) for m in self.matches for n in m.items}
        return [(a["label"], it) for a in self.key["articles"] for it in a["items"] if (a["label"], it["number"]) not in hit]

    def counts(self) -> dict[str, int]:
        return {"found_by_both": len(self.found_by_both()), "only_you": len(self.only_you()),
                "only_framing": len(self.only_framing()), "not_in_article": len(self.not_found)}  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        def item(label: str, it: dict[str, Any]) -> dict[str, Any]:
            return {"article": label, **{k: it.get(k) for k in ("number", "line", "text", "task", "kind", "label", "note", "alternative")}}

        return {
            "schema": "framing.classroom.check/1",
            "counts": self.counts(),
            "found_by_both": [item(a, it) for a, it in self.found_by_both()],
            "only_you": [{"article": m.article, **m.answer.to_dict(), "spans": [list(s) for s in m.spans]} for m in self.only_you()],
            "only_framing": [item(a, it) for a, it in self.only_framing()],
            "not_in_article": [a.to_dict() for a in self.not_found],
            "note": "framing's list is a prompt for discussion, not the truth.",
        }

    def to_text(self) -> str:
        from .render_check import render_check_text

        return render_check_text(self)


def _line_spans(article: dict[str, Any]) -> dict[int, tuple[int, int]]:
    return {int(n): (int(s), int(e)) for n, s, e in article["lines"]}


def find_words(article: dict[str, Any], words: str, line: Optional[int] = None) -> list[tuple[int, int]]:
    """Where ``words`` stand in the article's numbered lines (case and curly quotes ignored)."""
    parts = words.translate(_QUOTES).strip(_STRIP).split()
    if not parts:
        return []
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(p) for p in parts) + r"(?!\w)", re.IGNORECASE)
    text = article["text"].translate(_QUOTES)
    lines = _line_spans(article)
    spans = [m.span() for m in pattern.finditer(text) if any(s <= m.start() < e for s, e in lines.values())]
    if line in lines:
        s, e = lines[line]
        on_line = [sp for sp in spans if sp[0] < e and sp[1] > s]
        return on_line or spans
    return spans


def _articles_for(key: dict[str, Any], answer: Answer) -> list[dict[str, Any]]:
    arts = key["articles"]
    if answer.article is None:
        return arts
    want = answer.article.strip().lower()
    chosen = [a for a in arts if str(a.get("label", "")).lower() == want or str(a.get("path") or "").lower().endswith(want)]
    if not chosen:
        raise AnswersError(f"answer {answer.row}: no article {answer.article!r} in the key (it has {', '.join(a['label'] for a in arts)})")
    return chosen


def check_answers(key: dict[str, Any], answers: list[Answer]) -> CheckResult:
    """Sort a student's highlights against the key by overlap."""
    matches, not_found = [], []
    for ans in answers:
        placed = False
        for art in _articles_for(key, ans):
            if ans.start is not None and ans.end is not None:
                if ans.end > len(art["text"]):
                    raise AnswersError(f"answer {ans.row}: end {ans.end} is past the end of the article's text ({len(art['text'])} characters)")
                spans = [(ans.start, ans.end)]
            else:
                spans = find_words(art, ans.text or "", ans.line)
            if not spans:
                continue
            placed = True
            hits = tuple(it["number"] for it in art["items"] if any(s < it["end"] and e > it["start"] for s, e in spans))
            matches.append(Match(ans, art["label"], tuple(spans), hits))
        if not placed:
            not_found.append(ans)
    return CheckResult(key, tuple(_merge(matches)), tuple(not_found))


def _merge(matches: list[Match]) -> list[Match]:
    """A highlight found in both articles, but framing flags it in only one: keep the flagged place."""
    out = []
    for m in matches:
        same = [o for o in matches if o.answer is m.answer]
        if not m.items and any(o.items for o in same):
            continue
        out.append(m)
    return out


__all__ = ["AnswersError", "CheckResult", "Match", "check_answers", "find_words", "read_answers", "read_key"]
