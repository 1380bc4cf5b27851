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
