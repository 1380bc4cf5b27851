"""Sentence splitting with NLTK's Punkt, using no downloaded data.

Punkt runs with parameters built here: the abbreviations come from the lexicon table
``structure/abbreviation.tsv``, so "Gen. Lee" and "U.S. troops" do not end a sentence.
"""
from __future__ import annotations

import re
from typing import Iterable

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

_LINE_BREAK = re.compile(r"\n")


class SentenceSplitter:
    """Splits one block of text into sentence spans."""

    def __init__(self, abbreviations: Iterable[str] = ()):
        params = PunktParameters()
        params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations if a}
        self._punkt = PunktSentenceTokenizer(params)

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Sentence spans of ``text[start:end]``, as offsets into ``text``.

        A hard line break inside a block (a list of lines) also ends a sentence.
        """
        end = len(text) if end is None else end
        out: list[tuple[int, int]] = []
        line_start = start
        for m in list(_LINE_BREAK.finditer(text, start, end)) + [None]:
            line_end = m.start() if m else end
            chunk = text[line_start:line_end]
            for s, e in self._punkt.span_tokenize(chunk):
                if chunk[s:e].strip():
                    out.append((line_start + s, line_start + e))
            if m:
                line_start = m.end()
        return out
