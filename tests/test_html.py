"""The HTML report: structure, overlaps, self-containment and escaping of hostile input."""
from __future__ import annotations

import re
from dataclasses import replace
from html import escape
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from framing import score
from framing.cli import ExitStatus, main
from framing.model import SCORED_ROLES, Link
from framing.render.html import render_html
from framing.render.html_article import FINDING, LINK, Span, annotate, safe_url
from framing.report import DISCLAIMER

from .conftest import OPINION, WIRE
from .hostile import HOSTILE_MARKDOWN, PAYLOADS, hostile_report

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "section", "p", "h1", "h2", "h3", "dl", "dt", "dd",
    "ul", "ol", "li", "mark", "span", "sup", "a", "i", "br", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
    "figure", "figcaption", "code",
    # inline SVG charts drawn by matplotlib
    "svg", "g", "path", "defs", "use", "clippath", "rect", "text", "pattern", "tspan",
}  # fmt: skip


class Page(HTMLParser):
    """Tags, attributes, mark nesting and text of an HTML document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.open_marks: list[dict] = []
        self.nested_marks = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "mark" and "data-finding" in a:
            self.nested_marks += bool(self.open_marks)
            self.open_marks.append(a)
        elif tag == "mark":
            self.open_marks.append({})

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()

    def attrs(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def opinion_html(opinion_report):
    return opinion_report.to_html()


def test_every_finding_has_a_mark_a_tooltip_and_an_endnote(opinion_report, opinion_html):
    page = Page(opinion_html)
    n = len(opinion_report.findings)
    marks = [a for a in page.attrs("mark") if "data-finding" in a]
    assert {int(a["data-finding"]) for a in marks} == set(range(1, n + 1))
    assert all(a["title"] for a in marks)
    notes = {a["id"] for a in page.attrs("li") if "id" in a}
    assert len([i for i in notes if "-fn-" in i]) == n
    refs = [a["href"] for a in page.attrs("a") if "-fn-" in a.get("href", "")]
    assert len(refs) == n


def test_tooltip_and_endnote_explain_the_finding(opinion_report, opinion_html):
    f = next(f for f in opinion_report.findings if f.alternative)
    page = Page(opinion_html)
    tip = next(a["title"] for a in page.attrs("mark") if a.get("data-finding") and f.reason in a.get("title", ""))
    for part in (f.category, f.reason, f.alternative, f.source, f.voice):
        assert part in tip
    assert re.search(r'<li id="[^"]+-fn-\d+">', opinion_html)


def test_overlapping_findings_nest():
    report = score("Critics say the so-called reform failed, and it is widely believed the mayor knew.")
    page = Page(report.to_html())
    assert page.nested_marks >= 1
    assert {int(a["data-finding"]) for a in page.attrs("mark") if "data-finding" in a} == set(range(1, len(report.findings) + 1))


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([(0, 4, FINDING, 1)], "<m1>abcd</m1>[1]efghij"),
        ([(0, 6, FINDING, 1), (2, 4, FINDING, 2)], "<m1>ab<m2>cd</m2>[2]ef</m1>[1]ghij"),
        ([(0, 6, FINDING, 1), (4, 10, FINDING, 2)], "<m1>abcd<m2>ef</m2></m1>[1]<m2>ghij</m2>[2]"),
        ([(0, 6, FINDING, 1), (0, 6, FINDING, 2)], "<m1><m2>abcdef</m2></m1>[1,2]ghij"),
        ([(2, 8, LINK, 0), (0, 4, FINDING, 1)], "<m1>ab<a>cd</a></m1>[1]<a>efgh</a>ij"),
    ],
)
def test_annotate_nests_overlaps(spans, expected):
    made = [Span(s, e, layer, key, f"<m{key}>" if layer == FINDING else "<a>", f"</m{key}>" if layer == FINDING else "</a>") for s, e, layer, key in spans]
    html = annotate("abcdefghij", 0, 10, made, "p")
    html = re.sub(r'<sup class="ref">(.*?)</sup>', lambda m: "[" + ",".join(re.findall(r">(\d+)<", m.group(1))) + "]", html)
    assert html == expected


def test_chrome_is_dimmed_and_sections_present(opinion_report, opinion_html):
    chrome = [p for p in opinion_report.article.paragraphs if p.role not in SCORED_ROLES]
    assert chrome and opinion_html.count('class="para chrome') == len(chrome)
    for heading in ("Summary", "Legend", "The article, annotated", "the source ledger", "Charts", "Method"):
        assert f"{heading}</h2>" in opinion_html
    assert DISCLAIMER.replace("'", "&#x27;") in opinion_html
    assert opinion_report.lexicon_sha256 in opinion_html and opinion_report.lexicon_version in opinion_html
    assert opinion_html.count("<svg ") == 3
    assert all(s.name.replace("'", "&#x27;") in opinion_html for s in opinion_report.sources)


def test_self_contained(opinion_report, opinion_html):
    for html in (opinion_html, opinion_report.to_html(page=False)):
        page = Page(html)
        assert "<script" not in html.lower()
        assert {t for t, _ in page.tags} <= ALLOWED_TAGS
        article_links = {link.url for link in opinion_report.article.links if safe_url(link.url)} | {opinion_report.article.meta.url}
        for tag, attrs in page.tags:
            assert not any(k.startswith("on") for k in attrs), (tag, attrs)
            assert "src" not in attrs, tag
            for key in ("href", "xlink:href"):
                if key in attrs:
                    assert attrs[key].startswith("#") or (tag == "a" and attrs[key] in article_links), attrs[key]
        assert "@import" not in html and "url(http" not in html


def test_fragment_for_jupyter(opinion_report):
    html = opinion_report._repr_html_()
    assert html.startswith('<div class="framing-report"') and "<style>" in html
    assert not re.search(r"<(html|head|body|!DOCTYPE)\b", html, re.I)
    assert html == render_html(opinion_report, page=False)
    page = opinion_report.to_html()
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page


def test_classifier_summary_only_when_present(wire_report):
    unscored = replace(wire_report, scores={**wire_report.scores, "classifier": None})  # as with Analyzer(model=False)
    assert "Classifier (sentences)" not in unscored.to_html(page=False)
    with_scores = replace(wire_report, scores={**wire_report.scores, "classifier": {"model": "demo", "mean_score": 0.25}})
    html = with_scores.to_html(page=False)
    assert "Classifier (sentences)" in html and "demo" in html and "0.250" in html


def test_sentence_scores_only_when_present(wire_report):
    n = len(wire_report.article.sentences)
    unscored = replace(wire_report, sentence_scores=(None,) * n, sentence_hedge_scores=(None,) * n)  # as with Analyzer(model=False)
    assert 'class="cls' not in unscored.to_html(page=False)
    scored = replace(wire_report, sentence_scores=tuple(0.9 if i % 2 else 0.1 for i in range(n)), sentence_hedge_scores=(None,) * n)
    html = scored.to_html(page=False)
    assert 'class="cls cls-high"' in html and "Classifier: loaded or one-sided: 0.90" in html


@pytest.mark.parametrize(
    "url, safe",
    [
        ("https://example.org/a", True),
        ("HTTP://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("#", False),
        ("/relative/path", False),
        ("//example.org/protocol-relative", False),
        ("https://example.org/\nx", False),
    ],
)
def test_safe_url(url, safe):
    assert (safe_url(url) is not None) is safe


def _assert_inert(html: str) -> None:
    page = Page(html)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        href = attrs.get("href", "#")
        assert href.startswith("#") or href.lower().startswith(("http://", "https://")), href
    assert "&lt;script&gt;" in html


def test_hostile_article_is_escaped(analyzer):
    report = hostile_report(analyzer)
    assert all(p in report.article.text for p in PAYLOADS) and PAYLOADS[0] in report.article.meta.title
    for html in (report.to_html(), report.to_html(page=False)):
        _assert_inert(html)
        for payload in PAYLOADS[:3]:
            assert html.count(escape(payload)) >= 2  # in the title and in the text
        assert "[x](javascript:alert(1))" in html
        assert 'href="javascript' not in html.lower() and 'href="data:' not in html.lower()
    title = re.search(r"<title>(.*?)</title>", report.to_html(), re.S).group(1)
    assert title.startswith("framing report: &lt;script&gt;")
    assert 'class="link-off"' in report.to_html()


def test_hostile_markdown_file_is_escaped(analyzer):
    report = analyzer.score_text(HOSTILE_MARKDOWN, path="hostile.md", syntax="markdown")
    assert report.article.meta.url.startswith("javascript:")
    _assert_inert(report.to_html())


def test_link_only_kept_when_http(wire_report):
    text = wire_report.article.text
    links = (Link(0, 5, "javascript:alert(1)"), Link(6, 10, "https://example.org/x?a=1&b=2"))
    html = replace(wire_report, article=replace(wire_report.article, links=links)).to_html(page=False)
    assert 'href="https://example.org/x?a=1&amp;b=2"' in html
    assert 'href="javascript' not in html and text[0:5] in html


def test_cli_html(tmp_path):
    runner = CliRunner()
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["score", str(OPINION), "--format", "html", "-o", str(out)])
    assert result.exit_code == ExitStatus.OK
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(main, ["score", str(OPINION), str(WIRE), "--format", "html"])
    assert result.exit_code == ExitStatus.USAGE
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1 and "one input" in result.stderr
