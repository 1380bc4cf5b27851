"""Input offsets: every finding and source also indexes the researcher's own file."""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.alignment import InputIndex, align_blocks

from .conftest import OPINION, ROOT, SEED, WIRE

SEEDS = (WIRE, OPINION, SEED)


def plain(raw_slice: str) -> str:
    """A raw Markdown slice as text: link destinations, brackets, emphasis and escapes removed,
    block-quote markers dropped, white space collapsed."""
    s = re.sub(r"\]\([^)]*\)", "", raw_slice)
    s = re.sub(r"\n\s*>\s?", "\n", s)
    s = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)
    s = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)|\[", "", s)
    return " ".join(s.split())


def spans(report):
    d = report.to_dict()
    return d["findings"] + d["sources"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_span_lines_up_with_the_raw_file(analyzer, path):
    raw = path.read_text(encoding="utf-8-sig")
    report = analyzer.score_path(path)
    items = spans(report)
    assert items
    for item in items:
        s, e = item["input_start"], item["input_end"]
        assert s is not None and e is not None, item["text"]
        assert plain(raw[s:e]) == " ".join(item["text"].split())


@pytest.mark.parametrize(
    "path, text, raw_slice",
    [
        (OPINION, "slammed", "slammed"),
        (OPINION, "As I wrote", "As I [wrote"),  # the link's bracket sits inside the span
        (OPINION, "“safety”", "“safety”"),
        (OPINION, "The truth is", "The truth is"),
        (WIRE, "reckless", "reckless"),
        (WIRE, "Helen Marsh", "Helen Marsh"),
        (WIRE, "evacuation notice", "evacuation notice"),
    ],
)
def test_table_of_raw_slices(analyzer, path, text, raw_slice):
    raw = path.read_text(encoding="utf-8-sig")
    found = [i for i in spans(analyzer.score_path(path)) if i["text"].endswith(text)]
    assert found, text
    item = found[0]
    assert raw[item["input_start"] : item["input_end"]].endswith(raw_slice)


def test_title_maps_to_the_heading_not_the_front_matter(analyzer):
    raw = WIRE.read_text(encoding="utf-8")
    report = analyzer.score_path(WIRE)
    index = InputIndex(report.article.input_map)
    title = report.article.paragraphs[0]
    start, _ = index.span(title.start, title.end)
    assert raw[start - 2 : start] == "# "


def test_plain_text_with_windows_line_endings():
    raw = "Critics  slammed the\r\nplan.\r\n\r\nSome observers say it might fail."
    from framing.pipeline import default_analyzer

    report = default_analyzer().score_text(raw, syntax="plain")
    for item in spans(report):
        assert " ".join(raw[item["input_start"] : item["input_end"]].split()) == item["text"]


def test_markdown_escapes_entities_and_images():
    raw = "Intro ![a photo of critics](img.png) text.\n\nThe \\*so-called\\* reform &amp; the *regime* [slammed](http://x.org/slammed) it."
    runs = align_blocks(raw, [("Intro text.", 0, None), ("The *so-called* reform & the regime slammed it.", 13, None)], "markdown")
    index = InputIndex(runs)
    text = "Intro text.\n\nThe *so-called* reform & the regime slammed it."
    for word in ("so-called", "regime", "slammed", "&", "text"):
        s = text.index(word)
        a, b = index.span(s, s + len(word))
        assert raw[a:b].replace("&amp;", "&") == word


words = st.sampled_from("the regime slammed so-called critics say [link](http://x.org/a) **bold** \\* &amp; “control” # > - \n \n\n".split(" "))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(words, st.text(max_size=6)), min_size=1, max_size=40).map(" ".join))
def test_mapped_characters_are_the_input_characters(raw):
    from framing.pipeline import default_analyzer

    raw = raw.replace("\x00", "")  # NUL characters are dropped before parsing (offsets then skip them)
    try:
        report = default_analyzer().score_text(raw)
    except ValueError:
        return
    text = report.article.text
    for t0, t1, r0, r1 in report.article.input_map:
        assert 0 <= t0 < t1 <= len(text) and 0 <= r0 < r1 <= len(raw)
        if t1 - t0 == r1 - r0:  # character for character (a space may stand for any white space)
            assert all(a == b or (a.isspace() and b.isspace()) for a, b in zip(text[t0:t1], raw[r0:r1]))
        else:  # one character for a stretch: white space, an escape or an entity
            assert t1 - t0 == 1
            assert text[t0].isspace() or raw[r0] in "\\&" or raw[r0:r1].strip() == text[t0]


def test_html_offsets_point_into_the_page(analyzer):
    pytest.importorskip("trafilatura")
    raw = (ROOT / "tests" / "data" / "page.html").read_text(encoding="utf-8")
    report = analyzer.score_text(raw, path="page.html", syntax="html")
    items = spans(report)
    assert {"slammed", "so-called", "some observers"} <= {i["text"] for i in items}
    for item in items:
        assert raw[item["input_start"] : item["input_end"]] == item["text"]
