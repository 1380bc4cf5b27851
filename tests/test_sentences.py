"""Sentence splitting: the shortcut for plain candidate breaks decides as Punkt itself does."""
from __future__ import annotations

from pathlib import Path

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from framing.lexicon import load_lexicon
from framing.sentences import SentenceSplitter

from .conftest import SEEDS, shared

CONTEXTS = [
    "said. The", "said? The", "now! Then", "said. the", "said. 2005", "said. \"We", "said. “We", "said. (The",
    "Gen. Lee", "gen. Lee", "Mr. Smith", "U.S. troops", "U.S. The", "J. Smith", "a. The", "No. 10", "St. Paul",
    "1990s. In", "2005. \"We", "$4.99. The", "6-2. Former", "line-up. But", "euros). Its", "cuts.\"", "roles.\" He",
    "Inc. shares", "etc. The", "vs. Chelsea", "said... The", "said.. The", "Mary's. But", "éclair. Ensuite", "said.\tThe",
]


@pytest.fixture(scope="module")
def splitters():
    abbreviations = [r.get("abbreviation", "") for r in load_lexicon().table("structure/abbreviation")]
    fast = SentenceSplitter(abbreviations)
    plain = SentenceSplitter(abbreviations)
    plain._punkt = PunktSentenceTokenizer(fast._punkt._params)
    return fast, plain


def test_shortcut_decides_as_punkt(splitters):
    fast, plain = splitters
    for context in CONTEXTS:
        assert fast._punkt.text_contains_sentbreak(context) == plain._punkt.text_contains_sentbreak(context), context


def test_seed_sentences_are_punkt_sentences(splitters):
    fast, plain = splitters
    for path in sorted(SEEDS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert fast.spans(text) == plain.spans(text), path.name


def test_corpus_sentences_are_punkt_sentences(splitters):
    folder = shared("bbc")
    files = sorted(folder.rglob("*.txt"))[::7] + sorted(shared("ptc-train").rglob("*.txt"))[::7]
    fast, plain = splitters
    breaks = 0
    for path in files:
        text = path.read_text(encoding="latin-1")
        spans = fast.spans(text)
        assert spans == plain.spans(text), path.name
        breaks += len(spans)
    assert breaks > 5_000


@pytest.mark.parametrize(
    "text, sentences",
    [
        # Punkt breaks after "Ill." and leaves ")" to open the next "sentence"
        ("Sen. Marcus Obi (D-Ill.), who chairs the panel, voted against it. The bill passed.",
         ["Sen. Marcus Obi (D-Ill.), who chairs the panel, voted against it.", "The bill passed."]),
        ("The claim was false (see the ruling.) Then the court adjourned.",
         ["The claim was false (see the ruling.)", "Then the court adjourned."]),
        # a lower-case word after an end mark goes on the sentence
        ('"Why would we stop now?" he asked. Nobody answered.', ['"Why would we stop now?" he asked.', "Nobody answered."]),
        ("Polls closed at 8 p.m. on Tuesday. Counting began at once.", ["Polls closed at 8 p.m. on Tuesday.", "Counting began at once."]),
        # but not a word written with capitals, nor a web address
        ("Sales fell. iPhone sales rose.", ["Sales fell.", "iPhone sales rose."]),
        ("Watch the clip. https://t.co/abc shows it.", ["Watch the clip.", "https://t.co/abc shows it."]),
    ],
)
def test_punkt_breaks_inside_a_sentence_are_undone(splitters, text, sentences):
    fast, _ = splitters
    assert [text[a:b] for a, b in fast.spans(text)] == sentences


def test_text_written_in_lower_case_keeps_its_sentences(splitters):
    fast, _ = splitters
    for text in ("the vote passed on tuesday. the minister resigned. nobody was surprised.", "the vote passed. the minister resigned."):
        assert len(fast.spans(text)) == text.count(". ") + 1
