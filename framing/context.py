"""What every detector sees: the article, the lexicon and the lexicon matches, computed once.

``LexiconMatcher`` is built once per lexicon; ``Context`` once per article. Matches are
filtered here by the rules that hold for every kind: only title and body text, each
entry's own context rules, proper names and fixed expressions, and longest match first.
"""
from __future__ import annotations

import re

from functools import cached_property
from typing import Optional

from .lexicon import Entry, Lexicon
from .matcher import KeyedText, Match, PhraseMatcher, longest_first
from .model import KINDS, SCORED_ROLES, Article, Finding, token_index
from .morphology import Morphology
from .tokens import stem_keys, surface_key

NEGATION_WINDOW = 4  # words before a term in which a negator counts ("denied it was a massacre")
NEGATED_FACTOR = 0.5  # a negated finding keeps half its weight
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]| - ")  # negation stops at these


class LexiconMatcher:
    """All phrase matchers of one lexicon, built once and shared by every article."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.entries = PhraseMatcher(((e.term, e.match, e) for e in lexicon.entries), Morphology.of(lexicon))
        self.names = PhraseMatcher((r["term"], "exact", r["term"]) for r in lexicon.table("names/fixed_expression") if r.get("term"))
        self.negators = lexicon.words("context/negator")


class Context:
    """One article under analysis, with lazily computed, shared lexicon matches."""

    def __init__(self, article: Article, matcher: LexiconMatcher, keyed: Optional[KeyedText] = None):
        self.article = article
        self.matcher = matcher
        self.lexicon = matcher.lexicon
        # the builder's keys of this article's tokens (``ArticleBuilder.build_keyed``), else computed here
        self.keyed = keyed if keyed is not None and keyed.tokens is article.tokens else KeyedText(article.text, article.tokens)
        self._token_sentence = self._sentence_of_tokens()

    def _sentence_of_tokens(self) -> list[Optional[int]]:
        """The sentence each token starts in (None between sentences), a slice per sentence."""
        tokens = self.article.tokens
        out: list[Optional[int]] = [None] * len(tokens)
        for j, s in enumerate(self.article.sentences):  # sentences are disjoint and in text order
            lo = token_index(tokens, s.start)
            hi = token_index(tokens, s.end, lo)
            out[lo:hi] = [j] * (hi - lo)
        return out

    # -- positions -----------------------------------------------------------------
    def sentence_of(self, token_index: int) -> Optional[int]:
        return self._token_sentence[token_index]

    def is_scored_token(self, token_index: int) -> bool:
        s = self._token_sentence[token_index]
        return s is not None and self.article.paragraphs[self.article.sentences[s].paragraph].role in SCORED_ROLES

    def is_sentence_start(self, token_index: int) -> bool:
        s = self._token_sentence[token_index]
        return token_index == 0 or s is None or self._token_sentence[token_index - 1] != s

    def voice(self, start: int, end: int) -> str:
        """``quoted`` inside a direct quotation (the speaker's words), else ``author``."""
        return "quoted" if self.article.quote_at(start, end) else "author"

    # -- lexicon matches -------------------------------------------------------------
    @cached_property
    def _name_spans(self) -> list[tuple[int, int]]:
        tokens = self.article.tokens
        return [
            (m.start, m.end)
            for m in self.matcher.names.find(self.keyed)
            if all(tokens[i].text[:1].isupper() for i in range(m.first, m.last + 1) if tokens[i].text[:1].isalpha())
        ]

    @cached_property
    def _title_case_paragraphs(self) -> frozenset[int]:
        words: dict[int, int] = {}
        capitalised: dict[int, int] = {}
        for t, p in zip(self.article.tokens, self.article.token_paragraphs):
            if p is not None and t.text[:1].isalpha():
                words[p] = words.get(p, 0) + 1
                capitalised[p] = capitalised.get(p, 0) + t.text[:1].isupper()
        return frozenset(p for p, n in words.items() if capitalised[p] / n > 0.6)

    @cached_property
    def _all_matches(self) -> dict[str, list[Match[Entry]]]:
        by_kind: dict[str, list[Match[Entry]]] = {k: [] for k in KINDS}
        for m in self.matcher.entries.find(self.keyed):
            if self.is_scored_token(m.first) and self._passes(m):
                by_kind.setdefault(m.item.kind, []).append(m)
        return {k: longest_first(v, weight=lambda e: e.weight) for k, v in by_kind.items()}

    def matches(self, kind: str) -> list[Match[Entry]]:
        """Lexicon matches of one kind that survive the context rules, longest first."""
        return self._all_matches.get(kind, [])

    def _passes(self, m: Match[Entry]) -> bool:
        tokens = self.article.tokens
        entry = m.item
        first = tokens[m.first]
        # the words just after and just before the match, where no punctuation parts them from it
        nxt = tokens[m.last + 1].text if m.last + 1 < len(tokens) and not self.keyed.breaks[m.last + 1] else None
        prev = tokens[m.first - 1].text if m.first > 0 and not self.keyed.breaks[m.first] else None
        for rule in entry.context:
            if rule.name == "not_next" and nxt is not None:
                if surface_key(nxt) in rule.words:
                    return False
            elif rule.name == "only_next":
                if nxt is None or stem_keys[nxt] not in rule.stems:
                    return False
            elif rule.name == "only_prev":
                if prev is None or stem_keys[prev] not in rule.stems:
                    return False
            elif rule.name == "not_prev" and prev is not None:
                if surface_key(prev) in rule.words:
                    return False
            elif rule.name == "not_alone_after" and prev is not None:
                if surface_key(prev) in rule.words and self._ends_clause(m.last):
                    return False
            elif rule.name == "lower_only" and first.text[:1].isupper() and not self.is_sentence_start(m.first):
                return False
            elif rule.name == "not_form":
                if " ".join(surface_key(t.text) for t in tokens[m.first : m.last + 1]) in rule.words:
                    return False
        if any(s < m.end and m.start < e for s, e in self._name_spans):
            return False
        if entry.kind == "loaded" and self._inside_name(m):
            return False
        return True

    def _ends_clause(self, last: int) -> bool:
        """Whether no word follows token ``last`` in its clause (punctuation or the sentence end comes next)."""
        nxt = last + 1
        return nxt >= len(self.article.tokens) or self.keyed.breaks[nxt] or self.sentence_of(nxt) != self.sentence_of(last)

    def _inside_name(self, m: Match[Entry]) -> bool:
        """A capitalised term next to another capitalised word mid-sentence is part of a name."""
        tokens = self.article.tokens
        if not tokens[m.first].text[:1].isupper():
            return False
        s = self.sentence_of(m.first)
        if s is not None and self.article.sentences[s].paragraph in self._title_case_paragraphs:
            return False
        before = m.first > 0 and not self.is_sentence_start(m.first) and not self.keyed.breaks[m.first]
        after = m.last + 1 < len(tokens) and not self.keyed.breaks[m.last + 1] and self.sentence_of(m.last + 1) == s
        return (before and tokens[m.first - 1].text[:1].isupper()) or (after and tokens[m.last + 1].text[:1].isupper())

    def negated(self, m: Match[Entry]) -> bool:
        """Whether a negator ("not", "never", "denied") stands just before the match in its sentence."""
        s = self.sentence_of(m.first)
        tokens, text = self.article.tokens, self.article.text
        for i in range(m.first - 1, max(0, m.first - NEGATION_WINDOW) - 1, -1):
            if self.sentence_of(i) != s or _CLAUSE_BREAK.search(text, tokens[i].end, tokens[i + 1].start):
                return False  # a negator does not reach across a comma or a dash ("not replaced, according to")
            if surface_key(tokens[i].text) in self.matcher.negators:
                return True
        return False

    # -- building findings -------------------------------------------------------------
    def finding_from(self, m: Match[Entry], reason: str, weight: Optional[float] = None) -> Finding:
        """A finding for a lexicon match, with voice, sentence and negation filled in."""
        entry = m.item
        negated = self.negated(m)
        w = entry.weight if weight is None else weight
        if negated:
            w = round(w * NEGATED_FACTOR, 3)
            reason = f"{reason} (Negated here, so it counts for less.)"
        return Finding(
            start=m.start,
            end=m.end,
            text=self.article.text[m.start : m.end],
            kind=entry.kind,
            category=entry.category,
            weight=w,
            reason=reason,
            source=entry.origin,
            voice=self.voice(m.start, m.end),
            sentence=self.sentence_of(m.first),
            alternative=entry.alternative,
            negated=negated,
        )
