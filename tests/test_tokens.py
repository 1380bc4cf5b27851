import pytest

from framing.tokens import stem_key, surface_key, term_words, tokenize


@pytest.mark.parametrize(
    "text, words",
    [
        ("The so-called 'regime' fell.", ["The", "so-called", "regime", "fell"]),
        ("Iraq's al-Sudani didn’t say", ["Iraq's", "al-Sudani", "didn’t", "say"]),
        ("neo-colonial project—again", ["neo-colonial", "project", "again"]),
        ("10,000 people", ["10", "000", "people"]),
    ],
)
def test_tokenize_words_and_offsets(text, words):
    tokens = tokenize(text)
    assert [t.text for t in tokens] == words
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    "a, b",
    [
        ("assassinate", "assassinated"),
        ("assassinate", "assassination"),
        ("neutralised", "neutralized"),
        ("slam", "slammed"),
        ("Regime", "regimes"),
        ("Iran's", "Iran"),
    ],
)
def test_inflections_share_a_stem(a, b):
    assert stem_key(a) == stem_key(b)


@pytest.mark.parametrize("a, b", [("regime", "regimen"), ("fine", "finance"), ("total", "totem")])
def test_different_words_keep_different_stems(a, b):
    assert stem_key(a) != stem_key(b)


def test_surface_key_normalises_apostrophes_and_possessives():
    assert surface_key("Washington’s") == "washington"
    assert surface_key("DON’T") == "don't"


def test_term_words_keeps_gaps():
    assert term_words("many * observers") == ["many", "*", "observers"]
