"""From raw Markdown or text to an ``Article``: one text, paragraphs with roles,
sentences, tokens, links and quotations, all in one offset space."""
from __future__ import annotations

import datetime as _dt
from itertools import compress
from operator import itemgetter
from typing import Optional

from .alignment import align_blocks, normalise_newlines, restore_newlines
from .lexicon import Lexicon
from .matcher import KeyedText
from .model import Article, Link, Metadata, Paragraph, Sentence
from .parse import invisible_in, parse_text
from .quotes import find_quotes
from .sentences import SentenceSplitter
from .structure import Cue, StructureReader
from .tokens import tokenize

BLOCK_SEPARATOR = "\n\n"
# The commonest English function words: in English prose they are about two words in five,
# in other languages almost none. A cheap check that the English word lists apply.
COMMON_ENGLISH = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at which but have "
    "an had they you were their one all we can her has there been if more when will would who so no she "
    "its said after also than them about into could our what up out do says".split()
)
ENGLISH_MIN_WORDS = 40  # shorter texts are not judged
ENGLISH_MIN_SHARE = 0.15


class ArticleBuilder:
    """Builds articles with the sentence splitter and chrome cues of one lexicon."""

    def __init__(self, lexicon: Lexicon):
        self._splitter = SentenceSplitter(r.get("abbreviation", "") for r in lexicon.table("structure/abbreviation"))
        cues = []
        for row in lexicon.table("structure/boilerplate"):
            try:
                cues.append(Cue(row["cue"].lower(), row.get("role") or "boilerplate", float(row.get("weight") or 1.0)))
            except (KeyError, ValueError):
                continue  # `framing lexicon lint` reports malformed support rows
        self._structure = StructureReader(cues)

    def build(self, raw: str, path: Optional[str] = None, syntax: str = "auto") -> tuple[Article, list[str]]:
        """Parse ``raw`` into an ``Article``; also return parser warnings."""
        article, warnings, _ = self.build_keyed(raw, path, syntax)
        return article, warnings

    def build_keyed(self, raw: str, path: Optional[str] = None, syntax: str = "auto") -> tuple[Article, list[str], KeyedText]:
        """``build``, also returning the article's word keys (``KeyedText``) for the detectors to reuse."""
        raw, crlf = normalise_newlines(raw)  # offsets are mapped back to the raw input below
        # markdown-it turns NUL into U+FFFD; a zero-width space (same length, dropped) keeps offsets
        raw = raw.replace("\x00", "\u200b")
        parsed = parse_text(raw, syntax)
        spans: list[tuple[int, int]] = []
        pos = 0
        for block in parsed.blocks:
            if spans:
                pos += len(BLOCK_SEPARATOR)
            spans.append((pos, pos + len(block.text)))
            pos += len(block.text)
        text = BLOCK_SEPARATOR.join(b.text for b in parsed.blocks)
        tokens = tuple(tokenize(text))  # no token crosses a blank line, so the blocks share one pass
        keyed = KeyedText(text, tokens)
        roles, meta = self._structure.roles(parsed.blocks, parsed.front_matter, keyed, spans)
        paragraphs = [Paragraph(s, e, role, b.kind) for (s, e), role, b in zip(spans, roles, parsed.blocks)]
        links = [Link(p.start + s, p.start + e, url) for b, p in zip(parsed.blocks, paragraphs) for s, e, url in b.links]
        input_map = restore_newlines(
            align_blocks(raw, ((b.text, p.start, b.span) for b, p in zip(parsed.blocks, paragraphs)), parsed.syntax), crlf
        )
        sentences = [
            Sentence(s, e, i)
            for i, p in enumerate(paragraphs)
            for s, e in self._splitter.spans(text, p.start, p.end)
        ]
        article = Article(
            text=text,
            paragraphs=tuple(paragraphs),
            sentences=tuple(sentences),
            tokens=tokens,
            links=tuple(links),
            quotes=tuple(find_quotes(text, paragraphs)),
            meta=Metadata(
                title=meta.get("title"),
                byline=meta.get("byline"),
                date=_date_str(meta.get("date")),
                outlet=meta.get("outlet"),
                url=meta.get("url"),
                path=path,
            ),
            input_map=input_map,
        )
        return article, [*parsed.warnings, *_text_warnings(raw, article)], keyed


def _text_warnings(raw: str, article: Article) -> list[str]:
    """Warnings about the text itself: invisible characters dropped, a language not English."""
    out = []
    hidden = sum(1 for m in invisible_in(raw) if m.start() or m.group() != "\ufeff")
    if hidden:
        out.append(f"{hidden:,} invisible character(s) (zero-width, bidirectional or control) were removed from the text")
    share = english_share(article)
    if share is not None and share < ENGLISH_MIN_SHARE:
        out.append(
            f"the text does not look like English (only {share:.0%} of its words are common English words); "
            "framing's word lists are English, so its findings may be missing or wrong"
        )
    return out


def english_share(article: Article) -> Optional[float]:
    """The share of the article's words that are common English function words, or None
    for a text of fewer than ``ENGLISH_MIN_WORDS`` words."""
    alpha = list(map(str.isalpha, map(itemgetter(2), article.tokens)))
    n = sum(alpha)
    if n < ENGLISH_MIN_WORDS:
        return None
    words = compress(map(itemgetter(2), article.tokens), alpha)
    return sum(map(COMMON_ENGLISH.__contains__, map(str.lower, words))) / n


def _date_str(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)
