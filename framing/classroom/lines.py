"""Numbered lines: the article's title and body wrapped at a fixed width, each line a span.

Students and teachers point at "line 12"; the sheet and the key number the same lines, and
every line is a half-open span of ``Article.text``, so findings map onto lines exactly.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import SCORED_ROLES, Article

WIDTH = 66  # characters per printed line: fits an A4 or Letter page at 11pt with a margin for notes
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Line:
    """One printed line of the article."""

    number: int
    start: int
    end: int
    paragraph: int
    first: bool  # the first line of its paragraph
    heading: bool  # a title or heading line


def number_lines(article: Article, width: int = WIDTH) -> tuple[Line, ...]:
    """The title and body paragraphs, wrapped at ``width`` characters and numbered from 1."""
    lines: list[Line] = []
    for i, p in enumerate(article.paragraphs):
        if p.role not in SCORED_ROLES:
            continue
        heading = p.role == "title" or p.block == "heading"
        start = end = None
        first = True
        for m in _WORD.finditer(article.text, p.start, p.end):
            if start is not None and m.end() - start > width:
                lines.append(Line(len(lines) + 1, start, end, i, first, heading))
                start, first = None, False
            if start is None:
                start = m.start()
            end = m.end()
        if start is not None:
            lines.append(Line(len(lines) + 1, start, end, i, first, heading))
    return tuple(lines)


def line_at(lines: Sequence[Line], offset: int) -> Optional[int]:
    """The number of the line holding ``offset`` (or the next line, between lines), else None."""
    starts = [ln.start for ln in lines]
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < lines[i].end:
        return lines[i].number
    if i + 1 < len(lines) and lines[i + 1].paragraph == (lines[i].paragraph if i >= 0 else None):
        return lines[i + 1].number
    return lines[i].number if i >= 0 and offset <= lines[i].end else None
