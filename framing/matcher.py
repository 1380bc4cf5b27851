"""Multi-word phrase matching on token boundaries with an Aho-Corasick automaton.

Terms and text are compared word by word in normal form (``framing.tokens``): stems by
default, lower-cased surface forms for ``exact`` entries. Punctuation between two words
(other than spaces) breaks a phrase, so "critics, say" does not match "critics say".
A ``*`` in a term is a gap of up to ``MAX_GAP`` words.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, product
from operator import itemgetter

import re
from dataclasses import dataclass
from typing import Generic, Iterable, Optional, Sequence, TypeVar

import ahocorasick

from .model import Token
from .morphology import Morphology
from .tokens import compound_variants, stem_key, stem_keys, surface_key, surface_keys, term_words

MAX_GAP = 2
_BREAK = "|"
_SPACE = re.compile(r"['’]?\s*")  # a possessive apostrophe ("boys' club") does not break a phrase

T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """A term found at tokens ``[first, last]`` (inclusive), chars ``[start, end)``."""

    item: T
    first: int
    last: int
    start: int
    end: int


class KeyedText:
    """The normal forms of a token sequence, computed once and shared by every matcher."""

    def __init__(self, text: str, tokens: Sequence[Token]):
        self.text = text
        self.tokens = tokens
        self.breaks = [False] * len(tokens)  # breaks[i]: punctuation between token i-1 and i
        for i in range(1, len(tokens)):
            between = text[tokens[i - 1].end : tokens[i].start]
            if between != " ":  # the common case, decided without the regex
                self.breaks[i] = not _SPACE.fullmatch(between) or "\n\n" in between
        self._keys: dict[str, list[str]] = {}
        self._strings: dict[str, tuple[str, dict[int, int]]] = {}
        self._hyphenated: Optional[list[int]] = None

    def hyphenated(self) -> list[int]:
        """Indices of the hyphenated tokens ("so-called")."""
        if self._hyphenated is None:
            self._hyphenated = [i for i, t in enumerate(self.tokens) if "-" in t.text] if "-" in self.text else []
        return self._hyphenated

    def keys_for(self, mode: str) -> list[str]:
        """Normal forms of every token for ``mode``, computed on first use."""
        if mode not in self._keys:
            norm = stem_keys if mode == "stem" else surface_keys
            self._keys[mode] = list(map(norm.__getitem__, map(itemgetter(2), self.tokens)))
        return self._keys[mode]

    def string(self, mode: str) -> tuple[str, dict[int, int]]:
        """``" k1 k2 | k3 "`` for ``mode``, and which token's key starts at each char position."""
        if mode not in self._strings:
            # each key with what follows it: " | " before a token after a break, else " "
            after = [" | " if brk else " " for brk in self.breaks[1:]] + [" "]
            parts = list(map(str.__add__, self.keys_for(mode), after))
            starts = accumulate(map(len, parts), initial=1)
            self._strings[mode] = (" " + "".join(parts), dict(zip(starts, range(len(parts)))))
        return self._strings[mode]


