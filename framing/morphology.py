"""The word forms one lexicon term stands for: regular inflections, irregular verbs, and
the function words that are never inflected.

The matcher compares a term's first and last words in every inflected form, so "slam"
also finds "slammed". Generated forms are compared by their stems, so a wrong form is not
harmless: "shamed" is not a form of "sham" but stems to "shame", and "offing" to "of".
Two rules keep the forms real words of the same lemma: function words (``uninflected``)
take no endings, and a one-syllable word that doubles its last consonant ("slam") takes
only the doubled forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Optional

if TYPE_CHECKING:
    from .lexicon import Lexicon

_VOWELS = frozenset("aeiou")
_VOWEL_GROUP = re.compile(r"[aeiou]+")


def inflections(
    word: str,
    irregular: Optional[Mapping[str, tuple[str, ...]]] = None,
    uninflected: frozenset[str] = frozenset(),
) -> set[str]:
    """Regular English inflections of ``word`` (plural, -ed, -ing), plus irregular forms.

    Stemming alone misses some pairs ("add"/"added", "say"/"said"), so the matcher also
    compares the stems of these generated forms.

    >>> sorted(inflections("slam"))
    ['slam', 'slammed', 'slamming', 'slams']
    >>> {"says", "said", "saying"} <= inflections("say", {"say": ("said",)})
    True
    >>> sorted(inflections("lie")), sorted(inflections("off", uninflected=frozenset({"off"})))
    (['lie', 'lied', 'lies', 'lying'], ['off'])
    """
    w = word.lower()
    out = {w}
    if irregular and w in irregular:
        out |= set(irregular[w])
    if not w.isalpha() or len(w) < 2 or w in uninflected:
        return out
    if w.endswith("ie"):
        out |= {w + "s", w + "d", w[:-2] + "ying"}
    elif w.endswith(("ee", "ye", "oe")):
        out |= {w + "s", w + "d", w + "ing"}
    elif w.endswith("e"):
        out |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        out |= {w + "es", w + "ed", w + "ing"}
    else:
        out.add(w + "s")
        doubles = len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS
        if doubles:
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
        # stress decides for longer words ("visited", "admitted"): both are kept; one syllable always doubles
        if not (doubles and len(_VOWEL_GROUP.findall(w)) == 1):
            out |= {w + "ed", w + "ing"}
    return out


@dataclass(frozen=True)
class Morphology:
    """A lexicon's morphology tables: irregular verb forms and uninflected function words."""

    irregular: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    uninflected: frozenset[str] = frozenset()
    inflect: bool = True  # False: every word only as written (cues of site chrome)

    @classmethod
    def of(cls, lexicon: "Lexicon") -> "Morphology":
        """The morphology of ``lexicon`` (``morphology/*.tsv``), built once per lexicon."""
        return lexicon.derived("morphology", cls._build)

    @classmethod
    def _build(cls, lexicon: "Lexicon") -> "Morphology":
        irregular = {
            r["base"].lower(): tuple(f.lower() for f in (r.get("past", ""), r.get("participle", "")) if f)
            for r in lexicon.table("morphology/irregular_verb")
            if r.get("base")
        }
        return cls(irregular, lexicon.words("morphology/uninflected"))

    def forms(self, word: str) -> set[str]:
        """``word`` and its inflected forms."""
        return inflections(word, self.irregular, self.uninflected) if self.inflect else {word}
