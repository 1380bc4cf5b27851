"""``framing norms build`` and ``framing compare-corpora``: statistics over groups of articles.

``framing.cli`` registers ``CORPUS_STATS_COMMANDS`` and calls ``norms_for_score`` for
``framing score --norms``. Results go to standard output (or ``-o``), messages to standard
error; exit status as ``framing.cli.ExitStatus``.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any, Optional

import click

from . import __version__
from .corpus import Options, default_jobs, expand_inputs
from .corpus_stats import CorpusStats, collect_stats
from .keyness import DEFAULT_PRIOR, Keyness, distinguishing_ngrams, top_each_side
from .model import KINDS
from .norms import NormsError, build_norms, load_norms, with_norms
from .rate_compare import DEFAULT_RESAMPLES, DEFAULT_SEED, RateComparison, compare_rates
from .writers import write_atomic, write_or_echo

INPUT_ERROR, USAGE, CONFIG_ERROR = 1, 2, 3


def _fail(message: str, status: int) -> None:
    click.echo(f"framing: error: {message}", err=True)
    sys.exit(status)


def _collect(items: tuple[str, ...], lexicons: tuple[str, ...], jobs: Optional[int], progress: Optional[bool],
             with_ngrams: bool) -> CorpusStats:
    """Score the files under ``items``; report each failure on standard error."""
    paths = [p for p in expand_inputs(items) if p != "-"]
    if not paths:
        _fail(f"{', '.join(items)}: no .md, .markdown, .txt or .html files found", INPUT_ERROR)
    if lexicons:  # fail early, in this process, on a lexicon that does not load
        from .lexicon import LexiconError, load_lexicon

        try:
            load_lexicon(*(Path(p) for p in lexicons))
        except LexiconError as e:
            _fail(str(e), CONFIG_ERROR)
    show = progress if progress is not None else (sys.stderr.isatty() and not os.environ.get("CI"))

    def bar(it, total):
        if not show:
            return it
        from tqdm import tqdm

        return tqdm(it, total=total, unit="article", file=sys.stderr, dynamic_ncols=True)

    options = Options(lexicons=tuple(str(Path(p).resolve()) for p in lexicons))
    stats = collect_stats(paths, options, jobs or default_jobs(), with_ngrams, bar)
    for _, err in stats.errors:
        click.echo(f"framing: error: {err}", err=True)
    return stats


# ---------------------------------------------------------------- norms


@click.group()
def norms() -> None:
    """Reference distributions of every rate, for percentiles and z-scores in reports (framing score --norms)."""


@norms.command("build")
@click.argument("inputs", nargs=-1, required=True, metavar="DIR_OR_GLOB...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True), help="The norms file to write (JSON).")
@click.option("--name", default=None, help="The reference corpus's name, as reports and docs cite it (default: the folder names).")
@click.option("--label", default=None, help="A short name for report columns, e.g. 'BBC' (default: --name).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False), help="A lexicon folder to add to the shipped lexicons. Repeatable.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes (default: the cores available).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error (default: only on a terminal).")
def norms_build(inputs: tuple[str, ...], output: str, name: Optional[str], label: Optional[str], lexicons: tuple[str, ...],
                jobs: Optional[int], progress: Optional[bool]) -> None:
    """Score every article under DIR_OR_GLOB... and write the distribution of every metric (aggregate numbers only)."""
    stats = _collect(inputs, lexicons, jobs, progress, with_ngrams=False)
    corpus = name or ", ".join(Path(i).name or i for i in inputs)
    command = ["framing", "norms", "build", *inputs, *(["--name", name] if name else []), *(["--label", label] if label else []),
               *[a for lex in lexicons for a in ("--lexicon", lex)], "-o", output]
    try:
        data = build_norms(stats.records, corpus, label=label, failed=len(stats.errors), framing_version=__version__,
                           lexicon_version=stats.lexicon_version, lexicon_sha256=stats.lexicon_sha256, command=shlex.join(command))
    except NormsError as e:
        _fail(str(e), INPUT_ERROR)
    write_or_echo(output, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    click.echo(f"framing: norms of {len(data['metrics'])} metrics from {data['articles']} articles "
               f"({len(stats.errors)} failed) written to {output}", err=True)
    sys.exit(INPUT_ERROR if stats.errors else 0)


def norms_for_score(spec: Optional[str]) -> Optional[dict[str, Any]]:
    """The norms ``framing score --norms SPEC`` asked for, or None; a bad file ends the run with one line."""
    if not spec:
        return None
    try:
        return load_norms(spec)
    except NormsError as e:
        _fail(str(e), CONFIG_ERROR)
    return None


def attach_norms(report, norms_data: dict[str, Any], spec: str, warned: set[str]):
    """``report`` with its norms section; warns once per run when the norms used other lexicons."""
    out = with_norms(report, norms_data, spec)
    if not out.norms["same_lexicon"] and spec not in warned:
        warned.add(spec)
        click.echo(
            f"framing: warning: norms {spec} were built with lexicons {norms_data.get('lexicon_version')} "
            f"(sha256 {str(norms_data.get('lexicon_sha256'))[:12]}), these reports use {report.lexicon_version} "
            f"(sha256 {report.lexicon_sha256[:12]}): percentiles compare different word lists",
            err=True,
        )
    return out


# ---------------------------------------------------------------- compare-corpora


@click.command("compare-corpora")
@click.argument("group_a", metavar="A")
@click.argument("group_b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="text: both tables; json: everything; csv: the words table (see --rates-csv).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of standard output.")
@click.option("--plot", type=click.Path(dir_okay=False, writable=True), help="Also draw the comparison (.svg, .png or .pdf).")
@click.option("--rates-csv", type=click.Path(dir_okay=False, writable=True), help="Also write the rates table as CSV.")
@click.option("--label-a", default=None, help="Name of group A (default: its folder name).")
@click.option("--label-b", default=None, help="Name of group B (default: its folder name).")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Words and phrases shown per side (text and plot).")
@click.option("--min-count", type=click.IntRange(min=1), default=3, show_default=True, help="Leave out n-grams seen fewer times in both groups together.")
@click.option("--prior", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_PRIOR, show_default=True,
              help="alpha_0: pseudo-counts of the informative Dirichlet prior, spread by the pooled frequency.")
@click.option("--level", type=click.FloatRange(0.5, 1, max_open=True), default=0.95, show_default=True, help="Confidence level of the rate intervals.")
@click.option("--resamples", type=click.IntRange(min=100), default=DEFAULT_RESAMPLES, show_default=True, help="Bootstrap resamples of the articles.")
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True, help="Seed of the bootstrap (a run repeats exactly).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False), help="A lexicon folder to add to the shipped lexicons. Repeatable.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes (default: the cores available).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error (default: only on a terminal).")
def compare_corpora(group_a: str, group_b: str, fmt: str, output: Optional[str], plot: Optional[str], rates_csv: Optional[str],
                    label_a: Optional[str], label_b: Optional[str], top: int, min_count: int, prior: float, level: float,
                    resamples: int, seed: int, lexicons: tuple[str, ...], jobs: Optional[int], progress: Optional[bool]) -> None:
    """Compare two groups of articles (folders, globs or files): the words and phrases that tell them apart
    (log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi and Quinn 2008) and the rates per
    1,000 words of every kind, with bootstrap confidence intervals."""
    if plot and Path(plot).suffix.lower() not in (".svg", ".png", ".pdf"):
        _fail(f"--plot {plot}: use a .svg, .png or .pdf file name", USAGE)
    label_a = label_a or _label(group_a) or "A"
    label_b = label_b or _label(group_b) or "B"
    if label_a == label_b:
        label_a, label_b = f"{label_a} (A)", f"{label_b} (B)"
    a = _collect((group_a,), lexicons, jobs, progress, with_ngrams=True)
    b = _collect((group_b,), lexicons, jobs, progress, with_ngrams=True)
    for stats, item in ((a, group_a), (b, group_b)):
        if not stats.records:
            _fail(f"{item}: no article could be scored", INPUT_ERROR)
    words = distinguishing_ngrams(a.ngrams, b.ngrams, prior, min_count)
    rates = compare_rates(a.records, b.records, level, resamples, seed)
    groups = {"a": _group(label_a, group_a, a), "b": _group(label_b, group_b, b)}
    method = {
        "words": f"log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), alpha_0 = {prior:g} "
                 "spread by the pooled frequency of both groups; z > 0 favours A; unigrams and bigrams within sentences "
                 "of title and body text, lower-cased, framing's tokenizer",
        "rates": f"pooled rate per 1,000 words (all findings over all words of a group); {level:.0%} percentile bootstrap "
                 f"over articles, {resamples} resamples, seed {seed}",
    }
    if fmt == "json":
        text = json.dumps({"schema": "framing.compare/1", "framing_version": __version__, "lexicon_version": a.lexicon_version,
                           "lexicon_sha256": a.lexicon_sha256, "groups": groups, "method": method,
                           "words": [r.to_dict() for r in words], "rates": [_nan_free(r.to_dict()) for r in rates]},
                          ensure_ascii=False, indent=1) + "\n"
    elif fmt == "csv":
        text = _csv([r.to_dict() for r in words])
    else:
        text = _text(words, rates, groups, method, top, level)
    write_or_echo(output, text)
    if rates_csv:
        write_atomic(rates_csv, _csv([_nan_free(r.to_dict()) for r in rates]))
    if plot:
        from .compare_plot import comparison_figure

        comparison_figure(words, rates, label_a, label_b, min(top, 15), level).savefig(plot)
    if a.errors or b.errors:
        sys.exit(INPUT_ERROR)


def _label(item: str) -> str:
    """A folder or file by its name, a glob as written."""
    return Path(item).name if Path(item).exists() else item


def _group(label: str, item: str, stats: CorpusStats) -> dict[str, Any]:
    return {"label": label, "input": item, "articles": len(stats.records), "failed": len(stats.errors),
            "words": sum(r["words"] for r in stats.records)}


def _nan_free(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


def _text(words: list[Keyness], rates: list[RateComparison], groups: dict[str, Any], method: dict[str, str], top: int, level: float) -> str:
    ga, gb = groups["a"], groups["b"]
    out = [f"A: {ga['label']} ({ga['articles']} articles, {ga['words']:,} words)",
           f"B: {gb['label']} ({gb['articles']} articles, {gb['words']:,} words)", ""]
    side_a, side_b = top_each_side(words, top)
    for label, rows in ((ga["label"], side_a), (gb["label"], side_b)):
        out.append(f"Words and phrases that favour {label}")
        out.append(f"  {'ngram':<32}{'z':>8}{'count A':>9}{'count B':>9}")
        out += [f"  {r.ngram[:31]:<32}{r.z:>8.2f}{r.count_a:>9}{r.count_b:>9}" for r in rows] or ["  (none)"]
        out.append("")
    out.append(f"Findings per 1,000 words, {level:.0%} intervals")
    out.append(f"  {'kind':<18}{'A':>22}{'B':>22}{'A / B':>22}")
    for r in (r for r in rates if r.metric in KINDS):
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}" + (f" [{r.ci_ratio[0]:.2f}, {r.ci_ratio[1]:.2f}]" if r.ci_ratio else " [-]")
        out.append(f"  {r.metric:<18}{_ci(r.rate_a, r.ci_a):>22}{_ci(r.rate_b, r.ci_b):>22}{ratio:>22}")
    out.append("")
    out.append(f"Method: {method['words']}.")
    out.append(f"Rates: {method['rates']}. |z| > 1.96 is p < .05 for one n-gram, unadjusted for the many compared.")
    out.append("framing flags language for discussion; it does not rule a group of articles biased or true.")
    return "\n".join(out) + "\n"


def _ci(value: float, ci: tuple[float, float]) -> str:
    return f"{value:.2f} [{ci[0]:.2f}, {ci[1]:.2f}]"


CORPUS_STATS_COMMANDS = (norms, compare_corpora)
