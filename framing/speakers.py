"""Reading speaker phrases: names, role noun phrases and pronouns, with their type.

A *name* is a run of capitalised words ("Brigadier General Yahya Rasool"); titles at its
front become the role, and a run ending in an organisation word ("US Central Command") or
naming a place ("Tehran") is an organisation. A *role phrase* is a noun phrase whose head
is in ``sources/role.tsv`` ("a hospital spokesperson", "the authority's report"); a group
noun ("members", "lawmakers") is ``official`` when tied to a named body, else ``vague``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from .context import Context
from .mentions import Mentions
from .source_tables import DETERMINERS, FUNCTION_WORDS, PREPOSITIONS, Role, SourceTables
from .token_view import TokenView

COURTESY = frozenset("mr mrs ms miss mx dr sir dame".split())  # before a surname, never a title
ROLE_MODIFIERS = frozenset("former deputy acting senior chief interim outgoing incoming then top shadow vice".split())
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")
AFFILIATION_PREPOSITIONS = frozenset({"of", "for", "from", "at", "by", "with", "to", "in"})


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase: tokens ``first..last`` (inclusive) and what they name."""

    first: int
    last: int
    type: str
    name: str
    role: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[str] = None
    mention: str = "full"
    pronoun: bool = False


class PhraseReader(TokenView):
    """Finds and classifies speaker phrases in one article."""

    def __init__(self, ctx: Context, tables: SourceTables, mentions: Mentions):
        super().__init__(ctx, tables, mentions)
        self._names: dict[tuple[int, int], Phrase] = {}  # each name is read (and registered) once

    # -- names ------------------------------------------------------------------------
    def extend_left(self, a: int, floor: int) -> int:
        """Take in role words and capitalised modifiers before a name ("Iranian president")."""
        k = a - 1
        while k >= floor and self.gap_ok(k + 1) and not self.possessive(k):
            w = self.word(k)
            role = self.role_at(k)
            if role and role[1].type == "official":
                k = role[0] - 1
            elif w in ROLE_MODIFIERS or (self._name_tok(k) and w not in FUNCTION_WORDS):
                k -= 1
            else:
                break
        return k + 1

    def read_name(self, a: int, b: int, floor: int) -> Phrase:
        """Classify the capitalised run ``a..b`` (with its left modifiers) as a speaker, once."""
        if (a, b) not in self._names:
            self._names[(a, b)] = self._read_name(a, b, floor)
        return self._names[(a, b)]

    def _read_name(self, a: int, b: int, floor: int) -> Phrase:
        start = self.extend_left(a, floor)
        words = [self.tokens[k].text for k in range(a, b + 1)]
        text = self.span(start, b)
        at = self.tokens[a].start
        org = self.tables.org_words
        last_title = -1
        gender = None
        # a lone surname that is also a title ("King said", after "Rep. Steve King") is the person
        surname = a == b and (hit := self.mentions.known(words, at)) is not None and hit[0].type == "named_person"
        for k in range(a, b + 1):
            w = self.word(k).rstrip(".")
            role = self.role_at(k)
            # an honorific ends a run only as a title ("the King", "Crown Prince"), not after a name ("Mervyn King")
            after = self.word(k - 1).rstrip(".") if k > a else ""
            honorific = w in self.tables.honorifics and (
                (k == a and not surname) or k < b or (last_title == k - 1 and after not in COURTESY) or after in DETERMINERS
            )
            if honorific or (role and role[1].type == "official" and role[0] >= a):
                last_title = k
                gender = (self.tables.honorifics.get(w) if honorific else role[1].gender) or gender
        body = None  # the body a title "of" names ("State" in "Secretary of State Mike Pompeo")
        of_body = a <= last_title < b - 1 and self.word(last_title + 1) == "of"
        # "Department of Justice", "Association of Directors of Social Services": a body's name
        org_title = of_body and any(w in org for w in words[: last_title - a + 1])
        titled = of_body and not org_title
        if titled:
            title, last_title = last_title, self._title_of(last_title, b, words[-1] in org)
            body = self.span(title + 2 + (self.word(title + 2) == "the"), last_title) if last_title < b else None
        is_org = org_title or not (titled and last_title == b) and (
            words[-1] in org
            or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)
            or " ".join(words).lower() in self.tables.places
            or (last_title < a and any(w in org for w in words))
        )
        known = self.mentions.known(words, at)
        if known:
            is_org = known[0].type == "named_organization"
        the = a - 1 >= floor and start == a and self.word(a - 1) == "the" and self.gap_ok(a)
        if the and last_title < a and not known:
            is_org = True  # "the New Yorker", "the Dallas Morning News"
        if is_org and (org_title or not (a <= last_title < b)):
            start = a - 1 if the else start
            entity, how = self.mentions.add(" ".join(words), "named_organization", at, known=known)
            acronym = _ACRONYM.match(self.text, self.tokens[b].end)
            if acronym:
                self.mentions.alias(entity, acronym.group(1))
            role = self.span(start, a - 1) if start < a else None
            return Phrase(start, b, "named_organization", entity.name, role=role, mention=how)
        role_text = self.span(start, last_title) if last_title >= a else (self.span(start, a - 1) if start < a else None)
        if last_title == b:
            return Phrase(start, b, "official", text, role=text, gender=gender)
        core = max(a, last_title + 1)
        name_words = [self.tokens[k].text for k in range(core, b + 1)]
        governed = self.governed(start, floor)
        looked_up = {"known": known} if core == a else {}  # the name is the whole run: looked up above
        entity, how = self.mentions.add(" ".join(name_words), "named_person", at, role_text, gender, governed, **looked_up)
        affiliation = body or " ".join(w for w in words[: core - a] if w in org or w.isupper()) or None
        return Phrase(start, b, "named_person", entity.name, role=role_text or entity.role, affiliation=affiliation, gender=entity.gender, mention=how)

    def _title_of(self, title: int, b: int, ends_in_org: bool) -> int:
        """The last token of a title with "of" ("Secretary of State Mike Pompeo", "Speaker of
        the House Nancy Pelosi"): the body after "of" is one word, and what follows it the
        person's name (two words, three with a middle initial). A run ending in an
        organisation word, with at most two words after "of", or with a function word just
        before the name, is all title ("President of
        the American Muslim Association", "Director of Public Prosecutions")."""
        body = title + 2 + (self.word(title + 2) == "the")
        if ends_in_org or b - body < 2:
            return b  # "Director of Public Prosecutions": no name follows a body of two words
        n = 3 if b - body >= 3 and len(self.tokens[b - 1].text) == 1 else 2
        if any(self.word(k) in FUNCTION_WORDS for k in range(b - n, b + 1)):
            return b  # "Secretary of State of Kansas": a name is not joined by "of"
        return b - n

    # -- role phrases ---------------------------------------------------------------------
    def read_role(self, head_first: int, head: int, role: Role, floor: int, ceiling: int) -> Phrase:
        """The noun phrase around a role head: determiner and modifiers before, "of X" after."""
        k = head_first - 1
        affiliation = None
        modifiers = 0
        while k >= floor and self.gap_ok(k + 1) and modifiers < 5:
            w = self.word(k)
            if w in DETERMINERS:
                k -= 1
                break
            if w in PREPOSITIONS or w in FUNCTION_WORDS or w in self.tables.pronouns:
                break
            if w.endswith("ed") and not self._name_tok(k) and not (k > floor and self.word(k - 1) in DETERMINERS):
                break  # "the delay prompted critics": a verb, not a modifier (but "a retired official")
            if self.possessive(k):
                affiliation = self.tokens[k].text.replace("’", "'").removesuffix("'s").rstrip("'")
            elif self._name_tok(k):
                run = next((r for r in self.name_runs(max(floor, k - 8), k) if r[1] == k), (k, k))
                affiliation = affiliation or self.span(*run)
                k = run[0]
            k -= 1
            modifiers += 1
        start = k + 1
        end = head
        nxt = head + 1
        if nxt <= ceiling and self.word(nxt) in AFFILIATION_PREPOSITIONS and self.gap_ok(nxt):
            j = nxt + 1
            while j <= min(ceiling, nxt + 3) and self.gap_ok(j) and not self._name_tok(j) and self.word(j) in DETERMINERS | {"national", "local", "state", "federal", "city", "city's"}:
                j += 1
            runs = self.name_runs(j, ceiling) if j <= ceiling and self.gap_ok(j) else []
            if runs and runs[0][0] == j:
                end = runs[0][1]
                affiliation = self.span(*runs[0])
        text = self.span(start, end)
        stype = role.type
        head_word = self.word(head)
        if head_word in self.tables.group_nouns:
            stype = "official" if affiliation else "vague"
        if role.refers and self.word(start) == "the" and start == head_first - 1:
            entity = self.mentions.organization_before(self.tokens[start].start, head_word, role.refers == "latest_organization")
            if entity:
                return Phrase(start, end, "named_organization", entity.name, role=text, mention="description")
        elif (stype == "official" and self.word(start) == "the" and start == head_first - 1 and end == head
              and not (head + 1 < len(self.tokens) and self.word(head + 1) in AFFILIATION_PREPOSITIONS)):
            person = self.mentions.person_with_role(self.tokens[start].start, self.words[head_first : head + 1])
            if person:  # "the president", after "President Donald Trump"
                return Phrase(start, end, "named_person", person.name, role=person.role, gender=person.gender, mention="description")
        return Phrase(start, end, stype, text, role=text, affiliation=affiliation, gender=role.gender)

    def roles_in(self, first: int, last: int, ceiling: int) -> list[Phrase]:
        """Role phrases whose head lies in ``[first, last]`` (rightmost head of each phrase)."""
        out: list[Phrase] = []
        k = last
        while k >= first:
            hit = self.role_at(k) if not self.quoted[k] and not self.possessive(k) else None
            if hit and not (k + 1 <= ceiling and self.gap_ok(k + 1) and self.role_at(k + 1)):
                p = self.read_role(hit[0], k, hit[1], first, ceiling)
                out.append(p)
                k = p.first - 1
            else:
                k -= 1
        return out

    def pronoun_at(self, i: int) -> Optional[Phrase]:
        hit = self.tables.pronouns.get(self.word(i).split("'")[0])
        if hit is None or self.quoted[i]:
            return None
        refers, gender = hit
        return Phrase(i, i, refers, self.tokens[i].text, gender=gender, mention="pronoun", pronoun=True)

    def phrases_in(self, first: int, last: int, ceiling: int) -> list[Phrase]:
        """Every ungoverned, non-possessive speaker phrase in ``[first, last]``, in text order."""
        runs = [(a, b) for a, b in self.name_runs(first, last) if not self.possessive(b) and not self.governed(self.extend_left(a, first), first)]
        found: list[Phrase] = [self.read_name(a, b, first) for a, b in runs]
        for p in self.roles_in(first, last, ceiling):
            if not any(q.first <= p.first and p.last <= q.last for q in found):
                found = [q for q in found if not (p.first <= q.first and q.last <= p.last)] + [p]
        found += [p for i in range(first, last + 1) if (p := self.pronoun_at(i))]
        found = [p for p in found if not self.governed(p.first, first) and not self.possessive(p.last)]
        return sorted(found, key=lambda p: (p.first, p.last))

    def with_role(self, p: Phrase, first: int, last: int, left: bool) -> Phrase:
        """``p`` widened over an apposition ``first..last`` (its role and affiliation)."""
        role_text = self.span(first, last)
        inner = self.phrases_in(first, last, last)
        affiliation = next((q.affiliation for q in inner if q.affiliation), None) or next(
            (q.name for q in inner if q.type == "named_organization"), None
        )
        role = ", ".join(filter(None, [role_text, p.role] if left else [p.role, role_text]))
        return replace(p, first=min(p.first, first), last=max(p.last, last), role=role, affiliation=p.affiliation or affiliation)
