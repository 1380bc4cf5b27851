"""Saved HTML pages: the article's main text, title, byline and date, by trafilatura.

trafilatura (an optional extra: ``pip install 'framing[html]'``) strips navigation, ads
and comments and reads the page's metadata. Its text comes back one paragraph a line; the
title becomes a heading block and the metadata becomes front matter, so the page is then
read exactly like a Markdown article.
"""
from __future__ import annotations

import re
import warnings
from typing import Any

from .inputs import InputError
from .parse import Block, Parsed, _add_block

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A comment's body cannot hold "-->", so each comment is read one way only: ``.*?`` there let a
# comment swallow the next ones, 2**n ways to fail on n comments not followed by a page.
_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"^[-*•]\s+")
INSTALL_HINT = "reading HTML needs trafilatura: pip install 'framing[html]'"


def looks_like_html(raw: str) -> bool:
    """Whether ``raw`` is an HTML page (a doctype, ``<html>``, ``<head>`` or ``<body>`` first).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Some <b>bold</b> Markdown.")
    False
    """
    return bool(_HTML_START.match(raw[:4096]))


def extract(raw: str) -> dict[str, Any]:
    """trafilatura's reading of a page: ``text`` (one paragraph a line) and metadata."""
    try:
        import trafilatura
    except ImportError:
        raise InputError(INSTALL_HINT) from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml deprecation chatter from inside trafilatura
        result = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    if result is None:
        return {}
    return result if isinstance(result, dict) else result.as_dict()  # trafilatura 1.x gives a dict


def parse_html(raw: str) -> Parsed:
    """An HTML page as blocks (title heading, then paragraphs) with its metadata as front matter."""
    data = extract(raw)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("no article text found in this HTML page")
    front = {
        key: str(data[src]).strip()
        for key, src in (("title", "title"), ("author", "author"), ("date", "date"), ("url", "url"), ("outlet", "sitename"))
        if data.get(src) and str(data[src]).strip()
    }
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    blocks: list[Block] = []
    title = front.get("title")
    if title and (not lines or " ".join(lines[0].split()).lower() != " ".join(title.split()).lower()):
        _add_block(blocks, Block(title, "heading", 1))
    for i, line in enumerate(lines):
        if i == 0 and title and " ".join(line.split()).lower() == " ".join(title.split()).lower():
            _add_block(blocks, Block(line, "heading", 1))
        elif _LIST_ITEM.match(line):
            _add_block(blocks, Block(_LIST_ITEM.sub("", line), "list_item"))
        else:
            _add_block(blocks, Block(line, "paragraph"))
    return Parsed(blocks, front, [], "html")
