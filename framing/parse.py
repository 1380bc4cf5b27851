"""Markdown or plain text to blocks of plain text, with links and front matter.

The Markdown is parsed by markdown-it-py; the plain ``text`` joins the blocks with blank
lines, so every later offset indexes that text rather than the raw Markdown.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterator, Optional

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken
from mdit_py_plugins.front_matter import front_matter_plugin

from .model import Link

# Every part is linear: white space at a line start is [ \t]* (``^\s*`` would rescan all the
# blank lines below each line start) and a link destination is bounded.
# The hints that may stand anywhere, and those that open a line: the line ones are searched
# after a line break (and matched at the start), so the regex engine can skip to each "\n".
_MD_INLINE = re.compile(r"\]\([^)\s\]]*\)|\*\*\S|\\[*_#\[\]]")
_MD_LINE = r"(?:#{1,6}\s|>\s|[ \t]*[-*+][ \t]+\S|---[ \t]*$|[ \t]*\d{1,9}\.[ \t]+\S)"
_MD_FIRST_LINE = re.compile(_MD_LINE, re.MULTILINE)
_MD_LATER_LINE = re.compile("\n" + _MD_LINE, re.MULTILINE)
# Invisible characters that carry nothing a reader sees but can split a word ("sla\u200bmmed")
# or reorder a line on screen: C0/C1 controls (not white space), soft hyphen, zero-width space,
# word joiner, byte-order mark, bidirectional marks, embeddings, overrides and isolates.
# Zero-width (non-)joiners are dropped only next to a Latin letter: elsewhere they shape
# scripts (Persian, Indic) and emoji sequences.
_HIDDEN = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
INVISIBLE = re.compile(f"[{_HIDDEN}]|(?<=[A-Za-z\u200c\u200d])[\u200c\u200d]|[\u200c\u200d](?=[A-Za-z])")
# Every character ``INVISIBLE`` can match, as one class: a fast test that most texts have none.
MAYBE_INVISIBLE = re.compile(f"[{_HIDDEN}\u200c\u200d]")
# White space to rewrite as one space: a run of two or more, or one that is not a plain space
# (a lone space is already right, and leaving it alone saves a replacement per word).
_SPACES = re.compile(r"[^\S\n]{2,}|[^\S\n ]")
_SPACED_BREAK = re.compile(r" ?\n[ \n]*")
_GAP = re.compile(rf"(?:\s|{INVISIBLE.pattern})+")
# markdown-it scans from every "[" to the paragraph's end for its "]" (and from every "](" for
# the ")"): quadratic when thousands of them are never closed. Past this many such hopeless
# openers they are escaped before parsing (the text shows them unchanged).
MAX_UNCLOSED = 500
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?\s*---\s*\n")
_WS = re.compile(r"[ \t\r\f\v]+")
_NEWLINE = re.compile(r"\r\n?|\n")  # markdown-it counts lines after folding \r\n and \r into \n


@dataclass
class Block:
    """One block of text as parsed, before it gets a role."""

    text: str
    kind: str  # heading | paragraph | list_item | blockquote | code | html | plain
    level: int = 0  # heading level
    links: list[tuple[int, int, str]] = field(default_factory=list)  # offsets within ``text``
    span: Optional[tuple[int, int]] = None  # where the block stands in the raw input, if known


@dataclass
class Parsed:
    """The text of an input, cut into blocks, plus its front matter."""

    blocks: list[Block]
    front_matter: dict
    warnings: list[str] = field(default_factory=list)
    syntax: str = "plain"  # how the raw input was read: markdown | plain | html


def invisible_in(text: str) -> Iterator[re.Match]:
    """The matches of ``INVISIBLE`` in ``text``; most texts have none, found by one quick search."""
    return INVISIBLE.finditer(text) if MAYBE_INVISIBLE.search(text) else iter(())


def drop_invisible(text: str) -> str:
    """``text`` without the characters ``INVISIBLE`` matches."""
    return INVISIBLE.sub("", text) if MAYBE_INVISIBLE.search(text) else text


def looks_like_markdown(raw: str) -> bool:
    """Whether plain-text input carries Markdown syntax (links, headings, lists, escapes)."""
    head = raw[:200_000]
    return bool(_MD_INLINE.search(head) or _MD_FIRST_LINE.match(head) or _MD_LATER_LINE.search(head))


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin)
    md.disable("code")  # clippers indent text by four spaces; it is prose, not code
    return md


_MD = _markdown()


def parse_markdown(raw: str) -> Parsed:
    """Parse Markdown into blocks of plain text with their links."""
    tokens = _MD.parse(_defuse(raw))
    lines = [0] + [m.end() for m in _NEWLINE.finditer(raw)] + [len(raw)]
    blocks: list[Block] = []
    front: dict = {}
    warnings: list[str] = []
    quote_depth = 0
    list_depth = 0
    heading_level = 0
    for i, tok in enumerate(tokens):
        if tok.type == "front_matter":
            front, problem = _load_front_matter(tok.content)
            if problem:
                warnings.append(problem)
        elif tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1:])
        elif tok.type == "heading_close":
            heading_level = 0
        elif tok.type == "inline":
            text, links = _render_inline(tok.children or [])
            if heading_level:
                kind = "heading"
            elif quote_depth:
                kind = "blockquote"
            elif list_depth:
                kind = "list_item"
            else:
                kind = "paragraph"
            _add_block(blocks, Block(text, kind, heading_level, links, _lines_span(lines, tok.map)))
        elif tok.type in ("fence", "code_block"):
            _add_block(blocks, Block(tok.content, "code", span=_lines_span(lines, tok.map)))
        elif tok.type == "html_block":
            _add_block(blocks, Block(_strip_tags(tok.content), "html", span=_lines_span(lines, tok.map)))
    return Parsed(blocks, front, warnings, "markdown")


def _defuse(raw: str) -> str:
    """``raw`` with unmatched "[" and "(" escaped when there are more than ``MAX_UNCLOSED``
    of either (markdown-it's cost grows with their square); else ``raw`` itself.

    Escaping adds no line, so markdown-it's line numbers still index ``raw``.
    """
    for opener, closer in (("[", "]"), ("(", ")")):
        if raw.count(opener) <= MAX_UNCLOSED:
            continue
        unmatched: list[int] = []
        for m in re.finditer(re.escape(opener) + "|" + re.escape(closer), raw):
            if m.group() == opener:
                unmatched.append(m.start())
            elif unmatched:
                unmatched.pop()
        if len(unmatched) > MAX_UNCLOSED:
            pieces, pos = [], 0
            for k in unmatched:
                if k == 0 or raw[k - 1] != "\\":
                    pieces.append(raw[pos:k] + "\\")
                    pos = k
            raw = "".join(pieces) + raw[pos:]
    return raw


def _lines_span(lines: list[int], line_map: Optional[list[int]]) -> Optional[tuple[int, int]]:
    """Raw offsets of markdown-it's ``[first_line, end_line)``."""
    if not line_map:
        return None
    first, end = line_map
    return lines[min(first, len(lines) - 1)], lines[min(end, len(lines) - 1)]


def parse_plain(raw: str) -> Parsed:
    """Plain text: blocks are separated by blank lines; lines inside a block are joined,
    unless the block writes one paragraph a line (``_line_per_paragraph``)."""
    blocks: list[Block] = []
    pos = 0
    for m in list(re.finditer(r"\n\s*\n", raw)) + [None]:
        end = m.start() if m else len(raw)
        chunk = raw[pos:end]
        if _line_per_paragraph(chunk):
            for start, stop in _line_paragraphs(chunk):
                text = " ".join(line.strip() for line in chunk[start:stop].split("\n"))
                _add_block(blocks, Block(text, "plain", span=(pos + start, pos + stop)))
        else:
            _add_block(blocks, Block(" ".join(line.strip() for line in chunk.splitlines()), "plain", span=(pos, end)))
        pos = m.end() if m else end
    return Parsed(blocks, {})


_TITLE_ALONE = re.compile(r"[A-Z][a-z]{0,3}\.")
JOIN_MAX = 6  # lines a quotation left open may join into one paragraph


def _line_paragraphs(chunk: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs of a block written a paragraph (or a sentence) a line: each
    line, joined to the next while a quotation it opens is still open (so a quotation over
    two lines stays one) or when it holds only a title cut off from its name ("Fr.", "Dr.")."""
    out: list[tuple[int, int]] = []
    start = at = 0
    depth = 0  # curly quotation marks open; straight ones alternate
    straight = joined = 0
    for line in chunk.split("\n"):
        stop = at + len(line)
        depth = max(0, depth + line.count("“") - line.count("”"))
        straight += line.count('"')
        joined += 1
        closed = not depth and straight % 2 == 0
        # a stray quotation mark joins at most JOIN_MAX lines
        if (closed and not _TITLE_ALONE.fullmatch(line.strip())) or joined >= JOIN_MAX:
            out.append((start, stop))
            start, depth, straight, joined = stop + 1, 0, 0, 0
        at = stop + 1
    if start < len(chunk):
        out.append((start, len(chunk)))
    return out


#: A line this long is not text wrapped to a width: its line breaks end paragraphs.
WRAP_MAX = 100
_ENDS_SENTENCE = re.compile(r"[.!?:][\"”’')\]]*\s*$")


def _line_per_paragraph(chunk: str) -> bool:
    """Whether the lines of a block of plain text are its paragraphs (many corpora and
    exports write one a line) rather than one paragraph wrapped to a width: half the lines
    end a sentence and some line is longer than ``WRAP_MAX``, or three in five of three or
    more lines end a sentence (a paragraph wrapped to a width ends a sentence at the end of
    a line only now and then)."""
    lines = [line for line in chunk.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    ends = sum(bool(_ENDS_SENTENCE.search(line)) for line in lines)
    if max(map(len, lines)) > WRAP_MAX and ends * 2 >= len(lines):
        return True
    return len(lines) >= 3 and ends * 5 >= len(lines) * 3


def parse_text(raw: str, syntax: str = "auto") -> Parsed:
    """Parse ``raw`` as ``markdown``, ``plain``, ``html`` or ``auto`` (HTML or Markdown if it looks like it)."""
    from .html_input import looks_like_html, parse_html

    if syntax == "auto":
        syntax = "html" if looks_like_html(raw) else "markdown" if (_FRONT_MATTER.match(raw) or looks_like_markdown(raw)) else "plain"
    if syntax == "html":
        return parse_html(raw)
    return parse_markdown(raw) if syntax == "markdown" else parse_plain(raw)


def _add_block(blocks: list[Block], block: Block) -> None:
    """Normalise a block's white space (keeping link offsets right) and keep it if not empty.

    Each run of white space becomes one space, or one line break if it holds one (a hard
    break); a run at the end goes, and so does one at the start unless it breaks the line.
    Invisible characters (``INVISIBLE``) are dropped.
    """
    if block.links:
        new_text, links = _normalise_with_links(block.text, block.links)
        block.links = links
    else:
        new_text = _normalise(block.text)
    if not new_text:
        return
    block.text = new_text
    blocks.append(block)


def _normalise(text: str) -> str:
    """``_add_block``'s white space rules, by regular expressions (linear in the text)."""
    text = drop_invisible(text)
    text = _SPACED_BREAK.sub("\n", _SPACES.sub(" ", text))
    if text.startswith(" "):
        text = text[1:]
    return text.rstrip(" \n")


def _normalise_with_links(text: str, links: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """``_normalise`` that also carries link offsets over to the new text."""
    out: list[str] = []
    keep: list[int] = []  # keep[new index] = old index, ascending
    pos = 0
    for m in list(_GAP.finditer(text)) + [None]:
        start = m.start() if m else len(text)
        out.append(text[pos:start])
        keep.extend(range(pos, start))
        if m is None:
            break
        gap = m.group()
        if "\n" in gap:
            out.append("\n")
            keep.append(start + gap.index("\n"))
        elif keep and any(ch.isspace() for ch in gap):
            out.append(" ")
            keep.append(start + next(k for k, ch in enumerate(gap) if ch.isspace()))
        pos = m.end()
    new_text = "".join(out)
    if new_text.startswith(" "):
        new_text, keep = new_text[1:], keep[1:]
    stripped = new_text.rstrip(" \n")
    new_text, keep = stripped, keep[: len(stripped)]
    carried = []
    for s, e, url in links:
        ns = bisect_left(keep, s)
        ne = bisect_left(keep, e)
        while ns < ne and new_text[ns] in " \n":
            ns += 1
        while ne > ns and new_text[ne - 1] in " \n":
            ne -= 1
        if ns < ne:
            carried.append((ns, ne, url))
    return new_text, carried


def _render_inline(children: list[MdToken]) -> tuple[str, list[tuple[int, int, str]]]:
    parts: list[str] = []
    length = 0
    links: list[tuple[int, int, str]] = []
    open_links: list[tuple[int, str]] = []
    for child in children:
        piece = ""
        if child.type in ("text", "code_inline"):
            piece = child.content
        elif child.type == "softbreak":
            piece = " "
        elif child.type == "hardbreak":
            piece = "\n"
        elif child.type == "link_open":
            open_links.append((length, str(child.attrs.get("href", ""))))
        elif child.type == "link_close" and open_links:
            start, href = open_links.pop()
            if length > start:
                links.append((start, length, href))
        elif child.type == "image":
            piece = ""  # images carry no article words; their alt text is usually a caption
        elif child.type == "html_inline":
            piece = ""
        if piece:
            parts.append(piece)
            length += len(piece)
    return "".join(parts), links


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]{0,2000}>", " ", html)


def _load_front_matter(content: str) -> tuple[dict, Optional[str]]:
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        return {}, f"front matter is not valid YAML{where}; it was ignored"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "front matter is not a mapping of keys to values; it was ignored"
    return {str(k).lower(): v for k, v in data.items()}, None
