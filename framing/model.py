"""The data model that flows one way through framing.

``Article`` (parsed text with paragraphs, sentences, links and quotations) goes into the
detectors, which return ``Finding`` spans; the source extractor returns ``Source`` spans.
All offsets are half-open character offsets into ``Article.text``.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, Optional

_START = itemgetter(0)  # a token's start offset


def token_index(tokens, offset: int, lo: int = 0) -> int:
    """The first of ``tokens`` (in text order) that starts at or after ``offset``."""
    return bisect_left(tokens, offset, lo, key=_START)

#: Paragraph roles. Only ``SCORED_ROLES`` are analysed and counted in rates.
ROLES = ("title", "byline", "metadata", "body", "boilerplate", "bio")
SCORED_ROLES = frozenset({"title", "body"})

#: Kinds of finding, in report order.
KINDS = (
    "loaded",
    "hedge",
    "weasel",
    "booster",
    "scare_quote",
    "attribution_verb",
    "self_citation",
)

#: Types of source.
SOURCE_TYPES = (
    "named_person",
    "named_organization",
    "official",
    "vague",
    "anonymous",
    "self",
    "document",
    "link_only",
)


@dataclass(frozen=True)
class Paragraph:
    """A block of the article: a heading, a paragraph, a list item or a block quote."""

    start: int
    end: int
    role: str
    block: str = "paragraph"  # paragraph | heading | list_item | blockquote | plain


@dataclass(frozen=True)
class Sentence:
    """One sentence, inside exactly one paragraph."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Link:
    """A hyperlink: the anchor text's span and its target."""

    start: int
    end: int
    url: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation; ``start``/``end`` include the quotation marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    block: bool = False  # a Markdown block quote rather than quotation marks


class Token(NamedTuple):
    """A word token with its character span (a named tuple: articles have thousands)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Metadata:
    """Article metadata, from front matter or from the article's shape."""

    title: Optional[str] = None
    byline: Optional[str] = None
    date: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    path: Optional[str] = None


@dataclass(frozen=True)
class Article:
    """A parsed article: one plain ``text`` and everything indexed into it."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    links: tuple[Link, ...] = ()
    quotes: tuple[Quote, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    #: runs ``(text_start, text_end, input_start, input_end)`` from ``text`` back to the raw input
    #: (see ``framing.alignment``); empty where the article was not built from raw input
    input_map: tuple[tuple[int, int, int, int], ...] = ()

    @cached_property
    def paragraph_tokens(self) -> tuple[tuple[int, int], ...]:
        """For every paragraph, the range ``(first, stop)`` of the tokens that start in it."""
        tokens = self.tokens
        out = []
        for p in self.paragraphs:  # paragraphs are disjoint and in text order
            lo = token_index(tokens, p.start)
            out.append((lo, token_index(tokens, p.end, lo)))
        return tuple(out)

    @cached_property
    def token_paragraphs(self) -> tuple[Optional[int], ...]:
        """The paragraph index of every token (None between paragraphs), computed once."""
        out: list[Optional[int]] = [None] * len(self.tokens)
        for i, (lo, hi) in enumerate(self.paragraph_tokens):
            out[lo:hi] = [i] * (hi - lo)
        return tuple(out)

    def tokens_in_roles(self, roles: frozenset[str] | set[str]) -> list[Token]:
        """The tokens of paragraphs whose role is in ``roles``."""
        out: list[Token] = []
        for p, (lo, hi) in zip(self.paragraphs, self.paragraph_tokens):
            if p.role in roles:
                out += self.tokens[lo:hi]
        return out

    def scored_sentences(self) -> list[int]:
        """Indices of the sentences in scored paragraphs (title and body)."""
        return [
            i
            for i, s in enumerate(self.sentences)
            if self.paragraphs[s.paragraph].role in SCORED_ROLES
        ]

    def sentence_at(self, offset: int) -> Optional[int]:
        """Index of the sentence containing ``offset``, or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def quote_at(self, start: int, end: int) -> Optional[Quote]:
        """The direct quotation that contains the span ``[start, end)``, if any."""
        for q in self.quotes:
            if q.inner_start <= start and end <= q.inner_end:
                return q
        return None

    def is_scored(self, offset: int) -> bool:
        """Whether ``offset`` falls in a title or body paragraph."""
        i = self.sentence_at(offset)
        return i is not None and self.paragraphs[self.sentences[i].paragraph].role in SCORED_ROLES


@dataclass(frozen=True)
class Finding:
    """One flagged span and why it was flagged."""

    start: int
    end: int
    text: str
    kind: str
    category: str
    weight: float
    reason: str
    source: str  # which lexicon row or rule fired, e.g. "loaded/violence_atrocity.tsv:12"
    voice: str  # "author" or "quoted"
    sentence: Optional[int]
    alternative: Optional[str] = None
    negated: bool = False
    scare_quoted: bool = False  # in scare quotes or after "so-called": the writer distances from the word


@dataclass(frozen=True)
class Source:
    """One attribution: who a claim is attributed to, and how."""

    start: int
    end: int
    text: str
    name: str
    type: str
    quoted: str  # "direct" | "mixed" | "paraphrase"
    verb: Optional[str]
    sentence: Optional[int]
    stance: Optional[str] = None
    role: Optional[str] = None
    quote_start: Optional[int] = None
    quote_end: Optional[int] = None
    affiliation: Optional[str] = None  # the body the speaker speaks for, where stated
    hedge: Optional[str] = None  # a hedge on the attribution itself ("reportedly")
    anonymity_reason: Optional[str] = None  # "because they were not authorised to speak publicly"
    mention: Optional[str] = None  # full | surname | alias | pronoun | description | group | link
    verb_start: Optional[int] = None
    verb_end: Optional[int] = None
    url: Optional[str] = None  # the hyperlink that backs the attribution (or is all it has)
    side: Optional[str] = None  # from a user-supplied speaker -> side mapping
