"""Sentence splitting with NLTK's Punkt, using no downloaded data.

Punkt runs with parameters built here: the abbreviations come from the lexicon table
``structure/abbreviation.tsv``, so "Gen. Lee" and "U.S. troops" do not end a sentence.
"""
from __future__ import annotations

import re
from typing import Iterable

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

_LINE_BREAK = re.compile(r"\n")
#: A "sentence" longer than this (a page with no full stops) is cut at a semicolon, colon,
#: comma or space near the limit, so that per-sentence work stays bounded.
MAX_SENTENCE_CHARS = 2_000
_CUTS = ("; ", ": ", ", ", " ")
# A word of two or more letters, one end mark, a space and the next token: "said. The".
_PLAIN_END = re.compile(r"([^\W\d_]{2,})[.?!]\s+\S+")
# What no sentence starts with: closing brackets, or a lower-case word after an end mark.
_CLOSERS = re.compile(r"[)\]}]+\s*")
_ENDS = re.compile(r"[.?!…][\"”’')\]]*\s*$")
_GOES_ON = re.compile(r"[^\W\d_A-Z]|[,;:.!?]|$")  # a lower-case letter or punctuation: the sentence goes on


class _Punkt(PunktSentenceTokenizer):
    """Punkt, deciding its commonest candidate break without its per-candidate word tokenizer.

    With parameters that hold only abbreviations (no collocations, no orthographic
    statistics), Punkt always breaks after a plain word of two or more letters that is not
    an abbreviation, when another token follows. About three candidates in four are of this
    kind; every other candidate goes to Punkt itself. ``tests/test_sentences.py`` checks the
    shortcut against Punkt's own decision.
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        m = _PLAIN_END.fullmatch(text)
        if m is not None and m.group(1).lower() not in self._params.abbrev_types:
            return True
        return super().text_contains_sentbreak(text)


class SentenceSplitter:
    """Splits one block of text into sentence spans."""

    def __init__(self, abbreviations: Iterable[str] = ()):
        params = PunktParameters()
        params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations if a}
        self._punkt = _Punkt(params)

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
            for s, e in _repair(chunk, list(self._punkt.span_tokenize(chunk))):
                for a, b in _cut_long(chunk, s, e):
                    if chunk[a:b].strip():
                        out.append((line_start + a, line_start + b))
            if m:
                line_start = m.end()
        return out


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans, with the breaks it makes inside a sentence undone.

    Closing brackets after an end mark belong to the sentence before ("(D-Ill.), who said"
    is one sentence; "(see below.) Then" two, the bracket with the first). A lower-case word
    after an end mark goes on the sentence ("?" he asked.", "(D-N.Y.) said", "5 p.m. on
    Friday"), unless it is a web address or a word written with capitals ("iPhone"), or
    the text itself starts in lower case or has no capitals.
    """
    out: list[tuple[int, int]] = []
    # in text written all in lower case, a lower-case word does start sentences
    cased = bool(spans) and not text.islower() and not text[spans[0][0]].islower()
    for s, e in spans:
        if out:
            closers = _CLOSERS.match(text, s, e)
            if closers:
                if _GOES_ON.match(text, closers.end(), e):
                    out[-1] = (out[-1][0], e)
                else:
                    out[-1] = (out[-1][0], s + len(closers.group().rstrip()))
                    out.append((closers.end(), e))
                continue
            if cased and text[s].islower() and _ENDS.search(text, out[-1][0], out[-1][1]) and _plain_word(text[s:e].split(None, 1)[0]):
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def _plain_word(token: str) -> bool:
    """A word in lower case, not a web address or a name written with capitals ("eBay")."""
    return token.islower() and "://" not in token and "." not in token.rstrip(".,;:!?\"”’')]}…")


def _cut_long(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)``, or pieces of at most ``limit`` characters cut after punctuation or a space."""
    out = []
    while end - start > limit:
        window = text[start + limit // 2 : start + limit]
        for mark in _CUTS:
            k = window.rfind(mark)
            if k >= 0:
                cut = start + limit // 2 + k + len(mark.rstrip())
                break
        else:
            cut = start + limit  # no space at all: a run of letters
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    out.append((start, end))
    return out
