"""Who speaks: attributions in the body ("X said", "according to X", "said X", "by X").

For each reporting verb in a body sentence the speaker is the nearest name or noun
phrase that is its subject (not inside a prepositional phrase), or the name after the
verb ("said Smith") or after "by"/"according to". Vague collectives (the weasel findings)
and self-citations are sources too. Pronouns ("he said") go to the latest named person;
a surname alone joins the earlier full mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .context import Context
from .model import Finding, Source, Token
from .tokens import stem_key, surface_key

PREPOSITIONS = frozenset(
    "of for to in at from with on about against into over under between among during after before near toward towards "
    "across through behind within without upon than via per like".split()
)
DETERMINERS = frozenset("the a an this that these those its his her their our some many several".split())
FUNCTION_WORDS = frozenset(
    "the a an on in at after before during since while although though but and or so yet when as if because however "
    "meanwhile last this that these those it he she they we i for from by with".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
PRONOUNS = {"he": "he", "she": "she", "they": "they", "i": "self", "we": "self"}
BE_FORMS = frozenset("be been being is are was were".split())
# verbs of saying that take a clause without "that" ("Raisi said Israel was responsible")
BARE_COMPLEMENT_VERBS = frozenset({"say", "said", "tell", "told", "add", "ad", "warn", "insist", "claim", "argu", "note"})
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|le|la|del|dos)(?:-[A-Z]|$)")
_NAME_GAP = re.compile(r"^(?:\s|'\s?|’\s?|\.\s)$")


@dataclass
class Candidate:
    first: int
    last: int  # token indices, inclusive


class SourceFinder:
    """Extracts the source ledger of one article from its context and findings."""

    def __init__(self, ctx: Context, findings: list[Finding]):
        self.ctx = ctx
        self.article = ctx.article
        self.tokens = ctx.article.tokens
        self.findings = findings
        lex = ctx.lexicon
        self.role_type = {r["term"].lower(): r.get("type", "official") for r in lex.table("sources/role") if r.get("term")}
        self.org_words = frozenset(r["term"] for r in lex.table("sources/organization_word") if r.get("term"))
        self.org_words_lower = frozenset(w.lower() for w in self.org_words)
        self.people: list[Source] = []

    # -- token helpers ----------------------------------------------------------------
    def _is_name_token(self, i: int) -> bool:
        t = self.tokens[i].text
        if _PARTICLE.match(t) and i + 1 < len(self.tokens):
            return True
        return t[:1].isupper() and t.lower() not in MONTHS

    def _gap_ok(self, i: int) -> bool:
        """Whether tokens i-1 and i may belong to one name."""
        between = self.article.text[self.tokens[i - 1].end : self.tokens[i].start]
        return bool(_NAME_GAP.match(between)) or between == " "

    def _names_in(self, first: int, last: int) -> list[Candidate]:
        out: list[Candidate] = []
        i = first
        while i <= last:
            if self._is_name_token(i) and not (self.ctx.is_sentence_start(i) and self.tokens[i].text.lower() in FUNCTION_WORDS):
                j = i
                while j + 1 <= last and self._gap_ok(j + 1) and (
                    self._is_name_token(j + 1) or (self.tokens[j + 1].text.lower() in ("of", "for") and j + 2 <= last and self.tokens[j + 2].text[:1].isupper() and self._org_like(i, j))
                ):
                    j += 1
                out.append(Candidate(i, j))
                i = j + 1
            else:
                i += 1
        return out

    def _org_like(self, first: int, last: int) -> bool:
        return any(self.tokens[k].text in self.org_words for k in range(first, last + 1))

    def _governed(self, c: Candidate, floor: int) -> bool:
        """Whether a preposition governs the candidate (skipping determiners and adjectives)."""
        k = c.first - 1
        steps = 0
        while k >= floor and steps < 3:
            w = self.tokens[k].text.lower().replace("’", "'")
            if w in PREPOSITIONS:
                return True
            if w in DETERMINERS or w.endswith("'s"):
                k -= 1
                steps += 1
                continue
            break
        return False

    def _extend_left(self, c: Candidate, floor: int) -> Candidate:
        """Take in role words and capitalised modifiers before a name ("Iranian president")."""
        k = c.first - 1
        while k >= floor and self._gap_ok(k + 1):
            w = self.tokens[k].text
            if w.lower() in self.role_type and self.role_type[w.lower()] == "official" or (w[:1].isupper() and w.lower() not in FUNCTION_WORDS and w.lower() not in MONTHS):
                k -= 1
                continue
            break
        return Candidate(k + 1, c.last)

    # -- classification -----------------------------------------------------------------
    def _classify(self, c: Candidate, core: Candidate) -> tuple[str, str, Optional[str]]:
        """(type, normalised name, role) of a speaker phrase."""
        words = [self.tokens[k].text for k in range(core.first, core.last + 1)]
        name = " ".join(words)
        role_words = [self.tokens[k].text for k in range(c.first, core.first)]
        role = " ".join(role_words) or None
        if any(w in self.org_words for w in words) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
            return "named_organization", name, role
        if len(words) == 1:
            earlier = next((p for p in reversed(self.people) if p.name.split()[-1] == words[0]), None)
            if earlier:
                return "named_person", earlier.name, earlier.role
        # the person's name proper is what follows the last title word ("Prime Minister", "General")
        titles = [k for k, w in enumerate(words[:-1]) if self.role_type.get(w.lower()) == "official"]
        if titles:
            cut = titles[-1] + 1
            role = " ".join(filter(None, [role, " ".join(words[:cut])]))
            words = words[cut:]
        return "named_person", " ".join(words), role

    def _noun_phrase_before(self, verb: int, floor: int) -> Optional[tuple[Candidate, str]]:
        """A role or collective noun phrase right before the verb ("a Pentagon spokesperson")."""
        k = verb - 1
        while k >= floor and self.tokens[k].text.lower() in ("has", "have", "had", "was", "were", "is", "are", "also", "already", "repeatedly", "publicly", "been", "later", "then"):
            k -= 1
        if k < floor or self.keyed_break(k + 1):
            return None
        head = self.tokens[k].text.lower()
        rtype = self.role_type.get(head) or self.role_type.get(head.rstrip("s"))
        if not rtype:
            return None
        j = k
        while j - 1 >= floor and self._gap_ok(j) and self.tokens[j - 1].text.lower() not in PREPOSITIONS and not self.keyed_break(j):
            prev = self.tokens[j - 1].text.lower()
            if prev in FUNCTION_WORDS and prev not in DETERMINERS:
                break
            j -= 1
            if prev in DETERMINERS:
                break
        return Candidate(j, k), rtype

    def keyed_break(self, i: int) -> bool:
        return self.ctx.keyed.breaks[i]

    # -- the ledger ----------------------------------------------------------------
    def find(self) -> list[Source]:
        sources: list[Source] = []
        covered: list[tuple[int, int]] = []
        for f in self.findings:
            if f.kind == "self_citation":
                sources.append(self._source_from_span(f.start, f.end, "self", f.text, None, f.sentence))
                covered.append((f.start, f.end))
            elif f.kind == "weasel" and f.voice == "author":
                sources.append(self._source_from_span(f.start, f.end, "vague", f.text, None, f.sentence))
                covered.append((f.start, f.end))
        verbs = [f for f in self.findings if f.kind == "attribution_verb" and f.voice == "author"]
        for v in verbs:
            src = self._speaker_for(v, covered)
            if src:
                sources.append(src)
                covered.append((src.start, src.end))
        sources.extend(self._according_to(covered))
        sources.sort(key=lambda s: (s.start, s.end))
        return sources

    def _source_from_span(self, start: int, end: int, stype: str, name: str, verb: Optional[Finding], sentence: Optional[int]) -> Source:
        quoted, qs, qe = self._quote_kind(sentence, end)
        return Source(
            start=start,
            end=end,
            text=self.article.text[start:end],
            name=name,
            type=stype,
            quoted=quoted,
            verb=verb.text if verb else None,
            sentence=sentence,
            stance=verb.category if verb else None,
            quote_start=qs,
            quote_end=qe,
        )

    def _token_index(self, offset: int) -> int:
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _speaker_for(self, verb: Finding, covered: list[tuple[int, int]]) -> Optional[Source]:
        if verb.sentence is None:
            return None
        sent = self.article.sentences[verb.sentence]
        if self.article.paragraphs[sent.paragraph].role != "body":
            return None
        # a vague source or self-citation already stands for this sentence's claim
        if any(sent.start <= s < verb.end and e > sent.start for s, e in covered):
            return None
        floor = self._token_index(sent.start)
        v = self._token_index(verb.start)
        v_last = self._token_index(verb.end) - 1
        ceiling = self._token_index(sent.end) - 1
        if not self._reports_speech(sent, verb, v, v_last, ceiling):
            return None
        passive = v - 1 >= floor and self.tokens[v - 1].text.lower() in BE_FORMS
        if not passive:
            # 1. a pronoun right before the verb
            if v - 1 >= floor and self.tokens[v - 1].text.lower() in PRONOUNS:
                return self._pronoun_source(v - 1, self.tokens[v - 1].text.lower(), verb)
            # 2. a named subject, or a role noun phrase, before the verb
            names = [c for c in self._names_in(floor, v - 1) if not self._governed(c, floor) and not self._possessive(c)]
            role_np = self._noun_phrase_before(v, floor)
            if role_np and (not names or names[-1].last < role_np[0].first):
                c, rtype = role_np
                return self._make(c, c, rtype, verb, role=self._span_text(c))
            if names:
                core = names[-1]
                c = self._extend_left(core, floor)
                stype, name, role = self._classify(c, core)
                return self._make(c, core, stype, verb, name=name, role=role)
        # 3. after the verb: "said Smith"; for a passive, the agent: "described by X"
        k = v_last + 1
        if k <= ceiling and self.tokens[k].text.lower() == "by":
            k += 1
        elif passive:
            return None
        after = self._names_in(k, min(ceiling, k + 6))
        if after and after[0].first == k:
            core = after[0]
            stype, name, role = self._classify(core, core)
            return self._make(core, core, stype, verb, name=name, role=role)
        return None

    def _possessive(self, c: Candidate) -> bool:
        return self.tokens[c.last].text.lower().replace("’", "'").endswith("'s")

    def _reports_speech(self, sent, verb: Finding, v: int, v_last: int, ceiling: int) -> bool:
        """Whether the verb introduces speech: a quotation, "that", a colon, a comma, a bare
        clause after say/tell, or the end of the sentence ("..., he said.")."""
        text = self.article.text
        if any(sent.start <= q.start and q.end <= sent.end + 1 or q.start < sent.start < q.end for q in self.article.quotes):
            return True
        if text[sent.start : sent.end].rstrip().endswith(":"):
            return True
        if v_last + 1 > ceiling or text[verb.end : verb.end + 2].lstrip()[:1] in (",", ":", ".", ";", "“", '"'):
            return True
        nxt = [self.tokens[k].text.lower() for k in range(v_last + 1, min(ceiling, v_last + 3) + 1)]
        if "that" in nxt or (nxt and nxt[0] in ("by", "in", "on")):
            return True
        return stem_key(verb.text.split()[0]) in BARE_COMPLEMENT_VERBS

    def _span_text(self, c: Candidate) -> str:
        return self.article.text[self.tokens[c.first].start : self.tokens[c.last].end]

    def _make(self, c: Candidate, core: Candidate, stype: str, verb: Optional[Finding], name: Optional[str] = None, role: Optional[str] = None) -> Source:
        start, end = self.tokens[c.first].start, self.tokens[c.last].end
        sentence = self.article.sentence_at(start)
        quoted, qs, qe = self._quote_kind(sentence, end)
        src = Source(
            start=start,
            end=end,
            text=self.article.text[start:end],
            name=name or self._span_text(core),
            type=stype,
            quoted=quoted,
            verb=verb.text if verb else None,
            sentence=sentence,
            stance=verb.category if verb else None,
            role=role,
            quote_start=qs,
            quote_end=qe,
        )
        if stype == "named_person":
            self.people.append(src)
        return src

    def _pronoun_source(self, i: int, pronoun: str, verb: Finding) -> Optional[Source]:
        kind = PRONOUNS[pronoun]
        c = Candidate(i, i)
        if kind == "self":
            return self._make(c, c, "self", verb, name="the author")
        if kind in ("he", "she") and self.people:
            last = self.people[-1]
            src = self._make(c, c, "named_person", verb, name=last.name, role=last.role)
            self.people.pop()  # _make appended the pronoun; keep the full mention as latest
            return src
        return None

    def _quote_kind(self, sentence: Optional[int], after: int) -> tuple[str, Optional[int], Optional[int]]:
        """``direct``, ``mixed`` or ``paraphrase`` for the speaker ending at ``after``."""
        if sentence is None:
            return "paraphrase", None, None
        sent = self.article.sentences[sentence]
        text = self.article.text
        for q in self.article.quotes:
            if sent.start <= q.start < sent.end or (q.start < sent.start < q.end):
                inner = text[q.inner_start : q.inner_end].lstrip()
                before = text[sent.start : q.start].rstrip()
                whole = q.start <= sent.start + 1 or before.endswith((":", ",")) or (inner[:1].isupper() and len(inner.split()) > 3)
                return ("direct" if whole else "mixed"), q.start, q.end
        # "... reiterated the call:" or "... stated that his government is" followed by a
        # quotation that opens the next paragraph
        ending = text[sent.start : sent.end].rstrip()
        if ending.endswith(":") or ending[-1:] not in (".", "!", "?", "”", '"', "’"):
            nxt = next((q for q in self.article.quotes if sent.end <= q.start <= sent.end + 3), None)
            if nxt:
                whole = ending.endswith(":") or text[nxt.inner_start : nxt.inner_start + 1].isupper()
                return ("direct" if whole else "mixed"), nxt.start, nxt.end
        return "paraphrase", None, None

    def _according_to(self, covered: list[tuple[int, int]]) -> list[Source]:
        out = []
        for i, t in enumerate(self.tokens):
            if surface_key(t.text) != "according" or not self.ctx.is_scored_token(i):
                continue
            k = i + 1
            if k < len(self.tokens) and self.tokens[k].text.lower() == "to":
                k += 1
            if k >= len(self.tokens) or any(s <= self.tokens[k].start < e for s, e in covered):
                continue
            s_idx = self.ctx.sentence_of(i)
            sent = self.article.sentences[s_idx] if s_idx is not None else None
            ceiling = self._token_index(sent.end) - 1 if sent else k
            names = self._names_in(k, min(ceiling, k + 8))
            if names and names[0].first <= k + 1:
                core = names[0]
                stype, name, role = self._classify(core, core)
                out.append(self._make(core, core, stype, None, name=name, role=role))
                continue
            np = self._noun_phrase_after(k, ceiling)
            if np:
                c, rtype = np
                out.append(self._make(c, c, rtype, None, role=self._span_text(c)))
        return out

    def _noun_phrase_after(self, k: int, ceiling: int) -> Optional[tuple[Candidate, str]]:
        j = k
        while j <= min(ceiling, k + 5) and not (j > k and self.keyed_break(j)):
            w = self.tokens[j].text.lower()
            rtype = self.role_type.get(w) or self.role_type.get(w.rstrip("s"))
            if rtype:
                return Candidate(k, j), rtype
            j += 1
        return None


def find_sources(ctx: Context, findings: list[Finding]) -> list[Source]:
    """The source ledger of an article: every attribution in its body."""
    return SourceFinder(ctx, findings).find()
