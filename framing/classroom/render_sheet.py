"""The student sheet: tasks, the numbered article with room to mark, and space to write."""
from __future__ import annotations

import hashlib
from html import escape

from .notes import BEYOND_PROMPTS, COMPARE_PROMPTS, REWRITE_CHECK, REWRITE_TASK, RUBRIC, TASK_TITLES, TASKS
from .render_lines import numbered_article
from .render_page import article_title, bullets, meta_list, page
from .worksheet import ArticleSheet, Worksheet

BLANK_ROWS = 4


def prefix_for(ws: Worksheet) -> str:
    """An id prefix unique to the worksheet's articles."""
    digest = hashlib.sha256("".join(a.report.article.text for a in ws.articles).encode("utf-8")).hexdigest()[:10]
    return f"ws{digest}"


def sheet_title(ws: Worksheet) -> str:
    if ws.comparison is not None:
        return "Same story, two outlets"
    return article_title(ws.articles[0].report)


def _suffix(ws: Worksheet, sheet: ArticleSheet) -> str:
    return f" (article {sheet.label})" if len(ws.articles) > 1 else ""


def blank_table(headers: list[str], rows: int, first: list[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    labels = first or [""] * rows
    body = "".join("<tr>" + f"<td>{escape(x)}</td>" + "<td></td>" * (len(headers) - 1) + "</tr>" for x in labels)
    return f'<table class="blank"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def word_detective(ws: Worksheet, sheet: ArticleSheet, prefix: str) -> str:
    tasks = "".join(f"<li><b>{escape(TASK_TITLES[t])}.</b> {escape(TASKS[t][ws.grade.name])}</li>" for t in TASK_TITLES)
    answers = "".join(f"<h3>{escape(TASK_TITLES[t])}</h3>" + blank_table(["Line", "Words", "Why did you mark it?"], BLANK_ROWS) for t in TASK_TITLES)
    return (
        f'<section class="exercise"><h2>Word detective{escape(_suffix(ws, sheet))}</h2>'
        f'<ol class="tasks">{tasks}</ol>'
        f"{numbered_article(sheet, f'{prefix}{sheet.label}', marked=False)}"
        f'<div class="new-page"><h2>Word detective: your answers{escape(_suffix(ws, sheet))}</h2>{answers}</div></section>'
    )


def say_it_straight(ws: Worksheet, sheet: ArticleSheet) -> str:
    if not sheet.rewrites:
        items = '<p class="note">framing found no sentence with words that judge in this article. Pick one sentence yourself.</p>'
    else:
        items = "".join(
            f'<div class="rewrite"><b>Sentence {i}</b> <span class="marker">(line {_lines(r.lines)})</span>'
            f'<blockquote>{escape(r.text)}</blockquote><span class="fill"></span><span class="fill"></span></div>'
            for i, r in enumerate(sheet.rewrites, start=1)
        )
    check = f'<p class="note">{escape(REWRITE_CHECK)}</p>' if ws.grade.name != "6-8" else ""
    return (
        f'<section class="exercise new-page"><h2>Say it straight{escape(_suffix(ws, sheet))}</h2>'
        f"<p>{escape(REWRITE_TASK)}</p>{items}{check}<h3>How your rewrite will be marked</h3>{rubric_table()}</section>"
    )


def _lines(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return "?"
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"


def rubric_table() -> str:
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in RUBRIC)
    return f"<table><thead><tr><th>Look for</th><th>2 points</th><th>1 point</th><th>0 points</th></tr></thead><tbody>{rows}</tbody></table>"


def same_story(ws: Worksheet) -> str:
    c = ws.comparison
    assert c is not None
    a, b = (f"A: {r.article.meta.outlet or article_title(r)}" for r in (c.a, c.b))
    names = [r.name for r in c.names] + [r.name for r in c.topics[:4]]
    return (
        '<section class="exercise new-page"><h2>Same story, two outlets</h2>'
        f'<div class="pair"><div>{meta_list(c.a, "A")}</div><div>{meta_list(c.b, "B")}</div></div>'
        "<h3>1. Predict</h3><p>Which story uses more words that judge? Which one names more of its sources? "
        "Write your guess, then count.</p><span class=\"fill\"></span>"
        f"<h3>2. Who is quoted?</h3>{blank_table(['Who', a, 'B: ' + (c.b.article.meta.outlet or article_title(c.b))], 6)}"
        "<h3>3. Same names, different words</h3><p>How does each story talk about these people, places and things? "
        "Write the words each one uses.</p>"
        f"{blank_table(['Name', a, 'B: ' + (c.b.article.meta.outlet or article_title(c.b))], len(names), names)}"
        f"<h3>4. Facts only in A, only in B</h3>{blank_table(['Fact', 'In A? (line)', 'In B? (line)', 'Why might one story leave it out?'], 6)}"
        f"<h3>5. Think about it</h3>{bullets(COMPARE_PROMPTS)}</section>"
    )


def render_sheet(ws: Worksheet) -> str:
    """The student sheet as one self-contained, printable page."""
    prefix = prefix_for(ws)
    metas = "".join(meta_list(s.report, s.label if len(ws.articles) > 1 else None) for s in ws.articles)
    header = (
        f'<header><p class="eyebrow">framing worksheet &middot; {escape(ws.grade.label)}</p><h1>{escape(sheet_title(ws))}</h1>'
        '<div class="name-row"><span>Name:</span><span>Class:</span><span>Date:</span></div>'
        f"{metas}</header>"
    )
    parts = [header]
    if "word-detective" in ws.exercises:
        parts += [word_detective(ws, s, prefix) for s in ws.articles]
    if "say-it-straight" in ws.exercises:
        parts += [say_it_straight(ws, s) for s in ws.articles]
    if "same-story" in ws.exercises:
        parts.append(same_story(ws))
    parts.append(f'<section class="new-page"><h2>Think beyond the words</h2><p>framing reads only words. These questions are for you.</p>{bullets(BEYOND_PROMPTS)}</section>')
    return page(f"Worksheet: {sheet_title(ws)}", "\n".join(parts))
