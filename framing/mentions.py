"""Who is who across an article: full mentions, later surnames, aliases, pronouns.

A ``Mentions`` registry is filled in text order. A later mention by surname ("Rasool")
joins the first full mention ("Brigadier General Yahya Rasool"); an acronym given in
brackets ("US Central Command (CENTCOM)") becomes an alias; "he"/"she" go to the most
recent compatible person, "the company" to the most recent organisation.
"""
from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass, field
from typing import Optional

_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|le|la|del|dos)-", re.IGNORECASE)


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
    """Entities in order of first mention, and every mention's position."""

    entities: list[Entity] = field(default_factory=list)
    order: list[tuple[int, Entity]] = field(default_factory=list)  # (char offset, entity), ascending
    objects: set[int] = field(default_factory=set)  # offsets of mentions after a preposition ("lives in Saltmarsh")

    def note(self, entity: Entity, at: int, governed: bool = False) -> None:
        insort(self.order, (at, entity), key=lambda p: p[0])
        if governed:
            self.objects.add(at)

    def known(self, words: list[str], at: int) -> Optional[tuple[Entity, str]]:
        """An earlier entity this mention refers to, and how: ``full``, ``surname`` or ``alias``."""
        keys = [name_key(w) for w in words]
        before = self._recent(at)
        joined = " ".join(words).lower()
        for e in before:
            if e.name.lower() == joined:
                return e, "full"
            if joined in e.aliases or (keys and keys[-1] in e.aliases):
                return e, "alias"
        if len(keys) == 1:
            for e in before:  # a surname first, then any part of the full name
                if e.type == "named_person" and len(e.keys) > 1 and e.keys[-1] == keys[0]:
                    return e, "surname"
            for e in before:
                if e.type == "named_person" and len(e.keys) > 1 and keys[0] in e.keys:
                    return e, "surname"
        return None

    def _recent(self, at: int) -> list[Entity]:
        """Entities mentioned before ``at``, most recent first, each once."""
        seen: set[int] = set()
        out = []
        for p, e in reversed(self.order):
            if p < at and id(e) not in seen:
                seen.add(id(e))
                out.append(e)
        return out

    def add(self, name: str, stype: str, at: int, role: Optional[str] = None, gender: Optional[str] = None,
            governed: bool = False) -> tuple[Entity, str]:
        """Register a mention at ``at``; return its entity and the kind of mention."""
        same = next((e for p, e in self.order if p == at and e.name.lower() == name.lower()), None)
        if same:
            return same, "full"
        hit = self.known(name.split(), at)
        if hit:
            entity, how = hit
            if gender and not entity.gender:
                entity.gender = gender
            self.note(entity, at, governed)
            return entity, how
        entity = Entity(name, stype, role, gender)
        self.entities.append(entity)
        self.note(entity, at, governed)
        return entity, "full"

    def alias(self, entity: Entity, short: str) -> None:
        entity.aliases.add(short.lower())

    def person_before(self, at: int, gender: Optional[str], floor: int = 0) -> Optional[Entity]:
        """The most recent person mentioned before ``at`` (and after ``floor``), not as the object
        of a preposition, whose gender is compatible."""
        for p, e in reversed(self.order):
            if p >= at or e.type != "named_person" or p in self.objects:
                continue
            if p < floor:
                break
            if gender is None or e.gender in (None, gender):
                return e
        return None

    def organization_before(self, at: int, head: str, latest: bool = False) -> Optional[Entity]:
        """The most recent organisation before ``at`` whose name contains ``head``; with
        ``latest``, failing that, the most recent organisation of any name."""
        orgs = [e for p, e in self.order if p < at and e.type == "named_organization"]
        for e in reversed(orgs):
            if head.lower() in e.name.lower().split():
                return e
        return orgs[-1] if orgs and latest else None
