"""Invariants over arbitrary input: parsing and scoring never raise, offsets index the text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.pipeline import default_analyzer

WORDS = st.sampled_from(
    "the regime slammed so-called critics say might reportedly many voices in fact “control” "
    '"quoted" said claimed As I wrote [link](http://x.org) **bold** # > - 1. --- \\* \n \n\n , . : ; ’ ‘'.split(" ")
    + ["\n", "\n\n", "# ", "> ", "- ", "`", "<b>", "&amp;", "\t", "    "]
)
markdownish = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map(" ".join)


def check(text: str) -> None:
    try:
        report = default_analyzer().score_text(text)
    except ValueError as e:  # empty input is refused with a clear message, never a crash
        assert "empty" in str(e)
        return
    d = report.to_dict()
    body = d["text"]
    for f in d["findings"] + d["sources"]:
        assert 0 <= f["start"] < f["end"] <= len(body)
        assert body[f["start"] : f["end"]] == f["text"]
    for s in d["sentences"]:
        assert body[s["start"] : s["end"]].strip()
    for p in d["paragraphs"]:
        assert 0 <= p["start"] <= p["end"] <= len(body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_generated_markdown_never_breaks_offsets(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_breaks_offsets(text):
    check(text)


def test_scoring_is_deterministic():
    text = "Critics slammed the regime.\n\nSome observers say it might be “genocide”, he claimed."
    a = default_analyzer().score_text(text).to_dict()
    b = default_analyzer().score_text(text).to_dict()
    assert a == b
