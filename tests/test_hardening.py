"""Hostile input: every case of the fuzz corpus (tests/hostile.py) gives a report or a clear
error, within the time budget, with every offset indexing its text."""
from __future__ import annotations

import multiprocessing
import time
import traceback
from typing import Any, Union

import pytest

from framing.alignment import InputIndex
from framing.inputs import InputError, read_bytes
from framing.parse import INVISIBLE
from framing.pipeline import default_analyzer

from .hostile import BYTE_CASES, PROSE, SLOW, TEXT_CASES, budget

# Hot spots outside the parsing layer, named so that they are fixed where they lie; these cases
# still must give a correct report (checked), but may overrun the budget (xfail, not strict).
OVER_BUDGET: dict[str, str] = {}  # none at present; a case listed here names where its time goes


def examine(raw: Union[str, bytes]) -> dict[str, Any]:
    """Score ``raw`` and check the report's invariants; never raises."""
    start = time.perf_counter()
    try:
        text = read_bytes(raw) if isinstance(raw, bytes) else raw
        report = default_analyzer().score_text(text)
        d = report.to_dict()
    except InputError as e:
        return {"outcome": str(e), "seconds": time.perf_counter() - start, "problems": []}
    except Exception:
        return {"outcome": "crash", "seconds": time.perf_counter() - start, "problems": [traceback.format_exc(limit=4)]}
    seconds = time.perf_counter() - start
    body = d["text"]
    problems = []
    for f in d["findings"] + d["sources"]:
        if not (0 <= f["start"] < f["end"] <= len(body) and body[f["start"] : f["end"]] == f["text"]):
            problems.append(f"offsets do not index the text: {f}")
        s, e = f.get("input_start"), f.get("input_end")
        if s is not None and not (0 <= s <= e <= len(text)):
            problems.append(f"input offsets outside the input: {f}")
    for s in d["sentences"]:
        if not body[s["start"] : s["end"]].strip():
            problems.append(f"empty sentence {s}")
    for p in d["paragraphs"]:
        if not 0 <= p["start"] <= p["end"] <= len(body):
            problems.append(f"paragraph outside the text {p}")
    if "\r" in body or INVISIBLE.search(body):
        problems.append("carriage returns or invisible characters left in the text")
    return {"outcome": "report", "seconds": seconds, "problems": problems, "warnings": d["warnings"]}


def _child(raw: Union[str, bytes], conn) -> None:
    conn.send(examine(raw))
    conn.close()


def examine_within(raw: Union[str, bytes], budget: float) -> dict[str, Any]:
    """``examine`` in a forked process that is stopped once ``budget`` seconds have passed."""
    default_analyzer().score_text(PROSE)  # built (and its model loaded) before the fork
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(raw, send))
    proc.start()
    send.close()
    ready = receive.poll(budget + 1.0)
    result = receive.recv() if ready else {"outcome": "timeout", "seconds": budget, "problems": []}
    proc.kill() if proc.is_alive() else None
    proc.join()
    return result


def _params(cases: dict) -> list:
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=OVER_BUDGET[name], strict=False)) if name in OVER_BUDGET else name
        for name in cases
    ]


def _check(result: dict[str, Any], expected: str, limit: float = SLOW) -> None:
    assert result["outcome"] != "timeout", f"over the budget of {limit:.0f} s"
    assert result["outcome"] != "crash", result["problems"][0]
    if expected == "report":
        assert result["outcome"] == "report", f"refused: {result['outcome']}"
    else:
        assert expected in result["outcome"], result["outcome"]
        assert "\n" not in result["outcome"]
    assert not result["problems"], result["problems"][:3]
    assert result["seconds"] < limit


@pytest.mark.parametrize("name", _params(TEXT_CASES))
def test_hostile_text(name):
    text, expected = TEXT_CASES[name]
    _check(examine_within(text, budget(text)), expected, budget(text))


@pytest.mark.parametrize("name", list(TEXT_CASES))
def test_parsing_holds_the_budget(name, analyzer):
    """The parsing layer (blocks, roles, sentences, quotations, input offsets) alone, on every
    case, including those whose whole score is over budget for reasons named in OVER_BUDGET."""
    text, expected = TEXT_CASES[name]
    if expected != "report":
        return
    start = time.perf_counter()
    article, _ = analyzer._builder.build(text)
    assert time.perf_counter() - start < budget(text) / 2
    assert all(p.start <= p.end <= len(article.text) for p in article.paragraphs)
    assert all(article.text[s.start : s.end].strip() for s in article.sentences)
    assert all(0 <= q.start < q.end <= len(article.text) for q in article.quotes)
    assert all(t.text == article.text[t.start : t.end] for t in article.tokens)
    for t0, t1, r0, r1 in article.input_map:
        assert 0 <= t0 < t1 <= len(article.text) and 0 <= r0 <= r1 <= len(text)


@pytest.mark.parametrize("name", _params(BYTE_CASES))
def test_hostile_bytes(name):
    data, expected = BYTE_CASES[name]
    _check(examine(data), expected, budget(data))


def test_the_budget_guard_stops_a_hang(monkeypatch):
    analyzer = default_analyzer()
    real = analyzer.score_text
    monkeypatch.setattr(analyzer, "score_text", lambda text, **kw: time.sleep(60) if text == "HANG" else real(text, **kw))
    started = time.perf_counter()
    assert examine_within("HANG", 0.5)["outcome"] == "timeout"
    assert time.perf_counter() - started < 10


# --- what the report says about hostile text ------------------------------------------------

