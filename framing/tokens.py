"""Word tokens with character offsets, and the normal forms the lexicon matcher compares.

A token is a run of letters or digits, with inner hyphens and apostrophes kept
("so-called", "neo-colonial", "don't"). Lexicon terms and article text go through the
same functions, so a term matches exactly when its normal forms match.

>>> [t.text for t in tokenize("The so-called 'regime' slammed U.S. plans.")]
['The', 'so-called', 'regime', 'slammed', 'U', 'S', 'plans']
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import accumulate

from nltk.stem.porter import PorterStemmer

from .model import Token

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # text between tokens, a token, text between, ...
_MAKE = partial(tuple.__new__, Token)  # Token's own constructor, without its Python-level wrapper
_STEMMER = PorterStemmer()
#: Porter's stem of one word, cached: the parts of hyphenated words ("so-called") are mostly words met alone.
_porter = lru_cache(maxsize=200_000)(_STEMMER.stem)
# British and American spellings meet before stemming ("neutralised" ~ "neutralized"):
# (British, American, letters needed before it, the endings that may follow; "" = none)
_SPELLINGS = (
    ("is", "iz", 2, ("e", "ed", "es", "ing", "ation", "ations")),
    ("ys", "yz", 2, ("e", "ed", "es", "ing")),
    ("our", "or", 3, ("", "s", "ed", "ing", "able", "ite", "ites")),
)


def _spelling_rule(british: str, american: str, before: int, ends: tuple[str, ...]) -> tuple[re.Pattern, str]:
    """The regular expression that rewrites one British ending, and its replacement."""
    group = "(" + "|".join(e for e in ends if e) + (")?" if "" in ends else ")")  # "" makes the ending optional
    return re.compile(f"(?<={'[a-z]' * before}){british}{group}$"), american + r"\1"


_SPELLING = tuple(_spelling_rule(*rule) for rule in _SPELLINGS)
_SPELLING_ENDINGS = tuple(british + e for british, _, _, ends in _SPELLINGS for e in ends)  # what _SPELLING rewrites


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]``, with offsets into ``text``."""
    # One split and running sums of the pieces' lengths: no Python code per token (articles
    # have thousands). A token's boundaries match as within text[start:end] (a slice's edge).
    parts = _SPLIT.split(text[start:end] if start or end is not None else text)
    offsets = list(accumulate(map(len, parts), initial=start))
    return list(map(_MAKE, zip(offsets[1::2], offsets[2::2], parts[1::2])))


def surface_key(word: str) -> str:
    """Lower-cased form with a straight apostrophe and no possessive ending."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s") and len(w) > 2:
        w = w[:-2]
    return w


def stem_key(word: str) -> str:
    """Porter stem of the surface key; hyphenated words are stemmed part by part.

    >>> stem_key("Assassinated") == stem_key("assassination") == stem_key("assassinate")
    True
    """
    return _stem(surface_key(word))


@lru_cache(maxsize=200_000)
def _stem(w: str) -> str:
    """``stem_key`` of a surface key, cached by the key: "The" and "the" are stemmed once."""
    if w.endswith(_SPELLING_ENDINGS):  # most words end otherwise, and skip the three regexes
        for pattern, repl in _SPELLING:
            w = pattern.sub(repl, w)
    if "-" in w:
        return "-".join(map(_porter, w.split("-")))
    return _porter(w)


class KeyCache(dict):
    """Word -> normal form, computed on first lookup; emptied when it grows past ``limit``."""

    def __init__(self, norm, limit: int = 200_000):
        super().__init__()
        self._norm = norm
        self._limit = limit

    def __missing__(self, word: str) -> str:
        if len(self) >= self._limit:
            self.clear()
        key = self[word] = self._norm(word)
        return key


#: ``surface_key`` and ``stem_key`` as caches: ``surface_keys[word]`` (fast for many tokens).
surface_keys = KeyCache(surface_key)
stem_keys = KeyCache(stem_key)


def term_words(term: str) -> list[str]:
    """The words of a lexicon term, as the tokenizer sees them (``*`` kept as a gap)."""
    out: list[str] = []
    for part in term.split():
        if part == "*":
            out.append("*")
        else:
            out.extend(t.text for t in tokenize(part))
    return out


def compound_variants(words: list[str]) -> list[list[str]]:
    """Other spellings of a compound term, as the tokenizer sees them.

    A hyphenated word is also written closed up ("anti-semitic" -> "antisemitic"), and a
    term of two or three plain words also with hyphens ("blood bath" -> "blood-bath"). The
    open form of a hyphenated word is not made: "far right" and "hard line" also name a
    place and a stance without the label's sense. The closed-up forms are compared as written,
    not by stem, so one that is not a word never occurs in text and over-generating is harmless.

    >>> compound_variants(["anti-semitic", "rant"]), compound_variants(["blood", "bath"])
    ([['antisemitic', 'rant']], [['blood-bath']])
    """
    if "*" in words or any(not w.replace("-", "").isalpha() for w in words):
        return []
    out = []
    if any("-" in w for w in words):
        out.append([w.replace("-", "") for w in words])
    if 2 <= len(words) <= 3 and not any("-" in w for w in words):
        out.append(["-".join(words)])
    return out
