"""The answer key: framing's findings on the numbered article, a plain note for each, and the rubric."""
from __future__ import annotations

from html import escape

from ..render.html_article import annotate
from .exercises import KeyItem, RewriteItem
from .notes import BEYOND_PROMPTS, REWRITE_CHECK, TASK_TITLES
from .render_compare import comparison_sections
from .render_lines import item_spans, numbered_article
from .render_page import bullets, legend, meta_list, page
from .render_sheet import _lines, _suffix, prefix_for, rubric_table, sheet_title
from .teacher import CAVEAT, LESSON
from .worksheet import EXERCISES, ArticleSheet, Worksheet


def lesson(ws: Worksheet) -> str:
    parts = []
    for ex in ws.exercises:
        minutes, steps = LESSON[ex]
        name = {"word-detective": "Word detective", "say-it-straight": "Say it straight", "same-story": "Same story, two outlets"}[ex]
        parts.append(f"<h3>{escape(name)} (about {minutes} minutes)</h3><ol>" + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol>")
    return "<section><h2>Running the lesson</h2>" + "".join(parts) + "</section>"


def _row(it: KeyItem, prefix: str) -> str:
    words = escape(it.text) + (f'<br><span class="marker">{escape(it.name)}</span>' if it.name and it.name != it.text else "")
    voice = "in a quote" if it.voice == "quoted" else "writer"
    return (
        f'<tr id="{prefix}-fn-{it.number}"><td class="num">{it.number}</td><td class="num">{it.line}</td><td>{words}</td>'
        f"<td>{escape(it.label)}</td><td>{escape(it.note)}</td><td>{escape(it.alternative or '')}</td><td>{voice}</td></tr>"
    )


def task_tables(sheet: ArticleSheet, prefix: str) -> str:
    out = []
    for task, title in TASK_TITLES.items():
        items = [it for it in sheet.items if it.task == task]
        if not items:
            out.append(f'<h3>{escape(title)}</h3><p class="note">framing found none at this level.</p>')
            continue
        rows = "".join(_row(it, prefix) for it in items)
        out.append(
            f"<h3>{escape(title)} ({len(items)})</h3><table><thead><tr><th>#</th><th>Line</th><th>Words</th><th>What it is</th>"
            f"<th>Note</th><th>Neutral alternative</th><th>Voice</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    return "".join(out)


def speakers_table(sheet: ArticleSheet) -> str:
    rows = "".join(
        f"<tr><td>{escape(s.name)}</td><td>{'yes' if s.named else 'no'}</td><td>{escape(s.type.replace('_', ' '))}</td>"
        f"<td>{escape(', '.join(s.quoted))}</td><td>{escape(', '.join(s.verbs))}</td><td>{escape(', '.join(map(str, s.lines)))}</td></tr>"
        for s in sheet.speakers
    )
    if not rows:
        return '<p class="note">framing found no one quoted or cited.</p>'
    return ("<table><thead><tr><th>Who</th><th>Named?</th><th>Type</th><th>How</th><th>Verbs</th><th>Lines</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")  # fmt: skip


def word_detective(ws: Worksheet, sheet: ArticleSheet, prefix: str) -> str:
    p = f"{prefix}{sheet.label}"
    kinds = {it.kind for it in sheet.items}
    return (
        f'<section class="exercise new-page"><h2>Word detective{escape(_suffix(ws, sheet))}</h2>{legend(kinds)}'
        f'<p class="note">Italic highlights stand inside a quotation: the speaker\'s words, not the writer\'s. '
        f"Boxed words are people or groups who speak. Small numbers lead to the notes.</p>"
        f'{numbered_article(sheet, p, marked=True)}{task_tables(sheet, p)}<h3>Everyone who speaks</h3>{speakers_table(sheet)}</section>'
    )


def _rewrite(sheet: ArticleSheet, r: RewriteItem, n: int, prefix: str) -> str:
    marked = annotate(sheet.report.article.text, r.start, r.end, item_spans(r.words), f"{prefix}{sheet.label}-s{n}")
    swaps = "".join(
        f"<li><b>{escape(w.text)}</b> ({escape(w.label)}): "
        + (f"try <i>{escape(w.alternative)}</i>. " if w.alternative else "no simple swap; say who holds the view, or leave it out. ")
        + f"{escape(w.note)}</li>"
        for w in r.words
    )
    score = f" The classifier puts this sentence at {r.score:.2f} for loaded or one-sided." if r.score is not None else ""
    return (
        f'<div class="rewrite"><b>Sentence {n}</b> <span class="marker">(line {_lines(r.lines)}; weight of flagged words '
        f"{r.weight:.2f}.{escape(score)})</span><blockquote>{marked}</blockquote><ul>{swaps}</ul></div>"
    )


def say_it_straight(ws: Worksheet, sheet: ArticleSheet, prefix: str) -> str:
    items = "".join(_rewrite(sheet, r, i, prefix) for i, r in enumerate(sheet.rewrites, start=1))
    items = items or '<p class="note">No sentence had words that judge in the writer\'s own voice.</p>'
    return (
        f'<section class="exercise new-page"><h2>Say it straight{escape(_suffix(ws, sheet))}</h2>'
        "<p class=\"note\">The sentences with the most weight of flagged words in the writer's own voice"
        + (" plus the classifier's score" if any(r.score is not None for r in sheet.rewrites) else "")
        + ". Quoted words are left out: they are the speaker's, and a rewrite should keep a quote as it is.</p>"
        f"{items}<h3>Rubric</h3>{rubric_table()}<p>{escape(REWRITE_CHECK)} For example: "
        "<code>framing score rewrite.txt</code>. Flags that are gone show the change; a new flag is worth a look.</p></section>"
    )


def render_key(ws: Worksheet) -> str:
    """The answer key as one self-contained, printable page."""
    prefix = prefix_for(ws)
    metas = "".join(meta_list(s.report, s.label if len(ws.articles) > 1 else None) for s in ws.articles)
    header = (
        f'<header><p class="eyebrow">framing answer key &middot; {escape(ws.grade.label)} &middot; for the teacher</p>'
        f'<h1>{escape(sheet_title(ws))}</h1>{metas}<p class="disclaimer">{escape(CAVEAT)}</p></header>'
    )
    parts = [header, lesson(ws)]
    if "word-detective" in ws.exercises:
        parts += [word_detective(ws, s, prefix) for s in ws.articles]
    if "say-it-straight" in ws.exercises:
        parts += [say_it_straight(ws, s, prefix) for s in ws.articles]
    if ws.comparison is not None:
        parts.append(f'<div class="exercise new-page"><h2 class="eyebrow">Same story, two outlets</h2>{comparison_sections(ws.comparison)}</div>')
    parts.append(f"<section><h2>Beyond the words</h2>{bullets(BEYOND_PROMPTS)}</section>")
    a = ws.articles[0].report
    parts.append(f'<section class="method"><p class="note">framing {escape(a.framing_version)}; lexicons {escape(a.lexicon_version)}. '
                 f"Exercises: {escape(', '.join(e for e in EXERCISES if e in ws.exercises))}.</p></section>")
    return page(f"Answer key: {sheet_title(ws)}", "\n".join(parts))
