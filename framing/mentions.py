"""Who is who across an article: full mentions, later surnames, aliases, pronouns.

A ``Mentions`` registry is filled in text order. A later mention by surname ("Rasool")
joins the first full mention ("Brigadier General Yahya Rasool"); an acronym given in
brackets ("US Central Command (CENTCOM)") becomes an alias; "he"/"she" go to the most
recent compatible person, "the company" to the most recent organisation.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Iterable, Optional

_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|le|la|del|dos)-", re.IGNORECASE)
_OFFSET = itemgetter(0)  # the offset of an (offset, entity) pair
_NOT_LOOKED_UP = object()
LESSER_TITLES = frozenset("deputy shadow vice assistant acting former junior ex under".split())  # "the minister" is not the deputy minister  # ``Mentions.add`` without a ``known`` lookup from its caller


@lru_cache(maxsize=100_000)
def name_key(word: str) -> str:
    """A name word compared without case, possessive or an Arabic/Romance particle ("al-Sudani" ~ "Sudani")."""
    w = word.lower().replace("’", "'").rstrip("'")
    if w.endswith("'s"):
        w = w[:-2]
    return _PARTICLE.sub("", w)


@dataclass
class Entity:
    """One person or organisation the article mentions."""

    name: str
    type: str  # named_person | named_organization
    role: Optional[str] = None
    gender: Optional[str] = None
    aliases: set[str] = field(default_factory=set)
    keys: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        self.keys = tuple(name_key(w) for w in self.name.split())


@dataclass
class Mentions:
    """Entities in order of first mention, and every mention's position.

    Lookups go through indexes (by full name, alias and name word) and each entity's sorted
    positions, so an article with thousands of mentions is read in near-linear time.
    """

    entities: list[Entity] = field(default_factory=list)
    order: list[tuple[int, Entity]] = field(default_factory=list)  # (char offset, entity), ascending
    objects: set[int] = field(default_factory=set)  # offsets of mentions after a preposition ("lives in Saltmarsh")
    _positions: dict[int, list[int]] = field(default_factory=dict, repr=False)  # id(entity) -> sorted offsets
    _at: dict[int, list[Entity]] = field(default_factory=dict, repr=False)  # offset -> entities noted there
    _by_name: dict[str, list[Entity]] = field(default_factory=dict, repr=False)  # full name or alias -> entities
    _by_last: dict[str, list[Entity]] = field(default_factory=dict, repr=False)  # persons by last name word
    _by_word: dict[str, list[Entity]] = field(default_factory=dict, repr=False)  # persons by any name word

    def note(self, entity: Entity, at: int, governed: bool = False) -> None:
        insort(self.order, (at, entity), key=_OFFSET)
        insort(self._positions.setdefault(id(entity), []), at)
        self._at.setdefault(at, []).append(entity)
        if governed:
            self.objects.add(at)

    def _latest_before(self, entity: Entity, at: int) -> int:
        """The entity's last mention before ``at``, or -1."""
        positions = self._positions.get(id(entity), [])
        i = bisect_left(positions, at)
        return positions[i - 1] if i else -1

    def _most_recent(self, candidates: Iterable[Entity], at: int) -> Optional[Entity]:
        """Of ``candidates``, the one mentioned most recently before ``at`` (first registered on a tie)."""
        best, best_pos = None, -1
        for e in candidates:
            p = self._latest_before(e, at)
            if p > best_pos:
                best, best_pos = e, p
        return best

    def known(self, words: list[str], at: int) -> Optional[tuple[Entity, str]]:
        """An earlier entity this mention refers to, and how: ``full``, ``surname`` or ``alias``."""
        keys = [name_key(w) for w in words]
        joined = " ".join(words).lower()
        names = [*self._by_name.get(joined, ()), *(self._by_name.get(keys[-1], ()) if keys else ())]
        hit = self._most_recent((e for e in names if e.name.lower() == joined or joined in e.aliases or (keys and keys[-1] in e.aliases)), at)
        if hit is not None:
            return hit, "full" if hit.name.lower() == joined else "alias"
        if len(keys) == 1:  # a surname first, then any part of the full name
            for index in (self._by_last, self._by_word):
                hit = self._most_recent(index.get(keys[0], ()), at)
                if hit is not None:
                    return hit, "surname"
        return None

    def add(self, name: str, stype: str, at: int, role: Optional[str] = None, gender: Optional[str] = None,
            governed: bool = False, known: object = _NOT_LOOKED_UP) -> tuple[Entity, str]:
        """Register a mention at ``at``; return its entity and the kind of mention.

        ``known`` is what ``known(name.split(), at)`` gave, where the caller looked it up already.
        """
        same = next((e for e in self._at.get(at, ()) if e.name.lower() == name.lower()), None)
        if same:
            return same, "full"
        hit = self.known(name.split(), at) if known is _NOT_LOOKED_UP else known
        if hit:
            entity, how = hit
            if gender and not entity.gender:
                entity.gender = gender
            self.note(entity, at, governed)
            return entity, how
        entity = Entity(name, stype, role, gender)
        self.entities.append(entity)
        self._by_name.setdefault(name.lower(), []).append(entity)
        if stype == "named_person" and len(entity.keys) > 1:
            self._by_last.setdefault(entity.keys[-1], []).append(entity)
            for k in set(entity.keys):
                self._by_word.setdefault(k, []).append(entity)
        self.note(entity, at, governed)
        return entity, "full"

    def alias(self, entity: Entity, short: str) -> None:
        entity.aliases.add(short.lower())
        self._by_name.setdefault(short.lower(), []).append(entity)

    def person_before(self, at: int, gender: Optional[str], floor: int = 0) -> Optional[Entity]:
        """The most recent person mentioned before ``at`` (and after ``floor``), not as the object
        of a preposition, whose gender is compatible."""
        for k in range(bisect_left(self.order, at, key=_OFFSET) - 1, -1, -1):
            p, e = self.order[k]
            if p < floor:
                break
            if e.type != "named_person" or p in self.objects:
                continue
            if gender is not None and not (e.role or e.gender or " " in e.name):
                continue  # a lone capitalised word with nothing that makes it a person ("Rochdale", "Muslim")
            if gender is None or e.gender in (None, gender):
                return e
        return None

    def note_role(self, name: str, role: str) -> None:
        """Give a person named ``name`` the role an apposition states ("Marcelo Ebrard,
        Mexico's foreign minister"), unless it has one. A one-word name gets none: it may be
        a body read as a person ("Americo, the life insurance company")."""
        for e in self._by_name.get(name.lower(), ()):
            if e.type == "named_person" and not e.role and " " in e.name:
                e.role = role

    def person_with_role(self, at: int, title: list[str]) -> Optional[Entity]:
        """The most recent person before ``at`` whose role ends in ``title`` ("the president"
        after "President Donald Trump"), not as a deputy or shadow ("Deputy Prime Minister")."""
        n = len(title)
        for k in range(bisect_left(self.order, at, key=_OFFSET) - 1, -1, -1):
            e = self.order[k][1]
            if e.type != "named_person" or not e.role:
                continue
            words = e.role.lower().replace(".", "").replace(",", " ").split()
            if words[-n:] == title and (len(words) == n or words[-n - 1] not in LESSER_TITLES):
                return e
        return None

    def organization_before(self, at: int, head: str, latest: bool = False) -> Optional[Entity]:
        """The most recent organisation before ``at`` whose name contains ``head``; with
        ``latest``, failing that, the most recent organisation of any name."""
        first_org = None
        for k in range(bisect_left(self.order, at, key=_OFFSET) - 1, -1, -1):
            e = self.order[k][1]
            if e.type != "named_organization":
                continue
            if head.lower() in e.name.lower().split():
                return e
            first_org = first_org or e
        return first_org if latest else None
