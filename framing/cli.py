"""The ``framing`` command: a thin layer over the library.

Results go to standard output (or ``-o``), messages to standard error, one line each.
"""
from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .nltk_import import import_nltk_lean

import_nltk_lean()  # first, before anything imports NLTK: start-up is about a second shorter

from .corpus import Options, expand_inputs, settle, settle_options  # noqa: E402  (and below: after NLTK)
from .inputs import DEFAULT_MAX_BYTES, InputError, read_bytes, read_path, syntax_for
from .lexicon import LexiconError, load_lexicon
from .classifier.store import ModelError
from .pipeline import Analyzer
from .sides import load_sides
from .writers import write_atomic

REPORT_FORMATS = ("text", "json", "markdown", "html")
CORPUS_FORMATS = ("jsonl", "csv", "parquet")
SETTLE_FROM = 20  # inputs from which a run first readies its process for a long run (``framing.corpus.settle``)


class ExitStatus(enum.IntEnum):
    OK = 0
    INPUT_ERROR = 1  # at least one input could not be scored
    USAGE = 2  # bad options (click's own code)
    CONFIG_ERROR = 3  # a lexicon, model or norms file could not be loaded


def _error(message: str) -> None:
    click.echo(f"framing: error: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """framing: show how a news article frames its story (loaded terms, hedges, attribution, who speaks).

    framing flags language for discussion; it does not rule an article biased or true.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_DIR_OR_GLOB...")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS + CORPUS_FORMATS), default="text", show_default=True,
              help="Per-article report (text, json: one object per line, markdown, html) or corpus table (jsonl, csv, parquet).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of standard output.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False), help="A lexicon folder to add to (or override) the shipped lexicons. Repeatable.")
@click.option("--syntax", type=click.Choice(["auto", "markdown", "plain", "html"]), default=None, help="How to read the input: Markdown, plain text, an HTML page, or sniff (default: .md is Markdown, .html HTML, others sniffed).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse input files larger than this.")
@click.option("--colour/--no-colour", "--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes for corpus formats (default: the cores available).")
@click.option("--resume", is_flag=True, help="Corpus formats: skip files already scored into OUT (or its checkpoint).")
@click.option("--tables", default="", help="Corpus csv/parquet: extra tables, comma-separated: findings,sources.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error (default: only on a terminal).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT", help="Corpus formats: score on this Dask cluster (pip install 'framing[dask]').")
@click.option("--text-column", default=None, metavar="COLUMN", help="Inputs are corpus tables (.csv, .tsv, .jsonl, .parquet): score the text in this column of every row; the other columns are carried through.")
@click.option("--id-column", default=None, metavar="COLUMN", help="Corpus tables: the column that identifies a row (default: the row number).")
@click.option("--model", "model", type=click.Path(file_okay=False), default=None, metavar="FOLDER", help="Score sentences with this classifier model (a folder from `framing train`) instead of the shipped one.")
@click.option("--no-model", is_flag=True, help="Leave the sentence classifier out: lexicons and rules only; sentence scores are null.")
@click.option("--sides", "sides_path", type=click.Path(dir_okay=False), default=None, metavar="FILE", help="A TSV mapping speakers and organisations to sides (name, side): quotes and words per side in the sourcing profile.")
@click.option("--norms", "norms_spec", default=None, metavar="FILE|default", help="Add percentiles and z-scores against reference norms: a file from `framing norms build`, or default (the shipped BBC News norms).")
def score(inputs: tuple[str, ...], fmt: str, output: Optional[str], lexicons: tuple[str, ...], syntax: Optional[str], max_bytes: int,
          colour: Optional[bool], jobs: Optional[int], resume: bool, tables: str, progress: Optional[bool], scheduler: Optional[str],
          text_column: Optional[str] = None, id_column: Optional[str] = None, model: Optional[str] = None, no_model: bool = False,
          norms_spec: Optional[str] = None, sides_path: Optional[str] = None) -> None:
    """Score articles: Markdown or text files, folders (walked recursively), globs, or - for standard input."""
    if model and no_model:
        _error("--model and --no-model exclude each other")
        sys.exit(ExitStatus.USAGE)
    if norms_spec and fmt in CORPUS_FORMATS:
        _error("--norms adds a section to per-article reports (text, json, markdown, html), not to corpus tables")
        sys.exit(ExitStatus.USAGE)
    from .cli_corpus_stats import attach_norms, norms_for_score

    norms, norms_warned = norms_for_score(norms_spec), set()
    try:
        sides = load_sides(sides_path) if sides_path else None
    except (OSError, ValueError) as e:
        _error(f"--sides: {e.strerror + ': ' + str(e.filename) if isinstance(e, OSError) and e.strerror else e}")
        sys.exit(ExitStatus.USAGE)
    try:
        analyzer = Analyzer(load_lexicon(*(Path(p) for p in lexicons)), model=False if no_model else (model or True), sides=sides)
        analyzer.classifier  # load now, so a bad model stops the run before any input is read
    except LexiconError as e:
        _error(str(e))
        sys.exit(ExitStatus.CONFIG_ERROR)
    except ModelError as e:
        _error(str(e))
        sys.exit(ExitStatus.CONFIG_ERROR)
    if output and Path(output).is_dir():
        _error(f"{output}: is a directory; -o needs a file path")
        sys.exit(ExitStatus.USAGE)
    paths = expand_inputs(inputs)
    missing_dirs = [i for i in inputs if Path(i).is_dir() and not any(p.startswith(str(Path(i))) for p in paths)]
    for d in missing_dirs:
        _error(f"{d}: folder holds no .md, .markdown, .txt or .html files")
    if fmt in CORPUS_FORMATS:
        options = Options(lexicons=tuple(str(Path(p).resolve()) for p in lexicons), max_bytes=max_bytes, syntax=syntax,
                          model="" if no_model else (str(Path(model).resolve()) if model else None),
                          sides=str(Path(sides_path).resolve()) if sides_path else None)
        if len(paths) > SETTLE_FROM and not scheduler:
            settle_options(options, analyzer)  # the analyzer built above, with the same settings
        code = _score_corpus(paths, fmt, output, options, jobs, resume, tables, progress, scheduler,
                             text_column=text_column, id_column=id_column, lexicon=analyzer.lexicon)
        sys.exit(ExitStatus.INPUT_ERROR if code or missing_dirs else ExitStatus.OK)
    if text_column or id_column:
        _error("corpus tables are scored into a table: add --format jsonl, csv or parquet and -o OUT")
        sys.exit(ExitStatus.USAGE)
    if fmt == "html" and len(paths) != 1:
        _error("--format html writes one self-contained page: give one input per run")
        sys.exit(ExitStatus.USAGE)
    use_colour = colour if colour is not None else (output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    chunks: list[str] = []
    failed = len(missing_dirs)
    if len(paths) > SETTLE_FROM:
        settle(analyzer)
    for item in paths:
        try:
            if item == "-":
                raw = read_bytes(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes)
                report = analyzer.score_text(raw, path=None, syntax=syntax)
            else:
                raw = read_path(item, max_bytes)
                report = analyzer.score_text(raw, path=item, syntax=syntax or syntax_for(item))
        except InputError as e:
            _error(str(e))
            failed += 1
            continue
        except Exception as e:  # a bug on one article must not stop the others, nor show a traceback
            if os.environ.get("FRAMING_DEBUG"):
                raise
            _error(f"{item}: internal error ({type(e).__name__}: {' '.join(str(e).split())[:200]}); please report it (FRAMING_DEBUG=1 shows the traceback)")
            failed += 1
            continue
        for w in report.warnings:
            click.echo(f"framing: warning: {item}: {w}", err=True)
        if norms is not None:
            report = attach_norms(report, norms, norms_spec, norms_warned)
        chunk = _render(report, fmt, bool(use_colour))
        if output:
            chunks.append(chunk)
        else:
            if fmt in ("text", "markdown") and chunks:
                click.echo("")
            click.echo(chunk, nl=False, color=bool(use_colour))
            chunks.append("")
    if output:
        write_atomic(output, "".join(chunks) if fmt == "json" else "\n".join(chunks))
    sys.exit(ExitStatus.INPUT_ERROR if failed else ExitStatus.OK)


def _render(report, fmt: str, colour: bool) -> str:
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "markdown":
        return report.to_markdown()
    if fmt == "html":
        return report.to_html()
    return report.to_text(colour=colour)


def _score_corpus(paths: list[str], fmt: str, output: Optional[str], options: "Options", jobs: Optional[int], resume: bool,
                  tables: str, progress: Optional[bool],
                  scheduler: Optional[str] = None, text_column: Optional[str] = None, id_column: Optional[str] = None,
                  lexicon=None) -> int:
    """Corpus mode: stream, parallel, resumable, with a manifest; returns the number of failed inputs."""
    from .corpus import default_jobs, run_corpus
    from .manifest import now, resume_problem, write_manifest

    wanted = tuple(t.strip() for t in tables.split(",") if t.strip())
    bad = [t for t in wanted if t not in ("findings", "sources")]
    if bad:
        _error(f"--tables: unknown table(s) {', '.join(bad)} (use findings,sources)")
        sys.exit(ExitStatus.USAGE)
    if not output:
        _error(f"--format {fmt} needs -o OUT (a file to write)")
        sys.exit(ExitStatus.USAGE)
    if "-" in paths:
        _error("standard input cannot be part of a corpus run; give files or folders")
        sys.exit(ExitStatus.USAGE)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            _error("--format parquet needs pyarrow: pip install 'framing[parquet]'")
            sys.exit(ExitStatus.USAGE)
    show = progress if progress is not None else (sys.stderr.isatty() and not os.environ.get("CI"))

    def bar(it, total):
        if not show:
            return it
        from tqdm import tqdm

        return tqdm(it, total=total, unit="article", file=sys.stderr, dynamic_ncols=True)

    if scheduler:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            _error("--scheduler needs Dask: pip install 'framing[dask]'")
            sys.exit(ExitStatus.USAGE)
    items, score_lines = paths, None
    if text_column or id_column:
        from .table_input import TableError, row_scorer, table_keys

        if not text_column or scheduler:
            _error("--id-column needs --text-column" if not text_column else "--scheduler scores files; corpus tables run on local processes (--jobs)")
            sys.exit(ExitStatus.USAGE)
        try:
            items = table_keys(paths, text_column, id_column)
        except TableError as e:
            _error(str(e))
            sys.exit(ExitStatus.INPUT_ERROR)
        score_lines = row_scorer(paths, text_column, id_column)
    settings = {"format": fmt, "tables": list(wanted), "lexicons": list(options.lexicons), "syntax": options.syntax,
                "max_bytes": options.max_bytes, "text_column": text_column, "id_column": id_column, "jobs": jobs,
                "scheduler": scheduler, "model": options.model, "sides": options.sides}
    lexicon = lexicon or load_lexicon(*(Path(p) for p in options.lexicons))
    if resume and Path(output).exists():
        problem = resume_problem(Path(output), settings, lexicon)
        if problem:
            _error(problem)
            sys.exit(ExitStatus.USAGE)
    started = now()
    summary = run_corpus(items, Path(output), fmt, options, jobs=jobs or default_jobs(), resume=resume, tables=wanted,
                         progress=bar, scheduler=scheduler, score_lines=score_lines)
    write_manifest(Path(output), paths, settings, lexicon, started, summary)
    for path, err in summary.errors:
        click.echo(f"framing: error: {err}", err=True)
    if summary.errors:
        click.echo(f"framing: errors listed in {output}.errors.tsv", err=True)
    click.echo(f"framing: {summary.line()}", err=True)
    return summary.failed


def _register() -> None:
    """Commands that live in their own modules."""
    from .cli_lexicon import lexicon
    from .cli_models import evaluate, train
    from .cli_research import RESEARCH_COMMANDS

    main.add_command(lexicon)
    main.add_command(train)
    main.add_command(evaluate)
    for command in RESEARCH_COMMANDS:
        main.add_command(command)
    from .cli_corpus_stats import CORPUS_STATS_COMMANDS

    for command in CORPUS_STATS_COMMANDS:
        main.add_command(command)
    from .cli_classroom import CLASSROOM_COMMANDS

    for command in CLASSROOM_COMMANDS:
        main.add_command(command)


_register()
