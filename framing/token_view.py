"""A view of an article's tokens for reading speaker phrases: capitalised runs (names),
role terms, possessives and prepositions, with quotations set apart."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress
from operator import itemgetter
from typing import Optional

from .context import Context
from .mentions import Mentions
from .model import Quote, token_index
from .quotes import reported_after
from .source_tables import DETERMINERS, FUNCTION_WORDS, MONTHS, PREPOSITIONS, Role, SourceTables
from .tokens import KeyCache, tokenize

_PARTICLES = frozenset("al el bin ibn abu de van von der da di du le la del dos".split())  # name particles, lower case
_PARTICLE = re.compile(rf"^(?:{'|'.join(sorted(_PARTICLES))})(?:-[A-Z]|$)")  # "van", "al-Sudani"
_NAME_GAP = re.compile(r"^(?: |'\s?|’\s?|\.\s|\. ?)$")
SCARE_WORDS = 3  # a quotation this short is a scare quote or a label, still part of a phrase
CONNECTORS = frozenset({"of", "for", "and", "&", "on"})


def _may_be_name(x: str) -> bool:
    """Whether a token may be part of a name: capitalised (not a month, not "I") or a particle ("al-", "van")."""
    w = x.lower()
    return bool(x[:1].isupper() and w not in MONTHS and w != "i" or x in _PARTICLES or ("-" in x and _PARTICLE.match(x) is not None))


_NAMEABLE = KeyCache(_may_be_name)  # token text -> _may_be_name, computed once per word


def _inside(tokens, spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies wholly inside one of ``spans`` (a sweep, not a product)."""
    out = [False] * len(tokens)
    for lo, hi in spans:
        k = token_index(tokens, lo)
        while k < len(tokens) and tokens[k].end <= hi:
            out[k] = True
            k += 1
    return out


