"""Scoring a corpus: many files, several processes, streamed, resumable, atomic.

Every result goes first to a checkpoint (``OUT.partial.jsonl``, one report or error per
line, flushed as it arrives). When the run ends, the final output is written from the
checkpoint in input order to a temporary file and renamed into place, so an interrupted
run never leaves a half-written ``OUT``; ``--resume`` skips the files the checkpoint (or a
finished ``OUT`` in JSONL form) already holds.
"""
from __future__ import annotations

import gc
import glob
import json
import os
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from .inputs import DEFAULT_MAX_BYTES, InputError
from .manifest import output_files
from .writers import open_writer

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
# documentation files met while walking a folder (given by name, they are scored)
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE"})


def expand_inputs(items: Iterable[str]) -> list[str]:
    """Files as given, folders walked recursively, globs expanded; sorted within each item, no repeats."""
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        p = Path(item)
        if item == "-" or (not p.is_dir() and (p.exists() or p.is_symlink() or not glob.has_magic(item))):
            found = [item]  # not a folder: scored, or reported with the reason it cannot be (a FIFO, a link loop)
        elif p.is_dir():
            # every entry that is not a folder is kept, so a pipe or a broken link is reported, not skipped
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.startswith(".") and f.stem.upper() not in NOT_ARTICLES and not f.is_dir()
            )
        else:
            found = sorted(g for g in glob.glob(item, recursive=True) if not Path(g).is_dir())
        for f in found:
            if f not in seen:
                seen.add(f)
                out.append(f)
    return out


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Options:
    """What every worker needs to score a file the same way."""

    lexicons: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    syntax: Optional[str] = None
    model: Optional[str] = None  # a model folder; None: the shipped model; "" : no classifier
    sides: Optional[str] = None  # a sides TSV (``framing.sides.load_sides``)


_ADOPTED: dict[tuple, Any] = {}  # analyzers the CLI built already, by settings (``settle_options``)


def _analyzer(options: Options):
    """One analyzer per process and settings, built on first use."""
    key = (options.lexicons, options.model, options.sides)
    return _ADOPTED[key] if key in _ADOPTED else _analyzer_for(*key)


@lru_cache(maxsize=4)
def _analyzer_for(lexicons: tuple[str, ...], model: Optional[str], sides: Optional[str]):
    from .lexicon import load_lexicon
    from .pipeline import Analyzer
    from .sides import load_sides

    choice = False if model == "" else (model or True)
    return Analyzer(load_lexicon(*(Path(p) for p in lexicons)), model=choice, sides=load_sides(sides) if sides else None)


def settle(analyzer) -> None:
    """Ready a process that framing owns (the CLI, its forked workers) for a long run.

    Loads everything the analyzer would load on first use, then moves every object that
    exists so far out of the garbage collector's way (``gc.freeze``). A process holds tens
    of thousands of long-lived objects (lexicons, automata, models, the syllable
    dictionary; about 200,000 when NLTK's import also brings scikit-learn, SciPy and pandas,
    see ``framing.nltk_import``), and each full collection (one every few hundred
    articles) walked them all: about a tenth of a corpus run's time. Forked workers
    inherit the frozen objects and leave their pages shared. Library calls (notebooks) are left alone: the user's process is not ours to tune.
    """
    analyzer.load_all()
    gc.collect()
    gc.freeze()


def settle_options(options: Options, analyzer=None) -> None:
    """``settle`` this process with the analyzer that ``score_file`` uses for ``options``;
    ``analyzer``, when given, is one already built with the same settings, and is used."""
    if analyzer is not None:
        _ADOPTED[(options.lexicons, options.model, options.sides)] = analyzer
    settle(_analyzer(options))


def score_file(path: str, options: Options = Options()) -> dict[str, Any]:
    """Score one file; returns ``{"path", "report"}`` or ``{"path", "error"}``, never raises on bad input."""
    from .inputs import read_path, syntax_for

    try:
        raw = read_path(path, options.max_bytes)
        report = _analyzer(options).score_text(raw, path=path, syntax=options.syntax or syntax_for(path))
        return {"path": path, "report": report.to_dict()}
    except InputError as e:
        return {"path": path, "error": str(e)}
    except RecursionError:
        return {"path": path, "error": f"{path}: too deeply nested to parse"}
    except MemoryError:
        return {"path": path, "error": f"{path}: ran out of memory while scoring (try a smaller --max-bytes)"}
    except Exception as e:  # a bug must not stop the other files: it is reported like a bad input
        return {"path": path, "error": f"{path}: internal error ({type(e).__name__}: {' '.join(str(e).split())[:200]}); please report it"}


