import pytest

from framing.matcher import KeyedText, PhraseMatcher, longest_first
from framing.tokens import tokenize


def find(terms, text):
    m = PhraseMatcher(terms)
    return [(x.item, text[x.start : x.end]) for x in m.find(KeyedText(text, tokenize(text)))]


@pytest.mark.parametrize(
    "terms, text, expected",
    [
        ([("mere pawns", "stem", "A")], "actors such as the Houthis as mere pawns of Iran", [("A", "mere pawns")]),
        ([("ethnic cleansing", "stem", "A")], "an attempt at Ethnic Cleansing", [("A", "Ethnic Cleansing")]),
        # token boundaries: no match inside a longer word
        ([("war", "stem", "A")], "the award and the warden", []),
        # punctuation breaks a phrase
        ([("critics say", "stem", "A")], "Critics, say the officials, are wrong", []),
        # gaps of up to two words
        ([("many * observers", "stem", "B")], "many international observers and organizations", [("B", "many international observers")]),
        ([("many * observers", "stem", "B")], "many very well known observers", []),
        # exact mode does not stem
        ([("totally", "exact", "C")], "total and totally", [("C", "totally")]),
    ],
)
def test_phrase_matcher_table(terms, text, expected):
    assert find(terms, text) == expected


def test_longest_match_first():
    text = "a campaign of ethnic cleansing"
    m = PhraseMatcher([("cleansing", "stem", "short"), ("ethnic cleansing", "stem", "long")])
    kept = longest_first(m.find(KeyedText(text, tokenize(text))))
    assert [(x.item, text[x.start : x.end]) for x in kept] == [("long", "ethnic cleansing")]


@pytest.mark.parametrize(
    "terms, text, expected",
    [
        # a hyphenated term also matches its closed-up spelling, with inflections
        ([("war-monger", "stem", "A")], "the warmongers in the cabinet", [("A", "warmongers")]),
        # a term written closed up also matches the text's hyphenated spelling
        ([("antisemitic", "stem", "A")], "anti-Semitic remarks and anti-Semitism", [("A", "anti-Semitic"), ("A", "anti-Semitism")]),
        # a term of two or three plain words also matches its hyphenated spelling
        ([("blood bath", "stem", "A")], "a blood-bath in the streets", [("A", "blood-bath")]),
        ([("ethnic cleansing", "stem", "A")], "an ethnic-cleansing campaign", [("A", "ethnic-cleansing")]),
        # the open form of a hyphenated term is not made ("far right" is also a place)
        ([("far-right", "stem", "A")], "the far right corner", []),
        # closed-up forms are compared as written, not by stem: "prolife" and "prolific" share a stem
        ([("pro-life", "stem", "A")], "a prolific writer, a prolife march", [("A", "prolife")]),
        # a gap term has no compound spelling
        ([("many * observers", "stem", "B")], "many-observers", []),
    ],
)
def test_compound_spellings(terms, text, expected):
    assert find(terms, text) == expected


def test_an_entry_of_its_own_wins_over_a_compound_spelling():
    m = PhraseMatcher([("sell-out", "stem", "variant's entry"), ("sellout", "stem", "own entry")])
    text = "a sellout and a sell-out"
    found = [(x.item, text[x.start : x.end]) for x in m.find(KeyedText(text, tokenize(text)))]
    assert ("own entry", "sellout") in found and ("variant's entry", "sellout") not in found
    assert ("variant's entry", "sell-out") in found
