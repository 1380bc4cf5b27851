"""The ``framing`` command: a thin layer over the library.

Results go to standard output (or ``-o``), messages to standard error, one line each.
"""
from __future__ import annotations

import enum
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterator, Optional

import click

from . import __version__
from .inputs import DEFAULT_MAX_BYTES, InputError, read_bytes
from .lexicon import LexiconError, load_lexicon
from .pipeline import Analyzer

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")


class ExitStatus(enum.IntEnum):
    OK = 0
    INPUT_ERROR = 1  # at least one input could not be scored
    USAGE = 2  # bad options (click's own code)
    CONFIG_ERROR = 3  # a lexicon could not be loaded


def _error(message: str) -> None:
    click.echo(f"framing: error: {message}", err=True)


def expand_inputs(inputs: tuple[str, ...]) -> Iterator[str]:
    """Files as given; folders walked recursively for .md, .markdown and .txt files, sorted."""
    for item in inputs:
        p = Path(item)
        if item != "-" and p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file() and not f.name.startswith(".")
            )
            if not found:
                yield f"{item}\0empty-dir"
            yield from found
        else:
            yield item


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """framing: show how a news article frames its story (loaded terms, hedges, attribution, who speaks).

    framing flags language for discussion; it does not rule an article biased or true.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True, help="Output format. JSON gives one report object per line.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of standard output.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False), help="A lexicon folder to add to (or override) the shipped lexicons. Repeatable.")
@click.option("--syntax", type=click.Choice(["auto", "markdown", "plain"]), default=None, help="How to read the input: Markdown, plain text, or sniff (default: .md is Markdown, others sniffed).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse input files larger than this.")
@click.option("--colour/--no-colour", "--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
def score(inputs: tuple[str, ...], fmt: str, output: Optional[str], lexicons: tuple[str, ...], syntax: Optional[str], max_bytes: int, colour: Optional[bool]) -> None:
    """Score articles (Markdown or text files, folders, or - for standard input)."""
    try:
        analyzer = Analyzer(load_lexicon(*(Path(p) for p in lexicons)))
    except LexiconError as e:
        _error(str(e))
        sys.exit(ExitStatus.CONFIG_ERROR)
    if output and Path(output).is_dir():
        _error(f"{output}: is a directory; -o needs a file path")
        sys.exit(ExitStatus.USAGE)
    use_colour = colour if colour is not None else (output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    chunks: list[str] = []
    failed = 0
    for item in expand_inputs(inputs):
        if item.endswith("\0empty-dir"):
            _error(f"{item[:-10]}: folder holds no .md, .markdown or .txt files")
            failed += 1
            continue
        try:
            if item == "-":
                raw = read_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes)
                report = analyzer.score_text(raw, path=None, syntax=syntax)
            else:
                from .inputs import read_path, syntax_for

                raw = read_path(item, max_bytes)
                report = analyzer.score_text(raw, path=item, syntax=syntax or syntax_for(item))
        except InputError as e:
            _error(str(e))
            failed += 1
            continue
        for w in report.warnings:
            click.echo(f"framing: warning: {item}: {w}", err=True)
        if fmt == "json":
            chunk = report.to_json() + "\n"
        elif fmt == "markdown":
            chunk = report.to_markdown()
        else:
            chunk = report.to_text(colour=bool(use_colour))
        if output:
            chunks.append(chunk)
        else:
            if fmt != "json" and chunks:
                click.echo("")
            click.echo(chunk, nl=False, color=bool(use_colour))
            chunks.append("")
    if output:
        _write_atomic(output, "".join(chunks) if fmt == "json" else "\n".join(chunks))
    sys.exit(ExitStatus.INPUT_ERROR if failed else ExitStatus.OK)


def _write_atomic(path: str, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent.resolve()))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _register() -> None:
    """Commands that live in their own modules."""
    from .cli_lexicon import lexicon

    main.add_command(lexicon)


_register()
