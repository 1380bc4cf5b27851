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


# --- hostile characters, offsets into the raw input, batches -----------------------------------
import json  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from framing.corpus import Options, map_scores  # noqa: E402
from framing.parse import INVISIBLE  # noqa: E402

HOSTILE = st.sampled_from(
    ["\r\n", "\r", "\r\n\r\n", "\u200b", "\u202e", "\u200d", "\x1b", "\x00", "\u00ad", "\ufeff", "\u2028", "é", "\u0301", "😀", "مرحبا", '"', "“", "”"]
)
hostile_text = st.lists(st.one_of(WORDS, HOSTILE, st.text(max_size=6)), max_size=50).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_hostile_characters_never_break_offsets(text):
    check(text)


def _visible(s: str) -> str:
    return "".join(INVISIBLE.sub("", s).split())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(WORDS.filter(lambda w: not set(w) & set("[]()*#>`<&\\-")), HOSTILE), min_size=1, max_size=50).map(" ".join))
def test_input_offsets_index_the_raw_input(raw):
    try:
        d = default_analyzer().score_text(raw, syntax="plain").to_dict()
    except ValueError:
        return
    for f in d["findings"] + d["sources"]:
        s, e = f.get("input_start"), f.get("input_end")
        if s is not None:
            assert 0 <= s < e <= len(raw)
            assert _visible(raw[s:e]) == _visible(f["text"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(markdownish.filter(lambda t: t.strip() and "\x00" not in t), min_size=2, max_size=4))
def test_same_report_alone_and_in_a_batch(texts):
    # NUL bytes: a file holding them is refused as binary (tests/hostile.py), a string is cleaned
    alone = []
    for t in texts:
        try:
            alone.append(default_analyzer().score_text(t, syntax="markdown").to_dict())
        except ValueError as e:
            alone.append(str(e))
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, t in enumerate(texts):
            path = Path(folder) / f"{i}.md"
            path.write_text(t, encoding="utf-8")
            paths.append(str(path))
        batch = [json.loads(line) for line in map_scores(paths, Options(), jobs=1)]
    for one, rec, path in zip(alone, batch, paths):
        if isinstance(one, str):
            assert "error" in rec and "empty" in rec["error"]
            continue
        assert rec["report"] == json.loads(json.dumps({**one, "article": {**one["article"], "path": path}}, ensure_ascii=False))
