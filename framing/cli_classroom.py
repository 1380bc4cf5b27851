"""Classroom commands: ``framing worksheet``, ``framing compare`` and ``framing check``.

Thin wrappers over ``framing.classroom``; bad input gives one ``framing: error:`` line on
standard error and a non-zero exit status, never a traceback.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn, Optional

import click

from .inputs import DEFAULT_MAX_BYTES, InputError
from .writers import write_atomic

GRADE_CHOICES = ("6-8", "9-12", "college")
EXERCISE_CHOICES = ("word-detective", "say-it-straight", "same-story", "all")


def _fail(message: str, status: int = 1) -> NoReturn:
    click.echo(f"framing: error: {message}", err=True)
    sys.exit(status)


def _score(path: str):
    from .pipeline import default_analyzer

    try:
        return default_analyzer().score_path(path, DEFAULT_MAX_BYTES)
    except InputError as e:
        _fail(str(e))


def _write(path: str, text: str) -> None:
    target = Path(path)
    if target.is_dir():
        _fail(f"{path}: is a directory; -o needs a file path", 2)
    try:
        write_atomic(path, text)
    except OSError as e:
        _fail(f"{path}: {e.strerror or e}")


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE [FILE_B]")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write worksheet.html, answer_key.html and answer_key.json into.")
@click.option("--grade", type=click.Choice(GRADE_CHOICES), default="9-12", show_default=True, help="Grade band: which findings the key lists and how many sentences to rewrite.")
@click.option("--exercise", "exercises", multiple=True, type=click.Choice(EXERCISE_CHOICES),
              help="Exercise to include (repeatable). Default: word-detective and say-it-straight for one article, all three for two.")
def worksheet(files: tuple[str, ...], out_dir: str, grade: str, exercises: tuple[str, ...]) -> None:
    """Write a printable worksheet and answer key for an article (or two articles on the same event).

    framing's findings become the answer key, with a plain note for each: a prompt for discussion, not the truth.
    """
    from .classroom import EXERCISES, build_worksheet, write_worksheet

    if len(files) > 2:
        _fail("give one article, or two about the same event", 2)
    chosen = EXERCISES if "all" in exercises and len(files) == 2 else tuple(e for e in exercises if e != "all") or None
    if "all" in exercises and len(files) == 1:
        chosen = EXERCISES[:2]
    reports = [_score(f) for f in files]
    try:
        ws = build_worksheet(reports, grade=grade, exercises=chosen)
    except ValueError as e:
        _fail(str(e), 2)
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        _fail(f"{out_dir}: exists and is not a folder", 2)
    try:
        paths = write_worksheet(ws, Path(out_dir))
    except OSError as e:
        _fail(f"{out_dir}: {e.strerror or e}")
    for p in paths:
        click.echo(f"framing: wrote {p}", err=True)


@click.command()
@click.argument("file_a", metavar="A")
@click.argument("file_b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "text"]), default=None,
              help="Output format (default: html when -o ends in .html, json for .json, else text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
def compare(file_a: str, file_b: str, fmt: Optional[str], output: Optional[str]) -> None:
    """Two articles on the same event side by side: rates, who is quoted, words for the same names, facts."""
    from .classroom import compare_reports

    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = "html" if suffix in (".html", ".htm") else "json" if suffix == ".json" else "text"
    c = compare_reports(_score(file_a), _score(file_b))
    text = c.to_html() if fmt == "html" else json.dumps(c.to_dict(), ensure_ascii=False, indent=1) + "\n" if fmt == "json" else c.to_text()
    if output:
        _write(output, text)
    else:
        click.echo(text, nl=False)


@click.command()
@click.argument("key_path", metavar="KEY.json")
@click.argument("answers_path", metavar="ANSWERS")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
def check(key_path: str, answers_path: str, fmt: str) -> None:
    """Compare a student's highlights (JSON or CSV of quoted words or spans) with a worksheet's key.

    Prints what was found by both, only by the student, and only by framing: never right or wrong.
    """
    from .classroom.answers import AnswersError
    from .classroom.check import check_answers, read_answers, read_key

    try:
        result = check_answers(read_key(Path(key_path)), read_answers(Path(answers_path)))
    except AnswersError as e:
        _fail(str(e))
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) if fmt == "json" else result.to_text(), nl=fmt == "json")


CLASSROOM_COMMANDS = (worksheet, compare, check)
