"""The HTML report in a real browser: headless Chromium loads it from a file.

Skips where Chromium is not installed (``.ci/run`` installs the Debian package ``chromium``).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from framing.render.common import KIND_COLOURS

from .hostile import RAN, hostile_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
)  # fmt: skip


class Ids(HTMLParser):
    """The id of every element in a document."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k == "id" and v)


def script_ran(dom: str) -> bool:
    return "xss-ran" in Ids(dom).ids


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium on ``page`` with a fresh profile."""
    profile = tempfile.mkdtemp(dir=tmp_path, prefix="profile-")
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium hung on {page.name} (a script may have opened a dialog)")


def dump_dom(tmp_path: Path, html: str, name: str = "page.html") -> str:
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    result = chromium(tmp_path, page, "--virtual-time-budget=2000", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "</html>" in result.stdout, result.stderr[-2000:]
    return result.stdout


def bare_page(fragment: str) -> str:
    """A page around a fragment with no Content-Security-Policy, as Jupyter would show it."""
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>fragment</title></head><body>{fragment}</body></html>'


def test_highlights_and_tooltips_in_the_dom(tmp_path, opinion_report):
    dom = dump_dom(tmp_path, opinion_report.to_html())
    marks = re.findall(r"<mark [^>]*data-finding=\"(\d+)\"[^>]*>", dom)
    assert {int(n) for n in marks} == set(range(1, len(opinion_report.findings) + 1))
    tips = re.findall(r"<mark [^>]*data-finding=\"\d+\"[^>]*title=\"([^\"]+)\"", dom)
    assert len(tips) == len(marks) and all(t.strip() for t in tips)
    assert dom.count("<svg ") == 3 and "Method</h2>" in dom


def test_highlights_are_visible(tmp_path, opinion_report):
    from PIL import Image

    # only the annotated article, so that any kind colour on screen is a highlight
    only_article = "<style>.framing-report > :not(.annotated), .framing-report .annotated > :not(.article) { display: none; }</style></head>"
    page = tmp_path / "article.html"
    page.write_text(opinion_report.to_html().replace("</head>", only_article, 1), encoding="utf-8")
    shot = tmp_path / "article.png"
    result = chromium(tmp_path, page, "--window-size=1000,2600", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    colours = {c for _, c in Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 24)}

    for kind in {f.kind for f in opinion_report.findings}:
        rgb = tuple(int(KIND_COLOURS[kind][i : i + 2], 16) for i in (1, 3, 5))
        assert any(sum(abs(a - b) for a, b in zip(c, rgb)) <= 24 for c in colours), f"no {kind} underline on screen"


def test_no_script_from_a_hostile_article_runs(tmp_path, analyzer):
    report = hostile_report(analyzer, action=RAN)
    for name, html in (("page.html", report.to_html()), ("fragment.html", bare_page(report.to_html(page=False)))):
        dom = dump_dom(tmp_path, html, name)
        assert not script_ran(dom), name
        title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
        assert not title.startswith("pwned"), name
        assert "&lt;script&gt;" in dom, name


def test_the_script_check_can_fail(tmp_path):
    """The check above sees a script that does run (so a pass there means something)."""
    ran = f"<script>{RAN}</script>"
    dom = dump_dom(tmp_path, bare_page(ran), "control.html")
    assert script_ran(dom) and "<title>pwned</title>" in dom


def test_screenshot_and_pdf(tmp_path, opinion_report):
    page = tmp_path / "report.html"
    page.write_text(opinion_report.to_html(), encoding="utf-8")
    shot, pdf = tmp_path / "report.png", tmp_path / "report.pdf"
    result = chromium(tmp_path, page, "--window-size=1200,1600", f"--screenshot={shot}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    result = chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000


def _classroom_pages(reports):
    from framing.classroom import build_worksheet

    ws = build_worksheet(reports, grade="9-12")
    return {"worksheet.html": ws.student_html(), "answer_key.html": ws.key_html(), "compare.html": ws.comparison.to_html()}


def test_no_script_runs_in_classroom_pages(tmp_path, analyzer):
    report = hostile_report(analyzer, action=RAN)
    for name, html in _classroom_pages([report, report]).items():
        assert "Content-Security-Policy" in html and not re.search(r"""<[^>]*\s(?:src|href)=(?!["']?#)""", html), name
        dom = dump_dom(tmp_path, html, name)
        assert not script_ran(dom), name
        assert not re.search(r"<title>(.*?)</title>", dom, re.S).group(1).startswith("pwned"), name
        assert "&lt;script&gt;" in dom, name


def test_classroom_pages_render_and_print(tmp_path, wire_report, opinion_report):
    pages = _classroom_pages([wire_report, opinion_report])
    for name, html in pages.items():
        dom = dump_dom(tmp_path, html, name)
        assert "framing-classroom" in dom and "</section>" in dom
    key = dump_dom(tmp_path, pages["answer_key.html"], "key2.html")
    assert len(re.findall(r'<mark [^>]*data-item="\d+"', key)) >= 20  # the key's highlights are in the DOM
    # print media: every exercise starts a new page, so the printed sheet has more pages than it would on screen
    page = tmp_path / "worksheet.html"
    page.write_text(pages["worksheet.html"], encoding="utf-8")
    no_breaks = tmp_path / "no_breaks.html"
    no_breaks.write_text(pages["worksheet.html"].replace(".framing-classroom .new-page { break-before: page; }", ""), encoding="utf-8")
    counts = []
    for p in (page, no_breaks):
        pdf = tmp_path / (p.stem + ".pdf")
        result = chromium(tmp_path, p, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
        assert result.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-", result.stderr[-2000:]
        counts.append(len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())))
    assert counts[0] > counts[1] >= 2


def test_worksheet_screenshot(tmp_path, opinion_report):
    from framing.classroom import build_worksheet

    page = tmp_path / "worksheet.html"
    page.write_text(build_worksheet([opinion_report], grade="6-8").student_html(), encoding="utf-8")
    shot = tmp_path / "worksheet.png"
    result = chromium(tmp_path, page, "--window-size=1000,1400", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
