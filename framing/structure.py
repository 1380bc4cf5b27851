"""Paragraph roles: title, byline, metadata, body, boilerplate (site chrome) and bio.

Roles come from general cues that hold across outlets: the cue phrases in the lexicon
table ``structure/boilerplate.tsv``, a block's position, its length and how much of it is
link text. No outlet's own strings are written here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .matcher import KeyedText, PhraseMatcher
from .parse import Block
from .tokens import tokenize

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
BYLINE = re.compile(r"^(?:by|written by|words by|author:?)\s+(?P<name>[^\n]{2,120})$", re.IGNORECASE)
LABEL_LINE = re.compile(r"^[A-Z][\w\- ]{1,30}:\s+\S")
# A block with no letters or digits at all ("***", "* * *", "—") is a separator.
_NO_WORDS = re.compile(r"^[\W_]*$")

BODY_MIN_WORDS = 25  # a block this long with sentences reads as article prose
CHROME_THRESHOLD = 0.6


@dataclass(frozen=True)
class Cue:
    cue: str
    role: str
    weight: float


class StructureReader:
    """Assigns a role to every block and reads title, byline, date and outlet."""

    def __init__(self, cues: Sequence[Cue]):
        self._cues = PhraseMatcher((c.cue, "exact", c) for c in cues if tokenize(c.cue))

    def cue_score(self, text: str) -> tuple[float, str, list[str]]:
        """The strongest chrome cue in ``text``: (weight, role, cues found)."""
        found = self._cues.find(KeyedText(text, tokenize(text)))
        if not found:
            return 0.0, "", []
        best = max(found, key=lambda m: m.item.weight)
        return best.item.weight, best.item.role, [m.item.cue for m in found]

    def roles(self, blocks: Sequence[Block], front: dict) -> tuple[list[str], dict[str, Optional[str]]]:
        """One role per block, and the metadata read from front matter or the blocks."""
        n = len(blocks)
        words = [len(tokenize(b.text)) for b in blocks]
        meta: dict[str, Optional[str]] = {
            k: (str(front[k]) if front.get(k) not in (None, "") else None)
            for k in ("title", "date", "outlet", "url")
        }
        author = front.get("author") or front.get("byline") or front.get("authors")
        if isinstance(author, list):
            author = ", ".join(str(a) for a in author)
        meta["byline"] = str(author) if author else None

        roles = ["body"] * n
        prose = [i for i in range(n) if words[i] >= BODY_MIN_WORDS and blocks[i].kind != "heading"]
        first_prose = prose[0] if prose else n
        last_prose = prose[-1] if prose else -1

        title_index = self._title_index(blocks, words, first_prose, meta["title"])
        if title_index is not None:
            roles[title_index] = "title"
            meta["title"] = meta["title"] or blocks[title_index].text.replace("\n", " ")

        for i, block in enumerate(blocks):
            if i == title_index:
                continue
            text = block.text.strip()
            short = words[i] <= 20
            link_chars = sum(e - s for s, e, _ in block.links)
            link_density = link_chars / max(1, len(text))
            weight, cue_role, _ = self.cue_score(text)
            byline = BYLINE.match(text) if short else None
            if _NO_WORDS.match(text):
                roles[i] = "boilerplate"
            elif byline and i < first_prose + 1:
                roles[i] = "byline"
                meta["byline"] = meta["byline"] or byline.group("name").strip()
            elif short and i < first_prose and DATE.search(text) and not cue_role == "boilerplate":
                roles[i] = "metadata"
                self._date_line(text, meta)
            elif cue_role == "bio" and weight >= CHROME_THRESHOLD and words[i] <= 90 and i > last_prose - 1:
                roles[i] = "bio"
            elif weight >= 1.0 or (weight >= CHROME_THRESHOLD and words[i] <= 60):
                roles[i] = cue_role if cue_role in ("boilerplate", "metadata", "bio") else "boilerplate"
            elif short and i < first_prose and LABEL_LINE.match(text):
                roles[i] = "metadata"
            elif short and link_density > 0.6 and (i < first_prose or i > last_prose):
                roles[i] = "boilerplate"
            elif i > last_prose and self._is_bio(text, meta["byline"], words[i]):
                roles[i] = "bio"
        if meta["date"] and len(meta["date"]) > 10 and re.match(r"\d{4}-\d{2}-\d{2}", meta["date"]):
            meta["date"] = meta["date"][:10]
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
        if blocks and words[0] <= 25 and len(blocks) > 1 and not BYLINE.match(blocks[0].text):
            return 0
        return None

    @staticmethod
    def _date_line(text: str, meta: dict[str, Optional[str]]) -> None:
        m = DATE.search(text)
        if m and not meta["date"]:
            meta["date"] = m.group(0)
        before = text[: m.start()].strip(" ,|–—-") if m else ""
        if before and not meta["outlet"] and len(before.split()) <= 6:
            meta["outlet"] = before

    @staticmethod
    def _is_bio(text: str, byline: Optional[str], n_words: int) -> bool:
        if not byline or n_words > 90:
            return False
        surname = byline.split()[-1] if byline.split() else ""
        return bool(surname) and text.startswith((byline, surname)) and " is " in text[: len(byline) + 20]