def score_line(args: tuple[str, Options]) -> str:
    """``score_file`` as one JSON line: workers serialise, so the parent only writes."""
    return json.dumps(score_file(*args), ensure_ascii=False) + "\n"


def map_scores(paths: list[str], options: Options, jobs: int = 1) -> Iterator[str]:
    """Results as JSON lines in input order, scored on ``jobs`` processes (1: in this process)."""
    yield from map_tasks(score_line, ((p, options) for p in paths), len(paths), options, jobs)


def map_tasks(func: Callable[[Any], str], tasks: Iterable[Any], count: int, options: Options, jobs: int = 1) -> Iterator[str]:
    """``func`` over ``count`` tasks (read lazily: a pool takes them as workers are free), in order."""
    if jobs <= 1 or count <= 1:
        for task in tasks:
            yield func(task)
        return
    # fork shares the analyzer built here with every worker; elsewhere each worker builds its own
    try:
        ctx = get_context("fork")
        _analyzer(options)
    except ValueError:
        ctx = get_context("spawn")
    chunk = max(1, min(32, count // (jobs * 8) or 1))
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(func, tasks, chunksize=chunk)


@dataclass
class Summary:
    scored: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        rate = self.scored / self.seconds if self.seconds else 0.0
        return (
            f"scored {self.scored}, failed {self.failed}, skipped (already done) {self.skipped}, "
            f"time {self.seconds:.1f} s ({rate:.1f} articles/s)"
        )


def _read_checkpoint(path: Path) -> dict[str, int]:
    """Paths already in a checkpoint or JSONL output -> byte offset of their line; a torn last line is ignored."""
    done: dict[str, int] = {}
    if not path.exists():
        return done
    with open(path, "rb") as fh:
        offset = 0
        for line in fh:
            if line.endswith(b"\n"):
                try:
                    rec = json.loads(line)
                    key = rec.get("path") or (rec.get("article") or {}).get("path")
                    if key:
                        done[key] = offset
                except ValueError:
                    pass
            offset += len(line)
    return done


def _earlier_rows(output: Path, fmt: str, tables: tuple[str, ...], side: Path) -> dict[str, int]:
    """The rows a finished CSV or Parquet ``output`` holds for each article (and in each of
    ``tables``), copied into ``side`` as one JSON line per article; path -> byte offset.

    Streamed: framing writes an article's table rows together and in article order, so the
    tables are read side by side. Empty if ``output`` or one of ``tables`` is missing.
    """
    from .table_input import iter_records  # it imports this module

    files = output_files(output, fmt, tables)
    if not all(files[t].exists() for t in ("articles", *tables)):
        return {}
    readers = {t: iter_records(str(files[t]), fmt) for t in tables}
    pending = {t: next(readers[t], None) for t in tables}
    offsets: dict[str, int] = {}
    with open(side, "wb") as fh:
        for row in iter_records(str(files["articles"]), fmt):
            path = row["path"]
            extra: dict[str, list] = {}
            for t in tables:
                extra[t] = []
                while pending[t] is not None and pending[t]["path"] == path:
                    extra[t].append(pending[t])
                    pending[t] = next(readers[t], None)
            offsets[path] = fh.tell()
            fh.write(json.dumps({"path": path, "article": row, "tables": extra}, ensure_ascii=False).encode("utf-8") + b"\n")
    return offsets


def _drop_torn_line(path: Path) -> None:
    """Cut a line that a killed run left half-written, so appended lines stay whole."""
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep < len(data):
        with open(path, "r+b") as fh:
            fh.truncate(keep)


def _write_in_order(
    inputs: list[str],
    done: dict[str, int],
    earlier: dict[str, int],
    fresh: Iterator[str],
    checkpoint: Path,
    side: Path,
    output: Path,
    fmt: str,
    tables: tuple[str, ...],
    summary: Summary,
) -> None:
    """Write ``output`` in input order while the workers score: each input's result comes from
    the checkpoint (``done``), from a finished earlier output (``earlier``, rows in ``side``)
    or, in order, from ``fresh``, which is appended to the checkpoint as it arrives."""
    with ExitStack() as stack:
        ck = stack.enter_context(open(checkpoint, "a", encoding="utf-8"))
        kept = stack.enter_context(open(checkpoint, "rb"))
        rows_of = stack.enter_context(open(side, "rb")) if earlier else kept
        writer = stack.enter_context(open_writer(output, fmt, tables))
        for path in inputs:
            if path in done:
                kept.seek(done[path])
                rec = json.loads(kept.readline())
            elif path in earlier:
                rows_of.seek(earlier[path])
                rows = json.loads(rows_of.readline())
                writer.write_rows(rows["article"], rows["tables"])
                continue
            else:
                line = next(fresh, "")
                rec = json.loads(line) if line else {}
                if rec.get("path") != path:  # results come in input order: anything else is a bug
                    raise RuntimeError(f"{path}: the scorer returned {rec.get('path')!r} in its place")
                ck.write(line)
                ck.flush()
                summary.scored += "error" not in rec
            if "error" in rec:
                summary.failed += 1
                summary.errors.append((path, rec["error"]))
            else:
                writer.write(rec["report"])


def run_corpus(
    inputs: list[str],
    output: Path,
    fmt: str,
    options: Options,
    jobs: int = 1,
    resume: bool = False,
    tables: tuple[str, ...] = (),
    progress: Callable[[Iterable, int], Iterable] = lambda it, total: it,
    scheduler: Optional[str] = None,
    score_lines: Optional[Callable[[list[str], Options, int], Iterator[str]]] = None,
) -> Summary:
    """Score ``inputs`` into ``output`` (jsonl, csv or parquet) via a resumable checkpoint,
    on ``jobs`` local processes or on the Dask cluster at ``scheduler``; ``score_lines``
    scores inputs that are not files (``framing.table_input.row_scorer``)."""
    start = time.monotonic()
    checkpoint = output.with_name(output.name + ".partial.jsonl")
    if not resume:
        checkpoint.unlink(missing_ok=True)
    if resume and checkpoint.exists():
        _drop_torn_line(checkpoint)
    done = _read_checkpoint(checkpoint) if resume else {}
    if resume and fmt == "jsonl" and output.exists():
        # a finished earlier run: copy its records into the checkpoint so they are kept
        finished = _read_checkpoint(output)
        with open(output, "rb") as src, open(checkpoint, "ab") as dst:
            for line in src:
                rec = json.loads(line)
                p = rec.get("article", {}).get("path")
                if p and p not in done:
                    dst.write(json.dumps({"path": p, "report": rec}, ensure_ascii=False).encode() + b"\n")
        done = _read_checkpoint(checkpoint) if finished else done
    side = output.with_name(output.name + ".earlier.jsonl")
    earlier: dict[str, int] = {}
    if resume and fmt != "jsonl" and output.exists():
        # a finished table output (its settings checked by the caller): its rows are kept
        earlier = {p: o for p, o in _earlier_rows(output, fmt, tables, side).items() if p not in done}
    todo = [p for p in inputs if p not in done and p not in earlier]
    summary = Summary(skipped=len(inputs) - len(todo))
    if scheduler:
        from .distributed import map_scores_dask

        lines = map_scores_dask(todo, options, scheduler)
    else:
        lines = (score_lines or map_scores)(todo, options, jobs)
    fresh = iter(progress(lines, len(todo)))
    # the output is written while the workers score (in input order, earlier results read back
    # from the checkpoint or the earlier output), so no pass over the whole corpus is left for the end
    try:
        _write_in_order(inputs, done, earlier, fresh, checkpoint, side, output, fmt, tables, summary)
    finally:
        side.unlink(missing_ok=True)
    errors_path = output.with_name(output.name + ".errors.tsv")
    if summary.errors:
        with open(errors_path, "w", encoding="utf-8") as fh:
            fh.write("path\terror\n")
            fh.writelines(f"{p}\t{e}\n" for p, e in summary.errors)
    else:
        errors_path.unlink(missing_ok=True)
    checkpoint.unlink(missing_ok=True)
    summary.seconds = time.monotonic() - start
    return summary