class PhraseMatcher(Generic[T]):
    """Finds every occurrence of many terms at once.

    >>> from framing.tokens import tokenize
    >>> m = PhraseMatcher([("ethnic cleansing", "stem", "A"), ("many * observers", "stem", "B")])
    >>> text = "Many international observers saw ethnic cleansings."
    >>> [(x.item, text[x.start:x.end]) for x in m.find(KeyedText(text, tokenize(text)))]
    [('B', 'Many international observers'), ('A', 'ethnic cleansings')]
    """

    def __init__(self, terms: Iterable[tuple[str, str, T]], morphology: Morphology | None = None):
        self._automata: dict[str, ahocorasick.Automaton] = {}
        pending: dict[str, dict[str, list]] = {}
        terms = list(terms)
        morphology = morphology or Morphology()
        # terms as written first, then their other compound spellings (``compound_variants``)
        # where no term is written that way: an entry of its own wins over a variant; and a
        # hyphenated word of the text is also looked up closed up (``_closed_up``)
        written = {tuple(map(surface_key, term_words(term))) for term, _, _ in terms}
        for term, mode, item in terms:
            for segments in _key_segments(term_words(term), mode, morphology):
                self._add(pending, mode, item, segments)
        for term, _, item in terms:
            for words in compound_variants(term_words(term)):
                if tuple(map(surface_key, words)) in written:
                    continue
                # compared as written: the stem of a closed-up form can be another word's ("prolife" ~ "prolific")
                for segments in _key_segments(words, "exact", morphology):
                    self._add(pending, "exact", item, segments)
        for mode, heads in pending.items():
            automaton = ahocorasick.Automaton()
            for head, payload in heads.items():
                automaton.add_word(head, payload)
            automaton.make_automaton()
            self._automata[mode] = automaton

    @staticmethod
    def _add(pending: dict[str, dict[str, list]], mode: str, item: T, segments: list[list[str]]) -> None:
        head = " " + " ".join(segments[0]) + " "
        payload = pending.setdefault(mode, {}).setdefault(head, [])
        entry = (item, len(head), len(segments[0]), segments[1:])
        if entry not in payload:
            payload.append(entry)

    def find(self, keyed: KeyedText) -> list[Match[T]]:
        """All matches, in text order (overlaps included)."""
        out: list[Match[T]] = []
        tokens = keyed.tokens
        for mode, automaton in self._automata.items():
            string, index_of = keyed.string(mode)
            if not index_of:
                continue
            keys = keyed.keys_for(mode)
            for end_pos, payload in automaton.iter(string):
                for item, head_len, n_head, rest in payload:
                    # end_pos indexes the head's trailing space; its first key starts one past its leading space.
                    first = index_of.get(end_pos - head_len + 2)
                    if first is None:
                        continue
                    last = first + n_head - 1
                    if rest:
                        last = self._match_gaps(keyed, keys, last, rest)
                        if last is None:
                            continue
                    out.append(Match(item, first, last, tokens[first].start, tokens[last].end))
            out.extend(self._closed_up(keyed, mode, automaton, out))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    @staticmethod
    def _closed_up(keyed: KeyedText, mode: str, automaton: ahocorasick.Automaton, found: list[Match[T]]) -> list[Match[T]]:
        """One-word terms written closed up that the text hyphenates ("anti-semitic" for
        "antisemitic"), not found already at that token."""
        out: list[Match[T]] = []
        hyphenated = keyed.hyphenated()
        if not hyphenated:
            return out
        norm = stem_keys if mode == "stem" else surface_keys
        one_word = {(m.first, id(m.item)) for m in found if m.first == m.last}
        for i in hyphenated:
            t = keyed.tokens[i]
            payload = automaton.get(" " + norm[t.text.replace("-", "")] + " ", ())
            for item, _, n_head, rest in payload:
                if n_head == 1 and not rest and (i, id(item)) not in one_word:
                    out.append(Match(item, i, i, t.start, t.end))
        return out

    @staticmethod
    def _match_gaps(keyed: KeyedText, keys: list[str], last: int, rest: list[list[str]]) -> int | None:
        for segment in rest:
            found = None
            for gap in range(MAX_GAP + 1):
                begin = last + 1 + gap
                stop = begin + len(segment)
                if stop > len(keys):
                    break
                if True in keyed.breaks[last + 1 : stop]:
                    break
                if keys[begin:stop] == segment:
                    found = stop - 1
                    break
            if found is None:
                return None
            last = found
        return last


def _key_segments(words: list[str], mode: str, morphology: Morphology) -> list[list[list[str]]]:
    """The key segments of a term, one set per inflection of its first and last word.

    ``stem`` compares Porter stems; ``exact`` compares lower-cased surface forms, still
    allowing regular inflections ("criticise" -> "criticised") but never a shared stem
    ("criticise" does not match "critics").
    """
    norm = stem_key if mode == "stem" else surface_key
    choices = []
    for i, w in enumerate(words):
        if w == "*":
            choices.append(["*"])
        elif i in (0, len(words) - 1):
            choices.append(sorted({norm(f) for f in morphology.forms(surface_key(w))}))
        else:
            choices.append([norm(w)])
    out = []
    for combo in product(*choices):
        segs: list[list[str]] = [[]]
        for k in combo:
            if k == "*":
                segs.append([])
            else:
                segs[-1].append(k)
        out.append(segs)
    return out


def longest_first(matches: Iterable[Match[T]], weight=lambda item: 0.0) -> list[Match[T]]:
    """Drop matches overlapped by one of more words (then heavier, then earlier); text order out."""
    ranked = sorted(matches, key=lambda m: (-(m.last - m.first), -weight(m.item), m.start))
    taken: list[Match[T]] = []
    starts: list[int] = []  # the taken spans, disjoint and sorted, so their ends are sorted too
    ends: list[int] = []
    for m in ranked:
        i = bisect_left(starts, m.end)  # spans starting before m ends: only the last can reach into m
        if i and ends[i - 1] > m.start:
            continue
        taken.append(m)
        starts.insert(i, m.start)
        ends.insert(i, m.end)
    return sorted(taken, key=lambda m: m.start)
