"""The result of ``framing check`` as text: found by both, only you, only framing."""
from __future__ import annotations

from typing import Any

from .check import CheckResult
from .notes import KIND_PLAIN

LEAD = "framing's list is a prompt for discussion, not the truth. Talk about the words in each group."


def _where(label: str, line: Any, many: bool) -> str:
    return (f"{label} " if many else "") + (f"line {line}" if line is not None else "")


def _item(label: str, it: dict[str, Any], many: bool) -> str:
    alt = f"; a plainer word: {it['alternative']}" if it.get("alternative") else ""
    kind = KIND_PLAIN.get(it.get("kind", ""), it.get("kind", ""))
    return f"  {_where(label, it.get('line'), many):>9}  \"{it['text']}\" ({kind}: {it.get('label', '')}){alt}\n             {it.get('note', '')}"


def render_check_text(result: CheckResult) -> str:
    """The three groups with counts, then any words not in the article."""
    key = result.key
    many = len(key["articles"]) > 1
    c = result.counts()
    titles = " / ".join(str(a.get("title") or a.get("path") or a["label"]) for a in key["articles"])
    out = [f"Your highlights and framing's list for: {titles} (grade {key.get('grade')})", LEAD, ""]
    out.append(f"Found by both: {c['found_by_both']}")
    out += [_item(a, it, many) for a, it in result.found_by_both()]
    out += ["", f"Only you: {c['only_you']}  (framing did not flag these. Why did you mark them? framing can miss things.)"]
    for m in result.only_you():
        line = key_line(result, m.article, m.spans[0][0])
        out.append(f"  {_where(m.article or '', line, many):>9}  \"{m.answer.text or key_text(result, m.article, m.spans[0])}\"")
    out += ["", f"Only framing: {c['only_framing']}  (do you agree these words carry a judgement, a hedge or a source?)"]
    out += [_item(a, it, many) for a, it in result.only_framing()]
    if result.not_found:
        out += ["", f"Not found in the article: {c['not_in_article']}  (check the spelling, or copy the words as written)"]
        out += [f"  \"{a.text}\"" for a in result.not_found]
    return "\n".join(out) + "\n"


def _article(result: CheckResult, label: Any) -> dict[str, Any]:
    return next(a for a in result.key["articles"] if a["label"] == label)


def key_line(result: CheckResult, label: Any, offset: int) -> Any:
    for n, s, e in _article(result, label)["lines"]:
        if s <= offset < e:
            return n
    return None


def key_text(result: CheckResult, label: Any, span: tuple[int, int]) -> str:
    return _article(result, label)["text"][span[0] : span[1]]
