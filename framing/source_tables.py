"""The support tables of the source ledger, read once per lexicon from ``lexicons/sources/``.

Every word list the source extractor uses is data: role nouns and their types
(``role.tsv``), words that mark an organisation's name (``organization_word.tsv``), titles
(``honorific.tsv``), places that stand for governments (``place.tsv``), group nouns
(``group_noun.tsv``), pronouns (``pronoun.tsv``), verbs of saying (``speech_verb.tsv``) and
the cues and reasons of anonymity (``anonymity.tsv``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .lexicon import Lexicon
from .morphology import Morphology
from .tokens import stem_key, term_words

# Grammar, not vocabulary: the closed classes the phrase reader steps over.
FUNCTION_WORDS = frozenset(
    "the a an on in at after before during since while although though but and or so yet when as if because however "
    "meanwhile last this that these those it he she they we i you for from by with to of also already then later "
    "now still even just only once there here what which who whom whose where why how not no "
    "do does did is are was were be been has have had will would can could should may might must".split()
)
DETERMINERS = frozenset("the a an this that these those its his her their our my your some many several one two three".split())
PREPOSITIONS = frozenset(
    "of for to in at from with on about against into over under between among during after before near toward towards despite "
    "across through behind within without upon than via per like by".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@dataclass(frozen=True)
class Role:
    """A role noun: its source type, gender if the word carries one, and what it may refer to."""

    type: str
    gender: Optional[str] = None
    refers: Optional[str] = None  # "organization": "the company" may name an organisation met before


@dataclass(frozen=True)
class SourceTables:
    """The ``sources/`` support tables as lookups."""

    roles: dict[tuple[str, ...], Role]
    org_words: frozenset[str]
    honorifics: dict[str, Optional[str]]  # lower-cased title -> gender or None
    places: frozenset[str]  # lower-cased
    group_nouns: frozenset[str]
    pronouns: dict[str, tuple[str, Optional[str]]]  # pronoun -> (refers, gender)
    speech_verbs: dict[tuple[str, ...], str]  # stemmed words -> frame
    anonymity_cues: tuple[tuple[str, ...], ...]
    anonymity_reasons: tuple[tuple[str, ...], ...]
    reason_markers: tuple[tuple[str, ...], ...]

    longest_role: int = 1  # words in the longest role term
    role_finals: frozenset[str] = frozenset()  # last words of role terms, and group nouns

    def may_end_role(self, word: str) -> bool:
        """A quick test: whether a role term could end in ``word`` (see ``role``)."""
        finals = self.role_finals
        return (
            word in finals
            or (word.endswith("s") and word[:-1] in finals)
            or ("-" in word and self.may_end_role(word.rsplit("-", 1)[1]))
        )

    def role(self, words: tuple[str, ...]) -> Optional[Role]:
        """The role of lower-cased ``words``, also as a plural; a bare group noun is a role too."""
        hit = self.roles.get(words)
        if hit is None and words and words[-1].endswith("s") and len(words[-1]) > 3:
            hit = self.roles.get(words[:-1] + (words[-1][:-1],))
        if hit is None and len(words) == 1 and words[0] in self.group_nouns:
            hit = Role("vague")  # typed official when tied to a named body (PhraseReader.read_role)
        return hit

    def speech_frame(self, verb_text: str) -> Optional[str]:
        """``clause`` or ``object`` for a verb of saying (any inflection), else None."""
        return self.speech_verbs.get(tuple(stem_key(w) for w in term_words(verb_text)))


def _words(term: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in term_words(term))


def source_tables(lexicon: Lexicon) -> SourceTables:
    """The lookups of the ``sources/`` tables (built once per lexicon)."""
    return lexicon.derived("source_tables", _build)


def _build(lexicon: Lexicon) -> SourceTables:
    roles = {}
    for r in lexicon.table("sources/role"):
        # anonymity phrases in role.tsv ("on condition of anonymity") mark a source, they do not head one
        if r.get("term") and r.get("type") and _words(r["term"])[0] not in ("on", "who", "not"):
            roles[_words(r["term"])] = Role(r["type"], r.get("gender") or None, r.get("refers") or None)
    anonymity = lexicon.table("sources/anonymity")
    return SourceTables(
        roles=roles,
        org_words=frozenset(r["term"] for r in lexicon.table("sources/organization_word") if r.get("term")),
        honorifics={r["term"].lower(): r.get("gender") or None for r in lexicon.table("sources/honorific") if r.get("term")},
        places=frozenset(" ".join(_words(r["term"])) for r in lexicon.table("sources/place") if r.get("term")),
        group_nouns=lexicon.words("sources/group_noun"),
        pronouns={r["term"].lower(): (r.get("refers", ""), r.get("gender") or None) for r in lexicon.table("sources/pronoun") if r.get("term")},
        speech_verbs=_speech_verbs(lexicon),
        anonymity_cues=tuple(_words(r["term"]) for r in anonymity if r.get("use") == "cue"),
        anonymity_reasons=tuple(_words(r["term"]) for r in anonymity if r.get("use") == "reason"),
        reason_markers=tuple(_words(r["term"]) for r in anonymity if r.get("use") == "marker"),
        longest_role=max((len(k) for k in roles), default=1),
        role_finals=frozenset(k[-1] for k in roles if k) | lexicon.words("sources/group_noun"),
    )


def _speech_verbs(lexicon: Lexicon) -> dict[tuple[str, ...], str]:
    """Stemmed verbs of saying in every inflection ("adding", and "said" from the morphology table)."""
    forms = Morphology.of(lexicon).forms
    out: dict[tuple[str, ...], str] = {}
    for r in lexicon.table("sources/speech_verb"):
        if not r.get("term"):
            continue
        words = term_words(r["term"])
        frame = r.get("frame") or "clause"
        for first in forms(words[0]):
            out[tuple(stem_key(w) for w in [first] + words[1:])] = frame
    return out
