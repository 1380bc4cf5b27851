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
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, Optional, Sequence

Run = tuple[int, int, int, int]  # text_start, text_end, input_start, input_end

LOOKAHEAD = 32  # how far past markup the next character of a block may lie
MIN_MAPPED = 0.8  # a block placed with fewer of its characters found is left unmapped
MAX_STRETCH = 1.5  # nor one whose visible input is much longer than its text
KEY_WORDS = 4  # a block is looked for by its first words, white space between them free
TRIES = 8  # places tried for a block whose first words occur more than once

_DEST = r"\((?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# Alternatives that run to a closing string are (name, pattern, closer). An opener with no
# closer after it would rescan the rest of the input (quadratic with many openers), so past
# its closer's last occurrence such an alternative is left out of the pattern (see ``Stream``).
# Labels exclude "[" so that "![![![..." is read in linear time.
_MARKDOWN_ALTS = (
    ("image", rf"!\[[^\[\]\n]*\]{_DEST}", None),
    ("dest", rf"\]{_DEST}", None),
    ("ref", r"\]\[[^\[\]\n]*\]", None),
    ("tag", r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", None),
    ("tag", r"<!--.*?-->", "-->"),
    ("escape", r"\\[!-/:-@\[-`{-~]", None),
    ("entity", _ENTITY, None),
)
_HTML_ALTS = tuple(
    ("tag", rf"<{name}\b.*?</{name}\s*>", rf"</{name}\s*>") for name in ("script", "style", "noscript", "template")
) + (
    ("tag", r"<!--.*?-->", "-->"),
    ("tag", r"<![^>]*>", ">"),
    ("tag", r"<\?.*?\?>", r"\?>"),
    ("tag", r"<[^>]*>", ">"),
    ("entity", _ENTITY, None),
)


@lru_cache(maxsize=64)
def _skips(syntax: str, enabled: tuple[bool, ...]) -> re.Pattern:
    """The skip pattern of ``syntax`` with only the ``enabled`` alternatives."""
    alts = _HTML_ALTS if syntax == "html" else _MARKDOWN_ALTS
    parts = [f"(?P<{name}{i}>{pattern})" for i, ((name, pattern, _), on) in enumerate(zip(alts, enabled)) if on]
    return re.compile("|".join(parts) or r"(?!)", re.DOTALL | (re.IGNORECASE if syntax == "html" else 0))


def _skip_matches(raw: str, syntax: str, lo: int, hi: int) -> Iterable[re.Match]:
    """Matches of the skip pattern in ``raw[lo:hi]``, each alternative tried only where its
    closer still occurs later, so no match attempt rescans the input to its end."""
    alts = _HTML_ALTS if syntax == "html" else _MARKDOWN_ALTS
    flags = re.IGNORECASE if syntax == "html" else 0
    cuts = []  # position from which each alternative can no longer match
    for _, _, closer in alts:
        if closer is None:
            cuts.append(hi)
        else:
            last = None
            for last in re.finditer(closer, raw[lo:hi], flags):
                pass
            cuts.append(lo + last.start() if last else lo)
    pos = lo
    while pos < hi:
        enabled = tuple(pos < cut for cut in cuts)
        m = _skips(syntax, enabled).search(raw, pos, hi)
        if m is None:
            return  # nor will fewer alternatives match further on
        change = min((cut for cut in cuts if cut > pos), default=hi)
        if m.start() >= change:
            pos = change  # an alternative drops out before this match: look again without it
            continue
        yield m
        pos = m.end()


class Stream:
    """The visible characters of ``raw[lo:hi]`` and where each came from."""

    def __init__(self, raw: str, syntax: str, lo: int = 0, hi: Optional[int] = None):
        hi = len(raw) if hi is None else hi
        pieces: list[str] = []
        segs: list[Run] = []  # stream_start, stream_end, input_start, input_end
        n, pos = 0, lo

        def emit(chars: str, start: int, end: int) -> None:
            nonlocal n
            if chars:
                pieces.append(chars)
                segs.append((n, n + len(chars), start, end))
                n += len(chars)

        for m in _skip_matches(raw, syntax, lo, hi) if syntax in ("html", "markdown") else ():
            emit(raw[pos : m.start()], pos, m.start())
            kind = (m.lastgroup or "").rstrip("0123456789")
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
    n = len(block)
    if n and not block[0].isspace() and j + n <= hi and stream.startswith(block, j):
        return [(0, n, j, j + n)], j + n, _non_space(block)  # the block stands as it is (what the loop finds)
    runs: list[Run] = []
    placed = 0
    i = 0
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
        placed += _non_space(block[i : i + length])
        i += length
        j = k + length
    return runs, j, placed


def _key(block: str) -> Optional[list[str]]:
    words = block.split()[:KEY_WORDS]
    return words or None


def _key_starts(words: list[str], stream: str, lo: int, hi: int) -> list[int]:
    """Up to ``TRIES`` places in ``stream[lo:hi]`` where ``words`` stand, white space between
    them free (the regular expression ``w1\\s+w2...``, without compiling one per block)."""
    starts: list[int] = []
    k = stream.find(words[0], lo, hi)
    while k >= 0 and len(starts) < TRIES:
        j = k + len(words[0])
        for w in words[1:]:
            e = j
            while e < hi and stream[e].isspace():
                e += 1
            if e == j or e + len(w) > hi or not stream.startswith(w, e):
                break
            j = e + len(w)
        else:
            starts.append(k)
        k = stream.find(words[0], k + 1, hi)
    return starts


def _non_space(text: str) -> int:
    """How many characters of ``text`` are not white space (``str.split`` and ``str.isspace`` agree on it)."""
    return sum(map(len, text.split()))


def _place(text: str, stream: str, key: list[str], lo: int, hi: int) -> Optional[tuple[list[Run], int]]:
    """The first place in ``stream[lo:hi]`` where ``text`` aligns well, tried at its key's matches."""
    needed = MIN_MAPPED * _non_space(text)
    starts = _key_starts(key, stream, lo, hi)
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


def normalise_newlines(raw: str) -> tuple[str, list[int]]:
    """``raw`` with CRLF and CR line ends as LF, and where each CRLF's LF stands in it.

    >>> normalise_newlines("a\\r\\nb\\rc")
    ('a\\nb\\nc', [1])
    """
    if "\r" not in raw:
        return raw, []
    crlf = [m.start() - i for i, m in enumerate(re.finditer("\r\n", raw))]
    return raw.replace("\r\n", "\n").replace("\r", "\n"), crlf


def restore_newlines(runs: Sequence[Run], crlf: Sequence[int]) -> tuple[Run, ...]:
    """Runs into ``normalise_newlines``' text as runs into the raw input it came from; a
    line break that was CRLF becomes one text character for two input characters."""
    if not crlf:
        return tuple(runs)

    def raw(offset: int) -> int:
        return offset + bisect_left(crlf, offset)

    out: list[Run] = []
    for t0, t1, r0, r1 in runs:
        if t1 - t0 != r1 - r0:
            out.append((t0, t1, raw(r0), raw(r1)))
            continue
        for c in crlf[bisect_left(crlf, r0) : bisect_left(crlf, r1)]:
            if c > r0:
                out.append((t0, t0 + c - r0, raw(r0), raw(c)))
            out.append((t0 + c - r0, t0 + c - r0 + 1, raw(c), raw(c + 1)))
            t0, r0 = t0 + c - r0 + 1, c + 1
        if r0 < r1:
            out.append((t0, t1, raw(r0), raw(r1)))
    return tuple(out)


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
