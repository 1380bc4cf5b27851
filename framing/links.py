"""Hyperlinks as support: link-only sources, and where an article's links point.

A link in a body sentence backs the attribution whose speaker or reporting verb its anchor
overlaps ("[according US Central Command](...)", "As I [wrote](...)"): it becomes that
source's ``url``. Any other link in a sentence with no named, official, anonymous or
document source is a ``link_only`` source: the claim's only support is the hyperlink. A bare URL
pasted into the body counts as a link whose anchor is the URL itself.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Optional
from urllib.parse import urlparse

from .model import Article, Finding, Link, Source

_BARE_URL = re.compile(r"https?://[^\s<>()\[\]“”\"]+[^\s<>()\[\]“”\".,;:!?’']")
NAMED_TYPES = frozenset({"named_person", "named_organization", "official", "anonymous", "document"})
SELF_LINK_GAP = 12  # characters between a self-citation and the link it names ("As I wrote in [my column]")


def host(url: Optional[str]) -> Optional[str]:
    """The lower-cased host of a URL without ``www.``, or None.

    >>> host("https://www.Example.org/a/b")
    'example.org'
    """
    if not url:
        return None
    netloc = urlparse(url.strip()).netloc.lower().rsplit("@", 1)[-1].split(":")[0]
    return netloc.removeprefix("www.") or None


def body_links(article: Article) -> list[Link]:
    """Hyperlinks in body sentences: Markdown links, and bare URLs pasted into the text
    (plain-text articles keep their links that way), in text order."""
    out = [l for l in article.links if _body(article, l) is not None and not l.url.lower().startswith("mailto:")]
    for m in _BARE_URL.finditer(article.text):
        link = Link(m.start(), m.end(), m.group())
        if _body(article, link) is not None and not any(l.start < link.end and link.start < l.end for l in article.links):
            out.append(link)
    return sorted(out, key=lambda l: l.start)


def _body(article: Article, link: Link) -> Optional[int]:
    i = article.sentence_at(link.start)
    if i is None or link.end <= link.start:
        return None
    return i if article.paragraphs[article.sentences[i].paragraph].role == "body" else None


def link_sources(article: Article, findings: list[Finding], sources: list[Source]) -> list[Source]:
    """Attach links to the attributions they back (in place) and return the link-only sources."""
    out: list[Source] = []
    for link in body_links(article):
        i = _body(article, link)
        backed = next(
            (k for k, s in enumerate(sources) if s.sentence == i and s.type != "link_only" and (_overlaps(link, s) or _cites(link, s))), None
        )
        if backed is not None:
            if sources[backed].url is None:
                sources[backed] = replace(sources[backed], url=link.url)
            continue
        if any(s.sentence == i and s.type in NAMED_TYPES for s in sources):
            continue
        out.append(
            Source(
                start=link.start, end=link.end, text=article.text[link.start : link.end], name=host(link.url) or link.url or "(link)",
                type="link_only", quoted="paraphrase", verb=None, sentence=i, mention="link", url=link.url,
            )
        )
    return out


def _cites(link: Link, s: Source) -> bool:
    """A self-citation just before the link it names ("As I wrote in [my column](...)")."""
    return s.type == "self" and 0 <= link.start - s.end <= SELF_LINK_GAP


def _overlaps(link: Link, s: Source) -> bool:
    lo = min(s.start, s.verb_start if s.verb_start is not None else s.start)
    hi = max(s.end, s.verb_end if s.verb_end is not None else s.end)
    return link.start < hi and lo < link.end


def link_profile(article: Article, findings: list[Finding]) -> dict[str, Any]:
    """Body links: how many, external or same outlet (by host, against ``meta.url``), and
    those whose anchor text carries a loaded term in the writer's voice."""
    own = host(article.meta.url)
    body = body_links(article)
    same = external = unknown = 0
    for l in body:
        h = host(l.url)
        if h is None and l.url.startswith("/") and not l.url.startswith("//"):
            same += 1
        elif h is None or own is None:
            unknown += 1
        elif h == own:
            same += 1
        else:
            external += 1
    loaded = [
        article.text[l.start : l.end]
        for l in body
        if any(f.kind == "loaded" and f.voice == "author" and l.start <= f.start and f.end <= l.end for f in findings)
    ]
    return {"count": len(body), "external": external, "same_outlet": same, "unknown": unknown,
            "loaded_anchors": len(loaded), "loaded_anchor_texts": loaded}
