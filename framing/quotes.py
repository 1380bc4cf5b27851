"""Direct quotations: curly and straight double quotes, single curly quotes, block quotes.

Quotation marks are read as openers or closers from the characters around them, so
straight quotes pair up like curly ones. A quotation left open at the end of a
paragraph continues into the next paragraph when that paragraph closes it (the press
convention for a quotation that runs over several paragraphs).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from .model import Paragraph, Quote

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
MAX_CONTINUED_PARAGRAPHS = 4
REPORT_GAP = 30  # characters from a quotation's end to the reporting verb that follows it (', the minister told')
_QUOTE_MARK = re.compile(f"[{_OPEN_DOUBLE}{_CLOSE_DOUBLE}\"‘’]")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _marks(text: str, start: int, end: int) -> list[tuple[int, str, str]]:
    """(position, 'open'|'close', family) for each quotation mark in ``text[start:end]``."""
    out = []
    for m in _QUOTE_MARK.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in _OPEN_DOUBLE:
            out.append((i, "open", "double"))
        elif ch in _CLOSE_DOUBLE:
            out.append((i, "close", "double"))
        elif ch == '"':
            if (before.isspace() or before in "([{—–-/") and not after.isspace():
                out.append((i, "open", "double"))
            elif not before.isspace():
                out.append((i, "close", "double"))
        elif ch == "‘":
            if not _is_word(before) and (_is_word(after) or after in "“\""):
                out.append((i, "open", "single"))
        elif ch == "’":
            if not before.isspace() and not _is_word(after):
                out.append((i, "close", "single"))
    return out


def _quotes_itself(text: str, para: Paragraph) -> bool:
    """Whether a block quote holds its own quotation marks and words outside them: a pull
    quote with its attribution ('"...," said Dr Hassan'), whose attribution is the writer's."""
    marks = _marks(text, para.start, para.end)
    if not marks or marks[0][1:] != ("open", "double") or text[para.start : marks[0][0]].strip():
        return False
    close = next((pos for pos, what, family in marks if family == "double" and what == "close"), None)
    return close is not None and any(c.isalpha() for c in text[close + 1 : para.end])


def find_quotes(text: str, paragraphs: Sequence[Paragraph]) -> list[Quote]:
    """Every direct quotation in ``text``; block-quote paragraphs are quotations whole."""
    quotes: list[Quote] = []
    pending: tuple[int, int] | None = None  # (open position, paragraph index) of a double quote left open
    for p_index, para in enumerate(paragraphs):
        if para.block == "blockquote" and not _quotes_itself(text, para):
            quotes.append(Quote(para.start, para.end, para.start, para.end, block=True))
            pending = None
            continue
        open_double: int | None = None
        open_single: int | None = None
        if pending is not None and p_index - pending[1] > MAX_CONTINUED_PARAGRAPHS:
            pending = None
        for pos, what, family in _marks(text, para.start, para.end):
            if family == "double":
                if what == "open":
                    if pending is not None and open_double is None:
                        pending = None  # a new opener: the earlier quotation was never closed
                    open_double = pos
                elif open_double is not None:
                    quotes.append(Quote(open_double, pos + 1, open_double + 1, pos))
                    open_double = None
                    open_single = None
                elif pending is not None:
                    quotes.append(Quote(pending[0], pos + 1, pending[0] + 1, pos))
                    pending = None
            else:
                if what == "open":
                    open_single = pos
                elif open_single is not None:
                    # a single quote inside a double one is a quotation within it: keep the outer only
                    if open_double is None:
                        quotes.append(Quote(open_single, pos + 1, open_single + 1, pos))
                    open_single = None
        if open_double is not None:
            pending = (open_double, p_index)
    quotes.sort(key=lambda q: q.start)
    return quotes


def reported_after(text: str, q: Quote, verb_starts: Sequence[int], sentence_start: int) -> bool:
    """Whether a quotation that opens its sentence, with words ending in a comma, question or
    exclamation mark, is followed by a reporting verb: speech, however short ("We were
    destroyed," admitted Guardiola). Mid-sentence, such a quotation is a label in American
    punctuation (denounced them as "satanic," praised ...). ``verb_starts`` are the sorted
    start offsets of attribution verbs."""
    if text[sentence_start : q.start].strip() or not text[q.inner_start : q.inner_end].rstrip().endswith((",", "?", "!")):
        return False
    k = bisect_left(verb_starts, q.end)
    return k < len(verb_starts) and verb_starts[k] - q.end <= REPORT_GAP and "." not in text[q.end : verb_starts[k]]
