"""Inflected forms of lexicon terms: real forms of the same word, never another word's stem."""
import pytest

from framing.lexicon import load_lexicon
from framing.matcher import KeyedText, PhraseMatcher
from framing.morphology import Morphology, inflections
from framing.pipeline import default_analyzer
from framing.tokens import stem_key, tokenize


def test_one_syllable_words_double_their_last_consonant():
    assert {"slammed", "slamming", "slams"} <= inflections("slam")
    assert not {"slamed", "slaming"} & inflections("slam")
    # "shamed" is not a form of "sham"; it stems to "shame", another word
    assert "shamed" not in inflections("sham") and stem_key("shammed") == stem_key("sham")


def test_longer_words_keep_both_spellings():
    assert {"visited", "visitted", "admitted", "admited"} <= inflections("visit") | inflections("admit")


def test_e_endings():
    assert {"lying", "lied", "lies"} <= inflections("lie")
    assert {"freeing", "agreeing"} <= inflections("free") | inflections("agree")
    assert "liing" not in inflections("lie")


def test_function_words_are_not_inflected():
    m = Morphology.of(load_lexicon())
    for word in ("on", "off", "the", "we", "not", "in", "out", "for"):
        assert m.forms(word) == {word}, word
    assert m.forms("be") == {"be", "was", "been"}  # irregular forms still count


def test_the_shipped_morphology_keeps_every_generated_stem_apart_from_function_words():
    # no regular form generated for a lexicon word may stem to one of these common words
    # (irregular forms are listed by hand: "make" -> "made" is right)
    m = Morphology.of(load_lexicon())
    common = {stem_key(w) for w in "of one made thing note wed ore fore ate born".split()}
    lex = load_lexicon()
    for e in lex.entries:
        if e.match != "stem":
            continue
        words = [w for w in e.term.lower().split() if w != "*"]
        for w in {words[0], words[-1]}:
            extra = {stem_key(f) for f in inflections(w, None, m.uninflected)} - {stem_key(w)}
            assert not extra & common, (e.origin, w, extra & common)


def test_matcher_uses_the_morphology_it_is_given():
    text = "They rounded on him in round one."
    terms = [("round on", "stem", "x")]
    keyed = KeyedText(text, tokenize(text))
    bare = [text[m.start : m.end] for m in PhraseMatcher(terms).find(keyed)]
    with_table = [text[m.start : m.end] for m in PhraseMatcher(terms, Morphology(uninflected=frozenset({"on"}))).find(keyed)]
    assert bare == ["rounded on", "round one"]  # without the table "on" takes "oned", which stems to "one"
    assert with_table == ["rounded on"]


@pytest.mark.parametrize(
    "text, found",
    [
        # other words that generated forms used to reach (read in the BBC News corpus)
        ("It would be a shame if prices fell.", []),
        ("Safin lost to Kiefer in round one of the championship.", []),
        ("The show featured the pick of this year's gadgets.", []),
        ("Stuart Grimes (Newcastle Falcons) is in the squad.", []),
        # the same entries still find their own forms
        ("Voters rejected the sham election.", ["sham election"]),
        ("The minister rounded on his critics.", ["rounded on"]),
        ("The two parties are locked in a war of words.", ["war of words"]),
    ],
)
def test_loaded_findings_on_real_forms_only(text, found):
    report = default_analyzer().score_text(text, syntax="plain")
    assert [f.text for f in report.findings if f.kind == "loaded"] == found
