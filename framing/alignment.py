"""Offsets into the original input: from ``Article.text`` back to the raw file.

The plain ``text`` is built from parsed blocks (white space normalised, Markdown markup and
HTML tags dropped), so its offsets differ from the researcher's file. Each block is aligned
greedily, forwards, against a *visible stream* of the raw input: the raw characters with link
destinations, images, tags and comments masked out and escapes and entities decoded (each
decoded character points at its whole escape or entity). A run of white space in the input
matches a single space or line break in the text.

The result is a compact tuple of runs ``(text_start, text_end, input_start, input_end)``: a run
maps linearly when both sides have the same length, else it is one text character (a space, an
escaped or entity character) standing for the whole input range. Characters that cannot be
placed are left out, and spans that start or end on one get ``None``.

>>> raw = "Critics \\\\*slammed\\\\* the [plan](http://x.org/plan)."
>>> runs = align_blocks(raw, [("Critics *slammed* the plan.", 0, None)], "markdown")
>>> index = InputIndex(runs)
>>> s, e = index.span(0, 27)
>>> raw[s:e]
'Critics \\\\*slammed\\\\* the [plan](http://x.org/plan).'
>>> s, e = index.span(22, 26)
>>> raw[s:e]
'plan'
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from typing import Iterable, Optional, Sequence

Run = tuple[int, int, int, int]  # text_start, text_end, input_start, input_end

LOOKAHEAD = 32  # how far past markup the next character of a block may lie
MIN_MAPPED = 0.8  # a block placed with fewer of its characters found is left unmapped
MAX_STRETCH = 1.5  # nor one whose visible input is much longer than its text
KEY_WORDS = 4  # a block is looked for by its first words, white space between them free
TRIES = 8  # places tried for a block whose first words occur more than once

_DEST = r"\((?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_MARKDOWN_SKIPS = re.compile(
    rf"(?P<image>!\[[^\]\n]*\]{_DEST})"
    rf"|(?P<dest>\]{_DEST})"
    r"|(?P<ref>\]\[[^\]\n]*\])"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    rf"|(?P<entity>{_ENTITY})",
    re.DOTALL,
)
_HTML_SKIPS = re.compile(
    r"(?P<tag><(?P<raw>script|style|noscript|template)\b.*?</(?P=raw)\s*>|<!--.*?-->|<![^>]*>|<\?.*?\?>|<[^>]*>)"
    rf"|(?P<entity>{_ENTITY})",
    re.DOTALL | re.IGNORECASE,
)


class Stream:
    """The visible characters of ``raw[lo:hi]`` and where each came from."""

    def __init__(self, raw: str, syntax: str, lo: int = 0, hi: Optional[int] = None):
        hi = len(raw) if hi is None else hi
        pattern = _HTML_SKIPS if syntax == "html" else _MARKDOWN_SKIPS if syntax == "markdown" else None
        pieces: list[str] = []
        segs: list[Run] = []  # stream_start, stream_end, input_start, input_end
        n, pos = 0, lo

        def emit(chars: str, start: int, end: int) -> None:
            nonlocal n
            if chars:
                pieces.append(chars)
                segs.append((n, n + len(chars), start, end))
                n += len(chars)

        for m in pattern.finditer(raw, lo, hi) if pattern else ():
            emit(raw[pos : m.start()], pos, m.start())
            kind = m.lastgroup
            if kind == "escape":
                emit(m.group()[1], m.start() + 1, m.end())
            elif kind == "entity":
                decoded = html.unescape(m.group())
                if len(decoded) == 1:
                    emit(decoded, m.start(), m.end())
                else:  # an entity of two characters, or one that is not an entity after all
                    emit(decoded, m.start(), m.start() + len(decoded)) if decoded == m.group() else emit(decoded[0], m.start(), m.end())
            pos = m.end()
        emit(raw[pos:hi], pos, hi)
        self.text = "".join(pieces)
        self.segs = segs
        self._starts = [s[0] for s in segs]
        self._inputs = [s[2] for s in segs]

    def at_input(self, offset: int) -> int:
        """The stream position of the first visible character at or after input ``offset``."""
        i = bisect_right(self._inputs, offset) - 1
        if i < 0:
            return 0
        s0, s1, r0, r1 = self.segs[i]
        if offset >= r1:
            return s1
        return s0 + (offset - r0 if s1 - s0 == r1 - r0 else 0)

    def to_input(self, start: int, end: int) -> list[Run]:
        """Input runs for the stream range ``[start, end)``, split where segments change."""
        out: list[Run] = []
        i = bisect_right(self._starts, start) - 1
        pos = start
        while pos < end and i < len(self.segs):
            s0, s1, r0, r1 = self.segs[i]
            stop = min(end, s1)
            if s1 - s0 == r1 - r0:
                out.append((pos, stop, r0 + pos - s0, r0 + stop - s0))
            else:
                out.append((pos, stop, r0, r1))
            pos = stop
            i += 1
        return out


def _align_block(block: str, stream: str, j: int, hi: int) -> tuple[list[Run], int, int]:
    """Greedy forward alignment of ``block`` against ``stream[j:hi]``.

    Returns runs in block/stream coordinates, the stream position after the block, and the
    number of non-space block characters placed.
    """
    runs: list[Run] = []
    placed = 0
    i, n = 0, len(block)
    while i < n:
        c = block[i]
        if c.isspace():
            k = j
            while k < hi and k - j < 8 and not stream[k].isspace() and not stream[k].isalnum():
                k += 1  # markup before the space: "**", "](...)" is masked already
            if k < hi and stream[k].isspace():
                e = k + 1
                while e < hi and stream[e].isspace():
                    e += 1
                runs.append((i, i + 1, k, e))
                j = e
            i += 1
            continue
        k = stream.find(c, j, min(hi, j + LOOKAHEAD))
        if k < 0:
            i += 1  # not in the input (a character the parser made): left unmapped
            continue
        length = 1
        while i + length + 64 <= n and k + length + 64 <= hi and block[i + length : i + length + 64] == stream[k + length : k + length + 64]:
            length += 64
        while i + length < n and k + length < hi and block[i + length] == stream[k + length]:
            length += 1
        runs.append((i, i + length, k, k + length))
        placed += sum(1 for ch in block[i : i + length] if not ch.isspace())
        i += length
        j = k + length
    return runs, j, placed


def _key(block: str) -> Optional[re.Pattern]:
    words = block.split()[:KEY_WORDS]
    return re.compile(r"\s+".join(re.escape(w) for w in words)) if words else None


def _place(text: str, stream: str, key: re.Pattern, lo: int, hi: int) -> Optional[tuple[list[Run], int]]:
    """The first place in ``stream[lo:hi]`` where ``text`` aligns well, tried at its key's matches."""
    needed = MIN_MAPPED * sum(1 for ch in text if not ch.isspace())
    starts = [m.start() for _, m in zip(range(TRIES), key.finditer(stream, lo, hi))]
    if not starts:  # the first words were changed by the parser: try the first character
        k = stream.find(text.lstrip()[:1], lo, hi)
        starts = [k] if k >= 0 else []
    for k in starts:
        runs, end, placed = _align_block(text, stream, k, hi)
        if placed >= needed and end - k <= MAX_STRETCH * len(text) + 16:
            return runs, end
    return None