class TokenView:
    """Token-level tests shared by the phrase reader: names, roles, possessives, quotations."""

    def __init__(self, ctx: Context, tables: SourceTables, mentions: Mentions):
        self.ctx = ctx
        self.text = ctx.article.text
        self.tokens = ctx.article.tokens
        self.tables = tables
        self.mentions = mentions
        # tokens inside a quotation of more than SCARE_WORDS words, or of speech that a reporting
        # verb follows: the speaker's words, not a phrase
        verb_starts = sorted(m.start for m in ctx.matches("attribution_verb")) if ctx.article.quotes else []
        long_quotes = [
            q for q in ctx.article.quotes
            if q.block or len(tokenize(self.text, q.inner_start, q.inner_end)) > SCARE_WORDS or self._speech(q, verb_starts)
        ]
        self.quoted = _inside(self.tokens, [(q.inner_start, q.inner_end) for q in long_quotes])
        self._words = list(map(str.lower, map(itemgetter(2), self.tokens)))
        if "’" in self.text:
            self._words = [w.replace("’", "'") for w in self._words]
        # whether each token may be part of a name (``_may_be_name``), outside long quotations
        self._is_name = list(map(_NAMEABLE.__getitem__, map(itemgetter(2), self.tokens)))
        if True in self.quoted:
            self._is_name = [n and not q for n, q in zip(self._is_name, self.quoted)]
        self._names_at = list(compress(range(len(self._is_name)), self._is_name))  # indices of the name tokens
        self._roles: dict[int, Optional[tuple[int, Role]]] = {}
        self._gaps: dict[int, bool] = {}

    def _speech(self, q: Quote, verb_starts: list[int]) -> bool:
        """A short quotation that opens its sentence and a reporting verb follows ("No," he said)."""
        s = self.ctx.article.sentence_at(q.start)
        return s is not None and reported_after(self.text, q, verb_starts, self.ctx.article.sentences[s].start)

    # -- tokens ---------------------------------------------------------------------
    @property
    def words(self) -> list[str]:
        """Every token lower-cased, with a straight apostrophe."""
        return self._words

    def word(self, i: int) -> str:
        return self._words[i]

    def span(self, a: int, b: int) -> str:
        return self.text[self.tokens[a].start : self.tokens[b].end]

    def gap_ok(self, i: int) -> bool:
        """Whether tokens ``i-1`` and ``i`` may belong to one phrase (only a space or a name's apostrophe)."""
        ok = self._gaps.get(i)
        if ok is None:
            between = self.text[self.tokens[i - 1].end : self.tokens[i].start]
            ok = self._gaps[i] = bool(_NAME_GAP.match(between)) and not self.quoted[i] and not self.quoted[i - 1]
        return ok

    def possessive(self, i: int) -> bool:
        w = self.word(i)
        return w.endswith("'s") or (w.endswith("s") and self.text[self.tokens[i].end : self.tokens[i].end + 1] in "'’" and not self._name_tok(i + 1))

    def role_at(self, i: int) -> Optional[tuple[int, Role]]:
        """A role term ending at token ``i``: (its first token, the role)."""
        if i not in self._roles:
            self._roles[i] = self._role_at(i)
        return self._roles[i]

    def _role_at(self, i: int) -> Optional[tuple[int, Role]]:
        if not self.tables.may_end_role(self._words[i]):
            return None
        longest = min(self.tables.longest_role, i + 1)
        n = 1  # the longest run of words ending at ``i`` that may form one phrase (at most ``longest``)
        while n < longest and self.gap_ok(i - n + 1):
            n += 1
        for n in range(n, 0, -1):
            words = tuple(self._words[i - n + 1 : i + 1])
            hit = self.tables.role(words)
            if hit is None and n == 1 and "-" in words[0]:
                hit = self.tables.role((words[0].rsplit("-", 1)[1],))
            if hit:
                return i - n + 1, hit
        return None

    def _name_tok(self, i: int) -> bool:
        return i < len(self._is_name) and self._is_name[i]

    def starts_name(self, i: int) -> bool:
        if not self._name_tok(i):
            return False
        w = self.word(i)
        if self.ctx.is_sentence_start(i) or self.text[self.tokens[i].start - 1 : self.tokens[i].start] in "“\"‘'(":
            if w in FUNCTION_WORDS or w in self.tables.pronouns or w in self.tables.group_nouns:
                return False
            role = self.role_at(i)
            if role and role[1].type != "official":
                return False
        return True

    # -- names ------------------------------------------------------------------------
    def name_runs(self, first: int, last: int) -> list[tuple[int, int]]:
        """Runs of capitalised words in ``[first, last]``; a possessive ends a run."""
        runs: list[tuple[int, int]] = []
        names_at = self._names_at
        after = first  # the first token not yet taken by a run
        for i in names_at[bisect_left(names_at, first) : bisect_right(names_at, last)]:
            if i < after or not self.starts_name(i):
                continue
            j = i
            while j + 1 <= last and self.gap_ok(j + 1) and not self.possessive(j):
                if self._name_tok(j + 1) and self.word(j + 1) not in FUNCTION_WORDS:
                    j += 1
                elif self.word(j + 1) in CONNECTORS and j + 2 <= last and self._name_tok(j + 2) and self.gap_ok(j + 2):
                    j += 2
                elif self.word(j + 1) == "of" and j + 3 <= last and self.word(j + 2) == "the" and self._name_tok(j + 3) and self.gap_ok(j + 2) and self.gap_ok(j + 3) and self._heads_body(j):
                    j += 3  # "Chancellor of the Exchequer", "Bank of the West" (not "Jane Doe of the Refugee Council")
                else:
                    break
            run = self._trim_connectors(i, j)
            if not self._adjective(*run):
                runs.append(run)
            after = run[1] + 1
        return self._join_possessive_orgs(runs)

    def _heads_body(self, j: int) -> bool:
        """Whether token ``j`` heads a body's name or a title ("Bank", "Chancellor")."""
        if self.tokens[j].text in self.tables.org_words:
            return True
        title = self.role_at(j)
        return title is not None and title[1].type == "official"

    def _adjective(self, a: int, b: int) -> bool:
        """A lone capitalised word before a lower-case one is a modifier, not a name, when it
        looks like a demonym ("Iranian regime") or opens the sentence ("Political consultants")."""
        nxt = b + 1
        if a != b or nxt >= len(self.tokens) or not self.gap_ok(nxt) or not self.tokens[nxt].text[:1].islower():
            return False
        w = self.word(a)
        if self.tokens[a].text.isupper() or w in self.tables.places or self.tokens[a].text in self.tables.org_words:
            return False
        return w.endswith(("ic", "ian", "ish", "ese", "an")) or (self.ctx.is_sentence_start(a) and not self.mentions.known([self.tokens[a].text], self.tokens[a].start))

    def _trim_connectors(self, i: int, j: int) -> tuple[int, int]:
        """Keep "of"/"and" inside a run only when the run names an organisation, or a title
        with its body ("Secretary of State Mike Pompeo")."""
        if any(self.tokens[k].text in self.tables.org_words for k in range(i, j + 1)):
            return i, j
        if i + 1 < j and self.word(i + 1) == "of" and (title := self.role_at(i)) and title[1].type == "official":
            return i, j
        for k in range(i + 1, j):
            if self.word(k) in CONNECTORS:
                return i, k - 1
        return i, j

    def _join_possessive_orgs(self, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """"St Aldric's" + "Hospital" is one organisation's name."""
        out: list[tuple[int, int]] = []
        for a, b in runs:
            if out and out[-1][1] == a - 1 and self.possessive(a - 1) and self.tokens[b].text in self.tables.org_words:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def governed(self, a: int, floor: int) -> bool:
        """Whether a preposition governs the phrase starting at ``a`` (over determiners and possessives)."""
        k, steps = a - 1, 0
        while k >= floor and steps < 3:
            w = self.word(k)
            if w in PREPOSITIONS:
                return True
            if w in DETERMINERS or self.possessive(k) or w == "both":
                k, steps = k - 1, steps + 1
                continue
            break
        return False