def _findings(report) -> list[tuple[str, str]]:
    return [(f["text"], f["kind"]) for f in report.to_dict()["findings"]]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_read_like_lf_with_offsets_into_the_raw_input(analyzer, newline):
    lf = "# Harbour plan\n\nCritics slammed the so-called reform.\nOfficials said it might fail.\n\nSome observers say it is a disaster.\n"
    raw = lf.replace("\n", newline)
    a, b = analyzer.score_text(lf, syntax="markdown"), analyzer.score_text(raw, syntax="markdown")
    assert b.article.text == a.article.text and _findings(b) == _findings(a)
    assert [p.role for p in b.article.paragraphs] == [p.role for p in a.article.paragraphs]
    found = b.to_dict()["findings"]
    assert found
    for f in found:
        assert raw[f["input_start"] : f["input_end"]] == f["text"]
    # a span across a line break covers the whole CRLF in the input
    text = b.article.text
    s = text.index("reform.")
    start, end = InputIndex(b.article.input_map).span(s, s + len("reform.\nOfficials"))
    assert raw[start:end] == "reform." + newline + "Officials"


def test_invisible_characters_are_dropped_and_reported(analyzer):
    raw = "Critics sla\u200bmmed the \u202eso-called\u202c reform.\x1b[31m\n\n" + PROSE * 3
    report = analyzer.score_text(raw)
    assert ("slammed", "loaded") in _findings(report)
    assert not INVISIBLE.search(report.article.text) and "\x1b" not in report.article.text
    assert any("invisible character" in w for w in report.warnings)
    slammed = next(f for f in report.to_dict()["findings"] if f["text"] == "slammed")
    assert raw[slammed["input_start"] : slammed["input_end"]] == "sla\u200bmmed"


def test_joiners_inside_emoji_and_scripts_are_kept(analyzer):
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    report = analyzer.score_text(f"{family} and {persian} said.\n\n" + PROSE)
    assert family in report.article.text and persian in report.article.text
    assert not any("invisible" in w for w in report.warnings)


def test_non_english_text_is_scored_with_a_warning(analyzer, tmp_path):
    german, _ = TEXT_CASES["non-English text"]
    report = analyzer.score_text(german)
    assert report.article.text and any("does not look like English" in w for w in report.warnings)
    assert not any("English" in w for w in analyzer.score_text(PROSE * 6).warnings)
    from click.testing import CliRunner

    from framing.cli import main

    path = tmp_path / "de.txt"
    path.write_text(german, encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert f"framing: warning: {path}: the text does not look like English" in result.stderr
    assert "does not look like English" in result.stdout


def test_the_shipped_seeds_read_as_english(analyzer):
    from .conftest import OPINION, SEED, WIRE

    for path in (SEED, WIRE, OPINION):
        assert not any("English" in w for w in analyzer.score_path(path).warnings)


# --- catastrophic backtracking ----------------------------------------------------------------

from framing import alignment, html_input, parse, quotes, structure  # noqa: E402

N = 200_000  # a quadratic scan of this many characters takes minutes; a linear one milliseconds
ADVERSARIAL = {
    "blank lines": "x" + "\n" * N + "!",
    "spaces": "x" + " " * N + "!",
    "line-start spaces": ("   " + " " * 50 + "\n") * (N // 54),
    "open brackets": "![" * (N // 2),
    "link starts": "](" * (N // 2),
    "open comments": "<!--" * (N // 4),
    "comments, no page": "<!-- a -->" * (N // 10) + "x",
    "open tags": "<" * N,
    "tag starts": "<a " * (N // 3),
    "processing instructions": "<?" * (N // 2),
    "scripts": "<script>" * (N // 8),
    "entities": "&#1" * (N // 3),
    "escapes": "\\" * N,
    "digits": "1" * N + "x",
    "joiners": "\u200c" * N + "\u0628",
    "quotes": '"‘' * (N // 2),
    "month names": "May " * (N // 4),
}
SCANS = {
    "parse.looks_like_markdown": parse.looks_like_markdown,
    "html_input.looks_like_html": html_input.looks_like_html,
    "alignment.Stream (markdown)": lambda s: alignment.Stream(s, "markdown"),
    "alignment.Stream (html)": lambda s: alignment.Stream(s, "html"),
    "parse._normalise": parse._normalise,
    "parse._normalise_with_links": lambda s: parse._normalise_with_links(s, [(0, len(s), "u")]),
    "parse._defuse": parse._defuse,
    "parse.parse_plain": parse.parse_plain,
    "structure.DATE": lambda s: structure.DATE.search(s),
    "structure.BYLINE": lambda s: structure.BYLINE.match(s),
    "structure.LABEL_LINE": lambda s: structure.LABEL_LINE.match(s),
    "structure._NO_WORDS": lambda s: structure._NO_WORDS.match(s),
    "quotes._marks": lambda s: quotes._marks(s, 0, len(s)),
}


@pytest.mark.parametrize("scan", list(SCANS))
def test_no_catastrophic_backtracking(scan):
    # linear scans take milliseconds here; a quadratic one takes 16 times as long on 4 times the
    # text. Slow means both: over a second, and growing much faster than the text (so a busy
    # machine does not fail a linear scan). A slow first timing is taken again, best of three, so
    # one pause of a shared machine is not read as growth.
    slow = {}
    for name, text in ADVERSARIAL.items():
        full = _seconds(SCANS[scan], text)
        if full > 1.0:
            full = min(full, *(_seconds(SCANS[scan], text) for _ in range(2)))
            quarter = min(_seconds(SCANS[scan], text[: len(text) // 4]) for _ in range(3))
            if full > 1.0 and full > 8 * max(quarter, 0.01):
                slow[name] = (round(quarter, 2), round(full, 2))
    assert not slow, f"{scan} grows faster than linear (seconds on a quarter and on all of the text): {slow}"


def _seconds(scan, text: str) -> float:
    start = time.perf_counter()
    scan(text)
    return time.perf_counter() - start
