"""Worksheets and answer keys built from the seed articles."""
from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser

import pytest
import textstat

from framing.classroom import build_worksheet, rewrite_change, write_worksheet
from framing.classroom.lines import WIDTH
from framing.classroom.notes import BEYOND_PROMPTS, COMPARE_PROMPTS, REWRITE_TASK, RUBRIC, TASKS

from .hostile import hostile_report


@pytest.fixture(scope="module")
def opinion_sheets(opinion_report):
    return {g: build_worksheet([opinion_report], grade=g) for g in ("6-8", "9-12", "college")}


def spans(ws, kind=None):
    return {(it.start, it.end, it.kind) for it in ws.articles[0].items if kind is None or it.kind == kind}


def test_opinion_key_holds_the_loaded_words_framing_reports(opinion_sheets, opinion_report):
    loaded = {(f.start, f.end, f.kind) for f in opinion_report.findings if f.kind == "loaded"}
    assert len(loaded) >= 10
    for ws in opinion_sheets.values():
        assert loaded <= spans(ws, "loaded")
    texts = {it.text for it in opinion_sheets["9-12"].articles[0].items}
    # words the seed's README lists as the column's framing devices
    assert {"puppet", "cronies", "slammed", "blasted", "shameful", "so-called", "Critics say", "claimed"} <= texts


def test_key_items_carry_the_findings_alternatives(opinion_sheets, opinion_report):
    alternatives = {(f.start, f.end): f.alternative for f in opinion_report.findings}
    items = [it for it in opinion_sheets["9-12"].articles[0].items if it.kind != "source"]
    assert all(it.alternative == alternatives[(it.start, it.end)] for it in items)
    slammed = next(it for it in items if it.text == "slammed")
    assert slammed.alternative and slammed.alternative != "slammed" and slammed.line is not None


def test_grade_bands(opinion_sheets):
    kinds = {g: {k for _, _, k in spans(ws)} for g, ws in opinion_sheets.items()}
    assert not kinds["6-8"] & {"booster", "attribution_verb"}
    assert {"booster", "attribution_verb"} <= kinds["9-12"]
    assert spans(opinion_sheets["9-12"]) <= spans(opinion_sheets["college"])
    for g in ("6-8", "9-12"):
        assert not {it.text for it in opinion_sheets[g].articles[0].items if it.kind == "attribution_verb"} & {"says", "say", "told"}


def test_sources_are_on_the_key(opinion_sheets):
    sheet = opinion_sheets["6-8"].articles[0]
    names = {s.name for s in sheet.speakers}
    assert {"Martin Hale", "Rosa Linden", "Ines Varga", "Tomas Brandt"} <= names
    unnamed = {s.name for s in sheet.speakers if not s.named}
    assert {"Critics", "Some observers", "a council insider"} <= unnamed
    assert any(it.kind == "source" and it.task == "sources" and it.name == "Tomas Brandt" for it in sheet.items)


def test_quoted_words_belong_to_the_speaker(opinion_sheets):
    sheet = opinion_sheets["9-12"].articles[0]
    betrayal = next(it for it in sheet.items if it.text == "betrayal")
    assert betrayal.voice == "quoted" and "speaker" in betrayal.note
    for r in sheet.rewrites:
        assert all(w.voice == "author" for w in r.words)


def test_say_it_straight_picks_the_most_loaded_sentences(opinion_sheets, wire_report):
    sizes = {g: len(ws.articles[0].rewrites) for g, ws in opinion_sheets.items()}
    assert sizes == {"6-8": 5, "9-12": 6, "college": 8}
    for ws in opinion_sheets.values():
        texts = [r.text for r in ws.articles[0].rewrites]
        assert any("puppet council" in t for t in texts)  # the heaviest sentence: criminal, utterly, puppet
        starts = [r.start for r in ws.articles[0].rewrites]
        assert starts == sorted(starts)
    # the wire report's loaded words are all inside quotations: little or nothing to rewrite
    wire = build_worksheet([wire_report], grade="college").articles[0].rewrites
    assert len(wire) < 3 and not any("reckless" in r.text for r in wire)


def test_classifier_scores_change_the_ranking(opinion_report):
    base = build_worksheet([opinion_report], grade="6-8").articles[0]
    chosen = {r.sentence for r in base.rewrites}
    college = build_worksheet([opinion_report], grade="college").articles[0]
    light = min((r for r in college.rewrites if r.sentence not in chosen), key=lambda r: r.weight)
    scores = [0.0] * len(opinion_report.article.sentences)
    scores[light.sentence] = 1.0
    scored = replace(opinion_report, sentence_scores=tuple(scores))
    rewrites = build_worksheet([scored], grade="6-8").articles[0].rewrites
    picked = {r.sentence: r for r in rewrites}
    assert light.sentence in picked and picked[light.sentence].score == 1.0