def align_blocks(raw: str, blocks: Iterable[tuple[str, int, Optional[tuple[int, int]]]], syntax: str) -> tuple[Run, ...]:
    """Runs from text offsets to ``raw`` offsets for ``blocks`` given as
    ``(block_text, offset_in_text, (input_start, input_end) or None)``, in input order."""
    stream = Stream(raw, syntax)
    runs: list[Run] = []
    cursor = 0
    for text, offset, where in blocks:
        key = _key(text)
        if key is None:
            continue
        lo, hi = cursor, len(stream.text)
        if where is not None:  # the parser knows the block's lines: search there only
            lo = max(cursor, stream.at_input(where[0]))
            hi = max(lo, stream.at_input(where[1]))
        placed_at = _place(text, stream.text, key, lo, hi)
        if placed_at is None:
            continue
        block_runs, cursor = placed_at
        for t0, t1, s0, s1 in block_runs:
            if t1 - t0 == s1 - s0:
                for p0, p1, r0, r1 in stream.to_input(s0, s1):
                    runs.append((offset + t0 + p0 - s0, offset + t0 + p1 - s0, r0, r1))
            else:  # one text character for a stretch of input
                pieces = stream.to_input(s0, s1)
                runs.append((offset + t0, offset + t1, pieces[0][2], pieces[-1][3]))
    return tuple(_merge(runs))


def _merge(runs: list[Run]) -> list[Run]:
    """Join runs that continue one another linearly."""
    out: list[Run] = []
    for run in runs:
        if out:
            t0, t1, r0, r1 = out[-1]
            if t1 == run[0] and r1 == run[2] and t1 - t0 == r1 - r0 and run[1] - run[0] == run[3] - run[2]:
                out[-1] = (t0, run[1], r0, run[3])
                continue
        out.append(run)
    return out


class InputIndex:
    """Looks up input offsets for text spans; build once per article."""

    def __init__(self, runs: Sequence[Run]):
        self.runs = runs
        self._starts = [r[0] for r in runs]

    def _run(self, offset: int) -> Optional[Run]:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.runs[i][1]:
            return self.runs[i]
        return None

    def start(self, offset: int) -> Optional[int]:
        """The input offset where the text character at ``offset`` begins."""
        run = self._run(offset)
        if run is None:
            return None
        t0, t1, r0, r1 = run
        return r0 + offset - t0 if t1 - t0 == r1 - r0 else r0

    def end(self, offset: int) -> Optional[int]:
        """The input offset just past the text character at ``offset``."""
        run = self._run(offset)
        if run is None:
            return None
        t0, t1, r0, r1 = run
        return r0 + offset - t0 + 1 if t1 - t0 == r1 - r0 else r1

    def span(self, start: int, end: int) -> tuple[Optional[int], Optional[int]]:
        """``(input_start, input_end)`` of the text span ``[start, end)``; None where unmapped."""
        if end <= start:
            return None, None
        s, e = self.start(start), self.end(end - 1)
        if s is None or e is None or e < s:
            return None, None
        return s, e
