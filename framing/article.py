"""From raw Markdown or text to an ``Article``: one text, paragraphs with roles,
sentences, tokens, links and quotations, all in one offset space."""
from __future__ import annotations

import datetime as _dt
from typing import Optional

from .alignment import align_blocks
from .lexicon import Lexicon
from .model import Article, Link, Metadata, Paragraph, Sentence
from .parse import parse_text
from .quotes import find_quotes
from .sentences import SentenceSplitter
from .structure import Cue, StructureReader
from .tokens import tokenize

BLOCK_SEPARATOR = "\n\n"


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
        parsed = parse_text(raw, syntax)
        roles, meta = self._structure.roles(parsed.blocks, parsed.front_matter)
        pieces: list[str] = []
        paragraphs: list[Paragraph] = []
        links: list[Link] = []
        pos = 0
        for block, role in zip(parsed.blocks, roles):
            if pieces:
                pieces.append(BLOCK_SEPARATOR)
                pos += len(BLOCK_SEPARATOR)
            paragraphs.append(Paragraph(pos, pos + len(block.text), role, block.kind))
            links.extend(Link(pos + s, pos + e, url) for s, e, url in block.links)
            pieces.append(block.text)
            pos += len(block.text)
        text = "".join(pieces)
        input_map = align_blocks(raw, ((b.text, p.start, b.span) for b, p in zip(parsed.blocks, paragraphs)), parsed.syntax)
        sentences = [
            Sentence(s, e, i)
            for i, p in enumerate(paragraphs)
            for s, e in self._splitter.spans(text, p.start, p.end)
        ]
        article = Article(
            text=text,
            paragraphs=tuple(paragraphs),
            sentences=tuple(sentences),
            tokens=tuple(tokenize(text)),
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
        return article, parsed.warnings


def _date_str(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)