def test_rewrite_change_shows_the_flags_going():
    change = rewrite_change("Critics slammed the puppet council's utterly shameful plan.", "The union criticised the council's plan.")
    assert change["before"]["loaded"] >= 3 and change["after"]["loaded"] == 0


def _student_texts(ws) -> list[str]:
    notes = [it.note for a in ws.articles for it in a.items]
    shown = [TASKS[t][ws.grade.name] for t in TASKS] + [REWRITE_TASK, *BEYOND_PROMPTS, *COMPARE_PROMPTS]
    shown += [cell for row in RUBRIC for cell in row[1:]]
    return notes + shown


@pytest.mark.parametrize("grade", ["6-8", "9-12", "college"])
def test_notes_read_at_grade_8_or_below(grade, opinion_report, seed_report):
    for report in (opinion_report, seed_report):
        ws = build_worksheet([report], grade=grade)
        texts = _student_texts(ws)
        html = ws.key_html()
        notes = {it.note for it in ws.articles[0].items}
        assert notes and all(n.replace("'", "&#x27;") in html for n in notes)  # the notes checked are the ones shown
        too_hard = [(round(textstat.flesch_kincaid_grade(t), 1), t) for t in set(texts) if textstat.flesch_kincaid_grade(t) > 8]
        assert not too_hard
        assert textstat.flesch_kincaid_grade(" ".join(sorted(set(texts)))) <= 8


def test_reading_level_is_shown(opinion_report, seed_report):
    for report in (opinion_report, seed_report):
        grade = report.scores["readability"]["flesch_kincaid_grade"]
        ws = build_worksheet([report], grade="9-12")
        assert f"Flesch-Kincaid {grade:.1f}" in ws.student_html() and f"Flesch-Kincaid {grade:.1f}" in ws.key_html()


def test_numbered_lines(opinion_sheets, opinion_report):
    sheet = opinion_sheets["college"].articles[0]
    text = opinion_report.article.text
    assert [ln.number for ln in sheet.lines] == list(range(1, len(sheet.lines) + 1))
    assert all(ln.end - ln.start <= WIDTH or " " not in text[ln.start : ln.end] for ln in sheet.lines)
    for it in sheet.items:
        ln = sheet.lines[it.line - 1]
        assert ln.start <= it.start < ln.end
    html = opinion_sheets["college"].student_html()
    assert "Share this article" not in html and "Corinne Ashby is a columnist" not in html  # site chrome left out


def test_same_story_needs_two_articles(opinion_report):
    with pytest.raises(ValueError, match="two articles"):
        build_worksheet([opinion_report], exercises=["same-story"])
    with pytest.raises(ValueError, match="grade"):
        build_worksheet([opinion_report], grade="k-5")


def test_write_worksheet(tmp_path, opinion_report, wire_report):
    ws = build_worksheet([wire_report, opinion_report], grade="6-8")
    paths = write_worksheet(ws, tmp_path / "out")
    assert sorted(p.name for p in paths) == ["answer_key.html", "answer_key.json", "worksheet.html"]
    key = json.loads((tmp_path / "out" / "answer_key.json").read_text(encoding="utf-8"))
    assert key["schema"] == "framing.classroom.key/1" and [a["label"] for a in key["articles"]] == ["A", "B"]
    assert key["articles"][1]["text"] == opinion_report.article.text
    assert key["comparison"]["schema"] == "framing.classroom.compare/1"
    for a in key["articles"]:
        for it in a["items"]:
            assert a["text"][it["start"] : it["end"]] == it["text"]
    sheet = (tmp_path / "out" / "worksheet.html").read_text(encoding="utf-8")
    assert "Same names, different words" in sheet and "Ines Varga" in sheet


class Tags(HTMLParser):
    """Every element and attribute of a document, as the browser's parser would see them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def test_hostile_article_is_escaped(analyzer):
    report = hostile_report(analyzer)
    ws = build_worksheet([report, report], grade="college")
    for html in (ws.student_html(), ws.key_html(), ws.comparison.to_html()):
        parsed = Tags(html)
        assert not parsed.tags & {"script", "img", "svg", "iframe", "object"}
        assert not [k for k, _ in parsed.attrs if k.startswith("on")]
        assert all(v.startswith("#") for k, v in parsed.attrs if k in ("href", "src"))  # nothing leaves the page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
