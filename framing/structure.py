"""Paragraph roles: title, byline, metadata, body, boilerplate (site chrome) and bio.

Roles come from general cues that hold across outlets: the cue phrases in the lexicon
table ``structure/boilerplate.tsv``, a block's position, its length and how much of it is
link text. No outlet's own strings are written here.
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional, Sequence

from .matcher import KeyedText, PhraseMatcher
from .morphology import Morphology
from .parse import Block
from .tokens import tokenize

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
BYLINE = re.compile(r"^(?P<lead>by|written by|words by|author:?)\s+(?P<name>[^\n]{2,120})$", re.IGNORECASE)
# what joins a byline's name to its date: separators and "Published", "Updated", "on"
_DATE_LEAD = re.compile(r"(?:[\s,|·•—–-]|\b(?:published|updated|posted|on)\b)+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')]*$")
# a byline names people and outlets; one of these makes the block a clause ("By Monday, the deal was done")
_FINITE_VERBS = frozenset("is are was were be been has have had will would can could may might must shall should did does says said".split())
# a line that only says when the page was published: "Published", "Updated 3 hours ago", "Yesterday"
TIME_LINE = re.compile(
    r"^(?i:(?:(?:first |last )?(?:published|updated|posted)\b:?\s*(?:on\b\s*)?)?"
    r"(?:\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago|just now|yesterday|today)?)$"
)
# a copyright line at the foot names the outlet: "© 2026 Example News. All rights reserved."
COPYRIGHT = re.compile(
    r"^(?:(?i:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?P<name>(?!(?i:all rights))[A-Z][^,;|©\n]{1,60}?)\s*(?:\.(?:\s|$)|[,;|]|(?i:all rights reserved)|$)"
)
LABEL_LINE = re.compile(r"^[A-Z][\w\- ]{1,30}:\s+\S")
# A block with no letters or digits at all ("***", "* * *", "—") is a separator.
_NO_WORDS = re.compile(r"^[\W_]*$")

BODY_MIN_WORDS = 25  # a block this long with sentences reads as article prose
CHROME_THRESHOLD = 0.6  # combined cue weight from which a short block is chrome
CHROME_MAX_WORDS = 60  # longer blocks need SURE_CHROME and a place outside the article's prose
SURE_CHROME = 0.95
CUE_MAX_WORDS = 1_000  # no site chrome runs this long; longer blocks are not searched for cues
PLAIN_CUE = 0.9  # cues lighter than this are also phrases of prose (see ``StructureReader.block_cues``)
PROSE_MIN_WORDS = 12


# front-matter keys for each field, as web clippers write them (Obsidian Web Clipper writes
# "source", "published" and "author" as a list of "[[Name]]" links)
FRONT_MATTER_KEYS = {
    "title": ("title",),
    "date": ("date", "published", "published_at", "publish_date", "date_published", "pubdate"),
    "outlet": ("outlet", "site", "site_name", "publisher"),
    "url": ("url", "source", "link", "canonical_url"),
    "byline": ("author", "byline", "authors"),
}
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")  # "[[Jane Smith]]", "[[people/jane|Jane Smith]]"


def _front_value(front: dict, keys: Sequence[str]) -> Optional[str]:
    """The first of ``keys`` that front matter gives, as text: a list joined with commas,
    wiki links ("[[Jane Smith]]") as their text."""
    value = next((front[k] for k in keys if front.get(k) not in (None, "", [])), None)
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    text = ", ".join(_WIKI_LINK.sub(r"\1", str(v)).strip() for v in items if v not in (None, ""))
    return text or None


def iso_date(text: str) -> str:
    """A date found by ``DATE`` in ISO form ("March 3, 2026" -> "2026-03-03"), or as written
    when it is no real date ("February 30, 2026")."""
    plain = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|[.,]", "", text).replace("Sept ", "Sep ")
    plain = " ".join(plain.split())
    for fmt in ("%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return _dt.datetime.strptime(plain, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def byline_name(text: str) -> Optional[str]:
    """The name of a byline block ("By Jane Doe, Reuters"), or None.

    A plain "By" must be followed by a capitalised word, and a block that reads as a clause (a
    common finite verb, or mostly lower-case words ending like a sentence) is prose: "By any
    measure, ...", "By 2025, ...", "By Monday, the deal was done" open body paragraphs.
    """
    m = BYLINE.match(text)
    if not m:
        return None
    name = m.group("name").strip()
    date = DATE.search(name)
    if date and date.start() > 0:  # "By Jane Doe | March 3, 2026": the date is metadata, not the name
        name = _DATE_LEAD.sub("", name[: date.start()])
    if m.group("lead").lower() == "by":
        if not name[:1].isupper():
            return None
        words = name.split()
        lower = sum(w[:1].islower() for w in words)
        if _finite(words) or (len(words) >= 4 and lower * 2 > len(words) and _SENTENCE_END.search(name)):
            return None
    return name


def _finite(words: Sequence[str]) -> bool:
    """Whether ``words`` hold a common finite verb, as written: "By Will Smith" is a name."""
    return any(w.strip(",;:") in _FINITE_VERBS for w in words)


def _opens(keyed: KeyedText, first: int, at: int) -> bool:
    """Whether token ``at`` opens its block, after nothing but capitalised words ("Read more",
    "Jane Doe is the editor of")."""
    return all(t.text[:1].isupper() for t in keyed.tokens[first:at])


def _clause(text: str) -> bool:
    """Whether a short block is a sentence rather than a date or label line: it ends like one
    and has a common finite verb or four lower-case words ("Constantinople fell to ... on May
    29, 1453."; "DB: John, what is the latest we know?"), unlike "Posted on March 3, 2024."."""
    if not _SENTENCE_END.search(text):
        return False
    words = text.split()
    return _finite(words) or sum(w[:1].islower() for w in words) >= 4


def _reads_as_prose(keyed: KeyedText, span: tuple[int, int], first: int, n: int) -> bool:
    """Whether the block at ``span``, ``n`` tokens from ``first``, reads as a clause of prose:
    long enough, with a common finite verb written in lower case ("has won a copyright case"),
    or ending like a sentence with most of its words in lower case."""
    if n < PROSE_MIN_WORDS:
        return False
    words = [t.text for t in keyed.tokens[first : first + n]]
    if _finite(words):
        return True
    return bool(_SENTENCE_END.search(keyed.text[span[0] : span[1]])) and sum(w[:1].islower() for w in words) * 2 >= n


@dataclass(frozen=True)
class Cue:
    cue: str
    role: str
    weight: float


class StructureReader:
    """Assigns a role to every block and reads title, byline, date and outlet."""

    def __init__(self, cues: Sequence[Cue]):
        # as written: a site's labels do not inflect ("sign in" is not "signed in March")
        self._cues = PhraseMatcher(((c.cue, "exact", c) for c in cues if tokenize(c.cue)), Morphology(inflect=False))

    def block_cues(
        self,
        keyed: KeyedText,
        spans: Sequence[tuple[int, int]],
        firsts: Sequence[int],
        words: Sequence[int],
        links: Sequence[Sequence[tuple[int, int]]] = (),
    ) -> list[tuple[float, str, list[str]]]:
        """How surely each block is site chrome: (combined weight, role of the strongest cue, cues).

        Distinct cues combine as independent evidence, 1 - prod(1 - w). A cue written
        with a colon ("region:") only counts as a label at the start of the block. A cue
        lighter than ``PLAIN_CUE`` is also a phrase of ordinary prose ("copyright",
        "donate", "most popular"): in a block that reads as prose (``_reads_as_prose``) and
        holds no heavier cue, it counts only where it opens the block (``_opens``), as link
        text, or where such cues together reach ``SURE_CHROME`` with one for every
        ``CHROME_MAX_WORDS`` words. ``keyed`` holds the text of all blocks joined by blank
        lines (so no phrase crosses two blocks); ``spans``, ``firsts`` and ``words`` give each
        block's character span in it, its first token and its number of tokens; ``links``
        each block's link spans in it.
        """
        found: list[list] = [[] for _ in spans]
        for m in self._cues.find(keyed):
            found[bisect_right(firsts, m.first) - 1].append(m)
        out = []
        for i, (start, _) in enumerate(spans):
            matches = found[i] if words[i] <= CUE_MAX_WORDS else []
            matches = [m for m in matches if not m.item.cue.endswith(":") or (m.start - start <= 2 and keyed.text[m.end : m.end + 1] == ":")]
            combined = self._combine(matches)
            distinct = len({m.item.cue for m in matches})
            # "copyright" and "fair use" together in a short notice
            corroborated = combined[0] >= SURE_CHROME and words[i] <= distinct * CHROME_MAX_WORDS
            plain = all(m.item.weight < PLAIN_CUE for m in matches)
            if matches and plain and not corroborated and _reads_as_prose(keyed, spans[i], firsts[i], words[i]):
                in_links = links[i] if i < len(links) else ()
                kept = [m for m in matches if _opens(keyed, firsts[i], m.first) or any(a <= m.start and m.end <= b for a, b in in_links)]
                combined = self._combine(kept)
            out.append(combined)
        return out

    @staticmethod
    def _combine(found: list) -> tuple[float, str, list[str]]:
        """Combine the cue matches of one block."""
        if not found:
            return 0.0, "", []
        best = max(found, key=lambda m: m.item.weight)
        miss = 1.0
        for cue in {m.item.cue: m.item.weight for m in found}.values():
            miss *= 1.0 - cue
        return round(1.0 - miss, 3), best.item.role, sorted({m.item.cue for m in found})

    def roles(
        self, blocks: Sequence[Block], front: dict, keyed: KeyedText, spans: Sequence[tuple[int, int]]
    ) -> tuple[list[str], dict[str, Optional[str]]]:
        """One role per block, and the metadata read from front matter or the blocks.

        ``keyed`` holds the blocks' text joined by blank lines and ``spans`` each block's span in it.
        """
        n = len(blocks)
        starts = [t.start for t in keyed.tokens]
        firsts = [bisect_left(starts, s) for s, _ in spans]
        words = [bisect_left(starts, e, first) - first for (_, e), first in zip(spans, firsts)]
        meta: dict[str, Optional[str]] = {k: _front_value(front, keys) for k, keys in FRONT_MATTER_KEYS.items()}

        links = [[(s + a, s + b) for a, b, _ in block.links] for block, (s, _) in zip(blocks, spans)]
        cues = self.block_cues(keyed, spans, firsts, words, links)
        link_density = [sum(e - s for s, e, _ in b.links) / max(1, len(b.text)) for b in blocks]
        roles = ["body"] * n
        prose = [
            i
            for i in range(n)
            if words[i] >= BODY_MIN_WORDS and blocks[i].kind != "heading" and cues[i][0] < CHROME_THRESHOLD
        ]
        first_prose = prose[0] if prose else n
        last_prose = prose[-1] if prose else -1

        title_index = self._title_index(blocks, words, first_prose, meta["title"])
        if title_index is not None:
            roles[title_index] = "title"
            meta["title"] = meta["title"] or blocks[title_index].text.replace("\n", " ")

        for i, block in enumerate(blocks):
            if i == title_index or n == 1:
                continue  # a text of one paragraph ("Label: a headline", a sentence) is all article
            text = block.text.strip()
            short = words[i] <= 20
            outside = i < first_prose or i > last_prose
            weight, cue_role, _ = cues[i]
            chrome_role = cue_role if cue_role in ("boilerplate", "metadata", "bio") else "boilerplate"
            byline = byline_name(text) if short else None
            if _NO_WORDS.match(text):
                roles[i] = "boilerplate"
            elif byline and i <= first_prose:
                roles[i] = "byline"
                meta["byline"] = meta["byline"] or byline
                date = DATE.search(text)
                if date and not meta["date"]:
                    meta["date"] = iso_date(date.group(0))
            elif short and i < first_prose and TIME_LINE.match(text):
                roles[i] = "metadata"  # "Published", "3 hours ago"
            elif short and i < first_prose and DATE.search(text) and cue_role != "boilerplate" and not _clause(text):
                roles[i] = "metadata"
                self._date_line(text, meta)
            elif weight >= CHROME_THRESHOLD and (words[i] <= CHROME_MAX_WORDS or (outside and weight >= SURE_CHROME)):
                roles[i] = chrome_role
                holder = COPYRIGHT.match(text) if i > last_prose and not meta["outlet"] else None
                if holder:
                    meta["outlet"] = holder.group("name").strip()  # "© 2026 Example News. All rights reserved."
            elif short and i < first_prose and LABEL_LINE.match(text) and not _clause(text):
                roles[i] = "metadata"
            elif outside and words[i] <= 30 and (link_density[i] > 0.5 or (i > last_prose and weight >= 0.3)):
                roles[i] = "boilerplate"
            elif i > last_prose and self._is_bio(text, meta["byline"], words[i]):
                roles[i] = "bio"
        if meta["date"] and len(meta["date"]) > 10 and re.match(r"\d{4}-\d{2}-\d{2}", meta["date"]):
            meta["date"] = meta["date"][:10]
        elif meta["date"] and DATE.fullmatch(meta["date"].strip()):
            meta["date"] = iso_date(meta["date"].strip())  # "June 21, 2025" in front matter
        return roles, meta

    @staticmethod
    def _title_index(blocks: Sequence[Block], words: list[int], first_prose: int, title: Optional[str]) -> Optional[int]:
        limit = min(len(blocks), max(first_prose, 1))
        for i in range(limit):
            if blocks[i].kind == "heading":
                return i
        if title:
            norm = " ".join(title.split()).lower()
            for i in range(limit):
                if " ".join(blocks[i].text.split()).lower() == norm:
                    return i
            return None
        if blocks and words[0] <= 25 and len(blocks) > 1 and not byline_name(blocks[0].text):
            return 0
        return None

    @staticmethod
    def _date_line(text: str, meta: dict[str, Optional[str]]) -> None:
        m = DATE.search(text)
        if m and not meta["date"]:
            meta["date"] = iso_date(m.group(0))
        before = _DATE_LEAD.sub("", text[: m.start()]).strip(" ,|–—-") if m else ""  # "Published 3 March" names no outlet
        if before and not meta["outlet"] and len(before.split()) <= 6:
            meta["outlet"] = before

    @staticmethod
    def _is_bio(text: str, byline: Optional[str], n_words: int) -> bool:
        if not byline or n_words > 90:
            return False
        surname = byline.split()[-1] if byline.split() else ""
        return bool(surname) and text.startswith((byline, surname)) and " is " in text[: len(byline) + 20]
